/*
 * The SQLite backend: the default store, one file per household.  It only
 * moves rows: every rule lives in store.c and src/core.  All SQL is in the
 * table below, one statement per enum value, prepared once on first use,
 * with values bound as parameters and never spliced into the text.
 *
 * Durability: WAL with synchronous=FULL, so a write that returned LULL_OK
 * survives a power cut; a busy timeout lets the command line and a server
 * share the file.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/err.h"
#include "lull/journal.h"
#include "lull/model.h"
#include "lull/plan.h"

#include "store/store_int.h"

/* How long a writer waits for another to finish before giving up. */
#define SQ_BUSY_MS 5000

enum stmt {
	STMT_BEGIN_READ,
	STMT_BEGIN_WRITE,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_SAVEPOINT,
	STMT_RELEASE,
	STMT_ROLLBACK_TO,
	STMT_SCHEMA_EXISTS,
	STMT_SCHEMA_CREATE,
	STMT_SCHEMA_MAX,
	STMT_SCHEMA_RECORD,
	STMT_HOUSEHOLD_INSERT,
	STMT_HOUSEHOLD_GET,
	STMT_HOUSEHOLD_FIRST,
	STMT_HOUSEHOLD_UPDATE,
	STMT_HOUSEHOLD_CLEAR_CHILDREN,
	STMT_HOUSEHOLD_CLEAR_PERSONAL,
	STMT_HOUSEHOLD_CLEAR_CAREGIVERS,
	STMT_HOUSEHOLD_CLEAR_RITUALS,
	STMT_CAREGIVER_INSERT,
	STMT_CAREGIVER_GET,
	STMT_CAREGIVER_FIND,
	STMT_CAREGIVER_LIST,
	STMT_CAREGIVER_UPDATE,
	STMT_CAREGIVER_DELETE,
	STMT_CHILD_INSERT,
	STMT_CHILD_GET,
	STMT_CHILD_FIND,
	STMT_CHILD_LIST,
	STMT_CHILD_UPDATE,
	STMT_CHILD_DELETE,
	STMT_SLEEP_INSERT,
	STMT_SLEEP_INSERT_MANY,
	STMT_SLEEP_GET,
	STMT_SLEEP_UPDATE,
	STMT_SLEEP_DELETE,
	STMT_SLEEP_RANGE_CHILD,
	STMT_SLEEP_RANGE_HOUSEHOLD,
	STMT_SLEEP_ONGOING,
	STMT_WAKING_RANGE_CHILD,
	STMT_WAKING_RANGE_HOUSEHOLD,
	STMT_SLEEP_AT,
	STMT_WAKING_INSERT,
	STMT_WAKING_GET,
	STMT_WAKING_UPDATE,
	STMT_WAKING_DELETE,
	STMT_WAKING_LIST,
	STMT_FEED_INSERT,
	STMT_FEED_INSERT_MANY,
	STMT_FEED_GET,
	STMT_FEED_UPDATE,
	STMT_FEED_DELETE,
	STMT_FEED_RANGE_CHILD,
	STMT_FEED_RANGE_HOUSEHOLD,
	STMT_TAG_INSERT,
	STMT_TAG_GET,
	STMT_TAG_UPDATE,
	STMT_TAG_DELETE,
	STMT_TAG_RANGE_CHILD,
	STMT_TAG_RANGE_HOUSEHOLD,
	STMT_SLEEP_PAGE,
	STMT_FEED_PAGE,
	STMT_TAG_PAGE,
	STMT_PLAN_INSERT,
	STMT_PLAN_GET,
	STMT_PLAN_ACTIVE,
	STMT_PLAN_LIST,
	STMT_PLAN_UPDATE,
	STMT_PLAN_EVENT_INSERT,
	STMT_PLAN_EVENT_LIST,
	STMT_PERSONAL_INSERT,
	STMT_PERSONAL_GET,
	STMT_PERSONAL_UPDATE,
	STMT_PERSONAL_DELETE,
	STMT_PERSONAL_RANGE,
	STMT_PERSONAL_COUNT,
	STMT_RITUAL_INSERT,
	STMT_RITUAL_GET,
	STMT_RITUAL_FIND,
	STMT_RITUAL_UPDATE,
	STMT_RITUAL_DELETE,
	STMT_RITUAL_LIST,
	STMT_HOUSEHOLD_DELETE,
	STMT_ACCOUNT_INSERT,
	STMT_ACCOUNT_GET,
	STMT_ACCOUNT_FIND,
	STMT_ACCOUNT_LIST,
	STMT_ACCOUNT_SET_PASSWORD,
	STMT_SESSION_INSERT,
	STMT_SESSION_GET,
	STMT_SESSION_TOUCH,
	STMT_SESSION_DELETE,
	STMT_SESSION_DELETE_ACCOUNT,
	STMT_SESSION_DELETE_EXPIRED,
	STMT_TOKEN_INSERT,
	STMT_TOKEN_GET,
	STMT_TOKEN_FIND,
	STMT_TOKEN_LIST,
	STMT_TOKEN_UPDATE,
	STMT_MEMBERSHIP_INSERT,
	STMT_MEMBERSHIP_GET,
	STMT_MEMBERSHIP_OF_HOUSEHOLD,
	STMT_MEMBERSHIP_OF_ACCOUNT,
	STMT_MEMBERSHIP_UPDATE,
	STMT_MEMBERSHIP_DELETE,
	STMT_INVITE_INSERT,
	STMT_INVITE_FIND,
	STMT_INVITE_USE,
	STMT_INVITE_LIST,
	STMT_INVITE_DELETE,
	STMT_INVITE_DELETE_BY,
	STMT_TOKEN_REVOKE_ACCOUNT,
	STMT_CAREGIVER_LINK,
	STMT_CAREGIVER_LINKED,
	STMT_PERSONAL_COUNT_AUTHOR,
	STMT__MAX
};

/*
 * Column lists.  Each record is read in this order (row_*() below) and
 * written with its fields first, then the five meta columns, then (for
 * updates) the id.  Sleeps, feeds and tags are always selected through
 * the aliases s, f and t, so that the same list serves the joins.
 */
#define META_COLS      "created_utc, created_by, updated_utc, updated_by, version"
/*
 * Batches: INSERT_MANY rows in one statement.  SQLite evaluates the
 * schema's CHECK (x IN (...)) lists through a table it builds once per
 * statement run, so one run for many rows saves most of an import's
 * time.  Parameters are plain "?", numbered row after row.
 */
#define INSERT_MANY 32
#define P4	    "?, ?, ?, ?"
#define ROW12	    "(" P4 ", " P4 ", " P4 ")"
#define ROW17	    "(" P4 ", " P4 ", " P4 ", " P4 ", ?)"
#define X2(r)	    r ", " r
#define X32(r)	    X2(X2(X2(X2(X2(r)))))
/* The parents' side (migration 0005) comes after the meta columns. */
#define HOUSEHOLD_COLS                                                         \
	"id, name, tz, " META_COLS ", core_block_min, emergency, crisis_lines"
#define CAREGIVER_COLS                                                         \
	"id, household_id, name, " META_COLS ", role, night_feeds, work_days"
#define CHILD_COLS     "id, household_id, name, born_day, due_day, " META_COLS
#define SLEEP_COLS                                                             \
	"s.id, s.child_id, s.start_utc, s.end_utc, s.kind, s.kind_given, "     \
	"s.onset, s.place, s.settled_by, s.latency_min, s.crying_min, "        \
	"s.routine, s.note, s.created_utc, s.created_by, s.updated_utc, "      \
	"s.updated_by, s.version"
#define WAKING_COLS                                                            \
	"id, sleep_id, start_utc, end_utc, response, caregiver_id, "           \
	"note, " META_COLS
#define FEED_COLS                                                              \
	"f.id, f.child_id, f.start_utc, f.end_utc, f.kind, f.side, "           \
	"f.amount_ml, f.note, f.created_utc, f.created_by, f.updated_utc, "    \
	"f.updated_by, f.version"
#define TAG_COLS                                                               \
	"t.id, t.child_id, t.kind, t.from_day, t.to_day, t.note, "             \
	"t.created_utc, t.created_by, t.updated_utc, t.updated_by, t.version"

#define PLAN_COLS                                                              \
	"p.id, p.child_id, p.profile_json, p.method, p.started_day, p.step, "  \
	"p.step_since_day, p.paused, p.paused_since_day, p.pause_by_parent, "  \
	"p.slow, p.active, p.created_utc, p.created_by, p.updated_utc, "       \
	"p.updated_by, p.version, p.best_step, p.best_day, p.reeval_day, "     \
	"p.resumed_day"
#define PLAN_EVENT_COLS                                                        \
	"id, plan_id, day, verdict, step_from, step_to, evidence, by_parent, " \
	"reason, source, " META_COLS
#define PERSONAL_FIELDS                                                        \
	"household_id, author_id, kind, day, start_utc, end_utc, energy, "     \
	"mood, instrument, answers, total, band, self_harm, to_id, "           \
	"appreciation, need, repair, connection, note, share"
#define PERSONAL_COLS "id, " PERSONAL_FIELDS ", " META_COLS
#define RITUAL_COLS                                                            \
	"id, household_id, name, every, weekday, at_min, note, " META_COLS
/* Accounts (migration 0006).  The password hash is read only where a
 * login needs it, after the public columns. */
#define ACCOUNT_COLS "id, email, name, created_utc, version"
#define TOKEN_COLS                                                             \
	"id, account_id, name, created_utc, last_used_utc, revoked_utc"
#define MEMBERSHIP_COLS                                                        \
	"m.account_id, m.household_id, m.access, m.caregiver_id, g.role, "     \
	"h.name, a.email, a.name"
#define MEMBERSHIP_FROM                                                        \
	"FROM membership m JOIN household h ON h.id = m.household_id "         \
	"JOIN account a ON a.id = m.account_id "                              \
	"JOIN caregiver g ON g.id = m.caregiver_id "
/* invite.parent is migration 0007's. */
#define INVITE_COLS                                                            \
	"id, household_id, access, parent, name, by_account, created_utc, "    \
	"expires_utc, used_utc, used_by"
#define INVITE_LIST_COLS                                                       \
	"i.id, i.household_id, i.access, i.parent, i.name, i.by_account, "     \
	"a.name, i.created_utc, i.expires_utc"

