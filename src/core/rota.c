/*
 * The night rota of rota.h: the typical night from the journal, the
 * shifts that protect a core block per adult (domain.md 6.4), the review
 * of a night against its plan, an adult's longest block from the wakings
 * they answered, and the weekly rebalancing prompt.  Pure: no I/O, no
 * clock; the only allocation is the day table of lull_rota_pattern(),
 * freed before it returns.
 *
 * The planner works on a small set of candidate instants of the night
 * (bedtime, morning wake, each adult's window and the half-hour grid in
 * between), with the real UTC instant and the running sums of the
 * pattern at each, so that every length and every expected load of an
 * interval is a subtraction; the searches below try every interval.
 * SPDX-License-Identifier: ISC
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/rota.h"
#include "lull/stats.h"

/* Comparisons of expected (fractional) values. */
#define EPS 1e-6

static const char *const template_names[LULL_ROTA_TEMPLATE__MAX] = {
	[LULL_ROTA_SPLIT] = "split",
	[LULL_ROTA_BETWEEN_FEEDS] = "between_feeds",
	[LULL_ROTA_SOLO] = "solo",
};

/* domain.md 6.4 safety tie-ins, with 5.3 (sofa or armchair: up to 67x
 * the risk) and AAP [R48e] (a cleared adult bed is less hazardous). */
static const char safety_text[] =
    "Whoever is on duty: never feed on a sofa or in an armchair while "
    "drowsy. If you might doze off, feed in an adult bed cleared of "
    "pillows and covers, and put the baby back on their own sleep "
    "surface afterwards.";

/* domain.md 6.4 template B (expressed-milk feed by the partner), with
 * its VERIFY: to be checked with an IBCLC before release. */
static const char milk_text[] =
    "A feed of expressed milk given by a partner protects the nursing "
    "parent's block. A lactation consultant can advise on pumping, so "
    "that milk supply stays protected when a feed at the breast is "
    "skipped.";

const char *
lull_rota_template_name(enum lull_rota_template t)
{
	return (unsigned)t < LULL_ROTA_TEMPLATE__MAX ? template_names[t] :
						       NULL;
}

int
lull_rota_slot(int32_t m)
{
	if (m < LULL_ROTA_ORIGIN_MIN ||
	    m >= LULL_ROTA_ORIGIN_MIN + LULL_ROTA_SLOTS * LULL_ROTA_SLOT_MIN)
		return -1;
	return (m - LULL_ROTA_ORIGIN_MIN) / LULL_ROTA_SLOT_MIN;
}

static int32_t
imin32(int32_t a, int32_t b)
{
	return a < b ? a : b;
}

static int32_t
imax32(int32_t a, int32_t b)
{
	return a > b ? a : b;
}

static int
imin(int a, int b)
{
	return a < b ? a : b;
}

static int
imax(int a, int b)
{
	return a > b ? a : b;
}

/* ---- the typical night ------------------------------------------------ */

/* First index of sv whose start is at or after t. */
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

/* Seconds after the evening's local midnight of an instant. */
static int64_t
night_sec(const struct lull_tz *tz, int32_t evening, int64_t utc)
{
	struct lull_local lt;

	lull_tz_local(tz, utc, &lt);
	return (int64_t)(lt.day - evening) * 86400 + lt.sec;
}

/*
 * One waking [a, b) into the pattern's sums: counted in the slot where
 * it starts, its minutes spread over the slots it covers.  The wall
 * position is where it started; its length is real elapsed time.
 */
static void
add_waking(const struct lull_tz *tz, int32_t evening, int64_t a, int64_t b,
    int feed, struct lull_rota_pattern *p)
{
	const int64_t lo = (int64_t)LULL_ROTA_ORIGIN_MIN * 60;
	const int64_t len = (int64_t)LULL_ROTA_SLOT_MIN * 60;
	int64_t s0 = night_sec(tz, evening, a), s1 = s0 + (b - a);
	int i;

	p->wakings_per_night += 1;
	p->awake_min_per_night += (double)(b - a) / 60;
	if (feed)
		p->feeds_per_night += 1;
	if (s0 >= lo && s0 < lo + LULL_ROTA_SLOTS * len) {
		i = (int)((s0 - lo) / len);
		p->wakings[i] += 1;
		if (feed)
			p->feeds[i] += 1;
	}
	for (i = 0; i < LULL_ROTA_SLOTS; i++) {
		int64_t x0 = lo + i * len, x1 = x0 + len;
		int64_t ov = (s1 < x1 ? s1 : x1) - (s0 > x0 ? s0 : x0);

		if (ov <= 0)
			continue;
		p->awake_min[i] += (double)ov / 60;
		if (feed)
			p->feed_min[i] += (double)ov / 60;
	}
}

/*
 * The wakings of one night, [onset, wake): the wakings nested in its
 * pieces that needed an adult, and the gaps between pieces (who went is
 * unknown, as in stats.c).  Entries that overlap are read once.
 */
static void
add_night(const struct lull_rota_pattern_in *in, int32_t evening,
    int64_t onset, int64_t wake, struct lull_rota_pattern *p)
{
	const struct lull_sleepv *sv = in->sleeps;
	int64_t cursor = onset;
	size_t i, k;
	int first = 1;

	for (i = sleep_lower(sv, onset); i < sv->n && sv->v[i].start_utc < wake;
	     i++) {
		const struct lull_sleep *s = &sv->v[i];
		int64_t send = s->end_utc == LULL_NO_TIME || s->end_utc > wake ?
		    wake :
		    s->end_utc;

		if (!first && s->start_utc > cursor)
			add_waking(in->tz, evening, cursor, s->start_utc, 0, p);
		first = 0;
		for (k = 0; k < s->nwakings; k++) {
			const struct lull_waking *w = &s->wakings[k];
			int64_t a = w->start_utc, b = w->end_utc;

			if (b == LULL_NO_TIME || b > send)
				b = send;
			if (a < cursor)
				a = cursor;
			if (b <= a || w->response == LULL_RESP_NONE)
				continue;
			add_waking(in->tz, evening, a, b,
			    w->response == LULL_RESP_FEED, p);
		}
		if (send > cursor)
			cursor = send;
	}
}

static int
cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return x < y ? -1 : x > y;
}

/* Median of v[0..n), n > 0; for an even n the middle two's mean,
 * rounded down. */
static int32_t
median_i32(int32_t *v, int n)
{
	int64_t lo, hi;

	qsort(v, (size_t)n, sizeof(*v), cmp_i32);
	if (n % 2)
		return v[n / 2];
	lo = v[n / 2 - 1];
	hi = v[n / 2];
	return (int32_t)((lo + hi) / 2);
}

