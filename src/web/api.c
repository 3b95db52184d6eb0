/*
 * The JSON API, /api/v1: its route table, and what every handler shares
 * (api_int.h): the household's names, strict JSON bodies, versions,
 * query parameters, cursors, and the check that an entry belongs to the
 * household of the path.  docs/openapi.json describes every route.
 * SPDX-License-Identifier: ISC
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "lull/cal.h"
#include "lull/json.h"
#include "lull/model.h"
#include "lull/store.h"

#include "web/api_int.h"
#include "web/web.h"

#define HH "/api/v1/households/{hid}"

/*
 * Every route of the API.  Reads need any membership, journal writes an
 * owner or a caregiver, plan writes also a consultant.  tests/web/
 * test_authz.sh keeps a copy of this table and fails when they differ.
 */
/* clang-format off */
const struct web_route web_api_routes[] = {
	{ "GET", HH "/children", WEB_READ, WEB_F_API, api_children_list },
	{ "POST", HH "/children", WEB_WRITE, WEB_F_API, api_children_create },
	{ "GET", HH "/children/{id}", WEB_READ, WEB_F_API, api_child_get },
	{ "PATCH", HH "/children/{id}", WEB_WRITE, WEB_F_API,
	    api_child_patch },
	{ "DELETE", HH "/children/{id}", WEB_WRITE, WEB_F_API,
	    api_child_delete },
	{ "GET", HH "/caregivers", WEB_READ, WEB_F_API, api_caregivers_list },

	{ "GET", HH "/sleeps", WEB_READ, WEB_F_API, api_sleeps_list },
	{ "POST", HH "/sleeps", WEB_WRITE, WEB_F_API, api_sleeps_create },
	{ "GET", HH "/sleeps/{id}", WEB_READ, WEB_F_API, api_sleep_get },
	{ "PATCH", HH "/sleeps/{id}", WEB_WRITE, WEB_F_API, api_sleep_patch },
	{ "DELETE", HH "/sleeps/{id}", WEB_WRITE, WEB_F_API,
	    api_sleep_delete },
	{ "POST", HH "/sleeps/{id}/wakings", WEB_WRITE, WEB_F_API,
	    api_wakings_create },
	{ "GET", HH "/wakings/{id}", WEB_READ, WEB_F_API, api_waking_get },
	{ "PATCH", HH "/wakings/{id}", WEB_WRITE, WEB_F_API,
	    api_waking_patch },
	{ "DELETE", HH "/wakings/{id}", WEB_WRITE, WEB_F_API,
	    api_waking_delete },

	{ "GET", HH "/feeds", WEB_READ, WEB_F_API, api_feeds_list },
	{ "POST", HH "/feeds", WEB_WRITE, WEB_F_API, api_feeds_create },
	{ "GET", HH "/feeds/{id}", WEB_READ, WEB_F_API, api_feed_get },
	{ "PATCH", HH "/feeds/{id}", WEB_WRITE, WEB_F_API, api_feed_patch },
	{ "DELETE", HH "/feeds/{id}", WEB_WRITE, WEB_F_API, api_feed_delete },
	{ "GET", HH "/tags", WEB_READ, WEB_F_API, api_tags_list },
	{ "POST", HH "/tags", WEB_WRITE, WEB_F_API, api_tags_create },
	{ "GET", HH "/tags/{id}", WEB_READ, WEB_F_API, api_tag_get },
	{ "PATCH", HH "/tags/{id}", WEB_WRITE, WEB_F_API, api_tag_patch },
	{ "DELETE", HH "/tags/{id}", WEB_WRITE, WEB_F_API, api_tag_delete },

	{ "GET", HH "/children/{id}/plan", WEB_READ, WEB_F_API,
	    api_plan_get },
	{ "POST", HH "/children/{id}/plan", WEB_PLAN, WEB_F_API,
	    api_plan_start },
	{ "POST", HH "/children/{id}/plan/decide", WEB_PLAN, WEB_F_API,
	    api_plan_decide },
	{ "POST", HH "/children/{id}/plan/moves", WEB_PLAN, WEB_F_API,
	    api_plan_move },
	{ "GET", HH "/children/{id}/plan/history", WEB_READ, WEB_F_API,
	    api_plan_history },

	{ "GET", HH "/children/{id}/report", WEB_READ, WEB_F_API, api_report },
	{ "GET", HH "/children/{id}/charts/diary.svg", WEB_READ, WEB_F_API,
	    api_chart_diary },
	{ "GET", HH "/children/{id}/charts/trends.svg", WEB_READ, WEB_F_API,
	    api_chart_trends },
	{ "GET", HH "/children/{id}/predict", WEB_READ, WEB_F_API,
	    api_predict },
	{ NULL, NULL, WEB_PUBLIC, 0, NULL }
};
/* clang-format on */

