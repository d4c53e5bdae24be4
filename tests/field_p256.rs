//! P-256 base and scalar fields against the crypto-bigint oracle.

mod common;

use common::field::{check_against_oracle, check_constants, check_square_edges, field_bytes};
use crypto_bigint::{U256, const_prime_monty_params};
use ecckit::field::GenericField;
use ecckit::p256::{FieldElement, Scalar};
use proptest::prelude::*;

const_prime_monty_params!(
    OracleP,
    U256,
    "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
    6
);
const_prime_monty_params!(
    OracleN,
    U256,
    "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
    7
);
type Fp = GenericField<OracleP, 4, 32>;
type Fn = GenericField<OracleN, 4, 32>;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn base_field(a in field_bytes::<Fp>(), b in field_bytes::<Fp>()) {
        check_against_oracle::<FieldElement, Fp>(&a, &b)?;
    }

    #[test]
    fn scalar_field(a in field_bytes::<Fn>(), b in field_bytes::<Fn>()) {
        check_against_oracle::<Scalar, Fn>(&a, &b)?;
    }
}

#[test]
fn constants() {
    check_constants::<FieldElement, Fp>();
    check_constants::<Scalar, Fn>();
}

#[test]
fn square_edges() {
    check_square_edges::<FieldElement, Fp>();
    check_square_edges::<Scalar, Fn>();
}
