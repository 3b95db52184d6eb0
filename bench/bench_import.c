/*
 * Import throughput, end to end: bytes in memory to rows committed in a
 * fresh SQLite journal (WAL, synchronous=FULL), through lull_import().
 * Two inputs: the largest real export in ../shared/data/real (skipped if
 * the folder is absent), and a generated Huckleberry file of 200,000 rows
 * (a short sleep and a feed every 52 minutes, going back ten years, seed
 * fixed): one child's whole childhood at an unrealistic density, since a
 * journal refuses entries before the child's birth and a child born more
 * than ten years ago.
 * Each is imported RUNS times into a new journal; the best and the median
 * are printed, with a dry run (parse and rules, no writes) for the split.
 * The figures go to docs/import.md.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lull/cal.h"
#include "lull/import.h"
#include "lull/store.h"
#include "lull/tz.h"
#include "lull/tzload.h"

#define RUNS     5
#define GEN_ROWS 200000
#define REAL     "../shared/data/real/babyconnect-eva/eva.csv"
#define NOW      ((int64_t)lull_days_from_civil(2026, 11, 1) * 86400)

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

/* One import into a new journal; seconds, or -1. */
static double
one(const char *zone, const char *name, const unsigned char *data, size_t len,
    int dry, size_t *rows, size_t *written)
{
	struct lull_household h = { 0 };
	struct lull_import_report rep;
	struct lull_import_opts o = { 0 };
	struct lull_import_src src = { name, data, len, 0 };
	struct lull_actor a = { 0, NOW };
	struct lull_errinfo ei;
	struct lull_store *st = NULL;
	struct lull_tz *tz = NULL;
	struct lull_child k;
	char dir[] = "/tmp/lull-bench-XXXXXX", path[96], spec[128];
	int64_t hh, kid;
	double t0, t = -1;

	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/j.db", dir);
	snprintf(spec, sizeof(spec), "sqlite:%s", path);
	h.name = (char[]){ "Bench" };
	h.tz = (char *)(uintptr_t)zone;
	lull_child_init(&k);
	k.name = (char[]){ "Kid" };
	/* Before the first generated row, within ten years of NOW. */
	k.born_day = lull_days_from_civil(2016, 11, 10);
	o.dry_run = dry;
	if (lull_store_open(&st, spec, &ei) != LULL_OK ||
	    lull_tz_load(&tz, zone, &ei) != LULL_OK) {
		fprintf(stderr, "bench: %s\n", ei.msg);
		goto out;
	}
	if (lull_store_household_add(st, &h, &a, &hh) != LULL_OK)
		goto fail;
	k.household_id = hh;
	if (lull_store_child_add(st, &k, tz, &a, &kid) != LULL_OK)
		goto fail;
	t0 = now_sec();
	if (lull_import(st, hh, tz, &src, 1, &o, &a, &rep, &ei) != LULL_OK) {
		fprintf(stderr, "bench: %s\n", ei.msg);
		goto out;
	}
	t = now_sec() - t0;
	*rows = rep.rows;
	*written = rep.sleeps + rep.wakings + rep.feeds;
	lull_import_report_free(&rep);
	goto out;
fail:
	fprintf(stderr, "bench: %s\n", lull_store_error(st)->msg);
out:
	lull_store_close(st);
	lull_tz_free(tz);
	snprintf(spec, sizeof(spec), "%s-wal", path);
	unlink(spec);
	snprintf(spec, sizeof(spec), "%s-shm", path);
	unlink(spec);
	unlink(path);
	rmdir(dir);
	return t;
}

