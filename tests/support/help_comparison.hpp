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

// Both: a page of ours in the form that must equal collapsed_whitespace(upstream's page).
inline std::string comparable_help(const std::string& ours, const std::vector<std::string>& also = {}) {
    return collapsed_whitespace(without_extension_options(ours, also));
}

}  // namespace test_support
