/*
 * The store against a real SQLite file in a temporary directory: schema
 * and migrations, every record's round trip, the journal's rules enforced
 * inside write transactions (and nothing written when they refuse),
 * versions, cascades, transactions with savepoints, and meta.
 * SPDX-License-Identifier: ISC
 */
#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "lull/cal.h"
#include "lull/model.h"
#include "lull/store.h"
#include "lull/tz.h"

#include "store/store_int.h"
#include "t.h"

/* A household the cases share: a fresh database file for each case. */
struct fx {
	char dir[64];
	char path[128];
	struct lull_store *st;
	struct lull_tz *tz;
	struct lull_actor anna_now; /* Anna writing at NOW */
	struct lull_actor ben_now;
	int64_t hh, anna, ben, mia, leo;
};

static struct fx fx;

/* 2026-03-<day> hh:mm UTC. */
static int64_t
at(int day, int h, int m)
{
	return (int64_t)lull_days_from_civil(2026, 3, day) * 86400 + h * 3600 +
	    m * 60;
}

#define NOW at(20, 12, 0)

/* A writable string for the records' char * fields, for this block. */
#define W(s) ((char[]){ s })

static int
fx_open(void)
{
	struct lull_errinfo ei;
	char spec[160];

	memset(&fx, 0, sizeof(fx));
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/lull-test-store-XXXXXX");
	if (mkdtemp(fx.dir) == NULL) {
		perror("mkdtemp");
		return -1;
	}
	snprintf(fx.path, sizeof(fx.path), "%s/journal.db", fx.dir);
	snprintf(spec, sizeof(spec), "sqlite:%s", fx.path);
	if (lull_store_open(&fx.st, spec, &ei) != LULL_OK) {
		fprintf(stderr, "open: %s\n", ei.msg);
		return -1;
	}
	if (lull_tz_utc(&fx.tz) != LULL_OK)
		return -1;
	return 0;
}

static void
fx_close(void)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[160];
	size_t i;

	lull_store_close(fx.st);
	fx.st = NULL;
	lull_tz_free(fx.tz);
	fx.tz = NULL;
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", fx.path, suffix[i]);
		unlink(p);
	}
	rmdir(fx.dir);
}

/* The Home household: caregivers Anna and Ben, children Mia and Leo. */
static int
fx_family(void)
{
	struct lull_actor boot = { 0, NOW - 86400 };
	struct lull_household h = { 0 };
	struct lull_caregiver g = { 0 };
	struct lull_child k;

	if (fx_open() != 0)
		return -1;
	h.name = W("Home");
	h.tz = W("UTC");
	if (lull_store_household_add(fx.st, &h, &boot, &fx.hh) != LULL_OK)
		return -1;
	g.household_id = fx.hh;
	g.name = W("Anna");
	if (lull_store_caregiver_add(fx.st, &g, &boot, &fx.anna) != LULL_OK)
		return -1;
	g.name = W("Ben");
	if (lull_store_caregiver_add(fx.st, &g, &boot, &fx.ben) != LULL_OK)
		return -1;
	lull_child_init(&k);
	k.household_id = fx.hh;
	k.name = W("Mia");
	k.born_day = lull_days_from_civil(2025, 9, 1);
	k.due_day = lull_days_from_civil(2025, 9, 20);
	if (lull_store_child_add(fx.st, &k, fx.tz, &boot, &fx.mia) != LULL_OK)
		return -1;
	k.name = W("Leo");
	k.born_day = lull_days_from_civil(2024, 5, 10);
	k.due_day = LULL_NO_DAY;
	if (lull_store_child_add(fx.st, &k, fx.tz, &boot, &fx.leo) != LULL_OK)
		return -1;
	fx.anna_now.caregiver_id = fx.anna;
	fx.anna_now.now_utc = NOW;
	fx.ben_now.caregiver_id = fx.ben;
	fx.ben_now.now_utc = NOW;
	return 0;
}

static void
mk_sleep(struct lull_sleep *s, int64_t child, int64_t start, int64_t end)
{
	lull_sleep_init(s);
	s->child_id = child;
	s->start_utc = start;
	s->end_utc = end;
}

static void
mk_waking(struct lull_waking *w, int64_t start, int64_t end)
{
	lull_waking_init(w);
	w->start_utc = start;
	w->end_utc = end;
}

/* Add a plain sleep as Anna; returns its id or 0. */
static int64_t
add_sleep(int64_t child, int64_t start, int64_t end)
{
	struct lull_sleep s;
	int64_t id = 0;

	mk_sleep(&s, child, start, end);
	if (lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now) == LULL_OK)
		id = s.id;
	lull_sleep_free(&s);
	return id;
}

static int64_t
add_feed(int64_t child, int64_t start)
{
	struct lull_feed f;

	lull_feed_init(&f);
	f.child_id = child;
	f.start_utc = start;
	f.kind = LULL_FEED_BOTTLE;
	f.amount_ml = 120;
	if (lull_store_feed_add(fx.st, &f, NULL, &fx.anna_now) != LULL_OK)
		return 0;
	return f.id;
}

/* Every sleep of "child" (0: the household's), -1 on failure. */
static long
nsleeps(int64_t child)
{
	struct lull_sleepv v;
	long n;

	if (lull_store_sleep_range(fx.st, fx.hh, child, INT64_MIN + 1,
		INT64_MAX, &v) != LULL_OK)
		return -1;
	n = (long)v.n;
	lull_sleepv_free(&v);
	return n;
}

static long
nfeeds(int64_t child)
{
	struct lull_feedv v;
	long n;

	if (lull_store_feed_range(fx.st, fx.hh, child, INT64_MIN + 1, INT64_MAX,
		&v) != LULL_OK)
		return -1;
	n = (long)v.n;
	lull_feedv_free(&v);
	return n;
}

static const char *
errmsg(void)
{
	return lull_store_error(fx.st)->msg;
}

static const char *
errfield(void)
{
	return lull_store_error(fx.st)->field;
}

static void
test_open_migrate_reopen(void)
{
	struct lull_household h = { 0 };
	struct lull_actor a = { 0, NOW };
	struct lull_errinfo ei;
	int64_t id;

	T_CHECK(fx_open() == 0);
	/* Every compiled-in migration ran: the version is the last one. */
	T_EQ_INT(lull_store_schema_version(fx.st),
	    store_migrations[store_nmigrations - 1].version);
	h.name = W("Home");
	h.tz = W("Europe/Berlin");
	T_EQ_INT(lull_store_household_add(fx.st, &h, &a, &id), LULL_OK);
	lull_store_close(fx.st);

	/* A plain path is the SQLite default; the version stays. */
	T_EQ_INT(lull_store_open(&fx.st, fx.path, &ei), LULL_OK);
	T_EQ_INT(lull_store_schema_version(fx.st),
	    store_migrations[store_nmigrations - 1].version);
	memset(&h, 0, sizeof(h));
	T_EQ_INT(lull_store_household_get(fx.st, 0, &h), LULL_OK);
	T_EQ_INT(h.id, id);
	T_EQ_STR(h.tz, "Europe/Berlin");
	lull_household_free(&h);
	fx_close();
}