static int
bench(const char *what, const char *zone, const char *name,
    const unsigned char *data, size_t len)
{
	double t[RUNS], dry = 1e9, d;
	size_t rows = 0, written = 0, i;

	for (i = 0; i < RUNS; i++)
		if ((t[i] = one(zone, name, data, len, 0, &rows, &written)) < 0)
			return -1;
	for (i = 0; i < RUNS; i++)
		if ((d = one(zone, name, data, len, 1, &rows, &written)) >= 0 &&
		    d < dry)
			dry = d;
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	printf("%s: %zu rows (%zu bytes) -> %zu records written\n", what, rows,
	    len, written);
	printf("  end to end: best %.3f s = %.0f rows/s, median %.3f s = "
	       "%.0f rows/s (%d runs)\n",
	    t[0], (double)rows / t[0], t[RUNS / 2], (double)rows / t[RUNS / 2],
	    RUNS);
	printf("  dry run (parse, rules, journal check; no writes): best "
	       "%.3f s = %.0f rows/s\n",
	    dry, (double)rows / dry);
	return 0;
}

/* A Huckleberry export, newest first: a sleep and a feed every 52 min. */
static char *
generate(size_t rows, size_t *len)
{
	size_t cap = rows * 110 + 256, n, i;
	int64_t t = NOW - 86400, s, e;
	char *buf, a[20], b[20];
	unsigned seed = 20261101;
	int y, mo, d;

	if ((buf = malloc(cap)) == NULL)
		return NULL;
	n = (size_t)snprintf(buf, cap,
	    "\"Type\",\"Start\",\"End\",\"Duration\",\"Start Condition\","
	    "\"Start Location\",\"End Condition\",\"Notes\"\n");
	for (i = 0; i < rows; i += 2) {
		seed = seed * 1103515245u + 12345u;
		t -= 52 * 60;
		s = t - (int64_t)(seed >> 16) % 120;
		e = s + 25 * 60 + (int64_t)(seed >> 8) % 600;
		lull_civil_from_days((int32_t)(s / 86400), &y, &mo, &d);
		snprintf(a, sizeof(a), "%04d-%02d-%02d %02d:%02d", y, mo, d,
		    (int)(s % 86400 / 3600), (int)(s % 3600 / 60));
		lull_civil_from_days((int32_t)(e / 86400), &y, &mo, &d);
		snprintf(b, sizeof(b), "%04d-%02d-%02d %02d:%02d", y, mo, d,
		    (int)(e % 86400 / 3600), (int)(e % 3600 / 60));
		n += (size_t)snprintf(buf + n, cap - n,
		    "\"Sleep\",\"%s\",\"%s\",\"%02d:%02d\",,\"%s\",,\n", a, b,
		    (int)((e - s) / 3600), (int)((e - s) % 3600 / 60),
		    seed & 1 ? "Nursing" : "");
		if (i + 1 >= rows)
			break;
		s -= 12 * 60;
		lull_civil_from_days((int32_t)(s / 86400), &y, &mo, &d);
		n += (size_t)snprintf(buf + n, cap - n,
		    "\"Feed\",\"%04d-%02d-%02d %02d:%02d\",,,\"00:%02dR\","
		    "\"Breast\",,\n",
		    y, mo, d, (int)(s % 86400 / 3600), (int)(s % 3600 / 60),
		    (int)(seed >> 20) % 5 + 5);
	}
	*len = n;
	return buf;
}

int
main(void)
{
	FILE *f;
	unsigned char *data;
	char *gen;
	long n;
	size_t len;

	if ((f = fopen(REAL, "rb")) != NULL) {
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		rewind(f);
		if ((data = malloc((size_t)n)) != NULL &&
		    fread(data, 1, (size_t)n, f) == (size_t)n)
			(void)
			    bench("largest real export (Baby Connect, eva.csv)",
				"America/Los_Angeles", "eva.csv", data,
				(size_t)n);
		free(data);
		fclose(f);
	} else
		printf("largest real export: skipped (%s not found)\n", REAL);
	if ((gen = generate(GEN_ROWS, &len)) == NULL)
		return 1;
	if (bench("generated Huckleberry file", "UTC", "generated.csv",
		(unsigned char *)gen, len) != 0) {
		free(gen);
		return 1;
	}
	free(gen);
	return 0;
}
