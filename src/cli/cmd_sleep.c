/*
 * lull sleep ..., waking ..., feed add, tag ...: logging the journal.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/json.h"
#include "lull/journal.h"
#include "cli_int.h"

/*
 * The descriptive options shared by sleep start, sleep add and edit
 * sleep.  Only the options given change the record.
 */
int
cli_sleep_opts(struct cli *cli, struct lull_sleep *s)
{
	const char *v;
	struct lull_errinfo ei;
	int x, e;

	if ((v = cli_opt(cli, "kind")) != NULL) {
		if ((x = cli_enum("kind", v, lull_sleep_kind_parse,
			 "nap, night", &e)))
			return x;
		s->kind = (enum lull_sleep_kind)e;
		s->kind_given = 1;
	}
	if ((v = cli_opt(cli, "how")) != NULL &&
	    lull_onset_set_parse(v, &s->onset, &ei) != LULL_OK)
		return cli_errx(EXIT_INVALID, "--how: %s", ei.msg);
	if ((v = cli_opt(cli, "where")) != NULL) {
		if ((x = cli_enum("where", v, lull_place_parse, CLI_PLACES,
			 &e)))
			return x;
		s->place = (enum lull_place)e;
	}
	if ((v = cli_opt(cli, "by")) != NULL &&
	    (x = cli_caregiver(cli, "by", v, &s->settled_by)))
		return x;
	if ((v = cli_opt(cli, "latency")) != NULL &&
	    (x = cli_int("latency", v, 0, 600, &s->latency_min)))
		return x;
	if ((v = cli_opt(cli, "crying")) != NULL &&
	    (x = cli_int("crying", v, 0, 600, &s->crying_min)))
		return x;
	if ((v = cli_opt(cli, "routine")) != NULL &&
	    (x = cli_yesno("routine", v, &s->routine)))
		return x;
	if ((v = cli_opt(cli, "note")) != NULL) {
		free(s->note);
		if ((s->note = strdup(v)) == NULL)
			return cli_errx(EXIT_FAIL, "out of memory");
	}
	return EXIT_OK;
}

static void
say_sleep(struct cli *cli, const char *verb, const struct lull_sleep *s)
{
	char a[40], d[16];

	cli_fmt_time(cli, s->start_utc, a, sizeof(a));
	printf("%s %s #%lld from %s", verb, lull_sleep_kind_name(s->kind),
	    (long long)s->id, a);
	if (s->end_utc != LULL_NO_TIME) {
		lull_time_format_hm(cli->tz, s->end_utc, a, sizeof(a));
		cli_fmt_dur(s->end_utc - s->start_utc, d, sizeof(d));
		printf(" to %s (%s)", a, d);
	}
	if (s->nwakings > 0)
		printf(", %zu waking%s", s->nwakings,
		    s->nwakings == 1 ? "" : "s");
	printf(".\n");
}

int
cmd_sleep_start(struct cli *cli)
{
	const char *at = cli_opt(cli, "at");
	struct lull_child c;
	struct lull_sleep s;
	enum lull_err rc;
	char hm[16];
	int x;

	lull_child_init(&c);
	lull_sleep_init(&s);
	if ((x = cli_child(cli, &c)))
		return x;
	s.child_id = c.id;
	s.start_utc = cli->now;
	if ((at && (x = cli_time(cli, "at", at, INT64_MIN, LULL_NO_DAY,
			 &s.start_utc))) ||
	    (x = cli_sleep_opts(cli, &s)))
		goto out;
	if ((rc = lull_store_sleep_add(cli->st, &s, cli->tz, &cli->actor))) {
		x = cli_fail_store(cli, rc);
		goto out;
	}
	lull_time_format_hm(cli->tz, s.start_utc, hm, sizeof(hm));
	printf("%s asleep since %s (sleep #%lld). Rest well.\n", c.name, hm,
	    (long long)s.id);
out:
	lull_sleep_free(&s);
	lull_child_free(&c);
	return x;
}

