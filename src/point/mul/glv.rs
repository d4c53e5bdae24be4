//! The GLV strategy: scalar multiplication split in halves by an endomorphism (secp256k1).
//!
//! Uses the group law of [`ProjectivePoint`] and the Jacobian arithmetic, the recodings and
//! tables of the sibling parts (`recode`, `table`), the [`Field`] trait and the field layer's
//! [`limbs`] helpers, and the constants of [`Endomorphism`]. The dispatch in
//! [`point::mul`](super) sends a curve here when it has an endomorphism
//! ([`Curve::ENDOMORPHISM`]).
//!
//! # The endomorphism
//! On `y² = x³ + b` over `F_p` with `p ≡ 1 (mod 3)`, let `β ≠ 1` be a cube root of unity mod `p`.
//! Then `φ(x, y) = (β·x, y)` maps the curve to itself (`(βx)³ = x³`) and is a group homomorphism,
//! so on a group of prime order `n` it acts as multiplication by some `λ` with `λ³ ≡ 1 (mod n)`:
//! `φ(P) = λ·P` for every `P`. Computing `φ(P)` costs one field multiplication (in projective
//! coordinates, `(X : Y : Z) ↦ (β·X : Y : Z)`), against about 256 doublings and additions for
//! `λ·P` (R. Gallant, R. Lambert, S. Vanstone, "Faster point multiplication on elliptic curves with
//! efficient endomorphisms", CRYPTO 2001).
//!
//! # Splitting the scalar
//! Write `k ≡ k1 + k2·λ (mod n)` with `k1`, `k2` about half the size of `n`; then
//! `k·P = k1·P + k2·φ(P)`, two half-length multiplications that share one chain of doublings:
//! 128 doublings instead of 256.
//!
//! The short vectors `v1 = (a1, b1)`, `v2 = (a2, b2)` of the lattice
//! `{(x, y) : x + y·λ ≡ 0 (mod n)}` (GLV 2001) have determinant `a1·b2 − a2·b1 = n`. Writing
//! `(k, 0) = β1·v1 + β2·v2` over the rationals gives `β1 = k·b2 / n`, `β2 = −k·b1 / n`; rounding
//! them to integers `c1`, `c2` and subtracting `c1·v1 + c2·v2` (a lattice vector, so worth
//! `0 (mod n)`) leaves the short vector `(k1, k2) = (k, 0) − c1·v1 − c2·v2`, whose coordinates
//! are at most about `(|v1| + |v2|)/2 < 2^128` in absolute value. So
//! `k2 = −c1·b1 − c2·b2` and `k1 = k − k2·λ (mod n)`.
//!
//! The divisions by `n` are replaced by multiplications with the precomputed `g1 = round(2^384·b2
//! / n)` and `g2 = round(2^384·(−b1) / n)`: `c_i = round(k·g_i / 2^384)`, the high part of a
//! 256 × 256-bit product plus its rounding bit (J. Bos, C. Costello, H. Hisil, K. Lauter,
//! "High-performance scalar multiplication using 8-dimensional GLV/GLS decomposition", CHES 2013).
//! With 384 bits of precision a computed `c_i` can differ from the exact rounding by one; for
//! secp256k1's constants the halves still satisfy `|k1|, |k2| < 2^128` (libsecp256k1 documents a
//! proof; the tests here check `k1 + k2·λ ≡ k` and the bound on edge and random scalars). The
//! identity `k1 + k2·λ ≡ k` holds for any `c1`, `c2`; only the digit count depends on the bound,
//! and the constant-time recoding accepts magnitudes up to `2^131`.
//!
//! Each `k_i` is reduced mod `n`; a negative one appears as `n − |k_i|`, so it is replaced by
//! `|k_i|` and its point by the negative (here: its digits negated).

