//! The command line of the comparison, shared by the pure-Rust example
//! (`cargo run --release --example ecc_vs_rsa`) and the C-backed binary of `benches/peers`
//! (`cargo run --release -p ecckit-peers --bin ecc_vs_rsa`), which adds AWS-LC's rows through a
//! [`Backend`]: options, the measuring loop, the printed report, the JSON, the chart and
//! `--update-docs`.

use crate::chart;
use crate::measure::{
    ECC_STEPS, Mode, RSA_STEPS, WALL_CLOCK, clock_name, measure_curve, measure_rsa,
};
use crate::report::provenance::Provenance;
use crate::report::{
    Algorithm, Contender, LEVELS, Library, Report, Row, contenders, display_position,
    render_report, render_sample, replace_readme_sample, repo_root, report_json,
};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The command that regenerates the committed chart, JSON and README sample.
pub const UPDATE_DOCS_COMMAND: &str =
    "cargo run --release -p ecckit-peers --bin ecc_vs_rsa -- --update-docs";

/// The command that adds AWS-LC's rows.
pub const C_BACKED_COMMAND: &str = "cargo run --release -p ecckit-peers --bin ecc_vs_rsa";

/// The workspace's lock file, for the libraries' versions.
const CARGO_LOCK: &str = include_str!("../../Cargo.lock");

/// The version of package `name` in `Cargo.lock` (the first one listed).
pub fn lock_version(name: &str) -> Option<String> {
    let mut lines = CARGO_LOCK.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{name}\"") {
            return lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
                .map(String::from);
        }
    }
    None
}

/// A library measured beside the pure-Rust ones (AWS-LC in `benches/peers`).
pub struct Backend {
    /// The library; its rows are those of [`crate::report::CONTENDERS`].
    pub library: Library,
    /// How it is built and called, e.g. `"aws-lc-sys 0.47.0"`.
    pub version: String,
    /// A paragraph for the report's introduction: what is called, and what is not possible.
    pub note: String,
    /// Progress-bar steps for one algorithm.
    pub steps: fn(Algorithm) -> u64,
    /// Measures one algorithm.
    pub measure: fn(Algorithm, Mode, &ProgressBar) -> Result<Row, String>,
}

/// One program's setup: its command line and its extra libraries.
pub struct Program {
    /// How it is run, for the usage text.
    pub command: &'static str,
    /// Extra libraries (none for the pure-Rust example).
    pub backends: Vec<Backend>,
    /// `rustc --version` recorded by the build script, if it ran.
    pub rustc: Option<&'static str>,
}

impl Program {
    fn libraries(&self) -> Vec<Library> {
        let mut all = Library::RUST.to_vec();
        all.extend(self.backends.iter().map(|b| b.library));
        all
    }

    fn c_backed(&self) -> bool {
        self.backends.iter().any(|b| b.library == Library::AwsLc)
    }

    fn usage(&self) -> String {
        let libraries = if self.c_backed() {
            "ecckit and AWS-LC (ECC), the rsa crate and AWS-LC (RSA)"
        } else {
            "ecckit (ECC) and the rsa crate (RSA); AWS-LC is added by\n`cargo run --release -p ecckit-peers --bin ecc_vs_rsa` (needs a C compiler)"
        };
        format!(
            "Usage: {} -- [OPTIONS]\n\n\
             Compares {libraries}\n\
             at the NIST SP 800-57 security levels.\n\n\
             Options:\n  \
             --quick        short measurements: the whole run takes about a minute\n  \
             --full         also time RSA-7680 and RSA-15360 key generation (many minutes)\n  \
             --json PATH    write the report as JSON (provenance, rows, ratios, cost to break)\n  \
             --svg PATH     where to draw the chart (default: target/ecc_vs_rsa.svg)\n  \
             --no-svg       do not draw the chart\n  \
             --wall-clock   time runs by wall time instead of the thread's CPU time\n  \
             --update-docs  write docs/ecc_vs_rsa.svg, docs/ecc_vs_rsa.json and the README's\n                 \
             sample block (C-backed run only: the docs show AWS-LC too)\n  \
             -h, --help     this text",
            self.command
        )
    }
}

