// obscore-config 4fe28ef5030f: no configuration <-> obscore configuration namespace "embargo" version 1.
//
// Upgrade reads the YAML file named by --options obscore_config, stores it as JSON in config:obscore.json and
// creates the obscore table it describes (upstream has daf_butler's ObsCoreLiveTableManager create it; see
// obscore_table.hpp for the rules reproduced). Downgrade forgets the configuration and leaves the table.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "util/yaml_to_json.hpp"
#include "migrations/obscore-config/obscore_table.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kNamespace = "embargo";
constexpr long long kVersion = 1;
constexpr const char* kConfigOption = "obscore_config";
constexpr const char* kManagerKey = "config:registry.managers.obscore";
constexpr const char* kManagerClass = "lsst.daf.butler.registry.obscore._manager.ObsCoreLiveTableManager";

std::string python_repr_string(const std::string& text) {
    const char quote = text.find('\'') != std::string::npos && text.find('"') == std::string::npos ? '"' : '\'';
    std::string out(1, quote);
    for (char c : text) {
        if (c == '\\' || c == quote) out += std::string("\\") + c;
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out + quote;
}

// Python's str() of a value loaded from YAML, as upstream's f-strings show it.
std::string python_str(const OrderedJson& value, bool nested = false) {
    if (value.is_string()) return nested ? python_repr_string(value.get<std::string>()) : value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "True" : "False";
    if (value.is_null()) return "None";
    if (value.is_number_float()) return python_float_repr(value.get<double>());
    if (value.is_number()) return value.dump();
    std::string out;
    for (const auto& [key, item] : value.items()) {
        if (!out.empty()) out += ", ";
        if (value.is_object()) out += python_repr_string(key) + ": ";
        out += python_str(item, true);
    }
    return value.is_object() ? "{" + out + "}" : "[" + out + "]";
}

// Python's `value != 1` for what YAML can give: 1, 1.0 and True all equal 1.
bool equals_version(const OrderedJson& value) {
    if (value.is_boolean()) return (value.get<bool>() ? 1 : 0) == kVersion;
    if (value.is_number_integer()) return value.get<long long>() == kVersion;
    if (value.is_number_float()) return value.get<double>() == static_cast<double>(kVersion);
    return false;
}

// upstream _read_obscore_config: the parsed file, with its namespace and version checked.
OrderedJson read_obscore_config(const StepContext& context) {
    const auto path = context.option(kConfigOption);
    if (!path) {
        throw MigrationError(
            "This migration script requires an obscore configuration file in YAML format. Please use "
            "`--options obscore_config=/path/to/butler.yaml` command line option.");
    }
    std::ifstream file(*path, std::ios::binary);
    if (!file) {
        throw MigrationError(fmt::format("Cannot read obscore configuration file {}: {}", *path, std::strerror(errno)));
    }
    std::ostringstream text;
    text << file.rdbuf();
    OrderedJson config = yaml_safe_load_json(text.str(), fmt::format("Obscore configuration file {}", *path));
    if (!config.is_object()) throw MigrationError(fmt::format("Obscore configuration file {} does not hold a mapping", *path));
    const auto ns = config.find("namespace");
    if (ns == config.end() || ns->is_null()) throw MigrationError("Namespace is not defined in configuration file");
    if (!ns->is_string() || ns->get<std::string>() != kNamespace) {
        throw MigrationError(fmt::format("Namespace defined in configuration file ({}) does not match expected namespace {}",
                                         python_str(*ns), kNamespace));
    }
    const auto version = config.find("version");
    if (version == config.end() || version->is_null()) throw MigrationError("Version is not defined in configuration file");
    if (!equals_version(*version)) {
        throw MigrationError(fmt::format("Version defined in configuration file ({}) does not match expected version {}",
                                         python_str(*version), kVersion));
    }
    return config;
}

// The type of dataset.id: a GUID (CHAR(32) on SQLite, UUID on PostgreSQL) or an integer.
obscore::DatasetIdType dataset_id_type(Database& db) {
    if (!db.has_table("dataset")) throw MigrationError("Cannot create the obscore table: the registry has no dataset table");
    for (const auto& column : db.reflect_table("dataset").columns) {
        if (column.name != "id") continue;
        if (column.type == "UUID" || column.type == "CHAR(32)") return obscore::DatasetIdType::uuid;
        if (column.type == "BIGINT" || column.type == "INTEGER") return obscore::DatasetIdType::integer;
        throw MigrationError(fmt::format("Cannot create the obscore table: unexpected type {} of dataset.id", column.type));
    }
    throw MigrationError("Cannot create the obscore table: the dataset table has no id column");
}

// upstream _make_obscore_table: the table ObsCoreLiveTableManager declares for this configuration.
void make_obscore_table(StepContext& context, const OrderedJson& config) {
    const auto manager = context.attributes().get(kManagerKey);
    if (!manager) throw MigrationError("Registry obscore manager has to be configured in butler_attributes");
    if (*manager != kManagerClass) {
        throw MigrationError(fmt::format("Registry obscore manager {} is not supported by butler-migrate (only {})",
                                         *manager, kManagerClass));
    }
    const obscore::ObscoreTable table = obscore::obscore_table_from_config(config);
    Database& db = context.db();
    if (db.has_table(table.name)) {
        throw MigrationError(fmt::format("Cannot create the obscore table: table {} already exists (drop it first)", table.name));
    }
    const auto id_type = dataset_id_type(db);
    for (const auto& statement : obscore::obscore_table_statements(table, context.dialect(), db.schema(), id_type)) {
        db.execute(statement);
    }
}

}  // namespace

// Before the plan starts: the obscore_config option, its file and its namespace and version.
void preflight_4fe28ef5030f(StepContext& context) { read_obscore_config(context); }

void upgrade_4fe28ef5030f(StepContext& context) {
    const OrderedJson config = read_obscore_config(context);
    ButlerAttributes& attributes = context.attributes();
    if (attributes.get(kObscoreJsonKey)) {
        throw MigrationError(fmt::format("Key '{}' is already defined in butler_attributes.", kObscoreJsonKey));
    }
    attributes.insert(kObscoreJsonKey, python_json_dumps(config));
    make_obscore_table(context, config);
    context.notice(
        "*** Before anything can be written the upgraded Registry you need to run\n"
        "*** `butler obscore update-table` command (defined in dax_obscore package).\n");
}

void downgrade_4fe28ef5030f(StepContext& context) {
    ButlerAttributes& attributes = context.attributes();
    if (!attributes.get(kObscoreJsonKey)) {
        throw MigrationError(fmt::format("Key '{}' is not defined in butler_attributes.", kObscoreJsonKey));
    }
    attributes.remove(kObscoreJsonKey);
    context.notice(
        "*** Obscore configuration has been removed from butler_attributes,\n"
        "*** but the actual obscore table(s) have to be dropped manually.\n");
}

}  // namespace butler_migrate::migrations
