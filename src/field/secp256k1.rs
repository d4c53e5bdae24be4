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
//! high part down like this, then folding the small overflow word once more, leaves a value below
//! `2p`, and one subtraction of `p` may remain: five word products and no division. This is the
//! reduction for moduli of special form `b^t − c` (R. Crandall, "Method and apparatus for public
//! key exchange in a cryptographic system", US patent 5,159,632, 1992; Menezes, van Oorschot,
//! Vanstone, *Handbook of Applied Cryptography*, 1996, §14.3.4, Algorithm 14.47). The second fold
//! adds one extra `c`, so that its carry out of `2^256` decides the final subtraction without a
//! comparison with `p` (the private `reduce` has the derivation). It is cheaper than a Montgomery
//! reduction, so the field keeps elements in **plain form** and needs no conversions in or out.
//!
//! Cost: the product or square ([`mul_wide`], [`square_wide`]) and five word products for the
//! reduction; the instruction counts are in docs/performance.md ("secp256k1").
//!
//! Representation of [`FieldElement`]: four 64-bit limbs, little-endian, holding `a` itself
//! (`a = a[0] + a[1]·2^64 + a[2]·2^128 + a[3]·2^192`), always `< p` between operations.
//!
//! # The scalar field
//! [`Scalar`] uses the generic Montgomery CIOS multiplication of [`LimbField`] (see
//! [`Secp256k1Scalar`]).

use super::limb_field::{LimbField, LimbParams};
use super::limbs::{adc, mac, mul_wide, sbb, square_wide, sub_if_ge};

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
    #[inline(always)]
    fn mul(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
        reduce(&mul_wide(a, b))
    }

    /// `a² mod p`. Input `a < 2^256`, output `< p`.
    /// 1. Schoolbook square `t = a²`, each cross product computed once ([`square_wide`]).
    /// 2. Pseudo-Mersenne reduction (the private `reduce` below).
    #[inline(always)]
    fn square(a: &[u64; 4]) -> [u64; 4] {
        reduce(&square_wide(a))
    }
}

/// `t mod p` for any `t < 2^512`, by folding with `2^256 ≡ c (mod p)` (HAC Algorithm 14.47),
/// with the final comparison against `p` replaced by the carry of one addition of `c`.
/// Output `< p`.
///
/// Write `t = H·2^256 + L` with `H, L < 2^256` (given as the halves `[L, H]`).
/// 1. Fold: `u = L + H·c`, five limbs `u[0..4] + u4·2^256`. Since
///    `u ≤ (2^256 − 1)(1 + c) < (c + 1)·2^256`, the fifth limb `u4 ≤ c < 2^34`.
/// 2. The second fold would be `y = u[0..4] + u4·c ≡ t (mod p)`, with `u4·c < 2^67`, so
///    `y < 2^256 + 2^67 < 2p`: `y mod p` is `y` or `y − p`. Instead of forming `y` and then
///    comparing it with `p`, add one more `c`: `z = y + c = u[0..4] + (u4 + 1)·c` (one word
///    product, `< 2^68`, added into the four limbs). Since `y − p = z − 2^256`,
///    `y ≥ p ⟺ z ≥ 2^256`, and `z < 2^257`: the carry `k` out of the four limbs *is* the
///    comparison.
/// 3. `k = 1`: the result is `y − p = z mod 2^256`, the four limbs as they are.
///    `k = 0`: the result is `y = z − c`, and `z ≥ c`, so subtracting `c` borrows out of no limb
///    beyond the fourth. Both cases: subtract `c & (k − 1)` (a mask, not a branch).
///
/// Cost: five word multiplications, one four-limb addition and one four-limb subtraction: fewer
/// instructions than three folds, a conditional subtraction of `p` and a masked selection
/// (docs/performance.md, "secp256k1").
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
    // Step 2: z = u[0..4] + (u4 + 1)·c, carry k.
    let hc = ((u4 + 1) as u128) * (C as u128);
    let (z0, k) = adc(u[0], hc as u64, 0);
    let (z1, k) = adc(u[1], (hc >> 64) as u64, k);
    let (z2, k) = adc(u[2], 0, k);
    let (z3, k) = adc(u[3], 0, k);
    // Step 3.
    let kc = C & k.wrapping_sub(1);
    let (r0, borrow) = sbb(z0, kc, 0);
    let (r1, borrow) = sbb(z1, 0, borrow);
    let (r2, borrow) = sbb(z2, 0, borrow);
    let (r3, borrow) = sbb(z3, 0, borrow);
    debug_assert!(borrow == 0);
    [r0, r1, r2, r3]
}

/// An element of the secp256k1 base field `F_p` (see the [module docs](self) for the
/// representation: plain form, four limbs, `< p`).
pub type FieldElement = LimbField<Secp256k1Base, 4>;

