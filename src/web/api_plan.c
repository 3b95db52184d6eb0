/*
 * /api/v1/households/{hid}/children/{cid}/plan: a child's running plan
 * and tonight's step, starting one from an intake profile
 * (docs/profile.md), this morning's decision, the parent's own moves and
 * the plan's history.  The rules are the engine's (src/core/plan*.c),
 * reached through lull/plan_run.h as the command line reaches them.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/plan.h"
#include "lull/plan_json.h"
#include "lull/plan_run.h"

#include "web/api_int.h"
#include "web/web.h"

/* The running plan of the path's child; 404 without one. */
static int
run_load(struct api *a, struct lull_plan_run *r)
{
	struct lull_errinfo ei;
	struct lull_child c;
	enum lull_err rc;

	lull_plan_run_init(r);
	if (api_child(a, api_param(a, 1), &c))
		return 1;
	rc = lull_plan_run_load(a->rq->st, a->rq->tz, &c, a->rq->now, r, &ei);
	lull_child_free(&c);
	if (rc == LULL_ENOTFOUND) {
		web_error(a->rq, a->rs, 404, "plan",
		    "%s has no plan yet; start one with POST on this address "
		    "and an intake profile (docs/profile.md).",
		    r->child.name);
		return 1;
	}
	return rc ? api_fail(a, rc, &ei) : 0;
}

/* A plan with where it stands and tonight's step. */
static json_t *
run_json(const struct lull_plan_run *r)
{
	const struct lull_step *s = lull_plan_step(&r->plan, r->rec.state.step);
	json_t *o = json_object(), *plan, *tonight = json_null();
	int coaching = r->plan.mode == LULL_MODE_COACHING;

	plan = lull_plan_to_json(&r->plan, &r->profile);
	/* Tonight's step as the ladder has it, when there is a ladder. */
	if (plan != NULL && s != NULL && coaching) {
		json_t *st = json_array_get(json_object_get(plan, "steps"),
		    (size_t)(s->index - 1));

		if (st != NULL) {
			json_decref(tonight);
			tonight = json_deep_copy(st);
		}
	}
	if (o == NULL || plan == NULL || tonight == NULL ||
	    json_object_set_new(o, "id", json_integer(r->rec.id)) ||
	    json_object_set_new(o, "child", json_string(r->child.name)) ||
	    json_object_set_new(o, "child_id", json_integer(r->child.id)) ||
	    json_object_set_new(o, "method",
		json_string(lull_method_id(r->rec.method))) ||
	    json_object_set_new(o, "active", json_boolean(r->rec.active)) ||
	    json_object_set_new(o, "step",
		s != NULL && coaching ? json_integer(s->index) : json_null()) ||
	    json_object_set_new(o, "paused",
		json_boolean(r->rec.state.paused ||
		    r->plan.mode == LULL_MODE_PAUSED)) ||
	    json_object_set_new(o, "could_coach",
		json_boolean(r->could_coach)) ||
	    json_object_set_new(o, "state",
		lull_plan_state_to_json(&r->rec.state)) ||
	    json_object_set(o, "tonight", tonight) ||
	    json_object_set(o, "plan", plan) ||
	    json_object_set_new(o, "version",
		json_integer(r->rec.meta.version))) {
		json_decref(o);
		o = NULL;
	}
	json_decref(plan);
	json_decref(tonight);
	return o;
}

/* An If-Match, when sent, must name the plan's current version. */
static int
run_version(struct api *a, const struct lull_plan_run *r)
{
	struct api_ver v;

	return api_version(a, NULL, 0, &v) ||
	    api_ver_check(a, &v, r->rec.meta.version, "plan", r->rec.id);
}

int
api_plan_get(struct web_req *rq, struct web_resp *rs)
{
	struct lull_plan_run r;
	struct api a;

	lull_plan_run_init(&r);
	if (api_open(&a, rq, rs) == 0 && run_load(&a, &r) == 0)
		api_send(&a, 200, run_json(&r), r.rec.meta.version);
	lull_plan_run_free(&r);
	api_close(&a);
	return 0;
}

/* A profile may say the child went blue or limp even while it has a
 * mistake elsewhere: that must not hide behind the error. */
