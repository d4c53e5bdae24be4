//! Modular inversion by the Bernstein–Yang "safegcd" algorithm, in constant and variable time.
//!
//! Layer: **fields**. Uses [`super::limbs`] only; [`super::limb_field`] calls it.
//!
//! References:
//! * \[BY19\] D. J. Bernstein and B.-Y. Yang, "Fast constant-time gcd computation and modular
//!   inversion", IACR TCHES 2019(3) (the 2019-04-13 version): divsteps (§8), batching them into
//!   2×2 transition matrices (§10), the iteration bound (Theorem 11.2).
//! * \[W21\] P. Wuille, "The safegcd implementation in libsecp256k1 explained"
//!   (`doc/safegcd_implementation.md` in libsecp256k1): the 62-divstep batches on the low bits,
//!   the modular update of the Bézout coefficients `d`, `e` within `(−2p, p)`, the variable-time
//!   shortcuts and the variant starting at `δ = 1/2` with its 590-divstep bound for 256-bit
//!   inputs.
//! * \[W-B\] P. Wuille, "Bounds on divsteps iterations in safegcd" (github.com/sipa/safegcd-bounds,
//!   README): convex-hull bounds, and the "hddivsteps" variant (`δ = 1/2`) with its general bound.
//!
//! # The algorithm
//! A **divstep** maps `(δ, f, g)`, `f` odd, to
//! ```text
//!   (1 − δ, g, (g − f)/2)   if δ > 0 and g is odd,
//!   (1 + δ, f, (g + f)/2)   if δ ≤ 0 and g is odd,
//!   (1 + δ, f, g/2)         if g is even.
//! ```
//! It keeps `gcd(f, g)` and `f` odd. Started at `f = p`, `g = a`, after enough steps `g = 0` and
//! `f = ±gcd(p, a) = ±1` \[BY19, §8\]. Alongside, the coefficients `d`, `e` with `d·a ≡ f` and
//! `e·a ≡ g (mod p)` (initially `d = 0`, `e = 1`) follow the same linear map, with the halvings
//! done modulo `p`; at the end `a^(−1) = ±d`.
//!
//! 1. **Batches.** The first `k` divsteps depend only on `δ` and the low `k` bits of `f` and `g`
//!    \[BY19, §10\]. So each round runs 62 divsteps on the low 62-bit limbs, recording their effect
//!    as a matrix `T` with `2^62·(f', g') = T·(f, g)`, entries `|u| + |v| ≤ 2^62`,
//!    `|q| + |r| ≤ 2^62`. The matrix accumulates the halvings as doublings of the other row, so it
//!    stays integral. The divsteps themselves run on `f`, `g` and the matrix packed into two
//!    words, 19 at a time (`divsteps_packed`).
//! 2. **Full-size update.** `(f, g) ← T·(f, g) / 2^62`, an exact division, on signed 62-bit limbs
//!    (radix `2^62`, the low limbs in `[0, 2^62)`, the top limb signed), with 128-bit accumulators.
//! 3. **Modular update of `d`, `e`** \[W21, §5\]: first add `p` to a negative `d` (or `e`), giving
//!    `d̂, ê ∈ (−p, p)`; then `(u·d̂ + v·ê − t·p) / 2^62` with `t ∈ [0, 2^62)` the unique value
//!    that makes the division exact (`t = (u·d̂ + v·ê)·p^(−1) mod 2^62`). The result lies in
//!    `(−2^63·p, 2^62·p) / 2^62 = (−2p, p)`: the range is kept without any full reduction.
//! 4. At the end, bring `d` into `[0, p)` and negate it if `f = −1`.
//!
//! # How many divsteps
//! We start at `δ = 1/2` instead of `δ = 1` (the "hddivsteps" of \[W-B\]; the rules above are
//! unchanged, and the code keeps `2δ`, an odd integer). The constant-time variant runs a fixed
//! number of rounds, enough for every input `0 ≤ g ≤ f ≤ M` with `M = 2^b − 1 ≥ p` (`b` the bit
//! length of `p`, at least 23): by \[W-B\], for `M ≥ 4257874` at most
//! `⌊(3787·log2(M) + 2166)/1644⌋` divsteps reach `g = 0` — a formula found by exact convex-hull
//! computations and checked by them for every `M ≤ 2^3805`. With `log2(M) < b` that gives 591
//! divsteps for `b = 256` (the exact hull threshold is 590, the number libsecp256k1 runs and
//! \[W21\] derives), 885 for `b = 384` and 1201 for `b = 521`: 10, 15 and 20 rounds.
//! (For comparison, the bound *proved* in \[BY19, Theorem 11.2\] for the original `δ = 1` is
//! `⌊(49b + 57)/17⌋`: 741, 1110 and 1505 divsteps.)
//!
//! Divsteps past `g = 0` are harmless (`g` stays 0, `f` and `d` stay put, `e` is halved mod `p`),
//! so the count could be rounded up to whole rounds of 62; instead the last round runs only the
//! remaining divsteps (33, 17 and 23 of them), its matrix scaled by `2^(62 − k)` so that the same
//! update code divides by `2^62`. The variable-time variant instead stops at the first round that
//! ends with `g = 0`, skips runs of zero low bits of `g` in one shift, and drops the top limbs of
//! `f` and `g` once they hold only the sign.
//!
//! # Constant time
//! In the constant-time `Safegcd::invert` the number of rounds and of divsteps per round is fixed,
//! every divstep is straight-line code on masks (`0` or `−1`, from sign bits), and no index depends on data.

