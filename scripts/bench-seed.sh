#!/usr/bin/env bash
# Time `pathways seed onet --all` over a full-size O*NET release: issue 33's
# goal is at most 15 s and 300 MB on 2 cores. Not a test: numbers vary by
# machine.
#
# Usage: scripts/bench-seed.sh [OCCUPATIONS]   (default: 1016, as O*NET 30.0 has)
#
# The release is made from the samples in tests/fixtures/seed/onet: every
# file keeps its header and columns, and each sample occupation's rows are
# repeated under new codes until there are OCCUPATIONS of them (each file
# then holds about as many rows as O*NET's own). Outputs go under
# $BENCH_OUT when set (a RAM disk such as /dev/shm). Best of three runs.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1016}
work=target/bench-seed
out=${BENCH_OUT:-$work}/out-seed
cargo build --release --quiet --bin pathways
rm -rf "$work" && mkdir -p "$work/db"
python3 - "$count" "$work/db" <<'PY'
import os, sys
count, folder = int(sys.argv[1]), sys.argv[2]
source = "tests/fixtures/seed/onet"
samples = ["25-4031.00", "25-4022.00", "47-2111.00"]
codes = [f"{11 + n // 9000:02d}-{n % 9000 + 1000:04d}.{n % 3:02d}" for n in range(count)]
for name in os.listdir(source):
    text = open(os.path.join(source, name), encoding="utf-8", newline="").read()
    lines = text.splitlines(keepends=True)
    if not lines or "O*NET-SOC Code" not in lines[0]:
        # Reference tables and the Read Me are the same in every release.
        open(os.path.join(folder, name), "w", encoding="utf-8", newline="").write(text)
        continue
    by_sample = {code: [l for l in lines[1:] if l.startswith(code)] for code in samples}
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as out:
        out.write(lines[0])
        for n, code in enumerate(codes):
            for line in by_sample[samples[n % 3]]:
                line = code + line[len(samples[n % 3]):]
                if name == "Occupation Data.txt":
                    # Each its own title, so each its own profile.
                    fields = line.split("\t")
                    fields[1] += f" {n + 1}"
                    line = "\t".join(fields)
                out.write(line)
PY
echo "$count occupations, $(du -sh "$work/db" | cut -f1) of text files, $(nproc) cores"
best=""
for _ in 1 2 3; do
  rm -rf "$out"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" ./target/release/pathways seed onet \
    --db "$work/db" --all --out "$out" 2> "$work/log" || { tail -5 "$work/log" >&2; exit 1; }
  read -r seconds user system kilobytes < "$work/time"
  if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc -l)" = 1 ]; then
    best=$seconds; cpu=$(echo "$user + $system" | bc -l); mib=$(echo "$kilobytes / 1024" | bc -l)
  fi
done
printf 'seed onet --all: %.2f s wall, %.2f s CPU, %.1f MiB peak, %s profiles (goal: 15 s, 300 MB)\n' \
  "$best" "$cpu" "$mib" "$(find "$out" -name '*.yaml' | wc -l)"
