// Checking a JSON document of the tool against its JSON Schema in docs/schemas, with Debian's python3-jsonschema.
#include "json_schema_check.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace test_support {

namespace {

const char* const kValidator =
    "import json, sys, jsonschema\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "cls = jsonschema.validators.validator_for(schema)\n"
    "cls.check_schema(schema)\n"
    "errors = sorted(cls(schema).iter_errors(json.load(open(sys.argv[2]))), key=str)\n"
    "for e in errors: print(list(e.absolute_path), e.message)\n"
    "sys.exit(1 if errors else 0)\n";

}  // namespace

void check_against_schema(const std::string& schema_name, const std::string& document_text) {
    TempDir dir;
    write_file(dir.file("document.json"), document_text);
    const auto result = run_program({"/usr/bin/python3", "-c", kValidator,  // whatever python3 is on PATH
                                     source_path("docs/schemas/" + schema_name + ".schema.json"),
                                     dir.file("document.json")});
    INFO(schema_name << ": " << result.out << result.err << "\n" << document_text.substr(0, 3000));
    CHECK(result.exit_status == 0);
}

}  // namespace test_support
