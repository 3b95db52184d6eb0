/*
 * Calendar arithmetic, date and RFC 3339 reading and writing, and the
 * times people type: bare times around midnight and DST changes, the
 * after/day/now rules, and error messages that name the field.
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

#define HOUR 3600

static int64_t
U(int y, int mo, int d, int h, int mi, int s)
{
	return (int64_t)lull_days_from_civil(y, mo, d) * 86400 + h * 3600 +
	    mi * 60 + s;
}

static int32_t
D(int y, int mo, int d)
{
	return lull_days_from_civil(y, mo, d);
}

static struct lull_tz *
load(const char *name)
{
	struct lull_tz *tz = NULL;
	struct lull_errinfo ei;

	if (lull_tz_load(&tz, name, &ei) != LULL_OK) {
		fprintf(stderr, "cannot load %s: %s\n", name, ei.msg);
		T_CHECK(!"zone loads");
		if (lull_tz_utc(&tz) != LULL_OK)
			abort();
	}
	return tz;
}

/*
 * A zone that is only a POSIX TZ rule, as the footer of a minimal TZif
 * version 2 file, for DST changes no real zone has.
 */
static struct lull_tz *
rule_zone(const char *rule)
{
	static const unsigned char head[] = "TZif2";
	unsigned char buf[256];
	struct lull_tz *tz = NULL;
	struct lull_errinfo ei;
	size_t n = 0, k, h;

	for (h = 0; h < 2; h++) {
		memset(buf + n, 0, 44);
		memcpy(buf + n, head, 5);
		buf[n + 39] = 1; /* typecnt */
		buf[n + 43] = 4; /* charcnt */
		n += 44;
		/* One type: UT offset 0, not DST, designation 0: "AAA". */
		memset(buf + n, 0, 6);
		memcpy(buf + n + 6, "AAA", 4);
		n += 10;
	}
	buf[n++] = '\n';
	for (k = 0; rule[k] != '\0' && n < sizeof(buf) - 1; k++)
		buf[n++] = (unsigned char)rule[k];
	buf[n++] = '\n';
	if (lull_tz_parse(&tz, "Test/Rule", buf, n, &ei) != LULL_OK) {
		fprintf(stderr, "rule %s: %s\n", rule, ei.msg);
		T_CHECK(!"rule zone parses");
		if (lull_tz_utc(&tz) != LULL_OK)
			abort();
	}
	return tz;
}

static struct lull_time_ctx
ctx_now(const struct lull_tz *tz, int64_t now)
{
	struct lull_time_ctx c;

	c.tz = tz;
	c.now_utc = now;
	c.after_utc = INT64_MIN;
	c.day = LULL_NO_DAY;
	return c;
}

/* Parse that must succeed; returns the instant, fills *note. */
static int64_t
user_ok(const char *s, const struct lull_time_ctx *c,
    struct lull_time_note *note)
{
	struct lull_errinfo ei;
	int64_t utc = -1;

	lull_errinfo_clear(&ei);
	if (lull_time_parse_user(s, "start", c, &utc, note, &ei) != LULL_OK) {
		fprintf(stderr, "\"%s\" refused: %s\n", s, ei.msg);
		T_CHECK(!"user time parses");
	}
	return utc;
}

/* Parse that must fail; returns the message. */
static const char *
user_bad(const char *s, const char *field, const struct lull_time_ctx *c)
{
	static struct lull_errinfo ei;
	struct lull_time_note note;
	int64_t utc = 12345;

	lull_errinfo_clear(&ei);
	if (lull_time_parse_user(s, field, c, &utc, &note, &ei) !=
	    LULL_EINVAL) {
		fprintf(stderr, "\"%s\" accepted\n", s);
		T_CHECK(!"user time refused");
	}
	T_EQ_INT(ei.code, LULL_EINVAL);
	T_EQ_STR(ei.field, field != NULL ? field : "");
	T_EQ_INT(utc, 0);
	T_EQ_INT(note.day, LULL_NO_DAY);
	return ei.msg;
}

