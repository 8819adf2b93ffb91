// The step harness: one transaction and one StepContext around a step, as the engine's step runner has them.
#include "step_harness.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace test_support {

using namespace butler_migrate;

void run_step(Database& db, const Revision& revision, StepDirection direction, const MigrationOptions& options,
              std::ostream& notices) {
    const Step& step = direction == StepDirection::upgrade ? revision.upgrade : revision.downgrade;
    INFO(revision.id << (direction == StepDirection::upgrade ? " upgrade" : " downgrade"));
    REQUIRE(step.function != nullptr);
    Transaction transaction(db);
    StepContext context(db, revision, direction, options, notices);
    step.function(context);
    transaction.commit();
}

std::string run_step(Database& db, const Revision& revision, StepDirection direction, const MigrationOptions& options) {
    std::ostringstream notices;
    run_step(db, revision, direction, options, notices);
    return notices.str();
}

void run_in_step(Database& db, const std::function<void(StepContext&)>& body) {
    Revision revision;
    revision.id = kInStepRevision;
    MigrationOptions options;
    std::ostringstream notices;
    Transaction transaction(db);
    StepContext context(db, revision, StepDirection::upgrade, options, notices);
    body(context);
    transaction.commit();
}

}  // namespace test_support
