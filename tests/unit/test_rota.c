/*
 * The night rota on hand-built weeks of nights, with exact expected
 * times and lengths: the typical night (medians across midnight, slots,
 * nights in pieces, ongoing nights left out); template A for a
 * bottle-fed baby, alternating with the date; template B for an
 * exclusively breastfed baby with feeds every 3 h and every 5 h;
 * expressed milk; a baby waking every hour; the adult who works the next
 * day; three adults; one adult; a night when the clocks go back; the
 * review of a night against its plan; an adult's longest block; the
 * rebalancing prompt on its edges; invalid inputs.
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/rota.h"
#include "lull/tzload.h"
#include "t.h"

static struct lull_tz *berlin;
static int32_t base; /* day 0 of T() */

/* Local wall time "hh:mm" on day base + d in Berlin. */
static int64_t
T(int d, int hh, int mm)
{
	int64_t utc;

	(void)lull_tz_resolve(berlin, base + d, hh * 3600 + mm * 60,
	    LULL_FOLD_EARLIER, &utc);
	return utc;
}

/* Night minutes of "hh:mm" (after midnight: the next morning). */
static int32_t
NM(int hh, int mm)
{
	return (hh < 12 ? 1440 : 0) + hh * 60 + mm;
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

/* A waking at hh:mm of the night of evening d, lasting "min". */
static void
wake(struct lull_sleep *s, int d, int hh, int mm, int min,
    enum lull_response r, int64_t by)
{
	struct lull_waking w;

	lull_waking_init(&w);
	w.sleep_id = s->id;
	w.start_utc = T(d + (hh < 12), hh, mm);
	w.end_utc = w.start_utc + (int64_t)min * 60;
	w.response = r;
	w.caregiver_id = by;
	if (lull_sleep_add_waking(s, &w) != LULL_OK)
		abort();
}

struct wk {
	int hh, mm, min;
	enum lull_response r;
};

/*
 * Seven evenings from day 0, each 19:00 to 07:00 with the same wakings
 * (answered by caregiver 1), and their pattern.
 */
static void
week(const struct wk *w, size_t nw, struct lull_rota_pattern *p)
{
	struct lull_sleepv sv = { 0 };
	struct lull_rota_pattern_in in;
	struct lull_errinfo ei;
	size_t i;
	int d;

	for (d = 0; d < 7; d++) {
		struct lull_sleep *s = add(&sv, T(d, 19, 0), T(d + 1, 7, 0));

		for (i = 0; i < nw; i++)
			wake(s, d, w[i].hh, w[i].mm, w[i].min, w[i].r, 1);
	}
	memset(&in, 0, sizeof(in));
	in.tz = berlin;
	in.sleeps = &sv;
	in.from_day = base;
	in.to_day = base + 6;
	in.now_utc = T(8, 12, 0);
	if (lull_rota_pattern(&in, p, &ei) != LULL_OK) {
		fprintf(stderr, "pattern: %s\n", ei.msg);
		abort();
	}
	lull_sleepv_free(&sv);
}

/* A June week whose following night (day 7) has an even day number. */
static void
june(void)
{
	base = lull_days_from_civil(2026, 6, 1);
	if ((base + 7) % 2 != 0)
		base++;
}

static struct lull_rota_adult sam, alex, kim;

static void
adults_init(void)
{
	memset(&sam, 0, sizeof(sam));
	sam.caregiver_id = 1;
	sam.name = "Sam";
	sam.can_feed = 1;
	sam.earliest_bed_min = sam.latest_rise_min = LULL_ROTA_NONE;
	alex = sam;
	alex.caregiver_id = 2;
	alex.name = "Alex";
	kim = sam;
	kim.caregiver_id = 3;
	kim.name = "Kim";
}

static void
rota_in(struct lull_rota_in *in, const struct lull_rota_adult *a, size_t n,
    enum lull_feeding f, const struct lull_rota_pattern *p, int day)
{
	memset(in, 0, sizeof(*in));
	in->night_day = base + day;
	in->tz = berlin;
	in->adults = a;
	in->nadults = n;
	in->feeding = f;
	in->pattern = p;
}

static void
check_shift(const struct lull_rota_shift *s, int64_t who, int64_t feeder,
    int32_t from, int32_t to)
{
	T_EQ_INT(s->caregiver_id, who);
	T_EQ_INT(s->feeder_id, feeder);
	T_EQ_INT(s->from_min, from);
	T_EQ_INT(s->to_min, to);
}

static void
check_block(const struct lull_rota_person *p, int32_t from, int32_t to,
    int32_t len, int met)
{
	T_EQ_INT(p->block_from_min, from);
	T_EQ_INT(p->block_to_min, to);
	T_EQ_INT(p->block_min, len);
	T_EQ_INT(p->target_met, met);
}

/* ---- the typical night ------------------------------------------------ */

/*
 * Four nights: 19:00-06:30, 20:00-07:00, 23:30-07:30 in two pieces (a
 * gap 03:00-03:40) and 00:30-08:00, then an ongoing one (left out).
 * Wakings: 23:10-23:25 fed and 02:30-02:50 held on the first; 23:20-23:50
 * fed on the second (across two slots); one settled alone (needs nobody).
 */
static void
test_pattern(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_rota_pattern_in in;
	struct lull_rota_pattern p;
	struct lull_errinfo ei;
	struct lull_sleep *s;

	base = lull_days_from_civil(2026, 6, 14);
	s = add(&sv, T(0, 19, 0), T(1, 6, 30));
	wake(s, 0, 23, 10, 15, LULL_RESP_FEED, 1);
	wake(s, 0, 2, 30, 20, LULL_RESP_HOLD, 2);
	s = add(&sv, T(1, 20, 0), T(2, 7, 0));
	wake(s, 1, 23, 20, 30, LULL_RESP_FEED, 1);
	(void)add(&sv, T(2, 23, 30), T(3, 3, 0));
	s = add(&sv, T(3, 3, 40), T(3, 7, 30));
	wake(s, 2, 5, 0, 5, LULL_RESP_NONE, 0);
	(void)add(&sv, T(4, 0, 30), T(4, 8, 0));
	(void)add(&sv, T(4, 19, 0), LULL_NO_TIME);

	memset(&in, 0, sizeof(in));
	in.tz = berlin;
	in.sleeps = &sv;
	in.from_day = base;
	in.to_day = base + 4;
	in.now_utc = T(4, 23, 0);
	T_EQ_INT(lull_rota_pattern(&in, &p, &ei), LULL_OK);
	T_EQ_INT(p.nights, 4);
	T_EQ_INT(p.from_day, base);
	T_EQ_INT(p.to_day, base + 4);
	/* Onsets 19:00, 20:00, 23:30, 00:30: the middle two's mean. */
	T_EQ_INT(p.bedtime_min, (1200 + 1410) / 2);
	/* Wakes 06:30, 07:00, 07:30, 08:00. */
	T_EQ_INT(p.wake_min, (1860 + 1890) / 2);
	T_CHECK(p.wakings_per_night == 1.0);
	T_CHECK(p.feeds_per_night == 0.5);
	T_CHECK(p.awake_min_per_night == 26.25);
	T_EQ_INT(lull_rota_slot(NM(23, 10)), 22);
	T_CHECK(p.wakings[22] == 0.5);
	T_CHECK(p.feeds[22] == 0.5);
	T_CHECK(p.awake_min[22] == 6.25); /* 15 + 10 over 4 nights */
	T_CHECK(p.awake_min[23] == 5.0);
	T_CHECK(p.feed_min[23] == 5.0);
	T_CHECK(p.wakings[29] == 0.25); /* 02:30 */
	T_CHECK(p.awake_min[29] == 5.0);
	T_CHECK(p.wakings[30] == 0.25); /* the gap at 03:00 */
	T_CHECK(p.feeds[30] == 0.0);
	T_CHECK(p.awake_min[30] == 7.5);
	T_CHECK(p.awake_min[31] == 2.5);
	T_CHECK(p.wakings[34] == 0.0); /* 05:00, settled alone */
	T_EQ_INT(lull_rota_slot(NM(19, 0)), 14);
	T_EQ_INT(lull_rota_slot(700), -1);
	T_EQ_INT(lull_rota_slot(2160), -1);

	/* No complete night in range; a range the wrong way round. */
	in.from_day = in.to_day = base + 4;
	T_EQ_INT(lull_rota_pattern(&in, &p, &ei), LULL_ENOTFOUND);
	T_EQ_STR(ei.field, "from");
	T_EQ_INT(p.nights, 0);
	in.from_day = base + 5;
	T_EQ_INT(lull_rota_pattern(&in, &p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "from");
	in.from_day = base - LULL_ROTA_MAX_DAYS;
	T_EQ_INT(lull_rota_pattern(&in, &p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "to");
	lull_sleepv_free(&sv);
}

/* ---- template A ------------------------------------------------------- */

static const struct wk two_feeds[] = {
	{ 23, 0, 20, LULL_RESP_FEED },
	{ 3, 0, 20, LULL_RESP_FEED },
};

/*
 * Bottle-fed, waking at 23:00 and 03:00 for 20 minutes: two shifts of
 * 6 h, handover at 01:00; on an even night Sam goes first, on the next
 * night Alex.
 */
static void
test_split_bottle(void)
{
	struct lull_rota_pattern p;
	struct lull_rota_plan pl;
	struct lull_rota_in in;
	struct lull_rota_adult a[2];
	struct lull_errinfo ei;

	june();
	adults_init();
	week(two_feeds, 2, &p);
	T_EQ_INT(p.bedtime_min, NM(19, 0));
	T_EQ_INT(p.wake_min, NM(7, 0));
	a[0] = sam;
	a[1] = alex;
	rota_in(&in, a, 2, LULL_FEEDING_BOTTLE, &p, 7);
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.tmpl, LULL_ROTA_SPLIT);
	T_EQ_STR(lull_rota_template_name(pl.tmpl), "split");
	T_EQ_INT(pl.target_min, LULL_ROTA_TARGET_DEFAULT_MIN);
	T_EQ_INT(pl.bed_min, NM(19, 0));
	T_EQ_INT(pl.wake_min, NM(7, 0));
	T_EQ_INT(pl.bed_utc, T(7, 19, 0));
	T_EQ_INT(pl.nshifts, 2);
	check_shift(&pl.shifts[0], 1, 1, NM(19, 0), NM(1, 0));
	check_shift(&pl.shifts[1], 2, 2, NM(1, 0), NM(7, 0));
	T_CHECK(pl.shifts[0].wakings == 1.0 && pl.shifts[1].wakings == 1.0);
	T_CHECK(pl.shifts[0].feeds == 1.0);
	T_EQ_INT(pl.nhandovers, 1);
	T_EQ_INT(pl.handover_min[0], NM(1, 0));
	T_EQ_INT(pl.handover_utc[0], T(8, 1, 0));
	T_EQ_INT(pl.npeople, 2);
	/* Sam sleeps while Alex is on, and the other way round. */
	check_block(&pl.people[0], NM(1, 0), NM(7, 0), 360, 1);
	check_block(&pl.people[1], NM(19, 0), NM(1, 0), 360, 1);
	T_EQ_INT(pl.people[0].block_from_utc, T(8, 1, 0));
	T_EQ_INT(pl.people[0].guarded, 1);
	/* 12 h less one waking of 20 minutes and 10 to fall asleep. */
	T_EQ_INT(pl.people[0].sleep_min, 690);
	T_EQ_INT(pl.people[1].sleep_min, 690);
	T_CHECK(pl.people[0].wakings == 1.0);
	T_EQ_INT(pl.target_met, 1);
	T_EQ_STR(pl.reason, "");
	T_CHECK(pl.safety != NULL && strstr(pl.safety, "sofa") != NULL);
	T_CHECK(strstr(pl.safety, "own sleep surface") != NULL);
	T_CHECK(pl.milk_note == NULL);

	/* The next night Alex takes the first shift. */
	in.night_day = base + 8;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	check_shift(&pl.shifts[0], 2, 2, NM(19, 0), NM(1, 0));
	check_shift(&pl.shifts[1], 1, 1, NM(1, 0), NM(7, 0));
	check_block(&pl.people[0], NM(19, 0), NM(1, 0), 360, 1);

	/* Or whoever the family chose; a 6 h target is just met. */
	in.night_day = base + 7;
	in.first_id = 2;
	in.target_min = 360;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.shifts[0].caregiver_id, 2);
	T_EQ_INT(pl.target_met, 1);
	T_EQ_INT(pl.people[1].block_min, 360);
}

/* ---- template B ------------------------------------------------------- */

static const struct wk every3[] = {
	{ 22, 0, 20, LULL_RESP_FEED },
	{ 1, 0, 20, LULL_RESP_FEED },
	{ 4, 0, 20, LULL_RESP_FEED },
};

static const struct wk every5[] = {
	{ 0, 0, 20, LULL_RESP_FEED },
	{ 5, 0, 20, LULL_RESP_FEED },
};

/*
 * Exclusively breastfed, feeds at 22:00, 01:00 and 04:00: Sam's block
 * lies between feeds and is 3 h at best, and the reason says why.  With
 * feeds at 00:00 and 05:00 the block is 5 h and the target is met.
 */
static void
test_between_feeds(void)
{
	struct lull_rota_pattern p;
	struct lull_rota_plan pl;
	struct lull_rota_in in;
	struct lull_rota_adult a[2];
	struct lull_errinfo ei;

	june();
	adults_init();
	week(every3, 3, &p);
	a[0] = sam;
	a[0].nursing = 1;
	a[1] = alex; /* could give a bottle, but there is no milk */
	rota_in(&in, a, 2, LULL_FEEDING_BREAST, &p, 7);
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.tmpl, LULL_ROTA_BETWEEN_FEEDS);
	T_EQ_INT(pl.nshifts, 2);
	/* Alex is up to the baby while Sam sleeps; Sam feeds throughout. */
	check_shift(&pl.shifts[0], 2, 1, NM(19, 0), NM(22, 0));
	check_shift(&pl.shifts[1], 1, 1, NM(22, 0), NM(7, 0));
	T_EQ_INT(pl.nhandovers, 1);
	T_EQ_INT(pl.handover_min[0], NM(22, 0));
	check_block(&pl.people[0], NM(19, 0), NM(22, 0), 180, 0);
	check_block(&pl.people[1], NM(22, 0), NM(7, 0), 540, 1);
	/* 12 h less three feeds of 20 minutes and 10 to fall asleep. */
	T_EQ_INT(pl.people[0].sleep_min, 630);
	T_EQ_INT(pl.people[1].sleep_min, 720);
	T_CHECK(pl.people[0].wakings == 3.0);
	T_EQ_INT(pl.target_met, 0);
	T_EQ_STR(pl.reason,
	    "Feeds come about every 3 h at the moment, too close together "
	    "for a 4 h 30 min block between them. Sam's longest expected "
	    "stretch between feeds is 3 h (19:00 to 22:00). This is the "
	    "best plan for now: Alex settles, changes and resettles the "
	    "baby in that stretch, so that Sam is woken only to feed. ");
	T_CHECK(pl.milk_note == NULL);

	/* Feeds every 5 h: a 5 h block between the first two. */
	week(every5, 2, &p);
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.tmpl, LULL_ROTA_BETWEEN_FEEDS);
	check_shift(&pl.shifts[0], 2, 1, NM(19, 0), NM(0, 0));
	check_shift(&pl.shifts[1], 1, 1, NM(0, 0), NM(7, 0));
	check_block(&pl.people[0], NM(19, 0), NM(0, 0), 300, 1);
	check_block(&pl.people[1], NM(0, 0), NM(7, 0), 420, 1);
	T_EQ_INT(pl.people[0].sleep_min, 660);
	T_EQ_INT(pl.target_met, 1);
	T_EQ_STR(pl.reason, "");
}

