//! Batch verification of Ed25519 signatures, under the same rule as single verification.

use super::{Domain, Signature, VerifyingKey};
use crate::Error;
use crate::edwards::mul::multiscalar_mul_vartime;
use crate::field::curve25519::Scalar;
use alloc::vec::Vec;
use rand_core::CryptoRng;

/// Verifies `signatures[i]` of `messages[i]` under `keys[i]` for every `i` at once, accepting
/// exactly when each signature alone would pass [`VerifyingKey::verify`] (up to a failure
/// probability of `2^−128` for a batch with an invalid signature).
///
/// Each signature's decoding checks (lengths, `S < ℓ`, `R` a point) are made one by one; then,
/// with random 128-bit `z_i` from `rng`, the single cofactored equation
/// `[8]([Σ z_i·S_i]B − Σ [z_i]R_i − Σ [z_i·k_i]A_i) = O` replaces the `n` equations
/// `[8]([S_i]B − R_i − [k_i]A_i) = O` (Bernstein, Duif, Lange, Schwabe, Yang, "High-speed
/// high-security signatures", CHES 2011, §5). Because both are cofactored, the batch accepts the
/// same signatures as `verify` (ZIP 215; see the [module docs](super)): a signature that only
/// differs from a valid one by a torsion component passes both or neither. Variable time (public
/// inputs). An empty batch is valid.
///
/// Errors: [`Error::InvalidLength`] when the three slices differ in length;
/// [`Error::VerificationFailed`] when any signature is invalid (which one is not said: verify them
/// one by one to find it).
pub fn verify_batch<R: CryptoRng + ?Sized>(
    messages: &[&[u8]],
    signatures: &[Signature],
    keys: &[VerifyingKey],
    rng: &mut R,
) -> Result<(), Error> {
    if messages.len() != signatures.len() || messages.len() != keys.len() {
        return Err(Error::InvalidLength);
    }
    let n = messages.len();
    let mut scalars = Vec::with_capacity(2 * n);
    let mut points = Vec::with_capacity(2 * n);
    let mut b_coefficient = Scalar::ZERO;
    for ((msg, sig), key) in messages.iter().zip(signatures).zip(keys) {
        let (r, s, k) = key.prepare(Domain::Pure, msg, sig, false)?;
        let mut z_bytes = [0u8; 32];
        rng.fill_bytes(&mut z_bytes[..16]);
        let z = Scalar::from_le_bytes_reduced(&z_bytes);
        b_coefficient += z * s;
        scalars.push(-z);
        points.push(r);
        scalars.push(-(z * k));
        points.push(key.point);
    }
    let sum = multiscalar_mul_vartime(&b_coefficient, &scalars, &points);
    if bool::from(sum.is_small_order()) {
        Ok(())
    } else {
        Err(Error::VerificationFailed)
    }
}
