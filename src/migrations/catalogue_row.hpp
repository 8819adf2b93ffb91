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
    // alembic's depends_on: revisions, of other trees too, that must be applied before this one.
    CatalogueRow& depends_on(std::vector<std::string> ids) { return set(revision_.depends_on, ids); }
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
    // Tables the steps change the definition of, or create (SQL LIKE patterns), for the preflight.
    CatalogueRow& alters(std::vector<std::string> patterns) { return set(revision_.altered_tables, patterns); }
    // Read-only checks run before the first step of a plan (data the step would reject, options it needs).
    CatalogueRow& upgrade_preflight(StepFunction function) { return set(revision_.upgrade.preflight, function); }
    CatalogueRow& downgrade_preflight(StepFunction function) { return set(revision_.downgrade.preflight, function); }
    // The id was written by hand upstream, not derived from (tree, manager, version).
    CatalogueRow& id_not_derived() { return set(revision_.id_is_derived, false); }

    // Ported steps. A direction not given is one upstream does not implement (NotImplementedError).
    CatalogueRow& upgrade(StepFunction function) { return available(revision_.upgrade, function); }
    CatalogueRow& downgrade(StepFunction function) { return available(revision_.downgrade, function); }
    // Upstream's body is empty: the step runs and only the alembic_version row changes.
    CatalogueRow& downgrade_does_nothing() { return downgrade(&does_nothing); }
    CatalogueRow& upgrade_does_nothing() { return upgrade(&does_nothing); }

    operator Revision() const { return revision_; }  // NOLINT(google-explicit-constructor): rows read as a table

    // The function of the steps whose upstream body is empty (tests tell such steps from the writing ones by it).
    static void does_nothing(StepContext& /*context*/) {}

private:
    template <typename Field, typename Value>
    CatalogueRow& set(Field& field, Value value) {
        field = std::move(value);
        return *this;
    }
    CatalogueRow& available(Step& step, StepFunction function) {
        step.availability = StepAvailability::available;
        step.function = function;
        return *this;
    }

    Revision revision_;
};

inline CatalogueRow revision(std::string tree, std::string id) { return {std::move(tree), std::move(id)}; }

}  // namespace butler_migrate::migrations