enum lull_err
lull_rota_pattern(const struct lull_rota_pattern_in *in,
    struct lull_rota_pattern *out, struct lull_errinfo *ei)
{
	struct lull_stats_in si;
	struct lull_day_stats *days = NULL;
	int32_t *onsets = NULL, *wakes = NULL;
	enum lull_err rc;
	int32_t ndays, i;
	int n = 0, slot;

	memset(out, 0, sizeof(*out));
	if (in == NULL || in->tz == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "tz",
		    "tz: the household's time zone is needed");
	if (in->sleeps == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "sleeps",
		    "sleeps: the child's sleeps are needed");
	if (in->to_day < in->from_day)
		return lull_errinfo_set(ei, LULL_EINVAL, "from",
		    "from: the first evening is after the last");
	if (in->to_day - in->from_day >= LULL_ROTA_MAX_DAYS)
		return lull_errinfo_set(ei, LULL_EINVAL, "to",
		    "to: a night pattern reads at most %d evenings",
		    LULL_ROTA_MAX_DAYS);
	ndays = in->to_day - in->from_day + 1;
	if ((days = calloc((size_t)ndays, sizeof(*days))) == NULL ||
	    (onsets = malloc((size_t)ndays * sizeof(*onsets))) == NULL ||
	    (wakes = malloc((size_t)ndays * sizeof(*wakes))) == NULL) {
		free(days);
		free(onsets);
		return lull_errinfo_set(ei, LULL_ENOMEM, "",
		    "out of memory for %d evenings", (int)ndays);
	}
	memset(&si, 0, sizeof(si));
	si.tz = in->tz;
	si.child = in->child;
	si.sleeps = in->sleeps;
	si.now_utc = in->now_utc;
	rc = lull_stats_days(&si, in->from_day, in->to_day, days, ei);
	if (rc != LULL_OK)
		goto out;
	for (i = 0; i < ndays; i++) {
		const struct lull_night_stats *ns = &days[i].night;
		int32_t evening = in->from_day + i;

		if (!days[i].has_night || ns->ongoing ||
		    ns->wake_utc == LULL_NO_TIME)
			continue;
		add_night(in, evening, ns->onset_utc, ns->wake_utc, out);
		onsets[n] = (int32_t)(ns->n.onset_sec / 60);
		wakes[n] = (int32_t)(night_sec(in->tz, evening, ns->wake_utc) /
		    60);
		n++;
	}
	if (n == 0) {
		char a[16], b[16];

		lull_date_format(in->from_day, a, sizeof(a));
		lull_date_format(in->to_day, b, sizeof(b));
		memset(out, 0, sizeof(*out));
		rc = lull_errinfo_set(ei, LULL_ENOTFOUND, "from",
		    "no complete night is logged for the evenings %s to %s",
		    a, b);
		goto out;
	}
	out->from_day = in->from_day;
	out->to_day = in->to_day;
	out->nights = n;
	out->bedtime_min = median_i32(onsets, n);
	out->wake_min = median_i32(wakes, n);
	out->wakings_per_night /= n;
	out->feeds_per_night /= n;
	out->awake_min_per_night /= n;
	for (slot = 0; slot < LULL_ROTA_SLOTS; slot++) {
		out->wakings[slot] /= n;
		out->feeds[slot] /= n;
		out->awake_min[slot] /= n;
		out->feed_min[slot] /= n;
	}
	rc = LULL_OK;
out:
	free(days);
	free(onsets);
	free(wakes);
	return rc;
}

/* ---- the night as the planner sees it --------------------------------- */

/* Candidate instants: the grid inside the night, bedtime, wake, and each
 * adult's bed and rise. */
#define MAXPT (LULL_ROTA_SLOTS + 3 + 2 * LULL_ROTA_MAX_ADULTS)

/* Running sums of the pattern: wakings, feeds, and the cost in minutes
 * (awake plus LULL_ROTA_RESETTLE_MIN per waking) of all wakings and of
 * feeds. */
enum { V_WAKE = 0, V_FEED, V_COST, V_FCOST, V__MAX };

struct night {
	const struct lull_rota_in *in;
	const struct lull_rota_pattern *p;
	int32_t target;
	int32_t pt[MAXPT];  /* night minutes, ascending; 0 is bedtime */
	int64_t utc[MAXPT]; /* real instants, never decreasing */
	double cum[V__MAX][MAXPT];
	int np;		    /* pt[np - 1] is the morning wake */
	int wb[LULL_ROTA_MAX_ADULTS], wr[LULL_ROTA_MAX_ADULTS]; /* windows */
	int feeder[LULL_ROTA_MAX_ADULTS];
};

static double
slot_value(const struct lull_rota_pattern *p, int v, int j)
{
	switch (v) {
	case V_WAKE:
		return p->wakings[j];
	case V_FEED:
		return p->feeds[j];
	case V_COST:
		return p->awake_min[j] + LULL_ROTA_RESETTLE_MIN * p->wakings[j];
	default:
		return p->feed_min[j] + LULL_ROTA_RESETTLE_MIN * p->feeds[j];
	}
}

/* Sum of v over the slots from noon up to night minute m, a slot cut
 * by m counting in proportion. */
static double
cum_at(const struct lull_rota_pattern *p, int v, int32_t m)
{
	double x = (double)(m - LULL_ROTA_ORIGIN_MIN) / LULL_ROTA_SLOT_MIN;
	double s = 0;
	int j;

	if (x <= 0)
		return 0;
	if (x > LULL_ROTA_SLOTS)
		x = LULL_ROTA_SLOTS;
	for (j = 0; j + 1 <= x; j++)
		s += slot_value(p, v, j);
	if (j < LULL_ROTA_SLOTS && x > j)
		s += (x - j) * slot_value(p, v, j);
	return s;
}

/* Real minutes from point i to point j; 0 unless i < j. */
static int32_t
L(const struct night *n, int i, int j)
{
	if (i < 0 || j <= i)
		return 0;
	return (int32_t)((n->utc[j] - n->utc[i]) / 60);
}

/* Expected v between points i and j; 0 unless i < j. */
static double
C(const struct night *n, int v, int i, int j)
{
	if (i < 0 || j <= i)
		return 0;
	return n->cum[v][j] - n->cum[v][i];
}

/* Non-feed wakings' cost between points i and j. */
static double
NF(const struct night *n, int i, int j)
{
	return C(n, V_COST, i, j) - C(n, V_FCOST, i, j);
}

