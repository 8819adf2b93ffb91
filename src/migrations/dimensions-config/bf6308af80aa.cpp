// dimensions-config bf6308af80aa: daf_butler dimension universe 1 -> 2 (no downgrade upstream).
//
// Visits may now belong to several visit systems: the new table visit_system_membership (filled from
// visit_definition) replaces the visit_system columns of visit and visit_definition, and instrument gets a
// preferred visit_system (0, or 2 for the Rubin cameras). visit gains seq_num (the lowest seq_num of its
// exposures) and azimuth; exposure gains seq_start/seq_end (its own seq_num), azimuth and has_simulated,
// whose value the operator must give with `--options has_simulated=0|1`. The stored dimensions.json is
// edited to match (the doc texts are upstream's, byte for byte), and the dimensions manager's schema digest
// is set to the 6.0.1 digest of the new schema, which older releases still check.
#include <fmt/format.h>

#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kMembership = "visit_system_membership";

// Upstream logs under a logger the butler command line does not show at INFO: debug level here.
void log_debug(const StepContext& context, const std::string& message) {
    log::debug("butler_migrate." + context.revision().id, message);
}

bool has_simulated_option(const StepContext& context) {
    auto value = context.option("has_simulated");
    if (!value) {
        throw MigrationError(
            "This migration script requires a default value be provided for the `has_simulated` field in the "
            "`exposure` record. Please use `--options has_simulated=1` or `--options has_simulated=0` command line "
            "option.");
    }
    if (*value == "0") return false;
    if (*value == "1") return true;
    throw MigrationError(fmt::format("Unexpected value of `has_simulated` option: {}", *value));
}

void migrate_instrument(StepContext& context) {
    Database& db = context.db();
    log_debug(context, "Migrating instrument table");
    schema::add_column(context, "instrument", {"visit_system", "BIGINT", true, std::nullopt});
    const std::string instrument = db.table("instrument");
    db.execute(fmt::format("UPDATE {} SET visit_system = 0", instrument));
    db.execute(fmt::format("UPDATE {} SET visit_system = 2 WHERE name IN (?, ?, ?)", instrument),
               {"LSSTCam", "LATISS", "LSSTComCam"});
}

void migrate_visit(StepContext& context) {
    Database& db = context.db();
    log_debug(context, "migrating visit table");
    schema::TableAlteration visit("visit");
    visit.drop_index("visit_fkidx_instrument_visit_system")
        .drop_column("visit_system")
        .add_column({"seq_num", "BIGINT", true, std::nullopt})
        .add_column({"azimuth", "FLOAT", true, std::nullopt});
    schema::apply(context, visit);

    // The lowest seq_num of the visit's exposures; the join is visit_definition's foreign key to exposure.
    const std::string visit_table = db.table("visit");
    const std::string exposure = db.table("exposure");
    const std::string definition = db.table("visit_definition");
    db.execute(fmt::format(
        "UPDATE {0} SET seq_num = (SELECT min({1}.seq_num) FROM {1} JOIN {2} ON {1}.instrument = {2}.instrument "
        "AND {1}.id = {2}.exposure WHERE {2}.instrument = {0}.instrument AND {2}.visit = {0}.id)",
        visit_table, exposure, definition));
}

void migrate_exposure(StepContext& context, bool has_simulated) {
    Database& db = context.db();
    log_debug(context, "migrating exposure table");
    schema::TableAlteration exposure("exposure");
    exposure.add_column({"seq_start", "BIGINT", true, std::nullopt})
        .add_column({"seq_end", "BIGINT", true, std::nullopt})
        .add_column({"azimuth", "FLOAT", true, std::nullopt})
        .add_column({"has_simulated", "BOOLEAN", true, std::nullopt});
    schema::apply(context, exposure);
    // Booleans as SQLAlchemy binds them: 0/1 on SQLite, false/true on PostgreSQL.
    const bool sqlite = context.dialect() == Dialect::sqlite;
    const char* flag = has_simulated ? (sqlite ? "1" : "true") : (sqlite ? "0" : "false");
    db.execute(fmt::format("UPDATE {} SET seq_start = seq_num, seq_end = seq_num, has_simulated = {}",
                           db.table("exposure"), flag));
}

