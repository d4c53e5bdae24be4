//! Layer 3: **points** — the group of a short Weierstrass curve.
//!
//! Uses the [`field`](crate::field) layer through the [`Field`] trait and the
//! [`curves`](crate::curves) parameter sets; knows nothing of scalar multiplication (the layer
//! above, in the submodule [`mul`]) or of ECDSA and ECDH.
//!
//! * [`AffinePoint`] — `(x, y)` with `y² = x³ + ax + b`, or the identity; what gets encoded.
//! * [`ProjectivePoint`] — homogeneous `(X : Y : Z)` for `(X/Z, Y/Z)`; what gets computed with, since
//!   adding in projective coordinates needs no field inversion. The identity is `(0 : 1 : 0)`.
//!
//! Addition and doubling use the complete formulas of [`formulas`] (RCB16), so the group law has no
//! special cases and runs in constant time. Scalar multiplication also uses the cheaper Jacobian
//! doublings (and, in variable time, additions) of [`jacobian`] inside its loops. SEC1 encodings
//! are in [`sec1`].

pub mod formulas;
pub mod jacobian;
pub mod mul;
pub mod sec1;

use crate::curves::{AShape, Curve};
use crate::field::Field;
use core::fmt;
use core::ops::{Add, AddAssign, Neg, Sub, SubAssign};
use subtle::{Choice, ConditionallyNegatable, ConditionallySelectable, ConstantTimeEq, CtOption};

/// A point in affine coordinates, or the identity.
#[derive(Clone, Copy, Debug)]
pub struct AffinePoint<C: Curve> {
    x: C::Base,
    y: C::Base,
    /// 1 for the identity (then `x = y = 0`), else 0.
    infinity: u8,
}

impl<C: Curve> AffinePoint<C> {
    /// The identity (point at infinity).
    pub const IDENTITY: Self = Self {
        x: C::Base::ZERO,
        y: C::Base::ZERO,
        infinity: 1,
    };

    /// The generator `G`.
    pub const GENERATOR: Self = Self {
        x: C::GENERATOR.0,
        y: C::GENERATOR.1,
        infinity: 0,
    };

    /// The point `(x, y)`, if it satisfies the curve equation.
    pub fn from_coordinates(x: C::Base, y: C::Base) -> CtOption<Self> {
        let p = Self { x, y, infinity: 0 };
        CtOption::new(p, p.is_on_curve())
    }

    /// The point with abscissa `x` whose ordinate has the parity `y_is_odd` (SEC 1 v2.0 §2.3.4
    /// step 2.4): `y = ±√(x³ + ax + b)`, the root with the wanted parity. `None` if `x³ + ax + b`
    /// is not a square (no point has this `x`). Constant time (one square root).
    ///
    /// When `y = 0` (a point of order 2, which a prime-order curve does not have) both parities
    /// give that point.
    pub fn decompress(x: &C::Base, y_is_odd: Choice) -> CtOption<Self> {
        let rhs = (x.square() + C::A) * *x + C::B;
        rhs.sqrt().map(|y| {
            let flip = y.is_odd() ^ y_is_odd;
            Self {
                x: *x,
                y: C::Base::conditional_select(&y, &-y, flip),
                infinity: 0,
            }
        })
    }

    /// The `x` coordinate (zero for the identity).
    pub fn x(&self) -> C::Base {
        self.x
    }

    /// The `y` coordinate (zero for the identity).
    pub fn y(&self) -> C::Base {
        self.y
    }

    /// Whether this is the identity.
    pub fn is_identity(&self) -> Choice {
        Choice::from(self.infinity)
    }

    /// `y² − (x³ + ax + b)`: zero exactly for the points of the curve.
    fn equation(x: &C::Base, y: &C::Base) -> C::Base {
        let rhs = (x.square() + C::A) * *x + C::B;
        y.square() - rhs
    }

    /// Whether the point satisfies the curve equation (the identity does).
    pub fn is_on_curve(&self) -> Choice {
        Self::equation(&self.x, &self.y).is_zero() | self.is_identity()
    }

