/*
 * Nights and days: what the journal says about a child's sleep, as
 * numbers a parent or a consultant can follow over weeks.  Pure functions
 * over records (no I/O, no clock: "now" is an argument), so every metric
 * is testable with hand-built nights.  docs/analytics.md defines each
 * metric in words; the JSON report (docs/report.schema.json) carries them.
 *
 * The model:
 *  - Nap or night: a kind a person or a source gave is kept; otherwise it
 *    is derived in context by lull_sleeps_derive_kinds() (journal.h).
 *  - A night is the night-kind sleeps of one evening, chained: the
 *    longest of them, and the others joined to it by gaps of at most
 *    LULL_NIGHT_GAP_SEC.  The gaps between its pieces are night wakings
 *    (who went and what helped are unknown).  A night belongs to the
 *    evening it began: a night that begins after midnight but before noon
 *    belongs to the day before.  Night-kind sleeps outside the chain are
 *    counted with the day's naps.
 *  - A day is the household's local day: its naps (sleeps that started
 *    on it) and the night that began on its evening, so that every minute
 *    of sleep is counted once and "a day and its night" add up to about
 *    24 hours.  The clock's own day (midnight to midnight) is kept too.
 *  - Entries that overlap (from an import, or two phones) count once:
 *    a sleep that starts inside the one before is merged into it (the
 *    later end stands; the first entry's wakings and details are kept).
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_STATS_H
#define LULL_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"
#include "lull/model.h"
#include "lull/plan.h"
#include "lull/tz.h"

/* Caregivers told apart in involvement figures; more are added up under
 * the last slot.  A household rarely has more than a handful. */
#define LULL_STATS_MAX_CAREGIVERS 8

/* A value that is not known (no night logged, no latency given). */
#define LULL_STATS_NONE (-1)

/* What the journal holds for one child, as the functions read it. */
struct lull_stats_in {
	const struct lull_tz *tz;    /* the household's zone */
	const struct lull_child *child; /* for ages; NULL: no age */
	const struct lull_sleepv *sleeps; /* this child's, oldest first */
	const struct lull_feedv *feeds;	  /* this child's, oldest first */
	const struct lull_tagv *tags;	  /* may be NULL */
	int64_t now_utc; /* ongoing sleeps and wakings count up to here */
};

/* Involvement of one caregiver (id 0: not recorded). */
struct lull_involvement {
	int64_t caregiver_id;
	int32_t wakings;     /* wakings they answered */
	int32_t waking_min;  /* minutes of those wakings */
	int32_t settles;     /* bedtimes they settled */
	int32_t settle_min;  /* minutes to fall asleep at those bedtimes */
};

/* Wakings that needed a caregiver, counted by what helped. */
struct lull_responses {
	int32_t n[LULL_RESP__MAX];
	int32_t min[LULL_RESP__MAX];
};

struct lull_night_stats {
	/*
	 * The plan engine's summary of the night (plan.h), with the same
	 * definitions: wakings that needed a caregiver (any response but
	 * "none"), night feeds as wakings answered with a feed, minutes
	 * awake of ended wakings, latency and crying of the first piece.
	 * For a night logged as one sleep, lull_night_observe() gives the
	 * same values.
	 */
	struct lull_night n;
	int pieces;		/* sleeps chained into this night */
	int ongoing;		/* the child is still in this night */
	int64_t lights_out_utc; /* onset minus latency; LULL_NO_TIME if
				   the latency was not logged */
	int64_t onset_utc;	/* fell asleep */
	int64_t wake_utc;	/* morning wake; LULL_NO_TIME while ongoing */
	int32_t wake_min;	/* its local time, minutes after midnight;
				   LULL_STATS_NONE while ongoing */
	int32_t sleep_min;	/* asleep from onset to wake (or now) */
	int32_t waso_min;	/* awake after sleep onset: every waking,
				   including those settled alone, and the
				   gaps between pieces */
	int32_t wakings_all;	/* every waking, settled alone or not */
	int32_t help_min;	/* minutes of wakings that needed someone */
	int32_t longest_min;	/* longest stretch asleep without a waking */
	struct lull_responses resp;
	/* Who went at the wakings, and who settled the child at bedtime. */
	struct lull_involvement who[LULL_STATS_MAX_CAREGIVERS];
	size_t nwho;
	int64_t settled_by;	/* caregiver at bedtime, 0 if not recorded */
	int routine;		/* 1, 0 or LULL_UNKNOWN */
};

