#!/bin/sh
# Run the evaluation harness (examples/eval) on the research corpus; see docs/evaluation.md.
# Usage: scripts/eval.sh [CORPUS] [SEED] [JSON] [SYNTHETIC]
# SYNTHETIC: synthetic articles per kind from our own templates (default 200; 0 = off).
set -eu
corpus=${1:-../shared/corpus}
seed=${2:-1}
json=${3:-/tmp/claimlint-eval.json}
synthetic=${4:-200}
if [ ! -d "$corpus" ]; then
    echo "corpus folder $corpus not found: evaluation skipped"
    exit 0
fi
cargo build --release --example eval
exec ./target/release/examples/eval --corpus "$corpus" --seed "$seed" --json "$json" --synthetic "$synthetic"
