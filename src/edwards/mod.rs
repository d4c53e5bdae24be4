//! Points of edwards25519, the twisted Edwards form of Curve25519 (the curve of Ed25519), in
//! extended coordinates.
//!
//! Layer: **points** (the second curve shape, beside [`crate::point`]). Uses the field layer
//! ([`crate::field::curve25519`]) and the parameter set [`crate::curves::curve25519`]; its scalar
//! multiplications ([`mul`]) use the recodings of [`crate::point::mul`].
//!
//! # The curve and its coordinates
//! `−x² + y² = 1 + d·x²·y²` over `F_p`, `p = 2^255 − 19`, `d = −121665/121666` (RFC 8032 §5.1). The
//! identity is `(0, 1)`, the negative of `(x, y)` is `(−x, y)`. Since `d` is not a square and
//! `−1` is, the addition law below has no exceptional case: it adds any two points, equal or not,
//! the identity included (Bernstein, Lange, ASIACRYPT 2007, Theorem 3.3; Hisil, Wong, Carter,
//! Dawson, "Twisted Edwards curves revisited", ASIACRYPT 2008, §3.1 — "HWCD" below).
//!
//! [`EdwardsPoint`] keeps **extended coordinates** `(X : Y : Z : T)` with `x = X/Z`, `y = Y/Z` and
//! `T = X·Y/Z` (HWCD §3): the extra coordinate makes the addition cost 8M and needs no inversion.
//!
//! # Cached forms
//! An addend that is used many times is kept as `(Y + X, Y − X, 2Z, 2d·T)` ([`ProjectiveNiels`])
//! or, with `Z = 1`, as `(y + x, y − x, 2d·x·y)` ([`AffineNiels`], the tables of the base point):
//! steps 1–4 of the addition then take one multiplication each, and the affine form saves the
//! multiplication by `Z2` (7M). Negating a cached point swaps its first two coordinates and
//! negates the last, which constant-time table lookups do with conditional selections.
//!
//! # The group
//! `E(F_p)` has `8·ℓ` points: the base point `B` generates the subgroup of prime order `ℓ`, and the
//! eight points of order dividing 8 ([`EdwardsPoint::is_small_order`]) form the torsion. A point
//! decoded from bytes may have a torsion component; Ed25519's verification equation multiplies by
//! the cofactor 8 to remove it (see [`crate::ed25519`]).

pub mod mul;

use crate::curves::curve25519::{
    BASE_TABLE, BASEPOINT_T, BASEPOINT_X, BASEPOINT_Y, EDWARDS_D, EDWARDS_D2,
};
use crate::field::Field;
use crate::field::curve25519::{FieldElement, LazyFieldElement};
use core::fmt;
use core::ops::{Add, AddAssign, Mul, Neg, Sub, SubAssign};
use subtle::{Choice, ConditionallyNegatable, ConditionallySelectable, ConstantTimeEq, CtOption};
use zeroize::DefaultIsZeroes;

/// A point of edwards25519 in extended coordinates `(X : Y : Z : T)`: `x = X/Z`, `y = Y/Z`,
/// `T = X·Y/Z`, `Z ≠ 0`. Every value of this type is on the curve: the constructors are the
/// constants, decoding (which checks the curve equation) and the group law.
///
/// Equality is equality of points (`X1·Z2 = X2·Z1` and `Y1·Z2 = Y2·Z1`), in constant time.
///
/// ```
/// use ecckit::edwards::EdwardsPoint;
/// use ecckit::field::curve25519::Scalar;
/// use ecckit::field::Field;
///
/// let b = EdwardsPoint::BASEPOINT;
/// assert_eq!(b + b, b.double());
/// assert_eq!(EdwardsPoint::mul_base(&Scalar::from_u64(3)), b + b + b);
/// assert_eq!(EdwardsPoint::decompress(&b.compress()).unwrap(), b);
/// assert!(bool::from((b - b).is_identity()));
/// ```
#[derive(Clone, Copy)]
pub struct EdwardsPoint {
    x: FieldElement,
    y: FieldElement,
    z: FieldElement,
    t: FieldElement,
}

