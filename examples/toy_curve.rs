//! Course step 2: a whole elliptic curve on one screen.
//!
//! ```sh
//! cargo run --release --example toy_curve                 # writes target/toy17.svg
//! cargo run --release --example toy_curve -- plot.svg     # or the SVG where you say
//! ```
//!
//! The textbook curve `y² = x³ + 2x + 2` over `F_17` is small enough to enumerate: this prints
//! every point and its order, the group's addition table, every multiple `k·G` of the generator,
//! and draws the points with `G`'s orbit as an SVG scatter plot. Every sum and multiple is
//! computed by the production code path (the complete projective formulas and the constant-time
//! scalar multiplication that P-256 uses), on a curve defined in one line with
//! `ecckit::toy_curve!`. `tests/suite/teach_examples.rs` checks the output against PARI/GP
//! (`vectors/teach/toy17.txt`).

use ecckit::curves::Curve;
use ecckit::curves::toy::ToyCurve;
use ecckit::field::Field;
use ecckit::point::{AffinePoint, ProjectivePoint};
use ecckit::teach;
use std::fmt::Write;

ecckit::toy_curve! {
    /// y² = x³ + 2x + 2 over F_17, the textbook example: 19 points, so every point but O
    /// generates the group.
    pub Toy17 { p: 17, a: 2, b: 2, generator: (5, 1), order: 19 }
}

/// A scalar of Toy17: an integer mod 19.
type Scalar = <Toy17 as Curve>::Scalar;

/// A point as plain integers, `None` for the identity `O` (what the tests compare).
pub type IntPoint = Option<(u64, u64)>;

/// Everything the example computes, and the text it prints.
pub struct Report {
    /// `#E`, the identity included.
    pub count: u64,
    /// The affine points, ordered by `x` then `y`.
    pub points: Vec<(u64, u64)>,
    /// The order of each point of `points`.
    pub orders: Vec<u64>,
    /// The addition table: row `i`, column `j` is `E[i] + E[j]` where `E = [O, points…]`.
    pub table: Vec<Vec<IntPoint>>,
    /// `k·G` for `k = 0, 1, …, n − 1`.
    pub multiples: Vec<IntPoint>,
    /// The scatter plot, an SVG document.
    pub svg: String,
    /// What `main` prints.
    pub text: String,
}

/// The integers of a point.
pub fn int(point: &AffinePoint<Toy17>) -> IntPoint {
    if bool::from(point.is_identity()) {
        None
    } else {
        Some((teach::value(&point.x()), teach::value(&point.y())))
    }
}

/// A point in a table cell: `x,y` (no space, so that 20 columns fit in a terminal) or `O`.
fn cell(point: IntPoint) -> String {
    match point {
        None => "O".to_string(),
        Some((x, y)) => format!("{x},{y}"),
    }
}

/// A point as the text shows it: `(x, y)` or `O`.
fn cell_spaced(point: IntPoint) -> String {
    match point {
        None => "O".to_string(),
        Some((x, y)) => format!("({x}, {y})"),
    }
}