/*
 * The same feeds every 3 h, with expressed milk: Alex can take a feed,
 * so the night is split and Sam's block meets the target.
 */
static void
test_expressed_milk(void)
{
	struct lull_rota_pattern p;
	struct lull_rota_plan pl;
	struct lull_rota_in in;
	struct lull_rota_adult a[2];
	struct lull_errinfo ei;

	june();
	adults_init();
	week(every3, 3, &p);
	a[0] = sam;
	a[0].nursing = 1;
	a[0].can_feed = 0; /* the nursing parent can feed anyway */
	a[1] = alex;
	rota_in(&in, a, 2, LULL_FEEDING_BREAST, &p, 7);
	in.expressed_milk = 1;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.tmpl, LULL_ROTA_SPLIT);
	check_shift(&pl.shifts[0], 1, 1, NM(19, 0), NM(1, 0));
	check_shift(&pl.shifts[1], 2, 2, NM(1, 0), NM(7, 0));
	/* Alex gives the 01:00 and 04:00 feeds. */
	T_CHECK(pl.shifts[1].feeds == 2.0);
	check_block(&pl.people[0], NM(1, 0), NM(7, 0), 360, 1);
	check_block(&pl.people[1], NM(19, 0), NM(1, 0), 360, 1);
	T_EQ_INT(pl.target_met, 1);
	T_CHECK(pl.milk_note != NULL &&
	    strstr(pl.milk_note, "lactation consultant") != NULL);

	/* Without a bottle-giver, back to feeds between feeds. */
	a[1].can_feed = 0;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.tmpl, LULL_ROTA_BETWEEN_FEEDS);
}

