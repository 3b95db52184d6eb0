/*
 * Sleep by age as data: every row carries its source and evidence level
 * (../shared/docs/domain.md sections 1 and 2, reference keys [Rn] as
 * there).  Changing a number means changing its row and its source
 * together.  Ages are days, [from, to); months are days / 30.44
 * (domain.md 0.2): 1 mo = 30 d, 3 mo = 91 d, 4 mo = 122 d, 6 mo = 183 d,
 * 12 mo = 365 d, 24 mo = 731 d, 36 mo = 1096 d.
 * SPDX-License-Identifier: ISC
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "lull/norms.h"

#define G   "guideline"
#define SR  "review"
#define POL "policy"
#define CNV "convention"

/* domain.md 1.1: recommended total sleep per 24 h, naps included. */
static const struct lull_norm_row total_rec[] = {
	/* AASM makes no recommendation under 4 months [R3]. */
	{ 0, 122, 14, 17, -1, G,
	    "NSF 2015 [R4]; WHO 2019 [R5] (AASM: none under 4 months [R3])",
	    0 },
	{ 122, 365, 12, 16, -1, G,
	    "AASM 2016, AAP-endorsed [R3]; WHO 2019 [R5] (NSF: 12-15 h [R4])",
	    0 },
	{ 365, 1096, 11, 14, -1, G, "AASM 2016 [R3]; NSF 2015 [R4]; WHO 2019 [R5]",
	    0 },
	{ 1096, 1827, 10, 13, -1, G, "AASM 2016 [R3]; NSF 2015 [R4]", 0 },
};

/* domain.md 1.2: observed total sleep, mean and +-1.96 SD (middle 95%). */
static const struct lull_norm_row total_usual[] = {
	{ 0, 76, 9.3, 20.0, 14.6, SR, "Galland 2012, 0-2 months [R1]", 1 },
	{ 76, 137, 9.4, 17.8, 13.6, SR, "Galland 2012, about 3 months [R1]",
	    1 },
	{ 137, 228, 8.8, 17.0, 12.9, SR, "Galland 2012, about 6 months [R1]",
	    1 },
	{ 228, 320, 9.4, 15.8, 12.6, SR, "Galland 2012, about 9 months [R1]",
	    1 },
	{ 320, 457, 10.1, 15.8, 12.9, SR,
	    "Galland 2012, about 12 months [R1]", 1 },
	{ 457, 731, 10.0, 15.2, 12.6, SR, "Galland 2012, 1-2 years [R1]", 1 },
	{ 731, 1096, 9.7, 14.2, 12.0, SR, "Galland 2012, 2-3 years [R1]", 1 },
};

/* domain.md 1.4: night wakings a night (Galland Table 3). */
static const struct lull_norm_row wakings_usual[] = {
	/* The 0-2 month and 1-2 year ranges are in the abstract. */
	{ 0, 76, 0, 3.4, 1.7, SR, "Galland 2012, 0-2 months [R1]", 0 },
	{ 76, 137, 0, 3.0, 0.8, SR, "Galland 2012, about 3 months [R1b]", 1 },
	{ 137, 228, 0, 3.0, 0.8, SR, "Galland 2012, about 6 months [R1b]",
	    1 },
	{ 228, 320, 0, 3.1, 1.1, SR, "Galland 2012, about 9 months [R1b]",
	    1 },
	{ 320, 457, 0, 3.1, 1.1, SR, "Galland 2012, about 12 months [R1b]",
	    1 },
	{ 457, 731, 0, 2.5, 0.7, SR, "Galland 2012, 1-2 years [R1]", 0 },
};

/* domain.md 1.4: longest sleep period, hours (pooled age buckets). */
static const struct lull_norm_row longest_usual[] = {
	{ 0, 152, 1.8, 9.6, 5.7, SR, "Galland 2012, 0-5 months [R1b]", 1 },
	{ 152, 731, 3.0, 13.7, 8.3, SR, "Galland 2012, 6 months-2 years [R1b]",
	    1 },
};

/* domain.md 1.4: daytime naps a day. */
static const struct lull_norm_row naps_usual[] = {
	{ 0, 152, 1.2, 5.0, 3.1, SR, "Galland 2012, 0-5 months [R1b]", 1 },
	{ 152, 320, 0.9, 3.5, 2.2, SR, "Galland 2012, 6-9 months [R1b]", 1 },
	{ 320, 731, 0.4, 2.1, 1.2, SR, "Galland 2012, 12 months-2 years [R1b]",
	    1 },
};

