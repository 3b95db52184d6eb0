/*
 * Time zones from TZif data (RFC 8536): a parser that treats its input as
 * hostile (every read is bounds-checked, every count is checked against
 * the bytes actually present before anything is allocated), the POSIX TZ
 * rule from the footer, and the conversions between instants and local
 * wall times, including the gap and overlap policy documented in tz.h.
 *
 * Lookups are a binary search on the transition table; past the last
 * transition the footer rule is evaluated for the few years around the
 * instant, so no table is ever extended.
 * SPDX-License-Identifier: ISC
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/tz.h"

#define DAY_SEC 86400

/*
 * RFC 8536 says utoff should lie within (-25h, 26h); POSIX offsets in the
 * footer are at most 24:59:59 either way, plus an hour for the default
 * DST offset.  Holding every offset to these bounds is what lets
 * resolve() look for solutions in a fixed window around the wall time.
 */
#define OFF_MIN (-89999)
#define OFF_MAX 93599

/*
 * Lookups clamp instants to about +-2.2 million years, so that the year
 * arithmetic of the footer rule stays well inside int32 day numbers.
 */
#define T_LIMIT ((int64_t)1 << 46)

/* TZif type indices are one octet, so more types could never be used. */
#define MAX_TYPES 256

/* Longest footer we accept; real ones are under 60 bytes. */
#define MAX_FOOTER 255

/*
 * Segments resolve() may walk before giving up; real zones need two or
 * three, only hostile data with transitions seconds apart needs more.
 */
#define MAX_STEPS 64

struct tztype {
	int32_t utoff;
	int isdst;
	char abbr[8];
};

/* A day of the year in a POSIX TZ rule. */
struct rdate {
	char kind; /* 'J' (1..365, no Feb 29), 'N' (0..365), 'M' */
	int n;     /* for 'J' and 'N' */
	int m;     /* for 'M': month 1..12, week 1..5, weekday 0..6 */
	int w;
	int d;
};

/* The POSIX TZ string from the footer. */
struct tzrule {
	struct tztype std;
	struct tztype dst;
	int has_dst;
	struct rdate start; /* DST starts, at start_sec local standard time */
	struct rdate end;   /* DST ends, at end_sec local daylight time */
	int32_t start_sec;  /* may be negative or beyond 24h (RFC 8536 v3) */
	int32_t end_sec;
};

struct lull_tz {
	char *name;
	int64_t *trans;     /* strictly ascending */
	unsigned char *idx; /* type index per transition */
	size_t ntrans;
	struct tztype *types; /* at least one */
	size_t ntypes;
	int has_rule;
	struct tzrule rule;
};

/* The type in force from an instant up to (not including) "until". */
struct seg {
	const struct tztype *type;
	int64_t until; /* INT64_MAX if it never changes again */
};

/* The counts of a TZif header (RFC 8536 section 3.1). */
struct tzhdr {
	int version; /* 1, 2, 3, 4 ... */
	uint32_t isutcnt;
	uint32_t isstdcnt;
	uint32_t leapcnt;
	uint32_t timecnt;
	uint32_t typecnt;
	uint32_t charcnt;
};

/* A cursor over the input that never moves past its end. */
struct rd {
	const unsigned char *p;
	size_t len;
	size_t off;
};

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b) != 0 && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int64_t
clamp_t(int64_t t)
{
	if (t > T_LIMIT)
		return T_LIMIT;
	if (t < -T_LIMIT)
		return -T_LIMIT;
	return t;
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int64_t y, int m)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	if (m == 2 && is_leap(y))
		return 29;
	return mdays[m - 1];
}

/*
 * Reading.
 */

