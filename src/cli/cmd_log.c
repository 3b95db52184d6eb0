/*
 * lull log: the journal by day, readable at a glance, or as JSON.  A
 * sleep belongs to the local day it started, so a night that crosses
 * midnight is shown once, under its evening.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/json.h"
#include "lull/journal.h"
#include "cli_int.h"

struct logdata {
	struct lull_childv ch;
	struct lull_caregiverv cg;
	struct lull_sleepv sl;
	struct lull_feedv fd;
	struct lull_tagv tg;
	int32_t from, to; /* local days, inclusive */
	int64_t child;	  /* 0: every child */
};

static void
logdata_free(struct logdata *d)
{
	lull_childv_free(&d->ch);
	lull_caregiverv_free(&d->cg);
	lull_sleepv_free(&d->sl);
	lull_feedv_free(&d->fd);
	lull_tagv_free(&d->tg);
}

static int
log_range(struct cli *cli, struct logdata *d)
{
	const char *from = cli_opt(cli, "from"), *to = cli_opt(cli, "to");
	const char *days = cli_opt(cli, "days");
	int32_t today = lull_local_day(cli->tz, cli->now), n = 3;
	int x;

	if (cli->a.npos == 1 && (from || to))
		return cli_errx(EXIT_USAGE, "log: give a DATE or --from/--to, "
		    "not both");
	if (days && (x = cli_int("days", days, 1, 3660, &n)))
		return x;
	d->to = today;
	if (cli->a.npos == 1) {
		if ((x = cli_date(cli, "date", cli->a.pos[0], &d->from)))
			return x;
		d->to = d->from;
		return EXIT_OK;
	}
	if (to && (x = cli_date(cli, "to", to, &d->to)))
		return x;
	d->from = d->to - (n - 1);
	if (from && (x = cli_date(cli, "from", from, &d->from)))
		return x;
	if (d->from > d->to)
		return cli_errx(EXIT_INVALID, "--from: the first day is after "
		    "the last (--to)");
	if (d->to - d->from > 3660)
		return cli_errx(EXIT_INVALID, "--from: at most ten years at "
		    "once");
	return EXIT_OK;
}

static int
log_load(struct cli *cli, struct logdata *d)
{
	int64_t a = lull_tz_day_start(cli->tz, d->from);
	int64_t b = lull_tz_day_start(cli->tz, d->to + 1);
	struct lull_child c;
	enum lull_err rc;
	int x;

	if (cli_opt(cli, "child") != NULL) {
		lull_child_init(&c);
		if ((x = cli_child(cli, &c)))
			return x;
		d->child = c.id;
		lull_child_free(&c);
	}
	if ((rc = lull_store_child_list(cli->st, cli->hh.id, &d->ch)) ||
	    (rc = lull_store_caregiver_list(cli->st, cli->hh.id, &d->cg)) ||
	    (rc = lull_store_sleep_range(cli->st, cli->hh.id, d->child, a, b,
		 &d->sl)) ||
	    (rc = lull_store_feed_range(cli->st, cli->hh.id, d->child, a, b,
		 &d->fd)) ||
	    (rc = lull_store_tag_range(cli->st, cli->hh.id, d->child, d->from,
		 d->to, &d->tg)))
		return cli_fail_store(cli, rc);
	return EXIT_OK;
}

static const char *
child_name(const struct logdata *d, int64_t id)
{
	size_t i;

	for (i = 0; i < d->ch.n; i++)
		if (d->ch.v[i].id == id)
			return d->ch.v[i].name;
	return "?";
}

static const char *
who(const struct logdata *d, int64_t id)
{
	size_t i;

	for (i = 0; id != 0 && i < d->cg.n; i++)
		if (d->cg.v[i].id == id)
			return d->cg.v[i].name;
	return NULL;
}

