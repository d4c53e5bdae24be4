//! Multi-precision integer helpers on little-endian arrays of 64-bit limbs.
//!
//! Layer: **fields** (the bottom of the arithmetic). Uses nothing else from the crate.
//!
//! An `[u64; N]` here is the integer `a[0] + a[1]·2^64 + … + a[N-1]·2^(64(N-1))`. Every function is a
//! `const fn`, so curve constants can be converted at compile time, and none of them branches on the
//! *values* of its inputs: loops run a fixed number of times and selections use masks. That makes them
//! safe to call on secrets.

/// `a + b + carry`, returning `(sum mod 2^64, carry out)`; `carry` must be 0 or 1.
#[inline(always)]
pub const fn adc(a: u64, b: u64, carry: u64) -> (u64, u64) {
    let t = (a as u128) + (b as u128) + (carry as u128);
    (t as u64, (t >> 64) as u64)
}

/// `a − b − borrow`, returning `(difference mod 2^64, borrow out)`; `borrow` must be 0 or 1.
#[inline(always)]
pub const fn sbb(a: u64, b: u64, borrow: u64) -> (u64, u64) {
    let t = (a as u128).wrapping_sub((b as u128) + (borrow as u128));
    (t as u64, ((t >> 64) as u64) & 1)
}

/// `a + b·c + carry`, returning `(low word, high word)`. Never overflows: the maximum is
/// `(2^64−1) + (2^64−1)^2 + (2^64−1) = 2^128 − 1`.
#[inline(always)]
pub const fn mac(a: u64, b: u64, c: u64, carry: u64) -> (u64, u64) {
    let t = (a as u128) + (b as u128) * (c as u128) + (carry as u128);
    (t as u64, (t >> 64) as u64)
}

/// `a + b` over `N` limbs, returning `(sum mod 2^(64N), carry out)`.
#[inline(always)]
pub const fn add<const N: usize>(a: &[u64; N], b: &[u64; N]) -> ([u64; N], u64) {
    let mut r = [0u64; N];
    let mut carry = 0;
    let mut i = 0;
    while i < N {
        (r[i], carry) = adc(a[i], b[i], carry);
        i += 1;
    }
    (r, carry)
}

/// `a − b` over `N` limbs, returning `(difference mod 2^(64N), borrow out)`.
#[inline(always)]
pub const fn sub<const N: usize>(a: &[u64; N], b: &[u64; N]) -> ([u64; N], u64) {
    let mut r = [0u64; N];
    let mut borrow = 0;
    let mut i = 0;
    while i < N {
        (r[i], borrow) = sbb(a[i], b[i], borrow);
        i += 1;
    }
    (r, borrow)
}

/// Returns `a` when `mask == 0` and `b` when `mask == u64::MAX` (no branch).
///
/// The mask goes through [`core::hint::black_box`]: when the optimiser can see that the mask is
/// `0 − bit` for a bit `∈ {0, 1}` (as in [`sub_if_ge`]), it otherwise turns the masking into a
/// conditional jump on that bit — a secret-dependent branch, found by the valgrind check in
/// `ct-check/`.
#[inline(always)]
pub const fn select<const N: usize>(a: &[u64; N], b: &[u64; N], mask: u64) -> [u64; N] {
    let mask = core::hint::black_box(mask);
    let mut r = [0u64; N];
    let mut i = 0;
    while i < N {
        r[i] = a[i] ^ (mask & (a[i] ^ b[i]));
        i += 1;
    }
    r
}

/// `a − m` if `a ≥ m` (given as the pair `a_hi·2^(64N) + a`, with `a_hi ∈ {0, 1}`), else `a`.
///
/// Input bound: `a_hi·2^(64N) + a < 2m`. Output: `< m`. This is the final step of every modular
/// addition and Montgomery multiplication.
#[inline(always)]
pub const fn sub_if_ge<const N: usize>(a: &[u64; N], a_hi: u64, m: &[u64; N]) -> [u64; N] {
    let (d, borrow) = sub(a, m);
    // Keep `a` only when the subtraction borrowed *and* there was no high carry word.
    let (_, keep_a) = sbb(a_hi, 0, borrow);
    select(&d, a, 0u64.wrapping_sub(keep_a))
}

/// `(a + b) mod m` for `a, b < m`.
#[inline(always)]
pub const fn add_mod<const N: usize>(a: &[u64; N], b: &[u64; N], m: &[u64; N]) -> [u64; N] {
    let (s, carry) = add(a, b);
    sub_if_ge(&s, carry, m)
}

