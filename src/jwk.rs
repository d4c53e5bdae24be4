//! Layer 5 (protocols): **JSON Web Keys** (feature `jwk`) for elliptic-curve keys, RFC 7517 with
//! the `"EC"` key type of RFC 7518 §6.2.
//!
//! Uses the byte encodings of [`keys`](crate::keys): SEC1 points and big-endian scalars.
//!
//! A public key is `{"kty":"EC","crv":…,"x":…,"y":…}`; a private key adds `"d"`. `x`, `y` and `d`
//! are big-endian integers in base64url without padding (RFC 7515 §2), each exactly the field's
//! byte length (RFC 7518 §6.2.1.2, §6.2.1.3, §6.2.2.1: no leading zeros dropped). `crv` is the
//! curve's name in the IANA "JSON Web Key Elliptic Curve" registry: `P-256`, `P-384`, `P-521`
//! (RFC 7518 §6.2.1.1) and `secp256k1` (RFC 8812 §3.1). P-224 has no registered name, and so no
//! JWK methods: only curves that implement [`JwkCurve`] have them.
//!
//! Decoding checks what the encoding promises: `kty` is `"EC"`, `crv` names this curve,
//! coordinates and `d` have exactly the field length and are valid base64url, the point is on the
//! curve ([`PublicKey::from_sec1_bytes`]), `0 < d < n`, and, in a private key that carries `x`
//! and `y`, that they are the public key of `d`. Other members (`kid`, `use`, `alg`, …) are
//! ignored.
//!
//! ```
//! # #[cfg(feature = "jwk")] {
//! use ecckit::p256::{PublicKey, SecretKey};
//!
//! let secret = SecretKey::random(&mut rand::rng());
//! let jwk = secret.public_key().to_jwk_string();
//! assert_eq!(PublicKey::from_jwk_str(&jwk), Ok(secret.public_key()));
//! let private_jwk = secret.to_jwk_string(); // a `Zeroizing<String>`
//! assert!(SecretKey::from_jwk_str(&private_jwk).is_ok());
//! # }
//! ```
//!
//! X25519 and Ed25519 keys are octet key pairs (RFC 8037 §2): `{"kty":"OKP","crv":"X25519"` or
//! `"Ed25519","x":…}` with the 32-byte public key, and `"d"` (the 32 secret bytes; Ed25519's seed)
//! in a private key, whose `x` must then be `d`'s public key. The methods are on
//! [`x25519::PublicKey`](crate::x25519::PublicKey), [`x25519::SecretKey`](crate::x25519::SecretKey),
//! [`ed25519::VerifyingKey`](crate::ed25519::VerifyingKey) and
//! [`ed25519::SigningKey`](crate::ed25519::SigningKey).
//!
//! P-224 keys have no JWK methods (there is no `crv` to write):
//!
//! ```compile_fail
//! let key = ecckit::p224::SecretKey::random(&mut rand::rng());
//! let _ = key.public_key().to_jwk_string();
//! ```

use crate::Error;
use crate::curves::Curve;
use crate::field::MAX_FIELD_BYTES;
use crate::keys::{PublicKey, SecretKey, bytes_len};
use crate::point::sec1::MAX_SEC1_LEN;
use alloc::string::String;
use base64ct::{Base64UrlUnpadded, Encoding};
use core::fmt;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use zeroize::{Zeroize, Zeroizing};

/// A curve with a name registered for JWK's `crv` member; implemented by
/// [`NistP256`](crate::p256::NistP256), [`NistP384`](crate::p384::NistP384),
/// [`NistP521`](crate::p521::NistP521) and [`Secp256k1`](crate::secp256k1::Secp256k1).
pub trait JwkCurve: Curve {
    /// The `crv` value, as registered in the IANA "JSON Web Key Elliptic Curve" registry.
    const CRV: &'static str;
}

/// The length of the base64url encoding (no padding) of the longest field element.
const MAX_B64_LEN: usize = (4 * MAX_FIELD_BYTES).div_ceil(3);

impl<C: JwkCurve> PublicKey<C> {
    /// The public JWK `{"kty":"EC","crv":…,"x":…,"y":…}`.
    pub fn to_jwk_string(&self) -> String {
        let (x, y) = encode_coordinates(self);
        let mut out = String::new();
        write_jwk::<C>(&mut out, x.as_str(), y.as_str(), None);
        out
    }

