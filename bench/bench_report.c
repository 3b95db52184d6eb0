/*
 * The report and today's view, for three years of history and for two
 * weeks.  A generated family day (two naps with a little jitter, a night
 * with two wakings, seven feeds; seed fixed) is stored in a fresh SQLite
 * journal (WAL, synchronous=FULL) and kept in memory too.  Each figure is
 * the median of RUNS samples, each the mean of several runs:
 *
 *   report        every day of the history: nights and days, the 7- and
 *                 14-night windows and their baseline, the age ranges
 *   today's view  today and last night, the last 7 nights' medians, and
 *                 the prediction of the next sleep and of bedtime
 *
 * each computed from memory (the core alone) and read from the journal
 * first (what "lull report" and "lull predict" do, without printing).
 * Today's view must not grow with the history (within 1.5x); the
 * figures go to docs/analytics.md.  Timings are printed, never asserted.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lull/cal.h"
#include "lull/norms.h"
#include "lull/predict.h"
#include "lull/stats.h"
#include "lull/store.h"
#include "lull/tz.h"
#include "lull/tzload.h"

#define RUNS 31
#define ZONE "Europe/Berlin"

static struct lull_tz *tz;
static int32_t today;
static int64_t now;

static double
now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int64_t
at(int32_t day, int hh, int mm)
{
	int64_t t;

	(void)lull_tz_resolve(tz, day, hh * 3600 + mm * 60, LULL_FOLD_EARLIER,
	    &t);
	return t;
}

static unsigned
rnd(void)
{
	static unsigned s = 12345;

	s = s * 1103515245u + 12345u;
	return (s >> 16) & 0x7fff;
}

static void
push_sleep(struct lull_sleepv *v, int64_t a, int64_t b)
{
	struct lull_sleep s;

	lull_sleep_init(&s);
	s.start_utc = a;
	s.end_utc = b;
	if (lull_sleepv_push(v, &s) != LULL_OK)
		abort();
}

static void
waking(struct lull_sleep *s, int64_t a, int64_t b, enum lull_response r)
{
	struct lull_waking w;

	lull_waking_init(&w);
	w.start_utc = a;
	w.end_utc = b;
	w.response = r;
	if (lull_sleep_add_waking(s, &w) != LULL_OK)
		abort();
}

/* "days" days of log ending with last night. */
static void
generate(int32_t days, struct lull_sleepv *sv, struct lull_feedv *fv)
{
	static const int feeds[7][2] = { { 6, 50 }, { 9, 45 }, { 12, 30 },
		{ 15, 30 }, { 18, 30 }, { 23, 10 }, { 3, 0 } };
	int32_t d;
	int k;

	for (d = today - days; d < today; d++) {
		int j = (int)(rnd() % 31) - 15;
		struct lull_sleep *n;

		push_sleep(sv, at(d, 9, 0) + j * 60, at(d, 10, 0) + j * 60);
		push_sleep(sv, at(d, 13, 0) - j * 60, at(d, 14, 30));
		push_sleep(sv, at(d, 19, 30) + j * 60, at(d + 1, 6, 45));
		n = &sv->v[sv->n - 1];
		waking(n, at(d, 23, 10), at(d, 23, 25), LULL_RESP_FEED);
		waking(n, at(d + 1, 2, 30), at(d + 1, 2, 50), LULL_RESP_HOLD);
		for (k = 0; k < 7; k++) {
			struct lull_feed f;

			lull_feed_init(&f);
			f.start_utc = at(k == 6 ? d + 1 : d, feeds[k][0],
			    feeds[k][1]);
			if (lull_feedv_push(fv, &f) != LULL_OK)
				abort();
		}
	}
}

struct journal {
	char dir[32], path[64];
	struct lull_store *st;
	int64_t hh;
	struct lull_child child;
	struct lull_sleepv sv;
	struct lull_feedv fv;
};

