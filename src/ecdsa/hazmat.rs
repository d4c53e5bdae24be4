//! ⚠️ **Hazardous material: raw ECDSA with a caller-chosen nonce.**
//!
//! Reusing a nonce `k` for two messages, or choosing `k` with even a few biased bits, reveals the
//! private key (the attack on the PlayStation 3 signing key; lattice attacks on biased nonces).
//! Use [`SigningKey::sign`](super::SigningKey::sign), which derives `k` by RFC 6979, unless you are
//! implementing a protocol or a test that truly needs to set `k`.

use super::Signature;
use crate::Error;
use crate::curves::Curve;

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
