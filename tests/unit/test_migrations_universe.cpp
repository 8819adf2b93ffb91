// dimensions-config migrations 2a8a32e1bec3 (universe 4 <-> 5), 1fae088c80b6 (5 -> 6) and 352c30854bb0 (6 <-> 7)
// on copies of the real fixtures, SQLite and PostgreSQL: the real tool's recorded runs replayed, the final dumps
// compared, round trips, and f2024_u5_default taken to universe 7. Refusals: test_migrations_universe_refusals.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "backend_generator.hpp"
#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"
#include "test_support.hpp"
#include "universe_test_support.hpp"

using butler_migrate::SqlRow;
using test_support::CommandResult;
using test_support::FixtureCopy;
using test_support::GoldenRun;
using namespace universe_tests;

namespace {

std::vector<std::string> sorted_lines(const std::string& text) {
    auto lines = split_lines(text);
    std::sort(lines.begin(), lines.end());
    return lines;
}

// Runs a recorded run again: same exit status (zero or not), same stdout (show-current lines in any order).
void replay(const FixtureCopy& repo, const GoldenRun& golden) {
    INFO(golden.name);
    CommandResult result = repo.run(golden.args);
    INFO(result.err);
    REQUIRE((result.exit_status == 0) == (golden.exit_status == 0));
    if (golden.args.at(0) == "show-current") {
        CHECK(sorted_lines(result.out) == sorted_lines(test_support::with_heads_of_today(golden.out)));
    }
    else CHECK(result.out == golden.out);
}

// The "table=<name>" block of a dump-schema output.
std::string schema_section(const std::string& dump, const std::string& table) {
    std::string out;
    bool inside = false;
    for (const auto& line : split_lines(dump)) {
        if (starts_with(line, "table=")) inside = line == "table=" + table;
        if (inside) out += line + "\n";
    }
    REQUIRE(!out.empty());
    return out;
}

// `section` with its line starting with `prefix` replaced by the line of `other` starting with it.
std::string with_line_of(const std::string& section, const std::string& other, const std::string& prefix) {
    auto line_of = [&](const std::string& text) {
        for (const auto& line : split_lines(text)) {
            if (starts_with(line, prefix)) return line + "\n";
        }
        FAIL("no line starting with " << prefix);
        return std::string();
    };
    std::string out = section;
    const std::string from = line_of(section);
    return out.replace(out.find(from), from.size(), line_of(other));
}

// A SQLite .dump with what upstream takes from Python sets put in order: the constraint lines of each CREATE TABLE
// (alembic's batch mode re-creates a table from Table.constraints, a set) and the CREATE INDEX statements (from
// Table.indexes, a set). Everything else stays as it is.
std::vector<std::string> without_set_order(const std::string& dump) {
    std::vector<std::string> out, indexes, constraints;
    bool in_table = false;
    for (const auto& line : split_lines(dump)) {
        if (in_table && line == ");") {
            std::sort(constraints.begin(), constraints.end());
            out.insert(out.end(), constraints.begin(), constraints.end());
            constraints.clear();
            in_table = false;
        }
        std::string item = line;
        while (!item.empty() && (item.back() == ' ' || item.back() == ',')) item.pop_back();
        if (in_table && (starts_with(item, "\tCONSTRAINT ") || starts_with(item, "\tPRIMARY KEY"))) constraints.push_back(item);
        else if (starts_with(line, "CREATE INDEX ") || starts_with(line, "CREATE UNIQUE INDEX ")) indexes.push_back(line);
        else out.push_back(in_table ? item : line);
        if (starts_with(line, "CREATE TABLE")) in_table = true;
    }
    std::sort(indexes.begin(), indexes.end());
    out.insert(out.end(), indexes.begin(), indexes.end());
    return out;
}

// The INSERT statements of one table in a SQLite .dump, in dump order.
std::vector<std::string> inserts_into(const std::string& dump, const std::string& quoted_table) {
    std::vector<std::string> out;
    for (const auto& line : split_lines(dump)) {
        if (starts_with(line, "INSERT INTO " + quoted_table + " VALUES")) out.push_back(line);
    }
    return out;
}

// The statement of a SQLite .dump that starts with `head`, up to its closing ");".
std::string create_statement(const std::string& dump, const std::string& head) {
    auto begin = dump.find(head);
    REQUIRE(begin != std::string::npos);
    return dump.substr(begin, dump.find("\n);", begin) + 3 - begin);
}

// pg_dump of a FixtureCopy's database ("bm_fixture_<tag>") without the lines that differ between equal databases.
std::string pg_dump(const std::string& tag) {
    const auto pg = test_support::PgServer::require();
    CommandResult r = test_support::run_program({"pg_dump", "-h", pg.host, "-p", pg.port, "-U", pg.user, "--no-owner",
                                                 "bm_fixture_" + tag},
                                                {{"PGPASSWORD", pg.password}});
    REQUIRE(r.exit_status == 0);
    return r.out;
}

std::string without_pg_dump_noise(const std::string& text) {
    std::string out;
    for (const auto& line : split_lines(text)) {
        if (starts_with(line, "\\restrict ") || starts_with(line, "\\unrestrict ") || starts_with(line, "-- Dumped ")) continue;
        out += line + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("dimensions-config 2a8a32e1bec3, 1fae088c80b6, 352c30854bb0 replay the 2023 goldens", "[migrations]") {
    const std::string backend = backend_tag(test_support::any_backend());
    INFO(backend);
    const std::string tag = "universe_2023_" + backend;
    FixtureCopy repo(backend_fixture(backend), tag);
    replay(repo, repo.golden("07_"));
    for (const auto& golden : repo.goldens(11, 19)) replay(repo, golden);

    // 352c30854bb0 both ways: the universe 6 registry again, then the universe 7 one.
    repo.run_ok({"downgrade", "{REPO}", "1fae088c80b6"});
    CHECK(repo.dump_schema() == repo.golden("16_").out);
    CHECK(sha256_hex(repo.attribute(kDimensionsKey)) == kUniverse6Sha);
    const std::string before_upgrade = repo.is_sqlite() ? repo.sqlite_dump() : "";
    repo.run_ok({"upgrade", "{REPO}", "352c30854bb0"});
    CHECK(repo.dump_schema() == repo.golden("19_").out);
    CHECK(sha256_hex(repo.attribute(kDimensionsKey)) == kUniverse7Sha);

    // The datasets and datastores steps of the recorded runs, then the final dump.
    for (const auto& golden : repo.goldens(20, 29)) {
        if (golden.args.at(0) == "upgrade" || golden.args.at(0) == "dump-schema") replay(repo, golden);
    }
    const std::string golden_dump = repo.golden("30_").out;
    if (repo.is_sqlite()) {
        const std::string dump = repo.sqlite_dump();
        CHECK(without_set_order(dump) == without_set_order(golden_dump));
        for (const char* table : {"day_obs", "\"group\"", "exposure", "butler_attributes"}) {
            CHECK(inserts_into(dump, table) == inserts_into(golden_dump, table));
        }
        // The new tables are created, not re-created: their DDL is SQLAlchemy's, byte for byte.
        for (const char* table : {"CREATE TABLE day_obs (", "CREATE TABLE IF NOT EXISTS \"group\" ("}) {
            CHECK(create_statement(dump, table) == create_statement(golden_dump, table));
        }
    } else {
        CHECK(without_pg_dump_noise(pg_dump(tag)) == without_pg_dump_noise(golden_dump));
    }
}

TEST_CASE("dimensions-config 2a8a32e1bec3 downgrade gives the universe 4 registry back", "[migrations]") {
    const std::string backend = backend_tag(test_support::any_backend());
    INFO(backend);
    FixtureCopy repo(backend_fixture(backend), "universe_4_" + backend);
    const std::string stored = repo.attribute(kDimensionsKey);
    repo.run_ok({"stamp", "{REPO}"});
    repo.run_ok({"upgrade", "{REPO}", "2a8a32e1bec3"});
    CHECK(repo.dump_schema() == repo.golden("13_").out);
    repo.run_ok({"downgrade", "{REPO}", "9888256c6a18"});
    // The initial schema (golden 05, before stamp) with alembic_version, as golden 13 shows it.
    const std::string alembic = schema_section(repo.golden("13_").out, "alembic_version");
    CHECK(repo.dump_schema() == alembic + repo.golden("05_").out);
    CHECK(repo.attribute(kDimensionsKey) == stored);

    // Offline mode is refused, as upstream does.
    CommandResult sql = repo.run({"upgrade", "--sql", "{REPO}", "9888256c6a18:2a8a32e1bec3"});
    CHECK(sql.exit_status != 0);
    CHECK(sql.err.find("Migration 2a8a32e1bec3 does not support offline (--sql) mode: This script does not support "
                       "offline mode") != std::string::npos);
}

TEST_CASE("f2024_u5_default reaches universe 7 with the built-in HSC observing-day offset", "[migrations]") {
    FixtureCopy repo("f2024_u5_default", "universe_2024");
    // Upstream failed here (golden 11): it needed obs_subaru's HyperSuprimeCam class for the offset.
    REQUIRE(repo.golden("11_").exit_status != 0);
    repo.run_ok({"stamp", "{REPO}"});
    repo.run_ok({"upgrade", "{REPO}", "1fae088c80b6"});
    repo.run_ok({"upgrade", "{REPO}", "352c30854bb0"});
    CHECK(sha256_hex(repo.attribute(kDimensionsKey)) == kUniverse7Sha);

    // daf_butler itself made the other fixtures' day_obs and group rows from the same HSC exposure (without
    // timespans): the keys must match theirs. HSC's observing day starts at 00:00 TAI (offset 0), and
    // 2013-06-17 is day 15873 after 1970-01-01.
    const FixtureCopy v28("f2024_u7_v28_default", "universe_2024_v28");
    const std::string theirs = v28.golden("18_").out;
    const long long begin = 15873LL * 86400 * 1000000000;
    CHECK(repo.query("SELECT instrument, id, timespan_begin, timespan_end FROM day_obs") ==
          std::vector<SqlRow>{{"HSC", "20130617", std::to_string(begin), std::to_string(begin + 86400LL * 1000000000)}});
    CHECK(inserts_into(theirs, "day_obs").at(0) == "INSERT INTO day_obs VALUES('HSC',20130617,NULL,NULL);");
    CHECK(inserts_into(repo.sqlite_dump(), "\"group\"") == inserts_into(theirs, "\"group\""));
    const std::string columns = "instrument, id, physical_filter, obs_id, exposure_time, dark_time, observation_type, "
                                "observation_reason, day_obs, seq_num, seq_start, seq_end, \"group\", target_name, "
                                "science_program, tracking_ra, tracking_dec, sky_angle, azimuth, zenith_angle, "
                                "has_simulated, timespan_begin, timespan_end";
    CHECK(repo.query("SELECT " + columns + " FROM exposure") == v28.query("SELECT " + columns + " FROM exposure"));
    CHECK(repo.query("SELECT can_see_sky FROM exposure") == std::vector<SqlRow>{{"1"}});  // a science exposure

    // The recorded datasets and datastores steps, then the final schema: the real tool's (golden 21) for the tables
    // these migrations leave alone, f2023's after the same migrations (golden 19) for the others, with the two
    // lines in which the 2024 exposure table was already different (golden 05).
    replay(repo, repo.golden("12_"));
    replay(repo, repo.golden("15_"));
    const std::string schema = repo.dump_schema();
    const std::string final_schema = repo.golden("21_").out;
    const FixtureCopy f2023("f2023_u4_26.0.0_default", "universe_2024_f2023");
    const std::string f2023_schema = f2023.golden("19_").out;
    std::string expected;
    for (const auto& line : split_lines(schema)) {
        if (!starts_with(line, "table=")) continue;
        const std::string table = line.substr(6);
        if (table == "day_obs" || table == "group") {
            expected += schema_section(f2023_schema, table);
        } else if (table == "exposure") {
            std::string section = schema_section(f2023_schema, table);
            const std::string initial = schema_section(repo.golden("05_").out, table);
            section = with_line_of(section, initial, "  column=obs_id ");
            expected += with_line_of(section, initial, "  CHECK name=exposure_len_instrument ");
        } else {
            expected += schema_section(final_schema, table);
        }
    }
    CHECK(schema == expected);

    // Every other table keeps its rows, in the real tool's final .dump order.
    const std::string dump = repo.sqlite_dump();
    const std::string final_dump = repo.golden("22_").out;
    for (const auto& line : split_lines(final_dump)) {
        if (!starts_with(line, "CREATE TABLE ")) continue;
        std::string table = line.substr(13, line.find(' ', 13) - 13);
        if (table == "IF") table = line.substr(27, line.find(' ', 27) - 27);
        if (table == "exposure" || table == "\"exposure\"" || table == "butler_attributes" || table == "alembic_version") continue;
        INFO(table);
        CHECK(inserts_into(dump, table) == inserts_into(final_dump, table));
    }
}
