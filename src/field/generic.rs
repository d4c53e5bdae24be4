//! A prime field for any modulus, backed by `crypto-bigint`'s `ConstMontyForm`.
//!
//! Layer: **fields**. Uses `crypto-bigint` only.
//!
//! This is the slow, obviously-correct field: the oracle that the property tests compare the fast
//! limb code against, and the quickest way to define a new curve (or a toy curve small enough to
//! enumerate) without writing any limb code. Define the modulus with crypto-bigint's
//! `const_prime_monty_params!` macro and say how many bytes its encoding has:
//!
//! ```
//! use ecckit::field::{Field, GenericField};
//! use crypto_bigint::{U64, const_prime_monty_params};
//!
//! const_prime_monty_params!(Mod101, U64, "0000000000000065", 2); // p = 101, generator 2
//! type F101 = GenericField<Mod101, 1, 1>;
//!
//! let a = F101::from_u64(100);
//! assert_eq!(a + F101::ONE, F101::ZERO);
//! assert_eq!(a.invert().unwrap() * a, F101::ONE);
//! ```

use super::Field;
use core::fmt;
use core::marker::PhantomData;
use core::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};
use crypto_bigint::modular::{ConstMontyForm, ConstPrimeMontyParams};
use crypto_bigint::{Encoding, Uint};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};

/// An element of `F_p` for the modulus `M` (a `crypto-bigint` const-prime-Montgomery parameter set of
/// `LIMBS` words), encoded in `BYTES` big-endian bytes.
///
/// Representation: crypto-bigint's Montgomery form, fully reduced. `BYTES` must be `⌈log2(p)/8⌉`.
pub struct GenericField<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> {
    value: ConstMontyForm<M, LIMBS>,
    _m: PhantomData<M>,
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize>
    GenericField<M, LIMBS, BYTES>
{
    const fn new(value: ConstMontyForm<M, LIMBS>) -> Self {
        Self {
            value,
            _m: PhantomData,
        }
    }

    /// The element `value mod p` (any `value`), usable in `const` items.
    pub const fn from_uint(value: &Uint<LIMBS>) -> Self {
        Self::new(ConstMontyForm::new(value))
    }

    /// The element with the given big-endian hex value (`16·LIMBS` digits), usable in `const` items.
    pub const fn from_hex_const(hex: &str) -> Self {
        Self::from_uint(&Uint::from_be_hex(hex))
    }

    /// The element `v mod p`, usable in `const` items.
    pub const fn from_u64_const(v: u64) -> Self {
        Self::from_uint(&Uint::from_u64(v))
    }

    /// `self + rhs` as a `const fn`, for deriving constants.
    pub const fn add_const(&self, rhs: &Self) -> Self {
        Self::new(ConstMontyForm::add(&self.value, &rhs.value))
    }

    /// The canonical integer value.
    pub const fn to_uint(&self) -> Uint<LIMBS> {
        self.value.retrieve()
    }
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> Field
    for GenericField<M, LIMBS, BYTES>
where
    Uint<LIMBS>: Encoding,
{
    type Bytes = [u8; BYTES];
    const ZERO: Self = Self::new(ConstMontyForm::ZERO);
    const ONE: Self = Self::new(ConstMontyForm::ONE);
    const NUM_BITS: u32 = M::PARAMS.modulus().as_ref().bit_width_vartime();

    fn from_bytes(bytes: &[u8; BYTES]) -> CtOption<Self> {
        let x = uint_from_be_slice::<LIMBS>(bytes);
        let in_range = subtle::ConstantTimeLess::ct_lt(&x, M::PARAMS.modulus().as_ref());
        CtOption::new(Self::from_uint(&x), in_range)
    }

    fn from_bytes_reduced(bytes: &[u8; BYTES]) -> Self {
        Self::from_uint(&uint_from_be_slice::<LIMBS>(bytes))
    }

    fn to_bytes(&self) -> [u8; BYTES] {
        let words = self.to_uint().to_be_bytes();
        let w = words.as_ref();
        let mut out = [0u8; BYTES];
        out.copy_from_slice(&w[w.len() - BYTES..]);
        out
    }

    fn from_u64(v: u64) -> Self {
        Self::from_u64_const(v)
    }

    fn square(&self) -> Self {
        Self::new(self.value.square())
    }

    /// crypto-bigint's own halving (`ConstMontyForm::div_by_2`): an implementation independent
    /// of `limbs::half_mod`, which the property tests compare against it.
    fn half(&self) -> Self {
        Self::new(self.value.div_by_2())
    }

    fn invert(&self) -> CtOption<Self> {
        let inv = self.value.invert();
        let is_some: bool = inv.is_some().into();
        let value = inv.unwrap_or(ConstMontyForm::ZERO);
        // `is_some` came from a constant-time computation; rebuild the Choice without a branch.
        CtOption::new(Self::new(value), Choice::from(is_some as u8))
    }

    fn sqrt(&self) -> CtOption<Self> {
        let r = self.value.sqrt();
        let is_some = Choice::from(u8::from(bool::from(r.is_some())));
        CtOption::new(Self::new(r.unwrap_or(ConstMontyForm::ZERO)), is_some)
    }
}

/// Big-endian bytes (at most `8·LIMBS`) to a `Uint`.
fn uint_from_be_slice<const LIMBS: usize>(bytes: &[u8]) -> Uint<LIMBS> {
    let mut limbs = [0u64; LIMBS];
    for (i, b) in bytes.iter().rev().enumerate() {
        limbs[i / 8] |= (*b as u64) << ((i % 8) * 8);
    }
    Uint::from_words(limbs)
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> Clone
    for GenericField<M, LIMBS, BYTES>
{
    fn clone(&self) -> Self {
        *self
    }
}
impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> Copy
    for GenericField<M, LIMBS, BYTES>
{
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> Default
    for GenericField<M, LIMBS, BYTES>
{
    fn default() -> Self {
        Self::new(ConstMontyForm::ZERO)
    }
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize>
    zeroize::DefaultIsZeroes for GenericField<M, LIMBS, BYTES>
{
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> fmt::Debug
    for GenericField<M, LIMBS, BYTES>
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GenericField({:?})", self.to_uint())
    }
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> ConstantTimeEq
    for GenericField<M, LIMBS, BYTES>
{
    fn ct_eq(&self, other: &Self) -> Choice {
        subtle::ConstantTimeEq::ct_eq(&self.value, &other.value)
    }
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> PartialEq
    for GenericField<M, LIMBS, BYTES>
{
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}
impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> Eq
    for GenericField<M, LIMBS, BYTES>
{
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize>
    ConditionallySelectable for GenericField<M, LIMBS, BYTES>
{
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        Self::new(subtle::ConditionallySelectable::conditional_select(
            &a.value, &b.value, choice,
        ))
    }
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> Add
    for GenericField<M, LIMBS, BYTES>
{
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        Self::new(self.value.add(&rhs.value))
    }
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> Sub
    for GenericField<M, LIMBS, BYTES>
{
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        Self::new(self.value.sub(&rhs.value))
    }
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> Mul
    for GenericField<M, LIMBS, BYTES>
{
    type Output = Self;
    fn mul(self, rhs: Self) -> Self {
        Self::new(self.value.mul(&rhs.value))
    }
}

impl<M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize> Neg
    for GenericField<M, LIMBS, BYTES>
{
    type Output = Self;
    fn neg(self) -> Self {
        Self::new(self.value.neg())
    }
}

crate::impl_assign_ops!(GenericField<M, LIMBS, BYTES>, [M: ConstPrimeMontyParams<LIMBS>, const LIMBS: usize, const BYTES: usize]);