/// Marker for the secp256k1 group order `n`, with the generic Montgomery arithmetic.
///
/// `n = 2^256 − d` with a 129-bit `d`, so a folding reduction like the base field's would also
/// work (three folds instead of two); this field uses the generic Montgomery multiplication.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crypto_bigint::{NonZero, U512};

    const P: [u64; 4] = Secp256k1Base::MODULUS;

    fn wide(t: &U512) -> [[u64; 4]; 2] {
        let w = t.to_words();
        [[w[0], w[1], w[2], w[3]], [w[4], w[5], w[6], w[7]]]
    }

    fn p512() -> U512 {
        U512::from_words([P[0], P[1], P[2], P[3], 0, 0, 0, 0])
    }

    fn low(t: &U512) -> [u64; 4] {
        wide(t)[0]
    }

    /// `reduce(q·p + r) = r` for remainders at both ends of `[0, p)` and quotients up to the
    /// largest, so that the carry `k` of step 2 is seen both ways with `y` just below, at and just
    /// above `p`.
    #[test]
    fn reduce_edges() {
        let p = p512();
        let max = U512::MAX;
        let q_max = max.div_rem(&NonZero::new(p).unwrap()).0;
        let c = U512::from_u64(C);
        let ones = U512::from_words([u64::MAX, u64::MAX, u64::MAX, u64::MAX, 0, 0, 0, 0]);
        let remainders = [
            U512::ZERO,
            U512::ONE,
            c.wrapping_sub(&U512::ONE),
            c,
            p.wrapping_sub(&c),
            p.wrapping_sub(&U512::from_u64(2)),
            p.wrapping_sub(&U512::ONE),
        ];
        let quotients = [
            U512::ZERO,
            U512::ONE,
            U512::from_u64(2),
            c,
            ones.wrapping_sub(&c),
            ones,
            q_max.wrapping_sub(&U512::ONE),
            q_max,
        ];
        for q in &quotients {
            for r in &remainders {
                let (t, overflow) = q
                    .wrapping_mul(&p)
                    .carrying_add(r, crypto_bigint::Limb::ZERO);
                if overflow != crypto_bigint::Limb::ZERO {
                    continue;
                }
                assert_eq!(reduce(&wide(&t)), low(r), "q = {q}, r = {r}");
            }
        }
        // All-ones limbs: 2^512 − 1, 2^256 − 1, and the halves swapped.
        for t in [max, ones, max.wrapping_sub(&ones)] {
            let want = t.rem(&NonZero::new(p).unwrap());
            assert_eq!(reduce(&wide(&t)), low(&want), "t = {t}");
        }
    }

    /// `t` with `u4 = 1` after the first fold and `y = u[0..4] + u4·c` exactly `p`, `p − 1` and
    /// `p + 1`: `L + H·c = 2^256 + p − c + δ`, with `H = ⌊(2^256 + p − c + δ)/c⌋` and `L` the
    /// remainder (`< c`).
    #[test]
    fn reduce_second_fold_at_p() {
        let p = p512();
        let c = U512::from_u64(C);
        let two_256 = U512::ONE.shl_vartime(256);
        for (delta, want) in [(0u64, [0u64; 4]), (1, [1, 0, 0, 0])] {
            let target = two_256
                .wrapping_add(&p)
                .wrapping_sub(&c)
                .wrapping_add(&U512::from_u64(delta));
            let (h, l) = target.div_rem(&NonZero::new(c).unwrap());
            let t = h.shl_vartime(256).wrapping_add(&l);
            assert_eq!(reduce(&wide(&t)), want);
        }
        let target = two_256
            .wrapping_add(&p)
            .wrapping_sub(&c)
            .wrapping_sub(&U512::ONE);
        let (h, l) = target.div_rem(&NonZero::new(c).unwrap());
        let t = h.shl_vartime(256).wrapping_add(&l);
        assert_eq!(reduce(&wide(&t)), low(&p.wrapping_sub(&U512::ONE)));
    }

    /// `mul` accepts any `a < 2^256` (not only `a < p`) and `b < p`.
    #[test]
    fn mul_unreduced_left_operand() {
        let p = p512();
        let p_minus_1 = [P[0] - 1, P[1], P[2], P[3]];
        for a in [
            [u64::MAX; 4],
            P,
            p_minus_1,
            [0, 0, 0, 1 << 63],
            [C, 0, 0, 0],
        ] {
            for b in [p_minus_1, [1, 0, 0, 0], [u64::MAX, u64::MAX, 0, 0], [0; 4]] {
                let a512 = U512::from_words([a[0], a[1], a[2], a[3], 0, 0, 0, 0]);
                let b512 = U512::from_words([b[0], b[1], b[2], b[3], 0, 0, 0, 0]);
                let want = a512.wrapping_mul(&b512).rem(&NonZero::new(p).unwrap());
                assert_eq!(Secp256k1Base::mul(&a, &b), low(&want), "{a:x?} · {b:x?}");
                if a == b {
                    assert_eq!(Secp256k1Base::square(&a), low(&want));
                }
            }
            let a512 = U512::from_words([a[0], a[1], a[2], a[3], 0, 0, 0, 0]);
            let want = a512.wrapping_mul(&a512).rem(&NonZero::new(p).unwrap());
            assert_eq!(Secp256k1Base::square(&a), low(&want), "{a:x?}²");
        }
    }
}
