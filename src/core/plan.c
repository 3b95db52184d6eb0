/*
 * Building a plan from an intake profile: the safety gates, red-flag
 * referrals and safe-sleep notes, the choice of one gentle method and one
 * association to change, the ladder of steps adjusted for temperament,
 * and the reasons for all of it.  Also the profile's defaults and checks,
 * and the names of the plan enums.  The words and numbers live in
 * plan_data.c beside their sources; this file only decides which rows
 * apply.  Pure: no I/O, no clock, no allocation.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/plan.h"

#include "plan_int.h"

#define NAME(tab, e, max) ((unsigned)(e) < (unsigned)(max) ? (tab)[e] : NULL)

static int
lookup(const char *const *names, int n, const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (names[i] != NULL && strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *
lull_feeding_name(enum lull_feeding e)
{
	return NAME(plan_feeding_names, e, LULL_FEEDING__MAX);
}

int
lull_feeding_parse(const char *s)
{
	return lookup(plan_feeding_names, LULL_FEEDING__MAX, s);
}

const char *
lull_space_name(enum lull_space e)
{
	return NAME(plan_space_names, e, LULL_SPACE__MAX);
}

int
lull_space_parse(const char *s)
{
	return lookup(plan_space_names, LULL_SPACE__MAX, s);
}

const char *
lull_assoc_name(enum lull_assoc e)
{
	return NAME(plan_assoc_names, e, LULL_ASSOC__MAX);
}

const char *
lull_assoc_label(enum lull_assoc e)
{
	return NAME(plan_assoc_labels, e, LULL_ASSOC__MAX);
}

int
lull_assoc_parse(const char *s)
{
	return lookup(plan_assoc_names, LULL_ASSOC__MAX, s);
}

const char *
lull_goal_name(enum lull_goal e)
{
	return NAME(plan_goal_names, e, LULL_GOAL__MAX);
}

int
lull_goal_parse(const char *s)
{
	return lookup(plan_goal_names, LULL_GOAL__MAX, s);
}

const char *
lull_health_name(enum lull_health e)
{
	return NAME(plan_health_names, e, LULL_HEALTH__MAX);
}

int
lull_health_parse(const char *s)
{
	return lookup(plan_health_names, LULL_HEALTH__MAX, s);
}

const char *
lull_temper_name(enum lull_temper e)
{
	return NAME(plan_temper_names, e, LULL_TEMPER__MAX);
}

int
lull_temper_parse(const char *s)
{
	return lookup(plan_temper_names, LULL_TEMPER__MAX, s);
}

const char *
lull_method_id(enum lull_method e)
{
	return NAME(plan_method_ids, e, LULL_METHOD__MAX);
}

int
lull_method_parse(const char *s)
{
	return lookup(plan_method_ids, LULL_METHOD__MAX, s);
}

const char *
lull_mode_name(enum lull_mode e)
{
	return NAME(plan_mode_names, e, LULL_MODE__MAX);
}

const char *
lull_presence_name(enum lull_presence e)
{
	return NAME(plan_presence_names, e, LULL_PRESENCE__MAX);
}

const char *
lull_evidence_name(enum lull_evidence e)
{
	return NAME(plan_evidence_names, e, LULL_EVIDENCE__MAX);
}

const char *
lull_urgency_name(enum lull_urgency e)
{
	return NAME(plan_urgency_names, e, LULL_URGENCY__MAX);
}

const char *
lull_severity_name(enum lull_severity e)
{
	return NAME(plan_severity_names, e, LULL_SEVERITY__MAX);
}

const char *
lull_verdict_name(enum lull_verdict e)
{
	return NAME(plan_verdict_names, e, LULL_VERDICT__MAX);
}

int
lull_verdict_parse(const char *s)
{
	return lookup(plan_verdict_names, LULL_VERDICT__MAX, s);
}

const struct lull_method_info *
lull_method_info(enum lull_method m)
{
	if ((unsigned)m >= LULL_METHOD__MAX)
		return NULL;
	return &plan_methods[m];
}

/* ---- the profile --------------------------------------------------------- */

void
lull_profile_init(struct lull_profile *p)
{
	int i;

	memset(p, 0, sizeof(*p));
	p->today = LULL_NO_DAY;
	p->born_day = LULL_NO_DAY;
	p->due_day = LULL_NO_DAY;
	p->feeding = LULL_FEEDING_BREAST;
	p->space = LULL_SPACE_PARENTS_ROOM_COT;
	for (i = 0; i < LULL_TEMPER__MAX; i++)
		p->temper[i] = 3;
	p->main_goal = -1;
	p->caregivers_for_nights = 2;
	p->method = LULL_METHOD_NONE;
}

#define LIM(id)     (plan_limits[PLAN_LIM_##id].value)
#define SET_OF(max) ((1u << (max)) - 1)

static enum lull_err
check_flag(int v, const char *field, struct lull_errinfo *ei)
{
	if (v == 0 || v == 1)
		return LULL_OK;
	return lull_errinfo_set(ei, LULL_EINVAL, field,
	    "%s: %d is neither 0 (no) nor 1 (yes)", field, v);
}

