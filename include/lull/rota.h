/*
 * The night rota: who is on duty when, so that each adult gets one
 * protected block of sleep most nights (domain.md 6.4, rationale 6.3:
 * consolidated sleep restores better than the same time in fragments).
 *
 *  - lull_rota_pattern(): the child's typical night from recent logged
 *    nights: median bedtime and morning wake, and per half-hour slot the
 *    expected wakings, feeds and minutes awake.
 *  - lull_rota_plan(): tonight's shifts for 1 to 4 adults, each adult's
 *    expected protected block and sleep opportunity, the handovers, and in
 *    plain words why a target cannot be met when it cannot.
 *  - lull_rota_review(): the plan against the night that happened.
 *  - lull_rota_parent_night(): an adult's longest unbroken sleep
 *    opportunity from the wakings they answered, for parents who do not
 *    log their own sleep.
 *  - lull_rota_rebalance(): the weekly prompt of domain.md 6.4.
 *
 * Pure: no I/O, no clock ("now" is an argument), no allocation that
 * outlives a call.  Every result is a plain struct the caller owns, with
 * fixed-size arrays and strings inside it or in static tables, so none
 * needs a destructor.
 *
 * Night minutes.  Times of a night are local wall-clock minutes after the
 * midnight that starts the evening's day (the night's "night_day", the
 * day lull_evening_day() gives): 19:30 is 1170, 00:30 the next morning is
 * 1470, 06:45 is 1845.  It is the clock of LULL_METRIC_ONSET (stats.h)
 * carried on into the morning, so a night across midnight needs no
 * special case.  Lengths (blocks, sleep opportunity) are real elapsed
 * minutes, so they stay right on the nights the clocks change.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_ROTA_H
#define LULL_ROTA_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"
#include "lull/model.h"
#include "lull/plan.h"
#include "lull/tz.h"

/* Slots of the night pattern: 30 minutes [CONV: fine enough for feeds
 * two to three hours apart, coarse enough that a week of nights fills
 * them]; handovers are placed on the same half-hour grid. */
#define LULL_ROTA_SLOT_MIN 30
/* Slot 0 starts at noon of the evening's day: a night belongs to its
 * evening from noon to noon the next day (lull_evening_day(), journal.h),
 * so 48 slots hold any night. */
#define LULL_ROTA_ORIGIN_MIN 720
#define LULL_ROTA_SLOTS	     48

/* Adults on one rota: the brief's "1-4 adults" [POLICY]. */
#define LULL_ROTA_MAX_ADULTS 4

/*
 * The protected-block target.  Default 4.5 h, the middle of domain.md
 * 6.4 "one protected block of 4-5 h (roughly 3 adult sleep cycles)".
 * A family may set 3 h to 8 h: 3 h is the floor under which domain.md
 * 6.4 prompts a rebalancing, 8 h a whole adult night [CONV].
 */
#define LULL_ROTA_TARGET_DEFAULT_MIN 270
#define LULL_ROTA_TARGET_LO_MIN	     180
#define LULL_ROTA_TARGET_HI_MIN	     480

/*
 * A stretch counts as "without wakings" (or "between feeds") when fewer
 * than half a waking (feed) is expected in it, i.e. on most of the
 * recent nights none fell in it [CONV].
 */
#define LULL_ROTA_QUIET 0.5

/*
 * Minutes an adult is counted as losing to each waking they answer, on
 * top of the waking itself, for falling back asleep [CONV].  It makes a
 * shift with more wakings heavier than one with the same minutes awake in
 * one piece: fragmentation is what costs (domain.md 6.3, Kahn 2014).
 */
#define LULL_ROTA_RESETTLE_MIN 10

/*
 * When only one adult of the pair works the next day, they take the
 * quieter shift if it spares them at least this many expected minutes;
 * otherwise (the shifts are about equal) the first shift, so that their
 * protected block is the later one and runs up to the morning [CONV].
 */
#define LULL_ROTA_WORKER_TIE_MIN 15

/* Rebalancing prompt, domain.md 6.4 [POLICY]: an adult's longest block
 * under 3 h on 4 of the last 7 nights. */
