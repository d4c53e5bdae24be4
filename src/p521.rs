//! NIST P-521 (secp521r1): the curve's types, ready to use.
//!
//! Everything here is the generic code instantiated at [`NistP521`]; see the crate docs for an
//! example.

pub use crate::curves::NistP521;

/// An element of the base field `F_p`.
///
/// # Example
///
/// ```
/// use ecckit::field::Field;
/// use ecckit::p521::FieldElement;
///
/// let three = FieldElement::from_u64(3);
/// let inverse = three.invert().unwrap();
/// assert_eq!(three * inverse, FieldElement::ONE);
/// assert_eq!(three.square(), FieldElement::from_u64(9));
/// ```
pub type FieldElement = crate::field::p521::FieldElement;
/// An integer modulo the group order `n`.
///
/// # Example
///
/// ```
/// use ecckit::field::Field;
/// use ecckit::p521::Scalar;
///
/// // n − 1 is the largest scalar: adding one wraps around to zero.
/// let minus_one = -Scalar::ONE;
/// assert_eq!(minus_one + Scalar::ONE, Scalar::ZERO);
/// assert_eq!(minus_one.to_bytes().len(), 66);
/// ```
pub type Scalar = crate::field::p521::Scalar;
/// A point in affine coordinates.
///
/// # Example
///
/// ```
/// use ecckit::field::Field;
/// use ecckit::p521::{AffinePoint, ProjectivePoint, Scalar};
///
/// let g: AffinePoint = ProjectivePoint::mul_base(&Scalar::ONE).to_affine();
/// assert!(bool::from(g.is_on_curve()));
/// // SEC1 round trip, compressed.
/// let encoded = g.to_sec1_bytes(true);
/// assert_eq!(AffinePoint::from_sec1_bytes(&encoded).unwrap(), g);
/// ```
pub type AffinePoint = crate::point::AffinePoint<NistP521>;
/// A point in projective coordinates.
///
/// # Example
///
/// ```
/// use ecckit::field::Field;
/// use ecckit::p521::{ProjectivePoint, Scalar};
///
/// let g = ProjectivePoint::mul_base(&Scalar::ONE);
/// let three_g = ProjectivePoint::mul_base(&Scalar::from_u64(3));
/// assert_eq!(g.double().add(&g), three_g);
/// assert_eq!(g.mul(&Scalar::from_u64(3)), three_g);
/// ```
pub type ProjectivePoint = crate::point::ProjectivePoint<NistP521>;
/// A private key.
///
/// # Example
///
/// ```
/// use ecckit::p521::SecretKey;
///
/// let key = SecretKey::random(&mut rand::rng());
/// let bytes = key.to_bytes(); // 66 bytes, wiped on drop
/// let again = SecretKey::from_bytes(bytes.as_ref()).unwrap();
/// assert_eq!(again.public_key(), key.public_key());
/// ```
pub type SecretKey = crate::keys::SecretKey<NistP521>;
/// A public key.
///
/// # Example
///
/// ```
/// use ecckit::p521::{PublicKey, SecretKey};
///
/// let public = SecretKey::random(&mut rand::rng()).public_key();
/// let compressed = public.to_sec1_bytes(true);
/// assert_eq!(compressed.len(), 1 + 66);
/// assert_eq!(PublicKey::from_sec1_bytes(&compressed).unwrap(), public);
/// ```
pub type PublicKey = crate::keys::PublicKey<NistP521>;

/// The curve's object identifier, secp521r1 (SEC 2 §2.6.1; RFC 5480 §2.1.1.1):
/// names the curve in PKCS#8, SEC1 and SPKI key files.
#[cfg(feature = "pkcs8")]
impl der::oid::AssociatedOid for NistP521 {
    const OID: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("1.3.132.0.35");
}

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
    ///
    /// # Example
    ///
    /// ```
    /// use ecckit::p521::ecdsa::SigningKey;
    ///
    /// let key = SigningKey::random(&mut rand::rng());
    /// let signature = key.sign(b"message");
    /// assert!(key.verifying_key().verify(b"message", &signature).is_ok());
    /// ```
    pub type SigningKey = crate::ecdsa::SigningKey<NistP521>;
    /// A verifying key.
    ///
    /// # Example
    ///
    /// ```
    /// use ecckit::p521::ecdsa::{SigningKey, VerifyingKey};
    ///
    /// let key = SigningKey::random(&mut rand::rng());
    /// let encoded = key.verifying_key().to_sec1_bytes(true);
    /// let verifying = VerifyingKey::from_sec1_bytes(&encoded).unwrap();
    /// assert!(verifying.verify(b"message", &key.sign(b"message")).is_ok());
    /// assert!(verifying.verify(b"other message", &key.sign(b"message")).is_err());
    /// ```
    pub type VerifyingKey = crate::ecdsa::VerifyingKey<NistP521>;
    /// A signature.
    ///
    /// # Example
    ///
    /// ```
    /// use ecckit::p521::ecdsa::{Signature, SigningKey};
    ///
    /// let signature = SigningKey::random(&mut rand::rng()).sign(b"message");
    /// assert_eq!(signature.to_bytes().len(), 2 * 66);
    /// assert_eq!(Signature::from_bytes(&signature.to_bytes()).unwrap(), signature);
    /// assert_eq!(Signature::from_der(signature.to_der().as_bytes()).unwrap(), signature);
    /// ```
    pub type Signature = crate::ecdsa::Signature<NistP521>;
}

/// ECDH over P-521.
pub mod ecdh {
    use super::NistP521;
    pub use crate::ecdh::diffie_hellman;
    /// A raw shared secret.
    ///
    /// # Example
    ///
    /// ```
    /// use ecckit::p521::{SecretKey, ecdh};
    ///
    /// let mut rng = rand::rng();
    /// let (alice, bob) = (SecretKey::random(&mut rng), SecretKey::random(&mut rng));
    /// let shared = ecdh::diffie_hellman(&alice, &bob.public_key());
    /// assert_eq!(shared.raw_secret_bytes().len(), 66);
    /// assert_eq!(shared.raw_secret_bytes(), ecdh::diffie_hellman(&bob, &alice.public_key()).raw_secret_bytes());
    /// ```
    pub type SharedSecret = crate::ecdh::SharedSecret<NistP521>;
    /// A single-use secret.
    ///
    /// # Example
    ///
    /// ```
    /// use ecckit::p521::{SecretKey, ecdh::EphemeralSecret};
    ///
    /// let mut rng = rand::rng();
    /// let ephemeral = EphemeralSecret::random(&mut rng);
    /// let ours = ephemeral.public_key();
    /// let theirs = SecretKey::random(&mut rng);
    /// // `diffie_hellman` consumes the ephemeral secret: it cannot be used twice.
    /// let shared = ephemeral.diffie_hellman(&theirs.public_key());
    /// let expected = ecckit::p521::ecdh::diffie_hellman(&theirs, &ours);
    /// assert_eq!(shared.raw_secret_bytes(), expected.raw_secret_bytes());
    /// ```
    pub type EphemeralSecret = crate::ecdh::EphemeralSecret<NistP521>;
}
