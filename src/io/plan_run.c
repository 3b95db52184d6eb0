/*
 * A child's running plan between the store and the engine: start, load
 * and rebuild, the morning's decision and the parent's moves, shared by
 * the command line and the web app (plan_run.h).  The rules are in
 * src/core/plan*.c; this file reads and writes the journal.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/plan.h"
#include "lull/plan_json.h"
#include "lull/plan_run.h"
#include "lull/store.h"

/* The store's last message into "ei", returning "rc". */
static enum lull_err
store_fail(struct lull_store *st, enum lull_err rc, struct lull_errinfo *ei)
{
	const struct lull_errinfo *se = lull_store_error(st);

	if (ei != NULL) {
		if (se != NULL && se->msg[0] != '\0') {
			*ei = *se;
			ei->code = rc;
		} else
			lull_errinfo_set(ei, rc, "", "%s", lull_strerror(rc));
	}
	return rc;
}

static enum lull_err
child_copy(struct lull_child *dst, const struct lull_child *src)
{
	*dst = *src;
	dst->name = NULL;
	if (src->name != NULL && (dst->name = strdup(src->name)) == NULL) {
		lull_child_init(dst);
		return LULL_ENOMEM;
	}
	return LULL_OK;
}

void
lull_plan_run_init(struct lull_plan_run *r)
{
	memset(r, 0, sizeof(*r));
	lull_child_init(&r->child);
	lull_plan_record_init(&r->rec);
	lull_profile_init(&r->profile);
	r->chosen_method = LULL_METHOD_NONE;
	r->today = LULL_NO_DAY;
}

void
lull_plan_run_free(struct lull_plan_run *r)
{
	if (r == NULL)
		return;
	lull_child_free(&r->child);
	lull_plan_record_free(&r->rec);
	lull_plan_run_init(r);
}

enum lull_err
lull_plan_run_start(struct lull_store *st, const struct lull_tz *tz,
    const struct lull_child *c, struct lull_profile *p,
    const struct lull_actor *actor, struct lull_plan_record *rec,
    struct lull_plan *plan, struct lull_errinfo *ei)
{
	int32_t today = lull_local_day(tz, actor->now_utc);
	char a[16], b[16];
	enum lull_err rc;

	/* The profile speaks of this child: its dates must agree with the
	 * journal's, or ages (and so the gates) would disagree. */
	if (p->born_day != c->born_day) {
		lull_date_format(c->born_day, a, sizeof(a));
		lull_date_format(p->born_day, b, sizeof(b));
		return lull_errinfo_set(ei, LULL_EINVAL, "child.born",
		    "child.born: the profile says %s, but %s was born %s; "
		    "make them agree",
		    b, c->name, a);
	}
	if (p->due_day != c->due_day) {
		snprintf(a, sizeof(a), "none");
		snprintf(b, sizeof(b), "none");
		if (c->due_day != LULL_NO_DAY)
			lull_date_format(c->due_day, a, sizeof(a));
		if (p->due_day != LULL_NO_DAY)
			lull_date_format(p->due_day, b, sizeof(b));
		return lull_errinfo_set(ei, LULL_EINVAL, "child.due",
		    "child.due: the profile says %s, but %s's due date is %s; "
		    "make them agree",
		    b, c->name, a);
	}
	p->today = today;
	if ((rc = lull_plan_build(p, plan, ei)) != LULL_OK)
		return rc;
	lull_plan_record_free(rec);
	if (lull_profile_to_text(p, &rec->profile_json) != LULL_OK)
		return lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
	rec->child_id = c->id;
	rec->method = plan->method;
	rec->state.started_day = today;
	rec->state.step = 1;
	rec->state.step_since_day = today;
	if (plan->mode == LULL_MODE_PAUSED) {
		rec->state.paused = 1;
		rec->state.paused_since_day = today;
	}
	if ((rc = lull_store_plan_add(st, rec, actor)) != LULL_OK) {
		store_fail(st, rc, ei);
		lull_plan_record_free(rec);
	}
	return rc;
}

enum lull_err
lull_plan_run_load(struct lull_store *st, const struct lull_tz *tz,
    const struct lull_child *c, int64_t now, struct lull_plan_run *r,
    struct lull_errinfo *ei)
{
	struct lull_errinfo pe;
	enum lull_err rc;

