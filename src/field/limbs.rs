//! Multi-precision integer helpers on little-endian arrays of 64-bit limbs.
//!
//! Layer: **fields** (the bottom of the arithmetic). Uses nothing else from the crate.
//!
//! An `[u64; N]` here is the integer `a[0] + a[1]·2^64 + … + a[N-1]·2^(64(N-1))`. Every function is
//! a `const fn`, so curve constants can be converted at compile time, and none of them branches on
//! the *values* of its inputs: loops run a fixed number of times and selections use masks. That
//! makes them safe to call on secrets.

/// `a + b + carry`, returning `(sum mod 2^64, carry out)`; `carry` must be 0 or 1.
///
/// Written as two `overflowing_add`s: LLVM matches this form to one `add`/`adc` chain even when
/// the chain's operands come from `mul` instructions (which clobber the flags), where a 128-bit
/// sum `a + b + carry` is often reassociated into `setb`/`movzbl` pieces. It counts fewer
/// instructions than that sum on P-384 and secp256k1 and as many on P-256 and P-521
/// (docs/performance.md, "Limb helpers"); the P-256 and P-384 rows are written with it.
#[inline(always)]
pub const fn adc(a: u64, b: u64, carry: u64) -> (u64, u64) {
    let (s, c1) = a.overflowing_add(b);
    let (s, c2) = s.overflowing_add(carry);
    (s, (c1 | c2) as u64)
}

/// `a − b − borrow`, returning `(difference mod 2^64, borrow out)`; `borrow` must be 0 or 1.
#[inline(always)]
pub const fn sbb(a: u64, b: u64, borrow: u64) -> (u64, u64) {
    let (d, b1) = a.overflowing_sub(b);
    let (d, b2) = d.overflowing_sub(borrow);
    (d, (b1 | b2) as u64)
}

/// The full product `a·b` of two words, as `(low word, high word)`.
#[inline(always)]
pub const fn mul_word(a: u64, b: u64) -> (u64, u64) {
    let t = (a as u128) * (b as u128);
    (t as u64, (t >> 64) as u64)
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
/// `0 − bit` for a bit `∈ {0, 1}` (such as the borrow of a subtraction), it otherwise turns the
/// masking into a conditional jump on that bit — a secret-dependent branch, found by the valgrind
/// check in `ct-check/`. (For a mask made from a `subtle::Choice`, see [`select_choice`].)
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

/// Reads entry `index` of a table of limb pairs in constant time: `(Σ_j m_j·x_j, Σ_j m_j·y_j)`
/// with the one-hot masks `m_j = u64::MAX` for `j = index` and 0 otherwise, OR-ed limb by limb
/// over every entry. For `index ≥ E` the result is `(0, 0)`. Behind the fields' overrides of
/// `Field::lookup_pair`.
///
/// Every entry is read at an address that does not depend on `index`, and no branch depends on
/// it: the masks come from arithmetic (`m_j` is the sign of `(index ⊕ j) − 1`, all-ones exactly
/// when `index ⊕ j = 0`), and all `E` of them pass through one [`core::hint::black_box`] before
/// the scan, so the optimiser can neither see that they are one-hot (and read the one entry
/// directly) nor turn a mask into a branch. Against a `subtle::Choice` per entry (one barrier per
/// entry) or a tournament of selections, the scan is one AND and one OR per limb, which the
/// compiler keeps in vector registers (docs/performance.md, "One-hot masked table scans").
#[inline(always)]
pub fn lookup_pair<'a, const N: usize, const E: usize>(
    row: impl Iterator<Item = (&'a [u64; N], &'a [u64; N])>,
    index: u8,
) -> ([u64; N], [u64; N]) {
    let masks = one_hot_masks::<E>(index);
    let (mut x, mut y) = ([0u64; N], [0u64; N]);
    for ((a, b), m) in row.zip(&masks) {
        for i in 0..N {
            x[i] |= a[i] & m;
            y[i] |= b[i] & m;
        }
    }
    // The pair leaves through a barrier as well, for speed only: without it LLVM keeps `y`'s
    // limbs in general-purpose registers for the caller's negation and the scan of `y` is not
    // vectorised (docs/performance.md, "One-hot masked table scans").
    core::hint::black_box((x, y))
}