static void
test_civil(void)
{
	static const struct {
		int y, m, d;
		int32_t day;
		int wd;
	} known[] = {
		{ 1970, 1, 1, 0, 4 },
		{ 1970, 1, 2, 1, 5 },
		{ 1969, 12, 31, -1, 3 },
		{ 1969, 12, 28, -4, 0 },
		{ 2000, 3, 1, 11017, 3 },
		{ 2024, 2, 29, 19782, 4 },
		{ 2026, 3, 28, 20540, 6 },
		{ 1600, 2, 29, -135081, 2 },
		{ 1, 1, 1, -719162, 1 },
		{ 9999, 12, 31, 2932896, 5 },
	};
	size_t i;
	int32_t day;
	int y, m, d, ny, nm, nd;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		T_EQ_INT(lull_days_from_civil(known[i].y, known[i].m,
			     known[i].d),
		    known[i].day);
		lull_civil_from_days(known[i].day, &y, &m, &d);
		T_EQ_INT(y, known[i].y);
		T_EQ_INT(m, known[i].m);
		T_EQ_INT(d, known[i].d);
		T_EQ_INT(lull_weekday(known[i].day), known[i].wd);
	}

	/* Walk 1500..2500 a day at a time: numbers and dates agree. */
	y = 1500;
	m = 1;
	d = 1;
	day = lull_days_from_civil(y, m, d);
	while (y < 2500) {
		int bad = 0;

		lull_civil_from_days(day, &ny, &nm, &nd);
		if (ny != y || nm != m || nd != d ||
		    lull_days_from_civil(y, m, d) != day)
			bad = 1;
		if (bad) {
			fprintf(stderr, "%d-%d-%d vs day %d\n", y, m, d,
			    (int)day);
			T_CHECK(!"civil walk");
			break;
		}
		day++;
		if (++d >
		    (m == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0
				      ? 29
				      : 28)
			    : (m == 4 || m == 6 || m == 9 || m == 11) ? 30
								      : 31)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	/* Large and negative day numbers round-trip. */
	for (day = -3000000; day < 3000000; day += 997) {
		lull_civil_from_days(day, &y, &m, &d);
		if (lull_days_from_civil(y, m, d) != day) {
			T_EQ_INT(lull_days_from_civil(y, m, d), day);
			break;
		}
	}
	T_EQ_INT(lull_weekday(INT32_MIN), lull_weekday(INT32_MIN + 7));
	T_CHECK(lull_weekday(INT32_MIN) >= 0 && lull_weekday(INT32_MIN) < 7);
}

static void
test_date_parse(void)
{
	static const char *const bad[] = { "", "2026-3-28", "2026/03/28",
		"26-03-28", "2026-03-28 ", " 2026-03-28", "2026-13-01",
		"2026-00-10", "2026-04-31", "2026-03-00", "2026-03-28x",
		"+2026-03-28", "2026-03-2a", "2026-02-29", "1900-02-29",
		"2026-03-32", "20260328", "2026-03-28T00:00", "yesterday" };
	struct lull_errinfo ei;
	int32_t day;
	size_t i;

	T_EQ_INT(lull_date_parse("2026-03-28", "born", &day, &ei), LULL_OK);
	T_EQ_INT(day, 20540);
	T_EQ_INT(lull_date_parse("2024-02-29", "born", &day, &ei), LULL_OK);
	T_EQ_INT(day, 19782);
	T_EQ_INT(lull_date_parse("2000-02-29", "born", &day, &ei), LULL_OK);
	T_EQ_INT(lull_date_parse("1969-12-31", "born", &day, &ei), LULL_OK);
	T_EQ_INT(day, -1);

	lull_errinfo_clear(&ei);
	T_EQ_INT(lull_date_parse("2026-02-30", "born", &day, &ei), LULL_EINVAL);
	T_EQ_INT(day, LULL_NO_DAY);
	T_EQ_INT(ei.code, LULL_EINVAL);
	T_EQ_STR(ei.field, "born");
	T_EQ_STR(ei.msg,
	    "born: \"2026-02-30\" is not a valid date (use YYYY-MM-DD)");

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		lull_errinfo_clear(&ei);
		day = 7;
		if (lull_date_parse(bad[i], "due", &day, &ei) != LULL_EINVAL) {
			fprintf(stderr, "date accepted: \"%s\"\n", bad[i]);
			T_CHECK(!"bad date refused");
		}
		T_EQ_INT(day, LULL_NO_DAY);
		T_EQ_STR(ei.field, "due");
		T_CHECK(strncmp(ei.msg, "due: \"", 6) == 0);
	}
	/* No field: the sentence starts with the quoted text. */
	T_EQ_INT(lull_date_parse("nope", NULL, &day, &ei), LULL_EINVAL);
	T_EQ_STR(ei.msg, "\"nope\" is not a valid date (use YYYY-MM-DD)");
	T_EQ_INT(lull_date_parse(NULL, "born", &day, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "born");
	/* Quotes and control characters cannot break the quoting. */
	T_EQ_INT(lull_date_parse("a\"b\nc", "born", &day, &ei), LULL_EINVAL);
	T_EQ_STR(ei.msg,
	    "born: \"a?b?c\" is not a valid date (use YYYY-MM-DD)");
	/* A NULL errinfo is allowed. */
	T_EQ_INT(lull_date_parse("x", "born", &day, NULL), LULL_EINVAL);
}