/* "06:45" or "06:45 Sun" when the time falls on a later day. */
static void
hm_day(struct cli *cli, int64_t utc, int32_t day, char *buf, size_t bufsz)
{
	static const char *const wd[7] = { "Sun", "Mon", "Tue", "Wed", "Thu",
		"Fri", "Sat" };
	int32_t d = lull_local_day(cli->tz, utc);
	char hm[16];

	lull_time_format_hm(cli->tz, utc, hm, sizeof(hm));
	if (d == day)
		snprintf(buf, bufsz, "%s", hm);
	else
		snprintf(buf, bufsz, "%s %s", hm, wd[lull_weekday(d)]);
}

static int64_t
awake_sec(const struct lull_sleep *s, int64_t now)
{
	int64_t t = 0;
	size_t i;

	for (i = 0; i < s->nwakings; i++) {
		int64_t e = s->wakings[i].end_utc;

		t += (e == LULL_NO_TIME ? now : e) - s->wakings[i].start_utc;
	}
	return t;
}

/* Width of the time column: "19:30-06:45 Sun". */
#define TIMECOL 15

static void
print_sleep(struct cli *cli, const struct logdata *d,
    const struct lull_sleep *s, int32_t day, int many)
{
	char a[24], b[24], when[56], dur[16];
	int64_t end = s->end_utc == LULL_NO_TIME ? cli->now : s->end_utc;
	const char *by = who(d, s->settled_by), *sep = "  ";
	size_t i;

	hm_day(cli, s->start_utc, day, a, sizeof(a));
	if (s->end_utc == LULL_NO_TIME)
		snprintf(b, sizeof(b), "now");
	else
		hm_day(cli, s->end_utc, day, b, sizeof(b));
	snprintf(when, sizeof(when), "%s-%s", a, b);
	cli_fmt_dur(end - s->start_utc, dur, sizeof(dur));
	printf("  %-*s %-5s %6s%s", TIMECOL, when,
	    lull_sleep_kind_name(s->kind), dur,
	    s->end_utc == LULL_NO_TIME ? " so far" : "");
	if (many) {
		printf("%s%s", sep, child_name(d, s->child_id));
		sep = " · ";
	}
	for (i = 0; i < LULL_ONSET__MAX; i++)
		if (s->onset & (1u << i)) {
			printf("%s%s", sep, lull_onset_label(i));
			sep = ", ";
		}
	if (s->place != LULL_PLACE_UNKNOWN)
		printf("%s%s", strcmp(sep, "  ") ? " · " : sep,
		    lull_place_label(s->place));
	if (by != NULL)
		printf("%s%s", s->onset || s->place || many ? " · " : "  ", by);
	printf("  #%lld\n", (long long)s->id);
	if (s->latency_min != LULL_UNKNOWN || s->crying_min != LULL_UNKNOWN ||
	    s->routine != LULL_UNKNOWN || s->note != NULL) {
		sep = "";
		printf("  %-*s       ", TIMECOL, "");
		if (s->routine != LULL_UNKNOWN) {
			printf("routine %s", s->routine ? "done" : "skipped");
			sep = " · ";
		}
		if (s->latency_min != LULL_UNKNOWN) {
			printf("%s%d min to fall asleep", sep,
			    (int)s->latency_min);
			sep = " · ";
		}
		if (s->crying_min == 0)
			printf("%sno crying", sep);
		else if (s->crying_min != LULL_UNKNOWN)
			printf("%sabout %d min crying", sep,
			    (int)s->crying_min);
		if (s->crying_min != LULL_UNKNOWN)
			sep = " · ";
		if (s->note != NULL)
			printf("%s\"%s\"", sep, s->note);
		printf("\n");
	}
	for (i = 0; i < s->nwakings; i++) {
		const struct lull_waking *w = &s->wakings[i];
		const char *wb = who(d, w->caregiver_id);

		/* Inside its night a waking needs no weekday. */
		lull_time_format_hm(cli->tz, w->start_utc, a, sizeof(a));
		if (w->end_utc == LULL_NO_TIME) {
			snprintf(b, sizeof(b), "now");
			cli_fmt_dur(cli->now - w->start_utc, dur, sizeof(dur));
		} else {
			lull_time_format_hm(cli->tz, w->end_utc, b, sizeof(b));
			cli_fmt_dur(w->end_utc - w->start_utc, dur,
			    sizeof(dur));
		}
		printf("  %-*s       woke %s-%s %s", TIMECOL, "", a, b, dur);
		if (w->response != LULL_RESP_UNKNOWN)
			printf("  %s", lull_response_label(w->response));
		if (wb != NULL)
			printf(" · %s", wb);
		if (w->note != NULL)
			printf("  \"%s\"", w->note);
		printf("  #%lld\n", (long long)w->id);
	}
}

