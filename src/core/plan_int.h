/*
 * Inside the plan builder: the shape of the tables in plan_data.c, which
 * plan.c reads.  Every row carries its source and evidence level, so that
 * a number a parent reads always sits beside the reference it came from.
 * Not part of the public API.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_PLAN_INT_H
#define LULL_PLAN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "lull/plan.h"

/* ---- names --------------------------------------------------------------- */

extern const char *const plan_feeding_names[LULL_FEEDING__MAX];
extern const char *const plan_space_names[LULL_SPACE__MAX];
extern const char *const plan_assoc_names[LULL_ASSOC__MAX];
extern const char *const plan_assoc_labels[LULL_ASSOC__MAX];
extern const char *const plan_goal_names[LULL_GOAL__MAX];
extern const char *const plan_health_names[LULL_HEALTH__MAX];
extern const char *const plan_temper_names[LULL_TEMPER__MAX];
extern const char *const plan_method_ids[LULL_METHOD__MAX];
extern const char *const plan_mode_names[LULL_MODE__MAX];
extern const char *const plan_presence_names[LULL_PRESENCE__MAX];
extern const char *const plan_evidence_names[LULL_EVIDENCE__MAX];
extern const char *const plan_urgency_names[LULL_URGENCY__MAX];
extern const char *const plan_severity_names[LULL_SEVERITY__MAX];
extern const char *const plan_verdict_names[LULL_VERDICT__MAX];

/* ---- thresholds ---------------------------------------------------------- */

enum plan_limit_id {
	PLAN_LIM_COACHING_DAYS = 0, /* G1: no coaching before this age */
	PLAN_LIM_ALL_METHODS_DAYS,  /* G3: every gentle method from here */
	PLAN_LIM_TODDLER_DAYS,      /* selection: presence fading after */
	PLAN_LIM_SAFE_SLEEP_DAYS,   /* SS-01..: infant rules until here */
	PLAN_LIM_ROOM_SHARE_DAYS,   /* SS-04 */
	PLAN_LIM_SWADDLE_DAYS,      /* SS-07 reminder before this age */
	PLAN_LIM_FEVER_YOUNG_DAYS,  /* fever under 3 months */
	PLAN_LIM_BS_YOUNG_DAYS,     /* bed-sharing with an infant this young */
	PLAN_LIM_FEED_FIRST_DAYS,   /* wakings put feeding first until here */
	PLAN_LIM_PRETERM_DAYS,   /* born more than this before the due date */
	PLAN_LIM_TEMPER_HIGH,    /* a 1-5 rating at or above is "high" */
	PLAN_LIM_SEP_NIGHTS,     /* nights per step with separation distress */
	PLAN_LIM_SENS_EXTRA,     /* extra nights per step when sensitive */
	PLAN_LIM_CAREGIVERS_MAX, /* intake sanity bound */
	PLAN_LIM__MAX
};

struct plan_limit {
	int value;
	enum lull_evidence evidence;
	const char *source;
};

extern const struct plan_limit plan_limits[PLAN_LIM__MAX];

/* ---- methods and ladders ------------------------------------------------- */

extern const struct lull_method_info plan_methods[LULL_METHOD__MAX];

/* Where a child sleeps now, nearest the family bed first (for M8). */
enum plan_place {
	PLAN_AT_BED = 1,
	PLAN_AT_SIDECAR,
	PLAN_AT_ROOM,
	PLAN_AT_OWN_ROOM
};

#define PLAN_RUNG_PERSIST 0x1u  /* only for a persistent child (4.2) */
#define PLAN_RUNG_INFANT  0x2u  /* only under 12 months (SAFE_SLEEP_DAYS) */
#define PLAN_RUNG_TODDLER 0x4u  /* only from 12 months */
#define PLAN_RUNG_PARTNER 0x8u  /* only with 2 or more adults for nights */
#define PLAN_RUNG_SOLO    0x10u /* only with one adult for nights */

/*
 * One rung as data.  The builder keeps a rung when its filters all match;
 * a zero filter matches everything.  Under PLAN_LIM_FEED_FIRST_DAYS the
 * step's waking text is "waking_young" when the rung has one: feeding
 * first, the practice at bedtime only (domain.md 5.4).
 */
struct plan_rung {
	uint32_t assoc;   /* focus associations it serves (1u << assoc) */
	uint32_t feeding; /* feeding types it serves (1u << feeding) */
	uint32_t methods; /* lead-ins only: methods that use it */
	int skip_from;    /* M8: skipped when the child already sleeps at
			     this enum plan_place or further out */
	unsigned flags;   /* PLAN_RUNG_* */
	int nights;       /* before temperament */
	enum lull_presence presence;
	const char *title;
	const char *bedtime;
	const char *waking;
	const char *waking_young; /* NULL: "waking" suits every age */
	const char *if_crying;
	enum lull_evidence evidence;
	const char *source;
};

enum plan_ladder_id {
	PLAN_LADDER_M0_YOUNG = 0, /* under 4 months: foundations (G1) */
	PLAN_LADDER_M0,           /* foundations from 4 months */
	PLAN_LADDER_PAUSED,       /* comfort first while a flag is open */
	PLAN_LADDER_SOFA,         /* first, off the sofa (SS-02) */
	PLAN_LADDER_LEADIN,       /* association rungs before M2, M3, M5 */
	PLAN_LADDER_M1,
	PLAN_LADDER_M2,
	PLAN_LADDER_M3,
	PLAN_LADDER_M4,
	PLAN_LADDER_M5,
	PLAN_LADDER_M6,
	PLAN_LADDER_M7,
	PLAN_LADDER_M8,
	PLAN_LADDER__MAX
};

