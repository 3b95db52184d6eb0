/*
 * Mood screens for parents (../shared/docs/domain.md 6.1 and 6.2): the
 * PHQ-9 and PHQ-2 (low mood) and GAD-7 and GAD-2 (worry and anxiety) as
 * data tables, their scoring with the published bands, when to offer
 * one, and the help to show first when the PHQ-9's ninth item (thoughts
 * of being better off dead or of hurting oneself) is answered above 0.
 *
 * A screen is not a diagnosis, and every text here says so.  Results are
 * for the person who answered only (domain.md 6.2).  The EPDS is not
 * here: republishing it needs written permission from the Royal College
 * of Psychiatrists (domain.md 6.1).
 *
 * Pure data and functions: no I/O, no clock; days are civil day numbers
 * (lull/cal.h) passed in by the caller.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_SCREEN_H
#define LULL_SCREEN_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"

#define LULL_SCREEN_MAX_ITEMS  9 /* the longest form, the PHQ-9 */
#define LULL_SCREEN_ANSWER_MAX 3 /* every item is answered 0..3 */
#define LULL_SCREEN_NAMES      "phq9, phq2, gad7, gad2"

/* One severity band: totals from "lo" up to the next band's "lo" - 1. */
struct lull_screen_band {
	int lo;
	const char *name;   /* "minimal", "moderately_severe", "positive" */
	const char *advice; /* what it suggests, in our own words */
};

/*
 * One instrument.  The item texts, answer labels and recall period are
 * the official English wording; "copyright" is the notice that must be
 * shown with them.
 */
struct lull_screen_def {
	const char *name;         /* "phq9", "phq2", "gad7", "gad2" */
	const char *title;        /* "PHQ-9 (Patient Health Questionnaire-9)" */
	const char *about;        /* "low mood", "worry and anxiety" */
	const char *recall;       /* "Over the last 2 weeks, how often ..." */
	const char *const *items; /* item texts, item 1 first */
	size_t nitems;
	const char *const *answers; /* labels of 0..LULL_SCREEN_ANSWER_MAX */
	const struct lull_screen_band *bands; /* ascending "lo", first is 0 */
	size_t nbands;
	int positive_at;    /* a total this high or higher is screen-positive */
	int self_harm_item; /* 1-based, 0 if none (only the PHQ-9 has: 9) */
	const char *full_form; /* a 2-item form's full form ("phq9"), or NULL */
	const char *copyright;
	const char *source; /* the publication, with domain.md's key */
};

/* The instruments in a fixed order; NULL past the last. */
const struct lull_screen_def *lull_screen_def(size_t i);
/* The instrument called "name" (see LULL_SCREEN_NAMES); NULL if none. */
const struct lull_screen_def *lull_screen_find(const char *name);
/* The highest possible total (27 for the PHQ-9). */
int lull_screen_max_total(const struct lull_screen_def *);

struct lull_screen_result {
	const struct lull_screen_def *def;
	int total;
	const char *band; /* the band's name, as in the table */
	int positive;     /* total >= def->positive_at */
	/*
	 * The self-harm item was answered above 0.  Whatever the total, the
	 * crisis help (lull_screen_help()) comes first, the person is asked
	 * to contact a clinician today, and the sleep plan pauses
	 * (domain.md 6.2).
	 */
	int self_harm;
	/*
	 * What the result suggests, warm and plain, ending with the reminder
	 * that a screen is not a diagnosis.  With self_harm it speaks to
	 * that, not to the total.
	 */
	char advice[640];
};

/*
 * Score "n" answers, item 1 first, each 0..3.  A wrong count ("phq9
 * takes 9 answers, got 8") or an answer out of range ("item 4: 5 is out
 * of range 0-3") is LULL_EINVAL, with "ei" (which may be NULL) naming
 * the field "answers"; "out" is then zeroed.
 */
LULL_MUST_CHECK enum lull_err
lull_screen_score(const struct lull_screen_def *def, const int *answers,
    size_t n, struct lull_screen_result *out, struct lull_errinfo *ei);

/*
 * When to offer a screen (domain.md 6.2, AAP [R69]): at about 1, 2, 4
 * and 6 months after the child's birth, and after that every 2 months
 * if the person asked to keep being offered one.
 *
 * A milestone opens on the day the child is that many months old (30,
 * 61, 122 and 183 days) and stays open until the next one opens; the
 * 6-month one until 9 months (274 days).  A screen taken from
 * LULL_SCREEN_EARLY_DAYS before a milestone counts for it, as a visit
 * rarely falls on the exact day.
 */
#define LULL_SCREEN_EARLY_DAYS    14
#define LULL_SCREEN_FOLLOWUP_DAYS 61  /* 2 months between follow-ups */
#define LULL_SCREEN_LAST_DAY      274 /* the 6-month milestone closes */

struct lull_screen_due {
	int due;          /* 1: offer a screen today */
	int months;       /* milestone: 1, 2, 4 or 6; 0 for a follow-up;
			     -1 before the first and once none is offered */
	int32_t next_day; /* the day the next offer opens: today when due,
			     LULL_NO_DAY when none will without a request */
	const char *why;  /* one calm sentence for the person */
};

/*
 * Is a screen due "today" for a person whose child was born on
 * "birth_day", who took screens on past[0..npast) (any order; days
 * after today are ignored) and asked (follow_up = 1) or not to be
 * offered one every 2 months after the 6-month milestone?  A birth day
 * of LULL_NO_DAY, or past == NULL with npast > 0, is LULL_EINVAL.
 */
LULL_MUST_CHECK enum lull_err lull_screen_schedule(int32_t birth_day,
    int32_t today, const int32_t *past, size_t npast, int follow_up,
    struct lull_screen_due *out, struct lull_errinfo *ei);

/*
 * The help shown first, and prominently, when a result has self_harm.
 * The household's emergency number and crisis lines ("name: number")
 * are arguments; with none configured (NULL or empty, 0 lines) the
 * defaults below are used and "defaults" says so.
 */
#define LULL_SCREEN_DEFAULT_EMERGENCY                                          \
	"112 / 911 / 999 — your local emergency number"

struct lull_screen_help {
	const char *headline;     /* "If you are thinking about ..." */
	const char *emergency;    /* the number to call now */
	const char *const *lines; /* crisis lines, "name: number" */
	size_t nlines;
	int defaults;          /* 1: emergency or lines are defaults */
	const char *clinician; /* contact a clinician today */
	const char *plan;      /* let the sleep plan rest */
};

/* Borrows "emergency" and "lines": they must outlive "out". */
void lull_screen_help(const char *emergency, const char *const *lines,
    size_t nlines, struct lull_screen_help *out);

/*
 * The help as plain text, a line each: headline, emergency number,
 * crisis lines, clinician, plan.  Returns the length it needs, as
 * snprintf does: the text is cut short if that is >= bufsz.
 */
size_t lull_screen_help_text(const struct lull_screen_help *, char *buf,
    size_t bufsz);

#endif
