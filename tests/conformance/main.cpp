// Catch2 entry point of the conformance suite.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
