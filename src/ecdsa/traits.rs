//! The ECDSA types behind the `signature` crate's traits (3.x), and the `spki` traits that
//! `x509-cert`'s certificate and request builders ask of a signer.
//!
//! Layer: protocols. Every impl forwards to an inherent method of [`SigningKey`],
//! [`VerifyingKey`] or [`Signature`], so that a trait call and the inherent call behave alike:
//!
//! | trait | on | forwards to |
//! |---|---|---|
//! | `Signer<Signature>`, `Signer<DerSignature>` | `SigningKey` | [`SigningKey::sign`] (RFC 6979, low S on secp256k1) |
//! | `Signer<(Signature, RecoveryId)>` | `SigningKey` | [`SigningKey::sign_recoverable`] |
//! | `RandomizedSigner` | `SigningKey` | [`SigningKey::sign_with_rng`] (RFC 6979 §3.6, hedged) |
//! | `DigestSigner<C::Digest, _>` | `SigningKey` | [`SigningKey::sign_prehash`] of the finished digest |
//! | `hazmat::PrehashSigner`, `hazmat::RandomizedPrehashSigner` | `SigningKey` | [`SigningKey::sign_prehash`] |
//! | `Keypair` (through `KeypairRef`) | `SigningKey` | [`SigningKey::verifying_key`] |
//! | `Verifier`, `DigestVerifier`, `hazmat::PrehashVerifier` | `VerifyingKey` | [`VerifyingKey::verify_prehash`] (accepts high S, as `verify` does) |
//! | `SignatureEncoding` | `Signature`, `DerSignature` | `to_bytes` / `from_bytes` |
//!
//! With `pkcs8` and `alloc`: `DynSignatureAlgorithmIdentifier` on `SigningKey` (ecdsa-with-SHA224,
//! -256, -384 or -512 by the curve's hash, RFC 5758 §3.2) and `SignatureBitStringEncoding` on
//! `DerSignature` (X.509 carries ECDSA signatures in DER, RFC 5480 §2.2.3 / RFC 3279 §2.2.3).

use super::{
    DerSignature, EcdsaCurve, RecoveryId, Signature, SignatureBytes, SigningKey, VerifyingKey,
};
use crate::field::{ByteArray, Field};
use hmac::digest::Digest;
use signature::hazmat::{PrehashSigner, PrehashVerifier, RandomizedPrehashSigner};
use signature::rand_core::TryCryptoRng;
use signature::{
    DigestSigner, DigestVerifier, KeypairRef, RandomizedSigner, SignatureEncoding, Signer, Verifier,
};
use zeroize::Zeroizing;

/// An ecckit error as a `signature::Error` (kept as its source where there is an allocator).
fn error(err: crate::Error) -> signature::Error {
    #[cfg(feature = "alloc")]
    {
        signature::Error::from_source(err)
    }
    #[cfg(not(feature = "alloc"))]
    {
        let _ = err;
        signature::Error::new()
    }
}

/// The curve's standard hash of whatever `f` feeds it, finished.
fn digest_of<C: EcdsaCurve>(
    f: impl Fn(&mut C::Digest) -> signature::Result<()>,
) -> signature::Result<hmac::digest::Output<C::Digest>> {
    let mut digest = C::Digest::new();
    f(&mut digest)?;
    Ok(digest.finalize())
}

impl<C: EcdsaCurve> SigningKey<C> {
    /// RFC 6979 §3.6 hedged signing of a digest, with the added entropy drawn from a fallible
    /// generator (the form the `signature` traits hand over).
    fn try_sign_prehash_hedged<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        prehash: &[u8],
    ) -> signature::Result<Signature<C>> {
        let mut extra = Zeroizing::new(<C::Scalar as Field>::Bytes::zeroed());
        rng.try_fill_bytes(extra.as_mut())
            .map_err(|_| signature::Error::new())?;
        self.sign_digest_with_extra(prehash, extra.as_ref())
            .map(|(sig, _)| sig)
            .map_err(error)
    }
}

// ---- signing ----

impl<C: EcdsaCurve> Signer<Signature<C>> for SigningKey<C> {
    fn try_sign(&self, msg: &[u8]) -> signature::Result<Signature<C>> {
        Ok(SigningKey::sign(self, msg))
    }
}

impl<C: EcdsaCurve> Signer<DerSignature> for SigningKey<C> {
    fn try_sign(&self, msg: &[u8]) -> signature::Result<DerSignature> {
        Ok(SigningKey::sign(self, msg).to_der())
    }
}

