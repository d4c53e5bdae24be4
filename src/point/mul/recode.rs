//! Scalars as digits: the recodings that the multiplication loops consume.
//!
//! * [`recode_signed_window`] — signed fixed windows, `d_i ∈ [−2^(w−1) + 1, 2^(w−1)]`: one digit
//!   per `w` bits, by arithmetic only (constant time), for the constant-time loops.
//! * [`wnaf_vartime`] — the width-`w` non-adjacent form: odd digits `|d_i| < 2^(w−1)` separated
//!   by at least `w − 1` zeros, so about `b/(w + 1)` additions for `b` bits; variable time, for
//!   verification.

use super::MAX_SCALAR_BYTES;

/// The most signed fixed-window digits of a scalar: [`recode_signed_window`] is used with
/// windows of `w ≥ 4` bits (`⌊b/w⌋ + 1` digits for `b ≤ 528` bits), and is tested down to `w = 2`.
pub(crate) const MAX_DIGITS: usize = 2 * MAX_SCALAR_BYTES + 1;

/// Room for the width-`w` NAF of any scalar: one digit per bit and a final carry digit.
pub(crate) const MAX_NAF_DIGITS: usize = 8 * MAX_SCALAR_BYTES + 2;

/// `(1 if d < 0 else 0, |d|)` for a digit `d ∈ [−127, 127]`, without a branch: the sign bit, and
/// `|d| = (d XOR −s) + s` (two's complement negation when `s = 1`).
pub(crate) fn sign_and_magnitude(d: i8) -> (u8, u8) {
    let negative = ((d as u8) >> 7) & 1;
    let magnitude = ((d ^ (-(negative as i8))) + negative as i8) as u8;
    (negative, magnitude)
}

/// Recodes a big-endian integer `k < 2^(w·R − 1)` into `R = digits.len()` signed `w`-bit digits
/// `d_i ∈ [−2^(w−1) + 1, 2^(w−1)]`, least significant first, with `Σ d_i·2^(w·i) = k`.
///
/// Window `i` (bits `w·i … w·i + w − 1`, zero beyond the encoding) plus the incoming carry `c`
/// gives `v ∈ [0, 2^w]`; the new carry is `1` when `v > 2^(w−1)`, and the digit `v − 2^w·carry`.
/// The top window is at most `2^(w−1) − 1` (bit `w·R − 1` of `k` is zero), so the last carry is
/// zero and needs no digit. Arithmetic only: constant time in the integer (the window positions
/// depend on `i` alone). `2 ≤ w ≤ 7`.
pub(crate) fn recode_signed_window(be_bytes: &[u8], w: u32, digits: &mut [i8]) {
    debug_assert!((2..=7).contains(&w));
    let len = be_bytes.len();
    // The `i`-th byte from the least significant end, zero beyond the encoding (public index).
    let byte = |i: usize| {
        if i < len {
            be_bytes[len - 1 - i] as u32
        } else {
            0
        }
    };
    let half = 1i32 << (w - 1);
    let mask = (1u32 << w) - 1;
    let mut carry = 0i32;
    for (i, d) in digits.iter_mut().enumerate() {
        let bit = w as usize * i;
        let window = ((byte(bit / 8) | (byte(bit / 8 + 1) << 8)) >> (bit % 8)) & mask;
        let v = window as i32 + carry;
        // 1 exactly when `half − v < 0`, read off the sign bit.
        carry = ((half - v) >> 31) & 1;
        *d = (v - (carry << w)) as i8;
    }
}

