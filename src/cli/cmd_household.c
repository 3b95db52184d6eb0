/*
 * lull init, child ..., caregiver ...: the household and its people.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/care.h"
#include "lull/care_run.h"
#include "lull/json.h"
#include "lull/journal.h"
#include "lull/rota.h"
#include "lull/screen.h"
#include "lull/tzload.h"
#include "cli_int.h"

int
cmd_init(struct cli *cli)
{
	struct lull_household hh = { 0 }, have = { 0 };
	const char *zone = cli_opt(cli, "tz");
	struct lull_errinfo ei;
	struct lull_tz *tz = NULL;
	char sysname[128];
	enum lull_err rc;
	int64_t id;
	int x;

	if (zone == NULL) {
		lull_tz_system_name(sysname, sizeof(sysname));
		zone = sysname;
	}
	if ((rc = lull_tz_load(&tz, zone, &ei)) != LULL_OK)
		return cli_errx(cli_exit_of(rc), "--%s", ei.msg);
	/* Only a good zone creates the journal file. */
	if ((x = cli_open(cli, CLI_NEEDS_STORE))) {
		lull_tz_free(tz);
		return x;
	}
	hh.name = (char *)(uintptr_t)(cli_opt(cli, "name") ?
		cli_opt(cli, "name") : "Our family");
	hh.tz = (char *)(uintptr_t)lull_tz_name(tz);
	cli->actor.now_utc = cli->now;
	/* Look and create in one write transaction, so two inits at once
	 * cannot both find the file empty. */
	if ((rc = lull_store_begin(cli->st)) != LULL_OK) {
		lull_tz_free(tz);
		return cli_fail_store(cli, rc);
	}
	if (lull_store_household_get(cli->st, 0, &have) == LULL_OK) {
		lull_store_rollback(cli->st);
		lull_tz_free(tz);
		rc = cli_errx(EXIT_CONFLICT,
		    "%s already holds the household \"%s\" (zone %s)", cli->db,
		    have.name, have.tz);
		lull_household_free(&have);
		return rc;
	}
	rc = lull_store_household_add(cli->st, &hh, &cli->actor, &id);
	if (rc == LULL_OK)
		rc = lull_store_commit(cli->st);
	lull_tz_free(tz);
	if (rc != LULL_OK) {
		lull_store_rollback(cli->st);
		return cli_fail_store(cli, rc);
	}
	printf("Created the journal for \"%s\" in %s (zone %s).\n"
	       "Next: lull child add NAME --born YYYY-MM-DD\n",
	    hh.name, cli->db, zone);
	return EXIT_OK;
}

static int
child_by_name(struct cli *cli, const char *name, struct lull_child *out)
{
	enum lull_err rc = lull_store_child_find(cli->st, cli->hh.id, name, out);

	if (rc == LULL_ENOTFOUND)
		return cli_errx(EXIT_NOTFOUND,
		    "no child called \"%s\" (see lull child list)", name);
	return rc ? cli_fail_store(cli, rc) : EXIT_OK;
}

int
cmd_child_add(struct cli *cli)
{
	const char *born = cli_opt(cli, "born"), *due = cli_opt(cli, "due");
	struct lull_child c;
	enum lull_err rc;
	char age[32];
	int corrected, x;

	lull_child_init(&c);
	if (born == NULL)
		return cli_errx(EXIT_USAGE, "child add: --born YYYY-MM-DD is "
		    "needed");
	if ((x = cli_date(cli, "born", born, &c.born_day)) ||
	    (due != NULL && (x = cli_date(cli, "due", due, &c.due_day))))
		return x;
	c.household_id = cli->hh.id;
	c.name = cli->a.pos[0];
	rc = lull_store_child_add(cli->st, &c, cli->tz, &cli->actor, &c.id);
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	lull_age_format(lull_child_age_days(&c,
			    lull_local_day(cli->tz, cli->now), &corrected),
	    age, sizeof(age));
	printf("Added %s, %s%s.\n", c.name, age,
	    corrected ? " (corrected age)" : "");
	return EXIT_OK;
}

