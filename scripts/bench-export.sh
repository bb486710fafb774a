#!/usr/bin/env bash
# Time `pathways export` against the floor and against minijinja-cli, on the
# same generated corpus, in one run. Not a test: numbers vary by machine.
#
# Usage: scripts/bench-export.sh [N] [JOBS]      (default: 1000 profiles, 2 jobs)
#        BENCH_OUT=/dev/shm scripts/bench-export.sh ...  (outputs on a RAM disk)
#
# - floor: examples/bench_floor.rs parses each profile and writes its bytes
#   three times (no validation, Markdown or templates);
# - pathways: `pathways export --jobs JOBS` (Markdown, HTML and text, plus the index);
# - minijinja-cli: run once per profile and format (xargs -P JOBS) with the
#   comparable templates in benches/minijinja-cli/.
# Wall seconds, CPU seconds and peak RSS come from /usr/bin/time. Every
# contender starts after `sync`, so none pays for writing back another's files.
# Outputs go under target/bench, or under $BENCH_OUT (a RAM disk such as
# /dev/shm takes the disk, which varies a lot on shared machines, out of it).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
jobs=${2:-2}
work=target/bench
corpus=$work/corpus-$count
mkdir -p "$work"

cargo build --release --quiet --bin pathways --example bench_floor
[ -d "$corpus" ] || python3 scripts/make-corpus.py "$count" "$corpus"
cat "$corpus"/*.yaml > /dev/null   # warm the page cache for every contender

# run NAME FUNCTION: time FUNCTION (below) with a fresh output folder as its argument.
run() {
  local name=$1; shift
  local out=${BENCH_OUT:-$work}/out-$name
  rm -rf "$out" && mkdir -p "$out" && sync
  /usr/bin/time -f "%e %U %S %M" -o "$work/time-$name" bash -c "$1 \"\$0\"" "$out" > /dev/null 2> "$work/log-$name" || {
    echo "$name failed; see $work/log-$name" >&2; return 1; }
  read -r seconds user system kilobytes < "$work/time-$name"
  printf '%-14s %8.2f s %8.3f ms/profile %7.1f s CPU %7.1f MiB' "$name" "$seconds" \
    "$(echo "$seconds * 1000 / $count" | bc -l)" "$(echo "$user + $system" | bc -l)" "$(echo "$kilobytes / 1024" | bc -l)"
  if [ -n "${floor_seconds:-}" ]; then
    printf '  %5.1fx the floor' "$(echo "$seconds / $floor_seconds" | bc -l)"
  else
    floor_seconds=$seconds
  fi
  echo
}

floor() { find "$corpus" -name '*.yaml' | sort | xargs ./target/release/examples/bench_floor --jobs "$jobs" "$1"; }
pathways_export() { ./target/release/pathways export "$corpus" --jobs "$jobs" --quiet --out "$1"; }
export corpus jobs
export -f floor pathways_export
minijinja() {
  find "$corpus" -name '*.yaml' | sort | xargs -n 1 -P "$jobs" sh -c '
    for ext in md html txt; do
      minijinja-cli -o "$0/$(basename "$1" .yaml).$ext" "benches/minijinja-cli/report.$ext.j2" "$1" || exit 255
    done' "$1"
}

export -f minijinja
echo "$count profiles, $jobs jobs, $(nproc) cores"
run floor floor
run pathways pathways_export
if command -v minijinja-cli > /dev/null; then
  run minijinja-cli minijinja
else
  echo "minijinja-cli    not installed (cargo install minijinja-cli); skipped"
fi
