/*
 * lull plan ...: preview a plan from an intake profile, start it for a
 * child, tonight's guidance, the morning decision, the parent's own moves
 * and the plan's history.  The rules are in src/core/plan*.c; this file
 * reads files, the journal and the clock, and prints.
 * SPDX-License-Identifier: ISC
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/journal.h"
#include "lull/plan.h"
#include "lull/plan_json.h"
#include "lull/plan_run.h"
#include "lull/tzload.h"
#include "cli_int.h"

#define PROFILE_MAX_BYTES (1L << 20)
#define WRAP 76

/* ---- reading a profile ----------------------------------------------- */

/*
 * A profile with a mistake in it may still say the child went blue or
 * limp: that must not hide behind the error.  Look for the emergency sign
 * alone and say it first.
 */
static void
emergency_anyway(const char *text, size_t len)
{
	json_t *doc = json_loadb(text, len, 0, NULL), *h, *v;
	size_t i;

	h = json_is_object(doc) ? json_object_get(doc, "health") : NULL;
	json_array_foreach(h, i, v)
		if (json_is_string(v) &&
		    strcmp(json_string_value(v), "blue_or_limp") == 0)
			fprintf(stderr,
			    "lull: FIRST: a child who went blue, grey or "
			    "limp, or stopped breathing, needs emergency help "
			    "now: call your emergency number.\n");
	json_decref(doc);
}

static int
read_profile(const char *path, int32_t today, struct lull_profile *p)
{
	struct lull_errinfo ei;
	enum lull_err rc;
	size_t len = 0;
	char *text;
	int x;

	if ((x = cli_read_file("profile", path, PROFILE_MAX_BYTES, &text,
		 &len)))
		return x;
	rc = lull_profile_from_json(text, len, path, today, p, &ei);
	if (rc != LULL_OK)
		emergency_anyway(text, len);
	free(text);
	if (rc != LULL_OK)
		return cli_errx(cli_exit_of(rc), "%s", ei.msg);
	return EXIT_OK;
}

static int
build(const struct lull_profile *p, struct lull_plan *plan)
{
	struct lull_errinfo ei;
	enum lull_err rc;

	if ((rc = lull_plan_build(p, plan, &ei)) != LULL_OK)
		return cli_errx(cli_exit_of(rc), "%s", ei.msg);
	return EXIT_OK;
}

/* ---- printing -------------------------------------------------------- */

/* Print "text" wrapped at WRAP columns, each line after "indent". */
static void
wrap(const char *indent, const char *first, const char *text)
{
	size_t col, ind = strlen(indent), flen = strlen(first);
	const char *p = text;

	fputs(indent, stdout);
	fputs(first, stdout);
	col = ind + flen;
	while (*p != '\0') {
		size_t w = strcspn(p, " ");

		if (col + w > WRAP && col > ind + flen) {
			printf("\n%s%*s", indent, (int)flen, "");
			col = ind + flen;
		}
		fwrite(p, 1, w, stdout);
		col += w;
		p += w;
		while (*p == ' ')
			p++;
		if (*p != '\0') {
			putchar(' ');
			col++;
		}
	}
	putchar('\n');
}

/* One step; "ladder" is 0 for foundations, practices rather than rungs. */
static void
print_step(const struct lull_step *s, int current, int slow, int ladder)
{
	char head[160];

	if (ladder)
		snprintf(head, sizeof(head), "%s%d. %s (%s, at least %d "
		    "night%s)",
		    current ? "> " : "  ", s->index, s->title,
		    lull_presence_name(s->presence), s->nights_min + slow,
		    s->nights_min + slow == 1 ? "" : "s");
	else
		snprintf(head, sizeof(head), "  %d. %s", s->index, s->title);
	wrap("  ", "", head);
	wrap("       ", "Bedtime: ", s->bedtime);
	wrap("       ", "Waking: ", s->waking);
	wrap("       ", "If crying builds: ", s->if_crying);
}