int
cmd_sleep_stop(struct cli *cli)
{
	const char *at = cli_opt(cli, "at"), *v;
	struct lull_child c;
	struct lull_sleep s;
	enum lull_err rc;
	int x;

	lull_child_init(&c);
	lull_sleep_init(&s);
	if ((x = cli_child(cli, &c)))
		return x;
	rc = lull_store_sleep_ongoing(cli->st, c.id, &s);
	if (rc == LULL_ENOTFOUND) {
		x = cli_errx(EXIT_NOTFOUND,
		    "%s has no sleep going on (start one with: lull sleep "
		    "start)",
		    c.name);
		goto out;
	}
	if (rc != LULL_OK) {
		x = cli_fail_store(cli, rc);
		goto out;
	}
	s.end_utc = cli->now;
	if (at && (x = cli_time(cli, "at", at, s.start_utc, LULL_NO_DAY,
			&s.end_utc)))
		goto out;
	if ((v = cli_opt(cli, "latency")) != NULL &&
	    (x = cli_int("latency", v, 0, 600, &s.latency_min)))
		goto out;
	if ((v = cli_opt(cli, "crying")) != NULL &&
	    (x = cli_int("crying", v, 0, 600, &s.crying_min)))
		goto out;
	/* Awake now: an open waking ends with the sleep. */
	if (s.nwakings > 0 &&
	    s.wakings[s.nwakings - 1].end_utc == LULL_NO_TIME) {
		x = cli_errx(EXIT_CONFLICT,
		    "a waking is still open; end it with lull waking stop, "
		    "or delete it with lull delete waking %lld",
		    (long long)s.wakings[s.nwakings - 1].id);
		goto out;
	}
	/* A sleep started without a kind is settled again now that its
	 * length is known. */
	if ((rc = lull_store_sleep_update(cli->st, &s, cli->tz, &cli->actor)))
		x = cli_fail_store(cli, rc);
	else
		say_sleep(cli, "Logged", &s);
out:
	lull_sleep_free(&s);
	lull_child_free(&c);
	return x;
}

/* "23:10-23:25[,feed[,Sam]]", times read after the sleep's start. */
static int
parse_waking_spec(struct cli *cli, const char *spec, int64_t after,
    struct lull_waking *w)
{
	char buf[128], *dash, *comma, *who = NULL;
	int x, e;

	if (snprintf(buf, sizeof(buf), "%s", spec) >= (int)sizeof(buf))
		return cli_errx(EXIT_INVALID, "--waking: \"%s\" is too long",
		    spec);
	if ((comma = strchr(buf, ',')) != NULL) {
		*comma++ = '\0';
		if ((who = strchr(comma, ',')) != NULL)
			*who++ = '\0';
		if (*comma != '\0') {
			if ((x = cli_enum("waking", comma,
				 lull_response_parse, CLI_RESPONSES, &e)))
				return x;
			w->response = (enum lull_response)e;
		}
	}
	/* The separator is the dash between two times; dates have
	 * dashes too, so take the last one before a time. */
	dash = strrchr(buf, '-');
	while (dash != NULL && dash > buf && dash[1] != '\0' &&
	    strchr(dash + 1, ':') == NULL)
		dash = NULL;
	if (dash == NULL || dash == buf)
		return cli_errx(EXIT_INVALID,
		    "--waking: \"%s\" should be FROM-TO[,RESPONSE[,NAME]], "
		    "e.g. 23:10-23:25,feed,Sam",
		    spec);
	*dash = '\0';
	if ((x = cli_time(cli, "waking", buf, after, LULL_NO_DAY,
		 &w->start_utc)) ||
	    (x = cli_time(cli, "waking", dash + 1, w->start_utc, LULL_NO_DAY,
		 &w->end_utc)))
		return x;
	if (who != NULL && *who != '\0' &&
	    (x = cli_caregiver(cli, "waking", who, &w->caregiver_id)))
		return x;
	return EXIT_OK;
}

int
cmd_sleep_add(struct cli *cli)
{
	const char *from = cli_opt(cli, "from"), *to = cli_opt(cli, "to");
	struct lull_child c;
	struct lull_sleep s;
	enum lull_err rc;
	int i, x;

	if (from == NULL || to == NULL)
		return cli_errx(EXIT_USAGE,
		    "sleep add: --from and --to are needed (or use lull sleep "
		    "start for an ongoing sleep)");
	lull_child_init(&c);
	lull_sleep_init(&s);
	if ((x = cli_child(cli, &c)))
		return x;
	s.child_id = c.id;
	if ((x = cli_time(cli, "from", from, INT64_MIN, LULL_NO_DAY,
		 &s.start_utc)) ||
	    (x = cli_time(cli, "to", to, s.start_utc, LULL_NO_DAY,
		 &s.end_utc)) ||
	    (x = cli_sleep_opts(cli, &s)))
		goto out;
	/* Wakings are read in order, each after the one before. */
	for (i = 0; i < cli->a.nmulti; i++) {
		struct lull_waking w;
		int64_t after = s.nwakings ?
		    s.wakings[s.nwakings - 1].end_utc :
		    s.start_utc;

		lull_waking_init(&w);
		x = parse_waking_spec(cli, cli->a.multi[i], after, &w);
		if (x == EXIT_OK && lull_sleep_add_waking(&s, &w) != LULL_OK)
			x = cli_errx(EXIT_FAIL, "out of memory");
		lull_waking_free(&w);
		if (x != EXIT_OK)
			goto out;
	}
	if ((rc = lull_store_sleep_add(cli->st, &s, cli->tz, &cli->actor)))
		x = cli_fail_store(cli, rc);
	else
		say_sleep(cli, "Logged", &s);
out:
	lull_sleep_free(&s);
	lull_child_free(&c);
	return x;
}

