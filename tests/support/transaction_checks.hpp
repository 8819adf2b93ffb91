// The transaction rules every Database backend shares, checked on a table `t (v text)` the caller created.
#pragma once

#include <catch2/catch.hpp>

#include "butler_migrate/db/database.hpp"
#include "butler_migrate/util/errors.hpp"

namespace test_support {

// Checks begin/rollback/no nesting, then leaves exactly the row 'committed' written through a committed
// Transaction (a second, uncommitted Transaction is rolled back by its destructor).
inline void check_begin_rollback_and_scoped_transactions(butler_migrate::Database& db) {
    using butler_migrate::DatabaseError;
    using butler_migrate::Transaction;
    CHECK_FALSE(db.in_transaction());

    db.begin();
    CHECK(db.in_transaction());
    CHECK_THROWS_AS(db.begin(), DatabaseError);
    db.execute("INSERT INTO t VALUES ('rolled back')");
    db.rollback();
    CHECK_FALSE(db.in_transaction());

    {
        Transaction transaction(db);
        db.execute("INSERT INTO t VALUES ('committed')");
        transaction.commit();
    }
    {
        Transaction transaction(db);
        db.execute("INSERT INTO t VALUES ('dropped by the destructor')");
    }
}

}  // namespace test_support
