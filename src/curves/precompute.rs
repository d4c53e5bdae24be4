//! Compile-time precomputation of multiples of the generator `G`.
//!
//! Layer: **curves** (derived parameters). Uses only the limb arithmetic of
//! [`crate::field::limbs`] and the constants of [`super::params`].
//!
//! Fixed-base multiplication `k·G` and verification's `a·G + b·Q` get much faster with tables of
//! multiples of `G`. `build.rs` includes this file and runs these functions before the crate is
//! compiled, writing the tables as Rust constants into `OUT_DIR`; the curve modules `include!`
//! them. So the tables live in the binary's read-only data, need no runtime initialisation, and
//! work in `no_std`. (The functions are `const fn`s and could run in const evaluation, but the
//! compiler's interpreter takes minutes for P-521's tables, where a build script takes
//! milliseconds.)
//!
//! Speed does not matter at compile time, clarity does: the arithmetic is the generic Montgomery
//! CIOS multiplication, the group law is the complete RCB16 Algorithm 1 (which also doubles), and
//! the final conversion to affine coordinates uses one inversion for the whole table (Montgomery's
//! simultaneous-inversion trick: invert the product of all `Z`, then peel off each inverse with two
//! multiplications). The tables hold canonical (not Montgomery) affine coordinates as limbs; the
//! curve modules convert them into their field type with `from_uint_const`.

use super::params::{CurveHex, EdwardsHex};
use crate::field::limbs;

/// Canonical affine coordinates `(x, y)` as little-endian limbs.
pub type AffineLimbs<const N: usize> = [[u64; N]; 2];

/// Montgomery arithmetic modulo `m`, for `const` evaluation.
#[derive(Clone, Copy)]
struct Ctx<const N: usize> {
    m: [u64; N],
    m_inv: u64,
    r2: [u64; N],
}

/// A projective point `(X : Y : Z)` with Montgomery-form coordinates.
type Pt<const N: usize> = [[u64; N]; 3];

impl<const N: usize> Ctx<N> {
    const fn new(m: &[u64; N]) -> Self {
        Self {
            m: *m,
            m_inv: limbs::neg_inv_mod_2_64(m[0]),
            r2: limbs::pow2_mod(128 * N as u32, m),
        }
    }
    const fn mul(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        limbs::mont_mul(a, b, &self.m, self.m_inv)
    }
    const fn add(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        limbs::add_mod(a, b, &self.m)
    }
    const fn sub(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        limbs::sub_mod(a, b, &self.m)
    }
    /// Into Montgomery form.
    const fn enter(&self, a: &[u64; N]) -> [u64; N] {
        self.mul(a, &self.r2)
    }
    /// Out of Montgomery form.
    const fn leave(&self, a: &[u64; N]) -> [u64; N] {
        let mut one = [0u64; N];
        one[0] = 1;
        self.mul(a, &one)
    }
    /// `a^(m−2)` (Fermat inversion), square-and-multiply over the public exponent.
    const fn invert(&self, a: &[u64; N]) -> [u64; N] {
        let e = limbs::sub_small(&self.m, 2);
        let mut acc = self.enter(&{
            let mut one = [0u64; N];
            one[0] = 1;
            one
        });
        let mut i = limbs::bits_vartime(&e);
        while i > 0 {
            i -= 1;
            acc = self.mul(&acc, &acc);
            if limbs::bit(&e, i) == 1 {
                acc = self.mul(&acc, a);
            }
        }
        acc
    }