/// Parsed command line.
#[derive(Debug)]
pub struct Options {
    /// How long to measure.
    pub mode: Mode,
    /// Where to write the JSON.
    pub json: Option<PathBuf>,
    /// Where to draw the chart.
    pub svg: Option<PathBuf>,
    /// Rewrite the committed chart, JSON and README sample.
    pub update_docs: bool,
    /// Time runs by wall time.
    pub wall_clock: bool,
}

/// Parses the arguments after `--`; `Ok(None)` for `--help`.
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        mode: Mode::Default,
        json: None,
        svg: Some(repo_root().join("target").join("ecc_vs_rsa.svg")),
        update_docs: false,
        wall_clock: false,
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
            "--update-docs" => options.update_docs = true,
            "--wall-clock" => options.wall_clock = true,
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if options.update_docs && options.mode == Mode::Quick {
        return Err("--update-docs records default (or --full) measurements, not --quick".into());
    }
    Ok(Some(options))
}

/// The program's `main`.
pub fn main(program: Program) -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{}", program.usage());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}\n\n{}", program.usage());
            return ExitCode::from(2);
        }
    };
    if options.update_docs && !program.c_backed() {
        eprintln!(
            "error: the README's sample and docs/ecc_vs_rsa.svg show AWS-LC's rows too; regenerate \
             them with\n  {UPDATE_DOCS_COMMAND}\n(it needs a C compiler: see benches/peers/README.md)"
        );
        return ExitCode::from(2);
    }
    WALL_CLOCK.store(options.wall_clock, std::sync::atomic::Ordering::Relaxed);
    if cfg!(debug_assertions) {
        eprintln!("warning: this is a debug build; the figures mean little without --release");
    }
    match run(&program, &options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Progress-bar steps of one row.
fn steps(program: &Program, contender: Contender) -> u64 {
    match contender.library {
        Library::Ecckit => ECC_STEPS,
        Library::RsaCrate => RSA_STEPS,
        other => program
            .backends
            .iter()
            .find(|b| b.library == other)
            .map_or(0, |b| (b.steps)(contender.algorithm)),
    }
}

/// Measures one row.
fn measure(
    program: &Program,
    contender: Contender,
    mode: Mode,
    progress: &ProgressBar,
) -> Result<Row, String> {
    match (contender.library, contender.algorithm) {
        (Library::Ecckit, Algorithm::Ecc(curve)) => Ok(measure_curve(curve, mode, progress)),
        (Library::RsaCrate, Algorithm::Rsa(bits)) => measure_rsa(bits, mode, progress),
        (library, algorithm) => {
            let backend = program
                .backends
                .iter()
                .find(|b| b.library == library)
                .ok_or(format!("no backend for {}", contender.name()))?;
            (backend.measure)(algorithm, mode, progress)
        }
    }
}

fn run(program: &Program, options: &Options) -> Result<(), Box<dyn std::error::Error>> {
    let mode = options.mode;
    let started = Instant::now();
    let root = repo_root();
    let mut libraries = vec![
        (
            "ecckit".to_string(),
            lock_version("ecckit").unwrap_or("unknown".into()),
        ),
        (
            "rsa crate".to_string(),
            lock_version("rsa").unwrap_or("unknown".into()),
        ),
    ];
    libraries.extend(
        program
            .backends
            .iter()
            .map(|b| (b.library.name().to_string(), b.version.clone())),
    );
    let provenance = Provenance::gather(&root, mode.name(), program.rustc, libraries);

    // ECC first (fast), then RSA by size; each algorithm's libraries one after the other.
    let mut order = contenders(&program.libraries());
    order.sort_by_key(|c| {
        (
            matches!(c.algorithm, Algorithm::Rsa(_)),
            display_position(*c),
        )
    });
    let total: u64 = order.iter().map(|c| steps(program, *c)).sum();
    let progress = ProgressBar::new(total).with_style(
        ProgressStyle::with_template("{elapsed:>4} [{bar:32}] {pos:>2}/{len} {wide_msg}")?
            .progress_chars("=> "),
    );
    progress.enable_steady_tick(std::time::Duration::from_millis(200));
    let mut rows: Vec<Row> = Vec::new();
    for contender in order {
        rows.push(measure(program, contender, mode, &progress)?);
    }
    progress.finish_and_clear();
    rows.sort_by_key(|r| display_position(r.contender()));

    let report = Report { provenance, rows };
    let intro = intro(program, mode, started.elapsed().as_secs_f64());
    print!("{}", render_report(&report, &intro));
    if !program.c_backed() {
        println!(
            "\nAWS-LC's rows (C and assembly; needs a C compiler): {C_BACKED_COMMAND} -- [same options]"
        );
    }

    if let Some(path) = &options.json {
        write(path, &(report_json(&report) + "\n"))?;
        println!("\nJSON: {}", path.display());
    }
    if let Some(path) = &options.svg {
        create_parent(path)?;
        chart::draw(path, &report)?;
        println!("\nChart: {}", path.display());
    }
    if options.update_docs {
        update_docs(&root, &report)?;
    }
    Ok(())
}

/// Writes `docs/ecc_vs_rsa.svg`, `docs/ecc_vs_rsa.json` and the README's sample block.
fn update_docs(root: &Path, report: &Report) -> Result<(), Box<dyn std::error::Error>> {
    let svg = root.join("docs").join("ecc_vs_rsa.svg");
    chart::draw(&svg, report)?;
    let json = root.join("docs").join("ecc_vs_rsa.json");
    write(&json, &(report_json(report) + "\n"))?;
    let readme_path = root.join("README.md");
    let readme = std::fs::read_to_string(&readme_path)
        .map_err(|e| format!("reading {}: {e}", readme_path.display()))?;
    write(
        &readme_path,
        &replace_readme_sample(&readme, &render_sample(report))?,
    )?;
    println!(
        "\nUpdated {}, {} and the sample block of {}",
        svg.display(),
        json.display(),
        readme_path.display()
    );
    Ok(())
}

/// What was measured and how, under the provenance.
fn intro(program: &Program, mode: Mode, seconds: f64) -> String {
    let mut out = format!(
        "Measured in {seconds:.0} s; runs timed by {}.\nECDSA: each curve's standard hash; ecckit signs with RFC 6979 \
         nonces{}.\nRSA: PKCS#1 v1.5 signatures with SHA-256, OAEP-SHA-256 key transport, \
         private-key operations blinded.\n",
        clock_name(),
        if program.c_backed() {
            ", AWS-LC with random ones"
        } else {
            ""
        }
    );
    out.push_str(&format!(
        "RSA key generation runs: {}.\n",
        keygen_counts(mode)
    ));
    out.push_str(&format!(
        "RSA-{} and RSA-{} keys are loaded from vectors/rsa/ (PKCS#8 PEM made by OpenSSL){}.\n",
        LEVELS[3].rsa_bits,
        LEVELS[4].rsa_bits,
        if mode == Mode::Full {
            ";\ntheir generation is timed as well"
        } else {
            ";\ntheir generation is not timed without --full"
        }
    ));
    for backend in &program.backends {
        out.push_str(&backend.note);
        if !backend.note.ends_with('\n') {
            out.push('\n');
        }
    }
    out
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

fn create_parent(path: &Path) -> std::io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    create_parent(path)
        .map_err(|e| format!("creating the directory of {}: {e}", path.display()))?;
    std::fs::write(path, text).map_err(|e| format!("writing {}: {e}", path.display()))
}