static int
point_of(const struct night *n, int32_t m)
{
	int i;

	for (i = 0; i < n->np; i++)
		if (n->pt[i] == m)
			return i;
	return -1;
}

static void
add_point(struct night *n, int32_t m)
{
	int i, j;

	for (i = 0; i < n->np && n->pt[i] < m; i++)
		;
	if (i < n->np && n->pt[i] == m)
		return;
	for (j = n->np; j > i; j--)
		n->pt[j] = n->pt[j - 1];
	n->pt[i] = m;
	n->np++;
}

static void
night_build(struct night *n, const struct lull_rota_in *in,
    const int32_t *bed, const int32_t *rise)
{
	const struct lull_rota_pattern *p = in->pattern;
	int32_t B = p->bedtime_min, W = p->wake_min, g;
	size_t a;
	int i, v;

	n->np = 0;
	add_point(n, B);
	add_point(n, W);
	for (g = LULL_ROTA_ORIGIN_MIN + LULL_ROTA_SLOT_MIN; g < W;
	     g += LULL_ROTA_SLOT_MIN)
		if (g > B)
			add_point(n, g);
	if (n->np == 2)
		add_point(n, B + (W - B) / 2); /* a night under half an hour */
	for (a = 0; a < in->nadults; a++) {
		add_point(n, bed[a]);
		add_point(n, rise[a]);
	}
	for (i = 0; i < n->np; i++) {
		(void)lull_tz_resolve(in->tz, in->night_day, n->pt[i] * 60,
		    LULL_FOLD_EARLIER, &n->utc[i]);
		/* In a spring-forward gap a later wall time can resolve
		 * earlier; keep instants in order so lengths add up. */
		if (i > 0 && n->utc[i] < n->utc[i - 1])
			n->utc[i] = n->utc[i - 1];
		for (v = 0; v < V__MAX; v++)
			n->cum[v][i] = cum_at(p, v, n->pt[i]);
	}
	for (a = 0; a < in->nadults; a++) {
		n->wb[a] = point_of(n, bed[a]);
		n->wr[a] = point_of(n, rise[a]);
	}
}

/* ---- wording ---------------------------------------------------------- */

static void
fmt_hm(int32_t m, char *buf, size_t sz)
{
	snprintf(buf, sz, "%02d:%02d", (int)((m / 60) % 24), (int)(m % 60));
}

static void
fmt_dur(int32_t min, char *buf, size_t sz)
{
	if (min < 60)
		snprintf(buf, sz, "%d min", (int)min);
	else if (min % 60 == 0)
		snprintf(buf, sz, "%d h", (int)(min / 60));
	else
		snprintf(buf, sz, "%d h %d min", (int)(min / 60),
		    (int)(min % 60));
}

static void
adult_name(const struct lull_rota_in *in, size_t i, char *buf, size_t sz)
{
	if (in->adults[i].name != NULL && in->adults[i].name[0] != '\0')
		snprintf(buf, sz, "%s", in->adults[i].name);
	else
		snprintf(buf, sz, "Adult %zu", i + 1);
}

/* Append to the plan's reason, cutting at its size. */
static void
say(struct lull_rota_plan *pl, const char *fmt, ...) LULL_PRINTF(2, 3);

static void
say(struct lull_rota_plan *pl, const char *fmt, ...)
{
	size_t len = strlen(pl->reason);
	va_list ap;

	if (len + 1 >= sizeof(pl->reason))
		return;
	va_start(ap, fmt);
	vsnprintf(pl->reason + len, sizeof(pl->reason) - len, fmt, ap);
	va_end(ap);
}

/* "Sam's protected block is 4 h (22:00 to 02:00). " */
static void
say_block(struct lull_rota_plan *pl, const struct lull_rota_in *in,
    size_t i, const char *what)
{
	const struct lull_rota_person *ps = &pl->people[i];
	char nm[64], d[24], a[8], b[8];

	adult_name(in, i, nm, sizeof(nm));
	fmt_dur(ps->block_min, d, sizeof(d));
	fmt_hm(ps->block_from_min, a, sizeof(a));
	fmt_hm(ps->block_to_min, b, sizeof(b));
	if (ps->block_min > 0)
		say(pl, "%s's %s is %s (%s to %s). ", nm, what, d, a, b);
	else
		say(pl, "%s has no %s tonight. ", nm, what);
}

/* ---- the plan --------------------------------------------------------- */

static int
can_feed(const struct lull_rota_in *in, const struct lull_rota_adult *a)
{
	if (a->nursing)
		return 1;
	if (in->feeding == LULL_FEEDING_BREAST && !in->expressed_milk)
		return 0;
	return a->can_feed != 0;
}

/* "adults[1].latest_rise": i is under LULL_ROTA_MAX_ADULTS. */
static void
adult_field(char *buf, size_t sz, size_t i, const char *what)
{
	snprintf(buf, sz, "adults[%c].%s", (char)('0' + (int)(i % 10)), what);
}

static int
valid_min(int32_t m)
{
	return m == LULL_ROTA_NONE ||
	    (m >= LULL_ROTA_ORIGIN_MIN &&
		m <= LULL_ROTA_ORIGIN_MIN +
			LULL_ROTA_SLOTS * LULL_ROTA_SLOT_MIN);
}

static enum lull_err
check_in(const struct lull_rota_in *in, int32_t *bed, int32_t *rise,
    struct lull_errinfo *ei)
{
	const struct lull_rota_pattern *p;
	char field[32], nm[64], a[8], b[8];
	size_t i, j;
	int nursing = 0, feeders = 0;

