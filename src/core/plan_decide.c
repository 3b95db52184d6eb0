/*
 * Mornings: what last night looked like, and the plan's decision for
 * tonight (advance, hold, step back, pause, resume, re-evaluate, done),
 * always with its reason in plain words and the evidence behind it.  The
 * parent's own moves (pause, resume, back, override, slow) go through
 * here too, so every change lands in the plan's history the same way.
 *
 * The thresholds are below as a table with their sources; domain.md
 * sections 3.2 to 3.5 hold the references.
 * SPDX-License-Identifier: ISC
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/plan.h"

/*
 * Decision thresholds.  Each is a number a parent may see in a reason, so
 * each carries its source and evidence level.
 */
struct threshold {
	int value;
	enum lull_evidence evidence;
	const char *source;
};

/* A calm settle: asleep within this many minutes of lights-out. */
static const struct threshold GOOD_LATENCY_MIN = { 30,
	LULL_EVIDENCE_CONVENTION,
	"bedtime-fading protocols advance after settling within 15-30 min "
	"(Honaker handout [R38]; Kahn 2020 inclusion >30 min [R31])" };

/* Hard crying that makes the plan soften the next night. */
static const struct threshold DISTRESS_CRYING_MIN = { 10,
	LULL_EVIDENCE_POLICY,
	"lull distress guard, domain.md 3.5 (default 10 min of hard crying)" };

/* Crying below this still counts as a calm night. */
static const struct threshold CALM_CRYING_MIN = { 5, LULL_EVIDENCE_POLICY,
	"lull policy: a few minutes of protest with a parent comforting is "
	"part of change; domain.md 3.5" };

/* No progress on the main goal for this many nights: re-evaluate. */
static const struct threshold STALL_NIGHTS = { 14,
	LULL_EVIDENCE_CONVENTION,
	"no improvement after 2 weeks: talk to a child-health nurse or "
	"doctor (Raising Children Network, camping out [R39]); bedtime "
	"fading stall rule [R38]" };

/* Compare against this many nights (the trials' one-week baseline). */
static const struct threshold WINDOW_NIGHTS = { 7, LULL_EVIDENCE_POLICY,
	"one-week baseline diary as in Gradisar 2016 [R23] and Mindell 2009 "
	"[R34]; domain.md 3.5" };

/* Settled nights after an illness or a trip before the plan resumes. */
static const struct threshold RESUME_AFTER_NIGHTS = { 2,
	LULL_EVIDENCE_CONVENTION,
	"resume after 2-3 symptom-free nights, or 2-3 nights home after "
	"travel (domain.md 3.4)" };

/* A relative improvement below this is no progress. */
static const struct threshold PROGRESS_PERCENT = { 10, LULL_EVIDENCE_POLICY,
	"lull policy: changes under 10% of the baseline are within the "
	"night-to-night noise of a diary" };

/* Tags that pause a plan, with what to say and on what grounds. */
struct pause_rule {
	enum lull_tag_kind tag;
	int back_one_step; /* resume one step back (illness) */
	enum lull_evidence evidence;
	const char *why;
	const char *source;
};

