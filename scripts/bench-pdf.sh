#!/usr/bin/env bash
# PDF handouts: pathways (Typst built in) against the way an office prints
# them today, headless Chromium's --print-to-pdf over each HTML handout, on
# the same generated corpus, in one run. Not a test: numbers vary by machine.
#
# Usage: scripts/bench-pdf.sh [N] [JOBS]      (default: 1000 profiles, 2 at a time)
#
# - pathways: `pathways export --format pdf --template handout --jobs JOBS`;
# - chromium: `pathways export --format html --template handout` first (not
#   timed), then one `chromium --headless --print-to-pdf` per handout,
#   JOBS at a time (xargs -P);
# - one seed handout as a whole process, best of 5.
# Wall seconds, CPU seconds and peak RSS come from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
jobs=${2:-2}
work=target/bench
corpus=$work/corpus-$count
mkdir -p "$work"
cargo build --release --quiet --bin pathways
[ -d "$corpus" ] || python3 scripts/make-corpus.py "$count" "$corpus"
cat "$corpus"/*.yaml > /dev/null
chromium=$(command -v chromium || command -v chromium-browser || true)

# measure NAME COMMAND...: wall s, CPU s, peak RSS MiB, per handout.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time-$name" "$@" > /dev/null 2> "$work/log-$name" || {
    echo "$name failed; see $work/log-$name" >&2; return 1; }
  read -r seconds user system kilobytes < "$work/time-$name"
  printf '%-10s %8.2f s %8.1f ms/handout %7.1f s CPU %7.1f MiB peak\n' "$name" "$seconds" \
    "$(echo "$seconds * 1000 / $count" | bc -l)" "$(echo "$user + $system" | bc -l)" "$(echo "$kilobytes / 1024" | bc -l)"
  eval "${name}_seconds=$seconds"
}

echo "$count profiles, $jobs at a time, $(nproc) cores"
out=$work/pdf-pathways; rm -rf "$out"; mkdir -p "$out"; sync
measure pathways ./target/release/pathways export "$corpus" --format pdf --template handout --jobs "$jobs" --quiet --out "$out"

if [ -n "$chromium" ]; then
  html=$work/pdf-html; rm -rf "$html"; mkdir -p "$html"
  ./target/release/pathways export "$corpus" --format html --template handout --no-index --quiet --out "$html"
  printed=$work/pdf-chromium; rm -rf "$printed"; mkdir -p "$printed"; sync
  print_all() {
    find "$html" -name '*.html' | sort | xargs -P "$jobs" -I{} sh -c \
      '"$0" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$1/$(basename "{}" .html).pdf" "file://$(realpath "{}")" 2>/dev/null' \
      "$chromium" "$printed"
  }
  export -f print_all; export html printed chromium jobs
  measure chromium bash -c print_all
  printf 'pathways is %.1fx faster than Chromium per handout\n' "$(echo "$chromium_seconds / $pathways_seconds" | bc -l)"
else
  echo "chromium   not installed; skipped"
fi

best=""
for _ in 1 2 3 4 5; do
  /usr/bin/time -f "%e %M" -o "$work/time-seed" ./target/release/pathways render profiles/library-technicians.yaml \
    --template handout -o "$work/seed-handout.pdf" 2> /dev/null
  read -r seconds kilobytes < "$work/time-seed"
  if [ -z "$best" ] || (( $(echo "$seconds < $best" | bc -l) )); then best=$seconds; rss=$kilobytes; fi
done
printf 'seed handout, whole process: %.0f ms, %.1f MiB peak (best of 5)\n' "$(echo "$best * 1000" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
