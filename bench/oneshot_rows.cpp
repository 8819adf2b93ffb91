// Deterministic rows of the 2021-era benchmark registry. Layout: datasets 1..N spread over the runs in blocks;
// in each run slot 0 is a `packages` dataset (no dimensions), slots 1-100 `bias` (one per detector), 101-600
// `flat` (detector x 5 filters), then `raw` and `calexp` alternately on (detector, exposure) data ids. Every
// dataset is tagged into its run (as daf_butler 2021 did), tagged collections take blocks of raw/calexp
// datasets, calibration collections certify the bias and flat datasets of two runs each.
#include "oneshot_rows.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "butler_migrate/core/revision_id.hpp"

namespace bench::oneshot {

namespace {

constexpr int kDetectors = 100;
constexpr int kFilters = 5;
constexpr int kFirstSlot = 1 + kDetectors + kDetectors * kFilters;  // first raw/calexp slot
const char* const kInstrument = "HSC";
const char* const kFilterNames[kFilters] = {"HSC-G", "HSC-R", "HSC-I", "HSC-Z", "HSC-Y"};
const char* const kBands[kFilters] = {"g", "r", "i", "z", "y"};

enum Type { packages = 1, bias, flat, raw, calexp };
struct TypeInfo { const char* name; const char* storage_class; int dimensions_key; bool calibration; };
const TypeInfo kTypes[] = {{"", "", 0, false},
                           {"packages", "Packages", 0, false},
                           {"bias", "ExposureF", 2, true},
                           {"flat", "ExposureF", 3, true},
                           {"raw", "Exposure", 1, false},
                           {"calexp", "ExposureF", 1, false}};

// Where datasets, runs and collections are.
struct Layout {
    explicit Layout(const Size& s) : size(s) {
        per_run = std::max(1LL, s.datasets / s.runs);
        tagged = std::max(0, s.collections - s.runs - s.calibration_collections - s.chained_collections);
        long long per_tagged = tagged ? s.tagged_associations / tagged : 0;
        long long tagged_per_run = tagged ? (tagged + s.runs - 1) / s.runs : 1;
        per_tagged = std::min(per_tagged, s.datasets / 5 / std::max(1, tagged));
        per_tagged = std::min(per_tagged, std::max(0LL, per_run - kFirstSlot) / tagged_per_run);
        block = std::max(0LL, per_tagged);
    }
    int run_of(long long i) const { return static_cast<int>(std::min<long long>(i / per_run, size.runs - 1)); }
    long long first_of_run(int run) const { return run * per_run; }
    long long slots(int run) const { return run == size.runs - 1 ? size.datasets - run * per_run : std::min(per_run, size.datasets - run * per_run); }
    static Type type_of(long long slot) {
        if (slot == 0) return packages;
        if (slot < 1 + kDetectors) return bias;
        if (slot < kFirstSlot) return flat;
        return (slot - kFirstSlot) % 2 == 0 ? raw : calexp;
    }
    bool run_has(int run, Type type) const {
        const long long n = slots(run);
        switch (type) {
            case packages: return n > 0;
            case bias: return n > 1;
            case flat: return n > 1 + kDetectors;
            case raw: return n > kFirstSlot;
            default: return n > kFirstSlot + 1;
        }
    }
    std::string run_name(int run) const { return fmt::format("HSC/raw/run{:02d}", run); }
    std::string calib_name(int c) const { return fmt::format("HSC/calib/c{:02d}", c); }
    std::string tagged_name(int t) const { return fmt::format("HSC/tagged/t{:04d}", t); }
    std::string chain_name(int c) const { return fmt::format("HSC/chain/c{:02d}", c); }

