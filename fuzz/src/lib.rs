//! Code shared by ecckit's fuzz targets and by the `seed_corpus` tool.
//!
//! Every target runs over all five curves: the first input byte chooses the curve
//! ([`dispatch`]), and the rest is the target's input, laid out as described in [`input`].
//! The [`peer`] module wraps the RustCrypto curve crates for the differential target.
//! The Curve25519 targets (one curve, no tag byte) share [`curve25519`].

pub mod curve25519;
pub mod input;
pub mod peer;

use ecckit::curves::{NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::{Signature, VerifyingKey};
use ecckit::field::{ByteArray, Field};
pub use peer::Verdict;

/// An ecckit curve with its tag byte and its RustCrypto counterpart (and its OID, for the key
/// containers).
pub trait Peer: EcdsaCurve + ecckit::der::oid::AssociatedOid {
    /// The first input byte that selects this curve (modulo [`CURVE_COUNT`]).
    const TAG: u8;
    /// The RustCrypto curve type (`p256::NistP256`, …).
    type Rc: peer::RcCurve;

    /// Decodes `text` as a public and as a private JWK and checks what decodes (a curve without
    /// a registered JWK name, P-224, has no JWK methods: nothing to check).
    fn check_jwk(_text: &str) {}

    /// JWK seeds for `key`: its private and public JWK (none for P-224).
    fn jwk_seeds(_key: &ecckit::keys::SecretKey<Self>) -> Vec<String> {
        Vec::new()
    }
}

/// [`Peer::jwk_seeds`] for a curve with a JWK name.
fn jwk_seeds_of<C: ecckit::jwk::JwkCurve>(key: &ecckit::keys::SecretKey<C>) -> Vec<String> {
    vec![
        key.to_jwk_string().to_string(),
        key.public_key().to_jwk_string(),
    ]
}

/// The JWK checks of [`Peer::check_jwk`]: a decoded key re-encodes to a JWK that decodes to the
/// same key.
fn jwk_round_trip<C: ecckit::jwk::JwkCurve>(text: &str) {
    use ecckit::keys::{PublicKey, SecretKey};
    if let Ok(key) = PublicKey::<C>::from_jwk_str(text) {
        let again = PublicKey::<C>::from_jwk_str(&key.to_jwk_string()).expect("JWK round trip");
        assert_eq!(again, key, "{}: public JWK", C::NAME);
    }
    if let Ok(key) = SecretKey::<C>::from_jwk_str(text) {
        let again = SecretKey::<C>::from_jwk_str(&key.to_jwk_string()).expect("JWK round trip");
        assert_eq!(again.to_bytes(), key.to_bytes(), "{}: private JWK", C::NAME);
    }
}

impl Peer for NistP224 {
    const TAG: u8 = 0;
    type Rc = p224::NistP224;
}

impl Peer for NistP256 {
    const TAG: u8 = 1;
    type Rc = p256::NistP256;

    fn check_jwk(text: &str) {
        jwk_round_trip::<Self>(text);
    }

    fn jwk_seeds(key: &ecckit::keys::SecretKey<Self>) -> Vec<String> {
        jwk_seeds_of(key)
    }
}

impl Peer for NistP384 {
    const TAG: u8 = 2;
    type Rc = p384::NistP384;

    fn check_jwk(text: &str) {
        jwk_round_trip::<Self>(text);
    }

    fn jwk_seeds(key: &ecckit::keys::SecretKey<Self>) -> Vec<String> {
        jwk_seeds_of(key)
    }
}

impl Peer for NistP521 {
    const TAG: u8 = 3;
    type Rc = p521::NistP521;

    fn check_jwk(text: &str) {
        jwk_round_trip::<Self>(text);
    }

    fn jwk_seeds(key: &ecckit::keys::SecretKey<Self>) -> Vec<String> {
        jwk_seeds_of(key)
    }
}

impl Peer for Secp256k1 {
    const TAG: u8 = 4;
    type Rc = k256::Secp256k1;

    fn check_jwk(text: &str) {
        jwk_round_trip::<Self>(text);
    }

    fn jwk_seeds(key: &ecckit::keys::SecretKey<Self>) -> Vec<String> {
        jwk_seeds_of(key)
    }
}

/// How many curves the tag byte chooses from.
pub const CURVE_COUNT: u8 = 5;

/// A fuzz target's body, written once for every curve.
pub trait Harness {
    /// Checks one input (the bytes after the curve tag).
    fn run<C: Peer>(data: &[u8]);
}

/// Runs `H` on the curve chosen by `data[0] % CURVE_COUNT`, with the rest of `data`.
pub fn dispatch<H: Harness>(data: &[u8]) {
    let Some((&tag, rest)) = data.split_first() else {
        return;
    };
    match tag % CURVE_COUNT {
        0 => H::run::<NistP224>(rest),
        1 => H::run::<NistP256>(rest),
        2 => H::run::<NistP384>(rest),
        3 => H::run::<NistP521>(rest),
        _ => H::run::<Secp256k1>(rest),
    }
}

/// `L`: the byte length of the curve's field elements and scalars.
pub fn field_len<C: EcdsaCurve>() -> usize {
    <C::Scalar as Field>::Bytes::zeroed().as_ref().len()
}

/// `n − 1` big-endian in `L` bytes: the largest valid private key or signature component.
pub fn order_minus_one<C: EcdsaCurve>() -> Vec<u8> {
    (-C::Scalar::ONE).to_bytes().as_ref().to_vec()
}

/// Whether the `L`-byte big-endian `bytes` encode an integer in `[1, n − 1]`, decided by byte
/// comparison alone (an oracle independent of ecckit's scalar decoding).
pub fn in_scalar_range<C: EcdsaCurve>(bytes: &[u8]) -> bool {
    bytes.len() == field_len::<C>()
        && bytes.iter().any(|&b| b != 0)
        && bytes <= order_minus_one::<C>().as_slice()
}

/// ecckit's [`Verdict`] for a SEC1 key, a fixed-size signature and a message: standard
/// verification, or with `low_s` the low-S rule.
pub fn ecckit_verify<C: EcdsaCurve>(pk: &[u8], msg: &[u8], sig: &[u8], low_s: bool) -> Verdict {
    ecckit_decode_and::<C>(pk, sig, |key, sig| {
        if low_s {
            key.verify_low_s(msg, sig).is_ok()
        } else {
            key.verify(msg, sig).is_ok()
        }
    })
}

/// [`ecckit_verify`] on a precomputed digest.
pub fn ecckit_verify_prehash<C: EcdsaCurve>(
    pk: &[u8],
    prehash: &[u8],
    sig: &[u8],
    low_s: bool,
) -> Verdict {
    ecckit_decode_and::<C>(pk, sig, |key, sig| {
        if low_s {
            key.verify_prehash_low_s(prehash, sig).is_ok()
        } else {
            key.verify_prehash(prehash, sig).is_ok()
        }
    })
}

fn ecckit_decode_and<C: EcdsaCurve>(
    pk: &[u8],
    sig: &[u8],
    check: impl FnOnce(&VerifyingKey<C>, &Signature<C>) -> bool,
) -> Verdict {
    let Ok(key) = VerifyingKey::<C>::from_sec1_bytes(pk) else {
        return Verdict::BadKey;
    };
    let Ok(sig) = Signature::<C>::from_bytes(sig) else {
        return Verdict::BadSignature;
    };
    if check(&key, &sig) {
        Verdict::Accepted
    } else {
        Verdict::Rejected
    }
}

/// Lowercase hex, for assertion messages.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
