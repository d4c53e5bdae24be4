//! `toy_curve!` curves of small order (13 and 19) on the production code path, checked exhaustively
//! against the plain-integer reference of `ecckit::curves::toy` (chord-and-tangent, Fermat): the
//! fields, every point, every `k·P`, `a·G + b·P`, ECDSA and ECDH for every key; and each bad
//! definition refused by the compile-time check with a message that names it.

use ecckit::curves::toy::{self, IntPoint, ToyCurve, add_points, check, mul_point};
use ecckit::curves::{AShape, Curve};
use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::hazmat::{rfc6979_nonce, sign_prehashed};
use ecckit::ecdsa::{EcdsaCurve, Signature, SigningKey, VerifyingKey};
use ecckit::field::Field;
use ecckit::keys::SecretKey;
use ecckit::point::mul::{mul_base, mul_double_vartime};
use ecckit::point::{AffinePoint, ProjectivePoint};
use ecckit::teach;

ecckit::toy_curve! {
    /// y² = x³ + 2x + 2 over F_17, the textbook example: generic `a`.
    pub Toy17 { p: 17, a: 2, b: 2, generator: (5, 1), order: 19 }
}

ecckit::toy_curve! {
    /// y² = x³ − 3x + 1 over F_13: the `a = −3` formulas, 19 points.
    pub Toy13MinusThree { p: 13, a: -3, b: 1, generator: (0, 1), order: 19 }
}

ecckit::toy_curve! {
    /// y² = x³ + 2 over F_13: the `a = 0` formulas, 19 points.
    pub Toy13Zero { p: 13, a: 0, b: 2, generator: (1, 4), order: 19 }
}

ecckit::toy_curve! {
    /// y² = x³ + 3 over F_7: 13 points (libsecp256k1's exhaustive-test order).
    pub Toy7Order13 { p: 7, a: 0, b: 3, generator: (1, 2), order: 13 }
}

/// A point as the reference's integers.
fn int<C: ToyCurve>(p: &AffinePoint<C>) -> IntPoint {
    if bool::from(p.is_identity()) {
        None
    } else {
        Some((teach::value(&p.x()), teach::value(&p.y())))
    }
}

fn scalar<C: Curve>(k: u64) -> C::Scalar {
    C::Scalar::from_u64(k)
}

fn check_curve<C: ToyCurve + EcdsaCurve>(shape: AShape) {
    let (p, n, a) = (C::P, C::ORDER, C::A_INT);
    assert_eq!(C::A_SHAPE, shape);
    assert_eq!(C::B3, C::B + C::B + C::B);

    // The base field against integers: every pair for + and ·, every element for ⁻¹ and √.
    for x in 0..p {
        let fx = C::Base::from_u64(x);
        for y in 0..p {
            let fy = C::Base::from_u64(y);
            assert_eq!(teach::value(&(fx + fy)), (x + y) % p);
            assert_eq!(teach::value(&(fx * fy)), x * y % p);
            assert_eq!(teach::value(&(fx - fy)), (x + p - y) % p);
        }
        if x != 0 {
            let inv = teach::value(&fx.invert().unwrap());
            assert_eq!(x * inv % p, 1);
        }
        match Option::<C::Base>::from(fx.sqrt()) {
            Some(r) => assert_eq!(teach::value(&r.square()), x),
            None => assert!((0..p).all(|r| r * r % p != x)),
        }
        assert_eq!(fx.to_string(), x.to_string());
    }

    // The points: the same set as the reference, G's orbit is all of them.
    let points = teach::points::<C>();
    assert_eq!(teach::count_points::<C>(), n);
    let reference: Vec<IntPoint> = (0..p)
        .flat_map(|x| (0..p).map(move |y| (x, y)))
        .filter(|&(x, y)| toy::on_curve(p, a, C::B_INT, x, y))
        .map(Some)
        .collect();
    assert_eq!(points.iter().map(int).collect::<Vec<_>>(), reference);
    let g = AffinePoint::<C>::GENERATOR;
    assert_eq!(g.to_string(), format!("({}, {})", C::G_INT.0, C::G_INT.1));
    assert_eq!(AffinePoint::<C>::IDENTITY.to_string(), "O");
    assert_eq!(teach::order_vartime(&g), n);

    // Every k·P, constant-time and variable-time entry points, against the reference.
    for point in points.iter().chain([&AffinePoint::IDENTITY]) {
        let proj = point.to_projective();
        for k in 0..n {
            let want = mul_point(p, a, k, int(point));
            let ks = scalar::<C>(k);
            assert_eq!(int(&proj.mul(&ks).to_affine()), want, "{k}·{point}");
            assert_eq!(int(&point.mul(&ks).to_affine()), want);
            if !bool::from(point.is_identity()) {
                assert_eq!(int(&point.mul_public_point_vartime(&ks).to_affine()), want);
            }
        }
        assert_eq!(
            teach::order_vartime(point),
            if int(point).is_none() { 1 } else { n }
        );
    }
    for k in 0..n {
        let want = mul_point(p, a, k, Some(C::G_INT));
        assert_eq!(int(&mul_base::<C>(&scalar::<C>(k)).to_affine()), want);
    }
    let q = g.mul(&scalar::<C>(3));
    for x in 0..n {
        for y in 0..n {
            let want = add_points(
                p,
                a,
                mul_point(p, a, x, Some(C::G_INT)),
                mul_point(p, a, 3 * y, Some(C::G_INT)),
            );
            let got = mul_double_vartime(&scalar::<C>(x), &scalar::<C>(y), &q);
            assert_eq!(int(&got.to_affine()), want, "{x}·G + {y}·3G");
        }
    }
    // Projective coordinates for study.
    let (x, y, z) = ProjectivePoint::<C>::GENERATOR.coordinates();
    assert_eq!((x, y, z), (g.x(), g.y(), C::Base::ONE));

    // ECDSA and ECDH for every key.
    for d in 1..n {
        let key = SigningKey::<C>::from_bytes(scalar::<C>(d).to_bytes().as_ref()).unwrap();
        let vk = key.verifying_key();
        assert_eq!(
            int(vk.as_public_key().as_affine()),
            mul_point(p, a, d, Some(C::G_INT))
        );
        for msg in [&b"a"[..], b"toy", b"curve"] {
            let sig = key.sign(msg);
            vk.verify(msg, &sig).unwrap();
            assert_eq!(
                Signature::<C>::from_der(sig.to_der().as_bytes()).unwrap(),
                sig
            );
        }
        // Raw signing with every nonce against the formulas, in integers.
        let z = 7 % n;
        for k in 1..n {
            let r_point = mul_point(p, a, k, Some(C::G_INT)).unwrap();
            let r = r_point.0 % n;
            let k_inv = toy::pow_mod(k, n - 2, n);
            let s = toy::mul_mod(k_inv, (z + r * d) % n, n);
            match sign_prehashed::<C>(&scalar::<C>(d), &scalar::<C>(k), &scalar::<C>(z)) {
                Ok(sig) => {
                    assert_eq!((teach::value(&sig.r()), teach::value(&sig.s())), (r, s));
                }
                Err(_) => assert!(r == 0 || s == 0, "d = {d}, k = {k}"),
            }
        }
        let nonce = rfc6979_nonce::<C>(&scalar::<C>(d), &[1u8; 32]).unwrap();
        assert!(!bool::from(nonce.is_zero()));
        // ECDH with every peer.
        let secret = SecretKey::<C>::from_bytes(scalar::<C>(d).to_bytes().as_ref()).unwrap();
        for e in 1..n {
            let peer = SecretKey::<C>::from_bytes(scalar::<C>(e).to_bytes().as_ref()).unwrap();
            let shared = diffie_hellman(&secret, &peer.public_key());
            let want = mul_point(p, a, d * e % n, Some(C::G_INT)).unwrap().0;
            let got = shared
                .raw_secret_bytes()
                .iter()
                .fold(0u64, |acc, &b| acc << 8 | b as u64);
            assert_eq!(got, want);
        }
        // Recovery finds the key among the candidates.
        let (sig, id) = key.sign_recoverable(b"recover");
        assert_eq!(
            &VerifyingKey::recover_from_msg(b"recover", &sig, id).unwrap(),
            vk
        );
    }
}

