// Progress reports: throttled to one a second, rows/rate/ETA, silent above INFO, a final line at the end.
#include <catch2/catch.hpp>

#include <vector>

#include "butler_migrate/util/log.hpp"
#include "butler_migrate/util/progress.hpp"

using butler_migrate::Progress;
namespace bm_log = butler_migrate::log;

namespace {

struct CapturedLog {
    std::vector<std::string> lines;
    CapturedLog() {
        bm_log::set_sink([this](const std::string& line) { lines.push_back(line); });
    }
    ~CapturedLog() {
        bm_log::set_sink([](const std::string& line) { fprintf(stderr, "%s\n", line.c_str()); });
        bm_log::set_level(bm_log::Level::info);
    }
};

}  // namespace

TEST_CASE("progress lines come at most once a second, with rate and ETA", "[progress]") {
    CapturedLog captured;
    double now = 100.0;
    {
        Progress progress("copying", 1000, [&] { return now; }, /*on_terminal=*/0);
        now = 100.5;
        progress.advance(100);  // half a second: no line yet
        CHECK(captured.lines.empty());
        now = 101.0;
        progress.advance(100);  // 200 rows in 1 s: 200 rows/s, 800 left: 4 s
        REQUIRE(captured.lines.size() == 1);
        CHECK(captured.lines[0] == "butler_migrate.progress INFO: copying: 200/1000 rows (20%), 200 rows/s, ETA 0:04");
        now = 101.2;
        progress.advance(300);
        CHECK(captured.lines.size() == 1);
        now = 105.0;
        progress.advance(500);
        CHECK(captured.lines.size() == 2);
        CHECK(captured.lines[1] == "butler_migrate.progress INFO: copying: 1000/1000 rows (100%), 200 rows/s");
    }
    // The final report when it ends.
    CHECK(captured.lines.size() == 3);
}

TEST_CASE("short work prints nothing, and --log-level WARNING silences progress", "[progress]") {
    CapturedLog captured;
    double now = 0;
    {
        Progress quick("quick", 10, [&] { return now; }, 0);
        now = 0.2;
        quick.advance(10);
    }
    CHECK(captured.lines.empty());
    bm_log::set_level(bm_log::Level::warning);
    {
        Progress slow("slow", 0, [&] { return now; }, 0);
        now = 5;
        slow.advance(10);
    }
    CHECK(captured.lines.empty());
}

TEST_CASE("unknown totals give rows and rate only", "[progress]") {
    double now = 10;
    Progress progress("scan", 0, [&] { return now; }, 0);
    progress.advance(50);
    CHECK(progress.report_text(12) == "scan: 50 rows, 25 rows/s");
}
