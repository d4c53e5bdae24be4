//! Layer 4: **scalar multiplication** `k·P` — the performance-critical core.
//!
//! Uses the points layer below it ([`ProjectivePoint`], [`AffinePoint`], the Jacobian
//! arithmetic of [`jacobian`](super::jacobian)), the [`Field`] trait and the curve constants
//! (compile-time tables of `G`, the optional endomorphism); knows nothing of ECDSA or ECDH.
//!
//! Its parts, each in its own file:
//!
//! | part | what |
//! |---|---|
//! | `recode` | a scalar as digits: signed fixed windows (constant time), width-`w` NAF (variable time) |
//! | `table` | tables of multiples of a point, and the constant-time lookup that reads every entry |
//! | `variable_base` | constant-time `k·P`: signed windows over an affine table, a Jacobian accumulator |
//! | `fixed_base` | constant-time `k·G` over the curve's compile-time table: no doublings |
//! | `double_base` | variable-time `a·G + b·P` for verification: Straus's interleaving of wNAFs |
//! | `glv` | the same operations split in halves by an endomorphism (secp256k1) |
//! | `small_order` | constant-time `k·P` for group orders below `2^7` (toy curves): double-and-add-always, complete formulas |
//!
//! The dispatch — which strategy serves a curve — is in this file alone, decided at compile time
//! from the curve's constants: [`mul`], [`AffinePoint::mul`] and
//! [`AffinePoint::mul_public_point_vartime`] take the GLV strategy when the curve has an
//! [`Endomorphism`](crate::curves::Endomorphism) and signed windows of
//! [`Curve::VARIABLE_BASE_WINDOW`] bits otherwise; [`mul_base`] takes the curve's
//! [`Curve::MUL_BASE_TABLE`] when it has one; [`mul_double_vartime`] takes the GLV strategy when
//! the curve has both an endomorphism and [`Curve::G_ODD_MULTIPLES`]. A curve whose group order
//! has fewer than [`WINDOW_MIN_ORDER_BITS`] bits (a toy curve) takes the `small_order` strategy for
//! both constant-time multiplications, since the windows' exactness proofs need a larger order.
//!
//! # Constant time
//! [`mul`], [`mul_base`] and [`AffinePoint::mul`] run in constant time in the scalar and the
//! point: the scalar is recoded by arithmetic only, the loops have a length fixed by the curve,
//! every table lookup reads all entries with masked selections, and the special cases (a zero
//! digit, an accumulator that is still the identity, the identity as `P`) are conditional
//! selections. Each strategy's file gives its argument, and the proof that its incomplete
//! additions never meet their exceptional case. [`AffinePoint::mul_public_point_vartime`] is
//! constant time in the scalar only; [`mul_double_vartime`] in nothing (verification, where
//! every input is public).

mod double_base;
mod fixed_base;
mod glv;
pub(crate) mod recode;
mod small_order;
mod table;
mod variable_base;

use super::{AffinePoint, ProjectivePoint};
use crate::curves::{Curve, MulBaseTable};
use crate::field::{Field, MAX_FIELD_BYTES};
use core::ops::Mul;
use table::Base;

/// The longest scalar encoding (P-521: 66 bytes).
const MAX_SCALAR_BYTES: usize = MAX_FIELD_BYTES;

/// `k·P` in constant time in `k` and `P`.
///
/// Signed `w`-bit windows ([`Curve::VARIABLE_BASE_WINDOW`]: 4, or 5 on P-384 and P-521) over an
/// affine table of `2^(w−1)` multiples of `P`, `w` Jacobian doublings and one mixed addition per
/// digit. Cost for a `b`-bit group order: the table (`2^(w−1) − 1` additions and one batch
/// normalisation with one inversion), then `⌈b/w⌉ − 1` digits × (`w` doublings + 1 addition),
/// every addition the Jacobian–affine `madd-2004-hmv` (8M + 3S) but the last, which is
/// complete. On secp256k1 the scalar is first split by the endomorphism into two halves of 128
/// bits that share one chain of 128 doublings (GLV).
pub fn mul<C: Curve>(p: &ProjectivePoint<C>, k: &C::Scalar) -> ProjectivePoint<C> {
    variable_base(Base::Projective(p), k)
}

impl<C: Curve> ProjectivePoint<C> {
    /// `k·self` in constant time (see [`mul`]).
    pub fn mul(&self, k: &C::Scalar) -> Self {
        mul(self, k)
    }

    /// `k·G` in constant time (see [`mul_base`]).
    pub fn mul_base(k: &C::Scalar) -> Self {
        mul_base(k)
    }
}

impl<C: Curve> Mul<C::Scalar> for ProjectivePoint<C> {
    type Output = Self;
    fn mul(self, k: C::Scalar) -> Self {
        mul(&self, &k)
    }
}

impl<C: Curve> AffinePoint<C> {
    /// `k·self` in constant time in `k` and `self` (see [`mul`]; an affine base makes the table
    /// of multiples cheaper to build).
    pub fn mul(&self, k: &C::Scalar) -> ProjectivePoint<C> {
        variable_base(Base::Affine(self), k)
    }

    /// `k·self`, constant time in `k` and **variable time in `self`: leaks the point**. For a
    /// point that is public anyway, such as an ECDH peer's public key; the scalar gets the same
    /// constant-time treatment as in [`AffinePoint::mul`].
    ///
    /// The one difference from [`AffinePoint::mul`]: the table of multiples of `self` is
    /// normalised to affine coordinates with the variable-time inversion, and that table
    /// depends on `self` alone.
    pub fn mul_public_point_vartime(&self, k: &C::Scalar) -> ProjectivePoint<C> {
        variable_base(Base::PublicAffine(self), k)
    }
}

