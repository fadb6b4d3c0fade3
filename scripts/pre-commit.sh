#!/usr/bin/env bash
# Test the pre-commit hooks for real: install pre-commit from PyPI into a temporary virtualenv,
# make a temporary git repository whose .pre-commit-config.yaml uses this checkout's hook
# definitions (.pre-commit-hooks.yaml: id, entry, files, exclude) as a `repo: local` hook with
# `language: python` and the claimlint wheel from scripts/wheel.sh as its dependency (what a user
# without Rust gets from PyPI), and check that:
#   1. an article with a contradiction is refused, and the output shows the code and both spans;
#   2. a clean article commits;
#   3. a warning-only article commits, unless `--fail-on warning` is in `args`;
#   4. `verbose: true` shows the warnings of a passing hook;
#   5. README's plain git-hook line works with nothing staged and with names that have spaces
#      and non-ASCII letters.
# Fails loudly (never skips) when PyPI cannot be reached.
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$PWD
start=$SECONDS
fail() { echo "pre-commit.sh: FAILED: $*" >&2; exit 1; }

wheel=$(ls target/wheels/claimlint-*.whl 2>/dev/null | head -n1 || true)
if [ -z "$wheel" ]; then
    bash scripts/wheel.sh
    wheel=$(ls target/wheels/claimlint-*.whl | head -n1)
fi
wheel="$checkout/$wheel"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" PIP_DISABLE_PIP_VERSION_CHECK=1
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.invalid
export GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

python3 -m venv "$work/venv" || fail "python3 -m venv (Debian: apt-get install -y python3-venv)"
"$work/venv/bin/pip" install --quiet "pre-commit>=3,<5" \
    || fail "cannot install pre-commit from PyPI (is PyPI reachable?)"
pc="$work/venv/bin/pre-commit"
"$pc" --version
"$pc" validate-manifest .pre-commit-hooks.yaml || fail "invalid .pre-commit-hooks.yaml"

repo="$work/newsroom"
mkdir -p "$repo/desk notes"
git -C "$repo" init --quiet
git -C "$repo" commit --quiet --allow-empty -m init

# The config: each hook of this checkout's manifest, installed from the wheel. $1: extra YAML
# lines for the claimlint hook (args, verbose).
write_config() {
    "$work/venv/bin/python" - "$checkout/.pre-commit-hooks.yaml" "$wheel" "$1" \
        >"$repo/.pre-commit-config.yaml" <<'PY'
import sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
extra = yaml.safe_load(sys.argv[3]) or {}
out = []
for h in hooks:
    if h["id"] != "claimlint":
        continue
    hook = {k: h[k] for k in ("id", "name", "entry", "files", "exclude") if k in h}
    hook.update(language="python", additional_dependencies=[sys.argv[2]], **extra)
    out.append(hook)
print(yaml.safe_dump({"repos": [{"repo": "local", "hooks": out}]}, sort_keys=False))
PY
    git -C "$repo" add .pre-commit-config.yaml
}

write_config ""
(cd "$repo" && "$pc" install --install-hooks >/dev/null) || fail "pre-commit install"

# 1. A contradiction is refused, through the installed git hook.
bad="$repo/desk notes/Zürich summit.txt"
cp fixtures/l001/pos-city-outside-country.txt "$bad"
git -C "$repo" add -A
set +e
out=$(cd "$repo" && git commit -m "bad article" 2>&1)
code=$?
set -e
echo "$out"
[ "$code" -ne 0 ] || fail "a commit with an L001 error was accepted"
for want in "L001(event-location-conflict)" "[desk notes/Zürich summit.txt:3:72]" \
    "the summit is placed in Austria in the headline" \
    "the summit is placed in Munich (Germany) here"; do
    grep -qF "$want" <<<"$out" || fail "hook output lacks '$want'"
done
git -C "$repo" rm --quiet --cached "$bad" && rm "$bad"

# 2. A clean article commits.
printf 'Ministers meet in Tirana\n\nEuropean interior ministers met in Tirana on border controls.\n' \
    >"$repo/desk notes/clean.md"
git -C "$repo" add -A
(cd "$repo" && git commit --quiet -m "clean article") || fail "a clean article was refused"

# 3. A warning-only article commits by default ...
warn="$repo/desk notes/ünïcode warning.txt"
printf 'Zelenskyy visits Tirana\n\nPresident Zelensky arrived in Tirana for talks.\n' >"$warn"
git -C "$repo" add -A
set +e
out=$(cd "$repo" && git commit -m "warning article" 2>&1)
code=$?
set -e
echo "$out"
[ "$code" -eq 0 ] || fail "a warning-only article was refused by the default hook"
grep -qF "P001" <<<"$out" && fail "a passing hook showed its output without verbose: true"

# 4. ... and verbose: true shows the warning of the passing hook.
echo "Zelensky met the prime minister." >>"$warn"
write_config "{verbose: true}"
git -C "$repo" add -A
set +e
out=$(cd "$repo" && git commit -m "verbose" 2>&1)
code=$?
set -e
echo "$out"
[ "$code" -eq 0 ] || fail "verbose hook refused a warning-only article"
grep -qF "P001(name-variant)" <<<"$out" || fail "verbose: true did not show the P001 warning"

# ... but is refused with --fail-on warning in args.
echo "Zelensky left on Friday." >>"$warn"
write_config "{args: [--fail-on, warning]}"
git -C "$repo" add -A
set +e
out=$(cd "$repo" && git commit -m "strict" 2>&1)
code=$?
set -e
echo "$out"
[ "$code" -ne 0 ] || fail "--fail-on warning accepted a warning-only article"
grep -qF "P001(name-variant)" <<<"$out" || fail "the strict hook's output lacks P001"
git -C "$repo" reset --quiet --hard HEAD

# 5. README's plain git hook: no article staged -> 0; spaces and non-ASCII names work.
bin="$(dirname "$(dirname "$(ls "$PRE_COMMIT_HOME"/*/py_env-*/bin/claimlint | head -n1)")")/bin"
[ -x "$bin/claimlint" ] || fail "the wheel's claimlint is not in pre-commit's environment"
plain() {
    (cd "$repo" && PATH="$bin:$PATH" sh -c \
        "git diff --cached --name-only -z --diff-filter=ACM -- '*.txt' '*.md' | xargs -0 -r claimlint check")
}
set +e
plain >/dev/null 2>&1
code=$?
set -e
[ "$code" -eq 0 ] || fail "the plain git hook failed with nothing staged (exit $code)"
cp fixtures/l001/pos-city-outside-country.txt "$repo/desk notes/Zürich summit.txt"
git -C "$repo" add -A
set +e
out=$(plain 2>&1)
code=$?
set -e
[ "$code" -ne 0 ] || fail "the plain git hook accepted an L001 error"
grep -qF "[desk notes/Zürich summit.txt:3:72]" <<<"$out" || fail "plain hook: $out"

echo "pre-commit.sh: ok ($((SECONDS - start)) s)"
