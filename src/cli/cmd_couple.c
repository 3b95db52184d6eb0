/*
 * lull couple ..., appreciate, ritual ...: the couple's side.  The
 * weekly check-in (private until its author shares it with the partner),
 * notes of appreciation (seen by the one they are written to, and by
 * nobody else), and the small rituals a couple chose, with reminders.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/care.h"
#include "lull/care_run.h"
#include "lull/json.h"

#include "cli_int.h"

#define DEFAULT_WEEKS 4

/* An option's value as given, "" included; NULL when not given. */
static const char *
opt_raw(const struct cli *cli, const char *name)
{
	int i;

	for (i = 0; i < cli->a.nopt; i++)
		if (strcmp(cli->a.names[i], name) == 0)
			return cli->a.vals[i];
	return NULL;
}

static int
set_part(struct cli *cli, const char *opt, char **dst)
{
	const char *v = opt_raw(cli, opt);

	if (v == NULL)
		return EXIT_OK;
	free(*dst);
	*dst = NULL;
	/* An empty value clears the part. */
	if (*v != '\0' && (*dst = strdup(v)) == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	return EXIT_OK;
}

static void
print_parts(const struct lull_personal *p, const char *indent)
{
	if (p->appreciation != NULL)
		printf("%sAppreciated: %s\n", indent, p->appreciation);
	if (p->need != NULL)
		printf("%sNeeds next week: %s\n", indent, p->need);
	if (p->repair != NULL)
		printf("%sTo repair: %s\n", indent, p->repair);
	if (p->connection != NULL)
		printf("%sConnection planned: %s\n", indent, p->connection);
}

/*
 * lull couple checkin: one a week per adult, kept on its Monday.  Asked
 * again in the same week, it adds to (or changes) that week's parts
 * rather than keeping two.
 */
int
cmd_couple_checkin(struct cli *cli)
{
	static const char *const parts[] = { "appreciation", "need", "repair",
		"connection" };
	const char *week = cli_opt(cli, "week");
	struct lull_caregiver me;
	struct lull_personal p;
	struct lull_errinfo ei;
	enum lull_err rc;
	int32_t today = lull_local_day(cli->tz, cli->now), day = today;
	char date[32], vis[96];
	size_t k;
	int x, any = 0, found = 0;

	if ((x = cli_me(cli, &me)))
		return x;
	lull_caregiver_free(&me);
	lull_personal_init(&p);
	for (k = 0; k < sizeof(parts) / sizeof(parts[0]); k++)
		any |= cli_flag(cli, parts[k]);
	if (!any && !cli_flag(cli, "share"))
		return cli_errx(EXIT_USAGE,
		    "couple checkin: write at least one of --appreciation, "
		    "--need, --repair, --connection (see lull couple checkin "
		    "--help)");
	if (week != NULL && (x = cli_date(cli, "week", week, &day)))
		return x;
	if (lull_care_week(day) > lull_care_week(today))
		return cli_errx(EXIT_INVALID,
		    "--week: \"%s\" is in a week still to come", week);
	day = lull_care_week(day);
	if ((rc = lull_personal_own_on(cli->st, cli->hh.id,
		 cli->actor.caregiver_id, LULL_PERSONAL_COUPLE, day, &p, &found,
		 &ei)))
		return cli_fail(cli, rc, &ei);
	if (!found) {
		p.kind = LULL_PERSONAL_COUPLE;
		p.household_id = cli->hh.id;
		p.author_id = cli->actor.caregiver_id;
		p.day = day;
		p.start_utc = cli->now; /* when it was first written */
	}
	if ((x = cli_share_opt(cli, LULL_PERSONAL_COUPLE, p.share, &p.share)) ||
	    (x = set_part(cli, "appreciation", &p.appreciation)) ||
	    (x = set_part(cli, "need", &p.need)) ||
	    (x = set_part(cli, "repair", &p.repair)) ||
	    (x = set_part(cli, "connection", &p.connection)))
		goto out;
	if (p.appreciation == NULL && p.need == NULL && p.repair == NULL &&
	    p.connection == NULL) {
		x = cli_errx(EXIT_USAGE,
		    "couple checkin: write at least one "
		    "of --appreciation, --need, --repair, --connection");
		goto out;
	}
	rc = found ? lull_store_personal_update(cli->st, &p, &cli->actor)
		   : lull_store_personal_add(cli->st, &p, &cli->actor);
	if (rc != LULL_OK) {
		x = cli_fail(cli, rc, lull_store_error(cli->st));
		goto out;
	}
	lull_date_format_long(day, date, sizeof(date));
	printf("%s your check-in for the week of %s (#%lld), %s.\n",
	    found ? "Updated" : "Kept", date, (long long)p.id,
	    cli_visibility(cli, &p, p.author_id, vis, sizeof(vis)));
	print_parts(&p, "  ");
	if (p.share == 0)
		printf("When you are ready to talk it over, share it: lull me "
		       "share %lld --with partner\n",
		    (long long)p.id);
out:
	lull_personal_free(&p);
	return x;
}

/* One section as a JSON array, newest first, set as o[key]. */
static int
json_section(struct cli *cli, json_t *o, const char *key,
    const struct lull_personalv *v, int64_t me)
{
	json_t *a = json_array();
	size_t i;

	for (i = v->n; a != NULL && i-- > 0;)
		if (json_array_append_new(a,
			cli_json_personal(cli, &v->v[i], me))) {
			json_decref(a);
			a = NULL;
		}
	return a != NULL && json_object_set_new(o, key, a) == 0;
}

enum section { SEC_PRIVATE, SEC_SHARED, SEC_TO_YOU, SEC_BY_YOU, SEC__MAX };

static enum section
section_of(const struct lull_personal *p, int64_t me)
{
	if (p->kind == LULL_PERSONAL_APPRECIATION)
		return p->to_id == me ? SEC_TO_YOU : SEC_BY_YOU;
	return p->author_id == me && p->share == 0 ? SEC_PRIVATE : SEC_SHARED;
}

int
cmd_couple_list(struct cli *cli)
{
	static const char *const keys[SEC__MAX] = { "private", "shared",
		"notes_to_you", "notes_you_wrote" };
	static const char *const titles[SEC__MAX] = {
		"Just for you (private, not shared)",
		"Shared between you",
		"Notes to you",
		"Notes you wrote",
	};
	struct lull_personalv all = { 0 }, sec[SEC__MAX];
	struct lull_caregiver me;
	const char *v = cli_opt(cli, "weeks");
	int32_t today = lull_local_day(cli->tz, cli->now),
		weeks = DEFAULT_WEEKS;
	int32_t from;
	char date[32], when[16];
	size_t i;
	int x, s;

	memset(sec, 0, sizeof(sec));
	if ((x = cli_me(cli, &me)))
		return x;
	if (v != NULL && (x = cli_int("weeks", v, 1, 520, &weeks)))
		goto out;
	from = lull_care_week(today) - 7 * (weeks - 1);
	if ((x = cli_personal_list(cli, me.id, -1, from, today, &all)))
		goto out;
	for (i = 0; i < all.n; i++) {
		struct lull_personal *p = &all.v[i];

		if (p->kind != LULL_PERSONAL_COUPLE &&
		    p->kind != LULL_PERSONAL_APPRECIATION)
			continue;
		/* Appreciations between two others are not this list's. */
		if (p->kind == LULL_PERSONAL_APPRECIATION &&
		    p->author_id != me.id && p->to_id != me.id)
			continue;
		if (lull_personalv_push(&sec[section_of(p, me.id)], p)) {
			x = cli_errx(EXIT_FAIL, "out of memory");
			goto out;
		}
	}
	if (cli->json) {
		json_t *o = json_object();
		int ok = o != NULL;

		for (s = 0; ok && s < SEC__MAX; s++)
			ok = json_section(cli, o, keys[s], &sec[s], me.id);
		if (!ok) {
			json_decref(o);
			o = NULL;
		}
		x = cli_print_json(o);
		goto out;
	}
	for (s = 0; s < SEC__MAX; s++) {
		printf("%s%s:\n", s ? "\n" : "", titles[s]);
		if (sec[s].n == 0)
			printf("  nothing in these %d weeks\n", (int)weeks);
		for (i = sec[s].n; i-- > 0;) {
			const struct lull_personal *p = &sec[s].v[i];

			if (p->kind == LULL_PERSONAL_APPRECIATION) {
				lull_date_format_long(p->day, date,
				    sizeof(date));
				lull_time_format_hm(cli->tz, p->start_utc, when,
				    sizeof(when));
				printf("  %s %s, %s %s: \"%s\"\n", date, when,
				    s == SEC_TO_YOU ? "from" : "to",
				    cli_caregiver_name(cli,
					s == SEC_TO_YOU ? p->author_id
							: p->to_id),
				    p->appreciation);
				continue;
			}
			lull_date_format_long(p->day, date, sizeof(date));
			if (p->author_id == me.id)
				printf("  Week of %s, yours (#%lld)\n", date,
				    (long long)p->id);
			else
				printf("  Week of %s, from %s\n", date,
				    cli_caregiver_name(cli, p->author_id));
			print_parts(p, "    ");
		}
	}
out:
	for (s = 0; s < SEC__MAX; s++)
		lull_personalv_free(&sec[s]);
	lull_personalv_free(&all);
	lull_caregiver_free(&me);
	return x;
}

/* lull appreciate NAME TEXT: always seen by NAME, and only by NAME. */
int
cmd_appreciate(struct cli *cli)
{
	const char *name = cli->a.pos[0], *text = cli->a.pos[1];
	struct lull_caregiver me, to;
	struct lull_personal p;
	enum lull_err rc;
	int x;

	if ((x = cli_me(cli, &me)))
		return x;
	memset(&to, 0, sizeof(to));
	rc = lull_store_caregiver_find(cli->st, cli->hh.id, name, &to);
	if (rc == LULL_ENOTFOUND) {
		x = cli_errx(EXIT_NOTFOUND,
		    "no one called \"%s\" in this household (see lull "
		    "caregiver list)",
		    name);
		goto out;
	}
	if (rc != LULL_OK) {
		x = cli_fail_store(cli, rc);
		goto out;
	}
	if (to.id == me.id) {
		x = cli_errx(EXIT_INVALID,
		    "appreciate: a note goes to someone else, not to \"%s\" "
		    "(though you deserve one too)",
		    name);
		goto out;
	}
	if (text[strspn(text, " \t\n")] == '\0') {
		x = cli_errx(EXIT_INVALID,
		    "appreciate: the note to %s is "
		    "empty",
		    to.name);
		goto out;
	}
	lull_personal_init(&p);
	p.kind = LULL_PERSONAL_APPRECIATION;
	p.household_id = cli->hh.id;
	p.author_id = me.id;
	p.to_id = to.id;
	p.day = lull_local_day(cli->tz, cli->now);
	p.start_utc = cli->now;
	p.appreciation = (char *)(uintptr_t)text;
	rc = lull_store_personal_add(cli->st, &p, &cli->actor);
	p.appreciation = NULL;
	if (rc != LULL_OK)
		x = cli_fail(cli, rc, lull_store_error(cli->st));
	else
		printf("Kept your note to %s (#%lld). %s sees it in lull "
		       "couple list; nobody else does.\n",
		    to.name, (long long)p.id, to.name);
	lull_personal_free(&p);
out:
	lull_caregiver_free(&to);
	lull_caregiver_free(&me);
	return x;
}

/* --at HH:MM -> minutes after midnight. */
static int
at_parse(const char *text, int32_t *min)
{
	int h, m, n = 0;

	if (sscanf(text, "%2d:%2d%n", &h, &m, &n) != 2 || text[n] != '\0' ||
	    h < 0 || h > 23 || m < 0 || m > 59 || strlen(text) < 4)
		return cli_errx(EXIT_INVALID,
		    "--at: \"%s\" is not a time of day HH:MM (00:00 to 23:59)",
		    text);
	*min = h * 60 + m;
	return EXIT_OK;
}

int
cmd_ritual_add(struct cli *cli)
{
	const char *every = cli_opt(cli, "every"), *day = cli_opt(cli, "day");
	const char *at = cli_opt(cli, "at");
	struct lull_ritual r;
	enum lull_err rc;
	char when[40];
	int e, x;

	lull_ritual_init(&r);
	if (every == NULL)
		return cli_errx(EXIT_USAGE,
		    "ritual add: say how often with --every daily|weekly");
	if ((x = cli_enum("every", every, lull_ritual_every_parse,
		 "daily, weekly", &e)))
		return x;
	r.every = (enum lull_ritual_every)e;
	if (r.every == LULL_RITUAL_WEEKLY && day == NULL)
		return cli_errx(EXIT_USAGE,
		    "ritual add: a weekly ritual needs its day: --day "
		    "mon..sun");
	if (r.every == LULL_RITUAL_DAILY && day != NULL)
		return cli_errx(EXIT_USAGE,
		    "--day: \"%s\": a daily ritual happens every day; --day "
		    "is for --every weekly",
		    day);
	if (day != NULL && (r.weekday = cli_weekday(day)) < 0)
		return cli_errx(EXIT_INVALID,
		    "--day: \"%s\" is not a day (mon, tue, wed, thu, fri, sat, "
		    "sun)",
		    day);
	if (at != NULL && (x = at_parse(at, &r.at_min)))
		return x;
	if (cli->a.pos[0][strspn(cli->a.pos[0], " \t")] == '\0')
		return cli_errx(EXIT_INVALID, "name: a ritual needs a name");
	r.household_id = cli->hh.id;
	r.name = cli->a.pos[0];
	r.note = (char *)(uintptr_t)cli_opt(cli, "note");
	rc = lull_store_ritual_add(cli->st, &r, &cli->actor);
	if (rc == LULL_ECONFLICT)
		return cli_errx(EXIT_CONFLICT,
		    "there is already a ritual called \"%s\" (lull ritual "
		    "list; lull ritual delete \"%s\" to make it anew)",
		    r.name, r.name);
	if (rc != LULL_OK)
		return cli_fail(cli, rc, lull_store_error(cli->st));
	lull_ritual_when(&r, when, sizeof(when));
	printf("Added the ritual \"%s\", %s. lull ritual due lists today's.\n",
	    r.name, when);
	return EXIT_OK;
}

/* The export's shape (lull_json_ritual(), docs/export.md), with its id. */
static json_t *
json_ritual(struct cli *cli, const struct lull_ritual *r)
{
	static struct lull_caregiverv cg;
	static int loaded;
	struct lull_names nm = { NULL, &cg, 1 };

	if (!loaded) {
		loaded = 1;
		if (lull_store_caregiver_list(cli->st, cli->hh.id, &cg) !=
		    LULL_OK)
			lull_caregiverv_free(&cg);
	}
	return lull_json_ritual(r, cli->tz, &nm);
}

static int
ritual_print(struct cli *cli, struct lull_ritualv *v, int due_only, int32_t day)
{
	json_t *a = NULL, *o;
	char when[40], date[32];
	size_t i, n = 0;

	lull_ritual_sort(v); /* by time; "any time" ones last */
	if (cli->json)
		a = json_array();
	for (i = 0; i < v->n; i++) {
		const struct lull_ritual *r = &v->v[i];

		if (due_only && !lull_ritual_due(r, day))
			continue;
		n++;
		if (cli->json) {
			if (a != NULL &&
			    json_array_append_new(a, json_ritual(cli, r))) {
				json_decref(a);
				a = NULL;
			}
			continue;
		}
		if (due_only && n == 1) {
			lull_date_format_long(day, date, sizeof(date));
			printf("Today, %s:\n", date);
		}
		if (due_only && r->at_min != LULL_UNKNOWN)
			printf("  %02d:%02d  %s", (int)(r->at_min / 60),
			    (int)(r->at_min % 60), r->name);
		else if (due_only)
			printf("  any time  %s", r->name);
		else {
			lull_ritual_when(r, when, sizeof(when));
			printf("%-24s %s", r->name, when);
		}
		printf("%s%s\n", r->note ? ": " : "", r->note ? r->note : "");
	}
	if (cli->json) {
		if (!due_only)
			return cli_print_json(a);
		lull_date_format(day, date, sizeof(date));
		o = a == NULL
		    ? NULL
		    : json_pack("{s:s,s:o}", "day", date, "rituals", a);
		return cli_print_json(o);
	}
	if (n == 0 && due_only)
		printf("No rituals today. lull ritual list shows them all.\n");
	else if (n == 0)
		printf("No rituals yet. A small one helps: lull ritual add "
		       "\"tea after bedtime\" --every daily --at 20:30\n");
	return EXIT_OK;
}

static int
ritual_list_load(struct cli *cli, struct lull_ritualv *v)
{
	enum lull_err rc = lull_store_ritual_list(cli->st, cli->hh.id, v);

	return rc ? cli_fail_store(cli, rc) : EXIT_OK;
}

int
cmd_ritual_list(struct cli *cli)
{
	struct lull_ritualv v = { 0 };
	int x;

	if ((x = ritual_list_load(cli, &v)) == EXIT_OK)
		x = ritual_print(cli, &v, 0, 0);
	lull_ritualv_free(&v);
	return x;
}

int
cmd_ritual_due(struct cli *cli)
{
	struct lull_ritualv v = { 0 };
	int x;

	if ((x = ritual_list_load(cli, &v)) == EXIT_OK)
		x = ritual_print(cli, &v, 1, lull_local_day(cli->tz, cli->now));
	lull_ritualv_free(&v);
	return x;
}

int
cmd_ritual_delete(struct cli *cli)
{
	struct lull_ritual r;
	enum lull_err rc;
	int x = EXIT_OK;

	lull_ritual_init(&r);
	rc = lull_store_ritual_find(cli->st, cli->hh.id, cli->a.pos[0], &r);
	if (rc == LULL_ENOTFOUND)
		return cli_errx(EXIT_NOTFOUND,
		    "no ritual called \"%s\" (see lull ritual list)",
		    cli->a.pos[0]);
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	if ((rc = lull_store_ritual_delete(cli->st, r.id)) != LULL_OK)
		x = cli_fail_store(cli, rc);
	else
		printf("Deleted the ritual \"%s\".\n", r.name);
	lull_ritual_free(&r);
	return x;
}
