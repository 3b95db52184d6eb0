/*
 * Sleep by age: the ranges of ../shared/docs/domain.md sections 1 and 2,
 * held as data tables with the source of every row, and the comparison of
 * a child's recent weeks with them, in calm words ("within the usual range
 * for this age").  Pure data and functions; ages are in days, corrected
 * for prematurity by the caller (lull_child_age_days()).
 *
 * Two kinds of range:
 *  - recommended: health recommendations (AASM, NSF, WHO), total sleep
 *    only;
 *  - usual: what children of that age are observed to sleep (the middle
 *    95% of children in Galland 2012's meta-analysis).  Being outside the
 *    recommended range but inside the usual one is common, and said so
 *    (domain.md 1.1).
 * Rows marked "verify" come from secondary transcriptions (domain.md
 * VERIFY): usable as soft ranges, not as precise citations.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_NORMS_H
#define LULL_NORMS_H

#include <stddef.h>
#include <stdint.h>

#include "lull/stats.h"

/* A window of fewer logged days is not compared (domain.md 0.2). */
#define LULL_NORMS_MIN_DAYS 7

struct lull_norm_row {
	int32_t from_days, to_days; /* ages [from, to) in days */
	double lo, hi;		    /* the range, in the table's unit */
	double mean;		    /* typical value; -1 if none given */
	const char *evidence;	    /* "guideline", "review", "observational",
				       "convention", "policy" */
	const char *source;	    /* who says so, with domain.md's key */
	int verify;		    /* 1: from a secondary transcription */
};

struct lull_norm_table {
	const char *id;		/* "total_recommended" */
	enum lull_metric metric;
	int recommended;	/* 1: recommended, 0: usual (observed) */
	const char *unit;	/* "h", "min", "per night", "per day" */
	double per_unit;	/* metric value per unit: 60 for hours */
	const char *what;	/* "total sleep in 24 hours" */
	const struct lull_norm_row *rows;
	size_t nrows;
};

/* The tables, in a fixed order; NULL past the last. */
const struct lull_norm_table *lull_norm_table(size_t i);
/* The row for an age; NULL when the table has none (e.g. AASM gives no
 * recommendation under 4 months). */
const struct lull_norm_row *lull_norm_row(const struct lull_norm_table *,
    int32_t age_days);

enum lull_norm_verdict {
	LULL_NORM_NONE = 0, /* no range for this age, or too few days */
	LULL_NORM_WITHIN,
	LULL_NORM_BELOW,
	LULL_NORM_ABOVE
};

const char *lull_norm_verdict_name(enum lull_norm_verdict); /* "within" */

/* One metric of a window against the tables. */
struct lull_norm_cmp {
	enum lull_metric metric;
	double value; /* the window's median, in the metric's own unit */
	enum lull_norm_verdict usual;
	const struct lull_norm_table *usual_table;
	const struct lull_norm_row *usual_row;
	enum lull_norm_verdict recommended; /* total sleep only */
	const struct lull_norm_table *rec_table;
	const struct lull_norm_row *rec_row;
	char text[360]; /* one calm sentence, with the numbers */
};

/*
 * Compare the window's medians (total sleep, night wakings, longest
 * stretch, naps a day, time to fall asleep) with the ranges for a child
 * of "age_days".  Fills out[0..max) and returns how many were filled: none
 * when the window has fewer than LULL_NORMS_MIN_DAYS days logged.
 */
size_t lull_norms_compare(int32_t age_days, const struct lull_window *w,
    struct lull_norm_cmp *out, size_t max);

/*
 * The age-based wake window (domain.md 2.2): a practitioner convention,
 * not research; lull says so wherever it is shown.  From 12 to 18 months
 * it depends on the naps a day ("naps" 1 or 2; -1 if unknown, then by
 * age).  Fills minutes and returns the source text.
 */
const char *lull_wake_window(int32_t age_days, int naps, int32_t *lo_min,
    int32_t *hi_min);

#endif
