// '?' statement parameters to PostgreSQL's numbered $1..$n form.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace butler_migrate {

struct NumberedSql {
    std::string sql;
    size_t parameter_count = 0;
};

// Replaces each '?' outside quoted text and comments by replacement(index), index counting from 0; the
// number of placeholders goes to *count when given.
std::string replace_placeholders(std::string_view sql, const std::function<std::string(size_t)>& replacement,
                                 size_t* count = nullptr);

// Replaces each '?' by $1, $2, ... except inside '...' / E'...' literals, "..." identifiers,
// $tag$...$tag$ strings and -- or /* */ comments.
NumberedSql number_placeholders(std::string_view sql);

}  // namespace butler_migrate
