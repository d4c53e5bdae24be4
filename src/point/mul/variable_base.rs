//! Constant-time variable-base multiplication `k·P` with signed fixed windows.
//!
//! # Constant-time argument
//! The scalar is recoded into signed digits `d_i ∈ [−2^(w−1) + 1, 2^(w−1)]` with
//! `k = Σ d_i·2^(w·i)` by arithmetic only (no branch); where `w` divides the order's bit length
//! (P-256 and P-224 with `w = 4`), `k` is first replaced by `n − k` when its top bit is set, by a
//! selection of its bytes, and the result negated by a selection (see [`mul_with_window`], step
//! 0). The loop then runs the same sequence for every `k`: `w` doublings and one addition per
//! digit. The addend `d_i·P` is fetched by reading **all** `2^(w−1)` table entries
//! ([`lookup_affine`], masked selections), then conditionally negated. The identities — a zero
//! digit, an accumulator that is still the identity, `P` itself — are handled by conditional
//! selections, and the one case the incomplete mixed addition gets wrong (accumulator equal to
//! the addend) cannot occur for any `k`: see [`mul_with_window`]'s proof. No branch and no
//! memory address depends on `k` or `P`. (For [`Base::PublicAffine`], ECDH's peer key, `P`'s
//! table is normalised with the variable-time inversion, which depends on `P` alone.)
//!
//! The doublings run in Jacobian coordinates ([`JacobianPoint`]), which have no exceptional case
//! on a prime-order curve (the identity stays the identity, any other point has `Y ≠ 0`), so they
//! are exact for every accumulator. For `a = −3` four Jacobian doublings cost 16M + 16S (12M + 20S
//! on the fields that prefer squarings, see [`JacobianPoint::double`]) against 32M + 12S + 8m_b
//! for the complete formulas (RCB16), and a mixed Jacobian addition 8M + 3S against 11M + 2m_b.

use super::super::ProjectivePoint;
use super::super::jacobian::JacobianPoint;
use super::recode::{MAX_DIGITS, recode_signed_window};
use super::table::{Base, affine_multiples, lookup_affine, wipe_table};
use crate::curves::Curve;
use crate::field::Field;
use subtle::{Choice, ConditionallyNegatable, ConditionallySelectable};
use zeroize::Zeroize;

