//! Verification with an arbitrary key, signature and message; must never panic.
//! Input: `curve tag ‖` [`VerifyInput`] (flags, key, fixed or DER signature, message).
//!
//! When the key and signature decode, it runs `verify`, `verify_low_s`, `verify_prehash` and
//! `verify_prehash_low_s` (the message doubling as the digest) and checks how they relate: the
//! low-S variants accept iff the standard ones do and `s` is low; a digest under 16 bytes is
//! refused; `(r, n − s)` verifies iff `(r, s)` does; and an accepted signature recovers the key
//! with one of the four recovery ids.

#![no_main]

use ecckit::Error;
use ecckit::ecdsa::{RecoveryId, Signature, VerifyingKey};
use ecckit_fuzz::input::VerifyInput;
use ecckit_fuzz::{Harness, Peer, dispatch};
use libfuzzer_sys::fuzz_target;

struct Verify;

impl Harness for Verify {
    fn run<C: Peer>(data: &[u8]) {
        let Some(input) = VerifyInput::parse::<C>(data) else {
            return;
        };
        let Ok(key) = VerifyingKey::<C>::from_sec1_bytes(input.key) else {
            return;
        };
        let sig = if input.der {
            Signature::<C>::from_der(input.sig)
        } else {
            Signature::<C>::from_bytes(input.sig)
        };
        let Ok(sig) = sig else {
            return;
        };
        let msg = input.msg;
        let low_s = bool::from(sig.is_low_s());

        let standard = key.verify(msg, &sig).is_ok();
        let strict = key.verify_low_s(msg, &sig).is_ok();
        assert_eq!(strict, standard && low_s, "{}: verify_low_s", C::NAME);

        let prehash = key.verify_prehash(msg, &sig);
        let prehash_strict = key.verify_prehash_low_s(msg, &sig);
        if msg.len() < ecckit::ecdsa::MIN_DIGEST_LEN {
            assert_eq!(
                prehash,
                Err(Error::DigestTooShort),
                "{}: short digest",
                C::NAME
            );
            let want = if low_s {
                Err(Error::DigestTooShort)
            } else {
                Err(Error::VerificationFailed)
            };
            assert_eq!(prehash_strict, want, "{}: short digest, low S", C::NAME);
        } else {
            assert_eq!(
                prehash_strict.is_ok(),
                prehash.is_ok() && low_s,
                "{}: verify_prehash_low_s",
                C::NAME
            );
        }

        // ECDSA malleability: (r, n − s) verifies exactly when (r, s) does.
        let flipped = Signature::<C>::from_scalars(sig.r(), -sig.s()).expect("n − s ≠ 0");
        assert_eq!(
            key.verify(msg, &flipped).is_ok(),
            standard,
            "{}: (r, n − s)",
            C::NAME
        );

        if standard {
            assert!(
                recovers(&key, |id| VerifyingKey::recover_from_msg(msg, &sig, id)),
                "{}: no recovery id gives the key back",
                C::NAME
            );
        }
        if prehash.is_ok() {
            assert!(
                recovers(&key, |id| VerifyingKey::recover_from_prehash(msg, &sig, id)),
                "{}: no recovery id gives the key back (prehash)",
                C::NAME
            );
        }
    }
}

/// Whether one of the four recovery ids recovers `key`.
fn recovers<C: Peer>(
    key: &VerifyingKey<C>,
    recover: impl Fn(RecoveryId) -> Result<VerifyingKey<C>, Error>,
) -> bool {
    (0..4).any(|b| {
        let id = RecoveryId::from_byte(b).expect("ids 0..=3");
        recover(id).as_ref() == Ok(key)
    })
}

fuzz_target!(|data: &[u8]| dispatch::<Verify>(data));
