/*
 * Plans in the store, against a real SQLite file in a temporary
 * directory: the migration to schema 2 (fresh and from a version-1
 * database), one active plan per child, a morning's state and history
 * entry written together or not at all, the history append-only and in
 * order, cascades, and plans in the JSON export and restore.
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
#include "lull/json.h"
#include "lull/model.h"
#include "lull/plan.h"
#include "lull/plan_json.h"
#include "lull/store.h"
#include "lull/tz.h"

#include "store/store_int.h"
#include "t.h"

/* Every migration compiled in has run. */
#define LAST_VERSION (store_migrations[store_nmigrations - 1].version)

struct fx {
	char dir[64];
	char path[128];
	struct lull_store *st;
	struct lull_tz *tz;
	struct lull_actor anna; /* Anna writing at NOW */
	int64_t hh, anna_id, ben_id, mia, leo;
};

static struct fx fx;

#define DAY(y, m, d) lull_days_from_civil(y, m, d)
#define NOW          ((int64_t)DAY(2026, 11, 22) * 86400 + 7 * 3600)
#define W(s)         ((char[]){ s })

/* Writable: records hold "char *"; the store only reads it. */
static char profile[] =
    "{\"today\":\"2026-11-22\",\"child\":{\"born\":\"2026-04-01\","
    "\"due\":\"2026-04-20\",\"feeding\":\"breast\",\"growth_concern\":false},"
    "\"sleep_space\":\"parents_room_cot\",\"associations\":[\"fed\"],"
    "\"goals\":[\"fewer_wakings\"]}";

static int
fx_open(void)
{
	struct lull_errinfo ei;
	char spec[160];

	memset(&fx, 0, sizeof(fx));
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/lull-test-plan-XXXXXX");
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
rm_db(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[200];
	size_t i;

	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", path, suffix[i]);
		unlink(p);
	}
}

static void
fx_close(void)
{
	lull_store_close(fx.st);
	fx.st = NULL;
	lull_tz_free(fx.tz);
	fx.tz = NULL;
	rm_db(fx.path);
	rmdir(fx.dir);
}

/* Household "Home", caregivers Anna and Ben, children Mia and Leo. */
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
	if (lull_store_caregiver_add(fx.st, &g, &boot, &fx.anna_id) != LULL_OK)
		return -1;
	g.name = W("Ben");
	if (lull_store_caregiver_add(fx.st, &g, &boot, &fx.ben_id) != LULL_OK)
		return -1;
	lull_child_init(&k);
	k.household_id = fx.hh;
	k.name = W("Mia");
	k.born_day = DAY(2026, 4, 1);
	k.due_day = DAY(2026, 4, 20);
	if (lull_store_child_add(fx.st, &k, fx.tz, &boot, &fx.mia) != LULL_OK)
		return -1;
	k.name = W("Leo");
	k.born_day = DAY(2025, 5, 10);
	k.due_day = LULL_NO_DAY;
	if (lull_store_child_add(fx.st, &k, fx.tz, &boot, &fx.leo) != LULL_OK)
		return -1;
	fx.anna.caregiver_id = fx.anna_id;
	fx.anna.now_utc = NOW;
	return 0;
}

/* A plan for "child" with method "m", started on "start". */
static void
mk_plan(struct lull_plan_record *p, int64_t child, enum lull_method m,
    int32_t start)
{
	lull_plan_record_init(p);
	p->child_id = child;
	p->profile_json = profile;
	p->method = m;
	p->state.started_day = start;
	p->state.step = 1;
	p->state.step_since_day = start;
}

/* Add a plan as Anna; its id or 0. */
static int64_t
add_plan(int64_t child, enum lull_method m, int32_t start)
{
	struct lull_plan_record p;

	mk_plan(&p, child, m, start);
	if (lull_store_plan_add(fx.st, &p, &fx.anna) != LULL_OK) {
		fprintf(stderr, "plan_add: %s\n", lull_store_error(fx.st)->msg);
		return 0;
	}
	return p.id;
}

static void
mk_event(struct lull_plan_event *ev, int32_t day, enum lull_verdict v, int from,
    int to, char *reason)
{
	lull_plan_event_init(ev);
	ev->day = day;
	ev->verdict = v;
	ev->step_from = from;
	ev->step_to = to;
	ev->evidence = LULL_EVIDENCE_CONVENTION;
	ev->reason = reason;
}

