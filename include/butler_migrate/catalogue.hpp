// The catalogue of every upstream revision compiled into the tool (defined in migrations/catalogue.cpp).
#pragma once

#include <string>
#include <vector>

#include "butler_migrate/revision.hpp"

namespace butler_migrate {

// Every revision of the regular trees and of the one-shot trees, in catalogue order.
const std::vector<Revision>& all_revisions();

// Names of the regular trees ("attributes", ...), sorted.
std::vector<std::string> regular_tree_names();

// Names of the one-shot trees ("collections/name_2.0.0_to_int_2.0.0", ...), sorted.
std::vector<std::string> one_shot_tree_names();

}  // namespace butler_migrate
