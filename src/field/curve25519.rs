//! The two fields of Curve25519: the base field mod `p = 2^255 − 19` and the scalar field mod the
//! prime order `ℓ = 2^252 + 27742317777372353535851937790883648493` of the base point.
//!
//! Layer: **fields**. Uses [`super::unsaturated`] and [`super::limb_field`].
//!
//! # The base field: a pseudo-Mersenne prime
//! `p = 2^255 − 19` (Bernstein, "Curve25519: new Diffie-Hellman speed records", PKC 2006; RFC 7748
//! §4.1). Since `2^255 ≡ 19 (mod p)`, any `x = x_lo + x_hi·2^255` with `x_lo < 2^255` satisfies
//!
//! ```text
//! x ≡ x_lo + 19·x_hi  (mod p),
//! ```
//!
//! so reduction is a split at bit 255 and a multiplication by the small constant 19 (Handbook of
//! Applied Cryptography, §14.3.4, Algorithm 14.47, with `b = 2`, `t = 255`, `c = 19`).
//!
//! ## [`FieldElement`]: unsaturated radix `2^51`, loosely reduced
//! The element type is the generic [`UnsaturatedField`] with [`Curve25519Base`]: five limbs
//! `a_0, …, a_4` of a **radix-`2^51`** number `Σ a_i·2^(51i)`, exactly the 255 bits of `p`
//! (`5·51 = 255`). This is the representation of Bernstein's paper (§4 uses radix `2^25.5` on
//! 32-bit machines; `2^51` is its 64-bit form, as in the `amd64-51` code of "High-speed
//! high-security signatures", Bernstein, Duif, Lange, Schwabe, Yang, CHES 2011, §3).
//!
//! Between operations only the bound `a_i < 2^52` holds (one slack bit above each limb's 51
//! bits): any representative `≡` the element mod `p`, up to about `2^256`.
//! * `+`, `double`: limb-wise sum, then one parallel carry round (the generic code);
//! * `−`, `neg`: limb-wise `a + 4p − b` (the limbs of `4p`, `4·(2^51 − 19)` and `4·(2^51 − 1)`,
//!   are at least `2^52 − 1`, so nothing goes negative), then one carry round;
//! * `·`, `square`: five 128-bit column sums with the wrap-around `2^255 ≡ 19`, then one carry
//!   pass (`mul_limbs`, `square_limbs`, here). They accept operands with limbs up to `2^54`,
//!   more than the bound: a sum or difference that only feeds a product can skip its carry round
//!   (`LazyFieldElement`, crate-internal: the point formulas and the X25519 ladder use it);
//! * equality, `is_zero`, `is_odd` and the encodings go through the canonical form (`freeze`,
//!   here; constant time); inversion is the generic safegcd on four saturated limbs; square roots
//!   use `p ≡ 5 (mod 8)` (Atkin's method, see [`FieldElement::sqrt_ratio`]).
//!
//! The [`Field`] encodings are big-endian like every field of the crate; Curve25519's protocols
//! (RFC 7748, RFC 8032) encode little-endian, which [`FieldElement::from_le_bytes`] and
//! [`FieldElement::to_le_bytes`] provide.
//!
//! # The scalar field
//! `ℓ` has no special shape usable by a 4-limb Montgomery multiplication; [`Scalar`] is the generic
//! [`LimbField`] (Montgomery form, `R = 2^256`, the CIOS code). Ed25519 reduces 512-bit hashes
//! modulo `ℓ` ([`Scalar::from_le_bytes_wide`]): `h = h_lo + h_hi·2^256 ≡ h_lo + h_hi·(2^256 mod
//! ℓ)`, each half reduced by the Montgomery conversion, which takes any 256-bit integer.

use super::limb_field::{LimbField, LimbParams};
use super::unsaturated::{UnsaturatedField, UnsaturatedParams};
use super::{Field, limbs};
use core::ops::Mul;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

/// `p = 2^255 − 19`, little-endian 64-bit limbs.
const MODULUS: [u64; 4] = [
    0xffff_ffff_ffff_ffed,
    0xffff_ffff_ffff_ffff,
    0xffff_ffff_ffff_ffff,
    0x7fff_ffff_ffff_ffff,
];
/// `2^51 − 1`.
const MASK: u64 = (1 << 51) - 1;

/// Marker for the Curve25519 base field: its prime and radix-`2^51` limb code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Curve25519Base;

