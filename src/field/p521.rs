//! The two fields of NIST P-521: the base field mod `p = 2^521 − 1` and the scalar field mod `n`.
//!
//! Layer: **fields**. Uses [`super::unsaturated`] and [`super::limb_field`].
//!
//! # The base field: a Mersenne prime
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
//! the shape for which the NIST primes were chosen.
//!
//! ## [`FieldElement`]: unsaturated radix `2^58`, loosely reduced
//! The element type is the generic [`UnsaturatedField`] with [`P521Base`]: nine limbs
//! `a_0, …, a_8` of a **radix-`2^58`** number `Σ a_i·2^(58i)`, eight 58-bit limbs and a 57-bit top
//! limb making exactly the 521 bits of `p` (`8·58 + 57 = 521`). Each 64-bit word thus has 6 (top:
//! 7) spare bits, so sums of limbs need no carry chain and products of limbs leave room in 128-bit
//! column sums. This is the layout of D. J. Bernstein's curve25519 implementations (radix `2^51`
//! for `2^255 − 19`; "Curve25519: new Diffie-Hellman speed records", PKC 2006, §4) applied to a
//! Mersenne prime, where the reduction constant is 1: the weight `2^521` of the bits above the top
//! limb wraps to limb 0 unchanged, and the weight `2^(58·9) = 2^522 ≡ 2` of the high product
//! columns wraps to the low columns doubled.
//!
//! Values are kept **loosely reduced**: between operations only the bound `a_i < 2^59` (`i < 8`),
//! `a_8 < 2^58` holds (one slack bit above each limb's width) — any representative `≡` the
//! element mod `p`, up to about `2^523`.
//! * `+`, `double`: limb-wise sum, then one parallel carry round (no carry chain);
//! * `−`, `neg`: limb-wise `a + 4p − b` (the limbs of `4p`, `4·(2^58 − 1)` and `4·(2^57 − 1)`,
//!   exceed every bounded limb, so nothing goes negative), then one carry round;
//! * `·`, `square`: schoolbook columns in 128 bits with the wrap `2^522 ≡ 2`, one carry pass
//!   (`mul_limbs`, `square_limbs`, here);
//! * equality, `is_zero`, `is_odd` and the encodings go through the canonical form (`freeze`,
//!   here; constant time); inversion is the generic safegcd on the canonical value in nine
//!   saturated limbs; square roots are `a^((p+1)/4) = a^(2^519)`, 519 squarings.
//!
//! The generic code ([`super::unsaturated`]) does the additions, conversions, inversion and the
//! `Field` plumbing; this module gives the multiplication, squaring, freeze and square root.
//!
//! ## `LimbField<P521Base, 9>`
//! [`P521Base`] also implements [`LimbParams`] with the defaults (Montgomery form, `R = 2^576`,
//! the generic CIOS code): the same field in saturated limbs, which the generic [`LimbField`]
//! tests and the run-time table checks use with the other curves' fields. The curve does not.
//!
//! # Cost (measured with callgrind on x86-64, baseline target, per call in a loop)
//! * [`FieldElement`] `mul`: 81 word products summed into 9 columns with the carries
//!   interleaved: about 645 instructions. `square`: 45 word products: about 410.
//! * Addition, subtraction: 9 word additions and one carry round, about 40 instructions.
//!
//! # The scalar field
//! The group order `n` (521 bits) has no special shape; [`Scalar`] uses the generic Montgomery
//! CIOS multiplication (and the generic squaring, `limbs::mont_square`) with `R = 2^576`. That `n`
//! is much smaller than `2^576` costs nothing in correctness: `R mod n` and `R² mod n` are derived
//! by modular doublings that keep every value `< n`, and the CIOS bound `a·b < 2^576·n` holds for
//! `a < 2^576`, `b < n`, giving an output `< 2n` before its final conditional subtraction (see
//! [`P521Scalar`]).

