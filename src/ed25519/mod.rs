//! Layer 5 (protocols): **Ed25519** signatures (RFC 8032 §5.1), with Ed25519ctx and Ed25519ph.
//!
//! Uses the edwards25519 points and scalar multiplications of [`crate::edwards`] and the scalar
//! field of [`crate::field::curve25519`]; SHA-512 from `sha2`.
//!
//! # Keys and signing (RFC 8032 §5.1.5–5.1.6)
//! A signing key is a 32-byte **seed**. `SHA-512(seed)` gives the secret scalar `s` (its low half,
//! clamped) and a 32-byte `prefix`; the public key is `A = [s]B`, 32 bytes. A signature of `M` is
//! `R ‖ S` with `r = SHA-512(dom ‖ prefix ‖ M) mod ℓ`, `R = [r]B` and
//! `S = (r + SHA-512(dom ‖ R ‖ A ‖ M)·s) mod ℓ`: deterministic, with no random number needed.
//! `dom` is empty for Ed25519 and `dom2(phflag, context)` for the variants (§5.1): Ed25519ctx
//! (`phflag = 0`, a context string of at most 255 bytes) and Ed25519ph (`phflag = 1`, `M`
//! replaced by `SHA-512(M)`).
//!
//! # The verification rule
//! [`VerifyingKey::verify`] and [`verify_batch`] accept exactly the same signatures; the rule is
//! ZIP 215's ("Explicitly defining and modifying Ed25519 validation rules", Zcash, 2020), which
//! makes the single and the batch equation agree and every implementation that follows it agree
//! on every input:
//! 1. `S` must be canonical, `S < ℓ` (otherwise `S` and `S + ℓ` would both verify); a larger `S`
//!    is refused.
//! 2. `A` and `R` are decoded leniently ([`EdwardsPoint::decompress`]): a `y ≥ p` is reduced and
//!    "−0" is accepted; a string that is no point's encoding is refused. Points of small order
//!    and points with a torsion component are accepted.
//! 3. `k = SHA-512(dom ‖ R ‖ A ‖ M) mod ℓ` over the bytes of `R` and `A` **as given**.
//! 4. The **cofactored** equation `[8]([S]B − [k]A − R) = O` must hold. (The cofactorless
//!    `[S]B = R + [k]A` of some implementations refuses a few signatures whose `R` or `A` has a
//!    torsion component; no honest signer makes those, and a batch cannot reproduce the
//!    cofactorless check, so the cofactored one is the rule.)
//!
//! [`VerifyingKey::verify_strict`] applies the same equation after stricter decoding: `A` and `R`
//! must be canonical encodings ([`EdwardsPoint::decompress_canonical`]) and must not be of small
//! order. What it accepts, `verify` accepts too.
//!
//! ```
//! use ecckit::ed25519::{SigningKey, verify_batch};
//!
//! let key = SigningKey::random(&mut rand::rng());
//! let sig = key.sign(b"message");
//! key.verifying_key().verify(b"message", &sig)?;
//! assert!(key.verifying_key().verify(b"other message", &sig).is_err());
//! verify_batch(&[b"message"], &[sig], &[key.verifying_key()], &mut rand::rng())?;
//! # Ok::<(), ecckit::Error>(())
//! ```

#[cfg(feature = "alloc")]
mod batch;
mod traits;

#[cfg(feature = "alloc")]
pub use batch::verify_batch;

use crate::Error;
use crate::edwards::EdwardsPoint;
use crate::edwards::mul::mul_verification_vartime;
use crate::field::curve25519::Scalar;
use core::fmt;
use rand_core::CryptoRng;
use sha2::{Digest, Sha512};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// The length of a signature, `R ‖ S`.
pub const SIGNATURE_LENGTH: usize = 64;
/// The length of a seed, a public key and each half of a signature.
pub const KEY_LENGTH: usize = 32;