enum lull_err
lull_profile_check(const struct lull_profile *p, struct lull_errinfo *ei)
{
	struct lull_child c;
	struct lull_errinfo e;
	enum lull_err err;
	char field[32];
	int i;

	lull_errinfo_clear(ei);
	if (p->today == LULL_NO_DAY)
		return lull_errinfo_set(ei, LULL_EINVAL, "today",
		    "today: the profile needs today's date");
	/* The journal's rule for birth and due dates, so that a child is
	 * the same child in the journal and in the plan. */
	memset(&c, 0, sizeof(c));
	c.name = (char *)(uintptr_t) "child";
	c.born_day = p->born_day;
	c.due_day = p->due_day;
	lull_errinfo_clear(&e);
	if ((err = lull_child_check(&c, p->today, &e)) != LULL_OK) {
		return lull_errinfo_set(ei, err,
		    strcmp(e.field, "due") == 0 ? "child.due" : "child.born",
		    "child.%s", e.msg);
	}
	if ((unsigned)p->feeding >= LULL_FEEDING__MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, "child.feeding",
		    "child.feeding: %d is not a feeding type", (int)p->feeding);
	if ((err = check_flag(p->growth_concern, "child.growth_concern", ei)) !=
	    LULL_OK)
		return err;
	if ((unsigned)p->space >= LULL_SPACE__MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, "sleep_space",
		    "sleep_space: %d is not a sleep space", (int)p->space);
	if (p->assoc & ~SET_OF(LULL_ASSOC__MAX))
		return lull_errinfo_set(ei, LULL_EINVAL, "associations",
		    "associations: unknown values in the set 0x%x",
		    (unsigned)p->assoc);
	for (i = 0; i < LULL_TEMPER__MAX; i++)
		if (p->temper[i] < 1 || p->temper[i] > 5) {
			snprintf(field, sizeof(field), "temperament.%s",
			    plan_temper_names[i]);
			return lull_errinfo_set(ei, LULL_EINVAL, field,
			    "%s: %d is outside 1 to 5", field, p->temper[i]);
		}
	if (p->goals & ~SET_OF(LULL_GOAL__MAX))
		return lull_errinfo_set(ei, LULL_EINVAL, "goals",
		    "goals: unknown values in the set 0x%x",
		    (unsigned)p->goals);
	if (p->main_goal != -1 &&
	    ((unsigned)p->main_goal >= LULL_GOAL__MAX ||
		!(p->goals & (1u << p->main_goal))))
		return lull_errinfo_set(ei, LULL_EINVAL, "goals",
		    "goals: the main goal %d is not one of the goals",
		    p->main_goal);
	if (p->health & ~SET_OF(LULL_HEALTH__MAX))
		return lull_errinfo_set(ei, LULL_EINVAL, "health",
		    "health: unknown values in the set 0x%x",
		    (unsigned)p->health);
	if ((err = check_flag(p->smoker, "household.smoker", ei)) != LULL_OK ||
	    (err = check_flag(p->impaired_adult, "household.impaired_adult",
		 ei)) != LULL_OK ||
	    (err = check_flag(p->clinician_ok, "clinician_ok", ei)) != LULL_OK)
		return err;
	if (p->caregivers_for_nights < 1 ||
	    p->caregivers_for_nights > LIM(CAREGIVERS_MAX))
		return lull_errinfo_set(ei, LULL_EINVAL,
		    "household.caregivers_for_nights",
		    "household.caregivers_for_nights: %d is outside 1 to %d",
		    p->caregivers_for_nights, LIM(CAREGIVERS_MAX));
	if (p->method != LULL_METHOD_NONE &&
	    (p->method < 0 || p->method >= LULL_METHOD__MAX))
		return lull_errinfo_set(ei, LULL_EINVAL, "method",
		    "method: %d is not a method (M0 to M8)", p->method);
	return LULL_OK;
}

/* ---- building ------------------------------------------------------------ */

/* The facts every rule reads, taken from the profile once. */
struct ctx {
	struct lull_plan *p;
	int32_t age; /* corrected where that applies */
	uint32_t assoc, goals, health;
	int main;
	int temper[LULL_TEMPER__MAX];
	unsigned feeding; /* always in range: see read_profile() */
	unsigned space;
	int preterm;
	int bedshare;
	int smoker, impaired, clinician_ok, growth, caregivers;
	int chosen; /* the family's method, or LULL_METHOD_NONE */
	int nfr;    /* night-feed reduction allowed (domain.md 5.4) */
};

static int
high(const struct ctx *c, enum lull_temper t)
{
	return c->temper[t] >= LIM(TEMPER_HIGH);
}

static int
has(uint32_t set, int bit)
{
	return (set & (1u << bit)) != 0;
}

static int
months(int days)
{
	return (int)((double)days / 30.44 + 0.5);
}

/*
 * May the family choose method "m" for this child?  0 if so; otherwise
 * fills "why" (for the error message) and returns -1.  These are the
 * hard gates only; temperament advice does not refuse a choice.
 */
