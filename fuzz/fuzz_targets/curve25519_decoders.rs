//! The Curve25519 decoders on arbitrary bytes. Input: `format ‖ bytes`, `format % 4` choosing:
//!
//! * 0, **raw encodings**: `x25519::{PublicKey, SecretKey}::from_bytes` and
//!   `ed25519::{SigningKey, VerifyingKey, Signature}::from_bytes` on `bytes` (each accepts exactly
//!   its length, and what it accepts re-encodes to the input); and `EdwardsPoint::decompress` and
//!   `decompress_canonical` on the first 32 bytes (zero-padded): the lenient decoder accepts what
//!   curve25519-dalek's accepts, as the same point; the canonical one accepts exactly the
//!   lenient one's points whose encoding is canonical by a byte-level test (`y < p`, not "−0"),
//!   and those round-trip through `compress`; a lenient point's `compress` is canonical; the
//!   small-order and torsion-free tests and the map to Montgomery `u` agree with dalek's;
//! * 1, **PKCS#8 DER**, as an Ed25519 and as an X25519 private key;
//! * 2, **SPKI DER**, as an Ed25519 and as an X25519 public key;
//! * 3, **text**: PKCS#8 and SPKI PEM and JWK (`OKP`), for both key types.
//!
//! Nothing may panic; a decoded container key must survive a round trip through ecckit's encoder
//! of the same container.

#![no_main]

use ecckit::ed25519::{self, SigningKey, VerifyingKey};
use ecckit::edwards::EdwardsPoint;
use ecckit::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use ecckit::spki::{DecodePublicKey, EncodePublicKey};
use ecckit::x25519;
use ecckit_fuzz::curve25519::non_canonical_bytes;
use ecckit_fuzz::hex;
use libfuzzer_sys::fuzz_target;

fn raw(bytes: &[u8]) {
    let len = bytes.len();
    let what = || hex(bytes);

    // X25519: every 32-byte string is a key.
    let public = x25519::PublicKey::from_bytes(bytes);
    assert_eq!(public.is_ok(), len == 32, "x25519 public key: {}", what());
    if let Ok(public) = public {
        assert_eq!(public.to_bytes()[..], *bytes);
    }
    let secret = x25519::SecretKey::from_bytes(bytes);
    assert_eq!(secret.is_ok(), len == 32, "x25519 secret key: {}", what());
    if let Ok(secret) = secret {
        assert_eq!(secret.to_bytes()[..], *bytes);
    }

    // Ed25519 signatures: any 64 bytes (R and S are checked by verification).
    let sig = ed25519::Signature::from_bytes(bytes);
    assert_eq!(sig.is_ok(), len == 64, "signature: {}", what());
    if let Ok(sig) = sig {
        assert_eq!(sig.to_bytes()[..], *bytes);
        assert_eq!(sig.r_bytes()[..], bytes[..32]);
        assert_eq!(sig.s_bytes()[..], bytes[32..]);
    }

    // Ed25519 keys: any 32-byte seed; a verifying key is any encoding of a point.
    let signing = SigningKey::from_bytes(bytes);
    assert_eq!(signing.is_ok(), len == 32, "signing key: {}", what());
    if let Ok(signing) = signing {
        assert_eq!(signing.to_bytes()[..], *bytes);
        let vk = signing.verifying_key().to_bytes();
        let point = EdwardsPoint::decompress_canonical(&vk);
        assert!(bool::from(point.is_some()), "a computed key is canonical");
    }
    let mut enc = [0u8; 32];
    let n = len.min(32);
    enc[..n].copy_from_slice(&bytes[..n]);
    let verifying = VerifyingKey::from_bytes(bytes);
    let lenient = Option::<EdwardsPoint>::from(EdwardsPoint::decompress(&enc));
    assert_eq!(
        verifying.is_ok(),
        len == 32 && lenient.is_some(),
        "verifying key: {}",
        what()
    );
    if let Ok(key) = verifying {
        assert_eq!(key.to_bytes()[..], *bytes);
        assert_eq!(key.to_edwards(), lenient.expect("decodes"));
        assert_eq!(key.is_weak(), bool::from(key.to_edwards().is_small_order()));
    }

    // Point decoding, against curve25519-dalek and a byte-level canonicity test.
    let theirs = curve25519_dalek::edwards::CompressedEdwardsY(enc).decompress();
    let canonical = Option::<EdwardsPoint>::from(EdwardsPoint::decompress_canonical(&enc));
    let what = || hex(&enc);
    assert_eq!(
        lenient.is_some(),
        theirs.is_some(),
        "decompress vs dalek: {}",
        what()
    );
    assert_eq!(
        canonical.is_some(),
        lenient.is_some() && !non_canonical_bytes(&enc),
        "decompress_canonical vs the byte test: {}",
        what()
    );
    let (Some(point), Some(theirs)) = (lenient, theirs) else {
        return;
    };
    let compressed = point.compress();
    assert_eq!(
        compressed,
        theirs.compress().to_bytes(),
        "decoded points differ: {}",
        what()
    );
    if let Some(c) = canonical {
        assert_eq!(c, point, "canonical and lenient points differ: {}", what());
        assert_eq!(compressed, enc, "canonical encoding round trip: {}", what());
    } else {
        assert_ne!(
            compressed,
            enc,
            "a non-canonical encoding re-encoded: {}",
            what()
        );
    }
    let again = EdwardsPoint::decompress_canonical(&compressed);
    assert_eq!(
        Option::from(again),
        Some(point),
        "compress output: {}",
        what()
    );
    assert_eq!(
        bool::from(point.is_small_order()),
        theirs.is_small_order(),
        "is_small_order: {}",
        what()
    );
    assert_eq!(
        point.is_torsion_free_vartime(),
        theirs.is_torsion_free(),
        "is_torsion_free_vartime: {}",
        what()
    );
    assert_eq!(
        point.to_montgomery_u().to_le_bytes(),
        theirs.to_montgomery().to_bytes(),
        "Montgomery u: {}",
        what()
    );
}