/* Referrals come before anything else a parent reads: safety first. */
static void
print_referrals(const struct lull_plan *p)
{
	size_t i;

	if (p->nreferrals == 0)
		return;
	printf("\nSee a clinician, most urgent first:\n");
	for (i = 0; i < p->nreferrals; i++) {
		char head[32];

		snprintf(head, sizeof(head), "[%s] ",
		    lull_urgency_name(p->referrals[i].urgency));
		wrap("  ", head, p->referrals[i].message);
	}
}

static void
print_notes(const struct lull_plan *p)
{
	size_t i;

	if (p->nsafety > 0) {
		printf("\nSafety:\n");
		for (i = 0; i < p->nsafety; i++) {
			const struct lull_safety *s = &p->safety[i];

			wrap("  ",
			    s->severity == LULL_SEVERITY_STRONG ? "(!) " :
			    s->severity == LULL_SEVERITY_WARNING ? "(*) " :
								   "- ",
			    s->message);
		}
	}
}

static void
print_plan(const struct lull_plan *p, const struct lull_plan_state *st)
{
	const struct lull_method_info *m = lull_method_info(p->method);
	char age[32], head[200];
	size_t i;

	/* An emergency is the first thing said, before anything else. */
	if (p->nreferrals > 0 &&
	    p->referrals[0].urgency == LULL_URGENCY_EMERGENCY)
		wrap("", "FIRST: ", p->referrals[0].message);
	lull_age_format(p->age_days, age, sizeof(age));
	printf("A %s plan for a child of %s%s.\n", lull_mode_name(p->mode), age,
	    p->corrected ? " (corrected age)" : "");
	print_referrals(p);
	if (p->nreferrals > 0)
		printf("\n");
	snprintf(head, sizeof(head), "%s, %s: ", lull_method_id(p->method),
	    m->name);
	wrap("", head, m->summary);
	if (p->focus != LULL_ASSOC_NONE)
		printf("One thing changes at a time: %s.\n",
		    lull_assoc_label(p->focus));
	if (p->nreasons > 0) {
		printf("\nWhy:\n");
		for (i = 0; i < p->nreasons; i++)
			wrap("  ", "- ", p->reasons[i].text);
	}
	if (p->nsteps > 0) {
		printf("\nSteps:\n");
		for (i = 0; i < p->nsteps; i++)
			print_step(&p->steps[i],
			    st != NULL && (size_t)st->step == i + 1,
			    st ? st->slow : 0, p->mode == LULL_MODE_COACHING);
	}
	print_notes(p);
	if (p->nalternatives > 0) {
		printf("\nOther methods that suit:");
		for (i = 0; i < p->nalternatives; i++)
			printf(" %s (%s)", lull_method_id(p->alternatives[i]),
			    lull_method_info(p->alternatives[i])->name);
		printf("\n");
	}
	printf("\nGeneral information, not medical advice. You know your "
	       "child best: pause, slow down or step back whenever you "
	       "need.\n");
}

/* ---- preview --------------------------------------------------------- */

static int32_t
system_today(struct cli *cli)
{
	struct lull_errinfo ei;
	struct lull_tz *tz = NULL;
	char zone[128];
	int32_t d;

	lull_tz_system_name(zone, sizeof(zone));
	if (lull_tz_load(&tz, zone, &ei) != LULL_OK &&
	    lull_tz_utc(&tz) != LULL_OK)
		return (int32_t)(cli->now / 86400);
	d = lull_local_day(tz, cli->now);
	lull_tz_free(tz);
	return d;
}

int
cmd_plan_preview(struct cli *cli)
{
	const char *path = cli_opt(cli, "profile");
	struct lull_profile p;
	struct lull_plan plan;
	int x;

	if (path == NULL)
		return cli_errx(EXIT_USAGE, "plan preview: --profile FILE is "
		    "needed (see docs/profile.md)");
	if ((x = read_profile(path, system_today(cli), &p)) ||
	    (x = build(&p, &plan)))
		return x;
	if (cli->json)
		return cli_print_json(lull_plan_to_json(&plan, &p));
	print_plan(&plan, NULL);
	return EXIT_OK;
}

