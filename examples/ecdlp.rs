//! Course step 4: why it is hard to go back from `Q = d·G` to `d`, measured.
//!
//! ```sh
//! cargo run --release --example ecdlp             # curves of 16 to 48 bits: a minute or two
//! cargo run --release --example ecdlp -- --quick  # 16 to 36 bits: a few seconds
//! ```
//!
//! Baby-step giant-step (Shanks) and Pollard's rho solve discrete logarithms on a ladder of
//! prime-order toy curves from 16 to 48 bits, each defined with `ecckit::toy_curve!` and running
//! on ecckit's point arithmetic. Both take about `√n` group operations: the example times them,
//! fits `log(time)` against `log(n)` by least squares (the slope comes out near 0.5), and
//! extrapolates to P-256's `n ≈ 2^256`, that is about `2^128` operations. It sets that beside
//! the record (a 112-bit curve, secp112r1, solved in 2009 with about 8.5·10^16 point additions)
//! and beside RSA, whose modulus falls to the general number field sieve in sub-exponential
//! time — the reason a 256-bit curve matches a 3072-bit RSA key.
//!
//! The curves were found, and their orders checked, with PARI/GP (`vectors/teach/ladder.gp`,
//! output `ladder.txt`); `tests/suite/teach_examples.rs` checks the parameters below against that
//! file and runs the quick mode. Variable time throughout, as an attack may be. The full run needs
//! about 0.6 GB of memory, for the baby steps of the 48-bit curve (`2^24` of them).

use ecckit::curves::Curve;
use ecckit::curves::toy::ToyCurve;
use ecckit::field::Field;
use ecckit::point::{AffinePoint, ProjectivePoint};
use ecckit::teach;
use std::collections::HashMap;
use std::fmt::Write;
use std::hash::BuildHasherDefault;
use std::time::Instant;

// The ladder: y² = x³ − 3x + c over F_p with p the largest prime below 2^b − 2^(b/2 + 1) (so
// that p and n both have b bits), c the least with a prime group order, G the point with the
// least x. `toy_curve!` checks each at compile time (p and n prime, G on the curve, n·G = O,
// cofactor 1 by Hasse's bound); PARI's `ellcard` counted the points.
ecckit::toy_curve! {
    /// 16 bits.
    pub Ladder16 { p: 65011, a: -3, b: 27, generator: (1, 5), order: 65381 }
}
ecckit::toy_curve! {
    /// 20 bits.
    pub Ladder20 { p: 1046527, a: -3, b: 54, generator: (1, 344822), order: 1048361 }
}
ecckit::toy_curve! {
    /// 24 bits.
    pub Ladder24 { p: 16769023, a: -3, b: 32, generator: (0, 16380), order: 16775653 }
}
ecckit::toy_curve! {
    /// 28 bits.
    pub Ladder28 { p: 268402679, a: -3, b: 25, generator: (0, 5), order: 268419259 }
}
ecckit::toy_curve! {
    /// 32 bits.
    pub Ladder32 { p: 4294836197, a: -3, b: 11, generator: (0, 1405317672), order: 4294833211 }
}
ecckit::toy_curve! {
    /// 36 bits.
    pub Ladder36 { p: 68718952447, a: -3, b: 36, generator: (0, 6), order: 68718636661 }
}
ecckit::toy_curve! {
    /// 40 bits.
    pub Ladder40 {
        p: 1099509530599, a: -3, b: 37, generator: (0, 443326030456), order: 1099509741919
    }
}
ecckit::toy_curve! {
    /// 44 bits.
    pub Ladder44 { p: 17592177655777, a: -3, b: 16, generator: (0, 4), order: 17592177154583 }
}
ecckit::toy_curve! {
    /// 48 bits.
    pub Ladder48 {
        p: 281474943156061, a: -3, b: 40, generator: (4, 27261463137762), order: 281474922663941
    }
}

/// A small deterministic generator (SplitMix64, Steele–Lea–Flood 2014), so that a run is
/// repeatable. Not for keys: it only picks the logarithms to find and rho's random walk.
pub struct SplitMix(u64);

