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
//! `q = t[i] + (t[i] << 32) mod 2^64`, a shift and an addition. And `p = 2^384 − c` with the short
//! `c = 2^128 + 2^96 − 2^32 + 1`, so adding `q·p` is adding `q` at limb 6 and subtracting `q·c`,
//! which spans only limbs 0–3 and is made of shifts of `q` (`q_times_c`): no multiplication at
//! all. This is the observation of Gueron and Krasnov for P-256 ("Fast prime field elliptic-curve
//! cryptography with 256-bit primes", J. Cryptographic Engineering 5, 2015, §3) carried over to
//! P-384, whose `p` is also a generalised Mersenne prime (Solinas, "Generalized Mersenne numbers",
//! CORR 99-39, 1999). [`P384Base::mul`] and [`P384Base::square`] write the reduction out with that
//! shape; the rest of the field comes from the generic [`LimbField`].
//!
//! # Cost
//! * `mul` interleaves the product and the reduction rounds (CIOS order), the six rounds written
//!   out, each round's row as six word products and then two carry chains (as in `super::p256`).
//! * `square` adds the square's rows (each cross product once: 21 word products instead of 36)
//!   interleaved with the same reduction rounds, in the CIOS order of `mul`
//!   (`square_interleaved`).
//!
//! With this squaring the Jacobian doubling with 3M + 5S ([`super::Field::FAST_SQUARE`]) is no
//! faster in time than the one with 4M + 4S and counts more instructions, so P-384 keeps the
//! latter. The instruction counts, and the forms these replaced, are in docs/performance.md
//! ("P-384").
//!
//! Representation of [`FieldElement`]: six 64-bit limbs, little-endian, holding `a·2^384 mod p`,
//! always `< p` between operations.
//!
//! # The scalar field
//! The group order `n` has no special shape; [`Scalar`] uses the generic Montgomery CIOS
//! multiplication and the generic squaring (`limbs::mont_square`). Representation: six 64-bit
//! limbs holding `a·2^384 mod n`, always `< n`.

use super::limb_field::{LimbField, LimbParams};
use super::limbs::{adc, mac, mul_word, sbb, sub, sub_if_ge};

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
    /// Row `r` of the square (`a_r²` and the doubled cross products `2·a_r·a_j`, `j > r`: 21
    /// word products in all instead of 36) is added in round `r` of the same six reduction
    /// rounds as [`P384Base::mul`] (see `square_interleaved`).
    #[inline(always)]
    fn square(a: &[u64; 6]) -> [u64; 6] {
        debug_assert!(lt_p(a), "P384Base::square: a ≥ p");
        square_interleaved(a)
    }
}

/// Whether `a < p` (for `debug_assert!`s).
fn lt_p(a: &[u64; 6]) -> bool {
    let (_, borrow) = sub(a, &P384Base::MODULUS);
    borrow == 1
}

/// The limbs of `q·c` for `c = 2^384 − p = 2^128 + 2^96 − 2^32 + 1`, as `[c1, c2, c3]` (limb 0,
/// `q·c mod 2^64`, is not returned: see [`reduction_round`]). Input: any `q < 2^64`; the value
/// `q·c < 2^193`, so limb 3 is 0 or 1.
///
/// With `u = q·2^32 = u_hi·2^64 + u_lo` (`u_lo = q << 32`, `u_hi = q >> 32`), the terms are
/// `q·2^96 = u·2^64` and `q·2^32 = u`, so
/// `q·c = q·2^128 + u_hi·2^128 + u_lo·2^64 − u_hi·2^64 − u_lo + q`, and limb by limb:
/// 1. limb 0: `q − u_lo`, with borrow `b0`;
/// 2. limb 1: `u_lo − u_hi − b0`, with borrow `b1`;
/// 3. limbs 2 and 3: `q + u_hi − b1` as one 128-bit value (`< 2^64 + 2^32`; it is not negative,
///    since `q = 0` makes both borrows 0).
///
/// Shifts, one subtraction chain and one addition: no multiplication.
#[inline(always)]
fn q_times_c(q: u64) -> [u64; 3] {
    let (u_lo, u_hi) = (q << 32, q >> 32);
    // Step 1.
    let (_, b0) = sbb(q, u_lo, 0);
    // Step 2.
    let (c1, b1) = sbb(u_lo, u_hi, b0);
    // Step 3.
    let x = (u_hi as u128) + (q as u128) - (b1 as u128);
    [c1, x as u64, (x >> 64) as u64]
}

