//! X25519 and Ed25519 in the ecosystem: OpenSSL's files (vectors/openssl/{ed25519,x25519}, made
//! by vectors/openssl/make25519.sh) read and re-encoded byte for byte, OpenSSL's signature and
//! shared secret reproduced, PKCS#8 v2, bad containers refused, ecckit's output read by the
//! OpenSSL CLI where it is installed, the `signature` traits, an X.509 request built with an
//! Ed25519 key, JWK (RFC 8037) and serde.

use ecckit::ed25519::{Signature, SigningKey, VerifyingKey};
use ecckit::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use ecckit::spki::{DecodePublicKey, EncodePublicKey};
use ecckit::x25519;
use ecckit::{Error, signature};
use std::path::PathBuf;
use std::process::Command;

fn path(dir: &str, file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors/openssl")
        .join(dir)
        .join(file)
}

fn read(dir: &str, file: &str) -> Vec<u8> {
    std::fs::read(path(dir, file)).unwrap()
}

fn read_str(dir: &str, file: &str) -> String {
    String::from_utf8(read(dir, file)).unwrap()
}

#[test]
fn openssl_ed25519_files() {
    let pem = read_str("ed25519", "pkcs8.pem");
    let key = SigningKey::from_pkcs8_pem(&pem).unwrap();
    let der_key = SigningKey::from_pkcs8_der(&read("ed25519", "pkcs8.der")).unwrap();
    assert_eq!(key.to_bytes(), der_key.to_bytes());
    // OpenSSL's bytes back.
    assert_eq!(key.to_pkcs8_pem(LineEnding::LF).unwrap().as_str(), pem);
    assert_eq!(
        key.to_pkcs8_der().unwrap().as_bytes(),
        read("ed25519", "pkcs8.der")
    );
    let public = VerifyingKey::from_public_key_pem(&read_str("ed25519", "spki.pem")).unwrap();
    assert_eq!(public, key.verifying_key());
    assert_eq!(
        public.to_public_key_der().unwrap().as_bytes(),
        read("ed25519", "spki.der")
    );
    assert_eq!(
        public.to_public_key_pem(LineEnding::LF).unwrap(),
        read_str("ed25519", "spki.pem")
    );
    // OpenSSL's signature verifies, and ecckit signs the same bytes (Ed25519 is deterministic).
    let msg = read("", "message.txt");
    let sig = Signature::from_bytes(&read("ed25519", "signature.bin")).unwrap();
    public.verify(&msg, &sig).unwrap();
    public.verify_strict(&msg, &sig).unwrap();
    assert_eq!(key.sign(&msg), sig);
}

#[test]
fn openssl_x25519_files() {
    let key = x25519::SecretKey::from_pkcs8_pem(&read_str("x25519", "pkcs8.pem")).unwrap();
    assert_eq!(
        key.to_pkcs8_der().unwrap().as_bytes(),
        read("x25519", "pkcs8.der")
    );
    let public = x25519::PublicKey::from_public_key_der(&read("x25519", "spki.der")).unwrap();
    assert_eq!(public, key.public_key());
    assert_eq!(
        public.to_public_key_pem(LineEnding::LF).unwrap(),
        read_str("x25519", "spki.pem")
    );
    let peer =
        x25519::PublicKey::from_public_key_pem(&read_str("x25519", "peer_spki.pem")).unwrap();
    let shared = x25519::diffie_hellman(&key, &peer).unwrap();
    assert_eq!(
        shared.raw_secret_bytes().as_slice(),
        read("x25519", "shared.bin")
    );
    let peer_secret = x25519::SecretKey::from_pkcs8_pem(&read_str("x25519", "peer.pem")).unwrap();
    assert_eq!(peer_secret.public_key(), peer);
}

