// Fixture copies for tests that run butler-migrate on the real registries and compare with the goldens.
#include "fixture_copy.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <stdexcept>

#include "butler_migrate/config/db_url.hpp"

namespace fs = std::filesystem;

namespace test_support {

FixtureCopy::FixtureCopy(const std::string& fixture, const std::string& tag)
    : source_(shared_path("fixtures/" + fixture)) {
    std::string yaml = read_file(source_ + "/butler.yaml");
    if (fs::exists(source_ + "/pg_dump.sql")) {
        pg_ = PgServer::require();
        database_ = "bm_fixture_" + tag;
        pg_->create_database(database_);
        pg_->psql_file(database_, source_ + "/pg_dump.sql");
        url_ = pg_->url(database_);
        schema_ = "fixture";
        yaml = std::regex_replace(yaml, std::regex(R"((\n\s*db: )postgresql://[^\n]*)"), "$1" + url_);
    } else {
        copy_file(source_ + "/gen3.sqlite3", dir_.file("gen3.sqlite3"));
        url_ = "sqlite:///" + dir_.file("gen3.sqlite3");
    }
    write_file(dir_.file("butler.yaml"), yaml);
}

FixtureCopy::~FixtureCopy() {
    if (!pg_) return;
    try {
        pg_->drop_database(database_);
    } catch (...) {
    }
}

GoldenRun FixtureCopy::golden(const std::string& prefix) const {
    std::vector<std::string> matches;
    for (const auto& entry : fs::directory_iterator(source_ + "/golden")) {
        const std::string file = entry.path().filename().string();
        if (file.rfind(prefix, 0) == 0) matches.push_back(file);
    }
    if (matches.size() != 1) throw std::runtime_error("no single golden starting with " + prefix + " in " + source_);
    return read_golden(source_ + "/golden/" + matches.front());
}

std::vector<GoldenRun> FixtureCopy::goldens(int first, int last) const {
    std::vector<GoldenRun> out;
    for (int number = first; number <= last; ++number) {
        out.push_back(golden((number < 10 ? "0" : "") + std::to_string(number) + "_"));
    }
    return out;
}

std::vector<GoldenRun> FixtureCopy::all_goldens() const {
    std::vector<GoldenRun> out;
    for (const auto& file : golden_files(source_ + "/golden")) out.push_back(read_golden(file));
    return out;
}

std::vector<std::string> FixtureCopy::with_repo(std::vector<std::string> args) const {
    for (auto& arg : args) arg = arg == "{REPO}" ? dir_.path() : arg;
    return args;
}

CommandResult FixtureCopy::run(const std::vector<std::string>& args, const Environment& extra) const {
    return run_isolated(with_repo(args), extra);
}

void FixtureCopy::run_ok(const std::vector<std::string>& args) const {
    CommandResult result = run(args);
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    CHECK(result.out.empty());
}

std::string FixtureCopy::snapshot() const {
    if (is_sqlite()) return sqlite_dump();
    std::string out = dump_schema();
    for (const auto& table : query("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                   "'fixture' ORDER BY table_name")) {
        std::string name = table[0].value_or("");
        auto rows = query("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                          "{schema}.\"" + name + "\" t");
        out += name + ":" + rows[0][0].value_or("") + ":" + rows[0][1].value_or("") + "\n";
    }
    return out;
}

std::string FixtureCopy::dump_schema() const {
    CommandResult result = run({"dump-schema", "{REPO}"});
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    return result.out;
}

std::string FixtureCopy::sqlite_dump() const {
    CommandResult result = run_program({"sqlite3", dir_.file("gen3.sqlite3"), ".dump"});
    REQUIRE(result.exit_status == 0);
    return result.out;
}

std::unique_ptr<butler_migrate::Database> FixtureCopy::open(butler_migrate::AccessMode mode) const {
    return butler_migrate::open_database({butler_migrate::DbUrl::parse(url_), schema_}, mode);
}

std::vector<butler_migrate::SqlRow> FixtureCopy::query(const std::string& sql, const butler_migrate::SqlParams& params) const {
    butler_migrate::RegistryLocation location{butler_migrate::DbUrl::parse(url_), schema_};
    auto db = butler_migrate::open_database(location, butler_migrate::AccessMode::read_write);
    const std::string qualified = std::regex_replace(sql, std::regex(R"(\{schema\}\.)"), schema_ ? *schema_ + "." : "");
    if (qualified.rfind("SELECT", 0) == 0) return db->query(qualified, params);
    db->execute(qualified, params);
    return {};
}

std::string FixtureCopy::attribute(const std::string& name) const {
    auto rows = query("SELECT value FROM {schema}.butler_attributes WHERE name = ?", {name});
    REQUIRE(rows.size() == 1);
    return rows.front().at(0).value_or("");
}

}  // namespace test_support
