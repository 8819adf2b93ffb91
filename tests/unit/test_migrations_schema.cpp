// Migrations that change the schema: datastores a81dddabd837, dimensions 1601d5973bf8 and 035dcf13ef18, run
// through the executable on copies of the real fixtures (SQLite and PostgreSQL) against the real tool's
// recorded dump-schema and `sqlite3 .dump` outputs, with downgrade/upgrade round trips.
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <regex>

#include "butler_migrate/db/database.hpp"
#include "fixture_copy.hpp"

using butler_migrate::SqlRow;
using test_support::CommandResult;
using test_support::FixtureCopy;

namespace {

const std::string kDatastoresKey =
    "version:lsst.daf.butler.registry.bridge.monolithic.MonolithicDatastoreRegistryBridgeManager";

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

// The line of `text` that starts with `prefix`.
std::string line_starting(const std::string& text, const std::string& prefix) {
    auto pos = text.find("\n" + prefix);
    REQUIRE(pos != std::string::npos);
    return text.substr(pos + 1, text.find('\n', pos + 1) - pos - 1);
}

std::string alembic_rows(const FixtureCopy& repo) {
    std::string out;
    for (const auto& row : repo.query("SELECT version_num FROM {schema}.alembic_version ORDER BY version_num")) {
        out += row.at(0).value_or("NULL") + " ";
    }
    return out;
}

}  // namespace

TEST_CASE("datastores a81dddabd837 on SQLite gives the real tool's schema and .dump, both ways", "[migrations]") {
    FixtureCopy repo("f2024_u7_v28_default", "migschema_a81_sqlite");
    repo.run_ok({"stamp", "{REPO}"});
    repo.run_ok({"upgrade", "{REPO}", "a81dddabd837"});
    const std::string upgraded = repo.golden("13_dump-schema_after_datastores_a81dddabd837").out;
    const std::string dumped = repo.golden("18_sqlite3_dump_final").out;
    CHECK(repo.dump_schema() == upgraded);
    CHECK(repo.sqlite_dump() == dumped);

    // Back to 0.2.0: the old column order, the key now named (alembic names it on SQLite too).
    repo.run_ok({"downgrade", "{REPO}", "a07b3b60e369"});
    CHECK(repo.dump_schema() ==
          replace_once(upgraded, "PK name=dataset_location_trash_pkey columns=(dataset_id,datastore_name)",
                       "PK name=dataset_location_trash_pkey columns=(datastore_name,dataset_id)"));
    CHECK(repo.query("SELECT value FROM butler_attributes WHERE name = ?", {kDatastoresKey}) == std::vector<SqlRow>{{"0.2.0"}});
    CHECK(alembic_rows(repo).find("a07b3b60e369") != std::string::npos);

    repo.run_ok({"upgrade", "{REPO}", "a81dddabd837"});
    CHECK(repo.dump_schema() == upgraded);
    CHECK(repo.sqlite_dump() == dumped);
}

TEST_CASE("datastores a81dddabd837 on PostgreSQL changes the key as the real tool did, both ways", "[migrations]") {
    FixtureCopy repo("f2023_u4_26.0.0_default_pg", "migschema_a81_pg");
    repo.run_ok({"stamp", "{REPO}"});
    const std::string before = repo.dump_schema();
    const std::string pk_prefix = "  PK name=dataset_location_trash_pkey";
    const std::string old_pk = line_starting(repo.golden("22_dump-schema_after_datasets_4e2d7a28475b").out, pk_prefix);
    const std::string new_pk = line_starting(repo.golden("25_dump-schema_after_datastores_a81dddabd837").out, pk_prefix);
    REQUIRE(line_starting(before, pk_prefix) == old_pk);
    const std::string after = replace_once(before, old_pk, new_pk);

    repo.run_ok({"upgrade", "{REPO}", "a81dddabd837"});
    CHECK(repo.dump_schema() == after);
    CHECK(repo.query("SELECT value FROM {schema}.butler_attributes WHERE name = ?", {kDatastoresKey}) ==
          std::vector<SqlRow>{{"0.2.1"}});
    repo.run_ok({"downgrade", "{REPO}", "a07b3b60e369"});
    CHECK(repo.dump_schema() == before);
    CHECK(repo.query("SELECT value FROM {schema}.butler_attributes WHERE name = ?", {kDatastoresKey}) ==
          std::vector<SqlRow>{{"0.2.0"}});
    repo.run_ok({"upgrade", "{REPO}", "a81dddabd837"});
    CHECK(repo.dump_schema() == after);
}

