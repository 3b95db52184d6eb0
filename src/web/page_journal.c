/*
 * The journal by day (/h/{hid}/journal?day=YYYY-MM-DD): the day's sleeps
 * with their wakings, feeds and notes, each saying who logged it, with
 * links to edit and delete (page_entry.c); and adding a sleep, a feed or
 * a note.  A sleep belongs to the local day it started, so a night that
 * crosses midnight is shown once, under its evening (as "lull log").
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

struct day {
	struct lull_childv kids;
	const struct lull_child *only; /* ?child=, or NULL: every child */
	struct lull_caregiverv cg;
	struct lull_sleepv sl;
	struct lull_feedv fd;
	struct lull_tagv tg;
	int32_t day, today;
};

static void
day_free(struct day *d)
{
	lull_childv_free(&d->kids);
	lull_caregiverv_free(&d->cg);
	lull_sleepv_free(&d->sl);
	lull_feedv_free(&d->fd);
	lull_tagv_free(&d->tg);
}

static const char *
child_name(const struct lull_childv *kids, int64_t id)
{
	size_t i;

	for (i = 0; i < kids->n; i++)
		if (kids->v[i].id == id)
			return kids->v[i].name;
	return "";
}

/* "06:45" or "06:45 (Sun)" when the time falls on another day. */
static void
hm_day(const struct web_req *req, int64_t utc, int32_t day, char *buf,
    size_t bufsz)
{
	static const char *const wd[7] = { "Sun", "Mon", "Tue", "Wed", "Thu",
		"Fri", "Sat" };
	int32_t d = lull_local_day(req->tz, utc);
	char hm[16];

	page_hm(req, utc, hm, sizeof(hm));
	if (d == day)
		snprintf(buf, bufsz, "%s", hm);
	else
		snprintf(buf, bufsz, "%s (%s)", hm, wd[lull_weekday(d)]);
}

void
page_sleep_line(struct web_buf *b, const struct web_req *req,
    const struct lull_sleep *s)
{
	int32_t day = lull_local_day(req->tz, s->start_utc);
	int64_t end = s->end_utc == LULL_NO_TIME ? req->now : s->end_utc;
	char a[32], z[32], d[32];

	hm_day(req, s->start_utc, day, a, sizeof(a));
	if (s->end_utc == LULL_NO_TIME)
		snprintf(z, sizeof(z), "now");
	else
		hm_day(req, s->end_utc, day, z, sizeof(z));
	page_dur(end - s->start_utc, d, sizeof(d));
	web_buf_printf(b, "%s&ndash;%s, %s, %s%s", a, z,
	    lull_sleep_kind_name(s->kind), d,
	    s->end_utc == LULL_NO_TIME ? " so far" : "");
}

void
page_waking_line(struct web_buf *b, const struct web_req *req,
    const struct lull_waking *w)
{
	char a[16], z[16], d[32];

	page_hm(req, w->start_utc, a, sizeof(a));
	if (w->end_utc == LULL_NO_TIME) {
		snprintf(z, sizeof(z), "now");
		page_dur(req->now - w->start_utc, d, sizeof(d));
	} else {
		page_hm(req, w->end_utc, z, sizeof(z));
		page_dur(w->end_utc - w->start_utc, d, sizeof(d));
	}
	web_buf_printf(b, "woke %s&ndash;%s, %s", a, z, d);
	if (w->response != LULL_RESP_UNKNOWN) {
		web_buf_puts(b, ", ");
		web_buf_esc(b, lull_response_label(w->response));
	}
}

void
page_feed_line(struct web_buf *b, const struct web_req *req,
    const struct lull_feed *f)
{
	char a[16], d[32];

	page_hm(req, f->start_utc, a, sizeof(a));
	web_buf_printf(b, "%s %s feed", a, lull_feed_kind_name(f->kind));
	if (f->side != LULL_SIDE_NONE)
		web_buf_printf(b, ", %s", lull_side_name(f->side));
	if (f->end_utc != LULL_NO_TIME) {
		page_dur(f->end_utc - f->start_utc, d, sizeof(d));
		web_buf_printf(b, ", %s", d);
	}
	if (f->amount_ml != LULL_UNKNOWN)
		web_buf_printf(b, ", %d ml", (int)f->amount_ml);
}

