/*
 * The plan (/h/{hid}/plan): this morning's decision with its reason and
 * evidence, tonight's step, the parent's own moves (pause, resume, step
 * back, slower, decide this morning), the ladder, why the plan is what it
 * is, its safety notes and its history.  The engine decides; this page
 * says it calmly and records what the parent chooses (plan_run.h, shared
 * with "lull plan").  Starting a plan is page_intake.c.
 * SPDX-License-Identifier: ISC
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/plan.h"
#include "lull/plan_run.h"
#include "lull/store.h"
#include "web/page_int.h"
#include "web/web.h"

const char *
page_verdict_label(enum lull_verdict v)
{
	static const char *const labels[LULL_VERDICT__MAX] = {
		[LULL_VERDICT_ADVANCE] = "On to the next step",
		[LULL_VERDICT_HOLD] = "Stay on this step",
		[LULL_VERDICT_STEP_BACK] = "A step back, to make it easier",
		[LULL_VERDICT_PAUSE] = "Paused",
		[LULL_VERDICT_RESUME] = "Picked up again",
		[LULL_VERDICT_REEVALUATE] = "Time to look at the plan again",
		[LULL_VERDICT_DONE] = "The goal is reached",
		[LULL_VERDICT_OVERRIDE] = "A step you chose",
		[LULL_VERDICT_SLOW] = "A slower pace",
	};

	return (unsigned)v < LULL_VERDICT__MAX ? labels[v] : "";
}

const char *
page_evidence_label(enum lull_evidence e)
{
	static const char *const labels[LULL_EVIDENCE__MAX] = {
		[LULL_EVIDENCE_GUIDELINE] = "clinical guidelines",
		[LULL_EVIDENCE_TRIAL] = "randomised trials",
		[LULL_EVIDENCE_OBSERVATIONAL] = "observational studies",
		[LULL_EVIDENCE_CONVENTION] = "practitioners' convention",
		[LULL_EVIDENCE_POLICY] = "lull's own rule",
	};

	return (unsigned)e < LULL_EVIDENCE__MAX ? labels[e] : "";
}

static const char *
presence_label(enum lull_presence p)
{
	static const char *const labels[LULL_PRESENCE__MAX] = {
		[LULL_PRESENCE_HOLDING] = "holding",
		[LULL_PRESENCE_TOUCHING] = "a hand on",
		[LULL_PRESENCE_BESIDE] = "beside",
		[LULL_PRESENCE_NEAR] = "near",
		[LULL_PRESENCE_DOORWAY] = "at the door",
		[LULL_PRESENCE_OUTSIDE_IN_VIEW] = "just outside, in view",
		[LULL_PRESENCE_OUTSIDE_NEARBY] = "just outside, close by",
	};

	return (unsigned)p < LULL_PRESENCE__MAX ? labels[p] : "";
}

static void
dl_item(struct web_buf *b, const char *term, const char *text)
{
	web_buf_puts(b, "<dt>");
	web_buf_esc(b, term);
	web_buf_puts(b, "</dt><dd>");
	web_buf_esc(b, text);
	web_buf_puts(b, "</dd>");
}

static void
step_dl(struct web_buf *b, const struct lull_step *s, const char *name)
{
	char wakes[96];

	snprintf(wakes, sizeof(wakes), "When %s wakes", name);
	web_buf_puts(b, "<dl class=\"step\">");
	dl_item(b, "At bedtime", s->bedtime);
	dl_item(b, wakes, s->waking);
	dl_item(b, "If crying builds", s->if_crying);
	web_buf_puts(b, "</dl>");
}

static void
decision_block(struct web_buf *b, enum lull_verdict v, int from, int to,
    enum lull_evidence ev, const char *reason, const char *source)
{
	web_buf_printf(b, "<p class=\"verdict\"><strong>%s</strong>",
	    page_verdict_label(v));
	if (from != to)
		web_buf_printf(b, " (step %d to %d)", from, to);
	web_buf_puts(b, "</p><p>");
	web_buf_esc(b, reason);
	web_buf_printf(b, "</p><p class=\"evidence hint\">Evidence: %s.",
	    page_evidence_label(ev));
	if (source != NULL && *source != '\0') {
		web_buf_puts(b, " Source: ");
		web_buf_esc(b, source);
	}
	web_buf_puts(b, "</p>");
}

/* The one form for the parent's moves, each a button. */
static void
moves_form(struct web_buf *b, const struct web_req *req,
    const struct lull_plan_run *r, int decided)
{
	int paused = r->rec.state.paused;
	int coaching = r->plan.mode == LULL_MODE_COACHING;

	web_buf_puts(b, "<section aria-labelledby=\"mv-h\">"
			"<h2 id=\"mv-h\">Your moves</h2>"
			"<p>You know your child best. Any of these, any "
			"time.</p>");
	page_form_open(b, req, "plan/move", "stack moves");
	web_buf_printf(b, "<input type=\"hidden\" name=\"child\" "
			  "value=\"%" PRId64 "\">"
			  "<input type=\"hidden\" name=\"version\" "
			  "value=\"%" PRId64 "\">",
	    r->child.id, r->rec.meta.version);
	web_buf_puts(b, "<label for=\"mv-note\">A note for the history "
			"(optional)</label>"
			"<textarea id=\"mv-note\" name=\"note\" rows=\"2\">"
			"</textarea><p class=\"row\">");
	if (!decided)
		web_buf_puts(b, "<button type=\"submit\" name=\"move\" "
				"value=\"decide\">Decide this morning</button>");
	if (paused)
		web_buf_puts(b, "<button type=\"submit\" name=\"move\" "
				"value=\"resume\" class=\"secondary\">Resume"
				"</button>");
	else
		web_buf_puts(b, "<button type=\"submit\" name=\"move\" "
				"value=\"pause\" class=\"secondary\">Pause"
				"</button>");
	if (coaching && r->rec.state.step > 1)
		web_buf_puts(b, "<button type=\"submit\" name=\"move\" "
				"value=\"back\" class=\"secondary\">Step back"
				"</button>");
	if (coaching)
		web_buf_puts(b, "<button type=\"submit\" name=\"move\" "
				"value=\"slow\" class=\"secondary\">Slower"
				"</button>");
	web_buf_puts(b, "</p></form></section>\n");
}

