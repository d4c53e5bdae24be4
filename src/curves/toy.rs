//! Toy curves: small curves for study, defined in one line with [`toy_curve!`](crate::toy_curve)
//! and checked at compile time.
//!
//! Layer: **curves**. Uses the field layer's [`LimbField`](crate::field::LimbField) (one 64-bit
//! limb, Montgomery form): a toy curve runs on the same field, point, scalar-multiplication and
//! ECDSA code as P-256, only with a modulus below `2^63`.
//!
//! The checks are `const fn`s on plain `u64` integers (products in `u128`), evaluated when the
//! curve's definition is compiled. A failed check stops the compilation with a message that names
//! it:
//!
//! | check | why the code needs it |
//! |---|---|
//! | `5 ≤ p < 2^63`, `p` prime | a prime field of characteristic ≠ 2, 3 (short Weierstrass form), one limb with room for a carry |
//! | `4a³ + 27b² ≢ 0 (mod p)` | a singular cubic is not an elliptic curve |
//! | `G` on the curve, `G ≠ O` | the generator must be a point of the group |
//! | `order` prime, `order ≥ 5` | `F_n` must be a field (inverses for ECDSA); scalar multiplication needs `n ≥ 5` |
//! | `order·G = O` | `order` is the order of `G` |
//! | `#E = order` (cofactor 1) | the formulas' and the protocols' proofs assume the whole group is `⟨G⟩` |
//! | `p < 2n` | ECDSA verification's `x(R) ∈ {r, r + n}` |
//!
//! Since `order` is prime and `order·G = O`, `G` has order exactly `order`, which divides `#E`;
//! Hasse's theorem puts `#E` in `[p + 1 − 2√p, p + 1 + 2√p]`. When `order` is the only multiple
//! of itself in that interval, `#E = order` follows; otherwise (a small `order` on a larger field,
//! where `#E` might be 2·order, 3·order, …) the points are counted, `#E = 1 + Σ_x (1 + χ(x³ + ax +
//! b))` with Euler's criterion `χ(v) = v^((p−1)/2)`, which the compiler can afford for
//! `p < 2^16`.

/// `a·b mod m`.
pub const fn mul_mod(a: u64, b: u64, m: u64) -> u64 {
    ((a as u128 * b as u128) % m as u128) as u64
}

/// `a + b mod m` for `a, b < m`.
pub const fn add_mod(a: u64, b: u64, m: u64) -> u64 {
    ((a as u128 + b as u128) % m as u128) as u64
}

/// `a − b mod m` for `a, b < m`.
pub const fn sub_mod(a: u64, b: u64, m: u64) -> u64 {
    add_mod(a, m - b, m)
}

/// `b^e mod m` by square-and-multiply.
pub const fn pow_mod(mut b: u64, mut e: u64, m: u64) -> u64 {
    let mut r = 1 % m;
    b %= m;
    while e > 0 {
        if e & 1 == 1 {
            r = mul_mod(r, b, m);
        }
        b = mul_mod(b, b, m);
        e >>= 1;
    }
    r
}

/// `v mod m` for a signed `v` (a coefficient written as `−3`, say).
pub const fn reduce_signed(v: i128, m: u64) -> u64 {
    v.rem_euclid(m as i128) as u64
}

/// Whether `n` is prime: trial division by the primes below 40, then the Miller–Rabin test with
/// those primes as bases, which is deterministic for every `n < 3.3·10^24` (Sorenson and Webster
/// 2015), so for every `u64`.
pub const fn is_prime(n: u64) -> bool {
    const BASES: [u64; 12] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];
    if n < 2 {
        return false;
    }
    let mut i = 0;
    while i < BASES.len() {
        if n == BASES[i] {
            return true;
        }
        if n.is_multiple_of(BASES[i]) {
            return false;
        }
        i += 1;
    }
    // n − 1 = d·2^s with d odd.
    let s = (n - 1).trailing_zeros();
    let d = (n - 1) >> s;
    let mut i = 0;
    while i < BASES.len() {
        let mut x = pow_mod(BASES[i], d, n);
        if x != 1 && x != n - 1 {
            let mut r = 1;
            while r < s && x != n - 1 {
                x = mul_mod(x, x, n);
                r += 1;
            }
            if x != n - 1 {
                return false;
            }
        }
        i += 1;
    }
    true
}