/* ---- a child's running plan ------------------------------------------- */

/* The child of --child and its running plan (plan_run.h), reported. */
static int
running_load(struct cli *cli, struct lull_plan_run *r)
{
	struct lull_errinfo ei;
	struct lull_child c;
	enum lull_err rc;
	int x;

	lull_plan_run_init(r);
	lull_child_init(&c);
	if ((x = cli_child(cli, &c)))
		return x;
	rc = lull_plan_run_load(cli->st, cli->tz, &c, cli->now, r, &ei);
	lull_child_free(&c);
	if (rc == LULL_ENOTFOUND)
		return cli_errx(EXIT_NOTFOUND,
		    "%s has no plan yet; start one with: lull plan start "
		    "--profile FILE",
		    r->child.name);
	if (rc != LULL_OK)
		return cli_errx(cli_exit_of(rc), "%s", ei.msg);
	return EXIT_OK;
}

int
cmd_plan_start(struct cli *cli)
{
	const char *path = cli_opt(cli, "profile");
	struct lull_plan_record rec;
	struct lull_errinfo ei;
	struct lull_profile p;
	struct lull_plan plan;
	struct lull_child c;
	enum lull_err rc;
	int x;

	if (path == NULL)
		return cli_errx(EXIT_USAGE, "plan start: --profile FILE is "
		    "needed (see docs/profile.md)");
	lull_child_init(&c);
	lull_plan_record_init(&rec);
	if ((x = cli_child(cli, &c)) ||
	    (x = read_profile(path, lull_local_day(cli->tz, cli->now), &p)))
		goto out;
	if ((rc = lull_plan_run_start(cli->st, cli->tz, &c, &p, &cli->actor,
		 &rec, &plan, &ei)) != LULL_OK) {
		x = cli_errx(cli_exit_of(rc), "%s%s", ei.msg,
		    strcmp(ei.field, "child.due") == 0 ? " (lull child edit)" :
							 "");
		goto out;
	}
	if (cli->json) {
		x = cli_print_json(lull_plan_to_json(&plan, &p));
		goto out;
	}
	printf("Started a plan for %s.\n\n", c.name);
	print_plan(&plan, &rec.state);
	if (plan.mode == LULL_MODE_COACHING)
		printf("\nTonight is step 1. Each morning, run: lull plan "
		       "decide\n");
out:
	lull_plan_record_free(&rec);
	lull_child_free(&c);
	return x;
}

static json_t *
today_json(const struct lull_plan_run *r, const struct lull_step *s)
{
	json_t *o = json_object();
	json_t *pj = lull_plan_to_json(&r->plan, &r->profile);
	json_t *sj = lull_plan_state_to_json(&r->rec.state);

	if (o == NULL || pj == NULL || sj == NULL ||
	    json_object_set_new(o, "child", json_string(r->child.name)) ||
	    json_object_set_new(o, "step", s ? json_integer(s->index) :
					       json_null()) ||
	    json_object_set_new(o, "state", sj) ||
	    json_object_set_new(o, "plan", pj)) {
		json_decref(o);
		return NULL;
	}
	return o;
}