static void
morning_section(struct web_buf *b, struct web_req *req,
    struct lull_plan_run *r, int *decided)
{
	struct lull_plan_event ev;
	struct lull_decision d;
	struct lull_errinfo ei;

	lull_plan_event_init(&ev);
	*decided = 0;
	web_buf_puts(b, "<section aria-labelledby=\"mo-h\">"
			"<h2 id=\"mo-h\">This morning</h2>");
	if (lull_plan_run_decided(req->st, r, &ev, decided, &ei) != LULL_OK)
		web_buf_puts(b, "<p>The history could not be read just now."
				"</p>");
	else if (*decided) {
		decision_block(b, ev.verdict, ev.step_from, ev.step_to,
		    ev.evidence, ev.reason, ev.source);
		web_buf_puts(b, "<p class=\"hint\">Decided this morning.</p>");
	} else if (lull_plan_run_suggest(req->st, req->household_id, req->tz,
		       r, &d, &ei) == LULL_OK) {
		decision_block(b, d.verdict, d.step_from, d.step_to,
		    d.evidence, d.reason, d.source);
		web_buf_puts(b, "<p class=\"hint\">What last nights suggest; "
				"nothing changes until someone decides this "
				"morning.</p>");
		if (d.refer)
			web_buf_puts(b, "<p>It may help to talk it over with "
					"your child's doctor or health visitor."
					"</p>");
	} else
		web_buf_puts(b, "<p>The nights could not be read just now."
				"</p>");
	web_buf_puts(b, "</section>\n");
	lull_plan_event_free(&ev);
}

static void
tonight_section(struct web_buf *b, const struct lull_plan_run *r)
{
	const struct lull_step *s = lull_plan_step(&r->plan, r->rec.state.step);
	size_t i;

	web_buf_puts(b, "<section aria-labelledby=\"to-h\">"
			"<h2 id=\"to-h\">Tonight</h2>");
	if (r->rec.state.paused || r->plan.mode == LULL_MODE_PAUSED) {
		web_buf_puts(b, "<p>The plan is paused: comfort and help as "
				"much as ");
		web_buf_esc(b, r->child.name);
		web_buf_puts(b, " needs tonight.</p>");
	} else if (s != NULL && r->plan.mode == LULL_MODE_COACHING) {
		web_buf_printf(b, "<p class=\"step-title\">Step %d of %zu: ",
		    s->index, r->plan.nsteps);
		web_buf_esc(b, s->title);
		web_buf_puts(b, "</p>");
		step_dl(b, s, r->child.name);
	} else {
		web_buf_puts(b, "<p>The foundations, every night:</p>");
		for (i = 0; i < r->plan.nsteps; i++) {
			web_buf_puts(b, "<h3>");
			web_buf_esc(b, r->plan.steps[i].title);
			web_buf_puts(b, "</h3>");
			step_dl(b, &r->plan.steps[i], r->child.name);
		}
	}
	web_buf_puts(b, "</section>\n");
}