/// What the strategies assume of a curve beyond the [`Curve`] trait's types, checked when a
/// curve's scalar multiplication is compiled: a curve that breaks an assumption is refused with
/// a message that names it, instead of computing wrong results or panicking at run time.
struct Assumptions<C>(core::marker::PhantomData<C>);

/// The smallest bit length of `n` for the windowed strategies (`variable_base`, `fixed_base`,
/// `glv`): their incomplete additions' exactness proofs need `(n − 1)/2^w + 2^w + 2^(w−1) < n`,
/// and the recodings at least two digits; both hold for every group order above `2^7` with the
/// windows used here. Smaller orders take the `small_order` strategy.
pub const WINDOW_MIN_ORDER_BITS: u32 = 8;

/// The smallest group order that scalar multiplication and ECDSA accept: `n ≥ 5` (3 bits).
/// (`small_order` is exact for any `n`; a group of 2 or 3 elements has no use, even for study.)
pub const MIN_ORDER_BITS: u32 = 3;

impl<C: Curve> Assumptions<C> {
    const HOLD: () = {
        assert!(
            C::Scalar::NUM_BITS >= MIN_ORDER_BITS,
            "Curve::Scalar: the group order n must be at least 5 for ecckit's scalar multiplication"
        );
        assert!(
            matches!(C::VARIABLE_BASE_WINDOW, 4 | 5),
            "Curve::VARIABLE_BASE_WINDOW must be 4 or 5"
        );
    };
}

/// The strategy for a constant-time variable-base multiplication: GLV halves with the curve's
/// endomorphism, else signed windows of the curve's width.
fn variable_base<C: Curve>(p: Base<'_, C>, k: &C::Scalar) -> ProjectivePoint<C> {
    let () = Assumptions::<C>::HOLD;
    if C::Scalar::NUM_BITS < WINDOW_MIN_ORDER_BITS {
        return small_order::mul(p, k);
    }
    if let Some(e) = &C::ENDOMORPHISM {
        return glv::mul(p, k, e);
    }
    if C::VARIABLE_BASE_WINDOW == 5 {
        variable_base::mul_with_window::<C, 16>(p, k)
    } else {
        variable_base::mul_with_window::<C, 8>(p, k)
    }
}

/// `k·G` in constant time in `k`.
///
/// With the curve's compile-time table ([`Curve::MUL_BASE_TABLE`], a [`MulBaseTable`] of width
/// `w`, `T[i][j] = (j + 1)·2^(w·i)·G`): `k·G = Σ_i d_i·2^(w·i)·G` for the signed `w`-bit digits
/// `d_i` of `k`, so each of the `⌊b/w⌋ + 1` digits costs one constant-time scan of its row and
/// one mixed addition, and no doubling is needed. Without a table, [`mul`] on `G`. The widths
/// in use and the table sizes are in `build.rs`.
pub fn mul_base<C: Curve>(k: &C::Scalar) -> ProjectivePoint<C> {
    let () = Assumptions::<C>::HOLD;
    if C::Scalar::NUM_BITS < WINDOW_MIN_ORDER_BITS {
        return small_order::mul(Base::Projective(&ProjectivePoint::GENERATOR), k);
    }
    match C::MUL_BASE_TABLE {
        Some(MulBaseTable::W4(table)) => fixed_base::mul_base_with_table::<C, 8>(table, k),
        Some(MulBaseTable::W5(table)) => fixed_base::mul_base_with_table::<C, 16>(table, k),
        Some(MulBaseTable::W6(table)) => fixed_base::mul_base_with_table::<C, 32>(table, k),
        None => mul(&ProjectivePoint::GENERATOR, k),
    }
}

/// `a·G + b·P` in **variable time**: leaks `a`, `b` and `P` through timing. For verification
/// only.
///
/// Straus's interleaving of width-`w` NAFs over one shared chain of Jacobian doublings, with
/// mixed additions from affine tables of odd multiples (`G`'s from the curve's compile-time
/// [`Curve::G_ODD_MULTIPLES`] where it has one). On a curve with an endomorphism and such a
/// table (secp256k1), both scalars are split into halves first: four half-length NAFs share
/// about 128 doublings.
pub fn mul_double_vartime<C: Curve>(
    a: &C::Scalar,
    b: &C::Scalar,
    p: &ProjectivePoint<C>,
) -> ProjectivePoint<C> {
    if let (Some(e), Some(g_table)) = (&C::ENDOMORPHISM, C::G_ODD_MULTIPLES) {
        return glv::mul_double_vartime(a, b, p, e, g_table);
    }
    double_base::mul_double_vartime(a, b, p)
}

/// `k·P` by plain double-and-add, most significant bit first, in **variable time** (leaks `k`):
/// the obviously correct reference that the tests compare the fast paths against. Not part of
/// the API: behind the `test-oracles` feature, which only the crate's own tests enable.
#[cfg(any(test, feature = "test-oracles"))]
#[doc(hidden)]
pub fn mul_reference_vartime<C: Curve>(
    p: &ProjectivePoint<C>,
    k: &C::Scalar,
) -> ProjectivePoint<C> {
    let mut acc = ProjectivePoint::IDENTITY;
    for byte in k.to_bytes().as_ref() {
        for bit in (0..8).rev() {
            acc = acc.double();
            if (byte >> bit) & 1 == 1 {
                acc = acc.add(p);
            }
        }
    }
    acc
}