static void
test_open_errors(void)
{
	static char junk;
	/* Anything but NULL, to see a failed open reset it. */
	struct lull_store *st = (struct lull_store *)(void *)&junk;
	struct lull_errinfo ei;
	char spec[200];
	sqlite3 *db;
	FILE *fp;

	T_EQ_INT(lull_store_open(&st, "postgresql://db/lull", &ei),
	    LULL_EINVAL);
	T_CHECK(st == NULL);
	T_EQ_STR(ei.field, "db");
	T_CHECK(strstr(ei.msg, "postgresql") != NULL);

	T_EQ_INT(lull_store_open(&st, "", &ei), LULL_EINVAL);

	/* Open creates the file, not its directory. */
	T_CHECK(fx_open() == 0);
	snprintf(spec, sizeof(spec), "sqlite:%s/no/such/dir/j.db", fx.dir);
	T_EQ_INT(lull_store_open(&st, spec, &ei), LULL_ESTORE);
	T_CHECK(st == NULL);
	T_CHECK(strstr(ei.msg, "cannot open") != NULL);

	/* A file that is not a database. */
	snprintf(spec, sizeof(spec), "%s/notes.txt", fx.dir);
	T_CHECK((fp = fopen(spec, "w")) != NULL);
	if (fp != NULL) {
		fputs("Mia slept well, mostly.\n", fp);
		fclose(fp);
	}
	T_EQ_INT(lull_store_open(&st, spec, &ei), LULL_ESTORE);
	T_CHECK(st == NULL);
	T_EQ_STR(ei.field, "db");
	unlink(spec);

	/* A database from a newer lull is refused, not downgraded. */
	lull_store_close(fx.st);
	fx.st = NULL;
	T_EQ_INT(sqlite3_open(fx.path, &db), SQLITE_OK);
	T_EQ_INT(sqlite3_exec(db,
		     "INSERT INTO schema_version VALUES "
		     "(99, '0099_future', 0)",
		     NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	T_EQ_INT(lull_store_open(&st, fx.path, &ei), LULL_ESTORE);
	T_CHECK(st == NULL);
	T_CHECK(strstr(ei.msg, "newer") != NULL);
	T_CHECK(strstr(ei.msg, "99") != NULL);
	fx_close();
}

static void
test_household_crud(void)
{
	struct lull_household h = { 0 }, got, stale;
	struct lull_actor a = { 0, NOW };
	int64_t id;

	T_CHECK(fx_open() == 0);
	h.name = W("");
	h.tz = W("UTC");
	T_EQ_INT(lull_store_household_add(fx.st, &h, &a, &id), LULL_EINVAL);
	T_EQ_STR(errfield(), "name");
	T_EQ_INT(id, 0);
	T_EQ_INT(lull_store_household_get(fx.st, 0, &got), LULL_ENOTFOUND);

	h.name = W("Home");
	T_EQ_INT(lull_store_household_add(fx.st, &h, &a, &id), LULL_OK);
	T_CHECK(id > 0);
	T_EQ_INT(lull_store_household_get(fx.st, id, &got), LULL_OK);
	T_EQ_STR(got.name, "Home");
	T_EQ_STR(got.tz, "UTC");
	T_EQ_INT(got.meta.version, 1);
	T_EQ_INT(got.meta.created_utc, NOW);
	T_EQ_INT(lull_store_household_get(fx.st, id, &stale), LULL_OK);

	free(got.name);
	got.name = strdup("Our home");
	a.now_utc = NOW + 60;
	T_EQ_INT(lull_store_household_update(fx.st, &got, &a), LULL_OK);
	T_EQ_INT(got.meta.version, 2);
	T_EQ_INT(got.meta.updated_utc, NOW + 60);
	T_EQ_INT(lull_store_household_update(fx.st, &stale, &a),
	    LULL_ECONFLICT);
	lull_household_free(&got);
	T_EQ_INT(lull_store_household_get(fx.st, id, &got), LULL_OK);
	T_EQ_STR(got.name, "Our home");
	T_EQ_INT(got.meta.version, 2);
	T_EQ_INT(got.meta.created_utc, NOW);
	lull_household_free(&got);
	lull_household_free(&stale);

	T_EQ_INT(lull_store_household_get(fx.st, id + 100, &got),
	    LULL_ENOTFOUND);
	T_CHECK(got.name == NULL);
	fx_close();
}

static void
test_caregiver_crud(void)
{
	struct lull_caregiver g = { 0 }, got;
	struct lull_caregiverv v;
	int64_t id;

	T_CHECK(fx_family() == 0);
	T_EQ_INT(lull_store_caregiver_find(fx.st, fx.hh, "Ben", &got), LULL_OK);
	T_EQ_INT(got.id, fx.ben);
	T_EQ_INT(got.household_id, fx.hh);
	lull_caregiver_free(&got);

	/* A second Anna is refused and nothing changes. */
	g.household_id = fx.hh;
	g.name = W("Anna");
	T_EQ_INT(lull_store_caregiver_add(fx.st, &g, &fx.ben_now, &id),
	    LULL_ECONFLICT);
	T_EQ_INT(id, 0);
	T_EQ_STR(errfield(), "name");
	T_EQ_STR(errmsg(), "name: a caregiver called \"Anna\" already exists");
	T_EQ_INT(lull_store_caregiver_list(fx.st, fx.hh, &v), LULL_OK);
	T_EQ_INT(v.n, 2);
	T_EQ_STR(v.v[0].name, "Anna");
	T_EQ_STR(v.v[1].name, "Ben");
	lull_caregiverv_free(&v);

	/* Unknown household. */
	g.household_id = fx.hh + 7;
	g.name = W("Cleo");
	T_EQ_INT(lull_store_caregiver_add(fx.st, &g, &fx.ben_now, &id),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "household");

	/* Rename Ben, then Ben again from a stale copy. */
	T_EQ_INT(lull_store_caregiver_get(fx.st, fx.ben, &got), LULL_OK);
	free(got.name);
	got.name = strdup("Benedikt");
	T_EQ_INT(lull_store_caregiver_update(fx.st, &got, &fx.ben_now),
	    LULL_OK);
	T_EQ_INT(got.meta.version, 2);
	T_EQ_INT(got.meta.updated_by, fx.ben);
	got.meta.version = 1;
	T_EQ_INT(lull_store_caregiver_update(fx.st, &got, &fx.ben_now),
	    LULL_ECONFLICT);
	lull_caregiver_free(&got);
	/* Renaming onto an existing name is a conflict too. */
	T_EQ_INT(lull_store_caregiver_get(fx.st, fx.ben, &got), LULL_OK);
	free(got.name);
	got.name = strdup("Anna");
	T_EQ_INT(lull_store_caregiver_update(fx.st, &got, &fx.ben_now),
	    LULL_ECONFLICT);
	lull_caregiver_free(&got);

	T_EQ_INT(lull_store_caregiver_delete(fx.st, fx.ben), LULL_OK);
	T_EQ_INT(lull_store_caregiver_find(fx.st, fx.hh, "Benedikt", &got),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_store_caregiver_delete(fx.st, fx.ben), LULL_ENOTFOUND);
	T_EQ_INT(lull_store_caregiver_list(fx.st, fx.hh, &v), LULL_OK);
	T_EQ_INT(v.n, 1);
	lull_caregiverv_free(&v);
	fx_close();
}

static void
test_child_crud(void)
{
	struct lull_child k, got;
	struct lull_childv v;
	int64_t id;

	T_CHECK(fx_family() == 0);
	T_EQ_INT(lull_store_child_get(fx.st, fx.mia, &got), LULL_OK);
	T_EQ_STR(got.name, "Mia");
	T_EQ_INT(got.born_day, lull_days_from_civil(2025, 9, 1));
	T_EQ_INT(got.due_day, lull_days_from_civil(2025, 9, 20));
	T_EQ_INT(got.household_id, fx.hh);
	lull_child_free(&got);
	T_EQ_INT(lull_store_child_find(fx.st, fx.hh, "Leo", &got), LULL_OK);
	T_EQ_INT(got.id, fx.leo);
	T_EQ_INT(got.due_day, LULL_NO_DAY);
	lull_child_free(&got);

	lull_child_init(&k);
	k.household_id = fx.hh;
	k.name = W("Mia");
	k.born_day = lull_days_from_civil(2026, 1, 5);
	T_EQ_INT(lull_store_child_add(fx.st, &k, fx.tz, &fx.anna_now, &id),
	    LULL_ECONFLICT);
	T_EQ_STR(errmsg(), "name: a child called \"Mia\" already exists");
	T_EQ_INT(lull_store_child_list(fx.st, fx.hh, &v), LULL_OK);
	T_EQ_INT(v.n, 2);
	lull_childv_free(&v);

	/* The journal's rules: no birth in the future. */
	k.name = W("Nova");
	k.born_day = lull_days_from_civil(2026, 4, 1);
	T_EQ_INT(lull_store_child_add(fx.st, &k, fx.tz, &fx.anna_now, &id),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "born");

	T_EQ_INT(lull_store_child_get(fx.st, fx.leo, &got), LULL_OK);
	got.born_day = lull_days_from_civil(2024, 5, 11);
	got.household_id = 0; /* kept as stored */
	T_EQ_INT(lull_store_child_update(fx.st, &got, fx.tz, &fx.ben_now),
	    LULL_OK);
	T_EQ_INT(got.household_id, fx.hh);
	T_EQ_INT(got.meta.version, 2);
	lull_child_free(&got);
	T_EQ_INT(lull_store_child_get(fx.st, fx.leo, &got), LULL_OK);
	T_EQ_INT(got.born_day, lull_days_from_civil(2024, 5, 11));
	T_EQ_INT(got.meta.updated_by, fx.ben);
	T_EQ_INT(got.meta.created_by, 0);
	lull_child_free(&got);

	T_EQ_INT(lull_store_child_get(fx.st, 999, &got), LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "child");
	T_CHECK(strstr(errmsg(), "999") != NULL);
	fx_close();
}

static void
test_sleep_roundtrip(void)
{
	struct lull_sleep s, got;
	struct lull_waking w;

	T_CHECK(fx_family() == 0);
	mk_sleep(&s, fx.mia, at(19, 19, 30), at(20, 6, 45));
	s.kind = LULL_SLEEP_NIGHT;
	s.kind_given = 1;
	s.onset = (1u << LULL_ONSET_FED) | (1u << LULL_ONSET_HELD);
	s.place = LULL_PLACE_PARENTS_ROOM_COT;
	s.settled_by = fx.anna;
	s.latency_min = 15;
	s.crying_min = 5;
	s.routine = 1;
	s.note = strdup("after the bath");
	mk_waking(&w, at(19, 23, 10), at(19, 23, 40));
	w.response = LULL_RESP_FEED;
	w.caregiver_id = fx.ben;
	w.note = W("hungry");
	T_EQ_INT(lull_sleep_add_waking(&s, &w), LULL_OK);
	mk_waking(&w, at(20, 3, 0), at(20, 3, 5));
	w.response = LULL_RESP_NONE;
	T_EQ_INT(lull_sleep_add_waking(&s, &w), LULL_OK);

	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now), LULL_OK);
	T_CHECK(s.id > 0);
	T_CHECK(s.wakings[0].id > 0 && s.wakings[1].id > s.wakings[0].id);
	T_EQ_INT(s.wakings[0].sleep_id, s.id);
	T_EQ_INT(s.meta.created_by, fx.anna);
	T_EQ_INT(s.meta.version, 1);
	T_EQ_INT(s.wakings[1].meta.created_utc, NOW);

	T_EQ_INT(lull_store_sleep_get(fx.st, s.id, &got), LULL_OK);
	T_EQ_INT(got.id, s.id);
	T_EQ_INT(got.child_id, fx.mia);
	T_EQ_INT(got.start_utc, at(19, 19, 30));
	T_EQ_INT(got.end_utc, at(20, 6, 45));
	T_EQ_INT(got.kind, LULL_SLEEP_NIGHT);
	T_EQ_INT(got.kind_given, 1);
	T_EQ_INT(got.onset, s.onset);
	T_EQ_INT(got.place, LULL_PLACE_PARENTS_ROOM_COT);
	T_EQ_INT(got.settled_by, fx.anna);
	T_EQ_INT(got.latency_min, 15);
	T_EQ_INT(got.crying_min, 5);
	T_EQ_INT(got.routine, 1);
	T_EQ_STR(got.note, "after the bath");
	T_EQ_INT(got.meta.created_utc, NOW);
	T_EQ_INT(got.meta.created_by, fx.anna);
	T_EQ_INT(got.meta.updated_by, fx.anna);
	T_EQ_INT(got.meta.version, 1);
	T_EQ_INT(got.nwakings, 2);
	if (got.nwakings == 2) {
		T_EQ_INT(got.wakings[0].id, s.wakings[0].id);
		T_EQ_INT(got.wakings[0].start_utc, at(19, 23, 10));
		T_EQ_INT(got.wakings[0].end_utc, at(19, 23, 40));
		T_EQ_INT(got.wakings[0].response, LULL_RESP_FEED);
		T_EQ_INT(got.wakings[0].caregiver_id, fx.ben);
		T_EQ_STR(got.wakings[0].note, "hungry");
		T_EQ_INT(got.wakings[1].response, LULL_RESP_NONE);
		T_EQ_INT(got.wakings[1].caregiver_id, 0);
		T_CHECK(got.wakings[1].note == NULL);
		T_EQ_INT(got.wakings[1].meta.created_by, fx.anna);
	}
	lull_sleep_free(&got);
	lull_sleep_free(&s);

	/* Everything unknown comes back unknown, not as 0. */
	mk_sleep(&s, fx.leo, at(20, 10, 0), at(20, 11, 0));
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now), LULL_OK);
	T_EQ_INT(s.kind, LULL_SLEEP_NAP); /* derived, and written back */
	T_EQ_INT(lull_store_sleep_get(fx.st, s.id, &got), LULL_OK);
	T_EQ_INT(got.kind, LULL_SLEEP_NAP);
	T_EQ_INT(got.kind_given, 0);
	T_EQ_INT(got.onset, 0);
	T_EQ_INT(got.place, LULL_PLACE_UNKNOWN);
	T_EQ_INT(got.settled_by, 0);
	T_EQ_INT(got.latency_min, LULL_UNKNOWN);
	T_EQ_INT(got.crying_min, LULL_UNKNOWN);
	T_EQ_INT(got.routine, LULL_UNKNOWN);
	T_CHECK(got.note == NULL);
	T_EQ_INT(got.nwakings, 0);
	lull_sleep_free(&got);
	lull_sleep_free(&s);

	/* An unknown id leaves the out-parameter empty. */
	T_EQ_INT(lull_store_sleep_get(fx.st, 4242, &got), LULL_ENOTFOUND);
	T_EQ_INT(got.id, 0);
	T_CHECK(got.wakings == NULL && got.note == NULL);
	fx_close();
}

