#!/usr/bin/env python3
"""Find import cycles between the library's modules (src/, the binary's
src/cli and src/main.rs left out): README says dependencies point down.

Usage: scripts/module-cycles.py [SRC_DIR]

Each `crate::…`, `super::…` and `self::…` path in a module's code (its
`#[cfg(test)]` modules left out) is an edge to the module it names. An edge
counts between siblings: `render/pdf/markup.rs` naming
`render::markdown` is the edge pdf -> markdown under `render`. A module
naming one of its own ancestors (`super::Format` in a child of `render`) is
not an edge: the parent declares its children and offers their shared types.
Exit 1 and each cycle printed if there is one; 0 and a count otherwise.
"""
import pathlib
import re
import sys

SRC = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "src")
PATH = re.compile(r"\b(crate|(?:super::)*super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)+)")


def module_of(file):
    parts = list(file.relative_to(SRC).with_suffix("").parts)
    if parts[-1] in ("mod", "lib"):
        parts.pop()
    return tuple(parts)


def code_without_tests(text):
    # Test modules sit at the end of a file: cut from the first one on.
    cut = re.search(r"#\[cfg\(test\)\]\s*mod\s", text)
    return text[: cut.start()] if cut else text


files = [f for f in SRC.rglob("*.rs") if not (f.name == "main.rs" or "cli" in f.relative_to(SRC).parts)]
modules = {module_of(f) for f in files}
# Directories with a mod.rs are modules too.
for module in list(modules):
    for depth in range(1, len(module)):
        modules.add(module[:depth])

edges = {}
for file in files:
    here = module_of(file)
    for root, rest in PATH.findall(code_without_tests(file.read_text())):
        if root == "crate":
            base = ()
        elif root == "self":
            base = here
        else:
            base = here[: len(here) - root.count("super")]
        target = list(base)
        for segment in rest.strip(":").split("::"):
            if tuple(target + [segment]) in modules:
                target.append(segment)
            else:
                break
        target = tuple(target)
        common = 0
        while common < min(len(here), len(target)) and here[common] == target[common]:
            common += 1
        if common == len(here) or common == len(target):
            continue  # an ancestor or a descendant: not between siblings
        parent = here[:common]
        edges.setdefault(parent, {}).setdefault(here[common], set()).add(target[common])

cycles = []
for parent, graph in edges.items():
    # Tarjan's strongly connected components.
    index, low, stack, on_stack, counter = {}, {}, [], set(), [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append((parent, sorted(component)))

    for node in list(graph):
        if node not in index:
            visit(node)

count = sum(len(targets) for graph in edges.values() for targets in graph.values())
if cycles:
    for parent, component in cycles:
        where = "::".join(parent) or "crate"
        print(f"cycle under {where}: {' <-> '.join(component)}")
        for node in component:
            into = sorted(edges[parent].get(node, set()) & set(component))
            print(f"  {node} -> {', '.join(into)}")
    sys.exit(1)
print(f"no import cycle: {count} edges between sibling modules in {len(files)} files")
