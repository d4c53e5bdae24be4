//! Public-key recovery from an ECDSA signature (SEC 1 v2.0 §4.1.6).
//!
//! Layer: protocols. Uses the point layer's decompression ([`AffinePoint::decompress`]) and the
//! double-base multiplication.
//!
//! Given `(r, s)` and the digest `e`, the signer's nonce point `R` has `x(R) mod n = r`. Knowing
//! which of the few candidates it was — `x(R) = r` or `r + n` (possible only when `r + n < p`), and
//! the parity of `y(R)` — the verifier gets `Q = r^(−1)·(s·R − e·G)`. The signer records that choice
//! in a [`RecoveryId`] of two bits.

use super::{
    EcdsaCurve, Signature, VerifyingKey, WIDE_LIMBS, digest_to_scalar, x_candidate_vartime,
};
use crate::Error;
use crate::ct::declassify;
use crate::curves::Curve;
use crate::field::Field;
use crate::point::mul::mul_double_vartime;
use crate::point::{AffinePoint, ProjectivePoint};
use subtle::{Choice, ConstantTimeEq};
use zeroize::Zeroize;

/// Which nonce point produced a signature: bit 0 is the parity of `y(R)`, bit 1 says that
/// `x(R) ≥ n` (so `x(R) = r + n`).
///
/// ```
/// use ecckit::p256::ecdsa::{RecoveryId, SigningKey, VerifyingKey};
///
/// let key = SigningKey::random(&mut rand::rng());
/// let (signature, id) = key.sign_recoverable(b"message");
/// let id = RecoveryId::from_byte(id.to_byte()).unwrap(); // one byte on the wire
/// let recovered = VerifyingKey::recover_from_msg(b"message", &signature, id).unwrap();
/// assert_eq!(&recovered, key.verifying_key());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RecoveryId(u8);

impl RecoveryId {
    /// The id from its parts.
    pub const fn new(is_y_odd: bool, is_x_reduced: bool) -> Self {
        Self(is_y_odd as u8 | ((is_x_reduced as u8) << 1))
    }

    /// The id from its byte form `0..=3`; `None` otherwise.
    pub const fn from_byte(byte: u8) -> Option<Self> {
        if byte <= 3 { Some(Self(byte)) } else { None }
    }

    /// The byte form `0..=3`.
    pub const fn to_byte(self) -> u8 {
        self.0
    }

    /// Whether `y(R)` is odd.
    pub const fn is_y_odd(self) -> bool {
        self.0 & 1 == 1
    }

    /// Whether `x(R) ≥ n`.
    pub const fn is_x_reduced(self) -> bool {
        self.0 & 2 == 2
    }

    /// `s ↦ n − s` turns `R` into `−R`, flipping the parity bit.
    pub(crate) fn flip_parity_if(self, flip: Choice) -> Self {
        Self(self.0 ^ flip.unwrap_u8())
    }
}

/// [`hazmat::sign_prehashed`](super::hazmat::sign_prehashed), also returning the recovery id.
pub(crate) fn sign_prehashed_recoverable<C: Curve>(
    d: &C::Scalar,
    k: &C::Scalar,
    z: &C::Scalar,
) -> Result<(Signature<C>, RecoveryId), Error> {
    // k ≠ 0 (so invertible) is public: a zero nonce is discarded.
    let k_inv = k.invert();
    if !declassify(k_inv.is_some()) {
        return Err(Error::SigningFailed);
    }
    let mut k_inv = k_inv.unwrap_or(C::Scalar::ZERO);
    let big_r = ProjectivePoint::<C>::mul_base(k).to_affine();
    // r = x(R) mod n, from the canonical integer x(R) < p.
    let x = big_r.x().to_canonical_limbs::<WIDE_LIMBS>();
    let r = C::Scalar::from_limbs_reduced(&x);
    let mut rd_plus_z = *z + r * *d;
    let s = k_inv * rd_plus_z;
    k_inv.zeroize();
    rd_plus_z.zeroize();
    // r = 0 or s = 0 is public: that nonce is discarded; otherwise (r, s) is the signature.
    if declassify(r.is_zero() | s.is_zero()) {
        return Err(Error::SigningFailed);
    }
    let sig = Signature { r, s };
    // The id describes the public R: computed without branches, then released with the signature.
    let y_odd = big_r.y().is_odd().unwrap_u8();
    let x_reduced = (!r.to_canonical_limbs::<WIDE_LIMBS>()[..].ct_eq(&x[..])).unwrap_u8();
    Ok((sig, RecoveryId(y_odd | (x_reduced << 1))))
}

impl<C: EcdsaCurve> VerifyingKey<C> {
    /// Recovers the public key that made `sig` on the digest `prehash`, given the signer's
    /// [`RecoveryId`] (variable time: all inputs are public).
    ///
    /// Steps (SEC 1 §4.1.6): 1. `x = r + n·(id bit 1)`, which must be `< p`; 2. `R` = the point
    /// with that `x` and the `y` parity of id bit 0; 3. `Q = (−e·r^(−1))·G + (s·r^(−1))·R`;
    /// 4. reject the identity, and check that `sig` verifies under `Q`.
    pub fn recover_from_prehash(
        prehash: &[u8],
        sig: &Signature<C>,
        recid: RecoveryId,
    ) -> Result<Self, Error> {
        let e = digest_to_scalar::<C>(prehash)?;
        // Step 1 (`x < p`, else no point).
        let x = x_candidate_vartime::<C>(&sig.r(), recid.is_x_reduced())
            .ok_or(Error::VerificationFailed)?;
        // Step 2.
        let y_is_odd = Choice::from(recid.is_y_odd() as u8);
        let big_r = Option::<AffinePoint<C>>::from(AffinePoint::decompress(&x, y_is_odd))
            .ok_or(Error::VerificationFailed)?;
        // Step 3.
        let r_inv = Option::<C::Scalar>::from(sig.r().invert_vartime()).ok_or(Error::OutOfRange)?;
        let q = mul_double_vartime(&(-e * r_inv), &(sig.s() * r_inv), &big_r.to_projective())
            .to_affine_vartime();
        // Step 4.
        let key = Self::from(crate::keys::PublicKey::from_affine(q)?);
        key.verify_prehash(prehash, sig)?;
        Ok(key)
    }

    /// [`VerifyingKey::recover_from_prehash`] on `msg` hashed with the curve's standard hash.
    pub fn recover_from_msg(
        msg: &[u8],
        sig: &Signature<C>,
        recid: RecoveryId,
    ) -> Result<Self, Error> {
        Self::recover_from_prehash(crate::hash::digest::<C::Digest>(msg).as_ref(), sig, recid)
    }
}
