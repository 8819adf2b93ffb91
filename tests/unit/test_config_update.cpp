// butler.yaml after a one-shot migration: the manager classes, the minimal text edit, the .bak copy, refusals.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <regex>
#include <set>

#include "butler_migrate/config/config_update.hpp"
#include "butler_migrate/migrations/catalogue.hpp"
#include "butler_migrate/util/errors.hpp"
#include "test_support.hpp"

using namespace butler_migrate;
using test_support::read_file;
using test_support::TempDir;
using test_support::write_file;

namespace fs = std::filesystem;

namespace {

// The class names as daf_butler writes them into a new repository's butler.yaml (see the fixtures).
const std::string kSynthIntKey = "lsst.daf.butler.registry.collections.synthIntKey.SynthIntKeyCollectionManager";
const std::string kNameKey = "lsst.daf.butler.registry.collections.nameKey.NameKeyCollectionManager";
const std::string kUuid = "lsst.daf.butler.registry.datasets.byDimensions.ByDimensionsDatasetRecordStorageManagerUUID";
const std::string kIntIds = "lsst.daf.butler.registry.datasets.byDimensions.ByDimensionsDatasetRecordStorageManager";

const ManagerConfigChange kCollections{"collections", kSynthIntKey};
const ManagerConfigChange kDatasets{"datasets", kUuid};

std::set<std::string> files_in(const TempDir& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir.path())) names.insert(entry.path().filename().string());
    return names;
}

// Writes `before` as butler.yaml, applies `change`, and checks the new text and the .bak copy.
void check_edit(const std::string& before, const std::string& after, const ManagerConfigChange& change = kCollections) {
    TempDir dir;
    write_file(dir.file("butler.yaml"), before);
    fs::path backup = apply_config_change(dir.path(), change);
    CHECK(read_file(dir.file("butler.yaml")) == after);
    REQUIRE_FALSE(backup.empty());
    CHECK(backup.parent_path() == fs::path(dir.path()));
    CHECK(std::regex_match(backup.filename().string(), std::regex(R"(butler\.yaml\.\d{8}T\d{6}Z\.bak)")));
    CHECK(read_file(backup.string()) == before);
    CHECK(files_in(dir) == std::set<std::string>{"butler.yaml", backup.filename().string()});
}

// Writes `text` as butler.yaml (plus `extra` files), applies the collections change, and checks that it is
// refused with the line to write by hand, leaving the folder as it was.
void check_refused(const std::string& text, const std::vector<std::pair<std::string, std::string>>& extra = {},
                   const std::string& reason = "") {
    TempDir dir;
    write_file(dir.file("butler.yaml"), text);
    for (const auto& [name, content] : extra) write_file(dir.file(name), content);
    const auto files_before = files_in(dir);
    try {
        apply_config_change(dir.path(), kCollections);
        FAIL("the change was applied to:\n" << text);
    } catch (const ConfigError& e) {
        const std::string message = e.what();
        CHECK_THAT(message, Catch::Contains("collections: " + kSynthIntKey));
        CHECK_THAT(message, Catch::Contains(dir.file("butler.yaml")));
        CHECK_THAT(message, Catch::Contains(reason));
        CHECK(message.find('\n') == std::string::npos);
    }
    CHECK(read_file(dir.file("butler.yaml")) == text);
    CHECK(files_in(dir) == files_before);
}

}  // namespace

// The change the catalogue's one-shot row `id` calls for (nullopt for every other id).
std::optional<ManagerConfigChange> one_shot_change(const std::string& id) {
    for (const Revision& revision : compiled_catalogue().revisions()) {
        if (revision.is_one_shot() && revision.id == id) return config_change_for(revision);
    }
    return std::nullopt;
}

TEST_CASE("config_change_for names the manager classes of the two one-shot revisions", "[config-update]") {
    auto collections = one_shot_change("8c57494cabcc");
    REQUIRE(collections);
    CHECK(collections->manager == "collections");
    CHECK(collections->new_class == kSynthIntKey);
    CHECK(collections->yaml_line() == "    collections: " + kSynthIntKey);
    auto datasets = one_shot_change("2101fbf51ad3");
    REQUIRE(datasets);
    CHECK(datasets->manager == "datasets");
    CHECK(datasets->new_class == kUuid);
    CHECK(datasets->yaml_line() == "    datasets: " + kUuid);
    for (const char* other : {"93341d68b814", "635083325f20", "4e2d7a28475b", "8c57494cabc", "8C57494CABCC", ""}) {
        CHECK_FALSE(one_shot_change(other));
    }
}