const char *const api_meta_members[] = { "id", "logged_by", "logged_at",
	"updated_by", "updated_at", NULL };

/* ---- the request's household ---- */

int
api_open(struct api *a, struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;

	memset(a, 0, sizeof(*a));
	a->rq = rq;
	a->rs = rs;
	a->hid = rq->household_id;
	a->nm.children = &a->kids;
	a->nm.caregivers = &a->cgs;
	a->nm.with_ids = 1;
	if ((rc = lull_store_child_list(rq->st, a->hid, &a->kids)) ||
	    (rc = lull_store_caregiver_list(rq->st, a->hid, &a->cgs)))
		return api_store_fail(a, rc);
	return 0;
}

void
api_close(struct api *a)
{
	lull_childv_free(&a->kids);
	lull_caregiverv_free(&a->cgs);
}

/* ---- answers ---- */

int
api_send(struct api *a, int status, json_t *doc, int64_t version)
{
	char etag[32];

	if (doc != NULL && version > 0) {
		snprintf(etag, sizeof(etag), "\"v%lld\"", (long long)version);
		web_header_add(a->rs, "ETag", etag);
	}
	web_json(a->rs, status, doc);
	return 1;
}

int
api_created(struct api *a, json_t *doc, int64_t version, const char *fmt, ...)
{
	char loc[256];
	size_t n;
	va_list ap;

	n = (size_t)snprintf(loc, sizeof(loc), API_PREFIX "%lld",
	    (long long)a->hid);
	va_start(ap, fmt);
	if (n < sizeof(loc))
		vsnprintf(loc + n, sizeof(loc) - n, fmt, ap);
	va_end(ap);
	if (doc != NULL) {
		web_header_add(a->rs, "Location", loc);
		const char *what = strchr(loc + sizeof(API_PREFIX) - 1, '/');

		web_log(WEB_LOG_INFO,
		    "household %lld: caregiver %lld created %s",
		    (long long)a->hid, (long long)a->rq->actor.caregiver_id,
		    what != NULL ? what : loc);
	}
	return api_send(a, 201, doc, version);
}

int
api_no_content(struct api *a)
{
	web_take(a->rs, 204, "application/json", NULL, 0);
	return 1;
}

void
api_log(struct api *a, const char *verb, const char *what, int64_t id)
{
	web_log(WEB_LOG_INFO, "household %lld: caregiver %lld %s %s %lld",
	    (long long)a->hid, (long long)a->rq->actor.caregiver_id, verb, what,
	    (long long)id);
}

int
api_changed(struct api *a, const char *what, int64_t id, json_t *doc,
    int64_t version)
{
	if (doc != NULL)
		api_log(a, "changed", what, id);
	return api_send(a, 200, doc, version);
}

int
api_deleted(struct api *a, const char *what, int64_t id)
{
	api_log(a, "deleted", what, id);
	return api_no_content(a);
}

int
api_fail(struct api *a, enum lull_err rc, const struct lull_errinfo *ei)
{
	web_fail(a->rq, a->rs, rc, ei);
	return 1;
}

int
api_store_fail(struct api *a, enum lull_err rc)
{
	return api_fail(a, rc, lull_store_error(a->rq->st));
}

/* The same words for an id never used, one deleted and another
 * household's: nothing tells them apart. */
