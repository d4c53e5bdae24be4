//! Jacobian coordinates: cheaper doublings (and, in variable time, additions) than the complete
//! formulas, for the inner loops of scalar multiplication.
//!
//! Layer: **points**. Uses the [`Field`] trait, the curve constants and [`ProjectivePoint`].
//!
//! A Jacobian triple `(X : Y : Z)` stands for the affine point `(X/Z², Y/Z³)`; every triple with
//! `Z = 0` stands for the identity. The formulas below come from Bernstein and Lange's
//! *Explicit-Formulas Database*
//! (EFD, <https://hyperelliptic.org/EFD/g1p/auto-shortw-jacobian.html>), whose names they keep;
//! the step numbers in the comments count the EFD's lines.
//!
//! | operation | EFD name | original source | cost |
//! |---|---|---|---|
//! | doubling, `a = −3` | HMV Alg. 3.21; `dbl-2001-b` | Hankerson–Menezes–Vanstone, *Guide to ECC*, 2004; Bernstein, "A software implementation of NIST P-224", 2001 | 4M + 4S; 3M + 5S where squarings are preferred (P-521; see [`double_a_minus_3`]) |
//! | doubling, `a = 0` | `dbl-2009-l` | Lange, EFD 2009 | 3M + 4S (2M + 5S in the EFD; see [`double_a_zero`]) |
//! | doubling, any `a` | `dbl-2007-bl` | Bernstein–Lange, EFD 2007 | 1M + 8S + 1m_a |
//! | Jacobian + affine | `madd-2004-hmv` | Hankerson–Menezes–Vanstone, *Guide to ECC*, 2004, Alg. 3.22 | 8M + 3S |
//!
//! Compare the complete homogeneous formulas of [`formulas`](super::formulas) (RCB16): a doubling
//! costs 8M + 3S + 2m_b for `a = −3` (and `m_b` is a full multiplication on the NIST curves),
//! 6M + 2S + 1m_3b for `a = 0`, and a mixed addition 11M + 2m_b.
//!
//! # Exceptional cases
//! * **Doubling** has none on the curves this crate supports (prime order `n > 2`, so no point of
//!   order 2): each formula gives `Z3 = 2·Y1·Z1` (written `(Y1 + Z1)² − Y1² − Z1²` on P-521
//!   and in the generic one), which is zero exactly when `Z1 = 0` — the double of the identity
//!   is the identity, of any representative — and non-zero otherwise (`Y1 ≠ 0` for every point
//!   that is not the identity).
//!   So [`JacobianPoint::double`] is a fixed sequence of field operations, safe in constant time.
//! * **Addition** is not complete: `madd-2004-hmv` fails for the identity as either operand and for
//!   `P = ±Q` (`H = 0`). [`JacobianPoint::add_mixed_vartime`] tests these cases and branches, which
//!   leaks the operands: it is only for public points (signature verification).
//!   [`JacobianPoint::add_mixed_distinct`] handles the identities with constant-time selections
//!   and `P = −Q` comes out right by itself, but `P = Q` does not: its callers must rule that
//!   case out for every secret (the scalar multiplications of [`mul`](super::mul) and
//!   the GLV strategy do, by bounds on their partial sums, and use the complete formulas
//!   where the bounds run out).
//!
//! # Converting to and from homogeneous coordinates
//! The same affine point `(x, y) = (X/Z, Y/Z)` (homogeneous) `= (X'/Z'², Y'/Z'³)` (Jacobian):
//! * homogeneous → Jacobian, keeping `Z' = Z`: `(X·Z, Y·Z², Z)`, 1S + 2M;
//! * Jacobian → homogeneous: `(X'·Z', Y', Z'³)`, 1S + 2M.
//!
//! Both keep `Z = 0` for the identity, but the homogeneous identity `(0 : 1 : 0)` becomes the
//! Jacobian `(0 : 0 : 0)`, and a Jacobian identity `(X' : Y' : 0)` would become `(0 : Y' : 0)` with
//! possibly `Y' = 0` — not a point the complete formulas accept (they need `(0 : λ : 0)`, `λ ≠ 0`;
//! with `(0 : 0 : 0)` as an operand every output coordinate is zero). So
//! [`JacobianPoint::to_projective`] replaces any `Z' = 0` result with `(0 : 1 : 0)` by a
//! constant-time conditional selection.

