// any_backend(): runs the calling test case once on SQLite and once on the test PostgreSQL server.
#pragma once

#include <catch2/catch.hpp>

#include "test_registry.hpp"

namespace test_support {

// A Catch2 generator: call it once per test case (all calls share this one source line).
inline Backend any_backend() { return GENERATE(Backend::sqlite, Backend::postgresql); }

}  // namespace test_support
