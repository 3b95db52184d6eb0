/*
 * The parents' nights: lull rota plan, rota review, fairshare and adults.
 *
 *  - rota plan: a night's shifts (rota.h) for the household's parents,
 *    from the child's typical night over the 14 evenings before, with
 *    each adult's protected block, the handovers, and in plain words why
 *    when a target cannot be met.
 *  - rota review: that plan, recomputed as it would have been shown that
 *    evening, against the night that was logged.
 *  - fairshare: who carried the nights (fairshare.h), side by side, and
 *    each adult's longest unbroken sleep over the last 7 nights, with the
 *    rebalancing prompt of domain.md 6.4.
 *  - adults: each adult's own sleep per night, side by side.
 *
 * An adult's own logged sleep is a personal record (care.h): it is shown
 * only to a viewer (--as) the store lets see it.  Otherwise, and on
 * nights it is not logged, an adult's longest stretch is derived from the
 * wakings they answered (lull_rota_parent_night()) and marked as such.
 * Everything is said without blame: who carried the nights is something
 * to talk about, never a score.
 * SPDX-License-Identifier: ISC
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/fairshare.h"
#include "lull/journal.h"
#include "lull/nights.h"
#include "lull/report.h"
#include "lull/rota.h"
#include "lull/stats.h"
#include "cli_int.h"

#define ROTA_EVENINGS	   LULL_ROTA_EVENINGS /* the two weeks before */
#define FAIR_WEEKS_DEFAULT 4
#define LAST_NIGHTS	   LULL_ROTA_REBALANCE_WINDOW /* 7 */
#define ADULTS_DAYS_DEFAULT 7
#define ADULTS_DAYS_MAX	   31
#define SIDE_MAX	   LULL_STATS_MAX_CAREGIVERS /* adults side by side */

/* ---- formatting ------------------------------------------------------- */

static void
hm(const struct cli *cli, int64_t t, char *buf, size_t bufsz)
{
	lull_time_format_hm(cli->tz, t, buf, bufsz);
}

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

/* "5h10", "45m", "-": compact, for tables. */
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

