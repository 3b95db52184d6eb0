/*
 * Nights and days on hand-built journals, with exact expected metrics:
 * a night across midnight with wakings and naps, both daylight-saving
 * nights, overlapping entries, an ongoing sleep and an ongoing waking, a
 * night logged in pieces; nap or night in context; windows, regularity
 * and rolling medians; the age ranges and their words.
 * SPDX-License-Identifier: ISC
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/norms.h"
#include "lull/plan.h"
#include "lull/stats.h"
#include "lull/tzload.h"
#include "t.h"

static struct lull_tz *berlin, *newyork;
static const struct lull_tz *zone; /* the zone T() reads in */
static int32_t base;		   /* day 0 of T() */

/* Local wall time "hh:mm" on day base + d, in "zone". */
static int64_t
T(int d, int hh, int mm)
{
	int64_t utc;

	(void)lull_tz_resolve(zone, base + d, hh * 3600 + mm * 60,
	    LULL_FOLD_EARLIER, &utc);
	return utc;
}

static struct lull_sleep *
add(struct lull_sleepv *v, int64_t a, int64_t b)
{
	struct lull_sleep s;

	lull_sleep_init(&s);
	s.id = (int64_t)v->n + 1;
	s.child_id = 1;
	s.start_utc = a;
	s.end_utc = b;
	if (lull_sleepv_push(v, &s) != LULL_OK)
		abort();
	return &v->v[v->n - 1];
}

static void
wake(struct lull_sleep *s, int64_t a, int64_t b, enum lull_response r,
    int64_t by)
{
	struct lull_waking w;

	lull_waking_init(&w);
	w.sleep_id = s->id;
	w.start_utc = a;
	w.end_utc = b;
	w.response = r;
	w.caregiver_id = by;
	if (lull_sleep_add_waking(s, &w) != LULL_OK)
		abort();
}

static void
feed(struct lull_feedv *v, int64_t at)
{
	struct lull_feed f;

	lull_feed_init(&f);
	f.start_utc = at;
	if (lull_feedv_push(v, &f) != LULL_OK)
		abort();
}

static void
child(struct lull_child *c, int32_t age_on_base)
{
	lull_child_init(c);
	c->id = 1;
	c->born_day = base - age_on_base;
}

static enum lull_err
days(const struct lull_sleepv *sv, const struct lull_feedv *fv,
    const struct lull_tagv *tv, const struct lull_child *c, int64_t now,
    int from, int to, struct lull_day_stats *out)
{
	struct lull_stats_in in;
	struct lull_errinfo ei;

	memset(&in, 0, sizeof(in));
	in.tz = zone;
	in.child = c;
	in.sleeps = sv;
	in.feeds = fv;
	in.tags = tv;
	in.now_utc = now;
	return lull_stats_days(&in, base + from, base + to, out, &ei);
}

static const struct lull_involvement *
who(const struct lull_night_stats *n, int64_t id)
{
	size_t i;

	for (i = 0; i < n->nwho; i++)
		if (n->who[i].caregiver_id == id)
			return &n->who[i];
	return NULL;
}

/*
 * 14 June 2026, Berlin (CEST): naps 09:00-10:00 and 13:00-14:30; a night
 * 19:30 to 06:45 after 15 minutes of settling by Sam, woken 23:10-23:25
 * (fed, Sam) and 02:30-02:50 (held, Alex); a feed logged at 05:50.
 */
