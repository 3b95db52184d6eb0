/*
 * The two of you (/h/{hid}/couple): the weekly couple check-in (what I
 * appreciated, what I need next week, one small thing to mend, one
 * moment of connection), notes of appreciation to another adult, and the
 * rituals the adults chose, with today's as reminders.  What is private
 * and what is shared are separate sections, as "lull couple list" keeps
 * them: just for you, shared between you, notes to you, notes you wrote.
 *
 * A couple check-in and a note are personal records (care.h): any member
 * keeps their own (WEB_READ), the store decides who sees them, and a
 * check-in is shared with the partner or with nobody, never with a
 * consultant; a note is seen by the one it is written to and by nobody
 * else.  Rituals are the household's: every member sees them, writers
 * (owner, caregiver) add and remove them (WEB_WRITE).
 * SPDX-License-Identifier: ISC
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/care_run.h"
#include "lull/store.h"
#include "web/page_int.h"
#include "web/web.h"

#define WEEKS 4 /* as "lull couple list" */

enum section { SEC_PRIVATE, SEC_SHARED, SEC_TO_YOU, SEC_BY_YOU, SEC__MAX };

/* A form that came back with a mistake, as typed. */
struct couple_form {
	const char *which; /* "checkin", "note", "ritual" */
	const char *msg;
	const char *part[4]; /* appreciation, need, repair, connection */
	const char *share;
	const char *to, *text;
	const char *name, *every, *day, *at, *note;
};

static const char *const part_names[4] = { "appreciation", "need", "repair",
	"connection" };
static const char *const part_labels[4] = {
	"Something your partner did this week that you were glad of",
	"What would help you most next week",
	"One small thing that went wrong between you, to mend",
	"One moment together to plan for",
};
static const char *const part_words[4] = { "Appreciated", "Needs next week",
	"To mend", "A moment planned" };
static const char *const weekdays[7] = { "Monday", "Tuesday", "Wednesday",
	"Thursday", "Friday", "Saturday", "Sunday" };

static char **
part_of(struct lull_personal *p, int k)
{
	switch (k) {
	case 0:
		return &p->appreciation;
	case 1:
		return &p->need;
	case 2:
		return &p->repair;
	default:
		return &p->connection;
	}
}

static const char *
part_text(const struct lull_personal *p, int k)
{
	return *part_of((struct lull_personal *)(uintptr_t)p, k);
}

static const char *
who(const struct lull_caregiverv *cg, int64_t id)
{
	const char *n = page_who(cg, id);

	return n != NULL ? n : "someone";
}

static const char *
couple_said(const char *key)
{
	static const char *const said[][2] = {
		{ "checkin", "Kept: your check-in for this week." },
		{ "note", "Your note is kept; only they will see it." },
		{ "ritual", "Added the ritual." },
		{ "ritual-deleted", "Removed the ritual." },
		{ "shared", "Saved: who sees it." },
		{ "deleted", "Deleted." },
	};
	size_t i;

	for (i = 0; key != NULL && i < sizeof(said) / sizeof(said[0]); i++)
		if (strcmp(key, said[i][0]) == 0)
			return said[i][1];
	return NULL;
}

static enum section
section_of(const struct lull_personal *p, int64_t me)
{
	if (p->kind == LULL_PERSONAL_APPRECIATION)
		return p->to_id == me ? SEC_TO_YOU : SEC_BY_YOU;
	return p->author_id == me && p->share == 0 ? SEC_PRIVATE : SEC_SHARED;
}

