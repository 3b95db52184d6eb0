/*
 * Nights (/h/{hid}/nights): tonight's rota (the shifts, each adult's
 * protected block, why when a target cannot be met, the safety note),
 * who carried the nights over the last four weeks side by side ("a
 * conversation starter, not a score"), and each adult's longest
 * unbroken sleep on the last seven nights with the rebalancing prompt.
 * As "lull rota plan" and "lull fairshare" count and say them: the
 * journal and the planner are shared (nights.h), the words are the
 * command line's.
 *
 * The child's journal is the household's, so any member sees this page
 * (WEB_READ).  An adult's own logged sleep is a personal record: it is
 * read as the member's caregiver, so it shows only where the store lets
 * them see it (their own, and what a partner shares); other nights are
 * from night duty, and marked so.  Nothing here writes.
 * SPDX-License-Identifier: ISC
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/fairshare.h"
#include "lull/nights.h"
#include "lull/rota.h"
#include "lull/store.h"
#include "web/page_int.h"
#include "web/web.h"

#define FAIR_WEEKS  4 /* as "lull fairshare" */
#define LAST_NIGHTS LULL_ROTA_REBALANCE_WINDOW /* 7 */

/* "4 h 30 min", "45 min", "5 h": as the planner's own sentences. */
static void
dur(int32_t min, char *buf, size_t bufsz)
{
	if (min < 0)
		snprintf(buf, bufsz, "-");
	else if (min < 60)
		snprintf(buf, bufsz, "%d min", (int)min);
	else if (min % 60 == 0)
		snprintf(buf, bufsz, "%d h", (int)(min / 60));
	else
		snprintf(buf, bufsz, "%d h %d min", (int)(min / 60),
		    (int)(min % 60));
}

/* "5h10", "45m", "-": compact, for a table of nights. */
static void
cdur(int32_t min, char *buf, size_t bufsz)
{
	if (min < 0)
		snprintf(buf, bufsz, "-");
	else if (min < 60)
		snprintf(buf, bufsz, "%dm", (int)min);
	else
		snprintf(buf, bufsz, "%dh%02d", (int)(min / 60),
		    (int)(min % 60));
}

/* An expected count: "1.2", "2". */
static void
fcount(double x, char *buf, size_t bufsz)
{
	double r = round(x * 10) / 10;

	if (r == floor(r))
		snprintf(buf, bufsz, "%.0f", r);
	else
		snprintf(buf, bufsz, "%.1f", r);
}

static const char *
plural(const char *count)
{
	return strcmp(count, "1") == 0 ? "" : "s";
}

/* ---- tonight's rota ----------------------------------------------------- */

static const char *
who(const struct lull_rota_night *r, int64_t id)
{
	const char *n = lull_rota_night_who(r, id);

	return n != NULL ? n : "someone";
}

static void
rota_person(struct web_buf *b, const struct web_req *req,
    const struct lull_rota_night *r, size_t i)
{
	const struct lull_rota_person *ps = &r->plan.people[i];
	char a[16], z[16], d[24], s[24];

	dur(ps->sleep_min, s, sizeof(s));
	web_buf_puts(b, "<li><strong>");
	web_buf_esc(b, r->ad[i].name);
	web_buf_puts(b, "</strong>: ");
	if (!ps->on_duty) {
		page_hm(req, ps->block_from_utc, a, sizeof(a));
		page_hm(req, ps->block_to_utc, z, sizeof(z));
		dur(ps->block_min, d, sizeof(d));
		web_buf_printf(b, "a night off, %s to %s, %s</li>", a, z, d);
		return;
	}
	if (ps->block_min <= 0) {
		web_buf_printf(b, "no protected block tonight; expected sleep "
				  "about %s</li>",
		    s);
		return;
	}
	page_hm(req, ps->block_from_utc, a, sizeof(a));
	page_hm(req, ps->block_to_utc, z, sizeof(z));
	dur(ps->block_min, d, sizeof(d));
	web_buf_printf(b, "%s to %s, %s%s; expected sleep about %s; %s</li>",
	    a, z, d,
	    ps->guarded ? "" : " (the longest quiet stretch, not protected)",
	    s, ps->target_met ? "target met" : "short of the target");
}