impl UnsaturatedParams<5, 4> for Curve25519Base {
    const MODULUS: [u64; 4] = MODULUS;
    type Bytes = [u8; 32];
    const NAME: &'static str = "curve25519::FieldElement";
    const RADIX: u32 = 51;
    /// The bound between operations: `a_i < 2^52`.
    const SLACK_BITS: u32 = 1;
    /// `4p`: its limbs `4·(2^51 − 19)` and `4·(2^51 − 1)` are at least `2^52 − 1`.
    const SUB_MULTIPLE: u64 = 4;
    /// A squaring takes 15 word products against 25, and the additions it trades are cheap.
    const FAST_SQUARE: bool = true;

    #[inline(always)]
    fn mul(a: &[u64; 5], b: &[u64; 5]) -> [u64; 5] {
        mul_limbs(a, b)
    }

    #[inline(always)]
    fn square(a: &[u64; 5]) -> [u64; 5] {
        square_limbs(a)
    }

    #[inline]
    fn freeze(a: &[u64; 5]) -> [u64; 5] {
        freeze(a)
    }

    fn sqrt(a: &FieldElement) -> CtOption<FieldElement> {
        let (is_square, r) = FieldElement::sqrt_ratio(a, &FieldElement::ONE);
        CtOption::new(r, is_square)
    }
}

/// An element of `F_p`, `p = 2^255 − 19`: five radix-`2^51` limbs, each `< 2^52` between
/// operations (loosely reduced; see the [module docs](self)). Equality, encodings and parity go
/// through the canonical form.
pub type FieldElement = UnsaturatedField<Curve25519Base, 5, 4>;

/// `x·y` as a 128-bit product.
#[inline(always)]
const fn m(x: u64, y: u64) -> u128 {
    x as u128 * y as u128
}

/// The carry pass after a multiplication: column `k` keeps 51 bits and passes the rest to column
/// `k + 1`; the excess of column 4, of weight `2^255 ≡ 19`, returns to limb 0 times 19, and one
/// more carry from limb 0 to limb 1 ends the pass within the bound.
///
/// Input: columns `c_k < 77·2^108 < 2^114.27` (what [`mul_limbs`] and [`square_limbs`] produce
/// from inputs `< 2^54`), column 4 with no wrapped product, `c_4 < 5·2^108`. Each carry
/// `c_k >> 51` is then `< 77·2^57 + 1 < 2^63.3` (the incoming carry adds less than one unit to
/// it), so it is taken as a word, which saves the high half of every shift. Column 4 after its
/// carry is `< 5·2^108 + 2^63.3`, its excess `< 2^59.33` and `19·` it `< 2^63.58`: it fits a
/// word, and so does limb 0 plus it. Output: limbs `< 2^51` except limb 1 `< 2^51 + 2^13`: within
/// the bound `2^52`.
#[inline(always)]
fn carry_columns(c: [u128; 5]) -> [u64; 5] {
    let carry = |x: u128| u128::from((x >> 51) as u64);
    let mut r = [0u64; 5];
    let c1 = c[1] + carry(c[0]);
    r[0] = c[0] as u64 & MASK;
    let c2 = c[2] + carry(c1);
    r[1] = c1 as u64 & MASK;
    let c3 = c[3] + carry(c2);
    r[2] = c2 as u64 & MASK;
    let c4 = c[4] + carry(c3);
    r[3] = c3 as u64 & MASK;
    r[4] = c4 as u64 & MASK;
    let excess = (c4 >> 51) as u64;
    r[0] += 19 * excess;
    r[1] += r[0] >> 51;
    r[0] &= MASK;
    debug_assert!(FieldElement::is_loose(&r));
    r
}

