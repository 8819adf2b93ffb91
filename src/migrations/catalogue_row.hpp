// A catalogue row with named fields: revision("tree", "id").after(...).manager(...).upgrade(...), and so on.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "butler_migrate/core/revision.hpp"

namespace butler_migrate::migrations {

class CatalogueRow {
public:
    CatalogueRow(std::string tree, std::string id) {
        revision_.tree = std::move(tree);
        revision_.id = std::move(id);
    }

    // The down revision; a row without one is the root of its tree.
    CatalogueRow& after(std::string down_revision) { return set(revision_.down_revision, down_revision); }
    // Branch labels the upstream script itself declares.
    CatalogueRow& labels(std::vector<std::string> labels) { return set(revision_.branch_labels, labels); }
    // Manager class (or namespace of a config pseudo-manager) and the version this revision stands for.
    CatalogueRow& manager(std::string manager_class, std::string version) {
        revision_.manager_class = std::move(manager_class);
        return set(revision_.manager_version, version);
    }
    // First line of the script's docstring.
    CatalogueRow& message(std::string text) { return set(revision_.message, text); }
    // Prose between the message and "Revision ID:" (rarely present).
    CatalogueRow& extra_doc(std::string text) { return set(revision_.extra_doc, text); }
    // "Create Date:" of the upstream script.
    CatalogueRow& created(std::string date) { return set(revision_.create_date, date); }
    // A one-shot step after which butler.yaml must name `full_class` for this tree's manager.
    CatalogueRow& butler_yaml_class(std::string full_class) { return set(revision_.butler_yaml_class, full_class); }
    // The id was written by hand upstream, not derived from (tree, manager, version).
    CatalogueRow& id_not_derived() { return set(revision_.id_is_derived, false); }

    // Ported steps. A direction not given is one upstream does not implement (NotImplementedError).
    CatalogueRow& upgrade(StepFunction function) { return set(revision_.upgrade, available(function)); }
    CatalogueRow& downgrade(StepFunction function) { return set(revision_.downgrade, available(function)); }
    // Upstream's body is empty: the step runs and only the alembic_version row changes.
    CatalogueRow& downgrade_does_nothing() { return downgrade(&does_nothing); }

    operator Revision() const { return revision_; }  // NOLINT(google-explicit-constructor): rows read as a table

private:
    template <typename Field, typename Value>
    CatalogueRow& set(Field& field, Value value) {
        field = std::move(value);
        return *this;
    }
    static Step available(StepFunction function) { return {StepAvailability::available, function}; }
    static void does_nothing(StepContext& /*context*/) {}

    Revision revision_;
};

inline CatalogueRow revision(std::string tree, std::string id) { return {std::move(tree), std::move(id)}; }

}  // namespace butler_migrate::migrations
