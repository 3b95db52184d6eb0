/*
 * lull init, child ..., caregiver ...: the household and its people.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/json.h"
#include "lull/journal.h"
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

int
cmd_caregiver_add(struct cli *cli)
{
	struct lull_caregiver c;
	enum lull_err rc;

	memset(&c, 0, sizeof(c));
	c.household_id = cli->hh.id;
	c.name = cli->a.pos[0];
	if (c.name[strspn(c.name, " \t")] == '\0')
		return cli_errx(EXIT_INVALID, "name: a caregiver needs a name");
	rc = lull_store_caregiver_add(cli->st, &c, &cli->actor, &c.id);
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	printf("Added %s.\n", c.name);
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
	for (i = 0; i < v.n; i++)
		printf("%s\n", v.v[i].name);
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
	char *old;
	int x;

	if (name == NULL)
		return cli_errx(EXIT_USAGE, "caregiver edit: --name NEW is "
		    "needed");
	if ((x = caregiver_by_name(cli, cli->a.pos[0], &c)))
		return x;
	old = c.name;
	c.name = (char *)(uintptr_t)name;
	rc = lull_store_caregiver_update(cli->st, &c, &cli->actor);
	c.name = old;
	if (rc != LULL_OK)
		x = cli_fail_store(cli, rc);
	else
		printf("Renamed %s to %s.\n", old, name);
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
