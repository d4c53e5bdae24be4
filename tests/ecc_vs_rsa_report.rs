//! The ECC-vs-RSA report's logic (not its timings): the SP 800-57 security mapping, which
//! algorithms sit at which level, byte sizes measured on real keys (including the RSA fixtures),
//! the printed table and the JSON rows.

#[path = "../examples/ecc_vs_rsa/report.rs"]
mod report;

use ecckit::curves::{Curve, NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::field::Field;
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
    assert_eq!(names(128), ["P-256", "secp256k1", "RSA-3072"]);
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
    let library = [
        (NistP224::NAME, order_bits::<NistP224>()),
        (NistP256::NAME, order_bits::<NistP256>()),
        (Secp256k1::NAME, order_bits::<Secp256k1>()),
        (NistP384::NAME, order_bits::<NistP384>()),
        (NistP521::NAME, order_bits::<NistP521>()),
    ];
    for (curve, (name, bits)) in EccCurve::ALL.into_iter().zip(library) {
        assert_eq!(curve.name(), name);
        assert_eq!(curve.order_bits(), bits, "{name}");
        assert_eq!(Algorithm::Ecc(curve).key_bits(), bits as usize);
        assert_eq!(Algorithm::Ecc(curve).family(), "ECC");
    }
}

#[test]
fn ecc_sizes_from_real_keys() {
    // (public: 1 + L compressed point, private: L, signature: 2L)
    let expected = [
        (EccCurve::P224, (29, 28, 56)),
        (EccCurve::P256, (33, 32, 64)),
        (EccCurve::Secp256k1, (33, 32, 64)),
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
    assert_eq!(fmt_figure(&timed(25.14, 201)), "25.1 µs (39.8k/s, n=201)");
    assert_eq!(fmt_figure(&Figure::NotTimed), "not timed");
    assert_eq!(fmt_figure(&Figure::NotApplicable), "—");
    assert_eq!(fmt_time_ratio(&timed(2000.0, 3), &timed(20.0, 9)), "100×");
    assert_eq!(fmt_time_ratio(&Figure::NotTimed, &timed(20.0, 9)), "—");
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

/// Rows for every algorithm with made-up timings: each ECC operation 100 µs, each RSA one
/// 1000 × its level's index + 1 µs; big RSA key generation not timed.
fn sample_rows() -> Vec<Row> {
    Algorithm::all()
        .into_iter()
        .map(|a| {
            let sizes = match a {
                Algorithm::Ecc(c) => Sizes::of_curve(c),
                Algorithm::Rsa(bits) => Sizes {
                    public_key: pkcs1_public_len(bits),
                    private_key: 9 * bits / 16,
                    signature: bits / 8,
                },
            };
            let mut row = Row::new(a, sizes);
            match a {
                Algorithm::Ecc(_) => {
                    row.keygen = timed(100.0, 11);
                    row.sign = timed(100.0, 11);
                    row.verify = timed(100.0, 11);
                    row.agree = timed(100.0, 11);
                }
                Algorithm::Rsa(bits) => {
                    let t = 1000.0
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

#[test]
fn level_tables() {
    let rows = sample_rows();

    // 80 bits: an ECC column that says there is no curve, no ratio column.
    let t80 = level_table(level(80).unwrap(), &rows);
    assert_eq!(t80.header, ["", "ECC", "RSA-1024"]);
    assert!(t80.rows.iter().all(|r| r[1] == "no curve"));
    assert_eq!(t80.rows[0], ["public key (bytes)", "no curve", "140"]);
    assert_eq!(t80.rows[4][2], "1.00 ms (1.00k/s, n=5)");

    // 128 bits: both curves, RSA, and one ratio column per curve.
    let t128 = level_table(level(128).unwrap(), &rows);
    assert_eq!(
        t128.header,
        [
            "",
            "P-256",
            "secp256k1",
            "RSA-3072",
            "RSA/P-256",
            "RSA/secp256k1"
        ]
    );
    let labels: Vec<&str> = t128.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "public key (bytes)",
            "private key (bytes)",
            "signature (bytes)",
            "key generation",
            "sign",
            "verify",
            "ECDH | OAEP encrypt",
            "ECDH | OAEP decrypt"
        ]
    );
    assert_eq!(
        t128.rows[0],
        ["public key (bytes)", "33", "33", "398", "12.1×", "12.1×"]
    );
    assert_eq!(t128.rows[2][3], "384");
    assert_eq!(t128.rows[2][4], "6.00×");
    // sign: 3000 µs vs 100 µs; verify 30 µs vs 100 µs; sender 60 µs; receiver 6000 µs.
    assert_eq!(t128.rows[4][4], "30.0×");
    assert_eq!(t128.rows[5][4], "0.300×");
    assert_eq!(t128.rows[6][3], "60.0 µs (16.7k/s, n=7)");
    assert_eq!(t128.rows[6][4], "0.600×");
    assert_eq!(t128.rows[7][4], "60.0×");

    // 192 bits: RSA-7680 key generation not timed, so no ratio.
    let t192 = level_table(level(192).unwrap(), &rows);
    assert_eq!(t192.rows[3][2], "not timed");
    assert_eq!(t192.rows[3][3], "—");

    let text = render_report(&rows);
    for l in &LEVELS {
        assert!(text.contains(&level_heading(l)), "{}", l.bits);
    }
    assert!(text.contains("ECC: no curve in ecckit at 80 bits (it would be a 160–223-bit curve"));
    assert!(text.contains(SIZE_DEFINITIONS.lines().next().unwrap()));
    // Every table line of a block is as wide as its rule or narrower.
    let block = t128.render();
    let rule = block.lines().nth(1).unwrap().chars().count();
    assert!(block.lines().all(|l| l.chars().count() <= rule));
}

#[test]
fn json_rows() {
    let rows = sample_rows();
    let parsed: Value = serde_json::from_str(&rows_json(&rows)).unwrap();
    let list = parsed.as_array().unwrap();
    assert_eq!(list.len(), 10);
    let required = [
        "algorithm",
        "security_bits",
        "public_key_bytes",
        "private_key_bytes",
        "signature_bytes",
        "keygen_us",
        "sign_us",
        "verify_us",
        "agree_us",
    ];
    for object in list {
        let object = object.as_object().unwrap();
        for field in required {
            assert!(object.contains_key(field), "{field} missing in {object:?}");
        }
    }
    let find = |name: &str| {
        list.iter()
            .find(|o| o["algorithm"] == name)
            .unwrap_or_else(|| panic!("{name}"))
    };

    let p256 = find("P-256");
    assert_eq!(p256["family"], "ECC");
    assert_eq!(p256["security_bits"], 128);
    assert_eq!(p256["public_key_bytes"], 33);
    assert_eq!(p256["private_key_bytes"], 32);
    assert_eq!(p256["signature_bytes"], 64);
    assert_eq!(p256["sign_us"], 100.0);
    assert_eq!(p256["agree_us"], 100.0);
    assert_eq!(p256["agree_runs"], 11);
    assert!(p256["encrypt_us"].is_null() && p256["decrypt_us"].is_null());

    let rsa3072 = find("RSA-3072");
    assert_eq!(rsa3072["family"], "RSA");
    assert_eq!(rsa3072["key_bits"], 3072);
    assert_eq!(rsa3072["security_bits"], 128);
    assert_eq!(rsa3072["signature_bytes"], 384);
    assert_eq!(rsa3072["sign_us"], 3000.0);
    assert_eq!(rsa3072["keygen_us"], 300000.0);
    assert_eq!(rsa3072["decrypt_us"], 6000.0);
    assert!(rsa3072["agree_us"].is_null() && rsa3072["agree_runs"].is_null());

    // Not timed is null, not zero.
    let rsa15360 = find("RSA-15360");
    assert!(rsa15360["keygen_us"].is_null() && rsa15360["keygen_runs"].is_null());
    assert_eq!(rsa15360["security_bits"], 256);
    assert_eq!(rsa15360["sign_runs"], 5);
}