TEST_CASE("the new manager lines are the ones daf_butler writes into a new repository", "[config-update]") {
    // f2022_u2_dim602_default was created by daf_butler with the SynthIntKey and UUID managers.
    const std::string yaml = read_file(test_support::shared_path("fixtures/f2022_u2_dim602_default/butler.yaml"));
    CHECK_THAT(yaml, Catch::Contains("\n" + one_shot_change("8c57494cabcc")->yaml_line() + "\n"));
    CHECK_THAT(yaml, Catch::Contains("\n" + one_shot_change("2101fbf51ad3")->yaml_line() + "\n"));
}

TEST_CASE("both one-shot changes turn a 2021 butler.yaml into the one daf_butler writes today", "[config-update]") {
    TempDir dir;
    const std::string old_yaml = read_file(test_support::shared_path("fixtures/f2022_u1_dim601_int_name/butler.yaml"));
    write_file(dir.file("butler.yaml"), old_yaml);
    REQUIRE_FALSE(apply_config_change(dir.path(), *one_shot_change("8c57494cabcc")).empty());
    REQUIRE_FALSE(apply_config_change(dir.path() + "/butler.yaml", *one_shot_change("2101fbf51ad3")).empty());
    // The 2022 fixture has the same layout with the new classes.
    CHECK(read_file(dir.file("butler.yaml")) ==
          read_file(test_support::shared_path("fixtures/f2022_u2_dim602_default/butler.yaml")));
}

TEST_CASE("an existing manager value is replaced in place, comments and quoting kept", "[config-update]") {
    check_edit("# my repository\n"
               "registry:\n"
               "  db: sqlite:///<butlerRoot>/gen3.sqlite3   # the registry\n"
               "  managers:\n"
               "    # the old classes\n"
               "    collections: " + kNameKey + "   # name keys\n"
               "    datasets: \"" + kIntIds + "\"\n"
               "datastore:\n"
               "  root: <butlerRoot>\n",
               "# my repository\n"
               "registry:\n"
               "  db: sqlite:///<butlerRoot>/gen3.sqlite3   # the registry\n"
               "  managers:\n"
               "    # the old classes\n"
               "    collections: " + kSynthIntKey + "   # name keys\n"
               "    datasets: \"" + kIntIds + "\"\n"
               "datastore:\n"
               "  root: <butlerRoot>\n");
    check_edit("registry:\n"
               "    managers:\n"
               "        datasets: '" + kIntIds + "'  # ints\n"
               "        collections: " + kNameKey + "\n",
               "registry:\n"
               "    managers:\n"
               "        datasets: '" + kUuid + "'  # ints\n"
               "        collections: " + kNameKey + "\n",
               kDatasets);
}

TEST_CASE("CRLF line endings and a missing final newline are kept", "[config-update]") {
    check_edit("registry:\r\n  managers:\r\n    collections: " + kNameKey,
               "registry:\r\n  managers:\r\n    collections: " + kSynthIntKey);
    check_edit("registry:\r\n  managers:\r\n    datasets: x.Y\r\n",
               "registry:\r\n  managers:\r\n    datasets: x.Y\r\n    collections: " + kSynthIntKey + "\r\n");
}

TEST_CASE("a missing manager entry is added at the end of the managers block", "[config-update]") {
    check_edit("registry:\n"
               "  managers:\n"
               "    attributes: lsst.daf.butler.registry.attributes.DefaultButlerAttributeManager\n"
               "    datasets: " + kUuid + "\n"
               "    # trailing comment inside the block\n"
               "\n"
               "  db: sqlite:///<butlerRoot>/gen3.sqlite3\n"
               "datastore:\n"
               "  root: <butlerRoot>\n",
               "registry:\n"
               "  managers:\n"
               "    attributes: lsst.daf.butler.registry.attributes.DefaultButlerAttributeManager\n"
               "    datasets: " + kUuid + "\n"
               "    collections: " + kSynthIntKey + "\n"
               "    # trailing comment inside the block\n"
               "\n"
               "  db: sqlite:///<butlerRoot>/gen3.sqlite3\n"
               "datastore:\n"
               "  root: <butlerRoot>\n");
    // An empty managers: gets its first entry one indentation step deeper.
    check_edit("registry:\n"
               "   db: sqlite:///<butlerRoot>/gen3.sqlite3\n"
               "   managers:   # none yet\n"
               "datastore: {root: x}\n",
               "registry:\n"
               "   db: sqlite:///<butlerRoot>/gen3.sqlite3\n"
               "   managers:   # none yet\n"
               "      collections: " + kSynthIntKey + "\n"
               "datastore: {root: x}\n");
}