static const char *const sql[STMT__MAX] = {
	[STMT_BEGIN_READ] = "BEGIN",
	[STMT_BEGIN_WRITE] = "BEGIN IMMEDIATE",
	[STMT_COMMIT] = "COMMIT",
	[STMT_ROLLBACK] = "ROLLBACK",
	[STMT_SAVEPOINT] = "SAVEPOINT lull_write",
	[STMT_RELEASE] = "RELEASE lull_write",
	[STMT_ROLLBACK_TO] = "ROLLBACK TO lull_write",

	[STMT_SCHEMA_EXISTS] =
	    "SELECT count(*) FROM sqlite_master "
	    "WHERE type = 'table' AND name = 'schema_version'",
	[STMT_SCHEMA_CREATE] = "CREATE TABLE IF NOT EXISTS schema_version ("
			       "version INTEGER PRIMARY KEY, "
			       "name TEXT NOT NULL, "
			       "applied_utc INTEGER NOT NULL)",
	[STMT_SCHEMA_MAX] = "SELECT coalesce(max(version), 0) "
			    "FROM schema_version",
	/* The database's clock, not ours: this is bookkeeping, not a
	 * journal entry, and the library reads no clock of its own. */
	[STMT_SCHEMA_RECORD] =
	    "INSERT INTO schema_version "
	    "(version, name, applied_utc) VALUES "
	    "(?1, ?2, CAST(strftime('%s', 'now') AS INTEGER))",

	/* ?8 is the update's id. */
	[STMT_HOUSEHOLD_INSERT] =
	    "INSERT INTO household (name, tz, " META_COLS ", core_block_min, "
	    "emergency, crisis_lines) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, "
	    "?10, ?11)",
	[STMT_HOUSEHOLD_GET] = "SELECT " HOUSEHOLD_COLS " FROM household "
			       "WHERE id = ?1",
	[STMT_HOUSEHOLD_FIRST] = "SELECT " HOUSEHOLD_COLS " FROM household "
				 "ORDER BY id LIMIT 1",
	[STMT_HOUSEHOLD_UPDATE] =
	    "UPDATE household SET name = ?1, tz = ?2, "
	    "created_utc = ?3, created_by = ?4, updated_utc = ?5, "
	    "updated_by = ?6, version = ?7, core_block_min = ?9, "
	    "emergency = ?10, crisis_lines = ?11 WHERE id = ?8",
	[STMT_HOUSEHOLD_CLEAR_CHILDREN] = "DELETE FROM child "
					  "WHERE household_id = ?1",
	[STMT_HOUSEHOLD_CLEAR_PERSONAL] = "DELETE FROM personal "
					  "WHERE household_id = ?1",
	[STMT_HOUSEHOLD_CLEAR_CAREGIVERS] = "DELETE FROM caregiver "
					    "WHERE household_id = ?1",
	[STMT_HOUSEHOLD_CLEAR_RITUALS] = "DELETE FROM ritual "
					 "WHERE household_id = ?1",

	/* ?8 is the update's id. */
	[STMT_CAREGIVER_INSERT] =
	    "INSERT INTO caregiver (household_id, name, " META_COLS
	    ", role, night_feeds, work_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?9, ?10, ?11)",
	[STMT_CAREGIVER_GET] = "SELECT " CAREGIVER_COLS " FROM caregiver "
			       "WHERE id = ?1",
	[STMT_CAREGIVER_FIND] = "SELECT " CAREGIVER_COLS " FROM caregiver "
				"WHERE household_id = ?1 AND name = ?2",
	[STMT_CAREGIVER_LIST] = "SELECT " CAREGIVER_COLS " FROM caregiver "
				"WHERE household_id = ?1 ORDER BY id",
	[STMT_CAREGIVER_UPDATE] =
	    "UPDATE caregiver SET household_id = ?1, "
	    "name = ?2, created_utc = ?3, created_by = ?4, updated_utc = ?5, "
	    "updated_by = ?6, version = ?7, role = ?9, night_feeds = ?10, "
	    "work_days = ?11 WHERE id = ?8",
	[STMT_CAREGIVER_DELETE] = "DELETE FROM caregiver WHERE id = ?1",

	[STMT_CHILD_INSERT] = "INSERT INTO child (household_id, name, "
			      "born_day, due_day, " META_COLS ") VALUES "
			      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[STMT_CHILD_GET] = "SELECT " CHILD_COLS " FROM child WHERE id = ?1",
	[STMT_CHILD_FIND] = "SELECT " CHILD_COLS " FROM child "
			    "WHERE household_id = ?1 AND name = ?2",
	[STMT_CHILD_LIST] = "SELECT " CHILD_COLS " FROM child "
			    "WHERE household_id = ?1 ORDER BY id",
	[STMT_CHILD_UPDATE] =
	    "UPDATE child SET household_id = ?1, "
	    "name = ?2, born_day = ?3, due_day = ?4, created_utc = ?5, "
	    "created_by = ?6, updated_utc = ?7, updated_by = ?8, "
	    "version = ?9 WHERE id = ?10",
	[STMT_CHILD_DELETE] = "DELETE FROM child WHERE id = ?1",

	[STMT_SLEEP_INSERT] =
	    "INSERT INTO sleep (child_id, start_utc, "
	    "end_utc, kind, kind_given, onset, place, settled_by, "
	    "latency_min, crying_min, routine, note, " META_COLS ") "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
	    "?13, ?14, ?15, ?16, ?17)",
	[STMT_SLEEP_INSERT_MANY] =
	    "INSERT INTO sleep (child_id, start_utc, "
	    "end_utc, kind, kind_given, onset, place, settled_by, "
	    "latency_min, crying_min, routine, note, " META_COLS ") "
	    "VALUES " X32(ROW17),
	[STMT_SLEEP_GET] = "SELECT " SLEEP_COLS " FROM sleep s WHERE s.id = ?1",
	[STMT_SLEEP_UPDATE] =
	    "UPDATE sleep SET child_id = ?1, "
	    "start_utc = ?2, end_utc = ?3, kind = ?4, kind_given = ?5, "
	    "onset = ?6, place = ?7, settled_by = ?8, latency_min = ?9, "
	    "crying_min = ?10, routine = ?11, note = ?12, "
	    "created_utc = ?13, created_by = ?14, updated_utc = ?15, "
	    "updated_by = ?16, version = ?17 WHERE id = ?18",
	[STMT_SLEEP_DELETE] = "DELETE FROM sleep WHERE id = ?1",
	/* Intersection with [?2, ?3): an ongoing sleep (end NULL) reaches
	 * every instant after its start. */
	/*
	 * A finished sleep lasts at most LULL_SLEEP_MAX_SEC (journal.h), so
	 * one that meets [?2, ?3) started at or after ?4 = ?2 minus that: the
	 * index on (child_id, start_utc) reads only the window, whatever the
	 * history's length.  Ongoing sleeps, which have no such bound, come
	 * from the small partial index on them (migration 0004), named with
	 * INDEXED BY: left to itself the planner prefers (child_id,
	 * start_utc) for "start_utc < ?4" and reads the whole history.
	 */
	[STMT_SLEEP_RANGE_CHILD] =
	    "SELECT " SLEEP_COLS " FROM sleep s "
	    "WHERE s.child_id = ?1 AND s.start_utc >= ?4 AND s.start_utc < ?3 "
	    "AND (s.end_utc IS NULL OR s.end_utc > ?2) "
	    "UNION ALL SELECT " SLEEP_COLS " FROM sleep s "
	    "INDEXED BY sleep_ongoing "
	    "WHERE s.child_id = ?1 AND s.end_utc IS NULL AND s.start_utc < ?4 "
	    "ORDER BY 3, 1",
	[STMT_SLEEP_RANGE_HOUSEHOLD] =
	    "SELECT " SLEEP_COLS " "
	    "FROM sleep s JOIN child c ON c.id = s.child_id "
	    "WHERE c.household_id = ?1 AND s.start_utc >= ?4 "
	    "AND s.start_utc < ?3 AND (s.end_utc IS NULL OR s.end_utc > ?2) "
	    "UNION ALL SELECT " SLEEP_COLS " "
	    "FROM sleep s INDEXED BY sleep_ongoing "
	    "JOIN child c ON c.id = s.child_id "
	    "WHERE c.household_id = ?1 AND s.end_utc IS NULL "
	    "AND s.start_utc < ?4 "
	    "ORDER BY 3, 1",
	/* The wakings of the sleeps the two range statements above return,
	 * in one read (same bounds, same parameters), grouped by sleep. */
	[STMT_WAKING_RANGE_CHILD] =
	    "SELECT " WAKING_COLS " FROM waking WHERE sleep_id IN ("
	    "SELECT s.id FROM sleep s "
	    "WHERE s.child_id = ?1 AND s.start_utc >= ?4 AND s.start_utc < ?3 "
	    "AND (s.end_utc IS NULL OR s.end_utc > ?2) "
	    "UNION ALL SELECT s.id FROM sleep s INDEXED BY sleep_ongoing "
	    "WHERE s.child_id = ?1 AND s.end_utc IS NULL AND s.start_utc < ?4) "
	    "ORDER BY sleep_id, start_utc, id",
	[STMT_WAKING_RANGE_HOUSEHOLD] =
	    "SELECT " WAKING_COLS " FROM waking WHERE sleep_id IN ("
	    "SELECT s.id FROM sleep s JOIN child c ON c.id = s.child_id "
	    "WHERE c.household_id = ?1 AND s.start_utc >= ?4 "
	    "AND s.start_utc < ?3 AND (s.end_utc IS NULL OR s.end_utc > ?2) "
	    "UNION ALL SELECT s.id FROM sleep s INDEXED BY sleep_ongoing "
	    "JOIN child c ON c.id = s.child_id "
	    "WHERE c.household_id = ?1 AND s.end_utc IS NULL "
	    "AND s.start_utc < ?4) "
	    "ORDER BY sleep_id, start_utc, id",
	[STMT_SLEEP_ONGOING] = "SELECT " SLEEP_COLS " FROM sleep s "
			       "INDEXED BY sleep_ongoing "
			       "WHERE s.child_id = ?1 AND s.end_utc IS NULL "
			       "ORDER BY s.start_utc DESC, s.id DESC LIMIT 1",
	/* Closed at both ends; where one sleep ends as the next starts,
	 * the later one wins.  Bounded as the range above (?3 = ?2 minus
	 * the longest sleep), so a moment with no sleep reads no history. */
	[STMT_SLEEP_AT] =
	    "SELECT * FROM (SELECT " SLEEP_COLS " FROM sleep s "
	    "WHERE s.child_id = ?1 AND s.start_utc <= ?2 "
	    "AND s.start_utc >= ?3 AND s.end_utc >= ?2 "
	    "UNION ALL SELECT " SLEEP_COLS " FROM sleep s "
	    "INDEXED BY sleep_ongoing "
	    "WHERE s.child_id = ?1 AND s.end_utc IS NULL "
	    "AND s.start_utc <= ?2) "
	    "ORDER BY 3 DESC, 1 DESC LIMIT 1",

	[STMT_WAKING_INSERT] =
	    "INSERT INTO waking (sleep_id, start_utc, "
	    "end_utc, response, caregiver_id, note, " META_COLS ") "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[STMT_WAKING_GET] = "SELECT " WAKING_COLS " FROM waking WHERE id = ?1",
	[STMT_WAKING_UPDATE] =
	    "UPDATE waking SET sleep_id = ?1, "
	    "start_utc = ?2, end_utc = ?3, response = ?4, caregiver_id = ?5, "
	    "note = ?6, created_utc = ?7, created_by = ?8, updated_utc = ?9, "
	    "updated_by = ?10, version = ?11 WHERE id = ?12",
	[STMT_WAKING_DELETE] = "DELETE FROM waking WHERE id = ?1",
	[STMT_WAKING_LIST] = "SELECT " WAKING_COLS " FROM waking "
			     "WHERE sleep_id = ?1 ORDER BY start_utc, id",

	[STMT_FEED_INSERT] =
	    "INSERT INTO feed (child_id, start_utc, end_utc, "
	    "kind, side, amount_ml, note, " META_COLS ") VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	[STMT_FEED_INSERT_MANY] =
	    "INSERT INTO feed (child_id, start_utc, end_utc, "
	    "kind, side, amount_ml, note, " META_COLS ") VALUES "
	    X32(ROW12),
	[STMT_FEED_GET] = "SELECT " FEED_COLS " FROM feed f WHERE f.id = ?1",
	[STMT_FEED_UPDATE] =
	    "UPDATE feed SET child_id = ?1, start_utc = ?2, "
	    "end_utc = ?3, kind = ?4, side = ?5, amount_ml = ?6, note = ?7, "
	    "created_utc = ?8, created_by = ?9, updated_utc = ?10, "
	    "updated_by = ?11, version = ?12 WHERE id = ?13",
	[STMT_FEED_DELETE] = "DELETE FROM feed WHERE id = ?1",
	[STMT_FEED_RANGE_CHILD] =
	    "SELECT " FEED_COLS " FROM feed f "
	    "WHERE f.child_id = ?1 AND f.start_utc >= ?2 "
	    "AND f.start_utc < ?3 ORDER BY f.start_utc, f.id",
	[STMT_FEED_RANGE_HOUSEHOLD] =
	    "SELECT " FEED_COLS " "
	    "FROM feed f JOIN child c ON c.id = f.child_id "
	    "WHERE c.household_id = ?1 AND f.start_utc >= ?2 "
	    "AND f.start_utc < ?3 ORDER BY f.start_utc, f.id",

	[STMT_TAG_INSERT] = "INSERT INTO tag (child_id, kind, from_day, "
			    "to_day, note, " META_COLS ") VALUES "
			    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[STMT_TAG_GET] = "SELECT " TAG_COLS " FROM tag t WHERE t.id = ?1",
	[STMT_TAG_UPDATE] =
	    "UPDATE tag SET child_id = ?1, kind = ?2, "
	    "from_day = ?3, to_day = ?4, note = ?5, created_utc = ?6, "
	    "created_by = ?7, updated_utc = ?8, updated_by = ?9, "
	    "version = ?10 WHERE id = ?11",
	[STMT_TAG_DELETE] = "DELETE FROM tag WHERE id = ?1",
	[STMT_TAG_RANGE_CHILD] = "SELECT " TAG_COLS " FROM tag t "
				 "WHERE t.child_id = ?1 AND t.from_day <= ?3 "
				 "AND t.to_day >= ?2 ORDER BY t.from_day, t.id",
	[STMT_TAG_RANGE_HOUSEHOLD] =
	    "SELECT " TAG_COLS " "
	    "FROM tag t JOIN child c ON c.id = t.child_id "
	    "WHERE c.household_id = ?1 AND t.from_day <= ?3 "
	    "AND t.to_day >= ?2 ORDER BY t.from_day, t.id",
	/*
	 * Pages for listings, newest first: (start, id) strictly before the
	 * cursor (?3, ?4) and not before ?2.  The index on (child_id,
	 * start_utc) holds the rowid after start_utc, so it is walked
	 * backwards from the cursor and the walk stops after ?5 rows: a
	 * page costs the same whatever the length of the history.
	 */
	[STMT_SLEEP_PAGE] =
	    "SELECT " SLEEP_COLS " FROM sleep s "
	    "WHERE s.child_id = ?1 AND s.start_utc >= ?2 "
	    "AND s.start_utc <= ?3 AND (s.start_utc < ?3 OR s.id < ?4) "
	    "ORDER BY s.start_utc DESC, s.id DESC LIMIT ?5",
	[STMT_FEED_PAGE] =
	    "SELECT " FEED_COLS " FROM feed f "
	    "WHERE f.child_id = ?1 AND f.start_utc >= ?2 "
	    "AND f.start_utc <= ?3 AND (f.start_utc < ?3 OR f.id < ?4) "
	    "ORDER BY f.start_utc DESC, f.id DESC LIMIT ?5",
	/* A tag lasts at most LULL_TAG_MAX_DAYS (journal.h): one that
	 * reaches ?2 began at most that long before it (?6). */
	[STMT_TAG_PAGE] =
	    "SELECT " TAG_COLS " FROM tag t "
	    "WHERE t.child_id = ?1 AND t.from_day >= ?6 AND t.to_day >= ?2 "
	    "AND t.from_day <= ?3 AND (t.from_day < ?3 OR t.id < ?4) "
	    "ORDER BY t.from_day DESC, t.id DESC LIMIT ?5",

	[STMT_PLAN_INSERT] =
	    "INSERT INTO plan (child_id, profile_json, method, started_day, "
	    "step, step_since_day, paused, paused_since_day, pause_by_parent, "
	    "slow, active, " META_COLS ", best_step, best_day, reeval_day, "
	    "resumed_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	    "?11, ?12, ?13, ?14, ?15, ?16, ?18, ?19, ?20, ?21)",
	[STMT_PLAN_GET] = "SELECT " PLAN_COLS " FROM plan p WHERE p.id = ?1",
	[STMT_PLAN_ACTIVE] = "SELECT " PLAN_COLS " FROM plan p "
			     "WHERE p.child_id = ?1 AND p.active = 1",
	[STMT_PLAN_LIST] = "SELECT " PLAN_COLS " "
			   "FROM plan p JOIN child c ON c.id = p.child_id "
			   "WHERE c.household_id = ?1 ORDER BY p.id",
	[STMT_PLAN_UPDATE] =
	    "UPDATE plan SET child_id = ?1, profile_json = ?2, method = ?3, "
	    "started_day = ?4, step = ?5, step_since_day = ?6, paused = ?7, "
	    "paused_since_day = ?8, pause_by_parent = ?9, slow = ?10, "
	    "active = ?11, created_utc = ?12, created_by = ?13, "
	    "updated_utc = ?14, updated_by = ?15, version = ?16, "
	    "best_step = ?18, best_day = ?19, reeval_day = ?20, "
	    "resumed_day = ?21 WHERE id = ?17",
	[STMT_PLAN_EVENT_INSERT] =
	    "INSERT INTO plan_event (plan_id, day, verdict, step_from, "
	    "step_to, evidence, by_parent, reason, source, " META_COLS ") "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "?14)",
	[STMT_PLAN_EVENT_LIST] = "SELECT " PLAN_EVENT_COLS " FROM plan_event "
				 "WHERE plan_id = ?1 ORDER BY id",

	[STMT_PERSONAL_INSERT] =
	    "INSERT INTO personal (" PERSONAL_FIELDS ", " META_COLS ") VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
	    "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
	[STMT_PERSONAL_GET] = "SELECT " PERSONAL_COLS " FROM personal "
			      "WHERE id = ?1",
	[STMT_PERSONAL_UPDATE] =
	    "UPDATE personal SET household_id = ?1, author_id = ?2, "
	    "kind = ?3, day = ?4, start_utc = ?5, end_utc = ?6, energy = ?7, "
	    "mood = ?8, instrument = ?9, answers = ?10, total = ?11, "
	    "band = ?12, self_harm = ?13, to_id = ?14, appreciation = ?15, "
	    "need = ?16, repair = ?17, connection = ?18, note = ?19, "
	    "share = ?20, created_utc = ?21, created_by = ?22, "
	    "updated_utc = ?23, updated_by = ?24, version = ?25 "
	    "WHERE id = ?26",
	[STMT_PERSONAL_DELETE] = "DELETE FROM personal WHERE id = ?1",
	/* Through the index on (household_id, day); ?4 NULL: every kind.
	 * Records without a start (check-ins, a week's check-in) come
	 * first within their day, on any database. */
	[STMT_PERSONAL_RANGE] =
	    "SELECT " PERSONAL_COLS " FROM personal "
	    "WHERE household_id = ?1 AND day >= ?2 AND day <= ?3 "
	    "AND (?4 IS NULL OR kind = ?4) "
	    "ORDER BY day, start_utc IS NOT NULL, start_utc, id",
	[STMT_PERSONAL_COUNT] = "SELECT count(*) FROM personal "
				"WHERE household_id = ?1",

	[STMT_RITUAL_INSERT] =
	    "INSERT INTO ritual (household_id, name, every, weekday, at_min, "
	    "note, " META_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	    "?10, ?11)",
	[STMT_RITUAL_GET] = "SELECT " RITUAL_COLS " FROM ritual WHERE id = ?1",
	[STMT_RITUAL_FIND] = "SELECT " RITUAL_COLS " FROM ritual "
			     "WHERE household_id = ?1 AND name = ?2",
	[STMT_RITUAL_UPDATE] =
	    "UPDATE ritual SET household_id = ?1, name = ?2, every = ?3, "
	    "weekday = ?4, at_min = ?5, note = ?6, created_utc = ?7, "
	    "created_by = ?8, updated_utc = ?9, updated_by = ?10, "
	    "version = ?11 WHERE id = ?12",
	[STMT_RITUAL_DELETE] = "DELETE FROM ritual WHERE id = ?1",
	[STMT_RITUAL_LIST] = "SELECT " RITUAL_COLS " FROM ritual "
			     "WHERE household_id = ?1 ORDER BY id",

	[STMT_HOUSEHOLD_DELETE] = "DELETE FROM household WHERE id = ?1",

	[STMT_ACCOUNT_INSERT] =
	    "INSERT INTO account (email, name, pwhash, created_utc, version) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_ACCOUNT_GET] = "SELECT " ACCOUNT_COLS ", pwhash FROM account "
			     "WHERE id = ?1",
	/* The column compares without case (NOCASE), and its unique index
	 * serves the lookup. */
	[STMT_ACCOUNT_FIND] = "SELECT " ACCOUNT_COLS ", pwhash FROM account "
			      "WHERE email = ?1",
	[STMT_ACCOUNT_LIST] = "SELECT " ACCOUNT_COLS " FROM account "
			      "ORDER BY id",
	[STMT_ACCOUNT_SET_PASSWORD] = "UPDATE account SET pwhash = ?1, "
				      "version = ?2 WHERE id = ?3",

	[STMT_SESSION_INSERT] =
	    "INSERT INTO session (id_hash, account_id, csrf, created_utc, "
	    "expires_utc) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_SESSION_GET] = "SELECT account_id, csrf, created_utc, "
			     "expires_utc FROM session WHERE id_hash = ?1",
	[STMT_SESSION_TOUCH] = "UPDATE session SET expires_utc = ?2 "
			       "WHERE id_hash = ?1",
	[STMT_SESSION_DELETE] = "DELETE FROM session WHERE id_hash = ?1",
	[STMT_SESSION_DELETE_ACCOUNT] = "DELETE FROM session "
					"WHERE account_id = ?1",
	[STMT_SESSION_DELETE_EXPIRED] = "DELETE FROM session "
					"WHERE expires_utc <= ?1",

	[STMT_TOKEN_INSERT] =
	    "INSERT INTO api_token (account_id, name, hash, created_utc, "
	    "last_used_utc, revoked_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[STMT_TOKEN_GET] = "SELECT " TOKEN_COLS " FROM api_token "
			   "WHERE id = ?1",
	[STMT_TOKEN_FIND] = "SELECT " TOKEN_COLS " FROM api_token "
			    "WHERE hash = ?1",
	[STMT_TOKEN_LIST] = "SELECT " TOKEN_COLS " FROM api_token "
			    "WHERE account_id = ?1 ORDER BY id",
	[STMT_TOKEN_UPDATE] = "UPDATE api_token SET last_used_utc = ?1, "
			      "revoked_utc = ?2 WHERE id = ?3",

	[STMT_MEMBERSHIP_INSERT] =
	    "INSERT INTO membership (account_id, household_id, access, "
	    "caregiver_id, created_utc) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_MEMBERSHIP_GET] = "SELECT " MEMBERSHIP_COLS " " MEMBERSHIP_FROM
				"WHERE m.account_id = ?1 "
				"AND m.household_id = ?2",
	[STMT_MEMBERSHIP_OF_HOUSEHOLD] = "SELECT " MEMBERSHIP_COLS
					 " " MEMBERSHIP_FROM
					 "WHERE m.household_id = ?1 "
					 "ORDER BY m.account_id",
	[STMT_MEMBERSHIP_OF_ACCOUNT] = "SELECT " MEMBERSHIP_COLS
				       " " MEMBERSHIP_FROM
				       "WHERE m.account_id = ?1 "
				       "ORDER BY m.household_id",
	[STMT_MEMBERSHIP_UPDATE] = "UPDATE membership SET access = ?3 "
				   "WHERE account_id = ?1 "
				   "AND household_id = ?2",
	[STMT_MEMBERSHIP_DELETE] = "DELETE FROM membership "
				   "WHERE account_id = ?1 "
				   "AND household_id = ?2",

	[STMT_INVITE_INSERT] =
	    "INSERT INTO invite (household_id, code_hash, access, name, "
	    "by_account, created_utc, expires_utc, parent) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8)",
	[STMT_INVITE_FIND] = "SELECT " INVITE_COLS " FROM invite "
			     "WHERE code_hash = ?1",
	[STMT_INVITE_USE] = "UPDATE invite SET used_utc = ?2, used_by = ?3 "
			    "WHERE id = ?1",
	[STMT_INVITE_LIST] = "SELECT " INVITE_LIST_COLS " FROM invite i "
			     "LEFT JOIN account a ON a.id = i.by_account "
			     "WHERE i.household_id = ?1 AND i.used_utc IS NULL "
			     "AND i.expires_utc > ?2 ORDER BY i.id",
	[STMT_INVITE_DELETE] = "DELETE FROM invite WHERE id = ?2 "
			       "AND household_id = ?1 AND used_utc IS NULL",
	[STMT_INVITE_DELETE_BY] = "DELETE FROM invite WHERE household_id = ?1 "
				  "AND by_account = ?2 AND used_utc IS NULL",
	[STMT_TOKEN_REVOKE_ACCOUNT] = "UPDATE api_token SET revoked_utc = ?2 "
				      "WHERE account_id = ?1 "
				      "AND revoked_utc IS NULL",
	[STMT_CAREGIVER_LINK] =
	    "INSERT INTO caregiver_account (caregiver_id, account_id, "
	    "since_utc) VALUES (?1, ?2, ?3) ON CONFLICT (caregiver_id) DO "
	    "UPDATE SET account_id = excluded.account_id, "
	    "since_utc = excluded.since_utc",
	[STMT_CAREGIVER_LINKED] = "SELECT account_id FROM caregiver_account "
				  "WHERE caregiver_id = ?1",
	[STMT_PERSONAL_COUNT_AUTHOR] = "SELECT count(*) FROM personal "
				       "WHERE author_id = ?1",
};