/// A cached addend `(Y + X, Y − X, 2Z, 2d·T)` (see the [module docs](self)).
#[derive(Clone, Copy, Debug, Default)]
pub struct ProjectiveNiels {
    y_plus_x: FieldElement,
    y_minus_x: FieldElement,
    z2: FieldElement,
    t2d: FieldElement,
}

/// A cached addend with `Z = 1`: `(y + x, y − x, 2d·x·y)` (see the [module docs](self)).
#[derive(Clone, Copy, Debug, Default)]
pub struct AffineNiels {
    y_plus_x: FieldElement,
    y_minus_x: FieldElement,
    xy2d: FieldElement,
}

impl AffineNiels {
    /// The identity `(0, 1)`: `(1, 1, 0)`.
    pub const IDENTITY: Self = Self {
        y_plus_x: FieldElement::ONE,
        y_minus_x: FieldElement::ONE,
        xy2d: FieldElement::ZERO,
    };

    /// The cached form of the table entry `[y + x, y − x, 2d·x·y]`.
    pub(crate) const fn from_table(e: &[FieldElement; 3]) -> Self {
        Self {
            y_plus_x: e[0],
            y_minus_x: e[1],
            xy2d: e[2],
        }
    }

    /// The 15 limbs of the three coordinates, in order (for constant-time table scans, which
    /// select whole limb arrays).
    #[inline(always)]
    pub(crate) fn limbs_of_table(e: &[FieldElement; 3]) -> [u64; 15] {
        let mut out = [0u64; 15];
        for (chunk, c) in out.chunks_exact_mut(5).zip(e) {
            chunk.copy_from_slice(c.loose_limbs());
        }
        out
    }

    /// On the limbs of [`AffineNiels::limbs_of_table`] of a table entry or of the identity,
    /// `−(x, y) = (−x, y)` when `negate` is set, no branch: `y + x` and `y − x` swap places and
    /// `2d·x·y` becomes `2p − 2d·x·y` (the entries are canonical, so this needs no carry round:
    /// [`FieldElement::neg_limbs_of_canonical`]). Both under one mask, on the limbs, instead of
    /// a swap and a selection of field elements.
    #[inline(always)]
    pub(crate) fn conditional_negate_table_limbs(l: &mut [u64; 15], negate: Choice) {
        let mask = 0u64.wrapping_sub(negate.unwrap_u8() as u64);
        let neg = FieldElement::neg_limbs_of_canonical(&[l[10], l[11], l[12], l[13], l[14]]);
        for i in 0..5 {
            let t = mask & (l[i] ^ l[5 + i]);
            l[i] ^= t;
            l[5 + i] ^= t;
            l[10 + i] ^= mask & (l[10 + i] ^ neg[i]);
        }
    }

    /// The point with these 15 limbs (those of [`AffineNiels::limbs_of_table`] of an entry or of
    /// the identity).
    #[inline(always)]
    pub(crate) fn from_limbs(l: &[u64; 15]) -> Self {
        let fe = |i: usize| {
            FieldElement::from_loose_limbs([l[i], l[i + 1], l[i + 2], l[i + 3], l[i + 4]])
        };
        Self {
            y_plus_x: fe(0),
            y_minus_x: fe(5),
            xy2d: fe(10),
        }
    }
}

impl ConditionallySelectable for AffineNiels {
    fn conditional_select(a: &Self, b: &Self, c: Choice) -> Self {
        Self {
            y_plus_x: FieldElement::conditional_select(&a.y_plus_x, &b.y_plus_x, c),
            y_minus_x: FieldElement::conditional_select(&a.y_minus_x, &b.y_minus_x, c),
            xy2d: FieldElement::conditional_select(&a.xy2d, &b.xy2d, c),
        }
    }
}

impl ConditionallyNegatable for AffineNiels {
    /// `−(x, y) = (−x, y)`: swap `y + x` and `y − x`, negate `2d·x·y`.
    fn conditional_negate(&mut self, c: Choice) {
        FieldElement::conditional_swap(&mut self.y_plus_x, &mut self.y_minus_x, c);
        self.xy2d.conditional_assign(&-self.xy2d, c);
    }
}

impl ProjectiveNiels {
    /// The identity: `(1, 1, 2, 0)`.
    pub const IDENTITY: Self = Self {
        y_plus_x: FieldElement::ONE,
        y_minus_x: FieldElement::ONE,
        z2: FieldElement::ONE.add_const(&FieldElement::ONE),
        t2d: FieldElement::ZERO,
    };
}

