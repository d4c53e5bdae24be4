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
//! of `p` are `−1`, `2^32 − 1`, `0` and `2^64 − 2^32 + 1`, adding `q·p` needs no products at all:
//! shifted copies of `q` and one two-word subtraction (`reduction_round`); Gueron and Krasnov,
//! "Fast prime field elliptic-curve cryptography with 256-bit primes", J. Cryptographic
//! Engineering 5, 2015, §3. [`P256Base::mul`] and [`P256Base::square`] write the reduction out
//! with that shape; the rest of the field comes from the generic [`LimbField`].
//!
//! # Cost
//! * `mul`: the product and the shaped reduction interleaved, 16 word products and a reduction
//!   made of shifts.
//! * `square`: the eight-limb square (10 word products) and then four reduction rounds on its
//!   low half.
//!
//! Both are written as [`super::limbs::adc`] chains after the word products, and end in
//! `reduce_once`, which keeps `p`'s constant limbs out of LLVM's sight. With these, and the
//! textbook doubling `2a` (`LimbParams::double` below), the Jacobian doubling with 4M + 4S
//! ([`super::Field::FAST_SQUARE`] off) counts fewer instructions and runs faster in ECDH than the
//! one with 3M + 5S, so the field takes 4M + 4S.
//!
//! Neither a product-scanning (Comba) form of the product nor an unsaturated form (five 52-bit
//! limbs, Montgomery with `R = 2^260`, products in 128-bit column sums with no carry chains) is
//! faster here: the unsaturated form needs 25 word products where this one needs 16, and the
//! baseline `mul` instruction bounds the time. The instruction counts, and the measurements of
//! each form against the others, are in docs/performance.md ("P-256").
//!
//! Representation of [`FieldElement`]: four 64-bit limbs, little-endian, holding `a·2^256 mod p`,
//! always `< p` between operations.

use super::limb_field::{LimbField, LimbParams};
use super::limbs::{adc, mul_word};

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
    /// Off: the doubling takes 4M + 4S (HMV), not 3M + 5S. A squaring (`square`, 10 word
    /// products) is cheaper than a multiplication (16), but with this field's multiplication,
    /// squaring and doubling `2a`, 4M + 4S is the faster doubling in ECDH (see the module docs).
    const FAST_SQUARE: bool = false;

    /// Montgomery multiplication for the P-256 prime: `a·b·2^(−256) mod p`.
    ///
    /// Input bounds: `a < 2^256`, `b < p`. Output `< p`. The product and the reduction are
    /// interleaved (see `mul_interleaved`), which keeps fewer words live than the full eight-limb
    /// product followed by a separate reduction (docs/performance.md, "P-256").
    #[inline(always)]
    fn mul(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
        mul_interleaved(a, b)
    }

    /// `2a mod p` in the textbook form, [`super::limbs::double_mod`]: on this prime it counts
    /// fewer instructions and runs faster in ECDH than the default `add_mod(a, a)`
    /// (docs/performance.md, "P-256").
    #[inline(always)]
    fn double(a: &[u64; 4]) -> [u64; 4] {
        super::limbs::double_mod(a, &Self::MODULUS)
    }

    /// Montgomery squaring for the P-256 prime: `a²·2^(−256) mod p`.
    ///
    /// Input `a < p`. Output `< p`. The eight-limb square (each cross product once: 10 word
    /// products instead of 16), then the reduction rounds of [`P256Base::mul`] on its low half
    /// (see `square_then_reduce`).
    #[inline(always)]
    fn square(a: &[u64; 4]) -> [u64; 4] {
        square_then_reduce(a)
    }
}

/// Montgomery multiplication `a·b·2^(−256) mod p` with the product and the reduction interleaved
/// (the CIOS order of Koç, Acar and Kaliski, "Analyzing and comparing Montgomery multiplication
/// algorithms", IEEE Micro 1996, §5, as in `limbs::mont_mul`). Only five accumulator words are
/// live, instead of eight.
///
/// Input bounds: `a < 2^256`, `b < p`. Output `< p`. For each limb `a[i]`, the window `t` (four
/// limbs and the word `t4` above them, `t < 2p` between rounds):
/// 1. `t ← t + b·a[i]` ([`row`]): below `2p + p·(2^64 − 1) < 2^320`, so five words hold it —
///    this is why the rows run over the limbs of `a` and multiply `b < p`;
/// 2. `t ← (t + q·p)/2^64` with `q = t[0]` ([`reduction_round`]; the Montgomery factor
///    `−p^(−1) mod 2^64` is 1, so `q` needs no product).
///
/// After four rounds `t < 2p` (the CIOS bound), and [`reduce_once`] ends it.
#[inline(always)]
fn mul_interleaved(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
    let (t, t4) = (&[0; 4], 0);
    let (t, t4) = reduction_round(&row(t, t4, b, a[0]));
    let (t, t4) = reduction_round(&row(&t, t4, b, a[1]));
    let (t, t4) = reduction_round(&row(&t, t4, b, a[2]));
    let (t, t4) = reduction_round(&row(&t, t4, b, a[3]));
    reduce_once(&t, t4)
}