/* ---- hard nights ------------------------------------------------------ */

static const struct wk hourly_feeds[] = {
	{ 20, 0, 10, LULL_RESP_FEED }, { 21, 0, 10, LULL_RESP_FEED },
	{ 22, 0, 10, LULL_RESP_FEED }, { 23, 0, 10, LULL_RESP_FEED },
	{ 0, 0, 10, LULL_RESP_FEED },  { 1, 0, 10, LULL_RESP_FEED },
	{ 2, 0, 10, LULL_RESP_FEED },  { 3, 0, 10, LULL_RESP_FEED },
	{ 4, 0, 10, LULL_RESP_FEED },  { 5, 0, 10, LULL_RESP_FEED },
	{ 6, 0, 10, LULL_RESP_FEED },
};

/*
 * Waking every hour from 20:00 to 06:00.  Breastfed: no stretch between
 * feeds is longer than 1 h; the planner says so and still plans.
 * Bottle-fed, with both adults able to sleep only 22:00 to 06:00: 4 h
 * each at most, split at 02:00.
 */
static void
test_hourly(void)
{
	struct lull_rota_pattern p;
	struct lull_rota_plan pl;
	struct lull_rota_in in;
	struct lull_rota_adult a[2];
	struct lull_errinfo ei;

	june();
	adults_init();
	week(hourly_feeds, 11, &p);
	T_CHECK(p.feeds_per_night == 11.0);
	a[0] = sam;
	a[0].nursing = 1;
	a[1] = alex;
	rota_in(&in, a, 2, LULL_FEEDING_BREAST, &p, 7);
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.tmpl, LULL_ROTA_BETWEEN_FEEDS);
	T_EQ_INT(pl.target_met, 0);
	check_block(&pl.people[0], NM(19, 0), NM(20, 0), 60, 0);
	check_block(&pl.people[1], NM(20, 0), NM(7, 0), 660, 1);
	T_EQ_INT(pl.people[0].sleep_min, 720 - 11 * 20);
	T_EQ_INT(pl.nshifts, 2);
	T_CHECK(strstr(pl.reason, "Feeds come about every 1 h at the "
				  "moment, too close together for a 4 h "
				  "30 min block") != NULL);
	T_CHECK(strstr(pl.reason, "This is the best plan for now") != NULL);

	/* Bottle-fed, short windows. */
	a[0].nursing = 0;
	a[0].earliest_bed_min = a[1].earliest_bed_min = NM(22, 0);
	a[0].latest_rise_min = a[1].latest_rise_min = NM(6, 0);
	in.feeding = LULL_FEEDING_BOTTLE;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.tmpl, LULL_ROTA_SPLIT);
	T_EQ_INT(pl.target_met, 0);
	check_shift(&pl.shifts[0], 1, 1, NM(19, 0), NM(2, 0));
	check_shift(&pl.shifts[1], 2, 2, NM(2, 0), NM(7, 0));
	T_EQ_INT(pl.people[0].bed_min, NM(22, 0));
	T_EQ_INT(pl.people[0].rise_min, NM(6, 0));
	check_block(&pl.people[0], NM(2, 0), NM(6, 0), 240, 0);
	check_block(&pl.people[1], NM(22, 0), NM(2, 0), 240, 0);
	/* 8 h less four wakings of 10 minutes and 10 to fall asleep. */
	T_EQ_INT(pl.people[0].sleep_min, 400);
	T_EQ_INT(pl.people[1].sleep_min, 400);
	T_EQ_STR(pl.reason,
	    "The 4 h 30 min target cannot be met for everyone tonight: the "
	    "hours you can sleep leave no room for it. Sam's protected block "
	    "is 4 h (02:00 to 06:00). Alex's protected block is 4 h (22:00 "
	    "to 02:00). This is the best plan we found.");
}

