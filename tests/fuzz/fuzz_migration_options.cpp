// Fuzz target: --options values (MigrationOptions::parse).
//
// Input: the option values, separated by NUL bytes (each as one --options argument). Invariants: failures
// are UsageError with a one-line message (unless it quotes a value holding a line break); a parsed result has, for every key, the value of the key's last pair, and with_prefix agrees.
#include <string>
#include <vector>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/migration_options.hpp"
#include "fuzz_support.hpp"

namespace {

// Every pair, split independently: commas outside brackets separate pairs, '=' separates key and value.
std::vector<std::pair<std::string, std::string>> expected_pairs(const std::vector<std::string>& values) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& value : values) {
        std::string current;
        int depth = 0;
        auto finish = [&] {
            auto equals = current.find('=');
            pairs.emplace_back(current.substr(0, equals), current.substr(equals + 1));
            current.clear();
        };
        for (char c : value) {
            depth += c == '[' ? 1 : (c == ']' && depth > 0 ? -1 : 0);
            if (c == ',' && depth == 0) finish();
            else current += c;
        }
        finish();
    }
    return pairs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> values = fuzz_support::split(fuzz_support::as_text(data, size), std::string_view("\0", 1), 64);
    butler_migrate::MigrationOptions options;
    try {
        options = butler_migrate::MigrationOptions::parse(values);
    } catch (const butler_migrate::UsageError& error) {
        std::string all;
        for (const auto& value : values) all += value;
        fuzz_support::check_one_line(error, all);
        return 0;
    }
    auto pairs = expected_pairs(values);
    for (auto it = pairs.rbegin(); it != pairs.rend(); ++it) {
        bool later = false;
        for (auto newer = pairs.rbegin(); newer != it; ++newer) later = later || newer->first == it->first;
        if (later) continue;
        if (options.get(it->first) != it->second) fuzz_support::violated("wrong value for key " + it->first);
    }
    if (options.all().size() > pairs.size()) fuzz_support::violated("more keys than pairs");
    for (const auto& [key, value] : options.with_prefix("day_obs_offset.")) {
        if (options.get("day_obs_offset." + key) != value) fuzz_support::violated("with_prefix disagrees on " + key);
    }
    return 0;
}
