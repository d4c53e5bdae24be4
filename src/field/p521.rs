//! The two fields of NIST P-521: the base field mod `p = 2^521 − 1` and the scalar field mod `n`.
//!
//! Layer: **fields**. Uses [`super::limb_field`] and [`super::limbs`].
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
//! The element type stores nine limbs `a_0, …, a_8` of a **radix-`2^58`** number
//! `Σ a_i·2^(58i)`: eight 58-bit limbs and a 57-bit top limb make exactly the 521 bits of `p`
//! (`8·58 + 57 = 521`). Each 64-bit word thus has 6 (top: 7) spare bits, so sums of limbs need no
//! carry chain and products of limbs leave room in 128-bit column sums. This is the layout of
//! D. J. Bernstein's curve25519 implementations (radix `2^51` for `2^255 − 19`; "Curve25519: new
//! Diffie-Hellman speed records", PKC 2006, §4) applied to a Mersenne prime, where the reduction
//! constant is 1: the weight `2^521` of the bits above the top limb wraps to limb 0 unchanged, and
//! the weight `2^(58·9) = 2^522 ≡ 2` of the high product columns wraps to the low columns doubled.
//!
//! Values are kept **loosely reduced**: between operations only the bound `a_i < 2^59` (`i < 8`),
//! `a_8 < 2^58` holds — any representative `≡` the element mod `p`, up to about `2^523`.
//! * `+`, `double`: limb-wise sum, then one parallel `carry` round (no carry chain);
//! * `−`, `neg`: limb-wise `a + 4p − b` (the limbs of `4p` exceed every bounded limb, so nothing
//!   goes negative), then one `carry` round;
//! * `·`, `square`: schoolbook columns in 128 bits with the wrap `2^522 ≡ 2`, one carry pass
//!   (`mul_limbs`, `square_limbs`);
//! * equality, `is_zero`, `is_odd` and the encodings go through the canonical form (`freeze`,
//!   constant time); inversion goes through the saturated [`SaturatedFieldElement`] (safegcd on
//!   the canonical value) and square roots are `a^((p+1)/4) = a^(2^519)`, 519 squarings.
//!
//! ## [`SaturatedFieldElement`]: plain form in saturated limbs
//! The generic [`LimbField`] with [`P521Base`]: nine saturated 64-bit limbs holding the value
//! itself, always `< p` (`MONTGOMERY = false`; [`P521Base`] overrides the multiplication and the
//! conversions). Its reduction folds a fixed number of times (two for a product, one for a 9-limb
//! value, each followed by one conditional subtraction of `p`), so it runs in constant time. It
//! was the element type before the unsaturated one; it now serves inversion and the tests.
//!
//! # Cost (measured with callgrind on x86-64, baseline target, per call in a loop)
//! * [`FieldElement`] `mul`: 81 word products summed into 9 columns with the carries
//!   interleaved: about 645 instructions (the saturated `mul` of [`SaturatedFieldElement`]:
//!   about 965). `square`: 45 word products: about 410 (saturated: about 575).
//! * Addition, subtraction: 9 word additions and one carry round, about 40 instructions.
//!
//! # The scalar field
//! The group order `n` (521 bits) has no special shape; [`Scalar`] uses the generic Montgomery
//! CIOS multiplication (and the generic squaring, `limbs::mont_square`) with `R = 2^576`. That `n` is much smaller than `2^576` costs nothing in
//! correctness: `R mod n` and `R² mod n` are derived by modular doublings that keep every value
//! `< n`, and the CIOS bound `a·b < 2^576·n` holds for `a < 2^576`, `b < n`, giving an output
//! `< 2n` before its final conditional subtraction (see [`P521Scalar`]).

use super::Field;
use super::limb_field::{LimbField, LimbParams};
use super::limbs::{adc, add, from_be_bytes, mul_wide, square_wide, sub, sub_if_ge, to_be_bytes};
use core::fmt;
use core::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

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

/// The P-521 base field in the saturated plain form of [`P521Base`]: the generic [`LimbField`]
/// code (inversion by safegcd, encodings) on canonical 64-bit limbs. [`FieldElement::invert`]
/// goes through it; tests use it as a second implementation.
pub type SaturatedFieldElement = LimbField<P521Base, 9>;

