// DDL text as SQLAlchemy 2.0 writes it: identifiers quoted only when needed, SQLite CREATE TABLE and
// CREATE INDEX statements with SQLAlchemy's separators and clause layout.
#include "steps/ddl_text.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <cctype>

#include <fmt/format.h>

#include "butler_migrate/steps/schema_ops.hpp"

namespace butler_migrate::schema {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

template <size_t N>
bool contains(const std::string_view (&words)[N], std::string_view word) {
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// SQLite keywords added with window functions, upserts, CTEs and generated columns: SQLAlchemy's SQLite
// dialect does not treat them as reserved, so it writes them bare.
constexpr std::string_view kSqliteKeywordsLeftBare[] = {
    "abort", "action", "always", "current", "do", "exclude", "filter", "first", "following", "generated", "groups",
    "last", "materialized", "no", "nothing", "nulls", "others", "over", "partition", "preceding", "range",
    "recursive", "regexp", "release", "returning", "rows", "savepoint", "ties", "unbounded", "window", "with",
};

// PostgreSQL's reserved key words, including those that may still name a function or a type
// (pg_get_keywords() categories R and T).
constexpr std::string_view kPostgresReservedWords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
    "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
    "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
    "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
    "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
    "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like",
    "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or",
    "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
    "session_user", "similar", "some", "symmetric", "table", "tablesample", "then", "to", "trailing", "true",
    "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with",
};

bool is_reserved(Dialect dialect, const std::string& lowered) {
    if (dialect == Dialect::postgresql) return contains(kPostgresReservedWords, lowered);
    if (lowered == "true" || lowered == "false") return true;
    bool keyword = sqlite3_keyword_check(lowered.data(), static_cast<int>(lowered.size())) != 0;
    return keyword && !contains(kSqliteKeywordsLeftBare, lowered);
}

bool is_legal_bare(std::string_view name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) || name[0] == '$') return false;
    return std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '$'; });
}

// SQLAlchemy wraps a server default that is neither quoted nor parenthesised but has a non-word character.
bool default_needs_parentheses(const std::string& text) {
    auto first = text.find_first_not_of(" \t\n\r\f\v");
    if (first != std::string::npos && (text[first] == '\'' || text[first] == '"' || text[first] == '(')) return false;
    auto line_end = std::find(text.begin(), text.end(), '\n');
    return std::any_of(text.begin(), line_end, [](unsigned char c) { return !(std::isalnum(c) || c == '_' || c >= 0x80); });
}

std::string constraint_preamble(const DdlConstraint& constraint) {
    if (!constraint.name) return "";
    return fmt::format("CONSTRAINT {} ", ddl_identifier(Dialect::sqlite, *constraint.name));
}

}  // namespace

std::string ddl_identifier(Dialect dialect, std::string_view name) {
    std::string lowered = lower(name);
    bool bare = is_legal_bare(name) && lowered == name && !is_reserved(dialect, lowered);
    return bare ? std::string(name) : Database::quote(name);
}

std::string ddl_column_list(Dialect dialect, const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& column : columns) out += (out.empty() ? "" : ", ") + ddl_identifier(dialect, column);
    return out;
}

std::string ddl_table_name(Dialect dialect, const std::optional<std::string>& schema, const std::string& table) {
    std::string name = ddl_identifier(dialect, table);
    return schema ? ddl_identifier(dialect, *schema) + "." + name : name;
}

std::string sqlite_column_spec(const DdlColumn& column) {
    std::string spec = ddl_identifier(Dialect::sqlite, column.name) + " " + column.type;
    if (column.default_sql) {
        const std::string& text = *column.default_sql;
        spec += default_needs_parentheses(text) ? fmt::format(" DEFAULT ({})", text) : " DEFAULT " + text;
    }
    if (!column.nullable) spec += " NOT NULL";
    return spec;
}

std::string sqlite_constraint_clause(const DdlConstraint& constraint) {
    const std::string preamble = constraint_preamble(constraint);
    const std::string columns = ddl_column_list(Dialect::sqlite, constraint.columns);
    switch (constraint.kind) {
        case DdlConstraint::Kind::primary_key:
            return fmt::format("{}PRIMARY KEY ({})", preamble, columns);
        case DdlConstraint::Kind::unique:
            return fmt::format("{}UNIQUE ({})", preamble, columns);
        case DdlConstraint::Kind::check:
            return fmt::format("{}CHECK ({})", preamble, constraint.sqltext);
        case DdlConstraint::Kind::foreign_key:
            break;
    }
    std::string text = fmt::format("{}FOREIGN KEY({}) REFERENCES {} ({})", preamble, columns,
                                   ddl_identifier(Dialect::sqlite, constraint.referred_table),
                                   ddl_column_list(Dialect::sqlite, constraint.referred_columns));
    if (constraint.on_delete) text += " ON DELETE " + *constraint.on_delete;
    if (constraint.on_update) text += " ON UPDATE " + *constraint.on_update;
    return text;
}

std::string sqlite_create_table(const DdlTable& table) {
    std::string text = fmt::format("CREATE TABLE {} (", ddl_identifier(Dialect::sqlite, table.name));
    std::string separator = "\n";
    for (const auto& column : table.columns) {
        text += separator + "\t" + sqlite_column_spec(column);
        separator = ", \n";
    }
    std::string constraints;
    for (const auto& constraint : table.constraints) {
        if (constraint.columns.empty() && constraint.kind != DdlConstraint::Kind::check) continue;
        constraints += (constraints.empty() ? "" : ", \n\t") + sqlite_constraint_clause(constraint);
    }
    if (!constraints.empty()) text += separator + "\t" + constraints;
    return text + "\n)";
}

std::string create_index_statement(Dialect dialect, const std::optional<std::string>& schema, const std::string& table,
                                   const DdlIndex& index) {
    std::string text = fmt::format("CREATE {}INDEX {} ON {} ({})", index.unique ? "UNIQUE " : "",
                                    ddl_identifier(dialect, index.name), ddl_table_name(dialect, schema, table),
                                    ddl_column_list(dialect, index.columns));
    if (index.where) text += " WHERE " + *index.where;
    return text;
}

std::string drop_index_statement(Dialect dialect, const std::optional<std::string>& schema, const std::string& name) {
    return "DROP INDEX " + ddl_table_name(dialect, schema, name);
}

}  // namespace butler_migrate::schema