#[test]
fn toy17_generic_a() {
    check_curve::<Toy17>(AShape::Generic);
}

#[test]
fn toy13_a_minus_three() {
    check_curve::<Toy13MinusThree>(AShape::MinusThree);
}

#[test]
fn toy13_a_zero() {
    check_curve::<Toy13Zero>(AShape::Zero);
}

#[test]
fn order_13() {
    check_curve::<Toy7Order13>(AShape::Zero);
}

/// Each bad definition gets the message of its check (the macro turns it into a compile error:
/// see the `compile_fail` examples of `toy_curve!`).
#[test]
fn bad_definitions_are_named() {
    let err = |p, a, b, g, n| check(p, a, b, g, n).unwrap_err();
    assert!(err(15, 2, 2, (5, 1), 19).contains("p is not prime"));
    assert!(err(3, 1, 1, (0, 1), 5).contains("at least 5"));
    assert!(err(17, 2, 2, (5, 1), 21).contains("order is not prime"));
    assert!(err(17, 0, 0, (0, 0), 19).contains("singular"));
    assert!(err(17, 2, 2, (5, 2), 19).contains("generator is not on the curve"));
    assert!(err(17, 2, 2, (5, 1), 17).contains("order·G is not the identity"));
    assert!(err(7, 0, 3, (1, 2), 3).contains("too small"));
    // y² = x³ − 3x + 1 over F_7 has 5 points, all with x ∈ {0, 5}: r = x mod 5 is always 0.
    assert!(err(7, 4, 1, (0, 1), 5).contains("ECDSA cannot sign"));
    // The book curve y² = x³ + 7 over F_223 has 252 points; (47, 71) has order 21 (not prime)
    // and 3·(47, 71) has order 7: a prime subgroup with cofactor 36.
    let (p, a, b) = (223, 0, 7);
    let g7 = mul_point(p, a, 3, Some((47, 71))).unwrap();
    assert_eq!(mul_point(p, a, 7, Some(g7)), None);
    assert!(err(p, a, b, g7, 7).contains("the group order is not `order`"));
    assert!(err(p, a, b, (47, 71), 21).contains("order is not prime"));
    assert_eq!(toy::count_points(223, 0, 7), 252);
    // Coefficients given as negative integers are reduced.
    assert_eq!(toy::reduce_signed(-3, 13), 10);
}
