// Exclusive table locks on PostgreSQL for migration steps; nothing on SQLite.
#include "butler_migrate/steps/table_locks.hpp"

#include <fmt/format.h>

namespace butler_migrate {

void lock_tables_exclusive(StepContext& context, const std::vector<std::string>& tables, TableLockLog log) {
    if (context.dialect() == Dialect::sqlite) return;
    Database& db = context.db();
    for (const auto& table : tables) {
        if (log == TableLockLog::each_table) context.log_info(fmt::format("Locking table {}", table));
        db.execute(fmt::format("LOCK TABLE {} IN EXCLUSIVE MODE", db.table(table)));
    }
}

}  // namespace butler_migrate
