//! Layer 5 (protocols): **ECDSA** signatures (FIPS 186-5 §6; SEC 1 v2.0 §4.1) with deterministic
//! nonces (RFC 6979).
//!
//! Uses the [`point`](crate::point) layer (constant-time `k·G` for signing, variable-time
//! `u1·G + u2·Q` for verification), the scalar field, and [`keys`](crate::keys).
//!
//! # The scheme
//! Private key `d`, public key `Q = d·G`, group order `n`, digest `e = bits2int(H(m))`.
//! * Sign: pick a nonce `k ∈ [1, n−1]`; `r = x(k·G) mod n`; `s = k^(−1)·(e + r·d) mod n`;
//!   the signature is `(r, s)`, both non-zero.
//! * Verify: check `r, s ∈ [1, n−1]`; `w = s^(−1)`; `R = (e·w)·G + (r·w)·Q`; accept iff `R` is not the
//!   identity and `x(R) mod n = r`.
//!
//! `k` must be secret, uniform and never reused: here it is derived from `d` and `e` by RFC 6979's
//! HMAC_DRBG ([`rfc6979`]), optionally mixed with fresh randomness
//! ([`SigningKey::sign_with_rng`]).
//!
//! Encodings: fixed-size `r ‖ s` (IEEE P1363) and strict DER (module `der`).

pub(crate) mod der;
pub mod hazmat;
mod recovery;
mod traits;

pub use der::DerSignature;
pub use recovery::RecoveryId;

use crate::Error;
use crate::buf::FixedBuf;
use crate::ct::declassify;
use crate::curves::Curve;
use crate::field::{ByteArray, Field, MAX_FIELD_BYTES, limbs};
use crate::keys::{PublicKey, SecretKey, bytes_len};
use crate::point::mul::mul_double_vartime;
use crate::point::sec1::EncodedPoint;
use crate::rfc6979::{self, HmacDigest};
use core::fmt;
use rand_core::CryptoRng;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};
use zeroize::{Zeroize, Zeroizing};

/// ECDSA's policy for a curve: its standard hash and whether signing normalises to low S.
///
/// A [`Curve`] is parameters and fields only; each signature scheme brings its own policy trait
/// (a BIP 340 Schnorr or an EdDSA scheme would define theirs beside it), so that adding a
/// scheme never touches [`Curve`]. The five curves of the crate implement it in their public
/// modules ([`p256`](crate::p256), …); a user-defined curve implements it to sign with it.
pub trait EcdsaCurve: Curve {
    /// The curve's standard hash for ECDSA (e.g. SHA-256 for P-256), also the hash of the
    /// RFC 6979 nonce derivation.
    type Digest: HmacDigest;
    /// Whether [`SigningKey::sign`] returns low-S signatures (`s ≤ (n−1)/2`) by convention: true
    /// for secp256k1 (Bitcoin's BIP 62/146 rule), false for the NIST curves.
    const LOW_S: bool = false;
}

/// The longest fixed-size signature: P-521, `2·MAX_FIELD_BYTES` bytes.
pub const MAX_SIGNATURE_LEN: usize = 2 * MAX_FIELD_BYTES;

/// A fixed-size `r ‖ s` signature encoding (use it as `&[u8]`).
pub type SignatureBytes = FixedBuf<MAX_SIGNATURE_LEN>;

/// Shortest digest accepted by [`SigningKey::sign_prehash`] and [`VerifyingKey::verify_prehash`].
pub const MIN_DIGEST_LEN: usize = 16;

/// An ECDSA signature `(r, s)` with `r, s ∈ [1, n−1]`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Signature<C: Curve> {
    r: C::Scalar,
    s: C::Scalar,
}

impl<C: Curve> Signature<C> {
    /// The signature from its two scalars; [`Error::OutOfRange`] if either is zero. For public
    /// scalars (decoding); signing checks its secret-derived `r` and `s` through the crate's
    /// declassification point instead.
    pub fn from_scalars(r: C::Scalar, s: C::Scalar) -> Result<Self, Error> {
        if bool::from(r.is_zero() | s.is_zero()) {
            return Err(Error::OutOfRange);
        }
        Ok(Self { r, s })
    }

