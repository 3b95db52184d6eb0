/*
 * lull report: nights and days over a range, medians of the last 7 and 14
 * nights against the family's own two weeks before, bedtime regularity,
 * who helped at night, and the child's age ranges in calm words; as text
 * or as JSON (docs/report.schema.json).  Also the loader the analytics
 * commands share (chart, predict, eval).
 * SPDX-License-Identifier: ISC
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/norms.h"
#include "lull/stats.h"
#include "cli_int.h"

#define REPORT_SCHEMA 1

void
cli_journal_free(struct cli_journal *j)
{
	lull_child_free(&j->child);
	lull_caregiverv_free(&j->caregivers);
	lull_sleepv_free(&j->sleeps);
	lull_feedv_free(&j->feeds);
	lull_tagv_free(&j->tags);
}

int
cli_journal_load(struct cli *cli, int64_t from_utc, int64_t to_utc,
    struct cli_journal *j)
{
	int32_t a = lull_local_day(cli->tz, from_utc);
	int32_t b = lull_local_day(cli->tz, to_utc);
	enum lull_err rc;
	int x;

	memset(j, 0, sizeof(*j));
	lull_child_init(&j->child);
	if ((x = cli_child(cli, &j->child)))
		return x;
	if ((rc = lull_store_caregiver_list(cli->st, cli->hh.id,
		 &j->caregivers)) ||
	    (rc = lull_store_sleep_range(cli->st, cli->hh.id, j->child.id,
		 from_utc, to_utc, &j->sleeps)) ||
	    (rc = lull_store_feed_range(cli->st, cli->hh.id, j->child.id,
		 from_utc, to_utc, &j->feeds)) ||
	    (rc = lull_store_tag_range(cli->st, cli->hh.id, j->child.id, a, b,
		 &j->tags)))
		return cli_fail_store(cli, rc);
	return EXIT_OK;
}

/* The sleeps and feeds that can belong to days [from, to] (stats.h). */
int
cli_journal_days(struct cli *cli, int32_t from, int32_t to,
    struct cli_journal *j)
{
	return cli_journal_load(cli,
	    lull_tz_day_start(cli->tz, from) - 14 * 3600,
	    lull_tz_day_start(cli->tz, to + 1) + 14 * 3600, j);
}

int
cli_day_range(struct cli *cli, int32_t ndays, int32_t *from, int32_t *to)
{
	const char *f = cli_opt(cli, "from"), *t = cli_opt(cli, "to");
	int x;

	*to = lull_local_day(cli->tz, cli->now);
	if (t != NULL && (x = cli_date(cli, "to", t, to)))
		return x;
	*from = *to - (ndays - 1);
	if (f != NULL && (x = cli_date(cli, "from", f, from)))
		return x;
	if (*from > *to)
		return cli_errx(EXIT_INVALID, "--from: the first day is after "
		    "the last (--to)");
	if (*to - *from > 3660)
		return cli_errx(EXIT_INVALID, "--from: at most ten years at "
		    "once");
	return EXIT_OK;
}

int
cli_stats_in(struct cli *cli, const struct cli_journal *j,
    struct lull_stats_in *in)
{
	memset(in, 0, sizeof(*in));
	in->tz = cli->tz;
	in->child = &j->child;
	in->sleeps = &j->sleeps;
	in->feeds = &j->feeds;
	in->tags = &j->tags;
	in->now_utc = cli->now;
	return EXIT_OK;
}

const char *
cli_journal_who(const struct cli_journal *j, int64_t id)
{
	size_t i;

	for (i = 0; id != 0 && i < j->caregivers.n; i++)
		if (j->caregivers.v[i].id == id)
			return j->caregivers.v[i].name;
	return NULL;
}

/* ---- formatting ------------------------------------------------------- */

/* "10h45", "45m"; "-" for none. */
static void
fmt_min(double m, char *buf, size_t bufsz)
{
	/* Ten years of minutes at most: fits an int. */
	int v = m > 5300000 ? 5300000 : (int)lround(m);

	if (m < 0)
		snprintf(buf, bufsz, "-");
	else if (v < 60)
		snprintf(buf, bufsz, "%dm", v);
	else
		snprintf(buf, bufsz, "%dh%02d", v / 60, v % 60);
}

