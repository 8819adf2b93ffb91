// Fuzz target: YAML read as PyYAML's safe_load and written as json.dumps (the dimensions configuration files).
//
// Input: a YAML text. Invariants: a failure is MigrationError with a one-line message; what is written is
// JSON that parse_json reads back and python_json_dumps writes identically.
#include <string>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/python_json.hpp"
#include "util/yaml_to_json.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string written;
    try {
        written = butler_migrate::yaml_to_python_json(fuzz_support::as_text(data, size), "fuzz.yaml");
    } catch (const butler_migrate::Error& error) {
        fuzz_support::check_one_line(error, fuzz_support::as_text(data, size));
        return 0;
    }
    // Skipped: Infinity and NaN, and lone surrogates ("\ud800" in YAML gives "\ud800" in JSON), which
    // json.dumps writes and json.loads reads but strict JSON parsers refuse.
    for (const char* python_only : {"Infinity", "NaN", "\\ud"}) {
        if (written.find(python_only) != std::string::npos) return 0;
    }
    try {
        auto again = butler_migrate::parse_json(written, "written JSON");
        if (butler_migrate::python_json_dumps(again) != written) {
            fuzz_support::violated("JSON changed on rewrite: " + written);
        }
    } catch (const butler_migrate::Error& error) {
        fuzz_support::violated("written JSON does not parse: " + std::string(error.what()) + " in " + written);
    }
    return 0;
}
