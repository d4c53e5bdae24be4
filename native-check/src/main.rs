//! The program of `.ci/native-check`, built once with and once without
//! `-C target-cpu=native`:
//!
//! - `ecckit-native-check check` signs known answers (RFC 6979 A.2.4 and A.2.5, the vectors of
//!   the curves' standard hashes, as in `tests/suite/rfc6979.rs`), checks that signing a message
//!   equals signing its `sha2` digest (ecckit hashes through its own wrapper in native builds, see
//!   `src/hash.rs`) and that signatures verify; it panics on any difference.
//! - `ecckit-native-check sign N` signs one message N times with P-256, for the script to time.
//!
//! It depends on ecckit without default features and on `sha2`, nothing else, so that the two
//! builds take about a minute each instead of compiling ecckit's dev-dependencies.

use ecckit::curves::{NistP224, NistP256, Secp256k1};
use ecckit::ecdsa::{EcdsaCurve, Signature, SigningKey};
use sha2::Digest;
use std::hint::black_box;

/// The bytes of a hexadecimal string.
fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hexadecimal"))
        .collect()
}

/// Signs `msg` with the key `x` and compares with the signature `r ‖ s`; checks that it verifies.
fn known_answer<C: EcdsaCurve>(name: &str, x: &str, msg: &str, r: &str, s: &str) {
    let key = SigningKey::<C>::from_bytes(&hex(x)).expect("a valid key");
    let sig = key.sign(msg.as_bytes());
    let expected = [hex(r), hex(s)].concat();
    assert_eq!(sig.to_bytes().as_ref(), &expected[..], "{name} {msg:?}");
    key.verifying_key()
        .verify(msg.as_bytes(), &sig)
        .expect("the signature verifies");
    println!("ok: {name}, message {msg:?}");
}

/// For messages of several lengths (across SHA-256's 64-byte blocks): signing the message equals
/// signing its digest computed by `sha2` directly, and the signature verifies, but not for
/// another message.
fn message_hash_agrees<C: EcdsaCurve<Digest = D>, D: Digest>(name: &str) {
    let key = SigningKey::<C>::from_bytes(&[0x5a; 32]).expect("a valid key");
    let long = [0xa5u8; 300];
    for len in [0, 3, 55, 56, 64, 119, 120, 200, 300] {
        let msg = &long[..len];
        let sig: Signature<C> = key.sign(msg);
        let by_digest = key
            .sign_prehash(&D::digest(msg))
            .expect("a long enough digest");
        assert_eq!(sig, by_digest, "{name}: message of {len} bytes");
        let vk = key.verifying_key();
        vk.verify(msg, &sig).expect("the signature verifies");
        assert!(
            vk.verify(b"another message", &sig).is_err(),
            "{name}: wrong message"
        );
    }
    println!("ok: {name}, message hash and digest agree");
}

fn check() {
    // RFC 6979 A.2.5 (P-256, SHA-256).
    let x = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    known_answer::<NistP256>(
        "P-256",
        x,
        "sample",
        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
    );
    known_answer::<NistP256>(
        "P-256",
        x,
        "test",
        "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367",
        "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083",
    );
    // RFC 6979 A.2.4 (P-224, SHA-224).
    let x = "F220266E1105BFE3083E03EC7A3A654651F45E37167E88600BF257C1";
    known_answer::<NistP224>(
        "P-224",
        x,
        "sample",
        "1CDFE6662DDE1E4A1EC4CDEDF6A1F5A2FB7FBD9145C12113E6ABFD3E",
        "A6694FD7718A21053F225D3F46197CA699D45006C06F871808F43EBC",
    );
    known_answer::<NistP224>(
        "P-224",
        x,
        "test",
        "C441CE8E261DED634E4CF84910E4C5D1D22C5CF3B732BB204DBEF019",
        "902F42847A63BDC5F6046ADA114953120F99442D76510150F372A3F4",
    );
    message_hash_agrees::<NistP256, sha2::Sha256>("P-256");
    message_hash_agrees::<Secp256k1, sha2::Sha256>("secp256k1");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("check") => check(),
        Some("sign") => {
            let n: usize = args.get(2).and_then(|s| s.parse().ok()).expect("a count");
            let key = SigningKey::<NistP256>::from_bytes(&[0x5a; 32]).expect("a valid key");
            for _ in 0..n {
                black_box(key.sign(black_box(b"native-check message")));
            }
        }
        _ => panic!("usage: ecckit-native-check check | sign N"),
    }
}