/* Minutes after a midnight as a clock time: 1470 is "00:30". */
static void
fmt_clock(double m, char *buf, size_t bufsz)
{
	long v = lround(m);

	if (m < 0)
		snprintf(buf, bufsz, "-");
	else
		snprintf(buf, bufsz, "%02ld:%02ld", v / 60 % 24, v % 60);
}

static void
fmt_count(double x, char *buf, size_t bufsz)
{
	if (x < 0)
		snprintf(buf, bufsz, "-");
	else if (x == floor(x))
		snprintf(buf, bufsz, "%.0f", x);
	else
		snprintf(buf, bufsz, "%.1f", x);
}

/* ---- the report ------------------------------------------------------- */

struct report {
	struct cli_journal j;
	struct lull_day_stats *days; /* lo .. to */
	int32_t lo, from, to;	     /* days computed, and shown */
	int32_t end;		     /* the last complete day */
	struct lull_window last7, last14, base;
	struct lull_norm_cmp cmp[8];
	size_t ncmp;
	int32_t age_days;
	int corrected;
};

static void
report_free(struct report *r)
{
	cli_journal_free(&r->j);
	free(r->days);
}

static const struct lull_day_stats *
day_of(const struct report *r, int32_t day)
{
	return &r->days[day - r->lo];
}

static void
window_of(struct report *r, int32_t a, int32_t b, struct lull_window *w)
{
	if (a < r->lo)
		a = r->lo;
	if (b < a) {
		lull_stats_window(NULL, 0, w);
		return;
	}
	lull_stats_window(&r->days[a - r->lo], (size_t)(b - a + 1), w);
}

