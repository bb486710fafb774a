#!/usr/bin/env python3
"""Make N varied career profiles from the seed profile, deterministically.

Usage: scripts/make-corpus.py N OUT_DIR [--seed S]

Each profile gets its own id and title, shuffled and trimmed lists, scaled
salary figures and a random selection of optional sections, so templates and
Markdown see varied input. The same N and seed always give the same files.
"""
import argparse
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED_PROFILE = ROOT / "profiles" / "library-technicians.yaml"
REQUIRED = {"overview", "education", "responsibilities", "salary", "outlook", "skills", "getting_started"}
WORDS = ["Archive", "Data", "Museum", "Records", "Digital", "School", "Law", "Medical",
         "Research", "Media", "Catalog", "Reference", "Collection", "Preservation"]
ROLES = ["Technicians", "Assistants", "Specialists", "Coordinators", "Officers", "Clerks"]


def sections_of(lines):
    """Split the seed into the header and one block of lines per section."""
    start = lines.index("sections:")
    header, body = lines[:start + 1], lines[start + 1:]
    blocks, current = [], None
    for line in body:
        if re.match(r"^  [a-z_]+:$", line):
            current = [line]
            blocks.append(current)
        elif current is not None:
            current.append(line)
    return header, blocks


def vary_items(block, rng):
    """Shuffle the list entries of a block and sometimes drop one."""
    out, entry, entries, indent = [], None, [], None
    for line in block:
        match = re.match(r"^( +)- ", line)
        if match and (indent is None or len(match.group(1)) == indent):
            indent = len(match.group(1))
            entry = [line]
            entries.append(entry)
            continue
        if entry is not None and line.startswith(" " * (indent + 2)):
            entry.append(line)
            continue
        if entries:
            rng.shuffle(entries)
            if len(entries) > 3 and rng.random() < 0.5:
                entries.pop()
            out.extend(l for e in entries for l in e)
            entries, entry, indent = [], None, None
        out.append(line)
    if entries:
        rng.shuffle(entries)
        out.extend(l for e in entries for l in e)
    return out


def make(index, rng, header, blocks):
    title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(ROLES)}"
    profile_id = f"career-{index:05d}"
    scale = rng.uniform(0.7, 1.6)
    lines = []
    for line in header:
        if line.startswith("id: "):
            line = f"id: {profile_id}"
        elif line.startswith("title: "):
            line = f"title: {title}"
        lines.append(line)
    for block in blocks:
        section = block[0].strip().rstrip(":")
        if section not in REQUIRED and rng.random() < 0.25:
            continue
        if section == "salary":
            block = [re.sub(r"(average|min|max): (\d+)",
                            lambda m: f"{m.group(1)}: {int(int(m.group(2)) * scale) // 100 * 100}", l)
                     for l in block]
        else:
            block = vary_items(block, rng)
        lines.extend(block)
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    lines = SEED_PROFILE.read_text(encoding="utf-8").split("\n")
    header, blocks = sections_of(lines)
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    for index in range(args.count):
        (args.out / f"career-{index:05d}.yaml").write_text(make(index, rng, header, blocks), encoding="utf-8")


if __name__ == "__main__":
    main()
