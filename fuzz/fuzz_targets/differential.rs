//! ecckit against RustCrypto (`p224`, `p256`, `p384`, `p521`, `k256`).
//! Input: `curve tag ‖` [`DifferentialInput`] (two private keys, mutation bytes, message).
//!
//! Checks, on the curve the tag selects:
//! 1. both decoders accept the same private keys;
//! 2. public keys are identical (SEC1, compressed and uncompressed);
//! 3. RFC 6979 signatures are identical byte for byte, for the message with the standard hash and
//!    for the message as a prehash (when ≥ 16 bytes); each side verifies the other's; the DER
//!    encodings are identical (secp256k1: both normalise to low S, and both verify with the
//!    low-S rule). One known difference is allowed for: P-521 prehashes of 66 bytes or more,
//!    which RustCrypto truncates differently (see [`truncation_differs`]);
//! 4. ECDH shared secrets agree (both libraries, both directions);
//! 5. a mutated signature (fixed or DER) and a mutated public key are accepted or rejected
//!    alike by both decoders, and then by both verifiers; a mutated key that decodes gives the
//!    same ECDH secret.

#![no_main]

use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::{Signature, SigningKey};
use ecckit::field::Field;
use ecckit::keys::{PublicKey, SecretKey};
use ecckit_fuzz::input::{DifferentialInput, mutate};
use ecckit_fuzz::peer::RcCurve;
use ecckit_fuzz::{
    Harness, Peer, Verdict, dispatch, ecckit_verify, ecckit_verify_prehash, field_len, hex,
};
use libfuzzer_sys::fuzz_target;

struct Differential;

