// Constraint names, foreign key options, UNIQUE and CHECK clauses read from SQLite's stored CREATE TABLE text,
// with the same patterns SQLAlchemy 2.0 applies (so odd DDL gives the same answers as upstream).
#include <regex>

#include "db/sql_text.hpp"
#include "db/sqlite_schema.hpp"

namespace butler_migrate::sqlite_schema {

namespace {

constexpr auto kIcase = std::regex::ECMAScript | std::regex::icase;

// Column names in a parenthesised list: "quoted" names or bare words.
std::vector<std::string> names_in_list(const std::string& text) {
    static const std::regex name_re(R"re((?:"(.+?)")|([a-z0-9_]+))re", kIcase);
    std::vector<std::string> names;
    for (std::sregex_iterator it(text.begin(), text.end(), name_re), end; it != end; ++it) {
        names.push_back((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
    }
    return names;
}

std::string collapse_spaces_upper(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

// "ON DELETE CASCADE ON UPDATE SET NULL" -> the two actions; NO ACTION counts as none.
void read_actions(const std::string& clause, ParsedForeignKey& fk) {
    std::string text = collapse_spaces_upper(clause);
    static const std::regex on_re(R"re( *\bON\b *)re");
    for (std::sregex_token_iterator it(text.begin(), text.end(), on_re, -1), end; it != end; ++it) {
        std::string token = *it;
        bool is_delete = token.rfind("DELETE", 0) == 0;
        bool is_update = token.rfind("UPDATE", 0) == 0;
        if (!is_delete && !is_update) continue;
        std::string action = token.substr(6);
        action.erase(0, action.find_first_not_of(' '));
        action.erase(action.find_last_not_of(' ') + 1);
        if (action.empty() || action == "NO ACTION") continue;
        (is_delete ? fk.on_delete : fk.on_update) = action;
    }
}

std::string strip(const std::string& text) {
    const char* spaces = " \t\n\r\f\v";
    size_t first = text.find_first_not_of(spaces);
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(spaces) - first + 1);
}

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }


// One layer of '"', '\'', '`' or [] quoting removed, doubled quotes left as they are (as upstream does).
std::string unquote_constraint_name(const std::string& name) {
    if (name.size() >= 3) {
        char first = name.front(), last = name.back();
        if ((first == '"' || first == '\'' || first == '`') && last == first) return name.substr(1, name.size() - 2);
        if (first == '[' && last == ']') return name.substr(1, name.size() - 2);
    }
    return name;
}

}  // namespace

std::optional<std::string> primary_key_name(const std::string& table_sql) {
    static const std::regex pk_re(R"re(CONSTRAINT\s+(?:"(.+?)"|(\w+))\s+PRIMARY\s+KEY)re", kIcase);
    std::smatch m;
    if (!std::regex_search(table_sql, m, pk_re)) return std::nullopt;
    return m[1].matched ? m[1].str() : m[2].str();
}

std::vector<ParsedForeignKey> parse_foreign_keys(const std::string& table_sql) {
    static const std::regex fk_re(
        R"re((?:CONSTRAINT\s+(?:"(.+?)"|(\w+))\s+)?)re"
        R"re(FOREIGN\s+KEY\s*\(\s*(.+?)\s*\)\s+)re"
        R"re(REFERENCES\s+(?:(?:"(.+?)")|([a-z0-9_]+))\s*\(\s*((?:(?:"[^"]+"|[a-z0-9_]+)\s*(?:,\s*)?)+)\)\s*)re"
        R"re(((?:ON\s+(?:DELETE|UPDATE)\s+(?:SET\s+NULL|SET\s+DEFAULT|CASCADE|RESTRICT|NO\s+ACTION)\s*)*))re"
        R"re(((?:NOT\s+)?DEFERRABLE)?)re"
        R"re((?:\s+INITIALLY\s+(DEFERRED|IMMEDIATE))?)re",
        kIcase);
    std::vector<ParsedForeignKey> keys;
    for (std::sregex_iterator it(table_sql.begin(), table_sql.end(), fk_re), end; it != end; ++it) {
        const std::smatch& m = *it;
        ParsedForeignKey fk;
        if (m[1].matched) fk.name = m[1].str();
        else if (m[2].matched) fk.name = m[2].str();
        fk.columns = names_in_list(m[3].str());
        fk.referred_table = m[4].matched ? m[4].str() : m[5].str();
        fk.referred_columns = m[6].str().empty() ? fk.columns : names_in_list(m[6].str());
        read_actions(m[7].str(), fk);
        keys.push_back(std::move(fk));
    }
    return keys;
}

std::vector<ParsedUnique> parse_unique_constraints(const std::string& table_sql) {
    static const std::regex table_level_re(R"re((?:CONSTRAINT\s+(?:"(.+?)"|(\w+))\s+)?UNIQUE\s*\((.+?)\))re", kIcase);
    static const std::regex inline_re(
        R"re((?:(".+?")|(?:[\[`])?([a-z0-9_]+)(?:[\]`])?)[\t ]+[a-z0-9_]+(?:[\t ]+[a-z0-9_]+)*?[\t ]+UNIQUE)re",
        kIcase);
    std::vector<ParsedUnique> uniques;
    for (std::sregex_iterator it(table_sql.begin(), table_sql.end(), table_level_re), end; it != end; ++it) {
        const std::smatch& m = *it;
        ParsedUnique unique;
        if (m[1].matched) unique.name = m[1].str();
        else if (m[2].matched) unique.name = m[2].str();
        unique.columns = names_in_list(m[3].str());
        uniques.push_back(std::move(unique));
    }
    for (std::sregex_iterator it(table_sql.begin(), table_sql.end(), inline_re), end; it != end; ++it) {
        const std::smatch& m = *it;
        uniques.push_back({std::nullopt, names_in_list(m[1].matched ? m[1].str() : m[2].str())});
    }
    return uniques;
}

std::vector<CheckConstraintInfo> parse_check_constraints(const std::string& table_sql) {
    static const std::regex check_re(
        R"re((?:CONSTRAINT\s+("(?:[^"]|"")+"|'(?:[^']|'')+'|\[(?:[^\]]|\]\])+\]|`(?:[^`]|``)+`|\S+)\s+)?CHECK\s*\()re",
        kIcase);
    std::vector<CheckConstraintInfo> checks;
    size_t pos = 0;
    std::smatch m;
    while (pos < table_sql.size()) {
        auto flags = pos == 0 ? std::regex_constants::match_default : std::regex_constants::match_prev_avail;
        if (!std::regex_search(table_sql.cbegin() + static_cast<long>(pos), table_sql.cend(), m, check_re, flags)) break;
        size_t start = pos + static_cast<size_t>(m.position(0));
        if (start > 0 && is_identifier_char(table_sql[start - 1])) {
            pos = start + 1;  // "xCHECK(" is part of an identifier, not a constraint
            continue;
        }
        size_t body = start + static_cast<size_t>(m.length(0));
        size_t close = matching_paren(table_sql, body - 1);
        if (close != std::string::npos) {
            std::optional<std::string> name;
            if (m[1].matched) name = unquote_constraint_name(m[1].str());
            checks.push_back({name, strip(table_sql.substr(body, close - body))});
        }
        pos = body;
    }
    return checks;
}

}  // namespace butler_migrate::sqlite_schema