/// The domain separation of the variants: `dom2(phflag, context)` of RFC 8032 §5.1, or nothing
/// for plain Ed25519.
#[derive(Clone, Copy)]
pub(crate) enum Domain<'a> {
    /// Ed25519: no prefix.
    Pure,
    /// Ed25519ctx: `dom2(0, context)`.
    Context(&'a [u8]),
    /// Ed25519ph: `dom2(1, context)`, the message being `SHA-512(M)`.
    Prehashed(&'a [u8]),
}

impl Domain<'_> {
    /// A SHA-512 state with `dom2(…)` absorbed. Errors: [`Error::InvalidLength`] for a context
    /// longer than 255 bytes.
    fn hasher(&self) -> Result<Sha512, Error> {
        let mut h = Sha512::new();
        let (flag, ctx) = match *self {
            Domain::Pure => return Ok(h),
            Domain::Context(c) => (0u8, c),
            Domain::Prehashed(c) => (1u8, c),
        };
        let len = u8::try_from(ctx.len()).map_err(|_| Error::InvalidLength)?;
        h.update(b"SigEd25519 no Ed25519 collisions");
        h.update([flag, len]);
        h.update(ctx);
        Ok(h)
    }
}

/// `SHA-512(parts…) mod ℓ` after the domain prefix.
fn hash_to_scalar(domain: Domain<'_>, parts: &[&[u8]]) -> Result<Scalar, Error> {
    let mut h = domain.hasher()?;
    for p in parts {
        h.update(p);
    }
    let mut wide: [u8; 64] = h.finalize().into();
    let k = Scalar::from_le_bytes_wide(&wide);
    wide.zeroize();
    Ok(k)
}

/// An Ed25519 signature `R ‖ S` (64 bytes). Decoding checks only the length; `R` is decoded and
/// `S < ℓ` is checked by verification (see the [module docs](self)).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Signature {
    r: [u8; 32],
    s: [u8; 32],
}

impl Signature {
    /// The signature with these 64 bytes.
    ///
    /// Errors: [`Error::InvalidLength`] unless `bytes` has 64 bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        if bytes.len() != SIGNATURE_LENGTH {
            return Err(Error::InvalidLength);
        }
        let (r, s) = bytes.split_at(32);
        Ok(Self {
            r: r.try_into().expect("32 bytes"),
            s: s.try_into().expect("32 bytes"),
        })
    }

    /// The 64 bytes `R ‖ S`.
    pub fn to_bytes(&self) -> [u8; 64] {
        let mut out = [0u8; 64];
        out[..32].copy_from_slice(&self.r);
        out[32..].copy_from_slice(&self.s);
        out
    }

    /// The encoding of `R`.
    pub fn r_bytes(&self) -> &[u8; 32] {
        &self.r
    }

    /// The encoding of `S`.
    pub fn s_bytes(&self) -> &[u8; 32] {
        &self.s
    }
}

impl From<[u8; 64]> for Signature {
    fn from(bytes: [u8; 64]) -> Self {
        Self::from_bytes(&bytes).expect("64 bytes")
    }
}

