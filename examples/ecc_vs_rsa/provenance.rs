//! Where and when the figures were measured: the commit, the date, the CPU, the core count, the
//! Rust version and the libraries. Gathering never fails: what cannot be found is `"unknown"`.

use std::path::Path;
use std::process::Command;

/// The context of one run, recorded in the printed report, the JSON and the chart's subtitle.
#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    /// `git rev-parse --short=12 HEAD`, with `-dirty` when tracked files differ from it, or
    /// `"unknown"` outside a git checkout.
    pub commit: String,
    /// The start of the run, UTC: `"2026-12-05 14:02 UTC"`.
    pub date_utc: String,
    /// `/proc/cpuinfo`'s "model name" (or the architecture where there is none).
    pub cpu: String,
    /// Hardware threads available to the process.
    pub cores: usize,
    /// The compiler that built the program: `"1.91.0 (f8297e351 2025-10-28)"`.
    pub rustc: String,
    /// The measurement mode: `"default"`, `"--quick"`, `"--full"`.
    pub mode: String,
    /// `(library, version)` for every library in the rows: `("rsa crate", "0.10.0")`,
    /// `("AWS-LC", "aws-lc-sys 0.47.0")`.
    pub libraries: Vec<(String, String)>,
}

impl Provenance {
    /// Gathers everything for a run in `mode` of a checkout at `root`, compiled by `rustc`
    /// (the build script's `rustc --version`, if it ran).
    pub fn gather(
        root: &Path,
        mode: &str,
        rustc: Option<&str>,
        libraries: Vec<(String, String)>,
    ) -> Provenance {
        Provenance {
            commit: git_commit(root),
            date_utc: utc_now(),
            cpu: cpu_model(),
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            rustc: rustc
                .map(String::from)
                .or_else(runtime_rustc)
                .map(|v| v.trim().trim_start_matches("rustc ").to_string())
                .unwrap_or_else(|| "unknown".into()),
            mode: mode.to_string(),
            libraries,
        }
    }

    /// `commit … · date … · cpu … · cores … · rustc … · mode …`: one field per fact, each
    /// starting with its name (the chart's subtitle and the report's second line).
    pub fn line(&self) -> String {
        format!(
            "commit {} · date {} · cpu {} · cores {} · rustc {} · mode {}",
            self.commit, self.date_utc, self.cpu, self.cores, self.rustc, self.mode
        )
    }

    /// `"ecckit 0.1.0, rsa crate 0.10.0, AWS-LC (aws-lc-sys 0.47.0)"`.
    pub fn libraries_text(&self) -> String {
        self.libraries
            .iter()
            .map(|(name, version)| {
                if version.contains(' ') {
                    format!("{name} ({version})")
                } else {
                    format!("{name} {version}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Runs `program args…` in `dir` and returns its trimmed standard output if it succeeded.
fn output(program: &str, args: &[&str], dir: &Path) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The checked-out commit, `-dirty` if tracked files have changes, or `"unknown"`.
pub fn git_commit(root: &Path) -> String {
    let Some(commit) = output("git", &["rev-parse", "--short=12", "HEAD"], root) else {
        return "unknown".into();
    };
    let dirty = output(
        "git",
        &["status", "--porcelain", "--untracked-files=no"],
        root,
    )
    .is_some_and(|s| !s.is_empty());
    if dirty {
        format!("{commit}-dirty")
    } else {
        commit
    }
}

/// The CPU model from `/proc/cpuinfo` (`model name`, or `Model`/`cpu model` on some ARM and MIPS
/// kernels), else the architecture.
pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines().find_map(|line| {
                let (key, value) = line.split_once(':')?;
                let key = key.trim();
                (matches!(key, "model name" | "Model" | "cpu model") && !value.trim().is_empty())
                    .then(|| value.split_whitespace().collect::<Vec<_>>().join(" "))
            })
        })
        .unwrap_or_else(|| format!("unknown {} CPU", std::env::consts::ARCH))
}

/// `rustc --version` now, for a build whose build script did not record it.
fn runtime_rustc() -> Option<String> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    output(&rustc, &["--version"], Path::new("."))
}

/// The current time as `"YYYY-MM-DD HH:MM UTC"`.
pub fn utc_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    utc_date(secs)
}

/// Seconds since 1970-01-01 00:00 UTC as `"YYYY-MM-DD HH:MM UTC"` (proleptic Gregorian).
pub fn utc_date(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64;
    let minutes = (unix_seconds % 86_400) / 60;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        minutes / 60,
        minutes % 60
    )
}

/// The Gregorian date `days` after 1970-01-01. Counts in 400-year eras of 146,097 days that
/// start on 1 March, so that the leap day falls at the end of a year.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097); // 0..=146_096
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153; // 0 = March … 11 = February
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