use super::limbs;
use zeroize::Zeroize;

/// Mask of the low 62 bits.
const M62: i64 = (1 << 62) - 1;
/// Room for the signed 62-bit form of any modulus of the crate's fields (`LimbField` and the
/// canonical limbs of `UnsaturatedField`): `N ≤ 9` 64-bit limbs.
const MAX_LIMBS: usize = 10;

/// Number of signed 62-bit limbs for values of `N` 64-bit limbs plus a sign:
/// `62·(L − 1) + 63 ≥ 64·N + 1`.
const fn limbs62(n: usize) -> usize {
    (64 * n) / 62 + 1
}

/// A signed integer in radix `2^62`: `Σ x[i]·2^(62i)` over the first `limbs62(N)` limbs, the lower
/// limbs in `[0, 2^62)`, the top limb signed (unused limbs are zero).
type Signed62 = [i64; MAX_LIMBS];

/// The transition matrix of 62 divsteps, scaled by `2^62`:
/// `2^62·(f', g') = (u·f + v·g, q·f + r·g)`.
#[derive(Clone, Copy, Debug)]
struct Matrix {
    u: i64,
    v: i64,
    q: i64,
    r: i64,
}

/// The precomputed constants of inversion modulo one odd `p` of `N` 64-bit limbs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Safegcd<const N: usize> {
    /// `p` in signed 62-bit limbs.
    p: Signed62,
    /// `p^(−1) mod 2^62`.
    p_inv: u64,
    /// Rounds of divsteps for the constant-time variant: all of 62 divsteps but the last.
    rounds: usize,
    /// Divsteps in the last round, `1..=62`.
    last_steps: u32,
}

impl<const N: usize> Safegcd<N> {
    /// The constants for the odd modulus `p` (little-endian 64-bit limbs, top limb non-zero).
    pub(crate) const fn new(p: &[u64; N]) -> Self {
        assert!(limbs62(N) <= MAX_LIMBS, "modulus too large for safegcd");
        assert!(p[0] & 1 == 1, "safegcd needs an odd modulus");
        // `p^(−1) mod 2^64` is the negation of the Montgomery factor `−p^(−1) mod 2^64`.
        let p_inv = limbs::neg_inv_mod_2_64(p[0]).wrapping_neg();
        let divsteps = divsteps_bound(limbs::bits_vartime(p) as usize);
        let rounds = divsteps.div_ceil(62);
        Self {
            p: to_signed62::<N>(p),
            p_inv: p_inv & (M62 as u64),
            rounds,
            last_steps: (divsteps - 62 * (rounds - 1)) as u32,
        }
    }

