//! Strict DER codec for ECDSA signatures.
//!
//! This is the protocol layer's encoder/decoder for the signature format used by X.509, TLS, CMS
//! and most other ECDSA consumers. It is self-contained: it works on plain big-endian byte strings
//! and uses nothing else from the crate (no field or scalar arithmetic, no allocation).
//!
//! # The structure
//!
//! RFC 3279 §2.2.3 defines the signature value as
//!
//! ```text
//! Ecdsa-Sig-Value ::= SEQUENCE {
//!     r  INTEGER,
//!     s  INTEGER
//! }
//! ```
//!
//! so a P-256 signature typically looks like
//!
//! ```text
//! 30 45                 SEQUENCE, 69 content bytes
//!    02 21 00 <32 bytes> INTEGER r (0x00 pad: top bit of r was set)
//!    02 20 <32 bytes>    INTEGER s
//! ```
//!
//! Inside the crate `r` and `s` are fixed-size, big-endian, unsigned byte strings of the curve's
//! scalar size (`size`, from 1 to [`MAX_SIZE`] = 66 bytes for P-521). DER INTEGERs, by contrast,
//! are variable-length two's complement. The codec translates between the two.
//!
//! # Why strict
//!
//! BER — the looser parent of DER — allows many encodings of the same value: extra leading zero
//! bytes in an INTEGER, long-form lengths where a short one fits, indefinite lengths, and so on. If
//! a verifier accepted all of those, one valid signature would have several byte representations,
//! all of which verify. That is *signature malleability*: systems that identify a message or
//! transaction by the hash of its signed bytes can be fooled by a third party re-encoding the
//! signature. DER fixes exactly one encoding per value, and [`decode`] accepts only that one.
//! Concretely it rejects:
//!
//! * an empty input, or a tag other than `0x30` (SEQUENCE) followed by two `0x02` (INTEGER)
//!   elements;
//! * the indefinite length `0x80`, and any non-minimal definite length: `0x81 LL` with `LL < 0x80`,
//!   `0x82 HH LL` with a value below `0x100` (that is, a leading `0x00` length byte), and any
//!   longer length form (never needed for these sizes) — ITU-T X.690 §10.1 requires the definite
//!   form in the fewest possible octets;
//! * lengths that run past the end of the input;
//! * trailing bytes after the SEQUENCE, or inside it after `s`;
//! * zero-length INTEGERs;
//! * negative INTEGERs (the top bit of the first content byte set) — `r` and `s` are positive;
//! * non-minimal INTEGERs: a leading `0x00` followed by a byte whose top bit is clear. X.690 §8.3.2
//!   forbids the first nine bits of an INTEGER from being all zeros (or all ones);
//! * INTEGERs whose magnitude does not fit in `size` bytes.
//!
//! The value zero, encoded as the single byte `0x00`, *is* well-formed DER and decodes to an
//! all-zero buffer. Checking `1 <= r, s < n` is the job of the caller, which knows the group order
//! `n`.
//!
//! Because of these rules, `decode` followed by [`encode`] reproduces the input byte for byte
//! whenever `decode` succeeds.

use core::fmt;

/// Largest scalar size in bytes supported by this codec (P-521: 521 bits).
pub(crate) const MAX_SIZE: usize = crate::field::MAX_FIELD_BYTES;

/// Largest encoded INTEGER element: tag, one length byte, `0x00` pad, value.
const MAX_INTEGER_LEN: usize = 2 + 1 + MAX_SIZE;

/// Largest DER signature this module produces: SEQUENCE header (tag, `0x81`, length byte) followed
/// by two maximal INTEGER elements.
pub(crate) const MAX_DER_LEN: usize = 3 + 2 * MAX_INTEGER_LEN;

/// ASN.1 universal tag for SEQUENCE (constructed).
const TAG_SEQUENCE: u8 = 0x30;

/// ASN.1 universal tag for INTEGER.
const TAG_INTEGER: u8 = 0x02;

/// Top bit of a byte: the sign bit of a two's complement INTEGER, and the long-form marker of a
/// length byte.
const HIGH_BIT: u8 = 0x80;