/// One Montgomery round for the P-384 prime: `(w + q·p)/2^64` for the seven-limb window
/// `w = [w0, …, w5] + w6·2^384` (`w6` a 128-bit value, the limb above and its overflow), with
/// `q = w0·(2^32 + 1) mod 2^64` (the factor `−p^(−1) mod 2^64`), so that `w + q·p ≡ 0 (mod 2^64)`.
/// Returns the six low limbs and the 128-bit top of the result.
///
/// Written as `w + q·2^384 − q·c` with `c = 2^384 − p` (`q·c` from [`q_times_c`]):
/// 1. `q ← w0 + (w0 << 32) mod 2^64`;
/// 2. limb 0: `w0 − q·c ≡ 0 (mod 2^64)`, and as both are words they are equal: the limb vanishes
///    with no borrow (`q·c mod 2^64 = q·(1 − 2^32) = w0·(1 − 2^64) ≡ w0`);
/// 3. limbs 1–5: `w − q·c` as one borrow chain (`q·c` has only limbs 1–3 left);
/// 4. the top: `w6 + q − borrow`, as a 128-bit value. It is not negative: the whole sum
///    `w + q·p` is, and the five limbs below are its residue mod `2^320`.
///
/// Input bound: the caller's CIOS bound on `w`; nothing here can overflow: `w6 + q` stays below
/// `2^128` because the caller's `w6 < 2^66`.
#[inline(always)]
fn reduction_round(w: [u64; 6], w6: u128) -> ([u64; 5], u128) {
    // Step 1.
    let q = w[0].wrapping_add(w[0] << 32);
    debug_assert!(
        w[0] == q.wrapping_sub(q << 32),
        "P-384 reduction: limb not cleared"
    );
    // Steps 2–3.
    let [c1, c2, c3] = q_times_c(q);
    let (r0, bw) = sbb(w[1], c1, 0);
    let (r1, bw) = sbb(w[2], c2, bw);
    let (r2, bw) = sbb(w[3], c3, bw);
    let (r3, bw) = sbb(w[4], 0, bw);
    let (r4, bw) = sbb(w[5], 0, bw);
    // Step 4.
    let top = w6 + (q as u128) - (bw as u128);
    ([r0, r1, r2, r3, r4], top)
}

/// One round of [`mul_interleaved`]: `t ← (t + b·c + q·p)/2^64` on the accumulator
/// `t + t_hi·2^384`, for `b < p` and a limb `c` of the other factor.
///
/// Step 1 as the six word products first, then two carry chains ([`adc`]): the row `b·c`
/// (each product's high word onto the next one's low word), then its sum with `t`. That counts
/// fewer instructions than a multiply-accumulate row such as `limbs::mac_row`
/// (docs/performance.md, "P-384"). The sum is below `2p + p·(2^64 − 1)`, which can pass `2^448`
/// (`p > 2^384 − 2^320`), so its limb 6 is a 128-bit value as in [`reduction_round`].
#[inline(always)]
fn mul_round(t: &mut [u64; 6], t_hi: &mut u64, b: &[u64; 6], c: u64) {
    // Step 1.
    let prods = b.map(|bj| mul_word(bj, c));
    let mut row = [0u64; 7];
    row[0] = prods[0].0;
    let mut k = 0;
    for j in 1..6 {
        (row[j], k) = adc(prods[j].0, prods[j - 1].1, k);
    }
    row[6] = prods[5].1 + k;
    let mut k = 0;
    for (tj, rj) in t.iter_mut().zip(&row) {
        (*tj, k) = adc(*tj, *rj, k);
    }
    let w6 = (*t_hi as u128) + (row[6] as u128) + (k as u128);
    // Steps 2–3.
    shift_round(t, t_hi, w6);
}

