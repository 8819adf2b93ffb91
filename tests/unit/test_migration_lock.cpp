// The migration lock: a second writer waits up to --lock-timeout, then exits 6 and changes nothing; readers
// and other schemas are not blocked on PostgreSQL; the lock goes with its holder.
#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <thread>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/migration_lock.hpp"
#include "fixture_copy.hpp"

using namespace butler_migrate;
using test_support::FixtureCopy;

namespace {

const char* fixture_for(bool postgres) { return postgres ? "f2021_u0_dim600_int_name_pg" : "f2021_u0_dim600_int_name"; }

const std::vector<std::string> kUpgrade = {"upgrade", "--namespace", "daf_butler", "--lock-timeout", "1",
                                           "{REPO}", "1601d5973bf8"};

void check_lock_refuses_second_writer(bool postgres) {
    FixtureCopy copy(fixture_for(postgres), "lock_busy");
    copy.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    const std::string before = copy.run({"show-current", "--namespace", "daf_butler", "{REPO}"}).out;
    {
        auto holder = copy.open(AccessMode::read_write);
        MigrationLock lock(*holder, std::chrono::milliseconds(1000));
        const auto start = std::chrono::steady_clock::now();
        auto refused = copy.run(kUpgrade);
        const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(refused.exit_status == 6);
        // At most an INFO line saying it waits, then the one error line.
        CHECK(refused.err.find("butler-migrate: error: another process holds") != std::string::npos);
        CHECK(refused.err.find("--lock-timeout") != std::string::npos);
        CHECK(refused.err.back() == '\n');
        CHECK(refused.err.find("butler-migrate: error: another process holds") == refused.err.rfind('\n', refused.err.size() - 2) + 1);
        CHECK(waited >= 0.9);   // it polled for the whole timeout ...
        CHECK(waited < 10.0);   // ... and then gave up
        auto stamp = copy.run({"stamp", "--lock-timeout", "0", "--namespace", "daf_butler", "{REPO}"});
        CHECK(stamp.exit_status == 6);
    }
    CHECK(copy.run({"show-current", "--namespace", "daf_butler", "{REPO}"}).out == before);
    // Released with its holder: the same command now runs.
    CHECK(copy.run(kUpgrade).exit_status == 0);
    CHECK(copy.run({"show-current", "--namespace", "daf_butler", "{REPO}"}).out != before);
}

void check_waiter_proceeds_after_release(bool postgres) {
    FixtureCopy copy(fixture_for(postgres), "lock_wait");
    copy.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    auto holder = copy.open(AccessMode::read_write);
    auto lock = std::make_unique<MigrationLock>(*holder, std::chrono::milliseconds(1000));
    auto waiting = std::async(std::launch::async, [&] {
        return copy.run({"upgrade", "--namespace", "daf_butler", "--lock-timeout", "30", "{REPO}", "1601d5973bf8"});
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(waiting.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);  // still waiting
    lock.reset();
    holder.reset();
    auto result = waiting.get();
    CHECK(result.exit_status == 0);
    CHECK(result.err.find("error") == std::string::npos);
}

}  // namespace

TEST_CASE("a second writer gives up after --lock-timeout with status 6 (SQLite)", "[lock]") {
    check_lock_refuses_second_writer(false);
}

TEST_CASE("a second writer gives up after --lock-timeout with status 6 (PostgreSQL)", "[lock][postgresql]") {
    check_lock_refuses_second_writer(true);
}

TEST_CASE("a waiting writer proceeds once the lock is released (SQLite)", "[lock]") {
    check_waiter_proceeds_after_release(false);
}

TEST_CASE("a waiting writer proceeds once the lock is released (PostgreSQL)", "[lock][postgresql]") {
    check_waiter_proceeds_after_release(true);
}

TEST_CASE("the lock is per PostgreSQL schema, and reading commands do not take it", "[lock][postgresql]") {
    FixtureCopy copy(fixture_for(true), "lock_readers");
    copy.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    auto holder = copy.open(AccessMode::read_write);
    MigrationLock lock(*holder, std::chrono::milliseconds(1000));
    CHECK(copy.run({"show-current", "--namespace", "daf_butler", "{REPO}"}).exit_status == 0);
    CHECK(copy.run({"dump-schema", "{REPO}"}).exit_status == 0);
    // The same key from another connection is refused at once.
    auto other = copy.open(AccessMode::read_write);
    CHECK_THROWS_AS(MigrationLock(*other, std::chrono::milliseconds(0)), LockBusyError);
}
