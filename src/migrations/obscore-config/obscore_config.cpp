// From an obscore configuration to the obscore table's definition, by daf_butler's ObsCoreSchema rules: the
// static columns, extra columns of the configuration and of each dataset type, configured indexes, the default
// spatial plugin's columns and the registry_dataset_id key. Only the fields that shape the table are checked.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "migrations/obscore-config/obscore_table.hpp"

namespace butler_migrate::migrations::obscore {

namespace {

constexpr const char* kDefaultPluginClass = "lsst.daf.butler.registry.obscore.default_spatial.DefaultSpatialObsCorePlugin";
constexpr const char* kPgSpherePluginClass = "lsst.daf.butler.registry.obscore.pgsphere.PgSphereObsCorePlugin";

struct StaticColumn {
    const char* name;
    ColumnType type;
};

// ObsCore's standard columns, in daf_butler's order. (daf_butler also stores a comment on each; those texts
// are its own prose, not reproduced here: comments change nothing a registry reads.)
const StaticColumn kStaticColumns[] = {
    {"dataproduct_type", ColumnType::text},
    {"dataproduct_subtype", ColumnType::text},
    {"facility_name", ColumnType::text},
    {"calib_level", ColumnType::small_integer},
    {"target_name", ColumnType::text},
    {"obs_id", ColumnType::text},
    {"obs_collection", ColumnType::text},
    {"obs_publisher_did", ColumnType::text},
    {"access_url", ColumnType::text},
    {"access_format", ColumnType::text},
    {"s_resolution", ColumnType::floating},
    {"s_xel1", ColumnType::integer},
    {"s_xel2", ColumnType::integer},
    {"t_xel", ColumnType::integer},
    {"t_min", ColumnType::floating},
    {"t_max", ColumnType::floating},
    {"t_exptime", ColumnType::floating},
    {"t_resolution", ColumnType::floating},
    {"em_xel", ColumnType::integer},
    {"em_min", ColumnType::floating},
    {"em_max", ColumnType::floating},
    {"em_res_power", ColumnType::floating},
    {"em_filter_name", ColumnType::text},
    {"o_ucd", ColumnType::text},
    {"pol_xel", ColumnType::integer},
    {"instrument_name", ColumnType::text},
};

// The columns DefaultSpatialObsCorePlugin adds.
const StaticColumn kDefaultSpatialColumns[] = {
    {"s_ra", ColumnType::floating},
    {"s_dec", ColumnType::floating},
    {"s_fov", ColumnType::floating},
    {"s_region", ColumnType::text},
};

[[noreturn]] void invalid(const std::string& where, const std::string& problem) {
    throw MigrationError(fmt::format("Invalid obscore configuration: {}: {}", where, problem));
}

// pydantic's lax int: integers, booleans, integral floats and strings holding an integer.
std::optional<long long> lax_int(const OrderedJson& value) {
    if (value.is_boolean()) return value.get<bool>() ? 1 : 0;
    if (value.is_number_integer()) return value.get<long long>();
    if (value.is_number_float()) {
        double d = value.get<double>();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.2e18) return static_cast<long long>(d);
        return std::nullopt;
    }
    if (value.is_string()) {
        const std::string text = value.get<std::string>();
        size_t used = 0;
        try {
            long long n = std::stoll(text, &used);
            if (used == text.size()) return n;
        } catch (const std::exception&) {
        }
    }
    return std::nullopt;
}

const OrderedJson* member(const OrderedJson& object, const char* key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string required_string(const OrderedJson& object, const std::string& where, const char* key) {
    const OrderedJson* value = member(object, key);
    if (!value) invalid(where.empty() ? key : where + "." + key, "field required");
    if (!value->is_string()) invalid(where.empty() ? key : where + "." + key, "must be a string");
    return value->get<std::string>();
}

// Nullopt for a missing or null field; throws when present but not a mapping.
const OrderedJson* optional_mapping(const OrderedJson& object, const std::string& where, const char* key) {
    const OrderedJson* value = member(object, key);
    if (!value || value->is_null()) return nullptr;
    if (!value->is_object()) invalid(where.empty() ? key : where + "." + key, "must be a mapping");
    return value;
}

// NamedValueSet.add: a column of the same name is replaced where it stands, a new one is appended.
void add_or_replace(std::vector<ObscoreColumn>& columns, ObscoreColumn column) {
    auto same = std::find_if(columns.begin(), columns.end(), [&](const auto& c) { return c.name == column.name; });
    if (same != columns.end()) *same = std::move(column);
    else columns.push_back(std::move(column));
}

bool has_column(const std::vector<ObscoreColumn>& columns, const std::string& name) {
    return std::any_of(columns.begin(), columns.end(), [&](const auto& c) { return c.name == name; });
}

// An ExtraColumnConfig mapping: template (required), type (string by default), length, doc.
ObscoreColumn typed_extra_column(const std::string& name, const OrderedJson& spec, const std::string& where) {
    required_string(spec, where, "template");
    std::string type = "string";
    if (const OrderedJson* t = member(spec, "type")) {
        if (!t->is_string()) invalid(where + ".type", "must be one of 'bool', 'int', 'float', 'string'");
        type = t->get<std::string>();
    }
    std::optional<long long> length;
    if (const OrderedJson* l = member(spec, "length"); l && !l->is_null()) {
        length = lax_int(*l);
        if (!length) invalid(where + ".length", "must be an integer");
        if (*length < 0) invalid(where + ".length", "must not be negative");
    }
    ObscoreColumn column{name, ColumnType::text, 0, std::nullopt};
    if (const OrderedJson* doc = member(spec, "doc"); doc && !doc->is_null()) {
        if (!doc->is_string()) invalid(where + ".doc", "must be a string");
        column.doc = doc->get<std::string>();
    }
    if (type == "string") {
        if (!length) {
            column.type = ColumnType::unsized_string;
        } else if (*length >= 1 && *length <= 32) {
            column.type = ColumnType::short_string;
            column.length = static_cast<int>(*length);
        }
        return column;
    }
    if (type == "int") column.type = ColumnType::big_integer;
    else if (type == "float") column.type = ColumnType::floating;
    else if (type == "bool") column.type = ColumnType::boolean;
    else invalid(where + ".type", "must be one of 'bool', 'int', 'float', 'string'");
    // daf_butler would pass the length to a non-string SQLAlchemy type, which does not accept one.
    if (length) invalid(where + ".length", "a length is only valid for string columns");
    return column;
}

// A plain value: its Python type gives the column type (str -> String(255), i.e. Text).
ObscoreColumn literal_extra_column(const std::string& name, const OrderedJson& value, const std::string& where) {
    if (value.is_boolean()) return {name, ColumnType::boolean, 0, std::nullopt};
    if (value.is_number_integer()) return {name, ColumnType::big_integer, 0, std::nullopt};
    if (value.is_number_float()) return {name, ColumnType::floating, 0, std::nullopt};
    if (value.is_string()) return {name, ColumnType::text, 0, std::nullopt};
    invalid(where, "must be a number, a boolean, a string or a mapping with a template");
}

void add_extra_columns(std::vector<ObscoreColumn>& columns, const OrderedJson& owner, const std::string& where) {
    const std::string prefix = where.empty() ? "extra_columns" : where + ".extra_columns";
    const OrderedJson* extras = optional_mapping(owner, where, "extra_columns");
    if (!extras) return;
    for (const auto& [name, value] : extras->items()) {
        if (has_column(columns, name)) continue;  // the first definition of a name wins
        const std::string at = prefix + "." + name;
        columns.push_back(value.is_object() ? typed_extra_column(name, value, at) : literal_extra_column(name, value, at));
    }
}

// Configured indexes, named after their columns; one on the primary key alone is never created.
std::vector<ObscoreIndex> configured_indexes(const OrderedJson& config, const std::string& table) {
    std::vector<ObscoreIndex> indexes;
    const OrderedJson* entries = optional_mapping(config, "", "indices");
    if (!entries) return indexes;
    for (const auto& [key, value] : entries->items()) {
        std::vector<std::string> columns;
        if (value.is_string()) columns.push_back(value.get<std::string>());
        else if (value.is_array() && std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); }))
            for (const auto& c : value) columns.push_back(c.get<std::string>());
        else invalid("indices." + key, "must be a column name or a list of column names");
        if (columns.empty()) invalid("indices." + key, "names no column");
        if (columns == std::vector<std::string>{kDatasetIdColumn}) continue;
        auto same = std::find_if(indexes.begin(), indexes.end(), [&](const auto& i) { return i.columns == columns; });
        if (same != indexes.end()) continue;
        std::string name = table + "_idx";
        for (const auto& c : columns) name += "_" + c;
        indexes.push_back({name, columns});
    }
    return indexes;
}

