//! Scalar multiplication `k·P`.
//!
//! Layer: **points**. Uses the group law of [`ProjectivePoint`] and scalar encodings.
//!
//! * [`mul`] — constant time, any point: signed fixed 4-bit windows over an affine table, a
//!   Jacobian accumulator (see its docs). ECDH uses its twin for a public point,
//!   [`AffinePoint::mul_public_point_vartime`] (variable time in the point only).
//! * [`mul_base`] — constant time, `k·G` with a precomputed table of multiples of `G` (signed
//!   windows, a Jacobian accumulator; see its docs): key generation and signing.
//! * [`mul_double_vartime`] — `a·G + b·P` in variable time with interleaved width-5 NAFs
//!   (Straus–Shamir): ECDSA verification, where every input is public.
//!
//! On secp256k1, [`mul`] and [`mul_double_vartime`] split their scalars with the curve's
//! endomorphism first ([`glv`](super::glv)).
//!
//! # Constant-time argument for [`mul`]
//! The scalar is recoded into signed digits `d_i ∈ [−7, 8]` with `k = Σ d_i·16^i` by arithmetic
//! only (no branch); on P-256 and P-224, `k` is first replaced by `n − k` when its top bit is set,
//! by a selection of its bytes, and the result negated by a selection (see `mul_with_window`,
//! step 0). The loop then runs the same sequence for every `k`: four doublings and one
//! addition per digit. The addend `d_i·P` is fetched by reading **all** eight table entries
//! (`lookup_affine`, masked selections), then conditionally negated. The identities — a zero
//! digit, an accumulator that is still the identity, `P` itself — are handled by conditional
//! selections, and the one case the incomplete mixed addition gets wrong (accumulator equal to
//! the addend) cannot occur for any `k`: see [`mul`]'s proof. No branch and no memory address
//! depends on `k` or `P`. ([`AffinePoint::mul_public_point_vartime`], ECDH's multiplication,
//! is the exception for `P` alone: it normalises `P`'s table with the variable-time inversion.)
//!
//! The doublings run in Jacobian coordinates ([`JacobianPoint`]), which have no exceptional case
//! on a prime-order curve (the identity stays the identity, any other point has `Y ≠ 0`), so they
//! are exact for every accumulator. For `a = −3` four Jacobian doublings cost 16M + 16S (12M + 20S
//! on the fields that prefer squarings, see [`JacobianPoint::double`]) against 32M + 12S + 8m_b
//! for the complete formulas' (RCB16), and a mixed Jacobian addition 8M + 3S against 11M + 2m_b.

use super::jacobian::{
    JacobianPoint, batch_to_affine, batch_to_affine_jacobian, batch_to_affine_jacobian_vartime,
    batch_to_affine_vartime, madd_2004_hmv,
};
use super::{AffinePoint, ProjectivePoint};
use crate::curves::{AffineCoords, Curve, MulBaseTable};
use crate::field::Field;
use subtle::{Choice, ConditionallyNegatable, ConditionallySelectable, ConstantTimeEq};
use zeroize::Zeroize;

/// The largest scalar encoding supported (P-521: 66 bytes).
pub(super) const MAX_SCALAR_BYTES: usize = 66;
/// The most signed digits of a scalar: [`mul`] and [`mul_base`] use windows of `w ≥ 4` bits
/// (`⌊b/w⌋ + 1` digits for `b ≤ 528` bits), and the recoding is tested down to `w = 2`.
const MAX_DIGITS: usize = 2 * MAX_SCALAR_BYTES + 1;

/// `(1 if d < 0 else 0, |d|)` for a digit `d ∈ [−127, 127]`, without a branch: the sign bit, and
/// `|d| = (d XOR −s) + s` (two's complement negation when `s = 1`).
fn sign_and_magnitude(d: i8) -> (u8, u8) {
    let negative = ((d as u8) >> 7) & 1;
    let magnitude = ((d ^ (-(negative as i8))) + negative as i8) as u8;
    (negative, magnitude)
}

