/*
 * SVG charts in memory (svg.h).  Markup is written with sb_printf() and
 * never carries outside text; every outside string (names, labels built
 * from them) goes through sb_text(), which calls lull_xml_escape(), the
 * one place where text becomes markup-safe.
 * SPDX-License-Identifier: ISC
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/norms.h"
#include "lull/svg.h"

/* ---- text --------------------------------------------------------------- */

/* Length of the UTF-8 sequence at s, or 0 if it is not valid. */
static size_t
utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		cp = s[0] & 0x07;
	} else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and beyond U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	/* U+FFFE and U+FFFF are not XML characters. */
	if (cp == 0xfffe || cp == 0xffff)
		return 0;
	return n;
}

size_t
lull_xml_escape(char *dst, size_t dstsz, const char *src)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t out = 0;

	while (*s != '\0') {
		const char *rep = NULL;
		char one[5];
		size_t n = 1, k;

		switch (*s) {
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
		default:
			if (*s < 0x20 && *s != '\t' && *s != '\n') {
				rep = "";
			} else if ((n = utf8_len(s)) == 0) {
				rep = "\xef\xbf\xbd"; /* U+FFFD */
				n = 1;
			} else {
				memcpy(one, s, n);
				one[n] = '\0';
				rep = one;
			}
		}
		for (k = 0; rep[k] != '\0'; k++, out++)
			if (out + 1 < dstsz)
				dst[out] = rep[k];
		s += n;
	}
	if (dstsz > 0)
		dst[out < dstsz ? out : dstsz - 1] = '\0';
	return out;
}

/* ---- a growing buffer ------------------------------------------------- */

struct sb {
	char *p;
	size_t len, cap;
	int oom;
};