TEST_CASE("a managers block is added at the end of the registry section", "[config-update]") {
    check_edit("registry:\n"
               "  db: sqlite:///<butlerRoot>/gen3.sqlite3\n",
               "registry:\n"
               "  db: sqlite:///<butlerRoot>/gen3.sqlite3\n"
               "  managers:\n"
               "    collections: " + kSynthIntKey + "\n");
    check_edit("datastore:\n"
               "    root: <butlerRoot>\n"
               "registry:\n"
               "    db: sqlite:///<butlerRoot>/gen3.sqlite3\n"
               "    namespace: ns\n"
               "\n"
               "# storage classes follow\n"
               "storageClasses:\n"
               "    Thing: x\n",
               "datastore:\n"
               "    root: <butlerRoot>\n"
               "registry:\n"
               "    db: sqlite:///<butlerRoot>/gen3.sqlite3\n"
               "    namespace: ns\n"
               "    managers:\n"
               "        collections: " + kSynthIntKey + "\n"
               "\n"
               "# storage classes follow\n"
               "storageClasses:\n"
               "    Thing: x\n");
}

TEST_CASE("an entry in the file itself is replaced even when registry has includeConfigs", "[config-update]") {
    TempDir dir;
    write_file(dir.file("extra.yaml"), "managers:\n  collections: " + kNameKey + "\n  opaque: some.Opaque\n");
    const std::string before =
        "registry:\n  includeConfigs: extra.yaml\n  managers:\n    collections: " + kNameKey + "\n";
    write_file(dir.file("butler.yaml"), before);
    REQUIRE_FALSE(apply_config_change(dir.path(), kCollections).empty());
    CHECK(read_file(dir.file("butler.yaml")) ==
          "registry:\n  includeConfigs: extra.yaml\n  managers:\n    collections: " + kSynthIntKey + "\n");
}

TEST_CASE("applying a change twice writes nothing the second time", "[config-update]") {
    TempDir dir;
    const std::string before = "registry:\n  managers:\n    collections: " + kNameKey + "  # old\n";
    write_file(dir.file("butler.yaml"), before);
    fs::path backup = apply_config_change(dir.path(), kCollections);
    REQUIRE_FALSE(backup.empty());
    const std::string after = "registry:\n  managers:\n    collections: " + kSynthIntKey + "  # old\n";
    CHECK(read_file(dir.file("butler.yaml")) == after);
    CHECK(apply_config_change(dir.path(), kCollections).empty());
    CHECK(read_file(dir.file("butler.yaml")) == after);
    CHECK(files_in(dir) == std::set<std::string>{"butler.yaml", backup.filename().string()});
    CHECK(read_file(backup.string()) == before);
}

TEST_CASE("a class already given as cls: or by an included file needs no change", "[config-update]") {
    TempDir dir;
    write_file(dir.file("managers.yaml"), "collections: " + kSynthIntKey + "\n");
    const std::string text = "registry:\n  managers: !include managers.yaml\n  db: sqlite:///x.sqlite3\n";
    write_file(dir.file("butler.yaml"), text);
    CHECK(apply_config_change(dir.path(), kCollections).empty());
    write_file(dir.file("butler.yaml"), "registry:\n  managers:\n    collections:\n      cls: " + kSynthIntKey + "\n");
    CHECK(apply_config_change(dir.path(), kCollections).empty());
    CHECK(files_in(dir) == std::set<std::string>{"butler.yaml", "managers.yaml"});
}

TEST_CASE("the .bak copy never replaces an existing file", "[config-update]") {
    TempDir dir;
    const std::string before = "registry:\n  managers:\n    collections: " + kNameKey + "\n";
    write_file(dir.file("butler.yaml"), before);
    // Take the names of this second and the next two, so that the edit meets a taken name.
    std::set<std::string> taken;
    const std::time_t now = std::time(nullptr);
    for (std::time_t t = now; t <= now + 2; ++t) {
        std::tm utc{};
        gmtime_r(&t, &utc);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
        const std::string name = std::string("butler.yaml.") + stamp + ".bak";
        write_file(dir.file(name), "keep " + name);
        taken.insert(name);
    }
    fs::path backup = apply_config_change(dir.path(), kCollections);
    const std::string name = backup.filename().string();
    CHECK(std::regex_match(name, std::regex(R"(butler\.yaml\.\d{8}T\d{6}Z\.1\.bak)")));
    CHECK(taken.count(std::regex_replace(name, std::regex(R"(\.1\.bak$)"), ".bak")) == 1);
    CHECK(read_file(backup.string()) == before);
    for (const std::string& kept : taken) CHECK(read_file(dir.file(kept)) == "keep " + kept);
}