static void
entry(struct web_buf *b, const struct web_req *req,
    const struct lull_caregiverv *cg, const struct lull_personal *p,
    int64_t me, enum section s)
{
	char date[32], hm[16];
	int k;

	lull_date_format_long(p->day, date, sizeof(date));
	web_buf_puts(b, "<li>");
	if (p->kind == LULL_PERSONAL_APPRECIATION) {
		page_hm(req, p->start_utc, hm, sizeof(hm));
		web_buf_printf(b, "<p><strong>%s %s</strong>, %s ", date, hm,
		    s == SEC_TO_YOU ? "from" : "to");
		web_buf_esc(b, who(cg, s == SEC_TO_YOU ? p->author_id :
							  p->to_id));
		web_buf_puts(b, "</p><p class=\"note\">&ldquo;");
		web_buf_esc(b, p->appreciation);
		web_buf_puts(b, "&rdquo;</p><p>");
		page_visibility(b, cg, p, me);
		web_buf_puts(b, "</p>");
	} else {
		web_buf_printf(b, "<p><strong>Week of %s</strong>, ", date);
		if (p->author_id == me)
			web_buf_puts(b, "yours");
		else {
			web_buf_puts(b, "from ");
			web_buf_esc(b, who(cg, p->author_id));
		}
		web_buf_puts(b, "</p><dl class=\"parts\">");
		for (k = 0; k < 4; k++) {
			if (part_text(p, k) == NULL)
				continue;
			web_buf_printf(b, "<dt>%s</dt><dd>", part_words[k]);
			web_buf_esc(b, part_text(p, k));
			web_buf_puts(b, "</dd>");
		}
		web_buf_puts(b, "</dl><p>");
		page_visibility(b, cg, p, me);
		web_buf_puts(b, "</p>");
	}
	if (p->author_id == me)
		page_own_record_forms(b, req, p, "couple");
	web_buf_puts(b, "</li>\n");
}

static void
checkin_form(struct web_buf *b, const struct web_req *req,
    const struct lull_personal *mine, int32_t week,
    const struct couple_form *f)
{
	const struct couple_form *typed =
	    f != NULL && strcmp(f->which, "checkin") == 0 ? f : NULL;
	unsigned share = mine ? mine->share : 0;
	struct lull_errinfo ei;
	char date[32];
	int k;

	if (typed != NULL && typed->share != NULL &&
	    lull_share_parse(typed->share, &share, &ei) != LULL_OK)
		share = 0;
	lull_date_format_long(week, date, sizeof(date));
	web_buf_printf(b, "<section aria-labelledby=\"cc-h\">"
			  "<h2 id=\"cc-h\">This week&rsquo;s check-in</h2>\n"
			  "<p class=\"hint\">The week of %s. Any of the four "
			  "parts; a few words are plenty. Written again this "
			  "week, it changes this week&rsquo;s.</p>\n",
	    date);
	if (typed != NULL && typed->msg != NULL)
		page_form_error(b, typed->msg);
	page_form_open(b, req, "couple/checkin", "stack couple-form");
	for (k = 0; k < 4; k++) {
		web_buf_printf(b, "<label for=\"cc-%s\">%s</label>"
				  "<textarea id=\"cc-%s\" name=\"%s\" "
				  "rows=\"2\">",
		    part_names[k], part_labels[k], part_names[k],
		    part_names[k]);
		web_buf_esc(b, typed ? typed->part[k] :
		    mine	 ? part_text(mine, k) :
				   NULL);
		web_buf_puts(b, "</textarea>");
	}
	page_share_choice(b, "cc-share", LULL_PERSONAL_COUPLE, share);
	web_buf_printf(b, "<button type=\"submit\">%s</button></form>"
			  "</section>\n",
	    mine ? "Save my check-in" : "Keep my check-in");
}

