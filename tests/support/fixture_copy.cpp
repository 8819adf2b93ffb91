// Fixture copies for tests that run butler-migrate on the real registries and compare with the goldens.
#include "fixture_copy.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "butler_migrate/config/db_url.hpp"

namespace fs = std::filesystem;

namespace test_support {

namespace {

const std::map<std::string, std::string> kEnv{{"LSST_DB_AUTH", "/nonexistent/db-auth.yaml"},
                                              {"LSST_DB_AUTH_CREDENTIALS", ""},
                                              {"DAF_BUTLER_CONFIG_PATH", ""},
                                              {"DAF_BUTLER_REPOSITORY_INDEX", ""},
                                              {"DAF_BUTLER_MIGRATE_MIGRATIONS", "/mig"}};

std::vector<std::string> split_words(const std::string& line) {
    std::vector<std::string> words;
    std::istringstream in(line);
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

// "$ <command line>", stdout, optionally "--- stderr ---" and stderr, then "[exit status N]".
GoldenRecord parse_golden(const std::string& name, const std::string& text) {
    GoldenRecord record;
    record.name = name;
    std::istringstream lines(text);
    std::string line;
    std::getline(lines, line);
    auto words = split_words(line.substr(line.rfind("$ ", 0) == 0 ? 2 : 0));
    if (words.empty()) throw std::runtime_error("golden " + name + " has no command line");
    const bool butler_migrate = words.size() >= 2 && words[0] == "butler" && words[1] == "migrate";
    record.program = butler_migrate ? "butler migrate" : words[0];
    record.args.assign(words.begin() + (butler_migrate ? 2 : 1), words.end());
    std::string* part = &record.out;
    static const std::regex exit_line(R"(^\[exit status (\d+)\]$)");
    std::smatch m;
    while (std::getline(lines, line)) {
        if (line == "--- stderr ---") {
            part = &record.err;
        } else if (std::regex_match(line, m, exit_line)) {
            record.exit_status = std::stoi(m[1]);
        } else {
            *part += line + "\n";
        }
    }
    return record;
}

}  // namespace

std::string GoldenRecord::error_message() const {
    static const std::regex exception_line(R"((^|\n)[A-Za-z_.]*(Error|Exception): ([^\n]*))");
    std::smatch m;
    return std::regex_search(err, m, exception_line) ? m[3].str() : "";
}

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

GoldenRecord FixtureCopy::golden(const std::string& prefix) const {
    std::vector<std::string> matches;
    for (const auto& entry : fs::directory_iterator(source_ + "/golden")) {
        const std::string file = entry.path().filename().string();
        if (file.rfind(prefix, 0) == 0) matches.push_back(file);
    }
    if (matches.size() != 1) throw std::runtime_error("no single golden starting with " + prefix + " in " + source_);
    const std::string& file = matches.front();
    return parse_golden(file.substr(0, file.size() - 4), read_file(source_ + "/golden/" + file));
}

std::vector<GoldenRecord> FixtureCopy::goldens(int first, int last) const {
    std::vector<GoldenRecord> out;
    for (int number = first; number <= last; ++number) {
        out.push_back(golden((number < 10 ? "0" : "") + std::to_string(number) + "_"));
    }
    return out;
}

CommandResult FixtureCopy::run(std::vector<std::string> args) const {
    for (auto& arg : args) arg = arg == "{REPO}" ? dir_.path() : arg;
    return run_butler_migrate(args, kEnv);
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