#define LULL_ROTA_REBALANCE_UNDER_MIN 180
#define LULL_ROTA_REBALANCE_NIGHTS    4
#define LULL_ROTA_REBALANCE_WINDOW    7

/* A pattern reads at most this many recent evenings [CONV: a season;
 * a baby's nights change faster than that]. */
#define LULL_ROTA_MAX_DAYS 92

/* "Not given" for optional minutes. */
#define LULL_ROTA_NONE (-1)

/* ---- the typical night ------------------------------------------------ */

struct lull_rota_pattern_in {
	const struct lull_tz *tz;	  /* the household's zone */
	const struct lull_child *child;	  /* for nap-or-night; may be NULL */
	const struct lull_sleepv *sleeps; /* the child's, oldest first */
	int32_t from_day, to_day;	  /* evenings, both included */
	int64_t now_utc; /* nights still going on are left out */
};

/*
 * Wakings are those that needed an adult (any response but "none"), as
 * stats.h counts them, including the gaps between the pieces of a night
 * logged in pieces (response unknown).  Per-slot values are averages per
 * night: "wakings[i]" is the expected number of wakings that start in
 * slot i, "awake_min[i]" the expected minutes awake that fall in it.
 */
struct lull_rota_pattern {
	int32_t from_day, to_day;
	int nights;	      /* complete nights that entered */
	int32_t bedtime_min;  /* median sleep onset, night minutes */
	int32_t wake_min;     /* median morning wake, night minutes */
	double wakings_per_night;
	double feeds_per_night; /* wakings answered with a feed */
	double awake_min_per_night;
	double wakings[LULL_ROTA_SLOTS];
	double feeds[LULL_ROTA_SLOTS];
	double awake_min[LULL_ROTA_SLOTS];
	double feed_min[LULL_ROTA_SLOTS]; /* of awake_min, feeding */
};

/*
 * The typical night over the evenings from_day..to_day (at most
 * LULL_ROTA_MAX_DAYS), with nights as lull_stats_days() defines them.
 * With an even number of nights a median is the mean of the two middle
 * values, rounded down.  LULL_EINVAL names "tz", "sleeps", "from" or "to";
 * LULL_ENOTFOUND (field "from") when no complete night is logged in the
 * range; LULL_ENOMEM.  On error *out is zeroed.
 */
LULL_MUST_CHECK enum lull_err lull_rota_pattern(
    const struct lull_rota_pattern_in *in, struct lull_rota_pattern *out,
    struct lull_errinfo *ei);

/* Slot of a night minute, or -1 outside noon..noon. */
int lull_rota_slot(int32_t night_min);

/* ---- the plan --------------------------------------------------------- */

struct lull_rota_adult {
	int64_t caregiver_id; /* > 0, distinct */
	const char *name;     /* for the wording; NULL: "Adult 1" ... */
	int nursing;	      /* the parent who breastfeeds */
	int can_feed;	      /* can give a bottle (formula or expressed
				 milk); the nursing parent can always feed */
	int works_next_day;
	int32_t earliest_bed_min; /* night minutes, or LULL_ROTA_NONE */
	int32_t latest_rise_min;  /* night minutes, or LULL_ROTA_NONE */
};

struct lull_rota_in {
	int32_t night_day; /* the evening the night begins */
	const struct lull_tz *tz;
	const struct lull_rota_adult *adults;
	size_t nadults; /* 1 .. LULL_ROTA_MAX_ADULTS */
	/*
	 * LULL_FEEDING_BREAST is exclusive breastfeeding: only a nursing
	 * adult can feed, unless "expressed_milk" is set, when adults with
	 * can_feed can give it too.  Any other mode: nursing or can_feed.
	 */
	enum lull_feeding feeding;
	int expressed_milk;
	int32_t target_min; /* 0: LULL_ROTA_TARGET_DEFAULT_MIN */
	int64_t first_id;   /* who takes the first shift; 0: by the date */
	const struct lull_rota_pattern *pattern;
};

enum lull_rota_template {
	LULL_ROTA_SPLIT = 0,	/* template A: two shifts, any can feed */
	LULL_ROTA_BETWEEN_FEEDS, /* template B: one adult can feed */
	LULL_ROTA_SOLO,		/* one adult: nothing to take turns with */
	LULL_ROTA_TEMPLATE__MAX
};

