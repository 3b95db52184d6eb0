/*
 * The journal's rules, as pure functions over records: what makes an entry
 * valid, when two sleeps collide, nap or night when nobody said, and a
 * child's age (corrected for prematurity).  The store calls these inside
 * its write transactions, so no caller can skip them.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_JOURNAL_H
#define LULL_JOURNAL_H

#include <stdint.h>

#include "lull/err.h"
#include "lull/model.h"
#include "lull/tz.h"

/*
 * Limits of what we accept; each one guards against a typo rather than
 * against a real child.  [POLICY]
 */
#define LULL_FUTURE_SLACK_SEC 120	 /* clocks of two phones differ */
#define LULL_SLEEP_MAX_SEC    (20 * 3600) /* no single sleep runs longer */
#define LULL_FEED_MAX_SEC     (4 * 3600)
#define LULL_TAG_MAX_DAYS     366

/*
 * Check one sleep on its own: end after start, nothing in the future
 * (beyond LULL_FUTURE_SLACK_SEC after "now_utc"), no longer than
 * LULL_SLEEP_MAX_SEC, known minutes not negative and latency not longer
 * than the sleep, every waking inside the sleep, each ending after it
 * starts, none overlapping another, and only the last one of an ongoing
 * sleep may be ongoing.  Fills "ei" naming the field and value, with
 * times in the zone "tz" (the household's; NULL writes UTC).
 */
LULL_MUST_CHECK enum lull_err lull_sleep_check(const struct lull_sleep *,
    const struct lull_tz *tz, int64_t now_utc, struct lull_errinfo *ei);

/*
 * Check "s" against the child's other sleeps "others" (any order; an entry
 * with s->id is skipped, so an edit does not collide with itself).  Two
 * sleeps collide when their [start, end) intervals intersect; an ongoing
 * sleep extends to the end of time.  Two ongoing sleeps always collide.
 * LULL_ECONFLICT names the other sleep in "ei".  "tz" is used only for
 * the message and may be NULL.
 */
LULL_MUST_CHECK enum lull_err lull_sleep_check_overlap(
    const struct lull_sleep *s, const struct lull_sleepv *others,
    const struct lull_tz *tz, struct lull_errinfo *ei);

LULL_MUST_CHECK enum lull_err lull_feed_check(const struct lull_feed *,
    const struct lull_tz *tz, int64_t now_utc, struct lull_errinfo *ei);
LULL_MUST_CHECK enum lull_err lull_tag_check(const struct lull_tag *,
    struct lull_errinfo *ei);

/*
 * A child's name and dates: name not empty, born not after "today" (a
 * local day number), due date (if any) within 20 weeks before or 6 weeks
 * after birth.
 */
LULL_MUST_CHECK enum lull_err lull_child_check(const struct lull_child *,
    int32_t today, struct lull_errinfo *ei);

/*
 * Nap or night when nobody said.  Night: the sleep starts in the evening
 * or night window (LULL_NIGHT_FROM_SEC local to LULL_NIGHT_TO_SEC) and
 * lasts at least LULL_NIGHT_MIN_SEC, or is still ongoing.  Otherwise nap.
 * [POLICY] derived from the "night = the long sleep period that starts
 * in the evening" convention (domain.md 0.2, Galland 2012, BISQ).
 */
#define LULL_NIGHT_FROM_SEC (17 * 3600) /* 17:00 */
#define LULL_NIGHT_TO_SEC   (5 * 3600)	/* 05:00 next morning */
#define LULL_NIGHT_MIN_SEC  (3 * 3600)
enum lull_sleep_kind lull_sleep_derive_kind(const struct lull_tz *,
    const struct lull_sleep *);

/* If s->kind_given is 0, set s->kind from lull_sleep_derive_kind(). */
void lull_sleep_settle_kind(const struct lull_tz *, struct lull_sleep *);

/*
 * Nap or night in context, for a child's sleeps read together (analytics
 * and predictions; a sleep stored alone has only lull_sleep_derive_kind()).
 * The night of an evening is its longest block: among the sleeps that
 * start between LULL_NIGHT_WINDOW_FROM_SEC and LULL_NIGHT_WINDOW_TO_SEC
 * the next morning, the longest, if it lasts LULL_NIGHT_CORE_SEC or more
 * (LULL_NIGHT_CORE_YOUNG_SEC under LULL_NIGHT_YOUNG_DAYS of corrected
 * age, when the longest sleep is shorter) or is still going on; then
 * every sleep of that window joined to it, one after another, by a gap of
 * at most LULL_NIGHT_GAP_SEC (bedtime tries before it, sleeps after night
 * feeds).  Every other sleep is a nap.  [POLICY] measured against a
 * family's own nap flags in docs/analytics.md.
 *
 * "v" holds n sleeps of one child, oldest first; kinds[i] receives the
 * kind of v[i]: the given one when v[i].kind_given, else the derived one.
 * "child" (may be NULL: older than LULL_NIGHT_YOUNG_DAYS) gives the age.
 */
#define LULL_NIGHT_WINDOW_FROM_SEC (18 * 3600) /* 18:00 */
#define LULL_NIGHT_WINDOW_TO_SEC   (6 * 3600)  /* 06:00 next morning */
#define LULL_NIGHT_CORE_SEC	   (3 * 3600)
#define LULL_NIGHT_CORE_YOUNG_SEC  (2 * 3600)
#define LULL_NIGHT_YOUNG_DAYS	   91 /* 3 months */
#define LULL_NIGHT_GAP_SEC	   (3 * 3600)
void lull_sleeps_derive_kinds(const struct lull_tz *,
    const struct lull_child *child, const struct lull_sleep *v, size_t n,
    enum lull_sleep_kind *kinds);

/*
 * The local day of the evening a night-time instant belongs to: its own
 * day from noon on, the day before until noon (a night that begins at
 * 00:30 belongs to the evening before).
 */
int32_t lull_evening_day(const struct lull_tz *, int64_t utc);

/*
 * Age in days on "day": from the due date when the child was born early
 * and is under 24 months corrected (domain.md 0.2), else from birth.
 * Negative if "day" is before the reference date.
 */
int32_t lull_child_age_days(const struct lull_child *, int32_t day,
    int *corrected);

/* "7 mo", "3 wk", "2 y 1 mo": a short age for listings. */
void lull_age_format(int32_t age_days, char *buf, size_t bufsz);

#endif
