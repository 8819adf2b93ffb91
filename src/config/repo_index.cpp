// Repository aliases: the label -> URI index named by DAF_BUTLER_REPOSITORIES or DAF_BUTLER_REPOSITORY_INDEX.
#include "config/repo_index.hpp"

#include <cstdlib>
#include <map>

#include <yaml-cpp/yaml.h>

#include "butler_migrate/util/errors.hpp"
#include "config/paths.hpp"
#include "config/yaml_includes.hpp"

namespace butler_migrate::config_detail {

namespace {

constexpr const char* index_variable = "DAF_BUTLER_REPOSITORY_INDEX";
constexpr const char* repositories_variable = "DAF_BUTLER_REPOSITORIES";

using RepositoryIndex = std::map<std::string, std::string>;

RepositoryIndex validated(const YAML::Node& content) {
    if (!content.IsMap()) throw ConfigError("Repository index not in expected format");
    RepositoryIndex index;
    for (const auto& item : content) {
        if (!item.first.IsScalar() || !item.second.IsScalar()) {
            throw ConfigError("Repository index not in expected format");
        }
        index[item.first.Scalar()] = item.second.Scalar();
    }
    return index;
}

RepositoryIndex read_index_file(const std::string& index_uri) {
    try {
        std::optional<std::string> path = local_path(index_uri);
        if (!path) throw ConfigError("unsupported URI scheme");
        return validated(read_config_file(*path));
    } catch (const ConfigFileNotFound&) {
        throw ConfigError("Butler repository index file not found at " + index_uri + ".");
    } catch (const ConfigError& error) {
        throw ConfigError("Butler repository index file at " + index_uri + " could not be read: " + error.what());
    }
}

RepositoryIndex read_index_from_environment() {
    const char* index_uri = std::getenv(index_variable);
    const char* direct = std::getenv(repositories_variable);
    bool have_uri = index_uri != nullptr && *index_uri != '\0';
    bool have_direct = direct != nullptr && *direct != '\0';
    if (have_uri && have_direct) {
        throw ConfigError(std::string("Only one of the environment variables ") + repositories_variable + " and " +
                          index_variable + " should be set.");
    }
    if (have_direct) {
        try {
            return validated(YAML::Load(direct));
        } catch (const YAML::Exception&) {
            throw ConfigError(std::string("Repository index in ") + repositories_variable + " could not be parsed");
        }
    }
    if (have_uri) return read_index_file(index_uri);
    throw ConfigError(std::string("No repository index defined.  Neither of the environment variables ") +
                      repositories_variable + " or " + index_variable + " was set.");
}

}  // namespace

AliasResolution resolve_repository_alias(const std::string& label) {
    AliasResolution resolution;
    const std::string given = "(given '" + label + "' and ";
    try {
        RepositoryIndex index = read_index_from_environment();
        auto found = index.find(label);
        if (found != index.end()) {
            resolution.uri = found->second;
            return resolution;
        }
        std::string known;
        for (const auto& entry : index) known += (known.empty() ? "" : ", ") + entry.first;
        resolution.unresolved_note =
            known.empty() ? given + "no known aliases)" : given + "known aliases: " + known + ")";
    } catch (const ConfigError& error) {
        resolution.unresolved_note = given + "no known aliases: " + error.what() + ")";
    }
    return resolution;
}

}  // namespace butler_migrate::config_detail
