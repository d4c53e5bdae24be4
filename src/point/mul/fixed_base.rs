//! Constant-time fixed-base multiplication `k·G` over a compile-time table of `G`.

use super::super::ProjectivePoint;
use super::super::jacobian::JacobianPoint;
use super::recode::{MAX_DIGITS, recode_signed_window};
use super::table::lookup_affine;
use crate::curves::Curve;
use crate::field::Field;
use zeroize::Zeroize;

/// `k·G` with the curve's compile-time table of `E = 2^(w−1)` points a row,
/// `T[i][j] = (j + 1)·2^(w·i)·G`: `k·G = Σ_i d_i·2^(w·i)·G` for the signed `w`-bit digits `d_i` of
/// `k`, one table scan and one mixed addition per digit, no doubling.
///
/// # Cost
/// `R = ⌊b/w⌋ + 1` digits for a `b`-bit group order `n` (P-256 with `w = 6`: 43). Row 0 is just
/// a lookup; rows `1 … ⌊(b − 1)/w⌋ − 1` each add with the Jacobian–affine `madd-2004-hmv`
/// (8M + 3S, [`JacobianPoint::add_mixed_distinct`]); the last one or two rows convert to
/// homogeneous coordinates (1S + 2M) and use the complete RCB16 mixed addition
/// ([`ProjectivePoint::add_mixed`], 11M + 2m_b for `a = −3`). Each lookup reads all `2^(w−1)`
/// affine points of its row (a masked scan, [`lookup_affine`] and `Field::lookup_pair`). The
/// widths in use and the table sizes are in `build.rs`.
///
/// # Constant time
/// The digits come from arithmetic only; the loop bounds depend on the curve, not on `k`; every
/// lookup reads all entries of its row; the identities (a zero digit, an accumulator that is
/// still the identity) are handled by conditional selections.
///
/// # Why the incomplete addition is exact here
/// Before row `i` the accumulator is `A·G` with the integer `A = Σ_{j<i} d_j·2^(w·j)`, and the
/// addend is `B·G` with `B = d_i·2^(w·i)`. Since `|d_j| ≤ 2^(w−1)`,
/// `|A| ≤ 2^(w−1)·(2^(w·i) − 1)/(2^w − 1) < 2^(w·i)`, while `|B| ≥ 2^(w·i)` when `d_i ≠ 0`, so
/// `A − B ≠ 0` as integers; and `|A − B| < 2^(w·i) + 2^(w·i + w − 1) ≤ 2^(w·i + w)`. For the rows
/// with `w·i + w ≤ b − 1` this is at most `2^(b−1) < n`, so `A ≢ B (mod n)`: the accumulator
/// never equals the addend, the one case `madd-2004-hmv` gets wrong (`A ≡ −B` is handled by the
/// formula itself, and `A·G` or `B·G` being the identity by the selections). The same bound
/// gives `A·G = O` only when `A = 0`. The remaining top rows (`w·i + w ≥ b`), where the partial
/// sums may reach `n`, use the complete formulas instead — one row for P-256 with `w = 6`, and
/// on the small test curves of `tests/suite/exhaustive.rs` (`b = 8, 9`) all rows but the first one
/// or two: the `p = 257` curve (`w = 4`) has one `madd-2004-hmv` row, so its enumeration of every
/// `k` checks both paths; the other two (`w = 5, 6`) have none and check the complete rows.
pub(super) fn mul_base_with_table<C: Curve, const E: usize>(
    table: &[[(C::Base, C::Base); E]],
    k: &C::Scalar,
) -> ProjectivePoint<C> {
    let w = E.trailing_zeros() + 1;
    let bits = C::Scalar::NUM_BITS as usize;
    // Public, per curve: the digit count, and the rows added with the incomplete formula.
    let rows = bits / w as usize + 1;
    let jacobian_rows = ((bits - 1) / w as usize).max(1);
    assert!(
        table.len() >= rows && rows <= MAX_DIGITS,
        "the fixed-base table has a row per digit"
    );
    let mut bytes = k.to_bytes();
    let mut digits = [0i8; MAX_DIGITS];
    recode_signed_window(bytes.as_ref(), w, &mut digits[..rows]);
    let mut acc = JacobianPoint::from_affine(&lookup_affine::<C, E>(&table[0], digits[0]));
    for i in 1..jacobian_rows {
        acc = acc.add_mixed_distinct(&lookup_affine::<C, E>(&table[i], digits[i]));
    }
    let mut result = acc.to_projective();
    for i in jacobian_rows..rows {
        result = result.add_mixed(&lookup_affine::<C, E>(&table[i], digits[i]));
    }
    // Wipe the secrets: digits, scalar bytes and the Jacobian partial sum.
    acc.zeroize();
    digits.zeroize();
    bytes.as_mut().zeroize();
    result
}
