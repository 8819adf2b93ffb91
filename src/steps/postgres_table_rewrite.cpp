// A PostgreSQL table rewritten in one copy (schema::rewrite_postgres_table): the rows go once into a new table with
// the final columns, the indexes and constraints are built after the load, and what the catalogue says of the old
// table (constraints, indexes, comments, owner, privileges) is carried over under the same names.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "butler_migrate/steps/schema_ops.hpp"
#include "butler_migrate/util/errors.hpp"
#include "steps/ddl_text.hpp"
#include "steps/schema_postgres_alter.hpp"

namespace butler_migrate::schema {

namespace {

constexpr Dialect kPg = Dialect::postgresql;

std::string id(const std::string& name) { return ddl_identifier(kPg, name); }

std::vector<std::string> split_names(const std::optional<std::string>& text) {
    std::vector<std::string> names;
    if (!text || text->empty()) return names;
    std::size_t start = 0;
    for (std::size_t comma; (comma = text->find('\x1f', start)) != std::string::npos; start = comma + 1)
        names.push_back(text->substr(start, comma - start));
    names.push_back(text->substr(start));
    return names;
}

bool uses_any(const std::vector<std::string>& columns, const std::vector<std::string>& dropped) {
    return std::any_of(columns.begin(), columns.end(), [&](const std::string& c) {
        return std::find(dropped.begin(), dropped.end(), c) != dropped.end();
    });
}

struct OldColumn {
    std::string name;
    std::string type;
    bool not_null;
    std::optional<std::string> default_sql;
    std::optional<std::string> comment;
};

// What the catalogue says of the old table, read before it is dropped.
struct OldTable {
    std::string oid;
    std::vector<OldColumn> columns;
    std::vector<std::string> constraint_statements;  // ALTER TABLE ... ADD CONSTRAINT, not using a dropped column
    std::vector<std::string> index_statements;       // CREATE INDEX, not using a dropped column nor backing a constraint
    std::optional<std::string> comment;
    std::string owner;
    std::vector<std::string> grants;                 // GRANT ... TO ..., from an explicit ACL
};

OldTable read_old_table(Database& db, const std::string& table, const std::vector<std::string>& dropped) {
    OldTable old;
    const std::string schema = db.schema().value_or("public");
    auto rows = db.query(
        "SELECT c.oid::text, obj_description(c.oid, 'pg_class'), pg_get_userbyid(c.relowner), current_user::text "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? "
        "AND c.relkind = 'r'",
        {schema, table});
    if (rows.empty()) throw MigrationError(fmt::format("table {}.{} does not exist", schema, table));
    old.oid = rows[0][0].value_or("");
    old.comment = rows[0][1];
    if (rows[0][2] != rows[0][3]) old.owner = rows[0][2].value_or("");

    for (const auto& row : db.query(
             "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::text, pg_get_expr(d.adbin, d.adrelid), "
             "col_description(a.attrelid, a.attnum) FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid "
             "AND d.adnum = a.attnum WHERE a.attrelid = CAST(? AS oid) AND a.attnum > 0 AND NOT a.attisdropped "
             "ORDER BY a.attnum",
             {old.oid})) {
        old.columns.push_back({row[0].value_or(""), row[1].value_or(""), row[2] == std::optional<std::string>("true"),
                               row[3], row[4]});
    }

    const std::string qualified = db.table(table);
    for (const auto& row : db.query(
             "SELECT con.conname, pg_get_constraintdef(con.oid), (SELECT string_agg(a.attname, chr(31)) FROM pg_attribute a "
             "WHERE a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)) FROM pg_constraint con "
             "WHERE con.conrelid = CAST(? AS oid) AND con.contype IN ('p', 'u', 'f', 'c', 'x') ORDER BY con.conname",
             {old.oid})) {
        if (uses_any(split_names(row[2]), dropped)) continue;
        old.constraint_statements.push_back(
            fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", qualified, id(row[0].value_or("")), row[1].value_or("")));
    }
    for (const auto& row : db.query(
             "SELECT pg_get_indexdef(i.indexrelid), (SELECT string_agg(a.attname, chr(31)) FROM pg_attribute a "
             "WHERE a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)) FROM pg_index i JOIN pg_class ic "
             "ON ic.oid = i.indexrelid WHERE i.indrelid = CAST(? AS oid) AND NOT EXISTS (SELECT 1 FROM pg_constraint con "
             "WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid) ORDER BY ic.relname",
             {old.oid})) {
        if (uses_any(split_names(row[1]), dropped)) continue;
        old.index_statements.push_back(row[0].value_or(""));
    }
    for (const auto& row : db.query(
             "SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, "
             "a.privilege_type, a.is_grantable::text FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = CAST(? AS oid) "
             "ORDER BY 1, 2",
             {old.oid})) {
        old.grants.push_back(fmt::format("GRANT {} ON {} TO {}{}", row[1].value_or(""), qualified, row[0].value_or(""),
                                         row[2] == std::optional<std::string>("true") ? " WITH GRANT OPTION" : ""));
    }
    return old;
}

}  // namespace

void rewrite_postgres_table(StepContext& context, const TableRewrite& rewrite) {
    Database& db = context.db();
    if (context.dialect() != kPg) throw std::logic_error("rewrite_postgres_table: PostgreSQL only");
    const OldTable old = read_old_table(db, rewrite.table, rewrite.dropped);
    auto is_dropped = [&](const std::string& column) {
        return std::find(rewrite.dropped.begin(), rewrite.dropped.end(), column) != rewrite.dropped.end();
    };
    const std::string temp_name = ("migration_new_" + rewrite.table).substr(0, 63);

    std::vector<std::string> definitions;
    std::vector<std::string> targets;
    std::vector<std::string> sources;
    for (const auto& column : old.columns) {
        if (is_dropped(column.name)) continue;
        std::string definition = id(column.name) + " " + column.type;
        if (column.default_sql) definition += " DEFAULT " + *column.default_sql;
        if (column.not_null) definition += " NOT NULL";
        definitions.push_back(std::move(definition));
        targets.push_back(id(column.name));
        sources.push_back("t." + id(column.name));
    }
    for (const auto& added : rewrite.added) {
        definitions.push_back(postgres_column_spec(added.column));
        targets.push_back(id(added.column.name));
        sources.push_back(added.value_sql);
    }
    db.execute(fmt::format("CREATE TABLE {} ({})", db.table(temp_name), fmt::join(definitions, ", ")));
    std::string from = db.table(rewrite.table) + " t";
    for (const auto& join : rewrite.joins) from += " " + join;
    db.execute(fmt::format("INSERT INTO {} ({}) SELECT {} FROM {}", db.table(temp_name), fmt::join(targets, ", "),
                           fmt::join(sources, ", "), from));
    db.execute("DROP TABLE " + db.table(rewrite.table));
    db.execute(fmt::format("ALTER TABLE {} RENAME TO {}", db.table(temp_name), id(rewrite.table)));
    if (!old.owner.empty()) db.execute(fmt::format("ALTER TABLE {} OWNER TO {}", db.table(rewrite.table), id(old.owner)));
    for (const auto& statement : old.constraint_statements) db.execute(statement);
    for (const auto& statement : old.index_statements) db.execute(statement);
    if (old.comment) db.execute(fmt::format("COMMENT ON TABLE {} IS {}", db.table(rewrite.table), sql_literal(*old.comment)));
    for (const auto& column : old.columns) {
        if (!column.comment || is_dropped(column.name)) continue;
        db.execute(fmt::format("COMMENT ON COLUMN {}.{} IS {}", db.table(rewrite.table), id(column.name),
                               sql_literal(*column.comment)));
    }
    for (const auto& added : rewrite.added) {
        if (!added.comment) continue;
        db.execute(fmt::format("COMMENT ON COLUMN {}.{} IS {}", db.table(rewrite.table), id(added.column.name),
                               sql_literal(*added.comment)));
    }
    for (const auto& statement : old.grants) db.execute(statement);
}

}  // namespace butler_migrate::schema
