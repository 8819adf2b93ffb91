// The tests' environment for butler-migrate.
#include "tool_environment.hpp"

namespace test_support {

Environment tool_environment(const Environment& extra) {
    Environment env{
        {"LSST_DB_AUTH", "/nonexistent/db-auth.yaml"},
        {"LSST_DB_AUTH_CREDENTIALS", ""},
        {"DAF_BUTLER_CONFIG_PATH", ""},
        {"DAF_BUTLER_REPOSITORY_INDEX", ""},
        {"DAF_BUTLER_REPOSITORIES", ""},
        {"BUTLER_MIGRATE_UNIVERSE_DIR", ""},
        {"DAF_BUTLER_DIR", shared_path("daf_butler")},
        {"DAF_BUTLER_MIGRATE_MIGRATIONS", "/mig"},
        {"DAF_BUTLER_MIGRATE_DIR", ""},
    };
    for (const auto& [name, value] : extra) env[name] = value;
    return env;
}

CommandResult run_isolated(const std::vector<std::string>& args, const Environment& extra) {
    return run_butler_migrate(args, tool_environment(extra));
}

}  // namespace test_support
