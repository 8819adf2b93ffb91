// Small scanners of SQL text shared by the SQLite DDL parser and the PostgreSQL reflection.
#pragma once

#include <cstddef>
#include <string>

namespace butler_migrate {

// Index of the ')' closing the '(' at `open`, skipping '...' and "..." literals; npos when unbalanced.
size_t matching_paren(const std::string& text, size_t open);

}  // namespace butler_migrate
