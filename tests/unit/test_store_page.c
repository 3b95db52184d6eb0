/*
 * Pages of the journal for listings (lull_store_sleep_page() and its
 * siblings) against a real SQLite file: newest first, cursors that walk
 * the whole history with no entry twice and none missed (ties of start
 * across children and within feeds too), spans, the household's page
 * merged from its children's, a cursor that stays put when entries are
 * added before it, and another family's child refused.  What a page
 * costs against the history's length is measured in bench/, not here.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lull/cal.h"
#include "lull/model.h"
#include "lull/store.h"
#include "lull/tz.h"

#include "t.h"

struct fx {
	char dir[64];
	char path[128];
	struct lull_store *st;
	struct lull_tz *tz;
	struct lull_actor anna;
	int64_t hh, other_hh, mia, leo, zoe; /* zoe: of the other family */
};

static struct fx fx;

#define DAY0 lull_days_from_civil(2025, 1, 1)

/* Day d after DAY0, hh:mm UTC. */
static int64_t
at(int d, int h, int m)
{
	return (int64_t)(DAY0 + d) * 86400 + h * 3600 + m * 60;
}

#define NOW  at(4000, 12, 0)
#define W(s) ((char[]){ s })

static int
fx_open(void)
{
	struct lull_actor boot = { 0, at(-1, 0, 0) };
	struct lull_household h = { 0 };
	struct lull_caregiver g = { 0 };
	struct lull_errinfo ei;
	struct lull_child k;
	char spec[160];
	int64_t other_cg;

	memset(&fx, 0, sizeof(fx));
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/lull-test-page-XXXXXX");
	if (mkdtemp(fx.dir) == NULL)
		return -1;
	snprintf(fx.path, sizeof(fx.path), "%s/journal.db", fx.dir);
	snprintf(spec, sizeof(spec), "sqlite:%s", fx.path);
	if (lull_store_open(&fx.st, spec, &ei) != LULL_OK) {
		fprintf(stderr, "open: %s\n", ei.msg);
		return -1;
	}
	if (lull_tz_utc(&fx.tz) != LULL_OK)
		return -1;
	h.name = W("Home");
	h.tz = W("UTC");
	if (lull_store_household_add(fx.st, &h, &boot, &fx.hh) ||
	    lull_store_household_add(fx.st, &h, &boot, &fx.other_hh))
		return -1;
	g.household_id = fx.hh;
	g.name = W("Anna");
	if (lull_store_caregiver_add(fx.st, &g, &boot, &fx.anna.caregiver_id))
		return -1;
	g.household_id = fx.other_hh;
	if (lull_store_caregiver_add(fx.st, &g, &boot, &other_cg))
		return -1;
	fx.anna.now_utc = NOW;
	lull_child_init(&k);
	k.household_id = fx.hh;
	k.name = W("Mia");
	k.born_day = DAY0 - 30;
	if (lull_store_child_add(fx.st, &k, fx.tz, &boot, &fx.mia))
		return -1;
	k.name = W("Leo");
	if (lull_store_child_add(fx.st, &k, fx.tz, &boot, &fx.leo))
		return -1;
	k.household_id = fx.other_hh;
	k.name = W("Zoe");
	if (lull_store_child_add(fx.st, &k, fx.tz, &boot, &fx.zoe))
		return -1;
	return 0;
}

static void
fx_close(void)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[160];
	size_t i;

	lull_store_close(fx.st);
	lull_tz_free(fx.tz);
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", fx.path, suffix[i]);
		unlink(p);
	}
	rmdir(fx.dir);
	memset(&fx, 0, sizeof(fx));
}

/*
 * "n" nights of "child" from day "first", 19:00 to 06:00 (minute "shift"
 * later), every other one with a waking at 01:00, written in one batch.
 */
static int
add_nights(int64_t child, int first, int n, int shift)
{
	struct lull_sleep *v = calloc((size_t)n, sizeof(*v));
	struct lull_waking w;
	size_t failed;
	int i, rc = 0;

	if (v == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		lull_sleep_init(&v[i]);
		v[i].child_id = child;
		v[i].start_utc = at(first + i, 19, shift);
		v[i].end_utc = at(first + i + 1, 6, shift);
		if (i % 2 == 0) {
			lull_waking_init(&w);
			w.start_utc = at(first + i + 1, 1, 0);
			w.end_utc = at(first + i + 1, 1, 20);
			if (lull_sleep_add_waking(&v[i], &w) != LULL_OK)
				rc = -1;
		}
	}
	if (rc == 0 &&
	    lull_store_sleep_add_many(fx.st, v, (size_t)n, fx.tz, &fx.anna,
		&failed) != LULL_OK) {
		fprintf(stderr, "add_many: %s\n", lull_store_error(fx.st)->msg);
		rc = -1;
	}
	for (i = 0; i < n; i++)
		lull_sleep_free(&v[i]);
	free(v);
	return rc;
}

