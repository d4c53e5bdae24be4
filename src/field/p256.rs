//! The two fields of NIST P-256: the base field mod `p` and the scalar field mod `n`.
//!
//! Layer: **fields**. Uses [`super::limb_field`] and [`super::limbs`].
//!
//! # The base field, and why `p` is Montgomery-friendly
//! `p = 2^256 − 2^224 + 2^192 + 2^96 − 1` (FIPS 186-5 / SP 800-186 §3.2.1.3). As 64-bit limbs,
//! little-endian, `p = [2^64 − 1, 2^32 − 1, 0, 2^64 − 2^32 + 1]`.
//!
//! Because `p ≡ −1 (mod 2^64)`, the Montgomery factor `−p^(−1) mod 2^64` is **1**: each reduction
//! round multiplies by `q = t[i]` itself, with no multiplication to find `q`. And because the limbs
//! of `p` are `−1`, `2^32 − 1`, `0` and `2^64 − 2^32 + 1`, adding `q·p` needs no general products:
//! shifted copies of `q` (the multiplication), or one product by the top limb (the squaring's
//! `reduce`); Gueron and Krasnov, "Fast prime field elliptic-curve cryptography with 256-bit
//! primes", J. Cryptographic Engineering 5, 2015, §3. [`P256Base::mul`] and [`P256Base::square`]
//! write the reduction out with that shape; the rest of the field comes from the generic
//! [`LimbField`].
//!
//! # Cost (measured with callgrind on x86-64, baseline target, per call in a loop)
//! * `mul`: the product and the shaped reduction interleaved, 16 word products and a reduction
//!   made of shifts; about 242 instructions (256 with one word product per reduction round, 286
//!   with the full product then `reduce`).
//! * `square`: the full square with each cross product once (10 word products, see
//!   [`super::limbs::square_wide`]) then `reduce`; about 227 instructions (284 when it was `mul`).
//!
//! A product-scanning (Comba) form of the product was also tried and was not faster here. So
//! was the P-384 squaring's order (the square's rows interleaved with the reduction rounds, see
//! `super::p384`): 220 instructions alone against 227, but 4 % more in ECDH and verification,
//! where it is inlined (836k → 868k and 786k → 816k).
//!
//! So was an unsaturated form: five 52-bit limbs, Montgomery with `R = 2^260`. There `p`'s
//! limbs are `[2^52 − 1, 2^44 − 1, 0, 2^36, 2^48 − 2^16]`, each round adds shifts of `q`, and
//! the products go into 128-bit column sums with no carry chains. In a standalone harness it
//! was slower in time than the current code. Throughput: mul 26.6 ns against 20.6, square
//! 21.5 ns against 19.3. Latency: mul 34.7 ns against 31.9 (each form checked against the
//! generic Montgomery product on 200 000 random inputs). It needs 25 word products where this
//! form needs 16, and the baseline `mul` instruction bounds the time.
//!
//! Representation of [`FieldElement`]: four 64-bit limbs, little-endian, holding `a·2^256 mod p`,
//! always `< p` between operations.

use super::limb_field::{LimbField, LimbParams};
use super::limbs::{adc, mac, sbb, square_wide, sub_if_ge};

/// Marker for the P-256 base field modulus `p`, with a shape-specific multiplication.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct P256Base;

impl LimbParams<4> for P256Base {
    const MODULUS: [u64; 4] = [
        0xffff_ffff_ffff_ffff,
        0x0000_0000_ffff_ffff,
        0x0000_0000_0000_0000,
        0xffff_ffff_0000_0001,
    ];
    type Bytes = [u8; 32];
    const NAME: &'static str = "p256::FieldElement";
    /// A squaring (`square`, 14 word products) against a multiplication (16): the doubling with
    /// 3M + 5S and 3 more additions measured 2 % faster in time than the one with 4M + 4S
    /// (P-256 ECDH, 20 000 runs alternated; in instructions it is 5 % more). On P-384 the same
    /// trade measured 2 % slower, so only P-256 (and P-521) make it.
    const FAST_SQUARE: bool = true;

    /// Montgomery multiplication for the P-256 prime: `a·b·2^(−256) mod p`.
    ///
    /// Input bounds: `a < 2^256`, `b < p`. Output `< p`. The product and the reduction are
    /// interleaved (see `mul_interleaved`); that measured about 4% fewer instructions than the
    /// full eight-limb product followed by `reduce`, which [`P256Base::square`] still uses.
    #[inline(always)]
    fn mul(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
        mul_interleaved(a, b)
    }

    /// Montgomery squaring for the P-256 prime: `a²·2^(−256) mod p`.
    ///
    /// Input `a < p`. Output `< p`.
    /// 1. Square `t = a²` with each cross product once ([`square_wide`]: 10 word products
    ///    instead of 16; `t < p² < 2^256·p`).
    /// 2. The same four reduction rounds as [`P256Base::mul`] (see `reduce`).
    #[inline(always)]
    fn square(a: &[u64; 4]) -> [u64; 4] {
        reduce(&square_wide(a))
    }
}