/// Bits per limb of [`FieldElement`] (limbs `0..8`; limb 8 has `TOP_BITS`).
const RADIX: u32 = 58;
/// `2^58 − 1`.
const LIMB_MASK: u64 = (1 << RADIX) - 1;
/// Bits of the top limb: `521 − 8·58 = 57`.
const TOP_BITS: u32 = 57;
/// `2^57 − 1`.
const TOP_LIMB_MASK: u64 = (1 << TOP_BITS) - 1;

/// `4p` in radix `2^58`: eight limbs `4·(2^58 − 1)` and a top limb `4·(2^57 − 1)`; added before a
/// subtraction so that no limb goes negative (each is `≥` the limb bound of a reduced element).
const FOUR_P: [u64; 9] = [
    4 * LIMB_MASK,
    4 * LIMB_MASK,
    4 * LIMB_MASK,
    4 * LIMB_MASK,
    4 * LIMB_MASK,
    4 * LIMB_MASK,
    4 * LIMB_MASK,
    4 * LIMB_MASK,
    4 * TOP_LIMB_MASK,
];

/// Whether the limbs satisfy the bound between operations: `a_i < 2^59` for `i < 8`, `a_8 < 2^58`.
const fn is_loose(a: &[u64; 9]) -> bool {
    let mut i = 0;
    while i < 8 {
        if a[i] >> (RADIX + 1) != 0 {
            return false;
        }
        i += 1;
    }
    a[8] >> (TOP_BITS + 1) == 0
}

/// One parallel carry round ("weak reduction"): each limb keeps its low 58 (top: 57) bits and
/// passes the rest to the next limb; the top limb's excess, of weight `2^521 ≡ 1 (mod p)`, goes to
/// limb 0. The value changes by a multiple of `p` only.
///
/// Input: any limbs `< 2^64`. Output: `a_i < 2^58 + 2^7` (`i < 8`), `a_8 < 2^57 + 2^6`, which
/// satisfies the bound between operations. About 30 instructions, no carry chain.
#[inline(always)]
const fn carry(a: &[u64; 9]) -> [u64; 9] {
    let mut r = [0u64; 9];
    r[0] = (a[0] & LIMB_MASK) + (a[8] >> TOP_BITS);
    let mut i = 1;
    while i < 8 {
        r[i] = (a[i] & LIMB_MASK) + (a[i - 1] >> RADIX);
        i += 1;
    }
    r[8] = (a[8] & TOP_LIMB_MASK) + (a[7] >> RADIX);
    r
}

/// Splits a saturated little-endian integer `x < 2^576` into radix-`2^58` limbs, folding the bits
/// from 521 up (weight `2^521 ≡ 1`) into limb 0: the result is `≡ x (mod p)` and satisfies the
/// bound between operations (`a_0 < 2^58 + 2^55`, the other limbs exact 58/57-bit pieces).
const fn from_saturated(x: &[u64; 9]) -> [u64; 9] {
    let mut r = [0u64; 9];
    let mut i = 0;
    while i < 9 {
        let bit = RADIX as usize * i;
        let (w, off) = (bit / 64, bit % 64);
        let mut v = x[w] >> off;
        if off > 64 - RADIX as usize && w + 1 < 9 {
            v |= x[w + 1] << (64 - off);
        }
        r[i] = v & LIMB_MASK;
        i += 1;
    }
    r[8] &= TOP_LIMB_MASK;
    r[0] += x[8] >> 9;
    r
}