static void
test_night_across_midnight(void)
{
	struct lull_sleepv v;
	struct lull_sleep s;

	T_CHECK(fx_family() == 0);
	mk_sleep(&s, fx.mia, at(18, 19, 30), at(19, 6, 45));
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now), LULL_OK);
	T_EQ_INT(s.kind, LULL_SLEEP_NIGHT);
	/* It belongs to both calendar days it touches. */
	T_EQ_INT(lull_store_sleep_range(fx.st, fx.hh, fx.mia, at(18, 0, 0),
		     at(19, 0, 0), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 1);
	lull_sleepv_free(&v);
	T_EQ_INT(lull_store_sleep_range(fx.st, fx.hh, fx.mia, at(19, 0, 0),
		     at(20, 0, 0), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 1);
	if (v.n == 1)
		T_EQ_INT(v.v[0].end_utc, at(19, 6, 45));
	lull_sleepv_free(&v);
	lull_sleep_free(&s);
	fx_close();
}

static void
test_sleep_refused(void)
{
	struct lull_sleep s;
	struct lull_waking w;
	int64_t first;

	T_CHECK(fx_family() == 0);
	first = add_sleep(fx.mia, at(20, 9, 0), at(20, 10, 0));
	T_CHECK(first > 0);

	/* Overlap, named and nothing written. */
	mk_sleep(&s, fx.mia, at(20, 9, 30), at(20, 10, 30));
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "start");
	T_CHECK(strstr(errmsg(), "overlaps") != NULL);
	T_EQ_INT(s.id, 0);
	T_EQ_INT(nsleeps(fx.mia), 1);
	/* Another child may sleep at the same time. */
	s.child_id = fx.leo;
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now), LULL_OK);
	lull_sleep_free(&s);
	/* Touching is not overlapping. */
	T_CHECK(add_sleep(fx.mia, at(20, 10, 0), at(20, 10, 30)) > 0);

	/* End before start. */
	mk_sleep(&s, fx.mia, at(20, 8, 0), at(20, 7, 0));
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "end");
	lull_sleep_free(&s);

	/* In the future (beyond the clock slack). */
	mk_sleep(&s, fx.mia, NOW + 3600, LULL_NO_TIME);
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "start");
	T_CHECK(strstr(errmsg(), "future") != NULL);
	lull_sleep_free(&s);

	/* A waking outside its sleep: neither is written. */
	mk_sleep(&s, fx.mia, at(19, 19, 0), at(20, 6, 0));
	mk_waking(&w, at(20, 6, 30), at(20, 6, 40));
	T_EQ_INT(lull_sleep_add_waking(&s, &w), LULL_OK);
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "waking.start");
	T_EQ_INT(s.id, 0);
	T_EQ_INT(s.wakings[0].id, 0);
	lull_sleep_free(&s);
	T_EQ_INT(nsleeps(fx.mia), 2);

	/* Unknown child, unknown caregiver, unknown actor. */
	mk_sleep(&s, 777, at(19, 13, 0), at(19, 14, 0));
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "child");
	T_CHECK(strstr(errmsg(), "777") != NULL);
	s.child_id = fx.mia;
	s.settled_by = 555;
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "settled_by");
	s.settled_by = 0;
	{
		struct lull_actor ghost = { 555, NOW };

		T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &ghost),
		    LULL_ENOTFOUND);
	}
	lull_sleep_free(&s);
	T_EQ_INT(nsleeps(fx.mia), 2);

	/* Two ongoing sleeps always collide. */
	T_CHECK(add_sleep(fx.mia, at(20, 11, 0), LULL_NO_TIME) > 0);
	mk_sleep(&s, fx.mia, at(20, 11, 30), LULL_NO_TIME);
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now),
	    LULL_ECONFLICT);
	lull_sleep_free(&s);
	fx_close();
}