int
api_missing(struct api *a, const char *what, int64_t id)
{
	(void)id;
	web_error(a->rq, a->rs, 404, NULL, "There is no such %s.", what);
	return 1;
}

/* ---- bodies ---- */

static int
is_json_type(const char *ct)
{
	size_t n = strlen("application/json");

	while (ct != NULL && *ct == ' ')
		ct++;
	return ct != NULL && strncasecmp(ct, "application/json", n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

int
api_body(struct api *a, int optional, json_t **out)
{
	const struct web_req *rq = a->rq;
	json_error_t err;
	json_t *o;

	*out = NULL;
	if (rq->body_len == 0) {
		if (optional) {
			*out = json_object();
			return *out == NULL ? api_fail(a, LULL_ENOMEM, NULL)
					    : 0;
		}
		web_error(rq, a->rs, 400, NULL,
		    "This needs a JSON object in the request's body.");
		return 1;
	}
	if (!is_json_type(web_header(rq, "Content-Type"))) {
		web_error(rq, a->rs, 415, NULL,
		    "Send the body as JSON, with Content-Type: "
		    "application/json.");
		return 1;
	}
	o = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &err);
	if (o == NULL) {
		web_error(rq, a->rs, 400, NULL,
		    "The JSON is malformed at line %d, column %d (byte %d): "
		    "%s.",
		    err.line, err.column, err.position, err.text);
		return 1;
	}
	if (!json_is_object(o)) {
		json_decref(o);
		web_error(rq, a->rs, 400, NULL,
		    "The body should be a JSON object ({...}).");
		return 1;
	}
	*out = o;
	return 0;
}

static int
listed(const char *const *v, const char *key)
{
	for (; v != NULL && *v != NULL; v++)
		if (strcmp(*v, key) == 0)
			return 1;
	return 0;
}

int
api_members(struct api *a, json_t *o, const char *const *known,
    const char *const *readonly)
{
	const char *key;
	json_t *v;

	json_object_foreach(o, key, v)
	{
		if (listed(known, key) || listed(readonly, key))
			continue;
		web_error(a->rq, a->rs, 400, key,
		    "\"%s\" is not a member this takes.", key);
		return 1;
	}
	return 0;
}

/* 422 naming a member. */
static int bad(struct api *a, const char *key, const char *fmt, ...)
    LULL_PRINTF(3, 4);

static int
bad(struct api *a, const char *key, const char *fmt, ...)
{
	char msg[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	web_error(a->rq, a->rs, 422, key, "%s: %s", key, msg);
	return 1;
}

int
api_require(struct api *a, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL || json_is_null(v))
		return bad(a, key, "is missing");
	return 0;
}

/* The member's string; 1 answered, 0 with *s (NULL for null). */
static int
get_str(struct api *a, json_t *v, const char *key, const char *what,
    const char **s)
{
	*s = NULL;
	if (json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return bad(a, key, "should be %s", what);
	*s = json_string_value(v);
	if (strlen(*s) != json_string_length(v))
		return bad(a, key, "holds a NUL character");
	return 0;
}

int
api_get_time(struct api *a, json_t *o, const char *key, int nullable,
    int64_t *out)
{
	json_t *v = json_object_get(o, key);
	struct lull_errinfo ei;
	const char *s;

	if (v == NULL)
		return 0;
	if (get_str(a, v, key, "an RFC 3339 time with an offset", &s))
		return 1;
	if (s == NULL) {
		if (!nullable)
			return bad(a, key, "cannot be null");
		*out = LULL_NO_TIME;
		return 0;
	}
	if (lull_time_parse_rfc3339(s, key, out, &ei) != LULL_OK)
		return bad(a, key,
		    "\"%.64s\" is not an RFC 3339 time with an "
		    "offset (2026-03-28T19:30:00+01:00)",
		    s);
	return 0;
}

int
api_get_date(struct api *a, json_t *o, const char *key, int nullable,
    int32_t *out)
{
	json_t *v = json_object_get(o, key);
	struct lull_errinfo ei;
	const char *s;

	if (v == NULL)
		return 0;
	if (get_str(a, v, key, "a date (YYYY-MM-DD)", &s))
		return 1;
	if (s == NULL) {
		if (!nullable)
			return bad(a, key, "cannot be null");
		*out = LULL_NO_DAY;
		return 0;
	}
	if (lull_date_parse(s, key, out, &ei) != LULL_OK)
		return bad(a, key, "\"%.64s\" is not a date (YYYY-MM-DD)", s);
	return 0;
}

int
api_get_int(struct api *a, json_t *o, const char *key, int32_t lo, int32_t hi,
    int32_t *out)
{
	json_t *v = json_object_get(o, key);
	json_int_t n;

	if (v == NULL)
		return 0;
	if (json_is_null(v)) {
		*out = LULL_UNKNOWN;
		return 0;
	}
	if (!json_is_integer(v))
		return bad(a, key, "should be a whole number or null");
	n = json_integer_value(v);
	if (n < lo || n > hi)
		return bad(a, key, "%lld is outside %ld..%ld", (long long)n,
		    (long)lo, (long)hi);
	*out = (int32_t)n;
	return 0;
}

int
api_get_bool3(struct api *a, json_t *o, const char *key, int *out)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL)
		return 0;
	if (json_is_null(v)) {
		*out = LULL_UNKNOWN;
		return 0;
	}
	if (!json_is_boolean(v))
		return bad(a, key, "should be true, false or null");
	*out = json_is_true(v);
	return 0;
}