/// `k·P` in constant time (signed fixed windows, a Jacobian accumulator; see the module docs).
///
/// Cost for a `b`-bit group order and `w`-bit windows ([`Curve::VARIABLE_BASE_WINDOW`]: 4, or 5
/// on P-384 and P-521): the table `[P, …, 2^(w−1)·P]` (`affine_multiples`: additions, then one
/// batch normalisation with one inversion), then `R − 1` digits × (`w` Jacobian doublings + 1
/// mixed addition), with `R = b/w` when `w` divides `b` and `⌊b/w⌋ + 1` otherwise
/// (`mul_with_window`, step 0), every addition a Jacobian–affine `madd-2004-hmv` but the last
/// one, which is complete. Measured with callgrind (instructions per ECDH, against the previous version:
/// homogeneous accumulator, complete additions, projective table): P-256 1175k → 1004k,
/// P-384 4330k → 3624k, P-521 4786k → 3840k. Windows of 5 bits measured within ±1.5 % of 4
/// bits on every curve then; with the cheaper table for an affine `P` and the faster P-384 field
/// they save 2.5 % on P-384 and 0.9 % on P-521, and nothing on the 256-bit curves.
///
/// On a curve with an endomorphism (secp256k1), [`glv::mul`](super::glv::mul) instead.
pub fn mul<C: Curve>(p: &ProjectivePoint<C>, k: &C::Scalar) -> ProjectivePoint<C> {
    mul_any(Base::Projective(p), k)
}

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

