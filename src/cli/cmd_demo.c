/*
 * lull demo: a household to look at.  Two parents and a seven-month-old
 * whose nights settle over three weeks, with naps, feeds and a teething
 * spell.  The variation is drawn from a fixed seed, so the demo is the
 * same every time for the same "now".  With --account, Alex also gets a
 * web app account that owns the household (make run signs in with it).
 * SPDX-License-Identifier: ISC
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/account.h"
#include "lull/journal.h"
#include "lull/tzload.h"
#include "cli_int.h"

#define DEMO_DAYS 21

/* A small deterministic generator (xorshift32); the demo needs variety,
 * not quality. */
static uint32_t
rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static int
pick(uint32_t *s, int lo, int hi)
{
	return lo + (int)(rnd(s) % (uint32_t)(hi - lo + 1));
}

static int64_t
at(const struct lull_tz *tz, int32_t day, int min)
{
	int64_t utc;

	(void)lull_tz_resolve(tz, day, min * 60, LULL_FOLD_EARLIER, &utc);
	return utc;
}

static enum lull_err
demo_night(struct lull_store *st, const struct lull_tz *tz,
    const struct lull_actor *ac, int64_t child, const int64_t *cg,
    int32_t day, int k, uint32_t *seed)
{
	struct lull_sleep s;
	enum lull_err rc;
	/* Wakings fall from three a night to one as the weeks go by. */
	int nwake = k < 7 ? pick(seed, 2, 3) : k < 14 ? pick(seed, 1, 2) :
							pick(seed, 0, 1);
	int bed = pick(seed, 19 * 60 + 5, 19 * 60 + 50);
	int wake = pick(seed, 6 * 60 + 10, 7 * 60);
	int i, t = bed + 150;

	lull_sleep_init(&s);
	s.child_id = child;
	s.start_utc = at(tz, day, bed);
	s.end_utc = at(tz, day + 1, wake);
	s.kind = LULL_SLEEP_NIGHT;
	s.kind_given = 1;
	s.onset = k < 10 ? (1u << LULL_ONSET_FED) | (1u << LULL_ONSET_HELD) :
			   (1u << LULL_ONSET_BESIDE_PARENT) |
		(1u << LULL_ONSET_PATTED);
	s.place = LULL_PLACE_SIDECAR;
	s.settled_by = cg[k % 2];
	s.latency_min = k < 10 ? pick(seed, 20, 40) : pick(seed, 8, 20);
	s.crying_min = pick(seed, 0, 5);
	s.routine = k % 9 != 4;
	for (i = 0; i < nwake; i++) {
		struct lull_waking w;

		lull_waking_init(&w);
		t += pick(seed, 90, 200);
		w.start_utc = at(tz, day, t);
		w.end_utc = w.start_utc + 60 * pick(seed, 5, 25);
		w.response = i == 0 && k < 14 ? LULL_RESP_FEED :
		    k < 10		  ? LULL_RESP_HOLD :
					    LULL_RESP_PAT;
		w.caregiver_id = cg[(k + i) % 2];
		if (w.end_utc < s.end_utc && w.end_utc <= ac->now_utc &&
		    (rc = lull_sleep_add_waking(&s, &w)) != LULL_OK) {
			lull_sleep_free(&s);
			return rc;
		}
		t += 30;
	}
	/* Run early in the morning, the last night is still going on;
	 * tonight has not begun yet. */
	if (s.start_utc > ac->now_utc) {
		lull_sleep_free(&s);
		return LULL_OK;
	}
	if (s.end_utc > ac->now_utc)
		s.end_utc = LULL_NO_TIME;
	rc = lull_store_sleep_add(st, &s, tz, ac);
	lull_sleep_free(&s);
	return rc;
}

static enum lull_err
demo_day(struct lull_store *st, const struct lull_tz *tz,
    const struct lull_actor *ac, int64_t child, const int64_t *cg,
    int32_t day, uint32_t *seed)
{
	int naps[2][2] = { { 9 * 60 + 15, 10 * 60 + 20 },
		{ 13 * 60 + 10, 14 * 60 + 40 } };
	int feeds[4] = { 6 * 60 + 50, 10 * 60 + 30, 14 * 60 + 50, 18 * 60 + 45 };
	enum lull_err rc = LULL_OK;
	int i;

	for (i = 0; rc == LULL_OK && i < 2; i++) {
		struct lull_sleep s;

		lull_sleep_init(&s);
		s.child_id = child;
		s.start_utc = at(tz, day, naps[i][0] + pick(seed, -20, 20));
		s.end_utc = at(tz, day, naps[i][1] + pick(seed, -25, 15));
		s.onset = i ? 1u << LULL_ONSET_STROLLER : 1u << LULL_ONSET_FED;
		s.place = i ? LULL_PLACE_PRAM : LULL_PLACE_SIDECAR;
		s.settled_by = cg[i];
		if (s.end_utc <= ac->now_utc)
			rc = lull_store_sleep_add(st, &s, tz, ac);
		lull_sleep_free(&s);
	}
	for (i = 0; rc == LULL_OK && i < 4; i++) {
		struct lull_feed f;

		lull_feed_init(&f);
		f.child_id = child;
		f.start_utc = at(tz, day, feeds[i] + pick(seed, -10, 10));
		f.end_utc = f.start_utc + 60 * pick(seed, 8, 18);
		f.kind = i == 2 ? LULL_FEED_SOLIDS : LULL_FEED_BREAST;
		f.side = i == 2 ? LULL_SIDE_NONE :
		    i % 2	? LULL_SIDE_RIGHT :
				  LULL_SIDE_LEFT;
		if (f.end_utc <= ac->now_utc)
			rc = lull_store_feed_add(st, &f, tz, ac);
		lull_feed_free(&f);
	}
	return rc;
}

