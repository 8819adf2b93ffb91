// Setting registry.managers.<manager> in the text of a butler.yaml: replace one value or add one entry.
#include "config/manager_yaml_edit.hpp"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "config/yaml_includes.hpp"

namespace butler_migrate::config_detail {

namespace {

constexpr const char* kIncludeKey = "includeConfigs";
constexpr const char* kIncludeTag = "!include";

// The file as lines, each with its own line ending ("\n", "\r\n", or none for an unterminated last line).
struct TextLines {
    std::vector<std::string> lines;
    std::string eol = "\n";

    explicit TextLines(const std::string& text) {
        for (std::size_t start = 0; start < text.size();) {
            std::size_t end = text.find('\n', start);
            end = end == std::string::npos ? text.size() : end + 1;
            lines.push_back(text.substr(start, end - start));
            start = end;
        }
        const std::string first = lines.empty() ? "" : lines.front();
        if (first.size() >= 2 && first.compare(first.size() - 2, 2, "\r\n") == 0) eol = "\r\n";
    }
    std::string joined() const {
        std::string text;
        for (const std::string& line : lines) text += line;
        return text;
    }
    // Inserts `line` (without ending) before index `at`; an unterminated line before it gets an ending first.
    void insert(std::size_t at, const std::string& line) {
        if (at > 0 && !lines[at - 1].empty() && lines[at - 1].back() != '\n') lines[at - 1] += eol;
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), line + eol);
    }
};

// The line without its ending.
std::string content(const std::string& line) {
    std::size_t end = line.size();
    while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) --end;
    return line.substr(0, end);
}

std::size_t indent_of(const std::string& line) {
    std::size_t n = 0;
    while (n < line.size() && line[n] == ' ') ++n;
    return n;
}

bool is_blank_or_comment(const std::string& line) {
    std::string text = content(line);
    std::size_t first = text.find_first_not_of(" \t");
    return first == std::string::npos || text[first] == '#';
}

// The index after the last line with content that belongs to the block under the key on line `key_line` at
// column `key_column` (lines indented deeper; blank and comment lines do not end the block).
std::size_t block_end(const TextLines& text, std::size_t key_line, std::size_t key_column) {
    std::size_t end = key_line + 1;
    for (std::size_t i = key_line + 1; i < text.lines.size(); ++i) {
        if (is_blank_or_comment(text.lines[i])) continue;
        if (indent_of(text.lines[i]) <= key_column) break;
        end = i + 1;
    }
    return end;
}

// A key written plainly at its mark (`key:`), for editing its line; returns the column after the colon.
std::size_t colon_after_key(const TextLines& text, const YAML::Node& key) {
    const YAML::Mark mark = key.Mark();
    if (key.Tag() != "?" || mark.line < 0 || static_cast<std::size_t>(mark.line) >= text.lines.size()) {
        throw UnsafeYamlEdit("the key '" + key.Scalar() + "' is not written as a plain key");
    }
    const std::string line = content(text.lines[static_cast<std::size_t>(mark.line)]);
    std::size_t at = static_cast<std::size_t>(mark.column);
    if (line.compare(at, key.Scalar().size(), key.Scalar()) != 0) {
        throw UnsafeYamlEdit("the key '" + key.Scalar() + "' is not written as a plain key");
    }
    at = line.find_first_not_of(' ', at + key.Scalar().size());
    if (at == std::string::npos || line[at] != ':') {
        throw UnsafeYamlEdit("the key '" + key.Scalar() + "' is not written as a plain key");
    }
    return at + 1;
}

// The key node of `name` in the mapping `map` (plain scalar keys only).
std::optional<YAML::Node> key_node(const YAML::Node& map, const std::string& name) {
    for (const auto& item : map) {
        if (item.first.IsScalar() && item.first.Scalar() == name) return item.first;
    }
    return std::nullopt;
}

// A block mapping under `what` that holds no !include tag (its own keys are what the file says).
void require_block_mapping(const YAML::Node& node, const std::string& what) {
    if (node.Tag() == kIncludeTag) throw UnsafeYamlEdit(what + " comes from an !include file");
    if (!node.IsMap()) throw UnsafeYamlEdit(what + " is not a mapping");
    if (node.Style() == YAML::EmitterStyle::Flow) throw UnsafeYamlEdit(what + " is a flow-style mapping ({...})");
}

// Where the value on a `key: value  # comment` line starts and ends (end before spaces and comment).
struct ValueSpan {
    std::size_t start = 0;
    std::size_t end = 0;
    char quote = 0;
};

ValueSpan value_span(const std::string& line, std::size_t after_colon, const std::string& key) {
    ValueSpan span;
    span.start = line.find_first_not_of(' ', after_colon);
    if (span.start == std::string::npos || line[span.start] == '#') {
        span.start = span.end = after_colon;
        return span;
    }
    const char first = line[span.start];
    if (std::string("&*!|>{[%@`").find(first) != std::string::npos) {
        throw UnsafeYamlEdit("the value of '" + key + "' uses YAML syntax that is not edited automatically");
    }
    if (first == '"' || first == '\'') {
        span.quote = first;
        std::size_t at = span.start + 1;
        while (at < line.size() && !(line[at] == first && !(first == '"' && line[at - 1] == '\\'))) {
            at += (first == '\'' && line.compare(at, 2, "''") == 0) ? 2 : 1;
        }
        if (at >= line.size()) throw UnsafeYamlEdit("the value of '" + key + "' spans several lines");
        span.end = at + 1;
    } else {
        std::size_t comment = line.find(" #", span.start);
        span.end = comment == std::string::npos ? line.size() : comment;
        while (span.end > span.start && line[span.end - 1] == ' ') --span.end;
    }
    std::size_t rest = line.find_first_not_of(' ', span.end);
    if (rest != std::string::npos && line[rest] != '#') {
        throw UnsafeYamlEdit("the value of '" + key + "' is not a single value");
    }
    return span;
}

