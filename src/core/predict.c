/*
 * Predicting the next sleep, and measuring how well that works (see
 * predict.h; docs/analytics.md has the rule in words and the figures).
 *
 * The log is first read as episodes: a night (its pieces chained as in
 * stats.h) or a nap (naps less than LULL_PREDICT_BRIEF_SEC apart are one
 * nap, the child barely got up).  A wake window is the time from the end
 * of one episode to the start of the next; returns to sleep inside a
 * night are night wakings, not wake windows.
 * SPDX-License-Identifier: ISC
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/norms.h"
#include "lull/predict.h"

/*
 * [POLICY] round values chosen on the real logs (docs/analytics.md), the
 * same for every child: choosing them per child from its own recent
 * errors did not help.  The pull toward the age band (toward_band()) has
 * no constant of its own: it follows from the child's spread.
 */
#define TOD_SIGMA_SEC  (60.0 * 60) /* time-of-day likeness, 1 SD */
#define DECAY	       0.85	   /* weight of a day-older window */
#define DECAY_TRANSIT  0.70	   /* ... while naps are dropping */
#define MIN_WEIGHT     0.5	   /* less: fall back on the age band */
#define MIN_WINDOW_SEC (5 * 60)	   /* never "asleep again right now" */
#define CLOCK_SHARE    0.5 /* a window into the night: the clock's part */
#define BEDTIME_MIN    3   /* nights needed for a personal bedtime */

struct episode {
	int64_t start, end; /* end: LULL_NO_TIME while going on */
	enum lull_sleep_kind kind;
	int32_t start_tod, end_tod; /* local seconds after midnight */
	int32_t start_day, end_day; /* local days */
	int32_t evening;	    /* lull_evening_day() of the start */
	size_t last;		    /* index of its last sleep */
};

struct sample {
	double v, w;
};

struct scratch {
	enum lull_sleep_kind *kinds;
	struct episode *ep;
	struct sample *s;
	size_t cap;
};

static void
scratch_free(struct scratch *x)
{
	free(x->kinds);
	free(x->ep);
	free(x->s);
	memset(x, 0, sizeof(*x));
}

static enum lull_err
scratch_grow(struct scratch *x, size_t n, struct lull_errinfo *ei)
{
	if (n <= x->cap)
		return LULL_OK;
	scratch_free(x);
	if ((x->kinds = malloc(n * sizeof(*x->kinds))) == NULL ||
	    (x->ep = malloc(n * sizeof(*x->ep))) == NULL ||
	    (x->s = malloc(n * sizeof(*x->s))) == NULL) {
		scratch_free(x);
		return lull_errinfo_set(ei, LULL_ENOMEM, "",
		    "out of memory for %zu sleeps", n);
	}
	x->cap = n;
	return LULL_OK;
}

static size_t
lower(const struct lull_sleepv *sv, int64_t t)
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

static void
stamp(const struct lull_tz *tz, int64_t t, int32_t *tod, int32_t *day)
{
	struct lull_local lt;

	lull_tz_local(tz, t, &lt);
	*tod = lt.sec;
	*day = lt.day;
}

/* Episodes of v[0..n) into x->ep; returns how many. */
static size_t
episodes(const struct lull_tz *tz, const struct lull_child *child,
    const struct lull_sleep *v, size_t n, struct scratch *x)
{
	struct episode *e = x->ep;
	size_t i, m = 0;

	if (n == 0)
		return 0;
	lull_sleeps_derive_kinds(tz, child, v, n, x->kinds);
	for (i = 0; i < n; i++) {
		struct episode *p = m > 0 ? &e[m - 1] : NULL;
		enum lull_sleep_kind k = x->kinds[i];
		int32_t evening = lull_evening_day(tz, v[i].start_utc);
		int join = 0;

		if (p != NULL && p->end != LULL_NO_TIME && p->kind == k) {
			int64_t gap = v[i].start_utc - p->end;

			if (k == LULL_SLEEP_NIGHT)
				join = gap <= LULL_NIGHT_GAP_SEC &&
				    evening == p->evening;
			else
				join = gap < LULL_PREDICT_BRIEF_SEC;
		}
		if (!join) {
			p = &e[m++];
			p->start = v[i].start_utc;
			p->kind = k;
			p->evening = evening;
			stamp(tz, p->start, &p->start_tod, &p->start_day);
		}
		p->end = v[i].end_utc;
		p->last = i;
		if (p->end != LULL_NO_TIME)
			stamp(tz, p->end, &p->end_tod, &p->end_day);
	}
	return m;
}

