#!/usr/bin/env bash
# Fuzz claimlint's input readers and the whole check with cargo-fuzz (libFuzzer, nightly
# toolchain), one target at a time, one process each, seeded from fixtures/.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET defaults to 600; TARGETs default to: plain markdown html json check
# Installs cargo-fuzz (crates.io) when it is missing; needs `rustup toolchain install nightly`.
# Working corpora grow in fuzz/corpus/<target> (git-ignored); crashes land in
# fuzz/artifacts/<target>/ and make the script exit 1. A summary line per target (executions,
# seconds, crashes) goes to stdout and to fuzz/summary.txt.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
secs="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(plain markdown html json check)
if ! command -v cargo-fuzz >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/cargo-fuzz" ]; then
  cargo install cargo-fuzz --locked || { echo "fuzz: cannot install cargo-fuzz" >&2; exit 2; }
fi
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz: needs a nightly toolchain (rustup toolchain install nightly); skipping" >&2
  exit 0
fi
cd "$root"
# Seeds: every fixture; the check target's first byte picks the reader (plain, markdown, html,
# json, ndjson = 0..4), so its seeds are the fixtures prefixed by their format's byte.
seed() {
  local target="$1" dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  local f ext byte n=0
  while IFS= read -r -d '' f; do
    ext="${f##*.}"
    n=$((n + 1))
    case "$target" in
      plain) [ "$ext" = txt ] || [ "$ext" = text ] || continue ;;
      markdown) [ "$ext" = md ] || [ "$ext" = txt ] || continue ;;
      html) [ "$ext" = html ] || [ "$ext" = txt ] || continue ;;
      json) [ "$ext" = ndjson ] || [ "$ext" = json ] || continue ;;
    esac
    if [ "$target" = check ]; then
      case "$ext" in md) byte='\x01' ;; html) byte='\x02' ;; json) byte='\x03' ;; ndjson) byte='\x04' ;; *) byte='\x00' ;; esac
      { printf "$byte"; cat "$f"; } >"$dir/seed-$n"
    else
      cp "$f" "$dir/seed-$n"
    fi
  done < <(find fixtures -type f -print0 | sort -z)
  if [ "$target" = json ]; then
    # JSON seeds of our own: an object, an array of records, NDJSON lines.
    printf '{"headline":"Talks end on Tuesday","body":"GENEVA, Feb 27 - Talks ended on Monday, February 27, 2024.\\n\\nThree ministers attended."}' >"$dir/seed-object"
    printf '[{"id":"a","title":"Two ministers resign","text":"Three ministers resigned: Ann, Bo and Cy."},{"title":"x"}]' >"$dir/seed-array"
    printf '{"headline":"A","body":"On Tuesday, 27 February 2024."}\n{"headline":"B"}\nnot json\n' >"$dir/seed-ndjson"
  fi
}
status=0
: >fuzz/summary.txt
for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "fuzz/artifacts/$t"
  log="fuzz/$t.log"
  echo "fuzz: $t for ${secs}s (log $log)" >&2
  start=$(date +%s)
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" \
    -rss_limit_mb=4096 -max_len=65536 -timeout=30 >"$log" 2>&1
  rc=$?
  end=$(date +%s)
  if grep -q "failed to build fuzz script" "$log"; then
    echo "fuzz: $t does not build (see $log)" >&2
    echo "$t: build failed" | tee -a fuzz/summary.txt
    status=2
    continue
  fi
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
  [ -z "$execs" ] && execs=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  crashes=$(find "fuzz/artifacts/$t" -type f | wc -l)
  line="$t: ${execs:-?} executions in $((end - start)) s (including build), exit $rc, $crashes crash files"
  echo "$line" | tee -a fuzz/summary.txt
  [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ] && status=1
done
exit $status