	if (in->nadults == 0 || in->adults == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "adults",
		    "adults: a rota needs at least one adult");
	if (in->nadults > LULL_ROTA_MAX_ADULTS)
		return lull_errinfo_set(ei, LULL_EINVAL, "adults",
		    "adults: a rota takes at most %d adults, not %zu",
		    LULL_ROTA_MAX_ADULTS, in->nadults);
	if (in->target_min != 0 && (in->target_min < LULL_ROTA_TARGET_LO_MIN ||
				       in->target_min > LULL_ROTA_TARGET_HI_MIN))
		return lull_errinfo_set(ei, LULL_EINVAL, "target",
		    "target: the protected block is set between 3 h and 8 h, "
		    "not %d minutes", (int)in->target_min);
	if ((unsigned)in->feeding >= LULL_FEEDING__MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, "feeding",
		    "feeding: unknown feeding mode %d", (int)in->feeding);
	if (in->tz == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "tz",
		    "tz: the household's time zone is needed");
	p = in->pattern;
	if (p == NULL || p->nights < 1)
		return lull_errinfo_set(ei, LULL_EINVAL, "pattern",
		    "pattern: no logged night to plan from");
	if (!valid_min(p->bedtime_min) || !valid_min(p->wake_min) ||
	    p->bedtime_min == LULL_ROTA_NONE ||
	    p->wake_min <= p->bedtime_min)
		return lull_errinfo_set(ei, LULL_EINVAL, "pattern",
		    "pattern: bedtime %d and wake %d are not a night",
		    (int)p->bedtime_min, (int)p->wake_min);
	for (i = 0; i < in->nadults; i++) {
		const struct lull_rota_adult *ad = &in->adults[i];

		adult_name(in, i, nm, sizeof(nm));
		if (ad->caregiver_id <= 0) {
			adult_field(field, sizeof(field), i, "caregiver_id");
			return lull_errinfo_set(ei, LULL_EINVAL, field,
			    "%s: %s needs a caregiver id", field, nm);
		}
		for (j = 0; j < i; j++)
			if (in->adults[j].caregiver_id == ad->caregiver_id) {
				adult_field(field, sizeof(field), i,
				    "caregiver_id");
				return lull_errinfo_set(ei, LULL_EINVAL, field,
				    "%s: caregiver %lld is listed twice", field,
				    (long long)ad->caregiver_id);
			}
		if (!valid_min(ad->earliest_bed_min)) {
			adult_field(field, sizeof(field), i, "earliest_bed");
			return lull_errinfo_set(ei, LULL_EINVAL, field,
			    "%s: %d is not a time of the night", field,
			    (int)ad->earliest_bed_min);
		}
		if (!valid_min(ad->latest_rise_min)) {
			adult_field(field, sizeof(field), i, "latest_rise");
			return lull_errinfo_set(ei, LULL_EINVAL, field,
			    "%s: %d is not a time of the night", field,
			    (int)ad->latest_rise_min);
		}
		bed[i] = ad->earliest_bed_min == LULL_ROTA_NONE ?
		    p->bedtime_min :
		    imax32(p->bedtime_min, ad->earliest_bed_min);
		rise[i] = ad->latest_rise_min == LULL_ROTA_NONE ?
		    p->wake_min :
		    imin32(p->wake_min, ad->latest_rise_min);
		if (bed[i] >= rise[i]) {
			adult_field(field, sizeof(field), i, "latest_rise");
			fmt_hm(bed[i], a, sizeof(a));
			fmt_hm(rise[i], b, sizeof(b));
			return lull_errinfo_set(ei, LULL_EINVAL, field,
			    "%s: %s would sleep from %s to %s, which is no "
			    "time at all", field, nm, a, b);
		}
		nursing += ad->nursing != 0;
		feeders += can_feed(in, ad);
	}
	if (in->feeding == LULL_FEEDING_BREAST && nursing == 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "adults",
		    "adults: the baby is breastfed, but no adult is marked as "
		    "the nursing parent");
	if (feeders == 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "adults",
		    "adults: nobody on the rota can feed the baby");
	if (in->first_id != 0) {
		for (i = 0; i < in->nadults; i++)
			if (in->adults[i].caregiver_id == in->first_id)
				break;
		if (i == in->nadults)
			return lull_errinfo_set(ei, LULL_EINVAL, "first",
			    "first: caregiver %lld is not on the rota",
			    (long long)in->first_id);
		if (in->nadults > 1 && !can_feed(in, &in->adults[i]) &&
		    feeders > 1)
			return lull_errinfo_set(ei, LULL_EINVAL, "first",
			    "first: %s cannot feed the baby, so cannot take a "
			    "shift alone",
			    in->adults[i].name ? in->adults[i].name : "they");
	}
	return LULL_OK;
}

static int
day_mod(int32_t day, int n)
{
	return (int)(((day % n) + n) % n);
}

/* Point i and j into a shift. */
static void
add_shift(struct lull_rota_plan *pl, const struct night *n, int i, int j,
    int64_t who, int64_t feeder)
{
	struct lull_rota_shift *s;

	if (j <= i)
		return;
	if (pl->nshifts > 0) {
		s = &pl->shifts[pl->nshifts - 1];
		if (s->caregiver_id == who && s->feeder_id == feeder &&
		    s->to_min == n->pt[i]) {
			s->to_min = n->pt[j];
			s->to_utc = n->utc[j];
			s->wakings += C(n, V_WAKE, i, j);
			s->feeds += C(n, V_FEED, i, j);
			return;
		}
	}
	if (pl->nshifts == LULL_ROTA_MAX_SHIFTS)
		return;
	s = &pl->shifts[pl->nshifts++];
	s->caregiver_id = who;
	s->feeder_id = feeder;
	s->from_min = n->pt[i];
	s->to_min = n->pt[j];
	s->from_utc = n->utc[i];
	s->to_utc = n->utc[j];
	s->wakings = C(n, V_WAKE, i, j);
	s->feeds = C(n, V_FEED, i, j);
}

/* A person's block from point i to j (empty when j <= i). */
static void
set_block(struct lull_rota_person *ps, const struct night *n, int i, int j,
    int guarded)
{
	if (i < 0 || j <= i)
		j = i = i < 0 ? 0 : i;
	ps->block_from_min = n->pt[i];
	ps->block_to_min = n->pt[j];
	ps->block_from_utc = n->utc[i];
	ps->block_to_utc = n->utc[j];
	ps->block_min = L(n, i, j);
	ps->guarded = guarded;
	ps->target_met = ps->block_min >= n->target;
}

static int32_t
clamp_sleep(double x)
{
	return x <= 0 ? 0 : (int32_t)(x + 0.5);
}

/* Lexicographic: is score a better than b (higher is better)? */
static int
better(const double *a, const double *b, int k)
{
	int i;

	for (i = 0; i < k; i++) {
		if (a[i] > b[i] + EPS)
			return 1;
		if (a[i] < b[i] - EPS)
			return 0;
	}
	return 0;
}

struct split {
	int s;		/* the handover point */
	double score[4];
	double tx, ty;	/* expected sleep of the first and the second */
};

/*
 * Template A with adult x on duty first and y second: the handover
 * point that brings both protected blocks closest to the target, then
 * evens the expected sleep (the busier shift gets shorter), then the
 * blocks, then the earlier.
 */
