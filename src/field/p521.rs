//! The two fields of NIST P-521: the base field mod `p = 2^521 − 1` and the scalar field mod `n`.
//!
//! Layer: **fields**. Uses [`super::limb_field`] and [`super::limbs`].
//!
//! # The base field: a Mersenne prime, in plain form
//! `p = 2^521 − 1` (FIPS 186-5 / SP 800-186 §3.2.1.5), a Mersenne prime. Since `2^521 ≡ 1 (mod p)`,
//! any `x = x_lo + x_hi·2^521` with `x_lo < 2^521` satisfies
//!
//! ```text
//! x ≡ x_lo + x_hi  (mod p),
//! ```
//!
//! so reduction is a split at bit 521 and an addition — no multiplication and no division. This
//! is the reduction for moduli `b^t − c` of Handbook of Applied Cryptography (Menezes, van Oorschot,
//! Vanstone, 1996), §14.3.4, Algorithm 14.47, with `b = 2`, `t = 521`, `c = 1`, and the
//! "generalized Mersenne" reduction of Solinas ("Generalized Mersenne numbers", CORR 99-39, 1999),
//! the shape for which the NIST primes were chosen. Algorithm 14.47 folds while the high part is
//! non-zero; here the number of folds is fixed by the input bound (two for a product, one for a
//! 9-limb value, each followed by one conditional subtraction of `p`), so the code runs in
//! constant time.
//!
//! With a reduction this cheap, Montgomery form is not needed: [`FieldElement`] keeps the
//! **plain** value (`MONTGOMERY = false`), and [`P521Base`] overrides the multiplication and the
//! conversions (`to_repr` reduces, `from_repr` is the identity).
//!
//! Representation of [`FieldElement`]: nine saturated 64-bit limbs, little-endian, holding the value
//! `a` itself, always `< p` between operations (so the top limb holds at most 9 bits). Unsaturated
//! limbs (e.g. 58 bits each) would postpone carries and may be faster; the generic [`LimbField`]
//! works on saturated limbs, so this field does too.
//!
//! # Cost (measured with callgrind on x86-64, baseline target, per call in a loop)
//! * `mul`: the 81-word-product schoolbook product, then `reduce_wide`: about 970 instructions.
//! * `square`: the square with each cross product once (45 word products, see
//!   [`super::limbs::square_wide`]), then the same `reduce_wide`: about 560–575 instructions
//!   (964 when it was `mul`).
//!
//! # The scalar field
//! The group order `n` (521 bits) has no special shape; [`Scalar`] uses the generic Montgomery
//! CIOS multiplication (and the generic squaring, `limbs::mont_square`) with `R = 2^576`. That `n` is much smaller than `2^576` costs nothing in
//! correctness: `R mod n` and `R² mod n` are derived by modular doublings that keep every value
//! `< n`, and the CIOS bound `a·b < 2^576·n` holds for `a < 2^576`, `b < n`, giving an output
//! `< 2n` before its final conditional subtraction (see [`P521Scalar`]).

use super::limb_field::{LimbField, LimbParams};
use super::limbs::{adc, add, mul_wide, square_wide, sub, sub_if_ge};

/// Mask of the 9 bits of `p`'s top limb (`521 = 8·64 + 9`).
const TOP_MASK: u64 = 0x1ff;

/// Marker for the P-521 base field modulus `p = 2^521 − 1`: plain form, Mersenne reduction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct P521Base;

impl LimbParams<9> for P521Base {
    /// `p = 2^521 − 1`: eight limbs `2^64 − 1` and a top limb `2^9 − 1`.
    const MODULUS: [u64; 9] = [
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0x0000_0000_0000_01ff,
    ];
    type Bytes = [u8; 66];
    const NAME: &'static str = "p521::FieldElement";
    const MONTGOMERY: bool = false;

    /// `x mod p` for any `x < 2^576` (the generic code passes raw 66-byte decodings, `< 2^528`).
    #[inline]
    fn to_repr(x: &[u64; 9]) -> [u64; 9] {
        reduce(x, 0)
    }

    /// The identity: the representative is the value. Input and output `< p`.
    #[inline(always)]
    fn from_repr(a: &[u64; 9]) -> [u64; 9] {
        debug_assert!(lt_p(a), "P521Base::from_repr: a ≥ p");
        *a
    }

