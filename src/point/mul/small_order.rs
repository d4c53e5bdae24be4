//! Constant-time `k·P` on curves of small group order (`n < 2^7`: the toy curves of teaching,
//! down to `n = 5`), where the windowed strategies' exactness proofs do not hold.
//!
//! A left-to-right double-and-add-always over the `b` bits of `k`: for each bit, from the top,
//! `acc = 2·acc`, then `acc = acc + P` kept or discarded by a conditional selection on the bit.
//! Every step uses the complete formulas of [`ProjectivePoint`] (RCB16), which are exact for every
//! pair of inputs — the identity, `P = acc`, `P = −acc` included — so there is no exceptional case
//! to rule out, whatever `n`. The sequence of operations is the same for every `k` (`b` doublings,
//! `b` additions, `b` selections); the bits are read from the scalar's bytes at positions fixed by
//! the curve. Slower than the windows (one addition per bit instead of per `w` bits), which does
//! not matter on a group of a hundred points.

use super::super::ProjectivePoint;
use super::table::Base;
use crate::curves::Curve;
use crate::field::Field;
use subtle::{Choice, ConditionallySelectable};
use zeroize::Zeroize;

/// `k·P` by double-and-add-always with complete formulas (see the module docs).
pub(super) fn mul<C: Curve>(p: Base<'_, C>, k: &C::Scalar) -> ProjectivePoint<C> {
    let p = match p {
        Base::Projective(p) => *p,
        Base::Affine(a) | Base::PublicAffine(a) => a.to_projective(),
    };
    let mut bytes = k.to_bytes();
    let len = bytes.as_ref().len();
    let mut acc = ProjectivePoint::<C>::IDENTITY;
    for i in (0..C::Scalar::NUM_BITS as usize).rev() {
        let bit = (bytes.as_ref()[len - 1 - i / 8] >> (i % 8)) & 1;
        acc = acc.double();
        let mut sum = acc.add(&p);
        acc = ProjectivePoint::conditional_select(&acc, &sum, Choice::from(bit));
        sum.zeroize();
    }
    bytes.as_mut().zeroize();
    acc
}
