// Taking butler-migrate's own options out of a --help page, for comparison with upstream's.
#include "help_comparison.hpp"

#include <regex>
#include <stdexcept>
#include <sstream>
#include <vector>

namespace test_support {

std::string without_extension_options(const std::string& help, const std::vector<std::string>& also) {
    // Options of ours, and "--json" of dump-schema, which upstream added after the recorded runs (2026,
    // DM-55966: cli/cmd/commands.py @c70930da).
    std::vector<std::string> ours = {"--lock-timeout", "--no-backup", "--backup-dir", "--dry-run",
                                     "--update-config", "--check", "--format", "--json", "--chunk-size"};
    ours.insert(ours.end(), also.begin(), also.end());
    std::string kept;
    bool skipping = false;
    bool in_added_paragraph = false;  // butler-migrate's paragraph on upgrade's REVISION forms (help_text.cpp)
    std::istringstream in(help);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("  REVISION may be a full revision id", 0) == 0) in_added_paragraph = true;
        if (in_added_paragraph) {
            if (line.empty()) in_added_paragraph = false;
            continue;
        }
        const bool entry = line.rfind("  -", 0) == 0;
        const bool continuation = !entry && line.rfind("   ", 0) == 0;
        if (entry) {
            skipping = false;
            for (const auto& name : ours) {
                if (line.rfind("  " + name, 0) == 0 && (line.size() == name.size() + 2 || line[name.size() + 2] == ' ')) {
                    skipping = true;
                }
            }
        } else if (!continuation) {
            skipping = false;
        }
        if (!skipping) kept += line + "\n";
    }
    return kept;
}

namespace {

std::string replaced_once(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::logic_error("recorded stamp --help lacks: " + from);
    return text.replace(at, from.size(), to);
}

}  // namespace

std::string stamp_help_since_dm55966(const std::string& recorded) {
    // Compared after collapsed_whitespace, so the recording is collapsed first and the texts are written unwrapped.
    std::string page = collapsed_whitespace(recorded);
    page = replaced_once(page, "REPO [MANAGER]", "REPO [TREE_NAME]");
    // commands.py @c70930da, the docstring of `stamp`.
    page = replaced_once(page, "with current manager versions from butler_attributes. ",
                         "with current manager versions from butler_attributes. If TREE_NAME argument is not "
                         "provided then all revision trees are stamped. ");
    // arguments.py @c70930da, tree_name_argument's help.
    page = replaced_once(page,
                         "MANAGER is a name of the manager for which to stamp the revision, if missing then all "
                         "managers already defined in butler_attributes are stamped. To stamp initial revision for a "
                         "manager not in butler_attributes, provide its name explicitly.",
                         "TREE_NAME is the revision tree name, usually it is the name of a registry manager type "
                         "(e.g. 'datasets').");
    return page;
}

std::string collapsed_whitespace(const std::string& text) {
    static const std::regex space(R"(\s+)");
    return std::regex_replace(text, space, " ");
}

}  // namespace test_support