static int
cmp_sample(const void *a, const void *b)
{
	double x = ((const struct sample *)a)->v;
	double y = ((const struct sample *)b)->v;

	return x < y ? -1 : x > y;
}

static double
wmedian(struct sample *s, size_t n)
{
	double total = 0, acc = 0;
	size_t i;

	qsort(s, n, sizeof(*s), cmp_sample);
	for (i = 0; i < n; i++)
		total += s[i].w;
	for (i = 0; i < n; i++) {
		acc += s[i].w;
		if (acc >= total / 2)
			return s[i].v;
	}
	return n > 0 ? s[n - 1].v : 0;
}

/* Seconds between two times of day, the short way round. */
static int32_t
tod_dist(int32_t a, int32_t b)
{
	int32_t d = a > b ? a - b : b - a;

	return d > 43200 ? 86400 - d : d;
}

static void
window(struct lull_sleep_window *o, int64_t from, int64_t likely)
{
	o->valid = 1;
	o->likely_utc = likely;
	o->earliest_utc = likely - LULL_PREDICT_HALF_SEC;
	if (o->earliest_utc < from)
		o->earliest_utc = from;
	o->latest_utc = likely + LULL_PREDICT_HALF_SEC;
}

/*
 * The child's median pulled toward the middle of the age band, the way a
 * normal prior weighs against n observations: the band counts as
 * (spread / half-width)^2 windows, the spread being the mean absolute
 * deviation of the child's windows from their median and the half-width
 * the band's.  Windows that agree keep their median; windows that
 * scatter as widely as the band, as a newborn's do, lean on it in
 * proportion.  neff is the number of windows the weights amount to.
 */
static double
toward_band(const struct sample *s, size_t n, double neff, double c,
    int32_t lo_min, int32_t hi_min)
{
	double dev = 0, total = 0, half = (hi_min - lo_min) * 30.0, prior;
	size_t i;

	for (i = 0; i < n; i++) {
		dev += s[i].w * fabs(s[i].v - c);
		total += s[i].w;
	}
	if (half <= 0 || total <= 0)
		return c;
	prior = pow(dev / total / half, 2);
	return (neff * c + prior * (lo_min + hi_min) * 30.0) / (neff + prior);
}

/*
 * The next sleep after the last episode e[m - 1], which ended at w: the
 * weighted median of the wake windows that followed wake-ups at a
 * similar time of day in the last days, recent days weighing more, then
 * pulled toward the age band as far as the windows scatter.  A window
 * that led into the night counts CLOCK_SHARE by the clock time it led to
 * (as a window from now) and the rest by its length: bedtime follows the
 * clock more than the last nap.
 */
static void
predict_next(const struct episode *e, size_t m, int32_t lo_min,
    int32_t hi_min, double decay, struct scratch *x,
    struct lull_sleep_window *out)
{
	const struct episode *last = &e[m - 1];
	int64_t w = last->end;
	double total = 0, squares = 0, night = 0, c;
	size_t j, k = 0, naps = 0;

