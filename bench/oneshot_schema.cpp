// Specs and DDL of the 2021-era benchmark registry, modelled on what daf_butler created for fixture
// f2021_u0_dim600_int_name (SQLite) / _pg: names, column types, keys and fkidx indexes by its conventions.
#include "oneshot_schema.hpp"

#include <fmt/format.h>

#include "butler_migrate/steps/schema_ops.hpp"

namespace bench::oneshot {

namespace {

ColumnSpec text(std::string name, bool nullable = true) { return {std::move(name), "TEXT", "text", nullable, "", ""}; }
ColumnSpec varchar(std::string name, int n, bool nullable = true) {
    return {std::move(name), fmt::format("VARCHAR({})", n), fmt::format("character varying({})", n), nullable, "", ""};
}
ColumnSpec varchar_any(std::string name, bool nullable = true) {
    return {std::move(name), "VARCHAR", "character varying", nullable, "", ""};
}
ColumnSpec bigint(std::string name, bool nullable = true) { return {std::move(name), "BIGINT", "bigint", nullable, "", ""}; }
ColumnSpec autoincrement(std::string name) { return {std::move(name), "INTEGER", "bigint", true, "", ""}; }
ColumnSpec smallint(std::string name, bool nullable = true) {
    return {std::move(name), "SMALLINT", "smallint", nullable, "", ""};
}
ColumnSpec floating(std::string name) { return {std::move(name), "FLOAT", "double precision", true, "", ""}; }
ColumnSpec sqlite_only(ColumnSpec c) { c.pg_type.clear(); return c; }
ColumnSpec pg_only(ColumnSpec c) { c.sqlite_type.clear(); return c; }

std::vector<ColumnSpec> timespan(bool calibration) {
    if (!calibration) {
        return {sqlite_only(bigint("timespan_begin")), sqlite_only(bigint("timespan_end")),
                pg_only({"timespan", "", "int8range", true, "", ""})};
    }
    return {{"timespan_begin", "BIGINT", "", false, "0", ""},
            {"timespan_end", "BIGINT", "", false, "4102444800000000000", ""},
            {"timespan", "", "int8range", false, "", "'(,)'::int8range"}};
}

ColumnSpec dimension_column(const std::string& dimension) {
    if (dimension == "instrument") return varchar(dimension, 16, false);
    if (dimension == "physical_filter") return varchar(dimension, 32, false);
    return bigint(dimension, false);
}

// The foreign keys a dataset association table has to its dimensions.
std::vector<ForeignKeySpec> dimension_keys(const std::vector<std::string>& dims) {
    std::vector<ForeignKeySpec> keys;
    for (const auto& d : dims) {
        if (d == "instrument") {
            keys.push_back({{"instrument"}, "instrument", {"name"}});
            keys.push_back({{"collection_name", "instrument"}, "collection_summary_instrument", {"collection_name", "instrument"}});
        } else if (d == "physical_filter") {
            keys.push_back({{"instrument", "physical_filter"}, "physical_filter", {"instrument", "name"}});
        } else {
            keys.push_back({{"instrument", d}, d, {"instrument", "id"}});
        }
    }
    return keys;
}

TableSpec association_table(const DimensionSet& set, bool calibs) {
    TableSpec t;
    t.name = calibs ? calibs_table(set.key) : tags_table(set.key);
    if (calibs) {
        t.columns = {autoincrement("id"), bigint("dataset_type_id", false), bigint("dataset_id", false), text("collection_name", false)};
        t.primary_key = {"id"};
        t.sequence = t.name + "_seq_id";
    } else {
        t.columns = {bigint("dataset_type_id", false), bigint("dataset_id"), text("collection_name")};
        t.primary_key = {"dataset_id", "collection_name"};
    }
    for (const auto& d : set.dimensions) t.columns.push_back(dimension_column(d));
    std::vector<std::string> data_id = {"dataset_type_id", "collection_name"};
    data_id.insert(data_id.end(), set.dimensions.begin(), set.dimensions.end());
    if (calibs) {
        for (auto& c : timespan(true)) t.columns.push_back(c);
        // The timespan index: SQLite has two columns where PostgreSQL has one range.
        std::vector<std::string> columns = data_id;
        columns.push_back("@timespan");
        t.indexes.push_back({"idx", columns});
    } else {
        t.uniques.push_back(data_id);
    }
    t.foreign_keys = {{{"dataset_type_id"}, "dataset_type", {"id"}},
                      {{"dataset_id"}, "dataset", {"id"}, true},
                      {{"collection_name"}, "collection", {"name"}, true},
                      {{"collection_name", "dataset_type_id"}, "collection_summary_dataset_type", {"collection_name", "dataset_type_id"}}};
    for (auto& fk : dimension_keys(set.dimensions)) t.foreign_keys.push_back(fk);
    return t;
}

// Attributes, the small dimension tables and the collection tables.
std::vector<TableSpec> static_tables() {
    std::vector<TableSpec> t;
    t.push_back({"butler_attributes", {text("name"), text("value", false)}, {"name"}, {}, {}, {}, {}});
    t.push_back({"instrument",
                 {varchar("name", 16, false), bigint("visit_max"), bigint("exposure_max"), bigint("detector_max"), text("class_name")},
                 {"name"}, {}, {}, {}, {}});
    t.push_back({"collection", {text("name"), smallint("type", false), text("doc")}, {"name"}, {}, {}, {}, {}});
    t.push_back({"dataset_type",
                 {autoincrement("id"), text("name", false), text("storage_class", false), bigint("dimensions_key", false),
                  text("tag_association_table", false), text("calibration_association_table")},
                 {"id"}, {{"name"}}, {}, {}, std::string("dataset_type_seq_id")});
    t.push_back({"dataset_location_trash", {text("datastore_name", false), bigint("dataset_id")},
                 {"datastore_name", "dataset_id"}, {}, {}, {}, {}});
    t.push_back({"detector",
                 {varchar("instrument", 16, false), bigint("id", false), varchar("full_name", 32, false),
                  varchar("name_in_raft", 32), varchar("raft", 32), varchar("purpose", 32)},
                 {"instrument", "id"}, {{"instrument", "full_name"}}, {{{"instrument"}, "instrument", {"name"}}}, {}, {}});
    t.push_back({"physical_filter", {varchar("instrument", 16, false), varchar("name", 32, false), varchar("band", 32)},
                 {"instrument", "name"}, {}, {{{"instrument"}, "instrument", {"name"}}}, {}, {}});
    TableSpec run{"run", {varchar_any("name"), text("host")}, {"name"}, {}, {{{"name"}, "collection", {"name"}, true, false}}, {}, {}};
    for (auto& c : timespan(false)) run.columns.push_back(c);
    t.push_back(run);
    t.push_back({"collection_chain", {varchar_any("parent"), smallint("position"), varchar_any("child", false)},
                 {"parent", "position"}, {},
                 {{{"parent"}, "collection", {"name"}, true}, {{"child"}, "collection", {"name"}}}, {}, {}});
    t.push_back({"collection_summary_dataset_type", {text("collection_name"), bigint("dataset_type_id")},
                 {"collection_name", "dataset_type_id"}, {},
                 {{{"collection_name"}, "collection", {"name"}, true}, {{"dataset_type_id"}, "dataset_type", {"id"}, true}}, {}, {}});
    t.push_back({"collection_summary_instrument", {text("collection_name"), varchar("instrument", 16, false)},
                 {"collection_name", "instrument"}, {},
                 {{{"collection_name"}, "collection", {"name"}, true}, {{"instrument"}, "instrument", {"name"}}}, {}, {}});
    return t;
}

// The exposure dimension table and the dataset and datastore tables.
std::vector<TableSpec> dataset_tables() {
    std::vector<TableSpec> t;
    TableSpec exposure{"exposure",
                       {varchar("instrument", 16, false), bigint("id", false), varchar("physical_filter", 32),
                        text("obs_id", false), floating("exposure_time"), floating("dark_time"),
                        varchar("observation_type", 16), varchar("observation_reason", 32), bigint("day_obs"),
                        bigint("seq_num"), text("group_name"), bigint("group_id"), text("target_name"),
                        text("science_program"), floating("tracking_ra"), floating("tracking_dec"),
                        floating("sky_angle"), floating("zenith_angle")},
                       {"instrument", "id"}, {{"instrument", "obs_id"}},
                       {{{"instrument"}, "instrument", {"name"}},
                        {{"instrument", "physical_filter"}, "physical_filter", {"instrument", "name"}}}, {}, {}};
    for (auto& c : timespan(false)) exposure.columns.push_back(c);
    t.push_back(exposure);
    ColumnSpec ingest{"ingest_date", "TIMESTAMP", "timestamp without time zone", false, "(CURRENT_TIMESTAMP)", "now()"};
    t.push_back({"dataset",
                 {autoincrement("id"), bigint("dataset_type_id", false), ingest, text("run_name", false)},
                 {"id"}, {},
                 {{{"dataset_type_id"}, "dataset_type", {"id"}}, {{"run_name"}, "run", {"name"}, true}}, {},
                 std::string("dataset_seq_id")});
    t.push_back({"dataset_location", {text("datastore_name", false), bigint("dataset_id")},
                 {"datastore_name", "dataset_id"}, {}, {{{"dataset_id"}, "dataset", {"id"}}}, {}, {}});
    t.push_back({"file_datastore_records",
                 {bigint("dataset_id"), text("path", false), text("formatter", false), text("storage_class", false),
                  varchar("component", 32), text("checksum"), bigint("file_size")},
                 {"dataset_id", "component"}, {}, {}, {{"idx", {"path"}}}, {}});
    return t;
}

std::string joined(const std::vector<std::string>& names, const char* separator) {
    return fmt::format("{}", fmt::join(names, separator));
}

// Index columns with the "@timespan" placeholder expanded for the backend.
std::vector<std::string> index_columns(const std::vector<std::string>& columns, Backend backend) {
    std::vector<std::string> out;
    for (const auto& c : columns) {
        if (c != "@timespan") out.push_back(c);
        else if (backend == Backend::sqlite) { out.push_back("timespan_begin"); out.push_back("timespan_end"); }
        else out.push_back("timespan");
    }
    return out;
}

std::string fk_name(const TableSpec& t, const ForeignKeySpec& fk) {
    return fmt::format("fkey_{}_{}_{}_{}", t.name, fk.referred_table, joined(fk.referred_columns, "_"), joined(fk.columns, "_"));
}

// (name, columns) of every index of the table: the fkidx ones of its foreign keys, then its own.
std::vector<std::pair<std::string, std::vector<std::string>>> all_indexes(const TableSpec& t, Backend backend) {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const auto& fk : t.foreign_keys) {
        if (fk.indexed) out.push_back({fmt::format("{}_fkidx_{}", t.name, joined(fk.columns, "_")), fk.columns});
    }
    for (const auto& [kind, columns] : t.indexes) {
        auto cols = index_columns(columns, backend);
        out.push_back({fmt::format("{}_{}_{}", t.name, kind, joined(cols, "_")), cols});
    }
    return out;
}

std::string pg_name(const std::string& name) { return butler_migrate::schema::shrink_name(name); }

}  // namespace