    /// `a^(−1) mod p` for `0 < a < p`, and `0` for `a = 0`. Constant time.
    pub(crate) fn invert(&self, a: &[u64; N]) -> [u64; N] {
        let (mut f, mut g) = (self.p, to_signed62::<N>(a));
        let (mut d, mut e) = ([0i64; MAX_LIMBS], [0i64; MAX_LIMBS]);
        e[0] = 1;
        let mut delta2 = 1;
        for _ in 1..self.rounds {
            let t;
            (delta2, t) = divsteps_62(62, delta2, f[0] as u64, g[0] as u64);
            update_fg(&mut f, &mut g, &t, limbs62(N));
            self.update_de(&mut d, &mut e, &t);
        }
        // The last round: only the remaining divsteps (a public count).
        let (_, t) = divsteps_62(self.last_steps, delta2, f[0] as u64, g[0] as u64);
        update_fg(&mut f, &mut g, &t, limbs62(N));
        self.update_de(&mut d, &mut e, &t);
        let inverse = self.finish(d, &f);
        // Wipe the state derived from the (possibly secret) input; volatile writes.
        for x in [&mut f, &mut g, &mut d, &mut e] {
            x.zeroize();
        }
        inverse
    }

    /// `a^(−1) mod p` for `0 < a < p`, and `0` for `a = 0`. Variable time: leaks `a`.
    pub(crate) fn invert_vartime(&self, a: &[u64; N]) -> [u64; N] {
        // f and g use their first `len` limbs, the top one signed; d and e keep all of theirs.
        let mut len = limbs62(N);
        let (mut f, mut g) = (self.p, to_signed62::<N>(a));
        let (mut d, mut e) = ([0i64; MAX_LIMBS], [0i64; MAX_LIMBS]);
        e[0] = 1;
        let mut delta2 = 1;
        while g[..len].iter().any(|&x| x != 0) {
            let t;
            (delta2, t) = divsteps_62_vartime(delta2, f[0] as u64, g[0] as u64);
            update_fg(&mut f, &mut g, &t, len);
            self.update_de(&mut d, &mut e, &t);
            // Drop the top limbs if both are 0 or −1 (sign only): the limb below absorbs the sign,
            // x[len−2] + x[len−1]·2^62 ∈ [−2^62, 2^62).
            if len > 1 {
                let (ft, gt) = (f[len - 1], g[len - 1]);
                if (ft == 0 || ft == -1) && (gt == 0 || gt == -1) {
                    f[len - 2] |= ft << 62;
                    g[len - 2] |= gt << 62;
                    f[len - 1] = 0;
                    g[len - 1] = 0;
                    len -= 1;
                }
            }
        }
        let mut f_sign = [0i64; MAX_LIMBS];
        f_sign[limbs62(N) - 1] = f[len - 1] >> 63;
        self.finish(d, &f_sign)
    }

    /// Step 3: `(d, e) ← T·(d, e) / 2^62 mod p`, inputs and outputs in `(−2p, p)`.
    #[inline(always)]
    fn update_de(&self, d: &mut Signed62, e: &mut Signed62, t: &Matrix) {
        let l = limbs62(N);
        let (u, v, q, r) = (t.u as i128, t.v as i128, t.q as i128, t.r as i128);
        // Adding p to a negative d is adding u·p (and q·p) to the products: fold it into md, me.
        let sd = d[l - 1] >> 63;
        let se = e[l - 1] >> 63;
        let mut md = (t.u & sd) + (t.v & se);
        let mut me = (t.q & sd) + (t.r & se);
        let mut cd = u * d[0] as i128 + v * e[0] as i128;
        let mut ce = q * d[0] as i128 + r * e[0] as i128;
        // Subtract t·p with t = (low limb)·p^(−1) mod 2^62 to clear the low 62 bits.
        md -= ((self.p_inv.wrapping_mul(cd as u64).wrapping_add(md as u64)) & M62 as u64) as i64;
        me -= ((self.p_inv.wrapping_mul(ce as u64).wrapping_add(me as u64)) & M62 as u64) as i64;
        cd += md as i128 * self.p[0] as i128;
        ce += me as i128 * self.p[0] as i128;
        debug_assert!(cd as i64 & M62 == 0 && ce as i64 & M62 == 0);
        cd >>= 62;
        ce >>= 62;
        for i in 1..l {
            cd += u * d[i] as i128 + v * e[i] as i128 + md as i128 * self.p[i] as i128;
            ce += q * d[i] as i128 + r * e[i] as i128 + me as i128 * self.p[i] as i128;
            d[i - 1] = cd as i64 & M62;
            e[i - 1] = ce as i64 & M62;
            cd >>= 62;
            ce >>= 62;
        }
        d[l - 1] = cd as i64;
        e[l - 1] = ce as i64;
    }