/// A point in affine coordinates with plain integers; `None` is the identity `O`.
pub type IntPoint = Option<(u64, u64)>;

/// `y² = x³ + a·x + b (mod p)`.
pub const fn on_curve(p: u64, a: u64, b: u64, x: u64, y: u64) -> bool {
    let rhs = add_mod(
        add_mod(mul_mod(mul_mod(x, x, p), x, p), mul_mod(a, x, p), p),
        b,
        p,
    );
    mul_mod(y, y, p) == rhs
}

/// `P + Q` by the textbook chord-and-tangent rule (with Fermat inversion): the reference group
/// law, written independently of the crate's projective formulas.
pub const fn add_points(p: u64, a: u64, pt: IntPoint, qt: IntPoint) -> IntPoint {
    let (x1, y1) = match pt {
        None => return qt,
        Some(c) => c,
    };
    let (x2, y2) = match qt {
        None => return pt,
        Some(c) => c,
    };
    let lambda = if x1 == x2 {
        if add_mod(y1, y2, p) == 0 {
            return None;
        }
        // Tangent: λ = (3x² + a) / 2y.
        let num = add_mod(mul_mod(3, mul_mod(x1, x1, p), p), a, p);
        mul_mod(num, pow_mod(mul_mod(2, y1, p), p - 2, p), p)
    } else {
        // Chord: λ = (y2 − y1) / (x2 − x1).
        mul_mod(sub_mod(y2, y1, p), pow_mod(sub_mod(x2, x1, p), p - 2, p), p)
    };
    let x3 = sub_mod(sub_mod(mul_mod(lambda, lambda, p), x1, p), x2, p);
    let y3 = sub_mod(mul_mod(lambda, sub_mod(x1, x3, p), p), y1, p);
    Some((x3, y3))
}

/// `k·P` by double-and-add on the reference group law.
pub const fn mul_point(p: u64, a: u64, mut k: u64, pt: IntPoint) -> IntPoint {
    let mut acc: IntPoint = None;
    let mut base = pt;
    while k > 0 {
        if k & 1 == 1 {
            acc = add_points(p, a, acc, base);
        }
        base = add_points(p, a, base, base);
        k >>= 1;
    }
    acc
}

/// The largest `p` whose points [`count_points`] counts at compile time.
pub const COUNT_LIMIT: u64 = 1 << 16;

/// `#E`, the number of points of `y² = x³ + ax + b` over `F_p`, the identity included:
/// `1 + Σ_x (1 + χ(x³ + ax + b))`, with the quadratic character `χ` by Euler's criterion.
/// `p·log p` multiplications: for small `p`.
pub const fn count_points(p: u64, a: u64, b: u64) -> u64 {
    let mut count = 1;
    let mut x = 0;
    while x < p {
        let v = add_mod(
            add_mod(mul_mod(mul_mod(x, x, p), x, p), mul_mod(a, x, p), p),
            b,
            p,
        );
        count += if v == 0 {
            1
        } else if pow_mod(v, (p - 1) / 2, p) == 1 {
            2
        } else {
            0
        };
        x += 1;
    }
    count
}

/// `⌊√v⌋`.
const fn isqrt(v: u128) -> u128 {
    if v < 2 {
        return v;
    }
    // Newton's iteration from above.
    let mut x = v;
    let mut y = x.div_ceil(2);
    while y < x {
        x = y;
        y = (x + v / x) / 2;
    }
    x
}

/// Whether `m` lies in the Hasse interval of `F_p`: `|m − (p + 1)| ≤ 2√p`, i.e.
/// `(m − p − 1)² ≤ 4p`.
const fn in_hasse_interval(m: u128, p: u64) -> bool {
    let c = p as u128 + 1;
    let t = m.abs_diff(c);
    t <= isqrt(4 * p as u128)
}