static int
refuse(const struct ctx *c, int m, char *why, size_t whysz)
{
	const struct lull_method_info *mi;
	char age[24];

	if (c->age < 0)
		snprintf(age, sizeof(age), "not yet at term");
	else
		lull_age_format(c->age, age, sizeof(age));
	if (m < 0 || m >= LULL_METHOD__MAX) {
		snprintf(why, whysz, "%d is not a method (M0 to M8)", m);
		return -1;
	}
	mi = &plan_methods[m];
	if (c->age < LIM(COACHING_DAYS) && m != LULL_M0 && m != LULL_M6) {
		snprintf(why, whysz,
		    "%s (%s) is not offered under %d months corrected age, "
		    "when the plan is foundations and cued care (M0, M6); "
		    "the child is %s",
		    plan_method_ids[m], mi->name, months(LIM(COACHING_DAYS)),
		    age);
		return -1;
	}
	if (c->age < mi->floor_age_days) {
		snprintf(why, whysz,
		    "%s (%s) starts at %d months corrected age; the child is "
		    "%s",
		    plan_method_ids[m], mi->name, months(mi->floor_age_days),
		    age);
		return -1;
	}
	if (c->age < LIM(ALL_METHODS_DAYS) && m != LULL_M0 && m != LULL_M4 &&
	    m != LULL_M5 && m != LULL_M6) {
		snprintf(why, whysz,
		    "%s (%s) starts at %d months corrected age; until then "
		    "only M0, M4, M5 and M6 are offered; the child is %s",
		    plan_method_ids[m], mi->name, months(LIM(ALL_METHODS_DAYS)),
		    age);
		return -1;
	}
	if (mi->max_age_days > 0 && c->age >= mi->max_age_days) {
		snprintf(why, whysz,
		    "%s (%s) suits babies under %d months; the child is %s",
		    plan_method_ids[m], mi->name, months(mi->max_age_days),
		    age);
		return -1;
	}
	if (m == LULL_M7 && !c->nfr) {
		snprintf(why, whysz,
		    "M7 (%s) needs normal growth: with a growth concern or "
		    "poor weight gain, night feeds stay as they are until a "
		    "paediatric review",
		    mi->name);
		return -1;
	}
	return 0;
}

/* Would method "m" be worth offering this family as an alternative? */
static int
relevant(const struct ctx *c, int m)
{
	uint32_t sucking = (1u << LULL_ASSOC_FED) | (1u << LULL_ASSOC_PACIFIER);
	uint32_t contact = (1u << LULL_ASSOC_ROCKED) | (1u << LULL_ASSOC_HELD) |
	    (1u << LULL_ASSOC_PATTED) | (1u << LULL_ASSOC_CAR_STROLLER);

	switch (m) {
	case LULL_M4:
		return (c->assoc & sucking) != 0;
	case LULL_M5:
		return (c->assoc & contact) != 0;
	case LULL_M7:
		return has(c->assoc, LULL_ASSOC_FED) ||
		    has(c->goals, LULL_GOAL_FEWER_NIGHT_FEEDS);
	case LULL_M8:
		return c->bedshare || c->space == LULL_SPACE_SIDECAR ||
		    (has(c->goals, LULL_GOAL_OWN_SPACE) &&
			c->space != LULL_SPACE_OWN_ROOM_COT);
	default:
		return 1;
	}
}

/* The association a method's ladder fades, one at a time (4.2). */
static enum lull_assoc
focus_for(const struct ctx *c, enum lull_method m)
{
	static const enum lull_assoc presence_order[] = { LULL_ASSOC_FED,
		LULL_ASSOC_ROCKED, LULL_ASSOC_HELD, LULL_ASSOC_PATTED,
		LULL_ASSOC_PACIFIER, LULL_ASSOC_CAR_STROLLER };
	static const enum lull_assoc contact_order[] = { LULL_ASSOC_ROCKED,
		LULL_ASSOC_HELD, LULL_ASSOC_CAR_STROLLER, LULL_ASSOC_PATTED };
	size_t i;

	switch (m) {
	case LULL_M2:
	case LULL_M3:
		/* Lying down with a toddler is what the chair positions
		 * were made for (domain.md 3.3), so it goes first. */
		if (has(c->assoc, LULL_ASSOC_PARENT_LYING))
			return LULL_ASSOC_PARENT_LYING;
		for (i = 0;
		     i < sizeof(presence_order) / sizeof(presence_order[0]);
		     i++)
			if (has(c->assoc, presence_order[i]))
				return presence_order[i];
		return LULL_ASSOC_NONE;
	case LULL_M4:
		if (!has(c->assoc, LULL_ASSOC_FED) &&
		    has(c->assoc, LULL_ASSOC_PACIFIER))
			return LULL_ASSOC_PACIFIER;
		return LULL_ASSOC_FED;
	case LULL_M5:
		for (i = 0;
		     i < sizeof(contact_order) / sizeof(contact_order[0]); i++)
			if (has(c->assoc, contact_order[i]))
				return contact_order[i];
		return LULL_ASSOC_NONE;
	case LULL_M7:
		return LULL_ASSOC_FED;
	case LULL_M8:
		return LULL_ASSOC_BED_SHARING;
	case LULL_M0:
	case LULL_M1:
	case LULL_M6:
	case LULL_METHOD__MAX:
		break;
	}
	return LULL_ASSOC_NONE;
}

/*
 * Our own choice of method from age, main goal, associations and
 * temperament (domain.md 3.1, 3.3, 4.2), for a child of 4 months or more
 * with at least one goal.  Returns LULL_M0 when no coaching method suits
 * yet, with the reason in *why.
 */
