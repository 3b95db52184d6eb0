/*
 * The household's children, on its settings page (/h/{hid}/settings,
 * auth.c's): who they are and how old, and for owners and caregivers a
 * form to add one (name, birth date, and the due date of a baby born
 * early, for the corrected age).  Read-only members and consultants see
 * the list only.  POST /h/{hid}/children adds; a mistake shows the
 * settings page again as typed, with the error next to its field.
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

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* A store or check message without its "field: " prefix. */
static const char *
msg_of(const struct lull_errinfo *ei)
{
	size_t fl = strlen(ei->field);

	if (fl > 0 && strncmp(ei->msg, ei->field, fl) == 0 &&
	    ei->msg[fl] == ':' && ei->msg[fl + 1] == ' ')
		return ei->msg + fl + 2;
	return ei->msg[0] ? ei->msg : lull_strerror(ei->code);
}

/* A labelled input, its hint and its error tied to it for screen
 * readers (as auth.c's forms do). */
static void
field(struct web_buf *b, const char *name, const char *label, const char *type,
    const char *value, const char *extra, const char *hint,
    const struct page_child_form *cf)
{
	int bad = cf != NULL && cf->msg != NULL &&
	    strcmp(or_empty(cf->field), name) == 0;

	web_buf_printf(b,
	    "<div class=\"field\"><label for=\"c-%s\">%s</label>\n", name,
	    label);
	if (hint != NULL)
		web_buf_printf(b, "<p class=\"hint\" id=\"c-%s-hint\">%s</p>\n",
		    name, hint);
	if (bad) {
		web_buf_printf(b, "<p class=\"error\" id=\"c-%s-err\">", name);
		web_buf_esc(b, cf->msg);
		web_buf_puts(b, "</p>\n");
	}
	web_buf_printf(b, "<input type=\"%s\" id=\"c-%s\" name=\"%s\"", type,
	    name, name);
	if (value != NULL && *value != '\0') {
		web_buf_puts(b, " value=\"");
		web_buf_esc(b, value);
		web_buf_puts(b, "\"");
	}
	if (hint != NULL || bad) {
		web_buf_puts(b, " aria-describedby=\"");
		if (hint != NULL)
			web_buf_printf(b, "c-%s-hint", name);
		if (bad)
			web_buf_printf(b, "%sc-%s-err", hint ? " " : "", name);
		web_buf_puts(b, "\"");
	}
	if (bad)
		web_buf_puts(b, " aria-invalid=\"true\"");
	web_buf_printf(b, " %s></div>\n", extra ? extra : "");
}

/* "15 July 2025". */
static void
date_words(int32_t day, char *buf, size_t bufsz)
{
	static const char *const month[] = { "January", "February", "March",
		"April", "May", "June", "July", "August", "September",
		"October", "November", "December" };
	int y, m, d;

	lull_civil_from_days(day, &y, &m, &d);
	if (m < 1 || m > 12)
		lull_date_format(day, buf, bufsz);
	else
		snprintf(buf, bufsz, "%d %s %d", d, month[m - 1], y);
}

/* One child: "Mia, 7 mo" and the dates. */
static void
child_item(struct web_buf *b, const struct lull_child *c, int32_t today)
{
	char age[32], born[48], due[48];
	int corrected;

	lull_age_format(lull_child_age_days(c, today, &corrected), age,
	    sizeof(age));
	date_words(c->born_day, born, sizeof(born));
	web_buf_printf(b, "<li id=\"child-%" PRId64 "\"><p><strong>", c->id);
	web_buf_esc(b, c->name);
	web_buf_printf(b, "</strong>, %s%s<br><span class=\"muted\">born %s",
	    age, corrected ? " (corrected age)" : "", born);
	if (c->due_day != LULL_NO_DAY) {
		date_words(c->due_day, due, sizeof(due));
		web_buf_printf(b, ", due %s", due);
	}
	web_buf_puts(b, "</span></p></li>\n");
}