/// Every check of the module docs, for the parameters of a `toy_curve!` (`a`, `b` and `G`
/// already reduced mod `p`): `Err` with a message that names the first check that fails. The
/// macro turns an `Err` into a compile error.
pub const fn check(p: u64, a: u64, b: u64, g: (u64, u64), order: u64) -> Result<(), &'static str> {
    if p < 5 {
        return Err(
            "toy_curve!: p must be at least 5 (short Weierstrass form needs characteristic ≠ 2, 3)",
        );
    }
    if p >= 1 << 63 {
        return Err("toy_curve!: p must be below 2^63");
    }
    if !is_prime(p) {
        return Err("toy_curve!: p is not prime");
    }
    if order >= 1 << 63 {
        return Err("toy_curve!: order must be below 2^63");
    }
    if !is_prime(order) {
        return Err("toy_curve!: order is not prime");
    }
    if order < 5 {
        return Err(
            "toy_curve!: order is too small for ecckit's scalar multiplication (order ≥ 5)",
        );
    }
    let disc = add_mod(
        mul_mod(4, mul_mod(mul_mod(a, a, p), a, p), p),
        mul_mod(27, mul_mod(b, b, p), p),
        p,
    );
    if disc == 0 {
        return Err("toy_curve!: the curve is singular (4a³ + 27b² ≡ 0 mod p)");
    }
    if !on_curve(p, a, b, g.0, g.1) {
        return Err("toy_curve!: the generator is not on the curve");
    }
    if mul_point(p, a, order, Some(g)).is_some() {
        return Err("toy_curve!: order·G is not the identity (order is not the order of G)");
    }
    // `G` has prime order `order`, which divides #E; #E lies in the Hasse interval.
    if !in_hasse_interval(order as u128, p) {
        return Err(
            "toy_curve!: the group order is not `order` (order is outside the Hasse interval: the cofactor is not 1)",
        );
    }
    if in_hasse_interval(2 * order as u128, p) || in_hasse_interval(3 * order as u128, p) {
        // The Hasse bound leaves room for a cofactor: count the points.
        if p >= COUNT_LIMIT {
            return Err(
                "toy_curve!: cannot confirm cofactor 1: order is too small for the Hasse bound to decide and p is too large (≥ 2^16) to count the points",
            );
        }
        if count_points(p, a, b) != order {
            return Err(
                "toy_curve!: the group order is not `order` (the curve has more points: the cofactor is not 1)",
            );
        }
    }
    if p as u128 >= 2 * order as u128 {
        return Err("toy_curve!: ECDSA verification needs p < 2·order");
    }
    // Field elements and scalars share one encoding length in the SEC1 and signature code.
    if (64 - p.leading_zeros()).div_ceil(8) != (64 - order.leading_zeros()).div_ceil(8) {
        return Err("toy_curve!: p and order must have the same byte length");
    }
    if !ecdsa_can_sign(p, a, g, order) {
        return Err(
            "toy_curve!: ECDSA cannot sign on this curve (fewer than two non-zero values of r = x(k·G) mod order)",
        );
    }
    Ok(())
}

/// Whether ECDSA signing always finds a nonce: some two multiples `k·G` give distinct non-zero
/// `r = x(k·G) mod n`. Signing needs `r ≠ 0` and `s ≠ 0`, i.e. `z + r·d ≢ 0`; for a given key `d`
/// and digest `z` at most one `r` fails the second condition (`r ≡ −z/d`), so two distinct
/// non-zero values of `r` leave a valid nonce for every `(d, z)`. On a tiny group all multiples may
/// share one `x` mod `n` (order 5 over `F_7`: `x ∈ {0, 5}`), and signing would never end. The
/// search stops at the second value, which comes within a few multiples on any real curve.
pub const fn ecdsa_can_sign(p: u64, a: u64, g: (u64, u64), order: u64) -> bool {
    let mut first = 0;
    let mut point: IntPoint = Some(g);
    let mut k = 1;
    while k < order {
        if let Some((x, _)) = point {
            let r = x % order;
            if r != 0 {
                if first == 0 {
                    first = r;
                } else if r != first {
                    return true;
                }
            }
        }
        point = add_points(p, a, point, Some(g));
        k += 1;
    }
    false
}

/// The byte length of a toy curve's encodings: enough for `p` and for `order`.
pub const fn encoding_len(p: u64, order: u64) -> usize {
    let bits = if p > order {
        64 - p.leading_zeros()
    } else {
        64 - order.leading_zeros()
    };
    bits.div_ceil(8) as usize
}

/// The formula set for `a`: `Zero`, `MinusThree` (`a ≡ p − 3`) or `Generic`.
pub const fn a_shape(p: u64, a: u64) -> super::AShape {
    if a == 0 {
        super::AShape::Zero
    } else if a == p - 3 {
        super::AShape::MinusThree
    } else {
        super::AShape::Generic
    }
}

