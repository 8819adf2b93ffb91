// One-shot datasets 2101fbf51ad3 (integer dataset ids -> UUIDs) on real fixtures, replaying the real tool's recorded
// runs up to it: schema as in the goldens, raw datasets with upstream's uuid5 ids, everything else random uuid4.
#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

#include <catch2/catch.hpp>

#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"

using test_support::FixtureCopy;

namespace {

// Runs butler-migrate on the copy with the universe files of ../shared/daf_butler and no user configuration.
test_support::CommandResult run_with_universe(const FixtureCopy& copy, const std::vector<std::string>& args,
                                              const char* fail_before_commit = nullptr) {
    if (!fail_before_commit) return copy.run(args);
    return copy.run(args, {{"BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT", fail_before_commit}});
}

// Replays the recorded butler-migrate runs with the given golden numbers, each with its recorded exit status.
void replay(const FixtureCopy& copy, const std::vector<int>& numbers) {
    for (int n : numbers) {
        const auto golden = copy.golden((n < 10 ? "0" : "") + std::to_string(n) + "_");
        INFO(golden.name);
        auto result = run_with_universe(copy, golden.args);
        INFO(result.err);
        REQUIRE(result.exit_status == golden.exit_status);
    }
}

std::vector<std::string> sorted_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
}

// The lines of a recorded show-current run, sorted, with the heads of today.
std::vector<std::string> recorded_current_lines(const FixtureCopy& copy, const std::string& prefix) {
    return sorted_lines(test_support::with_heads_of_today(copy.golden(prefix).out));
}

std::string scalar(const FixtureCopy& copy, const std::string& sql) { return copy.query(sql).at(0).at(0).value_or(""); }

// Every dataset id is a version-4 UUID in the dialect's text form, and every referring row finds its dataset.
void check_random_ids(const FixtureCopy& copy, const std::string& dataset_count) {
    CHECK(scalar(copy, "SELECT COUNT(*) FROM {schema}.dataset") == dataset_count);
    const std::regex uuid4(copy.is_sqlite() ? "[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}"
                                            : "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    // Type 4 is the `raw` type some tests add: those ids are uuid5.
    for (const auto& row : copy.query("SELECT id FROM {schema}.dataset WHERE dataset_type_id <> 4"))
        CHECK(std::regex_match(*row[0], uuid4));
    CHECK(scalar(copy, "SELECT COUNT(DISTINCT id) FROM {schema}.dataset") == dataset_count);
    for (const char* table : {"dataset_tags_00000001", "dataset_tags_00000002", "dataset_location"}) {
        INFO(table);
        CHECK(scalar(copy, std::string("SELECT COUNT(*) FROM {schema}.") + table + " t WHERE t.dataset_id NOT IN "
                           "(SELECT id FROM {schema}.dataset)") == "0");
        CHECK(scalar(copy, std::string("SELECT COUNT(*) FROM {schema}.") + table) != "0");
    }
}

const std::string kStep = "2101fbf51ad3";
const std::string kUuidManager =
    "lsst.daf.butler.registry.datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID";

}  // namespace

TEST_CASE("datasets one-shot on f2022_u1_dim601_int_name (SQLite) matches the goldens", "[oneshot]") {
    FixtureCopy copy("f2022_u1_dim601_int_name", "oneshot_ds_2022");
    replay(copy, {7, 11, 14, 18, 21, 24, 27, 31, 34});
    const std::string datasets = scalar(copy, "SELECT COUNT(*) FROM {schema}.dataset");
    const auto step = copy.golden("38_");
    const auto result = run_with_universe(copy, step.args);
    REQUIRE(result.exit_status == step.exit_status);
    CHECK(result.out == step.out);
    CHECK(test_support::without_our_notices(result.err) == step.err);
    CHECK(copy.run({"dump-schema", "{REPO}"}).out == copy.golden("40_").out);
    CHECK(sorted_lines(copy.run({"show-current", "{REPO}"}).out) == recorded_current_lines(copy, "39_"));
    check_random_ids(copy, datasets);
    CHECK(datasets == "16");
    // The schema digest the real tool recorded (golden 51: the final sqlite3 dump).
    CHECK(copy.attribute("schema_digest:" + kUuidManager) == "9333c074dfc50902433dcc364976c7cb");
    CHECK(copy.attribute("version:" + kUuidManager) == "1.0.0");
    CHECK(copy.attribute("config:registry.managers.datasets") == kUuidManager);
    CHECK(copy.query("SELECT name FROM sqlite_master WHERE name = 'migration_id2uuid'").empty());
}

