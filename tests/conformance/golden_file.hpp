// One recorded run of the real tool: the command, its stdout, its stderr and its exit status.
#pragma once

#include <string>
#include <vector>

namespace conformance {

struct GoldenRun {
    std::string path;
    std::string name;                // file name without ".txt", e.g. "13_show-current"
    std::vector<std::string> argv;   // the command line after "$ ", split on spaces
    std::string out;
    std::string err;
    int exit_status = 0;

    bool is_butler_migrate() const { return argv.size() >= 2 && argv[0] == "butler" && argv[1] == "migrate"; }
    // The subcommand of a `butler migrate` run ("show-current"), else the program name.
    std::string command() const { return is_butler_migrate() && argv.size() > 2 ? argv[2] : argv.at(0); }
    bool has_flag(const std::string& flag) const;
    // The error message the user saw: from the exception line "<Class>: <message>" to the end of stderr.
    std::string error_message() const;
};

GoldenRun read_golden(const std::string& path);

// Golden files of a fixture folder, in replay order (sorted by name).
std::vector<std::string> golden_files(const std::string& folder);

}  // namespace conformance
