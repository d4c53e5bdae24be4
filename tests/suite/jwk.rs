//! JSON Web Keys (feature `jwk`, RFC 7517/7518): the RFC 7517 Appendix A example key, round trips
//! on every curve with a registered name, and refusal of malformed or mismatched keys.

#![cfg(feature = "jwk")]

use ecckit::Error;
use ecckit::curves::{NistP256, NistP384, NistP521, Secp256k1};
use ecckit::jwk::JwkCurve;
use ecckit::keys::{PublicKey, SecretKey};
use rand::SeedableRng;
use serde_json::{Value, json};

/// RFC 7517 Appendix A.1 (public) and A.2 (private): the example P-256 key.
const RFC7517_X: &str = "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4";
const RFC7517_Y: &str = "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM";
const RFC7517_D: &str = "870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE";
/// The same `x`, `y` in hex.
const RFC7517_X_HEX: &str = "30a0424cd21c2944838a2d75c92b37e76ea20d9f00893a3b4eee8a3c0aafec3e";
const RFC7517_Y_HEX: &str = "e04b65e92456d9888b52b379bdfbd51ee869ef1f0fc65b6659695b6cce081723";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn rfc7517_public_key() {
    // Appendix A.1's first key, with its "use" and "kid" members (ignored).
    let jwk = json!({
        "kty": "EC", "crv": "P-256", "x": RFC7517_X, "y": RFC7517_Y, "use": "enc", "kid": "1"
    })
    .to_string();
    let key = ecckit::p256::PublicKey::from_jwk_str(&jwk).unwrap();
    assert_eq!(
        hex(&key.to_sec1_bytes(false)),
        format!("04{RFC7517_X_HEX}{RFC7517_Y_HEX}")
    );
    assert_eq!(
        key.to_jwk_string(),
        format!(r#"{{"kty":"EC","crv":"P-256","x":"{RFC7517_X}","y":"{RFC7517_Y}"}}"#)
    );
}

#[test]
fn rfc7517_private_key() {
    // Appendix A.2's first key.
    let jwk = json!({
        "kty": "EC", "crv": "P-256", "x": RFC7517_X, "y": RFC7517_Y, "d": RFC7517_D,
        "use": "enc", "kid": "1"
    })
    .to_string();
    let secret = ecckit::p256::SecretKey::from_jwk_str(&jwk).unwrap();
    assert_eq!(
        secret.public_key(),
        ecckit::p256::PublicKey::from_jwk_str(&jwk).unwrap()
    );
    assert_eq!(
        *secret.to_jwk_string(),
        format!(
            r#"{{"kty":"EC","crv":"P-256","x":"{RFC7517_X}","y":"{RFC7517_Y}","d":"{RFC7517_D}"}}"#
        )
    );
    // x and y may be left out of a private key given to this crate.
    let bare = json!({"kty": "EC", "crv": "P-256", "d": RFC7517_D}).to_string();
    let same = ecckit::p256::SecretKey::from_jwk_str(&bare).unwrap();
    assert_eq!(same.to_bytes(), secret.to_bytes());
    // A signature made with the decoded key verifies under the decoded public key.
    let signing = ecckit::p256::ecdsa::SigningKey::from(secret);
    let verifying = ecckit::p256::ecdsa::VerifyingKey::from(
        ecckit::p256::PublicKey::from_jwk_str(&jwk).unwrap(),
    );
    assert!(verifying.verify(b"m", &signing.sign(b"m")).is_ok());
}

/// Field byte length of `C`.
fn len<C: JwkCurve>() -> usize {
    use ecckit::field::Field;
    C::Base::ZERO.to_bytes().as_ref().len()
}

fn object(jwk: &str) -> serde_json::Map<String, Value> {
    match serde_json::from_str(jwk).unwrap() {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

/// `jwk` with member `name` set to `value` (or removed, for `Value::Null`).
fn with(jwk: &str, name: &str, value: Value) -> String {
    let mut map = object(jwk);
    if value.is_null() {
        map.remove(name);
    } else {
        map.insert(name.into(), value);
    }
    Value::Object(map).to_string()
}

fn b64(bytes: &[u8]) -> String {
    use base64ct::Encoding;
    base64ct::Base64UrlUnpadded::encode_string(bytes)
}

fn check<C: JwkCurve>(seed: u64) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let l = len::<C>();
    let b64_len = (4 * l).div_ceil(3);
    for _ in 0..8 {
        let secret = SecretKey::<C>::random(&mut rng);
        let public = secret.public_key();
        let jwk = public.to_jwk_string();
        let private = secret.to_jwk_string();

        // Exactly the members of RFC 7518 §6.2, coordinates at full length.
        let members = object(&jwk);
        assert_eq!(members.keys().collect::<Vec<_>>(), ["kty", "crv", "x", "y"]);
        assert_eq!(members["kty"], "EC");
        assert_eq!(members["crv"], C::CRV);
        assert_eq!(members["x"].as_str().unwrap().len(), b64_len);
        assert_eq!(members["y"].as_str().unwrap().len(), b64_len);
        let private_members = object(&private);
        assert_eq!(
            private_members.keys().collect::<Vec<_>>(),
            ["kty", "crv", "x", "y", "d"]
        );
        assert_eq!(private_members["d"].as_str().unwrap().len(), b64_len);
        assert_eq!(
            private_members["d"].as_str().unwrap(),
            b64(secret.to_bytes().as_ref())
        );

        // Round trips.
        assert_eq!(PublicKey::<C>::from_jwk_str(&jwk), Ok(public));
        assert_eq!(PublicKey::<C>::from_jwk_str(&private), Ok(public));
        let back = SecretKey::<C>::from_jwk_str(&private).unwrap();
        assert_eq!(back.to_bytes(), secret.to_bytes());

        // Malformed public keys.
        let x = members["x"].as_str().unwrap().to_string();
        let sec1 = public.to_sec1_bytes(false);
        let mut y_off = sec1[1 + l..].to_vec();
        *y_off.last_mut().unwrap() ^= 1;
        // Malformed public keys: one member changed (or removed, for `Null`), checked in the
        // public and in the private form.
        let edits: Vec<(&str, Value, Error)> = vec![
            ("kty", Value::Null, Error::InvalidEncoding),
            ("kty", json!("RSA"), Error::InvalidEncoding),
            ("kty", json!("ec"), Error::InvalidEncoding),
            ("crv", Value::Null, Error::InvalidEncoding),
            ("crv", json!("P-224"), Error::InvalidEncoding),
            ("x", Value::Null, Error::InvalidEncoding),
            ("y", Value::Null, Error::InvalidEncoding),
            ("x", json!(1), Error::InvalidEncoding),
            ("x", json!(format!("{x}=")), Error::InvalidEncoding),
            ("x", json!(x.replace(&x[..1], "+")), Error::InvalidEncoding),
            ("x", json!(b64(&sec1[1..l])), Error::InvalidLength),
            ("x", json!(b64(&sec1[..1 + l])), Error::InvalidLength),
            ("x", json!(""), Error::InvalidLength),
            ("y", json!(b64(&y_off)), Error::NotOnCurve),
            // A coordinate ≥ p.
            ("x", json!(b64(&vec![0xff; l])), Error::InvalidEncoding),
        ];
        for (name, value, err) in &edits {
            let bad = with(&jwk, name, value.clone());
            assert_eq!(PublicKey::<C>::from_jwk_str(&bad), Err(*err), "{bad}");
            let bad = with(&private, name, value.clone());
            assert_eq!(
                SecretKey::<C>::from_jwk_str(&bad).map(|_| ()),
                Err(*err),
                "{bad}"
            );
        }
        // Not a single JSON object; a member given twice (RFC 7517 §4: names are unique).
        for bad in [
            format!("{jwk}x"),
            format!("[{jwk}]"),
            String::new(),
            "{}".to_string(),
            jwk.replacen(r#""kty":"EC""#, r#""kty":"EC","kty":"EC""#, 1),
            jwk.replacen(r#""x":"#, r#""x":"A","x":"#, 1),
        ] {
            assert_eq!(
                PublicKey::<C>::from_jwk_str(&bad),
                Err(Error::InvalidEncoding),
                "{bad}"
            );
        }
        let twice = private.replacen(r#""d":"#, r#""d":"A","d":"#, 1);
        assert_eq!(
            SecretKey::<C>::from_jwk_str(&twice).map(|_| ()),
            Err(Error::InvalidEncoding)
        );

        // Malformed private keys.
        let other = SecretKey::<C>::random(&mut rng)
            .public_key()
            .to_jwk_string();
        let other = object(&other);
        let cases: Vec<(String, Error)> = vec![
            (jwk.clone(), Error::InvalidEncoding),
            (
                with(&private, "d", json!(b64(&vec![0; l]))),
                Error::OutOfRange,
            ),
            (
                with(&private, "d", json!(b64(&vec![0xff; l]))),
                Error::OutOfRange,
            ),
            (
                with(&private, "d", json!(b64(&vec![1; l - 1]))),
                Error::InvalidLength,
            ),
            (
                with(&private, "d", json!(b64(&vec![1; l + 1]))),
                Error::InvalidLength,
            ),
            (with(&private, "d", json!("!")), Error::InvalidEncoding),
            (
                with(&private, "x", other["x"].clone()),
                Error::NotOnCurve, // x of one key, y of another
            ),
            (
                with(
                    &with(&private, "x", other["x"].clone()),
                    "y",
                    other["y"].clone(),
                ),
                Error::KeyMismatch,
            ),
            (with(&private, "y", Value::Null), Error::InvalidEncoding),
        ];
        for (bad, err) in &cases {
            assert_eq!(
                SecretKey::<C>::from_jwk_str(bad).map(|_| ()),
                Err(*err),
                "{bad}"
            );
        }
    }
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

/// The registered names (RFC 7518 §6.2.1.1, RFC 8812 §3.1).
#[test]
fn curve_names() {
    assert_eq!(NistP256::CRV, "P-256");
    assert_eq!(NistP384::CRV, "P-384");
    assert_eq!(NistP521::CRV, "P-521");
    assert_eq!(Secp256k1::CRV, "secp256k1");
}

/// A key of one curve is refused by another curve's decoder, even where the lengths agree
/// (P-256 and secp256k1 both have 32-byte coordinates).
#[test]
fn cross_curve() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(9);
    let p256 = ecckit::p256::SecretKey::random(&mut rng);
    let k1 = ecckit::secp256k1::SecretKey::random(&mut rng);
    let p384 = ecckit::p384::SecretKey::random(&mut rng);
    let bad = Err(Error::InvalidEncoding);
    let bad = || bad;

    assert_eq!(
        ecckit::secp256k1::PublicKey::from_jwk_str(&p256.public_key().to_jwk_string()).map(|_| ()),
        bad()
    );
    assert_eq!(
        ecckit::p256::PublicKey::from_jwk_str(&k1.public_key().to_jwk_string()).map(|_| ()),
        bad()
    );
    assert_eq!(
        ecckit::p521::PublicKey::from_jwk_str(&p384.public_key().to_jwk_string()).map(|_| ()),
        bad()
    );
    assert_eq!(
        ecckit::secp256k1::SecretKey::from_jwk_str(&p256.to_jwk_string()).map(|_| ()),
        Err(Error::InvalidEncoding)
    );
    // The P-256 point relabelled as secp256k1 is off that curve.
    let relabelled = p256
        .public_key()
        .to_jwk_string()
        .replace("P-256", "secp256k1");
    assert_eq!(
        ecckit::secp256k1::PublicKey::from_jwk_str(&relabelled),
        Err(Error::NotOnCurve)
    );
}

/// Neither errors nor `Debug` output of a decoded private key carry the key.
#[test]
fn no_secret_in_output() {
    let secret = ecckit::p256::SecretKey::random(&mut rand::rngs::StdRng::seed_from_u64(3));
    let jwk = secret.to_jwk_string();
    let d = object(&jwk)["d"].as_str().unwrap().to_string();
    let back = ecckit::p256::SecretKey::from_jwk_str(&jwk).unwrap();
    let debug = format!("{back:?}");
    assert!(!debug.contains(&d) && !debug.contains(&hex(secret.to_bytes().as_ref())));
    let err = ecckit::p256::SecretKey::from_jwk_str(&with(&jwk, "x", Value::Null)).unwrap_err();
    assert!(!err.to_string().contains(&d));
}
