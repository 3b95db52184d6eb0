/*
 * Nights and days from the journal: the metrics of stats.h, defined in
 * words in docs/analytics.md.  One pass over the sleeps of the range
 * (found by binary search, so the cost follows the range and not the
 * history), no allocation but the kinds of those sleeps.
 * SPDX-License-Identifier: ISC
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/stats.h"

/* A feed logged within this long of a waking answered with a feed is
 * that feed, not another one. */
#define FEED_SLACK_SEC (10 * 60)

/* Ten years of days at most, as the log allows. */
#define MAX_DAYS 3661

static const struct {
	const char *name;
	const char *label;
} metrics[LULL_METRIC__MAX] = {
	[LULL_METRIC_TOTAL] = { "total_sleep_min", "total sleep" },
	[LULL_METRIC_NIGHT] = { "night_sleep_min", "night sleep" },
	[LULL_METRIC_NAP_MIN] = { "nap_min", "naps" },
	[LULL_METRIC_NAP_COUNT] = { "nap_count", "number of naps" },
	[LULL_METRIC_WAKINGS] = { "night_wakings", "night wakings" },
	[LULL_METRIC_WASO] = { "awake_after_onset_min",
	    "awake in the night" },
	[LULL_METRIC_LONGEST] = { "longest_stretch_min", "longest stretch" },
	[LULL_METRIC_LATENCY] = { "latency_min", "time to fall asleep" },
	[LULL_METRIC_ONSET] = { "sleep_onset_min", "asleep at night" },
	[LULL_METRIC_WAKE] = { "morning_wake_min", "morning wake" },
	[LULL_METRIC_NIGHT_FEEDS] = { "night_feeds", "night feeds" },
};

const char *
lull_metric_name(enum lull_metric m)
{
	return (unsigned)m < LULL_METRIC__MAX ? metrics[m].name : NULL;
}

const char *
lull_metric_label(enum lull_metric m)
{
	return (unsigned)m < LULL_METRIC__MAX ? metrics[m].label : NULL;
}

int
lull_metric_value(const struct lull_day_stats *d, enum lull_metric m,
    int32_t *out)
{
	const struct lull_night_stats *n = &d->night;
	int night = d->complete && d->has_night;

	switch (m) {
	case LULL_METRIC_TOTAL:
		*out = d->total_min;
		return night;
	case LULL_METRIC_NIGHT:
		*out = d->night_min;
		return night;
	case LULL_METRIC_NAP_MIN:
		*out = d->nap_min;
		return d->complete && d->logged;
	case LULL_METRIC_NAP_COUNT:
		*out = d->nap_count;
		return d->complete && d->logged;
	case LULL_METRIC_WAKINGS:
		*out = n->n.wakings;
		return night;
	case LULL_METRIC_WASO:
		*out = n->waso_min;
		return night;
	case LULL_METRIC_LONGEST:
		*out = d->longest_min;
		return night;
	case LULL_METRIC_LATENCY:
		*out = n->n.latency_min;
		return d->has_night && n->n.latency_min != LULL_UNKNOWN;
	case LULL_METRIC_ONSET:
		*out = (int32_t)(n->n.onset_sec / 60);
		return d->has_night;
	case LULL_METRIC_WAKE:
		*out = n->wake_min;
		return night && n->wake_min != LULL_STATS_NONE;
	case LULL_METRIC_NIGHT_FEEDS:
		*out = d->night_feeds;
		return night;
	default:
		return 0;
	}
}

/* ---- one night, one nap ---------------------------------------------- */

static int32_t
minutes(int64_t sec)
{
	return sec > 0 ? (int32_t)(sec / 60) : 0;
}

static struct lull_involvement *
who_slot(struct lull_involvement *who, size_t *nwho, int64_t id)
{
	size_t i;

	for (i = 0; i < *nwho; i++)
		if (who[i].caregiver_id == id)
			return &who[i];
	/* Past the last slot, the rest are added up in it. */
	if (*nwho == LULL_STATS_MAX_CAREGIVERS)
		return &who[LULL_STATS_MAX_CAREGIVERS - 1];
	memset(&who[*nwho], 0, sizeof(who[0]));
	who[*nwho].caregiver_id = id;
	return &who[(*nwho)++];
}