impl Harness for Differential {
    fn run<C: Peer>(data: &[u8]) {
        let Some(input) = DifferentialInput::parse::<C>(data) else {
            return;
        };
        let name = C::NAME;

        // 1. Private keys.
        let ours1 = SecretKey::<C>::from_bytes(input.d1);
        let ours2 = SecretKey::<C>::from_bytes(input.d2);
        let theirs1 = C::Rc::signing_key(input.d1);
        let theirs2 = C::Rc::signing_key(input.d2);
        for (d, ours, theirs) in [
            (input.d1, ours1.is_ok(), theirs1.is_some()),
            (input.d2, ours2.is_ok(), theirs2.is_some()),
        ] {
            assert_eq!(
                ours,
                theirs,
                "{name}: private key decoding differs on {}",
                hex(d)
            );
        }
        let (Ok(sk1), Ok(sk2), Some(rc1), Some(rc2)) = (ours1, ours2, theirs1, theirs2) else {
            return;
        };

        // 2. Public keys.
        let signing = SigningKey::<C>::from(sk1.clone());
        let pk1 = *signing.verifying_key().as_public_key();
        let pk2 = sk2.public_key();
        for compress in [false, true] {
            assert_eq!(
                hex(&pk1.to_sec1_bytes(compress)),
                hex(&C::Rc::public_key(&rc1, compress)),
                "{name}: public key of {} (compress = {compress})",
                hex(input.d1)
            );
        }
        let pk1_bytes = pk1.to_sec1_bytes(false).to_vec();
        let pk2_bytes = pk2.to_sec1_bytes(false).to_vec();

        // 3. Signatures.
        let msg = input.msg;
        let sig = signing.sign(msg);
        let ours = sig.to_bytes().to_vec();
        let theirs = C::Rc::sign(&rc1, msg);
        assert_eq!(
            hex(&ours),
            hex(&theirs),
            "{name}: signatures differ, key {} msg {}",
            hex(input.d1),
            hex(msg)
        );
        if C::LOW_S {
            assert!(bool::from(sig.is_low_s()), "{name}: high S");
        }
        assert_eq!(
            sig.to_der().as_bytes(),
            C::Rc::signature_to_der(&ours).as_slice(),
            "{name}: DER encodings differ"
        );
        assert_eq!(
            C::Rc::verify(&pk1_bytes, msg, &ours),
            Verdict::Accepted,
            "{name}: RustCrypto rejects ecckit's signature"
        );
        assert_eq!(
            ecckit_verify::<C>(&pk1_bytes, msg, &theirs, C::LOW_S),
            Verdict::Accepted,
            "{name}: ecckit rejects RustCrypto's signature"
        );
        if msg.len() >= ecckit::ecdsa::MIN_DIGEST_LEN {
            let ours = signing.sign_prehash(msg).expect("digest long enough");
            let ours = ours.to_bytes().to_vec();
            let theirs = C::Rc::sign_prehash(&rc1, msg).expect("RustCrypto signs");
            if let Some(excess) = truncation_differs::<C>(msg.len()) {
                // Same nonce (both derive RFC 6979's h1 with bits2int), so the same r.
                let l = field_len::<C>();
                assert_eq!(
                    hex(&ours[..l]),
                    hex(&theirs[..l]),
                    "{name}: prehash r differs"
                );
                // Each side accepts the other's signature on the digest that gives the other
                // side's e: the leftmost bits (FIPS) for RustCrypto, and for ecckit the low bits
                // of the first L bytes, shifted up so that ecckit's leftmost bits are them.
                let fips_e = shift_right(&msg[..l], excess);
                assert_eq!(
                    C::Rc::verify_prehash(&pk1_bytes, &fips_e, &ours),
                    Verdict::Accepted,
                    "{name}: RustCrypto rejects ecckit's prehash signature (FIPS e)"
                );
                let mut their_e = msg[..l].to_vec();
                their_e[0] &= 0xff >> excess;
                assert_eq!(
                    ecckit_verify_prehash::<C>(
                        &pk1_bytes,
                        &shift_left(&their_e, excess),
                        &theirs,
                        C::LOW_S
                    ),
                    Verdict::Accepted,
                    "{name}: ecckit rejects RustCrypto's prehash signature (RustCrypto's e)"
                );
            } else {
                assert_eq!(
                    hex(&ours),
                    hex(&theirs),
                    "{name}: prehash signatures differ, key {} digest {}",
                    hex(input.d1),
                    hex(msg)
                );
                assert_eq!(
                    C::Rc::verify_prehash(&pk1_bytes, msg, &ours),
                    Verdict::Accepted,
                    "{name}: RustCrypto rejects ecckit's prehash signature"
                );
                assert_eq!(
                    ecckit_verify_prehash::<C>(&pk1_bytes, msg, &theirs, C::LOW_S),
                    Verdict::Accepted,
                    "{name}: ecckit rejects RustCrypto's prehash signature"
                );
            }
        }

        // 4. ECDH.
        let shared = diffie_hellman(&sk1, &pk2);
        let shared = shared.raw_secret_bytes();
        assert_eq!(
            Some(shared.to_vec()),
            C::Rc::ecdh(&rc1, &pk2_bytes),
            "{name}: ECDH differs"
        );
        assert_eq!(
            diffie_hellman(&sk2, &pk1).raw_secret_bytes(),
            shared,
            "{name}: ECDH is not symmetric"
        );

        // 5. Mutations.
        let key = mutate(
            &pk1.to_sec1_bytes(input.compressed),
            input.key_pos,
            input.key_xor,
        );
        let our_key = PublicKey::<C>::from_sec1_bytes(&key).ok();
        assert_eq!(
            our_key.map(|k| k.to_sec1_bytes(false).to_vec()),
            C::Rc::public_from_sec1(&key),
            "{name}: SEC1 decoding differs on {}",
            hex(&key)
        );
        if let Some(k) = our_key {
            assert_eq!(
                Some(diffie_hellman(&sk2, &k).raw_secret_bytes().to_vec()),
                C::Rc::ecdh(&rc2, &key),
                "{name}: ECDH with {} differs",
                hex(&key)
            );
        }
        let (mutated, our_sig, their_sig) = if input.der {
            let der = mutate(sig.to_der().as_bytes(), input.sig_pos, input.sig_xor);
            let our = Signature::<C>::from_der(&der).ok();
            (der.clone(), our, C::Rc::signature_from_der(&der))
        } else {
            let fixed = mutate(&ours, input.sig_pos, input.sig_xor);
            let our = Signature::<C>::from_bytes(&fixed).ok();
            (fixed.clone(), our, C::Rc::signature_from_bytes(&fixed))
        };
        let our_fixed = our_sig.map(|s| s.to_bytes().to_vec());
        assert_eq!(
            our_fixed.as_ref().map(|s| hex(s)),
            their_sig.as_ref().map(|s| hex(s)),
            "{name}: signature decoding differs on {} (der = {})",
            hex(&mutated),
            input.der
        );
        if let Some(fixed) = our_fixed {
            let ours = ecckit_verify::<C>(&key, msg, &fixed, C::LOW_S);
            let theirs = C::Rc::verify(&key, msg, &fixed);
            assert_eq!(
                ours,
                theirs,
                "{name}: verification differs: key {} sig {} msg {}",
                hex(&key),
                hex(&fixed),
                hex(msg)
            );
            if input.sig_xor == 0 && input.key_xor == 0 {
                assert_eq!(ours, Verdict::Accepted, "{name}: unmutated signature");
            }
        }
    }
}

/// RustCrypto's `ecdsa` (0.17) turns a digest of `L` bytes or more into `e` by keeping its first
/// `L` bytes and then their *low* `log2 n` bits; FIPS 186-5 §6.4.1 (and ecckit) keep the
/// *leftmost* `log2 n` bits. The two differ when `log2 n` is not a multiple of 8 (P-521: 521
/// bits in 66 bytes). Returns the number of excess bits, `8L − log2 n`, in that case.
fn truncation_differs<C: Peer>(digest_len: usize) -> Option<u32> {
    let l = field_len::<C>();
    let excess = 8 * l as u32 - C::Scalar::NUM_BITS;
    (excess != 0 && digest_len >= l).then_some(excess)
}

/// Big-endian `bytes >> k` (`0 < k < 8`), same length.
fn shift_right(bytes: &[u8], k: u32) -> Vec<u8> {
    (0..bytes.len())
        .map(|i| {
            let carry = if i == 0 { 0 } else { bytes[i - 1] << (8 - k) };
            (bytes[i] >> k) | carry
        })
        .collect()
}

/// Big-endian `bytes << k` (`0 < k < 8`), same length; the top `k` bits must be zero.
fn shift_left(bytes: &[u8], k: u32) -> Vec<u8> {
    (0..bytes.len())
        .map(|i| {
            let carry = bytes.get(i + 1).map_or(0, |&b| b >> (8 - k));
            (bytes[i] << k) | carry
        })
        .collect()
}

fuzz_target!(|data: &[u8]| dispatch::<Differential>(data));
