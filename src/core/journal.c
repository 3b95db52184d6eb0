/*
 * The journal's rules: what a valid entry is, when two sleeps collide,
 * nap or night when nobody said, and a child's (corrected) age.  Every
 * message names the field and quotes the value, in local time when a zone
 * is at hand, because a parent typed it in local time.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"

/* "2026-03-29 01:30" in the zone, or UTC with a Z when there is none. */
static void
fmt_time(const struct lull_tz *tz, int64_t utc, char *buf, size_t bufsz)
{
	char date[16], hm[16];

	if (tz == NULL) {
		int32_t day = (int32_t)((utc >= 0 ? utc : utc - 86399) / 86400);
		int64_t sec = utc - (int64_t)day * 86400;

		lull_date_format(day, date, sizeof(date));
		snprintf(buf, bufsz, "%s %02d:%02dZ", date, (int)(sec / 3600),
		    (int)(sec % 3600 / 60));
		return;
	}
	lull_date_format(lull_local_day(tz, utc), date, sizeof(date));
	lull_time_format_hm(tz, utc, hm, sizeof(hm));
	snprintf(buf, bufsz, "%s %s", date, hm);
}

static enum lull_err
check_minutes(int32_t v, const char *field, struct lull_errinfo *ei)
{
	if (v != LULL_UNKNOWN && v < 0)
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s: %d minutes cannot be negative", field, (int)v);
	return LULL_OK;
}

static enum lull_err
check_future(const struct lull_tz *tz, int64_t t, int64_t now,
    const char *field, struct lull_errinfo *ei)
{
	char when[40];

	if (t != LULL_NO_TIME && t > now + LULL_FUTURE_SLACK_SEC) {
		fmt_time(tz, t, when, sizeof(when));
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s: %s is in the future", field, when);
	}
	return LULL_OK;
}

/* [a0, a1) and [b0, b1) intersect; LULL_NO_TIME ends are open. */
static int
intersects(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
	int a_before_b_ends = b1 == LULL_NO_TIME || a0 < b1;
	int b_before_a_ends = a1 == LULL_NO_TIME || b0 < a1;

	return a_before_b_ends && b_before_a_ends;
}

static enum lull_err
check_wakings(const struct lull_sleep *s, const struct lull_tz *tz,
    struct lull_errinfo *ei)
{
	size_t i;

	for (i = 0; i < s->nwakings; i++) {
		const struct lull_waking *w = &s->wakings[i];
		char a[40], b[40];

		if (w->start_utc == LULL_NO_TIME)
			return lull_errinfo_set(ei, LULL_EINVAL,
			    "waking.start", "waking %zu: the start is missing",
			    i + 1);
		if (w->start_utc < s->start_utc ||
		    (s->end_utc != LULL_NO_TIME &&
			w->start_utc >= s->end_utc)) {
			fmt_time(tz, w->start_utc, a, sizeof(a));
			return lull_errinfo_set(ei, LULL_EINVAL,
			    "waking.start",
			    "waking.start: %s is outside its sleep", a);
		}
		if (w->end_utc == LULL_NO_TIME) {
			/* Awake right now: only at the end of a night that
			 * is still going on. */
			if (s->end_utc != LULL_NO_TIME ||
			    i + 1 != s->nwakings)
				return lull_errinfo_set(ei, LULL_EINVAL,
				    "waking.end",
				    "waking.end: only the last waking of an "
				    "ongoing sleep may be open");
			continue;
		}
		if (w->end_utc <= w->start_utc) {
			fmt_time(tz, w->start_utc, a, sizeof(a));
			fmt_time(tz, w->end_utc, b, sizeof(b));
			return lull_errinfo_set(ei, LULL_EINVAL, "waking.end",
			    "waking.end: %s is not after its start %s", b, a);
		}
		if (s->end_utc != LULL_NO_TIME && w->end_utc > s->end_utc) {
			fmt_time(tz, w->end_utc, b, sizeof(b));
			return lull_errinfo_set(ei, LULL_EINVAL, "waking.end",
			    "waking.end: %s is after the sleep ended", b);
		}
		if (i > 0 && (s->wakings[i - 1].end_utc == LULL_NO_TIME ||
				 s->wakings[i - 1].end_utc > w->start_utc)) {
			fmt_time(tz, w->start_utc, a, sizeof(a));
			return lull_errinfo_set(ei, LULL_ECONFLICT,
			    "waking.start",
			    "waking.start: %s overlaps the waking before it",
			    a);
		}
	}
	return LULL_OK;
}

