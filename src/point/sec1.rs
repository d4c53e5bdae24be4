//! SEC1 point encodings (SEC 1 v2.0, §2.3.3 and §2.3.4).
//!
//! Layer: **points**. Uses the [`Field`] trait and [`AffinePoint`].
//!
//! With `L` the byte length of the base field:
//! * uncompressed: `0x04 ‖ x ‖ y`, `1 + 2L` bytes;
//! * compressed: `0x02 ‖ x` when `y` is even, `0x03 ‖ x` when odd, `1 + L` bytes — the decoder
//!   recovers `y = ±√(x³ + ax + b)` and picks the root with the right parity;
//! * the identity: the single byte `0x00`.
//!
//! Decoding is strict: exact length, a known leading byte, coordinates `< p`, the point on the
//! curve. It rejects the identity, which is never a valid public key. (Decoding handles public
//! data; it is constant time anyway except for the early returns on malformed input.)

use super::AffinePoint;
use crate::Error;
use crate::buf::FixedBuf;
use crate::curves::Curve;
use crate::field::{ByteArray, Field, MAX_FIELD_BYTES};
use subtle::Choice;

/// The longest SEC1 encoding the crate produces: an uncompressed P-521 point,
/// `1 + 2·MAX_FIELD_BYTES` bytes.
pub const MAX_SEC1_LEN: usize = 1 + 2 * MAX_FIELD_BYTES;

/// A SEC1-encoded point (use it as `&[u8]`).
pub type EncodedPoint = FixedBuf<MAX_SEC1_LEN>;

impl<C: Curve> AffinePoint<C> {
    /// The SEC1 encoding, compressed or not; the identity encodes as `[0x00]`.
    pub fn to_sec1_bytes(&self, compress: bool) -> EncodedPoint {
        if bool::from(self.is_identity()) {
            return EncodedPoint::from_slice(&[0]);
        }
        let x = self.x.to_bytes();
        let l = x.as_ref().len();
        let mut out = EncodedPoint::zeroed(if compress { 1 + l } else { 1 + 2 * l });
        let buf = out.as_mut_slice();
        buf[1..1 + l].copy_from_slice(x.as_ref());
        if compress {
            buf[0] = 0x02 | self.y.is_odd().unwrap_u8();
        } else {
            buf[0] = 0x04;
            buf[1 + l..].copy_from_slice(self.y.to_bytes().as_ref());
        }
        out
    }

    /// Decodes a compressed or uncompressed SEC1 point and checks that it is on the curve.
    ///
    /// Errors: [`Error::InvalidLength`] for a length that fits neither form,
    /// [`Error::InvalidEncoding`] for a bad leading byte or a coordinate `≥ p`,
    /// [`Error::NotOnCurve`], and [`Error::IdentityPoint`] for `[0x00]`.
    pub fn from_sec1_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let l = <C::Base as Field>::Bytes::zeroed().as_ref().len();
        let (&tag, rest) = bytes.split_first().ok_or(Error::InvalidLength)?;
        match (tag, rest.len()) {
            (0x00, 0) => Err(Error::IdentityPoint),
            (0x02 | 0x03, n) if n == l => {
                let x = decode_coordinate::<C>(rest)?;
                Option::from(Self::decompress(&x, Choice::from(tag & 1))).ok_or(Error::NotOnCurve)
            }
            (0x04, n) if n == 2 * l => {
                let x = decode_coordinate::<C>(&rest[..l])?;
                let y = decode_coordinate::<C>(&rest[l..])?;
                Option::from(Self::from_coordinates(x, y)).ok_or(Error::NotOnCurve)
            }
            (0x00 | 0x02 | 0x03 | 0x04, _) => Err(Error::InvalidLength),
            _ => Err(Error::InvalidEncoding),
        }
    }
}

/// A canonical base-field coordinate (`< p`) from exactly `L` bytes.
fn decode_coordinate<C: Curve>(bytes: &[u8]) -> Result<C::Base, Error> {
    let mut buf = <C::Base as Field>::Bytes::zeroed();
    buf.as_mut().copy_from_slice(bytes);
    Option::from(C::Base::from_bytes(&buf)).ok_or(Error::InvalidEncoding)
}
