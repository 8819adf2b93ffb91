// One recorded run of the real tool (a golden of ../shared/fixtures): its command line, stdout, stderr, exit status.
#pragma once

#include <string>
#include <vector>

namespace test_support {

// A golden file: "$ <command line>", stdout, optionally "--- stderr ---" and stderr, then "[exit status N]".
struct GoldenRun {
    std::string path;
    std::string name;                // file name without ".txt", e.g. "13_show-current"
    std::vector<std::string> argv;   // the command line after "$ ", split on spaces ({REPO} etc. still in it)
    std::string program;             // "butler migrate", "sqlite3", "pg_dump"
    std::vector<std::string> args;   // argv after the program
    std::string out;
    std::string err;
    int exit_status = 0;

    bool is_butler_migrate() const { return program == "butler migrate"; }
    // The subcommand of a `butler migrate` run ("show-current"), else the program name.
    std::string command() const { return is_butler_migrate() && !args.empty() ? args.front() : program; }
    bool has_flag(const std::string& flag) const;
    // The error message the user saw: from the exception line "<Class>: <message>" to the end of stderr (a
    // KeyError's quotes taken off); empty when there is none.
    std::string error_message() const;
};

// Reads a golden file (throws std::runtime_error when it is not in the golden form).
GoldenRun read_golden(const std::string& path);
// A golden of ../shared/fixtures/_global ("17_show-history.txt").
GoldenRun read_global_golden(const std::string& file_name);
// The golden files of a folder, in replay order (sorted by name).
std::vector<std::string> golden_files(const std::string& folder);

}  // namespace test_support
