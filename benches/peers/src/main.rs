//! # ecckit-peers: ecckit against RustCrypto, dalek, AWS-LC and libsecp256k1, side by side
//!
//! ```text
//! cargo run --release -p ecckit-peers                 # about 2 minutes
//! cargo run --release -p ecckit-peers -- --quick      # a few seconds (smoke test)
//! cargo run --release -p ecckit-peers -- --json peers.json --curve p256 --curve ed25519
//! valgrind --tool=callgrind target/release/ecckit-peers --curve p256 --repeat AWS-LC ecdh 100
//! ```
//!
//! Up to four operations per curve, each on the same inputs for every library (same secret key
//! bytes, same message, same peer public key, same signature to verify); a curve has those of its
//! scheme ([`contender::Scheme`]):
//!
//! | operation | what one call does |
//! |---|---|
//! | public key | secret-key bytes (an Ed25519 seed) → public key → its bytes (SEC1 uncompressed; 32 bytes for X25519 and Ed25519) |
//! | sign | message → signature, hashing included (SHA-256 / SHA-384 / SHA-512 as the curve's standard; SHA-512 inside Ed25519) |
//! | verify | message + decoded signature (DER bytes for AWS-LC's ECDSA, 64 bytes for its Ed25519: its API takes bytes) + decoded public key → accept |
//! | ecdh | peer's public-key bytes → decoded (and, on the ECDSA curves, validated) point → shared secret with a decoded static secret key |
//!
//! Curves and contenders: P-256, P-384, P-521 (all four operations) — ecckit, RustCrypto
//! (`p256`, `p384`, `p521`), AWS-LC (`aws-lc-rs`); secp256k1 (all four) — ecckit, RustCrypto
//! (`k256`), libsecp256k1 (`secp256k1`); X25519 (public key, ecdh) and Ed25519 (public key, sign,
//! verify) — ecckit, dalek (`x25519-dalek`, `ed25519-dalek`), AWS-LC (`aws-lc-rs`). ECDSA signing
//! is deterministic (RFC 6979) for ecckit, RustCrypto and libsecp256k1, and randomized for AWS-LC
//! (each library's default); Ed25519 is deterministic in all three. What exactly each library's
//! calls are is documented in its module ([`ecckit_side`], [`rustcrypto`], [`dalek`],
//! [`aws_lc`], [`libsecp256k1`]).
//!
//! Before timing, every curve is checked: all libraries derive the same public key; on a curve
//! that signs, every library accepts every other's signature (and the deterministic ones produce
//! identical signatures) and rejects a tampered one; on a curve with a key agreement, all compute
//! the same shared secret. A disagreement panics.
//!
//! Timing ([`harness`]): per (curve, operation) the contenders run alternately in one process —
//! a batch of each in turn, the order rotating every round — and the table shows each
//! contender's median time per call over the rounds and the ratio ecckit ÷ peer (< 1: ecckit is
//! faster). Quote ratios rather than absolute times: the development machines are shared.
//!
//! ## System packages
//!
//! `aws-lc-sys` builds AWS-LC from C and assembly source; `secp256k1-sys` builds libsecp256k1 from C.
//! On Linux x86-64 and aarch64 both use the `cc` crate and need only a C toolchain: on Debian,
//! `apt-get install -y gcc libc6-dev` (or `build-essential`; `clang` works too). `aws-lc-sys` falls
//! back to CMake (`apt-get install -y cmake`) where its `cc` builder does not apply (other targets,
//! `AWS_LC_SYS_CMAKE_BUILDER=1`, no-asm or sanitizer builds); FIPS builds also need Go and Perl.
//! No bindgen/libclang is needed: its bindings are pregenerated for these targets.
//!
//! This crate is a workspace member outside `default-members`, so a plain `cargo test` or
//! `cargo build` at the root never builds the peers; they are never dependencies of ecckit.

mod aws_lc;
mod contender;
mod dalek;
mod ecckit_side;
mod harness;
mod libsecp256k1;
mod rustcrypto;

use contender::{Contender, Inputs, Scheme};
use ecckit::curves::Curve;
use ecckit::ecdsa::{EcdsaCurve, Signature, SigningKey};
use ecckit::keys::SecretKey;
use ecckit::{ed25519, x25519};
use ecckit::{p256::NistP256, p384::NistP384, p521::NistP521, secp256k1::Secp256k1};
use harness::{Clock, Plan, Stats};
use sha2::{Digest, Sha512};
use std::fmt::Write as _;
use std::time::Instant;

