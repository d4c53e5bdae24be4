//! ecckit: the ECDSA/ECDH curves through its generic types (what `ecckit::p256` and friends
//! instantiate), and `ecckit::x25519` and `ecckit::ed25519`.
//!
//! ECDSA curves ([`contender`]):
//! - public key: `SecretKey::from_bytes` → `public_key()` → `to_sec1_bytes(false)`;
//! - sign: `SigningKey::sign(msg)`: the curve's hash, RFC 6979 nonce (deterministic), low-S on
//!   secp256k1; returns a decoded `Signature`;
//! - verify: `VerifyingKey::verify(msg, &Signature)` with key and signature already decoded;
//! - ecdh: `PublicKey::from_sec1_bytes(peer)` (validates the point) → `ecdh::diffie_hellman`.
//!
//! X25519 ([`x25519`]):
//! - public key: `x25519::SecretKey::from_bytes` → `public_key()` (`k·B` with the fixed-base
//!   Edwards table, mapped to `u`) → `to_bytes()`;
//! - ecdh: `x25519::PublicKey::from_bytes(peer)` → `x25519::diffie_hellman` (the Montgomery
//!   ladder on the decoded `u`, and the all-zero check of RFC 7748 §6.1), static secret key
//!   already decoded.
//!
//! Ed25519 ([`ed25519`]):
//! - public key: `ed25519::SigningKey::from_bytes(seed)` (SHA-512 of the seed, `[s]B`,
//!   compression) → `verifying_key().to_bytes()`;
//! - sign: `SigningKey::sign(msg)` (two SHA-512 passes over the message, `[r]B`);
//! - verify: `VerifyingKey::verify(msg, &Signature)` with key and signature decoded (the
//!   cofactored ZIP 215 rule; `R` is decompressed inside the call).

use crate::contender::{Contender, Inputs, Operation, Signing, op};
use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::{Signature, SigningKey};
use ecckit::keys::{PublicKey, SecretKey};
use ecckit::{ed25519, x25519};
use std::hint::black_box;

/// ecckit on curve `C`.
pub fn contender<C: EcdsaCurve + 'static>(inputs: &Inputs) -> Contender {
    let curve = inputs.curve;
    let secret = inputs.secret.clone();
    let public_key = move |secret: &[u8]| {
        SecretKey::<C>::from_bytes(secret)
            .unwrap_or_else(|e| panic!("{curve}: ecckit rejects the secret key: {e:?}"))
            .public_key()
            .to_sec1_bytes(false)
    };

    let signing_key = SigningKey::<C>::from_bytes(&secret).expect("checked above");
    let verifying_key = *signing_key.verifying_key();
    let msg = inputs.msg;
    let signature = Signature::<C>::from_bytes(&inputs.signature)
        .unwrap_or_else(|e| panic!("{curve}: ecckit cannot decode the signature: {e:?}"));
    let secret_key = SecretKey::<C>::from_bytes(&secret).expect("checked above");
    let peer = inputs.peer_public.clone();
    let ecdh = move |secret_key: &SecretKey<C>, peer: &[u8]| {
        let peer = PublicKey::<C>::from_sec1_bytes(peer)
            .unwrap_or_else(|e| panic!("{curve}: ecckit rejects the peer key: {e:?}"));
        diffie_hellman(secret_key, &peer)
    };

    let shared_secret = ecdh(&secret_key, &peer).raw_secret_bytes().to_vec();
    let own_signature = signing_key.sign(msg).to_bytes().to_vec();
    Contender {
        name: "ecckit",
        public_key: public_key(&secret).to_vec(),
        signing: Some(Signing {
            deterministic: true,
            signature: own_signature,
            accepts: Box::new(move |sig| {
                Signature::<C>::from_bytes(sig)
                    .is_ok_and(|sig| verifying_key.verify(msg, &sig).is_ok())
            }),
        }),
        shared_secret: Some(shared_secret),
        ops: vec![
            op(Operation::PublicKey, move || {
                black_box(public_key(black_box(&secret)));
            }),
            op(Operation::Sign, move || {
                black_box(black_box(&signing_key).sign(black_box(msg)));
            }),
            op(Operation::Verify, move || {
                let ok = black_box(&verifying_key).verify(black_box(msg), black_box(&signature));
                black_box(ok.is_ok());
            }),
            op(Operation::Ecdh, move || {
                black_box(ecdh(black_box(&secret_key), black_box(&peer)));
            }),
        ],
    }
}

/// ecckit's X25519.
pub fn x25519(inputs: &Inputs) -> Contender {
    let curve = inputs.curve;
    let secret = inputs.secret.clone();
    let public_key = move |secret: &[u8]| {
        x25519::SecretKey::from_bytes(secret)
            .unwrap_or_else(|e| panic!("{curve}: ecckit rejects the secret key: {e:?}"))
            .public_key()
            .to_bytes()
    };
    let secret_key = x25519::SecretKey::from_bytes(&secret).expect("checked above");
    let peer = inputs.peer_public.clone();
    let ecdh = move |secret_key: &x25519::SecretKey, peer: &[u8]| {
        let peer = x25519::PublicKey::from_bytes(peer)
            .unwrap_or_else(|e| panic!("{curve}: ecckit rejects the peer key: {e:?}"));
        x25519::diffie_hellman(secret_key, &peer)
            .unwrap_or_else(|e| panic!("{curve}: ecckit refuses the shared secret: {e:?}"))
    };

    let shared_secret = ecdh(&secret_key, &peer).raw_secret_bytes().to_vec();
    Contender {
        name: "ecckit",
        public_key: public_key(&secret).to_vec(),
        signing: None,
        shared_secret: Some(shared_secret),
        ops: vec![
            op(Operation::PublicKey, move || {
                black_box(public_key(black_box(&secret)));
            }),
            op(Operation::Ecdh, move || {
                black_box(ecdh(black_box(&secret_key), black_box(&peer)));
            }),
        ],
    }
}

/// ecckit's Ed25519.
pub fn ed25519(inputs: &Inputs) -> Contender {
    let curve = inputs.curve;
    let seed = inputs.secret.clone();
    let public_key = move |seed: &[u8]| {
        ed25519::SigningKey::from_bytes(seed)
            .unwrap_or_else(|e| panic!("{curve}: ecckit rejects the seed: {e:?}"))
            .verifying_key()
            .to_bytes()
    };
    let signing_key = ed25519::SigningKey::from_bytes(&seed).expect("checked above");
    let verifying_key = signing_key.verifying_key();
    let msg = inputs.msg;
    let signature = ed25519::Signature::from_bytes(&inputs.signature)
        .unwrap_or_else(|e| panic!("{curve}: ecckit cannot decode the signature: {e:?}"));
    let own_signature = signing_key.sign(msg).to_bytes().to_vec();
    Contender {
        name: "ecckit",
        public_key: public_key(&seed).to_vec(),
        signing: Some(Signing {
            deterministic: true,
            signature: own_signature,
            accepts: Box::new(move |sig| {
                ed25519::Signature::from_bytes(sig)
                    .is_ok_and(|sig| verifying_key.verify(msg, &sig).is_ok())
            }),
        }),
        shared_secret: None,
        ops: vec![
            op(Operation::PublicKey, move || {
                black_box(public_key(black_box(&seed)));
            }),
            op(Operation::Sign, move || {
                black_box(black_box(&signing_key).sign(black_box(msg)));
            }),
            op(Operation::Verify, move || {
                let ok = black_box(&verifying_key).verify(black_box(msg), black_box(&signature));
                black_box(ok.is_ok());
            }),
        ],
    }
}