use super::{AffinePoint, ProjectivePoint};
use crate::curves::{AShape, Curve};
use crate::field::Field;
use subtle::{Choice, ConditionallySelectable};

/// A point in Jacobian coordinates `(X : Y : Z)`, standing for `(X/Z², Y/Z³)`; any triple with
/// `Z = 0` is the identity. See the [module docs](self) for the formulas and their costs.
#[derive(Clone, Copy, Debug)]
pub struct JacobianPoint<C: Curve> {
    pub(crate) x: C::Base,
    pub(crate) y: C::Base,
    pub(crate) z: C::Base,
}

impl<C: Curve> JacobianPoint<C> {
    /// The identity `(1 : 1 : 0)`.
    pub const IDENTITY: Self = Self {
        x: C::Base::ONE,
        y: C::Base::ONE,
        z: C::Base::ZERO,
    };

    /// Whether this is the identity (`Z = 0`).
    pub fn is_identity(&self) -> Choice {
        self.z.is_zero()
    }

    /// `(X·Z : Y·Z² : Z)` for the homogeneous `(X : Y : Z)`: the same point. 1S + 2M, constant
    /// time. The identity `(0 : 1 : 0)` becomes `(0 : 0 : 0)`, which the doubling formulas keep.
    pub fn from_projective(p: &ProjectivePoint<C>) -> Self {
        let zz = p.z.square();
        Self {
            x: p.x * p.z,
            y: p.y * zz,
            z: p.z,
        }
    }

    /// `(x : y : 1)` for an affine point, or [`Self::IDENTITY`]; constant time.
    pub fn from_affine(p: &AffinePoint<C>) -> Self {
        let q = Self {
            x: p.x,
            y: p.y,
            z: C::Base::ONE,
        };
        Self::conditional_select(&q, &Self::IDENTITY, p.is_identity())
    }

    /// The homogeneous `(X·Z : Y : Z³)`: the same point, or exactly `(0 : 1 : 0)` for the identity
    /// (see the [module docs](self)). 1S + 2M, constant time.
    pub fn to_projective(&self) -> ProjectivePoint<C> {
        let zzz = self.z.square() * self.z;
        let p = ProjectivePoint::new(self.x * self.z, self.y, zzz);
        ProjectivePoint::conditional_select(&p, &ProjectivePoint::IDENTITY, self.is_identity())
    }

    /// `2·self`, in constant time, for every point including the identity (no exceptional case:
    /// see the [module docs](self)). 4M + 4S (P-521: 3M + 5S) for `a = −3`, 3M + 4S for
    /// `a = 0`, 1M + 8S + 1m_a otherwise.
    pub fn double(&self) -> Self {
        match C::A_SHAPE {
            AShape::MinusThree => double_a_minus_3(self),
            AShape::Zero => double_a_zero(self),
            AShape::Generic => double_generic(self),
        }
    }

    /// `−self`: `(X : −Y : Z)`.
    pub fn neg(&self) -> Self {
        Self {
            x: self.x,
            y: -self.y,
            z: self.z,
        }
    }

    /// `self + q` for an affine `q`, in **variable time**: leaks both points (whether either is
    /// the identity, whether `self = ±q`). For public points only.
    ///
    /// EFD `madd-2004-hmv` (`madd_2004_hmv`), 8M + 3S, with the exceptional cases handled by
    /// branches: the identity as either operand, `self = q` (a doubling) and `self = −q` (the
    /// identity).
    pub fn add_mixed_vartime(&self, q: &AffinePoint<C>) -> Self {
        if bool::from(q.is_identity()) {
            return *self;
        }
        if bool::from(self.is_identity()) {
            return Self::from_affine(q);
        }
        let sum = madd_2004_hmv(self, &q.x, &q.y);
        if bool::from(sum.z.is_zero()) {
            // `Z3 = Z1·H` with `Z1 ≠ 0`: `H = 0`, the same x, so self = ±q. Then `X3 = r²`, zero
            // exactly when `r = S2 − Y1 = 0`, i.e. the same y too: self = q, a doubling.
            return if bool::from(sum.x.is_zero()) {
                self.double()
            } else {
                Self::IDENTITY
            };
        }
        sum
    }

