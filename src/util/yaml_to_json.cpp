// yaml.safe_load as PyYAML does it, on top of yaml-cpp, as json.dumps writes it: the text checked, loaded, walked.
#include "util/yaml_to_json.hpp"

#include <string>

#include <yaml-cpp/yaml.h>

#include "util/yaml_to_json_common.hpp"
#include "util/yaml_to_json_input.hpp"
#include "util/yaml_to_json_walk.hpp"

namespace butler_migrate {

OrderedJson yaml_safe_load_json(std::string_view text, std::string_view what) {
    yaml_detail::check_printable(text, what);
    std::size_t documents = 0;
    YAML::Node document;
    try {
        documents = yaml_detail::count_documents(text);
        if (documents == 1) document = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        yaml_detail::fail(what, std::string("not valid YAML: ") + e.what());
    }
    if (documents == 0) return nullptr;
    if (documents > 1) yaml_detail::fail(what, "expected a single YAML document, found " + std::to_string(documents));
    return yaml_detail::document_to_json(document, what);
}

std::string yaml_to_python_json(std::string_view text, std::string_view what) {
    return python_json_dumps(yaml_safe_load_json(text, what));
}

}  // namespace butler_migrate
