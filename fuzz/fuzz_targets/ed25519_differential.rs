//! ecckit's Ed25519 against ed25519-dalek 2 and ed25519-zebra 4. Input: [`Ed25519Input`] (a
//! mode byte, then a seed and tweaks to sign with, or a key, a signature and a message to verify).
//!
//! Every verdict — ecckit's `verify`, `verify_strict`, `verify_ctx`, `verify_ph` and
//! `verify_batch`, dalek's `verify`, `verify_strict`, `verify_prehashed` and
//! `verify_prehashed_strict`, zebra's `verify` — is checked against its rule as written in
//! [`Model`], computed with curve25519-dalek's arithmetic (the table and the two cases where the
//! rules differ by design are in the docs of `ecckit_fuzz::curve25519`). In particular:
//! * ecckit's `verify` and `verify_batch` equal zebra's `verify` (both ZIP 215) on every input;
//! * where `A` and `R` are canonical, torsion-free (ecckit's `is_torsion_free_vartime`) and not
//!   of small order, all of ecckit's and dalek's verdicts are equal;
//! * elsewhere they differ only as the rules say: ecckit's `verify_strict` refuses a
//!   non-canonical `A` that dalek's `verify_strict` does not check, and the cofactored rule
//!   accepts a residue of small order that the cofactorless one refuses; ecckit's `verify` also
//!   reads a non-canonical `R` that dalek's byte comparison cannot match.
//!
//! Sign mode also checks that the three libraries derive the same public key and that
//! Ed25519 and Ed25519ph signatures are byte-identical (RFC 8032 signing is deterministic), that a
//! hand-made signature with torsion added to `A` and `R` (and optionally `S + ℓ`) gets the
//! verdicts the rules predict, and that a batch holding it and an honest signature is accepted
//! exactly when it is.

#![no_main]

use ecckit::ed25519::{Signature, SigningKey, VerifyingKey, verify_batch};
use ecckit::edwards::EdwardsPoint;
use ecckit_fuzz::curve25519::{
    Domain, Ed25519Input, HashRng, Model, ORDER, add_le, sign_with_torsion, torsion,
};
use ecckit_fuzz::hex;
use ed25519_dalek::{Digest as _, Sha512 as DalekSha512, Signer as _, Verifier as _};
use libfuzzer_sys::fuzz_target;

