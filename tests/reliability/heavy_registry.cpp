// Heavy registries: fixture f2021_u0_dim600_int_name brought to the state before a one-shot step, then inflated.
#include "heavy_registry.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

#include "child_process.hpp"
#include "registry_clone.hpp"

namespace reliability {

namespace {

// The real tool's recorded commands from the fixture's stamp up to universe 7 (its refusals left out).
const std::vector<std::string> kPrepareGoldens = {"12_", "16_", "19_", "22_", "25_", "29_",
                                                  "32_", "35_", "38_", "42_", "45_"};

std::string bulk_numbers(int bulk_runs) {
    return "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < " + std::to_string(bulk_runs) +
           ") ";
}

// Statements adding `bulk_runs` RUN collections "bulk_run_<n>" in a chain, one bias dataset per HSC detector in
// each (id 1000000 + 1000 n + detector) with its tag, datastore location and file record, and a TAGGED
// collection holding the datasets of bulk_run_1. Written for the name-keyed collections schema (before
// 8c57494cabcc) and integer dataset ids (before 2101fbf51ad3); the same text runs on SQLite and PostgreSQL.
std::vector<std::string> inflate_statements(int bulk_runs) {
    const std::string k = bulk_numbers(bulk_runs);
    const std::string bulk_ids = " FROM {schema}.dataset WHERE id >= 1000000";
    return {
        "INSERT INTO {schema}.collection (name, type) " + k + "SELECT 'bulk_run_' || n, 1 FROM k",
        "INSERT INTO {schema}.collection (name, type, doc) VALUES ('bulk_chain', 3, 'all bulk runs'), "
        "('bulk_tagged', 2, NULL)",
        "INSERT INTO {schema}.run (name) SELECT name FROM {schema}.collection WHERE name LIKE 'bulk_run_%'",
        "INSERT INTO {schema}.collection_chain (parent, position, child) " + k +
            "SELECT 'bulk_chain', n - 1, 'bulk_run_' || n FROM k",
        "INSERT INTO {schema}.collection_summary_dataset_type (collection_name, dataset_type_id) "
        "SELECT name, 2 FROM {schema}.collection WHERE name LIKE 'bulk_run_%' OR name = 'bulk_tagged'",
        "INSERT INTO {schema}.collection_summary_instrument (collection_name, instrument) "
        "SELECT name, 'HSC' FROM {schema}.collection WHERE name LIKE 'bulk_run_%' OR name = 'bulk_tagged'",
        "INSERT INTO {schema}.dataset (id, dataset_type_id, run_name) " + k +
            "SELECT 1000000 + n * 1000 + d.id, 2, 'bulk_run_' || n FROM k, {schema}.detector d "
            "WHERE d.instrument = 'HSC'",
        "INSERT INTO {schema}.dataset_tags_00000002 (dataset_type_id, dataset_id, collection_name, instrument, "
        "detector) SELECT 2, id, run_name, 'HSC', id % 1000" + bulk_ids,
        "INSERT INTO {schema}.dataset_tags_00000002 (dataset_type_id, dataset_id, collection_name, instrument, "
        "detector) SELECT 2, id, 'bulk_tagged', 'HSC', id % 1000" + bulk_ids + " AND run_name = 'bulk_run_1'",
        "INSERT INTO {schema}.dataset_location (datastore_name, dataset_id) "
        "SELECT 'FileDatastore@<butlerRoot>', id" + bulk_ids,
        "INSERT INTO {schema}.file_datastore_records (dataset_id, path, formatter, storage_class, component, "
        "checksum, file_size) SELECT id, run_name || '/bias/bias_' || id || '.fits', "
        "'lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter', 'Exposure', '__NULL_STRING__', NULL, "
        "4000 + id % 1000" + bulk_ids,
    };
}

void run_ok(const test_support::FixtureCopy& copy, const std::vector<std::string>& args) {
    auto result = run_on(copy.repo(), args);
    INFO(command_line(args) << "\n" << result.err);
    REQUIRE(result.exit_status == 0);
}

}  // namespace

const HeavyStep& collections_oneshot_step() {
    static const HeavyStep step{"collections", "8c57494cabcc",
                                {"upgrade", "--one-shot-tree", "collections/name_2.0.0_to_int_2.0.0", "--namespace",
                                 "daf_butler", "{REPO}", "8c57494cabcc"},
                                600};
    return step;
}

const HeavyStep& datasets_oneshot_step() {
    static const HeavyStep step{"datasets", "2101fbf51ad3",
                                {"upgrade", "--one-shot-tree", "datasets/int_1.0.0_to_uuid_1.0.0", "--namespace",
                                 "daf_butler", "{REPO}", "2101fbf51ad3"},
                                150};
    return step;
}

std::vector<std::string> verbose_upgrade_args(const HeavyStep& step) {
    std::vector<std::string> args{"--log-level", "VERBOSE"};
    args.insert(args.end(), step.upgrade_args.begin(), step.upgrade_args.end());
    return args;
}

int bulk_runs_for(const HeavyStep& step) {
    const char* text = std::getenv("BUTLER_MIGRATE_CRASH_BULK_RUNS");
    return text && *text ? std::max(1, std::atoi(text)) : step.default_bulk_runs;
}

std::unique_ptr<test_support::FixtureCopy> make_heavy_registry(Backend backend, const HeavyStep& step,
                                                               const std::string& tag, int bulk_runs) {
    const bool sqlite = backend == Backend::sqlite;
    auto copy = std::make_unique<test_support::FixtureCopy>(
        sqlite ? "f2021_u0_dim600_int_name" : "f2021_u0_dim600_int_name_pg", tag);
    for (const auto& prefix : kPrepareGoldens) {
        auto args = copy->golden(prefix).args;
        run_ok(*copy, args);
    }
    for (const auto& statement : inflate_statements(bulk_runs)) copy->query(statement);
    // The fixtures' recorded paths: on PostgreSQL the collections step ran before the datasets one; on SQLite
    // upstream refuses it, so the datasets step ran on name-keyed collections.
    if (&step == &datasets_oneshot_step() && !sqlite) run_ok(*copy, collections_oneshot_step().upgrade_args);
    return copy;
}

}  // namespace reliability
