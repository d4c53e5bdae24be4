//! Interoperability with OpenSSL, from the files `vectors/openssl/make.sh` made with the OpenSSL
//! CLI (committed, so these tests need no OpenSSL): every curve's PKCS#8, SEC1 and SPKI files
//! decode to the same key, re-encode byte for byte, OpenSSL's signature, CSR and certificate
//! verify; explicit parameters, other curves' files and damaged files are refused without a
//! panic. Where `openssl` is installed, it also checks ecckit's outputs (and says when it cannot).

use ecckit::der::oid::AssociatedOid;
use ecckit::der::{Decode, DecodePem, Encode};
use ecckit::ecdsa::{DerSignature, EcdsaCurve, Signature, SigningKey, VerifyingKey};
use ecckit::keys::{PublicKey, SecretKey};
use ecckit::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use ecckit::sec1::{DecodeEcPrivateKey, EncodeEcPrivateKey};
use ecckit::signature::Verifier;
use ecckit::spki::{DecodePublicKey, EncodePublicKey};
use std::path::{Path, PathBuf};
use std::process::Command;
use x509_cert::Certificate;
use x509_cert::request::CertReq;

const CURVES: [&str; 5] = ["p224", "p256", "p384", "p521", "secp256k1"];

fn dir(curve: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("vectors/openssl")
        .join(curve)
}

