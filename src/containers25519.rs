//! Layer 5 (protocols): **key containers for X25519 and Ed25519** (RFC 8410) — PKCS#8 and
//! SubjectPublicKeyInfo, with PEM, through the RustCrypto `pkcs8` and `spki` crates.
//!
//! Uses [`crate::x25519`] and [`crate::ed25519`] (their byte encodings only).
//!
//! * The algorithm is `id-X25519` (1.3.101.110) or `id-Ed25519` (1.3.101.112), with the
//!   parameters **absent** (RFC 8410 §3: "the parameters MUST be absent"; present ones are
//!   refused).
//! * SPKI: the 32-byte public key is the subjectPublicKey (RFC 8410 §4).
//! * PKCS#8: the privateKey OCTET STRING holds `CurvePrivateKey ::= OCTET STRING`, the 32-byte
//!   secret (RFC 8410 §7): the seed for Ed25519, the scalar bytes for X25519. Written as v1
//!   (`PrivateKeyInfo`, RFC 5208), as OpenSSL writes it; [`SigningKey::to_pkcs8_v2_der`] and
//!   [`x25519::SecretKey::to_pkcs8_v2_der`] write v2 (`OneAsymmetricKey`, RFC 5958, with the
//!   public key), which `ring` requires (and OpenSSL 3.0 cannot read: its PKCS#8 template stops
//!   at the attributes). Both versions are read; a public key inside a v2 file must be the one
//!   the secret derives.
//!
//! ```
//! use ecckit::ed25519::{SigningKey, VerifyingKey};
//! use ecckit::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
//! use ecckit::spki::{DecodePublicKey, EncodePublicKey};
//!
//! let key = SigningKey::random(&mut rand::rng());
//! let pem = key.to_pkcs8_pem(LineEnding::LF)?;
//! assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
//! let back = SigningKey::from_pkcs8_pem(&pem)?;
//! assert_eq!(back.verifying_key(), key.verifying_key());
//! let spki = key.verifying_key().to_public_key_der()?;
//! assert_eq!(VerifyingKey::from_public_key_der(spki.as_bytes())?, key.verifying_key());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::ed25519::{SigningKey, VerifyingKey};
use crate::x25519;
use der::Decode;
use der::asn1::{AnyRef, ObjectIdentifier, OctetStringRef};
use pkcs8::PrivateKeyInfoRef;
use spki::{AlgorithmIdentifier, AssociatedAlgorithmIdentifier, SubjectPublicKeyInfoRef};
use zeroize::Zeroizing;

#[cfg(feature = "alloc")]
use {
    der::asn1::BitStringRef,
    der::{Document, Encode, SecretDocument},
    pkcs8::EncodePrivateKey,
    spki::EncodePublicKey,
};

/// `id-X25519` (RFC 8410 §3).
pub const X25519_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.110");
/// `id-Ed25519` (RFC 8410 §3).
pub const ED25519_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// A malformed key, as `pkcs8`'s error.
fn malformed() -> pkcs8::Error {
    pkcs8::Error::KeyMalformed(pkcs8::KeyError::Invalid)
}

/// Checks the algorithm: this OID and no parameters.
fn check_algorithm(
    found: &spki::AlgorithmIdentifierRef<'_>,
    oid: ObjectIdentifier,
) -> spki::Result<()> {
    found.assert_algorithm_oid(oid)?;
    if found.parameters.is_some() {
        return Err(spki::Error::KeyMalformed);
    }
    Ok(())
}

/// A decoded private key: the 32 secret bytes, and the public key of a v2 file if it has one.
type DecodedPrivate<'a> = (Zeroizing<[u8; 32]>, Option<&'a [u8]>);

/// The 32-byte `CurvePrivateKey` of a PKCS#8 file (v1 or v2) for the algorithm `oid`, and the
/// public key of a v2 file if it has one.
fn decode_private<'a>(
    info: &PrivateKeyInfoRef<'a>,
    oid: ObjectIdentifier,
) -> pkcs8::Result<DecodedPrivate<'a>> {
    check_algorithm(&info.algorithm, oid)?;
    let inner = <&OctetStringRef>::from_der(info.private_key.as_bytes())?;
    let secret: [u8; 32] = inner.as_bytes().try_into().map_err(|_| malformed())?;
    let public = match &info.public_key {
        Some(bits) => Some(bits.as_bytes().ok_or_else(malformed)?),
        None => None,
    };
    Ok((Zeroizing::new(secret), public))
}

/// The PKCS#8 file of a 32-byte secret for `oid`: v1, or v2 with `public`.
#[cfg(feature = "alloc")]
fn encode_private(
    oid: ObjectIdentifier,
    secret: &[u8; 32],
    public: Option<&[u8; 32]>,
) -> pkcs8::Result<SecretDocument> {
    let inner = Zeroizing::new(OctetStringRef::new(secret)?.to_der()?);
    let mut info = PrivateKeyInfoRef::new(
        spki::AlgorithmIdentifierRef {
            oid,
            parameters: None,
        },
        OctetStringRef::new(&inner)?,
    );
    if let Some(public) = public {
        info.public_key = Some(BitStringRef::from_bytes(public)?);
    }
    Ok(SecretDocument::encode_msg(&info)?)
}

/// The 32-byte subjectPublicKey of an SPKI for `oid`.
fn decode_public(
    info: &SubjectPublicKeyInfoRef<'_>,
    oid: ObjectIdentifier,
) -> spki::Result<[u8; 32]> {
    check_algorithm(&info.algorithm, oid)?;
    let bytes = info
        .subject_public_key
        .as_bytes()
        .ok_or(spki::Error::KeyMalformed)?;
    bytes.try_into().map_err(|_| spki::Error::KeyMalformed)
}

