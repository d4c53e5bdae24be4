//! Layer 5 (protocols): `serde` support (feature `serde`) for the public values of the crate.
//!
//! Uses the byte encodings of [`keys`](crate::keys) and [`ecdsa`](crate::ecdsa); adds no
//! encoding of its own.
//!
//! | type | bytes | decoding checks |
//! |---|---|---|
//! | [`PublicKey`], [`VerifyingKey`] | SEC1 point, compressed when serialized; compressed or uncompressed accepted | those of [`PublicKey::from_sec1_bytes`] (length, on the curve, not the identity) |
//! | [`Signature`] | fixed-size `r ‖ s` | those of [`Signature::from_bytes`] (length, `1 ≤ r, s < n`) |
//! | [`ed25519::VerifyingKey`](crate::ed25519::VerifyingKey), [`x25519::PublicKey`](crate::x25519::PublicKey) | the 32-byte key | those of their `from_bytes` |
//! | [`ed25519::Signature`](crate::ed25519::Signature) | `R ‖ S`, 64 bytes | the length |
//!
//! Human-readable formats (JSON, TOML, …; `Serializer::is_human_readable`) carry the bytes as a
//! lower-case hex string, and decoding accepts upper-case hex as well; binary formats carry them
//! as a byte string, and decoding also accepts a sequence of `u8`, which some binary formats send
//! for bytes. No allocation: encoding and decoding use a stack buffer of the longest encoding.
//!
//! Secret keys have no `serde` implementation: a key that goes through a generic serializer is
//! easily logged or stored by accident. Their explicit encodings are
//! [`SecretKey::to_bytes`](crate::keys::SecretKey::to_bytes) and, with the feature `jwk`, JSON Web
//! Keys.

use crate::Error;
use crate::curves::Curve;
use crate::ecdsa::{EcdsaCurve, MAX_SIGNATURE_LEN, Signature, VerifyingKey};
use crate::keys::PublicKey;
use crate::point::sec1::MAX_SEC1_LEN;
use core::fmt;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::{self, Serializer};
use serde::{Deserialize, Serialize};

/// The longest byte string handled here: an uncompressed P-521 point (133 bytes; a P-521
/// signature is 132).
const MAX_LEN: usize = if MAX_SEC1_LEN > MAX_SIGNATURE_LEN {
    MAX_SEC1_LEN
} else {
    MAX_SIGNATURE_LEN
};

/// Writes `bytes` as lower-case hex (human-readable formats) or as a byte string (binary ones).
fn serialize_bytes<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        let mut hex = [0u8; 2 * MAX_LEN];
        let hex = base16ct::lower::encode_str(bytes, &mut hex).map_err(ser::Error::custom)?;
        serializer.serialize_str(hex)
    } else {
        serializer.serialize_bytes(bytes)
    }
}

/// Reads what [`serialize_bytes`] writes and decodes it with `decode`.
fn deserialize_bytes<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    what: &'static str,
    decode: fn(&[u8]) -> Result<T, Error>,
) -> Result<T, D::Error> {
    let visitor = BytesVisitor { what, decode };
    if deserializer.is_human_readable() {
        deserializer.deserialize_str(visitor)
    } else {
        deserializer.deserialize_bytes(visitor)
    }
}

/// Accepts a hex string, a byte string or a sequence of bytes, and decodes the bytes.
struct BytesVisitor<T> {
    /// What is being decoded, for error messages (e.g. "a SEC1-encoded public key").
    what: &'static str,
    /// The strict decoder of the type.
    decode: fn(&[u8]) -> Result<T, Error>,
}

impl<T> BytesVisitor<T> {
    /// Decodes `bytes`, naming the type and the problem in the error.
    fn finish<E: de::Error>(&self, bytes: &[u8]) -> Result<T, E> {
        (self.decode)(bytes).map_err(|err| E::custom(format_args!("invalid {}: {err}", self.what)))
    }
}

