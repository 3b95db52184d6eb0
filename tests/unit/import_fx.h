/*
 * A journal for the import tests: a fresh SQLite file in a temporary
 * directory with one household in a given zone and one child, plus
 * helpers to import bytes or files and to look at what was stored.
 * Included by tests/unit/test_import*.c (static functions only).
 * SPDX-License-Identifier: ISC
 */
#ifndef IMPORT_FX_H
#define IMPORT_FX_H

#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lull/cal.h"
#include "lull/import.h"
#include "lull/store.h"
#include "lull/tz.h"
#include "lull/tzload.h"

#include "t.h"

struct ifx {
	char dir[64];
	char path[128];
	struct lull_store *st;
	struct lull_tz *tz;
	struct lull_actor actor;
	int64_t hh, child;
	struct lull_import_report rep;
	struct lull_errinfo ei;
};

static struct ifx fx;

/* A writable copy of a string literal, for this block. */
#define IFX_NOW(y, m, d) ((int64_t)lull_days_from_civil(y, m, d) * 86400)

static int
ifx_open(const char *zone, const char *child, int32_t born, int64_t now)
{
	struct lull_household h = { 0 };
	struct lull_child k;
	char spec[160];

	memset(&fx, 0, sizeof(fx));
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/lull-test-import-XXXXXX");
	if (mkdtemp(fx.dir) == NULL)
		return -1;
	snprintf(fx.path, sizeof(fx.path), "%s/journal.db", fx.dir);
	snprintf(spec, sizeof(spec), "sqlite:%s", fx.path);
	if (lull_store_open(&fx.st, spec, &fx.ei) != LULL_OK ||
	    lull_tz_load(&fx.tz, zone, &fx.ei) != LULL_OK) {
		fprintf(stderr, "open: %s\n", fx.ei.msg);
		return -1;
	}
	fx.actor.now_utc = now;
	h.name = (char[]){ "Test" };
	h.tz = (char *)(uintptr_t)zone;
	if (lull_store_household_add(fx.st, &h, &fx.actor, &fx.hh) != LULL_OK)
		return -1;
	if (child == NULL)
		return 0;
	lull_child_init(&k);
	k.household_id = fx.hh;
	k.name = (char *)(uintptr_t)child;
	k.born_day = born;
	if (lull_store_child_add(fx.st, &k, fx.tz, &fx.actor, &fx.child) !=
	    LULL_OK) {
		fprintf(stderr, "child: %s\n", lull_store_error(fx.st)->msg);
		return -1;
	}
	return 0;
}

static void
ifx_close(void)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[200];
	size_t i;

	lull_import_report_free(&fx.rep);
	lull_store_close(fx.st);
	lull_tz_free(fx.tz);
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", fx.path, suffix[i]);
		unlink(p);
	}
	rmdir(fx.dir);
	memset(&fx, 0, sizeof(fx));
}

/* Import one text; the report stays in fx.rep until the next call. */
static enum lull_err
ifx_import_text(const char *name, const char *text,
    const struct lull_import_opts *o)
{
	struct lull_import_opts none = { 0 };
	struct lull_import_src s = { name, (const unsigned char *)text,
		strlen(text), 0 };

	lull_import_report_free(&fx.rep);
	return lull_import(fx.st, fx.hh, fx.tz, &s, 1, o ? o : &none, &fx.actor,
	    &fx.rep, &fx.ei);
}

/* The instant of a local wall time in the fixture's zone. */
static int64_t
ifx_at(int y, int mo, int d, int h, int mi)
{
	int64_t utc;

	(void)lull_tz_resolve(fx.tz, lull_days_from_civil(y, mo, d),
	    h * 3600 + mi * 60, LULL_FOLD_EARLIER, &utc);
	return utc;
}

/* The child's sleep starting at "utc", into *out; 0 if found. */
static int
ifx_sleep_at(int64_t utc, struct lull_sleep *out)
{
	struct lull_sleepv v = { 0 };
	size_t i;
	int found = -1;

	lull_sleep_init(out);
	if (lull_store_sleep_range(fx.st, fx.hh, fx.child, utc, utc + 1, &v) !=
	    LULL_OK)
		return -1;
	for (i = 0; i < v.n; i++)
		if (v.v[i].start_utc == utc && found < 0 &&
		    lull_sleep_copy(out, &v.v[i]) == LULL_OK)
			found = 0;
	lull_sleepv_free(&v);
	return found;
}

static size_t
ifx_count_sleeps(void)
{
	struct lull_sleepv v = { 0 };
	size_t n;

	if (lull_store_sleep_range(fx.st, fx.hh, 0, INT64_MIN + 1, INT64_MAX,
		&v) != LULL_OK)
		return (size_t)-1;
	n = v.n;
	lull_sleepv_free(&v);
	return n;
}

static size_t
ifx_count_feeds(void)
{
	struct lull_feedv v = { 0 };
	size_t n;

	if (lull_store_feed_range(fx.st, fx.hh, 0, INT64_MIN + 1, INT64_MAX,
		&v) != LULL_OK)
		return (size_t)-1;
	n = v.n;
	lull_feedv_free(&v);
	return n;
}

/*
 * Every row accounted for: each data row became a sleep or a feed, was
 * joined, deduplicated, merged or dropped as an overlap, found in the
 * journal already, or left out with a reason.
 */
static int
ifx_accounted(const struct lull_import_report *r)
{
	size_t out = r->sleeps + r->feeds + r->joined_midnight + r->joined_gap +
	    r->dups + r->overlaps_merged + r->overlaps_dropped + r->existing +
	    r->existing_overlap + r->skipped;

	if (out != r->rows)
		fprintf(stderr, "rows %zu, accounted for %zu\n", r->rows, out);
	return out == r->rows;
}

static size_t
ifx_reason(const struct lull_import_report *r, const char *prefix)
{
	size_t i, n = 0;

	for (i = 0; i < r->nreasons; i++)
		if (strncmp(r->reasons[i].text, prefix, strlen(prefix)) == 0)
			n += r->reasons[i].n;
	return n;
}

#endif