    /// `self + q` in **variable time** (public points only), with `self` in the coordinates of
    /// an isomorphic curve and `q = (x2, y2)` an affine point of the curve itself: `self =
    /// (X : Y : Z)` stands for the curve's point `(X : Y : Z·s)`, that is, for `(X/Z², Y/Z³)` on
    /// the curve `(x, y) ↦ (s²·x, s³·y)` maps it to. The sum comes out in the same coordinates.
    ///
    /// `madd-2004-hmv` with the second point scaled by `Z·s` (`U2 = x2·(Z·s)²`,
    /// `S2 = y2·(Z·s)³`) and `Z3 = Z·H`: 9M + 3S, one multiplication more than
    /// [`add_mixed_vartime`](Self::add_mixed_vartime) and none of the three per addition that
    /// mapping `q` first would cost. The addition formula does not involve the curve's
    /// coefficients, so it serves both curves; the doubling of the case `self = q` does only
    /// for `a = 0` (the isomorphism multiplies `a` by `s⁴`), so this is for `a = 0` curves.
    /// Exceptional cases as in [`add_mixed_vartime`](Self::add_mixed_vartime).
    pub(crate) fn add_mixed_scaled_vartime(&self, x2: &C::Base, y2: &C::Base, s: &C::Base) -> Self {
        debug_assert!(matches!(C::A_SHAPE, AShape::Zero));
        if bool::from(self.is_identity()) {
            let ss = s.square();
            return Self {
                x: *x2 * ss,
                y: *y2 * ss * *s,
                z: C::Base::ONE,
            };
        }
        let (sum, _) = madd_scaled(self, &(self.z * *s), x2, y2);
        if bool::from(sum.z.is_zero()) {
            // As in `add_mixed_vartime`: the same x, and the same y exactly when `X3 = 0`.
            return if bool::from(sum.x.is_zero()) {
                self.double()
            } else {
                Self::IDENTITY
            };
        }
        sum
    }

    /// `self + q` for an affine `q`, in **constant time**, **provided `self ≠ q`** unless one of
    /// them is the identity. For callers that can prove this, such as the scalar multiplications
    /// [`mul`](super::mul::mul), [`mul_base`](super::mul::mul_base) and
    /// its GLV strategy, where it holds for every scalar (see their docs).
    ///
    /// EFD `madd-2004-hmv` (`madd_2004_hmv`), 8M + 3S, then two constant-time selections
    /// (6 conditional assignments of field elements):
    /// * `self` the identity (`Z1 = 0`): the formula's output is meaningless, and `q` (as
    ///   `(x : y : 1)`) is selected instead;
    /// * `q` the identity (flagged in [`AffinePoint`]; its coordinates are then arbitrary —
    ///   `mul_base`'s lookup leaves a table entry there): `self` is selected.
    ///
    /// `self = −q` needs no selection: then `H = 0`, so `Z3 = Z1·H = 0`, the identity. Only
    /// `self = q` gives a wrong answer (`(0 : 0 : 0)` instead of `2q`). No branch and no memory
    /// access depends on the points.
    ///
    /// # Contract
    /// The caller guarantees `self ≠ q` whenever neither is the identity; debug builds check it
    /// (a panic there means a caller's proof is wrong). Use [`ProjectivePoint::add_mixed`] when
    /// the points may be equal.
    pub fn add_mixed_distinct(&self, q: &AffinePoint<C>) -> Self {
        debug_assert!(
            !self.equals_affine_vartime(q),
            "add_mixed_distinct: self = q, outside its contract"
        );
        let sum = madd_2004_hmv(self, &q.x, &q.y);
        let from_q = Self {
            x: q.x,
            y: q.y,
            z: C::Base::ONE,
        };
        let sum = Self::conditional_select(&sum, &from_q, self.is_identity());
        Self::conditional_select(&sum, self, q.is_identity())
    }
}

