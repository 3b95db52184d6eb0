/*
 * A household for the web benchmark (bench/web.sh): a journal at PATH
 * with DAYS days of history up to now, written through the library as
 * the web app would have written it.
 *
 *   seed_web PATH DAYS [write]
 *
 * The household "Bench" (Europe/Berlin) has two parents with accounts
 * (the owner signs up, the other joins by invitation), one child, and
 * for every day two naps with a little jitter, a night with two wakings
 * (one parent goes to the first, the other to the second) and seven
 * feeds (seed fixed).  Entries that would end after now are left out.
 *
 * The child is 3 years and 4 months old whatever the history's length,
 * so that both histories show the same child.  With "write", for the
 * benchmark of new sleeps, the child was born almost ten years ago (as
 * far back as the journal takes) and the years before the history are
 * left empty: the benchmark puts each new sleep there, a minute long,
 * on the day after the one before (wrapping to a later hour of the
 * first day once every day has one), so that no two overlap and each
 * meets few others, as a family's sleeps do (the overlap check of a
 * new sleep reads the sleeps of the 20 hours before it).
 *
 * Prints, one "key=value" a line, what the benchmark needs: the owner's
 * API token and a session (id and CSRF token), the household and child
 * ids, the counts, and the free span for writes (its first instant, its
 * days, and the seconds between two sleeps of one day).  Secrets printed
 * here are of a scratch journal and nothing else.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lull/account.h"
#include "lull/cal.h"
#include "lull/store.h"
#include "lull/tz.h"
#include "lull/tzload.h"

#define ZONE      "Europe/Berlin"
#define PASSWORD  "bench-password-1"
#define AGE_DAYS  1216 /* the child's age: 3 years and 4 months */
#define WRITE_AGE 3640 /* ... with "write": almost ten years */
#define SLOT_SEC  90   /* the benchmark's writes: a slot each ... */
#define SLOT_LEN  60   /* ... with a sleep this long */

static struct lull_tz *tz;
static int64_t now;

static int64_t
at(int32_t day, int hh, int mm)
{
	int64_t t;

	(void)lull_tz_resolve(tz, day, hh * 3600 + mm * 60, LULL_FOLD_EARLIER,
	    &t);
	return t;
}

static unsigned
rnd(void)
{
	static unsigned s = 12345;

	s = s * 1103515245u + 12345u;
	return (s >> 16) & 0x7fff;
}

static void
die(const char *what, const struct lull_store *st)
{
	fprintf(stderr, "seed_web: %s: %s\n", what,
	    st != NULL ? lull_store_error(st)->msg : "failed");
	exit(1);
}

static void
push_sleep(struct lull_sleepv *v, int64_t child, int64_t a, int64_t b,
    int64_t by)
{
	struct lull_sleep s;

	if (b > now - 60)
		return;
	lull_sleep_init(&s);
	s.child_id = child;
	s.start_utc = a;
	s.end_utc = b;
	s.settled_by = by;
	s.place = LULL_PLACE_OWN_ROOM_COT;
	if (lull_sleepv_push(v, &s) != LULL_OK)
		abort();
}

static void
waking(struct lull_sleep *s, int64_t a, int64_t b, enum lull_response r,
    int64_t by)
{
	struct lull_waking w;

	lull_waking_init(&w);
	w.start_utc = a;
	w.end_utc = b;
	w.response = r;
	w.caregiver_id = by;
	if (lull_sleep_add_waking(s, &w) != LULL_OK)
		abort();
}

