/*
 * Today (/h/{hid}/today): the page a parent opens at 3 a.m.  One big
 * button that follows the child's state (start a sleep; woke up; back
 * asleep; up for the day), how long it has been, the day so far,
 * tonight's plan step, the next sleep as a calm range (hideable), and
 * quick adds for a feed and a note.
 * SPDX-License-Identifier: ISC
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/plan.h"
#include "lull/plan_run.h"
#include "lull/predict.h"
#include "lull/store.h"
#include "web/page_int.h"
#include "web/web.h"

#define PREDICT_COOKIE "lull_predict"

/* Where the child is now, as the button sees it. */
enum state { ST_AWAKE = 0, ST_ASLEEP, ST_WAKING };

struct today {
	struct lull_childv kids;
	const struct lull_child *c;
	struct lull_caregiverv cg;
	struct lull_sleepv sl;	  /* this child's, oldest first */
	const struct lull_sleep *on; /* the ongoing sleep, or NULL */
	enum state st;
};

static void
today_free(struct today *t)
{
	lull_childv_free(&t->kids);
	lull_caregiverv_free(&t->cg);
	lull_sleepv_free(&t->sl);
}

/* "awake", "asleep:12", "waking:40": what the page showed, so that a
 * second tap (or a second phone) does not act twice. */
static void
state_text(const struct lull_sleep *on, char *buf, size_t bufsz)
{
	if (on == NULL)
		snprintf(buf, bufsz, "awake");
	else if (on->nwakings > 0 &&
	    on->wakings[on->nwakings - 1].end_utc == LULL_NO_TIME)
		snprintf(buf, bufsz, "waking:%" PRId64,
		    on->wakings[on->nwakings - 1].id);
	else
		snprintf(buf, bufsz, "asleep:%" PRId64, on->id);
}

static enum state
state_of(const struct lull_sleep *on)
{
	if (on == NULL)
		return ST_AWAKE;
	if (on->nwakings > 0 &&
	    on->wakings[on->nwakings - 1].end_utc == LULL_NO_TIME)
		return ST_WAKING;
	return ST_ASLEEP;
}

/* Seconds of [a, b) the child spent asleep in sleep "s" (wakings out). */
static int64_t
asleep_in(const struct lull_sleep *s, int64_t a, int64_t b, int64_t now)
{
	int64_t lo, hi, t;
	size_t i;

	lo = s->start_utc > a ? s->start_utc : a;
	hi = s->end_utc == LULL_NO_TIME ? now : s->end_utc;
	if (hi > b)
		hi = b;
	if (hi <= lo)
		return 0;
	t = hi - lo;
	for (i = 0; i < s->nwakings; i++) {
		const struct lull_waking *w = &s->wakings[i];
		int64_t wl = w->start_utc > lo ? w->start_utc : lo;
		int64_t wh = w->end_utc == LULL_NO_TIME ? now : w->end_utc;

		if (wh > hi)
			wh = hi;
		if (wh > wl)
			t -= wh - wl;
	}
	return t;
}

static const char *
said_text(const char *key)
{
	static const char *const said[][2] = {
		{ "started", "Sleep started. Rest well." },
		{ "woke", "Logged: awake now." },
		{ "waking", "Waking logged. Take your time." },
		{ "back", "Back asleep. Logged." },
		{ "back_brief", "Back asleep at once: not kept as a "
				"waking." },
		{ "stopped", "Good morning. The night is logged." },
		{ "stale", "Someone else logged just now; this is where "
			   "things stand." },
		{ "feed", "Feed logged." },
		{ "note", "Note saved." },
	};
	size_t i;

	for (i = 0; key != NULL && i < sizeof(said) / sizeof(said[0]); i++)
		if (strcmp(key, said[i][0]) == 0)
			return said[i][1];
	return NULL;
}