struct sq {
	sqlite3 *db;
	sqlite3_stmt *stmt[STMT__MAX]; /* prepared on first use */
};

/* Collects the first failing bind so a row of binds needs one test. */
struct bind {
	sqlite3_stmt *s;
	int rc;
	int base; /* added to every index: the row of a batch */
};

static struct sq *
sq_of(struct lull_store *st)
{
	return st->impl;
}

static enum lull_err
sq_fail(struct lull_store *st, const char *what)
{
	struct sq *q = sq_of(st);

	return lull_errinfo_set(&st->ei, LULL_ESTORE, "", "%s: %s", what,
	    sqlite3_errmsg(q->db));
}

static enum lull_err
sq_nomem(struct lull_store *st)
{
	return lull_errinfo_set(&st->ei, LULL_ENOMEM, "", "out of memory");
}

static enum lull_err
sq_notfound(struct lull_store *st, const char *what, int64_t id)
{
	return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "id",
	    "id: no %s with id %lld", what, (long long)id);
}

/* The cached statement, prepared on first use; NULL with st->ei set. */
static sqlite3_stmt *
sq_stmt(struct lull_store *st, enum stmt which)
{
	struct sq *q = sq_of(st);
	int rc;

	if (q->stmt[which] != NULL)
		return q->stmt[which];
	rc = sqlite3_prepare_v3(q->db, sql[which], -1,
	    SQLITE_PREPARE_PERSISTENT, &q->stmt[which], NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(q->stmt[which]);
		q->stmt[which] = NULL;
		sq_fail(st, "preparing a statement");
		return NULL;
	}
	return q->stmt[which];
}

/* Ready the statement for its next use and drop borrowed values. */
static void
sq_done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Take the cached statement for a fresh set of binds. */
static int
bind_start(struct lull_store *st, struct bind *b, enum stmt which)
{
	b->rc = SQLITE_OK;
	b->base = 0;
	b->s = sq_stmt(st, which);
	return b->s != NULL;
}

static void
b_i64(struct bind *b, int i, int64_t v)
{
	if (b->rc == SQLITE_OK)
		b->rc = sqlite3_bind_int64(b->s, b->base + i, v);
}

static void
b_null(struct bind *b, int i)
{
	if (b->rc == SQLITE_OK)
		b->rc = sqlite3_bind_null(b->s, b->base + i);
}

/* LULL_NO_TIME is NULL. */
static void
b_time(struct bind *b, int i, int64_t t)
{
	if (t == LULL_NO_TIME)
		b_null(b, i);
	else
		b_i64(b, i, t);
}

/* Id 0 ("nobody", "not recorded") is NULL, which the foreign keys need. */
static void
b_ref(struct bind *b, int i, int64_t id)
{
	if (id == 0)
		b_null(b, i);
	else
		b_i64(b, i, id);
}

/* LULL_UNKNOWN is NULL. */
static void
b_opt(struct bind *b, int i, int32_t v)
{
	if (v == LULL_UNKNOWN)
		b_null(b, i);
	else
		b_i64(b, i, v);
}

static void
b_day(struct bind *b, int i, int32_t day)
{
	if (day == LULL_NO_DAY)
		b_null(b, i);
	else
		b_i64(b, i, day);
}

static void
b_text(struct bind *b, int i, const char *s)
{
	if (s == NULL)
		b_null(b, i);
	else if (b->rc == SQLITE_OK)
		b->rc = sqlite3_bind_text(b->s, b->base + i, s, -1,
		    SQLITE_TRANSIENT);
}

static void
b_meta(struct bind *b, int i, const struct lull_meta *m)
{
	b_i64(b, i, m->created_utc);
	b_ref(b, i + 1, m->created_by);
	b_i64(b, i + 2, m->updated_utc);
	b_ref(b, i + 3, m->updated_by);
	b_i64(b, i + 4, m->version);
}

/*
 * Map a failed step to a code.  "what" names the kind of record, "name"
 * the value of its unique name column (NULL where it has none).
 */
static enum lull_err
sq_step_fail(struct lull_store *st, const char *what, const char *name)
{
	struct sq *q = sq_of(st);
	int xrc = sqlite3_extended_errcode(q->db);

	switch (xrc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		if (name != NULL)
			return lull_errinfo_set(&st->ei, LULL_ECONFLICT, "name",
			    "name: a %s called \"%s\" already exists", what,
			    name);
		return lull_errinfo_set(&st->ei, LULL_ECONFLICT, "",
		    "this %s already exists", what);
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "",
		    "a record this %s refers to does not exist", what);
	case SQLITE_CONSTRAINT_CHECK:
	case SQLITE_CONSTRAINT_NOTNULL:
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "",
		    "the database refused this %s: %s", what,
		    sqlite3_errmsg(q->db));
	case SQLITE_NOMEM:
		return sq_nomem(st);
	default:
		return lull_errinfo_set(&st->ei, LULL_ESTORE, "",
		    "writing a %s: %s", what, sqlite3_errmsg(q->db));
	}
}

/* Run a bound statement that returns no rows. */
static enum lull_err
sq_run(struct lull_store *st, struct bind *b, const char *what,
    const char *name)
{
	enum lull_err err = LULL_OK;

	if (b->rc != SQLITE_OK) {
		err = b->rc == SQLITE_NOMEM ? sq_nomem(st)
					    : sq_fail(st, "binding a value");
	} else if (sqlite3_step(b->s) != SQLITE_DONE)
		err = sq_step_fail(st, what, name);
	sq_done(b->s);
	return err;
}

/* Insert, and say which id the row got. */
static enum lull_err
sq_insert(struct lull_store *st, struct bind *b, const char *what,
    const char *name, int64_t *id)
{
	enum lull_err err;

	*id = 0;
	err = sq_run(st, b, what, name);
	if (err != LULL_OK)
		return err;
	*id = sqlite3_last_insert_rowid(sq_of(st)->db);
	return LULL_OK;
}

/* Update or delete one row by id: not there is LULL_ENOTFOUND. */
static enum lull_err
sq_change(struct lull_store *st, struct bind *b, const char *what,
    const char *name, int64_t id)
{
	enum lull_err err;

	err = sq_run(st, b, what, name);
	if (err != LULL_OK)
		return err;
	if (sqlite3_changes(sq_of(st)->db) == 0)
		return sq_notfound(st, what, id);
	return LULL_OK;
}

static enum lull_err
sq_delete(struct lull_store *st, enum stmt which, const char *what, int64_t id)
{
	struct bind b;

	if (!bind_start(st, &b, which))
		return st->ei.code;
	b_i64(&b, 1, id);
	return sq_change(st, &b, what, NULL, id);
}

/*
 * Step a bound query: LULL_OK with *have set to 1 on a row, 0 at the end.
 * The caller resets the statement with sq_done() in every case.
 */
static enum lull_err
sq_row(struct lull_store *st, struct bind *b, int *have)
{
	int rc;

	*have = 0;
	if (b->rc != SQLITE_OK)
		return b->rc == SQLITE_NOMEM ? sq_nomem(st)
					     : sq_fail(st, "binding a value");
	rc = sqlite3_step(b->s);
	if (rc == SQLITE_ROW) {
		*have = 1;
		return LULL_OK;
	}
	if (rc == SQLITE_DONE)
		return LULL_OK;
	if ((rc & 0xff) == SQLITE_NOMEM)
		return sq_nomem(st);
	return sq_fail(st, "reading");
}

/* Step to the one row asked for: none is LULL_ENOTFOUND. */
static enum lull_err
sq_one(struct lull_store *st, struct bind *b, const char *what, int64_t id)
{
	enum lull_err err;
	int have;

	err = sq_row(st, b, &have);
	if (err == LULL_OK && !have)
		err = sq_notfound(st, what, id);
	return err;
}

/* Column readers: "c" walks the columns in the order of the lists. */
static int64_t
c_i64(sqlite3_stmt *s, int *c)
{
	return sqlite3_column_int64(s, (*c)++);
}

static int64_t
c_time(sqlite3_stmt *s, int *c)
{
	if (sqlite3_column_type(s, *c) == SQLITE_NULL) {
		(*c)++;
		return LULL_NO_TIME;
	}
	return c_i64(s, c);
}

static int32_t
c_opt(sqlite3_stmt *s, int *c)
{
	if (sqlite3_column_type(s, *c) == SQLITE_NULL) {
		(*c)++;
		return LULL_UNKNOWN;
	}
	return (int32_t)c_i64(s, c);
}

static int32_t
c_day(sqlite3_stmt *s, int *c)
{
	if (sqlite3_column_type(s, *c) == SQLITE_NULL) {
		(*c)++;
		return LULL_NO_DAY;
	}
	return (int32_t)c_i64(s, c);
}

/* Borrowed text, "" for NULL: for enum names. */
static const char *
c_name(sqlite3_stmt *s, int *c)
{
	const unsigned char *t = sqlite3_column_text(s, (*c)++);

	return t != NULL ? (const char *)t : "";
}

/* An owned copy, NULL for NULL; -1 when out of memory. */
static int
c_text(sqlite3_stmt *s, int *c, char **out)
{
	const unsigned char *t;
	int n;

	*out = NULL;
	if (sqlite3_column_type(s, *c) == SQLITE_NULL) {
		(*c)++;
		return 0;
	}
	/* Not NULL, so a NULL pointer here can only mean no memory. */
	t = sqlite3_column_text(s, *c);
	n = sqlite3_column_bytes(s, *c);
	(*c)++;
	if (t == NULL)
		return -1;
	if ((*out = malloc((size_t)n + 1)) == NULL)
		return -1;
	memcpy(*out, t, (size_t)n + 1);
	return 0;
}

static void
c_meta(sqlite3_stmt *s, int *c, struct lull_meta *m)
{
	m->created_utc = c_i64(s, c);
	m->created_by = c_i64(s, c);
	m->updated_utc = c_i64(s, c);
	m->updated_by = c_i64(s, c);
	m->version = c_i64(s, c);
}

/* A name in the database that this program does not know. */
static enum lull_err
sq_bad_name(struct lull_store *st, const char *what, int64_t id,
    const char *field, const char *value)
{
	return lull_errinfo_set(&st->ei, LULL_ESTORE, field,
	    "%s %lld has %s \"%s\", which this version of lull does not "
	    "know (written by a newer one?)",
	    what, (long long)id, field, value);
}