	lull_plan_run_free(r);
	r->today = lull_local_day(tz, now);
	if (child_copy(&r->child, c) != LULL_OK)
		return lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
	rc = lull_store_plan_active(st, c->id, &r->rec);
	if (rc == LULL_ENOTFOUND)
		return lull_errinfo_set(ei, rc, "plan", "%s has no plan yet",
		    c->name);
	if (rc != LULL_OK)
		return store_fail(st, rc, ei);
	rc = lull_profile_from_json(r->rec.profile_json,
	    strlen(r->rec.profile_json), "stored profile", r->today,
	    &r->profile, &pe);
	if (rc != LULL_OK)
		return lull_errinfo_set(ei, LULL_ESTORE, pe.field, "%s",
		    pe.msg);
	r->profile.today = r->rec.state.started_day;
	r->chosen_method = r->profile.method;
	r->profile.method = r->rec.method;
	if ((rc = lull_plan_build(&r->profile, &r->plan, ei)) != LULL_OK)
		return rc;
	r->plan.age_days = lull_child_age_days(&r->child, r->today,
	    &r->plan.corrected);
	if (r->plan.mode == LULL_MODE_FOUNDATIONS) {
		struct lull_profile later_p = r->profile;
		struct lull_plan later;

		later_p.today = r->today;
		later_p.method = LULL_METHOD_NONE;
		r->could_coach = lull_plan_build(&later_p, &later, &pe) ==
			LULL_OK &&
		    later.mode == LULL_MODE_COACHING;
	}
	return LULL_OK;
}

enum lull_err
lull_plan_run_nights(struct lull_store *st, int64_t hh,
    const struct lull_tz *tz, int64_t child, int32_t from, int32_t to,
    struct lull_night **out, size_t *n, struct lull_errinfo *ei)
{
	struct lull_sleepv sv = { 0 };
	struct lull_tagv tv = { 0 };
	enum lull_err rc;

	*out = NULL;
	*n = 0;
	if (to < from)
		return LULL_OK;
	if ((rc = lull_store_sleep_range(st, hh, child,
		 lull_tz_day_start(tz, from), lull_tz_day_start(tz, to + 1),
		 &sv)) ||
	    (rc = lull_store_tag_range(st, hh, child, from, to, &tv))) {
		lull_sleepv_free(&sv);
		return store_fail(st, rc, ei);
	}
	if ((*out = calloc((size_t)(to - from + 1), sizeof(**out))) == NULL) {
		lull_sleepv_free(&sv);
		lull_tagv_free(&tv);
		return lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
	}
	*n = (size_t)(to - from + 1);
	lull_night_observe(tz, &sv, &tv, from, to, *out);
	lull_sleepv_free(&sv);
	lull_tagv_free(&tv);
	return LULL_OK;
}

enum lull_err
lull_plan_run_decided(struct lull_store *st, const struct lull_plan_run *r,
    struct lull_plan_event *out, int *found, struct lull_errinfo *ei)
{
	struct lull_plan_eventv v = { 0 };
	enum lull_err rc;
	size_t i;

	*found = 0;
	if ((rc = lull_store_plan_events(st, r->rec.id, &v)) != LULL_OK)
		return store_fail(st, rc, ei);
	for (i = v.n; i > 0 && !*found; i--)
		if (v.v[i - 1].day == r->today && !v.v[i - 1].by_parent) {
			lull_plan_event_free(out);
			*out = v.v[i - 1];
			lull_plan_event_init(&v.v[i - 1]);
			*found = 1;
		}
	lull_plan_eventv_free(&v);
	return LULL_OK;
}

enum lull_err
lull_plan_run_suggest(struct lull_store *st, int64_t hh,
    const struct lull_tz *tz, const struct lull_plan_run *r,
    struct lull_decision *d, struct lull_errinfo *ei)
{
	struct lull_night *nights = NULL, *base = NULL;
	size_t n = 0, nb = 0;
	enum lull_err rc;
	int32_t from;