static void
split_best(const struct night *n, int x, int y, struct split *out)
{
	int last = n->np - 1, s;
	double T = n->target;

	out->s = -1;
	for (s = 1; s < last; s++) {
		double px = L(n, imax(s, n->wb[x]), n->wr[x]);
		double py = L(n, n->wb[y], imin(s, n->wr[y]));
		double tx = L(n, n->wb[x], n->wr[x]) -
		    C(n, V_COST, n->wb[x], imin(s, n->wr[x]));
		double ty = L(n, n->wb[y], n->wr[y]) -
		    C(n, V_COST, imax(s, n->wb[y]), n->wr[y]);
		double sc[4];

		sc[0] = (px < T ? px : T) < (py < T ? py : T) ?
		    (px < T ? px : T) :
		    (py < T ? py : T);
		sc[1] = tx < ty ? tx : ty;
		sc[2] = -(px > py ? px - py : py - px);
		sc[3] = -s;
		if (out->s < 0 || better(sc, out->score, 4)) {
			out->s = s;
			memcpy(out->score, sc, sizeof(sc));
			out->tx = tx;
			out->ty = ty;
		}
	}
}

static void
plan_split(const struct lull_rota_in *in, struct night *n, const int *f,
    int nf, struct lull_rota_plan *pl)
{
	struct split sp[2];
	int k, j, best = -1, bestw = 0, p0 = 0, p1 = 0, o, x, y, s, last;
	size_t i;

	/* The pair on duty: rotating with the date, fewest workers. */
	k = day_mod(in->night_day, nf);
	if (in->first_id != 0) {
		for (j = 0; j < nf; j++)
			if (in->adults[f[j]].caregiver_id == in->first_id)
				k = j;
		p0 = f[k];
		for (j = 1; j < nf; j++) {
			int c = f[(k + j) % nf];

			if (best < 0 ||
			    (in->adults[best].works_next_day &&
				!in->adults[c].works_next_day))
				best = c;
		}
		p1 = best;
	} else {
		for (j = 0; j < nf; j++) {
			int a = f[(k + j) % nf], b = f[(k + j + 1) % nf];
			int w = (in->adults[a].works_next_day != 0) +
			    (in->adults[b].works_next_day != 0);

			if (best < 0 || w < bestw) {
				best = j;
				bestw = w;
				p0 = a;
				p1 = b;
			}
			if (nf == 2)
				break; /* the same pair both ways round */
		}
	}
	split_best(n, p0, p1, &sp[0]);
	split_best(n, p1, p0, &sp[1]);
	o = 0;
	if (in->first_id == 0) {
		int w0 = in->adults[p0].works_next_day != 0;
		int w1 = in->adults[p1].works_next_day != 0;

		if (sp[1].score[0] > sp[0].score[0] + EPS)
			o = 1;
		else if (sp[0].score[0] > sp[1].score[0] + EPS)
			o = 0;
		else if (w0 != w1) {
			/* The worker's duty load in each order. */
			int w = w0 ? p0 : p1;
			double c0, c1;

			c0 = w == p0 ?
			    C(n, V_COST, n->wb[w], imin(sp[0].s, n->wr[w])) :
			    C(n, V_COST, imax(sp[0].s, n->wb[w]), n->wr[w]);
			c1 = w == p1 ?
			    C(n, V_COST, n->wb[w], imin(sp[1].s, n->wr[w])) :
			    C(n, V_COST, imax(sp[1].s, n->wb[w]), n->wr[w]);
			if (c0 <= c1 - LULL_ROTA_WORKER_TIE_MIN)
				o = 0;
			else if (c1 <= c0 - LULL_ROTA_WORKER_TIE_MIN)
				o = 1;
			else
				o = w == p0 ? 0 : 1; /* the later block */
		}
	}
	x = o == 0 ? p0 : p1;
	y = o == 0 ? p1 : p0;
	s = sp[o].s;
	last = n->np - 1;
	add_shift(pl, n, 0, s, in->adults[x].caregiver_id,
	    in->adults[x].caregiver_id);
	add_shift(pl, n, s, last, in->adults[y].caregiver_id,
	    in->adults[y].caregiver_id);
	for (i = 0; i < in->nadults; i++) {
		struct lull_rota_person *ps = &pl->people[i];
		int a = (int)i;

		if (a == x) {
			set_block(ps, n, imax(s, n->wb[a]), n->wr[a], 1);
			ps->sleep_min = clamp_sleep(sp[o].tx);
			ps->wakings = C(n, V_WAKE, 0, s);
			ps->on_duty = 1;
		} else if (a == y) {
			set_block(ps, n, n->wb[a], imin(s, n->wr[a]), 1);
			ps->sleep_min = clamp_sleep(sp[o].ty);
			ps->wakings = C(n, V_WAKE, s, last);
			ps->on_duty = 1;
		} else {
			set_block(ps, n, n->wb[a], n->wr[a], 1);
			ps->sleep_min = L(n, n->wb[a], n->wr[a]);
		}
	}
}

/* The longest stretch in [lo, hi] with less than LULL_ROTA_QUIET of v. */
static int32_t
longest_quiet(const struct night *n, int v, int lo, int hi, int *from,
    int *to)
{
	int32_t best = -1;
	int i, j;

	*from = *to = lo;
	for (i = lo; i < hi; i++)
		for (j = i + 1; j <= hi; j++) {
			if (C(n, v, i, j) >= LULL_ROTA_QUIET)
				break;
			if (L(n, i, j) > best) {
				best = L(n, i, j);
				*from = i;
				*to = j;
			}
		}
	return best < 0 ? 0 : best;
}

/*
 * Template B: adult "m" is the only one who can feed, "q" the partner.
 * The nursing parent's block [a, b] lies between expected feeds, the
 * partner up to the baby in it; the partner's own block [x, y] lies in
 * the rest of the night, the nursing parent covering everything in it.
 * Chosen, in order, to bring both blocks closest to the target, to even
 * out expected sleep, to lengthen the nursing parent's block (the
 * longest stretch between feeds), then the partner's, then the earlier
 * (the later for an adult who works the next day).
 */
static void
plan_between(const struct lull_rota_in *in, struct night *n, int m, int q,
    struct lull_rota_plan *pl)
{
	int last = n->np - 1, a, b, x, y, ba = -1, bb = -1, bx = -1, by = -1;
	int cut[6], nc, i, c;
	double T = n->target, best[6] = { 0 }, tn_best = 0, tp_best = 0;
	double win_n = L(n, n->wb[m], n->wr[m]);
	double win_q = L(n, n->wb[q], n->wr[q]);
	double feedcost = C(n, V_FCOST, n->wb[m], n->wr[m]);
	double nf_q = NF(n, n->wb[q], n->wr[q]);
	int wm = in->adults[m].works_next_day != 0;
	int wq = in->adults[q].works_next_day != 0;
	size_t k;

