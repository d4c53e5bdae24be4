//! Scalar multiplication on edwards25519.
//!
//! Layer: **scalar multiplication** (for the Edwards shape). Uses [`super`]'s point arithmetic and
//! the signed-digit recodings of the Weierstrass scalar multiplication (`point::mul::recode`).
//!
//! * [`mul_base`]: `k·B` over the compile-time table of `B`, constant time (key generation,
//!   signing).
//! * [`mul`]: `k·P` for any point, constant time in `k` and `P`.
//! * [`mul_double_base_vartime`]: `a·A + b·B` for verification, variable time (public inputs).
//! * [`multiscalar_mul_vartime`]: `Σ k_i·P_i` (+ `b·B`) for batch verification, variable time.
//!
//! The addition law is complete, so none of these has an exceptional case to avoid: unlike the
//! Weierstrass code of [`crate::point::mul`], there is no proof about partial sums to make.

use super::{AffineNiels, Completed, EdwardsPoint, ProjectiveNiels, double_n_xyz};
use crate::curves::curve25519::{BASE_2_128_ODD_MULTIPLES, BASE_ODD_MULTIPLES};
use crate::field::curve25519::{Curve25519Scalar, FieldElement, Scalar};
use crate::field::limbs;
use crate::field::{Field, LimbParams};
use crate::point::mul::recode::{
    MAX_DIGITS, MAX_NAF_DIGITS, recode_signed_window, sign_and_magnitude, wnaf_vartime,
};
use subtle::{ConditionallyNegatable, ConditionallySelectable, ConstantTimeEq};
use zeroize::Zeroize;

/// Signed 4-bit digits of a scalar below `ℓ < 2^253` ([`mul`]'s windows): `⌊253/4⌋ + 1 = 64`.
const DIGITS: usize = 64;

/// The signed 4-bit digits `d_i ∈ [−7, 8]` of `k`, least significant first, `k = Σ d_i·16^i`.
fn digits_of(k: &Scalar) -> [i8; DIGITS] {
    let mut bytes = k.to_bytes();
    let mut digits = [0i8; DIGITS];
    recode_signed_window(&bytes, 4, &mut digits);
    bytes.zeroize();
    digits
}

/// The table entry `|d|·(row base)` with the sign of `d`, read in constant time: every entry of
/// the row, as one array of 15 limbs, goes through one masked scan ([`limbs::lookup`], which
/// gives zeros for `d = 0`), the identity's two ones are set by a selection on `d = 0`, and the
/// sign is applied to the limbs by a masked negation
/// ([`AffineNiels::conditional_negate_table_limbs`]).
fn lookup_affine<const E: usize>(row: &[[FieldElement; 3]; E], d: i8) -> AffineNiels {
    let (negative, magnitude) = sign_and_magnitude(d);
    let entries = row.iter().map(AffineNiels::limbs_of_table);
    let mut limbs = limbs::lookup::<15, E>(entries, magnitude.wrapping_sub(1));
    // The identity `(y + x, y − x, 2d·x·y) = (1, 1, 0)`: limb 0 of the first two coordinates.
    let zero = magnitude.ct_eq(&0).unwrap_u8() as u64;
    limbs[0] |= zero;
    limbs[5] |= zero;
    AffineNiels::conditional_negate_table_limbs(&mut limbs, negative.into());
    AffineNiels::from_limbs(&limbs)
}

/// `k·B` with the table `T[i][j] = (j + 1)·2^(w·i)·B` of `E = 2^(w−1)` entries a row:
/// `k·B = Σ_i d_i·2^(w·i)·B` for the signed `w`-bit digits `d_i` of `k`, one constant-time row
/// scan and one mixed addition (7M) per digit, no doubling: `R = ⌊253/w⌋ + 1` additions.
///
/// Constant time: the digits come from arithmetic only, every row is scanned in full, and the
/// additions are complete (a zero digit adds the identity). The digits and the partial sum are
/// wiped.
pub fn mul_base<const E: usize, const R: usize>(
    k: &Scalar,
    table: &[[[FieldElement; 3]; E]; R],
) -> EdwardsPoint {
    // `k < ℓ < 2^253` needs `⌊253/w⌋ + 1` digits (the recoding's `k < 2^(w·R − 1)`): checked
    // when the function is instantiated, so a table of another shape does not compile.
    const {
        assert!(
            E.is_power_of_two() && R == 253 / (E.trailing_zeros() as usize + 1) + 1,
            "a table row per signed digit"
        );
        assert!(R <= MAX_DIGITS);
    }
    let w = E.trailing_zeros() + 1;
    let mut bytes = k.to_bytes();
    let mut digits = [0i8; MAX_DIGITS];
    recode_signed_window(&bytes, w, &mut digits[..R]);
    let mut acc = EdwardsPoint::IDENTITY;
    for (row, &d) in table.iter().zip(digits.iter()) {
        acc = acc.add_affine_niels(&lookup_affine(row, d));
    }
    let result = acc;
    acc.zeroize();
    digits.zeroize();
    bytes.zeroize();
    result
}

