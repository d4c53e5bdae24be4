//! ecckit, through its generic types (what `ecckit::p256` and friends instantiate).
//!
//! - public key: `SecretKey::from_bytes` → `public_key()` → `to_sec1_bytes(false)`;
//! - sign: `SigningKey::sign(msg)`: the curve's hash, RFC 6979 nonce (deterministic), low-S on
//!   secp256k1; returns a decoded `Signature`;
//! - verify: `VerifyingKey::verify(msg, &Signature)` with key and signature already decoded;
//! - ecdh: `PublicKey::from_sec1_bytes(peer)` (validates the point) → `ecdh::diffie_hellman`.

use crate::contender::{Contender, Inputs};
use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::{Signature, SigningKey};
use ecckit::keys::{PublicKey, SecretKey};
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
        deterministic: true,
        public_key: public_key(&secret).to_vec(),
        signature: own_signature,
        accepts: Box::new(move |sig| {
            Signature::<C>::from_bytes(sig).is_ok_and(|sig| verifying_key.verify(msg, &sig).is_ok())
        }),
        shared_secret,
        ops: [
            Box::new(move || {
                black_box(public_key(black_box(&secret)));
            }),
            Box::new(move || {
                black_box(black_box(&signing_key).sign(black_box(msg)));
            }),
            Box::new(move || {
                let ok = black_box(&verifying_key).verify(black_box(msg), black_box(&signature));
                black_box(ok.is_ok());
            }),
            Box::new(move || {
                black_box(ecdh(black_box(&secret_key), black_box(&peer)));
            }),
        ],
    }
}
