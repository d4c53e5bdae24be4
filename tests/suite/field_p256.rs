//! P-256 base and scalar fields against the crypto-bigint oracle.

use crate::field_suite;

use crypto_bigint::{U256, const_prime_monty_params};
use ecckit::field::GenericField;
use ecckit::p256::{FieldElement, Scalar};

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

// The oracle suite of `common/field.rs`, once per field.
field_suite!(base_field, FieldElement, Fp);
field_suite!(scalar_field, Scalar, Fn);