/* ---- who goes first --------------------------------------------------- */

static const struct wk early[] = {
	{ 20, 0, 10, LULL_RESP_HOLD },
	{ 21, 0, 10, LULL_RESP_HOLD },
	{ 22, 0, 10, LULL_RESP_HOLD },
	{ 4, 0, 10, LULL_RESP_HOLD },
};

/*
 * Sam works the next day.  With three wakings in the evening and one
 * before dawn, Sam takes the quieter second shift even on a night the
 * date would give Sam the first.  With equal shifts, Sam goes first so
 * that the block runs up to the morning, even on Alex's date.
 */
static void
test_worker(void)
{
	struct lull_rota_pattern p;
	struct lull_rota_plan pl;
	struct lull_rota_in in;
	struct lull_rota_adult a[2];
	struct lull_errinfo ei;

	june();
	adults_init();
	week(early, 4, &p);
	a[0] = sam;
	a[0].works_next_day = 1;
	a[1] = alex;
	rota_in(&in, a, 2, LULL_FEEDING_BOTTLE, &p, 7);
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	check_shift(&pl.shifts[0], 2, 2, NM(19, 0), NM(1, 0));
	check_shift(&pl.shifts[1], 1, 1, NM(1, 0), NM(7, 0));
	T_CHECK(pl.shifts[0].wakings == 3.0);
	T_CHECK(pl.shifts[1].wakings == 1.0);
	T_CHECK(pl.people[0].wakings == 1.0);
	check_block(&pl.people[0], NM(19, 0), NM(1, 0), 360, 1);
	T_EQ_INT(pl.people[0].sleep_min, 700);
	T_EQ_INT(pl.people[1].sleep_min, 660);

	/* Equal shifts, on a night the date gives Alex the first. */
	week(two_feeds, 2, &p);
	in.night_day = base + 8;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.shifts[0].caregiver_id, 1);
	check_block(&pl.people[0], NM(1, 0), NM(7, 0), 360, 1);

	/* An explicit choice wins over both. */
	in.first_id = 2;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.shifts[0].caregiver_id, 2);
}

