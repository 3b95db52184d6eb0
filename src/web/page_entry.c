/*
 * Editing and deleting one journal entry: /h/{hid}/{sleeps,wakings,
 * feeds,tags}/{id}/edit and .../delete.  An edit carries the version it
 * was made from; when someone else changed the entry meanwhile nothing is
 * saved and the page says so, showing the entry as it is now.  A delete
 * asks first, on its own page (no script needed).
 * SPDX-License-Identifier: ISC
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/store.h"
#include "web/page_int.h"
#include "web/web.h"

enum ekind { E_SLEEP = 0, E_WAKING, E_FEED, E_TAG, E__MAX };

static const char *const kind_path[E__MAX] = { "sleeps", "wakings", "feeds",
	"tags" };
static const char *const kind_word[E__MAX] = { "sleep", "waking", "feed",
	"note" };

struct entry {
	enum ekind k;
	int64_t id;
	struct lull_childv kids;
	const struct lull_child *c;
	struct lull_caregiverv cg;
	struct lull_sleep s;	/* the sleep, or the waking's sleep */
	struct lull_waking *w;	/* a waking: in s.wakings */
	struct lull_feed f;
	struct lull_tag t;
	struct lull_meta *meta; /* the entry's */
	int32_t day;		/* the journal day it shows on */
};

static void
entry_init(struct entry *e)
{
	memset(e, 0, sizeof(*e));
	lull_sleep_init(&e->s);
	lull_feed_init(&e->f);
	lull_tag_init(&e->t);
}

static void
entry_free(struct entry *e)
{
	lull_childv_free(&e->kids);
	lull_caregiverv_free(&e->cg);
	lull_sleep_free(&e->s);
	lull_feed_free(&e->f);
	lull_tag_free(&e->t);
}

/* The kind from the path: /h/{hid}/KIND/{id}/... */
static int
kind_of(const struct web_req *req, enum ekind *k)
{
	const char *p = req->path;
	size_t i, n;

	if (strncmp(p, "/h/", 3) != 0 || (p = strchr(p + 3, '/')) == NULL)
		return -1;
	p++;
	n = strcspn(p, "/");
	for (i = 0; i < E__MAX; i++)
		if (strlen(kind_path[i]) == n && strncmp(p, kind_path[i], n) == 0) {
			*k = (enum ekind)i;
			return 0;
		}
	return -1;
}

static int
not_here(struct web_req *req, struct web_resp *resp)
{
	web_error(req, resp, 404, NULL, "There is no such entry here.");
	return 404;
}

/* Load the entry of the path; it must be a child's of this household. */
static int
entry_load(struct web_req *req, struct web_resp *resp, struct entry *e)
{
	enum lull_err rc = LULL_ENOTFOUND;
	int64_t child = 0, sleep_id;
	struct lull_waking wk;
	size_t i;

	if (kind_of(req, &e->k) || (e->id = web_param_id(req, 1)) == 0)
		return not_here(req, resp);
	lull_waking_init(&wk);
	switch (e->k) {
	case E_SLEEP:
	case E_WAKING:
		sleep_id = e->id;
		if (e->k == E_WAKING) {
			rc = lull_store_waking_get(req->st, e->id, &wk);
			sleep_id = wk.sleep_id;
			lull_waking_free(&wk);
			if (rc != LULL_OK)
				break;
		}
		if ((rc = lull_store_sleep_get(req->st, sleep_id, &e->s)))
			break;
		child = e->s.child_id;
		e->meta = &e->s.meta;
		e->day = lull_local_day(req->tz, e->s.start_utc);
		for (i = 0; e->k == E_WAKING && i < e->s.nwakings; i++)
			if (e->s.wakings[i].id == e->id) {
				e->w = &e->s.wakings[i];
				e->meta = &e->w->meta;
			}
		if (e->k == E_WAKING && e->w == NULL)
			rc = LULL_ENOTFOUND;
		break;
	case E_FEED:
		if ((rc = lull_store_feed_get(req->st, e->id, &e->f)))
			break;
		child = e->f.child_id;
		e->meta = &e->f.meta;
		e->day = lull_local_day(req->tz, e->f.start_utc);
		break;
	case E_TAG:
	case E__MAX:
		if ((rc = lull_store_tag_get(req->st, e->id, &e->t)))
			break;
		child = e->t.child_id;
		e->meta = &e->t.meta;
		e->day = e->t.from_day;
		break;
	}
	if (rc == LULL_ENOTFOUND)
		return not_here(req, resp);
	if (rc != LULL_OK ||
	    (rc = lull_store_child_list(req->st, req->household_id,
		 &e->kids)) ||
	    (rc = lull_store_caregiver_list(req->st, req->household_id,
		 &e->cg)))
		return page_store_fail(req, resp, rc);
	for (i = 0; i < e->kids.n; i++)
		if (e->kids.v[i].id == child)
			e->c = &e->kids.v[i];
	/* Another household's entry is answered as one that does not
	 * exist. */
	return e->c == NULL ? not_here(req, resp) : 0;
}

