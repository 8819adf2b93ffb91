// Declared SQLite column types to the type text SQLAlchemy 2.0 reflects (its ischema_names and affinity rules).
#include <cctype>
#include <map>

#include "db/sqlite_schema.hpp"

namespace butler_migrate::sqlite_schema {

namespace {

// How SQLAlchemy renders a type and how many positional arguments its constructor takes; a reflected
// type given more arguments than that is built without any.
enum class Render { plain, string, unicode_string, numeric };

struct TypeRule {
    std::string text;
    Render render;
    size_t max_args;
};

const std::map<std::string, TypeRule>& known_types() {
    static const std::map<std::string, TypeRule> types = {
        {"BIGINT", {"BIGINT", Render::plain, 0}},
        {"BLOB", {"BLOB", Render::plain, 1}},
        {"BOOL", {"BOOLEAN", Render::plain, 4}},
        {"BOOLEAN", {"BOOLEAN", Render::plain, 4}},
        {"CHAR", {"CHAR", Render::string, 2}},
        {"DATE", {"DATE", Render::plain, 0}},
        {"DATE_CHAR", {"DATE", Render::plain, 0}},
        {"DATETIME", {"DATETIME", Render::plain, 1}},
        {"DATETIME_CHAR", {"DATETIME", Render::plain, 1}},
        {"DOUBLE", {"DOUBLE", Render::plain, 3}},
        {"DECIMAL", {"DECIMAL", Render::numeric, 4}},
        {"FLOAT", {"FLOAT", Render::plain, 3}},
        {"INT", {"INTEGER", Render::plain, 0}},
        {"INTEGER", {"INTEGER", Render::plain, 0}},
        {"JSON", {"JSON", Render::plain, 1}},
        {"NUMERIC", {"NUMERIC", Render::numeric, 4}},
        {"REAL", {"REAL", Render::plain, 3}},
        {"SMALLINT", {"SMALLINT", Render::plain, 0}},
        {"TEXT", {"TEXT", Render::string, 2}},
        {"TIME", {"TIME", Render::plain, 1}},
        {"TIME_CHAR", {"TIME", Render::plain, 1}},
        {"TIMESTAMP", {"TIMESTAMP", Render::plain, 1}},
        {"VARCHAR", {"VARCHAR", Render::string, 2}},
        {"NVARCHAR", {"NVARCHAR", Render::unicode_string, 1}},
        {"NCHAR", {"NCHAR", Render::unicode_string, 1}},
    };
    return types;
}

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

// SQLite's affinity rules (datatype3.html section 3.1) for names SQLAlchemy does not know.
TypeRule affinity_rule(const std::string& name) {
    if (contains(name, "INT")) return {"INTEGER", Render::plain, 0};
    if (contains(name, "CHAR") || contains(name, "CLOB") || contains(name, "TEXT")) return {"TEXT", Render::string, 2};
    if (contains(name, "BLOB") || name.empty()) return {"NULL", Render::plain, 0};
    if (contains(name, "REAL") || contains(name, "FLOA") || contains(name, "DOUB")) return {"REAL", Render::plain, 3};
    return {"NUMERIC", Render::numeric, 4};
}

bool is_word_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// Every run of digits in the argument text, as Python's int() would print it.
std::vector<std::string> numeric_args(const std::string& args) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < args.size()) {
        if (!std::isdigit(static_cast<unsigned char>(args[i]))) {
            ++i;
            continue;
        }
        size_t start = i;
        while (i < args.size() && std::isdigit(static_cast<unsigned char>(args[i]))) ++i;
        std::string digits = args.substr(start, i - start);
        size_t nonzero = digits.find_first_not_of('0');
        out.push_back(nonzero == std::string::npos ? "0" : digits.substr(nonzero));
    }
    return out;
}

std::string render(const TypeRule& rule, const std::vector<std::string>& args) {
    std::string text = rule.text;
    auto arg = [&](size_t i) -> const std::string* { return i < args.size() ? &args[i] : nullptr; };
    switch (rule.render) {
    case Render::plain:
        return text;
    case Render::string:
    case Render::unicode_string:
        if (arg(0) && *arg(0) != "0") text += "(" + *arg(0) + ")";
        if (rule.render == Render::string && arg(1) && *arg(1) != "0") text += " COLLATE \"" + *arg(1) + "\"";
        return text;
    case Render::numeric:
        if (!arg(0)) return text;
        if (!arg(1)) return text + "(" + *arg(0) + ")";
        return text + "(" + *arg(0) + ", " + *arg(1) + ")";
    }
    return text;
}

}  // namespace

std::string reflected_type(std::string_view declared) {
    std::string upper(declared);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));

    // The name is the leading run of word characters and spaces; an argument list may follow directly.
    size_t end = 0;
    while (end < upper.size() && (is_word_char(static_cast<unsigned char>(upper[end])) || upper[end] == ' ')) ++end;
    std::string name = upper.substr(0, end);
    std::optional<std::string> args;
    if (end == 0) {
        args = "";  // no match at all: SQLAlchemy uses an empty argument string
    } else if (end < upper.size() && upper[end] == '(') {
        size_t close = upper.find_first_of(")\n", end);
        if (close != std::string::npos && upper[close] == ')') args = upper.substr(end, close - end + 1);
    }

    auto known = known_types().find(name);
    TypeRule rule = known != known_types().end() ? known->second : affinity_rule(name);
    std::vector<std::string> arg_values = args ? numeric_args(*args) : std::vector<std::string>{};
    if (arg_values.size() > rule.max_args) arg_values.clear();
    return render(rule, arg_values);
}

}  // namespace butler_migrate::sqlite_schema