void
page_tag_line(struct web_buf *b, const struct lull_tag *t)
{
	char a[16], z[16];

	web_buf_esc(b, page_tag_label(t->kind));
	if (t->from_day != t->to_day) {
		lull_date_format(t->from_day, a, sizeof(a));
		lull_date_format(t->to_day, z, sizeof(z));
		web_buf_printf(b, " (%s to %s)", a, z);
	}
	if (t->note != NULL) {
		web_buf_puts(b, ": ");
		web_buf_esc(b, t->note);
	}
}

const char *
page_tag_label(enum lull_tag_kind k)
{
	static const char *const labels[LULL_TAG_KIND__MAX] = {
		[LULL_TAG_ILL] = "Unwell",
		[LULL_TAG_TEETHING] = "Teething",
		[LULL_TAG_TRAVEL] = "Travelling",
		[LULL_TAG_MILESTONE] = "A new skill",
		[LULL_TAG_CHILDCARE] = "Childcare",
		[LULL_TAG_VACCINATION] = "Vaccination",
		[LULL_TAG_OTHER] = "Note",
	};

	return (unsigned)k < LULL_TAG_KIND__MAX ? labels[k] : "Note";
}

/* Edit and delete links for one entry; "what" names it for screen
 * readers ("the sleep from 19:30"). */
static void
entry_links(struct web_buf *b, const struct web_req *req, const char *kind,
    int64_t id, const char *what)
{
	char base[32];

	if (!page_can_write(req))
		return;
	page_base(req, base, sizeof(base));
	web_buf_printf(b, "<p class=\"row entry-links\">"
			  "<a class=\"button secondary\" "
			  "href=\"%s/%s/%" PRId64 "/edit\" aria-label=\"Edit ",
	    base, kind, id);
	web_buf_esc(b, what);
	web_buf_printf(b, "\">Edit</a>"
			  "<a class=\"button secondary\" "
			  "href=\"%s/%s/%" PRId64 "/delete\" aria-label=\"Delete ",
	    base, kind, id);
	web_buf_esc(b, what);
	web_buf_puts(b, "\">Delete</a></p>");
}

static void
sleep_details(struct web_buf *b, const struct day *d,
    const struct lull_sleep *s)
{
	const char *sep = "", *by = page_who(&d->cg, s->settled_by);
	size_t i;

	if (s->onset == 0 && s->place == LULL_PLACE_UNKNOWN && by == NULL &&
	    s->routine == LULL_UNKNOWN && s->latency_min == LULL_UNKNOWN &&
	    s->crying_min == LULL_UNKNOWN && s->note == NULL)
		return;
	web_buf_puts(b, "<p class=\"entry-detail\">");
	for (i = 0; i < LULL_ONSET__MAX; i++)
		if (s->onset & (1u << i)) {
			web_buf_printf(b, "%s%s", sep,
			    lull_onset_label((enum lull_onset)i));
			sep = ", ";
		}
	if (s->place != LULL_PLACE_UNKNOWN) {
		web_buf_printf(b, "%s%s", *sep ? " · " : "",
		    lull_place_label(s->place));
		sep = " · ";
	}
	if (by != NULL) {
		web_buf_printf(b, "%ssettled by ", *sep ? " · " : "");
		web_buf_esc(b, by);
		sep = " · ";
	}
	if (s->routine != LULL_UNKNOWN) {
		web_buf_printf(b, "%sroutine %s", *sep ? " · " : "",
		    s->routine ? "done" : "skipped");
		sep = " · ";
	}
	if (s->latency_min != LULL_UNKNOWN) {
		web_buf_printf(b, "%s%d min to fall asleep", *sep ? " · " : "",
		    (int)s->latency_min);
		sep = " · ";
	}
	if (s->crying_min == 0) {
		web_buf_printf(b, "%sno crying", *sep ? " · " : "");
		sep = " · ";
	} else if (s->crying_min != LULL_UNKNOWN) {
		web_buf_printf(b, "%sabout %d min crying", *sep ? " · " : "",
		    (int)s->crying_min);
		sep = " · ";
	}
	if (s->note != NULL) {
		web_buf_printf(b, "%s&ldquo;", *sep ? " · " : "");
		web_buf_esc(b, s->note);
		web_buf_puts(b, "&rdquo;");
	}
	web_buf_puts(b, "</p>");
}

