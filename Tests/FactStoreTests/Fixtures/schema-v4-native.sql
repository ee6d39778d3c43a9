-- A database as heapsight's store schema version 4 wrote it (the version 3 fixture migrated by
-- the version 4 code, plus one native run scanned by it, then dumped with sqlite3 .dump).
-- Used by OpenAndMigrateTests. Never edit.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_version(
  version     INTEGER PRIMARY KEY,
  applied_at  TEXT NOT NULL,
  description TEXT NOT NULL
);
INSERT INTO schema_version VALUES(1,'2026-11-01T10:00:00.000Z','runs, packages, files, functions, facts, diagnostics');
INSERT INTO schema_version VALUES(2,'2026-11-27T00:36:44.302Z','function_metrics, package_metrics, function_names, runs.heap_sites_source, row counts, git_committed_at');
INSERT INTO schema_version VALUES(3,'2026-11-27T02:17:52.145Z','function_metrics.fingerprint');
INSERT INTO schema_version VALUES(4,'2026-12-04T14:42:08.167Z','directives, runs.directives_recorded');
CREATE TABLE runs(
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at   TEXT NOT NULL,
  finished_at  TEXT NOT NULL,
  roots        TEXT NOT NULL,
  git_commit   TEXT,
  git_branch   TEXT,
  git_dirty    INTEGER,
  label        TEXT,
  engine       TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  go_version   TEXT,
  goroot       TEXT,
  goos         TEXT NOT NULL,
  goarch       TEXT NOT NULL,
  config_hash  TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'partial')),
  skipped      TEXT NOT NULL
