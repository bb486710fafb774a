#!/usr/bin/env bash
# Mutation testing on what changed since BASE (default HEAD~1): cargo-mutants
# changes each changed line's operators and branches and runs the tests; a
# mutant no test notices is a behaviour nobody checks. Run before finishing a
# change. Settings, and the mutants that change nothing a user could notice
# (each with the reason), are in .cargo/mutants.toml.
#   scripts/mutants.sh [BASE] [cargo-mutants options...]   e.g. scripts/mutants.sh main --list
# With MUTANTS_MAX=N, at most N mutants are tested (a round-robin shard chosen
# by the commit), so the run stays bounded; the count is said.
# Exit: 0 every mutant caught (or none to test), 2 a mutant missed or timed
# out (cargo-mutants' own codes otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-HEAD~1}"
shift || true
command -v cargo-mutants >/dev/null 2>&1 || cargo install --locked cargo-mutants@27.1.0
diff="$(mktemp)"
trap 'rm -f "$diff" "$diff.all"' EXIT
if ! git rev-parse --quiet --verify "$base^{commit}" >/dev/null; then
  echo "mutants.sh: there is no commit \`$base\` to compare with (a shallow clone? fetch the history first)" >&2
  exit 2
fi
# An exclusion that matches no mutant names code that moved or is gone: it
# would hide nothing now and something else later.
cargo mutants --list --no-config > "$diff.all"
python3 - "$diff.all" <<'PY'
import re, sys, tomllib
mutants = open(sys.argv[1]).read().splitlines()
stale = [rx for rx in tomllib.load(open(".cargo/mutants.toml", "rb")).get("exclude_re", [])
         if not any(re.search(rx, m) for m in mutants)]
for rx in stale:
    print(f"mutants.sh: the exclusion {rx!r} in .cargo/mutants.toml matches no mutant: update or remove it", file=sys.stderr)
sys.exit(2 if stale else 0)
PY
rm -f "$diff.all"
git diff "$base" -- src > "$diff"
if [ ! -s "$diff" ]; then
  echo "no change to src/ since $base: nothing to mutate"
  exit 0
fi
shard=()
if [ -n "${MUTANTS_MAX:-}" ] && [[ " $* " != *" --list "* ]]; then
  count="$(cargo mutants --in-diff "$diff" --list "$@" | wc -l)"
  shards=$(( (count + MUTANTS_MAX - 1) / MUTANTS_MAX ))
  if [ "$shards" -gt 1 ]; then
    pick=$(( 0x$(git rev-parse HEAD | cut -c1-6) % shards ))
    echo "$count mutants in the change; testing shard $((pick + 1)) of $shards (round robin)"
    shard=(--shard "$pick/$shards" --sharding round-robin)
  fi
fi
cargo mutants --in-diff "$diff" "${shard[@]}" "$@"
