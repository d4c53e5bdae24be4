//! The compile-time tables of multiples of `G` (computed by `build.rs` with
//! [`super::precompute`]), converted into each curve's field type.
//!
//! Layer: **curves**. Uses the field layer's `LimbField` and `UnsaturatedField`.
//!
//! One converter per field kind: the conversion runs in `const` evaluation, where a trait method
//! (such as a `Field` constructor) cannot be called, so each converter calls its field type's own
//! `const fn from_uint_const`.

use super::precompute::AffineLimbs;
use crate::field::{LimbField, LimbParams, UnsaturatedField, UnsaturatedParams};

/// Converts canonical limbs to field elements of a [`LimbField`] (Montgomery or plain form).
pub const fn to_field<P: LimbParams<N>, const N: usize, const K: usize>(
    limbs: &[AffineLimbs<N>; K],
) -> [(LimbField<P, N>, LimbField<P, N>); K] {
    let mut out = [(LimbField::<P, N>::ZERO, LimbField::<P, N>::ZERO); K];
    let mut i = 0;
    while i < K {
        out[i] = (
            LimbField::from_uint_const(&limbs[i][0]),
            LimbField::from_uint_const(&limbs[i][1]),
        );
        i += 1;
    }
    out
}

/// [`to_field`] for every row of a fixed-base table (rows of `E` points).
pub const fn table_to_field<P: LimbParams<N>, const N: usize, const E: usize, const R: usize>(
    table: &[[AffineLimbs<N>; E]; R],
) -> [[(LimbField<P, N>, LimbField<P, N>); E]; R] {
    let mut out = [[(LimbField::<P, N>::ZERO, LimbField::<P, N>::ZERO); E]; R];
    let mut i = 0;
    while i < R {
        out[i] = to_field::<P, N, E>(&table[i]);
        i += 1;
    }
    out
}

/// Converts canonical limbs (`S` saturated limbs per coordinate) to field elements of an
/// [`UnsaturatedField`].
pub const fn to_unsaturated_field<
    P: UnsaturatedParams<N, S>,
    const N: usize,
    const S: usize,
    const K: usize,
>(
    limbs: &[AffineLimbs<S>; K],
) -> [(UnsaturatedField<P, N, S>, UnsaturatedField<P, N, S>); K] {
    let zero = UnsaturatedField::<P, N, S>::ZERO;
    let mut out = [(zero, zero); K];
    let mut i = 0;
    while i < K {
        out[i] = (
            UnsaturatedField::from_uint_const(&limbs[i][0]),
            UnsaturatedField::from_uint_const(&limbs[i][1]),
        );
        i += 1;
    }
    out
}

/// [`to_unsaturated_field`] for every row of a fixed-base table (rows of `E` points).
pub const fn table_to_unsaturated_field<
    P: UnsaturatedParams<N, S>,
    const N: usize,
    const S: usize,
    const E: usize,
    const R: usize,
>(
    table: &[[AffineLimbs<S>; E]; R],
) -> [[(UnsaturatedField<P, N, S>, UnsaturatedField<P, N, S>); E]; R] {
    let zero = UnsaturatedField::<P, N, S>::ZERO;
    let mut out = [[(zero, zero); E]; R];
    let mut i = 0;
    while i < R {
        out[i] = to_unsaturated_field::<P, N, S, E>(&table[i]);
        i += 1;
    }
    out
}
