/*
 * The gentle plan engine: from an intake profile to a personalised plan
 * (a method and its ladder of steps, tonight's guidance, safety notes and
 * referrals), and each morning a decision from the logged nights.
 *
 * Principles that every function here keeps (docs/plan.md):
 *  - A parent stays present.  No step leaves a crying child alone, tells a
 *    parent to check at intervals or to let a child cry; crying is met
 *    with comfort, and the plan softens (steps back) after hard crying.
 *  - Safety cannot be bypassed: under 4 months corrected age there is no
 *    coaching (foundations, cued care and safe sleep only); night-feed
 *    reduction only from 6 months with normal growth; bed-sharing is never
 *    recommended (families who already bed-share get harm-reduction facts);
 *    a medical red flag pauses the plan and points to a clinician, and an
 *    emergency sign says so first.
 *  - Every number shown comes from a table in src/core/plan_data.c with
 *    its source beside it; every decision carries its reason and evidence.
 *
 * Everything here is pure: no I/O, no clock ("today" is an argument), and
 * no allocation: a plan and a decision are plain structs whose strings
 * point into static tables or into the struct itself.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_PLAN_H
#define LULL_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"
#include "lull/model.h"
#include "lull/tz.h"

/* ---- intake profile (docs/profile.md, docs/profile.schema.json) ----- */

enum lull_feeding {
	LULL_FEEDING_BREAST = 0,
	LULL_FEEDING_BOTTLE,
	LULL_FEEDING_MIXED,
	LULL_FEEDING_SOLIDS,
	LULL_FEEDING__MAX
};

enum lull_space {
	LULL_SPACE_OWN_ROOM_COT = 0,
	LULL_SPACE_PARENTS_ROOM_COT,
	LULL_SPACE_SIDECAR,
	LULL_SPACE_PARENTS_BED,
	LULL_SPACE_SOFA,
	LULL_SPACE_OTHER,
	LULL_SPACE__MAX
};

/* Current sleep associations: a set of (1u << value). */
enum lull_assoc {
	LULL_ASSOC_FED = 0,
	LULL_ASSOC_ROCKED,
	LULL_ASSOC_HELD,
	LULL_ASSOC_PACIFIER,
	LULL_ASSOC_PARENT_LYING,
	LULL_ASSOC_BED_SHARING,
	LULL_ASSOC_CAR_STROLLER,
	LULL_ASSOC_PATTED,
	LULL_ASSOC_NONE,
	LULL_ASSOC__MAX
};

/* The family's goals: a set of (1u << value). */
enum lull_goal {
	LULL_GOAL_LESS_HELP = 0, /* falls asleep with less help */
	LULL_GOAL_FEWER_WAKINGS,
	LULL_GOAL_EARLIER_BEDTIME, /* earlier or steadier bedtime */
	LULL_GOAL_OWN_SPACE,
	LULL_GOAL_FEWER_NIGHT_FEEDS,
	LULL_GOAL__MAX
};

/* Health flags: a set of (1u << value).  Several are red flags. */
enum lull_health {
	LULL_HEALTH_SNORING = 0,
	LULL_HEALTH_BREATHING_PAUSES,
	LULL_HEALTH_POOR_WEIGHT_GAIN,
	LULL_HEALTH_REFLUX,
	LULL_HEALTH_FEVER,
	LULL_HEALTH_ILL,
	LULL_HEALTH_BLUE_OR_LIMP,
	LULL_HEALTH__MAX
};

/* Temperament, each rated 1 (low) to 5 (high) by the parent. */
enum lull_temper {
	LULL_TEMPER_PERSISTENCE = 0, /* persistence/intensity of protest */
	LULL_TEMPER_SENSITIVITY,     /* sensitivity to change */
	LULL_TEMPER_SEPARATION,	     /* separation distress */
	LULL_TEMPER_ALERTNESS,
	LULL_TEMPER__MAX
};

