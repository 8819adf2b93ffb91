// PostgresDatabase: connecting, statements with '?' parameters, transactions and cursors over libpqxx 6.4.
#include "db/postgres_database.hpp"

#include <fmt/format.h>
#include <pqxx/pqxx>

#include <algorithm>

#include "butler_migrate/util/control_characters.hpp"
#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/util/log.hpp"
#include "butler_migrate/util/secrets.hpp"
#include "db/placeholders.hpp"
#include "db/postgres_schema.hpp"

namespace butler_migrate {

namespace {

constexpr size_t kFetchRows = 1000;

std::string conninfo_value(const std::string& value) {
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

std::string first_line(std::string text) {
    text = text.substr(0, text.find('\n'));
    text.erase(text.find_last_not_of(" \t\r") + 1);
    return text;
}

// PostgreSQL's lock_not_available: a lock wait ended by lock_timeout, or a NOWAIT lock that was taken.
constexpr std::string_view kLockNotAvailable = "55P03";

// The SQLSTATE of a failed statement (empty for other failures, such as a lost connection), and whether it says
// the statement waited in vain for a lock another session holds.
DatabaseError::Cause error_cause(const pqxx::pqxx_exception& e) {
    const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e.base());
    if (!sql) return {};
    return {sql->sqlstate(), sql->sqlstate() == kLockNotAvailable};
}

// libpq reports server errors as "ERROR:  message\nLINE 1: ..."; the user gets the message.
[[noreturn]] void throw_database_error(const pqxx::pqxx_exception& e) {
    std::string message = first_line(e.base().what());
    for (const char* prefix : {"ERROR:  ", "FATAL:  "}) {
        if (message.rfind(prefix, 0) == 0) message = message.substr(std::string(prefix).size());
    }
    // The server went away (restarted, crashed, network): say so, whatever libpq's wording.
    if (dynamic_cast<const pqxx::broken_connection*>(&e.base()) || message.find("not connected") != std::string::npos ||
        message.find("server closed the connection") != std::string::npos ||
        message.find("terminating connection") != std::string::npos) {
        // libpq's words after a lost connection are often about what it tried next ("Could not obtain client
        // encoding"): only the server's own reasons are worth repeating.
        const bool informative = message.find("server closed the connection") != std::string::npos ||
                                 message.find("terminating connection") != std::string::npos;
        throw DatabaseError(informative ? "Lost the connection to the PostgreSQL server: " + message
                                        : std::string("Lost the connection to the PostgreSQL server"),
                            error_cause(e));
    }
    throw DatabaseError("PostgreSQL error: " + message, error_cause(e));
}

template <typename F>
auto translate_errors(F&& run) -> decltype(run()) {
    try {
        return run();
    } catch (const pqxx::pqxx_exception& e) {
        throw_database_error(e);
    }
}

// Server notices ("table does not exist, skipping") go to the debug log, never to the terminal.
class NoticeToLog : public pqxx::errorhandler {
public:
    using pqxx::errorhandler::errorhandler;
    bool operator()(const char message[]) noexcept override {
        try {
            log::debug("butler_migrate.postgres", first_line(message));
        } catch (...) {
        }
        return false;
    }
};

SqlRow to_row(const pqxx::row& row) {
    SqlRow out;
    out.reserve(row.size());
    for (const auto& field : row) {
        if (field.is_null()) out.emplace_back(std::nullopt);
        else out.emplace_back(std::string(field.c_str(), field.size()));
    }
    return out;
}

}  // namespace

struct PostgresDatabase::Connection {
    pqxx::connection conn;
    NoticeToLog notices{conn};
    std::unique_ptr<pqxx::work> work;  // the open transaction, explicit or a cursor's own
    bool explicit_transaction = false;
    unsigned cursor_count = 0;

    explicit Connection(const std::string& conninfo) : conn(conninfo) {}

    // Runs a statement in the open transaction, or on its own (autocommit) when there is none.
    pqxx::result run(std::string_view sql, const SqlParams& params) {
        if (params.empty()) return run_plain(std::string(sql));
        auto numbered = number_placeholders(sql);
        if (numbered.parameter_count != params.size()) {
            throw DatabaseError(fmt::format("SQL statement takes {} parameters but {} were given",
                                            numbered.parameter_count, params.size()));
        }
        std::vector<const char*> values;
        for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
        return translate_errors([&] {
            auto exec = [&](pqxx::transaction_base& tx) {
                return tx.exec_params(numbered.sql, pqxx::prepare::make_dynamic_params(values));
            };
            if (work) return exec(*work);
            pqxx::nontransaction tx(conn);
            auto result = exec(tx);
            tx.commit();
            return result;
        });
    }

