/*
 * Mood screens against their published rules: every band edge of the
 * PHQ-9, GAD-7 and the 2-item forms, the PHQ-9's self-harm item on its
 * own, wrong counts and out-of-range answers named by item, the tables
 * themselves, when a screen is offered (1, 2, 4, 6 months, then
 * follow-ups on request), and the crisis help with and without a
 * household's own lines.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/screen.h"

#include "t.h"

#define PFIZER                                                                 \
	"Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt "      \
	"Kroenke and colleagues, with an educational grant from Pfizer Inc. "  \
	"No permission required to reproduce, translate, display or "          \
	"distribute."

static const struct lull_screen_def *
def(const char *name)
{
	const struct lull_screen_def *d = lull_screen_find(name);

	T_CHECK(d != NULL);
	return d;
}

/*
 * Answers adding up to "total": 3s from item 1 on, the rest 0s, so a
 * PHQ-9 total up to 24 leaves item 9 at 0.
 */
static void
fill(int *a, size_t n, int total)
{
	size_t i;

	memset(a, 0, n * sizeof(*a));
	for (i = 0; i < n && total > 0; i++) {
		a[i] = total < 3 ? total : 3;
		total -= a[i];
	}
}

struct edge {
	const char *name;
	int total;
	const char *band;
	int positive, self_harm;
};

static const struct edge edges[] = {
	/* PHQ-9, Kroenke 2001: 0-4, 5-9, 10-14, 15-19, 20-27; >= 10. */
	{ "phq9", 0, "minimal", 0, 0 },
	{ "phq9", 4, "minimal", 0, 0 },
	{ "phq9", 5, "mild", 0, 0 },
	{ "phq9", 9, "mild", 0, 0 },
	{ "phq9", 10, "moderate", 1, 0 },
	{ "phq9", 14, "moderate", 1, 0 },
	{ "phq9", 15, "moderately_severe", 1, 0 },
	{ "phq9", 19, "moderately_severe", 1, 0 },
	{ "phq9", 20, "severe", 1, 0 },
	{ "phq9", 24, "severe", 1, 0 },
	/* 27 needs item 9 at 3. */
	{ "phq9", 27, "severe", 1, 1 },
	/* GAD-7, Spitzer 2006: 0-4, 5-9, 10-14, 15-21; >= 10. */
	{ "gad7", 0, "minimal", 0, 0 },
	{ "gad7", 4, "minimal", 0, 0 },
	{ "gad7", 5, "mild", 0, 0 },
	{ "gad7", 9, "mild", 0, 0 },
	{ "gad7", 10, "moderate", 1, 0 },
	{ "gad7", 14, "moderate", 1, 0 },
	{ "gad7", 15, "severe", 1, 0 },
	{ "gad7", 21, "severe", 1, 0 },
	/* PHQ-2 (Kroenke 2003) and GAD-2 (Kroenke 2007): >= 3. */
	{ "phq2", 0, "negative", 0, 0 },
	{ "phq2", 2, "negative", 0, 0 },
	{ "phq2", 3, "positive", 1, 0 },
	{ "phq2", 6, "positive", 1, 0 },
	{ "gad2", 0, "negative", 0, 0 },
	{ "gad2", 2, "negative", 0, 0 },
	{ "gad2", 3, "positive", 1, 0 },
	{ "gad2", 6, "positive", 1, 0 },
};

static void
test_band_edges(void)
{
	size_t i;

	for (i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		const struct edge *e = &edges[i];
		const struct lull_screen_def *d = def(e->name);
		struct lull_screen_result r;
		struct lull_errinfo ei;
		int a[LULL_SCREEN_MAX_ITEMS];

		if (d == NULL)
			continue;
		fill(a, d->nitems, e->total);
		if (lull_screen_score(d, a, d->nitems, &r, &ei) != LULL_OK) {
			fprintf(stderr, "%s %d: %s\n", e->name, e->total,
			    ei.msg);
			T_CHECK(!"scores");
			continue;
		}
		if (r.total != e->total || strcmp(r.band, e->band) != 0 ||
		    r.positive != e->positive || r.self_harm != e->self_harm)
			fprintf(stderr, "at %s %d:\n", e->name, e->total);
		T_EQ_INT(r.total, e->total);
		T_EQ_STR(r.band, e->band);
		T_EQ_INT(r.positive, e->positive);
		T_EQ_INT(r.self_harm, e->self_harm);
		T_CHECK(r.def == d);
		T_CHECK(strstr(r.advice, "a screen, not a diagnosis") != NULL);
	}
}