/// `a·b mod p` (not fully reduced): schoolbook columns with the wrap-around `2^255 ≡ 19`.
///
/// Input: limbs `< 2^54` (the bound between operations, `2^52`, or a [`LazyFieldElement`]'s).
/// Steps:
/// 1. Column `k` (weight `2^(51k)`) is `Σ_(i+j=k) a_i·b_j + 19·Σ_(i+j=k+5) a_i·b_j`: a product with
///    `i + j = k + 5` has weight `2^(51k)·2^255 ≡ 19·2^(51k)`. The factor 19 is applied to `b_j`
///    first (`19·b_j < 19·2^54`), so each wrapped product is `< 19·2^108` and each other one
///    `< 2^108`; column `k` holds `k + 1` unwrapped and `4 − k` wrapped products, so column 0, the
///    largest, is `< (1 + 4·19)·2^108 = 77·2^108`, and column 4 `< 5·2^108`.
/// 2. [`carry_columns`].
#[inline(always)]
fn mul_limbs(a: &[u64; 5], b: &[u64; 5]) -> [u64; 5] {
    debug_assert!(LazyFieldElement::is_lazy(a) && LazyFieldElement::is_lazy(b));
    let [a0, a1, a2, a3, a4] = *a;
    let [b0, b1, b2, b3, b4] = *b;
    let (b1_19, b2_19, b3_19, b4_19) = (19 * b1, 19 * b2, 19 * b3, 19 * b4);
    // Step 1.
    let c0 = m(a0, b0) + m(a1, b4_19) + m(a2, b3_19) + m(a3, b2_19) + m(a4, b1_19);
    let c1 = m(a0, b1) + m(a1, b0) + m(a2, b4_19) + m(a3, b3_19) + m(a4, b2_19);
    let c2 = m(a0, b2) + m(a1, b1) + m(a2, b0) + m(a3, b4_19) + m(a4, b3_19);
    let c3 = m(a0, b3) + m(a1, b2) + m(a2, b1) + m(a3, b0) + m(a4, b4_19);
    let c4 = m(a0, b4) + m(a1, b3) + m(a2, b2) + m(a3, b1) + m(a4, b0);
    // Step 2.
    carry_columns([c0, c1, c2, c3, c4])
}

/// `a² mod p` (not fully reduced): the columns of [`mul_limbs`] with each cross product `a_i·a_j`
/// (`i ≠ j`) computed once and doubled, 15 word products instead of 25.
///
/// Input: limbs `< 2^54`, as [`mul_limbs`]. Each column is the same sum as there with equal
/// products merged, so the same bounds hold: `c_0 = a_0² + 19·(2·a_1·a_4 + 2·a_2·a_3) <
/// 77·2^108`, column 4 `< 5·2^108`, as [`carry_columns`] requires.
#[inline(always)]
fn square_limbs(a: &[u64; 5]) -> [u64; 5] {
    debug_assert!(LazyFieldElement::is_lazy(a));
    let [a0, a1, a2, a3, a4] = *a;
    let (d0, d1, d2, d3) = (2 * a0, 2 * a1, 2 * a2, 2 * a3);
    let (a3_19, a4_19) = (19 * a3, 19 * a4);
    // c0 = a0² + 19·(2·a1·a4 + 2·a2·a3)
    let c0 = m(a0, a0) + m(d1, a4_19) + m(d2, a3_19);
    // c1 = 2·a0·a1 + 19·(2·a2·a4 + a3²)
    let c1 = m(d0, a1) + m(d2, a4_19) + m(a3, a3_19);
    // c2 = 2·a0·a2 + a1² + 19·2·a3·a4
    let c2 = m(d0, a2) + m(a1, a1) + m(d3, a4_19);
    // c3 = 2·a0·a3 + 2·a1·a2 + 19·a4²
    let c3 = m(d0, a3) + m(d1, a2) + m(a4, a4_19);
    // c4 = 2·a0·a4 + 2·a1·a3 + a2²
    let c4 = m(d0, a4) + m(d1, a3) + m(a2, a2);
    carry_columns([c0, c1, c2, c3, c4])
}

/// A sum, difference or negation of [`FieldElement`]s with its carry round left out: five
/// radix-`2^51` limbs, each **`< 2^54`** — above the `2^52` of the type's bound between
/// operations, within what [`mul_limbs`] and [`square_limbs`] accept. Only a multiplication, a
/// squaring or [`LazyFieldElement::mul_small`] consumes it, and their result is an ordinary
/// `FieldElement` within the bound: the value is reduced by the product that uses it, so the
/// point formulas save the carry round of each sum that only feeds a product (lazy reduction).
///
/// The constructors and their output bounds, for inputs within the bound `< 2^52`:
/// * [`FieldElement::add_lazy`]: `a_i + b_i < 2^53`;
/// * [`FieldElement::sub_lazy`]: `a_i + 4p_i − b_i < 2^52 + 2^53 < 2^54`, no limb negative (the
///   limbs `4p_i` are at least `2^52 − 1`, as for `−`);
/// * [`FieldElement::neg_lazy`]: `4p_i − a_i < 2^53`.
#[derive(Clone, Copy)]
pub(crate) struct LazyFieldElement([u64; 5]);

