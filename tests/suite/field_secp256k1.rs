//! secp256k1 base and scalar fields against the crypto-bigint oracle, and a few known values.

use crate::field_suite;

use crypto_bigint::{U256, const_prime_monty_params};
use ecckit::field::secp256k1::{FieldElement, Scalar};
use ecckit::field::{Field, GenericField};

const_prime_monty_params!(
    OracleP,
    U256,
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
    3
);
const_prime_monty_params!(
    OracleN,
    U256,
    "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
    7
);
type Fp = GenericField<OracleP, 4, 32>;
type Fn = GenericField<OracleN, 4, 32>;

// The oracle suite of `common/field.rs`, once per field.
field_suite!(base_field, FieldElement, Fp);
field_suite!(scalar_field, Scalar, Fn);

/// Big-endian bytes of a 64-digit hex string.
fn hex32(hex: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
    }
    out
}

#[test]
fn known_values_base() {
    let p_minus_1 = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";
    let m1 = FieldElement::from_bytes(&hex32(p_minus_1)).unwrap();
    assert_eq!(m1, -FieldElement::ONE);
    assert_eq!(m1.to_bytes(), hex32(p_minus_1));
    // (p − 1)² = 1.
    assert_eq!(m1 * m1, FieldElement::ONE);
    assert_eq!(m1.square(), FieldElement::ONE);
    // p itself is not canonical and reduces to 0.
    let p = hex32("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    assert!(bool::from(FieldElement::from_bytes(&p).is_none()));
    assert_eq!(FieldElement::from_bytes_reduced(&p), FieldElement::ZERO);
    // 2^256 − 1 mod p = 2^256 − 1 − p = 0x1000003d0.
    let all_ones = FieldElement::from_bytes_reduced(&[0xff; 32]);
    assert_eq!(all_ones, FieldElement::from_u64(0x1_0000_03d0));
    // 2^128 · 2^128 = 2^256 ≡ 2^32 + 977.
    let mut b = [0u8; 32];
    b[15] = 1;
    let two_128 = FieldElement::from_bytes(&b).unwrap();
    assert_eq!(two_128 * two_128, FieldElement::from_u64(0x1_0000_03d1));
    assert_eq!(two_128.square(), FieldElement::from_u64(0x1_0000_03d1));
    // The largest product: (p − 1)·(p − 2) = 2.
    assert_eq!(m1 * (m1 - FieldElement::ONE), FieldElement::from_u64(2));
    // p ≡ 3 (mod 4): −1 is not a square; 4 is, with roots ±2.
    assert!(bool::from(m1.sqrt().is_none()));
    let r = FieldElement::from_u64(4).sqrt().unwrap();
    assert!(r == FieldElement::from_u64(2) || r == -FieldElement::from_u64(2));
    // Inverse of 2 is (p + 1)/2.
    let half = hex32("7fffffffffffffffffffffffffffffffffffffffffffffffffffffff7ffffe18");
    assert_eq!(FieldElement::from_u64(2).invert().unwrap().to_bytes(), half);
}

/// The rare path of the reduction, checked directly: after the second fold the value carries past
/// `2^256` and the carry is folded a third time. Random inputs reach it with probability about
/// `2^−190` (the edge values near `p` in the property test do reach it). With `a = 2^255` and
/// `b = 2H`, where `H·c` lies just below `(2^30 + 1)·2^256`, the first fold leaves `u4 = 2^30` over
/// a low part within `u4·c` of `2^256`.
#[test]
fn reduction_third_fold() {
    let mut a = [0u8; 32];
    a[0] = 0x80;
    let b = hex32("7ffffe19800740ae64522673227b42996796d48ba95ed6fe9d0d7e4a1f810536");
    let want = FieldElement::from_u64(0x1_5db2_755c);
    let product = FieldElement::from_bytes(&a).unwrap() * FieldElement::from_bytes(&b).unwrap();
    assert_eq!(product, want);
    let oracle = Fp::from_bytes(&a).unwrap() * Fp::from_bytes(&b).unwrap();
    assert_eq!(oracle.to_bytes(), want.to_bytes());
}

#[test]
fn known_values_scalar() {
    let n_minus_1 = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";
    let m1 = Scalar::from_bytes(&hex32(n_minus_1)).unwrap();
    assert_eq!(m1, -Scalar::ONE);
    assert_eq!(m1 * m1, Scalar::ONE);
    // 2^256 − 1 mod n = 2^256 − 1 − n.
    let all_ones = Scalar::from_bytes_reduced(&[0xff; 32]);
    assert_eq!(
        all_ones.to_bytes(),
        hex32("000000000000000000000000000000014551231950b75fc4402da1732fc9bebe")
    );
}