, heap_sites_source TEXT NOT NULL DEFAULT 'none', package_count INTEGER NOT NULL DEFAULT 0, function_count INTEGER NOT NULL DEFAULT 0, fact_count INTEGER NOT NULL DEFAULT 0, diagnostic_count INTEGER NOT NULL DEFAULT 0, git_committed_at TEXT, directives_recorded INTEGER NOT NULL DEFAULT 0);
INSERT INTO runs VALUES(1,'2026-11-01T10:00:00.000Z','2026-11-01T10:00:05.000Z','["."]','aaaa1111','main',0,'before-upgrade','gc','0.0.9','go1.27.3','/goroot','linux','amd64','cfg','ok','[]','alloc',1,2,4,0,NULL,0);
INSERT INTO runs VALUES(2,'2026-12-04T14:42:07.695Z','2026-12-04T14:42:08.246Z','["m"]',NULL,NULL,NULL,NULL,'native','0.1.0','go1.27.3','/goroot','linux','amd64','e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855','ok','["escape: the native engine does not compute it yet (use --engine gc)","allocations: the native engine does not compute it yet (use --engine gc)"]','none',1,1,1,0,NULL,1);
CREATE TABLE packages(
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  import_path TEXT NOT NULL,
  name        TEXT NOT NULL,
  directory   TEXT NOT NULL,
  is_standard INTEGER NOT NULL,
  failed      INTEGER NOT NULL
);
INSERT INTO packages VALUES(1,1,'example.com/m','m','.',0,0);
INSERT INTO packages VALUES(2,2,'example.com/m','m','.',0,0);
CREATE TABLE files(
  id      INTEGER PRIMARY KEY,
  run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  path    TEXT NOT NULL,
  package TEXT NOT NULL,
  sha256  TEXT NOT NULL,
  bytes   INTEGER NOT NULL,
  lines   INTEGER NOT NULL
);
INSERT INTO files VALUES(1,1,'m.go','example.com/m','ff',120,12);
INSERT INTO files VALUES(2,2,'m.go','example.com/m','67ab4bcb23798a691f64fd789b4817641d867845c88f6e04ec66bf6a6dfade03',68,7);
CREATE TABLE functions(
  id              INTEGER PRIMARY KEY,
  run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  function_id     TEXT NOT NULL,
  package         TEXT NOT NULL,
  receiver        TEXT NOT NULL,
  name            TEXT NOT NULL,
  file            TEXT NOT NULL,
  line            INTEGER NOT NULL,
  col             INTEGER NOT NULL,
  start_line      INTEGER NOT NULL,
  start_col       INTEGER NOT NULL,
  end_line        INTEGER NOT NULL,
  end_col         INTEGER NOT NULL,
  line_count      INTEGER NOT NULL,
  statement_count INTEGER NOT NULL,
  directives      TEXT NOT NULL,
  is_literal      INTEGER NOT NULL,
  parent          TEXT
);
INSERT INTO functions VALUES(1,1,'example.com/m.F','example.com/m','','F','m.go',3,6,3,1,7,1,5,2,'[]',0,NULL);
INSERT INTO functions VALUES(2,1,'example.com/m.G','example.com/m','','G','m.go',8,6,8,1,12,1,5,2,'[]',0,NULL);
INSERT INTO functions VALUES(3,2,'example.com/m.F','example.com/m','','F','m.go',4,6,4,1,7,1,4,2,'["//heapsight:noalloc"]',0,NULL);
CREATE TABLE facts(
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  file        TEXT NOT NULL,
  line        INTEGER NOT NULL,
  col         INTEGER NOT NULL,
  subject     TEXT NOT NULL,
  detail      TEXT NOT NULL,
  function_id TEXT,
  package     TEXT,
  explanation TEXT NOT NULL,
  external    INTEGER NOT NULL
);
INSERT INTO facts VALUES(1,1,'can-inline','m.go',3,6,'F','cost=4','example.com/m.F','example.com/m','[]',0);
INSERT INTO facts VALUES(2,1,'alloc','m.go',5,10,'&T{}','composite heap depth=2','example.com/m.F','example.com/m','[]',0);
INSERT INTO facts VALUES(3,1,'escapes','m.go',5,10,'&T{}','','example.com/m.F','example.com/m','["flow: x = &T{}"]',0);
INSERT INTO facts VALUES(4,1,'moved-to-heap','m.go',9,2,'v','','example.com/m.G','example.com/m','[]',0);
INSERT INTO facts VALUES(5,2,'can-inline','m.go',4,6,'F','cost=8','example.com/m.F','example.com/m','[]',0);
CREATE TABLE diagnostics(
  id       INTEGER PRIMARY KEY,
  run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  severity TEXT NOT NULL,
  source   TEXT NOT NULL,
  file     TEXT NOT NULL,
  line     INTEGER NOT NULL,
  col      INTEGER NOT NULL,
  message  TEXT NOT NULL,
  package  TEXT
);
CREATE TABLE function_metrics(
  run_id              INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  function_id         TEXT NOT NULL,
  package             TEXT NOT NULL,
  heap_sites          INTEGER NOT NULL,
  heap_sites_in_loops INTEGER NOT NULL,
  moved_to_heap       INTEGER NOT NULL,
  escapes             INTEGER NOT NULL,
  no_escape           INTEGER NOT NULL,
  leaks               INTEGER NOT NULL,
  inlinable           INTEGER NOT NULL,
  not_inlinable       INTEGER NOT NULL,
  inline_calls        INTEGER NOT NULL,
  allocs              INTEGER NOT NULL,
  facts               INTEGER NOT NULL, fingerprint INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (function_id, run_id)
) WITHOUT ROWID;
INSERT INTO function_metrics VALUES(1,'example.com/m.F','example.com/m',1,1,0,1,0,0,1,0,0,1,3,8877695609);
INSERT INTO function_metrics VALUES(2,'example.com/m.F','example.com/m',0,0,0,0,0,0,1,0,0,0,1,1729582702);
INSERT INTO function_metrics VALUES(1,'example.com/m.G','example.com/m',0,0,1,0,0,0,0,0,0,0,1,2643117954);
CREATE TABLE package_metrics(
  run_id              INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  package             TEXT NOT NULL,
  functions           INTEGER NOT NULL,
  heap_sites          INTEGER NOT NULL,
  heap_sites_in_loops INTEGER NOT NULL,
  moved_to_heap       INTEGER NOT NULL,
  escapes             INTEGER NOT NULL,
  no_escape           INTEGER NOT NULL,
  leaks               INTEGER NOT NULL,
  inlinable           INTEGER NOT NULL,
  not_inlinable       INTEGER NOT NULL,
  inline_calls        INTEGER NOT NULL,
  allocs              INTEGER NOT NULL,
  facts               INTEGER NOT NULL,
  PRIMARY KEY (run_id, package)
) WITHOUT ROWID;
INSERT INTO package_metrics VALUES(1,'example.com/m',2,1,1,1,1,0,0,1,0,0,1,4);
INSERT INTO package_metrics VALUES(2,'example.com/m',1,0,0,0,0,0,0,1,0,0,0,1);
CREATE TABLE function_names(
  function_id TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO function_names VALUES('example.com/m.F');
INSERT INTO function_names VALUES('example.com/m.G');
CREATE TABLE directives(
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  file        TEXT NOT NULL,
  line        INTEGER NOT NULL,
  col         INTEGER NOT NULL,
  text        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('placed', 'invalid', 'note')),
  namespace   TEXT,
  verb        TEXT,
  rule        TEXT,
  reason      TEXT,
  function_id TEXT,
  target_line INTEGER,
  message     TEXT
);
INSERT INTO directives VALUES(1,2,'m.go',3,1,'//heapsight:noalloc','placed','heapsight','noalloc',NULL,NULL,'example.com/m.F',NULL,NULL);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('runs',2);
CREATE INDEX runs_label ON runs(label) WHERE label IS NOT NULL;
CREATE INDEX runs_branch ON runs(git_branch, id) WHERE git_branch IS NOT NULL;
CREATE INDEX packages_run ON packages(run_id, import_path);
CREATE INDEX files_run ON files(run_id, path);
CREATE INDEX functions_run ON functions(run_id, function_id);
CREATE INDEX facts_run ON facts(run_id, function_id);
CREATE INDEX diagnostics_run ON diagnostics(run_id);
CREATE INDEX package_metrics_package ON package_metrics(package, run_id);
CREATE INDEX runs_started ON runs(started_at);
CREATE INDEX function_metrics_run ON function_metrics(run_id, fingerprint, facts);
CREATE INDEX directives_run ON directives(run_id, file, line, col);
COMMIT;
