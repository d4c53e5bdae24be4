//! Constant-time check for ecckit, the method of libsecp256k1's `ctime_tests`.
//!
//! Run under valgrind memcheck. Secret inputs (private keys, nonces' sources, scalars, field
//! elements, RNG output) are marked *undefined* with a client request; memcheck then reports every
//! branch ("Conditional jump or move depends on uninitialised value(s)") and every memory address
//! ("Use of uninitialised value") computed from them. Results are marked defined again only where
//! they become public (public keys, signatures, validity bits).
//!
//! ```text
//! ecckit-ct-check [check [ROUNDS]]   the checks (ROUNDS random inputs per operation, default 8, plus edge cases)
//! ecckit-ct-check control            a deliberately leaky function: memcheck must flag it
//! ```
//!
//! `.ci/ct-check` builds this in release mode and runs both under
//! `valgrind --error-exitcode=42`: the checks must pass cleanly, the control must fail with 42.

mod checks;
mod checks25519;
mod valgrind;

use checks::{Counts, Inputs, OPERATIONS, check_curve};
use ecckit::ecdsa::EcdsaCurve;
use std::hint::black_box;
use std::process::ExitCode;

/// Runs the checks for one curve and prints what ran.
fn run<C: EcdsaCurve>(inputs: &mut Inputs, rounds: usize, done: &mut Vec<(&'static str, Counts)>) {
    let counts = check_curve::<C>(inputs, rounds);
    for (op, n) in OPERATIONS.iter().zip(counts) {
        println!("  {:<8} {op:<30} {n:>3} inputs", C::NAME);
    }
    done.push((C::NAME, counts));
}

/// Random inputs per operation and curve (edge cases come on top). Under valgrind, 8 rounds of all
/// five curves take about 25 s of CPU time.
const DEFAULT_ROUNDS: usize = 8;

fn check(rounds: usize) -> ExitCode {
    let on_valgrind = valgrind::running_on_valgrind();
    if !on_valgrind {
        println!("note: not running under valgrind: results are checked, constant time is not");
    }
    let mut inputs = Inputs::new(0x6563_636b_6974_2d63); // "ecckit-c"
    let mut done = Vec::new();
    // One line per curve in `ecckit::curves`.
    run::<ecckit::curves::NistP256>(&mut inputs, rounds, &mut done);
    run::<ecckit::curves::Secp256k1>(&mut inputs, rounds, &mut done);
    run::<ecckit::curves::NistP224>(&mut inputs, rounds, &mut done);
    run::<ecckit::curves::NistP384>(&mut inputs, rounds, &mut done);
    run::<ecckit::curves::NistP521>(&mut inputs, rounds, &mut done);
    // Curve25519 (X25519 and Ed25519), its own set of operations.
    let counts25519 = checks25519::check_curve25519(&mut inputs, rounds);
    for (op, n) in checks25519::OPERATIONS.iter().zip(counts25519) {
        println!("  {:<8} {op:<38} {n:>3} inputs", "25519");
    }

    let names: Vec<_> = done.iter().map(|(name, _)| *name).collect();
    let runs: usize = done.iter().flat_map(|(_, counts)| counts).sum::<usize>()
        + counts25519.iter().sum::<usize>();
    println!(
        "ct-check: {} curve(s) ({}) × {} operations and Curve25519 × {} operations, {runs} runs \
         with secrets marked undefined{}",
        names.len(),
        names.join(", "),
        OPERATIONS.len(),
        checks25519::OPERATIONS.len(),
        if on_valgrind {
            ""
        } else {
            " (NOT under valgrind)"
        },
    );
    ExitCode::SUCCESS
}

/// Called on one side of a secret-dependent branch; not inlined, so the branch cannot become a
/// conditional move.
#[inline(never)]
fn branch_taken(count: &mut u32) {
    *count = black_box(*count + 1);
}

/// The control: code that leaks on purpose, to show that the harness detects leaks. It branches on
/// a secret bit and reads a table at a secret index; memcheck must report both.
fn control() -> ExitCode {
    if !valgrind::running_on_valgrind() {
        eprintln!("control: not running under valgrind, so nothing can detect the leak");
        return ExitCode::from(2);
    }
    static TABLE: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut i = 0;
        while i < 256 {
            t[i] = (i as u8).wrapping_mul(167).wrapping_add(13);
            i += 1;
        }
        t
    };
    let mut secret = [0x5au8, 0xc3, 0x17, 0x80];
    valgrind::classify(&mut secret);

    // Leak 1: a branch on a secret bit.
    let mut odd = 0u32;
    for &byte in &secret {
        if black_box(byte) & 1 == 1 {
            branch_taken(&mut odd);
        }
    }
    // Leak 2: a memory address computed from a secret byte (a cache-timing leak).
    let mut looked_up = black_box(&TABLE)[black_box(secret[1]) as usize];

    valgrind::declassify(&mut odd);
    valgrind::declassify(&mut looked_up);
    println!(
        "control: {odd} odd secret bytes, table entry {looked_up:#04x} (memcheck must have reported both)"
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["check"] => check(DEFAULT_ROUNDS),
        ["check", rounds] => match rounds.parse() {
            Ok(rounds) => check(rounds),
            Err(_) => usage(),
        },
        ["control"] => control(),
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: ecckit-ct-check [check [ROUNDS] | control]");
    ExitCode::from(2)
}
