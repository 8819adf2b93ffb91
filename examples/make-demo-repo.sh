#!/usr/bin/env bash
# Creates a fresh copy of the demo Butler repository: DEST_DIR/butler.yaml and DEST_DIR/gen3.sqlite3 built
# from examples/demo-repo/registry.sql with the sqlite3 shell.
set -euo pipefail

usage() {
    echo "usage: $(basename "$0") [--force] DEST_DIR" >&2
    echo "  Creates DEST_DIR/butler.yaml and DEST_DIR/gen3.sqlite3 (the demo registry)." >&2
    echo "  --force  replace an existing DEST_DIR/gen3.sqlite3" >&2
}

force=0
dest=""
for arg in "$@"; do
    case "$arg" in
        --force) force=1 ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "$(basename "$0"): unknown option: $arg" >&2; usage; exit 2 ;;
        *)
            if [[ -n "$dest" ]]; then usage; exit 2; fi
            dest=$arg
            ;;
    esac
done
if [[ -z "$dest" ]]; then usage; exit 2; fi

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/demo-repo" && pwd)
if ! command -v sqlite3 >/dev/null; then
    echo "$(basename "$0"): the sqlite3 command-line shell is needed (Debian/Ubuntu package: sqlite3)" >&2
    exit 1
fi

mkdir -p "$dest"
database="$dest/gen3.sqlite3"
if [[ -e "$database" && $force -eq 0 ]]; then
    echo "$(basename "$0"): $database already exists; use --force to replace it" >&2
    exit 1
fi

# Build next to the target and rename, so a failed load never leaves a half-built registry behind.
partial=$(mktemp "$dest/.gen3.sqlite3.XXXXXX")
trap 'rm -f "$partial"' EXIT
rm -f "$partial"
sqlite3 -bail "$partial" < "$source_dir/registry.sql"
rm -f "$database-journal" "$database-wal" "$database-shm"
mv -f "$partial" "$database"
cp "$source_dir/butler.yaml" "$dest/butler.yaml"
echo "Demo repository created in $dest"
