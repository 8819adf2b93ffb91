// What a migration step may use while it runs: the database, the options, notices and log lines.
#pragma once

#include <string>
#include <vector>

#include <ostream>
#include <optional>
#include <string>
#include <string_view>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/core/migration_options.hpp"
#include "butler_migrate/core/registry.hpp"
#include "butler_migrate/core/revision.hpp"

namespace butler_migrate {

enum class StepDirection { upgrade, downgrade };
// Online: statements run against the registry. Offline: they are written out as SQL text (--sql), and
// nothing can be read back. Preflight: the step's read-only checks run before the plan starts (Step::preflight).
enum class StepMode { online, offline, preflight };

class StepContext {
public:
    StepContext(Database& db, const Revision& revision, StepDirection direction, const MigrationOptions& options,
                std::ostream& notices, StepMode mode = StepMode::online)
        : db_(db), revision_(revision), direction_(direction), options_(options), notices_(notices), mode_(mode),
          attributes_(db) {}

    Database& db() { return db_; }
    Dialect dialect() const { return db_.dialect(); }
    const Revision& revision() const { return revision_; }
    StepDirection direction() const { return direction_; }
    const MigrationOptions& options() const { return options_; }
    std::optional<std::string> option(std::string_view key) const { return options_.get(key); }
    ButlerAttributes& attributes() { return attributes_; }
    bool is_online() const { return mode_ != StepMode::offline; }
    // Running the step's read-only preflight (Step::preflight): check, never write.
    bool is_preflight() const { return mode_ == StepMode::preflight; }
    // In a preflight, one more problem found, besides the one it may throw as MigrationError (each is reported).
    void report_problem(std::string message) { problems_.push_back(std::move(message)); }
    const std::vector<std::string>& problems() const { return problems_; }
    // For steps that must read the registry: throws OfflineModeUnsupported(`reason`) in offline mode.
    void require_online(std::string_view reason) const;

    // Text upstream's script prints to stdout (operator notices); written as given.
    void notice(std::string_view text) { notices_ << text; }
    // An INFO log line under this revision's logger ("butler_migrate.<id>").
    void log_info(std::string_view message) const;

private:
    Database& db_;
    const Revision& revision_;
    StepDirection direction_;
    const MigrationOptions& options_;
    std::ostream& notices_;
    StepMode mode_;
    ButlerAttributes attributes_;
    std::vector<std::string> problems_;
};

}  // namespace butler_migrate
