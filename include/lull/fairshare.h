/*
 * Who carried the nights: per adult and per week, the wakings they
 * answered and their minutes, the bedtimes they settled, and the early
 * mornings they got up for.  Shown side by side without blame, as
 * something to talk about, never as a score.
 *
 * Built on the days of stats.h (the same nights and wakings the report
 * counts).  An early morning is a night that ended before 06:00 local
 * time: the end of the "family-congruent" night of 22:00-06:00 (Henderson
 * et al. 2010, domain.md 1.5 [R6]).  Nobody logs who got up in the
 * morning, so an early morning goes to whoever answered the night's last
 * waking when that waking began at most LULL_FAIR_MORNING_SEC before the
 * morning wake (they were up anyway); otherwise it is "not recorded".
 *
 * Pure: no I/O, no clock.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_FAIRSHARE_H
#define LULL_FAIRSHARE_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"
#include "lull/model.h"
#include "lull/stats.h"

#define LULL_FAIR_EARLY_MIN   360 /* 06:00: R6's night ends here */
#define LULL_FAIR_MORNING_SEC (60 * 60) /* a convention: see above */
#define LULL_FAIR_MAX_WEEKS   13 /* a quarter is plenty to talk about */
#define LULL_FAIR_MAX_ADULTS  LULL_STATS_MAX_CAREGIVERS

/* One adult's share (caregiver_id 0: not recorded). */
struct lull_fair_adult {
	int64_t caregiver_id;
	int32_t wakings;    /* night wakings they answered */
	int32_t waking_min; /* minutes of those */
	int32_t settles;    /* bedtimes they settled */
	int32_t early;      /* early mornings they got up for */
};

struct lull_fair_span {
	int32_t from_day, to_day;
	int nights;	    /* nights logged in the span */
	int early_nights;   /* of which ended before 06:00 */
	struct lull_fair_adult who[LULL_FAIR_MAX_ADULTS];
	size_t nwho;	    /* adults with something, plus "not recorded" */
};

struct lull_fairshare {
	struct lull_fair_span total;
	struct lull_fair_span weeks[LULL_FAIR_MAX_WEEKS]; /* oldest first */
	size_t nweeks;
};

/*
 * Sum up "days" (from lull_stats_days(), consecutive, oldest first) in
 * weeks of 7 days ending on the last day, at most LULL_FAIR_MAX_WEEKS
 * (older days are left out).  "sleeps" are the child's sleeps those days
 * were computed from (for the early mornings' last wakings).
 * LULL_EINVAL for no days.
 */
LULL_MUST_CHECK enum lull_err lull_fairshare(const struct lull_day_stats *days,
    size_t ndays, const struct lull_sleepv *sleeps, struct lull_fairshare *out,
    struct lull_errinfo *ei);

/* The adult's entry in a span, or NULL. */
const struct lull_fair_adult *lull_fair_find(const struct lull_fair_span *,
    int64_t caregiver_id);

#endif
