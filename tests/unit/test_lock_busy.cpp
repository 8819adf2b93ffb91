// A lock another connection holds is told by the backend's code (SQLite result code, PostgreSQL SQLSTATE), never
// by message text: DatabaseError::busy()/sqlstate(), the migration lock built on it, and the exclusive table locks
// of migration steps (steps/table_locks).
#include <catch2/catch.hpp>

#include <chrono>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/core/migration_lock.hpp"
#include "butler_migrate/core/step_context.hpp"
#include "butler_migrate/steps/table_locks.hpp"
#include "step_harness.hpp"
#include "test_registry.hpp"

using namespace butler_migrate;
using test_support::Backend;
using test_support::TestRegistry;

namespace {

// The DatabaseError `run` throws; FAILs when it throws nothing.
template <typename F>
DatabaseError database_error_of(F&& run) {
    try {
        run();
    } catch (const DatabaseError& e) {
        return e;
    }
    FAIL("no DatabaseError");
    throw std::logic_error("unreachable");
}

// A SQLite-like database whose "BEGIN EXCLUSIVE" fails with a given error, recording every statement.
class RefusingDatabase : public Database {
public:
    explicit RefusingDatabase(DatabaseError refusal) : Database(std::nullopt), refusal_(std::move(refusal)) {}
    Dialect dialect() const override { return Dialect::sqlite; }
    std::vector<SqlRow> query(std::string_view sql, const SqlParams&) override {
        statements.emplace_back(sql);
        return {};
    }
    void query_each(std::string_view sql, const SqlParams&, const std::function<void(const SqlRow&)>&) override {
        statements.emplace_back(sql);
    }
    long long execute(std::string_view sql, const SqlParams&) override {
        statements.emplace_back(sql);
        if (sql == "BEGIN EXCLUSIVE") throw refusal_;
        return 0;
    }
    void begin() override {}
    void commit() override {}
    void rollback() override {}
    bool in_transaction() const override { return false; }
    std::vector<std::string> table_names() override { return {}; }
    bool has_table(std::string_view) override { return false; }
    TableSchema reflect_table(std::string_view) override { return {}; }

    std::vector<std::string> statements;

private:
    DatabaseError refusal_;
};

struct CapturedLog {
    std::vector<std::string> lines;
    CapturedLog() {
        log::set_sink([this](const std::string& line) { lines.push_back(line); });
    }
    ~CapturedLog() {
        log::set_sink([](const std::string& line) { fprintf(stderr, "%s\n", line.c_str()); });
    }
};

// Table locks other sessions hold in this database: (table, mode).
constexpr const char* kLocksOfOthers =
    "SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.granted AND "
    "l.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

const std::string kSqliteBusy =
    "SQLite error: database is locked (another process, perhaps a migration, holds the registry locked; try again "
    "later)";

}  // namespace

TEST_CASE("SQLite: a file another connection holds is busy by its result code, with the message as before",
          "[lock-busy]") {
    TestRegistry registry(Backend::sqlite);
    registry.execute("CREATE TABLE t (x INTEGER)");
    auto holder = registry.open();
    auto other = registry.open();
    other->execute("PRAGMA busy_timeout = 0");
    {
        MigrationLock lock(*holder, std::chrono::milliseconds(1000));
        const DatabaseError busy = database_error_of([&] { other->query("SELECT count(*) FROM t"); });
        CHECK(busy.busy());
        CHECK(busy.sqlstate().empty());
        CHECK(std::string(busy.what()) == kSqliteBusy);
        CHECK(to_int(busy.exit_status()) == 4);
        // The migration lock of a second writer: refused as busy, after its timeout.
        try {
            MigrationLock second(*other, std::chrono::milliseconds(200));
            FAIL("the second lock was granted");
        } catch (const LockBusyError& e) {
            CHECK(std::string(e.what()) ==
                  "another process holds a lock on the SQLite registry and did not release it within 0.2 s; wait "
                  "for it to finish or raise --lock-timeout");
        }
    }
    // Released with the holder's lock: reading works again.
    other->execute("PRAGMA busy_timeout = 0");
    CHECK(other->query("SELECT count(*) FROM t").at(0).at(0) == SqlValue("0"));
}

TEST_CASE("SQLite: other failures are not busy, even when their text says 'database is locked'", "[lock-busy]") {
    TestRegistry registry(Backend::sqlite);
    auto db = registry.open();
    const DatabaseError missing = database_error_of([&] { db->query("SELECT * FROM \"database is locked\""); });
    CHECK(std::string(missing.what()) == "SQLite error: no such table: database is locked");
    CHECK_FALSE(missing.busy());
    const DatabaseError syntax = database_error_of([&] { db->execute("NOT SQL"); });
    CHECK_FALSE(syntax.busy());
    CHECK(syntax.sqlstate().empty());
}

TEST_CASE("SQLite: SQLITE_LOCKED (a table in use by the same connection) is busy too, its message unchanged",
          "[lock-busy]") {
    TestRegistry registry(Backend::sqlite);
    registry.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
    auto db = registry.open();
    const DatabaseError locked = database_error_of(
        [&] { db->query_each("SELECT x FROM t", {}, [&](const SqlRow&) { db->execute("DROP TABLE t"); }); });
    CHECK(locked.busy());
    CHECK(std::string(locked.what()) == "SQLite error: database table is locked");
}