/// `(a − b) mod m` for `a, b < m`.
#[inline(always)]
pub const fn sub_mod<const N: usize>(a: &[u64; N], b: &[u64; N], m: &[u64; N]) -> [u64; N] {
    let (d, borrow) = sub(a, b);
    // If it borrowed, add m back: d + m wraps to a − b + m.
    let masked = select(&[0u64; N], m, 0u64.wrapping_sub(borrow));
    add(&d, &masked).0
}

/// Montgomery multiplication, Coarsely Integrated Operand Scanning (Koç, Acar, Kaliski,
/// "Analyzing and comparing Montgomery multiplication algorithms", IEEE Micro 1996, §5).
///
/// Returns `a·b·2^(−64N) mod m`, for odd `m < 2^(64N)` and `m_inv = −m^(−1) mod 2^64`.
/// Input bound: `a·b < 2^(64N)·m` (true when `a < 2^(64N)` and `b < m`). Output: `< m`.
///
/// Steps, for each limb `b[i]`:
/// 1. `t ← t + a·b[i]` (`N + 2` words: the `N`-limb array plus `t_hi`, `t_top`);
/// 2. `q ← t[0]·m_inv mod 2^64`, chosen so that `t + q·m ≡ 0 (mod 2^64)`;
/// 3. `t ← (t + q·m) / 2^64` (an exact shift by one word).
///
/// After `N` rounds `t = (a·b + Q·m) / 2^(64N) < 2m`, and one conditional subtraction finishes.
#[inline(always)]
pub const fn mont_mul<const N: usize>(
    a: &[u64; N],
    b: &[u64; N],
    m: &[u64; N],
    m_inv: u64,
) -> [u64; N] {
    let mut t = [0u64; N];
    let mut t_hi = 0u64;
    let mut i = 0;
    while i < N {
        // Step 1.
        let mut carry = 0;
        let mut j = 0;
        while j < N {
            (t[j], carry) = mac(t[j], a[j], b[i], carry);
            j += 1;
        }
        let (hi, t_top) = adc(t_hi, carry, 0);
        // Step 2.
        let q = t[0].wrapping_mul(m_inv);
        // Step 3.
        let (_, mut carry) = mac(t[0], q, m[0], 0);
        j = 1;
        while j < N {
            (t[j - 1], carry) = mac(t[j], q, m[j], carry);
            j += 1;
        }
        let c2;
        (t[N - 1], c2) = adc(hi, carry, 0);
        t_hi = t_top + c2;
        i += 1;
    }
    sub_if_ge(&t, t_hi, m)
}

/// `−m^(−1) mod 2^64` for odd `m0`, by Newton iteration: each step `x ← x·(2 − m0·x)` doubles the
/// number of correct low bits, and `x = m0` is already right modulo 2^3.
pub const fn neg_inv_mod_2_64(m0: u64) -> u64 {
    assert!(m0 & 1 == 1, "Montgomery modulus must be odd");
    let mut x = m0;
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(m0.wrapping_mul(x)));
        i += 1;
    }
    x.wrapping_neg()
}

/// `2^e mod m` for `m` with its top limb non-zero, by `e` modular doublings of 1.
/// Only for constants (it is slow but runs at compile time).
pub const fn pow2_mod<const N: usize>(e: u32, m: &[u64; N]) -> [u64; N] {
    let mut one = [0u64; N];
    one[0] = 1;
    // 1 < m for every modulus we accept.
    let mut x = one;
    let mut i = 0;
    while i < e {
        x = add_mod(&x, &x, m);
        i += 1;
    }
    x
}

/// `a >> 1`.
pub const fn shr1<const N: usize>(a: &[u64; N]) -> [u64; N] {
    let mut r = [0u64; N];
    let mut i = 0;
    while i < N {
        r[i] = a[i] >> 1;
        if i + 1 < N {
            r[i] |= a[i + 1] << 63;
        }
        i += 1;
    }
    r
}

/// `a + k` for a small `k` (wrapping at 2^(64N)).
pub const fn add_small<const N: usize>(a: &[u64; N], k: u64) -> [u64; N] {
    let mut b = [0u64; N];
    b[0] = k;
    add(a, &b).0
}

/// `a − k` for a small `k` (wrapping at 2^(64N)).
pub const fn sub_small<const N: usize>(a: &[u64; N], k: u64) -> [u64; N] {
    let mut b = [0u64; N];
    b[0] = k;
    sub(a, &b).0
}

