/*
 * Records to JSON and back, the full export and the restore
 * (docs/export.md).  Names stand for ids so that an export means the same
 * in any database; the restore resolves them again.
 * SPDX-License-Identifier: ISC
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/json.h"
#include "lull/plan.h"
#include "lull/plan_json.h"
#include "lull/screen.h"
#include "lull/tzload.h"

#define GENERATOR "lull 0.1.0"

/* ---- encoding -------------------------------------------------------- */

static json_t *
jtime(const struct lull_tz *tz, int64_t utc)
{
	char buf[40];

	if (utc == LULL_NO_TIME)
		return json_null();
	lull_time_format_rfc3339(tz, utc, buf, sizeof(buf));
	return json_string(buf);
}

static json_t *
jdate(int32_t day)
{
	char buf[16];

	if (day == LULL_NO_DAY)
		return json_null();
	lull_date_format(day, buf, sizeof(buf));
	return json_string(buf);
}

static json_t *
jstr(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
jint(int32_t v)
{
	return v == LULL_UNKNOWN ? json_null() : json_integer(v);
}

static json_t *
jbool3(int v)
{
	return v == LULL_UNKNOWN ? json_null() : json_boolean(v);
}

static const char *
caregiver_name(const struct lull_names *nm, int64_t id)
{
	size_t i;

	if (id == 0 || nm == NULL || nm->caregivers == NULL)
		return NULL;
	for (i = 0; i < nm->caregivers->n; i++)
		if (nm->caregivers->v[i].id == id)
			return nm->caregivers->v[i].name;
	return NULL;
}

static const char *
child_name(const struct lull_names *nm, int64_t id)
{
	size_t i;

	if (nm == NULL || nm->children == NULL)
		return NULL;
	for (i = 0; i < nm->children->n; i++)
		if (nm->children->v[i].id == id)
			return nm->children->v[i].name;
	return NULL;
}

/*
 * Set members in order; a NULL value (allocation failure) poisons the
 * object so the caller returns NULL once, at the end.
 */
static int
put(json_t *o, const char *k, json_t *v)
{
	if (o == NULL || v == NULL) {
		json_decref(v);
		return 0;
	}
	return json_object_set_new(o, k, v) == 0;
}

static json_t *
finish(json_t *o, int ok)
{
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int
put_meta(json_t *o, const struct lull_meta *m, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	int ok = 1;

	ok &= put(o, "logged_by", jstr(caregiver_name(nm, m->created_by)));
	ok &= put(o, "logged_at", jtime(tz, m->created_utc));
	ok &= put(o, "updated_by", jstr(caregiver_name(nm, m->updated_by)));
	ok &= put(o, "updated_at", jtime(tz, m->updated_utc));
	ok &= put(o, "version", json_integer(m->version));
	return ok;
}

static int
put_id(json_t *o, const struct lull_names *nm, int64_t id)
{
	if (nm == NULL || !nm->with_ids)
		return 1;
	return put(o, "id", json_integer(id));
}

/* Days of the week as the export names them, Monday first (bit 0). */
static const char *const day_names[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

static int
day_parse(const char *s)
{
	int i;

	for (i = 0; i < 7; i++)
		if (strcmp(day_names[i], s) == 0)
			return i;
	return -1;
}

static json_t *
jdays(unsigned set)
{
	json_t *a = json_array();
	int i, ok = a != NULL;

	for (i = 0; ok && i < 7; i++)
		if (set & (1u << i))
			ok = json_array_append_new(a,
				 json_string(day_names[i])) == 0;
	return finish(a, ok);
}

json_t *
lull_json_caregiver(const struct lull_caregiver *c, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put_id(o, nm, c->id);
	ok &= put(o, "name", jstr(c->name));
	ok &= put(o, "role", jstr(lull_role_name(c->role)));
	ok &= put(o, "night_feeds", jstr(lull_night_feeds_name(c->night_feeds)));
	ok &= put(o, "work_days", jdays(c->work_days));
	ok &= put_meta(o, &c->meta, tz, nm);
	return finish(o, ok);
}

json_t *
lull_json_child(const struct lull_child *c, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put_id(o, nm, c->id);
	ok &= put(o, "name", jstr(c->name));
	ok &= put(o, "born", jdate(c->born_day));
	ok &= put(o, "due", jdate(c->due_day));
	ok &= put_meta(o, &c->meta, tz, nm);
	return finish(o, ok);
}

static json_t *
json_waking(const struct lull_waking *w, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put_id(o, nm, w->id);
	ok &= put(o, "start", jtime(tz, w->start_utc));
	ok &= put(o, "end", jtime(tz, w->end_utc));
	ok &= put(o, "response", jstr(lull_response_name(w->response)));
	ok &= put(o, "by", jstr(caregiver_name(nm, w->caregiver_id)));
	ok &= put(o, "note", jstr(w->note));
	ok &= put_meta(o, &w->meta, tz, nm);
	return finish(o, ok);
}

json_t *
lull_json_waking(const struct lull_waking *w, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	return json_waking(w, tz, nm);
}

json_t *
lull_json_sleep(const struct lull_sleep *s, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	json_t *o = json_object(), *on = json_array(), *wk = json_array();
	int ok = on != NULL && wk != NULL;
	size_t i;

	for (i = 0; ok && i < LULL_ONSET__MAX; i++)
		if (s->onset & (1u << i))
			ok = json_array_append_new(on,
				 json_string(lull_onset_name(i))) == 0;
	for (i = 0; ok && i < s->nwakings; i++)
		ok = json_array_append_new(wk,
			 json_waking(&s->wakings[i], tz, nm)) == 0;
	ok &= put_id(o, nm, s->id);
	ok &= put(o, "child", jstr(child_name(nm, s->child_id)));
	ok &= put(o, "start", jtime(tz, s->start_utc));
	ok &= put(o, "end", jtime(tz, s->end_utc));
	ok &= put(o, "kind", jstr(lull_sleep_kind_name(s->kind)));
	ok &= put(o, "kind_given", json_boolean(s->kind_given));
	ok &= put(o, "onset", on);
	ok &= put(o, "place", jstr(lull_place_name(s->place)));
	ok &= put(o, "settled_by", jstr(caregiver_name(nm, s->settled_by)));
	ok &= put(o, "latency_min", jint(s->latency_min));
	ok &= put(o, "crying_min", jint(s->crying_min));
	ok &= put(o, "routine", jbool3(s->routine));
	ok &= put(o, "note", jstr(s->note));
	ok &= put(o, "wakings", wk);
	ok &= put_meta(o, &s->meta, tz, nm);
	return finish(o, ok);
}

json_t *
lull_json_feed(const struct lull_feed *f, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put_id(o, nm, f->id);
	ok &= put(o, "child", jstr(child_name(nm, f->child_id)));
	ok &= put(o, "start", jtime(tz, f->start_utc));
	ok &= put(o, "end", jtime(tz, f->end_utc));
	ok &= put(o, "kind", jstr(lull_feed_kind_name(f->kind)));
	ok &= put(o, "side", jstr(lull_side_name(f->side)));
	ok &= put(o, "amount_ml", jint(f->amount_ml));
	ok &= put(o, "note", jstr(f->note));
	ok &= put_meta(o, &f->meta, tz, nm);
	return finish(o, ok);
}

json_t *
lull_json_tag(const struct lull_tag *t, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put_id(o, nm, t->id);
	ok &= put(o, "child", jstr(child_name(nm, t->child_id)));
	ok &= put(o, "kind", jstr(lull_tag_kind_name(t->kind)));
	ok &= put(o, "from", jdate(t->from_day));
	ok &= put(o, "to", jdate(t->to_day));
	ok &= put(o, "note", jstr(t->note));
	ok &= put_meta(o, &t->meta, tz, nm);
	return finish(o, ok);
}

static json_t *
jshare(unsigned share)
{
	json_t *a = json_array();
	int ok = a != NULL;

	if (ok && (share & LULL_SHARE_PARTNER))
		ok = json_array_append_new(a, json_string("partner")) == 0;
	if (ok && (share & LULL_SHARE_CONSULTANT))
		ok = json_array_append_new(a, json_string("consultant")) == 0;
	return finish(a, ok);
}

static json_t *
janswers(const int *v, int n)
{
	json_t *a = json_array();
	int i, ok = a != NULL;

	for (i = 0; ok && i < n; i++)
		ok = json_array_append_new(a, json_integer(v[i])) == 0;
	return finish(a, ok);
}

/*
 * The members a kind uses (care.h), in a fixed order; the scored ones of
 * a screen are there for reading, a restore scores the answers again.
 */
json_t *
lull_json_personal(const struct lull_personal *p, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put_id(o, nm, p->id);
	ok &= put(o, "author", jstr(caregiver_name(nm, p->author_id)));
	ok &= put(o, "kind", jstr(lull_personal_kind_name(p->kind)));
	ok &= put(o, "day", jdate(p->day));
	if (p->kind == LULL_PERSONAL_SLEEP) {
		ok &= put(o, "start", jtime(tz, p->start_utc));
		ok &= put(o, "end", jtime(tz, p->end_utc));
	} else
		ok &= put(o, "at", jtime(tz, p->start_utc));
	switch (p->kind) {
	case LULL_PERSONAL_CHECKIN:
		ok &= put(o, "energy", jint(p->energy));
		ok &= put(o, "mood", jint(p->mood));
		break;
	case LULL_PERSONAL_SCREEN:
		ok &= put(o, "instrument", jstr(p->instrument));
		ok &= put(o, "answers", janswers(p->answers, p->nanswers));
		ok &= put(o, "total", jint(p->total));
		ok &= put(o, "band", p->band[0] != '\0' ?
			json_string(p->band) : json_null());
		ok &= put(o, "self_harm", json_boolean(p->self_harm));
		break;
	case LULL_PERSONAL_COUPLE:
		ok &= put(o, "appreciation", jstr(p->appreciation));
		ok &= put(o, "need", jstr(p->need));
		ok &= put(o, "repair", jstr(p->repair));
		ok &= put(o, "connection", jstr(p->connection));
		break;
	case LULL_PERSONAL_APPRECIATION:
		ok &= put(o, "to", jstr(caregiver_name(nm, p->to_id)));
		ok &= put(o, "appreciation", jstr(p->appreciation));
		break;
	default:
		break;
	}
	ok &= put(o, "note", jstr(p->note));
	ok &= put(o, "share", jshare(p->share));
	ok &= put_meta(o, &p->meta, tz, nm);
	return finish(o, ok);
}

static json_t *
jclock(int32_t min)
{
	char buf[8];

	if (min == LULL_UNKNOWN)
		return json_null();
	snprintf(buf, sizeof(buf), "%02d:%02d", (int)(min / 60 % 24),
	    (int)(min % 60));
	return json_string(buf);
}

json_t *
lull_json_ritual(const struct lull_ritual *r, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put_id(o, nm, r->id);
	ok &= put(o, "name", jstr(r->name));
	ok &= put(o, "every", jstr(lull_ritual_every_name(r->every)));
	ok &= put(o, "weekday",
	    r->every == LULL_RITUAL_WEEKLY && r->weekday >= 0 &&
		    r->weekday < 7 ?
		json_string(day_names[r->weekday]) :
		json_null());
	ok &= put(o, "at", jclock(r->at_min));
	ok &= put(o, "note", jstr(r->note));
	ok &= put_meta(o, &r->meta, tz, nm);
	return finish(o, ok);
}

/* ---- export ---------------------------------------------------------- */

static enum lull_err
store_fail(struct lull_store *st, enum lull_err rc, struct lull_errinfo *ei)
{
	const struct lull_errinfo *se = lull_store_error(st);

	if (ei != NULL && se != NULL)
		*ei = *se;
	if (ei != NULL)
		ei->code = rc;
	return rc;
}

static int
append(json_t *a, json_t *v)
{
	return v != NULL && json_array_append_new(a, v) == 0;
}

/*
 * A plan with its history, as the export writes it: the profile "prof"
 * (taken over; the store keeps it as JSON text) as an object, the state,
 * and the events oldest first.
 */
static json_t *
json_plan_export(const struct lull_plan_record *p, json_t *prof,
    const struct lull_plan_eventv *ev, const struct lull_tz *tz,
    const struct lull_names *nm)
{
	json_t *o = json_object(), *a = json_array(), *e;
	int ok = a != NULL;
	size_t i;

	for (i = 0; ok && i < ev->n; i++) {
		if ((e = lull_plan_event_to_json(&ev->v[i], tz)) == NULL) {
			ok = 0;
			break;
		}
		/* The export's meta, with names, in the usual place. */
		(void)json_object_del(e, "logged_at");
		if (!put_meta(e, &ev->v[i].meta, tz, nm)) {
			json_decref(e);
			ok = 0;
			break;
		}
		ok = append(a, e);
	}
	ok &= put(o, "child", jstr(child_name(nm, p->child_id)));
	ok &= put(o, "profile", prof);
	ok &= put(o, "method", jstr(lull_method_id(p->method)));
	ok &= put(o, "active", json_boolean(p->active));
	ok &= put(o, "state", lull_plan_state_to_json(&p->state));
	ok &= put(o, "events", a);
	ok &= put_meta(o, &p->meta, tz, nm);
	return finish(o, ok);
}

static enum lull_err
export_plans(struct lull_store *st, json_t *a,
    const struct lull_plan_recordv *pl, const struct lull_tz *tz,
    const struct lull_names *nm, struct lull_errinfo *ei)
{
	struct lull_plan_eventv ev = { 0 };
	json_error_t jerr;
	enum lull_err rc;
	json_t *o, *prof;
	size_t i;

	for (i = 0; i < pl->n; i++) {
		prof = json_loads(pl->v[i].profile_json, 0, &jerr);
		if (prof == NULL)
			return lull_errinfo_set(ei, LULL_ESTORE, "profile",
			    "profile: the stored profile of plan %lld is not "
			    "JSON (%s)",
			    (long long)pl->v[i].id, jerr.text);
		if ((rc = lull_store_plan_events(st, pl->v[i].id, &ev))) {
			json_decref(prof);
			return store_fail(st, rc, ei);
		}
		o = json_plan_export(&pl->v[i], prof, &ev, tz, nm);
		lull_plan_eventv_free(&ev);
		if (!append(a, o))
			return lull_errinfo_set(ei, LULL_ENOMEM, "",
			    "out of memory");
	}
	return LULL_OK;
}

/*
 * The household's settings for the parents' side, each only when it is
 * not the default, so that a family that never set one exports as it
 * always did.
 */
static int
put_household_care(json_t *h, const struct lull_household *hh)
{
	int ok = 1;

	if (hh->core_block_min != 0)
		ok &= put(h, "core_block_min",
		    json_integer(hh->core_block_min));
	if (hh->emergency != NULL)
		ok &= put(h, "emergency", json_string(hh->emergency));
	if (hh->crisis_lines != NULL)
		ok &= put(h, "crisis_lines", json_string(hh->crisis_lines));
	return ok;
}

enum lull_err
lull_export_json(struct lull_store *st, int64_t household_id,
    int64_t viewer_id, const struct lull_tz *tz, int64_t now_utc, char **out,
    struct lull_errinfo *ei)
{
	struct lull_household hh = { 0 };
	struct lull_caregiverv cg = { 0 };
	struct lull_childv ch = { 0 };
	struct lull_sleepv sl = { 0 };
	struct lull_feedv fd = { 0 };
	struct lull_tagv tg = { 0 };
	struct lull_plan_recordv pl = { 0 };
	struct lull_personalv pv = { 0 };
	struct lull_ritualv rv = { 0 };
	struct lull_names nm;
	json_t *doc = NULL, *h, *a;
	enum lull_err rc;
	int ok = 1;
	size_t i, total = 0;

	*out = NULL;
	if ((rc = lull_store_household_get(st, household_id, &hh)) ||
	    (rc = lull_store_caregiver_list(st, hh.id, &cg)) ||
	    (rc = lull_store_child_list(st, hh.id, &ch)) ||
	    (rc = lull_store_sleep_range(st, hh.id, 0, INT64_MIN, INT64_MAX,
		 &sl)) ||
	    (rc = lull_store_feed_range(st, hh.id, 0, INT64_MIN, INT64_MAX,
		 &fd)) ||
	    (rc = lull_store_tag_range(st, hh.id, 0, INT32_MIN + 1, INT32_MAX,
		 &tg)) ||
	    (rc = lull_store_plan_list(st, hh.id, &pl)) ||
	    (rc = lull_store_ritual_list(st, hh.id, &rv)) ||
	    /* Only what this adult may see; the store decides. */
	    (rc = lull_store_personal_list(st, hh.id, viewer_id, -1,
		 INT32_MIN + 1, INT32_MAX, &pv)) ||
	    (rc = lull_store_personal_count(st, hh.id, &total))) {
		rc = store_fail(st, rc, ei);
		goto done;
	}
	nm.children = &ch;
	nm.caregivers = &cg;
	nm.with_ids = 0;
	doc = json_object();
	ok &= put(doc, "schema", json_integer(LULL_EXPORT_SCHEMA));
	ok &= put(doc, "generator", json_string(GENERATOR));
	ok &= put(doc, "exported_at", jtime(tz, now_utc));
	h = json_object();
	ok &= put(h, "name", jstr(hh.name));
	ok &= put(h, "tz", jstr(hh.tz));
	ok &= put(h, "created_at", jtime(tz, hh.meta.created_utc));
	ok &= put_household_care(h, &hh);
	ok &= put(doc, "household", h);
	ok &= put(doc, "caregivers", a = json_array());
	for (i = 0; ok && i < cg.n; i++)
		ok = append(a, lull_json_caregiver(&cg.v[i], tz, &nm));
	ok &= put(doc, "children", a = json_array());
	for (i = 0; ok && i < ch.n; i++)
		ok = append(a, lull_json_child(&ch.v[i], tz, &nm));
	ok &= put(doc, "sleeps", a = json_array());
	for (i = 0; ok && i < sl.n; i++)
		ok = append(a, lull_json_sleep(&sl.v[i], tz, &nm));
	ok &= put(doc, "feeds", a = json_array());
	for (i = 0; ok && i < fd.n; i++)
		ok = append(a, lull_json_feed(&fd.v[i], tz, &nm));
	ok &= put(doc, "tags", a = json_array());
	for (i = 0; ok && i < tg.n; i++)
		ok = append(a, lull_json_tag(&tg.v[i], tz, &nm));
	ok &= put(doc, "plans", a = json_array());
	if (ok && (rc = export_plans(st, a, &pl, tz, &nm, ei)) != LULL_OK)
		goto done;
	ok &= put(doc, "rituals", a = json_array());
	for (i = 0; ok && i < rv.n; i++)
		ok = append(a, lull_json_ritual(&rv.v[i], tz, &nm));
	ok &= put(doc, "personal", a = json_array());
	for (i = 0; ok && i < pv.n; i++)
		ok = append(a, lull_json_personal(&pv.v[i], tz, &nm));
	/* Nothing left out unsaid: how many records were not this adult's
	 * to see (never which, nor whose). */
	ok &= put(doc, "personal_omitted",
	    json_integer(total > pv.n ? (json_int_t)(total - pv.n) : 0));
	if (!ok || (*out = json_dumps(doc, JSON_INDENT(2))) == NULL)
		rc = lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
done:
	json_decref(doc);
	lull_household_free(&hh);
	lull_caregiverv_free(&cg);
	lull_childv_free(&ch);
	lull_sleepv_free(&sl);
	lull_feedv_free(&fd);
	lull_tagv_free(&tg);
	lull_plan_recordv_free(&pl);
	lull_ritualv_free(&rv);
	lull_personalv_free(&pv);
	return rc;
}

/* ---- restore --------------------------------------------------------- */

/*
 * Decoding state: where we are in the document ("sleeps[3].wakings[1]"),
 * so every message can point at the value at fault.
 */
struct rd {
	const char *source;
	char path[96];
	struct lull_errinfo *ei;
	struct lull_caregiverv cg; /* restored so far, for names */
	struct lull_childv ch;
};

static enum lull_err
rd_err(struct rd *r, const char *key, const char *fmt, ...)
    LULL_PRINTF(3, 4);

static enum lull_err
rd_err(struct rd *r, const char *key, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return lull_errinfo_set(r->ei, LULL_EINVAL, key, "%s: %s%s%s: %s",
	    r->source, r->path, r->path[0] && key[0] ? "." : "", key, msg);
}

/* Wrap an error from the library with the document path. */
static enum lull_err
rd_wrap(struct rd *r, enum lull_err rc, const struct lull_errinfo *from)
{
	char msg[sizeof(from->msg)];

	snprintf(msg, sizeof(msg), "%s", from->msg);
	lull_errinfo_set(r->ei, rc, from->field, "%s: %s: %s", r->source,
	    r->path, msg);
	return rc;
}

static enum lull_err
rd_str(struct rd *r, json_t *o, const char *key, int required,
    const char **out)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (v == NULL || json_is_null(v)) {
		if (required)
			return rd_err(r, key, "is missing");
		return LULL_OK;
	}
	if (!json_is_string(v))
		return rd_err(r, key, "should be a string");
	*out = json_string_value(v);
	return LULL_OK;
}

static enum lull_err
rd_dupstr(struct rd *r, json_t *o, const char *key, char **out)
{
	const char *s;
	enum lull_err rc;

	*out = NULL;
	if ((rc = rd_str(r, o, key, 0, &s)) || s == NULL)
		return rc;
	if ((*out = strdup(s)) == NULL)
		return lull_errinfo_set(r->ei, LULL_ENOMEM, "", "out of memory");
	return LULL_OK;
}

static enum lull_err
rd_time(struct rd *r, json_t *o, const char *key, int required, int64_t *out)
{
	struct lull_errinfo e;
	const char *s;
	enum lull_err rc;

	*out = LULL_NO_TIME;
	if ((rc = rd_str(r, o, key, required, &s)) || s == NULL)
		return rc;
	if (lull_time_parse_rfc3339(s, key, out, &e) != LULL_OK)
		return rd_err(r, key, "\"%s\" is not an RFC 3339 time with an "
		    "offset", s);
	return LULL_OK;
}

static enum lull_err
rd_date(struct rd *r, json_t *o, const char *key, int required, int32_t *out)
{
	struct lull_errinfo e;
	const char *s;
	enum lull_err rc;

	*out = LULL_NO_DAY;
	if ((rc = rd_str(r, o, key, required, &s)) || s == NULL)
		return rc;
	if (lull_date_parse(s, key, out, &e) != LULL_OK)
		return rd_err(r, key, "\"%s\" is not a date (YYYY-MM-DD)", s);
	return LULL_OK;
}

static enum lull_err
rd_int(struct rd *r, json_t *o, const char *key, int32_t lo, int32_t hi,
    int32_t *out)
{
	json_t *v = json_object_get(o, key);
	json_int_t n;

	*out = LULL_UNKNOWN;
	if (v == NULL || json_is_null(v))
		return LULL_OK;
	if (!json_is_integer(v))
		return rd_err(r, key, "should be a whole number or null");
	n = json_integer_value(v);
	if (n < lo || n > hi)
		return rd_err(r, key, "%lld is outside %ld..%ld", (long long)n,
		    (long)lo, (long)hi);
	*out = (int32_t)n;
	return LULL_OK;
}

static enum lull_err
rd_bool3(struct rd *r, json_t *o, const char *key, int *out)
{
	json_t *v = json_object_get(o, key);

	*out = LULL_UNKNOWN;
	if (v == NULL || json_is_null(v))
		return LULL_OK;
	if (!json_is_boolean(v))
		return rd_err(r, key, "should be true, false or null");
	*out = json_is_true(v);
	return LULL_OK;
}

static enum lull_err
rd_enum(struct rd *r, json_t *o, const char *key, int (*parse)(const char *),
    int dflt, int *out)
{
	const char *s;
	enum lull_err rc;

	*out = dflt;
	if ((rc = rd_str(r, o, key, 0, &s)) || s == NULL)
		return rc;
	if ((*out = parse(s)) < 0)
		return rd_err(r, key, "\"%s\" is not a known value", s);
	return LULL_OK;
}

static enum lull_err
rd_caregiver(struct rd *r, json_t *o, const char *key, int64_t *id)
{
	const char *s;
	enum lull_err rc;
	size_t i;

	*id = 0;
	if ((rc = rd_str(r, o, key, 0, &s)) || s == NULL)
		return rc;
	for (i = 0; i < r->cg.n; i++)
		if (strcmp(r->cg.v[i].name, s) == 0) {
			*id = r->cg.v[i].id;
			return LULL_OK;
		}
	return rd_err(r, key, "\"%s\" is not among the caregivers", s);
}

static enum lull_err
rd_child(struct rd *r, json_t *o, int64_t *id)
{
	const char *s;
	enum lull_err rc;
	size_t i;

	if ((rc = rd_str(r, o, "child", 1, &s)))
		return rc;
	for (i = 0; i < r->ch.n; i++)
		if (strcmp(r->ch.v[i].name, s) == 0) {
			*id = r->ch.v[i].id;
			return LULL_OK;
		}
	return rd_err(r, "child", "\"%s\" is not among the children", s);
}

static enum lull_err
rd_meta(struct rd *r, json_t *o, struct lull_meta *m)
{
	enum lull_err rc;
	int32_t v;

	memset(m, 0, sizeof(*m));
	if ((rc = rd_caregiver(r, o, "logged_by", &m->created_by)) ||
	    (rc = rd_time(r, o, "logged_at", 0, &m->created_utc)) ||
	    (rc = rd_caregiver(r, o, "updated_by", &m->updated_by)) ||
	    (rc = rd_time(r, o, "updated_at", 0, &m->updated_utc)) ||
	    (rc = rd_int(r, o, "version", 1, INT32_MAX, &v)))
		return rc;
	m->version = v == LULL_UNKNOWN ? 1 : v;
	/* Without a time the store stamps the record as new. */
	if (m->created_utc == LULL_NO_TIME)
		memset(m, 0, sizeof(*m));
	else if (m->updated_utc == LULL_NO_TIME)
		m->updated_utc = m->created_utc;
	return LULL_OK;
}

/* A set of days of the week, ["mon", "thu"]; missing or null is none. */
static enum lull_err
rd_days(struct rd *r, json_t *o, const char *key, unsigned *out)
{
	json_t *a = json_object_get(o, key), *v;
	size_t i;
	int d;

	*out = 0;
	if (a == NULL || json_is_null(a))
		return LULL_OK;
	if (!json_is_array(a))
		return rd_err(r, key, "should be an array of days (\"mon\" to "
		    "\"sun\")");
	json_array_foreach(a, i, v) {
		d = json_is_string(v) ? day_parse(json_string_value(v)) : -1;
		if (d < 0)
			return rd_err(r, key, "item %zu is not a day of the "
			    "week (\"mon\" to \"sun\")", i);
		*out |= 1u << d;
	}
	return LULL_OK;
}

static json_t *
rd_array(struct rd *r, json_t *doc, const char *key, enum lull_err *rc)
{
	json_t *a = json_object_get(doc, key);

	*rc = LULL_OK;
	if (a == NULL)
		return NULL;
	if (!json_is_array(a)) {
		*rc = rd_err(r, key, "should be an array");
		return NULL;
	}
	return a;
}

static void
rd_at(struct rd *r, const char *key, size_t i)
{
	snprintf(r->path, sizeof(r->path), "%s[%zu]", key, i);
}

static enum lull_err
restore_household(struct rd *r, struct lull_store *st, json_t *doc,
    int replace, const struct lull_actor *actor, struct lull_tz **tz,
    int64_t *hid)
{
	struct lull_household hh = { 0 }, have = { 0 };
	struct lull_caregiverv cg = { 0 };
	struct lull_childv ch = { 0 };
	struct lull_ritualv rv = { 0 };
	json_t *h = json_object_get(doc, "household");
	const char *name, *zone;
	struct lull_errinfo e;
	enum lull_err rc;

	const char *emergency, *lines;
	int32_t core;

	snprintf(r->path, sizeof(r->path), "household");
	if (!json_is_object(h))
		return rd_err(r, "", "is missing or not an object");
	if ((rc = rd_str(r, h, "name", 0, &name)) ||
	    (rc = rd_str(r, h, "tz", 1, &zone)) ||
	    (rc = rd_int(r, h, "core_block_min", 0, 24 * 60, &core)) ||
	    (rc = rd_str(r, h, "emergency", 0, &emergency)) ||
	    (rc = rd_str(r, h, "crisis_lines", 0, &lines)))
		return rc;
	/* Missing or null: the defaults (model.h). */
	if (core == LULL_UNKNOWN)
		core = 0;
	if ((rc = lull_tz_load(tz, zone, &e)) != LULL_OK)
		return rd_err(r, "tz", "%s", e.msg);
	rc = lull_store_household_get(st, 0, &have);
	if (rc == LULL_ENOTFOUND) {
		hh.name = (char *)(uintptr_t)(name ? name : "");
		hh.tz = (char *)(uintptr_t)zone;
		hh.core_block_min = core;
		hh.emergency = (char *)(uintptr_t)emergency;
		hh.crisis_lines = (char *)(uintptr_t)lines;
		/* Kept as exported, so that a restore is exact. */
		if ((rc = rd_time(r, h, "created_at", 0,
			 &hh.meta.created_utc)) != LULL_OK)
			return rc;
		if (hh.meta.created_utc == LULL_NO_TIME)
			hh.meta.created_utc = 0;
		hh.meta.updated_utc = hh.meta.created_utc;
		if ((rc = lull_store_household_add(st, &hh, actor, hid)))
			return rd_wrap(r, rc, lull_store_error(st));
		return LULL_OK;
	}
	if (rc != LULL_OK)
		return store_fail(st, rc, r->ei);
	*hid = have.id;
	if (replace) {
		rc = lull_store_household_clear(st, have.id);
	} else if ((rc = lull_store_child_list(st, have.id, &ch)) == LULL_OK &&
	    (rc = lull_store_caregiver_list(st, have.id, &cg)) == LULL_OK &&
	    (rc = lull_store_ritual_list(st, have.id, &rv)) == LULL_OK &&
	    (ch.n > 0 || cg.n > 0 || rv.n > 0)) {
		lull_household_free(&have);
		lull_childv_free(&ch);
		lull_caregiverv_free(&cg);
		lull_ritualv_free(&rv);
		return lull_errinfo_set(r->ei, LULL_ECONFLICT, "",
		    "%s: this journal already holds a household with data; "
		    "restore into a new file (--db) or add --replace to wipe "
		    "it first",
		    r->source);
	}
	lull_childv_free(&ch);
	lull_caregiverv_free(&cg);
	lull_ritualv_free(&rv);
	if (rc != LULL_OK) {
		lull_household_free(&have);
		return store_fail(st, rc, r->ei);
	}
	free(have.name);
	free(have.tz);
	free(have.emergency);
	free(have.crisis_lines);
	have.name = strdup(name ? name : "");
	have.tz = strdup(zone);
	have.core_block_min = core;
	have.emergency = emergency != NULL ? strdup(emergency) : NULL;
	have.crisis_lines = lines != NULL ? strdup(lines) : NULL;
	have.meta.version = 0;
	if (have.name == NULL || have.tz == NULL ||
	    (emergency != NULL && have.emergency == NULL) ||
	    (lines != NULL && have.crisis_lines == NULL))
		rc = lull_errinfo_set(r->ei, LULL_ENOMEM, "", "out of memory");
	else if ((rc = lull_store_household_update(st, &have, actor)))
		rc = rd_wrap(r, rc, lull_store_error(st));
	lull_household_free(&have);
	return rc;
}

/*
 * Caregivers in two passes: first every name (so that any caregiver can
 * be named), then each one's meta, since caregivers log each other in
 * any order (Alex renamed Sam after Sam added Alex).
 */
static enum lull_err
restore_caregivers(struct rd *r, struct lull_store *st, json_t *doc,
    int64_t hid, const struct lull_actor *actor, size_t *n)
{
	enum lull_err rc;
	json_t *a = rd_array(r, doc, "caregivers", &rc), *o;
	size_t i;

	json_array_foreach(a, i, o) {
		struct lull_caregiver c;
		const char *name;
		int role, feeds;

		memset(&c, 0, sizeof(c));
		rd_at(r, "caregivers", i);
		if (!json_is_object(o))
			return rd_err(r, "", "should be an object");
		/* Without a role (an export from before them): a parent
		 * who gives a bottle, as the migration made everyone. */
		if ((rc = rd_str(r, o, "name", 1, &name)) ||
		    (rc = rd_enum(r, o, "role", lull_role_parse,
			 LULL_ROLE_PARENT, &role)) ||
		    (rc = rd_enum(r, o, "night_feeds", lull_night_feeds_parse,
			 LULL_NIGHT_BOTTLE, &feeds)) ||
		    (rc = rd_days(r, o, "work_days", &c.work_days)))
			return rc;
		c.role = (enum lull_role)role;
		c.night_feeds = (enum lull_night_feeds)feeds;
		c.household_id = hid;
		c.name = (char *)(uintptr_t)name;
		if ((rc = lull_store_caregiver_add(st, &c, actor, &c.id)))
			return rd_wrap(r, rc, lull_store_error(st));
		if ((c.name = strdup(name)) == NULL ||
		    lull_caregiverv_push(&r->cg, &c) != LULL_OK) {
			free(c.name);
			return lull_errinfo_set(r->ei, LULL_ENOMEM, "",
			    "out of memory");
		}
		(*n)++;
	}
	if (rc != LULL_OK)
		return rc;
	json_array_foreach(a, i, o) {
		struct lull_meta m;

		rd_at(r, "caregivers", i);
		if ((rc = rd_meta(r, o, &m)))
			return rc;
		if (m.created_utc == 0)
			continue;
		rc = lull_store_caregiver_restore_meta(st, r->cg.v[i].id, &m);
		if (rc != LULL_OK)
			return rd_wrap(r, rc, lull_store_error(st));
	}
	return LULL_OK;
}

static enum lull_err
restore_children(struct rd *r, struct lull_store *st, json_t *doc,
    int64_t hid, const struct lull_tz *tz, const struct lull_actor *actor,
    size_t *n)
{
	enum lull_err rc;
	json_t *a = rd_array(r, doc, "children", &rc), *o;
	size_t i;

	json_array_foreach(a, i, o) {
		struct lull_child c;
		const char *name;

		lull_child_init(&c);
		rd_at(r, "children", i);
		if (!json_is_object(o))
			return rd_err(r, "", "should be an object");
		if ((rc = rd_str(r, o, "name", 1, &name)) ||
		    (rc = rd_date(r, o, "born", 1, &c.born_day)) ||
		    (rc = rd_date(r, o, "due", 0, &c.due_day)) ||
		    (rc = rd_meta(r, o, &c.meta)))
			return rc;
		c.household_id = hid;
		c.name = (char *)(uintptr_t)name;
		if ((rc = lull_store_child_add(st, &c, tz, actor, &c.id)))
			return rd_wrap(r, rc, lull_store_error(st));
		if ((c.name = strdup(name)) == NULL ||
		    lull_childv_push(&r->ch, &c) != LULL_OK) {
			free(c.name);
			return lull_errinfo_set(r->ei, LULL_ENOMEM, "",
			    "out of memory");
		}
		(*n)++;
	}
	return rc;
}

static enum lull_err
decode_waking(struct rd *r, json_t *o, struct lull_waking *w)
{
	enum lull_err rc;
	int resp;

	if (!json_is_object(o))
		return rd_err(r, "", "should be an object");
	if ((rc = rd_time(r, o, "start", 1, &w->start_utc)) ||
	    (rc = rd_time(r, o, "end", 0, &w->end_utc)) ||
	    (rc = rd_enum(r, o, "response", lull_response_parse,
		 LULL_RESP_UNKNOWN, &resp)) ||
	    (rc = rd_caregiver(r, o, "by", &w->caregiver_id)) ||
	    (rc = rd_meta(r, o, &w->meta)) ||
	    (rc = rd_dupstr(r, o, "note", &w->note)))
		return rc;
	w->response = (enum lull_response)resp;
	return LULL_OK;
}

static enum lull_err
decode_sleep(struct rd *r, json_t *o, struct lull_sleep *s)
{
	json_t *on, *wk, *v;
	enum lull_err rc;
	int kind, place, given;
	size_t i, base;

	if (!json_is_object(o))
		return rd_err(r, "", "should be an object");
	if ((rc = rd_child(r, o, &s->child_id)) ||
	    (rc = rd_time(r, o, "start", 1, &s->start_utc)) ||
	    (rc = rd_time(r, o, "end", 0, &s->end_utc)) ||
	    (rc = rd_enum(r, o, "kind", lull_sleep_kind_parse, -1, &kind)) ||
	    (rc = rd_bool3(r, o, "kind_given", &given)) ||
	    (rc = rd_enum(r, o, "place", lull_place_parse, LULL_PLACE_UNKNOWN,
		 &place)) ||
	    (rc = rd_caregiver(r, o, "settled_by", &s->settled_by)) ||
	    (rc = rd_int(r, o, "latency_min", 0, 24 * 60, &s->latency_min)) ||
	    (rc = rd_int(r, o, "crying_min", 0, 24 * 60, &s->crying_min)) ||
	    (rc = rd_bool3(r, o, "routine", &s->routine)) ||
	    (rc = rd_meta(r, o, &s->meta)) ||
	    (rc = rd_dupstr(r, o, "note", &s->note)))
		return rc;
	/* A kind in the file is kept as it was, given or derived. */
	s->kind = kind < 0 ? LULL_SLEEP_NAP : (enum lull_sleep_kind)kind;
	s->kind_given = kind < 0 ? 0 : given == LULL_UNKNOWN ? 1 : given;
	s->place = (enum lull_place)place;
	if ((on = json_object_get(o, "onset")) != NULL && !json_is_null(on)) {
		if (!json_is_array(on))
			return rd_err(r, "onset", "should be an array");
		json_array_foreach(on, i, v) {
			int e = json_is_string(v) ?
			    lull_onset_parse(json_string_value(v)) : -1;

			if (e < 0)
				return rd_err(r, "onset",
				    "item %zu is not a known way of falling "
				    "asleep", i);
			s->onset |= 1u << e;
		}
	}
	if ((wk = json_object_get(o, "wakings")) == NULL || json_is_null(wk))
		return LULL_OK;
	if (!json_is_array(wk))
		return rd_err(r, "wakings", "should be an array");
	base = strlen(r->path);
	json_array_foreach(wk, i, v) {
		struct lull_waking w;

		lull_waking_init(&w);
		snprintf(r->path + base, sizeof(r->path) - base,
		    ".wakings[%zu]", i);
		rc = decode_waking(r, v, &w);
		if (rc == LULL_OK && lull_sleep_add_waking(s, &w) != LULL_OK)
			rc = lull_errinfo_set(r->ei, LULL_ENOMEM, "",
			    "out of memory");
		lull_waking_free(&w);
		if (rc != LULL_OK)
			return rc;
	}
	r->path[base] = '\0';
	return LULL_OK;
}

static enum lull_err
restore_sleeps(struct rd *r, struct lull_store *st, json_t *doc,
    const struct lull_tz *tz, const struct lull_actor *actor,
    struct lull_restore_stats *stats)
{
	enum lull_err rc;
	json_t *a = rd_array(r, doc, "sleeps", &rc), *o;
	size_t i;

	json_array_foreach(a, i, o) {
		struct lull_sleep s;

		lull_sleep_init(&s);
		rd_at(r, "sleeps", i);
		rc = decode_sleep(r, o, &s);
		if (rc == LULL_OK &&
		    (rc = lull_store_sleep_add(st, &s, tz, actor)) != LULL_OK)
			rc = rd_wrap(r, rc, lull_store_error(st));
		if (rc == LULL_OK) {
			stats->sleeps++;
			stats->wakings += s.nwakings;
		}
		lull_sleep_free(&s);
		if (rc != LULL_OK)
			return rc;
	}
	return rc;
}

static enum lull_err
restore_feeds(struct rd *r, struct lull_store *st, json_t *doc,
    const struct lull_tz *tz, const struct lull_actor *actor, size_t *n)
{
	enum lull_err rc;
	json_t *a = rd_array(r, doc, "feeds", &rc), *o;
	size_t i;

	json_array_foreach(a, i, o) {
		struct lull_feed f;
		int kind, side;

		lull_feed_init(&f);
		rd_at(r, "feeds", i);
		if (!json_is_object(o))
			return rd_err(r, "", "should be an object");
		if ((rc = rd_child(r, o, &f.child_id)) ||
		    (rc = rd_time(r, o, "start", 1, &f.start_utc)) ||
		    (rc = rd_time(r, o, "end", 0, &f.end_utc)) ||
		    (rc = rd_enum(r, o, "kind", lull_feed_kind_parse,
			 LULL_FEED_BREAST, &kind)) ||
		    (rc = rd_enum(r, o, "side", lull_side_parse,
			 LULL_SIDE_NONE, &side)) ||
		    (rc = rd_int(r, o, "amount_ml", 0, 2000, &f.amount_ml)) ||
		    (rc = rd_meta(r, o, &f.meta)) ||
		    (rc = rd_dupstr(r, o, "note", &f.note))) {
			lull_feed_free(&f);
			return rc;
		}
		f.kind = (enum lull_feed_kind)kind;
		f.side = (enum lull_side)side;
		if ((rc = lull_store_feed_add(st, &f, tz, actor)) != LULL_OK)
			rc = rd_wrap(r, rc, lull_store_error(st));
		lull_feed_free(&f);
		if (rc != LULL_OK)
			return rc;
		(*n)++;
	}
	return rc;
}

static enum lull_err
restore_tags(struct rd *r, struct lull_store *st, json_t *doc,
    const struct lull_actor *actor, size_t *n)
{
	enum lull_err rc;
	json_t *a = rd_array(r, doc, "tags", &rc), *o;
	size_t i;

	json_array_foreach(a, i, o) {
		struct lull_tag t;
		int kind;

		lull_tag_init(&t);
		rd_at(r, "tags", i);
		if (!json_is_object(o))
			return rd_err(r, "", "should be an object");
		if ((rc = rd_child(r, o, &t.child_id)) ||
		    (rc = rd_enum(r, o, "kind", lull_tag_kind_parse, -1,
			 &kind)) ||
		    (rc = rd_date(r, o, "from", 1, &t.from_day)) ||
		    (rc = rd_date(r, o, "to", 1, &t.to_day)) ||
		    (rc = rd_meta(r, o, &t.meta)) ||
		    (rc = rd_dupstr(r, o, "note", &t.note))) {
			lull_tag_free(&t);
			return rc;
		}
		if (kind < 0) {
			lull_tag_free(&t);
			return rd_err(r, "kind", "is missing");
		}
		t.kind = (enum lull_tag_kind)kind;
		if ((rc = lull_store_tag_add(st, &t, actor)) != LULL_OK)
			rc = rd_wrap(r, rc, lull_store_error(st));
		lull_tag_free(&t);
		if (rc != LULL_OK)
			return rc;
		(*n)++;
	}
	return rc;
}

/* plan.h names kinds of evidence but has no parser: the names are it. */
static int
evidence_parse(const char *name)
{
	const char *n;
	int i;

	for (i = 0; i < LULL_EVIDENCE__MAX; i++) {
		n = lull_evidence_name((enum lull_evidence)i);
		if (n != NULL && strcmp(n, name) == 0)
			return i;
	}
	return -1;
}

/* A whole number that must be there (lo >= 0: LULL_UNKNOWN is -1). */
static enum lull_err
rd_need_int(struct rd *r, json_t *o, const char *key, int32_t lo, int32_t hi,
    int32_t *out)
{
	enum lull_err rc;

	if ((rc = rd_int(r, o, key, lo, hi, out)) != LULL_OK)
		return rc;
	if (*out == LULL_UNKNOWN)
		return rd_err(r, key, "is missing");
	return LULL_OK;
}

/* An enumeration that must be there. */
static enum lull_err
rd_need_enum(struct rd *r, json_t *o, const char *key,
    int (*parse)(const char *), int *out)
{
	enum lull_err rc;

	if ((rc = rd_enum(r, o, key, parse, -1, out)) != LULL_OK)
		return rc;
	if (*out < 0)
		return rd_err(r, key, "is missing");
	return LULL_OK;
}

/* true/false with a default when missing or null. */
static enum lull_err
rd_flag(struct rd *r, json_t *o, const char *key, int dflt, int *out)
{
	enum lull_err rc;

	if ((rc = rd_bool3(r, o, key, out)) != LULL_OK)
		return rc;
	if (*out == LULL_UNKNOWN)
		*out = dflt;
	return LULL_OK;
}

static enum lull_err
decode_plan_state(struct rd *r, json_t *o, struct lull_plan_state *s)
{
	json_t *v = json_object_get(o, "state");
	size_t base = strlen(r->path);
	enum lull_err rc;
	int32_t n;

	if (!json_is_object(v))
		return rd_err(r, "state", "is missing or not an object");
	snprintf(r->path + base, sizeof(r->path) - base, ".state");
	if ((rc = rd_date(r, v, "started", 1, &s->started_day)) ||
	    (rc = rd_need_int(r, v, "step", 1, LULL_PLAN_MAX_STEPS, &n)))
		return rc;
	s->step = n;
	if ((rc = rd_date(r, v, "step_since", 1, &s->step_since_day)) ||
	    (rc = rd_flag(r, v, "paused", 0, &s->paused)) ||
	    (rc = rd_date(r, v, "paused_since", 0, &s->paused_since_day)) ||
	    (rc = rd_flag(r, v, "paused_by_parent", 0, &s->pause_by_parent)) ||
	    (rc = rd_int(r, v, "slow", 0, 366, &n)))
		return rc;
	s->slow = n == LULL_UNKNOWN ? 0 : n;
	if ((rc = rd_int(r, v, "best_step", 1, LULL_PLAN_MAX_STEPS, &n)))
		return rc;
	s->best_step = n == LULL_UNKNOWN ? s->step : n;
	if ((rc = rd_date(r, v, "best_since", 0, &s->best_day)) ||
	    (rc = rd_date(r, v, "reevaluated", 0, &s->reeval_day)) ||
	    (rc = rd_date(r, v, "resumed", 0, &s->resumed_day)))
		return rc;
	r->path[base] = '\0';
	return LULL_OK;
}

static enum lull_err
decode_plan_event(struct rd *r, json_t *o, struct lull_plan_event *ev)
{
	enum lull_err rc;
	int verdict, evidence;
	int32_t from, to;

	if (!json_is_object(o))
		return rd_err(r, "", "should be an object");
	if ((rc = rd_date(r, o, "day", 1, &ev->day)) ||
	    (rc = rd_need_enum(r, o, "verdict", lull_verdict_parse,
		 &verdict)) ||
	    (rc = rd_need_int(r, o, "step_from", 0, LULL_PLAN_MAX_STEPS,
		 &from)) ||
	    (rc = rd_need_int(r, o, "step_to", 0, LULL_PLAN_MAX_STEPS, &to)) ||
	    (rc = rd_need_enum(r, o, "evidence", evidence_parse, &evidence)) ||
	    (rc = rd_flag(r, o, "by_parent", 0, &ev->by_parent)) ||
	    (rc = rd_meta(r, o, &ev->meta)) ||
	    (rc = rd_dupstr(r, o, "reason", &ev->reason)) ||
	    (rc = rd_dupstr(r, o, "source", &ev->source)))
		return rc;
	if (ev->reason == NULL)
		return rd_err(r, "reason", "is missing");
	ev->verdict = (enum lull_verdict)verdict;
	ev->evidence = (enum lull_evidence)evidence;
	ev->step_from = from;
	ev->step_to = to;
	return LULL_OK;
}

/* The plan's history, oldest first, appended as it was. */
static enum lull_err
restore_plan_events(struct rd *r, struct lull_store *st, json_t *o,
    int64_t plan_id, const struct lull_actor *actor)
{
	json_t *a = json_object_get(o, "events"), *v;
	size_t base = strlen(r->path), i;
	enum lull_err rc;

	if (a == NULL || json_is_null(a))
		return LULL_OK;
	if (!json_is_array(a))
		return rd_err(r, "events", "should be an array");
	json_array_foreach(a, i, v) {
		struct lull_plan_event ev;

		lull_plan_event_init(&ev);
		snprintf(r->path + base, sizeof(r->path) - base, ".events[%zu]",
		    i);
		rc = decode_plan_event(r, v, &ev);
		ev.plan_id = plan_id;
		if (rc == LULL_OK &&
		    (rc = lull_store_plan_event_add(st, &ev, actor)) != LULL_OK)
			rc = rd_wrap(r, rc, lull_store_error(st));
		lull_plan_event_free(&ev);
		if (rc != LULL_OK)
			return rc;
	}
	r->path[base] = '\0';
	return LULL_OK;
}

static enum lull_err
decode_plan(struct rd *r, json_t *o, struct lull_plan_record *p)
{
	struct lull_profile prof;
	enum lull_err rc;
	char src[160];
	json_t *pv;
	int method;

	if (!json_is_object(o))
		return rd_err(r, "", "should be an object");
	if ((rc = rd_child(r, o, &p->child_id)))
		return rc;
	pv = json_object_get(o, "profile");
	if (!json_is_object(pv))
		return rd_err(r, "profile", "is missing or not an object");
	/* The profile must still read as one, with the engine's rules; it
	 * is kept as written, so the next export shows it unchanged. */
	snprintf(src, sizeof(src), "%s: %s.profile", r->source, r->path);
	if ((rc = lull_profile_from_value(pv, src, LULL_NO_DAY, &prof,
		 r->ei)) != LULL_OK)
		return rc;
	if ((p->profile_json = json_dumps(pv, JSON_COMPACT)) == NULL)
		return lull_errinfo_set(r->ei, LULL_ENOMEM, "", "out of memory");
	if ((rc = rd_need_enum(r, o, "method", lull_method_parse, &method)) ||
	    (rc = rd_flag(r, o, "active", 1, &p->active)) ||
	    (rc = decode_plan_state(r, o, &p->state)) ||
	    (rc = rd_meta(r, o, &p->meta)))
		return rc;
	p->method = (enum lull_method)method;
	return LULL_OK;
}

/*
 * Plans in the order of the file (the export writes them oldest first,
 * so they get their ids in the same order), each with its history.
 */
static enum lull_err
restore_plans(struct rd *r, struct lull_store *st, json_t *doc,
    const struct lull_actor *actor)
{
	enum lull_err rc;
	json_t *a = rd_array(r, doc, "plans", &rc), *o;
	size_t i;

	json_array_foreach(a, i, o) {
		struct lull_plan_record p;

		lull_plan_record_init(&p);
		rd_at(r, "plans", i);
		rc = decode_plan(r, o, &p);
		if (rc == LULL_OK &&
		    (rc = lull_store_plan_add(st, &p, actor)) != LULL_OK)
			rc = rd_wrap(r, rc, lull_store_error(st));
		if (rc == LULL_OK)
			rc = restore_plan_events(r, st, o, p.id, actor);
		lull_plan_record_free(&p);
		if (rc != LULL_OK)
			return rc;
	}
	return rc;
}

static enum lull_err
rd_share(struct rd *r, json_t *o, unsigned *out)
{
	json_t *a = json_object_get(o, "share"), *v;
	const char *w;
	size_t i;

	*out = 0;
	if (a == NULL || json_is_null(a))
		return LULL_OK;
	if (!json_is_array(a))
		return rd_err(r, "share", "should be an array of \"partner\", "
		    "\"consultant\"");
	json_array_foreach(a, i, v) {
		w = json_is_string(v) ? json_string_value(v) : "";
		if (strcmp(w, "partner") == 0)
			*out |= LULL_SHARE_PARTNER;
		else if (strcmp(w, "consultant") == 0)
			*out |= LULL_SHARE_CONSULTANT;
		else
			return rd_err(r, "share", "item %zu is neither "
			    "\"partner\" nor \"consultant\"", i);
	}
	return LULL_OK;
}

/* A screen's answers, item 1 first: whole numbers, scored by the store. */
static enum lull_err
rd_answers(struct rd *r, json_t *o, struct lull_personal *p)
{
	json_t *a = json_object_get(o, "answers"), *v;
	size_t i;

	p->nanswers = 0;
	if (a == NULL || json_is_null(a))
		return LULL_OK;
	if (!json_is_array(a))
		return rd_err(r, "answers", "should be an array of numbers");
	if (json_array_size(a) > LULL_SCREEN_MAXITEMS)
		return rd_err(r, "answers", "%zu answers, more than any "
		    "screen has (%d)", json_array_size(a),
		    LULL_SCREEN_MAXITEMS);
	json_array_foreach(a, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) < 0 ||
		    json_integer_value(v) > 99)
			return rd_err(r, "answers", "item %zu is not an "
			    "answer (0 to 3)", i);
		p->answers[p->nanswers++] = (int)json_integer_value(v);
	}
	return LULL_OK;
}