static int
rd_has(const struct rd *r, uint64_t n)
{
	return r->off <= r->len && n <= (uint64_t)(r->len - r->off);
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int64_t
be_time(const unsigned char *p, int tsize)
{
	uint64_t u;

	if (tsize == 4)
		return (int32_t)be32(p);
	u = (uint64_t)be32(p) << 32 | be32(p + 4);
	/* Two's complement by hand: converting a big uint64 is not portable. */
	if (u > (uint64_t)INT64_MAX)
		return -(int64_t)(~u) - 1;
	return (int64_t)u;
}

static enum lull_err
bad(struct lull_errinfo *ei, const char *name, const char *why)
{
	return lull_errinfo_set(ei, LULL_EINVAL, "tz",
	    "time zone \"%.64s\": %s", name, why);
}

static enum lull_err
hdr_read(struct rd *r, struct tzhdr *h, const char *name,
    struct lull_errinfo *ei)
{
	const unsigned char *p;

	if (!rd_has(r, 44))
		return bad(ei, name, "truncated TZif header");
	p = r->p + r->off;
	if (memcmp(p, "TZif", 4) != 0)
		return bad(ei, name, "not TZif data (bad magic)");
	/*
	 * Version 1 is a NUL; later ones are ASCII digits.  Versions past 4
	 * are read as 4: RFC 8536 only ever extends the format compatibly.
	 */
	if (p[4] == 0)
		h->version = 1;
	else if (p[4] >= '2' && p[4] <= '9')
		h->version = p[4] - '0';
	else
		return bad(ei, name, "unknown TZif version");
	h->isutcnt = be32(p + 20);
	h->isstdcnt = be32(p + 24);
	h->leapcnt = be32(p + 28);
	h->timecnt = be32(p + 32);
	h->typecnt = be32(p + 36);
	h->charcnt = be32(p + 40);
	r->off += 44;
	if (h->typecnt == 0)
		return bad(ei, name, "no local time types");
	if (h->typecnt > MAX_TYPES)
		return bad(ei, name, "too many local time types");
	if (h->isutcnt != 0 && h->isutcnt != h->typecnt)
		return bad(ei, name, "UT indicator count mismatch");
	if (h->isstdcnt != 0 && h->isstdcnt != h->typecnt)
		return bad(ei, name, "standard indicator count mismatch");
	return LULL_OK;
}

/* Bytes of a data block; the counts are 32-bit, so this cannot overflow. */
static uint64_t
block_size(const struct tzhdr *h, int tsize)
{
	return (uint64_t)h->timecnt * (uint64_t)tsize + h->timecnt +
	    (uint64_t)h->typecnt * 6 + h->charcnt +
	    (uint64_t)h->leapcnt * (uint64_t)(tsize + 4) + h->isstdcnt +
	    h->isutcnt;
}

/*
 * Read one data block into tz.  The caller has checked that the whole
 * block is present, so the reads below stay in bounds by construction;
 * what is checked here are the values.
 */
static enum lull_err
block_read(struct rd *r, const struct tzhdr *h, int tsize, struct lull_tz *tz,
    const char *name, struct lull_errinfo *ei)
{
	const unsigned char *p = r->p + r->off, *chars, *leap;
	int64_t prev_occ = 0;
	int32_t corr = 0;
	size_t i, k;

	if (h->timecnt > 0) {
		tz->trans = malloc(h->timecnt * sizeof(*tz->trans));
		tz->idx = malloc(h->timecnt);
		if (tz->trans == NULL || tz->idx == NULL)
			return lull_errinfo_set(ei, LULL_ENOMEM, "tz",
			    "out of memory loading time zone");
	}
	tz->types = calloc(h->typecnt, sizeof(*tz->types));
	if (tz->types == NULL)
		return lull_errinfo_set(ei, LULL_ENOMEM, "tz",
		    "out of memory loading time zone");
	tz->ntrans = h->timecnt;
	tz->ntypes = h->typecnt;

	for (i = 0; i < h->timecnt; i++, p += tsize)
		tz->trans[i] = be_time(p, tsize);
	for (i = 0; i < h->timecnt; i++, p++) {
		if (*p >= h->typecnt)
			return bad(ei, name, "transition type out of range");
		tz->idx[i] = *p;
	}
	chars = p + (size_t)h->typecnt * 6;
	for (i = 0; i < h->typecnt; i++, p += 6) {
		int32_t utoff = (int32_t)be32(p);
		size_t desig = p[5], n;
		const unsigned char *nul;

		if (utoff < OFF_MIN || utoff > OFF_MAX)
			return bad(ei, name, "UT offset out of range");
		if (p[4] > 1)
			return bad(ei, name, "bad DST indicator");
		if (desig >= h->charcnt)
			return bad(ei, name, "designation index out of range");
		nul = memchr(chars + desig, 0, h->charcnt - desig);
		if (nul == NULL)
			return bad(ei, name, "unterminated designation");
		n = (size_t)(nul - (chars + desig));
		if (n >= sizeof(tz->types[i].abbr))
			n = sizeof(tz->types[i].abbr) - 1;
		tz->types[i].utoff = utoff;
		tz->types[i].isdst = p[4];
		memcpy(tz->types[i].abbr, chars + desig, n);
		tz->types[i].abbr[n] = '\0';
	}
	p = chars + h->charcnt;

	/*
	 * Leap-second records (the "right/" zones) mean the transition times
	 * count leap seconds; we work in POSIX time, so take off the
	 * correction in force at each transition.  Both lists are sorted, so
	 * one merge pass finds it.
	 */
	leap = p;
	for (i = 0; i < h->leapcnt; i++, p += tsize + 4) {
		int64_t occ = be_time(p, tsize);
		int32_t c = (int32_t)be32(p + tsize);

		if (i > 0 && occ <= prev_occ)
			return bad(ei, name, "leap seconds out of order");
		if (c < -1000000 || c > 1000000)
			return bad(ei, name,
			    "leap second correction out of range");
		prev_occ = occ;
	}
	for (i = 0, k = 0; h->leapcnt > 0 && i < h->timecnt; i++) {
		while (k < h->leapcnt &&
		    be_time(leap + k * (size_t)(tsize + 4), tsize) <=
			tz->trans[i]) {
			corr = (int32_t)be32(leap + k * (size_t)(tsize + 4) +
			    tsize);
			k++;
		}
		/* Far-off sentinels stay put rather than overflow. */
		if (tz->trans[i] > INT64_MIN / 2 &&
		    tz->trans[i] < INT64_MAX / 2)
			tz->trans[i] -= corr;
	}
	/* Checked after the leap-second pass, which moves the times. */
	for (i = 1; i < h->timecnt; i++)
		if (tz->trans[i] <= tz->trans[i - 1])
			return bad(ei, name, "transition times out of order");
	for (i = 0; i < (size_t)h->isstdcnt + h->isutcnt; i++, p++)
		if (*p > 1)
			return bad(ei, name, "bad standard/UT indicator");
	r->off += (size_t)block_size(h, tsize);
	return LULL_OK;
}

/*
 * The POSIX TZ string.  Each helper advances *sp past what it accepted
 * and returns 0 if the text does not fit the grammar.
 */

static int
num(const char **sp, int maxdigits, int *out)
{
	const char *s = *sp;
	int v = 0, n = 0;

	while (n < maxdigits && *s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		n++;
	}
	if (n == 0)
		return 0;
	*sp = s;
	*out = v;
	return 1;
}

static int
abbr_parse(const char **sp, char *out, size_t outsz)
{
	const char *s = *sp, *b;
	size_t n;

	if (*s == '<') {
		b = ++s;
		while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '+' || *s == '-')
			s++;
		if (*s != '>')
			return 0;
		n = (size_t)(s - b);
		s++;
	} else {
		b = s;
		while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
			s++;
		n = (size_t)(s - b);
	}
	if (n < 3) /* POSIX asks for at least three characters */
		return 0;
	*sp = s;
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, b, n);
	out[n] = '\0';
	return 1;
}