/*
 * Time asleep, awake and the longest stretch over pieces v[0..n) taken as
 * one sleep: the wakings inside each piece and the gaps between pieces
 * interrupt it.  "now" ends whatever is still going on.
 */
struct scan {
	int64_t onset, end;
	int64_t awake;	 /* seconds awake after onset */
	int64_t longest; /* seconds */
};

static int64_t
end_or_now(int64_t end, int64_t now)
{
	return end == LULL_NO_TIME ? now : end;
}

static void
scan_pieces(const struct lull_sleep *const *v, size_t n, int64_t now,
    struct scan *out)
{
	int64_t cursor;
	size_t i, k;

	out->onset = v[0]->start_utc;
	out->end = end_or_now(v[n - 1]->end_utc, now);
	if (out->end < out->onset)
		out->end = out->onset;
	out->awake = 0;
	out->longest = 0;
	cursor = out->onset;
	for (i = 0; i < n; i++) {
		const struct lull_sleep *s = v[i];
		int64_t send = end_or_now(s->end_utc, now);

		if (i > 0 && s->start_utc > cursor) {
			/* The gap between two pieces. */
			out->awake += s->start_utc - cursor;
			cursor = s->start_utc;
		}
		for (k = 0; k < s->nwakings; k++) {
			int64_t a = s->wakings[k].start_utc;
			int64_t b = end_or_now(s->wakings[k].end_utc, now);

			if (a < cursor)
				a = cursor;
			if (b > send)
				b = send;
			if (b <= a)
				continue;
			if (a - cursor > out->longest)
				out->longest = a - cursor;
			out->awake += b - a;
			cursor = b;
		}
		if (send - cursor > out->longest)
			out->longest = send - cursor;
		if (send > cursor)
			cursor = send;
	}
}

/* A waking for the counts: nested, or the gap between two pieces. */
static void
count_waking(struct lull_night_stats *ns, enum lull_response resp,
    int64_t by, int64_t sec, int ended)
{
	int32_t m = minutes(sec);

	ns->wakings_all++;
	if (ended)
		ns->n.awake_min += m;
	/* A waking the child settled from alone needed nobody. */
	if (resp == LULL_RESP_NONE)
		return;
	ns->n.wakings++;
	if (resp == LULL_RESP_FEED)
		ns->n.night_feeds++;
	ns->help_min += m;
	if ((unsigned)resp < LULL_RESP__MAX) {
		struct lull_involvement *w = who_slot(ns->who, &ns->nwho, by);

		ns->resp.n[resp]++;
		ns->resp.min[resp] += m;
		w->wakings++;
		w->waking_min += m;
	}
}

static void
night_of(const struct lull_stats_in *in, const struct lull_sleep *const *v,
    size_t n, int32_t evening, struct lull_night_stats *ns)
{
	const struct lull_sleep *first = v[0], *last = v[n - 1];
	struct lull_local lt;
	struct scan sc;
	size_t i, k;

	memset(ns, 0, sizeof(*ns));
	ns->n.day = evening;
	ns->n.logged = 1;
	ns->n.latency_min = first->latency_min;
	ns->n.crying_min = first->crying_min;
	lull_tz_local(in->tz, first->start_utc, &lt);
	ns->n.onset_sec = (int64_t)(lt.day - evening) * 86400 + lt.sec;
	for (i = 0; in->tags != NULL && i < in->tags->n; i++)
		if (in->tags->v[i].from_day <= evening &&
		    in->tags->v[i].to_day >= evening)
			ns->n.tags |= 1u << in->tags->v[i].kind;
	ns->pieces = (int)n;
	ns->ongoing = last->end_utc == LULL_NO_TIME;
	ns->onset_utc = first->start_utc;
	ns->lights_out_utc = first->latency_min == LULL_UNKNOWN ?
	    LULL_NO_TIME :
	    first->start_utc - (int64_t)first->latency_min * 60;
	ns->wake_utc = last->end_utc;
	ns->wake_min = LULL_STATS_NONE;
	if (!ns->ongoing) {
		lull_tz_local(in->tz, last->end_utc, &lt);
		ns->wake_min = lt.sec / 60;
	}
	ns->settled_by = first->settled_by;
	ns->routine = first->routine;
	for (i = 0; i < n; i++) {
		const struct lull_sleep *s = v[i];

		if (i > 0) {
			int64_t gap = s->start_utc - v[i - 1]->end_utc;

			/* Who went and what helped are not known. */
			if (gap > 0)
				count_waking(ns, LULL_RESP_UNKNOWN, 0, gap, 1);
		}
		for (k = 0; k < s->nwakings; k++) {
			const struct lull_waking *w = &s->wakings[k];
			int64_t e = end_or_now(w->end_utc, in->now_utc);

			count_waking(ns, w->response, w->caregiver_id,
			    e - w->start_utc, w->end_utc != LULL_NO_TIME);
		}
	}
	scan_pieces(v, n, in->now_utc, &sc);
	ns->waso_min = minutes(sc.awake);
	ns->sleep_min = minutes(sc.end - sc.onset - sc.awake);
	ns->longest_min = minutes(sc.longest);
	{
		struct lull_involvement *w = who_slot(ns->who, &ns->nwho,
		    first->settled_by);

		w->settles++;
		if (first->latency_min != LULL_UNKNOWN)
			w->settle_min += first->latency_min;
	}
}