static void
rota_plan(struct web_buf *b, const struct web_req *req,
    const struct lull_rota_night *r)
{
	const struct lull_rota_plan *p = &r->plan;
	char a[16], z[16], d[24], w[16], f[16];
	size_t i;
	int any = 0;

	page_hm(req, p->bed_utc, a, sizeof(a));
	page_hm(req, p->wake_utc, z, sizeof(z));
	dur((int32_t)((p->wake_utc - p->bed_utc) / 60), d, sizeof(d));
	fcount(r->pat.wakings_per_night, w, sizeof(w));
	fcount(r->pat.feeds_per_night, f, sizeof(f));
	web_buf_printf(b, "<p>The night covered: %s to %s (%s), ", a, z, d);
	web_buf_esc(b, r->j.child.name);
	web_buf_printf(b, "&rsquo;s typical night over the %d evenings before "
			  "(%d complete night%s logged): about %s waking%s a "
			  "night, %s of them feed%s.</p>\n",
	    LULL_ROTA_EVENINGS, r->pat.nights, r->pat.nights == 1 ? "" : "s",
	    w, plural(w), f, plural(f));
	web_buf_puts(b, "<p>");
	switch (p->tmpl) {
	case LULL_ROTA_SPLIT:
		web_buf_puts(b, "A split night: two of you take turns, and "
				"each one&rsquo;s shift is the other&rsquo;s "
				"protected block.");
		break;
	case LULL_ROTA_BETWEEN_FEEDS:
		web_buf_puts(b, "Between feeds: only ");
		web_buf_esc(b,
		    who(r, p->nshifts > 0 ? p->shifts[0].feeder_id : 0));
		web_buf_puts(b, " feeds at night, so their block lies between "
				"the expected feeds; then the other adult "
				"settles, changes and brings the baby back.");
		break;
	default:
		web_buf_puts(b, "One adult tonight: ");
		web_buf_esc(b, r->ad[0].name);
		web_buf_puts(b, " is on duty all night.");
		break;
	}
	web_buf_puts(b, "</p>\n<h3>Shifts</h3>\n<ol class=\"shifts\">");
	for (i = 0; i < p->nshifts; i++) {
		const struct lull_rota_shift *s = &p->shifts[i];

		page_hm(req, s->from_utc, a, sizeof(a));
		page_hm(req, s->to_utc, z, sizeof(z));
		fcount(s->wakings, w, sizeof(w));
		fcount(s->feeds, f, sizeof(f));
		web_buf_printf(b, "<li><strong>%s to %s</strong> ", a, z);
		web_buf_esc(b, who(r, s->caregiver_id));
		if (s->feeder_id != s->caregiver_id) {
			web_buf_puts(b, " gets up, ");
			web_buf_esc(b, who(r, s->feeder_id));
			web_buf_puts(b, " feeds");
		} else
			web_buf_puts(b, " is on duty");
		web_buf_printf(b, " (expected: about %s waking%s, %s feed%s)"
				  "</li>",
		    w, plural(w), f, plural(f));
	}
	web_buf_puts(b, "</ol>\n");
	for (i = 1; i < p->nshifts; i++) {
		if (p->shifts[i].caregiver_id == p->shifts[i - 1].caregiver_id)
			continue;
		page_hm(req, p->shifts[i].from_utc, a, sizeof(a));
		web_buf_puts(b, any++ ? ", " :
		    p->nhandovers == 1	  ? "<p class=\"handover\">Handover at " :
					    "<p class=\"handover\">Handovers at ");
		web_buf_printf(b, "%s: ", a);
		web_buf_esc(b, who(r, p->shifts[i - 1].caregiver_id));
		web_buf_puts(b, " to ");
		web_buf_esc(b, who(r, p->shifts[i].caregiver_id));
	}
	if (any)
		web_buf_puts(b, ".</p>\n");
	dur(p->target_min, d, sizeof(d));
	web_buf_printf(b, "<h3>%s</h3>\n<p class=\"hint\">The target: %s, %s."
			  "</p>\n<ul class=\"blocks\">",
	    p->tmpl == LULL_ROTA_SOLO ? "Sleep" : "Protected blocks", d,
	    strcmp(r->target_from, "settings") == 0 ?
		"from the household's settings" :
		"the default (about three adult sleep cycles)");
	for (i = 0; i < p->npeople; i++)
		rota_person(b, req, r, i);
	web_buf_puts(b, "</ul>\n");
	if (p->target_met && p->tmpl != LULL_ROTA_SOLO)
		web_buf_puts(b, "<p>Every protected block meets the target."
				"</p>\n");
	if (p->reason[0] != '\0') {
		web_buf_puts(b, "<p class=\"reason\">");
		web_buf_esc(b, p->reason);
		web_buf_puts(b, "</p>\n");
	}
	any = 0;
	for (i = 0; i < r->n; i++)
		if (r->ad[i].works_next_day) {
			web_buf_puts(b, any++ ? ", " :
						"<p>Working tomorrow: ");
			web_buf_esc(b, r->ad[i].name);
		}
	if (any)
		web_buf_printf(b, ". The rota gives %s the quieter part of the "
				  "night where it can.</p>\n",
		    any == 1 ? "them" : "each");
	if (p->tmpl == LULL_ROTA_SPLIT)
		web_buf_puts(b, "<p class=\"hint\">Who goes first changes night "
				"by night.</p>\n");
	web_buf_puts(b, "<p class=\"notice safety\"><strong>Safety:</strong> ");
	web_buf_esc(b, p->safety);
	web_buf_puts(b, "</p>\n");
	if (p->milk_note != NULL) {
		web_buf_puts(b, "<p><strong>Milk:</strong> ");
		web_buf_esc(b, p->milk_note);
		web_buf_puts(b, "</p>\n");
	}
}

