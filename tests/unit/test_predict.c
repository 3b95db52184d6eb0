/*
 * Predictions on hand-built logs: a regular child whose next nap and
 * bedtime are exactly what the log says, a child asleep now, a newborn
 * with too little log (the age band alone), a nap transition, scattered
 * windows pulled toward the age band, the clock's half of a window into
 * the night, the same answer whatever lies beyond the last two weeks,
 * and the walk-forward evaluation with exact figures for the child and
 * for the baseline.
 * SPDX-License-Identifier: ISC
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/predict.h"
#include "lull/tzload.h"
#include "t.h"

static struct lull_tz *berlin;
static int32_t base;

static int64_t
T(int d, int hh, int mm)
{
	int64_t utc;

	(void)lull_tz_resolve(berlin, base + d, hh * 3600 + mm * 60,
	    LULL_FOLD_EARLIER, &utc);
	return utc;
}

static void
add(struct lull_sleepv *v, int64_t a, int64_t b)
{
	struct lull_sleep s;

	lull_sleep_init(&s);
	s.child_id = 1;
	s.start_utc = a;
	s.end_utc = b;
	if (lull_sleepv_push(v, &s) != LULL_OK)
		abort();
}

/* Naps 09:00-10:00 and 13:00-14:30, night 19:00-06:30, days [a, b). */
static void
regular(struct lull_sleepv *v, int a, int b)
{
	int d;

	for (d = a; d < b; d++) {
		add(v, T(d, 9, 0), T(d, 10, 0));
		add(v, T(d, 13, 0), T(d, 14, 30));
		add(v, T(d, 19, 0), T(d + 1, 6, 30));
	}
}

static void
kid(struct lull_child *c, int age_on_base)
{
	lull_child_init(c);
	c->id = 1;
	c->born_day = base - age_on_base;
}

static enum lull_err
predict(const struct lull_sleepv *v, const struct lull_child *c,
    int64_t now, struct lull_prediction *p)
{
	struct lull_predict_in in;
	struct lull_errinfo ei;

	memset(&in, 0, sizeof(in));
	in.tz = berlin;
	in.child = c;
	in.sleeps = v;
	in.now_utc = now;
	return lull_predict(&in, p, &ei);
}

static void
test_regular(void)
{
	struct lull_sleepv v = { 0 };
	struct lull_prediction p;
	struct lull_child c;

	base = lull_days_from_civil(2026, 6, 1);
	kid(&c, 240);
	regular(&v, 0, 20);
	add(&v, T(20, 9, 0), T(20, 10, 0));
	T_EQ_INT(predict(&v, &c, T(20, 10, 30), &p), LULL_OK);
	T_EQ_INT(p.age_days, 260);
	T_EQ_INT(p.band_lo_min, 120);
	T_EQ_INT(p.band_hi_min, 180);
	T_EQ_INT(p.asleep, 0);
	T_EQ_INT(p.awake_since_utc, T(20, 10, 0));
	T_CHECK(p.next.valid && p.next.personal);
	T_EQ_INT(p.next.kind, LULL_SLEEP_NAP);
	T_EQ_INT(p.next.nap_index, 2);
	T_EQ_INT(p.next.likely_utc, T(20, 13, 0));
	T_EQ_INT(p.next.earliest_utc, T(20, 12, 30));
	T_EQ_INT(p.next.latest_utc, T(20, 13, 30));
	T_CHECK(p.bedtime.valid && p.bedtime.personal);
	T_EQ_INT(p.bedtime.likely_utc, T(20, 19, 0));
	T_EQ_INT(p.bedtime.samples, 14);
	T_EQ_INT(p.naps_recent, 2);
	T_EQ_INT(p.naps_before, 2);
	T_EQ_INT(p.transition, 0);

	/* After the last nap, the next sleep is the night, at 19:00. */
	add(&v, T(20, 13, 0), T(20, 14, 30));
	T_EQ_INT(predict(&v, &c, T(20, 15, 0), &p), LULL_OK);
	T_EQ_INT(p.next.kind, LULL_SLEEP_NIGHT);
	T_EQ_INT(p.next.nap_index, 0);
	T_EQ_INT(p.next.likely_utc, T(20, 19, 0));
	T_EQ_INT(p.bedtime.likely_utc, T(20, 19, 0));

	/* Asleep now: no next window, tonight's bedtime still. */
	add(&v, T(20, 16, 0), LULL_NO_TIME);
	T_EQ_INT(predict(&v, &c, T(20, 16, 30), &p), LULL_OK);
	T_EQ_INT(p.asleep, 1);
	T_EQ_INT(p.next.valid, 0);
	T_CHECK(p.bedtime.valid);
	lull_sleepv_free(&v);
}

