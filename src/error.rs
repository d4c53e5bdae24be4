//! The crate's one error type.

use core::fmt;

/// What went wrong. Messages name the kind of problem, never a secret value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// An input had the wrong length.
    InvalidLength,
    /// An encoding was malformed (bad leading byte, non-canonical value, …).
    InvalidEncoding,
    /// A point is not on the curve.
    NotOnCurve,
    /// A point is the identity (point at infinity) where a proper point is required.
    IdentityPoint,
    /// An integer is out of its range (e.g. a private key not in `[1, n−1]`).
    OutOfRange,
    /// A DER encoding is not strict DER.
    InvalidDer,
    /// A signature did not verify.
    VerificationFailed,
    /// A message digest is too short (ECDSA needs at least 16 bytes).
    DigestTooShort,
    /// Signing failed (a computed `r` or `s` was zero; happens with negligible probability).
    SigningFailed,
    /// A private key's encoding carries a public key that is not the private key's own (e.g. a
    /// JWK whose `x`, `y` are not `d·G`).
    KeyMismatch,
    /// A key agreement gave the all-zero secret: the peer's public key is a point of small order
    /// (X25519, RFC 7748 §6.1).
    LowOrderPoint,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Error::InvalidLength => "input has the wrong length",
            Error::InvalidEncoding => "malformed encoding",
            Error::NotOnCurve => "point is not on the curve",
            Error::IdentityPoint => "point is the identity",
            Error::OutOfRange => "integer out of range",
            Error::InvalidDer => "signature is not strict DER",
            Error::VerificationFailed => "signature verification failed",
            Error::DigestTooShort => "message digest shorter than 16 bytes",
            Error::SigningFailed => "signing failed",
            Error::KeyMismatch => "public key does not match the private key",
            Error::LowOrderPoint => "peer's public key has small order (shared secret is zero)",
        })
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::Error;
    use std::string::ToString;
    use std::vec::Vec;

    /// Every variant has its own short message, and messages carry no data (no digits).
    #[test]
    fn messages_are_distinct_and_data_free() {
        let all = [
            Error::InvalidLength,
            Error::InvalidEncoding,
            Error::NotOnCurve,
            Error::IdentityPoint,
            Error::OutOfRange,
            Error::InvalidDer,
            Error::VerificationFailed,
            Error::DigestTooShort,
            Error::SigningFailed,
            Error::KeyMismatch,
            Error::LowOrderPoint,
        ];
        let messages: Vec<_> = all.iter().map(|e| e.to_string()).collect();
        for (i, m) in messages.iter().enumerate() {
            assert!(!m.is_empty() && m.len() < 60, "{m}");
            assert!(
                !m.chars()
                    .any(|c| c.is_ascii_digit() && c != '1' && c != '6'),
                "{m}"
            );
            assert!(messages[..i].iter().all(|earlier| earlier != m), "{m}");
        }
    }
}