/*
 * Walk every page of "limit" sleeps of child (0: household) in [from, to)
 * and check it against the full range read newest first: same entries,
 * same order, each once.  Returns the number of pages.
 */
static int
walk_sleeps(int64_t child, int64_t from, int64_t to, size_t limit)
{
	struct lull_sleepv all, page;
	int64_t bs = 0, bid = 0;
	size_t seen = 0, i, expect = 0;
	int pages = 0;

	T_EQ_INT(lull_store_sleep_range(fx.st, fx.hh, child, INT64_MIN + 1,
		     INT64_MAX, &all),
	    LULL_OK);
	/* The range is oldest first; the pages walk it backwards, keeping
	 * only those starting in [from, to). */
	for (i = 0; i < all.n; i++)
		if (all.v[i].start_utc >= from && all.v[i].start_utc < to)
			expect++;
	for (;;) {
		T_EQ_INT(lull_store_sleep_page(fx.st, fx.hh, child, from, to,
			     bs, bid, limit, &page),
		    LULL_OK);
		T_CHECK(page.n <= limit);
		for (i = 0; i < page.n; i++) {
			const struct lull_sleep *s = &page.v[i];
			size_t k, rank = 0;
			int found = 0;

			/* Its place among the expected, newest first. */
			for (k = all.n; k > 0; k--) {
				const struct lull_sleep *e = &all.v[k - 1];

				if (e->start_utc < from || e->start_utc >= to)
					continue;
				if (e->id == s->id) {
					found = 1;
					T_EQ_INT(e->nwakings, s->nwakings);
					break;
				}
				rank++;
			}
			T_CHECK(found);
			T_EQ_INT(rank, seen);
			seen++;
		}
		pages++;
		if (page.n < limit || pages > 10000) {
			lull_sleepv_free(&page);
			break;
		}
		bs = page.v[page.n - 1].start_utc;
		bid = page.v[page.n - 1].id;
		lull_sleepv_free(&page);
	}
	T_EQ_INT(seen, expect);
	/* The order of the merged household: several children may share
	 * a start; the range read orders them by id, the pages by id
	 * descending, which the rank check above already holds. */
	lull_sleepv_free(&all);
	return pages;
}

static void
child_pages(void)
{
	if (fx_open() != 0 || add_nights(fx.mia, 0, 57, 0) != 0) {
		T_CHECK(0);
		fx_close();
		return;
	}
	T_EQ_INT(walk_sleeps(fx.mia, INT64_MIN, INT64_MAX, 10), 6);
	T_EQ_INT(walk_sleeps(fx.mia, INT64_MIN, INT64_MAX, 57), 2);
	T_EQ_INT(walk_sleeps(fx.mia, INT64_MIN, INT64_MAX, 1000), 1);
	T_EQ_INT(walk_sleeps(fx.mia, INT64_MIN, INT64_MAX, 1), 58);
	fx_close();
}

static void
spans(void)
{
	struct lull_sleepv p;

	if (fx_open() != 0 || add_nights(fx.mia, 0, 30, 0) != 0) {
		T_CHECK(0);
		fx_close();
		return;
	}
	/* Starts in [day 10 19:00, day 20 19:00): days 10..19. */
	T_EQ_INT(lull_store_sleep_page(fx.st, fx.hh, fx.mia, at(10, 19, 0),
		     at(20, 19, 0), 0, 0, 100, &p),
	    LULL_OK);
	T_EQ_INT(p.n, 10);
	if (p.n == 10) {
		T_EQ_INT(p.v[0].start_utc, at(19, 19, 0));
		T_EQ_INT(p.v[9].start_utc, at(10, 19, 0));
		T_EQ_INT(p.v[0].nwakings, 0);
		T_EQ_INT(p.v[1].nwakings, 1);
	}
	lull_sleepv_free(&p);
	T_EQ_INT(walk_sleeps(fx.mia, at(10, 19, 0), at(20, 19, 0), 3), 4);
	/* A cursor past the span's end is the span's first page. */
	T_EQ_INT(lull_store_sleep_page(fx.st, fx.hh, fx.mia, at(10, 0, 0),
		     at(12, 0, 0), at(25, 19, 0), 999999, 100, &p),
	    LULL_OK);
	T_EQ_INT(p.n, 2);
	lull_sleepv_free(&p);
	/* An empty span, and a limit of 0. */
	T_EQ_INT(lull_store_sleep_page(fx.st, fx.hh, fx.mia, at(10, 0, 0),
		     at(10, 0, 0), 0, 0, 100, &p),
	    LULL_OK);
	T_EQ_INT(p.n, 0);
	T_EQ_INT(lull_store_sleep_page(fx.st, fx.hh, fx.mia, INT64_MIN,
		     INT64_MAX, 0, 0, 0, &p),
	    LULL_OK);
	T_EQ_INT(p.n, 0);
	fx_close();
}

