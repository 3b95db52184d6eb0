/*
 * The JSON API's insides (api*.c): a request's household context, the
 * strict reading of JSON bodies, versions (ETag, If-Match, "version"),
 * query parameters, cursors, and the household check of every entry id.
 * Never installed.
 *
 * Conventions of the handlers and helpers here: a helper returns 0 when
 * it did its job and 1 when it has already answered (an error is in the
 * response), so a handler writes "if (api_x(...)) goto out;".  Every
 * entry is checked to belong to the household of the path; one of
 * another household is answered exactly as one that does not exist.
 * SPDX-License-Identifier: ISC
 */
#ifndef API_INT_H
#define API_INT_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "lull/json.h"
#include "lull/model.h"
#include "lull/store.h"

#include "web/web.h"

#define API_PREFIX        "/api/v1/households/"
#define API_LIMIT_DEFAULT 100
#define API_LIMIT_MAX     1000

/* One request: who, where, and the household's names for JSON. */
struct api {
	struct web_req *rq;
	struct web_resp *rs;
	int64_t hid;
	struct lull_childv kids;    /* the household's children */
	struct lull_caregiverv cgs; /* and caregivers */
	struct lull_names nm;       /* both, with ids */
};

/* Load the household's children and caregivers; 1 when answered. */
int api_open(struct api *, struct web_req *, struct web_resp *);
void api_close(struct api *);

/* ---- answers ---- */

/* JSON (the reference is taken) with an ETag "v<version>" when > 0. */
int api_send(struct api *, int status, json_t *doc, int64_t version);
/* 201 with Location API_PREFIX "<hid>" + "suffix". */
int api_created(struct api *, json_t *doc, int64_t version, const char *fmt,
    ...) LULL_PRINTF(4, 5);
/* 204, no body. */
int api_no_content(struct api *);
/*
 * Writes, logged with who made them (the member's caregiver in the
 * journal, req->actor) by ids only: api_log() alone, or with the answer
 * of a change (200 with the record) or a deletion (204).  api_created()
 * logs the new entry's address.
 */
void api_log(struct api *, const char *verb, const char *what, int64_t id);
int api_changed(struct api *, const char *what, int64_t id, json_t *doc,
    int64_t version);
int api_deleted(struct api *, const char *what, int64_t id);
/* A library error: web_fail(), with the store's own message. */
int api_fail(struct api *, enum lull_err, const struct lull_errinfo *);
int api_store_fail(struct api *, enum lull_err);
/* 404 for an entry of this household that is not there (or is
 * another's): "There is no such <what>.", whatever the id. */
int api_missing(struct api *, const char *what, int64_t id);

/* ---- bodies ---- */

/*
 * The request's JSON body, an object: 415 without an application/json
 * Content-Type, 400 for malformed JSON (with the line, column and byte
 * of the fault) or a value that is not an object.  With "optional", an
 * empty body is an empty object.
 */
int api_body(struct api *, int optional, json_t **out);

/*
 * Members: "known" lists those that may be written, "readonly" those a
 * record's JSON carries that are accepted and ignored (so a record read
 * with GET can be sent back).  Anything else is 400 naming the member.
 */
int api_members(struct api *, json_t *o, const char *const *known,
    const char *const *readonly);

/*
 * Readers of one member each, used on a new record (POST) and on a
 * stored one (PATCH) alike: a member that is absent leaves the field as
 * it is; a wrong type or value is 422 naming the member.  "nullable"
 * members take null for "not set" (LULL_NO_TIME, LULL_NO_DAY,
 * LULL_UNKNOWN, NULL, 0 for nobody).
 */
int api_get_time(struct api *, json_t *o, const char *key, int nullable,
    int64_t *out);
int api_get_date(struct api *, json_t *o, const char *key, int nullable,
    int32_t *out);
int api_get_int(struct api *, json_t *o, const char *key, int32_t lo,
    int32_t hi, int32_t *out);
int api_get_bool3(struct api *, json_t *o, const char *key, int *out);
int api_get_enum(struct api *, json_t *o, const char *key,
    int (*parse)(const char *), const char *names, int *out);
int api_get_text(struct api *, json_t *o, const char *key, int required,
    char **out);
int api_get_onset(struct api *, json_t *o, const char *key, uint32_t *out);
/* A caregiver of the household by name or id (null: nobody). */
int api_get_caregiver(struct api *, json_t *o, const char *key, int64_t *out);
/* "child" (name or id) or "child_id"; "required" for a new entry. */
int api_get_child(struct api *, json_t *o, int required, int64_t *out);
/* 422 naming "key" as missing when absent or null. */
int api_require(struct api *, json_t *o, const char *key);

/* ---- versions ---- */

/*
 * What the client says it changes: If-Match: "v<N>" (header) and a
 * "version" member (body); 0 where not given.  "required" (PATCH,
 * DELETE): 428 when neither is there.  A malformed If-Match is 412.
 */
struct api_ver {
	int64_t header;
	int64_t body;
};
int api_version(struct api *, json_t *body, int required, struct api_ver *out);
/* The stored version against what the client has: 412 (If-Match) or
 * 409 ("version") saying someone else changed it. */
int api_ver_check(struct api *, const struct api_ver *, int64_t stored,
    const char *what, int64_t id);
