/*
 * Calendar arithmetic, and reading and writing times as people and files
 * write them.  No clock: "now" is always an argument.
 *
 * A civil day number counts days since 1970-01-01 in the proleptic
 * Gregorian calendar (negative before), independent of any zone.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_CAL_H
#define LULL_CAL_H

#include <stdint.h>

#include "lull/err.h"
#include "lull/tz.h"

#define LULL_NO_DAY INT32_MIN /* "no date", e.g. a child without due date */

int32_t lull_days_from_civil(int y, int m, int d);
void lull_civil_from_days(int32_t day, int *y, int *m, int *d);
int lull_weekday(int32_t day); /* 0 = Sunday .. 6 = Saturday */

/*
 * "YYYY-MM-DD" -> day number.  Anything else, or a date that does not
 * exist (2026-02-30), is LULL_EINVAL with "ei" quoting the text and
 * naming "field".
 */
LULL_MUST_CHECK enum lull_err lull_date_parse(const char *s, const char *field,
    int32_t *day, struct lull_errinfo *ei);

/* day -> "YYYY-MM-DD"; buf must hold 11 bytes (more for years > 9999). */
void lull_date_format(int32_t day, char *buf, size_t bufsz);

/*
 * RFC 3339 in the zone's local offset at that instant, to the second:
 * "2026-03-29T01:30:00+01:00" ("Z" is never written, "+00:00" is).
 * buf should hold 32 bytes.
 */
void lull_time_format_rfc3339(const struct lull_tz *, int64_t utc, char *buf,
    size_t bufsz);

/*
 * Parse an RFC 3339 timestamp with a "Z" or "+hh:mm"/"-hh:mm" offset and
 * optional fractional seconds (dropped).  A timestamp without offset is
 * LULL_EINVAL: this form is for files, where guessing is not allowed.
 */
LULL_MUST_CHECK enum lull_err lull_time_parse_rfc3339(const char *s,
    const char *field, int64_t *utc, struct lull_errinfo *ei);

/*
 * How lull_time_parse_user() reads times that do not carry a date.
 */
struct lull_time_ctx {
	const struct lull_tz *tz;
	int64_t now_utc;
	/*
	 * If not INT64_MIN: a bare "HH:MM" means its first occurrence strictly
	 * after this instant (used for the end of a sleep or a waking, so
	 * "19:30" to "06:45" crosses midnight), and in an overlap the
	 * earliest occurrence after it is taken.
	 */
	int64_t after_utc;
	/*
	 * Otherwise, if not LULL_NO_DAY: a bare "HH:MM" is on this day.
	 * Otherwise: its most recent occurrence at or before now (so "19:30"
	 * typed the next morning is last evening).
	 */
	int32_t day;
};

/* What the parser had to decide, so the command line can say so. */
struct lull_time_note {
	enum lull_tz_res res; /* LULL_TZ_GAP or _OVERLAP if one was met */
	int32_t day;	      /* the local wall time that was asked for */
	int32_t sec;
};

/*
 * Parse a time as a person types it, in the context's zone:
 *   now
 *   HH:MM[:SS]                         (day from the context, see above)
 *   today HH:MM, yesterday HH:MM
 *   YYYY-MM-DD HH:MM[:SS], YYYY-MM-DDTHH:MM[:SS]
 *   any of the dated forms followed by Z or an offset (+01:00), which
 *   then wins over the zone (and settles an overlap)
 * Wall times in a DST gap or overlap are resolved as in tz.h and reported
 * in "note" (which may be NULL).  Errors name "field" and quote the text.
 */
LULL_MUST_CHECK enum lull_err lull_time_parse_user(const char *s,
    const char *field, const struct lull_time_ctx *ctx, int64_t *utc,
    struct lull_time_note *note, struct lull_errinfo *ei);

/*
 * "HH:MM" local, and "Sat 28 Mar 2026" style dates for listings.
 * buf should hold 16 bytes.
 */
void lull_time_format_hm(const struct lull_tz *, int64_t utc, char *buf,
    size_t bufsz);
void lull_date_format_long(int32_t day, char *buf, size_t bufsz);

/* Local day number of an instant in a zone. */
int32_t lull_local_day(const struct lull_tz *, int64_t utc);

#endif
