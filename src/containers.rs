//! Layer 5 (protocols): **key containers** — the ASN.1 files that OpenSSL, X.509 and the rest of
//! the ecosystem store keys in, through the RustCrypto `pkcs8`, `sec1` and `spki` crates.
//!
//! Uses [`keys`](crate::keys) and [`ecdsa`](crate::ecdsa) (their byte encodings only).
//!
//! | container | standard | holds | traits |
//! |---|---|---|---|
//! | `PrivateKeyInfo` ("PRIVATE KEY") | PKCS#8, RFC 5208 (v1) and RFC 5958 (v2) | algorithm + `ECPrivateKey` | [`pkcs8::DecodePrivateKey`], [`pkcs8::EncodePrivateKey`] |
//! | `ECPrivateKey` ("EC PRIVATE KEY") | SEC 1 §C.4, RFC 5915 | `d`, curve OID, public key | [`sec1::DecodeEcPrivateKey`], [`sec1::EncodeEcPrivateKey`] |
//! | `SubjectPublicKeyInfo` ("PUBLIC KEY") | RFC 5280 §4.1, RFC 5480 | algorithm + SEC1 point | [`spki::DecodePublicKey`], [`spki::EncodePublicKey`] |
//!
//! The algorithm is always `id-ecPublicKey` with the curve named by its OID (RFC 5480 §2.1.1: the
//! `namedCurve` choice; explicit parameters are refused, as RFC 5480 requires of conforming
//! implementations). The OIDs are the curves' [`AssociatedOid`] constants, set in the per-curve
//! modules. All four key types implement these traits (`SecretKey`, `PublicKey`,
//! `ecdsa::SigningKey`, `ecdsa::VerifyingKey`), with the PEM methods under the `pem` feature.
//!
//! # What is written, what is read
//!
//! Written as OpenSSL 3 writes them, so that re-encoding an OpenSSL key gives its bytes back:
//! * PKCS#8 v1: `PrivateKeyInfo { version 0, id-ecPublicKey + curve OID, ECPrivateKey }`, with the
//!   `ECPrivateKey` holding the uncompressed public key but not the curve (it is in the algorithm);
//! * SEC1: `ECPrivateKey { version 1, d, [0] curve OID, [1] uncompressed public key }`;
//! * SPKI: the uncompressed point.
//!
//! Read: PKCS#8 v1 and v2 (RFC 5958 `OneAsymmetricKey` with its optional public key), SEC1 with
//! or without the optional fields; a private key shorter than the field (leading zero bytes
//! dropped, as some encoders do); compressed or uncompressed points. Every public key found next
//! to a private key must be `d·G`, and a curve OID inside `ECPrivateKey` must agree with the
//! outer one.
//!
//! Errors are the containers' own error types (`pkcs8::Error`, `sec1::Error`, `spki::Error`), so
//! that the traits' default methods (PEM, files) work unchanged: a key of another curve gives an
//! unknown-OID error, explicit parameters an ASN.1 error, a bad key `KeyMalformed`/`Crypto`.

use crate::curves::Curve;
use crate::ecdsa::{EcdsaCurve, SigningKey, VerifyingKey};
use crate::keys::{PublicKey, SecretKey};
use der::asn1::ObjectIdentifier;
use der::oid::AssociatedOid;
use der::{Decode, ErrorKind};
use pkcs8::PrivateKeyInfoRef;
use sec1::{EcParameters, EcPrivateKey};
use spki::{AlgorithmIdentifier, AssociatedAlgorithmIdentifier, SubjectPublicKeyInfoRef};

#[cfg(feature = "alloc")]
use {
    der::asn1::{AnyRef, BitStringRef, OctetStringRef},
    der::{Document, Encode, SecretDocument},
    pkcs8::EncodePrivateKey,
    sec1::EncodeEcPrivateKey,
    spki::EncodePublicKey,
    zeroize::Zeroizing,
};

/// `id-ecPublicKey` (RFC 5480 §2.1.1, ANSI X9.62): the algorithm of every elliptic-curve key in
/// SPKI and PKCS#8; the curve is its parameter.
pub const EC_PUBLIC_KEY_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");

/// The `AlgorithmIdentifier` of the curve's keys: `id-ecPublicKey` with the curve's OID.
const fn algorithm<C: AssociatedOid>() -> AlgorithmIdentifier<ObjectIdentifier> {
    AlgorithmIdentifier {
        oid: EC_PUBLIC_KEY_OID,
        parameters: Some(C::OID),
    }
}

/// Checks an `AlgorithmIdentifier` read from a file: `id-ecPublicKey` with this curve's OID as
/// `namedCurve`. Another curve's OID is `OidUnknown`; explicit parameters (a SEQUENCE where the
/// OID should be) are an ASN.1 error.
fn check_algorithm<C: AssociatedOid>(found: &spki::AlgorithmIdentifierRef<'_>) -> spki::Result<()> {
    found.assert_algorithm_oid(EC_PUBLIC_KEY_OID)?;
    let curve = found.parameters_oid()?;
    if curve != C::OID {
        return Err(spki::Error::OidUnknown { oid: curve });
    }
    Ok(())
}