/* A one-line summary of the entry. */
static void
entry_line(struct web_buf *b, const struct web_req *req,
    const struct entry *e)
{
	switch (e->k) {
	case E_SLEEP:
		page_sleep_line(b, req, &e->s);
		break;
	case E_WAKING:
		page_waking_line(b, req, e->w);
		break;
	case E_FEED:
		page_feed_line(b, req, &e->f);
		break;
	case E_TAG:
	case E__MAX:
		page_tag_line(b, &e->t);
		break;
	}
}

static void
journal_path(const struct entry *e, const char *said, char *buf,
    size_t bufsz)
{
	char date[16];

	lull_date_format(e->day, date, sizeof(date));
	snprintf(buf, bufsz, "journal?day=%s%s%s", date, said ? "&said=" : "",
	    said ? said : "");
}

/* ---- the form -------------------------------------------------------- */

/* The value a field shows: what was typed (after a refused save), else
 * the entry's. */
static const char *
fv(struct web_req *req, int sticky, const char *name, const char *dflt)
{
	const char *v;

	if (sticky && (v = web_form(req, name)) != NULL)
		return v;
	return dflt ? dflt : "";
}

static void
text_field(struct web_buf *b, const char *name, const char *label,
    const char *value, const char *hint)
{
	web_buf_printf(b, "<label for=\"f-%s\">%s</label>"
			  "<input type=\"text\" id=\"f-%s\" name=\"%s\" "
			  "autocomplete=\"off\" value=\"",
	    name, label, name, name);
	web_buf_esc(b, value);
	web_buf_puts(b, "\"");
	if (hint != NULL)
		web_buf_printf(b, " aria-describedby=\"f-%s-hint\">"
				  "<p class=\"hint\" id=\"f-%s-hint\">%s</p>",
		    name, name, hint);
	else
		web_buf_puts(b, ">");
}

static void
number_field(struct web_buf *b, const char *name, const char *label,
    const char *value, int max)
{
	web_buf_printf(b, "<label for=\"f-%s\">%s</label>"
			  "<input type=\"number\" id=\"f-%s\" name=\"%s\" "
			  "min=\"0\" max=\"%d\" inputmode=\"numeric\" value=\"",
	    name, label, name, name, max);
	web_buf_esc(b, value);
	web_buf_puts(b, "\">");
}

static void
note_field(struct web_buf *b, const char *value)
{
	web_buf_puts(b, "<label for=\"f-note\">Note</label>"
			"<textarea id=\"f-note\" name=\"note\" rows=\"3\">");
	web_buf_esc(b, value);
	web_buf_puts(b, "</textarea>");
}

/* A <select>: options[i] = { value, label }. */
static void
select_field(struct web_buf *b, const char *name, const char *label,
    const char *const (*opts)[2], size_t n, const char *value)
{
	size_t i;

	web_buf_printf(b, "<label for=\"f-%s\">%s</label>"
			  "<select id=\"f-%s\" name=\"%s\">",
	    name, label, name, name);
	for (i = 0; i < n; i++) {
		web_buf_puts(b, "<option value=\"");
		web_buf_esc(b, opts[i][0]);
		web_buf_printf(b, "\"%s>",
		    strcmp(opts[i][0], value) == 0 ? " selected" : "");
		web_buf_esc(b, opts[i][1]);
		web_buf_puts(b, "</option>");
	}
	web_buf_puts(b, "</select>");
}

