/*
 * A child's running plan between the store and the engine (plan_run.h),
 * against a real SQLite file: starting refuses a profile of another
 * child, a red flag starts paused, loading rebuilds the ladder as it
 * started (and says when there is no plan, or its profile no longer
 * reads), a suggestion writes nothing, a decision is recorded once and
 * found again, three calm nights advance, the parent's moves are kept
 * with their notes, and a stale handle changes nothing.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/model.h"
#include "lull/plan.h"
#include "lull/plan_run.h"
#include "lull/store.h"
#include "lull/tz.h"

#include "t.h"

#define DAY(y, m, d) lull_days_from_civil(y, m, d)
/* 07:30 UTC on 22 Nov 2026, a morning. */
#define NOW ((int64_t)DAY(2026, 11, 22) * 86400 + 7 * 3600 + 1800)
#define W(s) ((char[]){ s })

static struct {
	char dir[64];
	char path[128];
	struct lull_store *st;
	struct lull_tz *tz;
	struct lull_actor anna;
	int64_t hh;
	struct lull_child mia; /* born 2026-04-01, due 2026-04-20 */
} fx;

static char mia_name[] = "Mia"; /* outlives fx_open() */

static int
fx_open(void)
{
	struct lull_actor boot = { 0, NOW - 86400 };
	struct lull_household h = { 0 };
	struct lull_caregiver g = { 0 };
	struct lull_errinfo ei;
	char spec[160];

	memset(&fx, 0, sizeof(fx));
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/lull-test-run-XXXXXX");
	if (mkdtemp(fx.dir) == NULL)
		return -1;
	snprintf(fx.path, sizeof(fx.path), "%s/journal.db", fx.dir);
	snprintf(spec, sizeof(spec), "sqlite:%s", fx.path);
	if (lull_store_open(&fx.st, spec, &ei) != LULL_OK ||
	    lull_tz_utc(&fx.tz) != LULL_OK) {
		fprintf(stderr, "open: %s\n", ei.msg);
		return -1;
	}
	h.name = W("Home");
	h.tz = W("UTC");
	if (lull_store_household_add(fx.st, &h, &boot, &fx.hh) != LULL_OK)
		return -1;
	g.household_id = fx.hh;
	g.name = W("Anna");
	if (lull_store_caregiver_add(fx.st, &g, &boot,
		&fx.anna.caregiver_id) != LULL_OK)
		return -1;
	fx.anna.now_utc = NOW;
	lull_child_init(&fx.mia);
	fx.mia.household_id = fx.hh;
	fx.mia.name = mia_name;
	fx.mia.born_day = DAY(2026, 4, 1);
	fx.mia.due_day = DAY(2026, 4, 20);
	if (lull_store_child_add(fx.st, &fx.mia, fx.tz, &boot, &fx.mia.id) !=
	    LULL_OK)
		return -1;
	return 0;
}

static void
fx_close(void)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[200];
	size_t i;

	lull_store_close(fx.st);
	lull_tz_free(fx.tz);
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", fx.path, suffix[i]);
		unlink(p);
	}
	rmdir(fx.dir);
}

/* Mia's profile: fed and rocked to sleep, less help wanted. */
static void
profile(struct lull_profile *p)
{
	lull_profile_init(p);
	p->today = DAY(2026, 11, 22);
	p->born_day = DAY(2026, 4, 1);
	p->due_day = DAY(2026, 4, 20);
	p->assoc = 1u << LULL_ASSOC_FED | 1u << LULL_ASSOC_ROCKED;
	p->goals = 1u << LULL_GOAL_LESS_HELP | 1u << LULL_GOAL_FEWER_WAKINGS;
	p->main_goal = LULL_GOAL_LESS_HELP;
}

static enum lull_err
start(struct lull_profile *p, struct lull_plan_record *rec,
    struct lull_errinfo *ei)
{
	struct lull_plan plan;

	return lull_plan_run_start(fx.st, fx.tz, &fx.mia, p, &fx.anna, rec,
	    &plan, ei);
}

