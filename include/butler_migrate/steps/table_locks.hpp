// Table locks a migration step takes before changing tables other sessions might write meanwhile.
#pragma once

#include <string>
#include <vector>

#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate {

// Whether lock_tables_exclusive logs "Locking table <table>" (INFO, the step's logger) before each lock.
enum class TableLockLog { silent, each_table };

// PostgreSQL: `LOCK TABLE <table> IN EXCLUSIVE MODE` for each of `tables` in turn (names quoted and qualified
// with the registry schema), in the step's transaction, which holds the locks until it ends: other sessions can
// still read the tables but not change them, and tables locked in one fixed order cannot deadlock. SQLite has no
// table locks (the migration lock holds the whole file): nothing is run or logged. A lock that cannot be
// obtained fails with DatabaseError (busy() when it is a lock_timeout).
void lock_tables_exclusive(StepContext& context, const std::vector<std::string>& tables, TableLockLog log);

}  // namespace butler_migrate
