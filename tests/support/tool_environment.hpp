// The environment butler-migrate runs with in the tests: none of the user's configuration leaks in.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace test_support {

// Variable -> value; an empty value unsets the variable (run_butler_migrate's convention).
using Environment = std::map<std::string, std::string>;

// No db-auth.yaml (LSST_DB_AUTH names a file that does not exist) and no credentials variable, no butler
// configuration search path, repository index or universe folder override; DAF_BUTLER_DIR is
// ../shared/daf_butler (the historical dimension universes the universe steps read) and `Path:` lines name the
// migrations folder /mig. `extra` is applied last, so it can set or unset any of them.
Environment tool_environment(const Environment& extra = {});

// run_butler_migrate with tool_environment(extra).
CommandResult run_isolated(const std::vector<std::string>& args, const Environment& extra = {});

}  // namespace test_support
