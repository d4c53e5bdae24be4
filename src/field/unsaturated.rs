//! A prime field in **unsaturated** limbs, generic over the prime and its multiplication.
//!
//! Layer: **fields**. Uses [`super::limbs`] and the safegcd inversion (module `field::safegcd`).
//!
//! # Representation
//! For a prime `p = 2^k − c` with a small `c` (the Mersenne prime `2^521 − 1` of P-521, the
//! pseudo-Mersenne `2^255 − 19` of Curve25519), an element is stored as `N` little-endian limbs
//! `a_0, …, a_(N−1)` of a radix-`2^r` number
//!
//! ```text
//! a = Σ a_i·2^(r·i),
//! ```
//!
//! where the limbs `0..N−1` have a **width** of `w_i = r` bits and the top limb
//! `w_(N−1) = t = k − (N−1)·r` bits, so that the canonical limbs hold exactly the `k` bits of an
//! integer `< 2^k`. Each 64-bit word keeps spare bits above its width: sums of limbs need no carry
//! chain, and products of limbs leave room in 128-bit column sums. This is the layout of D. J.
//! Bernstein's curve25519 code (radix `2^51` for `2^255 − 19`; "Curve25519: new Diffie-Hellman
//! speed records", PKC 2006, §4) and of curve25519-dalek's `FieldElement51`.
//!
//! Values are **loosely reduced**: between operations only the bound
//!
//! ```text
//! a_i < 2^(w_i + s)      (s = UnsaturatedParams::SLACK_BITS ≥ 1)
//! ```
//!
//! holds, for any representative `≡` the element mod `p`. Everything but the multiplication follows
//! from `2^k ≡ c (mod p)` and is written once here:
//! * **carry** (one parallel round, no carry chain): each limb keeps its `w_i` low bits and passes
//!   the rest to the next limb; the excess of the top limb has weight `2^k ≡ c`, so it goes to
//!   limb 0 multiplied by `c`. The value changes by a multiple of `p` only;
//! * `+`: limb-wise sum, then one carry round;
//! * `−`, `neg`: limb-wise `a + m·p − b`, where the limbs of `m·p` (`m` =
//!   [`UnsaturatedParams::SUB_MULTIPLE`]) are at least the bound, so that no limb goes negative;
//!   then one carry round;
//! * `half`: add `p` if the value is odd, then shift right by one bit across the radix;
//! * equality, `is_zero`, `is_odd` and the encodings go through the canonical form
//!   ([`UnsaturatedParams::freeze`]);
//! * inversion: the safegcd (module `field::safegcd`) on the canonical value as `S` saturated
//!   64-bit limbs, and back (no byte round trip).
//!
//! The prime supplies its multiplication and squaring (schoolbook columns with its own wrap-around,
//! [`UnsaturatedParams::mul`]), the freeze to canonical limbs and the square root.
//!
//! ## Two limb counts
//! The saturated form of the same integers, used by the encodings, the `const` constructors and
//! inversion, has `S` 64-bit limbs, which in general differs from `N` (`2^255 − 19`: `N = 5` limbs
//! of 51 bits, `S = 4`; P-521: `N = S = 9`).
//!
//! ## Bounds checked at compile time
//! The derived constants (`t`, `c`, the limbs of `p` and of `m·p`) are computed from
//! [`UnsaturatedParams::MODULUS`] and the radix when the type is instantiated, together with the
//! conditions that make the generic code correct: `p = 2^k − c` with `c < 2^64`; `(N−1)·r < k ≤
//! N·r`; a limb within the bound plus one more has room in 64 bits; the limbs of `m·p` are at
//! least the bound; and the carry round and the conversion from saturated limbs end within the
//! bound (see `CHECK` in the source).

use super::limbs;
use super::safegcd::Safegcd;
use super::{ByteArray, Field};
use core::fmt;
use core::marker::PhantomData;
use core::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};
use zeroize::Zeroize;

