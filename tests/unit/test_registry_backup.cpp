// Backups before writing: SQLite copies through the registry's own (locked) connection, and the pg_dump command.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <regex>
#include <set>

#include "butler_migrate/config/butler_config.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/migration_lock.hpp"
#include "butler_migrate/db/registry_backup.hpp"
#include "fixture_copy.hpp"
#include "test_registry.hpp"
#include "test_support.hpp"

using namespace butler_migrate;
using test_support::Backend;
using test_support::FixtureCopy;
using test_support::read_file;
using test_support::run_program;
using test_support::TempDir;
using test_support::TestRegistry;
using test_support::write_file;

namespace fs = std::filesystem;

namespace {

const char* const kFixture = "f2022_u1_dim601_int_name";

std::string sqlite_dump(const std::string& path) {
    auto result = run_program({"sqlite3", path, ".dump"});
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    return result.out;
}

std::set<std::string> files_in(const std::string& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

std::string utc_stamp(std::time_t t) {
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
    return text;
}

// Whether another connection can read the file right now (false while a lock is held on it).
bool readable_by_another_connection(const std::string& path) {
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &other, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    const int rc = sqlite3_exec(other, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    return rc == SQLITE_OK;
}

RegistryLocation location_of(const FixtureCopy& fixture) {
    return locate_registry(fixture.repo());
}

// Lowers the file size limit of this process for its lifetime (writes past it fail with EFBIG).
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &old_);
        old_handler_ = signal(SIGXFSZ, SIG_IGN);
        rlimit lower = old_;
        lower.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &lower);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &old_);
        signal(SIGXFSZ, old_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit old_{};
    void (*old_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("a SQLite backup is a full copy that restores the registry", "[backup]") {
    FixtureCopy fixture(kFixture, "backup_copy");
    const std::string registry = fixture.dir().file("gen3.sqlite3");
    const std::string original_dump = sqlite_dump(registry);
    const std::time_t started = std::time(nullptr);
    fs::path backup;
    {
        auto db = fixture.open(AccessMode::read_write);
        backup = backup_sqlite_registry(*db, location_of(fixture), std::nullopt);
    }
    const std::time_t finished = std::time(nullptr);
    CHECK(backup.parent_path() == fs::path(fixture.repo()));
    std::smatch m;
    const std::string name = backup.filename().string();
    REQUIRE(std::regex_match(name, m, std::regex(R"(gen3\.sqlite3\.(\d{8}T\d{6}Z)\.backup)")));
    CHECK(m[1].str() >= utc_stamp(started));
    CHECK(m[1].str() <= utc_stamp(finished));
    CHECK(sqlite_dump(backup.string()) == original_dump);

    // Change the registry, then restore it by copying the backup back.
    auto db = fixture.open(AccessMode::read_write);
    db->execute("DELETE FROM butler_attributes WHERE name LIKE 'version:%'");
    db.reset();
    REQUIRE(sqlite_dump(registry) != original_dump);
    fs::copy_file(backup, registry, fs::copy_options::overwrite_existing);
    CHECK(sqlite_dump(registry) == original_dump);
}

TEST_CASE("a SQLite backup goes through a connection that holds an exclusive lock", "[backup]") {
    FixtureCopy fixture(kFixture, "backup_locked");
    const std::string registry = fixture.dir().file("gen3.sqlite3");
    const std::string original_dump = sqlite_dump(registry);
    TempDir backups;
    auto db = fixture.open(AccessMode::read_write);
    db->execute("PRAGMA locking_mode = EXCLUSIVE");
    db->execute("BEGIN EXCLUSIVE");
    db->execute("COMMIT");
    REQUIRE_FALSE(readable_by_another_connection(registry));

    fs::path backup = backup_sqlite_registry(*db, location_of(fixture), fs::path(backups.path()));
    CHECK(backup.parent_path() == fs::path(backups.path()));
    CHECK(files_in(backups.path()) == std::set<std::string>{backup.filename().string()});
    CHECK_FALSE(readable_by_another_connection(registry));  // the lock is still held
    CHECK(sqlite_dump(backup.string()) == original_dump);

    // The connection goes on writing under its lock; the backup keeps the state it copied.
    db->execute("DELETE FROM butler_attributes");
    db.reset();
    CHECK(sqlite_dump(backup.string()) == original_dump);
    CHECK(sqlite_dump(registry) != original_dump);
}

TEST_CASE("a SQLite backup is taken under the migration lock of the same connection", "[backup]") {
    TestRegistry registry(Backend::sqlite);
    registry.create_attributes(TestRegistry::typical_attributes());
    const std::string file = registry.dir().file("gen3.sqlite3");
    const std::string expected_dump = sqlite_dump(file);
    auto db = registry.open();
    MigrationLock lock(*db, std::chrono::milliseconds(1000));
    REQUIRE_FALSE(readable_by_another_connection(file));
    fs::path backup = backup_sqlite_registry(*db, locate_registry(registry.repo()), std::nullopt);
    CHECK_FALSE(readable_by_another_connection(file));
    CHECK(sqlite_dump(backup.string()) == expected_dump);
}

TEST_CASE("a SQLite backup is refused inside an open transaction", "[backup]") {
    TestRegistry registry(Backend::sqlite);
    registry.create_attributes(TestRegistry::typical_attributes());
    auto db = registry.open();
    db->begin();
    db->execute("DELETE FROM butler_attributes");
    CHECK_THROWS_AS(backup_sqlite_registry(*db, locate_registry(registry.repo()), std::nullopt), MigrationError);
    db->rollback();
    CHECK(files_in(registry.repo()) == std::set<std::string>{"butler.yaml", "gen3.sqlite3"});
}

TEST_CASE("a SQLite backup never replaces an existing file", "[backup]") {
    TestRegistry registry(Backend::sqlite);
    registry.create_attributes(TestRegistry::typical_attributes());
    const std::string expected_dump = sqlite_dump(registry.dir().file("gen3.sqlite3"));
    // Take the names of this second and the next two, so that the backup meets a taken name.
    std::set<std::string> taken;
    const std::time_t now = std::time(nullptr);
    for (std::time_t t = now; t <= now + 2; ++t) {
        const std::string name = "gen3.sqlite3." + utc_stamp(t) + ".backup";
        write_file(registry.dir().file(name), "keep " + name);
        taken.insert(name);
    }
    auto db = registry.open();
    fs::path backup = backup_sqlite_registry(*db, locate_registry(registry.repo()), std::nullopt);
    const std::string name = backup.filename().string();
    CHECK(std::regex_match(name, std::regex(R"(gen3\.sqlite3\.\d{8}T\d{6}Z\.1\.backup)")));
    CHECK(taken.count(std::regex_replace(name, std::regex(R"(\.1\.backup$)"), ".backup")) == 1);
    for (const std::string& kept : taken) CHECK(read_file(registry.dir().file(kept)) == "keep " + kept);
    CHECK(sqlite_dump(backup.string()) == expected_dump);
}

TEST_CASE("a SQLite backup to a missing folder or a file is an error and creates nothing", "[backup]") {
    TestRegistry registry(Backend::sqlite);
    auto db = registry.open();
    const RegistryLocation location = locate_registry(registry.repo());
    TempDir parent;
    const std::string missing = parent.file("no/such/folder");
    CHECK_THROWS_WITH(backup_sqlite_registry(*db, location, fs::path(missing)),
                      Catch::Contains(missing) && Catch::Contains("does not exist"));
    CHECK_FALSE(fs::exists(parent.file("no")));
    write_file(parent.file("plain"), "x");
    CHECK_THROWS_AS(backup_sqlite_registry(*db, location, fs::path(parent.file("plain"))), DatabaseError);
    CHECK(files_in(parent.path()) == std::set<std::string>{"plain"});
}

TEST_CASE("a SQLite backup to an unwritable folder is an error", "[backup]") {
    if (geteuid() == 0) {
        WARN("skipped: permissions do not stop root");
        return;
    }
    TestRegistry registry(Backend::sqlite);
    auto db = registry.open();
    TempDir backups;
    REQUIRE(::chmod(backups.path().c_str(), 0555) == 0);
    CHECK_THROWS_WITH(backup_sqlite_registry(*db, locate_registry(registry.repo()), fs::path(backups.path())),
                      Catch::Contains(backups.path()) && Catch::Contains("Permission denied"));
    ::chmod(backups.path().c_str(), 0755);
    CHECK(files_in(backups.path()).empty());
}

TEST_CASE("a SQLite backup that fails half way leaves no partial copy", "[backup]") {
    FixtureCopy fixture(kFixture, "backup_partial");
    REQUIRE(fs::file_size(fixture.dir().file("gen3.sqlite3")) > 65536);
    TempDir backups;
    auto db = fixture.open(AccessMode::read_write);
    const RegistryLocation location = location_of(fixture);
    std::string error;
    {
        FileSizeLimit limit(16384);  // the copy's writes fail past 16 KiB, as on a full disk
        try {
            backup_sqlite_registry(*db, location, fs::path(backups.path()));
        } catch (const DatabaseError& e) {
            error = e.what();
        }
    }
    CHECK_THAT(error, Catch::Contains("Cannot back up the SQLite registry to " + backups.path()));
    CHECK(files_in(backups.path()).empty());
}

TEST_CASE("a PostgreSQL registry is not copied as a SQLite backup", "[backup]") {
    TestRegistry registry(Backend::postgresql);
    auto db = registry.open();
    CHECK_THROWS_WITH(backup_sqlite_registry(*db, locate_registry(registry.repo()), std::nullopt),
                      Catch::Contains("pg_dump"));
}

TEST_CASE("pg_dump_command names host, port, user, database and schema, never the password", "[backup]") {
    RegistryLocation location;
    location.url = DbUrl::parse("postgresql://alice:s3cret-pw@db.example.org:5433/butler_db");
    location.schema = "hsc_ns";
    const std::string command = pg_dump_command(location);
    CHECK(std::regex_match(command, std::regex("pg_dump --host=db\\.example\\.org --port=5433 --username=alice "
                                               "--dbname=butler_db --schema=hsc_ns -Fc "
                                               "--file=butler_db-hsc_ns-\\d{8}T\\d{6}Z\\.dump")));
    CHECK(command.find("s3cret") == std::string::npos);

    location.schema.reset();
    location.url = DbUrl::parse("postgresql://db.example.org/butler_db");
    CHECK(std::regex_match(pg_dump_command(location),
                           std::regex("pg_dump --host=db\\.example\\.org --dbname=butler_db -Fc "
                                      "--file=butler_db-\\d{8}T\\d{6}Z\\.dump")));

    CHECK_THAT(pg_dump_password_note(), Catch::Contains("PGPASSWORD") && Catch::Contains(".pgpass"));
}

TEST_CASE("pg_dump_command quotes for the shell and for pg_dump's schema patterns", "[backup]") {
    RegistryLocation location;
    location.url.dialect = "postgresql";
    location.url.username = "o'brien";
    location.url.password = "pw'x";
    location.url.host = "localhost";
    location.url.port = "5432";
    location.url.database = "my db";
    location.url.query = {{"sslmode", "disable"}, {"password", "pw2"}};
    location.schema = "Mixed Ns";
    const std::string command = pg_dump_command(location);
    CHECK_THAT(command, Catch::StartsWith("pg_dump --host=localhost --port=5432 --username='o'\\''brien' "
                                          "--dbname='dbname='\\''my db'\\'' sslmode='\\''disable'\\''' "
                                          "--schema='\"Mixed Ns\"' -Fc --file=my_db-Mixed_Ns-"));
    CHECK(command.find("pw") == std::string::npos);
}

TEST_CASE("the printed pg_dump command saves the registry schema when PGPASSWORD is set", "[backup]") {
    const auto server = test_support::PgServer::require();
    for (const std::string schema : {"test_ns", "Mixed \"Ns\""}) {
        TestRegistry registry(Backend::postgresql, schema);
        registry.create_attributes(TestRegistry::typical_attributes());
        registry.execute("CREATE TABLE public.not_the_registry (x INTEGER)");
        const RegistryLocation location = locate_registry(registry.repo());
        REQUIRE(location.url.password == server.password);
        const std::string command = pg_dump_command(location);
        INFO(command);
        CHECK(command.find(server.password) == std::string::npos);

        TempDir out;
        auto no_password = run_program({"sh", "-c", "cd " + out.path() + " && " + command},
                                       {{"PGPASSWORD", ""}, {"PGPASSFILE", "/nonexistent"}});
        CHECK(no_password.exit_status != 0);
        CHECK_THAT(no_password.err, Catch::Contains("password"));
        for (const std::string& left : files_in(out.path())) fs::remove(out.file(left));  // pg_dump's empty file

        auto run = run_program({"sh", "-c", "cd " + out.path() + " && " + command},
                               {{"PGPASSWORD", server.password}, {"PGPASSFILE", "/nonexistent"}});
        INFO(run.err);
        REQUIRE(run.exit_status == 0);
        const auto files = files_in(out.path());
        REQUIRE(files.size() == 1);
        const std::string dump = out.file(*files.begin());
        auto list = run_program({"pg_restore", "--list", dump});
        INFO(list.err);
        REQUIRE(list.exit_status == 0);
        CHECK_THAT(list.out, Catch::Contains("TABLE " + schema + " butler_attributes"));
        CHECK_THAT(list.out, !Catch::Contains("not_the_registry"));

        // Restoring the dump into a fresh database gives back the rows.
        const std::string restored = server.create_database("bm_backup_restore_" + std::to_string(getpid()));
        auto restore = run_program({"pg_restore", "--host=" + server.host, "--port=" + server.port,
                                    "--username=" + server.user, "--dbname=" + restored, dump},
                                   {{"PGPASSWORD", server.password}});
        INFO(restore.err);
        CHECK(restore.exit_status == 0);
        std::string quoted = std::regex_replace(schema, std::regex("\""), "\"\"");
        CHECK(server.psql_command(restored, "SELECT count(*) FROM \"" + quoted + "\".butler_attributes") ==
              std::to_string(TestRegistry::typical_attributes().size()) + "\n");
        server.drop_database(restored);
    }
}