static void
sb_need(struct sb *b, size_t more)
{
	char *q;
	size_t cap;

	if (b->oom || b->len + more + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 4096;
	while (cap < b->len + more + 1)
		cap *= 2;
	if ((q = realloc(b->p, cap)) == NULL) {
		b->oom = 1;
		return;
	}
	b->p = q;
	b->cap = cap;
}

/* Our own markup and numbers only: never outside text. */
static void sb_printf(struct sb *, const char *, ...) LULL_PRINTF(2, 3);

static void
sb_printf(struct sb *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* Straight into the room there is (a chart is thousands of these,
	 * and formatting twice was a third of its cost); again only when
	 * it did not fit. */
	sb_need(b, 256);
	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = 1;
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		sb_need(b, (size_t)n);
		if (b->oom)
			return;
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

/* Outside text, escaped: the choke point. */
static void
sb_text(struct sb *b, const char *s)
{
	size_t n = lull_xml_escape(NULL, 0, s);

	sb_need(b, n);
	if (b->oom)
		return;
	lull_xml_escape(b->p + b->len, n + 1, s);
	b->len += n;
}

/* Text we format ourselves from outside strings: escaped too. */
static void sb_textf(struct sb *, const char *, ...) LULL_PRINTF(2, 3);

static void
sb_textf(struct sb *b, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sb_text(b, buf);
}

static enum lull_err
sb_done(struct sb *b, char **out, size_t *len, struct lull_errinfo *ei)
{
	if (b->oom || b->p == NULL) {
		free(b->p);
		return lull_errinfo_set(ei, LULL_ENOMEM, "",
		    "out of memory for the chart");
	}
	*out = b->p;
	*len = b->len;
	return LULL_OK;
}

#define FONT                                                            \
	"font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, "  \
	"'Helvetica Neue', Arial, sans-serif\""

/* Colours: dark and light blue differ in lightness, so they read in grey
 * too; wakings (orange bars) and feeds (green dots) differ in shape. */
#define C_NIGHT "#2f3e7a"
#define C_NAP	"#8fb3e0"
#define C_WAKE	"#d9662b"
#define C_FEED	"#1f7a4f"
#define C_GRID	"#c9ced8"
#define C_TEXT	"#2b2f38"
#define C_BAND	"#e3efe3"
#define C_REC	"#c4dfc4"
#define C_DOT	"#8a93a6"

static void
open_svg(struct sb *b, int w, int h)
{
	sb_printf(b,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "viewBox=\"0 0 %d %d\" width=\"100%%\" "
	    "preserveAspectRatio=\"xMidYMin meet\" role=\"img\" "
	    "aria-labelledby=\"title desc\" " FONT " fill=\"" C_TEXT "\">\n",
	    w, h);
}

static void
hm(const struct lull_tz *tz, int64_t t, char *buf, size_t bufsz)
{
	lull_time_format_hm(tz, t, buf, bufsz);
}

/* "Mon 12 Jan" */
static void
short_date(int32_t day, char *buf, size_t bufsz)
{
	char d[32];

	lull_date_format_long(day, d, sizeof(d));
	if (strlen(d) > 10)
		d[10] = '\0';
	snprintf(buf, bufsz, "%s", d);
}

/* ---- the diary ----------------------------------------------------------- */

#define D_W	360
#define D_LEFT	66
#define D_CW	288 /* 12 units an hour */
#define D_TOP	58

struct diary {
	const struct lull_svg_diary *in;
	struct sb *b;
	enum lull_sleep_kind *kinds;
	int rh; /* row height */
};

static double
xpos(int64_t t, int64_t ds, int64_t de)
{
	/* In proportion to the day's real length, so a 23- or 25-hour
	 * day of a clock change is drawn without overlaps. */
	if (t <= ds)
		return D_LEFT;
	if (t >= de)
		return D_LEFT + D_CW;
	return D_LEFT + (double)D_CW * (double)(t - ds) / (double)(de - ds);
}

static const char *
who(const struct lull_svg_diary *in, int64_t id)
{
	size_t i;

	for (i = 0; in->caregivers != NULL && id != 0 &&
	     i < in->caregivers->n; i++)
		if (in->caregivers->v[i].id == id)
			return in->caregivers->v[i].name;
	return NULL;
}

static void
draw_piece(struct diary *d, int64_t a, int64_t b, int64_t ds, int64_t de,
    double y, const char *fill)
{
	double x0 = xpos(a, ds, de), x1 = xpos(b, ds, de);

	if (b <= a || x1 - x0 < 0.05)
		return;
	sb_printf(d->b,
	    "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%d\" "
	    "fill=\"%s\"/>",
	    x0, y, x1 - x0 < 0.6 ? 0.6 : x1 - x0, d->rh > 8 ? d->rh - 6 : 3,
	    fill);
}

/* One sleep's part in row [ds, de): asleep bars, waking marks. */
static void
draw_sleep(struct diary *d, const struct lull_sleep *s,
    enum lull_sleep_kind k, int64_t ds, int64_t de, double ry)
{
	const struct lull_tz *tz = d->in->tz;
	int64_t end = s->end_utc == LULL_NO_TIME ? d->in->now_utc : s->end_utc;
	int64_t cur = s->start_utc;
	const char *fill = k == LULL_SLEEP_NIGHT ? C_NIGHT : C_NAP;
	double y = ry + (d->rh > 8 ? 3 : 1.5);
	char a[16], bb[16], dur[16];
	size_t i;

	if (end <= ds || s->start_utc >= de)
		return;
	hm(tz, s->start_utc, a, sizeof(a));
	hm(tz, end, bb, sizeof(bb));
	snprintf(dur, sizeof(dur), "%dh%02d", (int)((end - s->start_utc) / 3600),
	    (int)((end - s->start_utc) % 3600 / 60));
	sb_printf(d->b, "<g><title>");
	if (s->end_utc == LULL_NO_TIME)
		sb_textf(d->b, "%s from %s, still asleep (%s so far)",
		    k == LULL_SLEEP_NIGHT ? "Night" : "Nap", a, dur);
	else
		sb_textf(d->b, "%s %s to %s (%s)",
		    k == LULL_SLEEP_NIGHT ? "Night" : "Nap", a, bb, dur);
	sb_printf(d->b, "</title>");
	for (i = 0; i < s->nwakings; i++) {
		const struct lull_waking *w = &s->wakings[i];
		int64_t we = w->end_utc == LULL_NO_TIME ? end : w->end_utc;

		draw_piece(d, cur, w->start_utc, ds, de, y, fill);
		if (we > w->start_utc)
			cur = we;
	}
	draw_piece(d, cur, end, ds, de, y, fill);
	if (s->end_utc == LULL_NO_TIME && end > ds && end <= de)
		/* Still asleep: an open end. */
		sb_printf(d->b,
		    "<path d=\"M%.2f %.1fl4 %.1fl-4 %.1f\" fill=\"%s\"/>",
		    xpos(end, ds, de), y, (d->rh > 8 ? d->rh - 6 : 3) / 2.0,
		    (d->rh > 8 ? d->rh - 6 : 3) / 2.0, fill);
	sb_printf(d->b, "</g>");
	for (i = 0; i < s->nwakings; i++) {
		const struct lull_waking *w = &s->wakings[i];
		int64_t we = w->end_utc == LULL_NO_TIME ? end : w->end_utc;
		double x0, x1;
		const char *by = who(d->in, w->caregiver_id);

		if (we <= ds || w->start_utc >= de)
			continue;
		x0 = xpos(w->start_utc, ds, de);
		x1 = xpos(we, ds, de);
		hm(tz, w->start_utc, a, sizeof(a));
		hm(tz, we, bb, sizeof(bb));
		sb_printf(d->b,
		    "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%d\" "
		    "fill=\"" C_WAKE "\"><title>",
		    x0, ry + 0.5, x1 - x0 < 1.5 ? 1.5 : x1 - x0,
		    d->rh > 2 ? d->rh - 1 : 1);
		sb_textf(d->b, "Woke %s to %s%s%s%s%s", a, bb,
		    w->response != LULL_RESP_UNKNOWN ? ": " : "",
		    w->response != LULL_RESP_UNKNOWN ?
			lull_response_label(w->response) :
			"",
		    by ? ", " : "", by ? by : "");
		sb_printf(d->b, "</title></rect>");
	}
}

/* Words for one row, for its <title> and the <desc>. */
static void
row_words(struct diary *d, int32_t day, size_t a, size_t b, char *buf,
    size_t bufsz)
{
	const struct lull_svg_diary *in = d->in;
	const struct lull_sleepv *sv = in->sleeps;
	int64_t ds = lull_tz_day_start(in->tz, day);
	int64_t de = lull_tz_day_start(in->tz, day + 1);
	char date[32], x[16], y[16], night[64] = "", naps[512] = "";
	size_t i, nlen = 0;
	int nnaps = 0, wakings = 0, feeds = 0;

	lull_date_format_long(day, date, sizeof(date));
	for (i = a; i < b; i++) {
		const struct lull_sleep *s = &sv->v[i];
		int64_t end = s->end_utc == LULL_NO_TIME ? in->now_utc :
							   s->end_utc;

		if (s->start_utc < ds || s->start_utc >= de)
			continue;
		hm(in->tz, s->start_utc, x, sizeof(x));
		hm(in->tz, end, y, sizeof(y));
		if (d->kinds[i] == LULL_SLEEP_NIGHT && night[0] == '\0')
			snprintf(night, sizeof(night), " night from %s%s;", x,
			    s->end_utc == LULL_NO_TIME ? ", still asleep" : "");
		else if (d->kinds[i] == LULL_SLEEP_NAP && nlen < sizeof(naps))
			nlen += (size_t)snprintf(naps + nlen,
			    sizeof(naps) - nlen, "%s %s-%s",
			    nnaps++ ? "," : " naps", x, y);
		wakings += (int)s->nwakings;
	}
	if (in->feeds != NULL)
		for (i = 0; i < in->feeds->n; i++)
			if (in->feeds->v[i].start_utc >= ds &&
			    in->feeds->v[i].start_utc < de)
				feeds++;
	if (night[0] == '\0' && nnaps == 0 && feeds == 0)
		snprintf(buf, bufsz, "%s: nothing logged.", date);
	else
		snprintf(buf, bufsz, "%s:%s%s%s %d waking%s, %d feed%s.", date,
		    naps, nnaps ? ";" : "", night, wakings,
		    wakings == 1 ? "" : "s", feeds, feeds == 1 ? "" : "s");
}

static void
sb_append(struct sb *b, const struct sb *c)
{
	if (c->oom) {
		b->oom = 1;
		return;
	}
	sb_need(b, c->len);
	if (b->oom || c->len == 0)
		return;
	memcpy(b->p + b->len, c->p, c->len);
	b->len += c->len;
	b->p[b->len] = '\0';
}

/* The rows, into d->b; their words, the text alternative, into "desc". */
static void
diary_rows(struct diary *d, struct sb *desc)
{
	const struct lull_svg_diary *in = d->in;
	const struct lull_sleepv *sv = in->sleeps;
	struct sb *b = d->b;
	char a[32], words[2048];
	size_t i, lo = 0, hi = 0, f = 0;
	int32_t day;

	for (day = in->from_day; day <= in->to_day; day++) {
		int row = day - in->from_day;
		double ry = D_TOP + row * d->rh;
		int64_t ds = lull_tz_day_start(in->tz, day);
		int64_t de = lull_tz_day_start(in->tz, day + 1);

		/* Sleeps that reach into this day: from the first one
		 * that ends after its start. */
		while (sv != NULL && lo < sv->n &&
		    sv->v[lo].end_utc != LULL_NO_TIME &&
		    sv->v[lo].end_utc <= ds)
			lo++;
		while (sv != NULL && hi < sv->n && sv->v[hi].start_utc < de)
			hi++;
		row_words(d, day, lo, hi, words, sizeof(words));
		sb_text(desc, words);
		sb_text(desc, day < in->to_day ? " " : "");
		sb_printf(b, "<g><title>");
		sb_text(b, words);
		sb_printf(b, "</title>");
		if (row % 2 == 1)
			sb_printf(b,
			    "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" "
			    "height=\"%d\" fill=\"#f3f5f9\"/>",
			    D_LEFT, ry, D_CW, d->rh);
		if (d->rh >= 10 || row % 7 == 0) {
			short_date(day, a, sizeof(a));
			sb_printf(b,
			    "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" "
			    "text-anchor=\"end\">",
			    D_LEFT - 4, ry + d->rh / 2.0 + 3.5);
			sb_text(b, a);
			sb_printf(b, "</text>");
		}
		for (i = lo; i < hi; i++)
			draw_sleep(d, &sv->v[i], d->kinds[i], ds, de, ry);
		while (in->feeds != NULL && f < in->feeds->n &&
		    in->feeds->v[f].start_utc < ds)
			f++;
		for (; in->feeds != NULL && f < in->feeds->n &&
		     in->feeds->v[f].start_utc < de;
		     f++) {
			const struct lull_feed *fd = &in->feeds->v[f];

			lull_time_format_hm(in->tz, fd->start_utc, a,
			    sizeof(a));
			sb_printf(b,
			    "<circle cx=\"%.2f\" cy=\"%.1f\" r=\"%.1f\" "
			    "fill=\"" C_FEED "\"><title>",
			    xpos(fd->start_utc, ds, de),
			    ry + d->rh - (d->rh > 8 ? 2.5 : 1.2),
			    d->rh > 8 ? 2.0 : 1.2);
			sb_textf(b, "Feed at %s (%s)", a,
			    lull_feed_kind_name(fd->kind));
			sb_printf(b, "</title></circle>");
		}
		sb_printf(b, "</g>\n");
	}
}

enum lull_err
lull_svg_diary(const struct lull_svg_diary *in, char **out, size_t *len,
    struct lull_errinfo *ei)
{
	const struct lull_sleepv *sv = in->sleeps;
	struct sb b = { 0 }, rows = { 0 };
	struct diary d;
	char a[32], z[32];
	int32_t nrows;
	int h, r, legend_y;

	*out = NULL;
	*len = 0;
	if (in->to_day < in->from_day)
		return lull_errinfo_set(ei, LULL_EINVAL, "from",
		    "from: the first day is after the last");
	nrows = in->to_day - in->from_day + 1;
	if (nrows > 366)
		return lull_errinfo_set(ei, LULL_EINVAL, "from",
		    "from: a diary shows a year at most (%d days asked)",
		    (int)nrows);
	memset(&d, 0, sizeof(d));
	d.in = in;
	d.b = &rows;
	d.rh = nrows <= 31 ? 18 : nrows <= 92 ? 10 : 6;
	if (sv != NULL && sv->n > 0 &&
	    (d.kinds = malloc(sv->n * sizeof(*d.kinds))) == NULL)
		return lull_errinfo_set(ei, LULL_ENOMEM, "",
		    "out of memory for the chart");
	if (sv != NULL && sv->n > 0)
		lull_sleeps_derive_kinds(in->tz, in->child, sv->v, sv->n,
		    d.kinds);
	legend_y = D_TOP + nrows * d.rh + 18;
	h = legend_y + 30;
	open_svg(&b, D_W, h);
	lull_date_format_long(in->from_day, a, sizeof(a));
	lull_date_format_long(in->to_day, z, sizeof(z));
	sb_printf(&b, "<title id=\"title\">");
	sb_textf(&b, "Sleep diary of %s, %s to %s", in->child_name, a, z);
	sb_printf(&b, "</title>\n<desc id=\"desc\">");
	sb_textf(&b, "One row a day from %s to %s, 24 hours across from "
		     "midnight at the left to midnight at the right, noon in "
		     "the middle. Dark blue bars are night sleep, light blue "
		     "bars are naps, orange marks are night wakings and green "
		     "dots are feeds. ",
	    a, z);
	diary_rows(&d, &b);
	sb_printf(&b, "</desc>\n");
	sb_printf(&b, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
	    D_W, h);
	sb_printf(&b, "<text x=\"8\" y=\"20\" font-size=\"14\" "
		      "font-weight=\"600\">");
	sb_textf(&b, "Sleep diary: %s", in->child_name);
	sb_printf(&b, "</text>\n<text x=\"8\" y=\"35\" font-size=\"10\">");
	sb_textf(&b, "%s to %s", a, z);
	sb_printf(&b, "</text>\n");
	/* Hours across. */
	for (r = 0; r <= 24; r += 3) {
		double x = D_LEFT + D_CW * r / 24.0;

		sb_printf(&b,
		    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
		    "stroke=\"" C_GRID "\" stroke-width=\"%s\"/>",
		    x, D_TOP - 4, x, D_TOP + nrows * d.rh,
		    r % 6 == 0 ? "0.8" : "0.4");
		if (r % 6 == 0)
			sb_printf(&b,
			    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" "
			    "text-anchor=\"%s\">%02d:00</text>",
			    x, D_TOP - 7, r == 24 ? "end" : "middle", r);
	}
	sb_printf(&b, "\n");
	sb_append(&b, &rows);
	free(rows.p);
	/* The legend, in words as well as colours. */
	sb_printf(&b,
	    "<g font-size=\"10\">"
	    "<rect x=\"8\" y=\"%d\" width=\"14\" height=\"8\" fill=\"" C_NIGHT
	    "\"/><text x=\"26\" y=\"%d\">night</text>"
	    "<rect x=\"66\" y=\"%d\" width=\"14\" height=\"8\" fill=\"" C_NAP
	    "\"/><text x=\"84\" y=\"%d\">nap</text>"
	    "<rect x=\"116\" y=\"%d\" width=\"3\" height=\"12\" fill=\"" C_WAKE
	    "\"/><text x=\"123\" y=\"%d\">night waking</text>"
	    "<circle cx=\"200\" cy=\"%d\" r=\"3\" fill=\"" C_FEED
	    "\"/><text x=\"207\" y=\"%d\">feed</text></g>\n",
	    legend_y, legend_y + 8, legend_y, legend_y + 8, legend_y - 2,
	    legend_y + 8, legend_y + 4, legend_y + 8);
	sb_printf(&b, "</svg>\n");
	free(d.kinds);
	return sb_done(&b, out, len, ei);
}

/* ---- the trends ---------------------------------------------------------- */

#define T_W	360
#define T_LEFT	40
#define T_CW	308
#define T_PANEL 118
#define T_PLOT	78
#define T_TOP	46

struct panel {
	enum lull_metric metric;
	const char *title;
	const char *unit;   /* in the axis labels */
	double per_unit;    /* metric value per axis unit */
	double ymin, ymax;  /* at least this range, in axis units */
	double step;	    /* grid step, axis units */
};

static const struct panel panels[] = {
	{ LULL_METRIC_TOTAL, "Total sleep a day", "h", 60, 8, 18, 2 },
	{ LULL_METRIC_WAKINGS, "Night wakings that needed someone", "", 1, 0,
	    4, 1 },
	{ LULL_METRIC_LATENCY, "Time to fall asleep at bedtime", "min", 1, 0,
	    40, 10 },
};

#define NPANELS (sizeof(panels) / sizeof(panels[0]))

static const struct lull_norm_table *
table_for(enum lull_metric m, int recommended)
{
	const struct lull_norm_table *t;
	size_t i;

	for (i = 0; (t = lull_norm_table(i)) != NULL; i++)
		if (t->metric == m && t->recommended == recommended)
			return t;
	return NULL;
}

static double
tx(size_t i, size_t n)
{
	return T_LEFT + T_CW * ((double)i + 0.5) / (double)n;
}

/* The range for each day's age, merged where days share a row. */
static void
bands(struct sb *b, const struct lull_svg_trends *in,
    const struct lull_norm_table *t, const struct panel *p, double y0,
    double ymin, double ymax, const char *fill)
{
	double half = T_CW / (double)in->ndays / 2;
	size_t i = 0, j;

	if (t == NULL)
		return;
	while (i < in->ndays) {
		const struct lull_norm_row *r = in->days[i].age_days ==
			LULL_STATS_NONE ?
		    NULL :
		    lull_norm_row(t, in->days[i].age_days);
		double lo, hi;

		for (j = i + 1; j < in->ndays; j++) {
			const struct lull_norm_row *s = in->days[j].age_days ==
				LULL_STATS_NONE ?
			    NULL :
			    lull_norm_row(t, in->days[j].age_days);

			if (s != r)
				break;
		}
		if (r != NULL) {
			lo = r->lo * t->per_unit / p->per_unit;
			hi = r->hi * t->per_unit / p->per_unit;
			if (lo < ymin)
				lo = ymin;
			if (hi > ymax)
				hi = ymax;
			if (hi > lo)
				sb_printf(b,
				    "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
				    "height=\"%.2f\" fill=\"%s\"/>",
				    tx(i, in->ndays) - half,
				    y0 + T_PLOT * (ymax - hi) / (ymax - ymin),
				    tx(j - 1, in->ndays) - tx(i, in->ndays) +
					2 * half,
				    T_PLOT * (hi - lo) / (ymax - ymin), fill);
		}
		i = j;
	}
}

static void
fmt_value(const struct panel *p, double v, char *buf, size_t bufsz)
{
	double x = v / p->per_unit;

	if (v < 0)
		snprintf(buf, bufsz, "not known");
	else if (p->per_unit == 60)
		snprintf(buf, bufsz, "%.1f h", x);
	else if (p->unit[0] != '\0')
		snprintf(buf, bufsz, "%.0f %s", x, p->unit);
	else
		snprintf(buf, bufsz, "%.1f", x);
}

/* First and last known values of a series, for the words. */
static void
ends(const double *v, size_t n, double *first, double *last)
{
	size_t i;

	*first = *last = -1;
	for (i = 0; i < n; i++)
		if (v[i] >= 0) {
			if (*first < 0)
				*first = v[i];
			*last = v[i];
		}
}

static void
panel_words(struct sb *b, const struct lull_svg_trends *in,
    const struct panel *p, const double *roll)
{
	const struct lull_norm_table *t = table_for(p->metric, 0);
	const struct lull_norm_row *r = NULL;
	double first, last;
	char x[32], y[32];

	ends(roll, in->ndays, &first, &last);
	fmt_value(p, first, x, sizeof(x));
	fmt_value(p, last, y, sizeof(y));
	sb_textf(b, "%s: the 7-day median was %s at the start and %s at the "
		    "end",
	    p->title, x, y);
	if (t != NULL && in->days[in->ndays - 1].age_days != LULL_STATS_NONE)
		r = lull_norm_row(t, in->days[in->ndays - 1].age_days);
	if (r != NULL)
		sb_textf(b, "; the usual range for the age, shaded, is "
			    "%g to %g %s",
		    r->lo, r->hi, t->unit);
	sb_text(b, ". ");
}

static void
draw_panel(struct sb *b, const struct lull_svg_trends *in,
    const struct panel *p, double top, double *vals, double *roll)
{
	const struct lull_norm_table *usual = table_for(p->metric, 0);
	const struct lull_norm_table *rec = table_for(p->metric, 1);
	double y0 = top + 20, ymin = p->ymin, ymax = p->ymax, g, step;
	size_t i, known = 0;
	int32_t x;
	int pen = 0;

	for (i = 0; i < in->ndays; i++) {
		vals[i] = lull_metric_value(&in->days[i], p->metric, &x) ?
		    x / p->per_unit :
		    -1;
		if (vals[i] > ymax)
			ymax = vals[i];
		if (vals[i] >= 0)
			known++;
	}
	/* Four or five grid lines, whatever the values. */
	step = p->step;
	while ((ymax - ymin) / step > 5)
		step *= 2;
	ymax = ymin + step * (double)(long)((ymax - ymin + step - 0.001) /
					  step);
	sb_printf(b, "<g><title>");
	sb_text(b, p->title);
	sb_printf(b, "</title><text x=\"8\" y=\"%.1f\" font-size=\"12\" "
		     "font-weight=\"600\">",
	    top + 12);
	sb_text(b, p->title);
	sb_printf(b, "</text>");
	bands(b, in, usual, p, y0, ymin, ymax, C_BAND);
	bands(b, in, rec, p, y0, ymin, ymax, C_REC);
	for (g = ymin; g <= ymax + 0.001; g += step) {
		double y = y0 + T_PLOT * (ymax - g) / (ymax - ymin);

		sb_printf(b,
		    "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" "
		    "stroke=\"" C_GRID "\" stroke-width=\"0.5\"/>"
		    "<text x=\"%d\" y=\"%.2f\" font-size=\"10\" "
		    "text-anchor=\"end\">%g%s%s</text>",
		    T_LEFT, y, T_LEFT + T_CW, y, T_LEFT - 4, y + 3.5, g,
		    p->unit[0] ? " " : "", p->unit);
	}
	for (i = 0; i < in->ndays; i++) {
		char d[32], v[32];

		if (vals[i] < 0)
			continue;
		lull_date_format_long(in->days[i].day, d, sizeof(d));
		fmt_value(p, vals[i] * p->per_unit, v, sizeof(v));
		sb_printf(b,
		    "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"1.8\" fill=\"" C_DOT
		    "\"><title>",
		    tx(i, in->ndays),
		    y0 + T_PLOT * (ymax - vals[i]) / (ymax - ymin));
		sb_textf(b, "%s: %s", d, v);
		sb_printf(b, "</title></circle>");
	}
	if (known == 0)
		sb_printf(b,
		    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
		    "text-anchor=\"middle\">not logged in these days</text>",
		    T_LEFT + T_CW / 2.0, y0 + T_PLOT / 2.0);
	/* The 7-day median, broken where it is not known. */
	for (i = 0; i < in->ndays; i++) {
		double v = roll[i] < 0 ? -1 : roll[i] / p->per_unit;

		if (v < 0) {
			if (pen)
				sb_printf(b, "\"/>");
			pen = 0;
			continue;
		}
		sb_printf(b, "%s%.2f %.2f",
		    pen ? " L" :
			  "<path fill=\"none\" stroke=\"" C_NIGHT
			  "\" stroke-width=\"1.8\" stroke-linejoin=\"round\" "
			  "d=\"M",
		    tx(i, in->ndays), y0 + T_PLOT * (ymax - v) / (ymax - ymin));
		pen = 1;
	}
	if (pen)
		sb_printf(b, "\"/>");
	sb_printf(b, "</g>\n");
}

enum lull_err
lull_svg_trends(const struct lull_svg_trends *in, char **out, size_t *len,
    struct lull_errinfo *ei)
{
	struct sb b = { 0 };
	struct lull_svg_trends view;
	double *vals, *roll[NPANELS];
	char a[32], z[32];
	size_t i, k, lead;
	int h, ly;

	*out = NULL;
	*len = 0;
	if (in->ndays <= in->lead || in->ndays - in->lead > 3661)
		return lull_errinfo_set(ei, LULL_EINVAL, "from",
		    "from: a trend needs 1 to 3661 days (%zu asked)",
		    in->ndays > in->lead ? in->ndays - in->lead : 0);
	vals = malloc(in->ndays * sizeof(*vals));
	for (k = 0; k < NPANELS; k++)
		roll[k] = vals ? malloc(in->ndays * sizeof(double)) : NULL;
	if (vals == NULL || roll[0] == NULL || roll[1] == NULL ||
	    roll[2] == NULL) {
		free(vals);
		for (k = 0; k < NPANELS; k++)
			free(roll[k]);
		return lull_errinfo_set(ei, LULL_ENOMEM, "",
		    "out of memory for the chart");
	}
	for (k = 0; k < NPANELS; k++)
		lull_stats_rolling(in->days, in->ndays, panels[k].metric, 7,
		    roll[k]);
	/* From here on, only the days drawn. */
	lead = in->lead;
	view = *in;
	view.days = in->days + lead;
	view.ndays = in->ndays - lead;
	view.lead = 0;
	in = &view;
	ly = T_TOP + (int)NPANELS * T_PANEL + 4;
	h = ly + 40;
	open_svg(&b, T_W, h);
	lull_date_format_long(in->days[0].day, a, sizeof(a));
	lull_date_format_long(in->days[in->ndays - 1].day, z, sizeof(z));
	sb_printf(&b, "<title id=\"title\">");
	sb_textf(&b, "Sleep trends of %s, %s to %s", in->child_name, a, z);
	sb_printf(&b, "</title>\n<desc id=\"desc\">");
	sb_textf(&b, "Three panels from %s to %s. Dots are single days; the "
		     "line is the median of the last 7 days. ",
	    a, z);
	for (k = 0; k < NPANELS; k++)
		panel_words(&b, in, &panels[k], roll[k] + lead);
	sb_text(&b, "Ranges are for many children of the same age; yours is "
		    "one child.");
	sb_printf(&b, "</desc>\n<rect width=\"%d\" height=\"%d\" "
		      "fill=\"#ffffff\"/>\n",
	    T_W, h);
	sb_printf(&b, "<text x=\"8\" y=\"20\" font-size=\"14\" "
		      "font-weight=\"600\">");
	sb_textf(&b, "Sleep trends: %s", in->child_name);
	sb_printf(&b, "</text>\n<text x=\"8\" y=\"35\" font-size=\"10\">");
	sb_textf(&b, "%s to %s", a, z);
	sb_printf(&b, "</text>\n");
	for (k = 0; k < NPANELS; k++)
		draw_panel(&b, in, &panels[k], T_TOP + (double)k * T_PANEL, vals,
		    roll[k] + lead);
	/* Dates under the last panel: first, middle, last. */
	for (i = 0; i < 3; i++) {
		size_t at = i == 0 ? 0 : i == 1 ? in->ndays / 2 : in->ndays - 1;

		if (i == 1 && in->ndays < 5)
			continue;
		short_date(in->days[at].day, a, sizeof(a));
		sb_printf(&b,
		    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" "
		    "text-anchor=\"%s\">",
		    tx(at, in->ndays), ly - 2,
		    i == 0 ? "start" : i == 1 ? "middle" : "end");
		sb_text(&b, a + 4); /* "12 Jan" */
		sb_printf(&b, "</text>");
	}
	sb_printf(&b,
	    "\n<g font-size=\"10\">"
	    "<rect x=\"8\" y=\"%d\" width=\"14\" height=\"8\" fill=\"" C_BAND
	    "\" stroke=\"" C_GRID "\" stroke-width=\"0.5\"/>"
	    "<text x=\"26\" y=\"%d\">usual range for the age</text>"
	    "<rect x=\"150\" y=\"%d\" width=\"14\" height=\"8\" fill=\"" C_REC
	    "\"/><text x=\"168\" y=\"%d\">recommended</text>"
	    "<line x1=\"246\" y1=\"%d\" x2=\"262\" y2=\"%d\" stroke=\"" C_NIGHT
	    "\" stroke-width=\"1.8\"/><text x=\"266\" y=\"%d\">7-day "
	    "median</text></g>\n",
	    ly + 10, ly + 18, ly + 10, ly + 18, ly + 14, ly + 14, ly + 18);
	sb_printf(&b, "</svg>\n");
	free(vals);
	for (k = 0; k < NPANELS; k++)
		free(roll[k]);
	return sb_done(&b, out, len, ei);
}
