//! libsecp256k1 (Bitcoin Core's C library, bundled and built by the `secp256k1` crate).
//!
//! Public-key derivation and signing go through its C interface (`secp256k1::ffi`) on one
//! context created and randomized once, as a C program uses the library. The crate's safe API
//! for these two (`PublicKey::from_secret_key`, `ecdsa::sign`) works on a thread-local context
//! that it re-randomizes after every call with a secret (a side-channel hardening of the Rust
//! wrapper that more than doubles those calls; the figures are in `docs/performance.md`); that
//! cost belongs to the wrapper's policy, not to the library's arithmetic, so it is left out. Verify and ECDH use the
//! safe API, which adds nothing around the C calls.
//!
//! - public key: `secp256k1_ec_pubkey_create(ctx, secret)` (checks the secret, computes `d·G`) →
//!   `serialize_uncompressed`;
//! - sign: SHA-256 (the `sha2` crate, as ecckit and `k256` use) → `secp256k1_ecdsa_sign` with
//!   `secp256k1_nonce_function_rfc6979` and no extra data: RFC 6979, deterministic, low-S;
//! - verify: `ecdsa::verify(&Signature, Message::from_digest(SHA-256(msg)), &PublicKey)` with key
//!   and signature decoded (libsecp256k1 accepts only low-S, which every signer here produces);
//! - ecdh: `PublicKey::from_slice(peer)` (validates) → `ecdh::shared_secret_point` (`secp256k1_ecdh`
//!   with a hash callback that copies `x ‖ y` out: the raw point, no hashing).

use crate::contender::{Contender, Inputs, Operation, Signing, op};
use secp256k1::ecdsa::{self, Signature};
use secp256k1::{All, Message, PublicKey, Secp256k1, SecretKey, ffi};
use sha2::{Digest, Sha256};
use std::hint::black_box;
use std::rc::Rc;

/// A context randomized once, shared by the closures that need one.
fn context() -> Rc<Secp256k1<All>> {
    let mut ctx = Secp256k1::new();
    // A fixed seed: the benchmark needs no side-channel protection, only the same code path.
    ctx.seeded_randomize(&Sha256::digest(b"ecckit-peers libsecp256k1 context").into());
    Rc::new(ctx)
}

/// `secp256k1_ec_pubkey_create` on `ctx`.
fn create_public_key(ctx: &Secp256k1<All>, secret: &[u8; 32]) -> Option<PublicKey> {
    // SAFETY: `ffi::PublicKey::new` only makes an all-zero output buffer; `ctx` is a live
    // context, `pk` a valid output, `secret` 32 readable bytes.
    let (ok, pk) = unsafe {
        let mut pk = ffi::PublicKey::new();
        let ok = ffi::secp256k1_ec_pubkey_create(ctx.ctx().as_ptr(), &mut pk, secret.as_ptr());
        (ok, pk)
    };
    (ok == 1).then(|| PublicKey::from(pk))
}

/// SHA-256, then `secp256k1_ecdsa_sign` with the RFC 6979 nonce function, on `ctx`.
fn sign(ctx: &Secp256k1<All>, secret: &[u8; 32], msg: &[u8]) -> Signature {
    let digest: [u8; 32] = Sha256::digest(msg).into();
    // SAFETY: `ffi::Signature::new` only makes an all-zero output buffer; `ctx` is a live
    // context, `sig` a valid output, `digest` and `secret` 32 readable bytes each, the nonce
    // function is the library's own and takes no extra data.
    let (ok, sig) = unsafe {
        let mut sig = ffi::Signature::new();
        let ok = ffi::secp256k1_ecdsa_sign(
            ctx.ctx().as_ptr(),
            &mut sig,
            digest.as_ptr(),
            secret.as_ptr(),
            ffi::secp256k1_nonce_function_rfc6979,
            std::ptr::null(),
        );
        (ok, sig)
    };
    assert_eq!(ok, 1, "libsecp256k1 cannot sign (invalid secret key?)");
    Signature::from(sig)
}

/// libsecp256k1 on secp256k1.
pub fn contender(inputs: &Inputs) -> Contender {
    let curve = inputs.curve;
    let secret: [u8; 32] = inputs.secret[..]
        .try_into()
        .expect("secp256k1 secrets are 32 bytes");
    let ctx = context();
    let public_key = {
        let ctx = Rc::clone(&ctx);
        move |secret: &[u8; 32]| {
            create_public_key(&ctx, secret)
                .unwrap_or_else(|| panic!("{curve}: libsecp256k1 rejects the secret key"))
                .serialize_uncompressed()
        }
    };
    let public = PublicKey::from_slice(&public_key(&secret)).expect("its own encoding");
    let msg = inputs.msg;
    let digest = |msg: &[u8]| Message::from_digest(Sha256::digest(msg).into());
    let signature = Signature::from_compact(&inputs.signature)
        .unwrap_or_else(|e| panic!("{curve}: libsecp256k1 cannot decode the signature: {e}"));
    let secret_key = SecretKey::from_secret_bytes(secret).expect("accepted above");
    let peer = inputs.peer_public.clone();
    let ecdh = move |secret_key: &SecretKey, peer: &[u8]| {
        let peer = PublicKey::from_slice(peer)
            .unwrap_or_else(|e| panic!("{curve}: libsecp256k1 rejects the peer key: {e}"));
        secp256k1::ecdh::shared_secret_point(&peer, secret_key)
    };

    let shared_secret = ecdh(&secret_key, &peer)[..32].to_vec();
    let own_signature = sign(&ctx, &secret, msg).serialize_compact().to_vec();
    Contender {
        name: "libsecp256k1",
        public_key: public_key(&secret).to_vec(),
        signing: Some(Signing {
            deterministic: true,
            signature: own_signature,
            accepts: Box::new(move |sig| {
                Signature::from_compact(sig)
                    .is_ok_and(|sig| ecdsa::verify(&sig, digest(msg), &public).is_ok())
            }),
        }),
        shared_secret: Some(shared_secret),
        ops: vec![
            op(Operation::PublicKey, move || {
                black_box(public_key(black_box(&secret)));
            }),
            op(Operation::Sign, move || {
                black_box(sign(black_box(&ctx), black_box(&secret), black_box(msg)));
            }),
            op(Operation::Verify, move || {
                let ok = ecdsa::verify(
                    black_box(&signature),
                    digest(black_box(msg)),
                    black_box(&public),
                );
                black_box(ok.is_ok());
            }),
            op(Operation::Ecdh, move || {
                black_box(ecdh(black_box(&secret_key), black_box(&peer)));
            }),
        ],
    }
}
