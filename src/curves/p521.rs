//! NIST P-521 (secp521r1), FIPS 186-5 / SP 800-186 §3.2.1.5.

use super::{AShape, Curve};
use crate::field::p521::{FieldElement, Scalar};

/// The NIST P-521 curve: `y² = x³ − 3x + b` over `F_p`, `p = 2^521 − 1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NistP521;

const B: FieldElement = FieldElement::from_hex_const(
    "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00",
);

impl Curve for NistP521 {
    type Base = FieldElement;
    type Scalar = Scalar;
    type Digest = sha2::Sha512;
    const NAME: &'static str = "P-521";
    const A: FieldElement = FieldElement::from_hex_const(
        "01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc",
    );
    const B: FieldElement = B;
    const B3: FieldElement = B.add_const(&B).add_const(&B);
    const A_SHAPE: AShape = AShape::MinusThree;
    const GENERATOR: (FieldElement, FieldElement) = (
        FieldElement::from_hex_const(
            "00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66",
        ),
        FieldElement::from_hex_const(
            "011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650",
        ),
    );
}