/* Two children asleep at the same minutes: ties broken by id. */
static void
household_ties(void)
{
	if (fx_open() != 0 || add_nights(fx.mia, 0, 20, 0) != 0 ||
	    add_nights(fx.leo, 0, 20, 0) != 0 ||
	    add_nights(fx.leo, 20, 5, 30) != 0) {
		T_CHECK(0);
		fx_close();
		return;
	}
	T_EQ_INT(walk_sleeps(0, INT64_MIN, INT64_MAX, 3), 16);
	T_EQ_INT(walk_sleeps(0, INT64_MIN, INT64_MAX, 2), 23);
	T_EQ_INT(walk_sleeps(0, INT64_MIN, INT64_MAX, 45), 2);
	T_EQ_INT(walk_sleeps(fx.leo, INT64_MIN, INT64_MAX, 4), 7);
	fx_close();
}

/* Pages after the first stay as they were when newer entries arrive. */
static void
stable_cursor(void)
{
	struct lull_sleepv a, b, c;
	size_t i;

	if (fx_open() != 0 || add_nights(fx.mia, 0, 20, 0) != 0) {
		T_CHECK(0);
		fx_close();
		return;
	}
	T_EQ_INT(lull_store_sleep_page(fx.st, fx.hh, fx.mia, INT64_MIN,
		     INT64_MAX, 0, 0, 5, &a),
	    LULL_OK);
	T_EQ_INT(lull_store_sleep_page(fx.st, fx.hh, fx.mia, INT64_MIN,
		     INT64_MAX, a.v[4].start_utc, a.v[4].id, 5, &b),
	    LULL_OK);
	T_EQ_INT(add_nights(fx.mia, 20, 3, 0), 0);
	T_EQ_INT(lull_store_sleep_page(fx.st, fx.hh, fx.mia, INT64_MIN,
		     INT64_MAX, a.v[4].start_utc, a.v[4].id, 5, &c),
	    LULL_OK);
	T_EQ_INT(b.n, c.n);
	for (i = 0; i < b.n && i < c.n; i++)
		T_EQ_INT(b.v[i].id, c.v[i].id);
	lull_sleepv_free(&a);
	lull_sleepv_free(&b);
	lull_sleepv_free(&c);
	fx_close();
}

static int64_t
add_feed(int64_t child, int64_t start)
{
	struct lull_feed f;

	lull_feed_init(&f);
	f.child_id = child;
	f.start_utc = start;
	f.kind = LULL_FEED_BOTTLE;
	if (lull_store_feed_add(fx.st, &f, fx.tz, &fx.anna) != LULL_OK)
		return 0;
	return f.id;
}

/* Feeds: several may share a start, even for one child. */
static void
feed_pages(void)
{
	struct lull_feedv p;
	int64_t ids[24], bs = 0, bid = 0;
	size_t n = 0, i, k;
	int pages = 0;

	if (fx_open() != 0) {
		T_CHECK(0);
		return;
	}
	for (i = 0; i < 8; i++)
		for (k = 0; k < 3; k++)
			T_CHECK((ids[i * 3 + k] =
					add_feed(k == 2 ? fx.leo : fx.mia,
					    at((int)i, 10, 0))) != 0);
	/* Newest first: the last day's three, the highest id first. */
	for (;;) {
		T_EQ_INT(lull_store_feed_page(fx.st, fx.hh, 0, INT64_MIN,
			     INT64_MAX, bs, bid, 5, &p),
		    LULL_OK);
		for (i = 0; i < p.n; i++, n++)
			if (n < 24)
				T_EQ_INT(p.v[i].id, ids[23 - n]);
		pages++;
		if (p.n < 5 || pages > 100) {
			lull_feedv_free(&p);
			break;
		}
		bs = p.v[p.n - 1].start_utc;
		bid = p.v[p.n - 1].id;
		lull_feedv_free(&p);
	}
	T_EQ_INT(n, 24);
	T_EQ_INT(pages, 5);
	/* Mia's only, from day 3 on. */
	T_EQ_INT(lull_store_feed_page(fx.st, fx.hh, fx.mia, at(3, 0, 0),
		     INT64_MAX, 0, 0, 100, &p),
	    LULL_OK);
	T_EQ_INT(p.n, 10);
	lull_feedv_free(&p);
	fx_close();
}