static void
ladder_section(struct web_buf *b, const struct lull_plan_run *r)
{
	size_t i;

	if (r->plan.mode != LULL_MODE_COACHING || r->plan.nsteps == 0)
		return;
	web_buf_puts(b, "<section aria-labelledby=\"la-h\">"
			"<h2 id=\"la-h\">The steps</h2><ol class=\"ladder\">");
	for (i = 0; i < r->plan.nsteps; i++) {
		const struct lull_step *s = &r->plan.steps[i];
		int here = (size_t)r->rec.state.step == i + 1;
		int n = s->nights_min + r->rec.state.slow;

		web_buf_printf(b, "<li%s>",
		    here ? " class=\"current\" aria-current=\"step\"" : "");
		web_buf_esc(b, s->title);
		web_buf_printf(b, " <span class=\"hint\">(%s, at least %d "
				  "night%s)</span>",
		    presence_label(s->presence), n, n == 1 ? "" : "s");
		if (here)
			web_buf_puts(b, " <strong>&larr; tonight</strong>");
		web_buf_puts(b, "</li>");
	}
	web_buf_puts(b, "</ol></section>\n");
}

static void
why_section(struct web_buf *b, const struct lull_plan_run *r)
{
	const struct lull_method_info *m = lull_method_info(r->plan.method);
	const struct lull_plan *why = &r->plan;
	struct lull_profile p = r->profile;
	struct lull_errinfo ei;
	struct lull_plan first;
	size_t i;

	/*
	 * The reasons as they were given when the plan started: rebuilt
	 * with the family's own choice (or none), not with the method the
	 * plan keeps, which would read as if the family had chosen it.
	 */
	p.method = r->chosen_method;
	if (lull_plan_build(&p, &first, &ei) == LULL_OK &&
	    first.method == r->plan.method)
		why = &first;

	web_buf_puts(b, "<section aria-labelledby=\"wh-h\">"
			"<h2 id=\"wh-h\">Why this plan</h2><p>");
	if (m != NULL) {
		web_buf_printf(b, "<strong>%s</strong>: ",
		    lull_method_id(r->plan.method));
		web_buf_esc(b, m->name);
		web_buf_puts(b, ". ");
		web_buf_esc(b, m->summary);
	}
	web_buf_puts(b, "</p>");
	if (r->plan.focus != LULL_ASSOC_NONE) {
		web_buf_puts(b, "<p>One thing changes at a time: ");
		web_buf_esc(b, lull_assoc_label(r->plan.focus));
		web_buf_puts(b, ".</p>");
	}
	if (why->nreasons > 0) {
		web_buf_puts(b, "<ul>");
		for (i = 0; i < why->nreasons; i++) {
			web_buf_puts(b, "<li>");
			web_buf_esc(b, why->reasons[i].text);
			web_buf_printf(b, " <span class=\"hint\">(%s)</span>"
					  "</li>",
			    page_evidence_label(why->reasons[i].evidence));
		}
		web_buf_puts(b, "</ul>");
	}
	web_buf_puts(b, "</section>\n");
}

void
page_plan_notes(struct web_buf *b, const struct lull_plan *p)
{
	size_t i;

	if (p->nreferrals > 0) {
		web_buf_puts(b, "<section aria-labelledby=\"rf-h\">"
				"<h2 id=\"rf-h\">See a clinician</h2><ul>");
		for (i = 0; i < p->nreferrals; i++) {
			const struct lull_referral *f = &p->referrals[i];

			web_buf_printf(b, "<li class=\"referral %s\">",
			    lull_urgency_name(f->urgency));
			web_buf_printf(b, "<strong>%s:</strong> ",
			    f->urgency == LULL_URGENCY_EMERGENCY ? "Now" :
			    f->urgency == LULL_URGENCY_SOON      ? "Today" :
								   "Soon");
			web_buf_esc(b, f->message);
			web_buf_puts(b, "</li>");
		}
		web_buf_puts(b, "</ul></section>\n");
	}
	if (p->nsafety > 0) {
		web_buf_puts(b, "<section aria-labelledby=\"sf-h\">"
				"<h2 id=\"sf-h\">Safe sleep</h2><ul>");
		for (i = 0; i < p->nsafety; i++) {
			const struct lull_safety *s = &p->safety[i];

			web_buf_printf(b, "<li class=\"safety %s\">",
			    lull_severity_name(s->severity));
			if (s->severity == LULL_SEVERITY_STRONG)
				web_buf_puts(b, "<strong>Important:</strong> ");
			web_buf_esc(b, s->message);
			web_buf_puts(b, "</li>");
		}
		web_buf_puts(b, "</ul></section>\n");
	}
}

