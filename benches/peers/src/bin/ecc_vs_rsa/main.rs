//! The ECC-vs-RSA report with AWS-LC's rows beside the pure-Rust ones: RSA from AWS-LC beside the
//! `rsa` crate, ECDSA/ECDH from AWS-LC beside ecckit, every ratio against both.
//!
//! ```sh
//! cargo run --release -p ecckit-peers --bin ecc_vs_rsa                  # a few minutes
//! cargo run --release -p ecckit-peers --bin ecc_vs_rsa -- --quick       # about a minute
//! cargo run --release -p ecckit-peers --bin ecc_vs_rsa -- --update-docs # the committed chart,
//!                                                                        # JSON and README sample
//! ```
//!
//! The report, the measuring loop and the options are those of `examples/ecc_vs_rsa.rs` (the
//! same files, included below); this program adds the AWS-LC rows ([`aws_lc`]). Building it
//! compiles AWS-LC from C, so it needs a C compiler (see `benches/peers/README.md`).

#[path = "../../../../../examples/ecc_vs_rsa/chart.rs"]
mod chart;
#[path = "../../../../../examples/ecc_vs_rsa/cli.rs"]
mod cli;
#[path = "../../../../../examples/ecc_vs_rsa/measure.rs"]
mod measure;
#[path = "../../../../../examples/ecc_vs_rsa/report.rs"]
mod report;

mod aws_lc;

use std::process::ExitCode;

fn main() -> ExitCode {
    let version = cli::lock_version("aws-lc-sys").unwrap_or_else(|| "unknown".into());
    cli::main(cli::Program {
        command: "cargo run --release -p ecckit-peers --bin ecc_vs_rsa",
        backends: vec![cli::Backend {
            library: report::Library::AwsLc,
            version: format!("aws-lc-sys {version}"),
            note: aws_lc::NOTE.to_string(),
            steps: aws_lc::steps,
            measure: aws_lc::measure,
        }],
        rustc: option_env!("ECCKIT_RUSTC_VERSION"),
    })
}