static enum lull_err
row_household(struct lull_store *st, sqlite3_stmt *s, struct lull_household *h)
{
	int c = 0;

	memset(h, 0, sizeof(*h));
	h->id = c_i64(s, &c);
	if (c_text(s, &c, &h->name) || c_text(s, &c, &h->tz)) {
		lull_household_free(h);
		return sq_nomem(st);
	}
	c_meta(s, &c, &h->meta);
	/* NULL: the documented default, 0 in the record. */
	h->core_block_min = (int32_t)c_i64(s, &c);
	if (c_text(s, &c, &h->emergency) || c_text(s, &c, &h->crisis_lines)) {
		lull_household_free(h);
		return sq_nomem(st);
	}
	return LULL_OK;
}

static enum lull_err
row_caregiver(struct lull_store *st, sqlite3_stmt *s, struct lull_caregiver *g)
{
	const char *name;
	int c = 0, e;
	int64_t id;

	memset(g, 0, sizeof(*g));
	g->id = c_i64(s, &c);
	g->household_id = c_i64(s, &c);
	if (c_text(s, &c, &g->name)) {
		lull_caregiver_free(g);
		return sq_nomem(st);
	}
	c_meta(s, &c, &g->meta);
	name = c_name(s, &c);
	id = g->id;
	if ((e = lull_role_parse(name)) < 0) {
		lull_caregiver_free(g);
		return sq_bad_name(st, "caregiver", id, "role", name);
	}
	g->role = (enum lull_role)e;
	name = c_name(s, &c);
	if ((e = lull_night_feeds_parse(name)) < 0) {
		lull_caregiver_free(g);
		return sq_bad_name(st, "caregiver", id, "night_feeds", name);
	}
	g->night_feeds = (enum lull_night_feeds)e;
	g->work_days = (unsigned)c_i64(s, &c) & 0x7fu;
	return LULL_OK;
}

static enum lull_err
row_child(struct lull_store *st, sqlite3_stmt *s, struct lull_child *k)
{
	int c = 0;

	lull_child_init(k);
	k->id = c_i64(s, &c);
	k->household_id = c_i64(s, &c);
	if (c_text(s, &c, &k->name)) {
		lull_child_free(k);
		return sq_nomem(st);
	}
	k->born_day = (int32_t)c_i64(s, &c);
	k->due_day = c_day(s, &c);
	c_meta(s, &c, &k->meta);
	return LULL_OK;
}

static enum lull_err
row_sleep(struct lull_store *st, sqlite3_stmt *s, struct lull_sleep *out)
{
	struct lull_errinfo ei;
	const char *name;
	int c = 0, e;

	lull_sleep_init(out);
	out->id = c_i64(s, &c);
	out->child_id = c_i64(s, &c);
	out->start_utc = c_i64(s, &c);
	out->end_utc = c_time(s, &c);
	name = c_name(s, &c);
	e = lull_sleep_kind_parse(name);
	if (e < 0)
		return sq_bad_name(st, "sleep", out->id, "kind", name);
	out->kind = (enum lull_sleep_kind)e;
	out->kind_given = (int)c_i64(s, &c);
	name = c_name(s, &c);
	if (lull_onset_set_parse(name, &out->onset, &ei) != LULL_OK)
		return sq_bad_name(st, "sleep", out->id, "onset", name);
	name = c_name(s, &c);
	e = lull_place_parse(name);
	if (e < 0)
		return sq_bad_name(st, "sleep", out->id, "place", name);
	out->place = (enum lull_place)e;
	out->settled_by = c_i64(s, &c);
	out->latency_min = c_opt(s, &c);
	out->crying_min = c_opt(s, &c);
	out->routine = c_opt(s, &c);
	if (c_text(s, &c, &out->note))
		return sq_nomem(st);
	c_meta(s, &c, &out->meta);
	return LULL_OK;
}

static enum lull_err
row_waking(struct lull_store *st, sqlite3_stmt *s, struct lull_waking *w)
{
	const char *name;
	int c = 0, e;

	lull_waking_init(w);
	w->id = c_i64(s, &c);
	w->sleep_id = c_i64(s, &c);
	w->start_utc = c_i64(s, &c);
	w->end_utc = c_time(s, &c);
	name = c_name(s, &c);
	e = lull_response_parse(name);
	if (e < 0)
		return sq_bad_name(st, "waking", w->id, "response", name);
	w->response = (enum lull_response)e;
	w->caregiver_id = c_i64(s, &c);
	if (c_text(s, &c, &w->note))
		return sq_nomem(st);
	c_meta(s, &c, &w->meta);
	return LULL_OK;
}

static enum lull_err
row_feed(struct lull_store *st, sqlite3_stmt *s, struct lull_feed *f)
{
	const char *name;
	int c = 0, e;

	lull_feed_init(f);
	f->id = c_i64(s, &c);
	f->child_id = c_i64(s, &c);
	f->start_utc = c_i64(s, &c);
	f->end_utc = c_time(s, &c);
	name = c_name(s, &c);
	e = lull_feed_kind_parse(name);
	if (e < 0)
		return sq_bad_name(st, "feed", f->id, "kind", name);
	f->kind = (enum lull_feed_kind)e;
	name = c_name(s, &c);
	e = lull_side_parse(name);
	if (e < 0)
		return sq_bad_name(st, "feed", f->id, "side", name);
	f->side = (enum lull_side)e;
	f->amount_ml = c_opt(s, &c);
	if (c_text(s, &c, &f->note))
		return sq_nomem(st);
	c_meta(s, &c, &f->meta);
	return LULL_OK;
}

static enum lull_err
row_tag(struct lull_store *st, sqlite3_stmt *s, struct lull_tag *t)
{
	const char *name;
	int c = 0, e;

	lull_tag_init(t);
	t->id = c_i64(s, &c);
	t->child_id = c_i64(s, &c);
	name = c_name(s, &c);
	e = lull_tag_kind_parse(name);
	if (e < 0)
		return sq_bad_name(st, "tag", t->id, "kind", name);
	t->kind = (enum lull_tag_kind)e;
	t->from_day = (int32_t)c_i64(s, &c);
	t->to_day = (int32_t)c_i64(s, &c);
	if (c_text(s, &c, &t->note))
		return sq_nomem(st);
	c_meta(s, &c, &t->meta);
	return LULL_OK;
}

/* plan.h names evidence but has no parser; the names are the table. */
static int
evidence_parse(const char *name)
{
	const char *n;
	int i;

	for (i = 0; i < LULL_EVIDENCE__MAX; i++) {
		n = lull_evidence_name((enum lull_evidence)i);
		if (n != NULL && strcmp(n, name) == 0)
			return i;
	}
	return -1;
}

static enum lull_err
row_plan(struct lull_store *st, sqlite3_stmt *s, struct lull_plan_record *p)
{
	const char *name;
	int c = 0, e;

	lull_plan_record_init(p);
	p->id = c_i64(s, &c);
	p->child_id = c_i64(s, &c);
	if (c_text(s, &c, &p->profile_json))
		return sq_nomem(st);
	name = c_name(s, &c);
	e = lull_method_parse(name);
	if (e < 0) {
		lull_plan_record_free(p);
		return sq_bad_name(st, "plan", p->id, "method", name);
	}
	p->method = (enum lull_method)e;
	p->state.started_day = (int32_t)c_i64(s, &c);
	p->state.step = (int)c_i64(s, &c);
	p->state.step_since_day = (int32_t)c_i64(s, &c);
	p->state.paused = (int)c_i64(s, &c);
	p->state.paused_since_day = c_day(s, &c);
	p->state.pause_by_parent = (int)c_i64(s, &c);
	p->state.slow = (int)c_i64(s, &c);
	p->active = (int)c_i64(s, &c);
	c_meta(s, &c, &p->meta);
	p->state.best_step = (int)c_i64(s, &c);
	p->state.best_day = c_day(s, &c);
	p->state.reeval_day = c_day(s, &c);
	p->state.resumed_day = c_day(s, &c);
	return LULL_OK;
}

static enum lull_err
row_plan_event(struct lull_store *st, sqlite3_stmt *s,
    struct lull_plan_event *ev)
{
	const char *name;
	int c = 0, e;

	lull_plan_event_init(ev);
	ev->id = c_i64(s, &c);
	ev->plan_id = c_i64(s, &c);
	ev->day = (int32_t)c_i64(s, &c);
	name = c_name(s, &c);
	if ((e = lull_verdict_parse(name)) < 0)
		return sq_bad_name(st, "plan event", ev->id, "verdict", name);
	ev->verdict = (enum lull_verdict)e;
	ev->step_from = (int)c_i64(s, &c);
	ev->step_to = (int)c_i64(s, &c);
	name = c_name(s, &c);
	if ((e = evidence_parse(name)) < 0)
		return sq_bad_name(st, "plan event", ev->id, "evidence", name);
	ev->evidence = (enum lull_evidence)e;
	ev->by_parent = (int)c_i64(s, &c);
	if (c_text(s, &c, &ev->reason) || c_text(s, &c, &ev->source)) {
		lull_plan_event_free(ev);
		return sq_nomem(st);
	}
	c_meta(s, &c, &ev->meta);
	return LULL_OK;
}

/* A screen's answers as stored: "0,1,3", item 1 first. */
static void
answers_format(const int *v, int n, char *buf, size_t bufsz)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && len < bufsz; i++)
		len += (size_t)snprintf(buf + len, bufsz - len, "%s%d",
		    i > 0 ? "," : "", v[i]);
}

/* The reverse; -1 for text that is not a short list of small numbers. */
static int
answers_parse(const char *s, int *v, int *n)
{
	char *end;
	long x;

	*n = 0;
	if (*s == '\0')
		return 0;
	for (;;) {
		if (*n >= LULL_SCREEN_MAXITEMS || *s < '0' || *s > '9')
			return -1;
		x = strtol(s, &end, 10);
		if (x > 99)
			return -1;
		v[(*n)++] = (int)x;
		if (*end == '\0')
			return 0;
		if (*end != ',')
			return -1;
		s = end + 1;
	}
}

/* Text into a fixed buffer; -1 if it does not fit. */
static int
copy_fixed(const char *t, char *buf, size_t bufsz)
{
	size_t n = strlen(t);

	if (n >= bufsz)
		return -1;
	memcpy(buf, t, n + 1);
	return 0;
}

static enum lull_err
row_personal(struct lull_store *st, sqlite3_stmt *s, struct lull_personal *p)
{
	const char *name;
	int c = 0, e;
	int64_t id;

	lull_personal_init(p);
	id = p->id = c_i64(s, &c);
	p->household_id = c_i64(s, &c);
	p->author_id = c_i64(s, &c);
	name = c_name(s, &c);
	if ((e = lull_personal_kind_parse(name)) < 0)
		return sq_bad_name(st, "personal record", id, "kind", name);
	p->kind = (enum lull_personal_kind)e;
	p->day = (int32_t)c_i64(s, &c);
	p->start_utc = c_time(s, &c);
	p->end_utc = c_time(s, &c);
	p->energy = c_opt(s, &c);
	p->mood = c_opt(s, &c);
	name = c_name(s, &c);
	if (copy_fixed(name, p->instrument, sizeof(p->instrument)))
		return sq_bad_name(st, "personal record", id, "instrument",
		    name);
	name = c_name(s, &c);
	if (answers_parse(name, p->answers, &p->nanswers) != 0)
		return sq_bad_name(st, "personal record", id, "answers", name);
	p->total = c_opt(s, &c);
	name = c_name(s, &c);
	if (copy_fixed(name, p->band, sizeof(p->band)))
		return sq_bad_name(st, "personal record", id, "band", name);
	e = (int)c_opt(s, &c);
	p->self_harm = e == LULL_UNKNOWN ? 0 : e;
	p->to_id = c_i64(s, &c);
	if (c_text(s, &c, &p->appreciation) || c_text(s, &c, &p->need) ||
	    c_text(s, &c, &p->repair) || c_text(s, &c, &p->connection) ||
	    c_text(s, &c, &p->note)) {
		lull_personal_free(p);
		return sq_nomem(st);
	}
	p->share = (unsigned)c_i64(s, &c);
	c_meta(s, &c, &p->meta);
	return LULL_OK;
}

static enum lull_err
row_ritual(struct lull_store *st, sqlite3_stmt *s, struct lull_ritual *r)
{
	const char *name;
	int c = 0, e;

	lull_ritual_init(r);
	r->id = c_i64(s, &c);
	r->household_id = c_i64(s, &c);
	if (c_text(s, &c, &r->name))
		return sq_nomem(st);
	name = c_name(s, &c);
	if ((e = lull_ritual_every_parse(name)) < 0) {
		int64_t id = r->id;

		lull_ritual_free(r);
		return sq_bad_name(st, "ritual", id, "every", name);
	}
	r->every = (enum lull_ritual_every)e;
	/* NULL for a daily one. */
	r->weekday = (int)c_i64(s, &c);
	r->at_min = c_opt(s, &c);
	if (c_text(s, &c, &r->note)) {
		lull_ritual_free(r);
		return sq_nomem(st);
	}
	c_meta(s, &c, &r->meta);
	return LULL_OK;
}

/*
 * Step a bound statement to its end, decoding each row into "out".  One
 * function per record type, generated: on failure the row being read and
 * the vector are freed, so the caller gets all rows or an empty vector.
 */
#define COLLECT(name, vtype, itype, row, push, ifree, vfree)                   \
	static enum lull_err name(struct lull_store *st, struct bind *b,       \
	    struct vtype *out)                                                 \
	{                                                                      \
		enum lull_err err;                                             \
		struct itype item;                                             \
		int have;                                                      \
                                                                               \
		for (;;) {                                                     \
			err = sq_row(st, b, &have);                            \
			if (err != LULL_OK || !have)                           \
				break;                                         \
			err = row(st, b->s, &item);                            \
			if (err == LULL_OK && push(out, &item) != LULL_OK)     \
				err = sq_nomem(st);                            \
			if (err != LULL_OK) {                                  \
				ifree(&item);                                  \
				break;                                         \
			}                                                      \
		}                                                              \
		sq_done(b->s);                                                 \
		if (err != LULL_OK)                                            \
			vfree(out);                                            \
		return err;                                                    \
	}

COLLECT(collect_caregivers, lull_caregiverv, lull_caregiver, row_caregiver,
    lull_caregiverv_push, lull_caregiver_free, lull_caregiverv_free)
COLLECT(collect_children, lull_childv, lull_child, row_child,
    lull_childv_push, lull_child_free, lull_childv_free)
COLLECT(collect_sleeps, lull_sleepv, lull_sleep, row_sleep, lull_sleepv_push,
    lull_sleep_free, lull_sleepv_free)
COLLECT(collect_feeds, lull_feedv, lull_feed, row_feed, lull_feedv_push,
    lull_feed_free, lull_feedv_free)
COLLECT(collect_tags, lull_tagv, lull_tag, row_tag, lull_tagv_push,
    lull_tag_free, lull_tagv_free)
COLLECT(collect_plans, lull_plan_recordv, lull_plan_record, row_plan,
    lull_plan_recordv_push, lull_plan_record_free, lull_plan_recordv_free)
COLLECT(collect_plan_events, lull_plan_eventv, lull_plan_event,
    row_plan_event, lull_plan_eventv_push, lull_plan_event_free,
    lull_plan_eventv_free)
COLLECT(collect_personal, lull_personalv, lull_personal, row_personal,
    lull_personalv_push, lull_personal_free, lull_personalv_free)
