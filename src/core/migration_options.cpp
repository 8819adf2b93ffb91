// Parsing of --options values: comma-separated KEY=VALUE pairs, as upstream's click callback splits them.
#include "butler_migrate/core/migration_options.hpp"

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {

namespace {

// Splits on commas that are not inside [...], as lsst.daf.butler.cli.utils.split_commas does.
std::vector<std::string> split_commas(const std::string& value) {
    std::vector<std::string> parts{""};
    int depth = 0;
    for (char c : value) {
        if (c == '[') ++depth;
        if (c == ']' && depth > 0) --depth;
        if (c == ',' && depth == 0) parts.emplace_back();
        else parts.back() += c;
    }
    return parts;
}

}  // namespace

MigrationOptions MigrationOptions::parse(const std::vector<std::string>& values) {
    MigrationOptions options;
    for (const auto& value : values) {
        for (const auto& pair : split_commas(value)) {
            auto first = pair.find('=');
            if (first == std::string::npos || pair.find('=', first + 1) != std::string::npos) {
                // The detail is Python's unpacking error, as upstream shows it.
                const char* detail = first == std::string::npos ? "not enough values to unpack (expected 2, got 1)"
                                                                : "too many values to unpack (expected 2)";
                throw UsageError(fmt::format(
                    "Could not parse key-value pair '{}' using separator '=', with multiple values allowed: {}",
                    pair, detail));
            }
            options.values_[pair.substr(0, first)] = pair.substr(first + 1);
        }
    }
    return options;
}

std::optional<std::string> MigrationOptions::get(std::string_view key) const {
    auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::map<std::string, std::string> MigrationOptions::with_prefix(std::string_view prefix) const {
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : values_) {
        if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0) {
            out[key.substr(prefix.size())] = value;
        }
    }
    return out;
}

}  // namespace butler_migrate
