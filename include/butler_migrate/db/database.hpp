// One interface to a registry database, with SqliteDatabase and PostgresDatabase behind it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "butler_migrate/config/butler_config.hpp"
#include "butler_migrate/db/schema.hpp"

namespace butler_migrate {

enum class Dialect { sqlite, postgresql };

enum class AccessMode { read_only, read_write };

using SqlValue = std::optional<std::string>;  // NULL, or the value as text
using SqlRow = std::vector<SqlValue>;
using SqlParams = std::vector<SqlValue>;

// Statements use '?' for parameters on every backend. Every method throws DatabaseError on failure.
class Database {
public:
    virtual ~Database() = default;

    virtual Dialect dialect() const = 0;
    // The schema (registry namespace) that holds the registry tables; always empty for SQLite.
    const std::optional<std::string>& schema() const { return schema_; }

    // `"identifier"` with embedded quotes doubled.
    static std::string quote(std::string_view identifier);
    // A registry table, quoted and qualified with the schema when there is one.
    std::string table(std::string_view name) const;

    virtual std::vector<SqlRow> query(std::string_view sql, const SqlParams& params = {}) = 0;
    // Streams rows to `on_row` without holding the result set in memory.
    virtual void query_each(std::string_view sql, const SqlParams& params,
                            const std::function<void(const SqlRow&)>& on_row) = 0;
    // Runs a statement; returns the number of rows it changed.
    virtual long long execute(std::string_view sql, const SqlParams& params = {}) = 0;

    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual bool in_transaction() const = 0;
    // Makes the statement running now fail soon (SQLite: sqlite3_interrupt; PostgreSQL: a cancel request). Safe to
    // call from another thread while a statement runs; does nothing by default.
    virtual void interrupt() {}

    // Names of the tables in the registry schema, sorted.
    virtual std::vector<std::string> table_names() = 0;
    virtual bool has_table(std::string_view name) = 0;
    // Columns, keys, constraints and indexes of one table. Throws DatabaseError if it does not exist.
    virtual TableSchema reflect_table(std::string_view name) = 0;

protected:
    explicit Database(std::optional<std::string> schema) : schema_(std::move(schema)) {}

private:
    std::optional<std::string> schema_;
};

// Opens the registry database at `location`. SQLite files must exist (they are never created).
std::unique_ptr<Database> open_database(const RegistryLocation& location, AccessMode mode);

// Begins a transaction; rolls it back on destruction unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db) : db_(db) { db_.begin(); }
    ~Transaction() {
        if (!done_) {
            try {
                db_.rollback();
            } catch (...) {
            }
        }
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        db_.commit();
        done_ = true;
    }

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace butler_migrate