/// `2^54`, the limb bound of a [`LazyFieldElement`].
const LAZY_BOUND: u64 = 1 << 54;

/// The limbs `4p_i` of `4p` (what `−` adds before it subtracts).
const FOUR_P: [u64; 5] = [
    4 * ((1 << 51) - 19),
    4 * ((1 << 51) - 1),
    4 * ((1 << 51) - 1),
    4 * ((1 << 51) - 1),
    4 * ((1 << 51) - 1),
];

impl LazyFieldElement {
    /// Whether every limb is `< 2^54`.
    const fn is_lazy(a: &[u64; 5]) -> bool {
        let mut i = 0;
        while i < 5 {
            if a[i] >= LAZY_BOUND {
                return false;
            }
            i += 1;
        }
        true
    }

    /// The element with these limbs, each `< 2^54` (for tests of the bound).
    #[cfg(test)]
    pub(crate) fn from_limbs(limbs: [u64; 5]) -> Self {
        assert!(Self::is_lazy(&limbs));
        Self(limbs)
    }

    /// The value as an ordinary element, by one carry pass ([`carry_columns`] on the limbs as
    /// columns, far inside its input bound); for the tests of the bound.
    #[cfg(test)]
    pub(crate) fn reduce(&self) -> FieldElement {
        let c = self.0.map(u128::from);
        FieldElement::from_loose_limbs(carry_columns(c))
    }

    /// `self²`, within the bound.
    #[inline(always)]
    pub(crate) fn square(&self) -> FieldElement {
        FieldElement::from_loose_limbs(square_limbs(&self.0))
    }

    /// `self·k` for a small constant `k < 2^32`: columns `< 2^86`, one carry pass.
    #[inline(always)]
    pub(crate) fn mul_small(&self, k: u32) -> FieldElement {
        let k = u64::from(k);
        FieldElement::from_loose_limbs(carry_columns(self.0.map(|a| m(a, k))))
    }
}

impl FieldElement {
    /// The limbs of `−a` for limbs `a_i < 2^51` (a canonical element, as the compile-time tables
    /// hold): `2p − a` limb-wise (`2p`'s limbs are `2·(2^51 − 19)` and four times `2·(2^51 − 1)`),
    /// each limb in `[2^51 − 37, 2^52 − 2]`, within the bound `2^52` with no carry round (`4p`,
    /// the general negation's multiple, would need one).
    #[inline(always)]
    pub(crate) fn neg_limbs_of_canonical(a: &[u64; 5]) -> [u64; 5] {
        debug_assert!(a.iter().all(|&l| l <= MASK));
        core::array::from_fn(|i| 2 * Self::P_LIMBS[i] - a[i])
    }

    /// `self + rhs` without the carry round: limbs `< 2^53`.
    #[inline(always)]
    pub(crate) fn add_lazy(&self, rhs: &Self) -> LazyFieldElement {
        let (a, b) = (self.loose_limbs(), rhs.loose_limbs());
        LazyFieldElement(core::array::from_fn(|i| a[i] + b[i]))
    }

    /// `self − rhs` as `self + 4p − rhs` without the carry round: limbs `< 2^54`.
    #[inline(always)]
    pub(crate) fn sub_lazy(&self, rhs: &Self) -> LazyFieldElement {
        let (a, b) = (self.loose_limbs(), rhs.loose_limbs());
        LazyFieldElement(core::array::from_fn(|i| a[i] + FOUR_P[i] - b[i]))
    }

    /// `−self` as `4p − self` without the carry round: limbs `< 2^53`.
    #[inline(always)]
    pub(crate) fn neg_lazy(&self) -> LazyFieldElement {
        let a = self.loose_limbs();
        LazyFieldElement(core::array::from_fn(|i| FOUR_P[i] - a[i]))
    }
}

impl Mul<LazyFieldElement> for LazyFieldElement {
    type Output = FieldElement;
    #[inline(always)]
    fn mul(self, rhs: LazyFieldElement) -> FieldElement {
        FieldElement::from_loose_limbs(mul_limbs(&self.0, &rhs.0))
    }
}

impl Mul<FieldElement> for LazyFieldElement {
    type Output = FieldElement;
    #[inline(always)]
    fn mul(self, rhs: FieldElement) -> FieldElement {
        FieldElement::from_loose_limbs(mul_limbs(&self.0, rhs.loose_limbs()))
    }
}

