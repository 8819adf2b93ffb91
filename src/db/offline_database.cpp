// Offline mode: statements become SQL text; reads are refused because nothing is connected.
#include "butler_migrate/db/offline_database.hpp"

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "db/placeholders.hpp"

namespace butler_migrate {

namespace {

[[noreturn]] void refuse(std::string_view what) {
    throw OfflineModeUnsupported(fmt::format("it needs to {} while only SQL is being written", what));
}

std::string literal(const SqlValue& value) {
    if (!value) return "NULL";
    std::string out = "'";
    for (char c : *value) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

}  // namespace

OfflineDatabase::OfflineDatabase(Dialect dialect, std::optional<std::string> schema, std::ostream& out)
    : Database(std::move(schema)), dialect_(dialect), out_(out) {}

std::vector<SqlRow> OfflineDatabase::query(std::string_view, const SqlParams&) { refuse("read the database"); }

void OfflineDatabase::query_each(std::string_view, const SqlParams&, const std::function<void(const SqlRow&)>&) {
    refuse("read the database");
}

long long OfflineDatabase::execute(std::string_view sql, const SqlParams& params) {
    out_ << inline_parameters(sql, params) << ";\n\n";
    return 1;
}

std::vector<std::string> OfflineDatabase::table_names() { refuse("list the tables"); }
bool OfflineDatabase::has_table(std::string_view) { refuse("look at the tables"); }
TableSchema OfflineDatabase::reflect_table(std::string_view) { refuse("read a table's definition"); }

std::string inline_parameters(std::string_view sql, const SqlParams& params) {
    size_t count = 0;
    std::string out = replace_placeholders(
        sql, [&](size_t index) { return index < params.size() ? literal(params[index]) : std::string("?"); }, &count);
    if (count != params.size()) {
        throw DatabaseError(fmt::format("statement has {} parameters but {} values were given", count, params.size()));
    }
    return out;
}

}  // namespace butler_migrate