    /// The projective form `(x : y : 1)`, or `(0 : 1 : 0)` for the identity.
    pub fn to_projective(&self) -> ProjectivePoint<C> {
        let p = ProjectivePoint::new(self.x, self.y, C::Base::ONE);
        ProjectivePoint::conditional_select(&p, &ProjectivePoint::IDENTITY, self.is_identity())
    }
}

/// Wiping a point sets it to the identity (`x = y = 0`).
impl<C: Curve> zeroize::DefaultIsZeroes for AffinePoint<C> {}

/// Wiping a point sets it to the identity `(0 : 1 : 0)`.
impl<C: Curve> zeroize::DefaultIsZeroes for ProjectivePoint<C> {}

impl<C: Curve> ConditionallySelectable for AffinePoint<C> {
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        Self {
            x: C::Base::conditional_select(&a.x, &b.x, choice),
            y: C::Base::conditional_select(&a.y, &b.y, choice),
            infinity: u8::conditional_select(&a.infinity, &b.infinity, choice),
        }
    }
}

impl<C: Curve> ConstantTimeEq for AffinePoint<C> {
    fn ct_eq(&self, other: &Self) -> Choice {
        self.x.ct_eq(&other.x) & self.y.ct_eq(&other.y) & self.infinity.ct_eq(&other.infinity)
    }
}

impl<C: Curve> PartialEq for AffinePoint<C> {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}
impl<C: Curve> Eq for AffinePoint<C> {}

/// Hashes the identity flag and the canonical bytes of `x` and `y`: the three things `Eq`
/// compares, so equal points hash equally (the identity included, whose coordinates are zero).
/// Variable time, like any `Hash`: for public points.
impl<C: Curve> core::hash::Hash for AffinePoint<C> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        state.write_u8(self.infinity);
        state.write(self.x.to_bytes().as_ref());
        state.write(self.y.to_bytes().as_ref());
    }
}

impl<C: Curve> Default for AffinePoint<C> {
    fn default() -> Self {
        Self::IDENTITY
    }
}

impl<C: Curve> Neg for AffinePoint<C> {
    type Output = Self;
    fn neg(self) -> Self {
        Self {
            x: self.x,
            y: -self.y,
            infinity: self.infinity,
        }
    }
}

impl<C: Curve> From<ProjectivePoint<C>> for AffinePoint<C> {
    fn from(p: ProjectivePoint<C>) -> Self {
        p.to_affine()
    }
}

/// A point in homogeneous projective coordinates `(X : Y : Z)`, standing for `(X/Z, Y/Z)`; the
/// identity is `(0 : 1 : 0)`. Many triples stand for one point, so compare with `==` (which
/// cross-multiplies), never field by field.
#[derive(Clone, Copy, Debug)]
pub struct ProjectivePoint<C: Curve> {
    pub(crate) x: C::Base,
    pub(crate) y: C::Base,
    pub(crate) z: C::Base,
}

impl<C: Curve> ProjectivePoint<C> {
    /// The identity `(0 : 1 : 0)`.
    pub const IDENTITY: Self = Self {
        x: C::Base::ZERO,
        y: C::Base::ONE,
        z: C::Base::ZERO,
    };

    /// The generator `G`, as `(x : y : 1)`.
    pub const GENERATOR: Self = Self {
        x: C::GENERATOR.0,
        y: C::GENERATOR.1,
        z: C::Base::ONE,
    };

    pub(crate) const fn new(x: C::Base, y: C::Base, z: C::Base) -> Self {
        Self { x, y, z }
    }

    /// Whether this is the identity (`Z = 0`).
    pub fn is_identity(&self) -> Choice {
        self.z.is_zero()
    }

    /// The coordinates `(X, Y, Z)` of this representative, for study: many triples stand for one
    /// point, so they say nothing on their own about which point it is (compare points with `==`).
    pub fn coordinates(&self) -> (C::Base, C::Base, C::Base) {
        (self.x, self.y, self.z)
    }

    /// Whether the triple is `(0 : 0 : 0)`, which is no point at all.
    fn is_all_zero(&self) -> Choice {
        self.x.is_zero() & self.y.is_zero() & self.z.is_zero()
    }

