//! secp256k1 (SEC 2), the Bitcoin and Ethereum curve: the curve's types, ready to use.
//!
//! Everything here is the generic code instantiated at [`Secp256k1`]; see the crate docs for an
//! example.

pub use crate::curves::Secp256k1;

/// An element of the base field `F_p`.
pub type FieldElement = crate::field::secp256k1::FieldElement;
/// An integer modulo the group order `n`.
pub type Scalar = crate::field::secp256k1::Scalar;
/// A point in affine coordinates.
pub type AffinePoint = crate::point::AffinePoint<Secp256k1>;
/// A point in projective coordinates.
pub type ProjectivePoint = crate::point::ProjectivePoint<Secp256k1>;
/// A private key.
pub type SecretKey = crate::keys::SecretKey<Secp256k1>;
/// A public key.
pub type PublicKey = crate::keys::PublicKey<Secp256k1>;

/// The curve's JWK name (`crv`, RFC 8812 §3.1).
#[cfg(feature = "jwk")]
impl crate::jwk::JwkCurve for Secp256k1 {
    const CRV: &'static str = "secp256k1";
}

/// ECDSA's policy for this curve: SHA-256, low-S signatures (BIP 62/146).
impl crate::ecdsa::EcdsaCurve for Secp256k1 {
    type Digest = sha2::Sha256;
    const LOW_S: bool = true;
}

/// ECDSA over secp256k1 with SHA-256 (signing returns low-S signatures).
pub mod ecdsa {
    use super::Secp256k1;
    pub use crate::ecdsa::{DerSignature, RecoveryId};
    /// A signing key.
    pub type SigningKey = crate::ecdsa::SigningKey<Secp256k1>;
    /// A verifying key.
    pub type VerifyingKey = crate::ecdsa::VerifyingKey<Secp256k1>;
    /// A signature.
    pub type Signature = crate::ecdsa::Signature<Secp256k1>;
}

/// ECDH over secp256k1.
pub mod ecdh {
    use super::Secp256k1;
    pub use crate::ecdh::diffie_hellman;
    /// A raw shared secret.
    pub type SharedSecret = crate::ecdh::SharedSecret<Secp256k1>;
    /// A single-use secret.
    pub type EphemeralSecret = crate::ecdh::EphemeralSecret<Secp256k1>;
}
