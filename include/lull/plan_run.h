/*
 * A child's running plan, read from the store and rebuilt by the engine:
 * starting one from an intake profile, loading it, this morning's
 * decision (suggested, or made and recorded) and the parent's own moves.
 * The command line (lull plan ...) and the web app share these, so that
 * both say and record exactly the same thing.  Every function follows
 * store.h's contract, with the store's message copied into "ei" (which
 * may be NULL); nothing here reads a clock ("now" is an argument).
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_PLAN_RUN_H
#define LULL_PLAN_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"
#include "lull/model.h"
#include "lull/plan.h"
#include "lull/store.h"
#include "lull/tz.h"

/* How far back a morning's decision looks (the current step and a
 * stall check), and the baseline before the plan started. */
#define LULL_PLAN_RUN_BACK_DAYS	    60
#define LULL_PLAN_RUN_BASELINE_DAYS 7

struct lull_plan_run {
	struct lull_child child;     /* owned copy */
	struct lull_plan_record rec; /* the active plan as stored */
	struct lull_profile profile; /* as stored, "today" = its start,
					"method" = the plan's */
	int chosen_method; /* the method the family chose in the profile,
			      or LULL_METHOD_NONE when lull chose */
	struct lull_plan plan;	     /* rebuilt; the age is today's */
	int32_t today;		     /* local day of "now" */
	int could_coach; /* foundations, but old enough for coaching now */
};

/* Empty; _free() accepts an initialised or loaded run, twice too. */
void lull_plan_run_init(struct lull_plan_run *);
void lull_plan_run_free(struct lull_plan_run *);

/*
 * Start a plan for "child" from profile "p" on the local day of "now":
 * the profile's birth and due dates must be the child's (LULL_EINVAL
 * naming "child.born" or "child.due", quoting both), the plan is built
 * (lull_plan_build()'s errors, e.g. a method that does not suit), and the
 * record stored active, on step 1, paused from the start when a red flag
 * pauses the plan.  On success *rec (initialised by the caller; its old
 * contents are freed) and *plan hold what was stored and built; p->today
 * is set to the day.
 */
LULL_MUST_CHECK enum lull_err lull_plan_run_start(struct lull_store *,
    const struct lull_tz *, const struct lull_child *child,
    struct lull_profile *p, const struct lull_actor *,
    struct lull_plan_record *rec, struct lull_plan *plan,
    struct lull_errinfo *ei);

/*
 * Load the child's active plan and rebuild it from its stored profile as
 * it was on the day it started, with its method: the ladder a family is
 * climbing never changes under them (a method's upper age limit is for
 * starting it).  Health signs are in the profile, so they apply as they
 * did.  The age shown is today's.  A foundations plan whose child has
 * since become old enough for coaching sets could_coach.
 * LULL_ENOTFOUND (field "plan") when the child has no active plan;
 * LULL_ESTORE when the stored profile no longer reads.  "out" must be
 * initialised; on failure it still holds the child.
 */
LULL_MUST_CHECK enum lull_err lull_plan_run_load(struct lull_store *,
    const struct lull_tz *, const struct lull_child *child, int64_t now_utc,
    struct lull_plan_run *out, struct lull_errinfo *ei);

/*
 * The nights of days [from, to] (inclusive) from the journal, as
 * lull_night_observe() sees them.  *out is malloc'd with *n entries (NULL
 * and 0 when to < from); the caller frees it.
 */
LULL_MUST_CHECK enum lull_err lull_plan_run_nights(struct lull_store *,
    int64_t household_id, const struct lull_tz *, int64_t child_id,
    int32_t from, int32_t to, struct lull_night **out, size_t *n,
    struct lull_errinfo *ei);

/*
 * This morning's engine decision if it is in the history already (a
 * parent's move does not count): *found 1 and *out filled (the caller
 * frees it), else *found 0.
 */
LULL_MUST_CHECK enum lull_err lull_plan_run_decided(struct lull_store *,
    const struct lull_plan_run *, struct lull_plan_event *out, int *found,
    struct lull_errinfo *ei);

/*
 * What the engine decides this morning from the journal, without
 * recording it (to show it before anyone asks for it).
 */
LULL_MUST_CHECK enum lull_err lull_plan_run_suggest(struct lull_store *,
    int64_t household_id, const struct lull_tz *,
    const struct lull_plan_run *, struct lull_decision *out,
    struct lull_errinfo *ei);

/*
 * This morning's decision, made and recorded: suggested as above, applied
 * to r->rec.state and written with its history entry in one transaction
 * (lull_store_plan_record(): a stale record is LULL_ECONFLICT).  One a
 * morning is the caller's rule (see lull_plan_run_decided()).
 */
LULL_MUST_CHECK enum lull_err lull_plan_run_decide(struct lull_store *,
    int64_t household_id, const struct lull_tz *, struct lull_plan_run *,
    const struct lull_actor *, struct lull_decision *out,
    struct lull_errinfo *ei);

/*
 * A parent's own move (lull_plan_parent(): pause, resume, step back,
 * override to "to_step", slow), recorded with its history entry.  The
 * engine's refusals (pausing a paused plan, a step outside the ladder)
 * come back with "ei" filled.
 */
LULL_MUST_CHECK enum lull_err lull_plan_run_parent(struct lull_store *,
    struct lull_plan_run *, enum lull_verdict, int to_step,
    const char *note, const struct lull_actor *, struct lull_decision *out,
    struct lull_errinfo *ei);

/*
 * Pause every running plan of the household's children as "actor" (at
 * actor->now_utc), with no note: a parent's pause like any other, so the
 * plan's history (which every adult sees) says nothing of why.  Used when
 * a mood screen's self-harm item is positive (domain.md 6.2: the plan
 * pauses), where the reason is that person's private answer.  *paused
 * counts the plans paused; plans already paused are left as they are.
 * A plan that no longer rebuilds is left as it is too: "skip" (may be
 * NULL) is told of it, with "arg", and the others still pause.  Fails
 * only when memory or the store fails (LULL_ENOMEM, LULL_ESTORE, with
 * "ei"); the plans paused before stay paused.  The command line (lull
 * screen take) and the web app's screen page share it.
 */
LULL_MUST_CHECK enum lull_err lull_plan_run_pause_all(struct lull_store *,
    int64_t household_id, const struct lull_tz *, const struct lull_actor *,
    int *paused, void (*skip)(void *arg, enum lull_err,
    const struct lull_errinfo *), void *arg, struct lull_errinfo *ei);

#endif