impl TryFrom<&[u8]> for Signature {
    type Error = Error;
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ed25519::Signature(")?;
        for b in self.to_bytes() {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

/// An Ed25519 public key: its 32-byte encoding as given, and the decoded point `A`.
#[derive(Clone, Copy)]
pub struct VerifyingKey {
    bytes: [u8; 32],
    point: EdwardsPoint,
}

impl VerifyingKey {
    /// Decodes a public key leniently, as [`VerifyingKey::verify`] reads `A` (see the [module
    /// docs](self)): any encoding of a point is accepted, a non-canonical one or a point of small
    /// order included (`verify_strict` refuses those when it is used).
    ///
    /// Errors: [`Error::InvalidLength`] unless 32 bytes; [`Error::InvalidEncoding`] if the bytes
    /// encode no point.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| Error::InvalidLength)?;
        let point = Option::from(EdwardsPoint::decompress(&bytes)).ok_or(Error::InvalidEncoding)?;
        Ok(Self { bytes, point })
    }

    /// The 32 bytes of the key, as decoded or computed.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.bytes
    }

    /// The point `A`.
    pub fn to_edwards(&self) -> EdwardsPoint {
        self.point
    }

    /// Whether `A` is a point of small order (a "weak" key that `verify_strict` refuses).
    pub fn is_weak(&self) -> bool {
        bool::from(self.point.is_small_order())
    }

    /// Verifies an Ed25519 signature of `msg` under the rule of the [module docs](self).
    ///
    /// Errors: [`Error::VerificationFailed`] for any invalid signature.
    pub fn verify(&self, msg: &[u8], sig: &Signature) -> Result<(), Error> {
        self.verify_with(Domain::Pure, msg, sig, false)
    }

    /// Verifies as [`VerifyingKey::verify`], refusing also non-canonical encodings of `A` or `R`
    /// and an `A` or `R` of small order.
    pub fn verify_strict(&self, msg: &[u8], sig: &Signature) -> Result<(), Error> {
        self.verify_with(Domain::Pure, msg, sig, true)
    }

    /// Verifies an Ed25519ctx signature (RFC 8032 §5.1) with `context` (at most 255 bytes).
    pub fn verify_ctx(&self, msg: &[u8], context: &[u8], sig: &Signature) -> Result<(), Error> {
        self.verify_with(Domain::Context(context), msg, sig, false)
    }

    /// Verifies an Ed25519ph signature of `msg` (hashed here with SHA-512) with `context`.
    pub fn verify_ph(&self, msg: &[u8], context: &[u8], sig: &Signature) -> Result<(), Error> {
        self.verify_prehashed(&Sha512::digest(msg).into(), context, sig)
    }

    /// Verifies an Ed25519ph signature given the SHA-512 digest of the message.
    pub fn verify_prehashed(
        &self,
        prehash: &[u8; 64],
        context: &[u8],
        sig: &Signature,
    ) -> Result<(), Error> {
        self.verify_with(Domain::Prehashed(context), prehash, sig, false)
    }

    /// The checks of the [module docs](self): `S < ℓ`, `R` decodes (canonical and not small for
    /// `strict`, as `A` then), and `[8]([S]B − [k]A − R) = O`. Variable time (public inputs).
    fn verify_with(
        &self,
        domain: Domain<'_>,
        msg: &[u8],
        sig: &Signature,
        strict: bool,
    ) -> Result<(), Error> {
        let (r, s, k) = self.prepare(domain, msg, sig, strict)?;
        let check = mul_verification_vartime(&s, &k, &self.point, &r);
        if bool::from(check.is_small_order()) {
            Ok(())
        } else {
            Err(Error::VerificationFailed)
        }
    }

    /// Decodes `R` and `S` and computes `k`: the part of verification shared with the batch.
    pub(crate) fn prepare(
        &self,
        domain: Domain<'_>,
        msg: &[u8],
        sig: &Signature,
        strict: bool,
    ) -> Result<(EdwardsPoint, Scalar, Scalar), Error> {
        let s = Option::from(Scalar::from_le_bytes(&sig.s)).ok_or(Error::VerificationFailed)?;
        let r = if strict {
            EdwardsPoint::decompress_canonical(&sig.r)
        } else {
            EdwardsPoint::decompress(&sig.r)
        };
        let r: EdwardsPoint = Option::from(r).ok_or(Error::VerificationFailed)?;
        if strict {
            let canonical_a = EdwardsPoint::decompress_canonical(&self.bytes).is_some();
            if !bool::from(canonical_a) || self.is_weak() || bool::from(r.is_small_order()) {
                return Err(Error::VerificationFailed);
            }
        }
        let k = hash_to_scalar(domain, &[&sig.r, &self.bytes, msg])?;
        Ok((r, s, k))
    }
}

impl PartialEq for VerifyingKey {
    /// Keys are equal when their encodings are (two encodings of one point are two keys: the
    /// encoding is hashed into every signature).
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl Eq for VerifyingKey {}

impl core::hash::Hash for VerifyingKey {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

impl AsRef<[u8]> for VerifyingKey {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

impl fmt::Debug for VerifyingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ed25519::VerifyingKey(")?;
        for b in self.bytes {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

/// An Ed25519 signing key: the 32-byte seed and what RFC 8032 §5.1.5 derives from it (the secret
/// scalar `s`, the `prefix`, the public key). Zeroized on drop; `Debug` does not print it.
#[derive(Clone)]
pub struct SigningKey {
    seed: [u8; 32],
    scalar: Scalar,
    prefix: [u8; 32],
    verifying_key: VerifyingKey,
}

impl SigningKey {
    /// A fresh random key from `rng`.
    pub fn random<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut seed = Zeroizing::new([0u8; 32]);
        rng.fill_bytes(seed.as_mut());
        Self::from_seed(&seed)
    }

    /// A fresh random key from the operating system's generator.
    ///
    /// # Panics
    /// If the operating system's generator fails; to handle that instead, pass a generator of
    /// your choice to [`SigningKey::random`].
    #[cfg(feature = "getrandom")]
    pub fn generate() -> Self {
        Self::random(&mut rand_core::UnwrapErr(getrandom::SysRng))
    }

    /// The key with this 32-byte seed (RFC 8032's private key). Every seed is valid.
    ///
    /// Errors: [`Error::InvalidLength`] unless `seed` has 32 bytes.
    pub fn from_bytes(seed: &[u8]) -> Result<Self, Error> {
        let seed: &[u8; 32] = seed.try_into().map_err(|_| Error::InvalidLength)?;
        Ok(Self::from_seed(seed))
    }

    /// RFC 8032 §5.1.5: `h = SHA-512(seed)`, `s` = the clamped low half of `h`, `prefix` = its high
    /// half, `A = [s]B`. Constant time.
    fn from_seed(seed: &[u8; 32]) -> Self {
        let mut h: [u8; 64] = Sha512::digest(seed).into();
        let mut low: [u8; 32] = h[..32].try_into().expect("32 bytes");
        low[0] &= 248;
        low[31] &= 127;
        low[31] |= 64;
        // The clamped integer is below 2^255; as a scalar mod ℓ it gives the same [s]B.
        let scalar = Scalar::from_le_bytes_reduced(&low);
        let prefix: [u8; 32] = h[32..].try_into().expect("32 bytes");
        // A = [s]B is the public key: kept as computed (decoding its bytes again would branch on
        // the validity of a value that is only public once the key is handed out).
        let point = EdwardsPoint::mul_base(&scalar);
        let bytes = point.compress();
        low.zeroize();
        h.zeroize();
        Self {
            seed: *seed,
            scalar,
            prefix,
            verifying_key: VerifyingKey { bytes, point },
        }
    }

    /// The 32-byte seed.
    pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.seed)
    }