    /// Decodes a JWK (public or private; a private key's `d` is ignored).
    ///
    /// Errors: [`Error::InvalidEncoding`] for malformed JSON, a missing or non-string member, a
    /// `kty` other than `"EC"`, another curve's `crv`, or bad base64url; [`Error::InvalidLength`]
    /// for a coordinate of the wrong length; [`Error::NotOnCurve`].
    pub fn from_jwk_str(jwk: &str) -> Result<Self, Error> {
        let members = Members::parse::<C>(jwk)?;
        match (&members.x, &members.y) {
            (Some(x), Some(y)) => decode_public_key(x, y),
            _ => Err(Error::InvalidEncoding),
        }
    }
}

impl<C: JwkCurve> SecretKey<C> {
    /// The private JWK `{"kty":"EC","crv":…,"x":…,"y":…,"d":…}`, wiped when dropped.
    pub fn to_jwk_string(&self) -> Zeroizing<String> {
        let (x, y) = encode_coordinates(&self.public_key());
        let d_bytes = self.to_bytes();
        let mut d_buf = Zeroizing::new([0u8; MAX_B64_LEN]);
        let d = Base64UrlUnpadded::encode(d_bytes.as_ref(), d_buf.as_mut())
            .expect("the buffer holds the encoding of any field element");
        let mut out = Zeroizing::new(String::new());
        write_jwk::<C>(&mut out, x.as_str(), y.as_str(), Some(d));
        out
    }

    /// Decodes a private JWK. When it has `x` and `y` (RFC 7518 §6.2.2 requires them; they may
    /// be left out here), they must be the public key of `d`.
    ///
    /// Errors: those of [`PublicKey::from_jwk_str`], [`Error::InvalidEncoding`] for a missing
    /// `d` or only one of `x` and `y`, [`Error::OutOfRange`] unless `0 < d < n`, and
    /// [`Error::KeyMismatch`] when `x`, `y` are not `d·G`.
    pub fn from_jwk_str(jwk: &str) -> Result<Self, Error> {
        let members = Members::parse::<C>(jwk)?;
        let d = members.d.as_ref().ok_or(Error::InvalidEncoding)?;
        let mut d_bytes = Zeroizing::new([0u8; MAX_FIELD_BYTES]);
        let d_bytes = &mut d_bytes[..bytes_len::<C>()];
        decode_b64(d, d_bytes)?;
        let secret = Self::from_bytes(d_bytes)?;
        match (&members.x, &members.y) {
            (None, None) => Ok(secret),
            (Some(x), Some(y)) => {
                if decode_public_key::<C>(x, y)? == secret.public_key() {
                    Ok(secret)
                } else {
                    Err(Error::KeyMismatch)
                }
            }
            _ => Err(Error::InvalidEncoding),
        }
    }
}

/// A base64url string of at most [`MAX_B64_LEN`] characters, on the stack.
struct B64 {
    buf: [u8; MAX_B64_LEN],
    len: usize,
}

impl B64 {
    fn encode(bytes: &[u8]) -> Self {
        let mut buf = [0u8; MAX_B64_LEN];
        let len = Base64UrlUnpadded::encode(bytes, &mut buf)
            .expect("the buffer holds the encoding of any field element")
            .len();
        Self { buf, len }
    }