static const struct pause_rule pause_rules[] = {
	{ LULL_TAG_ILL, 1, LULL_EVIDENCE_CONVENTION,
	    "Your child is unwell, so the plan is paused: comfort and feed as "
	    "much as they need, and call your doctor if they have a fever, "
	    "are hard to wake, "
	    "breathe with effort, or you are worried. When they have been "
	    "well for two nights, the plan picks up again, a step back if "
	    "it can.",
	    "domain.md 3.4 (acute illness); red flags 5.5" },
	{ LULL_TAG_TEETHING, 0, LULL_EVIDENCE_OBSERVATIONAL,
	    "Teething is tagged, so the plan pauses: extra comfort is "
	    "fine. Teething discomfort tends to cluster over about 8 days "
	    "around a tooth coming through. A fever of 38.9 C or more, "
	    "diarrhoea or a floppy, hard-to-wake child are not teething: see "
	    "a doctor.",
	    "Macknin 2000 [R44]: symptoms in an 8-day window; fever >=38.9 C "
	    "not linked" },
	{ LULL_TAG_TRAVEL, 0, LULL_EVIDENCE_CONVENTION,
	    "You are travelling, so the plan is paused: keep the bedtime "
	    "routine and help as much as needed. The plan resumes at the same "
	    "step after two nights back home.",
	    "domain.md 3.4 (travel)" },
	{ LULL_TAG_MILESTONE, 0, LULL_EVIDENCE_OBSERVATIONAL,
	    "A new milestone often brings more waking for a while, so the "
	    "plan pauses: no new changes until things settle.",
	    "Scher & Cohen [R43]: wakings rise with crawling onset, back to "
	    "baseline within about 3 months" },
	{ LULL_TAG_VACCINATION, 0, LULL_EVIDENCE_POLICY,
	    "After a vaccination a child can be sore or out of sorts, so the "
	    "plan pauses: comfort freely.",
	    "lull policy (domain.md 3.4, acute illness)" },
	{ LULL_TAG_CHILDCARE, 0, LULL_EVIDENCE_CONVENTION,
	    "Starting childcare is a big change, so the plan pauses while "
	    "your child adjusts; keep the routine the same.",
	    "domain.md 3.4 (big life change: hold for 1-2 weeks)" },
};

#define NPAUSE (sizeof(pause_rules) / sizeof(pause_rules[0]))

static const struct pause_rule *
pausing(uint32_t tags)
{
	size_t i;

	for (i = 0; i < NPAUSE; i++)
		if (tags & (1u << pause_rules[i].tag))
			return &pause_rules[i];
	return NULL;
}

/* ---- observing nights ------------------------------------------------ */

static int
wakings_needing_help(const struct lull_sleep *s, int *feeds, int *awake)
{
	int n = 0;
	size_t i;

	*feeds = 0;
	*awake = 0;
	for (i = 0; i < s->nwakings; i++) {
		const struct lull_waking *w = &s->wakings[i];

		if (w->end_utc != LULL_NO_TIME)
			*awake += (int)((w->end_utc - w->start_utc) / 60);
		/* A waking the child settled from alone needed nobody. */
		if (w->response == LULL_RESP_NONE)
			continue;
		n++;
		if (w->response == LULL_RESP_FEED)
			(*feeds)++;
	}
	return n;
}

void
lull_night_observe(const struct lull_tz *tz, const struct lull_sleepv *sv,
    const struct lull_tagv *tv, int32_t from_day, int32_t to_day,
    struct lull_night *out)
{
	int32_t d;
	size_t i;

	for (d = from_day; d <= to_day; d++) {
		struct lull_night *n = &out[d - from_day];

		memset(n, 0, sizeof(*n));
		n->day = d;
		n->latency_min = LULL_UNKNOWN;
		n->crying_min = LULL_UNKNOWN;
		for (i = 0; tv != NULL && i < tv->n; i++)
			if (tv->v[i].from_day <= d && tv->v[i].to_day >= d)
				n->tags |= 1u << tv->v[i].kind;
	}
	for (i = 0; sv != NULL && i < sv->n; i++) {
		const struct lull_sleep *s = &sv->v[i];
		struct lull_local lt;
		struct lull_night *n;

		if (s->kind != LULL_SLEEP_NIGHT)
			continue;
		lull_tz_local(tz, s->start_utc, &lt);
		/* A night that began after midnight (a very late bedtime)
		 * belongs to the evening before, like the night window of
		 * journal.h. */
		if (lt.sec < LULL_NIGHT_TO_SEC) {
			lt.day--;
			lt.sec += 86400;
		}
		if (lt.day < from_day || lt.day > to_day)
			continue;
		n = &out[lt.day - from_day];
		/* Two nights on one evening is a logging slip; the first
		 * stands, as the one the routine led to. */
		if (n->logged)
			continue;
		n->logged = 1;
		n->latency_min = s->latency_min;
		n->crying_min = s->crying_min;
		n->wakings = wakings_needing_help(s, &n->night_feeds,
		    &n->awake_min);
		n->onset_sec = lt.sec;
	}
}

