//! NIST P-384 (secp384r1), FIPS 186-5 / SP 800-186 §3.2.1.4.

use super::{AShape, Curve};
use crate::field::p384::{FieldElement, Scalar};

/// The NIST P-384 curve: `y² = x³ − 3x + b` over `F_p`, `p = 2^384 − 2^128 − 2^96 + 2^32 − 1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NistP384;

const B: FieldElement = FieldElement::from_hex_const(
    "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
);

impl Curve for NistP384 {
    type Base = FieldElement;
    type Scalar = Scalar;
    type Digest = sha2::Sha384;
    const NAME: &'static str = "P-384";
    const A: FieldElement = FieldElement::from_hex_const(
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffc",
    );
    const B: FieldElement = B;
    const B3: FieldElement = B.add_const(&B).add_const(&B);
    const A_SHAPE: AShape = AShape::MinusThree;
    const GENERATOR: (FieldElement, FieldElement) = (
        FieldElement::from_hex_const(
            "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7",
        ),
        FieldElement::from_hex_const(
            "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f",
        ),
    );
}
