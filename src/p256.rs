//! NIST P-256 (secp256r1): the curve's types, ready to use.
//!
//! Everything here is the generic code instantiated at [`NistP256`]; see the crate docs for an
//! example.

pub use crate::curves::NistP256;

/// An element of the base field `F_p`.
pub type FieldElement = crate::field::p256::FieldElement;
/// An integer modulo the group order `n`.
pub type Scalar = crate::field::p256::Scalar;
/// A point in affine coordinates.
pub type AffinePoint = crate::point::AffinePoint<NistP256>;
/// A point in projective coordinates.
pub type ProjectivePoint = crate::point::ProjectivePoint<NistP256>;
/// A private key.
pub type SecretKey = crate::keys::SecretKey<NistP256>;
/// A public key.
pub type PublicKey = crate::keys::PublicKey<NistP256>;

/// The curve's JWK name (`crv`, RFC 7518 §6.2.1.1).
#[cfg(feature = "jwk")]
impl crate::jwk::JwkCurve for NistP256 {
    const CRV: &'static str = "P-256";
}

/// ECDSA's policy for this curve: SHA-256.
impl crate::ecdsa::EcdsaCurve for NistP256 {
    type Digest = sha2::Sha256;
}

/// ECDSA over P-256 with SHA-256.
pub mod ecdsa {
    use super::NistP256;
    pub use crate::ecdsa::{DerSignature, RecoveryId};
    /// A signing key.
    pub type SigningKey = crate::ecdsa::SigningKey<NistP256>;
    /// A verifying key.
    pub type VerifyingKey = crate::ecdsa::VerifyingKey<NistP256>;
    /// A signature.
    pub type Signature = crate::ecdsa::Signature<NistP256>;
}

/// ECDH over P-256.
pub mod ecdh {
    use super::NistP256;
    pub use crate::ecdh::diffie_hellman;
    /// A raw shared secret.
    pub type SharedSecret = crate::ecdh::SharedSecret<NistP256>;
    /// A single-use secret.
    pub type EphemeralSecret = crate::ecdh::EphemeralSecret<NistP256>;
}