/* "split", "between_feeds", "solo"; NULL out of range. */
const char *lull_rota_template_name(enum lull_rota_template);

/*
 * One stretch of the night: "caregiver_id" gets up to the baby (settling,
 * changes, returning the baby to its own surface), "feeder_id" gives the
 * feeds (the same adult, except in template B).  Expected figures are
 * from the pattern.
 */
struct lull_rota_shift {
	int64_t caregiver_id;
	int64_t feeder_id;
	int32_t from_min, to_min; /* night minutes */
	int64_t from_utc, to_utc;
	double wakings; /* expected wakings in it */
	double feeds;	/* of them, feeds */
};

/* Each adult's night under the plan, in the order of the input. */
struct lull_rota_person {
	int64_t caregiver_id;
	int32_t bed_min, rise_min; /* their sleep window, night minutes */
	int on_duty;		   /* has a shift tonight (or feeds) */
	/*
	 * The protected block: the longest stretch of their window that
	 * the rota keeps free for them (another adult on duty, or, for the
	 * nursing parent in template B, between expected feeds).  With one
	 * adult nothing is protected: it is the longest stretch the baby
	 * is expected to sleep without needing anyone, and guarded is 0.
	 */
	int32_t block_from_min, block_to_min;
	int64_t block_from_utc, block_to_utc;
	int32_t block_min; /* real elapsed minutes */
	int guarded;
	/*
	 * Expected sleep opportunity: their window minus the expected
	 * minutes of the wakings they answer and LULL_ROTA_RESETTLE_MIN for
	 * each.
	 */
	int32_t sleep_min;
	double wakings; /* expected wakings they answer */
	int target_met; /* block_min >= target */
};

#define LULL_ROTA_MAX_SHIFTS 6

struct lull_rota_plan {
	int32_t night_day;
	enum lull_rota_template tmpl;
	int32_t target_min;
	int32_t bed_min, wake_min; /* the night covered (the pattern's) */
	int64_t bed_utc, wake_utc;
	struct lull_rota_shift shifts[LULL_ROTA_MAX_SHIFTS];
	size_t nshifts;
	/* Handovers: where the adult on duty changes. */
	int32_t handover_min[LULL_ROTA_MAX_SHIFTS];
	int64_t handover_utc[LULL_ROTA_MAX_SHIFTS];
	size_t nhandovers;
	struct lull_rota_person people[LULL_ROTA_MAX_ADULTS];
	size_t npeople;
	int target_met; /* met for every adult */
	/*
	 * Empty when the target is met for everyone (and not solo);
	 * otherwise why not, and that this is still the best plan, in
	 * plain, warm words with the times and lengths.
	 */
	char reason[768];
	const char *safety;    /* static: domain.md 6.4 and 5.3 [R48e] */
	const char *milk_note; /* static, or NULL: expressed milk for an
				  exclusively breastfed baby */
};

/*
 * Plan the night of in->night_day from the pattern.
 *
 *  - One adult: a single shift (template "solo"); the reason says that
 *    no block can be protected by a rota and shows the longest expected
 *    stretch.
 *  - Two or more adults who can feed: template A.  Two of them are on
 *    duty (with more, the pair rotates with the date, preferring adults
 *    who do not work the next day; the others have the night off), in
 *    two shifts split at a handover on the half-hour grid chosen, in
 *    order, to bring both protected blocks as close to the target as
 *    possible, then to even out the expected sleep opportunity (so the
 *    shift with more expected wakings is the shorter), then to even out
 *    the blocks.  Who goes first: in->first_id; else when exactly one of
 *    the pair works the next day, that adult takes the quieter shift
 *    (see LULL_ROTA_WORKER_TIE_MIN); else the date: the adults who can
 *    feed take the first shift in turn, night by night (with two, the
 *    first in input order on even night_day numbers).  first_id is
 *    ignored in the other templates.
 *  - Exactly one adult can feed (exclusive breastfeeding, no expressed
 *    milk): template B.  The nursing parent's block lies between
 *    expected feeds (the longest such stretch when the target cannot be
 *    met), a partner settles, changes and returns the baby then; the
 *    partner's own block is elsewhere in the night, while the nursing
 *    parent covers everything.  When feeds are too frequent the reason
 *    says so.
 *
 * LULL_EINVAL names "adults" (none, more than 4, nobody can feed, no
 * nursing adult for a breastfed baby), "adults[i].caregiver_id",
 * "adults[i].earliest_bed", "adults[i].latest_rise", "target" (outside
 * 3-8 h), "feeding", "first", "tz" or "pattern".
 */