impl<C: EcdsaCurve> Signer<(Signature<C>, RecoveryId)> for SigningKey<C> {
    fn try_sign(&self, msg: &[u8]) -> signature::Result<(Signature<C>, RecoveryId)> {
        Ok(self.sign_recoverable(msg))
    }
}

impl<C: EcdsaCurve> RandomizedSigner<Signature<C>> for SigningKey<C> {
    fn try_sign_with_rng<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        msg: &[u8],
    ) -> signature::Result<Signature<C>> {
        self.try_sign_prehash_hedged(rng, &crate::hash::digest::<C::Digest>(msg))
    }
}

impl<C: EcdsaCurve> RandomizedSigner<DerSignature> for SigningKey<C> {
    fn try_sign_with_rng<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        msg: &[u8],
    ) -> signature::Result<DerSignature> {
        RandomizedSigner::<Signature<C>>::try_sign_with_rng(self, rng, msg).map(|s| s.to_der())
    }
}

impl<C: EcdsaCurve> DigestSigner<C::Digest, Signature<C>> for SigningKey<C> {
    fn try_sign_digest<F: Fn(&mut C::Digest) -> signature::Result<()>>(
        &self,
        f: F,
    ) -> signature::Result<Signature<C>> {
        self.sign_prehash(&digest_of::<C>(f)?).map_err(error)
    }
}

impl<C: EcdsaCurve> DigestSigner<C::Digest, DerSignature> for SigningKey<C> {
    fn try_sign_digest<F: Fn(&mut C::Digest) -> signature::Result<()>>(
        &self,
        f: F,
    ) -> signature::Result<DerSignature> {
        DigestSigner::<C::Digest, Signature<C>>::try_sign_digest(self, f).map(|s| s.to_der())
    }
}

impl<C: EcdsaCurve> PrehashSigner<Signature<C>> for SigningKey<C> {
    fn sign_prehash(&self, prehash: &[u8]) -> signature::Result<Signature<C>> {
        SigningKey::sign_prehash(self, prehash).map_err(error)
    }
}

impl<C: EcdsaCurve> PrehashSigner<DerSignature> for SigningKey<C> {
    fn sign_prehash(&self, prehash: &[u8]) -> signature::Result<DerSignature> {
        SigningKey::sign_prehash(self, prehash)
            .map(|s| s.to_der())
            .map_err(error)
    }
}

impl<C: EcdsaCurve> PrehashSigner<(Signature<C>, RecoveryId)> for SigningKey<C> {
    fn sign_prehash(&self, prehash: &[u8]) -> signature::Result<(Signature<C>, RecoveryId)> {
        self.sign_prehash_recoverable(prehash).map_err(error)
    }
}

impl<C: EcdsaCurve> RandomizedPrehashSigner<Signature<C>> for SigningKey<C> {
    fn sign_prehash_with_rng<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        prehash: &[u8],
    ) -> signature::Result<Signature<C>> {
        self.try_sign_prehash_hedged(rng, prehash)
    }
}

impl<C: EcdsaCurve> AsRef<VerifyingKey<C>> for SigningKey<C> {
    fn as_ref(&self) -> &VerifyingKey<C> {
        self.verifying_key()
    }
}

/// Makes `SigningKey` a `signature::Keypair` (blanket impl) with `VerifyingKey = VerifyingKey<C>`.
impl<C: EcdsaCurve> KeypairRef for SigningKey<C> {
    type VerifyingKey = VerifyingKey<C>;
}

// ---- verification ----

impl<C: EcdsaCurve> Verifier<Signature<C>> for VerifyingKey<C> {
    fn verify(&self, msg: &[u8], sig: &Signature<C>) -> signature::Result<()> {
        VerifyingKey::verify(self, msg, sig).map_err(error)
    }
}

impl<C: EcdsaCurve> Verifier<DerSignature> for VerifyingKey<C> {
    fn verify(&self, msg: &[u8], sig: &DerSignature) -> signature::Result<()> {
        let sig = Signature::<C>::from_der(sig.as_bytes()).map_err(error)?;
        VerifyingKey::verify(self, msg, &sig).map_err(error)
    }
}

impl<C: EcdsaCurve> DigestVerifier<C::Digest, Signature<C>> for VerifyingKey<C> {
    fn verify_digest<F: Fn(&mut C::Digest) -> signature::Result<()>>(
        &self,
        f: F,
        sig: &Signature<C>,
    ) -> signature::Result<()> {
        VerifyingKey::verify_prehash(self, &digest_of::<C>(f)?, sig).map_err(error)
    }
}

