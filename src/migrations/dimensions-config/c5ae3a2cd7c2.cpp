// dimensions-config c5ae3a2cd7c2: daf_butler dimension universe 2 <-> 3.
//
// observation_reason of visit and exposure grows from 32 to 68 characters: in config:dimensions.json (the
// "length" of that metadata entry, and the version) and in both tables. daf_butler stores strings longer
// than 32 characters as TEXT, shorter ones as VARCHAR(n) with, on SQLite only, a CHECK constraint on their
// length: upgrade drops that CHECK, downgrade writes it back. The stored version must be the one this step
// starts from.
#include <fmt/format.h>

#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kColumn = "observation_reason";
constexpr const char* kTables[] = {"visit", "exposure"};

void edit_dimensions_json(OrderedJson& config, int old_version, int new_version, int column_size) {
    const OrderedJson& version = pyjson::item(config, "version");
    if (!pyjson::equals_number(version, old_version)) {
        throw MigrationError(fmt::format("dimensions.json version mismatch: {}", pyjson::str(version)));
    }
    config["version"] = new_version;
    OrderedJson& elements = pyjson::item(config, "elements");
    for (const char* element : kTables) {
        OrderedJson* definition = nullptr;
        int found = 0;
        for (auto& entry : pyjson::item(pyjson::item(elements, element), "metadata")) {
            if (pyjson::item(entry, "name") == kColumn) {
                definition = &entry;
                ++found;
            }
        }
        if (found != 1) {
            throw MigrationError(fmt::format("Cannot find {} metadata definition for {}", kColumn, element));
        }
        (*definition)["length"] = column_size;
    }
}

void alter_tables(StepContext& context, int column_size, int old_column_size) {
    for (const char* table : kTables) {
        schema::TableAlteration alteration(table);
        const std::string type = column_size > 32 ? "TEXT" : fmt::format("VARCHAR({})", column_size);
        alteration.alter_column(kColumn, schema::ColumnChange{type, std::nullopt, false, std::nullopt, std::nullopt});
        if (context.dialect() == Dialect::sqlite) {
            // daf_butler checks the length of short strings on SQLite only.
            const std::string constraint = fmt::format("{}_len_{}", table, kColumn);
            if (old_column_size <= 32) alteration.drop_constraint(constraint);
            if (column_size <= 32) {
                alteration.create_check(
                    constraint, fmt::format("length(\"{0}\")<={1} AND length(\"{0}\")>=1", kColumn, column_size));
            }
        }
        schema::apply(context, alteration);
    }
}

void migrate(StepContext& context, int old_version, int new_version, int column_size, int old_column_size) {
    update_dimensions_json(context.attributes(), [&](OrderedJson& config) {
        edit_dimensions_json(config, old_version, new_version, column_size);
    });
    alter_tables(context, column_size, old_column_size);
}

}  // namespace

void upgrade_c5ae3a2cd7c2(StepContext& context) { migrate(context, 2, 3, 68, 32); }

void downgrade_c5ae3a2cd7c2(StepContext& context) { migrate(context, 3, 2, 32, 68); }

}  // namespace butler_migrate::migrations