/*
 * One personal record, every member read whatever the kind: the store
 * refuses a member the kind does not use, so nothing in the file is
 * dropped unsaid.  The scored members of a screen (total, band,
 * self_harm) are not read: the store scores the answers again.
 */
static enum lull_err
decode_personal(struct rd *r, json_t *o, const struct lull_actor *actor,
    struct lull_personal *p)
{
	const char *instrument;
	enum lull_err rc;
	int kind;

	if (!json_is_object(o))
		return rd_err(r, "", "should be an object");
	if ((rc = rd_need_enum(r, o, "kind", lull_personal_kind_parse,
		 &kind)))
		return rc;
	p->kind = (enum lull_personal_kind)kind;
	if ((rc = rd_caregiver(r, o, "author", &p->author_id)))
		return rc;
	if (p->author_id == 0)
		return rd_err(r, "author", "is missing");
	if ((rc = rd_date(r, o, "day", 1, &p->day)) ||
	    (rc = rd_time(r, o, p->kind == LULL_PERSONAL_SLEEP ? "start" : "at",
		 0, &p->start_utc)) ||
	    (rc = rd_time(r, o, "end", 0, &p->end_utc)) ||
	    (rc = rd_int(r, o, "energy", LULL_CHECKIN_MIN, LULL_CHECKIN_MAX,
		 &p->energy)) ||
	    (rc = rd_int(r, o, "mood", LULL_CHECKIN_MIN, LULL_CHECKIN_MAX,
		 &p->mood)) ||
	    (rc = rd_str(r, o, "instrument", 0, &instrument)) ||
	    (rc = rd_answers(r, o, p)) ||
	    (rc = rd_caregiver(r, o, "to", &p->to_id)) ||
	    (rc = rd_dupstr(r, o, "appreciation", &p->appreciation)) ||
	    (rc = rd_dupstr(r, o, "need", &p->need)) ||
	    (rc = rd_dupstr(r, o, "repair", &p->repair)) ||
	    (rc = rd_dupstr(r, o, "connection", &p->connection)) ||
	    (rc = rd_dupstr(r, o, "note", &p->note)) ||
	    (rc = rd_share(r, o, &p->share)) ||
	    (rc = rd_meta(r, o, &p->meta)))
		return rc;
	if (instrument != NULL) {
		if (strlen(instrument) >= sizeof(p->instrument))
			return rd_err(r, "instrument", "\"%s\" is not one of "
			    "%s", instrument, LULL_SCREEN_NAMES);
		memcpy(p->instrument, instrument, strlen(instrument) + 1);
	}
	/* An export without the time it was written: written now, by its
	 * author (the store keeps a restored record's meta as given). */
	if (p->meta.created_utc == 0) {
		p->meta.created_utc = p->meta.updated_utc = actor->now_utc;
		p->meta.created_by = p->meta.updated_by = p->author_id;
		p->meta.version = 1;
	}
	return LULL_OK;
}

