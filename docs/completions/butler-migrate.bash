# bash completion for butler-migrate: subcommands, their options, REPO paths, revision ids and branch labels.
# Installed as share/bash-completion/completions/butler-migrate; works with or without the bash-completion
# package. tests/packaging/check-docs-cover-cli.sh keeps the lists below equal to what the program reports.

_butler_migrate_commands="downgrade dump-schema set-namespace show-current show-history show-trees stamp status upgrade"

# Options of each subcommand, as `butler-migrate <command> --help` lists them.
_butler_migrate_options() {
    case $1 in
        show-trees) echo "-v --verbose --mig-path --one-shot --format -h --help" ;;
        show-history) echo "-v --verbose --mig-path --one-shot --format -h --help" ;;
        show-current) echo "-v --verbose --butler --check --format --namespace --mig-path -h --help" ;;
        status) echo "--namespace --format -h --help" ;;
        stamp) echo "--mig-path --purge --namespace -n --dry-run --lock-timeout --no-backup --backup-dir -h --help" ;;
        upgrade) echo "--mig-path --one-shot-tree --sql --namespace --options --dry-run --update-config --lock-timeout --no-backup --backup-dir -h --help" ;;
        downgrade) echo "--mig-path --one-shot-tree --sql --namespace --dry-run --lock-timeout --no-backup --backup-dir -h --help" ;;
        set-namespace) echo "--update --lock-timeout --no-backup --backup-dir -h --help" ;;
        dump-schema) echo "-h --help" ;;
        "") echo "--version --log-level -h --help" ;;
    esac
}

# Options that take a value (the next word is not a positional argument).
_butler_migrate_value_options="--log-level --format --namespace --mig-path --lock-timeout --backup-dir --one-shot-tree --options"

_butler_migrate_trees="attributes collections datasets datastores dimensions dimensions-config obscore obscore-config opaque"
_butler_migrate_one_shot_trees="collections/name_2.0.0_to_int_2.0.0 datasets/int_1.0.0_to_uuid_1.0.0"
_butler_migrate_labels="attributes attributes-DefaultButlerAttributeManager collections
collections-NameKeyCollectionManager collections-SynthIntKeyCollectionManager datasets
datasets-ByDimensionsDatasetRecordStorageManager datasets-ByDimensionsDatasetRecordStorageManagerUUID
datastores datastores-MonolithicDatastoreRegistryBridgeManager dimensions
dimensions-StaticDimensionRecordStorageManager dimensions-config dimensions-config-daf_butler obscore
obscore-ObsCoreLiveTableManager obscore-config obscore-config-embargo opaque
opaque-ByNameOpaqueTableStorageManager"
_butler_migrate_revisions="035dcf13ef18 059cc7b7ef13 079a1bc77f25 1601d5973bf8 1a93ca89bc27 1fae088c80b6
2101fbf51ad3 2a8a32e1bec3 2daeabfb5019 2dea9d903dde 352c30854bb0 36d66ca4d7a3 380002bcbb26 3859eac451aa
38a9414ea7a2 3ce2d3adf1f5 3e2891b82110 4e2d7a28475b 4f4f243fea82 4fe28ef5030f 576045cb7831 5e75e5391603
6166dfbb5324 61f6b63d296d 635083325f20 6e7967ca2f9c 77e5b803ad3f 87a30df8c8c5 8b8e030aba2b 8c57494cabcc
8d2e9de2f21f 93341d68b814 97a6aabd8998 9888256c6a18 a07b3b60e369 a0d766f99876 a1e0fefed6c7 a56af31bd899
a81dddabd837 b4073b638219 bb8b5df7ff80 bf6308af80aa c0e4f9ab4a5d c2671338a42f c2c46f409743 c5ae3a2cd7c2
e45766f0daea e866114194e1 eb5a3cc76666 f0a3531f97ca f22a777cf382 f3bcee34f344"
_butler_migrate_step_options="has_simulated= null_filter_value= universe_dir= allow_dimension_universe_mismatch= obscore_config="

