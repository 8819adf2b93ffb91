// The registry's own bookkeeping: butler_attributes, the manager versions it records, and alembic_version.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/core/revision_graph.hpp"

namespace butler_migrate {

inline constexpr std::string_view kDimensionsJsonKey = "config:dimensions.json";
inline constexpr std::string_view kObscoreJsonKey = "config:obscore.json";
// Prefix of the row a patch tree records its manager and version in: "migrate-patch-config:<tree>".
inline constexpr std::string_view kPatchConfigPrefix = "migrate-patch-config:";

// Rows of the butler_attributes table.
class ButlerAttributes {
public:
    explicit ButlerAttributes(Database& db) : db_(db) {}

    // All (name, value) rows in the order the database returns them for an unordered SELECT.
    std::vector<std::pair<std::string, std::string>> rows();
    std::optional<std::string> get(std::string_view name);
    void insert(std::string_view name, std::string_view value);
    long long update(std::string_view name, std::string_view value);
    long long remove(std::string_view name);
    // Sets "version:<klass>"; throws MigrationError when that row does not exist or appears more than once.
    void update_manager_version(std::string_view klass, std::string_view version);
    // A patch tree's version (upstream update_manager_version(..., patch=True, tree_name=...)): sets
    // "migrate-patch-config:<tree>" to {"manager": <manager>, "version": <version>} as json.dumps writes it,
    // inserting the row when it is missing.
    void update_patch_version(std::string_view tree, std::string_view manager, std::string_view version);

private:
    Database& db_;
};

// A manager recorded in butler_attributes and the revision its version maps to.
struct ManagerVersion {
    std::string manager;   // "datasets", "dimensions-config", ...; a patch tree's name for its patch row
    std::string klass;     // full class name, or the namespace of a pseudo-manager
    std::string version;
    std::string revision;  // rev_id(manager, short class, version)
};

// upstream Database.manager_versions(): managers in the order their rows were first seen, the patch trees'
// "migrate-patch-config:<tree>" rows first (upstream fills those in its read loop, the managers after it), each
// as (tree, manager, version, rev_id(tree, manager, version)).
// `ns` stands in for a namespace missing from config:dimensions.json. Throws DatabaseError "Not a Butler
// registry: ..." when butler_attributes does not exist, MigrationError for a stored configuration that cannot
// be read (not JSON, no usable "namespace" or "version").
std::vector<ManagerVersion> manager_versions(Database& db, const std::optional<std::string>& ns);

// Throws DatabaseError "Not a Butler registry: table butler_attributes does not exist[ in schema "<s>"]" when the
// database (or the PostgreSQL namespace) has no butler_attributes table.
void require_butler_registry(Database& db);

// Namespace stored in config:dimensions.json; nullopt when the row or the key is missing. Throws as
// manager_versions does for a missing butler_attributes table or a value that is not JSON.
std::optional<std::string> dimensions_namespace(Database& db);

// The --namespace precondition of stamp, show-current, upgrade and downgrade: throws UsageError "The
// `--namespace` option is required when namespace is missing from stored dimensions configuration" when
// neither the stored dimensions configuration nor `ns_option` gives a namespace.
void require_dimensions_namespace(Database& db, const std::optional<std::string>& ns_option);

// Revisions recorded in alembic_version, in table order; empty when the table is missing.
std::vector<std::string> alembic_revisions(Database& db);

// Checks that alembic_version and butler_attributes describe the same revisions (roots in `bases` are
// allowed in alembic_version only). Throws RevisionError with upstream's message on mismatch.
void validate_revisions(Database& db, const std::optional<std::string>& ns, const std::vector<std::string>& bases);

// How one revision was recorded by stamp_revision.
enum class StampAction { unchanged, updated, inserted };

// Records `revision` in alembic_version as alembic's stamp does (creating the table when absent), in its
// own transaction. Throws RevisionError for a revision not in `graph`.
StampAction stamp_revision(Database& db, const RevisionGraph& graph, const std::string& revision);

// Row operations on alembic_version, in the caller's transaction (shared by stamp and the step engine).
void move_alembic_revision(Database& db, const std::string& from, const std::string& to);
void insert_alembic_revision(Database& db, const std::string& revision);
void delete_alembic_revision(Database& db, const std::string& revision);

// Deletes every row of alembic_version (if the table exists).
void purge_alembic_version(Database& db);

}  // namespace butler_migrate