/// `k·P`, constant time in `k` and `P`: the table `[P, 2P, …, 8P]` in cached form, then from the
/// top digit down four doublings (`T` computed by the last only, as in
/// [`EdwardsPoint::double_n`]) and the addition of `d_i·P` (read by a full scan, negated by a
/// selection), which computes `T` only at the end. 63·4 doublings and 64 additions.
pub fn mul(p: &EdwardsPoint, k: &Scalar) -> EdwardsPoint {
    let mut p_cached = p.to_projective_niels();
    let mut table = [p_cached; 8];
    let mut multiple = *p;
    for entry in table.iter_mut().skip(1) {
        multiple = multiple.add_projective_niels(&p_cached);
        *entry = multiple.to_projective_niels();
    }
    let mut digits = digits_of(k);
    // The sum between additions as `(X : Y : Z)`: each addition but the last feeds doublings only,
    // so it stops at the 3M form ([`Completed::to_projective`]).
    let mut xyz = (FieldElement::ZERO, FieldElement::ONE, FieldElement::ONE);
    let mut acc = EdwardsPoint::IDENTITY;
    for (i, &d) in digits.iter().enumerate().rev() {
        if i + 1 < DIGITS {
            acc = double_n_xyz(xyz, 4);
        }
        let (negative, magnitude) = sign_and_magnitude(d);
        let mut q = ProjectiveNiels::IDENTITY;
        for (j, e) in table.iter().enumerate() {
            q.conditional_assign(e, magnitude.ct_eq(&(j as u8 + 1)));
        }
        q.conditional_negate(negative.into());
        let sum = acc.add_projective_niels_completed(&q);
        if i > 0 {
            xyz = sum.to_projective();
        } else {
            acc = sum.to_extended();
        }
    }
    let result = acc;
    acc.zeroize();
    xyz.0.zeroize();
    xyz.1.zeroize();
    xyz.2.zeroize();
    multiple.zeroize();
    p_cached.zeroize();
    table.zeroize();
    digits.zeroize();
    result
}

/// `[ℓ]P` by double-and-add over the bits of `ℓ` (public), variable time in `P`.
pub(crate) fn mul_by_order_vartime(p: &EdwardsPoint) -> EdwardsPoint {
    let l = <Curve25519Scalar as LimbParams<4>>::MODULUS;
    let cached = p.to_projective_niels();
    let mut acc = Accumulator::new();
    for i in (0..253).rev() {
        acc.double();
        if (l[i / 64] >> (i % 64)) & 1 == 1 {
            acc.add(|s| s.add_projective_niels_completed(&cached));
        }
    }
    acc.finish()
}

/// The odd multiples `[P, 3P, …, 15P]` in cached form (for a width-5 NAF).
fn odd_multiples(p: &EdwardsPoint) -> [ProjectiveNiels; 8] {
    let p2 = p.double().to_projective_niels();
    let mut out = [p.to_projective_niels(); 8];
    let mut acc = *p;
    for entry in out.iter_mut().skip(1) {
        acc = acc.add_projective_niels(&p2);
        *entry = acc.to_projective_niels();
    }
    out
}

/// Adds `d·P` for a NAF digit `d` (odd, `|d| < 2^w`) from the odd multiples `[P, 3P, …]`: a
/// negative digit subtracts `|d|·P` (a branch on the public digit).
fn add_naf_digit(acc: &EdwardsPoint, table: &[ProjectiveNiels], d: i16) -> Completed {
    let q = &table[(d.unsigned_abs() / 2) as usize];
    if d < 0 {
        acc.sub_projective_niels_completed(q)
    } else {
        acc.add_projective_niels_completed(q)
    }
}

