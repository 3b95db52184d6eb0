/*
 * The next sleep as a range, and how good such ranges have been.
 *
 * A prediction starts from the age-based wake window (a practitioner
 * convention, domain.md 2.1-2.2: no study stands behind the exact
 * numbers, and lull says so) and yields to the child's own log: the
 * wake windows of the last LULL_PREDICT_DAYS days, weighted by how
 * recent they are and by how close their time of day is to now (which
 * also tells the first nap from the last), a window into the night
 * counting half by the clock time it led to; their median is pulled back
 * toward the age band as far as the child's windows scatter.  A drop in
 * naps a day is noticed and makes recent days weigh more.
 * docs/analytics.md explains the rule and keeps the measured accuracy.
 *
 * Pure: the log and "now" are arguments.  Only the sleeps of the last
 * LULL_PREDICT_DAYS days before "now" are read (found by binary search),
 * so the cost does not grow with the history.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_PREDICT_H
#define LULL_PREDICT_H

#include <stdint.h>

#include "lull/err.h"
#include "lull/model.h"
#include "lull/tz.h"

#define LULL_PREDICT_DAYS      14
#define LULL_PREDICT_HALF_SEC  (30 * 60) /* the window: likely +- 30 min */
#define LULL_PREDICT_WARMUP    7	 /* days of log before evaluating */
#define LULL_PREDICT_GAP_SEC   (12 * 3600) /* a longer "wake window" is a
					      gap in the log */
#define LULL_PREDICT_BRIEF_SEC (20 * 60) /* awake less than this between
					    two naps: one nap */

struct lull_predict_in {
	const struct lull_tz *tz;
	const struct lull_child *child;	  /* for the age; required */
	const struct lull_sleepv *sleeps; /* this child's, oldest first */
	int64_t now_utc;
};

/* A predicted sleep window. */
struct lull_sleep_window {
	int valid;
	enum lull_sleep_kind kind; /* what the sleep will likely be */
	int64_t earliest_utc, likely_utc, latest_utc;
	int personal;	/* 1: from the child's own log; 0: age only */
	int samples;	/* wake windows or bedtimes it drew on */
	int nap_index;	/* for a nap, its number today (1 = first) */
};

struct lull_prediction {
	int32_t age_days;
	int corrected;
	int32_t band_lo_min, band_hi_min; /* the age-based wake window */
	const char *band_source;
	int asleep;		 /* a sleep is going on now */
	int64_t awake_since_utc; /* end of the last sleep, LULL_NO_TIME */
	struct lull_sleep_window next;	  /* the next sleep */
	struct lull_sleep_window bedtime; /* tonight's night */
	/* Naps a day: median of the last 7 days and the 7 before (-1 when
	 * too few days were logged); transition is 1 when it fell. */
	int naps_recent, naps_before;
	int transition;
};

/*
 * Predict from the log up to "now".  Without a recent sleep (none in the
 * last LULL_PREDICT_GAP_SEC) there is no next window; while the child
 * sleeps there is none either (asleep is 1); tonight's bedtime is
 * predicted unless tonight's night has begun.  LULL_EINVAL without a
 * child, LULL_ENOMEM.
 */
LULL_MUST_CHECK enum lull_err lull_predict(const struct lull_predict_in *,
    struct lull_prediction *out, struct lull_errinfo *ei);

/* Accuracy of one way of predicting. */
struct lull_eval_side {
	int n;		  /* onsets predicted */
	double mae_min;	  /* mean absolute error of the likely time */
	double inside;	  /* share of onsets inside the window, 0..1 */
	double width_min; /* average width of the window */
};

struct lull_eval {
	struct lull_eval_side ours, baseline;
	struct lull_eval_side ours_naps, ours_nights; /* ours, split */
	int32_t from_day, to_day; /* the onsets evaluated */
};

/*
 * Walk forward through the whole log: at the end of each sleep (after
 * the first LULL_PREDICT_WARMUP days), predict the next sleep's onset with
 * lull_predict() from the earlier log only, as it would have been shown
 * then, and with the baseline (the age-based wake window alone: its
 * middle as the likely time, its ends as the window).  Returns to sleep
 * in the night are not onsets (they are night wakings), nor is a sleep
 * after a gap in the log.  LULL_ENOMEM.
 */
LULL_MUST_CHECK enum lull_err lull_predict_eval(const struct lull_tz *,
    const struct lull_child *, const struct lull_sleepv *,
    struct lull_eval *out, struct lull_errinfo *ei);

#endif
