//! ECC vs RSA at equal security (NIST SP 800-57 Part 1 Rev. 5, Table 2), pure Rust.
//!
//! ```sh
//! cargo run --release --example ecc_vs_rsa                 # a few minutes
//! cargo run --release --example ecc_vs_rsa -- --quick      # about a minute
//! cargo run --release --example ecc_vs_rsa -- --full       # adds RSA-7680/15360 key generation
//! cargo run --release --example ecc_vs_rsa -- --json target/ecc_vs_rsa.json --svg chart.svg
//! ```
//!
//! For each security level (80, 112, 128, 192, 256 bits) it prints ECC (`ecckit`'s P-224, P-256,
//! secp256k1, P-384, P-521) beside RSA (the pure-Rust `rsa` crate at 1024, 2048, 3072, 7680,
//! 15360 bits): key and signature sizes; key generation, signing (ECDSA / PKCS#1 v1.5 with
//! SHA-256) and verification; key establishment (ECDH / RSA-OAEP key transport); the RSA/ECC
//! ratios; and the cost to break each size with the best known attack. Times are the median of
//! repeated runs. It also draws the chart (SVG) and can write everything as JSON, with the run's
//! provenance (commit, date, CPU, cores, Rust version).
//!
//! The same report with AWS-LC's RSA and ECC beside these (C and assembly, so it needs a C
//! compiler) comes from `cargo run --release -p ecckit-peers --bin ecc_vs_rsa`, which also
//! regenerates the committed chart and README sample (`-- --update-docs`).
//!
//! RSA-7680 and RSA-15360 keys are loaded from `vectors/rsa/` (generating them takes minutes);
//! their generation is timed only with `--full`.

#[path = "ecc_vs_rsa/chart.rs"]
mod chart;
#[path = "ecc_vs_rsa/cli.rs"]
mod cli;
#[path = "ecc_vs_rsa/measure.rs"]
mod measure;
#[path = "ecc_vs_rsa/report.rs"]
mod report;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main(cli::Program {
        command: "cargo run --release --example ecc_vs_rsa",
        backends: Vec::new(),
        rustc: option_env!("ECCKIT_RUSTC_VERSION"),
    })
}
