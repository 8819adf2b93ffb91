// Parsing of golden files: "$ command", stdout, "--- stderr ---", stderr, "[exit status N]".
#include "golden_file.hpp"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "test_support.hpp"

namespace conformance {

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
    for (std::string collected; std::getline(in, line);) {
        std::smatch m;
        if (!found && std::regex_search(line, m, exception_line)) {
            found = true;
            std::string text = line.substr(m.length(0));
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
    std::string text = test_support::read_file(path);
    auto first_newline = text.find('\n');
    std::string first = text.substr(0, first_newline);
    if (first.rfind("$ ", 0) != 0) throw std::runtime_error(path + ": first line is not a command");
    run.argv = split_spaces(first.substr(2));
    std::string rest = text.substr(first_newline + 1);

    static const std::regex status_line(R"(\[exit status (\d+)\]\n?$)");
    std::smatch m;
    if (!std::regex_search(rest, m, status_line)) throw std::runtime_error(path + ": no [exit status N] line");
    run.exit_status = std::stoi(m[1]);
    rest = rest.substr(0, static_cast<size_t>(m.position(0)));

    const std::string marker = "--- stderr ---\n";
    auto pos = rest.find(marker);
    if (pos == std::string::npos) {
        run.out = rest;
    } else {
        run.out = rest.substr(0, pos);
        run.err = rest.substr(pos + marker.size());
    }
    return run;
}

std::vector<std::string> golden_files(const std::string& folder) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace conformance
