// Private: repository aliases from DAF_BUTLER_REPOSITORIES or DAF_BUTLER_REPOSITORY_INDEX (ButlerRepoIndex).
#pragma once

#include <optional>
#include <string>

namespace butler_migrate::config_detail {

struct AliasResolution {
    std::optional<std::string> uri;  // what the index maps `label` to, if it does
    // When unresolved, why, for a "not found" message: "(given 'x' and known aliases: a, b)" or
    // "(given 'x' and no known aliases: <reason the index could not be used>)".
    std::string unresolved_note;
};

// Looks `label` up in the repository index named by the environment. Never throws: problems with the index
// only show up in `unresolved_note`.
AliasResolution resolve_repository_alias(const std::string& label);

}  // namespace butler_migrate::config_detail