const std::vector<DimensionSet>& dimension_sets() {
    static const std::vector<DimensionSet> sets = {
        {0, {}, false},
        {1, {"instrument", "detector", "exposure"}, false},
        {2, {"instrument", "detector"}, true},
        {3, {"instrument", "detector", "physical_filter"}, true},
    };
    return sets;
}

std::string tags_table(int key) { return fmt::format("dataset_tags_{:08d}", key); }
std::string calibs_table(int key) { return fmt::format("dataset_calibs_{:08d}", key); }

std::vector<TableSpec> registry_tables() {
    std::vector<TableSpec> tables = static_tables();
    for (auto& t : dataset_tables()) tables.push_back(std::move(t));
    for (const auto& set : dimension_sets()) {
        tables.push_back(association_table(set, false));
        if (set.calibration) tables.push_back(association_table(set, true));
    }
    return tables;
}

std::vector<std::string> column_names(const TableSpec& table, Backend backend) {
    std::vector<std::string> names;
    for (const auto& c : table.columns) {
        if (!(backend == Backend::sqlite ? c.sqlite_type : c.pg_type).empty()) names.push_back(c.name);
    }
    return names;
}

std::string sqlite_create_table(const TableSpec& t) {
    std::vector<std::string> parts;
    for (const auto& c : t.columns) {
        if (c.sqlite_type.empty()) continue;
        std::string line = c.name + " " + c.sqlite_type;
        if (!c.sqlite_default.empty()) line += " DEFAULT " + c.sqlite_default;
        if (!c.nullable) line += " NOT NULL";
        parts.push_back(line);
    }
    parts.push_back(fmt::format("PRIMARY KEY ({})", joined(t.primary_key, ", ")));
    for (const auto& c : t.columns) {
        auto open = c.sqlite_type.find("VARCHAR(");
        if (open == std::string::npos) continue;
        std::string n = c.sqlite_type.substr(8, c.sqlite_type.size() - 9);
        parts.push_back(fmt::format("CONSTRAINT {0}_len_{1} CHECK (length({1})<={2} AND length({1})>=1)", t.name, c.name, n));
    }
    for (const auto& u : t.uniques) {
        parts.push_back(fmt::format("CONSTRAINT {}_unq_{} UNIQUE ({})", t.name, joined(u, "_"), joined(u, ", ")));
    }
    for (const auto& fk : t.foreign_keys) {
        parts.push_back(fmt::format("CONSTRAINT {} FOREIGN KEY({}) REFERENCES {} ({}){}", fk_name(t, fk), joined(fk.columns, ", "),
                                    fk.referred_table, joined(fk.referred_columns, ", "), fk.cascade ? " ON DELETE CASCADE" : ""));
    }
    return fmt::format("CREATE TABLE {} (\n\t{}\n)", t.name, joined(parts, ", \n\t"));
}