int
main(int argc, char **argv)
{
	static const int feeds[7][2] = { { 6, 50 }, { 9, 45 }, { 12, 30 },
		{ 15, 30 }, { 18, 30 }, { 23, 10 }, { 3, 0 } };
	struct lull_store *st = NULL;
	struct lull_sleepv sv = { 0 };
	struct lull_feedv fv = { 0 };
	struct lull_child child;
	struct lull_session sess;
	struct lull_membership m;
	struct lull_actor a;
	struct lull_errinfo ei;
	char spec[4200], token[LULL_TOKEN_LEN + 1], sid[LULL_TOKEN_LEN + 1];
	char code[LULL_TOKEN_LEN + 1];
	int64_t owner, other, hh, hh2, tok, cg[2], child_id;
	int32_t today, first, d, days, age;
	size_t failed;
	int k;

	if (argc < 3 || argc > 4 || (days = atoi(argv[2])) < 1 ||
	    days > AGE_DAYS - 7 ||
	    (argc == 4 && strcmp(argv[3], "write") != 0)) {
		fprintf(stderr, "usage: seed_web PATH DAYS [write]\n");
		return 2;
	}
	age = argc == 4 ? WRITE_AGE : AGE_DAYS;
	if (!lull_account_init() || lull_tz_load(&tz, ZONE, &ei) != LULL_OK) {
		fprintf(stderr, "seed_web: cannot start\n");
		return 1;
	}
	now = (int64_t)time(NULL);
	today = lull_local_day(tz, now);
	first = today - days;
	snprintf(spec, sizeof(spec), "sqlite:%s", argv[1]);
	if (lull_store_open(&st, spec, &ei) != LULL_OK) {
		fprintf(stderr, "seed_web: %s\n", ei.msg);
		return 1;
	}
	/* The two parents, as the web app makes them. */
	if (lull_account_create(st, "anna@bench.example", "Anna", PASSWORD, now,
		&owner) != LULL_OK)
		die("account", st);
	if (lull_account_create(st, "ben@bench.example", "Ben", PASSWORD, now,
		&other) != LULL_OK)
		die("account", st);
	if (lull_household_create(st, owner, "Bench", ZONE, now, &hh) !=
	    LULL_OK)
		die("household", st);
	if (lull_invite_create(st, hh, owner, LULL_ACCESS_CAREGIVER, 1, "Ben",
		now, code) != LULL_OK ||
	    lull_invite_accept(st, code, other, now, &hh2) != LULL_OK)
		die("invitation", st);
	if (lull_membership_get(st, owner, hh, &m) != LULL_OK)
		die("membership", st);
	cg[0] = m.caregiver_id;
	lull_membership_free(&m);
	if (lull_membership_get(st, other, hh, &m) != LULL_OK)
		die("membership", st);
	cg[1] = m.caregiver_id;
	lull_membership_free(&m);
	if (lull_api_token_create(st, owner, "bench", now, token, &tok) !=
		LULL_OK ||
	    lull_session_start(st, owner, now, sid, &sess) != LULL_OK)
		die("token", st);

	a.caregiver_id = cg[0];
	a.now_utc = now;
	lull_child_init(&child);
	child.household_id = hh;
	child.name = (char[]){ "Mia" };
	child.born_day = today - age;
	if (lull_store_child_add(st, &child, tz, &a, &child_id) != LULL_OK)
		die("child", st);

	for (d = first; d <= today; d++) {
		int j = (int)(rnd() % 31) - 15;
		int64_t p = cg[d & 1], q = cg[(d + 1) & 1];

		push_sleep(&sv, child_id, at(d, 9, 0) + j * 60,
		    at(d, 10, 0) + j * 60, p);
		push_sleep(&sv, child_id, at(d, 13, 0) - j * 60, at(d, 14, 30),
		    q);
		if (at(d + 1, 6, 45) <= now - 60) {
			push_sleep(&sv, child_id, at(d, 19, 30) + j * 60,
			    at(d + 1, 6, 45), p);
			waking(&sv.v[sv.n - 1], at(d, 23, 10), at(d, 23, 25),
			    LULL_RESP_FEED, p);
			waking(&sv.v[sv.n - 1], at(d + 1, 2, 30),
			    at(d + 1, 2, 50), LULL_RESP_HOLD, q);
		}
		for (k = 0; k < 7; k++) {
			struct lull_feed f;

			lull_feed_init(&f);
			f.child_id = child_id;
			f.start_utc =
			    at(k == 6 ? d + 1 : d, feeds[k][0], feeds[k][1]);
			f.end_utc = f.start_utc + 15 * 60;
			if (f.end_utc > now - 60)
				continue;
			if (lull_feedv_push(&fv, &f) != LULL_OK)
				abort();
		}
	}
	if (lull_store_begin(st) != LULL_OK ||
	    lull_store_sleep_add_many(st, sv.v, sv.n, tz, &a, &failed) !=
		LULL_OK ||
	    lull_store_feed_add_many(st, fv.v, fv.n, tz, &a, &failed) !=
		LULL_OK ||
	    lull_store_commit(st) != LULL_OK)
		die("history", st);

	printf("token=%s\n", token);
	printf("sid=%s\n", sid);
	printf("csrf=%s\n", sess.csrf);
	printf("household=%lld\n", (long long)hh);
	printf("child=%lld\n", (long long)child_id);
	printf("days=%ld\n", (long)days);
	printf("sleeps=%zu\n", sv.n);
	printf("feeds=%zu\n", fv.n);
	/* The empty years: from the day after birth to the history. */
	printf("write_from=%lld\n",
	    (long long)lull_tz_day_start(tz, child.born_day + 1));
	printf("write_days=%ld\n", (long)(first - 2 - child.born_day));
	printf("write_step=%d\n", SLOT_SEC);
	printf("write_len=%d\n", SLOT_LEN);
	lull_sleepv_free(&sv);
	lull_feedv_free(&fv);
	lull_store_close(st);
	lull_tz_free(tz);
	return 0;
}
