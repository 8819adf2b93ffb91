// Checks before the first step of a plan (see core/preflight.hpp): ownership, privileges, disk space, and each
// planned step's own read-only preflight.
#include "butler_migrate/core/preflight.hpp"

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "butler_migrate/core/step_context.hpp"
#include "butler_migrate/util/log.hpp"
#include "db/sqlite_database.hpp"

namespace butler_migrate {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kLogger = "butler_migrate.preflight";

bool writes_schema(const PlannedStep& step) { return !step.revision->altered_tables.empty(); }

std::string mebibytes(unsigned long long bytes) { return fmt::format("{:.1f} MiB", bytes / (1024.0 * 1024.0)); }

// ---- PostgreSQL ----

// Existing tables of the schema matching `pattern`, each with its owner and whether the connected role acts as it.
struct OwnedTable {
    std::string name;
    std::string owner;
    bool usable;
};

std::vector<OwnedTable> tables_matching(Database& db, const std::string& pattern) {
    std::vector<OwnedTable> found;
    for (const auto& row : db.query("SELECT c.relname, pg_get_userbyid(c.relowner), "
                                    "pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c JOIN pg_namespace n "
                                    "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND "
                                    "c.relname LIKE ? ORDER BY c.relname",
                                    {db.schema().value_or("public"), pattern})) {
        found.push_back({row.at(0).value_or(""), row.at(1).value_or(""), row.at(2).value_or("f") == "t"});
    }
    return found;
}

std::string current_role(Database& db) { return db.query("SELECT current_user").at(0).at(0).value_or(""); }

void check_postgres_privileges(Database& db, const std::vector<PlannedStep>& steps,
                               std::vector<PreflightProblem>& problems) {
    const std::string role = current_role(db);
    const std::string schema = db.schema().value_or("public");
    std::set<std::string> reported;
    bool creates = false;
    for (const auto& step : steps) {
        for (const auto& pattern : step.revision->altered_tables) {
            const auto tables = tables_matching(db, pattern);
            if (tables.empty()) creates = true;
            for (const auto& table : tables) {
                if (table.usable || !reported.insert(table.name).second) continue;
                problems.push_back(
                    {step_name(step),
                     fmt::format("table {}.{} is owned by role {}, and only its owner can change its definition "
                                 "(connected as {}). Run as {} (or a role that is a member of it), or have it run "
                                 "ALTER TABLE {} OWNER TO {}",
                                 schema, table.name, table.owner, role, table.owner, db.table(table.name),
                                 Database::quote(role))});
            }
        }
    }
    if (creates) {
        const auto rows = db.query("SELECT has_schema_privilege(?, 'CREATE')", {schema});
        if (rows.at(0).at(0).value_or("f") != "t") {
            problems.push_back({"", fmt::format("role {} may not create tables in schema {}, and the plan creates "
                                                "some. GRANT CREATE ON SCHEMA {} TO {}, or run as the schema's owner",
                                                role, schema, Database::quote(schema), Database::quote(role))});
        }
    }
    for (const char* table : {"alembic_version", "butler_attributes"}) {
        std::vector<std::string> missing;
        for (const char* privilege : {"SELECT", "INSERT", "UPDATE", "DELETE"}) {
            const auto rows = db.query("SELECT has_table_privilege(?, ?)", {db.table(table), std::string(privilege)});
            if (rows.at(0).at(0).value_or("f") != "t") missing.push_back(privilege);
        }
        if (missing.empty()) continue;
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        problems.push_back({"", fmt::format("role {} lacks {} on {}.{}, which every step writes. GRANT {} ON {} TO {}",
                                            role, list, schema, table, list, db.table(table), Database::quote(role))});
    }
}

// ---- SQLite ----

// Bytes of each table with its indexes, from the dbstat virtual table; empty when SQLite was built without it.
std::map<std::string, unsigned long long> sqlite_table_bytes(Database& db) {
    std::map<std::string, unsigned long long> bytes;
    try {
        std::map<std::string, std::string> table_of;
        for (const auto& row : db.query("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')")) {
            table_of[row.at(0).value_or("")] = row.at(1).value_or("");
        }
        db.query_each("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name", {}, [&](const SqlRow& row) {
            const auto it = table_of.find(row.at(0).value_or(""));
            if (it != table_of.end()) bytes[it->second] += std::stoull(row.at(1).value_or("0"));
        });
    } catch (const DatabaseError&) {
        bytes.clear();
    }
    return bytes;
}

unsigned long long sqlite_file_bytes(Database& db) {
    const auto page_size = std::stoull(db.query("PRAGMA page_size").at(0).at(0).value_or("0"));
    const auto page_count = std::stoull(db.query("PRAGMA page_count").at(0).at(0).value_or("0"));
    return page_size * page_count;
}

// SQL LIKE as SQLite applies it to ASCII names: % any run, _ any one character, case-insensitive.
bool like(std::string_view text, std::string_view pattern) {
    if (pattern.empty()) return text.empty();
    if (pattern[0] == '%') {
        for (size_t i = 0; i <= text.size(); ++i) {
            if (like(text.substr(i), pattern.substr(1))) return true;
        }
        return false;
    }
    if (text.empty()) return false;
    const bool same = pattern[0] == '_' || std::tolower(static_cast<unsigned char>(pattern[0])) ==
                                               std::tolower(static_cast<unsigned char>(text[0]));
    return same && like(text.substr(1), pattern.substr(1));
}

// The most any one planned step needs on the database's file system: twice the size of the tables it alters (the
// rebuilt copy, and the journal of the pages it changes). The whole file when the sizes cannot be read.
unsigned long long largest_step_bytes(Database& db, const std::vector<PlannedStep>& steps, unsigned long long file) {
    if (std::none_of(steps.begin(), steps.end(), writes_schema)) return 0;
    const auto sizes = sqlite_table_bytes(db);
    if (sizes.empty()) return file;
    unsigned long long largest = 0;
    for (const auto& step : steps) {
        unsigned long long total = 0;
        for (const auto& entry : sizes) {
            const std::string& table = entry.first;
            const auto& patterns = step.revision->altered_tables;
            if (std::any_of(patterns.begin(), patterns.end(), [&](const auto& p) { return like(table, p); })) {
                total += entry.second;
            }
        }
        largest = std::max(largest, 2 * total);
    }
    return largest;
}

struct FileSystem {
    dev_t device = 0;
    unsigned long long available = 0;
};

std::optional<FileSystem> file_system_of(const fs::path& folder) {
    struct stat info {};
    struct statvfs space {};
    if (::stat(folder.c_str(), &info) != 0 || ::statvfs(folder.c_str(), &space) != 0) return std::nullopt;
    return FileSystem{info.st_dev, static_cast<unsigned long long>(space.f_bavail) * space.f_frsize};
}

void check_writable(const fs::path& path, const std::string& what, std::vector<PreflightProblem>& problems) {
    if (::access(path.c_str(), W_OK) == 0) return;
    problems.push_back({"", fmt::format("{} {} is not writable by this user ({}); give the user write permission "
                                        "there, or run as a user who has it",
                                        what, path.string(), std::strerror(errno))});
}

void check_sqlite_space(Database& db, const std::vector<PlannedStep>& steps, const PreflightSettings& settings,
                        std::vector<PreflightProblem>& problems) {
    const auto* sqlite = dynamic_cast<const SqliteDatabase*>(&db);
    if (!sqlite) return;
    const fs::path file = fs::absolute(sqlite->path());
    const fs::path folder = file.parent_path();
    std::optional<fs::path> backup_folder;
    if (settings.backup) backup_folder = settings.backup_dir ? *settings.backup_dir : folder;
    check_writable(file, "the registry database file", problems);
    check_writable(folder, "the folder of the registry database (SQLite writes its journal there)", problems);
    if (backup_folder && *backup_folder != folder) check_writable(*backup_folder, "the backup folder", problems);

    const unsigned long long file_bytes = sqlite_file_bytes(db);
    const unsigned long long step_bytes = largest_step_bytes(db, steps, file_bytes);
    const unsigned long long backup_bytes = backup_folder ? file_bytes : 0;
    const auto database_fs = file_system_of(folder);
    const auto backup_fs = backup_folder ? file_system_of(*backup_folder) : std::nullopt;
    if (!database_fs) return;
    if (backup_fs && backup_fs->device != database_fs->device) {
        if (backup_bytes > backup_fs->available) {
            problems.push_back({"", fmt::format("the backup copy needs {} in {}, where {} is free. Free space there, "
                                                "or give --backup-dir on a larger file system (or --no-backup)",
                                                mebibytes(backup_bytes), backup_folder->string(),
                                                mebibytes(backup_fs->available))});
        }
        if (step_bytes > database_fs->available) {
            problems.push_back({"", fmt::format("the steps need about {} beside {} (tables rebuilt and their journal), "
                                                "where {} is free. Free space on that file system",
                                                mebibytes(step_bytes), file.string(),
                                                mebibytes(database_fs->available))});
        }
        return;
    }
    if (backup_bytes + step_bytes > database_fs->available) {
        problems.push_back(
            {"", fmt::format("the plan needs about {} free beside {} ({} for the backup copy, {} for the largest step: "
                             "tables rebuilt and their journal), where {} is free. Free space, or give --backup-dir "
                             "on another file system",
                             mebibytes(backup_bytes + step_bytes), file.string(), mebibytes(backup_bytes),
                             mebibytes(step_bytes), mebibytes(database_fs->available))});
    }
}

// ---- each step's own checks ----

void run_step_preflights(Database& db, const std::vector<PlannedStep>& steps, const PreflightSettings& settings,
                         std::vector<PreflightProblem>& problems) {
    std::ostringstream ignored;  // a preflight has nothing to tell the operator but its problems
    for (const auto& step : steps) {
        const StepFunction preflight = step_of(step).preflight;
        if (!preflight) continue;
        Transaction transaction(db);  // rolled back: a preflight only reads
        StepContext context(db, *step.revision, step.direction, settings.options, ignored, StepMode::preflight);
        std::optional<std::string> thrown;
        try {
            preflight(context);
        } catch (const DatabaseError& e) {
            // What an earlier step of the plan creates is not there yet; the step checks again when it runs.
            log::debug(std::string(kLogger), fmt::format("{}: not checked before the plan: {}", step_name(step), e.what()));
        } catch (const Error& e) {
            thrown = e.what();
        }
        for (const auto& message : context.problems()) problems.push_back({step_name(step), message});
        if (thrown) problems.push_back({step_name(step), *thrown});
    }
}

}  // namespace