    /// Step 4: from `d ∈ (−2p, p)` and `f = ±1`, the inverse `±d mod p` in `[0, p)`.
    #[inline(always)]
    fn finish(&self, mut d: Signed62, f: &Signed62) -> [u64; N] {
        let l = limbs62(N);
        // (−2p, p) → (−p, p): add p if negative.
        let neg = d[l - 1] >> 63;
        add_masked::<N>(&mut d, &self.p, neg);
        // Multiply by the sign of f: still in (−p, p).
        negate_masked::<N>(&mut d, f[l - 1] >> 63);
        // (−p, p) → [0, p).
        let neg = d[l - 1] >> 63;
        add_masked::<N>(&mut d, &self.p, neg);
        from_signed62::<N>(&d)
    }
}

/// An upper bound on the hddivsteps (`δ = 1/2`) that take any `0 ≤ g ≤ f < 2^bits` to `g = 0`
/// (module docs, "How many divsteps"): `⌊(3787·b + 2166)/1644⌋` with `b = max(bits, 23)`, since
/// the formula of \[W-B\] holds for `M ≥ 4257874 > 2^22` and grows with `M`.
const fn divsteps_bound(bits: usize) -> usize {
    let b = if bits < 23 { 23 } else { bits };
    (3787 * b + 2166) / 1644
}

