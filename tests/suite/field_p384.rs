//! P-384 base and scalar fields against the crypto-bigint oracle.

use crate::{common, field_suite};

use crypto_bigint::{U384, const_prime_monty_params};
use ecckit::field::Field;
use ecckit::field::GenericField;
use ecckit::field::p384::{FieldElement, Scalar};

// Generators: 19 and 2 are quadratic non-residues mod p and mod n (Euler's criterion).
const_prime_monty_params!(
    OracleP,
    U384,
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
    19
);
const_prime_monty_params!(
    OracleN,
    U384,
    "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
    2
);
type Fp = GenericField<OracleP, 6, 48>;
type Fn = GenericField<OracleN, 6, 48>;

// The oracle suite of `common/field.rs`, once per field.
field_suite!(base_field, FieldElement, Fp);
field_suite!(scalar_field, Scalar, Fn);

#[test]
fn known_values() {
    let minus_one = -FieldElement::ONE;
    assert_eq!(minus_one.square(), FieldElement::ONE, "(p − 1)² = 1");
    let mut p_minus_1 = [0u8; 48];
    p_minus_1.copy_from_slice(&common::hex(
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffe",
    ));
    assert_eq!(minus_one.to_bytes(), p_minus_1);
    // 2^384 − 1 = p + 2^128 + 2^96 − 2^32.
    let all_ones = FieldElement::from_bytes_reduced(&[0xff; 48]);
    assert!(bool::from(FieldElement::from_bytes(&[0xff; 48]).is_none()));
    let mut want = [0u8; 48];
    want.copy_from_slice(&common::hex(
        "000000000000000000000000000000000000000000000000000000000000000100000000ffffffffffffffff00000000",
    ));
    assert_eq!(all_ones.to_bytes(), want);
    // 2·2^(−1) = 1.
    let two = FieldElement::from_u64(2);
    assert_eq!(two * two.invert().unwrap(), FieldElement::ONE);
    let minus_one_n = -Scalar::ONE;
    assert_eq!(minus_one_n * minus_one_n, Scalar::ONE, "(n − 1)² = 1");
    assert!(bool::from(Scalar::from_bytes(&[0xff; 48]).is_none()));
}