/* A table cell: padded to "w", except the last of a line. */
static void
pcell(int w, const char *text, int last)
{
	if (last)
		printf("%s\n", text);
	else
		printf("%-*s", w, text);
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

/* "Tue 16 Jun 2026" -> "Tue 16" (words = 2) or "Tue 16 Jun" (3). */
static void
short_date(int32_t day, int words, char *buf, size_t bufsz)
{
	char *p = buf;

	lull_date_format_long(day, buf, bufsz);
	while (*p != '\0') {
		if (*p == ' ' && --words == 0) {
			*p = '\0';
			break;
		}
		p++;
	}
}

static json_t *
jtime(const struct cli *cli, int64_t t)
{
	char buf[40];

	if (t == LULL_NO_TIME)
		return json_null();
	lull_time_format_rfc3339(cli->tz, t, buf, sizeof(buf));
	return json_string(buf);
}

static json_t *
jday(int32_t day)
{
	char buf[16];

	lull_date_format(day, buf, sizeof(buf));
	return json_string(buf);
}

/* An expected count or minutes, to one decimal. */
static json_t *
jexp(double x)
{
	return json_real(round(x * 10) / 10);
}

static json_t *
jtext(const char *s)
{
	return s != NULL && *s != '\0' ? json_string(s) : json_null();
}

static json_t *
jmin(int32_t m)
{
	return m < 0 ? json_null() : json_integer(m);
}

/* Set o[k] = v (taking v); a NULL o or v is left for the final check. */
static void
jset(json_t *o, const char *k, json_t *v)
{
	if (o == NULL || v == NULL) {
		json_decref(v);
		return;
	}
	json_object_set_new(o, k, v);
}

static void
jpush(json_t *a, json_t *v)
{
	if (a == NULL || v == NULL) {
		json_decref(v);
		return;
	}
	json_array_append_new(a, v);
}

/* Print and free, expected values without binary noise (1.4, not
 * 1.3999999999999999). */
static int
print_json(json_t *j)
{
	char *s;

	if (j == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	s = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
	json_decref(j);
	if (s == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	puts(s);
	free(s);
	return EXIT_OK;
}

/* ---- the plan --------------------------------------------------------- */

/* --target HOURS: "4.5", "4", "4,25" (3 to 8 hours) -> minutes. */
static int
target_parse(const char *text, int32_t *min)
{
	const char *p = text;
	long whole = 0, frac = 0, scale = 1, m;
	int digits = 0;

	for (; *p >= '0' && *p <= '9' && digits < 3; p++, digits++)
		whole = whole * 10 + (*p - '0');
	if (digits > 0 && (*p == '.' || *p == ',')) {
		for (p++; *p >= '0' && *p <= '9' && scale < 1000; p++) {
			frac = frac * 10 + (*p - '0');
			scale *= 10;
		}
	}
	m = whole * 60 + (frac * 60 + scale / 2) / scale;
	if (digits == 0 || *p != '\0' || m < LULL_ROTA_TARGET_LO_MIN ||
	    m > LULL_ROTA_TARGET_HI_MIN)
		return cli_errx(EXIT_INVALID,
		    "--target: \"%s\" is not a number of hours from %d to %d "
		    "(e.g. 4.5)",
		    text, LULL_ROTA_TARGET_LO_MIN / 60,
		    LULL_ROTA_TARGET_HI_MIN / 60);
	*min = (int32_t)m;
	return EXIT_OK;
}

/* --with NAME,NAME: exactly tonight's adults, as caregiver ids. */
static int
pick_with(struct cli *cli, const char *with, int64_t *ids, size_t *n)
{
	char buf[1024], *p, *name, *end;
	size_t i, items = 1;

	*n = 0;
	if (strlen(with) >= sizeof(buf))
		return cli_errx(EXIT_INVALID, "--with: the list is too long");
	for (p = strchr(with, ','); p != NULL; p = strchr(p + 1, ','))
		items++;
	if (items > LULL_ROTA_MAX_ADULTS)
		return cli_errx(EXIT_INVALID,
		    "--with: a rota takes at most %d adults, and %zu are named "
		    "(\"%s\")",
		    LULL_ROTA_MAX_ADULTS, items, with);
	memcpy(buf, with, strlen(with) + 1);
	for (name = buf; name != NULL; name = p) {
		struct lull_caregiver c;
		enum lull_err rc;
		int x = EXIT_OK;

		if ((p = strchr(name, ',')) != NULL)
			*p++ = '\0';
		while (*name == ' ')
			name++;
		end = name + strlen(name);
		while (end > name && end[-1] == ' ')
			*--end = '\0';
		if (*name == '\0')
			return cli_errx(EXIT_INVALID,
			    "--with: \"%s\" has an empty name in it", with);
		memset(&c, 0, sizeof(c));
		rc = lull_store_caregiver_find(cli->st, cli->hh.id, name, &c);
		if (rc == LULL_ENOTFOUND)
			return cli_errx(EXIT_NOTFOUND,
			    "--with: no caregiver called \"%s\" (see lull "
			    "caregiver list)",
			    name);
		if (rc != LULL_OK)
			return cli_fail_store(cli, rc);
		if (c.role == LULL_ROLE_CONSULTANT)
			x = cli_errx(EXIT_INVALID,
			    "--with: %s is the family's consultant; the night "
			    "rota is for the adults at home with the baby",
			    c.name);
		for (i = 0; x == EXIT_OK && i < *n; i++)
			if (ids[i] == c.id)
				x = cli_errx(EXIT_INVALID,
				    "--with: %s is named twice", c.name);
		if (x == EXIT_OK)
			ids[(*n)++] = c.id;
		lull_caregiver_free(&c);
		if (x != EXIT_OK)
			return x;
	}
	return EXIT_OK;
}

static void
rota_free(struct lull_rota_night *r)
{
	lull_rota_night_free(r);
}

/*
 * The plan of evening "day" as lull rota plan shows it: the pattern of
 * the 14 evenings before, the adults and the settings of now
 * (lull_rota_night_load() and _plan(), shared with the web app).  The
 * journal is loaded up to evening "load_to" (the review needs the
 * night itself too).
 */
static int
rota_build(struct cli *cli, struct lull_rota_night *r, int32_t day, int32_t load_to)
{
	struct lull_errinfo ei;
	struct lull_child c;
	const char *t = cli_opt(cli, "target"), *first = cli_opt(cli, "first");
	const char *with = cli_opt(cli, "with");
	int64_t ids[LULL_ROTA_MAX_ADULTS], first_id = 0;
	enum lull_err rc;
	int32_t target = 0;
	size_t i, nids = 0;
	int x;

	memset(r, 0, sizeof(*r));
	lull_child_init(&r->j.child);
	r->day = day;
	if (t != NULL && (x = target_parse(t, &target)))
		return x;
	lull_child_init(&c);
	if ((x = cli_child(cli, &c)))
		return x;
	if (with != NULL && (x = pick_with(cli, with, ids, &nids))) {
		lull_child_free(&c);
		return x;
	}
	rc = lull_rota_night_load(cli->st, cli->hh.id, cli->tz, c.id, day,
	    load_to, with != NULL ? ids : NULL, nids, r, &ei);
	lull_child_free(&c);
	if (rc == LULL_EINVAL && strcmp(ei.field, "adults") == 0)
		return cli_errx(EXIT_INVALID,
		    "the household has more than %d parents and "
		    "a rota takes at most %d adults: name "
		    "tonight's with --with NAME,NAME",
		    LULL_ROTA_MAX_ADULTS, LULL_ROTA_MAX_ADULTS);
	if (rc == LULL_ENOTFOUND && strcmp(ei.field, "adults") == 0)
		return cli_errx(EXIT_NOTFOUND,
		    "no parent in this household yet: add one with "
		    "lull caregiver add NAME, or name who is up with "
		    "the baby with --with NAME,NAME");
	if (rc == LULL_EINVAL && strcmp(ei.field, "night_feeds") == 0)
		return cli_errx(EXIT_INVALID,
		    "nobody on tonight's rota can feed the baby at night (night "
		    "feeds: none). Say who can with lull caregiver edit NAME "
		    "--night-feeds bottle (or breast), or name others with "
		    "--with");
	if (rc != LULL_OK)
		return cli_fail(cli, rc, &ei);
	if (first != NULL) {
		if ((x = cli_caregiver(cli, "first", first, &first_id)))
			return x;
		for (i = 0; i < r->n; i++)
			if (r->ad[i].caregiver_id == first_id)
				break;
		if (i == r->n)
			return cli_errx(EXIT_INVALID,
			    "--first: %s is not on tonight's rota (--with "
			    "chooses who is)",
			    first);
	}
	rc = lull_rota_night_plan(r, target, cli->hh.core_block_min, first_id,
	    cli->now, &ei);
	if (rc == LULL_ENOTFOUND && strcmp(ei.field, "from") == 0) {
		char a[32], b[32], d[32];

		lull_date_format_long(day, a, sizeof(a));
		short_date(day - LULL_ROTA_EVENINGS, 3, b, sizeof(b));
		short_date(day - 1, 3, d, sizeof(d));
		return cli_errx(EXIT_NOTFOUND,
		    "no complete night is logged for %s in the %d evenings "
		    "before %s (%s to %s), so there is no typical night to "
		    "plan from yet. Log a few nights (e.g. lull sleep add "
		    "--from 19:30 --to 06:45 --waking 23:10-23:25,feed,NAME) "
		    "and ask again.",
		    r->j.child.name, LULL_ROTA_EVENINGS, a, b, d);
	}
	if (rc != LULL_OK) {
		if (strcmp(ei.field, "first") == 0 ||
		    strcmp(ei.field, "target") == 0)
			return cli_errx(cli_exit_of(rc), "--%s", ei.msg);
		return cli_fail(cli, rc, &ei);
	}
	return EXIT_OK;
}

static const char *
tmpl_words(enum lull_rota_template t)
{
	switch (t) {
	case LULL_ROTA_SPLIT:
		return "a split night";
	case LULL_ROTA_BETWEEN_FEEDS:
		return "between feeds";
	default:
		return "one adult";
	}
}

static const char *
who(const struct lull_rota_night *r, int64_t id)
{
	const char *n = lull_rota_night_who(r, id);

	return n != NULL ? n : "someone";
}

static int
evening_opt(struct cli *cli, int32_t dflt, int32_t *day)
{
	const char *d = cli_opt(cli, "date");

	*day = dflt;
	return d != NULL ? cli_date(cli, "date", d, day) : EXIT_OK;
}

static void
print_shift(struct cli *cli, const struct lull_rota_night *r,
    const struct lull_rota_shift *s)
{
	char a[16], b[16], w[16], f[16];

	hm(cli, s->from_utc, a, sizeof(a));
	hm(cli, s->to_utc, b, sizeof(b));
	fcount(s->wakings, w, sizeof(w));
	fcount(s->feeds, f, sizeof(f));
	printf("  %s to %s  %s", a, b, who(r, s->caregiver_id));
	if (s->feeder_id != s->caregiver_id)
		printf(" gets up, %s feeds", who(r, s->feeder_id));
	else
		printf(" is on duty");
	printf(" (expected: about %s waking%s, %s feed%s)\n", w,
	    strcmp(w, "1") == 0 ? "" : "s", f, strcmp(f, "1") == 0 ? "" : "s");
}

static void
print_person(struct cli *cli, const struct lull_rota_night *r, size_t i, int namew)
{
	const struct lull_rota_person *ps = &r->plan.people[i];
	char a[16], b[16], d[24], s[24];

	dur(ps->sleep_min, s, sizeof(s));
	printf("  %-*s ", namew, r->ad[i].name);
	if (!ps->on_duty) {
		hm(cli, ps->block_from_utc, a, sizeof(a));
		hm(cli, ps->block_to_utc, b, sizeof(b));
		dur(ps->block_min, d, sizeof(d));
		printf("a night off: %s to %s, %s\n", a, b, d);
		return;
	}
	if (ps->block_min <= 0) {
		printf("no protected block tonight; expected sleep about %s\n",
		    s);
		return;
	}
	hm(cli, ps->block_from_utc, a, sizeof(a));
	hm(cli, ps->block_to_utc, b, sizeof(b));
	dur(ps->block_min, d, sizeof(d));
	printf("%s to %s, %s%s; expected sleep about %s; %s\n", a, b, d,
	    ps->guarded ? "" : " (the longest quiet stretch, not protected)",
	    s, ps->target_met ? "target met" : "short of the target");
}

static void
print_plan(struct cli *cli, const struct lull_rota_night *r)
{
	const struct lull_rota_plan *p = &r->plan;
	char date[32], a[16], b[16], d[24], w[16], f[16], c[32];
	size_t i;
	int namew = 4, any = 0;

	for (i = 0; i < r->n; i++)
		if ((int)strlen(r->ad[i].name) > namew)
			namew = (int)strlen(r->ad[i].name);
	lull_date_format_long(r->day, date, sizeof(date));
	hm(cli, p->bed_utc, a, sizeof(a));
	hm(cli, p->wake_utc, b, sizeof(b));
	dur((int32_t)((p->wake_utc - p->bed_utc) / 60), d, sizeof(d));
	fcount(r->pat.wakings_per_night, w, sizeof(w));
	fcount(r->pat.feeds_per_night, f, sizeof(f));
	printf("Night rota for the night of %s (%s)\n\n", date,
	    r->j.child.name);
	printf("The night covered: %s to %s (%s), %s's typical night over "
	       "the %d evenings before (%d complete night%s logged): about "
	       "%s waking%s a night, %s of them feed%s.\n",
	    a, b, d, r->j.child.name, ROTA_EVENINGS, r->pat.nights,
	    r->pat.nights == 1 ? "" : "s", w, strcmp(w, "1") == 0 ? "" : "s",
	    f, strcmp(f, "1") == 0 ? "" : "s");
	switch (p->tmpl) {
	case LULL_ROTA_SPLIT:
		printf("A split night: two of you take turns, and each one's "
		       "shift is the other's protected block.\n");
		break;
	case LULL_ROTA_BETWEEN_FEEDS:
		printf("Between feeds: only %s feeds at night, so their block "
		       "lies between the expected feeds; then the other adult "
		       "settles, changes and brings the baby back.\n",
		    who(r, p->nshifts > 0 ? p->shifts[0].feeder_id : 0));
		break;
	default:
		printf("One adult tonight: %s is on duty all night.\n",
		    r->ad[0].name);
		break;
	}
	printf("\nShifts:\n");
	for (i = 0; i < p->nshifts; i++)
		print_shift(cli, r, &p->shifts[i]);
	for (i = 1; i < p->nshifts; i++) {
		if (p->shifts[i].caregiver_id == p->shifts[i - 1].caregiver_id)
			continue;
		hm(cli, p->shifts[i].from_utc, a, sizeof(a));
		printf("%s %s: %s to %s",
		    any++ ? "," :
		    p->nhandovers == 1 ? "Handover at" : "Handovers at",
		    a, who(r, p->shifts[i - 1].caregiver_id),
		    who(r, p->shifts[i].caregiver_id));
	}
	if (any)
		printf(".\n");
	dur(p->target_min, d, sizeof(d));
	printf("\n%s (target %s, %s):\n",
	    p->tmpl == LULL_ROTA_SOLO ? "Sleep" : "Protected blocks", d,
	    strcmp(r->target_from, "option") == 0 ? "from --target" :
	    strcmp(r->target_from, "settings") == 0 ?
						    "from lull settings" :
						    "the default");
	for (i = 0; i < p->npeople; i++)
		print_person(cli, r, i, namew);
	if (p->target_met && p->tmpl != LULL_ROTA_SOLO)
		printf("Every protected block meets the target.\n");
	if (p->reason[0] != '\0')
		printf("\n%s\n", p->reason);
	any = 0;
	for (i = 0; i < r->n; i++)
		if (r->ad[i].works_next_day) {
			if (!any++) {
				short_date(r->day + 1, 1, c, sizeof(c));
				printf("\nWorking tomorrow (%s): ", c);
			} else
				printf(", ");
			printf("%s", r->ad[i].name);
		}
	if (any)
		printf(". The rota gives %s the quieter part of the night "
		       "where it can.\n",
		    any == 1 ? "them" : "each");
	if (p->tmpl == LULL_ROTA_SPLIT && r->in.first_id == 0)
		printf("%sWho goes first changes night by night; --first NAME "
		       "chooses.\n",
		    any ? "" : "\n");
	printf("\nSafety: %s\n", p->safety);
	if (p->milk_note != NULL)
		printf("Milk: %s\n", p->milk_note);
}

static json_t *
jblock(struct cli *cli, const struct lull_rota_person *ps)
{
	json_t *o;

	if (ps->block_min <= 0)
		return json_null();
	o = json_object();
	jset(o, "from", jtime(cli, ps->block_from_utc));
	jset(o, "to", jtime(cli, ps->block_to_utc));
	jset(o, "min", json_integer(ps->block_min));
	jset(o, "protected", json_boolean(ps->guarded));
	return o;
}

static json_t *
jplan(struct cli *cli, const struct lull_rota_night *r)
{
	const struct lull_rota_plan *p = &r->plan;
	json_t *o = json_object(), *a, *pat;
	size_t i;

	jset(o, "night", jday(r->day));
	jset(o, "child", json_string(r->j.child.name));
	jset(o, "tz", json_string(cli->hh.tz));
	jset(o, "template", json_string(lull_rota_template_name(p->tmpl)));
	jset(o, "feeding",
	    json_string(r->in.feeding == LULL_FEEDING_BREAST ? "breast" :
							       "bottle"));
	jset(o, "expressed_milk", json_boolean(r->in.expressed_milk));
	jset(o, "target_min", json_integer(p->target_min));
	jset(o, "target_source", json_string(r->target_from));
	jset(o, "target_met", json_boolean(p->target_met));
	jset(o, "bedtime", jtime(cli, p->bed_utc));
	jset(o, "wake", jtime(cli, p->wake_utc));
	jset(o, "night_min",
	    json_integer((json_int_t)((p->wake_utc - p->bed_utc) / 60)));
	pat = json_object();
	jset(pat, "from", jday(r->pat.from_day));
	jset(pat, "to", jday(r->pat.to_day));
	jset(pat, "nights", json_integer(r->pat.nights));
	jset(pat, "wakings_per_night", jexp(r->pat.wakings_per_night));
	jset(pat, "feeds_per_night", jexp(r->pat.feeds_per_night));
	jset(pat, "awake_min_per_night", jexp(r->pat.awake_min_per_night));
	jset(o, "pattern", pat);
	a = json_array();
	for (i = 0; i < p->nshifts; i++) {
		const struct lull_rota_shift *s = &p->shifts[i];
		json_t *x = json_object();

		jset(x, "from", jtime(cli, s->from_utc));
		jset(x, "to", jtime(cli, s->to_utc));
		jset(x, "min",
		    json_integer((json_int_t)((s->to_utc - s->from_utc) / 60)));
		jset(x, "caregiver", json_string(who(r, s->caregiver_id)));
		jset(x, "feeder", json_string(who(r, s->feeder_id)));
		jset(x, "wakings", jexp(s->wakings));
		jset(x, "feeds", jexp(s->feeds));
		jpush(a, x);
	}
	jset(o, "shifts", a);
	a = json_array();
	for (i = 1; i < p->nshifts; i++) {
		json_t *x;

		if (p->shifts[i].caregiver_id == p->shifts[i - 1].caregiver_id)
			continue;
		x = json_object();
		jset(x, "at", jtime(cli, p->shifts[i].from_utc));
		jset(x, "from",
		    json_string(who(r, p->shifts[i - 1].caregiver_id)));
		jset(x, "to", json_string(who(r, p->shifts[i].caregiver_id)));
		jpush(a, x);
	}
	jset(o, "handovers", a);
	a = json_array();
	for (i = 0; i < p->npeople; i++) {
		const struct lull_rota_person *ps = &p->people[i];
		json_t *x = json_object();

		jset(x, "name", json_string(r->ad[i].name));
		jset(x, "nursing", json_boolean(r->ad[i].nursing));
		jset(x, "can_feed", json_boolean(r->ad[i].can_feed ||
					r->ad[i].nursing));
		jset(x, "works_next_day", json_boolean(r->ad[i].works_next_day));
		jset(x, "on_duty", json_boolean(ps->on_duty));
		jset(x, "block", jblock(cli, ps));
		jset(x, "sleep_min", json_integer(ps->sleep_min));
		jset(x, "wakings", jexp(ps->wakings));
		jset(x, "target_met", json_boolean(ps->target_met));
		jpush(a, x);
	}
	jset(o, "adults", a);
	jset(o, "reason", jtext(p->reason));
	jset(o, "safety", jtext(p->safety));
	jset(o, "milk_note", jtext(p->milk_note));
	return o;
}

int
cmd_rota_plan(struct cli *cli)
{
	struct lull_rota_night r;
	int32_t day;
	int x;

	if ((x = evening_opt(cli, lull_local_day(cli->tz, cli->now), &day)))
		return x;
	if ((x = rota_build(cli, &r, day, day - 1)) == EXIT_OK) {
		if (cli->json)
			x = print_json(jplan(cli, &r));
		else
			print_plan(cli, &r);
	}
	rota_free(&r);
	return x;
}

/* ---- the night as it was ---------------------------------------------- */

/* The child's night "ns" as its pieces (lull_night_pieces()). */
static int
night_pieces(const struct lull_journal *j, const struct lull_night_stats *ns,
    struct lull_sleep **out, size_t *n)
{
	struct lull_errinfo ei;

	if (lull_night_pieces(j, ns, out, n, &ei) != LULL_OK)
		return cli_errx(EXIT_FAIL, "out of memory");
	return EXIT_OK;
}

static void
print_review(struct cli *cli, const struct lull_rota_night *r,
    const struct lull_rota_review *rv)
{
	const struct lull_rota_plan *p = &r->plan;
	char date[32], a[16], b[16], d[24], u[24];
	size_t i;

	lull_date_format_long(r->day, date, sizeof(date));
	hm(cli, rv->bed_utc, a, sizeof(a));
	hm(cli, rv->wake_utc, b, sizeof(b));
	printf("The night of %s (%s): asleep %s, awake %s.\n", date,
	    r->j.child.name, a, b);
	printf("The plan for it, recomputed from the %d evenings before "
	       "with today's settings:",
	    ROTA_EVENINGS);
	for (i = 0; i < p->nshifts; i++) {
		hm(cli, p->shifts[i].from_utc, a, sizeof(a));
		hm(cli, p->shifts[i].to_utc, b, sizeof(b));
		printf("%s %s to %s %s", i ? "," : "", a, b,
		    who(r, p->shifts[i].caregiver_id));
		if (p->shifts[i].feeder_id != p->shifts[i].caregiver_id)
			printf(" (%s feeds)", who(r, p->shifts[i].feeder_id));
	}
	printf(" (%s).\n\n", tmpl_words(p->tmpl));
	for (i = 0; i < rv->nwho; i++) {
		const struct lull_rota_actual *ac = &rv->who[i];
		const struct lull_rota_person *ps = &p->people[i];

		dur(ac->up_min, u, sizeof(u));
		dur(ac->longest_min, d, sizeof(d));
		if (ac->wakings == 0)
			printf("  %s: answered no wakings", r->ad[i].name);
		else
			printf("  %s: answered %d waking%s, %s up",
			    r->ad[i].name, (int)ac->wakings,
			    ac->wakings == 1 ? "" : "s", u);
		printf("; longest stretch without a waking to answer %s", d);
		if (ac->longest_min > 0) {
			hm(cli, ac->longest_from_utc, a, sizeof(a));
			hm(cli, ac->longest_to_utc, b, sizeof(b));
			printf(" (%s to %s)", a, b);
		}
		printf(".\n");
		if (ps->block_min <= 0) {
			printf("    No protected block was planned for them "
			       "that night.\n");
			continue;
		}
		hm(cli, ps->block_from_utc, a, sizeof(a));
		hm(cli, ps->block_to_utc, b, sizeof(b));
		if (ac->held)
			printf("    Protected block %s to %s: held", a, b);
		else
			printf("    Protected block %s to %s: broken, %d "
			       "waking%s they answered fell inside it",
			    a, b, (int)ac->in_block,
			    ac->in_block == 1 ? "" : "s");
		if (ac->unknown_in_block > 0)
			printf("; %d waking%s inside it had nobody recorded",
			    (int)ac->unknown_in_block,
			    ac->unknown_in_block == 1 ? "" : "s");
		printf(".\n");
	}
	if (rv->other > 0)
		printf("\n%d waking%s answered by someone not on the rota.\n",
		    (int)rv->other, rv->other == 1 ? " was" : "s were");
	if (rv->note[0] != '\0')
		printf("\nNote: %s\n", rv->note);
	printf("\nThe plan is recomputed from the journal and today's "
	       "settings: a change since that evening (who can feed, work "
	       "days, the target) changes it.\n");
}

static json_t *
jreview(struct cli *cli, const struct lull_rota_night *r,
    const struct lull_rota_review *rv)
{
	json_t *o = json_object(), *a = json_array(), *nr = json_object();
	size_t i;

	jset(o, "night", jday(r->day));
	jset(o, "child", json_string(r->j.child.name));
	jset(o, "tz", json_string(cli->hh.tz));
	jset(o, "recomputed", json_true());
	jset(o, "plan", jplan(cli, r));
	jset(o, "asleep", jtime(cli, rv->bed_utc));
	jset(o, "awake", jtime(cli, rv->wake_utc));
	for (i = 0; i < rv->nwho; i++) {
		const struct lull_rota_actual *ac = &rv->who[i];
		json_t *x = json_object();

		jset(x, "name", json_string(r->ad[i].name));
		jset(x, "wakings", json_integer(ac->wakings));
		jset(x, "up_min", json_integer(ac->up_min));
		jset(x, "longest_min", json_integer(ac->longest_min));
		jset(x, "longest_from", jtime(cli, ac->longest_from_utc));
		jset(x, "longest_to", jtime(cli, ac->longest_to_utc));
		jset(x, "block", jblock(cli, &r->plan.people[i]));
		jset(x, "held", json_boolean(ac->held));
		jset(x, "in_block", json_integer(ac->in_block));
		jset(x, "unknown_in_block", json_integer(ac->unknown_in_block));
		jpush(a, x);
	}
	jset(o, "adults", a);
	jset(nr, "wakings", json_integer(rv->unknown));
	jset(nr, "min", json_integer(rv->unknown_min));
	jset(o, "not_recorded", nr);
	jset(o, "other", json_integer(rv->other));
	jset(o, "note", jtext(rv->note));
	return o;
}

int
cmd_rota_review(struct cli *cli)
{
	struct lull_rota_review rv;
	struct lull_day_stats ds;
	struct lull_stats_in in;
	struct lull_errinfo ei;
	struct lull_sleep *pieces = NULL;
	struct lull_rota_night r;
	enum lull_err rc;
	char date[32];
	int32_t day;
	size_t n = 0;
	int x;

	if ((x = evening_opt(cli, lull_local_day(cli->tz, cli->now) - 1,
		 &day)))
		return x;
	if ((x = rota_build(cli, &r, day, day)))
		goto out;
	cli_stats_in(cli, &r.j, &in);
	if ((rc = lull_stats_days(&in, day, day, &ds, &ei))) {
		x = cli_fail(cli, rc, &ei);
		goto out;
	}
	lull_date_format_long(day, date, sizeof(date));
	if (!ds.has_night) {
		x = cli_errx(EXIT_NOTFOUND,
		    "no night of %s is logged for the evening of %s, so there "
		    "is nothing to compare the plan with",
		    r.j.child.name, date);
		goto out;
	}
	if ((x = night_pieces(&r.j, &ds.night, &pieces, &n)))
		goto out;
	if (n == 0) {
		x = cli_errx(EXIT_NOTFOUND,
		    "the night of %s is not over yet (or its end is not "
		    "logged): look back once it has ended",
		    date);
		goto out;
	}
	if ((rc = lull_rota_review(&r.plan, pieces, n, &rv, &ei))) {
		x = cli_fail(cli, rc, &ei);
		goto out;
	}
	if (cli->json)
		x = print_json(jreview(cli, &r, &rv));
	else
		print_review(cli, &r, &rv);
out:
	free(pieces);
	rota_free(&r);
	return x;
}

/* ---- each adult's nights ---------------------------------------------- */

/* By enum lull_night_src (nights.h). */
static const char *const src_names[] = { NULL, "logged", "night_duty" };

static void
nights_free(struct lull_nights *ns)
{
	lull_nights_free(ns);
}

/* Days lo..hi of the child's journal, and who is shown
 * (lull_nights_load(), shared with the web app). */
static int
nights_load(struct cli *cli, struct lull_nights *ns, int32_t lo, int32_t hi,
    int32_t from)
{
	struct lull_errinfo ei;
	struct lull_child c;
	enum lull_err rc;
	int x;

	memset(ns, 0, sizeof(*ns));
	lull_child_init(&ns->j.child);
	lull_child_init(&c);
	if ((x = cli_child(cli, &c)))
		return x;
	rc = lull_nights_load(cli->st, cli->hh.id, cli->tz, c.id, lo, hi, from,
	    cli->actor.caregiver_id, cli->now, ns, &ei);
	lull_child_free(&c);
	if (rc == LULL_ENOTFOUND && strcmp(ei.field, "adults") == 0)
		return cli_errx(EXIT_NOTFOUND,
		    "no adult to show yet: add the parents with lull "
		    "caregiver add NAME");
	return rc ? cli_fail(cli, rc, &ei) : EXIT_OK;
}

/* The adult's nights of evenings from..to (out[to - from + 1]). */
static int
adult_nights(struct cli *cli, const struct lull_nights *ns, int64_t id,
    int32_t from, int32_t to, struct lull_adult_night *out)
{
	struct lull_errinfo ei;
	enum lull_err rc;

	rc = lull_nights_adult(ns, cli->tz, id, from, to, out, &ei);
	if (rc == LULL_ENOMEM)
		return cli_errx(EXIT_FAIL, "out of memory");
	return rc ? cli_fail(cli, rc, &ei) : EXIT_OK;
}

static json_t *
jbalance(const struct lull_rota_balance *b)
{
	json_t *o = json_object();

	jset(o, "prompt", json_boolean(b->prompt));
	jset(o, "nights", json_integer(b->nights));
	jset(o, "under", json_integer(b->under));
	jset(o, "message", jtext(b->msg));
	return o;
}

static json_t *
janight(struct cli *cli, int32_t day, const struct lull_adult_night *an)
{
	json_t *o = json_object();

	jset(o, "night", jday(day));
	jset(o, "source",
	    an->src == LULL_NIGHT_SRC_NONE ? json_null() : json_string(src_names[an->src]));
	jset(o, "longest_min", jmin(an->longest_min));
	jset(o, "longest_from", jtime(cli, an->from_utc));
	jset(o, "longest_to", jtime(cli, an->to_utc));
	jset(o, "total_min", jmin(an->total_min));
	jset(o, "pieces",
	    an->src == LULL_NIGHT_SRC_LOGGED ? json_integer(an->pieces) : json_null());
	return o;
}

static const char *
viewer_note(const struct lull_nights *ns)
{
	return ns->viewer > 0 ?
	    "Each adult's own logged sleep shows where you may see it (your "
	    "own, and what a partner shares); other nights are from night "
	    "duty." :
	    "Without --as, nobody's own logged sleep is shown, only what "
	    "night duty says; say who you are with --as NAME to see yours "
	    "and what your partner shares.";
}

/* ---- lull fairshare ----------------------------------------------------- */

static void
fair_cell(const struct lull_fair_adult *f, int32_t known, char *buf,
    size_t bufsz)
{
	int w = f ? (int)f->wakings : 0;

	if (known > 0 && f != NULL && f->caregiver_id != 0)
		snprintf(buf, bufsz, "%d (%d%%)", w,
		    (int)lround(100.0 * w / known));
	else
		snprintf(buf, bufsz, "%d", w);
}

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

/* An adult's share (name NULL: "not recorded", without a share). */
static json_t *
jfair(const struct lull_caregiver *c, int role,
    const struct lull_fair_adult *f, int32_t known)
{
	json_t *o = json_object();
	int w = f ? (int)f->wakings : 0, share = c != NULL;

	if (c != NULL)
		jset(o, "name", json_string(c->name));
	if (c != NULL && role)
		jset(o, "role", json_string(lull_role_name(c->role)));
	jset(o, "wakings", json_integer(w));
	if (share)
		jset(o, "share",
		    known > 0 ? json_real(round(1000.0 * w / known) / 1000) :
				json_null());
	jset(o, "waking_min", json_integer(f ? f->waking_min : 0));
	jset(o, "settles", json_integer(f ? f->settles : 0));
	jset(o, "early", json_integer(f ? f->early : 0));
	return o;
}

static json_t *
jspan(const struct lull_nights *ns, const struct lull_fair_span *sp)
{
	json_t *o = json_object(), *a = json_array();
	int32_t known = known_wakings(sp);
	size_t i;

	jset(o, "from", jday(sp->from_day));
	jset(o, "to", jday(sp->to_day));
	jset(o, "nights", json_integer(sp->nights));
	jset(o, "early_nights", json_integer(sp->early_nights));
	for (i = 0; i < ns->nside; i++) {
		jpush(a, jfair(ns->side[i], 0,
			     lull_fair_find(sp, ns->side[i]->id), known));
	}
	jset(o, "adults", a);
	jset(o, "not_recorded", jfair(NULL, 0, lull_fair_find(sp, 0), known));
	return o;
}

static void
print_fair_row(const struct lull_nights *ns, const struct lull_fair_span *sp,
    const char *label, int what, int colw, int unknown)
{
	const struct lull_fair_adult *f;
	int32_t known = known_wakings(sp);
	char cell[48], a[16];
	size_t i;

	printf("%-24s", label);
	for (i = 0; i <= ns->nside; i++) {
		if (i == ns->nside && !unknown)
			break;
		f = lull_fair_find(sp, i < ns->nside ? ns->side[i]->id : 0);
		switch (what) {
		case 0:
			fair_cell(f, known, cell, sizeof(cell));
			break;
		case 1:
			cdur(f ? f->waking_min : 0, cell, sizeof(cell));
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
			cdur(f ? f->waking_min : 0, a, sizeof(a));
			snprintf(cell, sizeof(cell), "%d, %s, %d, %d",
			    f ? (int)f->wakings : 0, a,
			    f ? (int)f->settles : 0, f ? (int)f->early : 0);
			break;
		}
		pcell(colw, cell,
		    i == ns->nside || (i + 1 == ns->nside && !unknown));
	}
}

static void
print_last_nights(const struct lull_nights *ns, const struct lull_adult_night *an,
    int32_t from, int32_t to)
{
	char c[32];
	size_t i;
	int32_t d;
	int duty = 0;

	printf("%-24s", "");
	for (d = from; d <= to; d++) {
		short_date(d, 2, c, sizeof(c));
		pcell(8, c, d == to);
	}
	for (i = 0; i < ns->nside; i++) {
		printf("  %-22s", ns->side[i]->name);
		for (d = from; d <= to; d++) {
			const struct lull_adult_night *a = &an[i * LAST_NIGHTS +
			    (size_t)(d - from)];

			cdur(a->src == LULL_NIGHT_SRC_NONE ? -1 : a->longest_min, c,
			    sizeof(c));
			if (a->src == LULL_NIGHT_SRC_DUTY) {
				strcat(c, "*");
				duty = 1;
			}
			pcell(8, c, d == to);
		}
	}
	if (duty)
		printf("* from night duty: the longest stretch between the "
		       "wakings they answered, from the baby's bedtime to "
		       "morning, not their own sleep log.\n");
}

int
cmd_fairshare(struct cli *cli)
{
	const char *wo = cli_opt(cli, "weeks");
	struct lull_fairshare fs;
	struct lull_errinfo ei;
	struct lull_nights ns;
	struct lull_adult_night *an = NULL;
	struct lull_rota_balance bal[SIDE_MAX];
	int32_t weeks = FAIR_WEEKS_DEFAULT, today, from, lo, n7;
	enum lull_err rc;
	char a[32], b[32], label[48];
	size_t i, w;
	int x, colw = 16, unknown;

	if (wo != NULL && (x = cli_int("weeks", wo, 1, LULL_FAIR_MAX_WEEKS,
			       &weeks)))
		return x;
	today = lull_local_day(cli->tz, cli->now);
	from = today - 7 * weeks + 1;
	n7 = today - LAST_NIGHTS; /* the last 7 nights: n7 .. today - 1 */
	lo = from < n7 ? from : n7;
	if ((x = nights_load(cli, &ns, lo, today, from)))
		goto out;
	if ((rc = lull_fairshare(&ns.days[from - lo], (size_t)(today - from + 1),
		 &ns.j.sleeps, &fs, &ei))) {
		x = cli_fail(cli, rc, &ei);
		goto out;
	}
	if (ns.nside > 0 &&
	    (an = calloc(ns.nside * LAST_NIGHTS, sizeof(*an))) == NULL) {
		x = cli_errx(EXIT_FAIL, "out of memory");
		goto out;
	}
	for (i = 0; i < ns.nside; i++) {
		if ((x = adult_nights(cli, &ns, ns.side[i]->id, n7, today - 1,
			 &an[i * LAST_NIGHTS])))
			goto out;
		lull_nights_balance(&an[i * LAST_NIGHTS], LAST_NIGHTS, ns.side[i]->name,
		    &bal[i]);
	}
	if (cli->json) {
		json_t *o = json_object(), *arr = json_array(), *bw;
		int32_t known = known_wakings(&fs.total);

		jset(o, "child", json_string(ns.j.child.name));
		jset(o, "tz", json_string(cli->hh.tz));
		jset(o, "from", jday(from));
		jset(o, "to", jday(today));
		jset(o, "weeks", json_integer(weeks));
		jset(o, "nights", json_integer(fs.total.nights));
		jset(o, "early_nights", json_integer(fs.total.early_nights));
		jset(o, "viewer",
		    ns.viewer > 0 ?
			json_string(cli_caregiver_name(cli, ns.viewer)) :
			json_null());
		for (i = 0; i < ns.nside; i++) {
			json_t *x1 = jfair(ns.side[i], 1,
			    lull_fair_find(&fs.total, ns.side[i]->id), known);
			json_t *ln = json_array();
			int32_t d;

			for (d = n7; d < today; d++)
				jpush(ln, janight(cli, d,
					      &an[i * LAST_NIGHTS +
						  (size_t)(d - n7)]));
			jset(x1, "last_nights", ln);
			jset(x1, "rebalance", jbalance(&bal[i]));
			jpush(arr, x1);
		}
		jset(o, "adults", arr);
		jset(o, "not_recorded",
		    jfair(NULL, 0, lull_fair_find(&fs.total, 0), known));
		bw = json_array();
		for (w = 0; w < fs.nweeks; w++)
			jpush(bw, jspan(&ns, &fs.weeks[w]));
		jset(o, "by_week", bw);
		jset(o, "note",
		    json_string("A conversation starter, not a score."));
		x = print_json(o);
		goto out;
	}
	for (i = 0; i < ns.nside; i++)
		if ((int)strlen(ns.side[i]->name) + 2 > colw)
			colw = (int)strlen(ns.side[i]->name) + 2;
	short_date(from, 3, a, sizeof(a));
	lull_date_format_long(today, b, sizeof(b));
	printf("Who carried the nights: %s, %s to %s (%d week%s, %d night%s "
	       "logged)\n",
	    ns.j.child.name, a, b, (int)weeks, weeks == 1 ? "" : "s",
	    fs.total.nights, fs.total.nights == 1 ? "" : "s");
	printf("A conversation starter, not a score.\n\n");
	unknown = lull_fair_find(&fs.total, 0) != NULL;
	printf("%-24s", "");
	for (i = 0; i < ns.nside; i++)
		pcell(colw, ns.side[i]->name, i + 1 == ns.nside && !unknown);
	if (unknown)
		pcell(colw, "not recorded", 1);
	print_fair_row(&ns, &fs.total, "Wakings answered", 0, colw, unknown);
	print_fair_row(&ns, &fs.total, "Time up with the baby", 1, colw,
	    unknown);
	print_fair_row(&ns, &fs.total, "Bedtimes settled", 2, colw, unknown);
	print_fair_row(&ns, &fs.total, "Early mornings", 3, colw, unknown);
	printf("(Shares are of the wakings where someone was recorded. An "
	       "early morning is a night that ended before 06:00: %d of "
	       "%d.)\n",
	    fs.total.early_nights, fs.total.nights);
	if (unknown) {
		const struct lull_fair_adult *f = lull_fair_find(&fs.total, 0);

		if (f->wakings > 0)
			printf("%d waking%s had nobody recorded; at 3 a.m. "
			       "that is only natural. Adding --by NAME when "
			       "you log makes this fuller.\n",
			    (int)f->wakings, f->wakings == 1 ? "" : "s");
	}
	if (fs.nweeks > 1) {
		printf("\nWeek by week (wakings, time up, bedtimes, early "
		       "mornings):\n");
		for (w = 0; w < fs.nweeks; w++) {
			short_date(fs.weeks[w].from_day, 3, a, sizeof(a));
			short_date(fs.weeks[w].to_day, 3, b, sizeof(b));
			snprintf(label, sizeof(label), "  %s-%s",
			    strchr(a, ' ') + 1, strchr(b, ' ') + 1);
			print_fair_row(&ns, &fs.weeks[w], label, 4, colw,
			    unknown);
		}
	}
	printf("\nLongest unbroken sleep, the last %d nights:\n", LAST_NIGHTS);
	print_last_nights(&ns, an, n7, today - 1);
	printf("%s\n", viewer_note(&ns));
	for (i = 0; i < ns.nside; i++)
		if (bal[i].prompt)
			printf("\n%s\n", bal[i].msg);
	printf("\nIf the split is not what you both want, lull rota plan "
	       "(with --first NAME) plans tonight's shifts so that each of "
	       "you gets a protected block.\n");
	x = EXIT_OK;
out:
	free(an);
	nights_free(&ns);
	return x;
}

/* ---- lull adults ---------------------------------------------------------- */

/*
 * Why the rota protects one long block: a night broken by a few short
 * wakings left adults about as unfocused and low as a much shorter
 * night (Kahn et al. 2014 [R63], a small experimental pilot; domain.md
 * 6.3 and 6.4).  Our own words.
 */
static const char consolidated_text[] =
    "One unbroken stretch of sleep restores more than the same hours in "
    "pieces: in a small study, a night broken by a few short wakings left "
    "adults about as foggy and low as a night cut to half its length. "
    "That is why the rota protects one block for each of you.";

int
cmd_adults(struct cli *cli)
{
	const char *dopt = cli_opt(cli, "days");
	struct lull_rota_balance bal[SIDE_MAX];
	struct lull_nights ns;
	struct lull_adult_night *an = NULL;
	int32_t ndays = ADULTS_DAYS_DEFAULT, today, from, to, d;
	char a[32], b[32], c[32], e[16];
	size_t i, nd;
	int x, colw = 16, duty = 0;

	if (dopt != NULL &&
	    (x = cli_int("days", dopt, 1, ADULTS_DAYS_MAX, &ndays)))
		return x;
	today = lull_local_day(cli->tz, cli->now);
	to = today - 1; /* last night */
	from = today - ndays;
	nd = (size_t)ndays;
	if ((x = nights_load(cli, &ns, from, today, from)))
		goto out;
	if (ns.nside > 0 &&
	    (an = calloc(ns.nside * nd, sizeof(*an))) == NULL) {
		x = cli_errx(EXIT_FAIL, "out of memory");
		goto out;
	}
	for (i = 0; i < ns.nside; i++) {
		if ((x = adult_nights(cli, &ns, ns.side[i]->id, from, to,
			 &an[i * nd])))
			goto out;
		lull_nights_balance(&an[i * nd], nd, ns.side[i]->name, &bal[i]);
	}
	if (cli->json) {
		json_t *o = json_object(), *arr = json_array(),
		       *nights = json_array();

		jset(o, "child", json_string(ns.j.child.name));
		jset(o, "tz", json_string(cli->hh.tz));
		jset(o, "from", jday(from));
		jset(o, "to", jday(to));
		jset(o, "days", json_integer(ndays));
		jset(o, "viewer",
		    ns.viewer > 0 ?
			json_string(cli_caregiver_name(cli, ns.viewer)) :
			json_null());
		for (d = from; d <= to; d++)
			jpush(nights, jday(d));
		jset(o, "nights", nights);
		for (i = 0; i < ns.nside; i++) {
			json_t *x1 = json_object(), *ln = json_array();

			jset(x1, "name", json_string(ns.side[i]->name));
			jset(x1, "role",
			    json_string(lull_role_name(ns.side[i]->role)));
			for (d = from; d <= to; d++)
				jpush(ln, janight(cli, d,
					      &an[i * nd + (size_t)(d - from)]));
			jset(x1, "nights", ln);
			jset(x1, "rebalance", jbalance(&bal[i]));
			jpush(arr, x1);
		}
		jset(o, "adults", arr);
		jset(o, "note", json_string(consolidated_text));
		x = print_json(o);
		goto out;
	}
	for (i = 0; i < ns.nside; i++)
		if ((int)strlen(ns.side[i]->name) + 2 > colw)
			colw = (int)strlen(ns.side[i]->name) + 2;
	short_date(from, 3, a, sizeof(a));
	lull_date_format_long(to, b, sizeof(b));
	printf("The adults' own sleep, the nights of %s to %s\n", a, b);
	printf("Each adult's longest unbroken sleep per night; \"4h30 of "
	       "7h00\": the longest of several pieces logged, and their "
	       "total.\n\n");
	printf("%-14s", "");
	for (i = 0; i < ns.nside; i++)
		pcell(colw, ns.side[i]->name, i + 1 == ns.nside);
	for (d = from; d <= to; d++) {
		short_date(d, 3, c, sizeof(c));
		printf("%-14s", c);
		for (i = 0; i < ns.nside; i++) {
			const struct lull_adult_night *n = &an[i * nd + (size_t)(d - from)];
			char cell[48];

			if (n->src == LULL_NIGHT_SRC_LOGGED) {
				cdur(n->longest_min, cell, sizeof(cell));
				cdur(n->total_min, e, sizeof(e));
				if (n->pieces > 1)
					snprintf(cell + strlen(cell),
					    sizeof(cell) - strlen(cell),
					    " of %s", e);
			} else if (n->src == LULL_NIGHT_SRC_DUTY) {
				cdur(n->longest_min, cell, sizeof(cell));
				strcat(cell, "*");
				duty = 1;
			} else {
				snprintf(cell, sizeof(cell), "-");
			}
			pcell(colw, cell, i + 1 == ns.nside);
		}
	}
	if (duty)
		printf("\n* from night duty: the longest stretch between the "
		       "wakings they answered, from the baby's bedtime to "
		       "morning, not their own sleep log.\n");
	printf("%s%s\n", duty ? "" : "\n", viewer_note(&ns));
	for (i = 0; i < ns.nside; i++)
		if (bal[i].prompt)
			printf("\n%s\n", bal[i].msg);
	printf("\n%s\n", consolidated_text);
	x = EXIT_OK;
out:
	free(an);
	nights_free(&ns);
	return x;
}