/* Who: "Not noted" and the household's adults. */
static void
who_field(struct web_buf *b, const char *name, const char *label,
    const struct lull_caregiverv *cg, const char *value)
{
	char id[24];
	size_t i;

	web_buf_printf(b, "<label for=\"f-%s\">%s</label>"
			  "<select id=\"f-%s\" name=\"%s\">"
			  "<option value=\"\">Not noted</option>",
	    name, label, name, name);
	for (i = 0; i < cg->n; i++) {
		snprintf(id, sizeof(id), "%" PRId64, cg->v[i].id);
		web_buf_printf(b, "<option value=\"%s\"%s>", id,
		    strcmp(id, value) == 0 ? " selected" : "");
		web_buf_esc(b, cg->v[i].name);
		web_buf_puts(b, "</option>");
	}
	web_buf_puts(b, "</select>");
}

static void
opt_int(int32_t v, char *buf, size_t bufsz)
{
	if (v == LULL_UNKNOWN)
		buf[0] = '\0';
	else
		snprintf(buf, bufsz, "%d", (int)v);
}

static void
opt_id(int64_t v, char *buf, size_t bufsz)
{
	if (v == 0)
		buf[0] = '\0';
	else
		snprintf(buf, bufsz, "%" PRId64, v);
}

static void
opt_time(const struct web_req *req, int64_t v, char *buf, size_t bufsz)
{
	if (v == LULL_NO_TIME)
		buf[0] = '\0';
	else
		page_time_text(req, v, buf, bufsz);
}

static void
sleep_fields(struct web_buf *b, struct web_req *req, const struct entry *e,
    int sticky)
{
	static const char *const kinds[][2] = { { "", "Let lull tell from "
						      "the times" },
		{ "nap", "Nap" }, { "night", "Night" } };
	static const char *const routine[][2] = { { "", "Not noted" },
		{ "yes", "Done" }, { "no", "Skipped" } };
	const char *places[LULL_PLACE__MAX][2];
	const struct lull_sleep *s = &e->s;
	char a[40], z[40], n1[16], n2[16], who[24], name[32];
	size_t i;

	opt_time(req, s->start_utc, a, sizeof(a));
	opt_time(req, s->end_utc, z, sizeof(z));
	text_field(b, "start", "Fell asleep", fv(req, sticky, "start", a),
	    NULL);
	text_field(b, "end", "Woke up", fv(req, sticky, "end", z),
	    "A time like 06:45, or a date and time. Leave it empty while "
	    "still asleep.");
	select_field(b, "kind", "Nap or night", kinds, 3,
	    fv(req, sticky, "kind",
		s->kind_given ? lull_sleep_kind_name(s->kind) : ""));
	web_buf_puts(b, "<fieldset class=\"choices\"><legend>How they fell "
			"asleep</legend>");
	for (i = 0; i < LULL_ONSET__MAX; i++) {
		int on = (s->onset & (1u << i)) != 0;

		if (sticky) {
			snprintf(name, sizeof(name), "how_%s",
			    lull_onset_name((enum lull_onset)i));
			on = web_form(req, name) != NULL;
		}
		web_buf_printf(b, "<label><input type=\"checkbox\" "
				  "name=\"how_%s\" value=\"1\"%s> %s</label>",
		    lull_onset_name((enum lull_onset)i), on ? " checked" : "",
		    lull_onset_label((enum lull_onset)i));
	}
	web_buf_puts(b, "</fieldset>");
	for (i = 0; i < LULL_PLACE__MAX; i++) {
		places[i][0] = lull_place_name((enum lull_place)i);
		places[i][1] = i == LULL_PLACE_UNKNOWN ? "Not noted" :
		    lull_place_label((enum lull_place)i);
	}
	select_field(b, "where", "Where", (const char *const(*)[2])places,
	    LULL_PLACE__MAX,
	    fv(req, sticky, "where", lull_place_name(s->place)));
	opt_id(s->settled_by, who, sizeof(who));
	who_field(b, "by", "Settled by", &e->cg, fv(req, sticky, "by", who));
	opt_int(s->latency_min, n1, sizeof(n1));
	opt_int(s->crying_min, n2, sizeof(n2));
	number_field(b, "latency", "Minutes to fall asleep",
	    fv(req, sticky, "latency", n1), 600);
	number_field(b, "crying", "Minutes of crying, roughly",
	    fv(req, sticky, "crying", n2), 600);
	select_field(b, "routine", "Bedtime routine", routine, 3,
	    fv(req, sticky, "routine",
		s->routine == LULL_UNKNOWN ? "" : s->routine ? "yes" : "no"));
	note_field(b, fv(req, sticky, "note", s->note));
}