// Replaces the value of the one-line entry whose key is `key` (in a block mapping) by `value`.
void replace_entry_value(TextLines& text, const YAML::Node& key, const std::string& value) {
    const std::string& name = key.Scalar();
    const auto line_index = static_cast<std::size_t>(key.Mark().line);
    const std::size_t after_colon = colon_after_key(text, key);
    if (block_end(text, line_index, static_cast<std::size_t>(key.Mark().column)) != line_index + 1) {
        throw UnsafeYamlEdit("the entry '" + name + "' spans several lines (a mapping with cls: or a long value)");
    }
    std::string& line = text.lines[line_index];
    const std::string ending = line.substr(content(line).size());
    const std::string body = content(line);
    const ValueSpan span = value_span(body, after_colon, name);
    const std::string written = span.quote ? span.quote + value + span.quote : value;
    std::string tail = body.substr(span.end);
    if (span.start == span.end && !tail.empty() && tail.front() != ' ') tail = " " + tail;
    const std::string head = span.start == span.end ? body.substr(0, after_colon) + " " : body.substr(0, span.start);
    line = head + written + tail + ending;
}

// The column of the first key of a block mapping, which every key of it shares.
std::size_t key_column(const YAML::Node& map) {
    for (const auto& item : map) return static_cast<std::size_t>(item.first.Mark().column);
    return 0;
}

bool has_include_key(const YAML::Node& map) { return map.IsMap() && child(map, kIncludeKey).IsDefined(); }

void add_entry(TextLines& text, const YAML::Node& managers_key, const YAML::Node& managers, const std::string& entry) {
    if (has_include_key(managers) || key_node(managers, "<<")) {
        throw UnsafeYamlEdit("registry.managers takes entries from included files");
    }
    const auto line = static_cast<std::size_t>(managers_key.Mark().line);
    const std::size_t column = key_column(managers);
    text.insert(block_end(text, line, static_cast<std::size_t>(managers_key.Mark().column)),
                std::string(column, ' ') + entry);
}

// `managers:` with nothing after it (a null value): the entry goes on the next line, one step deeper.
void add_first_entry(TextLines& text, const YAML::Node& managers_key, std::size_t step, const std::string& entry) {
    const auto line = static_cast<std::size_t>(managers_key.Mark().line);
    const std::string body = content(text.lines[line]);
    const std::size_t after_colon = colon_after_key(text, managers_key);
    const std::size_t rest = body.find_first_not_of(' ', after_colon);
    if (rest != std::string::npos && body[rest] != '#') throw UnsafeYamlEdit("registry.managers is not a mapping");
    const std::size_t column = static_cast<std::size_t>(managers_key.Mark().column) + step;
    text.insert(line + 1, std::string(column, ' ') + entry);
}

}  // namespace

std::string with_manager_class(const std::string& text, const std::string& manager, const std::string& value) {
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception&) {
        throw UnsafeYamlEdit("the file is not valid YAML");
    }
    if (!root.IsMap() || root.Style() == YAML::EmitterStyle::Flow) {
        throw UnsafeYamlEdit("the file is not a block-style mapping");
    }
    TextLines lines(text);
    std::optional<YAML::Node> registry_key = key_node(root, "registry");
    if (!registry_key) throw UnsafeYamlEdit("it has no registry: section");
    const YAML::Node registry = root[*registry_key];
    require_block_mapping(registry, "registry");
    if (child(registry, "registry").IsDefined()) throw UnsafeYamlEdit("registry holds a nested registry: section");
    const bool registry_included = has_include_key(root) || has_include_key(registry);
    const std::string entry = manager + ": " + value;
    const std::size_t registry_column = static_cast<std::size_t>(registry_key->Mark().column);
    const std::size_t child_column = key_column(registry);
    const std::size_t step = child_column > registry_column ? child_column - registry_column : 2;

    std::optional<YAML::Node> managers_key = key_node(registry, "managers");
    if (!managers_key) {
        if (registry_included) throw UnsafeYamlEdit("registry.managers may come from an includeConfigs file");
        colon_after_key(lines, *registry_key);
        const std::size_t at = block_end(lines, static_cast<std::size_t>(registry_key->Mark().line), registry_column);
        lines.insert(at, std::string(child_column, ' ') + "managers:");
        lines.insert(at + 1, std::string(child_column + step, ' ') + entry);
        return lines.joined();
    }
    const YAML::Node managers = registry[*managers_key];
    if (managers.IsNull() && managers.Tag() != kIncludeTag) {
        if (registry_included) throw UnsafeYamlEdit("registry.managers may come from an includeConfigs file");
        add_first_entry(lines, *managers_key, step, entry);
        return lines.joined();
    }
    require_block_mapping(managers, "registry.managers");
    if (std::optional<YAML::Node> entry_key = key_node(managers, manager)) {
        replace_entry_value(lines, *entry_key, value);
    } else {
        if (registry_included) throw UnsafeYamlEdit("registry.managers may come from an includeConfigs file");
        add_entry(lines, *managers_key, managers, entry);
    }
    return lines.joined();
}

}  // namespace butler_migrate::config_detail