	for (a = n->wb[m]; a < n->wr[m]; a++)
		for (b = a + 1; b <= n->wr[m]; b++) {
			double pn;

			if (C(n, V_FEED, a, b) >= LULL_ROTA_QUIET)
				break;
			pn = L(n, a, b);
			/* x = y = -1: no block for the partner. */
			for (x = -1; x < last; x++)
				for (y = x < 0 ? -1 : x + 1; y <= last; y++) {
					double pp, tn, tp, sc[6];

					if (x >= 0 &&
					    (x < n->wb[q] || y > n->wr[q] ||
						(y > a && x < b)))
						continue;
					pp = L(n, x, y);
					tn = win_n - feedcost -
					    NF(n, imax(x, n->wb[m]),
						imin(y, n->wr[m]));
					tp = win_q - (nf_q - NF(n, x, y));
					sc[0] = pn < T ? pn : T;
					if ((pp < T ? pp : T) < sc[0])
						sc[0] = pp < T ? pp : T;
					sc[1] = tn < tp ? tn : tp;
					sc[2] = pn;
					sc[3] = pp;
					/* Whoever works the next day: the
					 * later block, up to the morning. */
					sc[4] = wm ? a : -a;
					sc[5] = wq ? x : -x;
					if (ba < 0 || better(sc, best, 6)) {
						memcpy(best, sc, sizeof(sc));
						ba = a;
						bb = b;
						bx = x;
						by = y;
						tn_best = tn;
						tp_best = tp;
					}
					if (x < 0)
						break;
				}
		}
	if (ba < 0) {
		/* A feed is expected in every slot of the window: no
		 * stretch between feeds at all. */
		ba = bb = n->wb[m];
		tn_best = win_n - feedcost - NF(n, n->wb[m], n->wr[m]);
		tp_best = win_q;
		bx = n->wb[q];
		by = n->wr[q];
	}
	/* The timeline: the partner is up to the baby except in their own
	 * block, the nursing parent feeds throughout. */
	nc = 0;
	cut[nc++] = 0;
	cut[nc++] = last;
	if (bx >= 0) {
		cut[nc++] = bx;
		cut[nc++] = by;
	}
	cut[nc++] = ba;
	cut[nc++] = bb;
	for (i = 1; i < nc; i++)
		for (c = i; c > 0 && cut[c] < cut[c - 1]; c--) {
			int t = cut[c];

			cut[c] = cut[c - 1];
			cut[c - 1] = t;
		}
	for (i = 0; i + 1 < nc; i++) {
		int mid_in = bx >= 0 && cut[i] >= bx && cut[i + 1] <= by;

		add_shift(pl, n, cut[i], cut[i + 1],
		    in->adults[mid_in ? m : q].caregiver_id,
		    in->adults[m].caregiver_id);
	}
	for (k = 0; k < in->nadults; k++) {
		struct lull_rota_person *ps = &pl->people[k];
		int ad = (int)k;

		if (ad == m) {
			set_block(ps, n, ba, bb, 1);
			ps->sleep_min = clamp_sleep(tn_best);
			ps->wakings = C(n, V_FEED, 0, last) +
			    (bx >= 0 ? C(n, V_WAKE, bx, by) -
				    C(n, V_FEED, bx, by) :
				       0);
			ps->on_duty = 1;
		} else if (ad == q) {
			set_block(ps, n, bx, by, 1);
			ps->sleep_min = clamp_sleep(tp_best);
			ps->wakings = C(n, V_WAKE, 0, last) -
			    C(n, V_FEED, 0, last) -
			    (bx >= 0 ? C(n, V_WAKE, bx, by) -
				    C(n, V_FEED, bx, by) :
				       0);
			ps->on_duty = 1;
		} else {
			set_block(ps, n, n->wb[ad], n->wr[ad], 1);
			ps->sleep_min = L(n, n->wb[ad], n->wr[ad]);
		}
	}
}

static void
plan_solo(const struct lull_rota_in *in, struct night *n,
    struct lull_rota_plan *pl)
{
	struct lull_rota_person *ps = &pl->people[0];
	int last = n->np - 1, from, to;

	add_shift(pl, n, 0, last, in->adults[0].caregiver_id,
	    in->adults[0].caregiver_id);
	(void)longest_quiet(n, V_WAKE, n->wb[0], n->wr[0], &from, &to);
	set_block(ps, n, from, to, 0);
	ps->sleep_min = clamp_sleep(L(n, n->wb[0], n->wr[0]) -
	    C(n, V_COST, n->wb[0], n->wr[0]));
	ps->wakings = C(n, V_WAKE, 0, last);
	ps->on_duty = 1;
}

/* The reason, when a target is not met (and always when solo). */
static void
explain(const struct lull_rota_in *in, const struct night *n,
    struct lull_rota_plan *pl, int m)
{
	char t[24], d[24], nm[64], nm2[64], a[8], b[8];
	size_t i;
	int from, to, lead = 0;

	fmt_dur(n->target, t, sizeof(t));
	if (pl->tmpl == LULL_ROTA_SOLO) {
		const struct lull_rota_person *ps = &pl->people[0];

		adult_name(in, 0, nm, sizeof(nm));
		say(pl, "With one adult tonight, no block can be protected by "
		    "a rota: %s is on duty all night. ", nm);
		fmt_dur(ps->block_min, d, sizeof(d));
		fmt_hm(ps->block_from_min, a, sizeof(a));
		fmt_hm(ps->block_to_min, b, sizeof(b));
		if (ps->block_min > 0)
			say(pl, "The longest stretch the baby usually sleeps "
			    "without needing anyone is %s (%s to %s). ", d, a,
			    b);
		else
			say(pl, "The baby usually needs someone every half "
			    "hour or so, so there is no stretch to count "
			    "on. ");
		if (!ps->target_met)
			say(pl, "That is short of the %s target; this is the "
			    "best plan we found.", t);
		return;
	}
	if (pl->target_met)
		return;
	if (pl->tmpl == LULL_ROTA_BETWEEN_FEEDS && !pl->people[m].target_met &&
	    longest_quiet(n, V_FEED, n->wb[m], n->wr[m], &from, &to) <
		n->target) {
		int32_t every;
		double feeds = in->pattern->feeds_per_night;
		size_t q;

		/* "About every": the night shared out between its feeds,
		 * to the nearest quarter hour [CONV]. */
		every = (int32_t)(L(n, 0, n->np - 1) / (feeds + 1) + 0.5);
		every = (every + 7) / 15 * 15;
		if (every < 15)
			every = 15;
		adult_name(in, (size_t)m, nm, sizeof(nm));
		fmt_dur(every, d, sizeof(d));
		say(pl, "Feeds come about every %s at the moment, too close "
		    "together for a %s block between them. ", d, t);
		say_block(pl, in, (size_t)m,
		    "longest expected stretch between feeds");
		for (q = 0; q < in->nadults; q++)
			if (pl->people[q].on_duty && (int)q != m)
				break;
		if (q < in->nadults) {
			adult_name(in, q, nm2, sizeof(nm2));
			say(pl, "This is the best plan for now: %s settles, "
			    "changes and resettles the baby in that stretch, "
			    "so that %s is woken only to feed. ", nm2, nm);
		}
		lead = 1;
	} else {
		say(pl, "The %s target cannot be met for everyone tonight: "
		    "the hours you can sleep leave no room for it. ", t);
	}
	for (i = 0; i < in->nadults; i++) {
		if (pl->people[i].target_met || (lead && (int)i == m))
			continue;
		say_block(pl, in, i, "protected block");
	}
	if (!lead)
		say(pl, "This is the best plan we found.");
}