static void
sleeps_section(struct web_buf *b, const struct web_req *req,
    const struct day *d, int many)
{
	char what[64], hm[16];
	size_t i, k;
	int any = 0;

	web_buf_puts(b, "<section aria-labelledby=\"sl-h\">"
			"<h2 id=\"sl-h\">Sleeps</h2>\n");
	for (i = 0; i < d->sl.n; i++) {
		const struct lull_sleep *s = &d->sl.v[i];

		if (lull_local_day(req->tz, s->start_utc) != d->day)
			continue;
		if (!any++)
			web_buf_puts(b, "<ul class=\"cards entries\">\n");
		web_buf_printf(b, "<li id=\"sleep-%" PRId64 "\">"
				  "<p class=\"entry-head\"><strong>",
		    s->id);
		page_sleep_line(b, req, s);
		web_buf_puts(b, "</strong>");
		if (many) {
			web_buf_puts(b, " · ");
			web_buf_esc(b, child_name(&d->kids, s->child_id));
		}
		web_buf_puts(b, "</p>");
		sleep_details(b, d, s);
		web_buf_puts(b, "<p class=\"entry-meta\">");
		page_logged_by(b, &d->cg, &s->meta);
		web_buf_puts(b, "</p>");
		page_hm(req, s->start_utc, hm, sizeof(hm));
		snprintf(what, sizeof(what), "the %s from %s",
		    lull_sleep_kind_name(s->kind), hm);
		entry_links(b, req, "sleeps", s->id, what);
		if (s->nwakings > 0)
			web_buf_puts(b, "<ul class=\"wakings\">");
		for (k = 0; k < s->nwakings; k++) {
			const struct lull_waking *w = &s->wakings[k];
			const char *went = page_who(&d->cg, w->caregiver_id);

			web_buf_printf(b, "<li id=\"waking-%" PRId64 "\"><p>",
			    w->id);
			page_waking_line(b, req, w);
			if (went != NULL) {
				web_buf_puts(b, " · ");
				web_buf_esc(b, went);
				web_buf_puts(b, " went");
			}
			if (w->note != NULL) {
				web_buf_puts(b, " · &ldquo;");
				web_buf_esc(b, w->note);
				web_buf_puts(b, "&rdquo;");
			}
			web_buf_puts(b, "</p><p class=\"entry-meta\">");
			page_logged_by(b, &d->cg, &w->meta);
			web_buf_puts(b, "</p>");
			page_hm(req, w->start_utc, hm, sizeof(hm));
			snprintf(what, sizeof(what), "the waking at %s", hm);
			entry_links(b, req, "wakings", w->id, what);
			web_buf_puts(b, "</li>");
		}
		if (s->nwakings > 0)
			web_buf_puts(b, "</ul>");
		web_buf_puts(b, "</li>\n");
	}
	if (any)
		web_buf_puts(b, "</ul>\n");
	else
		web_buf_puts(b, "<p>No sleep logged on this day.</p>\n");
	web_buf_puts(b, "</section>\n");
}