    /// `a·b mod p`.
    ///
    /// Input bounds: `a < 2^576`, `b < p`. Output `< p`.
    /// 1. Schoolbook product `t = a·b` ([`mul_wide`]: 18 limbs; `t < 2^576·2^521 = 2^1097`).
    /// 2. `reduce_wide`: two Mersenne folds and a conditional subtraction.
    #[inline]
    fn mul(a: &[u64; 9], b: &[u64; 9]) -> [u64; 9] {
        debug_assert!(lt_p(b), "P521Base::mul: b ≥ p");
        reduce_wide(&mul_wide(a, b))
    }

    /// `a² mod p`.
    ///
    /// Input `a < p`. Output `< p`.
    /// 1. Square `t = a²` with each cross product once ([`square_wide`]: 45 word products
    ///    instead of 81; `t < 2^1042`).
    /// 2. `reduce_wide`, as for [`P521Base::mul`].
    #[inline]
    fn square(a: &[u64; 9]) -> [u64; 9] {
        debug_assert!(lt_p(a), "P521Base::square: a ≥ p");
        reduce_wide(&square_wide(a))
    }
}

/// `t mod p` for an 18-limb `t < 2^1097` (so `t[17] < 2^9`), given as its low and high halves.
/// Output `< p`.
///
/// 1. Split at bit 521: `t_lo = t mod 2^521` (nine limbs, the top one masked to 9 bits) and
///    `t_hi = t >> 521 < 2^576` (nine limbs, each put together from two limbs of `t`).
/// 2. `s = t_lo + t_hi ≡ t (mod p)`, as nine limbs and a carry bit `c` (`s < 2^577`). Steps
///    1–2 are the first fold, on the 18-limb product.
/// 3. `reduce` `s + c·2^576`: a second, small fold (the part above bit 521 is now `< 2^56`)
///    and one conditional subtraction.
#[inline(always)]
fn reduce_wide(w: &[[u64; 9]; 2]) -> [u64; 9] {
    let t = w.as_flattened();
    debug_assert!(t[17] >> 9 == 0, "P-521 reduction: input ≥ 2^1097");
    // Step 1.
    let mut lo = w[0];
    lo[8] &= TOP_MASK;
    let mut hi = [0u64; 9];
    for k in 0..9 {
        hi[k] = (t[8 + k] >> 9) | (t[9 + k] << 55);
    }
    // Step 2.
    let (s, c) = add(&lo, &hi);
    // Step 3.
    reduce(&s, c)
}

/// Whether `a < p` (for `debug_assert!`s).
fn lt_p(a: &[u64; 9]) -> bool {
    let (_, borrow) = sub(a, &P521Base::MODULUS);
    borrow == 1
}

/// One Mersenne fold: `(x mod 2^521) + (x >> 521)` for `x = x_lo + c·2^576` (`c ∈ {0, 1}`), which
/// is `≡ x (mod p)`.
///
/// Input bound: `x < 2^577`. Output `< 2^521 + 2^56` (nine limbs, no carry out).
/// 1. `h = x >> 521 = (x_lo[8] >> 9) + c·2^55 < 2^56`, a single limb;
/// 2. `r = x_lo mod 2^521` (mask the top limb to its 9 bits);
/// 3. `r + h`, the carry running up the limbs; since `r < 2^521` and `h < 2^56`, the sum is
///    `< 2^521 + 2^56` and the top limb stays `< 2^10`.
#[inline(always)]
fn fold(x: &[u64; 9], c: u64) -> [u64; 9] {
    debug_assert!(c <= 1);
    // Step 1.
    let h = (x[8] >> 9) | (c << 55);
    // Step 2.
    let mut r = *x;
    r[8] &= TOP_MASK;
    // Step 3.
    let mut carry;
    (r[0], carry) = adc(r[0], h, 0);
    for limb in r.iter_mut().skip(1) {
        (*limb, carry) = adc(*limb, 0, carry);
    }
    debug_assert!(carry == 0 && r[8] >> 10 == 0);
    r
}

/// Full reduction `x mod p` for `x = x_lo + c·2^576` (`c ∈ {0, 1}`), in constant time.
///
/// Input bound: `x < 2^577`. Output `< p`.
/// 1. [`fold`]: `y ≡ x (mod p)` with `y < 2^521 + 2^56 < 2p`.
/// 2. `y − p` if `y ≥ p`: since `y < 2p`, one conditional subtraction gives the canonical value.
///    (Algorithm 14.47 would fold again when `y ≥ 2^521`; the subtraction does the same job here,
///    as `y − p = (y − 2^521) + 1`.)
#[inline(always)]
fn reduce(x: &[u64; 9], c: u64) -> [u64; 9] {
    // Step 1.
    let y = fold(x, c);
    // Step 2.
    let out = sub_if_ge(&y, 0, &P521Base::MODULUS);
    debug_assert!(lt_p(&out), "P-521 reduction: output ≥ p");
    out
}

