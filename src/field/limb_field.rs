//! A prime field over `N` saturated 64-bit limbs, generic over the modulus and its reduction.
//!
//! Layer: **fields**. Uses [`super::limbs`] only.
//!
//! # Representation
//! An element `a ∈ F_p` is stored as `N` little-endian 64-bit limbs holding a *representative*
//! `ã`, **always `< p` between operations** (fully reduced), so equality of elements is equality of
//! limbs.
//! The parameters choose the representative:
//! * **Montgomery form** (the default): `ã = a·R mod p` with `R = 2^(64N)`, for any odd prime;
//! * **plain form**: `ã = a`, for primes with a fast direct reduction (pseudo-Mersenne
//!   `2^k − c`, Mersenne `2^k − 1`), whose parameters override [`LimbParams::mul`],
//!   [`LimbParams::to_repr`] and [`LimbParams::from_repr`] and set `MONTGOMERY = false`.
//!
//! Addition, subtraction, comparison, inversion by Fermat's little theorem and square roots work
//! the same on either representative, since `a ↦ ã` respects `+`, `−` and the chosen `·` (the
//! safegcd inversion adds one correcting multiplication in Montgomery form). So all of that, and
//! the encodings, is written once here: a curve chooses its modulus and may replace
//! [`LimbParams::mul`], [`LimbParams::square`] and [`LimbParams::double`] with limb code that uses
//! its prime's shape.
//!
//! ## Montgomery form
//! Montgomery's trick (P. Montgomery, "Modular multiplication without trial division", Math.
//! Comp. 44, 1985) is that `REDC(x) = x·R^(−1) mod p` needs only multiplications and a shift, no
//! division: `ã·b̃·R^(−1) = (a·b)·R`, the Montgomery form of the product. Addition and subtraction
//! work on the forms directly. Conversions: in, `mul(x, R² mod p)`; out, `mul(ã, 1)`.

use super::limbs;
use super::safegcd::Safegcd;
use super::{ByteArray, Field};
use core::fmt;
use core::marker::PhantomData;
use core::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

/// The modulus of a [`LimbField`], its representation, and optionally a specialised
/// multiplication.
///
/// Implement it on an empty marker type. Only `MODULUS`, `Bytes` and `NAME` are required; the other
/// constants are derived from the modulus at compile time, and the methods default to Montgomery
/// form with the generic CIOS multiplication ([`limbs::mont_mul`]) and a squaring that computes
/// each cross product once ([`limbs::mont_square`]).
pub trait LimbParams<const N: usize>:
    Copy + fmt::Debug + Default + Eq + Send + Sync + 'static
{
    /// The odd prime `p`, little-endian limbs. Its top limb must be non-zero.
    const MODULUS: [u64; N];
    /// The encoding: `[u8; ⌈log2(p)/8⌉]`.
    type Bytes: ByteArray;
    /// Name printed by `Debug`.
    const NAME: &'static str;

    /// Bit length of `p`.
    const NUM_BITS: u32 = limbs::bits_vartime(&Self::MODULUS);
    /// `−p^(−1) mod 2^64`, the Montgomery reduction factor.
    const M_INV: u64 = limbs::neg_inv_mod_2_64(Self::MODULUS[0]);
    /// `R mod p`: the Montgomery form of 1.
    const R: [u64; N] = limbs::pow2_mod(64 * N as u32, &Self::MODULUS);
    /// `R² mod p`: multiplying by it converts into Montgomery form.
    const R2: [u64; N] = limbs::pow2_mod(128 * N as u32, &Self::MODULUS);
    /// Whether the representative is the Montgomery form (`true`) or the plain value (`false`).
    const MONTGOMERY: bool = true;
    /// [`Field::FAST_SQUARE`] for this field (default `false`).
    const FAST_SQUARE: bool = false;

    /// The representative of `x mod p`, for any `x < 2^(64N)`.
    /// Montgomery: `REDC(x·R²) = x·R mod p`. A plain-form field reduces `x` instead.
    #[inline(always)]
    fn to_repr(x: &[u64; N]) -> [u64; N] {
        Self::mul(x, &Self::R2)
    }

    /// The canonical value `a < p` of a representative. Montgomery: `REDC(ã) = a`.
    #[inline(always)]
    fn from_repr(a: &[u64; N]) -> [u64; N] {
        let mut one = [0u64; N];
        one[0] = 1;
        Self::mul(a, &one)
    }

    /// The product of two representatives: for Montgomery form `a·b·R^(−1) mod p`, for plain form
    /// `a·b mod p`.
    ///
    /// Input bounds: `a < 2^(64N)`, `b < p`. Output: `< p`. The default is the generic Montgomery
    /// CIOS algorithm ([`limbs::mont_mul`]); override it with code for a special prime shape.
    #[inline(always)]
    fn mul(a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        limbs::mont_mul(a, b, &Self::MODULUS, Self::M_INV)
    }

    /// The square of a representative (as [`LimbParams::mul`]). Input `a < p`, output `< p`.
    ///
    /// The default, in Montgomery form, is [`limbs::mont_square`]: the square with each cross
    /// product computed once, then a separate Montgomery reduction. A plain-form field must
    /// override it or inherits `mul(a, a)`.
    #[inline(always)]
    fn square(a: &[u64; N]) -> [u64; N] {
        if Self::MONTGOMERY {
            limbs::mont_square(a, &Self::MODULUS, Self::M_INV)
        } else {
            Self::mul(a, a)
        }
    }

    /// `2a mod p` for a representative `a < p` (either form: doubling commutes with the
    /// Montgomery factor). The default is [`limbs::add_mod`]`(a, a)`; [`limbs::double_mod`] is the
    /// textbook form, which only some primes' code prefers (see its doc).
    #[inline(always)]
    fn double(a: &[u64; N]) -> [u64; N] {
        limbs::add_mod(a, a, &Self::MODULUS)
    }
}

