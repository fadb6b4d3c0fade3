#!/usr/bin/env bash
# claimlint benchmarks a user can run, side by side in one run:
#   start-up (one small article, and --version), MB/s over ../shared/corpus (bbc + reuters) with
#   1 thread and all threads, peak RSS, the 1/3/10 MB article and single-line 1/3/10 MB series
#   (text generated here at run time from a word bank, never corpus text), the
#   `grep -F -f <gazetteer names>` floor with claimlint's ratio to it, and where they can be
#   installed into a temporary folder, textlint (+ textlint-rule-date-weekday-mismatch, npm) and
#   proselint (PyPI) on the same 1,000 articles.
#
# Usage: scripts/bench.sh [--quick] [--no-peers] [CORPUS_DIR] [CLAIMLINT_BIN]
#   --quick     fewer runs, scaling series 1/3 MB only, peers on 100 articles (about a minute)
#   --no-peers  skip textlint and proselint (no network needed)
#   CORPUS_DIR  defaults to ../shared/corpus (relative to the repo root); the corpus rows are
#               skipped cleanly when it is absent (start-up and scaling still run)
#   CLAIMLINT_BIN defaults to target/release/claimlint (build it first: cargo build --release)
#
# Tools: hyperfine (Debian: apt-get install hyperfine) when present, otherwise a loop timed with
# bash's clock; GNU /usr/bin/time for peak RSS when present. Prints a Markdown table on stdout;
# progress goes to stderr.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
quick=0
peers=1
pos=()
for a in "$@"; do
  case "$a" in
    --quick) quick=1 ;;
    --no-peers) peers=0 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) pos+=("$a") ;;
  esac
done
corpus="${pos[0]:-$root/../shared/corpus}"
bin="${pos[1]:-$root/target/release/claimlint}"
if [ ! -x "$bin" ]; then
  echo "no claimlint binary at $bin (cargo build --release)" >&2
  exit 2
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/claimlint-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cores="$(nproc 2>/dev/null || echo 1)"
have() { command -v "$1" >/dev/null 2>&1; }
say() { echo "bench: $*" >&2; }
rows=()
row() { rows+=("| $1 | $2 | $3 |"); }

runs_slow=3
[ "$quick" = 1 ] && runs_slow=1
# secs RUNS CMD...: "WALL CPU": mean wall and user+system seconds of CMD over RUNS runs (after
# one warm-up; stdout/stderr discarded, exit status ignored). On a shared machine the CPU time
# is the steadier figure.
secs() {
  local runs="$1"; shift
  if have hyperfine && have python3; then
    if hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$tmp/h.json" --style none \
      -- "$(printf '%q ' "$@")" >/dev/null 2>&1; then
      python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.4f %.4f" % (r["mean"], r["user"] + r["system"]))' "$tmp/h.json" && return
    fi
  fi
  local i w=0 c=0 line
  "$@" >/dev/null 2>&1
  for ((i = 0; i < runs; i++)); do
    line=$(once "$@")
    w=$(awk -v a="$w" -v b="${line% *}" 'BEGIN { print a + b }')
    c=$(awk -v a="$c" -v b="${line#* }" 'BEGIN { print a + b }')
  done
  awk -v w="$w" -v c="$c" -v n="$runs" 'BEGIN { printf "%.4f %.4f\n", w / n, c / n }'
}
# once CMD...: "WALL CPU" seconds of one run (CPU from GNU time when present, else "n/a").
once() {
  local t0 t1 cpu=n/a
  t0=$EPOCHREALTIME
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$tmp/cpu" "$@" >/dev/null 2>&1
    cpu=$(tail -n 1 "$tmp/cpu" | awk '{ printf "%.3f", $1 + $2 }')
  else
    "$@" >/dev/null 2>&1
  fi
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" -v c="$cpu" 'BEGIN { printf "%.3f %s\n", b - a, c }'
}
wall() { echo "${1% *}"; }
cpu() { echo "${1#* }"; }
# fmt "WALL CPU" BYTES: "W s wall, C s CPU (X MB/s CPU)".
fmt() {
  local w c
  w=$(wall "$1"); c=$(cpu "$1")
  if [ -n "${2:-}" ]; then
    echo "$w s wall, $c s CPU ($(mbs "$2" "$c") MB/s of CPU)"
  else
    echo "$w s wall, $c s CPU"
  fi
}
# rss CMD...: peak resident set in MB (needs GNU time).
rss() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$tmp/rss" "$@" >/dev/null 2>&1
    tail -n 1 "$tmp/rss" | awk '{ printf "%.1f\n", $1 / 1024 }'
  else
    echo "n/a"
  fi
}
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", b / 1e6 / s; else print "n/a" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "n/a" }'; }
ms() { awk -v s="$1" 'BEGIN { if (s == "n/a") print s; else printf "%.2f ms", s * 1000 }'; }
msfmt() { echo "$(ms "$(wall "$1")") wall, $(ms "$(cpu "$1")") CPU"; }