COLLECT(collect_rituals, lull_ritualv, lull_ritual, row_ritual,
    lull_ritualv_push, lull_ritual_free, lull_ritualv_free)

/* Accounts: the public columns (ACCOUNT_COLS). */
static enum lull_err
row_account(struct lull_store *st, sqlite3_stmt *s, struct lull_account *a)
{
	int c = 0;

	memset(a, 0, sizeof(*a));
	a->id = c_i64(s, &c);
	if (c_text(s, &c, &a->email) || c_text(s, &c, &a->name)) {
		lull_account_free(a);
		return sq_nomem(st);
	}
	a->created_utc = c_i64(s, &c);
	a->version = c_i64(s, &c);
	return LULL_OK;
}

static enum lull_err
row_token(struct lull_store *st, sqlite3_stmt *s, struct lull_api_token *t)
{
	int c = 0;

	memset(t, 0, sizeof(*t));
	t->id = c_i64(s, &c);
	t->account_id = c_i64(s, &c);
	if (c_text(s, &c, &t->name)) {
		lull_api_token_free(t);
		return sq_nomem(st);
	}
	t->created_utc = c_i64(s, &c);
	t->last_used_utc = c_time(s, &c);
	t->revoked_utc = c_time(s, &c);
	return LULL_OK;
}

static enum lull_err
row_membership(struct lull_store *st, sqlite3_stmt *s,
    struct lull_membership *m)
{
	const char *name;
	int c = 0, e;

	memset(m, 0, sizeof(*m));
	m->account_id = c_i64(s, &c);
	m->household_id = c_i64(s, &c);
	name = c_name(s, &c);
	if ((e = lull_access_parse(name)) < 0)
		return sq_bad_name(st, "membership of account", m->account_id,
		    "access", name);
	m->access = (enum lull_access)e;
	m->caregiver_id = c_i64(s, &c);
	name = c_name(s, &c);
	if ((e = lull_role_parse(name)) < 0)
		return sq_bad_name(st, "caregiver", m->caregiver_id, "role",
		    name);
	m->role = (enum lull_role)e;
	if (c_text(s, &c, &m->household_name) ||
	    c_text(s, &c, &m->account_email) ||
	    c_text(s, &c, &m->account_name)) {
		lull_membership_free(m);
		return sq_nomem(st);
	}
	return LULL_OK;
}

static enum lull_err
row_invite(struct lull_store *st, sqlite3_stmt *s, struct store_invite *v)
{
	const char *name;
	int c = 0, e;

	memset(v, 0, sizeof(*v));
	v->id = c_i64(s, &c);
	v->household_id = c_i64(s, &c);
	name = c_name(s, &c);
	if ((e = lull_access_parse(name)) < 0)
		return sq_bad_name(st, "invitation", v->id, "access", name);
	v->access = (enum lull_access)e;
	v->parent = c_i64(s, &c) != 0;
	if (c_text(s, &c, &v->name))
		return sq_nomem(st);
	v->by_account = c_i64(s, &c);
	v->created_utc = c_i64(s, &c);
	v->expires_utc = c_i64(s, &c);
	v->used_utc = c_time(s, &c);
	v->used_by = c_i64(s, &c);
	return LULL_OK;
}

COLLECT(collect_accounts, lull_accountv, lull_account, row_account,
    store_accountv_push, lull_account_free, lull_accountv_free)
COLLECT(collect_tokens, lull_api_tokenv, lull_api_token, row_token,
    store_api_tokenv_push, lull_api_token_free, lull_api_tokenv_free)
COLLECT(collect_memberships, lull_membershipv, lull_membership,
    row_membership, store_membershipv_push, lull_membership_free,
    lull_membershipv_free)

/* An invitation as its owners see it (INVITE_LIST_COLS). */
static enum lull_err
row_invite_pub(struct lull_store *st, sqlite3_stmt *s, struct lull_invite *v)
{
	const char *name;
	int c = 0, e;

	memset(v, 0, sizeof(*v));
	v->id = c_i64(s, &c);
	v->household_id = c_i64(s, &c);
	name = c_name(s, &c);
	if ((e = lull_access_parse(name)) < 0)
		return sq_bad_name(st, "invitation", v->id, "access", name);
	v->access = (enum lull_access)e;
	v->parent = c_i64(s, &c) != 0;
	if (c_text(s, &c, &v->name)) {
		lull_invite_free(v);
		return sq_nomem(st);
	}
	v->by_account = c_i64(s, &c);
	if (c_text(s, &c, &v->by_name)) {
		lull_invite_free(v);
		return sq_nomem(st);
	}
	v->created_utc = c_i64(s, &c);
	v->expires_utc = c_i64(s, &c);
	return LULL_OK;
}

COLLECT(collect_invites, lull_invitev, lull_invite, row_invite_pub,
    store_invitev_push, lull_invite_free, lull_invitev_free)

/* Run a script of our own (a migration): no values, so no binds. */
static enum lull_err
sq_script(struct lull_store *st, const char *text, const char *name)
{
	struct sq *q = sq_of(st);
	char *msg = NULL;
	enum lull_err err = LULL_OK;

	if (sqlite3_exec(q->db, text, NULL, NULL, &msg) != SQLITE_OK) {
		err = lull_errinfo_set(&st->ei, LULL_ESTORE, "",
		    "migration %s failed: %s", name,
		    msg != NULL ? msg : sqlite3_errmsg(q->db));
		sqlite3_free(msg);
	}
	return err;
}

static void
sq_close(struct lull_store *st)
{
	struct sq *q = sq_of(st);
	int i;

	if (q == NULL)
		return;
	for (i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(q->stmt[i]);
	/* Closing with a transaction open rolls it back, as it must. */
	sqlite3_close(q->db);
	free(q);
	st->impl = NULL;
}

/* 1 if "PRAGMA foreign_keys" reads back on: a build without them would
 * silently drop our cascades. */
static int
sq_fk_cb(void *arg, int n, char **vals, char **cols)
{
	(void)cols;
	if (n > 0 && vals[0] != NULL)
		*(int *)arg = atoi(vals[0]);
	return 0;
}

static enum lull_err
sq_open(struct lull_store *st, const char *path)
{
	struct sq *q;
	int rc, fk = 0;

	if (path == NULL || *path == '\0')
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "db",
		    "db: the database file name is empty");
	if ((q = calloc(1, sizeof(*q))) == NULL)
		return sq_nomem(st);
	st->impl = q;
	rc = sqlite3_open_v2(path, &q->db,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	    NULL);
	if (rc != SQLITE_OK) {
		lull_errinfo_set(&st->ei,
		    rc == SQLITE_NOMEM ? LULL_ENOMEM : LULL_ESTORE, "db",
		    "db: cannot open \"%s\": %s", path,
		    q->db != NULL ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc));
		sq_close(st);
		return st->ei.code;
	}
	sqlite3_extended_result_codes(q->db, 1);
	sqlite3_busy_timeout(q->db, SQ_BUSY_MS);
	/* WAL first: synchronous=FULL then syncs the log on every commit,
	 * which is what makes an acknowledged write survive a crash. */
	if (sqlite3_exec(q->db, "PRAGMA journal_mode = WAL", NULL, NULL,
		NULL) != SQLITE_OK ||
	    sqlite3_exec(q->db, "PRAGMA synchronous = FULL", NULL, NULL,
		NULL) != SQLITE_OK ||
	    sqlite3_exec(q->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) !=
		SQLITE_OK ||
	    sqlite3_exec(q->db, "PRAGMA foreign_keys", sq_fk_cb, &fk, NULL) !=
		SQLITE_OK) {
		lull_errinfo_set(&st->ei, LULL_ESTORE, "db",
		    "db: cannot set up \"%s\": %s", path,
		    sqlite3_errmsg(q->db));
		sq_close(st);
		return LULL_ESTORE;
	}
	if (fk != 1) {
		sq_close(st);
		return lull_errinfo_set(&st->ei, LULL_ESTORE, "db",
		    "db: this SQLite was built without foreign keys");
	}
	return LULL_OK;
}

static enum lull_err
sq_tx(struct lull_store *st, enum store_tx op)
{
	static const enum stmt map[STORE_TX__MAX] = {
		[STORE_TX_BEGIN_READ] = STMT_BEGIN_READ,
		[STORE_TX_BEGIN_WRITE] = STMT_BEGIN_WRITE,
		[STORE_TX_COMMIT] = STMT_COMMIT,
		[STORE_TX_ROLLBACK] = STMT_ROLLBACK,
		[STORE_TX_SAVEPOINT] = STMT_SAVEPOINT,
		[STORE_TX_RELEASE] = STMT_RELEASE,
		[STORE_TX_ROLLBACK_TO] = STMT_ROLLBACK_TO,
	};
	struct sq *q = sq_of(st);
	struct bind b;

	/* Some failures (disk full, I/O) make SQLite roll the whole
	 * transaction back itself; undoing it again would only fail. */
	if ((op == STORE_TX_ROLLBACK || op == STORE_TX_ROLLBACK_TO ||
		op == STORE_TX_RELEASE) &&
	    sqlite3_get_autocommit(q->db))
		return LULL_OK;
	if (!bind_start(st, &b, map[op]))
		return st->ei.code;
	if (sqlite3_step(b.s) != SQLITE_DONE) {
		/* Word it before the reset, which may replace the message. */
		sq_fail(st, "transaction");
		sq_done(b.s);
		return LULL_ESTORE;
	}
	sq_done(b.s);
	return LULL_OK;
}

static enum lull_err
sq_schema_get(struct lull_store *st, int *version)
{
	enum lull_err err;
	struct bind b;
	int have;

	*version = 0;
	if (!bind_start(st, &b, STMT_SCHEMA_EXISTS))
		return st->ei.code;
	err = sq_row(st, &b, &have);
	have = err == LULL_OK && have && sqlite3_column_int(b.s, 0) > 0;
	sq_done(b.s);
	if (!have)
		return err;
	if (!bind_start(st, &b, STMT_SCHEMA_MAX))
		return st->ei.code;
	err = sq_row(st, &b, &have);
	if (err == LULL_OK && have)
		*version = sqlite3_column_int(b.s, 0);
	sq_done(b.s);
	return err;
}

static enum lull_err
sq_schema_apply(struct lull_store *st, const struct store_migration *m)
{
	enum lull_err err;
	struct bind b;

	if (!bind_start(st, &b, STMT_SCHEMA_CREATE))
		return st->ei.code;
	err = sq_run(st, &b, "schema version", NULL);
	if (err == LULL_OK)
		err = sq_script(st, m->sql, m->name);
	if (err != LULL_OK)
		return err;
	if (!bind_start(st, &b, STMT_SCHEMA_RECORD))
		return st->ei.code;
	b_i64(&b, 1, m->version);
	b_text(&b, 2, m->name);
	return sq_run(st, &b, "schema version", NULL);
}

/* ?8 is the update's id.  The parents' side: 0 or NULL is the default,
 * NULL in the database. */
static void
bind_household(struct bind *b, const struct lull_household *h)
{
	b_text(b, 1, h->name);
	b_text(b, 2, h->tz);
	b_meta(b, 3, &h->meta);
	if (h->core_block_min == 0)
		b_null(b, 9);
	else
		b_i64(b, 9, h->core_block_min);
	b_text(b, 10, h->emergency);
	b_text(b, 11, h->crisis_lines);
}

static enum lull_err
sq_household_insert(struct lull_store *st, const struct lull_household *h,
    int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_HOUSEHOLD_INSERT))
		return st->ei.code;
	bind_household(&b, h);
	return sq_insert(st, &b, "household", NULL, id);
}

static enum lull_err
sq_household_get(struct lull_store *st, int64_t id, struct lull_household *out)
{
	enum lull_err err;
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b,
		id == 0 ? STMT_HOUSEHOLD_FIRST : STMT_HOUSEHOLD_GET))
		return st->ei.code;
	if (id != 0)
		b_i64(&b, 1, id);
	err = sq_one(st, &b, "household", id);
	if (err == LULL_OK)
		err = row_household(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_household_free(out);
	return err;
}

static enum lull_err
sq_household_update(struct lull_store *st, const struct lull_household *h)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_HOUSEHOLD_UPDATE))
		return st->ei.code;
	bind_household(&b, h);
	b_i64(&b, 8, h->id);
	return sq_change(st, &b, "household", NULL, h->id);
}

static enum lull_err
sq_household_clear(struct lull_store *st, int64_t id)
{
	enum lull_err err;
	struct bind b;

	static const struct {
		enum stmt which;
		const char *what;
	} steps[] = {
		/* Children first: their entries cascade with them, so the
		 * caregivers then have nothing left to be unlinked from.
		 * Personal records would go with their authors; said
		 * outright, they do not depend on a cascade. */
		{ STMT_HOUSEHOLD_CLEAR_CHILDREN, "child" },
		{ STMT_HOUSEHOLD_CLEAR_PERSONAL, "personal record" },
		{ STMT_HOUSEHOLD_CLEAR_CAREGIVERS, "caregiver" },
		{ STMT_HOUSEHOLD_CLEAR_RITUALS, "ritual" },
	};
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (!bind_start(st, &b, steps[i].which))
			return st->ei.code;
		b_i64(&b, 1, id);
		if ((err = sq_run(st, &b, steps[i].what, NULL)) != LULL_OK)
			return err;
	}
	return LULL_OK;
}

/* ?8 is the update's id. */
static void
bind_caregiver(struct bind *b, const struct lull_caregiver *g)
{
	b_i64(b, 1, g->household_id);
	b_text(b, 2, g->name);
	b_meta(b, 3, &g->meta);
	b_text(b, 9, lull_role_name(g->role));
	b_text(b, 10, lull_night_feeds_name(g->night_feeds));
	b_i64(b, 11, g->work_days);
}

static enum lull_err
sq_caregiver_insert(struct lull_store *st, const struct lull_caregiver *g,
    int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_CAREGIVER_INSERT))
		return st->ei.code;
	bind_caregiver(&b, g);
	return sq_insert(st, &b, "caregiver", g->name, id);
}

static enum lull_err
sq_caregiver_get(struct lull_store *st, int64_t id, struct lull_caregiver *out)
{
	enum lull_err err;
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_CAREGIVER_GET))
		return st->ei.code;
	b_i64(&b, 1, id);
	err = sq_one(st, &b, "caregiver", id);
	if (err == LULL_OK)
		err = row_caregiver(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_caregiver_free(out);
	return err;
}

static enum lull_err
sq_caregiver_find(struct lull_store *st, int64_t household_id, const char *name,
    struct lull_caregiver *out)
{
	enum lull_err err;
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_CAREGIVER_FIND))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	b_text(&b, 2, name);
	err = sq_one(st, &b, "caregiver", 0);
	if (err == LULL_OK)
		err = row_caregiver(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_caregiver_free(out);
	return err;
}

static enum lull_err
sq_caregiver_list(struct lull_store *st, int64_t household_id,
    struct lull_caregiverv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_CAREGIVER_LIST))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	return collect_caregivers(st, &b, out);
}

static enum lull_err
sq_caregiver_update(struct lull_store *st, const struct lull_caregiver *g)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_CAREGIVER_UPDATE))
		return st->ei.code;
	bind_caregiver(&b, g);
	b_i64(&b, 8, g->id);
	return sq_change(st, &b, "caregiver", g->name, g->id);
}

static enum lull_err
sq_caregiver_delete(struct lull_store *st, int64_t id)
{
	return sq_delete(st, STMT_CAREGIVER_DELETE, "caregiver", id);
}

static void
bind_child(struct bind *b, const struct lull_child *k)
{
	b_i64(b, 1, k->household_id);
	b_text(b, 2, k->name);
	b_i64(b, 3, k->born_day);
	b_day(b, 4, k->due_day);
	b_meta(b, 5, &k->meta);
}