/// An element of the prime field `F_p` with `p = P::MODULUS` (see the [module docs](self) for the
/// representation and its bound).
pub struct LimbField<P: LimbParams<N>, const N: usize> {
    /// The representative `ã` of the element `a`, little-endian 64-bit limbs, always `< p`: the
    /// Montgomery form `a·R mod p` when `P::MONTGOMERY`, the value `a` itself otherwise.
    repr: [u64; N],
    _params: PhantomData<P>,
}

impl<P: LimbParams<N>, const N: usize> LimbField<P, N> {
    /// `0`.
    pub const ZERO: Self = Self::with_repr([0; N]);
    /// `1`.
    pub const ONE: Self = Self::with_repr(if P::MONTGOMERY {
        P::R
    } else {
        limbs::from_be_hex("1")
    });

    /// The element whose representative is `repr` (which must be `< p`).
    const fn with_repr(repr: [u64; N]) -> Self {
        Self {
            repr,
            _params: PhantomData,
        }
    }

    /// The element with the given canonical value (little-endian limbs), for constants.
    /// Panics — a compile error in a `const` — if `value ≥ p`.
    pub const fn from_uint_const(value: &[u64; N]) -> Self {
        let (_, borrow) = limbs::sub(value, &P::MODULUS);
        assert!(borrow == 1, "constant is not reduced modulo p");
        if P::MONTGOMERY {
            Self::with_repr(limbs::mont_mul(value, &P::R2, &P::MODULUS, P::M_INV))
        } else {
            Self::with_repr(*value)
        }
    }

    /// The element with the given big-endian hex value, for constants.
    /// Panics — a compile error in a `const` — on bad hex or a value `≥ p`.
    pub const fn from_hex_const(hex: &str) -> Self {
        Self::from_uint_const(&limbs::from_be_hex(hex))
    }

    /// `self + rhs` as a `const fn`, for deriving constants such as `3b`.
    pub const fn add_const(&self, rhs: &Self) -> Self {
        Self::with_repr(limbs::add_mod(&self.repr, &rhs.repr, &P::MODULUS))
    }

    /// The canonical value as little-endian limbs (out of Montgomery form, if the field uses it).
    pub fn to_uint(&self) -> [u64; N] {
        P::from_repr(&self.repr)
    }