static enum lull_err
restore_personal(struct rd *r, struct lull_store *st, json_t *doc,
    int64_t hid, const struct lull_actor *actor, size_t *n)
{
	enum lull_err rc;
	json_t *a = rd_array(r, doc, "personal", &rc), *o;
	size_t i;

	json_array_foreach(a, i, o) {
		struct lull_personal p;

		lull_personal_init(&p);
		rd_at(r, "personal", i);
		p.household_id = hid;
		rc = decode_personal(r, o, actor, &p);
		if (rc == LULL_OK &&
		    (rc = lull_store_personal_restore(st, &p)) != LULL_OK)
			rc = rd_wrap(r, rc, lull_store_error(st));
		lull_personal_free(&p);
		if (rc != LULL_OK)
			return rc;
		(*n)++;
	}
	return rc;
}

/* "HH:MM", local; missing or null is "any time". */
static enum lull_err
rd_clock(struct rd *r, json_t *o, const char *key, int32_t *out)
{
	const char *s;
	enum lull_err rc;
	unsigned h, m;
	char end;

	*out = LULL_UNKNOWN;
	if ((rc = rd_str(r, o, key, 0, &s)) || s == NULL)
		return rc;
	if (strlen(s) != 5 || sscanf(s, "%2u:%2u%c", &h, &m, &end) != 2 ||
	    h > 23 || m > 59)
		return rd_err(r, key, "\"%s\" is not a time of day (HH:MM)",
		    s);
	*out = (int32_t)(h * 60 + m);
	return LULL_OK;
}