/// A prime `p = 2^k − c` and its limb arithmetic in radix `2^RADIX`, for an [`UnsaturatedField`]
/// of `N` unsaturated limbs whose saturated form has `S` 64-bit limbs.
///
/// Implement it on an empty marker type. The constants describe the representation (the generic
/// code derives the rest and checks it at compile time, see the [module docs](self)); the methods
/// are the prime's own limb code. Each method's input and output are limbs within the bound
/// between operations, `a_i < 2^(w_i + SLACK_BITS)`, unless it says otherwise.
pub trait UnsaturatedParams<const N: usize, const S: usize>:
    Copy + fmt::Debug + Default + Eq + Send + Sync + 'static
{
    /// The prime `p = 2^NUM_BITS − c` (`c < 2^64`), little-endian saturated limbs; its top limb is
    /// non-zero.
    const MODULUS: [u64; S];
    /// The encoding: `[u8; ⌈NUM_BITS/8⌉]`.
    type Bytes: ByteArray;
    /// Name printed by `Debug`.
    const NAME: &'static str;
    /// `r`: every limb but the top one has `r` bits; the top limb has `NUM_BITS − (N−1)·r`.
    const RADIX: u32;
    /// `s ≥ 1`: the bound between operations is `a_i < 2^(w_i + s)` for a limb of width `w_i`.
    const SLACK_BITS: u32;
    /// `m`: subtraction adds the limbs `m·p_i` of `m·p` (each at least the bound) before it
    /// subtracts, so that no limb goes negative.
    const SUB_MULTIPLE: u64;
    /// [`Field::FAST_SQUARE`] for this field (default `false`).
    const FAST_SQUARE: bool = false;
    /// Bit length `k` of `p`.
    const NUM_BITS: u32 = limbs::bits_vartime(&Self::MODULUS);

    /// A representative of `a·b mod p`, within the bound. The point formulas spend their time
    /// here and in [`UnsaturatedParams::square`]: mark both `#[inline(always)]` (the generic
    /// operators are `#[inline]`), so that the limbs stay in registers around the call.
    fn mul(a: &[u64; N], b: &[u64; N]) -> [u64; N];

    /// A representative of `a² mod p`, within the bound.
    fn square(a: &[u64; N]) -> [u64; N];

    /// The canonical limbs of `a mod p`: each limb below `2^(w_i)` and the value `< p`. Constant
    /// time.
    fn freeze(a: &[u64; N]) -> [u64; N];

    /// A square root of `a`, or `None` if `a` is not a square (the check included); see
    /// [`Field::sqrt`]. Constant time.
    fn sqrt(a: &UnsaturatedField<Self, N, S>) -> CtOption<UnsaturatedField<Self, N, S>>;
}

