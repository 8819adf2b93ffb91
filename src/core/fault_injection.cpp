// Test-only fault injection at one statement of one migration step (BUTLER_MIGRATE_TEST_FAULT).
#include "core/fault_injection.hpp"

#include <csignal>
#include <cstdlib>
#include <regex>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {

std::optional<StatementFault> statement_fault_from_environment() {
    const char* text = std::getenv("BUTLER_MIGRATE_TEST_FAULT");
    if (!text || !*text) return std::nullopt;
    static const std::regex form(R"(([0-9a-f]{12}):([1-9][0-9]{0,8}):(fail|exit|drop))");
    std::cmatch match;
    if (!std::regex_match(text, match, form)) {
        throw UsageError(fmt::format("BUTLER_MIGRATE_TEST_FAULT={} is not <revision id>:<statement>:fail|exit|drop",
                                     text));
    }
    StatementFault fault;
    fault.revision = match[1].str();
    fault.statement = std::stoll(match[2].str());
    const std::string kind = match[3].str();
    fault.kind = kind == "fail" ? FaultKind::fail : kind == "exit" ? FaultKind::exit : FaultKind::drop;
    return fault;
}

FaultInjectingDatabase::FaultInjectingDatabase(Database& inner, StatementFault fault)
    : Database(inner.schema()), inner_(inner), fault_(std::move(fault)) {
    if (fault_.kind == FaultKind::drop && inner_.dialect() != Dialect::postgresql) {
        throw UsageError("BUTLER_MIGRATE_TEST_FAULT: drop needs a PostgreSQL registry");
    }
}

void FaultInjectingDatabase::statement() {
    if (++count_ != fault_.statement) return;
    switch (fault_.kind) {
        case FaultKind::fail:
            throw DatabaseError(fmt::format("injected fault at statement {}", count_));
        case FaultKind::exit:
            std::raise(SIGKILL);
            std::_Exit(137);  // not reached
        case FaultKind::drop:
            // The server ends this session; the statement itself then meets the lost connection.
            inner_.execute("SELECT pg_terminate_backend(pg_backend_pid())");
            return;
    }
}

std::vector<SqlRow> FaultInjectingDatabase::query(std::string_view sql, const SqlParams& params) {
    statement();
    return inner_.query(sql, params);
}

void FaultInjectingDatabase::query_each(std::string_view sql, const SqlParams& params,
                                        const std::function<void(const SqlRow&)>& on_row) {
    statement();
    inner_.query_each(sql, params, on_row);
}

long long FaultInjectingDatabase::execute(std::string_view sql, const SqlParams& params) {
    statement();
    return inner_.execute(sql, params);
}

void FaultInjectingDatabase::commit() {
    statement();
    inner_.commit();
}

std::vector<std::string> FaultInjectingDatabase::table_names() {
    statement();
    return inner_.table_names();
}

bool FaultInjectingDatabase::has_table(std::string_view name) {
    statement();
    return inner_.has_table(name);
}

TableSchema FaultInjectingDatabase::reflect_table(std::string_view name) {
    statement();
    return inner_.reflect_table(name);
}

}  // namespace butler_migrate
