// datasets 4e2d7a28475b: ByDimensionsDatasetRecordStorageManagerUUID 1.0.0 <-> 2.0.0, dataset.ingest_date from a UTC
// TIMESTAMP to TAI nanoseconds (BIGINT) and back. PostgreSQL converts with a constant 37 s in ALTER ... USING, as
// upstream does; SQLite converts exactly, leap seconds included, in the copy of the table's one re-creation.
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

// The per-dataset-type row counts upstream logs while it copies the dataset table type by type; returns their sum.
long long log_dataset_type_counts(StepContext& context) {
    Database& db = context.db();
    const auto rows = db.query(fmt::format("SELECT dataset_type_id, COUNT(*) FROM {} GROUP BY dataset_type_id "
                                           "ORDER BY dataset_type_id",
                                           db.table("dataset")));
    context.log_info(fmt::format("Found {} dataset types in dataset table", rows.size()));
    long long total = 0;
    for (const auto& row : rows) {
        context.log_info(
            fmt::format("Found {} rows for in dataset type {}", row[1].value_or("0"), row[0].value_or("None")));
        total += std::stoll(row[1].value_or("0"));
    }
    return total;
}

// SQLite: `dataset` re-created once, every ingest_date converted in the copy (read as the conversion gives it,
// not through the CAST alembic puts on a type change, which timestamp text would not survive). A value the
// conversion refuses becomes NULL, which the column's NOT NULL turns into a failed copy, reported with the first
// such row.
void migrate_sqlite(StepContext& context, const std::string& conversion, std::string_view refusal,
                    schema::ColumnChange change) {
    Database& db = context.db();
    const long long rows = log_dataset_type_counts(context);
    try {
        schema::apply_in_one_copy(context, {schema::TableAlteration("dataset").alter_column("ingest_date", std::move(change))},
                                  {{"ingest_date", conversion}}, schema::RowOrder::old);
    } catch (const DatabaseError&) {
        const auto bad = db.query(
            fmt::format("SELECT id, ingest_date FROM {} WHERE ({}) IS NULL LIMIT 1", db.table("dataset"), conversion));
        if (bad.empty()) throw;
        throw MigrationError(fmt::format("ingest_date {} of dataset {} {}", bad[0][1].value_or("NULL"),
                                         bad[0][0].value_or("NULL"), refusal));
    }
    context.log_info(fmt::format("Updated {} rows in dataset table", rows));
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
                       "is not a UTC timestamp 'YYYY-MM-DD HH:MM:SS[.ffffff]'", std::move(change));
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
                       "falls within a leap second, which a UTC timestamp cannot hold", std::move(change));
    }
    context.attributes().update_manager_version(kManager, "1.0.0");
}

}  // namespace butler_migrate::migrations