impl<C: Curve> JacobianPoint<C> {
    /// Whether `self` and `q` are the same point other than the identity, in variable time: the
    /// debug check of [`JacobianPoint::add_mixed_distinct`]'s contract (`X1 = x2·Z1²`,
    /// `Y1 = y2·Z1³`).
    fn equals_affine_vartime(&self, q: &AffinePoint<C>) -> bool {
        if bool::from(self.is_identity() | q.is_identity()) {
            return false;
        }
        let z1z1 = self.z.square();
        self.x == q.x * z1z1 && self.y == q.y * z1z1 * self.z
    }
}

/// EFD `madd-2004-hmv` (Hankerson, Menezes and Vanstone, *Guide to Elliptic Curve
/// Cryptography*, Springer 2004, Algorithm 3.22): Jacobian `p` plus the affine `(x2, y2)`, for
/// `p ≠ ±(x2, y2)` and neither the identity. Cost 8M + 3S; a fixed sequence of field operations.
///
/// With `U2 = x2·Z1²`, `S2 = y2·Z1³` (the second point scaled to `p`'s `Z`), `H = U2 − X1` and
/// `r = S2 − Y1`: `X3 = r² − H³ − 2·X1·H²`, `Y3 = r·(X1·H² − X3) − Y1·H³`, `Z3 = Z1·H`.
///
/// The EFD's `madd-2007-bl` does the same with 7M + 4S by scaling `H` and `r` by 2 and forming
/// `Z3` as `(Z1 + H)² − Z1² − H²`, at the price of 14 additions and subtractions (here 7). On
/// these fields a multiplication costs about a squaring plus 10 % (P-521: 1.6 squarings) and an
/// addition a fair part of one, so the extra multiplication is the cheaper side: fewer
/// instructions on every curve, and less time on P-256 and P-384 (docs/performance.md, "Point
/// formulas").
pub(crate) fn madd_2004_hmv<C: Curve>(p: &J<C>, x2: &C::Base, y2: &C::Base) -> J<C> {
    madd_scaled(p, &p.z, x2, y2).0
}

/// `madd-2004-hmv` with the second point scaled by `zs` instead of `Z1` (`U2 = x2·zs²`,
/// `S2 = y2·zs³`), and `H` returned beside the sum (`Z3 = Z1·H`, so `H` is the ratio of the two
/// `Z`s). With `zs = Z1` this is [`madd_2004_hmv`]; other scales serve the isomorphic-curve
/// coordinates of [`JacobianPoint::add_mixed_scaled_vartime`] and
/// `point::mul`'s table of odd multiples with a common `Z` (GLV verification).
#[inline(always)]
pub(crate) fn madd_scaled<C: Curve>(
    p: &J<C>,
    zs: &C::Base,
    x2: &C::Base,
    y2: &C::Base,
) -> (J<C>, C::Base) {
    let (x1, y1, z1) = (p.x, p.y, p.z);
    let z1z1 = zs.square(); // T1 = Z1²
    let z1z1z1 = z1z1 * *zs; // T2 = Z1³
    let h = *x2 * z1z1 - x1; // T1 = U2 − X1
    let r = *y2 * z1z1z1 - y1; // T2 = S2 − Y1
    let z3 = z1 * h; // Z3
    let hh = h.square(); // T3 = H²
    let hhh = hh * h; // T4 = H³
    let v = hh * x1; // T3 = X1·H²
    let x3 = r.square() - v.double() - hhh; // X3
    let y3 = (v - x3) * r - hhh * y1; // Y3
    let sum = J {
        x: x3,
        y: y3,
        z: z3,
    };
    (sum, h)
}

impl<C: Curve> Default for JacobianPoint<C> {
    fn default() -> Self {
        Self::IDENTITY
    }
}

/// Wiping a point sets it to the identity: the accumulators of the constant-time scalar
/// multiplications are wiped this way (a partial sum reveals the scalar's top digits).
impl<C: Curve> zeroize::DefaultIsZeroes for JacobianPoint<C> {}

