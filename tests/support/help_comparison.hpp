// Comparing our --help pages with the real tool's: the options butler-migrate adds are taken out first.
#pragma once

#include <string>
#include <vector>

namespace test_support {

// `help` without the entries of the options butler-migrate adds to upstream's commands (--lock-timeout,
// --no-backup, --backup-dir, --dry-run, --update-config, --check, --format, --chunk-size; `also` names more,
// such as an option upstream has on other commands only) and of those upstream added after the
// recorded runs (dump-schema --json): an entry is its "  --name" line and
// the deeper-indented lines continuing its description.
std::string without_extension_options(const std::string& help, const std::vector<std::string>& also = {});

// Every run of white space (line breaks included) made one space: with the extra options the option column
// is wider, so descriptions wrap at other words than upstream's.
std::string collapsed_whitespace(const std::string& text);

// upstream's recorded 2025 `stamp --help` page as upstream prints it since DM-55966 (lsst-dm/daf_butler_migrate
// cli/cmd/commands.py and cli/opt/arguments.py @c70930da): the argument MANAGER renamed TREE_NAME in the usage
// line, the docstring's added sentence "If TREE_NAME argument is not provided then all revision trees are
// stamped.", and the MANAGER paragraph replaced by tree_name_argument's help. Every other byte is the recording's.
// REQUIREs (by throwing std::logic_error) that the recording has the 2025 text it rewrites.
std::string stamp_help_since_dm55966(const std::string& recorded);

// Both: a page of ours in the form that must equal collapsed_whitespace(upstream's page).
inline std::string comparable_help(const std::string& ours, const std::vector<std::string>& also = {}) {
    return collapsed_whitespace(without_extension_options(ours, also));
}

}  // namespace test_support