static int
journal_open(struct journal *j, int32_t days)
{
	struct lull_household h = { 0 };
	struct lull_actor a = { 0, 0 };
	struct lull_errinfo ei;
	char spec[96];
	size_t failed, i;

	memset(j, 0, sizeof(*j));
	a.now_utc = now;
	snprintf(j->dir, sizeof(j->dir), "/tmp/lull-bench-XXXXXX");
	if (mkdtemp(j->dir) == NULL)
		return -1;
	snprintf(j->path, sizeof(j->path), "%.31s/j.db", j->dir);
	snprintf(spec, sizeof(spec), "sqlite:%s", j->path);
	h.name = (char[]){ "Bench" };
	h.tz = (char[]){ ZONE };
	lull_child_init(&j->child);
	j->child.name = (char[]){ "Kid" };
	j->child.born_day = today - days - 120;
	generate(days, &j->sv, &j->fv);
	if (lull_store_open(&j->st, spec, &ei) != LULL_OK ||
	    lull_store_household_add(j->st, &h, &a, &j->hh) != LULL_OK)
		return -1;
	j->child.household_id = j->hh;
	if (lull_store_child_add(j->st, &j->child, tz, &a, &j->child.id) !=
	    LULL_OK)
		return -1;
	for (i = 0; i < j->sv.n; i++)
		j->sv.v[i].child_id = j->child.id;
	for (i = 0; i < j->fv.n; i++)
		j->fv.v[i].child_id = j->child.id;
	if (lull_store_begin(j->st) != LULL_OK ||
	    lull_store_sleep_add_many(j->st, j->sv.v, j->sv.n, tz, &a,
		&failed) != LULL_OK ||
	    lull_store_feed_add_many(j->st, j->fv.v, j->fv.n, tz, &a, &failed) !=
		LULL_OK ||
	    lull_store_commit(j->st) != LULL_OK) {
		fprintf(stderr, "bench: %s\n", lull_store_error(j->st)->msg);
		return -1;
	}
	j->child.name = NULL;
	return 0;
}

