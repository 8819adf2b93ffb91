// One revision of a migration tree, as the catalogue describes it: identity, place in the tree, and its steps.
#pragma once

#include <string>
#include <vector>

namespace butler_migrate {

class StepContext;  // defined by the step engine; what a migration step may use
using StepFunction = void (*)(StepContext&);

// Whether a direction of a revision can run.
enum class StepAvailability {
    not_implemented_upstream,  // upstream raises NotImplementedError: the tool refuses too
    not_yet_ported,            // upstream implements it; this build does not have it yet
    available,                 // `function` runs it (a no-op step has a function that does nothing)
};

struct Step {
    StepAvailability availability = StepAvailability::not_implemented_upstream;
    StepFunction function = nullptr;
    // Optional read-only check of the conditions the step enforces on the data and the options it needs, run on a
    // preflight StepContext before the first step of a plan: it throws MigrationError naming the problem and what
    // to do (core/preflight.hpp). The step keeps checking them itself when it runs.
    StepFunction preflight = nullptr;
};

struct Revision {
    std::string id;
    std::string down_revision;               // empty for the root of a tree
    std::string tree;                        // "datasets", or "datasets/int_1.0.0_to_uuid_1.0.0" for one-shot trees
    std::vector<std::string> branch_labels;  // labels the upstream script itself declares
    std::vector<std::string> depends_on;     // alembic depends_on: revisions (of any tree) applied before this one
    std::string message;                     // first line of the script docstring
    std::string extra_doc;                   // prose between message and "Revision ID:" (rarely present)
    std::string create_date;                 // "Create Date:" of the upstream script
    std::string manager_class;               // short class name, or namespace for pseudo-managers; empty for roots
    std::string manager_version;             // empty for roots
    Step upgrade;
    Step downgrade;
    std::string butler_yaml_class;           // one-shot steps: the manager class butler.yaml must name afterwards
    // Tables whose definition a step (either direction) changes or creates, as SQL LIKE patterns ("dataset_tags_%"):
    // on PostgreSQL only their owner can, on SQLite they may be rebuilt (core/preflight.hpp).
    std::vector<std::string> altered_tables;
    bool id_is_derived = true;               // id = rev_id(type[, class, version]) as upstream derives it

    bool is_root() const { return down_revision.empty(); }
    bool is_one_shot() const { return tree.find('/') != std::string::npos; }
    // upstream's out-of-band patch trees ("dimensions-config-patches"): stamped by name, applied on request.
    bool is_in_patch_tree() const {
        const std::string suffix = "-patches";
        return tree.size() > suffix.size() && tree.compare(tree.size() - suffix.size(), suffix.size(), suffix) == 0;
    }
    // Manager type of the tree ("datasets" for both "datasets" and "datasets/int_1.0.0_to_uuid_1.0.0").
    std::string manager_type() const { return tree.substr(0, tree.find('/')); }
};

}  // namespace butler_migrate
