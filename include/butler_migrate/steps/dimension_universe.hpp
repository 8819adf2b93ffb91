// daf_butler's historical dimension universes (old_dimensions/daf_butler_universe<N>.yaml) as the JSON the
// dimensions-config migrations compare with and store in config:dimensions.json.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {

// --options key naming a folder that holds daf_butler_universe<N>.yaml (beats both environment variables).
inline constexpr std::string_view kUniverseDirOption = "universe_dir";
// Environment variable naming such a folder (beats DAF_BUTLER_DIR).
inline constexpr std::string_view kUniverseDirVariable = "BUTLER_MIGRATE_UNIVERSE_DIR";
// The daf_butler installation; universes are in python/lsst/daf/butler/configs/old_dimensions/ under it.
inline constexpr std::string_view kDafButlerDirVariable = "DAF_BUTLER_DIR";

// The stored dimensions.json differs from the expected universe (beyond what validation tolerates).
// The message is the first line of upstream's ValueError text; its "Differences" note (several lines) is in details().
class DimensionUniverseMismatch : public MigrationError {
public:
    using MigrationError::MigrationError;
};

// Path of daf_butler_universe<version>.yaml: in `universe_dir` (the universe_dir option) if given, else in
// $BUTLER_MIGRATE_UNIVERSE_DIR, else in $DAF_BUTLER_DIR/python/lsst/daf/butler/configs/old_dimensions
// (empty values count as unset). Throws MigrationError naming the path looked for, and how to point the tool
// at the files, when that file does not exist.
std::string historical_universe_path(int version, const std::optional<std::string>& universe_dir = std::nullopt);

// upstream load_historical_dimension_universe_json: json.dumps(yaml.safe_load(file)), byte for byte.
// This is also the value replace_dimensions_json(version) writes to config:dimensions.json.
std::string load_historical_universe_json(int version, const std::optional<std::string>& universe_dir = std::nullopt);

// json.dumps(json.loads(json_text), indent=2, sort_keys=True). Throws MigrationError when not valid JSON.
std::string normalized_json(std::string_view json_text, std::string_view what);

// upstream compare_json_strings: nullopt when both normalise to the same text, else the unified diff of the
// normalised texts (expected as the old side), lines joined with "\n".
std::optional<std::string> compare_json_strings(std::string_view expected_json, std::string_view actual_json);

// upstream's check inside validate_dimensions_json: nullopt when `stored_json` matches `expected_json`, or
// matches it once every "doc" key is dropped from objects reached through objects only (docs inside lists
// are kept, as upstream does); else the unified diff of the full normalised texts.
std::optional<std::string> dimensions_json_mismatch(std::string_view expected_json, std::string_view stored_json);

// upstream validate_dimensions_json(version) on the stored config:dimensions.json value. Throws
// DimensionUniverseMismatch "dimensions.json stored in database does not match expected daf_butler universe
// version <v>.\nDifferences:\n\n<diff>", MigrationError when the universe file is missing or the stored
// value is not JSON.
void validate_dimensions_json(std::string_view stored_json, int version,
                              const std::optional<std::string>& universe_dir = std::nullopt);

}  // namespace butler_migrate