int
api_get_enum(struct api *a, json_t *o, const char *key,
    int (*parse)(const char *), const char *names, int *out)
{
	json_t *v = json_object_get(o, key);
	const char *s;
	int e;

	if (v == NULL)
		return 0;
	if (get_str(a, v, key, "a string", &s))
		return 1;
	if (s == NULL) {
		*out = -1;
		return 0;
	}
	if ((e = parse(s)) < 0)
		return bad(a, key, "\"%.64s\" is not one of %s", s, names);
	*out = e;
	return 0;
}

int
api_get_text(struct api *a, json_t *o, const char *key, int required,
    char **out)
{
	json_t *v = json_object_get(o, key);
	const char *s;
	char *d = NULL;

	if (v == NULL)
		return 0;
	if (get_str(a, v, key, "a string or null", &s))
		return 1;
	if (s == NULL && required)
		return bad(a, key, "cannot be null");
	if (s != NULL && (d = strdup(s)) == NULL)
		return api_fail(a, LULL_ENOMEM, NULL);
	free(*out);
	*out = d;
	return 0;
}

int
api_get_onset(struct api *a, json_t *o, const char *key, uint32_t *out)
{
	json_t *v = json_object_get(o, key), *w;
	uint32_t set = 0;
	size_t i;
	int e;

	if (v == NULL)
		return 0;
	if (!json_is_null(v) && !json_is_array(v))
		return bad(a, key,
		    "should be an array of ways of falling "
		    "asleep");
	json_array_foreach(v, i, w)
	{
		e = json_is_string(w) ? lull_onset_parse(json_string_value(w))
				      : -1;
		if (e < 0)
			return bad(a, key,
			    "item %zu is not a way of falling "
			    "asleep (fed, rocked, held, pacifier, "
			    "bed-with-parent, beside-parent, patted, on-own, "
			    "car, stroller, worn, other)",
			    i);
		set |= 1u << e;
	}
	*out = set;
	return 0;
}

int
api_get_caregiver(struct api *a, json_t *o, const char *key, int64_t *out)
{
	json_t *v = json_object_get(o, key);
	size_t i;

	if (v == NULL)
		return 0;
	if (json_is_null(v)) {
		*out = 0;
		return 0;
	}
	for (i = 0; i < a->cgs.n; i++)
		if ((json_is_string(v) &&
			strcmp(a->cgs.v[i].name, json_string_value(v)) == 0) ||
		    (json_is_integer(v) &&
			json_integer_value(v) == a->cgs.v[i].id)) {
			*out = a->cgs.v[i].id;
			return 0;
		}
	if (!json_is_string(v) && !json_is_integer(v))
		return bad(a, key, "should be a caregiver's name or id");
	return bad(a, key, "is not one of this household's caregivers");
}