/* A count from the database itself, bypassing the store's functions. */
static long
count(const char *q)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long n = -1;

	if (sqlite3_open(fx.path, &db) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, q, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* Run "q" on the file directly; the SQLite result code. */
static int
raw(const char *q)
{
	sqlite3 *db;
	int rc;

	if (sqlite3_open(fx.path, &db) != SQLITE_OK)
		return -1;
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	rc = sqlite3_exec(db, q, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

static void
test_schema(void)
{
	T_CHECK(fx_open() == 0);
	T_EQ_INT(lull_store_schema_version(fx.st), LAST_VERSION);
	T_EQ_INT(count("SELECT count(*) FROM sqlite_master WHERE type = "
		       "'table' AND name IN ('plan', 'plan_event')"),
	    2);
	T_EQ_INT(count("SELECT count(*) FROM sqlite_master WHERE type = "
		       "'index' AND name = 'plan_one_active'"),
	    1);
	fx_close();
}

/* A journal written by a lull that knew only migration 1. */
static void
test_migrate_from_1(void)
{
	struct lull_plan_record p;
	struct lull_childv kids;
	struct lull_errinfo ei;
	sqlite3 *db;
	char sqlbuf[512];
	int64_t id;

	memset(&fx, 0, sizeof(fx));
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/lull-test-plan-XXXXXX");
	T_CHECK(mkdtemp(fx.dir) != NULL);
	snprintf(fx.path, sizeof(fx.path), "%s/old.db", fx.dir);
	T_CHECK(store_nmigrations >= 2);
	T_EQ_INT(store_migrations[0].version, 1);
	T_EQ_INT(sqlite3_open(fx.path, &db), SQLITE_OK);
	T_EQ_INT(sqlite3_exec(db,
		     "CREATE TABLE schema_version (version INTEGER PRIMARY "
		     "KEY, name TEXT NOT NULL, applied_utc INTEGER NOT NULL)",
		     NULL, NULL, NULL),
	    SQLITE_OK);
	T_EQ_INT(sqlite3_exec(db, store_migrations[0].sql, NULL, NULL, NULL),
	    SQLITE_OK);
	snprintf(sqlbuf, sizeof(sqlbuf),
	    "INSERT INTO schema_version VALUES (1, '0001_init', 0);"
	    "INSERT INTO household (name, tz, created_utc, updated_utc, "
	    "version) VALUES ('Old', 'UTC', 1, 1, 1);"
	    "INSERT INTO child (household_id, name, born_day, created_utc, "
	    "updated_utc, version) VALUES (1, 'Mia', %ld, 1, 1, 1);",
	    (long)DAY(2026, 4, 1));
	T_EQ_INT(sqlite3_exec(db, sqlbuf, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	T_EQ_INT(lull_store_open(&fx.st, fx.path, &ei), LULL_OK);
	T_EQ_INT(lull_store_schema_version(fx.st), LAST_VERSION);
	T_EQ_INT(count("SELECT count(*) FROM schema_version"),
	    (long long)store_nmigrations);
	/* The old journal is intact and takes plans. */
	T_EQ_INT(lull_store_child_list(fx.st, 1, &kids), LULL_OK);
	T_EQ_INT(kids.n, 1);
	id = kids.n == 1 ? kids.v[0].id : 0;
	lull_childv_free(&kids);
	fx.anna.now_utc = NOW;
	mk_plan(&p, id, LULL_M2, DAY(2026, 11, 22));
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &fx.anna), LULL_OK);
	T_CHECK(p.id > 0);
	fx.tz = NULL;
	fx_close();
}

static void
test_add_and_replace(void)
{
	struct lull_plan_record p, got;
	struct lull_plan_recordv all;
	int64_t a, b, l;

	T_CHECK(fx_family() == 0);
	T_EQ_INT(lull_store_plan_active(fx.st, fx.mia, &got), LULL_ENOTFOUND);
	T_EQ_STR(lull_store_error(fx.st)->field, "plan");

	mk_plan(&p, fx.mia, LULL_M2, DAY(2026, 11, 22));
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &fx.anna), LULL_OK);
	a = p.id;
	T_CHECK(a > 0);
	T_EQ_INT(p.meta.version, 1);
	T_EQ_INT(p.meta.created_by, fx.anna_id);
	T_EQ_INT(p.meta.created_utc, NOW);

	T_EQ_INT(lull_store_plan_active(fx.st, fx.mia, &got), LULL_OK);
	T_EQ_INT(got.id, a);
	T_EQ_INT(got.child_id, fx.mia);
	T_EQ_STR(got.profile_json, profile);
	T_EQ_INT(got.method, LULL_M2);
	T_EQ_INT(got.state.started_day, DAY(2026, 11, 22));
	T_EQ_INT(got.state.step, 1);
	T_EQ_INT(got.state.paused_since_day, LULL_NO_DAY);
	T_EQ_INT(got.active, 1);
	lull_plan_record_free(&got);

	/* Leo's plan is his own. */
	l = add_plan(fx.leo, LULL_M1, DAY(2026, 11, 20));
	T_CHECK(l > 0);

	/* A new plan for Mia replaces hers, in the same write. */
	fx.anna.now_utc = NOW + 3600;
	b = add_plan(fx.mia, LULL_M4, DAY(2026, 11, 23));
	T_CHECK(b > a);
	T_EQ_INT(lull_store_plan_active(fx.st, fx.mia, &got), LULL_OK);
	T_EQ_INT(got.id, b);
	T_EQ_INT(got.method, LULL_M4);
	lull_plan_record_free(&got);
	T_EQ_INT(lull_store_plan_get(fx.st, a, &got), LULL_OK);
	T_EQ_INT(got.active, 0);
	T_EQ_INT(got.meta.version, 2);
	T_EQ_INT(got.meta.updated_utc, NOW + 3600);
	lull_plan_record_free(&got);
	T_EQ_INT(lull_store_plan_active(fx.st, fx.leo, &got), LULL_OK);
	T_EQ_INT(got.id, l);
	lull_plan_record_free(&got);

	/* A past plan (a restore) is kept as such and replaces nothing. */
	mk_plan(&p, fx.mia, LULL_M5, DAY(2026, 10, 1));
	p.active = 0;
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &fx.anna), LULL_OK);
	T_EQ_INT(lull_store_plan_active(fx.st, fx.mia, &got), LULL_OK);
	T_EQ_INT(got.id, b);
	lull_plan_record_free(&got);

	T_EQ_INT(lull_store_plan_list(fx.st, fx.hh, &all), LULL_OK);
	T_EQ_INT(all.n, 4);
	if (all.n == 4) {
		T_EQ_INT(all.v[0].id, a);
		T_EQ_INT(all.v[1].id, l);
		T_EQ_INT(all.v[2].id, b);
		T_EQ_INT(all.v[3].method, LULL_M5);
	}
	lull_plan_recordv_free(&all);
	T_EQ_INT(count("SELECT count(*) FROM plan WHERE active = 1"), 2);

	/* The database holds the rule whoever writes. */
	T_CHECK(raw("UPDATE plan SET active = 1") != SQLITE_OK);
	T_EQ_INT(count("SELECT count(*) FROM plan WHERE active = 1"), 2);

	T_EQ_INT(lull_store_plan_get(fx.st, 999, &got), LULL_ENOTFOUND);
	T_EQ_INT(lull_store_plan_list(fx.st, 999, &all), LULL_ENOTFOUND);
	fx_close();
}

