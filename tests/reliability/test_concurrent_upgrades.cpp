// Eight upgrades of one registry started at once: the migration lock lets one run each step, exactly once,
// and the others wait and find nothing to do (or give up with the lock error), on SQLite and PostgreSQL.
#include <catch2/catch.hpp>

#include <future>
#include <regex>
#include <string>
#include <vector>

#include "fixture_copy.hpp"

using test_support::CommandResult;
using test_support::FixtureCopy;

namespace {

constexpr int kProcesses = 8;


size_t count_matches(const std::string& text, const std::string& pattern) {
    std::regex re(pattern);
    return static_cast<size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

void check_concurrent_upgrades(const std::string& fixture) {
    INFO(fixture);
    // Two steps of the dimensions tree (REFERENCE §2): 2a8a... is recorded by stamp, then 1601d5973bf8 and
    // 035dcf13ef18 are applied.
    const std::vector<std::string> upgrade = {"--log-level", "VERBOSE", "upgrade", "--namespace", "daf_butler",
                                              "{REPO}", "035dcf13ef18"};
    FixtureCopy single(fixture, "concurrent_single");
    single.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    REQUIRE(single.run(upgrade).exit_status == 0);

    FixtureCopy shared(fixture, "concurrent_shared");
    shared.run_ok({"stamp", "--namespace", "daf_butler", "{REPO}"});
    std::vector<std::future<CommandResult>> runs;
    for (int i = 0; i < kProcesses; ++i) {
        runs.push_back(std::async(std::launch::async, [&] { return shared.run(upgrade); }));
    }
    std::string all_stderr;
    int succeeded = 0;
    for (auto& run : runs) {
        CommandResult result = run.get();
        INFO(result.err);
        CHECK((result.exit_status == 0 || result.exit_status == 6));
        if (result.exit_status == 0) ++succeeded;
        else CHECK(result.err.find("butler-migrate: error: another process holds") != std::string::npos);
        CHECK(result.out.empty());
        all_stderr += result.err;
    }
    CHECK(succeeded >= 1);
    // Each step ran exactly once over all eight processes.
    CHECK(count_matches(all_stderr, "Running upgrade [0-9a-f]{12} -> 1601d5973bf8") == 1);
    CHECK(count_matches(all_stderr, "Running upgrade 1601d5973bf8 -> 035dcf13ef18") == 1);
    CHECK(shared.run({"show-current", "{REPO}"}).out == single.run({"show-current", "{REPO}"}).out);
    CHECK(shared.snapshot() == single.snapshot());
}

}  // namespace

TEST_CASE("eight concurrent upgrades apply each step once (SQLite)", "[lock][concurrency]") {
    check_concurrent_upgrades("f2021_u0_dim600_int_name");
}

TEST_CASE("eight concurrent upgrades apply each step once (PostgreSQL)", "[lock][concurrency][postgresql]") {
    check_concurrent_upgrades("f2021_u0_dim600_int_name_pg");
}