std::vector<std::string> sqlite_indexes(const TableSpec& t) {
    std::vector<std::string> out;
    for (const auto& [name, columns] : all_indexes(t, Backend::sqlite)) {
        out.push_back(fmt::format("CREATE INDEX {} ON {} ({})", name, t.name, joined(columns, ", ")));
    }
    return out;
}

std::vector<std::string> postgres_create_table(const TableSpec& t) {
    std::vector<std::string> out;
    if (t.sequence) out.push_back(fmt::format("CREATE SEQUENCE {}", *t.sequence));
    std::vector<std::string> parts;
    for (const auto& c : t.columns) {
        if (c.pg_type.empty()) continue;
        std::string line = "\"" + c.name + "\" " + c.pg_type;
        if (!c.pg_default.empty()) line += " DEFAULT " + c.pg_default;
        if (!c.nullable) line += " NOT NULL";
        parts.push_back(line);
    }
    out.push_back(fmt::format("CREATE TABLE {} ({})", t.name, joined(parts, ", ")));
    return out;
}

std::vector<std::string> postgres_keys(const TableSpec& t) {
    std::vector<std::string> out;
    auto quoted = [](const std::vector<std::string>& names) {
        std::vector<std::string> q;
        for (const auto& n : names) q.push_back("\"" + n + "\"");
        return joined(q, ", ");
    };
    out.push_back(fmt::format("ALTER TABLE {0} ADD CONSTRAINT {0}_pkey PRIMARY KEY ({1})", t.name, quoted(t.primary_key)));
    for (const auto& u : t.uniques) {
        out.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} UNIQUE ({})", t.name,
                                  pg_name(fmt::format("{}_unq_{}", t.name, joined(u, "_"))), quoted(u)));
    }
    for (const auto& fk : t.foreign_keys) {
        out.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {}({}){}", t.name,
                                  pg_name(fk_name(t, fk)), quoted(fk.columns), fk.referred_table,
                                  quoted(fk.referred_columns), fk.cascade ? " ON DELETE CASCADE" : ""));
    }
    for (const auto& [name, columns] : all_indexes(t, Backend::postgresql)) {
        out.push_back(fmt::format("CREATE INDEX {} ON {} USING btree ({})", pg_name(name), t.name, quoted(columns)));
    }
    return out;
}

}  // namespace bench::oneshot
