//! `serde` (feature `serde`): public keys, verifying keys and signatures through JSON (hex
//! strings) and CBOR (`ciborium`, byte strings), for every curve; malformed input is refused.

#![cfg(feature = "serde")]

use ecckit::curves::{Curve, NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdsa::{EcdsaCurve, Signature, SigningKey, VerifyingKey};
use ecckit::field::Field;
use ecckit::keys::PublicKey;
use rand::SeedableRng;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn to_cbor<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::into_writer(value, &mut out).expect("CBOR encoding into a Vec");
    out
}

fn from_cbor<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    ciborium::from_reader(bytes).map_err(|e| e.to_string())
}

/// `value` through JSON and CBOR: JSON holds `expected` as lower-case hex, CBOR as a byte string.
fn round_trip<T>(value: &T, expected: &[u8])
where
    T: Serialize + DeserializeOwned + PartialEq + core::fmt::Debug,
{
    let json = serde_json::to_string(value).unwrap();
    assert_eq!(json, format!("\"{}\"", hex(expected)));
    assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), value);
    // Upper-case hex is accepted too.
    let upper = json.to_uppercase();
    assert_eq!(&serde_json::from_str::<T>(&upper).unwrap(), value);

    let cbor = to_cbor(value);
    assert_eq!(
        from_cbor::<ciborium::Value>(&cbor).unwrap(),
        ciborium::Value::Bytes(expected.to_vec())
    );
    assert_eq!(&from_cbor::<T>(&cbor).unwrap(), value);
    // A CBOR array of integers (how some encoders write bytes) is accepted as well.
    assert_eq!(
        &from_cbor::<T>(&to_cbor(&expected.to_vec())).unwrap(),
        value
    );
}

/// The JSON string `"hex(bytes)"` decodes to an error for `T`, and so does the CBOR byte string.
fn rejects<T: DeserializeOwned + core::fmt::Debug>(bytes: &[u8]) {
    let json = format!("\"{}\"", hex(bytes));
    assert!(serde_json::from_str::<T>(&json).is_err(), "{json}");
    let cbor = to_cbor(&ciborium::Value::Bytes(bytes.to_vec()));
    assert!(from_cbor::<T>(&cbor).is_err(), "{json}");
}

fn check<C: EcdsaCurve>(seed: u64) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    for i in 0..4 {
        let signing = SigningKey::<C>::random(&mut rng);
        let verifying = *signing.verifying_key();
        let public = *verifying.as_public_key();
        let compressed = public.to_sec1_bytes(true);
        let uncompressed = public.to_sec1_bytes(false);
        let sig = signing.sign(&[i; 3]);

        round_trip(&public, &compressed);
        round_trip(&verifying, &compressed);
        round_trip(&sig, &sig.to_bytes());

        // Uncompressed points are accepted on input.
        let json = format!("\"{}\"", hex(&uncompressed));
        assert_eq!(serde_json::from_str::<PublicKey<C>>(&json).unwrap(), public);
        assert_eq!(
            serde_json::from_str::<VerifyingKey<C>>(&json).unwrap(),
            verifying
        );
        let cbor = to_cbor(&ciborium::Value::Bytes(uncompressed.to_vec()));
        assert_eq!(from_cbor::<PublicKey<C>>(&cbor).unwrap(), public);

        // Off the curve: the last byte of y changed.
        let mut off = uncompressed.to_vec();
        *off.last_mut().unwrap() ^= 1;
        rejects::<PublicKey<C>>(&off);
        rejects::<VerifyingKey<C>>(&off);
        let err = serde_json::from_str::<PublicKey<C>>(&format!("\"{}\"", hex(&off)))
            .unwrap_err()
            .to_string();
        assert!(err.contains("not on the curve"), "{err}");

        // Wrong lengths.
        rejects::<PublicKey<C>>(&compressed[..compressed.len() - 1]);
        rejects::<PublicKey<C>>(&[compressed.as_ref(), &[0]].concat());
        rejects::<Signature<C>>(&sig.to_bytes()[1..]);
        rejects::<Signature<C>>(&[sig.to_bytes().as_ref(), &[0]].concat());
    }

    // The identity, an empty string, a bad leading byte.
    rejects::<PublicKey<C>>(&[0]);
    rejects::<PublicKey<C>>(&[]);
    let l = field_len::<C>();
    rejects::<PublicKey<C>>(&vec![0x05; 1 + l]);

    // r = 0, and r, s = 2^(8L) − 1 ≥ n.
    rejects::<Signature<C>>(&vec![0; 2 * l]);
    rejects::<Signature<C>>(&vec![0xff; 2 * l]);

    // Not hex, odd length, not a string, too long for any encoding.
    for bad in [
        "\"zz\"".to_string(),
        "\"0\"".to_string(),
        "\"02 \"".to_string(),
        "42".to_string(),
        "[2, 3]".to_string(),
        format!("\"{}\"", "02".repeat(200)),
    ] {
        assert!(serde_json::from_str::<PublicKey<C>>(&bad).is_err(), "{bad}");
        assert!(serde_json::from_str::<Signature<C>>(&bad).is_err(), "{bad}");
    }
    assert!(from_cbor::<PublicKey<C>>(&to_cbor(&vec![2u8; 200])).is_err());
    assert!(from_cbor::<PublicKey<C>>(&to_cbor("02")).is_err());
}

/// The byte length `L` of the curve's field encodings.
fn field_len<C: Curve>() -> usize {
    C::Base::ZERO.to_bytes().as_ref().len()
}

#[test]
fn p224() {
    check::<NistP224>(224);
}

#[test]
fn p256() {
    check::<NistP256>(256);
}

#[test]
fn p384() {
    check::<NistP384>(384);
}

#[test]
fn p521() {
    check::<NistP521>(521);
}

#[test]
fn secp256k1() {
    check::<Secp256k1>(1);
}

/// A key of one curve does not decode as a key of another.
#[test]
fn cross_curve() {
    let key = ecckit::p256::SecretKey::random(&mut rand::rngs::StdRng::seed_from_u64(7));
    let json = serde_json::to_string(&key.public_key()).unwrap();
    assert!(serde_json::from_str::<ecckit::p384::PublicKey>(&json).is_err());
    assert!(serde_json::from_str::<ecckit::p224::PublicKey>(&json).is_err());
    let sig = ecckit::p256::ecdsa::SigningKey::from(key).sign(b"m");
    let json = serde_json::to_string(&sig).unwrap();
    assert!(serde_json::from_str::<ecckit::p521::ecdsa::Signature>(&json).is_err());
}

/// The types work inside derived structures (the way they are used in practice).
#[test]
fn in_a_struct() {
    let signing = ecckit::secp256k1::ecdsa::SigningKey::random(&mut rand::rng());
    let pair = (*signing.verifying_key(), signing.sign(b"message"));
    let json = serde_json::to_string(&pair).unwrap();
    let back: (
        ecckit::secp256k1::ecdsa::VerifyingKey,
        ecckit::secp256k1::ecdsa::Signature,
    ) = serde_json::from_str(&json).unwrap();
    assert_eq!(back, pair);
    assert!(back.0.verify(b"message", &back.1).is_ok());
    let cbor = to_cbor(&pair);
    assert_eq!(from_cbor::<(_, _)>(&cbor), Ok(pair));
}