/// The message every library signs and verifies.
const MESSAGE: &[u8] = b"ecckit-peers: one message, signed and verified by every library alike";

/// The curves, in table order.
const CURVES: [&str; 6] = ["P-256", "P-384", "P-521", "secp256k1", "X25519", "Ed25519"];

/// Crates whose resolved versions the header prints (read from the workspace's Cargo.lock).
const VERSIONED: [&str; 11] = [
    "p256",
    "p384",
    "p521",
    "k256",
    "aws-lc-rs",
    "aws-lc-sys",
    "secp256k1",
    "secp256k1-sys",
    "x25519-dalek",
    "ed25519-dalek",
    "curve25519-dalek",
];

/// The workspace's lock file, for the versions in the header.
const CARGO_LOCK: &str = include_str!("../../../Cargo.lock");

struct Options {
    quick: bool,
    wall_clock: bool,
    json: Option<String>,
    curves: Vec<&'static str>,
    /// `--repeat LIBRARY OPERATION N`: no timing, the one operation `N` times (for callgrind).
    repeat: Option<(String, String, u64)>,
}

fn usage() -> ! {
    eprintln!(
        "usage: cargo run --release -p ecckit-peers -- [--quick] [--json PATH] [--curve NAME]...\n\
         \n\
         --quick       a few seconds instead of about 2 minutes (smoke test)\n\
         --json PATH   also write all figures as JSON to PATH\n\
         --curve NAME  only this curve (p256, p384, p521, secp256k1, x25519, ed25519);\n\
                       repeatable\n\
         --wall-clock  time batches by wall time instead of the thread's CPU time\n\
         --repeat LIBRARY OPERATION N\n\
                       no timing: after the checks, call one library's operation (public-key,\n\
                       sign, verify, ecdh) N times on the first --curve (default p256), for\n\
                       instruction counts:\n\
                       valgrind --tool=callgrind, then (Ir(N) - Ir(0)) / N"
    );
    std::process::exit(2)
}

fn parse_args() -> Options {
    let mut options = Options {
        quick: false,
        wall_clock: false,
        json: None,
        curves: Vec::new(),
        repeat: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--wall-clock" => options.wall_clock = true,
            "--json" => options.json = Some(args.next().unwrap_or_else(|| usage())),
            "--repeat" => {
                let mut next = || args.next().unwrap_or_else(|| usage());
                let (library, operation) = (next(), next());
                let n = next().parse().unwrap_or_else(|_| usage());
                options.repeat = Some((library, operation, n));
            }
            "--curve" => {
                let name = args.next().unwrap_or_else(|| usage());
                let curve = CURVES
                    .iter()
                    .find(|c| name_key(c) == name_key(&name))
                    .unwrap_or_else(|| usage());
                options.curves.push(curve);
            }
            _ => usage(),
        }
    }
    if options.curves.is_empty() {
        options.curves = CURVES.to_vec();
    }
    options
}

/// `len` deterministic bytes from a label, as a valid private key for every library: the top
/// bits are cleared so that the value is below the group order (P-521 keeps 1 bit of its top byte,
/// the 256- and 384-bit curves 7 bits).
fn key_bytes(label: &str, curve: &str, len: usize) -> Vec<u8> {
    let mut out = label_bytes(label, curve, len);
    out[0] &= if len == 66 { 0x01 } else { 0x7f };
    out
}

/// `len` deterministic bytes from a label (SHA-512 in counter mode).
fn label_bytes(label: &str, curve: &str, len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 64);
    let mut counter = 0u8;
    while out.len() < len {
        let mut h = Sha512::new();
        h.update(b"ecckit-peers ");
        h.update(label.as_bytes());
        h.update(curve.as_bytes());
        h.update([counter]);
        out.extend_from_slice(&h.finalize());
        counter += 1;
    }
    out.truncate(len);
    out
}

/// The shared inputs of curve `C`: secret, peer public key (by ecckit, checked through ECDH by
/// every peer) and the signature every library verifies (ecckit's, checked by every peer).
fn inputs<C: EcdsaCurve>(curve: &'static str, len: usize) -> Inputs {
    let secret = key_bytes("secret", curve, len);
    let peer = SecretKey::<C>::from_bytes(&key_bytes("peer", curve, len))
        .unwrap_or_else(|e| panic!("{curve}: ecckit rejects the peer's secret key: {e:?}"));
    let signing_key = SigningKey::<C>::from_bytes(&secret)
        .unwrap_or_else(|e| panic!("{curve}: ecckit rejects the secret key: {e:?}"));
    Inputs {
        curve,
        scheme: Scheme::EcdsaEcdh,
        peer_public: peer.public_key().to_sec1_bytes(false).to_vec(),
        signature: signing_key.sign(MESSAGE).to_bytes().to_vec(),
        secret,
        msg: MESSAGE,
    }
}