/// Step 1, constant time: `steps ≤ 62` divsteps on the low bits `f0` (odd) and `g0` of `f` and
/// `g`, from `2δ = delta2`. Returns the new `2δ` and the transition matrix, scaled to `2^62`
/// (multiplied by `2^(62 − steps)`). Constant time in `f0`, `g0`, `delta2`; `steps` is public.
///
/// Each divstep, on masks (`c1 = −1` iff `δ > 0`, `c2 = −1` iff `g` odd):
/// 1. if `c2`: `g ← g − f` when `c1`, else `g ← g + f` (and the same on the matrix rows);
/// 2. if `c1` and `c2` (the swap case): `δ ← −δ` and `f ← f + g`, which is the old `g` since `g`
///    now holds `g − f` — so the swap costs one masked addition per row;
/// 3. `δ ← δ + 1`, `g ← g/2` (exact), and the `f` row doubles instead of the `g` row halving.
///
/// `δ` is kept as `ζ = −(δ + 1/2)`, an integer (as in libsecp256k1's hddivsteps, \[W21\]):
/// `δ > 0` exactly when `ζ < 0`, so `c1` is the sign of `ζ`; steps 2 and 3 together map `δ` to
/// `1 − δ` (swap) or `1 + δ`, that is `ζ` to `−ζ − 2 = (ζ XOR −1) − 1` or `ζ − 1`: one masked
/// XOR and a decrement, two operations fewer per divstep than on `2δ` (docs/performance.md,
/// "Inversion").
///
/// After `i` divsteps the low `62 − i` bits of `f` and `g` are still right, enough for the next
/// parity test; the matrix is exact.
///
/// The divsteps run in chunks of at most 19 ([`divsteps_packed`]: `f`, `g` and the matrix rows
/// packed in two words, one word operation doing the work of three); after each chunk its matrix
/// brings the low bits of `f` and `g` forward (two products each, the exact division by `2^n` as
/// a shift) and multiplies the product of the chunks so far. 62 divsteps are four chunks.
#[inline(always)]
fn divsteps_62(steps: u32, delta2: i64, f0: u64, g0: u64) -> (i64, Matrix) {
    debug_assert!((1..=62).contains(&steps));
    // ζ = −(δ + 1/2) = −(2δ + 1)/2; 2δ is odd.
    let mut zeta = -((delta2 + 1) >> 1);
    // The low bits of the current f and g: after `done` divsteps the low `64 − done` are right
    // (62 − done for the callers' 62-bit limbs), enough for the next chunk's parity tests.
    let (mut f, mut g) = (f0, g0);
    // The product of the chunks' matrices: 2^done·(f, g) = T·(f0, g0).
    let (mut u, mut v, mut q, mut r) = (1i64, 0i64, 0i64, 1i64);
    let mut done = 0;
    while done < steps {
        let n = (steps - done).min(PACKED_STEPS);
        let m;
        (zeta, m) = divsteps_packed(n, zeta, f, g);
        // The exact divisions by 2^n, on the low bits (wrapping: only those are kept).
        let fm = (m.u as u64)
            .wrapping_mul(f)
            .wrapping_add((m.v as u64).wrapping_mul(g));
        let gm = (m.q as u64)
            .wrapping_mul(f)
            .wrapping_add((m.r as u64).wrapping_mul(g));
        (f, g) = (fm >> n, gm >> n);
        // T ← M·T: |entries| ≤ 2^(done + n) ≤ 2^62, and so is each sum of two products.
        (u, v, q, r) = (
            m.u.wrapping_mul(u).wrapping_add(m.v.wrapping_mul(q)),
            m.u.wrapping_mul(v).wrapping_add(m.v.wrapping_mul(r)),
            m.q.wrapping_mul(u).wrapping_add(m.r.wrapping_mul(q)),
            m.q.wrapping_mul(v).wrapping_add(m.r.wrapping_mul(r)),
        );
        done += n;
    }
    let delta2 = -2 * zeta - 1;
    // |u| + |v| ≤ 2^steps and |q| + |r| ≤ 2^steps: the scaled entries still fit.
    let s = 62 - steps;
    let t = Matrix {
        u: u << s,
        v: v << s,
        q: q << s,
        r: r << s,
    };
    debug_check_matrix(&t, f0, g0, f, g);
    (delta2, t)
}

/// Divsteps per chunk of [`divsteps_packed`]: the most for which its three fields fit a word.
const PACKED_STEPS: u32 = 19;

