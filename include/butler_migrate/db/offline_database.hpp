// A Database that writes statements as SQL text instead of running them (upgrade/downgrade --sql).
#pragma once

#include <ostream>

#include "butler_migrate/db/database.hpp"

namespace butler_migrate {

// execute() writes "<statement with literal values>;" and a blank line to `out` and reports one changed
// row; anything that reads (queries, introspection) throws OfflineModeUnsupported.
class OfflineDatabase : public Database {
public:
    OfflineDatabase(Dialect dialect, std::optional<std::string> schema, std::ostream& out);

    Dialect dialect() const override { return dialect_; }
    std::vector<SqlRow> query(std::string_view sql, const SqlParams& params) override;
    void query_each(std::string_view sql, const SqlParams& params,
                    const std::function<void(const SqlRow&)>& on_row) override;
    long long execute(std::string_view sql, const SqlParams& params) override;
    void begin() override {}
    void commit() override {}
    void rollback() override {}
    bool in_transaction() const override { return false; }
    std::vector<std::string> table_names() override;
    bool has_table(std::string_view name) override;
    TableSchema reflect_table(std::string_view name) override;

private:
    Dialect dialect_;
    std::ostream& out_;
};

// `sql` with each '?' replaced by the SQL literal of its parameter ('text' with quotes doubled, or NULL).
std::string inline_parameters(std::string_view sql, const SqlParams& params);

}  // namespace butler_migrate
