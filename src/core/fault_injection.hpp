// Test-only: a Database that makes one statement of one migration step fail, kill the process or drop the connection.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "butler_migrate/db/database.hpp"

namespace butler_migrate {

enum class FaultKind { fail, exit, drop };

// What BUTLER_MIGRATE_TEST_FAULT=<revision id>:<N>:<kind> asks for: at the N-th statement (1-based) of the step of
// `revision` that the command runs (either direction), `kind` happens instead of the statement:
//   fail  the statement throws DatabaseError "injected fault at statement N";
//   exit  the process dies at once (SIGKILL);
//   drop  (PostgreSQL) the server ends the connection (pg_terminate_backend), then the statement runs on it.
struct StatementFault {
    std::string revision;
    long long statement = 0;
    FaultKind kind = FaultKind::fail;
};

// The fault the environment asks for; nullopt when BUTLER_MIGRATE_TEST_FAULT is unset or empty. Throws UsageError
// when it is malformed.
std::optional<StatementFault> statement_fault_from_environment();

// Passes everything to `inner`, counting the calls that reach the server (query, query_each, execute,
// table_names, has_table, reflect_table, and commit as the last one; begin and rollback are not counted), and
// injects the fault at the call numbered fault.statement.
class FaultInjectingDatabase final : public Database {
public:
    // Throws UsageError for a `drop` on SQLite.
    FaultInjectingDatabase(Database& inner, StatementFault fault);

    // Statements counted so far.
    long long statements() const { return count_; }

    Dialect dialect() const override { return inner_.dialect(); }
    std::vector<SqlRow> query(std::string_view sql, const SqlParams& params) override;
    void query_each(std::string_view sql, const SqlParams& params,
                    const std::function<void(const SqlRow&)>& on_row) override;
    long long execute(std::string_view sql, const SqlParams& params) override;
    void begin() override { inner_.begin(); }
    void commit() override;
    void rollback() override { inner_.rollback(); }
    bool in_transaction() const override { return inner_.in_transaction(); }
    void interrupt() override { inner_.interrupt(); }
    std::vector<std::string> table_names() override;
    bool has_table(std::string_view name) override;
    TableSchema reflect_table(std::string_view name) override;

private:
    // Counts one statement; at the chosen one, fails, dies or drops the connection.
    void statement();

    Database& inner_;
    StatementFault fault_;
    long long count_ = 0;
};

}  // namespace butler_migrate