/* Every total of every form lands in exactly the band its edges say. */
static void
test_every_total(void)
{
	const struct lull_screen_def *d;
	size_t k, b;
	int t;

	for (k = 0; (d = lull_screen_def(k)) != NULL; k++) {
		for (t = 0; t <= lull_screen_max_total(d); t++) {
			struct lull_screen_result r;
			int a[LULL_SCREEN_MAX_ITEMS];

			fill(a, d->nitems, t);
			if (lull_screen_score(d, a, d->nitems, &r, NULL)) {
				T_CHECK(!"scores");
				continue;
			}
			for (b = 0; b + 1 < d->nbands; b++)
				if (t < d->bands[b + 1].lo)
					break;
			T_EQ_INT(r.total, t);
			T_EQ_STR(r.band, d->bands[b].name);
			T_EQ_INT(r.positive, t >= d->positive_at);
		}
	}
}

static void
test_self_harm(void)
{
	const struct lull_screen_def *d = def("phq9");
	int only9[9] = { 0, 0, 0, 0, 0, 0, 0, 0, 1 };
	int high[9] = { 3, 3, 3, 3, 3, 3, 3, 3, 0 };
	struct lull_screen_result r;

	if (d == NULL)
		return;
	T_EQ_INT(d->self_harm_item, 9);
	T_CHECK(strstr(d->items[8], "hurting yourself") != NULL);
	/* Item 9 alone: total 1, minimal, and still self-harm. */
	T_EQ_INT(lull_screen_score(d, only9, 9, &r, NULL), LULL_OK);
	T_EQ_INT(r.total, 1);
	T_EQ_STR(r.band, "minimal");
	T_EQ_INT(r.positive, 0);
	T_EQ_INT(r.self_harm, 1);
	/* The advice speaks to it, not to the low total. */
	T_CHECK(strstr(r.advice, "clinician") != NULL);
	T_CHECK(strstr(r.advice, "today") != NULL);
	T_CHECK(strstr(r.advice, "Nothing else in lull") != NULL);
	T_CHECK(strstr(r.advice, "few signs") == NULL);
	/* Each answer above 0 counts. */
	only9[8] = 3;
	T_EQ_INT(lull_screen_score(d, only9, 9, &r, NULL), LULL_OK);
	T_EQ_INT(r.self_harm, 1);
	T_EQ_INT(r.total, 3);
	/* A high total with item 9 at 0 is not self-harm. */
	T_EQ_INT(lull_screen_score(d, high, 9, &r, NULL), LULL_OK);
	T_EQ_INT(r.total, 24);
	T_EQ_STR(r.band, "severe");
	T_EQ_INT(r.positive, 1);
	T_EQ_INT(r.self_harm, 0);
	/* No other form has a self-harm item, whatever its answers. */
	{
		int all3[9] = { 3, 3, 3, 3, 3, 3, 3, 3, 3 };
		const char *other[] = { "phq2", "gad7", "gad2" };
		size_t i;

		for (i = 0; i < 3; i++) {
			const struct lull_screen_def *o = def(other[i]);

			if (o == NULL)
				continue;
			T_EQ_INT(o->self_harm_item, 0);
			T_EQ_INT(lull_screen_score(o, all3, o->nitems, &r,
				     NULL),
			    LULL_OK);
			T_EQ_INT(r.self_harm, 0);
		}
	}
}