TEST_CASE("the edited file keeps its permission bits", "[config-update]") {
    TempDir dir;
    write_file(dir.file("butler.yaml"), "registry:\n  managers:\n    collections: " + kNameKey + "\n");
    REQUIRE(::chmod(dir.file("butler.yaml").c_str(), 0640) == 0);
    fs::path backup = apply_config_change(dir.path(), kCollections);
    struct stat info {};
    REQUIRE(::stat(dir.file("butler.yaml").c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0640);
    REQUIRE(::stat(backup.c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0640);
}

TEST_CASE("layouts that cannot be edited safely are refused with the line to write by hand", "[config-update]") {
    const std::string old_entry = "collections: " + kNameKey;
    SECTION("flow-style registry") {
        check_refused("registry: {db: 'sqlite:///x', managers: {" + old_entry + "}}\n", {}, "flow");
    }
    SECTION("flow-style managers") { check_refused("registry:\n  managers: {" + old_entry + "}\n", {}, "flow"); }
    SECTION("flow-style file") { check_refused("{registry: {managers: {" + old_entry + "}}}\n"); }
    SECTION("no registry section") { check_refused("datastore:\n  root: <butlerRoot>\n", {}, "registry"); }
    SECTION("registry from an !include") {
        check_refused("registry: !include reg.yaml\n", {{"reg.yaml", "managers:\n  " + old_entry + "\n"}}, "!include");
    }
    SECTION("managers from an !include") {
        check_refused("registry:\n  managers: !include m.yaml\n", {{"m.yaml", old_entry + "\n"}}, "!include");
    }
    SECTION("managers from includeConfigs in registry") {
        check_refused("registry:\n  includeConfigs: r.yaml\n  db: sqlite:///x\n",
                      {{"r.yaml", "managers:\n  " + old_entry + "\n"}}, "includeConfigs");
    }
    SECTION("registry from a top-level includeConfigs") {
        check_refused("includeConfigs: r.yaml\nregistry:\n  managers:\n    datasets: " + kUuid + "\n",
                      {{"r.yaml", "registry:\n  managers:\n    " + old_entry + "\n"}}, "includeConfigs");
    }
    SECTION("the entry as a mapping with cls:") {
        check_refused("registry:\n  managers:\n    collections:\n      cls: " + kNameKey + "\n");
    }
    SECTION("a long value over two lines") {
        check_refused("registry:\n  managers:\n    collections: lsst.daf.butler.registry.\n      collections.X\n");
    }
    SECTION("an alias") { check_refused("a: &old " + kNameKey + "\nregistry:\n  managers:\n    collections: *old\n"); }
    SECTION("a tag") { check_refused("registry:\n  managers:\n    collections: !!str " + kNameKey + "\n"); }
    SECTION("a block scalar") { check_refused("registry:\n  managers:\n    collections: >\n      " + kNameKey + "\n"); }
    SECTION("a quoted key") { check_refused("registry:\n  managers:\n    \"collections\": " + kNameKey + "\n"); }
    SECTION("managers is not a mapping") { check_refused("registry:\n  managers: ~\n"); }
}

TEST_CASE("JSON configurations and symbolic links are refused", "[config-update]") {
    TempDir dir;
    write_file(dir.file("butler.json"), "{\"registry\": {\"managers\": {\"collections\": \"" + kNameKey + "\"}}}");
    CHECK_THROWS_WITH(apply_config_change(dir.file("butler.json"), kCollections),
                      Catch::Contains("YAML") && Catch::Contains("collections: " + kSynthIntKey));
    TempDir link_dir;
    const std::string text = "registry:\n  managers:\n    collections: " + kNameKey + "\n";
    write_file(dir.file("real.yaml"), text);
    fs::create_symlink(dir.file("real.yaml"), link_dir.file("butler.yaml"));
    CHECK_THROWS_WITH(apply_config_change(link_dir.path(), kCollections), Catch::Contains("symbolic link"));
    CHECK(read_file(dir.file("real.yaml")) == text);
}

TEST_CASE("a missing butler.yaml is a ConfigError", "[config-update]") {
    TempDir dir;
    CHECK_THROWS_AS(apply_config_change(dir.path(), kCollections), ConfigError);
}
