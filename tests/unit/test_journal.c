/*
 * The journal's rules on plain data: validation, overlap, nap or night,
 * corrected age, and the model's names and vectors.
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/model.h"
#include "lull/tzload.h"
#include "t.h"

static struct lull_tz *berlin;

/* 2026-06-14 hh:mm in Berlin (CEST, UTC+2). */
static int64_t
at(int day_offset, int hh, int mm)
{
	int64_t utc;

	(void)lull_tz_resolve(berlin, lull_days_from_civil(2026, 6, 14) +
		day_offset, hh * 3600 + mm * 60, LULL_FOLD_EARLIER, &utc);
	return utc;
}

static const int64_t NOW_OFFSET = 3 * 86400;

static void
night(struct lull_sleep *s)
{
	lull_sleep_init(s);
	s->id = 1;
	s->child_id = 7;
	s->start_utc = at(0, 19, 30);
	s->end_utc = at(1, 6, 45);
}

static void
add_waking(struct lull_sleep *s, int64_t a, int64_t b)
{
	struct lull_waking w;

	lull_waking_init(&w);
	w.start_utc = a;
	w.end_utc = b;
	w.response = LULL_RESP_FEED;
	if (lull_sleep_add_waking(s, &w) != LULL_OK)
		abort();
}

static void
test_valid_night(void)
{
	struct lull_sleep s;
	struct lull_errinfo ei;

	night(&s);
	add_waking(&s, at(1, 2, 0), at(1, 2, 20));
	add_waking(&s, at(0, 23, 10), at(0, 23, 25));
	T_EQ_INT(s.nwakings, 2);
	/* Added out of order, kept sorted. */
	T_CHECK(s.wakings[0].start_utc == at(0, 23, 10));
	T_EQ_INT(lull_sleep_check(&s, berlin, at(0, 0, 0) + NOW_OFFSET, &ei),
	    LULL_OK);
	lull_sleep_free(&s);
	lull_sleep_free(&s); /* twice is harmless */
}

static void
test_end_before_start(void)
{
	struct lull_sleep s;
	struct lull_errinfo ei;

	night(&s);
	s.end_utc = at(0, 18, 0);
	T_EQ_INT(lull_sleep_check(&s, berlin, at(3, 0, 0), &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "end");
	T_CHECK(strstr(ei.msg, "2026-06-14 18:00") != NULL);
	T_CHECK(strstr(ei.msg, "19:30") != NULL);
	s.end_utc = s.start_utc;
	T_EQ_INT(lull_sleep_check(&s, berlin, at(3, 0, 0), &ei), LULL_EINVAL);
	lull_sleep_free(&s);
}

static void
test_future(void)
{
	struct lull_sleep s;
	struct lull_errinfo ei;

	night(&s);
	/* Now is 06:00 the morning after: the 06:45 end is 45 min ahead. */
	T_EQ_INT(lull_sleep_check(&s, berlin, at(1, 6, 0), &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "end");
	T_CHECK(strstr(ei.msg, "in the future") != NULL);
	/* Within the slack of two phones' clocks it passes. */
	T_EQ_INT(lull_sleep_check(&s, berlin, at(1, 6, 44), &ei), LULL_OK);
	s.end_utc = LULL_NO_TIME;
	T_EQ_INT(lull_sleep_check(&s, berlin, at(0, 19, 0), &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "start");
	lull_sleep_free(&s);
}

static void
test_too_long_and_minutes(void)
{
	struct lull_sleep s;
	struct lull_errinfo ei;
	int64_t now = at(5, 0, 0);

	night(&s);
	s.end_utc = at(2, 6, 45);
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "end");
	night(&s);
	s.latency_min = -3;
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "latency");
	s.latency_min = 12 * 60;
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_EINVAL);
	s.latency_min = 15;
	s.crying_min = -1;
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_OK);
	s.crying_min = -2;
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "crying");
	s.crying_min = LULL_UNKNOWN;
	s.routine = 2;
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_EINVAL);
	s.routine = 1;
	s.child_id = 0;
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "child");
	lull_sleep_free(&s);
}

