/*
 * Time zones, without I/O.  A zone is parsed from the bytes of a TZif file
 * (RFC 8536, what /usr/share/zoneinfo holds): the transition table plus the
 * POSIX TZ rule in its footer, used for instants after the last transition.
 * Reading the file is the caller's job (src/io/tzload.c); core code only
 * converts, so it is pure, thread-safe and testable with plain data.
 *
 * Instants are int64 seconds since 1970-01-01T00:00:00Z (leap seconds are
 * ignored, as POSIX does).  Local wall time is a civil day number (days
 * since 1970-01-01, see cal.h) plus seconds since local midnight.
 *
 * Naive local times and DST (documented in docs/time.md):
 *  - gap (spring forward, e.g. 02:30 that never happened): the wall time is
 *    read with the offset in force before the change, which lands the same
 *    number of minutes after the change (02:30 -> 03:30 when clocks jump
 *    an hour).  The result says LULL_TZ_GAP so the caller can tell the user.
 *  - overlap (fall back, e.g. 01:30 happening twice): "fold" picks the
 *    earlier (first, summer-time) or the later occurrence.  The result says
 *    LULL_TZ_OVERLAP.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_TZ_H
#define LULL_TZ_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"

struct lull_tz; /* opaque */

/* Broken-down local time of one instant in one zone. */
struct lull_local {
	int32_t day;	    /* civil day number, local */
	int32_t sec;	    /* seconds since local midnight, 0..86399 */
	int32_t offset_sec; /* local - UTC, e.g. 3600 for CET */
	int is_dst;
	char abbr[8]; /* "CET", "EDT"; may be numeric like "+0530" */
};

enum lull_fold {
	LULL_FOLD_EARLIER = 0, /* in an overlap, the first occurrence */
	LULL_FOLD_LATER	       /* in an overlap, the second occurrence */
};

enum lull_tz_res {
	LULL_TZ_EXACT = 0, /* the wall time happened exactly once */
	LULL_TZ_GAP,	   /* it never happened; shifted forward */
	LULL_TZ_OVERLAP	   /* it happened twice; "fold" chose */
};

/*
 * Parse TZif bytes (versions 1 to 4) into a zone called "name" (the IANA
 * name, kept for display and storage).  On success *out owns the zone,
 * to be released with lull_tz_free().  On failure *out is NULL and "ei"
 * says why (LULL_EINVAL for bad data, LULL_ENOMEM).
 */
LULL_MUST_CHECK enum lull_err lull_tz_parse(struct lull_tz **out,
    const char *name, const unsigned char *data, size_t len,
    struct lull_errinfo *ei);

/* The UTC zone, needing no file; *out is released with lull_tz_free(). */
LULL_MUST_CHECK enum lull_err lull_tz_utc(struct lull_tz **out);

void lull_tz_free(struct lull_tz *); /* NULL is a no-op */

/* The IANA name given to lull_tz_parse() ("UTC" for lull_tz_utc()). */
const char *lull_tz_name(const struct lull_tz *);

/* Local wall time of the instant "utc". */
void lull_tz_local(const struct lull_tz *, int64_t utc, struct lull_local *out);

/* Offset from UTC in seconds in force at "utc". */
int32_t lull_tz_offset(const struct lull_tz *, int64_t utc);

/*
 * The instant at which the wall clock read (day, sec), following the gap
 * and overlap rules above.  "sec" may be outside 0..86399; it is then
 * carried into the day.  Returns what kind of wall time it was.
 */
enum lull_tz_res lull_tz_resolve(const struct lull_tz *, int32_t day,
    int32_t sec, enum lull_fold fold, int64_t *utc);

/*
 * The instant of local midnight starting "day" (the first instant of the
 * day; in a zone whose DST change happens at midnight, the first wall time
 * that exists on that day).
 */
int64_t lull_tz_day_start(const struct lull_tz *, int32_t day);

#endif