/* A three-week-old with one sleep logged: the age band alone. */
static void
test_newborn_fallback(void)
{
	struct lull_sleepv v = { 0 };
	struct lull_prediction p;
	struct lull_child c;

	base = lull_days_from_civil(2026, 6, 1);
	kid(&c, 20);
	add(&v, T(0, 8, 0), T(0, 9, 0));
	T_EQ_INT(predict(&v, &c, T(0, 9, 30), &p), LULL_OK);
	T_CHECK(p.next.valid);
	T_EQ_INT(p.next.personal, 0);
	T_EQ_INT(p.next.earliest_utc, T(0, 9, 45));
	T_EQ_INT(p.next.latest_utc, T(0, 10, 30));
	T_EQ_INT(p.next.likely_utc, T(0, 9, 0) + 4050); /* 67.5 min */
	/* Under 4 months there is no set bedtime to suggest. */
	T_EQ_INT(p.bedtime.valid, 0);
	/* Nothing logged for 12 hours: no next window either. */
	T_EQ_INT(predict(&v, &c, T(1, 9, 30), &p), LULL_OK);
	T_EQ_INT(p.next.valid, 0);
	T_EQ_INT(predict(&v, NULL, T(1, 9, 30), &p), LULL_EINVAL);
	lull_sleepv_free(&v);
}

/* Three naps a day for two weeks, then two: a transition. */
static void
test_nap_transition(void)
{
	struct lull_sleepv v = { 0 };
	struct lull_prediction p;
	struct lull_child c;
	int d;

	base = lull_days_from_civil(2026, 6, 1);
	kid(&c, 270);
	for (d = 0; d < 21; d++) {
		add(&v, T(d, 9, 0), T(d, 10, 0));
		add(&v, T(d, 12, 30), T(d, 13, 30));
		if (d < 14)
			add(&v, T(d, 16, 0), T(d, 16, 40));
		add(&v, T(d, 19, 0), T(d + 1, 6, 30));
	}
	T_EQ_INT(predict(&v, &c, T(21, 7, 0), &p), LULL_OK);
	T_EQ_INT(p.naps_before, 3);
	T_EQ_INT(p.naps_recent, 2);
	T_EQ_INT(p.transition, 1);
	lull_sleepv_free(&v);
}

/* Years of older log do not change today's answer. */
static void
test_only_recent_log(void)
{
	struct lull_sleepv v = { 0 }, w = { 0 };
	struct lull_prediction p, q;
	struct lull_child c;
	int d;

	base = lull_days_from_civil(2026, 6, 1);
	kid(&c, 1100);
	for (d = -1000; d < -30; d++) {
		add(&v, T(d, 11, 0), T(d, 12, 0));
		add(&v, T(d, 20, 0), T(d + 1, 7, 0));
	}
	regular(&v, 0, 20);
	regular(&w, 0, 20);
	add(&v, T(20, 9, 0), T(20, 10, 0));
	add(&w, T(20, 9, 0), T(20, 10, 0));
	T_EQ_INT(predict(&v, &c, T(20, 10, 30), &p), LULL_OK);
	T_EQ_INT(predict(&w, &c, T(20, 10, 30), &q), LULL_OK);
	T_CHECK(memcmp(&p.next, &q.next, sizeof(p.next)) == 0);
	T_CHECK(memcmp(&p.bedtime, &q.bedtime, sizeof(p.bedtime)) == 0);
	lull_sleepv_free(&v);
	lull_sleepv_free(&w);
}

/*
 * Windows that scatter lean on the age band.  An 8-month-old (band 2 to
 * 3 hours, middle 2h30) woke at 07:00 on the last three days and napped
 * after 2h00, 3h15 and 2h45 (weights 0.85^3, 0.85^2, 0.85; the
 * afternoons, 6h30 away, weigh nothing): the weighted median is 2h45.
 * Their spread, 22.6 minutes on average, against the band's half-width
 * of 30 counts the band as 0.565 windows beside the 2.95 that the
 * weights amount to: (2.95 * 165 + 0.565 * 150) / 3.51 = 162.6 minutes.
 */
static void
test_toward_band(void)
{
	static const int nap_min[3] = { 120, 195, 165 };
	struct lull_sleepv v = { 0 };
	struct lull_prediction p;
	struct lull_child c;
	int d;

	base = lull_days_from_civil(2026, 6, 1);
	kid(&c, 240);
	for (d = -1; d < 3; d++) {
		add(&v, T(d, 19, 0), T(d + 1, 7, 0));
		if (d + 1 < 3)
			add(&v, T(d + 1, 7, 0) + nap_min[d + 1] * 60,
			    T(d + 1, 13, 30));
	}
	T_EQ_INT(predict(&v, &c, T(3, 7, 30), &p), LULL_OK);
	T_EQ_INT(p.band_lo_min, 120);
	T_EQ_INT(p.band_hi_min, 180);
	T_CHECK(p.next.valid && p.next.personal);
	T_EQ_INT(p.next.kind, LULL_SLEEP_NAP);
	T_EQ_INT(p.next.samples, 6);
	T_EQ_INT(p.next.likely_utc, T(3, 9, 42) + 35); /* 7:00 + 9755 s */
	T_EQ_INT(p.next.earliest_utc, T(3, 9, 12) + 35);
	T_EQ_INT(p.next.latest_utc, T(3, 10, 12) + 35);

	/* Windows that agree keep their own median: 2h45 every day. */
	lull_sleepv_free(&v);
	for (d = -1; d < 3; d++) {
		add(&v, T(d, 19, 0), T(d + 1, 7, 0));
		if (d + 1 < 3)
			add(&v, T(d + 1, 9, 45), T(d + 1, 13, 30));
	}
	T_EQ_INT(predict(&v, &c, T(3, 7, 30), &p), LULL_OK);
	T_EQ_INT(p.next.likely_utc, T(3, 9, 45));
	lull_sleepv_free(&v);
}