use super::Field;
use super::limb_field::{LimbField, LimbParams};
use super::unsaturated::{UnsaturatedField, UnsaturatedParams};
use subtle::{ConditionallySelectable, ConstantTimeEq, CtOption};

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

/// Bits per limb of [`FieldElement`] (limbs `0..8`; limb 8 has `TOP_BITS`).
const RADIX: u32 = 58;
/// `2^58 − 1`.
const LIMB_MASK: u64 = (1 << RADIX) - 1;
/// Bits of the top limb: `521 − 8·58 = 57`.
const TOP_BITS: u32 = 521 - 8 * RADIX;
/// `2^57 − 1`.
const TOP_LIMB_MASK: u64 = (1 << TOP_BITS) - 1;

/// Marker for the P-521 base field modulus `p = 2^521 − 1`: unsaturated radix `2^58` with the
/// Mersenne reduction ([`FieldElement`]); also the saturated Montgomery `LimbField<P521Base, 9>`
/// (module docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct P521Base;

impl UnsaturatedParams<9, 9> for P521Base {
    const MODULUS: [u64; 9] = MODULUS;
    type Bytes = [u8; 66];
    const NAME: &'static str = "p521::FieldElement";
    const RADIX: u32 = RADIX;
    /// The bound between operations: `a_i < 2^59`, `a_8 < 2^58`.
    const SLACK_BITS: u32 = 1;
    /// `4p`: its limbs `4·(2^58 − 1) ≥ 2^59 − 1` and `4·(2^57 − 1) ≥ 2^58 − 1` exceed every
    /// bounded limb.
    const SUB_MULTIPLE: u64 = 4;
    /// A squaring (45 word products) costs about 0.63 of a multiplication (81) here, and the
    /// lazily reduced additions are cheap.
    const FAST_SQUARE: bool = true;

    #[inline(always)]
    fn mul(a: &[u64; 9], b: &[u64; 9]) -> [u64; 9] {
        mul_limbs(a, b)
    }

    #[inline(always)]
    fn square(a: &[u64; 9]) -> [u64; 9] {
        square_limbs(a)
    }

    #[inline]
    fn freeze(a: &[u64; 9]) -> [u64; 9] {
        freeze(a)
    }

    /// `p ≡ 3 (mod 4)`: `r = a^((p+1)/4) = a^(2^519)`, 519 squarings, then check `r² = a`.
    fn sqrt(a: &FieldElement) -> CtOption<FieldElement> {
        let r = square_n(a, 519);
        CtOption::new(r, r.square().ct_eq(a))
    }
}

/// The saturated form of the same field: the defaults (Montgomery form, generic CIOS code).
impl LimbParams<9> for P521Base {
    const MODULUS: [u64; 9] = MODULUS;
    type Bytes = [u8; 66];
    const NAME: &'static str = "LimbField<P521Base, 9>";
}

/// Whether the limbs satisfy the bound between operations: `a_i < 2^59` for `i < 8`, `a_8 < 2^58`.
const fn is_loose(a: &[u64; 9]) -> bool {
    FieldElement::is_loose(a)
}