# Files and folders (REPO is a folder or its butler.yaml), or folders only with "-d".
_butler_migrate_paths() {
    if declare -F _filedir >/dev/null; then
        _filedir "$@"
        return
    fi
    if [[ $1 == -d ]]; then
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
    compopt -o filenames 2>/dev/null
}

_butler_migrate_words() {
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

# The value of option $prev.
_butler_migrate_option_value() {
    case $prev in
        --log-level) _butler_migrate_words "CRITICAL ERROR WARNING INFO VERBOSE DEBUG TRACE" ;;
        --format) _butler_migrate_words "text json" ;;
        --namespace) _butler_migrate_words "daf_butler" ;;
        --mig-path | --backup-dir) _butler_migrate_paths -d ;;
        --one-shot-tree) _butler_migrate_words "$_butler_migrate_one_shot_trees" ;;
        --options)
            _butler_migrate_words "$_butler_migrate_step_options"
            compopt -o nospace 2>/dev/null
            ;;
        *) COMPREPLY=() ;;
    esac
}

# Positional argument number $1 (1 = the first after the subcommand) of subcommand $command.
_butler_migrate_positional() {
    local revision_words="$_butler_migrate_revisions $_butler_migrate_labels"
    local label
    for label in $_butler_migrate_labels; do revision_words+=" $label@head"; done
    case $command:$1 in
        show-history:1)
            if [[ " ${COMP_WORDS[*]} " == *" --one-shot "* ]]; then
                _butler_migrate_words "$_butler_migrate_one_shot_trees $_butler_migrate_trees"
            else
                _butler_migrate_words "$_butler_migrate_trees"
            fi
            ;;
        show-current:1 | status:1 | stamp:1 | upgrade:1 | downgrade:1 | set-namespace:1 | dump-schema:1)
            _butler_migrate_paths
            ;;
        stamp:2) _butler_migrate_words "$_butler_migrate_trees" ;;
        upgrade:2) _butler_migrate_words "head $revision_words" ;;
        downgrade:2) _butler_migrate_words "$revision_words" ;;
        set-namespace:2) _butler_migrate_words "daf_butler" ;;
        *) COMPREPLY=() ;;
    esac
}

_butler_migrate() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    # bash splits "--format=json" and "FROM:TO" at = and : (COMP_WORDBREAKS): when the word being
    # completed is the separator itself, complete after it and put it back in front of the candidates.
    local separator=""
    if [[ $cur == [=:] ]]; then
        separator=$cur
        cur=""
    elif [[ $prev == "=" ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    _butler_migrate_complete_word
    [[ -n $separator ]] && COMPREPLY=("${COMPREPLY[@]/#/$separator}")
    return 0
}

_butler_migrate_complete_word() {
    if [[ " $_butler_migrate_value_options " == *" $prev "* ]]; then
        _butler_migrate_option_value
        return
    fi
    # Find the subcommand and count the positional arguments before the word being completed.
    local command="" positional=0 continued=0 i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == [=:] ]]; then
            continued=1
        elif ((continued)); then
            continued=0
        elif [[ " $_butler_migrate_value_options " == *" $word "* ]]; then
            ((i++))
            [[ ${COMP_WORDS[i]} == "=" ]] && ((i++))
        elif [[ $word != -* ]]; then
            if [[ -z $command ]]; then command=$word; else ((positional++)); fi
        fi
    done
    if [[ $cur == -* ]]; then
        _butler_migrate_words "$(_butler_migrate_options "$command")"
    elif [[ -z $command ]]; then
        _butler_migrate_words "$_butler_migrate_commands"
    elif [[ -n $separator || ${COMP_WORDS[COMP_CWORD - 1]} == [=:] ]]; then
        _butler_migrate_positional "$positional"
    else
        _butler_migrate_positional $((positional + 1))
    fi
}

complete -F _butler_migrate butler-migrate