	memset(out, 0, sizeof(*out));
	for (j = m - 1; j >= 1; j--) {
		const struct episode *a = &e[j - 1], *b = &e[j];
		int64_t ww;
		int32_t cw;
		double wt, v;

		if (a->end == LULL_NO_TIME)
			continue;
		if (w - a->end > (int64_t)LULL_PREDICT_DAYS * 86400)
			break;
		ww = b->start - a->end;
		if (ww < 0 || ww > LULL_PREDICT_GAP_SEC)
			continue;
		wt = exp(-0.5 * pow(tod_dist(a->end_tod, last->end_tod) /
					TOD_SIGMA_SEC, 2)) *
		    pow(decay, (double)(w - a->end) / 86400);
		v = (double)ww;
		if (b->kind == LULL_SLEEP_NIGHT) {
			/* The clock time it led to, as a window from now. */
			cw = ((b->start_tod - last->end_tod) % 86400 + 86400) %
			    86400;
			if (cw > 16 * 3600)
				cw -= 86400;
			if (cw < MIN_WINDOW_SEC)
				cw = MIN_WINDOW_SEC;
			v = (1 - CLOCK_SHARE) * v + CLOCK_SHARE * cw;
			night += wt;
		}
		x->s[k].v = v;
		x->s[k].w = wt;
		k++;
		total += wt;
		squares += wt * wt;
	}
	for (j = m; j > 0 && e[j - 1].kind == LULL_SLEEP_NAP &&
	     w - e[j - 1].start < 20 * 3600; j--)
		naps++;
	out->samples = (int)k;
	if (total < MIN_WEIGHT) {
		/* Too little of the child's own: the age band. */
		c = (lo_min + hi_min) * 30.0;
		window(out, w, w + (int64_t)c);
		out->earliest_utc = w + (int64_t)lo_min * 60;
		out->latest_utc = w + (int64_t)hi_min * 60;
		{
			int32_t tod = (int32_t)((last->end_tod + (int64_t)c) %
			    86400);

			out->kind = tod >= LULL_NIGHT_WINDOW_FROM_SEC ||
				tod < LULL_NIGHT_WINDOW_TO_SEC ?
			    LULL_SLEEP_NIGHT :
			    LULL_SLEEP_NAP;
		}
	} else {
		c = wmedian(x->s, k);
		c = toward_band(x->s, k, total * total / squares, c, lo_min,
		    hi_min);
		out->kind = night * 2 >= total ? LULL_SLEEP_NIGHT :
						 LULL_SLEEP_NAP;
		if (c < MIN_WINDOW_SEC)
			c = MIN_WINDOW_SEC;
		out->personal = 1;
		window(out, w, w + (int64_t)llround(c));
	}
	out->nap_index = out->kind == LULL_SLEEP_NAP ? (int)naps + 1 : 0;
}

/* Naps a day over days [from, to]: the median of days with a night on
 * the evening before (so the day was logged); -1 with fewer than 4. */
static int
naps_median(const struct episode *e, size_t m, int32_t from, int32_t to)
{
	int count[7], k = 0, i, j, t;
	int32_t d;
	size_t x;

	if (to - from + 1 > 7)
		from = to - 6;
	for (d = from; d <= to; d++) {
		int logged = 0, naps = 0;

		for (x = 0; x < m; x++) {
			if (e[x].kind == LULL_SLEEP_NIGHT &&
			    e[x].evening == d - 1)
				logged = 1;
			if (e[x].kind == LULL_SLEEP_NAP && e[x].start_day == d)
				naps++;
		}
		if (logged)
			count[k++] = naps;
	}
	if (k < 4)
		return -1;
	for (i = 1; i < k; i++)
		for (j = i; j > 0 && count[j - 1] > count[j]; j--) {
			t = count[j];
			count[j] = count[j - 1];
			count[j - 1] = t;
		}
	return count[(k - 1) / 2];
}

/* Tonight's night: the weighted median of recent sleep-onset times. */
static void
predict_bedtime(const struct lull_tz *tz, const struct episode *e,
    size_t m, int32_t tonight, int32_t age_days, double decay,
    struct scratch *x, struct lull_sleep_window *out)
{
	size_t j, k = 0;
	int64_t t;