impl ConditionallySelectable for ProjectiveNiels {
    fn conditional_select(a: &Self, b: &Self, c: Choice) -> Self {
        Self {
            y_plus_x: FieldElement::conditional_select(&a.y_plus_x, &b.y_plus_x, c),
            y_minus_x: FieldElement::conditional_select(&a.y_minus_x, &b.y_minus_x, c),
            z2: FieldElement::conditional_select(&a.z2, &b.z2, c),
            t2d: FieldElement::conditional_select(&a.t2d, &b.t2d, c),
        }
    }
}

impl ConditionallyNegatable for ProjectiveNiels {
    fn conditional_negate(&mut self, c: Choice) {
        FieldElement::conditional_swap(&mut self.y_plus_x, &mut self.y_minus_x, c);
        self.t2d.conditional_assign(&-self.t2d, c);
    }
}

impl DefaultIsZeroes for AffineNiels {}
impl DefaultIsZeroes for ProjectiveNiels {}

/// The result of a doubling or an addition before its last multiplications: `(E, F, G, H)` with
/// `X3 = E·F`, `Y3 = G·H`, `Z3 = F·G`, `T3 = E·H` (steps 9–12 of the HWCD formulas). Ending there
/// lets a doubling or an addition that only feeds a doubling skip `T3` ([`double_n_xyz`], the
/// multiplication loops of [`mul`]).
/// The four are sums and differences that only feed those products, so they are kept without
/// their carry round ([`LazyFieldElement`]).
#[derive(Clone, Copy)]
struct Completed {
    e: LazyFieldElement,
    f: LazyFieldElement,
    g: LazyFieldElement,
    h: LazyFieldElement,
}

impl Completed {
    /// The extended point, 4M.
    #[inline(always)]
    fn to_extended(self) -> EdwardsPoint {
        let Self { e, f, g, h } = self;
        EdwardsPoint {
            x: e * f, // 9. X3 = E·F
            y: g * h, // 10. Y3 = G·H
            t: e * h, // 11. T3 = E·H
            z: f * g, // 12. Z3 = F·G
        }
    }

    /// `(X3 : Y3 : Z3)` without `T3`, 3M: enough for a following doubling.
    #[inline(always)]
    fn to_projective(self) -> (FieldElement, FieldElement, FieldElement) {
        let Self { e, f, g, h } = self;
        (e * f, g * h, f * g)
    }
}

/// Steps 1–8 of "dbl-2008-hwcd" (HWCD 2008 §3.3) with `a = −1` on `(X1 : Y1 : Z1)`, 4S; `T1` is
/// not read. The sums are grouped so that each of `E`, `F`, `G`, `H` is one lazy addition,
/// subtraction or negation of reduced elements (three carry rounds in all: `C`, `A + B`,
/// `A + C`).
#[inline(always)]
fn double_xyz(x: &FieldElement, y: &FieldElement, z: &FieldElement) -> Completed {
    let a = x.square(); // 1. A = X1²
    let b = y.square(); // 2. B = Y1²
    let c = z.square().double(); // 3. C = 2·Z1²
    // 4. D = a·A = −A (a = −1), folded into the sums below.
    let a_plus_b = a + b;
    let e = x.add_lazy(y).square().sub_lazy(&a_plus_b); // 5. E = (X1 + Y1)² − (A + B)
    let g = b.sub_lazy(&a); // 6. G = D + B = B − A
    let f = b.sub_lazy(&(a + c)); // 7. F = G − C = B − (A + C)
    let h = a_plus_b.neg_lazy(); // 8. H = D − B = −(A + B)
    Completed { e, f, g, h }
}

/// `[2^n]` of the point `(X : Y : Z)` (its `T` is not needed), `n ≥ 1`: `n` doublings, of which
/// only the last computes `T` ([`EdwardsPoint::double_n`]).
#[inline(always)]
fn double_n_xyz(
    (mut x, mut y, mut z): (FieldElement, FieldElement, FieldElement),
    n: u32,
) -> EdwardsPoint {
    debug_assert!(n >= 1);
    for _ in 1..n {
        (x, y, z) = double_xyz(&x, &y, &z).to_projective();
    }
    double_xyz(&x, &y, &z).to_extended()
}