/* ---- deciding -------------------------------------------------------- */

static void
say(struct lull_decision *out, enum lull_verdict v, enum lull_evidence ev,
    const char *source, const char *fmt, ...) LULL_PRINTF(5, 6);

static void
say(struct lull_decision *out, enum lull_verdict v, enum lull_evidence ev,
    const char *source, const char *fmt, ...)
{
	va_list ap;

	out->verdict = v;
	out->evidence = ev;
	out->source = source;
	va_start(ap, fmt);
	vsnprintf(out->reason, sizeof(out->reason), fmt, ap);
	va_end(ap);
}

/*
 * A calm night, as far as the log can tell: a night that says nothing of
 * settling time or crying is not counted as calm, so the plan never
 * claims what it was not told.
 */
static int
good_night(const struct lull_night *n)
{
	if (!n->logged)
		return 0;
	if (n->latency_min == LULL_UNKNOWN && n->crying_min == LULL_UNKNOWN)
		return 0;
	if (n->latency_min != LULL_UNKNOWN &&
	    n->latency_min > GOOD_LATENCY_MIN.value)
		return 0;
	if (n->crying_min != LULL_UNKNOWN &&
	    n->crying_min >= CALM_CRYING_MIN.value)
		return 0;
	return 1;
}

/*
 * The main goal's measure for one night, lower is better; -1 if the
 * night says nothing about it.
 */
static int
goal_metric(int goal, const struct lull_night *n)
{
	if (!n->logged)
		return -1;
	switch (goal) {
	case LULL_GOAL_FEWER_WAKINGS:
		return n->wakings;
	case LULL_GOAL_FEWER_NIGHT_FEEDS:
		return n->night_feeds;
	case LULL_GOAL_EARLIER_BEDTIME:
		return (int)(n->onset_sec / 60);
	case LULL_GOAL_LESS_HELP:
	default:
		return n->latency_min == LULL_UNKNOWN ? -1 : n->latency_min;
	}
}

/* Median of the metric over nights; -1 if fewer than 3 nights say. */
static int
median_metric(int goal, const struct lull_night *v, size_t n)
{
	int a[64], k = 0, i, j, t;
	size_t x;

	for (x = 0; x < n && k < 64; x++) {
		int m = goal_metric(goal, &v[x]);

		if (m >= 0)
			a[k++] = m;
	}
	if (k < 3)
		return -1;
	for (i = 1; i < k; i++)
		for (j = i; j > 0 && a[j - 1] > a[j]; j--) {
			t = a[j];
			a[j] = a[j - 1];
			a[j - 1] = t;
		}
	return k % 2 ? a[k / 2] : (a[k / 2 - 1] + a[k / 2]) / 2;
}

static const char *
goal_words(int goal)
{
	switch (goal) {
	case LULL_GOAL_FEWER_WAKINGS:
		return "night wakings that need you";
	case LULL_GOAL_FEWER_NIGHT_FEEDS:
		return "night feeds";
	case LULL_GOAL_EARLIER_BEDTIME:
		return "the time your child falls asleep";
	case LULL_GOAL_OWN_SPACE:
	case LULL_GOAL_LESS_HELP:
	default:
		return "minutes to fall asleep";
	}
}

/*
 * Has the main goal moved?  Compares the last WINDOW_NIGHTS against the
 * baseline (or, without one, the plan's first week).  Returns 1 if it
 * improved by PROGRESS_PERCENT or more, 0 if not, -1 if the log cannot
 * tell.  Fills before/after for the reason.
 */
static int
progress(int goal, const struct lull_night *nights, size_t n,
    const struct lull_night *base, size_t nb, int *before, int *after)
{
	size_t w = (size_t)WINDOW_NIGHTS.value;

	if (n < w)
		return -1;
	*after = median_metric(goal, nights + n - w, w);
	*before = nb > 0 ? median_metric(goal, base, nb) : -1;
	/* No usable week before the plan: its own first week stands in. */
	if (*before < 0)
		*before = median_metric(goal, nights, w);
	if (*before < 0 || *after < 0)
		return -1;
	if (*before == 0)
		return 0;
	return (*before - *after) * 100 >= PROGRESS_PERCENT.value * *before;
}