use super::super::jacobian::JacobianPoint;
use super::super::{AffinePoint, ProjectivePoint};
use super::recode::{MAX_NAF_DIGITS, wnaf_vartime};
use super::table::{
    Base, affine_multiples, g_table_width, lookup_affine, odd_multiples_common_z_vartime,
    wipe_table,
};
use crate::curves::{AffineCoords, Curve, Endomorphism};
use crate::field::{Field, limbs};
use subtle::{Choice, ConditionallyNegatable, ConditionallySelectable};
use zeroize::Zeroize;

/// Signed radix-16 digits of a half scalar `< 2^131`: 32 nibbles and a top digit.
const HALF_DIGITS: usize = 33;

/// `round(k·g / 2^384)` for `k, g < 2^256`: the top two limbs of the eight-limb product, plus
/// bit 383 (the rounding bit). Constant time: a fixed sequence of word operations.
/// 1. `t = k·g`, eight limbs.
/// 2. `t >> 384` plus bit 383 of `t`.
fn mul_shift_384(k: &[u64; 4], g: &[u64; 4]) -> [u64; 4] {
    // Step 1.
    let [_, t_hi] = limbs::mul_wide(k, g);
    // Step 2: t >> 384 (limbs 6 and 7), rounded by adding bit 383 (the top bit of limb 5). The
    // result is < 2^128 for the GLV constants (`c_i ≈ k·|b| / n` with `|b| < 2^128`), so the
    // carry out of limb 7 is zero.
    let (lo, carry) = limbs::adc(t_hi[2], t_hi[1] >> 63, 0);
    let (hi, carry) = limbs::adc(t_hi[3], 0, carry);
    debug_assert!(carry == 0);
    [lo, hi, 0, 0]
}

/// Splits `k` into `(k1, k2)` with `k ≡ k1 + k2·λ (mod n)` and `k1`, `k2` each in
/// `(−2^128, 2^128)` when read as signed residues (see the module docs). Constant time in `k`.
///
/// 1. `c1 = round(k·g1 / 2^384)`, `c2 = round(k·g2 / 2^384)`.
/// 2. `k2 = c1·(−b1) + c2·(−b2) mod n`.
/// 3. `k1 = k − k2·λ mod n`.
fn decompose<S: Field, B>(k: &S, e: &Endomorphism<S, B>) -> (S, S) {
    // Step 1 (the scalar's canonical limbs; `c1`, `c2 < 2^128 < n` are reduced already).
    let mut k_limbs = k.to_canonical_limbs::<4>();
    let mut c1 = S::from_limbs_reduced(&mul_shift_384(&k_limbs, &e.g1));
    let mut c2 = S::from_limbs_reduced(&mul_shift_384(&k_limbs, &e.g2));
    k_limbs.zeroize();
    // Step 2.
    let k2 = c1 * e.minus_b1 + c2 * e.minus_b2;
    // Step 3.
    let k1 = *k - k2 * e.lambda;
    c1.zeroize();
    c2.zeroize();
    (k1, k2)
}

/// The sign and magnitude of a scalar read as a signed residue in `(−n/2, n/2)`:
/// `(1, n − s)` if `n − s < s`, else `(0, s)`. Constant time: one subtraction's borrow and a
/// masked select.
fn signed_magnitude<S: Field>(s: &S) -> (Choice, [u64; 4]) {
    let pos = s.to_canonical_limbs::<4>();
    let neg = (-*s).to_canonical_limbs::<4>();
    let (_, negative) = limbs::sub(&neg, &pos);
    let magnitude = limbs::select(&pos, &neg, 0u64.wrapping_sub(negative));
    (Choice::from(negative as u8), magnitude)
}

