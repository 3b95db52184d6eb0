/*
 * Charts (/h/{hid}/charts): the sleep diary and the trends, drawn by
 * src/render/svg.c and served as image/svg+xml (.../diary.svg and
 * .../trends.svg, ?child&from&to), shown with <img>, a text alternative
 * for each, and the diary's days in a table for those who do not see it.
 * SPDX-License-Identifier: ISC
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/report.h"
#include "lull/stats.h"
#include "web/page_int.h"
#include "web/web.h"

#define DIARY_DAYS  14
#define TRENDS_DAYS 56
#define MAX_DAYS    366 /* a year at most, for either chart */

/* ?from and ?to, or the last "ndays" days to today.  0 or a filled
 * response. */
static int
range(struct web_req *req, struct web_resp *resp, int32_t ndays,
    int32_t *from, int32_t *to)
{
	const char *f = web_query(req, "from"), *t = web_query(req, "to");
	struct lull_errinfo ei;

	*to = lull_local_day(req->tz, req->now);
	if (t != NULL && *t != '\0' &&
	    lull_date_parse(t, "to", to, &ei) != LULL_OK) {
		web_error(req, resp, 422, "to", "%s", ei.msg);
		return 422;
	}
	*from = *to - (ndays - 1);
	if (f != NULL && *f != '\0' &&
	    lull_date_parse(f, "from", from, &ei) != LULL_OK) {
		web_error(req, resp, 422, "from", "%s", ei.msg);
		return 422;
	}
	if (*from > *to) {
		web_error(req, resp, 422, "from",
		    "from: the first day is after the last.");
		return 422;
	}
	if (*to - *from >= MAX_DAYS) {
		web_error(req, resp, 422, "from",
		    "from: a chart shows a year at most.");
		return 422;
	}
	return 0;
}

static int
chart(struct web_req *req, struct web_resp *resp, int diary)
{
	struct lull_childv kids = { 0 };
	const struct lull_child *c;
	struct lull_errinfo ei;
	enum lull_err rc;
	int32_t from, to;
	char *svg = NULL;
	size_t len = 0;

	if (page_children(req, resp, &kids, &c) ||
	    range(req, resp, diary ? DIARY_DAYS : TRENDS_DAYS, &from, &to))
		goto out;
	if (c == NULL) {
		web_error(req, resp, 404, "child",
		    "There is no child in this household yet.");
		goto out;
	}
	rc = diary ? lull_chart_diary(req->st, req->household_id, c->id,
			 req->tz, req->now, from, to, &svg, &len, &ei) :
		     lull_chart_trends(req->st, req->household_id, c->id,
			 req->tz, req->now, from, to, &svg, &len, &ei);
	if (rc != LULL_OK) {
		web_fail(req, resp, rc, &ei);
		goto out;
	}
	web_take(resp, 200, "image/svg+xml", svg, len);
	/* A child's nights are nobody else's: not for shared caches. */
	web_header_add(resp, "Cache-Control", "private, no-store");
out:
	lull_childv_free(&kids);
	return 0;
}

int
page_chart_diary(struct web_req *req, struct web_resp *resp)
{
	return chart(req, resp, 1);
}

int
page_chart_trends(struct web_req *req, struct web_resp *resp)
{
	return chart(req, resp, 0);
}

/* "10 h 45 min", or "not logged". */
static void
minutes(struct web_buf *b, int32_t m, int known)
{
	char d[32];

	if (!known) {
		web_buf_puts(b, "<td>&ndash;</td>");
		return;
	}
	page_dur((int64_t)m * 60, d, sizeof(d));
	web_buf_printf(b, "<td>%s</td>", d);
}

/* The diary's days in words: a table, for screen readers and for
 * anyone who prefers numbers to a picture. */
static void
diary_table(struct web_buf *b, struct web_req *req,
    const struct lull_child *c, int32_t from, int32_t to)
{
	struct lull_day_stats *days = NULL;
	struct lull_stats_in in;
	struct lull_journal j;
	struct lull_errinfo ei;
	int32_t d;

	memset(&j, 0, sizeof(j));
	if (lull_journal_days(req->st, req->household_id, c->id, req->tz, from,
		to, &j, &ei) != LULL_OK ||
	    (days = calloc((size_t)(to - from + 1), sizeof(*days))) == NULL)
		goto out;
	memset(&in, 0, sizeof(in));
	in.tz = req->tz;
	in.child = &j.child;
	in.sleeps = &j.sleeps;
	in.feeds = &j.feeds;
	in.tags = &j.tags;
	in.now_utc = req->now;
	if (lull_stats_days(&in, from, to, days, &ei) != LULL_OK)
		goto out;
	web_buf_puts(b, "<details class=\"in-words\"><summary>The diary in "
			"words</summary><table><caption>Sleep by day, each "
			"day with the night that began on its evening"
			"</caption><thead><tr><th scope=\"col\">Day</th>"
			"<th scope=\"col\">Night</th>"
			"<th scope=\"col\">Wakings</th>"
			"<th scope=\"col\">Naps</th>"
			"<th scope=\"col\">Total</th></tr></thead><tbody>");
	for (d = to; d >= from; d--) {
		const struct lull_day_stats *s = &days[d - from];
		char date[32];

		lull_date_format_long(d, date, sizeof(date));
		web_buf_printf(b, "<tr><th scope=\"row\">%s</th>", date);
		if (!s->logged) {
			web_buf_puts(b, "<td colspan=\"4\">nothing logged</td>"
					"</tr>");
			continue;
		}
		minutes(b, s->night_min, s->has_night);
		if (s->has_night)
			web_buf_printf(b, "<td>%d</td>",
			    (int)s->night.n.wakings);
		else
			web_buf_puts(b, "<td>&ndash;</td>");
		if (s->nap_count > 0) {
			char n[32];

			page_dur((int64_t)s->nap_min * 60, n, sizeof(n));
			web_buf_printf(b, "<td>%d (%s)</td>", (int)s->nap_count,
			    n);
		} else
			web_buf_puts(b, "<td>none</td>");
		minutes(b, s->total_min, 1);
		web_buf_puts(b, "</tr>");
	}
	web_buf_puts(b, "</tbody></table></details>\n");
out:
	free(days);
	lull_journal_free(&j);
}

