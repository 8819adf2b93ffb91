// Tests of revision ids: UUID5 and rev_id against REFERENCE §1.2 and every id listed in REFERENCE §2.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "butler_migrate/migrations/catalogue.hpp"
#include "butler_migrate/core/revision_id.hpp"
#include "golden_run.hpp"

using namespace butler_migrate;

namespace {

struct ExpectedRevision {
    const char* tree;
    const char* klass;    // empty for roots
    const char* version;  // empty for roots
    const char* id;
    const char* down;
};

// REFERENCE §2, copied literally: the specification of every compiled-in revision.
const std::vector<ExpectedRevision> kReferenceRevisions = {
    {"attributes", "", "", "f0a3531f97ca", ""},
    {"attributes", "DefaultButlerAttributeManager", "1.0.0", "f22a777cf382", "f0a3531f97ca"},
    {"attributes", "DefaultButlerAttributeManager", "1.0.1", "c0e4f9ab4a5d", "f22a777cf382"},
    {"collections", "", "", "8d2e9de2f21f", ""},
    {"collections", "NameKeyCollectionManager", "0.1.0", "a56af31bd899", "8d2e9de2f21f"},
    {"collections", "NameKeyCollectionManager", "0.2.0", "3ce2d3adf1f5", "a56af31bd899"},
    {"collections", "NameKeyCollectionManager", "0.3.0", "e866114194e1", "3ce2d3adf1f5"},
    {"collections", "NameKeyCollectionManager", "1.0.0", "5e75e5391603", "e866114194e1"},
    {"collections", "NameKeyCollectionManager", "2.0.0", "93341d68b814", "5e75e5391603"},
    {"collections", "SynthIntKeyCollectionManager", "0.1.0", "079a1bc77f25", "8d2e9de2f21f"},
    {"collections", "SynthIntKeyCollectionManager", "0.2.0", "1a93ca89bc27", "079a1bc77f25"},
    {"collections", "SynthIntKeyCollectionManager", "0.3.0", "b4073b638219", "1a93ca89bc27"},
    {"collections", "SynthIntKeyCollectionManager", "1.0.0", "97a6aabd8998", "b4073b638219"},
    {"collections", "SynthIntKeyCollectionManager", "2.0.0", "8c57494cabcc", "97a6aabd8998"},
    {"datasets", "", "", "059cc7b7ef13", ""},
    {"datasets", "ByDimensionsDatasetRecordStorageManager", "0.1.0", "eb5a3cc76666", "059cc7b7ef13"},
    {"datasets", "ByDimensionsDatasetRecordStorageManager", "0.2.0", "38a9414ea7a2", "eb5a3cc76666"},
    {"datasets", "ByDimensionsDatasetRecordStorageManager", "0.3.0", "576045cb7831", "38a9414ea7a2"},
    {"datasets", "ByDimensionsDatasetRecordStorageManager", "1.0.0", "635083325f20", "576045cb7831"},
    {"datasets", "ByDimensionsDatasetRecordStorageManagerUUID", "1.0.0", "2101fbf51ad3", "059cc7b7ef13"},
    {"datasets", "ByDimensionsDatasetRecordStorageManagerUUID", "2.0.0", "4e2d7a28475b", "2101fbf51ad3"},
    {"datastores", "", "", "6e7967ca2f9c", ""},
    {"datastores", "MonolithicDatastoreRegistryBridgeManager", "0.1.0", "bb8b5df7ff80", "6e7967ca2f9c"},
    {"datastores", "MonolithicDatastoreRegistryBridgeManager", "0.2.0", "a07b3b60e369", "bb8b5df7ff80"},
    {"datastores", "MonolithicDatastoreRegistryBridgeManager", "0.2.1", "a81dddabd837", "a07b3b60e369"},
    {"dimensions", "", "", "6166dfbb5324", ""},
    {"dimensions", "StaticDimensionRecordStorageManager", "0.1.0", "c2671338a42f", "6166dfbb5324"},
    {"dimensions", "StaticDimensionRecordStorageManager", "0.2.0", "4f4f243fea82", "c2671338a42f"},
    {"dimensions", "StaticDimensionRecordStorageManager", "1.2.0", "2dea9d903dde", "4f4f243fea82"},
    {"dimensions", "StaticDimensionRecordStorageManager", "2.2.0", "36d66ca4d7a3", "2dea9d903dde"},
    {"dimensions", "StaticDimensionRecordStorageManager", "3.2.0", "3859eac451aa", "36d66ca4d7a3"},
    {"dimensions", "StaticDimensionRecordStorageManager", "4.0.0", "e45766f0daea", "3859eac451aa"},
    {"dimensions", "StaticDimensionRecordStorageManager", "5.0.0", "a1e0fefed6c7", "e45766f0daea"},
    {"dimensions", "StaticDimensionRecordStorageManager", "6.0.0", "87a30df8c8c5", "a1e0fefed6c7"},
    {"dimensions", "StaticDimensionRecordStorageManager", "6.0.1", "1601d5973bf8", "87a30df8c8c5"},
    {"dimensions", "StaticDimensionRecordStorageManager", "6.0.2", "035dcf13ef18", "1601d5973bf8"},
    {"dimensions-config", "", "", "3e2891b82110", ""},
    {"dimensions-config", "daf_butler", "0", "f3bcee34f344", "3e2891b82110"},
    {"dimensions-config", "daf_butler", "1", "380002bcbb26", "f3bcee34f344"},
    {"dimensions-config", "daf_butler", "2", "bf6308af80aa", "380002bcbb26"},
    {"dimensions-config", "daf_butler", "3", "c5ae3a2cd7c2", "bf6308af80aa"},
    {"dimensions-config", "daf_butler", "4", "9888256c6a18", "c5ae3a2cd7c2"},
    {"dimensions-config", "daf_butler", "5", "2a8a32e1bec3", "9888256c6a18"},
    {"dimensions-config", "daf_butler", "6", "1fae088c80b6", "2a8a32e1bec3"},
    {"dimensions-config", "daf_butler", "7", "352c30854bb0", "1fae088c80b6"},
    {"obscore", "", "", "8b8e030aba2b", ""},
    {"obscore", "ObsCoreLiveTableManager", "0.0.1", "a0d766f99876", "8b8e030aba2b"},
    {"obscore-config", "", "", "2daeabfb5019", ""},
    {"obscore-config", "embargo", "1", "4fe28ef5030f", "2daeabfb5019"},
    {"opaque", "", "", "c2c46f409743", ""},
    {"opaque", "ByNameOpaqueTableStorageManager", "0.1.0", "61f6b63d296d", "c2c46f409743"},
    {"opaque", "ByNameOpaqueTableStorageManager", "0.2.0", "77e5b803ad3f", "61f6b63d296d"},
    {"collections/name_2.0.0_to_int_2.0.0", "", "", "8d2e9de2f21f", ""},
    {"collections/name_2.0.0_to_int_2.0.0", "NameKeyCollectionManager", "2.0.0", "93341d68b814", "8d2e9de2f21f"},
    {"collections/name_2.0.0_to_int_2.0.0", "SynthIntKeyCollectionManager", "2.0.0", "8c57494cabcc", "93341d68b814"},
    {"datasets/int_1.0.0_to_uuid_1.0.0", "", "", "059cc7b7ef13", ""},
    {"datasets/int_1.0.0_to_uuid_1.0.0", "ByDimensionsDatasetRecordStorageManager", "1.0.0",
     "635083325f20", "059cc7b7ef13"},
    {"datasets/int_1.0.0_to_uuid_1.0.0", "ByDimensionsDatasetRecordStorageManagerUUID", "1.0.0",
     "2101fbf51ad3", "635083325f20"},
};

std::string manager_type(const std::string& tree) { return tree.substr(0, tree.find('/')); }

}  // namespace