static void
test_add_refused(void)
{
	struct lull_plan_record p;
	struct lull_actor ghost;

	T_CHECK(fx_family() == 0);
	(void)add_plan(fx.mia, LULL_M2, DAY(2026, 11, 20));

	mk_plan(&p, fx.mia, LULL_M3, DAY(2026, 11, 22));
	p.profile_json = W("  ");
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &fx.anna), LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "profile");
	T_EQ_INT(p.id, 0);

	mk_plan(&p, fx.mia, LULL_M3, DAY(2026, 11, 22));
	p.state.step = 0;
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &fx.anna), LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "state.step");

	mk_plan(&p, fx.mia, LULL_M3, LULL_NO_DAY);
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &fx.anna), LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "state.started");

	mk_plan(&p, fx.mia, LULL_M3, DAY(2026, 11, 22));
	p.state.step_since_day = DAY(2026, 11, 1);
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &fx.anna), LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "state.step_since");

	mk_plan(&p, fx.mia, LULL_M3, DAY(2026, 11, 22));
	p.state.paused = 1;
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &fx.anna), LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "state.paused_since");

	mk_plan(&p, fx.mia, (enum lull_method)LULL_METHOD__MAX,
	    DAY(2026, 11, 22));
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &fx.anna), LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "method");

	mk_plan(&p, 999, LULL_M3, DAY(2026, 11, 22));
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &fx.anna), LULL_ENOTFOUND);
	T_EQ_STR(lull_store_error(fx.st)->field, "child");

	ghost = fx.anna;
	ghost.caregiver_id = 999;
	mk_plan(&p, fx.mia, LULL_M3, DAY(2026, 11, 22));
	T_EQ_INT(lull_store_plan_add(fx.st, &p, &ghost), LULL_ENOTFOUND);

	/* None of those touched the running plan. */
	T_EQ_INT(count("SELECT count(*) FROM plan"), 1);
	T_EQ_INT(count("SELECT count(*) FROM plan WHERE active = 1 AND "
		       "version = 1"),
	    1);
	fx_close();
}