fn read(curve: &str, file: &str) -> Vec<u8> {
    let path = dir(curve).join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read_str(curve: &str, file: &str) -> String {
    String::from_utf8(read(curve, file)).unwrap()
}

/// Everything that one curve's files must satisfy.
fn check_curve<C: EcdsaCurve + AssociatedOid>(curve: &str) {
    // The private key, four ways.
    let from_pkcs8_pem = SecretKey::<C>::from_pkcs8_pem(&read_str(curve, "pkcs8.pem")).unwrap();
    let from_pkcs8_der = SecretKey::<C>::from_pkcs8_der(&read(curve, "pkcs8.der")).unwrap();
    let from_sec1_pem = SecretKey::<C>::from_sec1_pem(&read_str(curve, "sec1.pem")).unwrap();
    let from_sec1_der = SecretKey::<C>::from_sec1_der(&read(curve, "sec1.der")).unwrap();
    let d = from_pkcs8_pem.to_bytes();
    for other in [&from_pkcs8_der, &from_sec1_pem, &from_sec1_der] {
        assert_eq!(
            other.to_bytes().as_ref(),
            d.as_ref(),
            "{curve}: same scalar"
        );
    }
    // The private key inside the files, read with the `der` crate, is the decoded scalar.
    let sec1_der = read(curve, "sec1.der");
    let inner = ecckit::sec1::EcPrivateKey::from_der(&sec1_der).unwrap();
    assert_eq!(inner.private_key, d.as_ref(), "{curve}");

    // The public key, three ways, equals d·G.
    let public = from_pkcs8_pem.public_key();
    let spki_pem = PublicKey::<C>::from_public_key_pem(&read_str(curve, "spki.pem")).unwrap();
    let spki_der = PublicKey::<C>::from_public_key_der(&read(curve, "spki.der")).unwrap();
    let spki_compressed =
        PublicKey::<C>::from_public_key_der(&read(curve, "spki_compressed.der")).unwrap();
    assert_eq!(spki_pem, public, "{curve}");
    assert_eq!(spki_der, public, "{curve}");
    assert_eq!(spki_compressed, public, "{curve}");

    // Re-encoding gives OpenSSL's bytes back.
    assert_eq!(
        from_pkcs8_der.to_pkcs8_der().unwrap().as_bytes(),
        &read(curve, "pkcs8.der")[..],
        "{curve}: PKCS#8 DER"
    );
    assert_eq!(
        from_pkcs8_der
            .to_pkcs8_pem(LineEnding::LF)
            .unwrap()
            .as_str(),
        read_str(curve, "pkcs8.pem"),
        "{curve}: PKCS#8 PEM"
    );
    assert_eq!(
        from_sec1_der.to_sec1_der().unwrap().as_bytes(),
        &read(curve, "sec1.der")[..],
        "{curve}: SEC1 DER"
    );
    assert_eq!(
        from_sec1_der.to_sec1_pem(LineEnding::LF).unwrap().as_str(),
        read_str(curve, "sec1.pem"),
        "{curve}: SEC1 PEM"
    );
    assert_eq!(
        public.to_public_key_der().unwrap().as_bytes(),
        &read(curve, "spki.der")[..],
        "{curve}: SPKI DER"
    );
    assert_eq!(
        public.to_public_key_pem(LineEnding::LF).unwrap(),
        read_str(curve, "spki.pem"),
        "{curve}: SPKI PEM"
    );

    // The ECDSA key types read and write the same files.
    let signing = SigningKey::<C>::from_pkcs8_pem(&read_str(curve, "pkcs8.pem")).unwrap();
    let signing_sec1 = SigningKey::<C>::from_sec1_der(&read(curve, "sec1.der")).unwrap();
    assert_eq!(signing.to_bytes().as_ref(), d.as_ref());
    assert_eq!(signing_sec1.to_bytes().as_ref(), d.as_ref());
    assert_eq!(
        signing.to_pkcs8_der().unwrap().as_bytes(),
        &read(curve, "pkcs8.der")[..]
    );
    assert_eq!(
        signing.to_sec1_der().unwrap().as_bytes(),
        &read(curve, "sec1.der")[..]
    );
    let verifying = VerifyingKey::<C>::from_public_key_der(&read(curve, "spki.der")).unwrap();
    assert_eq!(&verifying, signing.verifying_key());
    assert_eq!(
        verifying.to_public_key_der().unwrap().as_bytes(),
        &read(curve, "spki.der")[..]
    );

    // OpenSSL's signature verifies, through the inherent method and the trait, and not on
    // another message.
    let message = std::fs::read(dir(curve).join("../message.txt")).unwrap();
    let der = read(curve, "signature.der");
    let sig = Signature::<C>::from_der(&der).unwrap();
    verifying.verify(&message, &sig).unwrap();
    let der_sig = DerSignature::try_from(&der[..]).unwrap();
    Verifier::<DerSignature>::verify(&verifying, &message, &der_sig).unwrap();
    assert!(verifying.verify(b"another message", &sig).is_err());

    // OpenSSL's CSR and self-signed certificate: their signatures verify under their key.
    let csr = CertReq::from_pem(read(curve, "csr.pem")).unwrap();
    let csr_key =
        VerifyingKey::<C>::from_public_key_der(&csr.info.public_key.to_der().unwrap()).unwrap();
    assert_eq!(csr_key, verifying);
    let csr_sig = DerSignature::try_from(csr.signature.raw_bytes()).unwrap();
    Verifier::<DerSignature>::verify(&csr_key, &csr.info.to_der().unwrap(), &csr_sig).unwrap();
    let cert = Certificate::from_pem(read(curve, "cert.pem")).unwrap();
    let tbs = cert.tbs_certificate();
    let cert_key =
        VerifyingKey::<C>::from_public_key_der(&tbs.subject_public_key_info().to_der().unwrap())
            .unwrap();
    assert_eq!(cert_key, verifying);
    let cert_sig = DerSignature::try_from(cert.signature().raw_bytes()).unwrap();
    Verifier::<DerSignature>::verify(&cert_key, &tbs.to_der().unwrap(), &cert_sig).unwrap();

    // Explicit curve parameters are refused.
    assert!(SecretKey::<C>::from_sec1_pem(&read_str(curve, "sec1_explicit.pem")).is_err());
    assert!(SecretKey::<C>::from_pkcs8_pem(&read_str(curve, "pkcs8_explicit.pem")).is_err());
    assert!(PublicKey::<C>::from_public_key_der(&read(curve, "spki_explicit.der")).is_err());

    // Every other curve's files are refused.
    for other in CURVES.iter().filter(|&&c| c != curve) {
        assert!(SecretKey::<C>::from_pkcs8_der(&read(other, "pkcs8.der")).is_err());
        assert!(SecretKey::<C>::from_sec1_der(&read(other, "sec1.der")).is_err());
        assert!(PublicKey::<C>::from_public_key_der(&read(other, "spki.der")).is_err());
    }

    // Truncated and damaged files: an error, never a panic. Each file binds the key twice (the
    // private key and its public key), so any changed byte is caught.
    for (file, decode) in [
        (
            "pkcs8.der",
            (|b: &[u8]| SecretKey::<C>::from_pkcs8_der(b).is_ok()) as fn(&[u8]) -> bool,
        ),
        ("sec1.der", |b: &[u8]| {
            SecretKey::<C>::from_sec1_der(b).is_ok()
        }),
        ("spki.der", |b: &[u8]| {
            PublicKey::<C>::from_public_key_der(b).is_ok()
        }),
    ] {
        let bytes = read(curve, file);
        for len in 0..bytes.len() {
            assert!(!decode(&bytes[..len]), "{curve} {file} cut at {len}");
        }
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x01;
            assert!(!decode(&damaged), "{curve} {file} byte {i} flipped");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(!decode(&longer), "{curve} {file} with a trailing byte");
    }
    assert!(SecretKey::<C>::from_pkcs8_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n").is_err());
    assert!(SecretKey::<C>::from_sec1_pem(&read_str(curve, "pkcs8.pem")).is_err());
}

#[test]
fn p224() {
    check_curve::<ecckit::p224::NistP224>("p224");
}

#[test]
fn p256() {
    check_curve::<ecckit::p256::NistP256>("p256");
}

#[test]
fn p384() {
    check_curve::<ecckit::p384::NistP384>("p384");
}

#[test]
fn p521() {
    check_curve::<ecckit::p521::NistP521>("p521");
}

#[test]
fn secp256k1() {
    check_curve::<ecckit::secp256k1::Secp256k1>("secp256k1");
}

/// A private key with leading zero bytes dropped (as some encoders write it) is accepted inside
/// SEC1 and by `from_slice`; `from_bytes` stays exact.
#[test]
fn short_private_keys() {
    use ecckit::p256::SecretKey;
    // d = 1 and d = 2^248 + 5: one and 31 significant bytes.
    let mut full = [0u8; 32];
    full[31] = 1;
    let one = SecretKey::from_bytes(&full).unwrap();
    assert_eq!(
        SecretKey::from_slice(&[1]).unwrap().to_bytes(),
        one.to_bytes()
    );
    assert!(SecretKey::from_bytes(&[1]).is_err());
    let mut d31 = [0u8; 31];
    d31[0] = 1;
    d31[30] = 5;
    let mut d32 = [0u8; 32];
    d32[1..].copy_from_slice(&d31);
    assert_eq!(
        SecretKey::from_slice(&d31).unwrap().to_bytes(),
        SecretKey::from_bytes(&d32).unwrap().to_bytes()
    );
    assert!(SecretKey::from_slice(&[]).is_err());
    assert!(SecretKey::from_slice(&[0u8; 33]).is_err());
    assert!(SecretKey::from_slice(&[0u8; 5]).is_err(), "zero");

    // A SEC1 ECPrivateKey with the 31-byte key, written with the `sec1` crate's own encoder.
    let key = SecretKey::from_slice(&d31).unwrap();
    let public = key.public_key().to_sec1_bytes(false);
    let short = ecckit::sec1::EcPrivateKey {
        private_key: &d31,
        parameters: None,
        public_key: Some(&public),
    }
    .to_der()
    .unwrap();
    let decoded = SecretKey::from_sec1_der(&short).unwrap();
    assert_eq!(decoded.to_bytes(), key.to_bytes());
}

/// PKCS#8 v2 (RFC 5958, the public key also outside the `ECPrivateKey`), as `ring` writes it, is
/// read; a v2 file whose outer public key is another key's is refused.
#[test]
fn pkcs8_v2() {
    use ecckit::der::asn1::{BitStringRef, OctetStringRef};
    use ecckit::p256::{NistP256, SecretKey};
    let v1 = read("p256", "pkcs8.der");
    let info = ecckit::pkcs8::PrivateKeyInfoRef::from_der(&v1).unwrap();
    let key = SecretKey::from_pkcs8_der(&v1).unwrap();
    let build = |public: &[u8]| {
        let mut v2 = ecckit::pkcs8::PrivateKeyInfoRef::new(
            info.algorithm,
            OctetStringRef::new(info.private_key.as_bytes()).unwrap(),
        );
        v2.public_key = Some(BitStringRef::from_bytes(public).unwrap());
        assert_eq!(v2.version(), ecckit::pkcs8::Version::V2);
        v2.to_der().unwrap()
    };
    let own = key.public_key().to_sec1_bytes(false);
    let decoded = SecretKey::from_pkcs8_der(&build(&own)).unwrap();
    assert_eq!(decoded.to_bytes(), key.to_bytes());
    let other = ecckit::keys::SecretKey::<NistP256>::from_slice(&[7])
        .unwrap()
        .public_key()
        .to_sec1_bytes(false);
    assert!(SecretKey::from_pkcs8_der(&build(&other)).is_err());
}

/// Keys and signatures that ecckit makes, checked by the OpenSSL CLI where it is installed.
#[test]
fn openssl_accepts_ecckit_output() {
    if Command::new("openssl").arg("version").output().is_err() {
        eprintln!("skipped: the openssl command is not installed");
        return;
    }
    let tmp = std::env::temp_dir().join(format!("ecckit-openssl-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    check_with_openssl::<ecckit::p224::NistP224>(&tmp, "p224");
    check_with_openssl::<ecckit::p256::NistP256>(&tmp, "p256");
    check_with_openssl::<ecckit::p384::NistP384>(&tmp, "p384");
    check_with_openssl::<ecckit::p521::NistP521>(&tmp, "p521");
    check_with_openssl::<ecckit::secp256k1::Secp256k1>(&tmp, "secp256k1");
    std::fs::remove_dir_all(&tmp).unwrap();
}

fn check_with_openssl<C: EcdsaCurve + AssociatedOid>(tmp: &Path, curve: &str) {
    let key = SigningKey::<C>::random(&mut rand::rng());
    let pkcs8 = tmp.join(format!("{curve}-pkcs8.pem"));
    let sec1 = tmp.join(format!("{curve}-sec1.pem"));
    let spki = tmp.join(format!("{curve}-spki.pem"));
    let msg = tmp.join(format!("{curve}-msg.txt"));
    let sig = tmp.join(format!("{curve}-sig.der"));
    key.write_pkcs8_pem_file(&pkcs8, LineEnding::LF).unwrap();
    key.write_sec1_pem_file(&sec1, LineEnding::LF).unwrap();
    key.verifying_key()
        .write_public_key_pem_file(&spki, LineEnding::LF)
        .unwrap();
    std::fs::write(&msg, b"signed by ecckit").unwrap();
    std::fs::write(&sig, key.sign(b"signed by ecckit").to_der()).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{curve}: openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let path = |p: &Path| p.to_str().unwrap().to_owned();
    // OpenSSL reads both private key files and derives the same public key as the SPKI file.
    let derived = run(&["pkey", "-in", &path(&pkcs8), "-pubout"]);
    assert_eq!(derived, std::fs::read(&spki).unwrap(), "{curve}");
    run(&["ec", "-in", &path(&sec1), "-check", "-noout"]);
    // OpenSSL verifies ecckit's signature.
    let digest = match curve {
        "p224" => "-sha224",
        "p384" => "-sha384",
        "p521" => "-sha512",
        _ => "-sha256",
    };
    let out = run(&[
        "dgst",
        digest,
        "-verify",
        &path(&spki),
        "-signature",
        &path(&sig),
        &path(&msg),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&out).trim(),
        "Verified OK",
        "{curve}"
    );
}