static void
test_night_across_midnight(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_feedv fv = { 0 };
	struct lull_tagv tv = { 0 };
	struct lull_tag tag;
	struct lull_day_stats d[2];
	struct lull_night obs[1];
	struct lull_child c;
	struct lull_sleep *n;
	const struct lull_night_stats *ns = &d[0].night;
	const struct lull_involvement *sam, *alex;

	zone = berlin;
	base = lull_days_from_civil(2026, 6, 14);
	child(&c, 210);
	add(&sv, T(0, 9, 0), T(0, 10, 0));
	add(&sv, T(0, 13, 0), T(0, 14, 30));
	n = add(&sv, T(0, 19, 30), T(1, 6, 45));
	n->latency_min = 15;
	n->settled_by = 1;
	n->routine = 1;
	wake(n, T(0, 23, 10), T(0, 23, 25), LULL_RESP_FEED, 1);
	wake(n, T(1, 2, 30), T(1, 2, 50), LULL_RESP_HOLD, 2);
	feed(&fv, T(1, 5, 50));
	lull_tag_init(&tag);
	tag.kind = LULL_TAG_TEETHING;
	tag.from_day = tag.to_day = base;
	T_EQ_INT(lull_tagv_push(&tv, &tag), LULL_OK);

	T_EQ_INT(days(&sv, &fv, &tv, &c, T(2, 12, 0), 0, 1, d), LULL_OK);
	T_EQ_INT(d[0].day, base);
	T_EQ_INT(d[0].age_days, 210);
	T_CHECK(d[0].logged && d[0].has_night && d[0].complete);
	T_EQ_INT(d[0].nap_count, 2);
	T_EQ_INT(d[0].nap_min, 150);
	T_EQ_INT(ns->onset_utc, T(0, 19, 30));
	T_EQ_INT(ns->lights_out_utc, T(0, 19, 15));
	T_EQ_INT(ns->wake_utc, T(1, 6, 45));
	T_EQ_INT(ns->wake_min, 6 * 60 + 45);
	T_EQ_INT(ns->pieces, 1);
	T_EQ_INT(ns->sleep_min, 640);
	T_EQ_INT(ns->waso_min, 35);
	T_EQ_INT(ns->wakings_all, 2);
	T_EQ_INT(ns->n.wakings, 2);
	T_EQ_INT(ns->help_min, 35);
	T_EQ_INT(ns->longest_min, 235); /* 02:50 to 06:45 */
	T_EQ_INT(ns->n.night_feeds, 1);
	T_EQ_INT(ns->n.awake_min, 35);
	T_EQ_INT(ns->n.onset_sec, 19 * 3600 + 1800);
	T_EQ_INT(ns->n.latency_min, 15);
	T_EQ_INT(ns->n.tags, 1u << LULL_TAG_TEETHING);
	T_EQ_INT(ns->routine, 1);
	T_EQ_INT(ns->resp.n[LULL_RESP_FEED], 1);
	T_EQ_INT(ns->resp.min[LULL_RESP_FEED], 15);
	T_EQ_INT(ns->resp.n[LULL_RESP_HOLD], 1);
	T_EQ_INT(ns->resp.min[LULL_RESP_HOLD], 20);
	sam = who(ns, 1);
	alex = who(ns, 2);
	T_CHECK(sam != NULL && alex != NULL);
	if (sam != NULL && alex != NULL) {
		T_EQ_INT(sam->wakings, 1);
		T_EQ_INT(sam->waking_min, 15);
		T_EQ_INT(sam->settles, 1);
		T_EQ_INT(sam->settle_min, 15);
		T_EQ_INT(alex->wakings, 1);
		T_EQ_INT(alex->waking_min, 20);
		T_EQ_INT(alex->settles, 0);
	}
	T_EQ_INT(d[0].night_min, 640);
	T_EQ_INT(d[0].total_min, 790);
	T_EQ_INT(d[0].longest_min, 235);
	/* The feed logged at 05:50 and the feed at 23:10 nobody logged. */
	T_EQ_INT(d[0].night_feeds, 2);
	T_EQ_INT(d[0].feeds, 0);
	/* Midnight to midnight: naps, then 19:30-23:10 and 23:25-24:00. */
	T_EQ_INT(d[0].sleep_24h_min, 150 + 220 + 35);
	/* The next day holds the night's morning but no sleep of its own. */
	T_EQ_INT(d[1].logged, 0);
	T_EQ_INT(d[1].has_night, 0);
	T_EQ_INT(d[1].feeds, 1);
	T_EQ_INT(d[1].sleep_24h_min, 150 + 235);
	/* The plan engine's summary of the same night agrees (it reads
	 * the kind the store settled). */
	lull_sleep_settle_kind(zone, n);
	lull_night_observe(zone, &sv, &tv, base, base, obs);
	T_EQ_INT(obs[0].logged, ns->n.logged);
	T_EQ_INT(obs[0].latency_min, ns->n.latency_min);
	T_EQ_INT(obs[0].crying_min, ns->n.crying_min);
	T_EQ_INT(obs[0].wakings, ns->n.wakings);
	T_EQ_INT(obs[0].night_feeds, ns->n.night_feeds);
	T_EQ_INT(obs[0].awake_min, ns->n.awake_min);
	T_EQ_INT(obs[0].onset_sec, ns->n.onset_sec);
	T_EQ_INT(obs[0].tags, ns->n.tags);
	lull_sleepv_free(&sv);
	lull_feedv_free(&fv);
	lull_tagv_free(&tv);
}