static int
load(struct web_req *req, struct web_resp *resp, struct today *t)
{
	enum lull_err rc;
	int x;
	size_t i;

	memset(t, 0, sizeof(*t));
	if ((x = page_children(req, resp, &t->kids, &t->c)))
		return x;
	if (t->c == NULL)
		return 0;
	if ((rc = lull_store_caregiver_list(req->st, req->household_id,
		 &t->cg)) ||
	    (rc = lull_store_sleep_range(req->st, req->household_id, t->c->id,
		 req->now - LULL_PREDICT_DAYS * 86400 - 2 * 86400, req->now + 1,
		 &t->sl)))
		return page_store_fail(req, resp, rc);
	for (i = 0; i < t->sl.n; i++)
		if (t->sl.v[i].end_utc == LULL_NO_TIME)
			t->on = &t->sl.v[i];
	t->st = state_of(t->on);
	return 0;
}

/* ---- the page -------------------------------------------------------- */

static void
button_form(struct web_buf *b, const struct web_req *req,
    const struct today *t, const char *action, const char *label,
    const char *cls)
{
	char st[48];

	state_text(t->on, st, sizeof(st));
	page_form_open(b, req, "today/sleep", "sleep-action");
	web_buf_printf(b, "<input type=\"hidden\" name=\"child\" "
			  "value=\"%" PRId64 "\">"
			  "<input type=\"hidden\" name=\"state\" value=\"%s\">"
			  "<button type=\"submit\" name=\"action\" "
			  "value=\"%s\" class=\"%s\">",
	    t->c->id, st, action, cls);
	web_buf_esc(b, label);
	web_buf_puts(b, "</button></form>\n");
}

/* "Asleep since 21:30" with the live timer the script keeps going. */
static void
since_line(struct web_buf *b, const struct web_req *req, const char *what,
    int64_t since)
{
	char hm[16], iso[40], dur[32];

	page_hm(req, since, hm, sizeof(hm));
	lull_time_format_rfc3339(req->tz, since, iso, sizeof(iso));
	page_dur(req->now - since, dur, sizeof(dur));
	web_buf_printf(b, "<p class=\"since\">%s <time datetime=\"%s\">%s"
			  "</time></p>\n",
	    what, iso, hm);
	web_buf_printf(b, "<p class=\"elapsed\"><span class=\"timer\" "
			  "data-since=\"%s\" aria-live=\"polite\" "
			  "aria-atomic=\"true\">%s</span> so far</p>\n",
	    iso, dur);
}

static void
now_section(struct web_buf *b, const struct web_req *req,
    const struct today *t)
{
	const struct lull_sleep *last = NULL;
	int write = page_can_write(req);
	size_t i;

	web_buf_puts(b, "<section class=\"now\" aria-labelledby=\"now-h\">"
			"<h2 id=\"now-h\">");
	web_buf_esc(b, t->c->name);
	switch (t->st) {
	case ST_AWAKE:
		web_buf_puts(b, " is awake</h2>\n");
		for (i = t->sl.n; i > 0 && last == NULL; i--)
			if (t->sl.v[i - 1].end_utc != LULL_NO_TIME)
				last = &t->sl.v[i - 1];
		if (last != NULL && req->now - last->end_utc < 24 * 3600)
			since_line(b, req, "Awake since", last->end_utc);
		if (write)
			button_form(b, req, t, "start", "Start sleep",
			    "primary big");
		break;
	case ST_ASLEEP:
		web_buf_printf(b, " is asleep%s</h2>\n",
		    t->on->kind == LULL_SLEEP_NIGHT ? " for the night" : "");
		since_line(b, req,
		    t->on->nwakings > 0 ? "Asleep again since" : "Asleep since",
		    t->on->nwakings > 0 ?
			t->on->wakings[t->on->nwakings - 1].end_utc :
			t->on->start_utc);
		if (write) {
			button_form(b, req, t, "woke", "Woke up",
			    "primary big");
			if (t->on->kind == LULL_SLEEP_NIGHT)
				button_form(b, req, t, "stop",
				    "Stop: up for the day", "secondary");
		}
		break;
	case ST_WAKING:
		web_buf_puts(b, " is awake in the night</h2>\n");
		since_line(b, req, "Awake since",
		    t->on->wakings[t->on->nwakings - 1].start_utc);
		if (write) {
			button_form(b, req, t, "back", "Back asleep",
			    "primary big");
			button_form(b, req, t, "stop", "Stop: up for the day",
			    "secondary");
		}
		break;
	}
	web_buf_puts(b, "</section>\n");
}