static void
tonight_section(struct web_buf *b, struct web_req *req,
    const struct lull_child *c)
{
	struct lull_rota_night r;
	struct lull_errinfo ei;
	enum lull_err rc;
	int32_t today = lull_local_day(req->tz, req->now);

	memset(&ei, 0, sizeof(ei));
	web_buf_puts(b, "<section class=\"rota\" aria-labelledby=\"rota-h\">"
			"<h2 id=\"rota-h\">Tonight&rsquo;s rota</h2>\n");
	rc = lull_rota_night_load(req->st, req->household_id, req->tz, c->id,
	    today, today - 1, NULL, 0, &r, &ei);
	if (rc == LULL_OK)
		rc = lull_rota_night_plan(&r, 0, req->hh.core_block_min, 0,
		    req->now, &ei);
	if (rc == LULL_OK)
		rota_plan(b, req, &r);
	else if (rc == LULL_ENOTFOUND && strcmp(ei.field, "from") == 0) {
		web_buf_puts(b, "<p>No complete night of ");
		web_buf_esc(b, c->name);
		web_buf_printf(b, " is logged in the %d evenings before "
				  "tonight, so there is no typical night to "
				  "plan from yet. Once a few nights are logged, "
				  "tonight&rsquo;s shifts appear here.</p>\n",
		    LULL_ROTA_EVENINGS);
	} else if (rc == LULL_ENOTFOUND && strcmp(ei.field, "adults") == 0)
		web_buf_puts(b, "<p>No parent in this household yet: the rota "
				"is for the parents at home with the baby.</p>\n");
	else if (rc == LULL_EINVAL && strcmp(ei.field, "adults") == 0)
		web_buf_printf(b, "<p>The household has more than %d parents, "
				  "and a rota takes at most %d adults: the "
				  "command line&rsquo;s <code>lull rota plan "
				  "--with NAME,NAME</code> names tonight&rsquo;s."
				  "</p>\n",
		    LULL_ROTA_MAX_ADULTS, LULL_ROTA_MAX_ADULTS);
	else if (rc == LULL_EINVAL && strcmp(ei.field, "night_feeds") == 0)
		web_buf_puts(b, "<p>Nobody on tonight&rsquo;s rota can feed the "
				"baby at night. Who can is each adult&rsquo;s "
				"night feeds (<code>lull caregiver edit NAME "
				"--night-feeds bottle</code>, or breast).</p>\n");
	else {
		web_log(WEB_LOG_WARN, "tonight's rota: %s", ei.msg);
		web_buf_puts(b, "<p>Tonight&rsquo;s rota could not be worked "
				"out just now.</p>\n");
	}
	web_buf_puts(b, "</section>\n");
	lull_rota_night_free(&r);
}