    /// RCB16 Algorithm 1 (complete addition, any `a`; `b3 = 3b`), step numbers as in
    /// [`crate::point::formulas::add_generic`].
    const fn point_add(&self, a: &[u64; N], b3: &[u64; N], p: &Pt<N>, q: &Pt<N>) -> Pt<N> {
        let (x1, y1, z1) = (&p[0], &p[1], &p[2]);
        let (x2, y2, z2) = (&q[0], &q[1], &q[2]);
        let mut t0 = self.mul(x1, x2); // 1
        let mut t1 = self.mul(y1, y2); // 2
        let mut t2 = self.mul(z1, z2); // 3
        let mut t3 = self.add(x1, y1); // 4
        let mut t4 = self.add(x2, y2); // 5
        t3 = self.mul(&t3, &t4); // 6
        t4 = self.add(&t0, &t1); // 7
        t3 = self.sub(&t3, &t4); // 8
        t4 = self.add(x1, z1); // 9
        let mut t5 = self.add(x2, z2); // 10
        t4 = self.mul(&t4, &t5); // 11
        t5 = self.add(&t0, &t2); // 12
        t4 = self.sub(&t4, &t5); // 13
        t5 = self.add(y1, z1); // 14
        let mut x3 = self.add(y2, z2); // 15
        t5 = self.mul(&t5, &x3); // 16
        x3 = self.add(&t1, &t2); // 17
        t5 = self.sub(&t5, &x3); // 18
        let mut z3 = self.mul(a, &t4); // 19
        x3 = self.mul(b3, &t2); // 20
        z3 = self.add(&x3, &z3); // 21
        x3 = self.sub(&t1, &z3); // 22
        z3 = self.add(&t1, &z3); // 23
        let mut y3 = self.mul(&x3, &z3); // 24
        t1 = self.add(&t0, &t0); // 25
        t1 = self.add(&t1, &t0); // 26
        t2 = self.mul(a, &t2); // 27
        t4 = self.mul(b3, &t4); // 28
        t1 = self.add(&t1, &t2); // 29
        t2 = self.sub(&t0, &t2); // 30
        t2 = self.mul(a, &t2); // 31
        t4 = self.add(&t4, &t2); // 32
        t0 = self.mul(&t1, &t4); // 33
        y3 = self.add(&y3, &t0); // 34
        t0 = self.mul(&t5, &t4); // 35
        x3 = self.mul(&t3, &x3); // 36
        x3 = self.sub(&x3, &t0); // 37
        t0 = self.mul(&t3, &t1); // 38
        z3 = self.mul(&t5, &z3); // 39
        z3 = self.add(&z3, &t0); // 40
        [x3, y3, z3]
    }
}

/// The curve data the tables are computed from (canonical limbs).
#[derive(Clone, Copy)]
pub struct CurveLimbs<const N: usize> {
    /// The field modulus `p`.
    pub p: [u64; N],
    /// The coefficient `a`.
    pub a: [u64; N],
    /// The coefficient `b`.
    pub b: [u64; N],
    /// The generator's `x`.
    pub gx: [u64; N],
    /// The generator's `y`.
    pub gy: [u64; N],
}