static void
test_wrong_count(void)
{
	int a[10] = { 0 };
	struct lull_screen_result r;
	struct lull_errinfo ei;

	memset(&r, 0xff, sizeof(r));
	T_EQ_INT(lull_screen_score(def("phq9"), a, 8, &r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.msg, "phq9 takes 9 answers, got 8");
	T_EQ_STR(ei.field, "answers");
	T_CHECK(r.def == NULL && r.band == NULL && r.total == 0);
	T_EQ_INT(lull_screen_score(def("phq9"), a, 10, &r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.msg, "phq9 takes 9 answers, got 10");
	T_EQ_INT(lull_screen_score(def("gad7"), a, 9, &r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.msg, "gad7 takes 7 answers, got 9");
	T_EQ_INT(lull_screen_score(def("gad2"), a, 7, &r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.msg, "gad2 takes 2 answers, got 7");
	T_EQ_INT(lull_screen_score(def("phq2"), NULL, 0, &r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.msg, "phq2 takes 2 answers, got 0");
	T_EQ_INT(lull_screen_score(def("phq2"), NULL, 2, &r, &ei), LULL_EINVAL);
	T_EQ_INT(lull_screen_score(NULL, a, 9, &r, &ei), LULL_EINVAL);
	T_CHECK(strstr(ei.msg, LULL_SCREEN_NAMES) != NULL);
	/* No errinfo is fine too. */
	T_EQ_INT(lull_screen_score(def("phq9"), a, 3, &r, NULL), LULL_EINVAL);
}

static void
test_out_of_range(void)
{
	int a[9] = { 0, 1, 2, 5, 0, 0, 0, 0, 0 };
	struct lull_screen_result r;
	struct lull_errinfo ei;

	T_EQ_INT(lull_screen_score(def("phq9"), a, 9, &r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.msg, "item 4: 5 is out of range 0-3");
	T_EQ_STR(ei.field, "answers");
	T_CHECK(r.band == NULL);
	a[3] = 3;
	a[0] = -1;
	T_EQ_INT(lull_screen_score(def("phq9"), a, 9, &r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.msg, "item 1: -1 is out of range 0-3");
	a[0] = 0;
	a[8] = 4;
	T_EQ_INT(lull_screen_score(def("phq9"), a, 9, &r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.msg, "item 9: 4 is out of range 0-3");
	a[8] = 0;
	T_EQ_INT(lull_screen_score(def("phq9"), a, 9, &r, &ei), LULL_OK);
	T_EQ_INT(r.total, 6);
	{
		int g[7] = { 0, 0, 0, 0, 0, 0, 100 };

		T_EQ_INT(lull_screen_score(def("gad7"), g, 7, &r, &ei),
		    LULL_EINVAL);
		T_EQ_STR(ei.msg, "item 7: 100 is out of range 0-3");
	}
}

/* The tables: names, sizes, notices, wording and calm advice. */
static void
test_tables(void)
{
	static const char *const names[] = { "phq9", "phq2", "gad7", "gad2" };
	static const size_t nitems[] = { 9, 2, 7, 2 };
	static const int maxes[] = { 27, 6, 21, 6 };
	const struct lull_screen_def *d;
	size_t k, i;

	for (k = 0; (d = lull_screen_def(k)) != NULL; k++) {
		T_CHECK(k < 4);
		if (k >= 4)
			break;
		T_EQ_STR(d->name, names[k]);
		T_CHECK(lull_screen_find(names[k]) == d);
		T_EQ_INT(d->nitems, nitems[k]);
		T_EQ_INT(lull_screen_max_total(d), maxes[k]);
		T_EQ_STR(d->copyright, PFIZER);
		T_CHECK(strncmp(d->recall,
			    "Over the last 2 weeks, how often "
			    "have you been bothered by",
			    55) == 0);
		T_EQ_STR(d->answers[0], "Not at all");
		T_EQ_STR(d->answers[1], "Several days");
		T_EQ_STR(d->answers[2], "More than half the days");
		T_EQ_STR(d->answers[3], "Nearly every day");
		T_EQ_INT(d->bands[0].lo, 0);
		for (i = 0; i < d->nitems; i++)
			T_CHECK(d->items[i] != NULL && d->items[i][0] != '\0');
		for (i = 0; i < d->nbands; i++) {
			const char *adv = d->bands[i].advice;

			if (i > 0)
				T_CHECK(d->bands[i].lo > d->bands[i - 1].lo);
			T_CHECK(d->bands[i].lo <= lull_screen_max_total(d));
			/* Warm, never a verdict: no diagnosis words, no
			 * exclamation marks. */
			T_CHECK(strchr(adv, '!') == NULL);
			T_CHECK(strstr(adv, "depress") == NULL);
			T_CHECK(strstr(adv, "disorder") == NULL);
			T_CHECK(strstr(adv, "diagnos") == NULL);
			/* Screen-positive full forms suggest a clinician. */
			if (d->bands[i].lo >= d->positive_at &&
			    d->full_form == NULL)
				T_CHECK(strstr(adv, "clinician") != NULL);
		}
		T_CHECK(d->source != NULL && strchr(d->source, '[') != NULL);
	}
	T_EQ_INT(k, 4);
	T_CHECK(lull_screen_find("epds") == NULL);
	T_CHECK(lull_screen_find("PHQ9") == NULL);
	T_CHECK(lull_screen_find("") == NULL);
	T_CHECK(lull_screen_find(NULL) == NULL);
	/* The 2-item forms are the first items of the full ones. */
	T_CHECK(def("phq2")->items[0] == def("phq9")->items[0]);
	T_CHECK(def("phq2")->items[1] == def("phq9")->items[1]);
	T_CHECK(def("gad2")->items[1] == def("gad7")->items[1]);
	T_EQ_STR(def("phq2")->full_form, "phq9");
	T_EQ_STR(def("gad2")->full_form, "gad7");
	T_CHECK(def("phq9")->full_form == NULL);
	T_EQ_STR(def("phq9")->items[0],
	    "Little interest or pleasure in doing things");
	T_EQ_STR(def("gad7")->items[0], "Feeling nervous, anxious, or on edge");
	T_EQ_STR(def("phq9")->recall,
	    "Over the last 2 weeks, how often have you been bothered by any "
	    "of the following problems?");
}

/* A positive 2-item form suggests the full one; the full forms at >= 10
 * a clinician. */
static void
test_advice(void)
{
	int two[2] = { 2, 1 }, nine[9] = { 2, 2, 2, 2, 2, 0, 0, 0, 0 };
	struct lull_screen_result r;

	T_EQ_INT(lull_screen_score(def("phq2"), two, 2, &r, NULL), LULL_OK);
	T_CHECK(strstr(r.advice, "full form, the PHQ-9") != NULL);
	T_EQ_INT(lull_screen_score(def("gad2"), two, 2, &r, NULL), LULL_OK);
	T_CHECK(strstr(r.advice, "full form, the GAD-7") != NULL);
	T_EQ_INT(lull_screen_score(def("phq9"), nine, 9, &r, NULL), LULL_OK);
	T_EQ_INT(r.total, 10);
	T_CHECK(strstr(r.advice, "talk with a clinician") != NULL);
	T_EQ_INT(lull_screen_score(def("gad7"), nine, 7, &r, NULL), LULL_OK);
	T_EQ_INT(r.total, 10);
	T_CHECK(strstr(r.advice, "talk with a clinician") != NULL);
	two[0] = 1;
	T_EQ_INT(lull_screen_score(def("phq2"), two, 2, &r, NULL), LULL_OK);
	T_CHECK(strstr(r.advice, "full form") == NULL);
}

struct sched {
	int age;         /* today, days after the birth */
	int past[3], np; /* past screens, days after the birth */
	int follow_up;
	int due, months;
	int next; /* days after the birth; -1: LULL_NO_DAY */
};

static const struct sched scheds[] = {
	/* Before 1 month: nothing yet, the first opens at 30 days. */
	{ 10, { 0 }, 0, 0, 0, -1, 30 },
	{ -20, { 0 }, 0, 0, 0, -1, 30 },
	{ 29, { 0 }, 0, 0, 0, -1, 30 },
	/* 1 month. */
	{ 30, { 0 }, 0, 0, 1, 1, 30 },
	{ 45, { 20 }, 1, 0, 0, 1, 61 }, /* 2 weeks early counts */
	{ 45, { 15 }, 1, 0, 1, 1, 45 }, /* 15 days early does not */
	{ 45, { 50 }, 1, 0, 1, 1, 45 }, /* a future day is ignored */
	/* 2 months: a missed 1-month screen is not carried over. */
	{ 61, { 0 }, 0, 0, 1, 2, 61 },
	{ 70, { 35 }, 1, 0, 1, 2, 70 },
	{ 70, { 47 }, 1, 0, 0, 2, 122 },
	/* 4 months. */
	{ 122, { 35, 65 }, 2, 0, 1, 4, 122 },
	{ 130, { 125 }, 1, 0, 0, 4, 183 },
	/* 6 months, open until 9 months. */
	{ 183, { 0 }, 0, 0, 1, 6, 183 },
	{ 250, { 0 }, 0, 0, 1, 6, 250 },
	{ 273, { 0 }, 0, 0, 1, 6, 273 },
	/* Then only on request. */
	{ 200, { 185 }, 1, 0, 0, -1, -1 },
	{ 274, { 0 }, 0, 0, 0, -1, -1 },
	{ 400, { 100 }, 1, 0, 0, -1, -1 },
	/* Follow-ups: 2 months after the last screen. */
	{ 200, { 185 }, 1, 1, 0, 0, 246 },
	{ 246, { 185 }, 1, 1, 1, 0, 246 },
	{ 245, { 185 }, 1, 1, 0, 0, 246 },
	{ 274, { 0 }, 0, 1, 1, 0, 274 },
	{ 320, { 300, 185, 250 }, 3, 1, 0, 0, 361 },
	{ 320, { 185, 400 }, 2, 1, 1, 0, 320 },
};

static void
test_schedule(void)
{
	int32_t birth = lull_days_from_civil(2026, 1, 1);
	size_t i;

	for (i = 0; i < sizeof(scheds) / sizeof(scheds[0]); i++) {
		const struct sched *s = &scheds[i];
		struct lull_screen_due due;
		struct lull_errinfo ei;
		int32_t past[3];
		int k;

		for (k = 0; k < s->np; k++)
			past[k] = birth + s->past[k];
		if (lull_screen_schedule(birth, birth + s->age, past,
			(size_t)s->np, s->follow_up, &due, &ei) != LULL_OK) {
			T_CHECK(!"schedules");
			continue;
		}
		if (due.due != s->due || due.months != s->months ||
		    due.next_day !=
			(s->next < 0 ? LULL_NO_DAY : birth + s->next))
			fprintf(stderr, "at case %zu (age %d):\n", i, s->age);
		T_EQ_INT(due.due, s->due);
		T_EQ_INT(due.months, s->months);
		T_EQ_INT(due.next_day,
		    s->next < 0 ? LULL_NO_DAY : birth + s->next);
		T_CHECK(due.why != NULL && due.why[0] != '\0');
	}
}

static void
test_schedule_errors(void)
{
	struct lull_screen_due due;
	struct lull_errinfo ei;
	int32_t d = lull_days_from_civil(2026, 1, 1);

	T_EQ_INT(lull_screen_schedule(LULL_NO_DAY, d, NULL, 0, 0, &due, &ei),
	    LULL_EINVAL);
	T_EQ_STR(ei.field, "born");
	T_EQ_INT(lull_screen_schedule(d, d + 40, NULL, 2, 0, &due, &ei),
	    LULL_EINVAL);
	T_EQ_INT(due.due, 0);
	T_EQ_INT(lull_screen_schedule(d, d + 40, NULL, 0, 0, &due, NULL),
	    LULL_OK);
	T_EQ_INT(due.due, 1);
}

static void
test_help(void)
{
	static const char *const mine[] = { "Line A: 0800 123",
		"Line B: 0800 456" };
	struct lull_screen_help h;
	char buf[2048], small[16];
	size_t need;

	/* Nothing configured: the defaults, said to be defaults. */
	lull_screen_help(NULL, NULL, 0, &h);
	T_EQ_INT(h.defaults, 1);
	T_EQ_STR(h.emergency, LULL_SCREEN_DEFAULT_EMERGENCY);
	T_CHECK(h.nlines >= 3);
	T_CHECK(strstr(h.lines[0], ": ") != NULL);
	need = lull_screen_help_text(&h, buf, sizeof(buf));
	T_EQ_INT(need, strlen(buf));
	T_CHECK(strncmp(buf,
		    "If you are thinking about harming yourself, please get "
		    "help now",
		    62) == 0);
	T_CHECK(strstr(buf, LULL_SCREEN_DEFAULT_EMERGENCY) != NULL);
	T_CHECK(strstr(buf, "Samaritans") != NULL);
	T_CHECK(strstr(buf, "clinician today") != NULL);
	T_CHECK(strstr(buf, "Let the sleep plan rest") != NULL);
	/* Emergency before the lines, the lines before the clinician. */
	T_CHECK(strstr(buf, "Emergency:") < strstr(buf, h.lines[0]));
	T_CHECK(strstr(buf, h.lines[0]) < strstr(buf, "clinician today"));

	/* A household's own number and lines replace the defaults. */
	lull_screen_help("110", mine, 2, &h);
	T_EQ_INT(h.defaults, 0);
	(void)lull_screen_help_text(&h, buf, sizeof(buf));
	T_CHECK(strstr(buf, "Emergency: 110.") != NULL);
	T_CHECK(strstr(buf, "  Line A: 0800 123\n  Line B: 0800 456\n") !=
	    NULL);
	T_CHECK(strstr(buf, "Samaritans") == NULL);

	/* An empty number falls back, the configured lines stay. */
	lull_screen_help("", mine, 2, &h);
	T_EQ_INT(h.defaults, 1);
	T_EQ_STR(h.emergency, LULL_SCREEN_DEFAULT_EMERGENCY);
	T_EQ_INT(h.nlines, 2);

	/* A short buffer is cut, terminated, and the need is told. */
	need = lull_screen_help_text(&h, small, sizeof(small));
	T_EQ_INT(strlen(small), sizeof(small) - 1);
	T_CHECK(need > sizeof(small));
	T_EQ_INT(lull_screen_help_text(&h, NULL, 0), need);
}

static const struct t_case cases[] = {
	{ "band edges of all four forms", test_band_edges },
	{ "every total in its band", test_every_total },
	{ "PHQ-9 item 9 on its own", test_self_harm },
	{ "wrong number of answers", test_wrong_count },
	{ "answers out of range name the item", test_out_of_range },
	{ "the tables", test_tables },
	{ "advice: full form, clinician", test_advice },
	{ "schedule: 1, 2, 4, 6 months, then on request", test_schedule },
	{ "schedule errors", test_schedule_errors },
	{ "crisis help", test_help },
};

T_MAIN(cases)