/// [`add_naf_digit`] for the base point's affine table.
fn add_naf_digit_base(acc: &EdwardsPoint, d: i16) -> Completed {
    add_naf_digit_affine(acc, &BASE_ODD_MULTIPLES, d)
}

/// [`add_naf_digit`] for an affine table of odd multiples (of `B` or `2^128·B`).
fn add_naf_digit_affine(acc: &EdwardsPoint, table: &[[FieldElement; 3]; 64], d: i16) -> Completed {
    let q = AffineNiels::from_table(&table[(d.unsigned_abs() / 2) as usize]);
    if d < 0 {
        acc.sub_affine_niels_completed(&q)
    } else {
        acc.add_affine_niels_completed(&q)
    }
}

/// The width-`w` NAF of a scalar and its digit count.
fn naf(k: &Scalar, w: u32) -> ([i16; MAX_NAF_DIGITS], usize) {
    let mut digits = [0i16; MAX_NAF_DIGITS];
    let len = wnaf_vartime(&k.to_canonical_limbs::<4>(), w, &mut digits);
    (digits, len)
}

/// `a·A + b·B` (Straus–Shamir): a width-5 NAF of `a` over `[A, 3A, …, 15A]` and a width-8 NAF of
/// `b` over the compile-time `[B, 3B, …, 127B]`, one shared doubling per bit. A run of doublings
/// between two additions computes `T` only in its last ([`EdwardsPoint::double_n`]), and the
/// doublings of the identity before the first addition are skipped. Variable time in every
/// input: only for public values (signature verification).
pub fn mul_double_base_vartime(a: &Scalar, big_a: &EdwardsPoint, b: &Scalar) -> EdwardsPoint {
    let table_a = odd_multiples(big_a);
    let (naf_a, len_a) = naf(a, 5);
    let (naf_b, len_b) = naf(b, 8);
    let mut acc = Accumulator::new();
    for i in (0..len_a.max(len_b)).rev() {
        acc.double();
        if naf_a[i] != 0 {
            acc.add(|p| add_naf_digit(p, &table_a, naf_a[i]));
        }
        if naf_b[i] != 0 {
            acc.add(|p| add_naf_digit_base(p, naf_b[i]));
        }
    }
    acc.finish()
}

/// A short multiple of `k` modulo `ℓ`: `(c0, c1)` with `c0 ≡ c1·k (mod ℓ)`, `0 ≤ c0 < 2^127` and
/// `0 < |c1| < 2^126`. Variable time in `k` (public: a verification's hash).
///
/// The extended Euclidean algorithm on `(ℓ, k)`, stopped at the first remainder below `2^127`:
/// its remainders and coefficients satisfy `r_i ≡ t_i·k (mod ℓ)` (`r_0 = ℓ`, `t_0 = 0`;
/// `r_1 = k`, `t_1 = 1`), and `|t_(i+1)|·r_i + |t_i|·r_(i+1) = ℓ`. So when `r_i` is the first
/// remainder below `2^127`, `r_(i−1) ≥ 2^127` and `|t_i| ≤ ℓ/r_(i−1) < 2^253/2^127 = 2^126`; every
/// coefficient met before is smaller, and every partial quotient times a coefficient too, so all
/// of them fit an `i128`. `t_i ≠ 0` (only `t_0` is, and `r_0 = ℓ ≥ 2^127`). Each quotient is taken
/// bit by bit (shift and subtract), cheap since the quotients are small. This is the reduction of
/// the lattice `{(x, y) : x ≡ y·k (mod ℓ)}` that Pornin uses to halve the doublings of EdDSA
/// verification ("Optimized lattice basis reduction in dimension 2, and fast Schnorr and EdDSA
/// signature verification", 2020), in its plainest form.
pub(crate) fn short_multiple_vartime(k: &Scalar) -> (u128, i128) {
    let mut r0 = <Curve25519Scalar as LimbParams<4>>::MODULUS;
    let mut r1: [u64; 4] = k.to_canonical_limbs::<4>();
    let (mut t0, mut t1) = (0i128, 1i128);
    while limbs::bits_vartime(&r1) > 127 {
        // r0 ← r0 mod r1 and t0 ← t0 − q·t1, one quotient bit at a time (r0 > r1 > 0).
        let top = limbs::bits_vartime(&r0) - limbs::bits_vartime(&r1);
        for shift in (0..=top).rev() {
            let (diff, borrow) = limbs::sub(&r0, &shl_vartime(&r1, shift));
            if borrow == 0 {
                r0 = diff;
                t0 -= t1 * (1i128 << shift);
            }
        }
        core::mem::swap(&mut r0, &mut r1);
        core::mem::swap(&mut t0, &mut t1);
    }
    debug_assert!(r1[2] == 0 && r1[3] == 0 && t1 != 0);
    (u128::from(r1[0]) | (u128::from(r1[1]) << 64), t1)
}