const struct lull_child *
api_kid(const struct api *a, int64_t id)
{
	size_t i;

	for (i = 0; i < a->kids.n; i++)
		if (a->kids.v[i].id == id)
			return &a->kids.v[i];
	return NULL;
}

int
api_get_child(struct api *a, json_t *o, int required, int64_t *out)
{
	json_t *n = json_object_get(o, "child");
	json_t *i = json_object_get(o, "child_id");
	int64_t id = 0;
	size_t k;

	if (n != NULL && json_is_null(n))
		n = NULL;
	if (i != NULL && json_is_null(i))
		i = NULL;
	if (n == NULL && i == NULL) {
		if (required)
			return bad(a, "child",
			    "is missing (a child's name, "
			    "or \"child_id\")");
		return 0;
	}
	if (i != NULL) {
		if (!json_is_integer(i))
			return bad(a, "child_id", "should be a child's id");
		if (api_kid(a, json_integer_value(i)) == NULL)
			return bad(a, "child_id",
			    "is not one of this "
			    "household's children");
		id = json_integer_value(i);
	}
	if (n != NULL) {
		int64_t by = 0;

		for (k = 0; k < a->kids.n; k++)
			if ((json_is_string(n) &&
				strcmp(a->kids.v[k].name,
				    json_string_value(n)) == 0) ||
			    (json_is_integer(n) &&
				json_integer_value(n) == a->kids.v[k].id))
				by = a->kids.v[k].id;
		if (!json_is_string(n) && !json_is_integer(n))
			return bad(a, "child",
			    "should be a child's name or "
			    "id");
		if (by == 0)
			return bad(a, "child",
			    "is not one of this "
			    "household's children");
		if (id != 0 && id != by)
			return bad(a, "child",
			    "names another child than "
			    "\"child_id\"");
		id = by;
	}
	*out = id;
	return 0;
}

/* ---- versions ---- */

int
api_version(struct api *a, json_t *body, int required, struct api_ver *v)
{
	const char *h = web_header(a->rq, "If-Match");
	json_t *bv = body != NULL ? json_object_get(body, "version") : NULL;
	char *end;
	long long n;

	memset(v, 0, sizeof(*v));
	if (h != NULL) {
		while (*h == ' ')
			h++;
		if (strcmp(h, "*") == 0) {
			v->header = -1; /* any version: the client's choice */
		} else if (h[0] == '"' && h[1] == 'v' && h[2] >= '1' &&
		    h[2] <= '9' && (n = strtoll(h + 2, &end, 10)) > 0 &&
		    end[0] == '"' && end[1 + strspn(end + 1, " ")] == '\0') {
			v->header = n;
		} else {
			web_error(a->rq, a->rs, 412, NULL,
			    "If-Match should be the ETag of what you loaded "
			    "(\"v<version>\").");
			return 1;
		}
	}
	if (bv != NULL) {
		if (!json_is_integer(bv) || json_integer_value(bv) < 1)
			return bad(a, "version",
			    "should be the version you "
			    "loaded (a whole number from 1)");
		v->body = json_integer_value(bv);
	}
	if (required && v->header == 0 && v->body == 0) {
		web_error(a->rq, a->rs, 428, NULL,
		    "Say which version you are changing: send If-Match: "
		    "\"v<version>\" (the ETag you got) or a \"version\" "
		    "member.");
		return 1;
	}
	return 0;
}

/* "now" 0: not known (the store refused within its transaction). */
static int
stale(struct api *a, int header, const char *what, int64_t id, long long have,
    long long now)
{
	char at[64] = "";

	if (now > 0)
		snprintf(at, sizeof(at), ", it is now at %lld", now);
	web_error(a->rq, a->rs, header ? 412 : 409, header ? NULL : "version",
	    "Someone else changed this %s (%lld) since you loaded it (you "
	    "have version %lld%s). Load it again and redo your change.",
	    what, (long long)id, have, at);
	return 1;
}

