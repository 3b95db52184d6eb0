/*
 * The parents' own records as people read and keep them: the rules and
 * words the command line (lull me, checkin, screen, couple, appreciate,
 * ritual) and the web app's pages share, so that both say and refuse
 * exactly the same things.  Privacy stays the store's (store.h): every
 * read here asks as "me", the adult reading, and sees only what
 * lull_personal_visible() shows them.
 *
 * Every function that reads the store follows store.h's contract, with
 * the store's message copied into "ei" (which may be NULL).  Nothing
 * here reads a clock: days and times are arguments.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_CARE_RUN_H
#define LULL_CARE_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "lull/care.h"
#include "lull/err.h"
#include "lull/model.h"
#include "lull/screen.h"
#include "lull/store.h"

/* ---- crisis help ------------------------------------------------------ */

#define LULL_CRISIS_MAX_LINES 16

/* The household's crisis lines, split into lines (borrowed by the help). */
struct lull_crisis_lines {
	char buf[4096];
	const char *v[LULL_CRISIS_MAX_LINES];
	size_t n;
};

/*
 * The crisis help with the household's emergency number and crisis lines
 * (its settings), else the defaults (lull_screen_help()).  The help
 * points into "l", which must outlive "h".
 */
void lull_crisis_help(const struct lull_household *, struct lull_crisis_lines *l,
    struct lull_screen_help *h);

/*
 * The words for a result whose self-harm item is above 0, instead of the
 * total's advice (the help above them says where to turn), and for the
 * plan when this screen paused it.
 */
extern const char lull_screen_self_harm_words[];
extern const char lull_screen_plan_paused_words[];

/* ---- words -------------------------------------------------------------- */

/*
 * A kind word after a check-in, never a verdict: for energy 2 or lower,
 * and for mood 2 or lower (then followed by where to find the short
 * mood screen, in the caller's words: ": lull screen questions phq2").
 */
#define LULL_CHECKIN_LOW 2
extern const char lull_checkin_low_energy_words[];
extern const char lull_checkin_low_mood_words[];

/* "sleep", "check-in", "mood screen", "couple check-in", "note". */
const char *lull_personal_kind_words(enum lull_personal_kind);

/* "moderately_severe" -> "moderately severe". */
void lull_screen_band_words(const char *band, char *buf, size_t bufsz);

/*
 * Who sees a record, said to "me": "private (only you)", "shared with
 * your partner", "shared with your consultant", "shared with your partner
 * and your consultant", "from Ben, shared with you"; for a note "to Ben,
 * only for them" or "from Ben, to you".  "author" and "to" are the names
 * of p->author_id and p->to_id.  Returns buf.
 */
const char *lull_personal_visibility(const struct lull_personal *p,
    int64_t me, const char *author, const char *to, char *buf, size_t bufsz);

/* "every day", "every Monday at 20:30". */
void lull_ritual_when(const struct lull_ritual *, char *buf, size_t bufsz);
/* Sort by time of day, "any time" last, then by name: today's order. */
void lull_ritual_sort(struct lull_ritualv *);

/* The Monday of the week of "day": a couple check-in's day. */
int32_t lull_care_week(int32_t day);

/* ---- one's own records ------------------------------------------------ */

/*
 * Record "id" when "me" wrote it, in "household_id", and (kind >= 0) of
 * that kind; every other case, someone else's record shared or not
 * included, is LULL_ENOTFOUND (field "id"), exactly as for an id that
 * does not exist: an id tells nobody anything of another's records.
 * "out" is initialised here; the caller frees it.
 */
LULL_MUST_CHECK enum lull_err lull_personal_own(struct lull_store *,
    int64_t household_id, int64_t me, int64_t id, int kind,
    struct lull_personal *out, struct lull_errinfo *ei);

/*
 * The record of "kind" that "me" wrote for "day" (the one check-in a
 * day, the one couple check-in of a week's Monday): *found 1 and "out"
 * filled (the caller frees it), else *found 0.
 */
LULL_MUST_CHECK enum lull_err lull_personal_own_on(struct lull_store *,
    int64_t household_id, int64_t me, enum lull_personal_kind kind,
    int32_t day, struct lull_personal *out, int *found,
    struct lull_errinfo *ei);

/*
 * One body sleeps one sleep at a time: "me"'s own sleep that overlaps
 * [start_utc, end_utc), looked for on the days around "day" (the day the
 * new one begins).  *found 1 and "clash" filled (the caller frees it),
 * else *found 0.
 */
LULL_MUST_CHECK enum lull_err lull_personal_sleep_clash(struct lull_store *,
    int64_t household_id, int64_t me, int32_t day, int64_t start_utc,
    int64_t end_utc, struct lull_personal *clash, int *found,
    struct lull_errinfo *ei);

/* ---- when a screen is offered ----------------------------------------- */

/*
 * lull_screen_schedule() for adult "me": the household's youngest child
 * (the birth the parents recover from now) and the days of me's own
 * past screens.  Screens are offered to parents: for a helper or a
 * consultant nothing is due ("why" says so; anyone may take one any
 * time).  "child" is a copy of that child and "last" the day of me's
 * latest screen (LULL_NO_DAY if none).  LULL_ENOTFOUND (field "child")
 * when the household has no child yet.
 */
struct lull_screen_offer {
	struct lull_screen_due due;
	struct lull_child child;
	int32_t last;
};

void lull_screen_offer_free(struct lull_screen_offer *);
LULL_MUST_CHECK enum lull_err lull_screen_offer(struct lull_store *,
    int64_t household_id, const struct lull_caregiver *me, int32_t today,
    int follow_up, struct lull_screen_offer *out, struct lull_errinfo *ei);

#endif
