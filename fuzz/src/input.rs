//! Input layouts of the structured targets (`verify`, `differential`), with encoders for the
//! seed tool. Byte 0 of every input, the curve tag, is consumed by [`dispatch`](crate::dispatch)
//! before these parsers see the rest. `L` is the curve's field length.

use crate::{Peer, field_len};

/// `verify`: `flags ‖ der_len ‖ key ‖ sig ‖ msg`.
///
/// * `flags` bit 0: the key is compressed (`1 + L` bytes), else uncompressed (`1 + 2L`);
/// * `flags` bit 1: the signature is DER of `der_len` bytes, else fixed `r ‖ s` (`2L` bytes,
///   and `der_len` is ignored);
/// * `msg`: the rest, used both as a message and as a prehash.
#[derive(Clone, Copy, Debug)]
pub struct VerifyInput<'a> {
    /// Whether `key` is the compressed form.
    pub compressed: bool,
    /// Whether `sig` is DER.
    pub der: bool,
    /// SEC1 public key.
    pub key: &'a [u8],
    /// Signature, fixed or DER.
    pub sig: &'a [u8],
    /// Message (and prehash).
    pub msg: &'a [u8],
}

impl<'a> VerifyInput<'a> {
    /// Splits `data` (after the curve tag); `None` if it is too short.
    pub fn parse<C: Peer>(data: &'a [u8]) -> Option<Self> {
        let l = field_len::<C>();
        let (&flags, data) = data.split_first()?;
        let (&der_len, data) = data.split_first()?;
        let compressed = flags & 1 != 0;
        let der = flags & 2 != 0;
        let key_len = if compressed { 1 + l } else { 1 + 2 * l };
        let sig_len = if der { usize::from(der_len) } else { 2 * l };
        let (key, data) = data.split_at_checked(key_len)?;
        let (sig, msg) = data.split_at_checked(sig_len)?;
        Some(Self {
            compressed,
            der,
            key,
            sig,
            msg,
        })
    }

    /// The full input, curve tag included. `key` and `sig` must have the lengths `parse` expects
    /// (a DER signature at most 255 bytes).
    pub fn encode<C: Peer>(&self) -> Vec<u8> {
        let der_len = if self.der {
            u8::try_from(self.sig.len()).expect("DER signature of at most 255 bytes")
        } else {
            0
        };
        let flags = u8::from(self.compressed) | (u8::from(self.der) << 1);
        let mut out = vec![C::TAG, flags, der_len];
        out.extend_from_slice(self.key);
        out.extend_from_slice(self.sig);
        out.extend_from_slice(self.msg);
        out
    }
}

/// `differential`: `flags ‖ d1 ‖ d2 ‖ sig_pos ‖ sig_xor ‖ key_pos ‖ key_xor ‖ msg`.
///
/// * `d1`, `d2`: `L`-byte private keys (signer, and ECDH peer);
/// * `flags` bit 0: mutate the compressed public key, else the uncompressed one;
/// * `flags` bit 1: mutate the DER signature, else the fixed `r ‖ s` one;
/// * the mutations: XOR `sig_xor` into byte `sig_pos` (modulo the length) of the signature,
///   and `key_xor` into byte `key_pos` of the public key (an XOR with 0 leaves it intact);
/// * `msg`: the rest, signed as a message and (if at least 16 bytes) as a prehash.
#[derive(Clone, Copy, Debug)]
pub struct DifferentialInput<'a> {
    /// Mutate the compressed key.
    pub compressed: bool,
    /// Mutate the DER signature.
    pub der: bool,
    /// The signer's private key.
    pub d1: &'a [u8],
    /// The ECDH peer's private key.
    pub d2: &'a [u8],
    /// Signature byte to mutate.
    pub sig_pos: u8,
    /// Its XOR mask.
    pub sig_xor: u8,
    /// Public-key byte to mutate.
    pub key_pos: u8,
    /// Its XOR mask.
    pub key_xor: u8,
    /// The message.
    pub msg: &'a [u8],
}

impl<'a> DifferentialInput<'a> {
    /// Splits `data` (after the curve tag); `None` if it is too short.
    pub fn parse<C: Peer>(data: &'a [u8]) -> Option<Self> {
        let l = field_len::<C>();
        let (&flags, data) = data.split_first()?;
        let (d1, data) = data.split_at_checked(l)?;
        let (d2, data) = data.split_at_checked(l)?;
        let (mutation, msg) = data.split_first_chunk::<4>()?;
        Some(Self {
            compressed: flags & 1 != 0,
            der: flags & 2 != 0,
            d1,
            d2,
            sig_pos: mutation[0],
            sig_xor: mutation[1],
            key_pos: mutation[2],
            key_xor: mutation[3],
            msg,
        })
    }

    /// The full input, curve tag included (`d1` and `d2` of `L` bytes).
    pub fn encode<C: Peer>(&self) -> Vec<u8> {
        let flags = u8::from(self.compressed) | (u8::from(self.der) << 1);
        let mut out = vec![C::TAG, flags];
        out.extend_from_slice(self.d1);
        out.extend_from_slice(self.d2);
        out.extend_from_slice(&[self.sig_pos, self.sig_xor, self.key_pos, self.key_xor]);
        out.extend_from_slice(self.msg);
        out
    }
}

/// XORs `mask` into byte `pos % len` of a copy of `bytes`.
pub fn mutate(bytes: &[u8], pos: u8, mask: u8) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if !out.is_empty() {
        let i = usize::from(pos) % out.len();
        out[i] ^= mask;
    }
    out
}
