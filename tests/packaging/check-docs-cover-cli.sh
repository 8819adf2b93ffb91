#!/usr/bin/env bash
# Checks that the man page, both shell completions and the user guide cover the command line as the program
# reports it (`butler-migrate [COMMAND] --help`, show-trees, show-history), so that they cannot drift apart.
# The man page and the completions are the build's (BUILD_DIR/generated-docs, made by butler-migrate-docgen
# from the templates in docs/): this checks the generator too, against the program's own output.
# Usage: tests/packaging/check-docs-cover-cli.sh BUILD_DIR      (exit 0: all covered; 1: the gaps are listed)
set -uo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd)
exe=$build_dir/butler-migrate
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
man_page=$build_dir/generated-docs/butler-migrate.1
bash_completion=$build_dir/generated-docs/butler-migrate.bash
zsh_completion=$build_dir/generated-docs/_butler-migrate
user_guide=$source_dir/docs/user-guide.md
[[ -x $exe ]] || { echo "check-docs-cover-cli: $exe is not built" >&2; exit 2; }
for generated in "$man_page" "$bash_completion" "$zsh_completion"; do
    [[ -s $generated ]] || { echo "check-docs-cover-cli: $generated is not generated (build the project)" >&2; exit 2; }
done

failures=0
fail() {
    echo "check-docs-cover-cli: $*" >&2
    failures=$((failures + 1))
}

# The subcommands listed under "Commands:" in `butler-migrate --help`.
help_commands() {
    "$exe" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'
}

# The options (-x and --long) of `butler-migrate [COMMAND] --help`: the first column of the "Options:" block.
help_options() {
    "$exe" "$@" --help | awk '
        /^Options:/ { on = 1; next }
        on && /^[^ ]/ { on = 0 }
        on && /^  -/ { spec = substr($0, 3); sub(/  .*/, "", spec); print spec }' |
        grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,' | sort -u
}

# The man page text of section ".SS COMMAND" (or ".SH OPTIONS" for no command), with roff escapes removed.
man_section() {
    local start='.SH OPTIONS'
    [[ -n $1 ]] && start=".SS ${1//-/\\-}"
    START=$start awk '
        $0 == ENVIRON["START"] { on = 1; next }
        on && /^\.S[SH] / { exit }
        on { print }' "$man_page" | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' -e 's/\\c//g'
}

# The options the bash completion offers after "butler-migrate [COMMAND] -".
bash_offered_options() {
    bash -c 'source "$1"; shift
             COMP_WORDS=(butler-migrate "$@" -); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _butler_migrate
             printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion" "$@" | sort -u
}

bash_offered_commands() {
    bash -c 'source "$1"; COMP_WORDS=(butler-migrate ""); COMP_CWORD=1; _butler_migrate
             printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion" | sort -u
}

bash_list() {  # the words of one of the completion's static lists
    bash -c 'source "$1"; printf "%s\n" ${!2}' _ "$bash_completion" "$1" | sort -u
}

# zsh: the option names in the _arguments specs of _butler-migrate[_COMMAND], read by running the functions
# with _arguments replaced by a printer (its own flags such as -s and -S, alone in their word, are dropped).
zsh_offered_options() {
    zsh -f -c '
        _arguments() { print -rl -- "$@"; return 1 }
        _describe() { : }
        _message() { : }
        source "$1" >/dev/null
        fn=_butler-migrate${2:+_$2}
        (( $+functions[$fn] )) || { print -u2 "no function $fn"; exit 1 }
        words=(butler-migrate); $fn' _ "$zsh_completion" "${1:-}" |
        grep -vxE -e '-[A-Za-z]' | sed -E -e 's/^\([^)]*\)//' -e 's/^\*//' |
        grep -oE '^--?[A-Za-z][A-Za-z0-9-]*' | sort -u
}

zsh_list() {  # the words a value-completion function of the zsh completion offers
    zsh -f -c '
        _describe() { print -rl -- ${(P)${@[-1]}} }
        _alternative() { print -rl -- $ids $labels }
        source "$1" >/dev/null 2>&1
        $2' _ "$zsh_completion" "$1" | sort -u
}

# Reports the words of list $2 missing from list $3 ("what is missing where" in $1).
compare() {
    local what=$1 missing
    missing=$(comm -23 <(printf '%s\n' "$2" | sed '/^$/d' | sort -u) <(printf '%s\n' "$3" | sed '/^$/d' | sort -u))
    [[ -z $missing ]] || fail "$what: ${missing//$'\n'/ }"
}

have_zsh=0
command -v zsh >/dev/null && have_zsh=1
[[ $have_zsh == 1 ]] || echo "check-docs-cover-cli: zsh not found: the zsh completion is not checked (skipped)" >&2

commands=$(help_commands)
[[ -n $commands ]] || { echo "check-docs-cover-cli: no commands in $exe --help" >&2; exit 1; }

