// `set-namespace`: show or set the namespace key of the stored dimensions configuration.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "butler_migrate/util/control_characters.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/python_json.hpp"
#include "butler_migrate/core/registry.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/write_options.hpp"

namespace butler_migrate::cli {

namespace {

struct SetNamespaceOptions {
    std::string repo;
    std::string ns;
    bool update = false;
    WriteOptions write;
};

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool is_valid_utf8(const std::string& text) {
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        unsigned long code = length == 1 ? lead : lead & (0x7f >> length);
        for (size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0) != 0x80) return false;
            code = (code << 6) | (next & 0x3f);
        }
        static const unsigned long kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < kMinimum[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
        i += length;
    }
    return true;
}

// The stored dimensions configuration with `ns` as its namespace; throws before anything is written when there
// is none or it is not a JSON object.
std::string dimensions_json_with_namespace(Database& db, const std::string& ns) {
    auto stored = ButlerAttributes(db).get(kDimensionsJsonKey);
    if (!stored) {
        throw MigrationError(fmt::format("Key {} does not exist in attributes table", kDimensionsJsonKey));
    }
    auto json = parse_json(*stored, kDimensionsJsonKey);
    if (!json.is_object()) throw MigrationError(fmt::format("{} is not a JSON object", kDimensionsJsonKey));
    json["namespace"] = ns;  // replaced in place, or appended at the end like a Python dict
    return python_json_dumps(json);
}

void store_dimensions_json(Database& db, const std::string& json) {
    Transaction transaction(db);
    ButlerAttributes(db).update(kDimensionsJsonKey, json);
    // Upstream under SQLAlchemy 2 never commits this change; here it is committed.
    transaction.commit();
}

int set_namespace(const SetNamespaceOptions& options, std::ostream& out) {
    bool show_only = options.ns.empty();
    // The JSON writer and reader only handle UTF-8; other bytes would leave a value nothing can read back.
    if (!show_only && !is_valid_utf8(options.ns)) throw UsageError("NAMESPACE must be valid UTF-8 text");
    auto registry = open_registry(options.repo, show_only ? AccessMode::read_only : AccessMode::read_write);
    std::unique_ptr<MigrationLock> lock;
    if (!show_only) lock = take_migration_lock(*registry.db, options.write);
    auto current = dimensions_namespace(*registry.db);
    if (show_only) {
        if (current) out << "Current dimensions namespace: " << *current << "\n";
        else out << "No namespace defined in dimensions configuration.\n";
        return 0;
    }
    if (current && !options.update) {
        throw MigrationError(
            fmt::format("Namespace is already defined ({}), use --update option to replace it.", hex_escaped_controls(*current)));
    }
    const std::string updated = dimensions_json_with_namespace(*registry.db, options.ns);
    back_up_before_writing(registry, options.write);
    store_dimensions_json(*registry.db, updated);
    return 0;
}

}  // namespace

void setup_set_namespace(CLI::App& command, CommandRun& run) {
    auto options = std::make_shared<SetNamespaceOptions>();
    command.description("Add or update namespace attribute to dimensions.json.");
    command.add_flag("--update", options->update, "Replace existing namespace if it exists.");
    add_write_options(command, options->write);
    add_repo_argument(command, options->repo);
    command.add_option("NAMESPACE", options->ns, "Namespace to store; the current one is shown when missing.");
    run = [options] { return set_namespace(*options, std::cout); };
}

}  // namespace butler_migrate::cli