static int
emergency(json_t *o)
{
	json_t *h = json_object_get(o, "health"), *v;
	size_t i;

	json_array_foreach(h, i, v) if (json_is_string(v) &&
	    strcmp(json_string_value(v), "blue_or_limp") == 0) return 1;
	return 0;
}

int
api_plan_start(struct web_req *rq, struct web_resp *rs)
{
	struct lull_plan_record rec;
	struct lull_plan_run r;
	struct lull_profile p;
	struct lull_plan plan;
	struct lull_errinfo ei;
	struct lull_child c;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;
	int64_t cid;

	lull_child_init(&c);
	lull_plan_record_init(&rec);
	lull_plan_run_init(&r);
	if (api_open(&a, rq, rs) ||
	    api_child(&a, (cid = api_param(&a, 1)), &c) || api_body(&a, 0, &o))
		goto out;
	rc = lull_profile_from_value(o, "profile",
	    lull_local_day(rq->tz, rq->now), &p, &ei);
	if (rc == LULL_OK)
		rc = lull_plan_run_start(rq->st, rq->tz, &c, &p, &rq->actor,
		    &rec, &plan, &ei);
	if (rc != LULL_OK) {
		if (rc == LULL_EINVAL && emergency(o))
			web_error(rq, rs, 422, ei.field,
			    "FIRST: a child who went blue, grey or limp, or "
			    "stopped breathing, needs emergency help now: call "
			    "your emergency number. Then: %s",
			    ei.msg);
		else
			api_fail(&a, rc, &ei);
		goto out;
	}
	if ((rc = lull_plan_run_load(rq->st, rq->tz, &c, rq->now, &r, &ei)))
		api_fail(&a, rc, &ei);
	else
		api_created(&a, run_json(&r), r.rec.meta.version,
		    "/children/%lld/plan", (long long)cid);
out:
	lull_plan_run_free(&r);
	lull_plan_record_free(&rec);
	lull_child_free(&c);
	json_decref(o);
	api_close(&a);
	return 0;
}

/* A decision with the plan's state after it. */
static json_t *
decided(json_t *decision, const struct lull_plan_run *r, int already)
{
	json_t *o = json_object();

	if (o == NULL || decision == NULL ||
	    json_object_set(o, "decision", decision) ||
	    json_object_set_new(o, "already_decided", json_boolean(already)) ||
	    json_object_set_new(o, "state",
		lull_plan_state_to_json(&r->rec.state)) ||
	    json_object_set_new(o, "version",
		json_integer(r->rec.meta.version))) {
		json_decref(o);
		o = NULL;
	}
	json_decref(decision);
	return o;
}

/*
 * This morning's decision: made from the journal and recorded, once a
 * morning; asking again shows the one made.
 */
int
api_plan_decide(struct web_req *rq, struct web_resp *rs)
{
	struct lull_plan_event ev;
	struct lull_plan_run r;
	struct lull_decision d;
	struct lull_errinfo ei;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;
	int found = 0;

	lull_plan_event_init(&ev);
	lull_plan_run_init(&r);
	if (api_open(&a, rq, rs) || api_body(&a, 1, &o) ||
	    api_members(&a, o, NULL, NULL) || run_load(&a, &r) ||
	    run_version(&a, &r))
		goto out;
	if ((rc = lull_plan_run_decided(rq->st, &r, &ev, &found, &ei))) {
		api_fail(&a, rc, &ei);
		goto out;
	}
	if (found) {
		api_send(&a, 200,
		    decided(lull_plan_event_to_json(&ev, rq->tz), &r, 1),
		    r.rec.meta.version);
		goto out;
	}
	if ((rc = lull_plan_run_decide(rq->st, a.hid, rq->tz, &r, &rq->actor,
		 &d, &ei)))
		api_fail(&a, rc, &ei);
	else {
		api_log(&a, "decided on", "plan", r.rec.id);
		api_send(&a, 200, decided(lull_decision_to_json(&d), &r, 0),
		    r.rec.meta.version);
	}
out:
	lull_plan_event_free(&ev);
	lull_plan_run_free(&r);
	json_decref(o);
	api_close(&a);
	return 0;
}

