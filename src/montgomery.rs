//! The Montgomery form of Curve25519 and its x-only ladder, the arithmetic of X25519.
//!
//! Layer: **points** and **scalar multiplication** (the second curve shape, beside
//! [`crate::point`]). Uses the field layer ([`crate::field::curve25519`]) and the parameter set
//! [`crate::curves::curve25519`].
//!
//! # The curve and the ladder
//! `v² = u³ + A·u² + u` over `F_p`, `p = 2^255 − 19`, `A = 486662` (RFC 7748 §4.1). A point is
//! represented by its `u` coordinate alone, as a fraction `X/Z`; `u = 0` stands for both the
//! point `(0, 0)` of order 2 and the point at infinity (`Z = 0`), which X25519 does not tell apart.
//!
//! Montgomery's ladder ("Speeding the Pollard and elliptic curve methods of factorization",
//! Math. Comp. 48, 1987, §10.3.1) walks the scalar's bits from the top, keeping the pair
//! `(x_2, x_3) = (u(m·P), u((m + 1)·P))` for the prefix `m` of the scalar: each bit maps the pair to
//! `(2·[m]P, [2m+1]P)` or `([2m+1]P, 2·[m+1]P)`, one differential addition (whose difference
//! `u(P)` is known) and one doubling — the same operations for either bit, the order chosen by a
//! constant-time swap. This is the algorithm of RFC 7748 §5 with its step names; the doubling uses
//! `a24 = (A − 2)/4 = 121665`.

use crate::curves::curve25519::MONTGOMERY_A24;
use crate::field::Field;
use crate::field::curve25519::FieldElement;
use subtle::{Choice, ConditionallySelectable};
use zeroize::Zeroize;

/// `u(k·P)` for the point `P` with coordinate `u`, by the ladder of RFC 7748 §5 over bits 254 … 0
/// of the little-endian integer `k` (bit 255 is ignored; X25519's clamping is the caller's).
/// Returns `0` when `k·P` is the point at infinity (a low-order `P`, or `u = 0`).
///
/// Constant time in `k` and `u`: every bit costs one conditional swap, one differential
/// addition-and-doubling (5M + 4S and one multiplication by `a24`, its eight sums and differences
/// left to the products without a carry round), and the final inversion is the constant-time
/// one. The ladder's state is wiped.
pub fn ladder(k: &[u8; 32], u: &FieldElement) -> FieldElement {
    let x1 = *u;
    let (mut x2, mut z2) = (FieldElement::ONE, FieldElement::ZERO);
    let (mut x3, mut z3) = (x1, FieldElement::ONE);
    let mut swap = Choice::from(0);
    for t in (0..255).rev() {
        let k_t = Choice::from((k[t / 8] >> (t % 8)) & 1);
        swap ^= k_t;
        FieldElement::conditional_swap(&mut x2, &mut x3, swap);
        FieldElement::conditional_swap(&mut z2, &mut z3, swap);
        swap = k_t;

        // Every sum and difference only feeds a product: lazy, no carry round.
        let a = x2.add_lazy(&z2); // A = x_2 + z_2
        let aa = a.square(); // AA = A²
        let b = x2.sub_lazy(&z2); // B = x_2 − z_2
        let bb = b.square(); // BB = B²
        let e = aa.sub_lazy(&bb); // E = AA − BB
        let c = x3.add_lazy(&z3); // C = x_3 + z_3
        let d = x3.sub_lazy(&z3); // D = x_3 − z_3
        let da = d * a; // DA = D·A
        let cb = c * b; // CB = C·B
        x3 = da.add_lazy(&cb).square(); // x_3 = (DA + CB)²
        z3 = x1 * da.sub_lazy(&cb).square(); // z_3 = x_1·(DA − CB)²
        x2 = aa * bb; // x_2 = AA·BB
        z2 = e * aa.add_lazy(&e.mul_small(MONTGOMERY_A24 as u32)); // z_2 = E·(AA + a24·E)
    }
    FieldElement::conditional_swap(&mut x2, &mut x3, swap);
    FieldElement::conditional_swap(&mut z2, &mut z3, swap);
    // x_2/z_2, and 0 for z_2 = 0 (RFC 7748's x_2·z_2^(p−2) gives 0 there too).
    let result = x2 * z2.invert().unwrap_or(FieldElement::ZERO);
    for v in [&mut x2, &mut z2, &mut x3, &mut z3] {
        v.zeroize();
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex32(s: &str) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate() {
            *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap();
        }
        out
    }

    /// RFC 7748 §5.2, the first test vector (the scalar clamped as X25519 does).
    #[test]
    fn rfc7748_first_vector() {
        let mut k = hex32("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        k[0] &= 248;
        k[31] &= 127;
        k[31] |= 64;
        let u = FieldElement::from_le_bytes_masked(&hex32(
            "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
        ));
        assert_eq!(
            ladder(&k, &u).to_le_bytes(),
            hex32("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")
        );
    }
}