#[test]
fn pkcs8_v2_and_bad_containers() {
    let key = SigningKey::from_bytes(&[3u8; 32]).unwrap();
    let v2 = key.to_pkcs8_v2_der().unwrap();
    assert_eq!(v2.as_bytes()[4], 1, "version 1 (v2)");
    assert_eq!(
        SigningKey::from_pkcs8_der(v2.as_bytes())
            .unwrap()
            .to_bytes(),
        key.to_bytes()
    );
    let xkey = x25519::SecretKey::from_bytes(&[4u8; 32]).unwrap();
    let xv2 = xkey.to_pkcs8_v2_der().unwrap();
    assert_eq!(
        x25519::SecretKey::from_pkcs8_der(xv2.as_bytes())
            .unwrap()
            .public_key(),
        xkey.public_key()
    );
    // A v2 file whose public key is not the seed's: refused.
    let mut wrong = v2.as_bytes().to_vec();
    let last = wrong.len() - 1;
    wrong[last] ^= 1;
    assert!(SigningKey::from_pkcs8_der(&wrong).is_err());
    // Another algorithm's key: an Ed25519 file read as X25519 and the other way, refused.
    let ed = key.to_pkcs8_der().unwrap();
    assert!(x25519::SecretKey::from_pkcs8_der(ed.as_bytes()).is_err());
    assert!(SigningKey::from_pkcs8_der(xv2.as_bytes()).is_err());
    let spki = key.verifying_key().to_public_key_der().unwrap();
    assert!(x25519::PublicKey::from_public_key_der(spki.as_bytes()).is_err());
    // An EC key: refused.
    let p256 = std::fs::read(path("p256", "pkcs8.der")).unwrap();
    assert!(SigningKey::from_pkcs8_der(&p256).is_err());
    // Every truncation and every single-byte change of a good file: an error or the same key,
    // never a panic.
    let good = ed.as_bytes();
    for n in 0..good.len() {
        assert!(SigningKey::from_pkcs8_der(&good[..n]).is_err());
        for bit in 0..8 {
            let mut bytes = good.to_vec();
            bytes[n] ^= 1 << bit;
            if let Ok(k) = SigningKey::from_pkcs8_der(&bytes) {
                assert_ne!(k.to_bytes(), key.to_bytes(), "byte {n} bit {bit}");
            }
        }
    }
    // Parameters present (RFC 8410 §3: they must be absent): `NULL` added to the algorithm.
    let mut with_null = vec![
        0x30, 0x30, 0x02, 0x01, 0x00, 0x30, 0x07, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x05, 0x00,
    ];
    with_null.extend_from_slice(&good[12..]);
    assert!(SigningKey::from_pkcs8_der(&with_null).is_err());
    // A public key of the wrong length in an SPKI.
    let mut short = spki.as_bytes().to_vec();
    short.pop();
    short[1] -= 1;
    short[10] -= 1;
    assert!(VerifyingKey::from_public_key_der(&short).is_err());
}