int
cmd_child_list(struct cli *cli)
{
	struct lull_childv v = { 0 };
	struct lull_names nm = { &v, NULL, 1 };
	int32_t today = lull_local_day(cli->tz, cli->now);
	enum lull_err rc;
	json_t *a;
	size_t i;

	if ((rc = lull_store_child_list(cli->st, cli->hh.id, &v)))
		return cli_fail_store(cli, rc);
	if (cli->json) {
		a = json_array();
		for (i = 0; a != NULL && i < v.n; i++) {
			json_t *o = lull_json_child(&v.v[i], cli->tz, &nm);
			int corr;
			int32_t age = lull_child_age_days(&v.v[i], today, &corr);

			if (o == NULL || json_array_append_new(a, o) ||
			    json_object_set_new(o, "age_days",
				json_integer(age)) ||
			    json_object_set_new(o, "age_corrected",
				json_boolean(corr))) {
				json_decref(a);
				a = NULL;
			}
		}
		lull_childv_free(&v);
		return cli_print_json(a);
	}
	if (v.n == 0)
		printf("No children yet: lull child add NAME --born "
		       "YYYY-MM-DD\n");
	for (i = 0; i < v.n; i++) {
		char born[16], due[16], age[32];
		int corr;

		lull_date_format(v.v[i].born_day, born, sizeof(born));
		lull_age_format(lull_child_age_days(&v.v[i], today, &corr), age,
		    sizeof(age));
		printf("%-16s born %s", v.v[i].name, born);
		if (v.v[i].due_day != LULL_NO_DAY) {
			lull_date_format(v.v[i].due_day, due, sizeof(due));
			printf(" (due %s)", due);
		}
		printf("  %s%s\n", age, corr ? " corrected" : "");
	}
	lull_childv_free(&v);
	return EXIT_OK;
}

int
cmd_child_edit(struct cli *cli)
{
	const char *name = cli_opt(cli, "name"), *born = cli_opt(cli, "born");
	const char *due = cli_opt(cli, "due");
	struct lull_child c;
	enum lull_err rc;
	char *oldname = NULL;
	int x;

	lull_child_init(&c);
	if ((x = child_by_name(cli, cli->a.pos[0], &c)))
		return x;
	if ((born && (x = cli_date(cli, "born", born, &c.born_day))) ||
	    (due && (x = cli_date(cli, "due", due, &c.due_day))))
		goto out;
	if (cli_flag(cli, "no-due"))
		c.due_day = LULL_NO_DAY;
	if (name != NULL) {
		oldname = c.name;
		c.name = (char *)(uintptr_t)name;
	}
	rc = lull_store_child_update(cli->st, &c, cli->tz, &cli->actor);
	if (name != NULL)
		c.name = oldname;
	if (rc != LULL_OK) {
		x = cli_fail_store(cli, rc);
		goto out;
	}
	printf("Updated %s.\n", name ? name : c.name);
out:
	lull_child_free(&c);
	return x;
}

int
cmd_child_delete(struct cli *cli)
{
	struct lull_child c;
	enum lull_err rc;
	int x;

	lull_child_init(&c);
	if (!cli_flag(cli, "yes"))
		return cli_errx(EXIT_USAGE,
		    "this deletes %s and every entry about them; add --yes to "
		    "confirm (lull export --json first keeps a copy)",
		    cli->a.pos[0]);
	if ((x = child_by_name(cli, cli->a.pos[0], &c)))
		return x;
	if ((rc = lull_store_child_delete(cli->st, c.id)) != LULL_OK)
		x = cli_fail_store(cli, rc);
	else
		printf("Deleted %s and their entries.\n", c.name);
	lull_child_free(&c);
	return x;
}