/// `a·2^shift` for `shift < 256` (the bits shifted out of the top are dropped: the callers shift
/// only values that stay below `2^256`).
fn shl_vartime(a: &[u64; 4], shift: u32) -> [u64; 4] {
    let (words, bits) = ((shift / 64) as usize, shift % 64);
    let mut out = [0u64; 4];
    for i in words..4 {
        out[i] = a[i - words] << bits;
        if bits > 0 && i > words {
            out[i] |= a[i - words - 1] >> (64 - bits);
        }
    }
    out
}

/// A point `Q` with `[8]Q = O` exactly when `[8]([s]B − [k]A − R) = O`: Ed25519's cofactored
/// verification equation, with half the doublings of [`mul_double_base_vartime`]. Variable time
/// in every input: only for public values.
///
/// With `(c0, c1)` from `short_multiple_vartime` (`c0 ≡ c1·k`, both about 127 bits),
/// `Q = [c1·s mod ℓ]B − [c1]R − [c0]A`. Why it decides the same: write `P = [s]B − [k]A − R`;
/// `[c1]P − Q = [c0 − c1·k]A`, a multiple of `ℓ` times `A`, hence a torsion point, so
/// `[8]Q = [8c1]P`; and `[8c1]P = O ⟺ [8]P = O` because `c1 ≢ 0 (mod ℓ)` and the prime-order
/// part of `[8]P` is killed by a multiple of `ℓ` only.
///
/// `c1·s mod ℓ` (253 bits) is split at bit 128 into two width-8 NAFs, over `[B, 3B, …, 127B]`
/// and over the same multiples of `2^128·B` (both compile-time tables); `c0` and `|c1|` run
/// width-5 NAFs over the odd multiples of `−A` and `∓R`. One shared run of 128 doublings
/// (deferred, as in [`mul_double_base_vartime`]).
pub fn mul_verification_vartime(
    s: &Scalar,
    k: &Scalar,
    big_a: &EdwardsPoint,
    r: &EdwardsPoint,
) -> EdwardsPoint {
    let (c0, c1) = short_multiple_vartime(k);
    let c1_abs = c1.unsigned_abs();
    let mut c1_scalar = Scalar::from_limbs_reduced(&[c1_abs as u64, (c1_abs >> 64) as u64, 0, 0]);
    if c1 < 0 {
        c1_scalar = -c1_scalar;
    }
    let b_scalar: [u64; 4] = (c1_scalar * *s).to_canonical_limbs::<4>();
    let table_a = odd_multiples(&-*big_a);
    let table_r = odd_multiples(&if c1 < 0 { *r } else { -*r });
    // The digit arrays are filled in place (returning them by value copied 1 KiB each).
    let [mut naf_a, mut naf_r, mut naf_lo, mut naf_hi] = [[0i16; MAX_NAF_DIGITS]; 4];
    let len_a = wnaf_vartime(&[c0 as u64, (c0 >> 64) as u64, 0, 0], 5, &mut naf_a);
    let len_r = wnaf_vartime(&[c1_abs as u64, (c1_abs >> 64) as u64, 0, 0], 5, &mut naf_r);
    let len_lo = wnaf_vartime(&[b_scalar[0], b_scalar[1], 0, 0], 8, &mut naf_lo);
    let len_hi = wnaf_vartime(&[b_scalar[2], b_scalar[3], 0, 0], 8, &mut naf_hi);

    let len = len_a.max(len_r).max(len_lo).max(len_hi);
    let mut acc = Accumulator::new();
    for i in (0..len).rev() {
        acc.double();
        if naf_a[i] != 0 {
            acc.add(|p| add_naf_digit(p, &table_a, naf_a[i]));
        }
        if naf_r[i] != 0 {
            acc.add(|p| add_naf_digit(p, &table_r, naf_r[i]));
        }
        if naf_lo[i] != 0 {
            acc.add(|p| add_naf_digit_base(p, naf_lo[i]));
        }
        if naf_hi[i] != 0 {
            acc.add(|p| add_naf_digit_affine(p, &BASE_2_128_ODD_MULTIPLES, naf_hi[i]));
        }
    }
    acc.finish()
}

