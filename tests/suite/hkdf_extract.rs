//! `SharedSecret::extract` (feature `hkdf`, RFC 5869): the same PRK as HKDF over the raw secret,
//! an expansion recomputed from RFC 5869 §2.3's definition with HMAC, and both parties agreeing.

#![cfg(feature = "hkdf")]

use ecckit::curves::{Curve, NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdh::{EphemeralSecret, diffie_hellman};
use ecckit::hkdf::Hkdf;
use ecckit::hkdf::hmac::{EagerHash, Hmac, KeyInit, Mac};
use ecckit::keys::SecretKey;
use rand::SeedableRng;
use sha2::{Sha256, Sha384, Sha512};

/// HMAC-D(key, parts[0] ‖ parts[1] ‖ …).
fn hmac<D: EagerHash>(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut mac = <Hmac<D> as KeyInit>::new_from_slice(key).unwrap();
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().to_vec()
}

/// HKDF per RFC 5869 §2.2–2.3, written out: PRK = HMAC(salt, IKM); T(i) = HMAC(PRK, T(i−1) ‖
/// info ‖ i); OKM = the first `len` bytes of T(1) ‖ T(2) ‖ …. No salt means `HashLen` zeros.
fn hkdf_by_definition<D: EagerHash>(
    salt: Option<&[u8]>,
    ikm: &[u8],
    info: &[u8],
    len: usize,
) -> Vec<u8> {
    let zeros = vec![0u8; t_len::<D>()];
    let prk = hmac::<D>(salt.unwrap_or(&zeros), &[ikm]);
    let (mut okm, mut t) = (Vec::new(), Vec::new());
    for i in 1..=len.div_ceil(t_len::<D>()) {
        t = hmac::<D>(&prk, &[&t, info, &[i as u8]]);
        okm.extend_from_slice(&t);
    }
    okm.truncate(len);
    okm
}

/// `HashLen`.
fn t_len<D: EagerHash>() -> usize {
    <D as ecckit::hkdf::hmac::digest::OutputSizeUser>::output_size()
}

fn check<C: Curve, D: EagerHash>(seed: u64) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let alice = SecretKey::<C>::random(&mut rng);
    let bob = SecretKey::<C>::random(&mut rng);
    let ab = diffie_hellman(&alice, &bob.public_key());
    let ba = diffie_hellman(&bob, &alice.public_key());
    let info = b"ecckit hkdf test";
    for salt in [
        None,
        Some(&b""[..]),
        Some(&b"a salt"[..]),
        Some(&[7u8; 200][..]),
    ] {
        for len in [16, 32, 42, 100] {
            let mut k1 = vec![0u8; len];
            let mut k2 = vec![0u8; len];
            let mut reference = vec![0u8; len];
            ab.extract::<D>(salt).expand(info, &mut k1).unwrap();
            ba.extract::<D>(salt).expand(info, &mut k2).unwrap();
            Hkdf::<D>::new(salt, ab.raw_secret_bytes())
                .expand(info, &mut reference)
                .unwrap();
            assert_eq!(k1, k2, "both parties derive the same key");
            assert_eq!(k1, reference);
            assert_eq!(
                k1,
                hkdf_by_definition::<D>(salt, ab.raw_secret_bytes(), info, len)
            );
        }
    }
    // RFC 5869 §2.3: at most 255·HashLen bytes.
    let mut too_long = vec![0u8; 255 * t_len::<D>() + 1];
    assert!(ab.extract::<D>(None).expand(info, &mut too_long).is_err());

    // An ephemeral exchange agrees too.
    let e1 = EphemeralSecret::<C>::random(&mut rng);
    let e2 = EphemeralSecret::<C>::random(&mut rng);
    let (p1, p2) = (e1.public_key(), e2.public_key());
    let (s1, s2) = (e1.diffie_hellman(&p2), e2.diffie_hellman(&p1));
    let (mut k1, mut k2) = ([0u8; 32], [0u8; 32]);
    s1.extract::<D>(Some(b"s")).expand(b"", &mut k1).unwrap();
    s2.extract::<D>(Some(b"s")).expand(b"", &mut k2).unwrap();
    assert_eq!(k1, k2);
}

#[test]
fn p224() {
    check::<NistP224, Sha256>(224);
}

#[test]
fn p256() {
    check::<NistP256, Sha256>(256);
}

#[test]
fn p384() {
    check::<NistP384, Sha384>(384);
}

#[test]
fn p521() {
    check::<NistP521, Sha512>(521);
}

#[test]
fn secp256k1() {
    check::<Secp256k1, Sha256>(1);
}