/// The entry `index` of a row of `E` limb arrays, read in constant time (zero when
/// `index ≥ E`): [`lookup_pair`]'s masked scan for entries that are one array (the Edwards
/// table's three coordinates as 15 limbs).
#[inline(always)]
pub fn lookup<const N: usize, const E: usize>(
    row: impl Iterator<Item = [u64; N]>,
    index: u8,
) -> [u64; N] {
    let masks = one_hot_masks::<E>(index);
    let mut r = [0u64; N];
    for (a, m) in row.zip(&masks) {
        for i in 0..N {
            r[i] |= a[i] & m;
        }
    }
    r
}

/// `m_j = 2^64 − 1` if `j = index`, else 0, for `j < E`, from arithmetic (`m_j` is the sign of
/// `(index ⊕ j) − 1`), and passed through one [`core::hint::black_box`] so that the optimiser
/// cannot see that the masks are one-hot (see [`lookup_pair`]).
#[inline(always)]
fn one_hot_masks<const E: usize>(index: u8) -> [u64; E] {
    let mut masks = [0u64; E];
    for (j, m) in masks.iter_mut().enumerate() {
        let d = (index as u64) ^ (j as u64);
        *m = (d.wrapping_sub(1) as i64 >> 63) as u64;
    }
    core::hint::black_box(&mut masks);
    masks
}

/// Returns `a` when `choice` is 0 and `b` when it is 1 (no branch): the limb-wise selection behind
/// the fields' `subtle::ConditionallySelectable`. `choice` must be a `subtle::Choice`'s
/// `unwrap_u8()` (this module is also compiled into the build script, without `subtle`).
///
/// Unlike [`select`], the mask does not go through [`core::hint::black_box`] again: a `Choice` is
/// already built behind subtle's optimisation barrier, so the optimiser does not know that its
/// value is a single bit and has no branch to turn the masking into (checked by `.ci/ct-check` on
/// both release builds). That saves a store and a load of the mask per call, and the
/// constant-time table scans are made of these selections (docs/performance.md, "Limb helpers").
#[inline(always)]
pub fn select_choice<const N: usize>(a: &[u64; N], b: &[u64; N], choice: u8) -> [u64; N] {
    let mask = 0u64.wrapping_sub(choice as u64);
    let mut r = *a;
    for (r, b) in r.iter_mut().zip(b) {
        *r ^= mask & (*r ^ b);
    }
    r
}

/// `a − b` over `N` limbs, with the high word `a_hi` of `a` (`a_hi·2^(64N) + a` is the minuend),
/// returning the difference mod `2^(64N)` and the **sign mask**: `u64::MAX` if
/// `a_hi·2^(64N) + a < b`, else 0. Input bound: `a_hi·2^(64N) + a − b ≥ −2^(64N)` (true for
/// `a_hi ≤ 1`, or `a_hi = 0` and any `a`, `b`).
///
/// Limbs `0..N−1` are an ordinary borrow chain ([`sbb`]); the top limb is one 128-bit
/// subtraction `(a_hi·2^64 + a[N−1]) − b[N−1] − borrow`, whose value lies in `[−2^64, 2^65)`, so
/// its sign bit is the sign of the whole difference and `(t as i128) >> 127` is the mask.
///
/// Why not the borrow bit of the last [`sbb`]: in the default release build (several codegen
/// units, so LLVM's optimisation pipeline runs again after the local ThinLTO step) LLVM rewrites
/// that last borrow, when it only feeds a mask, into `setb`/`sete`/`and`/`or` and breaks the
/// `sbb` chain (extra instructions in every modular addition and subtraction). The 128-bit top
/// step compiles to `sbb`s in both pipelines.
#[inline(always)]
pub const fn sub_sign_mask<const N: usize>(
    a: &[u64; N],
    a_hi: u64,
    b: &[u64; N],
) -> ([u64; N], u64) {
    let mut r = [0u64; N];
    let mut borrow = 0;
    let mut i = 0;
    while i + 1 < N {
        (r[i], borrow) = sbb(a[i], b[i], borrow);
        i += 1;
    }
    let t = (((a_hi as u128) << 64) | (a[N - 1] as u128))
        .wrapping_sub(b[N - 1] as u128)
        .wrapping_sub(borrow as u128);
    r[N - 1] = t as u64;
    (r, ((t as i128) >> 127) as u64)
}

