//! The Ed25519 types behind the `signature` crate's traits (3.x), and the `spki` traits that
//! `x509-cert`'s builders ask of a signer.
//!
//! | trait | on | forwards to |
//! |---|---|---|
//! | `Signer<Signature>` | `SigningKey` | [`SigningKey::sign`] |
//! | `DigestSigner<Sha512, Signature>` | `SigningKey` | Ed25519ph with an empty context ([`SigningKey::sign_prehashed`]) |
//! | `Keypair` (through `KeypairRef`) | `SigningKey` | [`SigningKey::verifying_key`] |
//! | `Verifier<Signature>` | `VerifyingKey` | [`VerifyingKey::verify`] (ZIP 215) |
//! | `DigestVerifier<Sha512, Signature>` | `VerifyingKey` | [`VerifyingKey::verify_prehashed`], empty context |
//! | `SignatureEncoding` | `Signature` | `to_bytes` / `from_bytes` (64 bytes) |
//!
//! With `pkcs8` and `alloc`: `DynSignatureAlgorithmIdentifier` on `SigningKey` (`id-Ed25519`,
//! parameters absent, RFC 8410 §3) and `SignatureBitStringEncoding` on `Signature` (the 64 bytes,
//! RFC 8410 §6).

use super::{Signature, SigningKey, VerifyingKey};
use sha2::{Digest, Sha512};
use signature::{DigestSigner, DigestVerifier, KeypairRef, SignatureEncoding, Signer, Verifier};

/// An ecckit error as a `signature::Error`.
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

/// SHA-512 of whatever `f` feeds it.
fn digest_of(f: impl Fn(&mut Sha512) -> signature::Result<()>) -> signature::Result<[u8; 64]> {
    let mut digest = Sha512::new();
    f(&mut digest)?;
    Ok(digest.finalize().into())
}

impl Signer<Signature> for SigningKey {
    fn try_sign(&self, msg: &[u8]) -> signature::Result<Signature> {
        Ok(SigningKey::sign(self, msg))
    }
}

impl DigestSigner<Sha512, Signature> for SigningKey {
    fn try_sign_digest<F: Fn(&mut Sha512) -> signature::Result<()>>(
        &self,
        f: F,
    ) -> signature::Result<Signature> {
        self.sign_prehashed(&digest_of(f)?, b"").map_err(error)
    }
}

impl AsRef<VerifyingKey> for SigningKey {
    fn as_ref(&self) -> &VerifyingKey {
        &self.verifying_key
    }
}

/// Makes `SigningKey` a `signature::Keypair` (blanket impl) with `VerifyingKey = VerifyingKey`.
impl KeypairRef for SigningKey {
    type VerifyingKey = VerifyingKey;
}

impl Verifier<Signature> for VerifyingKey {
    fn verify(&self, msg: &[u8], sig: &Signature) -> signature::Result<()> {
        VerifyingKey::verify(self, msg, sig).map_err(error)
    }
}

impl DigestVerifier<Sha512, Signature> for VerifyingKey {
    fn verify_digest<F: Fn(&mut Sha512) -> signature::Result<()>>(
        &self,
        f: F,
        sig: &Signature,
    ) -> signature::Result<()> {
        self.verify_prehashed(&digest_of(f)?, b"", sig)
            .map_err(error)
    }
}

impl From<Signature> for [u8; 64] {
    fn from(sig: Signature) -> Self {
        sig.to_bytes()
    }
}

/// `SignatureEncoding::to_bytes` is `R ‖ S`.
impl SignatureEncoding for Signature {
    type Repr = [u8; 64];
}

#[cfg(all(feature = "pkcs8", feature = "alloc"))]
mod x509 {
    use super::{Signature, SigningKey};
    use der::asn1::BitString;
    use spki::{AlgorithmIdentifierOwned, DynSignatureAlgorithmIdentifier};

    /// `id-Ed25519`, with parameters absent (RFC 8410 §3, §6).
    impl DynSignatureAlgorithmIdentifier for SigningKey {
        fn signature_algorithm_identifier(&self) -> spki::Result<AlgorithmIdentifierOwned> {
            Ok(AlgorithmIdentifierOwned {
                oid: crate::containers25519::ED25519_OID,
                parameters: None,
            })
        }
    }

    /// The 64 signature bytes as the BIT STRING (RFC 8410 §6).
    impl spki::SignatureBitStringEncoding for Signature {
        fn to_bitstring(&self) -> der::Result<BitString> {
            BitString::from_bytes(&self.to_bytes())
        }
    }
}
