// SqliteDatabase: statements, transactions and table listing on an existing SQLite file.
#include "db/sqlite_database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>

#include "butler_migrate/util/errors.hpp"
#include "db/sqlite_schema.hpp"

namespace butler_migrate {

namespace {

constexpr int kBusyTimeoutMs = 5000;

std::string check_sqlite_path(const DbUrl& url) {
    std::string path = url.database.value_or("");
    if (path.empty() || path == ":memory:") {
        throw DatabaseError(fmt::format("SQLite database URL {} does not name a database file", url.render()));
    }
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        throw DatabaseError(fmt::format("SQLite database file {} does not exist", path));
    }
    if (std::filesystem::is_directory(status)) {
        throw DatabaseError(fmt::format("SQLite database path {} is a directory, not a file", path));
    }
    return path;
}

// Whether SQLite's result code says another connection holds a lock the statement needed (the primary code of
// an extended one is its low byte: SQLITE_BUSY_TIMEOUT is SQLITE_BUSY). Codes below 0 come from SQLiteCpp itself.
bool is_busy_code(int code) {
    if (code < 0) return false;
    const int primary = code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

[[noreturn]] void throw_sqlite_error(const SQLite::Exception& e) {
    const DatabaseError::Cause cause{"", is_busy_code(e.getErrorCode())};
    if (e.getErrorCode() == SQLITE_BUSY) {
        throw DatabaseError(fmt::format(
            "SQLite error: {} (another process, perhaps a migration, holds the registry locked; try again later)",
            e.what()), cause);
    }
    throw DatabaseError(fmt::format("SQLite error: {}", e.what()), cause);
}

void bind_params(SQLite::Statement& statement, const SqlParams& params) {
    if (statement.getBindParameterCount() != static_cast<int>(params.size())) {
        throw DatabaseError(fmt::format("SQL statement takes {} parameters but {} were given",
                                        statement.getBindParameterCount(), params.size()));
    }
    for (size_t i = 0; i < params.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        if (params[i]) statement.bind(index, *params[i]);
        else statement.bind(index);
    }
}

SqlRow current_row(SQLite::Statement& statement) {
    SqlRow row;
    const int count = statement.getColumnCount();
    row.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        SQLite::Column column = statement.getColumn(i);
        if (column.isNull()) row.emplace_back(std::nullopt);
        else row.emplace_back(column.getString());
    }
    return row;
}

}  // namespace

SqliteDatabase::SqliteDatabase(const DbUrl& url, AccessMode mode) : Database(std::nullopt), path_(check_sqlite_path(url)) {
    // Read-write even for reading (as upstream): after a writer was killed, the first connection has to roll its
    // journal back, which a read-only connection cannot do. Reading commands then forbid writes (query_only);
    // a file the operating system protects is still opened, for reading.
    try {
        db_ = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READWRITE, kBusyTimeoutMs);
        if (mode == AccessMode::read_only) db_->exec("PRAGMA query_only = ON");
    } catch (const SQLite::Exception& e) {
        throw DatabaseError(fmt::format("Cannot open SQLite database {}: {}", path_, e.what()));
    }
    try {
        db_->exec("PRAGMA foreign_keys = OFF");
        // Reading the schema is the first thing that fails for a file that is not a database. Without waiting:
        // a file another connection holds locked (a running migration) is a database, and whoever needs it
        // waits for it later (MigrationLock) or reports it busy.
        db_->setBusyTimeout(0);
        db_->exec("SELECT count(*) FROM sqlite_master");
        db_->setBusyTimeout(kBusyTimeoutMs);
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_BUSY) {
            db_->setBusyTimeout(kBusyTimeoutMs);
            return;
        }
        if (e.getErrorCode() == SQLITE_NOTADB) {
            throw DatabaseError(fmt::format("{} is not an SQLite database", path_));
        }
        throw DatabaseError(fmt::format("Cannot open SQLite database {}: {}", path_, e.what()));
    }
}

SqliteDatabase::~SqliteDatabase() {
    if (in_transaction_) {
        try {
            db_->exec("ROLLBACK");
        } catch (...) {
        }
    }
}

std::vector<SqlRow> SqliteDatabase::query(std::string_view sql, const SqlParams& params) {
    std::vector<SqlRow> rows;
    query_each(sql, params, [&](const SqlRow& row) { rows.push_back(row); });
    return rows;
}

void SqliteDatabase::query_each(std::string_view sql, const SqlParams& params,
                                const std::function<void(const SqlRow&)>& on_row) {
    std::optional<SQLite::Statement> statement;
    try {
        statement.emplace(*db_, std::string(sql));
        bind_params(*statement, params);
    } catch (const SQLite::Exception& e) {
        throw_sqlite_error(e);
    }
    while (true) {
        try {
            if (!statement->executeStep()) break;
        } catch (const SQLite::Exception& e) {
            throw_sqlite_error(e);
        }
        on_row(current_row(*statement));
    }
}

long long SqliteDatabase::execute(std::string_view sql, const SqlParams& params) {
    sqlite3* handle = db_->getHandle();
    const long long before = sqlite3_total_changes(handle);
    try {
        if (params.empty()) {
            db_->exec(std::string(sql));  // may hold several statements
        } else {
            SQLite::Statement statement(*db_, std::string(sql));
            bind_params(statement, params);
            while (statement.executeStep()) {
            }
        }
    } catch (const SQLite::Exception& e) {
        throw_sqlite_error(e);
    }
    return sqlite3_total_changes(handle) - before;
}

void SqliteDatabase::begin() {
    if (in_transaction()) throw DatabaseError("A transaction is already in progress");
    execute("BEGIN");
    in_transaction_ = true;
}

void SqliteDatabase::commit() {
    if (!in_transaction()) throw DatabaseError("No transaction in progress to commit");
    execute("COMMIT");
    in_transaction_ = false;
}

void SqliteDatabase::rollback() {
    if (!in_transaction_) throw DatabaseError("No transaction in progress to roll back");
    in_transaction_ = false;
    // SQLite rolls back by itself after some errors; then there is nothing left to undo.
    if (sqlite3_get_autocommit(db_->getHandle()) == 0) execute("ROLLBACK");
}

bool SqliteDatabase::in_transaction() const {
    return in_transaction_ && sqlite3_get_autocommit(db_->getHandle()) == 0;
}

std::vector<std::string> SqliteDatabase::table_names() {
    std::vector<std::string> names;
    query_each("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' "
               "ORDER BY name",
               {}, [&](const SqlRow& row) { names.push_back(row[0].value_or("")); });
    return names;
}

bool SqliteDatabase::has_table(std::string_view name) {
    return sqlite_has_table(*this, name);
}

TableSchema SqliteDatabase::reflect_table(std::string_view name) {
    return read_sqlite_table(*this, name);
}

sqlite3* SqliteDatabase::handle() const { return db_->getHandle(); }

void SqliteDatabase::interrupt() { sqlite3_interrupt(handle()); }

}  // namespace butler_migrate
