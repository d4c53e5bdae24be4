//! AWS-LC (C with assembly for P-256/P-384/P-521 on x86-64 and aarch64) through `aws-lc-rs`.
//!
//! - public key: AWS-LC's C interface through `aws-lc-sys` (the copy `aws-lc-rs` builds):
//!   `BN_bin2bn(secret)` → `EC_POINT_mul(group, P, d, NULL, NULL, NULL)` (its constant-time
//!   fixed-base multiplication, as in key generation and signing) → `EC_POINT_point2oct(…,
//!   POINT_CONVERSION_UNCOMPRESSED)` → free, on the built-in static group. aws-lc-rs's own route
//!   from secret bytes, `agreement::PrivateKey::from_private_key` + `compute_public_key`, also
//!   runs `EC_KEY_check_key`, whose pairwise consistency test computes `d·G` a second time
//!   (about twice the cost), so it is used for the correctness check only.
//! - sign: `signature::EcdsaKeyPair::sign` with the `*_ASN1_SIGNING` algorithm (hash included,
//!   DER output, its native form). **Randomized**: AWS-LC draws the nonce from its RNG, hedged
//!   with a hash of the private key and digest; the `SecureRandom` argument is ignored.
//! - verify: `signature::ParsedPublicKey::verify_sig(msg, der)`: key decoded once, the DER
//!   signature parsed inside the call (its API takes bytes).
//! - ecdh: `agreement::agree(&PrivateKey, UnparsedPublicKey::new(alg, peer), …)` with a static
//!   private key imported once by `PrivateKey::from_private_key`; the peer's SEC1 bytes are parsed
//!   and validated inside the call (aws-lc-rs first tries them as an X.509 SubjectPublicKeyInfo,
//!   which fails at once, then as a SEC1 point); the closure copies the raw x-coordinate out.
//!
//! X25519 and Ed25519 ([`x25519`], [`ed25519`]) go through `aws-lc-rs` alone: its routes add no
//! second scalar multiplication, only AWS-LC's `EVP_PKEY` bookkeeping (an allocation and a
//! context per call, small next to the arithmetic), which is the cost a user of the library pays.
//! On x86-64 AWS-LC runs both on s2n-bignum's assembly where the CPU has BMI2 and ADX.
//! - X25519 public key: `agreement::PrivateKey::from_private_key(&X25519, secret)` (AWS-LC
//!   derives the public key when it imports the raw private key: one fixed-base multiplication)
//!   → `compute_public_key()` (copies it out);
//! - X25519 ecdh: `agreement::agree` with a private key imported once and an
//!   `UnparsedPublicKey` of the peer's 32 bytes (AWS-LC refuses an all-zero result, as ecckit);
//! - Ed25519 public key: `signature::Ed25519KeyPair::from_seed_unchecked(seed)` (SHA-512 of the
//!   seed and `[s]B` on import) → `public_key()`;
//! - Ed25519 sign: `Ed25519KeyPair::sign(msg)` (`EVP_DigestSign`; AWS-LC hashes the seed again
//!   in every signature, as its `ED25519_sign` takes the seed, not the expanded key);
//! - Ed25519 verify: `signature::ParsedPublicKey::verify_sig(msg, sig)`, the key parsed once, the
//!   64 signature bytes read inside the call (`EVP_DigestVerify`).

use crate::contender::{Contender, Inputs, Operation, Signing, op};
use aws_lc_rs::agreement::{self, PrivateKey, UnparsedPublicKey};
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{
    self, EcdsaKeyPair, EcdsaSigningAlgorithm, EcdsaVerificationAlgorithm, Ed25519KeyPair, KeyPair,
    ParsedPublicKey,
};
use aws_lc_sys::EC_GROUP;
use std::hint::black_box;