/// [`reduction_round`] on the accumulator `t + t_hi·2^384` of a CIOS round, whose limb 6 (with
/// its overflow) is `w6`: the result, shifted down one limb, back into `t` and `t_hi`.
#[inline(always)]
fn shift_round(t: &mut [u64; 6], t_hi: &mut u64, w6: u128) {
    let (low, top) = reduction_round(*t, w6);
    t[..5].copy_from_slice(&low);
    t[5] = top as u64;
    *t_hi = (top >> 64) as u64;
}

/// Montgomery multiplication `a·b·2^(−384) mod p` with the product and the reduction interleaved
/// (the CIOS order of Koç, Acar and Kaliski, IEEE Micro 1996, §5, as in `limbs::mont_mul`), each
/// reduction round written with the shape of `p` ([`reduction_round`]). Only eight accumulator
/// words are live, instead of twelve.
///
/// Input bounds: `a < 2^384`, `b < p`. Output `< p`. For each limb `a[i]` ([`mul_round`]):
/// 1. `t ← t + b·a[i]` (six limbs plus `t_hi`, `t_top`);
/// 2. `q ← t[0]·(2^32 + 1) mod 2^64`;
/// 3. `t ← (t + q·p) / 2^64` by shifts and subtractions, shifting the accumulator down one limb.
///
/// The six rounds are written out: LLVM does not unroll a loop over them, which counts more
/// instructions (docs/performance.md, "P-384"). After them `t < 2p` (the CIOS bound); one
/// conditional subtraction ends it.
#[inline(always)]
fn mul_interleaved(a: &[u64; 6], b: &[u64; 6]) -> [u64; 6] {
    let mut t = [0u64; 6];
    let mut t_hi = 0u64;
    mul_round(&mut t, &mut t_hi, b, a[0]);
    mul_round(&mut t, &mut t_hi, b, a[1]);
    mul_round(&mut t, &mut t_hi, b, a[2]);
    mul_round(&mut t, &mut t_hi, b, a[3]);
    mul_round(&mut t, &mut t_hi, b, a[4]);
    mul_round(&mut t, &mut t_hi, b, a[5]);
    debug_assert!(t_hi <= 1);
    let out = sub_if_ge(&t, t_hi, &P384Base::MODULUS);
    debug_assert!(lt_p(&out), "P-384 multiplication: output ≥ p");
    out
}

/// One round of [`square_interleaved`]: `t ← (t + a_r·F_r + q·p)/2^64` on the accumulator
/// `t + t_hi·2^384`, where the window of round `r` starts at limb `r` and
/// `F_r = [a_r, a_{r+1}·2 mod 2^64, s_{r+2}, …, s_5, s_6]` from limb `r` on (`s` = the limbs of
/// `2a`, `s_6` its top bit): `2^(64r)·a_r·F_r` is row `r` of the square, `a_r²` and the doubled
/// cross products `2·a_r·a_j` (`j > r`), each computed once.
///
/// Steps:
/// 1. `t[j] += a_r·F_r[j]` for `j = r … 5` (`6 − r` word products), the carry and
///    `a_r·s_6` (a selection, `s_6` is one bit; the last row has no doubled part) going into
///    the limb above the window;
/// 2. the shaped reduction round ([`reduction_round`]), which shifts the window down one limb.
#[inline(always)]
fn square_round(
    t: &mut [u64; 6],
    t_hi: &mut u64,
    r: usize,
    a_r: u64,
    f_r1: u64,
    s: &[u64; 6],
    top_mask: u64,
) {
    // Step 1.
    let (t_r, mut carry) = mac(t[r], a_r, a_r, 0);
    t[r] = t_r;
    if r < 5 {
        (t[r + 1], carry) = mac(t[r + 1], a_r, f_r1, carry);
    }
    for j in (r + 2)..6 {
        (t[j], carry) = mac(t[j], a_r, s[j], carry);
    }
    let top_bit = if r < 5 { a_r & top_mask } else { 0 };
    // Step 2.
    shift_round(
        t,
        t_hi,
        (*t_hi as u128) + (carry as u128) + (top_bit as u128),
    );
}

