/*
 * Time zones: TZif parsing (real files from /usr/share/zoneinfo and
 * hand-built ones), the POSIX footer rule, DST gaps and overlaps, and
 * the loader's refusal of unsafe names.  Expected instants were checked
 * against zdump(8) from the same tzdata.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/err.h"
#include "lull/tz.h"
#include "lull/tzload.h"

#include "t.h"

#define ZI "/usr/share/zoneinfo"

/* An instant given as UTC civil time. */
static int64_t
U(int y, int mo, int d, int h, int mi, int s)
{
	return (int64_t)lull_days_from_civil(y, mo, d) * 86400 + h * 3600 +
	    mi * 60 + s;
}

static struct lull_tz *
load(const char *name)
{
	struct lull_tz *tz = NULL;
	struct lull_errinfo ei;

	lull_errinfo_clear(&ei);
	if (lull_tz_load(&tz, name, &ei) != LULL_OK) {
		fprintf(stderr, "cannot load %s: %s\n", name, ei.msg);
		T_CHECK(!"zone loads");
	}
	return tz;
}

/*
 * Parse from an exact-size heap copy, so that AddressSanitizer catches
 * any read past the end.
 */
static enum lull_err
parse(const unsigned char *data, size_t len, struct lull_tz **out,
    struct lull_errinfo *ei)
{
	unsigned char *copy = malloc(len ? len : 1);
	enum lull_err e;

	memcpy(copy, data, len);
	e = lull_tz_parse(out, "Test/Zone", copy, len, ei);
	free(copy);
	return e;
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	*len = 0;
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n);
	if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = buf != NULL ? (size_t)n : 0;
	return buf;
}

/* A small deterministic generator, so failures reproduce. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/*
 * Building TZif files by hand, for the footer rules and the corruptions
 * that real files never show.
 */
struct ttype {
	int32_t utoff;
	int isdst;
	const char *abbr;
};

struct tzb {
	unsigned char b[4096];
	size_t n;
};

static void
put8(struct tzb *z, unsigned v)
{
	if (z->n < sizeof(z->b))
		z->b[z->n++] = (unsigned char)v;
}

static void
put32(struct tzb *z, uint32_t v)
{
	put8(z, v >> 24);
	put8(z, (v >> 16) & 0xff);
	put8(z, (v >> 8) & 0xff);
	put8(z, v & 0xff);
}

static void
put64(struct tzb *z, int64_t v)
{
	uint64_t u = (uint64_t)v;

	put32(z, (uint32_t)(u >> 32));
	put32(z, (uint32_t)(u & 0xffffffffu));
}

static void
header(struct tzb *z, char version, size_t ntrans, size_t ntypes, size_t nchars)
{
	int i;

	put8(z, 'T');
	put8(z, 'Z');
	put8(z, 'i');
	put8(z, 'f');
	put8(z, (unsigned char)version);
	for (i = 0; i < 15; i++)
		put8(z, 0);
	put32(z, 0); /* isutcnt */
	put32(z, 0); /* isstdcnt */
	put32(z, 0); /* leapcnt */
	put32(z, (uint32_t)ntrans);
	put32(z, (uint32_t)ntypes);
	put32(z, (uint32_t)nchars);
}

static void
block(struct tzb *z, int tsize, const int64_t *trans, const unsigned char *idx,
    size_t ntrans, const struct ttype *types, size_t ntypes)
{
	size_t i, off = 0;

	for (i = 0; i < ntrans; i++) {
		if (tsize == 4)
			put32(z, (uint32_t)(int32_t)trans[i]);
		else
			put64(z, trans[i]);
	}
	for (i = 0; i < ntrans; i++)
		put8(z, idx[i]);
	for (i = 0; i < ntypes; i++) {
		put32(z, (uint32_t)types[i].utoff);
		put8(z, (unsigned)types[i].isdst);
		put8(z, (unsigned)off);
		off += strlen(types[i].abbr) + 1;
	}
	for (i = 0; i < ntypes; i++) {
		const char *a = types[i].abbr;

		while (*a != '\0')
			put8(z, (unsigned char)*a++);
		put8(z, 0);
	}
}

static size_t
chars_len(const struct ttype *types, size_t ntypes)
{
	size_t i, n = 0;

	for (i = 0; i < ntypes; i++)
		n += strlen(types[i].abbr) + 1;
	return n;
}

/*
 * A TZif file of "version" (0 for version 1, else '2', '3', ...).  For
 * version 2+ the version 1 block is the minimal one zic writes for slim
 * files, and the footer follows the 64-bit block.
 */
static void
build(struct tzb *z, char version, const int64_t *trans,
    const unsigned char *idx, size_t ntrans, const struct ttype *types,
    size_t ntypes, const char *footer)
{
	size_t nc = chars_len(types, ntypes);

	z->n = 0;
	if (version == 0) {
		header(z, 0, ntrans, ntypes, nc);
		block(z, 4, trans, idx, ntrans, types, ntypes);
		return;
	}
	header(z, version, 0, 1, chars_len(types, 1));
	block(z, 4, NULL, NULL, 0, types, 1);
	header(z, version, ntrans, ntypes, nc);
	block(z, 8, trans, idx, ntrans, types, ntypes);
	put8(z, '\n');
	while (*footer != '\0')
		put8(z, (unsigned char)*footer++);
	put8(z, '\n');
}

/* A zone that is nothing but a footer rule. */
static struct lull_tz *
rule_zone(const char *footer)
{
	static const struct ttype t0 = { 0, 0, "XXX" };
	struct lull_tz *tz = NULL;
	struct lull_errinfo ei;
	struct tzb z;

	build(&z, '2', NULL, NULL, 0, &t0, 1, footer);
	lull_errinfo_clear(&ei);
	if (parse(z.b, z.n, &tz, &ei) != LULL_OK) {
		fprintf(stderr, "footer \"%s\": %s\n", footer, ei.msg);
		T_CHECK(!"footer parses");
	}
	return tz;
}

/* Check offset and DST flag on both sides of a change at "at". */
static void
check_change_at(const struct lull_tz *tz, int64_t at, int32_t before,
    int32_t after, int line)
{
	int failed = t_failed_checks;

	T_EQ_INT(lull_tz_offset(tz, at - 1), before);
	T_EQ_INT(lull_tz_offset(tz, at), after);
	if (t_failed_checks != failed)
		fprintf(stderr, "  (change checked at line %d)\n", line);
}

#define check_change(tz, at, before, after)                                    \
	check_change_at(tz, at, before, after, __LINE__)