enum lull_method {
	LULL_M0 = 0, /* foundations */
	LULL_M1,     /* positive routine + bedtime fading */
	LULL_M2,     /* camping out (presence fading) */
	LULL_M3,     /* chair method (shuffle) */
	LULL_M4,     /* gentle removal (pull-off) */
	LULL_M5,     /* pick up / put down */
	LULL_M6,     /* cued, responsive care */
	LULL_M7,     /* night-feed reduction */
	LULL_M8,     /* bed-sharing -> own sleep surface */
	LULL_METHOD__MAX
};

#define LULL_METHOD_NONE (-1)

struct lull_profile {
	int32_t today;	  /* civil day number */
	int32_t born_day; /* civil day number */
	int32_t due_day;  /* LULL_NO_DAY if not premature / not given */
	enum lull_feeding feeding;
	int growth_concern; /* 0 or 1 */
	enum lull_space space;
	uint32_t assoc;	 /* set of enum lull_assoc */
	int temper[LULL_TEMPER__MAX]; /* 1..5; default 3 */
	uint32_t goals;	 /* set of enum lull_goal */
	int main_goal;	 /* the first goal listed, or -1 if none */
	uint32_t health; /* set of enum lull_health */
	int smoker;	 /* someone in the household smokes */
	int impaired_adult; /* an adult on sedating medicine, alcohol, drugs */
	int caregivers_for_nights; /* 1..n adults who can take nights */
	int clinician_ok; /* "my clinician is OK with this" (gate G5) */
	int method;	  /* the family's chosen method, or LULL_METHOD_NONE */
};

/* Defaults for every optional field (docs/profile.md). */
void lull_profile_init(struct lull_profile *);

/* Stable names used in the profile JSON ("parents_room_cot"). */
const char *lull_feeding_name(enum lull_feeding);
int lull_feeding_parse(const char *);
const char *lull_space_name(enum lull_space);
int lull_space_parse(const char *);
const char *lull_assoc_name(enum lull_assoc);
const char *lull_assoc_label(enum lull_assoc); /* "feeding to sleep" */
int lull_assoc_parse(const char *);
const char *lull_goal_name(enum lull_goal);
int lull_goal_parse(const char *);
const char *lull_health_name(enum lull_health);
int lull_health_parse(const char *);
const char *lull_temper_name(enum lull_temper); /* "persistence" ... */
int lull_temper_parse(const char *);
const char *lull_method_id(enum lull_method);	/* "M2" */
int lull_method_parse(const char *);		/* "M2" -> LULL_M2 */

/*
 * Check a profile's values (ranges, dates: born not after today, due
 * within the bounds of journal.h).  Field names in "ei" are the JSON
 * paths ("temperament.persistence").
 */
LULL_MUST_CHECK enum lull_err lull_profile_check(const struct lull_profile *,
    struct lull_errinfo *ei);

/* ---- the plan --------------------------------------------------------- */

enum lull_mode {
	LULL_MODE_COACHING = 0, /* a method with steps */
	LULL_MODE_FOUNDATIONS,	/* under 4 months, or no coaching wanted */
	LULL_MODE_PAUSED,	/* a red flag or a pause: comfort only */
	LULL_MODE__MAX
};

/* Where the parent is while the child falls asleep (and at wakings). */
enum lull_presence {
	LULL_PRESENCE_HOLDING = 0,
	LULL_PRESENCE_TOUCHING,
	LULL_PRESENCE_BESIDE,
	LULL_PRESENCE_NEAR,
	LULL_PRESENCE_DOORWAY,
	LULL_PRESENCE_OUTSIDE_IN_VIEW,
	LULL_PRESENCE_OUTSIDE_NEARBY,
	LULL_PRESENCE__MAX
};

/* How strong the evidence behind a rule or a number is. */
enum lull_evidence {
	LULL_EVIDENCE_GUIDELINE = 0, /* AAP, AASM, WHO, NICE consensus */
	LULL_EVIDENCE_TRIAL,	     /* randomised trial or review of them */
	LULL_EVIDENCE_OBSERVATIONAL,
	LULL_EVIDENCE_CONVENTION,    /* practitioner convention */
	LULL_EVIDENCE_POLICY,	     /* our own product decision */
	LULL_EVIDENCE__MAX
};

