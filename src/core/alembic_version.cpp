// The alembic_version table: reading the recorded revisions and stamping new ones as alembic does.
#include <algorithm>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/core/registry.hpp"

namespace butler_migrate {

namespace {

constexpr std::string_view kLogger = "butler_migrate.stamp";

// The DDL alembic (SQLAlchemy) emits, byte for byte: SQLite keeps this text in sqlite_master, and dumps of a
// stamped registry must match the real tool's (a quoted name would even change `.dump` output).
std::string create_alembic_version_sql(Database& db) {
    std::string name = db.dialect() == Dialect::sqlite ? "alembic_version" : db.table("alembic_version");
    return fmt::format(
        "CREATE TABLE {} (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT alembic_version_pkc PRIMARY KEY "
        "(version_num)\n)",
        name);
}

}  // namespace

std::vector<std::string> alembic_revisions(Database& db) {
    std::vector<std::string> revisions;
    if (!db.has_table("alembic_version")) return revisions;
    db.query_each(fmt::format("SELECT version_num FROM {}", db.table("alembic_version")), {},
                  [&](const SqlRow& row) { revisions.push_back(row[0].value_or("")); });
    return revisions;
}

void move_alembic_revision(Database& db, const std::string& from, const std::string& to) {
    db.execute(fmt::format("UPDATE {} SET version_num = ? WHERE version_num = ?", db.table("alembic_version")), {to, from});
}

void insert_alembic_revision(Database& db, const std::string& revision) {
    db.execute(fmt::format("INSERT INTO {} (version_num) VALUES (?)", db.table("alembic_version")), {revision});
}

void delete_alembic_revision(Database& db, const std::string& revision) {
    db.execute(fmt::format("DELETE FROM {} WHERE version_num = ?", db.table("alembic_version")), {revision});
}

StampAction stamp_revision(Database& db, const RevisionGraph& graph, const std::string& revision) {
    graph.at(revision);  // unknown → "Can't locate revision identified by ..."
    Transaction transaction(db);
    if (!db.has_table("alembic_version")) db.execute(create_alembic_version_sql(db));
    auto current = alembic_revisions(db);
    StampAction action = StampAction::inserted;
    if (std::find(current.begin(), current.end(), revision) != current.end()) {
        action = StampAction::unchanged;
    } else {
        for (const auto& row : current) {
            graph.at(row);
            if (graph.is_ancestor(row, revision) || graph.is_ancestor(revision, row)) {
                move_alembic_revision(db, row, revision);
                log::debug(kLogger, fmt::format("moved {} -> {}", row, revision));
                action = StampAction::updated;
                break;
            }
        }
        if (action == StampAction::inserted) {
            insert_alembic_revision(db, revision);
            log::debug(kLogger, fmt::format("inserted {}", revision));
        }
    }
    transaction.commit();
    return action;
}

void purge_alembic_version(Database& db) {
    if (!db.has_table("alembic_version")) return;
    Transaction transaction(db);
    db.execute(fmt::format("DELETE FROM {}", db.table("alembic_version")));
    transaction.commit();
}

}  // namespace butler_migrate