static void
check_local(const struct lull_tz *tz, int64_t utc, int y, int mo, int d, int h,
    int mi, int32_t off, int isdst, const char *abbr)
{
	struct lull_local l;

	lull_tz_local(tz, utc, &l);
	T_EQ_INT(l.day, lull_days_from_civil(y, mo, d));
	T_EQ_INT(l.sec, h * 3600 + mi * 60 + (int)(((utc % 60) + 60) % 60));
	T_EQ_INT(l.offset_sec, off);
	T_EQ_INT(l.is_dst, isdst);
	T_EQ_STR(l.abbr, abbr);
}

static enum lull_tz_res
wall(const struct lull_tz *tz, int y, int mo, int d, int h, int mi,
    enum lull_fold fold, int64_t *utc)
{
	return lull_tz_resolve(tz, lull_days_from_civil(y, mo, d),
	    h * 3600 + mi * 60, fold, utc);
}

static void
test_utc(void)
{
	struct lull_tz *tz = NULL;
	struct lull_local l;
	int64_t u;

	T_EQ_INT(lull_tz_utc(&tz), LULL_OK);
	T_CHECK(tz != NULL);
	T_EQ_STR(lull_tz_name(tz), "UTC");
	lull_tz_local(tz, 0, &l);
	T_EQ_INT(l.day, 0);
	T_EQ_INT(l.sec, 0);
	T_EQ_INT(l.offset_sec, 0);
	T_EQ_INT(l.is_dst, 0);
	T_EQ_STR(l.abbr, "UTC");
	lull_tz_local(tz, -1, &l);
	T_EQ_INT(l.day, -1);
	T_EQ_INT(l.sec, 86399);
	T_EQ_INT(lull_tz_offset(tz, U(2100, 7, 1, 0, 0, 0)), 0);
	T_EQ_INT(wall(tz, 2026, 3, 29, 2, 30, LULL_FOLD_LATER, &u),
	    LULL_TZ_EXACT);
	T_EQ_INT(u, U(2026, 3, 29, 2, 30, 0));
	T_EQ_INT(lull_tz_day_start(tz, 20540), (int64_t)20540 * 86400);
	lull_tz_free(tz);

	/* The file, which has no transitions and a "UTC0" footer. */
	tz = load("UTC");
	T_EQ_STR(lull_tz_name(tz), "UTC");
	T_EQ_INT(lull_tz_offset(tz, U(1900, 1, 1, 0, 0, 0)), 0);
	T_EQ_INT(lull_tz_offset(tz, U(2100, 1, 1, 0, 0, 0)), 0);
	lull_tz_local(tz, U(2026, 3, 28, 12, 0, 0), &l);
	T_EQ_STR(l.abbr, "UTC");
	lull_tz_free(tz);
	lull_tz_free(NULL);
}