TEST_CASE("uuid5 reproduces Python's uuid.uuid5", "[revisions]") {
    // uuid.uuid5(uuid.NAMESPACE_DNS, "lsst.org") is the revision namespace itself.
    CHECK(uuid5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "lsst.org") == std::string(kRevisionNamespace));
    // REFERENCE §1.2 worked examples.
    CHECK(uuid5(kRevisionNamespace, "collections") == "6c6af79c-f2c9-5e51-8597-8d2e9de2f21f");
    CHECK(uuid5(kRevisionNamespace, "collections-NameKeyCollectionManager-1.0.0") ==
          "fe2ae2cc-bbdb-58a3-899e-5e75e5391603");
    CHECK(uuid5(kRevisionNamespace, "dimensions-config-daf_butler-0") == "2902c525-e6b4-5c6e-b0d6-f3bcee34f344");
    CHECK(uuid5(kRevisionNamespace, "dimensions-config-daf_butler-8") == "d57c2afc-052a-50b0-9202-aa7a2f893cba");
    CHECK(uuid5(kRevisionNamespace, "obscore-config-embargo-1") == "9f8d73d7-168c-538b-9cc7-4fe28ef5030f");
    CHECK(uuid5(kRevisionNamespace, "datasets-ByDimensionsDatasetRecordStorageManagerUUID-2.0.0") ==
          "da602d24-02c4-5ee6-84ef-4e2d7a28475b");
    CHECK(uuid5(kRevisionNamespace, "ManagerClass-1.0.0") == "7183bd38-cced-5c8f-b43a-41f090400d3f");
    CHECK(uuid5(kRevisionNamespace, "manager1-Manager1-0.0.1") == "6d56f361-3d5d-5e0d-98e5-bd85e44c6aa0");
}