/*
 * Three adults who can all feed, Alex working: Kim and Sam share the
 * night and Alex has the night off, with the whole night as a block.
 */
static void
test_three_adults(void)
{
	struct lull_rota_pattern p;
	struct lull_rota_plan pl;
	struct lull_rota_in in;
	struct lull_rota_adult a[3];
	struct lull_errinfo ei;

	june();
	adults_init();
	week(two_feeds, 2, &p);
	a[0] = sam;
	a[1] = alex;
	a[1].works_next_day = 1;
	a[2] = kim;
	rota_in(&in, a, 3, LULL_FEEDING_MIXED, &p, 7);
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.nshifts, 2);
	check_shift(&pl.shifts[0], 3, 3, NM(19, 0), NM(1, 0));
	check_shift(&pl.shifts[1], 1, 1, NM(1, 0), NM(7, 0));
	T_EQ_INT(pl.people[1].on_duty, 0);
	check_block(&pl.people[1], NM(19, 0), NM(7, 0), 720, 1);
	T_EQ_INT(pl.people[1].sleep_min, 720);
	T_EQ_INT(pl.target_met, 1);
}

/* One adult: nothing to take turns with; the longest expected stretch. */
static void
test_solo(void)
{
	struct lull_rota_pattern p;
	struct lull_rota_plan pl;
	struct lull_rota_in in;
	struct lull_errinfo ei;

	june();
	adults_init();
	week(two_feeds, 2, &p);
	rota_in(&in, &sam, 1, LULL_FEEDING_BOTTLE, &p, 7);
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT(pl.tmpl, LULL_ROTA_SOLO);
	T_EQ_INT(pl.nshifts, 1);
	check_shift(&pl.shifts[0], 1, 1, NM(19, 0), NM(7, 0));
	T_EQ_INT(pl.nhandovers, 0);
	check_block(&pl.people[0], NM(19, 0), NM(23, 0), 240, 0);
	T_EQ_INT(pl.people[0].guarded, 0);
	T_EQ_INT(pl.people[0].sleep_min, 660);
	T_EQ_INT(pl.target_met, 0);
	T_EQ_STR(pl.reason,
	    "With one adult tonight, no block can be protected by a rota: "
	    "Sam is on duty all night. The longest stretch the baby usually "
	    "sleeps without needing anyone is 4 h (19:00 to 23:00). That is "
	    "short of the 4 h 30 min target; this is the best plan we "
	    "found.");

	/* A quiet night: still said plainly, and no "short of". */
	week(NULL, 0, &p);
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	check_block(&pl.people[0], NM(19, 0), NM(7, 0), 720, 1);
	T_CHECK(strstr(pl.reason, "no block can be protected") != NULL);
	T_CHECK(strstr(pl.reason, "short of") == NULL);
}