    /// The affine point `(X/Z, Y/Z)`: one constant-time field inversion.
    pub fn to_affine(&self) -> AffinePoint<C> {
        let z_inv = self.z.invert().unwrap_or(C::Base::ZERO);
        self.affine_with(z_inv)
    }

    /// The affine point, with a variable-time inversion. Leaks `self`: public points only.
    pub fn to_affine_vartime(&self) -> AffinePoint<C> {
        let z_inv = self.z.invert_vartime().unwrap_or(C::Base::ZERO);
        self.affine_with(z_inv)
    }

    /// Whether `self` is not the identity and its affine `x`-coordinate is `x`, in **variable
    /// time** (public points only): `X = x·Z`, one multiplication instead of the inversion of
    /// [`Self::to_affine_vartime`]. ECDSA verification compares `x(R)` with `r` this way.
    pub fn has_affine_x_vartime(&self, x: &C::Base) -> bool {
        !bool::from(self.is_identity()) && self.x == *x * self.z
    }

    fn affine_with(&self, z_inv: C::Base) -> AffinePoint<C> {
        AffinePoint {
            x: self.x * z_inv,
            y: self.y * z_inv,
            infinity: self.is_identity().unwrap_u8(),
        }
    }

    /// `2·self`.
    pub fn double(&self) -> Self {
        match C::A_SHAPE {
            AShape::MinusThree => formulas::double_a_minus_3(self),
            AShape::Zero => formulas::double_a_zero(self),
            AShape::Generic => formulas::double_generic(self),
        }
    }

    /// `self + other` (complete: any two points).
    pub fn add(&self, other: &Self) -> Self {
        match C::A_SHAPE {
            AShape::MinusThree => formulas::add_a_minus_3(self, other),
            AShape::Zero => formulas::add_a_zero(self, other),
            AShape::Generic => formulas::add_generic(self, other),
        }
    }

    /// `self + other` for an affine `other` (cheaper by one multiplication; any two points).
    pub fn add_mixed(&self, other: &AffinePoint<C>) -> Self {
        let sum = match C::A_SHAPE {
            AShape::MinusThree => formulas::add_mixed_a_minus_3(self, &other.x, &other.y),
            AShape::Zero => formulas::add_mixed_a_zero(self, &other.x, &other.y),
            AShape::Generic => formulas::add_generic(self, &other.to_projective()),
        };
        // The mixed formulas assume Z2 = 1, which the identity does not have.
        Self::conditional_select(&sum, self, other.is_identity())
    }
}

impl<C: Curve> ConditionallySelectable for ProjectivePoint<C> {
    fn conditional_select(a: &Self, b: &Self, choice: Choice) -> Self {
        Self {
            x: C::Base::conditional_select(&a.x, &b.x, choice),
            y: C::Base::conditional_select(&a.y, &b.y, choice),
            z: C::Base::conditional_select(&a.z, &b.z, choice),
        }
    }
}

impl<C: Curve> ConditionallyNegatable for ProjectivePoint<C> {
    fn conditional_negate(&mut self, choice: Choice) {
        self.y = C::Base::conditional_select(&self.y, &-self.y, choice);
    }
}

impl<C: Curve> ConstantTimeEq for ProjectivePoint<C> {
    /// `(X1 : Y1 : Z1) = (X2 : Y2 : Z2)` iff `X1·Z2 = X2·Z1` and `Y1·Z2 = Y2·Z1`
    /// (this also holds between the identity's representatives, and fails between the identity and
    /// any other point, whose `Y` and `Z` are non-zero). The triple `(0 : 0 : 0)` stands for no
    /// point, and the cross products would call it equal to everything: it is equal to nothing,
    /// itself included.
    fn ct_eq(&self, other: &Self) -> Choice {
        (self.x * other.z).ct_eq(&(other.x * self.z))
            & (self.y * other.z).ct_eq(&(other.y * self.z))
            & !self.is_all_zero()
            & !other.is_all_zero()
    }
}

impl<C: Curve> PartialEq for ProjectivePoint<C> {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}
impl<C: Curve> Eq for ProjectivePoint<C> {}

impl<C: Curve> Default for ProjectivePoint<C> {
    fn default() -> Self {
        Self::IDENTITY
    }
}