/// [`mul`] for either form of the base.
fn mul_any<C: Curve>(p: Base<'_, C>, k: &C::Scalar) -> ProjectivePoint<C> {
    if let Some(e) = &C::ENDOMORPHISM {
        return super::glv::mul_any(p, k, e);
    }
    const {
        assert!(
            matches!(C::VARIABLE_BASE_WINDOW, 4 | 5),
            "window of 4 or 5 bits"
        )
    };
    if C::VARIABLE_BASE_WINDOW == 5 {
        mul_with_window::<C, 16>(p, k)
    } else {
        mul_with_window::<C, 8>(p, k)
    }
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
///   one). P-256 ECDH −1 % instructions (callgrind).
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

/// [`mul`] with signed `w`-bit windows, `E = 2^(w−1)` table entries.
///
/// 0. When `w` divides the bit length `b` of `n` (P-256 and P-224 with `w = 4`): if bit `b − 1`
///    of `k` is set, take `k' = n − k` instead and negate the result at the end (`(n − k)·P =
///    −k·P`). Then `k' < 2^(b−1)` (as `n < 2^b`), so `R = b/w` digits hold it instead of
///    `b/w + 1`: the top digit, which is 0 or 1 there, and its `w` doublings are gone. P-256 ECDH
///    −1.4 % instructions (callgrind, 753.7k → 743.4k), −2 % in time (20 000 runs, five
///    alternations); P-224 −1.6 %. The choice is a selection of the scalar's bytes and the
///    negation a selection of `Y`. Otherwise `k' = k`, `R = ⌊b/w⌋ + 1`.
/// 1. Table `T = [P, 2P, …, E·P]`, affine ([`affine_multiples`]).
/// 2. Recode `k'` into `R` signed digits `d_i ∈ [−E + 1, E]` (as [`mul_base`]); the recoding
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
/// curve here, the test curves of `tests/exhaustive.rs` included (`n > 2^7`, `w ≤ 5`). The
/// accumulator never equals the addend, the one case `madd-2004-hmv` gets wrong. At `i = 0`,
/// `A = k − d_0` can be anything below `n + 2^(w−1)`, so the last addition is complete.
fn mul_with_window<C: Curve, const E: usize>(p: Base<'_, C>, k: &C::Scalar) -> ProjectivePoint<C> {
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
    let (table, p_is_identity) = affine_multiples::<C, E>(p);
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
    let mut acc = acc
        .to_projective()
        .add_mixed(&lookup_affine::<C, E>(&table, digits[0]));
    digits.zeroize();
    bytes.as_mut().zeroize();
    acc.conditional_negate(negate);
    ProjectivePoint::conditional_select(&acc, &ProjectivePoint::IDENTITY, p_is_identity)
}

/// `k·G` in constant time.
///
/// With the curve's compile-time table ([`Curve::MUL_BASE_TABLE`], a [`MulBaseTable`] of width
/// `w`, `T[i][j] = (j + 1)·2^(w·i)·G`): `k·G = Σ_i d_i·2^(w·i)·G` for the signed `w`-bit digits
/// `d_i` of `k` (recoded by arithmetic only, as in [`mul`]), so each digit costs one
/// constant-time table scan and one mixed addition, and no doubling is needed. Without a table,
/// [`mul`] on `G`.
///
/// # Cost
/// `R = ⌊b/w⌋ + 1` digits for a `b`-bit group order `n` (P-256 with `w = 6`: 43). Row 0 is just
/// a lookup; rows `1 … ⌊(b − 1)/w⌋ − 1` each add with the Jacobian–affine `madd-2004-hmv`
/// (8M + 3S, [`JacobianPoint::add_mixed_distinct`]); the last one or two rows convert to
/// homogeneous coordinates (1S + 2M) and use the complete RCB16 mixed addition
/// ([`ProjectivePoint::add_mixed`], 11M + 2m_b for `a = −3`). Each lookup reads the `2^(w−1)`
/// affine points of its row with about as many conditional selections of a point (in groups of
/// four, chosen by a small tournament on the index bits; see the source). Measured with callgrind
/// (instructions per `k·G`, before → after this scheme, which replaced signed 4-bit windows with
/// complete additions throughout): P-256 320k → 197k (`w = 6`), P-384 1.17M → 0.75M (`w = 5`;
/// 0.69M with `w = 6`), P-521 2.22M → 1.43M (`w = 4`; 0.99M with `w = 5` and the radix-2^58
/// field). The widths in use and the table sizes are in `build.rs`.
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
/// on the small test curves of `tests/exhaustive.rs` (`b = 8, 9`) all rows but the first one
/// or two: the `p = 257` curve (`w = 4`) has one `madd-2004-hmv` row, so its enumeration of every
/// `k` checks both paths; the other two (`w = 5, 6`) have none and check the complete rows.
pub fn mul_base<C: Curve>(k: &C::Scalar) -> ProjectivePoint<C> {
    match C::MUL_BASE_TABLE {
        Some(MulBaseTable::W4(table)) => mul_base_with_table::<C, 8>(table, k),
        Some(MulBaseTable::W5(table)) => mul_base_with_table::<C, 16>(table, k),
        Some(MulBaseTable::W6(table)) => mul_base_with_table::<C, 32>(table, k),
        None => mul(&ProjectivePoint::GENERATOR, k),
    }
}

/// [`mul_base`] with a table of `E = 2^(w−1)` points a row.
fn mul_base_with_table<C: Curve, const E: usize>(
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
    let mut acc = acc.to_projective();
    for i in jacobian_rows..rows {
        acc = acc.add_mixed(&lookup_affine::<C, E>(&table[i], digits[i]));
    }
    digits.zeroize();
    bytes.as_mut().zeroize();
    acc
}

/// Recodes a big-endian integer `k < 2^(w·R − 1)` into `R = digits.len()` signed `w`-bit digits
/// `d_i ∈ [−2^(w−1) + 1, 2^(w−1)]`, least significant first, with `Σ d_i·2^(w·i) = k`.
///
/// Window `i` (bits `w·i … w·i + w − 1`, zero beyond the encoding) plus the incoming carry `c`
/// gives `v ∈ [0, 2^w]`; the new carry is `1` when `v > 2^(w−1)`, and the digit `v − 2^w·carry`.
/// The top window is at most `2^(w−1) − 1` (bit `w·R − 1` of `k` is zero), so the last carry is
/// zero and needs no digit. Arithmetic only: constant time in the integer (the window positions
/// depend on `i` alone). `2 ≤ w ≤ 7`.
fn recode_signed_window(be_bytes: &[u8], w: u32, digits: &mut [i8]) {
    debug_assert!((2..=7).contains(&w));
    let len = be_bytes.len();
    // The `i`-th byte from the least significant end, zero beyond the encoding (public index).
    let byte = |i: usize| {
        if i < len {
            be_bytes[len - 1 - i] as u32
        } else {
            0
        }
    };
    let half = 1i32 << (w - 1);
    let mask = (1u32 << w) - 1;
    let mut carry = 0i32;
    for (i, d) in digits.iter_mut().enumerate() {
        let bit = w as usize * i;
        let window = ((byte(bit / 8) | (byte(bit / 8 + 1) << 8)) >> (bit % 8)) & mask;
        let v = window as i32 + carry;
        // 1 exactly when `half − v < 0`, read off the sign bit.
        carry = ((half - v) >> 31) & 1;
        *d = (v - (carry << w)) as i8;
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
    row: &[(C::Base, C::Base); E],
    d: i8,
) -> AffinePoint<C> {
    debug_assert!(E.is_power_of_two() && (4..=64).contains(&E));
    let (negative, magnitude) = sign_and_magnitude(d);
    let index = magnitude.wrapping_sub(1) & (E as u8 - 1);
    let select = |a: &(C::Base, C::Base), b: &(C::Base, C::Base), c: Choice| {
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

/// The width-`w` non-adjacent form of a big-endian integer: digits `d_i`, least significant first,
/// each zero or odd with `|d_i| < 2^(w−1)`, and at least `w − 1` zeros after every non-zero digit.
/// Returns the digit count. Variable time in the integer. `2 ≤ w ≤ 15`.
///
/// The integer is read as little-endian limbs, with a carry standing for the `+1` that a negative digit adds
/// to the bits above it (`v = d + 2^w` for `d < 0`): at bit `i`, if that bit equals the carry,
/// the running value is even there and the digit is zero; otherwise the `w` bits from `i` plus
/// the carry give an odd `v < 2^w + 1`, and the digit is `v` or `v − 2^w` (whichever has
/// `|d| < 2^(w−1)`), the carry becoming 1 for the latter. Digits `i + 1 … i + w − 1` are zero
/// and the scan continues at `i + w`. A carry left at the end is a final digit 1.
pub(super) fn wnaf_vartime(
    be_bytes: &[u8],
    w: u32,
    digits: &mut [i16; 8 * MAX_SCALAR_BYTES + 2],
) -> usize {
    debug_assert!((2..=15).contains(&w) && be_bytes.len() <= MAX_SCALAR_BYTES);
    // Little-endian 64-bit limbs, one spare limb so that a window may run past the top.
    const L: usize = MAX_SCALAR_BYTES.div_ceil(8) + 1;
    let mut k = [0u64; L];
    for (i, b) in be_bytes.iter().rev().enumerate() {
        k[i / 8] |= (*b as u64) << ((i % 8) * 8);
    }
    // The bits from position `i` up (at least 32 of them).
    let bits_at = |i: usize| -> u32 {
        let (q, r) = (i / 64, i % 64);
        let hi = if r == 0 { 0 } else { k[q + 1] << (64 - r) };
        ((k[q] >> r) | hi) as u32
    };
    // Only up to the highest set bit.
    let bits = match k.iter().rposition(|&l| l != 0) {
        Some(top) => 64 * top + 64 - k[top].leading_zeros() as usize,
        None => 0,
    };
    let mut carry = 0u32;
    let mut last = 0;
    let mut i = 0;
    while i < bits {
        let window = bits_at(i);
        if window & 1 == carry {
            digits[i] = 0;
            i += 1;
            continue;
        }
        let v = (window & ((1 << w) - 1)) + carry;
        carry = (v >> (w - 1)) & 1;
        digits[i] = (v as i32 - ((carry as i32) << w)) as i16;
        last = i + 1;
        let end = (i + w as usize).min(bits);
        digits[i + 1..end].fill(0);
        i = end;
    }
    // Here `i = bits`.
    if carry == 1 {
        digits[bits] = 1;
        last = bits + 1;
    }
    last
}

/// Odd multiples `[P, 3P, 5P, …, 15P]` for width-5 NAF digits.
pub(super) fn odd_multiples<C: Curve>(p: &ProjectivePoint<C>) -> [ProjectivePoint<C>; 8] {
    let p2 = p.double();
    let mut table = [*p; 8];
    for i in 1..8 {
        table[i] = table[i - 1].add(&p2);
    }
    table
}

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
/// On a curve with an endomorphism and a table of `G`'s odd multiples (secp256k1),
/// [`glv::mul_double_vartime`](super::glv::mul_double_vartime) instead.
pub fn mul_double_vartime<C: Curve>(
    a: &C::Scalar,
    b: &C::Scalar,
    p: &ProjectivePoint<C>,
) -> ProjectivePoint<C> {
    if let (Some(e), Some(g_table)) = (&C::ENDOMORPHISM, C::G_ODD_MULTIPLES) {
        return super::glv::mul_double_vartime(a, b, p, e, g_table);
    }
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
    let mut naf_a = [0i16; 8 * MAX_SCALAR_BYTES + 2];
    let mut naf_b = [0i16; 8 * MAX_SCALAR_BYTES + 2];
    let len_a = wnaf_vartime(a.to_bytes().as_ref(), w_a, &mut naf_a);
    let len_b = wnaf_vartime(b.to_bytes().as_ref(), W, &mut naf_b);
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

/// The NAF width that a table of odd multiples `[G, 3G, …]` serves: `2^(w−2)` entries hold the
/// `|d| < 2^(w−1)` odd digits. The length is a power of two from 2 to 8192
/// ([`Curve::G_ODD_MULTIPLES`]); a constant per curve, so nothing secret depends on it.
pub(super) fn g_table_width<T>(table: &[T]) -> u32 {
    debug_assert!(table.len().is_power_of_two() && (2..=8192).contains(&table.len()));
    table.len().trailing_zeros() + 2
}

/// The odd multiples of `G` used by [`mul_double_vartime`].
enum GTable<C: Curve> {
    /// The curve's compile-time affine table (`2^(w−2)` entries, width-`w` NAF).
    Precomputed(&'static [(C::Base, C::Base)]),
    /// Computed at run time (8 entries, width-5 NAF).
    Computed([AffinePoint<C>; 8]),
}

/// `k·P` by plain double-and-add, most significant bit first, in **variable time** (leaks `k`).
/// The obviously-correct reference the tests compare the fast paths against.
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

impl<C: Curve> AffinePoint<C> {
    /// `k·self` in constant time.
    pub fn mul(&self, k: &C::Scalar) -> ProjectivePoint<C> {
        mul_any(Base::Affine(self), k)
    }

    /// `k·self`, constant time in `k` and **variable time in `self`: leaks the point**. For a
    /// point that is public anyway, such as an ECDH peer's public key; the scalar gets the same
    /// constant-time treatment as in [`AffinePoint::mul`].
    ///
    /// The one difference from [`AffinePoint::mul`]: the table of multiples of `self` is
    /// normalised to affine coordinates with the variable-time inversion, and that table
    /// depends on `self` alone. P-256 ECDH: 757k → 744k instructions (callgrind), −1.3 % in time
    /// (30 000 runs, five alternations).
    pub fn mul_public_point_vartime(&self, k: &C::Scalar) -> ProjectivePoint<C> {
        mul_any(Base::PublicAffine(self), k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_window_recoding() {
        for w in 2..=7u32 {
            for v in [
                0u64,
                1,
                7,
                8,
                15,
                16,
                31,
                32,
                33,
                0x88,
                0xff,
                0x8888_8888,
                0x0123_4567_89ab_cdef,
                u64::MAX >> 1,
            ] {
                let rows = 64 / w as usize + 1;
                let mut digits = [0i8; 40];
                recode_signed_window(&v.to_be_bytes(), w, &mut digits[..rows]);
                let half = 1i128 << (w - 1);
                assert!(
                    digits[..rows]
                        .iter()
                        .all(|&d| (1 - half..=half).contains(&(d as i128)))
                );
                let value = digits[..rows]
                    .iter()
                    .rev()
                    .fold(0i128, |acc, &d| (acc << w) + d as i128);
                assert_eq!(value, v as i128, "w = {w}, value {v:#x}");
            }
        }
    }

    #[test]
    fn wnaf_recoding() {
        let mut values = std::vec![
            1u64,
            2,
            15,
            16,
            31,
            0xff,
            0x100,
            0xdead_beef,
            u64::MAX,
            u64::MAX - 1,
            0x8000_0000_0000_0001,
            0x5555_5555_5555_5555,
            0xaaaa_aaaa_aaaa_aaaa,
        ];
        let mut x = 0x0123_4567_89ab_cdefu64;
        for _ in 0..200 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            values.push(x);
        }
        for w in 2..=15u32 {
            for &v in &values {
                let mut digits = [0i16; 8 * MAX_SCALAR_BYTES + 2];
                let n = wnaf_vartime(&v.to_be_bytes(), w, &mut digits);
                assert!(n <= 65 && digits[n..].iter().all(|&d| d == 0));
                assert!(n == 0 || digits[n - 1] != 0, "no trailing zero digit");
                let value = digits[..n]
                    .iter()
                    .rev()
                    .fold(0i128, |acc, &d| acc * 2 + d as i128);
                assert_eq!(value, v as i128, "w = {w}, value {v:#x}");
                for (i, &d) in digits[..n].iter().enumerate() {
                    let bound = 1i32 << (w - 1);
                    assert!(
                        d == 0 || (d % 2 != 0 && (d as i32).abs() < bound),
                        "digit {d}"
                    );
                    if d != 0 {
                        let next = n.min(i + w as usize);
                        assert!(digits[i + 1..next].iter().all(|&e| e == 0));
                    }
                }
            }
        }
    }
}
