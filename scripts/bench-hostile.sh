#!/usr/bin/env bash
# Worst cases under the 4 MiB input cap, timed on the release build: each
# must be checked (and exported, or refused as a PDF) in under 2 s and 200 MB.
# A benchmark (figures in benches/README.md), not a timed test: the hostile
# tests (tests/hostile.rs) check what each case does, this checks how fast.
#   scripts/bench-hostile.sh [PATHWAYS_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-target/release/pathways}"
[ -x "$binary" ] || cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
head = "id: {id}\ntitle: Hostile\nsections:\n"
with open(f"{work}/todo-items.yaml", "w") as f:
    f.write(head.format(id="todo-items") + "  skills:\n    items:\n" + "      - TODO\n" * 80_000)
links = " ".join(f"[a](javascript:x{i})" for i in range(60_000))
with open(f"{work}/link-line.yaml", "w") as f:
    f.write(head.format(id="link-line") + f'  overview:\n    intro: "{links}"\n')
flow = head.format(id="flow-list") + "  skills:\n    items: [x"
flow += ", x" * ((4 * 1024 * 1024 - len(flow) - 10) // 3) + "]\n"
with open(f"{work}/flow-list.yaml", "w") as f:
    f.write(flow)
minimal = open("tests/fixtures/valid/minimal.yaml").read()
sentence = "School librarians run the library of a school."
words = " ".join(f"word{i}" for i in range(370_000))
with open(f"{work}/pdf-paragraph.yaml", "w") as f:
    f.write(minimal.replace(sentence, words + "."))
sections = "".join(f"  - id: extra-{i}\n    heading: Extra {i}\n    intro: Words about part {i}.\n"
                   for i in range(20_000))
with open(f"{work}/pdf-sections.yaml", "w") as f:
    f.write(minimal + "extra_sections:\n" + sections)
PY
cp tests/fixtures/invalid/alias-bomb.yaml "$work/alias-bomb.yaml"

failed=0
printf '%-16s %-7s %8s %8s %s\n' input command seconds MB size
for input in todo-items link-line flow-list alias-bomb pdf-paragraph pdf-sections; do
  file="$work/$input.yaml"
  size=$(du -k "$file" | cut -f1)
  commands=(check export)
  [[ "$input" = pdf-* ]] && commands=(pdf)
  for command in "${commands[@]}"; do
    out="$work/out-$input-$command" && mkdir -p "$out"
    args=(check "$file")
    [ "$command" = export ] && args=(export "$file" --out "$out" --quiet)
    [ "$command" = pdf ] && args=(render "$file" -o "$out/$input.pdf")
    /usr/bin/time -f "%e %M" -o "$work/time" "$binary" "${args[@]}" > /dev/null 2>&1 || true
    read -r seconds kilobytes < <(tail -n 1 "$work/time")
    megabytes=$((kilobytes / 1024))
    printf '%-16s %-7s %8s %8s %s KB\n' "$input" "$command" "$seconds" "$megabytes" "$size"
    if awk -v s="$seconds" 'BEGIN { exit !(s >= 2.0) }' || [ "$megabytes" -ge 200 ]; then
      failed=1
    fi
  done
done
[ "$failed" -eq 0 ] && echo "every input within 2 s and 200 MB" || { echo "over the 2 s / 200 MB target"; exit 1; }
