// Checking a JSON document of the tool against its JSON Schema in docs/schemas, with Debian's python3-jsonschema.
#pragma once

#include <string>

namespace test_support {

// CHECKs that `document_text` is valid under docs/schemas/<schema_name>.schema.json (and that the schema
// itself is valid); on failure the violations and the start of the document are in the message.
void check_against_schema(const std::string& schema_name, const std::string& document_text);

}  // namespace test_support