static void
test_record(void)
{
	struct lull_plan_record p, got, stale;
	struct lull_plan_eventv evs;
	struct lull_plan_event ev;
	struct lull_decision d;
	struct lull_plan_state st;
	int64_t id;

	T_CHECK(fx_family() == 0);
	id = add_plan(fx.mia, LULL_M2, DAY(2026, 11, 20));
	T_EQ_INT(lull_store_plan_get(fx.st, id, &p), LULL_OK);
	stale = p;
	stale.profile_json = NULL;

	/* Morning of the 23rd: advance to step 2. */
	memset(&d, 0, sizeof(d));
	d.verdict = LULL_VERDICT_ADVANCE;
	d.step_from = 1;
	d.step_to = 2;
	d.evidence = LULL_EVIDENCE_CONVENTION;
	snprintf(d.reason, sizeof(d.reason), "3 calm nights on step 1");
	d.source = "R39";
	T_EQ_INT(lull_plan_event_from(&ev, 0, &d, DAY(2026, 11, 23), 0),
	    LULL_OK);
	p.state.step = 2;
	p.state.step_since_day = DAY(2026, 11, 23);
	fx.anna.now_utc = NOW + 86400;
	T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &fx.anna), LULL_OK);
	T_EQ_INT(p.meta.version, 2);
	T_EQ_INT(p.meta.updated_utc, NOW + 86400);
	T_CHECK(ev.id > 0);
	T_EQ_INT(ev.plan_id, id);
	T_EQ_INT(ev.meta.created_by, fx.anna_id);
	T_EQ_INT(ev.meta.version, 1);
	lull_plan_event_free(&ev);

	T_EQ_INT(lull_store_plan_get(fx.st, id, &got), LULL_OK);
	T_EQ_INT(got.state.step, 2);
	T_EQ_INT(got.state.step_since_day, DAY(2026, 11, 23));
	T_EQ_INT(got.meta.version, 2);
	/* The profile and method stay as stored. */
	T_EQ_STR(got.profile_json, profile);
	T_EQ_INT(got.method, LULL_M2);
	lull_plan_record_free(&got);

	/* A stale copy (version 1) refuses both the state and the event. */
	st = stale.state;
	stale.state.step = 3;
	mk_event(&ev, DAY(2026, 11, 23), LULL_VERDICT_ADVANCE, 2, 3,
	    W("from an old tab"));
	T_EQ_INT(lull_store_plan_record(fx.st, &stale, &ev, &fx.anna),
	    LULL_ECONFLICT);
	T_EQ_STR(lull_store_error(fx.st)->field, "version");
	T_EQ_INT(ev.id, 0);
	T_EQ_INT(stale.meta.version, 1);
	stale.state = st;

	/* A bad event refuses the state too. */
	p.state.step = 3;
	mk_event(&ev, DAY(2026, 11, 24), LULL_VERDICT_ADVANCE, 2, 3, W(""));
	T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &fx.anna), LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "reason");
	mk_event(&ev, LULL_NO_DAY, LULL_VERDICT_ADVANCE, 2, 3, W("why"));
	T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &fx.anna), LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "day");
	/* An event for another plan. */
	mk_event(&ev, DAY(2026, 11, 24), LULL_VERDICT_ADVANCE, 2, 3, W("why"));
	ev.plan_id = id + 100;
	T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &fx.anna), LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "plan_id");
	/* A bad state refuses the event. */
	p.state.step = LULL_PLAN_MAX_STEPS + 1;
	mk_event(&ev, DAY(2026, 11, 24), LULL_VERDICT_ADVANCE, 2, 3, W("why"));
	T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &fx.anna), LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "state.step");
	T_EQ_INT(p.meta.version, 2);

	T_EQ_INT(lull_store_plan_get(fx.st, id, &got), LULL_OK);
	T_EQ_INT(got.state.step, 2);
	T_EQ_INT(got.meta.version, 2);
	lull_plan_record_free(&got);
	T_EQ_INT(lull_store_plan_events(fx.st, id, &evs), LULL_OK);
	T_EQ_INT(evs.n, 1);
	if (evs.n == 1) {
		T_EQ_INT(evs.v[0].verdict, LULL_VERDICT_ADVANCE);
		T_EQ_INT(evs.v[0].day, DAY(2026, 11, 23));
		T_EQ_INT(evs.v[0].step_from, 1);
		T_EQ_INT(evs.v[0].step_to, 2);
		T_EQ_INT(evs.v[0].evidence, LULL_EVIDENCE_CONVENTION);
		T_EQ_INT(evs.v[0].by_parent, 0);
		T_EQ_STR(evs.v[0].reason, "3 calm nights on step 1");
		T_EQ_STR(evs.v[0].source, "R39");
	}
	lull_plan_eventv_free(&evs);

	/* A replaced plan's history is closed. */
	(void)add_plan(fx.mia, LULL_M4, DAY(2026, 11, 25));
	T_EQ_INT(lull_store_plan_get(fx.st, id, &got), LULL_OK);
	got.state.step = 3;
	mk_event(&ev, DAY(2026, 11, 26), LULL_VERDICT_ADVANCE, 2, 3, W("why"));
	T_EQ_INT(lull_store_plan_record(fx.st, &got, &ev, &fx.anna),
	    LULL_EINVAL);
	T_EQ_STR(lull_store_error(fx.st)->field, "active");
	lull_plan_record_free(&got);

	/* Ending a plan is a recorded morning too. */
	T_EQ_INT(lull_store_plan_active(fx.st, fx.mia, &got), LULL_OK);
	got.active = 0;
	mk_event(&ev, DAY(2026, 11, 26), LULL_VERDICT_DONE, 1, 1,
	    W("the goal is met"));
	T_EQ_INT(lull_store_plan_record(fx.st, &got, &ev, &fx.anna), LULL_OK);
	lull_plan_record_free(&got);
	T_EQ_INT(lull_store_plan_active(fx.st, fx.mia, &got), LULL_ENOTFOUND);

	T_EQ_INT(count("SELECT count(*) FROM plan_event"), 2);
	lull_plan_record_free(&p);
	fx_close();
}