/// The SPKI of a 32-byte public key for `oid`.
#[cfg(feature = "alloc")]
fn encode_public(oid: ObjectIdentifier, public: &[u8; 32]) -> spki::Result<Document> {
    let info = SubjectPublicKeyInfoRef {
        algorithm: spki::AlgorithmIdentifierRef {
            oid,
            parameters: None,
        },
        subject_public_key: BitStringRef::from_bytes(public)?,
    };
    Ok(Document::encode_msg(&info)?)
}

// ---- Ed25519 ----

/// PKCS#8 v1 or v2 → `SigningKey` (the blanket impl makes this [`pkcs8::DecodePrivateKey`]).
impl TryFrom<PrivateKeyInfoRef<'_>> for SigningKey {
    type Error = pkcs8::Error;

    fn try_from(info: PrivateKeyInfoRef<'_>) -> pkcs8::Result<Self> {
        let (seed, public) = decode_private(&info, ED25519_OID)?;
        let key = SigningKey::from_bytes(seed.as_ref()).map_err(|_| malformed())?;
        // The derived public key is public: comparing it may branch.
        if public.is_some_and(|p| p != key.verifying_key().to_bytes()) {
            return Err(malformed());
        }
        Ok(key)
    }
}

#[cfg(feature = "alloc")]
impl EncodePrivateKey for SigningKey {
    /// PKCS#8 v1 with the seed, as OpenSSL writes it.
    fn to_pkcs8_der(&self) -> pkcs8::Result<SecretDocument> {
        encode_private(ED25519_OID, &self.to_bytes(), None)
    }
}

impl SigningKey {
    /// PKCS#8 v2 (RFC 5958 `OneAsymmetricKey`): the seed and the public key, the form `ring`
    /// reads.
    #[cfg(feature = "alloc")]
    pub fn to_pkcs8_v2_der(&self) -> pkcs8::Result<SecretDocument> {
        encode_private(
            ED25519_OID,
            &self.to_bytes(),
            Some(&self.verifying_key().to_bytes()),
        )
    }
}

/// SPKI → `VerifyingKey` (the blanket impl makes this [`spki::DecodePublicKey`]), decoded as
/// [`VerifyingKey::from_bytes`].
impl TryFrom<SubjectPublicKeyInfoRef<'_>> for VerifyingKey {
    type Error = spki::Error;

    fn try_from(info: SubjectPublicKeyInfoRef<'_>) -> spki::Result<Self> {
        VerifyingKey::from_bytes(&decode_public(&info, ED25519_OID)?)
            .map_err(|_| spki::Error::KeyMalformed)
    }
}

#[cfg(feature = "alloc")]
impl EncodePublicKey for VerifyingKey {
    fn to_public_key_der(&self) -> spki::Result<Document> {
        encode_public(ED25519_OID, &self.to_bytes())
    }
}

impl AssociatedAlgorithmIdentifier for VerifyingKey {
    type Params = AnyRef<'static>;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifier<AnyRef<'static>> = AlgorithmIdentifier {
        oid: ED25519_OID,
        parameters: None,
    };
}

impl AssociatedAlgorithmIdentifier for SigningKey {
    type Params = AnyRef<'static>;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifier<AnyRef<'static>> =
        VerifyingKey::ALGORITHM_IDENTIFIER;
}

// ---- X25519 ----

/// PKCS#8 v1 or v2 → `x25519::SecretKey`.
impl TryFrom<PrivateKeyInfoRef<'_>> for x25519::SecretKey {
    type Error = pkcs8::Error;

    fn try_from(info: PrivateKeyInfoRef<'_>) -> pkcs8::Result<Self> {
        let (secret, public) = decode_private(&info, X25519_OID)?;
        let key = x25519::SecretKey::from_bytes(secret.as_ref()).map_err(|_| malformed())?;
        if public.is_some_and(|p| p != key.public_key().to_bytes()) {
            return Err(malformed());
        }
        Ok(key)
    }
}

#[cfg(feature = "alloc")]
impl EncodePrivateKey for x25519::SecretKey {
    /// PKCS#8 v1 with the 32 secret bytes, as OpenSSL writes it.
    fn to_pkcs8_der(&self) -> pkcs8::Result<SecretDocument> {
        encode_private(X25519_OID, &self.to_bytes(), None)
    }
}

impl x25519::SecretKey {
    /// PKCS#8 v2 (RFC 5958 `OneAsymmetricKey`) with the public key.
    #[cfg(feature = "alloc")]
    pub fn to_pkcs8_v2_der(&self) -> pkcs8::Result<SecretDocument> {
        encode_private(
            X25519_OID,
            &self.to_bytes(),
            Some(&self.public_key().to_bytes()),
        )
    }
}

/// SPKI → `x25519::PublicKey`.
impl TryFrom<SubjectPublicKeyInfoRef<'_>> for x25519::PublicKey {
    type Error = spki::Error;

    fn try_from(info: SubjectPublicKeyInfoRef<'_>) -> spki::Result<Self> {
        Ok(x25519::PublicKey::from(decode_public(&info, X25519_OID)?))
    }
}

#[cfg(feature = "alloc")]
impl EncodePublicKey for x25519::PublicKey {
    fn to_public_key_der(&self) -> spki::Result<Document> {
        encode_public(X25519_OID, &self.to_bytes())
    }
}

impl AssociatedAlgorithmIdentifier for x25519::PublicKey {
    type Params = AnyRef<'static>;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifier<AnyRef<'static>> = AlgorithmIdentifier {
        oid: X25519_OID,
        parameters: None,
    };
}

impl AssociatedAlgorithmIdentifier for x25519::SecretKey {
    type Params = AnyRef<'static>;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifier<AnyRef<'static>> =
        x25519::PublicKey::ALGORITHM_IDENTIFIER;
}