int
cmd_plan_today(struct cli *cli)
{
	const struct lull_step *s;
	struct lull_plan_run r;
	int x;

	if ((x = running_load(cli, &r))) {
		lull_plan_run_free(&r);
		return x;
	}
	s = lull_plan_step(&r.plan, r.rec.state.step);
	if (cli->json) {
		x = cli_print_json(today_json(&r, s));
		lull_plan_run_free(&r);
		return x;
	}
	if (r.plan.nreferrals > 0 &&
	    r.plan.referrals[0].urgency == LULL_URGENCY_EMERGENCY)
		wrap("", "FIRST: ", r.plan.referrals[0].message);
	printf("Tonight for %s: %s, %s.\n", r.child.name,
	    lull_method_id(r.plan.method),
	    lull_method_info(r.plan.method)->name);
	print_referrals(&r.plan);
	if (r.could_coach)
		printf("%s is now old enough for a coaching plan; start one "
		       "with: lull plan start --profile FILE\n",
		    r.child.name);
	if (r.rec.state.paused || r.plan.mode == LULL_MODE_PAUSED)
		printf("The plan is paused: comfort and help as much as your "
		       "child needs tonight.\n");
	if (s != NULL && r.plan.mode == LULL_MODE_COACHING) {
		printf("Step %d of %zu:\n", s->index, r.plan.nsteps);
		print_step(s, 0, r.rec.state.slow, 1);
	} else {
		size_t i;

		/* Foundations are practices to keep, not a ladder: all of
		 * them, every night. */
		printf("The foundations, every night:\n");
		for (i = 0; i < r.plan.nsteps; i++)
			print_step(&r.plan.steps[i], 0, 0, 0);
	}
	print_notes(&r.plan);
	lull_plan_run_free(&r);
	return EXIT_OK;
}

static void
print_decision(const struct lull_decision *d)
{
	size_t i;

	printf("%s", lull_verdict_name(d->verdict));
	if (d->step_to != d->step_from)
		printf(": step %d -> %d", d->step_from, d->step_to);
	printf(" (%s)\n", lull_evidence_name(d->evidence));
	wrap("", "", d->reason);
	if (d->nsuggest > 0) {
		printf("Methods to consider:");
		for (i = 0; i < d->nsuggest; i++)
			printf(" %s (%s)", lull_method_id(d->suggest[i]),
			    lull_method_info(d->suggest[i])->name);
		printf("\n");
	}
	if (d->source != NULL)
		wrap("", "Source: ", d->source);
}

int
cmd_plan_decide(struct cli *cli)
{
	struct lull_plan_event ev;
	struct lull_decision d;
	struct lull_errinfo ei;
	struct lull_plan_run r;
	enum lull_err rc;
	int x, done;

	lull_plan_event_init(&ev);
	if ((x = running_load(cli, &r)))
		goto out;
	if ((rc = lull_plan_run_decided(cli->st, &r, &ev, &done, &ei))) {
		x = cli_fail(cli, rc, &ei);
		goto out;
	}
	if (done) {
		/* One decision a morning: asking again shows it. */
		if (cli->json) {
			x = cli_print_json(lull_plan_event_to_json(&ev, cli->tz));
			goto out;
		}
		printf("Already decided this morning for %s: ", r.child.name);
		printf("%s\n", lull_verdict_name(ev.verdict));
		wrap("", "", ev.reason);
		goto out;
	}
	if ((rc = lull_plan_run_decide(cli->st, cli->hh.id, cli->tz, &r,
		 &cli->actor, &d, &ei))) {
		x = cli_fail(cli, rc, &ei);
		goto out;
	}
	if (cli->json) {
		x = cli_print_json(lull_decision_to_json(&d));
		goto out;
	}
	printf("This morning for %s: ", r.child.name);
	print_decision(&d);
	if (r.could_coach)
		printf("%s is now old enough for a coaching plan; start one "
		       "with: lull plan start --profile FILE\n",
		    r.child.name);
out:
	lull_plan_event_free(&ev);
	lull_plan_run_free(&r);
	return x;
}

static int
parent_move(struct cli *cli, enum lull_verdict v, int to_step)
{
	struct lull_decision d;
	struct lull_errinfo ei;
	struct lull_plan_run r;
	enum lull_err rc;
	int x;

	if ((x = running_load(cli, &r)))
		goto out;
	if ((rc = lull_plan_run_parent(cli->st, &r, v, to_step,
		 cli_opt(cli, "note"), &cli->actor, &d, &ei))) {
		x = cli_errx(cli_exit_of(rc), "%s", ei.msg);
		goto out;
	}
	if (cli->json)
		x = cli_print_json(lull_decision_to_json(&d));
	else
		wrap("", "", d.reason);
out:
	lull_plan_run_free(&r);
	return x;
}

