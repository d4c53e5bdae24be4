//! NIST P-256 (secp256r1), FIPS 186-5 / SP 800-186 §3.2.1.3.

use super::{AShape, Curve};
use crate::field::p256::{FieldElement, Scalar};

/// The NIST P-256 curve: `y² = x³ − 3x + b` over `F_p`, `p = 2^256 − 2^224 + 2^192 + 2^96 − 1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NistP256;

const B: FieldElement = FieldElement::from_hex_const(
    "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
);

impl Curve for NistP256 {
    type Base = FieldElement;
    type Scalar = Scalar;
    type Digest = sha2::Sha256;
    const NAME: &'static str = "P-256";
    const A: FieldElement = FieldElement::from_hex_const(
        "ffffffff00000001000000000000000000000000fffffffffffffffffffffffc",
    );
    const B: FieldElement = B;
    const B3: FieldElement = B.add_const(&B).add_const(&B);
    const A_SHAPE: AShape = AShape::MinusThree;
    const GENERATOR: (FieldElement, FieldElement) = (
        FieldElement::from_hex_const(
            "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
        ),
        FieldElement::from_hex_const(
            "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
        ),
    );
}
