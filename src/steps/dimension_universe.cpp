// Historical dimension universes: finding daf_butler's universe files, converting them to JSON as Python
// does, and upstream's validation of the stored dimensions.json against them.
#include "butler_migrate/steps/dimension_universe.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "butler_migrate/util/python_json.hpp"
#include "util/unified_diff.hpp"
#include "util/yaml_to_json.hpp"

namespace butler_migrate {

namespace {

namespace fs = std::filesystem;

constexpr const char* old_dimensions_subdir = "python/lsst/daf/butler/configs/old_dimensions";
constexpr int json_indent = 2;

std::optional<std::string> environment(std::string_view name) {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

std::string universe_file_name(int version) { return "daf_butler_universe" + std::to_string(version) + ".yaml"; }

std::string read_universe_file(int version, const std::string& path) {
    std::string prefix = "Cannot read dimension universe " + std::to_string(version) + ": " + path + ": ";
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw MigrationError(prefix + "Is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MigrationError(prefix + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// json.dumps(value, indent=2, sort_keys=True): items separated by ",", keys by ": ", one item per line.
void append_sorted_indented(std::string& out, const OrderedJson& value, int level) {
    std::string inner = "\n" + std::string(static_cast<std::size_t>((level + 1) * json_indent), ' ');
    std::string outer = "\n" + std::string(static_cast<std::size_t>(level * json_indent), ' ');
    if (value.is_array() && !value.empty()) {
        out += '[';
        for (std::size_t k = 0; k < value.size(); ++k) {
            out += k ? "," + inner : inner;
            append_sorted_indented(out, value[k], level + 1);
        }
        out += outer + "]";
    } else if (value.is_object() && !value.empty()) {
        std::vector<std::pair<std::string, const OrderedJson*>> items;
        for (const auto& [key, item] : value.items()) items.emplace_back(key, &item);
        // Byte order of UTF-8 is code point order, which is how Python sorts str keys.
        std::sort(items.begin(), items.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        out += '{';
        for (std::size_t k = 0; k < items.size(); ++k) {
            out += k ? "," + inner : inner;
            out += python_json_dumps(OrderedJson(items[k].first)) + ": ";
            append_sorted_indented(out, *items[k].second, level + 1);
        }
        out += outer + "}";
    } else {
        out += python_json_dumps(value);  // scalars, [] and {}
    }
}

std::string sorted_indented(const OrderedJson& value) {
    std::string out;
    append_sorted_indented(out, value, 0);
    return out;
}

// upstream _strip_doc_properties_from_dict: drops "doc" keys, recursing into object values only.
OrderedJson without_docs(const OrderedJson& object) {
    OrderedJson stripped = OrderedJson::object();
    for (const auto& [key, value] : object.items()) {
        if (key == "doc") continue;
        stripped[key] = value.is_object() ? without_docs(value) : value;
    }
    return stripped;
}

}  // namespace

std::string historical_universe_path(int version, const std::optional<std::string>& universe_dir) {
    std::string file = universe_file_name(version);
    std::string prefix = "Cannot find dimension universe " + std::to_string(version) + ": ";
    auto check = [&](const std::string& path, const std::string& how_to_fix) {
        std::error_code ec;
        if (!fs::exists(path, ec)) throw MigrationError(prefix + path + " does not exist (" + how_to_fix + ")");
        return path;
    };
    if (universe_dir && !universe_dir->empty()) {
        return check((fs::path(*universe_dir) / file).string(),
                     "--options " + std::string(kUniverseDirOption) + "=" + *universe_dir +
                         " must name a folder with " + file);
    }
    if (auto dir = environment(kUniverseDirVariable)) {
        return check((fs::path(*dir) / file).string(),
                     std::string(kUniverseDirVariable) + "=" + *dir + " must name a folder with " + file);
    }
    std::string how_to_fix = "set " + std::string(kDafButlerDirVariable) + " to a daf_butler installation, or " +
                             std::string(kUniverseDirVariable) + " to a folder with " + file + ", or pass --options " +
                             std::string(kUniverseDirOption) + "=<folder>";
    auto daf_butler = environment(kDafButlerDirVariable);
    if (!daf_butler) {
        throw MigrationError(prefix + std::string(kDafButlerDirVariable) + " is not set (" + how_to_fix + ")");
    }
    return check((fs::path(*daf_butler) / old_dimensions_subdir / file).string(), how_to_fix);
}

std::string load_historical_universe_json(int version, const std::optional<std::string>& universe_dir) {
    std::string path = historical_universe_path(version, universe_dir);
    return yaml_to_python_json(read_universe_file(version, path), path);
}

std::string normalized_json(std::string_view json_text, std::string_view what) {
    return sorted_indented(parse_json(json_text, what));
}

std::optional<std::string> compare_json_strings(std::string_view expected_json, std::string_view actual_json) {
    std::string expected = normalized_json(expected_json, "expected dimensions.json");
    std::string actual = normalized_json(actual_json, "config:dimensions.json");
    if (expected == actual) return std::nullopt;
    return unified_diff(split_lines(expected), split_lines(actual));
}

std::optional<std::string> dimensions_json_mismatch(std::string_view expected_json, std::string_view stored_json) {
    auto diff = compare_json_strings(expected_json, stored_json);
    if (!diff) return std::nullopt;
    OrderedJson expected = parse_json(expected_json, "expected dimensions.json");
    OrderedJson stored = parse_json(stored_json, "config:dimensions.json");
    bool objects = expected.is_object() && stored.is_object();
    if (objects && sorted_indented(without_docs(expected)) == sorted_indented(without_docs(stored))) {
        return std::nullopt;
    }
    return diff;
}

void validate_dimensions_json(std::string_view stored_json, int version,
                              const std::optional<std::string>& universe_dir) {
    std::string expected = load_historical_universe_json(version, universe_dir);
    if (auto diff = dimensions_json_mismatch(expected, stored_json)) {
        throw DimensionUniverseMismatch(
            "dimensions.json stored in database does not match expected daf_butler universe version " +
                std::to_string(version) + ".",
            "Differences:\n\n" + *diff);
    }
}

}  // namespace butler_migrate
