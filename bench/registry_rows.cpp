// Deterministic rows of a benchmark registry.
#include "registry_rows.hpp"

#include <cstdio>
#include <ctime>

namespace bench {

namespace {

constexpr long long kFirstIngest = 1451606400;  // 2016-01-01T00:00:00Z
constexpr long long kIngestSpan = 11LL * 365 * 86400;

std::string utc_text(long long seconds, long long micros, bool with_fraction) {
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[40];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &tm);
    std::string text(buffer);
    if (with_fraction) {
        std::snprintf(buffer, sizeof buffer, ".%06lld", micros);
        text += buffer;
    }
    return text;
}

}  // namespace

DatasetRow DatasetGenerator::next(long long i) {
    const uint64_t high = random_(), low = random_(), when = random_();
    char id[33];
    std::snprintf(id, sizeof id, "%016llx%016llx", static_cast<unsigned long long>(high),
                  static_cast<unsigned long long>(low));
    const long long seconds = kFirstIngest + static_cast<long long>(when % kIngestSpan);
    const long long micros = static_cast<long long>((when >> 40) % 1000000);
    return DatasetRow{id, static_cast<int>(i % size_.dataset_types) + 1, utc_text(seconds, micros, i % 10 != 0),
                      static_cast<int>((i / 1000) % size_.runs) + 1};
}

std::vector<std::pair<std::string, std::string>> attribute_rows() {
    const std::string reg = "lsst.daf.butler.registry.";
    return {
        {"config:registry.managers.attributes", reg + "attributes.DefaultButlerAttributeManager"},
        {"config:registry.managers.dimensions", reg + "dimensions.static.StaticDimensionRecordStorageManager"},
        {"config:registry.managers.collections", reg + "collections.synthIntKey.SynthIntKeyCollectionManager"},
        {"config:registry.managers.datasets", reg + "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID"},
        {"config:registry.managers.opaque", reg + "opaque.ByNameOpaqueTableStorageManager"},
        {"config:registry.managers.datastores", reg + "bridge.monolithic.MonolithicDatastoreRegistryBridgeManager"},
        {"version:" + reg + "attributes.DefaultButlerAttributeManager", "1.0.1"},
        {"version:" + reg + "dimensions.static.StaticDimensionRecordStorageManager", "6.0.2"},
        {"version:" + reg + "collections.synthIntKey.SynthIntKeyCollectionManager", "2.0.0"},
        {"version:" + reg + "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManagerUUID", "1.0.0"},
        {"version:" + reg + "opaque.ByNameOpaqueTableStorageManager", "0.2.0"},
        {"version:" + reg + "bridge.monolithic.MonolithicDatastoreRegistryBridgeManager", "0.2.0"},
        {"config:dimensions.json", R"({"version": 4, "namespace": "daf_butler", "skypix": {}, "elements": {}})"},
    };
}

std::vector<std::string> stamped_revisions() {
    // attributes 1.0.1, dimensions 6.0.2, collections SynthInt 2.0.0, datasets UUID 1.0.0, opaque 0.2.0,
    // datastores 0.2.0, dimensions-config daf_butler 4.
    return {"c0e4f9ab4a5d", "035dcf13ef18", "8c57494cabcc", "2101fbf51ad3", "77e5b803ad3f", "a07b3b60e369",
            "9888256c6a18"};
}

}  // namespace bench
