// daf_butler's schema digest: md5 over the sorted text descriptions of reflected tables.
#include "schema_digest.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate::migrations {

namespace {

std::string md5_hex(const std::string& message) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(message.data(), message.size(), digest.data(), &length, EVP_md5(), nullptr) != 1) {
        throw MigrationError("md5 digest failed");
    }
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

// The type texts SQLAlchemy compiles for PostgreSQL where they differ from what reflection reports: a reflected
// TIMESTAMP / TIME compiles with its time-zone words ("TIMESTAMP WITHOUT TIME ZONE"), and upstream's digest hashes
// the compiled text (daf_butler_migrate digests.py _tableSchemaRepr: column.type.compile(dialect=dialect)). Read
// from information_schema, which says whether the column has a time zone.
std::map<std::string, std::string> postgres_compiled_types(Database& db, const std::string& table) {
    std::map<std::string, std::string> types;
    if (db.dialect() != Dialect::postgresql) return types;
    const auto rows = db.query(
        "SELECT column_name, upper(data_type) FROM information_schema.columns WHERE table_schema = "
        "coalesce(?, current_schema()) AND table_name = ? AND data_type LIKE 'time%'",
        {db.schema(), table});
    for (const auto& row : rows) types[row.at(0).value_or("")] = row.at(1).value_or("");
    return types;
}

}  // namespace

std::string table_digest_text(const TableSchema& table, const std::set<std::string>& nullable_columns,
                              const std::map<std::string, std::string>& compiled_types) {
    const auto& pk = table.primary_key.columns;
    std::vector<std::string> items;
    for (const auto& column : table.columns) {
        const auto compiled = compiled_types.find(column.name);
        const std::string& type = compiled == compiled_types.end() ? column.type : compiled->second;
        std::string item = fmt::format("COL,{},{}", column.name, type);
        if (std::find(pk.begin(), pk.end(), column.name) != pk.end()) item += ",PK";
        if (column.nullable || nullable_columns.count(column.name)) item += ",NULL";
        items.push_back(item);
    }
    for (const auto& fk : table.foreign_keys) {
        std::string item = "FK," + fk.name.value_or("None");
        for (const auto& referred : fk.referred_columns) item += "," + referred;
        items.push_back(item);
    }
    std::sort(items.begin(), items.end());
    std::string text = table.name;
    for (const auto& item : items) text += ";" + item;
    return text;
}

std::string schema_digest(Database& db, const std::vector<std::string>& tables,
                          const std::set<std::string>& nullable_columns) {
    std::vector<std::string> texts;
    for (const auto& name : tables) {
        texts.push_back(table_digest_text(db.reflect_table(name), nullable_columns, postgres_compiled_types(db, name)));
    }
    std::sort(texts.begin(), texts.end());
    std::string all;
    for (const auto& text : texts) all += text;
    return md5_hex(all);
}

}  // namespace butler_migrate::migrations