/*
 * 24 October 2026 in Berlin: the clocks go back at 03:00, so 19:00 to
 * 07:00 is 13 h.  The blocks are real time: 6 h 30 min each, handover at
 * 01:30.
 */
static void
test_clocks_go_back(void)
{
	struct lull_rota_pattern p;
	struct lull_rota_plan pl;
	struct lull_rota_in in;
	struct lull_rota_adult a[2];
	struct lull_errinfo ei;

	june();
	adults_init();
	week(two_feeds, 2, &p);
	a[0] = sam;
	a[1] = alex;
	rota_in(&in, a, 2, LULL_FEEDING_BOTTLE, &p, 0);
	in.night_day = lull_days_from_civil(2026, 10, 24);
	in.first_id = 1;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	T_EQ_INT((pl.wake_utc - pl.bed_utc) / 60, 780);
	T_EQ_INT(pl.handover_min[0], NM(1, 30));
	check_block(&pl.people[0], NM(1, 30), NM(7, 0), 390, 1);
	check_block(&pl.people[1], NM(19, 0), NM(1, 30), 390, 1);
	T_EQ_INT(pl.people[0].sleep_min, 780 - 30);
}

/* ---- what happened ---------------------------------------------------- */

/*
 * The plan of test_split_bottle (Sam 19:00-01:00, Alex 01:00-07:00),
 * and a night where Sam got up at 02:00 inside their protected block,
 * two wakings have nobody recorded and one was answered by a visitor.
 */