void
page_children_section(struct web_buf *b, struct web_req *req,
    const struct page_child_form *cf)
{
	int32_t today = lull_local_day(req->tz, req->now);
	const char *added = cf == NULL ? web_query(req, "added") : NULL;
	struct lull_childv kids = { 0 };
	char base[32], max[16], extra[64];
	size_t i, n;

	page_base(req, base, sizeof(base));
	web_buf_puts(b, "<section id=\"children\" aria-labelledby=\"ch-h\">"
			"<h2 id=\"ch-h\">Children</h2>\n");
	if (lull_store_child_list(req->st, req->household_id, &kids) !=
	    LULL_OK) {
		web_buf_puts(b, "<p>The children could not be read just now. "
				"Please try again.</p></section>\n");
		return;
	}
	for (i = 0; added != NULL && i < kids.n; i++)
		if (kids.v[i].id == page_id(added)) {
			web_buf_puts(b, "<p class=\"notice\" role=\"status\">");
			web_buf_esc(b, kids.v[i].name);
			web_buf_printf(b, " is in the journal now. "
					  "<a href=\"%s/today?child=%" PRId64
					  "\">Go to Today</a></p>\n",
			    base, kids.v[i].id);
		}
	if (kids.n == 0)
		web_buf_puts(b, "<p>No child yet.</p>\n");
	else
		web_buf_puts(b, "<ul class=\"cards children\">\n");
	for (i = 0; i < kids.n; i++)
		child_item(b, &kids.v[i], today);
	if (kids.n > 0)
		web_buf_puts(b, "</ul>\n");
	n = kids.n;
	lull_childv_free(&kids);
	if (!page_can_write(req)) {
		web_buf_puts(b, "</section>\n");
		return;
	}
	lull_date_format(today, max, sizeof(max));
	web_buf_printf(b, "<h3 id=\"add-child-h\">%s</h3>\n",
	    n == 0 ? "Add your child" : "Add a child");
	if (cf != NULL && cf->msg != NULL && strcmp(cf->field, "name") != 0 &&
	    strcmp(cf->field, "born") != 0 && strcmp(cf->field, "due") != 0)
		page_form_error(b, cf->msg);
	page_form_open(b, req, "children", "stack");
	field(b, "name", "Name", "text", cf ? cf->name : NULL,
	    "required maxlength=\"64\" autocomplete=\"off\"",
	    "The name you use for them every day.", cf);
	snprintf(extra, sizeof(extra), "required max=\"%s\"", max);
	field(b, "born", "Birth date", "date", cf ? cf->born : NULL, extra,
	    NULL, cf);
	field(b, "due", "Due date (only if born early)", "date",
	    cf ? cf->due : NULL, "",
	    "For a baby born before their due date: lull then goes by "
	    "the corrected age, as doctors do, until two years. Leave it "
	    "empty otherwise.",
	    cf);
	web_buf_puts(b, "<button type=\"submit\">Add the child</button>"
			"</form>\n</section>\n");
}

/* A date field: empty is LULL_NO_DAY when "optional", else a mistake. */
static enum lull_err
date_of(const char *text, const char *field_name, int optional, int32_t *day,
    struct lull_errinfo *ei)
{
	if (text == NULL || *text == '\0') {
		*day = LULL_NO_DAY;
		if (optional)
			return LULL_OK;
		return lull_errinfo_set(ei, LULL_EINVAL, field_name,
		    "Give the birth date, as 2025-07-15.");
	}
	if (lull_date_parse(text, field_name, day, ei) != LULL_OK)
		return lull_errinfo_set(ei, LULL_EINVAL, field_name,
		    "\"%.32s\" is not a date; write it as 2025-07-15.", text);
	return LULL_OK;
}

static int
page_child_add(struct web_req *req, struct web_resp *resp)
{
	struct page_child_form cf = { NULL, NULL, NULL, "", NULL };
	struct lull_errinfo ei;
	struct lull_child c;
	enum lull_err rc;
	char path[64];
	int64_t id = 0;

	cf.name = web_form(req, "name");
	cf.born = web_form(req, "born");
	cf.due = web_form(req, "due");
	lull_child_init(&c);
	lull_errinfo_clear(&ei);
	c.household_id = req->household_id;
	if ((c.name = strdup(or_empty(cf.name))) == NULL)
		return web_error(req, resp, 500, NULL,
		    "Out of memory. Please try again.");
	if (c.name[strspn(c.name, " \t")] == '\0')
		rc = lull_errinfo_set(&ei, LULL_EINVAL, "name",
		    "Give the child's name.");
	else if ((rc = date_of(cf.born, "born", 0, &c.born_day, &ei)) ==
		LULL_OK &&
	    (rc = date_of(cf.due, "due", 1, &c.due_day, &ei)) == LULL_OK &&
	    (rc = lull_store_child_add(req->st, &c, req->tz, &req->actor,
		 &id)) != LULL_OK)
		ei = *lull_store_error(req->st);
	lull_child_free(&c);
	if (rc == LULL_EINVAL || rc == LULL_ECONFLICT) {
		cf.field = ei.field;
		cf.msg = msg_of(&ei);
		return page_settings_show(req, resp,
		    rc == LULL_EINVAL ? 422 : 409, &cf);
	}
	if (rc != LULL_OK)
		return web_fail(req, resp, rc, &ei);
	snprintf(path, sizeof(path), "settings?added=%" PRId64 "#children",
	    id);
	return page_back(req, resp, path);
}

/* The form's address, typed or reloaded: the settings page. */
static int
page_children_get(struct web_req *req, struct web_resp *resp)
{
	return page_back(req, resp, "settings#children");
}

const struct web_route web_children_routes[] = {
	{ "GET", "/h/{hid}/children", WEB_READ, WEB_F_PAGE, page_children_get },
	{ "POST", "/h/{hid}/children", WEB_WRITE, WEB_F_PAGE, page_child_add },
	{ NULL, NULL, WEB_PUBLIC, 0, NULL }
};