// daf_butler's foreign key name: fkey_<table>_<target table>_<target columns>_<columns> (shrunk on PostgreSQL
// when the table is created).
schema::ForeignKeySpec foreign_key(const std::vector<std::string>& columns, const std::string& target,
                                   const std::vector<std::string>& target_columns) {
    std::string name = fmt::format("fkey_{}_{}", kMembership, target);
    for (const auto& column : target_columns) name += "_" + column;
    for (const auto& column : columns) name += "_" + column;
    return {name, columns, target, target_columns, std::nullopt};
}

void create_membership_table(StepContext& context) {
    log_debug(context, fmt::format("creating {} table", kMembership));
    schema::TableCreation table(kMembership);
    table.add_column({"instrument", "VARCHAR(16)", false, std::nullopt})
        .add_column({"visit_system", "BIGINT", false, std::nullopt})
        .add_column({"visit", "BIGINT", false, std::nullopt})
        .primary_key({"instrument", "visit_system", "visit"})
        .foreign_key(foreign_key({"instrument"}, "instrument", {"name"}))
        .foreign_key(foreign_key({"instrument", "visit_system"}, "visit_system", {"instrument", "id"}))
        .foreign_key(foreign_key({"instrument", "visit"}, "visit", {"instrument", "id"}));
    if (context.dialect() == Dialect::sqlite) {
        table.check(fmt::format("{}_len_instrument", kMembership), "length(instrument)<=16 AND length(instrument)>=1");
    }
    schema::create_table(context, table);
    const std::string prefix = fmt::format("{}_fkidx_", kMembership);
    schema::create_index(context, kMembership, prefix + "instrument_visit_system", {"instrument", "visit_system"});
    schema::create_index(context, kMembership, prefix + "instrument_visit", {"instrument", "visit"});
    schema::create_index(context, kMembership, prefix + "instrument", {"instrument"});
}

void migrate_visit_definition(StepContext& context) {
    Database& db = context.db();
    create_membership_table(context);
    const std::string definition = db.table("visit_definition");
    db.execute(fmt::format("INSERT INTO {0} (instrument, visit_system, visit) SELECT DISTINCT {1}.instrument, "
                           "{1}.visit_system, {1}.visit FROM {1}",
                           db.table(kMembership), definition));

    // visit_system is part of the primary key. SQLite's key has no name, so (as upstream) a named key on the
    // old columns is created and dropped before the new key; PostgreSQL drops its key first.
    schema::TableAlteration alteration("visit_definition");
    if (context.dialect() == Dialect::postgresql) alteration.drop_constraint("visit_definition_pkey");
    alteration.create_primary_key("visit_definition_pkey", {"instrument", "visit_system", "exposure"})
        .drop_constraint("visit_definition_pkey")
        .create_primary_key("visit_definition_pkey", {"instrument", "exposure", "visit"})
        .drop_index("visit_definition_fkidx_instrument_visit_system")
        .drop_column("visit_system");
    schema::apply(context, alteration);
}

// The digest of dimensions manager 6.0.1 with the universe 2 tables; registries that no longer store
// digests have no row to update.
void migrate_schema_digest(StepContext& context) {
    const char* digest = context.dialect() == Dialect::postgresql ? "689da2cd495d8caba0eb05cb137c177f"
                                                                  : "67be8681bc44dd8ed717b9056679f62c";
    const std::string suffix = "StaticDimensionRecordStorageManager";
    auto manager = context.attributes().get("config:registry.managers.dimensions");
    if (!manager) throw MigrationError("Missing dimensions manager class");
    if (manager->size() < suffix.size() || manager->compare(manager->size() - suffix.size(), suffix.size(), suffix) != 0) {
        throw MigrationError(fmt::format("Unexpected class name of dimensions manager {}", *manager));
    }
    log_debug(context, "migrating dimensions schema digest");
    if (context.attributes().update("schema_digest:" + *manager, digest) >= 2) {
        throw MigrationError("expected to update zero or one rows");
    }
}

