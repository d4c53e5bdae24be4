//! Helpers shared by the integration tests: generic group-law and protocol checks, written once
//! and called per curve.
#![allow(dead_code)]

pub mod bad_input;
pub mod field;
pub mod wycheproof;

use ecckit::ecdsa::EcdsaCurve;
use ecckit::field::{ByteArray, Field};
use ecckit::point::jacobian::{JacobianPoint, batch_to_affine_vartime};
use ecckit::point::mul::{mul, mul_base, mul_double_vartime, mul_reference_vartime};
use ecckit::point::{AffinePoint, ProjectivePoint};
use rand::Rng;

/// Decodes hex (test data only).
pub fn hex(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// A deterministic RNG for reproducible tests.
pub fn test_rng(seed: u64) -> rand::rngs::StdRng {
    rand::SeedableRng::seed_from_u64(seed)
}

/// A uniformly random scalar (reduced from random bytes).
pub fn random_scalar<C: EcdsaCurve, R: Rng>(rng: &mut R) -> C::Scalar {
    let mut b = <C::Scalar as Field>::Bytes::zeroed();
    rng.fill_bytes(b.as_mut());
    C::Scalar::from_bytes_reduced(&b)
}

/// Scalars that exercise edges: 0, 1, 2, n−1, n−2, (n−1)/2, (n+1)/2, and some random ones.
pub fn edge_scalars<C: EcdsaCurve>(seed: u64, random: usize) -> Vec<C::Scalar> {
    let one = C::Scalar::ONE;
    let two = one + one;
    let half = (C::Scalar::ZERO - one) * two.invert().unwrap(); // (n−1)/2 ≡ −1/2
    let mut v = vec![
        C::Scalar::ZERO,
        one,
        two,
        -one,
        -two,
        half,
        half + one,
        C::Scalar::from_u64(16),
        C::Scalar::from_u64(u64::MAX),
    ];
    let mut rng = test_rng(seed);
    v.extend((0..random).map(|_| random_scalar::<C, _>(&mut rng)));
    v
}

/// Affine addition by the textbook chord-and-tangent formulas, with inversions: the reference the
/// projective formulas are checked against.
pub fn affine_add_reference<C: EcdsaCurve>(
    p: &AffinePoint<C>,
    q: &AffinePoint<C>,
) -> AffinePoint<C> {
    if bool::from(p.is_identity()) {
        return *q;
    }
    if bool::from(q.is_identity()) {
        return *p;
    }
    let (x1, y1, x2, y2) = (p.x(), p.y(), q.x(), q.y());
    let lambda = if x1 == x2 {
        if y1 != y2 || bool::from(y1.is_zero()) {
            return AffinePoint::IDENTITY;
        }
        let three_x2 = x1.square() + x1.square() + x1.square();
        (three_x2 + C::A) * (y1 + y1).invert().unwrap()
    } else {
        (y2 - y1) * (x2 - x1).invert().unwrap()
    };
    let x3 = lambda.square() - x1 - x2;
    let y3 = lambda * (x1 - x3) - y1;
    AffinePoint::from_coordinates(x3, y3).unwrap()
}

/// The group law for curve `C`: identity, inverse, commutativity, associativity, doubling, mixed
/// addition, agreement with the affine reference, and `n·G = O`.
pub fn check_group_law<C: EcdsaCurve>() {
    let g = ProjectivePoint::<C>::GENERATOR;
    let o = ProjectivePoint::<C>::IDENTITY;
    assert!(
        bool::from(AffinePoint::<C>::GENERATOR.is_on_curve()),
        "G on curve"
    );
    let scalars = edge_scalars::<C>(1, 6);
    let points: Vec<ProjectivePoint<C>> = scalars
        .iter()
        .map(|k| mul_reference_vartime(&g, k))
        .collect();
    for p in &points {
        assert_eq!(*p + o, *p, "P + O = P");
        assert_eq!(o + *p, *p, "O + P = P");
        assert!(bool::from((*p + -*p).is_identity()), "P + (−P) = O");
        assert_eq!(p.double(), *p + *p, "2P = P + P");
        let same = *p;
        assert_eq!(*p - same, o, "P − P = O");
        let pa = p.to_affine();
        assert!(bool::from(pa.is_on_curve()));
        assert_eq!(pa.to_projective(), *p, "affine round trip");
        for q in &points {
            let qa = q.to_affine();
            assert_eq!(*p + *q, *q + *p, "commutative");
            assert_eq!(p.add_mixed(&qa), *p + *q, "mixed addition");
            assert_eq!(
                (*p + *q).to_affine(),
                affine_add_reference(&pa, &qa),
                "affine reference"
            );
        }
    }
    for (i, a) in points.iter().enumerate().take(5) {
        for b in points.iter().skip(i).take(3) {
            for c in points.iter().take(3) {
                assert_eq!((*a + *b) + *c, *a + (*b + *c), "associative");
            }
        }
    }
    // n·G = O: (n − 1)·G + G.
    let n_minus_1 = -C::Scalar::ONE;
    assert!(
        bool::from((mul(&g, &n_minus_1) + g).is_identity()),
        "n·G = O"
    );
    assert_eq!(mul(&g, &n_minus_1), -g, "(n−1)·G = −G");
    check_jacobian::<C>();
}

/// The Jacobian formulas against the complete ones: conversions both ways (the identity's
/// representatives included), doubling, mixed addition with its exceptional cases (identity
/// operands, `P = Q`, `P = −Q`), and batch normalisation.
pub fn check_jacobian<C: EcdsaCurve>() {
    let g = ProjectivePoint::<C>::GENERATOR;
    let o = ProjectivePoint::<C>::IDENTITY;
    let scalars = edge_scalars::<C>(3, 6);
    // Each point with Z = 1 and with another Z (2P − P), and identity representatives.
    let mut points: Vec<ProjectivePoint<C>> = Vec::new();
    for k in &scalars {
        let p = mul_reference_vartime(&g, k);
        points.push(p.to_affine().to_projective());
        points.push(p.double() - p);
    }
    points.push(o);
    points.push(g + -g); // an identity with Z = 0 from the formulas
    for p in &points {
        let j = JacobianPoint::from_projective(p);
        assert_eq!(bool::from(j.is_identity()), bool::from(p.is_identity()));
        let back = j.to_projective();
        assert_eq!(back, *p, "homogeneous → Jacobian → homogeneous");
        // The converted point must work in the complete formulas, the identity included.
        assert_eq!(back + g, *p + g, "converted point + G");
        assert_eq!(g + back, g + *p, "G + converted point");
        assert_eq!(back.double(), p.double(), "double(converted point)");
        let mut want = *p;
        let mut jj = j;
        for i in 0..4 {
            want = want.double();
            jj = jj.double();
            let got = jj.to_projective();
            assert_eq!(got, want, "{} Jacobian doublings", i + 1);
            assert_eq!(got + g, want + g, "doubled point + G");
        }
        assert_eq!(
            JacobianPoint::from_affine(&p.to_affine()).to_projective(),
            *p
        );
        assert_eq!(j.neg().to_projective(), -*p, "negation");
        for q in &points {
            let qa = q.to_affine();
            let sum = j.add_mixed_vartime(&qa);
            assert_eq!(sum.to_projective(), *p + *q, "Jacobian + affine");
        }
        // The exceptional cases again, explicitly: P + P, P + (−P).
        let pa = p.to_affine();
        assert_eq!(
            j.add_mixed_vartime(&pa).to_projective(),
            p.double(),
            "P + P"
        );
        assert!(bool::from(j.add_mixed_vartime(&-pa).is_identity()), "P − P");
        // The constant-time madd: right for every q ≠ P, including the identity on either side
        // and q = −P (its documented cases); only q = P is excluded by its contract.
        for q in &points {
            if q == p && !bool::from(p.is_identity()) {
                continue;
            }
            let sum = j.add_mixed_distinct(&q.to_affine()).to_projective();
            assert_eq!(sum, *p + *q, "constant-time Jacobian + affine");
        }
        assert!(
            bool::from(j.add_mixed_distinct(&-pa).is_identity()),
            "ct P − P"
        );
    }
    assert_eq!(
        JacobianPoint::<C>::IDENTITY
            .add_mixed_distinct(&AffinePoint::IDENTITY)
            .to_projective(),
        o,
        "ct O + O"
    );
    let identity = JacobianPoint::<C>::IDENTITY;
    assert_eq!(identity.to_projective(), o);
    assert!(bool::from(identity.double().is_identity()));
    assert_eq!(
        identity.add_mixed_vartime(&g.to_affine()).to_projective(),
        g
    );
    // Batch normalisation, with identities among the points.
    let mut batch = [o; 8];
    for (b, p) in batch.iter_mut().zip(points.iter().skip(1).step_by(2)) {
        *b = *p;
    }
    batch[5] = o;
    let affine = batch_to_affine_vartime(&batch);
    for (a, p) in affine.iter().zip(&batch) {
        assert_eq!(*a, p.to_affine(), "batch_to_affine_vartime");
    }
    assert_eq!(batch_to_affine_vartime(&[o; 3]), [AffinePoint::IDENTITY; 3]);
}

/// Constant-time multiplication = variable-time double-base = plain double-and-add, on edge and
/// random scalars, for `G` and a random point.
pub fn check_scalar_mul<C: EcdsaCurve>(seed: u64) {
    let g = ProjectivePoint::<C>::GENERATOR;
    let mut rng = test_rng(seed);
    let p = mul_reference_vartime(&g, &random_scalar::<C, _>(&mut rng));
    let scalars = edge_scalars::<C>(seed, 8);
    for k in &scalars {
        let want_g = mul_reference_vartime(&g, k);
        assert_eq!(mul_base::<C>(k), want_g, "mul_base");
        assert_eq!(mul(&g, k), want_g, "mul(G)");
        let want_p = mul_reference_vartime(&p, k);
        assert_eq!(mul(&p, k), want_p, "mul(P)");
        for l in scalars.iter().take(4) {
            let want = want_g + mul_reference_vartime(&p, l);
            assert_eq!(mul_double_vartime(k, l, &p), want, "a·G + b·P");
        }
    }
    // Linearity: (a + b)·P = a·P + b·P, (a·b)·G = a·(b·G).
    for _ in 0..4 {
        let a = random_scalar::<C, _>(&mut rng);
        let b = random_scalar::<C, _>(&mut rng);
        assert_eq!(mul(&p, &(a + b)), mul(&p, &a) + mul(&p, &b));
        assert_eq!(mul_base::<C>(&(a * b)), mul(&mul_base::<C>(&b), &a));
    }
}

/// SEC1 round trips, compressed and uncompressed, and rejection of the identity and bad tags.
pub fn check_sec1<C: EcdsaCurve>(seed: u64) {
    let mut rng = test_rng(seed);
    for _ in 0..16 {
        let p = mul_base::<C>(&random_scalar::<C, _>(&mut rng)).to_affine();
        for compress in [false, true] {
            let enc = p.to_sec1_bytes(compress);
            assert_eq!(AffinePoint::<C>::from_sec1_bytes(&enc).unwrap(), p);
            let mut bad = enc.to_vec();
            bad[0] = 0x05;
            assert!(AffinePoint::<C>::from_sec1_bytes(&bad).is_err());
            assert!(AffinePoint::<C>::from_sec1_bytes(&enc[..enc.len() - 1]).is_err());
        }
        // Decompression from x and the parity of y gives P, the other parity −P.
        let odd = p.y().is_odd();
        assert_eq!(AffinePoint::<C>::decompress(&p.x(), odd).unwrap(), p);
        assert_eq!(AffinePoint::<C>::decompress(&p.x(), !odd).unwrap(), -p);
        // Flip a bit of y: off the curve.
        let mut enc = p.to_sec1_bytes(false).to_vec();
        let last = enc.len() - 1;
        enc[last] ^= 1;
        assert_eq!(
            AffinePoint::<C>::from_sec1_bytes(&enc),
            Err(ecckit::Error::NotOnCurve)
        );
    }
    // About half of all x have no point: decompression says so.
    let mut x = C::Base::ZERO;
    let mut misses = 0;
    for _ in 0..64 {
        x += C::Base::ONE;
        let rhs = (x.square() + C::A) * x + C::B;
        let found = AffinePoint::<C>::decompress(&x, subtle::Choice::from(0));
        assert_eq!(
            bool::from(found.is_some()),
            bool::from(rhs.sqrt().is_some())
        );
        misses += usize::from(bool::from(found.is_none()));
    }
    assert!(misses > 0, "some x in 1..=64 is not an abscissa");
    assert_eq!(
        AffinePoint::<C>::from_sec1_bytes(&[0]),
        Err(ecckit::Error::IdentityPoint)
    );
    assert_eq!(
        AffinePoint::<C>::IDENTITY.to_sec1_bytes(true).as_slice(),
        &[0]
    );
}

/// ECDSA and ECDH round trips with random keys: sign/verify, tampering, encodings, low-S, ECDH.
pub fn check_protocols<C: EcdsaCurve>(seed: u64) {
    use ecckit::ecdh::{EphemeralSecret, diffie_hellman};
    use ecckit::ecdsa::{Signature, SigningKey, VerifyingKey};
    use ecckit::keys::SecretKey;
    let mut rng = test_rng(seed);
    for i in 0..8u8 {
        let sk = SigningKey::<C>::random(&mut rng);
        let vk = sk.verifying_key();
        let msg = [i; 40];
        let sig = sk.sign(&msg);
        assert_eq!(sig, sk.sign(&msg), "RFC 6979 is deterministic");
        vk.verify(&msg, &sig).unwrap();
        let sig2 = sk.sign_with_rng(&mut rng, &msg);
        assert_ne!(sig, sig2, "added entropy changes the nonce");
        vk.verify(&msg, &sig2).unwrap();
        // The self-checking forms return what the plain ones do, verified.
        assert_eq!(sk.sign_checked(&msg), Ok(sig), "checked RFC 6979 signing");
        let sig3 = sk.sign_with_rng_checked(&mut rng, &msg).unwrap();
        assert_ne!(sig3, sig2, "checked hedged signing draws fresh entropy");
        vk.verify(&msg, &sig3).unwrap();
        assert!(vk.verify(&[i ^ 1; 40], &sig).is_err(), "other message");
        let other = SigningKey::<C>::random(&mut rng);
        assert!(
            other.verifying_key().verify(&msg, &sig).is_err(),
            "other key"
        );
        // Encodings.
        assert_eq!(Signature::<C>::from_bytes(&sig.to_bytes()).unwrap(), sig);
        assert_eq!(
            Signature::<C>::from_der(sig.to_der().as_bytes()).unwrap(),
            sig
        );
        let normalized = sig.normalize_s();
        assert!(bool::from(normalized.is_low_s()));
        vk.verify(&msg, &normalized).unwrap();
        vk.verify_low_s(&msg, &normalized).unwrap();
        let high = Signature::<C>::from_scalars(normalized.r(), -normalized.s()).unwrap();
        assert!(!bool::from(high.is_low_s()));
        vk.verify(&msg, &high).unwrap();
        assert!(
            vk.verify_low_s(&msg, &high).is_err(),
            "verify_low_s rejects high S"
        );
        if C::LOW_S {
            assert!(bool::from(sig.is_low_s()), "low-S curves sign low S");
        }
        // Public-key recovery.
        let (rsig, recid) = sk.sign_recoverable(&msg);
        assert_eq!(rsig, sig);
        assert_eq!(
            &VerifyingKey::<C>::recover_from_msg(&msg, &sig, recid).unwrap(),
            vk
        );
        let wrong = ecckit::ecdsa::RecoveryId::from_byte(recid.to_byte() ^ 1).unwrap();
        assert_ne!(
            VerifyingKey::<C>::recover_from_msg(&msg, &sig, wrong)
                .ok()
                .as_ref(),
            Some(vk)
        );
        let digest = [i; 48];
        let (psig, pid) = sk.sign_prehash_recoverable(&digest).unwrap();
        assert_eq!(
            &VerifyingKey::<C>::recover_from_prehash(&digest, &psig, pid).unwrap(),
            vk
        );
        assert_eq!(
            SigningKey::<C>::from_bytes(sk.to_bytes().as_ref())
                .unwrap()
                .verifying_key(),
            vk
        );
        for compress in [true, false] {
            let enc = vk.to_sec1_bytes(compress);
            assert_eq!(&VerifyingKey::<C>::from_sec1_bytes(&enc).unwrap(), vk);
        }
        // ECDH.
        let a = SecretKey::<C>::random(&mut rng);
        let b = EphemeralSecret::<C>::random(&mut rng);
        let b_pub = b.public_key();
        let s1 = diffie_hellman(&a, &b_pub);
        let s2 = b.diffie_hellman(&a.public_key());
        assert_eq!(s1.raw_secret_bytes(), s2.raw_secret_bytes());
        assert_eq!(s1.raw_secret_bytes().len(), sk.to_bytes().as_ref().len());
    }
    // Keys out of range.
    let len = <C::Scalar as Field>::Bytes::zeroed().as_ref().len();
    assert_eq!(
        SecretKey::<C>::from_bytes(&vec![0u8; len]).unwrap_err(),
        ecckit::Error::OutOfRange
    );
    assert_eq!(
        SecretKey::<C>::from_bytes(&vec![0xffu8; len]).unwrap_err(),
        ecckit::Error::OutOfRange
    );
    assert_eq!(
        SecretKey::<C>::from_bytes(&vec![1u8; len + 1]).unwrap_err(),
        ecckit::Error::InvalidLength
    );
    let n_minus_1 = (-C::Scalar::ONE).to_bytes();
    assert!(SecretKey::<C>::from_bytes(n_minus_1.as_ref()).is_ok());
}

/// `Debug` of secret-holding types prints the type and curve, never the secret.
pub fn check_secrets_do_not_print<C: EcdsaCurve>() {
    use ecckit::ecdh::{EphemeralSecret, diffie_hellman};
    use ecckit::ecdsa::SigningKey;
    use ecckit::keys::SecretKey;
    let len = <C::Scalar as Field>::Bytes::zeroed().as_ref().len();
    let mut key = vec![7u8; len];
    key[0] = 0; // below n on every curve (P-521's n starts with 0x01)
    let sk = SecretKey::<C>::from_bytes(&key).unwrap();
    let name = C::NAME;
    assert_eq!(format!("{sk:?}"), format!("SecretKey<{name}>(…)"));
    let signing = SigningKey::<C>::from_bytes(&key).unwrap();
    assert_eq!(format!("{signing:?}"), format!("SigningKey<{name}>(…)"));
    let shared = diffie_hellman(&sk, &sk.public_key());
    assert_eq!(format!("{shared:?}"), format!("SharedSecret<{name}>(…)"));
    let eph = EphemeralSecret::<C>::random(&mut test_rng(1));
    assert_eq!(format!("{eph:?}"), format!("EphemeralSecret<{name}>(…)"));

    // Public values do print, in hex: the compressed public key, the fixed signature, and a
    // field element's canonical value.
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let public = sk.public_key();
    assert_eq!(
        format!("{public:?}"),
        format!(
            "PublicKey<{name}>({})",
            hex(public.to_sec1_bytes(true).as_ref())
        )
    );
    let sig = signing.sign(b"debug");
    let shown = format!("{sig:?}");
    assert!(shown.starts_with(&format!("Signature<{name}>(")), "{shown}");
    let x = C::Base::from_u64(0x1234);
    let shown = format!("{x:?}");
    assert!(
        shown.ends_with(&format!("{:0>width$})", "1234", width = 2 * len)),
        "{shown}"
    );
}