/* A calm night from 19:30 on "day" to 06:40. */
static void
calm_night(int32_t day)
{
	struct lull_actor morning = fx.anna;
	struct lull_sleep s;

	lull_sleep_init(&s);
	s.child_id = fx.mia.id;
	s.start_utc = (int64_t)day * 86400 + 19 * 3600 + 1800;
	s.end_utc = (int64_t)(day + 1) * 86400 + 6 * 3600 + 2400;
	s.latency_min = 12;
	s.crying_min = 1;
	/* Logged the morning after. */
	morning.now_utc = s.end_utc + 3600;
	T_CHECK(lull_store_sleep_add(fx.st, &s, fx.tz, &morning) == LULL_OK);
	lull_sleep_free(&s);
}

static size_t
nevents(int64_t plan_id)
{
	struct lull_plan_eventv v = { 0 };
	size_t n;

	T_CHECK(lull_store_plan_events(fx.st, plan_id, &v) == LULL_OK);
	n = v.n;
	lull_plan_eventv_free(&v);
	return n;
}

static void
test_start_checks_the_child(void)
{
	struct lull_plan_record rec;
	struct lull_errinfo ei;
	struct lull_profile p;

	if (fx_open() != 0) {
		T_CHECK(0);
		return;
	}
	lull_plan_record_init(&rec);
	profile(&p);
	p.born_day = DAY(2026, 4, 2);
	T_EQ_INT(start(&p, &rec, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "child.born");
	T_CHECK(strstr(ei.msg, "2026-04-01") != NULL);
	profile(&p);
	p.due_day = LULL_NO_DAY;
	T_EQ_INT(start(&p, &rec, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "child.due");
	profile(&p);
	T_EQ_INT(start(&p, &rec, &ei), LULL_OK);
	T_CHECK(rec.id > 0);
	T_CHECK(rec.active);
	T_EQ_INT(rec.state.step, 1);
	T_EQ_INT(rec.state.started_day, DAY(2026, 11, 22));
	T_EQ_INT(rec.state.paused, 0);
	T_CHECK(rec.profile_json != NULL);
	lull_plan_record_free(&rec);
	fx_close();
}

static void
test_red_flag_starts_paused(void)
{
	struct lull_plan_record rec;
	struct lull_errinfo ei;
	struct lull_profile p;

	if (fx_open() != 0) {
		T_CHECK(0);
		return;
	}
	lull_plan_record_init(&rec);
	profile(&p);
	p.health = 1u << LULL_HEALTH_FEVER;
	T_EQ_INT(start(&p, &rec, &ei), LULL_OK);
	T_EQ_INT(rec.state.paused, 1);
	T_EQ_INT(rec.state.paused_since_day, DAY(2026, 11, 22));
	lull_plan_record_free(&rec);
	fx_close();
}

static void
test_load(void)
{
	struct lull_plan_record rec;
	struct lull_plan_run r;
	struct lull_errinfo ei;
	struct lull_profile p;

	if (fx_open() != 0) {
		T_CHECK(0);
		return;
	}
	lull_plan_run_init(&r);
	lull_plan_record_init(&rec);
	T_EQ_INT(lull_plan_run_load(fx.st, fx.tz, &fx.mia, NOW, &r, &ei),
	    LULL_ENOTFOUND);
	T_EQ_STR(ei.field, "plan");
	T_EQ_STR(r.child.name, "Mia");
	profile(&p);
	T_EQ_INT(start(&p, &rec, &ei), LULL_OK);
	/* A week later: the ladder is the one it started with, the age
	 * is today's. */
	T_EQ_INT(lull_plan_run_load(fx.st, fx.tz, &fx.mia, NOW + 7 * 86400,
		     &r, &ei),
	    LULL_OK);
	T_EQ_INT(r.plan.method, rec.method);
	T_EQ_INT(r.chosen_method, LULL_METHOD_NONE);
	T_EQ_INT(r.profile.today, DAY(2026, 11, 22));
	T_EQ_INT(r.today, DAY(2026, 11, 29));
	T_EQ_INT(r.plan.age_days,
	    lull_child_age_days(&fx.mia, DAY(2026, 11, 29), NULL));
	T_CHECK(r.plan.nsteps > 0);
	T_EQ_INT(r.rec.id, rec.id);
	/* Loading again into the same run frees what it held. */
	T_EQ_INT(lull_plan_run_load(fx.st, fx.tz, &fx.mia, NOW, &r, &ei),
	    LULL_OK);
	lull_plan_run_free(&r);
	lull_plan_run_free(&r);
	lull_plan_record_free(&rec);
	fx_close();
}

static void
test_load_unreadable_profile(void)
{
	struct lull_plan_record rec;
	struct lull_plan_run r;
	struct lull_errinfo ei;
	struct lull_profile p;
	sqlite3 *db;

	if (fx_open() != 0) {
		T_CHECK(0);
		return;
	}
	lull_plan_run_init(&r);
	lull_plan_record_init(&rec);
	profile(&p);
	T_EQ_INT(start(&p, &rec, &ei), LULL_OK);
	T_CHECK(sqlite3_open(fx.path, &db) == SQLITE_OK);
	T_CHECK(sqlite3_exec(db, "UPDATE plan SET profile_json = '{\"x\":1}'",
		    NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	T_EQ_INT(lull_plan_run_load(fx.st, fx.tz, &fx.mia, NOW, &r, &ei),
	    LULL_ESTORE);
	T_CHECK(strstr(ei.msg, "stored profile") != NULL);
	lull_plan_run_free(&r);
	lull_plan_record_free(&rec);
	fx_close();
}

static void
test_suggest_then_decide(void)
{
	struct lull_plan_record rec;
	struct lull_plan_event ev;
	struct lull_decision d, d2;
	struct lull_plan_run r;
	struct lull_errinfo ei;
	struct lull_profile p;
	int found;

	if (fx_open() != 0) {
		T_CHECK(0);
		return;
	}
	lull_plan_run_init(&r);
	lull_plan_record_init(&rec);
	lull_plan_event_init(&ev);
	profile(&p);
	T_EQ_INT(start(&p, &rec, &ei), LULL_OK);

	/* Three calm nights, then the morning after. */
	calm_night(DAY(2026, 11, 22));
	calm_night(DAY(2026, 11, 23));
	calm_night(DAY(2026, 11, 24));
	T_EQ_INT(lull_plan_run_load(fx.st, fx.tz, &fx.mia, NOW + 3 * 86400,
		     &r, &ei),
	    LULL_OK);
	T_EQ_INT(lull_plan_run_decided(fx.st, &r, &ev, &found, &ei), LULL_OK);
	T_EQ_INT(found, 0);
	T_EQ_INT(lull_plan_run_suggest(fx.st, fx.hh, fx.tz, &r, &d, &ei),
	    LULL_OK);
	T_EQ_INT(d.verdict, LULL_VERDICT_ADVANCE);
	T_EQ_INT(d.step_to, 2);
	/* A suggestion writes nothing. */
	T_EQ_INT(nevents(rec.id), 0);
	T_EQ_INT(r.rec.state.step, 1);

	fx.anna.now_utc = NOW + 3 * 86400;
	T_EQ_INT(lull_plan_run_decide(fx.st, fx.hh, fx.tz, &r, &fx.anna, &d2,
		     &ei),
	    LULL_OK);
	T_EQ_INT(d2.verdict, d.verdict);
	T_EQ_STR(d2.reason, d.reason);
	T_EQ_INT(r.rec.state.step, 2);
	T_EQ_INT(nevents(rec.id), 1);
	T_EQ_INT(lull_plan_run_decided(fx.st, &r, &ev, &found, &ei), LULL_OK);
	T_EQ_INT(found, 1);
	T_EQ_INT(ev.verdict, LULL_VERDICT_ADVANCE);
	T_EQ_INT(ev.by_parent, 0);
	T_EQ_INT(ev.meta.created_by, fx.anna.caregiver_id);

	/* Loaded again, the plan stands on step 2. */
	T_EQ_INT(lull_plan_run_load(fx.st, fx.tz, &fx.mia, NOW + 3 * 86400,
		     &r, &ei),
	    LULL_OK);
	T_EQ_INT(r.rec.state.step, 2);
	lull_plan_event_free(&ev);
	lull_plan_run_free(&r);
	lull_plan_record_free(&rec);
	fx_close();
}

static void
test_parent_moves(void)
{
	struct lull_plan_record rec;
	struct lull_plan_eventv v = { 0 };
	struct lull_decision d;
	struct lull_plan_run r, other;
	struct lull_errinfo ei;
	struct lull_profile p;

	if (fx_open() != 0) {
		T_CHECK(0);
		return;
	}
	lull_plan_run_init(&r);
	lull_plan_run_init(&other);
	lull_plan_record_init(&rec);
	profile(&p);
	T_EQ_INT(start(&p, &rec, &ei), LULL_OK);
	T_EQ_INT(lull_plan_run_load(fx.st, fx.tz, &fx.mia, NOW, &r, &ei),
	    LULL_OK);
	T_EQ_INT(lull_plan_run_load(fx.st, fx.tz, &fx.mia, NOW, &other, &ei),
	    LULL_OK);

	T_EQ_INT(lull_plan_run_parent(fx.st, &r, LULL_VERDICT_STEP_BACK, 0,
		     NULL, &fx.anna, &d, &ei),
	    LULL_EINVAL);
	T_EQ_INT(r.rec.state.step, 1);
	T_EQ_INT(lull_plan_run_parent(fx.st, &r, LULL_VERDICT_PAUSE, 0,
		     "a cold", &fx.anna, &d, &ei),
	    LULL_OK);
	T_EQ_INT(r.rec.state.paused, 1);
	T_CHECK(strstr(d.reason, "a cold") != NULL);
	/* Pausing twice is refused, and the state stays. */
	T_CHECK(lull_plan_run_parent(fx.st, &r, LULL_VERDICT_PAUSE, 0, NULL,
		    &fx.anna, &d, &ei) != LULL_OK);
	T_EQ_INT(r.rec.state.paused, 1);
	T_EQ_INT(lull_plan_run_parent(fx.st, &r, LULL_VERDICT_SLOW, 0, NULL,
		     &fx.anna, &d, &ei),
	    LULL_OK);
	T_EQ_INT(r.rec.state.slow, 1);

	/* A handle loaded before those moves is stale: nothing changes,
	 * its state is as it was. */
	T_EQ_INT(lull_plan_run_parent(fx.st, &other, LULL_VERDICT_PAUSE, 0,
		     NULL, &fx.anna, &d, &ei),
	    LULL_ECONFLICT);
	T_EQ_STR(ei.field, "version");
	T_EQ_INT(other.rec.state.paused, 0);

	T_EQ_INT(lull_store_plan_events(fx.st, rec.id, &v), LULL_OK);
	T_EQ_INT(v.n, 2);
	if (v.n == 2) {
		T_EQ_INT(v.v[0].verdict, LULL_VERDICT_PAUSE);
		T_EQ_INT(v.v[0].by_parent, 1);
		T_EQ_INT(v.v[1].verdict, LULL_VERDICT_SLOW);
	}
	lull_plan_eventv_free(&v);
	lull_plan_run_free(&other);
	lull_plan_run_free(&r);
	lull_plan_record_free(&rec);
	fx_close();
}

static void
test_nights(void)
{
	struct lull_night *n = NULL;
	struct lull_errinfo ei;
	size_t k = 99;

	if (fx_open() != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(lull_plan_run_nights(fx.st, fx.hh, fx.tz, fx.mia.id,
		     DAY(2026, 11, 22), DAY(2026, 11, 21), &n, &k, &ei),
	    LULL_OK);
	T_CHECK(n == NULL);
	T_EQ_INT(k, 0);
	calm_night(DAY(2026, 11, 20));
	T_EQ_INT(lull_plan_run_nights(fx.st, fx.hh, fx.tz, fx.mia.id,
		     DAY(2026, 11, 19), DAY(2026, 11, 21), &n, &k, &ei),
	    LULL_OK);
	T_EQ_INT(k, 3);
	if (n != NULL && k == 3) {
		T_EQ_INT(n[0].logged, 0);
		T_EQ_INT(n[1].logged, 1);
		T_EQ_INT(n[1].day, DAY(2026, 11, 20));
		T_EQ_INT(n[1].latency_min, 12);
		T_EQ_INT(n[2].logged, 0);
	}
	free(n);
	fx_close();
}

static const struct t_case cases[] = {
	{ "start checks the child's dates", test_start_checks_the_child },
	{ "a red flag starts paused", test_red_flag_starts_paused },
	{ "load rebuilds the plan as it started", test_load },
	{ "an unreadable stored profile", test_load_unreadable_profile },
	{ "suggest writes nothing, decide records once",
	    test_suggest_then_decide },
	{ "the parent's moves and a stale handle", test_parent_moves },
	{ "nights from the journal", test_nights },
};

T_MAIN(cases)
