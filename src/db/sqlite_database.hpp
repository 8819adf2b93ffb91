// Database over an existing SQLite file (SQLiteCpp), with SQLAlchemy-compatible schema reflection.
#pragma once

#include <memory>

#include "butler_migrate/db/database.hpp"

namespace SQLite {
class Database;
}
struct sqlite3;

namespace butler_migrate {

class SqliteDatabase : public Database {
public:
    // Opens url.database, which must be an existing SQLite file. Throws DatabaseError.
    SqliteDatabase(const DbUrl& url, AccessMode mode);
    ~SqliteDatabase() override;

    Dialect dialect() const override { return Dialect::sqlite; }

    std::vector<SqlRow> query(std::string_view sql, const SqlParams& params = {}) override;
    void query_each(std::string_view sql, const SqlParams& params,
                    const std::function<void(const SqlRow&)>& on_row) override;
    long long execute(std::string_view sql, const SqlParams& params = {}) override;

    void begin() override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override;
    void interrupt() override;

    std::vector<std::string> table_names() override;
    bool has_table(std::string_view name) override;
    TableSchema reflect_table(std::string_view name) override;

    // The open file, as given in the URL.
    const std::string& path() const { return path_; }
    // The connection's own handle, for what SQLiteCpp does not offer (the online backup API). Anything
    // done through it shares this connection's locks and transaction state.
    sqlite3* handle() const;

private:
    std::unique_ptr<SQLite::Database> db_;
    std::string path_;
    bool in_transaction_ = false;
};

}  // namespace butler_migrate