static void
waking_fields(struct web_buf *b, struct web_req *req, const struct entry *e,
    int sticky)
{
	const char *resp[LULL_RESP__MAX][2];
	const struct lull_waking *w = e->w;
	char a[40], z[40], who[24];
	size_t i;

	opt_time(req, w->start_utc, a, sizeof(a));
	opt_time(req, w->end_utc, z, sizeof(z));
	text_field(b, "start", "Woke", fv(req, sticky, "start", a), NULL);
	text_field(b, "end", "Back asleep", fv(req, sticky, "end", z),
	    "A time like 02:40, or a date and time. Leave it empty while "
	    "still awake.");
	for (i = 0; i < LULL_RESP__MAX; i++) {
		resp[i][0] = lull_response_name((enum lull_response)i);
		resp[i][1] = i == LULL_RESP_UNKNOWN ? "Not noted" :
		    lull_response_label((enum lull_response)i);
	}
	select_field(b, "response", "What helped",
	    (const char *const(*)[2])resp, LULL_RESP__MAX,
	    fv(req, sticky, "response", lull_response_name(w->response)));
	opt_id(w->caregiver_id, who, sizeof(who));
	who_field(b, "by", "Who went", &e->cg, fv(req, sticky, "by", who));
	note_field(b, fv(req, sticky, "note", w->note));
}

static void
feed_fields(struct web_buf *b, struct web_req *req, const struct entry *e,
    int sticky)
{
	static const char *const kinds[][2] = { { "breast", "Breast" },
		{ "bottle", "Bottle" }, { "solids", "Solids" } };
	static const char *const sides[][2] = { { "none", "Not noted" },
		{ "left", "Left" }, { "right", "Right" }, { "both", "Both" } };
	const struct lull_feed *f = &e->f;
	char a[40], z[40], ml[16];

	opt_time(req, f->start_utc, a, sizeof(a));
	opt_time(req, f->end_utc, z, sizeof(z));
	text_field(b, "at", "Started", fv(req, sticky, "at", a), NULL);
	text_field(b, "to", "Ended", fv(req, sticky, "to", z),
	    "Leave it empty if you did not note it.");
	select_field(b, "kind", "Kind", kinds, 3,
	    fv(req, sticky, "kind", lull_feed_kind_name(f->kind)));
	select_field(b, "side", "Side", sides, 4,
	    fv(req, sticky, "side", lull_side_name(f->side)));
	opt_int(f->amount_ml, ml, sizeof(ml));
	number_field(b, "ml", "Amount (ml)", fv(req, sticky, "ml", ml), 2000);
	note_field(b, fv(req, sticky, "note", f->note));
}

