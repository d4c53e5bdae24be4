//! The two fields of NIST P-224: the base field mod `p` and the scalar field mod `n`.
//!
//! Layer: **fields**. Uses [`super::limb_field`] and [`super::limbs`].
//!
//! # The base field, and why it keeps the generic Montgomery multiplication
//! `p = 2^224 − 2^96 + 1` (FIPS 186-5 / SP 800-186 §3.2.1.2), 224 bits held in four 64-bit limbs
//! (the top limb uses 32 bits). Little-endian, `p = [1, 2^64 − 2^32, 2^64 − 1, 2^32 − 1]`.
//!
//! Because `p ≡ 1 (mod 2^96)`, `p^(−1) ≡ 1 (mod 2^64)` and the Montgomery factor
//! `−p^(−1) mod 2^64` is `2^64 − 1`: a reduction round clears limb `i` with
//! `q = −t[i] mod 2^64`. And `q·p = q − q·2^96 + q·2^224` has only three terms, each a shift of
//! `q`, so a round can add it without any word product (the idea of Gueron and Krasnov, "Fast
//! prime field elliptic-curve cryptography with 256-bit primes", J. Cryptographic Engineering 5,
//! 2015, §3, for P-256).
//!
//! On this prime that shift-only reduction is **slower** than the generic Montgomery
//! multiplication of [`LimbField`] (docs/performance.md, "P-224"). The 64×64-bit products it saves
//! are pipelined and cheap, while mixing the subtracted term `q·2^96` with the added ones
//! lengthens the serial carry chain of each round, which is what bounds the time. So
//! [`P224Base`] keeps the generic Montgomery reduction: its multiplication is the full product
//! followed by the generic reduction (see [`P224Base::mul`]), and its squaring is the generic
//! squaring `limbs::mont_square` (each cross product once, then a separate Montgomery
//! reduction).
//!
//! Representation of [`FieldElement`]: four 64-bit limbs, little-endian, holding `a·2^256 mod p`,
//! always `< p` (so the top limb is `< 2^32`) between operations. Encodings are 28 bytes.
//!
//! # Square roots
//! `p ≡ 1 (mod 4)`, and `p − 1 = 2^96·(2^128 − 1)` has 2-adicity `S = 96`, which makes
//! Tonelli–Shanks expensive. [`Field::sqrt`](super::Field::sqrt) goes through the generic
//! constant-time Tonelli–Shanks of [`LimbField`], whose fixed schedule costs about
//! `S²/2 ≈ 4500` squarings, plus the search for the non-residue (`z = 11`: ten Euler-criterion
//! exponentiations of about 350 multiplications each, redone on every call): about 8 700 field
//! multiplications, over ten times the cost of P-256's `a^((p+1)/4)` (docs/performance.md,
//! "P-224"). Square roots serve only the decompression of public points (compressed SEC1
//! encodings). A precomputed non-residue would save about 40 % of that cost; a table-based
//! Tonelli–Shanks would shrink the `S²/2` term.
//!
//! # The scalar field
//! `n` has no special shape; [`Scalar`] uses the generic Montgomery CIOS multiplication.

use super::limb_field::{LimbField, LimbParams};
use super::limbs;

/// Marker for the P-224 base field modulus `p` (generic Montgomery arithmetic; see the
/// [module docs](self) for why).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct P224Base;

impl LimbParams<4> for P224Base {
    /// `p = 0xffffffffffffffffffffffffffffffff000000000000000000000001`.
    const MODULUS: [u64; 4] = [
        0x0000_0000_0000_0001,
        0xffff_ffff_0000_0000,
        0xffff_ffff_ffff_ffff,
        0x0000_0000_ffff_ffff,
    ];
    type Bytes = [u8; 28];
    const NAME: &'static str = "p224::FieldElement";

    /// Montgomery multiplication `a·b·2^(−256) mod p`, generic but in separated order: the full
    /// product ([`limbs::mul_wide`]) then the Montgomery reduction ([`limbs::mont_reduce`]).
    /// For this modulus it counts fewer instructions than the interleaved [`limbs::mont_mul`]
    /// (docs/performance.md, "P-224"); for six limbs it is the other way round.
    ///
    /// Input bounds: `a < 2^256`, `b < p` (so `a·b < 2^256·p`, the bound of `mont_reduce`).
    /// Output `< p`.
    #[inline(always)]
    fn mul(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
        limbs::mont_reduce(&limbs::mul_wide(a, b), &Self::MODULUS, Self::M_INV)
    }
}

/// An element of the P-224 base field `F_p` (see the [module docs](self) for the representation).
pub type FieldElement = LimbField<P224Base, 4>;

/// Marker for the P-224 group order `n` (generic Montgomery arithmetic: `n` has no special shape).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct P224Scalar;

impl LimbParams<4> for P224Scalar {
    /// `n = 0xffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3d`.
    const MODULUS: [u64; 4] = [
        0x13dd_2945_5c5c_2a3d,
        0xffff_16a2_e0b8_f03e,
        0xffff_ffff_ffff_ffff,
        0x0000_0000_ffff_ffff,
    ];
    type Bytes = [u8; 28];
    const NAME: &'static str = "p224::Scalar";
}

/// An integer modulo the P-224 group order `n`. Representation: Montgomery form
/// `a·2^256 mod n`, four limbs, always `< n`.
pub type Scalar = LimbField<P224Scalar, 4>;
