// dimensions-config 380002bcbb26: daf_butler dimension universe 0 <-> 1.
//
// Universe 1 changes only the stored configuration, not the schema: config:dimensions.json gets version 1,
// a "namespace" key (always "daf_butler", the namespace of this tree, whatever --namespace says) and the
// healpix pixelization under "skypix". Downgrade sets version 0 and removes both keys again (an error if
// either is missing). No manager version is recorded for this tree: the version lives in the JSON itself.
#include "butler_migrate/core/dimensions_json.hpp"
#include "butler_migrate/core/step_context.hpp"

namespace butler_migrate::migrations {

namespace {

constexpr const char* kNamespace = "daf_butler";

}  // namespace

void upgrade_380002bcbb26(StepContext& context) {
    update_dimensions_json(context.attributes(), [](OrderedJson& config) {
        config["version"] = 1;
        config["namespace"] = kNamespace;
        OrderedJson healpix = OrderedJson::object();
        healpix["class"] = "lsst.sphgeom.HealpixPixelization";
        healpix["max_level"] = 17;
        pyjson::item(config, "skypix")["healpix"] = std::move(healpix);
    });
}

void downgrade_380002bcbb26(StepContext& context) {
    update_dimensions_json(context.attributes(), [](OrderedJson& config) {
        config["version"] = 0;
        pyjson::erase(config, "namespace");
        pyjson::erase(pyjson::item(config, "skypix"), "healpix");
    });
}

}  // namespace butler_migrate::migrations
