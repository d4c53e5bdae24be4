//! Random and mutated bytes into every decoder: each must return `Err` or a valid value, never
//! panic.

use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::{Signature, SigningKey, VerifyingKey};
use ecckit::keys::{PublicKey, SecretKey};
use rand::RngExt;

/// Feeds `rounds` random inputs of random lengths, and mutations of valid encodings, to every
/// decoder of curve `C`.
pub fn check_decoders<C: EcdsaCurve>(seed: u64, rounds: usize) {
    let mut rng = super::test_rng(seed);
    let sk = SigningKey::<C>::random(&mut rng);
    let sig = sk.sign(b"msg");
    let valid: Vec<Vec<u8>> = vec![
        sk.verifying_key().to_sec1_bytes(true).to_vec(),
        sk.verifying_key().to_sec1_bytes(false).to_vec(),
        sig.to_der().as_bytes().to_vec(),
        sig.to_bytes().to_vec(),
        sk.to_bytes().as_ref().to_vec(),
    ];
    let mut accepted = 0usize;
    for i in 0..rounds {
        let input: Vec<u8> = if i % 2 == 0 {
            let len = rng.random_range(0..160);
            (0..len).map(|_| rng.random()).collect()
        } else {
            let mut v = valid[i % valid.len()].clone();
            match rng.random_range(0..4) {
                0 if !v.is_empty() => {
                    let j = rng.random_range(0..v.len());
                    v[j] ^= 1 << rng.random_range(0..8);
                }
                1 => v.truncate(rng.random_range(0..=v.len())),
                2 => v.push(rng.random()),
                _ => {
                    if let Some(first) = v.first_mut() {
                        *first = rng.random();
                    }
                }
            }
            v
        };
        accepted += usize::from(PublicKey::<C>::from_sec1_bytes(&input).is_ok());
        accepted += usize::from(VerifyingKey::<C>::from_sec1_bytes(&input).is_ok());
        accepted += usize::from(SecretKey::<C>::from_bytes(&input).is_ok());
        let der = Signature::<C>::from_der(&input);
        let fixed = Signature::<C>::from_bytes(&input);
        for s in [der, fixed].into_iter().flatten() {
            accepted += 1;
            // Whatever decodes must re-encode and be usable by verification without panicking.
            let _ = sk.verifying_key().verify(b"msg", &s);
            let _ = sk.verifying_key().verify_prehash(&input, &s);
        }
        let _ = sk.sign_prehash(&input);
    }
    // Mutated encodings decode now and then; a run where nothing ever decodes is a broken test.
    assert!(accepted > 0);
}

/// The fixed rejections: too-short digests, wrong lengths, identity.
pub fn check_errors<C: EcdsaCurve>() {
    let mut rng = super::test_rng(7);
    let sk = SigningKey::<C>::random(&mut rng);
    assert_eq!(
        sk.sign_prehash(&[1u8; 15]).unwrap_err(),
        ecckit::Error::DigestTooShort
    );
    assert!(sk.sign_prehash(&[1u8; 16]).is_ok());
    let sig = sk.sign(b"m");
    assert_eq!(
        sk.verifying_key()
            .verify_prehash(&[0u8; 8], &sig)
            .unwrap_err(),
        ecckit::Error::DigestTooShort
    );
    assert_eq!(
        Signature::<C>::from_bytes(&[0u8; 3]).unwrap_err(),
        ecckit::Error::InvalidLength
    );
    let zero = vec![0u8; sig.to_bytes().len()];
    assert_eq!(
        Signature::<C>::from_bytes(&zero).unwrap_err(),
        ecckit::Error::OutOfRange
    );
    assert_eq!(
        Signature::<C>::from_der(&[0x30, 0x00]).unwrap_err(),
        ecckit::Error::InvalidDer
    );
    assert_eq!(
        PublicKey::<C>::from_sec1_bytes(&[]).unwrap_err(),
        ecckit::Error::InvalidLength
    );
    assert_eq!(
        PublicKey::<C>::from_sec1_bytes(&[0]).unwrap_err(),
        ecckit::Error::IdentityPoint
    );
    // Error messages carry no data.
    for e in [
        ecckit::Error::OutOfRange,
        ecckit::Error::InvalidDer,
        ecckit::Error::NotOnCurve,
    ] {
        let text = e.to_string();
        assert!(
            !text.is_empty() && !text.chars().any(|c| c.is_ascii_digit()),
            "{text}"
        );
    }
}
