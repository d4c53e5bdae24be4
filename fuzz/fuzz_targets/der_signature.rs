//! `Signature::from_der` on arbitrary bytes. Input: `curve tag ‖ DER bytes`.
//!
//! The decoder must accept exactly what an independent strict-DER parser (below) accepts with
//! `r, s ∈ [1, n − 1]`, decode the same integers, and on success `to_der()` must give the input
//! back (strict DER is canonical).

#![no_main]

use ecckit::ecdsa::Signature;
use ecckit_fuzz::{Harness, Peer, dispatch, field_len, hex, in_scalar_range};
use libfuzzer_sys::fuzz_target;

struct DerSignature;

impl Harness for DerSignature {
    fn run<C: Peer>(data: &[u8]) {
        let expected = strict_der(data).and_then(|(r, s)| {
            let (r, s) = (
                left_pad(r, field_len::<C>())?,
                left_pad(s, field_len::<C>())?,
            );
            (in_scalar_range::<C>(&r) && in_scalar_range::<C>(&s)).then(|| [r, s].concat())
        });
        match Signature::<C>::from_der(data) {
            Ok(sig) => {
                let Some(fixed) = expected else {
                    panic!(
                        "{}: accepted non-strict or out-of-range DER {}",
                        C::NAME,
                        hex(data)
                    );
                };
                assert_eq!(
                    sig.to_bytes().as_ref(),
                    fixed,
                    "{}: decoded values",
                    C::NAME
                );
                assert_eq!(
                    sig.to_der().as_bytes(),
                    data,
                    "{}: non-canonical DER {}",
                    C::NAME,
                    hex(data)
                );
            }
            Err(e) => assert!(
                expected.is_none(),
                "{}: rejected valid DER {} ({e})",
                C::NAME,
                hex(data)
            ),
        }
    }
}

/// An independent strict-DER parser for `SEQUENCE { INTEGER r, INTEGER s }`: definite minimal
/// lengths, minimal non-negative integers, nothing trailing. Returns the magnitudes of `r` and
/// `s` without their sign byte.
fn strict_der(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let (body, rest) = tlv(data, 0x30)?;
    let (r, body) = tlv(body, 0x02)?;
    let (s, body) = tlv(body, 0x02)?;
    if !rest.is_empty() || !body.is_empty() {
        return None;
    }
    Some((integer(r)?, integer(s)?))
}

/// One tag-length-value with the given tag: `(value, rest)`.
fn tlv(data: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    let (&t, data) = data.split_first()?;
    let (&first, mut data) = data.split_first()?;
    if t != tag {
        return None;
    }
    let len = if first < 0x80 {
        usize::from(first)
    } else {
        // Long form: 1..=4 length bytes, no leading zero, and only for lengths ≥ 128.
        let n = usize::from(first & 0x7f);
        if !(1..=4).contains(&n) {
            return None;
        }
        let (bytes, rest) = data.split_at_checked(n)?;
        data = rest;
        if bytes[0] == 0 {
            return None;
        }
        let len = bytes
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        if len < 0x80 {
            return None;
        }
        len
    };
    data.split_at_checked(len)
}

/// The magnitude of a minimal non-negative INTEGER's content.
fn integer(content: &[u8]) -> Option<&[u8]> {
    let (&first, rest) = content.split_first()?;
    if first & 0x80 != 0 {
        return None; // negative
    }
    if first == 0 {
        if let Some(&second) = rest.first()
            && second & 0x80 == 0
        {
            return None; // a redundant leading zero
        }
        return Some(rest);
    }
    Some(content)
}

/// `bytes` left-padded with zeros to `len`; `None` if longer.
fn left_pad(bytes: &[u8], len: usize) -> Option<Vec<u8>> {
    let pad = len.checked_sub(bytes.len())?;
    let mut out = vec![0u8; pad];
    out.extend_from_slice(bytes);
    Some(out)
}

fuzz_target!(|data: &[u8]| dispatch::<DerSignature>(data));
