/*
 * Plans as stored: the record of a child's plan and the entries of its
 * history, with their initialisers, destructors and vectors, and the
 * step from a morning decision to a history entry.  Pure: no I/O.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/plan.h"

void
lull_plan_record_init(struct lull_plan_record *r)
{
	memset(r, 0, sizeof(*r));
	r->method = LULL_M0;
	r->state.started_day = LULL_NO_DAY;
	r->state.step = 1;
	r->state.step_since_day = LULL_NO_DAY;
	r->state.paused_since_day = LULL_NO_DAY;
	r->state.best_step = 1;
	r->state.best_day = LULL_NO_DAY;
	r->state.reeval_day = LULL_NO_DAY;
	r->state.resumed_day = LULL_NO_DAY;
	/* A new plan replaces the child's running one; a past plan (a
	 * restore of history) is the caller's explicit choice. */
	r->active = 1;
}

void
lull_plan_record_free(struct lull_plan_record *r)
{
	if (r == NULL)
		return;
	free(r->profile_json);
	lull_plan_record_init(r);
}

void
lull_plan_event_init(struct lull_plan_event *e)
{
	memset(e, 0, sizeof(*e));
	e->day = LULL_NO_DAY;
	e->verdict = LULL_VERDICT_HOLD;
	e->evidence = LULL_EVIDENCE_POLICY;
}

void
lull_plan_event_free(struct lull_plan_event *e)
{
	if (e == NULL)
		return;
	free(e->reason);
	free(e->source);
	lull_plan_event_init(e);
}

/* Make room for one more item, doubling the allocation. */
static int
grow(void **v, size_t n, size_t *cap, size_t size)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return 1;
	ncap = *cap ? *cap * 2 : 8;
	if (ncap < n + 1)
		ncap = n + 1;
	if (ncap > SIZE_MAX / size)
		return 0;
	if ((p = realloc(*v, ncap * size)) == NULL)
		return 0;
	*v = p;
	*cap = ncap;
	return 1;
}

void
lull_plan_eventv_free(struct lull_plan_eventv *vec)
{
	size_t i;

	if (vec == NULL)
		return;
	for (i = 0; i < vec->n; i++)
		lull_plan_event_free(&vec->v[i]);
	free(vec->v);
	memset(vec, 0, sizeof(*vec));
}

enum lull_err
lull_plan_eventv_push(struct lull_plan_eventv *vec,
    struct lull_plan_event *take)
{
	if (!grow((void **)&vec->v, vec->n, &vec->cap, sizeof(*vec->v)))
		return LULL_ENOMEM;
	vec->v[vec->n++] = *take;
	lull_plan_event_init(take);
	return LULL_OK;
}

void
lull_plan_recordv_free(struct lull_plan_recordv *vec)
{
	size_t i;

	if (vec == NULL)
		return;
	for (i = 0; i < vec->n; i++)
		lull_plan_record_free(&vec->v[i]);
	free(vec->v);
	memset(vec, 0, sizeof(*vec));
}

enum lull_err
lull_plan_recordv_push(struct lull_plan_recordv *vec,
    struct lull_plan_record *take)
{
	if (!grow((void **)&vec->v, vec->n, &vec->cap, sizeof(*vec->v)))
		return LULL_ENOMEM;
	vec->v[vec->n++] = *take;
	lull_plan_record_init(take);
	return LULL_OK;
}

enum lull_err
lull_plan_event_from(struct lull_plan_event *out, int64_t plan_id,
    const struct lull_decision *d, int32_t day, int by_parent)
{
	lull_plan_event_init(out);
	/* Bounded: the reason is a fixed array filled by the engine. */
	out->reason = strndup(d->reason, sizeof(d->reason));
	if (out->reason == NULL)
		return LULL_ENOMEM;
	if (d->source != NULL && (out->source = strdup(d->source)) == NULL) {
		lull_plan_event_free(out);
		return LULL_ENOMEM;
	}
	out->plan_id = plan_id;
	out->day = day;
	out->verdict = d->verdict;
	out->step_from = d->step_from;
	out->step_to = d->step_to;
	out->evidence = d->evidence;
	out->by_parent = by_parent ? 1 : 0;
	return LULL_OK;
}