TEST_CASE("datasets one-shot on f2021_u0_dim600_int_name (SQLite) matches the goldens", "[oneshot]") {
    FixtureCopy copy("f2021_u0_dim600_int_name", "oneshot_ds_2021");
    replay(copy, {7, 12, 16, 19, 22, 25, 29, 32, 35, 38, 42, 45});
    const std::string datasets = scalar(copy, "SELECT COUNT(*) FROM {schema}.dataset");
    replay(copy, {49});
    CHECK(copy.run({"dump-schema", "{REPO}"}).out == copy.golden("51_").out);
    CHECK(sorted_lines(copy.run({"show-current", "{REPO}"}).out) == recorded_current_lines(copy, "50_"));
    check_random_ids(copy, datasets);
}

namespace {

// Two `raw` datasets (Cam1 detectors 1 and 2 in run imported_g) registered through the bias tags table.
void add_raw_datasets(const FixtureCopy& copy) {
    copy.query("INSERT INTO {schema}.dataset_type (id, name, storage_class, dimensions_key, tag_association_table, "
               "calibration_association_table) VALUES (4, 'raw', 'Exposure', 2, 'dataset_tags_00000002', NULL)");
    // SQLite fixtures keep name-keyed collections; on PostgreSQL the collections one-shot ran first.
    const bool synthetic =
        !copy.is_sqlite() && !copy.query("SELECT 1 FROM information_schema.columns WHERE table_schema = 'fixture' "
                                         "AND table_name = 'collection' AND column_name = 'collection_id'")
                                  .empty();
    const std::string run = synthetic ? "(SELECT collection_id FROM {schema}.collection WHERE name = 'imported_g')"
                                      : "'imported_g'";
    const std::string key = synthetic ? "collection_id" : "collection_name";
    copy.query("INSERT INTO {schema}.collection_summary_dataset_type (" + key + ", dataset_type_id) VALUES (" + run +
               ", 4)");
    for (int detector : {1, 2}) {
        const std::string id = std::to_string(1000 + detector);
        copy.query("INSERT INTO {schema}.dataset (id, dataset_type_id, " +
                   std::string(synthetic ? "run_id" : "run_name") + ") VALUES (" + id + ", 4, " + run + ")");
        copy.query("INSERT INTO {schema}.dataset_tags_00000002 (dataset_type_id, dataset_id, " + key +
                   ", instrument, detector) VALUES (4, " + id + ", " + run + ", 'Cam1', " +
                   std::to_string(detector) + ")");
    }
}

// uuid5(840b31d9-05cd-5161-b2c8-00d32b280d0f, "dataset_type=raw,run=imported_g,detector=<d>,instrument=Cam1"),
// computed with Python's uuid module.
const char* const kRawDetector1 = "e8182343-71bc-5568-8775-3e5faadb4eb5";
const char* const kRawDetector2 = "2c2e7d52-5da7-5b3e-aadd-ea320455bdb1";

std::string stored(const FixtureCopy& copy, std::string uuid) {
    if (copy.is_sqlite()) uuid.erase(std::remove(uuid.begin(), uuid.end(), '-'), uuid.end());
    return uuid;
}

void check_raw_ids(const FixtureCopy& copy) {
    const auto rows = copy.query("SELECT t.detector, CAST(t.dataset_id AS VARCHAR(36)) FROM {schema}.dataset_tags_00000002 t "
                                 "WHERE t.dataset_type_id = 4 ORDER BY t.detector");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0][1].value_or("") == stored(copy, kRawDetector1));
    CHECK(rows[1][1].value_or("") == stored(copy, kRawDetector2));
    CHECK(scalar(copy, "SELECT COUNT(*) FROM {schema}.dataset WHERE CAST(id AS VARCHAR(36)) IN ('" +
                           stored(copy, kRawDetector1) + "', '" + stored(copy, kRawDetector2) + "')") == "2");
}

}  // namespace

