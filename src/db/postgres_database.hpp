// Database over a PostgreSQL server (libpqxx 6.4); the registry lives in one schema (namespace).
#pragma once

#include <memory>

#include "butler_migrate/db/database.hpp"

namespace butler_migrate {

// The libpq connection string for a postgresql:// URL: host, port, dbname, user, password, then the URL's
// query parameters (sslmode, ...), plus connect_timeout=10 and client_encoding=UTF8 unless the URL sets them.
std::string postgres_conninfo(const DbUrl& url);

class PostgresDatabase : public Database {
public:
    // Connects; throws DatabaseError with libpq's reason (never the password). read_only sets the session's
    // default_transaction_read_only.
    PostgresDatabase(const DbUrl& url, std::optional<std::string> schema, AccessMode mode);
    ~PostgresDatabase() override;

    Dialect dialect() const override { return Dialect::postgresql; }

    std::vector<SqlRow> query(std::string_view sql, const SqlParams& params = {}) override;
    // Runs `sql` (a query) through a server-side cursor, fetching a batch of rows at a time, so memory stays
    // flat for any number of rows. Outside a transaction the cursor gets a transaction of its own, committed
    // at the end; statements `on_row` runs meanwhile join it.
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

    // The schema introspection looks in: the registry schema, or "public" when there is none.
    std::string catalog_schema() const { return schema().value_or("public"); }

private:
    struct Connection;
    std::unique_ptr<Connection> connection_;
};

}  // namespace butler_migrate
