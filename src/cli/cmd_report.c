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
#include "lull/report.h"
#include "lull/stats.h"
#include "cli_int.h"

void
cli_journal_free(struct lull_journal *j)
{
	lull_journal_free(j);
}

int
cli_journal_load(struct cli *cli, int64_t from_utc, int64_t to_utc,
    struct lull_journal *j)
{
	struct lull_errinfo ei;
	struct lull_child c;
	enum lull_err rc;
	int x;

	memset(j, 0, sizeof(*j));
	lull_child_init(&j->child);
	lull_child_init(&c);
	if ((x = cli_child(cli, &c)))
		return x;
	rc = lull_journal_load(cli->st, cli->hh.id, c.id, cli->tz, from_utc,
	    to_utc, j, &ei);
	lull_child_free(&c);
	return rc ? cli_fail(cli, rc, &ei) : EXIT_OK;
}

/* The sleeps and feeds that can belong to days [from, to] (stats.h). */
int
cli_journal_days(struct cli *cli, int32_t from, int32_t to,
    struct lull_journal *j)
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
cli_stats_in(struct cli *cli, const struct lull_journal *j,
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
cli_journal_who(const struct lull_journal *j, int64_t id)
{
	return lull_journal_who(j, id);
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

static const struct lull_day_stats *
day_of(const struct lull_report *r, int32_t day)
{
	return lull_report_day(r, day);
}

static int
report_build(struct cli *cli, struct lull_report *r)
{
	struct lull_errinfo ei;
	struct lull_child c;
	enum lull_err rc;
	int32_t from, to;
	int x;

	memset(r, 0, sizeof(*r));
	lull_child_init(&r->j.child);
	if ((x = cli_day_range(cli, 14, &from, &to)))
		return x;
	lull_child_init(&c);
	if ((x = cli_child(cli, &c)))
		return x;
	rc = lull_report_build(cli->st, cli->hh.id, c.id, cli->tz, cli->now,
	    from, to, r, &ei);
	lull_child_free(&c);
	return rc ? cli_fail(cli, rc, &ei) : EXIT_OK;
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
print_help(const struct lull_report *r, const struct lull_window *w)
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
print_text(struct cli *cli, const struct lull_report *r)
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

static int
print_json(struct cli *cli, const struct lull_report *r)
{
	return cli_print_json(lull_report_to_json(r, cli->tz));
}

int
cmd_report(struct cli *cli)
{
	struct lull_report r;
	int x;

	if ((x = report_build(cli, &r)) == EXIT_OK) {
		if (cli->json)
			x = print_json(cli, &r);
		else
			print_text(cli, &r);
	}
	lull_report_free(&r);
	return x;
}
