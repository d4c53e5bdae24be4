//! P-224 base and scalar fields against the crypto-bigint oracle, and a few known values.

use crate::field_suite;

use crypto_bigint::{U256, const_prime_monty_params};
use ecckit::field::p224::{FieldElement, Scalar};
use ecckit::field::{Field, GenericField};

const_prime_monty_params!(
    OracleP,
    U256,
    "00000000ffffffffffffffffffffffffffffffff000000000000000000000001",
    22
);
const_prime_monty_params!(
    OracleN,
    U256,
    "00000000ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3d",
    2
);
type Fp = GenericField<OracleP, 4, 28>;
type Fn = GenericField<OracleN, 4, 28>;

// The oracle suite of `common/field.rs`, once per field.
field_suite!(base_field, FieldElement, Fp);
field_suite!(scalar_field, Scalar, Fn);

/// Big-endian bytes of a 56-digit hex string.
fn hex28(hex: &str) -> [u8; 28] {
    let mut out = [0u8; 28];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
    }
    out
}

#[test]
fn known_values_base() {
    let p_minus_1 = "ffffffffffffffffffffffffffffffff000000000000000000000000";
    let m1 = FieldElement::from_bytes(&hex28(p_minus_1)).unwrap();
    assert_eq!(m1, -FieldElement::ONE);
    assert_eq!(m1.to_bytes(), hex28(p_minus_1));
    // (p − 1)² = 1.
    assert_eq!(m1 * m1, FieldElement::ONE);
    assert_eq!(m1.square(), FieldElement::ONE);
    // p itself is not canonical and reduces to 0.
    let p = hex28("ffffffffffffffffffffffffffffffff000000000000000000000001");
    assert!(bool::from(FieldElement::from_bytes(&p).is_none()));
    assert_eq!(FieldElement::from_bytes_reduced(&p), FieldElement::ZERO);
    // 2^224 − 1 mod p = 2^224 − 1 − p = 2^96 − 2.
    let all_ones = FieldElement::from_bytes_reduced(&[0xff; 28]);
    assert_eq!(
        all_ones.to_bytes(),
        hex28("00000000000000000000000000000000fffffffffffffffffffffffe")
    );
    // 2^112 · 2^112 = 2^224 ≡ 2^96 − 1.
    let mut b = [0u8; 28];
    b[13] = 1;
    let two_112 = FieldElement::from_bytes(&b).unwrap();
    let want = hex28("00000000000000000000000000000000ffffffffffffffffffffffff");
    assert_eq!((two_112 * two_112).to_bytes(), want);
    assert_eq!(two_112.square().to_bytes(), want);
    // Inverse of 2 is (p + 1)/2.
    let half = hex28("7fffffffffffffffffffffffffffffff800000000000000000000001");
    assert_eq!(FieldElement::from_u64(2).invert().unwrap().to_bytes(), half);
}

#[test]
fn known_values_sqrt() {
    // p ≡ 1 (mod 4): −1 is a square. A root is 11^((p−1)/4).
    let i = hex28("e04ce3d9fc37fa7cfaca1a05af3062ab2cb969e6c198a5e71bdabe19");
    let i = FieldElement::from_bytes(&i).unwrap();
    assert_eq!(i.square(), -FieldElement::ONE);
    let r = (-FieldElement::ONE).sqrt().unwrap();
    assert!(r == i || r == -i);
    // 11 is the smallest non-residue; 11² is a square whose a^Q has the largest possible order
    // 2^95, so every Tonelli–Shanks round has work to do.
    let eleven = FieldElement::from_u64(11);
    assert!(bool::from(eleven.sqrt().is_none()));
    let r = eleven.square().sqrt().unwrap();
    assert!(r == eleven || r == -eleven);
    assert_eq!(FieldElement::ZERO.sqrt().unwrap(), FieldElement::ZERO);
}

#[test]
fn known_values_scalar() {
    let n_minus_1 = "ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3c";
    let m1 = Scalar::from_bytes(&hex28(n_minus_1)).unwrap();
    assert_eq!(m1, -Scalar::ONE);
    assert_eq!(m1 * m1, Scalar::ONE);
    // 2^224 − 1 mod n = 2^224 − 1 − n.
    let all_ones = Scalar::from_bytes_reduced(&[0xff; 28]);
    assert_eq!(
        all_ones.to_bytes(),
        hex28("0000000000000000000000000000e95d1f470fc1ec22d6baa3a3d5c2")
    );
}