/// Packs canonical radix-`2^58` limbs (each below its radix) into saturated 64-bit limbs.
const fn to_saturated(a: &[u64; 9]) -> [u64; 9] {
    let mut out = [0u64; 9];
    let mut acc: u128 = 0;
    let mut bits = 0;
    let mut w = 0;
    let mut i = 0;
    while i < 9 {
        acc |= (a[i] as u128) << bits;
        bits += RADIX;
        if bits >= 64 {
            out[w] = acc as u64;
            acc >>= 64;
            bits -= 64;
            w += 1;
        }
        i += 1;
    }
    out[w] = acc as u64;
    out
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
#[derive(Clone, Copy)]
pub struct FieldElement([u64; 9]);

impl FieldElement {
    /// `0`.
    pub const ZERO: Self = Self([0; 9]);
    /// `1`.
    pub const ONE: Self = Self([1, 0, 0, 0, 0, 0, 0, 0, 0]);

    /// The element with the given canonical value (saturated little-endian 64-bit limbs), for
    /// constants. Panics — a compile error in a `const` — if `value ≥ p`.
    pub const fn from_uint_const(value: &[u64; 9]) -> Self {
        let (_, borrow) = sub(value, &P521Base::MODULUS);
        assert!(borrow == 1, "constant is not reduced modulo p");
        Self(from_saturated(value))
    }

    /// The element with the given big-endian hex value, for constants.
    /// Panics — a compile error in a `const` — on bad hex or a value `≥ p`.
    pub const fn from_hex_const(hex: &str) -> Self {
        Self::from_uint_const(&super::limbs::from_be_hex(hex))
    }

    /// `self + rhs` as a `const fn`, for deriving constants such as `3b`.
    pub const fn add_const(&self, rhs: &Self) -> Self {
        let mut s = [0u64; 9];
        let mut i = 0;
        while i < 9 {
            s[i] = self.0[i] + rhs.0[i];
            i += 1;
        }
        Self(carry(&s))
    }

    /// The canonical value as saturated little-endian 64-bit limbs.
    pub fn to_uint(&self) -> [u64; 9] {
        to_saturated(&freeze(&self.0))
    }

    /// The raw radix-`2^58` limbs (not necessarily reduced), for tests and teaching.
    pub fn as_repr(&self) -> &[u64; 9] {
        &self.0
    }

    /// `self^(2^k)` by `k` squarings.
    fn square_n(&self, k: u32) -> Self {
        let mut r = *self;
        for _ in 0..k {
            r = r.square();
        }
        r
    }

    /// Fermat inversion `a^(p−2)`, `p − 2 = 2^521 − 3 = (2^519 − 1)·2^2 + 1`, constant time: an
    /// addition chain through `a^(2^k − 1)` (`x_(2k) = x_k^(2^k)·x_k`), 520 squarings and 13
    /// multiplications. Kept as the textbook method and as a cross-check of [`Field::invert`].
    pub fn invert_fermat(&self) -> CtOption<Self> {
        let x1 = *self;
        let x2 = x1.square() * x1;
        let x3 = x2.square() * x1;
        let x4 = x2.square_n(2) * x2;
        let x7 = x4.square_n(3) * x3;
        let x8 = x4.square_n(4) * x4;
        let x16 = x8.square_n(8) * x8;
        let x32 = x16.square_n(16) * x16;
        let x64 = x32.square_n(32) * x32;
        let x128 = x64.square_n(64) * x64;
        let x256 = x128.square_n(128) * x128;
        let x512 = x256.square_n(256) * x256;
        let x519 = x512.square_n(7) * x7;
        let r = x519.square_n(2) * x1;
        CtOption::new(r, !self.is_zero())
    }

    /// The same element in the saturated form of [`SaturatedFieldElement`].
    fn to_saturated_field(self) -> SaturatedFieldElement {
        SaturatedFieldElement::from_bytes_reduced(&self.to_bytes())
    }

    /// Back from [`SaturatedFieldElement`].
    fn from_saturated_field(x: &SaturatedFieldElement) -> Self {
        Self::from_bytes_reduced(&x.to_bytes())
    }
}

impl Field for FieldElement {
    type Bytes = [u8; 66];
    const ZERO: Self = Self::ZERO;
    const ONE: Self = Self::ONE;
    const NUM_BITS: u32 = 521;
    /// A squaring (45 word products) costs about 0.63 of a multiplication (81) here, and the
    /// lazily reduced additions are cheap.
    const FAST_SQUARE: bool = true;

    fn from_bytes(bytes: &[u8; 66]) -> CtOption<Self> {
        let x = from_be_bytes::<9>(bytes);
        let (_, borrow) = sub(&x, &P521Base::MODULUS);
        CtOption::new(Self(from_saturated(&x)), Choice::from(borrow as u8))
    }

    fn from_bytes_reduced(bytes: &[u8; 66]) -> Self {
        // x < 2^528: `from_saturated` folds the bits above 521.
        Self(from_saturated(&from_be_bytes::<9>(bytes)))
    }

    fn to_bytes(&self) -> [u8; 66] {
        let mut out = [0u8; 66];
        to_be_bytes(&self.to_uint(), &mut out);
        out
    }

    fn from_u64(v: u64) -> Self {
        Self(from_saturated(&[v, 0, 0, 0, 0, 0, 0, 0, 0]))
    }

    #[inline]
    fn square(&self) -> Self {
        Self(square_limbs(&self.0))
    }

    #[inline]
    fn double(&self) -> Self {
        *self + *self
    }

    /// `a/2` or `(a + p)/2`, by the parity of the representative `a` (which is the parity of
    /// limb 0: the other limbs have even weights), with no branch:
    /// 1. add `p`'s limbs (`2^58 − 1`, top `2^57 − 1`) under the parity mask: `a_i < 2^59 + 2^58`,
    ///    `a_8 < 2^58 + 2^57`, the value even;
    /// 2. shift right by one bit across the radix: limb `i` takes `a_i >> 1` plus the low bit of
    ///    `a_(i+1)` at weight `2^57`, so `r_i < 2^58 + 2^57 + 2^57 = 2^59` and `r_8 < 2^58`: the
    ///    bound between operations holds without a carry round.
    #[inline]
    fn half(&self) -> Self {
        debug_assert!(is_loose(&self.0));
        // Step 1 (the mask behind `black_box`, as in `limbs::select`).
        let mask = core::hint::black_box(0u64.wrapping_sub(self.0[0] & 1));
        let a: [u64; 9] = core::array::from_fn(|i| {
            let p_i = if i < 8 { LIMB_MASK } else { TOP_LIMB_MASK };
            self.0[i] + (p_i & mask)
        });
        // Step 2.
        let r = core::array::from_fn(|i| {
            let above = if i < 8 {
                (a[i + 1] & 1) << (RADIX - 1)
            } else {
                0
            };
            (a[i] >> 1) + above
        });
        debug_assert!(is_loose(&r));
        Self(r)
    }

    /// Through [`SaturatedFieldElement`]'s inversion (safegcd on the canonical value).
    fn invert(&self) -> CtOption<Self> {
        let inv = self.to_saturated_field().invert();
        let is_some = inv.is_some();
        let value = inv.unwrap_or(SaturatedFieldElement::ZERO);
        CtOption::new(Self::from_saturated_field(&value), is_some)
    }

    /// Variable time in `self`: public values only.
    fn invert_vartime(&self) -> CtOption<Self> {
        let inv = self.to_saturated_field().invert_vartime();
        let is_some = inv.is_some();
        let value = inv.unwrap_or(SaturatedFieldElement::ZERO);
        CtOption::new(Self::from_saturated_field(&value), is_some)
    }

    /// `p ≡ 3 (mod 4)`: `r = a^((p+1)/4) = a^(2^519)`, 519 squarings, then check `r² = a`.
    fn sqrt(&self) -> CtOption<Self> {
        let r = self.square_n(519);
        CtOption::new(r, r.square().ct_eq(self))
    }

    fn is_zero(&self) -> Choice {
        let r = freeze(&self.0);
        let mut acc = 0;
        for limb in r {
            acc |= limb;
        }
        acc.ct_eq(&0)
    }

    fn is_odd(&self) -> Choice {
        Choice::from((freeze(&self.0)[0] & 1) as u8)
    }
}

impl Default for FieldElement {
    fn default() -> Self {
        Self::ZERO
    }
}

impl zeroize::DefaultIsZeroes for FieldElement {}

impl fmt::Debug for FieldElement {
    /// Prints the canonical value in hex.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "p521::FieldElement(0x")?;
        for b in self.to_bytes() {
            write!(f, "{b:02x}")?;
        }
        write!(f, ")")
    }
}

