// Taking butler-migrate's own options out of a --help page, for comparison with upstream's.
#include "help_comparison.hpp"

#include <regex>
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
    std::istringstream in(help);
    for (std::string line; std::getline(in, line);) {
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

std::string collapsed_whitespace(const std::string& text) {
    static const std::regex space(R"(\s+)");
    return std::regex_replace(text, space, " ");
}

}  // namespace test_support
