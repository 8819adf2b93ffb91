// Consistency check between alembic_version and the manager versions in butler_attributes.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/registry.hpp"

namespace butler_migrate {

namespace {

// Python's repr() of a str: single quotes unless the text contains one and no double quote; backslash,
// the quote and control characters escaped (\n, \r, \t, \xNN), so the message stays on one line.
std::string python_str_repr(const std::string& s) {
    char quote = (s.find('\'') != std::string::npos && s.find('"') == std::string::npos) ? '"' : '\'';
    std::string out(1, quote);
    for (char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\\' || c == quote) out += '\\';
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (byte < 0x20 || byte == 0x7f) out += fmt::format("\\x{:02x}", byte);
        else out += c;
    }
    out += quote;
    return out;
}

}  // namespace

void validate_revisions(Database& db, const std::optional<std::string>& ns, const std::vector<std::string>& bases) {
    if (!db.has_table("butler_attributes")) throw RevisionError("butler_attributes table does not exist");
    auto managers = manager_versions(db, ns);
    auto alembic = alembic_revisions(db);
    if (!managers.empty() && alembic.empty()) throw RevisionError("alembic_version table does not exist or is empty");
    if (!alembic.empty() && managers.empty()) throw RevisionError("butler_attributes table is empty");

    std::map<std::string, const ManagerVersion*> by_revision;  // sorted ids: upstream's set order is unstable
    for (const auto& m : managers) by_revision[m.revision] = &m;
    std::set<std::string> alembic_set(alembic.begin(), alembic.end());
    std::set<std::string> base_set(bases.begin(), bases.end());

    std::vector<std::string> alembic_only;
    for (const auto& rev : alembic_set) {
        if (!by_revision.count(rev) && !base_set.count(rev)) alembic_only.push_back(rev);
    }
    std::vector<std::string> manager_only;
    for (const auto& [rev, _] : by_revision) {
        if (!alembic_set.count(rev)) manager_only.push_back(rev);
    }
    if (alembic_only.empty() && manager_only.empty()) return;

    std::string message = "Butler and alembic revisions are inconsistent --";
    std::string separator;
    if (!alembic_only.empty()) {
        message += fmt::format(" revisions in alembic only: {}", fmt::join(alembic_only, ","));
        separator = ";";
    }
    if (!manager_only.empty()) {
        message += separator + " revisions in butler only:";
        for (const auto& rev : manager_only) {
            const auto& m = *by_revision.at(rev);
            message += fmt::format(" {}=({}, {}, {})", rev, python_str_repr(m.manager), python_str_repr(m.klass),
                                   python_str_repr(m.version));
        }
    }
    throw RevisionError(message);
}

}  // namespace butler_migrate