static void
day_section(struct web_buf *b, const struct web_req *req,
    const struct today *t)
{
	int32_t today = lull_local_day(req->tz, req->now);
	int64_t mid = lull_tz_day_start(req->tz, today), naps = 0, total = 0;
	const struct lull_sleep *last = NULL;
	char a[16], c[16], d[32];
	int nnaps = 0;
	size_t i;

	for (i = 0; i < t->sl.n; i++) {
		const struct lull_sleep *s = &t->sl.v[i];

		total += asleep_in(s, mid, req->now + 1, req->now);
		if (s->start_utc >= mid && s->kind == LULL_SLEEP_NAP) {
			nnaps++;
			naps += asleep_in(s, s->start_utc, INT64_MAX, req->now);
		}
		if (s->end_utc != LULL_NO_TIME)
			last = s;
	}
	web_buf_puts(b, "<section class=\"so-far\" aria-labelledby=\"day-h\">"
			"<h2 id=\"day-h\">The day so far</h2>\n<dl>");
	if (last != NULL) {
		page_hm(req, last->start_utc, a, sizeof(a));
		page_hm(req, last->end_utc, c, sizeof(c));
		page_dur(last->end_utc - last->start_utc, d, sizeof(d));
		web_buf_printf(b, "<dt>Last sleep</dt><dd>%s&ndash;%s "
				  "(%s, %s) ",
		    a, c, d, lull_sleep_kind_name(last->kind));
		page_logged_by(b, &t->cg, &last->meta);
		web_buf_puts(b, "</dd>");
	}
	page_dur(naps, d, sizeof(d));
	if (nnaps == 0)
		web_buf_puts(b, "<dt>Naps today</dt><dd>none yet</dd>");
	else
		web_buf_printf(b, "<dt>Naps today</dt><dd>%d (%s)</dd>",
		    nnaps, d);
	page_dur(total, d, sizeof(d));
	web_buf_printf(b, "<dt>Asleep since midnight</dt><dd>%s</dd>", d);
	web_buf_puts(b, "</dl></section>\n");
}

static void
step_text(struct web_buf *b, const char *label, const char *text)
{
	web_buf_puts(b, "<dt>");
	web_buf_esc(b, label);
	web_buf_puts(b, "</dt><dd>");
	web_buf_esc(b, text);
	web_buf_puts(b, "</dd>");
}