impl Mul<LazyFieldElement> for FieldElement {
    type Output = FieldElement;
    #[inline(always)]
    fn mul(self, rhs: LazyFieldElement) -> FieldElement {
        FieldElement::from_loose_limbs(mul_limbs(self.loose_limbs(), &rhs.0))
    }
}

/// The canonical limbs of `a mod p` (each below `2^51`, value `< p`), in constant time.
///
/// Input: the bound between operations. Steps:
/// 1. Two sequential carry passes, the top excess going to limb 0 times 19. After the first,
///    limbs 1–4 are `< 2^51` and limb 0 is `< 2^51 + 19·2`; after the second, every limb is
///    `< 2^51`: the value `v < 2^255`, i.e. `v < p + 19`.
/// 2. `q = ⌊(v + 19) / 2^255⌋ ∈ {0, 1}` is 1 exactly when `v ≥ p`. Adding `19·q` and dropping bit
///    255 subtracts `q·p`. `q` is computed by carrying `v + 19` through the limbs, with no branch.
#[inline]
fn freeze(a: &[u64; 5]) -> [u64; 5] {
    debug_assert!(FieldElement::is_loose(a));
    let mut r = *a;
    // Step 1.
    for _ in 0..2 {
        for i in 0..4 {
            r[i + 1] += r[i] >> 51;
            r[i] &= MASK;
        }
        let h = r[4] >> 51;
        r[4] &= MASK;
        r[0] += 19 * h;
    }
    // Step 2.
    let mut q = (r[0] + 19) >> 51;
    for limb in &r[1..] {
        q = (limb + q) >> 51;
    }
    r[0] += 19 * q;
    for i in 0..4 {
        r[i + 1] += r[i] >> 51;
        r[i] &= MASK;
    }
    r[4] &= MASK;
    r
}

/// `a^(2^k)` by `k` squarings.
fn square_n(a: &FieldElement, k: u32) -> FieldElement {
    let mut r = *a;
    for _ in 0..k {
        r = r.square();
    }
    r
}

impl UnsaturatedField<Curve25519Base, 5, 4> {
    /// `√−1 = 2^((p−1)/4) mod p`, a root of `x² + 1` (RFC 8032 §5.1.3).
    pub const SQRT_M1: Self =
        Self::from_hex_const("2b8324804fc1df0b2b4d00993dfbd7a72f431806ad2fe478c4ee1b274a0ea0b0");

    /// Decodes 32 little-endian bytes as RFC 7748 §5 and RFC 8032 §5.1.3 read a coordinate: bit 255
    /// is ignored (masked off), and the remaining integer `< 2^255` is taken mod `p` (values in
    /// `[p, 2^255)`, non-canonical, are accepted and reduced).
    pub fn from_le_bytes_masked(bytes: &[u8; 32]) -> Self {
        let mut be = *bytes;
        be.reverse();
        be[0] &= 0x7f;
        Self::from_bytes_reduced(&be)
    }

    /// Decodes 32 little-endian bytes strictly: `None` if bit 255 is set or the integer is `≥ p`.
    pub fn from_le_bytes(bytes: &[u8; 32]) -> CtOption<Self> {
        let mut be = *bytes;
        be.reverse();
        Self::from_bytes(&be)
    }

    /// The canonical little-endian encoding (bit 255 clear).
    pub fn to_le_bytes(&self) -> [u8; 32] {
        let mut out = self.to_bytes();
        out.reverse();
        out
    }

    /// `self·k` for a small constant `k < 2^32` (the ladder's `a24 = 121665`): five word products
    /// and one carry pass, cheaper than a multiplication. Constant time.
    pub fn mul_small(&self, k: u32) -> Self {
        let a = self.loose_limbs();
        let k = u64::from(k);
        // Columns a_i·k < 2^84, far inside carry_columns' input bound.
        Self::from_loose_limbs(carry_columns([
            m(a[0], k),
            m(a[1], k),
            m(a[2], k),
            m(a[3], k),
            m(a[4], k),
        ]))
    }

