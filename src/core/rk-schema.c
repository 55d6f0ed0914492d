/* rk-schema.c: the schema, its migrations and the reference rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules that make offline merging possible (DESIGN.md "Data"): every key is
 * a UUID text; reference rows have fixed keys, the same on every install;
 * editable rows carry created_at and updated_at; money is in cents, dates
 * are ISO 8601 text, enumerations are stable lower-case keys; link tables
 * have a key of their own. Derived data (the search index) and this copy's
 * own bookkeeping (table `local`) are never exchanged.
 */
#define G_LOG_DOMAIN "rk-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"

#define DATE_CHECK(col) \
  "CHECK (" col " IS NULL OR " col " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')"
#define TIMESTAMPS \
  "  created_at TEXT NOT NULL," \
  "  updated_at TEXT NOT NULL"

/* The indexes of the two lists a file can import into. A large import
 * drops them and builds them again afterwards (rk_schema_get_indexes()):
 * building an index from all rows at once is several times faster than
 * inserting into it row by row.
 *
 * The project list filters by field, status, pillar and lead ministry
 * and sorts by title, code or last change: each sort has an index that
 * also holds every filter column, so any combination is one scan of a
 * narrow index without touching the table. The status sort orders by the
 * very expression of its index (rk-project-list.c): SQLite uses an index
 * on an expression only when the ORDER BY spells it the same way. */
#define PROJECT_LIST_TITLE \
  "CREATE INDEX project_list_title ON project" \
  "  (title COLLATE NOCASE, status, field_id, pillar, lead_ministry)"
#define PROJECT_LIST_CODE \
  "CREATE INDEX project_list_code ON project" \
  "  (code, title COLLATE NOCASE, status, field_id, pillar, lead_ministry)"
#define PROJECT_LIST_STATUS \
  "CREATE INDEX project_list_status ON project" \
  "  (CASE status WHEN 'proposal' THEN 0 WHEN 'under_review' THEN 1" \
  "   WHEN 'in_implementation' THEN 2 WHEN 'completed' THEN 3 ELSE 4 END," \
  "   title COLLATE NOCASE, status, field_id, pillar, lead_ministry)"
#define PROJECT_LIST_UPDATED \
  "CREATE INDEX project_list_updated ON project" \
  "  (updated_at, status, field_id, pillar, lead_ministry)"
#define PROJECT_LEAD_MINISTRY \
  "CREATE INDEX project_lead_ministry ON project (lead_ministry)"
/* Like the project list, each sort of the organisation list has an index
 * with the filter columns, kind and municipality. */
#define ORGANISATION_LIST_NAME \
  "CREATE INDEX organisation_list_name ON organisation" \
  "  (name COLLATE NOCASE, kind, municipality_id)"
#define ORGANISATION_LIST_UPDATED \
  "CREATE INDEX organisation_list_updated ON organisation" \
  "  (updated_at, kind, municipality_id)"

static const RkSchemaIndex project_indexes[] = {
  { "project_list_title", PROJECT_LIST_TITLE },
  { "project_list_code", PROJECT_LIST_CODE },
  { "project_list_status", PROJECT_LIST_STATUS },
  { "project_list_updated", PROJECT_LIST_UPDATED },
  { "project_lead_ministry", PROJECT_LEAD_MINISTRY },
  { NULL, NULL }
};

static const RkSchemaIndex organisation_indexes[] = {
  { "organisation_list_name", ORGANISATION_LIST_NAME },
  { "organisation_list_updated", ORGANISATION_LIST_UPDATED },
  { NULL, NULL }
};

