#!/usr/bin/env bash
# Prints callgrind instruction counts per operation (keygen, sign, verify, ECDH) for each curve
# (P-224, P-256, P-384, P-521, secp256k1), measured on the `profile` example.
#
#   scripts/callgrind-counts.sh                   # table on stdout
#   scripts/callgrind-counts.sh counts.txt        # also written to counts.txt
#   CALLGRIND_N=51 scripts/callgrind-counts.sh    # more iterations per measurement (default 21)
#
# Each (curve, op) runs `valgrind --tool=callgrind` twice, with 1 and with N iterations of the
# operation, and reports (Ir(N) − Ir(1)) / (N − 1): the set-up (key derivation, the one signature
# that `verify` checks, process start) cancels, leaving the instructions of one operation.
# Callgrind counts are deterministic, so two checkouts can be compared on a busy machine.
#
# Needs valgrind. Builds `cargo build --release --example profile` into `$CARGO_TARGET_DIR`
# (default `target`, relative to the checkout root). Run from any directory; it measures the
# checkout that contains this script.
set -euo pipefail

curves=(P-224 P-256 P-384 P-521 secp256k1)
ops=(keygen sign verify ecdh)
n="${CALLGRIND_N:-21}"

if [[ $# -gt 1 || "${1:-}" == -* ]]; then
    echo "usage: $0 [output-file]" >&2
    exit 2
fi
if [[ ! "$n" =~ ^[0-9]+$ || "$n" -lt 2 ]]; then
    echo "$0: CALLGRIND_N must be an integer >= 2, got '$n'" >&2
    exit 2
fi
command -v valgrind >/dev/null || { echo "$0: valgrind not found" >&2; exit 1; }

# Resolve the output path before leaving the caller's directory.
out=""
if [[ $# -eq 1 ]]; then
    out="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
fi

cd "$(dirname "$0")/.."
target_dir="${CARGO_TARGET_DIR:-target}"
cargo build --release --example profile >&2
profile="$target_dir/release/examples/profile"

# Prints the instruction count ("Collected : N") of `profile <curve> <op> <iterations>`.
instructions() {
    local log
    log="$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$profile" "$@" 2>&1 >/dev/null)" || {
        echo "$0: profile $* failed:" >&2
        echo "$log" >&2
        return 1
    }
    sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' <<<"$log" | grep . || {
        echo "$0: no 'Collected :' line for profile $*" >&2
        return 1
    }
}

report() {
    echo "# ecckit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' (dirty)'), $(rustc --version), $(valgrind --version)"
    echo "# instructions per operation = (Ir($n) - Ir(1)) / $((n - 1)), callgrind, profile example"
    printf '%-10s %-7s %14s\n' curve op instructions
    for curve in "${curves[@]}"; do
        for op in "${ops[@]}"; do
            one="$(instructions "$curve" "$op" 1)"
            many="$(instructions "$curve" "$op" "$n")"
            printf '%-10s %-7s %14d\n' "$curve" "$op" $(((many - one + (n - 1) / 2) / (n - 1)))
        done
    done
}

if [[ -n "$out" ]]; then
    report | tee "$out"
else
    report
fi