static const char *const move_members[] = { "move", "step", "note", NULL };

static const struct {
	const char *name;
	enum lull_verdict v;
} moves[] = {
	{ "pause", LULL_VERDICT_PAUSE },
	{ "resume", LULL_VERDICT_RESUME },
	{ "back", LULL_VERDICT_STEP_BACK },
	{ "slow", LULL_VERDICT_SLOW },
	{ "override", LULL_VERDICT_OVERRIDE },
};

/* The parent's own move: {"move": ..., "step": N, "note": "..."}. */
int
api_plan_move(struct web_req *rq, struct web_resp *rs)
{
	struct lull_plan_run r;
	struct lull_decision d;
	struct lull_errinfo ei;
	struct api a;
	json_t *o = NULL, *mv;
	enum lull_err rc;
	char *note = NULL;
	int32_t step = LULL_UNKNOWN;
	size_t i;

	lull_plan_run_init(&r);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    api_members(&a, o, move_members, NULL) ||
	    api_require(&a, o, "move") ||
	    api_get_int(&a, o, "step", 1, LULL_PLAN_MAX_STEPS, &step) ||
	    api_get_text(&a, o, "note", 0, &note))
		goto out;
	mv = json_object_get(o, "move");
	for (i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		if (json_is_string(mv) &&
		    strcmp(json_string_value(mv), moves[i].name) == 0)
			break;
	if (i == sizeof(moves) / sizeof(moves[0])) {
		web_error(rq, rs, 422, "move",
		    "move: should be one of pause, resume, back, slow, "
		    "override");
		goto out;
	}
	if ((moves[i].v == LULL_VERDICT_OVERRIDE) != (step != LULL_UNKNOWN)) {
		web_error(rq, rs, 422, "step",
		    moves[i].v == LULL_VERDICT_OVERRIDE
			? "step: an override needs the step to go to"
			: "step: only an override takes a step");
		goto out;
	}
	if (note != NULL && strlen(note) > 500) {
		web_error(rq, rs, 422, "note",
		    "note: keep it under 500 characters");
		goto out;
	}
	if (run_load(&a, &r) || run_version(&a, &r))
		goto out;
	if ((rc = lull_plan_run_parent(rq->st, &r, moves[i].v,
		 step == LULL_UNKNOWN ? 0 : step, note, &rq->actor, &d, &ei)))
		api_fail(&a, rc, &ei);
	else {
		api_log(&a, moves[i].name, "plan", r.rec.id);
		api_send(&a, 200, decided(lull_decision_to_json(&d), &r, 0),
		    r.rec.meta.version);
	}
out:
	free(note);
	lull_plan_run_free(&r);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_plan_history(struct web_req *rq, struct web_resp *rs)
{
	struct lull_plan_eventv v = { 0 };
	struct lull_plan_run r;
	struct api a;
	json_t *items, *e;
	enum lull_err rc;
	size_t i, k;

	lull_plan_run_init(&r);
	if (api_open(&a, rq, rs) || run_load(&a, &r))
		goto out;
	if ((rc = lull_store_plan_events(rq->st, r.rec.id, &v))) {
		api_store_fail(&a, rc);
		goto out;
	}
	items = json_array();
	for (i = 0; i < v.n; i++) {
		const char *by = NULL;

		for (k = 0; k < a.cgs.n; k++)
			if (a.cgs.v[k].id == v.v[i].meta.created_by)
				by = a.cgs.v[k].name;
		e = lull_plan_event_to_json(&v.v[i], rq->tz);
		if (e != NULL &&
		    (json_object_set_new(e, "id", json_integer(v.v[i].id)) ||
			json_object_set_new(e, "by",
			    by ? json_string(by) : json_null()))) {
			json_decref(e);
			e = NULL;
		}
		json_array_append_new(items, e);
	}
	if (json_array_size(items) != v.n) {
		json_decref(items);
		items = NULL;
	}
	api_send(&a, 200,
	    items ? json_pack("{s:o,s:I}", "items", items, "plan_id",
			(json_int_t)r.rec.id)
		  : NULL,
	    0);
out:
	lull_plan_eventv_free(&v);
	lull_plan_run_free(&r);
	api_close(&a);
	return 0;
}