static void
feeds_section(struct web_buf *b, const struct web_req *req,
    const struct day *d, int many)
{
	char what[64], hm[16];
	size_t i;
	int any = 0;

	web_buf_puts(b, "<section aria-labelledby=\"fd-h\">"
			"<h2 id=\"fd-h\">Feeds</h2>\n");
	for (i = 0; i < d->fd.n; i++) {
		const struct lull_feed *f = &d->fd.v[i];

		if (lull_local_day(req->tz, f->start_utc) != d->day)
			continue;
		if (!any++)
			web_buf_puts(b, "<ul class=\"cards entries\">\n");
		web_buf_printf(b, "<li id=\"feed-%" PRId64 "\">"
				  "<p class=\"entry-head\"><strong>",
		    f->id);
		page_feed_line(b, req, f);
		web_buf_puts(b, "</strong>");
		if (many) {
			web_buf_puts(b, " · ");
			web_buf_esc(b, child_name(&d->kids, f->child_id));
		}
		if (f->note != NULL) {
			web_buf_puts(b, " · &ldquo;");
			web_buf_esc(b, f->note);
			web_buf_puts(b, "&rdquo;");
		}
		web_buf_puts(b, "</p><p class=\"entry-meta\">");
		page_logged_by(b, &d->cg, &f->meta);
		web_buf_puts(b, "</p>");
		page_hm(req, f->start_utc, hm, sizeof(hm));
		snprintf(what, sizeof(what), "the feed at %s", hm);
		entry_links(b, req, "feeds", f->id, what);
		web_buf_puts(b, "</li>\n");
	}
	if (any)
		web_buf_puts(b, "</ul>\n");
	else
		web_buf_puts(b, "<p>No feed logged on this day.</p>\n");
	web_buf_puts(b, "</section>\n");
}

static void
tags_section(struct web_buf *b, const struct web_req *req,
    const struct day *d, int many)
{
	size_t i;
	int any = 0;

	web_buf_puts(b, "<section aria-labelledby=\"tg-h\">"
			"<h2 id=\"tg-h\">Notes</h2>\n");
	for (i = 0; i < d->tg.n; i++) {
		const struct lull_tag *t = &d->tg.v[i];

		if (!any++)
			web_buf_puts(b, "<ul class=\"cards entries\">\n");
		web_buf_printf(b, "<li id=\"tag-%" PRId64 "\">"
				  "<p class=\"entry-head\">",
		    t->id);
		page_tag_line(b, t);
		if (many) {
			web_buf_puts(b, " · ");
			web_buf_esc(b, child_name(&d->kids, t->child_id));
		}
		web_buf_puts(b, "</p><p class=\"entry-meta\">");
		page_logged_by(b, &d->cg, &t->meta);
		web_buf_puts(b, "</p>");
		entry_links(b, req, "tags", t->id, "the note");
		web_buf_puts(b, "</li>\n");
	}
	if (any)
		web_buf_puts(b, "</ul>\n");
	else
		web_buf_puts(b, "<p>No note for this day.</p>\n");
	web_buf_puts(b, "</section>\n");
}

/* A <select> of the household's children, or a hidden field for one. */
static void
child_field(struct web_buf *b, const struct lull_childv *kids,
    const struct lull_child *sel, const char *id)
{
	size_t i;

	if (kids->n == 1) {
		web_buf_printf(b, "<input type=\"hidden\" name=\"child\" "
				  "value=\"%" PRId64 "\">",
		    kids->v[0].id);
		return;
	}
	web_buf_printf(b, "<label for=\"%s\">Child</label>"
			  "<select id=\"%s\" name=\"child\">",
	    id, id);
	for (i = 0; i < kids->n; i++) {
		web_buf_printf(b, "<option value=\"%" PRId64 "\"%s>",
		    kids->v[i].id, &kids->v[i] == sel ? " selected" : "");
		web_buf_esc(b, kids->v[i].name);
		web_buf_puts(b, "</option>");
	}
	web_buf_puts(b, "</select>");
}