/// [`mul`](super::mul) with signed `w`-bit windows, `E = 2^(w−1)` table entries.
///
/// 0. When `w` divides the bit length `b` of `n` (P-256 and P-224 with `w = 4`): if bit `b − 1`
///    of `k` is set, take `k' = n − k` instead and negate the result at the end (`(n − k)·P =
///    −k·P`). Then `k' < 2^(b−1)` (as `n < 2^b`), so `R = b/w` digits hold it instead of
///    `b/w + 1`: the top digit, which is 0 or 1 there, and its `w` doublings are gone. The choice
///    is a selection of the scalar's bytes and the negation a selection of `Y`. Otherwise `k' = k`, `R = ⌊b/w⌋ + 1`.
/// 1. Table `T = [P, 2P, …, E·P]`, affine ([`affine_multiples`]).
/// 2. Recode `k'` into `R` signed digits `d_i ∈ [−E + 1, E]` (as the fixed-base multiplication); the recoding
///    needs `k' < 2^(w·R − 1)`, which both choices of `R` give.
/// 3. `acc = d_{R−1}·P` (Jacobian); for `i = R − 2 … 1`: `w` doublings, then
///    `acc += d_i·P` with the Jacobian–affine `madd-2004-hmv`
///    ([`JacobianPoint::add_mixed_distinct`]).
/// 4. `w` doublings, conversion to homogeneous coordinates, and the complete mixed addition of
///    `d_0·P`; then the negation of step 0.
///
/// # Why the incomplete addition is exact for `i ≥ 1`
/// (Written for `k`; it holds as well for `k' < n`.)
/// Before digit `i` is added, the accumulator is `A·P` with `A = 2^w·S` and
/// `S = Σ_{j>i} d_j·2^(w(j−i−1))`, the value of the digits above `i`. The digits below and at `i`
/// sum to less than `2^(w(i+1))·2/3` in absolute value, so `S` is the integer
/// `(k − that sum)/2^(w(i+1))`, and `0 ≤ S < k/2^(w(i+1)) + 1`. If `S = 0` the accumulator is the
/// identity, which `add_mixed_distinct` handles by a selection (as a zero digit). Otherwise
/// `2^w ≤ A < k/2^(w·i) + 2^w ≤ (n − 1)/2^w + 2^w` for `i ≥ 1`, while `|d_i| ≤ 2^(w−1)`: so
/// `A ≢ d_i (mod n)` — for `d_i ≥ 0` since `d_i < 2^w ≤ A < n`, and for `d_i < 0` since
/// `d_i mod n ≥ n − 2^(w−1) > A` once `(n − 1)/2^w + 2^w + 2^(w−1) < n`, which holds for every
/// curve here, the test curves of `tests/suite/exhaustive.rs` included (`n > 2^7`, `w ≤ 5`). The
/// accumulator never equals the addend, the one case `madd-2004-hmv` gets wrong. At `i = 0`,
/// `A = k − d_0` can be anything below `n + 2^(w−1)`, so the last addition is complete.
pub(super) fn mul_with_window<C: Curve, const E: usize>(
    p: Base<'_, C>,
    k: &C::Scalar,
) -> ProjectivePoint<C> {
    let w = E.trailing_zeros() + 1;
    let bits = C::Scalar::NUM_BITS as usize;
    // Public, per curve: whether step 0 may replace `k` by `n − k`, and the digit count
    // (`b/w` then, `⌊b/w⌋ + 1` otherwise: `⌈b/w⌉` either way).
    let fold = bits.is_multiple_of(w as usize);
    let rows = bits.div_ceil(w as usize);
    assert!(
        (2..=MAX_DIGITS).contains(&rows),
        "a digit count the buffer holds"
    );
    // Step 0.
    let mut bytes = k.to_bytes();
    let negate = if fold {
        let mut neg_k = -*k;
        let mut neg_bytes = neg_k.to_bytes();
        neg_k.zeroize();
        let len = bytes.as_ref().len();
        let top = bits - 1;
        let high = Choice::from((bytes.as_ref()[len - 1 - top / 8] >> (top % 8)) & 1);
        for (b, nb) in bytes.as_mut().iter_mut().zip(neg_bytes.as_ref()) {
            b.conditional_assign(nb, high);
        }
        neg_bytes.as_mut().zeroize();
        high
    } else {
        Choice::from(0)
    };
    // Step 1.
    let (mut table, p_is_identity) = affine_multiples::<C, E>(p);
    // Step 2.
    let mut digits = [0i8; MAX_DIGITS];
    recode_signed_window(bytes.as_ref(), w, &mut digits[..rows]);
    // Step 3.
    let mut acc = JacobianPoint::from_affine(&lookup_affine::<C, E>(&table, digits[rows - 1]));
    for i in (1..rows - 1).rev() {
        for _ in 0..w {
            acc = acc.double();
        }
        acc = acc.add_mixed_distinct(&lookup_affine::<C, E>(&table, digits[i]));
    }
    // Step 4.
    for _ in 0..w {
        acc = acc.double();
    }
    let mut result = acc
        .to_projective()
        .add_mixed(&lookup_affine::<C, E>(&table, digits[0]));
    // Wipe the secrets: digits, scalar bytes, the partial sums, and the table (secret when `P` is).
    acc.zeroize();
    wipe_table(&mut table);
    digits.zeroize();
    bytes.as_mut().zeroize();
    result.conditional_negate(negate);
    ProjectivePoint::conditional_select(&result, &ProjectivePoint::IDENTITY, p_is_identity)
}