TEST_CASE("dimensions 1601d5973bf8 and 035dcf13ef18 on the 2021 fixtures match the real tool, both ways",
          "[migrations]") {
    const std::string fixture = GENERATE(std::string("f2021_u0_dim600_int_name"), std::string("f2021_u0_dim600_int_name_pg"));
    INFO(fixture);
    FixtureCopy repo(fixture, "migschema_dims_2021");
    // As the recorded runs: the namespace stored first (golden 07), then stamp (golden 12).
    repo.run_ok({"set-namespace", "{REPO}", "daf_butler"});
    repo.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    const std::string at_600 = repo.golden("18_dump-schema_after_attributes_c0e4f9ab4a5d").out;
    const std::string at_601 = repo.golden("21_dump-schema_after_dimensions_1601d5973bf8").out;
    const std::string at_602 = repo.golden("24_dump-schema_after_dimensions_035dcf13ef18").out;

    repo.run_ok({"upgrade", "--namespace", "daf_butler", "{REPO}", "1601d5973bf8"});
    CHECK(repo.dump_schema() == at_601);
    const std::string dump_601 = repo.is_sqlite() ? repo.sqlite_dump() : "";
    repo.run_ok({"downgrade", "--namespace", "daf_butler", "{REPO}", "87a30df8c8c5"});
    CHECK(repo.dump_schema() == at_600);
    repo.run_ok({"upgrade", "--namespace", "daf_butler", "{REPO}", "1601d5973bf8"});
    CHECK(repo.dump_schema() == at_601);
    if (repo.is_sqlite()) CHECK(repo.sqlite_dump() == dump_601);

    repo.run_ok({"upgrade", "--namespace", "daf_butler", "{REPO}", "035dcf13ef18"});
    CHECK(repo.dump_schema() == at_602);
    const std::string dump_602 = repo.is_sqlite() ? repo.sqlite_dump() : "";
    repo.run_ok({"downgrade", "--namespace", "daf_butler", "{REPO}", "1601d5973bf8"});
    CHECK(repo.dump_schema() == at_601);
    repo.run_ok({"upgrade", "--namespace", "daf_butler", "{REPO}", "035dcf13ef18"});
    CHECK(repo.dump_schema() == at_602);
    if (repo.is_sqlite()) CHECK(repo.sqlite_dump() == dump_602);
}

TEST_CASE("dimensions 035dcf13ef18 on the 2022 fixture matches the real tool, both ways", "[migrations]") {
    FixtureCopy repo("f2022_u1_dim601_int_name", "migschema_dims_2022");
    repo.run_ok({"stamp", "{REPO}"});
    const std::string at_601 = repo.golden("13_dump-schema_after_attributes_c0e4f9ab4a5d").out;
    const std::string at_602 = repo.golden("16_dump-schema_after_dimensions_035dcf13ef18").out;
    repo.run_ok({"upgrade", "{REPO}", "035dcf13ef18"});
    CHECK(repo.dump_schema() == at_602);
    const std::string dump_602 = repo.sqlite_dump();
    repo.run_ok({"downgrade", "{REPO}", "1601d5973bf8"});
    CHECK(repo.dump_schema() == at_601);
    repo.run_ok({"upgrade", "{REPO}", "035dcf13ef18"});
    CHECK(repo.dump_schema() == at_602);
    CHECK(repo.sqlite_dump() == dump_602);
}

TEST_CASE("dimensions 035dcf13ef18 refuses NULL visit.physical_filter unless null_filter_value is given",
          "[migrations]") {
    const std::string fixture = GENERATE(std::string("f2021_u0_dim600_int_name"), std::string("f2021_u0_dim600_int_name_pg"));
    INFO(fixture);
    FixtureCopy repo(fixture, "migschema_null_filter");
    repo.run_ok({"set-namespace", "{REPO}", "daf_butler"});
    repo.run_ok({"stamp", "{REPO}"});
    repo.run_ok({"upgrade", "{REPO}", "1601d5973bf8"});
    const auto visit = repo.query("SELECT instrument, id, physical_filter FROM {schema}.visit ORDER BY instrument, id");
    REQUIRE(visit.size() > 2);
    const SqlRow& first = visit.front();
    repo.query("UPDATE {schema}.visit SET physical_filter = NULL WHERE instrument = ? AND id = ?", {first[0], first[1]});
    const std::string select_first = "SELECT physical_filter FROM {schema}.visit WHERE instrument = ? AND id = ?";

    CommandResult refused = repo.run({"upgrade", "{REPO}", "035dcf13ef18"});
    CHECK(refused.exit_status != 0);
    CHECK(refused.out.empty());
    // Upstream's ValueError message, after the name of the failed step.
    CHECK(ends_with(refused.err,
                    ": NULL values were found for visit.physical_filter. They need to be replaced with non-NULL "
                    "values. Please use `--options null_filter_value=<value>` command line option.\n"));
    CHECK(refused.err.find("butler-migrate: error: ") != std::string::npos);
    CHECK(repo.dump_schema() == repo.golden("21_dump-schema_after_dimensions_1601d5973bf8").out);
    CHECK(alembic_rows(repo).find("1601d5973bf8") != std::string::npos);
    CHECK(repo.query(select_first, {first[0], first[1]}) == std::vector<SqlRow>{{std::nullopt}});

    // The value must satisfy the foreign key to physical_filter: the row's own filter is put back.
    repo.run_ok({"upgrade", "--options", "null_filter_value=" + first[2].value(), "{REPO}", "035dcf13ef18"});
    CHECK(repo.query(select_first, {first[0], first[1]}) == std::vector<SqlRow>{{first[2]}});
    CHECK(repo.query("SELECT instrument, id, physical_filter FROM {schema}.visit ORDER BY instrument, id") == visit);
    CHECK(repo.dump_schema() == repo.golden("24_dump-schema_after_dimensions_035dcf13ef18").out);
}