impl EdwardsPoint {
    /// The identity `(0, 1)`.
    pub const IDENTITY: Self = Self {
        x: FieldElement::ZERO,
        y: FieldElement::ONE,
        z: FieldElement::ONE,
        t: FieldElement::ZERO,
    };

    /// The base point `B = (x, 4/5)` of RFC 8032 §5.1, of prime order `ℓ`.
    pub const BASEPOINT: Self = Self {
        x: BASEPOINT_X,
        y: BASEPOINT_Y,
        z: FieldElement::ONE,
        t: BASEPOINT_T,
    };

    /// The affine coordinates `(x, y)` (one inversion; constant time).
    pub fn to_affine(&self) -> (FieldElement, FieldElement) {
        let z_inv = self.z.invert().unwrap_or(FieldElement::ZERO);
        (self.x * z_inv, self.y * z_inv)
    }

    /// The point with affine coordinates `(x, y)`, if they satisfy the curve equation.
    pub fn from_affine(x: &FieldElement, y: &FieldElement) -> CtOption<Self> {
        let (xx, yy) = (x.square(), y.square());
        let on_curve = (yy - xx).ct_eq(&(FieldElement::ONE + EDWARDS_D * xx * yy));
        CtOption::new(
            Self {
                x: *x,
                y: *y,
                z: FieldElement::ONE,
                t: *x * *y,
            },
            on_curve,
        )
    }

    /// The RFC 8032 §5.1.2 encoding: `y` in 255 little-endian bits, and bit 255 the parity of `x`
    /// (its "sign"). Constant time.
    pub fn compress(&self) -> [u8; 32] {
        let (x, y) = self.to_affine();
        let mut out = y.to_le_bytes();
        out[31] |= x.is_odd().unwrap_u8() << 7;
        out
    }

    /// Decodes an RFC 8032 §5.1.3 encoding, leniently, as ZIP 215 does: `y` is the low 255 bits
    /// taken mod `p` (so `y ≥ p`, a non-canonical encoding, is accepted), and `x = 0` with the
    /// sign bit set ("−0") is accepted as `x = 0`. `None` when no point has that `y` (`(y² − 1) /
    /// (d·y² + 1)` is not a square). Constant time.
    ///
    /// Twenty-six byte strings are non-canonical encodings of points that also have a canonical
    /// one (`y = p + i` for the twelve `i < 19` that are the `y` of a point, with either sign, and
    /// "−0" of `y = 1` and `y = p − 1`; six of them of small order);
    /// [`EdwardsPoint::decompress_canonical`] refuses them.
    pub fn decompress(bytes: &[u8; 32]) -> CtOption<Self> {
        let (point, ok, _canonical) = Self::decompress_inner(bytes);
        CtOption::new(point, ok)
    }

    /// Decodes an RFC 8032 §5.1.3 encoding strictly: as [`EdwardsPoint::decompress`], and also
    /// `None` for `y ≥ p` and for "−0" (`x = 0` with the sign bit set), so that every point has
    /// exactly one accepted encoding. Constant time.
    pub fn decompress_canonical(bytes: &[u8; 32]) -> CtOption<Self> {
        let (point, ok, canonical) = Self::decompress_inner(bytes);
        CtOption::new(point, ok & canonical)
    }

    /// RFC 8032 §5.1.3: the point, whether it exists, and whether the encoding is canonical.
    fn decompress_inner(bytes: &[u8; 32]) -> (Self, Choice, Choice) {
        let sign = Choice::from(bytes[31] >> 7);
        // Step 1: y from the low 255 bits; canonical only if y < p.
        let y = FieldElement::from_le_bytes_masked(bytes);
        let mut masked = *bytes;
        masked[31] &= 0x7f;
        let y_canonical = FieldElement::from_le_bytes(&masked).is_some();
        // Steps 2 and 3: x² = (y² − 1)/(d·y² + 1), x the even root.
        let yy = y.square();
        let u = yy - FieldElement::ONE;
        let v = EDWARDS_D * yy + FieldElement::ONE;
        let (is_square, mut x) = FieldElement::sqrt_ratio(&u, &v);
        // Step 4: x = 0 with the sign bit set is "−0"; otherwise pick the root of that parity.
        let minus_zero = x.is_zero() & sign;
        x.conditional_assign(&-x, sign);
        let point = Self {
            x,
            y,
            z: FieldElement::ONE,
            t: x * y,
        };
        (point, is_square, y_canonical & !minus_zero)
    }