/// `d + (m & mask) mod 2^(64N)`: adds `m` back when `mask == u64::MAX`, nothing when `mask == 0`
/// (no branch). The final step of [`sub_if_ge`] and [`sub_mod`].
///
/// The mask goes through [`core::hint::black_box`], as in [`select`]: LLVM otherwise sees that it
/// is `0 − bit` and may turn the masking into a conditional jump on that bit.
#[inline(always)]
pub const fn add_masked<const N: usize>(d: &[u64; N], m: &[u64; N], mask: u64) -> [u64; N] {
    let mask = core::hint::black_box(mask);
    let mut r = [0u64; N];
    let mut carry = 0;
    let mut i = 0;
    while i < N {
        (r[i], carry) = adc(d[i], m[i] & mask, carry);
        i += 1;
    }
    r
}

/// `a − m` if `a ≥ m` (given as the pair `a_hi·2^(64N) + a`, with `a_hi ∈ {0, 1}`), else `a`.
///
/// Input bound: `a_hi·2^(64N) + a < 2m`. Output: `< m`. This is the final step of every modular
/// addition and Montgomery multiplication.
///
/// Computed as `d = a − m` ([`sub_sign_mask`], whose mask says whether it went negative), then
/// `d + m` if it did ([`add_masked`]): when `a_hi·2^(64N) + a < m` (so `a_hi = 0`), `d + m`
/// wraps back to `a`; otherwise `d` is the true difference, `< m`. Adding `m & mask` back, rather
/// than selecting between `a` and `d`, keeps `a` out of the registers once `d` is computed.
#[inline(always)]
pub const fn sub_if_ge<const N: usize>(a: &[u64; N], a_hi: u64, m: &[u64; N]) -> [u64; N] {
    let (d, mask) = sub_sign_mask(a, a_hi, m);
    add_masked(&d, m, mask)
}

/// `(a + b) mod m` for `a, b < m`, computed as the subtraction `a − (m − b) mod m`.
///
/// 1. `t ← m − b`, with `0 < t ≤ m` (no borrow, as `b < m`);
/// 2. `(a − t) mod m` by [`sub_mod`]: if `a ≥ t` then `a − t = a + b − m ∈ [0, m)`; else it
///    went negative and adding `m` back gives `a − t + m = a + b < m`.
///
/// The textbook form, `a + b` then [`sub_if_ge`] with the carry word, has LLVM constant-fold the
/// subtraction of a special `m` (P-256's all-ones and zero limbs) into the carry chain of the
/// addition and break it into `setb`/`movzbl` pieces; here the sign of step 2 alone decides,
/// and the code is two subtraction chains and one addition chain, with markedly fewer
/// instructions (docs/performance.md, "Limb helpers"). (The doubling `a + a` is the exception on
/// P-256, see [`double_mod`].)
#[inline(always)]
pub const fn add_mod<const N: usize>(a: &[u64; N], b: &[u64; N], m: &[u64; N]) -> [u64; N] {
    debug_assert!(sub(a, m).1 == 1 && sub(b, m).1 == 1);
    // Step 1.
    let (t, _) = sub(m, b);
    // Step 2.
    sub_mod(a, &t, m)
}