static void
reevaluate(const struct lull_plan *plan, int goal, int before, int after,
    int known, struct lull_decision *out)
{
	size_t i;

	if (known)
		say(out, LULL_VERDICT_REEVALUATE, STALL_NIGHTS.evidence,
		    STALL_NIGHTS.source,
		    "After %d nights there is no clear change in %s (%d "
		    "before, %d in the last %d nights). That is not your "
		    "failing: this method may not suit your child right now. "
		    "Consider another gentle method, or talk it over with a "
		    "child-health nurse or doctor.",
		    STALL_NIGHTS.value, goal_words(goal), before, after,
		    WINDOW_NIGHTS.value);
	else
		say(out, LULL_VERDICT_REEVALUATE, STALL_NIGHTS.evidence,
		    STALL_NIGHTS.source,
		    "The plan has stayed on the same step for %d nights. That "
		    "is not your failing: this method may not suit your child "
		    "right now. Consider another gentle method, or talk it "
		    "over with a child-health nurse or doctor.",
		    STALL_NIGHTS.value);
	out->refer = 1;
	for (i = 0; i < plan->nalternatives && i < LULL_PLAN_MAX_ALTERNATIVES;
	     i++)
		out->suggest[out->nsuggest++] = plan->alternatives[i];
}

static void
decide_paused(const struct lull_plan *plan, const struct lull_plan_state *st,
    const struct lull_night *nights, size_t n, struct lull_decision *out)
{
	const struct pause_rule *r = NULL;
	int clear = 0;
	size_t i;

	if (st->pause_by_parent) {
		say(out, LULL_VERDICT_PAUSE, LULL_EVIDENCE_POLICY,
		    "lull policy: the parent decides when to pause and resume",
		    "The plan is paused, as you chose. Resume whenever you are "
		    "ready; nothing is lost by waiting.");
		return;
	}
	/*
	 * Nights since the pause began, newest first: how many settled
	 * nights (logged, nothing that pauses, no hard crying) came since
	 * the last night that paused it.  A night nobody logged tells
	 * nothing either way.
	 */
	for (i = n; i > 0; i--) {
		const struct lull_night *x = &nights[i - 1];

		if (x->day < st->paused_since_day - 1)
			break;
		if (pausing(x->tags) != NULL) {
			r = pausing(x->tags);
			break;
		}
		if (x->logged && (x->crying_min == LULL_UNKNOWN ||
				     x->crying_min < DISTRESS_CRYING_MIN.value))
			clear++;
	}
	if (r == NULL) {
		/* The tag that paused it may lie before the window. */
		r = &pause_rules[0];
		for (i = 0; i < n; i++)
			if (pausing(nights[i].tags) != NULL)
				r = pausing(nights[i].tags);
	}
	if (clear >= RESUME_AFTER_NIGHTS.value) {
		int to = r->back_one_step && st->step > 1 ? st->step - 1 :
							     st->step;

		say(out, LULL_VERDICT_RESUME, RESUME_AFTER_NIGHTS.evidence,
		    RESUME_AFTER_NIGHTS.source,
		    "%d settled nights since the pause, so the plan resumes "
		    "tonight at step %d%s.",
		    clear, to,
		    to < st->step ? ", one step back, to make it easy again" :
				    "");
		out->step_to = to;
		return;
	}
	say(out, LULL_VERDICT_PAUSE, r->evidence, r->source, "%s", r->why);
	(void)plan;
}

/*
 * The parent resumed while this tag was already in force (on the night
 * before their resume): their choice stands, and the tag does not pause
 * the plan again.
 */
static int
resumed_during(const struct lull_plan_state *st,
    const struct lull_night *nights, size_t n, enum lull_tag_kind tag)
{
	size_t i;

	if (st->resumed_day == LULL_NO_DAY)
		return 0;
	for (i = 0; i < n; i++)
		if (nights[i].day == st->resumed_day - 1)
			return (nights[i].tags & (1u << tag)) != 0;
	return 0;
}