impl ConstantTimeEq for FieldElement {
    /// Compares the canonical forms.
    fn ct_eq(&self, other: &Self) -> Choice {
        let (a, b) = (freeze(&self.0), freeze(&other.0));
        let mut acc = 0u64;
        for (x, y) in a.iter().zip(&b) {
            acc |= x ^ y;
        }
        acc.ct_eq(&0)
    }
}

impl PartialEq for FieldElement {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}
impl Eq for FieldElement {}

impl ConditionallySelectable for FieldElement {
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        Self(super::limbs::select_choice(&a.0, &b.0, choice.unwrap_u8()))
    }
}

impl Add for FieldElement {
    type Output = Self;
    /// Limb-wise sum (`< 2^60` per limb), then one `carry` round.
    #[inline]
    fn add(self, rhs: Self) -> Self {
        Self(carry(&core::array::from_fn(|i| self.0[i] + rhs.0[i])))
    }
}

impl Sub for FieldElement {
    type Output = Self;
    /// `a + 4p − b` limb-wise (no limb goes negative: `b_i < 2^59 ≤ 4·(2^58 − 1)`, and
    /// `b_8 < 2^58 ≤ 4·(2^57 − 1)`; the sum is `< 2^61`), then one `carry` round.
    #[inline]
    fn sub(self, rhs: Self) -> Self {
        Self(carry(&core::array::from_fn(|i| {
            self.0[i] + FOUR_P[i] - rhs.0[i]
        })))
    }
}