fn check_signing(key: &SigningKey) {
    let der = key.to_pkcs8_der().expect("encode PKCS#8");
    let again = SigningKey::from_pkcs8_der(der.as_bytes()).expect("PKCS#8 round trip");
    assert_eq!(*again.to_bytes(), *key.to_bytes(), "Ed25519 PKCS#8");
    let jwk = key.to_jwk_string();
    let again = SigningKey::from_jwk_str(&jwk).expect("JWK round trip");
    assert_eq!(*again.to_bytes(), *key.to_bytes(), "Ed25519 private JWK");
}

fn check_verifying(key: &VerifyingKey) {
    let der = key.to_public_key_der().expect("encode SPKI");
    let again = VerifyingKey::from_public_key_der(der.as_bytes()).expect("SPKI round trip");
    assert_eq!(&again, key, "Ed25519 SPKI");
    let again = VerifyingKey::from_jwk_str(&key.to_jwk_string()).expect("JWK round trip");
    assert_eq!(&again, key, "Ed25519 public JWK");
}

fn check_x_secret(key: &x25519::SecretKey) {
    let der = key.to_pkcs8_der().expect("encode PKCS#8");
    let again = x25519::SecretKey::from_pkcs8_der(der.as_bytes()).expect("PKCS#8 round trip");
    assert_eq!(*again.to_bytes(), *key.to_bytes(), "X25519 PKCS#8");
    let again = x25519::SecretKey::from_jwk_str(&key.to_jwk_string()).expect("JWK round trip");
    assert_eq!(*again.to_bytes(), *key.to_bytes(), "X25519 private JWK");
}

fn check_x_public(key: &x25519::PublicKey) {
    let der = key.to_public_key_der().expect("encode SPKI");
    let again = x25519::PublicKey::from_public_key_der(der.as_bytes()).expect("SPKI round trip");
    assert_eq!(&again, key, "X25519 SPKI");
    let again = x25519::PublicKey::from_jwk_str(&key.to_jwk_string()).expect("JWK round trip");
    assert_eq!(&again, key, "X25519 public JWK");
}

fuzz_target!(|data: &[u8]| {
    let Some((&format, bytes)) = data.split_first() else {
        return;
    };
    match format % 4 {
        0 => raw(bytes),
        1 => {
            if let Ok(key) = SigningKey::from_pkcs8_der(bytes) {
                check_signing(&key);
            }
            if let Ok(key) = x25519::SecretKey::from_pkcs8_der(bytes) {
                check_x_secret(&key);
            }
        }
        2 => {
            if let Ok(key) = VerifyingKey::from_public_key_der(bytes) {
                check_verifying(&key);
            }
            if let Ok(key) = x25519::PublicKey::from_public_key_der(bytes) {
                check_x_public(&key);
            }
        }
        _ => {
            let Ok(text) = std::str::from_utf8(bytes) else {
                return;
            };
            if let Ok(key) = SigningKey::from_pkcs8_pem(text) {
                check_signing(&key);
            }
            if let Ok(key) = x25519::SecretKey::from_pkcs8_pem(text) {
                check_x_secret(&key);
            }
            if let Ok(key) = VerifyingKey::from_public_key_pem(text) {
                check_verifying(&key);
            }
            if let Ok(key) = x25519::PublicKey::from_public_key_pem(text) {
                check_x_public(&key);
            }
            if let Ok(key) = SigningKey::from_jwk_str(text) {
                check_signing(&key);
            }
            if let Ok(key) = VerifyingKey::from_jwk_str(text) {
                check_verifying(&key);
            }
            if let Ok(key) = x25519::SecretKey::from_jwk_str(text) {
                check_x_secret(&key);
            }
            if let Ok(key) = x25519::PublicKey::from_jwk_str(text) {
                check_x_public(&key);
            }
        }
    }
});
