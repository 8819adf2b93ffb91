// The dump comparison of the replay after the datasets one-shot: rows as sets within each table, random ids
// numbered by what is said of them (with_rows_as_sets). Equal up to row order and id values, and only then.
#include <catch2/catch.hpp>

#include <string>

#include "output_rules.hpp"

namespace {

// Two datasets of one type and their locations; `a` and `b` stand for random ids.
std::string dump(const std::string& a, const std::string& b, bool swapped_rows, bool crossed_location) {
    std::string dataset = swapped_rows ? "INSERT INTO dataset VALUES(1,'" + b + "');\nINSERT INTO dataset VALUES(1,'" + a + "');\n"
                                       : "INSERT INTO dataset VALUES(1,'" + a + "');\nINSERT INTO dataset VALUES(1,'" + b + "');\n";
    std::string location = "INSERT INTO dataset_location VALUES('store','" + a + "');\n";
    std::string records = "INSERT INTO records VALUES('path/a','" + (crossed_location ? b : a) + "');\n"
                          "INSERT INTO records VALUES('path/b','" + (crossed_location ? a : b) + "');\n";
    return "BEGIN TRANSACTION;\n" + dataset + location + records + "COMMIT;\n";
}

const std::string id1 = "0123456789abcdef0123456789abcdef";
const std::string id2 = "fedcba9876543210fedcba9876543210";
const std::string id3 = "11111111222233334444555555555555";
const std::string id4 = "99999999888877776666555555555555";

}  // namespace

TEST_CASE("dumps compare as sets of rows with ids up to renaming", "[conformance][rules]") {
    using conformance::with_rows_as_sets;
    const std::string reference = with_rows_as_sets(dump(id1, id2, false, false));
    // Other id values and another row order: the same data.
    CHECK(with_rows_as_sets(dump(id3, id4, true, false)) == reference);
    CHECK(with_rows_as_sets(dump(id4, id3, false, false)) == reference);
    // The located dataset's record now names the other path: different data, even with the rows reordered.
    CHECK(with_rows_as_sets(dump(id3, id4, true, true)) != reference);
    // Without ids the rows of one table still compare as a set, but never across tables.
    CHECK(with_rows_as_sets("INSERT INTO t VALUES(1);\nINSERT INTO t VALUES(2);\n") ==
          with_rows_as_sets("INSERT INTO t VALUES(2);\nINSERT INTO t VALUES(1);\n"));
    CHECK(with_rows_as_sets("INSERT INTO t VALUES(1);\nINSERT INTO u VALUES(2);\n") !=
          with_rows_as_sets("INSERT INTO t VALUES(2);\nINSERT INTO u VALUES(1);\n"));
    // pg_dump COPY blocks likewise.
    CHECK(with_rows_as_sets("COPY s.t (a) FROM stdin;\n1\t" + id1 + "\n2\t" + id2 + "\n\\.\n") ==
          with_rows_as_sets("COPY s.t (a) FROM stdin;\n2\t" + id3 + "\n1\t" + id4 + "\n\\.\n"));
    // A schema digest is compared as it is.
    CHECK(with_rows_as_sets("schema_digest:x|" + id1 + "\n") != with_rows_as_sets("schema_digest:x|" + id2 + "\n"));
}
