// Turning a revision argument (id, prefix, label, label@head) into one revision of the loaded graph.
#include <algorithm>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/migration_engine.hpp"

namespace butler_migrate {

namespace {

constexpr std::size_t kMinimumPrefix = 4;

[[noreturn]] void cannot_locate(const std::string& spec, const std::string& detail = "") {
    throw RevisionError(fmt::format("Can't locate revision identified by '{}'{}", spec, detail));
}

std::string quoted_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "'" : ", '") + id + "'";
    return out;
}

// Forms alembic accepts whose meaning across this tool's many trees would surprise: refused with advice.
void refuse_unsupported_forms(const std::string& spec) {
    if (spec == "head" || spec == "heads") {
        throw UsageError(fmt::format("'{}' is not accepted: every manager type has its own tree and head; name the "
                                     "tree's head instead, e.g. datasets@head",
                                     spec));
    }
    if (spec == "base") {
        throw UsageError("'base' is not accepted: name the revision to go to (the roots cannot be migrated to)");
    }
    if (spec.find(':') != std::string::npos) throw UsageError("Range revision not allowed");
    bool relative = !spec.empty() && (spec[0] == '+' || spec[0] == '-');
    auto at = spec.find('@');
    if (relative || (at != std::string::npos && spec.substr(at + 1) != "head")) {
        throw UsageError(fmt::format("Relative revision '{}' is not accepted: name the target revision", spec));
    }
}

const Revision& resolve_label_head(const RevisionGraph& graph, const std::string& spec, const std::string& label) {
    if (!graph.find_label_owner(label)) cannot_locate(spec);
    std::vector<std::string> heads;
    for (const auto& head : graph.heads()) {
        auto labels = graph.branch_labels(head);
        if (std::find(labels.begin(), labels.end(), label) != labels.end()) heads.push_back(head);
    }
    if (heads.size() != 1) {
        cannot_locate(spec, fmt::format(": branch {} has several heads: {}", label, quoted_list(heads)));
    }
    return graph.at(heads.front());
}

}  // namespace

const Revision& resolve_revision(const RevisionGraph& graph, const std::string& spec) {
    refuse_unsupported_forms(spec);
    auto at = spec.find('@');
    if (at != std::string::npos) return resolve_label_head(graph, spec, spec.substr(0, at));
    if (const Revision* exact = graph.find(spec)) return *exact;
    if (const Revision* owner = graph.find_label_owner(spec)) return *owner;
    if (spec.size() < kMinimumPrefix) {
        cannot_locate(spec, "; a partial revision id needs at least four characters");
    }
    std::vector<std::string> matches;
    for (const Revision* revision : graph.revisions()) {
        if (revision->id.compare(0, spec.size(), spec) == 0) matches.push_back(revision->id);
    }
    std::sort(matches.begin(), matches.end());
    if (matches.empty()) cannot_locate(spec);
    if (matches.size() > 1) cannot_locate(spec, fmt::format(": multiple revisions start with it: {}", quoted_list(matches)));
    return graph.at(matches.front());
}

}  // namespace butler_migrate
