//! Layer 5 (protocols): **ECDH** key agreement (SEC 1 v2.0 §3.3.1, NIST SP 800-56A §5.7.1.2).
//!
//! Uses constant-time variable-base scalar multiplication from the [`point`](crate::point) layer.
//!
//! Alice has `(a, A = a·G)`, Bob `(b, B = b·G)`. Each multiplies the other's public point by their
//! own secret: `a·B = b·A = ab·G`. The shared secret is the `x` coordinate of that point — raw key
//! material, to be fed through a KDF (e.g. HKDF) before use as a key.
//!
//! Public keys are validated when decoded (on the curve, not the identity), and every supported
//! curve has prime order, so `a·B` is never the identity and no small-subgroup attack applies.

use crate::curves::Curve;
use crate::field::Field;
use crate::keys::{PublicKey, SecretKey};
use core::fmt;
use rand_core::CryptoRng;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// `x(d·Q)`: the raw shared secret of `secret` and `public`, computed in constant time in the
/// secret (and in the shared point). Only the public key `Q` may influence the timing: its table
/// of multiples is normalised with the variable-time inversion
/// ([`AffinePoint::mul_public_point_vartime`](crate::point::AffinePoint::mul_public_point_vartime)).
///
/// ```
/// use ecckit::p384::{SecretKey, ecdh::diffie_hellman};
///
/// let mut rng = rand::rng();
/// let (alice, bob) = (SecretKey::random(&mut rng), SecretKey::random(&mut rng));
/// let k1 = diffie_hellman(&alice, &bob.public_key());
/// let k2 = diffie_hellman(&bob, &alice.public_key());
/// assert_eq!(k1.raw_secret_bytes(), k2.raw_secret_bytes());
/// ```
pub fn diffie_hellman<C: Curve>(secret: &SecretKey<C>, public: &PublicKey<C>) -> SharedSecret<C> {
    let mut product = public
        .as_affine()
        .mul_public_point_vartime(secret.as_scalar());
    let mut shared = product.to_affine();
    let x = shared.x().to_bytes();
    // The shared point is as secret as its x: wipe both forms.
    product.zeroize();
    shared.zeroize();
    SharedSecret { x }
}

/// The raw shared secret: the big-endian `x` coordinate of the shared point. Zeroized on drop;
/// `Debug` does not print it.
pub struct SharedSecret<C: Curve> {
    x: <C::Base as Field>::Bytes,
}

impl<C: Curve> SharedSecret<C> {
    /// The `x` coordinate, exactly the field's byte length. Derive keys from it with a KDF.
    pub fn raw_secret_bytes(&self) -> &[u8] {
        self.x.as_ref()
    }

    /// HKDF-Extract (RFC 5869 §2.2) with the hash `D`: the pseudorandom key
    /// `PRK = HMAC-D(salt, x)` with the raw secret as input keying material, ready for
    /// HKDF-Expand ([`Hkdf::expand`](hkdf::Hkdf::expand)) into as many keys as the protocol needs.
    /// `None` for the salt means `D`'s output length of zero bytes (§2.2).
    ///
    /// ```
    /// use ecckit::p256::{SecretKey, ecdh};
    /// use sha2::Sha256;
    ///
    /// let mut rng = rand::rng();
    /// let (alice, bob) = (SecretKey::random(&mut rng), SecretKey::random(&mut rng));
    /// let shared = ecdh::diffie_hellman(&alice, &bob.public_key());
    /// let mut key = [0u8; 32];
    /// shared.extract::<Sha256>(Some(b"salt")).expand(b"my protocol v1", &mut key)?;
    /// # Ok::<(), ecckit::hkdf::InvalidLength>(())
    /// ```
    #[cfg(feature = "hkdf")]
    pub fn extract<D: hkdf::hmac::EagerHash>(&self, salt: Option<&[u8]>) -> hkdf::Hkdf<D> {
        hkdf::Hkdf::new(salt, self.raw_secret_bytes())
    }
}

impl<C: Curve> Drop for SharedSecret<C> {
    fn drop(&mut self) {
        self.x.as_mut().zeroize();
    }
}

impl<C: Curve> ZeroizeOnDrop for SharedSecret<C> {}

impl<C: Curve> fmt::Debug for SharedSecret<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SharedSecret<{}>(…)", C::NAME)
    }
}

/// A single-use secret for one key agreement: it cannot be serialised, and
/// [`EphemeralSecret::diffie_hellman`] consumes it.
pub struct EphemeralSecret<C: Curve> {
    secret: SecretKey<C>,
}

impl<C: Curve> EphemeralSecret<C> {
    /// A fresh random secret.
    pub fn random<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        Self {
            secret: SecretKey::random(rng),
        }
    }

    /// A fresh random secret from the operating system (see [`SecretKey::generate`], which
    /// panics if the operating system's generator fails).
    #[cfg(feature = "getrandom")]
    pub fn generate() -> Self {
        Self {
            secret: SecretKey::generate(),
        }
    }

    /// The public key to send to the peer.
    pub fn public_key(&self) -> PublicKey<C> {
        self.secret.public_key()
    }

    /// The shared secret with the peer's public key; consumes (and so zeroizes) this secret.
    pub fn diffie_hellman(self, peer: &PublicKey<C>) -> SharedSecret<C> {
        diffie_hellman(&self.secret, peer)
    }
}

impl<C: Curve> fmt::Debug for EphemeralSecret<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EphemeralSecret<{}>(…)", C::NAME)
    }
}
