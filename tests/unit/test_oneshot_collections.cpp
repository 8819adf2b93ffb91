// One-shot collections migration 8c57494cabcc (name keys -> synthetic integer keys) on PostgreSQL and SQLite.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "butler_migrate/steps/schema_ops.hpp"
#include "catalogue_facts.hpp"
#include "fixture_copy.hpp"

using test_support::FixtureCopy;

namespace {

const char* kPgFixture = "f2021_u0_dim600_int_name_pg";
const char* kSqliteFixture = "f2021_u0_dim600_int_name";
const std::vector<std::string> kPrepare = {"12_", "16_", "19_", "22_", "25_", "29_", "32_", "35_", "38_", "42_", "45_"};

// Replays the real tool's command of golden `prefix` (taken from the PostgreSQL fixture's goldens).
test_support::CommandResult replay(const FixtureCopy& copy, const FixtureCopy& goldens, const std::string& prefix,
                                   const test_support::Environment& extra_env = {}) {
    return copy.run(goldens.golden(prefix).args, extra_env);
}

void prepare(const FixtureCopy& copy, const FixtureCopy& goldens) {
    for (const auto& prefix : kPrepare) {
        auto result = replay(copy, goldens, prefix);
        INFO(prefix << result.err);
        REQUIRE(result.exit_status == 0);
    }
}

// Rows of `sql` as "v1|v2|...|" lines.
std::vector<std::string> rows(const FixtureCopy& copy, const std::string& sql) {
    std::vector<std::string> out;
    for (const auto& row : copy.query(sql)) {
        std::string line;
        for (const auto& v : row) line += v.value_or("NULL") + "|";
        out.push_back(line);
    }
    return out;
}

// The collection references of every migrated static table and one tags table, as collection names: the same
// before the step (name columns) and after it (id columns joined to collection).
std::vector<std::string> references(const FixtureCopy& copy, bool migrated) {
    const std::string c = "{schema}.collection";
    auto name = [&](const std::string& alias, const std::string& id) {
        return migrated ? "(SELECT name FROM " + c + " WHERE collection_id = " + alias + "." + id + ")" : alias + "." + id;
    };
    std::vector<std::string> out;
    for (const auto& sql :
         {"SELECT " + name("r", migrated ? "collection_id" : "name") + " FROM {schema}.run r ORDER BY 1",
          "SELECT " + name("ch", "parent") + ", ch.position, " + name("ch", "child") +
              " FROM {schema}.collection_chain ch ORDER BY 1, 2",
          "SELECT d.id, " + name("d", migrated ? "run_id" : "run_name") + " FROM {schema}.dataset d ORDER BY 1",
          "SELECT t.dataset_id, " + name("t", migrated ? "collection_id" : "collection_name") +
              " FROM {schema}.dataset_tags_00000001 t ORDER BY 1, 2",
          "SELECT s.dataset_type_id, " + name("s", migrated ? "collection_id" : "collection_name") +
              " FROM {schema}.collection_summary_dataset_type s ORDER BY 1, 2"}) {
        auto part = rows(copy, sql);
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

// The messages of the INFO log lines in `err`, in order, without the logger's name.
std::vector<std::string> log_messages(const std::string& err) {
    std::vector<std::string> out;
    std::istringstream in(test_support::without_our_notices(err));
    for (std::string line; std::getline(in, line);) {
        auto at = line.find(" INFO: ");
        if (at != std::string::npos) out.push_back(line.substr(at + 7));
    }
    return out;
}

// upstream's "<table> table size <when>: ..." messages set apart: `sized` collects the tables they name.
std::vector<std::string> without_sizes(const std::vector<std::string>& messages, std::set<std::string>& sized) {
    std::vector<std::string> out;
    for (const auto& message : messages) {
        const auto at = message.find(" table size ");
        if (at == std::string::npos) out.push_back(message);
        else sized.insert(message.substr(0, at));
    }
    return out;
}

// The lines of `text`, sorted.
std::vector<std::string> sorted_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
}

// A dump line without the dialect's type names and with unique flags spelled as on PostgreSQL.
std::string dialect_neutral(const std::string& line) {
    static const std::regex type(R"( type=\S+)");
    std::string out = std::regex_replace(line, type, "");
    out = std::regex_replace(out, std::regex(" unique=0 "), " unique=False ");
    out = std::regex_replace(out, std::regex(" unique=1 "), " unique=True ");
    // SQLite stores a timespan as two columns, and keeps long names unshrunk.
    out = std::regex_replace(out, std::regex("timespan_begin,timespan_end"), "timespan");
    out = std::regex_replace(out, std::regex("timespan_begin_timespan_end"), "timespan");
    std::smatch name;
    if (std::regex_search(out, name, std::regex("name=(\\S+)"))) {
        out = name.prefix().str() + "name=" + butler_migrate::schema::shrink_name(name[1].str()) + name.suffix().str();
    }
    return out;
}

// Dump lines only in `after` (`added`) or only in `before` (not `added`), dialect-neutral and sorted.
std::vector<std::string> changed_lines(const std::string& before, const std::string& after, bool added) {
    std::vector<std::string> a, b, out;
    for (const auto& line : sorted_lines(before)) a.push_back(dialect_neutral(line));
    for (const auto& line : sorted_lines(after)) b.push_back(dialect_neutral(line));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (added) std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(out));
    else std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

}  // namespace

TEST_CASE("8c57494cabcc on PostgreSQL reproduces goldens 48-50", "[oneshot][postgresql]") {
    FixtureCopy copy(kPgFixture, "oneshot_coll_pg");
    prepare(copy, copy);
    const auto references_before = references(copy, false);
    auto upgraded = replay(copy, copy, "48_");
    INFO(upgraded.err);
    REQUIRE(upgraded.exit_status == copy.golden("48_").exit_status);
    // The same log messages as upstream's, in the same order (logger names differ: compared without them), except
    // its table sizes: each table is rewritten once instead of altered in place, so the sizes are reported before
    // and after its rewrite (docs/compatibility.md), for the same tables.
    std::set<std::string> sized, sized_upstream;
    CHECK(without_sizes(log_messages(upgraded.err), sized) ==
          without_sizes(log_messages(copy.golden("48_").err), sized_upstream));
    CHECK(sized == sized_upstream);
    CHECK(upgraded.err.find("dataset table size before rewriting: ") != std::string::npos);
    auto current = replay(copy, copy, "49_");
    // upstream lists the heads in no fixed order (its goldens differ in order between runs): compared as sets.
    CHECK(sorted_lines(current.out) == sorted_lines(test_support::with_heads_of_today(copy.golden("49_").out)));
    CHECK(copy.dump_schema() == copy.golden("50_").out);
    CHECK(copy.attribute("config:registry.managers.collections") ==
          "lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager");
    CHECK(copy.attribute("version:lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager") ==
          "2.0.0");
    CHECK(copy.query("SELECT count(*) FROM {schema}.butler_attributes WHERE name = "
                     "'version:lsst.daf.butler.registry.collections.nameKey.NameKeyCollectionManager'")[0][0] == "0");
    CHECK(references(copy, true) == references_before);
    // The sequence continues after the ids given out.
    auto count = copy.query("SELECT count(*) FROM {schema}.collection")[0][0];
    CHECK(copy.query("SELECT last_value FROM {schema}.collection_seq_collection_id")[0][0] == count);
}

TEST_CASE("8c57494cabcc on SQLite gives PostgreSQL's schema and data", "[oneshot][postgresql]") {
    FixtureCopy pg_goldens(kPgFixture, "oneshot_coll_goldens");
    FixtureCopy copy(kSqliteFixture, "oneshot_coll_sqlite");
    prepare(copy, pg_goldens);
    const std::string sqlite_before = copy.dump_schema();
    const auto references_before = references(copy, false);
    const auto rowid_order = rows(copy, "SELECT name FROM collection ORDER BY rowid");
    auto upgraded = replay(copy, pg_goldens, "48_");
    INFO(upgraded.err);
    REQUIRE(upgraded.exit_status == 0);
    // Same revisions as PostgreSQL's (upstream's order of heads is not fixed: compared as sets).
    CHECK(sorted_lines(replay(copy, pg_goldens, "49_").out) ==
          sorted_lines(test_support::with_heads_of_today(pg_goldens.golden("49_").out)));

    // The fixtures differ before the step already (dialect types, nullability of SQLite primary key columns,
    // timespan columns), so the step's changes are compared: lines it removes and adds, on each dialect.
    // Expected dialect differences, removed before comparing: type names (SQLite VARCHAR vs PostgreSQL TEXT,
    // ...) and SQLite's index flag unique=0/1 for PostgreSQL's unique=False/True.
    const std::string sqlite_after = copy.dump_schema();
    const std::string pg_before = pg_goldens.golden("47_").out;
    const std::string pg_after = pg_goldens.golden("50_").out;
    CHECK(sqlite_after.find("column=collection_id type=BIGINT nullable=False default=None [table=collection]") !=
          std::string::npos);
    // Expected differences of the added lines: PostgreSQL reports the indexes behind unique constraints,
    // SQLite does not; SQLite's collection_chain had an unnamed primary key and a nullable parent column
    // before, so its named key and NOT NULL parent show up as added there only.
    std::vector<std::string> expected;
    for (const auto& line : changed_lines(pg_before, pg_after, true)) {
        if (!std::regex_search(line, std::regex("INDEX name=dataset_tags_\\d+_unq_"))) expected.push_back(line);
    }
    expected.push_back("  PK name=collection_chain_pkey columns=(parent,position) [table=collection_chain]");
    expected.push_back("  column=parent nullable=False default=None [table=collection_chain]");
    std::sort(expected.begin(), expected.end());
    CHECK(changed_lines(sqlite_before, sqlite_after, true) == expected);
    // Removed lines differ by what each dialect reported before (SQLite: unnamed, nullable key columns);
    // what must hold is that no name-keyed column is left.
    CHECK(sqlite_after.find("collection_name") == std::string::npos);
    CHECK(sqlite_after.find("run_name") == std::string::npos);
    CHECK(sqlite_after.find("collection(name)") == std::string::npos);

    CHECK(references(copy, true) == references_before);
    CHECK(copy.query("PRAGMA foreign_key_check").empty());
    CHECK(rows(copy, "SELECT name FROM collection ORDER BY collection_id") == rowid_order);
    CHECK(rows(copy, "SELECT min(collection_id), max(collection_id), count(*) FROM collection")[0] ==
          "1|" + std::to_string(rowid_order.size()) + "|" + std::to_string(rowid_order.size()) + "|");
    // Ids: 1..n in rowid order on SQLite, the same as PostgreSQL's nextval order on its fixture.
    FixtureCopy pg(kPgFixture, "oneshot_coll_pg_data");
    prepare(pg, pg);
    REQUIRE(replay(pg, pg, "48_").exit_status == 0);
    const std::string ids = "SELECT name, collection_id, type FROM {schema}.collection ORDER BY collection_id";
    CHECK(rows(copy, ids) == rows(pg, ids));
}

TEST_CASE("8c57494cabcc rolls back completely on failure", "[oneshot][postgresql]") {
    for (const char* fixture : {kSqliteFixture, kPgFixture}) {
        INFO(fixture);
        FixtureCopy goldens(kPgFixture, "oneshot_coll_rb_goldens");
        FixtureCopy copy(fixture, "oneshot_coll_rb");
        prepare(copy, goldens);
        const std::string before = copy.dump_schema();
        auto before_ids = copy.query("SELECT name FROM {schema}.collection ORDER BY name");
        auto failed = replay(copy, goldens, "48_", {{"BUTLER_MIGRATE_TEST_FAIL_BEFORE_COMMIT", "8c57494cabcc"}});
        CHECK(failed.exit_status == 1);
        CHECK(failed.err.find("injected failure") != std::string::npos);
        CHECK(copy.dump_schema() == before);
        CHECK(copy.query("SELECT name FROM {schema}.collection ORDER BY name") == before_ids);
        CHECK(replay(copy, goldens, "48_").exit_status == 0);
        CHECK(copy.dump_schema() != before);
    }
}