/// The secret key in an `ECPrivateKey`, after the checks of the module docs: a curve OID, if
/// present, is this curve's; `d` is in `[1, n−1]` (shorter encodings accepted); an embedded
/// public key, if present, is `d·G`.
fn secret_from_ec_private_key<C: Curve + AssociatedOid>(
    key: &EcPrivateKey<'_>,
) -> sec1::Result<SecretKey<C>> {
    if let Some(EcParameters::NamedCurve(oid)) = key.parameters
        && oid != C::OID
    {
        return Err(der::Error::from(ErrorKind::OidUnknown { oid }).into());
    }
    let secret = SecretKey::<C>::from_slice(key.private_key).map_err(|_| sec1::Error::Crypto)?;
    if let Some(public) = key.public_key {
        check_public_key(&secret, public).map_err(|()| sec1::Error::Crypto)?;
    }
    Ok(secret)
}

/// Whether the SEC1 point `public` decodes and is the public key of `secret` (the derived key is
/// public, so the comparison may branch).
fn check_public_key<C: Curve>(secret: &SecretKey<C>, public: &[u8]) -> Result<(), ()> {
    match PublicKey::<C>::from_sec1_bytes(public) {
        Ok(found) if found == secret.public_key() => Ok(()),
        _ => Err(()),
    }
}

/// A `sec1::Error` as a `pkcs8::Error` (ASN.1 errors stay ASN.1 errors; the rest is a bad key).
fn sec1_to_pkcs8(err: sec1::Error) -> pkcs8::Error {
    match err {
        sec1::Error::Asn1(e) => pkcs8::Error::Asn1(e),
        _ => pkcs8::Error::KeyMalformed(pkcs8::KeyError::Invalid),
    }
}

// ---- SecretKey: PKCS#8 and SEC1 ----

/// PKCS#8 v1 or v2 → `SecretKey` (the blanket impl makes this [`pkcs8::DecodePrivateKey`]).
impl<C: Curve + AssociatedOid> TryFrom<PrivateKeyInfoRef<'_>> for SecretKey<C> {
    type Error = pkcs8::Error;

    fn try_from(info: PrivateKeyInfoRef<'_>) -> pkcs8::Result<Self> {
        check_algorithm::<C>(&info.algorithm)?;
        let inner = EcPrivateKey::from_der(info.private_key.as_bytes())?;
        let secret = secret_from_ec_private_key::<C>(&inner).map_err(sec1_to_pkcs8)?;
        // RFC 5958's optional outer public key (v2).
        if let Some(public) = info.public_key {
            let bytes = public
                .as_bytes()
                .ok_or_else(|| der::Error::from(der::Tag::BitString.value_error()))?;
            check_public_key(&secret, bytes)
                .map_err(|()| pkcs8::Error::KeyMalformed(pkcs8::KeyError::Invalid))?;
        }
        Ok(secret)
    }
}

impl<C: Curve + AssociatedOid> sec1::DecodeEcPrivateKey for SecretKey<C> {
    fn from_sec1_der(bytes: &[u8]) -> sec1::Result<Self> {
        secret_from_ec_private_key(&EcPrivateKey::from_der(bytes)?)
    }
}

/// The `ECPrivateKey` of `secret`, with the curve OID or without it, handed to `f` (the encoding
/// borrows the key's bytes, which are wiped when `f` returns).
#[cfg(feature = "alloc")]
fn with_ec_private_key<C: Curve + AssociatedOid, T>(
    secret: &SecretKey<C>,
    with_curve: bool,
    f: impl FnOnce(&EcPrivateKey<'_>) -> T,
) -> T {
    let d = secret.to_bytes();
    let public = secret.public_key().to_sec1_bytes(false);
    f(&EcPrivateKey {
        private_key: d.as_ref(),
        parameters: with_curve.then_some(EcParameters::NamedCurve(C::OID)),
        public_key: Some(&public),
    })
}

#[cfg(feature = "alloc")]
impl<C: Curve + AssociatedOid> EncodePrivateKey for SecretKey<C> {
    /// PKCS#8 v1, as OpenSSL 3 writes it (see the module docs).
    fn to_pkcs8_der(&self) -> pkcs8::Result<SecretDocument> {
        let inner = with_ec_private_key(self, false, |key| key.to_der().map(Zeroizing::new))?;
        let algorithm = spki::AlgorithmIdentifierRef {
            oid: EC_PUBLIC_KEY_OID,
            parameters: Some(AnyRef::from(&C::OID)),
        };
        let info = PrivateKeyInfoRef::new(algorithm, OctetStringRef::new(&inner)?);
        Ok(SecretDocument::encode_msg(&info)?)
    }
}

#[cfg(feature = "alloc")]
impl<C: Curve + AssociatedOid> EncodeEcPrivateKey for SecretKey<C> {
    /// `ECPrivateKey` with the curve OID and the public key, as `openssl ec` writes it.
    fn to_sec1_der(&self) -> sec1::Result<SecretDocument> {
        with_ec_private_key(self, true, |key| SecretDocument::try_from(key))
    }
}

// ---- PublicKey: SPKI ----

/// SPKI → `PublicKey` (the blanket impl makes this [`spki::DecodePublicKey`]).
impl<C: Curve + AssociatedOid> TryFrom<SubjectPublicKeyInfoRef<'_>> for PublicKey<C> {
    type Error = spki::Error;

    fn try_from(info: SubjectPublicKeyInfoRef<'_>) -> spki::Result<Self> {
        check_algorithm::<C>(&info.algorithm)?;
        let point = info
            .subject_public_key
            .as_bytes()
            .ok_or_else(|| der::Error::from(der::Tag::BitString.value_error()))?;
        PublicKey::from_sec1_bytes(point).map_err(|_| spki::Error::KeyMalformed)
    }
}

