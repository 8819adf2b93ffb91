// Fuzz target: revision arguments (resolve_revision) on the regular graph and on every one-shot graph, and
// --one-shot-tree names (RevisionGraph::with_one_shot_tree).
//
// Input: the first byte picks the graph (0: regular, n: the n-th one-shot tree, wrapping), the rest is the
// revision argument; the whole input is also tried as a one-shot tree name. Invariants: failures are
// RevisionError or UsageError with a one-line message; a resolved revision belongs to the graph, and is the
// argument itself, a revision owning the label, a head carrying `<label>@head`, or the only one whose id
// starts with the argument.
#include <algorithm>
#include <string>
#include <vector>

#include "butler_migrate/migrations/catalogue.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/core/migration_engine.hpp"
#include "butler_migrate/core/revision_graph.hpp"
#include "fuzz_support.hpp"

namespace {

const std::vector<butler_migrate::RevisionGraph>& graphs() {
    static const std::vector<butler_migrate::RevisionGraph> all = [] {
        std::vector<butler_migrate::RevisionGraph> list{butler_migrate::compiled_catalogue().regular()};
        for (const auto& tree : butler_migrate::compiled_catalogue().one_shot_tree_names()) {
            list.push_back(butler_migrate::compiled_catalogue().with_one_shot_tree(tree));
        }
        return list;
    }();
    return all;
}

bool has_label(const butler_migrate::RevisionGraph& graph, const std::string& id, const std::string& label) {
    auto labels = graph.branch_labels(id);
    return std::find(labels.begin(), labels.end(), label) != labels.end();
}

void check_resolved(const butler_migrate::RevisionGraph& graph, const std::string& spec,
                    const butler_migrate::Revision& revision) {
    if (graph.find(revision.id) != &revision) fuzz_support::violated("resolved revision is not in the graph: " + spec);
    auto at = spec.find('@');
    bool fits = false;
    if (at != std::string::npos) {
        fits = spec.substr(at) == "@head" && graph.is_head(revision.id) && has_label(graph, revision.id, spec.substr(0, at));
    } else {
        fits = revision.id == spec || graph.find_label_owner(spec) == &revision ||
               (spec.size() >= 4 && revision.id.compare(0, spec.size(), spec) == 0);
    }
    if (!fits) fuzz_support::violated("'" + spec + "' resolved to unrelated revision " + revision.id);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz_support::as_text(data, size);
    try {
        (void)butler_migrate::compiled_catalogue().with_one_shot_tree(std::string(text));
    } catch (const butler_migrate::Error& error) {
        fuzz_support::check_one_line(error, text);
    }
    if (text.empty()) return 0;
    const auto& graph = graphs()[static_cast<unsigned char>(text[0]) % graphs().size()];
    const std::string spec(text.substr(1));
    try {
        check_resolved(graph, spec, butler_migrate::resolve_revision(graph, spec));
    } catch (const butler_migrate::RevisionError& error) {
        fuzz_support::check_one_line(error, text);
    } catch (const butler_migrate::UsageError& error) {
        fuzz_support::check_one_line(error, text);
    }
    return 0;
}