    // Without parameters the simple protocol is used, which also takes several statements at once.
    pqxx::result run_plain(const std::string& sql) {
        return translate_errors([&] {
            if (work) return work->exec(sql);
            pqxx::nontransaction tx(conn);
            auto result = tx.exec(sql);
            tx.commit();
            return result;
        });
    }
};

std::string postgres_conninfo(const DbUrl& url) {
    std::vector<std::pair<std::string, std::string>> entries;
    auto add = [&](const char* key, const std::optional<std::string>& value) {
        if (value && !value->empty()) entries.emplace_back(key, *value);
    };
    add("host", url.host);
    add("port", url.port);
    add("dbname", url.database);
    add("user", url.username);
    add("password", url.password);
    for (const auto& entry : url.query) entries.push_back(entry);
    auto has = [&](const std::string& key) {
        return std::any_of(entries.begin(), entries.end(), [&](const auto& e) { return e.first == key; });
    };
    if (!has("connect_timeout")) entries.emplace_back("connect_timeout", "10");
    if (!has("client_encoding")) entries.emplace_back("client_encoding", "UTF8");
    std::string conninfo;
    for (const auto& [key, value] : entries) {
        if (!conninfo.empty()) conninfo += ' ';
        conninfo += key + "=" + conninfo_value(value);
    }
    return conninfo;
}

PostgresDatabase::PostgresDatabase(const DbUrl& url, std::optional<std::string> schema, AccessMode mode)
    : Database(std::move(schema)) {
    if (url.password) register_secret(*url.password);
    try {
        connection_ = std::make_unique<Connection>(postgres_conninfo(url));
    } catch (const pqxx::pqxx_exception& e) {
        // The password is masked where it stands (redact_secrets) before escaping: an escaped password would no
        // longer be found.
        throw DatabaseError(hex_escaped_controls(redact_secrets(fmt::format(
            "Cannot connect to PostgreSQL database {}: {}", url.render(true), first_line(e.base().what())))));
    }
    if (mode == AccessMode::read_only) execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
}

PostgresDatabase::~PostgresDatabase() = default;  // an open transaction is aborted

std::vector<SqlRow> PostgresDatabase::query(std::string_view sql, const SqlParams& params) {
    pqxx::result result = connection_->run(sql, params);
    std::vector<SqlRow> rows;
    rows.reserve(result.size());
    for (const auto& row : result) rows.push_back(to_row(row));
    return rows;
}

void PostgresDatabase::query_each(std::string_view sql, const SqlParams& params,
                                  const std::function<void(const SqlRow&)>& on_row) {
    Connection& c = *connection_;
    const bool own_transaction = !c.work;
    if (own_transaction) c.work = translate_errors([&] { return std::make_unique<pqxx::work>(c.conn); });
    const std::string cursor = fmt::format("butler_migrate_cursor_{}", ++c.cursor_count);
    try {
        c.run("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + std::string(sql), params);
        const std::string fetch = fmt::format("FETCH FORWARD {} FROM {}", kFetchRows, cursor);
        while (true) {
            pqxx::result batch = c.run_plain(fetch);
            for (const auto& row : batch) on_row(to_row(row));
            if (batch.size() < kFetchRows) break;
        }
        c.run_plain("CLOSE " + cursor);
        if (own_transaction) {
            translate_errors([&] { c.work->commit(); });
            c.work.reset();
        }
    } catch (...) {
        if (own_transaction) c.work.reset();  // aborts
        throw;
    }
}

long long PostgresDatabase::execute(std::string_view sql, const SqlParams& params) {
    return static_cast<long long>(connection_->run(sql, params).affected_rows());
}

void PostgresDatabase::begin() {
    Connection& c = *connection_;
    if (c.explicit_transaction) throw DatabaseError("A transaction is already in progress");
    if (c.work) throw DatabaseError("Cannot begin a transaction while rows are being read");
    c.work = translate_errors([&] { return std::make_unique<pqxx::work>(c.conn); });
    c.explicit_transaction = true;
}

void PostgresDatabase::commit() {
    Connection& c = *connection_;
    if (!c.explicit_transaction) throw DatabaseError("No transaction in progress to commit");
    c.explicit_transaction = false;
    auto work = std::move(c.work);
    translate_errors([&] { work->commit(); });
}

void PostgresDatabase::rollback() {
    Connection& c = *connection_;
    if (!c.explicit_transaction) throw DatabaseError("No transaction in progress to roll back");
    c.explicit_transaction = false;
    auto work = std::move(c.work);
    translate_errors([&] { work->abort(); });
}

bool PostgresDatabase::in_transaction() const { return connection_->explicit_transaction; }

std::vector<std::string> PostgresDatabase::table_names() {
    return postgres_table_names(*this, catalog_schema());
}

bool PostgresDatabase::has_table(std::string_view name) {
    return postgres_has_table(*this, catalog_schema(), name);
}

TableSchema PostgresDatabase::reflect_table(std::string_view name) {
    return read_postgres_table(*this, schema(), name);
}

void PostgresDatabase::interrupt() {
    // A cancel request on its own connection to the server; the running statement then fails with 57014.
    try {
        connection_->conn.cancel_query();
    } catch (const std::exception&) {
        // Nothing is running, or the server is gone: the statement ends either way.
    }
}

}  // namespace butler_migrate
