//! The compile-time tables of multiples of `G` (computed by `build.rs` with
//! [`super::precompute`]), converted into each curve's field type.
//!
//! Layer: **curves**. Uses the field layer's `LimbField`.

use super::precompute::AffineLimbs;
use crate::field::{LimbField, LimbParams};

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
