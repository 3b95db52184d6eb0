/*
 * The adults' nights, read from the child's journal: a night's rota
 * (rota.h) for the household's adults, and each adult's nights side by
 * side (their own logged sleep where the viewer may see it, else what
 * night duty says; fairshare.h for who carried the nights).  The command
 * line (lull rota plan/review, fairshare, adults) and the web app's
 * nights page share these, so that both plan and count the same way;
 * the words around them are the callers'.
 *
 * Every function follows store.h's contract, with the store's message
 * copied into "ei" (which may be NULL).  Nothing here reads a clock:
 * "now" is an argument.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_NIGHTS_H
#define LULL_NIGHTS_H

#include <stddef.h>
#include <stdint.h>

#include "lull/care.h"
#include "lull/err.h"
#include "lull/report.h"
#include "lull/rota.h"
#include "lull/stats.h"
#include "lull/store.h"
#include "lull/tz.h"

/* ---- a night's rota ----------------------------------------------------- */

/* The typical night a rota is planned from: the evenings before. */
#define LULL_ROTA_EVENINGS 14

struct lull_rota_night {
	struct lull_journal j; /* the child's, evenings day - 14 .. load_to */
	int32_t day;	       /* the evening planned */
	/* Tonight's adults, pointing into j.caregivers. */
	const struct lull_caregiver *cg[LULL_ROTA_MAX_ADULTS];
	struct lull_rota_adult ad[LULL_ROTA_MAX_ADULTS];
	size_t n;
	const char *target_from; /* "option", "settings", "default" */
	struct lull_rota_pattern pat;
	struct lull_rota_in in;
	struct lull_rota_plan plan;
};

/*
 * Load child "child_id"'s journal for the evenings day - 14 .. load_to
 * (a review needs the night itself too) and choose tonight's adults:
 * with[0..nwith) (caregiver ids, checked by the caller: distinct, not a
 * consultant, at most LULL_ROTA_MAX_ADULTS), or with NULL every adult
 * whose role is parent.  Who can feed comes from their night feeds, who
 * works the next day from their work days; the baby counts as breastfed
 * when anyone on the rota nurses (another adult who can give a bottle
 * then gives expressed milk).
 * Refusals: LULL_EINVAL "adults" (more than 4 parents: name tonight's),
 * LULL_ENOTFOUND "adults" (no parent yet), LULL_ENOTFOUND "with" (an id
 * not of the household), LULL_EINVAL "night_feeds" (nobody on the rota
 * can feed at night).  "out" is always left freeable.
 */
LULL_MUST_CHECK enum lull_err lull_rota_night_load(struct lull_store *,
    int64_t household_id, const struct lull_tz *, int64_t child_id,
    int32_t day, int32_t load_to, const int64_t *with, size_t nwith,
    struct lull_rota_night *out, struct lull_errinfo *ei);

/*
 * Then plan it: the pattern of the 14 evenings before (LULL_ENOTFOUND
 * naming "from" when no complete night is logged in them), and the plan
 * with target "target_min" (0: the household's "core_block_min" when
 * above 0, else the default; target_from says which) and "first_id" (0:
 * by the date).  lull_rota_plan()'s refusals come back as they are
 * ("first", "target", ...).
 */
LULL_MUST_CHECK enum lull_err lull_rota_night_plan(struct lull_rota_night *,
    int32_t target_min, int32_t core_block_min, int64_t first_id,
    int64_t now_utc, struct lull_errinfo *ei);

void lull_rota_night_free(struct lull_rota_night *);

/* An adult on tonight's rota by id, else one of the journal, else NULL. */
const char *lull_rota_night_who(const struct lull_rota_night *, int64_t id);

/*
 * The child's night "ns" as its pieces, oldest first: the sleeps of "j"
 * that begin between its onset and its morning wake.  Shallow copies
 * into a new array (free() it, not its items); *n = 0 for a night not
 * over.  LULL_ENOMEM.
 */
LULL_MUST_CHECK enum lull_err lull_night_pieces(const struct lull_journal *j,
    const struct lull_night_stats *ns, struct lull_sleep **out, size_t *n,
    struct lull_errinfo *ei);

/* ---- each adult's nights ---------------------------------------------- */

enum lull_night_src {
	LULL_NIGHT_SRC_NONE = 0, /* nothing known */
	LULL_NIGHT_SRC_LOGGED,	 /* their own sleep, logged */
	LULL_NIGHT_SRC_DUTY	 /* from the wakings they answered */
};

/* One adult's night. */
struct lull_adult_night {
	enum lull_night_src src;
	int32_t longest_min; /* -1 when not known */
	int32_t total_min;   /* logged only, else -1 */
	int64_t from_utc, to_utc; /* the longest stretch */
	int pieces;	     /* logged only */
};

#define LULL_NIGHTS_MAX_SIDE LULL_STATS_MAX_CAREGIVERS

/* The adults side by side, the days read, and what the viewer sees. */
struct lull_nights {
	struct lull_journal j;
	struct lull_day_stats *days; /* lo .. hi */
	int32_t lo, hi;
	struct lull_personalv pv; /* adults' sleep the viewer may see */
	int64_t viewer;		  /* 0: nobody's own sleep is read */
	const struct lull_caregiver *side[LULL_NIGHTS_MAX_SIDE];
	size_t nside;
};

/*
 * Days lo..hi of child "child_id"'s journal (lull_stats_days()), the
 * adults' own sleep of those nights that "viewer" may see (the store
 * decides), and who is shown: the parents, and anyone else who answered
 * a waking or settled a bedtime in days [from, hi], in the household's
 * order.  LULL_ENOTFOUND naming "adults" when that is nobody.  "out" is
 * always left freeable.
 */
LULL_MUST_CHECK enum lull_err lull_nights_load(struct lull_store *,
    int64_t household_id, const struct lull_tz *, int64_t child_id,
    int32_t lo, int32_t hi, int32_t from, int64_t viewer, int64_t now_utc,
    struct lull_nights *out, struct lull_errinfo *ei);
void lull_nights_free(struct lull_nights *);

/* Day "day"'s stats, or NULL outside lo..hi. */
const struct lull_day_stats *lull_nights_day(const struct lull_nights *,
    int32_t day);

/*
 * Adult "id"'s nights of evenings from..to (out[to - from + 1]): from
 * their own sleep logged that night (begun between noon and noon the next
 * day) when the viewer may see it, the longest piece and the total, else
 * the longest stretch between the wakings they answered in the child's
 * night (lull_rota_parent_night()).
 */
LULL_MUST_CHECK enum lull_err lull_nights_adult(const struct lull_nights *,
    const struct lull_tz *, int64_t id, int32_t from, int32_t to,
    struct lull_adult_night *out, struct lull_errinfo *ei);

/* The rebalancing prompt (lull_rota_rebalance()) over v[0..n). */
void lull_nights_balance(const struct lull_adult_night *v, size_t n,
    const char *name, struct lull_rota_balance *out);

#endif
