/*
 * lull admin: looking after the web app's accounts from the command line
 * (account.h), for whoever runs the server.  A password reset (the new
 * password read from standard input, one line, for scripts), a first
 * account made without the sign-up page, and the list of accounts with
 * their households.
 *
 * These work on any journal file, with or without a household: the web
 * app's file holds many.  They never create a file that is not there.
 * SPDX-License-Identifier: ISC
 */
#include <sys/stat.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "lull/account.h"
#include "lull/cal.h"

#include "cli_int.h"

/* An existing journal, opened; a typo in --db must not leave a new
 * empty file behind. */
static int
admin_open(struct cli *cli)
{
	struct stat sb;

	if (stat(cli->db, &sb) != 0)
		return cli_errx(EXIT_NOTFOUND, "no journal at %s", cli->db);
	if (!lull_account_init())
		return cli_errx(EXIT_FAIL,
		    "libsodium could not be initialised");
	return cli_open(cli, CLI_NEEDS_STORE);
}

/*
 * One line of standard input into "buf": the new password, without its
 * line end.  Longer than the library takes is refused here, so the rest
 * of the line is never mistaken for the next input.
 */
static int
read_password(const char *who, char *buf, size_t bufsz)
{
	size_t n;

	if (isatty(STDIN_FILENO))
		fprintf(stderr, "New password for %s (one line): ", who);
	if (fgets(buf, (int)bufsz, stdin) == NULL)
		return cli_errx(EXIT_USAGE,
		    "give the new password on standard input, one line");
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (!feof(stdin))
		return cli_errx(EXIT_INVALID, "password: use at most %d bytes",
		    LULL_PASSWORD_MAX);
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return EXIT_OK;
}

int
cmd_admin_passwd(struct cli *cli)
{
	char pw[LULL_PASSWORD_MAX + 8];
	struct lull_account a;
	enum lull_err rc;
	int ex;

	if ((ex = admin_open(cli)) != EXIT_OK)
		return ex;
	if ((rc = lull_account_find(cli->st, cli->a.pos[0], &a)) != LULL_OK)
		return cli_fail_store(cli, rc);
	ex = read_password(a.email, pw, sizeof(pw));
	if (ex == EXIT_OK) {
		rc = lull_account_set_password(cli->st, a.id, pw, cli->now);
		ex = rc == LULL_OK ? EXIT_OK : cli_fail_store(cli, rc);
	}
	sodium_memzero(pw, sizeof(pw));
	if (ex == EXIT_OK)
		printf("Password set for %s; every session of theirs has "
		       "ended and every API token is revoked.\n",
		    a.email);
	lull_account_free(&a);
	return ex;
}

int
cmd_admin_adduser(struct cli *cli)
{
	char pw[LULL_PASSWORD_MAX + 8];
	const char *name = cli_opt(cli, "name");
	enum lull_err rc;
	int64_t id;
	int ex;

	if (name == NULL)
		return cli_errx(EXIT_USAGE, "admin adduser: give --name");
	if ((ex = admin_open(cli)) != EXIT_OK)
		return ex;
	ex = read_password(cli->a.pos[0], pw, sizeof(pw));
	if (ex == EXIT_OK) {
		rc = lull_account_create(cli->st, cli->a.pos[0], name, pw,
		    cli->now, &id);
		ex = rc == LULL_OK ? EXIT_OK : cli_fail_store(cli, rc);
	}
	sodium_memzero(pw, sizeof(pw));
	if (ex == EXIT_OK)
		printf("Added account %lld for %s.\n", (long long)id, name);
	return ex;
}

/* "Home (owner), Grandma's (readonly)", or "none". */
static void
households_line(const struct lull_membershipv *v, char *buf, size_t bufsz)
{
	size_t i, len = 0;

	snprintf(buf, bufsz, "none");
	for (i = 0; i < v->n && len < bufsz; i++)
		len += (size_t)snprintf(buf + len, bufsz - len, "%s%s (%s)",
		    i > 0 ? ", " : "",
		    v->v[i].household_name != NULL ? v->v[i].household_name
						   : "",
		    lull_access_name(v->v[i].access));
}

static json_t *
account_json(const struct lull_account *a, const struct lull_membershipv *v,
    const struct lull_tz *utc)
{
	json_t *o, *hh, *h;
	char when[32];
	size_t i;

	lull_time_format_rfc3339(utc, a->created_utc, when, sizeof(when));
	o = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)a->id, "email",
	    a->email, "name", a->name, "created_at", when);
	hh = json_array();
	if (o == NULL || hh == NULL ||
	    json_object_set_new(o, "households", hh)) {
		json_decref(o);
		return NULL;
	}
	for (i = 0; i < v->n; i++) {
		h = json_pack("{s:I, s:s?, s:s}", "id",
		    (json_int_t)v->v[i].household_id, "name",
		    v->v[i].household_name, "access",
		    lull_access_name(v->v[i].access));
		if (json_array_append_new(hh, h)) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

int
cmd_admin_accounts(struct cli *cli)
{
	struct lull_membershipv hv;
	struct lull_accountv v;
	struct lull_tz *utc = NULL;
	json_t *arr = NULL, *o;
	enum lull_err rc;
	char line[1024];
	size_t i;
	int ex;

	if ((ex = admin_open(cli)) != EXIT_OK)
		return ex;
	if ((rc = lull_account_list(cli->st, &v)) != LULL_OK)
		return cli_fail_store(cli, rc);
	if (cli->json &&
	    (lull_tz_utc(&utc) != LULL_OK || (arr = json_array()) == NULL)) {
		lull_accountv_free(&v);
		lull_tz_free(utc);
		return cli_errx(EXIT_FAIL, "out of memory");
	}
	if (!cli->json && v.n == 0)
		printf("No accounts yet.\n");
	for (i = 0; i < v.n && ex == EXIT_OK; i++) {
		rc = lull_households_of(cli->st, v.v[i].id, &hv);
		if (rc != LULL_OK) {
			ex = cli_fail_store(cli, rc);
			break;
		}
		if (cli->json) {
			o = account_json(&v.v[i], &hv, utc);
			if (o == NULL || json_array_append_new(arr, o))
				ex = cli_errx(EXIT_FAIL, "out of memory");
		} else {
			households_line(&hv, line, sizeof(line));
			printf("%-32s %-20s %s\n", v.v[i].email, v.v[i].name,
			    line);
		}
		lull_membershipv_free(&hv);
	}
	lull_accountv_free(&v);
	lull_tz_free(utc);
	if (!cli->json)
		return ex;
	if (ex != EXIT_OK) {
		json_decref(arr);
		return ex;
	}
	return cli_print_json(arr);
}
