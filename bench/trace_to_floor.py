#!/usr/bin/env python3
"""Turns the statements butler-migrate ran for a one-shot step into a traced script (bench/traced_oneshot_*.sql;
the floors, bench/floor_oneshot_*.sql, are written from the end state instead: see README.md).

Input: a SQLite trace (LD_PRELOAD of bench/sql_trace.c, statements separated by lines ";;") or a PostgreSQL
server log written with log_statement=all. Output on stdout: the statements that change the database, in order,
inside one transaction, for the sqlite3 shell or psql. Left out: catalogue reads (reflection, counts, the
streaming SELECT of raw datasets), the migration-lock transaction, and the parameterised statements (the
butler_attributes and alembic_version rows: hand-written with their values at the end instead). The batched
INSERTs of uuid5 ids the C++ computes are replaced by one bulk load of a precomputed map (@RAW_ID_MAP@), since
the floor measures the database's share of the work.

usage: trace_to_floor.py sqlite|postgresql REVISION TRACE_FILE > traced.sql
"""
import re
import sys

MANAGERS = "lsst.daf.butler.registry."
DATASETS_OLD = MANAGERS + "datasets.byDimensions._manager.ByDimensionsDatasetRecordStorageManager"
COLLECTIONS = MANAGERS + "collections."
FINAL = {
    "8c57494cabcc": [
        f"DELETE FROM {{ns}}butler_attributes WHERE name = 'version:{COLLECTIONS}nameKey.NameKeyCollectionManager'",
        f"UPDATE {{ns}}butler_attributes SET value = '{COLLECTIONS}synthIntKey.SynthIntKeyCollectionManager' "
        "WHERE name = 'config:registry.managers.collections'",
        f"INSERT INTO {{ns}}butler_attributes (name, value) VALUES "
        f"('version:{COLLECTIONS}synthIntKey.SynthIntKeyCollectionManager', '2.0.0')",
        "UPDATE {ns}alembic_version SET version_num = '8c57494cabcc' WHERE version_num = '93341d68b814'",
    ],
    "2101fbf51ad3": [
        f"DELETE FROM {{ns}}butler_attributes WHERE name = 'version:{DATASETS_OLD}'",
        f"DELETE FROM {{ns}}butler_attributes WHERE name = 'schema_digest:{DATASETS_OLD}'",
        f"UPDATE {{ns}}butler_attributes SET value = '{DATASETS_OLD}UUID' WHERE name = 'config:registry.managers.datasets'",
        f"INSERT INTO {{ns}}butler_attributes (name, value) VALUES ('version:{DATASETS_OLD}UUID', '1.0.0')",
        f"INSERT INTO {{ns}}butler_attributes (name, value) VALUES ('schema_digest:{DATASETS_OLD}UUID', "
        "'00000000000000000000000000000000')",
        f"UPDATE {{ns}}butler_attributes SET value = '00000000000000000000000000000000' WHERE name = "
        f"'schema_digest:{MANAGERS}bridge.monolithic.MonolithicDatastoreRegistryBridgeManager'",
        "UPDATE {ns}alembic_version SET version_num = '2101fbf51ad3' WHERE version_num = '635083325f20'",
    ],
}


def sqlite_statements(text):
    return [s.strip() for s in text.split("\n;;\n")]


def postgres_statements(text):
    """Statements of the log's butler-migrate session (the one that logs LOCK/ALTER), in order."""
    out, current = [], None
    for line in text.splitlines():
        m = re.match(r".*?LOG:\s+(statement|execute [^:]*):\s(.*)$", line)
        if m:
            if current is not None:
                out.append(current)
            current = m.group(2)
        elif current is not None and (line.startswith("\t") or not re.match(r"^\d{4}-\d\d-\d\d ", line)):
            if re.match(r".*?(DETAIL|HINT|CONTEXT|ERROR|STATEMENT):", line):
                continue
            current += "\n" + line.lstrip("\t")
        else:
            if current is not None:
                out.append(current)
            current = None
    if current is not None:
        out.append(current)
    return [s.strip() for s in out]


def keep(statement):
    m = re.match(r"\s*(\w+)", statement)
    head = m.group(1).upper() if m else ""
    if head in ("SELECT", "PRAGMA", "SHOW", "SET", "DECLARE", "FETCH", "CLOSE", "BEGIN", "COMMIT", "ROLLBACK"):
        return False
    if "?" in statement or re.search(r"\$\d", statement):
        return False  # parameterised: attributes and alembic_version rows, written out at the end
    return True


def main():
    backend, revision, path = sys.argv[1:4]
    with open(path) as f:
        text = f.read()
    statements = sqlite_statements(text) if backend == "sqlite" else postgres_statements(text)
    body, loaded = [], False
    for s in statements:
        is_raw_batch = re.match(r'INSERT INTO \S*migration_id2uuid"? \(id, uuid\) VALUES', s)
        if is_raw_batch and not loaded:
            if backend == "sqlite":
                body.append(".import --csv @RAW_ID_MAP@ migration_id2uuid")
            else:
                body.append("\\copy bench.migration_id2uuid (id, uuid) FROM '@RAW_ID_MAP@' WITH (FORMAT csv)")
            loaded = True
        if is_raw_batch or not keep(s):
            continue
        if body and body[-1] == s + ";":
            continue  # sqlite3_exec reports its statement twice
        body.append(s + ";")
    ns = "" if backend == "sqlite" else "bench."
    print(f"-- Traced statements of one-shot {revision} on {backend} (not the floor: bench/floor_oneshot_*.sql is; timed with")
    print("-- TRACED=1 bench/run-oneshot.sh): the statements butler-migrate runs on a registry of")
    print("-- bench/make_registry --layout oneshot (written by bench/trace_to_floor.py from a trace of the tool).")
    print("-- The raw datasets' uuid5 ids, which the tool computes in C++ and inserts in batches, are bulk-loaded")
    print("-- from a precomputed map instead (@RAW_ID_MAP@, make_registry --raw-id-map): the floor is the database's")
    print("-- share of the work. Catalogue reads and the attribute rows' parameters are left out / written out.")
    print("BEGIN;")
    for s in body:
        print(s)
    for s in FINAL[revision]:
        print(s.format(ns=ns) + ";")
    print("COMMIT;")


if __name__ == "__main__":
    main()