static void
test_events_order_and_append_only(void)
{
	struct lull_plan_record p;
	struct lull_plan_eventv evs;
	struct lull_plan_event ev;
	enum lull_verdict v;
	enum lull_evidence e;
	char q[160];
	int64_t id;
	int i;

	T_CHECK(fx_family() == 0);
	id = add_plan(fx.mia, LULL_M2, DAY(2026, 11, 1));
	T_EQ_INT(lull_store_plan_get(fx.st, id, &p), LULL_OK);
	/* Every verdict and kind of evidence passes the schema's checks,
	 * so the names in plan.h and in 0002_plan.sql agree. */
	for (i = 0; i < LULL_VERDICT__MAX; i++) {
		v = (enum lull_verdict)i;
		e = (enum lull_evidence)(i % LULL_EVIDENCE__MAX);
		mk_event(&ev, DAY(2026, 11, 2 + i), v, 1, 1, W("a reason"));
		ev.evidence = e;
		ev.by_parent = i % 2;
		fx.anna.now_utc = NOW + i;
		T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &fx.anna),
		    LULL_OK);
	}
	for (i = 0; i < LULL_EVIDENCE__MAX; i++) {
		mk_event(&ev, DAY(2026, 11, 20), LULL_VERDICT_HOLD, 1, 1,
		    W("more evidence"));
		ev.evidence = (enum lull_evidence)i;
		T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &fx.anna),
		    LULL_OK);
	}
	T_EQ_INT(lull_store_plan_events(fx.st, id, &evs), LULL_OK);
	T_EQ_INT(evs.n, LULL_VERDICT__MAX + LULL_EVIDENCE__MAX);
	for (i = 0; i < LULL_VERDICT__MAX && (size_t)i < evs.n; i++) {
		T_EQ_INT(evs.v[i].verdict, i);
		T_EQ_INT(evs.v[i].by_parent, i % 2);
		T_EQ_INT(evs.v[i].day, DAY(2026, 11, 2 + i));
		if (i > 0)
			T_CHECK(evs.v[i].id > evs.v[i - 1].id);
	}
	T_CHECK(evs.v[0].source == NULL);
	lull_plan_eventv_free(&evs);
	T_EQ_INT(lull_store_plan_events(fx.st, 999, &evs), LULL_ENOTFOUND);

	/* A restored event keeps who logged it and when. */
	mk_event(&ev, DAY(2026, 11, 21), LULL_VERDICT_PAUSE, 1, 1,
	    W("ill: fever"));
	ev.plan_id = id;
	ev.by_parent = 1;
	ev.meta.created_utc = NOW - 5000;
	ev.meta.created_by = fx.ben_id;
	T_EQ_INT(lull_store_plan_event_add(fx.st, &ev, &fx.anna), LULL_OK);
	T_CHECK(ev.id > 0);
	T_EQ_INT(ev.meta.created_by, fx.ben_id);
	T_EQ_INT(ev.meta.updated_utc, NOW - 5000);
	T_EQ_INT(lull_store_plan_events(fx.st, id, &evs), LULL_OK);
	T_CHECK(evs.n > 0 && evs.v[evs.n - 1].id == ev.id &&
	    evs.v[evs.n - 1].meta.created_by == fx.ben_id);
	lull_plan_eventv_free(&evs);
	ev.plan_id = 999;
	T_EQ_INT(lull_store_plan_event_add(fx.st, &ev, &fx.anna),
	    LULL_ENOTFOUND);
	T_EQ_STR(lull_store_error(fx.st)->field, "plan_id");

	/* The history cannot be rewritten behind the store's back. */
	snprintf(q, sizeof(q),
	    "UPDATE plan_event SET reason = 'x' WHERE "
	    "plan_id = %lld",
	    (long long)id);
	T_CHECK(raw(q) != SQLITE_OK);
	snprintf(q, sizeof(q), "DELETE FROM plan_event WHERE plan_id = %lld",
	    (long long)id);
	T_CHECK(raw(q) != SQLITE_OK);
	T_EQ_INT(count("SELECT count(*) FROM plan_event"),
	    LULL_VERDICT__MAX + LULL_EVIDENCE__MAX + 1);
	/* A caregiver who leaves only becomes anonymous. */
	T_EQ_INT(lull_store_caregiver_delete(fx.st, fx.ben_id), LULL_OK);
	T_EQ_INT(count("SELECT count(*) FROM plan_event "
		       "WHERE created_by IS NULL"),
	    1);
	lull_plan_record_free(&p);
	fx_close();
}