/// Computes everything and writes the text.
pub fn run() -> Report {
    let mut text = String::new();
    let (p, n) = (Toy17::P, Toy17::ORDER);
    let g = AffinePoint::<Toy17>::GENERATOR;

    // 1. The points: for each x, the y with y² = x³ + 2x + 2 (ecckit::teach::points tries every x
    //    and takes square roots in the field).
    let points = teach::points::<Toy17>();
    let count = teach::count_points::<Toy17>();
    writeln!(text, "Toy17: y² = x³ + 2x + 2 over F_{p}, G = {g}, n = {n}").unwrap();
    writeln!(
        text,
        "#E = {count} points with O (Hasse: |#E − (p + 1)| = {} ≤ 2√p ≈ {:.2})",
        count.abs_diff(p + 1),
        2.0 * (p as f64).sqrt()
    )
    .unwrap();
    // k·G for every k, two ways: the constant-time scalar multiplication (windows over a table
    // of multiples, as for P-256's keys) and k − 1 additions of G.
    let mut multiples = Vec::new();
    let mut sum = ProjectivePoint::<Toy17>::IDENTITY;
    for k in 0..n {
        let by_mul = g.mul(&Scalar::from_u64(k)).to_affine();
        assert_eq!(
            by_mul,
            sum.to_affine(),
            "{k}·G by multiplication and by additions"
        );
        multiples.push(int(&by_mul));
        sum += g.to_projective();
    }
    // The discrete logarithm of a point: its k with P = k·G (found by looking it up, which only
    // a toy curve allows).
    let log = |point: &AffinePoint<Toy17>| {
        multiples
            .iter()
            .position(|m| *m == int(point))
            .expect("G generates the group")
    };

    writeln!(
        text,
        "\nThe points, their orders, and which multiple of G each one is:"
    )
    .unwrap();
    let mut orders = Vec::new();
    for point in &points {
        let order = teach::order_vartime(point);
        orders.push(order);
        writeln!(
            text,
            "  P = {:<9} order {order:>2}   P = {:>2}·G   −P = {}",
            point.to_string(),
            log(point),
            -*point
        )
        .unwrap();
    }
    writeln!(
        text,
        "  P = O         order  1   P =  0·G   (the identity: P + O = P)\n\
         Every point but O has order {n}: n is prime, so each one generates the group."
    )
    .unwrap();

    // 2. The group table, with the complete projective addition of RCB16 (no special cases:
    //    P + O, P + (−P) and P + P go through the same formula).
    let all: Vec<AffinePoint<Toy17>> = std::iter::once(AffinePoint::IDENTITY)
        .chain(points.iter().copied())
        .collect();
    let table: Vec<Vec<IntPoint>> = all
        .iter()
        .map(|a| {
            all.iter()
                .map(|b| int(&(a.to_projective() + b.to_projective()).to_affine()))
                .collect()
        })
        .collect();
    writeln!(
        text,
        "\nThe group table: row P, column Q holds P + Q (x,y; O is the identity)."
    )
    .unwrap();
    write!(text, "{:>6}|", "+").unwrap();
    for b in &all {
        write!(text, "{:>6}", cell(int(b))).unwrap();
    }
    writeln!(text, "\n{}", "-".repeat(7 + 6 * all.len())).unwrap();
    for (a, row) in all.iter().zip(&table) {
        write!(text, "{:>6}|", cell(int(a))).unwrap();
        for sum in row {
            write!(text, "{:>6}", cell(*sum)).unwrap();
        }
        writeln!(text).unwrap();
    }

    // 3. The multiples, as computed above.
    writeln!(
        text,
        "\nk·G for every k ({n}·G = O: the multiples repeat with period {n}):"
    )
    .unwrap();
    for (k, point) in multiples.iter().enumerate() {
        let shown = format!("{k:>2}·G = {}", cell_spaced(*point));
        if k % 4 == 3 || k + 1 == multiples.len() {
            writeln!(text, "  {shown}").unwrap();
        } else {
            write!(text, "  {shown:<16}").unwrap();
        }
    }

    let svg = svg_plot(p, &multiples);
    Report {
        count,
        points: points.iter().map(|pt| int(pt).expect("affine")).collect(),
        orders,
        table,
        multiples,
        svg,
        text,
    }
}

