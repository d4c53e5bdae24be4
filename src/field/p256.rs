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
//! * `square`: the square's rows (each cross product once: 10 word products) interleaved with
//!   the same shaped reduction rounds as `mul` (`square_interleaved`, the order of the P-384
//!   squaring, see `super::p384`); about 220 instructions alone. Before, 227 with the full
//!   eight-limb square ([`super::limbs::square_wide`]) and then a reduction with one word
//!   product per round, 284 when it was `mul`. Inlined into the point formulas it counts 4 %
//!   more instructions than that one (ECDH 836k → 868k, verification 786k → 816k) and yet runs
//!   faster: P-256 ECDH −1.4 % in time (20 000 runs, three alternations: 1.43 s → 1.41 s),
//!   verification −2 %, key generation −0.5 %.
//!
//! A product-scanning (Comba) form of the product was also tried and was not faster here.
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
use super::limbs::{adc, mac, sbb, sub_if_ge};

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
    /// A squaring (`square`, 10 word products) against a multiplication (16): the doubling with
    /// 3M + 5S and 3 more additions measured 2 % faster in time than the one with 4M + 4S
    /// (P-256 ECDH, 20 000 runs alternated; in instructions it is 5 % more). On P-384 the same
    /// trade measured 2 % slower (the same in time since its interleaved squaring), so only
    /// P-256 (and P-521) make it.
    const FAST_SQUARE: bool = true;

    /// Montgomery multiplication for the P-256 prime: `a·b·2^(−256) mod p`.
    ///
    /// Input bounds: `a < 2^256`, `b < p`. Output `< p`. The product and the reduction are
    /// interleaved (see `mul_interleaved`); that measured about 4% fewer instructions than the
    /// full eight-limb product followed by a separate reduction.
    #[inline(always)]
    fn mul(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
        mul_interleaved(a, b)
    }

    /// Montgomery squaring for the P-256 prime: `a²·2^(−256) mod p`.
    ///
    /// Input `a < p`. Output `< p`. Row `r` of the square (`a_r²` and the doubled cross
    /// products `2·a_r·a_j`, `j > r`: 10 word products in all instead of 16) is added in round
    /// `r` of the same four reduction rounds as [`P256Base::mul`] (see `square_interleaved`).
    #[inline(always)]
    fn square(a: &[u64; 4]) -> [u64; 4] {
        square_interleaved(a)
    }
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
        // Steps 2–3.
        (t, t_hi) = reduction_round(&t, hi, t_top);
    }
    debug_assert!(t_hi <= 1);
    sub_if_ge(&t, t_hi, &P256Base::MODULUS)
}

/// Steps 2–3 of [`mul_interleaved`], one shaped reduction round on the window
/// `t + hi·2^256 + t_top·2^320`: `(window + q·p)/2^64` with `q = t[0]`, returned as four limbs
/// and the word above them.
#[inline(always)]
fn reduction_round(t: &[u64; 4], hi: u64, t_top: u64) -> ([u64; 4], u64) {
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
    ([l1, l2, l3, l4], top - b)
}

/// Montgomery squaring `a²·2^(−256) mod p` with the square's rows and the reduction rounds
/// interleaved, in the order of [`mul_interleaved`] (the method of the P-384 squaring, see
/// `super::p384`): round `r` adds row `r` of the square,
/// `a_r·2^(64r)·(a_r·2^(64r) + 2·Σ_{j>r} a_j·2^(64j))` (HAC §14.2.4; the doubled limbs come
/// from `s = 2a`, computed once), at window limbs `r … 4`, and then clears one limb
/// ([`reduction_round`]). 10 word products, and no eight-limb intermediate.
///
/// Bounds: after round `r` the rows and `q·p` terms so far are `< 2^(64r + 322)`, so the window
/// has its limb 4 below `2^66` and the word above it small; in all they add up to
/// `a² + Q·p < p² + 2^256·p`, so the result is `< 2p`, and one conditional subtraction ends
/// it. Input `a < p`.
///
/// The rows are written here and in the P-384 squaring rather than in one generic `limbs`
/// helper: such a helper (tried, with the rounds as inlined functions) counted 1 % more
/// instructions in P-256 ECDH (868k → 875k) and was no faster in time.
#[inline(always)]
fn square_interleaved(a: &[u64; 4]) -> [u64; 4] {
    // s = 2a (limbs 1–3; limb 4 is the bit a[3] >> 63).
    let s = [
        0,
        (a[1] << 1) | (a[0] >> 63),
        (a[2] << 1) | (a[1] >> 63),
        (a[3] << 1) | (a[2] >> 63),
    ];
    let top_mask = 0u64.wrapping_sub(a[3] >> 63);
    let mut t = [0u64; 4];
    let mut t_hi = 0u64;
    // Row r: a_r² at limb r, a_r·F_r[r + 1] (2·a_{r+1} without the bit of a_r, which is not
    // doubled), a_r·s[j] for j ≥ r + 2, and a_r·(a[3] >> 63) above the window (not in row 3).
    let mut round = |r: usize, f_r1: u64, top_bit: u64| {
        let a_r = a[r];
        let (t_r, mut carry) = mac(t[r], a_r, a_r, 0);
        t[r] = t_r;
        if r < 3 {
            (t[r + 1], carry) = mac(t[r + 1], a_r, f_r1, carry);
        }
        for j in (r + 2)..4 {
            (t[j], carry) = mac(t[j], a_r, s[j], carry);
        }
        let w4 = (t_hi as u128) + (carry as u128) + (top_bit as u128);
        (t, t_hi) = reduction_round(&t, w4 as u64, (w4 >> 64) as u64);
    };
    round(0, a[1] << 1, a[0] & top_mask);
    round(1, a[2] << 1, a[1] & top_mask);
    round(2, a[3] << 1, a[2] & top_mask);
    round(3, 0, 0);
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

#[cfg(test)]
mod tests {
    use super::super::limbs::{mont_square, sub_small};
    use super::*;

    /// The interleaved squaring against the generic Montgomery squaring, on raw limbs with and
    /// without the top bit (the selection of `a_r` above the window) and with long carry chains.
    #[test]
    fn interleaved_square_matches_generic() {
        let m = &P256Base::MODULUS;
        let inv = <P256Base as LimbParams<4>>::M_INV;
        let values = [
            [0u64; 4],
            [1, 0, 0, 0],
            sub_small(m, 1),
            sub_small(m, 2),
            [0, 0, 0, 1 << 63],
            [u64::MAX, u64::MAX, u64::MAX, u64::MAX >> 1],
            [u64::MAX, 0, u64::MAX, 1 << 63],
            [0x8000_0000_0000_0001; 4],
        ];
        for a in &values {
            assert_eq!(P256Base::square(a), mont_square(a, m, inv), "{a:x?}");
        }
    }
}
