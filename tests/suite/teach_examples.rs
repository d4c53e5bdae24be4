//! The course's examples (README, "Learning ECC with ecckit"), run and checked: each example's
//! `run()` against values made by an independent tool, PARI/GP, whose scripts and outputs are in
//! `vectors/teach/` (`make.gp` → `toy17.txt`, `fields.txt`; `ladder.gp` → `ladder.txt`), and
//! against the published RFC 6979 vector. PARI is not needed to run these tests.

#[path = "../../examples/ecdlp.rs"]
mod ecdlp;
#[path = "../../examples/ecdsa_by_hand.rs"]
mod ecdsa_by_hand;
#[path = "../../examples/field_arithmetic.rs"]
mod field_arithmetic;
#[path = "../../examples/toy_curve.rs"]
mod toy_curve;

use std::collections::HashMap;

/// The lines of a vector file, comments and blank lines dropped, split into fields.
fn vector_lines(name: &str) -> Vec<Vec<String>> {
    let path = format!("{}/vectors/teach/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect()
}

/// The lines that start with `keyword`, without it.
fn with_keyword<'a>(lines: &'a [Vec<String>], keyword: &str) -> Vec<&'a [String]> {
    lines
        .iter()
        .filter(|l| l[0] == keyword)
        .map(|l| &l[1..])
        .collect()
}

/// A point as PARI's script writes it: `x,y` or `O`.
fn point(s: &str) -> Option<(u64, u64)> {
    if s == "O" {
        return None;
    }
    let (x, y) = s.split_once(',').expect("x,y");
    Some((x.parse().unwrap(), y.parse().unwrap()))
}

fn int(s: &str) -> u64 {
    s.parse().unwrap_or_else(|_| panic!("not an integer: {s}"))
}

