//! Layer 1: **fields** — arithmetic modulo a prime.
//!
//! Everything above this layer (points, scalar multiplication, ECDSA, ECDH) sees a field only through
//! the [`Field`] trait. This module may use nothing from the crate but its own submodules.
//!
//! A curve needs two prime fields:
//! * the **base field** `F_p`, where point coordinates live;
//! * the **scalar field** `F_n`, integers modulo the group order `n` (private keys, nonces, ECDSA's
//!   `r` and `s`).
//!
//! Implementations:
//! * [`LimbField`] — one generic Montgomery-form field over `N` 64-bit limbs, whose multiplication a
//!   curve may replace by limb code that exploits its prime's shape (see [`LimbParams::mul`]). All
//!   scalar fields and the P-256 base field are instances of it.
//! * [`UnsaturatedField`] — one generic field in unsaturated limbs (radix `2^r`, loosely reduced)
//!   for primes `2^k − c`, whose multiplication, freeze and square root the prime supplies (see
//!   [`UnsaturatedParams`]). The P-521 base field is an instance of it.
//! * [`GenericField`] — any prime modulus, backed by `crypto-bigint`. It is the correctness oracle for
//!   the fast fields and the way to define a new or toy curve without writing limb code.
//!
//! # What a field element is
//! An element of `F_p` is an integer `0 ≤ a < p`; `+`, `−`, `·` are taken modulo `p`, and every
//! non-zero element has an inverse (`p` is prime). Encodings are big-endian, exactly
//! `⌈log2(p)/8⌉` bytes, and [`Field::from_bytes`] rejects values `≥ p` so that each element has one
//! encoding.

pub mod curve25519;
pub mod generic;
pub mod limb_field;
pub mod limbs;
pub mod p224;
pub mod p256;
pub mod p384;
pub mod p521;
pub mod safegcd;
pub mod secp256k1;
pub mod unsaturated;

pub use generic::GenericField;
pub use limb_field::{LimbField, LimbParams};
pub use unsaturated::{UnsaturatedField, UnsaturatedParams};

use core::fmt::Debug;
use core::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub, SubAssign};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, CtOption};
use zeroize::DefaultIsZeroes;

/// The longest field encoding of any curve the crate defines (P-521: `⌈521/8⌉ = 66` bytes): the
/// size of the fixed buffers that hold encodings of any curve (SEC1 points, signatures, scalar
/// digits). A curve whose fields are longer is refused at compile time where such a buffer is
/// used.
pub const MAX_FIELD_BYTES: usize = 66;

/// A fixed-size byte array, the encoding of a field element (`[u8; N]` for any `N`).
pub trait ByteArray:
    AsRef<[u8]> + AsMut<[u8]> + Copy + Debug + Eq + Send + Sync + zeroize::Zeroize + 'static
{
    /// The all-zero array.
    fn zeroed() -> Self;
}

impl<const N: usize> ByteArray for [u8; N] {
    fn zeroed() -> Self {
        [0u8; N]
    }
}