/*
 * Berlin, 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET.
 * A night 19:30 to 06:45 lasted 12h15m; a waking from 02:30 CEST to
 * 02:30 CET (the hour lived twice) lasted an hour, settled alone.
 */
static void
test_dst_fall_back(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_day_stats d[2];
	struct lull_child c;
	struct lull_sleep *n;
	int64_t a, b;

	zone = berlin;
	base = lull_days_from_civil(2026, 10, 24);
	child(&c, 300);
	n = add(&sv, T(0, 19, 30), T(1, 6, 45));
	(void)lull_tz_resolve(zone, base + 1, 2 * 3600 + 1800,
	    LULL_FOLD_EARLIER, &a);
	(void)lull_tz_resolve(zone, base + 1, 2 * 3600 + 1800,
	    LULL_FOLD_LATER, &b);
	T_EQ_INT(b - a, 3600);
	wake(n, a, b, LULL_RESP_NONE, 0);
	T_EQ_INT(days(&sv, NULL, NULL, &c, T(2, 12, 0), 0, 1, d), LULL_OK);
	T_EQ_INT(d[0].night.sleep_min, 735 - 60);
	T_EQ_INT(d[0].night.waso_min, 60);
	T_EQ_INT(d[0].night.wakings_all, 1);
	T_EQ_INT(d[0].night.n.wakings, 0); /* settled alone */
	T_EQ_INT(d[0].night.help_min, 0);
	T_EQ_INT(d[0].night.n.awake_min, 60);
	T_EQ_INT(d[0].night.longest_min, 7 * 60); /* 19:30 to 02:30 CEST */
	T_EQ_INT(d[0].night.wake_min, 6 * 60 + 45);
	T_EQ_INT(d[0].total_min, 675);
	T_EQ_INT(d[0].sleep_24h_min, 270);
	/* 00:00-02:30 CEST, then 02:30 CET to 06:45 CET. */
	T_EQ_INT(d[1].sleep_24h_min, 150 + 255);
	lull_sleepv_free(&sv);
}

/*
 * New York, 8 March 2026: clocks jump from 02:00 EST to 03:00 EDT.  A
 * night from 20:00 to 06:30 lasted 9h30m.
 */
static void
test_dst_spring_forward(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_day_stats d[2];
	struct lull_child c;

	zone = newyork;
	base = lull_days_from_civil(2026, 3, 7);
	child(&c, 400);
	add(&sv, T(0, 20, 0), T(1, 6, 30));
	T_EQ_INT(days(&sv, NULL, NULL, &c, T(2, 12, 0), 0, 1, d), LULL_OK);
	T_EQ_INT(d[0].night.sleep_min, 570);
	T_EQ_INT(d[0].night.longest_min, 570);
	T_EQ_INT(d[0].night.wake_min, 6 * 60 + 30);
	T_EQ_INT(d[0].total_min, 570);
	T_EQ_INT(d[0].sleep_24h_min, 240);
	T_EQ_INT(d[1].sleep_24h_min, 330);
	lull_sleepv_free(&sv);
}