static enum lull_err
restore_rituals(struct rd *r, struct lull_store *st, json_t *doc,
    int64_t hid, const struct lull_actor *actor, size_t *n)
{
	enum lull_err rc;
	json_t *a = rd_array(r, doc, "rituals", &rc), *o;
	size_t i;

	json_array_foreach(a, i, o) {
		struct lull_ritual t;
		const char *day;
		int every;

		lull_ritual_init(&t);
		rd_at(r, "rituals", i);
		if (!json_is_object(o))
			return rd_err(r, "", "should be an object");
		if ((rc = rd_need_enum(r, o, "every", lull_ritual_every_parse,
			 &every)) ||
		    (rc = rd_str(r, o, "weekday", 0, &day)) ||
		    (rc = rd_clock(r, o, "at", &t.at_min)) ||
		    (rc = rd_meta(r, o, &t.meta)) ||
		    (rc = rd_dupstr(r, o, "name", &t.name)) ||
		    (rc = rd_dupstr(r, o, "note", &t.note))) {
			lull_ritual_free(&t);
			return rc;
		}
		t.every = (enum lull_ritual_every)every;
		/* A weekly ritual without its day is refused by the store. */
		t.weekday = day == NULL ? (every == LULL_RITUAL_WEEKLY ? -1 : 0)
					: day_parse(day);
		if (day != NULL && t.weekday < 0) {
			lull_ritual_free(&t);
			return rd_err(r, "weekday", "\"%s\" is not a day of "
			    "the week (\"mon\" to \"sun\")", day);
		}
		t.household_id = hid;
		if ((rc = lull_store_ritual_add(st, &t, actor)) != LULL_OK)
			rc = rd_wrap(r, rc, lull_store_error(st));
		lull_ritual_free(&t);
		if (rc != LULL_OK)
			return rc;
		(*n)++;
	}
	return rc;
}

