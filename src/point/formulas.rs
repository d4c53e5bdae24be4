//! The complete addition and doubling formulas of Renes, Costello and Batina,
//! "Complete addition formulas for prime order elliptic curves", EUROCRYPT 2016 (RCB16).
//!
//! Layer: **points**. Uses the [`Field`] trait and the curve constants.
//!
//! Points are in homogeneous projective coordinates `(X : Y : Z)`, meaning the affine point
//! `(X/Z, Y/Z)`, with the identity `(0 : 1 : 0)`. The formulas are *complete*: one sequence of field
//! operations adds any two points of a prime-order curve — equal, opposite, or the identity — with
//! no exceptional case and so no branch. That is what makes constant-time scalar multiplication
//! simple. The step numbers in the comments are the line numbers of the paper's algorithms.

use super::ProjectivePoint;
use crate::curves::Curve;
use crate::field::Field;

type P<C> = ProjectivePoint<C>;

/// RCB16 Algorithm 1: complete addition for any `a` (`b3 = 3b`). Cost 12M + 3m_a + 2m_3b + 23a.
pub fn add_generic<C: Curve>(p: &P<C>, q: &P<C>) -> P<C> {
    let (x1, y1, z1) = (p.x, p.y, p.z);
    let (x2, y2, z2) = (q.x, q.y, q.z);
    let (a, b3) = (C::A, C::B3);
    let mut t0 = x1 * x2; // 1
    let mut t1 = y1 * y2; // 2
    let mut t2 = z1 * z2; // 3
    let mut t3 = x1 + y1; // 4
    let mut t4 = x2 + y2; // 5
    t3 *= t4; // 6
    t4 = t0 + t1; // 7
    t3 -= t4; // 8
    t4 = x1 + z1; // 9
    let mut t5 = x2 + z2; // 10
    t4 *= t5; // 11
    t5 = t0 + t2; // 12
    t4 -= t5; // 13
    t5 = y1 + z1; // 14
    let mut x3 = y2 + z2; // 15
    t5 *= x3; // 16
    x3 = t1 + t2; // 17
    t5 -= x3; // 18
    let mut z3 = a * t4; // 19
    x3 = b3 * t2; // 20
    z3 = x3 + z3; // 21
    x3 = t1 - z3; // 22
    z3 = t1 + z3; // 23
    let mut y3 = x3 * z3; // 24
    t1 = t0 + t0; // 25
    t1 += t0; // 26
    t2 = a * t2; // 27
    t4 = b3 * t4; // 28
    t1 += t2; // 29
    t2 = t0 - t2; // 30
    t2 = a * t2; // 31
    t4 += t2; // 32
    t0 = t1 * t4; // 33
    y3 += t0; // 34
    t0 = t5 * t4; // 35
    x3 = t3 * x3; // 36
    x3 -= t0; // 37
    t0 = t3 * t1; // 38
    z3 = t5 * z3; // 39
    z3 += t0; // 40
    P::new(x3, y3, z3)
}

/// RCB16 Algorithm 3: doubling for any `a`. Cost 8M + 3S + 3m_a + 2m_3b + 15a.
pub fn double_generic<C: Curve>(p: &P<C>) -> P<C> {
    let (x, y, z) = (p.x, p.y, p.z);
    let (a, b3) = (C::A, C::B3);
    let mut t0 = x.square(); // 1
    let t1 = y.square(); // 2
    let mut t2 = z.square(); // 3
    let mut t3 = x * y; // 4
    t3 = t3 + t3; // 5
    let mut z3 = x * z; // 6
    z3 = z3 + z3; // 7
    let mut x3 = a * z3; // 8
    let mut y3 = b3 * t2; // 9
    y3 = x3 + y3; // 10
    x3 = t1 - y3; // 11
    y3 = t1 + y3; // 12
    y3 = x3 * y3; // 13
    x3 = t3 * x3; // 14
    z3 = b3 * z3; // 15
    t2 = a * t2; // 16
    t3 = t0 - t2; // 17
    t3 = a * t3; // 18
    t3 += z3; // 19
    z3 = t0 + t0; // 20
    t0 = z3 + t0; // 21
    t0 += t2; // 22
    t0 *= t3; // 23
    y3 += t0; // 24
    t2 = y * z; // 25
    t2 = t2 + t2; // 26
    t0 = t2 * t3; // 27
    x3 -= t0; // 28
    z3 = t2 * t1; // 29
    z3 = z3 + z3; // 30
    z3 = z3 + z3; // 31
    P::new(x3, y3, z3)
}