static const char *const weekday_names[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};
static const char *const weekday_long[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

int
cli_weekday(const char *word)
{
	int i;

	for (i = 0; i < 7; i++)
		if (strcmp(word, weekday_names[i]) == 0 ||
		    strcmp(word, weekday_long[i]) == 0)
			return i;
	return -1;
}

const char *
cli_weekday_name(int monday0)
{
	return monday0 >= 0 && monday0 < 7 ? weekday_names[monday0] : "";
}

void
cli_days_format(unsigned days, char *buf, size_t bufsz)
{
	size_t len = 0;
	int i;

	if (bufsz > 0)
		buf[0] = '\0';
	if ((days & 0x7f) == 0) {
		snprintf(buf, bufsz, "none");
		return;
	}
	for (i = 0; i < 7; i++)
		if (days & (1u << i) && len < bufsz)
			len += (size_t)snprintf(buf + len, bufsz - len, "%s%s",
			    len ? "," : "", weekday_names[i]);
}

/* --works mon,tue,...|none -> bit 0 Monday .. bit 6 Sunday. */
static int
works_parse(const char *text, unsigned *out)
{
	const char *p = text, *e;
	char word[16];
	size_t n;
	int d;

	*out = 0;
	if (strcmp(text, "none") == 0)
		return EXIT_OK;
	for (;;) {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (n == 0 || n >= sizeof(word))
			d = -1;
		else {
			memcpy(word, p, n);
			word[n] = '\0';
			d = cli_weekday(word);
		}
		if (d < 0)
			return cli_errx(EXIT_INVALID,
			    "--works: \"%.*s\" is not a day (write the days "
			    "as mon,tue,wed,thu,fri,sat,sun, or none)",
			    (int)(n > 40 ? 40 : n), p);
		*out |= 1u << d;
		if (e == NULL)
			return EXIT_OK;
		p = e + 1;
	}
}

/* --role, --night-feeds and --works, as given, into "c". */
static int
caregiver_opts(struct cli *cli, struct lull_caregiver *c)
{
	const char *v;
	int x, e;

	if ((v = cli_opt(cli, "role")) != NULL) {
		if ((x = cli_enum("role", v, lull_role_parse,
			 "parent, helper, consultant", &e)))
			return x;
		c->role = (enum lull_role)e;
	}
	if ((v = cli_opt(cli, "night-feeds")) != NULL) {
		if ((x = cli_enum("night-feeds", v, lull_night_feeds_parse,
			 "bottle, breast, none", &e)))
			return x;
		c->night_feeds = (enum lull_night_feeds)e;
	}
	if ((v = cli_opt(cli, "works")) != NULL &&
	    (x = works_parse(v, &c->work_days)))
		return x;
	return EXIT_OK;
}

/* "parent, night feeds: breast, works mon,tue" for messages and lists. */
static void
caregiver_desc(const struct lull_caregiver *c, char *buf, size_t bufsz)
{
	char days[40];

	cli_days_format(c->work_days, days, sizeof(days));
	snprintf(buf, bufsz, "%s, night feeds: %s, works: %s",
	    lull_role_name(c->role), lull_night_feeds_name(c->night_feeds),
	    days);
}

int
cmd_caregiver_add(struct cli *cli)
{
	struct lull_caregiver c;
	enum lull_err rc;
	char desc[96];
	int x;

	memset(&c, 0, sizeof(c));
	c.household_id = cli->hh.id;
	c.name = cli->a.pos[0];
	c.role = LULL_ROLE_PARENT;
	c.night_feeds = LULL_NIGHT_BOTTLE;
	if (c.name[strspn(c.name, " \t")] == '\0')
		return cli_errx(EXIT_INVALID, "name: a caregiver needs a name");
	if ((x = caregiver_opts(cli, &c)))
		return x;
	rc = lull_store_caregiver_add(cli->st, &c, &cli->actor, &c.id);
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	caregiver_desc(&c, desc, sizeof(desc));
	printf("Added %s (%s).\n", c.name, desc);
	return EXIT_OK;
}

int
cmd_caregiver_list(struct cli *cli)
{
	struct lull_caregiverv v = { 0 };
	struct lull_names nm = { NULL, &v, 1 };
	enum lull_err rc;
	json_t *a;
	size_t i;

	if ((rc = lull_store_caregiver_list(cli->st, cli->hh.id, &v)))
		return cli_fail_store(cli, rc);
	if (cli->json) {
		a = json_array();
		/* The export's record (role, night_feeds, work_days
		 * included), with its id. */
		for (i = 0; a != NULL && i < v.n; i++)
			if (json_array_append_new(a,
				lull_json_caregiver(&v.v[i], cli->tz, &nm))) {
				json_decref(a);
				a = NULL;
			}
		lull_caregiverv_free(&v);
		return cli_print_json(a);
	}
	if (v.n == 0)
		printf("No caregivers yet: lull caregiver add NAME\n");
	for (i = 0; i < v.n; i++) {
		char desc[96];

		caregiver_desc(&v.v[i], desc, sizeof(desc));
		printf("%-16s %s\n", v.v[i].name, desc);
	}
	lull_caregiverv_free(&v);
	return EXIT_OK;
}

static int
caregiver_by_name(struct cli *cli, const char *name, struct lull_caregiver *c)
{
	enum lull_err rc;

	memset(c, 0, sizeof(*c));
	rc = lull_store_caregiver_find(cli->st, cli->hh.id, name, c);
	if (rc == LULL_ENOTFOUND)
		return cli_errx(EXIT_NOTFOUND,
		    "no caregiver called \"%s\" (see lull caregiver list)", name);
	return rc ? cli_fail_store(cli, rc) : EXIT_OK;
}

int
cmd_caregiver_edit(struct cli *cli)
{
	const char *name = cli_opt(cli, "name");
	struct lull_caregiver c;
	enum lull_err rc;
	char *old, desc[96];
	int x;

	if (name == NULL && cli_opt(cli, "role") == NULL &&
	    cli_opt(cli, "night-feeds") == NULL && cli_opt(cli, "works") == NULL)
		return cli_errx(EXIT_USAGE, "caregiver edit: nothing to change "
		    "(give --name, --role, --night-feeds or --works)");
	if ((x = caregiver_by_name(cli, cli->a.pos[0], &c)))
		return x;
	if ((x = caregiver_opts(cli, &c))) {
		lull_caregiver_free(&c);
		return x;
	}
	old = c.name;
	if (name != NULL)
		c.name = (char *)(uintptr_t)name;
	rc = lull_store_caregiver_update(cli->st, &c, &cli->actor);
	caregiver_desc(&c, desc, sizeof(desc));
	c.name = old;
	if (rc != LULL_OK)
		x = cli_fail_store(cli, rc);
	else if (name != NULL && strcmp(name, old) != 0)
		printf("Renamed %s to %s (%s).\n", old, name, desc);
	else
		printf("Updated %s (%s).\n", old, desc);
	lull_caregiver_free(&c);
	return x;
}

int
cmd_caregiver_delete(struct cli *cli)
{
	struct lull_caregiver c;
	enum lull_err rc;
	int x;

	if ((x = caregiver_by_name(cli, cli->a.pos[0], &c)))
		return x;
	if ((rc = lull_store_caregiver_delete(cli->st, c.id)) != LULL_OK)
		x = cli_fail_store(cli, rc);
	else
		printf("Removed %s; their entries stay.\n", c.name);
	lull_caregiver_free(&c);
	return x;
}

/* --core-block HOURS: "4.5", "4", "4.25" (3 to 8 hours) -> minutes. */
static int
core_block_parse(const char *text, int32_t *min)
{
	const char *p = text;
	long whole = 0, frac = 0, scale = 1;
	int digits = 0;

	for (; *p >= '0' && *p <= '9' && digits < 3; p++, digits++)
		whole = whole * 10 + (*p - '0');
	if (digits > 0 && (*p == '.' || *p == ',')) {
		for (p++; *p >= '0' && *p <= '9' && scale < 1000; p++) {
			frac = frac * 10 + (*p - '0');
			scale *= 10;
		}
	}
	if (digits == 0 || *p != '\0' ||
	    whole * 60 + (frac * 60 + scale / 2) / scale <
		LULL_ROTA_TARGET_LO_MIN ||
	    whole * 60 + (frac * 60 + scale / 2) / scale >
		LULL_ROTA_TARGET_HI_MIN)
		return cli_errx(EXIT_INVALID,
		    "--core-block: \"%s\" is not a number of hours from %d to "
		    "%d (e.g. 4.5), or default",
		    text, LULL_ROTA_TARGET_LO_MIN / 60,
		    LULL_ROTA_TARGET_HI_MIN / 60);
	*min = (int32_t)(whole * 60 + (frac * 60 + scale / 2) / scale);
	return EXIT_OK;
}

/* A setting's text: not blank, one line, no control characters. */
static int
setting_text(const char *opt, const char *text, size_t max)
{
	const unsigned char *p;

	if (text[strspn(text, " \t")] == '\0')
		return cli_errx(EXIT_INVALID, "--%s: \"%s\" is empty", opt,
		    text);
	if (strlen(text) > max)
		return cli_errx(EXIT_INVALID, "--%s: \"%.40s...\" is longer "
		    "than %zu characters", opt, text, max);
	for (p = (const unsigned char *)text; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return cli_errx(EXIT_INVALID, "--%s: \"%s\" holds a "
			    "line break or control character; give one line",
			    opt, text);
	return EXIT_OK;
}

static int
crisis_line_check(const char *text)
{
	const char *colon = strchr(text, ':');
	int x;

	if ((x = setting_text("crisis-line", text, 200)))
		return x;
	if (colon == NULL || colon == text ||
	    strspn(text, " \t") >= (size_t)(colon - text) ||
	    colon[1 + strspn(colon + 1, " \t")] == '\0')
		return cli_errx(EXIT_INVALID,
		    "--crisis-line: \"%s\" is not \"Name: number\" (e.g. "
		    "\"Samaritans: 116 123\")", text);
	return EXIT_OK;
}

static int
replace_str(char **dst, const char *src)
{
	char *p = NULL;

	if (src != NULL && (p = strdup(src)) == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	free(*dst);
	*dst = p;
	return EXIT_OK;
}

static int
settings_json(struct cli *cli, const struct lull_screen_help *h)
{
	const struct lull_household *hh = &cli->hh;
	int32_t core = hh->core_block_min > 0 ? hh->core_block_min :
						LULL_ROTA_TARGET_DEFAULT_MIN;
	json_t *o = json_object(), *lines = json_array();
	size_t i;

	for (i = 0; lines != NULL && i < h->nlines; i++)
		if (json_array_append_new(lines, json_string(h->lines[i]))) {
			json_decref(lines);
			lines = NULL;
		}
	if (o == NULL || lines == NULL) {
		json_decref(o);
		json_decref(lines);
		return cli_print_json(NULL);
	}
	json_object_set_new(o, "core_block_min", json_integer(core));
	json_object_set_new(o, "core_block_hours", json_real(core / 60.0));
	json_object_set_new(o, "core_block_default",
	    json_boolean(hh->core_block_min <= 0));
	json_object_set_new(o, "emergency", json_string(h->emergency));
	json_object_set_new(o, "emergency_default",
	    json_boolean(hh->emergency == NULL || *hh->emergency == '\0'));
	json_object_set_new(o, "crisis_lines", lines);
	json_object_set_new(o, "crisis_lines_default",
	    json_boolean(hh->crisis_lines == NULL ||
		hh->crisis_lines[strspn(hh->crisis_lines, "\n")] == '\0'));
	return cli_print_json(o);
}

int
cmd_settings(struct cli *cli)
{
	const char *core = cli_opt(cli, "core-block");
	const char *emer = cli_opt(cli, "emergency");
	struct lull_household *hh = &cli->hh;
	struct lull_screen_help h;
	struct lull_crisis_lines l;
	enum lull_err rc;
	char dur[16], *joined = NULL;
	int32_t min = 0;
	size_t len = 0;
	int i, x, changed = 0, dflt;

	if (cli->a.nmulti > 0 && cli_flag(cli, "no-crisis-lines"))
		return cli_errx(EXIT_USAGE, "settings: --crisis-line and "
		    "--no-crisis-lines do not go together");
	/* Check everything before changing anything. */
	if (core != NULL && strcmp(core, "default") != 0 &&
	    (x = core_block_parse(core, &min)))
		return x;
	if (emer != NULL && strcmp(emer, "default") != 0 &&
	    (x = setting_text("emergency", emer, 80)))
		return x;
	for (i = 0; i < cli->a.nmulti; i++) {
		if ((x = crisis_line_check(cli->a.multi[i])))
			return x;
		len += strlen(cli->a.multi[i]) + 1;
	}
	if (core != NULL) {
		hh->core_block_min = min;
		changed = 1;
	}
	if (emer != NULL) {
		if ((x = replace_str(&hh->emergency,
			 strcmp(emer, "default") == 0 ? NULL : emer)))
			return x;
		changed = 1;
	}
	if (cli->a.nmulti > 0) {
		if ((joined = calloc(1, len)) == NULL)
			return cli_errx(EXIT_FAIL, "out of memory");
		for (i = 0; i < cli->a.nmulti; i++) {
			if (i > 0)
				strcat(joined, "\n");
			strcat(joined, cli->a.multi[i]);
		}
		free(hh->crisis_lines);
		hh->crisis_lines = joined;
		changed = 1;
	} else if (cli_flag(cli, "no-crisis-lines")) {
		free(hh->crisis_lines);
		hh->crisis_lines = NULL;
		changed = 1;
	}
	if (changed &&
	    (rc = lull_store_household_update(cli->st, hh, &cli->actor)))
		return cli_fail_store(cli, rc);
	lull_crisis_help(hh, &l, &h);
	if (cli->json)
		return settings_json(cli, &h);
	if (changed)
		printf("Saved.\n\n");
	dflt = hh->core_block_min <= 0;
	cli_fmt_dur((int64_t)(dflt ? LULL_ROTA_TARGET_DEFAULT_MIN :
				     hh->core_block_min) * 60,
	    dur, sizeof(dur));
	printf("Protected sleep for each adult: %s a night%s\n", dur,
	    dflt ? " (the default)" : "");
	dflt = hh->emergency == NULL || *hh->emergency == '\0';
	printf("Emergency number: %s%s\n", h.emergency,
	    dflt ? " (the default)" : "");
	dflt = l.n == 0;
	printf("Crisis lines%s:\n", dflt ? " (the defaults)" : "");
	for (i = 0; i < (int)h.nlines; i++)
		printf("  %s\n", h.lines[i]);
	if (dflt)
		printf("\nThe defaults cover a few countries. Add the lines "
		       "where you live with --crisis-line \"Name: number\", "
		       "and the local emergency number with --emergency.\n");
	return EXIT_OK;
}