    /// `self^e` by left-to-right square-and-multiply.
    ///
    /// Variable time in `e` (the exponent's bits and length leak); constant time in `self`, so a
    /// secret base with a public exponent (Fermat inversion, square roots) is safe.
    pub fn pow_vartime(&self, e: &[u64; N]) -> Self {
        let mut acc = Self::ONE;
        let mut i = limbs::bits_vartime(e);
        while i > 0 {
            i -= 1;
            acc = acc.square();
            if limbs::bit(e, i) == 1 {
                acc *= *self;
            }
        }
        acc
    }

    /// Fermat inversion: `a^(p−2) = a^(−1)` for `a ≠ 0`, constant time (the exponent is public,
    /// so the square-and-multiply sequence is the same for every `a`). Slower than
    /// [`Field::invert`]; kept as the textbook method and as a cross-check.
    pub fn invert_fermat(&self) -> CtOption<Self> {
        let r = self.pow_vartime(&limbs::sub_small(&P::MODULUS, 2));
        CtOption::new(r, !self.is_zero())
    }

    /// The safegcd constants of `p` ([`super::safegcd`]).
    const SAFEGCD: Safegcd<N> = Safegcd::new(&P::MODULUS);
    /// `R³ mod p`: in Montgomery form, `mul((a·R)^(−1), R³) = a^(−1)·R`.
    const R3: [u64; N] = limbs::pow2_mod(192 * N as u32, &P::MODULUS);

    /// Safegcd inversion of the representative (our own, [`super::safegcd`]). In Montgomery form
    /// it inverts `ã = a·R` and fixes the result with one multiplication by `R³`; in plain form
    /// the representative is the value. `VARTIME` selects the variable-time variant.
    fn invert_safegcd<const VARTIME: bool>(&self) -> CtOption<Self> {
        let inv = if VARTIME {
            Self::SAFEGCD.invert_vartime(&self.repr)
        } else {
            Self::SAFEGCD.invert(&self.repr)
        };
        let inv = if P::MONTGOMERY {
            P::mul(&inv, &Self::R3)
        } else {
            inv
        };
        CtOption::new(Self::with_repr(inv), !self.is_zero())
    }

    /// Safegcd inversion by crypto-bigint, on the canonical value: an independent implementation,
    /// the test oracle for [`super::safegcd`].
    #[cfg(test)]
    fn invert_crypto_bigint<const VARTIME: bool>(&self) -> CtOption<Self> {
        let modulus = crypto_bigint::Odd::<crypto_bigint::Uint<N>>::new(
            crypto_bigint::Uint::from_words(P::MODULUS),
        )
        .expect("the modulus is an odd prime");
        let a = crypto_bigint::Uint::from_words(P::from_repr(&self.repr));
        let inv = if VARTIME {
            a.invert_odd_mod_vartime(&modulus)
        } else {
            a.invert_odd_mod(&modulus)
        };
        let inv: CtOption<crypto_bigint::Uint<N>> = inv.into();
        let is_some = inv.is_some();
        let value = inv.unwrap_or(crypto_bigint::Uint::ZERO);
        CtOption::new(Self::with_repr(P::to_repr(value.as_words())), is_some)
    }

    /// Square root for `p ≡ 3 (mod 4)`: `r = a^((p+1)/4)`, then check `r² = a`.
    fn sqrt_3_mod_4(&self) -> CtOption<Self> {
        let exp = limbs::shr1(&limbs::shr1(&limbs::add_small(&P::MODULUS, 1)));
        let r = self.pow_vartime(&exp);
        CtOption::new(r, r.square().ct_eq(self))
    }

