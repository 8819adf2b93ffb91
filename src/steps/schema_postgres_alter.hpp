// alembic's batch operations on PostgreSQL: each one an ordinary ALTER TABLE (or CREATE/DROP INDEX)
// statement, schema-qualified, identifiers quoted as needed, constraint and index names shrunk.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "butler_migrate/steps/schema_ops.hpp"

namespace butler_migrate::schema {

// The statements of one operation, in the order alembic runs them.
std::vector<std::string> postgres_statements(const std::optional<std::string>& schema, const std::string& table,
                                             const TableAlteration::Operation& operation);

// "name TYPE[ DEFAULT x][ NOT NULL]" as SQLAlchemy's PostgreSQL compiler writes a column.
std::string postgres_column_spec(const ColumnSpec& column);

}  // namespace butler_migrate::schema