/// `2a mod m` for `a < m`: the doubling `a + a` (one carry chain, its carry out the word above),
/// then [`sub_if_ge`] on the pair, below `2m`. The textbook form that [`add_mod`]'s doc warns
/// about, and it depends on the prime: inlined into the point formulas it counts fewer
/// instructions than `add_mod(a, a)` on P-256 but more on P-384 and P-224 (docs/performance.md,
/// "Limb helpers"). So only the P-256 base field uses it
/// ([`super::limb_field::LimbParams::double`]).
#[inline(always)]
pub const fn double_mod<const N: usize>(a: &[u64; N], m: &[u64; N]) -> [u64; N] {
    debug_assert!(sub(a, m).1 == 1);
    let (d, carry) = add(a, a);
    sub_if_ge(&d, carry, m)
}

/// `(a − b) mod m` for `a < m`, `b ≤ m` (`b = m` occurs inside [`add_mod`]).
///
/// `d = a − b` with the mask of its sign ([`sub_sign_mask`]); if it went negative, `d + m` wraps
/// to `a − b + m ∈ [0, m)` ([`add_masked`]).
#[inline(always)]
pub const fn sub_mod<const N: usize>(a: &[u64; N], b: &[u64; N], m: &[u64; N]) -> [u64; N] {
    let (d, mask) = sub_sign_mask(a, 0, b);
    add_masked(&d, m, mask)
}

/// `a/2 mod m` for an odd `m` and `a < m`: `a/2` if `a` is even, `(a + m)/2` if it is odd
/// (then `a + m` is even), with no branch. Output `< m`: `a/2 < m/2`, and `(a + m)/2 < m`.
///
/// 1. `s = a + (m & mask)` over `N` limbs with its carry bit `c`, `mask = −(a mod 2)`;
/// 2. `s/2` as a one-bit right shift of the `N + 1` words `s + c·2^(64N)`.
///
/// The mask goes through [`core::hint::black_box`], as in [`select`], so that the optimiser does
/// not turn the masked addition into a branch on the parity of a (possibly secret) `a`.
#[inline(always)]
pub const fn half_mod<const N: usize>(a: &[u64; N], m: &[u64; N]) -> [u64; N] {
    debug_assert!(m[0] & 1 == 1);
    // Step 1.
    let mask = core::hint::black_box(0u64.wrapping_sub(a[0] & 1));
    let mut s = [0u64; N];
    let mut carry = 0;
    let mut i = 0;
    while i < N {
        (s[i], carry) = adc(a[i], m[i] & mask, carry);
        i += 1;
    }
    // Step 2.
    let mut r = [0u64; N];
    let mut i = 0;
    while i < N {
        let above = if i + 1 < N { s[i + 1] } else { carry };
        r[i] = (s[i] >> 1) | (above << 63);
        i += 1;
    }
    r
}

