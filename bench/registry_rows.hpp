// The rows of a benchmark registry: deterministic datasets, trash and attribute rows, shared by both writers.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace bench {

struct RegistrySize {
    long long datasets = 1000000;
    long long trash = -1;      // rows of dataset_location_trash; -1: as many as datasets
    long long locations = -1;  // rows of dataset_location; -1: as many as datasets
    int dataset_types = 10;
    int runs = 20;
};

struct DatasetRow {
    std::string id;           // 32 hex digits
    int dataset_type_id;
    std::string ingest_date;  // "YYYY-MM-DD HH:MM:SS[.ffffff]", UTC
    int run_id;
};

// Dataset i of a registry: ids from a fixed seed, ingest dates spread over 2016-2026 (across the last leap
// second), one in ten without a fraction as CURRENT_TIMESTAMP writes them.
class DatasetGenerator {
public:
    explicit DatasetGenerator(const RegistrySize& size) : size_(size), random_(20240611) {}
    DatasetRow next(long long i);

private:
    RegistrySize size_;
    std::mt19937_64 random_;
};

// butler_attributes rows of a registry at datasets UUID 1.0.0 and datastores 0.2.0 (universe 4, daf_butler).
std::vector<std::pair<std::string, std::string>> attribute_rows();

// alembic_version rows, as `butler-migrate stamp` writes them for those managers.
std::vector<std::string> stamped_revisions();

}  // namespace bench