    /// Decodes the fixed-size `r ‖ s` form (each big-endian, the field's byte length).
    ///
    /// Errors: [`Error::InvalidLength`], or [`Error::OutOfRange`] unless `1 ≤ r, s < n`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let l = bytes_len::<C>();
        if bytes.len() != 2 * l {
            return Err(Error::InvalidLength);
        }
        let r = decode_scalar::<C>(&bytes[..l])?;
        let s = decode_scalar::<C>(&bytes[l..])?;
        Self::from_scalars(r, s)
    }

    /// The fixed-size `r ‖ s` encoding.
    pub fn to_bytes(&self) -> SignatureBytes {
        let l = bytes_len::<C>();
        let mut out = SignatureBytes::zeroed(2 * l);
        let buf = out.as_mut_slice();
        buf[..l].copy_from_slice(self.r.to_bytes().as_ref());
        buf[l..].copy_from_slice(self.s.to_bytes().as_ref());
        out
    }

    /// Decodes strict DER (`SEQUENCE { r INTEGER, s INTEGER }`): definite minimal lengths, minimal
    /// non-negative integers, no trailing bytes.
    ///
    /// Errors: [`Error::InvalidDer`], or [`Error::OutOfRange`] unless `1 ≤ r, s < n`.
    pub fn from_der(bytes: &[u8]) -> Result<Self, Error> {
        let mut r = <C::Scalar as Field>::Bytes::zeroed();
        let mut s = <C::Scalar as Field>::Bytes::zeroed();
        der::decode(bytes, r.as_mut(), s.as_mut()).map_err(|()| Error::InvalidDer)?;
        let r = Option::from(C::Scalar::from_bytes(&r)).ok_or(Error::OutOfRange)?;
        let s = Option::from(C::Scalar::from_bytes(&s)).ok_or(Error::OutOfRange)?;
        Self::from_scalars(r, s)
    }

    /// The DER encoding.
    pub fn to_der(&self) -> DerSignature {
        der::encode(self.r.to_bytes().as_ref(), self.s.to_bytes().as_ref())
    }

    /// `r`.
    pub fn r(&self) -> C::Scalar {
        self.r
    }

    /// `s`.
    pub fn s(&self) -> C::Scalar {
        self.s
    }

    /// Whether `s ≤ (n−1)/2` ("low S").
    pub fn is_low_s(&self) -> Choice {
        is_high::<C>(&self.s).ct_eq(&0)
    }

    /// The same signature with `s` replaced by `n − s` when `s > (n−1)/2`. Both `(r, s)` and
    /// `(r, n − s)` verify; some protocols (Bitcoin) accept only the low one.
    pub fn normalize_s(&self) -> Self {
        let high = Choice::from(is_high::<C>(&self.s));
        Self {
            r: self.r,
            s: C::Scalar::conditional_select(&self.s, &-self.s, high),
        }
    }
}

/// 1 if `s > (n−1)/2`, else 0, in constant time: `s > (n−1)/2` iff `2s mod n` is odd (doubling a
/// value in the upper half wraps around the odd `n`, flipping the parity).
fn is_high<C: Curve>(s: &C::Scalar) -> u8 {
    s.double().is_odd().unwrap_u8()
}

/// A canonical scalar from exactly `L` big-endian bytes.
fn decode_scalar<C: Curve>(bytes: &[u8]) -> Result<C::Scalar, Error> {
    let mut buf = <C::Scalar as Field>::Bytes::zeroed();
    buf.as_mut().copy_from_slice(bytes);
    Option::from(C::Scalar::from_bytes(&buf)).ok_or(Error::OutOfRange)
}

impl<C: Curve> fmt::Debug for Signature<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature<{}>({:?})", C::NAME, self.to_bytes())
    }
}

/// The ECDSA digest `e = bits2int(H) mod n` (FIPS 186-5 §6.4.1 step 3: the leftmost `⌈log2 n⌉`
/// bits of the digest). [`Error::DigestTooShort`] below [`MIN_DIGEST_LEN`] bytes.
pub(crate) fn digest_to_scalar<C: Curve>(prehash: &[u8]) -> Result<C::Scalar, Error> {
    if prehash.len() < MIN_DIGEST_LEN {
        return Err(Error::DigestTooShort);
    }
    let mut e = <C::Scalar as Field>::Bytes::zeroed();
    rfc6979::bits2int(prehash, C::Scalar::NUM_BITS, e.as_mut());
    Ok(C::Scalar::from_bytes_reduced(&e))
}