impl<'de, T> Visitor<'de> for BytesVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} as hex or bytes", self.what)
    }

    fn visit_str<E: de::Error>(self, hex: &str) -> Result<T, E> {
        if hex.len() > 2 * MAX_LEN {
            return Err(E::invalid_length(hex.len(), &self));
        }
        let mut buf = [0u8; MAX_LEN];
        let bytes = base16ct::mixed::decode(hex, &mut buf)
            .map_err(|_| E::invalid_value(de::Unexpected::Str(hex), &self))?;
        self.finish(bytes)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<T, E> {
        self.finish(bytes)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
        let mut buf = [0u8; MAX_LEN];
        let mut len = 0;
        while let Some(byte) = seq.next_element::<u8>()? {
            if len == MAX_LEN {
                return Err(de::Error::invalid_length(len + 1, &self));
            }
            buf[len] = byte;
            len += 1;
        }
        self.finish(&buf[..len])
    }
}

/// The compressed SEC1 point.
impl<C: Curve> Serialize for PublicKey<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_bytes(&self.to_sec1_bytes(true), serializer)
    }
}

/// A SEC1 point, compressed or uncompressed, checked as by [`PublicKey::from_sec1_bytes`].
impl<'de, C: Curve> Deserialize<'de> for PublicKey<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_bytes(deserializer, "SEC1 public key", Self::from_sec1_bytes)
    }
}

/// The compressed SEC1 point.
impl<C: EcdsaCurve> Serialize for VerifyingKey<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_public_key().serialize(serializer)
    }
}

/// A SEC1 point, compressed or uncompressed, checked as by [`PublicKey::from_sec1_bytes`].
impl<'de, C: EcdsaCurve> Deserialize<'de> for VerifyingKey<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        PublicKey::deserialize(deserializer).map(Self::from)
    }
}

/// The fixed-size `r ‖ s` encoding.
impl<C: Curve> Serialize for Signature<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_bytes(&self.to_bytes(), serializer)
    }
}

/// The fixed-size `r ‖ s` encoding, checked as by [`Signature::from_bytes`].
impl<'de, C: Curve> Deserialize<'de> for Signature<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_bytes(deserializer, "r ‖ s signature", Self::from_bytes)
    }
}

/// The 32-byte encoding of `A`.
impl Serialize for crate::ed25519::VerifyingKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_bytes(&self.to_bytes(), serializer)
    }
}

/// 32 bytes, decoded as by [`crate::ed25519::VerifyingKey::from_bytes`].
impl<'de> Deserialize<'de> for crate::ed25519::VerifyingKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_bytes(deserializer, "Ed25519 public key", Self::from_bytes)
    }
}

/// The 64 bytes `R ‖ S`.
impl Serialize for crate::ed25519::Signature {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_bytes(&self.to_bytes(), serializer)
    }
}

/// 64 bytes, as [`crate::ed25519::Signature::from_bytes`].
impl<'de> Deserialize<'de> for crate::ed25519::Signature {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_bytes(deserializer, "Ed25519 signature", Self::from_bytes)
    }
}

/// The 32-byte `u`.
impl Serialize for crate::x25519::PublicKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_bytes(&self.to_bytes(), serializer)
    }
}

/// 32 bytes, as [`crate::x25519::PublicKey::from_bytes`].
impl<'de> Deserialize<'de> for crate::x25519::PublicKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_bytes(deserializer, "X25519 public key", Self::from_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::p256::NistP256;
    use serde::de::value::{Error as ValueError, SeqDeserializer};

    /// A sequence of `u8` decodes like a byte string; a sequence longer than any encoding is
    /// refused before it overflows the buffer.
    #[test]
    fn byte_sequences() {
        let point = PublicKey::<NistP256>::from_affine(crate::point::AffinePoint::GENERATOR)
            .expect("G is a valid public key");
        let bytes = point.to_sec1_bytes(false);
        let seq = SeqDeserializer::<_, ValueError>::new(bytes.iter().copied());
        assert_eq!(PublicKey::<NistP256>::deserialize(seq), Ok(point));

        let long = SeqDeserializer::<_, ValueError>::new(core::iter::repeat_n(4u8, MAX_LEN + 1));
        assert!(PublicKey::<NistP256>::deserialize(long).is_err());
    }
}
