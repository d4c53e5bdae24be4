//! The ECC-vs-RSA report's logic (not its timings): the SP 800-57 security mapping, which
//! algorithms and libraries sit at which level, byte sizes measured on real keys (including the
//! RSA fixtures), the printed tables and ratio rows, the cost-to-break arithmetic, the provenance,
//! the JSON, and that the README's sample block has the format the command prints.

#[path = "../../examples/ecc_vs_rsa/report.rs"]
mod report;

use ecckit::curves::{Curve, NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::field::Field;
use report::cost::{self, Target};
use report::provenance::{Provenance, utc_date};
use report::*;
use rsa::pkcs1::{
    DecodeRsaPrivateKey, DecodeRsaPublicKey, EncodeRsaPrivateKey, EncodeRsaPublicKey,
};
use rsa::sha2::Sha256;
use rsa::traits::PublicKeyParts;
use serde_json::Value;

fn timed(micros: f64, runs: usize) -> Figure {
    Figure::Timed(Timing {
        median_ns: micros * 1e3,
        runs,
        batch: 1,
    })
}

#[test]
fn sp800_57_ecc_mapping() {
    assert_eq!(ecc_security_bits(159), None);
    assert_eq!(ecc_security_bits(160), Some(80));
    assert_eq!(ecc_security_bits(223), Some(80));
    assert_eq!(ecc_security_bits(224), Some(112));
    assert_eq!(ecc_security_bits(255), Some(112));
    assert_eq!(ecc_security_bits(256), Some(128));
    assert_eq!(ecc_security_bits(383), Some(128));
    assert_eq!(ecc_security_bits(384), Some(192));
    assert_eq!(ecc_security_bits(511), Some(192));
    assert_eq!(ecc_security_bits(512), Some(256));
    assert_eq!(ecc_security_bits(521), Some(256));
}

#[test]
fn sp800_57_rsa_mapping() {
    assert_eq!(rsa_security_bits(512), None);
    assert_eq!(rsa_security_bits(1023), None);
    assert_eq!(rsa_security_bits(1024), Some(80));
    assert_eq!(rsa_security_bits(2048), Some(112));
    assert_eq!(rsa_security_bits(3072), Some(128));
    // Between two rows of the table a key gets the lower strength.
    assert_eq!(rsa_security_bits(4096), Some(128));
    assert_eq!(rsa_security_bits(7679), Some(128));
    assert_eq!(rsa_security_bits(7680), Some(192));
    assert_eq!(rsa_security_bits(15360), Some(256));
    assert_eq!(rsa_security_bits(16384), Some(256));
}

#[test]
fn levels_hold_the_right_algorithms() {
    let bits: Vec<u32> = LEVELS.iter().map(|l| l.bits).collect();
    assert_eq!(bits, [80, 112, 128, 192, 256]);
    let rsa: Vec<usize> = LEVELS.iter().map(|l| l.rsa_bits).collect();
    assert_eq!(rsa, [1024, 2048, 3072, 7680, 15360]);

    let names = |bits: u32| -> Vec<String> {
        level(bits)
            .unwrap()
            .algorithms()
            .into_iter()
            .map(Algorithm::name)
            .collect()
    };
    assert_eq!(names(80), ["RSA-1024"]);
    assert_eq!(names(112), ["P-224", "RSA-2048"]);
    assert_eq!(
        names(128),
        ["P-256", "secp256k1", "Ed25519/X25519", "RSA-3072"]
    );
    assert_eq!(names(192), ["P-384", "RSA-7680"]);
    assert_eq!(names(256), ["P-521", "RSA-15360"]);
    assert!(level(80).unwrap().ecc_curves().is_empty());
    assert!(level(100).is_none());

    // Every algorithm's own strength is the level it is listed under.
    for l in &LEVELS {
        for a in l.algorithms() {
            assert_eq!(a.security_bits(), Some(l.bits), "{}", a.name());
        }
    }
    let all: Vec<String> = Algorithm::all().into_iter().map(Algorithm::name).collect();
    assert_eq!(
        all,
        [
            "RSA-1024",
            "P-224",
            "RSA-2048",
            "P-256",
            "secp256k1",
            "Ed25519/X25519",
            "RSA-3072",
            "P-384",
            "RSA-7680",
            "P-521",
            "RSA-15360"
        ]
    );
    assert_eq!(LEVELS[2].ecc_range(), "256–383");
    assert_eq!(LEVELS[4].ecc_range(), "512+");
}

fn order_bits<C: Curve>() -> u32 {
    <C::Scalar as Field>::NUM_BITS
}

#[test]
fn curve_values_match_the_library() {
    // ℓ = 2^252 + 27742317777372353535851937790883648493 has 253 bits.
    let l_bits = 256 - (-ecckit::field::curve25519::Scalar::ONE).to_le_bytes()[31].leading_zeros();
    let library = [
        (NistP224::NAME, order_bits::<NistP224>()),
        (NistP256::NAME, order_bits::<NistP256>()),
        (Secp256k1::NAME, order_bits::<Secp256k1>()),
        ("Ed25519/X25519", l_bits),
        (NistP384::NAME, order_bits::<NistP384>()),
        (NistP521::NAME, order_bits::<NistP521>()),
    ];
    for (curve, (name, bits)) in EccCurve::ALL.into_iter().zip(library) {
        assert_eq!(curve.name(), name);
        assert_eq!(curve.order_bits(), bits, "{name}");
        assert_eq!(Algorithm::Ecc(curve).key_bits(), bits as usize);
        assert_eq!(Algorithm::Ecc(curve).family(), "ECC");
        // n is just below 2^bits on the NIST curves and secp256k1: as a float it rounds to
        // within 2^-30 of it, or to 2^bits itself. Curve25519's ℓ is 2^252 plus a 125-bit
        // number, so it rounds to 2^252.
        let log2 = curve.order_log2();
        if curve == EccCurve::Curve25519 {
            assert_eq!(log2, 252.0, "{name}");
        } else {
            assert!(
                log2 <= f64::from(bits) && log2 > f64::from(bits) - 1e-6,
                "{name}: {log2}"
            );
        }
    }
    // SP 800-57 would put a 253-bit order at 112 bits; SP 800-186 rates Curve25519 at 128.
    assert_eq!(ecc_security_bits(253), Some(112));
    assert_eq!(EccCurve::Curve25519.security_bits(), Some(128));
    assert_eq!(EccCurve::P224.security_bits(), Some(112));
}

#[test]
fn ecc_sizes_from_real_keys() {
    // (public: 1 + L compressed point, private: L, signature: 2L)
    let expected = [
        (EccCurve::P224, (29, 28, 56)),
        (EccCurve::P256, (33, 32, 64)),
        (EccCurve::Secp256k1, (33, 32, 64)),
        (EccCurve::Curve25519, (32, 32, 64)),
        (EccCurve::P384, (49, 48, 96)),
        (EccCurve::P521, (67, 66, 132)),
    ];
    for (curve, (public_key, private_key, signature)) in expected {
        assert_eq!(
            Sizes::of_curve(curve),
            Sizes {
                public_key,
                private_key,
                signature
            },
            "{}",
            curve.name()
        );
    }
}

/// The DER length of `SEQUENCE { INTEGER n, INTEGER 65537 }` for a `bits`-bit modulus (a
/// multiple of 8): `n` needs a leading zero byte, lengths over 255 take three bytes.
fn pkcs1_public_len(bits: usize) -> usize {
    let header = |len: usize| match len {
        0..=127 => 2,
        128..=255 => 3,
        _ => 4,
    };
    let n = bits / 8 + 1;
    let content = header(n) + n + 5;
    header(content) + content
}

#[test]
fn rsa_sizes_from_a_real_key() {
    let mut rng = rand::rng();
    let key = rsa::PrivateKey::new(&mut rng, 1024).unwrap();
    let sizes = Sizes::rsa(&key);
    assert_eq!(sizes.public_key, 140);
    assert_eq!(sizes.public_key, pkcs1_public_len(1024));
    // A real signature has exactly the size reported.
    let signature = key
        .pkcs1v15_sign_with_rng::<Sha256, _>(&mut rng, b"message")
        .unwrap();
    assert_eq!(sizes.signature, signature.len());
    assert_eq!(sizes.signature, 128);
    // The private-key figure is a PKCS#1 RSAPrivateKey that decodes back to the same key:
    // n (129) + d (≤129) + p, q, dP, dQ, qInv (≤65 each) + e and DER headers ≈ 608.
    let der = key.to_pkcs1_der().unwrap();
    assert_eq!(der.as_bytes().len(), sizes.private_key);
    assert!((590..=620).contains(&sizes.private_key), "{sizes:?}");
    assert_eq!(
        rsa::PrivateKey::from_pkcs1_der(der.as_bytes()).unwrap(),
        key
    );
    let public_der = key.to_public_key().to_pkcs1_der().unwrap();
    assert_eq!(
        rsa::PublicKey::from_pkcs1_der(public_der.as_bytes()).unwrap(),
        key.to_public_key()
    );
}

#[test]
fn rsa_fixtures_load_and_have_their_sizes() {
    assert!(rsa_uses_fixture(7680) && rsa_uses_fixture(15360));
    assert!(!rsa_uses_fixture(3072));
    for bits in RSA_FIXTURE_BITS {
        let path = rsa_fixture_path(bits);
        let pem = std::fs::read_to_string(&path).unwrap();
        assert!(
            pem.starts_with("-----BEGIN PRIVATE KEY-----"),
            "{path:?} is not PKCS#8 PEM"
        );
        let key = load_rsa_fixture(bits).unwrap();
        assert_eq!(key.size(), bits / 8);
        let sizes = Sizes::rsa(&key);
        assert_eq!(sizes.public_key, pkcs1_public_len(bits), "RSA-{bits}");
        assert_eq!(sizes.signature, bits / 8);
        // About 4.5 modulus lengths: n, d (1 each) and five half-size CRT values.
        let k = bits / 8;
        assert!(
            sizes.private_key > 4 * k && sizes.private_key < 5 * k,
            "{sizes:?}"
        );
        assert_eq!(
            Algorithm::Rsa(bits).security_bits(),
            Some(if bits == 7680 { 192 } else { 256 })
        );
    }
    // A 7680-bit signature really is 960 bytes and verifies.
    let key = load_rsa_fixture(7680).unwrap();
    let signature = key
        .pkcs1v15_sign_with_rng::<Sha256, _>(&mut rand::rng(), b"fixture")
        .unwrap();
    assert_eq!(signature.len(), Sizes::rsa(&key).signature);
    key.to_public_key()
        .pkcs1v15_verify::<Sha256>(b"fixture", &signature)
        .unwrap();
}

#[test]
fn median_of_runs() {
    assert_eq!(median(&[5.0]), 5.0);
    assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
    assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
    assert_eq!(median(&[9.0, 1.0, 1000.0, 2.0, 3.0]), 3.0);
}

#[test]
fn number_formats() {
    assert_eq!(fmt_duration(812.0), "812 ns");
    assert_eq!(fmt_duration(25_140.0), "25.1 µs");
    assert_eq!(fmt_duration(1_234_000.0), "1.23 ms");
    assert_eq!(fmt_duration(4.56e9), "4.56 s");
    assert_eq!(fmt_duration(123.4e9), "123 s");
    assert_eq!(fmt_rate(1e9 / 25_140.0), "39.8k/s");
    assert_eq!(fmt_rate(812.0), "812/s");
    assert_eq!(fmt_rate(0.5), "0.500/s");
    assert_eq!(fmt_rate(2.5e6), "2.50M/s");
    assert_eq!(fmt_ratio(12.14), "12.1×");
    assert_eq!(fmt_ratio(1585.2), "1585×");
    assert_eq!(fmt_ratio(0.2104), "0.210×");
    assert_eq!(fmt_figure(&timed(25.14, 201)), "25.1 µs (n=201)");
    assert_eq!(fmt_figure(&Figure::NotTimed), "not timed");
    assert_eq!(fmt_figure(&Figure::NotApplicable), "—");
    assert_eq!(fmt_time_ratio(&timed(2000.0, 3), &timed(20.0, 9)), "100×");
    assert_eq!(fmt_time_ratio(&Figure::NotTimed, &timed(20.0, 9)), "—");
    assert_eq!(fmt_log2(127.8257), "2^127.8");
    assert_eq!(fmt_count(2700f64.log2()), "2700");
    assert_eq!(fmt_count(5.4e5f64.log2()), "5.4e5");
    assert_eq!(fmt_count(2.34e24f64.log2()), "2.3e24");
}

#[test]
fn table_aligns_columns_by_characters() {
    let table = Table {
        header: vec!["".into(), "a".into(), "bb".into()],
        align: vec![Align::Left, Align::Right, Align::Right],
        rows: vec![
            vec!["x".into(), "25.1 µs".into(), "—".into()],
            vec!["longer".into(), "1".into(), "12.1×".into()],
        ],
    };
    assert_eq!(
        table.render(),
        "              a     bb\n\
         ──────────────────────\n\
         x       25.1 µs      —\n\
         longer        1  12.1×\n"
    );
}

#[test]
fn contenders_are_listed_in_display_order() {
    // Levels ascending; in a level the curves before RSA.
    let keys: Vec<(u32, bool)> = CONTENDERS
        .iter()
        .map(|c| {
            (
                c.algorithm.security_bits().unwrap(),
                matches!(c.algorithm, Algorithm::Rsa(_)),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // No row twice.
    for (i, c) in CONTENDERS.iter().enumerate() {
        assert_eq!(display_position(*c), i, "{}", c.name());
    }
    // The pure-Rust run: every algorithm once, in Algorithm::all()'s order, each with its library.
    let rust = contenders(&Library::RUST);
    let algorithms: Vec<Algorithm> = rust.iter().map(|c| c.algorithm).collect();
    assert_eq!(algorithms, Algorithm::all());
    for c in &rust {
        let expected = match c.algorithm {
            Algorithm::Ecc(_) => Library::Ecckit,
            Algorithm::Rsa(_) => Library::RsaCrate,
        };
        assert_eq!(c.library, expected, "{}", c.name());
    }
    // AWS-LC: every RSA size and every NIST curve.
    let aws: Vec<String> = contenders(&[Library::AwsLc])
        .iter()
        .map(|c| c.algorithm.name())
        .collect();
    assert_eq!(
        aws,
        [
            "RSA-1024",
            "P-224",
            "RSA-2048",
            "P-256",
            "Ed25519/X25519",
            "RSA-3072",
            "P-384",
            "RSA-7680",
            "P-521",
            "RSA-15360"
        ]
    );
    assert_eq!(
        Contender {
            algorithm: Algorithm::Rsa(3072),
            library: Library::AwsLc
        }
        .name(),
        "RSA-3072 (AWS-LC)"
    );
}

/// Sizes as the libraries report them (RSA: the formula instead of a generated key).
fn sizes(a: Algorithm) -> Sizes {
    match a {
        Algorithm::Ecc(c) => Sizes::of_curve(c),
        Algorithm::Rsa(bits) => Sizes {
            public_key: pkcs1_public_len(bits),
            private_key: 9 * bits / 16,
            signature: bits / 8,
        },
    }
}

/// Rows for every contender of `libraries` with made-up timings: each ecckit ECC operation
/// 100 µs and its point addition 200 ns, AWS-LC's ECC 50 µs; each RSA operation 1000 × (its
/// level's index + 1) µs in the rsa crate and half that in AWS-LC; big RSA key generation not
/// timed.
fn sample_rows(libraries: &[Library]) -> Vec<Row> {
    contenders(libraries)
        .into_iter()
        .map(|c| {
            let mut row = Row::new(c, sizes(c.algorithm));
            let speed = if c.library == Library::AwsLc {
                0.5
            } else {
                1.0
            };
            match c.algorithm {
                Algorithm::Ecc(_) => {
                    let t = 100.0 * speed;
                    row.keygen = timed(t, 11);
                    row.sign = timed(t, 11);
                    row.verify = timed(t, 11);
                    row.agree = timed(t, 11);
                    if c.library == Library::Ecckit {
                        row.point_add = timed(0.2, 101);
                    }
                }
                Algorithm::Rsa(bits) => {
                    let t = 1000.0
                        * speed
                        * (1 + LEVELS.iter().position(|l| l.rsa_bits == bits).unwrap()) as f64;
                    if !rsa_uses_fixture(bits) {
                        row.keygen = timed(t * 100.0, 3);
                    }
                    row.sign = timed(t, 5);
                    row.verify = timed(t / 100.0, 7);
                    row.encrypt = timed(t / 50.0, 7);
                    row.decrypt = timed(t * 2.0, 5);
                }
            }
            row
        })
        .collect()
}

/// The libraries of the C-backed run.
const ALL: [Library; 3] = [Library::Ecckit, Library::RsaCrate, Library::AwsLc];

fn column(table: &Table, row: usize) -> Vec<&str> {
    table.rows[row].iter().map(String::as_str).collect()
}

#[test]
fn level_tables() {
    let rows = sample_rows(&Library::RUST);

    // 80 bits: RSA alone, no ratio rows.
    let t80 = level_table(level(80).unwrap(), &rows);
    assert_eq!(
        t80.header,
        [
            "",
            "library",
            "key generation",
            "sign",
            "verify",
            "ECDH | OAEP encrypt",
            "ECDH | OAEP decrypt"
        ]
    );
    assert_eq!(t80.rows.len(), 1);
    assert_eq!(
        column(&t80, 0),
        [
            "RSA-1024",
            "rsa crate",
            "100 ms (n=3)",
            "1.00 ms (n=5)",
            "10.0 µs (n=7)",
            "20.0 µs (n=7)",
            "2.00 ms (n=5)"
        ]
    );

    // 128 bits: both curves, RSA, one ratio row per curve.
    let t128 = level_table(level(128).unwrap(), &rows);
    let labels: Vec<(&str, &str)> = t128
        .rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("P-256", "ecckit"),
            ("secp256k1", "ecckit"),
            ("Ed25519/X25519", "ecckit"),
            ("RSA-3072", "rsa crate"),
            ("RSA-3072 ÷ P-256", "rsa crate ÷ ecckit"),
            ("RSA-3072 ÷ secp256k1", "rsa crate ÷ ecckit"),
            ("RSA-3072 ÷ Ed25519/X25519", "rsa crate ÷ ecckit"),
        ]
    );
    // sign 3000 vs 100 µs; verify 30 vs 100; sender 60 vs 100; receiver 6000 vs 100.
    assert_eq!(
        column(&t128, 3)[2..],
        [
            "300 ms (n=3)",
            "3.00 ms (n=5)",
            "30.0 µs (n=7)",
            "60.0 µs (n=7)",
            "6.00 ms (n=5)"
        ]
    );
    // ECC rows give ECDH in both key-establishment columns.
    assert_eq!(t128.rows[0][5], t128.rows[0][6]);
    assert_eq!(
        column(&t128, 4),
        [
            "RSA-3072 ÷ P-256",
            "rsa crate ÷ ecckit",
            "3000×",
            "30.0×",
            "0.300×",
            "0.600×",
            "60.0×"
        ]
    );

    // 192 bits: RSA-7680 key generation not timed, so no ratio.
    let t192 = level_table(level(192).unwrap(), &rows);
    assert_eq!(t192.rows[1][2], "not timed");
    assert_eq!(t192.rows[2][2], "—");

    // Every table line of a block is as wide as its rule or narrower.
    let block = t128.render();
    let rule = block.lines().nth(1).unwrap().chars().count();
    assert!(block.lines().all(|l| l.chars().count() <= rule));
}

#[test]
fn level_tables_with_aws_lc() {
    let rows = sample_rows(&ALL);
    let t128 = level_table(level(128).unwrap(), &rows);
    let labels: Vec<(&str, &str)> = t128
        .rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    // Every RSA row over every ecckit curve, and AWS-LC's RSA over AWS-LC's curve.
    assert_eq!(
        labels,
        [
            ("P-256", "ecckit"),
            ("P-256", "AWS-LC"),
            ("secp256k1", "ecckit"),
            ("Ed25519/X25519", "ecckit"),
            ("Ed25519/X25519", "AWS-LC"),
            ("RSA-3072", "rsa crate"),
            ("RSA-3072", "AWS-LC"),
            ("RSA-3072 ÷ P-256", "rsa crate ÷ ecckit"),
            ("RSA-3072 ÷ P-256", "AWS-LC ÷ ecckit"),
            ("RSA-3072 ÷ P-256", "AWS-LC ÷ AWS-LC"),
            ("RSA-3072 ÷ secp256k1", "rsa crate ÷ ecckit"),
            ("RSA-3072 ÷ secp256k1", "AWS-LC ÷ ecckit"),
            ("RSA-3072 ÷ Ed25519/X25519", "rsa crate ÷ ecckit"),
            ("RSA-3072 ÷ Ed25519/X25519", "AWS-LC ÷ ecckit"),
            ("RSA-3072 ÷ Ed25519/X25519", "AWS-LC ÷ AWS-LC"),
        ]
    );
    // Signing: rsa crate 3000 µs, AWS-LC 1500 µs; ecckit 100 µs, AWS-LC's P-256 50 µs.
    assert_eq!(t128.rows[7][3], "30.0×");
    assert_eq!(t128.rows[8][3], "15.0×");
    assert_eq!(t128.rows[9][3], "30.0×");
    // 80 bits: two RSA rows and still no ratio.
    let t80 = level_table(level(80).unwrap(), &rows);
    assert_eq!(t80.rows.len(), 2);
    assert_eq!(t80.rows[1][1], "AWS-LC");
    // The ratio rows are exactly level_pairs.
    let pairs = level_pairs(level(128).unwrap(), &rows);
    assert_eq!(pairs.len(), 8);
    assert_eq!(pair_label(&pairs[2]), "RSA-3072 ÷ P-256");
    assert_eq!(pair_libraries(&pairs[2]), "AWS-LC ÷ AWS-LC");
}

#[test]
fn sizes_table_rows() {
    let rows = sample_rows(&ALL);
    let t = sizes_table(&LEVELS, &rows);
    assert_eq!(
        t.header,
        [
            "security",
            "algorithm",
            "public key",
            "private key",
            "signature"
        ]
    );
    // One row per algorithm (not per library), then RSA ÷ each curve.
    let names: Vec<&str> = t.rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        names,
        [
            "RSA-1024",
            "P-224",
            "RSA-2048",
            "RSA-2048 ÷ P-224",
            "P-256",
            "secp256k1",
            "Ed25519/X25519",
            "RSA-3072",
            "RSA-3072 ÷ P-256",
            "RSA-3072 ÷ secp256k1",
            "RSA-3072 ÷ Ed25519/X25519",
            "P-384",
            "RSA-7680",
            "RSA-7680 ÷ P-384",
            "P-521",
            "RSA-15360",
            "RSA-15360 ÷ P-521"
        ]
    );
    assert_eq!(
        t.rows[8],
        ["", "RSA-3072 ÷ P-256", "12.1×", "54.0×", "6.00×"]
    );
    assert_eq!(t.rows[6], ["128", "Ed25519/X25519", "32", "32", "64"]);
    assert_eq!(t.rows[4], ["128", "P-256", "33", "32", "64"]);
}

#[test]
fn cost_formulas() {
    // Pollard rho: √(πn/4); secp112r1's order is 2^111.78.
    let n112 = cost::secp112r1_order_log2();
    assert!((n112 - 111.778).abs() < 1e-3, "{n112}");
    assert!((cost::rho_log2(256.0) - 127.826).abs() < 1e-3);
    assert!((cost::rho_log2(n112) - 55.714).abs() < 1e-3);
    // The record took 8.5e16 ≈ 1.44 × the formula's 5.91e16 additions.
    let record_over_formula = (cost::SECP112R1_ADDITIONS.log2() - cost::rho_log2(n112)).exp2();
    assert!(
        (record_over_formula - 1.437).abs() < 0.01,
        "{record_over_formula}"
    );
    // Anchoring reproduces the record on its own curve and grows by √2 a bit.
    assert!((cost::rho_anchored_log2(n112).exp2() / 8.5e16 - 1.0).abs() < 1e-9);
    assert!(
        (cost::rho_anchored_log2(n112 + 2.0) - cost::rho_anchored_log2(n112) - 1.0).abs() < 1e-12
    );
    // 1e9 additions of 1 s each are 1e9 s ≈ 31.7 core-years.
    let years = cost::rho_core_years_log2(1e9f64.log2(), 1e9).exp2();
    assert!((years - 31.69).abs() < 0.01, "{years}");

    // GNFS: L(2^829) ≈ 2^79.1, 2^12 above the record's ≈ 2^67.3 clock cycles at 2.1 GHz.
    assert!((cost::gnfs_c() - 1.9230).abs() < 1e-4);
    let l829 = cost::gnfs_log2(829.0);
    assert!((l829 - 79.12).abs() < 0.01, "{l829}");
    let cycles = (2700.0 * cost::SECONDS_PER_YEAR * 2.1e9f64).log2();
    assert!((l829 - cycles - 11.8).abs() < 0.1, "{l829} vs {cycles}");
    // Anchoring reproduces RSA-250's 2,700 core-years.
    assert!((cost::gnfs_core_years_log2(829.0).exp2() - 2700.0).abs() < 1e-6);
    // The sizes of SP 800-57.
    let l = |bits: f64| cost::gnfs_log2(bits);
    assert!((l(1024.0) - 86.8).abs() < 0.05, "{}", l(1024.0));
    assert!((l(2048.0) - 116.9).abs() < 0.05, "{}", l(2048.0));
    assert!((l(3072.0) - 138.7).abs() < 0.05, "{}", l(3072.0));
    assert!((l(7680.0) - 203.0).abs() < 0.05, "{}", l(7680.0));
    assert!((l(15360.0) - 269.4).abs() < 0.05, "{}", l(15360.0));
}

#[test]
fn cost_rows() {
    let rows = sample_rows(&ALL);
    let costs = costs(&rows);
    let names: Vec<String> = costs.iter().map(|c| c.name()).collect();
    assert_eq!(
        names,
        [
            "160-bit curve",
            "RSA-1024",
            "P-224",
            "RSA-2048",
            "P-256",
            "secp256k1",
            "Ed25519/X25519",
            "RSA-3072",
            "P-384",
            "RSA-7680",
            "P-521",
            "RSA-15360"
        ]
    );
    // No curve to time at 80 bits; ecckit's 200 ns addition elsewhere.
    assert_eq!(costs[0].core_years_log2(), None);
    assert!(matches!(
        costs[4].target,
        Target::Curve {
            ns_per_addition: Some(ns),
            ..
        } if ns == 200.0
    ));
    let p256 = &costs[4];
    assert_eq!(p256.attack(), "Pollard rho");
    assert_eq!(p256.record(), "secp112r1");
    assert!((p256.record_multiple_log2() - 72.11).abs() < 0.01);
    // 8.5e16 · 2^72.11 additions · 200 ns.
    let expected = (8.5e16 * 72.111f64.exp2() * 200e-9 / cost::SECONDS_PER_YEAR).log2();
    assert!((p256.core_years_log2().unwrap() - expected).abs() < 0.01);
    // Curve25519's ℓ ≈ 2^252: rho needs √(πℓ/4) ≈ 2^125.8, half a bit under its 128-bit rating.
    assert!((costs[6].formula_log2() - 125.83).abs() < 0.01);
    let rsa3072 = &costs[7];
    assert_eq!(rsa3072.attack(), "GNFS");
    assert!((rsa3072.record_multiple_log2() - 59.6).abs() < 0.05);

    let table = cost_table(&costs);
    assert_eq!(
        table.header,
        [
            "security",
            "algorithm",
            "best attack",
            "formula, o(1) dropped",
            "× the record",
            "core-years"
        ]
    );
    assert_eq!(
        column(&table, 7),
        [
            "128",
            "RSA-3072",
            "GNFS",
            "L_n = 2^138.7",
            "2^59.6 × RSA-250",
            &fmt_count(rsa3072.core_years_log2().unwrap())
        ]
    );
    assert_eq!(table.rows[0][5], "— (no curve timed)");
    assert!(
        table.rows[4][5].ends_with(" at 200 ns per addition"),
        "{:?}",
        table.rows[4]
    );
    assert_eq!(table.rows[4][3], "√(πn/4) = 2^127.8");
}

#[test]
fn dates_and_provenance() {
    assert_eq!(utc_date(0), "1970-01-01 00:00 UTC");
    assert_eq!(utc_date(951_782_400), "2000-02-29 00:00 UTC");
    assert_eq!(utc_date(1_000_000_000), "2001-09-09 01:46 UTC");
    assert_eq!(utc_date(4_107_542_400 + 3_599), "2100-03-01 00:59 UTC");
    let p = fixed_provenance();
    assert_eq!(
        p.line(),
        "commit 0123456789ab · date 2026-12-05 12:00 UTC · cpu Example CPU @ 2.00GHz · cores 2 · \
         rustc 1.95.0 (0000000 2026-01-01) · mode default"
    );
    assert_eq!(
        p.libraries_text(),
        "ecckit 0.1.0, rsa crate 0.10.0, AWS-LC (aws-lc-sys 0.47.0)"
    );
    // Gathering never fails, inside or outside a checkout.
    let here = Provenance::gather(&repo_root(), "default", None, Vec::new());
    assert!(here.cores >= 1 && !here.cpu.is_empty() && !here.rustc.is_empty());
    assert!(here.date_utc.ends_with(" UTC"));
    let outside = std::env::temp_dir().join(format!("ecckit-no-git-{}", std::process::id()));
    std::fs::create_dir_all(&outside).unwrap();
    let elsewhere = Provenance::gather(&outside, "default", Some("rustc 1.2.3"), Vec::new());
    std::fs::remove_dir(&outside).unwrap();
    assert!(
        elsewhere.commit == "unknown" || !elsewhere.commit.is_empty(),
        "{}",
        elsewhere.commit
    );
    assert_eq!(elsewhere.rustc, "1.2.3");
}

fn fixed_provenance() -> Provenance {
    Provenance {
        commit: "0123456789ab".into(),
        date_utc: "2026-12-05 12:00 UTC".into(),
        cpu: "Example CPU @ 2.00GHz".into(),
        cores: 2,
        rustc: "1.95.0 (0000000 2026-01-01)".into(),
        mode: "default".into(),
        libraries: vec![
            ("ecckit".into(), "0.1.0".into()),
            ("rsa crate".into(), "0.10.0".into()),
            ("AWS-LC".into(), "aws-lc-sys 0.47.0".into()),
        ],
    }
}

fn fixed_report() -> Report {
    Report {
        provenance: fixed_provenance(),
        rows: sample_rows(&ALL),
    }
}

#[test]
fn whole_report() {
    let report = fixed_report();
    let text = render_report(&report, "INTRO\n");
    assert!(text.starts_with(
        "ECC vs RSA at equal security (NIST SP 800-57): ecckit 0.1.0, rsa crate 0.10.0, AWS-LC \
         (aws-lc-sys 0.47.0)\ncommit 0123456789ab · "
    ));
    assert!(text.contains("\nINTRO\n"));
    for l in &LEVELS {
        assert!(text.contains(&level_heading(l)), "{}", l.bits);
    }
    assert!(text.contains("ECC: no curve in ecckit at 80 bits (it would be a 160–223-bit curve"));
    assert!(text.contains(SIZE_DEFINITIONS.lines().next().unwrap()));
    assert!(text.contains(COST_HEADING) && text.contains(COST_NOTES));
    // The sample's parts are the report's parts.
    let sample = render_sample(&report);
    for block in sample.split("\n\n") {
        let block = block.trim_end();
        let block = block
            .strip_prefix(&format!("{}\n", level_heading(&LEVELS[SAMPLE_LEVEL])))
            .unwrap_or(block);
        if !block.contains("security  algorithm") {
            assert!(text.contains(block), "not in the report:\n{block}");
        }
    }
}

#[test]
fn json_report() {
    let report = fixed_report();
    let parsed: Value = serde_json::from_str(&report_json(&report)).unwrap();
    let provenance = &parsed["provenance"];
    for key in ["commit", "date_utc", "cpu", "cores", "rustc", "mode"] {
        assert!(!provenance[key].is_null(), "provenance.{key}");
    }
    assert_eq!(provenance["cores"], 2);
    assert_eq!(provenance["libraries"]["AWS-LC"], "aws-lc-sys 0.47.0");

    let list = parsed["rows"].as_array().unwrap();
    assert_eq!(list.len(), CONTENDERS.len());
    let required = [
        "algorithm",
        "library",
        "security_bits",
        "public_key_bytes",
        "private_key_bytes",
        "signature_bytes",
        "keygen_us",
        "sign_us",
        "verify_us",
        "agree_us",
        "point_add_us",
    ];
    for object in list {
        let object = object.as_object().unwrap();
        for field in required {
            assert!(object.contains_key(field), "{field} missing in {object:?}");
        }
    }
    let find = |name: &str, library: &str| {
        list.iter()
            .find(|o| o["algorithm"] == name && o["library"] == library)
            .unwrap_or_else(|| panic!("{name} {library}"))
    };
    let p256 = find("P-256", "ecckit");
    assert_eq!(p256["family"], "ECC");
    assert_eq!(p256["security_bits"], 128);
    assert_eq!(p256["public_key_bytes"], 33);
    assert_eq!(p256["signature_bytes"], 64);
    assert_eq!(p256["sign_us"], 100.0);
    assert_eq!(p256["agree_runs"], 11);
    assert_eq!(p256["point_add_us"], 0.2);
    assert!(p256["encrypt_us"].is_null() && p256["decrypt_us"].is_null());
    assert!(find("P-256", "AWS-LC")["point_add_us"].is_null());
    let curve25519 = find("Ed25519/X25519", "ecckit");
    assert_eq!(curve25519["security_bits"], 128);
    assert_eq!(curve25519["key_bits"], 253);
    assert_eq!(curve25519["public_key_bytes"], 32);
    let rsa3072 = find("RSA-3072", "AWS-LC");
    assert_eq!(rsa3072["key_bits"], 3072);
    assert_eq!(rsa3072["sign_us"], 1500.0);
    assert!(rsa3072["agree_us"].is_null() && rsa3072["agree_runs"].is_null());
    // Not timed is null, not zero.
    let rsa15360 = find("RSA-15360", "rsa crate");
    assert!(rsa15360["keygen_us"].is_null() && rsa15360["keygen_runs"].is_null());

    // Ratios: every ratio row of every level.
    let ratios = parsed["ratios"].as_array().unwrap();
    let expected: usize = LEVELS
        .iter()
        .map(|l| level_pairs(l, &report.rows).len())
        .sum();
    assert_eq!(ratios.len(), expected);
    let best = ratios
        .iter()
        .find(|r| {
            r["rsa"] == "RSA-3072" && r["rsa_library"] == "AWS-LC" && r["ecc_library"] == "AWS-LC"
        })
        .unwrap();
    assert_eq!(best["ecc"], "P-256");
    assert_eq!(best["sign"], 30.0);
    assert_eq!(best["receiver"], 60.0);

    // Cost to break.
    let cost = parsed["cost_to_break"].as_array().unwrap();
    assert_eq!(cost.len(), 12);
    assert_eq!(cost[6]["algorithm"], "Ed25519/X25519");
    assert_eq!(cost[7]["algorithm"], "RSA-3072");
    assert_eq!(cost[7]["record"], "RSA-250");
    assert!(cost[0]["core_years"].is_null());
    assert_eq!(cost[4]["ns_per_addition"], 200.0);
}

/// A line's format with the measured values taken out: a table line becomes its cells (split at
/// two or more spaces), each with every number replaced by `#` and every time unit by `<t>`; a
/// `·`-separated provenance line becomes the first word of each field; a rule becomes `<rule>`.
fn shape(line: &str) -> Vec<String> {
    if !line.is_empty() && line.chars().all(|c| c == '─') {
        return vec!["<rule>".into()];
    }
    if line.contains(" · ") {
        return line
            .split(" · ")
            .map(|f| f.split_whitespace().next().unwrap_or("").to_string())
            .collect();
    }
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|cell| {
            let mut out = String::new();
            let mut in_number = false;
            for ch in cell.chars() {
                if ch.is_ascii_digit() || (in_number && ch == '.') {
                    if !in_number {
                        out.push('#');
                    }
                    in_number = true;
                } else {
                    in_number = false;
                    out.push(ch);
                }
            }
            out.split(' ')
                .map(|token| match token {
                    "ns" | "µs" | "ms" | "s" => "<t>",
                    other => other,
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn readme_sample_has_the_printed_format() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let in_readme = readme_sample(&readme).unwrap_or_else(|| {
        panic!("README.md has no sample block between {SAMPLE_BEGIN:?} and {SAMPLE_END:?}")
    });
    let printed = render_sample(&fixed_report());
    let readme_lines: Vec<&str> = in_readme.lines().collect();
    let printed_lines: Vec<&str> = printed.lines().collect();
    assert_eq!(
        readme_lines.len(),
        printed_lines.len(),
        "README sample has {} lines, the command prints {}:\n{printed}",
        readme_lines.len(),
        printed_lines.len()
    );
    for (i, (r, p)) in readme_lines.iter().zip(&printed_lines).enumerate() {
        assert_eq!(
            shape(r),
            shape(p),
            "README sample line {} differs in format from what the command prints:\n  README:  {r}\n  printed: {p}\n\
             (regenerate it: {})",
            i + 1,
            "cargo run --release -p ecckit-peers --bin ecc_vs_rsa -- --update-docs"
        );
    }
    // Replacing the block with itself changes nothing, and a new sample lands inside the fence.
    assert_eq!(replace_readme_sample(&readme, in_readme).unwrap(), readme);
    let replaced = replace_readme_sample(&readme, &printed).unwrap();
    assert_eq!(readme_sample(&replaced), Some(printed.as_str()));
}

#[test]
fn shape_ignores_numbers_only() {
    assert_eq!(
        shape("P-256     ecckit   15.2 µs (n=301)  307 ms (n=21)  5475×"),
        ["P-#", "ecckit", "# <t> (n=#)", "# <t> (n=#)", "#×"]
    );
    assert_ne!(shape("P-256  ecckit"), shape("P-256  AWS-LC"));
    assert_eq!(shape("──────"), ["<rule>"]);
    assert_eq!(
        shape("commit abc · date x · cpu y z · cores 2"),
        ["commit", "date", "cpu", "cores"]
    );
}