    fn as_str(&self) -> &str {
        // base64url output is ASCII.
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

/// The base64url `x` and `y` of a public key, each the full field length.
fn encode_coordinates<C: Curve>(public: &PublicKey<C>) -> (B64, B64) {
    let sec1 = public.to_sec1_bytes(false);
    let l = bytes_len::<C>();
    (B64::encode(&sec1[1..1 + l]), B64::encode(&sec1[1 + l..]))
}

/// Writes the JWK's JSON text into `out`. The values are base64url, which JSON strings hold
/// unescaped; `crv` is escaped by `serde_json` in case a curve's name ever needs it.
///
/// `out` is reserved once at the exact final length, so that it never reallocates: a
/// reallocation would leave a copy of `d` in freed memory.
fn write_jwk<C: JwkCurve>(out: &mut String, x: &str, y: &str, d: Option<&str>) {
    let crv = serde_json::to_string(C::CRV).unwrap_or_default();
    let d_parts = d.map_or([""; 3], |d| [r#","d":""#, d, "\""]);
    let parts = [
        r#"{"kty":"EC","crv":"#,
        crv.as_str(),
        r#","x":""#,
        x,
        r#"","y":""#,
        y,
        "\"",
    ]
    .into_iter()
    .chain(d_parts)
    .chain(["}"]);
    out.reserve_exact(parts.clone().map(str::len).sum());
    let capacity = out.capacity();
    for part in parts {
        out.push_str(part);
    }
    debug_assert_eq!(out.capacity(), capacity, "the JWK text was reallocated");
}

/// Decodes base64url (no padding) into `out`, which must be filled exactly.
///
/// Decoding goes through a scratch buffer a little longer than any field element, so that a
/// string just too long (e.g. with padding) is reported for what is wrong with it; the scratch
/// is wiped, since it may hold a private key.
fn decode_b64(b64: &str, out: &mut [u8]) -> Result<(), Error> {
    let mut scratch = Zeroizing::new([0u8; MAX_FIELD_BYTES + 3]);
    let bytes = Base64UrlUnpadded::decode(b64, scratch.as_mut()).map_err(|err| match err {
        base64ct::Error::InvalidLength => Error::InvalidLength,
        base64ct::Error::InvalidEncoding => Error::InvalidEncoding,
    })?;
    if bytes.len() != out.len() {
        return Err(Error::InvalidLength);
    }
    out.copy_from_slice(bytes);
    Ok(())
}

/// The public key with base64url coordinates `x` and `y`, through the SEC1 decoder's checks.
fn decode_public_key<C: Curve>(x: &str, y: &str) -> Result<PublicKey<C>, Error> {
    let l = bytes_len::<C>();
    let mut sec1 = [0u8; MAX_SEC1_LEN];
    sec1[0] = 0x04;
    decode_b64(x, &mut sec1[1..1 + l])?;
    decode_b64(y, &mut sec1[1 + l..1 + 2 * l])?;
    PublicKey::from_sec1_bytes(&sec1[..1 + 2 * l])
}

/// The members of a JWK that this module reads; `d` is wiped when dropped.
#[derive(Default)]
struct Members {
    kty: Option<String>,
    crv: Option<String>,
    x: Option<String>,
    y: Option<String>,
    d: Option<Zeroizing<String>>,
}

impl Members {
    /// Parses the JSON object and checks `kty` and `crv` for the curve `C`.
    fn parse<C: JwkCurve>(jwk: &str) -> Result<Self, Error> {
        Self::parse_as(jwk, "EC", C::CRV)
    }

    /// Parses the JSON object and checks that `kty` and `crv` are these.
    fn parse_as(jwk: &str, kty: &str, crv: &str) -> Result<Self, Error> {
        let members: Self = serde_json::from_str(jwk).map_err(|_| Error::InvalidEncoding)?;
        if members.kty.as_deref() != Some(kty) || members.crv.as_deref() != Some(crv) {
            return Err(Error::InvalidEncoding);
        }
        Ok(members)
    }
}

/// A member name: one of those read here, or another one (ignored).
enum Name {
    Kty,
    Crv,
    X,
    Y,
    D,
    Other,
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl Visitor<'_> for NameVisitor {
            type Value = Name;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JWK member name")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<Name, E> {
                Ok(match name {
                    "kty" => Name::Kty,
                    "crv" => Name::Crv,
                    "x" => Name::X,
                    "y" => Name::Y,
                    "d" => Name::D,
                    _ => Name::Other,
                })
            }
        }
        deserializer.deserialize_identifier(NameVisitor)
    }
}

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MembersVisitor;
        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JWK object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut m = Members::default();
                while let Some(name) = map.next_key::<Name>()? {
                    // RFC 7517 §4: member names must be unique; a duplicate is an error rather
                    // than a silent choice between two values.
                    let slot = match name {
                        Name::Kty => &mut m.kty,
                        Name::Crv => &mut m.crv,
                        Name::X => &mut m.x,
                        Name::Y => &mut m.y,
                        Name::D => {
                            if m.d.is_some() {
                                return Err(de::Error::custom("duplicate JWK member"));
                            }
                            // The `String` moves into `Zeroizing` without a copy.
                            m.d = Some(Zeroizing::new(map.next_value::<String>()?));
                            continue;
                        }
                        Name::Other => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    if slot.is_some() {
                        return Err(de::Error::custom("duplicate JWK member"));
                    }
                    *slot = Some(map.next_value::<String>()?);
                }
                Ok(m)
            }
        }
        deserializer.deserialize_map(MembersVisitor)
    }
}

// ---- Octet key pairs: X25519 and Ed25519 (RFC 8037) ----