static void
note_form(struct web_buf *b, const struct web_req *req,
    const struct lull_caregiverv *cg, int64_t me, const struct couple_form *f)
{
	const struct couple_form *typed =
	    f != NULL && strcmp(f->which, "note") == 0 ? f : NULL;
	int64_t to = typed ? page_id(typed->to) : 0;
	size_t i, n = 0;

	web_buf_puts(b, "<section aria-labelledby=\"nt-h\">"
			"<h2 id=\"nt-h\">A note of appreciation</h2>\n");
	for (i = 0; i < cg->n; i++)
		if (cg->v[i].id != me)
			n++;
	if (n == 0) {
		web_buf_puts(b, "<p>There is nobody else in the household to "
				"write to yet.</p></section>\n");
		return;
	}
	if (typed != NULL && typed->msg != NULL)
		page_form_error(b, typed->msg);
	page_form_open(b, req, "couple/notes", "stack note-form");
	web_buf_puts(b, "<label for=\"nt-to\">To</label>"
			"<select id=\"nt-to\" name=\"to\">");
	for (i = 0; i < cg->n; i++) {
		if (cg->v[i].id == me)
			continue;
		web_buf_printf(b, "<option value=\"%" PRId64 "\"%s>",
		    cg->v[i].id, cg->v[i].id == to ? " selected" : "");
		web_buf_esc(b, cg->v[i].name);
		web_buf_puts(b, "</option>");
	}
	web_buf_puts(b, "</select><label for=\"nt-text\">Your note</label>"
			"<textarea id=\"nt-text\" name=\"text\" rows=\"2\" "
			"required aria-describedby=\"nt-hint\">");
	web_buf_esc(b, typed ? typed->text : NULL);
	web_buf_puts(b, "</textarea><p class=\"hint\" id=\"nt-hint\">Only "
			"they will see it.</p>"
			"<button type=\"submit\">Send the note</button></form>"
			"</section>\n");
}

static void
ritual_line(struct web_buf *b, const struct lull_ritual *r)
{
	web_buf_esc(b, r->name);
	if (r->note != NULL) {
		web_buf_puts(b, ": ");
		web_buf_esc(b, r->note);
	}
}

/* Today's rituals, by time, as reminders at the top of the page. */
static void
today_rituals(struct web_buf *b, struct lull_ritualv *v, int32_t today)
{
	char date[32];
	size_t i, n = 0;

	if (v->n == 0)
		return;
	lull_ritual_sort(v);
	lull_date_format_long(today, date, sizeof(date));
	web_buf_printf(b, "<section class=\"reminders\" "
			  "aria-labelledby=\"rt-h\"><h2 id=\"rt-h\">Today, "
			  "%s</h2>\n<ul class=\"today-rituals\">",
	    date);
	for (i = 0; i < v->n; i++) {
		const struct lull_ritual *r = &v->v[i];

		if (!lull_ritual_due(r, today))
			continue;
		n++;
		if (r->at_min != LULL_UNKNOWN)
			web_buf_printf(b, "<li><strong>%02d:%02d</strong> ",
			    (int)(r->at_min / 60), (int)(r->at_min % 60));
		else
			web_buf_puts(b, "<li><strong>any time</strong> ");
		ritual_line(b, r);
		web_buf_puts(b, "</li>");
	}
	web_buf_puts(b, "</ul>\n");
	if (n == 0)
		web_buf_puts(b, "<p>No rituals today.</p>\n");
	web_buf_puts(b, "</section>\n");
}

static void
rituals_section(struct web_buf *b, const struct web_req *req,
    struct lull_ritualv *v, const struct couple_form *f)
{
	const struct couple_form *typed =
	    f != NULL && strcmp(f->which, "ritual") == 0 ? f : NULL;
	int write = page_can_write(req);
	char when[48], base[32];
	size_t i;
	int d;