    /// Square root for `p ≡ 1 (mod 4)` by Tonelli–Shanks (Tonelli 1891, Shanks 1973), in a
    /// constant-time form with a fixed number of iterations.
    ///
    /// Write `p − 1 = 2^S·Q` with `Q` odd and let `z` be a non-residue.
    /// 1. `c ← z^Q` (order exactly `2^S`), `t ← a^Q`, `r ← a^((Q+1)/2)`; invariant `r² = a·t`.
    /// 2. For `i = S−1, …, 1`: if `t^(2^(i−1)) ≠ 1` then `r ← r·c`, `t ← t·c²`; then `c ← c²`.
    ///    (When `t` has order exactly `2^i`, so has `c²`, and their product has order `≤ 2^(i−1)`.)
    /// 3. Now `t = 1` if `a` is a square, so `r² = a`; the final check rejects non-squares.
    fn sqrt_tonelli_shanks(&self) -> CtOption<Self> {
        let p_minus_1 = limbs::sub_small(&P::MODULUS, 1);
        let mut s = 0u32;
        while limbs::bit(&p_minus_1, s) == 0 {
            s += 1;
        }
        let mut q = p_minus_1;
        for _ in 0..s {
            q = limbs::shr1(&q);
        }
        // A non-residue: the smallest z ≥ 2 with z^((p−1)/2) = −1. Public, found in variable time.
        let euler = limbs::shr1(&p_minus_1);
        let minus_one = -Self::ONE;
        let mut z = Self::from_u64(2);
        while z.pow_vartime(&euler) != minus_one {
            z += Self::ONE;
        }
        // Step 1.
        let mut c = z.pow_vartime(&q);
        let a_q_minus_1_half = self.pow_vartime(&limbs::shr1(&limbs::sub_small(&q, 1)));
        let mut r = a_q_minus_1_half * *self;
        let mut t = r * a_q_minus_1_half;
        // Step 2.
        for i in (1..s).rev() {
            let mut t_pow = t;
            for _ in 1..i {
                t_pow = t_pow.square();
            }
            let is_one = t_pow.ct_eq(&Self::ONE);
            r = Self::conditional_select(&(r * c), &r, is_one);
            c = c.square();
            t = Self::conditional_select(&(t * c), &t, is_one);
        }
        // Step 3.
        CtOption::new(r, r.square().ct_eq(self))
    }
}

impl<P: LimbParams<N>, const N: usize> Field for LimbField<P, N> {
    type Bytes = P::Bytes;
    const ZERO: Self = Self::ZERO;
    const ONE: Self = Self::ONE;
    const NUM_BITS: u32 = P::NUM_BITS;
    const FAST_SQUARE: bool = P::FAST_SQUARE;

    #[inline]
    fn lookup_pair<const E: usize>(row: &[(Self, Self); E], index: u8) -> (Self, Self) {
        let (x, y) = limbs::lookup_pair::<N, E>(row.iter().map(|(x, y)| (&x.repr, &y.repr)), index);
        (Self::with_repr(x), Self::with_repr(y))
    }

    fn from_bytes(bytes: &Self::Bytes) -> CtOption<Self> {
        let x = limbs::from_be_bytes::<N>(bytes.as_ref());
        let (_, borrow) = limbs::sub(&x, &P::MODULUS);
        CtOption::new(Self::with_repr(P::to_repr(&x)), Choice::from(borrow as u8))
    }

    fn from_bytes_reduced(bytes: &Self::Bytes) -> Self {
        // x < 2^(8·len) ≤ 2^(64N): `to_repr` reduces any such x.
        let x = limbs::from_be_bytes::<N>(bytes.as_ref());
        Self::with_repr(P::to_repr(&x))
    }

    fn to_bytes(&self) -> Self::Bytes {
        let mut out = Self::Bytes::zeroed();
        limbs::to_be_bytes(&self.to_uint(), out.as_mut());
        out
    }

    fn from_u64(v: u64) -> Self {
        let mut x = [0u64; N];
        x[0] = v;
        Self::with_repr(P::to_repr(&x))
    }

    /// [`LimbField::to_uint`], zero-extended to `L` limbs (`L` may be below `N` only when the
    /// modulus fits in `L` limbs; generic code instantiated for every curve, such as the GLV
    /// split, is only run on such fields).
    #[inline]
    fn to_canonical_limbs<const L: usize>(&self) -> [u64; L] {
        debug_assert!(P::MODULUS.iter().skip(L).all(|&l| l == 0));
        let v = self.to_uint();
        core::array::from_fn(|i| if i < N { v[i] } else { 0 })
    }