#[cfg(feature = "alloc")]
impl<C: Curve + AssociatedOid> EncodePublicKey for PublicKey<C> {
    /// SPKI with the uncompressed point.
    fn to_public_key_der(&self) -> spki::Result<Document> {
        let point = self.to_sec1_bytes(false);
        let info = SubjectPublicKeyInfoRef {
            algorithm: spki::AlgorithmIdentifierRef {
                oid: EC_PUBLIC_KEY_OID,
                parameters: Some(AnyRef::from(&C::OID)),
            },
            subject_public_key: BitStringRef::from_bytes(&point)?,
        };
        Ok(Document::encode_msg(&info)?)
    }
}

impl<C: Curve + AssociatedOid> AssociatedAlgorithmIdentifier for PublicKey<C> {
    type Params = ObjectIdentifier;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifier<ObjectIdentifier> = algorithm::<C>();
}

impl<C: Curve + AssociatedOid> AssociatedAlgorithmIdentifier for SecretKey<C> {
    type Params = ObjectIdentifier;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifier<ObjectIdentifier> = algorithm::<C>();
}

// ---- ECDSA keys: the same containers, through the key types above ----

impl<C: EcdsaCurve + AssociatedOid> TryFrom<PrivateKeyInfoRef<'_>> for SigningKey<C> {
    type Error = pkcs8::Error;

    fn try_from(info: PrivateKeyInfoRef<'_>) -> pkcs8::Result<Self> {
        SecretKey::try_from(info).map(Self::from)
    }
}

impl<C: EcdsaCurve + AssociatedOid> sec1::DecodeEcPrivateKey for SigningKey<C> {
    fn from_sec1_der(bytes: &[u8]) -> sec1::Result<Self> {
        SecretKey::from_sec1_der(bytes).map(Self::from)
    }
}

#[cfg(feature = "alloc")]
impl<C: EcdsaCurve + AssociatedOid> EncodePrivateKey for SigningKey<C> {
    /// PKCS#8 v1, as for [`SecretKey`].
    fn to_pkcs8_der(&self) -> pkcs8::Result<SecretDocument> {
        self.as_secret_key().to_pkcs8_der()
    }
}

#[cfg(feature = "alloc")]
impl<C: EcdsaCurve + AssociatedOid> EncodeEcPrivateKey for SigningKey<C> {
    /// SEC1 `ECPrivateKey`, as for [`SecretKey`].
    fn to_sec1_der(&self) -> sec1::Result<SecretDocument> {
        self.as_secret_key().to_sec1_der()
    }
}

impl<C: EcdsaCurve + AssociatedOid> TryFrom<SubjectPublicKeyInfoRef<'_>> for VerifyingKey<C> {
    type Error = spki::Error;

    fn try_from(info: SubjectPublicKeyInfoRef<'_>) -> spki::Result<Self> {
        PublicKey::try_from(info).map(Self::from)
    }
}

#[cfg(feature = "alloc")]
impl<C: EcdsaCurve + AssociatedOid> EncodePublicKey for VerifyingKey<C> {
    /// SPKI, as for [`PublicKey`].
    fn to_public_key_der(&self) -> spki::Result<Document> {
        self.as_public_key().to_public_key_der()
    }
}

impl<C: EcdsaCurve + AssociatedOid> AssociatedAlgorithmIdentifier for VerifyingKey<C> {
    type Params = ObjectIdentifier;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifier<ObjectIdentifier> = algorithm::<C>();
}

impl<C: EcdsaCurve + AssociatedOid> AssociatedAlgorithmIdentifier for SigningKey<C> {
    type Params = ObjectIdentifier;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifier<ObjectIdentifier> = algorithm::<C>();
}