/*
 * A window into the night counts half by its length and half by the
 * clock time it led to.  Bedtime was 19:00 on the last three days, after
 * a nap that ended at 15:00, 16:00 and 17:00; today's ended at 16:00.
 * Those windows (4, 3 and 2 hours) become 3h30, 3h00 and 2h30 with the
 * clock's 3 hours from now; the median is 3h00, and their spread (16.6
 * minutes) pulls it 3 minutes toward the band's middle: 18:57:03.
 */
static void
test_clock_share(void)
{
	static const int nap_end[4] = { 15, 16, 17, 16 };
	struct lull_sleepv v = { 0 };
	struct lull_prediction p;
	struct lull_child c;
	int d;

	base = lull_days_from_civil(2026, 6, 1);
	kid(&c, 240);
	for (d = -1; d < 3; d++) {
		add(&v, T(d, 19, 0), T(d + 1, 7, 0));
		add(&v, T(d + 1, 12, 0), T(d + 1, nap_end[d + 1], 0));
	}
	T_EQ_INT(predict(&v, &c, T(3, 16, 15), &p), LULL_OK);
	T_CHECK(p.next.valid && p.next.personal);
	T_EQ_INT(p.next.kind, LULL_SLEEP_NIGHT);
	T_EQ_INT(p.next.samples, 7);
	T_EQ_INT(p.next.likely_utc, T(3, 18, 57) + 3); /* 16:00 + 10623 s */
	T_EQ_INT(p.bedtime.likely_utc, p.next.likely_utc);
	lull_sleepv_free(&v);
}

/*
 * Walking forward through 20 regular days: the child's own windows hit
 * every onset; the age band (2 to 3 hours at 8 months, 2h30 the likely
 * time) is exact after the morning wake, 30 minutes early for the second
 * nap and two hours early for bedtime.
 */
static void
test_eval(void)
{
	struct lull_sleepv v = { 0 };
	struct lull_errinfo ei;
	struct lull_eval ev;
	struct lull_child c;

	base = lull_days_from_civil(2026, 6, 1);
	kid(&c, 240);
	regular(&v, 0, 20);
	T_EQ_INT(lull_predict_eval(berlin, &c, &v, &ev, &ei), LULL_OK);
	/* Onsets after a week: 12 first naps, 13 second naps, 13
	 * bedtimes. */
	T_EQ_INT(ev.ours.n, 38);
	T_EQ_INT(ev.ours_naps.n, 25);
	T_EQ_INT(ev.ours_nights.n, 13);
	T_EQ_INT(lround(ev.ours.mae_min * 1000), 0);
	T_EQ_INT(lround(ev.ours.inside * 1000), 1000);
	T_EQ_INT(lround(ev.ours.width_min), 60);
	T_EQ_INT(ev.baseline.n, 38);
	T_EQ_INT(lround(ev.baseline.mae_min * 1000),
	    lround((13 * 30 + 13 * 120) * 1000.0 / 38));
	T_EQ_INT(lround(ev.baseline.inside * 1000), lround(25 * 1000.0 / 38));
	T_EQ_INT(lround(ev.baseline.width_min), 60);
	T_EQ_INT(ev.from_day, base + 7);
	T_EQ_INT(ev.to_day, base + 19);
	lull_sleepv_free(&v);
}

static void
setup(void)
{
	struct lull_errinfo ei;

	if (lull_tz_load(&berlin, "Europe/Berlin", &ei) != LULL_OK) {
		fprintf(stderr, "zone: %s\n", ei.msg);
		abort();
	}
}

static void
teardown(void)
{
	lull_tz_free(berlin);
}

static const struct t_case cases[] = {
	{ "setup", setup },
	{ "a regular child", test_regular },
	{ "a newborn: the age band alone", test_newborn_fallback },
	{ "a nap transition", test_nap_transition },
	{ "scattered windows lean on the age band", test_toward_band },
	{ "the clock's share of a window into the night", test_clock_share },
	{ "only the recent log counts", test_only_recent_log },
	{ "walk-forward evaluation", test_eval },
	{ "teardown", teardown },
};

T_MAIN(cases)
