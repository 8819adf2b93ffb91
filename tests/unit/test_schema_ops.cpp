// Schema operations of migration steps: name shrinking, identifier quoting, and table alterations on SQLite
// (alembic's table re-creation, with SQLAlchemy's DDL text) and on PostgreSQL (ALTER TABLE in place).
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <sstream>

#include <unistd.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/db/schema_dump.hpp"
#include "butler_migrate/steps/schema_ops.hpp"
#include "backend_generator.hpp"
#include "step_harness.hpp"
#include "test_registry.hpp"

using namespace butler_migrate;
using test_support::Backend;
using test_support::TestRegistry;

namespace {

using test_support::any_backend;

// Runs `body` as a migration step does: inside one transaction, committed when it returns.
void in_step(const TestRegistry& registry, const std::function<void(StepContext&)>& body) {
    auto db = registry.open();
    test_support::run_in_step(*db, body);
}

// A parent table and a child with a composite primary key, a foreign key, a unique constraint, a CHECK, a
// reserved-word column, defaults, two indexes and three rows. SQLite DDL as SQLAlchemy writes it.
void create_item_tables(const TestRegistry& registry) {
    const bool pg = registry.backend() == Backend::postgresql;
    registry.execute("CREATE TABLE {schema}.parent (\n\tname VARCHAR(16) NOT NULL, \n\tPRIMARY KEY (name)\n)");
    registry.execute(std::string("CREATE TABLE {schema}.item (\n") +
                     "\tid BIGINT NOT NULL, \n"
                     "\tparent VARCHAR(16) NOT NULL, \n"
                     "\tlabel VARCHAR(16), \n"
                     "\tsize BIGINT DEFAULT 0, \n"
                     "\t\"end\" BIGINT DEFAULT 4102444800000000000 NOT NULL, \n"
                     "\t\"group\" TEXT DEFAULT 'g', \n"
                     "\tPRIMARY KEY (id, parent), \n"
                     "\tCONSTRAINT item_unq_label UNIQUE (parent, label), \n"
                     "\tCONSTRAINT item_len_label CHECK (length(label)<=16 AND length(label)>=1), \n"
                     "\tCONSTRAINT fkey_item_parent_name_parent FOREIGN KEY(parent) REFERENCES " +
                     (pg ? "{schema}." : "") + "parent (name) ON DELETE CASCADE\n)");
    registry.execute("CREATE INDEX item_idx_label ON {schema}.item (label)");
    registry.execute("CREATE INDEX item_fkidx_parent_group ON {schema}.item (parent, \"group\")");
    registry.execute("INSERT INTO {schema}.parent VALUES ('p1'), ('p2')");
    registry.execute("INSERT INTO {schema}.item (id, parent, label, size, \"group\") VALUES "
                     "(1, 'p1', 'one', 10, 'a'), (2, 'p1', 'two', NULL, NULL), (3, 'p2', 'three', 30, 'b')");
}

std::string table_text(const TestRegistry& registry, const std::string& table) {
    auto db = registry.open(AccessMode::read_only);
    return render_table_schema(db->reflect_table(table), db->dialect());
}

std::vector<SqlRow> item_rows(const TestRegistry& registry) {
    return registry.query("SELECT id, parent, label, size, \"end\", \"group\" FROM {schema}.item ORDER BY id");
}

std::vector<std::string> sqlite_master_sql(const TestRegistry& registry, const std::string& table) {
    std::vector<std::string> out;
    for (const auto& row : registry.query("SELECT sql FROM sqlite_master WHERE tbl_name = '" + table +
                                          "' AND sql IS NOT NULL ORDER BY rowid")) {
        out.push_back(row.at(0).value_or(""));
    }
    return out;
}

std::string replace_line(std::string text, const std::string& from, const std::string& to) {
    auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("shrink_name reproduces daf_butler's shrunk names", "[schema-ops]") {
    // REFERENCE §5.0, verified with hashlib.blake2b(digest_size=4).
    const std::vector<std::pair<std::string, std::string>> vectors = {
        {"patch_skypix_overlap_idx_skypix_system_skypix_level_skypix_index_skymap_tract_patch",
         "patch_skypix_overlap_idx_skypix_system_skypix_level_sk_315a3f24"},
        {"tract_skypix_overlap_idx_skypix_system_skypix_level_skypix_index_skymap_tract",
         "tract_skypix_overlap_idx_skypix_system_skypix_level_sk_d7c9328a"},
        {"visit_detector_region_skypix_overlap_idx_skypix_system_skypix_level_skypix_index_instrument_detector_visit",
         "visit_detector_region_skypix_overlap_idx_skypix_system_d1c79618"},
        {"visit_skypix_overlap_idx_skypix_system_skypix_level_skypix_index_instrument_visit",
         "visit_skypix_overlap_idx_skypix_system_skypix_level_sk_b5ba3bab"},
        {"fkey_visit_system_membership_visit_system_instrument_id_instrument_visit_system",
         "fkey_visit_system_membership_visit_system_instrument_i_09217d0e"},
        {"fkey_visit_system_membership_visit_instrument_id_instrument_visit",
         "fkey_visit_system_membership_visit_instrument_id_instr_ba4eaead"},
        {"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij",
         "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd_3fa6c035"},
    };
    for (const auto& [original, shrunk] : vectors) {
        CHECK(schema::shrink_name(original) == shrunk);
        CHECK(schema::database_name(Dialect::postgresql, original) == shrunk);
        CHECK(schema::database_name(Dialect::sqlite, original) == original);
    }
    const std::string limit(63, 'x');
    CHECK(schema::shrink_name(limit) == limit);
    CHECK(schema::shrink_name(limit + "y").size() == 63);
    CHECK(schema::shrink_name("visit_pkey") == "visit_pkey");
}

TEST_CASE("ddl_identifier quotes only what SQLAlchemy quotes", "[schema-ops]") {
    for (Dialect dialect : {Dialect::sqlite, Dialect::postgresql}) {
        CHECK(schema::ddl_identifier(dialect, "visit") == "visit");
        CHECK(schema::ddl_identifier(dialect, "a$b_1") == "a$b_1");
        CHECK(schema::ddl_identifier(dialect, "group") == "\"group\"");
        CHECK(schema::ddl_identifier(dialect, "order") == "\"order\"");
        CHECK(schema::ddl_identifier(dialect, "Visit") == "\"Visit\"");
        CHECK(schema::ddl_identifier(dialect, "1st") == "\"1st\"");
        CHECK(schema::ddl_identifier(dialect, "$a") == "\"$a\"");
        CHECK(schema::ddl_identifier(dialect, "my-col") == "\"my-col\"");
        CHECK(schema::ddl_identifier(dialect, "a\"b") == "\"a\"\"b\"");
        CHECK(schema::ddl_identifier(dialect, "true") == "\"true\"");
        CHECK(schema::ddl_identifier(dialect, "range") == "range");
    }
    // Reserved in one dialect only.
    CHECK(schema::ddl_identifier(Dialect::sqlite, "user") == "user");
    CHECK(schema::ddl_identifier(Dialect::postgresql, "user") == "\"user\"");
    CHECK(schema::ddl_identifier(Dialect::sqlite, "index") == "\"index\"");
    CHECK(schema::ddl_identifier(Dialect::postgresql, "index") == "index");
}

TEST_CASE("ddl_identifier on PostgreSQL quotes exactly the server's reserved key words", "[schema-ops]") {
    auto pg = test_support::PgServer::require();
    std::istringstream rows(pg.psql_command("postgres", "SELECT catcode::text || ' ' || word FROM pg_get_keywords()"));
    int reserved = 0;
    for (std::string line; std::getline(rows, line);) {
        if (line.size() < 3) continue;
        std::string word = line.substr(2);
        bool must_quote = line[0] == 'R' || line[0] == 'T';
        if (line[0] == 'C') continue;  // column-name keywords: SQLAlchemy writes them bare, the server accepts them
        INFO(line);
        CHECK(schema::ddl_identifier(Dialect::postgresql, word) == (must_quote ? "\"" + word + "\"" : word));
        reserved += must_quote;
    }
    CHECK(reserved > 90);
}

TEST_CASE("alter_column keeps every key, constraint, index and row", "[schema-ops]") {
    TestRegistry registry(any_backend());
    INFO(test_support::backend_name(registry.backend()));
    create_item_tables(registry);
    const std::string before = table_text(registry, "item");
    const auto rows = item_rows(registry);

    in_step(registry, [](StepContext& context) {
        schema::ColumnChange not_null;
        not_null.nullable = false;
        schema::apply(context, schema::TableAlteration("item").alter_column("label", not_null));
    });

    CHECK(table_text(registry, "item") == replace_line(before, "column=label type=VARCHAR(16) nullable=True",
                                                       "column=label type=VARCHAR(16) nullable=False"));
    CHECK(item_rows(registry) == rows);
    if (registry.backend() == Backend::sqlite) {
        // SQLAlchemy's text; SQLite's RENAME quotes the table name; reflected indexes come back by name.
        CHECK(sqlite_master_sql(registry, "item") == std::vector<std::string>{
                  "CREATE TABLE \"item\" (\n"
                  "\tid BIGINT NOT NULL, \n"
                  "\tparent VARCHAR(16) NOT NULL, \n"
                  "\tlabel VARCHAR(16) NOT NULL, \n"
                  "\tsize BIGINT DEFAULT 0, \n"
                  "\t\"end\" BIGINT DEFAULT (4102444800000000000) NOT NULL, \n"
                  "\t\"group\" TEXT DEFAULT 'g', \n"
                  "\tPRIMARY KEY (id, parent), \n"
                  "\tCONSTRAINT fkey_item_parent_name_parent FOREIGN KEY(parent) REFERENCES parent (name) ON DELETE CASCADE, \n"
                  "\tCONSTRAINT item_unq_label UNIQUE (parent, label), \n"
                  "\tCONSTRAINT item_len_label CHECK (length(label)<=16 AND length(label)>=1)\n"
                  ")",
                  "CREATE INDEX item_fkidx_parent_group ON item (parent, \"group\")",
                  "CREATE INDEX item_idx_label ON item (label)",
              });
        CHECK(registry.query("SELECT name FROM sqlite_master WHERE name LIKE '_alembic_tmp%'").empty());
        // The constraints really work in the new table.
        CHECK_THROWS_AS(registry.execute("INSERT INTO item (id, parent, label) VALUES (4, 'p1', 'one')"), DatabaseError);
        CHECK_THROWS_AS(registry.execute("INSERT INTO item (id, parent, label) VALUES (4, 'p1', '')"), DatabaseError);
    }
}

TEST_CASE("a batch of column, constraint and index operations", "[schema-ops]") {
    TestRegistry registry(any_backend());
    const bool sqlite = registry.backend() == Backend::sqlite;
    INFO(test_support::backend_name(registry.backend()));
    create_item_tables(registry);

    in_step(registry, [](StepContext& context) {
        schema::ColumnChange rename;
        rename.new_name = "title";
        rename.type = "VARCHAR(32)";
        schema::TableAlteration item("item");
        item.drop_constraint("item_len_label")
            .alter_column("label", rename)
            .drop_column("size")
            .add_column({"note", "TEXT", true, std::nullopt})
            .create_unique("item_unq_group", {"group"})
            .create_check("item_check_id", "id > 0")
            .create_index("item_idx_parent", {"parent"})
            .drop_index("item_idx_label");
        schema::apply(context, item);
    });

    auto db = registry.open(AccessMode::read_only);
    TableSchema item = db->reflect_table("item");
    std::vector<std::string> columns;
    for (const auto& c : item.columns) columns.push_back(c.name + " " + c.type);
    CHECK(columns == std::vector<std::string>{"id BIGINT", "parent VARCHAR(16)", "title VARCHAR(32)", "end BIGINT",
                                              "group TEXT", "note TEXT"});
    CHECK(item.primary_key.columns == std::vector<std::string>{"id", "parent"});
    std::vector<std::string> uniques, checks, indexes;
    for (const auto& u : item.unique_constraints) uniques.push_back(*u.name + "(" + u.columns.at(0) + "," + u.columns.back() + ")");
    for (const auto& c : item.check_constraints) checks.push_back(*c.name);
    for (const auto& i : item.indexes) indexes.push_back(*i.name);
    std::sort(uniques.begin(), uniques.end());
    CHECK(uniques == std::vector<std::string>{"item_unq_group(group,group)", "item_unq_label(parent,title)"});
    CHECK(checks == std::vector<std::string>{"item_check_id"});
    std::vector<std::string> expected_indexes = {"item_fkidx_parent_group", "item_idx_parent"};
    if (!sqlite) expected_indexes = {"item_fkidx_parent_group", "item_idx_parent", "item_unq_group", "item_unq_label"};
    CHECK(indexes == expected_indexes);
    REQUIRE(item.foreign_keys.size() == 1);
    CHECK(item.foreign_keys[0].on_delete == std::optional<std::string>("CASCADE"));
    CHECK(registry.query("SELECT id, title, \"end\", \"group\", note FROM {schema}.item ORDER BY id") ==
          std::vector<SqlRow>{{"1", "one", "4102444800000000000", "a", std::nullopt},
                              {"2", "two", "4102444800000000000", std::nullopt, std::nullopt},
                              {"3", "three", "4102444800000000000", "b", std::nullopt}});
    if (sqlite) {
        CHECK(sqlite_master_sql(registry, "item") == std::vector<std::string>{
                  "CREATE TABLE \"item\" (\n"
                  "\tid BIGINT NOT NULL, \n"
                  "\tparent VARCHAR(16) NOT NULL, \n"
                  "\ttitle VARCHAR(32), \n"
                  "\t\"end\" BIGINT DEFAULT (4102444800000000000) NOT NULL, \n"
                  "\t\"group\" TEXT DEFAULT 'g', \n"
                  "\tnote TEXT, \n"
                  "\tPRIMARY KEY (id, parent), \n"
                  "\tCONSTRAINT fkey_item_parent_name_parent FOREIGN KEY(parent) REFERENCES parent (name) ON DELETE CASCADE, \n"
                  "\tCONSTRAINT item_unq_label UNIQUE (parent, title), \n"
                  "\tCONSTRAINT item_unq_group UNIQUE (\"group\"), \n"
                  "\tCONSTRAINT item_check_id CHECK (id > 0)\n"
                  ")",
                  "CREATE INDEX item_fkidx_parent_group ON item (parent, \"group\")",
                  "CREATE INDEX item_idx_parent ON item (parent)",
              });
    }
}

TEST_CASE("a failing alteration changes nothing", "[schema-ops]") {
    TestRegistry registry(any_backend());
    INFO(test_support::backend_name(registry.backend()));
    create_item_tables(registry);
    const std::string before = table_text(registry, "item");
    const auto rows = item_rows(registry);
    std::vector<std::string> master;
    if (registry.backend() == Backend::sqlite) master = sqlite_master_sql(registry, "item");

    // item.size holds a NULL: the copy into the new table (SQLite) or the ALTER (PostgreSQL) fails.
    schema::ColumnChange not_null;
    not_null.nullable = false;
    CHECK_THROWS_AS(in_step(registry, [&](StepContext& context) {
                        schema::apply(context, schema::TableAlteration("item").alter_column("label", not_null));
                        schema::apply(context, schema::TableAlteration("item").alter_column("size", not_null));
                    }),
                    DatabaseError);
    CHECK(table_text(registry, "item") == before);
    CHECK(item_rows(registry) == rows);
    if (registry.backend() == Backend::sqlite) {
        CHECK(sqlite_master_sql(registry, "item") == master);
        CHECK(registry.query("SELECT name FROM sqlite_master WHERE name LIKE '_alembic_tmp%'").empty());
        // What alembic refuses, refused before anything is done.
        CHECK_THROWS_WITH(in_step(registry, [](StepContext& c) { schema::apply(c, schema::TableAlteration("item").drop_constraint("nope")); }),
                          "No such constraint: 'nope'");
        CHECK_THROWS_WITH(in_step(registry, [](StepContext& c) { schema::apply(c, schema::TableAlteration("item").drop_index("nope").drop_column("size")); }),
                          "No such index: 'nope'");
        CHECK(sqlite_master_sql(registry, "item") == master);
    }
}

TEST_CASE("add_column, create_index and drop_index work in place, with shrunk names on PostgreSQL", "[schema-ops]") {
    TestRegistry registry(any_backend());
    const bool sqlite = registry.backend() == Backend::sqlite;
    INFO(test_support::backend_name(registry.backend()));
    create_item_tables(registry);
    const std::string long_name = "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij";
    const std::string shrunk = "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd_3fa6c035";  // REFERENCE §5.0
    auto table_rowid = [&] { return registry.query("SELECT rowid FROM sqlite_master WHERE name = 'item'"); };
    std::vector<SqlRow> rowid_before = sqlite ? table_rowid() : std::vector<SqlRow>{};

    in_step(registry, [&](StepContext& context) {
        schema::add_column(context, "item", {"extra", "BIGINT", true, std::nullopt});
        schema::create_index(context, "item", long_name, {"extra", "group"});
        schema::apply(context, schema::TableAlteration("item").create_index("item_idx_extra", {"extra"}, true));
    });
    auto db = registry.open(AccessMode::read_only);
    TableSchema item = db->reflect_table("item");
    CHECK(item.columns.back().name == "extra");
    std::vector<std::string> indexes;
    for (const auto& i : item.indexes) indexes.push_back(*i.name + (i.unique ? " unique" : ""));
    // PostgreSQL lists the index behind the unique constraint too.
    std::vector<std::string> expected{sqlite ? long_name : shrunk, "item_fkidx_parent_group", "item_idx_extra unique",
                                      "item_idx_label"};
    if (!sqlite) expected.push_back("item_unq_label unique");
    CHECK(indexes == expected);
    if (sqlite) {
        CHECK(table_rowid() == rowid_before);  // not re-created
        auto master = sqlite_master_sql(registry, "item");
        CHECK(master.at(0).find("\t\"group\" TEXT DEFAULT 'g', extra BIGINT, \n\tPRIMARY KEY") != std::string::npos);
        CHECK(master.at(3) == "CREATE INDEX " + long_name + " ON item (extra, \"group\")");
        CHECK(master.at(4) == "CREATE UNIQUE INDEX item_idx_extra ON item (extra)");
    }

    in_step(registry, [&](StepContext& context) {
        schema::drop_index(context, "item", long_name);
        schema::apply(context, schema::TableAlteration("item").drop_index("item_idx_extra"));
    });
    indexes.clear();
    for (const auto& i : db->reflect_table("item").indexes) indexes.push_back(*i.name);
    expected = {"item_fkidx_parent_group", "item_idx_label"};
    if (!sqlite) expected.push_back("item_unq_label");
    CHECK(indexes == expected);
    if (sqlite) CHECK(table_rowid() == rowid_before);
}

TEST_CASE("rewrite_postgres_table carries the owner, privileges, comments, keys and indexes over", "[schema-ops]") {
    TestRegistry registry(Backend::postgresql);
    create_item_tables(registry);
    const std::string role = "rewrite_owner_" + std::to_string(::getpid());
    registry.execute("DROP ROLE IF EXISTS " + role);
    registry.execute("CREATE ROLE " + role);
    registry.execute("ALTER TABLE {schema}.item OWNER TO " + role);
    registry.execute("GRANT SELECT, INSERT ON {schema}.item TO PUBLIC");
    registry.execute("COMMENT ON TABLE {schema}.item IS 'the items'");
    registry.execute("COMMENT ON COLUMN {schema}.item.label IS 'a label'");
    registry.execute("CREATE TABLE {schema}.parent_weight (name VARCHAR(16) PRIMARY KEY, weight BIGINT NOT NULL)");
    registry.execute("INSERT INTO {schema}.parent_weight VALUES ('p1', 100)");
    const std::string item = "'{schema}.item'::regclass";
    auto catalogue = [&] {
        std::vector<SqlRow> rows = registry.query(
            "SELECT pg_get_userbyid(relowner), relacl::text, obj_description(oid, 'pg_class'), "
            "col_description(oid, 3) FROM pg_class WHERE oid = " + item);
        for (const std::string& sql : {"SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = " +
                                           item + " ORDER BY 1",
                                       std::string("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'test_ns' "
                                                   "AND tablename = 'item' ORDER BY 1")}) {
            auto part = registry.query(sql);
            rows.insert(rows.end(), part.begin(), part.end());
        }
        return rows;
    };
    const auto before = catalogue();
    REQUIRE(before.at(0).at(0) == std::optional<std::string>(role));
    schema::TableRewrite rewrite;
    rewrite.table = "item";
    rewrite.dropped = {"group"};
    rewrite.joins = {"LEFT JOIN \"test_ns\".parent_weight w ON w.name = t.parent"};
    rewrite.added = {{{"weight", "BIGINT", false, std::nullopt}, "w.weight", std::string("its parent's weight")}};

    SECTION("a row the join does not find fails the rewrite, which changes nothing") {
        auto db = registry.open();
        CHECK_THROWS_AS(test_support::run_in_step(*db, [&](StepContext& context) {
                            schema::rewrite_postgres_table(context, rewrite);
                        }),
                        DatabaseError);
        CHECK(catalogue() == before);
        CHECK(registry.query("SELECT count(*) FROM {schema}.item").at(0).at(0) == std::optional<std::string>("3"));
    }
    SECTION("the new table has the old one's catalogue entries, less those on the dropped column") {
        registry.execute("INSERT INTO {schema}.parent_weight VALUES ('p2', 200)");
        auto db = registry.open();
        test_support::run_in_step(*db, [&](StepContext& context) { schema::rewrite_postgres_table(context, rewrite); });
        auto after = catalogue();
        // Before: the index on the dropped column "group" (item_fkidx_parent_group) is the only entry that goes.
        auto expected = before;
        expected.erase(std::remove_if(expected.begin(), expected.end(),
                                      [](const SqlRow& row) { return row.at(0) == std::optional<std::string>("item_fkidx_parent_group"); }),
                       expected.end());
        REQUIRE(expected.size() + 1 == before.size());
        CHECK(after == expected);
        CHECK(registry.query("SELECT id, parent, weight FROM {schema}.item ORDER BY id") ==
              std::vector<SqlRow>{{"1", "p1", "100"}, {"2", "p1", "100"}, {"3", "p2", "200"}});
        CHECK(registry.query("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = " + item +
                             " AND attnum > 0 AND NOT attisdropped") == std::vector<SqlRow>{{"id,parent,label,size,end,weight"}});
        CHECK(registry.query("SELECT col_description(" + item + ", 6)") == std::vector<SqlRow>{{"its parent's weight"}});
    }
    registry.execute("DROP TABLE {schema}.item");
    registry.execute("DROP ROLE " + role);
}
