#!/usr/bin/env bash
# Time `pathways export` of N profiles, then of the same N profiles each with
# a translation beside it (twice the files to write): issue 32's goal is at
# most 2.2x. Not a test: numbers vary by machine.
#
# Usage: scripts/bench-translations.sh [N] [JOBS]   (default: 1000 profiles, 2 jobs)
#
# The corpus is N copies of the seed (each its own id) and, in the second
# folder, each copy's Spanish translation (profiles/library-technicians.es-MX.yaml).
# Markdown, HTML and text, plus the indexes; wall seconds, CPU seconds and
# peak RSS from /usr/bin/time, best of three runs. Outputs go under
# $BENCH_OUT when set (a RAM disk such as /dev/shm takes the disk, which
# varies a lot on shared machines, out of it).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
jobs=${2:-2}
work=target/bench-translations
out=${BENCH_OUT:-$work}/out-translations
cargo build --release --quiet --bin pathways
rm -rf "$work" && mkdir -p "$work/base" "$work/both"
for n in $(seq 1 "$count"); do
  sed "s/^id: library-technicians$/id: career-$n/" profiles/library-technicians.yaml > "$work/base/career-$n.yaml"
done
cp "$work"/base/*.yaml "$work/both/"
for n in $(seq 1 "$count"); do
  cp profiles/library-technicians.es-MX.yaml "$work/both/career-$n.es-MX.yaml"
done
cat "$work"/both/*.yaml > /dev/null

best() {
  local name=$1 folder=$2 best_seconds=""
  for _ in 1 2 3; do
    rm -rf "$out" && sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" ./target/release/pathways export "$folder" \
      --jobs "$jobs" --quiet --out "$out" 2> "$work/log-$name" || { cat "$work/log-$name" >&2; exit 1; }
    read -r seconds user system kilobytes < "$work/time"
    if [ -z "$best_seconds" ] || [ "$(echo "$seconds < $best_seconds" | bc -l)" = 1 ]; then
      best_seconds=$seconds; best_cpu=$(echo "$user + $system" | bc -l); best_mib=$(echo "$kilobytes / 1024" | bc -l)
    fi
  done
  printf '%-22s %7.2f s %7.1f s CPU %7.1f MiB, %s files\n' "$name" "$best_seconds" "$best_cpu" "$best_mib" \
    "$(find "$out" -type f | wc -l)"
  eval "${name//[^a-z]/_}=$best_seconds"
}

echo "$count profiles, $jobs jobs, $(nproc) cores"
best "without translations" "$work/base"
best "with one translation each" "$work/both"
printf 'ratio: %.2fx (goal: at most 2.2x)\n' "$(echo "$with_one_translation_each / $without_translations" | bc -l)"
