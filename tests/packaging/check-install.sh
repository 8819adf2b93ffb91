#!/usr/bin/env bash
# Checks `cmake --install` and `cpack -G DEB` of a build: every file where it belongs, a man page that renders
# without groff warnings, completions that parse, and a .deb with those files and the project's name/version.
# Usage: tests/packaging/check-install.sh BUILD_DIR   (the build must be complete: cpack builds `all` first)
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/butler-migrate-install.XXXXXX")
trap 'rm -rf "$work"' EXIT

failures=0
fail() {
    echo "check-install: $*" >&2
    failures=$((failures + 1))
}

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
[[ -n $version ]] || { echo "check-install: no project version in $build_dir/CMakeCache.txt" >&2; exit 1; }

# Paths relative to the prefix (usr/...), as in the .deb. The man page may be gzipped or not.
expected_files=(
    bin/butler-migrate
    share/bash-completion/completions/butler-migrate
    share/zsh/vendor-completions/_butler-migrate
    share/doc/butler-migrate/README.md
    share/doc/butler-migrate/LICENSE
    share/doc/butler-migrate/copyright
    share/doc/butler-migrate/user-guide.md
    share/doc/butler-migrate/exit-codes.md
    share/doc/butler-migrate/compatibility.md
)

# The installed man page (.1.gz or .1) under $1, as plain roff on stdout.
man_page_text() {
    if [[ -f $1/share/man/man1/butler-migrate.1.gz ]]; then
        gzip -dc "$1/share/man/man1/butler-migrate.1.gz"
    elif [[ -f $1/share/man/man1/butler-migrate.1 ]]; then
        cat "$1/share/man/man1/butler-migrate.1"
    else
        return 1
    fi
}

# --- cmake --install
prefix=$work/prefix/usr
if ! cmake --install "$build_dir" --prefix "$prefix" >"$work/install.log" 2>&1; then
    cat "$work/install.log" >&2
    echo "check-install: cmake --install failed" >&2
    exit 1
fi
for file in "${expected_files[@]}"; do
    [[ -f $prefix/$file && -s $prefix/$file ]] || fail "not installed (or empty): $file"
done
[[ -x $prefix/bin/butler-migrate ]] || fail "bin/butler-migrate is not executable"
installed_version=$("$prefix/bin/butler-migrate" --version 2>&1 || true)
[[ $installed_version == *"$version"* ]] || fail "installed butler-migrate --version says '$installed_version', not $version"

# --- man page
if ! command -v groff >/dev/null; then
    fail "groff is needed to check the man page (Debian package groff-base)"
elif man_page_text "$prefix" >"$work/butler-migrate.1"; then
    warnings=$(groff -man -Tutf8 -ww -z "$work/butler-migrate.1" 2>&1)
    [[ -z $warnings ]] || fail "groff warnings in the man page: $warnings"
    grep -qE '@[A-Z][A-Z0-9_]*@' "$work/butler-migrate.1" &&
        fail "man page placeholders not filled in: $(grep -oE '@[A-Z][A-Z0-9_]*@' "$work/butler-migrate.1" | sort -u | tr '\n' ' ')"
    grep -q "^\\.TH BUTLER-MIGRATE 1 .*butler-migrate $version" "$work/butler-migrate.1" ||
        fail "man page .TH does not name section 1 and version $version"
    if command -v man >/dev/null; then
        rendered=$(MANWIDTH=80 man -P cat -l "$work/butler-migrate.1" 2>"$work/man.err") || fail "man -l failed"
        [[ -s $work/man.err ]] && fail "man -l printed: $(cat "$work/man.err")"
        for heading in NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
            grep -q "^$heading\$" <<<"$rendered" || fail "man page has no $heading section"
        done
    fi
else
    fail "no man page in share/man/man1"
fi

# --- completions: the generated ones, they parse, and the bash one completes the subcommands
for generated in butler-migrate.bash:share/bash-completion/completions/butler-migrate \
    _butler-migrate:share/zsh/vendor-completions/_butler-migrate; do
    cmp -s "$build_dir/generated-docs/${generated%%:*}" "$prefix/${generated#*:}" ||
        fail "${generated#*:} is not the build's generated-docs/${generated%%:*}"
done
for installed in share/bash-completion/completions/butler-migrate share/zsh/vendor-completions/_butler-migrate; do
    grep -qE '@[A-Z][A-Z0-9_]*@' "$prefix/$installed" && fail "placeholders not filled in: $installed"
done
bash -n "$prefix/share/bash-completion/completions/butler-migrate" || fail "bash -n failed on the bash completion"
offered=$(bash -c 'source "$1"; COMP_WORDS=(butler-migrate upg); COMP_CWORD=1; _butler_migrate; echo "${COMPREPLY[*]}"' \
    _ "$prefix/share/bash-completion/completions/butler-migrate" 2>&1 || true)
[[ $offered == upgrade ]] || fail "bash completion of 'butler-migrate upg' gave '$offered', not 'upgrade'"
if command -v zsh >/dev/null; then
    zsh -n "$prefix/share/zsh/vendor-completions/_butler-migrate" || fail "zsh -n failed on the zsh completion"
    head -n 1 "$prefix/share/zsh/vendor-completions/_butler-migrate" | grep -qx '#compdef butler-migrate' ||
        fail "zsh completion does not start with '#compdef butler-migrate'"
else
    echo "check-install: zsh not found, zsh completion not parsed (skipped)"
fi

# --- cpack -G DEB (into its own folder, leaving the build's _CPack_Packages aside)
if command -v dpkg-deb >/dev/null; then
    if ! (cd "$build_dir" && cpack -G DEB -B "$work/deb") >"$work/cpack.log" 2>&1; then
        cat "$work/cpack.log" >&2
        echo "check-install: cpack -G DEB failed" >&2
        exit 1
    fi
    debs=("$work"/deb/*.deb)
    if [[ ${#debs[@]} -ne 1 || ! -f ${debs[0]} ]]; then
        fail "cpack made ${#debs[@]} .deb files: ${debs[*]}"
    else
        deb=${debs[0]}
        [[ $(basename "$deb") == butler-migrate_${version}_*.deb ]] || fail "unexpected .deb name $(basename "$deb")"
        [[ $(dpkg-deb -f "$deb" Package) == butler-migrate ]] || fail "Package is '$(dpkg-deb -f "$deb" Package)'"
        [[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "Version is '$(dpkg-deb -f "$deb" Version)', not $version"
        for field in Maintainer Description Architecture Section; do
            [[ -n $(dpkg-deb -f "$deb" "$field") ]] || fail "the .deb has no $field"
        done
        dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./||' >"$work/deb-files"
        for file in "${expected_files[@]}"; do
            grep -qx "usr/$file" "$work/deb-files" || fail "not in the .deb: usr/$file"
        done
        grep -qE '^usr/share/man/man1/butler-migrate\.1(\.gz)?$' "$work/deb-files" || fail "no man page in the .deb"
        echo "check-install: $(basename "$deb"), $(stat -c %s "$deb") bytes, Depends: $(dpkg-deb -f "$deb" Depends)"
    fi
else
    echo "check-install: dpkg-deb not found, .deb not built (skipped)"
fi

if [[ $failures -gt 0 ]]; then
    echo "check-install: $failures problem(s)" >&2
    exit 1
fi
echo "check-install: install and .deb of butler-migrate $version are complete"