/// Decodes `key` and `sig` with all three libraries, verifies with every verifier of `domain`,
/// and checks each verdict against the model; returns the model.
fn check_verdicts(domain: Domain<'_>, key: &[u8; 32], sig: &[u8; 64], msg: &[u8]) -> Model {
    let model = Model::new(domain, key, sig, msg);
    let what = || {
        format!(
            "{domain:?}, key {}, sig {}, msg {}",
            hex(key),
            hex(sig),
            hex(msg)
        )
    };

    let ours = VerifyingKey::from_bytes(key);
    let dalek = ed25519_dalek::VerifyingKey::from_bytes(key);
    let zebra = ed25519_zebra::VerificationKey::try_from(*key);
    let decodes = model.a.is_some();
    assert_eq!(ours.is_ok(), decodes, "ecckit key decoding: {}", what());
    assert_eq!(dalek.is_ok(), decodes, "dalek key decoding: {}", what());
    assert_eq!(zebra.is_ok(), decodes, "zebra key decoding: {}", what());
    let (Ok(ours), Ok(dalek), Ok(zebra)) = (ours, dalek, zebra) else {
        return model;
    };
    let our_sig = Signature::from_bytes(sig).expect("64 bytes decode");
    let their_sig = ed25519_dalek::Signature::from_bytes(sig);

    match domain {
        Domain::Pure => {
            let verify = ours.verify(msg, &our_sig).is_ok();
            let strict = ours.verify_strict(msg, &our_sig).is_ok();
            let dalek_verify = dalek.verify(msg, &their_sig).is_ok();
            let dalek_strict = dalek.verify_strict(msg, &their_sig).is_ok();
            let zebra_verify = zebra.verify(&their_sig, msg).is_ok();
            let mut rng = HashRng::new(&[key, sig, msg]);
            let batch = verify_batch(&[msg], &[our_sig], &[ours], &mut rng).is_ok();

            // Both ZIP 215, on every input.
            assert_eq!(verify, zebra_verify, "ecckit verify vs zebra: {}", what());
            assert_eq!(batch, verify, "ecckit verify_batch vs verify: {}", what());
            // Every verdict is its rule.
            assert_eq!(
                verify,
                model.zip215(),
                "ecckit verify vs ZIP 215: {}",
                what()
            );
            assert_eq!(
                strict,
                model.ecckit_strict(),
                "ecckit verify_strict vs its rule: {}",
                what()
            );
            assert_eq!(
                dalek_verify,
                model.cofactorless(),
                "dalek verify vs its rule: {}",
                what()
            );
            assert_eq!(
                dalek_strict,
                model.dalek_strict(),
                "dalek verify_strict vs its rule: {}",
                what()
            );

            // The documented differences, stated directly.
            if strict != dalek_strict {
                let a_non_canonical = !model.a_canonical && dalek_strict && !strict;
                let cofactored_only = model.torsion_residue() && strict && !dalek_strict;
                assert!(
                    a_non_canonical || cofactored_only,
                    "verify_strict verdicts differ outside the known cases: {}",
                    what()
                );
            }
            if verify != dalek_verify {
                assert!(
                    verify && (model.torsion_residue() || !model.r_canonical),
                    "verify verdicts differ outside the known cases: {}",
                    what()
                );
            }
            assert!(
                !strict || verify,
                "verify_strict accepts what verify refuses"
            );
            assert!(
                !dalek_verify || verify,
                "dalek's cofactorless verify accepts what ZIP 215 refuses: {}",
                what()
            );

            // The region where the rules agree, decided with ecckit's own predicates.
            let r_bytes: [u8; 32] = sig[..32].try_into().expect("32 bytes");
            let a = Option::<EdwardsPoint>::from(EdwardsPoint::decompress_canonical(key));
            let r = Option::<EdwardsPoint>::from(EdwardsPoint::decompress_canonical(&r_bytes));
            if let (Some(a), Some(r)) = (a, r) {
                let clean = |p: &EdwardsPoint| {
                    !bool::from(p.is_small_order()) && p.is_torsion_free_vartime()
                };
                if clean(&a) && clean(&r) {
                    assert!(
                        verify == strict
                            && strict == dalek_verify
                            && dalek_verify == dalek_strict
                            && dalek_strict == zebra_verify,
                        "verdicts differ on canonical torsion-free A and R \
                         (verify {verify}, strict {strict}, dalek {dalek_verify}, \
                         dalek strict {dalek_strict}, zebra {zebra_verify}): {}",
                        what()
                    );
                }
            }
        }
        Domain::Ctx(ctx) => {
            let verify = ours.verify_ctx(msg, ctx, &our_sig).is_ok();
            assert_eq!(verify, model.zip215(), "ecckit verify_ctx: {}", what());
        }
        Domain::Ph(ctx) => {
            let verify = ours.verify_ph(msg, ctx, &our_sig).is_ok();
            let prehash = || DalekSha512::new().chain_update(msg);
            let dalek_verify = dalek
                .verify_prehashed(prehash(), Some(ctx), &their_sig)
                .is_ok();
            let dalek_strict = dalek
                .verify_prehashed_strict(prehash(), Some(ctx), &their_sig)
                .is_ok();
            assert_eq!(verify, model.zip215(), "ecckit verify_ph: {}", what());
            assert_eq!(
                dalek_verify,
                model.cofactorless(),
                "dalek verify_prehashed vs its rule: {}",
                what()
            );
            assert_eq!(
                dalek_strict,
                model.dalek_strict(),
                "dalek verify_prehashed_strict vs its rule: {}",
                what()
            );
        }
    }
    model
}