    /// The public key.
    pub fn verifying_key(&self) -> VerifyingKey {
        self.verifying_key
    }

    /// Signs `msg` with Ed25519 (RFC 8032 §5.1.6). Deterministic; constant time in the key and
    /// the nonce.
    pub fn sign(&self, msg: &[u8]) -> Signature {
        self.sign_with(Domain::Pure, msg)
            .expect("plain Ed25519 has no context to be too long")
    }

    /// Signs `msg` with Ed25519ctx and `context` (RFC 8032 §5.1, `dom2(0, context)`).
    ///
    /// Errors: [`Error::InvalidLength`] for a context longer than 255 bytes.
    pub fn sign_ctx(&self, msg: &[u8], context: &[u8]) -> Result<Signature, Error> {
        self.sign_with(Domain::Context(context), msg)
    }

    /// Signs `msg` with Ed25519ph and `context`: the message is hashed with SHA-512 first
    /// (RFC 8032 §5.1, `dom2(1, context)`).
    ///
    /// Errors: [`Error::InvalidLength`] for a context longer than 255 bytes.
    pub fn sign_ph(&self, msg: &[u8], context: &[u8]) -> Result<Signature, Error> {
        self.sign_prehashed(&Sha512::digest(msg).into(), context)
    }

    /// Signs with Ed25519ph given the SHA-512 digest of the message.
    ///
    /// Errors: [`Error::InvalidLength`] for a context longer than 255 bytes.
    pub fn sign_prehashed(&self, prehash: &[u8; 64], context: &[u8]) -> Result<Signature, Error> {
        self.sign_with(Domain::Prehashed(context), prehash)
    }