/// An ECDSA signing key: a [`SecretKey`] and its public half. Zeroized on drop.
#[derive(Clone)]
pub struct SigningKey<C: EcdsaCurve> {
    secret: SecretKey<C>,
    verifying: VerifyingKey<C>,
}

impl<C: EcdsaCurve> SigningKey<C> {
    /// A random key (see [`SecretKey::random`]).
    pub fn random<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        Self::from(SecretKey::random(rng))
    }

    /// A random key from the operating system (see [`SecretKey::generate`], which panics if the
    /// operating system's generator fails).
    #[cfg(feature = "getrandom")]
    pub fn generate() -> Self {
        Self::from(SecretKey::generate())
    }

    /// Decodes a private key (see [`SecretKey::from_bytes`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        SecretKey::from_bytes(bytes).map(Self::from)
    }

    /// The private key's big-endian encoding, wiped when the returned value is dropped.
    pub fn to_bytes(&self) -> Zeroizing<<C::Scalar as Field>::Bytes> {
        self.secret.to_bytes()
    }

    /// The secret key.
    pub fn as_secret_key(&self) -> &SecretKey<C> {
        &self.secret
    }

    /// The matching verifying key.
    pub fn verifying_key(&self) -> &VerifyingKey<C> {
        &self.verifying
    }

    /// Signs `msg` with the curve's standard hash and an RFC 6979 deterministic nonce.
    /// On curves with the low-S convention (secp256k1) the signature is low-S.
    pub fn sign(&self, msg: &[u8]) -> Signature<C> {
        self.sign_recoverable(msg).0
    }

    /// Signs a precomputed digest (at least 16 bytes; digests longer than `n` are truncated to
    /// its bit length) with an RFC 6979 nonce.
    pub fn sign_prehash(&self, prehash: &[u8]) -> Result<Signature<C>, Error> {
        self.sign_digest_with_extra(prehash, &[])
            .map(|(sig, _)| sig)
    }

    /// [`SigningKey::sign`], also returning the [`RecoveryId`] that lets a verifier recover the
    /// public key from the signature ([`VerifyingKey::recover_from_prehash`]).
    pub fn sign_recoverable(&self, msg: &[u8]) -> (Signature<C>, RecoveryId) {
        let digest = crate::hash::digest::<C::Digest>(msg);
        self.sign_digest_with_extra(digest.as_ref(), &[])
            .expect("the standard hash is at least 16 bytes")
    }

    /// [`SigningKey::sign_prehash`], also returning the [`RecoveryId`].
    pub fn sign_prehash_recoverable(
        &self,
        prehash: &[u8],
    ) -> Result<(Signature<C>, RecoveryId), Error> {
        self.sign_digest_with_extra(prehash, &[])
    }

    /// Signs `msg` with an RFC 6979 nonce into which fresh randomness from `rng` is mixed
    /// (RFC 6979 §3.6, "hedged" signing): deterministic-nonce safety plus resistance to fault and
    /// side-channel attacks that exploit determinism.
    ///
    /// **The choice on devices exposed to fault injection** (smart cards, embedded signers,
    /// anything an attacker can glitch): with purely deterministic nonces, one faulty and one
    /// correct signature of the same message share `k`, which gives away the private key;
    /// with fresh randomness in the nonce, two signatures of one message never share `k`. For
    /// the faults that corrupt a single signature, [`SigningKey::sign_with_rng_checked`] also
    /// verifies the result before releasing it.
    pub fn sign_with_rng<R: CryptoRng + ?Sized>(&self, rng: &mut R, msg: &[u8]) -> Signature<C> {
        let mut extra = Zeroizing::new(<C::Scalar as Field>::Bytes::zeroed());
        rng.fill_bytes(extra.as_mut());
        let digest = crate::hash::digest::<C::Digest>(msg);
        self.sign_digest_with_extra(digest.as_ref(), extra.as_ref())
            .expect("the standard hash is at least 16 bytes")
            .0
    }

    /// [`SigningKey::sign`], then a verification of the signature under this key before it is
    /// returned: a fault during signing (a glitched multiplication, a flipped bit in `s`) gives
    /// [`Error::SigningFailed`] instead of a wrong signature, which could leak the key. Costs one
    /// verification on top of the signature, about 3.3 times the work of [`sign`] alone on P-256
    /// (docs/performance.md, "Checked signing").
    ///
    /// [`sign`]: SigningKey::sign
    pub fn sign_checked(&self, msg: &[u8]) -> Result<Signature<C>, Error> {
        let sig = self.sign(msg);
        self.check_signature(msg, sig)
    }

    /// [`SigningKey::sign_with_rng`] (hedged nonces), then a verification as in
    /// [`SigningKey::sign_checked`]: the signing mode for devices exposed to fault injection.
    pub fn sign_with_rng_checked<R: CryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        msg: &[u8],
    ) -> Result<Signature<C>, Error> {
        let sig = self.sign_with_rng(rng, msg);
        self.check_signature(msg, sig)
    }

    /// `sig` if it verifies under this key, else [`Error::SigningFailed`] (the signature and the
    /// public key are public, so the check may take variable time).
    fn check_signature(&self, msg: &[u8], sig: Signature<C>) -> Result<Signature<C>, Error> {
        match self.verifying.verify(msg, &sig) {
            Ok(()) => Ok(sig),
            Err(_) => Err(Error::SigningFailed),
        }
    }

    /// RFC 6979 §3.2 with §3.6 additional data `extra`:
    /// 1. `e = bits2int(H) mod n` ([`digest_to_scalar`]); `h = int2octets(e)`, `x = int2octets(d)`;
    /// 2. seed the HMAC_DRBG with `x ‖ h ‖ extra` (steps b–g);
    /// 3. draw `rlen` bytes, `k = bits2int(T)` (step h); if `1 ≤ k < n` and the resulting `r` and
    ///    `s` are non-zero, done; else reseed and repeat;
    /// 4. on low-S curves, replace `s` by `n − s` when it is high (and flip the recovery parity).
    fn sign_digest_with_extra(
        &self,
        prehash: &[u8],
        extra: &[u8],
    ) -> Result<(Signature<C>, RecoveryId), Error> {
        let e = digest_to_scalar::<C>(prehash)?;
        let d = self.secret.as_scalar();
        let mut x = d.to_bytes();
        let mut drbg =
            rfc6979::HmacDrbg::<C::Digest>::new(x.as_ref(), e.to_bytes().as_ref(), extra);
        x.as_mut().zeroize();
        let mut t = <C::Scalar as Field>::Bytes::zeroed();
        let mut k_bytes = <C::Scalar as Field>::Bytes::zeroed();
        let result = loop {
            drbg.fill_bytes(t.as_mut());
            rfc6979::bits2int(t.as_ref(), C::Scalar::NUM_BITS, k_bytes.as_mut());
            let k = C::Scalar::from_bytes(&k_bytes);
            // Rejections happen with probability < 2^-32 on every supported curve; they reveal
            // only that a discarded candidate was out of range (step h.3's public outcome).
            if declassify(k.is_some()) {
                let mut k = k.unwrap_or(C::Scalar::ZERO);
                let signed = recovery::sign_prehashed_recoverable::<C>(d, &k, &e);
                k.zeroize();
                if let Ok(sig) = signed {
                    break sig;
                }
            }
            drbg.reseed_after_reject();
        };
        t.as_mut().zeroize();
        k_bytes.as_mut().zeroize();
        let (sig, recid) = result;
        if C::LOW_S {
            let high = !sig.is_low_s();
            return Ok((sig.normalize_s(), recid.flip_parity_if(high)));
        }
        Ok((sig, recid))
    }
}

