//! The RustCrypto side of the differential target: `p224`, `p256`, `p384`, `p521` and `k256`
//! behind one byte-oriented trait, so the harness can be written once.
//!
//! Every function takes and returns plain bytes in the same encodings as ecckit (big-endian
//! scalars of the field's length, SEC1 points, fixed `r ‖ s` signatures, strict DER).

use core::ops::Add;
use ecdsa::der::{MaxOverhead, MaxSize};
use ecdsa::signature::hazmat::{PrehashSigner, PrehashVerifier};
use ecdsa::signature::{Signer, Verifier};
use ecdsa::{DigestAlgorithm, EcdsaCurve, Signature, SignatureSize, SigningKey, VerifyingKey};
use elliptic_curve::array::ArraySize;
use elliptic_curve::ops::Invert;
use elliptic_curve::point::PointCompression;
use elliptic_curve::sec1::{FromSec1Point, ModulusSize, ToSec1Point};
use elliptic_curve::subtle::CtOption;
use elliptic_curve::{AffinePoint, CurveArithmetic, FieldBytesSize, PublicKey, Scalar};

/// The outcome of decoding a key and a signature and verifying: the first step that failed, or
/// acceptance. Both libraries' outcomes are compared with `==`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The public key did not decode.
    BadKey,
    /// The signature did not decode.
    BadSignature,
    /// Both decoded; verification failed.
    Rejected,
    /// The signature verified.
    Accepted,
}

/// A RustCrypto curve, seen through bytes.
pub trait RcCurve {
    /// RustCrypto's ECDSA signing key for the curve.
    type SigningKey;
    /// Decodes an `L`-byte private key with `SigningKey::from_slice`; `None` if rejected.
    fn signing_key(sk: &[u8]) -> Option<Self::SigningKey>;
    /// The public key in SEC1.
    fn public_key(key: &Self::SigningKey, compress: bool) -> Vec<u8>;
    /// The deterministic (RFC 6979) signature of `msg` with the curve's standard hash, as `r ‖ s`.
    fn sign(key: &Self::SigningKey, msg: &[u8]) -> Vec<u8>;
    /// The deterministic signature of a precomputed digest, as `r ‖ s`; `None` if refused.
    fn sign_prehash(key: &Self::SigningKey, prehash: &[u8]) -> Option<Vec<u8>>;
    /// The raw ECDH shared secret (`x` coordinate) of `key` and the SEC1 key `pk`; `None` if
    /// `pk` is rejected.
    fn ecdh(key: &Self::SigningKey, pk: &[u8]) -> Option<Vec<u8>>;
    /// Decodes a fixed-size signature and re-encodes it (`r ‖ s`); `None` if it is rejected.
    fn signature_from_bytes(sig: &[u8]) -> Option<Vec<u8>>;
    /// Decodes a DER signature to `r ‖ s`; `None` if it is rejected.
    fn signature_from_der(der: &[u8]) -> Option<Vec<u8>>;
    /// The DER encoding of the fixed-size signature `sig` (which must decode).
    fn signature_to_der(sig: &[u8]) -> Vec<u8>;
    /// Decodes a SEC1 public key and re-encodes it uncompressed; `None` if it is rejected.
    fn public_from_sec1(pk: &[u8]) -> Option<Vec<u8>>;
    /// Decodes `pk` and the fixed-size `sig` and verifies `sig` on `msg` (standard hash).
    fn verify(pk: &[u8], msg: &[u8], sig: &[u8]) -> Verdict;
    /// The same on a precomputed digest.
    fn verify_prehash(pk: &[u8], prehash: &[u8], sig: &[u8]) -> Verdict;
}

impl<R> RcCurve for R
where
    R: EcdsaCurve + CurveArithmetic + DigestAlgorithm + PointCompression,
    Scalar<R>: Invert<Output = CtOption<Scalar<R>>>,
    AffinePoint<R>: FromSec1Point<R> + ToSec1Point<R>,
    FieldBytesSize<R>: ModulusSize,
    SignatureSize<R>: ArraySize,
    MaxSize<R>: ArraySize,
    <FieldBytesSize<R> as Add>::Output: Add<MaxOverhead> + ArraySize,
{
    type SigningKey = SigningKey<R>;

    fn signing_key(sk: &[u8]) -> Option<SigningKey<R>> {
        SigningKey::<R>::from_slice(sk).ok()
    }

    fn public_key(key: &SigningKey<R>, compress: bool) -> Vec<u8> {
        let point = key.verifying_key().to_sec1_point(compress);
        point.as_bytes().to_vec()
    }

    fn sign(key: &SigningKey<R>, msg: &[u8]) -> Vec<u8> {
        let sig: Signature<R> = key.sign(msg);
        sig.to_bytes().to_vec()
    }

    fn sign_prehash(key: &SigningKey<R>, prehash: &[u8]) -> Option<Vec<u8>> {
        let sig: Signature<R> = key.sign_prehash(prehash).ok()?;
        Some(sig.to_bytes().to_vec())
    }

    fn ecdh(key: &SigningKey<R>, pk: &[u8]) -> Option<Vec<u8>> {
        let public = PublicKey::<R>::from_sec1_bytes(pk).ok()?;
        let shared =
            elliptic_curve::ecdh::diffie_hellman(key.as_nonzero_scalar(), public.as_affine());
        Some(shared.raw_secret_bytes().to_vec())
    }

    fn signature_from_bytes(sig: &[u8]) -> Option<Vec<u8>> {
        Some(Signature::<R>::from_slice(sig).ok()?.to_bytes().to_vec())
    }

    fn signature_from_der(der: &[u8]) -> Option<Vec<u8>> {
        Some(Signature::<R>::from_der(der).ok()?.to_bytes().to_vec())
    }

    fn signature_to_der(sig: &[u8]) -> Vec<u8> {
        let sig = Signature::<R>::from_slice(sig).expect("a valid signature");
        sig.to_der().as_bytes().to_vec()
    }

    fn public_from_sec1(pk: &[u8]) -> Option<Vec<u8>> {
        let key = PublicKey::<R>::from_sec1_bytes(pk).ok()?;
        Some(key.to_sec1_point(false).as_bytes().to_vec())
    }

    fn verify(pk: &[u8], msg: &[u8], sig: &[u8]) -> Verdict {
        decode_and::<R>(pk, sig, |key, sig| key.verify(msg, sig).is_ok())
    }

    fn verify_prehash(pk: &[u8], prehash: &[u8], sig: &[u8]) -> Verdict {
        decode_and::<R>(pk, sig, |key, sig| key.verify_prehash(prehash, sig).is_ok())
    }
}

/// Decodes the key, then the signature, then runs `check`.
fn decode_and<R>(
    pk: &[u8],
    sig: &[u8],
    check: impl FnOnce(&VerifyingKey<R>, &Signature<R>) -> bool,
) -> Verdict
where
    R: EcdsaCurve + CurveArithmetic,
    AffinePoint<R>: FromSec1Point<R> + ToSec1Point<R>,
    FieldBytesSize<R>: ModulusSize,
    SignatureSize<R>: ArraySize,
{
    let Ok(key) = VerifyingKey::<R>::from_sec1_bytes(pk) else {
        return Verdict::BadKey;
    };
    let Ok(sig) = Signature::<R>::from_slice(sig) else {
        return Verdict::BadSignature;
    };
    if check(&key, &sig) {
        Verdict::Accepted
    } else {
        Verdict::Rejected
    }
}
