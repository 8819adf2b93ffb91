// Benchmark registry generator: a Butler registry with N datasets at datasets UUID 1.0.0 / datastores 0.2.0,
// stamped, on SQLite or PostgreSQL; with --layout oneshot a 2021-era registry (NameKey collections, integer
// dataset ids) for the one-shot steps; also prints the SQLite conversion expressions for the floor SQL files.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "butler_migrate/steps/tai_time.hpp"
#include "oneshot_writers.hpp"
#include "registry_writers.hpp"

namespace {

const char* const kUsage =
    "usage: make_registry sqlite REPO_DIR [--datasets N] [--trash N] [--locations N]\n"
    "       make_registry postgresql REPO_DIR --url URL [--schema NS] [--datasets N] [--trash N] [--locations N]\n"
    "       make_registry sql-expression utc-to-tai|tai-to-utc COLUMN\n"
    "Defaults: 1,000,000 datasets, as many trash and location rows, schema 'bench'.\n"
    "--layout oneshot [--collections N] [--tagged N] [--raw-id-map FILE]: the 2021-era registry of the one-shot\n"
    "steps (N datasets over 20 runs, 2,000 collections, N/5 tagged associations); FILE gets the raw datasets'\n"
    "uuid5 ids as id,uuid lines for the floor scripts.\n";

struct Options {
    std::string backend;
    std::string repo;
    std::string url;
    std::string schema = "bench";
    bench::RegistrySize size;
    bool oneshot = false;
    bench::oneshot::Size oneshot_size;
    std::string raw_id_map;
};

long long count_argument(const std::string& text) {
    std::size_t used = 0;
    long long value = std::stoll(text, &used);
    if (used != text.size() || value < 0) throw std::invalid_argument("not a row count: " + text);
    return value;
}

Options parse(int argc, char** argv) {
    if (argc < 3) throw std::invalid_argument("missing arguments");
    Options options;
    options.backend = argv[1];
    options.repo = argv[2];
    for (int i = 3; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) throw std::invalid_argument("missing value after " + flag);
        const std::string value = argv[++i];
        if (flag == "--datasets") options.size.datasets = count_argument(value);
        else if (flag == "--trash") options.size.trash = count_argument(value);
        else if (flag == "--locations") options.size.locations = count_argument(value);
        else if (flag == "--url") options.url = value;
        else if (flag == "--schema") options.schema = value;
        else if (flag == "--layout" && (value == "oneshot" || value == "uuid")) options.oneshot = value == "oneshot";
        else if (flag == "--collections") options.oneshot_size.collections = static_cast<int>(count_argument(value));
        else if (flag == "--tagged") options.oneshot_size.tagged_associations = count_argument(value);
        else if (flag == "--raw-id-map") options.raw_id_map = value;
        else throw std::invalid_argument("unknown option " + flag);
    }
    if (options.size.trash < 0) options.size.trash = options.size.datasets;
    if (options.size.locations < 0 || options.size.locations > options.size.datasets) {
        options.size.locations = options.size.datasets;
    }
    options.oneshot_size.datasets = options.size.datasets;
    if (options.backend == "postgresql" && options.url.empty()) throw std::invalid_argument("--url is required");
    if (options.backend != "sqlite" && options.backend != "postgresql") {
        throw std::invalid_argument("unknown backend " + options.backend);
    }
    return options;
}

void write_butler_yaml(const Options& options) {
    std::ofstream yaml(options.repo + "/butler.yaml");
    if (options.backend == "sqlite") {
        yaml << "registry:\n  db: sqlite:///<butlerRoot>/gen3.sqlite3\n";
    } else {
        yaml << "registry:\n  db: " << options.url << "\n  namespace: " << options.schema << "\n";
    }
    if (!yaml) throw std::runtime_error("cannot write " + options.repo + "/butler.yaml");
}

int print_expression(const std::string& direction, const std::string& column) {
    namespace tai = butler_migrate::tai_time;
    if (direction == "utc-to-tai") std::cout << tai::sqlite_utc_text_to_tai_ns(column) << "\n";
    else if (direction == "tai-to-utc") std::cout << tai::sqlite_tai_ns_to_utc_text(column) << "\n";
    else throw std::invalid_argument("unknown direction " + direction);
    return 0;
}

void write_oneshot(const Options& options) {
    namespace os = bench::oneshot;
    const os::Backend backend = options.backend == "sqlite" ? os::Backend::sqlite : os::Backend::postgresql;
    if (backend == os::Backend::sqlite) os::write_sqlite_registry(options.repo + "/gen3.sqlite3", options.oneshot_size);
    else os::write_postgres_registry(options.url, options.schema, options.oneshot_size);
    if (!options.raw_id_map.empty()) {
        std::ofstream out(options.raw_id_map);
        os::write_raw_id_map(options.oneshot_size, backend, out);
        if (!out) throw std::runtime_error("cannot write " + options.raw_id_map);
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc == 4 && std::string(argv[1]) == "sql-expression") return print_expression(argv[2], argv[3]);
        Options options = parse(argc, argv);
        const auto start = std::chrono::steady_clock::now();
        if (options.oneshot) {
            write_oneshot(options);
        } else if (options.backend == "sqlite") {
            bench::write_sqlite_registry(options.repo + "/gen3.sqlite3", options.size);
        } else {
            bench::write_postgres_registry(options.url, options.schema, options.size);
        }
        write_butler_yaml(options);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        std::cerr << "make_registry: " << options.size.datasets << " datasets, ";
        if (options.oneshot) std::cerr << options.oneshot_size.collections << " collections, 2021 layout";
        else std::cerr << options.size.trash << " trash rows";
        std::cerr << " (" << options.backend << ") in " << took.count() << " s\n";
        return 0;
    } catch (const std::invalid_argument& e) {
        std::cerr << "make_registry: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "make_registry: error: " << e.what() << "\n";
        return 1;
    }
}
