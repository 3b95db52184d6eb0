/*
 * Who carried the nights: wakings, minutes, bedtimes and early mornings
 * per adult and per week, on hand-built nights with exact figures.
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/fairshare.h"
#include "lull/stats.h"
#include "lull/tzload.h"
#include "t.h"

#define ANNA 1
#define BEN  2

static struct lull_tz *zone;
static int32_t base;

static int64_t
T(int d, int hh, int mm)
{
	int64_t utc;

	(void)lull_tz_resolve(zone, base + d, hh * 3600 + mm * 60,
	    LULL_FOLD_EARLIER, &utc);
	return utc;
}

static struct lull_sleep *
night(struct lull_sleepv *v, int d, int wake_h, int wake_m, int64_t settled)
{
	struct lull_sleep s;

	lull_sleep_init(&s);
	s.id = (int64_t)v->n + 1;
	s.child_id = 1;
	s.start_utc = T(d, 19, 30);
	s.end_utc = T(d + 1, wake_h, wake_m);
	s.kind = LULL_SLEEP_NIGHT;
	s.kind_given = 1;
	s.settled_by = settled;
	if (lull_sleepv_push(v, &s) != LULL_OK)
		abort();
	return &v->v[v->n - 1];
}

static void
wake(struct lull_sleep *s, int64_t a, int64_t b, int64_t by)
{
	struct lull_waking w;

	lull_waking_init(&w);
	w.sleep_id = s->id;
	w.start_utc = a;
	w.end_utc = b;
	w.response = LULL_RESP_HOLD;
	w.caregiver_id = by;
	if (lull_sleep_add_waking(s, &w) != LULL_OK)
		abort();
}

static int
compute(const struct lull_sleepv *sv, int from, int to,
    struct lull_fairshare *fs)
{
	static struct lull_day_stats d[128];
	struct lull_stats_in in;
	struct lull_errinfo ei;
	struct lull_child c;

	lull_child_init(&c);
	c.id = 1;
	c.born_day = base - 200;
	memset(&in, 0, sizeof(in));
	in.tz = zone;
	in.child = &c;
	in.sleeps = sv;
	in.now_utc = T(to + 1, 12, 0);
	if (lull_stats_days(&in, base + from, base + to, d, &ei) != LULL_OK)
		return -1;
	return lull_fairshare(d, (size_t)(to - from + 1), sv, fs, &ei) ==
		LULL_OK ? 0 : -1;
}

/*
 * Nine nights (days 0..8).  Anna answers the 23:00 waking every night
 * (15 min), Ben the 03:00 one (20 min) on days 0-6, nobody is recorded
 * at 03:00 on days 7-8.  Ben settles every bedtime but day 8's (Anna).
 * Early mornings: day 2 ends 05:30 after Ben's waking at 05:00 (his);
 * day 5 ends 05:45 with no waking near it (not recorded); day 8 ends
 * 06:00 sharp (not early).
 */