enum lull_urgency {
	LULL_URGENCY_EMERGENCY = 0, /* now: emergency services */
	LULL_URGENCY_SOON,	    /* today: a doctor the same day */
	LULL_URGENCY_ROUTINE,	    /* at the next chance */
	LULL_URGENCY__MAX
};

enum lull_severity {
	LULL_SEVERITY_INFO = 0,
	LULL_SEVERITY_WARNING,
	LULL_SEVERITY_STRONG, /* cannot be dismissed for good */
	LULL_SEVERITY__MAX
};

const char *lull_mode_name(enum lull_mode);	    /* "coaching" */
const char *lull_presence_name(enum lull_presence); /* "outside_in_view" */
const char *lull_evidence_name(enum lull_evidence); /* "trial" */
const char *lull_urgency_name(enum lull_urgency);   /* "emergency" */
const char *lull_severity_name(enum lull_severity); /* "strong" */

/*
 * A method of the catalogue (domain.md 3.1), as data.  Strings are
 * static.
 */
struct lull_method_info {
	enum lull_method id;
	const char *name;     /* "Camping out" */
	const char *summary;  /* one warm sentence */
	const char *suits;    /* what it suits */
	int min_age_days;     /* default minimum age (corrected) */
	int floor_age_days;   /* hard floor, below which it is never offered */
	int max_age_days;     /* 0: no upper limit */
	int nights_per_step;  /* default nights on each step */
	const char *advance_rule; /* when to take the next step */
	enum lull_evidence evidence;
	const char *source;   /* "Raising Children Network [R39]; ..." */
};

/* The catalogue entry of a method; never NULL for a valid id. */
const struct lull_method_info *lull_method_info(enum lull_method);

/*
 * One rung of a ladder.  Every string is plain, warm guidance written for
 * a tired parent; every step keeps a parent with a crying child.
 */
struct lull_step {
	int index;	/* 1-based */
	int nights_min; /* nights to hold before advancing */
	enum lull_presence presence;
	int leaves_crying_child_alone; /* always 0: checked by tests */
	const char *title;	       /* "Sit beside the cot, hand on" */
	const char *bedtime;	       /* what to do at bedtime */
	const char *waking;	       /* what to do when the child wakes */
	const char *if_crying;	       /* if crying escalates */
	const char *source;
};

struct lull_safety {
	const char *rule;    /* stable id: "SS-02", "BS-HARM", "G1" */
	enum lull_severity severity;
	const char *message; /* plain words */
	const char *source;
};

struct lull_referral {
	const char *reason; /* stable id: "blue_or_limp", "snoring" */
	enum lull_urgency urgency;
	const char *message; /* what to do, plainly */
	const char *source;
};

/* Why the plan is what it is: one line per consideration. */
struct lull_reason {
	const char *text;
	enum lull_evidence evidence;
	const char *source;
};

#define LULL_PLAN_MAX_STEPS	 12
#define LULL_PLAN_MAX_SAFETY	 16
#define LULL_PLAN_MAX_REFERRALS	 8
#define LULL_PLAN_MAX_REASONS	 12
#define LULL_PLAN_MAX_ALTERNATIVES LULL_METHOD__MAX

struct lull_plan {
	enum lull_mode mode;
	enum lull_method method; /* LULL_M0 in foundations and paused mode */
	int32_t age_days;	 /* age used for every rule */
	int corrected;		 /* age is corrected for prematurity */
	enum lull_assoc focus;	 /* the one association being changed, or
				    LULL_ASSOC_NONE */
	int nights_per_step;	 /* after temperament */
	struct lull_step steps[LULL_PLAN_MAX_STEPS];
	size_t nsteps;
	struct lull_safety safety[LULL_PLAN_MAX_SAFETY];
	size_t nsafety;
	struct lull_referral referrals[LULL_PLAN_MAX_REFERRALS];
	size_t nreferrals;
	struct lull_reason reasons[LULL_PLAN_MAX_REASONS];
	size_t nreasons;
	/* Other methods that suit this child, that the family may choose. */
	enum lull_method alternatives[LULL_PLAN_MAX_ALTERNATIVES];
	size_t nalternatives;
	int night_feed_reduction_allowed; /* gate of domain.md 5.4 */
	int main_goal; /* the profile's main goal (-1: none), for decisions */
};