impl<C: Curve> From<AffinePoint<C>> for ProjectivePoint<C> {
    fn from(p: AffinePoint<C>) -> Self {
        p.to_projective()
    }
}

impl<C: Curve> Neg for ProjectivePoint<C> {
    type Output = Self;
    fn neg(self) -> Self {
        Self::new(self.x, -self.y, self.z)
    }
}

impl<C: Curve> Add for ProjectivePoint<C> {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        ProjectivePoint::add(&self, &rhs)
    }
}

impl<C: Curve> Add<AffinePoint<C>> for ProjectivePoint<C> {
    type Output = Self;
    fn add(self, rhs: AffinePoint<C>) -> Self {
        self.add_mixed(&rhs)
    }
}

impl<C: Curve> Sub for ProjectivePoint<C> {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        ProjectivePoint::add(&self, &-rhs)
    }
}

impl<C: Curve> AddAssign for ProjectivePoint<C> {
    fn add_assign(&mut self, rhs: Self) {
        *self = ProjectivePoint::add(self, &rhs);
    }
}

impl<C: Curve> SubAssign for ProjectivePoint<C> {
    fn sub_assign(&mut self, rhs: Self) {
        *self = ProjectivePoint::add(self, &-rhs);
    }
}

/// `(x, y)`, or `O` for the identity, with the coordinates as integers: for toy curves, whose
/// points a student prints.
impl<C: crate::curves::toy::ToyCurve> fmt::Display for AffinePoint<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if bool::from(self.is_identity()) {
            f.write_str("O")
        } else {
            write!(f, "({}, {})", self.x, self.y)
        }
    }
}

/// `(X : Y : Z)`, the representative's coordinates as integers (toy curves).
impl<C: crate::curves::toy::ToyCurve> fmt::Display for ProjectivePoint<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({} : {} : {})", self.x, self.y, self.z)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curves::{NistP256, Secp256k1};

    /// `(0 : 0 : 0)` is no point: the cross products of `ct_eq` vanish for it, and without the
    /// explicit check it would compare equal to every point.
    fn zero_triple_equals_nothing<C: Curve>() {
        let zero = ProjectivePoint::<C>::new(C::Base::ZERO, C::Base::ZERO, C::Base::ZERO);
        let g = ProjectivePoint::<C>::GENERATOR;
        for p in [g, g.double(), ProjectivePoint::IDENTITY, zero] {
            assert_ne!(zero, p);
            assert_ne!(p, zero);
        }
        // Other representatives of one point still compare equal.
        let two = C::Base::from_u64(2);
        let scaled = ProjectivePoint::<C>::new(g.x * two, g.y * two, two);
        assert_eq!(scaled, g);
        assert_eq!(
            ProjectivePoint::<C>::new(C::Base::ZERO, two, C::Base::ZERO),
            ProjectivePoint::IDENTITY
        );
    }

    /// An off-curve point cannot become a public key (an invalid-curve attack's first step),
    /// even when built inside the crate where the coordinates are reachable.
    #[test]
    fn public_key_refuses_an_off_curve_point() {
        let g = AffinePoint::<NistP256>::GENERATOR;
        let off = AffinePoint::<NistP256> {
            y: g.y + <NistP256 as Curve>::Base::ONE,
            ..g
        };
        assert!(!bool::from(off.is_on_curve()));
        assert_eq!(
            crate::keys::PublicKey::from_affine(off),
            Err(crate::Error::NotOnCurve)
        );
        assert!(crate::keys::PublicKey::from_affine(g).is_ok());
    }

    /// `add_mixed_distinct` outside its contract (`P + P`) is caught in debug builds.
    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "add_mixed_distinct: self = q")]
    fn add_mixed_distinct_rejects_equal_points() {
        let g = AffinePoint::<Secp256k1>::GENERATOR;
        let _ = jacobian::JacobianPoint::from_affine(&g).add_mixed_distinct(&g);
    }

    #[test]
    fn zero_triple_is_not_a_point() {
        zero_triple_equals_nothing::<NistP256>();
        zero_triple_equals_nothing::<Secp256k1>();
    }
}