/// The AWS-LC algorithms of one curve.
pub struct Algorithms {
    /// The curve's built-in static `EC_GROUP`.
    pub group: unsafe extern "C" fn() -> *const EC_GROUP,
    /// ECDH.
    pub agreement: &'static agreement::Algorithm,
    /// ECDSA signing with the curve's hash, DER output.
    pub signing: &'static EcdsaSigningAlgorithm,
    /// ECDSA verification with the curve's hash, DER input.
    pub verification: &'static EcdsaVerificationAlgorithm,
    /// ECDSA verification with the curve's hash, fixed-size `r ‖ s` input (for the check only).
    pub verification_fixed: &'static EcdsaVerificationAlgorithm,
}

/// P-256 with SHA-256.
pub const P256: Algorithms = Algorithms {
    group: aws_lc_sys::EC_group_p256,
    agreement: &agreement::ECDH_P256,
    signing: &signature::ECDSA_P256_SHA256_ASN1_SIGNING,
    verification: &signature::ECDSA_P256_SHA256_ASN1,
    verification_fixed: &signature::ECDSA_P256_SHA256_FIXED,
};

/// P-384 with SHA-384.
pub const P384: Algorithms = Algorithms {
    group: aws_lc_sys::EC_group_p384,
    agreement: &agreement::ECDH_P384,
    signing: &signature::ECDSA_P384_SHA384_ASN1_SIGNING,
    verification: &signature::ECDSA_P384_SHA384_ASN1,
    verification_fixed: &signature::ECDSA_P384_SHA384_FIXED,
};

/// P-521 with SHA-512.
pub const P521: Algorithms = Algorithms {
    group: aws_lc_sys::EC_group_p521,
    agreement: &agreement::ECDH_P521,
    signing: &signature::ECDSA_P521_SHA512_ASN1_SIGNING,
    verification: &signature::ECDSA_P521_SHA512_ASN1,
    verification_fixed: &signature::ECDSA_P521_SHA512_FIXED,
};