void
lull_plan_decide(const struct lull_plan *plan, const struct lull_plan_state *st,
    const struct lull_night *nights, size_t n, const struct lull_night *base,
    size_t nb, int32_t today, struct lull_decision *out)
{
	const struct lull_night *last = n ? &nights[n - 1] : NULL;
	const struct lull_step *step;
	const struct pause_rule *r;
	int need, run = 0, unknown = 0, goal, before = 0, after = 0, p;
	int32_t best_day;
	char date[16];
	size_t i;

	memset(out, 0, sizeof(*out));
	out->step_from = out->step_to = st->step;
	goal = plan->main_goal;
	if (plan->mode == LULL_MODE_PAUSED) {
		/* The most urgent referral is said again every morning. */
		say(out, LULL_VERDICT_PAUSE, LULL_EVIDENCE_GUIDELINE,
		    "domain.md 5.1 G4: a red flag pauses any plan",
		    "The plan is paused because of a health sign. %s Start a "
		    "new plan once your doctor has seen them.",
		    plan->nreferrals > 0 ? plan->referrals[0].message : "");
		return;
	}
	if (plan->mode != LULL_MODE_COACHING || plan->nsteps == 0) {
		if (plan->age_days < 122)
			say(out, LULL_VERDICT_HOLD, LULL_EVIDENCE_GUIDELINE,
			    "domain.md 5.1 G1 (Douglas & Hill 2013 [R30]; "
			    "AASM [R3])",
			    "No coaching before 4 months (corrected): the plan "
			    "is the foundations, responsive care and safe "
			    "sleep.");
		else
			say(out, LULL_VERDICT_HOLD, LULL_EVIDENCE_POLICY,
			    "lull policy: foundations carry no steps to "
			    "advance",
			    "This plan is the foundations, with no steps to "
			    "move through: keep the routine, and start a "
			    "coaching plan whenever you want one.");
		return;
	}
	if (st->paused) {
		decide_paused(plan, st, nights, n, out);
		return;
	}
	lull_date_format(today - 1, date, sizeof(date));
	if (last == NULL || last->day != today - 1 || !last->logged) {
		if (last != NULL && last->day == today - 1 &&
		    (r = pausing(last->tags)) != NULL &&
		    !resumed_during(st, nights, n, r->tag)) {
			say(out, LULL_VERDICT_PAUSE, r->evidence, r->source,
			    "%s", r->why);
			return;
		}
		say(out, LULL_VERDICT_HOLD, LULL_EVIDENCE_POLICY,
		    "lull policy: decide only from logged nights",
		    "No night is logged for %s, so the plan stays on step %d. "
		    "Log last night for a decision.",
		    date, st->step);
		return;
	}
	if ((r = pausing(last->tags)) != NULL &&
	    !resumed_during(st, nights, n, r->tag)) {
		say(out, LULL_VERDICT_PAUSE, r->evidence, r->source, "%s",
		    r->why);
		return;
	}
	if (last->crying_min != LULL_UNKNOWN &&
	    last->crying_min >= DISTRESS_CRYING_MIN.value) {
		if (st->step > 1) {
			say(out, LULL_VERDICT_STEP_BACK,
			    DISTRESS_CRYING_MIN.evidence,
			    DISTRESS_CRYING_MIN.source,
			    "Last night had about %d minutes of hard crying. "
			    "You comforted your child, which was right. "
			    "Tonight the plan goes back to step %d so it "
			    "feels safe again.",
			    last->crying_min, st->step - 1);
			out->step_to = st->step - 1;
		} else {
			say(out, LULL_VERDICT_HOLD,
			    DISTRESS_CRYING_MIN.evidence,
			    DISTRESS_CRYING_MIN.source,
			    "Last night had about %d minutes of hard crying. "
			    "You comforted your child, which was right. This "
			    "is the gentlest step, so stay here and give as "
			    "much help as needed; if it keeps happening, "
			    "pause and talk it over with a child-health "
			    "nurse.",
			    last->crying_min);
		}
		return;
	}
	step = lull_plan_step(plan, st->step);
	need = (step ? step->nights_min : plan->nights_per_step) + st->slow;
	for (i = n; i > 0; i--) {
		const struct lull_night *x = &nights[i - 1];

		if (x->day < st->step_since_day || !good_night(x))
			break;
		if (x->latency_min == LULL_UNKNOWN &&
		    x->crying_min == LULL_UNKNOWN)
			unknown++;
		run++;
	}
	if (run >= need) {
		if ((size_t)st->step >= plan->nsteps) {
			say(out, LULL_VERDICT_DONE,
			    GOOD_LATENCY_MIN.evidence, GOOD_LATENCY_MIN.source,
			    "%d calm nights on the last step: the plan's goal "
			    "is reached. Keep the routine as it is; you can "
			    "always step back if things change.",
			    run);
			return;
		}
		say(out, LULL_VERDICT_ADVANCE, GOOD_LATENCY_MIN.evidence,
		    GOOD_LATENCY_MIN.source,
		    "%d calm nights in a row on step %d (settling within %d "
		    "minutes, with little crying)%s, so tonight is step %d.",
		    run, st->step, GOOD_LATENCY_MIN.value,
		    unknown ? "; log settling time and crying for surer "
			      "decisions" :
			      "",
		    st->step + 1);
		out->step_to = st->step + 1;
		return;
	}
	/*
	 * A stall: no new ground for STALL_NIGHTS (the highest step, not the
	 * current one, so going up and down cannot hide it), and not
	 * re-evaluated already in that time.
	 */
	best_day = st->best_day == LULL_NO_DAY ? st->started_day : st->best_day;
	if (today - best_day >= STALL_NIGHTS.value &&
	    today - st->started_day >= STALL_NIGHTS.value &&
	    (st->reeval_day == LULL_NO_DAY ||
		today - st->reeval_day >= STALL_NIGHTS.value)) {
		p = progress(goal, nights, n, base, nb, &before, &after);
		if (p <= 0) {
			reevaluate(plan, goal, before, after, p == 0, out);
			return;
		}
	}
	if (last->latency_min == LULL_UNKNOWN && last->crying_min == LULL_UNKNOWN)
		say(out, LULL_VERDICT_HOLD, LULL_EVIDENCE_POLICY,
		    "lull policy: decide only from what was logged",
		    "Last night is logged without how long settling took or "
		    "any crying, so the plan cannot tell how it went. Stay on "
		    "step %d tonight, and log settling time and crying (even "
		    "0) to move on.",
		    st->step);
	else
		say(out, LULL_VERDICT_HOLD, GOOD_LATENCY_MIN.evidence,
		    GOOD_LATENCY_MIN.source,
		    "%d of %d calm nights on step %d so far. Stay on this "
		    "step tonight; steady repetition is what helps.",
		    run, need, st->step);
}