// Spatial plugins: DefaultSpatialObsCorePlugin is always used; any other plugin is refused.
void check_spatial_plugins(const OrderedJson& config) {
    const OrderedJson* plugins = optional_mapping(config, "", "spatial_plugins");
    if (!plugins) return;
    for (const auto& [name, plugin] : plugins->items()) {
        const std::string where = "spatial_plugins." + name;
        if (!plugin.is_object()) invalid(where, "must be a mapping with a 'cls' key");
        const std::string cls = required_string(plugin, where, "cls");
        if (const OrderedJson* c = member(plugin, "config"); c && !c->is_object()) invalid(where + ".config", "must be a mapping");
        if (cls == kDefaultPluginClass) continue;
        if (cls == kPgSpherePluginClass) {
            throw MigrationError(fmt::format(
                "Spatial plugin '{}' ({}) is not supported by butler-migrate: only {} is; create this obscore table "
                "with the Python daf_butler_migrate instead",
                name, cls, kDefaultPluginClass));
        }
        throw MigrationError(fmt::format("Spatial plugin '{}' uses class {}, which butler-migrate does not know: only {} "
                                         "is supported",
                                         name, cls, kDefaultPluginClass));
    }
}

// Required fields of ObsCoreManagerConfig that do not shape the table, checked as daf_butler's model does.
void check_manager_fields(const OrderedJson& config) {
    required_string(config, "", "facility_name");
    const std::string type = required_string(config, "", "collection_type");
    if (type != "RUN" && type != "TAGGED") invalid("collection_type", "must be 'RUN' or 'TAGGED'");
    const OrderedJson* collections = member(config, "collections");
    if (collections && !collections->is_null() &&
        !(collections->is_array() && std::all_of(collections->begin(), collections->end(), [](const auto& c) { return c.is_string(); }))) {
        invalid("collections", "must be a list of strings");
    }
    if (type == "TAGGED" && (!collections || !collections->is_array() || collections->size() != 1)) {
        invalid("collections", "'collections' must have one element when 'collection_type' is TAGGED");
    }
}

}  // namespace