/* ---- who carried the nights ----------------------------------------- */

/* Wakings answered by someone recorded, in a span. */
static int32_t
known_wakings(const struct lull_fair_span *sp)
{
	int32_t n = 0;
	size_t i;

	for (i = 0; i < sp->nwho; i++)
		if (sp->who[i].caregiver_id != 0)
			n += sp->who[i].wakings;
	return n;
}

static void
fair_row(struct web_buf *b, const struct lull_nights *ns,
    const struct lull_fair_span *sp, const char *label, int what,
    int unknown)
{
	int32_t known = known_wakings(sp);
	char cell[64], d[24];
	size_t i;

	web_buf_printf(b, "<tr><th scope=\"row\">%s</th>", label);
	for (i = 0; i <= ns->nside; i++) {
		const struct lull_fair_adult *f;
		int64_t id = i < ns->nside ? ns->side[i]->id : 0;

		if (i == ns->nside && !unknown)
			break;
		f = lull_fair_find(sp, id);
		switch (what) {
		case 0:
			if (known > 0 && id != 0)
				snprintf(cell, sizeof(cell), "%d (%d%%)",
				    f ? (int)f->wakings : 0,
				    (int)lround(100.0 *
					(f ? f->wakings : 0) / known));
			else
				snprintf(cell, sizeof(cell), "%d",
				    f ? (int)f->wakings : 0);
			break;
		case 1:
			dur(f ? f->waking_min : 0, cell, sizeof(cell));
			break;
		case 2:
			snprintf(cell, sizeof(cell), "%d",
			    f ? (int)f->settles : 0);
			break;
		case 3:
			snprintf(cell, sizeof(cell), "%d",
			    f ? (int)f->early : 0);
			break;
		default:
			dur(f ? f->waking_min : 0, d, sizeof(d));
			{
				int w = f ? (int)f->wakings : 0;
				int st = f ? (int)f->settles : 0;

				snprintf(cell, sizeof(cell),
				    "%d waking%s, %s up, %d bedtime%s, %d "
				    "early",
				    w, w == 1 ? "" : "s", d, st,
				    st == 1 ? "" : "s",
				    f ? (int)f->early : 0);
			}
			break;
		}
		web_buf_printf(b, "<td>%s</td>", cell);
	}
	web_buf_puts(b, "</tr>\n");
}

static void
fair_head(struct web_buf *b, const struct lull_nights *ns, int unknown)
{
	size_t i;

	web_buf_puts(b, "<thead><tr><td></td>");
	for (i = 0; i < ns->nside; i++) {
		web_buf_puts(b, "<th scope=\"col\">");
		web_buf_esc(b, ns->side[i]->name);
		web_buf_puts(b, "</th>");
	}
	if (unknown)
		web_buf_puts(b, "<th scope=\"col\">not recorded</th>");
	web_buf_puts(b, "</tr></thead>\n");
}

