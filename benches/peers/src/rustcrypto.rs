//! RustCrypto's `p256`, `p384`, `p521` and `k256` (pure Rust, 0.14 releases).
//!
//! - public key: `SecretKey::from_slice` → `public_key()` → `to_sec1_point(false)`;
//! - sign: `ecdsa::SigningKey` through `signature::Signer::sign(msg)`: the curve's hash, RFC 6979
//!   nonce (deterministic); `k256` normalises to low-S;
//! - verify: `signature::Verifier::verify(msg, &Signature)` with key and signature decoded;
//! - ecdh: `PublicKey::from_sec1_bytes(peer)` → `ecdh::diffie_hellman(scalar, affine)`.
//!
//! The four crates share one API shape but not one generic bound set that is pleasant to write,
//! so one macro instantiates the same code for each.

macro_rules! rustcrypto_contender {
    ($krate:ident) => {
        pub mod $krate {
            use crate::contender::{Contender, Inputs, Operation, Signing, op};
            use ::$krate::ecdsa::signature::{Signer, Verifier};
            use ::$krate::ecdsa::{Signature, SigningKey};
            use ::$krate::elliptic_curve::sec1::ToSec1Point;
            use ::$krate::{PublicKey, SecretKey, ecdh::diffie_hellman};
            use std::hint::black_box;

            #[doc = concat!("`", stringify!($krate), "` on its curve.")]
            pub fn contender(inputs: &Inputs) -> Contender {
                let curve = inputs.curve;
                let secret = inputs.secret.clone();
                let public_key = move |secret: &[u8]| {
                    SecretKey::from_slice(secret)
                        .unwrap_or_else(|e| panic!("{curve}: RustCrypto rejects the secret: {e}"))
                        .public_key()
                        .to_sec1_point(false)
                };

                let signing_key = SigningKey::from_slice(&secret).expect("checked above");
                let verifying_key = *signing_key.verifying_key();
                let msg = inputs.msg;
                let signature = Signature::from_slice(&inputs.signature).unwrap_or_else(|e| {
                    panic!("{curve}: RustCrypto cannot decode the signature: {e}")
                });
                let scalar = SecretKey::from_slice(&secret)
                    .expect("checked above")
                    .to_nonzero_scalar();
                let peer = inputs.peer_public.clone();
                let ecdh = move |scalar: &::$krate::NonZeroScalar, peer: &[u8]| {
                    let peer = PublicKey::from_sec1_bytes(peer).unwrap_or_else(|e| {
                        panic!("{curve}: RustCrypto rejects the peer key: {e}")
                    });
                    diffie_hellman(scalar, peer.as_affine())
                };

                let shared_secret = ecdh(&scalar, &peer).raw_secret_bytes().to_vec();
                let own_signature: Signature = signing_key.sign(msg);
                Contender {
                    name: "RustCrypto",
                    public_key: public_key(&secret).as_bytes().to_vec(),
                    signing: Some(Signing {
                        deterministic: true,
                        signature: own_signature.to_bytes().to_vec(),
                        accepts: Box::new(move |sig| {
                            Signature::from_slice(sig)
                                .is_ok_and(|sig| verifying_key.verify(msg, &sig).is_ok())
                        }),
                    }),
                    shared_secret: Some(shared_secret),
                    ops: vec![
                        op(Operation::PublicKey, move || {
                            black_box(public_key(black_box(&secret)));
                        }),
                        op(Operation::Sign, move || {
                            let sig: Signature = black_box(&signing_key).sign(black_box(msg));
                            black_box(sig);
                        }),
                        op(Operation::Verify, move || {
                            let ok = black_box(&verifying_key)
                                .verify(black_box(msg), black_box(&signature));
                            black_box(ok.is_ok());
                        }),
                        op(Operation::Ecdh, move || {
                            black_box(ecdh(black_box(&scalar), black_box(&peer)));
                        }),
                    ],
                }
            }
        }
    };
}

rustcrypto_contender!(p256);
rustcrypto_contender!(p384);
rustcrypto_contender!(p521);
rustcrypto_contender!(k256);