TEST_CASE("uuid5 accepts upper-case namespaces and rejects malformed ones", "[revisions]") {
    CHECK(uuid5("840B31D9-05CD-5161-B2C8-00D32B280D0F", "collections") == "6c6af79c-f2c9-5e51-8597-8d2e9de2f21f");
    CHECK_THROWS(uuid5("840b31d9-05cd-5161-b2c8-00d32b280d0", "collections"));
    CHECK_THROWS(uuid5("840b31d9-05cd-5161-b2c8-00d32b280d0fa", "collections"));
    CHECK_THROWS(uuid5("840b31d9-05cd-5161-b2c8-00d32b280dxf", "collections"));
}

TEST_CASE("rev_id joins its parts with dashes and keeps the last 12 digits", "[revisions]") {
    CHECK(rev_id({"collections"}) == "8d2e9de2f21f");
    CHECK(rev_id({"collections", "NameKeyCollectionManager", "1.0.0"}) == "5e75e5391603");
    CHECK(rev_id({"dimensions-config", "daf_butler", "0"}) == "f3bcee34f344");
    CHECK(rev_id({"dimensions-config", "daf_butler", "8"}) == "aa7a2f893cba");
    CHECK(rev_id({"obscore-config", "embargo", "1"}) == "4fe28ef5030f");
    CHECK(rev_id({"datasets", "ByDimensionsDatasetRecordStorageManagerUUID", "2.0.0"}) == "4e2d7a28475b");
    CHECK(rev_id({"ManagerClass", "1.0.0"}) == "41f090400d3f");
    CHECK(rev_id({"manager1", "Manager1", "0.0.1"}) == "bd85e44c6aa0");
}

TEST_CASE("every id of REFERENCE §2 is rev_id of its tree, class and version", "[revisions]") {
    REQUIRE(kReferenceRevisions.size() == 58);
    for (const auto& expected : kReferenceRevisions) {
        INFO(expected.tree << " " << expected.id);
        const std::string type = manager_type(expected.tree);
        const std::string computed = std::string(expected.klass).empty()
                                         ? rev_id({type})
                                         : rev_id({type, expected.klass, expected.version});
        CHECK(computed == expected.id);
    }
}

// Upstream adds revisions on top of its trees: the catalogue may hold more than REFERENCE §2 lists, but never less,
// and every row it has follows the same rules.
TEST_CASE("the catalogue holds every revision of REFERENCE §2, in its order", "[revisions]") {
    const auto& catalogue = compiled_catalogue().revisions();
    std::size_t previous_position = 0;
    for (const ExpectedRevision& expected : kReferenceRevisions) {
        INFO(expected.tree << " " << expected.id);
        const auto found = std::find_if(catalogue.begin(), catalogue.end(), [&](const Revision& r) {
            return r.tree == expected.tree && r.id == expected.id;
        });
        REQUIRE(found != catalogue.end());
        const auto position = static_cast<std::size_t>(found - catalogue.begin());
        CHECK(position >= previous_position);
        previous_position = position;
        CHECK(found->down_revision == expected.down);
        CHECK(found->manager_class == expected.klass);
        CHECK(found->manager_version == expected.version);
        CHECK(found->is_root() == std::string(expected.down).empty());
        CHECK(found->manager_type() == manager_type(expected.tree));
    }
    std::set<std::string> trees_so_far;  // "<tree> <id>" of the rows read so far
    for (const Revision& revision : catalogue) {
        INFO(revision.tree << " " << revision.id);
        CHECK_FALSE(revision.message.empty());
        CHECK(revision.create_date.size() == std::string("2021-05-04 16:30:15.021347").size());
        // Within a tree, rows go root first: a row's parent is an earlier row of the same tree.
        if (!revision.is_root()) CHECK(trees_so_far.count(revision.tree + " " + revision.down_revision) == 1);
        CHECK(trees_so_far.insert(revision.tree + " " + revision.id).second);
        if (revision.id_is_derived && !revision.is_one_shot()) {
            CHECK(revision.id == (revision.is_root() ? rev_id({revision.tree})
                                                     : rev_id({revision.tree, revision.manager_class,
                                                               revision.manager_version})));
        }
    }
}

TEST_CASE("catalogue tree names", "[revisions]") {
    // The trees of the catalogue's rows, and at least those the real tool's recorded show-trees lists.
    std::set<std::string> regular, one_shot;
    for (const Revision& revision : compiled_catalogue().revisions()) {
        (revision.is_one_shot() ? one_shot : regular).insert(revision.tree);
    }
    const auto names = compiled_catalogue().regular_tree_names();
    CHECK(names == std::vector<std::string>(regular.begin(), regular.end()));
    std::istringstream recorded(test_support::read_global_golden("14_show-trees.txt").out);
    for (std::string tree; std::getline(recorded, tree);) {
        INFO(tree);
        CHECK(std::find(names.begin(), names.end(), tree) != names.end());
    }
    CHECK(compiled_catalogue().one_shot_tree_names() == std::vector<std::string>(one_shot.begin(), one_shot.end()));
    CHECK(compiled_catalogue().one_shot_tree_names() ==
          std::vector<std::string>{"collections/name_2.0.0_to_int_2.0.0", "datasets/int_1.0.0_to_uuid_1.0.0"});
}