/* An emergency is said first, before anything else. */
void
page_plan_emergency(struct web_buf *b, const struct lull_plan *p)
{
	if (p->nreferrals > 0 &&
	    p->referrals[0].urgency == LULL_URGENCY_EMERGENCY) {
		web_buf_puts(b, "<div class=\"notice bad urgent\" "
				"role=\"alert\"><p><strong>First:</strong> ");
		web_buf_esc(b, p->referrals[0].message);
		web_buf_puts(b, "</p></div>\n");
	}
}

static void
history_section(struct web_buf *b, struct web_req *req,
    const struct lull_plan_run *r)
{
	struct lull_plan_eventv v = { 0 };
	struct lull_caregiverv cg = { 0 };
	size_t i, shown = 0;

	if (lull_store_plan_events(req->st, r->rec.id, &v) != LULL_OK ||
	    lull_store_caregiver_list(req->st, req->household_id, &cg) !=
		LULL_OK)
		goto out;
	web_buf_puts(b, "<section aria-labelledby=\"hi-h\">"
			"<h2 id=\"hi-h\">History</h2>");
	if (v.n == 0)
		web_buf_puts(b, "<p>No decisions yet.</p>");
	else
		web_buf_puts(b, "<ul class=\"history\">");
	/* Newest first; the last few weeks are enough to see the way. */
	for (i = v.n; i > 0 && shown < 21; i--, shown++) {
		const struct lull_plan_event *e = &v.v[i - 1];
		const char *who = page_who(&cg, e->meta.created_by);
		char date[32];

		lull_date_format_long(e->day, date, sizeof(date));
		web_buf_printf(b, "<li><strong>%s</strong>: %s", date,
		    page_verdict_label(e->verdict));
		if (e->by_parent) {
			web_buf_puts(b, " (by ");
			web_buf_esc(b, who != NULL ? who : "a parent");
			web_buf_puts(b, ")");
		}
		web_buf_puts(b, ". ");
		web_buf_esc(b, e->reason);
		web_buf_puts(b, "</li>");
	}
	if (v.n > 0)
		web_buf_puts(b, "</ul>");
	web_buf_puts(b, "</section>\n");
out:
	lull_caregiverv_free(&cg);
	lull_plan_eventv_free(&v);
}

static const char *
said_text(const char *key)
{
	static const char *const said[][2] = {
		{ "started", "The plan has started. Tonight is its first "
			     "night; go gently." },
		{ "decided", "This morning's decision is recorded." },
		{ "pause", "Paused. Comfort as much as your child needs." },
		{ "resume", "Picked up again." },
		{ "back", "One step back. Easier is fine." },
		{ "slow", "Slower: one more night on every step." },
		{ "stale", "Someone else changed the plan just now; this is "
			   "where it stands." },
	};
	size_t i;

	for (i = 0; key != NULL && i < sizeof(said) / sizeof(said[0]); i++)
		if (strcmp(key, said[i][0]) == 0)
			return said[i][1];
	return NULL;
}

