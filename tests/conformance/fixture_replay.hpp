// Replays a fixture's golden runs, in order, on a private copy of its registry (SQLite or PostgreSQL).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace conformance {

// What tests/conformance/expectations.txt says about a golden run that is not (yet) reproduced.
struct Expectation {
    enum class Kind {
        pending,  // needs a later issue; the fixture's replay stops here (later runs depend on its state)
        skip,     // deliberately different (documented); the replay goes on
    };
    Kind kind = Kind::pending;
    std::string reason;
};

// Keyed by "<fixture>/<golden name>", e.g. "f2024_u5_default/11_upgrade_dimensions-config_1fae088c80b6".
std::map<std::string, Expectation> load_expectations();

struct ReplayReport {
    int reproduced = 0;
    int skipped = 0;
    int pending = 0;                    // goldens not replayed because the replay stopped
    std::string stopped_at;             // golden name where the replay stopped, if it did
    std::vector<std::string> failures;  // one readable description per mismatch
};

// Replays every golden of `fixture` (a folder name under ../shared/fixtures).
ReplayReport replay_fixture(const std::string& fixture);

}  // namespace conformance