static enum lull_method
select_method(const struct ctx *c, enum plan_why_id *why)
{
	int toddler = c->age >= LIM(TODDLER_DAYS);
	int six = c->age >= LIM(ALL_METHODS_DAYS);
	int wakings = has(c->goals, LULL_GOAL_FEWER_WAKINGS);
	uint32_t a = c->assoc;

	*why = PLAN_WHY_FOUNDATIONS;
	/* Strong separation distress: presence throughout, camping out or
	 * the chair method only (Kahn 2020 [R31]); any other goal waits. */
	if (high(c, LULL_TEMPER_SEPARATION)) {
		if (!six) {
			*why = PLAN_WHY_SEP_YOUNG;
			return LULL_M0;
		}
		if (has(a, LULL_ASSOC_PARENT_LYING) ||
		    c->main == LULL_GOAL_FEWER_WAKINGS)
			return LULL_M3;
		return LULL_M2;
	}
	switch (c->main) {
	case LULL_GOAL_EARLIER_BEDTIME:
		if (six)
			return LULL_M1;
		break;
	case LULL_GOAL_OWN_SPACE:
		if (six && (c->bedshare || c->space != LULL_SPACE_OWN_ROOM_COT))
			return LULL_M8;
		break;
	case LULL_GOAL_FEWER_NIGHT_FEEDS:
		if (c->nfr)
			return LULL_M7;
		break;
	default:
		break;
	}
	/* The association path, feeding first: it is the help most often
	 * linked to wakings (domain.md 3.2, [R8][R15]). */
	if (has(a, LULL_ASSOC_FED) || has(a, LULL_ASSOC_PACIFIER)) {
		if (!toddler)
			return LULL_M4;
		return wakings ? LULL_M3 : LULL_M2;
	}
	if (has(a, LULL_ASSOC_ROCKED) || has(a, LULL_ASSOC_HELD) ||
	    has(a, LULL_ASSOC_PATTED) || has(a, LULL_ASSOC_CAR_STROLLER)) {
		if (!toddler)
			return LULL_M5;
		return wakings ? LULL_M3 : LULL_M2;
	}
	if (has(a, LULL_ASSOC_PARENT_LYING))
		return six ? LULL_M3 : LULL_M5;
	/* Only bed-sharing, or no help at all: bed-sharing families who
	 * did not ask to move get cued care, which respects their choice;
	 * others get presence fading from 6 months. */
	if (has(a, LULL_ASSOC_BED_SHARING) || !six)
		return LULL_M6;
	return wakings ? LULL_M3 : LULL_M2;
}

static void
why(struct lull_plan *p, enum plan_why_id id)
{
	size_t i;

	for (i = 0; i < p->nreasons; i++)
		if (p->reasons[i].text == plan_why[id].text)
			return;
	/* The table is ordered most important first, so when a rare
	 * profile has more reasons than fit, the least needed go. */
	if (p->nreasons < LULL_PLAN_MAX_REASONS)
		p->reasons[p->nreasons++] = plan_why[id];
}

static void
safety(struct lull_plan *p, enum plan_safety_id id)
{
	const struct plan_safety_row *r = &plan_safety_rows[id];
	struct lull_safety *s;

	if (p->nsafety >= LULL_PLAN_MAX_SAFETY)
		return;
	s = &p->safety[p->nsafety++];
	s->rule = r->rule;
	s->severity = r->severity;
	s->message = r->message;
	s->source = r->source;
}

static void
refer(struct lull_plan *p, int id)
{
	const struct plan_referral_row *r = &plan_referral_rows[id];
	struct lull_referral *x;

	if (p->nreferrals >= LULL_PLAN_MAX_REFERRALS)
		return;
	x = &p->referrals[p->nreferrals++];
	x->reason = r->reason;
	x->urgency = r->urgency;
	x->message = r->message;
	x->source = r->source;
}

/* Every health flag is referred; the most urgent comes first. */
static void
add_referrals(const struct ctx *c, struct lull_plan *p)
{
	struct lull_referral t;
	size_t i, j;
	int h;

	for (h = 0; h < LULL_HEALTH__MAX; h++) {
		if (!has(c->health, h))
			continue;
		if (h == LULL_HEALTH_FEVER && c->age < LIM(FEVER_YOUNG_DAYS))
			refer(p, PLAN_REF_FEVER_YOUNG);
		else
			refer(p, h);
	}
	if (c->growth)
		refer(p, PLAN_REF_GROWTH);
	/* Insertion sort: stable, so equal urgencies keep flag order. */
	for (i = 1; i < p->nreferrals; i++)
		for (j = i; j > 0 &&
		     p->referrals[j - 1].urgency > p->referrals[j].urgency;
		     j--) {
			t = p->referrals[j];
			p->referrals[j] = p->referrals[j - 1];
			p->referrals[j - 1] = t;
		}
}