static void
tag_fields(struct web_buf *b, struct web_req *req, const struct entry *e,
    int sticky)
{
	const char *kinds[LULL_TAG_KIND__MAX][2];
	const struct lull_tag *t = &e->t;
	char a[16], z[16];
	size_t i;

	for (i = 0; i < LULL_TAG_KIND__MAX; i++) {
		kinds[i][0] = lull_tag_kind_name((enum lull_tag_kind)i);
		kinds[i][1] = page_tag_label((enum lull_tag_kind)i);
	}
	select_field(b, "kind", "About", (const char *const(*)[2])kinds,
	    LULL_TAG_KIND__MAX,
	    fv(req, sticky, "kind", lull_tag_kind_name(t->kind)));
	lull_date_format(t->from_day, a, sizeof(a));
	lull_date_format(t->to_day, z, sizeof(z));
	web_buf_puts(b, "<label for=\"f-from\">From</label>"
			"<input type=\"date\" id=\"f-from\" name=\"from\" "
			"value=\"");
	web_buf_esc(b, fv(req, sticky, "from", a));
	web_buf_puts(b, "\"><label for=\"f-to\">To</label>"
			"<input type=\"date\" id=\"f-to\" name=\"to\" value=\"");
	web_buf_esc(b, fv(req, sticky, "to", z));
	web_buf_puts(b, "\">");
	note_field(b, fv(req, sticky, "note", t->note));
}

/*
 * The edit page: "error" (may be NULL) above the form, "stale" when the
 * entry changed under the person (then the form shows it as it is now).
 */
static void
edit_page(struct web_req *req, struct web_resp *resp, const struct entry *e,
    int status, const char *error, int stale, int sticky)
{
	struct web_buf b = { 0 };
	char title[48], path[64], back[96], base[32];

	snprintf(title, sizeof(title), "Edit the %s", kind_word[e->k]);
	web_page_open(&b, req, title);
	web_buf_printf(&b, "<h1>%s</h1>\n", title);
	if (stale) {
		web_buf_printf(&b, "<div class=\"notice bad conflict\" "
				   "role=\"alert\"><p><strong>Someone else "
				   "changed this %s while you were editing it"
				   "</strong>, so nothing was saved.</p><p>"
				   "This is how it is now; make your change "
				   "again if it is still needed.</p></div>\n",
		    kind_word[e->k]);
	} else if (error != NULL)
		page_form_error(&b, error);
	web_buf_puts(&b, "<p class=\"entry-head\">");
	entry_line(&b, req, e);
	web_buf_puts(&b, "</p><p class=\"entry-meta\">");
	page_logged_by(&b, &e->cg, e->meta);
	web_buf_puts(&b, "</p>\n");
	snprintf(path, sizeof(path), "%s/%" PRId64 "/edit", kind_path[e->k],
	    e->id);
	page_form_open(&b, req, path, "stack");
	web_buf_printf(&b, "<input type=\"hidden\" name=\"version\" "
			   "value=\"%" PRId64 "\">",
	    e->meta->version);
	switch (e->k) {
	case E_SLEEP:
		sleep_fields(&b, req, e, sticky);
		break;
	case E_WAKING:
		waking_fields(&b, req, e, sticky);
		break;
	case E_FEED:
		feed_fields(&b, req, e, sticky);
		break;
	case E_TAG:
	case E__MAX:
		tag_fields(&b, req, e, sticky);
		break;
	}
	journal_path(e, NULL, back, sizeof(back));
	web_buf_printf(&b, "<p class=\"row\"><button type=\"submit\">Save"
			   "</button><a class=\"button secondary\" "
			   "href=\"%s/",
	    page_base(req, base, sizeof(base)));
	web_buf_esc(&b, back);
	web_buf_puts(&b, "\">Cancel</a></p></form>\n");
	web_page_close(&b, req);
	web_buf_html(&b, resp, status);
}

int
page_entry_edit_get(struct web_req *req, struct web_resp *resp)
{
	struct entry e;

	entry_init(&e);
	if (entry_load(req, resp, &e) == 0)
		edit_page(req, resp, &e, 200, NULL, 0, 0);
	entry_free(&e);
	return 0;
}

/* ---- reading the form back ------------------------------------------- */

static enum lull_err
form_minutes(struct web_req *req, const char *name, int max, int32_t *out,
    struct lull_errinfo *ei)
{
	const char *v = web_form(req, name);
	char *end;
	long n;