/* [+-]hh[:mm[:ss]] with hh <= maxh; the value in seconds. */
static int
hms_parse(const char **sp, int maxh, int32_t *out)
{
	const char *s = *sp;
	int neg = 0, h, m = 0, sec = 0;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (!num(&s, 3, &h) || h > maxh)
		return 0;
	if (*s == ':') {
		s++;
		if (!num(&s, 2, &m) || m > 59)
			return 0;
		if (*s == ':') {
			s++;
			if (!num(&s, 2, &sec) || sec > 59)
				return 0;
		}
	}
	*sp = s;
	*out = (int32_t)(h * 3600 + m * 60 + sec) * (neg ? -1 : 1);
	return 1;
}

static int
rdate_parse(const char **sp, struct rdate *d)
{
	const char *s = *sp;

	memset(d, 0, sizeof(*d));
	if (*s == 'J') {
		s++;
		d->kind = 'J';
		if (!num(&s, 3, &d->n) || d->n < 1 || d->n > 365)
			return 0;
	} else if (*s == 'M') {
		s++;
		d->kind = 'M';
		if (!num(&s, 2, &d->m) || d->m < 1 || d->m > 12 || *s++ != '.')
			return 0;
		if (!num(&s, 1, &d->w) || d->w < 1 || d->w > 5 || *s++ != '.')
			return 0;
		if (!num(&s, 1, &d->d) || d->d > 6)
			return 0;
	} else {
		d->kind = 'N';
		if (!num(&s, 3, &d->n) || d->n > 365)
			return 0;
	}
	*sp = s;
	return 1;
}

