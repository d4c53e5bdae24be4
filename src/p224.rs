//! NIST P-224 (secp224r1): the curve's types, ready to use.
//!
//! Everything here is the generic code instantiated at [`NistP224`]; see the crate docs for an
//! example.

pub use crate::curves::NistP224;

/// An element of the base field `F_p`.
pub type FieldElement = crate::field::p224::FieldElement;
/// An integer modulo the group order `n`.
pub type Scalar = crate::field::p224::Scalar;
/// A point in affine coordinates.
pub type AffinePoint = crate::point::AffinePoint<NistP224>;
/// A point in projective coordinates.
pub type ProjectivePoint = crate::point::ProjectivePoint<NistP224>;
/// A private key.
pub type SecretKey = crate::keys::SecretKey<NistP224>;
/// A public key.
pub type PublicKey = crate::keys::PublicKey<NistP224>;

/// The curve's object identifier, secp224r1 (SEC 2 §2.4.2; RFC 5480 §2.1.1.1): names the curve in PKCS#8, SEC1 and SPKI
/// key files.
#[cfg(feature = "pkcs8")]
impl der::oid::AssociatedOid for NistP224 {
    const OID: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.3.132.0.33");
}

/// ECDSA's policy for this curve: SHA-224.
impl crate::ecdsa::EcdsaCurve for NistP224 {
    type Digest = sha2::Sha224;
}

/// ECDSA over P-224 with SHA-224.
pub mod ecdsa {
    use super::NistP224;
    pub use crate::ecdsa::{DerSignature, RecoveryId};
    /// A signing key.
    pub type SigningKey = crate::ecdsa::SigningKey<NistP224>;
    /// A verifying key.
    pub type VerifyingKey = crate::ecdsa::VerifyingKey<NistP224>;
    /// A signature.
    pub type Signature = crate::ecdsa::Signature<NistP224>;
}

/// ECDH over P-224.
pub mod ecdh {
    use super::NistP224;
    pub use crate::ecdh::diffie_hellman;
    /// A raw shared secret.
    pub type SharedSecret = crate::ecdh::SharedSecret<NistP224>;
    /// A single-use secret.
    pub type EphemeralSecret = crate::ecdh::EphemeralSecret<NistP224>;
}
