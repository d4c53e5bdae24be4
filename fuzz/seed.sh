#!/usr/bin/env bash
# Writes the fuzz targets' seed corpora into fuzz/corpus/<target>/: Wycheproof's ECDSA and ECDH
# vectors and keys, points and signatures made with ecckit, for all five curves.
#
#   fuzz/seed.sh                 # every seed (thousands per decoder target)
#   fuzz/seed.sh --max 300       # at most 300 per target (what .ci/fuzz uses)
#   fuzz/seed.sh /tmp/corpus     # into /tmp/corpus/<target>/ instead
#
# The seed tool is the `seed_corpus` binary of the fuzz crate, built by cargo-fuzz with the same
# flags as the targets so that the build is shared with `cargo fuzz run`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fuzz build --sanitizer none seed_corpus
host="$(rustc -vV | sed -n 's/^host: //p')"
exec "fuzz/target/$host/release/seed_corpus" "$@"