    /// The representative of `v mod p`; `v < 2^(64N)`, which [`LimbParams::to_repr`] reduces.
    #[inline]
    fn from_limbs_reduced<const L: usize>(v: &[u64; L]) -> Self {
        debug_assert!(v.iter().skip(N).all(|&l| l == 0));
        let x: [u64; N] = core::array::from_fn(|i| if i < L { v[i] } else { 0 });
        Self::with_repr(P::to_repr(&x))
    }

    #[inline(always)]
    fn square(&self) -> Self {
        Self::with_repr(P::square(&self.repr))
    }

    #[inline]
    fn double(&self) -> Self {
        Self::with_repr(P::double(&self.repr))
    }

    /// [`limbs::half_mod`] of the representative: halving commutes with the Montgomery factor
    /// (`(a·R)/2 = (a/2)·R`), so one code serves both forms.
    #[inline]
    fn half(&self) -> Self {
        Self::with_repr(limbs::half_mod(&self.repr, &P::MODULUS))
    }

    /// The Bernstein–Yang "safegcd" inversion (D. J. Bernstein and B.-Y. Yang, "Fast
    /// constant-time gcd computation and modular inversion", TCHES 2019), in this crate's own
    /// implementation (module `field::safegcd`) — a fixed number of rounds of 62 branch-free
    /// divsteps on the representative, then one multiplication to fix the Montgomery factor. Faster
    /// than Fermat's `a^(p−2)` ([`LimbField::invert_fermat`]), which the tests keep as a
    /// cross-check.
    fn invert(&self) -> CtOption<Self> {
        self.invert_safegcd::<false>()
    }

    /// Safegcd in its variable-time form. Leaks `self`: public values only.
    fn invert_vartime(&self) -> CtOption<Self> {
        self.invert_safegcd::<true>()
    }

    fn sqrt(&self) -> CtOption<Self> {
        if P::MODULUS[0] & 3 == 3 {
            self.sqrt_3_mod_4()
        } else {
            self.sqrt_tonelli_shanks()
        }
    }

    fn is_odd(&self) -> Choice {
        Choice::from((self.to_uint()[0] & 1) as u8)
    }
}

impl<P: LimbParams<N>, const N: usize> Clone for LimbField<P, N> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P: LimbParams<N>, const N: usize> Copy for LimbField<P, N> {}

impl<P: LimbParams<N>, const N: usize> Default for LimbField<P, N> {
    fn default() -> Self {
        Self::ZERO
    }
}

impl<P: LimbParams<N>, const N: usize> zeroize::DefaultIsZeroes for LimbField<P, N> {}

impl<P: LimbParams<N>, const N: usize> fmt::Debug for LimbField<P, N> {
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

/// The canonical value in decimal, for one-limb fields (the toy curves' fields, which a student
/// prints: `5`, not a hex dump).
impl<P: LimbParams<1>> fmt::Display for LimbField<P, 1> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_uint()[0])
    }
}

impl<P: LimbParams<N>, const N: usize> ConstantTimeEq for LimbField<P, N> {
    fn ct_eq(&self, other: &Self) -> Choice {
        let mut acc = 0u64;
        for i in 0..N {
            acc |= self.repr[i] ^ other.repr[i];
        }
        acc.ct_eq(&0)
    }
}

impl<P: LimbParams<N>, const N: usize> PartialEq for LimbField<P, N> {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}
impl<P: LimbParams<N>, const N: usize> Eq for LimbField<P, N> {}

impl<P: LimbParams<N>, const N: usize> ConditionallySelectable for LimbField<P, N> {
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        Self::with_repr(limbs::select_choice(&a.repr, &b.repr, choice.unwrap_u8()))
    }
}

impl<P: LimbParams<N>, const N: usize> Add for LimbField<P, N> {
    type Output = Self;
    #[inline]
    fn add(self, rhs: Self) -> Self {
        Self::with_repr(limbs::add_mod(&self.repr, &rhs.repr, &P::MODULUS))
    }
}

