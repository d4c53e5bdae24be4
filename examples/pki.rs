//! A small public-key infrastructure with ecckit keys and the `x509-cert` builder: a certificate
//! authority and a client certificate, as a Kubernetes cluster issues one to a user.
//!
//! 1. The CA makes a P-384 key and a self-signed CA certificate (basicConstraints CA, keyUsage
//!    keyCertSign + cRLSign).
//! 2. The client makes a P-256 key and a certificate signing request whose subject names the user
//!    (CN) and their group (O) — the two fields Kubernetes reads as user name and group.
//! 3. The CA checks the request's signature and issues the client certificate: one year of
//!    validity, keyUsage digitalSignature, extendedKeyUsage clientAuth, signed with
//!    ecdsa-with-SHA384.
//!
//! Everything is written as PEM into the directory given on the command line:
//!
//! ```text
//! cargo run --example pki -- /tmp/pki
//! openssl verify -CAfile /tmp/pki/ca.pem /tmp/pki/client.pem
//! ```
//!
//! No ASN.1 is written by hand: the keys plug into `x509-cert` through the `signature` and `spki`
//! traits that ecckit implements (`Signer`, `Keypair`, `DynSignatureAlgorithmIdentifier`,
//! `EncodePublicKey`, `SignatureBitStringEncoding`).

use ecckit::ecdsa::DerSignature;
use ecckit::pkcs8::{EncodePrivateKey, LineEnding};
use ecckit::spki::{DecodePublicKey, SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef};
use ecckit::{p256, p384};
use std::error::Error;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder, RequestBuilder};
use x509_cert::certificate::{Certificate, TbsCertificate};
use x509_cert::der::oid::db::rfc5280::ID_KP_CLIENT_AUTH;
use x509_cert::der::{Encode, EncodePem};
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsages,
    SubjectKeyIdentifier,
};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::Name;
use x509_cert::request::CertReq;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::Validity;

/// The files the walk-through writes, and the two certificates.
pub struct Pki {
    /// The CA's self-signed certificate.
    pub ca_cert: Certificate,
    /// The client certificate that the CA issued.
    pub client_cert: Certificate,
    /// `ca.pem`, `ca-key.pem`, `client-key.pem`, `client.csr`, `client.pem`.
    pub files: Vec<PathBuf>,
}

/// A one-year validity from now.
fn one_year() -> Result<Validity, Box<dyn Error>> {
    Ok(Validity::from_now(Duration::from_secs(365 * 24 * 3600))?)
}

/// The certificate profile of the CA: self-issued, a CA, allowed to sign certificates and CRLs.
struct CaProfile {
    subject: Name,
}

impl BuilderProfile for CaProfile {
    fn get_issuer(&self, subject: &Name) -> Name {
        subject.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let mut extensions = Vec::new();
        let ski = SubjectKeyIdentifier::try_from(spk)?;
        extensions.push(
            BasicConstraints {
                ca: true,
                path_len_constraint: Some(0),
            }
            .to_extension(tbs.subject(), &extensions)?,
        );
        extensions.push(
            KeyUsage(KeyUsages::KeyCertSign | KeyUsages::CRLSign)
                .to_extension(tbs.subject(), &extensions)?,
        );
        extensions.push(ski.to_extension(tbs.subject(), &extensions)?);
        Ok(extensions)
    }
}

/// The certificate profile of a client: issued by the CA, not a CA, for TLS client
/// authentication only.
struct ClientProfile {
    issuer: Name,
    subject: Name,
}