int
api_ver_check(struct api *a, const struct api_ver *v, int64_t stored,
    const char *what, int64_t id)
{
	if (v->header > 0 && v->header != stored)
		return stale(a, 1, what, id, v->header, stored);
	if (v->body > 0 && v->body != stored)
		return stale(a, 0, what, id, v->body, stored);
	return 0;
}

int64_t
api_ver_want(const struct api_ver *v)
{
	if (v->header > 0)
		return v->header;
	return v->body > 0 ? v->body : 0;
}

int
api_update_fail(struct api *a, enum lull_err rc, const struct api_ver *v,
    const char *what, int64_t id)
{
	const struct lull_errinfo *ei = lull_store_error(a->rq->st);

	/* Changed between our read and the store's own check. */
	if (rc == LULL_ECONFLICT && ei != NULL &&
	    strcmp(ei->field, "version") == 0)
		return stale(a, v->header > 0, what, id,
		    (long long)api_ver_want(v), 0);
	return api_store_fail(a, rc);
}

/* ---- queries ---- */

static int
qbad(struct api *a, const char *key, const char *fmt, const char *val)
{
	web_error(a->rq, a->rs, 422, key, fmt, key, val);
	return 1;
}

int
api_query_limit(struct api *a, size_t *out)
{
	const char *s = web_query(a->rq, "limit");
	size_t n = 0, i;

	*out = API_LIMIT_DEFAULT;
	if (s == NULL)
		return 0;
	for (i = 0; s[i] >= '0' && s[i] <= '9' && i < 6; i++)
		n = n * 10 + (size_t)(s[i] - '0');
	if (i == 0 || s[i] != '\0' || n < 1 || n > API_LIMIT_MAX) {
		web_error(a->rq, a->rs, 422, "limit",
		    "limit: give 1 to %d entries a page", API_LIMIT_MAX);
		return 1;
	}
	*out = n;
	return 0;
}

/* A date or an RFC 3339 time: the day, or the instant (day NO_DAY). */
static int
when(struct api *a, const char *key, const char *s, int32_t *day, int64_t *utc)
{
	struct lull_errinfo ei;

	*day = LULL_NO_DAY;
	*utc = LULL_NO_TIME;
	if (strlen(s) == 10 && lull_date_parse(s, key, day, &ei) == LULL_OK)
		return 0;
	if (lull_time_parse_rfc3339(s, key, utc, &ei) == LULL_OK)
		return 0;
	return qbad(a, key,
	    "%s: \"%.64s\" is neither a date (YYYY-MM-DD) nor an RFC 3339 "
	    "time with an offset",
	    s);
}

int
api_query_span(struct api *a, int64_t *from, int64_t *to)
{
	const char *f = web_query(a->rq, "from"), *t = web_query(a->rq, "to");
	int32_t day;
	int64_t utc;

	*from = INT64_MIN;
	*to = INT64_MAX;
	if (f != NULL) {
		if (when(a, "from", f, &day, &utc))
			return 1;
		*from = day != LULL_NO_DAY ? lull_tz_day_start(a->rq->tz, day)
					   : utc;
	}
	if (t != NULL) {
		if (when(a, "to", t, &day, &utc))
			return 1;
		/* A date is the whole day. */
		*to = day != LULL_NO_DAY ? lull_tz_day_start(a->rq->tz, day + 1)
					 : utc;
	}
	if (*from > *to) {
		web_error(a->rq, a->rs, 422, "from",
		    "from: the span ends (to) before it begins");
		return 1;
	}
	return 0;
}

int
api_query_day(struct api *a, const char *key, int32_t *out)
{
	const char *s = web_query(a->rq, key);
	int32_t day;
	int64_t utc;

	if (s == NULL)
		return 0;
	if (when(a, key, s, &day, &utc))
		return 1;
	*out = day != LULL_NO_DAY ? day : lull_local_day(a->rq->tz, utc);
	return 0;
}