impl<P: LimbParams<N>, const N: usize> Sub for LimbField<P, N> {
    type Output = Self;
    #[inline]
    fn sub(self, rhs: Self) -> Self {
        Self::with_repr(limbs::sub_mod(&self.repr, &rhs.repr, &P::MODULUS))
    }
}

impl<P: LimbParams<N>, const N: usize> Mul for LimbField<P, N> {
    type Output = Self;
    // Always inlined, as are `square` and the per-curve `LimbParams::mul`/`square`: out of line,
    // every product stores and reloads its operands and result around the call; inlined, ECDH and
    // verification count fewer instructions and run no slower (docs/performance.md, "Inlining").
    #[inline(always)]
    fn mul(self, rhs: Self) -> Self {
        Self::with_repr(P::mul(&self.repr, &rhs.repr))
    }
}

impl<P: LimbParams<N>, const N: usize> Neg for LimbField<P, N> {
    type Output = Self;
    #[inline]
    fn neg(self) -> Self {
        Self::ZERO - self
    }
}

crate::impl_assign_ops!(LimbField<P, N>, [P: LimbParams<N>, const N: usize]);

#[cfg(test)]
mod tests {
    use super::super::{ByteArray, p224, p256, p384, p521, secp256k1};
    use super::*;
    use proptest::prelude::*;
    use std::vec::Vec;

    /// The element with canonical value `x mod p` (`x` any `N`-limb integer).
    fn elem<P: LimbParams<N>, const N: usize>(x: &[u64; N]) -> LimbField<P, N> {
        LimbField::with_repr(P::to_repr(x))
    }

    /// Both safegcd forms agree with Fermat's inversion and with the crypto-bigint oracle.
    fn check_one<P: LimbParams<N>, const N: usize>(x: LimbField<P, N>) {
        let fermat = x.invert_fermat();
        let oracles = [
            x.invert_crypto_bigint::<false>(),
            x.invert_crypto_bigint::<true>(),
        ];
        for inv in [x.invert(), x.invert_vartime()] {
            assert_eq!(
                bool::from(inv.is_some()),
                bool::from(fermat.is_some()),
                "{x:?}"
            );
            assert_eq!(bool::from(inv.is_some()), !bool::from(x.is_zero()));
            if bool::from(inv.is_some()) {
                assert_eq!(inv.unwrap(), fermat.unwrap(), "{x:?}");
                assert_eq!(inv.unwrap() * x, LimbField::ONE, "{x:?}");
                for o in oracles {
                    assert_eq!(inv.unwrap(), o.unwrap(), "{x:?}");
                }
            }
        }
    }

