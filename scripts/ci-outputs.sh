#!/usr/bin/env bash
# Every document pathways makes, in HTML and Markdown, for the judges .ci/run
# runs over them (Nu HTML checker, axe-core, markdownlint): the one list of
# documents and inputs, so a new document or template set is a line here,
# not one in each judge's step.
#   scripts/ci-outputs.sh OUT        (with target/release/pathways built)
# Writes OUT/<profile>-<set>.html and .md for every template set
# (`pathways templates`), OUT/compare-<n>.{html,md}, and the folders of
# exports: OUT/export (reports and index), OUT/scores (the staff's index),
# OUT/book (booklets of reports and of handouts).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
pathways=./target/release/pathways
rm -rf "$out" && mkdir -p "$out"

# Profiles in English, Spanish, Japanese and Arabic (right to left); one
# without a summary, one with salary text but no figures: each takes its own
# template paths.
profiles=(profiles/*.yaml tests/fixtures/valid/*.yaml tests/fixtures/facts/*.yaml tests/fixtures/rules/salary-without-figures.yaml
  tests/fixtures/locales/*.yaml tests/fixtures/rules/no-translation.yaml)
for set in $("$pathways" templates | awk '{print $1}'); do
  for profile in "${profiles[@]}"; do
    for format in html md; do
      "$pathways" render "$profile" --template "$set" -o "$out/$(basename "$profile" .yaml)-$set.$format" 2>/dev/null
    done
  done
done
# Hostile text (markup, control characters, odd links) in Markdown: a
# profile pathways refuses writes nothing.
for set in $("$pathways" templates | awk '{print $1}'); do
  for profile in tests/fixtures/hostile/*.yaml; do
    "$pathways" render "$profile" --template "$set" \
      -o "$out/hostile-$(basename "$profile" .yaml)-$set.md" 2>/dev/null || true
  done
done

# Each profile given, with every template set, in HTML and Markdown, as
# OUT/<prefix>-<profile>-<set>.<format>.
render_each() {
  local prefix=$1 set profile format
  shift
  for set in $("$pathways" templates | awk '{print $1}'); do
    for profile in "$@"; do
      for format in html md; do
        "$pathways" render "$profile" --template "$set" \
          -o "$out/$prefix-$(basename "$profile" .yaml)-$set.$format" 2>/dev/null
      done
    done
  done
}

# Profiles import makes of pages in Spanish, French and German, and of a
# page with tables (kept as Markdown tables), as imported.
imported="$(mktemp -d)"
"$pathways" import tests/fixtures/pages/pay-table.txt tests/fixtures/pages/*.es.txt \
  tests/fixtures/pages/*.fr.txt tests/fixtures/pages/*.de.txt --out "$imported" 2>/dev/null
render_each imported "$imported"/*.yaml
rm -rf "$imported"

# Profiles seeded from O*NET and ESCO (with a French translation), their
# TODOs written as an office would, then rendered: credit lines and all.
seeded="$(mktemp -d)"
"$pathways" seed onet --db tests/fixtures/seed/onet 25-4031.00 47-2111.00 --out "$seeded" \
  --office "Riverside Careers Office" 2>/dev/null
"$pathways" seed esco --db tests/fixtures/seed/esco --lang en,fr --out "$seeded" \
  http://data.europa.eu/esco/occupation/4910419f-b4af-4f59-b544-9dbebc8a74f0 2>/dev/null
sed -i 's/TODO/Written by the office./' "$seeded"/*.yaml
render_each seeded "$seeded"/*.yaml
rm -rf "$seeded"

# Comparisons of two, three and four careers.
careers=(profiles/library-technicians.yaml tests/fixtures/compare/archivists.yaml
  tests/fixtures/compare/museum-guides.yaml tests/fixtures/locales/tecnicos-en-bibliotecas.yaml)
for count in 2 3 4; do
  for format in html md; do
    "$pathways" compare "${careers[@]:0:$count}" -o "$out/compare-$count.$format" 2>/dev/null
  done
done
# Careers with quick facts: a row for each fact two of them give.
for format in html md; do
  "$pathways" compare profiles/library-technicians.yaml profiles/veterinary-technologists-and-technicians.yaml \
    tests/fixtures/facts/credited-facts.yaml -o "$out/compare-facts.$format" 2>/dev/null
done

# An export's reports and index; the staff's index with completeness scores
# (one table per category, career types as row groups); booklets of reports
# and of handouts.
# The shipped profiles have translations: each language gets its reports and
# index, linked to each other, in the head too (the site's address given).
"$pathways" export profiles tests/fixtures/valid --format html,markdown --quiet --out "$out/export" \
  --site-url https://careers.example.org/
"$pathways" export profiles tests/fixtures/valid tests/fixtures/locales --format html,markdown \
  --index-scores --quiet --out "$out/scores"
"$pathways" export profiles tests/fixtures/valid tests/fixtures/compare tests/fixtures/locales \
  --format markdown --quiet --out "$out/book" --book booklet.html
"$pathways" export profiles tests/fixtures/valid tests/fixtures/compare tests/fixtures/locales \
  --format markdown --quiet --out "$out/book" --template handout --book booklet-handouts.html
echo "$(find "$out" -name '*.html' | wc -l) HTML and $(find "$out" -name '*.md' | wc -l) Markdown documents in $out"