	page_base(req, base, sizeof(base));
	lull_ritual_sort(v);
	web_buf_puts(b, "<section id=\"rituals\" aria-labelledby=\"ri-h\">"
			"<h2 id=\"ri-h\">Rituals</h2>\n"
			"<p class=\"hint\">Small rituals of connection you "
			"chose together: the household&rsquo;s, not "
			"anyone&rsquo;s private record.</p>\n");
	web_buf_puts(b, "<ul class=\"cards rituals\">");
	for (i = 0; i < v->n; i++) {
		const struct lull_ritual *r = &v->v[i];

		lull_ritual_when(r, when, sizeof(when));
		web_buf_puts(b, "<li><p><strong>");
		web_buf_esc(b, r->name);
		web_buf_printf(b, "</strong>, %s</p>", when);
		if (r->note != NULL) {
			web_buf_puts(b, "<p class=\"note\">");
			web_buf_esc(b, r->note);
			web_buf_puts(b, "</p>");
		}
		if (write) {
			web_buf_printf(b, "<form method=\"post\" action=\"%s/"
					  "rituals/%" PRId64 "/delete\" "
					  "class=\"inline\" data-confirm=\""
					  "Remove this ritual?\">",
			    base, r->id);
			web_page_csrf(b, req);
			web_buf_puts(b, "<button type=\"submit\" "
					"class=\"danger\">Remove</button>"
					"</form>");
		}
		web_buf_puts(b, "</li>\n");
	}
	web_buf_puts(b, "</ul>\n");
	if (v->n == 0)
		web_buf_puts(b, "<p>No rituals yet. A small one helps: tea "
				"after the baby&rsquo;s bedtime, a walk on "
				"Sunday.</p>\n");
	if (!write) {
		web_buf_puts(b, "</section>\n");
		return;
	}
	web_buf_puts(b, "<h3>Add one</h3>\n");
	if (typed != NULL && typed->msg != NULL)
		page_form_error(b, typed->msg);
	page_form_open(b, req, "rituals", "stack ritual-form");
	web_buf_puts(b, "<label for=\"ri-name\">Name</label>"
			"<input type=\"text\" id=\"ri-name\" name=\"name\" "
			"required autocomplete=\"off\" value=\"");
	web_buf_esc(b, typed ? typed->name : NULL);
	d = !(typed && typed->every && strcmp(typed->every, "weekly") == 0);
	web_buf_printf(b, "\"><fieldset class=\"choices\"><legend>How often"
			  "</legend><label for=\"ri-daily\"><input "
			  "type=\"radio\" id=\"ri-daily\" name=\"every\" "
			  "value=\"daily\"%s> Every day</label><label "
			  "for=\"ri-weekly\"><input type=\"radio\" "
			  "id=\"ri-weekly\" name=\"every\" value=\"weekly\"%s> "
			  "Every week</label></fieldset>"
			  "<label for=\"ri-day\">Which day (for a weekly one)"
			  "</label><select id=\"ri-day\" name=\"day\">"
			  "<option value=\"\">Choose a day</option>",
	    d ? " checked" : "", d ? "" : " checked");
	for (i = 0; i < 7; i++)
		web_buf_printf(b, "<option value=\"%zu\"%s>%s</option>", i,
		    typed && typed->day && typed->day[0] == (char)('0' + i) &&
			    typed->day[1] == '\0' ?
			" selected" :
			"",
		    weekdays[i]);
	web_buf_puts(b, "</select><label for=\"ri-at\">At (optional)</label>"
			"<input type=\"text\" id=\"ri-at\" name=\"at\" "
			"autocomplete=\"off\" inputmode=\"numeric\" "
			"aria-describedby=\"ri-at-hint\" value=\"");
	web_buf_esc(b, typed ? typed->at : NULL);
	web_buf_puts(b, "\"><p class=\"hint\" id=\"ri-at-hint\">A time of day "
			"such as 20:30; empty for any time</p>"
			"<label for=\"ri-note\">A note (optional)</label>"
			"<input type=\"text\" id=\"ri-note\" name=\"note\" "
			"autocomplete=\"off\" value=\"");
	web_buf_esc(b, typed ? typed->note : NULL);
	web_buf_puts(b, "\"><button type=\"submit\">Add the ritual</button>"
			"</form></section>\n");
}

