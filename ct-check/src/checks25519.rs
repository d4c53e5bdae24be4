//! The checks of Curve25519: X25519 and Ed25519 key generation, signing and key agreement, and
//! the point and field operations under them, on inputs whose secret bytes are marked undefined
//! ([`classify`]). The rules of [`crate::checks`] apply.

use crate::checks::Inputs;
use crate::valgrind::{classify, declassify};
use ecckit::ed25519::SigningKey;
use ecckit::edwards::EdwardsPoint;
use ecckit::field::Field;
use ecckit::field::curve25519::{FieldElement, Scalar};
use ecckit::x25519;
use subtle::ConstantTimeEq;

/// The operations checked, in the order they run.
pub const OPERATIONS: [&str; 10] = [
    "Field::invert (2^255 − 19)",
    "EdwardsPoint::mul_base",
    "EdwardsPoint::mul (secret point)",
    "x25519::SecretKey::public_key",
    "x25519::diffie_hellman",
    "x25519::SecretKey::random",
    "ed25519::SigningKey::from_bytes",
    "ed25519::SigningKey::sign",
    "ed25519::SigningKey::sign_ctx, sign_ph",
    "ed25519::SigningKey::random",
];

/// How many inputs each operation ran on, in the order of [`OPERATIONS`].
pub type Counts = [usize; OPERATIONS.len()];

/// `k·P` by double-and-add over the bits of `k` (variable time, on public copies): the expected
/// results.
fn reference(p: &EdwardsPoint, k: &Scalar) -> EdwardsPoint {
    let limbs = k.to_canonical_limbs::<4>();
    let mut acc = EdwardsPoint::IDENTITY;
    for i in (0..256).rev() {
        acc = acc.double();
        if (limbs[i / 64] >> (i % 64)) & 1 == 1 {
            acc += *p;
        }
    }
    acc
}

/// 32 bytes from the public inputs.
fn bytes32(inputs: &mut Inputs) -> [u8; 32] {
    let mut b = [0u8; 32];
    inputs.fill(&mut b);
    b
}

