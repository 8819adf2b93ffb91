// The walk from a loaded YAML node to JSON: tags checked, merge keys flattened, keys made json.dumps's strings.
#include "util/yaml_to_json_walk.hpp"

#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "util/yaml_to_json_common.hpp"
#include "util/yaml_to_json_construct.hpp"

namespace butler_migrate::yaml_detail {

namespace {

bool is_merge_key(const YAML::Node& key) {
    return key.IsScalar() && ((key.Tag() == "?" && key.Scalar() == "<<") || key.Tag() == core("merge"));
}

using Pairs = std::vector<std::pair<YAML::Node, YAML::Node>>;

// PyYAML's flatten_mapping: pairs merged in with "<<" come first (from a list of mappings, the last mapping's
// pairs first), then the mapping's own pairs; later pairs override earlier ones.
Pairs flattened_pairs(const YAML::Node& mapping, std::string_view what, int depth) {
    if (depth > max_depth) fail(what, "merge keys nest too deeply");
    Pairs merged, own;
    for (const auto& item : mapping) {
        if (!is_merge_key(item.first)) {
            own.emplace_back(item.first, item.second);
            continue;
        }
        const YAML::Node& source = item.second;
        if (source.IsMap()) {
            Pairs pairs = flattened_pairs(source, what, depth + 1);
            merged.insert(merged.end(), pairs.begin(), pairs.end());
        } else if (source.IsSequence()) {
            std::vector<Pairs> each;
            for (const auto& element : source) {
                if (!element.IsMap()) fail(what, "expected a mapping for merging");
                each.push_back(flattened_pairs(element, what, depth + 1));
            }
            for (auto it = each.rbegin(); it != each.rend(); ++it) merged.insert(merged.end(), it->begin(), it->end());
        } else {
            fail(what, "expected a mapping or list of mappings for merging");
        }
    }
    merged.insert(merged.end(), own.begin(), own.end());
    return merged;
}

OrderedJson convert(const YAML::Node& node, std::string_view what, int depth);

OrderedJson key_value(const YAML::Node& key, std::string_view what, int depth) {
    if (!key.IsScalar() && !key.IsNull()) fail(what, "found unhashable key (a mapping or sequence)");
    return convert(key, what, depth);
}

// json.dumps's key conversion: strings kept, numbers, booleans and None written as JSON would.
std::string json_key(const OrderedJson& key) {
    return key.is_string() ? key.get<std::string>() : python_json_dumps(key);
}

// Keys equal for a Python dict get the same text: true, 1 and 1.0 are one key, "1" is another.
std::string python_key_identity(const OrderedJson& key) {
    if (key.is_string()) return "s" + key.get<std::string>();
    if (key.is_boolean()) return key.get<bool>() ? "n1" : "n0";
    if (key.is_number_integer()) return "n" + key.dump();
    if (key.is_number_float()) {
        double v = key.get<double>();
        if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) < 9.2e18) {
            return "n" + std::to_string(static_cast<std::int64_t>(v));
        }
        return "f" + python_json_dumps(key);
    }
    return "null";
}

OrderedJson convert(const YAML::Node& node, std::string_view what, int depth) {
    if (depth > max_depth) fail(what, "structure nests too deeply (recursive alias?)");
    std::string tag = node.Tag();
    switch (node.Type()) {
        case YAML::NodeType::Null:
            return tag == core("str") ? OrderedJson("") : OrderedJson(nullptr);
        case YAML::NodeType::Scalar:
            return construct_scalar(node, what);
        case YAML::NodeType::Sequence: {
            if (tag != "?" && tag != "!" && tag != core("seq")) {
                fail(what, "sequences tagged '" + tag + "' are not supported");
            }
            OrderedJson array = OrderedJson::array();
            for (const auto& element : node) array.push_back(convert(element, what, depth + 1));
            return array;
        }
        case YAML::NodeType::Map: {
            if (tag != "?" && tag != "!" && tag != core("map")) {
                fail(what, "mappings tagged '" + tag + "' are not supported");
            }
            // A repeated key keeps the place and the spelling of its first occurrence (Python dict).
            // Known gap: keys Python keeps apart but json.dumps writes alike (1 and "1") become one here.
            OrderedJson object = OrderedJson::object();
            std::map<std::string, std::string> first_spelling;
            for (const auto& [key, value] : flattened_pairs(node, what, depth)) {
                OrderedJson k = key_value(key, what, depth + 1);
                const std::string& name = first_spelling.emplace(python_key_identity(k), json_key(k)).first->second;
                object[name] = convert(value, what, depth + 1);
            }
            return object;
        }
        default:
            return nullptr;
    }
}

}  // namespace

OrderedJson document_to_json(const YAML::Node& root, std::string_view what) { return convert(root, what, 0); }

}  // namespace butler_migrate::yaml_detail