/// RCB16 Algorithm 4: complete addition for `a = −3`. Cost 12M + 2m_b + 29a.
pub fn add_a_minus_3<C: Curve>(p: &P<C>, q: &P<C>) -> P<C> {
    let (x1, y1, z1) = (p.x, p.y, p.z);
    let (x2, y2, z2) = (q.x, q.y, q.z);
    let b = C::B;
    let mut t0 = x1 * x2; // 1
    let mut t1 = y1 * y2; // 2
    let mut t2 = z1 * z2; // 3
    let mut t3 = x1 + y1; // 4
    let mut t4 = x2 + y2; // 5
    t3 *= t4; // 6
    t4 = t0 + t1; // 7
    t3 -= t4; // 8
    t4 = y1 + z1; // 9
    let mut x3 = y2 + z2; // 10
    t4 *= x3; // 11
    x3 = t1 + t2; // 12
    t4 -= x3; // 13
    x3 = x1 + z1; // 14
    let mut y3 = x2 + z2; // 15
    x3 *= y3; // 16
    y3 = t0 + t2; // 17
    y3 = x3 - y3; // 18
    let mut z3 = b * t2; // 19
    x3 = y3 - z3; // 20
    z3 = x3 + x3; // 21
    x3 += z3; // 22
    z3 = t1 - x3; // 23
    x3 += t1; // 24
    y3 = b * y3; // 25
    t1 = t2 + t2; // 26
    t2 = t1 + t2; // 27
    y3 -= t2; // 28
    y3 -= t0; // 29
    t1 = y3 + y3; // 30
    y3 = t1 + y3; // 31
    t1 = t0 + t0; // 32
    t0 = t1 + t0; // 33
    t0 -= t2; // 34
    t1 = t4 * y3; // 35
    t2 = t0 * y3; // 36
    y3 = x3 * z3; // 37
    y3 += t2; // 38
    x3 = t3 * x3; // 39
    x3 -= t1; // 40
    z3 = t4 * z3; // 41
    t1 = t3 * t0; // 42
    z3 += t1; // 43
    P::new(x3, y3, z3)
}

/// RCB16 Algorithm 5: mixed addition `P + Q` for `a = −3`, with `Q = (x2, y2)` affine (`Z2 = 1`).
/// Cost 11M + 2m_b + 23a. `Q` must not be the identity (the caller selects around that case).
pub(crate) fn add_mixed_a_minus_3<C: Curve>(p: &P<C>, x2: &C::Base, y2: &C::Base) -> P<C> {
    let (x1, y1, z1) = (p.x, p.y, p.z);
    let (x2, y2) = (*x2, *y2);
    let b = C::B;
    let mut t0 = x1 * x2; // 1
    let mut t1 = y1 * y2; // 2
    let mut t3 = x2 + y2; // 3
    let mut t4 = x1 + y1; // 4
    t3 *= t4; // 5
    t4 = t0 + t1; // 6
    t3 -= t4; // 7
    t4 = y2 * z1; // 8
    t4 += y1; // 9
    let mut y3 = x2 * z1; // 10
    y3 += x1; // 11
    let mut z3 = b * z1; // 12
    let mut x3 = y3 - z3; // 13
    z3 = x3 + x3; // 14
    x3 += z3; // 15
    z3 = t1 - x3; // 16
    x3 += t1; // 17
    y3 = b * y3; // 18
    t1 = z1 + z1; // 19
    let mut t2 = t1 + z1; // 20
    y3 -= t2; // 21
    y3 -= t0; // 22
    t1 = y3 + y3; // 23
    y3 = t1 + y3; // 24
    t1 = t0 + t0; // 25
    t0 = t1 + t0; // 26
    t0 -= t2; // 27
    t1 = t4 * y3; // 28
    t2 = t0 * y3; // 29
    y3 = x3 * z3; // 30
    y3 += t2; // 31
    x3 = t3 * x3; // 32
    x3 -= t1; // 33
    z3 = t4 * z3; // 34
    t1 = t3 * t0; // 35
    z3 += t1; // 36
    P::new(x3, y3, z3)
}

/// RCB16 Algorithm 6: doubling for `a = −3`. Cost 8M + 3S + 2m_b + 21a.
pub fn double_a_minus_3<C: Curve>(p: &P<C>) -> P<C> {
    let (x, y, z) = (p.x, p.y, p.z);
    let b = C::B;
    let mut t0 = x.square(); // 1
    let t1 = y.square(); // 2
    let mut t2 = z.square(); // 3
    let mut t3 = x * y; // 4
    t3 = t3 + t3; // 5
    let mut z3 = x * z; // 6
    z3 = z3 + z3; // 7
    let mut y3 = b * t2; // 8
    y3 -= z3; // 9
    let mut x3 = y3 + y3; // 10
    y3 = x3 + y3; // 11
    x3 = t1 - y3; // 12
    y3 = t1 + y3; // 13
    y3 = x3 * y3; // 14
    x3 *= t3; // 15
    t3 = t2 + t2; // 16
    t2 += t3; // 17
    z3 = b * z3; // 18
    z3 -= t2; // 19
    z3 -= t0; // 20
    t3 = z3 + z3; // 21
    z3 += t3; // 22
    t3 = t0 + t0; // 23
    t0 = t3 + t0; // 24
    t0 -= t2; // 25
    t0 *= z3; // 26
    y3 += t0; // 27
    t0 = y * z; // 28
    t0 = t0 + t0; // 29
    z3 = t0 * z3; // 30
    x3 -= z3; // 31
    z3 = t0 * t1; // 32
    z3 = z3 + z3; // 33
    z3 = z3 + z3; // 34
    P::new(x3, y3, z3)
}