static void
add_section(struct web_buf *b, const struct web_req *req,
    const struct day *d)
{
	char day[16];

	lull_date_format(d->day, day, sizeof(day));
	web_buf_puts(b, "<section aria-labelledby=\"add-h\">"
			"<h2 id=\"add-h\">Add a sleep</h2>\n");
	page_form_open(b, req, "sleeps", "stack");
	web_buf_printf(b, "<input type=\"hidden\" name=\"day\" value=\"%s\">",
	    day);
	child_field(b, &d->kids, d->only ? d->only : &d->kids.v[0],
	    "add-child");
	web_buf_puts(b,
	    "<label for=\"add-start\">Fell asleep</label>"
	    "<input type=\"text\" id=\"add-start\" name=\"start\" "
	    "autocomplete=\"off\" required aria-describedby=\"add-hint\">"
	    "<label for=\"add-end\">Woke up</label>"
	    "<input type=\"text\" id=\"add-end\" name=\"end\" "
	    "autocomplete=\"off\" required aria-describedby=\"add-hint\">"
	    "<p class=\"hint\" id=\"add-hint\">A time like 13:10 (on this "
	    "day; the waking time is the next one after falling asleep), or "
	    "a date and time like 2026-03-28 19:30.</p>"
	    "<label for=\"add-kind\">Nap or night</label>"
	    "<select id=\"add-kind\" name=\"kind\">"
	    "<option value=\"\">Let lull tell from the times</option>"
	    "<option value=\"nap\">Nap</option>"
	    "<option value=\"night\">Night</option></select>"
	    "<button type=\"submit\">Add sleep</button></form></section>\n");
}

static int
day_load(struct web_req *req, struct web_resp *resp, struct day *d)
{
	const char *q = web_query(req, "day"), *cq = web_query(req, "child");
	struct lull_errinfo ei;
	enum lull_err rc;
	int64_t a, z, child = 0;
	int x;

	memset(d, 0, sizeof(*d));
	d->today = lull_local_day(req->tz, req->now);
	d->day = d->today;
	if (q != NULL && *q != '\0' &&
	    lull_date_parse(q, "day", &d->day, &ei) != LULL_OK) {
		web_error(req, resp, 422, "day", "%s", ei.msg);
		return 422;
	}
	if ((x = page_children(req, resp, &d->kids, &d->only)))
		return x;
	if (cq == NULL || *cq == '\0')
		d->only = NULL;
	else if (d->only != NULL)
		child = d->only->id;
	a = lull_tz_day_start(req->tz, d->day);
	z = lull_tz_day_start(req->tz, d->day + 1);
	if ((rc = lull_store_caregiver_list(req->st, req->household_id,
		 &d->cg)) ||
	    (rc = lull_store_sleep_range(req->st, req->household_id, child, a,
		 z, &d->sl)) ||
	    (rc = lull_store_feed_range(req->st, req->household_id, child, a,
		 z, &d->fd)) ||
	    (rc = lull_store_tag_range(req->st, req->household_id, child,
		 d->day, d->day, &d->tg)))
		return page_store_fail(req, resp, rc);
	return 0;
}

static const char *
said_text(const char *key)
{
	static const char *const said[][2] = {
		{ "added", "Sleep added." },
		{ "feed", "Feed logged." },
		{ "note", "Note saved." },
		{ "saved", "Saved." },
		{ "deleted", "Deleted." },
	};
	size_t i;

	for (i = 0; key != NULL && i < sizeof(said) / sizeof(said[0]); i++)
		if (strcmp(key, said[i][0]) == 0)
			return said[i][1];
	return NULL;
}