    /// RFC 8032 §5.1.6 steps 2–6 with the domain prefix `dom`.
    fn sign_with(&self, domain: Domain<'_>, msg: &[u8]) -> Result<Signature, Error> {
        // Step 2: r = SHA-512(dom ‖ prefix ‖ M) mod ℓ (secret).
        let mut r = hash_to_scalar(domain, &[&self.prefix, msg])?;
        // Step 3: R = [r]B.
        let mut big_r = EdwardsPoint::mul_base(&r);
        let r_bytes = big_r.compress();
        // Step 4: k = SHA-512(dom ‖ R ‖ A ‖ M) mod ℓ (public).
        let k = hash_to_scalar(domain, &[&r_bytes, &self.verifying_key.bytes, msg])?;
        // Step 5: S = (r + k·s) mod ℓ.
        let s = r + k * self.scalar;
        r.zeroize();
        big_r.zeroize();
        Ok(Signature {
            r: r_bytes,
            s: s.to_le_bytes(),
        })
    }

    /// The secret scalar `s` (for the crate's checks).
    #[cfg(test)]
    pub(crate) fn scalar(&self) -> &Scalar {
        &self.scalar
    }
}

impl Drop for SigningKey {
    fn drop(&mut self) {
        self.seed.zeroize();
        self.scalar.zeroize();
        self.prefix.zeroize();
    }
}

impl ZeroizeOnDrop for SigningKey {}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ed25519::SigningKey")
            .field("verifying_key", &self.verifying_key)
            .finish_non_exhaustive()
    }
}

impl ConstantTimeEq for SigningKey {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.seed.ct_eq(&other.seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_verify_round_trip() {
        let key = SigningKey::from_bytes(&[7u8; 32]).unwrap();
        let vk = key.verifying_key();
        assert_eq!(
            EdwardsPoint::mul_base(key.scalar()).compress(),
            vk.to_bytes()
        );
        let sig = key.sign(b"abc");
        vk.verify(b"abc", &sig).unwrap();
        vk.verify_strict(b"abc", &sig).unwrap();
        assert_eq!(vk.verify(b"abd", &sig), Err(Error::VerificationFailed));
        let ctx = key.sign_ctx(b"abc", b"ctx").unwrap();
        vk.verify_ctx(b"abc", b"ctx", &ctx).unwrap();
        assert!(vk.verify_ctx(b"abc", b"cty", &ctx).is_err());
        assert!(vk.verify(b"abc", &ctx).is_err());
        let ph = key.sign_ph(b"abc", b"").unwrap();
        vk.verify_ph(b"abc", b"", &ph).unwrap();
        assert!(vk.verify_ctx(b"abc", b"", &ph).is_err());
        assert_eq!(key.sign_ctx(b"", &[0u8; 256]), Err(Error::InvalidLength));
        // S + ℓ is refused.
        let mut bytes = sig.to_bytes();
        let s = Scalar::from_le_bytes(&bytes[32..].try_into().unwrap()).unwrap();
        let mut wide = [0u8; 33];
        let l: [u8; 32] = {
            let mut b = (Scalar::ZERO - Scalar::ONE).to_le_bytes();
            b[0] += 1; // ℓ − 1 + 1 (its low byte is 0xec, no carry)
            b
        };
        let sb = s.to_le_bytes();
        let mut carry = 0u16;
        for i in 0..32 {
            let v = sb[i] as u16 + l[i] as u16 + carry;
            wide[i] = v as u8;
            carry = v >> 8;
        }
        assert_eq!(carry, 0);
        bytes[32..].copy_from_slice(&wide[..32]);
        let malleated = Signature::from_bytes(&bytes).unwrap();
        assert!(vk.verify(b"abc", &malleated).is_err());
    }
}