	/* Enough nights back for the current step and a stall check. */
	from = r->rec.state.started_day;
	if (from < r->today - LULL_PLAN_RUN_BACK_DAYS)
		from = r->today - LULL_PLAN_RUN_BACK_DAYS;
	if ((rc = lull_plan_run_nights(st, hh, tz, r->child.id, from,
		 r->today - 1, &nights, &n, ei)) == LULL_OK &&
	    (rc = lull_plan_run_nights(st, hh, tz, r->child.id,
		 r->rec.state.started_day - LULL_PLAN_RUN_BASELINE_DAYS,
		 r->rec.state.started_day - 1, &base, &nb, ei)) == LULL_OK)
		lull_plan_decide(&r->plan, &r->rec.state, nights, n, base, nb,
		    r->today, d);
	free(nights);
	free(base);
	return rc;
}

/* Write the state in r->rec with decision "d" as its history entry. */
static enum lull_err
record(struct lull_store *st, struct lull_plan_run *r,
    const struct lull_decision *d, int by_parent,
    const struct lull_actor *actor, struct lull_errinfo *ei)
{
	struct lull_plan_event ev;
	enum lull_err rc;

	lull_plan_event_init(&ev);
	if (lull_plan_event_from(&ev, r->rec.id, d, r->today, by_parent) !=
	    LULL_OK)
		return lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
	if ((rc = lull_store_plan_record(st, &r->rec, &ev, actor)) != LULL_OK)
		store_fail(st, rc, ei);
	lull_plan_event_free(&ev);
	return rc;
}

enum lull_err
lull_plan_run_decide(struct lull_store *st, int64_t hh,
    const struct lull_tz *tz, struct lull_plan_run *r,
    const struct lull_actor *actor, struct lull_decision *d,
    struct lull_errinfo *ei)
{
	struct lull_plan_state was = r->rec.state;
	enum lull_err rc;

	if ((rc = lull_plan_run_suggest(st, hh, tz, r, d, ei)) != LULL_OK)
		return rc;
	lull_plan_apply(&r->plan, &r->rec.state, d, r->today);
	if ((rc = record(st, r, d, 0, actor, ei)) != LULL_OK)
		r->rec.state = was;
	return rc;
}

enum lull_err
lull_plan_run_parent(struct lull_store *st, struct lull_plan_run *r,
    enum lull_verdict v, int to_step, const char *note,
    const struct lull_actor *actor, struct lull_decision *d,
    struct lull_errinfo *ei)
{
	struct lull_plan_state was = r->rec.state;
	enum lull_err rc;

	if ((rc = lull_plan_parent(&r->plan, &r->rec.state, v, to_step, note,
		 r->today, d, ei)) != LULL_OK)
		return rc;
	if ((rc = record(st, r, d, 1, actor, ei)) != LULL_OK)
		r->rec.state = was;
	return rc;
}

enum lull_err
lull_plan_run_pause_all(struct lull_store *st, int64_t household_id,
    const struct lull_tz *tz, const struct lull_actor *actor, int *paused,
    void (*skip)(void *, enum lull_err, const struct lull_errinfo *),
    void *arg, struct lull_errinfo *ei)
{
	struct lull_childv kids = { 0 };
	struct lull_decision d;
	struct lull_errinfo e;
	struct lull_plan_run r;
	enum lull_err rc, x = LULL_OK;
	size_t i;

	*paused = 0;
	if ((rc = lull_store_child_list(st, household_id, &kids)))
		return store_fail(st, rc, ei);
	lull_plan_run_init(&r);
	for (i = 0; x == LULL_OK && i < kids.n; i++) {
		memset(&e, 0, sizeof(e));
		rc = lull_plan_run_load(st, tz, &kids.v[i], actor->now_utc, &r,
		    &e);
		if (rc == LULL_OK && !r.rec.state.paused) {
			rc = lull_plan_run_parent(st, &r, LULL_VERDICT_PAUSE, 0,
			    NULL, actor, &d, &e);
			if (rc == LULL_OK)
				(*paused)++;
			else if (rc == LULL_ENOMEM || rc == LULL_ESTORE)
				x = rc;
		} else if (rc == LULL_ENOMEM)
			x = rc;
		else if (rc != LULL_OK && rc != LULL_ENOTFOUND && skip != NULL)
			skip(arg, rc, &e);
		if (x != LULL_OK && ei != NULL)
			*ei = e;
		lull_plan_run_free(&r);
	}
	lull_childv_free(&kids);
	return x;
}
