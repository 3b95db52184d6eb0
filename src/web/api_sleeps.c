/*
 * /api/v1/households/{hid}/sleeps and /wakings: sleeps with their night
 * wakings, in the export's shape (docs/export.md) with ids.  Listed
 * newest first a page at a time (lull_store_sleep_page()), added (an
 * ongoing sleep has no end; wakings may come with it), read, changed and
 * deleted; wakings are added to a sleep and changed or deleted alone.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/model.h"
#include "lull/store.h"

#include "web/api_int.h"
#include "web/web.h"

#define PLACES                                                                 \
	"unknown, own-room-cot, parents-room-cot, sidecar, parents-bed, "      \
	"arms, pram, car-seat, carrier, sofa, other"
#define RESPONSES                                                              \
	"unknown, none, presence, voice, pat, hold, rock, feed, pacifier, "    \
	"brought-to-bed, other"

static const char *const sleep_new[] = { "child", "child_id", "start", "end",
	"kind", "onset", "place", "settled_by", "latency_min", "crying_min",
	"routine", "note", "wakings", NULL };
static const char *const sleep_patch[] = { "child", "child_id", "start", "end",
	"kind", "onset", "place", "settled_by", "latency_min", "crying_min",
	"routine", "note", "version", NULL };
/* What a sleep's JSON carries besides: read, never written. */
static const char *const sleep_ro[] = { "id", "logged_by", "logged_at",
	"updated_by", "updated_at", "kind_given", NULL };
static const char *const waking_new[] = { "start", "end", "response", "by",
	"note", NULL };
static const char *const waking_patch[] = { "start", "end", "response", "by",
	"note", "version", NULL };
static const char *const waking_ro[] = { "id", "sleep_id", "logged_by",
	"logged_at", "updated_by", "updated_at", NULL };

/* The waking members given, onto "w". */
static int
waking_read(struct api *a, json_t *o, int create, struct lull_waking *w)
{
	int resp = (int)w->response;

	if (!json_is_object(o)) {
		web_error(a->rq, a->rs, 422, "wakings",
		    "wakings: each waking should be an object");
		return 1;
	}
	if (api_members(a, o, create ? waking_new : waking_patch, waking_ro) ||
	    (create && api_require(a, o, "start")) ||
	    api_get_time(a, o, "start", 0, &w->start_utc) ||
	    api_get_time(a, o, "end", 1, &w->end_utc) ||
	    api_get_enum(a, o, "response", lull_response_parse, RESPONSES,
		&resp) ||
	    api_get_caregiver(a, o, "by", &w->caregiver_id) ||
	    api_get_text(a, o, "note", 0, &w->note))
		return 1;
	w->response = resp < 0 ? LULL_RESP_UNKNOWN : (enum lull_response)resp;
	return 0;
}

/* The sleep members given, onto "s"; "create" also takes its wakings. */
static int
sleep_read(struct api *a, json_t *o, int create, struct lull_sleep *s)
{
	int kind = -2, place = (int)s->place;
	json_t *wk, *v;
	size_t i;

	if (!create && json_object_get(o, "wakings") != NULL) {
		web_error(a->rq, a->rs, 422, "wakings",
		    "wakings: change a sleep's wakings with POST "
		    ".../sleeps/{id}/wakings and PATCH or DELETE "
		    ".../wakings/{id}");
		return 1;
	}
	if (api_members(a, o, create ? sleep_new : sleep_patch, sleep_ro))
		return 1;
	if ((create && api_require(a, o, "start")) ||
	    api_get_child(a, o, create, &s->child_id) ||
	    api_get_time(a, o, "start", 0, &s->start_utc) ||
	    api_get_time(a, o, "end", 1, &s->end_utc) ||
	    api_get_enum(a, o, "kind", lull_sleep_kind_parse, "nap, night",
		&kind) ||
	    api_get_onset(a, o, "onset", &s->onset) ||
	    api_get_enum(a, o, "place", lull_place_parse, PLACES, &place) ||
	    api_get_caregiver(a, o, "settled_by", &s->settled_by) ||
	    api_get_int(a, o, "latency_min", 0, 24 * 60, &s->latency_min) ||
	    api_get_int(a, o, "crying_min", 0, 24 * 60, &s->crying_min) ||
	    api_get_bool3(a, o, "routine", &s->routine) ||
	    api_get_text(a, o, "note", 0, &s->note))
		return 1;
	/* A kind said is kept; null asks the journal to derive it. */
	if (kind >= 0) {
		s->kind = (enum lull_sleep_kind)kind;
		s->kind_given = 1;
	} else if (kind == -1)
		s->kind_given = 0;
	s->place = place < 0 ? LULL_PLACE_UNKNOWN : (enum lull_place)place;
	if (!create || (wk = json_object_get(o, "wakings")) == NULL ||
	    json_is_null(wk))
		return 0;
	if (!json_is_array(wk)) {
		web_error(a->rq, a->rs, 422, "wakings",
		    "wakings: should be an array of wakings");
		return 1;
	}
	json_array_foreach(wk, i, v)
	{
		struct lull_waking w;
		int r;

		lull_waking_init(&w);
		r = waking_read(a, v, 1, &w);
		if (r == 0 && lull_sleep_add_waking(s, &w) != LULL_OK)
			r = api_fail(a, LULL_ENOMEM, NULL);
		lull_waking_free(&w);
		if (r)
			return 1;
	}
	return 0;
}

