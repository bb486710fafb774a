#!/usr/bin/env bash
# Seed the fuzzing corpora from the test fixtures (run from the repository root or fuzz/).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load_validate corpus/render corpus/import
for f in ../tests/fixtures/{valid,invalid,hostile,rules,check}/*.yaml ../profiles/*.yaml; do
  cp "$f" "corpus/load_validate/$(basename "$(dirname "$f")")-$(basename "$f")"
done
for f in ../tests/fixtures/{valid,rules,check}/*.yaml ../profiles/*.yaml; do
  cp "$f" "corpus/render/$(basename "$(dirname "$f")")-$(basename "$f")"
done
cp ../tests/fixtures/pages/*.txt ../tests/fixtures/fuzz/* corpus/import/
echo "corpora: $(ls corpus/load_validate | wc -l) load, $(ls corpus/render | wc -l) render, $(ls corpus/import | wc -l) import"