static void
test_cascades(void)
{
	struct lull_plan_record p;
	struct lull_plan_event ev;
	int64_t a, l;

	T_CHECK(fx_family() == 0);
	a = add_plan(fx.mia, LULL_M2, DAY(2026, 11, 1));
	l = add_plan(fx.leo, LULL_M1, DAY(2026, 11, 1));
	T_EQ_INT(lull_store_plan_get(fx.st, a, &p), LULL_OK);
	mk_event(&ev, DAY(2026, 11, 5), LULL_VERDICT_HOLD, 1, 1, W("hold"));
	T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &fx.anna), LULL_OK);
	lull_plan_record_free(&p);
	T_EQ_INT(lull_store_plan_get(fx.st, l, &p), LULL_OK);
	mk_event(&ev, DAY(2026, 11, 5), LULL_VERDICT_HOLD, 1, 1, W("hold"));
	T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &fx.anna), LULL_OK);
	lull_plan_record_free(&p);

	/* Deleting Mia deletes her plan and its history, not Leo's. */
	T_EQ_INT(lull_store_child_delete(fx.st, fx.mia), LULL_OK);
	T_EQ_INT(count("SELECT count(*) FROM plan"), 1);
	T_EQ_INT(count("SELECT count(*) FROM plan_event"), 1);
	T_EQ_INT(lull_store_plan_get(fx.st, a, &p), LULL_ENOTFOUND);

	/* Clearing the household clears the rest. */
	T_EQ_INT(lull_store_household_clear(fx.st, fx.hh), LULL_OK);
	T_EQ_INT(count("SELECT count(*) FROM plan"), 0);
	T_EQ_INT(count("SELECT count(*) FROM plan_event"), 0);
	fx_close();
}

