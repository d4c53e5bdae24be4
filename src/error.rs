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
        })
    }
}

impl core::error::Error for Error {}