/// The canonical limbs of `a mod p` (each below its radix, value `< p`), in constant time.
///
/// Input: the bound between operations. Steps (the "freeze" of Bernstein's curve25519 code):
/// 1. A sequential carry pass, the top excess (`≤ 2`) going to limb 0: every limb but limb 0 is
///    below its radix and limb 0 is `< 2^58 + 2`, so the value `v < 2^521 + 2`.
/// 2. A second sequential pass, whose top excess `h = ⌊v / 2^521⌋ ∈ {0, 1}` is added to limb 0
///    again; when `h = 1` the low part is `v − 2^521 < 2`, so limb 0 stays below `2^58`. Now the
///    limbs are exact and the value is `< 2^521`, i.e. `≤ p`.
/// 3. The value equals `p` exactly when every limb is all ones; then the result is `0`. The test
///    is a mask computed without a branch (`subtle`'s `ct_eq` and `conditional_select`).
#[inline]
fn freeze(a: &[u64; 9]) -> [u64; 9] {
    debug_assert!(is_loose(a), "p521 freeze: input out of bounds");
    let mut r = *a;
    // Steps 1 and 2.
    let mut pass = 0;
    while pass < 2 {
        let mut i = 0;
        while i < 8 {
            r[i + 1] += r[i] >> RADIX;
            r[i] &= LIMB_MASK;
            i += 1;
        }
        let h = r[8] >> TOP_BITS;
        r[8] &= TOP_LIMB_MASK;
        r[0] += h;
        pass += 1;
    }
    // Step 3.
    let mut all = LIMB_MASK;
    let mut i = 0;
    while i < 8 {
        all &= r[i];
        i += 1;
    }
    let d = (all ^ LIMB_MASK) | (r[8] ^ TOP_LIMB_MASK);
    // `d = 0` (the value is p) ⇒ keep = 0; otherwise keep = all ones. Through `subtle`, whose
    // `Choice` hides the bit from the optimiser (a plain `d != 0` mask may become a branch).
    let keep = u64::conditional_select(&u64::MAX, &0, d.ct_eq(&0));
    let mut i = 0;
    while i < 9 {
        r[i] &= keep;
        i += 1;
    }
    r
}

/// `a·b mod p` (not fully reduced), schoolbook with the wrap-around `2^522 ≡ 2`.
///
/// Input: both within the bound between operations (`< 2^59` per limb). Output: limbs
/// `< 2^58` except `r_1 < 2^58 + 2^11`, top `< 2^57`.
/// 1. Column `k` (weight `2^(58k)`, `k < 9`) is `Σ_(i+j=k) a_i·b_j + 2·Σ_(i+j=k+9) a_i·b_j`:
///    a product with `i + j = k + 9` has weight `2^(58k)·2^522 ≡ 2^(58k)·2`. The wrapped sum
///    (`≤ 8` products `< 2^118`) is doubled by one shift. At most 17 product-weights of
///    `< 2^118`: the columns are `< 2^123`.
/// 2. The carry pass, interleaved with step 1 (column `k + 1` is summed onto the excess
///    `acc >> 58` of column `k`, which keeps few values live): limb `k` keeps 58 bits (the top
///    limb 57); the running sums stay `< 2^124`.
/// 3. `fold_top`: the top excess, of weight `2^521 ≡ 1`, goes to limb 0.
#[inline(always)]
fn mul_limbs(a: &[u64; 9], b: &[u64; 9]) -> [u64; 9] {
    debug_assert!(is_loose(a) && is_loose(b), "p521 mul: input out of bounds");
    // Steps 1 and 2 (written out: the 81 products in straight-line code).
    let mut r = [0u64; 9];
    let mut acc = m(a[0], b[0])
        + ((m(a[1], b[8])
            + m(a[2], b[7])
            + m(a[3], b[6])
            + m(a[4], b[5])
            + m(a[5], b[4])
            + m(a[6], b[3])
            + m(a[7], b[2])
            + m(a[8], b[1]))
            << 1);
    r[0] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], b[1])
        + m(a[1], b[0])
        + ((m(a[2], b[8])
            + m(a[3], b[7])
            + m(a[4], b[6])
            + m(a[5], b[5])
            + m(a[6], b[4])
            + m(a[7], b[3])
            + m(a[8], b[2]))
            << 1);
    r[1] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], b[2])
        + m(a[1], b[1])
        + m(a[2], b[0])
        + ((m(a[3], b[8])
            + m(a[4], b[7])
            + m(a[5], b[6])
            + m(a[6], b[5])
            + m(a[7], b[4])
            + m(a[8], b[3]))
            << 1);
    r[2] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], b[3])
        + m(a[1], b[2])
        + m(a[2], b[1])
        + m(a[3], b[0])
        + ((m(a[4], b[8]) + m(a[5], b[7]) + m(a[6], b[6]) + m(a[7], b[5]) + m(a[8], b[4])) << 1);
    r[3] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], b[4])
        + m(a[1], b[3])
        + m(a[2], b[2])
        + m(a[3], b[1])
        + m(a[4], b[0])
        + ((m(a[5], b[8]) + m(a[6], b[7]) + m(a[7], b[6]) + m(a[8], b[5])) << 1);
    r[4] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], b[5])
        + m(a[1], b[4])
        + m(a[2], b[3])
        + m(a[3], b[2])
        + m(a[4], b[1])
        + m(a[5], b[0])
        + ((m(a[6], b[8]) + m(a[7], b[7]) + m(a[8], b[6])) << 1);
    r[5] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], b[6])
        + m(a[1], b[5])
        + m(a[2], b[4])
        + m(a[3], b[3])
        + m(a[4], b[2])
        + m(a[5], b[1])
        + m(a[6], b[0])
        + ((m(a[7], b[8]) + m(a[8], b[7])) << 1);
    r[6] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], b[7])
        + m(a[1], b[6])
        + m(a[2], b[5])
        + m(a[3], b[4])
        + m(a[4], b[3])
        + m(a[5], b[2])
        + m(a[6], b[1])
        + m(a[7], b[0])
        + ((m(a[8], b[8])) << 1);
    r[7] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], b[8])
        + m(a[1], b[7])
        + m(a[2], b[6])
        + m(a[3], b[5])
        + m(a[4], b[4])
        + m(a[5], b[3])
        + m(a[6], b[2])
        + m(a[7], b[1])
        + m(a[8], b[0]);
    r[8] = (acc as u64) & TOP_LIMB_MASK;
    // Step 3.
    fold_top(r, acc >> TOP_BITS)
}

