#!/usr/bin/env bash
# Build the Python wheel that carries the claimlint binary (maturin, `bindings = "bin"`), install
# it into a fresh virtualenv and run the seed article through the installed command.
# Needs python3 with venv and PyPI (for maturin); fails loudly when PyPI cannot be reached.
# Leaves the wheel in target/wheels/ (scripts/pre-commit.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/build" || {
    echo "wheel.sh: python3 -m venv failed (Debian: apt-get install -y python3-venv)" >&2
    exit 1
}
if ! "$work/build/bin/pip" install --quiet --disable-pip-version-check "maturin>=1.5,<2"; then
    echo "wheel.sh: FAILED: cannot install maturin from PyPI (is PyPI reachable?)" >&2
    exit 1
fi
rm -f target/wheels/claimlint-*.whl
"$work/build/bin/maturin" build --release --quiet --out target/wheels
wheel=$(ls target/wheels/claimlint-*.whl)
echo "wheel.sh: built $wheel"

python3 -m venv "$work/user"
"$work/user/bin/pip" install --quiet --disable-pip-version-check --no-index "$wheel"
installed="$work/user/bin/claimlint"
test -x "$installed" || { echo "wheel.sh: FAILED: the wheel installed no claimlint command" >&2; exit 1; }

set +e
out=$("$installed" check fixtures/balkan-summit.txt --format concise --color never 2>&1)
code=$?
set -e
echo "$out"
if [ "$code" -ne 1 ]; then
    echo "wheel.sh: FAILED: expected exit 1 for the seed article, got $code" >&2
    exit 1
fi
for want in "fixtures/balkan-summit.txt:6:192: error[L001]" "fixtures/balkan-summit.txt:3:1: warning[P001]"; do
    grep -qF "$want" <<<"$out" || { echo "wheel.sh: FAILED: missing '$want'" >&2; exit 1; }
done
"$installed" --version
echo "wheel.sh: ok ($((SECONDS - start)) s)"