impl SplitMix {
    /// The generator with the given seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }
    /// A number in `[lo, hi)` (the bias of the modulo is far below what matters here).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo)
    }
}

/// SplitMix64's output function: every bit of the result depends on every bit of `z`.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A hasher for the tables keyed by an `x`-coordinate: the keys are already spread out, so
/// SplitMix's output function is hash enough, and cheaper than the default (SipHash, which
/// guards a server against chosen keys).
#[derive(Default)]
pub struct MixHasher(u64);

impl std::hash::Hasher for MixHasher {
    fn finish(&self) -> u64 {
        mix(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A hash map keyed by an `x`-coordinate.
pub type XMap<V> = HashMap<u64, V, BuildHasherDefault<MixHasher>>;

/// The two algorithms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Baby-step giant-step.
    Bsgs,
    /// Pollard's rho with an r-adding walk and distinguished points.
    Rho,
}

/// One discrete logarithm found.
#[derive(Clone, Debug)]
pub struct Solution {
    /// The logarithm found.
    pub d: u64,
    /// Group operations (point additions) spent on this logarithm.
    pub ops: u64,
    /// Seconds spent on this logarithm.
    pub seconds: f64,
}

/// What a method spends once per curve, whatever the number of logarithms (BSGS's table).
#[derive(Clone, Debug, Default)]
pub struct Setup {
    /// Group operations.
    pub ops: u64,
    /// Seconds.
    pub seconds: f64,
}

/// Solves `Q = d·G` on one curve for each target `Q` (as integers) with a method; the `u64` seeds
/// rho's walk. Returns the per-curve setup cost and the solutions.
pub type Solver = fn(Method, &[(u64, u64)], u64) -> (Setup, Vec<Solution>);

/// A curve of the ladder, its parameters and its solvers (the functions for its type).
pub struct Rung {
    /// The bit length of `p` and of `n`.
    pub bits: u32,
    /// The prime `p`.
    pub p: u64,
    /// `a mod p`.
    pub a: u64,
    /// `b`.
    pub b: u64,
    /// The generator.
    pub g: (u64, u64),
    /// The group order (prime).
    pub n: u64,
    /// `d·G` as integers.
    pub mul_g: fn(u64) -> (u64, u64),
    /// Solves `Q = d·G` for each target `Q` with the method (the seed drives rho's walk).
    pub solve: Solver,
}

fn rung<C: ToyCurve>(bits: u32) -> Rung {
    Rung {
        bits,
        p: C::P,
        a: C::A_INT,
        b: C::B_INT,
        g: C::G_INT,
        n: C::ORDER,
        mul_g: mul_g::<C>,
        solve: solve::<C>,
    }
}

/// The whole ladder.
pub fn ladder() -> Vec<Rung> {
    vec![
        rung::<Ladder16>(16),
        rung::<Ladder20>(20),
        rung::<Ladder24>(24),
        rung::<Ladder28>(28),
        rung::<Ladder32>(32),
        rung::<Ladder36>(36),
        rung::<Ladder40>(40),
        rung::<Ladder44>(44),
        rung::<Ladder48>(48),
    ]
}

fn scalar<C: Curve>(v: u64) -> C::Scalar {
    C::Scalar::from_u64(v)
}

fn ints<C: ToyCurve>(p: &AffinePoint<C>) -> (u64, u64) {
    (teach::value(&p.x()), teach::value(&p.y()))
}

fn mul_g<C: ToyCurve>(d: u64) -> (u64, u64) {
    ints(&AffinePoint::<C>::GENERATOR.mul(&scalar::<C>(d)).to_affine())
}

fn point<C: ToyCurve>((x, y): (u64, u64)) -> AffinePoint<C> {
    let p = AffinePoint::from_coordinates(C::Base::from_u64(x), C::Base::from_u64(y));
    Option::from(p).expect("the target is on the curve")
}

/// One group operation of the walks: `P + M` in affine coordinates, by ecckit's complete
/// projective addition and one (variable-time) inversion to come back to `(x, y)`.
fn add<C: Curve>(p: &AffinePoint<C>, m: &AffinePoint<C>) -> AffinePoint<C> {
    p.to_projective().add_mixed(m).to_affine_vartime()
}

fn solve<C: ToyCurve>(method: Method, targets: &[(u64, u64)], seed: u64) -> (Setup, Vec<Solution>) {
    match method {
        Method::Bsgs => {
            let start = Instant::now();
            let table = BabySteps::<C>::new();
            let setup = Setup {
                ops: table.m,
                seconds: start.elapsed().as_secs_f64(),
            };
            let solutions = targets
                .iter()
                .map(|&q| {
                    let start = Instant::now();
                    let (d, ops) = table.giant_steps(&point::<C>(q));
                    Solution {
                        d,
                        ops,
                        seconds: start.elapsed().as_secs_f64(),
                    }
                })
                .collect();
            (setup, solutions)
        }
        Method::Rho => {
            let mut rng = SplitMix::new(seed);
            let solutions = targets
                .iter()
                .map(|&q| {
                    let start = Instant::now();
                    let (d, ops) = rho::<C>(&point::<C>(q), &mut rng);
                    Solution {
                        d,
                        ops,
                        seconds: start.elapsed().as_secs_f64(),
                    }
                })
                .collect();
            (Setup::default(), solutions)
        }
    }
}

/// Baby-step giant-step (Shanks 1971). With `m = ⌈√n⌉`, every `d < n` is `i·m + j` with
/// `0 ≤ i, j < m`: store the baby steps `j·G` (`m` additions, `m` entries of memory), then walk
/// the giant steps `Q − i·m·G` (`i = 0, 1, …`) until one is in the table: `Q − i·m·G = j·G`.
///
/// The table keys on `x` alone (8 bytes instead of a point), so a hit means `±j·G`; the sign is
/// settled with one multiplication, and either sign gives a logarithm (`i·m + j` or `i·m − j`).
pub struct BabySteps<C: Curve> {
    /// `x(j·G) → j` for `1 ≤ j ≤ m`.
    table: XMap<u32>,
    /// `m = ⌈√n⌉`.
    pub m: u64,
    /// `−m·G`, the giant step.
    giant: AffinePoint<C>,
}

impl<C: ToyCurve> BabySteps<C> {
    /// The table of baby steps: `m` additions of `G`.
    pub fn new() -> Self {
        let n = C::ORDER;
        let m = n.isqrt() + u64::from(n.isqrt().pow(2) < n);
        let g = AffinePoint::<C>::GENERATOR;
        let mut table = XMap::with_capacity_and_hasher(m as usize, Default::default());
        let mut p = g;
        for j in 1..=m {
            table.insert(teach::value(&p.x()), j as u32);
            p = add(&p, &g);
        }
        let giant = -g.mul(&scalar::<C>(m)).to_affine();
        Self { table, m, giant }
    }

    /// The logarithm of `q`, and the number of giant steps taken.
    pub fn giant_steps(&self, q: &AffinePoint<C>) -> (u64, u64) {
        let (n, m) = (C::ORDER, self.m);
        let mut y = *q;
        for i in 0..=m {
            if bool::from(y.is_identity()) {
                return (i * m % n, i + 1);
            }
            if let Some(&j) = self.table.get(&teach::value(&y.x())) {
                let j = j as u64;
                let jg = AffinePoint::<C>::GENERATOR.mul(&scalar::<C>(j)).to_affine();
                let d = if jg == y { i * m + j } else { i * m + n - j };
                return (d % n, i + 1);
            }
            y = add(&y, &self.giant);
        }
        unreachable!("every d < n is i·m ± j with i ≤ m")
    }
}

impl<C: ToyCurve> Default for BabySteps<C> {
    fn default() -> Self {
        Self::new()
    }
}

/// The number of steps of the r-adding walk (Teske, "On random walks for Pollard's rho method",
/// Math. Comp. 70, 2001: with 20 steps the walk behaves like a random one).
const R: usize = 20;

/// Pollard's rho (Pollard, "Monte Carlo methods for index computation (mod p)", Math. Comp. 32,
/// 1978) for `Q = d·G`, with Teske's r-adding walk and the distinguished points of van Oorschot
/// and Wiener ("Parallel collision search with cryptanalytic applications", J. Cryptology 12,
/// 1999). Returns `d` and the number of steps.
///
/// Every point of a walk is a known combination `X = u·G + v·Q`. A step adds one of `R`
/// precomputed points `M_j = a_j·G + b_j·Q`, chosen by a hash of `x(X)`: `X ← X + M_j`,
/// `(u, v) ← (u + a_j, v + b_j)`. The step is a function of the point alone, so two walks that
/// meet go on together from there. A walk stops at its first *distinguished* point (a hash of `x`
/// with `t` chosen bits zero: one point in `2^t`), which is stored with its `(u, v)`, and the
/// next walk starts. By the birthday paradox some walk meets an earlier one after about
/// `√(πn/2)` steps in all, and reaches that walk's distinguished point about `2^t` steps later,
/// with other `(u, v)`: `u1·G + v1·Q = ±(u2·G + v2·Q)`, so `d = (u2 − u1)/(v1 − v2)` for the
/// same point and `d = −(u1 + u2)/(v1 + v2)` for its negative (same `x`, opposite `y`).
///
/// Only the distinguished points are stored (about `√n / 2^t`), and walks share nothing else:
/// the records ran thousands of them in parallel. Here they run one after another, each starting
/// where the previous one started plus a fixed random combination `S` (one addition, instead of
/// a scalar multiplication per walk).
pub fn rho<C: ToyCurve>(q: &AffinePoint<C>, rng: &mut SplitMix) -> (u64, u64) {
    let n = C::ORDER;
    let g = AffinePoint::<C>::GENERATOR;
    let combination = |u: C::Scalar, v: C::Scalar| {
        (AffinePoint::<C>::GENERATOR.mul(&u) + q.mul(&v)).to_affine_vartime()
    };
    let random = |rng: &mut SplitMix| scalar::<C>(rng.range(1, n));
    let mut random_combination = || {
        let (a, b) = (random(rng), random(rng));
        (a, b, combination(a, b))
    };
    let steps: Vec<(C::Scalar, C::Scalar, AffinePoint<C>)> =
        (0..R).map(|_| random_combination()).collect();
    let (s_u, s_v, s) = random_combination();
    let (mut start_u, mut start_v, mut start) = random_combination();
    // One point in 2^t is distinguished: the stored points take about √n / 2^t entries, and a
    // collision is noticed about 2^t steps after it happens.
    let bits = 64 - n.leading_zeros();
    let t = (bits / 4).saturating_sub(2);
    let dp_mask = (1u64 << t) - 1;
    let mut seen: XMap<(C::Scalar, C::Scalar, u64)> = XMap::default();
    let mut total = 0u64;
    loop {
        // One walk, to its first distinguished point; a walk caught in a cycle without one
        // (rare) is abandoned after 20·2^t steps.
        let (mut u, mut v, mut x_point) = (start_u, start_v, start);
        for _ in 0..20 << t {
            let h = mix(teach::value(&x_point.x()));
            if (h >> 32) & dp_mask == 0 {
                let (x, y) = ints(&x_point);
                match seen.get(&x) {
                    Some(&(u2, v2, y2)) => {
                        let (num, den) = if y2 == y {
                            (u2 - u, v - v2)
                        } else {
                            (-(u + u2), v + v2)
                        };
                        if let Some(inv) = Option::<C::Scalar>::from(den.invert()) {
                            let d = teach::value(&(num * inv));
                            if g.mul(&scalar::<C>(d)).to_affine() == *q {
                                return (d, total);
                            }
                        }
                        // A collision that gives no equation (den = 0): go on with new walks.
                    }
                    None => {
                        seen.insert(x, (u, v, y));
                    }
                }
                break;
            }
            let (a, b, m) = &steps[(h % R as u64) as usize];
            x_point = add(&x_point, m);
            u += *a;
            v += *b;
            total += 1;
        }
        start = add(&start, &s);
        start_u += s_u;
        start_v += s_v;
        total += 1;
    }
}

/// The measurements of one method on one curve.
#[derive(Clone, Debug)]
pub struct Row {
    /// The curve's bit length.
    pub bits: u32,
    /// The group order.
    pub n: u64,
    /// The method.
    pub method: Method,
    /// The logarithms to find.
    pub targets: Vec<u64>,
    /// What was found for each.
    pub solutions: Vec<Solution>,
    /// The per-curve cost (BSGS's table).
    pub setup: Setup,
}

impl Row {
    /// Seconds for one logarithm on a fresh curve: the setup plus the mean search.
    pub fn seconds_per_log(&self) -> f64 {
        self.setup.seconds + mean(self.solutions.iter().map(|s| s.seconds))
    }
    /// Group operations for one logarithm on a fresh curve.
    pub fn ops_per_log(&self) -> f64 {
        self.setup.ops as f64 + mean(self.solutions.iter().map(|s| s.ops as f64))
    }
}

fn mean(v: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = v.fold((0.0, 0), |(s, c), x| (s + x, c + 1));
    sum / count as f64
}

/// The least-squares line `y = c + slope·x`: `(slope, c)`.
pub fn least_squares(points: &[(f64, f64)]) -> (f64, f64) {
    let mx = mean(points.iter().map(|p| p.0));
    let my = mean(points.iter().map(|p| p.1));
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let slope = sxy / sxx;
    (slope, my - slope * mx)
}

/// How much to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Curves of 16 to 36 bits: a few seconds.
    Quick,
    /// The whole ladder, 16 to 48 bits.
    Full,
}

/// Logarithms to find per curve and method: more on the small curves, where they are cheap and
/// where rho's spread (its number of steps varies by about half its mean from one logarithm
/// to the next) would otherwise blur the fit.
pub fn targets_for(bits: u32) -> usize {
    match bits {
        0..=32 => 10,
        33..=36 => 6,
        37..=40 => 4,
        _ => 3,
    }
}
/// The rungs below this size are left out of the fits: there the fixed costs (allocating the
/// table, precomputing the walk's steps) weigh as much as the √n operations.
pub const FIT_FROM_BITS: u32 = 24;

/// One log-log fit.
#[derive(Clone, Copy, Debug)]
pub struct Fit {
    /// The exponent of `n`.
    pub slope: f64,
    /// The intercept: `ln(y) = intercept + slope·ln(n)`.
    pub intercept: f64,
}

impl Fit {
    /// The fitted value at `ln(n)`.
    pub fn at(&self, ln_n: f64) -> f64 {
        (self.intercept + self.slope * ln_n).exp()
    }
}

/// Everything the example measures, and the text it prints.
pub struct Report {
    /// One row per curve and method.
    pub rows: Vec<Row>,
    /// `time ∝ n^slope` for BSGS and rho.
    pub time_fits: [Fit; 2],
    /// `operations ∝ n^slope` for BSGS and rho.
    pub ops_fits: [Fit; 2],
    /// Seconds for one step of the walk on P-256 (a point addition and a normalisation), as
    /// measured here.
    pub p256_step_seconds: f64,
    /// The years one core would take for P-256 by the fit of rho's time, extrapolated.
    pub p256_years_fit: f64,
    /// The years by `1.25·√n` steps at the P-256 step time measured here.
    pub p256_years_steps: f64,
    /// What `main` prints.
    pub text: String,
}

/// P-256's group order, as a float (`≈ 2^256`).
pub const P256_N: f64 = 1.157_920_892_103_562_4e77;
/// secp112r1's group order (the ECDLP record of 2009), as a float (`≈ 2^111.8`).
pub const SECP112R1_N: f64 = 4.451_685_225_093_715e33;
/// The point additions of the secp112r1 record (Bos, Kaihara, Kleinjung, Lenstra and Montgomery,
/// 2009): about 8.5·10^16, on more than 200 PlayStation 3 consoles.
pub const SECP112R1_ADDITIONS: f64 = 8.5e16;
/// Seconds in a (Julian) year.
const YEAR: f64 = 365.25 * 86400.0;

/// The GNFS cost `L_N[1/3, (64/9)^(1/3)] = exp((64/9)^(1/3)·(ln N)^(1/3)·(ln ln N)^(2/3))` for a
/// `bits`-bit modulus, as its natural logarithm (the `o(1)` of the exponent dropped: only ratios
/// of these numbers mean something).
pub fn gnfs_ln_cost(bits: f64) -> f64 {
    let ln_n = bits * std::f64::consts::LN_2;
    (64.0f64 / 9.0).cbrt() * ln_n.cbrt() * ln_n.ln().powf(2.0 / 3.0)
}

/// RSA-250 (829 bits), factored in February 2020 with about 2,700 core-years (Boudot, Gaudry,
/// Guillevic, Heninger, Thomé, Zimmermann): the calibration of the GNFS estimates.
pub const RSA250_BITS: f64 = 829.0;
/// See [`RSA250_BITS`].
pub const RSA250_CORE_YEARS: f64 = 2700.0;

/// Runs the ladder and writes the text; with `echo`, also prints it as it goes (the full run
/// takes a minute).
pub fn run(mode: Mode, echo: bool) -> Report {
    let max_bits = match mode {
        Mode::Quick => 36,
        Mode::Full => 48,
    };
    let mut text = String::new();
    let mut printed = 0;
    let mut flush = |text: &String| {
        if echo {
            use std::io::Write as _;
            print!("{}", &text[printed..]);
            std::io::stdout().flush().ok();
            printed = text.len();
        }
    };
    writeln!(
        text,
        "The ECDLP: find d from Q = d·G, on prime-order curves y² = x³ − 3x + c of 16 to {max_bits} bits.\n\
         Random d, 3 to 10 per curve and method; one core; ops = point additions: baby and giant \
         steps for\nBSGS (its table counted in full for each logarithm), steps of the walk for rho.\n"
    )
    .unwrap();
    writeln!(
        text,
        "bits  n                  method  ops/log (mean)   ops/√n   time/log   found"
    )
    .unwrap();
    let mut rng = SplitMix::new(2009);
    let mut rows = Vec::new();
    for rung in ladder().iter().filter(|r| r.bits <= max_bits) {
        let count = targets_for(rung.bits);
        let targets: Vec<u64> = (0..count).map(|_| rng.range(1, rung.n)).collect();
        let points: Vec<(u64, u64)> = targets.iter().map(|&d| (rung.mul_g)(d)).collect();
        for method in [Method::Bsgs, Method::Rho] {
            let (setup, solutions) = (rung.solve)(method, &points, rng.next_u64());
            let row = Row {
                bits: rung.bits,
                n: rung.n,
                method,
                targets: targets.clone(),
                solutions,
                setup,
            };
            let found = row
                .solutions
                .iter()
                .zip(&row.targets)
                .filter(|(s, d)| s.d == **d)
                .count();
            writeln!(
                text,
                "{:>4}  {:<17}  {:<6}  {:>14.0}   {:>6.2}   {:>8}   {found}/{}",
                rung.bits,
                rung.n,
                match method {
                    Method::Bsgs => "BSGS",
                    Method::Rho => "rho",
                },
                row.ops_per_log(),
                row.ops_per_log() / (rung.n as f64).sqrt(),
                seconds(row.seconds_per_log()),
                count
            )
            .unwrap();
            flush(&text);
            rows.push(row);
        }
    }

    // The fits, on the rungs where the √n work dominates.
    let fit = |method: Method, y: fn(&Row) -> f64| {
        let points: Vec<(f64, f64)> = rows
            .iter()
            .filter(|r| r.method == method && r.bits >= FIT_FROM_BITS)
            .map(|r| ((r.n as f64).ln(), y(r).ln()))
            .collect();
        let (slope, intercept) = least_squares(&points);
        Fit { slope, intercept }
    };
    let time_fits = [
        fit(Method::Bsgs, Row::seconds_per_log),
        fit(Method::Rho, Row::seconds_per_log),
    ];
    let ops_fits = [
        fit(Method::Bsgs, Row::ops_per_log),
        fit(Method::Rho, Row::ops_per_log),
    ];
    writeln!(
        text,
        "\nLeast squares of ln(time) on ln(n), curves of {FIT_FROM_BITS} bits and more:\n   \
         BSGS: time ∝ n^{:.2}   rho: time ∝ n^{:.2}   (operations: n^{:.2} and n^{:.2})",
        time_fits[0].slope, time_fits[1].slope, ops_fits[0].slope, ops_fits[1].slope
    )
    .unwrap();
    paragraph(
        &mut text,
        "Both grow as √n: one more bit of n costs √2 ≈ 1.41 times the work. BSGS also needs √n \
         memory (x(j·G) → j for j ≤ ⌈√n⌉: 2^24 entries, about half a gigabyte, at 48 bits), and \
         once its table outgrows the processor's caches its time grows faster than its \
         operations. Rho needs almost no memory; record computations use it, with many walks in \
         parallel that share their distinguished points.",
    );
    flush(&text);

    // P-256: the fit extrapolated, and √n steps at the cost of a P-256 step measured here.
    let p256_step_seconds = p256_step_seconds();
    // Steps per √n, pooled over every logarithm rho found on the fitted curves (for a random
    // walk, theory says √(π/2) ≈ 1.25).
    let rho_ops_ratio = mean(
        rows.iter()
            .filter(|r| r.method == Method::Rho && r.bits >= FIT_FROM_BITS)
            .flat_map(|r| {
                let root = (r.n as f64).sqrt();
                r.solutions.iter().map(move |s| s.ops as f64 / root)
            }),
    );
    let p256_ops = rho_ops_ratio * P256_N.sqrt();
    let p256_years_fit = time_fits[1].at(P256_N.ln()) / YEAR;
    let p256_years_steps = p256_ops * p256_step_seconds / YEAR;
    let record_years = SECP112R1_ADDITIONS * p256_step_seconds / YEAR;
    writeln!(
        text,
        "\nExtrapolated to P-256 (n ≈ 2^256, so √n ≈ 2^128 ≈ 3.4·10^38), one core:\n   \
         by rho's fitted line, time ∝ n^{:.2}: {:.1e} years\n   \
         by {rho_ops_ratio:.2}·√n steps at {} per P-256 step: {:.1e} years",
        time_fits[1].slope,
        p256_years_fit,
        seconds(p256_step_seconds),
        p256_years_steps,
    )
    .unwrap();
    paragraph(
        &mut text,
        "The second is the better estimate: it keeps theory's exponent 1/2 and measures only \
         the constants, the steps per √n on the curves above (theory for a random walk: \
         √(π/2) ≈ 1.25) and the time of one step of the walk on P-256 here. A fitted exponent \
         off by 0.05 moves the first by a factor 2^(0.05·220) ≈ 2000. Either way: the \
         universe is 1.4·10^10 years old, and a million cores running for all of it would \
         give 1.4·10^16 core-years.",
    );
    writeln!(text).unwrap();
    paragraph(
        &mut text,
        &format!(
            "The record for a prime-order curve: secp112r1 (n ≈ 2^111.8), solved in 2009 by \
             Pollard's rho with about 8.5·10^16 point additions on more than 200 PlayStation 3 \
             consoles (January to July, on and off; 3.5 months of continuous running). \
             {rho_ops_ratio:.2}·√n for that n is {:.1e} steps; at the P-256 step time above, \
             {record_years:.0} years on one core here (an upper bound: a 112-bit field is cheaper \
             than P-256's). P-256 needs 2^{:.0} times as many operations as that record.",
            rho_ops_ratio * SECP112R1_N.sqrt(),
            ((P256_N / SECP112R1_N).sqrt()).log2()
        ),
    );
    flush(&text);

    // RSA: the GNFS cost beside the ECDLP's, at NIST SP 800-57's pairs of equal strength.
    let rsa250 = gnfs_ln_cost(RSA250_BITS);
    writeln!(text).unwrap();
    paragraph(
        &mut text,
        "RSA falls to a faster, sub-exponential attack: the general number field sieve, in time \
         L_N[1/3, (64/9)^(1/3)] = exp((64/9)^(1/3)·(ln N)^(1/3)·(ln ln N)^(2/3)). RSA-250 (829 \
         bits) took about 2,700 core-years in 2020. Scaled from it (o(1) dropped, so read orders \
         of magnitude), at NIST SP 800-57's levels:",
    );
    writeln!(
        text,
        "\n   security  ECC key  ECDLP work   core-years*   RSA key  GNFS work   core-years"
    )
    .unwrap();
    for (security, ecc_bits, rsa_bits) in [
        (80, 160, 1024),
        (112, 224, 2048),
        (128, 256, 3072),
        (192, 384, 7680),
        (256, 512, 15360),
    ] {
        let ecc_ops_log2 = ecc_bits as f64 / 2.0 + (std::f64::consts::PI / 4.0).sqrt().log2();
        let ecc_years = ecc_ops_log2.exp2() * p256_step_seconds / YEAR;
        let ln_l = gnfs_ln_cost(rsa_bits as f64);
        let rsa_years = RSA250_CORE_YEARS * (ln_l - rsa250).exp();
        writeln!(
            text,
            "   {security:>8}  {ecc_bits:>7}  2^{ecc_ops_log2:<9.1}  {ecc_years:>11.1e}   \
             {rsa_bits:>7}  2^{:<8.1}  {rsa_years:>10.1e}",
            ln_l / std::f64::consts::LN_2
        )
        .unwrap();
    }
    paragraph(
        &mut text,
        "* ECC: √(πn/4) steps (rho with the negation map, as the records count) at this \
         example's P-256 step time, one core, for every size; RSA: scaled from the RSA-250 \
         record. Compare down the columns rather than across: at each level the two attacks cost \
         about as much, within the few orders of magnitude these estimates carry, for keys of \
         very different sizes.",
    );
    writeln!(text).unwrap();
    paragraph(
        &mut text,
        "The ECDLP work doubles with every 2 bits of the key: exponential, 2^(b/2). The GNFS work \
         grows as exp(c·b^(1/3)·(ln b)^(2/3)): each bit of an RSA key buys less and less. So \
         equal strength needs RSA keys far longer than curves, and the gap widens: from 128 to \
         256 bits of security the curve doubles (256 → 512 bits) while the RSA modulus grows \
         five-fold (3072 → 15360). No sub-exponential attack is known on the ECDLP of a \
         well-chosen curve: index calculus, which powers the number field sieve, has no \
         counterpart there. `cargo run --release --example ecc_vs_rsa` measures what the \
         difference costs in key sizes and speed.",
    );
    flush(&text);

    Report {
        rows,
        time_fits,
        ops_fits,
        p256_step_seconds,
        p256_years_fit,
        p256_years_steps,
        text,
    }
}

/// The time of one step of the walk on P-256 (a mixed addition and a normalisation to affine),
/// the median of a few batches.
fn p256_step_seconds() -> f64 {
    use ecckit::curves::NistP256;
    let g = AffinePoint::<NistP256>::GENERATOR;
    let m = ProjectivePoint::<NistP256>::GENERATOR.double().to_affine();
    let mut x = g;
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..2000 {
                x = x.to_projective().add_mixed(&m).to_affine_vartime();
            }
            start.elapsed().as_secs_f64() / 2000.0
        })
        .collect();
    assert!(!bool::from(x.is_identity()));
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Appends `words` wrapped to 100 columns, indented by three spaces.
fn paragraph(text: &mut String, words: &str) {
    const WIDTH: usize = 100;
    let mut line = String::from("  ");
    for word in words.split_whitespace() {
        if line.chars().count() + 1 + word.chars().count() > WIDTH {
            writeln!(text, "{line}").unwrap();
            line = String::from("  ");
        }
        line.push(' ');
        line.push_str(word);
    }
    writeln!(text, "{line}").unwrap();
}

/// A duration with a unit.
fn seconds(s: f64) -> String {
    if s < 1e-3 {
        format!("{:.1} µs", s * 1e6)
    } else if s < 1.0 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{s:.2} s")
    }
}

#[allow(dead_code)] // the tests include this file for `run`
fn main() {
    let mode = if std::env::args().any(|a| a == "--quick") {
        Mode::Quick
    } else {
        Mode::Full
    };
    let start = Instant::now();
    run(mode, true);
    println!("\n(total {:.1} s)", start.elapsed().as_secs_f64());
}