    /// `self^((p−5)/8) = self^(2^252 − 3)`, the power behind square roots and Ed25519 point
    /// decompression; constant time. The addition chain goes through `x_k = self^(2^k − 1)`:
    /// `x_(j+k) = x_j^(2^k)·x_k`, then `2^252 − 3 = (2^250 − 1)·4 + 1`: 251 squarings and 11
    /// multiplications.
    pub fn pow_p58(&self) -> Self {
        let (x1, x250) = self.pow_2_250_minus_1();
        square_n(&x250, 2) * x1
    }

    /// `(self, self^(2^250 − 1))`: the common head of [`Self::pow_p58`] and
    /// [`Self::invert_fermat`].
    fn pow_2_250_minus_1(&self) -> (Self, Self) {
        let x1 = *self;
        let x2 = x1.square() * x1;
        let x4 = square_n(&x2, 2) * x2;
        let x5 = x4.square() * x1;
        let x10 = square_n(&x5, 5) * x5;
        let x20 = square_n(&x10, 10) * x10;
        let x40 = square_n(&x20, 20) * x20;
        let x50 = square_n(&x40, 10) * x10;
        let x100 = square_n(&x50, 50) * x50;
        let x200 = square_n(&x100, 100) * x100;
        let x250 = square_n(&x200, 50) * x50;
        (x1, x250)
    }

    /// Fermat inversion `self^(p−2)`, `p − 2 = 2^255 − 21 = (2^250 − 1)·2^5 + 11`, constant time.
    /// Kept as the textbook method and as a cross-check of [`Field::invert`] (safegcd).
    pub fn invert_fermat(&self) -> CtOption<Self> {
        let (x1, x250) = self.pow_2_250_minus_1();
        let a2 = x1.square();
        let a11 = square_n(&a2, 2) * x1 * a2;
        CtOption::new(square_n(&x250, 5) * a11, !self.is_zero())
    }

    /// `(is_square, r)` with `r = √(u/v)` when `u/v` is a square and `v ≠ 0`, constant time: the
    /// candidate of RFC 8032 §5.1.3 step 3 (Atkin's method for `p ≡ 5 (mod 8)`, without an
    /// inversion), `r = u·v³·(u·v⁷)^((p−5)/8)`. Then `v·r² = ±u`: if `+u`, `r` is a root; if `−u`,
    /// `r·√−1` is; otherwise `u/v` is not a square. `r` is returned with an even canonical value
    /// (the root RFC 8032 calls non-negative; the caller picks the sign). For `u = 0` the result
    /// is `(true, 0)`; for `v = 0`, `u ≠ 0` it is `(false, 0)`.
    pub fn sqrt_ratio(u: &Self, v: &Self) -> (Choice, Self) {
        let v3 = v.square() * *v;
        let v7 = v3.square() * *v;
        let mut r = *u * v3 * (*u * v7).pow_p58();
        let check = *v * r.square();
        let (plus, minus) = (check.ct_eq(u), check.ct_eq(&-*u));
        r.conditional_assign(&(r * Self::SQRT_M1), minus);
        let odd = r.is_odd();
        r.conditional_assign(&-r, odd);
        (plus | minus, r)
    }
}

/// Marker for the scalar field of Curve25519 (the order `ℓ` of the base point; generic
/// Montgomery arithmetic).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Curve25519Scalar;

impl LimbParams<4> for Curve25519Scalar {
    /// `ℓ = 2^252 + 27742317777372353535851937790883648493` (RFC 8032 §5.1, `L`).
    const MODULUS: [u64; 4] =
        limbs::from_be_hex("1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed");
    type Bytes = [u8; 32];
    const NAME: &'static str = "curve25519::Scalar";
}

/// An integer modulo `ℓ`, the prime order of Curve25519's base point (Montgomery form, always
/// `< ℓ`). The [`Field`] encoding is big-endian; Ed25519 uses [`Scalar::from_le_bytes`] and
/// [`Scalar::to_le_bytes`].
pub type Scalar = LimbField<Curve25519Scalar, 4>;

impl LimbField<Curve25519Scalar, 4> {
    /// `2^256 mod ℓ`, the weight of a 512-bit integer's high half.
    const TWO_256: Self =
        Self::from_hex_const("0ffffffffffffffffffffffffffffffec6ef5bf4737dcf70d6ec31748d98951d");

    /// Decodes 32 little-endian bytes strictly: `None` unless the integer is `< ℓ` (RFC 8032
    /// §5.1.7 step 1's check on `S`).
    pub fn from_le_bytes(bytes: &[u8; 32]) -> CtOption<Self> {
        let mut be = *bytes;
        be.reverse();
        Self::from_bytes(&be)
    }

