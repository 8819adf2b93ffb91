// Private: the textual edit of a butler.yaml that sets registry.managers.<manager>, keeping the rest as it is.
#pragma once

#include <stdexcept>
#include <string>

namespace butler_migrate::config_detail {

// The file cannot be changed safely by a text edit; what() says why (no file name, no password).
class UnsafeYamlEdit : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// `text` (the content of a YAML configuration file) with `registry: managers: <manager>:` set to `value`:
// an existing one-line entry gets its value replaced (comment and quoting kept), a missing entry is added
// after the last entry of the block `managers:` mapping (same indentation), and a missing `managers:` is
// added at the end of the block `registry:` mapping. Line endings (LF or CRLF) follow the file.
// Throws UnsafeYamlEdit for anything else: no `registry:` mapping, flow-style mappings, `!include` tags,
// `includeConfigs` that may supply the entry, anchors, aliases, tags, block or multi-line scalars, a
// mapping-valued entry (`cls:` form), quoted or complex keys.
std::string with_manager_class(const std::string& text, const std::string& manager, const std::string& value);

}  // namespace butler_migrate::config_detail