impl BuilderProfile for ClientProfile {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let mut extensions = Vec::new();
        let issuer_ski = SubjectKeyIdentifier::try_from(issuer_spk)?;
        extensions.push(
            AuthorityKeyIdentifier {
                key_identifier: Some(issuer_ski.0),
                ..Default::default()
            }
            .to_extension(tbs.subject(), &extensions)?,
        );
        extensions.push(
            BasicConstraints {
                ca: false,
                path_len_constraint: None,
            }
            .to_extension(tbs.subject(), &extensions)?,
        );
        extensions.push(
            KeyUsage(KeyUsages::DigitalSignature.into())
                .to_extension(tbs.subject(), &extensions)?,
        );
        extensions.push(
            ExtendedKeyUsage(vec![ID_KP_CLIENT_AUTH]).to_extension(tbs.subject(), &extensions)?,
        );
        extensions
            .push(SubjectKeyIdentifier::try_from(spk)?.to_extension(tbs.subject(), &extensions)?);
        Ok(extensions)
    }
}

/// Runs the walk-through, writing its PEM files into `dir`.
pub fn run(dir: &Path) -> Result<Pki, Box<dyn Error>> {
    std::fs::create_dir_all(dir)?;
    let mut rng = rand::rng();
    let mut files = Vec::new();
    let mut write = |name: &str, pem: &str| -> std::io::Result<()> {
        let path = dir.join(name);
        std::fs::write(&path, pem)?;
        files.push(path);
        Ok(())
    };

    // 1. The CA: a key and a self-signed certificate.
    let ca_key = p384::ecdsa::SigningKey::random(&mut rng);
    write("ca-key.pem", &ca_key.to_pkcs8_pem(LineEnding::LF)?)?;
    let ca_subject = Name::from_str("CN=ecckit example CA,O=ecckit")?;
    let ca_cert = CertificateBuilder::new(
        CaProfile {
            subject: ca_subject.clone(),
        },
        SerialNumber::generate(&mut rng),
        one_year()?,
        SubjectPublicKeyInfoOwned::from_key(ca_key.verifying_key())?,
    )?
    .build::<_, DerSignature>(&ca_key)?;
    write("ca.pem", &ca_cert.to_pem(LineEnding::LF)?)?;

    // 2. The client: a key and a certificate signing request for user "jane" in group
    //    "developers".
    let client_key = p256::ecdsa::SigningKey::random(&mut rng);
    write("client-key.pem", &client_key.to_pkcs8_pem(LineEnding::LF)?)?;
    let csr = RequestBuilder::new(Name::from_str("CN=jane,O=developers")?)?
        .build::<_, DerSignature>(&client_key)?;
    write("client.csr", &csr.to_pem(LineEnding::LF)?)?;

    // 3. The CA checks the request's signature with the key inside it, then issues the
    //    certificate for that key.
    let requested_key = check_request(&csr)?;
    let client_cert = CertificateBuilder::new(
        ClientProfile {
            issuer: ca_subject,
            subject: csr.info.subject.clone(),
        },
        SerialNumber::generate(&mut rng),
        one_year()?,
        SubjectPublicKeyInfoOwned::from_key(&requested_key)?,
    )?
    .build::<_, DerSignature>(&ca_key)?;
    write("client.pem", &client_cert.to_pem(LineEnding::LF)?)?;

    Ok(Pki {
        ca_cert,
        client_cert,
        files,
    })
}

/// The P-256 key of a certificate signing request, if the request is signed by it.
fn check_request(csr: &CertReq) -> Result<p256::ecdsa::VerifyingKey, Box<dyn Error>> {
    let key = p256::ecdsa::VerifyingKey::from_public_key_der(&csr.info.public_key.to_der()?)?;
    let signature = p256::ecdsa::Signature::from_der(csr.signature.raw_bytes())?;
    key.verify(&csr.info.to_der()?, &signature)?;
    Ok(key)
}

fn main() -> Result<(), Box<dyn Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "pki".into()));
    let pki = run(&dir)?;
    for file in &pki.files {
        println!("wrote {}", file.display());
    }
    println!(
        "check the chain with:\n  openssl verify -CAfile {} {}",
        dir.join("ca.pem").display(),
        dir.join("client.pem").display()
    );
    Ok(())
}
