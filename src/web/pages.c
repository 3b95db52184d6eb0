/*
 * The HTML pages' route table and the helpers page_today.c,
 * page_journal.c, page_charts.c and page_plan.c share: who may do what,
 * which child a page is about, times as people read and type them, and
 * "logged by".
 * SPDX-License-Identifier: ISC
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/account.h"
#include "lull/cal.h"
#include "lull/store.h"
#include "web/page_int.h"
#include "web/web.h"

const struct web_route web_page_routes[] = {
	{ "GET", "/h/{hid}/today", WEB_READ, WEB_F_PAGE, page_today },
	{ "POST", "/h/{hid}/today/sleep", WEB_WRITE, WEB_F_PAGE,
	    page_today_sleep },
	/* Only a preference of this browser (a cookie): any member. */
	{ "POST", "/h/{hid}/today/predictions", WEB_READ, WEB_F_PAGE,
	    page_today_predictions },
	{ "GET", "/h/{hid}/journal", WEB_READ, WEB_F_PAGE, page_journal },
	{ "POST", "/h/{hid}/sleeps", WEB_WRITE, WEB_F_PAGE, page_sleep_add },
	{ "POST", "/h/{hid}/feeds", WEB_WRITE, WEB_F_PAGE, page_feed_add },
	{ "POST", "/h/{hid}/tags", WEB_WRITE, WEB_F_PAGE, page_tag_add },
	{ "GET", "/h/{hid}/sleeps/{id}/edit", WEB_WRITE, WEB_F_PAGE,
	    page_entry_edit_get },
	{ "POST", "/h/{hid}/sleeps/{id}/edit", WEB_WRITE, WEB_F_PAGE,
	    page_entry_edit_post },
	{ "GET", "/h/{hid}/sleeps/{id}/delete", WEB_WRITE, WEB_F_PAGE,
	    page_entry_delete_get },
	{ "POST", "/h/{hid}/sleeps/{id}/delete", WEB_WRITE, WEB_F_PAGE,
	    page_entry_delete_post },
	{ "GET", "/h/{hid}/wakings/{id}/edit", WEB_WRITE, WEB_F_PAGE,
	    page_entry_edit_get },
	{ "POST", "/h/{hid}/wakings/{id}/edit", WEB_WRITE, WEB_F_PAGE,
	    page_entry_edit_post },
	{ "GET", "/h/{hid}/wakings/{id}/delete", WEB_WRITE, WEB_F_PAGE,
	    page_entry_delete_get },
	{ "POST", "/h/{hid}/wakings/{id}/delete", WEB_WRITE, WEB_F_PAGE,
	    page_entry_delete_post },
	{ "GET", "/h/{hid}/feeds/{id}/edit", WEB_WRITE, WEB_F_PAGE,
	    page_entry_edit_get },
	{ "POST", "/h/{hid}/feeds/{id}/edit", WEB_WRITE, WEB_F_PAGE,
	    page_entry_edit_post },
	{ "GET", "/h/{hid}/feeds/{id}/delete", WEB_WRITE, WEB_F_PAGE,
	    page_entry_delete_get },
	{ "POST", "/h/{hid}/feeds/{id}/delete", WEB_WRITE, WEB_F_PAGE,
	    page_entry_delete_post },
	{ "GET", "/h/{hid}/tags/{id}/edit", WEB_WRITE, WEB_F_PAGE,
	    page_entry_edit_get },
	{ "POST", "/h/{hid}/tags/{id}/edit", WEB_WRITE, WEB_F_PAGE,
	    page_entry_edit_post },
	{ "GET", "/h/{hid}/tags/{id}/delete", WEB_WRITE, WEB_F_PAGE,
	    page_entry_delete_get },
	{ "POST", "/h/{hid}/tags/{id}/delete", WEB_WRITE, WEB_F_PAGE,
	    page_entry_delete_post },
	{ "GET", "/h/{hid}/charts", WEB_READ, WEB_F_PAGE, page_charts },
	{ "GET", "/h/{hid}/charts/diary.svg", WEB_READ, WEB_F_PAGE,
	    page_chart_diary },
	{ "GET", "/h/{hid}/charts/trends.svg", WEB_READ, WEB_F_PAGE,
	    page_chart_trends },
	{ "GET", "/h/{hid}/plan", WEB_READ, WEB_F_PAGE, page_plan },
	{ "POST", "/h/{hid}/plan/move", WEB_PLAN, WEB_F_PAGE, page_plan_move },
	{ "GET", "/h/{hid}/plan/start", WEB_PLAN, WEB_F_PAGE,
	    page_plan_start_get },
	{ "POST", "/h/{hid}/plan/start", WEB_PLAN, WEB_F_PAGE,
	    page_plan_start_post },
	/*
	 * The parents' own pages (page_care.c, page_couple.c, page_rota.c).
	 * Personal records are the person's own, not the journal's: any
	 * member keeps their own, a read-only one too, so WEB_READ is the
	 * need even to write them; the store lets each see only what is
	 * theirs or shared with them.  Rituals are the household's: any
	 * member sees them, writers change them.
	 */
	{ "GET", "/h/{hid}/me", WEB_READ, WEB_F_PAGE, page_me },
	{ "POST", "/h/{hid}/me/checkin", WEB_READ, WEB_F_PAGE,
	    page_me_checkin },
	{ "POST", "/h/{hid}/me/sleep", WEB_READ, WEB_F_PAGE, page_me_sleep },
	{ "POST", "/h/{hid}/me/{id}/share", WEB_READ, WEB_F_PAGE,
	    page_me_share },
	{ "POST", "/h/{hid}/me/{id}/delete", WEB_READ, WEB_F_PAGE,
	    page_me_delete },
	{ "GET", "/h/{hid}/screen", WEB_READ, WEB_F_PAGE, page_screen },
	{ "GET", "/h/{hid}/screen/{form}", WEB_READ, WEB_F_PAGE,
	    page_screen_form },
	{ "POST", "/h/{hid}/screen/{form}", WEB_READ, WEB_F_PAGE,
	    page_screen_take },
	{ "GET", "/h/{hid}/screens/{id}", WEB_READ, WEB_F_PAGE,
	    page_screen_result },
	{ "GET", "/h/{hid}/couple", WEB_READ, WEB_F_PAGE, page_couple },
	{ "POST", "/h/{hid}/couple/checkin", WEB_READ, WEB_F_PAGE,
	    page_couple_checkin },
	{ "POST", "/h/{hid}/couple/notes", WEB_READ, WEB_F_PAGE,
	    page_couple_note },
	{ "POST", "/h/{hid}/rituals", WEB_WRITE, WEB_F_PAGE, page_ritual_add },
	{ "POST", "/h/{hid}/rituals/{id}/delete", WEB_WRITE, WEB_F_PAGE,
	    page_ritual_delete },
	{ "GET", "/h/{hid}/nights", WEB_READ, WEB_F_PAGE, page_nights },
	{ NULL, NULL, WEB_PUBLIC, 0, NULL }
};