impl<C: EcdsaCurve> From<SecretKey<C>> for SigningKey<C> {
    fn from(secret: SecretKey<C>) -> Self {
        let verifying = VerifyingKey {
            public: secret.public_key(),
        };
        Self { secret, verifying }
    }
}

impl<C: EcdsaCurve> fmt::Debug for SigningKey<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SigningKey<{}>(…)", C::NAME)
    }
}

/// 64-bit limbs that hold the canonical integer of any field element, and `r + n`.
pub(crate) const WIDE_LIMBS: usize = MAX_FIELD_BYTES.div_ceil(8);

/// The base-field element with the integer value `r + j·n` (`plus_n` selects `j ∈ {0, 1}`), if
/// that integer is below `p`: the candidates for `x(R)` given `r = x(R) mod n`. Since
/// `x(R) < p < 2n` on every prime-order curve (Hasse: `n ≥ p + 1 − 2√p`), these are the only
/// two, and the second exists only when `r + n < p`. Variable time: for verification and
/// recovery, where `r` is public.
pub(crate) fn x_candidate_vartime<C: Curve>(r: &C::Scalar, plus_n: bool) -> Option<C::Base> {
    let mut x = r.to_canonical_limbs::<WIDE_LIMBS>();
    if plus_n {
        // r + n = r + (n − 1) + 1 < 2^(8·MAX_FIELD_BYTES): no carry leaves the limbs.
        let (sum, _) = limbs::add(&x, &(-C::Scalar::ONE).to_canonical_limbs::<WIDE_LIMBS>());
        x = limbs::add_small(&sum, 1);
    }
    let (_, above_p_minus_1) = limbs::sub(&(-C::Base::ONE).to_canonical_limbs::<WIDE_LIMBS>(), &x);
    (above_p_minus_1 == 0).then(|| C::Base::from_limbs_reduced(&x))
}