enum lull_err
lull_sleep_check(const struct lull_sleep *s, const struct lull_tz *tz,
    int64_t now_utc, struct lull_errinfo *ei)
{
	enum lull_err rc;
	char a[40], b[40];
	size_t i;

	if (s->child_id <= 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "child",
		    "child: a sleep needs a child");
	if (s->start_utc == LULL_NO_TIME)
		return lull_errinfo_set(ei, LULL_EINVAL, "start",
		    "start: a sleep needs a start time");
	if ((unsigned)s->kind >= LULL_SLEEP_KIND__MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, "kind",
		    "kind: %d is not nap or night", (int)s->kind);
	if ((unsigned)s->place >= LULL_PLACE__MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, "place",
		    "place: %d is not a known place", (int)s->place);
	if (s->onset >> LULL_ONSET__MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, "onset",
		    "onset: unknown ways of falling asleep in the set");
	if ((rc = check_future(tz, s->start_utc, now_utc, "start", ei)))
		return rc;
	if ((rc = check_future(tz, s->end_utc, now_utc, "end", ei)))
		return rc;
	if (s->end_utc != LULL_NO_TIME) {
		if (s->end_utc <= s->start_utc) {
			fmt_time(tz, s->start_utc, a, sizeof(a));
			fmt_time(tz, s->end_utc, b, sizeof(b));
			return lull_errinfo_set(ei, LULL_EINVAL, "end",
			    "end: %s is not after the start %s", b, a);
		}
		if (s->end_utc - s->start_utc > LULL_SLEEP_MAX_SEC)
			return lull_errinfo_set(ei, LULL_EINVAL, "end",
			    "end: a sleep of %lldh%02lldm is longer than "
			    "%d hours; check the dates",
			    (long long)((s->end_utc - s->start_utc) / 3600),
			    (long long)((s->end_utc - s->start_utc) % 3600 /
				60),
			    LULL_SLEEP_MAX_SEC / 3600);
	}
	if ((rc = check_minutes(s->latency_min, "latency", ei)) ||
	    (rc = check_minutes(s->crying_min, "crying", ei)))
		return rc;
	if (s->latency_min != LULL_UNKNOWN && s->end_utc != LULL_NO_TIME &&
	    (int64_t)s->latency_min * 60 > s->end_utc - s->start_utc)
		return lull_errinfo_set(ei, LULL_EINVAL, "latency",
		    "latency: %d minutes to fall asleep is longer than the "
		    "sleep",
		    (int)s->latency_min);
	if (s->routine != LULL_UNKNOWN && s->routine != 0 && s->routine != 1)
		return lull_errinfo_set(ei, LULL_EINVAL, "routine",
		    "routine: %d is not yes or no", s->routine);
	for (i = 0; i < s->nwakings; i++) {
		const struct lull_waking *w = &s->wakings[i];

		if ((unsigned)w->response >= LULL_RESP__MAX)
			return lull_errinfo_set(ei, LULL_EINVAL,
			    "waking.response",
			    "waking.response: %d is not a known response",
			    (int)w->response);
		if ((rc = check_future(tz, w->start_utc, now_utc,
			 "waking.start", ei)) ||
		    (rc = check_future(tz, w->end_utc, now_utc, "waking.end",
			 ei)))
			return rc;
	}
	return check_wakings(s, tz, ei);
}

enum lull_err
lull_sleep_check_overlap(const struct lull_sleep *s,
    const struct lull_sleepv *others, const struct lull_tz *tz,
    struct lull_errinfo *ei)
{
	size_t i;