void
lull_plan_apply(const struct lull_plan *plan, struct lull_plan_state *st,
    const struct lull_decision *d, int32_t today)
{
	int last = plan->nsteps > 0 ? (int)plan->nsteps : 1;

	if (st->best_step < 1)
		st->best_step = st->step;
	switch (d->verdict) {
	case LULL_VERDICT_ADVANCE:
	case LULL_VERDICT_STEP_BACK:
	case LULL_VERDICT_OVERRIDE:
		st->step = d->step_to < 1 ? 1 : d->step_to > last ? last :
								   d->step_to;
		st->step_since_day = today;
		if (st->step > st->best_step) {
			st->best_step = st->step;
			st->best_day = today;
		}
		break;
	case LULL_VERDICT_REEVALUATE:
		st->reeval_day = today;
		break;
	case LULL_VERDICT_PAUSE:
		if (!st->paused) {
			st->paused = 1;
			st->paused_since_day = today;
			st->pause_by_parent = 0;
		}
		break;
	case LULL_VERDICT_RESUME:
		st->paused = 0;
		st->pause_by_parent = 0;
		st->step = d->step_to < 1 ? 1 : d->step_to > last ? last :
								   d->step_to;
		/* The count of calm nights starts again after a pause. */
		st->step_since_day = today;
		break;
	case LULL_VERDICT_SLOW:
		st->slow++;
		break;
	case LULL_VERDICT_HOLD:
	case LULL_VERDICT_DONE:
	case LULL_VERDICT__MAX:
		break;
	}
}

