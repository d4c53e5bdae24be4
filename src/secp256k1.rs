//! secp256k1 (SEC 2), the Bitcoin and Ethereum curve: the curve's types, ready to use.
//!
//! Everything here is the generic code instantiated at [`Secp256k1`]; see the crate docs for an
//! example.

pub use crate::curves::Secp256k1;

/// An element of the base field `F_p`.
///
/// # Example
///
/// ```
/// use ecckit::field::Field;
/// use ecckit::secp256k1::FieldElement;
///
/// let three = FieldElement::from_u64(3);
/// let inverse = three.invert().unwrap();
/// assert_eq!(three * inverse, FieldElement::ONE);
/// assert_eq!(three.square(), FieldElement::from_u64(9));
/// ```
pub type FieldElement = crate::field::secp256k1::FieldElement;
/// An integer modulo the group order `n`.
///
/// # Example
///
/// ```
/// use ecckit::field::Field;
/// use ecckit::secp256k1::Scalar;
///
/// // n − 1 is the largest scalar: adding one wraps around to zero.
/// let minus_one = -Scalar::ONE;
/// assert_eq!(minus_one + Scalar::ONE, Scalar::ZERO);
/// assert_eq!(minus_one.to_bytes().len(), 32);
/// ```
pub type Scalar = crate::field::secp256k1::Scalar;
/// A point in affine coordinates.
///
/// # Example
///
/// ```
/// use ecckit::field::Field;
/// use ecckit::secp256k1::{AffinePoint, ProjectivePoint, Scalar};
///
/// let g: AffinePoint = ProjectivePoint::mul_base(&Scalar::ONE).to_affine();
/// assert!(bool::from(g.is_on_curve()));
/// // SEC1 round trip, compressed.
/// let encoded = g.to_sec1_bytes(true);
/// assert_eq!(AffinePoint::from_sec1_bytes(&encoded).unwrap(), g);
/// ```
pub type AffinePoint = crate::point::AffinePoint<Secp256k1>;
/// A point in projective coordinates.
///
/// # Example
///
/// ```
/// use ecckit::field::Field;
/// use ecckit::secp256k1::{ProjectivePoint, Scalar};
///
/// let g = ProjectivePoint::mul_base(&Scalar::ONE);
/// let three_g = ProjectivePoint::mul_base(&Scalar::from_u64(3));
/// assert_eq!(g.double().add(&g), three_g);
/// assert_eq!(g.mul(&Scalar::from_u64(3)), three_g);
/// ```
pub type ProjectivePoint = crate::point::ProjectivePoint<Secp256k1>;
/// A private key.
///
/// # Example
///
/// ```
/// use ecckit::secp256k1::SecretKey;
///
/// let key = SecretKey::random(&mut rand::rng());
/// let bytes = key.to_bytes(); // 32 bytes, wiped on drop
/// let again = SecretKey::from_bytes(bytes.as_ref()).unwrap();
/// assert_eq!(again.public_key(), key.public_key());
/// ```
pub type SecretKey = crate::keys::SecretKey<Secp256k1>;
/// A public key.
///
/// # Example
///
/// ```
/// use ecckit::secp256k1::{PublicKey, SecretKey};
///
/// let public = SecretKey::random(&mut rand::rng()).public_key();
/// let compressed = public.to_sec1_bytes(true);
/// assert_eq!(compressed.len(), 1 + 32);
/// assert_eq!(PublicKey::from_sec1_bytes(&compressed).unwrap(), public);
/// ```
pub type PublicKey = crate::keys::PublicKey<Secp256k1>;

/// The curve's object identifier, secp256k1 (SEC 2 §2.4.1):
/// names the curve in PKCS#8, SEC1 and SPKI key files.
#[cfg(feature = "pkcs8")]
impl der::oid::AssociatedOid for Secp256k1 {
    const OID: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.3.132.0.10");
}

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
    ///
    /// # Example
    ///
    /// ```
    /// use ecckit::secp256k1::ecdsa::SigningKey;
    ///
    /// let key = SigningKey::random(&mut rand::rng());
    /// let signature = key.sign(b"message");
    /// assert!(key.verifying_key().verify(b"message", &signature).is_ok());
    /// ```
    pub type SigningKey = crate::ecdsa::SigningKey<Secp256k1>;
    /// A verifying key.
    ///
    /// # Example
    ///
    /// ```
    /// use ecckit::secp256k1::ecdsa::{SigningKey, VerifyingKey};
    ///
    /// let key = SigningKey::random(&mut rand::rng());
    /// let encoded = key.verifying_key().to_sec1_bytes(true);
    /// let verifying = VerifyingKey::from_sec1_bytes(&encoded).unwrap();
    /// assert!(verifying.verify(b"message", &key.sign(b"message")).is_ok());
    /// assert!(verifying.verify(b"other message", &key.sign(b"message")).is_err());
    /// ```
    pub type VerifyingKey = crate::ecdsa::VerifyingKey<Secp256k1>;
    /// A signature.
    ///
    /// # Example
    ///
    /// ```
    /// use ecckit::secp256k1::ecdsa::{Signature, SigningKey};
    ///
    /// let signature = SigningKey::random(&mut rand::rng()).sign(b"message");
    /// assert_eq!(signature.to_bytes().len(), 2 * 32);
    /// assert_eq!(Signature::from_bytes(&signature.to_bytes()).unwrap(), signature);
    /// assert_eq!(Signature::from_der(signature.to_der().as_bytes()).unwrap(), signature);
    /// ```
    pub type Signature = crate::ecdsa::Signature<Secp256k1>;
}

/// ECDH over secp256k1.
pub mod ecdh {
    use super::Secp256k1;
    pub use crate::ecdh::diffie_hellman;
    /// A raw shared secret.
    ///
    /// # Example
    ///
    /// ```
    /// use ecckit::secp256k1::{SecretKey, ecdh};
    ///
    /// let mut rng = rand::rng();
    /// let (alice, bob) = (SecretKey::random(&mut rng), SecretKey::random(&mut rng));
    /// let shared = ecdh::diffie_hellman(&alice, &bob.public_key());
    /// assert_eq!(shared.raw_secret_bytes().len(), 32);
    /// assert_eq!(shared.raw_secret_bytes(), ecdh::diffie_hellman(&bob, &alice.public_key()).raw_secret_bytes());
    /// ```
    pub type SharedSecret = crate::ecdh::SharedSecret<Secp256k1>;
    /// A single-use secret.
    ///
    /// # Example
    ///
    /// ```
    /// use ecckit::secp256k1::{SecretKey, ecdh::EphemeralSecret};
    ///
    /// let mut rng = rand::rng();
    /// let ephemeral = EphemeralSecret::random(&mut rng);
    /// let ours = ephemeral.public_key();
    /// let theirs = SecretKey::random(&mut rng);
    /// // `diffie_hellman` consumes the ephemeral secret: it cannot be used twice.
    /// let shared = ephemeral.diffie_hellman(&theirs.public_key());
    /// let expected = ecckit::secp256k1::ecdh::diffie_hellman(&theirs, &ours);
    /// assert_eq!(shared.raw_secret_bytes(), expected.raw_secret_bytes());
    /// ```
    pub type EphemeralSecret = crate::ecdh::EphemeralSecret<Secp256k1>;
}
