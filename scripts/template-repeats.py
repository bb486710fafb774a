#!/usr/bin/env python3
"""Counts template lines written word for word in another template.

A line counts when, stripped of indentation, it also appears in a different
file of `templates/`; blank lines and lines that only close something
(`{% endif %}`, `</ul>`, `)`) or only name the shared part they use
(`{% extends "base.html.j2" %}`, `{% import "parts.md" as parts %}`,
`{% block main %}`) do not, nor the line that opens a macro: each parts
file declares the blocks career.j2 walks under the same names. Usage:

    scripts/template-repeats.py [--max N] [--list]

With --max, exits 1 when more than N lines repeat (run by .ci/run).
"""
import collections
import pathlib
import re
import sys

CLOSING = re.compile(r"\{%-?\s*(end\w*|else)\s*-?%\}|</?\w+>|[)\]}]+,?")
REFERENCE = re.compile(
    r"\{%-?\s*(extends|import|block)\s[^%]*%\}|\{%-?\s*macro\s[^%]*-?%\}(\{%-?\s*endmacro\s*-?%\})?"
)


def main() -> int:
    args = sys.argv[1:]
    limit = int(args[args.index("--max") + 1]) if "--max" in args else None
    folder = pathlib.Path(__file__).resolve().parent.parent / "templates"
    lines = {
        path.name: [line.strip() for line in path.read_text().splitlines() if line.strip()]
        for path in sorted(folder.iterdir())
        if path.is_file()
    }
    files_of = collections.defaultdict(set)
    for name, text in lines.items():
        for line in text:
            files_of[line].add(name)
    repeated = [
        (name, line)
        for name, text in lines.items()
        for line in text
        if len(files_of[line]) > 1 and not CLOSING.fullmatch(line)
        and not REFERENCE.fullmatch(line)
    ]
    total = sum(len(text) for text in lines.values())
    if "--list" in args:
        for name, line in repeated:
            print(f"{name}: {line}")
    print(f"{len(repeated)} of {total} template lines repeat another template's line word for word")
    if limit is not None and len(repeated) > limit:
        print(f"more than {limit}: share the block (a base template, a macro in parts.*)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
