// Reading golden files: "$ command", stdout, "--- stderr ---", stderr, "[exit status N]".
#include "golden_run.hpp"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "test_support.hpp"

namespace test_support {

namespace {

std::vector<std::string> split_spaces(const std::string& text) {
    std::vector<std::string> parts;
    std::istringstream in(text);
    for (std::string part; in >> part;) parts.push_back(part);
    return parts;
}

}  // namespace

bool GoldenRun::has_flag(const std::string& flag) const {
    return std::find(argv.begin(), argv.end(), flag) != argv.end();
}

std::string GoldenRun::error_message() const {
    static const std::regex exception_line(R"(^([A-Za-z_.]*[A-Za-z_]+(Error|Exception|Warning|Exit)): ?)");
    std::istringstream in(err);
    std::string line, message;
    bool found = false;
    while (std::getline(in, line)) {
        std::smatch m;
        if (!found && std::regex_search(line, m, exception_line)) {
            found = true;
            std::string text = line.substr(static_cast<size_t>(m.length(0)));
            // Python shows a KeyError's message as the repr of its string.
            if (m[1] == "KeyError" && text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
                text.back() == text.front()) {
                text = text.substr(1, text.size() - 2);
            }
            message = text;
            continue;
        }
        if (found) message += "\n" + line;
    }
    return message;
}

GoldenRun read_golden(const std::string& path) {
    GoldenRun run;
    run.path = path;
    run.name = std::filesystem::path(path).stem().string();
    const std::string text = read_file(path);
    const auto first_newline = text.find('\n');
    const std::string first = text.substr(0, first_newline);
    if (first.rfind("$ ", 0) != 0) throw std::runtime_error(path + ": first line is not a command");
    run.argv = split_spaces(first.substr(2));
    if (run.argv.empty()) throw std::runtime_error(path + ": empty command line");
    const bool butler_migrate = run.argv.size() >= 2 && run.argv[0] == "butler" && run.argv[1] == "migrate";
    run.program = butler_migrate ? "butler migrate" : run.argv[0];
    run.args.assign(run.argv.begin() + (butler_migrate ? 2 : 1), run.argv.end());

    std::string rest = first_newline == std::string::npos ? "" : text.substr(first_newline + 1);
    // The last line is "[exit status N]"; everything before it is stdout and stderr.
    const auto status_at = rest.rfind("[exit status ");
    std::smatch m;
    static const std::regex status_line(R"(\[exit status (\d+)\]\n?)");
    const std::string status_text = status_at == std::string::npos ? "" : rest.substr(status_at);
    if (status_at == std::string::npos || (status_at > 0 && rest[status_at - 1] != '\n') ||
        !std::regex_match(status_text, m, status_line)) {
        throw std::runtime_error(path + ": no [exit status N] line at its end");
    }
    run.exit_status = std::stoi(m[1]);
    rest.resize(status_at);

    const std::string marker = "--- stderr ---\n";
    const auto pos = rest.find(marker);
    if (pos == std::string::npos) {
        run.out = rest;
    } else {
        run.out = rest.substr(0, pos);
        run.err = rest.substr(pos + marker.size());
    }
    return run;
}

GoldenRun read_global_golden(const std::string& file_name) {
    return read_golden(shared_path("fixtures/_global/" + file_name));
}

std::vector<std::string> golden_files(const std::string& folder) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace test_support