impl<C: Curve> ConditionallySelectable for JacobianPoint<C> {
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        Self {
            x: C::Base::conditional_select(&a.x, &b.x, choice),
            y: C::Base::conditional_select(&a.y, &b.y, choice),
            z: C::Base::conditional_select(&a.z, &b.z, choice),
        }
    }
}

impl<C: Curve> From<ProjectivePoint<C>> for JacobianPoint<C> {
    fn from(p: ProjectivePoint<C>) -> Self {
        Self::from_projective(&p)
    }
}

impl<C: Curve> From<JacobianPoint<C>> for ProjectivePoint<C> {
    fn from(p: JacobianPoint<C>) -> Self {
        p.to_projective()
    }
}

type J<C> = JacobianPoint<C>;

/// Doubling for `a = −3`, in the operation order of Hankerson, Menezes and Vanstone (*Guide to
/// Elliptic Curve Cryptography*, Springer 2004, Algorithm 3.21). Cost 4M + 4S; where squarings
/// are preferred ([`Field::FAST_SQUARE`]: P-521), EFD `dbl-2001-b` (Bernstein 2001) with
/// 3M + 5S.
///
/// With `δ = Z²`: `α = 3·(X − δ)·(X + δ)` is the tangent slope's numerator `3x² + a` scaled by
/// `Z⁴` (`3X² − 3Z⁴`), `S = 4·X·Y²`, `X3 = α² − 2S`, `Y3 = α·(S − X3) − 8Y⁴`, `Z3 = 2·Y·Z`.
///
/// The two orders, by how they reach the factors 2, 4 and 8 (each field addition, subtraction,
/// doubling or halving is about a tenth of a multiplication on the saturated-limb fields):
/// * HMV doubles `Y` first: `Z3 = (2Y)·Z`, `T = (2Y)² = 4Y²`, `S = X·T`, `8Y⁴ = T²/2`
///   ([`Field::half`]). 4M + 4S and 9 additions and one halving.
/// * `dbl-2001-b` squares `γ = Y²` and forms `Z3 = (Y + Z)² − γ − δ`; here with `T = 2γ`
///   doubled once, `S = 2·(X·T)` and `8γ² = 2·T²`. 3M + 5S and 12 additions.
///
/// On P-256 and P-384 HMV counts fewer instructions than `dbl-2001-b` (also with
/// `Z3 = 2·(Y·Z)`: 4M + 4S, 12 additions) and runs faster. On P-521 a multiplication costs 1.6
/// squarings, and it keeps `dbl-2001-b`, with `Z3 = (Y + Z)² − γ − δ`, which counts fewer
/// instructions there than `Z3 = 2·(Y·Z)`. The measurements are in docs/performance.md ("Point
/// formulas").
pub fn double_a_minus_3<C: Curve>(p: &J<C>) -> J<C> {
    let (x, y, z) = (p.x, p.y, p.z);
    let delta = z.square(); // δ = Z²
    let t0 = (x - delta) * (x + delta);
    let alpha = t0.double() + t0; // α = 3·(X − δ)·(X + δ)
    if C::Base::FAST_SQUARE {
        // dbl-2001-b.
        let gamma = y.square(); // γ = Y²
        let t = gamma.double(); // T = 2γ
        let s = (x * t).double(); // S = 4·X·γ
        let x3 = alpha.square() - s.double();
        let z3 = (y + z).square() - gamma - delta;
        let y3 = alpha * (s - x3) - t.square().double(); // 8γ² = 2·T²
        return J {
            x: x3,
            y: y3,
            z: z3,
        };
    }
    // HMV Algorithm 3.21.
    double_with_slope(p, &alpha)
}

/// The doubling of `p` given the numerator `M = 3X² + a·Z⁴` of its tangent's slope, in the
/// operation order of HMV (Algorithm 3.21): `Z3 = (2Y)·Z`, `T = (2Y)²`, `S = X·T`,
/// `X3 = M² − 2S`, `Y3 = M·(S − X3) − T²/2`. Cost 2M + 3S, 5 additions and one halving.
#[inline(always)]
fn double_with_slope<C: Curve>(p: &J<C>, m: &C::Base) -> J<C> {
    let (x, y, z) = (p.x, p.y, p.z);
    let y2 = y.double(); // 2Y
    let z3 = y2 * z; // Z3 = 2·Y·Z
    let t = y2.square(); // T = 4Y²
    let s = x * t; // S = 4·X·Y²
    let x3 = m.square() - s.double();
    let y3 = *m * (s - x3) - t.square().half(); // 8Y⁴ = T²/2
    J {
        x: x3,
        y: y3,
        z: z3,
    }
}