/// AWS-LC on the curve of `algs`. `der_signature` is `inputs.signature` in DER, and
/// `der_to_fixed` converts a DER signature to `r ‖ s` (both done by the caller with ecckit's
/// encoders; the check then confirms AWS-LC agrees).
pub fn contender(
    inputs: &Inputs,
    algs: &'static Algorithms,
    der_signature: Vec<u8>,
    der_to_fixed: fn(&[u8]) -> Option<Vec<u8>>,
) -> Contender {
    let curve = inputs.curve;
    let secret = inputs.secret.clone();
    let agreement_alg = algs.agreement;
    // SAFETY: the getter returns a pointer to a static, immutable group.
    let group = Group(unsafe { (algs.group)() });
    let public_key = move |secret: &[u8]| {
        let mut out = [0u8; MAX_POINT_LEN];
        let len = derive_public_key(group, secret, &mut out)
            .unwrap_or_else(|| panic!("{curve}: AWS-LC's EC_POINT_mul rejects the secret key"));
        (out, len)
    };
    let (derived, len) = public_key(&secret);
    let public = derived[..len].to_vec();
    let rs_public = PrivateKey::from_private_key(agreement_alg, &secret)
        .unwrap_or_else(|e| panic!("{curve}: aws-lc-rs rejects the secret key: {e}"))
        .compute_public_key()
        .unwrap_or_else(|e| panic!("{curve}: aws-lc-rs cannot compute the public key: {e}"));
    assert!(
        rs_public.as_ref() == &public[..],
        "{curve}: AWS-LC's EC_POINT_mul and aws-lc-rs's compute_public_key disagree"
    );

    let key_pair = EcdsaKeyPair::from_private_key_and_public_key(algs.signing, &secret, &public)
        .unwrap_or_else(|e| panic!("{curve}: AWS-LC rejects the signing key pair: {e}"));
    assert_eq!(key_pair.public_key().as_ref(), &public[..]);
    let rng = SystemRandom::new();
    let sign = move |key_pair: &EcdsaKeyPair, msg: &[u8]| {
        key_pair
            .sign(&rng, msg)
            .unwrap_or_else(|e| panic!("{curve}: AWS-LC cannot sign: {e}"))
    };
    let verifying_key = ParsedPublicKey::new(algs.verification, &public)
        .unwrap_or_else(|e| panic!("{curve}: AWS-LC rejects the public key: {e}"));
    let fixed_verifying_key = ParsedPublicKey::new(algs.verification_fixed, &public)
        .unwrap_or_else(|e| panic!("{curve}: AWS-LC rejects the public key: {e}"));
    let msg = inputs.msg;
    assert!(
        verifying_key.verify_sig(msg, &der_signature).is_ok(),
        "{curve}: AWS-LC rejects the DER form of the signature that every library verifies"
    );

    let private_key = PrivateKey::from_private_key(agreement_alg, &secret)
        .unwrap_or_else(|e| panic!("{curve}: AWS-LC rejects the secret key: {e}"));
    let peer = inputs.peer_public.clone();
    let ecdh = move |private_key: &PrivateKey, peer: &[u8]| {
        let mut out = [0u8; 66];
        let len = agreement::agree(
            private_key,
            UnparsedPublicKey::new(agreement_alg, peer),
            "AWS-LC rejects the peer key",
            |s| {
                out[..s.len()].copy_from_slice(s);
                Ok(s.len())
            },
        )
        .unwrap_or_else(|e| panic!("{curve}: {e}"));
        (out, len)
    };

    let (shared, len) = ecdh(&private_key, &peer);
    let own_signature = sign(&key_pair, msg);
    let own_signature = der_to_fixed(own_signature.as_ref()).unwrap_or_else(|| {
        panic!(
            "{curve}: AWS-LC's signature is not strict DER: {}",
            crate::contender::hex(own_signature.as_ref())
        )
    });
    Contender {
        name: "AWS-LC",
        public_key: public,
        signing: Some(Signing {
            deterministic: false,
            signature: own_signature,
            accepts: Box::new(move |sig| fixed_verifying_key.verify_sig(msg, sig).is_ok()),
        }),
        shared_secret: Some(shared[..len].to_vec()),
        ops: vec![
            op(Operation::PublicKey, move || {
                black_box(public_key(black_box(&secret)));
            }),
            op(Operation::Sign, move || {
                black_box(sign(black_box(&key_pair), black_box(msg)));
            }),
            op(Operation::Verify, move || {
                let ok =
                    black_box(&verifying_key).verify_sig(black_box(msg), black_box(&der_signature));
                black_box(ok.is_ok());
            }),
            op(Operation::Ecdh, move || {
                black_box(ecdh(black_box(&private_key), black_box(&peer)));
            }),
        ],
    }
}

/// AWS-LC's X25519.
pub fn x25519(inputs: &Inputs) -> Contender {
    let curve = inputs.curve;
    let secret = inputs.secret.clone();
    let public_key = move |secret: &[u8]| {
        PrivateKey::from_private_key(&agreement::X25519, secret)
            .unwrap_or_else(|e| panic!("{curve}: AWS-LC rejects the secret key: {e}"))
            .compute_public_key()
            .unwrap_or_else(|e| panic!("{curve}: AWS-LC cannot compute the public key: {e}"))
    };
    let private_key = PrivateKey::from_private_key(&agreement::X25519, &secret)
        .unwrap_or_else(|e| panic!("{curve}: AWS-LC rejects the secret key: {e}"));
    let peer = inputs.peer_public.clone();
    let ecdh = move |private_key: &PrivateKey, peer: &[u8]| {
        agreement::agree(
            private_key,
            UnparsedPublicKey::new(&agreement::X25519, peer),
            "AWS-LC rejects the peer key",
            |s| Ok(<[u8; 32]>::try_from(s).expect("32-byte X25519 secret")),
        )
        .unwrap_or_else(|e| panic!("{curve}: {e}"))
    };

    let shared_secret = ecdh(&private_key, &peer).to_vec();
    Contender {
        name: "AWS-LC",
        public_key: public_key(&secret).as_ref().to_vec(),
        signing: None,
        shared_secret: Some(shared_secret),
        ops: vec![
            op(Operation::PublicKey, move || {
                black_box(public_key(black_box(&secret)));
            }),
            op(Operation::Ecdh, move || {
                black_box(ecdh(black_box(&private_key), black_box(&peer)));
            }),
        ],
    }
}