/// Step 1 of a CIOS Montgomery round ([`mont_mul`]; the shape-specific P-256 and P-384
/// multiplications write it out, which LLVM schedules better there): `t ← t + a·b` for one limb
/// `b`, over the `N`-limb accumulator `t` with its extra word `t_hi`. Returns the new word above
/// `t` and the overflow bit above that: `(hi, t_top)` with `t + (hi + t_top·2^64)·2^(64N)` the
/// new value. Never overflows further, as the CIOS accumulator stays below `2^(64N)·2m`.
#[inline(always)]
pub const fn mac_row<const N: usize>(
    t: &mut [u64; N],
    t_hi: u64,
    a: &[u64; N],
    b: u64,
) -> (u64, u64) {
    let mut carry = 0;
    let mut j = 0;
    while j < N {
        (t[j], carry) = mac(t[j], a[j], b, carry);
        j += 1;
    }
    adc(t_hi, carry, 0)
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
        let (hi, t_top) = mac_row(&mut t, t_hi, a, b[i]);
        // Step 2.
        let q = t[0].wrapping_mul(m_inv);
        // Step 3.
        let (_, mut carry) = mac(t[0], q, m[0], 0);
        let mut j = 1;
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

/// The full product `a·b` (`2N` limbs, returned as the low and high halves), schoolbook operand
/// scanning (Handbook of Applied Cryptography, Menezes, van Oorschot, Vanstone, 1996, §14.2.3,
/// Algorithm 14.12), with the rows split between two sums: the rows `a[i]·b` of even `i` go into
/// one, those of odd `i` into the other, and the two are added at the end.
///
/// Each row is a chain of multiply-accumulates in which every step waits for the carry of the
/// one before, and a row reads the limbs the row before wrote; with two sums, two chains are in
/// flight at once, for `2N − 1` more additions. On secp256k1 that made verification, ECDH and
/// key generation 2–5 % faster, with slightly fewer instructions (docs/performance.md, "Speed
/// round two"; summing the columns instead, one chain, was slower).
///
/// Inputs `< 2^(64N)`. Each sum holds some of the rows of `a·b < 2^(128N)`, so it is below that
/// too, and the final addition carries nothing out of the top limb.
#[inline(always)]
pub fn mul_wide<const N: usize>(a: &[u64; N], b: &[u64; N]) -> [[u64; N]; 2] {
    let mut even = [[0u64; N]; 2];
    let mut odd = [[0u64; N]; 2];
    let (t0, t1) = (even.as_flattened_mut(), odd.as_flattened_mut());
    for i in 0..N {
        let t = if i % 2 == 0 { &mut *t0 } else { &mut *t1 };
        let mut carry = 0;
        for j in 0..N {
            (t[i + j], carry) = mac(t[i + j], a[i], b[j], carry);
        }
        t[i + N] = carry;
    }
    // `t1[0] = 0`: the odd rows start at limb 1.
    let mut carry = 0;
    for k in 1..2 * N {
        (t0[k], carry) = adc(t0[k], t1[k], carry);
    }
    debug_assert!(carry == 0);
    even
}

/// The full square `a²` (`2N` limbs, returned as the low and high halves), computing each cross
/// product once: `N(N+1)/2` word products instead of the `N²` of [`mul_wide`].
///
/// `a² = Σ_i a[i]²·2^(128i) + 2·Σ_{i<j} a[i]·a[j]·2^(64(i+j))` (the squaring of Handbook of
/// Applied Cryptography, §14.2.4, Algorithm 14.16, rearranged so that no intermediate needs more
/// than a word of carry: the cross products are summed first and doubled once).
/// 1. Sum the `N(N−1)/2` cross products `a[i]·a[j]`, `i < j`, row by row. Their sum is
///    `(a² − Σ a[i]²·2^(128i))/2 < 2^(128N−1)`, so the top bit of the `2N` limbs is clear.
/// 2. Double it by a one-bit left shift of the `2N` limbs (nothing is shifted out, by step 1).
/// 3. Add the `N` diagonal squares `a[i]²` at limbs `2i, 2i + 1`, the carry running through. The
///    total is `a² < 2^(128N)`, so no carry leaves the top limb.
///
/// Input `< 2^(64N)`, output `< 2^(128N)`.
#[inline(always)]
pub fn square_wide<const N: usize>(a: &[u64; N]) -> [[u64; N]; 2] {
    let mut w = [[0u64; N]; 2];
    let t = w.as_flattened_mut();
    // Step 1.
    for i in 0..N - 1 {
        let mut carry = 0;
        for j in (i + 1)..N {
            (t[i + j], carry) = mac(t[i + j], a[i], a[j], carry);
        }
        t[i + N] = carry;
    }
    debug_assert!(t[2 * N - 1] >> 63 == 0);
    // Step 2.
    for k in (1..2 * N).rev() {
        t[k] = (t[k] << 1) | (t[k - 1] >> 63);
    }
    t[0] <<= 1;
    // Step 3.
    add_diagonal_squares(t, a);
    w
}

/// Step 3 of [`square_wide`]: `t + Σ a[i]²·2^(128i)` in place, on the `2N` limbs of `t`, one
/// carry chain through all of them. The caller guarantees that the sum is `< 2^(128N)` (it is
/// `a²` there): no carry leaves the top limb.
#[inline(always)]
pub fn add_diagonal_squares<const N: usize>(t: &mut [u64], a: &[u64; N]) {
    debug_assert!(t.len() == 2 * N);
    let mut carry = 0;
    for (i, &ai) in a.iter().enumerate() {
        let sq = (ai as u128) * (ai as u128);
        (t[2 * i], carry) = adc(t[2 * i], sq as u64, carry);
        (t[2 * i + 1], carry) = adc(t[2 * i + 1], (sq >> 64) as u64, carry);
    }
    debug_assert!(carry == 0);
}

/// Montgomery reduction `REDC(t) = t·2^(−64N) mod m` of a `2N`-limb `t` given as its low and high
/// halves: the Separated Operand Scanning reduction of Koç, Acar and Kaliski ("Analyzing and
/// comparing Montgomery multiplication algorithms", IEEE Micro 1996, §4; also Handbook of Applied
/// Cryptography, Algorithm 14.32), for odd `m < 2^(64N)` and `m_inv = −m^(−1) mod 2^64`.
///
/// Input bound: `t < 2^(64N)·m` (true for `t = a·b` with `a < 2^(64N)`, `b < m`, and for `t = a²`
/// with `a < m`). Output `< m`.
///
/// Round `i` (for `i = 0..N`):
/// 1. `q ← t[i]·m_inv mod 2^64`, so that `t + q·m·2^(64i) ≡ 0 (mod 2^(64(i+1)))`;
/// 2. `t ← t + q·m·2^(64i)`: limbs `i..i+N` by multiply-accumulate, whose carry goes into limb
///    `i + N` together with the overflow bit `top` of the previous round (which ended one limb
///    lower; `top ≤ 1` since each partial sum is `< 2^(64(N+i+1))·2`).
///
/// Afterwards `t = (t₀ + Q·m)` with `Q < 2^(64N)`, its low `N` limbs are zero, and the high half
/// plus `top·2^(64N)` is `(t₀ + Q·m)/2^(64N) < 2m`: one conditional subtraction ends it.
#[inline(always)]
pub fn mont_reduce<const N: usize>(w: &[[u64; N]; 2], m: &[u64; N], m_inv: u64) -> [u64; N] {
    let mut w = *w;
    let t = w.as_flattened_mut();
    let mut top = 0u64;
    for i in 0..N {
        // Step 1.
        let q = t[i].wrapping_mul(m_inv);
        // Step 2.
        let mut carry = 0;
        for j in 0..N {
            (t[i + j], carry) = mac(t[i + j], q, m[j], carry);
        }
        debug_assert!(t[i] == 0);
        (t[i + N], top) = adc(t[i + N], carry, top);
    }
    sub_if_ge(&w[1], top, m)
}

/// Montgomery squaring `a²·2^(−64N) mod m` for `a < m`: [`square_wide`] then [`mont_reduce`]
/// (`N(N+1)/2 + N²` word products against the `2N²` of [`mont_mul`]). Output `< m`.
#[inline(always)]
pub fn mont_square<const N: usize>(a: &[u64; N], m: &[u64; N], m_inv: u64) -> [u64; N] {
    mont_reduce(&square_wide(a), m, m_inv)
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

    /// An index outside the row matches no mask: the scan returns `(0, 0)`.
    #[test]
    fn lookup_pair_outside_the_row_is_zero() {
        let row: [([u64; 2], [u64; 2]); 4] =
            core::array::from_fn(|j| ([j as u64 + 1; 2], [u64::MAX - j as u64; 2]));
        for i in 0..4u8 {
            let (x, y) = lookup_pair::<2, 4>(row.iter().map(|(x, y)| (x, y)), i);
            assert_eq!((x, y), row[i as usize]);
        }
        for i in [4u8, 5, 63, 255] {
            let (x, y) = lookup_pair::<2, 4>(row.iter().map(|(x, y)| (x, y)), i);
            assert_eq!((x, y), ([0; 2], [0; 2]), "index {i}");
        }
    }

    #[test]
    fn lookup_reads_the_indexed_entry_or_zero() {
        let row: [[u64; 3]; 9] = core::array::from_fn(|j| [j as u64 + 1, !(j as u64), 1 << j]);
        for i in 0..9u8 {
            assert_eq!(lookup::<3, 9>(row.into_iter(), i), row[i as usize]);
        }
        for i in [9u8, 16, 63, 255] {
            assert_eq!(lookup::<3, 9>(row.into_iter(), i), [0; 3], "index {i}");
        }
    }

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

    /// Values with all-ones limbs, zero limbs and single bits, for the squaring edge tests.
    fn edge_values<const N: usize>() -> [[u64; N]; 6] {
        let mut one = [0u64; N];
        one[0] = 1;
        let mut alternating = [0u64; N];
        let mut top = [0u64; N];
        for (i, limb) in alternating.iter_mut().enumerate() {
            if i % 2 == 0 {
                *limb = u64::MAX;
            }
        }
        top[N - 1] = 1 << 63;
        let mut ones_low = [u64::MAX; N];
        ones_low[N - 1] = 0;
        [[0; N], one, [u64::MAX; N], alternating, top, ones_low]
    }

    fn check_square_wide<const N: usize>() {
        for a in edge_values::<N>() {
            assert_eq!(square_wide(&a), mul_wide(&a, &a), "{a:x?}");
        }
    }

    #[test]
    fn square_wide_matches_mul_wide() {
        check_square_wide::<1>();
        check_square_wide::<4>();
        check_square_wide::<6>();
        check_square_wide::<9>();
        // (2^256 − 1)² = 2^512 − 2^257 + 1.
        let want = [[1, 0, 0, 0], [u64::MAX - 1, u64::MAX, u64::MAX, u64::MAX]];
        assert_eq!(square_wide(&[u64::MAX; 4]), want);
    }

    fn check_mont_square<const N: usize>(m: [u64; N]) {
        let inv = neg_inv_mod_2_64(m[0]);
        let m_minus_1 = sub_small(&m, 1);
        let m_minus_2 = sub_small(&m, 2);
        for a in edge_values::<N>().into_iter().chain([m_minus_1, m_minus_2]) {
            // Reduce first: mont_square needs a < m.
            let a = mont_mul(&a, &pow2_mod(64 * N as u32, &m), &m, inv);
            assert_eq!(mont_square(&a, &m, inv), mont_mul(&a, &a, &m, inv));
            assert_eq!(
                mont_reduce(&mul_wide(&a, &a), &m, inv),
                mont_mul(&a, &a, &m, inv)
            );
        }
    }

    #[test]
    fn mont_square_matches_mont_mul() {
        check_mont_square([u64::MAX - 58]);
        // The P-256 order and the P-521 order (whose top limb is small).
        check_mont_square::<4>(from_be_hex(
            "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
        ));
        check_mont_square::<9>(from_be_hex(
            "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
             fa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
        ));
        // A modulus with all-ones limbs, 2^384 − 317 (odd is all Montgomery reduction needs).
        let mut m = [u64::MAX; 6];
        m[0] -= 316;
        check_mont_square(m);
    }

    #[test]
    fn sbb_cases() {
        assert_eq!(sbb(5, 3, 0), (2, 0));
        assert_eq!(sbb(5, 5, 1), (u64::MAX, 1));
        assert_eq!(sbb(0, u64::MAX, 1), (0, 1));
        assert_eq!(sbb(u64::MAX, u64::MAX, 0), (0, 0));
        assert_eq!(sbb(0, 0, 1), (u64::MAX, 1));
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

    /// `add_mod`, `sub_mod` and `sub_if_ge` at the modulus boundaries, against a reference
    /// written with comparisons and branches (test code only).
    fn check_mod_boundaries<const N: usize>(m: &[u64; N]) {
        let small = |k: u64| {
            let mut x = [0u64; N];
            x[0] = k;
            x
        };
        let m1 = sub_small(m, 1);
        let half = shr1(m);
        // Reference (a + b) mod m and (a − b) mod m for a, b < m.
        let ref_add = |a: &[u64; N], b: &[u64; N]| {
            let (s, c) = add(a, b);
            let (d, borrow) = sub(&s, m);
            if c == 1 || borrow == 0 { d } else { s }
        };
        let ref_sub = |a: &[u64; N], b: &[u64; N]| {
            let (d, borrow) = sub(a, b);
            if borrow == 1 { add(&d, m).0 } else { d }
        };
        // Values whose sums hit p − 1, p, p + 1 and 2p − 2, and differences with a < b, a = b.
        let values = [
            small(0),
            small(1),
            small(2),
            m1,
            sub_small(m, 2),
            half,
            add_small(&half, 1),
            [u64::MAX >> 1; N],
        ];
        for a in &values {
            for b in &values {
                if sub(a, m).1 == 0 || sub(b, m).1 == 0 {
                    continue;
                }
                assert_eq!(add_mod(a, b, m), ref_add(a, b), "{a:x?} + {b:x?}");
                assert_eq!(sub_mod(a, b, m), ref_sub(a, b), "{a:x?} − {b:x?}");
                let (s, c) = add(a, b);
                assert_eq!(sub_if_ge(&s, c, m), ref_add(a, b), "{a:x?} + {b:x?}");
            }
        }
        // The named cases.
        assert_eq!(add_mod(&m1, &small(1), m), small(0)); // p
        assert_eq!(add_mod(&m1, &small(2), m), small(1)); // p + 1
        assert_eq!(add_mod(&m1, &m1, m), sub_small(m, 2)); // 2p − 2
        assert_eq!(add_mod(&sub_small(m, 2), &small(1), m), m1); // p − 1
        assert_eq!(add_mod(&small(0), &small(0), m), small(0));
        assert_eq!(sub_mod(&small(0), &m1, m), small(1)); // 0 − (p − 1)
        assert_eq!(sub_mod(&small(1), &small(2), m), m1); // a < b
        assert_eq!(sub_mod(&m1, &m1, m), small(0)); // a = b
        assert_eq!(sub_mod(&small(0), &small(0), m), small(0));
        // `b = m` inside `add_mod` (b = 0): a − m + m.
        assert_eq!(sub_mod(&m1, m, m), m1);
        // `sub_if_ge` with the carry word set.
        let (s, c) = add(&m1, &m1);
        assert_eq!(sub_if_ge(&s, c, m), sub_small(m, 2));
    }

    #[test]
    fn mod_ops_at_boundaries() {
        use crate::field::limb_field::LimbParams;
        use crate::field::{p224, p256, p384, p521, secp256k1};
        check_mod_boundaries(&p224::P224Base::MODULUS);
        check_mod_boundaries(&p224::P224Scalar::MODULUS);
        check_mod_boundaries(&p256::P256Base::MODULUS);
        check_mod_boundaries(&p256::P256Scalar::MODULUS);
        check_mod_boundaries(&secp256k1::Secp256k1Base::MODULUS);
        check_mod_boundaries(&secp256k1::Secp256k1Scalar::MODULUS);
        check_mod_boundaries(&p384::P384Base::MODULUS);
        check_mod_boundaries(&p384::P384Scalar::MODULUS);
        check_mod_boundaries(&p521::P521Scalar::MODULUS);
        check_mod_boundaries(&[u64::MAX - 58]);
    }
}
