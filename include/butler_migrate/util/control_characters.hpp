// Control characters written as escapes, so that text quoted from hostile input keeps a message on one line.
#pragma once

#include <string>
#include <string_view>

namespace butler_migrate {

// Every control character (and DEL) as \xNN.
std::string hex_escaped_controls(std::string_view text);

// \n, \r and \t as such, other control characters (and DEL) as \xNN.
std::string escaped_controls(std::string_view text);

}  // namespace butler_migrate