/* ",date[/time]": the default time of day is 02:00. */
static int
change_parse(const char **sp, struct rdate *d, int32_t *at)
{
	const char *s = *sp;

	if (*s++ != ',' || !rdate_parse(&s, d))
		return 0;
	*at = 2 * 3600;
	if (*s == '/') {
		s++;
		/* RFC 8536 version 3 widens the hours to -167..167. */
		if (!hms_parse(&s, 167, at))
			return 0;
	}
	*sp = s;
	return 1;
}

static int
rule_parse(const char *s, struct tzrule *r)
{
	int32_t off;

	memset(r, 0, sizeof(*r));
	if (!abbr_parse(&s, r->std.abbr, sizeof(r->std.abbr)) ||
	    !hms_parse(&s, 24, &off))
		return 0;
	r->std.utoff = -off; /* POSIX counts west of Greenwich as positive */
	if (*s == '\0')
		return 1;
	if (!abbr_parse(&s, r->dst.abbr, sizeof(r->dst.abbr)))
		return 0;
	r->has_dst = 1;
	r->dst.isdst = 1;
	r->dst.utoff = r->std.utoff + 3600;
	if (*s != ',' && *s != '\0') {
		if (!hms_parse(&s, 24, &off))
			return 0;
		r->dst.utoff = -off;
	}
	if (*s == '\0') {
		/* No rule given: POSIX leaves it open; tzcode uses US rules. */
		s = ",M3.2.0,M11.1.0";
	}
	if (!change_parse(&s, &r->start, &r->start_sec) ||
	    !change_parse(&s, &r->end, &r->end_sec))
		return 0;
	return *s == '\0';
}

static enum lull_err
footer_read(struct rd *r, struct lull_tz *tz, const char *name,
    struct lull_errinfo *ei)
{
	const unsigned char *b, *nl;
	char text[MAX_FOOTER + 1];
	size_t n;

	if (!rd_has(r, 1) || r->p[r->off] != '\n')
		return bad(ei, name, "missing TZ string footer");
	b = r->p + r->off + 1;
	nl = memchr(b, '\n', r->len - r->off - 1);
	if (nl == NULL)
		return bad(ei, name, "unterminated TZ string footer");
	n = (size_t)(nl - b);
	if (n > MAX_FOOTER || memchr(b, 0, n) != NULL)
		return bad(ei, name, "malformed TZ string footer");
	r->off += n + 2;
	if (n == 0)
		return LULL_OK; /* no rule: the last type stays in force */
	memcpy(text, b, n);
	text[n] = '\0';
	if (!rule_parse(text, &tz->rule))
		return lull_errinfo_set(ei, LULL_EINVAL, "tz",
		    "time zone \"%.64s\": bad TZ string \"%.64s\"", name, text);
	tz->has_rule = 1;
	return LULL_OK;
}

enum lull_err
lull_tz_parse(struct lull_tz **out, const char *name, const unsigned char *data,
    size_t len, struct lull_errinfo *ei)
{
	struct lull_tz *tz;
	struct tzhdr h;
	struct rd r = { data, len, 0 };
	enum lull_err e;
	size_t namelen;

	*out = NULL;
	if (name == NULL)
		name = "";
	if (data == NULL)
		return bad(ei, name, "no data");
	if ((e = hdr_read(&r, &h, name, ei)) != LULL_OK)
		return e;
	if (!rd_has(&r, block_size(&h, 4)))
		return bad(ei, name, "truncated TZif data");
	if ((tz = calloc(1, sizeof(*tz))) == NULL)
		return lull_errinfo_set(ei, LULL_ENOMEM, "tz",
		    "out of memory loading time zone");
	namelen = strlen(name);
	if ((tz->name = malloc(namelen + 1)) == NULL) {
		free(tz);
		return lull_errinfo_set(ei, LULL_ENOMEM, "tz",
		    "out of memory loading time zone");
	}
	memcpy(tz->name, name, namelen + 1);

	if (h.version == 1) {
		/* Only the 32-bit block exists, and there is no footer. */
		e = block_read(&r, &h, 4, tz, name, ei);
	} else {
		/*
		 * Skip the version 1 block; the second header and its 64-bit
		 * block describe the same zone over a wider range.
		 */
		r.off += (size_t)block_size(&h, 4);
		if ((e = hdr_read(&r, &h, name, ei)) != LULL_OK)
			goto fail;
		if (h.version == 1) {
			e = bad(ei, name, "second header is version 1");
			goto fail;
		}
		if (!rd_has(&r, block_size(&h, 8))) {
			e = bad(ei, name, "truncated TZif data");
			goto fail;
		}
		if ((e = block_read(&r, &h, 8, tz, name, ei)) != LULL_OK)
			goto fail;
		e = footer_read(&r, tz, name, ei);
	}
	if (e != LULL_OK)
		goto fail;
	*out = tz;
	return LULL_OK;
fail:
	lull_tz_free(tz);
	return e;
}

