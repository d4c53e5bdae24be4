//! # ecckit
//!
//! Pure-Rust, constant-time elliptic-curve cryptography — ECDSA and ECDH — written in layers that
//! can be read from the bottom up:
//!
//! | layer | module | what | uses |
//! |---|---|---|---|
//! | 5. protocols | [`ecdsa`], [`ecdh`], [`keys`], [`rfc6979`] | keys, signatures, deterministic nonces, key agreement, encodings | 4, 3, 2, 1 |
//! | 4. scalar multiplication | [`point::mul`] | constant-time `k·P` and `k·G`; variable-time `a·G + b·P` | 3, 2, 1 |
//! | 3. points | [`point`] | affine, projective and Jacobian points, complete formulas (RCB16), SEC1 | 2, 1 |
//! | 2. curves | [`curves`] | parameter sets: `p`, `n`, `a`, `b`, `G`, name; compile-time tables of `G` | 1 |
//! | 1. fields | [`field`] | `F_p` and `F_n`: limb code per prime, a generic crypto-bigint field | — |
//!
//! Each layer uses only the layers below it: data crosses a layer as limbs, field elements or
//! points, and bytes are for the outside world. Per-curve modules ([`p224`], [`p256`], [`p384`],
//! [`p521`], [`secp256k1`]) instantiate the generic code and set each curve's protocol policy
//! (the ECDSA hash and low-S rule, [`ecdsa::EcdsaCurve`]), which stays out of the curve's
//! parameters.
//!
//! ```
//! use ecckit::p256::{SecretKey, ecdsa::SigningKey, ecdh};
//!
//! let mut rng = rand::rng();
//! // Signatures.
//! let signing_key = SigningKey::random(&mut rng);
//! let signature = signing_key.sign(b"hello");
//! assert!(signing_key.verifying_key().verify(b"hello", &signature).is_ok());
//!
//! // Key agreement.
//! let alice = SecretKey::random(&mut rng);
//! let bob = SecretKey::random(&mut rng);
//! let k1 = ecdh::diffie_hellman(&alice, &bob.public_key());
//! let k2 = ecdh::diffie_hellman(&bob, &alice.public_key());
//! assert_eq!(k1.raw_secret_bytes(), k2.raw_secret_bytes());
//! ```
//!
//! Constant time: everything that touches a secret runs without secret-dependent branches or
//! memory addresses. The exceptions are the functions whose names end in `_vartime`; each one's
//! documentation says which argument its timing leaks, and they are used on public data only.
//!
//! # Features
//!
//! All optional, additive; without `alloc` (`--no-default-features`, with or without `serde`,
//! `hkdf`, `getrandom`) the crate neither allocates nor needs `std`.
//!
//! | feature | default | what |
//! |---|---|---|
//! | `std` | yes | implies `alloc`; nothing else yet |
//! | `alloc` | via `std` | heap allocation, for the features that return strings |
//! | `hkdf` | yes | `ecdh::SharedSecret::extract`: HKDF-Extract (RFC 5869) from a shared secret; re-exports the `hkdf` crate as `ecckit::hkdf` |
//! | `serde` | no | `Serialize`/`Deserialize` for [`keys::PublicKey`], [`ecdsa::VerifyingKey`] (SEC1, compressed) and [`ecdsa::Signature`] (`r ‖ s`): hex in human-readable formats, bytes in binary ones; no allocation |
//! | `jwk` | no | JSON Web Keys (RFC 7517/7518) for the curves with a registered name (P-256, P-384, P-521, secp256k1): `PublicKey::{to_jwk_string, from_jwk_str}`, `SecretKey::{to_jwk_string, from_jwk_str}`; see the module `ecckit::jwk`; implies `alloc` and `serde` |
//! | `getrandom` | no | `generate()` on [`keys::SecretKey`], [`ecdsa::SigningKey`] and [`ecdh::EphemeralSecret`]: a key from the operating system's random number generator, without `rand` |

#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

/// Implements `+=`, `-=`, `*=` from `+`, `-`, `*` for a `Copy` type.
macro_rules! impl_assign_ops {
    ($t:ty, [$($g:tt)*]) => {
        impl<$($g)*> AddAssign for $t {
            #[inline]
            fn add_assign(&mut self, rhs: Self) {
                *self = *self + rhs;
            }
        }
        impl<$($g)*> SubAssign for $t {
            #[inline]
            fn sub_assign(&mut self, rhs: Self) {
                *self = *self - rhs;
            }
        }
        impl<$($g)*> MulAssign for $t {
            #[inline]
            fn mul_assign(&mut self, rhs: Self) {
                *self = *self * rhs;
            }
        }
    };
}
pub(crate) use impl_assign_ops;

mod buf;
#[cfg(feature = "pkcs8")]
mod containers;
#[cfg(feature = "pkcs8")]
mod containers25519;
mod ct;
pub mod curves;
pub mod ecdh;
pub mod ecdsa;
pub mod ed25519;
pub mod edwards;
mod error;
pub mod field;
mod hash;
#[cfg(feature = "jwk")]
pub mod jwk;
pub mod keys;
#[cfg(feature = "alloc")]
pub mod learn;
pub mod montgomery;
pub mod p224;
pub mod p256;
pub mod p384;
pub mod p521;
pub mod point;
pub mod rfc6979;
pub mod secp256k1;
#[cfg(feature = "serde")]
#[path = "serde.rs"]
mod serde_impls;
#[cfg(feature = "alloc")]
pub mod teach;
pub mod x25519;

pub use buf::FixedBuf;
#[cfg(feature = "pkcs8")]
pub use containers::EC_PUBLIC_KEY_OID;
pub use error::Error;

// The crates whose traits and types appear in ecckit's API, re-exported so that a user needs no
// dependency of their own (and gets the same versions).
pub use signature;
#[cfg(feature = "pkcs8")]
pub use {der, pkcs8, sec1, spki};

/// What `toy_curve!` expands to refers to; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use sha2::Sha256;
}

/// The README's code blocks, compiled and run as doc tests so that they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
#[cfg(feature = "hkdf")]
pub use hkdf;
pub use rand_core;