/// Step 1 of [`mul_interleaved`]: `t + t4·2^256 + b·c` as five words, for a sum below `2^320`.
///
/// The four word products first, then two carry chains: the row `b·c` itself (each product's
/// high word onto the next one's low word) and then its sum with `t`. Written with
/// [`adc`], each chain compiles to one `add`/`adc` run between the `mul` instructions; the
/// multiply-accumulate form (`t[j] + b[j]·c + carry` per limb, [`super::limbs::mac`]) needs two
/// carries per limb and counts more instructions (docs/performance.md, "P-256").
#[inline(always)]
fn row(t: &[u64; 4], t4: u64, b: &[u64; 4], c: u64) -> [u64; 5] {
    let (l0, h0) = mul_word(b[0], c);
    let (l1, h1) = mul_word(b[1], c);
    let (l2, h2) = mul_word(b[2], c);
    let (l3, h3) = mul_word(b[3], c);
    // The row b·c = [l0, r1, r2, r3, r4] (below 2^320: no carry out of r4).
    let (r1, k) = adc(l1, h0, 0);
    let (r2, k) = adc(l2, h1, k);
    let (r3, k) = adc(l3, h2, k);
    let r4 = h3 + k;
    // t + row (the bound of the sum leaves no carry out of the top word).
    let (s0, k) = adc(t[0], l0, 0);
    let (s1, k) = adc(t[1], r1, k);
    let (s2, k) = adc(t[2], r2, k);
    let (s3, k) = adc(t[3], r3, k);
    let s4 = t4.wrapping_add(r4).wrapping_add(k);
    [s0, s1, s2, s3, s4]
}

/// One shaped Montgomery reduction round: `(w + q·p)/2^64` with `q = w[0]`, for a five-word
/// window `w < 2^320`; the result is below `2^256 + p`, four limbs and a carry bit.
///
/// `q·p = q·2^256 − q·2^224 + q·2^192 + q·2^96 − q`, from `p`'s limbs `[−1, 2^32 − 1, 0,
/// 2^64 − 2^32 + 1]` (Gueron and Krasnov 2015, §3):
/// * limb 0: `w[0] − q = 0`, dropped with no borrow;
/// * `q·2^96`: `q << 32` at limb 1 and `q >> 32` at limb 2;
/// * `q·2^192·(2^64 − 2^32 + 1)`, a two-word value at limbs 3 and 4: its low word is
///   `q − (q << 32) mod 2^64` and its high word `q − (q >> 32) − borrow`, one subtraction
///   chain of two words and no product.
///
/// Then one addition chain of the three terms into limbs 1 to 4. The top two terms as separate
/// chains (`+q` at limbs 3 and 4, then `−q·2^32` at limbs 3 and 4) would need a second carry
/// chain into the word above, and count more instructions (docs/performance.md, "P-256").
#[inline(always)]
fn reduction_round(w: &[u64; 5]) -> ([u64; 4], u64) {
    let q = w[0];
    let (q_lo, q_hi) = (q << 32, q >> 32);
    // q·(2^64 − 2^32 + 1) = top_hi·2^64 + top_lo.
    let (top_lo, borrow) = q.overflowing_sub(q_lo);
    let top_hi = q - q_hi - borrow as u64;
    let (l1, k) = adc(w[1], q_lo, 0);
    let (l2, k) = adc(w[2], q_hi, k);
    let (l3, k) = adc(w[3], top_lo, k);
    let (l4, k) = adc(w[4], top_hi, k);
    ([l1, l2, l3, l4], k)
}

