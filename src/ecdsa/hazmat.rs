//! ⚠️ **Hazardous material: raw ECDSA with a caller-chosen nonce.**
//!
//! Reusing a nonce `k` for two messages, or choosing `k` with even a few biased bits, reveals the
//! private key (the attack on the PlayStation 3 signing key; lattice attacks on biased nonces).
//! Use [`SigningKey::sign`](super::SigningKey::sign), which derives `k` by RFC 6979, unless you are
//! implementing a protocol or a test that truly needs to set `k`.

use super::{EcdsaCurve, Signature};
use crate::Error;
use crate::ct::declassify;
use crate::curves::Curve;
use crate::field::{ByteArray, Field};
use crate::rfc6979::{HmacDrbg, bits2int};
use zeroize::Zeroizing;

/// Raw ECDSA signing (FIPS 186-5 §6.4.1 steps 4–10) with private key `d`, nonce `k` and digest
/// scalar `z`, in constant time:
/// 1. `R = k·G` (constant-time fixed-base multiplication);
/// 2. `r = x(R) mod n`;
/// 3. `s = k^(−1)·(z + r·d) mod n` (constant-time inversion).
///
/// [`Error::SigningFailed`] if `k = 0`, `r = 0` or `s = 0` (pick another `k`).
pub fn sign_prehashed<C: Curve>(
    d: &C::Scalar,
    k: &C::Scalar,
    z: &C::Scalar,
) -> Result<Signature<C>, Error> {
    super::recovery::sign_prehashed_recoverable(d, k, z).map(|(sig, _)| sig)
}

/// The deterministic nonce of RFC 6979 §3.2 for private key `d` and message digest `prehash`
/// (with the curve's hash as HMAC's): steps a–h up to the first candidate `k ∈ [1, n − 1]`. For
/// study and for checking other implementations; [`SigningKey::sign`](super::SigningKey::sign)
/// derives the same `k` internally. (When that `k` gives `r = 0` or `s = 0` — negligible on real
/// curves, a few per cent of keys on a toy curve — signing continues with the DRBG's next
/// candidate, as step h.3 says; this function returns the first.)
///
/// **Returns a secret**: the nonce reveals `d` together with the signature. Constant time in `d`
/// and the digest except for the rejection of out-of-range candidates.
///
/// [`Error::DigestTooShort`] for a digest shorter than [`MIN_DIGEST_LEN`](super::MIN_DIGEST_LEN).
///
/// ```
/// use ecckit::ecdsa::hazmat::{rfc6979_nonce, sign_prehashed};
/// use ecckit::field::Field;
/// use ecckit::p256::{Scalar, ecdsa::SigningKey};
/// use sha2::{Digest, Sha256};
///
/// let d = Scalar::from_u64(12345);
/// let digest = Sha256::digest(b"sample");
/// let k = rfc6979_nonce::<ecckit::p256::NistP256>(&d, &digest).unwrap();
/// let e = Scalar::from_bytes_reduced(&digest.into());
/// let by_hand = sign_prehashed::<ecckit::p256::NistP256>(&d, &k, &e).unwrap();
/// let key = SigningKey::from_bytes(d.to_bytes().as_ref()).unwrap();
/// assert_eq!(by_hand, key.sign(b"sample"));
/// ```
pub fn rfc6979_nonce<C: EcdsaCurve>(d: &C::Scalar, prehash: &[u8]) -> Result<C::Scalar, Error> {
    let e = super::digest_to_scalar::<C>(prehash)?;
    let x = Zeroizing::new(d.to_bytes());
    let mut drbg = HmacDrbg::<C::Digest>::new(x.as_ref(), e.to_bytes().as_ref(), &[]);
    let mut t = Zeroizing::new(<C::Scalar as Field>::Bytes::zeroed());
    let mut k_bytes = Zeroizing::new(<C::Scalar as Field>::Bytes::zeroed());
    loop {
        drbg.fill_bytes(t.as_mut());
        bits2int(t.as_ref(), C::Scalar::NUM_BITS, k_bytes.as_mut());
        let k = C::Scalar::from_bytes(&k_bytes);
        if declassify(k.is_some() & !k.unwrap_or(C::Scalar::ONE).is_zero()) {
            return Ok(k.unwrap_or(C::Scalar::ONE));
        }
        drbg.reseed_after_reject();
    }
}