int
page_journal(struct web_req *req, struct web_resp *resp)
{
	struct web_buf b = { 0 };
	char base[32], date[32], prev[16], next[16], cq[32];
	const char *msg;
	struct day d;
	int many;

	if (day_load(req, resp, &d)) {
		day_free(&d);
		return 0;
	}
	page_base(req, base, sizeof(base));
	many = d.only == NULL && d.kids.n > 1;
	cq[0] = '\0';
	if (d.only != NULL)
		snprintf(cq, sizeof(cq), "&amp;child=%" PRId64, d.only->id);
	lull_date_format_long(d.day, date, sizeof(date));
	lull_date_format(d.day - 1, prev, sizeof(prev));
	lull_date_format(d.day + 1, next, sizeof(next));
	web_page_open(&b, req, "Journal");
	web_buf_printf(&b, "<h1>Journal <span class=\"day-name\">%s</span>"
			   "</h1>\n",
	    date);
	if ((msg = said_text(web_query(req, "said"))) != NULL)
		page_notice(&b, msg);
	web_buf_printf(&b, "<nav class=\"days row\" aria-label=\"Days\">"
			   "<a class=\"button secondary\" rel=\"prev\" "
			   "href=\"%s/journal?day=%s%s\">&larr; Previous day"
			   "</a>",
	    base, prev, cq);
	if (d.day < d.today)
		web_buf_printf(&b, "<a class=\"button secondary\" rel=\"next\" "
				   "href=\"%s/journal?day=%s%s\">Next day "
				   "&rarr;</a>",
		    base, next, cq);
	web_buf_puts(&b, "</nav>\n");
	if (d.kids.n == 0)
		web_buf_printf(&b, "<p>There is no child in this household "
				   "yet. <a href=\"%s\">The household</a>"
				   "</p>\n",
		    base);
	else {
		sleeps_section(&b, req, &d, many);
		feeds_section(&b, req, &d, many);
		tags_section(&b, req, &d, many);
		if (page_can_write(req))
			add_section(&b, req, &d);
	}
	web_page_close(&b, req);
	day_free(&d);
	web_buf_html(&b, resp, 200);
	return 0;
}

/* ---- adding ---------------------------------------------------------- */

/* After an add: the page the form came from ("back"), on the entry's
 * day for the journal. */
static void
added(struct web_req *req, struct web_resp *resp, int64_t child,
    int32_t day, const char *said)
{
	const char *back = web_form(req, "back");
	char path[128], date[16];

	lull_date_format(day, date, sizeof(date));
	if (back != NULL && strcmp(back, "today") == 0)
		snprintf(path, sizeof(path),
		    "today?child=%" PRId64 "&said=%s", child, said);
	else
		snprintf(path, sizeof(path), "journal?day=%s&said=%s", date,
		    said);
	page_back(req, resp, path);
}

/* The day a bare "HH:MM" is on: the journal's day when it is not
 * today; today, a time's latest occurrence (as the command line). */
static int32_t
form_day(struct web_req *req)
{
	const char *v = web_form(req, "day");
	int32_t day;

	if (v == NULL || lull_date_parse(v, "day", &day, NULL) != LULL_OK ||
	    day == lull_local_day(req->tz, req->now))
		return LULL_NO_DAY;
	return day;
}

static int
need_child(struct web_req *req, struct web_resp *resp,
    struct lull_childv *kids, const struct lull_child **c)
{
	int x;

	if ((x = page_children(req, resp, kids, c)))
		return x;
	if (*c == NULL) {
		web_error(req, resp, 422, "child", "Add a child first.");
		return 422;
	}
	return 0;
}

int
page_sleep_add(struct web_req *req, struct web_resp *resp)
{
	struct lull_childv kids = { 0 };
	const struct lull_child *c;
	const char *kind = web_form(req, "kind");
	struct lull_errinfo ei;
	struct lull_sleep s;
	enum lull_err rc;
	int32_t day = form_day(req);

	lull_sleep_init(&s);
	if (need_child(req, resp, &kids, &c))
		goto out;
	s.child_id = c->id;
	if ((rc = page_time_parse(req, web_form(req, "start"), "start",
		 INT64_MIN, day, LULL_NO_TIME, &s.start_utc, &ei)) ||
	    (rc = page_time_parse(req, web_form(req, "end"), "end",
		 s.start_utc, LULL_NO_DAY, LULL_NO_TIME, &s.end_utc, &ei))) {
		web_fail(req, resp, rc, &ei);
		goto out;
	}
	if (kind != NULL && *kind != '\0') {
		int k = lull_sleep_kind_parse(kind);

		if (k < 0) {
			web_error(req, resp, 422, "kind",
			    "Nap or night, please.");
			goto out;
		}
		s.kind = (enum lull_sleep_kind)k;
		s.kind_given = 1;
	}
	if ((rc = lull_store_sleep_add(req->st, &s, req->tz, &req->actor)))
		page_store_fail(req, resp, rc);
	else
		added(req, resp, c->id, lull_local_day(req->tz, s.start_utc),
		    "added");
out:
	lull_sleep_free(&s);
	lull_childv_free(&kids);
	return 0;
}

