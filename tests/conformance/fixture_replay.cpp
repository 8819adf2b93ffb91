// Preparing a fixture copy, running each golden command against butler-migrate, and comparing outputs.
#include "fixture_replay.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "catalogue_facts.hpp"
#include "golden_run.hpp"
#include "help_comparison.hpp"
#include "output_rules.hpp"
#include "test_support.hpp"
#include "tool_environment.hpp"

namespace fs = std::filesystem;
using test_support::CommandResult;
using test_support::GoldenRun;
using test_support::PgServer;

namespace conformance {

namespace {

// The migrations folder shown in `Path:` lines and in --help (stands for {MIGRATIONS}); short enough that
// click's wrapping keeps it whole on one line, as the recorded path was.
const std::string kMigrationsFolder = "/opt/lsst/stack/share/daf_butler_migrate/migrations";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
    return text;
}

// A private, writable copy of a fixture repository.
class FixtureCopy {
public:
    explicit FixtureCopy(const std::string& fixture) : source_(test_support::shared_path("fixtures/" + fixture)) {
        placeholders_["{REPO}"] = dir_.path();
        placeholders_["{MIGRATIONS}"] = kMigrationsFolder;
        std::string yaml = test_support::read_file(source_ + "/butler.yaml");
        if (fs::exists(source_ + "/pg_dump.sql")) {
            prepare_postgres(fixture, yaml);
        } else {
            test_support::copy_file(source_ + "/gen3.sqlite3", dir_.file("gen3.sqlite3"));
            test_support::write_file(dir_.file("butler.yaml"), yaml);
        }
    }
    ~FixtureCopy() {
        if (pg_ && !database_.empty()) {
            try {
                pg_->drop_database(database_);
            } catch (...) {
            }
        }
    }
    const std::string& repo() const { return dir_.path(); }
    // The PostgreSQL server and database of a PostgreSQL fixture; nullopt for SQLite.
    const std::optional<PgServer>& pg() const { return pg_; }
    const std::string& database() const { return database_; }
    std::string substitute(std::string text) const {
        for (const auto& [placeholder, value] : placeholders_) text = replace_all(text, placeholder, value);
        return text;
    }

private:
    void prepare_postgres(const std::string& fixture, const std::string& yaml) {
        pg_ = PgServer::require();
        database_ = "bm_conformance_" + std::regex_replace(fixture, std::regex("[^A-Za-z0-9_]"), "_");
        pg_->create_database(database_);
        pg_->psql_file(database_, source_ + "/pg_dump.sql");
        std::string url = pg_->url(database_);
        test_support::write_file(dir_.file("butler.yaml"),
                                 std::regex_replace(yaml, std::regex(R"((\n\s*db: )postgresql://[^\n]*)"), "$1" + url));
        placeholders_["{USER}"] = pg_->user;
        placeholders_["{HOST}"] = pg_->host;
        placeholders_["{PORT}"] = pg_->port;
        placeholders_["{DATABASE}"] = database_;
    }