static void
test_wakings(void)
{
	struct lull_sleep s;
	struct lull_errinfo ei;
	int64_t now = at(5, 0, 0);

	night(&s);
	add_waking(&s, at(0, 19, 0), at(0, 19, 40));
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "waking.start");
	lull_sleep_free(&s);

	night(&s);
	add_waking(&s, at(1, 6, 30), at(1, 7, 0));
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "waking.end");
	lull_sleep_free(&s);

	night(&s);
	add_waking(&s, at(0, 23, 0), at(0, 23, 30));
	add_waking(&s, at(0, 23, 20), at(0, 23, 40));
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_ECONFLICT);
	lull_sleep_free(&s);

	night(&s);
	add_waking(&s, at(0, 23, 0), at(0, 22, 0));
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "waking.end");
	lull_sleep_free(&s);

	/* An open waking: only last, only in an ongoing sleep. */
	night(&s);
	add_waking(&s, at(0, 23, 0), LULL_NO_TIME);
	T_EQ_INT(lull_sleep_check(&s, berlin, now, &ei), LULL_EINVAL);
	s.end_utc = LULL_NO_TIME;
	T_EQ_INT(lull_sleep_check(&s, berlin, at(0, 23, 5), &ei), LULL_OK);
	add_waking(&s, at(0, 23, 2), at(0, 23, 4));
	T_EQ_INT(lull_sleep_check(&s, berlin, at(0, 23, 5), &ei),
	    LULL_EINVAL);
	lull_sleep_free(&s);
}

static void
test_overlap(void)
{
	struct lull_sleepv v = { 0 };
	struct lull_sleep s, o;
	struct lull_errinfo ei;

	night(&o);
	o.id = 2;
	T_EQ_INT(lull_sleepv_push(&v, &o), LULL_OK);
	T_EQ_INT(o.start_utc, LULL_NO_TIME); /* the vector took it */

	/* A nap the next afternoon touches nothing. */
	lull_sleep_init(&s);
	s.child_id = 7;
	s.start_utc = at(1, 13, 0);
	s.end_utc = at(1, 14, 0);
	T_EQ_INT(lull_sleep_check_overlap(&s, &v, berlin, &ei), LULL_OK);
	/* Ending exactly when the other starts is fine: [start, end). */
	s.start_utc = at(0, 18, 0);
	s.end_utc = at(0, 19, 30);
	T_EQ_INT(lull_sleep_check_overlap(&s, &v, berlin, &ei), LULL_OK);
	s.end_utc = at(0, 19, 31);
	T_EQ_INT(lull_sleep_check_overlap(&s, &v, berlin, &ei),
	    LULL_ECONFLICT);
	T_CHECK(strstr(ei.msg, "#2") != NULL);
	T_CHECK(strstr(ei.msg, "2026-06-14 19:30") != NULL);
	/* Another child's sleep never collides. */
	s.child_id = 8;
	T_EQ_INT(lull_sleep_check_overlap(&s, &v, berlin, &ei), LULL_OK);
	/* An edit does not collide with itself. */
	s.child_id = 7;
	s.id = 2;
	T_EQ_INT(lull_sleep_check_overlap(&s, &v, berlin, &ei), LULL_OK);
	/* An ongoing sleep runs to the end of time. */
	s.id = 0;
	s.start_utc = at(2, 20, 0);
	s.end_utc = LULL_NO_TIME;
	T_EQ_INT(lull_sleep_check_overlap(&s, &v, berlin, &ei), LULL_OK);
	v.v[0].end_utc = LULL_NO_TIME;
	T_EQ_INT(lull_sleep_check_overlap(&s, &v, berlin, &ei),
	    LULL_ECONFLICT);
	T_CHECK(strstr(ei.msg, "still going on") != NULL);
	lull_sleepv_free(&v);
	T_EQ_INT(v.n, 0);
	T_CHECK(v.v == NULL);
}

