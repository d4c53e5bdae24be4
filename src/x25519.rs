//! Layer 5 (protocols): **X25519** key agreement (RFC 7748 §5 and §6.1).
//!
//! Uses the Montgomery ladder of [`crate::montgomery`] for the shared secret and the fixed-base
//! Edwards multiplication of [`crate::edwards`] for public keys.
//!
//! A secret key is any 32 bytes; it is **clamped** when used (bits 0–2 and 255 cleared, bit 254
//! set: RFC 7748 §5, `decodeScalar25519`), so the scalar is a multiple of the cofactor 8 with a
//! fixed top bit. A public key is any 32 bytes read as a `u` coordinate (bit 255 ignored, values
//! `≥ p` reduced: `decodeUCoordinate`). The shared secret is `u(k·P)`, 32 little-endian bytes.
//!
//! # Low-order points
//! A peer's key may be a point of small order (or on the twist); because the scalar is a multiple
//! of 8, such a key gives the all-zero shared secret, which says nothing secret about either key
//! but lets the peer force a known result. RFC 7748 §6.1 allows a check for it, and
//! [`diffie_hellman`] makes it: an all-zero result is [`Error::LowOrderPoint`] (the check is
//! constant time; only its outcome is public).
//!
//! ```
//! use ecckit::x25519::{SecretKey, diffie_hellman};
//!
//! let mut rng = rand::rng();
//! let (alice, bob) = (SecretKey::random(&mut rng), SecretKey::random(&mut rng));
//! let k1 = diffie_hellman(&alice, &bob.public_key())?;
//! let k2 = diffie_hellman(&bob, &alice.public_key())?;
//! assert_eq!(k1.raw_secret_bytes(), k2.raw_secret_bytes());
//! # Ok::<(), ecckit::Error>(())
//! ```

use crate::Error;
use crate::edwards::EdwardsPoint;
use crate::field::curve25519::{FieldElement, Scalar};
use crate::montgomery;
use core::fmt;
use rand_core::CryptoRng;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// `decodeScalar25519` (RFC 7748 §5): clear bits 0, 1, 2 and 255, set bit 254.
fn clamp(bytes: &[u8; 32]) -> [u8; 32] {
    let mut k = *bytes;
    k[0] &= 248;
    k[31] &= 127;
    k[31] |= 64;
    k
}

/// An X25519 secret key: 32 bytes, clamped when used. Zeroized on drop; `Debug` does not print
/// it.
#[derive(Clone)]
pub struct SecretKey {
    bytes: [u8; 32],
}

impl SecretKey {
    /// A fresh random key from `rng`.
    pub fn random<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut bytes = [0u8; 32];
        rng.fill_bytes(&mut bytes);
        Self { bytes }
    }

    /// A fresh random key from the operating system's generator.
    ///
    /// # Panics
    /// If the operating system's generator fails (`getrandom`'s error is in the message); to
    /// handle that instead, pass a generator of your choice to [`SecretKey::random`].
    #[cfg(feature = "getrandom")]
    pub fn generate() -> Self {
        Self::random(&mut rand_core::UnwrapErr(getrandom::SysRng))
    }

    /// The key with these 32 bytes (every 32-byte string is a key: RFC 7748 clamps it when used).
    ///
    /// Errors: [`Error::InvalidLength`] unless `bytes` has 32 bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| Error::InvalidLength)?;
        Ok(Self { bytes })
    }

    /// The 32 bytes of the key, as given (not clamped).
    pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.bytes)
    }

    /// The public key `u(k·B)` for the clamped scalar `k` and the base point `u = 9`, computed as
    /// `k·B` on the Edwards form over the compile-time table (constant time) and mapped to `u`
    /// (RFC 7748 §4.1): the same value as the ladder on `u = 9`, at a fraction of the cost.
    pub fn public_key(&self) -> PublicKey {
        let mut k = clamp(&self.bytes);
        // k < 2^255, and k·B = (k mod ℓ)·B since B has order ℓ.
        let mut scalar = Scalar::from_le_bytes_reduced(&k);
        let mut point = EdwardsPoint::mul_base(&scalar);
        let u = point.to_montgomery_u();
        k.zeroize();
        scalar.zeroize();
        point.zeroize();
        PublicKey {
            bytes: u.to_le_bytes(),
        }
    }
}

impl Drop for SecretKey {
    fn drop(&mut self) {
        self.bytes.zeroize();
    }
}

impl ZeroizeOnDrop for SecretKey {}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("x25519::SecretKey(…)")
    }
}

/// An X25519 public key: a `u` coordinate, 32 little-endian bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicKey {
    bytes: [u8; 32],
}