/// `a² mod p` (not fully reduced): `mul_limbs` with each cross product computed once (45 word
/// products instead of 81).
///
/// Input: the bound between operations. Output as for `mul_limbs`.
/// 1. With `d_i = 2·a_i < 2^60`: column `k` gets `a_i·d_j` for `i < j`, `i + j = k`, and `a_i²`
///    for `2i = k`; the wrapped terms (`i + j = k + 9`, doubled once more by `2^522 ≡ 2`) are
///    `d_i·d_j` for `i < j` and `a_i·d_i` for `2i = k + 9`. The column bound is that of
///    `mul_limbs`.
/// 2. The carry pass and `fold_top`, as for `mul_limbs`.
#[inline(always)]
fn square_limbs(a: &[u64; 9]) -> [u64; 9] {
    debug_assert!(is_loose(a), "p521 square: input out of bounds");
    let d = a.map(|limb| limb << 1);
    // Steps 1 and 2 (written out: the 45 products in straight-line code).
    let mut r = [0u64; 9];
    let mut acc = m(a[0], a[0]) + m(d[1], d[8]) + m(d[2], d[7]) + m(d[3], d[6]) + m(d[4], d[5]);
    r[0] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], d[1])
        + m(d[2], d[8])
        + m(d[3], d[7])
        + m(d[4], d[6])
        + m(a[5], d[5]);
    r[1] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], d[2])
        + m(a[1], a[1])
        + m(d[3], d[8])
        + m(d[4], d[7])
        + m(d[5], d[6]);
    r[2] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], d[3])
        + m(a[1], d[2])
        + m(d[4], d[8])
        + m(d[5], d[7])
        + m(a[6], d[6]);
    r[3] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], d[4])
        + m(a[1], d[3])
        + m(a[2], a[2])
        + m(d[5], d[8])
        + m(d[6], d[7]);
    r[4] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], d[5])
        + m(a[1], d[4])
        + m(a[2], d[3])
        + m(d[6], d[8])
        + m(a[7], d[7]);
    r[5] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], d[6])
        + m(a[1], d[5])
        + m(a[2], d[4])
        + m(a[3], a[3])
        + m(d[7], d[8]);
    r[6] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], d[7])
        + m(a[1], d[6])
        + m(a[2], d[5])
        + m(a[3], d[4])
        + m(a[8], d[8]);
    r[7] = (acc as u64) & LIMB_MASK;
    acc = (acc >> RADIX)
        + m(a[0], d[8])
        + m(a[1], d[7])
        + m(a[2], d[6])
        + m(a[3], d[5])
        + m(a[4], a[4]);
    r[8] = (acc as u64) & TOP_LIMB_MASK;
    // Step 3.
    fold_top(r, acc >> TOP_BITS)
}