struct lull_day_stats {
	int32_t day;	    /* local civil day */
	int32_t age_days;   /* corrected where it applies; LULL_STATS_NONE
			       without a child */
	int corrected;
	int logged;	    /* a sleep of this day is in the journal */
	int has_night;
	struct lull_night_stats night; /* valid when has_night */
	int32_t nap_count;
	int32_t nap_min;
	int32_t night_min;   /* night.sleep_min, or 0 */
	int32_t total_min;   /* nap_min + night_min */
	int32_t sleep_24h_min; /* asleep between this day's midnights,
				  whatever the sleeps' kinds */
	int32_t longest_min; /* longest stretch of the day and its night */
	int32_t night_feeds; /* feeds in the night: logged feeds, and
				wakings answered with a feed that have no
				feed logged with them */
	int32_t feeds;	     /* feeds that started on this day */
	int ongoing;	     /* a sleep of this day is still going on */
	/*
	 * The day and its night are over (the night ended, or it is past
	 * noon the next day): only complete days enter medians and trends,
	 * so that today's half-logged day does not pull them down.
	 */
	int complete;
};

/*
 * Metrics for medians, trends and norms.  Day metrics are known when the
 * day is logged; night metrics when it has a night (latency: when logged).
 */
enum lull_metric {
	LULL_METRIC_TOTAL = 0,	 /* total_sleep_min */
	LULL_METRIC_NIGHT,	 /* night_sleep_min */
	LULL_METRIC_NAP_MIN,	 /* nap_min */
	LULL_METRIC_NAP_COUNT,	 /* nap_count */
	LULL_METRIC_WAKINGS,	 /* night_wakings (needing a caregiver) */
	LULL_METRIC_WASO,	 /* awake_after_onset_min */
	LULL_METRIC_LONGEST,	 /* longest_stretch_min */
	LULL_METRIC_LATENCY,	 /* latency_min */
	LULL_METRIC_ONSET,	 /* sleep onset, minutes after the evening's
				    midnight (19:30 is 1170, 00:30 is 1470) */
	LULL_METRIC_WAKE,	 /* morning wake, minutes after its midnight */
	LULL_METRIC_NIGHT_FEEDS, /* night_feeds */
	LULL_METRIC__MAX
};

/* "total_sleep_min": the JSON name; NULL out of range. */
const char *lull_metric_name(enum lull_metric);
/* "total sleep": for people. */
const char *lull_metric_label(enum lull_metric);
/* 1 and *out set if the day has the metric, else 0. */
int lull_metric_value(const struct lull_day_stats *, enum lull_metric,
    int32_t *out);

/*
 * The days "from_day" to "to_day" (inclusive): out[to_day - from_day + 1].
 * Reads only the sleeps and feeds that can belong to those days (sleeps
 * starting from noon the day before), so the cost follows the range, not
 * the history.  LULL_ENOMEM, or LULL_EINVAL for a range the wrong way
 * round or longer than ten years; "ei" says which.
 */
LULL_MUST_CHECK enum lull_err lull_stats_days(const struct lull_stats_in *,
    int32_t from_day, int32_t to_day, struct lull_day_stats *out,
    struct lull_errinfo *ei);

/*
 * A window of days summed up: medians of each metric over the days that
 * have it (LULL_STATS_NONE when fewer than half the days, or fewer than
 * 3, have it), bedtime regularity and who helped.
 */
struct lull_window {
	int32_t from_day, to_day;
	int days;   /* days in the window */
	int logged; /* days with a sleep logged */
	int nights; /* days with a night logged */
	double median[LULL_METRIC__MAX];
	/*
	 * Bedtime regularity: the spread of sleep-onset times, as the
	 * interquartile range and the standard deviation in minutes
	 * (LULL_STATS_NONE with fewer than 3 nights).
	 */
	double onset_iqr_min;
	double onset_sd_min;
	struct lull_responses resp;  /* summed over the nights */
	struct lull_involvement who[LULL_STATS_MAX_CAREGIVERS];
	size_t nwho;
	int32_t help_nights; /* nights with a waking that needed someone */
};

void lull_stats_window(const struct lull_day_stats *days, size_t n,
    struct lull_window *out);

/*
 * Median of one metric over days[0..n), under the rule of
 * lull_stats_window(); *count gets the number of days that had it.
 */
double lull_stats_median(const struct lull_day_stats *days, size_t n,
    enum lull_metric, int *count);

/*
 * Rolling median of "metric" over the "width" days ending at each day:
 * out[i] covers days[i - width + 1 .. i] (fewer at the start), under the
 * rule of lull_stats_window().
 */
void lull_stats_rolling(const struct lull_day_stats *days, size_t n,
    enum lull_metric, int width, double *out);

#endif
