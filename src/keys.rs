//! Layer 5 (protocols): elliptic-curve key pairs, shared by ECDSA and ECDH.
//!
//! Uses scalar multiplication from the [`point`](crate::point) layer and the fields' encodings.
//!
//! A private key is a scalar `d ∈ [1, n−1]`; its public key is the point `Q = d·G`.

use crate::Error;
use crate::ct::declassify;
use crate::curves::Curve;
use crate::field::{ByteArray, Field};
use crate::point::sec1::EncodedPoint;
use crate::point::{AffinePoint, ProjectivePoint};
use core::fmt;
use core::hash::{Hash, Hasher};
use rand_core::CryptoRng;
use subtle::{Choice, ConstantTimeEq, CtOption};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// A private key: a scalar `d` with `0 < d < n`. Zeroized on drop; `Debug` does not print it.
#[derive(Clone)]
pub struct SecretKey<C: Curve> {
    scalar: C::Scalar,
}

impl<C: Curve> SecretKey<C> {
    /// A uniformly random key, by rejection sampling: draw `⌈log2 n / 8⌉` bytes, clear the bits
    /// above `log2 n`, and retry while the value is `0` or `≥ n`. (A retry reveals only that a
    /// discarded candidate was out of range, nothing about the key kept.)
    pub fn random<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let excess_bits = (8 * bytes_len::<C>() as u32 - C::Scalar::NUM_BITS) as u8;
        loop {
            let mut bytes = <C::Scalar as Field>::Bytes::zeroed();
            rng.fill_bytes(bytes.as_mut());
            bytes.as_mut()[0] &= 0xffu8 >> excess_bits;
            let (key, in_range) = Self::from_decoded(C::Scalar::from_bytes(&bytes));
            bytes.as_mut().zeroize();
            if declassify(in_range) {
                return key;
            }
        }
    }

    /// A uniformly random key from the operating system's random number generator
    /// (`getrandom`), as [`SecretKey::random`] draws it.
    ///
    /// # Panics
    /// If the operating system cannot supply random bytes (no usable entropy source, or a sandbox
    /// that forbids the system call). That is a failure of the environment, not of the input, so
    /// `generate` returns the key, as key generation does elsewhere in the Rust crypto ecosystem,
    /// and the panic message carries `getrandom`'s error. To handle the failure instead, pass a
    /// generator of your choice to [`SecretKey::random`].
    #[cfg(feature = "getrandom")]
    pub fn generate() -> Self {
        Self::random(&mut rand_core::UnwrapErr(getrandom::SysRng))
    }

    /// Decodes a big-endian private key of exactly the field's byte length, with `0 < d < n`.
    ///
    /// Errors: [`Error::InvalidLength`], or [`Error::OutOfRange`] for `0` or a value `≥ n`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let mut buf = <C::Scalar as Field>::Bytes::zeroed();
        if bytes.len() != buf.as_ref().len() {
            return Err(Error::InvalidLength);
        }
        buf.as_mut().copy_from_slice(bytes);
        let (key, in_range) = Self::from_decoded(C::Scalar::from_bytes(&buf));
        buf.as_mut().zeroize();
        // Whether the key is valid is the public outcome of decoding it.
        if declassify(in_range) {
            Ok(key)
        } else {
            Err(Error::OutOfRange)
        }
    }

    /// Decodes a big-endian private key of at most the field's byte length, as some encoders write
    /// it with its leading zero bytes dropped; exactly [`SecretKey::from_bytes`] at full length.
    ///
    /// Errors: [`Error::InvalidLength`] for an empty or too long slice, else as `from_bytes`.
    pub fn from_slice(bytes: &[u8]) -> Result<Self, Error> {
        let len = bytes_len::<C>();
        if bytes.is_empty() || bytes.len() > len {
            return Err(Error::InvalidLength);
        }
        let mut padded = Zeroizing::new(<C::Scalar as Field>::Bytes::zeroed());
        padded.as_mut()[len - bytes.len()..].copy_from_slice(bytes);
        Self::from_bytes(padded.as_ref())
    }

    /// The key from a scalar, if the scalar is non-zero.
    pub fn from_scalar(scalar: C::Scalar) -> CtOption<Self> {
        CtOption::new(Self { scalar }, !scalar.is_zero())
    }

    /// The key from a decoded scalar, and whether it is valid (present and non-zero), in
    /// constant time: the caller declassifies the validity bit before branching on it.
    fn from_decoded(scalar: CtOption<C::Scalar>) -> (Self, Choice) {
        let s = scalar.unwrap_or(C::Scalar::ZERO);
        let valid = scalar.is_some() & !s.is_zero();
        (Self { scalar: s }, valid)
    }

    /// The big-endian encoding of `d`, wiped when the returned value is dropped.
    pub fn to_bytes(&self) -> Zeroizing<<C::Scalar as Field>::Bytes> {
        Zeroizing::new(self.scalar.to_bytes())
    }

    /// The secret scalar `d`, for the protocols of this crate (not public: a `Copy` scalar would
    /// leave copies of the key behind, and its `Debug` prints it).
    pub(crate) fn as_scalar(&self) -> &C::Scalar {
        &self.scalar
    }

    /// The public key `d·G` (constant-time fixed-base multiplication).
    pub fn public_key(&self) -> PublicKey<C> {
        PublicKey {
            point: ProjectivePoint::<C>::mul_base(&self.scalar).to_affine(),
        }
    }
}