/// `t + t4·2^256 mod p` for `t + t4·2^256 < 2p`. Output `< p`.
///
/// With `ε = 2^256 − p = [1, 2^64 − 2^32, 2^64 − 1, 2^32 − 2]` (limbs): `s = t + ε mod 2^256`
/// with the carry `k`. When `t4 = 1`, `W = t + 2^256 ≥ p` and `W − p = t + ε`, below `2^256`
/// (so `k = 0`); when `t4 = 0`, `t ≥ p` exactly when `t + ε` carries, and then `t − p = s`. So
/// the result is `s` if `t4 | k`, else `t`: one addition chain and a masked selection, with no
/// second chain after the mask.
///
/// `ε`'s limbs come from an opaque all-ones word ([`core::hint::black_box`]) rather than as
/// constants: with the constant limbs `2^64 − 1` in sight LLVM rewrites the carry chain as
/// separate comparisons (`setb`/`or` pieces). The selection mask goes through `black_box` as in
/// [`super::limbs::select`], so it stays masking and never a branch. Against a subtraction of `p`
/// and a masked add-back ([`super::limbs::sub_if_ge`]) it counts slightly more instructions but
/// runs faster, alone and in ECDH (docs/performance.md, "P-256").
#[inline(always)]
fn reduce_once(t: &[u64; 4], t4: u64) -> [u64; 4] {
    let ones = core::hint::black_box(u64::MAX);
    let eps = [1, ones << 32, ones, (ones >> 32) ^ 1];
    let (s0, k) = adc(t[0], eps[0], 0);
    let (s1, k) = adc(t[1], eps[1], k);
    let (s2, k) = adc(t[2], eps[2], k);
    let (s3, k) = adc(t[3], eps[3], k);
    let mask = core::hint::black_box(0u64.wrapping_sub(t4 | k));
    let s = [s0, s1, s2, s3];
    let mut r = *t;
    for (r, s) in r.iter_mut().zip(&s) {
        *r ^= mask & (*r ^ s);
    }
    r
}