static int
report_build(struct cli *cli, struct report *r)
{
	struct lull_stats_in in;
	struct lull_errinfo ei;
	enum lull_err rc;
	int x;

	memset(r, 0, sizeof(*r));
	if ((x = cli_day_range(cli, 14, &r->from, &r->to)))
		return x;
	/* Four weeks behind the last day: its two windows and their
	 * baseline. */
	r->lo = r->from < r->to - 28 ? r->from : r->to - 28;
	if ((x = cli_journal_days(cli, r->lo, r->to, &r->j)))
		return x;
	if ((r->days = calloc((size_t)(r->to - r->lo + 1),
		 sizeof(*r->days))) == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	cli_stats_in(cli, &r->j, &in);
	if ((rc = lull_stats_days(&in, r->lo, r->to, r->days, &ei)))
		return cli_fail(cli, rc, &ei);
	r->end = r->to;
	if (!day_of(r, r->to)->complete)
		r->end--;
	window_of(r, r->end - 6, r->end, &r->last7);
	window_of(r, r->end - 13, r->end, &r->last14);
	window_of(r, r->end - 27, r->end - 14, &r->base);
	r->age_days = lull_child_age_days(&r->j.child, r->end, &r->corrected);
	r->ncmp = lull_norms_compare(r->age_days, &r->last14, r->cmp, 8);
	return EXIT_OK;
}

static void
print_day(const struct lull_day_stats *d)
{
	char date[32], a[16], b[16], c[16], e[16], f[16], g[16], h[16];
	char naps[40], wk[40];

	lull_date_format_long(d->day, date, sizeof(date));
	/* "Sat 28 Mar 2026" -> "Sat 28 Mar" */
	if (strlen(date) > 10)
		date[10] = '\0';
	if (!d->logged) {
		printf("%-10s  not logged\n", date);
		return;
	}
	fmt_min(d->total_min, a, sizeof(a));
	fmt_min(d->has_night ? d->night_min : -1, b, sizeof(b));
	fmt_min(d->nap_min, c, sizeof(c));
	snprintf(naps, sizeof(naps), "%d, %s", (int)d->nap_count, c);
	if (d->has_night) {
		fmt_min(d->night.help_min, e, sizeof(e));
		if (d->night.n.wakings > 0)
			snprintf(wk, sizeof(wk), "%d, %s", d->night.n.wakings,
			    e);
		else
			snprintf(wk, sizeof(wk), "0");
		fmt_clock((double)d->night.n.onset_sec / 60, g, sizeof(g));
		fmt_clock(d->night.wake_min, h, sizeof(h));
	} else {
		snprintf(wk, sizeof(wk), "-");
		snprintf(g, sizeof(g), "-");
		snprintf(h, sizeof(h), "-");
	}
	fmt_min(d->longest_min, f, sizeof(f));
	printf("%-10s  %6s %6s  %-10s %-10s %6s  %5s  %5s%s\n", date, a, b,
	    naps, wk, f, g, h, d->ongoing ? "  so far" : "");
}

static void
print_window_row(const char *label, const struct lull_window *w)
{
	char a[16], b[16], c[16], d[16], e[16], f[16];

	fmt_min(w->median[LULL_METRIC_TOTAL], a, sizeof(a));
	fmt_min(w->median[LULL_METRIC_NIGHT], b, sizeof(b));
	fmt_min(w->median[LULL_METRIC_NAP_MIN], c, sizeof(c));
	fmt_count(w->median[LULL_METRIC_WAKINGS], d, sizeof(d));
	fmt_min(w->median[LULL_METRIC_LONGEST], e, sizeof(e));
	fmt_clock(w->median[LULL_METRIC_ONSET], f, sizeof(f));
	printf("%-16s %6s %6s %6s %7s %7s %6s   %d of %d nights\n", label, a,
	    b, c, d, e, f, w->nights, w->days);
}

static void
print_help(const struct report *r, const struct lull_window *w)
{
	char a[16];
	size_t i;
	int any = 0;

	if (w->nights == 0)
		return;
	printf("\nAt night (last %d nights): ", w->days);
	if (w->help_nights == 0) {
		printf("no waking needed anyone.\n");
		return;
	}
	{
		int32_t n = 0, m = 0;

		for (i = 0; i < LULL_RESP__MAX; i++) {
			n += w->resp.n[i];
			m += w->resp.min[i];
		}
		fmt_min(m, a, sizeof(a));
		printf("%d waking%s needed someone, on %d of %d nights, %s "
		       "in all.\n",
		    n, n == 1 ? "" : "s", w->help_nights, w->nights, a);
	}
	printf("  What helped:");
	for (i = 0; i < LULL_RESP__MAX; i++) {
		if (w->resp.n[i] == 0)
			continue;
		fmt_min(w->resp.min[i], a, sizeof(a));
		printf("%s %s %d (%s)", any++ ? "," : "",
		    i == LULL_RESP_UNKNOWN ? "not recorded" :
					     lull_response_label(i),
		    w->resp.n[i], a);
	}
	printf("\n  Who:");
	any = 0;
	for (i = 0; i < w->nwho; i++) {
		const struct lull_involvement *v = &w->who[i];
		const char *name = cli_journal_who(&r->j, v->caregiver_id);

		fmt_min(v->waking_min, a, sizeof(a));
		printf("%s %s %d waking%s (%s), %d bedtime%s",
		    any++ ? ";" : "", name ? name : "not recorded",
		    v->wakings, v->wakings == 1 ? "" : "s", a, v->settles,
		    v->settles == 1 ? "" : "s");
	}
	printf("\n");
}

static void
print_text(struct cli *cli, const struct report *r)
{
	char a[32], b[32], age[24], x[16], y[16];
	int32_t day;
	size_t i;

	(void)cli;
	lull_date_format_long(r->from, a, sizeof(a));
	lull_date_format_long(r->to, b, sizeof(b));
	lull_age_format(r->age_days, age, sizeof(age));
	printf("%s, %s%s · %s to %s\n\n", r->j.child.name, age,
	    r->corrected ? " (corrected)" : "", a, b);
	printf("%-10s  %6s %6s  %-10s %-10s %6s  %5s  %5s\n", "", "total",
	    "night", "naps", "wakings", "longest", "asleep", "woke");
	for (day = r->from; day <= r->to; day++)
		print_day(day_of(r, day));
	printf("\nMedians          %6s %6s %6s %7s %7s %6s\n", "total",
	    "night", "naps", "wakings", "longest", "asleep");
	print_window_row("Last 7 nights", &r->last7);
	print_window_row("Last 14 nights", &r->last14);
	print_window_row("2 weeks before", &r->base);
	printf("(Your own baseline is the two weeks before; a night is "
	       "counted once it is over.)\n");
	if (r->last14.onset_iqr_min >= 0) {
		fmt_clock(r->last14.median[LULL_METRIC_ONSET], x, sizeof(x));
		fmt_min(r->last14.onset_iqr_min, y, sizeof(y));
		printf("\nBedtime regularity: asleep at %s on a middle night; "
		       "half the nights within %s of each other",
		    x, y);
		fmt_min(r->last14.onset_sd_min, y, sizeof(y));
		printf(" (SD %s).\n", y);
	}
	print_help(r, &r->last14);
	if (r->ncmp > 0) {
		printf("\nFor this age (%s%s), last 14 days:\n", age,
		    r->corrected ? ", corrected for early birth" : "");
		for (i = 0; i < r->ncmp; i++)
			printf("  %s\n", r->cmp[i].text);
		printf("Ranges are for many children; yours is one child. "
		       "Sources: lull report --json, docs/analytics.md. "
		       "General information, not medical advice.\n");
	} else {
		printf("\nAfter %d logged days lull compares with the usual "
		       "ranges for this age.\n",
		    LULL_NORMS_MIN_DAYS);
	}
}

/* ---- JSON --------------------------------------------------------------- */

static json_t *
jint_or_null(int ok, long long v)
{
	return ok ? json_integer(v) : json_null();
}

static json_t *
jnum_or_null(double v)
{
	if (v < 0)
		return json_null();
	/* Whole numbers stay integers: medians of minutes mostly are. */
	if (v == floor(v))
		return json_integer((json_int_t)v);
	return json_real(round(v * 10) / 10);
}

static json_t *
jtime(const struct lull_tz *tz, int64_t t)
{
	char buf[40];

	if (t == LULL_NO_TIME)
		return json_null();
	lull_time_format_rfc3339(tz, t, buf, sizeof(buf));
	return json_string(buf);
}

static json_t *
jresponses(const struct lull_responses *rs)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; o && i < LULL_RESP__MAX; i++) {
		if (rs->n[i] == 0)
			continue;
		json_object_set_new(o, lull_response_name(i),
		    json_pack("{s:i,s:i}", "n", rs->n[i], "min", rs->min[i]));
	}
	return o;
}