/// The 128-bit product of two limbs.
#[inline(always)]
const fn m(x: u64, y: u64) -> u128 {
    x as u128 * y as u128
}

/// The end of the carry pass after a product: the top excess `h < 2^68` has weight
/// `2^521 ≡ 1`, so it is added to limb 0 (in 128 bits), and limb 0's new excess (`< 2^11`) goes
/// to limb 1.
///
/// Input: `r_i < 2^58` (`i < 8`), `r_8 < 2^57`. Output: the same, except `r_1 < 2^58 + 2^11`.
#[inline(always)]
fn fold_top(mut r: [u64; 9], h: u128) -> [u64; 9] {
    debug_assert!(h >> 68 == 0);
    let t = r[0] as u128 + h;
    r[0] = (t as u64) & LIMB_MASK;
    r[1] += (t >> RADIX) as u64;
    r
}

/// An element of the P-521 base field `F_p`, `p = 2^521 − 1`, in **unsaturated** radix `2^58`
/// (see the [module docs](self)).
///
/// Nine little-endian limbs `a_0, …, a_8` stand for `Σ a_i·2^(58i)`, any integer congruent to the
/// element modulo `p`. Bound between operations: `a_i < 2^59` for `i < 8` and `a_8 < 2^58`
/// (so one limb may carry about one bit more than its radix). Equality, encodings and parity go
/// through the canonical form (`freeze`).
pub type FieldElement = UnsaturatedField<P521Base, 9, 9>;

/// `a^(2^k)` by `k` squarings.
fn square_n(a: &FieldElement, k: u32) -> FieldElement {
    let mut r = *a;
    for _ in 0..k {
        r = r.square();
    }
    r
}

