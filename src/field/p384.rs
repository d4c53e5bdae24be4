//! The two fields of NIST P-384: the base field mod `p` and the scalar field mod `n`.
//!
//! Layer: **fields**. Uses [`super::limb_field`] and [`super::limbs`].
//!
//! # The base field, and why `p` is Montgomery-friendly
//! `p = 2^384 − 2^128 − 2^96 + 2^32 − 1` (FIPS 186-5 / SP 800-186 §3.2.1.4). As 64-bit limbs,
//! little-endian,
//! `p = [2^32 − 1, 2^64 − 2^32, 2^64 − 2, 2^64 − 1, 2^64 − 1, 2^64 − 1]`.
//!
//! Montgomery reduction (see [`super::limb_field`]) clears one limb per round by adding `q·p`,
//! where `q = t[i]·(−p^(−1)) mod 2^64`. Here `p ≡ 2^32 − 1 (mod 2^64)`, and
//! `(2^32 − 1)·(2^32 + 1) = 2^64 − 1 ≡ −1`, so the factor `−p^(−1) mod 2^64` is `2^32 + 1`:
//! `q = t[i] + (t[i] << 32) mod 2^64`, a shift and an addition. Every limb of `p` has the form
//! `2^64 − 2^k` (for `k = 32, 1, 0`) or `2^32 − 1`, so each limb of `q·p` is `q·2^64 − q·2^k`
//! or `q·2^32 − q`: shifts and subtractions, no multiplication at all. This is the observation of
//! Gueron and Krasnov for P-256 ("Fast prime field elliptic-curve cryptography with 256-bit
//! primes", J. Cryptographic Engineering 5, 2015, §3) carried over to P-384, whose `p` is also a
//! generalised Mersenne prime (Solinas, "Generalized Mersenne numbers", CORR 99-39, 1999).
//! [`P384Base::mul`] and [`P384Base::square`] write the reduction out with that shape; the rest of
//! the field comes from the generic [`LimbField`]. (On x86-64, where a 64×64-bit product costs
//! about as much as the shift-and-subtract, the shape saves little over the generic reduction;
//! it makes the prime's shape visible.)
//!
//! # Cost (measured with callgrind on x86-64, baseline target, per call in a loop)
//! * `mul` interleaves the product and the reduction rounds (CIOS order): about 730 instructions.
//!   The full twelve-limb product followed by `reduce` took about 820–840: with twelve limbs
//!   live, the registers spill.
//! * `square` computes the full square with each cross product once (21 word products instead of
//!   36, see [`super::limbs::square_wide`]) and then `reduce`: about 650 instructions (815 when
//!   it was `mul`). Here the saved products outweigh the spills.
//!
//! Representation of [`FieldElement`]: six 64-bit limbs, little-endian, holding `a·2^384 mod p`,
//! always `< p` between operations.
//!
//! # The scalar field
//! The group order `n` has no special shape; [`Scalar`] uses the generic Montgomery CIOS
//! multiplication and the generic squaring (`limbs::mont_square`). Representation: six 64-bit limbs holding `a·2^384 mod n`, always `< n`.

use super::limb_field::{LimbField, LimbParams};
use super::limbs::{adc, mac_row, square_wide, sub, sub_if_ge};

/// Marker for the P-384 base field modulus `p`, with a shape-specific Montgomery multiplication.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct P384Base;

impl LimbParams<6> for P384Base {
    /// `p = 2^384 − 2^128 − 2^96 + 2^32 − 1 =
    /// 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff`.
    const MODULUS: [u64; 6] = [
        0x0000_0000_ffff_ffff,
        0xffff_ffff_0000_0000,
        0xffff_ffff_ffff_fffe,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
    ];
    type Bytes = [u8; 48];
    const NAME: &'static str = "p384::FieldElement";

    /// Montgomery multiplication for the P-384 prime: `a·b·2^(−384) mod p`.
    ///
    /// Input bounds: `a < 2^384`, `b < p`. Output `< p`. Product and reduction rounds
    /// interleaved (see `mul_interleaved`).
    #[inline(always)]
    fn mul(a: &[u64; 6], b: &[u64; 6]) -> [u64; 6] {
        debug_assert!(lt_p(b), "P384Base::mul: b ≥ p");
        mul_interleaved(a, b)
    }