    /// Whether this is the identity `(0, 1)`: `X = 0` and `Y = Z`. Constant time.
    pub fn is_identity(&self) -> Choice {
        self.x.is_zero() & self.y.ct_eq(&self.z)
    }

    /// `2·P`: HWCD 2008 §3.3, "dbl-2008-hwcd" with `a = −1`, 4M + 4S (steps 1–8, then all four
    /// coordinates).
    pub fn double(&self) -> Self {
        double_xyz(&self.x, &self.y, &self.z).to_extended()
    }

    /// `[2^n]P` for `n ≥ 1`: `n` doublings, of which only the last computes `T`. A doubling reads
    /// `X`, `Y`, `Z` only (HWCD 2008 §4.2: `T` is needed by an addition, not by a doubling), so
    /// each of the first `n − 1` stops at `(X : Y : Z)`, 3M instead of 4M: `(n − 1)·(3M + 4S) +
    /// 4M + 4S` in all.
    pub fn double_n(&self, n: u32) -> Self {
        double_n_xyz((self.x, self.y, self.z), n)
    }

    /// `[8]P`, three doublings.
    pub fn mul_by_cofactor(&self) -> Self {
        self.double_n(3)
    }

    /// Whether `P` is in the torsion (order 1, 2, 4 or 8): `[8]P = O`. Constant time.
    pub fn is_small_order(&self) -> Choice {
        self.mul_by_cofactor().is_identity()
    }

    /// Whether `P` is in the prime-order subgroup: `[ℓ]P = O`. Variable time in `P` (for public
    /// points).
    pub fn is_torsion_free_vartime(&self) -> bool {
        bool::from(mul::mul_by_order_vartime(self).is_identity())
    }

    /// The cached form `(Y + X, Y − X, 2Z, 2d·T)`.
    pub fn to_projective_niels(&self) -> ProjectiveNiels {
        ProjectiveNiels {
            y_plus_x: self.y + self.x,
            y_minus_x: self.y - self.x,
            z2: self.z.double(),
            t2d: self.t * EDWARDS_D2,
        }
    }

    /// The cached affine form `(y + x, y − x, 2d·x·y)` (one inversion; constant time).
    pub fn to_affine_niels(&self) -> AffineNiels {
        let (x, y) = self.to_affine();
        AffineNiels {
            y_plus_x: y + x,
            y_minus_x: y - x,
            xy2d: x * y * EDWARDS_D2,
        }
    }

    /// `P + Q` for a cached `Q`: HWCD 2008 §3.1, the unified addition "add-2008-hwcd-3" for
    /// `a = −1` with `k = 2d`, 8M. Complete (see the [module docs](self)).
    pub fn add_projective_niels(&self, q: &ProjectiveNiels) -> Self {
        self.add_projective_niels_completed(q).to_extended()
    }

    /// [`EdwardsPoint::add_projective_niels`] before steps 9–12, for a caller that may need only
    /// `(X3 : Y3 : Z3)` ([`Completed::to_projective`]).
    #[inline(always)]
    fn add_projective_niels_completed(&self, q: &ProjectiveNiels) -> Completed {
        let a = self.y.sub_lazy(&self.x) * q.y_minus_x; // 1. A = (Y1 − X1)·(Y2 − X2)
        let b = self.y.add_lazy(&self.x) * q.y_plus_x; // 2. B = (Y1 + X1)·(Y2 + X2)
        let c = self.t * q.t2d; // 3. C = T1·2d·T2
        let d = self.z * q.z2; // 4. D = Z1·2·Z2
        Self::add_tail(a, b, c, d)
    }

    /// `P + Q` for a cached affine `Q` (`Z2 = 1`): "madd-2008-hwcd-3", 7M.
    pub fn add_affine_niels(&self, q: &AffineNiels) -> Self {
        self.add_affine_niels_completed(q).to_extended()
    }

