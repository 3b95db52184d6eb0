/*
 * lull predict: the next sleep and tonight's bedtime as calm ranges, shown
 * only when asked for; lull eval predict: how good such ranges have been
 * on this child's own history, against the plain age-based wake window.
 * SPDX-License-Identifier: ISC
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/predict.h"
#include "lull/report.h"
#include "cli_int.h"

static void
hm(struct cli *cli, int64_t t, char *buf, size_t bufsz)
{
	lull_time_format_hm(cli->tz, t, buf, bufsz);
}

static void
print_window(struct cli *cli, const char *what,
    const struct lull_sleep_window *w)
{
	char a[16], b[16], c[16];

	hm(cli, w->earliest_utc, a, sizeof(a));
	hm(cli, w->likely_utc, b, sizeof(b));
	hm(cli, w->latest_utc, c, sizeof(c));
	printf("%s: between %s and %s, most likely around %s", what, a, c, b);
	if (cli->now > w->latest_utc)
		printf(" (that time has passed; follow your child's cues)");
	printf(".\n");
}

int
cmd_predict(struct cli *cli)
{
	struct lull_predict_in in;
	struct lull_prediction p;
	struct lull_journal j;
	struct lull_errinfo ei;
	enum lull_err rc;
	char age[40], a[16], b[16];
	int x;

	if ((x = cli_journal_load(cli, cli->now - LULL_PREDICT_SPAN_SEC,
		 cli->now + 1, &j))) {
		cli_journal_free(&j);
		return x;
	}
	memset(&in, 0, sizeof(in));
	in.tz = cli->tz;
	in.child = &j.child;
	in.sleeps = &j.sleeps;
	in.now_utc = cli->now;
	if ((rc = lull_predict(&in, &p, &ei))) {
		cli_journal_free(&j);
		return cli_fail(cli, rc, &ei);
	}
	if (cli->json) {
		json_t *o = lull_prediction_to_json(&p, j.child.name, cli->tz);

		cli_journal_free(&j);
		return cli_print_json(o);
	}
	lull_age_format(p.age_days, age, sizeof(age));
	printf("%s, %s%s", j.child.name, age,
	    p.corrected ? " (corrected)" : "");
	if (p.asleep)
		printf(": asleep now.\n");
	else if (p.awake_since_utc != LULL_NO_TIME) {
		hm(cli, p.awake_since_utc, a, sizeof(a));
		cli_fmt_dur(cli->now - p.awake_since_utc, b, sizeof(b));
		printf(": awake since %s (%s).\n", a, b);
	} else
		printf(": no sleep logged in the last hours.\n");
	if (p.next.valid) {
		char what[32];

		if (p.next.kind == LULL_SLEEP_NAP)
			snprintf(what, sizeof(what), "Next nap (nap %d)",
			    p.next.nap_index);
		else
			snprintf(what, sizeof(what), "Next sleep (the night)");
		print_window(cli, what, &p.next);
	}
	if (p.bedtime.valid && !(p.next.valid &&
				   p.next.kind == LULL_SLEEP_NIGHT))
		print_window(cli, "Tonight's bedtime", &p.bedtime);
	if (p.next.valid && p.next.personal)
		printf("From %s's own last %d days (%d wake windows), recent "
		       "days and this time of day weighing most.\n",
		    j.child.name, LULL_PREDICT_DAYS, p.next.samples);
	else if (p.next.valid)
		printf("From the age-based wake window alone: too little of "
		       "%s's own log yet.\n",
		    j.child.name);
	if (p.transition)
		printf("Naps have gone from %d to %d a day lately, a nap "
		       "transition: recent days count more.\n",
		    p.naps_before, p.naps_recent);
	cli_fmt_dur((int64_t)p.band_lo_min * 60, a, sizeof(a));
	cli_fmt_dur((int64_t)p.band_hi_min * 60, b, sizeof(b));
	printf("Wake windows by age (%s to %s awake at this age) are a "
	       "practitioner convention, not research; lull leans on your "
	       "child's own log. A range, not a rule: your child's cues "
	       "come first. How accurate this has been: lull eval "
	       "predict.\n",
	    a, b);
	cli_journal_free(&j);
	return EXIT_OK;
}

static json_t *
jside(const struct lull_eval_side *s)
{
	if (s->n == 0)
		return json_null();
	return json_pack("{s:i,s:f,s:f,s:f}", "onsets", s->n, "mae_min",
	    s->mae_min, "inside", s->inside, "width_min", s->width_min);
}

int
cmd_eval_predict(struct cli *cli)
{
	struct lull_journal j;
	struct lull_errinfo ei;
	struct lull_eval ev;
	enum lull_err rc;
	char a[16], b[16];
	double gain;
	int x;

	if ((x = cli_journal_load(cli, 0, cli->now + 1, &j))) {
		cli_journal_free(&j);
		return x;
	}
	if ((rc = lull_predict_eval(cli->tz, &j.child, &j.sleeps, &ev, &ei))) {
		cli_journal_free(&j);
		return cli_fail(cli, rc, &ei);
	}
	gain = ev.baseline.n > 0 && ev.baseline.mae_min > 0 ?
	    1 - ev.ours.mae_min / ev.baseline.mae_min :
	    0;
	if (ev.ours.n > 0) {
		lull_date_format(ev.from_day, a, sizeof(a));
		lull_date_format(ev.to_day, b, sizeof(b));
	}
	if (cli->json) {
		json_t *o = json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
		    "child", j.child.name, "from",
		    ev.ours.n ? json_string(a) : json_null(), "to",
		    ev.ours.n ? json_string(b) : json_null(), "ours",
		    jside(&ev.ours), "baseline", jside(&ev.baseline), "naps",
		    jside(&ev.ours_naps), "nights", jside(&ev.ours_nights),
		    "mae_reduction",
		    ev.ours.n ? json_real(gain) : json_null());
		cli_journal_free(&j);
		return cli_print_json(o);
	}
	if (ev.ours.n == 0) {
		printf("Not enough of %s's log to evaluate yet: it needs more "
		       "than %d days.\n",
		    j.child.name, LULL_PREDICT_WARMUP);
		cli_journal_free(&j);
		return EXIT_OK;
	}
	printf("%s's log, %s to %s: each next sleep predicted from the log "
	       "before it.\n\n",
	    j.child.name, a, b);
	printf("%-22s %7s %10s %8s %10s\n", "", "onsets", "error", "inside",
	    "window");
	printf("%-22s %7d %6.1f min %7.0f%% %6.1f min\n", "lull, own log",
	    ev.ours.n, ev.ours.mae_min, ev.ours.inside * 100,
	    ev.ours.width_min);
	printf("%-22s %7d %6.1f min %7.0f%% %6.1f min\n", "age-based baseline",
	    ev.baseline.n, ev.baseline.mae_min, ev.baseline.inside * 100,
	    ev.baseline.width_min);
	if (ev.ours_naps.n > 0)
		printf("%-22s %7d %6.1f min %7.0f%% %6.1f min\n",
		    "  lull, naps", ev.ours_naps.n, ev.ours_naps.mae_min,
		    ev.ours_naps.inside * 100, ev.ours_naps.width_min);
	if (ev.ours_nights.n > 0)
		printf("%-22s %7d %6.1f min %7.0f%% %6.1f min\n",
		    "  lull, nights", ev.ours_nights.n, ev.ours_nights.mae_min,
		    ev.ours_nights.inside * 100, ev.ours_nights.width_min);
	printf("\nError: mean minutes between the most likely time and the "
	       "time the child fell asleep. Inside: share of sleeps that "
	       "began inside the window. lull's error is %.0f%% %s the "
	       "baseline's.\n",
	    fabs(gain) * 100, gain >= 0 ? "below" : "above");
	cli_journal_free(&j);
	return EXIT_OK;
}