static void
journal_close(struct journal *j)
{
	char p[96];

	lull_sleepv_free(&j->sv);
	lull_feedv_free(&j->fv);
	lull_store_close(j->st);
	unlink(j->path);
	snprintf(p, sizeof(p), "%s-wal", j->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", j->path);
	unlink(p);
	rmdir(j->dir);
}

/* Nights and days of [from, to], their windows and the age ranges. */
static void
compute(const struct lull_child *c, const struct lull_sleepv *sv,
    const struct lull_feedv *fv, int32_t from, int32_t to)
{
	static struct lull_day_stats days[1200];
	struct lull_stats_in in;
	struct lull_errinfo ei;
	struct lull_window w7, w14, base;
	struct lull_norm_cmp cmp[8];
	size_t n = (size_t)(to - from + 1);

	memset(&in, 0, sizeof(in));
	in.tz = tz;
	in.child = c;
	in.sleeps = sv;
	in.feeds = fv;
	in.now_utc = now;
	if (lull_stats_days(&in, from, to, days, &ei) != LULL_OK)
		abort();
	lull_stats_window(days + n - 7, 7, &w7);
	if (n < 14)
		return; /* today's view */
	lull_stats_window(days + n - 14, 14, &w14);
	/* The two weeks before, as far as the range reaches back. */
	lull_stats_window(days, n >= 28 ? 14 : n - 14, &base);
	if (n >= 28)
		lull_stats_window(days + n - 28, 14, &base);
	(void)lull_norms_compare(days[n - 1].age_days, &w14, cmp, 8);
}

static void
predict(const struct lull_child *c, const struct lull_sleepv *sv)
{
	struct lull_predict_in in;
	struct lull_prediction p;
	struct lull_errinfo ei;

	memset(&in, 0, sizeof(in));
	in.tz = tz;
	in.child = c;
	in.sleeps = sv;
	in.now_utc = now;
	if (lull_predict(&in, &p, &ei) != LULL_OK || !p.bedtime.valid)
		abort();
}

enum what { REPORT_CORE, REPORT_STORE, TODAY_CORE, TODAY_STORE };

static void
one_run(struct journal *j, enum what w, int32_t first)
{
	struct lull_sleepv sv = { 0 };
	struct lull_feedv fv = { 0 };
	int32_t from = w == REPORT_CORE || w == REPORT_STORE ? first :
							       today - 7;

	if (w == REPORT_CORE || w == TODAY_CORE) {
		compute(&j->child, &j->sv, &j->fv, from, today);
		if (w == TODAY_CORE)
			predict(&j->child, &j->sv);
		return;
	}
	/* As the commands read the journal (cmd_report.c). */
	/* Today's view reads what the prediction needs too: 15 days. */
	if (w == TODAY_STORE)
		from = today - LULL_PREDICT_DAYS - 1;
	if (lull_store_sleep_range(j->st, j->hh, j->child.id,
		lull_tz_day_start(tz, from) - 14 * 3600,
		lull_tz_day_start(tz, today + 1) + 14 * 3600, &sv) != LULL_OK ||
	    lull_store_feed_range(j->st, j->hh, j->child.id,
		lull_tz_day_start(tz, from) - 14 * 3600,
		lull_tz_day_start(tz, today + 1) + 14 * 3600, &fv) != LULL_OK)
		abort();
	compute(&j->child, &sv, &fv, w == TODAY_STORE ? today - 7 : from,
	    today);
	if (w == TODAY_STORE)
		predict(&j->child, &sv);
	lull_sleepv_free(&sv);
	lull_feedv_free(&fv);
}

/* Seconds for "reps" runs back to back, per run (so microsecond
 * figures are not clock noise). */
static double
sample(struct journal *j, enum what w, int32_t first, int reps)
{
	double t0 = now_sec();
	int k;

	for (k = 0; k < reps; k++)
		one_run(j, w, first);
	return (now_sec() - t0) / reps;
}

int
main(void)
{
	static const struct {
		const char *name;
		int32_t days;
	} sizes[] = { { "3 years", 1096 }, { "2 weeks", 14 } };
	static const int reps[4] = { 5, 3, 200, 20 };
	static double t[2][4][RUNS];
	struct journal j[2];
	double med[2][4];
	struct lull_errinfo ei;
	int i, w, r;

	if (lull_tz_load(&tz, ZONE, &ei) != LULL_OK) {
		fprintf(stderr, "bench: %s\n", ei.msg);
		return 1;
	}
	today = lull_days_from_civil(2026, 6, 15);
	now = at(today, 10, 30);
	for (i = 0; i < 2; i++)
		if (journal_open(&j[i], sizes[i].days) != 0) {
			fprintf(stderr, "bench: cannot build the journal\n");
			return 1;
		}
	/* Interleaved, so a busy moment of the machine hits both sizes. */
	for (r = -1; r < RUNS; r++)
		for (w = 0; w < 4; w++)
			for (i = 0; i < 2; i++) {
				double x = sample(&j[i], (enum what)w,
				    today - sizes[i].days, reps[w]);

				if (r >= 0) /* the first round warms up */
					t[i][w][r] = x;
			}
	printf("report and today's view, median of %d samples (ms)\n", RUNS);
	printf("%-10s %8s %8s %12s %12s %14s %14s\n", "history", "sleeps",
	    "feeds", "report core", "report+db", "today core", "today+db");
	for (i = 0; i < 2; i++) {
		for (w = 0; w < 4; w++) {
			qsort(t[i][w], RUNS, sizeof(double), cmp_double);
			med[i][w] = t[i][w][RUNS / 2] * 1e3;
		}
		printf("%-10s %8zu %8zu %12.3f %12.3f %14.3f %14.3f\n",
		    sizes[i].name, j[i].sv.n, j[i].fv.n, med[i][0], med[i][1],
		    med[i][2], med[i][3]);
		journal_close(&j[i]);
	}
	printf("today's view, 3 years over 2 weeks: %.2fx from memory, %.2fx "
	       "from the journal (limit 1.5x)\n",
	    med[0][2] / med[1][2], med[0][3] / med[1][3]);
	lull_tz_free(tz);
	return 0;
}
