// RegistryClone: copies of a prepared registry for repeated trials, and running butler-migrate on them.
#include "registry_clone.hpp"

#include <regex>

#include "butler_migrate/config/db_url.hpp"

namespace reliability {

using test_support::CommandResult;

CommandResult run_on(const std::string& repo, const std::vector<std::string>& args) {
    std::vector<std::string> resolved;
    for (const auto& a : args) resolved.push_back(a == "{REPO}" ? repo : a);
    return test_support::run_isolated(resolved);
}

RegistryClone::RegistryClone(const test_support::FixtureCopy& source, const std::string& source_tag,
                             const std::string& tag) {
    std::string yaml = test_support::read_file(source.dir().file("butler.yaml"));
    if (source.is_sqlite()) {
        test_support::copy_file(source.dir().file("gen3.sqlite3"), sqlite_file());
        url_ = "sqlite:///" + sqlite_file();
    } else {
        pg_ = test_support::PgServer::require();
        database_ = "bm_crash_" + tag;
        pg_->drop_database(database_);
        // A template copy is a file-level copy: fast, and exact down to the physical order of rows.
        pg_->psql_command("postgres", "CREATE DATABASE \"" + database_ + "\" TEMPLATE \"bm_fixture_" + source_tag +
                                          "\" STRATEGY FILE_COPY");
        url_ = pg_->url(database_);
        schema_ = "fixture";
    }
    yaml = std::regex_replace(yaml, std::regex(R"((\n\s*db: )[^\n]*)"), "$1" + url_);
    test_support::write_file(dir_.file("butler.yaml"), yaml);
}

RegistryClone::~RegistryClone() {
    if (!pg_) return;
    try {
        pg_->drop_database(database_);
    } catch (...) {
    }
}

std::unique_ptr<butler_migrate::Database> RegistryClone::open() const {
    return butler_migrate::open_database({butler_migrate::DbUrl::parse(url_), schema_},
                                         butler_migrate::AccessMode::read_write);
}

std::string RegistryClone::qualified(const std::string& sql) const {
    return std::regex_replace(sql, std::regex(R"(\{schema\}\.)"), schema_ ? *schema_ + "." : "");
}

RegistryClone::SharedConnection::SharedConnection(const RegistryClone& clone) : clone_(clone) {
    if (clone_.shared_) return;
    clone_.shared_ = clone_.open();
    opened_ = true;
}

RegistryClone::SharedConnection::~SharedConnection() {
    if (opened_) clone_.shared_.reset();
}

butler_migrate::Database& RegistryClone::connection(std::unique_ptr<butler_migrate::Database>& owned) const {
    if (shared_) return *shared_;
    owned = open();
    return *owned;
}

std::vector<butler_migrate::SqlRow> RegistryClone::query(const std::string& sql,
                                                         const butler_migrate::SqlParams& params) const {
    std::unique_ptr<butler_migrate::Database> owned;
    return connection(owned).query(qualified(sql), params);
}

void RegistryClone::query_each(const std::string& sql,
                               const std::function<void(const butler_migrate::SqlRow&)>& on_row) const {
    std::unique_ptr<butler_migrate::Database> owned;
    connection(owned).query_each(qualified(sql), {}, on_row);
}

void RegistryClone::execute(const std::string& sql) const {
    std::unique_ptr<butler_migrate::Database> owned;
    connection(owned).execute(qualified(sql));
}

std::vector<std::string> RegistryClone::argv(const std::vector<std::string>& args) const {
    std::vector<std::string> out{BUTLER_MIGRATE_EXE};
    for (const auto& a : args) out.push_back(a == "{REPO}" ? repo() : a);
    return out;
}

CommandResult RegistryClone::run(const std::vector<std::string>& args) const { return run_on(repo(), args); }

}  // namespace reliability