/* ---- the days --------------------------------------------------------- */

/* First index in v[0..n) whose start is at or after t. */
static size_t
sleep_lower(const struct lull_sleepv *sv, int64_t t)
{
	size_t lo = 0, hi = sv->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sv->v[mid].start_utc < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
feed_lower(const struct lull_feedv *fv, int64_t t)
{
	size_t lo = 0, hi = fv->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (fv->v[mid].start_utc < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Feeds in the night [onset, end]: those logged, and each waking answered
 * with a feed that has no feed logged with it.
 */
static int32_t
night_feeds(const struct lull_stats_in *in, const struct lull_sleep *const *v,
    size_t n, int64_t onset, int64_t end)
{
	const struct lull_feedv *fv = in->feeds;
	size_t a = 0, b = 0, i, k, f;
	int32_t count = 0;

	if (fv != NULL) {
		a = feed_lower(fv, onset);
		b = feed_lower(fv, end + 1);
		count = (int32_t)(b - a);
	}
	for (i = 0; i < n; i++)
		for (k = 0; k < v[i]->nwakings; k++) {
			const struct lull_waking *w = &v[i]->wakings[k];
			int64_t we = end_or_now(w->end_utc, in->now_utc);
			int logged = 0;

			if (w->response != LULL_RESP_FEED)
				continue;
			for (f = a; f < b && !logged; f++)
				logged = fv->v[f].start_utc >=
					w->start_utc - FEED_SLACK_SEC &&
				    fv->v[f].start_utc <= we + FEED_SLACK_SEC;
			if (!logged)
				count++;
		}
	return count;
}

static void
add_nap(const struct lull_stats_in *in, const struct lull_sleep *s,
    struct lull_day_stats *d)
{
	const struct lull_sleep *one[1] = { s };
	struct scan sc;

	scan_pieces(one, 1, in->now_utc, &sc);
	d->logged = 1;
	d->nap_count++;
	d->nap_min += minutes(sc.end - sc.onset - sc.awake);
	if (minutes(sc.longest) > d->longest_min)
		d->longest_min = minutes(sc.longest);
	if (s->end_utc == LULL_NO_TIME)
		d->ongoing = 1;
}

/*
 * The night of one evening from its night-kind sleeps v[0..n) (oldest
 * first): runs of consecutive night-kind sleeps joined by gaps of at most
 * LULL_NIGHT_GAP_SEC (a nap between two pieces ends a run); the run
 * holding the longest sleep is the night, the others are strays.
 * Returns the run as [*ra, *rb).
 */
static void
pick_run(const struct lull_sleep *const *v, const int *next_to_prev,
    size_t n, size_t *ra, size_t *rb)
{
	int64_t best = -1;
	size_t i, a = 0, longest = 0;

	for (i = 0; i < n; i++) {
		int64_t len = v[i]->end_utc == LULL_NO_TIME ?
		    INT64_MAX :
		    v[i]->end_utc - v[i]->start_utc;

		if (len > best) {
			best = len;
			longest = i;
		}
	}
	*ra = 0;
	*rb = n;
	for (i = 1; i <= n; i++)
		if (i == n || !next_to_prev[i]) {
			if (longest >= a && longest < i) {
				*ra = a;
				*rb = i;
				return;
			}
			a = i;
		}
}

/*
 * Seconds asleep in sleep "s" (its wakings out) added to acc[] for the
 * days of [from_day, to_day] they fall on, split at local midnights.
 */
static void
add_clock_days(const struct lull_stats_in *in, const struct lull_sleep *s,
    int32_t from_day, int32_t to_day, int64_t *acc)
{
	int64_t end = end_or_now(s->end_utc, in->now_utc), cur = s->start_utc;
	size_t k;

	for (k = 0; k <= s->nwakings; k++) {
		int64_t a = cur, b = end;

		if (k < s->nwakings) {
			int64_t we = end_or_now(s->wakings[k].end_utc,
			    in->now_utc);

			b = s->wakings[k].start_utc;
			if (we > cur)
				cur = we;
		}
		if (b > end)
			b = end;
		while (a < b) {
			int32_t day = lull_local_day(in->tz, a);
			int64_t next = lull_tz_day_start(in->tz, day + 1);
			int64_t upto = b < next ? b : next;

			if (day >= from_day && day <= to_day)
				acc[day - from_day] += upto - a;
			a = upto;
		}
	}
}

/*
 * Entries that overlap count once: a copy of v[0..n) (sharing the
 * wakings) in which a sleep that starts inside the one before is merged
 * into it (as the importers merge them: the later end stands, the first
 * entry's wakings and details are kept, and a night a person gave wins
 * over a nap).  Returns the count.
 */
static size_t
disjoint(const struct lull_sleep *v, size_t n, struct lull_sleep *out)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		struct lull_sleep *p = k > 0 ? &out[k - 1] : NULL;

		if (p != NULL && (p->end_utc == LULL_NO_TIME ||
				     v[i].start_utc < p->end_utc)) {
			if (p->end_utc != LULL_NO_TIME &&
			    (v[i].end_utc == LULL_NO_TIME ||
				v[i].end_utc > p->end_utc))
				p->end_utc = v[i].end_utc;
			if (v[i].kind_given && v[i].kind == LULL_SLEEP_NIGHT) {
				p->kind_given = 1;
				p->kind = LULL_SLEEP_NIGHT;
			}
			continue;
		}
		out[k++] = v[i];
	}
	return k;
}

enum lull_err
lull_stats_days(const struct lull_stats_in *in, int32_t from_day,
    int32_t to_day, struct lull_day_stats *out, struct lull_errinfo *ei)
{
	struct lull_sleepv view = { 0 }, *sv = &view;
	struct lull_sleep *copy = NULL;
	int64_t *acc = NULL;
	enum lull_sleep_kind *kinds = NULL;
	const struct lull_sleep **night = NULL;
	int *chained = NULL;
	size_t a, b, n, i, j;
	int32_t day, ndays;

	if (to_day < from_day)
		return lull_errinfo_set(ei, LULL_EINVAL, "from",
		    "from: the first day is after the last");
	if (to_day - from_day >= MAX_DAYS)
		return lull_errinfo_set(ei, LULL_EINVAL, "from",
		    "from: at most ten years at once");
	ndays = to_day - from_day + 1;
	for (day = from_day; day <= to_day; day++) {
		struct lull_day_stats *d = &out[day - from_day];

		memset(d, 0, sizeof(*d));
		d->day = day;
		d->age_days = LULL_STATS_NONE;
		if (in->child != NULL)
			d->age_days = lull_child_age_days(in->child, day,
			    &d->corrected);
		/* Over once noon the next day has passed, or its night
		 * ended (below). */
		d->complete = in->now_utc >=
		    lull_tz_day_start(in->tz, day + 1) + 12 * 3600;
	}
	/*
	 * Sleeps that can belong to these days: naps from the first
	 * day's midnight, nights from the evening before (its pieces after
	 * midnight are told apart from naps by the chain), up to noon after
	 * the last evening.  Two hours of slack either side cover a
	 * daylight-saving change.
	 */
	n = 0;
	a = b = 0;
	if (in->sleeps != NULL && in->sleeps->n > 0) {
		a = sleep_lower(in->sleeps,
		    lull_tz_day_start(in->tz, from_day) - 14 * 3600);
		b = sleep_lower(in->sleeps,
		    lull_tz_day_start(in->tz, to_day + 1) + 14 * 3600);
		n = b - a;
	}
	if (n > 0 &&
	    ((acc = calloc((size_t)ndays, sizeof(*acc))) == NULL ||
		(copy = malloc(n * sizeof(*copy))) == NULL ||
		(kinds = malloc(n * sizeof(*kinds))) == NULL ||
		(night = malloc(n * sizeof(*night))) == NULL ||
		(chained = malloc(n * sizeof(*chained))) == NULL)) {
		free(acc);
		free(copy);
		free(kinds);
		free(night);
		return lull_errinfo_set(ei, LULL_ENOMEM, "",
		    "out of memory for %zu sleeps", n);
	}
	if (n > 0) {
		n = disjoint(&in->sleeps->v[a], n, copy);
		view.v = copy;
		view.n = view.cap = n;
		a = 0;
		lull_sleeps_derive_kinds(in->tz, in->child, copy, n, kinds);
		for (i = 0; i < n; i++)
			add_clock_days(in, &copy[i], from_day, to_day, acc);
	}
	for (i = 0; i < n; i = j) {
		const struct lull_sleep *s = &sv->v[a + i];
		int32_t evening;
		size_t m = 0, ra, rb, k;

		j = i + 1;
		if (kinds[i] != LULL_SLEEP_NIGHT) {
			day = lull_local_day(in->tz, s->start_utc);
			if (day >= from_day && day <= to_day)
				add_nap(in, s, &out[day - from_day]);
			continue;
		}
		/* This evening's night-kind sleeps, with naps between
		 * them breaking runs. */
		evening = lull_evening_day(in->tz, s->start_utc);
		night[m] = s;
		chained[m++] = 0;
		for (; j < n; j++) {
			const struct lull_sleep *t = &sv->v[a + j];
			const struct lull_sleep *p = &sv->v[a + j - 1];

			if (kinds[j] == LULL_SLEEP_NIGHT &&
			    lull_evening_day(in->tz, t->start_utc) != evening)
				break;
			if (kinds[j] != LULL_SLEEP_NIGHT) {
				/* A nap inside the evening: counted on
				 * its day, and it ends the run. */
				day = lull_local_day(in->tz, t->start_utc);
				if (day >= from_day && day <= to_day)
					add_nap(in, t, &out[day - from_day]);
				continue;
			}
			night[m] = t;
			chained[m++] = kinds[j - 1] == LULL_SLEEP_NIGHT &&
			    p->end_utc != LULL_NO_TIME &&
			    t->start_utc - p->end_utc <= LULL_NIGHT_GAP_SEC;
		}
		pick_run(night, chained, m, &ra, &rb);
		for (k = 0; k < m; k++) {
			if (k >= ra && k < rb)
				continue;
			/* A stray night-kind sleep: with the naps. */
			day = lull_local_day(in->tz, night[k]->start_utc);
			if (day >= from_day && day <= to_day)
				add_nap(in, night[k], &out[day - from_day]);
		}
		if (evening < from_day || evening > to_day)
			continue;
		{
			struct lull_day_stats *d = &out[evening - from_day];
			struct lull_night_stats *ns = &d->night;

			night_of(in, night + ra, rb - ra, evening, ns);
			d->has_night = 1;
			d->logged = 1;
			if (ns->ongoing)
				d->ongoing = 1;
			else
				d->complete = 1;
			d->night_feeds = night_feeds(in, night + ra, rb - ra,
			    ns->onset_utc,
			    end_or_now(ns->wake_utc, in->now_utc));
		}
	}
	for (i = 0; i < (size_t)ndays; i++) {
		struct lull_day_stats *d = &out[i];

		if (d->has_night) {
			d->night_min = d->night.sleep_min;
			if (d->night.longest_min > d->longest_min)
				d->longest_min = d->night.longest_min;
		}
		d->total_min = d->nap_min + d->night_min;
		if (acc != NULL)
			d->sleep_24h_min = (int32_t)(acc[i] / 60);
		if (d->ongoing)
			d->complete = 0;
	}
	if (in->feeds != NULL && in->feeds->n > 0) {
		i = feed_lower(in->feeds, lull_tz_day_start(in->tz, from_day));
		for (; i < in->feeds->n; i++) {
			day = lull_local_day(in->tz, in->feeds->v[i].start_utc);
			if (day > to_day)
				break;
			if (day >= from_day)
				out[day - from_day].feeds++;
		}
	}
	free(acc);
	free(copy);
	free(kinds);
	free(night);
	free(chained);
	return LULL_OK;
}

/* ---- windows ---------------------------------------------------------- */

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* p-th quantile (0..1) of sorted v[0..n), linear between ranks. */
static double
quantile(const double *v, int n, double p)
{
	double pos = p * (n - 1);
	int lo = (int)pos;

	if (lo + 1 >= n)
		return v[n - 1];
	return v[lo] + (v[lo + 1] - v[lo]) * (pos - lo);
}

/* Enough days have the metric: at least 3, and at least half. */
static int
enough(int have, size_t days)
{
	return have >= 3 && (size_t)have * 2 >= days;
}

double
lull_stats_median(const struct lull_day_stats *days, size_t n,
    enum lull_metric m, int *count)
{
	double stackv[64], *v = stackv, med;
	int k = 0;
	int32_t x;
	size_t i;

	if (n > 64 && (v = malloc(n * sizeof(*v))) == NULL) {
		if (count != NULL)
			*count = 0;
		return LULL_STATS_NONE;
	}
	for (i = 0; i < n; i++)
		if (lull_metric_value(&days[i], m, &x))
			v[k++] = x;
	if (count != NULL)
		*count = k;
	if (!enough(k, n)) {
		med = LULL_STATS_NONE;
	} else {
		qsort(v, (size_t)k, sizeof(*v), cmp_double);
		med = quantile(v, k, 0.5);
	}
	if (v != stackv)
		free(v);
	return med;
}

void
lull_stats_rolling(const struct lull_day_stats *days, size_t n,
    enum lull_metric m, int width, double *out)
{
	size_t i, from;

	for (i = 0; i < n; i++) {
		from = i + 1 >= (size_t)width ? i + 1 - (size_t)width : 0;
		out[i] = lull_stats_median(days + from, i - from + 1, m, NULL);
	}
}

static void
add_who(struct lull_window *w, const struct lull_involvement *x)
{
	struct lull_involvement *y = who_slot(w->who, &w->nwho,
	    x->caregiver_id);

	y->wakings += x->wakings;
	y->waking_min += x->waking_min;
	y->settles += x->settles;
	y->settle_min += x->settle_min;
}

void
lull_stats_window(const struct lull_day_stats *days, size_t n,
    struct lull_window *out)
{
	double stackv[64], *v = stackv;
	int k = 0, m;
	size_t i, j;

	memset(out, 0, sizeof(*out));
	out->onset_iqr_min = out->onset_sd_min = LULL_STATS_NONE;
	if (n == 0) {
		for (m = 0; m < LULL_METRIC__MAX; m++)
			out->median[m] = LULL_STATS_NONE;
		return;
	}
	out->from_day = days[0].day;
	out->to_day = days[n - 1].day;
	out->days = (int)n;
	for (m = 0; m < LULL_METRIC__MAX; m++)
		out->median[m] = lull_stats_median(days, n, (enum lull_metric)m,
		    NULL);
	if (n > 64 && (v = malloc(n * sizeof(*v))) == NULL)
		v = NULL;
	for (i = 0; i < n; i++) {
		const struct lull_day_stats *d = &days[i];

		out->logged += d->logged;
		if (!d->has_night)
			continue;
		out->nights++;
		if (v != NULL)
			v[k++] = (double)d->night.n.onset_sec / 60;
		if (d->night.n.wakings > 0)
			out->help_nights++;
		for (j = 0; j < LULL_RESP__MAX; j++) {
			out->resp.n[j] += d->night.resp.n[j];
			out->resp.min[j] += d->night.resp.min[j];
		}
		for (j = 0; j < d->night.nwho; j++)
			add_who(out, &d->night.who[j]);
	}
	if (v != NULL && k >= 3) {
		double mean = 0, ss = 0;
		int x;

		qsort(v, (size_t)k, sizeof(*v), cmp_double);
		out->onset_iqr_min = quantile(v, k, 0.75) - quantile(v, k, 0.25);
		for (x = 0; x < k; x++)
			mean += v[x];
		mean /= k;
		for (x = 0; x < k; x++)
			ss += (v[x] - mean) * (v[x] - mean);
		out->onset_sd_min = sqrt(ss / (k - 1));
	}
	if (v != stackv)
		free(v);
}