/// Whether two limb arrays are equal (for compile-time consistency checks).
pub const fn limbs_eq<const N: usize>(a: &[u64; N], b: &[u64; N]) -> bool {
    let mut i = 0;
    while i < N {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl<const N: usize> CurveLimbs<N> {
    /// The limbs of a curve's hex constants.
    pub const fn from_hex(c: &CurveHex) -> Self {
        Self {
            p: limbs::from_be_hex(c.p),
            a: limbs::from_be_hex(c.a),
            b: limbs::from_be_hex(c.b),
            gx: limbs::from_be_hex(c.gx),
            gy: limbs::from_be_hex(c.gy),
        }
    }
}

/// Whether `G = (gx, gy)` satisfies `y² = x³ + a·x + b (mod p)`: a compile-time check of a
/// curve's constants (each curve module asserts it).
pub const fn generator_on_curve<const N: usize>(c: &CurveLimbs<N>) -> bool {
    let ctx = Ctx::new(&c.p);
    let (x, y) = (ctx.enter(&c.gx), ctx.enter(&c.gy));
    let x3 = ctx.mul(&ctx.mul(&x, &x), &x);
    let rhs = ctx.add(
        &ctx.add(&x3, &ctx.mul(&ctx.enter(&c.a), &x)),
        &ctx.enter(&c.b),
    );
    limbs_eq(&ctx.mul(&y, &y), &rhs)
}

/// Whether `a = −3`, i.e. `a = p − 3` (the formula set `AShape::MinusThree`).
pub const fn a_is_minus_three<const N: usize>(c: &CurveLimbs<N>) -> bool {
    limbs_eq(&c.a, &limbs::sub_small(&c.p, 3))
}

/// Whether `a = 0` (the formula set `AShape::Zero`).
pub const fn a_is_zero<const N: usize>(c: &CurveLimbs<N>) -> bool {
    limbs_eq(&c.a, &[0; N])
}

/// Converts a list of projective points to canonical affine limbs with one inversion
/// (Montgomery's trick). No point may be the identity.
const fn batch_to_affine<const N: usize, const K: usize>(
    ctx: &Ctx<N>,
    pts: &[Pt<N>; K],
) -> [AffineLimbs<N>; K] {
    // prefix[i] = Z_0 · … · Z_i
    let mut prefix = [[0u64; N]; K];
    prefix[0] = pts[0][2];
    let mut i = 1;
    while i < K {
        prefix[i] = ctx.mul(&prefix[i - 1], &pts[i][2]);
        i += 1;
    }
    let mut inv = ctx.invert(&prefix[K - 1]); // (Z_0 · … · Z_{K−1})^(−1)
    let mut out = [[[0u64; N]; 2]; K];
    let mut i = K;
    while i > 0 {
        i -= 1;
        // inv = (Z_0 · … · Z_i)^(−1), so Z_i^(−1) = inv · prefix[i−1].
        let z_inv = if i > 0 {
            ctx.mul(&inv, &prefix[i - 1])
        } else {
            inv
        };
        inv = ctx.mul(&inv, &pts[i][2]);
        out[i][0] = ctx.leave(&ctx.mul(&pts[i][0], &z_inv));
        out[i][1] = ctx.leave(&ctx.mul(&pts[i][1], &z_inv));
    }
    out
}

/// Setup shared by the table builders: the context, `a` and `3b` in Montgomery form, and `G`.
const fn setup<const N: usize>(c: &CurveLimbs<N>) -> (Ctx<N>, [u64; N], [u64; N], Pt<N>) {
    let ctx = Ctx::new(&c.p);
    let a = ctx.enter(&c.a);
    let b = ctx.enter(&c.b);
    let b3 = ctx.add(&ctx.add(&b, &b), &b);
    let mut one = [0u64; N];
    one[0] = 1;
    let g = [ctx.enter(&c.gx), ctx.enter(&c.gy), ctx.enter(&one)];
    (ctx, a, b3, g)
}

/// The fixed-base table for signed windows of `w` bits, `E = 2^(w−1)` entries a row:
/// `table[i][j] = (j + 1)·2^(w·i)·G` for `j = 0..E`, `i = 0..R`, in canonical affine limbs.
/// `K` must be `E·R` (the flat scratch size; a `const` generic cannot be computed).
///
/// Row `i + 1`'s base `2^w·B` is the double of row `i`'s last entry `E·B`.
pub const fn mul_base_table<const N: usize, const E: usize, const R: usize, const K: usize>(
    c: &CurveLimbs<N>,
) -> [[AffineLimbs<N>; E]; R] {
    assert!(E.is_power_of_two() && E >= 2);
    assert!(K == E * R);
    let (ctx, a, b3, g) = setup(c);
    let mut flat = [[[0u64; N]; 3]; K];
    let mut base = g; // 2^(w·i)·G
    let mut i = 0;
    while i < R {
        flat[E * i] = base;
        let mut j = 1;
        while j < E {
            flat[E * i + j] = ctx.point_add(&a, &b3, &flat[E * i + j - 1], &base);
            j += 1;
        }
        // 2^w·base = 2·(E·base).
        base = ctx.point_add(&a, &b3, &flat[E * i + E - 1], &flat[E * i + E - 1]);
        i += 1;
    }
    let affine = batch_to_affine(&ctx, &flat);
    let mut out = [[[[0u64; N]; 2]; E]; R];
    let mut i = 0;
    while i < R {
        let mut j = 0;
        while j < E {
            out[i][j] = affine[E * i + j];
            j += 1;
        }
        i += 1;
    }
    out
}

/// The odd multiples `[G, 3G, 5G, …, (2K − 1)·G]` in canonical affine limbs (for wNAF).
pub const fn odd_multiples<const N: usize, const K: usize>(
    c: &CurveLimbs<N>,
) -> [AffineLimbs<N>; K] {
    let (ctx, a, b3, g) = setup(c);
    let g2 = ctx.point_add(&a, &b3, &g, &g);
    let mut pts = [[[0u64; N]; 3]; K];
    pts[0] = g;
    let mut i = 1;
    while i < K {
        pts[i] = ctx.point_add(&a, &b3, &pts[i - 1], &g2);
        i += 1;
    }
    batch_to_affine(&ctx, &pts)
}

/// Canonical cached affine coordinates `(y + x, y − x, 2d·x·y)` of a twisted Edwards point, as
/// little-endian limbs: the form the mixed addition of extended coordinates takes (Hisil, Wong,
/// Carter, Dawson, "Twisted Edwards curves revisited", ASIACRYPT 2008, §3.1 with `Z2 = 1`).
pub type NielsLimbs<const N: usize> = [[u64; N]; 3];

/// An extended twisted Edwards point `(X : Y : Z : T)`, Montgomery-form coordinates.
type Ext<const N: usize> = [[u64; N]; 4];

/// Setup for the Edwards tables: the context, `2d`, and the base point in extended coordinates.
const fn edwards_setup<const N: usize>(c: &EdwardsHex) -> (Ctx<N>, [u64; N], Ext<N>) {
    let ctx = Ctx::new(&limbs::from_be_hex(c.p));
    let d = ctx.enter(&limbs::from_be_hex(c.d));
    let d2 = ctx.add(&d, &d);
    let (x, y) = (
        ctx.enter(&limbs::from_be_hex(c.bx)),
        ctx.enter(&limbs::from_be_hex(c.by)),
    );
    let mut one = [0u64; N];
    one[0] = 1;
    (ctx, d2, [x, y, ctx.enter(&one), ctx.mul(&x, &y)])
}

impl<const N: usize> Ctx<N> {
    /// HWCD 2008 unified addition in extended coordinates for `a = −1` (`add-2008-hwcd-3`, also
    /// a doubling), step numbers as in `crate::edwards::EdwardsPoint::add`.
    const fn edwards_add(&self, d2: &[u64; N], p: &Ext<N>, q: &Ext<N>) -> Ext<N> {
        let a = self.mul(&self.sub(&p[1], &p[0]), &self.sub(&q[1], &q[0])); // 1
        let b = self.mul(&self.add(&p[1], &p[0]), &self.add(&q[1], &q[0])); // 2
        let c = self.mul(&self.mul(&p[3], d2), &q[3]); // 3
        let zz = self.mul(&p[2], &q[2]);
        let d = self.add(&zz, &zz); // 4
        let e = self.sub(&b, &a); // 5
        let f = self.sub(&d, &c); // 6
        let g = self.add(&d, &c); // 7
        let h = self.add(&b, &a); // 8
        [
            self.mul(&e, &f), // 9
            self.mul(&g, &h), // 10
            self.mul(&f, &g), // 12
            self.mul(&e, &h), // 11
        ]
    }

    /// Cached affine coordinates of extended points, with one inversion for all (the identity
    /// never occurs: `Z ≠ 0` for every point of a complete Edwards curve).
    const fn edwards_to_niels<const K: usize>(
        &self,
        d2: &[u64; N],
        pts: &[Ext<N>; K],
    ) -> [NielsLimbs<N>; K] {
        let mut proj = [[[0u64; N]; 3]; K];
        let mut i = 0;
        while i < K {
            proj[i] = [pts[i][0], pts[i][1], pts[i][2]];
            i += 1;
        }
        let affine = batch_to_affine(self, &proj);
        let mut out = [[[0u64; N]; 3]; K];
        let mut i = 0;
        while i < K {
            let (x, y) = (self.enter(&affine[i][0]), self.enter(&affine[i][1]));
            out[i] = [
                self.leave(&self.add(&y, &x)),
                self.leave(&self.sub(&y, &x)),
                self.leave(&self.mul(&self.mul(d2, &x), &y)),
            ];
            i += 1;
        }
        out
    }
}

/// The fixed-base table of a twisted Edwards base point `B` for signed windows of `w` bits,
/// `E = 2^(w−1)` entries a row: `table[i][j] = (j + 1)·2^(w·i)·B` as cached affine coordinates.
/// `K` must be `E·R`.
pub const fn edwards_base_table<const N: usize, const E: usize, const R: usize, const K: usize>(
    c: &EdwardsHex,
) -> [[NielsLimbs<N>; E]; R] {
    assert!(E.is_power_of_two() && E >= 2);
    assert!(K == E * R);
    let (ctx, d2, b) = edwards_setup::<N>(c);
    let mut flat = [[[0u64; N]; 4]; K];
    let mut base = b; // 2^(w·i)·B
    let mut i = 0;
    while i < R {
        flat[E * i] = base;
        let mut j = 1;
        while j < E {
            flat[E * i + j] = ctx.edwards_add(&d2, &flat[E * i + j - 1], &base);
            j += 1;
        }
        base = ctx.edwards_add(&d2, &flat[E * i + E - 1], &flat[E * i + E - 1]);
        i += 1;
    }
    let cached = ctx.edwards_to_niels(&d2, &flat);
    let mut out = [[[[0u64; N]; 3]; E]; R];
    let mut i = 0;
    while i < R {
        let mut j = 0;
        while j < E {
            out[i][j] = cached[E * i + j];
            j += 1;
        }
        i += 1;
    }
    out
}

/// The odd multiples `[B, 3B, 5B, …, (2K − 1)·B]` of a twisted Edwards base point as cached
/// affine coordinates (for wNAF in verification).
pub const fn edwards_odd_multiples<const N: usize, const K: usize>(
    c: &EdwardsHex,
) -> [NielsLimbs<N>; K] {
    edwards_odd_multiples_of_power::<N, K>(c, 0)
}

/// The odd multiples `[P, 3P, …, (2K − 1)·P]` of `P = 2^s·B` as cached affine coordinates (the
/// high half of a verification scalar split at bit `s`).
pub const fn edwards_odd_multiples_of_power<const N: usize, const K: usize>(
    c: &EdwardsHex,
    s: u32,
) -> [NielsLimbs<N>; K] {
    let (ctx, d2, mut b) = edwards_setup::<N>(c);
    let mut i = 0;
    while i < s {
        b = ctx.edwards_add(&d2, &b, &b);
        i += 1;
    }
    let b2 = ctx.edwards_add(&d2, &b, &b);
    let mut pts = [[[0u64; N]; 4]; K];
    pts[0] = b;
    let mut i = 1;
    while i < K {
        pts[i] = ctx.edwards_add(&d2, &pts[i - 1], &b2);
        i += 1;
    }
    ctx.edwards_to_niels(&d2, &pts)
}

/// Whether an `a = −1` twisted Edwards parameter set is the edwards25519 of RFC 8032: `d·121666 =
/// −121665`, `B` satisfies `−x² + y² = 1 + d·x²·y²`, `5·y = 4`, `x` is even and `t = x·y` (a compile-time
/// check of the constants; the curve module asserts it).
pub const fn edwards_params_ok(c: &EdwardsHex) -> bool {
    const fn small(ctx: &Ctx<4>, v: u64) -> [u64; 4] {
        ctx.enter(&[v, 0, 0, 0])
    }
    let (ctx, _, b) = edwards_setup::<4>(c);
    let d = ctx.enter(&limbs::from_be_hex(c.d));
    let zero = [0u64; 4];
    let d_ok = limbs_eq(
        &ctx.add(&ctx.mul(&d, &small(&ctx, 121_666)), &small(&ctx, 121_665)),
        &zero,
    );
    let (x, y) = (b[0], b[1]);
    let (xx, yy) = (ctx.mul(&x, &x), ctx.mul(&y, &y));
    let lhs = ctx.sub(&yy, &xx);
    let rhs = ctx.add(&small(&ctx, 1), &ctx.mul(&d, &ctx.mul(&xx, &yy)));
    let on_curve = limbs_eq(&lhs, &rhs);
    let y_ok = limbs_eq(&ctx.mul(&small(&ctx, 5), &y), &small(&ctx, 4));
    let x_even = limbs::from_be_hex::<4>(c.bx)[0] & 1 == 0;
    let t_ok = limbs_eq(&ctx.mul(&x, &y), &ctx.enter(&limbs::from_be_hex(c.bt)));
    d_ok && on_curve && y_ok && x_even && t_ok
}