compare "commands missing from the bash completion" "$commands" "$(bash_offered_commands)"
compare "commands the bash completion offers that do not exist" "$(bash_offered_commands)" "$commands"
for command in $commands; do
    grep -q "^    '$command:" "$zsh_completion" || fail "command missing from the zsh completion's list: $command"
    grep -q "^_butler-migrate_$command() {" "$zsh_completion" || fail "no zsh completion function for $command"
    grep -q "butler-migrate $command\\b" "$user_guide" || fail "command never shown in docs/user-guide.md: $command"
done

# Options the program accepts but leaves out of --help, whose text for these upstream commands stays the Python
# tool's (docs/json-output.md): "COMMAND OPTION [VALUE]". Each must be accepted (any exit status but 2, usage).
hidden_options=(
    "show-trees --format json"
    "show-history --format json"
    "show-current --format json"
    "show-current --check"
)
declare -A hidden_by_command=()
for entry in "${hidden_options[@]}"; do
    read -r command option value <<<"$entry"
    repo=()
    [[ $command == show-current ]] && repo=(/nonexistent/check-docs-cover-cli)
    "$exe" "$command" "$option" ${value:+"$value"} "${repo[@]}" >/dev/null 2>&1
    [[ $? -ne 2 ]] || fail "$command does not accept $option (listed as a hidden option in $0)"
    hidden_by_command[$command]+=" $option"
done

# "" stands for the global options, checked against `butler-migrate --help` and the OPTIONS section.
for command in "" $commands; do
    label=${command:-(global options)}
    # shellcheck disable=SC2086  # the hidden options are a space-separated list
    options=$( (help_options ${command:+"$command"}; printf '%s\n' ${hidden_by_command[${command:-global}]:-}) | sort -u)
    [[ -n $options ]] || { fail "$label: no options found in --help"; continue; }
    section=$(man_section "$command")
    if [[ -z $section ]]; then
        fail "$label: no section in the man page"
    else
        for option in $options; do
            # -h/--help is described once, in OPTIONS, for every command.
            [[ -n $command && ( $option == -h || $option == --help ) ]] && continue
            grep -qE -e "(^|[^A-Za-z0-9-])$option([^A-Za-z0-9-]|\$)" <<<"$section" ||
                fail "$label: $option missing from the man page"
        done
    fi
    offered=$(bash_offered_options ${command:+"$command"})
    compare "$label: options missing from the bash completion" "$options" "$offered"
    compare "$label: options in the bash completion that the program does not have" "$offered" "$options"
    if [[ $have_zsh == 1 ]]; then
        offered=$(zsh_offered_options "$command")
        compare "$label: options missing from the zsh completion" "$options" "$offered"
        compare "$label: options in the zsh completion that the program does not have" "$offered" "$options"
    fi
done

# Every exit status of exit_status.hpp has an entry in the man page's EXIT STATUS section.
exit_status_header=$source_dir/include/butler_migrate/util/exit_status.hpp
statuses=$(grep -oE '= [0-9]+,' "$exit_status_header" | tr -dc '0-9\n')
[[ -n $statuses ]] || fail "no exit statuses found in $exit_status_header"
for status in $statuses; do
    awk '/^\.SH EXIT STATUS/ { on = 1; next } on && /^\.SH / { exit } on' "$man_page" | grep -qx "\\.B $status" ||
        fail "exit status $status missing from the man page's EXIT STATUS section"
done

# The static lists of the completions: tree names, one-shot trees, branch labels and revision ids.
trees=$("$exe" show-trees)
one_shot_trees=$("$exe" show-trees --one-shot)
history=$("$exe" show-history; "$exe" show-history --one-shot)
revisions=$(sed -E 's/^.* -> ([0-9a-f]+)[ ,].*/\1/' <<<"$history" | sort -u)
# The labels are the group after "<down>[ (<depends_on>)] -> <id>".
labels=$(sed -nE 's/^.* -> [0-9a-f]{12} \(([^)]*)\).*/\1/p' <<<"$history" | tr ',' '\n' | tr -d ' ' | sort -u)
for list in trees one_shot_trees labels revisions; do
    expected=${!list}
    [[ -n $expected ]] || { fail "the program lists no $list"; continue; }
    actual=$(bash_list "_butler_migrate_$list")
    compare "$list missing from the bash completion" "$expected" "$actual"
    compare "$list in the bash completion that the program does not know" "$actual" "$expected"
done
if [[ $have_zsh == 1 ]]; then
    compare "trees: zsh completion differs" "$trees" "$(zsh_list _butler-migrate_trees)"
    compare "trees: zsh completion has extra" "$(zsh_list _butler-migrate_trees)" "$trees"
    compare "one-shot trees: zsh completion differs" "$one_shot_trees" "$(zsh_list _butler-migrate_one_shot_trees)"
    compare "revisions and labels: zsh completion lacks" "$revisions"$'\n'"$labels" "$(zsh_list _butler-migrate_revision)"
    compare "revisions and labels: zsh completion has extra" "$(zsh_list _butler-migrate_revision)" "$revisions"$'\n'"$labels"
fi

if [[ $failures -gt 0 ]]; then
    echo "check-docs-cover-cli: $failures gap(s) between the command line and the man page or completions" >&2
    exit 1
fi
echo "check-docs-cover-cli: man page, bash and zsh completions cover $(wc -w <<<"$commands") commands and their options"
