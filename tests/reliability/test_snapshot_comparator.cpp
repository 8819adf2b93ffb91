// The crash tests' comparison itself: equal for untouched copies and for two runs with different random uuid4
// ids, different for every hand-made half-migrated registry. SQLite and PostgreSQL.
#include <catch2/catch.hpp>

#include "crash_trials.hpp"

using namespace reliability;

namespace {

struct HalfState {
    const char* what;
    bool from_after;  // made from the after-state (else from the before-state)
    std::vector<std::string> statements;
};

// Registries stopped part-way through 2101fbf51ad3, or with one piece of it undone.
std::vector<HalfState> half_states(bool sqlite) {
    const std::string uuid_type = sqlite ? "CHAR(32)" : "UUID";
    return {
        {"uuid column added to one table only", false,
         {"ALTER TABLE {schema}.dataset_location ADD COLUMN dataset_id_uuid " + uuid_type}},
        {"alembic_version moved, nothing else", false,
         {"UPDATE {schema}.alembic_version SET version_num = '2101fbf51ad3' WHERE version_num = '635083325f20'"}},
        {"manager attribute changed, nothing else", false,
         {"UPDATE {schema}.butler_attributes SET value = value || 'UUID' WHERE name = "
          "'config:registry.managers.datasets'"}},
        {"id map table left behind", false,
         {"CREATE TABLE {schema}.migration_id2uuid (id BIGINT PRIMARY KEY, uuid " + uuid_type + ")"}},
        {"everything done but alembic_version", true,
         {"UPDATE {schema}.alembic_version SET version_num = '635083325f20' WHERE version_num = '2101fbf51ad3'"}},
        {"one index not re-created", true, {"DROP INDEX {schema}.dataset_location_fkidx_dataset_id"}},
        {"one location row lost", true,
         {"DELETE FROM {schema}.dataset_location WHERE dataset_id = (SELECT dataset_id FROM {schema}.dataset_location "
          "ORDER BY dataset_id LIMIT 1)"}},
        // Same row counts, same set of ids: only which dataset a location row names has changed.
        {"one location row pointing at the wrong dataset", true,
         {"UPDATE {schema}.dataset_location SET dataset_id = (SELECT id FROM {schema}.dataset WHERE id NOT IN "
          "(SELECT dataset_id FROM {schema}.dataset_location) ORDER BY id LIMIT 1) WHERE dataset_id = "
          "(SELECT dataset_id FROM {schema}.dataset_location ORDER BY dataset_id LIMIT 1)"}},
    };
}

std::string first_dataset_id(const RegistryClone& clone) {
    return clone.query("SELECT id FROM {schema}.dataset ORDER BY ingest_date, id LIMIT 1").at(0).at(0).value_or("");
}

void check_comparator(Backend backend) {
    const HeavyStep& step = datasets_oneshot_step();
    const std::string tag = unique_tag(std::string("cmp_") + (backend == Backend::sqlite ? "sq" : "pg"));
    auto source = make_heavy_registry(backend, step, tag, 3);
    const StepReferences references = step_references(*source, tag, step);

    {
        INFO("an untouched copy is the before-state");
        RegistryClone clone(*source, tag, tag + "_same");
        CHECK(match_state(references.before, references.after, capture_snapshot(clone)) == StateMatch::before);
    }
    {
        INFO("another complete run, with other random ids, is the after-state");
        RegistryClone first(*source, tag, tag + "_run1");
        RegistryClone second(*source, tag, tag + "_run2");
        REQUIRE(first.run(step.upgrade_args).exit_status == 0);
        REQUIRE(second.run(step.upgrade_args).exit_status == 0);
        CHECK(first_dataset_id(first) != first_dataset_id(second));
        const auto snapshot = capture_snapshot(second);
        INFO(explain_mismatch(references.before, references.after, snapshot));
        CHECK(match_state(references.before, references.after, snapshot) == StateMatch::after);
    }
    for (const auto& half : half_states(backend == Backend::sqlite)) {
        INFO("hand-made half-migrated registry: " << half.what);
        RegistryClone clone(*source, tag, tag + "_half");
        if (half.from_after) REQUIRE(clone.run(step.upgrade_args).exit_status == 0);
        for (const auto& statement : half.statements) clone.execute(statement);
        CHECK(match_state(references.before, references.after, capture_snapshot(clone)) == StateMatch::neither);
    }
}

}  // namespace

TEST_CASE("crash comparison tells before and after from half-migrated states on SQLite", "[crash][comparator]") {
    check_comparator(Backend::sqlite);
}

TEST_CASE("crash comparison tells before and after from half-migrated states on PostgreSQL", "[crash][comparator]") {
    check_comparator(Backend::postgresql);
}