enum lull_err
lull_tz_utc(struct lull_tz **out)
{
	struct lull_tz *tz;

	*out = NULL;
	if ((tz = calloc(1, sizeof(*tz))) == NULL)
		return LULL_ENOMEM;
	tz->name = malloc(sizeof("UTC"));
	tz->types = calloc(1, sizeof(*tz->types));
	if (tz->name == NULL || tz->types == NULL) {
		lull_tz_free(tz);
		return LULL_ENOMEM;
	}
	memcpy(tz->name, "UTC", sizeof("UTC"));
	memcpy(tz->types[0].abbr, "UTC", sizeof("UTC"));
	tz->ntypes = 1;
	*out = tz;
	return LULL_OK;
}

void
lull_tz_free(struct lull_tz *tz)
{
	if (tz == NULL)
		return;
	free(tz->name);
	free(tz->trans);
	free(tz->idx);
	free(tz->types);
	free(tz);
}

const char *
lull_tz_name(const struct lull_tz *tz)
{
	return tz->name;
}

/*
 * Conversions.
 */

/* The civil day number on which a rule date falls in year y. */
static int64_t
rdate_day(const struct rdate *d, int64_t y)
{
	int64_t jan1 = lull_days_from_civil((int)y, 1, 1), first, day;
	int wd;

	switch (d->kind) {
	case 'J':
		/* Julian days never count Feb 29, so J60 is always Mar 1. */
		return jan1 + d->n - 1 + (is_leap(y) && d->n >= 60);
	case 'N':
		return jan1 + d->n;
	default:
		break;
	}
	first = lull_days_from_civil((int)y, d->m, 1);
	wd = (int)((first % 7 + 11) % 7); /* day 0 was a Thursday */
	day = first + (d->d - wd + 7) % 7 + (int64_t)(d->w - 1) * 7;
	/* Week 5 means the last such weekday, which may be the fourth. */
	while (day >= first + month_days(y, d->m))
		day -= 7;
	return day;
}

/*
 * The footer rule at t.  The changes of the years around t are computed
 * and the latest one at or before t wins; looking two years either way
 * covers change times shifted by up to a week across a year boundary.
 * Ties go to the later change in rule order, which makes a rule such as
 * "EST5EDT4,0/0,J365/25" (DST all year) come out as DST throughout.
 */
static void
rule_seg(const struct tzrule *r, int64_t t, struct seg *s)
{
	const struct tztype *best = &r->std;
	int64_t best_t = INT64_MIN, next = INT64_MAX, y, at[2];
	int yr, mo, dd, k;

	if (!r->has_dst) {
		s->type = &r->std;
		s->until = INT64_MAX;
		return;
	}
	t = clamp_t(t);
	lull_civil_from_days((int32_t)floor_div(t + r->std.utoff, DAY_SEC), &yr,
	    &mo, &dd);
	for (y = (int64_t)yr - 2; y <= (int64_t)yr + 2; y++) {
		at[0] = rdate_day(&r->start, y) * DAY_SEC + r->start_sec -
		    r->std.utoff;
		at[1] =
		    rdate_day(&r->end, y) * DAY_SEC + r->end_sec - r->dst.utoff;
		for (k = 0; k < 2; k++) {
			if (at[k] <= t && at[k] >= best_t) {
				best_t = at[k];
				best = k == 0 ? &r->dst : &r->std;
			}
			if (at[k] > t && at[k] < next)
				next = at[k];
		}
	}
	s->type = best;
	s->until = next;
	if (t == T_LIMIT)
		s->until = INT64_MAX;
}