static enum lull_err
sq_child_insert(struct lull_store *st, const struct lull_child *k, int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_CHILD_INSERT))
		return st->ei.code;
	bind_child(&b, k);
	return sq_insert(st, &b, "child", k->name, id);
}

static enum lull_err
sq_child_get(struct lull_store *st, int64_t id, struct lull_child *out)
{
	enum lull_err err;
	struct bind b;

	lull_child_init(out);
	if (!bind_start(st, &b, STMT_CHILD_GET))
		return st->ei.code;
	b_i64(&b, 1, id);
	err = sq_one(st, &b, "child", id);
	if (err == LULL_OK)
		err = row_child(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_child_free(out);
	return err;
}

static enum lull_err
sq_child_find(struct lull_store *st, int64_t household_id, const char *name,
    struct lull_child *out)
{
	enum lull_err err;
	struct bind b;

	lull_child_init(out);
	if (!bind_start(st, &b, STMT_CHILD_FIND))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	b_text(&b, 2, name);
	err = sq_one(st, &b, "child", 0);
	if (err == LULL_OK)
		err = row_child(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_child_free(out);
	return err;
}

static enum lull_err
sq_child_list(struct lull_store *st, int64_t household_id,
    struct lull_childv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_CHILD_LIST))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	return collect_children(st, &b, out);
}

static enum lull_err
sq_child_update(struct lull_store *st, const struct lull_child *k)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_CHILD_UPDATE))
		return st->ei.code;
	bind_child(&b, k);
	b_i64(&b, 10, k->id);
	return sq_change(st, &b, "child", k->name, k->id);
}

static enum lull_err
sq_child_delete(struct lull_store *st, int64_t id)
{
	return sq_delete(st, STMT_CHILD_DELETE, "child", id);
}

static void
bind_sleep(struct bind *b, const struct lull_sleep *s)
{
	char onset[256];

	lull_onset_set_format(s->onset, onset, sizeof(onset));
	b_i64(b, 1, s->child_id);
	b_i64(b, 2, s->start_utc);
	b_time(b, 3, s->end_utc);
	b_text(b, 4, lull_sleep_kind_name(s->kind));
	b_i64(b, 5, s->kind_given ? 1 : 0);
	b_text(b, 6, onset);
	b_text(b, 7, lull_place_name(s->place));
	b_ref(b, 8, s->settled_by);
	b_opt(b, 9, s->latency_min);
	b_opt(b, 10, s->crying_min);
	b_opt(b, 11, s->routine);
	b_text(b, 12, s->note);
	b_meta(b, 13, &s->meta);
}

static enum lull_err
sq_sleep_insert(struct lull_store *st, const struct lull_sleep *s, int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_SLEEP_INSERT))
		return st->ei.code;
	bind_sleep(&b, s);
	return sq_insert(st, &b, "sleep", NULL, id);
}

static enum lull_err
sq_sleep_get(struct lull_store *st, int64_t id, struct lull_sleep *out)
{
	enum lull_err err;
	struct bind b;

	lull_sleep_init(out);
	if (!bind_start(st, &b, STMT_SLEEP_GET))
		return st->ei.code;
	b_i64(&b, 1, id);
	err = sq_one(st, &b, "sleep", id);
	if (err == LULL_OK)
		err = row_sleep(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_sleep_free(out);
	return err;
}

static enum lull_err
sq_sleep_update(struct lull_store *st, const struct lull_sleep *s)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_SLEEP_UPDATE))
		return st->ei.code;
	bind_sleep(&b, s);
	b_i64(&b, 18, s->id);
	return sq_change(st, &b, "sleep", NULL, s->id);
}

static enum lull_err
sq_sleep_delete(struct lull_store *st, int64_t id)
{
	return sq_delete(st, STMT_SLEEP_DELETE, "sleep", id);
}

static enum lull_err
sq_sleep_range(struct lull_store *st, int64_t household_id, int64_t child_id,
    int64_t from_utc, int64_t to_utc, struct lull_sleepv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b,
		child_id != 0 ? STMT_SLEEP_RANGE_CHILD
			      : STMT_SLEEP_RANGE_HOUSEHOLD))
		return st->ei.code;
	b_i64(&b, 1, child_id != 0 ? child_id : household_id);
	b_i64(&b, 2, from_utc);
	b_i64(&b, 3, to_utc);
	b_i64(&b, 4, from_utc < INT64_MIN + LULL_SLEEP_MAX_SEC ?
		INT64_MIN :
		from_utc - LULL_SLEEP_MAX_SEC);
	return collect_sleeps(st, &b, out);
}

static int
cmp_sleep_id(const void *a, const void *b)
{
	int64_t x = (*(const struct lull_sleep *const *)a)->id;
	int64_t y = (*(const struct lull_sleep *const *)b)->id;

	return (x > y) - (x < y);
}

/*
 * The wakings of the sleeps sq_sleep_range() returned for the same
 * arguments, in one query: they come grouped by sleep id, and the sleeps
 * (ordered by start) are walked in id order beside them.
 */
static enum lull_err
sq_waking_range(struct lull_store *st, int64_t household_id, int64_t child_id,
    int64_t from_utc, int64_t to_utc, struct lull_sleepv *sv)
{
	enum lull_err err = LULL_OK;
	struct lull_sleep **byid;
	struct lull_waking w;
	struct bind b;
	size_t i, k = 0;
	int have;

	if (sv->n == 0)
		return LULL_OK;
	if ((byid = calloc(sv->n, sizeof(*byid))) == NULL)
		return sq_nomem(st);
	for (i = 0; i < sv->n; i++)
		byid[i] = &sv->v[i];
	qsort(byid, sv->n, sizeof(*byid), cmp_sleep_id);
	if (!bind_start(st, &b,
		child_id != 0 ? STMT_WAKING_RANGE_CHILD
			      : STMT_WAKING_RANGE_HOUSEHOLD)) {
		free(byid);
		return st->ei.code;
	}
	b_i64(&b, 1, child_id != 0 ? child_id : household_id);
	b_i64(&b, 2, from_utc);
	b_i64(&b, 3, to_utc);
	b_i64(&b, 4, from_utc < INT64_MIN + LULL_SLEEP_MAX_SEC ?
		INT64_MIN :
		from_utc - LULL_SLEEP_MAX_SEC);
	for (;;) {
		err = sq_row(st, &b, &have);
		if (err != LULL_OK || !have)
			break;
		err = row_waking(st, b.s, &w);
		if (err != LULL_OK)
			break;
		while (k < sv->n && byid[k]->id < w.sleep_id)
			k++;
		if (k == sv->n || byid[k]->id != w.sleep_id)
			err = lull_errinfo_set(&st->ei, LULL_ESTORE, "",
			    "waking %lld belongs to no sleep of the range",
			    (long long)w.id);
		else if (lull_sleep_add_waking(byid[k], &w) != LULL_OK)
			err = sq_nomem(st);
		lull_waking_free(&w);
		if (err != LULL_OK)
			break;
	}
	sq_done(b.s);
	free(byid);
	return err;
}

static enum lull_err
sq_sleep_ongoing(struct lull_store *st, int64_t child_id,
    struct lull_sleep *out)
{
	enum lull_err err;
	struct bind b;

	lull_sleep_init(out);
	if (!bind_start(st, &b, STMT_SLEEP_ONGOING))
		return st->ei.code;
	b_i64(&b, 1, child_id);
	err = sq_one(st, &b, "ongoing sleep", 0);
	if (err == LULL_OK)
		err = row_sleep(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_sleep_free(out);
	return err;
}

static enum lull_err
sq_sleep_at(struct lull_store *st, int64_t child_id, int64_t utc,
    struct lull_sleep *out)
{
	enum lull_err err;
	struct bind b;

	lull_sleep_init(out);
	if (!bind_start(st, &b, STMT_SLEEP_AT))
		return st->ei.code;
	b_i64(&b, 1, child_id);
	b_i64(&b, 2, utc);
	b_i64(&b, 3, utc < INT64_MIN + LULL_SLEEP_MAX_SEC ?
		INT64_MIN :
		utc - LULL_SLEEP_MAX_SEC);
	err = sq_one(st, &b, "sleep", 0);
	if (err == LULL_OK)
		err = row_sleep(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_sleep_free(out);
	return err;
}

static void
bind_waking(struct bind *b, const struct lull_waking *w)
{
	b_i64(b, 1, w->sleep_id);
	b_i64(b, 2, w->start_utc);
	b_time(b, 3, w->end_utc);
	b_text(b, 4, lull_response_name(w->response));
	b_ref(b, 5, w->caregiver_id);
	b_text(b, 6, w->note);
	b_meta(b, 7, &w->meta);
}

static enum lull_err
sq_waking_insert(struct lull_store *st, const struct lull_waking *w,
    int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_WAKING_INSERT))
		return st->ei.code;
	bind_waking(&b, w);
	return sq_insert(st, &b, "waking", NULL, id);
}

static enum lull_err
sq_waking_get(struct lull_store *st, int64_t id, struct lull_waking *out)
{
	enum lull_err err;
	struct bind b;

	lull_waking_init(out);
	if (!bind_start(st, &b, STMT_WAKING_GET))
		return st->ei.code;
	b_i64(&b, 1, id);
	err = sq_one(st, &b, "waking", id);
	if (err == LULL_OK)
		err = row_waking(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_waking_free(out);
	return err;
}

static enum lull_err
sq_waking_update(struct lull_store *st, const struct lull_waking *w)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_WAKING_UPDATE))
		return st->ei.code;
	bind_waking(&b, w);
	b_i64(&b, 12, w->id);
	return sq_change(st, &b, "waking", NULL, w->id);
}

static enum lull_err
sq_waking_delete(struct lull_store *st, int64_t id)
{
	return sq_delete(st, STMT_WAKING_DELETE, "waking", id);
}

static enum lull_err
sq_waking_list(struct lull_store *st, struct lull_sleep *s)
{
	enum lull_err err = LULL_OK;
	struct lull_waking w;
	struct bind b;
	int have;

	if (!bind_start(st, &b, STMT_WAKING_LIST))
		return st->ei.code;
	b_i64(&b, 1, s->id);
	for (;;) {
		err = sq_row(st, &b, &have);
		if (err != LULL_OK || !have)
			break;
		err = row_waking(st, b.s, &w);
		if (err == LULL_OK && lull_sleep_add_waking(s, &w) != LULL_OK)
			err = sq_nomem(st);
		lull_waking_free(&w);
		if (err != LULL_OK)
			break;
	}
	sq_done(b.s);
	return err;
}

static void
bind_feed(struct bind *b, const struct lull_feed *f)
{
	b_i64(b, 1, f->child_id);
	b_i64(b, 2, f->start_utc);
	b_time(b, 3, f->end_utc);
	b_text(b, 4, lull_feed_kind_name(f->kind));
	b_text(b, 5, lull_side_name(f->side));
	b_opt(b, 6, f->amount_ml);
	b_text(b, 7, f->note);
	b_meta(b, 8, &f->meta);
}

static enum lull_err
sq_feed_insert(struct lull_store *st, const struct lull_feed *f, int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_FEED_INSERT))
		return st->ei.code;
	bind_feed(&b, f);
	return sq_insert(st, &b, "feed", NULL, id);
}

/*
 * Rows of a batch, INSERT_MANY at a time, then one by one.  An
 * AUTOINCREMENT table numbers the rows of one statement one after the
 * other, so the last row's id gives the others.
 */
static enum lull_err
sq_insert_many(struct lull_store *st, enum stmt many, enum stmt one,
    int ncols, const void *const *v, size_t n, int64_t *ids,
    void (*bind)(struct bind *, const void *), const char *what)
{
	struct bind b;
	enum lull_err err;
	int64_t last;
	size_t i = 0, r;

	while (n - i >= INSERT_MANY) {
		if (!bind_start(st, &b, many))
			return st->ei.code;
		for (r = 0; r < INSERT_MANY; r++) {
			b.base = (int)r * ncols;
			bind(&b, v[i + r]);
		}
		if ((err = sq_insert(st, &b, what, NULL, &last)) != LULL_OK)
			return err;
		if (sqlite3_changes(sq_of(st)->db) != INSERT_MANY)
			return lull_errinfo_set(&st->ei, LULL_ESTORE, "",
			    "%s: a batch insert wrote %d rows, not %d", what,
			    sqlite3_changes(sq_of(st)->db), INSERT_MANY);
		for (r = 0; r < INSERT_MANY; r++)
			ids[i + r] = last - INSERT_MANY + 1 + (int64_t)r;
		i += INSERT_MANY;
	}
	for (; i < n; i++) {
		if (!bind_start(st, &b, one))
			return st->ei.code;
		bind(&b, v[i]);
		if ((err = sq_insert(st, &b, what, NULL, &ids[i])) != LULL_OK)
			return err;
	}
	return LULL_OK;
}

static void
bind_sleep_v(struct bind *b, const void *p)
{
	bind_sleep(b, p);
}

static void
bind_feed_v(struct bind *b, const void *p)
{
	bind_feed(b, p);
}

static enum lull_err
sq_sleep_insert_many(struct lull_store *st, const struct lull_sleep *const *v,
    size_t n, int64_t *ids)
{
	return sq_insert_many(st, STMT_SLEEP_INSERT_MANY, STMT_SLEEP_INSERT,
	    17, (const void *const *)v, n, ids, bind_sleep_v, "sleep");
}

static enum lull_err
sq_feed_insert_many(struct lull_store *st, const struct lull_feed *const *v,
    size_t n, int64_t *ids)
{
	return sq_insert_many(st, STMT_FEED_INSERT_MANY, STMT_FEED_INSERT, 12,
	    (const void *const *)v, n, ids, bind_feed_v, "feed");
}

static enum lull_err
sq_feed_get(struct lull_store *st, int64_t id, struct lull_feed *out)
{
	enum lull_err err;
	struct bind b;

	lull_feed_init(out);
	if (!bind_start(st, &b, STMT_FEED_GET))
		return st->ei.code;
	b_i64(&b, 1, id);
	err = sq_one(st, &b, "feed", id);
	if (err == LULL_OK)
		err = row_feed(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_feed_free(out);
	return err;
}

static enum lull_err
sq_feed_update(struct lull_store *st, const struct lull_feed *f)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_FEED_UPDATE))
		return st->ei.code;
	bind_feed(&b, f);
	b_i64(&b, 13, f->id);
	return sq_change(st, &b, "feed", NULL, f->id);
}

static enum lull_err
sq_feed_delete(struct lull_store *st, int64_t id)
{
	return sq_delete(st, STMT_FEED_DELETE, "feed", id);
}

static enum lull_err
sq_feed_range(struct lull_store *st, int64_t household_id, int64_t child_id,
    int64_t from_utc, int64_t to_utc, struct lull_feedv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b,
		child_id != 0 ? STMT_FEED_RANGE_CHILD
			      : STMT_FEED_RANGE_HOUSEHOLD))
		return st->ei.code;
	b_i64(&b, 1, child_id != 0 ? child_id : household_id);
	b_i64(&b, 2, from_utc);
	b_i64(&b, 3, to_utc);
	return collect_feeds(st, &b, out);
}

static void
bind_tag(struct bind *b, const struct lull_tag *t)
{
	b_i64(b, 1, t->child_id);
	b_text(b, 2, lull_tag_kind_name(t->kind));
	b_i64(b, 3, t->from_day);
	b_i64(b, 4, t->to_day);
	b_text(b, 5, t->note);
	b_meta(b, 6, &t->meta);
}

static enum lull_err
sq_tag_insert(struct lull_store *st, const struct lull_tag *t, int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_TAG_INSERT))
		return st->ei.code;
	bind_tag(&b, t);
	return sq_insert(st, &b, "tag", NULL, id);
}