static void
plan_section(struct web_buf *b, struct web_req *req, const struct today *t)
{
	struct lull_plan_run r;
	struct lull_errinfo ei;
	const struct lull_step *s;
	enum lull_err rc;
	char base[32], wakes[160];
	size_t i;

	page_base(req, base, sizeof(base));
	web_buf_puts(b, "<section class=\"tonight\" aria-labelledby=\"plan-h\">"
			"<h2 id=\"plan-h\">Tonight's plan</h2>\n");
	lull_plan_run_init(&r);
	rc = lull_plan_run_load(req->st, req->tz, t->c, req->now, &r, &ei);
	if (rc != LULL_OK) {
		if (rc == LULL_ENOTFOUND)
			web_buf_puts(b, "<p>No plan is running. A plan is "
					"always optional.</p>");
		else
			web_buf_puts(b, "<p>The plan could not be read just "
					"now.</p>");
		goto out;
	}
	if (r.plan.nreferrals > 0 &&
	    r.plan.referrals[0].urgency == LULL_URGENCY_EMERGENCY) {
		web_buf_puts(b, "<p class=\"referral urgent\"><strong>First:"
				"</strong> ");
		web_buf_esc(b, r.plan.referrals[0].message);
		web_buf_puts(b, "</p>");
	}
	if (r.rec.state.paused || r.plan.mode == LULL_MODE_PAUSED) {
		web_buf_puts(b, "<p>The plan is paused: comfort and help as "
				"much as ");
		web_buf_esc(b, t->c->name);
		web_buf_puts(b, " needs tonight.</p>");
		goto out;
	}
	s = lull_plan_step(&r.plan, r.rec.state.step);
	if (s != NULL && r.plan.mode == LULL_MODE_COACHING) {
		web_buf_printf(b, "<p class=\"step-title\">Step %d of %zu: ",
		    s->index, r.plan.nsteps);
		web_buf_esc(b, s->title);
		web_buf_puts(b, "</p><dl class=\"step\">");
		snprintf(wakes, sizeof(wakes), "When %s wakes", t->c->name);
		step_text(b, "At bedtime", s->bedtime);
		step_text(b, wakes, s->waking);
		web_buf_puts(b, "</dl>");
	} else {
		web_buf_puts(b, "<p>The foundations, every night:</p><ul>");
		for (i = 0; i < r.plan.nsteps; i++) {
			web_buf_puts(b, "<li>");
			web_buf_esc(b, r.plan.steps[i].title);
			web_buf_puts(b, "</li>");
		}
		web_buf_puts(b, "</ul>");
	}
out:
	web_buf_printf(b, "<p><a href=\"%s/plan?child=%" PRId64 "\">The "
			  "whole plan</a></p></section>\n",
	    base, t->c->id);
	lull_plan_run_free(&r);
}

static void
window_line(struct web_buf *b, const struct web_req *req, const char *what,
    const struct lull_sleep_window *w)
{
	char a[16], l[16], z[16];

	page_hm(req, w->earliest_utc, a, sizeof(a));
	page_hm(req, w->likely_utc, l, sizeof(l));
	page_hm(req, w->latest_utc, z, sizeof(z));
	web_buf_printf(b, "<p>%s: likely between %s and %s, around %s.", what,
	    a, z, l);
	if (req->now > w->latest_utc)
		web_buf_puts(b, " That time has passed; follow your child's "
				"cues.");
	web_buf_puts(b, "</p>");
}

static void
predict_section(struct web_buf *b, struct web_req *req,
    const struct today *t)
{
	struct lull_predict_in in;
	struct lull_prediction p;
	struct lull_errinfo ei;
	char ck[16], what[48];
	int hidden;

	hidden = page_cookie(req, PREDICT_COOKIE, ck, sizeof(ck)) != NULL &&
	    strcmp(ck, "hide") == 0;
	web_buf_puts(b, "<section class=\"predict\" aria-labelledby=\"pr-h\">"
			"<h2 id=\"pr-h\">What may come next</h2>\n");
	if (hidden) {
		web_buf_puts(b, "<p>Predictions are hidden.</p>");
	} else {
		memset(&in, 0, sizeof(in));
		in.tz = req->tz;
		in.child = t->c;
		in.sleeps = &t->sl;
		in.now_utc = req->now;
		if (lull_predict(&in, &p, &ei) != LULL_OK)
			web_buf_puts(b, "<p>No prediction just now.</p>");
		else {
			if (p.next.valid) {
				if (p.next.kind == LULL_SLEEP_NAP)
					snprintf(what, sizeof(what),
					    "Next nap (nap %d)",
					    p.next.nap_index);
				else
					snprintf(what, sizeof(what),
					    "Next sleep (the night)");
				window_line(b, req, what, &p.next);
			}
			if (p.bedtime.valid &&
			    !(p.next.valid &&
				p.next.kind == LULL_SLEEP_NIGHT))
				window_line(b, req, "Bedtime", &p.bedtime);
			if (!p.next.valid && !p.bedtime.valid)
				web_buf_puts(b, "<p>Nothing to suggest "
						"right now.</p>");
		}
		web_buf_puts(b, "<p class=\"aside\">Wake windows by age are a "
				"convention, not research, and these ranges "
				"lean on ");
		web_buf_esc(b, t->c->name);
		web_buf_puts(b, "'s own log. ");
		web_buf_esc(b, t->c->name);
		web_buf_puts(b, "'s cues come first.</p>");
	}
	page_form_open(b, req, "today/predictions", "inline");
	web_buf_printf(b, "<input type=\"hidden\" name=\"child\" "
			  "value=\"%" PRId64 "\">"
			  "<input type=\"hidden\" name=\"show\" value=\"%d\">"
			  "<button type=\"submit\" class=\"link\">%s</button>"
			  "</form></section>\n",
	    t->c->id, hidden, hidden ? "Show predictions" : "Hide predictions");
}