/// Doubling for `a = 0`: EFD `dbl-2009-l` (Lange 2009) in the operation order of
/// [`double_a_minus_3`] (HMV). Cost 3M + 4S.
///
/// `S = 4·X·Y²`, `E = 3X²`, `X3 = E² − 2S`, `Y3 = E·(S − X3) − 8Y⁴`, `Z3 = 2·Y·Z`, with
/// `Z3 = (2Y)·Z`, `T = (2Y)²`, `S = X·T`, `8Y⁴ = T²/2`: 7 additions and one halving.
///
/// `dbl-2009-l` itself spends 2M + 5S, forming `S` as `2·((X + Y²)² − X² − Y⁴)`, with 14
/// additions and subtractions; on secp256k1 this order counts fewer instructions than that one
/// and than `S = 2·(X·2Y²)`, `8Y⁴ = 2·(2Y²)²`, `Z3 = 2·(Y·Z)` (10 additions)
/// (docs/performance.md, "Point formulas").
pub fn double_a_zero<C: Curve>(p: &J<C>) -> J<C> {
    let a = p.x.square(); // X²
    let e = a.double() + a; // E = 3X²
    double_with_slope(p, &e)
}

/// EFD `dbl-2007-bl` (Bernstein–Lange 2007), doubling for any `a`. Cost 1M + 8S + 1m_a.
///
/// `S = 4·X·Y²`, `M = 3X² + a·Z⁴`, `X3 = M² − 2S`, `Y3 = M·(S − X3) − 8Y⁴`, `Z3 = 2·Y·Z`.
pub fn double_generic<C: Curve>(p: &J<C>) -> J<C> {
    let (x, y, z) = (p.x, p.y, p.z);
    let xx = x.square(); // 1
    let yy = y.square(); // 2
    let yyyy = yy.square(); // 3
    let zz = z.square(); // 4
    let s = ((x + yy).square() - xx - yyyy).double(); // 5
    let m = xx.double() + xx + C::A * zz.square(); // 6
    let t = m.square() - s.double(); // 7
    let x3 = t; // 8
    let y3 = m * (s - t) - yyyy.double().double().double(); // 9
    let z3 = (y + z).square() - yy - zz; // 10
    J {
        x: x3,
        y: y3,
        z: z3,
    }
}

/// `[Z_0^(−1), …, Z_{N−1}^(−1)]` with one field inversion: Montgomery's simultaneous-inversion
/// trick (P. Montgomery, "Speeding the Pollard and elliptic curve methods of factorization",
/// Math. Comp. 48, 1987, §10.3.1).
///
/// 1. Prefix products `c_i = Z_0·Z_1·…·Z_i`;
/// 2. one inversion of `c_{N−1}` — constant time ([`Field::invert`]) unless `VARTIME`
///    ([`Field::invert_vartime`], which leaks the product);
/// 3. walking back, `Z_i^(−1) = c_i^(−1)·c_{i−1}` and `c_{i−1}^(−1) = c_i^(−1)·Z_i`.
///
/// Cost: one inversion and `3(N − 1)` multiplications; apart from the inversion, a fixed
/// sequence of field operations. Every `Z_i` must be non-zero; if one is zero the product is,
/// and every output is 0 (`batch_to_affine_vartime` replaces a zero `Z` by 1 first).
fn batch_invert<F: Field, const N: usize, const VARTIME: bool>(z: &[F; N]) -> [F; N] {
    let mut out = [F::ZERO; N];
    // Step 1: prefix[i] = c_i.
    let mut prefix = [F::ONE; N];
    let mut c = F::ONE;
    for (pre, zi) in prefix.iter_mut().zip(z) {
        c *= *zi;
        *pre = c;
    }
    // Step 2.
    let mut inv = if VARTIME {
        c.invert_vartime().unwrap_or(F::ZERO)
    } else {
        c.invert().unwrap_or(F::ZERO)
    };
    // Step 3.
    for i in (0..N).rev() {
        out[i] = if i == 0 { inv } else { inv * prefix[i - 1] };
        inv *= z[i];
    }
    out
}