    /// The 256-bit little-endian integer reduced mod `ℓ`.
    pub fn from_le_bytes_reduced(bytes: &[u8; 32]) -> Self {
        let mut be = *bytes;
        be.reverse();
        Self::from_bytes_reduced(&be)
    }

    /// The 512-bit little-endian integer reduced mod `ℓ` (RFC 8032 §5.1.6 step 2: a SHA-512 output
    /// as a scalar), constant time: `h_lo + h_hi·(2^256 mod ℓ)`.
    pub fn from_le_bytes_wide(bytes: &[u8; 64]) -> Self {
        let lo: [u8; 32] = bytes[..32].try_into().expect("32 bytes");
        let hi: [u8; 32] = bytes[32..].try_into().expect("32 bytes");
        Self::from_le_bytes_reduced(&lo) + Self::from_le_bytes_reduced(&hi) * Self::TWO_256
    }

    /// The canonical little-endian encoding.
    pub fn to_le_bytes(&self) -> [u8; 32] {
        let mut out = self.to_bytes();
        out.reverse();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::GenericField;
    use super::*;

    crypto_bigint::const_prime_monty_params!(
        OracleP,
        crypto_bigint::U256,
        "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed",
        2
    );
    type Oracle = GenericField<OracleP, 4, 32>;

    #[test]
    fn constants() {
        assert_eq!(FieldElement::SQRT_M1.square(), -FieldElement::ONE);
        assert_eq!(
            Scalar::TWO_256,
            Scalar::from_u64(1 << 32).square().square().square()
        );
        // ℓ·8 + something: the group order of the curve is 8ℓ (RFC 7748 §4.1).
        assert_eq!(Curve25519Scalar::MODULUS[3], 1 << 60);
    }

    #[test]
    fn freeze_edges() {
        // p, p + 1, …, p + 18 and 2^255 − 1 in loose limbs: the canonical values 0, 1, …, 18.
        let p_limbs = [MASK - 18, MASK, MASK, MASK, MASK];
        for k in 0..19u64 {
            let mut l = p_limbs;
            l[0] += k;
            let x = FieldElement::from_loose_limbs(l);
            assert_eq!(x, FieldElement::from_u64(k), "p + {k}");
        }
        // Every limb at the bound's maximum, 2^52 − 1: the value Σ (2^52 − 1)·2^(51i).
        let top = FieldElement::from_loose_limbs([(1 << 52) - 1; 5]);
        let mut o = Oracle::ZERO;
        let two51 = Oracle::from_u64(1 << 51);
        for _ in 0..5 {
            o = o * two51 + Oracle::from_u64((1 << 52) - 1);
        }
        assert_eq!(top.to_bytes(), o.to_bytes());
        assert_eq!((top * top).to_bytes(), (o * o).to_bytes());
        assert_eq!(top.square().to_bytes(), (o * o).to_bytes());
    }

    /// The oracle value of limbs in radix `2^51`, whatever their size.
    fn oracle_of(limbs: &[u64; 5]) -> Oracle {
        let two51 = Oracle::from_u64(1 << 51);
        limbs
            .iter()
            .rev()
            .fold(Oracle::ZERO, |o, &l| o * two51 + Oracle::from_u64(l))
    }

    /// The lazy bound `2^54` at its edges: products, squares and small multiples of lazy
    /// operands with limbs up to `2^54 − 1` (the worst case of every column of `mul_limbs` and
    /// `square_limbs`, and of `carry_columns`' wrapped excess) agree with the oracle and end
    /// within the bound between operations; and the lazy sums, differences and negations of
    /// elements at the edges of that bound stay below `2^54` with the right value.
    #[test]
    fn lazy_bounds() {
        let max = (1u64 << 54) - 1;
        let patterns: [[u64; 5]; 6] = [
            [max; 5],
            [max, 0, 0, 0, 0],
            [0, 0, 0, 0, max],
            [max, max, 0, max, max],
            [1, max, 2, max, 3],
            [max - 18, max, max - 1, 0, max],
        ];
        for a in &patterns {
            let la = LazyFieldElement::from_limbs(*a);
            let oa = oracle_of(a);
            assert_eq!(la.reduce().to_bytes(), oa.to_bytes());
            let sq = la.square();
            assert!(FieldElement::is_loose(sq.loose_limbs()));
            assert_eq!(sq.to_bytes(), (oa * oa).to_bytes());
            let small = la.mul_small(u32::MAX);
            assert!(FieldElement::is_loose(small.loose_limbs()));
            assert_eq!(
                small.to_bytes(),
                (oa * Oracle::from_u64(u64::from(u32::MAX))).to_bytes()
            );
            for b in &patterns {
                let lb = LazyFieldElement::from_limbs(*b);
                let ob = oracle_of(b);
                let prod = la * lb;
                assert!(FieldElement::is_loose(prod.loose_limbs()));
                assert_eq!(prod.to_bytes(), (oa * ob).to_bytes());
                assert_eq!((la * lb.reduce()).to_bytes(), (oa * ob).to_bytes());
                assert_eq!((la.reduce() * lb).to_bytes(), (oa * ob).to_bytes());
            }
        }
        let loose_max = (1u64 << 52) - 1;
        let elements = [
            FieldElement::ZERO,
            FieldElement::ONE,
            FieldElement::from_loose_limbs([loose_max; 5]),
            FieldElement::from_loose_limbs([loose_max, 0, loose_max, 0, loose_max]),
            -FieldElement::ONE,
        ];
        for x in &elements {
            let neg = x.neg_lazy();
            assert!(LazyFieldElement::is_lazy(&neg.0));
            assert_eq!(neg.reduce(), -*x);
            for y in &elements {
                let (sum, diff) = (x.add_lazy(y), x.sub_lazy(y));
                assert!(LazyFieldElement::is_lazy(&sum.0) && LazyFieldElement::is_lazy(&diff.0));
                assert_eq!(sum.reduce(), *x + *y);
                assert_eq!(diff.reduce(), *x - *y);
            }
        }
    }

    #[test]
    fn inversions_and_roots() {
        let mut x = -FieldElement::ONE;
        for i in 0..200u64 {
            let inv = x.invert().unwrap();
            assert_eq!(inv, x.invert_fermat().unwrap());
            assert_eq!(inv * x, FieldElement::ONE);
            let r = x.square().sqrt().unwrap();
            assert!(r == x || r == -x);
            // A non-square: 2 is not a square mod p (p ≡ 5 mod 8), so 2·x² is not either.
            assert!(bool::from(
                (x.square() * FieldElement::from_u64(2)).sqrt().is_none()
            ));
            let v = (x + FieldElement::ONE).square();
            let (ok, q) = FieldElement::sqrt_ratio(&x.square(), &v);
            // v = 0 exactly when x = −1 (the first round): then there is no quotient.
            assert_eq!(bool::from(ok), !bool::from(v.is_zero()));
            assert!(!bool::from(q.is_odd()));
            assert_eq!(
                q.square() * v,
                x.square() * FieldElement::from_u64(u64::from(ok.unwrap_u8()))
            );
            x = x + x + FieldElement::from_u64(i);
        }
        assert!(bool::from(FieldElement::ZERO.invert_fermat().is_none()));
        let (ok, r) = FieldElement::sqrt_ratio(&FieldElement::ONE, &FieldElement::ZERO);
        assert!(!bool::from(ok) && r == FieldElement::ZERO);
    }

    #[test]
    fn little_endian() {
        let mut b = [0u8; 32];
        b[0] = 5;
        b[31] = 0x80; // bit 255: masked off, rejected by the strict decoder
        assert_eq!(
            FieldElement::from_le_bytes_masked(&b),
            FieldElement::from_u64(5)
        );
        assert!(bool::from(FieldElement::from_le_bytes(&b).is_none()));
        // p + 2 (non-canonical): masked decoding reduces to 2, strict decoding refuses.
        let mut p2 = [0xffu8; 32];
        p2[0] = 0xef;
        p2[31] = 0x7f;
        assert_eq!(
            FieldElement::from_le_bytes_masked(&p2),
            FieldElement::from_u64(2)
        );
        assert!(bool::from(FieldElement::from_le_bytes(&p2).is_none()));
        assert_eq!(FieldElement::from_u64(5).to_le_bytes()[0], 5);
        // The scalar wide reduction: 2^512 − 1 mod ℓ.
        let s = Scalar::from_le_bytes_wide(&[0xff; 64]);
        let expected = Scalar::TWO_256 * Scalar::TWO_256 - Scalar::ONE;
        assert_eq!(s, expected);
    }
}