/// A prime field `F_p`, as the upper layers need it.
///
/// Every method runs in constant time unless its name ends in `_vartime`.
pub trait Field:
    Copy
    + Debug
    + Default
    + Eq
    + Send
    + Sync
    + 'static
    + ConditionallySelectable
    + ConstantTimeEq
    + DefaultIsZeroes
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
{
    /// The canonical encoding: big-endian, `⌈NUM_BITS / 8⌉` bytes.
    type Bytes: ByteArray;
    /// `0`.
    const ZERO: Self;
    /// `1`.
    const ONE: Self;
    /// Bit length of the modulus.
    const NUM_BITS: u32;
    /// Whether point formulas should trade a multiplication for a squaring and a few additions,
    /// e.g. `2·a·b` as `(a + b)² − a² − b²` with `a²`, `b²` at hand; read at compile time. A
    /// measured choice per field (in time, not in instructions: where the multiplications are the
    /// bottleneck, the additions run beside them almost for free). The default is `false`.
    const FAST_SQUARE: bool = false;

    /// Decodes a canonical encoding; `None` if the integer is `≥ p`.
    fn from_bytes(bytes: &Self::Bytes) -> CtOption<Self>;
    /// Decodes any byte string of the encoding's length, reducing the integer modulo `p`.
    fn from_bytes_reduced(bytes: &Self::Bytes) -> Self;
    /// The canonical big-endian encoding.
    fn to_bytes(&self) -> Self::Bytes;
    /// The element `v mod p`.
    fn from_u64(v: u64) -> Self;
    /// The canonical integer `0 ≤ a < p` as `L` little-endian 64-bit limbs, for the layers above
    /// that work on a scalar's bits (recodings, the GLV split) without a byte round trip.
    /// `64·L ≥ NUM_BITS`. The default goes through [`Field::to_bytes`]; limb fields override it.
    fn to_canonical_limbs<const L: usize>(&self) -> [u64; L] {
        let bytes = self.to_bytes();
        let bytes = bytes.as_ref();
        debug_assert!(64 * L as u32 >= Self::NUM_BITS);
        let mut r = [0u64; L];
        for (i, b) in bytes.iter().rev().enumerate() {
            if i < 8 * L {
                r[i / 8] |= (*b as u64) << ((i % 8) * 8);
            }
        }
        r
    }
    /// The element `v mod p` for an integer `v` given as `L` little-endian 64-bit limbs, `v` at
    /// most as long as the encoding (`v < 2^(8·len)`). The default goes through
    /// [`Field::from_bytes_reduced`]; limb fields override it.
    fn from_limbs_reduced<const L: usize>(v: &[u64; L]) -> Self {
        let mut bytes = Self::Bytes::zeroed();
        let out = bytes.as_mut();
        let len = out.len();
        debug_assert!((8 * len..64 * L).all(|i| (v[i / 64] >> (i % 64)) & 1 == 0));
        for (k, b) in out.iter_mut().rev().enumerate() {
            if k < 8 * L {
                *b = (v[k / 8] >> ((k % 8) * 8)) as u8;
            }
        }
        Self::from_bytes_reduced(&bytes)
    }
    /// `self²`.
    fn square(&self) -> Self;
    /// `2·self`.
    fn double(&self) -> Self {
        *self + *self
    }
    /// `self/2`, the element whose double is `self`. Constant time.
    fn half(&self) -> Self;
    /// `self^(−1)`, or `None` for zero.
    fn invert(&self) -> CtOption<Self>;
    /// `self^(−1)`, or `None` for zero. Variable time in `self`: only for public values.
    fn invert_vartime(&self) -> CtOption<Self> {
        self.invert()
    }
    /// A square root `r` with `r² = self`, or `None` if `self` is not a square. Which of the two
    /// roots is returned is unspecified; use [`Field::is_odd`] to pick one.
    fn sqrt(&self) -> CtOption<Self>;
    /// The pair `row[index]`, for a secret `index < E`, in constant time: every entry is read, at
    /// addresses and through branches that do not depend on `index` (the table scans of the
    /// constant-time scalar multiplications). `E` is a power of two, at least 4.
    ///
    /// The default reads the row in groups of four: in each, the two low bits of `index` pick
    /// one entry by a two-round tournament (three conditional selections), and the group's pick
    /// is kept if the group number equals the rest of `index` (one comparison, a
    /// `subtle::Choice`, per group). Limb fields override it with a one-hot masked scan
    /// ([`limbs::lookup_pair`]).
    fn lookup_pair<const E: usize>(row: &[(Self, Self); E], index: u8) -> (Self, Self) {
        debug_assert!(E.is_power_of_two() && E >= 4 && (index as usize) < E);
        let select = |a: &(Self, Self), b: &(Self, Self), c: Choice| {
            (
                Self::conditional_select(&a.0, &b.0, c),
                Self::conditional_select(&a.1, &b.1, c),
            )
        };
        let bit0 = Choice::from(index & 1);
        let bit1 = Choice::from((index >> 1) & 1);
        let group = index >> 2;
        let mut r = (Self::ZERO, Self::ZERO);
        for (g, quad) in row.chunks_exact(4).enumerate() {
            let low = select(&quad[0], &quad[1], bit0);
            let high = select(&quad[2], &quad[3], bit0);
            let pick = select(&low, &high, bit1);
            r = select(&r, &pick, (g as u8).ct_eq(&group));
        }
        r
    }
    /// Whether `self = 0`.
    fn is_zero(&self) -> Choice {
        self.ct_eq(&Self::ZERO)
    }
    /// Whether the canonical integer is odd (the SEC1 `y` parity bit).
    fn is_odd(&self) -> Choice {
        let bytes = self.to_bytes();
        let b = bytes.as_ref();
        Choice::from(b[b.len() - 1] & 1)
    }
}
