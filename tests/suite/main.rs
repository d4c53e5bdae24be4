//! The crate's integration tests, as one test binary (`cargo test --test suite`; one module per
//! area, e.g. `cargo test --test suite wycheproof_vectors::`).
//!
//! One binary rather than one per file: each test binary instantiates the crate's generic curve
//! code again and compiles it at the test profile's `opt-level = 3`, so separate binaries
//! repeated that work once per file. The shared helpers are in `tests/common/` (also usable by a
//! standalone test file with `mod common;`).

#[path = "../common/mod.rs"]
mod common;

mod ct_vs_vartime;
mod curve25519_ecosystem;
mod curves;
mod der_crosscheck;
mod ecc_vs_rsa_report;
mod ed25519;
mod exhaustive;
mod field_curve25519;
mod field_p224;
mod field_p256;
mod field_p384;
mod field_p521;
mod field_secp256k1;
mod formulas;
mod hkdf_extract;
mod jwk;
mod keys_hash_generate;
mod openssl;
mod pki;
mod precompute;
mod rfc6979;
mod serde_formats;
mod signature_traits;
mod teach_examples;
mod toy_curve;
mod wycheproof_vectors;
mod x25519;
