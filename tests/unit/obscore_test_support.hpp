// Helpers shared by the obscore-config 4fe28ef5030f tests: running the executable, preparing a registry for the
// step, writing configurations, and reading PostgreSQL column comments.
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"
#include "tool_environment.hpp"

namespace obscore_test {

inline const std::string kUpgradeNotice =
    "*** Before anything can be written the upgraded Registry you need to run\n"
    "*** `butler obscore update-table` command (defined in dax_obscore package).\n";
inline const std::string kDowngradeNotice =
    "*** Obscore configuration has been removed from butler_attributes,\n"
    "*** but the actual obscore table(s) have to be dropped manually.\n";

inline test_support::CommandResult run(const std::vector<std::string>& args) {
    return test_support::run_isolated(args);
}

inline bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline std::string embargo_yaml() { return test_support::source_path("tests/data/obscore-embargo.yaml"); }

inline std::vector<std::string> options_for(const std::string& yaml_path) {
    return {"--options", "obscore_config=" + yaml_path};
}

inline test_support::CommandResult upgrade_obscore_config(const std::string& repo, const std::string& yaml_path) {
    auto args = options_for(yaml_path);
    args.insert(args.begin(), "upgrade");
    args.push_back(repo);
    args.push_back("4fe28ef5030f");
    return run(args);
}

// Stamps the registry and the obscore-config root; with `obscore_manager`, also runs obscore a0d766f99876.
inline void prepare(const std::string& repo, bool obscore_manager = true) {
    REQUIRE(run({"stamp", repo}).exit_status == 0);
    if (obscore_manager) {
        REQUIRE(run({"stamp", repo, "obscore"}).exit_status == 0);
        auto manager = run({"upgrade", repo, "a0d766f99876"});
        INFO(manager.err);
        REQUIRE(manager.exit_status == 0);
    }
    REQUIRE(run({"stamp", repo, "obscore-config"}).exit_status == 0);
}

// PostgreSQL columns in table order with their comments ("" when none).
template <class Repo>
std::vector<std::pair<std::string, std::string>> pg_column_comments(const Repo& repo, const std::string& table) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& row : repo.query("SELECT a.attname, col_description(a.attrelid, a.attnum) FROM pg_attribute a "
                                      "WHERE a.attrelid = '{schema}." + table + "'::regclass AND a.attnum > 0 "
                                      "AND NOT a.attisdropped ORDER BY a.attnum")) {
        out.emplace_back(row.at(0).value_or(""), row.at(1).value_or(""));
    }
    return out;
}

inline std::string write_yaml(const test_support::TempDir& dir, const std::string& name, const std::string& text) {
    test_support::write_file(dir.file(name), text);
    return dir.file(name);
}

}  // namespace obscore_test