// A metadata entry of a dimension element: {"name", "type", "doc"}, in that order.
OrderedJson metadata(const char* name, const char* type, const char* doc) {
    OrderedJson entry = OrderedJson::object();
    entry["name"] = name;
    entry["type"] = type;
    entry["doc"] = doc;
    return entry;
}

void edit_visit_json(OrderedJson& visit) {
    pyjson::remove(pyjson::item(visit, "implies"), "visit_system");
    OrderedJson& entries = pyjson::item(visit, "metadata");
    pyjson::insert(entries, 1, metadata("seq_num", "int",
                                        "The sequence number of the first exposure that is part of this visit."));
    pyjson::insert(entries, -1, metadata("azimuth", "float",
                                         "Approximate azimuth of the telescope in degrees during the visit. Can only be "
                                         "approximate since it is continually changing during an observation and "
                                         "multiple exposures can be combined from a relatively long period."));
}

void edit_exposure_json(OrderedJson& exposure) {
    OrderedJson& entries = pyjson::item(exposure, "metadata");
    pyjson::insert(entries, 6, metadata("seq_start", "int",
                                        "The sequence number of the first exposure of the visit that contains this "
                                        "exposure."));
    pyjson::insert(entries, 7, metadata("seq_end", "int",
                                        "The sequence number of the final exposure of the visit that contains this "
                                        "exposure."));
    pyjson::insert(entries, -1, metadata("azimuth", "float",
                                         "Azimuth of the telescope at the start of the exposure in degrees. Can be NULL "
                                         "for observations that are not on sky, or for observations where the azimuth "
                                         "is not relevant."));
    pyjson::append(entries, metadata("has_simulated", "bool",
                                     "True if this exposure has some content that was simulated. This can be if the "
                                     "data itself were simulated or if parts of the header came from simulated "
                                     "systems, such as observations in the lab that are recorded as on-sky."));
}

OrderedJson membership_element() {
    OrderedJson element = OrderedJson::object();
    element["doc"] = "A many-to-many join table that relates visits to the visit_systems they belong to.";
    element["requires"] = OrderedJson::array({"visit", "visit_system"});
    element["always_join"] = true;
    element["storage"] = OrderedJson::object();
    element["storage"]["cls"] = "lsst.daf.butler.registry.dimensions.table.TableDimensionRecordStorage";
    return element;
}

void edit_dimensions_json(OrderedJson& config) {
    config["version"] = 2;
    OrderedJson& elements = pyjson::item(config, "elements");
    pyjson::insert(pyjson::item(pyjson::item(elements, "instrument"), "metadata"), 1,
                   metadata("visit_system", "int", "The preferred visit system for this instrument."));
    edit_visit_json(pyjson::item(elements, "visit"));
    edit_exposure_json(pyjson::item(elements, "exposure"));
    pyjson::item(elements, "visit_system")["doc"] =
        "A system of self-consistent visit definitions, within which each exposure should appear at most once.\n"
        "A visit may belong to multiple visit systems, if the logical definitions for those systems happen to "
        "result in the same set of exposures - the main (and probably only) example is when a single-snap visit is "
        "observed, for which both the \"one-to-one\" visit system and a \"group by header metadata\" visit system "
        "will define the same single-exposure visit. ";
    OrderedJson& definition = pyjson::item(elements, "visit_definition");
    OrderedJson& requires = pyjson::item(definition, "requires");
    pyjson::remove(requires, "visit_system");
    pyjson::append(requires, "visit");
    pyjson::erase(definition, "implies");
    elements[kMembership] = membership_element();
}

}  // namespace

void upgrade_bf6308af80aa(StepContext& context) {
    const bool has_simulated = has_simulated_option(context);
    migrate_instrument(context);
    migrate_visit(context);
    migrate_exposure(context, has_simulated);
    migrate_visit_definition(context);
    log_debug(context, "migrating stored dimensions.json");
    update_dimensions_json(context.attributes(), edit_dimensions_json);
    migrate_schema_digest(context);
}

}  // namespace butler_migrate::migrations
