//! NIST P-521 (secp521r1): the curve's types, ready to use.
//!
//! Everything here is the generic code instantiated at [`NistP521`]; see the crate docs for an
//! example.

pub use crate::curves::NistP521;

/// An element of the base field `F_p`.
pub type FieldElement = crate::field::p521::FieldElement;
/// An integer modulo the group order `n`.
pub type Scalar = crate::field::p521::Scalar;
/// A point in affine coordinates.
pub type AffinePoint = crate::point::AffinePoint<NistP521>;
/// A point in projective coordinates.
pub type ProjectivePoint = crate::point::ProjectivePoint<NistP521>;
/// A private key.
pub type SecretKey = crate::keys::SecretKey<NistP521>;
/// A public key.
pub type PublicKey = crate::keys::PublicKey<NistP521>;

/// The curve's JWK name (`crv`, RFC 7518 §6.2.1.1).
#[cfg(feature = "jwk")]
impl crate::jwk::JwkCurve for NistP521 {
    const CRV: &'static str = "P-521";
}

/// ECDSA's policy for this curve: SHA-512.
impl crate::ecdsa::EcdsaCurve for NistP521 {
    type Digest = sha2::Sha512;
}

/// ECDSA over P-521 with SHA-512.
pub mod ecdsa {
    use super::NistP521;
    pub use crate::ecdsa::{DerSignature, RecoveryId};
    /// A signing key.
    pub type SigningKey = crate::ecdsa::SigningKey<NistP521>;
    /// A verifying key.
    pub type VerifyingKey = crate::ecdsa::VerifyingKey<NistP521>;
    /// A signature.
    pub type Signature = crate::ecdsa::Signature<NistP521>;
}

/// ECDH over P-521.
pub mod ecdh {
    use super::NistP521;
    pub use crate::ecdh::diffie_hellman;
    /// A raw shared secret.
    pub type SharedSecret = crate::ecdh::SharedSecret<NistP521>;
    /// A single-use secret.
    pub type EphemeralSecret = crate::ecdh::EphemeralSecret<NistP521>;
}