static void
test_date_format(void)
{
	char buf[32], tiny[4];

	lull_date_format(20540, buf, sizeof(buf));
	T_EQ_STR(buf, "2026-03-28");
	lull_date_format(-1, buf, sizeof(buf));
	T_EQ_STR(buf, "1969-12-31");
	lull_date_format(D(1, 1, 1), buf, sizeof(buf));
	T_EQ_STR(buf, "0001-01-01");
	lull_date_format(20540, tiny, sizeof(tiny));
	T_EQ_STR(tiny, "202");

	lull_date_format_long(20540, buf, sizeof(buf));
	T_EQ_STR(buf, "Sat 28 Mar 2026");
	lull_date_format_long(0, buf, sizeof(buf));
	T_EQ_STR(buf, "Thu 1 Jan 1970");
	lull_date_format_long(D(2026, 3, 1), buf, sizeof(buf));
	T_EQ_STR(buf, "Sun 1 Mar 2026");
	lull_date_format_long(D(2026, 12, 31), buf, sizeof(buf));
	T_EQ_STR(buf, "Thu 31 Dec 2026");
	lull_date_format_long(20540, tiny, sizeof(tiny));
	T_EQ_STR(tiny, "Sat");
	buf[0] = 'x';
	lull_date_format_long(20540, buf, 0);
	T_CHECK(buf[0] == 'x');
}

static void
test_format_hm(void)
{
	struct lull_tz *be = load("Europe/Berlin");
	struct lull_tz *ny = load("America/New_York");
	char buf[16];

	lull_time_format_hm(be, U(2026, 3, 29, 1, 0, 0), buf, sizeof(buf));
	T_EQ_STR(buf, "03:00");
	lull_time_format_hm(be, U(2026, 3, 29, 0, 59, 59), buf, sizeof(buf));
	T_EQ_STR(buf, "01:59");
	lull_time_format_hm(ny, U(2026, 3, 28, 10, 45, 0), buf, sizeof(buf));
	T_EQ_STR(buf, "06:45");
	lull_time_format_hm(ny, U(2026, 3, 28, 4, 5, 0), buf, sizeof(buf));
	T_EQ_STR(buf, "00:05");

	T_EQ_INT(lull_local_day(be, U(2026, 3, 28, 23, 30, 0)), D(2026, 3, 29));
	T_EQ_INT(lull_local_day(ny, U(2026, 3, 29, 3, 30, 0)), D(2026, 3, 28));
	lull_tz_free(be);
	lull_tz_free(ny);
}

static void
test_rfc3339_format(void)
{
	struct lull_tz *be = load("Europe/Berlin");
	struct lull_tz *ny = load("America/New_York");
	struct lull_tz *in = load("Asia/Kolkata");
	struct lull_tz *nf = load("America/St_Johns");
	struct lull_tz *am = load("Europe/Amsterdam");
	struct lull_tz *mr = load("Africa/Monrovia");
	struct lull_tz *utc = NULL;
	char buf[32], tiny[11];
	int64_t t;

	T_EQ_INT(lull_tz_utc(&utc), LULL_OK);
	lull_time_format_rfc3339(be, U(2026, 3, 29, 0, 30, 0), buf,
	    sizeof(buf));
	T_EQ_STR(buf, "2026-03-29T01:30:00+01:00");
	lull_time_format_rfc3339(be, U(2026, 3, 29, 1, 30, 0), buf,
	    sizeof(buf));
	T_EQ_STR(buf, "2026-03-29T03:30:00+02:00");
	lull_time_format_rfc3339(be, U(2026, 10, 25, 0, 30, 5), buf,
	    sizeof(buf));
	T_EQ_STR(buf, "2026-10-25T02:30:05+02:00");
	lull_time_format_rfc3339(be, U(2026, 10, 25, 1, 30, 5), buf,
	    sizeof(buf));
	T_EQ_STR(buf, "2026-10-25T02:30:05+01:00");
	lull_time_format_rfc3339(utc, 0, buf, sizeof(buf));
	T_EQ_STR(buf, "1970-01-01T00:00:00+00:00");
	lull_time_format_rfc3339(utc, -1, buf, sizeof(buf));
	T_EQ_STR(buf, "1969-12-31T23:59:59+00:00");
	lull_time_format_rfc3339(ny, U(2026, 7, 4, 16, 0, 0), buf, sizeof(buf));
	T_EQ_STR(buf, "2026-07-04T12:00:00-04:00");
	lull_time_format_rfc3339(in, U(2026, 3, 28, 0, 0, 0), buf, sizeof(buf));
	T_EQ_STR(buf, "2026-03-28T05:30:00+05:30");
	lull_time_format_rfc3339(nf, U(2026, 1, 15, 12, 0, 0), buf,
	    sizeof(buf));
	T_EQ_STR(buf, "2026-01-15T08:30:00-03:30");
	/*
	 * Berlin's local mean time was +00:53:28: the offset is written to
	 * the minute and the wall time matches it, so the instant survives.
	 */
	t = U(1880, 1, 1, 0, 0, 0);
	lull_time_format_rfc3339(be, t, buf, sizeof(buf));
	T_EQ_STR(buf, "1880-01-01T00:53:00+00:53");
	/* Rounded, not cut: +00:19:32 is +00:20, -00:44:30 is -00:45. */
	lull_time_format_rfc3339(am, U(1930, 1, 1, 12, 0, 0), buf, sizeof(buf));
	T_EQ_STR(buf, "1930-01-01T12:20:00+00:20");
	lull_time_format_rfc3339(mr, U(1960, 1, 1, 12, 0, 0), buf, sizeof(buf));
	T_EQ_STR(buf, "1960-01-01T11:15:00-00:45");
	lull_time_format_rfc3339(be, U(2026, 3, 29, 0, 30, 0), tiny,
	    sizeof(tiny));
	T_EQ_STR(tiny, "2026-03-29");
	lull_tz_free(be);
	lull_tz_free(ny);
	lull_tz_free(in);
	lull_tz_free(nf);
	lull_tz_free(am);
	lull_tz_free(mr);
	lull_tz_free(utc);
}