static enum lull_err
demo_fill(struct cli *cli, const struct lull_tz *tz, int64_t hid)
{
	const char *names[2] = { "Alex", "Sam" };
	struct lull_caregiver cg;
	struct lull_child c;
	struct lull_tag t;
	struct lull_actor ac = { 0, cli->now };
	int32_t today = lull_local_day(tz, cli->now);
	uint32_t seed = 20260322u;
	int64_t ids[2];
	enum lull_err rc;
	int k;

	for (k = 0; k < 2; k++) {
		/* With an account, Alex is there already: its caregiver. */
		if (lull_store_caregiver_find(cli->st, hid, names[k], &cg) ==
		    LULL_OK) {
			ids[k] = cg.id;
			lull_caregiver_free(&cg);
			continue;
		}
		memset(&cg, 0, sizeof(cg));
		cg.household_id = hid;
		cg.name = (char *)(uintptr_t)names[k];
		if ((rc = lull_store_caregiver_add(cli->st, &cg, &ac, &ids[k])))
			return rc;
	}
	ac.caregiver_id = ids[0];
	lull_child_init(&c);
	c.household_id = hid;
	c.name = (char *)(uintptr_t)"Robin";
	c.born_day = today - 218; /* seven months */
	if ((rc = lull_store_child_add(cli->st, &c, tz, &ac, &c.id)))
		return rc;
	/* Three weeks up to today, as far as today has gone. */
	for (k = 0; k <= DEMO_DAYS; k++) {
		int32_t day = today - DEMO_DAYS + k;

		ac.caregiver_id = ids[k % 2];
		if ((rc = demo_day(cli->st, tz, &ac, c.id, ids, day, &seed)) ||
		    (rc = demo_night(cli->st, tz, &ac, c.id, ids, day, k,
			 &seed)))
			return rc;
	}
	lull_tag_init(&t);
	t.child_id = c.id;
	t.kind = LULL_TAG_TEETHING;
	t.from_day = today - 9;
	t.to_day = today - 7;
	t.note = (char *)(uintptr_t)"first tooth";
	return lull_store_tag_add(cli->st, &t, &ac);
}

/* The demo account's password: one line of standard input. */
static int
demo_password(char *buf, size_t bufsz)
{
	size_t n;

	if (fgets(buf, (int)bufsz, stdin) == NULL)
		return cli_errx(EXIT_USAGE,
		    "demo --account: give the password on standard input, "
		    "one line");
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return EXIT_OK;
}

/* The household: on its own, or made by Alex's account, its owner. */
static enum lull_err
demo_household(struct cli *cli, const char *email, const char *pw,
    const struct lull_household *hh, int64_t *hid)
{
	enum lull_err rc;
	int64_t aid;

	if (email == NULL)
		return lull_store_household_add(cli->st, hh, &cli->actor, hid);
	if ((rc = lull_account_create(cli->st, email, "Alex", pw, cli->now,
		 &aid)) != LULL_OK)
		return rc;
	return lull_household_create(cli->st, aid, hh->name, hh->tz, cli->now,
	    hid);
}

int
cmd_demo(struct cli *cli)
{
	struct lull_household hh = { 0 };
	struct lull_errinfo ei;
	struct lull_tz *tz = NULL;
	const char *email = cli_opt(cli, "account");
	char zone[128], pw[LULL_PASSWORD_MAX + 8];
	enum lull_err rc;
	int64_t hid;
	int ex;

	if (lull_store_household_get(cli->st, 0, &hh) == LULL_OK) {
		lull_household_free(&hh);
		return cli_errx(EXIT_CONFLICT,
		    "%s already holds a household; the demo needs an empty "
		    "journal (--db demo.db)",
		    cli->db);
	}
	if (email != NULL) {
		if (!lull_account_init())
			return cli_errx(EXIT_FAIL,
			    "libsodium could not be initialised");
		if ((ex = demo_password(pw, sizeof(pw))) != EXIT_OK)
			return ex;
	}
	lull_tz_system_name(zone, sizeof(zone));
	if ((rc = lull_tz_load(&tz, zone, &ei)) != LULL_OK)
		return cli_fail(cli, rc, &ei);
	hh.name = (char *)(uintptr_t)"The demo family";
	hh.tz = (char *)(uintptr_t)zone;
	cli->actor.now_utc = cli->now;
	/* One transaction: a demo is there completely or not at all. */
	if ((rc = lull_store_begin(cli->st)) ||
	    (rc = demo_household(cli, email, pw, &hh, &hid)) ||
	    (rc = demo_fill(cli, tz, hid)) ||
	    (rc = lull_store_commit(cli->st))) {
		lull_store_rollback(cli->st);
		lull_tz_free(tz);
		sodium_memzero(pw, sizeof(pw));
		return cli_fail_store(cli, rc);
	}
	lull_tz_free(tz);
	sodium_memzero(pw, sizeof(pw));
	printf("Created a demo household in %s: Alex and Sam, and Robin "
	       "(7 months) with %d days of sleep.\n",
	    cli->db, DEMO_DAYS);
	if (email != NULL)
		printf("Alex can log in to the web app as %s.\n", email);
	return EXIT_OK;
}
