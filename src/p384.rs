//! NIST P-384 (secp384r1): the curve's types, ready to use.
//!
//! Everything here is the generic code instantiated at [`NistP384`]; see the crate docs for an
//! example.

pub use crate::curves::NistP384;

/// An element of the base field `F_p`.
pub type FieldElement = crate::field::p384::FieldElement;
/// An integer modulo the group order `n`.
pub type Scalar = crate::field::p384::Scalar;
/// A point in affine coordinates.
pub type AffinePoint = crate::point::AffinePoint<NistP384>;
/// A point in projective coordinates.
pub type ProjectivePoint = crate::point::ProjectivePoint<NistP384>;
/// A private key.
pub type SecretKey = crate::keys::SecretKey<NistP384>;
/// A public key.
pub type PublicKey = crate::keys::PublicKey<NistP384>;

/// The curve's JWK name (`crv`, RFC 7518 §6.2.1.1).
#[cfg(feature = "jwk")]
impl crate::jwk::JwkCurve for NistP384 {
    const CRV: &'static str = "P-384";
}

/// ECDSA's policy for this curve: SHA-384.
impl crate::ecdsa::EcdsaCurve for NistP384 {
    type Digest = sha2::Sha384;
}

/// ECDSA over P-384 with SHA-384.
pub mod ecdsa {
    use super::NistP384;
    pub use crate::ecdsa::{DerSignature, RecoveryId};
    /// A signing key.
    pub type SigningKey = crate::ecdsa::SigningKey<NistP384>;
    /// A verifying key.
    pub type VerifyingKey = crate::ecdsa::VerifyingKey<NistP384>;
    /// A signature.
    pub type Signature = crate::ecdsa::Signature<NistP384>;
}

/// ECDH over P-384.
pub mod ecdh {
    use super::NistP384;
    pub use crate::ecdh::diffie_hellman;
    /// A raw shared secret.
    pub type SharedSecret = crate::ecdh::SharedSecret<NistP384>;
    /// A single-use secret.
    pub type EphemeralSecret = crate::ecdh::EphemeralSecret<NistP384>;
}
