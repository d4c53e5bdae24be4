//! `Signature::from_bytes` (fixed `r ‖ s`) on arbitrary bytes. Input: `curve tag ‖ signature`.
//!
//! The decoder must accept exactly `2L` bytes with `r, s ∈ [1, n − 1]` (checked by byte
//! comparison with `n − 1`); on success `to_bytes()` gives the input back, the DER form round
//! trips, and `normalize_s` yields a low-S signature that is the input iff the input was low-S.

#![no_main]

use ecckit::ecdsa::Signature;
use ecckit_fuzz::{Harness, Peer, dispatch, field_len, hex, in_scalar_range};
use libfuzzer_sys::fuzz_target;

struct FixedSignature;

impl Harness for FixedSignature {
    fn run<C: Peer>(data: &[u8]) {
        let l = field_len::<C>();
        let valid = data.len() == 2 * l
            && in_scalar_range::<C>(&data[..l])
            && in_scalar_range::<C>(&data[l..]);
        let Ok(sig) = Signature::<C>::from_bytes(data) else {
            assert!(
                !valid,
                "{}: rejected valid signature {}",
                C::NAME,
                hex(data)
            );
            return;
        };
        assert!(
            valid,
            "{}: accepted invalid signature {}",
            C::NAME,
            hex(data)
        );
        assert_eq!(sig.to_bytes().as_ref(), data, "{}: to_bytes", C::NAME);
        assert_eq!(Signature::<C>::from_der(sig.to_der().as_bytes()), Ok(sig));
        let low = sig.normalize_s();
        assert!(bool::from(low.is_low_s()));
        assert_eq!(low.r(), sig.r());
        assert_eq!(bool::from(sig.is_low_s()), low == sig);
        assert_eq!(low.normalize_s(), low);
    }
}

fuzz_target!(|data: &[u8]| dispatch::<FixedSignature>(data));
