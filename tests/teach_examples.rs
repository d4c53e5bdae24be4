//! The course's examples (README, "Learning ECC with ecckit"), run and checked: each example's
//! `run()` against values made by an independent tool, PARI/GP, whose scripts and outputs are in
//! `vectors/teach/` (`make.gp` → `toy17.txt`, `fields.txt`; `ladder.gp` → `ladder.txt`), and
//! against the published RFC 6979 vector. PARI is not needed to run these tests.

#[path = "../examples/toy_curve.rs"]
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