static enum lull_err
sq_tag_get(struct lull_store *st, int64_t id, struct lull_tag *out)
{
	enum lull_err err;
	struct bind b;

	lull_tag_init(out);
	if (!bind_start(st, &b, STMT_TAG_GET))
		return st->ei.code;
	b_i64(&b, 1, id);
	err = sq_one(st, &b, "tag", id);
	if (err == LULL_OK)
		err = row_tag(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_tag_free(out);
	return err;
}

static enum lull_err
sq_tag_update(struct lull_store *st, const struct lull_tag *t)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_TAG_UPDATE))
		return st->ei.code;
	bind_tag(&b, t);
	b_i64(&b, 11, t->id);
	return sq_change(st, &b, "tag", NULL, t->id);
}

static enum lull_err
sq_tag_delete(struct lull_store *st, int64_t id)
{
	return sq_delete(st, STMT_TAG_DELETE, "tag", id);
}

static enum lull_err
sq_tag_range(struct lull_store *st, int64_t household_id, int64_t child_id,
    int32_t from_day, int32_t to_day, struct lull_tagv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b,
		child_id != 0 ? STMT_TAG_RANGE_CHILD
			      : STMT_TAG_RANGE_HOUSEHOLD))
		return st->ei.code;
	b_i64(&b, 1, child_id != 0 ? child_id : household_id);
	b_i64(&b, 2, from_day);
	b_i64(&b, 3, to_day);
	return collect_tags(st, &b, out);
}

static int64_t
page_limit(size_t limit)
{
	return limit > (size_t)INT64_MAX ? INT64_MAX : (int64_t)limit;
}

static enum lull_err
sq_sleep_page(struct lull_store *st, int64_t child_id, int64_t from_utc,
    int64_t before_start, int64_t before_id, size_t limit,
    struct lull_sleepv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_SLEEP_PAGE))
		return st->ei.code;
	b_i64(&b, 1, child_id);
	b_i64(&b, 2, from_utc);
	b_i64(&b, 3, before_start);
	b_i64(&b, 4, before_id);
	b_i64(&b, 5, page_limit(limit));
	return collect_sleeps(st, &b, out);
}

static enum lull_err
sq_feed_page(struct lull_store *st, int64_t child_id, int64_t from_utc,
    int64_t before_start, int64_t before_id, size_t limit,
    struct lull_feedv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_FEED_PAGE))
		return st->ei.code;
	b_i64(&b, 1, child_id);
	b_i64(&b, 2, from_utc);
	b_i64(&b, 3, before_start);
	b_i64(&b, 4, before_id);
	b_i64(&b, 5, page_limit(limit));
	return collect_feeds(st, &b, out);
}

static enum lull_err
sq_tag_page(struct lull_store *st, int64_t child_id, int32_t from_day,
    int32_t before_day, int64_t before_id, size_t limit,
    struct lull_tagv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_TAG_PAGE))
		return st->ei.code;
	b_i64(&b, 1, child_id);
	b_i64(&b, 2, from_day);
	b_i64(&b, 3, before_day);
	b_i64(&b, 4, before_id);
	b_i64(&b, 5, page_limit(limit));
	b_i64(&b, 6, (int64_t)from_day - LULL_TAG_MAX_DAYS);
	return collect_tags(st, &b, out);
}

static void
bind_plan(struct bind *b, const struct lull_plan_record *p)
{
	b_i64(b, 1, p->child_id);
	b_text(b, 2, p->profile_json);
	b_text(b, 3, lull_method_id(p->method));
	b_i64(b, 4, p->state.started_day);
	b_i64(b, 5, p->state.step);
	b_i64(b, 6, p->state.step_since_day);
	b_i64(b, 7, p->state.paused);
	b_day(b, 8, p->state.paused_since_day);
	b_i64(b, 9, p->state.pause_by_parent);
	b_i64(b, 10, p->state.slow);
	b_i64(b, 11, p->active);
	b_meta(b, 12, &p->meta);
	/* ?17 is the update's id. */
	b_i64(b, 18, p->state.best_step < 1 ? 1 : p->state.best_step);
	b_day(b, 19, p->state.best_day);
	b_day(b, 20, p->state.reeval_day);
	b_day(b, 21, p->state.resumed_day);
}

static enum lull_err
sq_plan_insert(struct lull_store *st, const struct lull_plan_record *p,
    int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_PLAN_INSERT))
		return st->ei.code;
	bind_plan(&b, p);
	return sq_insert(st, &b, "plan", NULL, id);
}

/* One plan by a statement taking one id. */
static enum lull_err
sq_plan_one(struct lull_store *st, enum stmt which, int64_t id,
    const char *what, struct lull_plan_record *out)
{
	enum lull_err err;
	struct bind b;

	lull_plan_record_init(out);
	if (!bind_start(st, &b, which))
		return st->ei.code;
	b_i64(&b, 1, id);
	err = sq_one(st, &b, what, id);
	if (err == LULL_OK)
		err = row_plan(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_plan_record_free(out);
	return err;
}

static enum lull_err
sq_plan_get(struct lull_store *st, int64_t id, struct lull_plan_record *out)
{
	return sq_plan_one(st, STMT_PLAN_GET, id, "plan", out);
}

static enum lull_err
sq_plan_active(struct lull_store *st, int64_t child_id,
    struct lull_plan_record *out)
{
	return sq_plan_one(st, STMT_PLAN_ACTIVE, child_id, "active plan", out);
}

static enum lull_err
sq_plan_list(struct lull_store *st, int64_t household_id,
    struct lull_plan_recordv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_PLAN_LIST))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	return collect_plans(st, &b, out);
}

static enum lull_err
sq_plan_update(struct lull_store *st, const struct lull_plan_record *p)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_PLAN_UPDATE))
		return st->ei.code;
	bind_plan(&b, p);
	b_i64(&b, 17, p->id);
	return sq_change(st, &b, "plan", NULL, p->id);
}

static enum lull_err
sq_plan_event_insert(struct lull_store *st, const struct lull_plan_event *ev,
    int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_PLAN_EVENT_INSERT))
		return st->ei.code;
	b_i64(&b, 1, ev->plan_id);
	b_i64(&b, 2, ev->day);
	b_text(&b, 3, lull_verdict_name(ev->verdict));
	b_i64(&b, 4, ev->step_from);
	b_i64(&b, 5, ev->step_to);
	b_text(&b, 6, lull_evidence_name(ev->evidence));
	b_i64(&b, 7, ev->by_parent);
	b_text(&b, 8, ev->reason);
	b_text(&b, 9, ev->source);
	b_meta(&b, 10, &ev->meta);
	return sq_insert(st, &b, "plan event", NULL, id);
}

static enum lull_err
sq_plan_event_list(struct lull_store *st, int64_t plan_id,
    struct lull_plan_eventv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_PLAN_EVENT_LIST))
		return st->ei.code;
	b_i64(&b, 1, plan_id);
	return collect_plan_events(st, &b, out);
}

/* ?26 is the update's id. */
static void
bind_personal(struct bind *b, const struct lull_personal *p)
{
	char answers[LULL_SCREEN_MAXITEMS * 4 + 1];

	answers_format(p->answers, p->nanswers, answers, sizeof(answers));
	b_i64(b, 1, p->household_id);
	b_i64(b, 2, p->author_id);
	b_text(b, 3, lull_personal_kind_name(p->kind));
	b_i64(b, 4, p->day);
	b_time(b, 5, p->start_utc);
	b_time(b, 6, p->end_utc);
	b_opt(b, 7, p->energy);
	b_opt(b, 8, p->mood);
	b_text(b, 9, p->instrument[0] != '\0' ? p->instrument : NULL);
	b_text(b, 10, p->nanswers > 0 ? answers : NULL);
	b_opt(b, 11, p->total);
	b_text(b, 12, p->band[0] != '\0' ? p->band : NULL);
	/* Scored or not: the flag goes with the total. */
	if (p->total == LULL_UNKNOWN)
		b_null(b, 13);
	else
		b_i64(b, 13, p->self_harm != 0);
	b_ref(b, 14, p->to_id);
	b_text(b, 15, p->appreciation);
	b_text(b, 16, p->need);
	b_text(b, 17, p->repair);
	b_text(b, 18, p->connection);
	b_text(b, 19, p->note);
	b_i64(b, 20, p->share);
	b_meta(b, 21, &p->meta);
}

static enum lull_err
sq_personal_insert(struct lull_store *st, const struct lull_personal *p,
    int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_PERSONAL_INSERT))
		return st->ei.code;
	bind_personal(&b, p);
	return sq_insert(st, &b, "personal record", NULL, id);
}

static enum lull_err
sq_personal_get(struct lull_store *st, int64_t id, struct lull_personal *out)
{
	enum lull_err err;
	struct bind b;

	lull_personal_init(out);
	if (!bind_start(st, &b, STMT_PERSONAL_GET))
		return st->ei.code;
	b_i64(&b, 1, id);
	err = sq_one(st, &b, "personal record", id);
	if (err == LULL_OK)
		err = row_personal(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		lull_personal_free(out);
	return err;
}

static enum lull_err
sq_personal_update(struct lull_store *st, const struct lull_personal *p)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_PERSONAL_UPDATE))
		return st->ei.code;
	bind_personal(&b, p);
	b_i64(&b, 26, p->id);
	return sq_change(st, &b, "personal record", NULL, p->id);
}

static enum lull_err
sq_personal_delete(struct lull_store *st, int64_t id)
{
	return sq_delete(st, STMT_PERSONAL_DELETE, "personal record", id);
}

static enum lull_err
sq_personal_range(struct lull_store *st, int64_t household_id, int kind,
    int32_t from_day, int32_t to_day, struct lull_personalv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_PERSONAL_RANGE))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	b_i64(&b, 2, from_day);
	b_i64(&b, 3, to_day);
	if (kind < 0)
		b_null(&b, 4);
	else
		b_text(&b, 4,
		    lull_personal_kind_name((enum lull_personal_kind)kind));
	return collect_personal(st, &b, out);
}

static enum lull_err
sq_personal_count(struct lull_store *st, int64_t household_id, size_t *n)
{
	enum lull_err err;
	struct bind b;
	int have;

	*n = 0;
	if (!bind_start(st, &b, STMT_PERSONAL_COUNT))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	err = sq_row(st, &b, &have);
	if (err == LULL_OK && have)
		*n = (size_t)sqlite3_column_int64(b.s, 0);
	sq_done(b.s);
	return err;
}

/* ?12 is the update's id. */
static void
bind_ritual(struct bind *b, const struct lull_ritual *r)
{
	b_i64(b, 1, r->household_id);
	b_text(b, 2, r->name);
	b_text(b, 3, lull_ritual_every_name(r->every));
	if (r->every == LULL_RITUAL_WEEKLY)
		b_i64(b, 4, r->weekday);
	else
		b_null(b, 4);
	b_opt(b, 5, r->at_min);
	b_text(b, 6, r->note);
	b_meta(b, 7, &r->meta);
}

static enum lull_err
sq_ritual_insert(struct lull_store *st, const struct lull_ritual *r,
    int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_RITUAL_INSERT))
		return st->ei.code;
	bind_ritual(&b, r);
	return sq_insert(st, &b, "ritual", r->name, id);
}

/* One ritual by a statement already bound; "key" for the message. */
static enum lull_err
sq_ritual_one(struct lull_store *st, struct bind *b, int64_t key,
    struct lull_ritual *out)
{
	enum lull_err err;

	err = sq_one(st, b, "ritual", key);
	if (err == LULL_OK)
		err = row_ritual(st, b->s, out);
	sq_done(b->s);
	if (err != LULL_OK)
		lull_ritual_free(out);
	return err;
}

static enum lull_err
sq_ritual_get(struct lull_store *st, int64_t id, struct lull_ritual *out)
{
	struct bind b;

	lull_ritual_init(out);
	if (!bind_start(st, &b, STMT_RITUAL_GET))
		return st->ei.code;
	b_i64(&b, 1, id);
	return sq_ritual_one(st, &b, id, out);
}

static enum lull_err
sq_ritual_find(struct lull_store *st, int64_t household_id, const char *name,
    struct lull_ritual *out)
{
	struct bind b;

	lull_ritual_init(out);
	if (!bind_start(st, &b, STMT_RITUAL_FIND))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	b_text(&b, 2, name);
	return sq_ritual_one(st, &b, 0, out);
}

static enum lull_err
sq_ritual_update(struct lull_store *st, const struct lull_ritual *r)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_RITUAL_UPDATE))
		return st->ei.code;
	bind_ritual(&b, r);
	b_i64(&b, 12, r->id);
	return sq_change(st, &b, "ritual", r->name, r->id);
}

static enum lull_err
sq_ritual_delete(struct lull_store *st, int64_t id)
{
	return sq_delete(st, STMT_RITUAL_DELETE, "ritual", id);
}

static enum lull_err
sq_ritual_list(struct lull_store *st, int64_t household_id,
    struct lull_ritualv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_RITUAL_LIST))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	return collect_rituals(st, &b, out);
}

/* Households, whole */

static enum lull_err
sq_household_delete(struct lull_store *st, int64_t id)
{
	return sq_delete(st, STMT_HOUSEHOLD_DELETE, "household", id);
}

/* Accounts */

static enum lull_err
sq_account_insert(struct lull_store *st, const struct lull_account *a,
    const char *pwhash, int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_ACCOUNT_INSERT))
		return st->ei.code;
	b_text(&b, 1, a->email);
	b_text(&b, 2, a->name);
	b_text(&b, 3, pwhash);
	b_i64(&b, 4, a->created_utc);
	b_i64(&b, 5, a->version);
	return sq_insert(st, &b, "account", NULL, id);
}

/* One account from a bound GET or FIND, with its hash if asked. */
static enum lull_err
sq_account_one(struct lull_store *st, struct bind *b, int64_t id,
    struct lull_account *out, char **pwhash)
{
	enum lull_err err;
	int c = 5;

	err = sq_one(st, b, "account", id);
	if (err == LULL_OK)
		err = row_account(st, b->s, out);
	if (err == LULL_OK && pwhash != NULL && c_text(b->s, &c, pwhash)) {
		lull_account_free(out);
		err = sq_nomem(st);
	}
	sq_done(b->s);
	return err;
}

static enum lull_err
sq_account_get(struct lull_store *st, int64_t id, struct lull_account *out,
    char **pwhash)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (pwhash != NULL)
		*pwhash = NULL;
	if (!bind_start(st, &b, STMT_ACCOUNT_GET))
		return st->ei.code;
	b_i64(&b, 1, id);
	return sq_account_one(st, &b, id, out, pwhash);
}

static enum lull_err
sq_account_find(struct lull_store *st, const char *email,
    struct lull_account *out, char **pwhash)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (pwhash != NULL)
		*pwhash = NULL;
	if (!bind_start(st, &b, STMT_ACCOUNT_FIND))
		return st->ei.code;
	b_text(&b, 1, email);
	return sq_account_one(st, &b, 0, out, pwhash);
}

static enum lull_err
sq_account_list(struct lull_store *st, struct lull_accountv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_ACCOUNT_LIST))
		return st->ei.code;
	return collect_accounts(st, &b, out);
}

static enum lull_err
sq_account_set_password(struct lull_store *st, const struct lull_account *a,
    const char *pwhash)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_ACCOUNT_SET_PASSWORD))
		return st->ei.code;
	b_text(&b, 1, pwhash);
	b_i64(&b, 2, a->version);
	b_i64(&b, 3, a->id);
	return sq_change(st, &b, "account", NULL, a->id);
}

/* Sessions, by the hash of their id. */

