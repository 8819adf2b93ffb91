// Scanning SQL text: matching parentheses outside quoted literals.
#include "db/sql_text.hpp"

namespace butler_migrate {

// Index of the ')' closing the '(' at `open`, skipping '...' and "..." literals; npos when unbalanced.
size_t matching_paren(const std::string& text, size_t open) {
    int depth = 0;
    char quote = 0;
    for (size_t i = open; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
            if (c == quote) {
                if (i + 1 < text.size() && text[i + 1] == quote) ++i;
                else quote = 0;
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth == 0) {
            return i;
        }
    }
    return std::string::npos;
}

}  // namespace butler_migrate