say "binary $bin ($("$bin" --version 2>/dev/null)), $cores cores, quick=$quick"

# ---- start-up -------------------------------------------------------------------------------
small="$root/fixtures/balkan-summit.txt"
s=$(secs 30 "$bin" check "$small")
row "start-up: one small article ($(wc -c <"$small") B)" "$(msfmt "$s")" "whole process"
s=$(secs 30 "$bin" --version)
row "start-up: --version" "$(msfmt "$s")" "process start floor"

# ---- corpus ---------------------------------------------------------------------------------
if [ -d "$corpus/bbc" ] && [ -d "$corpus/reuters" ]; then
  find "$corpus/bbc" "$corpus/reuters" -name '*.txt' | sort >"$tmp/files"
  nfiles=$(wc -l <"$tmp/files")
  bytes=$(tr '\n' '\0' <"$tmp/files" | xargs -0 cat | wc -c)
  label="corpus bbc+reuters ($nfiles files, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB)"
  say "$label"
  c1=$(secs "$runs_slow" "$bin" check --threads 1 --fail-on never --format concise "$corpus/bbc" "$corpus/reuters")
  row "$label, 1 thread" "$(fmt "$c1" "$bytes")" "$(mbs "$bytes" "$(wall "$c1")") MB/s wall"
  cn=$(secs "$runs_slow" "$bin" check --threads "$cores" --fail-on never --format concise "$corpus/bbc" "$corpus/reuters")
  row "$label, $cores threads" "$(fmt "$cn")" "$(mbs "$bytes" "$(wall "$cn")") MB/s wall, speed-up $(ratio "$(wall "$c1")" "$(wall "$cn")") wall"
  m=$(rss "$bin" check --threads 1 --fail-on never --format concise "$corpus/bbc" "$corpus/reuters")
  row "$label, peak RSS (1 thread)" "$m MB" ""
  # The floor: every gazetteer name searched in the same files by grep -F.
  {
    awk -F'\t' '!/^#/ { print $2; if ($3 != $2) print $3 }' "$root/rules/places/cities.tsv"
    awk -F'\t' '!/^#/ { print $2; if ($3 != $2) print $3 }' "$root/rules/places/admin1.tsv"
    awk -F'\t' '!/^#/ { n = split($3, a, "|"); for (i = 1; i <= n; i++) print a[i] }' "$root/rules/places/countries.tsv"
  } | awk 'length($0) > 1' | sort -u >"$tmp/names"
  floor=$(secs "$runs_slow" grep -F -r -f "$tmp/names" "$corpus/bbc" "$corpus/reuters")
  row "floor: grep -F -f <$(wc -l <"$tmp/names") gazetteer names>, same files" "$(fmt "$floor" "$bytes")" "claimlint 1 thread = $(ratio "$(cpu "$c1")" "$(cpu "$floor")") the floor (CPU), $(ratio "$(wall "$c1")" "$(wall "$floor")") (wall)"

  # ---- peers on the same articles ----------------------------------------------------------
  npeer=1000
  [ "$quick" = 1 ] && npeer=100
  head -n "$npeer" "$tmp/files" >"$tmp/peer-files"
  pbytes=$(tr '\n' '\0' <"$tmp/peer-files" | xargs -0 cat | wc -c)
  plabel="$npeer articles ($(awk -v b="$pbytes" 'BEGIN{printf "%.1f", b/1e6}') MB)"
  mkdir -p "$tmp/peer"
  tr '\n' '\0' <"$tmp/peer-files" | xargs -0 cp -t "$tmp/peer"
  cp1=$(secs "$runs_slow" "$bin" check --threads "$cores" --fail-on never --format concise "$tmp/peer")
  row "$plabel: claimlint, $cores threads" "$(fmt "$cp1")" ""
  if [ "$peers" = 1 ]; then
    if have npm && (cd "$tmp" && mkdir -p npm && cd npm && npm init -y >/dev/null 2>&1 \
        && npm install --no-audit --no-fund textlint textlint-rule-date-weekday-mismatch >"$tmp/npm.log" 2>&1); then
      tl=(node "$tmp/npm/node_modules/textlint/bin/textlint.js" --rule date-weekday-mismatch)
      t=$(cd "$tmp/peer" && once "${tl[@]}" .)
      row "$plabel: textlint (date-weekday-mismatch only)" "$(fmt "$t")" "claimlint is $(ratio "$(wall "$t")" "$(wall "$cp1")") faster (wall)"
      t=$(cd "$tmp" && once "${tl[@]}" "$small")
      row "start-up: textlint, one small article" "$(msfmt "$t")" ""
    else
      row "textlint" "skipped" "npm install failed or npm absent"
    fi
    if have python3 && python3 -m pip install --quiet --target "$tmp/py" proselint >"$tmp/pip.log" 2>&1; then
      pl=(env PYTHONPATH="$tmp/py" python3 -m proselint)
      # proselint 0.14 takes `check FILES`, older releases take FILES.
      if "${pl[@]}" check "$small" >/dev/null 2>&1 || [ $? -eq 1 ]; then pl+=(check); fi
      t=$(once "${pl[@]}" "$tmp"/peer/*)
      row "$plabel: proselint" "$(fmt "$t")" "claimlint is $(ratio "$(wall "$t")" "$(wall "$cp1")") faster (wall)"
      t=$(once "${pl[@]}" "$small")
      row "start-up: proselint, one small article" "$(msfmt "$t")" ""
    else
      row "proselint" "skipped" "pip install failed or python3 absent"
    fi
  fi
else
  say "no corpus at $corpus; corpus, floor and peer rows skipped"
  row "corpus rows" "skipped" "no corpus at $corpus"
fi

# ---- scaling series (own text, generated here) ----------------------------------------------
# gen MB SINGLE: one article of about MB megabytes: a headline, then paragraphs of sentences
# made from a fixed word bank with names, places, dates, numbers and quotes (deterministic).
# SINGLE=1 joins everything on one line.
gen() {
  awk -v mb="$1" -v single="$2" 'BEGIN {
    srand(7);
    split("government council ministers officials police residents workers company board union", nouns, " ");
    split("said announced reported confirmed denied warned added told", verbs, " ");
    split("Maria Lopez|John Smith|Anna Kowalski|Peter Brown|Li Wei|Ahmed Hassan|Sara Jensen|Tom Okafor", names, "|");
    split("Paris|Berlin|Lagos|Lima|Oslo|Nairobi|Manila|Toronto|Kyiv|Geneva", places, "|");
    split("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday", days, "|");
    split("January|February|March|April|May|June|July|August|September|October|November|December", months, "|");
    split("three|five|seven|twelve|dozens of|hundreds of|about 40|more than 1,200|2.5 million|15 percent of", counts, "|");
    sep = single ? " " : "\n\n";
    out = "Council votes on new budget in " places[1] sep;
    target = mb * 1000000; n = length(out); printf "%s", out;
    while (n < target) {
      p = "";
      for (k = 0; k < 4; k++) {
        r = int(rand() * 6);
        if (r == 0) s = names[int(rand()*8)+1] " " verbs[int(rand()*8)+1] " on " days[int(rand()*7)+1] " that " counts[int(rand()*10)+1] " " nouns[int(rand()*10)+1] " had met in " places[int(rand()*10)+1] ".";
        else if (r == 1) s = "\"We will not accept this,\" " names[int(rand()*8)+1] " " verbs[int(rand()*8)+1] ".";
        else if (r == 2) s = "The " nouns[int(rand()*10)+1] " met on " int(rand()*28+1) " " months[int(rand()*12)+1] " " int(rand()*30+1995) " in " places[int(rand()*10)+1] ", where " counts[int(rand()*10)+1] " " nouns[int(rand()*10)+1] " gathered.";
        else if (r == 3) s = "Prices rose by " int(rand()*90+2) "% over " counts[int(rand()*10)+1] " months, the " nouns[int(rand()*10)+1] " " verbs[int(rand()*8)+1] ".";
        else if (r == 4) s = "According to " names[int(rand()*8)+1] ", the talks in " places[int(rand()*10)+1] " lasted " int(rand()*9+2) " hours and ended without a deal.";
        else s = "Officials " verbs[int(rand()*8)+1] " the plan would cost $" int(rand()*900+10) " million and affect " counts[int(rand()*10)+1] " " nouns[int(rand()*10)+1] ".";
        p = p (k ? " " : "") s;
      }
      p = p sep; n += length(p); printf "%s", p;
    }
    printf "\n";
  }'
}
sizes="1 3 10"
[ "$quick" = 1 ] && sizes="1 3"
for single in 0 1; do
  first=""
  for mb in $sizes; do
    f="$tmp/gen-$mb-$single.txt"
    gen "$mb" "$single" >"$f"
    b=$(wc -c <"$f")
    kind="article"; [ "$single" = 1 ] && kind="single-line article"
    say "$kind $mb MB"
    t=$(once "$bin" check --threads 1 --fail-on never --format concise "$f")
    per=$(awk -v t="$(cpu "$t")" -v b="$b" 'BEGIN { printf "%.6f", t / (b / 1e6) }')
    [ -z "$first" ] && first="$per"
    row "one $mb MB $kind (generated)" "$(fmt "$t" "$b")" "per-byte CPU cost $(ratio "$per" "$first") that of 1 MB"
  done
done

echo "| measure | result | note |"
echo "|---|---|---|"
printf '%s\n' "${rows[@]}"
