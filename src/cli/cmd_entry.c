/*
 * lull edit and lull delete: change or remove any entry by its id.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"

enum entry { ENTRY_SLEEP, ENTRY_WAKING, ENTRY_FEED, ENTRY_TAG, ENTRY__MAX };

static const char *const entry_names[ENTRY__MAX] = {
	[ENTRY_SLEEP] = "sleep",
	[ENTRY_WAKING] = "waking",
	[ENTRY_FEED] = "feed",
	[ENTRY_TAG] = "tag",
};

static int
entry_parse(struct cli *cli, enum entry *e, int64_t *id)
{
	const char *type = cli->a.pos[0], *num = cli->a.pos[1];
	char *end;
	long long v;
	int i;

	for (i = 0; i < ENTRY__MAX; i++)
		if (strcmp(type, entry_names[i]) == 0)
			break;
	if (i == ENTRY__MAX)
		return cli_errx(EXIT_USAGE,
		    "\"%s\" is not sleep, waking, feed or tag", type);
	*e = (enum entry)i;
	if (num[0] == '#')
		num++;
	v = strtoll(num, &end, 10);
	if (end == num || *end != '\0' || v <= 0)
		return cli_errx(EXIT_USAGE, "\"%s\" is not an id (lull log "
		    "shows them, e.g. #12)", cli->a.pos[1]);
	*id = v;
	return EXIT_OK;
}

/* Entries of other households are as good as missing. */
static int
not_found(enum entry e, int64_t id)
{
	return cli_errx(EXIT_NOTFOUND, "no %s #%lld in this journal",
	    entry_names[e], (long long)id);
}

static int
mine(struct cli *cli, int64_t child_id)
{
	struct lull_child c;
	int ok;

	lull_child_init(&c);
	ok = lull_store_child_get(cli->st, child_id, &c) == LULL_OK &&
	    c.household_id == cli->hh.id;
	lull_child_free(&c);
	return ok;
}

static int
edit_sleep(struct cli *cli, int64_t id)
{
	const char *from = cli_opt(cli, "from"), *to = cli_opt(cli, "to");
	struct lull_sleep s;
	enum lull_err rc;
	int x;

	lull_sleep_init(&s);
	rc = lull_store_sleep_get(cli->st, id, &s);
	if (rc == LULL_ENOTFOUND || (rc == LULL_OK && !mine(cli, s.child_id))) {
		lull_sleep_free(&s);
		return not_found(ENTRY_SLEEP, id);
	}
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	/* A bare time keeps the entry's own day. */
	if ((from && (x = cli_time(cli, "from", from, INT64_MIN,
			  lull_local_day(cli->tz, s.start_utc),
			  &s.start_utc))) ||
	    (to && (x = cli_time(cli, "to", to, s.start_utc, LULL_NO_DAY,
			&s.end_utc))) ||
	    (x = cli_sleep_opts(cli, &s)))
		goto out;
	if ((rc = lull_store_sleep_update(cli->st, &s, cli->tz, &cli->actor)))
		x = cli_fail_store(cli, rc);
	else
		printf("Updated sleep #%lld.\n", (long long)id);
out:
	lull_sleep_free(&s);
	return x;
}

static int
edit_waking(struct cli *cli, int64_t id)
{
	const char *from = cli_opt(cli, "from"), *to = cli_opt(cli, "to");
	const char *v;
	struct lull_waking w;
	struct lull_sleep s;
	enum lull_err rc;
	int x = EXIT_OK, e;

	lull_waking_init(&w);
	lull_sleep_init(&s);
	rc = lull_store_waking_get(cli->st, id, &w);
	if (rc == LULL_OK)
		rc = lull_store_sleep_get(cli->st, w.sleep_id, &s);
	if (rc == LULL_ENOTFOUND || (rc == LULL_OK && !mine(cli, s.child_id))) {
		x = not_found(ENTRY_WAKING, id);
		goto out;
	}
	if (rc != LULL_OK) {
		x = cli_fail_store(cli, rc);
		goto out;
	}
	if ((from && (x = cli_time(cli, "from", from, s.start_utc - 1,
			  LULL_NO_DAY, &w.start_utc))) ||
	    (to && (x = cli_time(cli, "to", to, w.start_utc, LULL_NO_DAY,
			&w.end_utc))))
		goto out;
	if ((v = cli_opt(cli, "response")) != NULL) {
		if ((x = cli_enum("response", v, lull_response_parse,
			 CLI_RESPONSES, &e)))
			goto out;
		w.response = (enum lull_response)e;
	}
	if ((v = cli_opt(cli, "by")) != NULL &&
	    (x = cli_caregiver(cli, "by", v, &w.caregiver_id)))
		goto out;
	if ((v = cli_opt(cli, "note")) != NULL) {
		free(w.note);
		if ((w.note = strdup(v)) == NULL) {
			x = cli_errx(EXIT_FAIL, "out of memory");
			goto out;
		}
	}
	if ((rc = lull_store_waking_update(cli->st, &w, cli->tz, &cli->actor)))
		x = cli_fail_store(cli, rc);
	else
		printf("Updated waking #%lld.\n", (long long)id);
out:
	lull_sleep_free(&s);
	lull_waking_free(&w);
	return x;
}

static int
edit_feed(struct cli *cli, int64_t id)
{
	struct lull_feed f;
	enum lull_err rc;
	int x;

	lull_feed_init(&f);
	rc = lull_store_feed_get(cli->st, id, &f);
	if (rc == LULL_ENOTFOUND || (rc == LULL_OK && !mine(cli, f.child_id))) {
		lull_feed_free(&f);
		return not_found(ENTRY_FEED, id);
	}
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	if ((x = cli_feed_opts(cli, &f)) == EXIT_OK) {
		if ((rc = lull_store_feed_update(cli->st, &f, cli->tz, &cli->actor)))
			x = cli_fail_store(cli, rc);
		else
			printf("Updated feed #%lld.\n", (long long)id);
	}
	lull_feed_free(&f);
	return x;
}