/// AWS-LC's Ed25519.
pub fn ed25519(inputs: &Inputs) -> Contender {
    let curve = inputs.curve;
    let seed = inputs.secret.clone();
    let key_pair = move |seed: &[u8]| {
        Ed25519KeyPair::from_seed_unchecked(seed)
            .unwrap_or_else(|e| panic!("{curve}: AWS-LC rejects the seed: {e}"))
    };
    let signing_key = key_pair(&seed);
    let public = signing_key.public_key().as_ref().to_vec();
    let verifying_key = ParsedPublicKey::new(&signature::ED25519, &public)
        .unwrap_or_else(|e| panic!("{curve}: AWS-LC rejects the public key: {e}"));
    let check_key = ParsedPublicKey::new(&signature::ED25519, &public)
        .unwrap_or_else(|e| panic!("{curve}: AWS-LC rejects the public key: {e}"));
    let msg = inputs.msg;
    let timed_signature = inputs.signature.clone();
    let own_signature = signing_key.sign(msg).as_ref().to_vec();
    Contender {
        name: "AWS-LC",
        public_key: public,
        signing: Some(Signing {
            deterministic: true,
            signature: own_signature,
            accepts: Box::new(move |sig| check_key.verify_sig(msg, sig).is_ok()),
        }),
        shared_secret: None,
        ops: vec![
            op(Operation::PublicKey, move || {
                let pair = key_pair(black_box(&seed));
                black_box(pair.public_key().as_ref());
            }),
            op(Operation::Sign, move || {
                black_box(black_box(&signing_key).sign(black_box(msg)));
            }),
            op(Operation::Verify, move || {
                let ok = black_box(&verifying_key)
                    .verify_sig(black_box(msg), black_box(&timed_signature));
                black_box(ok.is_ok());
            }),
        ],
    }
}

/// The longest SEC1 uncompressed point: P-521's `1 + 2·66` bytes.
const MAX_POINT_LEN: usize = 133;

/// A static `EC_GROUP` pointer (immutable, lives for the whole program).
#[derive(Clone, Copy)]
struct Group(*const EC_GROUP);

/// `secret` → SEC1 uncompressed `d·G` in `out` through AWS-LC's C API; the length, or `None` if
/// AWS-LC refuses (a scalar out of range).
fn derive_public_key(group: Group, secret: &[u8], out: &mut [u8; MAX_POINT_LEN]) -> Option<usize> {
    use aws_lc_sys::{
        BN_bin2bn, BN_clear_free, EC_POINT_free, EC_POINT_mul, EC_POINT_new, EC_POINT_point2oct,
        point_conversion_form_t,
    };
    // SAFETY: `group` is a static group; `BN_bin2bn` reads `secret.len()` bytes and allocates the
    // BIGNUM (checked for NULL); `EC_POINT_new` allocates a point (checked); `EC_POINT_mul` with
    // only the generator scalar reads `d` and writes `point`; `EC_POINT_point2oct` writes at most
    // `out.len()` bytes; both allocations are freed on every path (the free functions accept NULL).
    unsafe {
        let d = BN_bin2bn(secret.as_ptr(), secret.len(), std::ptr::null_mut());
        if d.is_null() {
            return None;
        }
        let point = EC_POINT_new(group.0);
        let mut len = 0;
        if !point.is_null()
            && EC_POINT_mul(
                group.0,
                point,
                d,
                std::ptr::null(),
                std::ptr::null(),
                std::ptr::null_mut(),
            ) == 1
        {
            len = EC_POINT_point2oct(
                group.0,
                point,
                point_conversion_form_t::POINT_CONVERSION_UNCOMPRESSED,
                out.as_mut_ptr(),
                out.len(),
                std::ptr::null_mut(),
            );
        }
        EC_POINT_free(point);
        BN_clear_free(d);
        (len > 0).then_some(len)
    }
}