    /// Montgomery squaring for the P-384 prime: `a²·2^(−384) mod p`.
    ///
    /// Input `a < p`. Output `< p`.
    /// 1. Square `t = a²` with each cross product once ([`square_wide`]: 21 word products
    ///    instead of 36; `t < p² < 2^384·p`).
    /// 2. The same six reduction rounds as [`P384Base::mul`] (see `reduce`).
    #[inline(always)]
    fn square(a: &[u64; 6]) -> [u64; 6] {
        debug_assert!(lt_p(a), "P384Base::square: a ≥ p");
        reduce(&square_wide(a))
    }
}

/// Whether `a < p` (for `debug_assert!`s).
fn lt_p(a: &[u64; 6]) -> bool {
    let (_, borrow) = sub(a, &P384Base::MODULUS);
    borrow == 1
}

/// `a + q·(2^64 − 2^k) + carry` for `k < 64`, returned as `(low word, high word)`.
///
/// The same value as `mac(a, q, 2^64 − 2^k, carry)`, but the product is formed as
/// `q·2^64 − q·2^k`: a shift and a subtraction. It never overflows 128 bits: the value is at most
/// `(2^64 − 1) + (2^64 − 1)·(2^64 − 1) + (2^64 − 1) = 2^128 − 1`, and `q·2^64 ≥ q·2^k` keeps the
/// difference non-negative.
#[inline(always)]
fn mac_2_64_minus_2_k(a: u64, q: u64, k: u32, carry: u64) -> (u64, u64) {
    debug_assert!(k < 64);
    let q = q as u128;
    let x = ((q << 64) - (q << k)) + (a as u128) + (carry as u128);
    (x as u64, (x >> 64) as u64)
}

/// Montgomery reduction `t·2^(−384) mod p` for `t < 2^384·p`, using the shape of `p`.
///
/// Round `i` (for `i = 0..6`) adds `q·p·2^(64i)` with `q = t[i]·(2^32 + 1) mod 2^64`, which clears
/// limb `i`. Limb by limb, `q·p` contributes:
/// 1. `q = t[i] + (t[i] << 32) mod 2^64` — the factor `−p^(−1) = 2^32 + 1` as a shift and an add;
/// 2. limb `i`:     `t[i] + q·(2^32 − 1) = t[i] + q·2^32 − q ≡ 0 (mod 2^64)`: the limb becomes 0,
///    only its carry (`< 2^33`) moves on;
/// 3. limb `i + 1`: `t[i+1] + q·(2^64 − 2^32) + carry`;
/// 4. limb `i + 2`: `t[i+2] + q·(2^64 − 2) + carry`;
/// 5. limbs `i + 3`, `i + 4`, `i + 5`: `t[j] + q·(2^64 − 1) + carry`;
/// 6. limb `i + 6`: the carry, together with the overflow bit `top` left by the previous round
///    (that bit belongs exactly here: the previous round ended one limb lower).
///
/// Steps 3–5 use [`mac_2_64_minus_2_k`], so the whole round has no multiplication.
///
/// Bound: after six rounds the sum is `t + Q·p < 2^384·p + 2^384·p`, so the result
/// `(t + Q·p)/2^384 = t[6..12] + top·2^384 < 2p`; one conditional subtraction ends it (`< p`).
#[inline(always)]
fn reduce(t: &[[u64; 6]; 2]) -> [u64; 6] {
    let mut r = [0u64; 12];
    r.copy_from_slice(t.as_flattened());
    let mut top = 0u64;
    for i in 0..6 {
        // Step 1.
        let q = r[i].wrapping_add(r[i] << 32);
        // Step 2.
        let x = (((q as u128) << 32) - (q as u128)) + (r[i] as u128);
        debug_assert!(x as u64 == 0, "P-384 reduction: limb not cleared");
        let mut carry = (x >> 64) as u64;
        // Step 3.
        (r[i + 1], carry) = mac_2_64_minus_2_k(r[i + 1], q, 32, carry);
        // Step 4.
        (r[i + 2], carry) = mac_2_64_minus_2_k(r[i + 2], q, 1, carry);
        // Step 5.
        for limb in &mut r[i + 3..i + 6] {
            (*limb, carry) = mac_2_64_minus_2_k(*limb, q, 0, carry);
        }
        // Step 6.
        (r[i + 6], top) = adc(r[i + 6], carry, top);
    }
    debug_assert!(top <= 1);
    let out = sub_if_ge(
        &[r[6], r[7], r[8], r[9], r[10], r[11]],
        top,
        &P384Base::MODULUS,
    );
    debug_assert!(lt_p(&out), "P-384 reduction: output ≥ p");
    out
}

