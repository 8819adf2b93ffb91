/* SQL tracer for the traced scripts (bench/traced_oneshot_*.sql, via trace_to_floor.py):
 * LD_PRELOAD=libsqltrace.so butler-migrate ... appends the text of every
 * SQLite statement the program prepares or executes to $SQL_TRACE_FILE (one statement, then a line ";;").
 * Build: cc -shared -fPIC -O2 -o libsqltrace.so bench/sql_trace.c -ldl  (not part of the CMake build). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;

static void trace(const char *sql, int bytes) {
    const char *file = getenv("SQL_TRACE_FILE");
    if (!file || !sql) return;
    FILE *out = fopen(file, "a");
    if (!out) return;
    if (bytes < 0) fputs(sql, out);
    else fwrite(sql, 1, strnlen(sql, (size_t)bytes), out);
    fputs("\n;;\n", out);
    fclose(out);
}

int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int bytes, sqlite3_stmt **stmt, const char **tail) {
    static int (*real)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **);
    if (!real) real = (int (*)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **))dlsym(RTLD_NEXT, "sqlite3_prepare_v2");
    trace(sql, bytes);
    return real(db, sql, bytes, stmt, tail);
}

int sqlite3_prepare_v3(sqlite3 *db, const char *sql, int bytes, unsigned flags, sqlite3_stmt **stmt, const char **tail) {
    static int (*real)(sqlite3 *, const char *, int, unsigned, sqlite3_stmt **, const char **);
    if (!real) real = (int (*)(sqlite3 *, const char *, int, unsigned, sqlite3_stmt **, const char **))dlsym(RTLD_NEXT, "sqlite3_prepare_v3");
    trace(sql, bytes);
    return real(db, sql, bytes, flags, stmt, tail);
}

int sqlite3_exec(sqlite3 *db, const char *sql, int (*callback)(void *, int, char **, char **), void *arg, char **error) {
    static int (*real)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *, char **);
    if (!real) real = (int (*)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *, char **))dlsym(RTLD_NEXT, "sqlite3_exec");
    trace(sql, -1);
    return real(db, sql, callback, arg, error);
}