/// A curve defined by [`toy_curve!`](crate::toy_curve): its parameters as integers, for the
/// study tools of [`teach`](crate::teach) and for `Display` (its field elements print as integers).
pub trait ToyCurve: super::Curve<Base: core::fmt::Display, Scalar: core::fmt::Display> {
    /// The prime `p`.
    const P: u64;
    /// The group order `n` (prime; the curve has cofactor 1).
    const ORDER: u64;
    /// `a mod p`.
    const A_INT: u64;
    /// `b mod p`.
    const B_INT: u64;
    /// The generator `(x, y)`.
    const G_INT: (u64, u64);
}

/// Defines a toy curve `y² = x³ + a·x + b` over `F_p` with a generator of prime order, in one
/// line, checked at compile time (see [`curves::toy`](crate::curves::toy) for the checks).
///
/// ```
/// ecckit::toy_curve! {
///     /// y² = x³ + 2x + 2 over F_17, the textbook example.
///     pub Toy17 { p: 17, a: 2, b: 2, generator: (5, 1), order: 19 }
/// }
///
/// use ecckit::field::Field;
/// use ecckit::point::{AffinePoint, ProjectivePoint};
/// let g = AffinePoint::<Toy17>::GENERATOR;
/// assert_eq!(g.to_string(), "(5, 1)");
/// let k = <Toy17 as ecckit::curves::Curve>::Scalar::from_u64(19 - 1);
/// assert_eq!(g.mul(&k).to_affine(), -g); // (n − 1)·G = −G
/// ```
///
/// `p` and `order` are `u64` primes below `2^63`; `a`, `b` and the coordinates are integers,
/// reduced mod `p` (`a: -3` works). It derives `3b` and the formula set (`a = 0`, `a = −3`,
/// generic). Every generic API takes the new type: `point::AffinePoint<Toy17>`,
/// `keys::SecretKey<Toy17>`, `ecdsa::SigningKey<Toy17>` (ECDSA with SHA-256), ….
///
/// A bad definition does not compile. The book curve `y² = x³ + 7` over `F_223`, whose group has
/// 252 points, is refused because `G` there does not generate the whole group:
///
/// ```compile_fail
/// ecckit::toy_curve! {
///     pub Book223 { p: 223, a: 0, b: 7, generator: (47, 71), order: 21 }
/// }
/// let _ = ecckit::point::AffinePoint::<Book223>::GENERATOR;
/// ```
///
/// The checks run where the curve is defined, whether or not it is used. A generator off the
/// curve:
///
/// ```compile_fail,E0080
/// ecckit::toy_curve! {
///     pub Off { p: 17, a: 2, b: 2, generator: (5, 2), order: 19 }
/// }
/// ```
///
/// a singular curve (`y² = x³`):
///
/// ```compile_fail,E0080
/// ecckit::toy_curve! {
///     pub Cusp { p: 17, a: 0, b: 0, generator: (1, 1), order: 19 }
/// }
/// ```
///
/// and a prime subgroup of the book curve, of order 7 with cofactor 36:
///
/// ```compile_fail,E0080
/// ecckit::toy_curve! {
///     pub Book223Sub7 { p: 223, a: 0, b: 7, generator: (15, 137), order: 7 }
/// }
/// ```
#[macro_export]
macro_rules! toy_curve {
    (
        $(#[$meta:meta])*
        $vis:vis $name:ident {
            p: $p:expr,
            a: $a:expr,
            b: $b:expr,
            generator: ($gx:expr, $gy:expr),
            order: $n:expr $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        $vis struct $name;

        const _: () = {
            use $crate::curves::toy as __toy;
            const P: u64 = $p;
            const N: u64 = $n;
            const A: u64 = __toy::reduce_signed(($a) as i128, P);
            const B: u64 = __toy::reduce_signed(($b) as i128, P);
            const G: (u64, u64) = (
                __toy::reduce_signed(($gx) as i128, P),
                __toy::reduce_signed(($gy) as i128, P),
            );
            const LEN: usize = __toy::encoding_len(P, N);
            // Every check, in the compiler: a failure is a compile error naming the check.
            const CHECKED: () = match __toy::check(P, A, B, G, N) {
                Ok(()) => (),
                Err(message) => panic!("{}", message),
            };

            /// The base field's modulus.
            #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
            pub struct BaseModulus;
            impl $crate::field::LimbParams<1> for BaseModulus {
                const MODULUS: [u64; 1] = [P];
                type Bytes = [u8; LEN];
                const NAME: &'static str = concat!("F_p of ", stringify!($name));
            }
            /// The scalar field's modulus.
            #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
            pub struct ScalarModulus;
            impl $crate::field::LimbParams<1> for ScalarModulus {
                const MODULUS: [u64; 1] = [N];
                type Bytes = [u8; LEN];
                const NAME: &'static str = concat!("F_n of ", stringify!($name));
            }
            type Fp = $crate::field::LimbField<BaseModulus, 1>;

            impl $crate::curves::Curve for $name {
                type Base = Fp;
                type Scalar = $crate::field::LimbField<ScalarModulus, 1>;
                const NAME: &'static str = {
                    let () = CHECKED;
                    stringify!($name)
                };
                const A: Fp = Fp::from_uint_const(&[A]);
                const B: Fp = Fp::from_uint_const(&[B]);
                const B3: Fp = Fp::from_uint_const(&[__toy::mul_mod(3, B, P)]);
                const A_SHAPE: $crate::curves::AShape = {
                    let () = CHECKED;
                    __toy::a_shape(P, A)
                };
                const GENERATOR: (Fp, Fp) = {
                    let () = CHECKED;
                    (Fp::from_uint_const(&[G.0]), Fp::from_uint_const(&[G.1]))
                };
            }

            impl $crate::curves::toy::ToyCurve for $name {
                const P: u64 = P;
                const ORDER: u64 = N;
                const A_INT: u64 = A;
                const B_INT: u64 = B;
                const G_INT: (u64, u64) = G;
            }

            /// ECDSA on a toy curve uses SHA-256 (its digest is cut to the order's bit length).
            impl $crate::ecdsa::EcdsaCurve for $name {
                type Digest = $crate::__private::Sha256;
            }
        };
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primes_against_trial_division() {
        let trial = |n: u64| {
            n >= 2
                && (2..)
                    .take_while(|d| d * d <= n)
                    .all(|d| !n.is_multiple_of(d))
        };
        for n in 0..5000 {
            assert_eq!(is_prime(n), trial(n), "{n}");
        }
        // Strong pseudoprimes to several bases, and large primes.
        for n in [
            3_215_031_751u64,
            2_152_302_898_747,
            3_474_749_660_383,
            341_550_071_728_321,
        ] {
            assert!(!is_prime(n), "{n}");
        }
        assert!(is_prime((1 << 61) - 1));
        assert!(is_prime(18_446_744_073_709_551_557)); // the largest prime below 2^64
        assert!(!is_prime(u64::MAX));
    }

    #[test]
    fn counts_and_group_law_on_the_textbook_curve() {
        // y² = x³ + 2x + 2 over F_17: 19 points with the identity, G = (5, 1) of order 19.
        assert_eq!(count_points(17, 2, 2), 19);
        let g = Some((5, 1));
        assert_eq!(add_points(17, 2, g, g), Some((6, 3)));
        assert_eq!(mul_point(17, 2, 19, g), None);
        assert_eq!(mul_point(17, 2, 18, g), Some((5, 16)));
        assert_eq!(check(17, 2, 2, (5, 1), 19), Ok(()));
    }

    #[test]
    fn hasse_interval() {
        // p = 17: p + 1 = 18, 2√17 ≈ 8.25: the interval is [10, 26].
        assert!(!in_hasse_interval(9, 17));
        assert!(in_hasse_interval(10, 17));
        assert!(in_hasse_interval(26, 17));
        assert!(!in_hasse_interval(27, 17));
    }

    #[test]
    fn p_and_order_of_different_byte_lengths_are_refused() {
        // p = 65537 (17 bits, 3 bytes) and order 65423 (16 bits, 2 bytes): a valid curve whose
        // field elements and scalars would have different encodings, which signing cannot handle.
        assert_eq!(
            check(65537, 65537 - 3, 20, (1, 12240), 65423),
            Err("toy_curve!: p and order must have the same byte length")
        );
    }
}