/*
 * Build the plan for a profile: gates, red flags, safe-sleep rules, method
 * selection (or the family's choice if it suits; if not, LULL_EINVAL
 * naming "method" with the reason), the ladder adjusted for temperament,
 * reasons and alternatives.  The profile must have passed
 * lull_profile_check().
 */
LULL_MUST_CHECK enum lull_err lull_plan_build(const struct lull_profile *,
    struct lull_plan *out, struct lull_errinfo *ei);

/* The step a plan is on, clamped to the ladder; NULL if it has none. */
const struct lull_step *lull_plan_step(const struct lull_plan *, int index);

/* ---- mornings -------------------------------------------------------- */

/*
 * What one night looked like, as the decision needs it.  Built from the
 * journal by lull_night_observe(); tests can build them by hand.
 */
struct lull_night {
	int32_t day;	  /* the evening's local day */
	int logged;	  /* a night sleep was logged */
	int latency_min;  /* LULL_UNKNOWN if not logged */
	int crying_min;	  /* LULL_UNKNOWN if not logged */
	int wakings;	  /* wakings that needed a caregiver */
	int night_feeds;  /* wakings answered with a feed */
	int awake_min;	  /* minutes awake after falling asleep */
	int64_t onset_sec; /* local seconds after the evening's midnight when
			      the child fell asleep (may exceed 86400) */
	uint32_t tags;	  /* set of enum lull_tag_kind in force that night */
};

/*
 * Summarise the child's nights from "from_day" to "to_day" (inclusive;
 * local days, a night belongs to the day it started) from sleeps and
 * tags.  "out" must hold (to_day - from_day + 1) entries; days without a
 * logged night have logged = 0.
 */
void lull_night_observe(const struct lull_tz *tz, const struct lull_sleepv *,
    const struct lull_tagv *, int32_t from_day, int32_t to_day,
    struct lull_night *out);

enum lull_verdict {
	LULL_VERDICT_ADVANCE = 0,
	LULL_VERDICT_HOLD,
	LULL_VERDICT_STEP_BACK,
	LULL_VERDICT_PAUSE,
	LULL_VERDICT_RESUME,
	LULL_VERDICT_REEVALUATE,
	LULL_VERDICT_DONE, /* the last step is held: the goal is met */
	LULL_VERDICT_OVERRIDE, /* the parent chose a step */
	LULL_VERDICT_SLOW,     /* the parent asked for more nights per step */
	LULL_VERDICT__MAX
};

const char *lull_verdict_name(enum lull_verdict); /* "step_back" */
int lull_verdict_parse(const char *);

/* Where a running plan stands; persisted by the store. */
struct lull_plan_state {
	int32_t started_day;
	int step;		/* 1-based current step */
	int32_t step_since_day; /* first night on the current step */
	int paused;		/* 1 while paused */
	int32_t paused_since_day;
	int pause_by_parent;	/* paused by the parent, not by a tag */
	int slow;		/* extra nights per step chosen by the parent */
	/*
	 * Progress over the whole plan, so that going up and down the
	 * ladder cannot hide a stall: the highest step reached and the
	 * morning it was first reached.
	 */
	int best_step;
	int32_t best_day;
	int32_t reeval_day;  /* last re-evaluation, LULL_NO_DAY if none */
	int32_t resumed_day; /* the parent's last resume, LULL_NO_DAY */
};

struct lull_decision {
	enum lull_verdict verdict;
	int step_from, step_to;
	enum lull_evidence evidence;
	char reason[320]; /* plain words, with the numbers it used */
	const char *source;
	/* For a re-evaluation: methods to consider instead. */
	enum lull_method suggest[LULL_PLAN_MAX_ALTERNATIVES];
	size_t nsuggest;
	int refer; /* also suggest a child-health professional */
};

