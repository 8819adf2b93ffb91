// Capturing and comparing registry snapshots.
#include "registry_snapshot.hpp"

#include <algorithm>
#include <regex>
#include <sstream>

#include "dataset_identity.hpp"

namespace reliability {

namespace {

// FNV-1a, 64 bits: a stable hash of the table text (equal text, equal hash, in every run).
std::uint64_t fnv1a(const std::string& text, std::uint64_t hash = 14695981039346656037ull) {
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::string sorted_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

std::string command_output(const RegistryClone& registry, const std::vector<std::string>& args, bool sort) {
    auto result = registry.run(args);
    if (result.exit_status != 0) return "[exit status " + std::to_string(result.exit_status) + "] " + result.err;
    return sort ? sorted_lines(result.out) : result.out;
}

std::vector<std::string> rows_as_lines(const RegistryClone& registry, const std::string& prefix, const std::string& sql,
                                       const butler_migrate::SqlParams& params = {}) {
    std::vector<std::string> lines;
    for (const auto& row : registry.query(sql, params)) {
        std::string line = prefix;
        for (const auto& value : row) line += " " + value.value_or("<null>");
        lines.push_back(line);
    }
    return lines;
}

// Everything the database itself says about the registry's schema objects.
std::vector<std::string> catalog(const RegistryClone& registry) {
    if (registry.is_sqlite()) {
        return rows_as_lines(registry, "object",
                             "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
    }
    const butler_migrate::SqlParams ns{registry.schema()};
    const std::string in_schema = " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?";
    std::vector<std::string> out;
    for (auto part : {rows_as_lines(registry, "relation", "SELECT c.relkind::text, c.relname FROM pg_class c" +
                                                             in_schema + " ORDER BY 1, 2", ns),
                      rows_as_lines(registry, "column",
                                    "SELECT table_name, column_name, ordinal_position, data_type, is_nullable, "
                                    "column_default FROM information_schema.columns WHERE table_schema = ? "
                                    "ORDER BY 1, 3", ns),
                      rows_as_lines(registry, "constraint",
                                    "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k "
                                    "JOIN pg_class c ON c.oid = k.conrelid" + in_schema + " ORDER BY 1, 2", ns),
                      rows_as_lines(registry, "index",
                                    "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = ? "
                                    "ORDER BY 1, 2", ns),
                      rows_as_lines(registry, "comment",
                                    "SELECT c.relname, d.objsubid, d.description FROM pg_description d "
                                    "JOIN pg_class c ON c.oid = d.objoid" + in_schema + " ORDER BY 1, 2", ns),
                      rows_as_lines(registry, "sequence",
                                    "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = ? "
                                    "ORDER BY 1", ns)}) {
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

TableDigest digest_table(const RegistryClone& registry, const std::string& table, const DatasetIdentities& ids) {
    const auto columns = table_columns(registry, table);
    std::vector<std::string> lines;
    registry.query_each("SELECT * FROM {schema}.\"" + table + "\"", [&](const butler_migrate::SqlRow& row) {
        std::vector<std::string> items;
        for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) {
            std::string value = row[i].value_or("<null>");
            if (row[i] && is_dataset_id_column(table, columns[i])) value = ids.identity(value);
            items.push_back(columns[i] + "=" + value);
        }
        std::sort(items.begin(), items.end());
        std::string line;
        for (const auto& item : items) line += item + "\x1f";
        lines.push_back(line);
    });
    std::sort(lines.begin(), lines.end());
    TableDigest digest;
    digest.rows = static_cast<long long>(lines.size());
    digest.hash = fnv1a("");
    for (const auto& line : lines) digest.hash = fnv1a(line + "\n", digest.hash);
    return digest;
}

template <class T>
void compare_lists(const std::string& what, const std::vector<T>& expected, const std::vector<T>& actual,
                   std::vector<std::string>& out) {
    std::vector<T> missing, extra;
    std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(), std::back_inserter(missing));
    std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(), std::back_inserter(extra));
    for (const auto& m : missing) out.push_back(what + " missing: " + m);
    for (const auto& e : extra) out.push_back(what + " unexpected: " + e);
}

}  // namespace

std::vector<std::string> show_current_args() { return {"show-current", "--namespace", "daf_butler", "{REPO}"}; }

RegistrySnapshot capture_snapshot(const RegistryClone& registry) {
    RegistrySnapshot snapshot;
    if (registry.is_sqlite()) registry.query("SELECT count(*) FROM sqlite_master");
    // The operator's view first, then the database's.
    snapshot.show_current = command_output(registry, show_current_args(), true);
    snapshot.dump_schema = command_output(registry, {"dump-schema", "{REPO}"}, false);
    // The database's own view through one connection, opened after the commands ran.
    RegistryClone::SharedConnection connection(registry);
    snapshot.catalog = catalog(registry);
    std::sort(snapshot.catalog.begin(), snapshot.catalog.end());
    const auto tables = registry_tables(registry);
    const auto ids = dataset_identities(registry, tables);
    snapshot.ambiguous_dataset_ids = ids.ambiguous;
    for (const auto& table : tables) snapshot.tables[table] = digest_table(registry, table, ids);
    // Each clone has a database URL of its own: the rest of the file is what must be either version.
    snapshot.butler_yaml = std::regex_replace(test_support::read_file(registry.dir().file("butler.yaml")),
                                              std::regex(R"((\n\s*db: )[^\n]*)"), "$1<clone's database>");
    return snapshot;
}

std::vector<std::string> snapshot_differences(const RegistrySnapshot& expected, const RegistrySnapshot& actual) {
    std::vector<std::string> out;
    if (expected.show_current != actual.show_current) {
        out.push_back("show-current: expected\n" + expected.show_current + "got\n" + actual.show_current);
    }
    if (expected.dump_schema != actual.dump_schema) out.push_back("dump-schema output differs");
    compare_lists("catalog entry", expected.catalog, actual.catalog, out);
    for (const auto& [table, digest] : expected.tables) {
        auto it = actual.tables.find(table);
        if (it == actual.tables.end()) {
            out.push_back("table missing: " + table);
        } else if (!(it->second == digest)) {
            out.push_back("table " + table + ": " + std::to_string(it->second.rows) + " rows (expected " +
                          std::to_string(digest.rows) + ")" + (it->second.rows == digest.rows ? ", other data" : ""));
        }
    }
    for (const auto& [table, digest] : actual.tables) {
        if (!expected.tables.count(table)) out.push_back("table unexpected: " + table);
    }
    return out;
}

const char* state_name(StateMatch match) {
    switch (match) {
        case StateMatch::before: return "before";
        case StateMatch::after: return "after";
        case StateMatch::neither: break;
    }
    return "NEITHER (half-migrated)";
}

StateMatch match_state(const RegistrySnapshot& before, const RegistrySnapshot& after, const RegistrySnapshot& actual) {
    if (snapshot_differences(before, actual).empty()) return StateMatch::before;
    if (snapshot_differences(after, actual).empty()) return StateMatch::after;
    return StateMatch::neither;
}

std::string explain_mismatch(const RegistrySnapshot& before, const RegistrySnapshot& after,
                             const RegistrySnapshot& actual, std::size_t limit) {
    std::string text;
    for (auto [name, reference] : {std::pair<const char*, const RegistrySnapshot*>{"before", &before}, {"after", &after}}) {
        const auto diffs = snapshot_differences(*reference, actual);
        text += "differences from the " + std::string(name) + "-state (" + std::to_string(diffs.size()) + "):\n";
        for (std::size_t i = 0; i < diffs.size() && i < limit; ++i) text += "  " + diffs[i] + "\n";
    }
    return text;
}

}  // namespace reliability