int
page_can_write(const struct web_req *req)
{
	return req->member.access == LULL_ACCESS_OWNER ||
	    req->member.access == LULL_ACCESS_CAREGIVER;
}

int
page_can_plan(const struct web_req *req)
{
	return page_can_write(req) ||
	    req->member.access == LULL_ACCESS_CONSULTANT;
}

const char *
page_cookie(const struct web_req *req, const char *name, char *buf,
    size_t bufsz)
{
	const char *h = web_header(req, "Cookie"), *p, *v;
	size_t nlen = strlen(name), vlen;

	if (h == NULL || bufsz == 0)
		return NULL;
	for (p = h; *p != '\0';) {
		while (*p == ' ' || *p == ';')
			p++;
		if (strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
			v = p + nlen + 1;
			vlen = strcspn(v, ";");
			if (vlen >= bufsz)
				vlen = bufsz - 1;
			memcpy(buf, v, vlen);
			buf[vlen] = '\0';
			return buf;
		}
		p += strcspn(p, ";");
	}
	return NULL;
}

int64_t
page_id(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return 0;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v <= 0)
		return 0;
	return (int64_t)v;
}

int
page_children(struct web_req *req, struct web_resp *resp,
    struct lull_childv *kids, const struct lull_child **sel)
{
	const char *want = web_query(req, "child");
	enum lull_err rc;
	int64_t id;
	size_t i;

	*sel = NULL;
	if (want == NULL && strcmp(req->method, "POST") == 0)
		want = web_form(req, "child");
	if ((rc = lull_store_child_list(req->st, req->household_id, kids)))
		return page_store_fail(req, resp, rc);
	if (want == NULL || *want == '\0') {
		if (kids->n > 0)
			*sel = &kids->v[0];
		return 0;
	}
	id = page_id(want);
	for (i = 0; id != 0 && i < kids->n; i++)
		if (kids->v[i].id == id) {
			*sel = &kids->v[i];
			return 0;
		}
	web_error(req, resp, 404, "child", "There is no such child here.");
	return resp->status ? resp->status : 404;
}

const char *
page_base(const struct web_req *req, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, "/h/%" PRId64, req->household_id);
	return buf;
}