static void
test_in_transaction(void)
{
	struct lull_plan_record got;

	T_CHECK(fx_family() == 0);
	(void)add_plan(fx.mia, LULL_M2, DAY(2026, 11, 1));
	T_EQ_INT(lull_store_begin(fx.st), LULL_OK);
	(void)add_plan(fx.mia, LULL_M4, DAY(2026, 11, 2));
	lull_store_rollback(fx.st);
	/* The replace was undone as a whole: the old plan still runs. */
	T_EQ_INT(lull_store_plan_active(fx.st, fx.mia, &got), LULL_OK);
	T_EQ_INT(got.method, LULL_M2);
	T_EQ_INT(got.meta.version, 1);
	lull_plan_record_free(&got);
	T_EQ_INT(count("SELECT count(*) FROM plan"), 1);
	fx_close();
}

/* Mia's plans and history, for the export. */
static void
add_history(void)
{
	struct lull_plan_record p;
	struct lull_plan_event ev;
	struct lull_actor ben = { 0, NOW };
	int64_t a;

	ben.caregiver_id = fx.ben_id;
	a = add_plan(fx.mia, LULL_M2, DAY(2026, 11, 1));
	T_EQ_INT(lull_store_plan_get(fx.st, a, &p), LULL_OK);
	p.state.step = 2;
	p.state.step_since_day = DAY(2026, 11, 4);
	mk_event(&ev, DAY(2026, 11, 4), LULL_VERDICT_ADVANCE, 1, 2,
	    W("3 calm nights"));
	ev.source = W("R39");
	T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &ben), LULL_OK);
	p.state.paused = 1;
	p.state.paused_since_day = DAY(2026, 11, 6);
	p.state.pause_by_parent = 1;
	p.state.slow = 1;
	mk_event(&ev, DAY(2026, 11, 6), LULL_VERDICT_PAUSE, 2, 2,
	    W("Paused by you. Your note: \"teething\""));
	ev.by_parent = 1;
	T_EQ_INT(lull_store_plan_record(fx.st, &p, &ev, &fx.anna), LULL_OK);
	lull_plan_record_free(&p);
	/* A newer plan replaces it; Leo has none. */
	(void)add_plan(fx.mia, LULL_M4, DAY(2026, 11, 10));
}

static char *
export_now(void)
{
	struct lull_errinfo ei;
	char *out = NULL;

	if (lull_export_json(fx.st, fx.hh, fx.anna_id, fx.tz, NOW, &out,
		&ei) != LULL_OK)
		fprintf(stderr, "export: %s\n", ei.msg);
	return out;
}

static void
test_export_restore(void)
{
	struct lull_restore_stats stats;
	struct lull_store *b = NULL;
	struct lull_errinfo ei;
	json_error_t jerr;
	json_t *doc, *pl, *p0;
	/*
	 * A fresh journal has nobody in it yet to write as; the household
	 * a restore creates is stamped now, so "now" is when the first one
	 * was made.
	 */
	struct lull_actor nobody = { 0, NOW - 86400 };
	char spec[200], *one, *two = NULL;
	int64_t hh;

	T_CHECK(fx_family() == 0);
	hh = fx.hh;
	add_history();
	one = export_now();
	T_CHECK(one != NULL);
	if (one == NULL) {
		fx_close();
		return;
	}
	doc = json_loads(one, 0, &jerr);
	pl = json_object_get(doc, "plans");
	T_EQ_INT(json_array_size(pl), 2);
	p0 = json_array_get(pl, 0);
	T_EQ_STR(json_string_value(json_object_get(p0, "child")), "Mia");
	T_EQ_STR(json_string_value(json_object_get(p0, "method")), "M2");
	T_CHECK(json_is_false(json_object_get(p0, "active")));
	T_CHECK(json_is_object(json_object_get(p0, "profile")));
	T_EQ_STR(json_string_value(json_object_get(
		     json_object_get(json_object_get(p0, "profile"), "child"),
		     "born")),
	    "2026-04-01");
	T_EQ_STR(json_string_value(json_object_get(json_object_get(p0, "state"),
		     "paused_since")),
	    "2026-11-06");
	T_EQ_INT(json_array_size(json_object_get(p0, "events")), 2);
	T_EQ_STR(json_string_value(json_object_get(
		     json_array_get(json_object_get(p0, "events"), 0),
		     "logged_by")),
	    "Ben");
	T_CHECK(json_is_true(json_object_get(json_array_get(pl, 1), "active")));
	json_decref(doc);

	/* Into a fresh journal, and out again: the same bytes. */
	snprintf(spec, sizeof(spec), "%s/b.db", fx.dir);
	T_EQ_INT(lull_store_open(&b, spec, &ei), LULL_OK);
	T_EQ_INT(lull_restore_json(b, one, strlen(one), "backup.json", 0,
		     &nobody, &stats, &ei),
	    LULL_OK);
	if (b != NULL) {
		struct lull_store *a = fx.st;
		struct lull_household h;

		fx.st = b;
		T_EQ_INT(lull_store_household_get(b, 0, &h), LULL_OK);
		fx.hh = h.id;
		lull_household_free(&h);
		two = export_now();
		fx.st = a;
		fx.hh = hh;
	}
	T_CHECK(two != NULL && strcmp(one, two) == 0);
	free(two);
	lull_store_close(b);
	rm_db(spec);
	free(one);
	fx_close();
}