static void
test_rfc3339_parse(void)
{
	static const char *const bad[] = { "", "2026-03-29T01:30Z",
		"2026-02-30T01:30:00Z", "2026-03-29T01:30:00+24:00",
		"2026-03-29T01:30:00+0100", "2026-03-29T01:30:00+01",
		"2026-03-29T01:30:00Zjunk", "2026-03-29T25:00:00Z",
		"2026-03-29T01:60:00Z", "2026-03-29T01:30:60Z",
		"2026-03-29T01:30:00.Z", " 2026-03-29T01:30:00Z",
		"2026-03-29_01:30:00Z", "2026-03-29", "now",
		"2026-03-29T1:30:00Z", "2026-03-29T01:30:00+01:60" };
	struct lull_errinfo ei;
	int64_t t;
	size_t i;

	T_EQ_INT(lull_time_parse_rfc3339("2026-03-29T01:30:00Z", "start", &t,
		     &ei),
	    LULL_OK);
	T_EQ_INT(t, U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(lull_time_parse_rfc3339("2026-03-29T01:30:00+01:00", "start",
		     &t, &ei),
	    LULL_OK);
	T_EQ_INT(t, U(2026, 3, 29, 0, 30, 0));
	T_EQ_INT(lull_time_parse_rfc3339("2026-03-28T20:00:00-05:30", "start",
		     &t, &ei),
	    LULL_OK);
	T_EQ_INT(t, U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(lull_time_parse_rfc3339("2026-03-29T01:30:00.987654Z", "start",
		     &t, &ei),
	    LULL_OK);
	T_EQ_INT(t, U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(lull_time_parse_rfc3339("2026-03-29t01:30:00z", "start", &t,
		     &ei),
	    LULL_OK);
	T_EQ_INT(t, U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(lull_time_parse_rfc3339("2026-03-29 01:30:00-00:00", "start",
		     &t, &ei),
	    LULL_OK);
	T_EQ_INT(t, U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(lull_time_parse_rfc3339("1969-12-31T23:59:59Z", "start", &t,
		     &ei),
	    LULL_OK);
	T_EQ_INT(t, -1);

	/* Files must carry their offset: no guessing. */
	lull_errinfo_clear(&ei);
	t = 5;
	T_EQ_INT(lull_time_parse_rfc3339("2026-03-29T01:30:00", "end", &t, &ei),
	    LULL_EINVAL);
	T_EQ_INT(t, 0);
	T_EQ_STR(ei.field, "end");
	T_CHECK(strstr(ei.msg, "end: \"2026-03-29T01:30:00\"") == ei.msg);
	T_CHECK(strstr(ei.msg, "offset") != NULL);

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		lull_errinfo_clear(&ei);
		if (lull_time_parse_rfc3339(bad[i], "at", &t, &ei) !=
		    LULL_EINVAL) {
			fprintf(stderr, "rfc3339 accepted: \"%s\"\n", bad[i]);
			T_CHECK(!"bad rfc3339 refused");
		}
		T_EQ_STR(ei.field, "at");
		T_CHECK(strncmp(ei.msg, "at: \"", 5) == 0);
	}
	T_EQ_INT(lull_time_parse_rfc3339(NULL, "at", &t, &ei), LULL_EINVAL);
}

/* Whatever we write, we read back as the same instant. */
static void
test_rfc3339_roundtrip(void)
{
	static const char *const zones[] = { "Europe/Berlin",
		"America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
		"America/St_Johns", "Pacific/Chatham", "Africa/Monrovia",
		"UTC" };
	uint64_t x = 12345;
	size_t z;
	int i;

	for (z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
		struct lull_tz *tz = load(zones[z]);
		int bad = 0;

		for (i = 0; i < 5000; i++) {
			char buf[32];
			struct lull_errinfo ei;
			int64_t t, back = 0;

			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			t = (int64_t)((x >> 16) % (250ULL * 366 * 86400)) -
			    100LL * 366 * 86400;
			lull_time_format_rfc3339(tz, t, buf, sizeof(buf));
			if (lull_time_parse_rfc3339(buf, "t", &back, &ei) !=
				LULL_OK ||
			    back != t) {
				if (bad++ < 3)
					fprintf(stderr, "%s: %lld -> %s\n",
					    zones[z], (long long)t, buf);
			}
		}
		T_EQ_INT(bad, 0);
		lull_tz_free(tz);
	}
}

static void
test_user_forms(void)
{
	struct lull_tz *be = load("Europe/Berlin");
	struct lull_time_ctx c = ctx_now(be, U(2026, 3, 29, 6, 0, 0));
	struct lull_time_note n;

	/* now, however it is spelled and padded */
	T_EQ_INT(user_ok("now", &c, &n), c.now_utc);
	T_EQ_INT(n.res, LULL_TZ_EXACT);
	T_EQ_INT(n.day, D(2026, 3, 29));
	T_EQ_INT(n.sec, 8 * HOUR);
	T_EQ_INT(user_ok("  NOW \n", &c, &n), c.now_utc);

	/* dated forms, with a space or a T, with or without seconds */
	T_EQ_INT(user_ok("2026-03-28 19:30", &c, &n),
	    U(2026, 3, 28, 18, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_EXACT);
	T_EQ_INT(n.day, D(2026, 3, 28));
	T_EQ_INT(n.sec, 19 * HOUR + 30 * 60);
	T_EQ_INT(user_ok("2026-03-28T19:30:15", &c, &n),
	    U(2026, 3, 28, 18, 30, 15));
	T_EQ_INT(user_ok("2026-03-28 7:05", &c, &n), U(2026, 3, 28, 6, 5, 0));

	/* a gap: 02:30 is read at +01:00 and lands on 03:30 CEST */
	T_EQ_INT(user_ok("2026-03-29 02:30", &c, &n), U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_GAP);
	T_EQ_INT(n.day, D(2026, 3, 29));
	T_EQ_INT(n.sec, 2 * HOUR + 30 * 60);
	/* an overlap without "after": the first 02:30 */
	T_EQ_INT(user_ok("2026-10-25 02:30", &c, &n),
	    U(2026, 10, 25, 0, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_OVERLAP);

	/* an offset wins over the zone and settles gaps and overlaps */
	T_EQ_INT(user_ok("2026-10-25 02:30+01:00", &c, &n),
	    U(2026, 10, 25, 1, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_EXACT);
	T_EQ_INT(user_ok("2026-10-25 02:30 +02:00", &c, &n),
	    U(2026, 10, 25, 0, 30, 0));
	T_EQ_INT(user_ok("2026-10-25T02:30:00-05:00", &c, &n),
	    U(2026, 10, 25, 7, 30, 0));
	T_EQ_INT(user_ok("2026-10-25 02:30Z", &c, &n),
	    U(2026, 10, 25, 2, 30, 0));
	T_EQ_INT(user_ok("2026-03-29 02:30+01:00", &c, &n),
	    U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_EXACT);
	T_EQ_INT(user_ok("2026-03-29 02:30+0100", &c, &n),
	    U(2026, 3, 29, 1, 30, 0));

	/* today and yesterday are local days in the zone */
	T_EQ_INT(user_ok("today 07:05", &c, &n), U(2026, 3, 29, 5, 5, 0));
	T_EQ_INT(user_ok("TODAY 7:05", &c, &n), U(2026, 3, 29, 5, 5, 0));
	T_EQ_INT(user_ok("today 02:30", &c, &n), U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_GAP);
	T_EQ_INT(user_ok("yesterday 23:00", &c, &n), U(2026, 3, 28, 22, 0, 0));
	T_EQ_INT(n.day, D(2026, 3, 28));
	T_EQ_INT(user_ok("Yesterday  23:00", &c, &n), U(2026, 3, 28, 22, 0, 0));
	T_EQ_INT(user_ok("today 02:30Z", &c, &n), U(2026, 3, 29, 2, 30, 0));

	/* NULL note is fine */
	T_EQ_INT(user_ok("2026-03-28 19:30", &c, NULL),
	    U(2026, 3, 28, 18, 30, 0));
	lull_tz_free(be);
}

/*
 * A night entered as a dated start and a bare end: the end is the first
 * 06:45 after the start, and real time differs from wall time by the
 * hour the clocks moved.
 */
static void
test_user_night_dst(void)
{
	struct lull_tz *be = load("Europe/Berlin");
	struct lull_tz *ny = load("America/New_York");
	struct lull_tz *sy = load("Australia/Sydney");
	struct lull_time_ctx c = ctx_now(be, U(2026, 10, 25, 8, 0, 0));
	struct lull_time_note n;
	int64_t start, end;

	/* Berlin, fall back: 11h15m on the wall, 12h15m asleep. */
	start = user_ok("2026-10-24 19:30", &c, &n);
	T_EQ_INT(start, U(2026, 10, 24, 17, 30, 0));
	c.after_utc = start;
	end = user_ok("06:45", &c, &n);
	T_EQ_INT(end, U(2026, 10, 25, 5, 45, 0));
	T_EQ_INT(end - start, 12 * HOUR + 15 * 60);
	T_EQ_INT(n.day, D(2026, 10, 25));
	T_EQ_INT(n.sec, 6 * HOUR + 45 * 60);
	T_EQ_INT(n.res, LULL_TZ_EXACT);

	/* Berlin, spring forward: 11h15m on the wall, 10h15m asleep. */
	c = ctx_now(be, U(2026, 3, 29, 8, 0, 0));
	start = user_ok("2026-03-28 19:30", &c, &n);
	c.after_utc = start;
	end = user_ok("06:45", &c, &n);
	T_EQ_INT(end - start, 10 * HOUR + 15 * 60);

	/* New York, 1 Nov 2026. */
	c = ctx_now(ny, U(2026, 11, 1, 14, 0, 0));
	start = user_ok("2026-10-31 19:30", &c, &n);
	T_EQ_INT(start, U(2026, 10, 31, 23, 30, 0));
	c.after_utc = start;
	end = user_ok("06:45", &c, &n);
	T_EQ_INT(end, U(2026, 11, 1, 11, 45, 0));
	T_EQ_INT(end - start, 12 * HOUR + 15 * 60);

	/* New York, spring forward (docs/time.md): 20:00 to 06:30 is 9h30m. */
	c = ctx_now(ny, U(2026, 3, 8, 14, 0, 0));
	start = user_ok("2026-03-07 20:00", &c, &n);
	c.after_utc = start;
	end = user_ok("06:30", &c, &n);
	T_EQ_INT(end, U(2026, 3, 8, 10, 30, 0));
	T_EQ_INT(end - start, 9 * HOUR + 30 * 60);

	/* Sydney, 5 Apr 2026 (autumn there). */
	c = ctx_now(sy, U(2026, 4, 5, 0, 0, 0));
	start = user_ok("2026-04-04 19:30", &c, &n);
	T_EQ_INT(start, U(2026, 4, 4, 8, 30, 0));
	c.after_utc = start;
	end = user_ok("06:45", &c, &n);
	T_EQ_INT(end - start, 12 * HOUR + 15 * 60);

	/* Without a DST change, the same night is 11h15m. */
	c = ctx_now(be, U(2026, 6, 2, 8, 0, 0));
	start = user_ok("2026-06-01 19:30", &c, &n);
	c.after_utc = start;
	T_EQ_INT(user_ok("06:45", &c, &n) - start, 11 * HOUR + 15 * 60);
	lull_tz_free(be);
	lull_tz_free(ny);
	lull_tz_free(sy);
}

/* after_utc: strictly after, and the earliest occurrence in an overlap. */
static void
test_user_after(void)
{
	struct lull_tz *be = load("Europe/Berlin");
	struct lull_time_ctx c = ctx_now(be, U(2026, 10, 26, 12, 0, 0));
	struct lull_time_note n;

	c.after_utc = U(2026, 10, 25, 0, 10, 0); /* 02:10 CEST */
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 10, 25, 0, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_OVERLAP);
	T_EQ_INT(n.day, D(2026, 10, 25));
	c.after_utc = U(2026, 10, 25, 0, 40, 0); /* 02:40 CEST */
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 10, 25, 1, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_OVERLAP);
	c.after_utc = U(2026, 10, 25, 0, 30, 0); /* exactly the first 02:30 */
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 10, 25, 1, 30, 0));
	c.after_utc = U(2026, 10, 25, 1, 40, 0); /* 02:40 CET */
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 10, 26, 1, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_EXACT);
	T_EQ_INT(n.day, D(2026, 10, 26));

	/* A dated time in the overlap also takes the occurrence after. */
	c.after_utc = U(2026, 10, 25, 0, 40, 0);
	T_EQ_INT(user_ok("2026-10-25 02:30", &c, &n),
	    U(2026, 10, 25, 1, 30, 0));
	c.after_utc = U(2026, 10, 25, 0, 10, 0);
	T_EQ_INT(user_ok("2026-10-25 02:30", &c, &n),
	    U(2026, 10, 25, 0, 30, 0));

	/* The same wall time as "after" means tomorrow. */
	c.after_utc = U(2026, 10, 24, 17, 30, 0); /* 19:30 CEST */
	T_EQ_INT(user_ok("19:30", &c, &n), U(2026, 10, 25, 18, 30, 0));

	/* A gap after "after". */
	c.after_utc = U(2026, 3, 28, 20, 0, 0);
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_GAP);
	T_EQ_INT(n.day, D(2026, 3, 29));
	T_EQ_INT(n.sec, 2 * HOUR + 30 * 60);

	/* "after" wins over "day". */
	c.day = D(2026, 1, 1);
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 3, 29, 1, 30, 0));
	lull_tz_free(be);
}