/* The type in force at t and how long it lasts. */
static void
lookup(const struct lull_tz *tz, int64_t t, struct seg *s)
{
	size_t lo = 0, hi = tz->ntrans, mid, n = tz->ntrans;

	if (n == 0) {
		if (tz->has_rule) {
			rule_seg(&tz->rule, t, s);
		} else {
			s->type = &tz->types[0];
			s->until = INT64_MAX;
		}
		return;
	}
	/* lo becomes the number of transitions at or before t. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (tz->trans[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0) {
		/* RFC 8536: before the first transition, type 0 applies. */
		s->type = &tz->types[0];
		s->until = tz->trans[0];
	} else if (lo < n) {
		s->type = &tz->types[tz->idx[lo - 1]];
		s->until = tz->trans[lo];
	} else if (!tz->has_rule || t == tz->trans[n - 1]) {
		/* The footer governs only instants after the last change. */
		s->type = &tz->types[tz->idx[n - 1]];
		s->until = tz->has_rule ? t + 1 : INT64_MAX;
	} else {
		rule_seg(&tz->rule, t, s);
	}
}

void
lull_tz_local(const struct lull_tz *tz, int64_t utc, struct lull_local *out)
{
	struct seg s;
	int64_t day, sec;

	lookup(tz, utc, &s);
	/* Split before adding the offset, so no extreme utc overflows. */
	day = floor_div(utc, DAY_SEC);
	sec = utc % DAY_SEC;
	if (sec < 0)
		sec += DAY_SEC;
	sec += s.type->utoff;
	day += floor_div(sec, DAY_SEC);
	sec -= floor_div(sec, DAY_SEC) * DAY_SEC;
	if (day > INT32_MAX)
		day = INT32_MAX;
	if (day < INT32_MIN + 1)
		day = INT32_MIN + 1; /* INT32_MIN is LULL_NO_DAY */
	out->day = (int32_t)day;
	out->sec = (int32_t)sec;
	out->offset_sec = s.type->utoff;
	out->is_dst = s.type->isdst;
	memcpy(out->abbr, s.type->abbr, sizeof(out->abbr));
}

int32_t
lull_tz_offset(const struct lull_tz *tz, int64_t utc)
{
	struct seg s;

	lookup(tz, utc, &s);
	return s.type->utoff;
}

/*
 * All instants t with t + offset(t) == w lie within [w - OFF_MAX,
 * w - OFF_MIN], so walk the segments covering that window and collect
 * the solutions.  None means w fell in a gap: gap_at is then the change
 * that caused it and the answer uses the offset in force before it.
 */
static enum lull_tz_res
resolve(const struct lull_tz *tz, int64_t w, enum lull_fold fold, int64_t *utc,
    int64_t *gap_at)
{
	struct seg s;
	int64_t t = w - OFF_MAX, first = 0, last = 0, cand, gap_t = 0;
	int32_t prev;
	int n = 0, have_gap = 0, i;

	*gap_at = 0;
	lookup(tz, t, &s);
	for (i = 0; i < MAX_STEPS; i++) {
		cand = w - s.type->utoff;
		if (cand >= t && cand < s.until) {
			if (n++ == 0)
				first = cand;
			last = cand;
		}
		if (s.until == INT64_MAX || s.until > w - OFF_MIN)
			break;
		prev = s.type->utoff;
		t = s.until;
		lookup(tz, t, &s);
		if (!have_gap && w >= t + prev && w < t + s.type->utoff) {
			have_gap = 1;
			gap_t = w - prev;
			*gap_at = t;
		}
	}
	if (n == 1) {
		*utc = first;
		return LULL_TZ_EXACT;
	}
	if (n > 1) {
		*utc = fold == LULL_FOLD_LATER ? last : first;
		return LULL_TZ_OVERLAP;
	}
	if (!have_gap) {
		/* Only reachable with hostile data that exhausted MAX_STEPS. */
		lookup(tz, w, &s);
		gap_t = w - s.type->utoff;
		*gap_at = gap_t;
	}
	*utc = gap_t;
	return LULL_TZ_GAP;
}

enum lull_tz_res
lull_tz_resolve(const struct lull_tz *tz, int32_t day, int32_t sec,
    enum lull_fold fold, int64_t *utc)
{
	int64_t gap_at;

	return resolve(tz, (int64_t)day * DAY_SEC + sec, fold, utc, &gap_at);
}

int64_t
lull_tz_day_start(const struct lull_tz *tz, int32_t day)
{
	int64_t utc, gap_at;

	/*
	 * If midnight was skipped, the day starts at the change itself: the
	 * first wall time it shows is the first that exists on that day.
	 */
	if (resolve(tz, (int64_t)day * DAY_SEC, LULL_FOLD_EARLIER, &utc,
		&gap_at) == LULL_TZ_GAP)
		return gap_at;
	return utc;
}