impl PublicKey {
    /// The key with these 32 bytes. Every 32-byte string is accepted, as RFC 7748 §5 requires
    /// (bit 255 is ignored and `u ≥ p` is reduced when the key is used); a low-order key is
    /// refused by [`diffie_hellman`].
    ///
    /// Errors: [`Error::InvalidLength`] unless `bytes` has 32 bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| Error::InvalidLength)?;
        Ok(Self { bytes })
    }

    /// The 32 bytes of the key, as given or computed.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.bytes
    }
}

impl AsRef<[u8]> for PublicKey {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

impl From<[u8; 32]> for PublicKey {
    fn from(bytes: [u8; 32]) -> Self {
        Self { bytes }
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("x25519::PublicKey(")?;
        for b in self.bytes {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

/// The raw X25519 function of RFC 7748 §5: `u(clamp(k)·P)` as 32 little-endian bytes, for any
/// scalar bytes `k` and any `u` bytes, with no check of the result (the all-zero output of a
/// low-order `u` included). Constant time in both inputs. [`diffie_hellman`] is this plus the
/// check of §6.1.
pub fn x25519(k: &[u8; 32], u: &[u8; 32]) -> [u8; 32] {
    let mut clamped = clamp(k);
    let u = FieldElement::from_le_bytes_masked(u);
    let mut shared = montgomery::ladder(&clamped, &u);
    let out = shared.to_le_bytes();
    clamped.zeroize();
    shared.zeroize();
    out
}

/// The shared secret of `secret` and the peer's `public` key (RFC 7748 §6.1), in constant time.
///
/// Errors: [`Error::LowOrderPoint`] when the result is all zeros, i.e. the peer's key is a point of
/// small order (which a peer can choose to force a known secret).
pub fn diffie_hellman(secret: &SecretKey, public: &PublicKey) -> Result<SharedSecret, Error> {
    let shared = SharedSecret {
        bytes: x25519(&secret.bytes, &public.bytes),
    };
    // Whether the result is zero is the public outcome of the check.
    if crate::ct::declassify(shared.bytes.ct_eq(&[0u8; 32])) {
        return Err(Error::LowOrderPoint);
    }
    Ok(shared)
}

/// The raw X25519 shared secret: 32 little-endian bytes of `u`. Zeroized on drop; `Debug` does
/// not print it. Derive keys from it with a KDF.
pub struct SharedSecret {
    bytes: [u8; 32],
}

impl SharedSecret {
    /// The 32 bytes of the shared secret.
    pub fn raw_secret_bytes(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// HKDF-Extract (RFC 5869 §2.2) with the hash `D` over the raw secret, as
    /// [`crate::ecdh::SharedSecret::extract`].
    #[cfg(feature = "hkdf")]
    pub fn extract<D: hkdf::hmac::EagerHash>(&self, salt: Option<&[u8]>) -> hkdf::Hkdf<D> {
        hkdf::Hkdf::new(salt, &self.bytes)
    }
}

impl Drop for SharedSecret {
    fn drop(&mut self) {
        self.bytes.zeroize();
    }
}

impl ZeroizeOnDrop for SharedSecret {}

impl fmt::Debug for SharedSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("x25519::SharedSecret(…)")
    }
}

/// A single-use secret for one key agreement: it cannot be serialised, and
/// [`EphemeralSecret::diffie_hellman`] consumes it.
pub struct EphemeralSecret {
    secret: SecretKey,
}

impl EphemeralSecret {
    /// A fresh random secret.
    pub fn random<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        Self {
            secret: SecretKey::random(rng),
        }
    }

    /// A fresh random secret from the operating system (see [`SecretKey::generate`]).
    #[cfg(feature = "getrandom")]
    pub fn generate() -> Self {
        Self {
            secret: SecretKey::generate(),
        }
    }

    /// The public key to send to the peer.
    pub fn public_key(&self) -> PublicKey {
        self.secret.public_key()
    }

    /// The shared secret with the peer's key; consumes (and so zeroizes) this secret.
    ///
    /// Errors: as [`diffie_hellman`].
    pub fn diffie_hellman(self, peer: &PublicKey) -> Result<SharedSecret, Error> {
        diffie_hellman(&self.secret, peer)
    }
}

impl fmt::Debug for EphemeralSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("x25519::EphemeralSecret(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_key_matches_the_ladder() {
        let mut nine = [0u8; 32];
        nine[0] = 9;
        let mut k = [0u8; 32];
        for i in 0..50u8 {
            k[i as usize % 32] ^= i.wrapping_mul(37).wrapping_add(11);
            let sk = SecretKey::from_bytes(&k).unwrap();
            assert_eq!(sk.public_key().to_bytes(), x25519(&k, &nine));
        }
    }
}