/* domain.md 1.6: minutes to fall asleep; the band is ours. */
static const struct lull_norm_row latency_usual[] = {
	{ 0, 1096, 0, 20, 20, POL,
	    "lull's default band, domain.md 1.6 [POLICY]; about 20 min at 6 "
	    "months, Paavonen 2020 [R10]",
	    1 },
};

#define ROWS(r) r, sizeof(r) / sizeof(r[0])

static const struct lull_norm_table tables[] = {
	{ "total_recommended", LULL_METRIC_TOTAL, 1, "h", 60,
	    "total sleep in 24 hours", ROWS(total_rec) },
	{ "total_usual", LULL_METRIC_TOTAL, 0, "h", 60,
	    "total sleep in 24 hours", ROWS(total_usual) },
	{ "wakings_usual", LULL_METRIC_WAKINGS, 0, "a night", 1,
	    "night wakings", ROWS(wakings_usual) },
	{ "longest_usual", LULL_METRIC_LONGEST, 0, "h", 60,
	    "longest stretch of sleep", ROWS(longest_usual) },
	{ "naps_usual", LULL_METRIC_NAP_COUNT, 0, "a day", 1,
	    "naps a day", ROWS(naps_usual) },
	{ "latency_usual", LULL_METRIC_LATENCY, 0, "min", 1,
	    "time to fall asleep", ROWS(latency_usual) },
};

#define NTABLES (sizeof(tables) / sizeof(tables[0]))

const struct lull_norm_table *
lull_norm_table(size_t i)
{
	return i < NTABLES ? &tables[i] : NULL;
}

const struct lull_norm_row *
lull_norm_row(const struct lull_norm_table *t, int32_t age_days)
{
	size_t i;

	for (i = 0; i < t->nrows; i++)
		if (age_days >= t->rows[i].from_days &&
		    age_days < t->rows[i].to_days)
			return &t->rows[i];
	return NULL;
}

const char *
lull_norm_verdict_name(enum lull_norm_verdict v)
{
	static const char *const names[] = { "none", "within", "below",
		"above" };

	return (unsigned)v < 4 ? names[v] : NULL;
}

static enum lull_norm_verdict
verdict(double x, const struct lull_norm_row *r)
{
	if (r == NULL)
		return LULL_NORM_NONE;
	if (x < r->lo)
		return LULL_NORM_BELOW;
	if (x > r->hi)
		return LULL_NORM_ABOVE;
	return LULL_NORM_WITHIN;
}

/* "13.2", "1.5", "20": one decimal where the unit needs it. */
static void
num(double x, const char *unit, char *buf, size_t bufsz)
{
	if (strcmp(unit, "min") == 0)
		snprintf(buf, bufsz, "%.0f", x);
	else if (x == (double)(long)x)
		snprintf(buf, bufsz, "%.0f", x);
	else
		snprintf(buf, bufsz, "%.1f", x);
}

static void
range(const struct lull_norm_table *t, const struct lull_norm_row *r,
    char *buf, size_t bufsz)
{
	char a[16], b[16];

	num(r->lo, t->unit, a, sizeof(a));
	num(r->hi, t->unit, b, sizeof(b));
	snprintf(buf, bufsz, "%s-%s %s", a, b, t->unit);
}

static const struct lull_norm_table *
find(enum lull_metric m, int recommended)
{
	size_t i;

	for (i = 0; i < NTABLES; i++)
		if (tables[i].metric == m && tables[i].recommended == recommended)
			return &tables[i];
	return NULL;
}

/*
 * The sentence: the value, then where it sits, never a grade.  Outside
 * the usual range it says that children differ and whom to ask if the
 * parent is worried; waking at night is never called a problem.
 */
