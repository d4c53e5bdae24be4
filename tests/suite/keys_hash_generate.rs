//! `Hash` on public keys, verifying keys and affine points (consistent with `Eq`), and
//! `generate()` from the operating system's generator (feature `getrandom`).

use ecckit::curves::{Curve, NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdsa::{EcdsaCurve, SigningKey, VerifyingKey};
use ecckit::keys::{PublicKey, SecretKey};
use ecckit::point::AffinePoint;
use rand::SeedableRng;
use std::collections::HashSet;
use std::hash::{BuildHasher, Hash, RandomState};

fn hash_of<T: Hash>(state: &RandomState, value: &T) -> u64 {
    state.hash_one(value)
}

fn check_hash<C: EcdsaCurve>(seed: u64) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let keys: Vec<PublicKey<C>> = (0..16)
        .map(|_| SecretKey::<C>::random(&mut rng).public_key())
        .collect();

    // A set keeps each key once, however it was obtained.
    let mut set: HashSet<PublicKey<C>> = keys.iter().copied().collect();
    assert_eq!(set.len(), keys.len());
    for key in &keys {
        let decoded = PublicKey::<C>::from_sec1_bytes(&key.to_sec1_bytes(false)).unwrap();
        let decompressed = PublicKey::<C>::from_sec1_bytes(&key.to_sec1_bytes(true)).unwrap();
        assert!(!set.insert(decoded));
        assert!(!set.insert(decompressed));
        assert!(set.contains(&decompressed));
    }
    assert_eq!(set.len(), keys.len());

    let verifying: HashSet<VerifyingKey<C>> = keys.iter().map(|&k| VerifyingKey::from(k)).collect();
    assert_eq!(verifying.len(), keys.len());
    assert!(verifying.contains(&VerifyingKey::from(keys[3])));

    // Equal points hash equally: the identity however obtained, G, and a sum computed two ways.
    let state = RandomState::new();
    let g = AffinePoint::<C>::GENERATOR;
    let identity = (g.to_projective() - g.to_projective()).to_affine();
    assert_eq!(identity, AffinePoint::<C>::IDENTITY);
    assert_eq!(
        hash_of(&state, &identity),
        hash_of(&state, &AffinePoint::<C>::IDENTITY)
    );
    let two_g = (g.to_projective() + g.to_projective()).to_affine();
    let also_two_g = g.to_projective().double().to_affine();
    assert_eq!(hash_of(&state, &two_g), hash_of(&state, &also_two_g));
    let points: HashSet<AffinePoint<C>> =
        [identity, g, two_g, also_two_g, AffinePoint::<C>::IDENTITY]
            .into_iter()
            .collect();
    assert_eq!(points.len(), 3);
}

#[test]
fn hash_p224() {
    check_hash::<NistP224>(224);
}

#[test]
fn hash_p256() {
    check_hash::<NistP256>(256);
}

#[test]
fn hash_p384() {
    check_hash::<NistP384>(384);
}

#[test]
fn hash_p521() {
    check_hash::<NistP521>(521);
}

#[test]
fn hash_secp256k1() {
    check_hash::<Secp256k1>(1);
}

#[cfg(feature = "getrandom")]
fn check_generate<C: EcdsaCurve + Curve>() {
    // Distinct, valid keys; each kind works for its protocol.
    let a = SecretKey::<C>::generate();
    let b = SecretKey::<C>::generate();
    assert_ne!(a.to_bytes(), b.to_bytes());
    assert!(SecretKey::<C>::from_bytes(a.to_bytes().as_ref()).is_ok());

    let signing = SigningKey::<C>::generate();
    let sig = signing.sign(b"generated");
    assert!(signing.verifying_key().verify(b"generated", &sig).is_ok());

    let e1 = ecckit::ecdh::EphemeralSecret::<C>::generate();
    let e2 = ecckit::ecdh::EphemeralSecret::<C>::generate();
    let (p1, p2) = (e1.public_key(), e2.public_key());
    assert_ne!(p1, p2);
    assert_eq!(
        e1.diffie_hellman(&p2).raw_secret_bytes(),
        e2.diffie_hellman(&p1).raw_secret_bytes()
    );
}

#[cfg(feature = "getrandom")]
#[test]
fn generate_every_curve() {
    check_generate::<NistP224>();
    check_generate::<NistP256>();
    check_generate::<NistP384>();
    check_generate::<NistP521>();
    check_generate::<Secp256k1>();
}

/// The crate re-exports `rand_core`, so that callers can name the RNG traits without a direct
/// dependency in step with the crate's.
#[test]
fn rand_core_reexport() {
    fn takes_rng<R: ecckit::rand_core::CryptoRng>(rng: &mut R) -> ecckit::p256::SecretKey {
        ecckit::p256::SecretKey::random(rng)
    }
    let _ = takes_rng(&mut rand::rngs::StdRng::seed_from_u64(5));
}
