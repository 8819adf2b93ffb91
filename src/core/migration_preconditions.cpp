// What must hold before any step runs: namespace known, alembic_version stamped and consistent.
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/migration_engine.hpp"

namespace butler_migrate {

std::vector<std::string> check_migration_preconditions(Database& db, const RevisionGraph& graph,
                                                       const std::optional<std::string>& ns) {
    require_dimensions_namespace(db, ns);
    auto current = alembic_revisions(db);
    if (current.empty()) {
        throw NotStampedError(
            "Alembic version table does not exist, you may need to run `butler-migrate stamp` first.");
    }
    validate_revisions(db, ns, graph.bases());
    return current;
}

}  // namespace butler_migrate