/// An element of the P-521 base field `F_p` (see the [module docs](self) for the representation).
pub type FieldElement = LimbField<P521Base, 9>;

/// Marker for the P-521 group order `n` (generic Montgomery arithmetic: `n` has no special shape).
///
/// `n` has 521 bits, so it is much smaller than `R = 2^576`. The generic derivations still hold:
/// * `R mod n` and `R² mod n` come from `limbs::pow2_mod`, whose modular doublings need only
///   `x < n` (then `2x < 2n < 2^522`, no carry out of nine limbs);
/// * the CIOS multiplication needs `a·b < 2^576·n`, true for `a < 2^576` and `b < n` (the generic
///   code passes `b = R² mod n`, `1` or a reduced element). After round `i` the accumulator is
///   `< a + n < 2^577`, which fits the nine limbs and the overflow word, and the final value
///   `(a·b + Q·n)/2^576 < 2n`, so one conditional subtraction gives `< n`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct P521Scalar;

impl LimbParams<9> for P521Scalar {
    /// `n = 0x01ff…fffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409`
    /// (66 bytes: `0x01`, then 32 bytes `0xff`, then `fa51868783…386409`).
    const MODULUS: [u64; 9] = [
        0xbb6f_b71e_9138_6409,
        0x3bb5_c9b8_899c_47ae,
        0x7fcc_0148_f709_a5d0,
        0x5186_8783_bf2f_966b,
        0xffff_ffff_ffff_fffa,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0x0000_0000_0000_01ff,
    ];
    type Bytes = [u8; 66];
    const NAME: &'static str = "p521::Scalar";
}

/// An integer modulo the P-521 group order `n` (Montgomery form, `a·2^576 mod n`, always `< n`).
pub type Scalar = LimbField<P521Scalar, 9>;

#[cfg(test)]
mod tests {
    use super::super::limbs::{from_be_hex, sub_small};
    use super::*;

    #[test]
    fn moduli_match_the_standard() {
        let mut p = [u64::MAX; 9];
        p[8] = TOP_MASK;
        assert_eq!(P521Base::MODULUS, p);
        let n: [u64; 9] = from_be_hex(
            "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
             fa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
        );
        assert_eq!(P521Scalar::MODULUS, n);
    }

    #[test]
    fn reduce_edges() {
        let p = P521Base::MODULUS;
        let zero = [0u64; 9];
        assert_eq!(reduce(&zero, 0), zero);
        assert_eq!(reduce(&p, 0), zero);
        // p − 1 stays, p + 1 → 1.
        assert_eq!(reduce(&sub_small(&p, 1), 0), sub_small(&p, 1));
        let mut one = zero;
        one[0] = 1;
        assert_eq!(reduce(&add(&p, &one).0, 0), one);
        // 2^576 − 1 = 2^55·2^521 − 1 ≡ 2^55 − 1.
        let mut want = zero;
        want[0] = (1 << 55) - 1;
        assert_eq!(reduce(&[u64::MAX; 9], 0), want);
        // 2^521 + 5 ≡ 6: the fold alone leaves 2^521 + 5 ≥ p, the subtraction finishes.
        let mut x = zero;
        x[8] = 1 << 9;
        x[0] = 5;
        let mut six = zero;
        six[0] = 6;
        assert_eq!(reduce(&x, 0), six);
        // 2^577 − 1 (the largest input) ≡ 2^56 − 1.
        want[0] = (1 << 56) - 1;
        assert_eq!(reduce(&[u64::MAX; 9], 1), want);
    }

    #[test]
    fn mul_edges() {
        let p_minus_1 = sub_small(&P521Base::MODULUS, 1);
        let mut one = [0u64; 9];
        one[0] = 1;
        // (−1)·(−1) = 1; (2^576 − 1)·(−1) ≡ −(2^55 − 1) = p − 2^55 + 1.
        assert_eq!(P521Base::mul(&p_minus_1, &p_minus_1), one);
        let mut want = P521Base::MODULUS;
        want[0] -= (1 << 55) - 1;
        assert_eq!(P521Base::mul(&[u64::MAX; 9], &p_minus_1), want);
    }
}