static int
couple_render(struct web_req *req, struct web_resp *resp, int status,
    const struct couple_form *f)
{
	static const char *const titles[SEC__MAX] = {
		"Just for you (private, not shared)",
		"Shared between you",
		"Notes to you",
		"Notes you wrote",
	};
	static const char *const ids[SEC__MAX] = { "s-private", "s-shared",
		"s-to-you", "s-by-you" };
	struct lull_personalv all = { 0 }, sec[SEC__MAX];
	struct lull_caregiverv cg = { 0 };
	struct lull_ritualv rv = { 0 };
	struct web_buf b = { 0 };
	const struct lull_personal *mine = NULL;
	const char *msg;
	enum lull_err rc;
	int64_t me = req->member.caregiver_id;
	int32_t today = lull_local_day(req->tz, req->now);
	int32_t week = lull_care_week(today);
	size_t i;
	int s;

	memset(sec, 0, sizeof(sec));
	if ((rc = lull_store_caregiver_list(req->st, req->household_id, &cg)) ||
	    (rc = lull_store_personal_list(req->st, req->household_id, me, -1,
		 week - 7 * (WEEKS - 1), today, &all)) ||
	    (rc = lull_store_ritual_list(req->st, req->household_id, &rv))) {
		page_store_fail(req, resp, rc);
		goto out;
	}
	for (i = 0; i < all.n; i++) {
		struct lull_personal *p = &all.v[i];

		if (p->kind != LULL_PERSONAL_COUPLE &&
		    p->kind != LULL_PERSONAL_APPRECIATION)
			continue;
		/* Notes between two others are not this page's. */
		if (p->kind == LULL_PERSONAL_APPRECIATION &&
		    p->author_id != me && p->to_id != me)
			continue;
		if (p->kind == LULL_PERSONAL_COUPLE && p->author_id == me &&
		    p->day == week)
			mine = p;
		/* Shallow: "all" keeps the records. */
		if (sec[section_of(p, me)].n == sec[section_of(p, me)].cap) {
			struct lull_personalv *sv = &sec[section_of(p, me)];
			size_t cap = sv->cap ? sv->cap * 2 : 8;
			struct lull_personal *nv =
			    realloc(sv->v, cap * sizeof(*nv));

			if (nv == NULL) {
				web_error(req, resp, 500, NULL,
				    "Out of memory. Please try again.");
				goto out;
			}
			sv->v = nv;
			sv->cap = cap;
		}
		sec[section_of(p, me)].v[sec[section_of(p, me)].n++] = *p;
	}
	web_page_open(&b, req, "The two of you");
	web_buf_puts(&b, "<h1>The two of you</h1>\n");
	page_care_nav(&b, req, "couple");
	if (f == NULL && (msg = couple_said(web_query(req, "said"))) != NULL)
		page_notice(&b, msg);
	web_buf_puts(&b, "<p class=\"lead\">What helps is small and regular: "
			 "noticing what the other does, saying what you need, "
			 "mending small hurts early, and keeping a little time "
			 "for each other.</p>\n");
	today_rituals(&b, &rv, today);
	checkin_form(&b, req, mine, week, f);
	note_form(&b, req, &cg, me, f);
	for (s = 0; s < SEC__MAX; s++) {
		web_buf_printf(&b, "<section class=\"couple-sec %s\" "
				   "aria-labelledby=\"%s-h\"><h2 id=\"%s-h\">"
				   "%s</h2>\n<ul class=\"cards records\">\n",
		    s == SEC_PRIVATE ? "private" : "shared", ids[s], ids[s],
		    titles[s]);
		for (i = sec[s].n; i-- > 0;)
			entry(&b, req, &cg, &sec[s].v[i], me, (enum section)s);
		web_buf_puts(&b, "</ul>\n");
		if (sec[s].n == 0)
			web_buf_printf(&b, "<p>Nothing in these %d weeks.</p>\n",
			    WEEKS);
		web_buf_puts(&b, "</section>\n");
	}
	rituals_section(&b, req, &rv, f);
	web_page_close(&b, req);
	web_buf_html(&b, resp, status);
out:
	for (s = 0; s < SEC__MAX; s++)
		free(sec[s].v);
	lull_personalv_free(&all);
	lull_caregiverv_free(&cg);
	lull_ritualv_free(&rv);
	return 0;
}

int
page_couple(struct web_req *req, struct web_resp *resp)
{
	return couple_render(req, resp, 200, NULL);
}

