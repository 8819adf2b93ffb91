// format_type() text to the type names SQLAlchemy 2.0 prints for reflected PostgreSQL columns.
#include <algorithm>
#include <cctype>
#include <map>

#include "db/postgres_schema.hpp"
#include "db/sql_text.hpp"

namespace butler_migrate {

namespace {

enum class Render { plain, string, numeric };

struct TypeRule {
    std::string text;
    Render render;
};

const std::map<std::string, TypeRule>& known_types() {
    static const std::map<std::string, TypeRule> types = {
        {"hstore", {"HSTORE", Render::plain}},
        {"json", {"JSON", Render::plain}},
        {"jsonb", {"JSONB", Render::plain}},
        {"int4range", {"INT4RANGE", Render::plain}},
        {"int8range", {"INT8RANGE", Render::plain}},
        {"numrange", {"NUMRANGE", Render::plain}},
        {"daterange", {"DATERANGE", Render::plain}},
        {"tsrange", {"TSRANGE", Render::plain}},
        {"tstzrange", {"TSTZRANGE", Render::plain}},
        {"int4multirange", {"INT4MULTIRANGE", Render::plain}},
        {"int8multirange", {"INT8MULTIRANGE", Render::plain}},
        {"nummultirange", {"NUMMULTIRANGE", Render::plain}},
        {"datemultirange", {"DATEMULTIRANGE", Render::plain}},
        {"tsmultirange", {"TSMULTIRANGE", Render::plain}},
        {"tstzmultirange", {"TSTZMULTIRANGE", Render::plain}},
        {"integer", {"INTEGER", Render::plain}},
        {"bigint", {"BIGINT", Render::plain}},
        {"smallint", {"SMALLINT", Render::plain}},
        {"character varying", {"VARCHAR", Render::string}},
        {"character", {"CHAR", Render::string}},
        {"\"char\"", {"VARCHAR", Render::string}},
        {"name", {"VARCHAR", Render::string}},
        {"text", {"TEXT", Render::string}},
        {"numeric", {"NUMERIC", Render::numeric}},
        {"float", {"FLOAT", Render::plain}},
        {"real", {"REAL", Render::plain}},
        {"inet", {"INET", Render::plain}},
        {"cidr", {"CIDR", Render::plain}},
        {"citext", {"CITEXT", Render::plain}},
        {"uuid", {"UUID", Render::plain}},
        {"bit", {"BIT", Render::plain}},
        {"bit varying", {"BIT", Render::plain}},
        {"macaddr", {"MACADDR", Render::plain}},
        {"macaddr8", {"MACADDR8", Render::plain}},
        {"money", {"MONEY", Render::plain}},
        {"oid", {"OID", Render::plain}},
        {"regclass", {"REGCLASS", Render::plain}},
        {"double precision", {"DOUBLE PRECISION", Render::plain}},
        {"timestamp", {"TIMESTAMP", Render::plain}},
        {"timestamp with time zone", {"TIMESTAMP", Render::plain}},
        {"timestamp without time zone", {"TIMESTAMP", Render::plain}},
        {"time with time zone", {"TIME", Render::plain}},
        {"time without time zone", {"TIME", Render::plain}},
        {"date", {"DATE", Render::plain}},
        {"time", {"TIME", Render::plain}},
        {"bytea", {"BYTEA", Render::plain}},
        {"boolean", {"BOOLEAN", Render::plain}},
        {"interval", {"INTERVAL", Render::plain}},
        {"tsvector", {"TSVECTOR", Render::plain}},
    };
    return types;
}

std::vector<std::string> split_args(const std::string& text) {
    std::vector<std::string> args;
    size_t start = 0;
    while (true) {
        size_t comma = text.find(',', start);
        std::string arg = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        arg.erase(0, arg.find_first_not_of(" \t\n\r\f\v"));
        arg.erase(arg.find_last_not_of(" \t\n\r\f\v") + 1);
        args.push_back(arg);
        if (comma == std::string::npos) return args;
        start = comma + 1;
    }
}

bool is_integer(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string python_int(const std::string& digits) {
    size_t nonzero = digits.find_first_not_of('0');
    return nonzero == std::string::npos ? "0" : digits.substr(nonzero);
}

}  // namespace

std::string postgres_reflected_type(const std::string& format_type, const std::optional<std::string>& collation,
                                    char type_kind) {
    // "name(args)[]": the arguments run from the first '(' to the last ')'; each "[]" is an array dimension.
    std::string type = format_type;
    std::vector<std::string> args;
    size_t open = type.find('('), close = type.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        std::string inside = type.substr(open + 1, close - open - 1);
        if (!inside.empty()) args = split_args(inside);
        type.erase(open, close - open + 1);
    }
    bool is_array = false;
    while (type.size() >= 2 && type.compare(type.size() - 2, 2, "[]") == 0) {
        type.erase(type.size() - 2);
        is_array = true;
    }
    std::string lower = type;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });

    std::string text;
    auto known = known_types().find(lower);
    if (known != known_types().end()) {
        const TypeRule& rule = known->second;
        text = rule.text;
        if (rule.render == Render::numeric && type == "numeric" && args.size() == 2) {
            text += "(" + python_int(args[0]) + ", " + python_int(args[1]) + ")";
        } else if (rule.render == Render::string) {
            if (!args.empty() && is_integer(args[0]) && python_int(args[0]) != "0") text += "(" + python_int(args[0]) + ")";
            if (collation && !collation->empty()) text += " COLLATE \"" + *collation + "\"";
        }
    } else if (type.rfind("interval ", 0) == 0) {
        text = "INTERVAL";
    } else if (type_kind == 'e') {
        text = "ENUM";
    } else if (type_kind == 'd') {
        text = "DOMAIN";
    } else {
        return "NULL";  // upstream warns "Did not recognize type" and uses NullType
    }
    return is_array ? "ARRAY" : text;
}

std::string postgres_check_sqltext(const std::string& definition) {
    // "CHECK (<expr>)" optionally followed by " NO INHERIT" and " NOT VALID".
    std::string text = definition;
    for (const char* suffix : {" NOT VALID", " NO INHERIT"}) {
        std::string s(suffix);
        if (text.size() >= s.size() && text.compare(text.size() - s.size(), s.size(), s) == 0) text.erase(text.size() - s.size());
    }
    if (text.rfind("CHECK", 0) != 0) return "";
    size_t open = text.find_first_not_of(' ', 5);
    if (open == std::string::npos || text[open] != '(' || text.back() != ')' || text.size() - open < 3) return "";
    std::string inner = text.substr(open + 1, text.size() - open - 2);

    // One layer of parentheses is removed when it wraps the whole expression.
    std::string stripped = inner;
    stripped.erase(0, stripped.find_first_not_of(" \t\n\r\f\v"));
    stripped.erase(stripped.find_last_not_of(" \t\n\r\f\v") + 1);
    if (stripped.size() < 2 || stripped.front() != '(' || stripped.back() != ')') return inner;
    return matching_paren(stripped, 0) == stripped.size() - 1 ? stripped.substr(1, stripped.size() - 2) : inner;
}

}  // namespace butler_migrate