/* The child's sleep holding "utc", reported when there is none. */
static int
sleep_at(struct cli *cli, const struct lull_child *c, int64_t utc,
    struct lull_sleep *s)
{
	enum lull_err rc = lull_store_sleep_at(cli->st, c->id, utc, s);
	char a[40];

	if (rc == LULL_ENOTFOUND) {
		cli_fmt_time(cli, utc, a, sizeof(a));
		return cli_errx(EXIT_NOTFOUND,
		    "%s was not asleep at %s by the journal; log the sleep "
		    "first (lull sleep add)",
		    c->name, a);
	}
	return rc ? cli_fail_store(cli, rc) : EXIT_OK;
}

static int
waking_opts(struct cli *cli, struct lull_waking *w)
{
	const char *v;
	int x, e;

	if ((v = cli_opt(cli, "response")) != NULL) {
		if ((x = cli_enum("response", v, lull_response_parse,
			 CLI_RESPONSES, &e)))
			return x;
		w->response = (enum lull_response)e;
	}
	if ((v = cli_opt(cli, "by")) != NULL &&
	    (x = cli_caregiver(cli, "by", v, &w->caregiver_id)))
		return x;
	if ((v = cli_opt(cli, "note")) != NULL) {
		free(w->note);
		if ((w->note = strdup(v)) == NULL)
			return cli_errx(EXIT_FAIL, "out of memory");
	}
	return EXIT_OK;
}

int
cmd_waking_add(struct cli *cli)
{
	const char *from = cli_opt(cli, "from"), *to = cli_opt(cli, "to");
	struct lull_child c;
	struct lull_sleep s;
	struct lull_waking w;
	enum lull_err rc;
	char a[16], b[16];
	int x;

	if (from == NULL || to == NULL)
		return cli_errx(EXIT_USAGE, "waking add: --from and --to are "
		    "needed");
	lull_child_init(&c);
	lull_sleep_init(&s);
	lull_waking_init(&w);
	if ((x = cli_child(cli, &c)) ||
	    (x = cli_time(cli, "from", from, INT64_MIN, LULL_NO_DAY,
		 &w.start_utc)) ||
	    (x = cli_time(cli, "to", to, w.start_utc, LULL_NO_DAY,
		 &w.end_utc)) ||
	    (x = sleep_at(cli, &c, w.start_utc, &s)) ||
	    (x = waking_opts(cli, &w)))
		goto out;
	w.sleep_id = s.id;
	if ((rc = lull_store_waking_add(cli->st, &w, cli->tz, &cli->actor))) {
		x = cli_fail_store(cli, rc);
		goto out;
	}
	lull_time_format_hm(cli->tz, w.start_utc, a, sizeof(a));
	lull_time_format_hm(cli->tz, w.end_utc, b, sizeof(b));
	printf("Logged waking #%lld %s-%s in %s #%lld.\n", (long long)w.id, a,
	    b, lull_sleep_kind_name(s.kind), (long long)s.id);
out:
	lull_waking_free(&w);
	lull_sleep_free(&s);
	lull_child_free(&c);
	return x;
}

int
cmd_waking_start(struct cli *cli)
{
	const char *at = cli_opt(cli, "at");
	struct lull_child c;
	struct lull_sleep s;
	struct lull_waking w;
	enum lull_err rc;
	int x;

	lull_child_init(&c);
	lull_sleep_init(&s);
	lull_waking_init(&w);
	if ((x = cli_child(cli, &c)))
		return x;
	rc = lull_store_sleep_ongoing(cli->st, c.id, &s);
	if (rc != LULL_OK) {
		x = rc == LULL_ENOTFOUND ?
		    cli_errx(EXIT_NOTFOUND, "%s has no sleep going on",
			c.name) :
		    cli_fail_store(cli, rc);
		goto out;
	}
	w.sleep_id = s.id;
	w.start_utc = cli->now;
	if (at && (x = cli_time(cli, "at", at, INT64_MIN, LULL_NO_DAY,
			&w.start_utc)))
		goto out;
	if ((rc = lull_store_waking_add(cli->st, &w, cli->tz, &cli->actor)))
		x = cli_fail_store(cli, rc);
	else
		printf("%s is awake (waking #%lld). Take your time.\n", c.name,
		    (long long)w.id);
out:
	lull_waking_free(&w);
	lull_sleep_free(&s);
	lull_child_free(&c);
	return x;
}