static void
add_safety(const struct ctx *c, struct lull_plan *p)
{
	struct lull_safety t;
	size_t i, j;
	int infant = c->age < LIM(SAFE_SLEEP_DAYS);

	/* The infant rules and risk figures are for the first year; from
	 * then on the same warnings are worded for a child, and the ones
	 * that only concern babies (preterm birth, not breastfed) go. */
	if (c->space == LULL_SPACE_SOFA)
		safety(p, infant ? PLAN_SAFE_SOFA : PLAN_SAFE_SOFA_CHILD);
	if (c->bedshare) {
		safety(p, infant ? PLAN_SAFE_BS_HARM : PLAN_SAFE_BS_HARM_CHILD);
		if (c->smoker)
			safety(p,
			    infant ? PLAN_SAFE_BS_SMOKER
				   : PLAN_SAFE_BS_SMOKER_CHILD);
		if (c->impaired)
			safety(p,
			    infant ? PLAN_SAFE_BS_IMPAIRED
				   : PLAN_SAFE_BS_IMPAIRED_CHILD);
		if (c->age < LIM(BS_YOUNG_DAYS))
			safety(p, PLAN_SAFE_BS_YOUNG);
		if (infant && c->preterm)
			safety(p, PLAN_SAFE_BS_PRETERM);
		if (infant && c->feeding == LULL_FEEDING_BOTTLE)
			safety(p, PLAN_SAFE_BS_NOT_BREASTFED);
	} else {
		if (c->smoker)
			safety(p,
			    infant ? PLAN_SAFE_SMOKE : PLAN_SAFE_SMOKE_CHILD);
		if (c->impaired)
			safety(p,
			    infant ? PLAN_SAFE_IMPAIRED
				   : PLAN_SAFE_IMPAIRED_CHILD);
	}
	if (c->preterm && !c->clinician_ok && p->mode == LULL_MODE_COACHING)
		safety(p, PLAN_SAFE_PRETERM_CLINICIAN);
	if (c->space == LULL_SPACE_OWN_ROOM_COT &&
	    c->age < LIM(ROOM_SHARE_DAYS))
		safety(p, PLAN_SAFE_ROOM_SHARE);
	if (infant && has(c->assoc, LULL_ASSOC_CAR_STROLLER))
		safety(p, PLAN_SAFE_DEVICES);
	if (infant) {
		safety(p, PLAN_SAFE_BACK);
		safety(p, PLAN_SAFE_SURFACE);
	}
	if (infant && has(c->assoc, LULL_ASSOC_PACIFIER))
		safety(p, PLAN_SAFE_PACIFIER);
	if (c->age < LIM(SWADDLE_DAYS))
		safety(p, PLAN_SAFE_SWADDLE);
	safety(p, PLAN_SAFE_INFO);
	/* Strongest first, so a hurried reader meets the hard warnings. */
	for (i = 1; i < p->nsafety; i++)
		for (j = i;
		     j > 0 && p->safety[j - 1].severity < p->safety[j].severity;
		     j--) {
			t = p->safety[j];
			p->safety[j] = p->safety[j - 1];
			p->safety[j - 1] = t;
		}
}

/* How long a coaching rung is held, after temperament (domain.md 4.2). */
static int
nights_for(const struct ctx *c, int nights)
{
	if (high(c, LULL_TEMPER_SEPARATION) && nights < LIM(SEP_NIGHTS))
		nights = LIM(SEP_NIGHTS);
	if (high(c, LULL_TEMPER_SENSITIVITY))
		nights += LIM(SENS_EXTRA);
	return nights;
}

/* Where the child sleeps now, for M8's first rung. */
static int
place_of(const struct ctx *c)
{
	if (c->bedshare)
		return PLAN_AT_BED;
	switch (c->space) {
	case LULL_SPACE_SIDECAR:
		return PLAN_AT_SIDECAR;
	case LULL_SPACE_PARENTS_ROOM_COT:
		return PLAN_AT_ROOM;
	case LULL_SPACE_OWN_ROOM_COT:
		return PLAN_AT_OWN_ROOM;
	default:
		/* A sofa or somewhere else: start with a surface of their
		 * own beside the parent. */
		return PLAN_AT_BED;
	}
}

/*
 * Append the rungs of ladder "id" that apply to method "m" and this
 * child.  Returns 1 if a rung for persistent children was added.
 */
static int
add_rungs(const struct ctx *c, struct lull_plan *p, enum plan_ladder_id id,
    enum lull_method m, int coaching)
{
	const struct plan_ladder *l = &plan_ladders[id];
	uint32_t focus = 1u << p->focus;
	int place = place_of(c), persist = 0;
	int infant = c->age < LIM(SAFE_SLEEP_DAYS);
	int partner = c->caregivers >= 2;
	int young = c->age < LIM(FEED_FIRST_DAYS);
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct plan_rung *r = &l->v[i];
		struct lull_step *s;

