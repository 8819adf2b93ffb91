// Reading configuration files: YAML with !include tags, JSON, and includeConfigs merging.
#include "config/yaml_includes.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/paths.hpp"

namespace butler_migrate::config_detail {

namespace fs = std::filesystem;

namespace {

constexpr int max_include_depth = 32;
constexpr const char* include_key = "includeConfigs";

using PathStep = std::variant<std::string, std::size_t>;
using KeyPath = std::vector<PathStep>;

std::string one_line(std::string text) {
    for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return text;
}

std::string read_text(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw ConfigFileNotFound("No such file or directory: '" + path + "'");
    if (fs::is_directory(path, ec)) throw ConfigError("Unable to read configuration file " + path + ": Is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("Unable to read configuration file " + path + ": " + std::strerror(errno));
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

YAML::Node parse_yaml(const std::string& text, const std::string& path) {
    try {
        return YAML::Load(text);
    } catch (const YAML::Exception& error) {
        throw ConfigError("Unable to parse configuration file " + path + ": " + one_line(error.what()));
    }
}

YAML::Node yaml_from_json(const nlohmann::json& value) {
    if (value.is_object()) {
        YAML::Node map(YAML::NodeType::Map);
        for (const auto& [key, item] : value.items()) map[key] = yaml_from_json(item);
        return map;
    }
    if (value.is_array()) {
        YAML::Node sequence(YAML::NodeType::Sequence);
        for (const auto& item : value) sequence.push_back(yaml_from_json(item));
        return sequence;
    }
    if (value.is_null()) return YAML::Node(YAML::NodeType::Null);
    return YAML::Node(value.is_string() ? value.get<std::string>() : value.dump());
}

YAML::Node parse_json(const std::string& text, const std::string& path) {
    try {
        return yaml_from_json(nlohmann::json::parse(text));
    } catch (const nlohmann::json::exception& error) {
        std::string message = error.what();
        message = message.substr(0, message.find("; last read"));  // never echo file content
        throw ConfigError("Unable to parse configuration file " + path + ": " + one_line(message));
    }
}

// Deeper than this, a document is taken to be a cycle of aliases (an anchor that contains itself).
constexpr int max_nesting = 256;

YAML::Node resolve_tags(const YAML::Node& node, const std::string& directory, int depth, int nesting = 0);

// The YAML document named by an `!include` tag, its own tags resolved relative to its own directory.
YAML::Node load_included(const YAML::Node& name_node, const std::string& directory, int depth) {
    if (!name_node.IsScalar()) throw ConfigError("!include expects file names, in " + directory);
    const std::string& name = name_node.Scalar();
    std::optional<std::string> path;
    if (!uri_scheme(name).empty()) {
        path = local_path(name);
        if (!path) throw ConfigError("Unsupported URI in !include: " + name);
    } else {
        path = absolute_path(!name.empty() && name[0] == '/' ? name : directory + "/" + name);
    }
    if (depth >= max_include_depth) throw ConfigError("Too many nested includes at " + *path);
    return resolve_tags(parse_yaml(read_text(*path), *path), parent_directory(*path), depth + 1);
}

YAML::Node resolve_tags(const YAML::Node& node, const std::string& directory, int depth, int nesting) {
    if (nesting > max_nesting) {
        throw ConfigError("Configuration in " + directory + " nests more than " + std::to_string(max_nesting) +
                          " levels deep (an alias inside its own anchor?)");
    }
    if (node.Tag() == "!include") {
        if (node.IsScalar()) return load_included(node, directory, depth);
        YAML::Node result(node.IsMap() ? YAML::NodeType::Map : YAML::NodeType::Sequence);
        if (node.IsSequence()) {
            for (const YAML::Node& item : node) result.push_back(load_included(item, directory, depth));
        } else if (node.IsMap()) {
            for (const auto& item : node) result[item.first.Scalar()] = load_included(item.second, directory, depth);
        } else {
            throw ConfigError("Unrecognised node type in !include statement, in " + directory);
        }
        return result;
    }
    if (node.IsMap()) {
        YAML::Node result(YAML::NodeType::Map);
        for (const auto& item : node) result[YAML::Clone(item.first)] = resolve_tags(item.second, directory, depth, nesting + 1);
        return result;
    }
    if (node.IsSequence()) {
        YAML::Node result(YAML::NodeType::Sequence);
        for (const YAML::Node& item : node) result.push_back(resolve_tags(item, directory, depth, nesting + 1));
        return result;
    }
    return YAML::Clone(node);
}

// Config.nameTuples order (depth first, document order) restricted to keys named includeConfigs.
void collect_include_paths(const YAML::Node& node, KeyPath& prefix, std::vector<KeyPath>& found) {
    if (node.IsMap()) {
        for (const auto& item : node) {
            const std::string key = item.first.Scalar();
            prefix.emplace_back(key);
            if (key == include_key) {
                found.push_back(prefix);
            } else {
                collect_include_paths(item.second, prefix, found);
            }
            prefix.pop_back();
        }
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            prefix.emplace_back(i);
            collect_include_paths(node[i], prefix, found);
            prefix.pop_back();
        }
    }
}

// The file an includeConfigs entry names: URIs and absolute paths as they are, relative names searched in
// the current directory first, then in the including file's directory.
std::string find_include_file(const YAML::Node& entry, const std::string& directory) {
    if (!entry.IsScalar()) throw ConfigError(std::string(include_key) + " expects file names, in " + directory);
    std::string name = expand_vars(entry.Scalar());
    if (!uri_scheme(name).empty()) {
        std::optional<std::string> path = local_path(name);
        if (!path) throw ConfigError("Unsupported URI in " + std::string(include_key) + ": " + name);
        return *path;
    }
    name = expand_user(name);
    if (!name.empty() && name[0] == '/') return absolute_path(name);
    std::error_code ec;
    for (const std::string& base : {fs::current_path().string(), directory}) {
        std::string candidate = absolute_path(base + "/" + name);
        if (fs::exists(candidate, ec)) return candidate;
    }
    throw ConfigError("Unable to find referenced include file: " + name);
}

YAML::Node read_config_file_at_depth(const std::string& path, int depth);

// The node at `path` in `root`; undefined when it is no longer there (an earlier include replaced a mapping
// or list on the way by a value of another kind).
YAML::Node node_at(const YAML::Node& root, const KeyPath& path) {
    YAML::Node target = root;
    for (const PathStep& step : path) {
        YAML::Node next(YAML::NodeType::Undefined);
        if (const auto* key = std::get_if<std::string>(&step)) {
            next.reset(child(target, *key));
        } else if (target.IsSequence() && std::get<std::size_t>(step) < target.size()) {
            next.reset(target[std::get<std::size_t>(step)]);
        }
        if (!next.IsDefined()) return next;
        target.reset(next);
    }
    return target;
}

// Replaces the mapping at `base` by its includeConfigs files merged in order, its own keys written last.
void apply_include(YAML::Node& root, const KeyPath& base, const std::string& directory, int depth) {
    YAML::Node target = node_at(root, base);
    if (!child(target, include_key).IsDefined()) return;
    YAML::Node includes = YAML::Clone(target[include_key]);
    target.remove(include_key);
    std::vector<YAML::Node> names;
    if (includes.IsSequence()) {
        for (const YAML::Node& item : includes) names.push_back(item);
    } else {
        names.push_back(includes);
    }
    if (names.empty()) return;
    YAML::Node combined(YAML::NodeType::Map);
    for (const YAML::Node& name : names) {
        std::string file = find_include_file(name, directory);
        combined = merged(combined, read_config_file_at_depth(file, depth + 1));
    }
    combined = merged(combined, target);
    if (base.empty()) {
        root.reset(combined);
    } else {
        target = combined;
    }
}

YAML::Node read_config_file_at_depth(const std::string& path, int depth) {
    if (depth >= max_include_depth) throw ConfigError("Too many nested includes at " + path);
    const std::string directory = parent_directory(path);
    const std::string extension = file_extension(path);
    YAML::Node root;
    if (extension == ".yaml") {
        root = resolve_tags(parse_yaml(read_text(path), path), directory, depth);
    } else if (extension == ".json") {
        root = parse_json(read_text(path), path);
    } else {
        std::error_code ec;
        if (!fs::exists(path, ec)) throw ConfigFileNotFound("Config location " + path + " does not exist.");
        throw ConfigError("The Config URI does not have a supported extension: " + path);
    }
    if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
    if (!root.IsMap()) throw ConfigError("Configuration file " + path + " does not hold a mapping");
    std::vector<KeyPath> include_paths;
    KeyPath prefix;
    collect_include_paths(root, prefix, include_paths);
    for (KeyPath& include_path : include_paths) {
        include_path.pop_back();
        apply_include(root, include_path, directory, depth);
    }
    return root;
}

}  // namespace

YAML::Node read_config_file(const std::string& path) {
    try {
        return read_config_file_at_depth(path, 0);
    } catch (const YAML::Exception& error) {  // a yaml-cpp node operation this code did not foresee
        throw ConfigError("Unable to read configuration file " + path + ": " + one_line(error.what()));
    }
}

YAML::Node child(const YAML::Node& map, const std::string& key) {
    if (!map.IsDefined() || !map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    for (const auto& item : map) {
        if (item.first.IsScalar() && item.first.Scalar() == key) return item.second;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node merged(const YAML::Node& base, const YAML::Node& overlay) {
    YAML::Node result = base.IsDefined() && base.IsMap() ? YAML::Clone(base) : YAML::Node(YAML::NodeType::Map);
    if (!overlay.IsDefined() || !overlay.IsMap()) return result;
    for (const auto& item : overlay) {
        const std::string key = item.first.Scalar();
        if (item.second.IsMap()) {
            result[key] = merged(child(result, key), item.second);
        } else {
            result[key] = YAML::Clone(item.second);
        }
    }
    return result;
}

}  // namespace butler_migrate::config_detail