    /// Edge values: 0, 1, 2, p − 1, p − 2, (p ± 1)/2, powers of two, all-ones limbs, limb
    /// boundaries, and pseudo-random values, in both the value and the representative.
    fn check_invert<P: LimbParams<N>, const N: usize>() {
        let p = P::MODULUS;
        let mut values: Vec<[u64; N]> = Vec::new();
        for k in [0u64, 1, 2, 3] {
            let mut x = [0u64; N];
            x[0] = k;
            values.push(x);
            values.push(limbs::sub_small(&p, k.max(1)));
        }
        values.push(limbs::shr1(&p));
        values.push(limbs::add_small(&limbs::shr1(&p), 1));
        for b in 0..P::NUM_BITS {
            let mut x = [0u64; N];
            x[(b / 64) as usize] = 1 << (b % 64);
            values.push(x);
            values.push(limbs::sub_small(&x, 1)); // 2^b − 1: all-ones low limbs
        }
        for i in 0..N {
            let mut x = [0u64; N];
            x[i] = u64::MAX;
            values.push(x);
            let mut y = [u64::MAX; N];
            y[i] = 0;
            values.push(y);
        }
        values.push([u64::MAX; N]);
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100 {
            let mut bytes = <P::Bytes as ByteArray>::zeroed();
            for b in bytes.as_mut() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                *b = seed as u8;
            }
            values.push(limbs::from_be_bytes::<N>(bytes.as_ref()));
        }
        for x in &values {
            // As the canonical value (reduced mod p), and as the representative itself.
            check_one::<P, N>(elem(x));
            let (_, borrow) = limbs::sub(x, &p);
            if borrow == 1 {
                check_one::<P, N>(LimbField::with_repr(*x));
            }
        }
        assert!(bool::from(LimbField::<P, N>::ZERO.invert().is_none()));
        assert!(bool::from(
            LimbField::<P, N>::ZERO.invert_vartime().is_none()
        ));
    }

    #[test]
    fn safegcd_matches_fermat_and_oracle() {
        check_invert::<p224::P224Base, 4>();
        check_invert::<p224::P224Scalar, 4>();
        check_invert::<p256::P256Base, 4>();
        check_invert::<p256::P256Scalar, 4>();
        check_invert::<secp256k1::Secp256k1Base, 4>();
        check_invert::<secp256k1::Secp256k1Scalar, 4>();
        check_invert::<p384::P384Base, 6>();
        check_invert::<p384::P384Scalar, 6>();
        check_invert::<p521::P521Base, 9>();
        check_invert::<p521::P521Scalar, 9>();
    }

    /// `Field::lookup_pair` returns entry `index` of a row of distinct pairs, for every index
    /// and the row lengths in use (4 to 64).
    fn check_lookup<F: Field, const E: usize>() {
        let row: [(F, F); E] = core::array::from_fn(|j| {
            let j = j as u64;
            (F::from_u64(2 * j + 1), -F::from_u64(j + 7))
        });
        for (i, entry) in row.iter().enumerate() {
            assert_eq!(F::lookup_pair(&row, i as u8), *entry, "E = {E}, index {i}");
        }
    }

    /// The one-hot scan of the limb fields, and the trait's default (a tournament of
    /// selections), which the unsaturated P-521 field keeps.
    #[test]
    fn lookup_pair_reads_the_indexed_entry() {
        check_lookup::<p256::FieldElement, 4>();
        check_lookup::<p256::FieldElement, 8>();
        check_lookup::<p256::FieldElement, 16>();
        check_lookup::<p256::FieldElement, 32>();
        check_lookup::<p256::FieldElement, 64>();
        check_lookup::<p384::FieldElement, 32>();
        check_lookup::<p521::FieldElement, 8>();
        check_lookup::<p521::FieldElement, 16>();
        check_lookup::<p521::FieldElement, 64>();
    }

    /// Random limbs, weighted to all-zero and all-ones limbs.
    fn limbs_strategy<const N: usize>() -> impl Strategy<Value = [u64; N]> {
        proptest::collection::vec(
            prop_oneof![
                Just(0u64),
                Just(u64::MAX),
                Just(1u64),
                any::<u64>(),
                any::<u64>()
            ],
            N,
        )
        .prop_map(|v| core::array::from_fn(|i| v[i]))
    }

    fn prop_invert<P: LimbParams<N>, const N: usize>(x: [u64; N]) {
        check_one::<P, N>(elem(&x));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn prop_safegcd_4(x in limbs_strategy::<4>()) {
            prop_invert::<p224::P224Base, 4>(x);
            prop_invert::<p224::P224Scalar, 4>(x);
            prop_invert::<p256::P256Base, 4>(x);
            prop_invert::<p256::P256Scalar, 4>(x);
            prop_invert::<secp256k1::Secp256k1Base, 4>(x);
            prop_invert::<secp256k1::Secp256k1Scalar, 4>(x);
        }

        #[test]
        fn prop_safegcd_6(x in limbs_strategy::<6>()) {
            prop_invert::<p384::P384Base, 6>(x);
            prop_invert::<p384::P384Scalar, 6>(x);
        }

        #[test]
        fn prop_safegcd_9(x in limbs_strategy::<9>()) {
            prop_invert::<p521::P521Base, 9>(x);
            prop_invert::<p521::P521Scalar, 9>(x);
        }
    }
}
