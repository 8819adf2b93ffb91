// What each option value and positional argument completes to. Options and arguments not named here
// complete to nothing (zsh still shows what is expected).
#include <cctype>

#include "butler_migrate/util/log.hpp"
#include "docgen.hpp"

namespace butler_migrate::docgen {

namespace {

// The --options keys migration steps read (the step's error message names the one it is missing).
const std::vector<std::string> kStepOptionKeys = {"has_simulated=", "null_filter_value=", "universe_dir=",
                                                  "allow_dimension_universe_mismatch=", "obscore_config="};

// The namespace registries of dimension universe 0 are given (--namespace, set-namespace NAMESPACE).
const char* const kDefaultNamespace = "daf_butler";

// "TREE_NAME" -> "tree name", "SECONDS" -> "seconds".
std::string lowered_words(const std::string& name) {
    std::string text;
    for (char c : name) text += c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

ValueCompletion words(const std::string& message, std::vector<std::string> values) {
    return {ValueKind::words, message, std::move(values), false};
}

}  // namespace

ValueCompletion option_value_completion(const std::string& command, const OptionInfo& option) {
    const std::string& name = option.key();
    if (!option.takes_value) return {};
    if (name == "--log-level") return words("level", log::level_names());
    if (name == "--format") return words("format", {"text", "json"});
    if (name == "--namespace") return words("namespace", {kDefaultNamespace});
    if (name == "--mig-path" || name == "--backup-dir") return {ValueKind::directories, "folder", {}, false};
    if (name == "--one-shot-tree") return {ValueKind::one_shot_trees, "one-shot tree", {}, false};
    if (name == "--options" && command == "upgrade") return {ValueKind::words, "key=value", kStepOptionKeys, true};
    return {ValueKind::none, lowered_words(option.metavar), {}, false};
}

ValueCompletion argument_completion(const std::string& command, const ArgumentInfo& argument) {
    const std::string& name = argument.name;
    if (name == "REPO") return {ValueKind::files, "repository", {}, false};
    // stamp's TREE_NAME (upstream's MANAGER until DM-55966) names a regular tree only.
    if (name == "TREE_NAME" && command == "stamp") return {ValueKind::trees, "tree", {}, false};
    if (name == "TREE_NAME") return {ValueKind::tree_or_one_shot, "tree name", {}, false};
    if (name == "REVISION") {
        return {command == "upgrade" ? ValueKind::revision_or_head : ValueKind::revision, "revision", {}, false};
    }
    if (name == "NAMESPACE") return words("namespace", {kDefaultNamespace});
    return {ValueKind::none, lowered_words(name), {}, false};
}

}  // namespace butler_migrate::docgen
