// Checks on a YAML text before it is loaded: PyYAML's accepted characters and yaml-cpp's count of documents.
#include "util/yaml_to_json_input.hpp"

#include <sstream>
#include <string>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "util/yaml_to_json_common.hpp"

namespace butler_migrate::yaml_detail {

namespace {

// Receives a document's events and keeps nothing: used to count documents.
class IgnoreEvents : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

}  // namespace

std::size_t count_documents(std::string_view text) {
    constexpr std::size_t most = 10000;
    std::istringstream stream{std::string(text)};
    YAML::Parser parser(stream);
    IgnoreEvents ignore;
    std::size_t count = 0;
    while (count <= most && parser.HandleNextDocument(ignore)) ++count;
    if (count > most) throw YAML::ParserException(YAML::Mark::null_mark(), "the parser reads no further");
    return count;
}

void check_printable(std::string_view text, std::string_view what) {
    for (std::size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = byte < 0x80 ? 1 : byte >= 0xC2 && byte < 0xE0 ? 2 : byte >= 0xE0 && byte < 0xF0 ? 3
                           : byte >= 0xF0 && byte < 0xF5 ? 4 : 0;
        if (length == 0 || i + length > text.size()) fail(what, "not valid UTF-8 at byte " + std::to_string(i));
        char32_t code = length == 1 ? byte : byte & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) fail(what, "not valid UTF-8 at byte " + std::to_string(i));
            code = (code << 6) | (next & 0x3F);
        }
        bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
        if (overlong || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
            fail(what, "not valid UTF-8 at byte " + std::to_string(i));
        }
        bool printable = code == 0x09 || code == 0x0A || code == 0x0D || (code >= 0x20 && code <= 0x7E) ||
                         code == 0x85 || (code >= 0xA0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0xFFFD) ||
                         code >= 0x10000;
        if (!printable) {
            fail(what, fmt::format("unacceptable character #x{:04x}: special characters are not allowed",
                                   static_cast<unsigned>(code)));
        }
        i += length;
    }
}

}  // namespace butler_migrate::yaml_detail