/// Bit `i` of `a` (for public exponents only: the index is the loop variable, not a secret).
#[inline(always)]
pub const fn bit<const N: usize>(a: &[u64; N], i: u32) -> u64 {
    (a[(i / 64) as usize] >> (i % 64)) & 1
}

/// Number of significant bits of `a` (variable time: for public constants).
pub const fn bits_vartime<const N: usize>(a: &[u64; N]) -> u32 {
    let mut i = N;
    while i > 0 {
        i -= 1;
        if a[i] != 0 {
            return (i as u32) * 64 + (64 - a[i].leading_zeros());
        }
    }
    0
}

/// Parses big-endian hex (any length up to `16N` digits, no prefix) at compile time.
/// Panics (a compile error when used in a `const`) on any other character or on overflow.
pub const fn from_be_hex<const N: usize>(hex: &str) -> [u64; N] {
    let bytes = hex.as_bytes();
    assert!(bytes.len() <= 16 * N, "hex constant too long");
    let mut r = [0u64; N];
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[bytes.len() - 1 - i];
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => panic!("invalid hex digit"),
        } as u64;
        r[i / 16] |= v << ((i % 16) * 4);
        i += 1;
    }
    r
}

/// Reads a big-endian byte string of at most `8N` bytes into limbs.
#[inline]
pub fn from_be_bytes<const N: usize>(bytes: &[u8]) -> [u64; N] {
    debug_assert!(bytes.len() <= 8 * N);
    let mut r = [0u64; N];
    for (i, b) in bytes.iter().rev().enumerate() {
        r[i / 8] |= (*b as u64) << ((i % 8) * 8);
    }
    r
}

/// Writes the low `out.len()` bytes of `a` big-endian into `out` (`out.len() ≤ 8N`).
#[inline]
pub fn to_be_bytes<const N: usize>(a: &[u64; N], out: &mut [u8]) {
    debug_assert!(out.len() <= 8 * N);
    let len = out.len();
    for (i, b) in out.iter_mut().enumerate() {
        let k = len - 1 - i;
        *b = (a[k / 8] >> ((k % 8) * 8)) as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neg_inv_is_inverse() {
        for m0 in [
            1u64,
            3,
            0xffff_ffff_ffff_ffff,
            0xbce6_faad_a717_9e84 | 1,
            977,
        ] {
            assert_eq!(m0.wrapping_mul(neg_inv_mod_2_64(m0)), u64::MAX);
        }
    }

    #[test]
    fn hex_and_bytes_round_trip() {
        let a: [u64; 2] = from_be_hex("0102030405060708090a0b0c0d0e0f10");
        assert_eq!(a, [0x090a0b0c0d0e0f10, 0x0102030405060708]);
        let mut out = [0u8; 16];
        to_be_bytes(&a, &mut out);
        assert_eq!(from_be_bytes::<2>(&out), a);
        assert_eq!(out[0], 1);
        assert_eq!(out[15], 0x10);
    }

    #[test]
    fn mont_mul_small_modulus() {
        // m = 2^64 − 59 (prime), R = 2^64: check a·b·R^{-1}·R ≡ a·b.
        let m = [u64::MAX - 58];
        let inv = neg_inv_mod_2_64(m[0]);
        let r2 = pow2_mod(128, &m);
        let a = [123_456_789u64];
        let b = [987_654_321u64];
        let am = mont_mul(&a, &r2, &m, inv);
        let bm = mont_mul(&b, &r2, &m, inv);
        let prod = mont_mul(&mont_mul(&am, &bm, &m, inv), &[1], &m, inv);
        let want = ((123_456_789u128 * 987_654_321u128) % (m[0] as u128)) as u64;
        assert_eq!(prod, [want]);
    }

    #[test]
    fn sub_if_ge_cases() {
        let m = [10u64, 0];
        assert_eq!(sub_if_ge(&[9, 0], 0, &m), [9, 0]);
        assert_eq!(sub_if_ge(&[10, 0], 0, &m), [0, 0]);
        assert_eq!(sub_if_ge(&[15, 0], 0, &m), [5, 0]);
        // 2^128 + 3 − m with m close to 2^128.
        let big = [u64::MAX - 1, u64::MAX];
        assert_eq!(sub_if_ge(&[3, 0], 1, &big), [5, 0]);
    }
}
