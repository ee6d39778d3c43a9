#ifndef HEAPSIGHT_CSQLITE_SHIM_H
#define HEAPSIGHT_CSQLITE_SHIM_H
#include <sqlite3.h>

/// Non-variadic wrapper: sqlite3_db_config is variadic and does not import into Swift.
static inline int heapsight_sqlite3_db_config_int(sqlite3 *db, int op, int value, int *out) {
    return sqlite3_db_config(db, op, value, out);
}
#endif