int
page_couple_checkin(struct web_req *req, struct web_resp *resp)
{
	struct couple_form f = { 0 };
	struct lull_personal p;
	struct lull_errinfo ei;
	enum lull_err rc;
	int64_t me = req->member.caregiver_id;
	int32_t week = lull_care_week(lull_local_day(req->tz, req->now));
	char msg[256];
	unsigned share;
	int k, found = 0, oom = 0, any = 0;

	f.which = "checkin";
	for (k = 0; k < 4; k++)
		f.part[k] = web_form(req, part_names[k]);
	f.share = web_form(req, "share");
	if ((rc = lull_personal_own_on(req->st, req->household_id, me,
		 LULL_PERSONAL_COUPLE, week, &p, &found, &ei)))
		return web_fail(req, resp, rc, &ei);
	if (page_share_read(req, LULL_PERSONAL_COUPLE, found ? p.share : 0,
		&share, msg, sizeof(msg))) {
		lull_personal_free(&p);
		f.msg = msg;
		return couple_render(req, resp, 422, &f);
	}
	if (!found) {
		p.kind = LULL_PERSONAL_COUPLE;
		p.household_id = req->household_id;
		p.author_id = me;
		p.day = week;
		p.start_utc = req->now; /* when it was first written */
	}
	p.share = share;
	/* A part left empty is cleared, as on the command line. */
	for (k = 0; k < 4; k++) {
		char **dst = part_of(&p, k);

		if (f.part[k] == NULL)
			continue;
		free(*dst);
		*dst = NULL;
		if (f.part[k][strspn(f.part[k], " \t\r\n")] != '\0' &&
		    (*dst = strdup(f.part[k])) == NULL)
			oom = 1;
	}
	for (k = 0; k < 4; k++)
		any |= part_text(&p, k) != NULL;
	if (!oom && !any) {
		lull_personal_free(&p);
		f.msg = "Write at least one of the four parts; a few words "
			"are plenty.";
		return couple_render(req, resp, 422, &f);
	}
	if (oom)
		rc = LULL_ENOMEM;
	else if (found)
		rc = lull_store_personal_update(req->st, &p, &req->actor);
	else
		rc = lull_store_personal_add(req->st, &p, &req->actor);
	lull_personal_free(&p);
	if (rc == LULL_EINVAL || rc == LULL_ECONFLICT) {
		snprintf(msg, sizeof(msg), "%s",
		    rc == LULL_ECONFLICT ?
			"This week's check-in changed meanwhile (another "
			"phone?); here it is as kept now." :
			lull_store_error(req->st)->msg);
		f.msg = msg;
		return couple_render(req, resp, rc == LULL_EINVAL ? 422 : 409,
		    &f);
	}
	if (rc != LULL_OK)
		return page_store_fail(req, resp, rc);
	return page_back(req, resp, "couple?said=checkin");
}

int
page_couple_note(struct web_req *req, struct web_resp *resp)
{
	struct couple_form f = { 0 };
	struct lull_caregiverv cg = { 0 };
	struct lull_personal p;
	enum lull_err rc;
	int64_t me = req->member.caregiver_id, to;
	char msg[256];

	f.which = "note";
	f.to = web_form(req, "to");
	f.text = web_form(req, "text");
	to = page_id(f.to);
	if ((rc = lull_store_caregiver_list(req->st, req->household_id, &cg)))
		return page_store_fail(req, resp, rc);
	if (to == 0 || page_who(&cg, to) == NULL) {
		lull_caregiverv_free(&cg);
		f.msg = "To: choose someone of the household.";
		return couple_render(req, resp, 422, &f);
	}
	lull_caregiverv_free(&cg);
	if (to == me) {
		f.msg = "A note goes to someone else (though you deserve one "
			"too).";
		return couple_render(req, resp, 422, &f);
	}
	if (f.text == NULL || f.text[strspn(f.text, " \t\r\n")] == '\0') {
		f.msg = "Your note is empty.";
		return couple_render(req, resp, 422, &f);
	}
	lull_personal_init(&p);
	p.kind = LULL_PERSONAL_APPRECIATION;
	p.household_id = req->household_id;
	p.author_id = me;
	p.to_id = to;
	p.day = lull_local_day(req->tz, req->now);
	p.start_utc = req->now;
	if ((p.appreciation = strdup(f.text)) == NULL)
		return web_error(req, resp, 500, NULL,
		    "Out of memory. Please try again.");
	rc = lull_store_personal_add(req->st, &p, &req->actor);
	lull_personal_free(&p);
	if (rc == LULL_EINVAL) {
		snprintf(msg, sizeof(msg), "%s", lull_store_error(req->st)->msg);
		f.msg = msg;
		return couple_render(req, resp, 422, &f);
	}
	if (rc != LULL_OK)
		return page_store_fail(req, resp, rc);
	return page_back(req, resp, "couple?said=note");
}

