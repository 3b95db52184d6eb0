/*
 * /api/v1/households/{hid}/feeds and /tags: feeds and context tags in
 * the export's shape (docs/export.md) with ids, listed newest first a
 * page at a time, added, read, changed and deleted, as sleeps are.
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/model.h"
#include "lull/store.h"

#include "web/api_int.h"
#include "web/web.h"

static const char *const feed_new[] = { "child", "child_id", "start", "end",
	"kind", "side", "amount_ml", "note", NULL };
static const char *const feed_patch[] = { "child", "child_id", "start", "end",
	"kind", "side", "amount_ml", "note", "version", NULL };
static const char *const tag_new[] = { "child", "child_id", "kind", "from",
	"to", "note", NULL };
static const char *const tag_patch[] = { "child", "child_id", "kind", "from",
	"to", "note", "version", NULL };

static int
feed_read(struct api *a, json_t *o, int create, struct lull_feed *f)
{
	int kind = (int)f->kind, side = (int)f->side;

	if (api_members(a, o, create ? feed_new : feed_patch,
		api_meta_members) ||
	    (create && api_require(a, o, "start")) ||
	    api_get_child(a, o, create, &f->child_id) ||
	    api_get_time(a, o, "start", 0, &f->start_utc) ||
	    api_get_time(a, o, "end", 1, &f->end_utc) ||
	    api_get_enum(a, o, "kind", lull_feed_kind_parse,
		"breast, bottle, solids", &kind) ||
	    api_get_enum(a, o, "side", lull_side_parse,
		"none, left, right, both", &side) ||
	    api_get_int(a, o, "amount_ml", 0, 2000, &f->amount_ml) ||
	    api_get_text(a, o, "note", 0, &f->note))
		return 1;
	f->kind = kind < 0 ? LULL_FEED_BREAST : (enum lull_feed_kind)kind;
	f->side = side < 0 ? LULL_SIDE_NONE : (enum lull_side)side;
	return 0;
}

static int
tag_read(struct api *a, json_t *o, int create, struct lull_tag *t)
{
	int kind = (int)t->kind;

	if (api_members(a, o, create ? tag_new : tag_patch, api_meta_members) ||
	    (create &&
		(api_require(a, o, "kind") || api_require(a, o, "from") ||
		    api_require(a, o, "to"))) ||
	    api_get_child(a, o, create, &t->child_id) ||
	    api_get_enum(a, o, "kind", lull_tag_kind_parse,
		"ill, teething, travel, milestone, childcare, vaccination, "
		"other",
		&kind) ||
	    api_get_date(a, o, "from", 0, &t->from_day) ||
	    api_get_date(a, o, "to", 0, &t->to_day) ||
	    api_get_text(a, o, "note", 0, &t->note))
		return 1;
	if (kind < 0) {
		web_error(a->rq, a->rs, 422, "kind", "kind: cannot be null");
		return 1;
	}
	t->kind = (enum lull_tag_kind)kind;
	return 0;
}

/* Checked and deleted in one transaction (see api_sleep_delete()). */
static int
delete_checked(struct api *a, const char *what,
    enum lull_err (*del)(struct lull_store *, int64_t))
{
	struct api_ver v;
	json_t *o = NULL;
	enum lull_err rc;
	int64_t id = api_param(a, 1), stored = 0;
	int r = 0;

	if (api_body(a, 1, &o) ||
	    api_members(a, o, (const char *const[]){ "version", NULL }, NULL) ||
	    api_version(a, o, 1, &v)) {
		json_decref(o);
		return 1;
	}
	json_decref(o);
	if ((rc = lull_store_begin(a->rq->st)))
		return api_store_fail(a, rc);
	if (strcmp(what, "feed") == 0) {
		struct lull_feed f;

		r = api_feed(a, id, &f);
		stored = f.meta.version;
		lull_feed_free(&f);
	} else {
		struct lull_tag t;

		r = api_tag(a, id, &t);
		stored = t.meta.version;
		lull_tag_free(&t);
	}
	if (r || api_ver_check(a, &v, stored, what, id)) {
		lull_store_rollback(a->rq->st);
		return 1;
	}
	if ((rc = del(a->rq->st, id)) || (rc = lull_store_commit(a->rq->st))) {
		lull_store_rollback(a->rq->st);
		return api_store_fail(a, rc);
	}
	return api_deleted(a, what, id);
}

/* ---- feeds ---- */

int
api_feeds_list(struct web_req *rq, struct web_resp *rs)
{
	struct lull_feedv v = { 0 };
	struct api a;
	json_t *items, *next;
	int64_t child, from, to, at, id;
	enum lull_err rc;
	size_t limit, i;

	if (api_open(&a, rq, rs) || api_query_child(&a, &child) ||
	    api_query_span(&a, &from, &to) || api_query_limit(&a, &limit) ||
	    api_query_cursor(&a, 'f', &at, &id))
		goto out;
	rc = lull_store_feed_page(rq->st, a.hid, child, from, to, at, id,
	    limit + 1, &v);
	if (rc != LULL_OK) {
		api_store_fail(&a, rc);
		goto out;
	}
	next = json_null();
	if (v.n > limit) {
		lull_feed_free(&v.v[--v.n]);
		next = api_cursor('f', v.v[v.n - 1].start_utc, v.v[v.n - 1].id);
	}
	items = json_array();
	for (i = 0; i < v.n; i++)
		json_array_append_new(items, api_json_feed(&a, &v.v[i]));
	api_send(&a, 200, api_page(items, next, v.n), 0);
out:
	lull_feedv_free(&v);
	api_close(&a);
	return 0;
}

