// What a migration step may use while it runs: the database, the options, notices and log lines.
#pragma once

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
// nothing can be read back.
enum class StepMode { online, offline };

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
    bool is_online() const { return mode_ == StepMode::online; }
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
};

}  // namespace butler_migrate