static json_t *
jwho(const struct report *r, const struct lull_involvement *v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++) {
		const char *name = cli_journal_who(&r->j, v[i].caregiver_id);

		json_array_append_new(a,
		    json_pack("{s:o,s:i,s:i,s:i,s:i}", "caregiver",
			name ? json_string(name) : json_null(), "wakings",
			v[i].wakings, "waking_min", v[i].waking_min,
			"settles", v[i].settles, "settle_min",
			v[i].settle_min));
	}
	return a;
}

static json_t *
jnight(struct cli *cli, const struct report *r,
    const struct lull_night_stats *n)
{
	const char *by = cli_journal_who(&r->j, n->settled_by);

	return json_pack("{s:o,s:o,s:o,s:o,s:i,s:o,s:i,s:i,s:i,s:i,s:i,s:i,"
			 "s:b,s:o,s:o,s:o,s:o}",
	    "lights_out", jtime(cli->tz, n->lights_out_utc), "sleep_onset",
	    jtime(cli->tz, n->onset_utc), "morning_wake",
	    jtime(cli->tz, n->wake_utc), "latency_min",
	    jint_or_null(n->n.latency_min != LULL_UNKNOWN, n->n.latency_min),
	    "sleep_min", n->sleep_min, "crying_min",
	    jint_or_null(n->n.crying_min != LULL_UNKNOWN, n->n.crying_min),
	    "wakings", n->n.wakings, "wakings_all", n->wakings_all,
	    "help_min", n->help_min, "awake_after_onset_min", n->waso_min,
	    "longest_stretch_min", n->longest_min, "pieces", n->pieces,
	    "ongoing", n->ongoing, "responses", jresponses(&n->resp),
	    "caregivers", jwho(r, n->who, n->nwho), "settled_by",
	    by ? json_string(by) : json_null(), "routine",
	    n->routine == LULL_UNKNOWN ? json_null() :
					 json_boolean(n->routine));
}

static json_t *
jday(struct cli *cli, const struct report *r, const struct lull_day_stats *d)
{
	char date[16];
	int l = d->logged, n = d->has_night;

	lull_date_format(d->day, date, sizeof(date));
	return json_pack("{s:s,s:b,s:b,s:b,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,"
			 "s:i,s:i,s:o}",
	    "date", date, "logged", l, "complete", d->complete, "ongoing",
	    d->ongoing, "total_sleep_min", jint_or_null(l, d->total_min),
	    "night_sleep_min", jint_or_null(n, d->night_min), "nap_count",
	    jint_or_null(l, d->nap_count), "nap_min",
	    jint_or_null(l, d->nap_min), "night_wakings",
	    jint_or_null(n, n ? d->night.n.wakings : 0),
	    "longest_stretch_min", jint_or_null(l, d->longest_min),
	    "night_feeds", jint_or_null(n, d->night_feeds), "age_days",
	    jint_or_null(d->age_days != LULL_STATS_NONE, d->age_days),
	    "feeds", d->feeds, "sleep_24h_min", d->sleep_24h_min, "night",
	    n ? jnight(cli, r, &d->night) : json_null());
}