static const char schema_v1[] =
  "PRAGMA application_id = 1380666967;" /* RK_APPLICATION_ID */

  /* Reference rows, shipped with the app. */
  "CREATE TABLE field ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL UNIQUE CHECK (position BETWEEN 1 AND 5),"
  "  name_de TEXT NOT NULL,"
  "  name_en TEXT NOT NULL"
  ");"
  "CREATE TABLE municipality ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL UNIQUE,"
  "  district TEXT" /* NULL for a kreisfreie Stadt */
  ");"

  "CREATE TABLE project ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  code TEXT UNIQUE CHECK (code IS NULL OR code <> ''),"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  goal TEXT NOT NULL DEFAULT '',"
  "  field_id TEXT REFERENCES field (id),"
  "  pillar TEXT NOT NULL DEFAULT 'ministry_project' CHECK (pillar IN"
  "    ('ministry_project', 'partner_project', 'state_programme')),"
  "  status TEXT NOT NULL DEFAULT 'proposal' CHECK (status IN"
  "    ('proposal', 'under_review', 'in_implementation', 'completed', 'not_pursued')),"
  "  lead_ministry TEXT NOT NULL DEFAULT '',"
  "  volume_cents INTEGER CHECK (volume_cents IS NULL OR volume_cents >= 0),"
  "  start_date TEXT " DATE_CHECK ("start_date") ","
  "  end_date TEXT " DATE_CHECK ("end_date") ","
  "  added_value TEXT NOT NULL DEFAULT '',"
  "  approach TEXT NOT NULL DEFAULT '',"
  "  beneficiaries TEXT NOT NULL DEFAULT '',"
  "  current_status TEXT NOT NULL DEFAULT '',"
  "  outlook TEXT NOT NULL DEFAULT '',"
  "  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),"
     TIMESTAMPS ","
  "  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)"
  ");"
  PROJECT_LIST_TITLE ";"
  PROJECT_LIST_CODE ";"
  PROJECT_LIST_STATUS ";"
  PROJECT_LIST_UPDATED ";"
  PROJECT_LEAD_MINISTRY ";"

  "CREATE TABLE milestone ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  project_id TEXT NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL " DATE_CHECK ("date") ","
  "  text TEXT NOT NULL DEFAULT '',"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
     TIMESTAMPS
  ");"
  "CREATE INDEX milestone_project ON milestone (project_id, date);"

  "CREATE TABLE project_municipality ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  project_id TEXT NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
  "  municipality_id TEXT NOT NULL REFERENCES municipality (id),"
     TIMESTAMPS ","
  "  UNIQUE (project_id, municipality_id)"
  ");"
  "CREATE INDEX project_municipality_municipality ON project_municipality (municipality_id);"

  "CREATE TABLE organisation ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN"
  "    ('authority', 'company', 'association', 'club', 'self_employed',"
  "     'private_person', 'research', 'municipality', 'other')),"
  "  municipality_id TEXT REFERENCES municipality (id),"
  "  address TEXT NOT NULL DEFAULT '',"
  "  website TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  erased_at TEXT," /* personal data erased (GDPR Art. 17) */
  "  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),"
     TIMESTAMPS
  ");"
  "CREATE INDEX organisation_name ON organisation (name COLLATE NOCASE);"
  "CREATE INDEX organisation_updated ON organisation (updated_at);"

  "CREATE TABLE project_partner ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  project_id TEXT NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
  "  organisation_id TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL DEFAULT 'partner' CHECK (role IN"
  "    ('lead_partner', 'partner', 'funder', 'proposer')),"
     TIMESTAMPS ","
  "  UNIQUE (project_id, organisation_id)"
  ");"
  "CREATE INDEX project_partner_organisation ON project_partner (organisation_id);"

  "CREATE TABLE board_member ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  function TEXT NOT NULL DEFAULT '',"
  "  active_from TEXT " DATE_CHECK ("active_from") ","
  "  active_to TEXT " DATE_CHECK ("active_to") ","
  "  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),"
     TIMESTAMPS ","
  "  CHECK (active_from IS NULL OR active_to IS NULL OR active_to >= active_from)"
  ");"

  "CREATE TABLE meeting ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  date TEXT NOT NULL " DATE_CHECK ("date") ","
  "  place TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),"
     TIMESTAMPS
  ");"
  "CREATE INDEX meeting_date ON meeting (date);"

  "CREATE TABLE meeting_member (" /* members present */
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  meeting_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  board_member_id TEXT NOT NULL REFERENCES board_member (id) ON DELETE CASCADE,"
     TIMESTAMPS ","
  "  UNIQUE (meeting_id, board_member_id)"
  ");"
  "CREATE INDEX meeting_member_member ON meeting_member (board_member_id);"

  "CREATE TABLE note ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  meeting_id TEXT REFERENCES meeting (id) ON DELETE SET NULL,"
  "  author_id TEXT REFERENCES board_member (id) ON DELETE SET NULL,"
  "  date TEXT NOT NULL " DATE_CHECK ("date") ","
  "  title TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL DEFAULT '',"
  "  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),"
     TIMESTAMPS
  ");"
  "CREATE INDEX note_date ON note (date);"
  "CREATE INDEX note_meeting ON note (meeting_id);"
  "CREATE INDEX note_author ON note (author_id);"

  "CREATE TABLE note_project ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  note_id TEXT NOT NULL REFERENCES note (id) ON DELETE CASCADE,"
  "  project_id TEXT NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
     TIMESTAMPS ","
  "  UNIQUE (note_id, project_id)"
  ");"
  "CREATE INDEX note_project_project ON note_project (project_id);"

  "CREATE TABLE report ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  as_of TEXT NOT NULL " DATE_CHECK ("as_of") ","
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted')),"
     TIMESTAMPS
  ");"

  /* A report entry is a snapshot: it keeps the project's code and title as
   * they were, so an adopted report reads the same after the project is
   * renamed or deleted. */
  "CREATE TABLE report_entry ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  report_id TEXT NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  project_id TEXT REFERENCES project (id) ON DELETE SET NULL,"
  "  project_code TEXT,"
  "  project_title TEXT NOT NULL,"
  "  field_id TEXT REFERENCES field (id),"
  "  status TEXT NOT NULL CHECK (status IN"
  "    ('proposal', 'under_review', 'in_implementation', 'completed', 'not_pursued')),"
  "  text TEXT NOT NULL DEFAULT '',"
     TIMESTAMPS ","
  "  UNIQUE (report_id, project_id)"
  ");"
  "CREATE INDEX report_entry_project ON report_entry (project_id);"

  /* This copy's own bookkeeping: its identity, the last exchange. */
  "CREATE TABLE local ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ");"

  /* The search index, derived from the rows above by triggers. Each FTS
   * row has the rowid of the row it indexes, so a search joins on integers.
   * Those rowids are stable because the app never runs a plain VACUUM,
   * which may renumber them; copies are made with the backup API. */
  "CREATE VIRTUAL TABLE project_fts USING fts5 ("
  "  code, title, goal, body,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  "CREATE VIRTUAL TABLE organisation_fts USING fts5 ("
  "  name, body,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  "CREATE VIRTUAL TABLE note_fts USING fts5 ("
  "  title, body,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"

#define PROJECT_BODY \
  "NEW.lead_ministry || ' ' || NEW.added_value || ' ' || NEW.approach || ' ' ||" \
  "NEW.beneficiaries || ' ' || NEW.current_status || ' ' || NEW.outlook"
  "CREATE TRIGGER project_fts_insert AFTER INSERT ON project BEGIN"
  "  INSERT INTO project_fts (rowid, code, title, goal, body)"
  "  VALUES (NEW.rowid, NEW.code, NEW.title, NEW.goal, " PROJECT_BODY ");"
  "END;"
  "CREATE TRIGGER project_fts_update AFTER UPDATE OF code, title, goal,"
  "    lead_ministry, added_value, approach, beneficiaries, current_status,"
  "    outlook ON project BEGIN"
  "  UPDATE project_fts SET code = NEW.code, title = NEW.title, goal = NEW.goal,"
  "    body = " PROJECT_BODY
  "  WHERE rowid = NEW.rowid;"
  "END;"
  "CREATE TRIGGER project_fts_delete AFTER DELETE ON project BEGIN"
  "  DELETE FROM project_fts WHERE rowid = OLD.rowid;"
  "END;"
#undef PROJECT_BODY

  "CREATE TRIGGER organisation_fts_insert AFTER INSERT ON organisation BEGIN"
  "  INSERT INTO organisation_fts (rowid, name, body)"
  "  VALUES (NEW.rowid, NEW.name, NEW.address || ' ' || NEW.notes);"
  "END;"
  "CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name, address, notes"
  "    ON organisation BEGIN"
  "  UPDATE organisation_fts SET name = NEW.name, body = NEW.address || ' ' || NEW.notes"
  "  WHERE rowid = NEW.rowid;"
  "END;"
  "CREATE TRIGGER organisation_fts_delete AFTER DELETE ON organisation BEGIN"
  "  DELETE FROM organisation_fts WHERE rowid = OLD.rowid;"
  "END;"

  "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN"
  "  INSERT INTO note_fts (rowid, title, body) VALUES (NEW.rowid, NEW.title, NEW.text);"
  "END;"
  "CREATE TRIGGER note_fts_update AFTER UPDATE OF title, text ON note BEGIN"
  "  UPDATE note_fts SET title = NEW.title, body = NEW.text WHERE rowid = NEW.rowid;"
  "END;"
  "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN"
  "  DELETE FROM note_fts WHERE rowid = OLD.rowid;"
  "END;"

  "PRAGMA user_version = 1;";

/* Version 2: the organisation list filters by kind and municipality and
 * sorts by name or last change; like the project list, each sort gets a
 * covering index with the filter columns. */
static const char schema_v2[] =
  "DROP INDEX organisation_name;"
  "DROP INDEX organisation_updated;"
  ORGANISATION_LIST_NAME ";"
  ORGANISATION_LIST_UPDATED ";"
  "PRAGMA user_version = 2;";

/* Version 3: the search indexes hold only which rows contain which words
 * (detail=none, no copy of the text, no lengths for ranking) and a prefix
 * index of first letters; a search asks for nothing else. That makes them a sixth of the size and
 * four times faster to fill, which a large import feels most. Without a
 * copy of the text, a trigger removes a row's words by naming them: the
 * 'delete' command with the old values.
 *
 * Version 6 moves these triggers out of the file (see there). A large
 * import inserts its new records with triggers off and fills the search index in one
 * statement afterwards (rk_schema_get_search_fill()), which spares the
 * index a flush after every row. */
#define PROJECT_TEXT(row) \
  row ".code, " row ".title, " row ".goal, " \
  row ".lead_ministry || ' ' || " row ".added_value || ' ' || " row ".approach || ' ' || " \
  row ".beneficiaries || ' ' || " row ".current_status || ' ' || " row ".outlook"
#define ORGANISATION_TEXT(row) row ".name, " row ".address || ' ' || " row ".notes"
#define NOTE_TEXT(row) row ".title, " row ".text"
#define PROJECT_FILL \
  "INSERT INTO project_fts (rowid, code, title, goal, body)" \
  " SELECT rowid, " PROJECT_TEXT ("project") " FROM main.project"
#define ORGANISATION_FILL \
  "INSERT INTO organisation_fts (rowid, name, body)" \
  " SELECT rowid, " ORGANISATION_TEXT ("organisation") " FROM main.organisation"
#define NOTE_FILL \
  "INSERT INTO note_fts (rowid, title, body) SELECT rowid, " NOTE_TEXT ("note") " FROM main.note"
#define FTS_OPTIONS \
  "tokenize = 'unicode61 remove_diacritics 2', prefix = '1', detail = none, content = ''," \
  " columnsize = 0"
/* The search index's triggers of versions 2 to 5. */
#define DROP_SEARCH_TRIGGERS \
  "DROP TRIGGER project_fts_insert;" \
  "DROP TRIGGER project_fts_update;" \
  "DROP TRIGGER project_fts_delete;" \
  "DROP TRIGGER organisation_fts_insert;" \
  "DROP TRIGGER organisation_fts_update;" \
  "DROP TRIGGER organisation_fts_delete;" \
  "DROP TRIGGER note_fts_insert;" \
  "DROP TRIGGER note_fts_update;" \
  "DROP TRIGGER note_fts_delete;"
static const char schema_v3[] =
  "DROP TABLE project_fts;"
  "DROP TABLE organisation_fts;"
  "DROP TABLE note_fts;"
  DROP_SEARCH_TRIGGERS

  "CREATE VIRTUAL TABLE project_fts USING fts5 (code, title, goal, body, " FTS_OPTIONS ");"
  "CREATE VIRTUAL TABLE organisation_fts USING fts5 (name, body, " FTS_OPTIONS ");"
  "CREATE VIRTUAL TABLE note_fts USING fts5 (title, body, " FTS_OPTIONS ");"

  "CREATE TRIGGER project_fts_insert AFTER INSERT ON project BEGIN"
  "  INSERT INTO project_fts (rowid, code, title, goal, body)"
  "  VALUES (NEW.rowid, " PROJECT_TEXT ("NEW") ");"
  "END;"
  "CREATE TRIGGER project_fts_update AFTER UPDATE OF code, title, goal,"
  "    lead_ministry, added_value, approach, beneficiaries, current_status,"
  "    outlook ON project BEGIN"
  "  INSERT INTO project_fts (project_fts, rowid, code, title, goal, body)"
  "  VALUES ('delete', OLD.rowid, " PROJECT_TEXT ("OLD") ");"
  "  INSERT INTO project_fts (rowid, code, title, goal, body)"
  "  VALUES (NEW.rowid, " PROJECT_TEXT ("NEW") ");"
  "END;"
  "CREATE TRIGGER project_fts_delete AFTER DELETE ON project BEGIN"
  "  INSERT INTO project_fts (project_fts, rowid, code, title, goal, body)"
  "  VALUES ('delete', OLD.rowid, " PROJECT_TEXT ("OLD") ");"
  "END;"

  "CREATE TRIGGER organisation_fts_insert AFTER INSERT ON organisation BEGIN"
  "  INSERT INTO organisation_fts (rowid, name, body)"
  "  VALUES (NEW.rowid, " ORGANISATION_TEXT ("NEW") ");"
  "END;"
  "CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name, address, notes"
  "    ON organisation BEGIN"
  "  INSERT INTO organisation_fts (organisation_fts, rowid, name, body)"
  "  VALUES ('delete', OLD.rowid, " ORGANISATION_TEXT ("OLD") ");"
  "  INSERT INTO organisation_fts (rowid, name, body)"
  "  VALUES (NEW.rowid, " ORGANISATION_TEXT ("NEW") ");"
  "END;"
  "CREATE TRIGGER organisation_fts_delete AFTER DELETE ON organisation BEGIN"
  "  INSERT INTO organisation_fts (organisation_fts, rowid, name, body)"
  "  VALUES ('delete', OLD.rowid, " ORGANISATION_TEXT ("OLD") ");"
  "END;"

  "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN"
  "  INSERT INTO note_fts (rowid, title, body) VALUES (NEW.rowid, " NOTE_TEXT ("NEW") ");"
  "END;"
  "CREATE TRIGGER note_fts_update AFTER UPDATE OF title, text ON note BEGIN"
  "  INSERT INTO note_fts (note_fts, rowid, title, body)"
  "  VALUES ('delete', OLD.rowid, " NOTE_TEXT ("OLD") ");"
  "  INSERT INTO note_fts (rowid, title, body) VALUES (NEW.rowid, " NOTE_TEXT ("NEW") ");"
  "END;"
  "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN"
  "  INSERT INTO note_fts (note_fts, rowid, title, body)"
  "  VALUES ('delete', OLD.rowid, " NOTE_TEXT ("OLD") ");"
  "END;"

  PROJECT_FILL ";"
  ORGANISATION_FILL ";"
  NOTE_FILL ";"
  "PRAGMA user_version = 3;";

/* Version 6: the search index triggers leave the file. SQLite runs a
 * trigger that writes to a virtual table only while trusted_schema is on,
 * and the app keeps trusted_schema off, so that nothing a database file
 * holds can use functions or virtual tables on its own.
 *
 * Instead each writing connection makes TEMP triggers of its own (the
 * app's SQL, never read from the file) that note, for every record whose
 * searchable text changes, the text the index holds for it: the values
 * before its first change in the transaction, in TEMP tables of ordinary
 * rows. Just before the commit, rk_schema_get_search_flush() takes those
 * words out of the index and puts in the records' words as they are now.
 * The notes roll back with a statement or transaction that fails, like
 * everything else it did. */
static const char schema_v6[] =
  DROP_SEARCH_TRIGGERS
  "PRAGMA user_version = 6;";

/* The first note of a row wins: it holds what the index has. A row new in
 * this transaction (existed = 0) has nothing in the index yet. */
#define NOTE_TABLE(TABLE, COLUMNS) \
  "CREATE TEMP TABLE " TABLE "_search_old (row INTEGER PRIMARY KEY, existed INTEGER NOT NULL, " COLUMNS ");"
#define NOTE_INSERTS(TABLE) \
  "CREATE TEMP TRIGGER IF NOT EXISTS " TABLE "_search_insert AFTER INSERT ON " TABLE " BEGIN" \
  "  INSERT OR IGNORE INTO " TABLE "_search_old (row, existed) VALUES (NEW.rowid, 0);" \
  "END;"
#define NOTE_CHANGES(TABLE, WATCHED, TEXT) \
  "CREATE TEMP TRIGGER " TABLE "_search_update AFTER UPDATE OF " WATCHED " ON " TABLE " BEGIN" \
  "  INSERT OR IGNORE INTO " TABLE "_search_old VALUES (OLD.rowid, 1, " TEXT ("OLD") ");" \
  "END;" \
  "CREATE TEMP TRIGGER " TABLE "_search_delete AFTER DELETE ON " TABLE " BEGIN" \
  "  INSERT OR IGNORE INTO " TABLE "_search_old VALUES (OLD.rowid, 1, " TEXT ("OLD") ");" \
  "END;"
static const char search_notes[] =
  NOTE_TABLE ("project", "code, title, goal, body")
  NOTE_INSERTS ("project")
  NOTE_CHANGES ("project",
                "code, title, goal, lead_ministry, added_value, approach, beneficiaries,"
                " current_status, outlook", PROJECT_TEXT)
  NOTE_TABLE ("organisation", "name, body")
  NOTE_INSERTS ("organisation")
  NOTE_CHANGES ("organisation", "name, address, notes", ORGANISATION_TEXT)
  NOTE_TABLE ("note", "title, body")
  NOTE_INSERTS ("note")
  NOTE_CHANGES ("note", "title, text", NOTE_TEXT);

/* For rk_schema_note_new_rows(). */
static const struct {
  const char *table;
  const char *start;
  const char *stop;
} note_inserts[] = {
  { "project", NOTE_INSERTS ("project"), "DROP TRIGGER IF EXISTS temp.project_search_insert" },
  { "organisation", NOTE_INSERTS ("organisation"), "DROP TRIGGER IF EXISTS temp.organisation_search_insert" },
  { "note", NOTE_INSERTS ("note"), "DROP TRIGGER IF EXISTS temp.note_search_insert" },
};

/* Old words out, current words in, notes gone: one statement each. */
#define SEARCH_FLUSH(TABLE, COLUMNS, TEXT) \
  "INSERT INTO main." TABLE "_fts (" TABLE "_fts, rowid, " COLUMNS ")" \
  " SELECT 'delete', row, " COLUMNS " FROM temp." TABLE "_search_old WHERE existed", \
  "INSERT INTO main." TABLE "_fts (rowid, " COLUMNS ")" \
  " SELECT rowid, " TEXT (TABLE) " FROM main." TABLE \
  " WHERE rowid IN (SELECT row FROM temp." TABLE "_search_old)", \
  "DELETE FROM temp." TABLE "_search_old"
static const char * const search_flush[] = {
  SEARCH_FLUSH ("project", "code, title, goal, body", PROJECT_TEXT),
  SEARCH_FLUSH ("organisation", "name, body", ORGANISATION_TEXT),
  SEARCH_FLUSH ("note", "title, body", NOTE_TEXT),
  NULL
};
#undef NOTE_TABLE
#undef NOTE_INSERTS
#undef NOTE_CHANGES
#undef DROP_SEARCH_TRIGGERS
#undef SEARCH_FLUSH

/* For rk_schema_get_search_fill(): the same statements for the rows after
 * a given rowid. */
static const char project_fill[] = PROJECT_FILL " WHERE rowid > ?1";
static const char organisation_fill[] = ORGANISATION_FILL " WHERE rowid > ?1";
static const char note_fill[] = NOTE_FILL " WHERE rowid > ?1";
#undef PROJECT_TEXT
#undef ORGANISATION_TEXT
#undef NOTE_TEXT
#undef PROJECT_FILL
#undef ORGANISATION_FILL
#undef NOTE_FILL
#undef FTS_OPTIONS

/* Version 4: the conflicts of merging change packages (rk-changes.c),
 * this copy's own bookkeeping like `local`: never exchanged. A conflict
 * is one field of one record that both copies changed, or a record
 * changed on one side and deleted on the other (column '*'). */
static const char schema_v4[] =
  "CREATE TABLE sync_conflict ("
  "  id INTEGER PRIMARY KEY,"
  "  table_name TEXT NOT NULL,"
  "  row_id TEXT NOT NULL,"
  "  column_name TEXT NOT NULL,"
  "  mine TEXT,"
  "  theirs TEXT,"
  "  mine_time TEXT,"
  "  theirs_time TEXT,"
  "  kept TEXT NOT NULL CHECK (kept IN ('mine', 'theirs')),"
  "  UNIQUE (table_name, row_id, column_name, theirs)"
  ");"
  "PRAGMA user_version = 4;";

/* Version 5: what was deleted, so that a copy that still has a record
 * does not bring it back (rk-changes.c): a tombstone per deleted record,
 * exchanged like the records. Undoing a deletion removes its tombstone
 * (rk-snapshot.c). */
#define NOW "strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
static const char schema_v5[] =
  "CREATE TABLE tombstone ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  table_name TEXT NOT NULL,"
  "  deleted_at TEXT NOT NULL"
  ");"
  "CREATE TRIGGER project_tombstone AFTER DELETE ON project BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'project', " NOW ");"
  "END;"
  "CREATE TRIGGER milestone_tombstone AFTER DELETE ON milestone BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'milestone', " NOW ");"
  "END;"
  "CREATE TRIGGER project_municipality_tombstone AFTER DELETE ON project_municipality BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'project_municipality', " NOW ");"
  "END;"
  "CREATE TRIGGER organisation_tombstone AFTER DELETE ON organisation BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'organisation', " NOW ");"
  "END;"
  "CREATE TRIGGER project_partner_tombstone AFTER DELETE ON project_partner BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'project_partner', " NOW ");"
  "END;"
  "CREATE TRIGGER board_member_tombstone AFTER DELETE ON board_member BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'board_member', " NOW ");"
  "END;"
  "CREATE TRIGGER meeting_tombstone AFTER DELETE ON meeting BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'meeting', " NOW ");"
  "END;"
  "CREATE TRIGGER meeting_member_tombstone AFTER DELETE ON meeting_member BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'meeting_member', " NOW ");"
  "END;"
  "CREATE TRIGGER note_tombstone AFTER DELETE ON note BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'note', " NOW ");"
  "END;"
  "CREATE TRIGGER note_project_tombstone AFTER DELETE ON note_project BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'note_project', " NOW ");"
  "END;"
  "CREATE TRIGGER report_tombstone AFTER DELETE ON report BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'report', " NOW ");"
  "END;"
  "CREATE TRIGGER report_entry_tombstone AFTER DELETE ON report_entry BEGIN"
  "  INSERT OR IGNORE INTO tombstone (id, table_name, deleted_at)"
  "  VALUES (OLD.id, 'report_entry', " NOW ");"
  "END;"
  "PRAGMA user_version = 5;";
#undef NOW

/* The five fields of action as the cabinet adopted them on 5 November 2019,
 * with the official English names of the 2020 progress report. */
static const struct {
  const char *id;
  int position;
  const char *name_de;
  const char *name_en;
} fields[] = {
  { "013d95f2-394c-5685-a211-d33321d564f9", 1, "Vernetzte Mobilität – kurze Wege", "Networked mobility – short distances" },
  { "fa286129-ddb4-5850-8311-89ad8bd5bd68", 2, "Erfolgreiche Wirtschaft – gute Arbeit", "Thriving economy – good forms of work" },
  { "5a540593-f64e-567f-a631-068c2d16ffb5", 3, "Gelebte Vielfalt – starker Zusammenhalt", "Lived diversity – strong cohesion" },
  { "3d4871be-ff18-57ca-9c0c-6140cba11d56", 4, "Sichere Energie – gesunde Umwelt", "Secure energy – healthy environment" },
  { "8c57e2b9-68fb-5100-99c6-59c8d299543d", 5, "Beste Bildung – exzellente Forschung", "Excellence in education and research" },
};

/* The 53 municipalities of the Regionalverband Ruhr; a NULL district marks
 * a kreisfreie Stadt. */
static const struct {
  const char *id;
  const char *name;
  const char *district;
} municipalities[] = {
  { "cdd305ed-cd0b-5e7a-b9fb-cd9f2ebba323", "Bochum", NULL },
  { "9b2e91b5-1035-54f4-be7c-859e116ab37f", "Bottrop", NULL },
  { "e05a1ffd-c764-5a24-916e-aabb7fb8db35", "Dortmund", NULL },
  { "6ee07f8e-27f4-51af-ab36-dbe1e4acc30d", "Duisburg", NULL },
  { "39410dd2-c74b-5ff8-9602-f701b140e45c", "Essen", NULL },
  { "fb535e24-33c9-59d5-8d11-d88072099cec", "Gelsenkirchen", NULL },
  { "6f1d2c03-3c69-50cc-b153-45e2baf167f3", "Hagen", NULL },
  { "d597f218-c325-5274-a8b5-2f120f9fcd63", "Hamm", NULL },
  { "039ac13f-8f5b-5ab5-b7bb-f09e22c79d16", "Herne", NULL },
  { "eb1af181-f011-5378-a631-5928a37f961c", "Mülheim an der Ruhr", NULL },
  { "0525ddbf-abb9-59db-8c82-f4d6e6aa245e", "Oberhausen", NULL },
  { "2159f5c0-d12a-5274-be75-cf40af685030", "Breckerfeld", "Ennepe-Ruhr-Kreis" },
  { "14b784a5-f45a-5991-883d-530161e5644e", "Ennepetal", "Ennepe-Ruhr-Kreis" },
  { "bc12f07d-ce39-5178-912a-d6507e4e2b9e", "Gevelsberg", "Ennepe-Ruhr-Kreis" },
  { "58bca75b-371b-5ec9-8937-4387ac008d9e", "Hattingen", "Ennepe-Ruhr-Kreis" },
  { "6d8f72f5-75d7-5947-a5cb-8af91dbd9162", "Herdecke", "Ennepe-Ruhr-Kreis" },
  { "7318c8c2-cde6-5223-bd6a-a644d1651f53", "Schwelm", "Ennepe-Ruhr-Kreis" },
  { "65f039fb-6acd-583c-97db-df1fafae8807", "Sprockhövel", "Ennepe-Ruhr-Kreis" },
  { "bd981bc7-823e-5e25-b8fa-f8658f7a7a16", "Wetter (Ruhr)", "Ennepe-Ruhr-Kreis" },
  { "a4926e43-a90c-58f9-9065-81421a310828", "Witten", "Ennepe-Ruhr-Kreis" },
  { "a1078a75-abc3-515f-8cdd-f25fc27297b8", "Castrop-Rauxel", "Kreis Recklinghausen" },
  { "9c8235d9-3185-5cdf-9eb2-2002658ec663", "Datteln", "Kreis Recklinghausen" },
  { "424deb16-7a2a-5ab1-8bfd-a7b0322fef19", "Dorsten", "Kreis Recklinghausen" },
  { "06dc8c5a-03c7-5aa7-9811-e6b8b321ff80", "Gladbeck", "Kreis Recklinghausen" },
  { "e44b7ebb-4b7c-5adb-94be-b37333b35b9f", "Haltern am See", "Kreis Recklinghausen" },
  { "886f90e0-bfd9-5a77-b82e-159d425f3152", "Herten", "Kreis Recklinghausen" },
  { "2eba885d-788f-598d-a503-81fe21ad0c86", "Marl", "Kreis Recklinghausen" },
  { "36bfea4c-6b65-580c-b099-19dea73495dd", "Oer-Erkenschwick", "Kreis Recklinghausen" },
  { "d3d71923-e183-57d3-961f-07c7eb94dd98", "Recklinghausen", "Kreis Recklinghausen" },
  { "712b2360-0061-55ca-8f4d-5608464bea73", "Waltrop", "Kreis Recklinghausen" },
  { "b24b1bb7-e2aa-504c-a3ee-2dee81c83cff", "Bergkamen", "Kreis Unna" },
  { "45aef777-125d-5844-a640-2dff429d3688", "Bönen", "Kreis Unna" },
  { "e5ad5057-4e9d-5627-b24a-6594a35b2ab1", "Fröndenberg", "Kreis Unna" },
  { "94d3dca7-e5a1-5815-88c1-fb2e8c1966e7", "Holzwickede", "Kreis Unna" },
  { "8f9c33c8-2641-5f63-bb15-6ee1dc1d6211", "Kamen", "Kreis Unna" },
  { "a9c6b43c-c404-5605-b77e-061b8881fb8f", "Lünen", "Kreis Unna" },
  { "862bfc83-68b3-589d-8cea-8003c907f789", "Schwerte", "Kreis Unna" },
  { "f7e76b4f-bc61-5961-a1b6-7d76021f8d60", "Selm", "Kreis Unna" },
  { "d45b94d9-df6e-5627-9e0f-0cf407b35be0", "Unna", "Kreis Unna" },
  { "15d1fb86-388e-53d3-9a35-aa6d2756afd3", "Werne", "Kreis Unna" },
  { "1ca13c6c-0ba5-5e31-8bc3-0a57c4f186a1", "Alpen", "Kreis Wesel" },
  { "d3f8e6f0-ebf6-5290-8a50-20df2974e476", "Dinslaken", "Kreis Wesel" },
  { "70c1d5f4-da10-5976-9221-0478946a8c76", "Hamminkeln", "Kreis Wesel" },
  { "71c2ee76-19ba-5357-a39e-f14bc39447d9", "Hünxe", "Kreis Wesel" },
  { "2e2e8bf5-9038-5a7b-9b58-79f00f6d5d41", "Kamp-Lintfort", "Kreis Wesel" },
  { "a9bc2248-d3b3-5555-8d53-33a4b64b3b47", "Moers", "Kreis Wesel" },
  { "051010aa-4261-58c4-8335-509f5102d3bd", "Neukirchen-Vluyn", "Kreis Wesel" },
  { "0d1d660a-ba9a-5eae-bb70-23130dc7de51", "Rheinberg", "Kreis Wesel" },
  { "5290af9b-7164-564f-83d9-0497378d05cf", "Schermbeck", "Kreis Wesel" },
  { "2f2ff894-0b6c-55ac-b5d0-e5a93307a19f", "Sonsbeck", "Kreis Wesel" },
  { "cc286b8d-ed8b-5a6b-a2a4-f01caa76e1c3", "Voerde (Niederrhein)", "Kreis Wesel" },
  { "fbc79c98-264b-5f35-9eb9-bd51894f3e75", "Wesel", "Kreis Wesel" },
  { "1b59a104-8bbc-5372-9ab9-35bfd2337d58", "Xanten", "Kreis Wesel" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) == 5);
G_STATIC_ASSERT (G_N_ELEMENTS (municipalities) == 53);

static gboolean
set_sqlite_error (sqlite3     *db,
                  GError     **error)
{
  g_set_error (error, RK_DATABASE_ERROR, sqlite3_extended_errcode (db),
               _("Updating the database to the current version failed: %s."),
               sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
run_insert (sqlite3       *db,
            const char    *sql,
            const char   **texts,
            int            n_texts,
            const int     *ints,
            int            n_ints,
            GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int column = 1;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (db, error);

  for (int i = 0; i < n_texts; i++)
    sqlite3_bind_text (stmt, column++, texts[i], -1, SQLITE_STATIC);
  for (int i = 0; i < n_ints; i++)
    sqlite3_bind_int (stmt, column++, ints[i]);

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (db, error);

  return TRUE;
}

static gboolean
seed_v1 (sqlite3  *db,
         GError  **error)
{
  g_autofree char *copy_id = g_uuid_string_random ();
  const char *local[] = { "copy_id", copy_id };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *texts[] = { fields[i].id, fields[i].name_de, fields[i].name_en };

      if (!run_insert (db, "INSERT INTO field (id, name_de, name_en, position) VALUES (?, ?, ?, ?)",
                       texts, 3, &fields[i].position, 1, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (municipalities); i++)
    {
      const char *texts[] = { municipalities[i].id, municipalities[i].name,
                              municipalities[i].district };

      if (!run_insert (db, "INSERT INTO municipality (id, name, district) VALUES (?, ?, ?)",
                       texts, 3, NULL, 0, error))
        return FALSE;
    }

  return run_insert (db, "INSERT INTO local (key, value) VALUES (?, ?)",
                     local, 2, NULL, 0, error);
}

/* The migrations, in order: step i brings a database from schema version i
 * to i + 1. Each step's SQL ends by setting PRAGMA user_version, and the
 * whole step runs in one transaction, so a step is done or not at all. */
static const struct {
  const char *sql;
  gboolean  (*seed) (sqlite3 *db, GError **error);
} migrations[] = {
  { schema_v1, seed_v1 },
  { schema_v2, NULL },
  { schema_v3, NULL },
  { schema_v4, NULL },
  { schema_v5, NULL },
  { schema_v6, NULL },
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RK_SCHEMA_VERSION);

gboolean
rk_schema_migrate (sqlite3  *db,
                   int       from_version,
                   int       to_version,
                   GError  **error)
{
  g_return_val_if_fail (from_version >= 0 && from_version <= to_version, FALSE);
  g_return_val_if_fail (to_version <= RK_SCHEMA_VERSION, FALSE);

  for (int v = from_version; v < to_version; v++)
    {
      g_debug ("Migrating schema from version %d to %d", v, v + 1);

      if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return set_sqlite_error (db, error);

      if (sqlite3_exec (db, migrations[v].sql, NULL, NULL, NULL) != SQLITE_OK ||
          (migrations[v].seed != NULL && !migrations[v].seed (db, error)) ||
          sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        {
          if (error != NULL && *error == NULL)
            set_sqlite_error (db, error);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * rk_schema_add_search_triggers:
 *
 * Makes the TEMP tables and triggers that note which records' search words
 * change on the connection @db (they live and die with it). Every
 * connection that writes records needs them; a second call does nothing.
 */
gboolean
rk_schema_add_search_triggers (sqlite3  *db,
                               GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean present = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM temp.sqlite_schema WHERE name = 'project_search_old'",
                          -1, &stmt, NULL) == SQLITE_OK)
    present = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  if (!present && sqlite3_exec (db, search_notes, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, RK_DATABASE_ERROR, sqlite3_extended_errcode (db),
                   _("The search index could not be prepared: %s."), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/**
 * rk_schema_note_new_rows:
 * @table: "project", "organisation" or "note"
 * @note: whether new rows of @table are noted for the search index
 *
 * A large import stops the notes of its new rows and gives the index all
 * of them in one statement (rk_schema_get_search_fill()); it starts them
 * again when it is done. Changes and deletions are noted throughout. Like
 * any change of the schema, this rolls back with the transaction.
 */
gboolean
rk_schema_note_new_rows (sqlite3     *db,
                         const char  *table,
                         gboolean     note,
                         GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (note_inserts); i++)
    if (g_str_equal (table, note_inserts[i].table))
      {
        if (sqlite3_exec (db, note ? note_inserts[i].start : note_inserts[i].stop,
                          NULL, NULL, NULL) == SQLITE_OK)
          return TRUE;
        g_set_error (error, RK_DATABASE_ERROR, sqlite3_extended_errcode (db),
                     _("The search index could not be prepared: %s."), sqlite3_errmsg (db));
        return FALSE;
      }
  return TRUE;
}

/**
 * rk_schema_get_search_flush:
 *
 * The statements that bring the search index up to date with the records
 * changed in the running transaction, to run in order before it commits.
 *
 * Returns: (array zero-terminated=1): the statements
 */
const char * const *
rk_schema_get_search_flush (void)
{
  return search_flush;
}

/**
 * rk_schema_get_indexes:
 * @table: "project" or "organisation"
 *
 * The secondary indexes of @table that can be dropped and built again,
 * each with the statement that creates it exactly as the schema does.
 *
 * Returns: (array zero-terminated=1): the indexes, ending with { NULL, NULL }
 */
const RkSchemaIndex *
rk_schema_get_indexes (const char *table)
{
  static const RkSchemaIndex none[] = { { NULL, NULL } };

  if (g_strcmp0 (table, "project") == 0)
    return project_indexes;
  if (g_strcmp0 (table, "organisation") == 0)
    return organisation_indexes;
  return none;
}

/**
 * rk_schema_get_search_fill:
 * @table: "project", "organisation" or "note"
 *
 * The statement that adds the rows of @table whose rowid is greater than
 * its parameter ?1 to the search index, exactly as a noted new row would
 * go in at the commit.
 *
 * Returns: (nullable): the statement, or %NULL when @table has no index
 */
const char *
rk_schema_get_search_fill (const char *table)
{
  if (g_strcmp0 (table, "project") == 0)
    return project_fill;
  if (g_strcmp0 (table, "organisation") == 0)
    return organisation_fill;
  if (g_strcmp0 (table, "note") == 0)
    return note_fill;
  return NULL;
}
