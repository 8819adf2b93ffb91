// A backup copy of an open SQLite registry, made through its own connection with SQLite's online backup API.
#include "butler_migrate/db/registry_backup.hpp"

#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <system_error>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"
#include "util/backup_files.hpp"
#include "db/sqlite_database.hpp"

namespace butler_migrate {

namespace fs = std::filesystem;

namespace {

constexpr const char* kBackupSuffix = ".backup";
constexpr const char* kPartialSuffix = ".backup.partial";

SqliteDatabase& sqlite_registry(Database& db) {
    auto* sqlite = dynamic_cast<SqliteDatabase*>(&db);
    if (sqlite == nullptr) {
        throw MigrationError("Only a SQLite registry can be copied to a backup file; save a PostgreSQL registry "
                             "with pg_dump");
    }
    // Inside a transaction the copy would hold changes that may still be rolled back.
    if (sqlite3_get_autocommit(sqlite->handle()) == 0) {
        throw MigrationError("Cannot back up the SQLite registry while a transaction is open on it");
    }
    return *sqlite;
}

// The folder to write to: `dir`, or the folder of the database file. It must exist (it is never created, so
// that a mistyped --backup-dir is reported instead of silently making a new folder).
fs::path backup_folder(const fs::path& source, const std::optional<fs::path>& dir) {
    fs::path folder = dir ? *dir : fs::absolute(source).parent_path();
    std::error_code ec;
    auto status = fs::status(folder, ec);
    if (!fs::exists(status)) throw DatabaseError(fmt::format("Backup folder {} does not exist", folder.string()));
    if (!fs::is_directory(status)) {
        throw DatabaseError(fmt::format("Backup folder {} is not a folder", folder.string()));
    }
    return folder;
}

// The permission bits of the registry file, so the copy is no more readable than the original.
mode_t source_mode(const fs::path& source) {
    std::error_code ec;
    auto perms = fs::status(source, ec).permissions();
    if (ec || perms == fs::perms::unknown) return 0600;
    return static_cast<mode_t>(perms & (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                        fs::perms::group_write | fs::perms::others_read | fs::perms::others_write));
}

// Copies every page of `source`'s main database into the (empty) file `target`; returns an error text or "".
std::string copy_pages(sqlite3* source, const fs::path& target) {
    sqlite3* destination = nullptr;
    int rc = sqlite3_open_v2(target.c_str(), &destination, SQLITE_OPEN_READWRITE, nullptr);
    std::string error;
    if (rc != SQLITE_OK) {
        error = destination ? sqlite3_errmsg(destination) : sqlite3_errstr(rc);
    } else if (sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main")) {
        rc = sqlite3_backup_step(backup, -1);
        const int finish_rc = sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) error = sqlite3_errstr(rc);
        else if (finish_rc != SQLITE_OK) error = sqlite3_errmsg(destination);
    } else {
        error = sqlite3_errmsg(destination);
    }
    if (sqlite3_close(destination) != SQLITE_OK && error.empty()) error = "cannot close the copy";
    return error;
}

void remove_partial_copy(const fs::path& target) {
    std::error_code ec;
    for (const char* extra : {"", "-journal", "-wal", "-shm"}) fs::remove(target.string() + extra, ec);
}

// The suffix of a copy in progress: ".<pid>.backup.partial", so that a later run can tell a copy whose process is
// gone (killed half-way) from one another process is still writing (another registry with the same file name may
// share the backup folder).
std::string partial_suffix() { return "." + std::to_string(::getpid()) + kPartialSuffix; }

// Removes the copies of `filename` in `folder` that a killed run left half-written, with their journals; returns
// how many. A copy whose process still runs is left alone.
int remove_interrupted_copies(const fs::path& folder, const std::string& filename) {
    int removed = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        const auto end = name.size() >= std::strlen(kPartialSuffix) ? name.size() - std::strlen(kPartialSuffix) : 0;
        if (name.rfind(filename + ".", 0) != 0 || name.compare(end, std::string::npos, kPartialSuffix) != 0) continue;
        const auto dot = name.rfind('.', end - 1);
        if (dot == std::string::npos) continue;
        const std::string digits = name.substr(dot + 1, end - dot - 1);
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        const pid_t pid = static_cast<pid_t>(std::stol(digits));
        if (pid > 0 && (::kill(pid, 0) == 0 || errno != ESRCH)) continue;  // still running (or not ours to judge)
        remove_partial_copy(entry.path());
        ++removed;
    }
    return removed;
}

// Gives the finished copy its final name, `<stem>.backup` or `<stem>.<n>.backup` for the first that is free:
// link() never replaces a file, so a name taken meanwhile is skipped.
fs::path publish(const fs::path& partial, const std::string& stem) {
    for (int n = 0; n < 1000; ++n) {
        const fs::path target = stem + (n == 0 ? "" : "." + std::to_string(n)) + kBackupSuffix;
        if (::link(partial.c_str(), target.c_str()) == 0) {
            std::error_code ec;
            fs::remove(partial, ec);
            return target;
        }
        if (errno != EEXIST) break;
    }
    const std::string reason = std::generic_category().message(errno);
    remove_partial_copy(partial);
    throw DatabaseError(fmt::format("Cannot name the backup of the SQLite registry {}{}: {}", stem, kBackupSuffix, reason));
}

}  // namespace

fs::path backup_sqlite_registry(Database& db, const RegistryLocation& location, const std::optional<fs::path>& dir) {
    SqliteDatabase& sqlite = sqlite_registry(db);
    const fs::path source = location.url.database && !location.url.database->empty() ? fs::path(*location.url.database)
                                                                                       : fs::path(sqlite.path());
    const fs::path folder = backup_folder(source, dir);
    const std::string stem = (folder / source.filename()).string() + "." + backup_detail::utc_stamp();
    // Copied under a ".partial" name first and published when complete: a run killed half-way leaves no file
    // that looks like a backup (an interrupted copy would open as an empty registry).
    if (const int removed = remove_interrupted_copies(folder, source.filename().string())) {
        log::info("butler_migrate.backup",
                  fmt::format("Removed {} unfinished backup cop{} of {} that an interrupted run left in {}", removed,
                              removed == 1 ? "y" : "ies", source.filename().string(), folder.string()));
    }
    fs::path partial;
    try {
        partial = backup_detail::create_new_file(stem, partial_suffix(), source_mode(source));
    } catch (const std::system_error& e) {
        throw DatabaseError(fmt::format("Cannot create a backup file in {}: {}", folder.string(),
                                        std::generic_category().message(e.code().value())));
    }
    const std::string error = copy_pages(sqlite.handle(), partial);
    if (!error.empty()) {
        remove_partial_copy(partial);
        throw DatabaseError(fmt::format("Cannot back up the SQLite registry to {}: {}", partial.string(), error));
    }
    return publish(partial, stem);
}

}  // namespace butler_migrate
