// Revision ids: the last 12 hex digits of UUID5(840b31d9-05cd-5161-b2c8-00d32b280d0f, "-".join(parts)).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace butler_migrate {

// Full UUID5 in canonical text form (8-4-4-4-12, lower case) of `name` in namespace `ns_uuid` (canonical text).
std::string uuid5(std::string_view ns_uuid, std::string_view name);

// Revision id of a tree root (`{"collections"}`) or of a manager version
// (`{"datasets", "ByDimensionsDatasetRecordStorageManagerUUID", "2.0.0"}`).
std::string rev_id(const std::vector<std::string>& parts);

// The namespace UUID used for revision ids (uuid5(NAMESPACE_DNS, "lsst.org")).
inline constexpr std::string_view kRevisionNamespace = "840b31d9-05cd-5161-b2c8-00d32b280d0f";

}  // namespace butler_migrate