impl UnsaturatedField<P521Base, 9, 9> {
    /// Fermat inversion `a^(p−2)`, `p − 2 = 2^521 − 3 = (2^519 − 1)·2^2 + 1`, constant time: an
    /// addition chain through `a^(2^k − 1)` (`x_(2k) = x_k^(2^k)·x_k`), 520 squarings and 13
    /// multiplications. Kept as the textbook method and as a cross-check of [`Field::invert`].
    pub fn invert_fermat(&self) -> CtOption<Self> {
        let x1 = *self;
        let x2 = x1.square() * x1;
        let x3 = x2.square() * x1;
        let x4 = square_n(&x2, 2) * x2;
        let x7 = square_n(&x4, 3) * x3;
        let x8 = square_n(&x4, 4) * x4;
        let x16 = square_n(&x8, 8) * x8;
        let x32 = square_n(&x16, 16) * x16;
        let x64 = square_n(&x32, 32) * x32;
        let x128 = square_n(&x64, 64) * x64;
        let x256 = square_n(&x128, 128) * x128;
        let x512 = square_n(&x256, 256) * x256;
        let x519 = square_n(&x512, 7) * x7;
        let r = square_n(&x519, 2) * x1;
        CtOption::new(r, !self.is_zero())
    }
}

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
    use super::super::GenericField;
    use super::super::limbs::{from_be_hex, sub_small};
    use super::*;

    crypto_bigint::const_prime_monty_params!(
        OracleP,
        crypto_bigint::U576,
        "00000000000001ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        3
    );
    /// The crypto-bigint field with the same modulus: the oracle.
    type Oracle = GenericField<OracleP, 9, 66>;

    #[test]
    fn moduli_match_the_standard() {
        let mut p = [u64::MAX; 9];
        p[8] = 0x1ff;
        assert_eq!(<P521Base as UnsaturatedParams<9, 9>>::MODULUS, p);
        assert_eq!(<P521Base as LimbParams<9>>::MODULUS, p);
        assert_eq!(
            Oracle::ZERO - Oracle::ONE,
            Oracle::from_limbs_reduced(&sub_small(&p, 1))
        );
        let n: [u64; 9] = from_be_hex(
            "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
             fa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
        );
        assert_eq!(P521Scalar::MODULUS, n);
    }

    /// The element `Σ a_i·2^(58i) mod p` of raw radix-`2^58` limbs, computed in the oracle
    /// (Horner's rule), as a reference for the unsaturated code.
    fn reference(a: &[u64; 9]) -> Oracle {
        let radix = Oracle::from_u64(1 << RADIX);
        let mut acc = Oracle::ZERO;
        for limb in a.iter().rev() {
            acc = acc * radix + Oracle::from_u64(*limb);
        }
        acc
    }

    fn check_same(x: &FieldElement, r: &Oracle) {
        assert!(
            is_loose(x.loose_limbs()),
            "{:x?} out of bounds",
            x.loose_limbs()
        );
        assert_eq!(x.to_bytes(), r.to_bytes());
    }

    /// Raw inputs at the bound between operations (`2^59 − 1` per limb, `2^58 − 1` on top), at
    /// the canonical maxima, at `p`, `2p`, `4p` in several limb spellings, and pseudo-random
    /// limbs below the bound: every operation stays within the bound and agrees with the
    /// crypto-bigint oracle, and the canonical form is the reduced value.
    #[test]
    fn unsaturated_bounds() {
        let fixed: [[u64; 9]; 7] = [
            [0; 9],
            [
                (1 << 59) - 1,
                (1 << 59) - 1,
                (1 << 59) - 1,
                (1 << 59) - 1,
                (1 << 59) - 1,
                (1 << 59) - 1,
                (1 << 59) - 1,
                (1 << 59) - 1,
                (1 << 58) - 1,
            ],
            [
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                TOP_LIMB_MASK,
            ],
            [
                LIMB_MASK << 1,
                LIMB_MASK << 1,
                LIMB_MASK << 1,
                LIMB_MASK << 1,
                LIMB_MASK << 1,
                LIMB_MASK << 1,
                LIMB_MASK << 1,
                LIMB_MASK << 1,
                TOP_LIMB_MASK << 1,
            ],
            // p + 1 = 2^521 spelt with a carry pending in limb 0, and p − 1.
            [
                LIMB_MASK + 1,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                TOP_LIMB_MASK,
            ],
            [
                LIMB_MASK - 1,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                LIMB_MASK,
                TOP_LIMB_MASK,
            ],
            // 2^521 + 1 as a top limb of 2^57 plus 1.
            [1, 0, 0, 0, 0, 0, 0, 0, 1 << TOP_BITS],
        ];
        let mut inputs = [[0u64; 9]; 307];
        inputs[..7].copy_from_slice(&fixed);
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for a in inputs[7..].iter_mut() {
            for (i, limb) in a.iter_mut().enumerate() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let bits = if i == 8 { TOP_BITS + 1 } else { RADIX + 1 };
                // Small, near the maximum (top 4 bits set), or uniform below the bound.
                let uniform = seed >> (64 - bits);
                *limb = match seed & 3 {
                    0 => seed >> 60,
                    1 => uniform | (0xf << (bits - 4)),
                    _ => uniform,
                };
            }
        }
        for a in &inputs {
            assert!(is_loose(a));
            let (x, rx) = (FieldElement::from_loose_limbs(*a), reference(a));
            check_same(&x, &rx);
            check_same(&x.square(), &rx.square());
            check_same(&-x, &-rx);
            check_same(&x.double(), &rx.double());
            assert_eq!(bool::from(x.is_zero()), bool::from(rx.is_zero()));
            assert_eq!(bool::from(x.is_odd()), bool::from(rx.is_odd()));
            assert_eq!(x.to_uint(), rx.to_canonical_limbs::<9>());
            check_same(&x.half(), &rx.half());
            let inv = x.invert();
            assert_eq!(bool::from(inv.is_some()), !bool::from(rx.is_zero()));
            check_same(
                &inv.unwrap_or(FieldElement::ZERO),
                &rx.invert().unwrap_or(Oracle::ZERO),
            );
            for b in inputs.iter().step_by(7) {
                let (y, ry) = (FieldElement::from_loose_limbs(*b), reference(b));
                check_same(&(x * y), &(rx * ry));
                check_same(&(x + y), &(rx + ry));
                check_same(&(x - y), &(rx - ry));
                assert_eq!(bool::from(x.ct_eq(&y)), rx == ry);
            }
        }
    }

    /// `p`, `2p`, `4p` and `2^521` in raw limbs: equal to 0 (resp. 1), canonical form exact.
    #[test]
    fn freeze_edges() {
        let p = [
            LIMB_MASK,
            LIMB_MASK,
            LIMB_MASK,
            LIMB_MASK,
            LIMB_MASK,
            LIMB_MASK,
            LIMB_MASK,
            LIMB_MASK,
            TOP_LIMB_MASK,
        ];
        assert_eq!(freeze(&p), [0; 9]);
        assert!(bool::from(FieldElement::from_loose_limbs(p).is_zero()));
        let two_p = p.map(|l| l << 1);
        assert_eq!(freeze(&two_p), [0; 9]);
        // 0 − 0 is 4p after one carry round.
        let four_p = FieldElement::ZERO - FieldElement::ZERO;
        assert_eq!(freeze(four_p.loose_limbs()), [0; 9]);
        let mut two_521 = [0u64; 9];
        two_521[0] = LIMB_MASK + 1;
        two_521[1..8].copy_from_slice(&p[1..8]);
        two_521[8] = TOP_LIMB_MASK;
        assert_eq!(freeze(&two_521), [1, 0, 0, 0, 0, 0, 0, 0, 0]);
        let mut p_minus_1 = p;
        p_minus_1[0] -= 1;
        assert_eq!(freeze(&p_minus_1), p_minus_1);
        let m1 = FieldElement::from_uint_const(&sub_small(&MODULUS, 1));
        assert_eq!(m1.loose_limbs(), &p_minus_1);
        assert_eq!(m1.to_uint(), sub_small(&MODULUS, 1));
        // 0 − (p − 1), many times: stays in bounds and equals k (mod p).
        let mut acc = FieldElement::ZERO;
        for k in 1..=1000u64 {
            acc -= m1;
            assert!(is_loose(acc.loose_limbs()));
            assert_eq!(acc, FieldElement::from_u64(k));
        }
    }

    /// The largest limbs within the bound, multiplied and squared: the column sums and the
    /// carry pass stay within their stated bounds (the `debug_assert!`s), against the oracle.
    #[test]
    fn mul_edges() {
        let mut max = [(1u64 << 59) - 1; 9];
        max[8] = (1 << 58) - 1;
        let x = FieldElement::from_loose_limbs(max);
        let r = reference(&max);
        check_same(&(x * x), &(r * r));
        check_same(&x.square(), &(r * r));
        let m1 = -FieldElement::ONE;
        assert_eq!(m1 * m1, FieldElement::ONE);
        assert_eq!(x.invert_fermat().unwrap(), x.invert().unwrap());
    }
}