void
page_child_picker(struct web_buf *b, const struct web_req *req,
    const struct lull_childv *kids, const struct lull_child *sel,
    const char *page)
{
	char base[32];
	size_t i;

	if (kids->n < 2)
		return;
	page_base(req, base, sizeof(base));
	web_buf_puts(b, "<nav class=\"child-picker\" aria-label=\"Child\">"
			"<ul>");
	for (i = 0; i < kids->n; i++) {
		const struct lull_child *c = &kids->v[i];

		web_buf_printf(b, "<li><a href=\"%s/%s?child=%" PRId64 "\"%s>",
		    base, page, c->id,
		    c == sel ? " aria-current=\"page\" class=\"current\"" : "");
		web_buf_esc(b, c->name);
		web_buf_puts(b, "</a></li>");
	}
	web_buf_puts(b, "</ul></nav>\n");
}

void
page_hm(const struct web_req *req, int64_t utc, char *buf, size_t bufsz)
{
	lull_time_format_hm(req->tz, utc, buf, bufsz);
}

void
page_time_text(const struct web_req *req, int64_t utc, char *buf,
    size_t bufsz)
{
	char d[16], hm[16];

	lull_date_format(lull_local_day(req->tz, utc), d, sizeof(d));
	lull_time_format_hm(req->tz, utc, hm, sizeof(hm));
	snprintf(buf, bufsz, "%s %s", d, hm);
}

void
page_dur(int64_t sec, char *buf, size_t bufsz)
{
	int64_t min = sec / 60;

	if (min < 0)
		min = 0;
	/* As the script's live timer writes it (static/app.js). */
	if (min < 60)
		snprintf(buf, bufsz, "%" PRId64 " min", min);
	else
		snprintf(buf, bufsz, "%" PRId64 " h %02" PRId64 " min",
		    min / 60, min % 60);
}

enum lull_err
page_time_parse(const struct web_req *req, const char *text,
    const char *field, int64_t after, int32_t day, int64_t keep,
    int64_t *utc, struct lull_errinfo *ei)
{
	struct lull_time_ctx ctx;
	char shown[40];

	if (text == NULL || *text == '\0')
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s: please give a time, like 21:30", field);
	if (keep != LULL_NO_TIME) {
		page_time_text(req, keep, shown, sizeof(shown));
		if (strcmp(text, shown) == 0) {
			*utc = keep;
			return LULL_OK;
		}
	}
	ctx.tz = req->tz;
	ctx.now_utc = req->now;
	ctx.after_utc = after;
	ctx.day = day;
	return lull_time_parse_user(text, field, &ctx, utc, NULL, ei);
}

const char *
page_who(const struct lull_caregiverv *cg, int64_t id)
{
	size_t i;

	for (i = 0; id != 0 && cg != NULL && i < cg->n; i++)
		if (cg->v[i].id == id)
			return cg->v[i].name;
	return NULL;
}

void
page_logged_by(struct web_buf *b, const struct lull_caregiverv *cg,
    const struct lull_meta *m)
{
	const char *by = page_who(cg, m->created_by);
	const char *ch = page_who(cg, m->updated_by);

	web_buf_puts(b, "<span class=\"who\">");
	if (by != NULL) {
		web_buf_puts(b, "logged by ");
		web_buf_esc(b, by);
	} else if (m->created_by == 0)
		web_buf_puts(b, "logged without a name");
	else
		web_buf_puts(b, "logged by a former member");
	if (m->version > 1 && ch != NULL && m->updated_by != m->created_by) {
		web_buf_puts(b, ", changed by ");
		web_buf_esc(b, ch);
	}
	web_buf_puts(b, "</span>");
}

int
page_store_fail(const struct web_req *req, struct web_resp *resp,
    enum lull_err rc)
{
	web_fail(req, resp, rc, lull_store_error(req->st));
	return resp->status;
}

void
page_notice(struct web_buf *b, const char *text)
{
	web_buf_puts(b, "<p class=\"notice\" role=\"status\">");
	web_buf_esc(b, text);
	web_buf_puts(b, "</p>\n");
}

void
page_form_error(struct web_buf *b, const char *text)
{
	web_buf_puts(b, "<p class=\"notice bad\" role=\"alert\">");
	web_buf_esc(b, text);
	web_buf_puts(b, "</p>\n");
}

void
page_form_open(struct web_buf *b, const struct web_req *req,
    const char *path, const char *cls)
{
	char base[32];

	web_buf_printf(b, "<form method=\"post\" action=\"%s/",
	    page_base(req, base, sizeof(base)));
	web_buf_esc(b, path);
	web_buf_puts(b, "\"");
	if (cls != NULL)
		web_buf_printf(b, " class=\"%s\"", cls);
	web_buf_puts(b, ">");
	web_page_csrf(b, req);
}

int
page_back(const struct web_req *req, struct web_resp *resp, const char *path)
{
	char loc[512], base[32];

	snprintf(loc, sizeof(loc), "%s/%s", page_base(req, base, sizeof(base)),
	    path);
	return web_redirect(resp, loc);
}
