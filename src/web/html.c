/*
 * HTML: a growing buffer with one escaping choke point, and the frame
 * every page shares (head, header with the household switcher and the
 * navigation, night mode, footer).
 * SPDX-License-Identifier: ISC
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/web.h"

#define MODE_COOKIE "lull_mode"
/*
 * Night is 19:00 to 07:00 in the household's zone.  A convention, not a
 * measurement: most families with a baby are in the evening routine or
 * the night by seven, and a dim page is the safer guess at those hours.
 */
#define NIGHT_FROM (19 * 3600)
#define NIGHT_TO   (7 * 3600)

static void
grow(struct web_buf *b, size_t more)
{
	size_t cap;
	char *s;

	if (b->oom || b->n + more + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 1024;
	while (cap < b->n + more + 1)
		cap *= 2;
	if ((s = realloc(b->s, cap)) == NULL) {
		b->oom = 1;
		return;
	}
	b->s = s;
	b->cap = cap;
}

static void
put(struct web_buf *b, const char *s, size_t n)
{
	grow(b, n);
	if (b->oom)
		return;
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void
web_buf_puts(struct web_buf *b, const char *raw)
{
	if (raw != NULL)
		put(b, raw, strlen(raw));
}

void
web_buf_printf(struct web_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* Straight into the room there is; again only when it did not
	 * fit (formatting twice was a good part of a page's cost). */
	grow(b, 256);
	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = 1;
		b->s[b->n] = '\0';
		return;
	}
	if ((size_t)n >= b->cap - b->n) {
		grow(b, (size_t)n);
		if (b->oom) {
			b->s[b->n] = '\0';
			return;
		}
		va_start(ap, fmt);
		vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->n += (size_t)n;
}

void
web_buf_esc(struct web_buf *b, const char *text)
{
	const char *p, *run;

	if (text == NULL)
		return;
	for (p = run = text; *p != '\0'; p++) {
		const char *rep;

		switch (*p) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		case '`':
			rep = "&#96;";
			break;
		default:
			continue;
		}
		put(b, run, (size_t)(p - run));
		web_buf_puts(b, rep);
		run = p + 1;
	}
	put(b, run, (size_t)(p - run));
}

void
web_buf_free(struct web_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

int
web_buf_html(struct web_buf *b, struct web_resp *rs, int status)
{
	char *s;

	if (b->oom || (b->s == NULL && (b->s = calloc(1, 1)) == NULL)) {
		static const char msg[] = "<!doctype html><title>lull</title>"
					  "<p>Out of memory. Please try again.";

		web_buf_free(b);
		if ((s = malloc(sizeof(msg))) != NULL)
			memcpy(s, msg, sizeof(msg));
		return web_take(rs, 500, "text/html; charset=utf-8", s,
		    s ? sizeof(msg) - 1 : 0);
	}
	s = b->s;
	web_take(rs, status, "text/html; charset=utf-8", s, b->n);
	memset(b, 0, sizeof(*b));
	return 0;
}

/* ---- night mode ---- */

static const char *
mode_cookie(const struct web_req *rq)
{
	const char *v;

	v = web_cookie(rq, MODE_COOKIE);
	if (v != NULL && (strcmp(v, "day") == 0 || strcmp(v, "night") == 0))
		return v;
	return NULL;
}

static int
night_by_clock(const struct web_req *rq)
{
	const struct lull_tz *tz = rq->tz ? rq->tz : web_tz_default();
	struct lull_local loc;

	if (tz == NULL)
		return 0;
	lull_tz_local(tz, rq->now, &loc);
	return loc.sec >= NIGHT_FROM || loc.sec < NIGHT_TO;
}

int
web_night(const struct web_req *rq)
{
	const char *m = mode_cookie(rq);

	if (m != NULL)
		return strcmp(m, "night") == 0;
	return night_by_clock(rq);
}

/* The same page again after the toggle: the Referer's path when it is
 * ours, else the start. */
static void
back_to(const struct web_req *rq, char *buf, size_t bufsz)
{
	const char *ref = web_header(rq, "Referer");
	const char *host = web_header(rq, "Host");
	const char *p;
	size_t hl, i;

	snprintf(buf, bufsz, "/");
	if (ref == NULL || host == NULL || (p = strstr(ref, "://")) == NULL)
		return;
	p += 3;
	hl = strlen(host);
	if (strncmp(p, host, hl) != 0 || p[hl] != '/')
		return;
	p += hl;
	if (p[1] == '/' || p[1] == '\\' || strlen(p) >= bufsz)
		return;
	for (i = 0; p[i] != '\0'; i++)
		if ((unsigned char)p[i] <= 0x20 || (unsigned char)p[i] >= 0x7f)
			return;
	snprintf(buf, bufsz, "%s", p);
}

int
web_mode_post(struct web_req *rq, struct web_resp *rs)
{
	const char *m = web_form(rq, "mode"), *clock;
	char back[1024];
	int want, by_clock;

	if (m == NULL || (strcmp(m, "day") != 0 && strcmp(m, "night") != 0))
		return web_error(rq, rs, 422, "mode",
		    "The mode is \"day\" or \"night\".");
	want = strcmp(m, "night") == 0;
	/* Agreeing with the clock means automatic again, so tomorrow's
	 * evening dims by itself.  The clock of the page the toggle was on:
	 * a household's zone, which this route (no household's) does not
	 * know, so the form says what it was ("auto"); the server's zone
	 * when it does not.  Trusting it is harmless: it only chooses
	 * between this browser's preference cookie and none. */
	clock = web_form(rq, "auto");
	if (clock != NULL && strcmp(clock, "night") == 0)
		by_clock = 1;
	else if (clock != NULL && strcmp(clock, "day") == 0)
		by_clock = 0;
	else
		by_clock = night_by_clock(rq);
	if (want == by_clock)
		web_header_add(rs, "Set-Cookie",
		    MODE_COOKIE "=; Path=/; Max-Age=0; SameSite=Lax");
	else if (want)
		web_header_add(rs, "Set-Cookie",
		    MODE_COOKIE
		    "=night; Path=/; Max-Age=31536000; SameSite=Lax");
	else
		web_header_add(rs, "Set-Cookie",
		    MODE_COOKIE "=day; Path=/; Max-Age=31536000; SameSite=Lax");
	back_to(rq, back, sizeof(back));
	return web_redirect(rs, back);
}

/* ---- the frame ---- */

void
web_page_csrf(struct web_buf *b, const struct web_req *rq)
{
	if (rq->sid[0] == '\0' || rq->session.csrf[0] == '\0')
		return;
	web_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
	web_buf_esc(b, rq->session.csrf);
	web_buf_puts(b, "\">");
}

static const struct {
	const char *suffix; /* after /h/{hid} */
	const char *label;
} nav[] = {
	{ "/today", "Today" },
	{ "/journal", "Journal" },
	{ "/charts", "Charts" },
	{ "/plan", "Plan" },
	{ "/me", "For you" }, /* the parents' own pages (page_care.c) */
	{ "/settings", "Settings" },
};

static void
household_nav(struct web_buf *b, const struct web_req *rq)
{
	char base[32];
	size_t i, bl;

	bl = (size_t)snprintf(base, sizeof(base), "/h/%lld",
	    (long long)rq->household_id);
	web_buf_puts(b, "<nav class=\"tabs\" aria-label=\"");
	web_buf_esc(b, rq->hh.name ? rq->hh.name : "Household");
	web_buf_puts(b, "\"><ul>\n");
	for (i = 0; i < sizeof(nav) / sizeof(nav[0]); i++) {
		int here = strncmp(rq->path, base, bl) == 0 &&
		    strncmp(rq->path + bl, nav[i].suffix,
			strlen(nav[i].suffix)) == 0;

		web_buf_printf(b, "<li><a href=\"%s%s\"%s>%s</a></li>\n", base,
		    nav[i].suffix, here ? " aria-current=\"page\"" : "",
		    nav[i].label);
	}
	web_buf_puts(b, "</ul></nav>\n");
}

static void
switcher(struct web_buf *b, const struct web_req *rq)
{
	struct lull_membershipv v = { 0 };
	size_t i;

	if (rq->st == NULL ||
	    lull_households_of(rq->st, rq->account_id, &v) != LULL_OK)
		return;
	if (v.n == 0 && rq->household_id == 0) {
		lull_membershipv_free(&v);
		return;
	}
	web_buf_puts(b, "<details class=\"switch\"><summary>");
	web_buf_esc(b,
	    rq->household_id && rq->hh.name ? rq->hh.name : "Households");
	web_buf_puts(b, "</summary>\n<ul>\n");
	for (i = 0; i < v.n; i++) {
		const struct lull_membership *m = &v.v[i];

		web_buf_printf(b, "<li><a href=\"/h/%lld/today\"%s>",
		    (long long)m->household_id,
		    m->household_id == rq->household_id
			? " aria-current=\"true\""
			: "");
		web_buf_esc(b, m->household_name ? m->household_name : "");
		web_buf_puts(b, "</a></li>\n");
	}
	web_buf_puts(b,
	    "<li><a href=\"/\">All households</a></li>\n"
	    "</ul></details>\n");
	lull_membershipv_free(&v);
}

void
web_page_open(struct web_buf *b, const struct web_req *rq, const char *title)
{
	int night = web_night(rq);

	web_buf_printf(b,
	    "<!doctype html>\n<html lang=\"en\" class=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    /* The browser paints its first frame in this scheme, before
	     * the stylesheet arrives: no white flash in a dark room. */
	    "<meta name=\"color-scheme\" content=\"%s\">\n"
	    "<meta name=\"theme-color\" content=\"%s\">\n",
	    night ? "night" : "day", night ? "dark" : "light",
	    night ? "#15110e" : "#f6f1ea");
	if (rq->sid[0] != '\0' && rq->session.csrf[0] != '\0') {
		web_buf_puts(b, "<meta name=\"csrf-token\" content=\"");
		web_buf_esc(b, rq->session.csrf);
		web_buf_puts(b, "\">\n");
	}
	web_buf_puts(b, "<title>");
	web_buf_esc(b, title);
	web_buf_printf(b,
	    " &middot; lull</title>\n"
	    "<link rel=\"stylesheet\" href=\"%s\">\n"
	    "<script src=\"%s\" defer></script>\n"
	    "</head>\n<body>\n"
	    "<a class=\"skip\" href=\"#main\">Skip to the content</a>\n"
	    "<header class=\"top\">\n<div class=\"bar\">\n"
	    "<a class=\"brand\" href=\"/\">lull</a>\n",
	    web_static_url("/static/app.css"),
	    web_static_url("/static/app.js"));
	if (rq->account_id != 0)
		switcher(b, rq);
	web_buf_puts(b,
	    "<form class=\"mode\" method=\"post\" action=\"/mode\">");
	web_page_csrf(b, rq);
	web_buf_printf(b,
	    "<input type=\"hidden\" name=\"auto\" value=\"%s\">",
	    night_by_clock(rq) ? "night" : "day");
	web_buf_printf(b,
	    "<input type=\"hidden\" name=\"mode\" value=\"%s\">"
	    "<button type=\"submit\" class=\"quiet\" title=\"%s\">"
	    "<span aria-hidden=\"true\">%s</span> %s</button></form>\n",
	    night ? "day" : "night",
	    night ? "Switch to the brighter day colours"
		  : "Switch to the dim night colours",
	    night ? "&#9788;" : "&#9790;", night ? "Day" : "Night");
	if (rq->account_id != 0)
		web_buf_puts(b,
		    "<a class=\"quiet\" href=\"/account\">"
		    "Account</a>\n");
	else
		web_buf_puts(b,
		    "<a class=\"quiet\" href=\"/login\">"
		    "Log in</a>\n");
	web_buf_puts(b, "</div>\n");
	if (rq->household_id != 0)
		household_nav(b, rq);
	web_buf_puts(b, "</header>\n<main id=\"main\" tabindex=\"-1\">\n");
}

void
web_page_close(struct web_buf *b, const struct web_req *rq)
{
	(void)rq;
	web_buf_puts(b,
	    "</main>\n<footer class=\"foot\">\n"
	    "<p>lull offers general information about sleep, not medical "
	    "advice. If you are worried about your child's health, "
	    "call your doctor or health visitor.</p>\n"
	    "</footer>\n</body>\n</html>\n");
}
