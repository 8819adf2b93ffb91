// datasets 4e2d7a28475b: ByDimensionsDatasetRecordStorageManagerUUID 1.0.0 <-> 2.0.0, dataset.ingest_date from a UTC
// TIMESTAMP to TAI nanoseconds (BIGINT) and back. PostgreSQL converts with a constant 37 s in ALTER ... USING, as
// upstream does; SQLite converts exactly, leap seconds included, in one UPDATE next to the table's re-creation.
#include <string>
#include <utility>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/steps/tai_time.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr std::string_view kManager =
    "lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID";

constexpr std::string_view kUpgradeNotice =
    "*** Note that this migration script converts ingest_date TIMESTAMP, which is\n"
    "*** in UTC, to nanoseconds in TAI scale. It uses constant offset of 37 seconds\n"
    "*** between UTC and TAI. This should produce exact values for reasonably\n"
    "*** recent ingest_date values, but may not be exact for other cases.\n"
    "\n";

constexpr std::string_view kDowngradeNotice =
    "*** Note that this migration script converts ingest_date from nanoseconds in\n"
    "*** TAI scale to UTC TIMESTAMP. It uses constant offset of 37 seconds between\n"
    "*** UTC and TAI. This should produce exact values for reasonably recent\n"
    "*** ingest_date values, but may not be exact for other cases.\n"
    "\n";

// PostgreSQL: one ALTER (after dropping the default on the way up) recomputes every value in place, in UTC.
void migrate_postgres(StepContext& context, std::string_view alter_clauses, bool drop_default_first) {
    Database& db = context.db();
    db.execute("SET TIME ZONE 0");
    context.log_info("Start updating dataset table");
    const std::string table = db.table("dataset");
    if (drop_default_first) db.execute(fmt::format("ALTER TABLE {} ALTER COLUMN ingest_date DROP DEFAULT", table));
    db.execute(fmt::format("ALTER TABLE {} {}", table, alter_clauses));
    context.log_info("Finished updating dataset table");
}

// The per-dataset-type row counts upstream logs while it copies the dataset table type by type.
void log_dataset_type_counts(StepContext& context) {
    Database& db = context.db();
    const auto rows = db.query(fmt::format("SELECT dataset_type_id, COUNT(*) FROM {} GROUP BY dataset_type_id "
                                           "ORDER BY dataset_type_id",
                                           db.table("dataset")));
    context.log_info(fmt::format("Found {} dataset types in dataset table", rows.size()));
    for (const auto& row : rows) {
        context.log_info(
            fmt::format("Found {} rows for in dataset type {}", row[1].value_or("0"), row[0].value_or("None")));
    }
}

// SQLite: every ingest_date converted by one UPDATE; a value the conversion refuses becomes NULL, which the column's
// NOT NULL turns into a failed statement, reported with the first such row.
long long convert_sqlite(StepContext& context, const std::string& conversion, std::string_view refusal) {
    Database& db = context.db();
    const std::string table = db.table("dataset");
    try {
        return db.execute(fmt::format("UPDATE {} SET ingest_date = {}", table, conversion));
    } catch (const DatabaseError&) {
        const auto bad = db.query(
            fmt::format("SELECT id, ingest_date FROM {} WHERE ({}) IS NULL LIMIT 1", table, conversion));
        if (bad.empty()) throw;
        throw MigrationError(fmt::format("ingest_date {} of dataset {} {}", bad[0][1].value_or("NULL"),
                                         bad[0][0].value_or("NULL"), refusal));
    }
}

// The batch re-creation of `dataset` copies ingest_date through CAST(... AS <new type>), as alembic does: harmless
// for integers in both directions, fatal for timestamp text. So the text becomes integers before the copy
// (upgrade) and integers become text after it (downgrade).
void migrate_sqlite(StepContext& context, const std::string& conversion, std::string_view refusal,
                    schema::ColumnChange change, bool convert_before_copy) {
    log_dataset_type_counts(context);
    long long updated = 0;
    if (convert_before_copy) updated = convert_sqlite(context, conversion, refusal);
    schema::apply(context, schema::TableAlteration("dataset").alter_column("ingest_date", std::move(change)));
    if (!convert_before_copy) updated = convert_sqlite(context, conversion, refusal);
    context.log_info(fmt::format("Updated {} rows in dataset table", updated));
}

}  // namespace

void upgrade_4e2d7a28475b(StepContext& context) {
    if (context.dialect() == Dialect::postgresql) {
        context.notice(kUpgradeNotice);
        migrate_postgres(context,
                         "ALTER COLUMN ingest_date TYPE BIGINT USING "
                         "CAST((EXTRACT(EPOCH FROM ingest_date) + 37) * 1000000 AS BIGINT) * 1000",
                         true);
    } else {
        schema::ColumnChange change;
        change.type = "BIGINT";
        change.drop_default = true;
        migrate_sqlite(context, tai_time::sqlite_utc_text_to_tai_ns("ingest_date"),
                       "is not a UTC timestamp 'YYYY-MM-DD HH:MM:SS[.ffffff]'", std::move(change), true);
    }
    context.attributes().update_manager_version(kManager, "2.0.0");
}

void downgrade_4e2d7a28475b(StepContext& context) {
    if (context.dialect() == Dialect::postgresql) {
        context.notice(kDowngradeNotice);
        migrate_postgres(context,
                         "ALTER COLUMN ingest_date TYPE TIMESTAMP WITHOUT TIME ZONE USING "
                         "TO_TIMESTAMP(ingest_date / 1000000000. - 37), ALTER COLUMN ingest_date SET DEFAULT now()",
                         false);
    } else {
        schema::ColumnChange change;
        change.type = "TIMESTAMP";
        change.set_default = "CURRENT_TIMESTAMP";
        migrate_sqlite(context, tai_time::sqlite_tai_ns_to_utc_text("ingest_date"),
                       "falls within a leap second, which a UTC timestamp cannot hold", std::move(change), false);
    }
    context.attributes().update_manager_version(kManager, "1.0.0");
}

}  // namespace butler_migrate::migrations