static void
test_sleep_ranges(void)
{
	struct lull_sleep s;
	struct lull_waking w;
	struct lull_sleepv v;
	int64_t a, b, c, d;

	T_CHECK(fx_family() == 0);
	a = add_sleep(fx.mia, at(19, 13, 0), at(19, 14, 0));
	mk_sleep(&s, fx.mia, at(19, 19, 0), at(20, 6, 0));
	mk_waking(&w, at(20, 2, 0), at(20, 2, 20));
	T_EQ_INT(lull_sleep_add_waking(&s, &w), LULL_OK);
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now), LULL_OK);
	b = s.id;
	lull_sleep_free(&s);
	c = add_sleep(fx.mia, at(20, 11, 0), LULL_NO_TIME);
	d = add_sleep(fx.leo, at(19, 13, 30), at(19, 15, 0));
	T_CHECK(a > 0 && b > 0 && c > 0 && d > 0);
	/* Wakings on Leo's nap (its id is above b's though it starts
	 * first) and on the ongoing sleep: a range's wakings are read in
	 * one query and must each land on their own sleep. */
	mk_waking(&w, at(19, 14, 0), at(19, 14, 10));
	w.sleep_id = d;
	T_EQ_INT(lull_store_waking_add(fx.st, &w, fx.tz, &fx.anna_now),
	    LULL_OK);
	lull_waking_free(&w);
	mk_waking(&w, at(20, 11, 45), at(20, 11, 50));
	w.sleep_id = c;
	T_EQ_INT(lull_store_waking_add(fx.st, &w, fx.tz, &fx.anna_now),
	    LULL_OK);
	lull_waking_free(&w);
	mk_waking(&w, at(20, 11, 30), at(20, 11, 40));
	w.sleep_id = c;
	T_EQ_INT(lull_store_waking_add(fx.st, &w, fx.tz, &fx.anna_now),
	    LULL_OK);
	lull_waking_free(&w);

	/* [14:00, 19:00): a ends as it starts, b starts as it ends. */
	T_EQ_INT(lull_store_sleep_range(fx.st, fx.hh, fx.mia, at(19, 14, 0),
		     at(19, 19, 0), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 0);
	lull_sleepv_free(&v);
	T_EQ_INT(lull_store_sleep_range(fx.st, fx.hh, fx.mia, at(19, 13, 59),
		     at(19, 19, 1), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 2);
	if (v.n == 2) {
		T_EQ_INT(v.v[0].id, a);
		T_EQ_INT(v.v[1].id, b);
		T_EQ_INT(v.v[1].nwakings, 1);
	}
	lull_sleepv_free(&v);
	/* The ongoing sleep meets everything after its start. */
	T_EQ_INT(lull_store_sleep_range(fx.st, fx.hh, fx.mia, at(25, 0, 0),
		     at(26, 0, 0), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 1);
	if (v.n == 1) {
		T_EQ_INT(v.v[0].id, c);
		T_EQ_INT(v.v[0].end_utc, LULL_NO_TIME);
		T_EQ_INT(v.v[0].nwakings, 2);
		if (v.v[0].nwakings == 2) {
			T_EQ_INT(v.v[0].wakings[0].start_utc, at(20, 11, 30));
			T_EQ_INT(v.v[0].wakings[1].start_utc, at(20, 11, 45));
		}
	}
	lull_sleepv_free(&v);
	/* Child 0: every child of the household, oldest first. */
	T_EQ_INT(lull_store_sleep_range(fx.st, fx.hh, 0, at(19, 0, 0),
		     at(20, 0, 0), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 3);
	if (v.n == 3) {
		T_EQ_INT(v.v[0].id, a);
		T_EQ_INT(v.v[1].id, d);
		T_EQ_INT(v.v[1].child_id, fx.leo);
		T_EQ_INT(v.v[2].id, b);
		T_EQ_INT(v.v[0].nwakings, 0);
		T_EQ_INT(v.v[1].nwakings, 1);
		T_EQ_INT(v.v[2].nwakings, 1);
		if (v.v[1].nwakings == 1 && v.v[2].nwakings == 1) {
			T_EQ_INT(v.v[1].wakings[0].sleep_id, d);
			T_EQ_INT(v.v[2].wakings[0].start_utc, at(20, 2, 0));
		}
	}
	lull_sleepv_free(&v);
	T_EQ_INT(lull_store_sleep_range(fx.st, fx.hh, 999, 0, NOW, &v),
	    LULL_ENOTFOUND);
	T_EQ_INT(v.n, 0);

	/* Ongoing and at. */
	T_EQ_INT(lull_store_sleep_ongoing(fx.st, fx.mia, &s), LULL_OK);
	T_EQ_INT(s.id, c);
	lull_sleep_free(&s);
	T_EQ_INT(lull_store_sleep_ongoing(fx.st, fx.leo, &s), LULL_ENOTFOUND);
	T_EQ_INT(s.id, 0);
	T_EQ_INT(lull_store_sleep_at(fx.st, fx.mia, at(20, 2, 10), &s),
	    LULL_OK);
	T_EQ_INT(s.id, b);
	T_EQ_INT(s.nwakings, 1);
	lull_sleep_free(&s);
	T_EQ_INT(lull_store_sleep_at(fx.st, fx.mia, at(19, 14, 0), &s),
	    LULL_OK);
	T_EQ_INT(s.id, a); /* closed at the end */
	lull_sleep_free(&s);
	T_EQ_INT(lull_store_sleep_at(fx.st, fx.mia, at(19, 16, 0), &s),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_store_sleep_at(fx.st, fx.mia, NOW, &s), LULL_OK);
	T_EQ_INT(s.id, c);
	lull_sleep_free(&s);
	fx_close();
}

static void
test_sleep_update(void)
{
	struct lull_sleep s, stale, got;
	struct lull_actor later = { 0, NOW + 600 };
	int64_t id, other;

	T_CHECK(fx_family() == 0);
	id = add_sleep(fx.mia, at(20, 9, 0), at(20, 10, 0));
	other = add_sleep(fx.mia, at(20, 10, 30), at(20, 11, 0));
	T_CHECK(id > 0 && other > 0);
	T_EQ_INT(lull_store_sleep_get(fx.st, id, &s), LULL_OK);
	T_EQ_INT(lull_store_sleep_get(fx.st, id, &stale), LULL_OK);

	later.caregiver_id = fx.ben;
	s.note = strdup("woke happy");
	s.place = LULL_PLACE_PRAM;
	T_EQ_INT(lull_store_sleep_update(fx.st, &s, fx.tz, &later), LULL_OK);
	T_EQ_INT(s.meta.version, 2);

	/* Someone else's older copy is refused, and changes nothing. */
	stale.place = LULL_PLACE_ARMS;
	T_EQ_INT(lull_store_sleep_update(fx.st, &stale, fx.tz, &later),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "version");
	T_CHECK(strstr(errmsg(), "changed by someone else") != NULL);
	T_EQ_INT(stale.meta.version, 1);
	lull_sleep_free(&stale);

	/* Meta: created by Anna at NOW, changed by Ben ten minutes on. */
	T_EQ_INT(lull_store_sleep_get(fx.st, id, &got), LULL_OK);
	T_EQ_INT(got.place, LULL_PLACE_PRAM);
	T_EQ_STR(got.note, "woke happy");
	T_EQ_INT(got.meta.created_by, fx.anna);
	T_EQ_INT(got.meta.created_utc, NOW);
	T_EQ_INT(got.meta.updated_by, fx.ben);
	T_EQ_INT(got.meta.updated_utc, NOW + 600);
	T_EQ_INT(got.meta.version, 2);
	lull_sleep_free(&got);

	/* An edit is re-checked: no overlap with the next one. */
	s.end_utc = at(20, 10, 45);
	T_EQ_INT(lull_store_sleep_update(fx.st, &s, fx.tz, &later),
	    LULL_ECONFLICT);
	s.end_utc = at(20, 8, 0);
	T_EQ_INT(lull_store_sleep_update(fx.st, &s, fx.tz, &later),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "end");
	/* Version 0 means "did not load it": no check. */
	s.end_utc = at(20, 10, 15);
	s.meta.version = 0;
	T_EQ_INT(lull_store_sleep_update(fx.st, &s, fx.tz, &later), LULL_OK);
	T_EQ_INT(s.meta.version, 3);
	lull_sleep_free(&s);

	mk_sleep(&s, fx.mia, at(20, 9, 0), at(20, 10, 0));
	s.id = 31337;
	T_EQ_INT(lull_store_sleep_update(fx.st, &s, fx.tz, &later),
	    LULL_ENOTFOUND);
	lull_sleep_free(&s);
	fx_close();
}

static void
test_wakings(void)
{
	struct lull_waking w, got;
	struct lull_sleep s;
	int64_t sid, w1;

	T_CHECK(fx_family() == 0);
	sid = add_sleep(fx.mia, at(19, 19, 0), at(20, 6, 0));
	T_CHECK(sid > 0);
	mk_waking(&w, at(20, 1, 0), at(20, 1, 30));
	w.sleep_id = sid;
	w.response = LULL_RESP_ROCK;
	w.caregiver_id = fx.ben;
	T_EQ_INT(lull_store_waking_add(fx.st, &w, fx.tz, &fx.ben_now), LULL_OK);
	w1 = w.id;
	T_CHECK(w1 > 0);
	T_EQ_INT(w.meta.created_by, fx.ben);

	/* Overlapping the first one, or outside the sleep: refused. */
	mk_waking(&w, at(20, 1, 15), at(20, 2, 0));
	w.sleep_id = sid;
	T_EQ_INT(lull_store_waking_add(fx.st, &w, fx.tz, &fx.ben_now),
	    LULL_ECONFLICT);
	w.start_utc = at(20, 6, 30);
	w.end_utc = at(20, 6, 40);
	T_EQ_INT(lull_store_waking_add(fx.st, &w, fx.tz, &fx.ben_now),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "waking.start");
	w.sleep_id = 999;
	T_EQ_INT(lull_store_waking_add(fx.st, &w, fx.tz, &fx.ben_now),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "sleep");
	T_EQ_INT(lull_store_sleep_get(fx.st, sid, &s), LULL_OK);
	T_EQ_INT(s.nwakings, 1);
	lull_sleep_free(&s);

	/* Update: moving it later is fine, past the end is not. */
	T_EQ_INT(lull_store_waking_get(fx.st, w1, &got), LULL_OK);
	T_EQ_INT(got.response, LULL_RESP_ROCK);
	got.start_utc = at(20, 4, 0);
	got.end_utc = at(20, 4, 20);
	T_EQ_INT(lull_store_waking_update(fx.st, &got, fx.tz, &fx.anna_now),
	    LULL_OK);
	T_EQ_INT(got.meta.version, 2);
	got.end_utc = at(20, 7, 0);
	T_EQ_INT(lull_store_waking_update(fx.st, &got, fx.tz, &fx.anna_now),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "waking.end");
	got.meta.version = 1;
	got.end_utc = at(20, 4, 10);
	T_EQ_INT(lull_store_waking_update(fx.st, &got, fx.tz, &fx.anna_now),
	    LULL_ECONFLICT);
	lull_waking_free(&got);
	T_EQ_INT(lull_store_waking_get(fx.st, w1, &got), LULL_OK);
	T_EQ_INT(got.start_utc, at(20, 4, 0));
	T_EQ_INT(got.end_utc, at(20, 4, 20));
	lull_waking_free(&got);

	T_EQ_INT(lull_store_waking_delete(fx.st, w1), LULL_OK);
	T_EQ_INT(lull_store_waking_get(fx.st, w1, &got), LULL_ENOTFOUND);
	fx_close();
}

static void
test_delete_cascades(void)
{
	struct lull_sleep s, got;
	struct lull_waking w;
	struct lull_feed f;
	struct lull_tag t;
	int64_t sid, wid, fid, tid, keep;

	T_CHECK(fx_family() == 0);
	mk_sleep(&s, fx.mia, at(19, 19, 0), at(20, 6, 0));
	s.settled_by = fx.ben;
	mk_waking(&w, at(20, 1, 0), at(20, 1, 30));
	T_EQ_INT(lull_sleep_add_waking(&s, &w), LULL_OK);
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now), LULL_OK);
	sid = s.id;
	wid = s.wakings[0].id;
	lull_sleep_free(&s);
	fid = add_feed(fx.mia, at(20, 1, 5));
	lull_tag_init(&t);
	t.child_id = fx.mia;
	t.kind = LULL_TAG_TEETHING;
	t.from_day = lull_days_from_civil(2026, 3, 18);
	t.to_day = lull_days_from_civil(2026, 3, 22);
	T_EQ_INT(lull_store_tag_add(fx.st, &t, &fx.anna_now), LULL_OK);
	tid = t.id;
	keep = add_sleep(fx.leo, at(19, 19, 0), at(20, 6, 0));
	T_CHECK(fid > 0 && keep > 0);

	/* Deleting a caregiver keeps what they did, unattributed. */
	T_EQ_INT(lull_store_caregiver_delete(fx.st, fx.ben), LULL_OK);
	T_EQ_INT(lull_store_sleep_get(fx.st, sid, &got), LULL_OK);
	T_EQ_INT(got.settled_by, 0);
	lull_sleep_free(&got);

	T_EQ_INT(lull_store_child_delete(fx.st, fx.mia), LULL_OK);
	T_EQ_INT(lull_store_sleep_get(fx.st, sid, &got), LULL_ENOTFOUND);
	T_EQ_INT(lull_store_waking_get(fx.st, wid, &w), LULL_ENOTFOUND);
	T_EQ_INT(lull_store_feed_get(fx.st, fid, &f), LULL_ENOTFOUND);
	T_EQ_INT(lull_store_tag_get(fx.st, tid, &t), LULL_ENOTFOUND);
	T_EQ_INT(nsleeps(0), 1);
	T_EQ_INT(lull_store_child_delete(fx.st, fx.mia), LULL_ENOTFOUND);

	/* A sleep's wakings go with it. */
	mk_sleep(&s, fx.leo, at(20, 9, 0), at(20, 10, 0));
	mk_waking(&w, at(20, 9, 30), at(20, 9, 35));
	T_EQ_INT(lull_sleep_add_waking(&s, &w), LULL_OK);
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now), LULL_OK);
	T_EQ_INT(lull_store_sleep_delete(fx.st, s.id), LULL_OK);
	T_EQ_INT(lull_store_waking_get(fx.st, s.wakings[0].id, &w),
	    LULL_ENOTFOUND);
	lull_sleep_free(&s);
	fx_close();
}