/// `n ≤ 19` constant-time divsteps of [`divsteps_62`] (from `ζ`, on the low bits `f0` (odd) and
/// `g0`), on two packed words instead of six values. Returns the new `ζ` and the matrix `M` with
/// `2^n·(f', g') = M·(f0, g0)`.
///
/// # The packing
/// With `c = 19`, `A = c + 2` and `B = A + 21`, the words are `F = f + 2^A·U + 2^B·V` and
/// `G = g + 2^A·Q + 2^B·R`, where `f`, `g` start as the low `c` bits of `f0`, `g0` and
/// `(U, V; Q, R)` is the matrix after `i` divsteps, scaled by `2^(n − i)`: `2^n·I` at the start,
/// `M` after the last. Each divstep is linear in the pair `(f, g)` and in the rows alike — the
/// (conditionally negated) `F` added to `G`, `G` added to `F`, and the exact halving of `G`, which
/// is the halving of `g` and of the scaled `(Q, R)` row (even while `i < n`) and leaves `(U, V)`
/// as it is, the doubling of the unscaled row — so the operations on the words carry out the
/// divsteps on `(f, g)` and on the matrix at once, and no field needs a carry between them: the
/// words are exact integers. Parity decisions read bit 0 of `G`, which is `g`'s, and `f`, `g`
/// here agree with the true ones in their low `c − i ≥ n − i` bits.
///
/// # Bounds
/// A divstep does not increase `max(|f|, |g|)` (`|(g ± f)/2| ≤ max(|f|, |g|)`), so
/// `|f|, |g| < 2^c` throughout, and `2^(c+1)` before a halving. Each scaled row keeps
/// `|U| + |V| ≤ 2^n ≤ 2^19` (`2^20` before a halving), so `|F|, |G| < 2^c + 2^(A+20) + 2^(B+20) <
/// 2^63`. At the end, `V = (F + 2^(B−1)) >> B` because `|f + 2^A·U| ≤ 2^c + 2^(A+19) < 2^(B−1)`,
/// and `U = (F − 2^B·V + 2^(A−1)) >> A` because `|f| < 2^(A−1)`.
#[inline(always)]
fn divsteps_packed(n: u32, mut zeta: i64, f0: u64, g0: u64) -> (i64, Matrix) {
    const C: u32 = PACKED_STEPS;
    const A: u32 = C + 2;
    const B: u32 = A + 21;
    debug_assert!((1..=PACKED_STEPS).contains(&n));
    let low = (1u64 << C) - 1;
    let mut ff = (f0 & low) as i64 + (1i64 << (A + n));
    let mut gg = (g0 & low) as i64 + (1i64 << (B + n));
    let mut step = || {
        // δ > 0 ⟺ ζ < 0, read from the sign bit.
        let c1 = zeta >> 63;
        let c2 = (gg & 1).wrapping_neg();
        // 1. The conditionally negated f row, added when g is odd.
        gg = gg.wrapping_add(((ff ^ c1).wrapping_sub(c1)) & c2);
        // 2. and 3. for δ (as ζ); 2. for the f row.
        let c1 = c1 & c2;
        zeta = (zeta ^ c1).wrapping_sub(1);
        ff = ff.wrapping_add(gg & c1);
        // 3. Halve g and the scaled g row (exact: the word is even).
        gg >>= 1;
    };
    // Two divsteps per loop iteration, as before the packing (docs/performance.md, "Inversion").
    for _ in 0..n / 2 {
        step();
        step();
    }
    if n % 2 == 1 {
        step();
    }
    let unpack = |w: i64| {
        let hi = (w + (1 << (B - 1))) >> B;
        let mid = (w - (hi << B) + (1 << (A - 1))) >> A;
        (mid, hi)
    };
    let ((u, v), (q, r)) = (unpack(ff), unpack(gg));
    (zeta, Matrix { u, v, q, r })
}

/// Step 1, variable time (leaks `f0`, `g0`, `delta2`): the same 62 divsteps as [`divsteps_62`],
/// with each run of even-`g` divsteps done as one shift and branches instead of masks.
#[inline(always)]
fn divsteps_62_vartime(mut delta2: i64, f0: u64, g0: u64) -> (i64, Matrix) {
    let (mut f, mut g) = (f0, g0);
    let (mut u, mut v, mut q, mut r) = (1i64, 0i64, 0i64, 1i64);
    let mut left = 62u32;
    loop {
        // The even-g divsteps (at most `left` of them): g ← g/2^z, f row ← 2^z·f row, δ ← δ + z.
        let z = (g | (u64::MAX << left)).trailing_zeros();
        g >>= z;
        u <<= z;
        v <<= z;
        delta2 += 2 * z as i64;
        left -= z;
        if left == 0 {
            break;
        }
        // g is odd: steps 1 and 2 of a divstep; its step 3 is the first shift of the next pass.
        if delta2 > 0 {
            delta2 = -delta2;
            (f, g) = (g, f.wrapping_neg());
            (u, q) = (q, -u);
            (v, r) = (r, -v);
        }
        g = g.wrapping_add(f);
        q += u;
        r += v;
    }
    let t = Matrix { u, v, q, r };
    debug_check_matrix(&t, f0, g0, f, g);
    (delta2, t)
}

/// Checks `2^62·(f, g) = T·(f0, g0)` on the bits that are still known (debug builds only).
#[inline(always)]
fn debug_check_matrix(t: &Matrix, f0: u64, g0: u64, f: u64, g: u64) {
    debug_assert_eq!(
        (t.u as u64)
            .wrapping_mul(f0)
            .wrapping_add((t.v as u64).wrapping_mul(g0))
            & (M62 as u64),
        0
    );
    debug_assert_eq!(
        (t.q as u64)
            .wrapping_mul(f0)
            .wrapping_add((t.r as u64).wrapping_mul(g0))
            & (M62 as u64),
        0
    );
    debug_assert!(f & 1 == 1);
    let _ = g;
}

