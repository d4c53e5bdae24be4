//! Tables of multiples of a point, and the constant-time lookup into them.
//!
//! * [`affine_multiples`] — `[P, 2P, …, E·P]` in affine coordinates, for the signed windows of
//!   the constant-time loops; [`lookup_affine`] reads a signed digit's entry from such a row (or
//!   a row of the compile-time table of `G`) without a secret-dependent address.
//! * [`odd_multiples`] — `[P, 3P, …, 15P]` for the width-5 NAFs of verification (variable time).

use super::super::jacobian::{
    JacobianPoint, batch_to_affine, batch_to_affine_jacobian, batch_to_affine_jacobian_vartime,
    madd_2004_hmv,
};
use super::super::{AffinePoint, ProjectivePoint};
use super::recode::sign_and_magnitude;
use crate::curves::{AffineCoords, Curve};
use crate::field::Field;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};
use zeroize::Zeroize;

/// The point a constant-time variable-base multiplication multiplies: an affine base gets the
/// cheaper table ([`affine_multiples`]).
#[derive(Clone, Copy)]
pub(super) enum Base<'a, C: Curve> {
    /// Homogeneous projective coordinates.
    Projective(&'a ProjectivePoint<C>),
    /// Affine coordinates (a decoded public key).
    Affine(&'a AffinePoint<C>),
    /// Affine coordinates of a **public** point (an ECDH peer's key): the table is normalised with
    /// the variable-time inversion, which leaks only the point
    /// ([`AffinePoint::mul_public_point_vartime`]).
    PublicAffine(&'a AffinePoint<C>),
}

/// The affine table `[P, 2P, …, E·P]` for a constant-time multiplication of `P`, and whether `P`
/// is the identity.
///
/// Normalising needs every `Z ≠ 0`, so when `P` is the identity the table is built for `G`
/// instead (a constant-time selection), and the caller selects the identity as its result. The
/// curves here have prime order `n > E`, so no multiple of a non-identity point is the identity.
/// * A projective `P`: `E − 1` complete additions, normalised together with one constant-time
///   inversion ([`batch_to_affine`]).
/// * An affine `P` (ECDH's decoded public key): Jacobian arithmetic, `2j·P` as the doubling of
///   `j·P` and `(2j + 1)·P` as `2j·P + P` with the mixed `madd-2004-hmv` — exact, since
///   `2j·P = ±P` would need `n | 2j ∓ 1 < E`. For `E = 8`: 4 doublings and 3 mixed additions
///   where the complete formulas take 7 additions of 14M each, then one constant-time batch
///   normalisation ([`batch_to_affine_jacobian`], 1M + 1S more per point than the homogeneous
///   one).
/// * A public affine `P` ([`Base::PublicAffine`]): the same table, normalised with the
///   variable-time inversion ([`batch_to_affine_jacobian_vartime`]), which depends on `P` only.
///
/// Apart from that inversion, a fixed sequence of field operations (the loop index is public).
pub(super) fn affine_multiples<C: Curve, const E: usize>(
    p: Base<'_, C>,
) -> ([AffineCoords<C::Base>; E], Choice) {
    let public = matches!(p, Base::PublicAffine(_));
    match p {
        Base::Projective(p) => {
            let is_identity = p.is_identity();
            let base =
                ProjectivePoint::conditional_select(p, &ProjectivePoint::GENERATOR, is_identity);
            let mut table = [base; E];
            for i in 1..E {
                table[i] = table[i - 1].add(&base);
            }
            (batch_to_affine(&table), is_identity)
        }
        Base::Affine(p) | Base::PublicAffine(p) => {
            let is_identity = p.is_identity();
            let base = AffinePoint::conditional_select(p, &AffinePoint::GENERATOR, is_identity);
            let mut table = [JacobianPoint::from_affine(&base); E];
            for i in 1..E {
                // table[i] = (i + 1)·P.
                table[i] = if i % 2 == 1 {
                    table[i / 2].double()
                } else {
                    madd_2004_hmv(&table[i - 1], &base.x, &base.y)
                };
            }
            let table = if public {
                batch_to_affine_jacobian_vartime(&table)
            } else {
                batch_to_affine_jacobian(&table)
            };
            (table, is_identity)
        }
    }
}

/// `d·(row base)` from a table row `[(x, y) of 1·B, 2·B, …, E·B]` for `d ∈ [−E, E]`, as an
/// affine point (the identity for `d = 0`), in constant time: every entry is read.
///
/// The index `|d| − 1` (taken mod `E`; for `d = 0` the entry read is irrelevant, the result is
/// flagged as the identity) is split into its two low bits and the rest. The row is read in groups
/// of four; in each, the two low bits pick one entry by a two-round selection tournament
/// (three conditional selections), and the group's pick is kept if the group number equals the
/// rest (a comparison and a conditional assignment). Against a comparison and a conditional
/// assignment per entry, this makes a quarter of the comparisons (each a `subtle::Choice`
/// behind an optimisation barrier) for the same number of selections. `E ≥ 4`.
pub(super) fn lookup_affine<C: Curve, const E: usize>(
    row: &[AffineCoords<C::Base>; E],
    d: i8,
) -> AffinePoint<C> {
    debug_assert!(E.is_power_of_two() && (4..=64).contains(&E));
    let (negative, magnitude) = sign_and_magnitude(d);
    let index = magnitude.wrapping_sub(1) & (E as u8 - 1);
    let select = |a: &AffineCoords<C::Base>, b: &AffineCoords<C::Base>, c: Choice| {
        (
            C::Base::conditional_select(&a.0, &b.0, c),
            C::Base::conditional_select(&a.1, &b.1, c),
        )
    };
    let bit0 = Choice::from(index & 1);
    let bit1 = Choice::from((index >> 1) & 1);
    let group = index >> 2;
    let mut r = (C::Base::ZERO, C::Base::ZERO);
    for (g, quad) in row.chunks_exact(4).enumerate() {
        let low = select(&quad[0], &quad[1], bit0);
        let high = select(&quad[2], &quad[3], bit0);
        let pick = select(&low, &high, bit1);
        r = select(&r, &pick, (g as u8).ct_eq(&group));
    }
    let (x, y) = r;
    let y = C::Base::conditional_select(&y, &-y, Choice::from(negative));
    AffinePoint {
        x,
        y,
        infinity: magnitude.ct_eq(&0).unwrap_u8(),
    }
}

/// Odd multiples `[P, 3P, 5P, …, 15P]` for width-5 NAF digits (complete additions; variable-time
/// callers only).
pub(super) fn odd_multiples<C: Curve>(p: &ProjectivePoint<C>) -> [ProjectivePoint<C>; 8] {
    let p2 = p.double();
    let mut table = [*p; 8];
    for i in 1..8 {
        table[i] = table[i - 1].add(&p2);
    }
    table
}

/// The NAF width that a table of odd multiples `[G, 3G, …]` serves: `2^(w−2)` entries hold the
/// `|d| < 2^(w−1)` odd digits. The length is a power of two from 2 to 8192
/// ([`Curve::G_ODD_MULTIPLES`]); a constant per curve, so nothing secret depends on it.
pub(super) fn g_table_width<T>(table: &[T]) -> u32 {
    debug_assert!(table.len().is_power_of_two() && (2..=8192).contains(&table.len()));
    table.len().trailing_zeros() + 2
}

/// Wipes a table of affine coordinates (the multiples of a secret point, or the lookups of a
/// secret digit, are as secret as the point and the scalar).
pub(super) fn wipe_table<F: Field>(table: &mut [AffineCoords<F>]) {
    for (x, y) in table.iter_mut() {
        x.zeroize();
        y.zeroize();
    }
}