/// The X25519 inputs: 32 secret bytes (every string is a key: the libraries clamp it) and the
/// peer's public key, by ecckit (checked through the shared secret by every peer).
fn x25519_inputs(curve: &'static str) -> Inputs {
    let peer = x25519::SecretKey::from_bytes(&label_bytes("peer", curve, 32)).expect("32 bytes");
    Inputs {
        curve,
        scheme: Scheme::KeyAgreement,
        secret: label_bytes("secret", curve, 32),
        peer_public: peer.public_key().to_bytes().to_vec(),
        msg: MESSAGE,
        signature: Vec::new(),
    }
}

/// The Ed25519 inputs: a 32-byte seed and ecckit's signature of the message (every peer's
/// signature must equal it: Ed25519 is deterministic).
fn ed25519_inputs(curve: &'static str) -> Inputs {
    let seed = label_bytes("secret", curve, 32);
    let signing_key = ed25519::SigningKey::from_bytes(&seed).expect("32 bytes");
    Inputs {
        curve,
        scheme: Scheme::Signature,
        signature: signing_key.sign(MESSAGE).to_bytes().to_vec(),
        secret: seed,
        peer_public: Vec::new(),
        msg: MESSAGE,
    }
}

/// Fixed `r ‖ s` to DER, with ecckit's encoder.
fn fixed_to_der<C: Curve>(fixed: &[u8]) -> Vec<u8> {
    Signature::<C>::from_bytes(fixed)
        .expect("ecckit's own signature")
        .to_der()
        .as_bytes()
        .to_vec()
}

/// Strict DER to fixed `r ‖ s`, with ecckit's decoder.
fn der_to_fixed<C: Curve>(der: &[u8]) -> Option<Vec<u8>> {
    Signature::<C>::from_der(der)
        .ok()
        .map(|s| s.to_bytes().to_vec())
}

/// The inputs and contenders of one curve, ecckit first.
fn setup(curve: &'static str) -> (Inputs, Vec<Contender>) {
    match curve {
        "P-256" => {
            let i = inputs::<NistP256>(curve, 32);
            let der = fixed_to_der::<NistP256>(&i.signature);
            let c = vec![
                ecckit_side::contender::<NistP256>(&i),
                rustcrypto::p256::contender(&i),
                aws_lc::contender(&i, &aws_lc::P256, der, der_to_fixed::<NistP256>),
            ];
            (i, c)
        }
        "P-384" => {
            let i = inputs::<NistP384>(curve, 48);
            let der = fixed_to_der::<NistP384>(&i.signature);
            let c = vec![
                ecckit_side::contender::<NistP384>(&i),
                rustcrypto::p384::contender(&i),
                aws_lc::contender(&i, &aws_lc::P384, der, der_to_fixed::<NistP384>),
            ];
            (i, c)
        }
        "P-521" => {
            let i = inputs::<NistP521>(curve, 66);
            let der = fixed_to_der::<NistP521>(&i.signature);
            let c = vec![
                ecckit_side::contender::<NistP521>(&i),
                rustcrypto::p521::contender(&i),
                aws_lc::contender(&i, &aws_lc::P521, der, der_to_fixed::<NistP521>),
            ];
            (i, c)
        }
        "secp256k1" => {
            let i = inputs::<Secp256k1>(curve, 32);
            let c = vec![
                ecckit_side::contender::<Secp256k1>(&i),
                rustcrypto::k256::contender(&i),
                libsecp256k1::contender(&i),
            ];
            (i, c)
        }
        "X25519" => {
            let i = x25519_inputs(curve);
            let c = vec![
                ecckit_side::x25519(&i),
                dalek::x25519(&i),
                aws_lc::x25519(&i),
            ];
            (i, c)
        }
        "Ed25519" => {
            let i = ed25519_inputs(curve);
            let c = vec![
                ecckit_side::ed25519(&i),
                dalek::ed25519(&i),
                aws_lc::ed25519(&i),
            ];
            (i, c)
        }
        _ => unreachable!("unknown curve {curve}"),
    }
}