enum lull_err
lull_restore_json(struct lull_store *st, const char *text, size_t len,
    const char *source, int replace, const struct lull_actor *actor,
    struct lull_restore_stats *stats, struct lull_errinfo *ei)
{
	struct lull_tz *tz = NULL;
	struct rd r;
	json_error_t jerr;
	json_t *doc, *schema;
	enum lull_err rc;
	int64_t hid = 0;

	memset(stats, 0, sizeof(*stats));
	memset(&r, 0, sizeof(r));
	r.source = source;
	r.ei = ei;
	doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (doc == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "",
		    "%s:%d:%d: %s", source, jerr.line, jerr.column, jerr.text);
	schema = json_object_get(doc, "schema");
	if (!json_is_object(doc) || !json_is_integer(schema)) {
		json_decref(doc);
		return lull_errinfo_set(ei, LULL_EINVAL, "schema",
		    "%s: not a lull export (no \"schema\" number at the top)",
		    source);
	}
	if (json_integer_value(schema) != LULL_EXPORT_SCHEMA) {
		rc = lull_errinfo_set(ei, LULL_EINVAL, "schema",
		    "%s: schema %lld is not one this version reads (%d)",
		    source, (long long)json_integer_value(schema),
		    LULL_EXPORT_SCHEMA);
		json_decref(doc);
		return rc;
	}
	if ((rc = lull_store_begin(st)) != LULL_OK) {
		json_decref(doc);
		return store_fail(st, rc, ei);
	}
	if ((rc = restore_household(&r, st, doc, replace, actor, &tz, &hid)) ||
	    (rc = restore_caregivers(&r, st, doc, hid, actor,
		 &stats->caregivers)) ||
	    (rc = restore_children(&r, st, doc, hid, tz, actor,
		 &stats->children)) ||
	    (rc = restore_sleeps(&r, st, doc, tz, actor, stats)) ||
	    (rc = restore_feeds(&r, st, doc, tz, actor, &stats->feeds)) ||
	    (rc = restore_tags(&r, st, doc, actor, &stats->tags)) ||
	    (rc = restore_plans(&r, st, doc, actor)) ||
	    (rc = restore_rituals(&r, st, doc, hid, actor, &stats->rituals)) ||
	    (rc = restore_personal(&r, st, doc, hid, actor,
		 &stats->personal)))
		lull_store_rollback(st);
	else if ((rc = lull_store_commit(st)) != LULL_OK)
		rc = store_fail(st, rc, ei);
	if (rc != LULL_OK)
		memset(stats, 0, sizeof(*stats));
	lull_caregiverv_free(&r.cg);
	lull_childv_free(&r.ch);
	lull_tz_free(tz);
	json_decref(doc);
	return rc;
}
