//! `SecretKey::from_bytes` on arbitrary bytes. Input: `curve tag ‖ key bytes`.
//!
//! The decoder must accept exactly the `L`-byte big-endian integers in `[1, n − 1]` (checked
//! against a byte comparison with `n − 1`), say why it rejects (length or range), give the input
//! back from `to_bytes`, and derive a public key that survives a SEC1 round trip.

#![no_main]

use ecckit::Error;
use ecckit::keys::{PublicKey, SecretKey};
use ecckit_fuzz::{Harness, Peer, dispatch, field_len, hex, in_scalar_range};
use libfuzzer_sys::fuzz_target;

struct SecretKeyTarget;

impl Harness for SecretKeyTarget {
    fn run<C: Peer>(data: &[u8]) {
        let valid = in_scalar_range::<C>(data);
        match SecretKey::<C>::from_bytes(data) {
            Ok(key) => {
                assert!(
                    valid,
                    "{}: accepted out-of-range key {}",
                    C::NAME,
                    hex(data)
                );
                assert_eq!(key.to_bytes().as_ref(), data, "{}: to_bytes", C::NAME);
                let public = key.public_key();
                for compress in [false, true] {
                    let sec1 = public.to_sec1_bytes(compress);
                    assert_eq!(PublicKey::<C>::from_sec1_bytes(&sec1), Ok(public));
                }
            }
            Err(e) => {
                assert!(
                    !valid,
                    "{}: rejected valid key {} ({e})",
                    C::NAME,
                    hex(data)
                );
                let want = if data.len() == field_len::<C>() {
                    Error::OutOfRange
                } else {
                    Error::InvalidLength
                };
                assert_eq!(e, want, "{}: error kind for {}", C::NAME, hex(data));
            }
        }
    }
}

fuzz_target!(|data: &[u8]| dispatch::<SecretKeyTarget>(data));