/// One (curve, operation): each library's figures, ecckit first.
struct Row {
    curve: &'static str,
    operation: &'static str,
    results: Vec<(&'static str, Stats)>,
}

fn main() {
    let started = Instant::now();
    let options = parse_args();
    let mut plan = if options.quick {
        Plan::QUICK
    } else {
        Plan::DEFAULT
    };
    if options.wall_clock {
        plan.clock = Clock::Wall;
    }
    if let Some((library, operation, n)) = &options.repeat {
        repeat(options.curves[0], library, operation, *n);
        return;
    }
    let versions = versions();
    println!(
        "ecckit-peers ({} mode): median µs per call ({}), libraries measured alternately in one \
         process",
        if options.quick { "quick" } else { "default" },
        plan.clock.name(),
    );
    println!("peers: {versions}");
    println!("cpu: {} ({} threads)", cpu_model(), cpu_count());
    if cfg!(debug_assertions) {
        println!("WARNING: debug build; run with --release for meaningful figures");
    }

    let mut rows = Vec::new();
    for &curve in &options.curves {
        let (inputs, mut contenders) = setup(curve);
        contender::check(&inputs, &contenders);
        eprintln!(
            "{curve}: libraries agree ({}); measuring {}",
            match inputs.scheme {
                Scheme::EcdsaEcdh => "public key, signatures, ECDH",
                Scheme::KeyAgreement => "public key, shared secret",
                Scheme::Signature => "public key, signatures",
            },
            contenders
                .iter()
                .map(|c| c.name)
                .collect::<Vec<_>>()
                .join(", ")
        );
        for (i, &operation) in inputs.scheme.operations().iter().enumerate() {
            let mut fns: Vec<&mut dyn FnMut()> = contenders
                .iter_mut()
                .map(|c| &mut *c.ops[i].1 as &mut dyn FnMut())
                .collect();
            let stats = harness::measure(&mut fns, &plan);
            let row = Row {
                curve,
                operation: operation.name(),
                results: contenders.iter().map(|c| c.name).zip(stats).collect(),
            };
            eprintln!("  {}", row_summary(&row));
            rows.push(row);
        }
    }

    println!();
    print!("{}", table(&rows));
    println!(
        "ratio = ecckit time ÷ peer time (< 1: ecckit faster). ECDSA signing: ecckit, RustCrypto \
         and libsecp256k1 deterministic (RFC 6979), AWS-LC randomized; Ed25519 deterministic in \
         all three."
    );
    let total = started.elapsed().as_secs_f64();
    if let Some(path) = &options.json {
        let json = to_json(&rows, options.quick, plan.clock, &versions, total);
        std::fs::write(path, json).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
        println!("JSON written to {path}");
    }
    println!("total {total:.1} s");
}

/// A name as the options match it: case, hyphens and spaces ignored (`P-256` = `p256`,
/// `AWS-LC` = `aws-lc`, `public key` = `public-key`).
fn name_key(s: &str) -> String {
    s.to_ascii_lowercase().replace(['-', ' '], "")
}

/// `--repeat`: one library's operation `n` times on `curve`, after the cross-checks, with no
/// timing, so that an instruction count of the process (less that of `n = 0`) is the operation's.
fn repeat(curve: &'static str, library: &str, operation: &str, n: u64) {
    let (inputs, mut contenders) = setup(curve);
    contender::check(&inputs, &contenders);
    let Some(contender) = contenders
        .iter_mut()
        .find(|c| name_key(c.name) == name_key(library))
    else {
        usage()
    };
    let Some((_, op)) = contender
        .ops
        .iter_mut()
        .find(|(o, _)| name_key(o.name()) == name_key(operation))
    else {
        usage()
    };
    for _ in 0..n {
        op();
    }
    eprintln!("{curve}: {} {operation} × {n}", contender.name);
}

/// One progress line.
fn row_summary(row: &Row) -> String {
    let parts: Vec<String> = row
        .results
        .iter()
        .map(|(name, s)| format!("{name} {:.1} µs ({} rounds)", s.median / 1e3, s.rounds))
        .collect();
    format!("{:<10} {}", row.operation, parts.join(", "))
}

/// The table: one block per curve, medians in µs and ratios ecckit ÷ peer.
fn table(rows: &[Row]) -> String {
    let mut out = String::new();
    let mut current = "";
    for (i, row) in rows.iter().enumerate() {
        let names: Vec<&str> = row.results.iter().map(|(n, _)| *n).collect();
        let widths: Vec<usize> = names.iter().map(|n| n.len().max(8) + 2).collect();
        let ratio_names: Vec<String> = names[1..].iter().map(|n| format!("ecckit/{n}")).collect();
        if row.curve != current {
            current = row.curve;
            let _ = write!(out, "{:<12}", row.curve);
            for (n, w) in names.iter().zip(&widths) {
                let _ = write!(out, "{n:>w$}");
            }
            for r in &ratio_names {
                let _ = write!(out, "{:>w$}", r, w = r.len() + 3);
            }
            out.push('\n');
        }
        let _ = write!(out, "{:<12}", row.operation);
        for ((_, s), w) in row.results.iter().zip(&widths) {
            let _ = write!(out, "{:>w$.1}", s.median / 1e3);
        }
        let ecckit = row.results[0].1.median;
        for ((_, s), r) in row.results[1..].iter().zip(&ratio_names) {
            let _ = write!(out, "{:>w$.2}", ecckit / s.median, w = r.len() + 3);
        }
        out.push('\n');
        // A blank line closes each curve's block.
        if rows.get(i + 1).is_none_or(|next| next.curve != row.curve) {
            out.push('\n');
        }
    }
    out
}

/// All figures as JSON (hand-written: every string here is a plain ASCII name).
fn to_json(rows: &[Row], quick: bool, clock: Clock, versions: &str, total_seconds: f64) -> String {
    let unix_time = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut out = String::new();
    let _ = writeln!(out, "{{");
    let _ = writeln!(out, "  \"tool\": \"ecckit-peers\",");
    let _ = writeln!(
        out,
        "  \"mode\": \"{}\",",
        if quick { "quick" } else { "default" }
    );
    let _ = writeln!(out, "  \"clock\": \"{}\",", clock.name());
    let _ = writeln!(out, "  \"unix_time\": {unix_time},");
    let _ = writeln!(out, "  \"total_seconds\": {total_seconds:.1},");
    let _ = writeln!(out, "  \"peers\": \"{versions}\",");
    let _ = writeln!(out, "  \"cpu\": \"{}\",", cpu_model().replace('"', "'"));
    let _ = writeln!(out, "  \"unit\": \"microseconds per call\",");
    let _ = writeln!(out, "  \"rows\": [");
    for (i, row) in rows.iter().enumerate() {
        let ecckit = row.results[0].1.median;
        let _ = writeln!(out, "    {{");
        let _ = writeln!(out, "      \"curve\": \"{}\",", row.curve);
        let _ = writeln!(out, "      \"operation\": \"{}\",", row.operation);
        let _ = writeln!(out, "      \"results\": [");
        for (j, (name, s)) in row.results.iter().enumerate() {
            let _ = write!(
                out,
                "        {{\"library\": \"{name}\", \"median_us\": {:.3}, \"q1_us\": {:.3}, \
                 \"q3_us\": {:.3}, \"min_us\": {:.3}, \"rounds\": {}, \"batch\": {}, \
                 \"ecckit_over_this\": {:.4}}}",
                s.median / 1e3,
                s.q1 / 1e3,
                s.q3 / 1e3,
                s.min / 1e3,
                s.rounds,
                s.batch,
                ecckit / s.median
            );
            let _ = writeln!(out, "{}", if j + 1 < row.results.len() { "," } else { "" });
        }
        let _ = writeln!(out, "      ]");
        let _ = writeln!(out, "    }}{}", if i + 1 < rows.len() { "," } else { "" });
    }
    let _ = writeln!(out, "  ]");
    let _ = writeln!(out, "}}");
    out
}

/// `name version` of each peer crate, from the lock file.
fn versions() -> String {
    let mut found = Vec::new();
    let mut lines = CARGO_LOCK.lines();
    while let Some(line) = lines.next() {
        let Some(name) = line
            .strip_prefix("name = \"")
            .and_then(|s| s.strip_suffix('"'))
        else {
            continue;
        };
        if !VERSIONED.contains(&name) {
            continue;
        }
        if let Some(version) = lines
            .next()
            .and_then(|l| l.strip_prefix("version = \""))
            .and_then(|s| s.strip_suffix('"'))
        {
            found.push(format!("{name} {version}"));
        }
    }
    found.sort_by_key(|s| {
        let name = s.split(' ').next().unwrap_or("");
        VERSIONED.iter().position(|v| *v == name)
    });
    found.join(", ")
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_string())
}

fn cpu_count() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