	memset(out, 0, sizeof(*out));
	out->kind = LULL_SLEEP_NIGHT;
	for (j = m; j > 0; j--) {
		const struct episode *n = &e[j - 1];

		if (n->kind != LULL_SLEEP_NIGHT)
			continue;
		if (n->evening >= tonight)
			return; /* tonight's night has begun */
		if (tonight - n->evening > LULL_PREDICT_DAYS)
			break;
		x->s[k].v = (double)(n->start_day - n->evening) * 86400 +
		    n->start_tod;
		x->s[k].w = pow(decay, tonight - n->evening);
		k++;
	}
	out->samples = (int)k;
	if (k >= BEDTIME_MIN) {
		lull_tz_resolve(tz, tonight, (int32_t)wmedian(x->s, k),
		    LULL_FOLD_EARLIER, &t);
		out->personal = 1;
		window(out, INT64_MIN, t);
		return;
	}
	/* domain.md 1.8 [CONV]: from 4 months, 18:30-20:00; before, no
	 * set bedtime. */
	if (age_days < 122)
		return;
	out->valid = 1;
	lull_tz_resolve(tz, tonight, 18 * 3600 + 1800, LULL_FOLD_EARLIER,
	    &out->earliest_utc);
	lull_tz_resolve(tz, tonight, 19 * 3600 + 900, LULL_FOLD_EARLIER,
	    &out->likely_utc);
	lull_tz_resolve(tz, tonight, 20 * 3600, LULL_FOLD_EARLIER,
	    &out->latest_utc);
}

/*
 * The prediction at "now" from sleeps v[0..n), all started before now
 * and the first of them no more than LULL_PREDICT_DAYS (and a day) ago.
 */
static void
predict_at(const struct lull_tz *tz, const struct lull_child *child,
    const struct lull_sleep *v, size_t n, int64_t now, int bedtime,
    struct scratch *x, struct lull_prediction *out)
{
	int32_t today = lull_local_day(tz, now);
	double decay = DECAY;
	size_t m;
	int naps;

	memset(out, 0, sizeof(*out));
	out->awake_since_utc = LULL_NO_TIME;
	out->age_days = lull_child_age_days(child, today, &out->corrected);
	m = episodes(tz, child, v, n, x);
	out->naps_recent = naps_median(x->ep, m, today - 7, today - 1);
	out->naps_before = naps_median(x->ep, m, today - 14, today - 8);
	if (out->naps_recent >= 0 && out->naps_before >= 0 &&
	    out->naps_recent < out->naps_before) {
		out->transition = 1;
		decay = DECAY_TRANSIT;
	}
	naps = out->naps_recent == 1 || out->naps_recent == 2 ?
	    out->naps_recent :
	    -1;
	out->band_source = lull_wake_window(out->age_days, naps,
	    &out->band_lo_min, &out->band_hi_min);
	if (m > 0 && x->ep[m - 1].end == LULL_NO_TIME)
		out->asleep = 1;
	else if (m > 0 && now - x->ep[m - 1].end <= LULL_PREDICT_GAP_SEC) {
		out->awake_since_utc = x->ep[m - 1].end;
		predict_next(x->ep, m, out->band_lo_min, out->band_hi_min,
		    decay, x, &out->next);
	}
	if (!bedtime)
		return;
	if (out->next.valid && out->next.kind == LULL_SLEEP_NIGHT &&
	    lull_evening_day(tz, out->next.likely_utc) == today) {
		out->bedtime = out->next;
		return;
	}
	predict_bedtime(tz, x->ep, m, today, out->age_days, decay, x,
	    &out->bedtime);
}

enum lull_err
lull_predict(const struct lull_predict_in *in, struct lull_prediction *out,
    struct lull_errinfo *ei)
{
	const struct lull_sleepv *sv = in->sleeps;
	struct scratch x = { 0 };
	size_t a = 0, b = 0;
	enum lull_err rc;

