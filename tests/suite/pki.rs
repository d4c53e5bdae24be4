//! Runs the PKI walk-through of `examples/pki.rs` and checks the chain it writes: in Rust (parse
//! with `x509-cert`, verify each signature with ecckit) and with `openssl verify` where OpenSSL is
//! installed.

#[allow(dead_code)]
#[path = "../../examples/pki.rs"]
mod pki_example;

use ecckit::der::oid::db::rfc5280::ID_KP_CLIENT_AUTH;
use ecckit::der::{DecodePem, Encode};
use ecckit::ecdsa::DerSignature;
use ecckit::signature::Verifier;
use ecckit::spki::DecodePublicKey;
use ecckit::{p256, p384};
use std::process::Command;
use x509_cert::Certificate;
use x509_cert::ext::pkix::{BasicConstraints, ExtendedKeyUsage};

/// `cert`'s signature verifies under `key`.
fn verify_cert<K: Verifier<DerSignature>>(cert: &Certificate, key: &K) {
    let tbs = cert.tbs_certificate().to_der().unwrap();
    let sig = DerSignature::try_from(cert.signature().raw_bytes()).unwrap();
    key.verify(&tbs, &sig).unwrap();
}

#[test]
fn pki_walkthrough_chain_verifies() {
    let dir = std::env::temp_dir().join(format!("ecckit-pki-{}", std::process::id()));
    let out = pki_example::run(&dir).unwrap();
    assert_eq!(out.files.len(), 5);

    // Read the certificates back from the PEM files, as a relying party would.
    let ca = Certificate::from_pem(std::fs::read(dir.join("ca.pem")).unwrap()).unwrap();
    let client = Certificate::from_pem(std::fs::read(dir.join("client.pem")).unwrap()).unwrap();
    assert_eq!(ca, out.ca_cert);
    assert_eq!(client, out.client_cert);

    // The CA certificate is self-signed with the CA's P-384 key; the client certificate is
    // signed by the same key and names the CA as its issuer.
    let spki_der = |c: &Certificate| {
        c.tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .unwrap()
    };
    let ca_key = p384::ecdsa::VerifyingKey::from_public_key_der(&spki_der(&ca)).unwrap();
    verify_cert(&ca, &ca_key);
    verify_cert(&client, &ca_key);
    assert_eq!(
        client.tbs_certificate().issuer(),
        ca.tbs_certificate().subject()
    );

    // The client certificate carries the client's P-256 key, the user and group, and the
    // extensions of a client certificate.
    let client_key = p256::ecdsa::VerifyingKey::from_public_key_der(&spki_der(&client)).unwrap();
    let key_file = std::fs::read_to_string(dir.join("client-key.pem")).unwrap();
    let signing =
        <p256::ecdsa::SigningKey as ecckit::pkcs8::DecodePrivateKey>::from_pkcs8_pem(&key_file)
            .unwrap();
    assert_eq!(&client_key, signing.verifying_key());
    assert_eq!(
        client.tbs_certificate().subject().to_string(),
        "CN=jane,O=developers"
    );
    let (_, eku) = client
        .tbs_certificate()
        .get_extension::<ExtendedKeyUsage>()
        .unwrap()
        .unwrap();
    assert_eq!(eku.0, vec![ID_KP_CLIENT_AUTH]);
    let (_, bc) = client
        .tbs_certificate()
        .get_extension::<BasicConstraints>()
        .unwrap()
        .unwrap();
    assert!(!bc.ca);
    let (_, ca_bc) = ca
        .tbs_certificate()
        .get_extension::<BasicConstraints>()
        .unwrap()
        .unwrap();
    assert!(ca_bc.ca);

    // A certificate signed by another key does not verify under the CA's key.
    let other = p384::ecdsa::SigningKey::random(&mut rand::rng());
    let tbs = client.tbs_certificate().to_der().unwrap();
    let forged = ecckit::signature::Signer::<DerSignature>::sign(&other, &tbs);
    assert!(Verifier::<DerSignature>::verify(&ca_key, &tbs, &forged).is_err());

    // OpenSSL agrees, where it is installed.
    match Command::new("openssl")
        .arg("verify")
        .arg("-CAfile")
        .arg(dir.join("ca.pem"))
        .arg(dir.join("client.pem"))
        .output()
    {
        Ok(result) => {
            let stdout = String::from_utf8_lossy(&result.stdout);
            assert!(
                result.status.success() && stdout.trim_end().ends_with("client.pem: OK"),
                "openssl verify: {stdout} {}",
                String::from_utf8_lossy(&result.stderr)
            );
        }
        Err(_) => eprintln!("skipped the openssl check: the openssl command is not installed"),
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