enum lull_err
lull_rota_plan(const struct lull_rota_in *in, struct lull_rota_plan *out,
    struct lull_errinfo *ei)
{
	int32_t bed[LULL_ROTA_MAX_ADULTS], rise[LULL_ROTA_MAX_ADULTS];
	struct night n;
	int f[LULL_ROTA_MAX_ADULTS], o[LULL_ROTA_MAX_ADULTS], nf = 0, no = 0;
	int m = -1;
	enum lull_err rc;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (in == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "adults",
		    "adults: nothing to plan");
	rc = check_in(in, bed, rise, ei);
	if (rc != LULL_OK)
		return rc;
	memset(&n, 0, sizeof(n));
	n.in = in;
	n.p = in->pattern;
	n.target = in->target_min ? in->target_min :
				    LULL_ROTA_TARGET_DEFAULT_MIN;
	night_build(&n, in, bed, rise);

	out->night_day = in->night_day;
	out->target_min = n.target;
	out->bed_min = n.pt[0];
	out->wake_min = n.pt[n.np - 1];
	out->bed_utc = n.utc[0];
	out->wake_utc = n.utc[n.np - 1];
	out->safety = safety_text;
	out->npeople = in->nadults;
	for (i = 0; i < in->nadults; i++) {
		out->people[i].caregiver_id = in->adults[i].caregiver_id;
		out->people[i].bed_min = bed[i];
		out->people[i].rise_min = rise[i];
		if (can_feed(in, &in->adults[i]))
			f[nf++] = (int)i;
		else
			o[no++] = (int)i;
	}
	if (in->nadults == 1) {
		out->tmpl = LULL_ROTA_SOLO;
		plan_solo(in, &n, out);
	} else if (nf >= 2) {
		out->tmpl = LULL_ROTA_SPLIT;
		plan_split(in, &n, f, nf, out);
		if (in->feeding == LULL_FEEDING_BREAST && in->expressed_milk)
			out->milk_note = milk_text;
	} else {
		int k = day_mod(in->night_day, no), j, q = o[k];

		/* The partner: rotating with the date, a non-worker
		 * first. */
		for (j = 0; j < no; j++)
			if (!in->adults[o[(k + j) % no]].works_next_day) {
				q = o[(k + j) % no];
				break;
			}
		m = f[0];
		out->tmpl = LULL_ROTA_BETWEEN_FEEDS;
		plan_between(in, &n, m, q, out);
	}
	out->target_met = 1;
	for (i = 0; i < out->npeople; i++)
		if (!out->people[i].target_met)
			out->target_met = 0;
	for (i = 1; i < out->nshifts; i++) {
		if (out->shifts[i].caregiver_id ==
		    out->shifts[i - 1].caregiver_id)
			continue;
		out->handover_min[out->nhandovers] = out->shifts[i].from_min;
		out->handover_utc[out->nhandovers++] = out->shifts[i].from_utc;
	}
	explain(in, &n, out, m);
	return LULL_OK;
}

/* ---- what happened ---------------------------------------------------- */

/* The wakings of a night in order: nested ones, and the gaps between
 * pieces (caregiver 0, response unknown). */
struct witer {
	const struct lull_sleep *v;
	size_t n, i, k;
	int gap_done;
};

struct wk {
	int64_t a, b;
	enum lull_response resp;
	int64_t by;
};

static int
witer_next(struct witer *it, struct wk *w)
{
	while (it->i < it->n) {
		const struct lull_sleep *s = &it->v[it->i];

		if (!it->gap_done) {
			it->gap_done = 1;
			if (it->i > 0 && s->start_utc > it->v[it->i - 1].end_utc) {
				w->a = it->v[it->i - 1].end_utc;
				w->b = s->start_utc;
				w->resp = LULL_RESP_UNKNOWN;
				w->by = 0;
				return 1;
			}
		}
		while (it->k < s->nwakings) {
			const struct lull_waking *x = &s->wakings[it->k++];

			w->a = x->start_utc < s->start_utc ? s->start_utc :
							     x->start_utc;
			w->b = x->end_utc == LULL_NO_TIME ||
				x->end_utc > s->end_utc ?
			    s->end_utc :
			    x->end_utc;
			w->resp = x->response;
			w->by = x->caregiver_id;
			if (w->b > w->a)
				return 1;
		}
		it->i++;
		it->k = 0;
		it->gap_done = 0;
	}
	return 0;
}

static void
witer_init(struct witer *it, const struct lull_sleep *v, size_t n)
{
	memset(it, 0, sizeof(*it));
	it->v = v;
	it->n = n;
}

static enum lull_err
check_night(const struct lull_sleep *v, size_t n, struct lull_errinfo *ei)
{
	size_t i;

	if (v == NULL || n == 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "night",
		    "night: no sleep given");
	for (i = 0; i < n; i++) {
		if (v[i].end_utc == LULL_NO_TIME)
			return lull_errinfo_set(ei, LULL_EINVAL, "night",
			    "night: the night is still going on");
		if (v[i].end_utc < v[i].start_utc ||
		    (i > 0 && v[i].start_utc < v[i - 1].start_utc))
			return lull_errinfo_set(ei, LULL_EINVAL, "night",
			    "night: its pieces are not in order");
	}
	return LULL_OK;
}