	if (v == NULL || *v == '\0') {
		*out = LULL_UNKNOWN;
		return LULL_OK;
	}
	n = strtol(v, &end, 10);
	if (*end != '\0' || n < 0 || n > max)
		return lull_errinfo_set(ei, LULL_EINVAL, name,
		    "%s: \"%s\" should be a whole number from 0 to %d", name,
		    v, max);
	*out = (int32_t)n;
	return LULL_OK;
}

static enum lull_err
form_who(struct web_req *req, const struct entry *e, int64_t *out,
    struct lull_errinfo *ei)
{
	const char *v = web_form(req, "by");
	int64_t id;

	if (v == NULL || *v == '\0') {
		*out = 0;
		return LULL_OK;
	}
	id = page_id(v);
	if (id == 0 || page_who(&e->cg, id) == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "by",
		    "by: choose someone of the household");
	*out = id;
	return LULL_OK;
}

static enum lull_err
form_enum(struct web_req *req, const char *name, int (*parse)(const char *),
    int *out, struct lull_errinfo *ei)
{
	const char *v = web_form(req, name);
	int x;

	if (v == NULL)
		return LULL_OK;
	if ((x = parse(v)) < 0)
		return lull_errinfo_set(ei, LULL_EINVAL, name,
		    "%s: choose one from the list", name);
	*out = x;
	return LULL_OK;
}

static enum lull_err
form_note(struct web_req *req, char **note, struct lull_errinfo *ei)
{
	const char *v = web_form(req, "note");
	char *n = NULL;

	if (v != NULL && *v != '\0' && (n = strdup(v)) == NULL)
		return lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
	free(*note);
	*note = n;
	return LULL_OK;
}

/* An end that may be left empty (ongoing, or not noted). */
static enum lull_err
form_end(struct web_req *req, const char *name, int64_t after, int64_t keep,
    int64_t *out, struct lull_errinfo *ei)
{
	const char *v = web_form(req, name);

	if (v == NULL || *v == '\0') {
		*out = LULL_NO_TIME;
		return LULL_OK;
	}
	return page_time_parse(req, v, name, after, LULL_NO_DAY, keep, out,
	    ei);
}

static enum lull_err
apply_sleep(struct web_req *req, struct entry *e, struct lull_errinfo *ei)
{
	struct lull_sleep *s = &e->s;
	const char *kind = web_form(req, "kind"), *rt = web_form(req, "routine");
	int32_t day = lull_local_day(req->tz, s->start_utc);
	char name[32];
	enum lull_err rc;
	int place = (int)s->place;
	size_t i;

	if ((rc = page_time_parse(req, web_form(req, "start"), "start",
		 INT64_MIN, day, s->start_utc, &s->start_utc, ei)) ||
	    (rc = form_end(req, "end", s->start_utc, s->end_utc, &s->end_utc,
		 ei)))
		return rc;
	if (kind != NULL && *kind == '\0')
		s->kind_given = 0;
	else if (kind != NULL) {
		int k = lull_sleep_kind_parse(kind);

		if (k < 0)
			return lull_errinfo_set(ei, LULL_EINVAL, "kind",
			    "kind: nap or night");
		s->kind = (enum lull_sleep_kind)k;
		s->kind_given = 1;
	}
	s->onset = 0;
	for (i = 0; i < LULL_ONSET__MAX; i++) {
		snprintf(name, sizeof(name), "how_%s",
		    lull_onset_name((enum lull_onset)i));
		if (web_form(req, name) != NULL)
			s->onset |= 1u << i;
	}
	if ((rc = form_enum(req, "where", lull_place_parse, &place, ei)) ||
	    (rc = form_who(req, e, &s->settled_by, ei)) ||
	    (rc = form_minutes(req, "latency", 600, &s->latency_min, ei)) ||
	    (rc = form_minutes(req, "crying", 600, &s->crying_min, ei)) ||
	    (rc = form_note(req, &s->note, ei)))
		return rc;
	s->place = (enum lull_place)place;
	if (rt == NULL || *rt == '\0')
		s->routine = LULL_UNKNOWN;
	else if (strcmp(rt, "yes") == 0 || strcmp(rt, "no") == 0)
		s->routine = rt[0] == 'y';
	else
		return lull_errinfo_set(ei, LULL_EINVAL, "routine",
		    "routine: done, skipped or not noted");
	return lull_store_sleep_update(req->st, s, req->tz, &req->actor);
}

