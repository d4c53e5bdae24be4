//! The `signature` 3.x traits and the X.509 builder traits on every curve: each trait call gives
//! what the inherent method gives, and `x509-cert`'s request builder takes an ecckit key directly.

use ecckit::der::oid::AssociatedOid;
use ecckit::der::{Decode, Encode};
use ecckit::ecdsa::{DerSignature, EcdsaCurve, RecoveryId, Signature, SigningKey, VerifyingKey};
use ecckit::signature::hazmat::{PrehashSigner, PrehashVerifier, RandomizedPrehashSigner};
use ecckit::signature::{
    DigestSigner, DigestVerifier, Keypair, RandomizedSigner, SignatureEncoding, Signer, Verifier,
};
use ecckit::spki::{DynSignatureAlgorithmIdentifier, EncodePublicKey, SignatureBitStringEncoding};
use sha2::Digest;
use std::str::FromStr;
use x509_cert::builder::{Builder, RequestBuilder};
use x509_cert::name::Name;

fn check_traits<C: EcdsaCurve + AssociatedOid>(signature_oid: &str)
where
    C::Digest: AssociatedOid,
{
    let mut rng = rand::rng();
    let key = SigningKey::<C>::random(&mut rng);
    let vk: VerifyingKey<C> = Keypair::verifying_key(&key);
    assert_eq!(&vk, key.verifying_key());
    let msg = b"traits and inherent methods agree";
    let digest = C::Digest::digest(msg);

    // Deterministic signing: trait = inherent, in both encodings and with the recovery id.
    let sig: Signature<C> = Signer::sign(&key, msg);
    assert_eq!(sig, key.sign(msg));
    let der: DerSignature = Signer::sign(&key, msg);
    assert_eq!(der, sig.to_der());
    let (rsig, recid): (Signature<C>, RecoveryId) = Signer::sign(&key, msg);
    assert_eq!((rsig, recid), key.sign_recoverable(msg));
    assert_eq!(
        VerifyingKey::recover_from_msg(msg, &rsig, recid).unwrap(),
        vk
    );
    let prehashed: Signature<C> = PrehashSigner::sign_prehash(&key, &digest).unwrap();
    assert_eq!(prehashed, sig);
    let prehashed_der: DerSignature = PrehashSigner::sign_prehash(&key, &digest).unwrap();
    assert_eq!(prehashed_der, der);
    let digest_signed: Signature<C> = DigestSigner::sign_digest(&key, |d: &mut C::Digest| {
        sha2::digest::Update::update(d, b"traits and inherent ");
        sha2::digest::Update::update(d, b"methods agree");
    });
    assert_eq!(digest_signed, sig);
    assert!(PrehashSigner::<Signature<C>>::sign_prehash(&key, &[0u8; 8]).is_err());

    // Hedged signing: fresh randomness gives a new signature each time, and each verifies.
    let hedged1: Signature<C> = RandomizedSigner::sign_with_rng(&key, &mut rng, msg);
    let hedged2: Signature<C> = RandomizedSigner::sign_with_rng(&key, &mut rng, msg);
    assert_ne!(hedged1, hedged2);
    let hedged_der: DerSignature = RandomizedSigner::sign_with_rng(&key, &mut rng, msg);
    let hedged_pre: Signature<C> =
        RandomizedPrehashSigner::sign_prehash_with_rng(&key, &mut rng, &digest).unwrap();

    // Verification, all forms; a wrong message fails in each.
    for s in [sig, hedged1, hedged2, hedged_pre] {
        Verifier::verify(&vk, msg, &s).unwrap();
        assert!(Verifier::verify(&vk, b"other", &s).is_err());
        PrehashVerifier::verify_prehash(&vk, &digest, &s).unwrap();
        DigestVerifier::verify_digest(
            &vk,
            |d: &mut C::Digest| {
                sha2::digest::Update::update(d, msg);
                Ok(())
            },
            &s,
        )
        .unwrap();
    }
    for d in [der, hedged_der] {
        Verifier::verify(&vk, msg, &d).unwrap();
        assert!(Verifier::verify(&vk, b"other", &d).is_err());
        PrehashVerifier::verify_prehash(&vk, &digest, &d).unwrap();
    }

    // The trait verifier accepts high S, as `verify` does (secp256k1 signs low S; its mirror
    // image is high).
    let mirrored = Signature::<C>::from_scalars(sig.r(), -sig.s()).unwrap();
    Verifier::verify(&vk, msg, &mirrored).unwrap();
    assert!(vk.verify(msg, &mirrored).is_ok());

    // Encodings round-trip through `SignatureEncoding` and `TryFrom<&[u8]>`.
    let bytes = SignatureEncoding::to_bytes(&sig);
    assert_eq!(bytes.as_ref(), sig.to_bytes().as_ref());
    assert_eq!(Signature::<C>::try_from(bytes.as_ref()).unwrap(), sig);
    assert_eq!(SignatureEncoding::encoded_len(&sig), bytes.len());
    assert_eq!(
        DerSignature::try_from(SignatureEncoding::to_bytes(&der).as_ref()).unwrap(),
        der
    );
    assert!(Signature::<C>::try_from(&bytes.as_ref()[1..]).is_err());
    assert!(DerSignature::try_from(&der.as_bytes()[1..]).is_err());

    // X.509: the algorithm identifier names ecdsa-with-SHA-n with absent parameters; the
    // signature goes into the BIT STRING as DER; the builder takes the key directly.
    let alg = key.signature_algorithm_identifier().unwrap();
    assert_eq!(alg.oid.to_string(), signature_oid);
    assert!(alg.parameters.is_none());
    assert_eq!(der.to_bitstring().unwrap().raw_bytes(), der.as_bytes());
    let csr = RequestBuilder::new(Name::from_str("CN=test,O=ecckit").unwrap())
        .unwrap()
        .build::<_, DerSignature>(&key)
        .unwrap();
    assert_eq!(csr.algorithm.oid.to_string(), signature_oid);
    assert_eq!(
        csr.info.public_key.to_der().unwrap(),
        vk.to_public_key_der().unwrap().as_bytes()
    );
    let csr_sig = DerSignature::try_from(csr.signature.raw_bytes()).unwrap();
    Verifier::verify(&vk, &csr.info.to_der().unwrap(), &csr_sig).unwrap();
    // The CSR re-parses.
    let reparsed = x509_cert::request::CertReq::from_der(&csr.to_der().unwrap()).unwrap();
    assert_eq!(reparsed, csr);
}

#[test]
fn p224() {
    check_traits::<ecckit::p224::NistP224>("1.2.840.10045.4.3.1");
}

#[test]
fn p256() {
    check_traits::<ecckit::p256::NistP256>("1.2.840.10045.4.3.2");
}

#[test]
fn p384() {
    check_traits::<ecckit::p384::NistP384>("1.2.840.10045.4.3.3");
}

#[test]
fn p521() {
    check_traits::<ecckit::p521::NistP521>("1.2.840.10045.4.3.4");
}

#[test]
fn secp256k1() {
    check_traits::<ecckit::secp256k1::Secp256k1>("1.2.840.10045.4.3.2");
}