    /// [`EdwardsPoint::add_affine_niels`] before steps 9–12, for a caller that may need only
    /// `(X3 : Y3 : Z3)` ([`Completed::to_projective`]).
    #[inline(always)]
    fn add_affine_niels_completed(&self, q: &AffineNiels) -> Completed {
        let a = self.y.sub_lazy(&self.x) * q.y_minus_x; // 1. A = (Y1 − X1)·(y2 − x2)
        let b = self.y.add_lazy(&self.x) * q.y_plus_x; // 2. B = (Y1 + X1)·(y2 + x2)
        let c = self.t * q.xy2d; // 3. C = T1·2d·x2·y2
        let d = self.z.double(); // 4. D = 2·Z1
        Self::add_tail(a, b, c, d)
    }

    /// `P − Q` for a cached `Q`: [`EdwardsPoint::add_projective_niels`] of `−Q = (Y − X, Y + X,
    /// 2Z, −2d·T)` with the negation folded into the formula, no field negation: steps 1 and 2
    /// take `Y2 + X2` and `Y2 − X2` in each other's place, and `C` changes sign, so steps 6 and 7
    /// (`F = D − C`, `G = D + C`) trade results. 8M, for the variable-time loops' negative digits.
    pub fn sub_projective_niels(&self, q: &ProjectiveNiels) -> Self {
        self.sub_projective_niels_completed(q).to_extended()
    }

    /// [`EdwardsPoint::sub_projective_niels`] before steps 9–12, for a caller that may need only
    /// `(X3 : Y3 : Z3)` ([`Completed::to_projective`]).
    #[inline(always)]
    fn sub_projective_niels_completed(&self, q: &ProjectiveNiels) -> Completed {
        let a = self.y.sub_lazy(&self.x) * q.y_plus_x; // 1. A = (Y1 − X1)·(Y2 + X2)
        let b = self.y.add_lazy(&self.x) * q.y_minus_x; // 2. B = (Y1 + X1)·(Y2 − X2)
        let c = self.t * q.t2d; // 3. C = T1·2d·T2 (of Q, not −Q)
        let d = self.z * q.z2; // 4. D = Z1·2·Z2
        let Completed { e, f, g, h } = Self::add_tail(a, b, c, d);
        Completed { e, f: g, g: f, h } // 6, 7. F = D + C, G = D − C
    }

    /// `P − Q` for a cached affine `Q`: [`EdwardsPoint::add_affine_niels`] of `−Q` with the
    /// negation folded in as in [`EdwardsPoint::sub_projective_niels`], 7M.
    pub fn sub_affine_niels(&self, q: &AffineNiels) -> Self {
        self.sub_affine_niels_completed(q).to_extended()
    }

    /// [`EdwardsPoint::sub_affine_niels`] before steps 9–12, for a caller that may need only
    /// `(X3 : Y3 : Z3)` ([`Completed::to_projective`]).
    #[inline(always)]
    fn sub_affine_niels_completed(&self, q: &AffineNiels) -> Completed {
        let a = self.y.sub_lazy(&self.x) * q.y_plus_x; // 1. A = (Y1 − X1)·(y2 + x2)
        let b = self.y.add_lazy(&self.x) * q.y_minus_x; // 2. B = (Y1 + X1)·(y2 − x2)
        let c = self.t * q.xy2d; // 3. C = T1·2d·x2·y2 (of Q, not −Q)
        let d = self.z.double(); // 4. D = 2·Z1
        let Completed { e, f, g, h } = Self::add_tail(a, b, c, d);
        Completed { e, f: g, g: f, h } // 6, 7. F = D + C, G = D − C
    }

    /// Steps 5–8 of the HWCD addition, each a lazy sum or difference ([`LazyFieldElement`]); the
    /// caller ends with steps 9–12 ([`Completed::to_extended`]).
    #[inline(always)]
    fn add_tail(a: FieldElement, b: FieldElement, c: FieldElement, d: FieldElement) -> Completed {
        Completed {
            e: b.sub_lazy(&a), // 5. E = B − A
            f: d.sub_lazy(&c), // 6. F = D − C
            g: d.add_lazy(&c), // 7. G = D + C
            h: b.add_lazy(&a), // 8. H = B + A
        }
    }