static enum lull_err
apply_waking(struct web_req *req, struct entry *e, struct lull_errinfo *ei)
{
	struct lull_waking *w = e->w;
	enum lull_err rc;
	int r = (int)w->response;

	/* A bare time is the first one after the night began. */
	if ((rc = page_time_parse(req, web_form(req, "start"), "start",
		 e->s.start_utc - 1, LULL_NO_DAY, w->start_utc, &w->start_utc,
		 ei)) ||
	    (rc = form_end(req, "end", w->start_utc, w->end_utc, &w->end_utc,
		 ei)) ||
	    (rc = form_enum(req, "response", lull_response_parse, &r, ei)) ||
	    (rc = form_who(req, e, &w->caregiver_id, ei)) ||
	    (rc = form_note(req, &w->note, ei)))
		return rc;
	w->response = (enum lull_response)r;
	return lull_store_waking_update(req->st, w, req->tz, &req->actor);
}

static enum lull_err
apply_feed(struct web_req *req, struct entry *e, struct lull_errinfo *ei)
{
	struct lull_feed *f = &e->f;
	int32_t day = lull_local_day(req->tz, f->start_utc);
	enum lull_err rc;
	int kind = (int)f->kind, side = (int)f->side;

	if ((rc = page_time_parse(req, web_form(req, "at"), "at", INT64_MIN,
		 day, f->start_utc, &f->start_utc, ei)) ||
	    (rc = form_end(req, "to", f->start_utc, f->end_utc, &f->end_utc,
		 ei)) ||
	    (rc = form_enum(req, "kind", lull_feed_kind_parse, &kind, ei)) ||
	    (rc = form_enum(req, "side", lull_side_parse, &side, ei)) ||
	    (rc = form_minutes(req, "ml", 2000, &f->amount_ml, ei)) ||
	    (rc = form_note(req, &f->note, ei)))
		return rc;
	f->kind = (enum lull_feed_kind)kind;
	f->side = (enum lull_side)side;
	return lull_store_feed_update(req->st, f, req->tz, &req->actor);
}

static enum lull_err
apply_tag(struct web_req *req, struct entry *e, struct lull_errinfo *ei)
{
	struct lull_tag *t = &e->t;
	const char *v;
	enum lull_err rc;
	int kind = (int)t->kind;

	if ((rc = form_enum(req, "kind", lull_tag_kind_parse, &kind, ei)))
		return rc;
	t->kind = (enum lull_tag_kind)kind;
	if ((v = web_form(req, "from")) != NULL &&
	    (rc = lull_date_parse(v, "from", &t->from_day, ei)))
		return rc;
	if ((v = web_form(req, "to")) != NULL &&
	    (rc = lull_date_parse(v, "to", &t->to_day, ei)))
		return rc;
	if ((rc = form_note(req, &t->note, ei)))
		return rc;
	return lull_store_tag_update(req->st, t, &req->actor);
}

