/*
 * The analytics as the command line and the web app both give them: one
 * child's journal loaded from the store, the report (docs/analytics.md,
 * docs/report.schema.json), the SVG charts and the prediction, each as a
 * library call so that "lull report --json" and GET .../report answer
 * with the same document.  src/core and src/render compute; this layer
 * reads the store and builds JSON (jansson).
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_REPORT_H
#define LULL_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "lull/err.h"
#include "lull/model.h"
#include "lull/norms.h"
#include "lull/predict.h"
#include "lull/stats.h"
#include "lull/store.h"
#include "lull/tz.h"

#define LULL_REPORT_SCHEMA 1

/* One child's journal: the child, the household's caregivers (for
 * names), and the sleeps, feeds and tags of a span, oldest first. */
struct lull_journal {
	struct lull_child child;
	struct lull_caregiverv caregivers;
	struct lull_sleepv sleeps;
	struct lull_feedv feeds;
	struct lull_tagv tags;
};

/* Accepts a zeroed or loaded journal; leaves it empty. */
void lull_journal_free(struct lull_journal *);

/*
 * Load child "child_id" of household "household_id" with the sleeps that
 * meet [from_utc, to_utc), the feeds that start in it and the tags of its
 * local days ("tz").  A child of another household is LULL_ENOTFOUND,
 * like one that does not exist.  "out" is always left freeable.
 */
LULL_MUST_CHECK enum lull_err lull_journal_load(struct lull_store *,
    int64_t household_id, int64_t child_id, const struct lull_tz *,
    int64_t from_utc, int64_t to_utc, struct lull_journal *out,
    struct lull_errinfo *ei);

/* What local days [from_day, to_day] need (lull_stats_days()): the span
 * widened by 14 hours on each side for the nights around it. */
LULL_MUST_CHECK enum lull_err lull_journal_days(struct lull_store *,
    int64_t household_id, int64_t child_id, const struct lull_tz *,
    int32_t from_day, int32_t to_day, struct lull_journal *out,
    struct lull_errinfo *ei);

/* A caregiver's name, NULL for 0 or one not in the journal. */
const char *lull_journal_who(const struct lull_journal *, int64_t id);

/* The report over local days [from, to] (from <= to). */
struct lull_report {
	struct lull_journal j;
	struct lull_day_stats *days; /* lo .. to */
	int32_t lo, from, to;        /* days computed, and shown */
	int32_t end;                 /* the last complete day */
	struct lull_window last7, last14, base;
	struct lull_norm_cmp cmp[8];
	size_t ncmp;
	int32_t age_days;
	int corrected;
};

/*
 * Build the report of days [from_day, to_day] for the child: each day,
 * the windows of the last 7 and 14 nights ending with the last complete
 * day and the 14 days before them, and the age comparisons.  The caller
 * bounds the span (the command line and the API take ten years at most).
 * "out" is always left freeable with lull_report_free().
 */
LULL_MUST_CHECK enum lull_err lull_report_build(struct lull_store *,
    int64_t household_id, int64_t child_id, const struct lull_tz *,
    int64_t now_utc, int32_t from_day, int32_t to_day, struct lull_report *out,
    struct lull_errinfo *ei);
void lull_report_free(struct lull_report *);
const struct lull_day_stats *lull_report_day(const struct lull_report *,
    int32_t day);

/* The report as docs/report.schema.json has it; a new reference, NULL
 * when out of memory. */
json_t *lull_report_to_json(const struct lull_report *, const struct lull_tz *);

/*
 * The charts of src/render/svg.c for one child, drawn from the store: the
 * diary of days [from_day, to_day] (a year at most) and the trends of the
 * days with their 7-day medians.  *svg is malloc'd (free it), *len its
 * length.  LULL_EINVAL for a span the chart cannot draw.
 */
LULL_MUST_CHECK enum lull_err lull_chart_diary(struct lull_store *,
    int64_t household_id, int64_t child_id, const struct lull_tz *,
    int64_t now_utc, int32_t from_day, int32_t to_day, char **svg, size_t *len,
    struct lull_errinfo *ei);
LULL_MUST_CHECK enum lull_err lull_chart_trends(struct lull_store *,
    int64_t household_id, int64_t child_id, const struct lull_tz *,
    int64_t now_utc, int32_t from_day, int32_t to_day, char **svg, size_t *len,
    struct lull_errinfo *ei);

/* The span of the log lull_predict() reads, ending at "now_utc". */
#define LULL_PREDICT_SPAN_SEC ((int64_t)(LULL_PREDICT_DAYS + 2) * 86400)

/* A prediction as "lull predict --json" prints it (docs/analytics.md);
 * a new reference, NULL when out of memory. */
json_t *lull_prediction_to_json(const struct lull_prediction *,
    const char *child_name, const struct lull_tz *);

#endif
