#!/usr/bin/env bash
# Mutation testing on what changed since BASE (default HEAD~1): cargo-mutants
# changes each changed line's operators and branches and runs the tests; a
# mutant no test notices is a behaviour nobody checks. Run before finishing a
# change. Mutants that change nothing a user could notice are listed, with
# the reason, in .cargo/mutants.toml.
#   scripts/mutants.sh [BASE] [cargo-mutants options...]   e.g. scripts/mutants.sh main --list
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-HEAD~1}"
shift || true
command -v cargo-mutants >/dev/null 2>&1 || cargo install --locked cargo-mutants
diff="$(mktemp)"
trap 'rm -f "$diff"' EXIT
git diff "$base" -- src > "$diff"
if [ ! -s "$diff" ]; then
  echo "no change to src/ since $base: nothing to mutate"
  exit 0
fi
cargo mutants --in-diff "$diff" --timeout 120 "$@"