int
page_feed_add(struct web_req *req, struct web_resp *resp)
{
	struct lull_childv kids = { 0 };
	const struct lull_child *c;
	const char *v;
	struct lull_errinfo ei;
	struct lull_feed f;
	enum lull_err rc;
	int k;

	lull_feed_init(&f);
	if (need_child(req, resp, &kids, &c))
		goto out;
	f.child_id = c->id;
	v = web_form(req, "at");
	if ((rc = page_time_parse(req, v && *v ? v : "now", "at", INT64_MIN,
		 form_day(req), LULL_NO_TIME, &f.start_utc, &ei))) {
		web_fail(req, resp, rc, &ei);
		goto out;
	}
	if ((v = web_form(req, "kind")) != NULL && *v != '\0') {
		if ((k = lull_feed_kind_parse(v)) < 0) {
			web_error(req, resp, 422, "kind",
			    "Breast, bottle or solids, please.");
			goto out;
		}
		f.kind = (enum lull_feed_kind)k;
	}
	if ((v = web_form(req, "side")) != NULL && *v != '\0') {
		if ((k = lull_side_parse(v)) < 0) {
			web_error(req, resp, 422, "side",
			    "Left, right, both or none, please.");
			goto out;
		}
		f.side = (enum lull_side)k;
	}
	if ((v = web_form(req, "note")) != NULL && *v != '\0' &&
	    (f.note = strdup(v)) == NULL) {
		web_error(req, resp, 500, NULL, "out of memory");
		goto out;
	}
	if ((rc = lull_store_feed_add(req->st, &f, req->tz, &req->actor)))
		page_store_fail(req, resp, rc);
	else
		added(req, resp, c->id, lull_local_day(req->tz, f.start_utc),
		    "feed");
out:
	lull_feed_free(&f);
	lull_childv_free(&kids);
	return 0;
}

int
page_tag_add(struct web_req *req, struct web_resp *resp)
{
	struct lull_childv kids = { 0 };
	const struct lull_child *c;
	const char *v, *note = web_form(req, "note");
	struct lull_errinfo ei;
	struct lull_tag t;
	enum lull_err rc;
	int k;

	lull_tag_init(&t);
	if (need_child(req, resp, &kids, &c))
		goto out;
	t.child_id = c->id;
	t.kind = LULL_TAG_OTHER;
	if ((v = web_form(req, "kind")) != NULL && *v != '\0') {
		if ((k = lull_tag_kind_parse(v)) < 0) {
			web_error(req, resp, 422, "kind",
			    "Choose what the note is about from the list.");
			goto out;
		}
		t.kind = (enum lull_tag_kind)k;
	}
	if (note != NULL && *note == '\0')
		note = NULL;
	if (note == NULL && t.kind == LULL_TAG_OTHER) {
		web_error(req, resp, 422, "note",
		    "Write a few words, or choose what the note is about.");
		goto out;
	}
	t.from_day = lull_local_day(req->tz, req->now);
	if ((v = web_form(req, "from")) != NULL && *v != '\0' &&
	    lull_date_parse(v, "from", &t.from_day, &ei) != LULL_OK) {
		web_fail(req, resp, LULL_EINVAL, &ei);
		goto out;
	}
	t.to_day = t.from_day;
	if ((v = web_form(req, "to")) != NULL && *v != '\0' &&
	    lull_date_parse(v, "to", &t.to_day, &ei) != LULL_OK) {
		web_fail(req, resp, LULL_EINVAL, &ei);
		goto out;
	}
	if (note != NULL && (t.note = strdup(note)) == NULL) {
		web_error(req, resp, 500, NULL, "out of memory");
		goto out;
	}
	if ((rc = lull_store_tag_add(req->st, &t, &req->actor)))
		page_store_fail(req, resp, rc);
	else
		added(req, resp, c->id, t.from_day, "note");
out:
	lull_tag_free(&t);
	lull_childv_free(&kids);
	return 0;
}