	for (i = 0; i < others->n; i++) {
		const struct lull_sleep *o = &others->v[i];
		char a[40], b[40];

		if (o->id != 0 && o->id == s->id)
			continue;
		if (o->child_id != s->child_id)
			continue;
		if (!intersects(s->start_utc, s->end_utc, o->start_utc,
			o->end_utc))
			continue;
		fmt_time(tz, o->start_utc, a, sizeof(a));
		if (o->end_utc == LULL_NO_TIME)
			return lull_errinfo_set(ei, LULL_ECONFLICT, "start",
			    "start: overlaps sleep #%lld, which started %s "
			    "and is still going on (stop it first)",
			    (long long)o->id, a);
		fmt_time(tz, o->end_utc, b, sizeof(b));
		return lull_errinfo_set(ei, LULL_ECONFLICT, "start",
		    "start: overlaps sleep #%lld from %s to %s",
		    (long long)o->id, a, b);
	}
	return LULL_OK;
}

enum lull_err
lull_feed_check(const struct lull_feed *f, const struct lull_tz *tz,
    int64_t now_utc, struct lull_errinfo *ei)
{
	enum lull_err rc;

	if (f->child_id <= 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "child",
		    "child: a feed needs a child");
	if (f->start_utc == LULL_NO_TIME)
		return lull_errinfo_set(ei, LULL_EINVAL, "start",
		    "start: a feed needs a start time");
	if ((unsigned)f->kind >= LULL_FEED_KIND__MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, "kind",
		    "kind: %d is not breast, bottle or solids", (int)f->kind);
	if ((unsigned)f->side >= LULL_SIDE__MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, "side",
		    "side: %d is not left, right, both or none", (int)f->side);
	if (f->side != LULL_SIDE_NONE && f->kind != LULL_FEED_BREAST)
		return lull_errinfo_set(ei, LULL_EINVAL, "side",
		    "side: %s is only for breast feeds",
		    lull_side_name(f->side));
	if ((rc = check_future(tz, f->start_utc, now_utc, "start", ei)) ||
	    (rc = check_future(tz, f->end_utc, now_utc, "end", ei)))
		return rc;
	if (f->end_utc != LULL_NO_TIME) {
		if (f->end_utc <= f->start_utc) {
			char a[40], b[40];

			fmt_time(tz, f->start_utc, a, sizeof(a));
			fmt_time(tz, f->end_utc, b, sizeof(b));
			return lull_errinfo_set(ei, LULL_EINVAL, "end",
			    "end: %s is not after the feed's start %s", b, a);
		}
		if (f->end_utc - f->start_utc > LULL_FEED_MAX_SEC)
			return lull_errinfo_set(ei, LULL_EINVAL, "end",
			    "end: a feed of %lld minutes is longer than %d "
			    "hours; check the times",
			    (long long)((f->end_utc - f->start_utc) / 60),
			    LULL_FEED_MAX_SEC / 3600);
	}
	if (f->amount_ml != LULL_UNKNOWN &&
	    (f->amount_ml < 0 || f->amount_ml > 2000))
		return lull_errinfo_set(ei, LULL_EINVAL, "ml",
		    "ml: %d is not an amount between 0 and 2000 ml",
		    (int)f->amount_ml);
	return LULL_OK;
}

enum lull_err
lull_tag_check(const struct lull_tag *t, struct lull_errinfo *ei)
{
	char a[16], b[16];

	if (t->child_id <= 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "child",
		    "child: a tag needs a child");
	if ((unsigned)t->kind >= LULL_TAG_KIND__MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, "kind",
		    "kind: %d is not a known tag", (int)t->kind);
	if (t->from_day == LULL_NO_DAY)
		return lull_errinfo_set(ei, LULL_EINVAL, "from",
		    "from: a tag needs a first day");
	if (t->to_day == LULL_NO_DAY || t->to_day < t->from_day) {
		lull_date_format(t->from_day, a, sizeof(a));
		if (t->to_day == LULL_NO_DAY)
			return lull_errinfo_set(ei, LULL_EINVAL, "to",
			    "to: a tag needs a last day");
		lull_date_format(t->to_day, b, sizeof(b));
		return lull_errinfo_set(ei, LULL_EINVAL, "to",
		    "to: %s is before the first day %s", b, a);
	}
	if (t->to_day - t->from_day >= LULL_TAG_MAX_DAYS)
		return lull_errinfo_set(ei, LULL_EINVAL, "to",
		    "to: a tag can span at most %d days", LULL_TAG_MAX_DAYS);
	return LULL_OK;
}