    const Size& size;
    long long per_run;
    int tagged;
    long long block;  // raw/calexp datasets per tagged collection
};

// The data id of a dataset, as (dimension, value) in the order of its tags table's columns.
Row data_id(int run, long long slot) {
    switch (Layout::type_of(slot)) {
        case packages: return {};
        case bias: return {std::string(kInstrument), slot - 1};
        case flat: {
            long long k = slot - 1 - kDetectors;
            return {std::string(kInstrument), k % kDetectors, std::string(kFilterNames[k / kDetectors])};
        }
        default: {
            long long k = (slot - kFirstSlot) / 2;
            return {std::string(kInstrument), k % kDetectors, (run + 1) * 100000LL + k / kDetectors};
        }
    }
}

long long exposures_of_run(const Layout& l, int run) {
    long long pairs = (std::max(0LL, l.slots(run) - kFirstSlot) + 1) / 2;
    return (pairs + kDetectors - 1) / kDetectors;
}

void write_dimensions(const Layout& l, RowSink& sink) {
    sink.begin("instrument", {"name", "visit_max", "exposure_max", "detector_max", "class_name"});
    sink.row({std::string(kInstrument), 99999999LL, 99999999LL, 200LL, std::string("lsst.obs.subaru.HyperSuprimeCam")});
    sink.begin("physical_filter", {"instrument", "name", "band"});
    for (int f = 0; f < kFilters; ++f) sink.row({std::string(kInstrument), std::string(kFilterNames[f]), std::string(kBands[f])});
    sink.begin("detector", {"instrument", "id", "full_name", "name_in_raft", "raft", "purpose"});
    for (int d = 0; d < kDetectors; ++d) {
        sink.row({std::string(kInstrument), static_cast<long long>(d), fmt::format("{}_{:02d}", d / 10, d % 10),
                  fmt::format("{:02d}", d % 10), fmt::format("{}", d / 10), std::string("SCIENCE")});
    }
    sink.begin("exposure", {"instrument", "id", "physical_filter", "obs_id", "exposure_time", "observation_type", "day_obs", "seq_num"});
    for (int run = 0; run < l.size.runs; ++run) {
        for (long long e = 0; e < exposures_of_run(l, run); ++e) {
            long long id = (run + 1) * 100000LL + e;
            sink.row({std::string(kInstrument), id, std::string(kFilterNames[e % kFilters]), fmt::format("HSCA{:08d}", id),
                      Value(std::string("30.0")), std::string("science"), 20210101LL + run, e});
        }
    }
}

void write_collections(const Layout& l, RowSink& sink) {
    sink.begin("collection", {"name", "type", "doc"});
    for (int r = 0; r < l.size.runs; ++r) sink.row({l.run_name(r), 1LL, {}});
    for (int c = 0; c < l.size.calibration_collections; ++c) sink.row({l.calib_name(c), 4LL, {}});
    for (int t = 0; t < l.tagged; ++t) sink.row({l.tagged_name(t), 2LL, std::string("tagged for review")});
    for (int c = 0; c < l.size.chained_collections; ++c) sink.row({l.chain_name(c), 3LL, {}});
    sink.begin("run", {"name", "host"});
    for (int r = 0; r < l.size.runs; ++r) sink.row({l.run_name(r), std::string("bench.example.org")});
    sink.begin("collection_chain", {"parent", "position", "child"});
    for (int c = 0; c < l.size.chained_collections; ++c) {
        std::vector<std::string> children = {l.run_name(c % l.size.runs)};
        if (l.size.calibration_collections) children.push_back(l.calib_name(c % l.size.calibration_collections));
        if (c < l.tagged) children.push_back(l.tagged_name(c));
        if (c >= l.size.chained_collections / 2) children.push_back(l.chain_name(c - l.size.chained_collections / 2));
        for (std::size_t p = 0; p < children.size(); ++p) sink.row({l.chain_name(c), static_cast<long long>(p), children[p]});
    }
}

void write_dataset_types(RowSink& sink) {
    sink.begin("dataset_type", {"id", "name", "storage_class", "dimensions_key", "tag_association_table", "calibration_association_table"});
    for (int t = packages; t <= calexp; ++t) {
        const TypeInfo& info = kTypes[t];
        Value calibs = info.calibration ? Value(calibs_table(info.dimensions_key)) : Value();
        sink.row({static_cast<long long>(t), std::string(info.name), std::string(info.storage_class),
                  static_cast<long long>(info.dimensions_key), tags_table(info.dimensions_key), calibs});
    }
}

// Dataset types in a tagged collection: its run's packages, then its block of raw/calexp.
std::vector<Type> tagged_types(const Layout& l) {
    std::vector<Type> types = {packages};
    if (l.block >= 1) types.push_back(raw);
    if (l.block >= 2) types.push_back(calexp);
    return types;
}

void write_summaries(const Layout& l, RowSink& sink) {
    sink.begin("collection_summary_dataset_type", {"collection_name", "dataset_type_id"});
    for (int r = 0; r < l.size.runs; ++r) {
        for (int t = packages; t <= calexp; ++t)
            if (l.run_has(r, static_cast<Type>(t))) sink.row({l.run_name(r), static_cast<long long>(t)});
    }
    for (int c = 0; c < l.size.calibration_collections; ++c) {
        for (Type t : {bias, flat}) sink.row({l.calib_name(c), static_cast<long long>(t)});
    }
    for (int t = 0; t < l.tagged; ++t) {
        for (Type type : tagged_types(l)) sink.row({l.tagged_name(t), static_cast<long long>(type)});
    }
    sink.begin("collection_summary_instrument", {"collection_name", "instrument"});
    for (int r = 0; r < l.size.runs; ++r) sink.row({l.run_name(r), std::string(kInstrument)});
    for (int c = 0; c < l.size.calibration_collections; ++c) sink.row({l.calib_name(c), std::string(kInstrument)});
    for (int t = 0; t < l.tagged; ++t) sink.row({l.tagged_name(t), std::string(kInstrument)});
}

std::string ingest_date(long long i) {
    long long s = i % 86400;
    return fmt::format("2021-05-{:02d} {:02d}:{:02d}:{:02d}.{:06d}", 1 + (i / 86400) % 28, s / 3600, s / 60 % 60, s % 60, (i * 7919) % 1000000);
}

void write_datasets(const Layout& l, RowSink& sink) {
    sink.begin("dataset", {"id", "dataset_type_id", "ingest_date", "run_name"});
    for (long long i = 0; i < l.size.datasets; ++i) {
        int run = l.run_of(i);
        sink.row({i + 1, static_cast<long long>(Layout::type_of(i - l.first_of_run(run))), ingest_date(i), l.run_name(run)});
    }
}

// One association row: dataset_type_id, dataset_id, collection_name, data id.
Row association(const Layout& l, long long i, const std::string& collection) {
    int run = l.run_of(i);
    long long slot = i - l.first_of_run(run);
    Row row = {static_cast<long long>(Layout::type_of(slot)), i + 1, collection};
    for (auto& v : data_id(run, slot)) row.push_back(std::move(v));
    return row;
}

std::vector<std::string> association_columns(const DimensionSet& set) {
    std::vector<std::string> columns = {"dataset_type_id", "dataset_id", "collection_name"};
    columns.insert(columns.end(), set.dimensions.begin(), set.dimensions.end());
    return columns;
}

void write_tags(const Layout& l, const DimensionSet& set, RowSink& sink) {
    sink.begin(tags_table(set.key), association_columns(set));
    for (long long i = 0; i < l.size.datasets; ++i) {
        int run = l.run_of(i);
        if (kTypes[Layout::type_of(i - l.first_of_run(run))].dimensions_key == set.key) sink.row(association(l, i, l.run_name(run)));
    }
    for (int t = 0; t < l.tagged; ++t) {
        const int run = t % l.size.runs;
        const long long first = l.first_of_run(run);
        if (set.key == 0 && l.run_has(run, packages)) sink.row(association(l, first, l.tagged_name(t)));
        if (set.key != 1) continue;
        const long long start = first + kFirstSlot + (t / l.size.runs) * l.block;
        for (long long k = 0; k < l.block && start + k < first + l.slots(run); ++k) sink.row(association(l, start + k, l.tagged_name(t)));
    }
}

void write_calibs(const Layout& l, const DimensionSet& set, RowSink& sink) {
    std::vector<std::string> columns = association_columns(set);
    columns.insert(columns.begin(), "id");
    if (sink.backend() == Backend::sqlite) { columns.push_back("timespan_begin"); columns.push_back("timespan_end"); }
    else columns.push_back("timespan");
    sink.begin(calibs_table(set.key), columns);
    long long id = 0;
    const Type type = set.key == 2 ? bias : flat;
    for (int c = 0; c < l.size.calibration_collections; ++c) {
        for (int half = 0; half < 2; ++half) {
            const int run = (2 * c + half) % l.size.runs;
            const long long begin = 1609459200000000000LL + (2LL * c + half) * 86400000000000LL;
            const long long end = begin + 86400000000000LL;
            for (long long slot = 0; slot < std::min<long long>(l.slots(run), kFirstSlot); ++slot) {
                if (Layout::type_of(slot) != type) continue;
                Row row;
                row.emplace_back(std::in_place_type<long long>, ++id);
                for (auto& v : association(l, l.first_of_run(run) + slot, l.calib_name(c))) row.push_back(std::move(v));
                if (sink.backend() == Backend::sqlite) {
                    row.emplace_back(std::in_place_type<long long>, begin);
                    row.emplace_back(std::in_place_type<long long>, end);
                } else {
                    row.emplace_back(std::in_place_type<std::string>, fmt::format("[{},{})", begin, end));
                }
                sink.row(row);
            }
        }
    }
}

void write_datastore(const Layout& l, RowSink& sink) {
    const std::string datastore = "FileDatastore@<butlerRoot>";
    sink.begin("dataset_location", {"datastore_name", "dataset_id"});
    for (long long i = 0; i < l.size.datasets; ++i) sink.row({datastore, i + 1});
    sink.begin("dataset_location_trash", {"datastore_name", "dataset_id"});
    for (long long i = 0; i < l.size.trashed; ++i) sink.row({datastore, l.size.datasets + i + 1});
    sink.begin("file_datastore_records", {"dataset_id", "path", "formatter", "storage_class", "component", "file_size"});
    for (long long i = 0; i < l.size.datasets + l.size.trashed; ++i) {
        const bool trashed = i >= l.size.datasets;
        const int run = trashed ? 0 : l.run_of(i);
        const TypeInfo& type = kTypes[trashed ? calexp : Layout::type_of(i - l.first_of_run(run))];
        sink.row({i + 1, fmt::format("{}/{}/{}_{}.fits", l.run_name(run), type.name, type.name, i + 1),
                  std::string("lsst.obs.base.formatters.fitsExposure.FitsExposureFormatter"), std::string(type.storage_class),
                  std::string("__NULL_STRING__"), 1000000 + i % 1000});
    }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> attribute_rows() {
    const std::string reg = "lsst.daf.butler.registry.";
    const std::vector<std::pair<std::string, std::string>> managers = {
        {"attributes", "attributes.DefaultButlerAttributeManager"},
        {"dimensions", "dimensions.static.StaticDimensionRecordStorageManager"},
        {"collections", "collections.nameKey.NameKeyCollectionManager"},
        {"datasets", "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManager"},
        {"opaque", "opaque.ByNameOpaqueTableStorageManager"},
        {"datastores", "bridge.monolithic.MonolithicDatastoreRegistryBridgeManager"}};
    const char* const versions[] = {"1.0.0", "6.0.0", "2.0.0", "1.0.0", "0.2.0", "0.2.0"};
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& [manager, klass] : managers) rows.push_back({"config:registry.managers." + manager, reg + klass});
    for (std::size_t i = 0; i < managers.size(); ++i) {
        rows.push_back({"version:" + reg + managers[i].second, versions[i]});
        rows.push_back({"schema_digest:" + reg + managers[i].second, std::string(32, '0')});
    }
    rows.push_back({"config:dimensions.json", R"({"version": 0, "namespace": "daf_butler", "skypix": {}, "elements": {}})"});
    return rows;
}

std::vector<std::string> stamped_revisions() {
    using butler_migrate::rev_id;
    return {rev_id({"attributes", "DefaultButlerAttributeManager", "1.0.0"}),
            rev_id({"dimensions", "StaticDimensionRecordStorageManager", "6.0.0"}),
            rev_id({"collections", "NameKeyCollectionManager", "2.0.0"}),
            rev_id({"datasets", "ByDimensionsDatasetRecordStorageManager", "1.0.0"}),
            rev_id({"opaque", "ByNameOpaqueTableStorageManager", "0.2.0"}),
            rev_id({"datastores", "MonolithicDatastoreRegistryBridgeManager", "0.2.0"}),
            rev_id({"dimensions-config", "daf_butler", "0"})};
}

void write_rows(const Size& size, RowSink& sink) {
    const Layout layout(size);
    sink.begin("butler_attributes", {"name", "value"});
    for (const auto& [name, value] : attribute_rows()) sink.row({name, value});
    sink.begin("alembic_version", {"version_num"});
    for (const auto& revision : stamped_revisions()) sink.row({revision});
    write_dimensions(layout, sink);
    write_collections(layout, sink);
    write_dataset_types(sink);
    write_summaries(layout, sink);
    write_datasets(layout, sink);
    for (const auto& set : dimension_sets()) {
        write_tags(layout, set, sink);
        if (set.calibration) write_calibs(layout, set, sink);
    }
    write_datastore(layout, sink);
    sink.finish();
}

void write_raw_id_map(const Size& size, Backend backend, std::ostream& out) {
    const Layout l(size);
    for (long long i = 0; i < size.datasets; ++i) {
        const int run = l.run_of(i);
        const long long slot = i - l.first_of_run(run);
        if (Layout::type_of(slot) != raw) continue;
        const Row id = data_id(run, slot);  // instrument, detector, exposure
        // The name upstream hashes: dataset type, run, then the data id sorted by key.
        std::string name = fmt::format("dataset_type=raw,run={},detector={},exposure={},instrument={}", l.run_name(run),
                                       std::get<long long>(id[1]), std::get<long long>(id[2]), std::get<std::string>(id[0]));
        std::string uuid = butler_migrate::uuid5(butler_migrate::kRevisionNamespace, name);
        if (backend == Backend::sqlite) uuid.erase(std::remove(uuid.begin(), uuid.end(), '-'), uuid.end());
        out << (i + 1) << ',' << uuid << '\n';
    }
}

}  // namespace bench::oneshot