static void
test_transactions(void)
{
	struct lull_sleep s;

	T_CHECK(fx_family() == 0);
	/* Rolled back: nothing stays. */
	T_EQ_INT(lull_store_begin(fx.st), LULL_OK);
	T_CHECK(add_sleep(fx.mia, at(19, 13, 0), at(19, 14, 0)) > 0);
	T_CHECK(add_feed(fx.mia, at(19, 12, 0)) > 0);
	T_EQ_INT(nsleeps(fx.mia), 1); /* visible inside */
	lull_store_rollback(fx.st);
	T_EQ_INT(nsleeps(fx.mia), 0);
	T_EQ_INT(nfeeds(fx.mia), 0);
	lull_store_rollback(fx.st); /* outside: a no-op */
	T_EQ_INT(lull_store_commit(fx.st), LULL_EINVAL);

	/* A refused write inside keeps the earlier ones until commit. */
	T_EQ_INT(lull_store_begin(fx.st), LULL_OK);
	T_CHECK(add_sleep(fx.mia, at(19, 13, 0), at(19, 14, 0)) > 0);
	mk_sleep(&s, fx.mia, at(19, 13, 30), at(19, 15, 0));
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.anna_now),
	    LULL_ECONFLICT);
	lull_sleep_free(&s);
	T_EQ_INT(nsleeps(fx.mia), 1);
	T_CHECK(add_feed(fx.mia, at(19, 12, 0)) > 0);
	T_EQ_INT(lull_store_commit(fx.st), LULL_OK);
	T_EQ_INT(nsleeps(fx.mia), 1);
	T_EQ_INT(nfeeds(fx.mia), 1);

	/* Nesting: an inner rollback undoes only the inner part. */
	T_EQ_INT(lull_store_begin(fx.st), LULL_OK);
	T_CHECK(add_feed(fx.mia, at(19, 16, 0)) > 0);
	T_EQ_INT(lull_store_begin(fx.st), LULL_OK);
	T_CHECK(add_feed(fx.mia, at(19, 17, 0)) > 0);
	lull_store_rollback(fx.st);
	T_EQ_INT(lull_store_commit(fx.st), LULL_OK);
	T_EQ_INT(nfeeds(fx.mia), 2);

	/* What was committed is on disk: a second handle sees it. */
	lull_store_close(fx.st);
	{
		struct lull_errinfo ei;

		T_EQ_INT(lull_store_open(&fx.st, fx.path, &ei), LULL_OK);
	}
	T_EQ_INT(nsleeps(fx.mia), 1);
	T_EQ_INT(nfeeds(fx.mia), 2);

	/* Closing with a transaction open loses it. */
	T_EQ_INT(lull_store_begin(fx.st), LULL_OK);
	T_CHECK(add_feed(fx.mia, at(19, 18, 0)) > 0);
	lull_store_close(fx.st);
	{
		struct lull_errinfo ei;

		T_EQ_INT(lull_store_open(&fx.st, fx.path, &ei), LULL_OK);
	}
	T_EQ_INT(nfeeds(fx.mia), 2);
	fx_close();
}