int
cmd_waking_stop(struct cli *cli)
{
	const char *at = cli_opt(cli, "at");
	struct lull_child c;
	struct lull_sleep s;
	struct lull_waking *w;
	enum lull_err rc;
	char d[16];
	int x;

	lull_child_init(&c);
	lull_sleep_init(&s);
	if ((x = cli_child(cli, &c)))
		return x;
	rc = lull_store_sleep_ongoing(cli->st, c.id, &s);
	if (rc == LULL_OK && (s.nwakings == 0 ||
				 s.wakings[s.nwakings - 1].end_utc !=
				     LULL_NO_TIME))
		rc = LULL_ENOTFOUND;
	if (rc != LULL_OK) {
		x = rc == LULL_ENOTFOUND ?
		    cli_errx(EXIT_NOTFOUND, "%s has no open waking (start "
			"one with: lull waking start)", c.name) :
		    cli_fail_store(cli, rc);
		goto out;
	}
	w = &s.wakings[s.nwakings - 1];
	w->end_utc = cli->now;
	if ((at && (x = cli_time(cli, "at", at, w->start_utc, LULL_NO_DAY,
			 &w->end_utc))) ||
	    (x = waking_opts(cli, w)))
		goto out;
	if ((rc = lull_store_waking_update(cli->st, w, cli->tz, &cli->actor)))
		x = cli_fail_store(cli, rc);
	else {
		cli_fmt_dur(w->end_utc - w->start_utc, d, sizeof(d));
		printf("Back asleep after %s.\n", d);
	}
out:
	lull_sleep_free(&s);
	lull_child_free(&c);
	return x;
}

int
cli_feed_opts(struct cli *cli, struct lull_feed *f)
{
	const char *v;
	int32_t min;
	int x, e;

	if ((v = cli_opt(cli, "at")) != NULL) {
		int64_t was = f->start_utc;

		if ((x = cli_time(cli, "at", v, INT64_MIN, LULL_NO_DAY,
			 &f->start_utc)))
			return x;
		/* A feed moved in time keeps its length. */
		if (was != LULL_NO_TIME && f->end_utc != LULL_NO_TIME)
			f->end_utc += f->start_utc - was;
	}
	if ((v = cli_opt(cli, "to")) != NULL &&
	    (x = cli_time(cli, "to", v, f->start_utc, LULL_NO_DAY,
		 &f->end_utc)))
		return x;
	if ((v = cli_opt(cli, "minutes")) != NULL) {
		if ((x = cli_int("minutes", v, 1, 240, &min)))
			return x;
		f->end_utc = f->start_utc + (int64_t)min * 60;
	}
	if ((v = cli_opt(cli, "kind")) != NULL) {
		if ((x = cli_enum("kind", v, lull_feed_kind_parse,
			 "breast, bottle, solids", &e)))
			return x;
		f->kind = (enum lull_feed_kind)e;
	}
	if ((v = cli_opt(cli, "side")) != NULL) {
		if ((x = cli_enum("side", v, lull_side_parse,
			 "left, right, both, none", &e)))
			return x;
		f->side = (enum lull_side)e;
	}
	if ((v = cli_opt(cli, "ml")) != NULL &&
	    (x = cli_int("ml", v, 0, 2000, &f->amount_ml)))
		return x;
	if ((v = cli_opt(cli, "note")) != NULL) {
		free(f->note);
		if ((f->note = strdup(v)) == NULL)
			return cli_errx(EXIT_FAIL, "out of memory");
	}
	return EXIT_OK;
}

int
cmd_feed_add(struct cli *cli)
{
	struct lull_child c;
	struct lull_feed f;
	enum lull_err rc;
	char a[40];
	int x;

	if (cli_opt(cli, "at") == NULL)
		return cli_errx(EXIT_USAGE, "feed add: --at TIME is needed");
	if (cli_opt(cli, "to") != NULL && cli_opt(cli, "minutes") != NULL)
		return cli_errx(EXIT_USAGE, "feed add: give --to or --minutes, "
		    "not both");
	lull_child_init(&c);
	lull_feed_init(&f);
	if ((x = cli_child(cli, &c)))
		return x;
	f.child_id = c.id;
	if ((x = cli_feed_opts(cli, &f)))
		goto out;
	if ((rc = lull_store_feed_add(cli->st, &f, cli->tz, &cli->actor)))
		x = cli_fail_store(cli, rc);
	else {
		cli_fmt_time(cli, f.start_utc, a, sizeof(a));
		printf("Logged %s feed #%lld at %s.\n",
		    lull_feed_kind_name(f.kind), (long long)f.id, a);
	}
out:
	lull_feed_free(&f);
	lull_child_free(&c);
	return x;
}