TEST_CASE("datasets one-shot gives raw datasets upstream's uuid5 ids (SQLite)", "[oneshot]") {
    FixtureCopy copy("f2022_u1_dim601_int_name", "oneshot_ds_raw");
    replay(copy, {7, 11, 14, 18, 21, 24, 27, 31, 34});
    add_raw_datasets(copy);
    replay(copy, {38});
    check_raw_ids(copy);
}

TEST_CASE("datasets one-shot on f2021_u0_dim600_int_name_pg (PostgreSQL) matches the goldens", "[oneshot]") {
    FixtureCopy copy("f2021_u0_dim600_int_name_pg", "oneshot_ds_pg");
    replay(copy, {7, 12, 16, 19, 22, 25, 29, 32, 35, 38, 42, 45, 48});
    const std::string datasets = scalar(copy, "SELECT COUNT(*) FROM {schema}.dataset");
    add_raw_datasets(copy);
    replay(copy, {51});
    check_raw_ids(copy);
    // Golden 53 describes the registry without the two raw datasets added here; rows do not show in dump-schema.
    CHECK(copy.run({"dump-schema", "{REPO}"}).out == copy.golden("53_").out);
    CHECK(sorted_lines(copy.run({"show-current", "{REPO}"}).out) == recorded_current_lines(copy, "52_"));
    CHECK(copy.query("SELECT 1 FROM information_schema.sequences WHERE sequence_schema = 'fixture' AND "
                     "sequence_name = 'dataset_seq_id'")
              .empty());
    check_random_ids(copy, std::to_string(std::stoll(datasets) + 2));
}

namespace {

// Everything the step could change: the sqlite3 .dump, or on PostgreSQL dump-schema plus every table's rows.
std::string snapshot(const FixtureCopy& copy) {
    if (copy.is_sqlite()) return copy.sqlite_dump();
    std::string out = copy.run({"dump-schema", "{REPO}"}).out;
    for (const auto& table : copy.query("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                        "'fixture' ORDER BY table_name")) {
        const std::string name = table[0].value_or("");
        const auto rows = copy.query("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                                     "FROM {schema}.\"" + name + "\" t");
        out += name + ":" + rows[0][0].value_or("") + ":" + rows[0][1].value_or("") + "\n";
    }
    out += scalar(copy, "SELECT COUNT(*) FROM information_schema.sequences WHERE sequence_schema = 'fixture'");
    return out;
}

void check_rollback(const FixtureCopy& copy, const std::vector<int>& prepare, const std::string& step_golden) {
    replay(copy, prepare);
    const std::string before = snapshot(copy);
    const auto golden = copy.golden(step_golden);
    auto failed = run_with_universe(copy, golden.args, kStep.c_str());
    CHECK(failed.exit_status == 1);
    CHECK(failed.err.find("failed, nothing of it was applied: injected failure") != std::string::npos);
    CHECK(snapshot(copy) == before);
    CHECK(run_with_universe(copy, golden.args).exit_status == 0);
    CHECK(snapshot(copy) != before);
}

}  // namespace

TEST_CASE("a failing datasets one-shot leaves the registry unchanged (SQLite)", "[oneshot][rollback]") {
    FixtureCopy copy("f2022_u1_dim601_int_name", "oneshot_ds_rollback");
    check_rollback(copy, {7, 11, 14, 18, 21, 24, 27, 31, 34}, "38_");
}

TEST_CASE("a failing datasets one-shot leaves the registry unchanged (PostgreSQL)", "[oneshot][rollback]") {
    FixtureCopy copy("f2021_u0_dim600_int_name_pg", "oneshot_ds_rollback_pg");
    check_rollback(copy, {7, 12, 16, 19, 22, 25, 29, 32, 35, 38, 42, 45, 48}, "51_");
}