static int64_t
add_tag(int64_t child, int32_t from, int32_t to)
{
	struct lull_tag t;

	lull_tag_init(&t);
	t.child_id = child;
	t.kind = LULL_TAG_TEETHING;
	t.from_day = DAY0 + from;
	t.to_day = DAY0 + to;
	if (lull_store_tag_add(fx.st, &t, &fx.anna) != LULL_OK)
		return 0;
	return t.id;
}

static void
tag_pages(void)
{
	struct lull_tagv p;
	int64_t a, b, c, d;

	if (fx_open() != 0) {
		T_CHECK(0);
		return;
	}
	T_CHECK((a = add_tag(fx.mia, 0, 2)) != 0);
	T_CHECK((b = add_tag(fx.mia, 5, 40)) != 0);
	T_CHECK((c = add_tag(fx.leo, 5, 5)) != 0);
	T_CHECK((d = add_tag(fx.mia, 50, 51)) != 0);
	/* Days 20..45 meet b (5..40) only, though it began before. */
	T_EQ_INT(lull_store_tag_page(fx.st, fx.hh, 0, DAY0 + 20, DAY0 + 45, 0,
		     0, 10, &p),
	    LULL_OK);
	T_EQ_INT(p.n, 1);
	if (p.n == 1)
		T_EQ_INT(p.v[0].id, b);
	lull_tagv_free(&p);
	/* Everything, two by two: d, then c and b (same day, by id), a. */
	T_EQ_INT(lull_store_tag_page(fx.st, fx.hh, 0, INT32_MIN + 1,
		     INT32_MAX - 1, 0, 0, 2, &p),
	    LULL_OK);
	T_EQ_INT(p.n, 2);
	if (p.n == 2) {
		T_EQ_INT(p.v[0].id, d);
		T_EQ_INT(p.v[1].id, c);
		lull_tagv_free(&p);
		T_EQ_INT(lull_store_tag_page(fx.st, fx.hh, 0, INT32_MIN + 1,
			     INT32_MAX - 1, DAY0 + 5, c, 2, &p),
		    LULL_OK);
		T_EQ_INT(p.n, 2);
		if (p.n == 2) {
			T_EQ_INT(p.v[0].id, b);
			T_EQ_INT(p.v[1].id, a);
		}
	}
	lull_tagv_free(&p);
	fx_close();
}

/* Another family's child is not found, and neither is a missing one. */
static void
scope(void)
{
	struct lull_sleepv s;
	struct lull_feedv f;
	struct lull_tagv t;

	if (fx_open() != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(lull_store_sleep_page(fx.st, fx.hh, fx.zoe, INT64_MIN,
		     INT64_MAX, 0, 0, 10, &s),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_store_feed_page(fx.st, fx.hh, fx.zoe, INT64_MIN,
		     INT64_MAX, 0, 0, 10, &f),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_store_tag_page(fx.st, fx.hh, fx.zoe, INT32_MIN + 1,
		     INT32_MAX - 1, 0, 0, 10, &t),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_store_sleep_page(fx.st, fx.hh, 999, INT64_MIN, INT64_MAX,
		     0, 0, 10, &s),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_store_sleep_page(fx.st, 999, 0, INT64_MIN, INT64_MAX, 0,
		     0, 10, &s),
	    LULL_ENOTFOUND);
	T_EQ_INT(s.n, 0);
	T_EQ_INT(lull_store_sleep_page(fx.st, fx.other_hh, fx.zoe, INT64_MIN,
		     INT64_MAX, 0, 0, 10, &s),
	    LULL_OK);
	lull_sleepv_free(&s);
	fx_close();
}

static const struct t_case cases[] = {
	{ "a child's pages walk the history once, newest first", child_pages },
	{ "spans and limits", spans },
	{ "a household's page merges its children's, ties by id",
	    household_ties },
	{ "a cursor stays put when newer entries arrive", stable_cursor },
	{ "feeds page through shared starts", feed_pages },
	{ "tags page by their first day and meet the span", tag_pages },
	{ "another family's child is not found", scope },
};

T_MAIN(cases)