/// A DER-encoded ECDSA signature held in a fixed-size buffer (no allocation).
///
/// Bytes past `len` are always zero, so the derived equality is equality of the encodings.
///
/// ```
/// use ecckit::p256::ecdsa::{DerSignature, Signature, SigningKey};
///
/// let signature = SigningKey::random(&mut rand::rng()).sign(b"message");
/// let der: DerSignature = signature.to_der();
/// assert_eq!(der.as_bytes()[0], 0x30); // SEQUENCE { r INTEGER, s INTEGER }
/// assert_eq!(DerSignature::from_bytes(der.as_bytes()).unwrap(), der);
/// assert_eq!(Signature::from_der(der.as_bytes()).unwrap(), signature);
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct DerSignature {
    bytes: [u8; MAX_DER_LEN],
    len: usize,
}

impl DerSignature {
    /// Checks that `bytes` is a strict DER signature (the rules of the module docs, with integers of
    /// up to 66 bytes, P-521's scalar size: any supported curve) and keeps a copy. Whether `1 ≤ r, s < n`
    /// is checked where the curve is known, when the signature is verified or converted with
    /// [`Signature::from_der`](super::Signature::from_der).
    ///
    /// Errors: [`Error::InvalidDer`](crate::Error::InvalidDer).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, crate::Error> {
        let mut r = [0u8; MAX_SIZE];
        let mut s = [0u8; MAX_SIZE];
        decode(bytes, &mut r, &mut s).map_err(|()| crate::Error::InvalidDer)?;
        let mut out = Self {
            bytes: [0u8; MAX_DER_LEN],
            len: bytes.len(),
        };
        // A strict DER signature of two integers of at most `MAX_SIZE` bytes fits: `MAX_DER_LEN`
        // is the longest such encoding.
        out.bytes
            .get_mut(..bytes.len())
            .ok_or(crate::Error::InvalidDer)?
            .copy_from_slice(bytes);
        Ok(out)
    }

    /// The DER encoding: `30 LL 02 .. r .. 02 .. s ..`.
    pub fn as_bytes(&self) -> &[u8] {
        // `len <= MAX_DER_LEN` is an invariant kept by `Writer`; `get` keeps this panic-free
        // regardless.
        self.bytes.get(..self.len).unwrap_or(&[])
    }
}

impl AsRef<[u8]> for DerSignature {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl fmt::Debug for DerSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DerSignature(")?;
        for byte in self.as_bytes() {
            write!(f, "{byte:02x}")?;
        }
        f.write_str(")")
    }
}

// ---------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------

/// Encodes the signature `(r, s)` as `SEQUENCE { INTEGER r, INTEGER s }`.
///
/// `r` and `s` are unsigned big-endian byte strings of the curve's scalar size; the caller
/// guarantees `r.len() == s.len() <= MAX_SIZE`. The output is the unique DER encoding: leading zero
/// bytes are stripped, a `0x00` is prepended when the top bit of the remaining value is set, and
/// zero is written as the single byte `0x00`.
///
/// If the size precondition is violated, debug builds panic; release builds never panic but return
/// a truncated (invalid) encoding.
pub(crate) fn encode(r: &[u8], s: &[u8]) -> DerSignature {
    debug_assert!(r.len() <= MAX_SIZE && s.len() <= MAX_SIZE);
    let r = strip_leading_zeros(r);
    let s = strip_leading_zeros(s);

    let mut out = Writer::new();
    out.push(TAG_SEQUENCE);
    out.push_length(integer_element_len(r) + integer_element_len(s));
    out.push_integer(r);
    out.push_integer(s);
    out.finish()
}

/// Removes leading zero bytes, leaving the minimal magnitude (empty for zero).
fn strip_leading_zeros(mut bytes: &[u8]) -> &[u8] {
    while let [0, rest @ ..] = bytes {
        bytes = rest;
    }
    bytes
}

/// Whether a minimal magnitude needs a `0x00` byte in front to stay positive in two's complement
/// (its top bit is set), or to represent zero at all.
fn needs_zero_prefix(magnitude: &[u8]) -> bool {
    match magnitude {
        [] => true,
        [first, ..] => first & HIGH_BIT != 0,
    }
}