/*
 * Overlapping entries (two phones, an import): a nap logged 13:00-14:00
 * and again 13:30-14:30, and a third inside them, are one nap of 90
 * minutes; the night logged twice is one night.
 */
static void
test_overlapping_entries(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_day_stats d[1];
	struct lull_child c;

	zone = berlin;
	base = lull_days_from_civil(2026, 6, 14);
	child(&c, 300);
	add(&sv, T(0, 13, 0), T(0, 14, 0));
	add(&sv, T(0, 13, 30), T(0, 14, 30));
	add(&sv, T(0, 13, 40), T(0, 13, 50));
	add(&sv, T(0, 19, 30), T(1, 6, 45));
	add(&sv, T(0, 19, 30), T(1, 6, 45));
	T_EQ_INT(days(&sv, NULL, NULL, &c, T(2, 12, 0), 0, 0, d), LULL_OK);
	T_EQ_INT(d[0].nap_count, 1);
	T_EQ_INT(d[0].nap_min, 90);
	T_EQ_INT(d[0].night.pieces, 1);
	T_EQ_INT(d[0].night.sleep_min, 675);
	T_EQ_INT(d[0].total_min, 765);
	T_EQ_INT(d[0].sleep_24h_min, 90 + 270);
	lull_sleepv_free(&sv);
}

/*
 * A night still going on at 23:00: asleep since 19:30, woke 21:00-21:10
 * (patted, Sam) and again at 22:40, still awake.
 */
static void
test_ongoing(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_day_stats d[1];
	struct lull_child c;
	struct lull_sleep *n;
	int32_t x;

	zone = berlin;
	base = lull_days_from_civil(2026, 6, 14);
	child(&c, 300);
	add(&sv, T(0, 9, 0), T(0, 10, 0));
	n = add(&sv, T(0, 19, 30), LULL_NO_TIME);
	wake(n, T(0, 21, 0), T(0, 21, 10), LULL_RESP_PAT, 1);
	wake(n, T(0, 22, 40), LULL_NO_TIME, LULL_RESP_UNKNOWN, 0);
	T_EQ_INT(days(&sv, NULL, NULL, &c, T(0, 23, 0), 0, 0, d), LULL_OK);
	T_CHECK(d[0].has_night);
	T_EQ_INT(d[0].night.ongoing, 1);
	T_EQ_INT(d[0].ongoing, 1);
	T_EQ_INT(d[0].complete, 0);
	T_EQ_INT(d[0].night.wake_utc, LULL_NO_TIME);
	T_EQ_INT(d[0].night.wake_min, LULL_STATS_NONE);
	T_EQ_INT(d[0].night.waso_min, 30);
	T_EQ_INT(d[0].night.sleep_min, 180);
	T_EQ_INT(d[0].night.longest_min, 90);
	T_EQ_INT(d[0].night.wakings_all, 2);
	T_EQ_INT(d[0].night.n.wakings, 2);
	T_EQ_INT(d[0].night.help_min, 30);
	T_EQ_INT(d[0].night.n.awake_min, 10); /* ended wakings only */
	T_EQ_INT(d[0].total_min, 60 + 180);
	/* A day not over yet stays out of medians and trends. */
	T_EQ_INT(lull_metric_value(&d[0], LULL_METRIC_TOTAL, &x), 0);
	T_EQ_INT(lull_metric_value(&d[0], LULL_METRIC_ONSET, &x), 1);
	T_EQ_INT(x, 19 * 60 + 30);
	lull_sleepv_free(&sv);
}

/*
 * A night logged in pieces, as apps without nested wakings export it:
 * 19:00-23:00, 23:40-03:00, 03:30-06:30, between a 16:00 nap and the
 * next morning's nap.  The gaps are wakings nobody described.
 */