static void
test_kind(void)
{
	struct lull_sleep s;

	night(&s);
	T_EQ_INT(lull_sleep_derive_kind(berlin, &s), LULL_SLEEP_NIGHT);
	/* A short evening sleep is a late nap. */
	s.end_utc = at(0, 20, 10);
	T_EQ_INT(lull_sleep_derive_kind(berlin, &s), LULL_SLEEP_NAP);
	/* Still going on in the evening: a night. */
	s.end_utc = LULL_NO_TIME;
	T_EQ_INT(lull_sleep_derive_kind(berlin, &s), LULL_SLEEP_NIGHT);
	/* A long midday sleep is still a nap. */
	s.start_utc = at(0, 12, 0);
	s.end_utc = at(0, 15, 30);
	T_EQ_INT(lull_sleep_derive_kind(berlin, &s), LULL_SLEEP_NAP);
	/* Settling respects a kind given by a person. */
	s.kind = LULL_SLEEP_NIGHT;
	s.kind_given = 1;
	lull_sleep_settle_kind(berlin, &s);
	T_EQ_INT(s.kind, LULL_SLEEP_NIGHT);
	s.kind_given = 0;
	lull_sleep_settle_kind(berlin, &s);
	T_EQ_INT(s.kind, LULL_SLEEP_NAP);
	lull_sleep_free(&s);
}