std::vector<PreflightProblem> preflight_problems(Database& db, const std::vector<PlannedStep>& steps,
                                                 const PreflightSettings& settings) {
    std::vector<PreflightProblem> problems;
    if (steps.empty()) return problems;
    if (db.dialect() == Dialect::postgresql) {
        check_postgres_privileges(db, steps, problems);
    } else {
        check_sqlite_space(db, steps, settings, problems);
    }
    run_step_preflights(db, steps, settings, problems);
    return problems;
}

void require_table_owner(StepContext& context, const std::vector<std::string>& tables) {
    Database& db = context.db();
    if (db.dialect() != Dialect::postgresql || tables.empty()) return;
    std::string owned;
    std::string commands;
    const std::string role = current_role(db);
    for (const auto& name : tables) {
        for (const auto& table : tables_matching(db, name)) {
            if (table.usable || table.name != name) continue;
            owned += fmt::format("{}{} (owner {})", owned.empty() ? "" : ", ", table.name, table.owner);
            commands += fmt::format("{}ALTER TABLE {} OWNER TO {}", commands.empty() ? "" : "; ", db.table(table.name),
                                    Database::quote(role));
        }
    }
    if (owned.empty()) return;
    throw MigrationError(fmt::format("the step changes the definition of tables that other roles own, which only their "
                                     "owner can (connected as {}): {}. Run as the owner (or a member of it), or have "
                                     "it run: {}",
                                     role, owned, commands));
}

PreflightError preflight_error(const std::vector<PreflightProblem>& problems) {
    auto text = [](const PreflightProblem& problem) {
        return (problem.step.empty() ? std::string() : problem.step + ": ") + problem.message;
    };
    const std::string lead = "The plan would not run, nothing was changed: ";
    if (problems.size() == 1) return PreflightError(lead + text(problems.front()));
    std::string details;
    for (const auto& problem : problems) details += "  - " + text(problem) + "\n";
    return PreflightError(fmt::format("{}{} problems found before the first step:", lead, problems.size()), details);
}

}  // namespace butler_migrate