/* ctx->day, and the most recent occurrence at or before now. */
static void
test_user_day_and_now(void)
{
	struct lull_tz *be = load("Europe/Berlin");
	struct lull_time_ctx c = ctx_now(be, U(2026, 3, 29, 6, 0, 0));
	struct lull_time_note n;

	/* now is 08:00 CEST on 29 Mar */
	T_EQ_INT(user_ok("19:30", &c, &n), U(2026, 3, 28, 18, 30, 0));
	T_EQ_INT(n.day, D(2026, 3, 28));
	T_EQ_INT(user_ok("07:59", &c, &n), U(2026, 3, 29, 5, 59, 0));
	T_EQ_INT(user_ok("08:00", &c, &n), U(2026, 3, 29, 6, 0, 0));
	T_EQ_INT(user_ok("08:01", &c, &n), U(2026, 3, 28, 7, 1, 0));
	T_EQ_INT(n.day, D(2026, 3, 28));
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_GAP);
	T_EQ_INT(user_ok("00:00", &c, &n), U(2026, 3, 28, 23, 0, 0));

	/* In the overlap, the most recent pass of 02:30. */
	c.now_utc = U(2026, 10, 25, 1, 45, 0); /* 02:45 CET */
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 10, 25, 1, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_OVERLAP);
	c.now_utc = U(2026, 10, 25, 0, 45, 0); /* 02:45 CEST */
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 10, 25, 0, 30, 0));
	T_EQ_INT(user_ok("02:50", &c, &n), U(2026, 10, 24, 0, 50, 0));

	/* A fixed day: on it, whatever now is. */
	c.now_utc = U(2026, 3, 29, 6, 0, 0);
	c.day = D(2026, 3, 28);
	T_EQ_INT(user_ok("19:30", &c, &n), U(2026, 3, 28, 18, 30, 0));
	T_EQ_INT(user_ok("08:01", &c, &n), U(2026, 3, 28, 7, 1, 0));
	c.day = D(2026, 3, 30);
	T_EQ_INT(user_ok("19:30", &c, &n), U(2026, 3, 30, 17, 30, 0));
	T_EQ_INT(n.day, D(2026, 3, 30));
	c.day = D(2026, 10, 25);
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 10, 25, 0, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_OVERLAP);
	c.day = D(2026, 3, 29);
	T_EQ_INT(user_ok("02:30", &c, &n), U(2026, 3, 29, 1, 30, 0));
	T_EQ_INT(n.res, LULL_TZ_GAP);
	lull_tz_free(be);
}

