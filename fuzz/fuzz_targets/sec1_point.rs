//! `PublicKey::from_sec1_bytes` on arbitrary bytes. Input: `curve tag ‖ SEC1 bytes`.
//!
//! On success: the length is that of a compressed or an uncompressed point, the point is on the
//! curve and not the identity, re-encoding in the input's form gives the input back exactly
//! (canonicity), and the other form decodes to the same key.

#![no_main]

use ecckit::keys::PublicKey;
use ecckit_fuzz::{Harness, Peer, dispatch, field_len, hex};
use libfuzzer_sys::fuzz_target;

struct Sec1Point;

impl Harness for Sec1Point {
    fn run<C: Peer>(data: &[u8]) {
        let Ok(key) = PublicKey::<C>::from_sec1_bytes(data) else {
            return;
        };
        let l = field_len::<C>();
        let compressed = data.len() == 1 + l;
        assert!(
            compressed || data.len() == 1 + 2 * l,
            "{}: accepted a {}-byte point {}",
            C::NAME,
            data.len(),
            hex(data)
        );
        let point = key.as_affine();
        assert!(
            bool::from(point.is_on_curve()),
            "{}: off-curve point",
            C::NAME
        );
        assert!(!bool::from(point.is_identity()), "{}: identity", C::NAME);
        let again = key.to_sec1_bytes(compressed);
        assert_eq!(
            again.as_ref(),
            data,
            "{}: non-canonical SEC1 decode of {}",
            C::NAME,
            hex(data)
        );
        let other = key.to_sec1_bytes(!compressed);
        assert_eq!(PublicKey::<C>::from_sec1_bytes(&other), Ok(key));
    }
}

fuzz_target!(|data: &[u8]| dispatch::<Sec1Point>(data));