/// The affine coordinates `(X/Z, Y/Z)` of `N` homogeneous points, **none of them the identity**,
/// with one field inversion (`batch_invert`), in **constant time**. Cost: one inversion and
/// `3(N − 1)` multiplications, then 2M per point. A fixed sequence of field operations: no
/// branch and no memory access depends on the points. The caller guarantees `Z_i ≠ 0` (for the
/// tables of [`mul`](super::mul::mul): multiples `1·P … N·P` of a point of prime order `n > N`
/// that is not the identity); if one were zero, every output would be `(0, 0)`, not a panic.
pub fn batch_to_affine<C: Curve, const N: usize>(
    points: &[ProjectivePoint<C>; N],
) -> [(C::Base, C::Base); N] {
    let z_inv = batch_invert::<_, N, false>(&points.map(|p| p.z));
    core::array::from_fn(|i| (points[i].x * z_inv[i], points[i].y * z_inv[i]))
}

/// The affine coordinates `(X/Z², Y/Z³)` of `N` Jacobian points, **none of them the identity**,
/// with one field inversion, in **constant time**: [`batch_to_affine`] for Jacobian coordinates.
/// Cost: one inversion and `3(N − 1)` multiplications, then 3M + 1S per point. The caller
/// guarantees `Z_i ≠ 0`; if one were zero, every output would be `(0, 0)`.
pub fn batch_to_affine_jacobian<C: Curve, const N: usize>(
    points: &[JacobianPoint<C>; N],
) -> [(C::Base, C::Base); N] {
    jacobian_to_affine::<C, N, false>(points)
}

/// [`batch_to_affine_jacobian`] in **variable time**: leaks the points (the inversion is the
/// variable-time one, about half the instructions of the constant-time one on P-256). For tables
/// of public points, such as the multiples of an ECDH peer's public key. The same contract:
/// `Z_i ≠ 0`, and if one were zero, every output would be `(0, 0)`, not a panic.
pub fn batch_to_affine_jacobian_vartime<C: Curve, const N: usize>(
    points: &[JacobianPoint<C>; N],
) -> [(C::Base, C::Base); N] {
    jacobian_to_affine::<C, N, true>(points)
}

/// The body of [`batch_to_affine_jacobian`] and its `_vartime` twin.
#[inline(always)]
fn jacobian_to_affine<C: Curve, const N: usize, const VARTIME: bool>(
    points: &[JacobianPoint<C>; N],
) -> [(C::Base, C::Base); N] {
    let z_inv = batch_invert::<_, N, VARTIME>(&points.map(|p| p.z));
    core::array::from_fn(|i| {
        let zz_inv = z_inv[i].square();
        (points[i].x * zz_inv, points[i].y * zz_inv * z_inv[i])
    })
}

/// The affine forms of `N` homogeneous points with one field inversion (`batch_invert`), in
/// **variable time**: leaks the points. Points with `Z = 0` come out as the identity (their `Z`
/// counted as 1 in the product). Cost: one inversion and `3(N − 1)` multiplications, then 2M per
/// point for `(X/Z, Y/Z)`.
pub fn batch_to_affine_vartime<C: Curve, const N: usize>(
    points: &[ProjectivePoint<C>; N],
) -> [AffinePoint<C>; N] {
    let z = points.map(|p| {
        if bool::from(p.is_identity()) {
            C::Base::ONE
        } else {
            p.z
        }
    });
    let z_inv = batch_invert::<_, N, true>(&z);
    core::array::from_fn(|i| {
        let p = &points[i];
        if bool::from(p.is_identity()) {
            AffinePoint::IDENTITY
        } else {
            AffinePoint {
                x: p.x * z_inv[i],
                y: p.y * z_inv[i],
                infinity: 0,
            }
        }
    })
}