/// Byte length of the curve's field encodings.
pub(crate) fn bytes_len<C: Curve>() -> usize {
    <C::Scalar as Field>::Bytes::zeroed().as_ref().len()
}

impl<C: Curve> ConstantTimeEq for SecretKey<C> {
    fn ct_eq(&self, other: &Self) -> Choice {
        self.scalar.ct_eq(&other.scalar)
    }
}

impl<C: Curve> Drop for SecretKey<C> {
    fn drop(&mut self) {
        self.scalar.zeroize();
    }
}

impl<C: Curve> ZeroizeOnDrop for SecretKey<C> {}

impl<C: Curve> fmt::Debug for SecretKey<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey<{}>(…)", C::NAME)
    }
}

/// A public key: a curve point other than the identity.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey<C: Curve> {
    point: AffinePoint<C>,
}

impl<C: Curve> PublicKey<C> {
    /// Decodes a SEC1 point (compressed or uncompressed); see
    /// [`AffinePoint::from_sec1_bytes`] for the checks and errors.
    pub fn from_sec1_bytes(bytes: &[u8]) -> Result<Self, Error> {
        AffinePoint::from_sec1_bytes(bytes).map(|point| Self { point })
    }

    /// The SEC1 encoding, compressed (`1 + L` bytes) or uncompressed (`1 + 2L` bytes).
    pub fn to_sec1_bytes(&self, compress: bool) -> EncodedPoint {
        self.point.to_sec1_bytes(compress)
    }

    /// The key from a point; [`Error::IdentityPoint`] for the identity, [`Error::NotOnCurve`]
    /// for a point that does not satisfy the curve equation (an [`AffinePoint`] built by this
    /// crate always does; the check keeps an invalid-curve point out of ECDH whatever its origin).
    pub fn from_affine(point: AffinePoint<C>) -> Result<Self, Error> {
        if bool::from(point.is_identity()) {
            return Err(Error::IdentityPoint);
        }
        if !bool::from(point.is_on_curve()) {
            return Err(Error::NotOnCurve);
        }
        Ok(Self { point })
    }

    /// The point `Q`.
    pub fn as_affine(&self) -> &AffinePoint<C> {
        &self.point
    }
}

/// Hashes the point (its coordinates' canonical bytes), consistent with `Eq`.
impl<C: Curve> Hash for PublicKey<C> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.point.hash(state);
    }
}

impl<C: Curve> fmt::Debug for PublicKey<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey<{}>({:?})", C::NAME, self.to_sec1_bytes(true))
    }
}
