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
//! of `p` are `−1`, `2^32 − 1`, `0` and `2^64 − 2^32 + 1`, adding `q·p` needs no general products
//! except one by the top limb (Gueron and Krasnov, "Fast prime field elliptic-curve cryptography
//! with 256-bit primes", J. Cryptographic Engineering 5, 2015, §3). [`P256Base::mul`] writes the
//! reduction out with that shape; the rest of the field comes from the generic [`LimbField`].
//!
//! Representation of [`FieldElement`]: four 64-bit limbs, little-endian, holding `a·2^256 mod p`,
//! always `< p` between operations.

use super::limb_field::{LimbField, LimbParams};
use super::limbs::{adc, mac, sub_if_ge};

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

    /// Montgomery multiplication for the P-256 prime.
    ///
    /// Input bounds: `a < 2^256`, `b < p`. Output `< p`.
    /// 1. Schoolbook product `t = a·b` (eight limbs, `t < 2^256·p`).
    /// 2. Four reduction rounds (see `reduce`).
    #[inline]
    fn mul(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
        let mut t = [0u64; 8];
        for i in 0..4 {
            let mut carry = 0;
            for j in 0..4 {
                (t[i + j], carry) = mac(t[i + j], a[i], b[j], carry);
            }
            t[i + 4] = carry;
        }
        reduce(&t)
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
fn reduce(t: &[u64; 8]) -> [u64; 4] {
    const P3: u64 = 0xffff_ffff_0000_0001;
    let mut r = *t;
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