		if (r->methods != 0 && !(r->methods & (1u << m)))
			continue;
		if (r->assoc != 0 && !(r->assoc & focus))
			continue;
		if (r->feeding != 0 &&
		    (c->feeding >= LULL_FEEDING__MAX ||
			!(r->feeding & (1u << c->feeding))))
			continue;
		if (r->skip_from != 0 && place >= r->skip_from)
			continue;
		if ((r->flags & PLAN_RUNG_PERSIST) &&
		    !high(c, LULL_TEMPER_PERSISTENCE))
			continue;
		if (((r->flags & PLAN_RUNG_INFANT) && !infant) ||
		    ((r->flags & PLAN_RUNG_TODDLER) && infant) ||
		    ((r->flags & PLAN_RUNG_PARTNER) && !partner) ||
		    ((r->flags & PLAN_RUNG_SOLO) && partner))
			continue;
		if (p->nsteps >= LULL_PLAN_MAX_STEPS)
			break;
		s = &p->steps[p->nsteps++];
		s->index = (int)p->nsteps;
		s->nights_min = coaching ? nights_for(c, r->nights) : r->nights;
		s->presence = r->presence;
		s->leaves_crying_child_alone = 0;
		s->title = r->title;
		s->bedtime = r->bedtime;
		/* Under 6 months night feeds are never spaced out, so the
		 * waking text puts feeding first (domain.md 5.4). */
		s->waking = young && r->waking_young != NULL ? r->waking_young
							     : r->waking;
		s->if_crying = r->if_crying;
		s->source = r->source;
		if (r->flags & PLAN_RUNG_PERSIST)
			persist = 1;
	}
	return persist;
}

/*
 * The facts the rules read.  The contract is a checked profile, but a
 * stray value must not break the build: sets are masked, ratings
 * clamped, an unknown feeding reads as mixed and an unknown space as
 * "other", and the first goal stands in for a missing main goal.
 */
static void
read_profile(struct ctx *c, const struct lull_profile *pf)
{
	struct lull_child ch;
	int i, corrected = 0;
	int32_t due = pf->due_day;

	c->assoc =
	    pf->assoc & SET_OF(LULL_ASSOC__MAX) & ~(1u << LULL_ASSOC_NONE);
	c->goals = pf->goals & SET_OF(LULL_GOAL__MAX);
	c->main = pf->main_goal;
	if (c->main >= 0 && c->main < LULL_GOAL__MAX) {
		c->goals |= 1u << c->main;
	} else {
		c->main = -1;
		for (i = 0; i < LULL_GOAL__MAX && c->main < 0; i++)
			if (has(c->goals, i))
				c->main = i;
	}
	c->health = pf->health & SET_OF(LULL_HEALTH__MAX);
	for (i = 0; i < LULL_TEMPER__MAX; i++) {
		c->temper[i] = pf->temper[i];
		if (c->temper[i] < 1)
			c->temper[i] = 1;
		if (c->temper[i] > 5)
			c->temper[i] = 5;
	}
	c->feeding = (unsigned)pf->feeding;
	if (c->feeding >= LULL_FEEDING__MAX)
		c->feeding = LULL_FEEDING_MIXED;
	c->space = (unsigned)pf->space;
	if (c->space >= LULL_SPACE__MAX)
		c->space = LULL_SPACE_OTHER;
	c->smoker = pf->smoker != 0;
	c->impaired = pf->impaired_adult != 0;
	c->clinician_ok = pf->clinician_ok != 0;
	c->growth = pf->growth_concern != 0;
	c->caregivers = pf->caregivers_for_nights;
	c->chosen = pf->method;
	c->bedshare = c->space == LULL_SPACE_PARENTS_BED ||
	    has(pf->assoc, LULL_ASSOC_BED_SHARING);
	/* A due date outside the journal's bounds is a typo, and would
	 * overflow the day arithmetic: ignore it here (check() names it). */
	if (due != LULL_NO_DAY &&
	    (due < pf->born_day - 6 * 7 || due > pf->born_day + 20 * 7))
		due = LULL_NO_DAY;
	memset(&ch, 0, sizeof(ch));
	ch.born_day = pf->born_day;
	ch.due_day = due;
	c->age = lull_child_age_days(&ch, pf->today, &corrected);
	c->p->corrected = corrected;
	c->preterm =
	    due != LULL_NO_DAY && due - pf->born_day > LIM(PRETERM_DAYS);
	c->nfr = c->age >= LIM(ALL_METHODS_DAYS) && !c->growth &&
	    !has(c->health, LULL_HEALTH_POOR_WEIGHT_GAIN);
}

static enum plan_why_id
focus_why(const struct lull_plan *p)
{
	switch (p->method) {
	case LULL_M1:
		return PLAN_WHY_FOCUS_TIME;
	case LULL_M6:
		return PLAN_WHY_FOCUS_CUED;
	case LULL_M7:
		return PLAN_WHY_FOCUS_FEEDS;
	default:
		break;
	}
	return (enum plan_why_id)(PLAN_WHY_FOCUS_FED + (int)p->focus);
}

/* Reasons every mode may add, after the mode's own. */
static void
common_reasons(const struct ctx *c, struct lull_plan *p, uint32_t excused)
{
	if (p->corrected)
		why(p, PLAN_WHY_CORRECTED);
	if (excused)
		why(p, PLAN_WHY_CLINICIAN_OK);
	if (has(c->goals, LULL_GOAL_FEWER_NIGHT_FEEDS) &&
	    p->method != LULL_M7) {
		if (c->age < LIM(ALL_METHODS_DAYS))
			why(p, PLAN_WHY_FEEDS_YOUNG);
		else if (!c->nfr)
			why(p, PLAN_WHY_FEEDS_GROWTH);
	}
	if (has(c->goals, LULL_GOAL_OWN_SPACE) && c->age < LIM(ROOM_SHARE_DAYS))
		why(p, PLAN_WHY_OWN_SPACE_YOUNG);
}

