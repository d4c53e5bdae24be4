//! secp256k1, SEC 2 v2.0 §2.4.1: the Koblitz curve used by Bitcoin and Ethereum.

use super::{AShape, Curve};
use crate::field::secp256k1::{FieldElement, Scalar};

/// secp256k1: `y² = x³ + 7` over `F_p`, `p = 2^256 − 2^32 − 977`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Secp256k1;

impl Curve for Secp256k1 {
    type Base = FieldElement;
    type Scalar = Scalar;
    type Digest = sha2::Sha256;
    const NAME: &'static str = "secp256k1";
    const A: FieldElement = FieldElement::from_hex_const("0");
    const B: FieldElement = FieldElement::from_hex_const("7");
    const B3: FieldElement = FieldElement::from_hex_const("15");
    const A_SHAPE: AShape = AShape::Zero;
    const GENERATOR: (FieldElement, FieldElement) = (
        FieldElement::from_hex_const(
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
        ),
        FieldElement::from_hex_const(
            "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
        ),
    );
    const LOW_S: bool = true;
}