static void
test_night_in_pieces(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_day_stats d[2];
	struct lull_child c;

	zone = berlin;
	base = lull_days_from_civil(2026, 6, 14);
	child(&c, 240);
	add(&sv, T(0, 16, 0), T(0, 16, 45));
	add(&sv, T(0, 19, 0), T(0, 23, 0));
	add(&sv, T(0, 23, 40), T(1, 3, 0));
	add(&sv, T(1, 3, 30), T(1, 6, 30));
	add(&sv, T(1, 9, 0), T(1, 10, 30));
	T_EQ_INT(days(&sv, NULL, NULL, &c, T(2, 12, 0), 0, 1, d), LULL_OK);
	T_EQ_INT(d[0].nap_count, 1);
	T_EQ_INT(d[0].nap_min, 45);
	T_EQ_INT(d[0].night.pieces, 3);
	T_EQ_INT(d[0].night.onset_utc, T(0, 19, 0));
	T_EQ_INT(d[0].night.wake_utc, T(1, 6, 30));
	T_EQ_INT(d[0].night.waso_min, 70);
	T_EQ_INT(d[0].night.sleep_min, 620);
	T_EQ_INT(d[0].night.n.wakings, 2);
	T_EQ_INT(d[0].night.help_min, 70);
	T_EQ_INT(d[0].night.resp.n[LULL_RESP_UNKNOWN], 2);
	T_EQ_INT(d[0].night.longest_min, 240);
	T_EQ_INT(d[0].total_min, 665);
	T_EQ_INT(d[1].nap_count, 1);
	T_EQ_INT(d[1].nap_min, 90);
	T_EQ_INT(d[1].has_night, 0);
	lull_sleepv_free(&sv);
}

static void
kinds_of(const struct lull_sleepv *sv, const struct lull_child *c,
    enum lull_sleep_kind *k)
{
	lull_sleeps_derive_kinds(zone, c, sv->v, sv->n, k);
}

static void
test_nap_or_night_in_context(void)
{
	struct lull_sleepv sv = { 0 };
	enum lull_sleep_kind k[8];
	struct lull_child c;

	zone = berlin;
	base = lull_days_from_civil(2026, 6, 14);
	/* 8 months: a late nap before 18:00 stays a nap; a bedtime try at
	 * 18:30 joins the night that follows 45 minutes later. */
	child(&c, 240);
	add(&sv, T(0, 17, 0), T(0, 17, 40));
	add(&sv, T(0, 18, 30), T(0, 18, 45));
	add(&sv, T(0, 19, 30), T(1, 6, 0));
	kinds_of(&sv, &c, k);
	T_EQ_INT(k[0], LULL_SLEEP_NAP);
	T_EQ_INT(k[1], LULL_SLEEP_NIGHT);
	T_EQ_INT(k[2], LULL_SLEEP_NIGHT);
	lull_sleepv_free(&sv);

	/* More than 3 hours before the night: an evening nap. */
	add(&sv, T(0, 18, 10), T(0, 19, 0));
	add(&sv, T(0, 22, 10), T(1, 6, 0));
	kinds_of(&sv, &c, k);
	T_EQ_INT(k[0], LULL_SLEEP_NAP);
	T_EQ_INT(k[1], LULL_SLEEP_NIGHT);
	lull_sleepv_free(&sv);

	/* An older child whose longest evening sleep is 2h30: naps. */
	add(&sv, T(0, 19, 0), T(0, 21, 30));
	add(&sv, T(0, 22, 30), T(1, 1, 0));
	kinds_of(&sv, &c, k);
	T_EQ_INT(k[0], LULL_SLEEP_NAP);
	T_EQ_INT(k[1], LULL_SLEEP_NAP);
	/* A newborn's night comes in 2-3 hour pieces: a night. */
	child(&c, 30);
	add(&sv, T(1, 2, 0), T(1, 4, 0));
	kinds_of(&sv, &c, k);
	T_EQ_INT(k[0], LULL_SLEEP_NIGHT);
	T_EQ_INT(k[1], LULL_SLEEP_NIGHT);
	T_EQ_INT(k[2], LULL_SLEEP_NIGHT);
	lull_sleepv_free(&sv);

	/* A nap a person named stays a nap and ends the chain. */
	child(&c, 240);
	add(&sv, T(0, 19, 0), T(1, 0, 0));
	add(&sv, T(1, 0, 30), T(1, 1, 0))->kind_given = 1;
	add(&sv, T(1, 1, 30), T(1, 6, 0));
	kinds_of(&sv, &c, k);
	T_EQ_INT(k[0], LULL_SLEEP_NIGHT);
	T_EQ_INT(k[1], LULL_SLEEP_NAP);
	T_EQ_INT(k[2], LULL_SLEEP_NAP);
	lull_sleepv_free(&sv);

	/* Going on: a night in the evening, a nap in the afternoon. */
	add(&sv, T(0, 19, 30), LULL_NO_TIME);
	kinds_of(&sv, &c, k);
	T_EQ_INT(k[0], LULL_SLEEP_NIGHT);
	lull_sleepv_free(&sv);
	add(&sv, T(0, 14, 0), LULL_NO_TIME);
	kinds_of(&sv, &c, k);
	T_EQ_INT(k[0], LULL_SLEEP_NAP);
	lull_sleepv_free(&sv);

	/* The evening day of a night that begins after midnight. */
	T_EQ_INT(lull_evening_day(zone, T(1, 0, 30)), base);
	T_EQ_INT(lull_evening_day(zone, T(1, 12, 0)), base + 1);
}