/// Number of content bytes of the INTEGER encoding of `magnitude`.
fn integer_content_len(magnitude: &[u8]) -> usize {
    magnitude.len() + usize::from(needs_zero_prefix(magnitude))
}

/// Number of bytes of the whole INTEGER element (tag, length, content).
fn integer_element_len(magnitude: &[u8]) -> usize {
    let content = integer_content_len(magnitude);
    1 + length_field_len(content) + content
}

/// Number of bytes DER uses to encode the length `len` (X.690 §10.1): one below 128, else two
/// (`0x81 LL`). Every length we write is below 256 (the whole signature is at most [`MAX_DER_LEN`]
/// bytes), so the three-byte form `0x82 HH LL` is never needed for output.
fn length_field_len(len: usize) -> usize {
    if len < 0x80 { 1 } else { 2 }
}

const _: () = assert!(MAX_DER_LEN < 0x100, "one length byte after 0x81 suffices");

/// Append-only cursor over the fixed output buffer.
///
/// Writes past the end are dropped instead of panicking; with the documented input sizes that never
/// happens, because [`MAX_DER_LEN`] is the exact maximum.
struct Writer {
    bytes: [u8; MAX_DER_LEN],
    len: usize,
}

impl Writer {
    fn new() -> Self {
        Self {
            bytes: [0; MAX_DER_LEN],
            len: 0,
        }
    }

    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    fn push_all(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.push(byte);
        }
    }

    /// Writes a DER length in the shortest form: `LL` below 128, else `0x81 LL` (every length
    /// written is below 256, see [`length_field_len`]).
    fn push_length(&mut self, len: usize) {
        debug_assert!(len < 0x100);
        if length_field_len(len) == 2 {
            self.push(0x81);
        }
        self.push(len as u8);
    }

    /// Writes `02 LL [00] magnitude` for a minimal (stripped) magnitude.
    fn push_integer(&mut self, magnitude: &[u8]) {
        self.push(TAG_INTEGER);
        self.push_length(integer_content_len(magnitude));
        if needs_zero_prefix(magnitude) {
            self.push(0x00);
        }
        self.push_all(magnitude);
    }

    fn finish(self) -> DerSignature {
        DerSignature {
            bytes: self.bytes,
            len: self.len,
        }
    }
}

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

/// Strictly decodes a DER `SEQUENCE { INTEGER r, INTEGER s }`.
///
/// On success `r` and `s` are written big-endian, left-padded with zeros, into `out_r` and `out_s`,
/// whose common length is the scalar size `size` (`1..=MAX_SIZE`). Anything that is not the unique
/// DER encoding of two non-negative integers below `2^(8 * size)` is rejected with `Err(())`; see
/// the module documentation for the full list of rules. Mismatched or out-of-range buffer sizes are
/// rejected too.
///
/// On error `out_r` and `out_s` are left untouched.
pub(crate) fn decode(der: &[u8], out_r: &mut [u8], out_s: &mut [u8]) -> Result<(), ()> {
    let size = out_r.len();
    if size != out_s.len() || !(1..=MAX_SIZE).contains(&size) {
        return Err(());
    }

    let mut outer = Reader::new(der);
    let mut sequence = Reader::new(outer.read_element(TAG_SEQUENCE)?);
    outer.expect_end()?;

    let r = parse_unsigned(sequence.read_element(TAG_INTEGER)?, size)?;
    let s = parse_unsigned(sequence.read_element(TAG_INTEGER)?, size)?;
    sequence.expect_end()?;

    // Only write once everything has been validated.
    write_left_padded(r, out_r)?;
    write_left_padded(s, out_s)
}

/// Checks that `content` is a minimal, non-negative DER INTEGER whose value fits in `size` bytes,
/// and returns its magnitude without any `0x00` pad (empty for zero).
fn parse_unsigned(content: &[u8], size: usize) -> Result<&[u8], ()> {
    let magnitude = match content {
        // X.690 §8.3.1: at least one content octet.
        [] => return Err(()),
        // Top bit set: a negative number.
        [first, ..] if first & HIGH_BIT != 0 => return Err(()),
        // The value zero.
        [0x00] => &[],
        // X.690 §8.3.2: a 0x00 pad is only allowed before a high-bit byte.
        [0x00, next, ..] if next & HIGH_BIT == 0 => return Err(()),
        [0x00, rest @ ..] => rest,
        _ => content,
    };
    if magnitude.len() > size {
        return Err(());
    }
    Ok(magnitude)
}