static json_t *
jwindow(const struct report *r, const struct lull_window *w)
{
	json_t *o, *med;
	char a[16], b[16];
	int m;

	if (w->days == 0)
		return json_null();
	med = json_object();
	for (m = 0; med && m < LULL_METRIC__MAX; m++)
		json_object_set_new(med, lull_metric_name(m),
		    jnum_or_null(w->median[m]));
	lull_date_format(w->from_day, a, sizeof(a));
	lull_date_format(w->to_day, b, sizeof(b));
	o = json_pack("{s:s,s:s,s:i,s:i,s:i,s:o,s:{s:o,s:o},s:i,s:o,s:o}",
	    "from", a, "to", b, "days", w->days, "logged", w->logged,
	    "nights", w->nights, "medians", med, "bedtime", "onset_iqr_min",
	    jnum_or_null(w->onset_iqr_min), "onset_sd_min",
	    jnum_or_null(w->onset_sd_min), "help_nights", w->help_nights,
	    "responses", jresponses(&w->resp), "caregivers",
	    jwho(r, w->who, w->nwho));
	return o;
}

static json_t *
jrange(const struct lull_norm_table *t, const struct lull_norm_row *row)
{
	if (row == NULL)
		return json_null();
	return json_pack("{s:f,s:f,s:s,s:s,s:s,s:b}", "lo", row->lo, "hi",
	    row->hi, "unit", t->unit, "evidence", row->evidence, "source",
	    row->source, "verify", row->verify);
}

static json_t *
jage(const struct report *r)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < r->ncmp; i++) {
		const struct lull_norm_cmp *c = &r->cmp[i];

		json_array_append_new(a,
		    json_pack("{s:s,s:o,s:s,s:o,s:o,s:o,s:s}", "metric",
			lull_metric_name(c->metric), "value",
			jnum_or_null(c->value), "verdict",
			lull_norm_verdict_name(c->usual), "usual",
			jrange(c->usual_table, c->usual_row), "recommended",
			jrange(c->rec_table, c->rec_row),
			"recommended_verdict",
			c->rec_row ? json_string(lull_norm_verdict_name(
					 c->recommended)) :
				     json_null(),
			"text", c->text));
	}
	return json_pack("{s:i,s:b,s:i,s:o}", "age_days", r->age_days,
	    "corrected", r->corrected, "min_days", LULL_NORMS_MIN_DAYS,
	    "comparisons", a);
}

static int
print_json(struct cli *cli, const struct report *r)
{
	json_t *o, *days = json_array();
	char a[16], b[16], born[16], due[16];
	int32_t day;

	for (day = r->from; days && day <= r->to; day++)
		json_array_append_new(days, jday(cli, r, day_of(r, day)));
	lull_date_format(r->from, a, sizeof(a));
	lull_date_format(r->to, b, sizeof(b));
	lull_date_format(r->j.child.born_day, born, sizeof(born));
	if (r->j.child.due_day != LULL_NO_DAY)
		lull_date_format(r->j.child.due_day, due, sizeof(due));
	o = json_pack("{s:i,s:s,s:{s:s,s:s,s:o},s:s,s:s,s:o,s:{s:o,s:o,s:o},"
		      "s:o}",
	    "schema", REPORT_SCHEMA, "tz", cli->hh.tz, "child", "name",
	    r->j.child.name, "born", born, "due",
	    r->j.child.due_day != LULL_NO_DAY ? json_string(due) : json_null(),
	    "from", a, "to", b, "days", days, "windows", "last7",
	    jwindow(r, &r->last7), "last14", jwindow(r, &r->last14),
	    "baseline", jwindow(r, &r->base), "age", jage(r));
	return cli_print_json(o);
}

int
cmd_report(struct cli *cli)
{
	struct report r;
	int x;

	if ((x = report_build(cli, &r)) == EXIT_OK) {
		if (cli->json)
			x = print_json(cli, &r);
		else
			print_text(cli, &r);
	}
	report_free(&r);
	return x;
}