/// Signed radix-16 digits `d_i ∈ [−8, 8]` of `m < 2^131`, least significant first, with
/// `Σ d_i·16^i = m`: each of the 32 nibbles plus the incoming carry gives `v ∈ [0, 16]`, the
/// new carry is 1 when `v ≥ 8` and the digit `v − 16·carry ∈ [−8, 7]`; the last nibble plus
/// carry (`≤ 8`) is kept as the top digit. Then all digits are negated when `negative`
/// is set, so that they spell `−m`. Constant time in `m` and `negative`.
fn recode_half(m: &[u64; 4], negative: Choice, digits: &mut [i8; HALF_DIGITS]) {
    debug_assert!(m[2] < 8 && m[3] == 0, "half scalar out of range");
    let mut carry = 0i8;
    for (i, d) in digits.iter_mut().enumerate() {
        // `i` is a public index: which limb and shift to read does not depend on `m`.
        let nibble = ((m[i / 16] >> (4 * (i % 16))) & 0xf) as i8;
        let v = nibble + carry;
        if i + 1 < HALF_DIGITS {
            carry = (v + 8) >> 4;
            *d = v - (carry << 4);
        } else {
            *d = v;
        }
    }
    for d in digits.iter_mut() {
        d.conditional_negate(negative);
    }
}