static void
print_feed(struct cli *cli, const struct logdata *d,
    const struct lull_feed *f, int32_t day, int many)
{
	char a[24], dur[16];

	hm_day(cli, f->start_utc, day, a, sizeof(a));
	printf("  %-*s feed  ", TIMECOL, a);
	if (many)
		printf("%s · ", child_name(d, f->child_id));
	printf("%s", lull_feed_kind_name(f->kind));
	if (f->side != LULL_SIDE_NONE)
		printf(" %s", lull_side_name(f->side));
	if (f->end_utc != LULL_NO_TIME) {
		cli_fmt_dur(f->end_utc - f->start_utc, dur, sizeof(dur));
		printf(" %s", dur);
	}
	if (f->amount_ml != LULL_UNKNOWN)
		printf(" %d ml", (int)f->amount_ml);
	if (f->note != NULL)
		printf("  \"%s\"", f->note);
	printf("  #%lld\n", (long long)f->id);
}

/* One line a day: how much sleep, how broken the night was. */
static void
print_summary(struct cli *cli, const struct logdata *d, int32_t day)
{
	int64_t night = 0, naps = 0, awake = 0;
	int nnaps = 0, nwake = 0, nights = 0;
	char a[16], b[16], c[16];
	size_t i;

	for (i = 0; i < d->sl.n; i++) {
		const struct lull_sleep *s = &d->sl.v[i];
		int64_t end = s->end_utc == LULL_NO_TIME ? cli->now : s->end_utc;
		int64_t aw = awake_sec(s, cli->now);

		if (lull_local_day(cli->tz, s->start_utc) != day)
			continue;
		if (s->kind == LULL_SLEEP_NIGHT) {
			night += end - s->start_utc - aw;
			awake += aw;
			nwake += (int)s->nwakings;
			nights++;
		} else {
			naps += end - s->start_utc - aw;
			nnaps++;
		}
	}
	if (nights == 0 && nnaps == 0)
		return;
	printf("  ");
	if (nights > 0) {
		cli_fmt_dur(night, a, sizeof(a));
		cli_fmt_dur(awake, c, sizeof(c));
		printf("night %s asleep, %d waking%s", a, nwake,
		    nwake == 1 ? "" : "s");
		if (nwake > 0)
			printf(" (%s awake)", c);
	}
	if (nnaps > 0) {
		cli_fmt_dur(naps, b, sizeof(b));
		printf("%s%d nap%s, %s", nights ? " · " : "", nnaps,
		    nnaps == 1 ? "" : "s", b);
	}
	printf("\n");
}