/// Montgomery multiplication `a·b·2^(−384) mod p` with the product and the reduction interleaved
/// (the CIOS order of Koç, Acar and Kaliski, IEEE Micro 1996, §5, as in `limbs::mont_mul`), each
/// reduction round written with the shape of `p` as in `reduce`. Only eight accumulator words are
/// live, instead of twelve.
///
/// Input bounds: `a < 2^384`, `b < p`. Output `< p`. For each limb `b[i]`:
/// 1. `t ← t + a·b[i]` (six limbs plus `t_hi`, `t_top`);
/// 2. `q ← t[0]·(2^32 + 1) mod 2^64`;
/// 3. `t ← (t + q·p) / 2^64`, `q·p` formed limb by limb by shifts and subtractions (steps 2–5 of
///    `reduce`), shifting the accumulator down one limb.
///
/// After six rounds `t < 2p` (the CIOS bound); one conditional subtraction ends it.
#[inline(always)]
fn mul_interleaved(a: &[u64; 6], b: &[u64; 6]) -> [u64; 6] {
    let mut t = [0u64; 6];
    let mut t_hi = 0u64;
    for &bi in b {
        // Step 1.
        let (hi, t_top) = mac_row(&mut t, t_hi, a, bi);
        // Step 2.
        let q = t[0].wrapping_add(t[0] << 32);
        // Step 3.
        let x = (((q as u128) << 32) - (q as u128)) + (t[0] as u128);
        debug_assert!(x as u64 == 0, "P-384 reduction: limb not cleared");
        let mut carry = (x >> 64) as u64;
        (t[0], carry) = mac_2_64_minus_2_k(t[1], q, 32, carry);
        (t[1], carry) = mac_2_64_minus_2_k(t[2], q, 1, carry);
        for j in 3..6 {
            (t[j - 1], carry) = mac_2_64_minus_2_k(t[j], q, 0, carry);
        }
        let c2;
        (t[5], c2) = adc(hi, carry, 0);
        t_hi = t_top + c2;
    }
    let out = sub_if_ge(&t, t_hi, &P384Base::MODULUS);
    debug_assert!(lt_p(&out), "P-384 multiplication: output ≥ p");
    out
}

/// An element of the P-384 base field `F_p` (see the [module docs](self) for the representation).
pub type FieldElement = LimbField<P384Base, 6>;

/// Marker for the P-384 group order `n` (generic Montgomery arithmetic: `n` has no special shape).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct P384Scalar;

impl LimbParams<6> for P384Scalar {
    /// `n = 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973`.
    const MODULUS: [u64; 6] = [
        0xecec_196a_ccc5_2973,
        0x581a_0db2_48b0_a77a,
        0xc763_4d81_f437_2ddf,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
        0xffff_ffff_ffff_ffff,
    ];
    type Bytes = [u8; 48];
    const NAME: &'static str = "p384::Scalar";
}

/// An integer modulo the P-384 group order `n` (Montgomery form, `a·2^384 mod n`, always `< n`).
pub type Scalar = LimbField<P384Scalar, 6>;

#[cfg(test)]
mod tests {
    use super::super::limbs::{from_be_hex, mont_mul, neg_inv_mod_2_64, sub_small};
    use super::*;

    #[test]
    fn moduli_match_the_standard() {
        let p: [u64; 6] = from_be_hex(
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe\
             ffffffff0000000000000000ffffffff",
        );
        assert_eq!(P384Base::MODULUS, p);
        let n: [u64; 6] = from_be_hex(
            "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf\
             581a0db248b0a77aecec196accc52973",
        );
        assert_eq!(P384Scalar::MODULUS, n);
    }

    #[test]
    fn montgomery_factor_is_2_32_plus_1() {
        assert_eq!(neg_inv_mod_2_64(P384Base::MODULUS[0]), (1 << 32) + 1);
    }

    #[test]
    fn shaped_mul_matches_generic_cios() {
        let m = &P384Base::MODULUS;
        let inv = <P384Base as LimbParams<6>>::M_INV;
        let p_minus_1 = sub_small(m, 1);
        let values = [[0u64; 6], [1, 0, 0, 0, 0, 0], p_minus_1, [u64::MAX; 6]];
        for a in &values {
            for b in &values[..3] {
                let want = mont_mul(a, b, m, inv);
                assert_eq!(P384Base::mul(a, b), want);
            }
        }
    }
}