/// `k·P` in constant time with the endomorphism `e`.
///
/// 1. Split `k = k1 + k2·λ` ([`decompose`]) and take signs and magnitudes `< 2^128`.
/// 2. Affine tables `[P, 2P, …, 8P]` (`table::affine_multiples`: Jacobian doublings and mixed
///    additions for an affine `P`, complete additions for a projective one, and one
///    constant-time batch normalisation) and `[φ(P), …, 8·φ(P)]` (`β·x` of each entry:
///    8 multiplications).
/// 3. Recode both magnitudes into 33 signed radix-16 digits, negated for a negative half.
/// 4. From the top digit down: four shared doublings (Jacobian, [`JacobianPoint::double`]), then
///    one addition from each table: the mixed `madd-2004-hmv`
///    ([`JacobianPoint::add_mixed_distinct`]) at digit positions `i ≥ 2`, the complete mixed
///    addition in homogeneous coordinates at positions 1 and 0.
///
/// Cost: the tables (7 additions — for an affine `P` 4 doublings and 3 mixed additions — 1
/// inversion, 3·7 multiplications, 2 or 3 per entry, and 8 for `φ`), then 128 Jacobian
/// doublings (3M + 4S) and 66 additions (62 mixed Jacobian, 8M + 3S; 4 complete).
///
/// # Why the incomplete addition is exact at positions `i ≥ 2`
/// Let `S1`, `S2` be the values of the digits above position `i` (`S1 = Σ_{j>i} d1_j·16^(j−i−1)`,
/// likewise `S2`). The recoding takes magnitudes `m < 2^131` and the digits below and at `i` sum to
/// less than `16^(i+1)·8/15` in absolute value, so `|S1|, |S2| < 2^131/16^(i+1) + 1 ≤ 2^119 + 1`
/// for `i ≥ 2`. Before the first addition at `i` the accumulator is `(16·S1 + 16·S2·λ)·P`, and it
/// equals the addend `d1_i·P` exactly when `(16·S1 − d1_i) + (16·S2)·λ ≡ 0 (mod n)`, i.e. when
/// `(16·S1 − d1_i, 16·S2)` lies in the lattice `L = {(x, y) : x + y·λ ≡ 0 (mod n)}` of the split.
/// Likewise before the second addition, with `(16·S1 + d1_i, 16·S2 − d2_i)`. Both vectors have
/// coordinates below `2^123 + 24` in absolute value, and every non-zero vector of `L` has a
/// coordinate of at least `2^127` (its reduced basis has `|v1|² ≥ 2^255`, checked by the test
/// `lattice_has_no_short_vector`), so the vector is zero: `S1 = S2 = 0` and the digits involved
/// are zero, i.e. both operands are the identity, which `add_mixed_distinct` handles by
/// selections. So the accumulator never equals a non-identity addend, the one case
/// `madd-2004-hmv` gets wrong. Positions 1 and 0, where the partial sums reach `2^131`, use the
/// complete formulas. The top position starts from the identity-or-`d1·P` and adds `d2·φ(P)`:
/// the vector `(d1, −d2)` is short as well.
///
/// # Constant-time argument
/// The decomposition is a fixed sequence of word multiplications and field operations; signs are
/// found from a subtraction's borrow and applied with masks (`limbs::select`, subtle's
/// `conditional_negate`), never a branch. The recoding is arithmetic on nibbles at public
/// positions. The main loop has a fixed length (33 digit positions for every `k`, as the
/// magnitudes are recoded at a fixed width, not their actual length), and each addend is fetched
/// by `table::lookup_affine`, which reads all eight entries of its table and keeps one with masked
/// selections; the identities (a zero digit, an accumulator that is still the identity, `P`
/// itself) are handled by conditional selections. So no branch and no memory address depends on
/// `k` or `P`.
pub(super) fn mul<C: Curve>(
    p: Base<'_, C>,
    k: &C::Scalar,
    e: &Endomorphism<C::Scalar, C::Base>,
) -> ProjectivePoint<C> {
    // Step 1.
    let (mut k1, mut k2) = decompose(k, e);
    let (neg1, mut m1) = signed_magnitude(&k1);
    let (neg2, mut m2) = signed_magnitude(&k2);
    // Step 2.
    let (mut table, p_is_identity) = affine_multiples::<C, 8>(p);
    let mut table_phi = table.map(|(x, y)| (e.beta * x, y));
    // Step 3.
    let mut d1 = [0i8; HALF_DIGITS];
    let mut d2 = [0i8; HALF_DIGITS];
    recode_half(&m1, neg1, &mut d1);
    recode_half(&m2, neg2, &mut d2);
    // Step 4.
    let top = HALF_DIGITS - 1;
    let lookup = |t: &[(C::Base, C::Base); 8], d: i8| lookup_affine::<C, 8>(t, d);
    let mut acc = JacobianPoint::from_affine(&lookup(&table, d1[top]))
        .add_mixed_distinct(&lookup(&table_phi, d2[top]));
    for i in (2..top).rev() {
        acc = acc.double().double().double().double();
        acc = acc.add_mixed_distinct(&lookup(&table, d1[i]));
        acc = acc.add_mixed_distinct(&lookup(&table_phi, d2[i]));
    }
    let mut result = acc.to_projective();
    acc.zeroize();
    for i in (0..2).rev() {
        result = JacobianPoint::from_projective(&result)
            .double()
            .double()
            .double()
            .double()
            .to_projective();
        result = result.add_mixed(&lookup(&table, d1[i]));
        result = result.add_mixed(&lookup(&table_phi, d2[i]));
    }
    // Wipe the secret digits and halves (volatile writes, which the optimiser keeps).
    for x in [&mut d1[..], &mut d2[..]] {
        x.zeroize();
    }
    m1.zeroize();
    m2.zeroize();
    k1.zeroize();
    k2.zeroize();
    wipe_table(&mut table);
    wipe_table(&mut table_phi);
    ProjectivePoint::conditional_select(&result, &ProjectivePoint::IDENTITY, p_is_identity)
}

/// Width-`w` NAF of the half scalar `(negative, m)`, with every digit negated when `negative`
/// (so the digits spell the signed value). Returns the digit count. Variable time in `m`.
fn wnaf_half_vartime(
    (negative, m): (Choice, [u64; 4]),
    w: u32,
    digits: &mut [i16; MAX_NAF_DIGITS],
) -> usize {
    let len = wnaf_vartime(&m, w, digits);
    if bool::from(negative) {
        digits[..len].iter_mut().for_each(|d| *d = -*d);
    }
    len
}