static void
figure(struct web_buf *b, const struct web_req *req,
    const struct lull_child *c, const char *file, int32_t from, int32_t to,
    const char *alt, const char *caption)
{
	char base[32], f[16], t[16];

	page_base(req, base, sizeof(base));
	lull_date_format(from, f, sizeof(f));
	lull_date_format(to, t, sizeof(t));
	web_buf_printf(b, "<figure class=\"chart\"><img class=\"chart\" "
			  "src=\"%s/charts/%s?child=%" PRId64
			  "&amp;from=%s&amp;to=%s\" alt=\"",
	    base, file, c->id, f, t);
	web_buf_esc(b, alt);
	web_buf_puts(b, "\"><figcaption>");
	web_buf_esc(b, caption);
	web_buf_printf(b, " <a href=\"%s/charts/%s?child=%" PRId64
			  "&amp;from=%s&amp;to=%s\">Open the chart on its own"
			  "</a></figcaption></figure>\n",
	    base, file, c->id, f, t);
}

int
page_charts(struct web_req *req, struct web_resp *resp)
{
	struct web_buf b = { 0 };
	struct lull_childv kids = { 0 };
	const struct lull_child *c;
	int32_t df, dt, tf, tt;
	char alt[400], cap[200], a[32], z[32], fa[16], za[16], base[32];
	int given = web_query(req, "from") != NULL ||
	    web_query(req, "to") != NULL;

	if (page_children(req, resp, &kids, &c) ||
	    range(req, resp, DIARY_DAYS, &df, &dt) ||
	    range(req, resp, TRENDS_DAYS, &tf, &tt))
		goto out;
	web_page_open(&b, req, "Charts");
	web_buf_puts(&b, "<h1>Charts</h1>\n");
	if (c == NULL) {
		web_buf_printf(&b, "<p>There is no child in this household "
				   "yet. <a href=\"%s\">The household</a>"
				   "</p>\n",
		    page_base(req, base, sizeof(base)));
		goto done;
	}
	page_child_picker(&b, req, &kids, c, "charts");

	lull_date_format_long(df, a, sizeof(a));
	lull_date_format_long(dt, z, sizeof(z));
	web_buf_puts(&b, "<section aria-labelledby=\"diary-h\">"
			 "<h2 id=\"diary-h\">Sleep diary</h2>\n");
	snprintf(alt, sizeof(alt),
	    "Sleep diary of %s from %s to %s: one row a day, midnight to "
	    "midnight across; nights darker than naps, wakings and feeds "
	    "marked. The table below gives the same days in words.",
	    c->name, a, z);
	snprintf(cap, sizeof(cap), "%s to %s. Each row is a day.", a, z);
	figure(&b, req, c, "diary.svg", df, dt, alt, cap);
	diary_table(&b, req, c, df, dt);
	web_buf_puts(&b, "</section>\n");

	lull_date_format_long(tf, a, sizeof(a));
	lull_date_format_long(tt, z, sizeof(z));
	web_buf_puts(&b, "<section aria-labelledby=\"trends-h\">"
			 "<h2 id=\"trends-h\">Trends</h2>\n");
	snprintf(alt, sizeof(alt),
	    "Trends of %s from %s to %s: total sleep, night wakings and time "
	    "to fall asleep, each day as a dot with its 7-day median as a "
	    "line, and the usual range for the age shaded.",
	    c->name, a, z);
	snprintf(cap, sizeof(cap), "%s to %s. Ranges, not grades: every "
				   "child differs.",
	    a, z);
	figure(&b, req, c, "trends.svg", tf, tt, alt, cap);
	web_buf_puts(&b, "</section>\n");

	/* Other days: a plain GET form, no script. */
	lull_date_format(given ? df : tf, fa, sizeof(fa));
	lull_date_format(dt, za, sizeof(za));
	web_buf_printf(&b, "<section aria-labelledby=\"range-h\">"
			   "<h2 id=\"range-h\">Other days</h2>"
			   "<form method=\"get\" action=\"%s/charts\" "
			   "class=\"stack\">"
			   "<input type=\"hidden\" name=\"child\" "
			   "value=\"%" PRId64 "\">"
			   "<label for=\"r-from\">From</label>"
			   "<input type=\"date\" id=\"r-from\" name=\"from\" "
			   "value=\"%s\">"
			   "<label for=\"r-to\">To</label>"
			   "<input type=\"date\" id=\"r-to\" name=\"to\" "
			   "value=\"%s\">"
			   "<p class=\"hint\">A year at most.</p>"
			   "<button type=\"submit\">Show</button></form>"
			   "</section>\n",
	    page_base(req, base, sizeof(base)), c->id, fa, za);
done:
	web_page_close(&b, req);
	web_buf_html(&b, resp, 200);
out:
	lull_childv_free(&kids);
	return 0;
}