/// Montgomery squaring `a²·2^(−256) mod p`: the eight-limb square with each cross product once
/// (HAC §14.2.4: 6 cross products, doubled, and 4 diagonal squares, 10 word products), then four
/// [`reduction_round`]s on its low half only, then its high half added.
///
/// Bounds, for `a < p`: the low half `T_0 < 2^256`; after `k` rounds its window is below
/// `2^(256 − 64k) + p < 2^256` (as `p < 2^256 − 2^224`), so each round runs on four limbs with
/// nothing above them and no carry out. After four, `(T_0 + Q·p)/2^256 ≤ p`; the high half
/// `T_1 = ⌊a²/2^256⌋ < p`, so the sum is below `2p`, and [`reduce_once`] ends it. The result is
/// `≡ (T_0 + T_1·2^256)·2^(−256) = a²·2^(−256)`.
///
/// Interleaving the square's rows with the reduction rounds, as `mul` does, needs a sixth window
/// word here (a doubled row can pass `2^320`); with the rounds of [`reduction_round`] this order
/// counts fewer instructions (docs/performance.md, "P-256").
#[inline(always)]
fn square_then_reduce(a: &[u64; 4]) -> [u64; 4] {
    // The cross products a_i·a_j, i < j.
    let (l01, h01) = mul_word(a[0], a[1]);
    let (l02, h02) = mul_word(a[0], a[2]);
    let (l03, h03) = mul_word(a[0], a[3]);
    let (l12, h12) = mul_word(a[1], a[2]);
    let (l13, h13) = mul_word(a[1], a[3]);
    let (l23, h23) = mul_word(a[2], a[3]);
    // Σ a_i·a_j·2^(64(i+j)) at limbs 1 to 6: the row of a_0 (limbs 1–4), then the row of a_1
    // (limbs 3–5) and a_2·a_3 (limbs 5–6) added to it.
    let (c2, k) = adc(h01, l02, 0);
    let (c3, k) = adc(h02, l03, k);
    let c4 = h03 + k;
    let (r4, k) = adc(h12, l13, 0);
    let r5 = h13 + k;
    let (c3, k) = adc(c3, l12, 0);
    let (c4, k) = adc(c4, r4, k);
    let (c5, k) = adc(r5, l23, k);
    let c6 = h23 + k;
    // Doubled: limbs 1 to 7.
    let (c1, k) = adc(l01, l01, 0);
    let (c2, k) = adc(c2, c2, k);
    let (c3, k) = adc(c3, c3, k);
    let (c4, k) = adc(c4, c4, k);
    let (c5, k) = adc(c5, c5, k);
    let (c6, k) = adc(c6, c6, k);
    let c7 = k;
    // Plus the diagonal squares a_i² at limbs 2i, 2i + 1 (below p² < 2^512: no carry out).
    let (s0, g0) = mul_word(a[0], a[0]);
    let (s1, g1) = mul_word(a[1], a[1]);
    let (s2, g2) = mul_word(a[2], a[2]);
    let (s3, g3) = mul_word(a[3], a[3]);
    let (c1, k) = adc(c1, g0, 0);
    let (c2, k) = adc(c2, s1, k);
    let (c3, k) = adc(c3, g1, k);
    let (c4, k) = adc(c4, s2, k);
    let (c5, k) = adc(c5, g2, k);
    let (c6, k) = adc(c6, s3, k);
    let c7 = c7.wrapping_add(g3).wrapping_add(k);
    // Four rounds on the low half, each leaving four limbs (the carry out is 0, see above).
    let (w, _) = reduction_round(&[s0, c1, c2, c3, 0]);
    let (w, _) = reduction_round(&[w[0], w[1], w[2], w[3], 0]);
    let (w, _) = reduction_round(&[w[0], w[1], w[2], w[3], 0]);
    let (w, _) = reduction_round(&[w[0], w[1], w[2], w[3], 0]);
    // Plus the high half.
    let (r0, k) = adc(w[0], c4, 0);
    let (r1, k) = adc(w[1], c5, k);
    let (r2, k) = adc(w[2], c6, k);
    let (r3, k) = adc(w[3], c7, k);
    reduce_once(&[r0, r1, r2, r3], k)
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
    use super::super::limbs::{add_mod, mont_mul, mont_square, shr1, sub_small};
    use super::*;

    /// Raw limbs with long carry chains, the top bits set, and the values next to `p`.
    fn edge_values() -> [[u64; 4]; 9] {
        let m = &P256Base::MODULUS;
        [
            [0u64; 4],
            [1, 0, 0, 0],
            sub_small(m, 1),
            sub_small(m, 2),
            [0, 0, 0, 1 << 63],
            [u64::MAX, u64::MAX, u64::MAX, u64::MAX >> 1],
            [u64::MAX, 0, u64::MAX, 1 << 63],
            [0x8000_0000_0000_0001; 4],
            [u64::MAX, u64::MAX, 0, 0xffff_ffff_0000_0000],
        ]
    }

    /// Pseudo-random limbs below `p` (xorshift64; the top limb masked below `p`'s).
    fn random_values(n: usize) -> impl Iterator<Item = [u64; 4]> {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..n).map(move |_| [next(), next(), next(), next() & 0xffff_fffe_ffff_ffff])
    }

    /// The squaring against the generic Montgomery squaring, on raw limbs below `p`.
    #[test]
    fn square_matches_generic() {
        let m = &P256Base::MODULUS;
        let inv = <P256Base as LimbParams<4>>::M_INV;
        for a in edge_values().into_iter().chain(random_values(5000)) {
            assert_eq!(P256Base::square(&a), mont_square(&a, m, inv), "{a:x?}");
        }
    }

    /// The doubling against the generic modular addition `a + a`, on raw limbs below `p`, with
    /// `(p − 1)/2` and `(p + 1)/2`, where the reduction starts to subtract `p`.
    #[test]
    fn double_matches_generic() {
        let m = &P256Base::MODULUS;
        let half_below = shr1(m);
        let half_above = add_mod(&half_below, &[1, 0, 0, 0], m);
        assert_eq!(P256Base::double(&half_above), [1, 0, 0, 0]);
        assert_eq!(P256Base::double(&half_below), sub_small(m, 1));
        let halves = [half_below, half_above];
        for a in edge_values()
            .into_iter()
            .chain(halves)
            .chain(random_values(5000))
        {
            assert_eq!(P256Base::double(&a), add_mod(&a, &a, m), "{a:x?}");
        }
    }

    /// The multiplication against the generic Montgomery product on raw limbs, with the first
    /// factor also at and above `p` (its input bound is `a < 2^256`, as in `to_repr`).
    #[test]
    fn mul_matches_generic() {
        let m = &P256Base::MODULUS;
        let inv = <P256Base as LimbParams<4>>::M_INV;
        let above = [
            *m,
            [u64::MAX; 4],
            [0, 0, 0, u64::MAX],
            [u64::MAX, 0, u64::MAX, u64::MAX],
        ];
        for a in edge_values().iter().chain(&above) {
            for b in &edge_values() {
                let want = mont_mul(a, b, m, inv);
                assert_eq!(P256Base::mul(a, b), want, "{a:x?} · {b:x?}");
            }
        }
        let mut randoms = random_values(10_000);
        while let (Some(a), Some(b)) = (randoms.next(), randoms.next()) {
            assert_eq!(
                P256Base::mul(&a, &b),
                mont_mul(&a, &b, m, inv),
                "{a:x?} · {b:x?}"
            );
        }
    }
}