static void
fair_tables(struct web_buf *b, const struct lull_nights *ns,
    const struct lull_fairshare *fs, int32_t from, int32_t today)
{
	const struct lull_fair_adult *nr = lull_fair_find(&fs->total, 0);
	int unknown = nr != NULL;
	char a[32], z[32], label[80];
	size_t w;

	page_short_date(from, a, sizeof(a));
	lull_date_format_long(today, z, sizeof(z));
	web_buf_puts(b, "<section class=\"fair\" aria-labelledby=\"fair-h\">"
			"<h2 id=\"fair-h\">Who carried the nights</h2>\n"
			"<p>");
	web_buf_esc(b, ns->j.child.name);
	web_buf_printf(b, ", %s to %s (%d weeks, %d night%s logged).</p>\n"
			  "<p class=\"lead\">A conversation starter, not a "
			  "score.</p>\n<div class=\"table-wrap\">"
			  "<table class=\"side-by-side\"><caption>The last "
			  "%d weeks, side by side</caption>\n",
	    a, z, FAIR_WEEKS, fs->total.nights,
	    fs->total.nights == 1 ? "" : "s", FAIR_WEEKS);
	fair_head(b, ns, unknown);
	web_buf_puts(b, "<tbody>\n");
	fair_row(b, ns, &fs->total, "Wakings answered", 0, unknown);
	fair_row(b, ns, &fs->total, "Time up with the baby", 1, unknown);
	fair_row(b, ns, &fs->total, "Bedtimes settled", 2, unknown);
	fair_row(b, ns, &fs->total, "Early mornings", 3, unknown);
	web_buf_printf(b, "</tbody></table></div>\n<p class=\"hint\">Shares "
			  "are of the wakings where someone was recorded. An "
			  "early morning is a night that ended before 06:00: "
			  "%d of %d.</p>\n",
	    fs->total.early_nights, fs->total.nights);
	if (unknown && nr->wakings > 0)
		web_buf_printf(b, "<p>%d waking%s had nobody recorded; at 3 "
				  "a.m. that is only natural. Saying who got "
				  "up when you log makes this fuller.</p>\n",
		    (int)nr->wakings, nr->wakings == 1 ? "" : "s");
	if (fs->nweeks > 1) {
		web_buf_puts(b, "<div class=\"table-wrap\"><table "
				"class=\"side-by-side weeks\"><caption>Week by "
				"week</caption>\n");
		fair_head(b, ns, unknown);
		web_buf_puts(b, "<tbody>\n");
		for (w = 0; w < fs->nweeks; w++) {
			page_short_date(fs->weeks[w].from_day, a, sizeof(a));
			page_short_date(fs->weeks[w].to_day, z, sizeof(z));
			snprintf(label, sizeof(label), "%s &ndash; %s", a, z);
			fair_row(b, ns, &fs->weeks[w], label, 4, unknown);
		}
		web_buf_puts(b, "</tbody></table></div>\n");
	}
	web_buf_puts(b, "</section>\n");
}

static void
last_nights(struct web_buf *b, const struct lull_nights *ns,
    const struct lull_adult_night *an, const struct lull_rota_balance *bal,
    int32_t from, int32_t to)
{
	char c[32];
	size_t i;
	int32_t d;
	int duty = 0;

	web_buf_printf(b, "<section class=\"last-nights\" "
			  "aria-labelledby=\"ln-h\"><h2 id=\"ln-h\">Longest "
			  "unbroken sleep, the last %d nights</h2>\n"
			  "<div class=\"table-wrap\"><table "
			  "class=\"side-by-side nights\"><caption>Each "
			  "adult&rsquo;s longest stretch, night by night"
			  "</caption>\n<thead><tr><td></td>",
	    LAST_NIGHTS);
	for (d = from; d <= to; d++) {
		page_short_date(d, c, sizeof(c));
		web_buf_printf(b, "<th scope=\"col\">%s</th>", c);
	}
	web_buf_puts(b, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < ns->nside; i++) {
		web_buf_puts(b, "<tr><th scope=\"row\">");
		web_buf_esc(b, ns->side[i]->name);
		web_buf_puts(b, "</th>");
		for (d = from; d <= to; d++) {
			const struct lull_adult_night *a =
			    &an[i * LAST_NIGHTS + (size_t)(d - from)];

			cdur(a->src == LULL_NIGHT_SRC_NONE ? -1 :
							     a->longest_min,
			    c, sizeof(c));
			if (a->src == LULL_NIGHT_SRC_DUTY) {
				web_buf_printf(b, "<td class=\"duty\">%s<span "
						  "aria-hidden=\"true\">*"
						  "</span><span "
						  "class=\"visually-hidden\"> "
						  "(from night duty)</span>"
						  "</td>",
				    c);
				duty = 1;
			} else if (a->src == LULL_NIGHT_SRC_LOGGED)
				web_buf_printf(b, "<td class=\"logged\">%s"
						  "<span "
						  "class=\"visually-hidden\"> "
						  "(logged)</span></td>",
				    c);
			else
				web_buf_printf(b, "<td>%s</td>", c);
		}
		web_buf_puts(b, "</tr>\n");
	}
	web_buf_puts(b, "</tbody></table></div>\n");
	if (duty)
		web_buf_puts(b, "<p class=\"hint\">* from night duty: the "
				"longest stretch between the wakings they "
				"answered, from the baby&rsquo;s bedtime to "
				"morning, not their own sleep log.</p>\n");
	web_buf_puts(b, "<p class=\"hint\">Each adult&rsquo;s own logged sleep "
			"shows where you may see it (your own, and what a "
			"partner shares); other nights are from night duty."
			"</p>\n");
	for (i = 0; i < ns->nside; i++)
		if (bal[i].prompt) {
			web_buf_puts(b, "<p class=\"notice rebalance\">");
			web_buf_esc(b, bal[i].msg);
			web_buf_puts(b, "</p>\n");
		}
	web_buf_puts(b, "<p>If the split is not what you both want, "
			"tonight&rsquo;s rota gives each of you a protected "
			"block.</p>\n</section>\n");
}

