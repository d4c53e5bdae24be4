//! NIST P-224 (secp224r1), FIPS 186-5 / SP 800-186 §3.2.1.2.

use super::{AShape, Curve};
use crate::field::p224::{FieldElement, Scalar};

/// The NIST P-224 curve: `y² = x³ − 3x + b` over `F_p`, `p = 2^224 − 2^96 + 1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NistP224;

const B: FieldElement =
    FieldElement::from_hex_const("b4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4");

impl Curve for NistP224 {
    type Base = FieldElement;
    type Scalar = Scalar;
    type Digest = sha2::Sha224;
    const NAME: &'static str = "P-224";
    const A: FieldElement =
        FieldElement::from_hex_const("fffffffffffffffffffffffffffffffefffffffffffffffffffffffe");
    const B: FieldElement = B;
    const B3: FieldElement = B.add_const(&B).add_const(&B);
    const A_SHAPE: AShape = AShape::MinusThree;
    const GENERATOR: (FieldElement, FieldElement) = (
        FieldElement::from_hex_const("b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21"),
        FieldElement::from_hex_const("bd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e34"),
    );
}