static void
test_child_age(void)
{
	struct lull_child c;
	struct lull_errinfo ei;
	int corrected;
	char buf[32];
	int32_t born = lull_days_from_civil(2026, 1, 1);

	lull_child_init(&c);
	c.name = (char *)(uintptr_t) "Mia";
	c.born_day = born;
	T_EQ_INT(lull_child_age_days(&c, born + 100, &corrected), 100);
	T_EQ_INT(corrected, 0);
	/* Born eight weeks early: corrected age is eight weeks less. */
	c.due_day = born + 56;
	T_EQ_INT(lull_child_age_days(&c, born + 100, &corrected), 44);
	T_EQ_INT(corrected, 1);
	/* ...until 24 months corrected. */
	T_EQ_INT(lull_child_age_days(&c, born + 56 + 730, &corrected),
	    730 + 56);
	T_EQ_INT(corrected, 0);
	T_EQ_INT(lull_child_check(&c, born + 10, &ei), LULL_OK);
	T_EQ_INT(lull_child_check(&c, born - 1, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "born");
	c.due_day = born + 200;
	T_EQ_INT(lull_child_check(&c, born + 10, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "due");
	c.due_day = LULL_NO_DAY;
	c.name = (char *)(uintptr_t) "  ";
	T_EQ_INT(lull_child_check(&c, born + 10, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "name");
	lull_age_format(213, buf, sizeof(buf));
	T_EQ_STR(buf, "6 mo");
	lull_age_format(20, buf, sizeof(buf));
	T_EQ_STR(buf, "2 wk");
	lull_age_format(800, buf, sizeof(buf));
	T_EQ_STR(buf, "2 y 2 mo");
}

static void
test_feed_tag(void)
{
	struct lull_feed f;
	struct lull_tag t;
	struct lull_errinfo ei;
	int64_t now = at(3, 0, 0);

	lull_feed_init(&f);
	f.child_id = 1;
	f.start_utc = at(0, 7, 0);
	T_EQ_INT(lull_feed_check(&f, berlin, now, &ei), LULL_OK);
	f.kind = LULL_FEED_BOTTLE;
	f.side = LULL_SIDE_LEFT;
	T_EQ_INT(lull_feed_check(&f, berlin, now, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "side");
	f.side = LULL_SIDE_NONE;
	f.amount_ml = 5000;
	T_EQ_INT(lull_feed_check(&f, berlin, now, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "ml");
	f.amount_ml = 120;
	f.end_utc = f.start_utc - 60;
	T_EQ_INT(lull_feed_check(&f, berlin, now, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "end");

	lull_tag_init(&t);
	t.child_id = 1;
	t.kind = LULL_TAG_TEETHING;
	t.from_day = 100;
	t.to_day = 103;
	T_EQ_INT(lull_tag_check(&t, &ei), LULL_OK);
	t.to_day = 99;
	T_EQ_INT(lull_tag_check(&t, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "to");
	t.to_day = 100 + 400;
	T_EQ_INT(lull_tag_check(&t, &ei), LULL_EINVAL);
}

static void
test_names(void)
{
	uint32_t set;
	struct lull_errinfo ei;
	char buf[128];
	int i;

	T_EQ_INT(lull_place_parse("parents-room-cot"),
	    LULL_PLACE_PARENTS_ROOM_COT);
	T_EQ_INT(lull_place_parse("Parents-room-cot"), -1);
	T_EQ_STR(lull_response_name(LULL_RESP_BROUGHT_TO_BED),
	    "brought-to-bed");
	T_CHECK(lull_tag_kind_name(LULL_TAG_KIND__MAX) == NULL);
	T_EQ_INT(lull_onset_set_parse("fed, held,pacifier", &set, &ei),
	    LULL_OK);
	T_EQ_INT(set, (1u << LULL_ONSET_FED) | (1u << LULL_ONSET_HELD) |
		(1u << LULL_ONSET_PACIFIER));
	lull_onset_set_format(set, buf, sizeof(buf));
	T_EQ_STR(buf, "fed,held,pacifier");
	T_EQ_INT(lull_onset_set_parse("fed,swaying", &set, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "onset");
	T_CHECK(strstr(ei.msg, "\"swaying\"") != NULL);
	T_EQ_INT(lull_onset_set_parse("", &set, &ei), LULL_OK);
	T_EQ_INT(set, 0);
	/* Every enum value has a name, and names parse back. */
	for (i = 0; i < LULL_ONSET__MAX; i++)
		T_EQ_INT(lull_onset_parse(lull_onset_name(i)), i);
	for (i = 0; i < LULL_PLACE__MAX; i++)
		T_EQ_INT(lull_place_parse(lull_place_name(i)), i);
	for (i = 0; i < LULL_RESP__MAX; i++)
		T_EQ_INT(lull_response_parse(lull_response_name(i)), i);
	for (i = 0; i < LULL_TAG_KIND__MAX; i++)
		T_EQ_INT(lull_tag_kind_parse(lull_tag_kind_name(i)), i);
	for (i = 0; i < LULL_ERR__MAX; i++)
		T_CHECK(strcmp(lull_strerror(i), "unknown error") != 0);
}

static void
test_vectors_and_copy(void)
{
	struct lull_feedv v = { 0 };
	struct lull_sleep s, c;
	int i;

	for (i = 0; i < 1000; i++) {
		struct lull_feed f;

		lull_feed_init(&f);
		f.id = i;
		f.note = strdup("x");
		T_EQ_INT(lull_feedv_push(&v, &f), LULL_OK);
		T_CHECK(f.note == NULL);
	}
	T_EQ_INT(v.n, 1000);
	T_EQ_INT(v.v[999].id, 999);
	lull_feedv_free(&v);

	night(&s);
	s.note = strdup("teeth?");
	add_waking(&s, at(0, 23, 0), at(0, 23, 30));
	T_EQ_INT(lull_sleep_copy(&c, &s), LULL_OK);
	T_CHECK(c.note != s.note && strcmp(c.note, "teeth?") == 0);
	T_CHECK(c.wakings != s.wakings && c.nwakings == 1);
	lull_sleep_free(&s);
	T_EQ_INT(c.wakings[0].response, LULL_RESP_FEED);
	lull_sleep_free(&c);
}

static void
setup(void)
{
	struct lull_errinfo ei;

	if (lull_tz_load(&berlin, "Europe/Berlin", &ei) != LULL_OK) {
		fprintf(stderr, "cannot load Europe/Berlin: %s\n", ei.msg);
		exit(1);
	}
}

static void
teardown(void)
{
	lull_tz_free(berlin);
}

static const struct t_case cases[] = {
	{ "setup", setup },
	{ "a valid night with wakings", test_valid_night },
	{ "end before start", test_end_before_start },
	{ "times in the future", test_future },
	{ "too long, bad minutes", test_too_long_and_minutes },
	{ "wakings inside their sleep", test_wakings },
	{ "overlapping sleeps", test_overlap },
	{ "nap or night", test_kind },
	{ "corrected age and child checks", test_child_age },
	{ "feeds and tags", test_feed_tag },
	{ "names of enumerations", test_names },
	{ "vectors and copies", test_vectors_and_copy },
	{ "teardown", teardown },
};

T_MAIN(cases)
