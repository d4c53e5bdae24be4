//! Tables of multiples of a point, and the constant-time lookup into them.
//!
//! * [`affine_multiples`] — `[P, 2P, …, E·P]` in affine coordinates, for the signed windows of
//!   the constant-time loops; [`lookup_affine`] reads a signed digit's entry from such a row (or
//!   a row of the compile-time table of `G`) without a secret-dependent address.
//! * [`odd_multiples`] — `[P, 3P, …, 15P]` for the width-5 NAFs of verification (variable time).

use super::super::jacobian::{
    JacobianPoint, batch_to_affine, batch_to_affine_jacobian, batch_to_affine_jacobian_vartime,
    madd_2004_hmv, madd_scaled,
};
use super::super::{AffinePoint, ProjectivePoint};
use super::recode::sign_and_magnitude;
use crate::curves::{AShape, AffineCoords, Curve};
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
/// affine point (the identity for `d = 0`), in constant time: every entry is read
/// ([`Field::lookup_pair`]) and the sign applied by a conditional negation.
///
/// The index is `|d| − 1` taken mod `E`; for `d = 0` the entry read is irrelevant, the result is
/// flagged as the identity. `E` is a power of two, `4 ≤ E ≤ 64`.
pub(super) fn lookup_affine<C: Curve, const E: usize>(
    row: &[AffineCoords<C::Base>; E],
    d: i8,
) -> AffinePoint<C> {
    debug_assert!(E.is_power_of_two() && (4..=64).contains(&E));
    let (negative, magnitude) = sign_and_magnitude(d);
    let index = magnitude.wrapping_sub(1) & (E as u8 - 1);
    let (x, y) = C::Base::lookup_pair(row, index);
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

/// Odd multiples `[P, 3P, …, 15P]` of a point `P ≠ O` (Jacobian) that share one `Z`, without an
/// inversion, in **variable time** (public points only): libsecp256k1's "effective affine"
/// table. Returns the entries `(xᵢ, yᵢ)` and `s` such that `(2i + 1)·P = (xᵢ : yᵢ : s)` in
/// Jacobian coordinates; so the entries are the affine points of the isomorphic curve that
/// `(x, y) ↦ (s²·x, s³·y)` maps the curve to, and a loop that adds them with mixed additions runs
/// on that curve ([`JacobianPoint::add_mixed_scaled_vartime`] adds the curve's own affine points
/// there; the result's `Z` times `s` maps back). For `a = 0` curves only: the isomorphism keeps
/// `a = 0` (it multiplies `a` by `s⁴`), so their doubling formula holds on both curves.
///
/// 1. `2P = (X : Y : c)`; on the curve scaled by `c`, `2P` is the affine `(X, Y)` and `P` is
///    `(c²·X_P : c³·Y_P : Z_P)` (3M + 1S).
/// 2. `(2i + 1)·P = (2i − 1)·P + 2P` by `madd-2004-hmv` there (7 additions of 8M + 3S), each
///    `Z` the one before times the addition's `H`. No case is exceptional: `(2i − 1)·P = ±2P`
///    would need `n | 2i − 3` or `n | 2i + 1` for the prime order `n > 15`.
/// 3. Each entry is rescaled to the last entry's `Z` by the product `u` of the later `H`s,
///    `(u²·X, u³·Y)` (8 × (3M + 1S) and 7M for the products), and `s = c·Z_last`.
///
/// 94M + 34S in all, against an inversion, 7 complete additions and about 37M for
/// [`odd_multiples`] made affine with
/// [`batch_to_affine_vartime`](super::super::jacobian::batch_to_affine_vartime). The technique
/// is libsecp256k1's (`ecmult_odd_multiples_table` and the "effective affine" loop of its
/// `ecmult_impl.h`); the odd multiples by one doubling and a chain of additions sharing their
/// `Z` factors go back to Longa and Miri, "New composite operations and precomputation scheme
/// for elliptic curve cryptosystems over prime fields", PKC 2008.
pub(super) fn odd_multiples_common_z_vartime<C: Curve>(
    p: &JacobianPoint<C>,
) -> ([AffinePoint<C>; 8], C::Base) {
    debug_assert!(matches!(C::A_SHAPE, AShape::Zero) && !bool::from(p.is_identity()));
    // Step 1.
    let d = p.double();
    let c = d.z;
    let cc = c.square();
    let mut multiples = [JacobianPoint::<C>::IDENTITY; 8];
    multiples[0] = JacobianPoint {
        x: p.x * cc,
        y: p.y * cc * c,
        z: p.z,
    };
    // Step 2: `ratio[i] = Z_i / Z_{i−1}`.
    let mut ratio = [C::Base::ONE; 8];
    for i in 1..8 {
        let prev = multiples[i - 1];
        (multiples[i], ratio[i]) = madd_scaled(&prev, &prev.z, &d.x, &d.y);
    }
    // Step 3.
    let mut table = [AffinePoint::IDENTITY; 8];
    let mut u = C::Base::ONE;
    for i in (0..8).rev() {
        let uu = u.square();
        table[i] = AffinePoint {
            x: multiples[i].x * uu,
            y: multiples[i].y * uu * u,
            infinity: 0,
        };
        if i > 0 {
            u *= ratio[i];
        }
    }
    (table, c * multiples[7].z)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curves::Secp256k1;
    use crate::point::mul::mul_reference_vartime;

    type C = Secp256k1;
    type F = <C as Curve>::Base;

    /// The point with Jacobian coordinates `(x : y : z)`, as a homogeneous one.
    fn from_jacobian(x: F, y: F, z: F) -> ProjectivePoint<C> {
        JacobianPoint::<C> { x, y, z }.to_projective()
    }

    fn multiple(k: u64) -> ProjectivePoint<C> {
        mul_reference_vartime(
            &ProjectivePoint::GENERATOR,
            &<C as Curve>::Scalar::from_u64(k),
        )
    }

    /// Entry `i` with the common `Z = s` is `(2i + 1)·P`, for points of assorted `Z`.
    #[test]
    fn common_z_table_holds_the_odd_multiples() {
        for k in [1u64, 2, 7, 0xdead_beef] {
            let p = multiple(k);
            for z in [F::ONE, F::from_u64(3), F::from_u64(k + 5)] {
                // The same point as `p`, with Jacobian `Z = z`.
                let j = JacobianPoint::from_projective(&p);
                let z_inv = j.z.invert_vartime().unwrap();
                let (ratio, ratio2) = (z * z_inv, (z * z_inv).square());
                let j = JacobianPoint::<C> {
                    x: j.x * ratio2,
                    y: j.y * ratio2 * ratio,
                    z,
                };
                let (table, s) = odd_multiples_common_z_vartime(&j);
                for (i, t) in table.iter().enumerate() {
                    let expected = multiple(k * (2 * i as u64 + 1));
                    assert_eq!(from_jacobian(t.x, t.y, s), expected, "k = {k}, entry {i}");
                }
            }
        }
    }

    /// `add_mixed_scaled_vartime` in the scaled coordinates, its exceptional cases included:
    /// the identity, `self = q` (a doubling) and `self = −q`.
    #[test]
    fn scaled_mixed_addition() {
        let s = F::from_u64(0x1234_5678);
        let s_inv = s.invert_vartime().unwrap();
        // `P` in the coordinates scaled by `s`: the curve's `(X : Y : Z·s)` is `(X : Y : Z)`.
        let scaled = |p: &ProjectivePoint<C>| {
            let j = JacobianPoint::from_projective(p);
            JacobianPoint::<C> {
                z: j.z * s_inv,
                ..j
            }
        };
        let unscaled = |j: JacobianPoint<C>| from_jacobian(j.x, j.y, j.z * s);
        let q = multiple(5).to_affine_vartime();
        let q_proj = q.to_projective();
        for p in [
            multiple(3),
            multiple(5),
            -multiple(5),
            ProjectivePoint::IDENTITY,
        ] {
            let sum = scaled(&p).add_mixed_scaled_vartime(&q.x, &q.y, &s);
            assert_eq!(unscaled(sum), p + q_proj);
        }
        let identity = JacobianPoint::<C>::IDENTITY.add_mixed_scaled_vartime(&q.x, &q.y, &s);
        assert_eq!(unscaled(identity), q_proj);
    }
}