/// Montgomery reduction `t·2^(−256) mod p` for `t < 2^256·p`, using the shape of `p`.
///
/// Round `i` (for `i = 0..4`) adds `q·p·2^(64i)` with `q = t[i]` (the factor `−p^(−1) mod 2^64`
/// is 1), which clears limb `i`. Limb by limb, `q·p` contributes:
/// 1. limb `i`:     `t[i] + q·(2^64 − 1) = q·2^64` → the limb becomes 0 and `q` carries;
/// 2. limb `i + 1`: `t[i+1] + q·(2^32 − 1) + q = t[i+1] + q·2^32` — a shift, no product;
/// 3. limb `i + 2`: limb 2 of `p` is 0, only the carry is added;
/// 4. limb `i + 3`: `t[i+3] + q·(2^64 − 2^32 + 1) + carry`, the one real product;
/// 5. limb `i + 4`: the carry, together with the overflow bit left by the previous round.
///
/// After four rounds the result `t[4..8] + top·2^256 < 2p`; one conditional subtraction ends it.
#[inline(always)]
fn reduce(t: &[[u64; 4]; 2]) -> [u64; 4] {
    const P3: u64 = 0xffff_ffff_0000_0001;
    let mut r = [0u64; 8];
    r.copy_from_slice(t.as_flattened());
    let mut top = 0u64;
    for i in 0..4 {
        let q = r[i];
        // Steps 1–2.
        let x = (r[i + 1] as u128) + ((q as u128) << 32);
        r[i + 1] = x as u64;
        // Step 3.
        let (r2, carry) = adc(r[i + 2], (x >> 64) as u64, 0);
        r[i + 2] = r2;
        // Step 4.
        let (r3, carry) = mac(r[i + 3], q, P3, carry);
        r[i + 3] = r3;
        // Step 5.
        (r[i + 4], top) = adc(r[i + 4], carry, top);
    }
    sub_if_ge(&[r[4], r[5], r[6], r[7]], top, &P256Base::MODULUS)
}

/// Montgomery multiplication `a·b·2^(−256) mod p` with the product and the reduction interleaved
/// (the CIOS order of Koç, Acar and Kaliski, "Analyzing and comparing Montgomery multiplication
/// algorithms", IEEE Micro 1996, §5, as in `limbs::mont_mul`). Only five accumulator words are
/// live, instead of eight.
///
/// Input bounds: `a < 2^256`, `b < p`. Output `< p`. For each limb `b[i]`:
/// 1. `t ← t + a·b[i]` (four limbs plus `hi` and the overflow bit `t_top`);
/// 2. `q ← t[0]` (the factor `−p^(−1) mod 2^64` is 1);
/// 3. `t ← (t + q·p) / 2^64`, with `q·p = q·2^256 − q·2^224 + q·2^192 + q·2^96 − q` added as
///    shifted copies of `q`, no product:
///    1. limb 0: `t[0] − q = 0`, dropped with no borrow;
///    2. one addition chain: `q·2^96` (`q << 32` at limb 1, `q >> 32` at limb 2), `q·2^192`
///       (`q` at limb 3) and `q·2^256` (`q` at limb 4, beside `hi`);
///    3. one subtraction chain: `q·2^224` (`q << 32` at limb 3, `q >> 32` at limb 4), its
///       borrow taken from the overflow word, which cannot go negative since `t + q·p ≥ 0`.
///
///    Written so (two short chains), it measured about 5 % fewer instructions than the same
///    round with `q·(2^64 − 2^32 + 1)` at limb 3 as one word product (callgrind, a
///    multiplication in a loop: 252 → 239).
///
/// After four rounds `t + t_hi·2^256 < 2p` (the CIOS bound, for `a < 2^256`, `b < p`); one
/// conditional subtraction ends it.
#[inline(always)]
fn mul_interleaved(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
    let mut t = [0u64; 4];
    let mut t_hi = 0u64;
    for &bi in b {
        // Step 1 (`limbs::mac_row` written out: with the shared const-fn helper LLVM schedules
        // this 4-limb product ~11 instructions worse, measured with callgrind).
        let mut carry = 0;
        for (tj, &aj) in t.iter_mut().zip(a) {
            (*tj, carry) = mac(*tj, aj, bi, carry);
        }
        let (hi, t_top) = adc(t_hi, carry, 0);
        // Step 2.
        let q = t[0];
        // Step 3.2.
        let (l1, c) = adc(t[1], q << 32, 0);
        let (l2, c) = adc(t[2], q >> 32, c);
        let (l3, c) = adc(t[3], q, c);
        let (l4, c) = adc(hi, q, c);
        let top = t_top + c;
        // Step 3.3.
        let (l3, b) = sbb(l3, q << 32, 0);
        let (l4, b) = sbb(l4, q >> 32, b);
        t = [l1, l2, l3, l4];
        t_hi = top - b;
    }
    debug_assert!(t_hi <= 1);
    sub_if_ge(&t, t_hi, &P256Base::MODULUS)
}

/// An element of the P-256 base field `F_p` (see the [module docs](self) for the representation).
pub type FieldElement = LimbField<P256Base, 4>;

/// Marker for the P-256 group order `n` (generic Montgomery arithmetic: `n` has no special shape).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct P256Scalar;

impl LimbParams<4> for P256Scalar {
    /// `n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551`.
    const MODULUS: [u64; 4] = [
        0xf3b9_cac2_fc63_2551,
        0xbce6_faad_a717_9e84,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_0000_0000,
    ];
    type Bytes = [u8; 32];
    const NAME: &'static str = "p256::Scalar";
}

/// An integer modulo the P-256 group order `n`.
pub type Scalar = LimbField<P256Scalar, 4>;