static void
nights_sections(struct web_buf *b, struct web_req *req,
    const struct lull_child *c)
{
	struct lull_rota_balance bal[LULL_NIGHTS_MAX_SIDE];
	struct lull_adult_night *an = NULL;
	struct lull_fairshare fs;
	struct lull_errinfo ei;
	struct lull_nights ns;
	enum lull_err rc;
	int32_t today = lull_local_day(req->tz, req->now);
	int32_t from = today - 7 * FAIR_WEEKS + 1, n7 = today - LAST_NIGHTS;
	int32_t lo = from < n7 ? from : n7;
	size_t i;

	memset(&ei, 0, sizeof(ei));
	rc = lull_nights_load(req->st, req->household_id, req->tz, c->id, lo,
	    today, from, req->member.caregiver_id, req->now, &ns, &ei);
	if (rc == LULL_ENOTFOUND && strcmp(ei.field, "adults") == 0) {
		web_buf_puts(b, "<p>No adult to show yet: the nights are shown "
				"side by side once the parents are in the "
				"household.</p>\n");
		goto out;
	}
	if (rc == LULL_OK)
		rc = lull_fairshare(&ns.days[from - lo],
		    (size_t)(today - from + 1), &ns.j.sleeps, &fs, &ei);
	if (rc == LULL_OK &&
	    (an = calloc(ns.nside * LAST_NIGHTS, sizeof(*an))) == NULL)
		rc = LULL_ENOMEM;
	for (i = 0; rc == LULL_OK && i < ns.nside; i++) {
		rc = lull_nights_adult(&ns, req->tz, ns.side[i]->id, n7,
		    today - 1, &an[i * LAST_NIGHTS], &ei);
		lull_nights_balance(&an[i * LAST_NIGHTS], LAST_NIGHTS,
		    ns.side[i]->name, &bal[i]);
	}
	if (rc != LULL_OK) {
		web_log(WEB_LOG_WARN, "the nights: %s",
		    ei.msg[0] ? ei.msg : lull_strerror(rc));
		web_buf_puts(b, "<p>The nights could not be read just now."
				"</p>\n");
		goto out;
	}
	fair_tables(b, &ns, &fs, from, today);
	last_nights(b, &ns, an, bal, n7, today - 1);
out:
	free(an);
	lull_nights_free(&ns);
}

int
page_nights(struct web_req *req, struct web_resp *resp)
{
	struct lull_childv kids = { 0 };
	const struct lull_child *c;
	struct web_buf b = { 0 };
	char base[32];

	if (page_children(req, resp, &kids, &c)) {
		lull_childv_free(&kids);
		return 0;
	}
	web_page_open(&b, req, "Nights");
	web_buf_puts(&b, "<h1>Nights</h1>\n");
	page_care_nav(&b, req, "nights");
	if (c == NULL)
		web_buf_printf(&b, "<p>There is no child in this household "
				   "yet. <a href=\"%s/settings\">The "
				   "household</a></p>\n",
		    page_base(req, base, sizeof(base)));
	else {
		page_child_picker(&b, req, &kids, c, "nights");
		tonight_section(&b, req, c);
		nights_sections(&b, req, c);
	}
	web_page_close(&b, req);
	lull_childv_free(&kids);
	return web_buf_html(&b, resp, 200);
}
