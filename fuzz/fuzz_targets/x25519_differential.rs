//! ecckit's X25519 against x25519-dalek 2. Input: [`X25519Input`] (`k ‖ u ‖ [special]`).
//!
//! Checks:
//! 1. the raw function: `ecckit::x25519::x25519(k, u)` equals `x25519_dalek::x25519(k, u)` for
//!    any 32-byte `k` and `u` (clamping, bit 255 of `u` ignored, `u ≥ p` reduced, low-order and
//!    twist points included);
//! 2. key generation: `SecretKey::public_key` equals dalek's `PublicKey::from(&StaticSecret)`
//!    and the raw function on `u = 9`; the key bytes round-trip;
//! 3. `diffie_hellman` returns dalek's shared secret, and fails with `LowOrderPoint` exactly when
//!    that secret is all zeros (dalek's `was_contributory` is false);
//! 4. with `u` read as a second secret key, both directions of the key agreement agree (and
//!    never fail: a public key made from a clamped scalar is of large order);
//! 5. the special byte's non-canonical twin `u mod p + p` gives the result of `u mod p`.

#![no_main]

use ecckit::Error;
use ecckit::x25519::{PublicKey, SecretKey, diffie_hellman, x25519};
use ecckit_fuzz::curve25519::{LOW_ORDER_U, P, X25519Input, add_le, ge_le};
use ecckit_fuzz::hex;
use libfuzzer_sys::fuzz_target;

/// `u` with its top bit cleared and reduced mod `p` (one subtraction suffices below 2^255).
fn reduce(u: &[u8; 32]) -> [u8; 32] {
    let mut y = *u;
    y[31] &= 0x7f;
    if ge_le(&y, &P) {
        // y − p = y + (2^256 − p), wrapping.
        let mut neg_p = [0u8; 32];
        let mut borrow = 0i16;
        for i in 0..32 {
            let v = -(P[i] as i16) - borrow;
            neg_p[i] = v.rem_euclid(256) as u8;
            borrow = i16::from(v < 0);
        }
        y = add_le(&y, &neg_p);
    }
    y
}

fuzz_target!(|data: &[u8]| {
    let Some(input) = X25519Input::parse(data) else {
        return;
    };
    let k = *input.k;
    let mut u = *input.u;
    let mut twin_of = None;
    match input.special.map(|s| (s % 16, s & 0x80)) {
        Some((i @ 0..7, top)) => {
            u = LOW_ORDER_U[usize::from(i)];
            u[31] |= top;
        }
        Some((7, _)) => {
            let canonical = reduce(&u);
            let twin = add_le(&canonical, &P);
            if twin[31] & 0x80 == 0 {
                twin_of = Some(canonical);
                u = twin;
            }
        }
        _ => {}
    }
    let what = || format!("k {}, u {}", hex(&k), hex(&u));

    // 1. The raw function.
    let ours = x25519(&k, &u);
    let theirs = x25519_dalek::x25519(k, u);
    assert_eq!(hex(&ours), hex(&theirs), "x25519 differs: {}", what());
    if let Some(canonical) = twin_of {
        assert_eq!(
            ours,
            x25519(&k, &canonical),
            "non-canonical u differs from u mod p: {}",
            what()
        );
    }

    // 2. Key generation.
    let secret = SecretKey::from_bytes(&k).expect("32 bytes");
    assert_eq!(*secret.to_bytes(), k, "secret key bytes");
    let public = secret.public_key();
    let dalek_secret = x25519_dalek::StaticSecret::from(k);
    let dalek_public = x25519_dalek::PublicKey::from(&dalek_secret);
    assert_eq!(
        hex(&public.to_bytes()),
        hex(dalek_public.as_bytes()),
        "public key of {}",
        hex(&k)
    );
    assert_eq!(
        public.to_bytes(),
        x25519(&k, &x25519_dalek::X25519_BASEPOINT_BYTES),
        "public key vs the ladder on u = 9: {}",
        hex(&k)
    );

    // 3. Key agreement and the low-order check.
    let peer = PublicKey::from_bytes(&u).expect("32 bytes");
    assert_eq!(peer.to_bytes(), u, "public key bytes");
    let shared = diffie_hellman(&secret, &peer);
    let dalek_shared = dalek_secret.diffie_hellman(&x25519_dalek::PublicKey::from(u));
    if dalek_shared.was_contributory() {
        let shared = shared
            .as_ref()
            .unwrap_or_else(|e| panic!("{e:?} for a contributory u: {}", what()));
        assert_eq!(
            shared.raw_secret_bytes(),
            dalek_shared.as_bytes(),
            "shared secret: {}",
            what()
        );
    } else {
        assert_eq!(dalek_shared.as_bytes(), &[0u8; 32]);
        assert!(
            matches!(shared, Err(Error::LowOrderPoint)),
            "an all-zero secret not refused: {}",
            what()
        );
    }
    assert_eq!(
        shared.is_err(),
        ours == [0u8; 32],
        "diffie_hellman's refusal vs the raw output: {}",
        what()
    );

    // 4. Both directions, with u as the second secret key.
    let second = SecretKey::from_bytes(&u).expect("32 bytes");
    let one_way = diffie_hellman(&secret, &second.public_key()).expect("a large-order key");
    let other_way = diffie_hellman(&second, &public).expect("a large-order key");
    assert_eq!(
        one_way.raw_secret_bytes(),
        other_way.raw_secret_bytes(),
        "key agreement is not symmetric: {}",
        what()
    );
});