/* "20:30" -> minutes after midnight, -1 when not a time of day. */
static int32_t
at_parse(const char *text)
{
	int h, m, n = 0;

	if (sscanf(text, "%2d:%2d%n", &h, &m, &n) != 2 || text[n] != '\0' ||
	    h < 0 || h > 23 || m < 0 || m > 59 || strlen(text) < 4)
		return -1;
	return h * 60 + m;
}

int
page_ritual_add(struct web_req *req, struct web_resp *resp)
{
	struct couple_form f = { 0 };
	struct lull_ritual r;
	enum lull_err rc;
	char msg[256];
	int e;

	f.which = "ritual";
	f.name = web_form(req, "name");
	f.every = web_form(req, "every");
	f.day = web_form(req, "day");
	f.at = web_form(req, "at");
	f.note = web_form(req, "note");
	lull_ritual_init(&r);
	if (f.name == NULL || f.name[strspn(f.name, " \t")] == '\0') {
		f.msg = "Name: a ritual needs a name.";
		return couple_render(req, resp, 422, &f);
	}
	if (f.every == NULL || (e = lull_ritual_every_parse(f.every)) < 0) {
		f.msg = "How often: every day or every week.";
		return couple_render(req, resp, 422, &f);
	}
	r.every = (enum lull_ritual_every)e;
	if (r.every == LULL_RITUAL_WEEKLY) {
		if (f.day == NULL || f.day[0] < '0' || f.day[0] > '6' ||
		    f.day[1] != '\0') {
			f.msg = "Which day: a weekly ritual needs its day.";
			return couple_render(req, resp, 422, &f);
		}
		r.weekday = f.day[0] - '0';
	}
	if (f.at != NULL && f.at[0] != '\0' &&
	    (r.at_min = at_parse(f.at)) < 0) {
		snprintf(msg, sizeof(msg), "At: \"%.20s\" is not a time of day "
					   "like 20:30.",
		    f.at);
		f.msg = msg;
		return couple_render(req, resp, 422, &f);
	}
	if (f.at == NULL || f.at[0] == '\0')
		r.at_min = LULL_UNKNOWN;
	r.household_id = req->household_id;
	r.name = (char *)(uintptr_t)f.name;
	r.note = f.note != NULL && f.note[strspn(f.note, " \t")] != '\0' ?
	    (char *)(uintptr_t)f.note :
	    NULL;
	rc = lull_store_ritual_add(req->st, &r, &req->actor);
	if (rc == LULL_ECONFLICT) {
		snprintf(msg, sizeof(msg), "There is already a ritual called "
					   "\"%.60s\".",
		    f.name);
		f.msg = msg;
		return couple_render(req, resp, 409, &f);
	}
	if (rc == LULL_EINVAL) {
		snprintf(msg, sizeof(msg), "%s", lull_store_error(req->st)->msg);
		f.msg = msg;
		return couple_render(req, resp, 422, &f);
	}
	if (rc != LULL_OK)
		return page_store_fail(req, resp, rc);
	return page_back(req, resp, "couple?said=ritual#rituals");
}

int
page_ritual_delete(struct web_req *req, struct web_resp *resp)
{
	struct lull_ritual r;
	enum lull_err rc;
	int64_t id = web_param_id(req, 1);

	lull_ritual_init(&r);
	rc = id ? lull_store_ritual_get(req->st, id, &r) : LULL_ENOTFOUND;
	if (rc == LULL_OK && r.household_id != req->household_id)
		rc = LULL_ENOTFOUND;
	lull_ritual_free(&r);
	if (rc == LULL_ENOTFOUND)
		return web_error(req, resp, 404, "id",
		    "There is no such ritual here.");
	if (rc != LULL_OK)
		return page_store_fail(req, resp, rc);
	if ((rc = lull_store_ritual_delete(req->st, id)))
		return page_store_fail(req, resp, rc);
	return page_back(req, resp, "couple?said=ritual-deleted#rituals");
}