static void
test_feeds(void)
{
	struct lull_feed f, got, stale;
	struct lull_feedv v;
	int64_t a, b, c;

	T_CHECK(fx_family() == 0);
	lull_feed_init(&f);
	f.child_id = fx.mia;
	f.start_utc = at(20, 3, 0);
	f.end_utc = at(20, 3, 20);
	f.kind = LULL_FEED_BREAST;
	f.side = LULL_SIDE_LEFT;
	f.note = W("sleepy");
	T_EQ_INT(lull_store_feed_add(fx.st, &f, NULL, &fx.ben_now), LULL_OK);
	a = f.id;
	T_EQ_INT(f.meta.created_by, fx.ben);
	b = add_feed(fx.mia, at(20, 7, 0));
	c = add_feed(fx.leo, at(20, 7, 30));
	T_CHECK(a > 0 && b > 0 && c > 0);

	T_EQ_INT(lull_store_feed_get(fx.st, a, &got), LULL_OK);
	T_EQ_INT(got.start_utc, at(20, 3, 0));
	T_EQ_INT(got.end_utc, at(20, 3, 20));
	T_EQ_INT(got.kind, LULL_FEED_BREAST);
	T_EQ_INT(got.side, LULL_SIDE_LEFT);
	T_EQ_INT(got.amount_ml, LULL_UNKNOWN);
	T_EQ_STR(got.note, "sleepy");
	lull_feed_free(&got);
	T_EQ_INT(lull_store_feed_get(fx.st, b, &got), LULL_OK);
	T_EQ_INT(got.amount_ml, 120);
	T_EQ_INT(got.end_utc, LULL_NO_TIME);
	T_EQ_INT(lull_store_feed_get(fx.st, b, &stale), LULL_OK);

	/* A side is only for the breast: refused, and nothing changes. */
	got.side = LULL_SIDE_RIGHT;
	T_EQ_INT(lull_store_feed_update(fx.st, &got, NULL, &fx.anna_now),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "side");
	got.side = LULL_SIDE_NONE;
	got.amount_ml = 150;
	T_EQ_INT(lull_store_feed_update(fx.st, &got, NULL, &fx.anna_now), LULL_OK);
	T_EQ_INT(got.meta.version, 2);
	stale.amount_ml = 90;
	T_EQ_INT(lull_store_feed_update(fx.st, &stale, NULL, &fx.anna_now),
	    LULL_ECONFLICT);
	lull_feed_free(&got);
	lull_feed_free(&stale);

	/* Feeds starting in [from, to). */
	T_EQ_INT(lull_store_feed_range(fx.st, fx.hh, fx.mia, at(20, 3, 0),
		     at(20, 7, 0), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 1);
	if (v.n == 1)
		T_EQ_INT(v.v[0].id, a);
	lull_feedv_free(&v);
	T_EQ_INT(lull_store_feed_range(fx.st, fx.hh, 0, at(20, 0, 0),
		     at(21, 0, 0), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 3);
	if (v.n == 3) {
		T_EQ_INT(v.v[1].id, b);
		T_EQ_INT(v.v[1].amount_ml, 150);
		T_EQ_INT(v.v[2].child_id, fx.leo);
	}
	lull_feedv_free(&v);

	T_EQ_INT(lull_store_feed_delete(fx.st, a), LULL_OK);
	T_EQ_INT(lull_store_feed_delete(fx.st, a), LULL_ENOTFOUND);
	T_EQ_INT(nfeeds(0), 2);
	fx_close();
}

static void
test_tags(void)
{
	struct lull_tag t, got;
	struct lull_tagv v;
	int64_t a, b;

	T_CHECK(fx_family() == 0);
	lull_tag_init(&t);
	t.child_id = fx.mia;
	t.kind = LULL_TAG_ILL;
	t.from_day = lull_days_from_civil(2026, 3, 10);
	t.to_day = lull_days_from_civil(2026, 3, 14);
	t.note = W("cold");
	T_EQ_INT(lull_store_tag_add(fx.st, &t, &fx.anna_now), LULL_OK);
	a = t.id;
	t.child_id = fx.leo;
	t.kind = LULL_TAG_TRAVEL;
	t.from_day = lull_days_from_civil(2026, 3, 14);
	t.to_day = lull_days_from_civil(2026, 3, 16);
	t.note = NULL;
	T_EQ_INT(lull_store_tag_add(fx.st, &t, &fx.anna_now), LULL_OK);
	b = t.id;
	t.to_day = t.from_day - 1;
	T_EQ_INT(lull_store_tag_add(fx.st, &t, &fx.anna_now), LULL_EINVAL);
	T_EQ_STR(errfield(), "to");

	T_EQ_INT(lull_store_tag_get(fx.st, a, &got), LULL_OK);
	T_EQ_INT(got.kind, LULL_TAG_ILL);
	T_EQ_INT(got.from_day, lull_days_from_civil(2026, 3, 10));
	T_EQ_STR(got.note, "cold");
	got.kind = LULL_TAG_TEETHING;
	T_EQ_INT(lull_store_tag_update(fx.st, &got, &fx.ben_now), LULL_OK);
	lull_tag_free(&got);
	T_EQ_INT(lull_store_tag_get(fx.st, a, &got), LULL_OK);
	T_EQ_INT(got.kind, LULL_TAG_TEETHING);
	T_EQ_INT(got.meta.updated_by, fx.ben);
	lull_tag_free(&got);

	/* Days meeting [14, 14]: both, ends included. */
	T_EQ_INT(lull_store_tag_range(fx.st, fx.hh, 0,
		     lull_days_from_civil(2026, 3, 14),
		     lull_days_from_civil(2026, 3, 14), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 2);
	lull_tagv_free(&v);
	T_EQ_INT(lull_store_tag_range(fx.st, fx.hh, fx.mia,
		     lull_days_from_civil(2026, 3, 15),
		     lull_days_from_civil(2026, 3, 31), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 0);
	lull_tagv_free(&v);
	T_EQ_INT(lull_store_tag_range(fx.st, fx.hh, fx.leo,
		     lull_days_from_civil(2026, 3, 15),
		     lull_days_from_civil(2026, 3, 31), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 1);
	if (v.n == 1) {
		T_EQ_INT(v.v[0].id, b);
		T_CHECK(v.v[0].note == NULL);
	}
	lull_tagv_free(&v);
	T_EQ_INT(lull_store_tag_delete(fx.st, b), LULL_OK);
	T_EQ_INT(lull_store_tag_get(fx.st, b, &got), LULL_ENOTFOUND);
	fx_close();
}

static void
test_household_clear(void)
{
	struct lull_household h;
	struct lull_caregiverv gv;
	struct lull_childv kv;

	T_CHECK(fx_family() == 0);
	T_CHECK(add_sleep(fx.mia, at(19, 13, 0), at(19, 14, 0)) > 0);
	T_CHECK(add_feed(fx.leo, at(19, 12, 0)) > 0);
	T_EQ_INT(lull_store_household_clear(fx.st, fx.hh), LULL_OK);
	T_EQ_INT(lull_store_household_get(fx.st, fx.hh, &h), LULL_OK);
	T_EQ_STR(h.name, "Home");
	lull_household_free(&h);
	T_EQ_INT(lull_store_child_list(fx.st, fx.hh, &kv), LULL_OK);
	T_EQ_INT(kv.n, 0);
	lull_childv_free(&kv);
	T_EQ_INT(lull_store_caregiver_list(fx.st, fx.hh, &gv), LULL_OK);
	T_EQ_INT(gv.n, 0);
	lull_caregiverv_free(&gv);
	T_EQ_INT(nsleeps(0), 0);
	T_EQ_INT(nfeeds(0), 0);
	T_EQ_INT(lull_store_household_clear(fx.st, fx.hh + 1), LULL_ENOTFOUND);
	fx_close();
}

static void
test_restore_meta(void)
{
	struct lull_sleep s, got;
	struct lull_waking w;
	struct lull_child k, kgot;
	int64_t kid;

	T_CHECK(fx_family() == 0);
	/* A record with a creation time keeps its who-and-when. */
	mk_sleep(&s, fx.mia, at(10, 19, 0), at(11, 6, 0));
	s.meta.created_utc = at(10, 19, 5);
	s.meta.created_by = fx.ben;
	s.meta.updated_utc = at(11, 7, 0);
	s.meta.updated_by = fx.anna;
	s.meta.version = 4;
	mk_waking(&w, at(11, 2, 0), at(11, 2, 15));
	w.meta.created_utc = at(11, 2, 20);
	w.meta.created_by = fx.anna;
	w.meta.updated_utc = at(11, 2, 20);
	w.meta.updated_by = fx.anna;
	w.meta.version = 1;
	T_EQ_INT(lull_sleep_add_waking(&s, &w), LULL_OK);
	T_EQ_INT(lull_store_sleep_add(fx.st, &s, fx.tz, &fx.ben_now), LULL_OK);
	T_EQ_INT(lull_store_sleep_get(fx.st, s.id, &got), LULL_OK);
	T_EQ_INT(got.meta.created_utc, at(10, 19, 5));
	T_EQ_INT(got.meta.created_by, fx.ben);
	T_EQ_INT(got.meta.updated_utc, at(11, 7, 0));
	T_EQ_INT(got.meta.updated_by, fx.anna);
	T_EQ_INT(got.meta.version, 4);
	T_EQ_INT(got.nwakings, 1);
	if (got.nwakings == 1) {
		T_EQ_INT(got.wakings[0].meta.created_utc, at(11, 2, 20));
		T_EQ_INT(got.wakings[0].meta.created_by, fx.anna);
	}
	lull_sleep_free(&got);
	lull_sleep_free(&s);

	/* The same for a child; a restored author must exist. */
	lull_child_init(&k);
	k.household_id = fx.hh;
	k.name = W("Ida");
	k.born_day = lull_days_from_civil(2026, 1, 2);
	k.meta.created_utc = at(3, 8, 0);
	k.meta.created_by = 4040;
	T_EQ_INT(lull_store_child_add(fx.st, &k, fx.tz, &fx.anna_now, &kid),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "created_by");
	k.meta.created_by = fx.ben;
	T_EQ_INT(lull_store_child_add(fx.st, &k, fx.tz, &fx.anna_now, &kid),
	    LULL_OK);
	T_EQ_INT(lull_store_child_get(fx.st, kid, &kgot), LULL_OK);
	T_EQ_INT(kgot.meta.created_utc, at(3, 8, 0));
	T_EQ_INT(kgot.meta.created_by, fx.ben);
	/* Not updated since: the update fields follow the creation. */
	T_EQ_INT(kgot.meta.updated_utc, at(3, 8, 0));
	T_EQ_INT(kgot.meta.version, 1);
	lull_child_free(&kgot);
	fx_close();
}

static const struct t_case cases[] = {
	{ "open, migrate, reopen", test_open_migrate_reopen },
	{ "open errors and a newer database", test_open_errors },
	{ "household add/get/update", test_household_crud },
	{ "caregiver CRUD and duplicate names", test_caregiver_crud },
	{ "child CRUD and duplicate names", test_child_crud },
	{ "sleep with wakings round trip", test_sleep_roundtrip },
	{ "a night across midnight", test_night_across_midnight },
	{ "sleeps refused leave nothing", test_sleep_refused },
	{ "sleep ranges, ongoing, at", test_sleep_ranges },
	{ "sleep update and versions", test_sleep_update },
	{ "wakings add/update/delete", test_wakings },
	{ "deletes cascade", test_delete_cascades },
	{ "transactions and savepoints", test_transactions },
	{ "feeds", test_feeds },
	{ "tags", test_tags },
	{ "household clear", test_household_clear },
	{ "restore keeps meta", test_restore_meta },
};

T_MAIN(cases)