/// The width-`w` non-adjacent form of an integer given as little-endian 64-bit limbs: digits
/// `d_i`, least significant first, each zero or odd with `|d_i| < 2^(w−1)`, and at least `w − 1`
/// zeros after every non-zero digit. Returns the digit count. Variable time in the integer.
/// `2 ≤ w ≤ 15`; the integer has at most `8·MAX_SCALAR_BYTES` bits.
///
/// A carry stands for the `+1` that a negative digit adds to the bits above it
/// (`v = d + 2^w` for `d < 0`): at bit `i`, if that bit equals the carry, the running value is
/// even there and the digit is zero; otherwise the `w` bits from `i` plus the carry give an odd
/// `v < 2^w + 1`, and the digit is `v` or `v − 2^w` (whichever has `|d| < 2^(w−1)`), the carry
/// becoming 1 for the latter. Digits `i + 1 … i + w − 1` are zero and the scan continues at
/// `i + w`. A carry left at the end is a final digit 1.
pub(crate) fn wnaf_vartime<const L: usize>(
    limbs: &[u64; L],
    w: u32,
    digits: &mut [i16; MAX_NAF_DIGITS],
) -> usize {
    debug_assert!((2..=15).contains(&w) && 64 * L <= 8 * MAX_SCALAR_BYTES + 64);
    // The bits from position `i` up (at least 32 of them; zero beyond the top limb).
    let limb = |q: usize| if q < L { limbs[q] } else { 0 };
    let bits_at = |i: usize| -> u32 {
        let (q, r) = (i / 64, i % 64);
        let hi = if r == 0 { 0 } else { limb(q + 1) << (64 - r) };
        ((limb(q) >> r) | hi) as u32
    };
    // Only up to the highest set bit.
    let bits = match limbs.iter().rposition(|&l| l != 0) {
        Some(top) => 64 * top + 64 - limbs[top].leading_zeros() as usize,
        None => 0,
    };
    debug_assert!(bits <= 8 * MAX_SCALAR_BYTES);
    let mut carry = 0u32;
    let mut last = 0;
    let mut i = 0;
    while i < bits {
        let window = bits_at(i);
        if window & 1 == carry {
            digits[i] = 0;
            i += 1;
            continue;
        }
        let v = (window & ((1 << w) - 1)) + carry;
        carry = (v >> (w - 1)) & 1;
        digits[i] = (v as i32 - ((carry as i32) << w)) as i16;
        last = i + 1;
        let end = (i + w as usize).min(bits);
        digits[i + 1..end].fill(0);
        i = end;
    }
    // Here `i = bits`.
    if carry == 1 {
        digits[bits] = 1;
        last = bits + 1;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_window_recoding() {
        for w in 2..=7u32 {
            for v in [
                0u64,
                1,
                7,
                8,
                15,
                16,
                31,
                32,
                33,
                0x88,
                0xff,
                0x8888_8888,
                0x0123_4567_89ab_cdef,
                u64::MAX >> 1,
            ] {
                let rows = 64 / w as usize + 1;
                let mut digits = [0i8; 40];
                recode_signed_window(&v.to_be_bytes(), w, &mut digits[..rows]);
                let half = 1i128 << (w - 1);
                assert!(
                    digits[..rows]
                        .iter()
                        .all(|&d| (1 - half..=half).contains(&(d as i128)))
                );
                let value = digits[..rows]
                    .iter()
                    .rev()
                    .fold(0i128, |acc, &d| (acc << w) + d as i128);
                assert_eq!(value, v as i128, "w = {w}, value {v:#x}");
            }
        }
    }

    #[test]
    fn sign_and_magnitude_of_every_digit() {
        for d in -127i8..=127 {
            let (negative, magnitude) = sign_and_magnitude(d);
            assert_eq!(negative == 1, d < 0);
            assert_eq!(magnitude as i16, (d as i16).abs());
        }
    }

    #[test]
    fn wnaf_recoding() {
        let mut values = std::vec![
            1u64,
            2,
            15,
            16,
            31,
            0xff,
            0x100,
            0xdead_beef,
            u64::MAX,
            u64::MAX - 1,
            0x8000_0000_0000_0001,
            0x5555_5555_5555_5555,
            0xaaaa_aaaa_aaaa_aaaa,
        ];
        let mut x = 0x0123_4567_89ab_cdefu64;
        for _ in 0..200 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            values.push(x);
        }
        for w in 2..=15u32 {
            for &v in &values {
                let mut digits = [0i16; MAX_NAF_DIGITS];
                let n = wnaf_vartime(&[v], w, &mut digits);
                assert!(n <= 65 && digits[n..].iter().all(|&d| d == 0));
                // Every digit below the count is written, zeros included.
                let mut dirty = [0x7777i16; MAX_NAF_DIGITS];
                assert_eq!(wnaf_vartime(&[v], w, &mut dirty), n);
                assert_eq!(dirty[..n], digits[..n], "w = {w}, value {v:#x}");
                assert!(n == 0 || digits[n - 1] != 0, "no trailing zero digit");
                let value = digits[..n]
                    .iter()
                    .rev()
                    .fold(0i128, |acc, &d| acc * 2 + d as i128);
                assert_eq!(value, v as i128, "w = {w}, value {v:#x}");
                for (i, &d) in digits[..n].iter().enumerate() {
                    let bound = 1i32 << (w - 1);
                    assert!(
                        d == 0 || (d % 2 != 0 && (d as i32).abs() < bound),
                        "digit {d}"
                    );
                    if d != 0 {
                        let next = n.min(i + w as usize);
                        assert!(digits[i + 1..next].iter().all(|&e| e == 0));
                    }
                }
            }
        }
    }

    #[test]
    fn wnaf_of_a_multi_limb_integer() {
        // 2^200 − 1 and a value with its top bit in the last limb of nine (P-521's width).
        let mut a = [u64::MAX, u64::MAX, u64::MAX, 0xff, 0, 0, 0, 0, 0];
        let mut b = [0x0123_4567_89ab_cdefu64; 9];
        b[8] = 0x1ff;
        for v in [&mut a, &mut b] {
            let mut digits = [0i16; MAX_NAF_DIGITS];
            let n = wnaf_vartime(v, 5, &mut digits);
            // Σ d_i·2^i, accumulated into nine limbs plus a sign check on the way.
            let mut acc = [0i128; 10];
            for (i, &d) in digits[..n].iter().enumerate() {
                acc[i / 64] += (d as i128) << (i % 64);
            }
            for j in 0..9 {
                let carry = acc[j] >> 64;
                acc[j] -= carry << 64;
                acc[j + 1] += carry;
                assert_eq!(acc[j] as u64, v[j], "limb {j}");
            }
            assert_eq!(acc[9], 0);
        }
    }
}