static void
quick_section(struct web_buf *b, const struct web_req *req,
    const struct today *t)
{
	static const char *const tags[][2] = {
		{ "other", "Just a note" }, { "ill", "Unwell" },
		{ "teething", "Teething" }, { "travel", "Travelling" },
		{ "milestone", "A new skill" }, { "childcare", "Childcare" },
		{ "vaccination", "Vaccination" },
	};
	char day[16];
	size_t i;

	lull_date_format(lull_local_day(req->tz, req->now), day, sizeof(day));
	web_buf_puts(b, "<section class=\"quick\" aria-labelledby=\"q-h\">"
			"<h2 id=\"q-h\">Quick add</h2>\n");
	page_form_open(b, req, "feeds", "quick-feed");
	web_buf_printf(b, "<input type=\"hidden\" name=\"child\" "
			  "value=\"%" PRId64 "\">"
			  "<input type=\"hidden\" name=\"back\" value=\"today\">",
	    t->c->id);
	web_buf_puts(b,
	    "<fieldset><legend>Feed</legend>"
	    "<fieldset class=\"choices\"><legend>Kind</legend>"
	    "<label><input type=\"radio\" name=\"kind\" value=\"breast\" "
	    "checked> Breast</label>"
	    "<label><input type=\"radio\" name=\"kind\" value=\"bottle\"> "
	    "Bottle</label>"
	    "<label><input type=\"radio\" name=\"kind\" value=\"solids\"> "
	    "Solids</label></fieldset>"
	    "<fieldset class=\"choices\"><legend>Side</legend>"
	    "<label><input type=\"radio\" name=\"side\" value=\"left\"> "
	    "Left</label>"
	    "<label><input type=\"radio\" name=\"side\" value=\"right\"> "
	    "Right</label>"
	    "<label><input type=\"radio\" name=\"side\" value=\"both\"> "
	    "Both</label>"
	    "<label><input type=\"radio\" name=\"side\" value=\"none\" "
	    "checked> Not noted</label></fieldset>"
	    "<label for=\"feed-at\">When</label>"
	    "<input type=\"text\" id=\"feed-at\" name=\"at\" value=\"now\" "
	    "autocomplete=\"off\" aria-describedby=\"feed-at-hint\">"
	    "<p class=\"hint\" id=\"feed-at-hint\">now, 21:30, or "
	    "yesterday 21:30</p>"
	    "<button type=\"submit\" class=\"secondary\">Log feed</button>"
	    "</fieldset></form>\n");
	page_form_open(b, req, "tags", "quick-note");
	web_buf_printf(b, "<input type=\"hidden\" name=\"child\" "
			  "value=\"%" PRId64 "\">"
			  "<input type=\"hidden\" name=\"back\" value=\"today\">"
			  "<input type=\"hidden\" name=\"from\" value=\"%s\">",
	    t->c->id, day);
	web_buf_puts(b, "<fieldset><legend>Note for today</legend>"
			"<label for=\"note-kind\">About</label>"
			"<select id=\"note-kind\" name=\"kind\">");
	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		web_buf_printf(b, "<option value=\"%s\">%s</option>",
		    tags[i][0], tags[i][1]);
	web_buf_puts(b, "</select>"
			"<label for=\"note-text\">Note</label>"
			"<textarea id=\"note-text\" name=\"note\" rows=\"2\">"
			"</textarea>"
			"<button type=\"submit\" class=\"secondary\">Save note"
			"</button>"
			"</fieldset></form></section>\n");
}