int
page_entry_edit_post(struct web_req *req, struct web_resp *resp)
{
	const char *v = web_form(req, "version");
	const struct lull_errinfo *se;
	struct lull_errinfo ei;
	struct entry e;
	enum lull_err rc = LULL_EINVAL;
	char path[96];
	int64_t ver = page_id(v);

	entry_init(&e);
	lull_errinfo_clear(&ei);
	if (entry_load(req, resp, &e))
		goto out;
	/* Someone else saved first: nothing is saved, and the page shows
	 * the entry as it is now. */
	if (ver != e.meta->version) {
		edit_page(req, resp, &e, 409, NULL, 1, 0);
		goto out;
	}
	switch (e.k) {
	case E_SLEEP:
		rc = apply_sleep(req, &e, &ei);
		break;
	case E_WAKING:
		rc = apply_waking(req, &e, &ei);
		break;
	case E_FEED:
		rc = apply_feed(req, &e, &ei);
		break;
	case E_TAG:
	case E__MAX:
		rc = apply_tag(req, &e, &ei);
		break;
	}
	if (rc == LULL_OK) {
		journal_path(&e, "saved", path, sizeof(path));
		page_back(req, resp, path);
		goto out;
	}
	/* A refusal of the store has its message there; ours are in ei. */
	se = lull_store_error(req->st);
	if (ei.msg[0] == '\0' && se != NULL)
		ei = *se;
	if (rc == LULL_ECONFLICT && strcmp(ei.field, "version") == 0) {
		/* Changed between our read and the write: read it again. */
		entry_free(&e);
		entry_init(&e);
		if (entry_load(req, resp, &e) == 0)
			edit_page(req, resp, &e, 409, NULL, 1, 0);
		goto out;
	}
	if (rc == LULL_ENOMEM || rc == LULL_ESTORE) {
		web_fail(req, resp, rc, &ei);
		goto out;
	}
	edit_page(req, resp, &e, rc == LULL_ECONFLICT ? 409 : 422,
	    ei.msg[0] ? ei.msg : lull_strerror(rc), 0, 1);
out:
	entry_free(&e);
	return 0;
}

/* ---- deleting -------------------------------------------------------- */

int
page_entry_delete_get(struct web_req *req, struct web_resp *resp)
{
	struct web_buf b = { 0 };
	char title[48], path[64], back[96], base[32];
	struct entry e;

	entry_init(&e);
	if (entry_load(req, resp, &e))
		goto out;
	snprintf(title, sizeof(title), "Delete the %s?", kind_word[e.k]);
	web_page_open(&b, req, title);
	web_buf_printf(&b, "<h1>%s</h1>\n<p class=\"entry-head\">", title);
	entry_line(&b, req, &e);
	web_buf_puts(&b, "</p><p class=\"entry-meta\">");
	page_logged_by(&b, &e.cg, e.meta);
	web_buf_puts(&b, "</p>\n");
	if (e.k == E_SLEEP && e.s.nwakings > 0)
		web_buf_printf(&b, "<p>Its %zu night waking%s go%s with it.</p>",
		    e.s.nwakings, e.s.nwakings == 1 ? "" : "s",
		    e.s.nwakings == 1 ? "es" : "");
	web_buf_puts(&b, "<p>This cannot be undone.</p>\n");
	snprintf(path, sizeof(path), "%s/%" PRId64 "/delete", kind_path[e.k],
	    e.id);
	page_form_open(&b, req, path, "row");
	journal_path(&e, NULL, back, sizeof(back));
	web_buf_printf(&b, "<button type=\"submit\" class=\"danger\">Delete"
			   "</button><a class=\"button secondary\" "
			   "href=\"%s/",
	    page_base(req, base, sizeof(base)));
	web_buf_esc(&b, back);
	web_buf_puts(&b, "\">Keep it</a></form>\n");
	web_page_close(&b, req);
	web_buf_html(&b, resp, 200);
out:
	entry_free(&e);
	return 0;
}

int
page_entry_delete_post(struct web_req *req, struct web_resp *resp)
{
	struct entry e;
	enum lull_err rc = LULL_EINVAL;
	char path[96];

	entry_init(&e);
	if (entry_load(req, resp, &e))
		goto out;
	switch (e.k) {
	case E_SLEEP:
		rc = lull_store_sleep_delete(req->st, e.id);
		break;
	case E_WAKING:
		rc = lull_store_waking_delete(req->st, e.id);
		break;
	case E_FEED:
		rc = lull_store_feed_delete(req->st, e.id);
		break;
	case E_TAG:
	case E__MAX:
		rc = lull_store_tag_delete(req->st, e.id);
		break;
	}
	if (rc != LULL_OK)
		page_store_fail(req, resp, rc);
	else {
		journal_path(&e, "deleted", path, sizeof(path));
		page_back(req, resp, path);
	}
out:
	entry_free(&e);
	return 0;
}
