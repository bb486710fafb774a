#!/usr/bin/env bash
# Import of N pages (default 1,000: the page fixtures, each copied in turn,
# so every layout and language is read), timed on the release build, in one
# run of `pathways import --out`. With a second binary (an earlier build),
# both are timed, three runs each, alternating, and the ratio is printed: the
# import issue's target is the new build within 10 % of the earlier one.
# A benchmark (figures in benches/README.md), not a timed test.
#   scripts/bench-import.sh [N] [EARLIER_PATHWAYS_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
earlier="${2:-}"
binary=target/release/pathways
[ -x "$binary" ] || cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages"
mapfile -t fixtures < <(ls tests/fixtures/pages/*.txt | grep -v '/empty.txt$')
# Each copy gets a title of its own (its number after the career's name), so
# no two make the same profile id.
for ((i = 0; i < count; i++)); do
  awk -v n="$i" '
    !done && /^(Career List|Lista de Carreras|Liste des métiers|Berufsliste) / { print $0 " " n; done = 1; next }
    { print }
    END { if (!done) print "\nCareer List Page " n }
  ' "${fixtures[i % ${#fixtures[@]}]}" > "$work/pages/page-$i.txt"
done

# Wall seconds of one import of every page into a fresh folder.
time_import() {
  local out="$work/out-$RANDOM"
  /usr/bin/time -f "%e" -o "$work/time" "$1" import --out "$out" "$work"/pages/*.txt \
    > /dev/null 2>&1 || true
  ls "$out" | wc -l > "$work/written"
  rm -rf "$out"
  tail -n 1 "$work/time"
}

best() { printf '%s\n' "$@" | sort -g | head -n 1; }
runs_new=() runs_earlier=()
for _ in 1 2 3; do
  runs_new+=("$(time_import "$binary")")
  [ -n "$earlier" ] && runs_earlier+=("$(time_import "$earlier")")
done
new="$(best "${runs_new[@]}")"
echo "pathways import, $count pages: ${runs_new[*]} s (best $new s), $(cat "$work/written") profiles written"
if [ -n "$earlier" ]; then
  old="$(best "${runs_earlier[@]}")"
  echo "earlier build:                ${runs_earlier[*]} s (best $old s)"
  awk -v n="$new" -v o="$old" 'BEGIN { printf "ratio (best of each): %.2f\n", n / o; exit !(n <= o * 1.10) }' \
    && echo "within 10 % of the earlier build" \
    || { echo "more than 10 % slower than the earlier build"; exit 1; }
fi