/// Step 2: `(f, g) ← T·(f, g) / 2^62` (exact division), on the first `len` limbs of `f` and `g`
/// (the top one signed). Constant time for a fixed `len`.
#[inline(always)]
fn update_fg(f: &mut Signed62, g: &mut Signed62, t: &Matrix, len: usize) {
    let (u, v, q, r) = (t.u as i128, t.v as i128, t.q as i128, t.r as i128);
    let mut cf = u * f[0] as i128 + v * g[0] as i128;
    let mut cg = q * f[0] as i128 + r * g[0] as i128;
    debug_assert!(cf as i64 & M62 == 0 && cg as i64 & M62 == 0);
    cf >>= 62;
    cg >>= 62;
    for i in 1..len {
        cf += u * f[i] as i128 + v * g[i] as i128;
        cg += q * f[i] as i128 + r * g[i] as i128;
        f[i - 1] = cf as i64 & M62;
        g[i - 1] = cg as i64 & M62;
        cf >>= 62;
        cg >>= 62;
    }
    f[len - 1] = cf as i64;
    g[len - 1] = cg as i64;
}

/// `x ← x + (p & mask)` for `mask ∈ {0, −1}`, renormalising the limbs.
#[inline(always)]
fn add_masked<const N: usize>(x: &mut Signed62, p: &Signed62, mask: i64) {
    // Opaque to the optimiser, as in `limbs::select`: it may otherwise branch on the mask.
    let mask = core::hint::black_box(mask);
    let l = limbs62(N);
    let mut c = 0i64;
    for i in 0..l - 1 {
        c += x[i] + (p[i] & mask);
        x[i] = c & M62;
        c >>= 62;
    }
    x[l - 1] += c + (p[l - 1] & mask);
}

/// `x ← −x` if `mask = −1`, unchanged if `mask = 0`, renormalising the limbs.
#[inline(always)]
fn negate_masked<const N: usize>(x: &mut Signed62, mask: i64) {
    // Opaque to the optimiser, as in `limbs::select`: it may otherwise branch on the mask.
    let mask = core::hint::black_box(mask);
    let l = limbs62(N);
    let mut c = 0i64;
    for limb in &mut x[..l - 1] {
        c += (*limb ^ mask) - mask;
        *limb = c & M62;
        c >>= 62;
    }
    x[l - 1] = c + ((x[l - 1] ^ mask) - mask);
}

/// A non-negative `a < 2^(64N)` in signed 62-bit limbs.
const fn to_signed62<const N: usize>(a: &[u64; N]) -> Signed62 {
    let l = limbs62(N);
    let mut out = [0i64; MAX_LIMBS];
    let mut i = 0;
    while i < l {
        let (j, o) = ((62 * i) / 64, (62 * i) % 64);
        let mut w = a[j] >> o;
        if o > 0 && j + 1 < N {
            w |= a[j + 1] << (64 - o);
        }
        // The top limb takes all remaining bits: 64N − 62(L − 1) ≤ 61 of them.
        out[i] = if i + 1 < l {
            (w as i64) & M62
        } else {
            w as i64
        };
        i += 1;
    }
    out
}