int
page_plan(struct web_req *req, struct web_resp *resp)
{
	struct web_buf b = { 0 };
	struct lull_childv kids = { 0 };
	const struct lull_child *c;
	struct lull_plan_run r;
	struct lull_errinfo ei;
	enum lull_err rc;
	char base[32], title[160];
	const char *msg;
	int decided = 0;

	lull_plan_run_init(&r);
	if (page_children(req, resp, &kids, &c))
		goto out;
	page_base(req, base, sizeof(base));
	web_page_open(&b, req, "Plan");
	if (c == NULL) {
		web_buf_printf(&b, "<h1>Plan</h1><p>There is no child in this "
				   "household yet. <a href=\"%s\">The "
				   "household</a></p>\n",
		    base);
		goto done;
	}
	rc = lull_plan_run_load(req->st, req->tz, c, req->now, &r, &ei);
	if (rc == LULL_OK)
		page_plan_emergency(&b, &r.plan);
	snprintf(title, sizeof(title), "%s's plan", c->name);
	web_buf_puts(&b, "<h1>");
	web_buf_esc(&b, title);
	web_buf_puts(&b, "</h1>\n");
	if ((msg = said_text(web_query(req, "said"))) != NULL)
		page_notice(&b, msg);
	page_child_picker(&b, req, &kids, c, "plan");
	if (rc == LULL_ENOTFOUND) {
		web_buf_puts(&b, "<p>No plan yet. A plan is always optional: "
				 "the journal works without one.</p>");
		if (page_can_plan(req))
			web_buf_printf(&b, "<p><a class=\"button\" "
					   "href=\"%s/plan/start?child=%" PRId64
					   "\">Start a plan</a></p>\n",
			    base, c->id);
		goto done;
	}
	if (rc != LULL_OK) {
		page_form_error(&b, ei.msg);
		goto done;
	}
	if (r.could_coach) {
		web_buf_puts(&b, "<p>");
		web_buf_esc(&b, c->name);
		web_buf_puts(&b, " is now old enough for a coaching plan, if "
				 "you would like one.</p>");
	}
	morning_section(&b, req, &r, &decided);
	tonight_section(&b, &r);
	if (page_can_plan(req))
		moves_form(&b, req, &r, decided);
	ladder_section(&b, &r);
	why_section(&b, &r);
	page_plan_notes(&b, &r.plan);
	history_section(&b, req, &r);
	if (page_can_plan(req))
		web_buf_printf(&b, "<p><a href=\"%s/plan/start?child=%" PRId64
				   "\">Start a new plan instead</a></p>\n",
		    base, c->id);
	web_buf_puts(&b, "<p class=\"hint\">General information, not medical "
			 "advice. Pause, slow down or step back whenever you "
			 "need.</p>\n");
done:
	web_page_close(&b, req);
	web_buf_html(&b, resp, 200);
out:
	lull_plan_run_free(&r);
	lull_childv_free(&kids);
	return 0;
}

int
page_plan_move(struct web_req *req, struct web_resp *resp)
{
	static const struct {
		const char *move;
		enum lull_verdict v;
	} moves[] = {
		{ "pause", LULL_VERDICT_PAUSE },
		{ "resume", LULL_VERDICT_RESUME },
		{ "back", LULL_VERDICT_STEP_BACK },
		{ "slow", LULL_VERDICT_SLOW },
	};
	const char *move = web_form(req, "move"), *note = web_form(req, "note");
	const char *ver = web_form(req, "version");
	struct lull_childv kids = { 0 };
	const struct lull_child *c;
	struct lull_plan_event ev;
	struct lull_plan_run r;
	struct lull_decision d;
	struct lull_errinfo ei;
	enum lull_err rc;
	char path[96];
	const char *said = NULL;
	size_t i;
	int done;

	lull_plan_run_init(&r);
	lull_plan_event_init(&ev);
	if (page_children(req, resp, &kids, &c))
		goto out;
	if (c == NULL || move == NULL) {
		web_error(req, resp, 422, "move", "Choose a move.");
		goto out;
	}
	if ((rc = lull_plan_run_load(req->st, req->tz, c, req->now, &r,
		 &ei))) {
		web_fail(req, resp, rc, &ei);
		goto out;
	}
	snprintf(path, sizeof(path), "plan?child=%" PRId64, c->id);
	/* The plan moved since the page was shown: show it again. */
	if (ver != NULL && page_id(ver) != r.rec.meta.version) {
		said = "stale";
		goto back;
	}
	if (note != NULL && *note == '\0')
		note = NULL;
	if (strcmp(move, "decide") == 0) {
		if ((rc = lull_plan_run_decided(req->st, &r, &ev, &done, &ei)))
			goto fail;
		said = "decided";
		/* One decision a morning: asking again shows it. */
		if (!done && (rc = lull_plan_run_decide(req->st,
				  req->household_id, req->tz, &r, &req->actor,
				  &d, &ei)))
			goto fail;
		goto back;
	}
	for (i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		if (strcmp(move, moves[i].move) == 0)
			break;
	if (i == sizeof(moves) / sizeof(moves[0])) {
		web_error(req, resp, 422, "move",
		    "That is not a move this plan knows.");
		goto out;
	}
	if ((rc = lull_plan_run_parent(req->st, &r, moves[i].v, 0, note,
		 &req->actor, &d, &ei)))
		goto fail;
	said = moves[i].move;
back:
	snprintf(path, sizeof(path), "plan?child=%" PRId64 "&said=%s", c->id,
	    said);
	page_back(req, resp, path);
	goto out;
fail:
	web_fail(req, resp, rc, &ei);
out:
	lull_plan_event_free(&ev);
	lull_plan_run_free(&r);
	lull_childv_free(&kids);
	return 0;
}