/*
 * Why a plan is paused, in words that fit the flags: "once they are well
 * again" only for an illness (fever, ill); the other signs wait for a
 * doctor, not for recovery.
 */
static enum plan_why_id
paused_why(const struct ctx *c, uint32_t pausing)
{
	uint32_t ill = (1u << LULL_HEALTH_FEVER) | (1u << LULL_HEALTH_ILL);
	int unwell = (pausing & ill) != 0;
	int doctor = (pausing & ~ill) != 0 || (c->growth && !c->clinician_ok);

	if (unwell && doctor)
		return PLAN_WHY_PAUSED_BOTH;
	return unwell ? PLAN_WHY_PAUSED_ILL : PLAN_WHY_PAUSED_DOCTOR;
}

static enum plan_why_id
sofa_why(const struct ctx *c)
{
	return c->age < LIM(SAFE_SLEEP_DAYS) ? PLAN_WHY_SOFA
					     : PLAN_WHY_SOFA_CHILD;
}

static void
caregiver_reason(const struct ctx *c, struct lull_plan *p)
{
	if (c->caregivers <= 1)
		why(p, PLAN_WHY_ONE);
	else if (p->method == LULL_M7 &&
	    (c->feeding == LULL_FEEDING_BREAST ||
		c->feeding == LULL_FEEDING_MIXED))
		why(p, PLAN_WHY_TWO_FEED);
	else
		why(p, PLAN_WHY_TWO);
}

static void
add_alternatives(const struct ctx *c, struct lull_plan *p)
{
	char buf[256];
	int m;

	for (m = 0; m < LULL_METHOD__MAX; m++) {
		if (m == (int)p->method || refuse(c, m, buf, sizeof(buf)))
			continue;
		if (m == LULL_M0 && p->mode != LULL_MODE_COACHING)
			continue;
		if (relevant(c, m))
			p->alternatives[p->nalternatives++] =
			    (enum lull_method)m;
	}
}

static void
plan_reset(struct lull_plan *p)
{
	memset(p, 0, sizeof(*p));
	p->mode = LULL_MODE_FOUNDATIONS;
	p->method = LULL_M0;
	p->focus = LULL_ASSOC_NONE;
	p->main_goal = -1;
}

enum lull_err
lull_plan_build(const struct lull_profile *pf, struct lull_plan *p,
    struct lull_errinfo *ei)
{
	struct ctx c;
	enum plan_why_id found_why = PLAN_WHY_FOUNDATIONS;
	uint32_t pausing, excused = 0;
	char msg[200];
	int persist;

	plan_reset(p);
	lull_errinfo_clear(ei);
	/* The few values that would break the arithmetic; everything else
	 * an unchecked profile carries is clamped in read_profile(). */
	if (pf->today == LULL_NO_DAY)
		return lull_errinfo_set(ei, LULL_EINVAL, "today",
		    "today: the profile needs today's date");
	if (pf->born_day == LULL_NO_DAY || pf->born_day > pf->today ||
	    (int64_t)pf->today - pf->born_day > 10 * 366)
		return lull_errinfo_set(ei, LULL_EINVAL, "child.born",
		    "child.born: the birth date must be within ten years "
		    "before today");
	memset(&c, 0, sizeof(c));
	c.p = p;
	read_profile(&c, pf);
	p->age_days = c.age;
	p->main_goal = c.main;

	/* Gate G4, with G5's exception: a clinician's OK lets a plan go
	 * ahead despite snoring, reflux or slow growth, never despite an
	 * acute sign. */
	pausing = c.health;
	if (c.clinician_ok) {
		excused = pausing &
		    ((1u << LULL_HEALTH_SNORING) | (1u << LULL_HEALTH_REFLUX) |
			(1u << LULL_HEALTH_POOR_WEIGHT_GAIN));
		pausing &= ~excused;
		if (c.growth)
			excused |= 1u << LULL_HEALTH__MAX;
	}
	add_referrals(&c, p);
	if (pausing != 0 || (c.growth && !c.clinician_ok)) {
		/* A method choice is not checked here: nothing may hide an
		 * emergency behind an error about the method. */
		p->mode = LULL_MODE_PAUSED;
		if (c.space == LULL_SPACE_SOFA)
			add_rungs(&c, p, PLAN_LADDER_SOFA, LULL_M0, 0);
		add_rungs(&c, p, PLAN_LADDER_PAUSED, LULL_M0, 0);
		p->nights_per_step = plan_methods[LULL_M0].nights_per_step;
		why(p, paused_why(&c, pausing));
		if (c.space == LULL_SPACE_SOFA)
			why(p, sofa_why(&c));
		if (c.chosen != LULL_METHOD_NONE)
			why(p, PLAN_WHY_CHOICE_PAUSED);
		common_reasons(&c, p, 0);
		add_safety(&c, p);
		return LULL_OK;
	}
	p->night_feed_reduction_allowed = c.nfr;