/*
 * A week: five 10-hour nights falling asleep at 19:00, 19:30, 20:00,
 * 19:15 and 19:45, and two days with nothing logged.
 */
static void
test_window(void)
{
	static const int onset[5][2] = { { 19, 0 }, { 19, 30 }, { 20, 0 },
		{ 19, 15 }, { 19, 45 } };
	struct lull_sleepv sv = { 0 };
	struct lull_day_stats d[7];
	struct lull_window w;
	struct lull_child c;
	double roll[7];
	int i, count;

	zone = berlin;
	base = lull_days_from_civil(2026, 6, 1);
	child(&c, 240);
	for (i = 0; i < 5; i++) {
		struct lull_sleep *n = add(&sv, T(i, onset[i][0], onset[i][1]),
		    T(i, onset[i][0] + 10, onset[i][1]));

		wake(n, T(i, 23, 0), T(i, 23, 10 + i), LULL_RESP_FEED,
		    i % 2 + 1);
	}
	T_EQ_INT(days(&sv, NULL, NULL, &c, T(8, 12, 0), 0, 6, d), LULL_OK);
	lull_stats_window(d, 7, &w);
	T_EQ_INT(w.days, 7);
	T_EQ_INT(w.logged, 5);
	T_EQ_INT(w.nights, 5);
	T_EQ_INT(lround(w.median[LULL_METRIC_ONSET]), 19 * 60 + 30);
	/* Awake 10..14 minutes: median 12, so 588 asleep. */
	T_EQ_INT(lround(w.median[LULL_METRIC_WASO]), 12);
	T_EQ_INT(lround(w.median[LULL_METRIC_TOTAL]), 588);
	T_EQ_INT(lround(w.median[LULL_METRIC_WAKINGS]), 1);
	T_EQ_INT(w.median[LULL_METRIC_LATENCY], LULL_STATS_NONE);
	T_EQ_INT(lround(w.onset_iqr_min), 30);
	T_EQ_INT(lround(w.onset_sd_min * 1000), 23717);
	T_EQ_INT(w.resp.n[LULL_RESP_FEED], 5);
	T_EQ_INT(w.resp.min[LULL_RESP_FEED], 10 + 11 + 12 + 13 + 14);
	T_EQ_INT(w.help_nights, 5);
	/* Sam, Alex, and "not recorded" for the bedtimes. */
	T_EQ_INT(w.nwho, 3);
	T_EQ_INT(w.who[0].wakings + w.who[1].wakings + w.who[2].wakings, 5);
	T_EQ_INT(w.who[0].settles + w.who[1].settles + w.who[2].settles, 5);
	/* Two nights of four days is too few for a median. */
	T_EQ_INT(lull_stats_median(d + 3, 4, LULL_METRIC_TOTAL, &count),
	    LULL_STATS_NONE);
	T_EQ_INT(count, 2);
	lull_stats_rolling(d, 7, LULL_METRIC_NIGHT, 7, roll);
	T_EQ_INT(roll[0], LULL_STATS_NONE); /* one night only */
	T_EQ_INT(lround(roll[2]), 589);	     /* 590, 589, 588 */
	T_EQ_INT(lround(roll[6]), 588);
	lull_sleepv_free(&sv);
}