LULL_MUST_CHECK enum lull_err lull_rota_plan(const struct lull_rota_in *in,
    struct lull_rota_plan *out, struct lull_errinfo *ei);

/* ---- what happened ---------------------------------------------------- */

/* An adult's longest unbroken sleep opportunity on a night. */
struct lull_parent_night {
	int64_t caregiver_id;
	int64_t from_utc, to_utc; /* the window read */
	int64_t longest_from_utc, longest_to_utc;
	int32_t longest_min;
	int32_t wakings;  /* wakings they answered */
	int32_t up_min;	  /* minutes of those wakings, in the window */
	int32_t free_min; /* the window minus those minutes */
};

/*
 * The longest interval between the wakings "caregiver_id" answered (any
 * response but "none") within [bed_utc, rise_utc].  The night is
 * pieces[0..n), oldest first, all ended; LULL_NO_TIME for bed_utc or
 * rise_utc means the child's bedtime (start of the first piece) or
 * morning wake (end of the last).  Wakings with no caregiver recorded
 * count for nobody.  LULL_EINVAL names "night", "caregiver" or "rise".
 */
LULL_MUST_CHECK enum lull_err lull_rota_parent_night(
    const struct lull_sleep *pieces, size_t n, int64_t caregiver_id,
    int64_t bed_utc, int64_t rise_utc, struct lull_parent_night *out,
    struct lull_errinfo *ei);

struct lull_rota_actual {
	int64_t caregiver_id;
	int32_t wakings; /* wakings they answered */
	int32_t up_min;
	int32_t longest_min; /* from bedtime to morning wake, between the
				wakings they answered */
	int64_t longest_from_utc, longest_to_utc;
	int held;	       /* no waking they answered was inside their
				  protected block */
	int32_t in_block;      /* wakings they answered inside it */
	int32_t unknown_in_block; /* wakings inside it with nobody recorded */
};

struct lull_rota_review {
	int64_t bed_utc, wake_utc;
	struct lull_rota_actual who[LULL_ROTA_MAX_ADULTS]; /* plan order */
	size_t nwho;
	int32_t unknown;     /* wakings with no caregiver recorded */
	int32_t unknown_min;
	int32_t other;	     /* wakings answered by someone not on the plan */
	char note[256];	     /* about the unknown ones; empty if none */
};

/*
 * Compare "plan" with the night pieces[0..n) (oldest first, ended).  A
 * waking is inside a block when they overlap.  LULL_EINVAL names "plan"
 * or "night" (none, still going on, out of order, or not overlapping the
 * planned night).
 */
LULL_MUST_CHECK enum lull_err lull_rota_review(
    const struct lull_rota_plan *plan, const struct lull_sleep *pieces,
    size_t n, struct lull_rota_review *out, struct lull_errinfo *ei);

/* ---- rebalancing ------------------------------------------------------ */

struct lull_rota_balance {
	int nights; /* nights with a known longest block (of the last 7) */
	int under;  /* of them, under 3 h */
	int prompt; /* under >= 4 */
	char msg[256]; /* the prompt in words; empty without a prompt */
};

/*
 * Domain.md 6.4: prompt a rebalancing when an adult's longest block was
 * under LULL_ROTA_REBALANCE_UNDER_MIN on LULL_ROTA_REBALANCE_NIGHTS of the
 * last LULL_ROTA_REBALANCE_WINDOW nights.  "longest_min[0..n)" are
 * per-night longest blocks in minutes, oldest first; only the last 7
 * count, and LULL_ROTA_NONE marks a night not known.  Exactly 3 h is not
 * under 3 h.  "name" (may be NULL) is used in the message.
 */
void lull_rota_rebalance(const int32_t *longest_min, size_t n,
    const char *name, struct lull_rota_balance *out);

#endif