impl Mul for FieldElement {
    type Output = Self;
    #[inline]
    fn mul(self, rhs: Self) -> Self {
        Self(mul_limbs(&self.0, &rhs.0))
    }
}

impl Neg for FieldElement {
    type Output = Self;
    /// `4p − a`, then one `carry` round.
    #[inline]
    fn neg(self) -> Self {
        Self(carry(&core::array::from_fn(|i| FOUR_P[i] - self.0[i])))
    }
}

crate::impl_assign_ops!(FieldElement, []);

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

    /// The element `Σ a_i·2^(58i) mod p` of raw radix-`2^58` limbs, computed in the saturated
    /// field (Horner's rule), as a reference for the unsaturated code.
    fn reference(a: &[u64; 9]) -> SaturatedFieldElement {
        let radix = SaturatedFieldElement::from_u64(1 << RADIX);
        let mut acc = SaturatedFieldElement::ZERO;
        for limb in a.iter().rev() {
            acc = acc * radix + SaturatedFieldElement::from_u64(*limb);
        }
        acc
    }

    fn check_same(x: &FieldElement, r: &SaturatedFieldElement) {
        assert!(is_loose(&x.0), "{:x?} out of bounds", x.0);
        assert_eq!(x.to_bytes(), r.to_bytes());
    }

    /// Raw inputs at the bound between operations (`2^59 − 1` per limb, `2^58 − 1` on top), at
    /// the canonical maxima, at `p`, `2p`, `4p` in several limb spellings, and pseudo-random
    /// limbs below the bound: every operation stays within the bound and agrees with the
    /// saturated field, and the canonical form is the reduced value.
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
            let (x, rx) = (FieldElement(*a), reference(a));
            check_same(&x, &rx);
            check_same(&x.square(), &rx.square());
            check_same(&-x, &-rx);
            check_same(&x.double(), &rx.double());
            assert_eq!(bool::from(x.is_zero()), bool::from(rx.is_zero()));
            assert_eq!(bool::from(x.is_odd()), bool::from(rx.is_odd()));
            assert_eq!(x.to_uint(), rx.to_uint());
            for b in inputs.iter().step_by(7) {
                let (y, ry) = (FieldElement(*b), reference(b));
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
        assert!(bool::from(FieldElement(p).is_zero()));
        let two_p = p.map(|l| l << 1);
        assert_eq!(freeze(&two_p), [0; 9]);
        assert_eq!(freeze(&carry(&FOUR_P)), [0; 9]);
        let mut two_521 = [0u64; 9];
        two_521[0] = LIMB_MASK + 1;
        two_521[1..8].copy_from_slice(&p[1..8]);
        two_521[8] = TOP_LIMB_MASK;
        assert_eq!(freeze(&two_521), [1, 0, 0, 0, 0, 0, 0, 0, 0]);
        let mut p_minus_1 = p;
        p_minus_1[0] -= 1;
        assert_eq!(freeze(&p_minus_1), p_minus_1);
        assert_eq!(to_saturated(&p_minus_1), sub_small(&P521Base::MODULUS, 1));
        assert_eq!(from_saturated(&sub_small(&P521Base::MODULUS, 1)), p_minus_1);
        // 0 − (p − 1), many times: stays in bounds and equals k (mod p).
        let m1 = FieldElement(p_minus_1);
        let mut acc = FieldElement::ZERO;
        for k in 1..=1000u64 {
            acc -= m1;
            assert!(is_loose(&acc.0));
            assert_eq!(acc, FieldElement::from_u64(k));
        }
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
