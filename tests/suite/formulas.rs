//! The generic-`a` and `a = 0` formula sets (RCB16 Algorithms 1, 3, 7, 8, 9), checked on curves
//! defined entirely through the crypto-bigint `GenericField` — which also shows how to define a
//! curve without writing limb code.

use crate::common;

use crypto_bigint::{U256, const_prime_monty_params};
use ecckit::curves::{AShape, Curve};
use ecckit::ecdsa::EcdsaCurve;
use ecckit::field::GenericField;

const_prime_monty_params!(
    P256P,
    U256,
    "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
    6
);
const_prime_monty_params!(
    P256N,
    U256,
    "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
    7
);
type P256Fp = GenericField<P256P, 4, 32>;
type P256Fn = GenericField<P256N, 4, 32>;

/// P-256 again, but told to use the generic-`a` formulas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct P256GenericA;

const P256_B: P256Fp =
    P256Fp::from_hex_const("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");

impl Curve for P256GenericA {
    type Base = P256Fp;
    type Scalar = P256Fn;
    const NAME: &'static str = "P-256 (generic formulas)";
    const A: P256Fp =
        P256Fp::from_hex_const("ffffffff00000001000000000000000000000000fffffffffffffffffffffffc");
    const B: P256Fp = P256_B;
    const B3: P256Fp = P256_B.add_const(&P256_B).add_const(&P256_B);
    const A_SHAPE: AShape = AShape::Generic;
    const GENERATOR: (P256Fp, P256Fp) = (
        P256Fp::from_hex_const("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"),
        P256Fp::from_hex_const("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5"),
    );
}

impl EcdsaCurve for P256GenericA {
    type Digest = sha2::Sha256;
}

const_prime_monty_params!(
    K1P,
    U256,
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
    3
);
const_prime_monty_params!(
    K1N,
    U256,
    "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
    7
);
type K1Fp = GenericField<K1P, 4, 32>;
type K1Fn = GenericField<K1N, 4, 32>;

/// secp256k1 (`y² = x³ + 7`, SEC 2 §2.4.1) on the oracle field: the `a = 0` formulas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Secp256k1Oracle;

impl Curve for Secp256k1Oracle {
    type Base = K1Fp;
    type Scalar = K1Fn;
    const NAME: &'static str = "secp256k1 (oracle field)";
    const A: K1Fp = K1Fp::from_u64_const(0);
    const B: K1Fp = K1Fp::from_u64_const(7);
    const B3: K1Fp = K1Fp::from_u64_const(21);
    const A_SHAPE: AShape = AShape::Zero;
    const GENERATOR: (K1Fp, K1Fp) = (
        K1Fp::from_hex_const("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"),
        K1Fp::from_hex_const("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"),
    );
}

impl EcdsaCurve for Secp256k1Oracle {
    type Digest = sha2::Sha256;
}

#[test]
fn generic_a_formulas() {
    common::check_group_law::<P256GenericA>();
    common::check_scalar_mul::<P256GenericA>(1);
    common::check_protocols::<P256GenericA>(1);
}

#[test]
fn a_zero_formulas() {
    common::check_group_law::<Secp256k1Oracle>();
    common::check_scalar_mul::<Secp256k1Oracle>(2);
    common::check_sec1::<Secp256k1Oracle>(2);
    common::check_protocols::<Secp256k1Oracle>(2);
}