/// Sign mode (see [`Ed25519Input`]).
fn sign_mode(seed: &[u8; 32], t_a: u8, t_r: u8, pos: u8, xor: u8, ctx: &[u8], msg: &[u8]) {
    let ours = SigningKey::from_bytes(seed).expect("every seed is a key");
    let dalek = ed25519_dalek::SigningKey::from_bytes(seed);
    let zebra = ed25519_zebra::SigningKey::from(*seed);

    // Keys.
    let vk = ours.verifying_key().to_bytes();
    assert_eq!(
        hex(&vk),
        hex(&dalek.verifying_key().to_bytes()),
        "public key of seed {} (dalek)",
        hex(seed)
    );
    let zebra_vk: [u8; 32] = ed25519_zebra::VerificationKeyBytes::from(&zebra).into();
    assert_eq!(vk, zebra_vk, "public key of seed {} (zebra)", hex(seed));

    // Ed25519: byte-identical, and accepted by every verifier.
    let sig = ours.sign(msg).to_bytes();
    let what = || format!("seed {}, msg {}", hex(seed), hex(msg));
    assert_eq!(
        hex(&sig),
        hex(&dalek.sign(msg).to_bytes()),
        "signatures differ (dalek): {}",
        what()
    );
    assert_eq!(
        hex(&sig),
        hex(&zebra.sign(msg).to_bytes()),
        "signatures differ (zebra): {}",
        what()
    );
    let model = check_verdicts(Domain::Pure, &vk, &sig, msg);
    assert!(
        model.ecckit_strict() && model.dalek_strict(),
        "an honest signature refused: {}",
        what()
    );

    // Ed25519ph: byte-identical with dalek's, and accepted.
    let ph = ours.sign_ph(msg, ctx).expect("a short context").to_bytes();
    let theirs = dalek
        .sign_prehashed(DalekSha512::new().chain_update(msg), Some(ctx))
        .expect("a short context")
        .to_bytes();
    assert_eq!(
        hex(&ph),
        hex(&theirs),
        "Ed25519ph signatures differ, ctx {}: {}",
        hex(ctx),
        what()
    );
    let model = check_verdicts(Domain::Ph(ctx), &vk, &ph, msg);
    assert!(
        model.dalek_strict(),
        "an honest Ed25519ph signature refused"
    );

    // Ed25519ctx (no peer signs it): accepted under the model's dom2(0, ctx).
    let signed = ours.sign_ctx(msg, ctx).expect("a short context").to_bytes();
    let model = check_verdicts(Domain::Ctx(ctx), &vk, &signed, msg);
    assert!(
        model.dalek_strict(),
        "an honest Ed25519ctx signature refused"
    );

    // Torsion in A and R, signed by hand: every torsion component passes the cofactored rule.
    let points = torsion();
    let t = (usize::from(t_a % 8), usize::from(t_r % 8));
    let (a_t, mut sig_t) = sign_with_torsion(seed, msg, points[t.0], points[t.1]);
    if t == (0, 0) {
        assert_eq!(
            (hex(&a_t), hex(&sig_t)),
            (hex(&vk), hex(&sig)),
            "the hand-made signer differs from ecckit's"
        );
    }
    let s_plus_l = t_a & 0x80 != 0;
    if s_plus_l {
        let s: [u8; 32] = sig_t[32..].try_into().expect("32 bytes");
        sig_t[32..].copy_from_slice(&add_le(&s, &ORDER));
    }
    let model = check_verdicts(Domain::Pure, &a_t, &sig_t, msg);
    assert_eq!(
        model.zip215(),
        !s_plus_l,
        "torsion ({}, {}), S + ℓ {s_plus_l}: {}",
        t.0,
        t.1,
        what()
    );
    let keys = [
        ours.verifying_key(),
        VerifyingKey::from_bytes(&a_t).expect("a point"),
    ];
    let sigs = [
        Signature::from_bytes(&sig).expect("64 bytes"),
        Signature::from_bytes(&sig_t).expect("64 bytes"),
    ];
    let mut rng = HashRng::new(&[seed, msg, &sig_t]);
    assert_eq!(
        verify_batch(&[msg, msg], &sigs, &keys, &mut rng).is_ok(),
        model.zip215(),
        "a batch of an honest and a torsioned signature: {}",
        what()
    );

    // A mutated signature or key.
    if xor != 0 {
        let (mut key, mut mutated) = (vk, sig);
        if pos & 0x80 != 0 {
            key[usize::from(pos) % 32] ^= xor;
        } else {
            mutated[usize::from(pos) % 64] ^= xor;
        }
        check_verdicts(Domain::Pure, &key, &mutated, msg);
    }
}

fuzz_target!(|data: &[u8]| {
    match Ed25519Input::parse(data) {
        Some(Ed25519Input::Sign {
            seed,
            t_a,
            t_r,
            pos,
            xor,
            ctx,
            msg,
        }) => sign_mode(seed, t_a, t_r, pos, xor, ctx, msg),
        Some(Ed25519Input::Verify {
            domain,
            key,
            sig,
            msg,
        }) => {
            check_verdicts(domain, key, sig, msg);
        }
        None => {}
    }
});