/// The running sum of the variable-time double-and-add loops, with its doublings deferred: they
/// are counted and done at the next addition (or at the end) by [`double_n_xyz`], so that only
/// the last of a run computes `T`. An addition's result is kept before its last products
/// ([`Sum::Completed`]): the next operation picks the 3M `(X : Y : Z)` when it is a doubling, the
/// 4M extended point when it is another addition. Until the first addition the sum is the
/// identity and its doublings are dropped. Variable time (the loops branch on public digits).
#[derive(Clone, Copy)]
struct Accumulator {
    sum: Sum,
    pending: u32,
    started: bool,
}

/// The sum held by an [`Accumulator`].
#[derive(Clone, Copy)]
enum Sum {
    Extended(EdwardsPoint),
    /// The result of the last addition, before steps 9–12.
    Completed(Completed),
}

impl Accumulator {
    fn new() -> Self {
        Self {
            sum: Sum::Extended(EdwardsPoint::IDENTITY),
            pending: 0,
            started: false,
        }
    }

    /// One more doubling, deferred.
    fn double(&mut self) {
        self.pending += u32::from(self.started);
    }

    /// The sum as an extended point, after the deferred doublings.
    fn point(&mut self) -> EdwardsPoint {
        let point = match self.sum {
            Sum::Extended(p) if self.pending == 0 => p,
            Sum::Extended(p) => double_n_xyz((p.x, p.y, p.z), self.pending),
            Sum::Completed(c) if self.pending == 0 => c.to_extended(),
            Sum::Completed(c) => double_n_xyz(c.to_projective(), self.pending),
        };
        self.pending = 0;
        self.sum = Sum::Extended(point);
        point
    }

    /// Replaces the sum `S` by `f(S)` (an addition) after the deferred doublings.
    fn add(&mut self, f: impl FnOnce(&EdwardsPoint) -> Completed) {
        let point = self.point();
        self.sum = Sum::Completed(f(&point));
        self.started = true;
    }

    fn finish(mut self) -> EdwardsPoint {
        self.point()
    }
}