/// An element of `F_p`, `p = P::MODULUS`, as `N` unsaturated limbs in radix `2^P::RADIX`, loosely
/// reduced (see the [module docs](self) for the value formula and the bound between operations).
pub struct UnsaturatedField<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> {
    /// `Σ limbs[i]·2^(r·i) ≡` the element (mod `p`), each limb within the bound.
    limbs: [u64; N],
    _params: PhantomData<P>,
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> UnsaturatedField<P, N, S> {
    /// `0`.
    pub const ZERO: Self = Self::new([0; N]);
    /// `1`.
    pub const ONE: Self = Self::new({
        let mut one = [0u64; N];
        one[0] = 1;
        one
    });

    /// `t`, the width of the top limb.
    const TOP_BITS: u32 = P::NUM_BITS - (N as u32 - 1) * P::RADIX;
    /// `2^r − 1`.
    const LIMB_MASK: u64 = (1 << P::RADIX) - 1;
    /// `2^t − 1`.
    const TOP_MASK: u64 = (1 << Self::TOP_BITS) - 1;
    /// `c = 2^k − p`, the factor by which an excess of weight `2^k` wraps to limb 0.
    const C: u64 = {
        // 2^k − 1 − p is the complement of p within its k bits; it must fit in limb 0.
        let k = P::NUM_BITS;
        let mut i = 1;
        while i < S {
            let bits = if 64 * (i as u32 + 1) <= k {
                u64::MAX
            } else if 64 * (i as u32) < k {
                (1 << (k - 64 * i as u32)) - 1
            } else {
                0
            };
            assert!(!P::MODULUS[i] & bits == 0, "p is not 2^k − c with c < 2^64");
            i += 1;
        }
        let low = if k >= 64 { u64::MAX } else { (1 << k) - 1 };
        (!P::MODULUS[0] & low) + 1
    };
    /// The limbs of `p` in radix `2^r` (exact: `p < 2^k`).
    pub(super) const P_LIMBS: [u64; N] = Self::from_saturated(&P::MODULUS);
    /// The limbs `m·p_i` of `m·p`.
    const SUB_BIAS: [u64; N] = {
        let mut r = Self::P_LIMBS;
        let mut i = 0;
        while i < N {
            r[i] *= P::SUB_MULTIPLE;
            i += 1;
        }
        r
    };
    /// The safegcd constants of `p`.
    const SAFEGCD: Safegcd<S> = Safegcd::new(&P::MODULUS);

    /// The conditions under which the generic code is correct, evaluated (and a compile error if
    /// one fails) wherever an element is built. With `B_i = 2^(w_i + s)` the bound of limb `i`:
    /// 1. the shape: `N ≥ 2`, `p` odd, `1 ≤ t ≤ r < 64`, `s ≥ 1`, `k ≤ 64·S < k + 64`;
    /// 2. `+`: `2·B_i ≤ 2^64`;
    /// 3. `−`: `m·p_i ≥ B_i − 1` (no limb goes negative) and `B_i + m·p_i ≤ 2^64`;
    /// 4. the carry round ends within the bound: limb `i ≥ 1` gets `< 2^(w_i) + 2^(64−r)`, limb 0
    ///    gets `< 2^r + c·2^(64−t)`;
    /// 5. [`Self::from_saturated`] ends within the bound: limb 0 gets `< 2^r + c·2^(64·S − k)`.
    const CHECK: () = {
        let (r, s, t, k) = (P::RADIX, P::SLACK_BITS, Self::TOP_BITS, P::NUM_BITS);
        // Step 1.
        assert!(N >= 2 && P::MODULUS[0] & 1 == 1 && P::MODULUS[S - 1] != 0);
        assert!(t >= 1 && t <= r && r < 64 && s >= 1);
        assert!(k <= 64 * S as u32 && 64 * S as u32 - k < 64);
        let mut i = 0;
        while i < N {
            let w = Self::width(i);
            // Step 2.
            assert!(w + s < 64, "sum of two limbs overflows");
            // Step 3.
            let bias = Self::SUB_BIAS[i] as u128;
            assert!(bias >= (1u128 << (w + s)) - 1, "m·p is below the bound");
            assert!((1u128 << (w + s)) + bias <= 1 << 64, "a + m·p overflows");
            // Step 4.
            let carried = if i == 0 {
                (1u128 << r) + ((Self::C as u128) << (64 - t))
            } else {
                (1u128 << w) + (1u128 << (64 - r))
            };
            assert!(carried <= 1 << (w + s), "the carry round leaves the bound");
            i += 1;
        }
        // Step 5.
        let folded = (1u128 << r) + ((Self::C as u128) << (64 * S as u32 - k));
        assert!(folded <= 1 << (r + s), "from_saturated leaves the bound");
    };

    const fn new(limbs: [u64; N]) -> Self {
        let () = Self::CHECK;
        Self {
            limbs,
            _params: PhantomData,
        }
    }

    /// `w_i`, the width of limb `i`.
    const fn width(i: usize) -> u32 {
        if i + 1 < N { P::RADIX } else { Self::TOP_BITS }
    }

    /// Whether the limbs satisfy the bound between operations, `a_i < 2^(w_i + s)` (for the
    /// `debug_assert!`s of this module and of the primes' limb code).
    pub(crate) const fn is_loose(a: &[u64; N]) -> bool {
        let mut i = 0;
        while i < N {
            if a[i] >> (Self::width(i) + P::SLACK_BITS) != 0 {
                return false;
            }
            i += 1;
        }
        true
    }

    /// One parallel carry round ("weak reduction"): each limb keeps its low `w_i` bits and passes
    /// the rest to the next limb; the top limb's excess, of weight `2^k ≡ c (mod p)`, goes to
    /// limb 0 multiplied by `c`. The value changes by a multiple of `p` only.
    ///
    /// Input: any limbs `< 2^64`. Output: `a_i < 2^(w_i) + 2^(64−r)` for `i ≥ 1`,
    /// `a_0 < 2^r + c·2^(64−t)`: within the bound (`CHECK`, step 4). No carry chain.
    #[inline(always)]
    const fn carry(a: &[u64; N]) -> [u64; N] {
        let mut r = [0u64; N];
        r[0] = (a[0] & Self::LIMB_MASK) + (a[N - 1] >> Self::TOP_BITS) * Self::C;
        let mut i = 1;
        while i < N - 1 {
            r[i] = (a[i] & Self::LIMB_MASK) + (a[i - 1] >> P::RADIX);
            i += 1;
        }
        r[N - 1] = (a[N - 1] & Self::TOP_MASK) + (a[N - 2] >> P::RADIX);
        debug_assert!(Self::is_loose(&r));
        r
    }

    /// The 64 bits of `x` from bit `bit` up (zeros above the top of `x`).
    const fn bits_at(x: &[u64; S], bit: u32) -> u64 {
        let (w, off) = ((bit / 64) as usize, bit % 64);
        if w >= S {
            return 0;
        }
        let lo = x[w] >> off;
        if off > 0 && w + 1 < S {
            lo | (x[w + 1] << (64 - off))
        } else {
            lo
        }
    }

    /// Splits a saturated little-endian integer `x < 2^(64·S)` into radix-`2^r` limbs, folding the
    /// bits from `k` up (weight `2^k ≡ c`) into limb 0 times `c`: the result is `≡ x (mod p)`,
    /// within the bound (`CHECK`, step 5), and for `x < 2^k` the exact canonical limbs of `x`.
    const fn from_saturated(x: &[u64; S]) -> [u64; N] {
        let mut r = [0u64; N];
        let mut i = 0;
        while i < N {
            let (bit, w) = (P::RADIX * i as u32, Self::width(i));
            let (word, off) = ((bit / 64) as usize, bit % 64);
            // The limb's bits, from one word or, if it straddles two, from both.
            let mut v = x[word] >> off;
            if off > 64 - w && word + 1 < S {
                v |= x[word + 1] << (64 - off);
            }
            r[i] = v & ((1 << w) - 1);
            i += 1;
        }
        r[0] += Self::bits_at(x, P::NUM_BITS) * Self::C;
        r
    }

    /// Packs canonical limbs (each below `2^(w_i)`) into `S` saturated 64-bit limbs.
    const fn to_saturated(a: &[u64; N]) -> [u64; S] {
        let mut out = [0u64; S];
        let mut acc: u128 = 0;
        let mut bits = 0;
        let mut w = 0;
        let mut i = 0;
        while i < N {
            debug_assert!(a[i] >> Self::width(i) == 0);
            acc |= (a[i] as u128) << bits;
            bits += Self::width(i);
            if bits >= 64 {
                out[w] = acc as u64;
                acc >>= 64;
                bits -= 64;
                w += 1;
            }
            i += 1;
        }
        if w < S {
            out[w] = acc as u64;
        }
        out
    }

    /// The element with the given canonical value (saturated little-endian 64-bit limbs), for
    /// constants. Panics — a compile error in a `const` — if `value ≥ p`.
    pub const fn from_uint_const(value: &[u64; S]) -> Self {
        let (_, borrow) = limbs::sub(value, &P::MODULUS);
        assert!(borrow == 1, "constant is not reduced modulo p");
        Self::new(Self::from_saturated(value))
    }

    /// The element with the given big-endian hex value, for constants.
    /// Panics — a compile error in a `const` — on bad hex or a value `≥ p`.
    pub const fn from_hex_const(hex: &str) -> Self {
        Self::from_uint_const(&limbs::from_be_hex(hex))
    }

    /// `self + rhs` as a `const fn`, for deriving constants such as `3b`.
    pub const fn add_const(&self, rhs: &Self) -> Self {
        let mut s = [0u64; N];
        let mut i = 0;
        while i < N {
            s[i] = self.limbs[i] + rhs.limbs[i];
            i += 1;
        }
        Self::new(Self::carry(&s))
    }

    /// The canonical value as saturated little-endian 64-bit limbs.
    pub fn to_uint(&self) -> [u64; S] {
        Self::to_saturated(&P::freeze(&self.limbs))
    }

    /// The element with the given limbs, which must be within the bound (limb code of a prime
    /// beyond `mul`/`square`, and tests).
    pub(crate) const fn from_loose_limbs(limbs: [u64; N]) -> Self {
        debug_assert!(Self::is_loose(&limbs));
        Self::new(limbs)
    }

    /// The limbs of the representative, within the bound (limb code of a prime, and tests).
    pub(crate) const fn loose_limbs(&self) -> &[u64; N] {
        &self.limbs
    }

    /// Safegcd inversion (module `field::safegcd`) of the canonical value, `VARTIME` selecting the
    /// variable-time variant: freeze, pack into `S` saturated limbs, invert, split back. The
    /// constant-time variant wipes the saturated limbs of the input and of its inverse.
    fn invert_safegcd<const VARTIME: bool>(&self) -> CtOption<Self> {
        let mut a = self.to_uint();
        let is_zero = a.iter().fold(0, |acc, l| acc | l).ct_eq(&0);
        let mut inv = if VARTIME {
            Self::SAFEGCD.invert_vartime(&a)
        } else {
            Self::SAFEGCD.invert(&a)
        };
        let r = Self::new(Self::from_saturated(&inv));
        if !VARTIME {
            a.zeroize();
            inv.zeroize();
        }
        CtOption::new(r, !is_zero)
    }
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> Field
    for UnsaturatedField<P, N, S>
{
    type Bytes = P::Bytes;
    const ZERO: Self = Self::ZERO;
    const ONE: Self = Self::ONE;
    const NUM_BITS: u32 = P::NUM_BITS;
    const FAST_SQUARE: bool = P::FAST_SQUARE;

    fn from_bytes(bytes: &Self::Bytes) -> CtOption<Self> {
        let x = limbs::from_be_bytes::<S>(bytes.as_ref());
        let (_, borrow) = limbs::sub(&x, &P::MODULUS);
        CtOption::new(
            Self::new(Self::from_saturated(&x)),
            Choice::from(borrow as u8),
        )
    }

    fn from_bytes_reduced(bytes: &Self::Bytes) -> Self {
        // x < 2^(8·len) ≤ 2^(64·S): `from_saturated` folds the bits from k up.
        Self::new(Self::from_saturated(&limbs::from_be_bytes::<S>(
            bytes.as_ref(),
        )))
    }

    fn to_bytes(&self) -> Self::Bytes {
        let mut out = Self::Bytes::zeroed();
        limbs::to_be_bytes(&self.to_uint(), out.as_mut());
        out
    }

    fn from_u64(v: u64) -> Self {
        let mut x = [0u64; S];
        x[0] = v;
        Self::new(Self::from_saturated(&x))
    }

    /// [`UnsaturatedField::to_uint`], zero-extended to `L` limbs (`L` may be below `S` only when
    /// the modulus fits in `L` limbs).
    #[inline]
    fn to_canonical_limbs<const L: usize>(&self) -> [u64; L] {
        debug_assert!(P::MODULUS.iter().skip(L).all(|&l| l == 0));
        let v = self.to_uint();
        core::array::from_fn(|i| if i < S { v[i] } else { 0 })
    }

    /// The limbs of `v mod p`; `v < 2^(64·S)`, which `from_saturated` reduces.
    #[inline]
    fn from_limbs_reduced<const L: usize>(v: &[u64; L]) -> Self {
        debug_assert!(v.iter().skip(S).all(|&l| l == 0));
        let x: [u64; S] = core::array::from_fn(|i| if i < L { v[i] } else { 0 });
        Self::new(Self::from_saturated(&x))
    }

    #[inline]
    fn square(&self) -> Self {
        debug_assert!(Self::is_loose(&self.limbs));
        let r = P::square(&self.limbs);
        debug_assert!(Self::is_loose(&r));
        Self::new(r)
    }

    /// `a/2` or `(a + p)/2`, by the parity of the representative `a` (the parity of limb 0: the
    /// other limbs have even weights), with no branch:
    /// 1. add `p`'s limbs `p_i < 2^(w_i)` under the parity mask: `a_i < 2^(w_i + s) + 2^(w_i)`,
    ///    the value even;
    /// 2. shift right by one bit across the radix: limb `i` takes `a_i >> 1` plus the low bit of
    ///    `a_(i+1)` at weight `2^(r−1)`, so `r_i < 2^(w_i + s − 1) + 2^(w_i − 1) + 2^(r−1) ≤
    ///    2^(w_i + s)` (as `s ≥ 1`; the top limb gets no bit from above): the bound holds without
    ///    a carry round.
    #[inline]
    fn half(&self) -> Self {
        let a = &self.limbs;
        debug_assert!(Self::is_loose(a));
        // Step 1 (the mask behind `black_box`, as in `limbs::select`).
        let mask = core::hint::black_box(0u64.wrapping_sub(a[0] & 1));
        let a: [u64; N] = core::array::from_fn(|i| a[i] + (Self::P_LIMBS[i] & mask));
        // Step 2.
        let r = core::array::from_fn(|i| {
            let above = if i + 1 < N {
                (a[i + 1] & 1) << (P::RADIX - 1)
            } else {
                0
            };
            (a[i] >> 1) + above
        });
        debug_assert!(Self::is_loose(&r));
        Self::new(r)
    }

    /// The Bernstein–Yang "safegcd" inversion (D. J. Bernstein and B.-Y. Yang, "Fast
    /// constant-time gcd computation and modular inversion", TCHES 2019) of the canonical value,
    /// in this crate's implementation (module `field::safegcd`).
    fn invert(&self) -> CtOption<Self> {
        self.invert_safegcd::<false>()
    }

    /// Safegcd in its variable-time form. Leaks `self`: public values only.
    fn invert_vartime(&self) -> CtOption<Self> {
        self.invert_safegcd::<true>()
    }

    fn sqrt(&self) -> CtOption<Self> {
        P::sqrt(self)
    }

    fn is_zero(&self) -> Choice {
        let r = P::freeze(&self.limbs);
        let mut acc = 0;
        for limb in r {
            acc |= limb;
        }
        acc.ct_eq(&0)
    }

    /// The parity of canonical limb 0 (the other limbs have even weights).
    fn is_odd(&self) -> Choice {
        Choice::from((P::freeze(&self.limbs)[0] & 1) as u8)
    }
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> Clone
    for UnsaturatedField<P, N, S>
{
    fn clone(&self) -> Self {
        *self
    }
}
impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> Copy
    for UnsaturatedField<P, N, S>
{
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> Default
    for UnsaturatedField<P, N, S>
{
    fn default() -> Self {
        Self::ZERO
    }
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> zeroize::DefaultIsZeroes
    for UnsaturatedField<P, N, S>
{
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> fmt::Debug
    for UnsaturatedField<P, N, S>
{
    /// Prints the canonical value in hex. Field elements are not secrets by themselves; the secret
    /// types of the upper layers (keys, nonces) do not print their contents.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(0x", P::NAME)?;
        for b in self.to_bytes().as_ref() {
            write!(f, "{b:02x}")?;
        }
        write!(f, ")")
    }
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> ConstantTimeEq
    for UnsaturatedField<P, N, S>
{
    /// Compares the canonical forms.
    fn ct_eq(&self, other: &Self) -> Choice {
        let (a, b) = (P::freeze(&self.limbs), P::freeze(&other.limbs));
        let mut acc = 0u64;
        for (x, y) in a.iter().zip(&b) {
            acc |= x ^ y;
        }
        acc.ct_eq(&0)
    }
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> PartialEq
    for UnsaturatedField<P, N, S>
{
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}
impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> Eq for UnsaturatedField<P, N, S> {}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> ConditionallySelectable
    for UnsaturatedField<P, N, S>
{
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        Self::new(limbs::select_choice(&a.limbs, &b.limbs, choice.unwrap_u8()))
    }
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> Add for UnsaturatedField<P, N, S> {
    type Output = Self;
    /// Limb-wise sum (`< 2^(w_i + s + 1)`), then one carry round.
    #[inline]
    fn add(self, rhs: Self) -> Self {
        let (a, b) = (&self.limbs, &rhs.limbs);
        debug_assert!(Self::is_loose(a) && Self::is_loose(b));
        Self::new(Self::carry(&core::array::from_fn(|i| a[i] + b[i])))
    }
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> Sub for UnsaturatedField<P, N, S> {
    type Output = Self;
    /// `a + m·p − b` limb-wise (no limb goes negative: `b_i < 2^(w_i + s) ≤ m·p_i + 1`; the sum
    /// has room in 64 bits), then one carry round.
    #[inline]
    fn sub(self, rhs: Self) -> Self {
        let (a, b) = (&self.limbs, &rhs.limbs);
        debug_assert!(Self::is_loose(a) && Self::is_loose(b));
        Self::new(Self::carry(&core::array::from_fn(|i| {
            a[i] + Self::SUB_BIAS[i] - b[i]
        })))
    }
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> Mul for UnsaturatedField<P, N, S> {
    type Output = Self;
    #[inline]
    fn mul(self, rhs: Self) -> Self {
        debug_assert!(Self::is_loose(&self.limbs) && Self::is_loose(&rhs.limbs));
        let r = P::mul(&self.limbs, &rhs.limbs);
        debug_assert!(Self::is_loose(&r));
        Self::new(r)
    }
}

impl<P: UnsaturatedParams<N, S>, const N: usize, const S: usize> Neg for UnsaturatedField<P, N, S> {
    type Output = Self;
    /// `m·p − a` limb-wise, then one carry round.
    #[inline]
    fn neg(self) -> Self {
        let a = &self.limbs;
        debug_assert!(Self::is_loose(a));
        Self::new(Self::carry(&core::array::from_fn(|i| {
            Self::SUB_BIAS[i] - a[i]
        })))
    }
}

crate::impl_assign_ops!(
    UnsaturatedField<P, N, S>,
    [P: UnsaturatedParams<N, S>, const N: usize, const S: usize]
);

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec;

    /// A toy prime `q = 2^62 − 57` in two limbs of radix `2^31` (`N = 2`) over one saturated limb
    /// (`S = 1`), with `c = 57 ≠ 1`: the generic code on a shape other than P-521's. The wrapped
    /// excess `57·2^33` of a carry round needs `s = 8` spare bits, and `m = 2^9` for `m·q_0 =
    /// 2^9·(2^31 − 57) ≥ 2^39`. Its limb code is the reference arithmetic on `u128`.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    struct Toy;

    const Q: u64 = (1 << 62) - 57;

    /// `Σ a_i·2^(31i) mod q`.
    fn value(a: &[u64; 2]) -> u64 {
        ((a[0] as u128 + ((a[1] as u128) << 31)) % Q as u128) as u64
    }

    fn split(v: u64) -> [u64; 2] {
        [v & ((1 << 31) - 1), v >> 31]
    }

    fn mul_mod(x: u64, y: u64) -> u64 {
        ((x as u128 * y as u128) % Q as u128) as u64
    }

    impl UnsaturatedParams<2, 1> for Toy {
        const MODULUS: [u64; 1] = [Q];
        type Bytes = [u8; 8];
        const NAME: &'static str = "Toy";
        const RADIX: u32 = 31;
        const SLACK_BITS: u32 = 8;
        const SUB_MULTIPLE: u64 = 1 << 9;

        fn mul(a: &[u64; 2], b: &[u64; 2]) -> [u64; 2] {
            split(mul_mod(value(a), value(b)))
        }
        fn square(a: &[u64; 2]) -> [u64; 2] {
            Self::mul(a, a)
        }
        fn freeze(a: &[u64; 2]) -> [u64; 2] {
            split(value(a))
        }
        /// `q ≡ 3 (mod 4)`: `a^((q+1)/4)`, then the check.
        fn sqrt(a: &UnsaturatedField<Self, 2, 1>) -> CtOption<UnsaturatedField<Self, 2, 1>> {
            let (x, mut e) = (value(&a.limbs), (Q + 1) / 4);
            let (mut r, mut base) = (1u64, x);
            while e > 0 {
                if e & 1 == 1 {
                    r = mul_mod(r, base);
                }
                base = mul_mod(base, base);
                e >>= 1;
            }
            let r = UnsaturatedField::new(split(r));
            CtOption::new(r, r.square().ct_eq(a))
        }
    }

    type T = UnsaturatedField<Toy, 2, 1>;

    #[test]
    fn toy_constants() {
        assert_eq!(T::C, 57);
        assert_eq!(T::TOP_BITS, 31);
        assert_eq!(T::P_LIMBS, [(1 << 31) - 57, (1 << 31) - 1]);
        assert_eq!(T::to_saturated(&T::P_LIMBS), [Q]);
        // 2^64 − 1 = 4·2^62 − 1 ≡ 4·57 − 1.
        assert_eq!(value(&T::from_saturated(&[u64::MAX])), 4 * 57 - 1);
        assert_eq!(T::from_hex_const("3fffffffffffffc6").to_uint(), [Q - 1]);
    }

    /// Raw limbs at and below the bound (`2^39 − 1`), and the multiples of `q`: every operation
    /// stays within the bound and agrees with the `u128` reference.
    #[test]
    fn toy_against_reference() {
        let max = (1u64 << 39) - 1;
        let mut inputs = vec![
            [0, 0],
            [max, max],
            [max, 0],
            [0, max],
            T::P_LIMBS,
            T::SUB_BIAS.map(|l| l.min(max)),
            [(1 << 31) - 58, (1 << 31) - 1],
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..200 {
            let mut a = [0u64; 2];
            for limb in a.iter_mut() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                *limb = if seed & 1 == 0 {
                    seed >> 25
                } else {
                    seed >> 33
                };
            }
            inputs.push(a);
        }
        for a in &inputs {
            let (x, vx) = (T::from_loose_limbs(*a), value(a));
            let check = |e: T, want: u64| {
                assert!(T::is_loose(&e.limbs), "{:x?} out of bounds", e.limbs);
                assert_eq!(e.to_uint(), [want]);
            };
            check(x, vx);
            check(-x, (Q - vx) % Q);
            check(x.double(), (2 * vx) % Q);
            check(x.half().double(), vx);
            check(x.square(), mul_mod(vx, vx));
            assert_eq!(bool::from(x.is_zero()), vx == 0);
            assert_eq!(bool::from(x.is_odd()), vx & 1 == 1);
            assert_eq!(x.to_bytes(), vx.to_be_bytes());
            assert_eq!(T::from_bytes(&vx.to_be_bytes()).unwrap(), x);
            assert_eq!(x.to_canonical_limbs::<2>(), [vx, 0]);
            for inv in [x.invert(), x.invert_vartime()] {
                assert_eq!(bool::from(inv.is_some()), vx != 0);
                if vx != 0 {
                    assert_eq!(mul_mod(inv.unwrap().to_uint()[0], vx), 1);
                }
            }
            let r = x.square().sqrt().unwrap();
            assert!(r == x || r == -x);
            for b in inputs.iter().step_by(5) {
                let (y, vy) = (T::from_loose_limbs(*b), value(b));
                check(x + y, ((vx as u128 + vy as u128) % Q as u128) as u64);
                check(
                    x - y,
                    ((vx as u128 + Q as u128 - vy as u128) % Q as u128) as u64,
                );
                check(x * y, mul_mod(vx, vy));
                assert_eq!(bool::from(x.ct_eq(&y)), vx == vy);
            }
        }
        assert!(bool::from(T::from_bytes(&Q.to_be_bytes()).is_none()));
        assert_eq!(T::from_bytes_reduced(&[0xff; 8]), T::from_u64(4 * 57 - 1));
        assert_eq!(T::from_limbs_reduced(&[Q + 1, 0]), T::ONE);
        assert_eq!(
            T::from_uint_const(&[5]).add_const(&T::from_u64(Q - 2)),
            T::from_u64(3)
        );
    }
}