/* The version to hand the store (it compares again, atomically). */
int64_t api_ver_want(const struct api_ver *);
/* A failed update: a stale version is 412 or 409 as above, the rest
 * as api_store_fail(). */
int api_update_fail(struct api *, enum lull_err, const struct api_ver *,
    const char *what, int64_t id);

/* ---- queries ---- */

/* ?limit= (1..API_LIMIT_MAX, default API_LIMIT_DEFAULT). */
int api_query_limit(struct api *, size_t *out);
/* ?from= and ?to= as instants: RFC 3339, or a local date (from: its
 * first instant; to: the end of that day).  Unbounded when absent. */
int api_query_span(struct api *, int64_t *from, int64_t *to);
/* ?from= and ?to= as local days (a date, or the day of an RFC 3339
 * instant); without them the "ndays" days to today.  At most
 * "maxdays" days. */
int api_query_days(struct api *, int32_t ndays, int32_t maxdays, int32_t *from,
    int32_t *to);
/* ?<key>= as a local day (a date, or the day of an RFC 3339 instant);
 * "day" is left as it is when absent. */
int api_query_day(struct api *, const char *key, int32_t *day);
/* ?child=ID (a child of the household; 0 when absent). */
int api_query_child(struct api *, int64_t *out);
/* ?cursor=: an opaque position of a listing of kind "kind"; 0 and 0
 * when absent. */
int api_query_cursor(struct api *, char kind, int64_t *at, int64_t *id);
/* A cursor as text (a new JSON string). */
json_t *api_cursor(char kind, int64_t at, int64_t id);
/* A page: {"items": items, "next_cursor": next}, taking both; NULL
 * (a 500) when memory ran out, which "items" shows by holding fewer
 * than "n". */
json_t *api_page(json_t *items, json_t *next, size_t n);

/* ---- the household's entries ---- */

/* The path's id (param[i]); 0 when not a plain positive number. */
int64_t api_param(struct api *, int i);
const struct lull_child *api_kid(const struct api *, int64_t id);
/* Entries by id, each of this household or 404. */
int api_child(struct api *, int64_t id, struct lull_child *out);
int api_sleep(struct api *, int64_t id, struct lull_sleep *out);
int api_waking(struct api *, int64_t id, struct lull_waking *out);
int api_feed(struct api *, int64_t id, struct lull_feed *out);
int api_tag(struct api *, int64_t id, struct lull_tag *out);

/* Records as the API writes them: the export's shape with ids. */
json_t *api_json_child(struct api *, const struct lull_child *);
json_t *api_json_sleep(struct api *, const struct lull_sleep *);
json_t *api_json_waking(struct api *, const struct lull_waking *);
json_t *api_json_feed(struct api *, const struct lull_feed *);
json_t *api_json_tag(struct api *, const struct lull_tag *);

/*
 * A page of sleeps, {"items": [...], "next_cursor": next}, as the text
 * json_dumps() makes of api_page() over api_json_sleep() (compact, ASCII),
 * written without building the tree (api_json.c); "next" NULL is null.
 * NULL when memory ran out or a string is not UTF-8: build the tree then.
 */
char *api_text_sleeps(struct api *, const struct lull_sleep *, size_t n,
    const char *next, size_t *len);

/* Read-only members of every record's JSON. */
extern const char *const api_meta_members[];

/* ---- handlers (api_*.c) ---- */

int api_children_list(struct web_req *, struct web_resp *);
int api_children_create(struct web_req *, struct web_resp *);
int api_child_get(struct web_req *, struct web_resp *);
int api_child_patch(struct web_req *, struct web_resp *);
int api_child_delete(struct web_req *, struct web_resp *);
int api_caregivers_list(struct web_req *, struct web_resp *);

int api_sleeps_list(struct web_req *, struct web_resp *);
int api_sleeps_create(struct web_req *, struct web_resp *);
int api_sleep_get(struct web_req *, struct web_resp *);
int api_sleep_patch(struct web_req *, struct web_resp *);
int api_sleep_delete(struct web_req *, struct web_resp *);
int api_wakings_create(struct web_req *, struct web_resp *);
int api_waking_get(struct web_req *, struct web_resp *);
int api_waking_patch(struct web_req *, struct web_resp *);
int api_waking_delete(struct web_req *, struct web_resp *);

int api_feeds_list(struct web_req *, struct web_resp *);
int api_feeds_create(struct web_req *, struct web_resp *);
int api_feed_get(struct web_req *, struct web_resp *);
int api_feed_patch(struct web_req *, struct web_resp *);
int api_feed_delete(struct web_req *, struct web_resp *);
int api_tags_list(struct web_req *, struct web_resp *);
int api_tags_create(struct web_req *, struct web_resp *);
int api_tag_get(struct web_req *, struct web_resp *);
int api_tag_patch(struct web_req *, struct web_resp *);
int api_tag_delete(struct web_req *, struct web_resp *);

int api_plan_get(struct web_req *, struct web_resp *);
int api_plan_start(struct web_req *, struct web_resp *);
int api_plan_decide(struct web_req *, struct web_resp *);
int api_plan_move(struct web_req *, struct web_resp *);
int api_plan_history(struct web_req *, struct web_resp *);

int api_report(struct web_req *, struct web_resp *);
int api_chart_diary(struct web_req *, struct web_resp *);
int api_chart_trends(struct web_req *, struct web_resp *);
int api_predict(struct web_req *, struct web_resp *);

#endif
