#!/usr/bin/env bash
# Run claimlint over the Reuters corpus, each file with its manifest date as --reference-date,
# and over the BBC corpus without a date. Prints one JSON document per batch to stdout
# (concatenated); summarise with jq or a script of your own.
#
# Usage: scripts/corpus-by-date.sh [CORPUS_DIR] [CLAIMLINT_BIN]
#   CORPUS_DIR defaults to ../shared/corpus (relative to the repo root); skips cleanly if absent.
#   CLAIMLINT_BIN defaults to target/release/claimlint (build it first: cargo build --release).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/corpus}"
bin="${2:-$root/target/release/claimlint}"
if [ ! -d "$corpus/reuters" ]; then
  echo "no corpus at $corpus; skipping" >&2
  exit 0
fi
# Reuters: group files by date, one claimlint call per date.
tail -n +2 "$corpus/reuters/manifest.tsv" | sort -t $'\t' -k2,2 |
  awk -F'\t' -v dir="$corpus/reuters" '
    $2 != d { if (d != "") print d "\t" files; d = $2; files = "" }
    { files = files " " dir "/" $1 }
    END { if (d != "") print d "\t" files }' |
  while IFS=$'\t' read -r date files; do
    # shellcheck disable=SC2086
    "$bin" check --reference-date "$date" --format json --fail-on never $files
  done
# BBC: no date.
if [ -d "$corpus/bbc" ]; then
  find "$corpus/bbc" -name '*.txt' -print0 | sort -z |
    xargs -0 -n 500 "$bin" check --format json --fail-on never
fi