	memset(out, 0, sizeof(*out));
	if (in->child == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "child",
		    "child: a prediction needs the child's age");
	if (sv != NULL) {
		a = lower(sv, in->now_utc -
			(int64_t)(LULL_PREDICT_DAYS + 1) * 86400);
		b = lower(sv, in->now_utc + 1);
	}
	if ((rc = scratch_grow(&x, b - a + 1, ei)) != LULL_OK)
		return rc;
	predict_at(in->tz, in->child, b > a ? &sv->v[a] : NULL, b - a,
	    in->now_utc, 1, &x, out);
	scratch_free(&x);
	return LULL_OK;
}

static void
tally(struct lull_eval_side *s, int64_t actual, int64_t lo, int64_t likely,
    int64_t hi)
{
	double err = fabs((double)(actual - likely)) / 60;

	/* Running means, so no list is kept. */
	s->n++;
	s->mae_min += (err - s->mae_min) / s->n;
	s->inside += ((actual >= lo && actual <= hi) - s->inside) / s->n;
	s->width_min += ((double)(hi - lo) / 60 - s->width_min) / s->n;
}

enum lull_err
lull_predict_eval(const struct lull_tz *tz, const struct lull_child *child,
    const struct lull_sleepv *sv, struct lull_eval *out,
    struct lull_errinfo *ei)
{
	struct scratch all = { 0 }, x = { 0 };
	struct episode *e;
	enum lull_err rc;
	int64_t warm;
	size_t m, i;

	memset(out, 0, sizeof(*out));
	out->from_day = out->to_day = LULL_NO_DAY;
	if (child == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "child",
		    "child: predictions need the child's age");
	if (sv == NULL || sv->n < 2)
		return LULL_OK;
	if ((rc = scratch_grow(&all, sv->n, ei)) != LULL_OK)
		return rc;
	if ((rc = scratch_grow(&x, sv->n, ei)) != LULL_OK) {
		scratch_free(&all);
		return rc;
	}
	m = episodes(tz, child, sv->v, sv->n, &all);
	e = all.ep;
	warm = sv->v[0].start_utc + (int64_t)LULL_PREDICT_WARMUP * 86400;
	for (i = 1; i < m; i++) {
		int64_t w = e[i - 1].end, actual = e[i].start;
		struct lull_prediction p;
		int32_t lo, hi;
		size_t a, b;

		if (w == LULL_NO_TIME || w < warm || actual - w < 0 ||
		    actual - w > LULL_PREDICT_GAP_SEC)
			continue;
		/* What was in the log when the child woke. */
		b = e[i - 1].last + 1;
		a = lower(sv, w - (int64_t)(LULL_PREDICT_DAYS + 1) * 86400);
		predict_at(tz, child, &sv->v[a], b - a, w, 0, &x, &p);
		if (!p.next.valid)
			continue;
		tally(&out->ours, actual, p.next.earliest_utc,
		    p.next.likely_utc, p.next.latest_utc);
		tally(e[i].kind == LULL_SLEEP_NIGHT ? &out->ours_nights :
						      &out->ours_naps,
		    actual, p.next.earliest_utc, p.next.likely_utc,
		    p.next.latest_utc);
		/* The baseline: the age band alone. */
		lull_wake_window(lull_child_age_days(child,
				     lull_local_day(tz, w), NULL),
		    -1, &lo, &hi);
		tally(&out->baseline, actual, w + (int64_t)lo * 60,
		    w + (int64_t)(lo + hi) * 30, w + (int64_t)hi * 60);
		if (out->from_day == LULL_NO_DAY)
			out->from_day = lull_local_day(tz, actual);
		out->to_day = lull_local_day(tz, actual);
	}
	scratch_free(&all);
	scratch_free(&x);
	return LULL_OK;
}