enum lull_err
lull_rota_parent_night(const struct lull_sleep *v, size_t n,
    int64_t caregiver_id, int64_t bed_utc, int64_t rise_utc,
    struct lull_parent_night *out, struct lull_errinfo *ei)
{
	struct witer it;
	struct wk w;
	int64_t cursor, longest = -1, up = 0;
	enum lull_err rc;

	memset(out, 0, sizeof(*out));
	rc = check_night(v, n, ei);
	if (rc != LULL_OK)
		return rc;
	if (caregiver_id <= 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "caregiver",
		    "caregiver: a caregiver id is needed");
	if (bed_utc == LULL_NO_TIME)
		bed_utc = v[0].start_utc;
	if (rise_utc == LULL_NO_TIME)
		rise_utc = v[n - 1].end_utc;
	if (rise_utc <= bed_utc)
		return lull_errinfo_set(ei, LULL_EINVAL, "rise",
		    "rise: the rise is not after the bedtime");
	out->caregiver_id = caregiver_id;
	out->from_utc = bed_utc;
	out->to_utc = rise_utc;
	cursor = bed_utc;
	witer_init(&it, v, n);
	while (witer_next(&it, &w)) {
		if (w.by != caregiver_id || w.resp == LULL_RESP_NONE)
			continue;
		out->wakings++;
		if (w.a < cursor)
			w.a = cursor;
		if (w.b > rise_utc)
			w.b = rise_utc;
		if (w.b <= w.a)
			continue;
		if (w.a - cursor > longest) {
			longest = w.a - cursor;
			out->longest_from_utc = cursor;
			out->longest_to_utc = w.a;
		}
		up += w.b - w.a;
		cursor = w.b;
	}
	if (rise_utc - cursor > longest) {
		longest = rise_utc - cursor;
		out->longest_from_utc = cursor;
		out->longest_to_utc = rise_utc;
	}
	out->longest_min = (int32_t)(longest / 60);
	out->up_min = (int32_t)(up / 60);
	out->free_min = (int32_t)((rise_utc - bed_utc - up) / 60);
	return LULL_OK;
}

enum lull_err
lull_rota_review(const struct lull_rota_plan *plan,
    const struct lull_sleep *v, size_t n, struct lull_rota_review *out,
    struct lull_errinfo *ei)
{
	struct witer it;
	struct wk w;
	enum lull_err rc;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (plan == NULL || plan->npeople == 0 ||
	    plan->npeople > LULL_ROTA_MAX_ADULTS)
		return lull_errinfo_set(ei, LULL_EINVAL, "plan",
		    "plan: no plan to compare with");
	rc = check_night(v, n, ei);
	if (rc != LULL_OK)
		return rc;
	out->bed_utc = v[0].start_utc;
	out->wake_utc = v[n - 1].end_utc;
	if (out->wake_utc <= plan->bed_utc || out->bed_utc >= plan->wake_utc) {
		memset(out, 0, sizeof(*out));
		return lull_errinfo_set(ei, LULL_EINVAL, "night",
		    "night: this night is not the one planned");
	}
	out->nwho = plan->npeople;
	for (i = 0; i < plan->npeople; i++) {
		const struct lull_rota_person *ps = &plan->people[i];
		struct lull_rota_actual *ac = &out->who[i];
		struct lull_parent_night pn;

		rc = lull_rota_parent_night(v, n, ps->caregiver_id,
		    LULL_NO_TIME, LULL_NO_TIME, &pn, ei);
		if (rc != LULL_OK) {
			memset(out, 0, sizeof(*out));
			return rc;
		}
		ac->caregiver_id = ps->caregiver_id;
		ac->wakings = pn.wakings;
		ac->up_min = pn.up_min;
		ac->longest_min = pn.longest_min;
		ac->longest_from_utc = pn.longest_from_utc;
		ac->longest_to_utc = pn.longest_to_utc;
		ac->held = 1;
	}
	witer_init(&it, v, n);
	while (witer_next(&it, &w)) {
		int known = 0;

		if (w.resp == LULL_RESP_NONE)
			continue;
		if (w.by == 0) {
			out->unknown++;
			out->unknown_min += (int32_t)((w.b - w.a) / 60);
		}
		for (i = 0; i < plan->npeople; i++) {
			const struct lull_rota_person *ps = &plan->people[i];
			struct lull_rota_actual *ac = &out->who[i];
			int inside = ps->block_min > 0 &&
			    w.a < ps->block_to_utc && w.b > ps->block_from_utc;

			if (w.by == ps->caregiver_id) {
				known = 1;
				if (inside) {
					ac->in_block++;
					ac->held = 0;
				}
			} else if (w.by == 0 && inside) {
				ac->unknown_in_block++;
			}
		}
		if (w.by != 0 && !known)
			out->other++;
	}
	if (out->unknown > 0)
		snprintf(out->note, sizeof(out->note),
		    "%d waking%s (%d min) had nobody recorded; %s counted for "
		    "nobody, so a block may have been broken without it "
		    "showing here.",
		    (int)out->unknown, out->unknown == 1 ? "" : "s",
		    (int)out->unknown_min, out->unknown == 1 ? "it is" :
							      "they are");
	return LULL_OK;
}

/* ---- rebalancing ------------------------------------------------------ */

void
lull_rota_rebalance(const int32_t *longest_min, size_t n, const char *name,
    struct lull_rota_balance *out)
{
	size_t i, from = n > LULL_ROTA_REBALANCE_WINDOW ?
	    n - LULL_ROTA_REBALANCE_WINDOW :
	    0;

	memset(out, 0, sizeof(*out));
	for (i = from; longest_min != NULL && i < n; i++) {
		if (longest_min[i] == LULL_ROTA_NONE || longest_min[i] < 0)
			continue;
		out->nights++;
		if (longest_min[i] < LULL_ROTA_REBALANCE_UNDER_MIN)
			out->under++;
	}
	out->prompt = out->under >= LULL_ROTA_REBALANCE_NIGHTS;
	if (!out->prompt)
		return;
	if (name != NULL && name[0] != '\0')
		snprintf(out->msg, sizeof(out->msg),
		    "%s's longest sleep was under 3 h on %d of the last %d "
		    "nights. That is a lot to carry: could the rota change "
		    "for a few nights so that %s gets a longer block?",
		    name, out->under, (int)(n - from), name);
	else
		snprintf(out->msg, sizeof(out->msg),
		    "Your longest sleep was under 3 h on %d of the last %d "
		    "nights. That is a lot to carry: could the rota change "
		    "for a few nights so that you get a longer block?",
		    out->under, (int)(n - from));
}