static void
say(struct lull_norm_cmp *c, int32_t age_days)
{
	const struct lull_norm_table *t = c->usual_table;
	char v[16], ur[48], rr[48];
	const char *where[] = { "", "within", "below", "above" };
	int n;

	num(c->value / t->per_unit, t->unit, v, sizeof(v));
	range(t, c->usual_row, ur, sizeof(ur));
	n = snprintf(c->text, sizeof(c->text),
	    "%c%s: %s %s, %s the usual range for this age (%s)",
	    toupper((unsigned char)t->what[0]), t->what + 1, v, t->unit, where[c->usual], ur);
	if (c->rec_row != NULL && n > 0 && (size_t)n < sizeof(c->text)) {
		range(c->rec_table, c->rec_row, rr, sizeof(rr));
		if (c->recommended == LULL_NORM_WITHIN)
			n += snprintf(c->text + n, sizeof(c->text) - (size_t)n,
			    " and the recommended %s", rr);
		else
			n += snprintf(c->text + n, sizeof(c->text) - (size_t)n,
			    "; the recommended range is %s, and many children "
			    "sleep a little %s",
			    rr, c->recommended == LULL_NORM_BELOW ? "less" :
								    "more");
	}
	if (n <= 0 || (size_t)n >= sizeof(c->text))
		return;
	if (c->usual == LULL_NORM_WITHIN)
		snprintf(c->text + n, sizeof(c->text) - (size_t)n, ".");
	else if (c->metric == LULL_METRIC_WAKINGS)
		snprintf(c->text + n, sizeof(c->text) - (size_t)n,
		    ". Waking at night is common%s; what matters is how your "
		    "family is doing.",
		    age_days < 365 ? " in the first year" : "");
	else
		snprintf(c->text + n, sizeof(c->text) - (size_t)n,
		    ". Children differ; if you are worried about your child's "
		    "sleep, a child-health nurse or doctor can help.");
}

size_t
lull_norms_compare(int32_t age_days, const struct lull_window *w,
    struct lull_norm_cmp *out, size_t max)
{
	static const enum lull_metric which[] = { LULL_METRIC_TOTAL,
		LULL_METRIC_WAKINGS, LULL_METRIC_LONGEST,
		LULL_METRIC_NAP_COUNT, LULL_METRIC_LATENCY };
	size_t i, k = 0;

	if (w->logged < LULL_NORMS_MIN_DAYS || age_days < 0)
		return 0;
	for (i = 0; i < sizeof(which) / sizeof(which[0]) && k < max; i++) {
		struct lull_norm_cmp *c = &out[k];
		double x = w->median[which[i]];

		memset(c, 0, sizeof(*c));
		c->metric = which[i];
		c->value = x;
		if (x < 0)
			continue;
		c->usual_table = find(which[i], 0);
		if (c->usual_table == NULL ||
		    (c->usual_row = lull_norm_row(c->usual_table, age_days)) ==
			NULL)
			continue;
		c->usual = verdict(x / c->usual_table->per_unit, c->usual_row);
		if ((c->rec_table = find(which[i], 1)) != NULL &&
		    (c->rec_row = lull_norm_row(c->rec_table, age_days)) != NULL)
			c->recommended = verdict(x / c->rec_table->per_unit,
			    c->rec_row);
		say(c, age_days);
		k++;
	}
	return k;
}

/* domain.md 2.2, the app default column [CONV/POLICY]. */
static const struct {
	int32_t to_days;
	int32_t lo, hi;		/* minutes */
	int32_t lo1, hi1;	/* on one nap, where it differs */
} wake_windows[] = {
	{ 42, 45, 90, 0, 0 },	  /* 0-6 weeks */
	{ 84, 60, 120, 0, 0 },	  /* 6-12 weeks */
	{ 122, 75, 120, 0, 0 },	  /* 3-4 months */
	{ 183, 90, 150, 0, 0 },	  /* 4-6 months */
	{ 274, 120, 180, 0, 0 },  /* 6-9 months */
	{ 365, 150, 240, 0, 0 },  /* 9-12 months */
	{ 548, 180, 240, 270, 360 }, /* 12-18 months: 2 naps / 1 nap */
	{ 1096, 300, 390, 0, 0 }, /* 18-36 months */
};

const char *
lull_wake_window(int32_t age_days, int naps, int32_t *lo_min, int32_t *hi_min)
{
	size_t i, n = sizeof(wake_windows) / sizeof(wake_windows[0]);

	for (i = 0; i + 1 < n && age_days >= wake_windows[i].to_days; i++)
		;
	*lo_min = wake_windows[i].lo;
	*hi_min = wake_windows[i].hi;
	/* 12-18 months: one nap, or unknown and past 15 months. */
	if (wake_windows[i].lo1 != 0 &&
	    (naps == 1 || (naps < 0 && age_days >= 457))) {
		*lo_min = wake_windows[i].lo1;
		*hi_min = wake_windows[i].hi1;
	}
	return "age-based wake windows, a practitioner convention with no "
	       "research behind the exact numbers (domain.md 2.2: Huckleberry "
	       "[R20]; Tresillian and Karitane [R21])";
}