/* A plan that no longer rebuilds is left as it is, as before: said, not
 * fatal. */
static void
pause_skipped(void *arg, enum lull_err rc, const struct lull_errinfo *ei)
{
	cli_fail(arg, rc, ei);
}

/* Pause the household's running plans without a note, as the acting
 * adult (lull_plan_run_pause_all(), shared with the web app). */
int
cli_plan_pause_quietly(struct cli *cli, int *paused)
{
	struct lull_errinfo ei;
	enum lull_err rc;

	rc = lull_plan_run_pause_all(cli->st, cli->hh.id, cli->tz, &cli->actor,
	    paused, pause_skipped, cli, &ei);
	return rc ? cli_fail(cli, rc, &ei) : EXIT_OK;
}

int
cmd_plan_pause(struct cli *cli)
{
	return parent_move(cli, LULL_VERDICT_PAUSE, 0);
}

int
cmd_plan_resume(struct cli *cli)
{
	return parent_move(cli, LULL_VERDICT_RESUME, 0);
}

int
cmd_plan_back(struct cli *cli)
{
	return parent_move(cli, LULL_VERDICT_STEP_BACK, 0);
}

int
cmd_plan_slow(struct cli *cli)
{
	return parent_move(cli, LULL_VERDICT_SLOW, 0);
}

int
cmd_plan_override(struct cli *cli)
{
	const char *v = cli_opt(cli, "step");
	int32_t step;
	int x;

	if (v == NULL)
		return cli_errx(EXIT_USAGE, "plan override: --step N is needed");
	if ((x = cli_int("step", v, 1, LULL_PLAN_MAX_STEPS, &step)))
		return x;
	return parent_move(cli, LULL_VERDICT_OVERRIDE, step);
}

int
cmd_plan_history(struct cli *cli)
{
	struct lull_plan_eventv v = { 0 };
	struct lull_plan_run r;
	enum lull_err rc;
	json_t *a;
	size_t i;
	int x;

	if ((x = running_load(cli, &r))) {
		lull_plan_run_free(&r);
		return x;
	}
	if ((rc = lull_store_plan_events(cli->st, r.rec.id, &v))) {
		lull_plan_run_free(&r);
		return cli_fail_store(cli, rc);
	}
	if (cli->json) {
		a = json_array();
		for (i = 0; a != NULL && i < v.n; i++)
			if (json_array_append_new(a,
				lull_plan_event_to_json(&v.v[i], cli->tz))) {
				json_decref(a);
				a = NULL;
			}
		x = cli_print_json(a);
	} else {
		char date[32];

		lull_date_format_long(r.rec.state.started_day, date,
		    sizeof(date));
		printf("%s's plan (%s, %s), started %s:\n", r.child.name,
		    lull_method_id(r.rec.method),
		    lull_method_info(r.rec.method)->name, date);
		if (v.n == 0)
			printf("  no decisions yet; each morning: lull plan "
			       "decide\n");
		for (i = 0; i < v.n; i++) {
			const struct lull_plan_event *e = &v.v[i];
			const char *who = cli_caregiver_name(cli,
			    e->meta.created_by);
			char head[96];

			lull_date_format(e->day, date, sizeof(date));
			snprintf(head, sizeof(head), "%s  %s%s%s%s ", date,
			    lull_verdict_name(e->verdict),
			    e->by_parent ? " (by " : "",
			    e->by_parent ? (*who ? who : "you") : "",
			    e->by_parent ? ")" : "");
			wrap("  ", head, e->reason);
		}
	}
	lull_plan_eventv_free(&v);
	lull_plan_run_free(&r);
	return x;
}