static enum lull_err
sq_session_insert(struct lull_store *st, const char *hash,
    const struct store_session *s)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_SESSION_INSERT))
		return st->ei.code;
	b_text(&b, 1, hash);
	b_i64(&b, 2, s->account_id);
	b_text(&b, 3, s->csrf);
	b_i64(&b, 4, s->created_utc);
	b_i64(&b, 5, s->expires_utc);
	return sq_run(st, &b, "session", NULL);
}

static enum lull_err
sq_session_get(struct lull_store *st, const char *hash,
    struct store_session *out)
{
	const unsigned char *t;
	enum lull_err err;
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_SESSION_GET))
		return st->ei.code;
	b_text(&b, 1, hash);
	err = sq_one(st, &b, "session", 0);
	if (err == LULL_OK) {
		out->account_id = sqlite3_column_int64(b.s, 0);
		t = sqlite3_column_text(b.s, 1);
		if (t == NULL)
			err = sq_nomem(st);
		else
			snprintf(out->csrf, sizeof(out->csrf), "%s",
			    (const char *)t);
		out->created_utc = sqlite3_column_int64(b.s, 2);
		out->expires_utc = sqlite3_column_int64(b.s, 3);
	}
	sq_done(b.s);
	if (err != LULL_OK)
		memset(out, 0, sizeof(*out));
	return err;
}

static enum lull_err
sq_session_touch(struct lull_store *st, const char *hash, int64_t expires)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_SESSION_TOUCH))
		return st->ei.code;
	b_text(&b, 1, hash);
	b_i64(&b, 2, expires);
	return sq_change(st, &b, "session", NULL, 0);
}

static enum lull_err
sq_session_delete(struct lull_store *st, const char *hash)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_SESSION_DELETE))
		return st->ei.code;
	b_text(&b, 1, hash);
	return sq_change(st, &b, "session", NULL, 0);
}

/* Run a DELETE of many rows keyed by one integer; none is fine. */
static enum lull_err
sq_delete_by(struct lull_store *st, enum stmt which, const char *what,
    int64_t key)
{
	struct bind b;

	if (!bind_start(st, &b, which))
		return st->ei.code;
	b_i64(&b, 1, key);
	return sq_run(st, &b, what, NULL);
}

static enum lull_err
sq_session_delete_account(struct lull_store *st, int64_t account_id)
{
	return sq_delete_by(st, STMT_SESSION_DELETE_ACCOUNT, "session",
	    account_id);
}

static enum lull_err
sq_session_delete_expired(struct lull_store *st, int64_t now)
{
	return sq_delete_by(st, STMT_SESSION_DELETE_EXPIRED, "session", now);
}

/* API tokens */

static enum lull_err
sq_token_insert(struct lull_store *st, const struct lull_api_token *t,
    const char *hash, int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_TOKEN_INSERT))
		return st->ei.code;
	b_i64(&b, 1, t->account_id);
	b_text(&b, 2, t->name);
	b_text(&b, 3, hash);
	b_i64(&b, 4, t->created_utc);
	b_time(&b, 5, t->last_used_utc);
	b_time(&b, 6, t->revoked_utc);
	return sq_insert(st, &b, "API token", NULL, id);
}

static enum lull_err
sq_token_one(struct lull_store *st, struct bind *b, int64_t id,
    struct lull_api_token *out)
{
	enum lull_err err;

	err = sq_one(st, b, "API token", id);
	if (err == LULL_OK)
		err = row_token(st, b->s, out);
	sq_done(b->s);
	return err;
}

static enum lull_err
sq_token_get(struct lull_store *st, int64_t id, struct lull_api_token *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_TOKEN_GET))
		return st->ei.code;
	b_i64(&b, 1, id);
	return sq_token_one(st, &b, id, out);
}

static enum lull_err
sq_token_find(struct lull_store *st, const char *hash,
    struct lull_api_token *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_TOKEN_FIND))
		return st->ei.code;
	b_text(&b, 1, hash);
	return sq_token_one(st, &b, 0, out);
}

static enum lull_err
sq_token_list(struct lull_store *st, int64_t account_id,
    struct lull_api_tokenv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_TOKEN_LIST))
		return st->ei.code;
	b_i64(&b, 1, account_id);
	return collect_tokens(st, &b, out);
}

static enum lull_err
sq_token_update(struct lull_store *st, const struct lull_api_token *t)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_TOKEN_UPDATE))
		return st->ei.code;
	b_time(&b, 1, t->last_used_utc);
	b_time(&b, 2, t->revoked_utc);
	b_i64(&b, 3, t->id);
	return sq_change(st, &b, "API token", NULL, t->id);
}

/* Memberships */

static enum lull_err
sq_membership_insert(struct lull_store *st, const struct lull_membership *m,
    int64_t created_utc)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_MEMBERSHIP_INSERT))
		return st->ei.code;
	b_i64(&b, 1, m->account_id);
	b_i64(&b, 2, m->household_id);
	b_text(&b, 3, lull_access_name(m->access));
	b_i64(&b, 4, m->caregiver_id);
	b_i64(&b, 5, created_utc);
	return sq_run(st, &b, "membership", NULL);
}

static enum lull_err
sq_membership_get(struct lull_store *st, int64_t account_id,
    int64_t household_id, struct lull_membership *out)
{
	enum lull_err err;
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_MEMBERSHIP_GET))
		return st->ei.code;
	b_i64(&b, 1, account_id);
	b_i64(&b, 2, household_id);
	err = sq_one(st, &b, "membership of household", household_id);
	if (err == LULL_OK)
		err = row_membership(st, b.s, out);
	sq_done(b.s);
	return err;
}

static enum lull_err
sq_membership_list(struct lull_store *st, int64_t account_id,
    int64_t household_id, struct lull_membershipv *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b,
		account_id == 0 ? STMT_MEMBERSHIP_OF_HOUSEHOLD
				: STMT_MEMBERSHIP_OF_ACCOUNT))
		return st->ei.code;
	b_i64(&b, 1, account_id == 0 ? household_id : account_id);
	return collect_memberships(st, &b, out);
}

static enum lull_err
sq_membership_update(struct lull_store *st, const struct lull_membership *m)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_MEMBERSHIP_UPDATE))
		return st->ei.code;
	b_i64(&b, 1, m->account_id);
	b_i64(&b, 2, m->household_id);
	b_text(&b, 3, lull_access_name(m->access));
	return sq_change(st, &b, "membership of household", NULL,
	    m->household_id);
}

static enum lull_err
sq_membership_delete(struct lull_store *st, int64_t account_id,
    int64_t household_id)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_MEMBERSHIP_DELETE))
		return st->ei.code;
	b_i64(&b, 1, account_id);
	b_i64(&b, 2, household_id);
	return sq_change(st, &b, "membership of household", NULL,
	    household_id);
}

/* Invitations */

static enum lull_err
sq_invite_insert(struct lull_store *st, const struct store_invite *v,
    const char *hash, int64_t *id)
{
	struct bind b;

	*id = 0;
	if (!bind_start(st, &b, STMT_INVITE_INSERT))
		return st->ei.code;
	b_i64(&b, 1, v->household_id);
	b_text(&b, 2, hash);
	b_text(&b, 3, lull_access_name(v->access));
	b_text(&b, 4, v->name);
	b_ref(&b, 5, v->by_account);
	b_i64(&b, 6, v->created_utc);
	b_i64(&b, 7, v->expires_utc);
	b_i64(&b, 8, v->parent != 0);
	return sq_insert(st, &b, "invitation", NULL, id);
}

static enum lull_err
sq_invite_find(struct lull_store *st, const char *hash,
    struct store_invite *out)
{
	enum lull_err err;
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_INVITE_FIND))
		return st->ei.code;
	b_text(&b, 1, hash);
	err = sq_one(st, &b, "invitation", 0);
	if (err == LULL_OK)
		err = row_invite(st, b.s, out);
	sq_done(b.s);
	if (err != LULL_OK)
		store_invite_free(out);
	return err;
}

static enum lull_err
sq_invite_use(struct lull_store *st, int64_t id, int64_t used_utc,
    int64_t used_by)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_INVITE_USE))
		return st->ei.code;
	b_i64(&b, 1, id);
	b_i64(&b, 2, used_utc);
	b_ref(&b, 3, used_by);
	return sq_change(st, &b, "invitation", NULL, id);
}

static enum lull_err
sq_invite_list(struct lull_store *st, int64_t household_id, int64_t now,
    struct lull_invitev *out)
{
	struct bind b;

	memset(out, 0, sizeof(*out));
	if (!bind_start(st, &b, STMT_INVITE_LIST))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	b_i64(&b, 2, now);
	return collect_invites(st, &b, out);
}

static enum lull_err
sq_invite_delete(struct lull_store *st, int64_t household_id, int64_t id)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_INVITE_DELETE))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	b_i64(&b, 2, id);
	return sq_change(st, &b, "invitation", NULL, id);
}

static enum lull_err
sq_invite_delete_by(struct lull_store *st, int64_t household_id,
    int64_t by_account)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_INVITE_DELETE_BY))
		return st->ei.code;
	b_i64(&b, 1, household_id);
	b_i64(&b, 2, by_account);
	return sq_run(st, &b, "invitation", NULL);
}

static enum lull_err
sq_token_revoke_account(struct lull_store *st, int64_t account_id,
    int64_t now, size_t *n)
{
	enum lull_err err;
	struct bind b;

	*n = 0;
	if (!bind_start(st, &b, STMT_TOKEN_REVOKE_ACCOUNT))
		return st->ei.code;
	b_i64(&b, 1, account_id);
	b_i64(&b, 2, now);
	err = sq_run(st, &b, "API token", NULL);
	if (err == LULL_OK)
		*n = (size_t)sqlite3_changes(sq_of(st)->db);
	return err;
}

/* Caregivers that stood for an account (migration 0007) */

static enum lull_err
sq_caregiver_link(struct lull_store *st, int64_t caregiver_id,
    int64_t account_id, int64_t since_utc)
{
	struct bind b;

	if (!bind_start(st, &b, STMT_CAREGIVER_LINK))
		return st->ei.code;
	b_i64(&b, 1, caregiver_id);
	b_ref(&b, 2, account_id);
	b_i64(&b, 3, since_utc);
	return sq_run(st, &b, "caregiver's account", NULL);
}

static enum lull_err
sq_caregiver_linked(struct lull_store *st, int64_t caregiver_id, int *linked,
    int64_t *account_id)
{
	enum lull_err err;
	struct bind b;
	int have;

	*linked = 0;
	*account_id = 0;
	if (!bind_start(st, &b, STMT_CAREGIVER_LINKED))
		return st->ei.code;
	b_i64(&b, 1, caregiver_id);
	err = sq_row(st, &b, &have);
	if (err == LULL_OK && have) {
		*linked = 1;
		*account_id = sqlite3_column_int64(b.s, 0); /* NULL: 0 */
	}
	sq_done(b.s);
	return err;
}

static enum lull_err
sq_personal_count_author(struct lull_store *st, int64_t caregiver_id,
    size_t *n)
{
	enum lull_err err;
	struct bind b;
	int have;

	*n = 0;
	if (!bind_start(st, &b, STMT_PERSONAL_COUNT_AUTHOR))
		return st->ei.code;
	b_i64(&b, 1, caregiver_id);
	err = sq_row(st, &b, &have);
	if (err == LULL_OK && have)
		*n = (size_t)sqlite3_column_int64(b.s, 0);
	sq_done(b.s);
	return err;
}

const struct store_ops store_sqlite_ops = {
	.scheme = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.tx = sq_tx,
	.schema_get = sq_schema_get,
	.schema_apply = sq_schema_apply,
	.household_insert = sq_household_insert,
	.household_get = sq_household_get,
	.household_update = sq_household_update,
	.household_clear = sq_household_clear,
	.caregiver_insert = sq_caregiver_insert,
	.caregiver_get = sq_caregiver_get,
	.caregiver_find = sq_caregiver_find,
	.caregiver_list = sq_caregiver_list,
	.caregiver_update = sq_caregiver_update,
	.caregiver_delete = sq_caregiver_delete,
	.child_insert = sq_child_insert,
	.child_get = sq_child_get,
	.child_find = sq_child_find,
	.child_list = sq_child_list,
	.child_update = sq_child_update,
	.child_delete = sq_child_delete,
	.sleep_insert = sq_sleep_insert,
	.sleep_insert_many = sq_sleep_insert_many,
	.sleep_get = sq_sleep_get,
	.sleep_update = sq_sleep_update,
	.sleep_delete = sq_sleep_delete,
	.sleep_range = sq_sleep_range,
	.sleep_ongoing = sq_sleep_ongoing,
	.sleep_at = sq_sleep_at,
	.waking_insert = sq_waking_insert,
	.waking_get = sq_waking_get,
	.waking_update = sq_waking_update,
	.waking_delete = sq_waking_delete,
	.waking_list = sq_waking_list,
	.waking_range = sq_waking_range,
	.feed_insert = sq_feed_insert,
	.feed_insert_many = sq_feed_insert_many,
	.feed_get = sq_feed_get,
	.feed_update = sq_feed_update,
	.feed_delete = sq_feed_delete,
	.feed_range = sq_feed_range,
	.tag_insert = sq_tag_insert,
	.tag_get = sq_tag_get,
	.tag_update = sq_tag_update,
	.tag_delete = sq_tag_delete,
	.tag_range = sq_tag_range,
	.sleep_page = sq_sleep_page,
	.feed_page = sq_feed_page,
	.tag_page = sq_tag_page,
	.plan_insert = sq_plan_insert,
	.plan_get = sq_plan_get,
	.plan_active = sq_plan_active,
	.plan_list = sq_plan_list,
	.plan_update = sq_plan_update,
	.plan_event_insert = sq_plan_event_insert,
	.plan_event_list = sq_plan_event_list,
	.personal_insert = sq_personal_insert,
	.personal_get = sq_personal_get,
	.personal_update = sq_personal_update,
	.personal_delete = sq_personal_delete,
	.personal_range = sq_personal_range,
	.personal_count = sq_personal_count,
	.ritual_insert = sq_ritual_insert,
	.ritual_get = sq_ritual_get,
	.ritual_find = sq_ritual_find,
	.ritual_update = sq_ritual_update,
	.ritual_delete = sq_ritual_delete,
	.ritual_list = sq_ritual_list,
	.household_delete = sq_household_delete,
	.account_insert = sq_account_insert,
	.account_get = sq_account_get,
	.account_find = sq_account_find,
	.account_list = sq_account_list,
	.account_set_password = sq_account_set_password,
	.session_insert = sq_session_insert,
	.session_get = sq_session_get,
	.session_touch = sq_session_touch,
	.session_delete = sq_session_delete,
	.session_delete_account = sq_session_delete_account,
	.session_delete_expired = sq_session_delete_expired,
	.token_insert = sq_token_insert,
	.token_get = sq_token_get,
	.token_find = sq_token_find,
	.token_list = sq_token_list,
	.token_update = sq_token_update,
	.membership_insert = sq_membership_insert,
	.membership_get = sq_membership_get,
	.membership_list = sq_membership_list,
	.membership_update = sq_membership_update,
	.membership_delete = sq_membership_delete,
	.invite_insert = sq_invite_insert,
	.invite_find = sq_invite_find,
	.invite_use = sq_invite_use,
	.invite_list = sq_invite_list,
	.invite_delete = sq_invite_delete,
	.invite_delete_by = sq_invite_delete_by,
	.token_revoke_account = sq_token_revoke_account,
	.caregiver_link = sq_caregiver_link,
	.caregiver_linked = sq_caregiver_linked,
	.personal_count_author = sq_personal_count_author,
};
