//! ECC vs RSA at equal security (NIST SP 800-57 Part 1 Rev. 5, Table 2).
//!
//! ```sh
//! cargo run --release --example ecc_vs_rsa                 # a few minutes
//! cargo run --release --example ecc_vs_rsa -- --quick      # under a minute
//! cargo run --release --example ecc_vs_rsa -- --full       # adds RSA-7680/15360 key generation
//! cargo run --release --example ecc_vs_rsa -- --json target/ecc_vs_rsa.json --svg chart.svg
//! ```
//!
//! For each security level (80, 112, 128, 192, 256 bits) it prints ECC (`ecckit`'s P-224, P-256,
//! secp256k1, P-384, P-521) beside RSA (the pure-Rust `rsa` crate at 1024, 2048, 3072, 7680,
//! 15360 bits): key and signature sizes; key generation, signing (ECDSA / PKCS#1 v1.5 with
//! SHA-256) and verification; key establishment (ECDH / RSA-OAEP key transport). Times are the
//! median of repeated runs, with operations per second and the RSA/ECC ratio. It also draws the
//! chart (SVG) and can write the rows as JSON.
//!
//! RSA-7680 and RSA-15360 keys are loaded from `vectors/rsa/` (generating them takes minutes);
//! their generation is timed only with `--full`.

#[path = "ecc_vs_rsa/chart.rs"]
mod chart;
#[path = "ecc_vs_rsa/measure.rs"]
mod measure;
#[path = "ecc_vs_rsa/report.rs"]
mod report;

use indicatif::{ProgressBar, ProgressStyle};
use measure::{ECC_STEPS, Mode, RSA_STEPS, measure_curve, measure_rsa};
use report::{Algorithm, LEVELS, Row, render_report, rows_json};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
Usage: cargo run --release --example ecc_vs_rsa -- [OPTIONS]

Compares ECC (ecckit) with RSA (the rsa crate) at NIST SP 800-57 security levels.

Options:
  --quick        short measurements: the whole run takes under a minute
  --full         also time RSA-7680 and RSA-15360 key generation (many minutes)
  --json PATH    write the rows as a JSON list of objects
  --svg PATH     where to draw the chart (default: target/ecc_vs_rsa.svg)
  --no-svg       do not draw the chart
  -h, --help     this text";

/// Parsed command line.
#[derive(Debug)]
struct Options {
    mode: Mode,
    json: Option<PathBuf>,
    svg: Option<PathBuf>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        mode: Mode::Default,
        json: None,
        svg: Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/ecc_vs_rsa.svg")),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .filter(|v| !v.starts_with("--"))
                .map(PathBuf::from)
                .ok_or(format!("{name} needs a PATH"))
        };
        match arg.as_str() {
            "--quick" if options.mode == Mode::Full => return Err("--quick with --full".into()),
            "--full" if options.mode == Mode::Quick => return Err("--quick with --full".into()),
            "--quick" => options.mode = Mode::Quick,
            "--full" => options.mode = Mode::Full,
            "--json" => options.json = Some(value("--json")?),
            "--svg" => options.svg = Some(value("--svg")?),
            "--no-svg" => options.svg = None,
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Some(options))
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if cfg!(debug_assertions) {
        eprintln!("warning: this is a debug build; the figures mean little without --release");
    }
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(options: &Options) -> Result<(), Box<dyn std::error::Error>> {
    let mode = options.mode;
    let started = Instant::now();
    let algorithms = Algorithm::all();
    let steps: u64 = algorithms
        .iter()
        .map(|a| match a {
            Algorithm::Ecc(_) => ECC_STEPS,
            Algorithm::Rsa(_) => RSA_STEPS,
        })
        .sum();
    let progress = ProgressBar::new(steps).with_style(
        ProgressStyle::with_template("{elapsed:>4} [{bar:32}] {pos:>2}/{len} {wide_msg}")?
            .progress_chars("=> "),
    );
    progress.enable_steady_tick(std::time::Duration::from_millis(200));

    // ECC first (fast), then RSA by size.
    let mut rows: Vec<Row> = Vec::new();
    for a in algorithms.iter().filter(|a| matches!(a, Algorithm::Ecc(_))) {
        if let Algorithm::Ecc(curve) = a {
            rows.push(measure_curve(*curve, mode, &progress));
        }
    }
    for a in &algorithms {
        if let Algorithm::Rsa(bits) = a {
            rows.push(measure_rsa(*bits, mode, &progress)?);
        }
    }
    progress.finish_and_clear();
    // Back in level order.
    rows.sort_by_key(|r| algorithms.iter().position(|a| *a == r.algorithm));

    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "ECC (ecckit) vs RSA (rsa crate 0.10) at NIST SP 800-57 security levels — mode {}, {elapsed:.0} s",
        mode.name()
    );
    println!(
        "ECDSA: each curve's standard hash and RFC 6979 nonces. RSA: PKCS#1 v1.5 signatures with SHA-256,\n\
         OAEP-SHA-256 key transport, private-key operations blinded."
    );
    println!("RSA key generation runs: {}.", keygen_counts(mode));
    println!(
        "RSA-{} and RSA-{} keys are loaded from vectors/rsa/ (PKCS#8 PEM made by OpenSSL){}.\n",
        LEVELS[3].rsa_bits,
        LEVELS[4].rsa_bits,
        if mode == Mode::Full {
            ";\ntheir generation is timed as well"
        } else {
            "; their generation\nis not timed without --full"
        }
    );
    print!("{}", render_report(&rows));

    if let Some(path) = &options.json {
        create_parent(path)?;
        std::fs::write(path, rows_json(&rows) + "\n")?;
        println!("\nJSON: {}", path.display());
    }
    if let Some(path) = &options.svg {
        create_parent(path)?;
        let subtitle = format!(
            "ecckit vs the rsa crate, mode {}; at 128 bits P-256 is drawn (secp256k1 is in the table)",
            mode.name()
        );
        chart::draw(path, &rows, &subtitle)?;
        println!("\nChart: {}", path.display());
    }
    Ok(())
}

/// "1024: 5–21, 2048: 3–11, …": how many RSA key generations each figure may take.
fn keygen_counts(mode: Mode) -> String {
    LEVELS
        .iter()
        .filter_map(|l| {
            mode.rsa_keygen_plan(l.rsa_bits).map(|p| {
                if p.min_runs == p.max_runs {
                    format!("{}: {}", l.rsa_bits, p.min_runs)
                } else {
                    format!("{}: {}–{}", l.rsa_bits, p.min_runs, p.max_runs)
                }
            })
        })
        .collect::<Vec<_>>()
        .join(", ")
        + "\n(the first number always, up to the second while a time budget lasts; n in the table)"
}

fn create_parent(path: &std::path::Path) -> std::io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
}