/* Restore "doc_text" with plans[0].<path> set to "value" (taken). */
static enum lull_err
restore_patched(const char *doc_text, const char *path, json_t *value,
    struct lull_errinfo *ei)
{
	struct lull_actor nobody = { 0, NOW };
	struct lull_restore_stats stats;
	struct lull_store *b = NULL;
	json_error_t jerr;
	json_t *doc, *o;
	char spec[200], *text, *key;
	char buf[128];
	enum lull_err rc;

	doc = json_loads(doc_text, 0, &jerr);
	o = json_array_get(json_object_get(doc, "plans"), 0);
	snprintf(buf, sizeof(buf), "%s", path);
	/* "a.b.c": walk to the object holding "c". */
	for (key = buf; strchr(key, '.') != NULL;) {
		char *dot = strchr(key, '.');

		*dot = '\0';
		o = json_object_get(o, key);
		key = dot + 1;
	}
	json_object_set_new(o, key, value);
	text = json_dumps(doc, 0);
	json_decref(doc);
	snprintf(spec, sizeof(spec), "%s/c.db", fx.dir);
	rm_db(spec);
	rc = lull_store_open(&b, spec, ei);
	if (rc == LULL_OK)
		rc = lull_restore_json(b, text, strlen(text), "backup.json", 0,
		    &nobody, &stats, ei);
	lull_store_close(b);
	rm_db(spec);
	free(text);
	return rc;
}

static void
test_restore_errors(void)
{
	struct lull_errinfo ei;
	char *one;

	T_CHECK(fx_family() == 0);
	add_history();
	one = export_now();
	if (one == NULL) {
		fx_close();
		return;
	}
	T_EQ_INT(restore_patched(one, "profile.child.weight", json_integer(7),
		     &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg,
		    "backup.json: plans[0].profile: child.weight: unknown") !=
	    NULL);
	T_EQ_STR(ei.field, "child.weight");

	T_EQ_INT(restore_patched(one, "method", json_string("M42"), &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "plans[0].method") != NULL);

	T_EQ_INT(restore_patched(one, "state.step", json_integer(0), &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "plans[0].state.step") != NULL);

	T_EQ_INT(restore_patched(one, "child", json_string("Zoe"), &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "plans[0].child") != NULL);

	T_EQ_INT(restore_patched(one, "events",
		     json_pack("[{s:s, s:s, s:i, s:i, s:s, s:s}]", "day",
			 "2026-11-04", "verdict", "leap", "step_from", 1,
			 "step_to", 2, "evidence", "trial", "reason", "x"),
		     &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "plans[0].events[0].verdict") != NULL);
	free(one);
	fx_close();
}

static const struct t_case cases[] = {
	{ "a fresh journal is at schema 2", test_schema },
	{ "a version-1 journal migrates", test_migrate_from_1 },
	{ "add, active, replace the active plan", test_add_and_replace },
	{ "plans refused leave nothing", test_add_refused },
	{ "state and event together or not at all", test_record },
	{ "history: order, every name, append-only",
	    test_events_order_and_append_only },
	{ "deleting a child or clearing deletes plans", test_cascades },
	{ "a replace inside a rolled-back transaction", test_in_transaction },
	{ "plans in the export restore exactly", test_export_restore },
	{ "restore errors name the plan field", test_restore_errors },
};

T_MAIN(cases)
