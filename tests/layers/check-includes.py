#!/usr/bin/env python3
"""Fails on any project include that points up the layer order of docs/ARCHITECTURE.md.

The layers, lowest first, are the folders of src/ (and of include/butler_migrate/): util, config, db, core,
steps, migrations, cli. A file may include headers of its own layer and of the layers below it (so util,
the lowest, includes nothing of the project but util); a public header (include/) never includes a
private one (src/).
Prints each offending include as `file:line: ...` and exits 1 when there is any.
"""
import os
import re
import sys

LAYERS = ["util", "config", "db", "core", "steps", "migrations", "cli"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of_file(path):
    """(layer, is_public) of a project file, or None when it is not in a layer folder."""
    parts = path.split("/")
    if parts[0] == "src" and len(parts) > 2 and parts[1] in LAYERS:
        return parts[1], False
    if parts[:2] == ["include", "butler_migrate"] and len(parts) > 3 and parts[2] in LAYERS:
        return parts[2], True
    return None


def layer_of_include(root, including_file, target):
    """(layer, is_public) of the file an include names, or None when it is not a project header."""
    if os.path.exists(os.path.join(root, os.path.dirname(including_file), target)):
        return layer_of_file(os.path.normpath(os.path.join(os.path.dirname(including_file), target)))
    if os.path.exists(os.path.join(root, "include", target)):
        return layer_of_file("include/" + target) or ("?", True)
    if os.path.exists(os.path.join(root, "src", target)):
        return layer_of_file("src/" + target) or ("?", False)
    return None


def project_files(root):
    for top in ("src", "include"):
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if name.endswith((".cpp", ".hpp")):
                    yield os.path.relpath(os.path.join(folder, name), root)


def check_layer_lists(root):
    """The same order in the tree (src/ folders), the CMake targets and docs/ARCHITECTURE.md."""
    problems = []
    folders = sorted(name for name in os.listdir(os.path.join(root, "src"))
                     if os.path.isdir(os.path.join(root, "src", name)))
    if folders != sorted(LAYERS):
        problems.append(f"src:1: the folders {folders} are not the layers {LAYERS}")
    cmake_path = os.path.join(root, "CMakeLists.txt")
    if os.path.exists(cmake_path):
        with open(cmake_path, encoding="utf-8") as text:
            match = re.search(r"set\(BUTLER_MIGRATE_LAYERS ([^)]*)\)", text.read())
        if not match or match.group(1).split() != LAYERS:
            problems.append(f"CMakeLists.txt:1: BUTLER_MIGRATE_LAYERS is not {' '.join(LAYERS)}")
    doc_path = os.path.join(root, "docs", "ARCHITECTURE.md")
    if os.path.exists(doc_path):
        with open(doc_path, encoding="utf-8") as text:
            if " → ".join(LAYERS) not in text.read():
                problems.append(f"docs/ARCHITECTURE.md:1: does not state the order {' → '.join(LAYERS)}")
    return problems


def check(root):
    problems = check_layer_lists(root)
    for path in sorted(project_files(root)):
        own = layer_of_file(path)
        if own is None:
            problems.append(f"{path}:1: not in a layer folder (src/<layer>/ or include/butler_migrate/<layer>/)")
            continue
        with open(os.path.join(root, path), encoding="utf-8") as text:
            for number, line in enumerate(text, 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                target = layer_of_include(root, path, match.group(1))
                if target is None:
                    continue
                if target[0] not in LAYERS:
                    problems.append(f"{path}:{number}: includes {match.group(1)}, which is in no layer folder")
                elif LAYERS.index(target[0]) > LAYERS.index(own[0]):
                    problems.append(f"{path}:{number}: {own[0]} includes {match.group(1)} of the higher layer {target[0]}")
                elif own[1] and not target[1]:
                    problems.append(f"{path}:{number}: public header includes the private {match.group(1)}")
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    problems = check(os.path.abspath(root))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) with the layer order", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