    std::string source_;
    test_support::TempDir dir_;
    std::map<std::string, std::string> placeholders_;
    std::optional<PgServer> pg_;
    std::string database_;
};

// Environment of every run: no user configuration leaks in; `Path:` lines name kMigrationsFolder.
const test_support::Environment& run_environment() {
    static const test_support::Environment env =
        test_support::tool_environment({{"DAF_BUTLER_MIGRATE_MIGRATIONS", kMigrationsFolder}});
    return env;
}

// The program is butler-migrate where upstream is `butler migrate`.
std::string program_name_normalised(const std::string& text) {
    return replace_all(replace_all(text, "butler migrate", "butler-migrate"), "'butler --help'", "'butler-migrate --help'");
}

// pg_dump of our copy; the golden dumped a database of another name on the same kind of server.
CommandResult run_pg_dump(const FixtureCopy& copy) {
    const PgServer& pg = *copy.pg();
    return test_support::run_program({"pg_dump", "-h", pg.host, "-p", pg.port, "-U", pg.user, "--no-owner", copy.database()},
                                     {{"PGPASSWORD", pg.password}});
}

CommandResult run(const GoldenRun& golden, const FixtureCopy* copy) {
    if (golden.argv.at(0) == "pg_dump" && copy && copy->pg()) return run_pg_dump(*copy);
    if (golden.argv.at(0) == "sqlite3" && copy) {
        std::vector<std::string> argv = golden.argv;
        for (auto& a : argv) a = copy->substitute(a);
        return test_support::run_program(argv);
    }
    if (!golden.is_butler_migrate()) throw std::runtime_error("no runner for `" + golden.argv.at(0) + "` goldens yet");
    std::vector<std::string> args = golden.args;
    for (auto& a : args) a = copy ? copy->substitute(a) : a;
    return test_support::run_butler_migrate(args, run_environment());
}

std::string our_error_message(const std::string& err) {
    const std::string marker = "butler-migrate: error: ";
    auto pos = err.find(marker);
    if (pos == std::string::npos) return "";
    std::string message = err.substr(pos + marker.size());
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return message;
}

// Lines of a pg_dump that differ between any two dumps of equal databases: the random \restrict key and the
// server and client versions.
std::string without_pg_dump_noise(const std::string& text) {
    static const std::regex noise(R"((^|\n)(\\restrict |\\unrestrict |-- Dumped from |-- Dumped by )[^\n]*)");
    return std::regex_replace(text, noise, "$1");
}

// The revisions of the 2026 rule (output_rules.hpp) that the compiled catalogue has.
const std::set<std::string>& compiled_later_revisions() {
    static const std::set<std::string> ids = [] {
        std::set<std::string> out;
        for (const auto& revision : later_revisions()) {
            if (test_support::in_catalogue(revision.id)) out.insert(revision.id);
        }
        return out;
    }();
    return ids;
}

// Empty when the run matches the golden; else a description of the first difference. `random_ids`: the
// datasets int->uuid migration ran, so dataset ids in dumps are compared by identity only.
std::string compare(const GoldenRun& golden, const CommandResult& result, const FixtureCopy* copy, bool random_ids) {
    auto expand = [&](const std::string& text) { return copy ? copy->substitute(text) : replace_all(text, "{MIGRATIONS}", kMigrationsFolder); };
    if ((golden.exit_status == 0) != (result.exit_status == 0)) {
        return fmt::format("exit status {} where the real tool gave {}\nstderr: {}", result.exit_status,
                           golden.exit_status, result.err);
    }
    OrderRule rule = order_rule(golden);
    const std::string recorded = with_later_revisions(golden, golden.out, compiled_later_revisions());  // 2026 rule
    std::string expected = canonical_output(program_name_normalised(expand(recorded)), rule);
    bool is_help = std::find(golden.argv.begin(), golden.argv.end(), "--help") != golden.argv.end();
    std::string actual = canonical_output(result.out, rule);
    if (is_help) {  // our extra options taken out (docs/compatibility.md)
        expected = test_support::collapsed_whitespace(program_name_normalised(expand(golden.out)));
        actual = test_support::comparable_help(result.out);
    }
    if (golden.argv.at(0) == "pg_dump") {
        expected = without_pg_dump_noise(expected);
        actual = without_pg_dump_noise(actual);
    }
    if (random_ids && !golden.is_butler_migrate()) {
        // Dumps: rows as sets within each table (docs/compatibility.md); other outputs: ids by first appearance.
        const bool dump = golden.argv.at(0) == "pg_dump" || golden.argv.at(0) == "sqlite3";
        expected = dump ? with_rows_as_sets(expected) : with_numbered_ids(expected);
        actual = dump ? with_rows_as_sets(actual) : with_numbered_ids(actual);
    }
    if (expected != actual) return fmt::format("stdout differs\n--- expected\n{}--- actual\n{}", expected, actual);
    if (golden.exit_status != 0) {
        std::string expected_message = expand(golden.error_message());
        std::string actual_message = our_error_message(result.err);
        // A failing migration step is named before upstream's message: "<step> failed, ...: <message>".
        bool same = actual_message == expected_message ||
                    (actual_message.size() > expected_message.size() + 2 &&
                     actual_message.compare(actual_message.size() - expected_message.size() - 2, std::string::npos,
                                            ": " + expected_message) == 0);
        if (!same) {
            return fmt::format("error message differs\n--- expected\n{}\n--- actual\n{}\n(stderr: {})", expected_message,
                               actual_message, result.err);
        }
    }
    return "";
}

}  // namespace

std::map<std::string, Expectation> load_expectations() {
    std::map<std::string, Expectation> expectations;
    std::ifstream in(test_support::source_path("tests/conformance/expectations.txt"));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string key, kind, reason;
        fields >> key >> kind;
        std::getline(fields >> std::ws, reason);
        if (kind != "pending" && kind != "skip") throw std::runtime_error("expectations.txt: bad line: " + line);
        expectations[key] = {kind == "pending" ? Expectation::Kind::pending : Expectation::Kind::skip, reason};
    }
    return expectations;
}

ReplayReport replay_fixture(const std::string& fixture) {
    static const auto expectations = load_expectations();
    ReplayReport report;
    std::unique_ptr<FixtureCopy> copy;
    if (fixture != "_global") copy = std::make_unique<FixtureCopy>(fixture);
    auto files = test_support::golden_files(test_support::shared_path(fixture == "_global" ? "fixtures/_global"
                                                                             : "fixtures/" + fixture + "/golden"));
    bool random_ids = false;
    for (size_t i = 0; i < files.size(); ++i) {
        GoldenRun golden = test_support::read_golden(files[i]);
        auto expectation = expectations.find(fixture + "/" + golden.name);
        if (expectation != expectations.end() && expectation->second.kind == Expectation::Kind::skip) {
            ++report.skipped;
            continue;
        }
        CommandResult result = run(golden, copy.get());
        if (golden.has_flag("datasets/int_1.0.0_to_uuid_1.0.0") && result.exit_status == 0) random_ids = true;
        std::string difference = compare(golden, result, copy.get(), random_ids);
        bool pending = expectation != expectations.end();
        if (pending) {
            if (difference.empty()) {
                report.failures.push_back(golden.name + ": reproduces now; remove it from expectations.txt");
            }
            report.stopped_at = golden.name;
            report.pending = static_cast<int>(files.size() - i);
            break;
        }
        if (difference.empty()) ++report.reproduced;
        else report.failures.push_back(golden.name + ": " + difference);
    }
    return report;
}

}  // namespace conformance