/// An ECDSA verifying key: a public point `Q`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct VerifyingKey<C: EcdsaCurve> {
    public: PublicKey<C>,
}

impl<C: EcdsaCurve> VerifyingKey<C> {
    /// Decodes a SEC1 public key (see [`PublicKey::from_sec1_bytes`]).
    pub fn from_sec1_bytes(bytes: &[u8]) -> Result<Self, Error> {
        PublicKey::from_sec1_bytes(bytes).map(Self::from)
    }

    /// The SEC1 encoding.
    pub fn to_sec1_bytes(&self, compress: bool) -> EncodedPoint {
        self.public.to_sec1_bytes(compress)
    }

    /// The public key.
    pub fn as_public_key(&self) -> &PublicKey<C> {
        &self.public
    }

    /// Verifies `sig` on `msg` hashed with the curve's standard hash.
    pub fn verify(&self, msg: &[u8], sig: &Signature<C>) -> Result<(), Error> {
        self.verify_prehash(crate::hash::digest::<C::Digest>(msg).as_ref(), sig)
    }

    /// Verifies `sig` on `msg` and also requires low S (`s ≤ (n−1)/2`), Bitcoin's rule against
    /// malleability (BIP 146). [`Error::VerificationFailed`] for a high-S signature.
    pub fn verify_low_s(&self, msg: &[u8], sig: &Signature<C>) -> Result<(), Error> {
        self.verify_prehash_low_s(crate::hash::digest::<C::Digest>(msg).as_ref(), sig)
    }

    /// [`VerifyingKey::verify_prehash`] with the low-S requirement of [`VerifyingKey::verify_low_s`].
    pub fn verify_prehash_low_s(&self, prehash: &[u8], sig: &Signature<C>) -> Result<(), Error> {
        if !bool::from(sig.is_low_s()) {
            return Err(Error::VerificationFailed);
        }
        self.verify_prehash(prehash, sig)
    }

    /// Verifies `sig` on a precomputed digest (at least 16 bytes; truncated like signing).
    /// Standard ECDSA: high-S signatures are accepted (as OpenSSL does).
    ///
    /// Variable time: everything here is public.
    pub fn verify_prehash(&self, prehash: &[u8], sig: &Signature<C>) -> Result<(), Error> {
        let e = digest_to_scalar::<C>(prehash)?;
        // r, s ∈ [1, n−1] holds for every `Signature` by construction.
        let w = Option::<C::Scalar>::from(sig.s.invert_vartime()).ok_or(Error::OutOfRange)?;
        let q = self.public.as_affine().to_projective();
        let big_r = mul_double_vartime(&(e * w), &(sig.r * w), &q);
        // Accept when x(R) mod n = r, R not the identity: `x(R)` is `r` or `r + n`
        // (`x_candidate_vartime`). Both candidates are compared projectively (`X = x·Z`), which
        // saves the inversion of `R` to affine coordinates.
        let matches = |x: Option<C::Base>| x.is_some_and(|x| big_r.has_affine_x_vartime(&x));
        if matches(x_candidate_vartime::<C>(&sig.r, false))
            || matches(x_candidate_vartime::<C>(&sig.r, true))
        {
            return Ok(());
        }
        Err(Error::VerificationFailed)
    }
}

/// Hashes the public point, consistent with `Eq`.
impl<C: EcdsaCurve> core::hash::Hash for VerifyingKey<C> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.public.hash(state);
    }
}

impl<C: EcdsaCurve> From<PublicKey<C>> for VerifyingKey<C> {
    fn from(public: PublicKey<C>) -> Self {
        Self { public }
    }
}