/// Copies `magnitude` into the low-order end of `out`, zeroing the rest.
fn write_left_padded(magnitude: &[u8], out: &mut [u8]) -> Result<(), ()> {
    let pad = out.len().checked_sub(magnitude.len()).ok_or(())?;
    let (zeros, value) = out.split_at_mut_checked(pad).ok_or(())?;
    zeros.fill(0);
    value.copy_from_slice(magnitude);
    Ok(())
}

/// Read cursor over DER input; every method fails instead of panicking.
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(input: &'a [u8]) -> Self {
        Self { rest: input }
    }

    fn read_byte(&mut self) -> Result<u8, ()> {
        let (&byte, rest) = self.rest.split_first().ok_or(())?;
        self.rest = rest;
        Ok(byte)
    }

    fn read_bytes(&mut self, n: usize) -> Result<&'a [u8], ()> {
        let (bytes, rest) = self.rest.split_at_checked(n).ok_or(())?;
        self.rest = rest;
        Ok(bytes)
    }

    /// Reads a minimal definite length (X.690 §10.1, §8.1.3).
    fn read_length(&mut self) -> Result<usize, ()> {
        match self.read_byte()? {
            // Short form: the byte is the length.
            short if short & HIGH_BIT == 0 => Ok(usize::from(short)),
            // One length byte: must not fit the short form.
            0x81 => match self.read_byte()? {
                len if len & HIGH_BIT == 0 => Err(()),
                len => Ok(usize::from(len)),
            },
            // Two length bytes: no leading zero, i.e. at least 0x100.
            0x82 => match [self.read_byte()?, self.read_byte()?] {
                [0x00, _] => Err(()),
                [high, low] => Ok(usize::from(u16::from_be_bytes([high, low]))),
            },
            // 0x80 (indefinite) and longer forms, never needed here.
            _ => Err(()),
        }
    }

    /// Reads one `tag length content` element and returns its content.
    fn read_element(&mut self, tag: u8) -> Result<&'a [u8], ()> {
        if self.read_byte()? != tag {
            return Err(());
        }
        let len = self.read_length()?;
        self.read_bytes(len)
    }

    /// Fails if any input is left over.
    fn expect_end(&self) -> Result<(), ()> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(())
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::format;
    use std::vec;
    use std::vec::Vec;

    /// Parses a hex string (spaces allowed) into bytes.
    fn hex(s: &str) -> Vec<u8> {
        let digits: Vec<u8> = s
            .bytes()
            .filter(|b| !b.is_ascii_whitespace())
            .map(|b| match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => panic!("bad hex digit"),
            })
            .collect();
        assert_eq!(digits.len() % 2, 0, "odd hex length");
        digits.chunks(2).map(|p| (p[0] << 4) | p[1]).collect()
    }

    /// Decodes with scalar size `size`, returning the buffers on success.
    fn dec(der: &[u8], size: usize) -> Result<(Vec<u8>, Vec<u8>), ()> {
        let mut r = vec![0u8; size];
        let mut s = vec![0u8; size];
        decode(der, &mut r, &mut s)?;
        Ok((r, s))
    }

    /// A `size`-byte big-endian value with `value` in its last bytes.
    fn scalar(size: usize, tail: &[u8]) -> Vec<u8> {
        let mut v = vec![0u8; size - tail.len()];
        v.extend_from_slice(tail);
        v
    }

    fn assert_round_trip(r: &[u8], s: &[u8]) {
        let sig = encode(r, s);
        let (r2, s2) = dec(sig.as_bytes(), r.len()).expect("own encoding must decode");
        assert_eq!(r2, r);
        assert_eq!(s2, s);
    }

    // ----- encoding: exact bytes -------------------------------------------

    #[test]
    fn max_der_len_value() {
        assert_eq!(MAX_DER_LEN, 141);
    }

    #[test]
    fn encode_one_one() {
        let one = scalar(32, &[1]);
        let sig = encode(&one, &one);
        assert_eq!(sig.as_bytes(), hex("30 06 02 01 01 02 01 01"));
        assert_eq!(sig.as_ref(), sig.as_bytes());
    }

    #[test]
    fn encode_zero_is_single_zero_byte() {
        let zero = [0u8; 32];
        let sig = encode(&zero, &zero);
        assert_eq!(sig.as_bytes(), hex("30 06 02 01 00 02 01 00"));
        assert_eq!(dec(sig.as_bytes(), 32), Ok((zero.to_vec(), zero.to_vec())));
    }

    #[test]
    fn encode_pads_high_bit_and_strips_zeros() {
        let r = scalar(4, &[0x80]);
        let s = scalar(4, &[0x00, 0x7f, 0xff]);
        let sig = encode(&r, &s);
        assert_eq!(sig.as_bytes(), hex("30 08 02 02 00 80 02 02 7f ff"));
    }

    #[test]
    fn encode_p256_max() {
        let ff = [0xffu8; 32];
        let sig = encode(&ff, &ff);
        let mut expected = hex("30 46 02 21 00");
        expected.extend_from_slice(&ff);
        expected.extend_from_slice(&hex("02 21 00"));
        expected.extend_from_slice(&ff);
        assert_eq!(sig.as_bytes(), expected);
        assert_eq!(sig.as_bytes().len(), 72);
    }

    #[test]
    fn encode_p521_uses_long_form_length() {
        let ff = [0xffu8; 66];
        let sig = encode(&ff, &ff);
        let mut expected = hex("30 81 8a 02 43 00");
        expected.extend_from_slice(&ff);
        expected.extend_from_slice(&hex("02 43 00"));
        expected.extend_from_slice(&ff);
        assert_eq!(sig.as_bytes(), expected);
        assert_eq!(sig.as_bytes().len(), MAX_DER_LEN);
        assert_round_trip(&ff, &ff);
    }

    #[test]
    fn encode_p521_typical() {
        // A P-521 scalar: top byte is 0x01, 66 bytes without padding.
        let mut r = vec![0xabu8; 66];
        r[0] = 0x01;
        let s = scalar(66, &[0x42]);
        let sig = encode(&r, &s);
        let bytes = sig.as_bytes();
        assert_eq!(&bytes[..5], &hex("30 47 02 42 01")[..]);
        assert_eq!(&bytes[bytes.len() - 3..], &hex("02 01 42")[..]);
        assert_round_trip(&r, &s);
    }

    #[test]
    fn debug_prints_hex() {
        let one = [1u8];
        let sig = encode(&one, &one);
        assert_eq!(format!("{sig:?}"), "DerSignature(3006020101020101)");
    }

    // ----- round trips -----------------------------------------------------

    #[test]
    fn round_trips_for_all_curve_sizes() {
        for size in [28, 32, 48, 66] {
            let mut high = vec![0x5au8; size];
            high[0] = 0xc3;
            let mut lead0 = vec![0x11u8; size];
            lead0[0] = 0;
            lead0[1] = 0;
            let mut lead0_high = vec![0x99u8; size];
            lead0_high[0] = 0;
            let values = [
                scalar(size, &[1]),
                scalar(size, &[0x80]),
                vec![0xff; size],
                high,
                lead0,
                lead0_high,
                vec![0; size],
            ];
            for r in &values {
                for s in &values {
                    assert_round_trip(r, s);
                }
            }
        }
    }

    #[test]
    fn round_trip_every_size() {
        for size in 1..=MAX_SIZE {
            assert_round_trip(&vec![0xff; size], &scalar(size, &[1]));
        }
    }

    // ----- accepted edge cases ---------------------------------------------

    #[test]
    fn accepts_zero_integers() {
        assert_eq!(
            dec(&hex("30 06 02 01 00 02 01 00"), 32),
            Ok((vec![0; 32], vec![0; 32]))
        );
    }

    #[test]
    fn accepts_full_size_with_pad() {
        // size 2: r = 0xffff needs 3 content bytes.
        assert_eq!(
            dec(&hex("30 0a 02 03 00 ff ff 02 03 00 80 00"), 2),
            Ok((vec![0xff, 0xff], vec![0x80, 0x00]))
        );
    }

    // ----- rejections ------------------------------------------------------

    /// Asserts rejection for size 32, and that the outputs stay untouched.
    fn rejects(der: &str) {
        let bytes = hex(der);
        let mut r = [0xeeu8; 32];
        let mut s = [0xeeu8; 32];
        assert_eq!(decode(&bytes, &mut r, &mut s), Err(()), "accepted {der}");
        assert_eq!(r, [0xee; 32]);
        assert_eq!(s, [0xee; 32]);
    }

    #[test]
    fn baseline_accepted() {
        assert!(dec(&hex("30 06 02 01 01 02 01 01"), 32).is_ok());
    }

    #[test]
    fn rejects_empty() {
        rejects("");
    }

    #[test]
    fn rejects_wrong_tags() {
        rejects("31 06 02 01 01 02 01 01"); // SET instead of SEQUENCE
        rejects("10 06 02 01 01 02 01 01"); // primitive SEQUENCE tag
        rejects("30 06 03 01 01 02 01 01"); // r is a BIT STRING
        rejects("30 06 02 01 01 04 01 01"); // s is an OCTET STRING
    }

    #[test]
    fn rejects_indefinite_length() {
        rejects("30 80 02 01 01 02 01 01 00 00");
        rejects("30 08 02 80 01 00 00 02 01 01");
    }

    #[test]
    fn rejects_non_minimal_lengths() {
        rejects("30 81 06 02 01 01 02 01 01"); // 0x81 with value < 0x80
        rejects("30 82 00 06 02 01 01 02 01 01"); // 0x82 with leading 0x00
        rejects("30 82 00 86 02 01 01 02 01 01"); // 0x82 with value < 0x100
        rejects("30 07 02 81 01 01 02 01 01"); // long form in an INTEGER
        rejects("30 83 00 00 06 02 01 01 02 01 01"); // three length bytes
        rejects("30 84 00 00 00 06 02 01 01 02 01 01"); // four length bytes
    }

    #[test]
    fn rejects_lengths_overrunning_input() {
        rejects("30 07 02 01 01 02 01 01"); // SEQUENCE too long
        rejects("30 06 02 02 01 02 01 01"); // r runs into s
        rejects("30 06 02 01 01 02 02 01"); // s runs past SEQUENCE
        rejects("30 81"); // missing length byte
        rejects("30 82 01"); // missing second length byte
        rejects("30"); // missing length
        rejects("30 06 02 01 01 02 01"); // truncated
        rejects("30 81 ff 02 01 01 02 01 01"); // long form overrun
        rejects("30 82 ff ff 02 01 01 02 01 01");
    }

    #[test]
    fn rejects_trailing_bytes_after_sequence() {
        rejects("30 06 02 01 01 02 01 01 00");
        rejects("30 06 02 01 01 02 01 01 30 00");
    }

    #[test]
    fn rejects_trailing_bytes_inside_sequence() {
        rejects("30 07 02 01 01 02 01 01 00");
        rejects("30 09 02 01 01 02 01 01 02 01 01"); // a third INTEGER
    }

    #[test]
    fn rejects_missing_integers() {
        rejects("30 00");
        rejects("30 03 02 01 01");
    }

    #[test]
    fn rejects_zero_length_integers() {
        rejects("30 05 02 00 02 01 01");
        rejects("30 05 02 01 01 02 00");
    }

    #[test]
    fn rejects_negative_integers() {
        rejects("30 06 02 01 80 02 01 01");
        rejects("30 06 02 01 01 02 01 ff");
    }

    #[test]
    fn rejects_non_minimal_integers() {
        rejects("30 07 02 02 00 01 02 01 01"); // 00 before a small byte
        rejects("30 07 02 01 01 02 02 00 7f");
        rejects("30 07 02 02 00 00 02 01 01"); // zero written as 00 00
        rejects("30 08 02 03 00 00 80 02 01 01"); // double pad
    }

    #[test]
    fn rejects_integers_too_large_for_size() {
        // size 2: three magnitude bytes.
        let too_big = hex("30 09 02 03 01 00 00 02 02 01 00");
        assert_eq!(dec(&too_big, 2), Err(()));
        assert!(dec(&too_big, 3).is_ok());
        // 33-byte magnitude for a 32-byte scalar.
        let mut der = hex("30 26 02 21 01");
        der.extend_from_slice(&[0u8; 32]);
        der.extend_from_slice(&hex("02 01 01"));
        assert_eq!(dec(&der, 32), Err(()));
        assert!(dec(&der, 33).is_ok());
    }

    #[test]
    fn rejects_bad_buffer_sizes() {
        let der = hex("30 06 02 01 01 02 01 01");
        let mut r = [0u8; 32];
        let mut s = [0u8; 31];
        assert_eq!(decode(&der, &mut r, &mut s), Err(()));
        assert_eq!(decode(&der, &mut [], &mut []), Err(()));
        assert_eq!(dec(&der, MAX_SIZE + 1), Err(()));
    }

    // ----- fuzzing ---------------------------------------------------------

    /// xorshift64: tiny deterministic PRNG, good enough to shake the parser.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn byte(&mut self) -> u8 {
            self.next() as u8
        }
    }

    /// A random `size`-byte scalar, biased towards the interesting shapes.
    fn random_scalar(rng: &mut XorShift, size: usize) -> Vec<u8> {
        let mut v: Vec<u8> = (0..size).map(|_| rng.byte()).collect();
        match rng.below(6) {
            0 => v[..rng.below(size + 1)].fill(0), // leading zeros (maybe all)
            1 => v[0] |= 0x80,                     // needs a pad byte
            2 => v[0] &= 0x7f,
            3 => v.fill(0xff),
            _ => {}
        }
        v
    }

    /// Randomly damages a valid encoding.
    fn mutate(rng: &mut XorShift, der: &mut Vec<u8>) {
        for _ in 0..=rng.below(3) {
            let len = der.len();
            match rng.below(6) {
                0 if len > 0 => der[rng.below(len)] = rng.byte(),
                1 if len > 0 => der[rng.below(len)] ^= 1 << rng.below(8),
                2 => der.insert(rng.below(len + 1), rng.byte()),
                3 if len > 0 => {
                    der.remove(rng.below(len));
                }
                4 => der.truncate(rng.below(len + 1)),
                _ => {
                    // Nudge a length-ish byte near the front.
                    if len > 4 {
                        let i = [1, 3, 4][rng.below(3)];
                        der[i] = der[i].wrapping_add(rng.byte() % 3).wrapping_sub(1);
                    }
                }
            }
        }
    }

    #[test]
    fn fuzz_decode_is_total_and_canonical() {
        const SIZES: [usize; 6] = [1, 2, 28, 32, 48, 66];
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        let mut accepted = 0usize;
        for i in 0..100_000 {
            let size = if i % 7 == 0 {
                1 + rng.below(MAX_SIZE)
            } else {
                SIZES[rng.below(SIZES.len())]
            };
            let input: Vec<u8> = match i % 3 {
                // Pure noise, usually with a plausible header.
                0 => {
                    let len = rng.below(MAX_DER_LEN + 8);
                    let mut v: Vec<u8> = (0..len).map(|_| rng.byte()).collect();
                    if len > 2 && rng.below(2) == 0 {
                        v[0] = TAG_SEQUENCE;
                        v[2] = TAG_INTEGER;
                    }
                    v
                }
                // Valid encodings, which must decode to the original values.
                1 => {
                    let r = random_scalar(&mut rng, size);
                    let s = random_scalar(&mut rng, size);
                    let sig = encode(&r, &s);
                    assert_eq!(dec(sig.as_bytes(), size), Ok((r, s)));
                    sig.as_bytes().to_vec()
                }
                // Damaged valid encodings.
                _ => {
                    let r = random_scalar(&mut rng, size);
                    let s = random_scalar(&mut rng, size);
                    let mut v = encode(&r, &s).as_bytes().to_vec();
                    mutate(&mut rng, &mut v);
                    v
                }
            };
            if let Ok((r, s)) = dec(&input, size) {
                accepted += 1;
                assert_eq!(
                    encode(&r, &s).as_bytes(),
                    &input[..],
                    "non-canonical accept"
                );
            }
        }
        // Sanity: the valid third of the inputs all went through.
        assert!(accepted >= 33_000, "only {accepted} accepted");
    }
}
