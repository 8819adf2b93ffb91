// Fuzz target: config:dimensions.json as the tool reads, edits and writes it (parse_json, python_json_dumps,
// the pyjson list/dict operations of the migrations).
//
// Input: the stored JSON text, optionally followed by a NUL byte and edit codes. Invariants: what
// python_json_dumps writes parses again and is written identically (json.dumps(json.loads(s)) is a fixed
// point), before and after the edits; failures are MigrationError with a one-line message.
#include <fuzzer/FuzzedDataProvider.h>

#include <iterator>
#include <string>

#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/python_json.hpp"
#include "fuzz_support.hpp"

using butler_migrate::OrderedJson;

namespace {

// json.dumps output must be a fixed point of loads + dumps.
void check_round_trip(const OrderedJson& value) {
    const std::string written = butler_migrate::python_json_dumps(value);
    OrderedJson again;
    try {
        again = butler_migrate::parse_json(written, "written JSON");
    } catch (const butler_migrate::Error& error) {
        fuzz_support::violated("written JSON does not parse: " + std::string(error.what()) + " in " + written);
    }
    if (butler_migrate::python_json_dumps(again) != written) fuzz_support::violated("JSON changed on rewrite: " + written);
}

// Somewhere in the document to edit: the root, or a member or element found by walking `steps` levels down.
OrderedJson& pick_node(OrderedJson& root, FuzzedDataProvider& codes) {
    OrderedJson* node = &root;
    for (int steps = codes.ConsumeIntegralInRange(0, 4); steps > 0 && !node->empty(); --steps) {
        if (!node->is_structured()) break;
        auto index = codes.ConsumeIntegralInRange<std::size_t>(0, node->size() - 1);
        node = &*std::next(node->begin(), static_cast<std::ptrdiff_t>(index));
    }
    return *node;
}

OrderedJson small_value(FuzzedDataProvider& codes) {
    switch (codes.ConsumeIntegralInRange(0, 4)) {
        case 0: return codes.ConsumeIntegral<long long>();
        case 1: return codes.ConsumeBool();
        case 2: return nullptr;
        case 3: return OrderedJson::array({"visit", 1.5});
        default: {  // the migrations insert ASCII literals: Python strings are never invalid UTF-8
            std::string text = codes.ConsumeRandomLengthString(16);
            for (char& c : text) c = static_cast<char>(c & 0x7F);
            return text;
        }
    }
}

void apply_edit(OrderedJson& root, FuzzedDataProvider& codes) {
    namespace pyjson = butler_migrate::pyjson;
    OrderedJson& node = pick_node(root, codes);
    // The migrations name their keys in the code: a few of them, and one that is never there.
    static const char* const keys[] = {"elements", "version", "requires", "implied", "keys", "absent"};
    std::string key = keys[codes.ConsumeIntegralInRange<std::size_t>(0, std::size(keys) - 1)];
    switch (codes.ConsumeIntegralInRange(0, 7)) {
        case 0: (void)pyjson::item(node, key); break;
        case 1: pyjson::erase(node, key); break;
        case 2: pyjson::insert(node, codes.ConsumeIntegral<std::ptrdiff_t>(), small_value(codes)); break;
        case 3: pyjson::append(node, small_value(codes)); break;
        case 4: pyjson::remove(node, node.is_array() && !node.empty() && codes.ConsumeBool() ? OrderedJson(node.back())
                                                                                           : small_value(codes));
            break;
        case 5: (void)pyjson::equals_number(node, codes.ConsumeIntegral<long long>()); break;
        case 6: (void)pyjson::str(node); break;
        default: pyjson::item(node, key) = small_value(codes); break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto parts = fuzz_support::split(fuzz_support::as_text(data, size), std::string_view("\0", 1), 2);
    OrderedJson config;
    try {
        config = butler_migrate::parse_json(parts[0], butler_migrate::kDimensionsJsonKey);
    } catch (const butler_migrate::Error& error) {
        fuzz_support::check_one_line(error, fuzz_support::as_text(data, size));
        return 0;
    }
    check_round_trip(config);
    if (parts.size() < 2) return 0;
    FuzzedDataProvider codes(reinterpret_cast<const std::uint8_t*>(parts[1].data()), parts[1].size());
    while (codes.remaining_bytes() > 0) {
        try {
            apply_edit(config, codes);
        } catch (const butler_migrate::Error& error) {
            fuzz_support::check_one_line(error, fuzz_support::as_text(data, size));
        }
    }
    check_round_trip(config);
    return 0;
}
