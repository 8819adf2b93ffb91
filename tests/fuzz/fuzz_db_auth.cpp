// Fuzz target: database URLs and db-auth.yaml / LSST_DB_AUTH_CREDENTIALS parsing and the credentials lookup.
//
// Input: the connection URL on the first line, then the credentials text (YAML list of url/username/password
// mappings, or a JSON array of objects). The URL is parsed and rendered; the text is read both as a
// db-auth.yaml file (mode 0600) and as the JSON variable; every entry list is searched for the URL.
#include <sys/stat.h>

#include <exception>
#include <string>

#include "butler_migrate/config/db_auth.hpp"
#include "butler_migrate/config/db_url.hpp"
#include "butler_migrate/util/errors.hpp"
#include "fuzz_support.hpp"

namespace {

const fuzz_support::ScratchFolder& scratch() {
    static const fuzz_support::ScratchFolder folder;
    return folder;
}

void look_up(const butler_migrate::DbAuth& auth, const butler_migrate::DbUrl& url, std::string_view input) {
    try {
        (void)auth.find(url);
    } catch (const butler_migrate::Error& error) {
        fuzz_support::check_one_line(error, input);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fuzz_support::as_text(data, size);
    auto parts = fuzz_support::split(input, "\n", 2);
    const std::string& url_text = parts[0];
    const std::string credentials = parts.size() > 1 ? parts[1] : "";

    (void)butler_migrate::redact_url_text(url_text);
    butler_migrate::DbUrl url;
    try {
        url = butler_migrate::DbUrl::parse(url_text);
        (void)url.render(true);
    } catch (const butler_migrate::Error& error) {
        fuzz_support::check_one_line(error, input);
        url = butler_migrate::DbUrl{"postgresql", "", std::string("fuzz"), std::nullopt,
                                    std::string("db.example.org"), std::string("5432"), std::string("registry"), {}};
    }

    // What render writes, parse reads again.
    try {
        (void)butler_migrate::DbUrl::parse(url.render(false));
    } catch (const butler_migrate::Error& error) {
        fuzz_support::violated("rendered URL does not parse again: " + std::string(error.what()));
    }

    std::string file = scratch().write("db-auth.yaml", credentials);
    chmod(file.c_str(), 0600);
    try {
        look_up(butler_migrate::DbAuth::from_file(file), url, input);
    } catch (const butler_migrate::Error& error) {
        fuzz_support::check_one_line(error, input);
    }
    try {
        look_up(butler_migrate::DbAuth::from_json(credentials), url, input);
    } catch (const butler_migrate::Error& error) {
        fuzz_support::check_one_line(error, input);
    }
    return 0;
}