int
api_sleeps_list(struct web_req *rq, struct web_resp *rs)
{
	struct lull_sleepv v = { 0 };
	struct api a;
	json_t *items = NULL, *next;
	int64_t child, from, to, at, id;
	enum lull_err rc;
	size_t limit, i, len;
	char *text;

	if (api_open(&a, rq, rs) || api_query_child(&a, &child) ||
	    api_query_span(&a, &from, &to) || api_query_limit(&a, &limit) ||
	    api_query_cursor(&a, 's', &at, &id))
		goto out;
	/* One more than asked says whether there is a next page. */
	rc = lull_store_sleep_page(rq->st, a.hid, child, from, to, at, id,
	    limit + 1, &v);
	if (rc != LULL_OK) {
		api_store_fail(&a, rc);
		goto out;
	}
	next = json_null();
	if (v.n > limit) {
		lull_sleep_free(&v.v[--v.n]);
		next = api_cursor('s', v.v[v.n - 1].start_utc, v.v[v.n - 1].id);
	}
	/* Written straight out (api_json.c); jansson's tree is the way
	 * when that gives up. */
	if (next != NULL &&
	    (text = api_text_sleeps(&a, v.v, v.n, json_string_value(next),
		 &len)) != NULL) {
		json_decref(next);
		web_take(rs, 200, "application/json", text, len);
		goto out;
	}
	items = json_array();
	for (i = 0; i < v.n; i++)
		json_array_append_new(items, api_json_sleep(&a, &v.v[i]));
	api_send(&a, 200, api_page(items, next, v.n), 0);
out:
	lull_sleepv_free(&v);
	api_close(&a);
	return 0;
}

int
api_sleeps_create(struct web_req *rq, struct web_resp *rs)
{
	struct lull_sleep s;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;

	lull_sleep_init(&s);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    sleep_read(&a, o, 1, &s))
		goto out;
	if ((rc = lull_store_sleep_add(rq->st, &s, rq->tz, &rq->actor)))
		api_store_fail(&a, rc);
	else
		api_created(&a, api_json_sleep(&a, &s), s.meta.version,
		    "/sleeps/%lld", (long long)s.id);
out:
	lull_sleep_free(&s);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_sleep_get(struct web_req *rq, struct web_resp *rs)
{
	struct lull_sleep s;
	struct api a;

	lull_sleep_init(&s);
	if (api_open(&a, rq, rs) == 0 &&
	    api_sleep(&a, api_param(&a, 1), &s) == 0)
		api_send(&a, 200, api_json_sleep(&a, &s), s.meta.version);
	lull_sleep_free(&s);
	api_close(&a);
	return 0;
}

int
api_sleep_patch(struct web_req *rq, struct web_resp *rs)
{
	struct lull_sleep s;
	struct api_ver v;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;
	int64_t id;

	lull_sleep_init(&s);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    api_version(&a, o, 1, &v) ||
	    api_sleep(&a, (id = api_param(&a, 1)), &s) ||
	    api_ver_check(&a, &v, s.meta.version, "sleep", id) ||
	    sleep_read(&a, o, 0, &s))
		goto out;
	if (api_ver_want(&v))
		s.meta.version = api_ver_want(&v);
	if ((rc = lull_store_sleep_update(rq->st, &s, rq->tz, &rq->actor)))
		api_update_fail(&a, rc, &v, "sleep", id);
	else
		api_changed(&a, "sleep", id, api_json_sleep(&a, &s),
		    s.meta.version);