/// The 64-bit limbs of a signed 62-bit value in `[0, 2^(64N))`.
fn from_signed62<const N: usize>(x: &Signed62) -> [u64; N] {
    let l = limbs62(N);
    debug_assert!(x[l - 1] >= 0);
    let mut out = [0u64; N];
    for (j, limb) in out.iter_mut().enumerate() {
        // Bit 64j sits at offset o = 2j mod 62 (even, ≤ 60) of limb i: limbs i and i+1 cover it.
        let (i, o) = ((64 * j) / 62, (64 * j) % 62);
        let mut w = (x[i] as u64) >> o;
        if i + 1 < l {
            w |= (x[i + 1] as u64) << (62 - o);
        }
        *limb = w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed62_round_trip() {
        let a = [
            0x0123_4567_89ab_cdef,
            u64::MAX,
            0x8000_0000_0000_0001,
            0xfedc_ba98_7654_3210,
        ];
        assert_eq!(from_signed62::<4>(&to_signed62::<4>(&a)), a);
        let b = [u64::MAX; 9];
        assert_eq!(from_signed62::<9>(&to_signed62::<9>(&b)), b);
        let c = [0x5555_5555_5555_5555; 6];
        assert_eq!(from_signed62::<6>(&to_signed62::<6>(&c)), c);
    }

    #[test]
    fn rounds_and_bounds() {
        assert_eq!(divsteps_bound(256), 591);
        assert_eq!(divsteps_bound(384), 885);
        assert_eq!(divsteps_bound(521), 1201);
        let p256 = Safegcd::<4>::new(&[u64::MAX, 0xffff_ffff, 0, 0xffff_ffff_0000_0001]);
        assert_eq!((p256.rounds, p256.last_steps), (10, 33));
        let mut p384 = [u64::MAX; 6];
        p384[0] = 0xffff_ffff;
        let s384 = Safegcd::<6>::new(&p384);
        assert_eq!((s384.rounds, s384.last_steps), (15, 17));
        let mut p521 = [u64::MAX; 9];
        p521[8] = 0x1ff;
        let s521 = Safegcd::<9>::new(&p521);
        assert_eq!((s521.rounds, s521.last_steps), (20, 23));
    }

    /// `steps` divsteps exactly as the module docs define them, one at a time with branches, on
    /// `2δ` and 128-bit integers. Returns the new `2δ` and the matrix `T = [u, v, q, r]` with
    /// `2^steps·(f, g) = T·(f0, g0)`.
    fn reference_divsteps(steps: u32, delta2: i64, f0: u64, g0: u64) -> (i64, [i128; 4]) {
        let (mut d, mut f, mut g) = (delta2, f0 as i128, g0 as i128);
        let (mut u, mut v, mut q, mut r) = (1i128, 0, 0, 1);
        for _ in 0..steps {
            if g & 1 == 1 {
                if d > 0 {
                    (d, f, g) = (-d, g, g - f);
                    (u, v, q, r) = (q, r, q - u, r - v);
                } else {
                    g += f;
                    q += u;
                    r += v;
                }
            }
            // δ ← δ + 1 (2δ + 2), g ← g/2; the f row doubles instead.
            d += 2;
            g >>= 1;
            u <<= 1;
            v <<= 1;
        }
        (d, [u, v, q, r])
    }

    /// The branch-free batches (constant and variable time) against [`reference_divsteps`]: the
    /// new `2δ` and the matrix, for every step count of a last round and for `2δ` far from 1 on
    /// either side (the representation of `δ` is where an off-by-one would not show in an
    /// inversion's result on most inputs).
    #[test]
    fn divsteps_match_the_definition() {
        let mut x = 0x0123_4567_89ab_cdefu64;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            x
        };
        for _ in 0..300 {
            let (f0, g0) = (next() | 1, next());
            for delta2 in [1i64, -1, 3, -3, 61, -61, 125, -125, 1001] {
                for steps in [1u32, 2, 17, 18, 19, 20, 23, 33, 38, 39, 57, 58, 61, 62] {
                    let (d, t) = divsteps_62(steps, delta2, f0, g0);
                    let (want_d, m) = reference_divsteps(steps, delta2, f0, g0);
                    let scale = 62 - steps;
                    assert_eq!(d, want_d, "2δ after {steps} steps from {delta2}");
                    assert_eq!(
                        [t.u, t.v, t.q, t.r].map(|e| e as i128),
                        m.map(|e| e << scale),
                        "matrix after {steps} steps"
                    );
                }
                let (d, t) = divsteps_62_vartime(delta2, f0, g0);
                let (want_d, m) = reference_divsteps(62, delta2, f0, g0);
                assert_eq!(d, want_d, "vartime 2δ from {delta2}");
                assert_eq!([t.u, t.v, t.q, t.r].map(|e| e as i128), m, "vartime matrix");
            }
        }
    }
}
