//! The key-container decoders on arbitrary bytes: PKCS#8, SEC1 `ECPrivateKey` and
//! SubjectPublicKeyInfo in DER, the three PEM forms, and JWK (public and private). Input:
//! `curve tag ‖ format byte ‖ file`, the format byte choosing the decoder (modulo 5).
//!
//! Decoding must never panic; whatever decodes must be a valid key (a public key on the curve, a
//! private key whose public half is `d·G`) and must survive a round trip through ecckit's encoder
//! of the same container.

#![no_main]

use ecckit::keys::{PublicKey, SecretKey};
use ecckit::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use ecckit::sec1::{DecodeEcPrivateKey, EncodeEcPrivateKey};
use ecckit::spki::{DecodePublicKey, EncodePublicKey};
use ecckit_fuzz::{Harness, Peer, dispatch};
use libfuzzer_sys::fuzz_target;

struct KeyContainers;

/// `key` decoded again from its PKCS#8 and SEC1 encodings is `key`.
fn check_secret<C: Peer>(key: &SecretKey<C>) {
    let pkcs8 = key.to_pkcs8_der().expect("encode PKCS#8");
    let again = SecretKey::<C>::from_pkcs8_der(pkcs8.as_bytes()).expect("PKCS#8 round trip");
    assert_eq!(again.to_bytes(), key.to_bytes(), "{}: PKCS#8", C::NAME);
    let sec1 = key.to_sec1_der().expect("encode SEC1");
    let again = SecretKey::<C>::from_sec1_der(sec1.as_bytes()).expect("SEC1 round trip");
    assert_eq!(again.to_bytes(), key.to_bytes(), "{}: SEC1", C::NAME);
}

/// `key` decoded again from its SPKI encoding is `key`, and it is a valid SEC1 point.
fn check_public<C: Peer>(key: &PublicKey<C>) {
    let spki = key.to_public_key_der().expect("encode SPKI");
    let again = PublicKey::<C>::from_public_key_der(spki.as_bytes()).expect("SPKI round trip");
    assert_eq!(&again, key, "{}: SPKI", C::NAME);
    let point = key.to_sec1_bytes(true);
    assert_eq!(PublicKey::<C>::from_sec1_bytes(&point).as_ref(), Ok(key));
}

impl Harness for KeyContainers {
    fn run<C: Peer>(data: &[u8]) {
        let Some((&format, file)) = data.split_first() else {
            return;
        };
        match format % 5 {
            0 => {
                if let Ok(key) = SecretKey::<C>::from_pkcs8_der(file) {
                    check_secret(&key);
                }
            }
            1 => {
                if let Ok(key) = SecretKey::<C>::from_sec1_der(file) {
                    check_secret(&key);
                }
            }
            2 => {
                if let Ok(key) = PublicKey::<C>::from_public_key_der(file) {
                    check_public(&key);
                }
            }
            4 => {
                if let Ok(text) = std::str::from_utf8(file) {
                    C::check_jwk(text);
                }
            }
            _ => {
                let Ok(text) = std::str::from_utf8(file) else {
                    return;
                };
                if let Ok(key) = SecretKey::<C>::from_pkcs8_pem(text) {
                    check_secret(&key);
                }
                if let Ok(key) = SecretKey::<C>::from_sec1_pem(text) {
                    check_secret(&key);
                }
                if let Ok(key) = PublicKey::<C>::from_public_key_pem(text) {
                    check_public(&key);
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| dispatch::<KeyContainers>(data));