int
api_query_days(struct api *a, int32_t ndays, int32_t maxdays, int32_t *from,
    int32_t *to)
{
	*to = lull_local_day(a->rq->tz, a->rq->now);
	if (api_query_day(a, "to", to))
		return 1;
	*from = *to - (ndays - 1);
	if (api_query_day(a, "from", from))
		return 1;
	if (*from > *to) {
		web_error(a->rq, a->rs, 422, "from",
		    "from: the first day is after the last (to)");
		return 1;
	}
	if (*to - *from >= maxdays) {
		web_error(a->rq, a->rs, 422, "from",
		    "from: at most %ld days at once", (long)maxdays);
		return 1;
	}
	return 0;
}

int
api_query_child(struct api *a, int64_t *out)
{
	const char *s = web_query(a->rq, "child");
	int64_t id = 0;
	size_t i;

	*out = 0;
	if (s == NULL)
		return 0;
	for (i = 0; s[i] >= '0' && s[i] <= '9' && i < 18; i++)
		id = id * 10 + (s[i] - '0');
	if (i == 0 || s[i] != '\0' || id == 0)
		return qbad(a, "child", "%s: \"%.32s\" is not a child's id", s);
	if (api_kid(a, id) == NULL)
		return api_missing(a, "child", id);
	*out = id;
	return 0;
}

/*
 * Cursors: "<kind>.<at>.<id>" in URL-safe base64 without padding, so
 * that clients treat them as opaque and hand them back unchanged.
 */
static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

json_t *
api_cursor(char kind, int64_t at, int64_t id)
{
	char raw[64], out[96];
	size_t n, i, o = 0;
	unsigned v;

	n = (size_t)snprintf(raw, sizeof(raw), "%c.%lld.%lld", kind,
	    (long long)at, (long long)id);
	for (i = 0; i < n; i += 3) {
		v = (unsigned)(unsigned char)raw[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)(unsigned char)raw[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)raw[i + 2];
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		if (i + 1 < n)
			out[o++] = b64[v >> 6 & 63];
		if (i + 2 < n)
			out[o++] = b64[v & 63];
	}
	out[o] = '\0';
	return json_string(out);
}

json_t *
api_page(json_t *items, json_t *next, size_t n)
{
	json_t *o = json_object();

	if (o == NULL || items == NULL || next == NULL ||
	    json_array_size(items) != n ||
	    json_object_set(o, "items", items) != 0 ||
	    json_object_set(o, "next_cursor", next) != 0) {
		json_decref(o);
		o = NULL;
	}
	json_decref(items);
	json_decref(next);
	return o;
}

int
api_query_cursor(struct api *a, char kind, int64_t *at, int64_t *id)
{
	const char *s = web_query(a->rq, "cursor");
	char raw[64], k, end;
	long long x, y;
	size_t n, i, o = 0;
	unsigned v = 0, bits = 0;
	const char *p;

	*at = 0;
	*id = 0;
	if (s == NULL)
		return 0;
	n = strlen(s);
	for (i = 0; i < n && o + 1 < sizeof(raw); i++) {
		if ((p = strchr(b64, s[i])) == NULL || s[i] == '\0')
			break;
		v = (v << 6) | (unsigned)(p - b64);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			raw[o++] = (char)(v >> bits & 0xff);
		}
	}
	raw[o] = '\0';
	if (i != n || n == 0 ||
	    sscanf(raw, "%c.%lld.%lld%c", &k, &x, &y, &end) != 3 || k != kind ||
	    y <= 0) {
		web_error(a->rq, a->rs, 400, "cursor",
		    "cursor: not a cursor of this listing; use the "
		    "\"next_cursor\" of the page before, as it came");
		return 1;
	}
	*at = x;
	*id = y;
	return 0;
}

/* ---- the household's entries ---- */

int64_t
api_param(struct api *a, int i)
{
	return web_param_id(a->rq, i);
}