int
cli_tag_opts(struct cli *cli, struct lull_tag *t)
{
	const char *v;
	int x;

	if ((v = cli_opt(cli, "from")) != NULL &&
	    (x = cli_date(cli, "from", v, &t->from_day)))
		return x;
	if ((v = cli_opt(cli, "to")) != NULL &&
	    (x = cli_date(cli, "to", v, &t->to_day)))
		return x;
	if ((v = cli_opt(cli, "note")) != NULL) {
		free(t->note);
		if ((t->note = strdup(v)) == NULL)
			return cli_errx(EXIT_FAIL, "out of memory");
	}
	return EXIT_OK;
}

int
cmd_tag_add(struct cli *cli)
{
	struct lull_child c;
	struct lull_tag t;
	enum lull_err rc;
	char a[16], b[16];
	int x, e;

	if (cli_opt(cli, "from") == NULL)
		return cli_errx(EXIT_USAGE, "tag add: --from YYYY-MM-DD is "
		    "needed");
	lull_child_init(&c);
	lull_tag_init(&t);
	if ((x = cli_enum("kind", cli->a.pos[0], lull_tag_kind_parse,
		 CLI_TAGS, &e)))
		return x;
	t.kind = (enum lull_tag_kind)e;
	if ((x = cli_child(cli, &c)))
		return x;
	t.child_id = c.id;
	if ((x = cli_tag_opts(cli, &t)))
		goto out;
	if (t.to_day == LULL_NO_DAY)
		t.to_day = t.from_day;
	if ((rc = lull_store_tag_add(cli->st, &t, &cli->actor)))
		x = cli_fail_store(cli, rc);
	else {
		lull_date_format(t.from_day, a, sizeof(a));
		lull_date_format(t.to_day, b, sizeof(b));
		printf("Tagged %s as %s from %s to %s (#%lld).\n", c.name,
		    lull_tag_kind_name(t.kind), a, b, (long long)t.id);
	}
out:
	lull_tag_free(&t);
	lull_child_free(&c);
	return x;
}

int
cmd_tag_list(struct cli *cli)
{
	struct lull_childv ch = { 0 };
	struct lull_tagv v = { 0 };
	struct lull_names nm = { &ch, NULL, 1 };
	struct lull_child c;
	enum lull_err rc;
	int64_t child = 0;
	json_t *a;
	size_t i;
	int x;

	lull_child_init(&c);
	if (cli_opt(cli, "child") != NULL) {
		if ((x = cli_child(cli, &c)))
			return x;
		child = c.id;
		lull_child_free(&c);
	}
	if ((rc = lull_store_child_list(cli->st, cli->hh.id, &ch)) ||
	    (rc = lull_store_tag_range(cli->st, cli->hh.id, child,
		 INT32_MIN + 1, INT32_MAX, &v))) {
		lull_childv_free(&ch);
		return cli_fail_store(cli, rc);
	}
	if (cli->json) {
		a = json_array();
		for (i = 0; a != NULL && i < v.n; i++)
			if (json_array_append_new(a,
				lull_json_tag(&v.v[i], cli->tz, &nm))) {
				json_decref(a);
				a = NULL;
			}
		x = cli_print_json(a);
	} else {
		for (i = 0; i < v.n; i++) {
			char f[16], t[16];
			size_t k;
			const char *who = "";

			for (k = 0; k < ch.n; k++)
				if (ch.v[k].id == v.v[i].child_id)
					who = ch.v[k].name;
			lull_date_format(v.v[i].from_day, f, sizeof(f));
			lull_date_format(v.v[i].to_day, t, sizeof(t));
			printf("#%-5lld %-12s %s to %s  %s%s%s\n",
			    (long long)v.v[i].id,
			    lull_tag_kind_name(v.v[i].kind), f, t, who,
			    v.v[i].note ? "  " : "",
			    v.v[i].note ? v.v[i].note : "");
		}
		x = EXIT_OK;
	}
	lull_tagv_free(&v);
	lull_childv_free(&ch);
	return x;
}