/// RCB16 Algorithm 7: complete addition for `a = 0` (`b3 = 3b`). Cost 12M + 2m_3b + 19a.
pub fn add_a_zero<C: Curve>(p: &P<C>, q: &P<C>) -> P<C> {
    let (x1, y1, z1) = (p.x, p.y, p.z);
    let (x2, y2, z2) = (q.x, q.y, q.z);
    let b3 = C::B3;
    let mut t0 = x1 * x2; // 1
    let mut t1 = y1 * y2; // 2
    let mut t2 = z1 * z2; // 3
    let mut t3 = x1 + y1; // 4
    let mut t4 = x2 + y2; // 5
    t3 *= t4; // 6
    t4 = t0 + t1; // 7
    t3 -= t4; // 8
    t4 = y1 + z1; // 9
    let mut x3 = y2 + z2; // 10
    t4 *= x3; // 11
    x3 = t1 + t2; // 12
    t4 -= x3; // 13
    x3 = x1 + z1; // 14
    let mut y3 = x2 + z2; // 15
    x3 *= y3; // 16
    y3 = t0 + t2; // 17
    y3 = x3 - y3; // 18
    x3 = t0 + t0; // 19
    t0 += x3; // 20
    t2 = b3 * t2; // 21
    let mut z3 = t1 + t2; // 22
    t1 -= t2; // 23
    y3 = b3 * y3; // 24
    x3 = t4 * y3; // 25
    t2 = t3 * t1; // 26
    x3 = t2 - x3; // 27
    y3 *= t0; // 28
    t1 *= z3; // 29
    y3 = t1 + y3; // 30
    t0 *= t3; // 31
    z3 *= t4; // 32
    z3 += t0; // 33
    P::new(x3, y3, z3)
}

/// RCB16 Algorithm 8: mixed addition for `a = 0`, `Q = (x2, y2)` affine and not the identity.
/// Cost 11M + 2m_3b + 13a.
pub(crate) fn add_mixed_a_zero<C: Curve>(p: &P<C>, x2: &C::Base, y2: &C::Base) -> P<C> {
    let (x1, y1, z1) = (p.x, p.y, p.z);
    let (x2, y2) = (*x2, *y2);
    let b3 = C::B3;
    let mut t0 = x1 * x2; // 1
    let mut t1 = y1 * y2; // 2
    let mut t3 = x2 + y2; // 3
    let mut t4 = x1 + y1; // 4
    t3 *= t4; // 5
    t4 = t0 + t1; // 6
    t3 -= t4; // 7
    t4 = y2 * z1; // 8
    t4 += y1; // 9
    let mut y3 = x2 * z1; // 10
    y3 += x1; // 11
    let mut x3 = t0 + t0; // 12
    t0 += x3; // 13
    let mut t2 = b3 * z1; // 14
    let mut z3 = t1 + t2; // 15
    t1 -= t2; // 16
    y3 = b3 * y3; // 17
    x3 = t4 * y3; // 18
    t2 = t3 * t1; // 19
    x3 = t2 - x3; // 20
    y3 *= t0; // 21
    t1 *= z3; // 22
    y3 = t1 + y3; // 23
    t0 *= t3; // 24
    z3 *= t4; // 25
    z3 += t0; // 26
    P::new(x3, y3, z3)
}

/// RCB16 Algorithm 9: doubling for `a = 0`. Cost 6M + 2S + 1m_3b + 9a.
pub fn double_a_zero<C: Curve>(p: &P<C>) -> P<C> {
    let (x, y, z) = (p.x, p.y, p.z);
    let b3 = C::B3;
    let mut t0 = y.square(); // 1
    let mut z3 = t0 + t0; // 2
    z3 = z3 + z3; // 3
    z3 = z3 + z3; // 4
    let mut t1 = y * z; // 5
    let mut t2 = z.square(); // 6
    t2 = b3 * t2; // 7
    let mut x3 = t2 * z3; // 8
    let mut y3 = t0 + t2; // 9
    z3 *= t1; // 10
    t1 = t2 + t2; // 11
    t2 += t1; // 12
    t0 -= t2; // 13
    y3 *= t0; // 14
    y3 = x3 + y3; // 15
    t1 = x * y; // 16
    x3 = t0 * t1; // 17
    x3 = x3 + x3; // 18
    P::new(x3, y3, z3)
}