/// Example 2: every point, its order, `#E`, the whole group table and every `k·G` of Toy17, as
/// PARI's `ellinit`, `ellcard`, `ellorder`, `elladd` and `ellmul` give them.
#[test]
fn toy_curve_matches_pari() {
    let report = toy_curve::run();
    let lines = vector_lines("toy17.txt");

    assert_eq!(report.count, int(&with_keyword(&lines, "count")[0][0]));
    assert_eq!(int(&with_keyword(&lines, "generator_order")[0][0]), 19);

    let points: Vec<((u64, u64), u64)> = with_keyword(&lines, "point")
        .iter()
        .map(|f| (point(&f[0]).unwrap(), int(&f[1])))
        .collect();
    assert_eq!(points.len(), 18);
    assert_eq!(
        report.points,
        points.iter().map(|p| p.0).collect::<Vec<_>>()
    );
    assert_eq!(
        report.orders,
        points.iter().map(|p| p.1).collect::<Vec<_>>()
    );

    let multiples = with_keyword(&lines, "mul");
    assert_eq!(multiples.len(), 19);
    for (k, f) in multiples.iter().enumerate() {
        assert_eq!(int(&f[0]), k as u64);
        assert_eq!(report.multiples[k], point(&f[1]), "{k}·G");
    }

    // The table's rows and columns are O and then the points in order.
    let index: HashMap<Option<(u64, u64)>, usize> = std::iter::once(None)
        .chain(report.points.iter().map(|&p| Some(p)))
        .enumerate()
        .map(|(i, p)| (p, i))
        .collect();
    let sums = with_keyword(&lines, "add");
    assert_eq!(sums.len(), 19 * 19);
    for f in sums {
        let (a, b, sum) = (point(&f[0]), point(&f[1]), point(&f[2]));
        assert_eq!(report.table[index[&a]][index[&b]], sum, "{a:?} + {b:?}");
    }

    // The text shows the table and the multiples; the plot has a circle per point.
    assert!(report.text.contains("13·G = (16, 4)"));
    assert!(report.text.contains("P = (0, 6)    order 19   P =  7·G"));
    assert!(report.svg.starts_with("<svg") && report.svg.trim_end().ends_with("</svg>"));
    assert_eq!(report.svg.matches(r#"class="point""#).count(), 18);
}

/// Example 1: the tables of F_17 and F_97, the Montgomery traces at p = 97 (R = 2^8 and the
/// crate's R = 2^64, whose every value must also be what ecckit's F_97 stores and computes) and
/// P-256's NIST reduction, against PARI (`Mod`, `issquare`, integer arithmetic).
#[test]
fn field_arithmetic_matches_pari() {
    use field_arithmetic::{FieldTables, crate_montgomery, hex_words, montgomery_trace};
    let report = field_arithmetic::run();
    let lines = vector_lines("fields.txt");

    let check_tables = |t: &FieldTables| {
        let p = t.p;
        for a in 0..p {
            for b in 0..p {
                assert_eq!(t.add[a as usize][b as usize], (a + b) % p);
                assert_eq!(t.mul[a as usize][b as usize], a * b % p);
            }
        }
        let inverses = with_keyword(&lines, "inv");
        let inverses: Vec<_> = inverses.iter().filter(|f| int(&f[0]) == p).collect();
        assert_eq!(inverses.len() as u64, p - 1);
        assert_eq!(t.inv[0], None);
        for f in inverses {
            assert_eq!(
                t.inv[int(&f[1]) as usize],
                Some(int(&f[2])),
                "1/{} mod {p}",
                f[1]
            );
        }
        let roots = with_keyword(&lines, "sqrt");
        let roots: Vec<_> = roots.iter().filter(|f| int(&f[0]) == p).collect();
        assert_eq!(roots.len() as u64, p);
        for f in roots {
            let a = int(&f[1]) as usize;
            let want: Vec<u64> = if f[2] == "none" {
                vec![]
            } else {
                f[2..].iter().map(|r| int(r)).collect()
            };
            assert_eq!(t.sqrt[a], want, "√{a} mod {p}");
            // Euler's criterion agrees with the square roots.
            if a != 0 {
                assert_eq!(t.euler[a] == 1, !want.is_empty());
            }
        }
    };
    check_tables(&report.f17);
    check_tables(&report.f97);
    assert!(
        report
            .text
            .contains("48 of the 96 non-zero elements of F_97 are squares")
    );

    // montgomery w p a b (R mod p) p' aR bR T m t subtracted ab_R m2 t2 subtracted2 ab.
    let traces = with_keyword(&lines, "montgomery");
    assert_eq!(traces.len(), 12);
    for f in traces {
        let n: Vec<u128> = f.iter().map(|v| v.parse().unwrap()).collect();
        let (w, p, a, b) = (n[0] as u32, n[1] as u64, n[2] as u64, n[3] as u64);
        let t = montgomery_trace(w, p, a, b);
        let got = [
            t.r_mod_p as u128,
            t.p_prime,
            t.a_mont as u128,
            t.b_mont as u128,
            t.product.t_in,
            t.product.m,
            t.product.t,
            t.product.subtracted as u128,
            t.product.result as u128,
            t.out.m,
            t.out.t,
            t.out.subtracted as u128,
            t.out.result as u128,
        ];
        assert_eq!(got[..], n[4..], "Montgomery trace w = {w}, {a}·{b} mod {p}");
        if w == 64 {
            // What ecckit's F_97 stores and computes is the same.
            let c = crate_montgomery(a, b);
            assert_eq!(
                [
                    c.r,
                    c.m_inv,
                    c.a_repr,
                    c.b_repr,
                    c.product_repr,
                    c.product,
                    c.field_product
                ]
                .map(u128::from),
                [n[4], n[5], n[6], n[7], n[12], n[16], n[16]]
            );
        }
    }
    // The printed traces are the first pair, with both word sizes; the 8-bit one needs the
    // final subtraction.
    assert_eq!(report.montgomery[0], montgomery_trace(8, 97, 13, 55));
    assert!(report.montgomery[0].product.subtracted);
    assert_eq!(report.montgomery[1], montgomery_trace(64, 97, 13, 55));
    assert_eq!(report.crate_montgomery, crate_montgomery(13, 55));
    assert_eq!(report.crate_montgomery.field_product, 36);

    // P-256: the product's words, the nine terms, the signed sum and the result.
    let p256: HashMap<String, Vec<String>> = with_keyword(&lines, "p256")
        .iter()
        .map(|f| (f[0].clone(), f[1..].to_vec()))
        .collect();
    let s = &report.solinas;
    assert_eq!(hex_words(&s.a), p256["a"][0]);
    assert_eq!(hex_words(&s.b), p256["b"][0]);
    assert_eq!(hex_words(&s.c), p256["c"][0]);
    for (i, term) in s.terms.iter().enumerate() {
        assert_eq!(
            hex_words(term),
            p256[&format!("s{}", i + 1)][0],
            "s{}",
            i + 1
        );
    }
    assert_eq!(s.sum_top.to_string(), p256["sum"][0]);
    assert_eq!(hex_words(&s.sum_low), p256["sum"][1]);
    assert_eq!(hex_words(&s.result), p256["result"][0]);
    let crate_hex: String = s.crate_result.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(crate_hex, p256["result"][0]);
}

/// Example 3: the generic signing function reproduces RFC 6979 A.2.5 on P-256 and
/// `SigningKey::sign` on both curves; verification by hand accepts and rejects as
/// `VerifyingKey::verify` does; the nonce-reuse attack returns the key. On Toy17, the raw steps
/// for every nonce against PARI.
#[test]
fn ecdsa_by_hand_signs_verifies_and_breaks() {
    use ecckit::curves::Curve;
    use ecckit::field::Field;
    use ecdsa_by_hand::{Toy17, show, sign_steps, verify_by_hand};
    let report = ecdsa_by_hand::run();

    // P-256: RFC 6979 A.2.5, SHA-256, "sample" (the RFC's values, restated here).
    let p = &report.p256;
    assert!(report.p256_matches_rfc);
    assert_eq!(
        show(&p.signing.k),
        "a6e3c57dd01abe90086538398355dd4c3b17aa873382b0f24d6129493d8aad60"
    );
    assert_eq!(
        show(&p.signing.r),
        "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
    );
    assert_eq!(
        show(&p.signing.s),
        "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"
    );
    assert_eq!(
        show(&p.q.x()),
        "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
    );

    // Both curves: the production signature, both verifications, the attack.
    macro_rules! check_walkthrough {
        ($w:expr) => {{
            let w = $w;
            assert_eq!(w.crate_signature.r(), w.signing.r);
            assert_eq!(w.crate_signature.s(), w.signing.s);
            assert!(w.crate_verifies && w.verifying.valid);
            assert!(!w.wrong_message.valid);
            assert_eq!(w.reused.r, w.signing.r, "one nonce, one r");
            assert_eq!(w.recovered, (w.signing.k, w.d), "the attack finds k and d");
        }};
    }
    check_walkthrough!(&report.p256);
    check_walkthrough!(&report.toy);
    assert_eq!(show(&report.toy.d), "3");
    // bits2int(SHA-256("sample")) is 0xaf >> 3 = 21 on 5 bits, and 21 mod 19 = 2.
    assert_eq!(show(&report.toy.signing.z), "2");
    assert!(report.text.contains("which is d: the private key"));
    assert!(!report.text.contains("DIFFERENT") && !report.text.contains("INVALID"));

    // Toy17 with d = 7, z = 11 and every nonce, against PARI's r = x(k·G) mod n and
    // s = k⁻¹(z + r·d) mod n; each signature then verifies by hand.
    type Scalar = <Toy17 as Curve>::Scalar;
    let lines = vector_lines("toy17.txt");
    let rows = with_keyword(&lines, "ecdsa");
    assert_eq!(rows.len(), 18);
    let g = ecckit::point::AffinePoint::<Toy17>::GENERATOR;
    for f in rows {
        let (d, z, k) = (int(&f[0]), int(&f[1]), int(&f[2]));
        let (d, z, k) = (
            Scalar::from_u64(d),
            Scalar::from_u64(z),
            Scalar::from_u64(k),
        );
        match sign_steps::<Toy17>(&d, &z, &k) {
            Ok(sig) => {
                assert_eq!(
                    [show(&sig.r), show(&sig.s)],
                    [f[3].clone(), f[4].clone()],
                    "k = {}",
                    f[2]
                );
                let q = g.mul(&d).to_affine();
                assert!(verify_by_hand(&q, &z, &sig.r, &sig.s).valid);
            }
            Err(_) => assert_eq!(f[3], "fail", "k = {}", f[2]),
        }
    }
}

/// Example 4: the ladder's curves are PARI's (`ladder.gp` found them and counted their points),
/// the crate's `d·G` agrees with PARI's on every curve, both algorithms find PARI's logarithms on
/// the curves up to 32 bits, and the quick run finds every logarithm it sets itself, with
/// operation counts that grow as √n.
#[test]
fn ecdlp_ladder_matches_pari_and_quick_run_solves() {
    use ecdlp::{Method, Mode, ladder};
    let lines = vector_lines("ladder.txt");
    let curves = with_keyword(&lines, "curve");
    let rungs = ladder();
    assert_eq!(rungs.len(), curves.len());
    assert_eq!(
        rungs.iter().map(|r| r.bits).collect::<Vec<_>>(),
        (16..=48).step_by(4).collect::<Vec<u32>>()
    );
    for (rung, f) in rungs.iter().zip(&curves) {
        // curve b p a c Gx,Gy n
        assert_eq!(rung.bits as u64, int(&f[0]));
        assert_eq!(
            (rung.p, rung.a, rung.b, Some(rung.g), rung.n),
            (int(&f[1]), int(&f[2]), int(&f[3]), point(&f[4]), int(&f[5])),
            "{} bits",
            rung.bits
        );
        assert_eq!(64 - rung.n.leading_zeros(), rung.bits);
        assert_eq!(64 - rung.p.leading_zeros(), rung.bits);
    }
    for f in with_keyword(&lines, "target") {
        // target b d Qx,Qy
        let rung = rungs.iter().find(|r| r.bits as u64 == int(&f[0])).unwrap();
        let (d, q) = (int(&f[1]), point(&f[2]).unwrap());
        assert_eq!((rung.mul_g)(d), q, "{d}·G on {} bits", rung.bits);
    }
    for rung in rungs.iter().filter(|r| r.bits <= 32) {
        let targets: Vec<(u64, (u64, u64))> = with_keyword(&lines, "target")
            .iter()
            .filter(|f| int(&f[0]) == rung.bits as u64)
            .map(|f| (int(&f[1]), point(&f[2]).unwrap()))
            .collect();
        assert_eq!(targets.len(), 3);
        let points: Vec<(u64, u64)> = targets.iter().map(|t| t.1).collect();
        for method in [Method::Bsgs, Method::Rho] {
            let (_, solutions) = (rung.solve)(method, &points, 1);
            let found: Vec<u64> = solutions.iter().map(|s| s.d).collect();
            let want: Vec<u64> = targets.iter().map(|t| t.0).collect();
            assert_eq!(found, want, "{method:?} on {} bits", rung.bits);
        }
    }

    let report = ecdlp::run(Mode::Quick, false);
    assert_eq!(report.rows.len(), 2 * 6, "16 to 36 bits, two methods");
    for row in &report.rows {
        assert!(row.bits <= 36);
        let found: Vec<u64> = row.solutions.iter().map(|s| s.d).collect();
        assert_eq!(found, row.targets, "{:?} on {} bits", row.method, row.bits);
    }
    // The runs are seeded: the operation counts are the same on every machine, and grow as √n.
    for fit in report.ops_fits {
        assert!(
            (0.45..=0.55).contains(&fit.slope),
            "operations ∝ n^{}",
            fit.slope
        );
    }
    // Times vary with the machine; they are only reported.
    for fit in report.time_fits {
        assert!(fit.slope.is_finite());
    }
    assert!(report.p256_years_steps > 1e20 && report.p256_step_seconds > 0.0);
    assert!(report.p256_years_fit > 0.0);
    assert!(report.text.contains("secp112r1") && report.text.contains("RSA-250"));
}
