/*
 * /api/v1/households/{hid}/children and /caregivers: the household's
 * children (listed, added, read, changed, deleted with everything logged
 * for them) and the adults of its journal (listed).
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/json.h"
#include "lull/model.h"
#include "lull/store.h"

#include "web/api_int.h"
#include "web/web.h"

static const char *const child_members[] = { "name", "born", "due", "version",
	NULL };

/* The members given, onto "c". */
static int
child_read(struct api *a, json_t *o, int create, struct lull_child *c)
{
	if (api_members(a, o, child_members, api_meta_members))
		return 1;
	if (create && (api_require(a, o, "name") || api_require(a, o, "born")))
		return 1;
	return api_get_text(a, o, "name", 1, &c->name) ||
	    api_get_date(a, o, "born", 0, &c->born_day) ||
	    api_get_date(a, o, "due", 1, &c->due_day);
}

int
api_children_list(struct web_req *rq, struct web_resp *rs)
{
	struct api a;
	json_t *items;
	size_t i;

	if (api_open(&a, rq, rs) == 0) {
		items = json_array();
		for (i = 0; items != NULL && i < a.kids.n; i++)
			if (json_array_append_new(items,
				api_json_child(&a, &a.kids.v[i])) != 0) {
				json_decref(items);
				items = NULL;
			}
		api_send(&a, 200,
		    items ? json_pack("{s:o}", "items", items) : NULL, 0);
	}
	api_close(&a);
	return 0;
}

int
api_children_create(struct web_req *rq, struct web_resp *rs)
{
	struct lull_child c;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;

	lull_child_init(&c);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    child_read(&a, o, 1, &c))
		goto out;
	c.household_id = a.hid;
	if ((rc = lull_store_child_add(rq->st, &c, rq->tz, &rq->actor, &c.id)))
		api_store_fail(&a, rc);
	else {
		/* Read back with the meta the store gave it. */
		struct lull_child k;

		if ((rc = lull_store_child_get(rq->st, c.id, &k)))
			api_store_fail(&a, rc);
		else
			api_created(&a, api_json_child(&a, &k), k.meta.version,
			    "/children/%lld", (long long)k.id);
		lull_child_free(&k);
	}
out:
	lull_child_free(&c);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_child_get(struct web_req *rq, struct web_resp *rs)
{
	struct lull_child c;
	struct api a;

	lull_child_init(&c);
	if (api_open(&a, rq, rs) == 0 &&
	    api_child(&a, api_param(&a, 1), &c) == 0)
		api_send(&a, 200, api_json_child(&a, &c), c.meta.version);
	lull_child_free(&c);
	api_close(&a);
	return 0;
}

int
api_child_patch(struct web_req *rq, struct web_resp *rs)
{
	struct lull_child c;
	struct api_ver v;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;
	int64_t id;

	lull_child_init(&c);
	if (api_open(&a, rq, rs) || api_body(&a, 0, &o) ||
	    api_version(&a, o, 1, &v) ||
	    api_child(&a, (id = api_param(&a, 1)), &c) ||
	    api_ver_check(&a, &v, c.meta.version, "child", id) ||
	    child_read(&a, o, 0, &c))
		goto out;
	c.meta.version = api_ver_want(&v) ? api_ver_want(&v) : c.meta.version;
	if ((rc = lull_store_child_update(rq->st, &c, rq->tz, &rq->actor)))
		api_update_fail(&a, rc, &v, "child", id);
	else
		api_changed(&a, "child", id, api_json_child(&a, &c),
		    c.meta.version);
out:
	lull_child_free(&c);
	json_decref(o);
	api_close(&a);
	return 0;
}

/*
 * Delete a child with every entry and plan logged for them, if the
 * version is still the one the client saw: checked and deleted in one
 * transaction, so nobody's change in between is lost unseen.
 */
int
api_child_delete(struct web_req *rq, struct web_resp *rs)
{
	struct lull_child c;
	struct api_ver v;
	struct api a;
	json_t *o = NULL;
	enum lull_err rc;
	int64_t id;

	lull_child_init(&c);
	if (api_open(&a, rq, rs) || api_body(&a, 1, &o) ||
	    api_members(&a, o, (const char *const[]){ "version", NULL },
		NULL) ||
	    api_version(&a, o, 1, &v))
		goto out;
	if ((rc = lull_store_begin(rq->st))) {
		api_store_fail(&a, rc);
		goto out;
	}
	if (api_child(&a, (id = api_param(&a, 1)), &c) ||
	    api_ver_check(&a, &v, c.meta.version, "child", id)) {
		lull_store_rollback(rq->st);
		goto out;
	}
	if ((rc = lull_store_child_delete(rq->st, id)) ||
	    (rc = lull_store_commit(rq->st))) {
		lull_store_rollback(rq->st);
		api_store_fail(&a, rc);
	} else
		api_deleted(&a, "child", id);
out:
	lull_child_free(&c);
	json_decref(o);
	api_close(&a);
	return 0;
}

int
api_caregivers_list(struct web_req *rq, struct web_resp *rs)
{
	struct api a;
	json_t *items;
	size_t i;

	if (api_open(&a, rq, rs) == 0) {
		items = json_array();
		for (i = 0; items != NULL && i < a.cgs.n; i++)
			if (json_array_append_new(items,
				lull_json_caregiver(&a.cgs.v[i], rq->tz,
				    &a.nm)) != 0) {
				json_decref(items);
				items = NULL;
			}
		api_send(&a, 200,
		    items ? json_pack("{s:o}", "items", items) : NULL, 0);
	}
	api_close(&a);
	return 0;
}