/* The most nights a parent can add to every step. */
#define SLOW_MAX 7

enum lull_err
lull_plan_parent(const struct lull_plan *plan, struct lull_plan_state *st,
    enum lull_verdict v, int to_step, const char *note, int32_t today,
    struct lull_decision *out, struct lull_errinfo *ei)
{
	const char *src = "lull policy: the parent is the expert; every step "
			  "can be paused, slowed, stepped back or overridden";
	char why[200];

	memset(out, 0, sizeof(*out));
	out->step_from = out->step_to = st->step;
	snprintf(why, sizeof(why), "%s%s", note && *note ? " Your note: " : "",
	    note && *note ? note : "");
	switch (v) {
	case LULL_VERDICT_PAUSE:
		if (st->paused && st->pause_by_parent)
			return lull_errinfo_set(ei, LULL_ECONFLICT, "plan",
			    "the plan is already paused");
		say(out, v, LULL_EVIDENCE_POLICY, src,
		    "You paused the plan. Comfort as you need; resume when "
		    "you are ready.%s",
		    why);
		st->paused = 1;
		st->pause_by_parent = 1;
		st->paused_since_day = today;
		return LULL_OK;
	case LULL_VERDICT_RESUME:
		if (plan->mode == LULL_MODE_PAUSED)
			return lull_errinfo_set(ei, LULL_ECONFLICT, "plan",
			    "the plan is paused for a health sign; once your "
			    "doctor has seen them, start a new plan with an "
			    "updated profile");
		if (!st->paused)
			return lull_errinfo_set(ei, LULL_ECONFLICT, "plan",
			    "the plan is not paused");
		say(out, v, LULL_EVIDENCE_POLICY, src,
		    "You resumed the plan at step %d.%s", st->step, why);
		lull_plan_apply(plan, st, out, today);
		st->resumed_day = today;
		return LULL_OK;
	case LULL_VERDICT_STEP_BACK:
		if (st->step <= 1)
			return lull_errinfo_set(ei, LULL_EINVAL, "step",
			    "step: the plan is on its first step already");
		out->step_to = st->step - 1;
		say(out, v, LULL_EVIDENCE_POLICY, src,
		    "You stepped back to step %d. Going back is part of the "
		    "plan, not a failure.%s",
		    out->step_to, why);
		lull_plan_apply(plan, st, out, today);
		return LULL_OK;
	case LULL_VERDICT_OVERRIDE:
		if (to_step < 1 || (size_t)to_step > plan->nsteps)
			return lull_errinfo_set(ei, LULL_EINVAL, "step",
			    "step: %d is not a step of this plan (1 to %zu)",
			    to_step, plan->nsteps);
		out->step_to = to_step;
		say(out, v, LULL_EVIDENCE_POLICY, src,
		    "You moved the plan to step %d.%s", to_step, why);
		lull_plan_apply(plan, st, out, today);
		return LULL_OK;
	case LULL_VERDICT_SLOW:
		if (st->slow >= SLOW_MAX)
			return lull_errinfo_set(ei, LULL_EINVAL, "slow",
			    "slow: already %d extra nights per step", st->slow);
		say(out, v, LULL_EVIDENCE_POLICY, src,
		    "You slowed the plan down: every step now takes %d more "
		    "night%s.%s",
		    st->slow + 1, st->slow ? "s" : "", why);
		lull_plan_apply(plan, st, out, today);
		return LULL_OK;
	case LULL_VERDICT_ADVANCE:
	case LULL_VERDICT_HOLD:
	case LULL_VERDICT_REEVALUATE:
	case LULL_VERDICT_DONE:
	case LULL_VERDICT__MAX:
		break;
	}
	return lull_errinfo_set(ei, LULL_EINVAL, "verdict",
	    "a parent can pause, resume, step back, override or slow down");
}
