// Fuzz target: butler.yaml resolution (load_butler_config + registry_location) from files written by the input.
//
// Input: up to five files separated by lines "#--": butler.yaml, registry.yaml, sub/base.yaml, sub/over.json,
// sub/db.yaml, all in one scratch folder, where `!include` and includeConfigs find them.
#include <cstdlib>
#include <exception>
#include <string>

#include "butler_migrate/config/butler_config.hpp"
#include "butler_migrate/util/errors.hpp"
#include "fuzz_support.hpp"

namespace {

const char* const kFileNames[] = {"butler.yaml", "registry.yaml", "sub/base.yaml", "sub/over.json", "sub/db.yaml"};

const fuzz_support::ScratchFolder& scratch() {
    static const fuzz_support::ScratchFolder folder = [] {
        for (const char* name : {"DAF_BUTLER_CONFIG_PATH", "DAF_BUTLER_REPOSITORY_INDEX", "DAF_BUTLER_REPOSITORIES",
                                 "LSST_DB_AUTH_CREDENTIALS"}) {
            unsetenv(name);
        }
        return fuzz_support::ScratchFolder();
    }();
    return folder;
}

// Credentials that match some of the seeds' URLs, so the lookup runs past the first entry.
butler_migrate::DbAuth fixed_auth() {
    return butler_migrate::DbAuth({
        {std::string("postgresql://*.example.org/*"), std::string("fuzz"), std::string("pw-one")},
        {std::string("postgresql://user@[::1]:5432/reg*"), std::nullopt, std::string("pw-two")},
        {std::string("postgresql://localhost/"), std::nullopt, std::string("pw-three")},
    });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fuzz_support::ScratchFolder& folder = scratch();
    folder.clear();
    auto parts = fuzz_support::split(fuzz_support::as_text(data, size), "\n#--\n", std::size(kFileNames));
    for (std::size_t i = 0; i < parts.size(); ++i) folder.write(kFileNames[i], parts[i]);
    try {
        butler_migrate::ButlerConfig config = butler_migrate::load_butler_config(folder.path());
        butler_migrate::RegistryLocation location = butler_migrate::registry_location(config, fixed_auth());
        (void)location.url.render(true);
        (void)location.url.render(false);
    } catch (const butler_migrate::Error& error) {
        fuzz_support::check_one_line(error, fuzz_support::as_text(data, size));
    }
    return 0;
}
