-- A database as heapsight's store schema version 1 wrote it: one run, two functions, four facts.
-- Used by OpenAndMigrateTests to check the migration to later versions. Never edit: it is history.
CREATE TABLE schema_version(
  version     INTEGER PRIMARY KEY,
  applied_at  TEXT NOT NULL,
  description TEXT NOT NULL
);
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
);
CREATE INDEX runs_label ON runs(label) WHERE label IS NOT NULL;
CREATE INDEX runs_branch ON runs(git_branch, id) WHERE git_branch IS NOT NULL;
CREATE TABLE packages(
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  import_path TEXT NOT NULL,
  name        TEXT NOT NULL,
  directory   TEXT NOT NULL,
  is_standard INTEGER NOT NULL,
  failed      INTEGER NOT NULL
);
CREATE INDEX packages_run ON packages(run_id, import_path);
CREATE TABLE files(
  id      INTEGER PRIMARY KEY,
  run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  path    TEXT NOT NULL,
  package TEXT NOT NULL,
  sha256  TEXT NOT NULL,
  bytes   INTEGER NOT NULL,
  lines   INTEGER NOT NULL
);
CREATE INDEX files_run ON files(run_id, path);
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
CREATE INDEX functions_run ON functions(run_id, function_id);
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
CREATE INDEX facts_run ON facts(run_id, function_id);
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
CREATE INDEX diagnostics_run ON diagnostics(run_id);

INSERT INTO schema_version VALUES(1, '2026-11-01T10:00:00.000Z', 'runs, packages, files, functions, facts, diagnostics');
INSERT INTO runs(id, started_at, finished_at, roots, git_commit, git_branch, git_dirty, label, engine, tool_version,
  go_version, goroot, goos, goarch, config_hash, status, skipped)
VALUES(1, '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:05.000Z', '["."]', 'aaaa1111', 'main', 0, 'before-upgrade',
  'gc', '0.0.9', 'go1.27.3', '/goroot', 'linux', 'amd64', 'cfg', 'ok', '[]');
INSERT INTO packages(run_id, import_path, name, directory, is_standard, failed) VALUES(1, 'example.com/m', 'm', '.', 0, 0);
INSERT INTO files(run_id, path, package, sha256, bytes, lines) VALUES(1, 'm.go', 'example.com/m', 'ff', 120, 12);
INSERT INTO functions(run_id, function_id, package, receiver, name, file, line, col, start_line, start_col, end_line,
  end_col, line_count, statement_count, directives, is_literal, parent)
VALUES(1, 'example.com/m.F', 'example.com/m', '', 'F', 'm.go', 3, 6, 3, 1, 7, 1, 5, 2, '[]', 0, NULL),
      (1, 'example.com/m.G', 'example.com/m', '', 'G', 'm.go', 8, 6, 8, 1, 12, 1, 5, 2, '[]', 0, NULL);
INSERT INTO facts(run_id, kind, file, line, col, subject, detail, function_id, package, explanation, external)
VALUES(1, 'can-inline', 'm.go', 3, 6, 'F', 'cost=4', 'example.com/m.F', 'example.com/m', '[]', 0),
      (1, 'alloc', 'm.go', 5, 10, '&T{}', 'composite heap depth=2', 'example.com/m.F', 'example.com/m', '[]', 0),
      (1, 'escapes', 'm.go', 5, 10, '&T{}', '', 'example.com/m.F', 'example.com/m', '["flow: x = &T{}"]', 0),
      (1, 'moved-to-heap', 'm.go', 9, 2, 'v', '', 'example.com/m.G', 'example.com/m', '[]', 0);
