//! Tools for studying elliptic curves on toy curves ([`toy_curve!`](crate::toy_curve)): list the
//! points, count them, find orders.
//!
//! **Variable time, for study only.** Everything here branches on its inputs and enumerates the
//! group; none of it belongs near a secret. The production code path is the one a student calls
//! on the same toy curve — `AffinePoint::mul`, `SigningKey::sign`, … — and these tools check its
//! answers by brute force.
//!
//! ```
//! ecckit::toy_curve! {
//!     /// y² = x³ + 2x + 2 over F_17, the textbook example.
//!     pub Toy17 { p: 17, a: 2, b: 2, generator: (5, 1), order: 19 }
//! }
//! use ecckit::point::AffinePoint;
//! use ecckit::teach;
//!
//! let points = teach::points::<Toy17>();
//! assert_eq!(points.len(), 18); // and the identity O: 19 = #E
//! assert_eq!(teach::count_points::<Toy17>(), 19);
//! assert_eq!(points[0].to_string(), "(0, 6)");
//! assert_eq!(teach::order_vartime(&AffinePoint::<Toy17>::GENERATOR), 19);
//! assert_eq!(teach::order_vartime(&AffinePoint::<Toy17>::IDENTITY), 1);
//! ```
//!
//! The ECDSA steps are public for study elsewhere: [`rfc6979::bits2int`](crate::rfc6979::bits2int),
//! the RFC 6979 nonce [`ecdsa::hazmat::rfc6979_nonce`](crate::ecdsa::hazmat::rfc6979_nonce), and
//! raw signing with a chosen nonce [`ecdsa::hazmat::sign_prehashed`](crate::ecdsa::hazmat::sign_prehashed).

use crate::curves::toy::ToyCurve;
use crate::field::Field;
use crate::point::{AffinePoint, ProjectivePoint};
use alloc::vec::Vec;

/// The field element with the integer value `v` (`v < p`).
fn element<C: ToyCurve>(v: u64) -> C::Base {
    C::Base::from_u64(v)
}

/// Every affine point of the curve, the identity excluded, ordered by `x` then `y` (as integers).
/// Variable time: `p` square roots.
pub fn points<C: ToyCurve>() -> Vec<AffinePoint<C>> {
    let mut out = Vec::new();
    for x in 0..C::P {
        let fx = element::<C>(x);
        let rhs = fx.square() * fx + C::A * fx + C::B;
        let Some(y) = Option::<C::Base>::from(rhs.sqrt()) else {
            continue;
        };
        let mut ys = [y, -y];
        ys.sort_by_key(|y| y.to_canonical_limbs::<1>()[0]);
        let count = if bool::from(y.is_zero()) { 1 } else { 2 };
        for y in &ys[..count] {
            let point = AffinePoint::from_coordinates(fx, *y);
            out.push(Option::from(point).expect("(x, ±√(x³ + ax + b)) is on the curve"));
        }
    }
    out
}

/// `#E`, the number of points of the curve, the identity included (the group order): counted
/// with [`points`]. By `toy_curve!`'s checks it equals the order of `G`.
pub fn count_points<C: ToyCurve>() -> u64 {
    points::<C>().len() as u64 + 1
}

/// The order of `point`: the least `m ≥ 1` with `m·P = O`, found by adding `P` until the sum is
/// the identity (at most `#E` additions). Variable time.
pub fn order_vartime<C: ToyCurve>(point: &AffinePoint<C>) -> u64 {
    let p = point.to_projective();
    let mut sum: ProjectivePoint<C> = p;
    let mut m = 1;
    while !bool::from(sum.is_identity()) {
        sum += p;
        m += 1;
    }
    m
}

/// The integer value of an element of a toy curve's field (`F_p` or `F_n`: one limb).
pub fn value<F: Field>(v: &F) -> u64 {
    debug_assert!(F::NUM_BITS <= 64, "a toy field");
    v.to_canonical_limbs::<1>()[0]
}