struct plan_ladder {
	const struct plan_rung *v;
	size_t n;
};

extern const struct plan_ladder plan_ladders[PLAN_LADDER__MAX];

/* ---- safety notes and referrals ------------------------------------------ */

enum plan_safety_id {
	PLAN_SAFE_INFO = 0,   /* general information, not medical advice */
	PLAN_SAFE_BACK,       /* SS-01 */
	PLAN_SAFE_SURFACE,    /* SS-02, SS-05 */
	PLAN_SAFE_ROOM_SHARE, /* SS-04 */
	PLAN_SAFE_DEVICES,    /* SS-03 */
	PLAN_SAFE_PACIFIER,   /* SS-08 */
	PLAN_SAFE_SWADDLE,    /* SS-07 */
	PLAN_SAFE_SOFA,       /* 5.3, up to 67x */
	PLAN_SAFE_SMOKE,      /* SS-09, no bed-sharing */
	PLAN_SAFE_IMPAIRED,   /* SS-09, no bed-sharing */
	PLAN_SAFE_BS_HARM,    /* 5.3 harm reduction */
	PLAN_SAFE_BS_SMOKER,  /* 5.3 aggravating factors */
	PLAN_SAFE_BS_IMPAIRED,
	PLAN_SAFE_BS_YOUNG,
	PLAN_SAFE_BS_PRETERM,
	PLAN_SAFE_BS_NOT_BREASTFED,
	PLAN_SAFE_PRETERM_CLINICIAN, /* G5 */
	/* From 12 months: the same rules worded for a child, without the
	 * infant figures (AAP's rules and risks are for the first year). */
	PLAN_SAFE_SOFA_CHILD,
	PLAN_SAFE_SMOKE_CHILD,
	PLAN_SAFE_IMPAIRED_CHILD,
	PLAN_SAFE_BS_HARM_CHILD,
	PLAN_SAFE_BS_SMOKER_CHILD,
	PLAN_SAFE_BS_IMPAIRED_CHILD,
	PLAN_SAFE__MAX
};

struct plan_safety_row {
	const char *rule;
	enum lull_severity severity;
	const char *message;
	enum lull_evidence evidence;
	const char *source;
};

extern const struct plan_safety_row plan_safety_rows[PLAN_SAFE__MAX];

/* The health flags first, in their enum order, then the extra rows. */
enum plan_referral_id {
	PLAN_REF_FEVER_YOUNG = LULL_HEALTH__MAX,
	PLAN_REF_GROWTH,
	PLAN_REF__MAX
};

struct plan_referral_row {
	const char *reason;
	enum lull_urgency urgency;
	const char *message;
	enum lull_evidence evidence;
	const char *source;
};

extern const struct plan_referral_row plan_referral_rows[PLAN_REF__MAX];

/* ---- reasons ------------------------------------------------------------- */

enum plan_why_id {
	PLAN_WHY_G1 = 0,
	PLAN_WHY_G2,
	PLAN_WHY_CORRECTED,
	PLAN_WHY_NO_GOALS,
	PLAN_WHY_FOUNDATIONS,
	PLAN_WHY_SEP_YOUNG,
	PLAN_WHY_PAUSED_ILL,    /* fever or illness only */
	PLAN_WHY_PAUSED_DOCTOR, /* signs a doctor looks at, no illness */
	PLAN_WHY_PAUSED_BOTH,
	PLAN_WHY_SOFA,       /* under 12 months */
	PLAN_WHY_SOFA_CHILD, /* from 12 months */
	PLAN_WHY_CLINICIAN_OK,
	PLAN_WHY_CHOICE,
	PLAN_WHY_CHOICE_M6_YOUNG,
	PLAN_WHY_CHOICE_PAUSED,
	PLAN_WHY_CHOICE_SOFA,
	PLAN_WHY_CHOICE_SEP,
	PLAN_WHY_M1, /* one per coaching method, in method order */
	PLAN_WHY_M2,
	PLAN_WHY_M3,
	PLAN_WHY_M4,
	PLAN_WHY_M5,
	PLAN_WHY_M6,
	PLAN_WHY_M7,
	PLAN_WHY_M8,
	PLAN_WHY_FOCUS_FED, /* one per association, in enum order */
	PLAN_WHY_FOCUS_ROCKED,
	PLAN_WHY_FOCUS_HELD,
	PLAN_WHY_FOCUS_PACIFIER,
	PLAN_WHY_FOCUS_PARENT_LYING,
	PLAN_WHY_FOCUS_BED_SHARING,
	PLAN_WHY_FOCUS_CAR_STROLLER,
	PLAN_WHY_FOCUS_PATTED,
	PLAN_WHY_FOCUS_NONE,
	PLAN_WHY_FOCUS_TIME,  /* M1 */
	PLAN_WHY_FOCUS_CUED,  /* M6 */
	PLAN_WHY_FOCUS_FEEDS, /* M7 */
	PLAN_WHY_EVIDENCE,
	PLAN_WHY_SEP,
	PLAN_WHY_PERSIST,
	PLAN_WHY_PERSIST_NORUNG,
	PLAN_WHY_SENS,
	PLAN_WHY_ALERT,
	PLAN_WHY_TWO,
	PLAN_WHY_TWO_FEED,
	PLAN_WHY_ONE,
	PLAN_WHY_FEEDS_YOUNG,
	PLAN_WHY_FEEDS_GROWTH,
	PLAN_WHY_OWN_SPACE_YOUNG,
	PLAN_WHY__MAX
};

extern const struct lull_reason plan_why[PLAN_WHY__MAX];

#endif