static void
test_review(void)
{
	struct lull_rota_pattern p;
	struct lull_rota_plan pl;
	struct lull_rota_in in;
	struct lull_rota_adult a[2];
	struct lull_rota_review rv;
	struct lull_parent_night pn;
	struct lull_sleepv sv = { 0 };
	struct lull_sleep *s;
	struct lull_errinfo ei;

	june();
	adults_init();
	week(two_feeds, 2, &p);
	a[0] = sam;
	a[1] = alex;
	rota_in(&in, a, 2, LULL_FEEDING_BOTTLE, &p, 7);
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);

	s = add(&sv, T(7, 19, 0), T(8, 7, 0));
	wake(s, 7, 21, 0, 20, LULL_RESP_FEED, 1);  /* Sam, on duty */
	wake(s, 7, 23, 30, 10, LULL_RESP_HOLD, 0); /* nobody recorded */
	wake(s, 7, 2, 0, 30, LULL_RESP_HOLD, 1);   /* Sam, off duty */
	wake(s, 7, 3, 30, 5, LULL_RESP_NONE, 2);   /* settled alone */
	wake(s, 7, 4, 0, 15, LULL_RESP_FEED, 2);   /* Alex, on duty */
	wake(s, 7, 5, 0, 10, LULL_RESP_FEED, 0);   /* nobody recorded */
	wake(s, 7, 6, 0, 5, LULL_RESP_HOLD, 9);	   /* a visitor */

	T_EQ_INT(lull_rota_review(&pl, sv.v, sv.n, &rv, &ei), LULL_OK);
	T_EQ_INT(rv.bed_utc, T(7, 19, 0));
	T_EQ_INT(rv.wake_utc, T(8, 7, 0));
	T_EQ_INT(rv.nwho, 2);
	T_EQ_INT(rv.who[0].caregiver_id, 1);
	T_EQ_INT(rv.who[0].wakings, 2);
	T_EQ_INT(rv.who[0].up_min, 50);
	T_EQ_INT(rv.who[0].longest_min, 280); /* 21:20 to 02:00 */
	T_EQ_INT(rv.who[0].longest_from_utc, T(7, 21, 20));
	T_EQ_INT(rv.who[0].longest_to_utc, T(8, 2, 0));
	T_EQ_INT(rv.who[0].held, 0);
	T_EQ_INT(rv.who[0].in_block, 1);
	T_EQ_INT(rv.who[0].unknown_in_block, 1); /* 05:00 */
	T_EQ_INT(rv.who[1].wakings, 1);
	T_EQ_INT(rv.who[1].up_min, 15);
	T_EQ_INT(rv.who[1].longest_min, 540); /* 19:00 to 04:00 */
	T_EQ_INT(rv.who[1].held, 1);
	T_EQ_INT(rv.who[1].in_block, 0);
	T_EQ_INT(rv.who[1].unknown_in_block, 1); /* 23:30 */
	T_EQ_INT(rv.unknown, 2);
	T_EQ_INT(rv.unknown_min, 20);
	T_EQ_INT(rv.other, 1);
	T_EQ_STR(rv.note,
	    "2 wakings (20 min) had nobody recorded; they are counted for "
	    "nobody, so a block may have been broken without it showing "
	    "here.");

	/* Alex's own night from duty, between 22:00 and 06:00. */
	T_EQ_INT(lull_rota_parent_night(sv.v, sv.n, 2, T(7, 22, 0),
		     T(8, 6, 0), &pn, &ei),
	    LULL_OK);
	T_EQ_INT(pn.longest_min, 360);
	T_EQ_INT(pn.longest_from_utc, T(7, 22, 0));
	T_EQ_INT(pn.wakings, 1);
	T_EQ_INT(pn.up_min, 15);
	T_EQ_INT(pn.free_min, 465);
	/* Nobody answered nothing: the whole night. */
	T_EQ_INT(lull_rota_parent_night(sv.v, sv.n, 5, LULL_NO_TIME,
		     LULL_NO_TIME, &pn, &ei),
	    LULL_OK);
	T_EQ_INT(pn.longest_min, 720);
	T_EQ_INT(lull_rota_parent_night(sv.v, sv.n, 0, LULL_NO_TIME,
		     LULL_NO_TIME, &pn, &ei),
	    LULL_EINVAL);
	T_EQ_STR(ei.field, "caregiver");
	T_EQ_INT(lull_rota_parent_night(sv.v, sv.n, 1, T(8, 6, 0), T(7, 22, 0),
		     &pn, &ei),
	    LULL_EINVAL);
	T_EQ_STR(ei.field, "rise");

	/* Not the planned night; a night still going on. */
	pl.bed_utc = T(1, 19, 0);
	pl.wake_utc = T(2, 7, 0);
	T_EQ_INT(lull_rota_review(&pl, sv.v, sv.n, &rv, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "night");
	sv.v[0].end_utc = LULL_NO_TIME;
	T_EQ_INT(lull_rota_review(&pl, sv.v, sv.n, &rv, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "night");
	T_EQ_INT(lull_rota_review(&pl, NULL, 0, &rv, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "night");
	lull_sleepv_free(&sv);
}

/* ---- rebalancing ------------------------------------------------------ */

static void
test_rebalance(void)
{
	static const int32_t three[] = { 200, 170, 170, 170, 200, 200, 200 };
	static const int32_t four[] = { 170, 170, 200, 170, 200, 170, 200 };
	static const int32_t edge[] = { 180, 180, 180, 180, 170, 170, 170 };
	static const int32_t old[] = { 100, 170, 170, 170, 200, 200, 200,
		200 };
	static const int32_t gaps[] = { LULL_ROTA_NONE, 170, 170, 170, 170,
		LULL_ROTA_NONE, LULL_ROTA_NONE };
	struct lull_rota_balance b;

	lull_rota_rebalance(three, 7, "Sam", &b);
	T_EQ_INT(b.nights, 7);
	T_EQ_INT(b.under, 3);
	T_EQ_INT(b.prompt, 0);
	T_EQ_STR(b.msg, "");
	lull_rota_rebalance(four, 7, "Sam", &b);
	T_EQ_INT(b.under, 4);
	T_EQ_INT(b.prompt, 1);
	T_EQ_STR(b.msg,
	    "Sam's longest sleep was under 3 h on 4 of the last 7 nights. "
	    "That is a lot to carry: could the rota change for a few nights "
	    "so that Sam gets a longer block?");
	/* Exactly 3 h is not under 3 h. */
	lull_rota_rebalance(edge, 7, "Sam", &b);
	T_EQ_INT(b.under, 3);
	T_EQ_INT(b.prompt, 0);
	/* Only the last 7 nights count. */
	lull_rota_rebalance(old, 8, NULL, &b);
	T_EQ_INT(b.nights, 7);
	T_EQ_INT(b.under, 3);
	T_EQ_INT(b.prompt, 0);
	/* Nights not known are skipped. */
	lull_rota_rebalance(gaps, 7, NULL, &b);
	T_EQ_INT(b.nights, 4);
	T_EQ_INT(b.prompt, 1);
	T_CHECK(strncmp(b.msg, "Your longest sleep", 18) == 0);
	lull_rota_rebalance(NULL, 0, NULL, &b);
	T_EQ_INT(b.prompt, 0);
}

/* ---- invalid input ---------------------------------------------------- */

static void
test_invalid(void)
{
	struct lull_rota_pattern p;
	struct lull_rota_plan pl;
	struct lull_rota_in in;
	struct lull_rota_adult a[5];
	struct lull_errinfo ei;

	june();
	adults_init();
	week(two_feeds, 2, &p);
	a[0] = sam;
	a[1] = alex;
	a[2] = kim;
	a[3] = kim;
	a[4] = kim;
	rota_in(&in, a, 0, LULL_FEEDING_BOTTLE, &p, 7);
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "adults");
	in.nadults = 5;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "adults");
	in.nadults = 2;
	in.target_min = 179;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "target");
	in.target_min = 481;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "target");
	in.target_min = 180;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	in.target_min = 480;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_OK);
	in.target_min = 0;
	in.nadults = 4; /* Kim twice */
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "adults[3].caregiver_id");
	in.nadults = 2;
	in.feeding = LULL_FEEDING_BREAST; /* nobody nursing */
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "adults");
	in.feeding = LULL_FEEDING__MAX;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "feeding");
	in.feeding = LULL_FEEDING_BOTTLE;
	a[0].can_feed = a[1].can_feed = 0;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "adults");
	a[0].can_feed = a[1].can_feed = 1;
	in.first_id = 7;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "first");
	in.first_id = 0;
	a[1].earliest_bed_min = 100;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "adults[1].earliest_bed");
	a[1].earliest_bed_min = NM(7, 30); /* after the baby's morning */
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "adults[1].latest_rise");
	a[1].earliest_bed_min = LULL_ROTA_NONE;
	in.pattern = NULL;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "pattern");
	in.pattern = &p;
	in.tz = NULL;
	T_EQ_INT(lull_rota_plan(&in, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "tz");
	T_EQ_INT(lull_rota_plan(NULL, &pl, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "adults");
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
	{ "night pattern", test_pattern },
	{ "split night, bottle-fed", test_split_bottle },
	{ "between feeds, every 3 h and every 5 h", test_between_feeds },
	{ "expressed milk", test_expressed_milk },
	{ "waking every hour", test_hourly },
	{ "the one who works gets the quieter shift", test_worker },
	{ "three adults, one night off", test_three_adults },
	{ "one adult", test_solo },
	{ "clocks go back", test_clocks_go_back },
	{ "review against the plan", test_review },
	{ "rebalancing prompt", test_rebalance },
	{ "invalid input", test_invalid },
	{ "teardown", teardown },
};

T_MAIN(cases)