static int
edit_tag(struct cli *cli, int64_t id)
{
	struct lull_tag t;
	enum lull_err rc;
	int x;

	const char *kind = cli_opt(cli, "kind");
	int k;

	lull_tag_init(&t);
	rc = lull_store_tag_get(cli->st, id, &t);
	if (rc == LULL_ENOTFOUND || (rc == LULL_OK && !mine(cli, t.child_id))) {
		lull_tag_free(&t);
		return not_found(ENTRY_TAG, id);
	}
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	if (kind != NULL) {
		if ((x = cli_enum("kind", kind, lull_tag_kind_parse, CLI_TAGS,
			 &k))) {
			lull_tag_free(&t);
			return x;
		}
		t.kind = (enum lull_tag_kind)k;
	}
	if ((x = cli_tag_opts(cli, &t)) == EXIT_OK) {
		if ((rc = lull_store_tag_update(cli->st, &t, &cli->actor)))
			x = cli_fail_store(cli, rc);
		else
			printf("Updated tag #%lld.\n", (long long)id);
	}
	lull_tag_free(&t);
	return x;
}

/* The options each kind of entry takes; anything else is refused, so an
 * edit never "succeeds" while ignoring what was asked. */
static const char *const entry_opts[ENTRY__MAX] = {
	[ENTRY_SLEEP] = " from to kind how where by latency crying routine note ",
	[ENTRY_WAKING] = " from to response by note ",
	[ENTRY_FEED] = " at to minutes kind side ml note ",
	[ENTRY_TAG] = " kind from to note ",
};

static int
entry_opts_check(struct cli *cli, enum entry e)
{
	char word[40];
	int i;

	for (i = 0; i < cli->a.nopt; i++) {
		const char *n = cli->a.names[i];

		if (strcmp(n, "db") == 0 || strcmp(n, "as") == 0 ||
		    strcmp(n, "json") == 0)
			continue;
		snprintf(word, sizeof(word), " %s ", n);
		if (strstr(entry_opts[e], word) == NULL)
			return cli_errx(EXIT_USAGE,
			    "--%s is not something a %s has (it takes:%s)", n,
			    entry_names[e], entry_opts[e]);
	}
	if (cli->a.nopt == 0)
		return cli_errx(EXIT_USAGE, "edit %s: nothing to change (it "
		    "takes:%s)", entry_names[e], entry_opts[e]);
	return EXIT_OK;
}

int
cmd_edit(struct cli *cli)
{
	enum entry e;
	int64_t id;
	int x;

	if ((x = entry_parse(cli, &e, &id)) || (x = entry_opts_check(cli, e)))
		return x;
	switch (e) {
	case ENTRY_SLEEP:
		return edit_sleep(cli, id);
	case ENTRY_WAKING:
		return edit_waking(cli, id);
	case ENTRY_FEED:
		return edit_feed(cli, id);
	case ENTRY_TAG:
	case ENTRY__MAX:
		break;
	}
	return edit_tag(cli, id);
}

/* The child an entry belongs to, to check it is this household's. */
static enum lull_err
entry_child(struct cli *cli, enum entry e, int64_t id, int64_t *child)
{
	struct lull_sleep s;
	struct lull_waking w;
	struct lull_feed f;
	struct lull_tag t;
	enum lull_err rc;

	lull_sleep_init(&s);
	lull_waking_init(&w);
	lull_feed_init(&f);
	lull_tag_init(&t);
	/* A waking belongs to its sleep's child. */
	if (e == ENTRY_WAKING) {
		if ((rc = lull_store_waking_get(cli->st, id, &w)) != LULL_OK) {
			lull_waking_free(&w);
			return rc;
		}
		id = w.sleep_id;
		e = ENTRY_SLEEP;
	}
	switch (e) {
	case ENTRY_WAKING:
	case ENTRY_SLEEP:
		if ((rc = lull_store_sleep_get(cli->st, id, &s)) == LULL_OK)
			*child = s.child_id;
		break;
	case ENTRY_FEED:
		if ((rc = lull_store_feed_get(cli->st, id, &f)) == LULL_OK)
			*child = f.child_id;
		break;
	case ENTRY_TAG:
	case ENTRY__MAX:
	default:
		if ((rc = lull_store_tag_get(cli->st, id, &t)) == LULL_OK)
			*child = t.child_id;
		break;
	}
	lull_sleep_free(&s);
	lull_waking_free(&w);
	lull_feed_free(&f);
	lull_tag_free(&t);
	return rc;
}

int
cmd_delete(struct cli *cli)
{
	enum lull_err rc;
	enum entry e;
	int64_t id, child = 0;
	int x;

	if ((x = entry_parse(cli, &e, &id)))
		return x;
	rc = entry_child(cli, e, id, &child);
	if (rc == LULL_ENOTFOUND || (rc == LULL_OK && !mine(cli, child)))
		return not_found(e, id);
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	switch (e) {
	case ENTRY_SLEEP:
		rc = lull_store_sleep_delete(cli->st, id);
		break;
	case ENTRY_WAKING:
		rc = lull_store_waking_delete(cli->st, id);
		break;
	case ENTRY_FEED:
		rc = lull_store_feed_delete(cli->st, id);
		break;
	case ENTRY_TAG:
	case ENTRY__MAX:
		rc = lull_store_tag_delete(cli->st, id);
		break;
	}
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	printf("Deleted %s #%lld.\n", entry_names[e], (long long)id);
	return EXIT_OK;
}