static void
test_berlin_spring(void)
{
	struct lull_tz *tz = load("Europe/Berlin");
	int64_t at = U(2026, 3, 29, 1, 0, 0), u, u2;

	T_EQ_STR(lull_tz_name(tz), "Europe/Berlin");
	check_change(tz, at, 3600, 7200);
	check_local(tz, at - 1, 2026, 3, 29, 1, 59, 3600, 0, "CET");
	check_local(tz, at, 2026, 3, 29, 3, 0, 7200, 1, "CEST");

	/* 02:30 never happened: read at +01:00, so it is 03:30 CEST. */
	T_EQ_INT(wall(tz, 2026, 3, 29, 2, 30, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_GAP);
	T_EQ_INT(wall(tz, 2026, 3, 29, 2, 30, LULL_FOLD_LATER, &u2),
	    LULL_TZ_GAP);
	T_EQ_INT(u, U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(u2, u);
	check_local(tz, u, 2026, 3, 29, 3, 30, 7200, 1, "CEST");
	T_EQ_INT(wall(tz, 2026, 3, 29, 2, 0, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_GAP);
	T_EQ_INT(u, at);
	T_EQ_INT(wall(tz, 2026, 3, 29, 1, 59, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_EXACT);
	T_EQ_INT(u, U(2026, 3, 29, 0, 59, 0));
	T_EQ_INT(wall(tz, 2026, 3, 29, 3, 0, LULL_FOLD_LATER, &u),
	    LULL_TZ_EXACT);
	T_EQ_INT(u, at);

	/* The day has 23 hours. */
	T_EQ_INT(lull_tz_day_start(tz, lull_days_from_civil(2026, 3, 30)) -
		lull_tz_day_start(tz, lull_days_from_civil(2026, 3, 29)),
	    23 * 3600);
	lull_tz_free(tz);
}

static void
test_berlin_fall(void)
{
	struct lull_tz *tz = load("Europe/Berlin");
	int64_t at = U(2026, 10, 25, 1, 0, 0), u;

	check_change(tz, at, 7200, 3600);
	check_local(tz, at - 1, 2026, 10, 25, 2, 59, 7200, 1, "CEST");
	check_local(tz, at, 2026, 10, 25, 2, 0, 3600, 0, "CET");

	/* 02:30 happened twice: 00:30Z in CEST, then 01:30Z in CET. */
	T_EQ_INT(wall(tz, 2026, 10, 25, 2, 30, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_OVERLAP);
	T_EQ_INT(u, U(2026, 10, 25, 0, 30, 0));
	T_EQ_INT(wall(tz, 2026, 10, 25, 2, 30, LULL_FOLD_LATER, &u),
	    LULL_TZ_OVERLAP);
	T_EQ_INT(u, U(2026, 10, 25, 1, 30, 0));
	/* The edges: 02:00 is doubled, 03:00 and 01:59 are not. */
	T_EQ_INT(wall(tz, 2026, 10, 25, 2, 0, LULL_FOLD_LATER, &u),
	    LULL_TZ_OVERLAP);
	T_EQ_INT(u, at);
	T_EQ_INT(wall(tz, 2026, 10, 25, 3, 0, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_EXACT);
	T_EQ_INT(u, U(2026, 10, 25, 2, 0, 0));
	T_EQ_INT(wall(tz, 2026, 10, 25, 1, 59, LULL_FOLD_LATER, &u),
	    LULL_TZ_EXACT);
	T_EQ_INT(u, U(2026, 10, 24, 23, 59, 0));

	/* The day has 25 hours. */
	T_EQ_INT(lull_tz_day_start(tz, lull_days_from_civil(2026, 10, 26)) -
		lull_tz_day_start(tz, lull_days_from_civil(2026, 10, 25)),
	    25 * 3600);
	lull_tz_free(tz);
}

static void
test_new_york(void)
{
	struct lull_tz *tz = load("America/New_York");
	int64_t u;

	/* 8 Mar 2026: 02:00 EST -> 03:00 EDT at 07:00Z. */
	check_change(tz, U(2026, 3, 8, 7, 0, 0), -18000, -14400);
	check_local(tz, U(2026, 3, 8, 7, 0, 0), 2026, 3, 8, 3, 0, -14400, 1,
	    "EDT");
	T_EQ_INT(wall(tz, 2026, 3, 8, 2, 30, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_GAP);
	T_EQ_INT(u, U(2026, 3, 8, 7, 30, 0));
	check_local(tz, u, 2026, 3, 8, 3, 30, -14400, 1, "EDT");

	/* 1 Nov 2026: 02:00 EDT -> 01:00 EST at 06:00Z. */
	check_change(tz, U(2026, 11, 1, 6, 0, 0), -14400, -18000);
	check_local(tz, U(2026, 11, 1, 6, 0, 0), 2026, 11, 1, 1, 0, -18000, 0,
	    "EST");
	T_EQ_INT(wall(tz, 2026, 11, 1, 1, 30, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_OVERLAP);
	T_EQ_INT(u, U(2026, 11, 1, 5, 30, 0));
	T_EQ_INT(wall(tz, 2026, 11, 1, 1, 30, LULL_FOLD_LATER, &u),
	    LULL_TZ_OVERLAP);
	T_EQ_INT(u, U(2026, 11, 1, 6, 30, 0));
	T_EQ_INT(wall(tz, 2026, 11, 1, 2, 30, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_EXACT);
	T_EQ_INT(u, U(2026, 11, 1, 7, 30, 0));
	lull_tz_free(tz);
}

static void
test_sydney(void)
{
	struct lull_tz *tz = load("Australia/Sydney");
	int64_t u;

	/* Southern hemisphere: DST ends in April and starts in October. */
	check_change(tz, U(2026, 4, 4, 16, 0, 0), 39600, 36000);
	check_local(tz, U(2026, 4, 4, 16, 0, 0), 2026, 4, 5, 2, 0, 36000, 0,
	    "AEST");
	T_EQ_INT(wall(tz, 2026, 4, 5, 2, 30, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_OVERLAP);
	T_EQ_INT(u, U(2026, 4, 4, 15, 30, 0));
	T_EQ_INT(wall(tz, 2026, 4, 5, 2, 30, LULL_FOLD_LATER, &u),
	    LULL_TZ_OVERLAP);
	T_EQ_INT(u, U(2026, 4, 4, 16, 30, 0));

	check_change(tz, U(2026, 10, 3, 16, 0, 0), 36000, 39600);
	check_local(tz, U(2026, 10, 3, 16, 0, 0), 2026, 10, 4, 3, 0, 39600, 1,
	    "AEDT");
	T_EQ_INT(wall(tz, 2026, 10, 4, 2, 30, LULL_FOLD_LATER, &u),
	    LULL_TZ_GAP);
	T_EQ_INT(u, U(2026, 10, 3, 16, 30, 0));
	check_local(tz, u, 2026, 10, 4, 3, 30, 39600, 1, "AEDT");
	/* Midsummer in January is DST. */
	T_EQ_INT(lull_tz_offset(tz, U(2027, 1, 15, 0, 0, 0)), 39600);
	lull_tz_free(tz);
}

/*
 * Debian's files list transitions up to 2037; later instants come from
 * the footer rule.  2040 and 2100 (not a leap year) are well past it.
 */
static void
test_footer_years(void)
{
	struct lull_tz *be = load("Europe/Berlin");
	struct lull_tz *ny = load("America/New_York");
	struct lull_tz *sy = load("Australia/Sydney");
	int64_t u;

	check_change(be, U(2040, 3, 25, 1, 0, 0), 3600, 7200);
	check_change(be, U(2040, 10, 28, 1, 0, 0), 7200, 3600);
	check_change(be, U(2100, 3, 28, 1, 0, 0), 3600, 7200);
	check_change(be, U(2100, 10, 31, 1, 0, 0), 7200, 3600);
	check_local(be, U(2100, 7, 1, 12, 0, 0), 2100, 7, 1, 14, 0, 7200, 1,
	    "CEST");
	T_EQ_INT(wall(be, 2040, 3, 25, 2, 30, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_GAP);
	T_EQ_INT(u, U(2040, 3, 25, 1, 30, 0));
	T_EQ_INT(wall(be, 2100, 10, 31, 2, 30, LULL_FOLD_LATER, &u),
	    LULL_TZ_OVERLAP);
	T_EQ_INT(u, U(2100, 10, 31, 1, 30, 0));

	check_change(ny, U(2040, 3, 11, 7, 0, 0), -18000, -14400);
	check_change(ny, U(2040, 11, 4, 6, 0, 0), -14400, -18000);
	check_change(ny, U(2100, 3, 14, 7, 0, 0), -18000, -14400);
	check_change(ny, U(2100, 11, 7, 6, 0, 0), -14400, -18000);
	T_EQ_INT(wall(ny, 2100, 11, 7, 1, 30, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_OVERLAP);
	T_EQ_INT(u, U(2100, 11, 7, 5, 30, 0));

	check_change(sy, U(2040, 3, 31, 16, 0, 0), 39600, 36000);
	check_change(sy, U(2040, 10, 6, 16, 0, 0), 36000, 39600);
	check_change(sy, U(2100, 4, 3, 16, 0, 0), 39600, 36000);
	check_change(sy, U(2100, 10, 2, 16, 0, 0), 36000, 39600);
	/* New Year's Day straddles the year boundary of the rule. */
	T_EQ_INT(lull_tz_offset(sy, U(2099, 12, 31, 13, 30, 0)), 39600);
	T_EQ_INT(lull_tz_offset(sy, U(2100, 1, 1, 0, 0, 0)), 39600);

	/* The seam between the table and the rule, a second at a time. */
	T_EQ_INT(lull_tz_offset(be, U(2037, 10, 25, 0, 59, 59)), 7200);
	T_EQ_INT(lull_tz_offset(be, U(2037, 10, 25, 1, 0, 0)), 3600);
	T_EQ_INT(lull_tz_offset(be, U(2037, 10, 25, 1, 0, 1)), 3600);
	T_EQ_INT(lull_tz_offset(be, U(2037, 12, 31, 23, 0, 0)), 3600);
	check_change(be, U(2038, 3, 28, 1, 0, 0), 3600, 7200);
	lull_tz_free(be);
	lull_tz_free(ny);
	lull_tz_free(sy);
}

/*
 * Zones whose clocks jump at midnight: the day then starts at the change,
 * at 01:00 on the wall.
 */
static void
test_day_start(void)
{
	struct lull_tz *tz = load("Europe/Berlin");
	struct lull_local l;
	int64_t s;

	T_EQ_INT(lull_tz_day_start(tz, lull_days_from_civil(2026, 3, 28)),
	    U(2026, 3, 27, 23, 0, 0));
	T_EQ_INT(lull_tz_day_start(tz, lull_days_from_civil(2026, 7, 1)),
	    U(2026, 6, 30, 22, 0, 0));
	lull_tz_free(tz);

	/* Sao Paulo, 4 Nov 2018: 00:00 -03 became 01:00 -02 (table). */
	tz = load("America/Sao_Paulo");
	s = lull_tz_day_start(tz, lull_days_from_civil(2018, 11, 4));
	T_EQ_INT(s, U(2018, 11, 4, 3, 0, 0));
	lull_tz_local(tz, s, &l);
	T_EQ_INT(l.day, lull_days_from_civil(2018, 11, 4));
	T_EQ_INT(l.sec, 3600);
	/*
	 * Its fall-back, 18 Feb 2018 00:00 -02 -> 17 Feb 23:00 -03: the
	 * doubled hour belongs to the 17th, and the 18th starts once.
	 */
	T_EQ_INT(lull_tz_day_start(tz, lull_days_from_civil(2018, 2, 18)),
	    U(2018, 2, 18, 3, 0, 0));
	T_EQ_INT(lull_tz_day_start(tz, lull_days_from_civil(2018, 2, 18)) -
		lull_tz_day_start(tz, lull_days_from_civil(2018, 2, 17)),
	    25 * 3600);
	lull_tz_free(tz);

	/* Havana, 2040, from the footer "CST5CDT,M3.2.0/0,M11.1.0/1". */
	tz = load("America/Havana");
	T_EQ_INT(lull_tz_day_start(tz, lull_days_from_civil(2040, 3, 11)),
	    U(2040, 3, 11, 5, 0, 0));
	T_EQ_INT(lull_tz_day_start(tz, lull_days_from_civil(2040, 3, 12)),
	    U(2040, 3, 12, 4, 0, 0));
	lull_tz_free(tz);

	/*
	 * Midnight inside a gap, not at its start: clocks jump from Sunday
	 * 23:30 to Monday 00:30, so Monday starts at the change, at 00:30.
	 */
	tz = rule_zone("AAA0BBB,M3.5.0/23:30,M10.5.0");
	s = lull_tz_day_start(tz, lull_days_from_civil(2026, 3, 30));
	T_EQ_INT(s, U(2026, 3, 29, 23, 30, 0));
	lull_tz_local(tz, s, &l);
	T_EQ_INT(l.day, lull_days_from_civil(2026, 3, 30));
	T_EQ_INT(l.sec, 1800);
	lull_tz_free(tz);

	/* Santiago, 2040: the rule says Saturday 24:00, i.e. Sunday 00:00. */
	tz = load("America/Santiago");
	check_change(tz, U(2040, 9, 2, 4, 0, 0), -14400, -10800);
	T_EQ_INT(lull_tz_day_start(tz, lull_days_from_civil(2040, 9, 2)),
	    U(2040, 9, 2, 4, 0, 0));
	lull_tz_free(tz);
}

/* Seconds outside 0..86399 carry into the day. */
static void
test_resolve_carry(void)
{
	struct lull_tz *tz = load("Europe/Berlin");
	int32_t d = lull_days_from_civil(2026, 3, 28);
	int64_t u;

	T_EQ_INT(lull_tz_resolve(tz, d, 86400 + 9000, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_GAP);
	T_EQ_INT(u, U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(lull_tz_resolve(tz, d + 2, -3600, LULL_FOLD_EARLIER, &u),
	    LULL_TZ_EXACT);
	T_EQ_INT(u, U(2026, 3, 29, 21, 0, 0));
	lull_tz_free(tz);
}

/*
 * For any instant, resolving its own wall time gives it back with one
 * of the folds and is never a gap; many zones, 1850 to 2150.
 */
static void
test_roundtrip(void)
{
	static const char *const zones[] = { "Europe/Berlin",
		"America/New_York", "Australia/Sydney", "Asia/Kolkata",
		"Australia/Lord_Howe", "America/St_Johns", "Pacific/Apia",
		"Africa/Casablanca", "Asia/Jerusalem", "America/Nuuk",
		"Europe/Dublin", "Antarctica/Troll", "Pacific/Kiritimati",
		"America/Santiago", "Europe/London" };
	size_t z;
	int i;

	for (z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
		struct lull_tz *tz = load(zones[z]);
		int bad = 0;

		if (tz == NULL)
			continue;
		for (i = 0; i < 20000; i++) {
			int64_t t = (int64_t)(rng() % (300ULL * 366 * 86400)) -
			    120LL * 366 * 86400,
				e, l;
			struct lull_local loc;
			enum lull_tz_res r1, r2;

			lull_tz_local(tz, t, &loc);
			r1 = lull_tz_resolve(tz, loc.day, loc.sec,
			    LULL_FOLD_EARLIER, &e);
			r2 = lull_tz_resolve(tz, loc.day, loc.sec,
			    LULL_FOLD_LATER, &l);
			if (r1 == LULL_TZ_GAP || r1 != r2 ||
			    (e != t && l != t) ||
			    (r1 == LULL_TZ_EXACT && e != l) ||
			    (r1 == LULL_TZ_OVERLAP && e >= l)) {
				if (bad++ < 3)
					fprintf(stderr, "%s: t=%lld r=%d/%d\n",
					    zones[z], (long long)t, r1, r2);
			}
		}
		T_EQ_INT(bad, 0);
		lull_tz_free(tz);
	}
}

/* The POSIX TZ string forms, each in a zone that has nothing else. */
static void
test_footer_forms(void)
{
	struct lull_tz *tz;
	struct lull_local l;
	int64_t u;

	tz = rule_zone("EST5EDT,M3.2.0,M11.1.0");
	check_change(tz, U(2026, 3, 8, 7, 0, 0), -18000, -14400);
	check_change(tz, U(2026, 11, 1, 6, 0, 0), -14400, -18000);
	check_local(tz, U(2026, 7, 1, 12, 0, 0), 2026, 7, 1, 8, 0, -14400, 1,
	    "EDT");
	T_EQ_INT(wall(tz, 2026, 11, 1, 1, 30, LULL_FOLD_LATER, &u),
	    LULL_TZ_OVERLAP);
	T_EQ_INT(u, U(2026, 11, 1, 6, 30, 0));
	lull_tz_free(tz);

	/* /3: the change back happens at 03:00 local summer time. */
	tz = rule_zone("CET-1CEST,M3.5.0,M10.5.0/3");
	check_change(tz, U(2026, 3, 29, 1, 0, 0), 3600, 7200);
	check_change(tz, U(2026, 10, 25, 1, 0, 0), 7200, 3600);
	check_local(tz, U(2026, 1, 1, 0, 0, 0), 2026, 1, 1, 1, 0, 3600, 0,
	    "CET");
	lull_tz_free(tz);

	/* Quoted numeric names and a half-hour offset. */
	tz = rule_zone("<+0530>-5:30");
	check_local(tz, U(2026, 3, 28, 0, 0, 0), 2026, 3, 28, 5, 30, 19800, 0,
	    "+0530");
	lull_tz_free(tz);

	/* Southern hemisphere: the start is later in the year than the end. */
	tz = rule_zone("AEST-10AEDT,M10.1.0,M4.1.0/3");
	check_change(tz, U(2026, 4, 4, 16, 0, 0), 39600, 36000);
	check_change(tz, U(2026, 10, 3, 16, 0, 0), 36000, 39600);
	T_EQ_INT(lull_tz_offset(tz, U(2026, 1, 1, 0, 0, 0)), 39600);
	T_EQ_INT(lull_tz_offset(tz, U(2026, 6, 1, 0, 0, 0)), 36000);
	lull_tz_free(tz);

	/* Jn skips Feb 29: J60 is 1 Mar even in 2028; J300 is 27 Oct. */
	tz = rule_zone("AAA0BBB,J60,J300");
	check_change(tz, U(2027, 3, 1, 2, 0, 0), 0, 3600);
	check_change(tz, U(2028, 3, 1, 2, 0, 0), 0, 3600);
	check_change(tz, U(2028, 10, 27, 1, 0, 0), 3600, 0);
	T_EQ_INT(lull_tz_offset(tz, U(2028, 2, 29, 12, 0, 0)), 0);
	lull_tz_free(tz);

	/* Plain n counts from 0 and counts Feb 29: 59 is Feb 29 in 2028. */
	tz = rule_zone("AAA0BBB,59,299");
	check_change(tz, U(2027, 3, 1, 2, 0, 0), 0, 3600);
	check_change(tz, U(2028, 2, 29, 2, 0, 0), 0, 3600);
	check_change(tz, U(2028, 10, 26, 1, 0, 0), 3600, 0);
	lull_tz_free(tz);

	/* Negative change times (America/Nuuk): -1 is 23:00 the day before. */
	tz = rule_zone("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
	check_change(tz, U(2026, 3, 29, 1, 0, 0), -7200, -3600);
	check_change(tz, U(2026, 10, 25, 1, 0, 0), -3600, -7200);
	lull_tz_local(tz, U(2026, 3, 29, 1, 0, 0), &l);
	T_EQ_INT(l.day, lull_days_from_civil(2026, 3, 29));
	T_EQ_INT(l.sec, 0);
	T_EQ_STR(l.abbr, "-01");
	lull_tz_free(tz);

	/* Beyond 24h (Asia/Jerusalem): Thursday 26:00 is Friday 02:00. */
	tz = rule_zone("IST-2IDT,M3.4.4/26,M10.5.0");
	check_change(tz, U(2026, 3, 27, 0, 0, 0), 7200, 10800);
	check_change(tz, U(2026, 10, 24, 23, 0, 0), 10800, 7200);
	lull_tz_free(tz);
	/* The limits: Sunday -167h is Sunday 01:00 a week before. */
	tz = rule_zone("XXX3YYY,M3.5.0/-167,M10.5.0/167");
	check_change(tz, U(2026, 3, 22, 4, 0, 0), -10800, -7200);
	check_change(tz, U(2026, 11, 1, 1, 0, 0), -7200, -10800);
	lull_tz_free(tz);

	/* DST all year, as RFC 8536 section 3.3.1 writes it. */
	tz = rule_zone("EST5EDT4,0/0,J365/25");
	T_EQ_INT(lull_tz_offset(tz, U(2026, 1, 1, 0, 0, 0)), -14400);
	T_EQ_INT(lull_tz_offset(tz, U(2026, 1, 1, 4, 30, 0)), -14400);
	T_EQ_INT(lull_tz_offset(tz, U(2026, 7, 1, 0, 0, 0)), -14400);
	T_EQ_INT(lull_tz_offset(tz, U(2026, 12, 31, 23, 59, 59)), -14400);
	T_EQ_INT(lull_tz_offset(tz, U(2100, 1, 1, 4, 59, 59)), -14400);
	lull_tz_local(tz, U(2026, 1, 1, 4, 30, 0), &l);
	T_EQ_INT(l.is_dst, 1);
	T_EQ_STR(l.abbr, "EDT");
	lull_tz_free(tz);

	/* No rule after the names: the US rules. */
	tz = rule_zone("EST5EDT");
	check_change(tz, U(2026, 3, 8, 7, 0, 0), -18000, -14400);
	check_change(tz, U(2026, 11, 1, 6, 0, 0), -14400, -18000);
	lull_tz_free(tz);

	/* An explicit DST offset, and times with minutes and seconds. */
	tz = rule_zone("NZST-12NZDT-13,M9.5.0,M4.1.0/3");
	check_change(tz, U(2026, 9, 26, 14, 0, 0), 43200, 46800);
	lull_tz_free(tz);
	tz = rule_zone("AAA-1BBB-2:30,M3.5.0/1:15:30,M10.5.0/3");
	check_change(tz, U(2026, 3, 29, 0, 15, 30), 3600, 9000);
	lull_tz_free(tz);

	tz = rule_zone("UTC0");
	T_EQ_INT(lull_tz_offset(tz, U(2040, 1, 1, 0, 0, 0)), 0);
	lull_tz_local(tz, 0, &l);
	T_EQ_STR(l.abbr, "UTC");
	lull_tz_free(tz);
	tz = rule_zone("<-00>0");
	lull_tz_local(tz, 0, &l);
	T_EQ_STR(l.abbr, "-00");
	lull_tz_free(tz);
	tz = rule_zone("<+14>-14");
	T_EQ_INT(lull_tz_offset(tz, 0), 14 * 3600);
	lull_tz_free(tz);

	/* An empty footer: type 0 holds throughout. */
	tz = rule_zone("");
	T_EQ_INT(lull_tz_offset(tz, U(2100, 1, 1, 0, 0, 0)), 0);
	lull_tz_local(tz, 0, &l);
	T_EQ_STR(l.abbr, "XXX");
	lull_tz_free(tz);
}

static void
test_footer_bad(void)
{
	static const char *const bad[] = { "EST", "5", "ES5", "<EST5", "<ES>5",
		"EST25", "EST5EDT,M13.1.0,M11.1.0", "EST5EDT,M3.6.0,M11.1.0",
		"EST5EDT,M3.2.7,M11.1.0", "EST5EDT,M3.0.0,M11.1.0",
		"EST5EDT,J0,J100", "EST5EDT,366,1", "EST5EDT,J366,J1",
		"EST5EDT,M3.2.0/168,M11.1.0", "EST5EDT,M3.2.0",
		"EST5EDT,M3.2.0,", "EST5 ", "EST5EDT,M3.2.0,M11.1.0x",
		"EST5EDT,M3.2.0,M11.1.0/", "EST5:60",
		"EST5EDT25,M3.2.0,M11.1.0", "EST5EDT;M3.2.0,M11.1.0",
		"EST5EDT,M3.2.0/2:60,M11.1.0", "EST+", "EST5EDT,M3.2,M11.1.0",
		"EST5EDT,M3..0,M11.1.0", "EST5EDT,Mx.1.0,M11.1.0" };
	static const struct ttype t0 = { 0, 0, "XXX" };
	struct lull_errinfo ei;
	struct lull_tz *tz;
	struct tzb z;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		build(&z, '2', NULL, NULL, 0, &t0, 1, bad[i]);
		lull_errinfo_clear(&ei);
		tz = (struct lull_tz *)&z; /* must be reset to NULL */
		if (parse(z.b, z.n, &tz, &ei) != LULL_EINVAL) {
			fprintf(stderr, "footer accepted: \"%s\"\n", bad[i]);
			T_CHECK(!"bad footer refused");
		}
		T_CHECK(tz == NULL);
		T_EQ_STR(ei.field, "tz");
		T_CHECK(strstr(ei.msg, "Test/Zone") != NULL);
		lull_tz_free(tz);
	}
}

/* Version 1 files (32-bit only, no footer) and versions 3 and 4. */
static void
test_versions(void)
{
	static const struct ttype types[] = { { 3600, 0, "CET" },
		{ 7200, 1, "CEST" } };
	static const unsigned char idx[] = { 1, 0, 1 };
	int64_t trans[3];
	struct lull_errinfo ei;
	struct lull_tz *tz;
	struct lull_local l;
	struct tzb z;
	const char *v;

	/* 1940 is before 1970, so the 32-bit times must be sign-extended. */
	trans[0] = U(1940, 4, 1, 1, 0, 0);
	trans[1] = U(2026, 10, 25, 1, 0, 0);
	trans[2] = U(2027, 3, 28, 1, 0, 0);
	build(&z, 0, trans, idx, 3, types, 2, "");
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_OK);
	T_EQ_INT(lull_tz_offset(tz, U(1930, 1, 1, 0, 0, 0)), 3600);
	check_change(tz, trans[0], 3600, 7200);
	check_change(tz, trans[1], 7200, 3600);
	check_change(tz, trans[2], 3600, 7200);
	/* No footer: the last type stays forever. */
	T_EQ_INT(lull_tz_offset(tz, U(2100, 1, 1, 0, 0, 0)), 7200);
	lull_tz_local(tz, U(2100, 1, 1, 0, 0, 0), &l);
	T_EQ_STR(l.abbr, "CEST");
	lull_tz_free(tz);

	for (v = "234"; *v != '\0'; v++) {
		build(&z, *v, trans, idx, 3, types, 2,
		    "CET-1CEST,M3.5.0,M10.5.0/3");
		T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_OK);
		check_change(tz, trans[1], 7200, 3600);
		check_change(tz, U(2030, 10, 27, 1, 0, 0), 7200, 3600);
		lull_tz_free(tz);
	}
	/* A future version is read like version 4; "1" is not a version. */
	build(&z, '5', trans, idx, 3, types, 2, "CET-1CEST,M3.5.0,M10.5.0/3");
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_OK);
	lull_tz_free(tz);
	build(&z, '1', trans, idx, 3, types, 2, "CET-1CEST,M3.5.0,M10.5.0/3");
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	T_CHECK(tz == NULL);

	/*
	 * The seam between table and rule: the last transition (a redundant
	 * one, to CET) is an hour before the rule's spring change, so
	 * resolving 02:30 must walk from the table into the rule.
	 */
	{
		static const unsigned char one[] = { 0 };
		int64_t last = U(2026, 3, 29, 0, 0, 0), u;

		build(&z, '2', &last, one, 1, types, 2,
		    "CET-1CEST,M3.5.0,M10.5.0/3");
		T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_OK);
		T_EQ_INT(wall(tz, 2026, 3, 29, 2, 30, LULL_FOLD_EARLIER, &u),
		    LULL_TZ_GAP);
		T_EQ_INT(u, U(2026, 3, 29, 1, 30, 0));
		T_EQ_INT(wall(tz, 2026, 3, 29, 0, 30, LULL_FOLD_EARLIER, &u),
		    LULL_TZ_EXACT);
		lull_tz_free(tz);
	}

	/* Long designations are cut to fit struct lull_local. */
	{
		static const struct ttype lt = { 0, 0, "VERYLONGNAME" };

		build(&z, '2', NULL, NULL, 0, &lt, 1, "");
		T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_OK);
		lull_tz_local(tz, 0, &l);
		T_EQ_STR(l.abbr, "VERYLON");
		lull_tz_free(tz);
	}
}

/* Every truncation of a real file is refused cleanly. */
static void
test_truncated(void)
{
	struct lull_errinfo ei;
	struct lull_tz *tz;
	unsigned char *data;
	size_t len, n;
	int wrong = 0;

	data = slurp(ZI "/Europe/Berlin", &len);
	T_CHECK(data != NULL && len > 100);
	if (data == NULL)
		return;
	T_EQ_INT(parse(data, len, &tz, &ei), LULL_OK);
	lull_tz_free(tz);
	for (n = 0; n < len; n++) {
		lull_errinfo_clear(&ei);
		tz = (struct lull_tz *)data;
		if (parse(data, n, &tz, &ei) != LULL_EINVAL || tz != NULL ||
		    ei.code != LULL_EINVAL || ei.msg[0] == '\0') {
			if (wrong++ < 3)
				fprintf(stderr, "truncated at %zu: accepted\n",
				    n);
		}
	}
	T_EQ_INT(wrong, 0);
	lull_errinfo_clear(&ei);
	T_EQ_INT(lull_tz_parse(&tz, "x", NULL, 0, &ei), LULL_EINVAL);
	free(data);
}

/*
 * Random bytes, and real files with random bytes changed: the result is
 * either a zone that works or LULL_EINVAL, never a crash (run this under
 * ASan/UBSan: parse() hands over exact-size copies).
 */
static void
test_garbage(void)
{
	static const char *const files[] = { ZI "/Europe/Berlin",
		ZI "/America/New_York", ZI "/right/Europe/Berlin" };
	unsigned char buf[512];
	struct lull_errinfo ei;
	struct lull_tz *tz;
	size_t f, len, n, k;
	int i, ok = 0, einval = 0;

	for (i = 0; i < 5000; i++) {
		n = rng() % sizeof(buf);
		for (k = 0; k < n; k++)
			buf[k] = (unsigned char)rng();
		if (i % 2 == 0 && n >= 44) {
			/* Plausible headers get further into the parser. */
			unsigned counts[6] = { 0, 0, (unsigned)(rng() % 2),
				(unsigned)(rng() % 8),
				1 + (unsigned)(rng() % 4),
				(unsigned)(rng() % 16) };

			memcpy(buf, i % 4 ? "TZif2" : "TZif\0", 5);
			for (k = 0; k < 6; k++) {
				memset(buf + 20 + 4 * k, 0, 3);
				buf[23 + 4 * k] = (unsigned char)counts[k];
			}
		}
		if (parse(buf, n, &tz, &ei) == LULL_OK)
			lull_tz_free(tz);
		else
			T_CHECK(tz == NULL);
	}
	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		unsigned char *data = slurp(files[f], &len);

		if (data == NULL)
			continue;
		for (i = 0; i < 3000; i++) {
			unsigned char *m = malloc(len);
			int flips = 1 + (int)(rng() % 4);
			enum lull_err e;

			memcpy(m, data, len);
			while (flips-- > 0)
				m[rng() % len] = (unsigned char)rng();
			e = parse(m, len, &tz, &ei);
			if (e == LULL_OK) {
				struct lull_local l;
				int64_t u;

				ok++;
				lull_tz_local(tz, U(2026, 3, 29, 1, 0, 0), &l);
				lull_tz_local(tz, U(2090, 3, 29, 1, 0, 0), &l);
				(void)lull_tz_resolve(tz, l.day, l.sec,
				    LULL_FOLD_LATER, &u);
				(void)lull_tz_day_start(tz, l.day);
				lull_tz_free(tz);
			} else {
				T_EQ_INT(e, LULL_EINVAL);
				einval++;
			}
			free(m);
		}
		free(data);
	}
	/* Both outcomes must have happened, or the test tests nothing. */
	T_CHECK(ok > 0);
	T_CHECK(einval > 0);
}

/* Hand-made corruptions, each caught by a specific check. */
static void
test_corrupt(void)
{
	static const struct ttype types[] = { { 3600, 0, "CET" },
		{ 7200, 1, "CEST" } };
	static const unsigned char idx[] = { 1, 0 };
	static const unsigned char bad_idx[] = { 1, 2 };
	int64_t trans[2] = { 1000, 2000 }, back[2] = { 2000, 1000 };
	struct ttype wide[2] = { { 3600, 0, "CET" }, { 100000, 1, "XX" } };
	struct lull_errinfo ei;
	struct lull_tz *tz;
	struct tzb z, good;
	size_t v2;

	build(&good, '2', trans, idx, 2, types, 2, "CET-1");
	T_EQ_INT(parse(good.b, good.n, &tz, &ei), LULL_OK);
	lull_tz_free(tz);
	/* Where the second header starts: after header 1 and its block. */
	v2 = 44 + 6 + 4;

	build(&z, '2', back, idx, 2, types, 2, "CET-1");
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "order") != NULL);
	build(&z, '2', trans, bad_idx, 2, types, 2, "CET-1");
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	build(&z, '2', trans, idx, 2, wide, 2, "CET-1");
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	wide[1].utoff = 7200;
	wide[1].isdst = 2;
	build(&z, '2', trans, idx, 2, wide, 2, "CET-1");
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);

	/* Bad magic, in the first and in the second header. */
	z = good;
	z.b[0] = 'X';
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	z = good;
	z.b[v2] = 'X';
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	/* typecnt 0, and isstdcnt that does not match typecnt. */
	z = good;
	z.b[v2 + 39] = 0;
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	z = good;
	z.b[v2 + 27] = 1;
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	/* Counts near 2^32 must fail on length, not allocate. */
	z = good;
	memset(z.b + v2 + 32, 0xff, 4);
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	z = good;
	memset(z.b + 32, 0xff, 4);
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	/* Designation index past the strings. */
	z = good;
	z.b[v2 + 44 + 2 * 8 + 2 + 6 + 5] = 50;
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	/* A designation without its NUL (the last byte of the strings). */
	z = good;
	z.b[v2 + 44 + 2 * 8 + 2 + 12 + 8] = 'X';
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "designation") != NULL);
	/* The footer without its newlines. */
	z = good;
	z.b[z.n - 1] = 'X';
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	z = good;
	z.b[z.n - 7] = 'X';
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	/* A NUL inside the footer. */
	z = good;
	z.b[z.n - 3] = 0;
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_EINVAL);
	/* Trailing bytes after the footer are ignored. */
	z = good;
	z.b[z.n++] = 'X';
	T_EQ_INT(parse(z.b, z.n, &tz, &ei), LULL_OK);
	lull_tz_free(tz);
}

/*
 * right/ zones count leap seconds in their times; we still speak POSIX
 * time, so the changes come out where they do in the plain zone.  (Their
 * table stops where the leap second list expires and has no footer.)
 */
static void
test_leap_seconds(void)
{
	struct lull_tz *tz;
	struct lull_errinfo ei;

	if (lull_tz_load(&tz, "right/Europe/Berlin", &ei) != LULL_OK) {
		fprintf(stderr, "no right/ zones: skipped\n");
		return;
	}
	check_change(tz, U(1990, 3, 25, 1, 0, 0), 3600, 7200);
	check_change(tz, U(2025, 3, 30, 1, 0, 0), 3600, 7200);
	check_change(tz, U(2025, 10, 26, 1, 0, 0), 7200, 3600);
	check_change(tz, U(2026, 3, 29, 1, 0, 0), 3600, 7200);
	lull_tz_free(tz);
}

static void
test_load(void)
{
	static const char *const unsafe[] = { "", "../etc/passwd",
		"/etc/passwd", "Europe/../../etc/passwd", "Europe/Berlin;rm",
		"Europe/Berlin/", "Europe//Berlin", "a b", "Europe/Berlin\n",
		"zone.tab", "..", "Europe/./Berlin", "$HOME",
		"Europe\\Berlin" };
	struct lull_errinfo ei;
	struct lull_tz *tz;
	const char *old;
	char *saved = NULL;
	size_t i;

	for (i = 0; i < sizeof(unsafe) / sizeof(unsafe[0]); i++) {
		lull_errinfo_clear(&ei);
		tz = (struct lull_tz *)&ei;
		if (lull_tz_load(&tz, unsafe[i], &ei) != LULL_EINVAL) {
			fprintf(stderr, "name accepted: \"%s\"\n", unsafe[i]);
			T_CHECK(!"unsafe name refused");
		}
		T_CHECK(tz == NULL);
		T_EQ_STR(ei.field, "tz");
	}
	T_EQ_INT(lull_tz_load(&tz, NULL, &ei), LULL_EINVAL);

	lull_errinfo_clear(&ei);
	T_EQ_INT(lull_tz_load(&tz, "Mars/Olympus_Mons", &ei), LULL_ENOTFOUND);
	T_CHECK(tz == NULL);
	T_EQ_STR(ei.field, "tz");
	T_CHECK(strstr(ei.msg, "\"Mars/Olympus_Mons\"") != NULL);
	/* A directory, and a file that is not TZif. */
	T_EQ_INT(lull_tz_load(&tz, "Europe", &ei), LULL_ENOTFOUND);
	T_EQ_INT(lull_tz_load(&tz, "leapseconds", &ei), LULL_ENOTFOUND);
	T_EQ_INT(lull_tz_load(&tz, "Europe/Berlin/x", &ei), LULL_ENOTFOUND);

	/* Links resolve, and keep the name they were asked by. */
	tz = load("US/Eastern");
	T_EQ_STR(lull_tz_name(tz), "US/Eastern");
	T_EQ_INT(lull_tz_offset(tz, U(2026, 7, 1, 0, 0, 0)), -14400);
	lull_tz_free(tz);
	tz = load("Etc/GMT-14");
	T_EQ_INT(lull_tz_offset(tz, 0), 14 * 3600);
	lull_tz_free(tz);

	/* $TZDIR moves the zone directory. */
	if ((old = getenv("TZDIR")) != NULL)
		saved = strdup(old);
	setenv("TZDIR", "/nonexistent/zoneinfo", 1);
	T_EQ_INT(lull_tz_load(&tz, "Europe/Berlin", &ei), LULL_ENOTFOUND);
	/* UTC is built in, for systems without tzdata. */
	T_EQ_INT(lull_tz_load(&tz, "UTC", &ei), LULL_OK);
	T_EQ_INT(lull_tz_offset(tz, 0), 0);
	lull_tz_free(tz);
	setenv("TZDIR", ZI "/posix", 1);
	T_EQ_INT(lull_tz_load(&tz, "Europe/Berlin", &ei), LULL_OK);
	lull_tz_free(tz);
	if (saved != NULL)
		setenv("TZDIR", saved, 1);
	else
		unsetenv("TZDIR");
	free(saved);
}

static void
test_system_name(void)
{
	char buf[64], small[4];
	const char *old;
	char *saved = NULL;
	struct lull_tz *tz;
	struct lull_errinfo ei;

	if ((old = getenv("TZ")) != NULL)
		saved = strdup(old);
	setenv("TZ", ":Europe/Berlin", 1);
	lull_tz_system_name(buf, sizeof(buf));
	T_EQ_STR(buf, "Europe/Berlin");
	setenv("TZ", "America/New_York", 1);
	lull_tz_system_name(buf, sizeof(buf));
	T_EQ_STR(buf, "America/New_York");
	setenv("TZ", ZI "/Asia/Tokyo", 1);
	lull_tz_system_name(buf, sizeof(buf));
	T_EQ_STR(buf, "Asia/Tokyo");
	/* Debian's posix/ copies name the same zones. */
	setenv("TZ", ":" ZI "/posix/Asia/Tokyo", 1);
	lull_tz_system_name(buf, sizeof(buf));
	T_EQ_STR(buf, "Asia/Tokyo");

	/* Not zone names: fall back to the system's setting. */
	setenv("TZ", "../../etc/passwd", 1);
	lull_tz_system_name(buf, sizeof(buf));
	T_CHECK(strcmp(buf, "../../etc/passwd") != 0);
	T_EQ_INT(lull_tz_load(&tz, buf, &ei), LULL_OK);
	lull_tz_free(tz);
	setenv("TZ", "Nowhere/Special", 1);
	lull_tz_system_name(buf, sizeof(buf));
	T_CHECK(strcmp(buf, "Nowhere/Special") != 0);
	T_EQ_INT(lull_tz_load(&tz, buf, &ei), LULL_OK);
	lull_tz_free(tz);
	unsetenv("TZ");
	lull_tz_system_name(buf, sizeof(buf));
	T_EQ_INT(lull_tz_load(&tz, buf, &ei), LULL_OK);
	lull_tz_free(tz);

	/* A buffer too small for a name still gets a usable answer. */
	setenv("TZ", "Europe/Berlin", 1);
	lull_tz_system_name(small, sizeof(small));
	T_CHECK(strlen(small) < sizeof(small));
	T_EQ_STR(small, "UTC");

	if (saved != NULL)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	free(saved);
}

/* Far-off instants and days must not overflow (UBSan watches). */
static void
test_extremes(void)
{
	struct lull_tz *tz = load("Europe/Berlin");
	struct lull_local l;
	int64_t u;

	lull_tz_local(tz, INT64_MAX, &l);
	T_CHECK(l.sec >= 0 && l.sec < 86400);
	lull_tz_local(tz, INT64_MIN, &l);
	T_CHECK(l.sec >= 0 && l.sec < 86400);
	(void)lull_tz_offset(tz, INT64_MAX);
	(void)lull_tz_offset(tz, INT64_MIN);
	(void)lull_tz_resolve(tz, INT32_MAX, INT32_MAX, LULL_FOLD_LATER, &u);
	(void)lull_tz_resolve(tz, INT32_MIN, INT32_MIN, LULL_FOLD_EARLIER, &u);
	(void)lull_tz_day_start(tz, INT32_MAX);
	(void)lull_tz_day_start(tz, INT32_MIN);
	/* Year 10000 and year 1 still follow the rule and LMT. */
	check_change(tz, U(9999, 3, 28, 1, 0, 0), 3600, 7200);
	T_EQ_INT(lull_tz_offset(tz, U(1, 1, 1, 0, 0, 0)), 3208);
	lull_tz_free(tz);
}

static const struct t_case cases[] = {
	{ "utc", test_utc },
	{ "berlin spring forward 2026", test_berlin_spring },
	{ "berlin fall back 2026", test_berlin_fall },
	{ "new york 2026", test_new_york },
	{ "sydney 2026", test_sydney },
	{ "footer rule in 2040 and 2100", test_footer_years },
	{ "day start, midnight changes", test_day_start },
	{ "resolve carries seconds", test_resolve_carry },
	{ "local/resolve round trip", test_roundtrip },
	{ "posix footer forms", test_footer_forms },
	{ "posix footer errors", test_footer_bad },
	{ "tzif versions 1 to 4", test_versions },
	{ "truncated tzif", test_truncated },
	{ "random and mutated tzif", test_garbage },
	{ "corrupt tzif fields", test_corrupt },
	{ "leap second zones", test_leap_seconds },
	{ "load and unsafe names", test_load },
	{ "system zone name", test_system_name },
	{ "extreme instants", test_extremes },
};

T_MAIN(cases)
