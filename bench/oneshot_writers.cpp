// Writes the 2021-era benchmark registry: SQLite (tables with keys inline, prepared inserts in one transaction,
// indexes last) or PostgreSQL (bare tables, COPY, then keys and indexes, then ANALYZE).
#include "oneshot_writers.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <libpq-fe.h>

namespace bench::oneshot {

namespace {

// As `butler-migrate stamp` (alembic) creates it, on both backends.
const char* const kAlembicVersion =
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY "
    "(version_num))";

class SqliteSink : public RowSink {
public:
    explicit SqliteSink(SQLite::Database& db) : db_(db) {}
    Backend backend() const override { return Backend::sqlite; }
    void begin(const std::string& table, const std::vector<std::string>& columns) override {
        std::string marks;
        for (std::size_t i = 0; i < columns.size(); ++i) marks += i ? ", ?" : "?";
        insert_ = std::make_unique<SQLite::Statement>(
            db_, fmt::format("INSERT INTO {} ({}) VALUES ({})", table, fmt::join(columns, ", "), marks));
    }
    void row(const Row& values) override {
        for (std::size_t i = 0; i < values.size(); ++i) {
            const int at = static_cast<int>(i + 1);
            if (auto* n = std::get_if<long long>(&values[i])) insert_->bind(at, static_cast<int64_t>(*n));
            else if (auto* s = std::get_if<std::string>(&values[i])) insert_->bind(at, *s);
            else insert_->bind(at);
        }
        insert_->exec();
        insert_->reset();
    }
    void finish() override { insert_.reset(); }

private:
    SQLite::Database& db_;
    std::unique_ptr<SQLite::Statement> insert_;
};

// COPY text format: tab-separated, \N for NULL, backslash escapes.
void append_copy_field(std::string& line, const Value& value) {
    if (auto* n = std::get_if<long long>(&value)) {
        line += std::to_string(*n);
        return;
    }
    const auto* s = std::get_if<std::string>(&value);
    if (!s) {
        line += "\\N";
        return;
    }
    for (char c : *s) {
        if (c == '\\') line += "\\\\";
        else if (c == '\t') line += "\\t";
        else if (c == '\n') line += "\\n";
        else line += c;
    }
}

// A libpq connection that throws on errors.
class PgConnection {
public:
    explicit PgConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
        if (PQstatus(conn_) != CONNECTION_OK) throw std::runtime_error(error("cannot connect"));
    }
    ~PgConnection() { PQfinish(conn_); }
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    void exec(const std::string& sql, ExecStatusType expected = PGRES_COMMAND_OK) {
        PGresult* result = PQexec(conn_, sql.c_str());
        const bool ok = PQresultStatus(result) == expected || PQresultStatus(result) == PGRES_TUPLES_OK;
        PQclear(result);
        if (!ok) throw std::runtime_error(error(sql.substr(0, 80)));
    }
    void put(const std::string& data) {
        if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1) throw std::runtime_error(error("COPY"));
    }
    void end_copy() {
        if (PQputCopyEnd(conn_, nullptr) != 1) throw std::runtime_error(error("COPY end"));
        PGresult* result = PQgetResult(conn_);
        const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
        PQclear(result);
        while ((result = PQgetResult(conn_))) PQclear(result);
        if (!ok) throw std::runtime_error(error("COPY"));
    }

private:
    std::string error(const std::string& what) const { return what + ": " + PQerrorMessage(conn_); }
    PGconn* conn_;
};

class PostgresSink : public RowSink {
public:
    explicit PostgresSink(PgConnection& pg) : pg_(pg) {}
    Backend backend() const override { return Backend::postgresql; }
    void begin(const std::string& table, const std::vector<std::string>& columns) override {
        finish();
        pg_.exec(fmt::format("COPY {} ({}) FROM STDIN", table, fmt::join(columns, ", ")), PGRES_COPY_IN);
        open_ = true;
    }
    void row(const Row& values) override {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i) buffer_ += '\t';
            append_copy_field(buffer_, values[i]);
        }
        buffer_ += '\n';
        if (buffer_.size() > (1 << 20)) flush();
    }
    void finish() override {
        if (!open_) return;
        flush();
        pg_.end_copy();
        open_ = false;
    }

private:
    void flush() {
        if (!buffer_.empty()) pg_.put(buffer_);
        buffer_.clear();
    }
    PgConnection& pg_;
    std::string buffer_;
    bool open_ = false;
};

}  // namespace

void write_sqlite_registry(const std::string& file, const Size& size) {
    if (std::FILE* existing = std::fopen(file.c_str(), "r")) {
        std::fclose(existing);
        throw std::runtime_error(file + " exists already");
    }
    SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = OFF");
    db.exec("PRAGMA synchronous = OFF");
    db.exec("PRAGMA cache_size = -262144");
    SQLite::Transaction transaction(db);
    const auto tables = registry_tables();
    db.exec(kAlembicVersion);
    for (const auto& t : tables) db.exec(sqlite_create_table(t));
    SqliteSink sink(db);
    write_rows(size, sink);
    for (const auto& t : tables)
        for (const auto& ddl : sqlite_indexes(t)) db.exec(ddl);
    transaction.commit();
    db.exec("ANALYZE");
    db.exec("PRAGMA journal_mode = DELETE");
}

void write_postgres_registry(const std::string& url, const std::string& schema, const Size& size) {
    PgConnection pg(url);
    pg.exec("BEGIN");
    pg.exec(fmt::format("CREATE SCHEMA \"{}\"", schema));
    pg.exec(fmt::format("SET LOCAL search_path TO \"{}\"", schema));
    pg.exec("SET LOCAL maintenance_work_mem = '256MB'");
    const auto tables = registry_tables();
    pg.exec(kAlembicVersion);
    for (const auto& t : tables)
        for (const auto& ddl : postgres_create_table(t)) pg.exec(ddl);
    PostgresSink sink(pg);
    write_rows(size, sink);
    for (const auto& t : tables)
        for (const auto& ddl : postgres_keys(t)) pg.exec(ddl);
    pg.exec(fmt::format("SELECT setval('dataset_seq_id', {})", std::max(1LL, size.datasets)));
    pg.exec("COMMIT");
    pg.exec("ANALYZE");
}

}  // namespace bench::oneshot