int
api_child(struct api *a, int64_t id, struct lull_child *out)
{
	enum lull_err rc;

	lull_child_init(out);
	if (id <= 0 || api_kid(a, id) == NULL)
		return api_missing(a, "child", id);
	rc = lull_store_child_get(a->rq->st, id, out);
	if (rc == LULL_ENOTFOUND)
		return api_missing(a, "child", id);
	return rc ? api_store_fail(a, rc) : 0;
}

int
api_sleep(struct api *a, int64_t id, struct lull_sleep *out)
{
	enum lull_err rc;

	lull_sleep_init(out);
	if (id <= 0)
		return api_missing(a, "sleep", id);
	rc = lull_store_sleep_get(a->rq->st, id, out);
	if (rc == LULL_OK && api_kid(a, out->child_id) == NULL) {
		lull_sleep_free(out);
		rc = LULL_ENOTFOUND;
	}
	if (rc == LULL_ENOTFOUND)
		return api_missing(a, "sleep", id);
	return rc ? api_store_fail(a, rc) : 0;
}

int
api_waking(struct api *a, int64_t id, struct lull_waking *out)
{
	struct lull_sleep s;
	enum lull_err rc;

	lull_waking_init(out);
	if (id <= 0)
		return api_missing(a, "waking", id);
	rc = lull_store_waking_get(a->rq->st, id, out);
	if (rc == LULL_OK) {
		rc = lull_store_sleep_get(a->rq->st, out->sleep_id, &s);
		if (rc == LULL_OK && api_kid(a, s.child_id) == NULL)
			rc = LULL_ENOTFOUND;
		lull_sleep_free(&s);
		if (rc != LULL_OK)
			lull_waking_free(out);
	}
	if (rc == LULL_ENOTFOUND)
		return api_missing(a, "waking", id);
	return rc ? api_store_fail(a, rc) : 0;
}

int
api_feed(struct api *a, int64_t id, struct lull_feed *out)
{
	enum lull_err rc;

	lull_feed_init(out);
	if (id <= 0)
		return api_missing(a, "feed", id);
	rc = lull_store_feed_get(a->rq->st, id, out);
	if (rc == LULL_OK && api_kid(a, out->child_id) == NULL) {
		lull_feed_free(out);
		rc = LULL_ENOTFOUND;
	}
	if (rc == LULL_ENOTFOUND)
		return api_missing(a, "feed", id);
	return rc ? api_store_fail(a, rc) : 0;
}

int
api_tag(struct api *a, int64_t id, struct lull_tag *out)
{
	enum lull_err rc;

	lull_tag_init(out);
	if (id <= 0)
		return api_missing(a, "tag", id);
	rc = lull_store_tag_get(a->rq->st, id, out);
	if (rc == LULL_OK && api_kid(a, out->child_id) == NULL) {
		lull_tag_free(out);
		rc = LULL_ENOTFOUND;
	}
	if (rc == LULL_ENOTFOUND)
		return api_missing(a, "tag", id);
	return rc ? api_store_fail(a, rc) : 0;
}

/* ---- records as JSON ---- */

static json_t *
with_id(json_t *o, const char *key, int64_t id)
{
	if (o != NULL && json_object_set_new(o, key, json_integer(id)) != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *
api_json_child(struct api *a, const struct lull_child *c)
{
	return lull_json_child(c, a->rq->tz, &a->nm);
}

json_t *
api_json_sleep(struct api *a, const struct lull_sleep *s)
{
	return with_id(lull_json_sleep(s, a->rq->tz, &a->nm), "child_id",
	    s->child_id);
}

json_t *
api_json_waking(struct api *a, const struct lull_waking *w)
{
	return with_id(lull_json_waking(w, a->rq->tz, &a->nm), "sleep_id",
	    w->sleep_id);
}

json_t *
api_json_feed(struct api *a, const struct lull_feed *f)
{
	return with_id(lull_json_feed(f, a->rq->tz, &a->nm), "child_id",
	    f->child_id);
}

json_t *
api_json_tag(struct api *a, const struct lull_tag *t)
{
	return with_id(lull_json_tag(t, a->rq->tz, &a->nm), "child_id",
	    t->child_id);
}