static void
test_two_weeks(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_fairshare fs;
	const struct lull_fair_adult *a, *b, *u;
	struct lull_sleep *s;
	int d;

	for (d = 0; d < 9; d++) {
		int h = d == 2 || d == 5 ? 5 : d == 8 ? 6 : 6;
		int m = d == 2 ? 30 : d == 5 ? 45 : d == 8 ? 0 : 45;

		s = night(&sv, d, h, m, d == 8 ? ANNA : BEN);
		wake(s, T(d, 23, 0), T(d, 23, 15), ANNA);
		wake(s, T(d + 1, 3, 0), T(d + 1, 3, 20), d < 7 ? BEN : 0);
		if (d == 2)
			wake(s, T(d + 1, 5, 0), T(d + 1, 5, 10), BEN);
	}
	T_EQ_INT(compute(&sv, 0, 8, &fs), 0);
	T_EQ_INT(fs.total.nights, 9);
	T_EQ_INT(fs.total.early_nights, 2);
	a = lull_fair_find(&fs.total, ANNA);
	b = lull_fair_find(&fs.total, BEN);
	u = lull_fair_find(&fs.total, 0);
	T_CHECK(a != NULL && b != NULL && u != NULL);
	if (a == NULL || b == NULL || u == NULL)
		goto out;
	T_EQ_INT(a->wakings, 9);
	T_EQ_INT(a->waking_min, 9 * 15);
	T_EQ_INT(a->settles, 1);
	T_EQ_INT(a->early, 0);
	T_EQ_INT(b->wakings, 7 + 1);
	T_EQ_INT(b->waking_min, 7 * 20 + 10);
	T_EQ_INT(b->settles, 8);
	T_EQ_INT(b->early, 1);
	T_EQ_INT(u->wakings, 2);
	T_EQ_INT(u->early, 1);
	/* Two weeks ending on day 8: days 2-8, and days 0-1. */
	T_EQ_INT((long long)fs.nweeks, 2);
	T_EQ_INT(fs.weeks[0].from_day, base + 0);
	T_EQ_INT(fs.weeks[0].to_day, base + 1);
	T_EQ_INT(fs.weeks[1].from_day, base + 2);
	T_EQ_INT(fs.weeks[1].to_day, base + 8);
	T_EQ_INT(fs.weeks[0].nights, 2);
	T_EQ_INT(fs.weeks[1].nights, 7);
	b = lull_fair_find(&fs.weeks[0], BEN);
	T_CHECK(b != NULL && b->wakings == 2 && b->early == 0);
	b = lull_fair_find(&fs.weeks[1], BEN);
	T_CHECK(b != NULL && b->wakings == 6 && b->early == 1);
out:
	lull_sleepv_free(&sv);
}

/* An early waking answered more than an hour before the morning wake
 * does not make that adult the one who got up. */
static void
test_margin(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_fairshare fs;
	struct lull_sleep *s;

	s = night(&sv, 0, 5, 50, ANNA);
	wake(s, T(1, 4, 40), T(1, 4, 49), BEN); /* 61 min before 05:50 */
	T_EQ_INT(compute(&sv, 0, 0, &fs), 0);
	T_EQ_INT(fs.total.early_nights, 1);
	T_CHECK(lull_fair_find(&fs.total, 0) != NULL &&
	    lull_fair_find(&fs.total, 0)->early == 1);
	T_CHECK(lull_fair_find(&fs.total, BEN) != NULL &&
	    lull_fair_find(&fs.total, BEN)->early == 0);
	lull_sleepv_free(&sv);
	sv = (struct lull_sleepv){ 0 };
	s = night(&sv, 0, 5, 50, ANNA);
	wake(s, T(1, 4, 50), T(1, 4, 59), BEN); /* 60 min: his */
	T_EQ_INT(compute(&sv, 0, 0, &fs), 0);
	T_CHECK(lull_fair_find(&fs.total, BEN) != NULL &&
	    lull_fair_find(&fs.total, BEN)->early == 1);
	lull_sleepv_free(&sv);
}

static void
test_limits(void)
{
	struct lull_fairshare fs;
	struct lull_errinfo ei;
	struct lull_sleepv sv = { 0 };
	int d;

	T_EQ_INT(lull_fairshare(NULL, 0, &sv, &fs, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "days");
	/* 100 days: only the last thirteen weeks are summed. */
	for (d = 0; d < 100; d++)
		night(&sv, d, 6, 30, ANNA);
	T_EQ_INT(compute(&sv, 0, 99, &fs), 0);
	T_EQ_INT((long long)fs.nweeks, 13);
	T_EQ_INT(fs.total.nights, 91);
	T_EQ_INT(fs.total.from_day, base + 9);
	T_EQ_INT(fs.weeks[0].from_day, base + 9);
	T_EQ_INT(fs.weeks[12].to_day, base + 99);
	lull_sleepv_free(&sv);
}

static void
setup(void)
{
	struct lull_errinfo ei;

	if (lull_tz_load(&zone, "Europe/Berlin", &ei) != LULL_OK)
		abort();
	base = lull_days_from_civil(2026, 6, 1);
}

static void
teardown(void)
{
	lull_tz_free(zone);
}

static const struct t_case cases[] = {
	{ "setup", setup },
	{ "wakings, bedtimes, early mornings by week", test_two_weeks },
	{ "an early morning's one-hour margin", test_margin },
	{ "no days; weeks", test_limits },
	{ "teardown", teardown },
};

T_MAIN(cases)