int
page_today(struct web_req *req, struct web_resp *resp)
{
	struct web_buf b = { 0 };
	struct today t;
	const char *msg;
	char base[32];
	int x;

	if ((x = load(req, resp, &t))) {
		today_free(&t);
		return 0;
	}
	web_page_open(&b, req, "Today");
	web_buf_puts(&b, "<h1>Today</h1>\n");
	if ((msg = said_text(web_query(req, "said"))) != NULL)
		page_notice(&b, msg);
	if (t.c == NULL && page_can_write(req)) {
		/* The first visit after making a household: one step on. */
		web_buf_printf(&b, "<section class=\"welcome\" "
				   "aria-labelledby=\"welcome-h\">"
				   "<h2 id=\"welcome-h\">Welcome</h2>\n"
				   "<p>Start by adding your child: a name and a "
				   "birth date are all lull needs. Then this "
				   "page keeps the day and the night for you."
				   "</p>\n<a class=\"button big\" "
				   "href=\"%s/settings#children\">Add your "
				   "child</a></section>\n",
		    page_base(req, base, sizeof(base)));
	} else if (t.c == NULL) {
		web_buf_printf(&b, "<p>There is no child in this household "
				   "yet. Whoever keeps the journal can add one "
				   "in <a href=\"%s/settings#children\">"
				   "Settings</a>.</p>\n",
		    page_base(req, base, sizeof(base)));
	} else {
		page_child_picker(&b, req, &t.kids, t.c, "today");
		now_section(&b, req, &t);
		day_section(&b, req, &t);
		plan_section(&b, req, &t);
		predict_section(&b, req, &t);
		if (page_can_write(req))
			quick_section(&b, req, &t);
	}
	web_page_close(&b, req);
	today_free(&t);
	web_buf_html(&b, resp, 200);
	return 0;
}

/* ---- the button ------------------------------------------------------ */

static int
back_to_today(struct web_req *req, struct web_resp *resp, int64_t child,
    const char *said)
{
	char path[96];

	snprintf(path, sizeof(path), "today?child=%" PRId64 "&said=%s", child,
	    said);
	return page_back(req, resp, path);
}

/*
 * Up for the day while the child is awake in the night: the night ended
 * when they woke, so the open waking becomes the night's end.
 */
static enum lull_err
end_night_at_waking(struct web_req *req, struct lull_sleep *s)
{
	struct lull_waking *w = &s->wakings[s->nwakings - 1];
	enum lull_err rc;

	if ((rc = lull_store_begin(req->st)))
		return rc;
	s->end_utc = w->start_utc;
	s->kind = LULL_SLEEP_NIGHT; /* "up for the day": it was the night */
	s->kind_given = 1;
	if ((rc = lull_store_waking_delete(req->st, w->id)) == LULL_OK) {
		lull_waking_free(w);
		s->nwakings--;
		rc = lull_store_sleep_update(req->st, s, req->tz, &req->actor);
	}
	if (rc == LULL_OK)
		rc = lull_store_commit(req->st);
	if (rc != LULL_OK)
		lull_store_rollback(req->st);
	return rc;
}

