//! Variable-time double-base multiplication `a·G + b·P`, for verification.

use super::super::jacobian::{JacobianPoint, batch_to_affine_vartime};
use super::super::{AffinePoint, ProjectivePoint};
use super::MAX_SCALAR_BYTES;
use super::recode::{MAX_NAF_DIGITS, wnaf_vartime};
use super::table::{g_table_width, odd_multiples};
use crate::curves::Curve;
use crate::field::Field;

/// 64-bit limbs of the longest scalar.
const SCALAR_LIMBS: usize = MAX_SCALAR_BYTES.div_ceil(8);

/// `a·G + b·P` in **variable time**: leaks `a`, `b` and `P` through timing. For verification only.
///
/// Straus's interleaving ("Addition chains of vectors", 1964) with width-5 NAFs: one shared chain of
/// doublings, and at each position an addition of `±(odd multiple)` from each table where the digit
/// is non-zero. The accumulator is kept in Jacobian coordinates ([`JacobianPoint`]): a doubling
/// costs 4M + 4S or 3M + 5S (`a = −3`, see [`JacobianPoint::double`]) or 3M + 4S (`a = 0`),
/// and every addition is a mixed
/// Jacobian–affine one (8M + 3S), the tables being affine (the run-time ones normalised with one
/// inversion, [`batch_to_affine_vartime`]). Their exceptional cases (identity, `P = ±Q`) are
/// branched around, which is allowed here since every input is public.
pub(super) fn mul_double_vartime<C: Curve>(
    a: &C::Scalar,
    b: &C::Scalar,
    p: &ProjectivePoint<C>,
) -> ProjectivePoint<C> {
    const W: u32 = 5;
    // G's part: width w against the compile-time table of 2^(w−2) odd multiples when the curve
    // has one (see `g_table_width`), else width 5 against 8 multiples computed here.
    // The odd multiples computed here (of P, and of G without a table) are normalised to affine
    // together with one inversion, so that every addition in the loop is a mixed one.
    let (table_p, table_g) = match C::G_ODD_MULTIPLES {
        Some(t) => (
            batch_to_affine_vartime(&odd_multiples(p)),
            GTable::Precomputed(t),
        ),
        None => {
            let mut both = [ProjectivePoint::IDENTITY; 16];
            both[..8].copy_from_slice(&odd_multiples(p));
            both[8..].copy_from_slice(&odd_multiples(&ProjectivePoint::<C>::GENERATOR));
            let both = batch_to_affine_vartime(&both);
            let (mut tp, mut tg) = ([AffinePoint::IDENTITY; 8], [AffinePoint::IDENTITY; 8]);
            tp.copy_from_slice(&both[..8]);
            tg.copy_from_slice(&both[8..]);
            (tp, GTable::Computed(tg))
        }
    };
    let w_a = match table_g {
        GTable::Precomputed(t) => g_table_width(t),
        GTable::Computed(_) => W,
    };
    let mut naf_a = [0i16; MAX_NAF_DIGITS];
    let mut naf_b = [0i16; MAX_NAF_DIGITS];
    let len_a = wnaf_vartime(&a.to_canonical_limbs::<SCALAR_LIMBS>(), w_a, &mut naf_a);
    let len_b = wnaf_vartime(&b.to_canonical_limbs::<SCALAR_LIMBS>(), W, &mut naf_b);
    // The accumulator in Jacobian coordinates: doublings and mixed additions from `jacobian`,
    // whose exceptional cases `add_mixed_vartime` handles by branching (all data is public).
    let mut acc = JacobianPoint::<C>::IDENTITY;
    for i in (0..len_a.max(len_b)).rev() {
        acc = acc.double();
        let d = naf_a[i];
        if d != 0 {
            let index = (d.unsigned_abs() / 2) as usize;
            let q = match &table_g {
                GTable::Precomputed(t) => {
                    let (x, y) = t[index];
                    AffinePoint { x, y, infinity: 0 }
                }
                GTable::Computed(t) => t[index],
            };
            acc = acc.add_mixed_vartime(&if d < 0 { -q } else { q });
        }
        let d = naf_b[i];
        if d != 0 {
            let q = table_p[(d.unsigned_abs() / 2) as usize];
            acc = acc.add_mixed_vartime(&if d < 0 { -q } else { q });
        }
    }
    acc.to_projective()
}

/// The odd multiples of `G` used by [`mul_double_vartime`].
enum GTable<C: Curve> {
    /// The curve's compile-time affine table (`2^(w−2)` entries, width-`w` NAF).
    Precomputed(&'static [(C::Base, C::Base)]),
    /// Computed at run time (8 entries, width-5 NAF).
    Computed([AffinePoint<C>; 8]),
}