enum lull_err
lull_child_check(const struct lull_child *c, int32_t today,
    struct lull_errinfo *ei)
{
	char a[16], b[16];

	if (c->name == NULL || c->name[strspn(c->name, " \t")] == '\0')
		return lull_errinfo_set(ei, LULL_EINVAL, "name",
		    "name: a child needs a name");
	if (strlen(c->name) > 64)
		return lull_errinfo_set(ei, LULL_EINVAL, "name",
		    "name: \"%.20s...\" is longer than 64 characters",
		    c->name);
	if (c->born_day == LULL_NO_DAY)
		return lull_errinfo_set(ei, LULL_EINVAL, "born",
		    "born: a child needs a birth date");
	lull_date_format(c->born_day, a, sizeof(a));
	if (c->born_day > today)
		return lull_errinfo_set(ei, LULL_EINVAL, "born",
		    "born: %s is in the future", a);
	if (today - c->born_day > 10 * 366)
		return lull_errinfo_set(ei, LULL_EINVAL, "born",
		    "born: %s is more than ten years ago; lull is for "
		    "babies and young children",
		    a);
	if (c->due_day == LULL_NO_DAY)
		return LULL_OK;
	lull_date_format(c->due_day, b, sizeof(b));
	/* Due dates more than 20 weeks after birth would mean birth
	 * before 20 weeks of gestation; a baby born 6 weeks "late" is
	 * beyond what happens.  Either is a typo. */
	if (c->due_day - c->born_day > 20 * 7)
		return lull_errinfo_set(ei, LULL_EINVAL, "due",
		    "due: %s is more than 20 weeks after the birth %s", b, a);
	if (c->born_day - c->due_day > 6 * 7)
		return lull_errinfo_set(ei, LULL_EINVAL, "due",
		    "due: %s is more than 6 weeks before the birth %s", b, a);
	return LULL_OK;
}

enum lull_sleep_kind
lull_sleep_derive_kind(const struct lull_tz *tz, const struct lull_sleep *s)
{
	struct lull_local lt;
	int evening;

	lull_tz_local(tz, s->start_utc, &lt);
	evening = lt.sec >= LULL_NIGHT_FROM_SEC || lt.sec < LULL_NIGHT_TO_SEC;
	if (!evening)
		return LULL_SLEEP_NAP;
	if (s->end_utc == LULL_NO_TIME ||
	    s->end_utc - s->start_utc >= LULL_NIGHT_MIN_SEC)
		return LULL_SLEEP_NIGHT;
	return LULL_SLEEP_NAP;
}

void
lull_sleep_settle_kind(const struct lull_tz *tz, struct lull_sleep *s)
{
	if (!s->kind_given)
		s->kind = lull_sleep_derive_kind(tz, s);
}

int32_t
lull_evening_day(const struct lull_tz *tz, int64_t utc)
{
	struct lull_local lt;

	lull_tz_local(tz, utc, &lt);
	return lt.sec < 12 * 3600 ? lt.day - 1 : lt.day;
}

static int
in_night_window(const struct lull_tz *tz, int64_t utc)
{
	struct lull_local lt;

	lull_tz_local(tz, utc, &lt);
	return lt.sec >= LULL_NIGHT_WINDOW_FROM_SEC ||
	    lt.sec < LULL_NIGHT_WINDOW_TO_SEC;
}

/* Ongoing sleeps last forever here: the longest, and chained to nothing
 * after them. */
static int64_t
sleep_len(const struct lull_sleep *s)
{
	return s->end_utc == LULL_NO_TIME ? INT64_MAX : s->end_utc - s->start_utc;
}

static int
given_nap(const struct lull_sleep *s)
{
	return s->kind_given && s->kind == LULL_SLEEP_NAP;
}