/// `b·B + Σ k_i·P_i` (Straus's simultaneous multiplication with a width-5 NAF per point and the
/// width-8 NAF of `b` over `B`'s table, doublings deferred as in [`mul_double_base_vartime`]),
/// variable time in every input: only for public values (batch verification). `scalars` and
/// `points` have the same length.
#[cfg(feature = "alloc")]
pub fn multiscalar_mul_vartime(
    b: &Scalar,
    scalars: &[Scalar],
    points: &[EdwardsPoint],
) -> EdwardsPoint {
    use alloc::vec::Vec;
    assert_eq!(scalars.len(), points.len(), "one scalar per point");
    let tables: Vec<[ProjectiveNiels; 8]> = points.iter().map(odd_multiples).collect();
    let nafs: Vec<([i16; MAX_NAF_DIGITS], usize)> = scalars.iter().map(|k| naf(k, 5)).collect();
    let (naf_b, len_b) = naf(b, 8);
    let len = nafs.iter().map(|n| n.1).fold(len_b, usize::max);
    let mut acc = Accumulator::new();
    for i in (0..len).rev() {
        acc.double();
        for (table, (digits, _)) in tables.iter().zip(nafs.iter()) {
            if digits[i] != 0 {
                acc.add(|p| add_naf_digit(p, table, digits[i]));
            }
        }
        if naf_b[i] != 0 {
            acc.add(|p| add_naf_digit_base(p, naf_b[i]));
        }
    }
    acc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `k·P` by double-and-add over the bits of `k`, the reference.
    fn reference(p: &EdwardsPoint, k: &Scalar) -> EdwardsPoint {
        let limbs = k.to_canonical_limbs::<4>();
        let mut acc = EdwardsPoint::IDENTITY;
        for i in (0..256).rev() {
            acc = acc.double();
            if (limbs[i / 64] >> (i % 64)) & 1 == 1 {
                acc += *p;
            }
        }
        acc
    }

    fn scalars() -> impl Iterator<Item = Scalar> {
        let mut x = Scalar::from_u64(0x1234_5678_9abc_def1);
        let edges = [
            Scalar::ZERO,
            Scalar::ONE,
            -Scalar::ONE,
            Scalar::from_u64(8),
            Scalar::from_u64(16),
            -Scalar::from_u64(8),
        ];
        edges.into_iter().chain((0..20).map(move |_| {
            x = x.square() + Scalar::from_u64(7);
            x
        }))
    }

    /// The accumulator against plain extended arithmetic, over every kind of step that follows
    /// an addition: another addition (the 4M form of the kept sum), one doubling and a run of
    /// doublings (the 3M form), and the end.
    #[test]
    fn accumulator_matches_plain_arithmetic() {
        let b = EdwardsPoint::BASEPOINT;
        let cached = (b.double() + b).to_projective_niels();
        let affine = b.to_affine_niels();
        // Steps: 0 doubles, 1 adds the cached 3B, 2 subtracts it, 3 adds the affine B.
        let steps = [0, 1, 1, 0, 3, 2, 0, 0, 0, 1, 3, 3, 0, 2, 0, 1];
        let mut acc = Accumulator::new();
        let mut expected = EdwardsPoint::IDENTITY;
        for (i, &step) in steps.iter().enumerate() {
            match step {
                0 => {
                    acc.double();
                    expected = expected.double();
                }
                1 => {
                    acc.add(|p| p.add_projective_niels_completed(&cached));
                    expected = expected.add_projective_niels(&cached);
                }
                2 => {
                    acc.add(|p| p.sub_projective_niels_completed(&cached));
                    expected = expected.sub_projective_niels(&cached);
                }
                _ => {
                    acc.add(|p| p.add_affine_niels_completed(&affine));
                    expected = expected.add_affine_niels(&affine);
                }
            }
            let got = { acc }.point();
            assert_eq!(got, expected, "after step {i}");
            // T is consistent: an addition after the conversion gives the same sum.
            assert_eq!(got + b, expected + b, "after step {i}");
        }
        assert!(expected != EdwardsPoint::IDENTITY);
        assert_eq!(acc.finish(), expected);
    }

    #[test]
    fn odd_multiples_of_2_128_b() {
        let p = EdwardsPoint::BASEPOINT.double_n(128);
        let p2 = p.double();
        let mut expected = p;
        for entry in BASE_2_128_ODD_MULTIPLES.iter() {
            let got = EdwardsPoint::IDENTITY.add_affine_niels(&AffineNiels::from_table(entry));
            assert_eq!(got, expected);
            expected += p2;
        }
    }

    #[test]
    fn short_multiples() {
        let l = <Curve25519Scalar as LimbParams<4>>::MODULUS;
        let mut ks: std::vec::Vec<Scalar> = scalars().collect();
        ks.extend([
            Scalar::from_limbs_reduced(&[u64::MAX, (1 << 63) - 1, 0, 0]), // 2^127 − 1
            Scalar::from_limbs_reduced(&[0, 1 << 63, 0, 0]),              // 2^127
            Scalar::from_limbs_reduced(&[
                l[0] >> 1 | l[1] << 63,
                l[1] >> 1 | l[2] << 63,
                l[2] >> 1 | l[3] << 63,
                l[3] >> 1,
            ]),
            -Scalar::from_u64(2),
        ]);
        for k in ks {
            let (c0, c1) = short_multiple_vartime(&k);
            assert!(
                c0 < 1 << 127 && c1 != 0 && c1.unsigned_abs() < 1 << 126,
                "{k:?}"
            );
            let c0 = Scalar::from_limbs_reduced(&[c0 as u64, (c0 >> 64) as u64, 0, 0]);
            let a = c1.unsigned_abs();
            let mut c1s = Scalar::from_limbs_reduced(&[a as u64, (a >> 64) as u64, 0, 0]);
            if c1 < 0 {
                c1s = -c1s;
            }
            assert_eq!(c0, c1s * k, "{k:?}");
        }
    }

    #[test]
    fn verification_point_decides_as_the_double_base() {
        let b = EdwardsPoint::BASEPOINT;
        // A point of order 8 (a torsion component to add to A and R).
        let torsion = EdwardsPoint::decompress(&[
            0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef,
            0x98, 0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88,
            0x6d, 0x53, 0xfc, 0x05,
        ])
        .unwrap();
        assert!(bool::from(torsion.is_small_order()) && !bool::from(torsion.is_identity()));
        for (n, k) in scalars().enumerate() {
            let secret = k.square() + Scalar::from_u64(n as u64 + 3);
            let big_a = EdwardsPoint::mul_base(&secret);
            let nonce = secret * k + Scalar::ONE;
            let r = EdwardsPoint::mul_base(&nonce);
            let s = nonce + k * secret; // [s]B = R + [k]A
            for (a, r, s, valid) in [
                (big_a, r, s, true),
                (big_a + torsion, r, s, true),
                (big_a, r + torsion, s, true),
                (big_a, r, s + Scalar::ONE, false),
                (big_a, r + b, s, false),
                // A changed: invalid, unless k = 0 (then A takes no part).
                (big_a + b, r, s, k == Scalar::ZERO),
            ] {
                let old = mul_double_base_vartime(&-k, &a, &s) - r;
                let new = mul_verification_vartime(&s, &k, &a, &r);
                assert_eq!(bool::from(old.is_small_order()), valid);
                assert_eq!(bool::from(new.is_small_order()), valid, "k = {k:?}");
            }
        }
    }

    #[test]
    fn double_n_is_repeated_doubling() {
        let mut p = EdwardsPoint::BASEPOINT.double() + EdwardsPoint::BASEPOINT;
        for n in 1..12 {
            let mut expected = p;
            for _ in 0..n {
                expected = expected.double();
            }
            let got = p.double_n(n);
            assert_eq!(got, expected);
            // T is consistent: an addition after double_n gives the same sum.
            assert_eq!(got + p, expected + p);
            p = got;
        }
    }

    /// Every entry of every row of `mul_base`'s table, both signs, and the zero digit: the scalar
    /// `d·2^(w·i)` has the one non-zero digit `d` in row `i` (reduced mod `ℓ` in the top row, where
    /// the product is still `d·2^(w·i)·B`).
    #[test]
    fn mul_base_reads_every_entry() {
        use crate::curves::curve25519::{BASE_TABLE, BASE_TABLE_ENTRIES, BASE_TABLE_ROWS};
        let e = BASE_TABLE_ENTRIES as i64;
        let w = BASE_TABLE_ENTRIES.trailing_zeros() + 1;
        let mut row_base = EdwardsPoint::BASEPOINT; // 2^(w·i)·B
        let mut power = Scalar::ONE; // 2^(w·i)
        for _ in 0..BASE_TABLE_ROWS {
            let mut expected = EdwardsPoint::IDENTITY;
            let mut k = Scalar::ZERO;
            for d in 0..=e {
                assert_eq!(mul_base(&k, &BASE_TABLE), expected, "d = {d}");
                assert_eq!(mul_base(&-k, &BASE_TABLE), -expected, "d = −{d}");
                expected += row_base;
                k += power;
            }
            for _ in 0..w {
                row_base = row_base.double();
                power = power + power;
            }
        }
    }

    #[test]
    fn against_reference() {
        let b = EdwardsPoint::BASEPOINT;
        let p = reference(&b, &Scalar::from_u64(987_654_321));
        for k in scalars() {
            let expected = reference(&b, &k);
            assert_eq!(EdwardsPoint::mul_base(&k), expected);
            assert_eq!(mul(&b, &k), expected);
            let kp = reference(&p, &k);
            assert_eq!(mul(&p, &k), kp);
            let a = k.square() + Scalar::ONE;
            assert_eq!(
                mul_double_base_vartime(&a, &p, &k),
                reference(&p, &a) + expected
            );
            #[cfg(feature = "alloc")]
            assert_eq!(
                multiscalar_mul_vartime(&k, &[a, k], &[p, b]),
                reference(&p, &a) + expected + expected
            );
        }
    }
}