/// Runs every Curve25519 check with `rounds` random inputs per operation (plus edge cases).
pub fn check_curve25519(inputs: &mut Inputs, rounds: usize) -> Counts {
    let mut counts = [0; OPERATIONS.len()];

    // Field inversion, zero included.
    let mut elements = vec![FieldElement::ZERO, FieldElement::ONE, -FieldElement::ONE];
    elements.extend((0..rounds).map(|_| FieldElement::from_le_bytes_masked(&bytes32(inputs))));
    for x in &elements {
        let expected = x.invert_fermat();
        let mut secret = *x;
        classify(&mut secret);
        let inv = secret.invert();
        let mut equal = (inv.is_some().ct_eq(&expected.is_some())
            & inv
                .unwrap_or(FieldElement::ZERO)
                .ct_eq(&expected.unwrap_or(FieldElement::ZERO)))
        .unwrap_u8();
        declassify(&mut equal);
        assert_eq!(equal, 1, "invert");
        counts[0] += 1;
    }

    // Fixed-base and variable-base multiplication with secret scalars (and a secret point).
    let mut scalars = vec![Scalar::ZERO, Scalar::ONE, -Scalar::ONE];
    scalars.extend((0..rounds).map(|_| Scalar::from_le_bytes_reduced(&bytes32(inputs))));
    let b = EdwardsPoint::BASEPOINT;
    let mut points = vec![EdwardsPoint::IDENTITY, b];
    points.extend(
        (0..rounds).map(|_| reference(&b, &Scalar::from_le_bytes_reduced(&bytes32(inputs)))),
    );
    for (i, k) in scalars.iter().enumerate() {
        let mut secret_k = *k;
        classify(&mut secret_k);
        let mut got = EdwardsPoint::mul_base(&secret_k).compress();
        declassify(&mut got);
        assert_eq!(got, reference(&b, k).compress(), "mul_base");
        counts[1] += 1;

        let p = points[i % points.len()];
        let (mut secret_p, mut secret_k) = (p, *k);
        classify(&mut secret_p);
        classify(&mut secret_k);
        let mut got = (&secret_p * &secret_k).compress();
        declassify(&mut got);
        assert_eq!(got, reference(&p, k).compress(), "mul");
        counts[2] += 1;
    }

    // X25519: public keys, key agreement (with a public peer key, and a low-order one whose
    // all-zero result is refused: that verdict is public), random keys.
    let mut low_order = [0u8; 32];
    low_order[0] = 1;
    for round in 0..rounds + 1 {
        let secret_bytes = bytes32(inputs);
        let peer_bytes = bytes32(inputs);
        let key = x25519::SecretKey::from_bytes(&secret_bytes).unwrap();
        let peer = x25519::SecretKey::from_bytes(&peer_bytes).unwrap();
        let expected_public = key.public_key();
        let mut secret_key = x25519::SecretKey::from_bytes(&secret_bytes).unwrap();
        classify(&mut secret_key);
        let mut public = secret_key.public_key();
        declassify(&mut public);
        assert_eq!(public, expected_public, "x25519 public_key");
        counts[3] += 1;

        let peer_public = if round == 0 {
            x25519::PublicKey::from(low_order)
        } else {
            peer.public_key()
        };
        let expected = x25519::diffie_hellman(&key, &peer_public).map(|s| *s.raw_secret_bytes());
        let shared = secret_key_shared(&secret_bytes, &peer_public);
        match (shared, expected) {
            (Ok(mut equal), Ok(expected_bytes)) => {
                equal.1 = equal.0.ct_eq(&expected_bytes).unwrap_u8();
                declassify(&mut equal.1);
                assert_eq!(equal.1, 1, "x25519 diffie_hellman");
            }
            (Err(e), Err(expected)) => assert_eq!(e, expected),
            _ => panic!("x25519: the low-order verdict differs"),
        }
        counts[4] += 1;
    }
    let mut rng = crate::checks::SecretRng::new(inputs);
    for _ in 0..rounds {
        let key = x25519::SecretKey::random(&mut rng);
        let mut public = key.public_key();
        declassify(&mut public);
        let mut copy = *key.to_bytes();
        declassify(&mut copy);
        assert_eq!(
            public,
            x25519::SecretKey::from_bytes(&copy).unwrap().public_key(),
            "x25519 random"
        );
        counts[5] += 1;
    }

    // Ed25519: key derivation from a secret seed, signing (plain, ctx, ph), random keys.
    for i in 0..rounds + 1 {
        let seed = bytes32(inputs);
        let expected = SigningKey::from_bytes(&seed).unwrap();
        let mut secret_seed = seed;
        classify(&mut secret_seed);
        let key = SigningKey::from_bytes(&secret_seed);
        // Every 32-byte seed is valid: the outcome is public.
        let mut ok = key.is_ok();
        declassify(&mut ok);
        assert!(ok);
        let key = key.unwrap_or(expected.clone());
        let mut public = key.verifying_key();
        declassify(&mut public);
        assert_eq!(public, expected.verifying_key(), "ed25519 from_bytes");
        counts[6] += 1;

        let msg = format!("ct-check message {i}");
        let mut secret_key = expected.clone();
        classify(&mut secret_key);
        let mut sig = secret_key.sign(msg.as_bytes());
        declassify(&mut sig);
        assert_eq!(sig, expected.sign(msg.as_bytes()), "ed25519 sign");
        counts[7] += 1;

        let mut ctx = secret_key.sign_ctx(msg.as_bytes(), b"ctx");
        let mut ph = secret_key.sign_ph(msg.as_bytes(), b"");
        declassify(&mut ctx);
        declassify(&mut ph);
        assert_eq!(ctx, expected.sign_ctx(msg.as_bytes(), b"ctx"), "sign_ctx");
        assert_eq!(ph, expected.sign_ph(msg.as_bytes(), b""), "sign_ph");
        counts[8] += 1;
    }
    for _ in 0..rounds {
        let key = SigningKey::random(&mut rng);
        let mut sig = key.sign(b"random key");
        declassify(&mut sig);
        let mut public = key.verifying_key();
        declassify(&mut public);
        assert!(public.verify(b"random key", &sig).is_ok(), "ed25519 random");
        counts[9] += 1;
    }
    counts
}

/// X25519 with the secret key classified: the shared bytes (still secret) and a slot for the
/// declassified equality bit, or the public error.
fn secret_key_shared(
    secret_bytes: &[u8; 32],
    peer: &x25519::PublicKey,
) -> Result<([u8; 32], u8), ecckit::Error> {
    let mut key = x25519::SecretKey::from_bytes(secret_bytes).unwrap();
    classify(&mut key);
    let shared = x25519::diffie_hellman(&key, peer);
    // Whether the result was refused (all zero) is public.
    let mut refused = shared.is_err();
    declassify(&mut refused);
    if refused {
        return Err(ecckit::Error::LowOrderPoint);
    }
    shared.map(|s| (*s.raw_secret_bytes(), 0))
}