    /// `k·B` for the base point `B`, constant time: signed 5-bit digits of `k` over the
    /// compile-time table of `B` (51 rows of 16 points, `build.rs`; [`mul::mul_base`]).
    pub fn mul_base(k: &crate::field::curve25519::Scalar) -> Self {
        mul::mul_base(k, &BASE_TABLE)
    }

    /// The Montgomery `u = (1 + y)/(1 − y) = (Z + Y)/(Z − Y)` of this point (RFC 7748 §4.1), in
    /// constant time; `0` for the identity (where `1 − y = 0`, the map's exceptional point goes
    /// to the point at infinity, whose X25519 encoding is `u = 0`).
    pub fn to_montgomery_u(&self) -> FieldElement {
        let den = self.z - self.y;
        (self.z + self.y) * den.invert().unwrap_or(FieldElement::ZERO)
    }
}

impl Default for EdwardsPoint {
    fn default() -> Self {
        Self::IDENTITY
    }
}

impl DefaultIsZeroes for EdwardsPoint {}

impl fmt::Debug for EdwardsPoint {
    /// The affine coordinates (points are public values; a secret point's `Debug` is the caller's
    /// choice to print).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (x, y) = self.to_affine();
        f.debug_struct("EdwardsPoint")
            .field("x", &x)
            .field("y", &y)
            .finish()
    }
}

impl ConstantTimeEq for EdwardsPoint {
    fn ct_eq(&self, other: &Self) -> Choice {
        (self.x * other.z).ct_eq(&(other.x * self.z))
            & (self.y * other.z).ct_eq(&(other.y * self.z))
    }
}

impl PartialEq for EdwardsPoint {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for EdwardsPoint {}

impl ConditionallySelectable for EdwardsPoint {
    fn conditional_select(a: &Self, b: &Self, c: Choice) -> Self {
        Self {
            x: FieldElement::conditional_select(&a.x, &b.x, c),
            y: FieldElement::conditional_select(&a.y, &b.y, c),
            z: FieldElement::conditional_select(&a.z, &b.z, c),
            t: FieldElement::conditional_select(&a.t, &b.t, c),
        }
    }
}

impl Neg for EdwardsPoint {
    type Output = Self;
    /// `−(x, y) = (−x, y)`.
    fn neg(self) -> Self {
        Self {
            x: -self.x,
            y: self.y,
            z: self.z,
            t: -self.t,
        }
    }
}

impl Add for EdwardsPoint {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        self.add_projective_niels(&rhs.to_projective_niels())
    }
}

impl Sub for EdwardsPoint {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        self + (-rhs)
    }
}

impl AddAssign for EdwardsPoint {
    fn add_assign(&mut self, rhs: Self) {
        *self = *self + rhs;
    }
}

impl SubAssign for EdwardsPoint {
    fn sub_assign(&mut self, rhs: Self) {
        *self = *self - rhs;
    }
}

