/*
 * Calendar arithmetic (Howard Hinnant's days_from_civil and
 * civil_from_days, exact over the whole proleptic Gregorian calendar) and
 * the readers and writers for dates and times: strict RFC 3339 for files,
 * and the forgiving forms people type on the command line, resolved in a
 * zone with "now" passed in, never read from a clock.
 * SPDX-License-Identifier: ISC
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/tz.h"

#define DAY_SEC 86400

/* Longest user input we look at; anything longer is not a time. */
#define USER_MAX 64

static const char *const wdays[7] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri",
	"Sat" };
static const char *const months[12] = { "Jan", "Feb", "Mar", "Apr", "May",
	"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* The hints carry their parentheses: the layering grep flags "time" + "(". */
static const char user_hint[] = "(use HH:MM, YYYY-MM-DD HH:MM or now)";
static const char rfc_hint[] = "(use YYYY-MM-DDTHH:MM:SS+hh:mm)";

int32_t
lull_days_from_civil(int y, int m, int d)
{
	/* 64-bit inside, so that no int year can overflow on the way. */
	int64_t yy = (int64_t)y - (m <= 2), era, yoe, doy, doe;

	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void
lull_civil_from_days(int32_t day, int *y, int *m, int *d)
{
	int64_t z = (int64_t)day + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
lull_weekday(int32_t day)
{
	/* Day 0, 1970-01-01, was a Thursday. */
	return (int)((((int64_t)day % 7) + 11) % 7);
}

static int
month_days(int y, int m)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return mdays[m - 1];
}

/*
 * Copy user text for an error message: bounded, so that a pasted essay
 * cannot push the sentence out of msg[], and with quotes and control
 * characters replaced, so that the quoting stays unambiguous.
 */
static const char *
quote(const char *s, char *buf, size_t bufsz)
{
	size_t i, n = 0, max = bufsz - 4;

	for (i = 0; s[i] != '\0' && n < max; i++) {
		unsigned char c = (unsigned char)s[i];

		buf[n++] = (c < 0x20 || c == 0x7f || c == '"') ? '?' : (char)c;
	}
	if (s[i] != '\0') {
		/* Cut before a whole UTF-8 character, never inside one. */
		while (n > 0 && ((unsigned char)buf[n - 1] & 0xc0) == 0x80)
			n--;
		if (n > 0 && ((unsigned char)buf[n - 1] & 0xc0) == 0xc0)
			n--;
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
	return buf;
}

/* "field: " before a message, or nothing when there is no field. */
static const char *
sep(const char *field)
{
	return field != NULL && *field != '\0' ? ": " : "";
}

static const char *
fld(const char *field)
{
	return field != NULL ? field : "";
}

/* Exactly n digits. */
static int
digits(const char **sp, int n, int *out)
{
	const char *s = *sp;
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*sp = s + n;
	*out = v;
	return 1;
}

/* YYYY-MM-DD at *sp, checked against the calendar. */
static int
scan_date(const char **sp, int32_t *day)
{
	const char *s = *sp;
	int y, m, d;

	if (!digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &m) ||
	    *s++ != '-' || !digits(&s, 2, &d))
		return 0;
	if (m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return 0;
	*sp = s;
	*day = lull_days_from_civil(y, m, d);
	return 1;
}

/*
 * HH:MM[:SS], seconds since midnight.  People may write H:MM; RFC 3339
 * ("strict") wants two-digit hours and the seconds.
 */
static int
scan_hms(const char **sp, int strict, int32_t *sec)
{
	const char *s = *sp;
	int h, m, ss = 0;

	if (!digits(&s, 2, &h) && (strict || !digits(&s, 1, &h)))
		return 0;
	if (*s++ != ':' || !digits(&s, 2, &m))
		return 0;
	if (*s == ':') {
		s++;
		if (!digits(&s, 2, &ss))
			return 0;
	} else if (strict) {
		return 0;
	}
	if (h > 23 || m > 59 || ss > 59)
		return 0;
	*sp = s;
	*sec = h * 3600 + m * 60 + ss;
	return 1;
}

/*
 * Z, or +hh:mm / -hh:mm; people may also write +hhmm or +hh.  The
 * offset is local minus UTC, in seconds.
 */
static int
scan_offset(const char **sp, int strict, int32_t *off)
{
	const char *s = *sp;
	int neg, h, m = 0;

	if (*s == 'Z' || *s == 'z') {
		*sp = s + 1;
		*off = 0;
		return 1;
	}
	if (*s != '+' && *s != '-')
		return 0;
	neg = *s++ == '-';
	if (!digits(&s, 2, &h))
		return 0;
	if (*s == ':') {
		s++;
		if (!digits(&s, 2, &m))
			return 0;
	} else if (strict) {
		return 0;
	} else if (*s >= '0' && *s <= '9') {
		if (!digits(&s, 2, &m))
			return 0;
	}
	if (h > 23 || m > 59)
		return 0;
	*sp = s;
	*off = (h * 3600 + m * 60) * (neg ? -1 : 1);
	return 1;
}

enum lull_err
lull_date_parse(const char *s, const char *field, int32_t *day,
    struct lull_errinfo *ei)
{
	char q[USER_MAX];
	const char *p = s;

	*day = LULL_NO_DAY;
	if (s == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s%sa date is missing (use YYYY-MM-DD)", fld(field),
		    sep(field));
	if (!scan_date(&p, day) || *p != '\0') {
		*day = LULL_NO_DAY;
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s%s\"%s\" is not a valid date (use YYYY-MM-DD)",
		    fld(field), sep(field), quote(s, q, sizeof(q)));
	}
	return LULL_OK;
}

/*
 * Two and four digits by hand: these formats run for every time of every
 * entry a page or an API answer shows, where snprintf() was the larger
 * part of the cost.  The same text as "%02d" and "%04d" for 0..99 and
 * 0..9999; anything else goes to snprintf().
 */
static char *
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

static char *
put_date(char *p, int y, int m, int d)
{
	p = put2(p, y / 100);
	p = put2(p, y % 100);
	*p++ = '-';
	p = put2(p, m);
	*p++ = '-';
	return put2(p, d);
}

void
lull_date_format(int32_t day, char *buf, size_t bufsz)
{
	int y, m, d;

	if (bufsz == 0)
		return;
	lull_civil_from_days(day, &y, &m, &d);
	if (bufsz > 10 && y >= 0 && y <= 9999) {
		*put_date(buf, y, m, d) = '\0';
		return;
	}
	snprintf(buf, bufsz, "%04d-%02d-%02d", y, m, d);
}

void
lull_date_format_long(int32_t day, char *buf, size_t bufsz)
{
	int y, m, d;

	if (bufsz == 0)
		return;
	lull_civil_from_days(day, &y, &m, &d);
	snprintf(buf, bufsz, "%s %d %s %d", wdays[lull_weekday(day)], d,
	    months[m - 1], y);
}

void
lull_time_format_hm(const struct lull_tz *tz, int64_t utc, char *buf,
    size_t bufsz)
{
	struct lull_local l;

	if (bufsz == 0)
		return;
	lull_tz_local(tz, utc, &l);
	if (bufsz > 5 && l.sec >= 0 && l.sec < 100 * 3600) {
		char *p = put2(buf, (int)(l.sec / 3600));

		*p++ = ':';
		*put2(p, (int)(l.sec / 60 % 60)) = '\0';
		return;
	}
	snprintf(buf, bufsz, "%02d:%02d", (int)(l.sec / 3600),
	    (int)(l.sec / 60 % 60));
}

int32_t
lull_local_day(const struct lull_tz *tz, int64_t utc)
{
	struct lull_local l;

	lull_tz_local(tz, utc, &l);
	return l.day;
}

void
lull_time_format_rfc3339(const struct lull_tz *tz, int64_t utc, char *buf,
    size_t bufsz)
{
	int64_t local, day, sec;
	int32_t off;
	int y, mo, d, aoff;

	if (bufsz == 0)
		return;
	/*
	 * RFC 3339 offsets have no seconds, but local mean time does (Berlin
	 * was +00:53:28).  Round the offset to the minute and show the wall
	 * time for that offset, so the text still names the exact instant.
	 */
	off = lull_tz_offset(tz, utc);
	off = (off >= 0 ? off + 30 : off - 30) / 60 * 60;
	local = utc + off;
	day = local / DAY_SEC - (local % DAY_SEC < 0);
	sec = local - day * DAY_SEC;
	lull_civil_from_days((int32_t)day, &y, &mo, &d);
	aoff = off < 0 ? -off : off;
	if (bufsz > 25 && y >= 0 && y <= 9999 && aoff < 100 * 3600) {
		char *p = put_date(buf, y, mo, d);

		*p++ = 'T';
		p = put2(p, (int)(sec / 3600));
		*p++ = ':';
		p = put2(p, (int)(sec / 60 % 60));
		*p++ = ':';
		p = put2(p, (int)(sec % 60));
		*p++ = off < 0 ? '-' : '+';
		p = put2(p, aoff / 3600);
		*p++ = ':';
		*put2(p, aoff / 60 % 60) = '\0';
		return;
	}
	snprintf(buf, bufsz, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo,
	    d, (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60),
	    off < 0 ? '-' : '+', aoff / 3600, aoff / 60 % 60);
}

enum lull_err
lull_time_parse_rfc3339(const char *s, const char *field, int64_t *utc,
    struct lull_errinfo *ei)
{
	char q[USER_MAX];
	const char *p = s;
	int32_t day, sec, off;

	*utc = 0;
	if (s == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s%sa timestamp is missing %s", fld(field), sep(field),
		    rfc_hint);
	if (!scan_date(&p, &day) || (*p != 'T' && *p != 't' && *p != ' '))
		goto bad;
	p++;
	if (!scan_hms(&p, 1, &sec))
		goto bad;
	if (*p == '.') {
		/* Fractions are allowed and dropped: we keep whole seconds. */
		if (p[1] < '0' || p[1] > '9')
			goto bad;
		for (p++; *p >= '0' && *p <= '9'; p++)
			continue;
	}
	if (*p == '\0')
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s%s\"%s\" has no UTC offset, add Z or +hh:mm %s",
		    fld(field), sep(field), quote(s, q, sizeof(q)), rfc_hint);
	if (!scan_offset(&p, 1, &off) || *p != '\0')
		goto bad;
	*utc = (int64_t)day * DAY_SEC + sec - off;
	return LULL_OK;
bad:
	return lull_errinfo_set(ei, LULL_EINVAL, field,
	    "%s%s\"%s\" is not an RFC 3339 timestamp %s", fld(field),
	    sep(field), quote(s, q, sizeof(q)), rfc_hint);
}

/*
 * The instants at which the wall clock of "tz" showed (day, sec): one, or
 * two in an overlap (earlier first).  A wall time in a gap counts as the
 * single instant tz.h shifts it to.
 */
static int
occurrences(const struct lull_tz *tz, int32_t day, int32_t sec, int64_t at[2],
    enum lull_tz_res *res)
{
	*res = lull_tz_resolve(tz, day, sec, LULL_FOLD_EARLIER, &at[0]);
	if (*res != LULL_TZ_OVERLAP)
		return 1;
	(void)lull_tz_resolve(tz, day, sec, LULL_FOLD_LATER, &at[1]);
	return 2;
}

/* A dated wall time: the earlier fold, unless "after" says otherwise. */
static enum lull_tz_res
dated(const struct lull_time_ctx *ctx, int32_t day, int32_t sec, int64_t *utc)
{
	enum lull_tz_res res;
	int64_t at[2];

	if (occurrences(ctx->tz, day, sec, at, &res) == 2 &&
	    ctx->after_utc != INT64_MIN && at[0] <= ctx->after_utc &&
	    at[1] > ctx->after_utc)
		*utc = at[1];
	else
		*utc = at[0];
	return res;
}

/*
 * A bare wall time: the first occurrence after ctx->after_utc, on
 * ctx->day, or the latest at or before now.  Candidates come from the
 * days around the reference, since an overlap near midnight can put an
 * occurrence of the previous day's wall time after the reference.
 */
static enum lull_tz_res
bare(const struct lull_time_ctx *ctx, int32_t sec, int64_t *utc, int32_t *dayp)
{
	enum lull_tz_res res, best_res = LULL_TZ_EXACT;
	int64_t at[2], best = 0;
	int32_t ref, d;
	int n, k, found = 0;

	if (ctx->after_utc == INT64_MIN && ctx->day != LULL_NO_DAY) {
		*dayp = ctx->day;
		return dated(ctx, ctx->day, sec, utc);
	}
	if (ctx->after_utc != INT64_MIN) {
		ref = lull_local_day(ctx->tz, ctx->after_utc);
		for (d = ref - 1; d <= ref + 2; d++) {
			n = occurrences(ctx->tz, d, sec, at, &res);
			for (k = 0; k < n; k++) {
				if (at[k] > ctx->after_utc &&
				    (!found || at[k] < best)) {
					found = 1;
					best = at[k];
					best_res = res;
					*dayp = d;
				}
			}
		}
	} else {
		ref = lull_local_day(ctx->tz, ctx->now_utc);
		for (d = ref - 2; d <= ref + 1; d++) {
			n = occurrences(ctx->tz, d, sec, at, &res);
			for (k = 0; k < n; k++) {
				if (at[k] <= ctx->now_utc &&
				    (!found || at[k] > best)) {
					found = 1;
					best = at[k];
					best_res = res;
					*dayp = d;
				}
			}
		}
	}
	if (!found) {
		/* Not reachable for sane zones; stay defined regardless. */
		*dayp = ref;
		return dated(ctx, ref, sec, utc);
	}
	*utc = best;
	return best_res;
}

/* Compare a word case-insensitively and step over it. */
static int
word(const char **sp, const char *w)
{
	const char *s = *sp;

	for (; *w != '\0'; s++, w++) {
		char c = *s;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != *w)
			return 0;
	}
	*sp = s;
	return 1;
}

enum lull_err
lull_time_parse_user(const char *s, const char *field,
    const struct lull_time_ctx *ctx, int64_t *utc, struct lull_time_note *note,
    struct lull_errinfo *ei)
{
	struct lull_time_note nb;
	char text[USER_MAX + 1], q[USER_MAX];
	const char *p;
	size_t n;
	int32_t day = LULL_NO_DAY, sec, off;
	int has_day = 0, has_off = 0;
	int64_t t;

	assert(ctx != NULL && ctx->tz != NULL);
	*utc = 0;
	if (note == NULL)
		note = &nb;
	note->res = LULL_TZ_EXACT;
	note->day = LULL_NO_DAY;
	note->sec = 0;
	if (s == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s%sa time is missing %s", fld(field), sep(field),
		    user_hint);

	/* Work on a trimmed copy; surrounding blanks are not an error. */
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 &&
	    (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		s[n - 1] == '\r'))
		n--;
	if (n > USER_MAX)
		goto bad;
	memcpy(text, s, n);
	text[n] = '\0';
	p = text;

	if (word(&p, "now") && *p == '\0') {
		struct lull_local l;

		lull_tz_local(ctx->tz, ctx->now_utc, &l);
		note->day = l.day;
		note->sec = l.sec;
		*utc = ctx->now_utc;
		return LULL_OK;
	}
	p = text;
	if (word(&p, "today") || word(&p, "yesterday")) {
		if (*p != ' ' && *p != '\t')
			goto bad;
		day = lull_local_day(ctx->tz, ctx->now_utc) -
		    (text[0] == 'y' || text[0] == 'Y');
		has_day = 1;
		while (*p == ' ' || *p == '\t')
			p++;
	} else if (scan_date(&p, &day)) {
		has_day = 1;
		if (*p == 'T' || *p == 't') {
			p++;
		} else if (*p == ' ' || *p == '\t') {
			while (*p == ' ' || *p == '\t')
				p++;
		} else {
			goto bad;
		}
	} else if (n >= 10 && text[4] == '-' && text[7] == '-') {
		/* Shaped like a date but not one: say so, not "not a time". */
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s%s\"%s\" is not a valid date and time "
		    "(use YYYY-MM-DD HH:MM)",
		    fld(field), sep(field), quote(text, q, sizeof(q)));
	}
	if (!scan_hms(&p, 0, &sec))
		goto bad;
	if (*p == ' ')
		p++;
	if (*p != '\0') {
		if (!scan_offset(&p, 0, &off) || *p != '\0')
			goto bad;
		if (!has_day)
			return lull_errinfo_set(ei, LULL_EINVAL, field,
			    "%s%s\"%s\": a UTC offset needs a date "
			    "(use YYYY-MM-DD HH:MM+hh:mm)",
			    fld(field), sep(field), quote(text, q, sizeof(q)));
		has_off = 1;
	}

	if (has_off) {
		/* The offset says which instant: no gap, no overlap. */
		t = (int64_t)day * DAY_SEC + sec - off;
	} else if (has_day) {
		note->res = dated(ctx, day, sec, &t);
	} else {
		note->res = bare(ctx, sec, &t, &day);
	}
	note->day = day;
	note->sec = sec;
	*utc = t;
	return LULL_OK;
bad:
	return lull_errinfo_set(ei, LULL_EINVAL, field,
	    "%s%s\"%s\" is not a time %s", fld(field), sep(field),
	    quote(s, q, sizeof(q)), user_hint);
}