static void
test_range_errors(void)
{
	struct lull_day_stats d[1];
	struct lull_stats_in in;
	struct lull_errinfo ei;

	memset(&in, 0, sizeof(in));
	in.tz = berlin;
	T_EQ_INT(lull_stats_days(&in, 10, 9, d, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "from");
	/* Nothing logged: every day empty, none complete before now. */
	zone = berlin;
	base = lull_days_from_civil(2026, 6, 14);
	T_EQ_INT(days(NULL, NULL, NULL, NULL, T(0, 12, 0), 0, 0, d), LULL_OK);
	T_EQ_INT(d[0].logged, 0);
	T_EQ_INT(d[0].age_days, LULL_STATS_NONE);
	T_EQ_INT(d[0].complete, 0);
}

static void
window_with(struct lull_window *w, int logged, double total, double wakings)
{
	int m;

	memset(w, 0, sizeof(*w));
	w->days = 14;
	w->logged = logged;
	w->nights = logged;
	for (m = 0; m < LULL_METRIC__MAX; m++)
		w->median[m] = LULL_STATS_NONE;
	w->median[LULL_METRIC_TOTAL] = total;
	w->median[LULL_METRIC_WAKINGS] = wakings;
}

static void
test_norms(void)
{
	const struct lull_norm_table *t;
	struct lull_norm_cmp c[8];
	struct lull_window w;
	int32_t lo, hi;
	size_t n, i;

	/* Every row of every table has a source and a sane range. */
	for (i = 0; (t = lull_norm_table(i)) != NULL; i++) {
		size_t r;

		for (r = 0; r < t->nrows; r++) {
			T_CHECK(t->rows[r].source != NULL &&
			    t->rows[r].source[0] != '\0');
			T_CHECK(t->rows[r].lo <= t->rows[r].hi);
			T_CHECK(t->rows[r].from_days < t->rows[r].to_days);
			if (r > 0)
				T_EQ_INT(t->rows[r].from_days,
				    t->rows[r - 1].to_days);
		}
	}
	t = lull_norm_table(0);
	T_EQ_STR(t->id, "total_recommended");
	T_EQ_INT(lull_norm_row(t, 121)->lo, 14); /* NSF under 4 months */
	T_EQ_INT(lull_norm_row(t, 122)->lo, 12); /* AASM from 4 months */

	/* 7 months (213 days), 13 h: within both. */
	window_with(&w, 14, 13 * 60, 1);
	n = lull_norms_compare(213, &w, c, 8);
	T_EQ_INT(n, 2);
	T_EQ_INT(c[0].metric, LULL_METRIC_TOTAL);
	T_EQ_INT(c[0].usual, LULL_NORM_WITHIN);
	T_EQ_INT(c[0].recommended, LULL_NORM_WITHIN);
	T_EQ_STR(c[0].text, "Total sleep in 24 hours: 13 h, within the usual "
			    "range for this age (8.8-17 h) and the recommended "
			    "12-16 h.");
	T_EQ_INT(c[1].usual, LULL_NORM_WITHIN);
	/* 11.5 h: below the recommended, within the usual: common. */
	window_with(&w, 14, 11.5 * 60, 1);
	n = lull_norms_compare(213, &w, c, 8);
	T_EQ_INT(c[0].usual, LULL_NORM_WITHIN);
	T_EQ_INT(c[0].recommended, LULL_NORM_BELOW);
	T_CHECK(strstr(c[0].text, "within the usual range for this age") !=
	    NULL);
	T_CHECK(strstr(c[0].text, "many children sleep a little less") !=
	    NULL);
	/* 8 h: below the usual range, said calmly, with whom to ask. */
	window_with(&w, 14, 8 * 60, 4);
	n = lull_norms_compare(213, &w, c, 8);
	T_EQ_INT(c[0].usual, LULL_NORM_BELOW);
	T_CHECK(strstr(c[0].text, "below the usual range for this age") !=
	    NULL);
	T_CHECK(strstr(c[0].text, "nurse or doctor") != NULL);
	/* Four wakings at 7 months: above, never called a problem. */
	T_EQ_INT(c[1].usual, LULL_NORM_ABOVE);
	T_CHECK(strstr(c[1].text, "above the usual range for this age") !=
	    NULL);
	T_CHECK(strstr(c[1].text, "common in the first year") != NULL);
	for (i = 0; i < n; i++) {
		T_CHECK(strstr(c[i].text, "problem") == NULL);
		T_CHECK(strstr(c[i].text, "poor") == NULL);
		T_CHECK(strstr(c[i].text, "score") == NULL);
	}
	/* Fewer than 7 days logged: no comparison. */
	window_with(&w, 6, 13 * 60, 1);
	T_EQ_INT(lull_norms_compare(213, &w, c, 8), 0);

	/* Wake windows by age, and by naps from 12 to 18 months. */
	lull_wake_window(10, -1, &lo, &hi);
	T_EQ_INT(lo, 45);
	T_EQ_INT(hi, 90);
	lull_wake_window(200, -1, &lo, &hi);
	T_EQ_INT(lo, 120);
	T_EQ_INT(hi, 180);
	lull_wake_window(400, 2, &lo, &hi);
	T_EQ_INT(lo, 180);
	lull_wake_window(400, 1, &lo, &hi);
	T_EQ_INT(lo, 270);
	T_EQ_INT(hi, 360);
	lull_wake_window(460, -1, &lo, &hi);
	T_EQ_INT(lo, 270);
	lull_wake_window(2000, -1, &lo, &hi);
	T_EQ_INT(lo, 300);
}

static void
test_metric_names(void)
{
	int m;

	for (m = 0; m < LULL_METRIC__MAX; m++) {
		T_CHECK(lull_metric_name((enum lull_metric)m) != NULL);
		T_CHECK(lull_metric_label((enum lull_metric)m) != NULL);
	}
	T_EQ_STR(lull_metric_name(LULL_METRIC_TOTAL), "total_sleep_min");
	T_CHECK(lull_metric_name(LULL_METRIC__MAX) == NULL);
}

static void
setup(void)
{
	struct lull_errinfo ei;

	if (lull_tz_load(&berlin, "Europe/Berlin", &ei) != LULL_OK ||
	    lull_tz_load(&newyork, "America/New_York", &ei) != LULL_OK) {
		fprintf(stderr, "zones: %s\n", ei.msg);
		abort();
	}
}

static void
teardown(void)
{
	lull_tz_free(berlin);
	lull_tz_free(newyork);
}

static const struct t_case cases[] = {
	{ "setup", setup },
	{ "night across midnight", test_night_across_midnight },
	{ "daylight saving: fall back", test_dst_fall_back },
	{ "daylight saving: spring forward", test_dst_spring_forward },
	{ "overlapping entries", test_overlapping_entries },
	{ "ongoing sleep and waking", test_ongoing },
	{ "night in pieces", test_night_in_pieces },
	{ "nap or night in context", test_nap_or_night_in_context },
	{ "window, regularity, rolling", test_window },
	{ "range errors", test_range_errors },
	{ "age ranges", test_norms },
	{ "metric names", test_metric_names },
	{ "teardown", teardown },
};

T_MAIN(cases)