/// The SVG scatter plot: the `F_p × F_p` grid, every point of the curve, and `G`'s orbit
/// `G → 2G → … → (n − 1)·G` drawn in order, each point labelled with its `k`. Plain SVG text:
/// no plotting library, no fonts beyond the viewer's sans-serif.
pub fn svg_plot(p: u64, multiples: &[IntPoint]) -> String {
    const CELL: f64 = 32.0;
    const MARGIN: f64 = 48.0;
    let side = CELL * (p - 1) as f64;
    let (width, height) = (side + 2.0 * MARGIN, side + 2.0 * MARGIN + 50.0);
    // Screen coordinates: x to the right, y up (SVG's y points down).
    let sx = |x: u64| MARGIN + CELL * x as f64;
    let sy = |y: u64| MARGIN + side - CELL * y as f64;
    let mut s = String::new();
    writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">"#
    )
    .unwrap();
    writeln!(
        s,
        r##"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#c0392b"/></marker></defs>"##
    )
    .unwrap();
    writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#).unwrap();
    // The grid, with the coordinates 0..p−1 along the axes.
    for v in 0..p {
        writeln!(
            s,
            r##"<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#e4e4e4"/><line x1="{3}" y1="{4}" x2="{5}" y2="{4}" stroke="#e4e4e4"/>"##,
            sx(v),
            sy(0),
            sy(p - 1),
            sx(0),
            sy(v),
            sx(p - 1)
        )
        .unwrap();
        writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle">{v}</text><text x="{}" y="{}" text-anchor="end">{v}</text>"#,
            sx(v),
            sy(0) + 18.0,
            sx(0) - 10.0,
            sy(v) + 4.0
        )
        .unwrap();
    }
    // The mirror line y = p/2: (x, y) and (x, p − y) = −(x, y) sit symmetrically about it.
    let mid = MARGIN + side - CELL * (p as f64 / 2.0);
    writeln!(
        s,
        r##"<line x1="{}" y1="{mid}" x2="{}" y2="{mid}" stroke="#7f8c8d" stroke-dasharray="4 4"/>"##,
        sx(0),
        sx(p - 1)
    )
    .unwrap();
    // G's orbit, as arrows from k·G to (k+1)·G, stopping short of the target circle.
    let orbit: Vec<(u64, u64)> = multiples.iter().flatten().copied().collect();
    for pair in orbit.windows(2) {
        let (x1, y1, x2, y2) = (sx(pair[0].0), sy(pair[0].1), sx(pair[1].0), sy(pair[1].1));
        let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
        let (ux, uy) = ((x2 - x1) / len, (y2 - y1) / len);
        writeln!(
            s,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#c0392b" stroke-opacity="0.6" marker-end="url(#arrow)"/>"##,
            x1 + 7.0 * ux,
            y1 + 7.0 * uy,
            x2 - 7.0 * ux,
            y2 - 7.0 * uy
        )
        .unwrap();
    }
    // The points, labelled with k where the point is k·G.
    for (k, point) in multiples.iter().enumerate() {
        if let Some((x, y)) = point {
            let (fill, label) = if k == 1 {
                ("#c0392b", "G".to_string())
            } else {
                ("#2c3e50", format!("{k}G"))
            };
            writeln!(
                s,
                r#"<circle class="point" cx="{}" cy="{}" r="6" fill="{fill}"/><text x="{}" y="{}" fill="{fill}">{label}</text>"#,
                sx(*x),
                sy(*y),
                sx(*x) + 8.0,
                sy(*y) - 8.0
            )
            .unwrap();
        }
    }
    let m = orbit.len();
    writeln!(
        s,
        r#"<text x="{MARGIN}" y="{}" font-size="13">y² = x³ + 2x + 2 over F_{p}: {m} points, and O (not drawn)</text>"#,
        height - 34.0
    )
    .unwrap();
    writeln!(
        s,
        r#"<text x="{MARGIN}" y="{}" font-size="13">arrows: G → 2G → … → {m}G, then {}G = O; dashed: y = p/2, the mirror of P and −P</text>"#,
        height - 14.0,
        m + 1
    )
    .unwrap();
    s.push_str("</svg>\n");
    s
}

#[allow(dead_code)] // the tests include this file for `run`
fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/toy17.svg"),
        std::path::PathBuf::from,
    );
    let report = run();
    print!("{}", report.text);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&path, &report.svg)?;
    println!("\nThe scatter plot: {}", path.display());
    Ok(())
}