/*
 * One evening's sleeps v[a..b), all in the night window: find the longest
 * block and chain its neighbours to it.  A nap a person gave is never
 * made part of the night, and the chain stops there.
 */
static void
derive_evening(const struct lull_child *child, int32_t evening,
    const struct lull_sleep *v, size_t a, size_t b,
    enum lull_sleep_kind *kinds)
{
	int64_t core = LULL_NIGHT_CORE_SEC, best = -1, end;
	size_t i, lo, hi, anchor = b;

	for (i = a; i < b; i++)
		if (!given_nap(&v[i]) && sleep_len(&v[i]) > best) {
			best = sleep_len(&v[i]);
			anchor = i;
		}
	if (anchor == b)
		return;
	if (child != NULL &&
	    lull_child_age_days(child, evening, NULL) < LULL_NIGHT_YOUNG_DAYS)
		core = LULL_NIGHT_CORE_YOUNG_SEC;
	if (best < core)
		return;
	kinds[anchor] = LULL_SLEEP_NIGHT;
	for (lo = anchor; lo > a; lo--) {
		const struct lull_sleep *p = &v[lo - 1];

		end = p->end_utc == LULL_NO_TIME ? p->start_utc : p->end_utc;
		if (given_nap(p) || v[lo].start_utc - end > LULL_NIGHT_GAP_SEC)
			break;
		if (!p->kind_given)
			kinds[lo - 1] = LULL_SLEEP_NIGHT;
	}
	for (hi = anchor; hi + 1 < b; hi++) {
		const struct lull_sleep *n = &v[hi + 1];

		if (v[hi].end_utc == LULL_NO_TIME || given_nap(n) ||
		    n->start_utc - v[hi].end_utc > LULL_NIGHT_GAP_SEC)
			break;
		if (!n->kind_given)
			kinds[hi + 1] = LULL_SLEEP_NIGHT;
	}
}

void
lull_sleeps_derive_kinds(const struct lull_tz *tz,
    const struct lull_child *child, const struct lull_sleep *v, size_t n,
    enum lull_sleep_kind *kinds)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		kinds[i] = v[i].kind_given ? v[i].kind : LULL_SLEEP_NAP;
	for (i = 0; i < n; i = j) {
		int32_t evening;

		j = i + 1;
		if (!in_night_window(tz, v[i].start_utc))
			continue;
		evening = lull_evening_day(tz, v[i].start_utc);
		while (j < n && in_night_window(tz, v[j].start_utc) &&
		    lull_evening_day(tz, v[j].start_utc) == evening)
			j++;
		derive_evening(child, evening, v, i, j, kinds);
	}
}

/* Corrected age is used until 24 months corrected (domain.md 0.2). */
#define CORRECT_UNTIL_DAYS 730

int32_t
lull_child_age_days(const struct lull_child *c, int32_t day, int *corrected)
{
	int32_t age = day - c->born_day;

	if (corrected != NULL)
		*corrected = 0;
	if (c->due_day != LULL_NO_DAY && c->due_day > c->born_day &&
	    day - c->due_day < CORRECT_UNTIL_DAYS) {
		if (corrected != NULL)
			*corrected = 1;
		age = day - c->due_day;
	}
	return age;
}

void
lull_age_format(int32_t age_days, char *buf, size_t bufsz)
{
	/* Months as days / 30.44 (domain.md 0.2). */
	int months = (int)((double)age_days / 30.44);

	if (age_days < 0)
		/* Corrected age before the due date of a baby born early. */
		snprintf(buf, bufsz, "%d wk before due date",
		    (int)((-age_days + 6) / 7));
	else if (age_days < 14)
		snprintf(buf, bufsz, "%d d", (int)age_days);
	else if (months < 3)
		snprintf(buf, bufsz, "%d wk", (int)(age_days / 7));
	else if (months < 24)
		snprintf(buf, bufsz, "%d mo", months);
	else if (months % 12 == 0)
		snprintf(buf, bufsz, "%d y", months / 12);
	else
		snprintf(buf, bufsz, "%d y %d mo", months / 12, months % 12);
}