/// `a·G + b·P` in **variable time** with the endomorphism `e`: leaks `a`, `b` and `P` through
/// timing. For verification only.
///
/// Both scalars are split ([`decompose`]), so four half-length multiplications share one chain
/// of about 128 doublings (Straus's interleaving, as in the `double_base` part):
/// * `a1·G` and `a2·φ(G)`: width-`w` NAFs against the compile-time odd multiples of `G`
///   (`g_table`, `2^(w−2)` of them); the `φ(G)` entries are made on the fly, one `β·x`
///   multiplication per non-zero digit (about 8 at secp256k1's `w = 15`), cheaper than a
///   second table;
/// * `b1·P` and `b2·φ(P)`: width-5 NAFs against `[P, 3P, …, 15P]`, built with a common `Z`
///   instead of an inversion ([`odd_multiples_common_z_vartime`], so the loop runs on an
///   isomorphic curve), and its image under `φ` (8 multiplications).
pub(super) fn mul_double_vartime<C: Curve>(
    a: &C::Scalar,
    b: &C::Scalar,
    p: &ProjectivePoint<C>,
    e: &Endomorphism<C::Scalar, C::Base>,
    g_table: &[AffineCoords<C::Base>],
) -> ProjectivePoint<C> {
    const W_P: u32 = 5;
    const LEN: usize = MAX_NAF_DIGITS;
    let w_g = g_table_width(g_table);
    let (a1, a2) = decompose(a, e);
    let (b1, b2) = decompose(b, e);
    let mut naf_a1 = [0i16; LEN];
    let mut naf_a2 = [0i16; LEN];
    let mut naf_b1 = [0i16; LEN];
    let mut naf_b2 = [0i16; LEN];
    let len = [
        wnaf_half_vartime(signed_magnitude(&a1), w_g, &mut naf_a1),
        wnaf_half_vartime(signed_magnitude(&a2), w_g, &mut naf_a2),
        wnaf_half_vartime(signed_magnitude(&b1), W_P, &mut naf_b1),
        wnaf_half_vartime(signed_magnitude(&b2), W_P, &mut naf_b2),
    ]
    .into_iter()
    .max()
    .unwrap_or(0);
    // P's odd multiples with a common `Z = s` (no inversion), as affine points of the curve
    // scaled by `s`, and their images under φ (β·x, y; the scaling commutes with φ). The loop runs
    // on the scaled curve: every addition is a mixed Jacobian–affine one, those of G's multiples
    // with the scaling folded in (`add_mixed_scaled_vartime`), and the result's `Z` is
    // multiplied by `s` at the end. For `P = O` the table is all identities and `s = 1`.
    let (table_p, s) = if bool::from(p.is_identity()) {
        ([AffinePoint::IDENTITY; 8], C::Base::ONE)
    } else {
        odd_multiples_common_z_vartime(&JacobianPoint::from_projective(p))
    };
    let table_phi_p = table_p.map(|t| AffinePoint {
        x: e.beta * t.x,
        ..t
    });
    let g_entry = |d: i16, with_phi: bool| {
        let (x, y) = g_table[(d.unsigned_abs() / 2) as usize];
        let x = if with_phi { e.beta * x } else { x };
        (x, if d < 0 { -y } else { y })
    };
    let p_entry = |table: &[AffinePoint<C>; 8], d: i16| {
        let t = table[(d.unsigned_abs() / 2) as usize];
        if d < 0 { -t } else { t }
    };
    let mut acc = JacobianPoint::<C>::IDENTITY;
    for i in (0..len).rev() {
        acc = acc.double();
        if naf_a1[i] != 0 {
            let (x, y) = g_entry(naf_a1[i], false);
            acc = acc.add_mixed_scaled_vartime(&x, &y, &s);
        }
        if naf_a2[i] != 0 {
            let (x, y) = g_entry(naf_a2[i], true);
            acc = acc.add_mixed_scaled_vartime(&x, &y, &s);
        }
        if naf_b1[i] != 0 {
            acc = acc.add_mixed_vartime(&p_entry(&table_p, naf_b1[i]));
        }
        if naf_b2[i] != 0 {
            acc = acc.add_mixed_vartime(&p_entry(&table_phi_p, naf_b2[i]));
        }
    }
    let acc = JacobianPoint::<C> {
        z: acc.z * s,
        ..acc
    };
    acc.to_projective()
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::curves::{Secp256k1, params};
    use crate::field::LimbParams;
    use crate::field::secp256k1::{FieldElement, Scalar};
    use crate::point::mul::mul_reference_vartime;
    use std::vec;
    use std::vec::Vec;

    const E: Endomorphism<Scalar, FieldElement> = match Secp256k1::ENDOMORPHISM {
        Some(e) => e,
        None => panic!("secp256k1 has an endomorphism"),
    };

    /// The scalar `v mod n`.
    fn from_limbs<S: Field>(v: &[u64; 4]) -> S {
        S::from_limbs_reduced(v)
    }

    /// The full product `a·b` of two 256-bit integers as eight limbs.
    fn mul_wide(a: &[u64; 4], b: &[u64; 4]) -> [u64; 8] {
        let [lo, hi] = limbs::mul_wide(a, b);
        core::array::from_fn(|i| if i < 4 { lo[i] } else { hi[i - 4] })
    }

    /// A deterministic stream of scalars (SplitMix64 words).
    fn scalars(count: usize) -> impl Iterator<Item = Scalar> {
        let mut state = 0x0123_4567_89ab_cdefu64;
        let mut next = move || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        (0..count).map(move |_| from_limbs(&[next(), next(), next(), next()]))
    }

    fn edge_scalars() -> Vec<Scalar> {
        let two_inv = Scalar::from_u64(2).invert().unwrap();
        let half = -Scalar::ONE * two_inv; // (n − 1)/2
        let mut v = vec![
            Scalar::ZERO,
            Scalar::ONE,
            -Scalar::ONE,
            E.lambda,
            -E.lambda,
            E.lambda * E.lambda,
            half,
            half + Scalar::ONE, // (n + 1)/2
            half - Scalar::ONE,
            E.minus_b1,
            -E.minus_b2,
            from_limbs(&[u64::MAX, u64::MAX, 0, 0]), // 2^128 − 1
            from_limbs(&[0, 0, 1, 0]),               // 2^128
            from_limbs(&[u64::MAX; 4]),              // 2^256 − 1 mod n
        ];
        // Near the rounding boundaries of c1 and c2: k ≈ j·n / g_i·2^384 is hard to hit
        // directly; random scalars (below) cover the rest.
        v.extend((1..64).map(|i| -Scalar::from_u64(i)));
        v.extend((1..64).map(Scalar::from_u64));
        v
    }

    /// `φ` on a projective point: `(X : Y : Z) ↦ (β·X : Y : Z)`, one field multiplication.
    fn phi<C: Curve>(p: &ProjectivePoint<C>, beta: &C::Base) -> ProjectivePoint<C> {
        ProjectivePoint::new(*beta * p.x, p.y, p.z)
    }

    fn check_split(k: &Scalar) {
        let (k1, k2) = decompose(k, &E);
        assert_eq!(k1 + k2 * E.lambda, *k, "k1 + k2·λ = k for {k:?}");
        for half in [k1, k2] {
            let (negative, m) = signed_magnitude(&half);
            assert!(m[2] == 0 && m[3] == 0, "|k_i| < 2^128 for {k:?}");
            let value: Scalar = from_limbs(&m);
            let signed = if bool::from(negative) { -value } else { value };
            assert_eq!(signed, half, "sign and magnitude");
        }
    }

    #[test]
    fn constants_are_consistent() {
        // β and λ are non-trivial cube roots of unity.
        assert_ne!(E.beta, FieldElement::ONE);
        assert_eq!(E.beta * E.beta * E.beta, FieldElement::ONE);
        assert_ne!(E.lambda, Scalar::ONE);
        assert_eq!(E.lambda * E.lambda * E.lambda, Scalar::ONE);
        // The basis vectors lie in the lattice: a_i + b_i·λ ≡ 0 (mod n).
        let h = &params::SECP256K1_GLV;
        let hex = |s: &str| from_limbs::<Scalar>(&limbs::from_be_hex(s));
        assert_eq!(hex(h.a1) - E.minus_b1 * E.lambda, Scalar::ZERO);
        assert_eq!(hex(h.a2) + hex(h.b2) * E.lambda, Scalar::ZERO);
        assert_eq!(-hex(h.b2), E.minus_b2);
        // φ(G) = λ·G, and φ(P) = λ·P for another point.
        let g = ProjectivePoint::<Secp256k1>::GENERATOR;
        assert_eq!(phi(&g, &E.beta), mul_reference_vartime(&g, &E.lambda));
        let p = mul_reference_vartime(&g, &scalars(1).next().unwrap());
        assert_eq!(phi(&p, &E.beta), mul_reference_vartime(&p, &E.lambda));
    }

    /// `a² + b²` for `|a|, |b| < 2^192` given as magnitudes, as eight limbs.
    fn norm2(a: &[u64; 4], b: &[u64; 4]) -> [u64; 8] {
        let (sum, carry) = limbs::add(&mul_wide(a, a), &mul_wide(b, b));
        assert_eq!(carry, 0);
        sum
    }

    /// The fact `mul`'s exactness proof rests on: every non-zero vector `(x, y)` of the lattice
    /// `L = {(x, y) : x + y·λ ≡ 0 (mod n)}` has `max(|x|, |y|) ≥ 2^127`.
    ///
    /// `v1 = (a1, b1)`, `v2 = (a2, b2)` lie in `L` (`constants_are_consistent`) and have
    /// determinant `a1·b2 − a2·b1 = n`, the index of `L` in `Z²`, so they are a basis of `L`. The
    /// basis is Lagrange–Gauss reduced (`|v1| ≤ |v2|` and `2·|⟨v1, v2⟩| ≤ |v1|²`), so `v1` is a
    /// shortest non-zero vector of `L` (Lagrange 1773; e.g. Nguyen, "Hermite's constant and
    /// lattice algorithms", 2010, §3). Any non-zero `v ∈ L` then has
    /// `max(|x|, |y|)² ≥ |v|²/2 ≥ |v1|²/2`, and `|v1|² ≥ 2^255` gives the bound.
    #[test]
    fn lattice_has_no_short_vector() {
        let h = &params::SECP256K1_GLV;
        let hex = |s: &str| -> [u64; 4] { limbs::from_be_hex(s) };
        // Magnitudes; the signs: a1, a2, b2 > 0 and b1 = −minus_b1 < 0.
        let (a1, b1, a2, b2) = (hex(h.a1), hex(h.minus_b1), hex(h.a2), hex(h.b2));
        // a1·b2 − a2·b1 = a1·b2 + a2·|b1| = n.
        let (det, carry) = limbs::add(&mul_wide(&a1, &b2), &mul_wide(&a2, &b1));
        assert_eq!(carry, 0);
        let mut n = [0u64; 8];
        n[..4].copy_from_slice(&crate::field::secp256k1::Secp256k1Scalar::MODULUS);
        assert_eq!(det, n, "det(v1, v2) = n");
        let (v1, v2) = (norm2(&a1, &b1), norm2(&a2, &b2));
        let (_, borrow) = limbs::sub(&v2, &v1);
        assert_eq!(borrow, 0, "|v1| ≤ |v2|");
        // ⟨v1, v2⟩ = a1·a2 − |b1|·b2; its magnitude.
        let (p, q) = (mul_wide(&a1, &a2), mul_wide(&b1, &b2));
        let (d, borrow) = limbs::sub(&p, &q);
        let dot = if borrow == 1 { limbs::sub(&q, &p).0 } else { d };
        let (twice_dot, carry) = limbs::add(&dot, &dot);
        assert_eq!(carry, 0);
        let (_, borrow) = limbs::sub(&v1, &twice_dot);
        assert_eq!(borrow, 0, "2·|⟨v1, v2⟩| ≤ |v1|²");
        let two_255 = [0, 0, 0, 1 << 63, 0, 0, 0, 0];
        let (_, borrow) = limbs::sub(&v1, &two_255);
        assert_eq!(borrow, 0, "|v1|² ≥ 2^255");
    }

    #[test]
    fn rounding_constants() {
        // g1 = round(2^384·b2 / n), g2 = round(2^384·(−b1) / n): |g·n − 2^384·b| ≤ (n − 1)/2.
        let h = &params::SECP256K1_GLV;
        let n = crate::field::secp256k1::Secp256k1Scalar::MODULUS;
        let mut half_n = [0u64; 8];
        half_n[..4].copy_from_slice(&limbs::shr1(&n));
        for (g, b) in [(E.g1, h.b2), (E.g2, h.minus_b1)] {
            let gn = mul_wide(&g, &n);
            let b: [u64; 2] = limbs::from_be_hex(b);
            let target = [0, 0, 0, 0, 0, 0, b[0], b[1]];
            let (d, borrow) = limbs::sub(&gn, &target);
            let (neg_d, _) = limbs::sub(&target, &gn);
            let diff = if borrow == 1 { neg_d } else { d };
            let (_, too_far) = limbs::sub(&half_n, &diff);
            assert_eq!(too_far, 0, "rounding constant");
        }
    }

    #[test]
    fn decomposition_edges_and_random() {
        for k in edge_scalars().into_iter().chain(scalars(2000)) {
            check_split(&k);
        }
    }

    #[test]
    fn half_recoding() {
        for m in [
            [0u64, 0, 0, 0],
            [1, 0, 0, 0],
            [u64::MAX, u64::MAX, 0, 0],
            [0x8888_8888_8888_8888, 0x8888_8888_8888_8888, 0, 0],
            [0, 0, 1, 0],
            [u64::MAX, u64::MAX, 7, 0],
        ] {
            for negative in [0u8, 1] {
                let mut digits = [0i8; HALF_DIGITS];
                recode_half(&m, Choice::from(negative), &mut digits);
                assert!(digits.iter().all(|d| (-8..=8).contains(d)));
                let value = digits.iter().rev().fold(Scalar::ZERO, |acc, &d| {
                    let mag = Scalar::from_u64(d.unsigned_abs() as u64);
                    acc * Scalar::from_u64(16) + if d < 0 { -mag } else { mag }
                });
                let m: Scalar = from_limbs(&m);
                assert_eq!(value, if negative == 1 { -m } else { m });
            }
        }
    }

    #[test]
    fn glv_mul_matches_reference() {
        let g = ProjectivePoint::<Secp256k1>::GENERATOR;
        let p = mul_reference_vartime(&g, &Scalar::from_u64(0xdead_beef));
        let table = Secp256k1::G_ODD_MULTIPLES.unwrap();
        for k in edge_scalars().into_iter().chain(scalars(8)) {
            let k_p = mul_reference_vartime(&p, &k);
            let k_g = mul_reference_vartime(&g, &k);
            assert_eq!(mul(Base::Projective(&p), &k, &E), k_p, "ct GLV mul");
            let one = Scalar::ONE;
            let dbl = |a, b| mul_double_vartime(a, b, &p, &E, table);
            assert_eq!(dbl(&k, &one), k_g + p, "vartime GLV, b = 1");
            assert_eq!(dbl(&one, &k), g + k_p, "vartime GLV, a = 1");
            assert_eq!(dbl(&k, &k), k_g + k_p, "vartime GLV");
        }
    }
}
