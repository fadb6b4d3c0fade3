#!/usr/bin/env bash
# claimlint as a map step on Apache Spark (docs/scale.md): generate an NDJSON archive of
# SPARK_RECORDS (default 50,000) synthetic articles from the templates in spark_gen.py, check it
# once directly and once under Spark (pyspark from PyPI in local mode, SPARK_PARTITIONS
# partitions, default 4; the binary shipped to the executors and fed each partition's lines on
# stdin), and check that both runs report the same findings record for record.
# Installs what it needs into a temporary folder: pyspark into a virtualenv; Java from Debian's
# packages (openjdk-17-jre-headless) only when no `java` is on PATH. Fails, saying why, when
# either cannot be had: it never skips.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
records=${SPARK_RECORDS:-50000}
partitions=${SPARK_PARTITIONS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "spark.sh: FAILED: $*" >&2; exit 1; }

if ! command -v java >/dev/null 2>&1; then
    echo "spark.sh: no java on PATH; installing openjdk-17-jre-headless from Debian's packages"
    { apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null; } \
        || fail "cannot install Java (apt-get install -y openjdk-17-jre-headless failed); Spark needs Java 17+"
fi
java -version 2>&1 | head -1

python3 -m venv "$work/venv" || fail "python3 -m venv failed (Debian: apt-get install -y python3-venv)"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "pyspark>=3.5" \
    || fail "cannot install pyspark from PyPI (is PyPI reachable?)"
echo "spark.sh: $("$work/venv/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)')"

cargo build --release --quiet --bin claimlint
bin=target/release/claimlint

python3 scripts/spark_gen.py "$records" >"$work/archive.ndjson"
echo "spark.sh: generated $(wc -l <"$work/archive.ndjson") records ($(du -h "$work/archive.ndjson" | cut -f1))"

# The direct run reads the archive split into files of $chunk lines, so both runs check pieces
# of the same size (and hold at most one piece's records at a time: see docs/scale.md).
chunk=1000
mkdir "$work/direct"
split -l "$chunk" -d -a 4 --additional-suffix=.ndjson "$work/archive.ndjson" "$work/direct/part-"
t0=$SECONDS
"$bin" check "$work/direct" --format jsonl --exit-zero -q >"$work/direct.jsonl" \
    || fail "the direct run failed"
echo "spark.sh: direct run: $(wc -l <"$work/direct.jsonl") findings in $((SECONDS - t0)) s"

export PYSPARK_PYTHON="$work/venv/bin/python"
"$work/venv/bin/python" scripts/spark_job.py run --binary "$bin" --input "$work/archive.ndjson" \
    --output "$work/spark.jsonl" --partitions "$partitions" --slices $((records / chunk)) \
    || fail "the Spark job failed"
"$work/venv/bin/python" scripts/spark_job.py compare --chunk "$chunk" "$work/direct.jsonl" "$work/spark.jsonl" \
    || fail "Spark's findings differ from the direct run's"
echo "spark.sh: passed in $((SECONDS - start)) s"