/// Writes the OKP JWK `{"kty":"OKP","crv":…,"x":…[,"d":…]}` (RFC 8037 §2), reserved once at
/// its exact length as [`write_jwk`] does.
fn write_okp(out: &mut String, crv: &str, x: &str, d: Option<&str>) {
    let d_parts = d.map_or([""; 3], |d| [r#","d":""#, d, "\""]);
    let parts = [r#"{"kty":"OKP","crv":""#, crv, r#"","x":""#, x, "\""]
        .into_iter()
        .chain(d_parts)
        .chain(["}"]);
    out.reserve_exact(parts.clone().map(str::len).sum());
    let capacity = out.capacity();
    for part in parts {
        out.push_str(part);
    }
    debug_assert_eq!(out.capacity(), capacity, "the JWK text was reallocated");
}

/// The public and the private OKP JWK of a 32-byte public key and, for the private one, the 32
/// secret bytes.
fn okp_jwk(crv: &str, public: &[u8; 32], secret: Option<&[u8; 32]>) -> Zeroizing<String> {
    let x = B64::encode(public);
    let d = secret.map(|s| Zeroizing::new(B64::encode(s)));
    let mut out = Zeroizing::new(String::new());
    write_okp(&mut out, crv, x.as_str(), d.as_ref().map(|d| d.as_str()));
    out
}

/// An OKP JWK's `x` and, if present, `d`.
type OkpMembers = ([u8; 32], Option<Zeroizing<[u8; 32]>>);

/// Reads an OKP JWK of curve `crv`: `x` (32 bytes) and, if present, `d` (32 bytes).
fn parse_okp(jwk: &str, crv: &str) -> Result<OkpMembers, Error> {
    let members = Members::parse_as(jwk, "OKP", crv)?;
    let mut x = [0u8; 32];
    decode_b64(members.x.as_deref().ok_or(Error::InvalidEncoding)?, &mut x)?;
    let d = match &members.d {
        Some(d) => {
            let mut bytes = Zeroizing::new([0u8; 32]);
            decode_b64(d, bytes.as_mut())?;
            Some(bytes)
        }
        None => None,
    };
    Ok((x, d))
}

impl Zeroize for B64 {
    fn zeroize(&mut self) {
        self.buf.zeroize();
    }
}

impl crate::ed25519::VerifyingKey {
    /// The public JWK `{"kty":"OKP","crv":"Ed25519","x":…}` (RFC 8037 §2).
    pub fn to_jwk_string(&self) -> String {
        let jwk = okp_jwk("Ed25519", &self.to_bytes(), None);
        String::from(jwk.as_str())
    }

    /// Reads a public Ed25519 JWK (`kty` `OKP`, `crv` `Ed25519`; `x` decoded as by
    /// [`from_bytes`](Self::from_bytes)). A `d` member, if present, is ignored.
    pub fn from_jwk_str(jwk: &str) -> Result<Self, Error> {
        let (x, _) = parse_okp(jwk, "Ed25519")?;
        Self::from_bytes(&x)
    }
}

impl crate::ed25519::SigningKey {
    /// The private JWK `{"kty":"OKP","crv":"Ed25519","x":…,"d":…}` (`d` is the seed), wiped when
    /// dropped.
    pub fn to_jwk_string(&self) -> Zeroizing<String> {
        okp_jwk(
            "Ed25519",
            &self.verifying_key().to_bytes(),
            Some(&self.to_bytes()),
        )
    }

    /// Reads a private Ed25519 JWK: `d` is the seed, and `x` must be its public key
    /// ([`Error::KeyMismatch`] otherwise).
    pub fn from_jwk_str(jwk: &str) -> Result<Self, Error> {
        let (x, d) = parse_okp(jwk, "Ed25519")?;
        let key = Self::from_bytes(d.ok_or(Error::InvalidEncoding)?.as_ref())?;
        if key.verifying_key().to_bytes() != x {
            return Err(Error::KeyMismatch);
        }
        Ok(key)
    }
}

impl crate::x25519::PublicKey {
    /// The public JWK `{"kty":"OKP","crv":"X25519","x":…}` (RFC 8037 §2).
    pub fn to_jwk_string(&self) -> String {
        let jwk = okp_jwk("X25519", &self.to_bytes(), None);
        String::from(jwk.as_str())
    }

    /// Reads a public X25519 JWK (`kty` `OKP`, `crv` `X25519`, a 32-byte `x`).
    pub fn from_jwk_str(jwk: &str) -> Result<Self, Error> {
        let (x, _) = parse_okp(jwk, "X25519")?;
        Ok(Self::from(x))
    }
}

impl crate::x25519::SecretKey {
    /// The private JWK `{"kty":"OKP","crv":"X25519","x":…,"d":…}`, wiped when dropped.
    pub fn to_jwk_string(&self) -> Zeroizing<String> {
        okp_jwk(
            "X25519",
            &self.public_key().to_bytes(),
            Some(&self.to_bytes()),
        )
    }

    /// Reads a private X25519 JWK: `x` must be the public key of `d` ([`Error::KeyMismatch`]
    /// otherwise).
    pub fn from_jwk_str(jwk: &str) -> Result<Self, Error> {
        let (x, d) = parse_okp(jwk, "X25519")?;
        let key = Self::from_bytes(d.ok_or(Error::InvalidEncoding)?.as_ref())?;
        if key.public_key().to_bytes() != x {
            return Err(Error::KeyMismatch);
        }
        Ok(key)
    }
}