out:
	lull_sleep_free(&s);
	json_decref(o);
	api_close(&a);
	return 0;
}

/* A DELETE's version: If-Match, or {"version": N} in an optional body. */
static int
delete_version(struct api *a, json_t **o, struct api_ver *v)
{
	return api_body(a, 1, o) ||
	    api_members(a, *o, (const char *const[]){ "version", NULL },
		NULL) ||
	    api_version(a, *o, 1, v);
}

int
api_sleep_delete(struct web_req *rq, struct web_resp *rs)
{
	struct lull_sleep s;
	struct api_ver v;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;
	int64_t id;

	lull_sleep_init(&s);
	if (api_open(&a, rq, rs) || delete_version(&a, &o, &v))
		goto out;
	/* Checked and deleted in one transaction: no change in between is
	 * lost unseen. */
	if ((rc = lull_store_begin(rq->st))) {
		api_store_fail(&a, rc);
		goto out;
	}
	if (api_sleep(&a, (id = api_param(&a, 1)), &s) ||
	    api_ver_check(&a, &v, s.meta.version, "sleep", id)) {
		lull_store_rollback(rq->st);
		goto out;
	}
	if ((rc = lull_store_sleep_delete(rq->st, id)) ||
	    (rc = lull_store_commit(rq->st))) {
		lull_store_rollback(rq->st);
		api_store_fail(&a, rc);
	} else
		api_deleted(&a, "sleep", id);
out:
	lull_sleep_free(&s);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_wakings_create(struct web_req *rq, struct web_resp *rs)
{
	struct lull_waking w;
	struct lull_sleep s;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;

	lull_waking_init(&w);
	lull_sleep_init(&s);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    api_sleep(&a, api_param(&a, 1), &s) || waking_read(&a, o, 1, &w))
		goto out;
	w.sleep_id = s.id;
	if ((rc = lull_store_waking_add(rq->st, &w, rq->tz, &rq->actor)))
		api_store_fail(&a, rc);
	else
		api_created(&a, api_json_waking(&a, &w), w.meta.version,
		    "/wakings/%lld", (long long)w.id);
out:
	lull_waking_free(&w);
	lull_sleep_free(&s);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_waking_get(struct web_req *rq, struct web_resp *rs)
{
	struct lull_waking w;
	struct api a;

	lull_waking_init(&w);
	if (api_open(&a, rq, rs) == 0 &&
	    api_waking(&a, api_param(&a, 1), &w) == 0)
		api_send(&a, 200, api_json_waking(&a, &w), w.meta.version);
	lull_waking_free(&w);
	api_close(&a);
	return 0;
}

int
api_waking_patch(struct web_req *rq, struct web_resp *rs)
{
	struct lull_waking w;
	struct api_ver v;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;
	int64_t id;

	lull_waking_init(&w);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    api_version(&a, o, 1, &v) ||
	    api_waking(&a, (id = api_param(&a, 1)), &w) ||
	    api_ver_check(&a, &v, w.meta.version, "waking", id) ||
	    waking_read(&a, o, 0, &w))
		goto out;
	if (api_ver_want(&v))
		w.meta.version = api_ver_want(&v);
	if ((rc = lull_store_waking_update(rq->st, &w, rq->tz, &rq->actor)))
		api_update_fail(&a, rc, &v, "waking", id);
	else
		api_changed(&a, "waking", id, api_json_waking(&a, &w),
		    w.meta.version);
out:
	lull_waking_free(&w);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_waking_delete(struct web_req *rq, struct web_resp *rs)
{
	struct lull_waking w;
	struct api_ver v;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;
	int64_t id;

	lull_waking_init(&w);
	if (api_open(&a, rq, rs) || delete_version(&a, &o, &v))
		goto out;
	if ((rc = lull_store_begin(rq->st))) {
		api_store_fail(&a, rc);
		goto out;
	}
	if (api_waking(&a, (id = api_param(&a, 1)), &w) ||
	    api_ver_check(&a, &v, w.meta.version, "waking", id)) {
		lull_store_rollback(rq->st);
		goto out;
	}
	if ((rc = lull_store_waking_delete(rq->st, id)) ||
	    (rc = lull_store_commit(rq->st))) {
		lull_store_rollback(rq->st);
		api_store_fail(&a, rc);
	} else
		api_deleted(&a, "waking", id);
out:
	lull_waking_free(&w);
	json_decref(o);
	api_close(&a);
	return 0;
}