static void
print_text(struct cli *cli, const struct logdata *d)
{
	int many = d->child == 0 && d->ch.n > 1;
	int32_t day;
	size_t i, j, k;
	int any = 0;

	for (day = d->from; day <= d->to; day++) {
		char date[32];
		int shown = 0;

		lull_date_format_long(day, date, sizeof(date));
		for (k = 0; k < d->tg.n; k++) {
			const struct lull_tag *t = &d->tg.v[k];

			if (t->from_day > day || t->to_day < day)
				continue;
			if (!shown++)
				printf("%s%s\n", any++ ? "\n" : "", date);
			printf("  %-*s tag   %s%s%s%s%s  #%lld\n", TIMECOL, "",
			    many ? child_name(d, t->child_id) : "",
			    many ? " · " : "", lull_tag_kind_name(t->kind),
			    t->note ? ": " : "", t->note ? t->note : "",
			    (long long)t->id);
		}
		/* Sleeps and feeds are each sorted; merge them by start. */
		i = j = 0;
		for (;;) {
			const struct lull_sleep *s = NULL;
			const struct lull_feed *f = NULL;

			while (i < d->sl.n && lull_local_day(cli->tz,
						  d->sl.v[i].start_utc) != day)
				i++;
			while (j < d->fd.n && lull_local_day(cli->tz,
						  d->fd.v[j].start_utc) != day)
				j++;
			if (i < d->sl.n)
				s = &d->sl.v[i];
			if (j < d->fd.n)
				f = &d->fd.v[j];
			if (s == NULL && f == NULL)
				break;
			if (!shown++)
				printf("%s%s\n", any++ ? "\n" : "", date);
			if (s != NULL &&
			    (f == NULL || s->start_utc <= f->start_utc)) {
				print_sleep(cli, d, s, day, many);
				i++;
			} else {
				print_feed(cli, d, f, day, many);
				j++;
			}
		}
		if (shown)
			print_summary(cli, d, day);
	}
	if (!any)
		printf("Nothing logged in these days. Start with: lull sleep "
		       "start\n");
}

static json_t *
day_json(struct cli *cli, const struct logdata *d, int32_t day,
    const struct lull_names *nm)
{
	json_t *o = json_object(), *sl = json_array(), *fd = json_array();
	json_t *tg = json_array();
	char date[16];
	int ok = o && sl && fd && tg;
	size_t i;

	lull_date_format(day, date, sizeof(date));
	for (i = 0; ok && i < d->sl.n; i++)
		if (lull_local_day(cli->tz, d->sl.v[i].start_utc) == day)
			ok = !json_array_append_new(sl,
			    lull_json_sleep(&d->sl.v[i], cli->tz, nm));
	for (i = 0; ok && i < d->fd.n; i++)
		if (lull_local_day(cli->tz, d->fd.v[i].start_utc) == day)
			ok = !json_array_append_new(fd,
			    lull_json_feed(&d->fd.v[i], cli->tz, nm));
	for (i = 0; ok && i < d->tg.n; i++)
		if (d->tg.v[i].from_day <= day && d->tg.v[i].to_day >= day)
			ok = !json_array_append_new(tg,
			    lull_json_tag(&d->tg.v[i], cli->tz, nm));
	ok = ok && !json_object_set_new(o, "date", json_string(date)) &&
	    !json_object_set(o, "sleeps", sl) &&
	    !json_object_set(o, "feeds", fd) && !json_object_set(o, "tags", tg);
	json_decref(sl);
	json_decref(fd);
	json_decref(tg);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int
print_json(struct cli *cli, const struct logdata *d)
{
	struct lull_names nm = { &d->ch, &d->cg, 1 };
	json_t *o = json_object(), *days = json_array();
	char a[16], b[16];
	int ok = o && days;
	int32_t day;

	lull_date_format(d->from, a, sizeof(a));
	lull_date_format(d->to, b, sizeof(b));
	ok = ok && !json_object_set_new(o, "tz", json_string(cli->hh.tz)) &&
	    !json_object_set_new(o, "from", json_string(a)) &&
	    !json_object_set_new(o, "to", json_string(b)) &&
	    !json_object_set(o, "days", days);
	for (day = d->from; ok && day <= d->to; day++)
		ok = !json_array_append_new(days, day_json(cli, d, day, &nm));
	json_decref(days);
	if (!ok) {
		json_decref(o);
		o = NULL;
	}
	return cli_print_json(o);
}

int
cmd_log(struct cli *cli)
{
	struct logdata d;
	int x;

	memset(&d, 0, sizeof(d));
	if ((x = log_range(cli, &d)) == EXIT_OK &&
	    (x = log_load(cli, &d)) == EXIT_OK) {
		if (cli->json)
			x = print_json(cli, &d);
		else
			print_text(cli, &d);
	}
	logdata_free(&d);
	return x;
}
