// The --options KEY=VALUE pairs handed to migration steps, parsed as upstream's click option does.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace butler_migrate {

class MigrationOptions {
public:
    MigrationOptions() = default;

    // Each value may hold several comma-separated pairs (commas inside [...] do not split); a pair needs
    // exactly one '='; later keys override earlier ones. Throws UsageError with upstream's message.
    static MigrationOptions parse(const std::vector<std::string>& values);

    std::optional<std::string> get(std::string_view key) const;
    // Keys starting with `prefix`, with the prefix removed ("day_obs_offset." → {"HSC": "0"}).
    std::map<std::string, std::string> with_prefix(std::string_view prefix) const;
    const std::map<std::string, std::string, std::less<>>& all() const { return values_; }

private:
    std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace butler_migrate