ObscoreTable obscore_table_from_config(const OrderedJson& config) {
    if (!config.is_object()) invalid("(top level)", "must be a mapping");
    check_manager_fields(config);
    ObscoreTable table;
    table.name = "obscore";
    if (const OrderedJson* name = member(config, "table_name")) {
        if (!name->is_string() || name->get<std::string>().empty()) invalid("table_name", "must be a non-empty string");
        table.name = name->get<std::string>();
    }
    for (const auto& c : kStaticColumns) table.columns.push_back({c.name, c.type, 0, std::nullopt});
    add_extra_columns(table.columns, config, "");
    const OrderedJson* dataset_types = member(config, "dataset_types");
    if (!dataset_types) invalid("dataset_types", "field required");
    if (!dataset_types->is_object()) invalid("dataset_types", "must be a mapping");
    for (const auto& [name, spec] : dataset_types->items()) {
        const std::string where = "dataset_types." + name;
        if (!spec.is_object()) invalid(where, "must be a mapping");
        required_string(spec, where, "dataproduct_type");
        const OrderedJson* level = member(spec, "calib_level");
        if (!level) invalid(where + ".calib_level", "field required");
        if (!lax_int(*level)) invalid(where + ".calib_level", "must be an integer");
        add_extra_columns(table.columns, spec, where);
    }
    check_spatial_plugins(config);
    for (const auto& c : kDefaultSpatialColumns) add_or_replace(table.columns, {c.name, c.type, 0, std::nullopt});
    add_or_replace(table.columns, {kDatasetIdColumn, ColumnType::dataset_id, 0, std::string("Registry dataset ID")});
    table.indexes = configured_indexes(config, table.name);
    for (const auto& index : table.indexes) {
        for (const auto& column : index.columns) {
            if (!has_column(table.columns, column)) {
                invalid("indices", fmt::format("index {} names column '{}', which is not in the obscore table", index.name, column));
            }
        }
    }
    return table;
}

}  // namespace butler_migrate::migrations::obscore