/*
 * Clocks that fall back across midnight (Sunday 00:30 summer time back
 * to Saturday 23:30): a wall time of the previous day can come after
 * "after", and one of the next day before "now".
 */
static void
test_user_midnight_overlap(void)
{
	struct lull_tz *tz = rule_zone("AAA-1BBB,M3.5.0,M10.5.0/0:30");
	struct lull_time_ctx c = ctx_now(tz, U(2026, 10, 26, 12, 0, 0));
	struct lull_time_note n;

	/* The change: 22:30Z on 24 Oct, local 00:30 -> 23:30. */
	T_EQ_INT(lull_tz_offset(tz, U(2026, 10, 24, 22, 29, 59)), 7200);
	T_EQ_INT(lull_tz_offset(tz, U(2026, 10, 24, 22, 30, 0)), 3600);

	/* after = Sunday 00:10 (summer); "23:45" is Saturday's second one. */
	c.after_utc = U(2026, 10, 24, 22, 10, 0);
	T_EQ_INT(user_ok("23:45", &c, &n), U(2026, 10, 24, 22, 45, 0));
	T_EQ_INT(n.day, D(2026, 10, 24));
	T_EQ_INT(n.res, LULL_TZ_OVERLAP);

	/* now = Saturday 23:50 (winter); "00:20" was Sunday, just now. */
	c.after_utc = INT64_MIN;
	c.now_utc = U(2026, 10, 24, 22, 50, 0);
	T_EQ_INT(user_ok("00:20", &c, &n), U(2026, 10, 24, 22, 20, 0));
	T_EQ_INT(n.day, D(2026, 10, 25));
	lull_tz_free(tz);
}

