// Crash safety on a full disk: a SQLite upgrade whose writes start failing mid-step (a file-size limit, SIGXFSZ
// ignored, so writes fail with EFBIG like on a full file system) exits with one clear error line and leaves the
// database file and its journal amounting to exactly the before-state; without the limit a re-run completes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <regex>
#include <sstream>

#include "child_process.hpp"
#include "crash_trials.hpp"

using namespace reliability;

namespace {

// The lines of `text` that start with butler-migrate's error prefix.
std::vector<std::string> error_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("butler-migrate: error: ", 0) == 0) out.push_back(line);
    }
    return out;
}

std::string files_in(const std::string& dir) {
    std::string out;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) out += entry.path().filename().string() + " ";
    return out;
}

struct LimitCounts {
    int failed_mid_step = 0;
    int failed_before_step = 0;
    int succeeded = 0;
};

// One run of `step` under a file-size limit of `limit` bytes on a fresh clone, then a re-run without it.
void run_with_limit(const test_support::FixtureCopy& source, const std::string& tag, const HeavyStep& step,
                    const StepReferences& references, unsigned long long limit, LimitCounts& counts) {
    RegistryClone clone(source, tag, tag + "_limit");
    ChildProcess child(clone.argv(verbose_upgrade_args(step)), test_support::tool_environment(), clone.dir().path(),
                       ChildLimits{limit});
    const int status = child.wait();
    const std::string err = child.err();
    const std::string files_left = files_in(clone.dir().path());
    INFO("file-size limit " << limit << " bytes, exit status " << status << ", files left: " << files_left
                            << "\nstderr:\n" << err);
    const RegistrySnapshot found = capture_snapshot(clone);
    INFO(explain_mismatch(references.before, references.after, found));
    if (status == 0) {
        ++counts.succeeded;
        std::cout << "[full-disk]   limit " << limit << ": succeeded" << std::endl;
        CHECK(match_state(references.before, references.after, found) == StateMatch::after);
    } else {
        CHECK((status == 1 || status == 4));  // a failed step, or the backup the database could not take
        const auto errors = error_lines(err);
        REQUIRE(errors.size() == 1);
        // The error is the last thing printed, and it names the cause.
        CHECK(err.substr(err.size() - errors[0].size() - 1) == errors[0] + "\n");
        CHECK(std::regex_search(errors[0], std::regex("database or disk is full|disk I/O error|File too large")));
        const bool mid_step = errors[0].find("nothing of it was applied") != std::string::npos;
        ++(mid_step ? counts.failed_mid_step : counts.failed_before_step);
        std::cout << "[full-disk]   limit " << limit << ": " << errors[0] << std::endl;
        CHECK(match_state(references.before, references.after, found) == StateMatch::before);
    }
    auto rerun = clone.run(step.upgrade_args);
    INFO("re-run without the limit:\n" << rerun.err);
    CHECK(rerun.exit_status == 0);
    CHECK(snapshot_differences(references.after, capture_snapshot(clone)).empty());
}

void check_full_disk(const HeavyStep& step) {
    const std::string tag = unique_tag("disk_" + step.name);
    auto source = make_heavy_registry(Backend::sqlite, step, tag, bulk_runs_for(step));
    const StepReferences references = step_references(*source, tag, step);
    const auto size = static_cast<unsigned long long>(std::filesystem::file_size(source->dir().file("gen3.sqlite3")));
    // A limit below the file (the backup copy taken before writing fails), a little above it (the backup fits,
    // the step's new pages do not), and far above it (enough for everything: the limit alone breaks nothing).
    LimitCounts counts;
    for (unsigned long long limit : {size / 2, size + 65536, size + size / 32, size * 4}) {
        run_with_limit(*source, tag, step, references, limit, counts);
    }
    std::cout << "[full-disk] SQLite " << step.name << " " << step.revision << ": database " << size
              << " bytes; failed mid-step " << counts.failed_mid_step << ", failed before the step "
              << counts.failed_before_step << ", succeeded " << counts.succeeded << std::endl;
    CHECK(counts.failed_mid_step >= 2);
    CHECK(counts.succeeded >= 1);
}

}  // namespace

TEST_CASE("upgrade 2101fbf51ad3 on a full disk leaves the SQLite registry before the step", "[full-disk]") {
    check_full_disk(datasets_oneshot_step());
}

TEST_CASE("upgrade 8c57494cabcc on a full disk leaves the SQLite registry before the step", "[full-disk]") {
    check_full_disk(collections_oneshot_step());
}
