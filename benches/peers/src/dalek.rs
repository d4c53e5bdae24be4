//! curve25519-dalek's protocol crates: `x25519-dalek` 2 and `ed25519-dalek` 2 (pure Rust), with
//! their default features.
//!
//! Their `curve25519-dalek` 4 chooses a backend when it is built: on x86-64 the `simd` backend,
//! which picks the AVX2 (or, on a nightly compiler, AVX-512 IFMA) vector code at run time for the
//! variable-base and double-base scalar multiplications (Ed25519 verify) when the CPU has it, and
//! the 64-bit serial code otherwise; the fixed-base table (public keys, signing) and the
//! Montgomery ladder (X25519) are serial code on every backend. SHA-512 comes from `sha2` 0.10.
//!
//! X25519:
//! - public key: `StaticSecret::from(secret)` → `PublicKey::from(&secret)` (fixed-base Edwards
//!   table, mapped to `u`) → `to_bytes()`;
//! - ecdh: `PublicKey::from(peer)` → `StaticSecret::diffie_hellman` (Montgomery ladder) and
//!   `SharedSecret::was_contributory` (the all-zero check of RFC 7748 §6.1 that ecckit and
//!   AWS-LC make), with the static secret built once.
//!
//! Ed25519:
//! - public key: `SigningKey::from_bytes(seed)` (SHA-512, `[s]B`, compression) →
//!   `verifying_key().to_bytes()`;
//! - sign: `signature::Signer::sign(msg)`;
//! - verify: `signature::Verifier::verify(msg, &Signature)` with key and signature decoded (the
//!   cofactorless equation, `[S]B − [k]A` compressed and compared with `R`'s bytes).

use crate::contender::{Contender, Inputs, Operation, Signing, op};
use ed25519_dalek::{Signer, Verifier};
use std::hint::black_box;

/// `x25519-dalek` on X25519.
pub fn x25519(inputs: &Inputs) -> Contender {
    use x25519_dalek::{PublicKey, StaticSecret};
    let curve = inputs.curve;
    let secret: [u8; 32] = inputs.secret[..].try_into().expect("32-byte secret");
    let public_key = |secret: &[u8; 32]| PublicKey::from(&StaticSecret::from(*secret)).to_bytes();
    let secret_key = StaticSecret::from(secret);
    let peer: [u8; 32] = inputs.peer_public[..].try_into().expect("32-byte peer key");
    let ecdh = move |secret_key: &StaticSecret, peer: &[u8; 32]| {
        let shared = secret_key.diffie_hellman(&PublicKey::from(*peer));
        assert!(
            shared.was_contributory(),
            "{curve}: x25519-dalek: low-order peer key"
        );
        shared
    };

    let shared_secret = ecdh(&secret_key, &peer).as_bytes().to_vec();
    Contender {
        name: "dalek",
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

/// `ed25519-dalek` on Ed25519.
pub fn ed25519(inputs: &Inputs) -> Contender {
    use ed25519_dalek::{Signature, SigningKey};
    let curve = inputs.curve;
    let seed: [u8; 32] = inputs.secret[..].try_into().expect("32-byte seed");
    let public_key = |seed: &[u8; 32]| SigningKey::from_bytes(seed).verifying_key().to_bytes();
    let signing_key = SigningKey::from_bytes(&seed);
    let verifying_key = signing_key.verifying_key();
    let msg = inputs.msg;
    let signature = Signature::from_slice(&inputs.signature)
        .unwrap_or_else(|e| panic!("{curve}: ed25519-dalek cannot decode the signature: {e}"));
    let own_signature: Signature = signing_key.sign(msg);
    Contender {
        name: "dalek",
        public_key: public_key(&seed).to_vec(),
        signing: Some(Signing {
            deterministic: true,
            signature: own_signature.to_bytes().to_vec(),
            accepts: Box::new(move |sig| {
                Signature::from_slice(sig).is_ok_and(|sig| verifying_key.verify(msg, &sig).is_ok())
            }),
        }),
        shared_secret: None,
        ops: vec![
            op(Operation::PublicKey, move || {
                black_box(public_key(black_box(&seed)));
            }),
            op(Operation::Sign, move || {
                let sig: Signature = black_box(&signing_key).sign(black_box(msg));
                black_box(sig);
            }),
            op(Operation::Verify, move || {
                let ok = black_box(&verifying_key).verify(black_box(msg), black_box(&signature));
                black_box(ok.is_ok());
            }),
        ],
    }
}