static void
test_user_errors(void)
{
	static const char *const bad[] = { "", "   ", "12:60", "noon",
		"tomorrow 10:00", "today", "today10:00", "2026-03-28",
		"2026-03-28 10", "10:00:61", "now now", "1:2", "123:00",
		"24:00", "10:00 +25:00", "2026-03-28 10:00 junk", "10", "10:0",
		"2026-03-28 10:00+01:00:00", "2026-03-28T", "T10:00", ":10",
		"10:00Z junk", "nowish", "2026-03-28 10:00 Z Z", "-10:00",
		"yesterday 25:00", "today 10:00 +1" };
	struct lull_tz *be = load("Europe/Berlin");
	struct lull_time_ctx c = ctx_now(be, U(2026, 3, 29, 6, 0, 0));
	char longtext[300];
	const char *msg;
	size_t i;

	T_EQ_STR(user_bad("25:10", "start", &c),
	    "start: \"25:10\" is not a time "
	    "(use HH:MM, YYYY-MM-DD HH:MM or now)");
	T_EQ_STR(user_bad("25:10", NULL, &c),
	    "\"25:10\" is not a time (use HH:MM, YYYY-MM-DD HH:MM or now)");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[80];

		msg = user_bad(bad[i], "end", &c);
		snprintf(want, sizeof(want), "end: \"");
		if (strncmp(msg, want, strlen(want)) != 0) {
			fprintf(stderr, "\"%s\": %s\n", bad[i], msg);
			T_CHECK(!"message names the field and quotes");
		}
	}
	/* An impossible date says so. */
	msg = user_bad("2026-02-30 10:00", "start", &c);
	T_EQ_STR(msg,
	    "start: \"2026-02-30 10:00\" is not a valid date and "
	    "time (use YYYY-MM-DD HH:MM)");
	/* An offset on a bare time has no date to apply to. */
	msg = user_bad("10:00+01:00", "end", &c);
	T_CHECK(strstr(msg, "end: \"10:00+01:00\"") == msg);
	T_CHECK(strstr(msg, "date") != NULL);
	/* Long input is cut in the message, which stays a sentence. */
	memset(longtext, '9', sizeof(longtext) - 1);
	longtext[sizeof(longtext) - 1] = '\0';
	msg = user_bad(longtext, "start", &c);
	T_CHECK(strstr(msg, "...\" is not a time") != NULL);
	T_CHECK(strlen(msg) < 200);
	/* ... and is not cut inside a UTF-8 character. */
	for (i = 0; i + 2 < sizeof(longtext); i += 2)
		memcpy(longtext + i, "\xc3\xa9", 2);
	longtext[i] = '\0';
	msg = user_bad(longtext, "start", &c);
	T_CHECK(strstr(msg, "\xc3\xa9...\"") != NULL);
	/* NULL text */
	msg = user_bad(NULL, "start", &c);
	T_CHECK(strncmp(msg, "start: ", 7) == 0);
	lull_tz_free(be);
}

static const struct t_case cases[] = {
	{ "civil days and weekdays", test_civil },
	{ "date parse", test_date_parse },
	{ "date format", test_date_format },
	{ "HH:MM and local day", test_format_hm },
	{ "rfc3339 format", test_rfc3339_format },
	{ "rfc3339 parse", test_rfc3339_parse },
	{ "rfc3339 round trip", test_rfc3339_roundtrip },
	{ "user time forms", test_user_forms },
	{ "user night across DST", test_user_night_dst },
	{ "user time after_utc", test_user_after },
	{ "user time day and now rules", test_user_day_and_now },
	{ "user time, overlap across midnight", test_user_midnight_overlap },
	{ "user time errors", test_user_errors },
};

T_MAIN(cases)