	/* SS-02: a sofa blocks coaching.  The first step is a surface of
	 * their own, then the foundations.  A chosen method is not judged
	 * here (only a number that is no method at all is refused), so
	 * that no error about it hides the sofa warning. */
	if (c.space == LULL_SPACE_SOFA &&
	    (c.chosen == LULL_METHOD_NONE ||
		(c.chosen >= 0 && c.chosen < LULL_METHOD__MAX))) {
		p->mode = LULL_MODE_FOUNDATIONS;
		add_rungs(&c, p, PLAN_LADDER_SOFA, LULL_M0, 0);
		add_rungs(&c, p,
		    c.age < LIM(COACHING_DAYS) ? PLAN_LADDER_M0_YOUNG
					       : PLAN_LADDER_M0,
		    LULL_M0, 0);
		p->nights_per_step = plan_methods[LULL_M0].nights_per_step;
		why(p, sofa_why(&c));
		if (c.age < LIM(COACHING_DAYS))
			why(p, PLAN_WHY_G1);
		if (c.chosen == LULL_M0)
			why(p, PLAN_WHY_CHOICE);
		else if (c.chosen != LULL_METHOD_NONE)
			why(p, PLAN_WHY_CHOICE_SOFA);
		common_reasons(&c, p, excused);
		caregiver_reason(&c, p);
		add_safety(&c, p);
		return LULL_OK;
	}

	if (c.chosen != LULL_METHOD_NONE &&
	    refuse(&c, c.chosen, msg, sizeof(msg))) {
		plan_reset(p);
		return lull_errinfo_set(ei, LULL_EINVAL, "method", "method: %s",
		    msg);
	}
	if (c.chosen != LULL_METHOD_NONE)
		p->method = (enum lull_method)c.chosen;
	else if (c.age >= LIM(COACHING_DAYS) && c.goals != 0)
		p->method = select_method(&c, &found_why);
	else if (c.age >= LIM(COACHING_DAYS))
		found_why = PLAN_WHY_NO_GOALS;

	/* Under 4 months every road leads to foundations (G1). */
	if (c.age < LIM(COACHING_DAYS)) {
		p->mode = LULL_MODE_FOUNDATIONS;
		p->method = LULL_M0;
		add_rungs(&c, p, PLAN_LADDER_M0_YOUNG, LULL_M0, 0);
		p->nights_per_step = plan_methods[LULL_M0].nights_per_step;
		why(p, PLAN_WHY_G1);
		if (c.chosen == LULL_M6)
			why(p, PLAN_WHY_CHOICE_M6_YOUNG);
		else if (c.chosen == LULL_M0)
			why(p, PLAN_WHY_CHOICE);
		common_reasons(&c, p, excused);
		caregiver_reason(&c, p);
		add_safety(&c, p);
		return LULL_OK;
	}
	if (p->method == LULL_M0) {
		p->mode = LULL_MODE_FOUNDATIONS;
		add_rungs(&c, p, PLAN_LADDER_M0, LULL_M0, 0);
		p->nights_per_step = plan_methods[LULL_M0].nights_per_step;
		why(p, c.chosen == LULL_M0 ? PLAN_WHY_CHOICE : found_why);
		if (c.age < LIM(ALL_METHODS_DAYS))
			why(p, PLAN_WHY_G2);
		common_reasons(&c, p, excused);
		caregiver_reason(&c, p);
		add_alternatives(&c, p);
		add_safety(&c, p);
		return LULL_OK;
	}

	p->mode = LULL_MODE_COACHING;
	p->focus = focus_for(&c, p->method);
	p->nights_per_step =
	    nights_for(&c, plan_methods[p->method].nights_per_step);
	persist = 0;
	if (p->method == LULL_M2 || p->method == LULL_M3 ||
	    p->method == LULL_M5)
		persist |= add_rungs(&c, p, PLAN_LADDER_LEADIN, p->method, 1);
	persist |= add_rungs(&c, p,
	    (enum plan_ladder_id)(PLAN_LADDER_M1 + (int)p->method - 1),
	    p->method, 1);

	if (c.chosen != LULL_METHOD_NONE) {
		why(p, PLAN_WHY_CHOICE);
		if (high(&c, LULL_TEMPER_SEPARATION) && p->method != LULL_M2 &&
		    p->method != LULL_M3)
			why(p, PLAN_WHY_CHOICE_SEP);
	}
	why(p, (enum plan_why_id)(PLAN_WHY_M1 + (int)p->method - 1));
	why(p, focus_why(p));
	why(p, PLAN_WHY_EVIDENCE);
	if (c.age < LIM(ALL_METHODS_DAYS))
		why(p, PLAN_WHY_G2);
	common_reasons(&c, p, excused);
	if (high(&c, LULL_TEMPER_SEPARATION))
		why(p, PLAN_WHY_SEP);
	if (high(&c, LULL_TEMPER_PERSISTENCE))
		why(p, persist ? PLAN_WHY_PERSIST : PLAN_WHY_PERSIST_NORUNG);
	if (high(&c, LULL_TEMPER_SENSITIVITY))
		why(p, PLAN_WHY_SENS);
	caregiver_reason(&c, p);
	if (high(&c, LULL_TEMPER_ALERTNESS))
		why(p, PLAN_WHY_ALERT);
	add_alternatives(&c, p);
	add_safety(&c, p);
	return LULL_OK;
}

const struct lull_step *
lull_plan_step(const struct lull_plan *p, int index)
{
	if (p->nsteps == 0)
		return NULL;
	if (index < 1)
		index = 1;
	if ((size_t)index > p->nsteps)
		index = (int)p->nsteps;
	return &p->steps[index - 1];
}
