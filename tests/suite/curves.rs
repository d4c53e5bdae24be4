//! The generic checks — group law, scalar multiplication, SEC1, ECDSA/ECDH/recovery round trips,
//! bad input — run once per curve.

use crate::common;

use ecckit::curves::{NistP224, NistP256, NistP384, NistP521, Secp256k1};

macro_rules! curve_tests {
    ($name:ident, $curve:ty, $seed:expr) => {
        mod $name {
            use super::*;

            #[test]
            fn group_law() {
                common::check_group_law::<$curve>();
            }

            #[test]
            fn scalar_mul() {
                common::check_scalar_mul::<$curve>($seed);
            }

            #[test]
            fn sec1() {
                common::check_sec1::<$curve>($seed);
            }

            #[test]
            fn protocols() {
                common::check_protocols::<$curve>($seed);
            }

            #[test]
            fn bad_input_never_panics() {
                common::bad_input::check_decoders::<$curve>($seed, 5_000);
            }

            #[test]
            fn secrets_do_not_print() {
                common::check_secrets_do_not_print::<$curve>();
            }

            #[test]
            fn errors() {
                common::bad_input::check_errors::<$curve>();
            }
        }
    };
}

curve_tests!(p224, NistP224, 224);
curve_tests!(p256, NistP256, 256);
curve_tests!(p384, NistP384, 384);
curve_tests!(p521, NistP521, 521);
curve_tests!(secp256k1, Secp256k1, 1);