TEST_CASE("the SQLite migration lock follows busy(), not the message", "[lock-busy]") {
    SECTION("a failure whose text says 'database is locked' but is not busy stays a DatabaseError") {
        RefusingDatabase db(DatabaseError("SQLite error: database is locked"));
        CHECK_THROWS_AS(MigrationLock(db, std::chrono::milliseconds(250)), DatabaseError);
        REQUIRE_FALSE(db.statements.empty());
        CHECK(db.statements.back() == "PRAGMA locking_mode = NORMAL");  // the connection is left as it was
    }
    SECTION("a busy failure is the lock held elsewhere, whatever its text") {
        RefusingDatabase db(DatabaseError("SQLite error: something else", DatabaseError::Cause{"", true}));
        try {
            MigrationLock lock(db, std::chrono::milliseconds(250));
            FAIL("the lock was granted");
        } catch (const LockBusyError& e) {
            CHECK(std::string(e.what()) ==
                  "another process holds a lock on the SQLite registry and did not release it within 0.25 s; wait "
                  "for it to finish or raise --lock-timeout");
            CHECK(to_int(e.exit_status()) == 6);
        }
        CHECK(db.statements.back() == "PRAGMA locking_mode = NORMAL");
    }
}

TEST_CASE("PostgreSQL: every statement error has its SQLSTATE, a lock timeout is busy (55P03), its look-alike not",
          "[lock-busy][postgresql]") {
    TestRegistry registry(Backend::postgresql);
    registry.execute("CREATE TABLE {schema}.t (x INTEGER)");
    auto db = registry.open();
    const DatabaseError missing = database_error_of([&] { db->query("SELECT * FROM no_such_table"); });
    CHECK(missing.sqlstate() == "42P01");  // undefined_table
    CHECK_FALSE(missing.busy());
    CHECK(std::string(missing.what()).rfind("PostgreSQL error: relation \"no_such_table\" does not exist", 0) == 0);
    // The exact text of a lock timeout, raised by hand: raise_exception, not busy.
    const DatabaseError raised = database_error_of(
        [&] { db->execute("DO $$ BEGIN RAISE EXCEPTION 'canceling statement due to lock timeout'; END $$"); });
    CHECK(std::string(raised.what()) == "PostgreSQL error: canceling statement due to lock timeout");
    CHECK(raised.sqlstate() == "P0001");
    CHECK_FALSE(raised.busy());
    const DatabaseError nowait = database_error_of([&] {
        auto holder = registry.open();
        Transaction hold(*holder);
        holder->execute("LOCK TABLE " + holder->table("t") + " IN ACCESS EXCLUSIVE MODE");
        Transaction wait(*db);
        db->execute("LOCK TABLE " + db->table("t") + " IN SHARE MODE NOWAIT");
    });
    CHECK(nowait.sqlstate() == "55P03");
    CHECK(nowait.busy());
    CHECK(std::string(nowait.what()) ==
          "PostgreSQL error: could not obtain lock on relation \"test_ns.t\"");  // named as the statement named it
}

TEST_CASE("table locks of a step: EXCLUSIVE on PostgreSQL (others read, writers time out busy), logged or not",
          "[lock-busy][postgresql]") {
    TestRegistry registry(Backend::postgresql);
    registry.execute("CREATE TABLE {schema}.t (x INTEGER); CREATE TABLE {schema}.u (x INTEGER)");
    auto db = registry.open();
    auto other = registry.open();
    other->execute("SET lock_timeout = '200ms'");
    CapturedLog captured;
    const std::string logger = std::string("butler_migrate.") + test_support::kInStepRevision;
    test_support::run_in_step(*db, [&](StepContext& context) {
        lock_tables_exclusive(context, {"t", "u"}, TableLockLog::each_table);
        CHECK(captured.lines ==
              std::vector<std::string>{logger + " INFO: Locking table t", logger + " INFO: Locking table u"});
        auto modes = other->query(std::string(kLocksOfOthers) + " AND c.relname IN ('t', 'u') ORDER BY c.relname");
        CHECK(modes == std::vector<SqlRow>{{SqlValue("t"), SqlValue("ExclusiveLock")},
                                           {SqlValue("u"), SqlValue("ExclusiveLock")}});
        CHECK(other->query("SELECT count(*) FROM " + other->table("t")).at(0).at(0) == SqlValue("0"));
        const DatabaseError timeout =
            database_error_of([&] { other->execute("INSERT INTO " + other->table("u") + " VALUES (1)"); });
        CHECK(timeout.busy());
        CHECK(timeout.sqlstate() == "55P03");
        CHECK(std::string(timeout.what()) == "PostgreSQL error: canceling statement due to lock timeout");
    });  // the locks end with the step's transaction
    CHECK(other->execute("INSERT INTO " + other->table("u") + " VALUES (1)") == 1);
    captured.lines.clear();
    test_support::run_in_step(*db, [&](StepContext& context) {
        lock_tables_exclusive(context, {"t"}, TableLockLog::silent);
        CHECK(captured.lines.empty());
        CHECK(other->query(std::string(kLocksOfOthers) + " AND c.relname IN ('t', 'u')") ==
              std::vector<SqlRow>{{SqlValue("t"), SqlValue("ExclusiveLock")}});
    });
}

TEST_CASE("table locks of a step: nothing at all on SQLite", "[lock-busy]") {
    TestRegistry registry(Backend::sqlite);
    auto db = registry.open();
    CapturedLog captured;
    // No such table: a statement would fail; none is run, and nothing is logged.
    CHECK_NOTHROW(test_support::run_in_step(*db, [](StepContext& context) {
        lock_tables_exclusive(context, {"no_such_table"}, TableLockLog::each_table);
    }));
    CHECK(captured.lines.empty());
}