int
page_today_sleep(struct web_req *req, struct web_resp *resp)
{
	const char *action = web_form(req, "action");
	const char *was = web_form(req, "state");
	struct lull_childv kids = { 0 };
	const struct lull_child *c;
	struct lull_sleep s;
	struct lull_waking w;
	const char *said = NULL;
	enum lull_err rc;
	enum state st;
	char now_st[48];
	int x, found;

	lull_sleep_init(&s);
	lull_waking_init(&w);
	if ((x = page_children(req, resp, &kids, &c)))
		goto out;
	if (c == NULL) {
		x = web_error(req, resp, 422, "child", "Add a child first.");
		goto out;
	}
	rc = lull_store_sleep_ongoing(req->st, c->id, &s);
	if (rc != LULL_OK && rc != LULL_ENOTFOUND) {
		x = page_store_fail(req, resp, rc);
		goto out;
	}
	found = rc == LULL_OK;
	st = state_of(found ? &s : NULL);
	state_text(found ? &s : NULL, now_st, sizeof(now_st));
	if (action == NULL) {
		x = web_error(req, resp, 422, "action",
		    "Choose what happened.");
		goto out;
	}
	/* Two phones, or a second tap: act only on what the page showed. */
	if (was != NULL && strcmp(was, now_st) != 0) {
		x = back_to_today(req, resp, c->id, "stale");
		goto out;
	}
	rc = LULL_OK;
	if (strcmp(action, "start") == 0 && st == ST_AWAKE) {
		lull_sleep_free(&s);
		lull_sleep_init(&s);
		s.child_id = c->id;
		s.start_utc = req->now;
		rc = lull_store_sleep_add(req->st, &s, req->tz, &req->actor);
		said = "started";
	} else if (strcmp(action, "woke") == 0 && st == ST_ASLEEP &&
	    s.kind == LULL_SLEEP_NIGHT) {
		w.sleep_id = s.id;
		w.start_utc = req->now;
		rc = lull_store_waking_add(req->st, &w, req->tz, &req->actor);
		said = "waking";
	} else if ((strcmp(action, "woke") == 0 && st == ST_ASLEEP) ||
	    (strcmp(action, "stop") == 0 && st == ST_ASLEEP)) {
		s.end_utc = req->now;
		/* "Up for the day" says it was the night, however short:
		 * keep it one rather than let a short night read as a nap. */
		if (strcmp(action, "stop") == 0) {
			s.kind = LULL_SLEEP_NIGHT;
			s.kind_given = 1;
		}
		rc = lull_store_sleep_update(req->st, &s, req->tz, &req->actor);
		said = s.kind == LULL_SLEEP_NIGHT ? "stopped" : "woke";
	} else if (strcmp(action, "back") == 0 && st == ST_WAKING) {
		struct lull_waking *ow = &s.wakings[s.nwakings - 1];

		/* Back in the very second it began: a second tap on the
		 * big button, not a waking (and one with no length). */
		if (req->now <= ow->start_utc) {
			rc = lull_store_waking_delete(req->st, ow->id);
			said = "back_brief";
		} else {
			ow->end_utc = req->now;
			rc = lull_store_waking_update(req->st, ow, req->tz,
			    &req->actor);
			said = "back";
		}
	} else if (strcmp(action, "stop") == 0 && st == ST_WAKING) {
		rc = end_night_at_waking(req, &s);
		said = "stopped";
	} else if (strcmp(action, "start") == 0 ||
	    strcmp(action, "woke") == 0 || strcmp(action, "back") == 0 ||
	    strcmp(action, "stop") == 0)
		said = "stale";
	else {
		x = web_error(req, resp, 422, "action",
		    "That is not something this button does.");
		goto out;
	}
	if (rc != LULL_OK)
		x = page_store_fail(req, resp, rc);
	else
		x = back_to_today(req, resp, c->id, said);
out:
	(void)x;
	lull_waking_free(&w);
	lull_sleep_free(&s);
	lull_childv_free(&kids);
	return 0;
}

int
page_today_predictions(struct web_req *req, struct web_resp *resp)
{
	const char *show = web_form(req, "show");
	const char *child = web_form(req, "child");
	char path[64];

	if (show != NULL && strcmp(show, "1") == 0)
		web_header_add(resp, "Set-Cookie",
		    PREDICT_COOKIE "=show; Path=/; Max-Age=31536000; "
				   "SameSite=Lax; HttpOnly");
	else
		web_header_add(resp, "Set-Cookie",
		    PREDICT_COOKIE "=hide; Path=/; Max-Age=31536000; "
				   "SameSite=Lax; HttpOnly");
	if (page_id(child) != 0)
		snprintf(path, sizeof(path), "today?child=%" PRId64,
		    page_id(child));
	else
		snprintf(path, sizeof(path), "today");
	page_back(req, resp, path);
	return 0;
}
