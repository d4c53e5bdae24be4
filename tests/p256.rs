//! P-256: group law, scalar multiplication, encodings and protocols (generic checks), plus the
//! RFC 6979 A.2.5 known answers.

mod common;

use common::hex;
use ecckit::p256::{
    NistP256, PublicKey, SecretKey,
    ecdsa::{Signature, SigningKey},
};

#[test]
fn group_law() {
    common::check_group_law::<NistP256>();
}

#[test]
fn scalar_mul() {
    common::check_scalar_mul::<NistP256>(256);
}

#[test]
fn sec1() {
    common::check_sec1::<NistP256>(256);
}

#[test]
fn protocols() {
    common::check_protocols::<NistP256>(256);
}

/// RFC 6979 A.2.5, P-256 with SHA-256: the public key and the exact signatures.
#[test]
fn rfc6979_a_2_5() {
    let x = hex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
    let sk = SigningKey::from_bytes(&x).unwrap();
    let ux = hex("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6");
    let uy = hex("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299");
    let mut public = vec![4u8];
    public.extend_from_slice(&ux);
    public.extend_from_slice(&uy);
    assert_eq!(
        sk.verifying_key().to_sec1_bytes(false).as_slice(),
        &public[..]
    );
    for (msg, r, s) in [
        (
            &b"sample"[..],
            "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
            "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
        ),
        (
            &b"test"[..],
            "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367",
            "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083",
        ),
    ] {
        let sig = sk.sign(msg);
        let mut want = hex(r);
        want.extend_from_slice(&hex(s));
        assert_eq!(sig.to_bytes().as_slice(), &want[..]);
        assert_eq!(Signature::from_bytes(&want).unwrap(), sig);
        sk.verifying_key().verify(msg, &sig).unwrap();
    }
    let secret = SecretKey::from_bytes(&x).unwrap();
    assert_eq!(
        secret.public_key(),
        PublicKey::from_sec1_bytes(&public).unwrap()
    );
}

#[test]
fn bad_input_never_panics() {
    common::bad_input::check_decoders::<NistP256>(256, 20_000);
}

#[test]
fn errors() {
    common::bad_input::check_errors::<NistP256>();
}

#[test]
fn secrets_do_not_print() {
    let sk = SecretKey::from_bytes(&[7u8; 32]).unwrap();
    let shown = format!("{sk:?} {:?}", SigningKey::from_bytes(&[7u8; 32]).unwrap());
    assert!(!shown.contains("0707"), "{shown}");
    let shared = ecckit::p256::ecdh::diffie_hellman(&sk, &sk.public_key());
    assert_eq!(format!("{shared:?}"), "SharedSecret<P-256>(…)");
    assert_eq!(format!("{sk:?}"), "SecretKey<P-256>(…)");
}
