// The catalogue compiled into the tool: every upstream revision with its ported steps.
#pragma once

#include "butler_migrate/core/catalogue.hpp"

namespace butler_migrate {

// Built once, on first use; src/migrations/catalogue.cpp holds the table.
const Catalogue& compiled_catalogue();

}  // namespace butler_migrate