impl<C: EcdsaCurve> DigestVerifier<C::Digest, DerSignature> for VerifyingKey<C> {
    fn verify_digest<F: Fn(&mut C::Digest) -> signature::Result<()>>(
        &self,
        f: F,
        sig: &DerSignature,
    ) -> signature::Result<()> {
        let sig = Signature::<C>::from_der(sig.as_bytes()).map_err(error)?;
        DigestVerifier::<C::Digest, Signature<C>>::verify_digest(self, f, &sig)
    }
}

impl<C: EcdsaCurve> PrehashVerifier<Signature<C>> for VerifyingKey<C> {
    fn verify_prehash(&self, prehash: &[u8], sig: &Signature<C>) -> signature::Result<()> {
        VerifyingKey::verify_prehash(self, prehash, sig).map_err(error)
    }
}

impl<C: EcdsaCurve> PrehashVerifier<DerSignature> for VerifyingKey<C> {
    fn verify_prehash(&self, prehash: &[u8], sig: &DerSignature) -> signature::Result<()> {
        let sig = Signature::<C>::from_der(sig.as_bytes()).map_err(error)?;
        VerifyingKey::verify_prehash(self, prehash, &sig).map_err(error)
    }
}

// ---- encodings ----

/// The fixed-size `r ‖ s` form, as [`Signature::from_bytes`].
impl<C: EcdsaCurve> TryFrom<&[u8]> for Signature<C> {
    type Error = crate::Error;

    fn try_from(bytes: &[u8]) -> Result<Self, crate::Error> {
        Self::from_bytes(bytes)
    }
}

impl<C: EcdsaCurve> From<Signature<C>> for SignatureBytes {
    fn from(sig: Signature<C>) -> Self {
        sig.to_bytes()
    }
}

/// `SignatureEncoding::to_bytes` is the fixed-size `r ‖ s` form.
impl<C: EcdsaCurve> SignatureEncoding for Signature<C> {
    type Repr = SignatureBytes;
}

/// A strict DER signature, as [`DerSignature::from_bytes`].
impl TryFrom<&[u8]> for DerSignature {
    type Error = crate::Error;

    fn try_from(bytes: &[u8]) -> Result<Self, crate::Error> {
        Self::from_bytes(bytes)
    }
}

/// `SignatureEncoding::to_bytes` is the DER encoding itself.
impl SignatureEncoding for DerSignature {
    type Repr = DerSignature;
}

#[cfg(all(feature = "pkcs8", feature = "alloc"))]
mod x509 {
    use super::{DerSignature, EcdsaCurve, SigningKey};
    use der::asn1::{BitString, ObjectIdentifier};
    use der::oid::AssociatedOid;
    use spki::{AlgorithmIdentifierOwned, DynSignatureAlgorithmIdentifier};

    /// ecdsa-with-SHA224, -SHA256, -SHA384 and -SHA512 (RFC 5758 §3.2), by the hash's OID
    /// (NIST's hash algorithm arc 2.16.840.1.101.3.4.2: `.4` SHA-224, `.1` SHA-256, `.2` SHA-384,
    /// `.3` SHA-512).
    const ECDSA_WITH_SHA2: [(ObjectIdentifier, ObjectIdentifier); 4] = [
        (
            ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.4"),
            ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.1"),
        ),
        (
            ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1"),
            ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2"),
        ),
        (
            ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2"),
            ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3"),
        ),
        (
            ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3"),
            ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4"),
        ),
    ];

    /// The signature algorithm of the curve's ECDSA: ecdsa-with-SHA-n for its standard hash, with
    /// the parameters absent (RFC 5758 §3.2). A curve whose hash is not SHA-2 has no such
    /// identifier: `OidUnknown`.
    impl<C: EcdsaCurve> DynSignatureAlgorithmIdentifier for SigningKey<C>
    where
        C::Digest: AssociatedOid,
    {
        fn signature_algorithm_identifier(&self) -> spki::Result<AlgorithmIdentifierOwned> {
            let hash = <C::Digest as AssociatedOid>::OID;
            let (_, oid) = ECDSA_WITH_SHA2
                .iter()
                .find(|(h, _)| *h == hash)
                .ok_or(spki::Error::OidUnknown { oid: hash })?;
            Ok(AlgorithmIdentifierOwned {
                oid: *oid,
                parameters: None,
            })
        }
    }

    /// X.509 carries an ECDSA signature as the DER `Ecdsa-Sig-Value` in a BIT STRING.
    impl spki::SignatureBitStringEncoding for DerSignature {
        fn to_bitstring(&self) -> der::Result<BitString> {
            BitString::from_bytes(self.as_bytes())
        }
    }
}