/// Montgomery squaring `a²·2^(−384) mod p` with the square's rows and the reduction rounds
/// interleaved, in the CIOS order of [`mul_interleaved`]: round `r` adds row `r` of the square
/// (HAC §14.2.4: `a² = Σ_r 2^(64r)·a_r·(a_r·2^(64r) + 2·Σ_{j>r} a_j·2^(64j))`) and then clears
/// one limb. The 21 word products of [`super::limbs::square_wide`] and no twelve-limb
/// intermediate: the doubling is done once on the operand (`s = 2a`, six shifts), not on the
/// twelve-limb sum, and the diagonal squares go in with their rows.
///
/// Why it is Montgomery reduction: each round's `q` makes the window's lowest limb vanish, and
/// row `r` only touches limbs `≥ 2r ≥ r` of the full sum (the window's limb 0 is final when it is
/// cleared). Bounds: after round `r` the rows and `q·p` terms so far are `< 2^(64r + 450)` (row
/// `r` is `a_r·F_r·2^(64r) < 2^(64r + 449)`), so the window before its shift has its limb 6
/// below `2^66` ([`reduction_round`]'s bound) and `t_hi < 4` after it. In all they add up to
/// `a² + Q·p < p² + 2^384·p`, so the result after six rounds is `< 2p`; one conditional
/// subtraction ends it (`< p`). Input `a < p`.
#[inline(always)]
fn square_interleaved(a: &[u64; 6]) -> [u64; 6] {
    // s = 2a: s[j] = (a[j] << 1) | (a[j − 1] >> 63); its top bit is a[5] >> 63.
    let s = [
        a[0] << 1,
        (a[1] << 1) | (a[0] >> 63),
        (a[2] << 1) | (a[1] >> 63),
        (a[3] << 1) | (a[2] >> 63),
        (a[4] << 1) | (a[3] >> 63),
        (a[5] << 1) | (a[4] >> 63),
    ];
    let top_mask = 0u64.wrapping_sub(a[5] >> 63);
    let mut t = [0u64; 6];
    let mut t_hi = 0u64;
    square_round(&mut t, &mut t_hi, 0, a[0], a[1] << 1, &s, top_mask);
    square_round(&mut t, &mut t_hi, 1, a[1], a[2] << 1, &s, top_mask);
    square_round(&mut t, &mut t_hi, 2, a[2], a[3] << 1, &s, top_mask);
    square_round(&mut t, &mut t_hi, 3, a[3], a[4] << 1, &s, top_mask);
    square_round(&mut t, &mut t_hi, 4, a[4], a[5] << 1, &s, top_mask);
    square_round(&mut t, &mut t_hi, 5, a[5], 0, &s, top_mask);
    debug_assert!(t_hi <= 1);
    let out = sub_if_ge(&t, t_hi, &P384Base::MODULUS);
    debug_assert!(lt_p(&out), "P-384 squaring: output ≥ p");
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
    use super::super::limbs::{from_be_hex, mont_mul, mont_square, neg_inv_mod_2_64, sub_small};
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

    /// The interleaved squaring against the generic Montgomery squaring, on values with and
    /// without the top bit (the `s_6` selection) and with long carry chains.
    #[test]
    fn interleaved_square_matches_generic() {
        let m = &P384Base::MODULUS;
        let inv = <P384Base as LimbParams<6>>::M_INV;
        let values = [
            [0u64; 6],
            [1, 0, 0, 0, 0, 0],
            sub_small(m, 1),
            sub_small(m, 2),
            [0, 0, 0, 0, 0, 1 << 63],
            [
                u64::MAX,
                u64::MAX,
                u64::MAX,
                u64::MAX,
                u64::MAX,
                u64::MAX >> 1,
            ],
            [u64::MAX, 0, u64::MAX, 0, u64::MAX, 1 << 63],
            [0x8000_0000_0000_0001; 6],
        ];
        for a in &values {
            assert_eq!(P384Base::square(a), mont_square(a, m, inv), "{a:x?}");
        }
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
        // Pseudo-random factors (xorshift64): `a` over all of [0, 2^384), `b` below p (its top
        // limb below p's).
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..5000 {
            let a: [u64; 6] = core::array::from_fn(|_| next());
            let mut b: [u64; 6] = core::array::from_fn(|_| next());
            b[5] &= !(1 << 63);
            assert_eq!(
                P384Base::mul(&a, &b),
                mont_mul(&a, &b, m, inv),
                "{a:x?} · {b:x?}"
            );
        }
    }
}