int
api_feeds_create(struct web_req *rq, struct web_resp *rs)
{
	struct lull_feed f;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;

	lull_feed_init(&f);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    feed_read(&a, o, 1, &f))
		goto out;
	if ((rc = lull_store_feed_add(rq->st, &f, rq->tz, &rq->actor)))
		api_store_fail(&a, rc);
	else
		api_created(&a, api_json_feed(&a, &f), f.meta.version,
		    "/feeds/%lld", (long long)f.id);
out:
	lull_feed_free(&f);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_feed_get(struct web_req *rq, struct web_resp *rs)
{
	struct lull_feed f;
	struct api a;

	lull_feed_init(&f);
	if (api_open(&a, rq, rs) == 0 &&
	    api_feed(&a, api_param(&a, 1), &f) == 0)
		api_send(&a, 200, api_json_feed(&a, &f), f.meta.version);
	lull_feed_free(&f);
	api_close(&a);
	return 0;
}

int
api_feed_patch(struct web_req *rq, struct web_resp *rs)
{
	struct lull_feed f;
	struct api_ver v;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;
	int64_t id;

	lull_feed_init(&f);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    api_version(&a, o, 1, &v) ||
	    api_feed(&a, (id = api_param(&a, 1)), &f) ||
	    api_ver_check(&a, &v, f.meta.version, "feed", id) ||
	    feed_read(&a, o, 0, &f))
		goto out;
	if (api_ver_want(&v))
		f.meta.version = api_ver_want(&v);
	if ((rc = lull_store_feed_update(rq->st, &f, rq->tz, &rq->actor)))
		api_update_fail(&a, rc, &v, "feed", id);
	else
		api_changed(&a, "feed", id, api_json_feed(&a, &f),
		    f.meta.version);
out:
	lull_feed_free(&f);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_feed_delete(struct web_req *rq, struct web_resp *rs)
{
	struct api a;

	if (api_open(&a, rq, rs) == 0)
		delete_checked(&a, "feed", lull_store_feed_delete);
	api_close(&a);
	return 0;
}

/* ---- tags ---- */

int
api_tags_list(struct web_req *rq, struct web_resp *rs)
{
	struct lull_tagv v = { 0 };
	struct api a;
	json_t *items, *next;
	int64_t child, at, id;
	int32_t from = INT32_MIN + 1, to = INT32_MAX - 1;
	enum lull_err rc;
	size_t limit, i;

	if (api_open(&a, rq, rs) || api_query_child(&a, &child))
		goto out;
	/* Days: without from or to, unbounded on that side. */
	if (api_query_day(&a, "from", &from) || api_query_day(&a, "to", &to) ||
	    api_query_limit(&a, &limit) || api_query_cursor(&a, 't', &at, &id))
		goto out;
	if (from > to) {
		web_error(rq, rs, 422, "from",
		    "from: the first day is after the last (to)");
		goto out;
	}
	if (at < INT32_MIN || at > INT32_MAX) {
		web_error(rq, rs, 400, "cursor",
		    "cursor: not a cursor of this listing; use the "
		    "\"next_cursor\" of the page before, as it came");
		goto out;
	}
	rc = lull_store_tag_page(rq->st, a.hid, child, from, to, (int32_t)at,
	    id, limit + 1, &v);
	if (rc != LULL_OK) {
		api_store_fail(&a, rc);
		goto out;
	}
	next = json_null();
	if (v.n > limit) {
		lull_tag_free(&v.v[--v.n]);
		next = api_cursor('t', v.v[v.n - 1].from_day, v.v[v.n - 1].id);
	}
	items = json_array();
	for (i = 0; i < v.n; i++)
		json_array_append_new(items, api_json_tag(&a, &v.v[i]));
	api_send(&a, 200, api_page(items, next, v.n), 0);
out:
	lull_tagv_free(&v);
	api_close(&a);
	return 0;
}

int
api_tags_create(struct web_req *rq, struct web_resp *rs)
{
	struct lull_tag t;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;

	lull_tag_init(&t);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    tag_read(&a, o, 1, &t))
		goto out;
	if ((rc = lull_store_tag_add(rq->st, &t, &rq->actor)))
		api_store_fail(&a, rc);
	else
		api_created(&a, api_json_tag(&a, &t), t.meta.version,
		    "/tags/%lld", (long long)t.id);
out:
	lull_tag_free(&t);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_tag_get(struct web_req *rq, struct web_resp *rs)
{
	struct lull_tag t;
	struct api a;

	lull_tag_init(&t);
	if (api_open(&a, rq, rs) == 0 && api_tag(&a, api_param(&a, 1), &t) == 0)
		api_send(&a, 200, api_json_tag(&a, &t), t.meta.version);
	lull_tag_free(&t);
	api_close(&a);
	return 0;
}

int
api_tag_patch(struct web_req *rq, struct web_resp *rs)
{
	struct lull_tag t;
	struct api_ver v;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;
	int64_t id;

	lull_tag_init(&t);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    api_version(&a, o, 1, &v) ||
	    api_tag(&a, (id = api_param(&a, 1)), &t) ||
	    api_ver_check(&a, &v, t.meta.version, "tag", id) ||
	    tag_read(&a, o, 0, &t))
		goto out;
	if (api_ver_want(&v))
		t.meta.version = api_ver_want(&v);
	if ((rc = lull_store_tag_update(rq->st, &t, &rq->actor)))
		api_update_fail(&a, rc, &v, "tag", id);
	else
		api_changed(&a, "tag", id, api_json_tag(&a, &t),
		    t.meta.version);
out:
	lull_tag_free(&t);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_tag_delete(struct web_req *rq, struct web_resp *rs)
{
	struct api a;

	if (api_open(&a, rq, rs) == 0)
		delete_checked(&a, "tag", lull_store_tag_delete);
	api_close(&a);
	return 0;
}