/*
 * This morning's decision for "plan" in state "st", from the nights
 * "nights[0..n)" in day order ending with last night ("today" - 1), and
 * "baseline[0..nb)" from before the plan started (for re-evaluation).
 * Does not change "st"; lull_plan_apply() does.
 */
void lull_plan_decide(const struct lull_plan *plan,
    const struct lull_plan_state *st, const struct lull_night *nights,
    size_t n, const struct lull_night *baseline, size_t nb, int32_t today,
    struct lull_decision *out);

/* Move "st" as the decision says (today is the decision's morning). */
void lull_plan_apply(const struct lull_plan *, struct lull_plan_state *,
    const struct lull_decision *, int32_t today);

/*
 * The parent's own moves, always allowed: LULL_VERDICT_PAUSE, _RESUME,
 * _STEP_BACK (one step), _OVERRIDE (to "to_step", 1..nsteps) or _SLOW
 * (one more night on every step).  Each fills "out" as a decision for the
 * history, with the parent's note (may be NULL) in the reason.  Other
 * verdicts, or a step outside the ladder, are LULL_EINVAL.
 */
LULL_MUST_CHECK enum lull_err lull_plan_parent(const struct lull_plan *,
    struct lull_plan_state *, enum lull_verdict, int to_step,
    const char *note, int32_t today, struct lull_decision *out,
    struct lull_errinfo *ei);

/* ---- plans as stored ------------------------------------------------- */

/*
 * A child's plan as the store keeps it: the intake profile it was built
 * from (as JSON text, so the plan can be rebuilt exactly), its method and
 * where it stands.  One plan per child is active at a time.
 */
struct lull_plan_record {
	int64_t id;
	int64_t child_id;
	char *profile_json; /* owned */
	enum lull_method method;
	struct lull_plan_state state;
	int active; /* 1 while running; 0 once replaced or ended */
	struct lull_meta meta;
};

/* One entry of a plan's history: a morning decision or a parent's move. */
struct lull_plan_event {
	int64_t id;
	int64_t plan_id;
	int32_t day; /* the morning it was made */
	enum lull_verdict verdict;
	int step_from, step_to;
	enum lull_evidence evidence;
	int by_parent; /* 1: the parent's own move (pause, override...) */
	char *reason;  /* owned */
	char *source;  /* owned, may be NULL */
	struct lull_meta meta;
};

struct lull_plan_eventv {
	struct lull_plan_event *v;
	size_t n;
	size_t cap;
};

/* Plans of a household, for the export. */
struct lull_plan_recordv {
	struct lull_plan_record *v;
	size_t n;
	size_t cap;
};

/*
 * Initialisers: a record starts active on step 1 of method M0 with no
 * days set (LULL_NO_DAY) and no profile; an event has no day and no
 * text.  Destructors accept NULL and leave the value as after _init().
 */
void lull_plan_record_init(struct lull_plan_record *);
void lull_plan_record_free(struct lull_plan_record *);
void lull_plan_event_init(struct lull_plan_event *);
void lull_plan_event_free(struct lull_plan_event *);
void lull_plan_eventv_free(struct lull_plan_eventv *);
LULL_MUST_CHECK enum lull_err lull_plan_eventv_push(struct lull_plan_eventv *,
    struct lull_plan_event *take);
void lull_plan_recordv_free(struct lull_plan_recordv *);
LULL_MUST_CHECK enum lull_err lull_plan_recordv_push(struct lull_plan_recordv *,
    struct lull_plan_record *take);

/*
 * Fill an event for the history from a decision (copies the reason and
 * source).  LULL_ENOMEM leaves "out" empty.
 */
LULL_MUST_CHECK enum lull_err lull_plan_event_from(struct lull_plan_event *out,
    int64_t plan_id, const struct lull_decision *, int32_t day,
    int by_parent);

#endif