#[test]
fn openssl_accepts_ecckit_output() {
    if Command::new("openssl").arg("version").output().is_err() {
        eprintln!("skipped: the openssl command is not installed");
        return;
    }
    let tmp = std::env::temp_dir().join(format!("ecckit-openssl-25519-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let p = |f: &str| tmp.join(f).to_str().unwrap().to_owned();
    let run = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().unwrap();
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let key = SigningKey::random(&mut rand::rng());
    key.write_pkcs8_pem_file(p("ed.pem"), LineEnding::LF)
        .unwrap();
    key.verifying_key()
        .write_public_key_pem_file(p("ed-spki.pem"), LineEnding::LF)
        .unwrap();
    std::fs::write(p("msg"), b"signed by ecckit").unwrap();
    std::fs::write(p("sig"), key.sign(b"signed by ecckit").to_bytes()).unwrap();
    // OpenSSL derives the same public key from the private key file, and verifies the
    // signature. (OpenSSL 3.0 cannot read PKCS#8 v2 with a public key at all: its template ends
    // at the attributes, so v2 is not offered to it.)
    let spki = std::fs::read(p("ed-spki.pem")).unwrap();
    assert_eq!(run(&["pkey", "-in", &p("ed.pem"), "-pubout"]), spki);
    let out = run(&[
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        &p("ed-spki.pem"),
        "-rawin",
        "-in",
        &p("msg"),
        "-sigfile",
        &p("sig"),
    ]);
    assert!(String::from_utf8_lossy(&out).contains("Signature Verified Successfully"));
    // X25519: OpenSSL derives the shared secret of ecckit's key and its own peer key.
    let xkey = x25519::SecretKey::random(&mut rand::rng());
    xkey.write_pkcs8_pem_file(p("x.pem"), LineEnding::LF)
        .unwrap();
    let peer_spki = path("x25519", "peer_spki.pem");
    run(&[
        "pkeyutl",
        "-derive",
        "-inkey",
        &p("x.pem"),
        "-peerkey",
        peer_spki.to_str().unwrap(),
        "-out",
        &p("shared"),
    ]);
    let peer =
        x25519::PublicKey::from_public_key_pem(&read_str("x25519", "peer_spki.pem")).unwrap();
    assert_eq!(
        std::fs::read(p("shared")).unwrap(),
        x25519::diffie_hellman(&xkey, &peer)
            .unwrap()
            .raw_secret_bytes()
    );
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn signature_traits() {
    use sha2::{Digest, Sha512};
    use signature::{DigestSigner, DigestVerifier, Keypair, SignatureEncoding, Signer, Verifier};
    let key = SigningKey::from_bytes(&[5u8; 32]).unwrap();
    let sig: Signature = Signer::sign(&key, b"traits");
    assert_eq!(sig, key.sign(b"traits"));
    Verifier::verify(&key.verifying_key(), b"traits", &sig).unwrap();
    assert!(Verifier::verify(&key.verifying_key(), b"other", &sig).is_err());
    assert_eq!(Keypair::verifying_key(&key), key.verifying_key());
    // DigestSigner is Ed25519ph with an empty context.
    let ph: Signature = key.sign_digest(|d: &mut Sha512| d.update(b"traits"));
    assert_eq!(ph, key.sign_ph(b"traits", b"").unwrap());
    key.verifying_key()
        .verify_digest(
            |d: &mut Sha512| {
                Digest::update(d, b"traits");
                Ok(())
            },
            &ph,
        )
        .unwrap();
    let bytes = SignatureEncoding::to_bytes(&sig);
    assert_eq!(Signature::try_from(bytes.as_slice()).unwrap(), sig);
    assert_eq!(
        Signature::try_from(&bytes[..63]).unwrap_err(),
        Error::InvalidLength
    );
}

#[test]
fn x509_request_with_an_ed25519_key() {
    use std::str::FromStr;
    use x509_cert::builder::{Builder, RequestBuilder};
    use x509_cert::der::{Decode, DecodePem, Encode};
    use x509_cert::name::Name;
    let key = SigningKey::from_bytes(&[6u8; 32]).unwrap();
    let csr = RequestBuilder::new(Name::from_str("CN=ed25519,O=ecckit").unwrap())
        .unwrap()
        .build::<_, Signature>(&key)
        .unwrap();
    assert_eq!(csr.algorithm.oid.to_string(), "1.3.101.112");
    let key_in_csr =
        VerifyingKey::from_public_key_der(&csr.info.public_key.to_der().unwrap()).unwrap();
    assert_eq!(key_in_csr, key.verifying_key());
    let sig = Signature::from_bytes(csr.signature.raw_bytes()).unwrap();
    key_in_csr
        .verify(&csr.info.to_der().unwrap(), &sig)
        .unwrap();
    // And the OpenSSL-made certificate's signature checks with the key in it.
    let cert = x509_cert::Certificate::from_pem(read("ed25519", "cert.pem")).unwrap();
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .unwrap();
    let public = VerifyingKey::from_public_key_der(&spki).unwrap();
    let sig = Signature::from_bytes(cert.signature().raw_bytes()).unwrap();
    public
        .verify(&cert.tbs_certificate().to_der().unwrap(), &sig)
        .unwrap();
    let _ = x509_cert::Certificate::from_der(&cert.to_der().unwrap()).unwrap();
}

#[test]
fn jwk_rfc8037() {
    // RFC 8037 §A.1–A.2: the Ed25519 key and its JWKs.
    let jwk = r#"{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    let key = SigningKey::from_jwk_str(jwk).unwrap();
    assert_eq!(
        key.verifying_key().to_jwk_string(),
        r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#
    );
    assert_eq!(
        key.to_jwk_string().as_str(),
        r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}"#
    );
    assert_eq!(
        VerifyingKey::from_jwk_str(&key.verifying_key().to_jwk_string()).unwrap(),
        key.verifying_key()
    );
    // X25519 round trips; the wrong curve, kty, x or length are errors.
    let x = x25519::SecretKey::from_bytes(&[8u8; 32]).unwrap();
    let xjwk = x.to_jwk_string();
    assert_eq!(
        x25519::SecretKey::from_jwk_str(&xjwk).unwrap().public_key(),
        x.public_key()
    );
    assert_eq!(
        x25519::PublicKey::from_jwk_str(&x.public_key().to_jwk_string()).unwrap(),
        x.public_key()
    );
    assert!(VerifyingKey::from_jwk_str(&x.public_key().to_jwk_string()).is_err());
    assert!(x25519::PublicKey::from_jwk_str(&key.verifying_key().to_jwk_string()).is_err());
    assert!(VerifyingKey::from_jwk_str(&jwk.replace("OKP", "EC")).is_err());
    let mismatched = jwk.replace("11qY", "12qY");
    assert_eq!(
        SigningKey::from_jwk_str(&mismatched).unwrap_err(),
        Error::KeyMismatch
    );
    assert_eq!(
        VerifyingKey::from_jwk_str(r#"{"kty":"OKP","crv":"Ed25519","x":"11qY"}"#).unwrap_err(),
        Error::InvalidLength
    );
    assert!(VerifyingKey::from_jwk_str(r#"{"kty":"OKP","crv":"Ed25519","x":"!!"}"#).is_err());
}

#[test]
fn serde_round_trips() {
    let key = SigningKey::from_bytes(&[2u8; 32]).unwrap();
    let vk = key.verifying_key();
    let sig = key.sign(b"serde");
    let json = serde_json::to_string(&vk).unwrap();
    assert_eq!(json, format!("\"{}\"", hex(&vk.to_bytes())));
    assert_eq!(serde_json::from_str::<VerifyingKey>(&json).unwrap(), vk);
    let json = serde_json::to_string(&sig).unwrap();
    assert_eq!(serde_json::from_str::<Signature>(&json).unwrap(), sig);
    let xpk = x25519::SecretKey::from_bytes(&[1u8; 32])
        .unwrap()
        .public_key();
    let json = serde_json::to_string(&xpk).unwrap();
    assert_eq!(
        serde_json::from_str::<x25519::PublicKey>(&json).unwrap(),
        xpk
    );
    let mut cbor = Vec::new();
    ciborium::into_writer(&sig, &mut cbor).unwrap();
    assert_eq!(cbor.len(), 2 + 64, "a CBOR byte string");
    assert_eq!(
        ciborium::from_reader::<Signature, _>(cbor.as_slice()).unwrap(),
        sig
    );
    assert!(serde_json::from_str::<VerifyingKey>("\"00\"").is_err());
    assert!(serde_json::from_str::<Signature>("\"00\"").is_err());
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