impl Mul<&crate::field::curve25519::Scalar> for &EdwardsPoint {
    type Output = EdwardsPoint;
    /// `k·P`, constant time in `k` and `P` ([`mul::mul`]).
    fn mul(self, k: &crate::field::curve25519::Scalar) -> EdwardsPoint {
        mul::mul(self, k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::curve25519::Scalar;

    /// Subtraction of cached points against the addition of the negated point, with the
    /// identity and `P − P` among the cases.
    #[test]
    fn subtraction_of_cached_points() {
        let b = EdwardsPoint::BASEPOINT;
        let points = [EdwardsPoint::IDENTITY, b, b.double(), b.double() + b];
        for p in points {
            for q in points {
                let expected = p + (-q);
                assert_eq!(p.sub_projective_niels(&q.to_projective_niels()), expected);
                assert_eq!(p.sub_affine_niels(&q.to_affine_niels()), expected);
                assert_eq!(p.add_projective_niels(&q.to_projective_niels()), p + q);
            }
        }
    }

    /// The masked negation on table limbs against the field's: for every entry of the first and
    /// last rows of the fixed-base table and the identity, `negate = 1` gives `(y − x, y + x,
    /// −2d·x·y)` within the bound, and `negate = 0` the limbs unchanged.
    #[test]
    fn conditional_negate_table_limbs_negates_entries() {
        use crate::curves::curve25519::BASE_TABLE;
        let rows = [BASE_TABLE.first(), BASE_TABLE.last()];
        let entries = rows.into_iter().flatten().flatten().copied();
        let identity = [FieldElement::ONE, FieldElement::ONE, FieldElement::ZERO];
        for e in entries.chain([identity]) {
            let limbs = AffineNiels::limbs_of_table(&e);
            let mut kept = limbs;
            AffineNiels::conditional_negate_table_limbs(&mut kept, Choice::from(0));
            assert_eq!(kept, limbs);
            let mut negated = limbs;
            AffineNiels::conditional_negate_table_limbs(&mut negated, Choice::from(1));
            for chunk in negated.chunks_exact(5) {
                assert!(FieldElement::is_loose(chunk.try_into().unwrap()));
            }
            let n = AffineNiels::from_limbs(&negated);
            assert_eq!(n.y_plus_x, e[1]);
            assert_eq!(n.y_minus_x, e[0]);
            assert_eq!(n.xy2d, -e[2]);
        }
    }

    #[test]
    fn group_law_basics() {
        let b = EdwardsPoint::BASEPOINT;
        let id = EdwardsPoint::IDENTITY;
        assert_eq!(b + id, b);
        assert_eq!(id + id, id);
        assert_eq!(b + b, b.double());
        assert_eq!(b.double().double(), b + b + b + b);
        assert_eq!(b - b, id);
        assert!(bool::from(id.double().is_identity()));
        assert_eq!(
            b.add_affine_niels(&b.to_affine_niels()),
            b.add_projective_niels(&b.to_projective_niels())
        );
        assert_eq!(id.add_affine_niels(&AffineNiels::IDENTITY), id);
        assert_eq!(b.add_projective_niels(&ProjectiveNiels::IDENTITY), b);
        // B has order ℓ: [ℓ]B = O, and it is not small.
        assert!(b.is_torsion_free_vartime());
        assert!(!bool::from(b.is_small_order()));
        assert_eq!(EdwardsPoint::mul_base(&Scalar::ZERO), id);
        assert_eq!(EdwardsPoint::mul_base(&Scalar::ONE), b);
        assert_eq!(EdwardsPoint::mul_base(&-Scalar::ONE), -b);
    }

    #[test]
    fn encoding() {
        // RFC 8032 §5.1: B encodes as 0x58 followed by 0x66 bytes (y = 4/5, x even).
        let mut expected = [0x66u8; 32];
        expected[0] = 0x58;
        assert_eq!(EdwardsPoint::BASEPOINT.compress(), expected);
        let mut id = [0u8; 32];
        id[0] = 1;
        assert_eq!(EdwardsPoint::IDENTITY.compress(), id);
        // −0: y = 1 with the sign bit set decodes leniently only.
        let mut minus_zero = id;
        minus_zero[31] |= 0x80;
        assert_eq!(
            EdwardsPoint::decompress(&minus_zero).unwrap(),
            EdwardsPoint::IDENTITY
        );
        assert!(bool::from(
            EdwardsPoint::decompress_canonical(&minus_zero).is_none()
        ));
        // y = p + 1 ≡ 1: non-canonical.
        let mut p_plus_1 = [0xffu8; 32];
        p_plus_1[0] = 0xee;
        p_plus_1[31] = 0x7f;
        assert_eq!(
            EdwardsPoint::decompress(&p_plus_1).unwrap(),
            EdwardsPoint::IDENTITY
        );
        assert!(bool::from(
            EdwardsPoint::decompress_canonical(&p_plus_1).is_none()
        ));
        // y = 2 is not the y of any point.
        let mut two = [0u8; 32];
        two[0] = 2;
        assert!(bool::from(EdwardsPoint::decompress(&two).is_none()));
    }

    #[test]
    fn montgomery_map() {
        // RFC 7748 §4.1: the Edwards base point maps to u = 9.
        assert_eq!(
            EdwardsPoint::BASEPOINT.to_montgomery_u(),
            FieldElement::from_u64(9)
        );
        assert_eq!(EdwardsPoint::IDENTITY.to_montgomery_u(), FieldElement::ZERO);
    }
}
