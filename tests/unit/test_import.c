/*
 * Importing other apps' exports, on small synthetic files written here:
 * the rules every format shares (duplicates, overlaps, nights split at
 * midnight or by a waking, feeds that answer a waking), the journal
 * (all or nothing, no duplicates on a second import, a newer export over
 * an older one), errors that name file, line and column, dates that
 * cannot be told apart, daylight-saving nights, and each format's shape.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "lull/import.h"

#include "import_fx.h"

/* Fixture children are born before every sample row (from 2018): the
 * store refuses entries dated before a birth. */
#define BORN_EARLY 17600 /* 2018-03-10 */
#include "t.h"

#define HUCK_HDR                                                               \
	"\"Type\",\"Start\",\"End\",\"Duration\",\"Start Condition\","         \
	"\"Start Location\",\"End Condition\",\"Notes\",\"Logged By\"\n"

/* A night in three sessions with two feeds, and a nap logged thrice. */
static const char huck[] = HUCK_HDR
    "\"Sleep\",\"2026-02-24 05:15\",\"2026-02-24 "
    "06:25\",\"01:10\",,,,,\"Ana\"\n"
    "\"Feed\",\"2026-02-24 05:05\",\"2026-02-24 05:12\",\"00:07\",,\"Breast\","
    "\"00:07L\",,\"Ana\"\n"
    "\"Sleep\",\"2026-02-24 00:00\",\"2026-02-24 "
    "05:00\",\"05:00\",,,,,\"Ana\"\n"
    "\"Feed\",\"2026-02-23 23:52\",\"2026-02-24 00:01\",\"00:09\",\"00:09R\","
    "\"Breast\",,,\"Ana\"\n"
    "\"Sleep\",\"2026-02-23 20:20\",\"2026-02-23 23:49\",\"03:29\","
    "\"Happy, under_10_minutes\",\"Nursing, worn or held\","
    "\"Upset, woke up child\",\"Dormiu bem\",\"Ana\"\n"
    "\"Diaper\",\"2026-02-23 19:00\",,,,,,,\"Ana\"\n"
    "\"Sleep\",\"2026-02-23 13:00\",\"2026-02-23 14:00\",\"01:00\",,\"Car\",,,"
    "\"Ana\"\n"
    "\"Sleep\",\"2026-02-23 13:30\",\"2026-02-23 "
    "14:30\",\"01:00\",,,,,\"Ana\"\n"
    "\"Sleep\",\"2026-02-23 13:00\",\"2026-02-23 "
    "13:50\",\"00:50\",,,,,\"Ana\"\n"
    "\"Solids\",\"2026-02-23 12:00\",,,\"Banana, oats\",,,,\"Ana\"\n";

#define NOW_2026 IFX_NOW(2026, 11, 1)

static void
huckleberry_rules(void)
{
	struct lull_sleep s;

	if (ifx_open("America/Sao_Paulo", "Bia",
		lull_days_from_civil(2025, 6, 20), NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("data.csv", huck, NULL), LULL_OK);
	T_EQ_INT(fx.rep.rows, 10);
	T_EQ_INT(fx.rep.sleep_rows, 6);
	T_EQ_INT(fx.rep.feed_rows, 3);
	T_EQ_INT(fx.rep.sleeps, 2);
	T_EQ_INT(fx.rep.wakings, 2);
	T_EQ_INT(fx.rep.feeds, 3);
	T_EQ_INT(fx.rep.feeds_by_kind[LULL_FEED_SOLIDS], 1);
	T_EQ_INT(fx.rep.joined_gap, 2);
	T_EQ_INT(fx.rep.dups, 1);
	T_EQ_INT(fx.rep.overlaps_merged, 1);
	T_EQ_INT(ifx_reason(&fx.rep, "Huckleberry Diaper"), 1);
	T_CHECK(ifx_accounted(&fx.rep));
	T_EQ_INT(ifx_count_sleeps(), 2);
	T_EQ_INT(ifx_count_feeds(), 3);

	/* The night: one sleep, two wakings answered by the feeds. */
	T_EQ_INT(ifx_sleep_at(ifx_at(2026, 2, 23, 20, 20), &s), 0);
	T_EQ_INT(s.end_utc, ifx_at(2026, 2, 24, 6, 25));
	T_EQ_INT(s.kind, LULL_SLEEP_NIGHT);
	T_EQ_INT(s.nwakings, 2);
	if (s.nwakings == 2) {
		T_EQ_INT(s.wakings[0].start_utc, ifx_at(2026, 2, 23, 23, 49));
		T_EQ_INT(s.wakings[0].end_utc, ifx_at(2026, 2, 24, 0, 0));
		T_EQ_INT(s.wakings[0].response, LULL_RESP_FEED);
		T_EQ_INT(s.wakings[1].response, LULL_RESP_FEED);
	}
	/* "Nursing, worn or held": fed and held, the words kept. */
	T_EQ_INT(s.onset, (1u << LULL_ONSET_FED) | (1u << LULL_ONSET_HELD));
	T_CHECK(s.note != NULL && strstr(s.note, "Dormiu bem") != NULL);
	T_CHECK(s.note != NULL &&
	    strstr(s.note, "start condition: Happy, under_10_minutes") != NULL);
	T_CHECK(s.note != NULL &&
	    strstr(s.note, "start location: Nursing, worn or held") != NULL);
	lull_sleep_free(&s);

	/* The nap logged three times: one sleep, the overlaps merged. */
	T_EQ_INT(ifx_sleep_at(ifx_at(2026, 2, 23, 13, 0), &s), 0);
	T_EQ_INT(s.end_utc, ifx_at(2026, 2, 23, 14, 30));
	T_EQ_INT(s.onset, 1u << LULL_ONSET_CAR);
	T_EQ_INT(s.place, LULL_PLACE_CAR_SEAT);
	lull_sleep_free(&s);

	/* Again: nothing new. */
	T_EQ_INT(ifx_import_text("data.csv", huck, NULL), LULL_OK);
	T_EQ_INT(fx.rep.sleeps + fx.rep.feeds, 0);
	T_EQ_INT(fx.rep.existing, 7); /* 2 sleeps, 2 joined, 3 feeds */
	T_CHECK(ifx_accounted(&fx.rep));
	T_EQ_INT(ifx_count_sleeps(), 2);
	T_EQ_INT(ifx_count_feeds(), 3);
	ifx_close();
}

static void
no_join(void)
{
	struct lull_import_opts o = { 0 };

	o.no_join = 1;
	if (ifx_open("America/Sao_Paulo", "Bia", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("data.csv", huck, &o), LULL_OK);
	T_EQ_INT(fx.rep.joined_gap, 0);
	T_EQ_INT(fx.rep.sleeps, 4);
	T_EQ_INT(fx.rep.wakings, 0);
	T_CHECK(ifx_accounted(&fx.rep));
	ifx_close();
}

/* An older export that ends in the night, then the full one. */
static void
newer_export_over_older(void)
{
	const char *older = strstr(huck, "\"Sleep\",\"2026-02-23 20:20\"");
	char buf[sizeof(huck)];
	struct lull_sleep s;

	snprintf(buf, sizeof(buf), "%s%s", HUCK_HDR, older);
	if (ifx_open("America/Sao_Paulo", "Bia", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("old.csv", buf, NULL), LULL_OK);
	T_EQ_INT(fx.rep.sleeps, 2);
	T_EQ_INT(ifx_import_text("new.csv", huck, NULL), LULL_OK);
	/* The stored part of the night stays; the rest comes in whole. */
	T_EQ_INT(fx.rep.existing, 3); /* two sleeps, the solids */
	T_EQ_INT(fx.rep.sleeps, 1);
	T_EQ_INT(fx.rep.feeds, 2);
	T_CHECK(ifx_accounted(&fx.rep));
	T_EQ_INT(ifx_count_sleeps(), 3);
	T_EQ_INT(ifx_sleep_at(ifx_at(2026, 2, 24, 0, 0), &s), 0);
	T_EQ_INT(s.end_utc, ifx_at(2026, 2, 24, 6, 25));
	T_EQ_INT(s.nwakings, 1);
	lull_sleep_free(&s);
	ifx_close();
}

static void
bad_row_rolls_back(void)
{
	char buf[sizeof(huck) + 200];

	snprintf(buf, sizeof(buf), "%s%s", huck,
	    "\"Sleep\",\"2026-02-30 10:00\",\"2026-02-30 11:00\",\"01:00\",,,,,"
	    "\n");
	if (ifx_open("America/Sao_Paulo", "Bia", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("data.csv", buf, NULL), LULL_EINVAL);
	T_CHECK(strstr(fx.ei.msg, "data.csv:12: column 2 (\"Start\")") != NULL);
	T_CHECK(strstr(fx.ei.msg, "2026-02-30") != NULL);
	T_EQ_INT(ifx_count_sleeps(), 0);
	T_EQ_INT(ifx_count_feeds(), 0);
	/* A bad duration names its column too. */
	snprintf(buf, sizeof(buf), "%s%s", HUCK_HDR,
	    "\"Sleep\",\"2026-02-03 10:00\",,\"ten\",,,,,\n");
	T_EQ_INT(ifx_import_text("d2.csv", buf, NULL), LULL_EINVAL);
	T_CHECK(strstr(fx.ei.msg, "d2.csv:2: column 4 (\"Duration\")") != NULL);
	ifx_close();
}

/* A store refusal inside the batch undoes the whole batch. */
static void
batch_all_or_nothing(void)
{
	struct lull_sleep v[3];
	size_t failed = 99, i;

	if (ifx_open("UTC", "Bia", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	for (i = 0; i < 3; i++) {
		lull_sleep_init(&v[i]);
		v[i].child_id = fx.child;
		v[i].start_utc = IFX_NOW(2026, 3, 1) + (int64_t)i * 7200;
		v[i].end_utc = v[i].start_utc + 3600;
	}
	v[2].start_utc = v[1].start_utc + 600; /* overlaps the second */
	T_EQ_INT(lull_store_begin(fx.st), LULL_OK);
	T_EQ_INT(lull_store_sleep_add_many(fx.st, v, 3, fx.tz, &fx.actor,
		     &failed),
	    LULL_ECONFLICT);
	T_EQ_INT(failed, 2);
	T_CHECK(strstr(lull_store_error(fx.st)->msg, "overlaps") != NULL);
	T_EQ_INT(v[0].id, 0);
	lull_store_rollback(fx.st);
	T_EQ_INT(ifx_count_sleeps(), 0);
	v[2].start_utc = v[1].start_utc + 3600;
	v[2].end_utc = v[2].start_utc + 60;
	T_EQ_INT(lull_store_sleep_add_many(fx.st, v, 3, fx.tz, &fx.actor,
		     &failed),
	    LULL_OK);
	T_CHECK(v[0].id > 0 && v[2].id > v[0].id);
	T_EQ_INT(ifx_count_sleeps(), 3);
	/* And against what is stored. */
	v[0].id = v[1].id = 0;
	T_EQ_INT(lull_store_sleep_add_many(fx.st, v, 1, fx.tz, &fx.actor,
		     &failed),
	    LULL_ECONFLICT);
	T_EQ_INT(ifx_count_sleeps(), 3);
	ifx_close();
}

/* Baby Buddy's table dump: a night split at 23:59 / 00:00, nap flags. */
static void
midnight_split(void)
{
	static const char bb[] = "id,child_id,start,end,nap,notes,tags\n"
				 "3,1,14/05/2025 00:00,14/05/2025 06:52,0,,\n"
				 "2,1,13/05/2025 19:44,13/05/2025 23:59,0,,\n"
				 "1,1,13/05/2025 12:30,13/05/2025 13:55,1,"
				 "In the pram,\n";
	struct lull_sleep s;

	if (ifx_open("Europe/London", "Mia", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("sleep.csv", bb, NULL), LULL_OK);
	T_EQ_INT(fx.rep.sleeps, 2);
	T_EQ_INT(fx.rep.joined_midnight, 1);
	T_EQ_INT(ifx_sleep_at(ifx_at(2025, 5, 13, 19, 44), &s), 0);
	T_EQ_INT(s.end_utc, ifx_at(2025, 5, 14, 6, 52));
	T_EQ_INT(s.nwakings, 0);
	T_EQ_INT(s.kind, LULL_SLEEP_NIGHT);
	T_EQ_INT(s.kind_given, 1);
	lull_sleep_free(&s);
	T_EQ_INT(ifx_sleep_at(ifx_at(2025, 5, 13, 12, 30), &s), 0);
	T_EQ_INT(s.kind, LULL_SLEEP_NAP);
	T_CHECK(s.note != NULL && strcmp(s.note, "In the pram") == 0);
	lull_sleep_free(&s);
	ifx_close();
}

/* Baby Tracker: dates that cannot be told apart, unless the file says. */
static void
date_orders(void)
{
	struct lull_import_opts o = { 0 };
	struct lull_sleep s;

	if (ifx_open("America/New_York", "Nell", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("name_sleep.csv",
		     "\xef\xbb\xbf"
		     "Baby,Time,Duration(minutes),Note\n"
		     "Nell,\"03/04/24, 8:10\xe2\x80\xafPM\",50\n",
		     NULL),
	    LULL_EINVAL);
	T_CHECK(strstr(fx.ei.msg, "name_sleep.csv:2") != NULL);
	T_CHECK(strstr(fx.ei.msg, "day-first or month-first") != NULL);
	T_CHECK(strstr(fx.ei.msg, "--date-order") != NULL);
	T_EQ_INT(ifx_count_sleeps(), 0);

	o.dates = LULL_DATES_DMY;
	T_EQ_INT(ifx_import_text("name_sleep.csv",
		     "Baby,Time,Duration(minutes),Note\n"
		     "Nell,\"03/04/24, 8:10\xe2\x80\xafPM\",50\n",
		     &o),
	    LULL_OK);
	T_EQ_INT(ifx_sleep_at(ifx_at(2024, 4, 3, 20, 10), &s), 0);
	T_EQ_INT(s.end_utc - s.start_utc, 50 * 60);
	lull_sleep_free(&s);

	/* Day-first with lower-case pm: a day above 12 settles the file,
	 * and "Duration (min)" is the other header. */
	T_EQ_INT(ifx_import_text("sleep2.csv",
		     "Baby,Time,Duration (min),Note\n"
		     "Nell,\"19/05/2024, 1:05 pm\",30,\n"
		     "Nell,\"05/05/2024, 1:05 pm\",30,Bassinet\n",
		     NULL),
	    LULL_OK);
	T_EQ_INT(ifx_sleep_at(ifx_at(2024, 5, 5, 13, 5), &s), 0);
	lull_sleep_free(&s);
	T_EQ_INT(ifx_sleep_at(ifx_at(2024, 5, 19, 13, 5), &s), 0);
	lull_sleep_free(&s);

	/* Only days of 12 or less, but the rows walk day by day only when
	 * read month-first. */
	T_EQ_INT(ifx_import_text("sleep3.csv",
		     "Baby,Time,Duration(minutes),Note\n"
		     "Nell,\"6/3/24, 20:10\",30\n"
		     "Nell,\"6/2/24, 20:10\",30\n"
		     "Nell,\"6/1/24, 20:10\",30\n",
		     NULL),
	    LULL_OK);
	T_EQ_INT(ifx_sleep_at(ifx_at(2024, 6, 2, 20, 10), &s), 0);
	lull_sleep_free(&s);

	/* Styles nobody should guess at. */
	T_EQ_INT(ifx_import_text("sleep4.csv",
		     "Baby,Time,Duration(minutes),Note\n"
		     "Nell,\"02.04.25 20h10\",30\n",
		     NULL),
	    LULL_EINVAL);
	T_CHECK(strstr(fx.ei.msg, "sleep4.csv:2: column 2 (\"Time\")") != NULL);
	T_EQ_INT(ifx_import_text("sleep5.csv",
		     "Baby,Time,Duration(minutes),Note\n"
		     "Nell,\"02.04.25 8:10 nachm.\",30\n",
		     NULL),
	    LULL_EINVAL);
	T_CHECK(strstr(fx.ei.msg, "another language") != NULL);
	T_EQ_INT(ifx_import_text("sleep6.csv",
		     "Baby,Time,Duration(minutes),Note\n"
		     "Nell,\"4/2/25, 13:10 AM\",30\n",
		     NULL),
	    LULL_EINVAL);
	ifx_close();
}

/* In-progress timers: the latest may be going on, no other. */
static void
in_progress(void)
{
	static const char bt[] = "Baby,Time,Duration(minutes),Note\n"
				 "Nell,\"10/31/26, 7:00 PM\",0\n"
				 "Nell,\"10/31/26, 1:00 PM\",0\n"
				 "Nell,\"10/31/26, 9:00 AM\",45\n";

	if (ifx_open("America/New_York", "Nell", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("name_sleep.csv", bt, NULL), LULL_OK);
	T_EQ_INT(fx.rep.sleeps, 2);
	T_EQ_INT(fx.rep.ongoing, 1);
	T_EQ_INT(ifx_reason(&fx.rep, "sleep of duration 0"), 1);
	T_CHECK(ifx_accounted(&fx.rep));
	ifx_close();
}

/*
 * Daylight saving, Berlin: a night across the fall-back change whose end
 * (02:30) happened twice.  The file's duration picks the occurrence;
 * without one, the first after the start.  A start in the spring gap is
 * read an hour later.
 */
static void
dst_nights(void)
{
	struct lull_sleep s;

	if (ifx_open("Europe/Berlin", "Mia", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("dst.csv",
		     HUCK_HDR
		     "\"Sleep\",\"2026-10-24 19:30\",\"2026-10-25 02:30\","
		     "\"08:00\",,,,,\n"
		     "\"Sleep\",\"2026-10-17 19:30\",\"2026-10-18 "
		     "02:30\",,,,,,\n"
		     "\"Sleep\",\"2026-03-29 02:30\",\"2026-03-29 04:00\","
		     "\"00:30\",,,,,\n",
		     NULL),
	    LULL_OK);
	T_EQ_INT(fx.rep.dst_overlap, 1);
	T_EQ_INT(fx.rep.dst_gap, 1);
	T_EQ_INT(ifx_sleep_at(ifx_at(2026, 10, 24, 19, 30), &s), 0);
	T_EQ_INT(s.end_utc - s.start_utc, 8 * 3600);
	lull_sleep_free(&s);
	T_EQ_INT(ifx_sleep_at(ifx_at(2026, 3, 29, 3, 30), &s), 0);
	T_EQ_INT(s.end_utc - s.start_utc, 30 * 60);
	lull_sleep_free(&s);
	T_EQ_INT(ifx_import_text("dst2.csv",
		     HUCK_HDR "\"Sleep\",\"2026-10-24 19:30\",\"2026-10-25 "
			      "02:30\",,,,,,\n",
		     NULL),
	    LULL_OK);
	/* Already there by its start, whatever the end. */
	T_EQ_INT(fx.rep.existing, 1);
	ifx_close();
	if (ifx_open("Europe/Berlin", "Mia", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("dst2.csv",
		     HUCK_HDR "\"Sleep\",\"2026-10-24 19:30\",\"2026-10-25 "
			      "02:30\",,,,,,\n",
		     NULL),
	    LULL_OK);
	T_EQ_INT(ifx_sleep_at(ifx_at(2026, 10, 24, 19, 30), &s), 0);
	T_EQ_INT(s.end_utc - s.start_utc, 7 * 3600);
	lull_sleep_free(&s);
	ifx_close();
}

/* Baby Buddy's REST API answer. */
static void
babybuddy_json(void)
{
	static const char js[] =
	    "{\"count\": 3, \"next\": null, \"previous\": null, \"results\": "
	    "[\n"
	    " {\"id\": 3, \"child\": 1, \"start\": "
	    "\"2024-01-02T19:00:00-05:00\","
	    "  \"end\": \"2024-01-03T06:30:00-05:00\", \"duration\": "
	    "\"11:30:00\", \"nap\": false, \"notes\": \"\", \"tags\": []},\n"
	    " {\"id\": 2, \"child\": 1, \"start\": "
	    "\"2024-01-02T18:00:00-05:00\","
	    "  \"end\": \"2024-01-02T18:20:00-05:00\", \"type\": \"formula\","
	    "  \"method\": \"bottle\", \"amount\": 120},\n"
	    " {\"id\": 1, \"child\": 1, \"start\": \"2024-01-02T13:00:00.5Z\","
	    "  \"end\": \"2024-01-02T14:00:00Z\", \"nap\": true}]}";
	struct lull_sleep s;
	struct lull_feedv fv = { 0 };

	if (ifx_open("America/New_York", "Leo", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("sleep.json", js, NULL), LULL_OK);
	T_EQ_INT(fx.rep.sleeps, 2);
	T_EQ_INT(fx.rep.feeds, 1);
	T_EQ_INT(ifx_sleep_at(ifx_at(2024, 1, 2, 19, 0), &s), 0);
	T_EQ_INT(s.kind, LULL_SLEEP_NIGHT);
	lull_sleep_free(&s);
	T_EQ_INT(lull_store_feed_range(fx.st, fx.hh, 0, 0, INT64_MAX, &fv),
	    LULL_OK);
	T_CHECK(fv.n == 1 && fv.v[0].kind == LULL_FEED_BOTTLE &&
	    fv.v[0].amount_ml == 120);
	lull_feedv_free(&fv);
	T_EQ_INT(ifx_import_text("bad.json",
		     "{\"results\": [{\"start\": \"yesterday\"}]}", NULL),
	    LULL_EINVAL);
	T_CHECK(strstr(fx.ei.msg, "bad.json: item 1: \"start\"") != NULL);
	ifx_close();
}

/* Every other format, a few rows each. */
static void
other_formats(void)
{
	struct lull_import_opts o = { 0 };
	struct lull_sleep s;

	if (ifx_open("America/New_York", "Juno", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	T_EQ_INT(ifx_import_text("sample.csv",
		     "Date and Time,End Time,Duration (min),Activity,Quantity,"
		     "Extra data,Text,Notes,Caregiver\n"
		     "3/1/25 8:05 PM,3/2/25 6:40 AM,635,Sleep,,,"
		     "Juno slept in her crib (10h35m),,M\n"
		     "3/1/25 7:20 PM,3/1/25 7:42 PM,22,Bottle,6.5,Formula,"
		     "Juno drank 6.5 oz of formula (22m),,P\n"
		     "3/1/25 1:10 PM,3/1/25 2:25 PM,75,Sleep,,,"
		     "Juno slept in the car seat (1h15m),,P\n"
		     "3/1/25 10:15 AM,3/1/25 10:31 AM,16,Nursing,,,"
		     "\"Juno nursed (7m left, 9m right)\",,M\n"
		     "3/1/25 9:00 AM,,,Diaper,,,Juno had a dirty diaper,,M\n",
		     NULL),
	    LULL_OK);
	T_EQ_INT(fx.rep.sleeps, 2);
	T_EQ_INT(fx.rep.feeds, 2);
	T_EQ_INT(ifx_sleep_at(ifx_at(2025, 3, 1, 13, 10), &s), 0);
	T_EQ_INT(s.place, LULL_PLACE_CAR_SEAT);
	lull_sleep_free(&s);
	T_CHECK(ifx_accounted(&fx.rep));

	T_EQ_INT(ifx_import_text("glow_sleep.csv",
		     "Begin time,End time\r\n"
		     "07/11/2025 8:04:00 PM,07/11/2025 11:41:00 PM\r\n"
		     "07/11/2025 11:52:00 PM,07/12/2025 5:18:00 AM\r\n",
		     NULL),
	    LULL_OK);
	T_EQ_INT(fx.rep.sleeps, 1);
	T_EQ_INT(fx.rep.wakings, 1);

	T_EQ_INT(ifx_import_text("data_Hatch.txt",
		     "Baby Name,Start Time,End Time,Activity,Amount,Percentile,"
		     "Duration,Info,Notes\r\n"
		     "=== BEGIN Feedings ===\r\n"
		     "Juno,06/13/2025 8:40 AM,06/13/2025 8:58 "
		     "AM,FEEDING,3.00oz,,"
		     "18 min,,\r\n"
		     "=== END Feedings ===\r\n"
		     "=== BEGIN Sleeps ===\r\n"
		     "Juno,06/13/2025 12:15 PM,06/13/2025 1:52 PM,SLEEP,,,"
		     "1 h 37 min,,\r\n"
		     "=== END Sleeps ===\r\n"
		     "=== BEGIN Weights ===\r\n"
		     "Juno,06/13/2025 7:30 PM,,WEIGHT,5lb 1.40oz,0,,,\r\n"
		     ",\r\n"
		     "=== END Weights ===\r\n",
		     NULL),
	    LULL_OK);
	T_EQ_INT(fx.rep.rows, 3);
	T_EQ_INT(fx.rep.sleeps, 1);
	T_EQ_INT(fx.rep.feeds, 1);

	o.format = "generic";
	o.map = "start=Began,end=Woke,type=What,note=Comment";
	T_EQ_INT(ifx_import_text("mine.csv",
		     "Began;Woke;What;Comment\n"
		     "2021-04-01 13:00;2021-04-01 14:00;nap;good\n"
		     "2021-04-01 15:00;;bottle;\n"
		     "2021-04-01 16:00;;bath;\n",
		     &o),
	    LULL_OK);
	T_EQ_INT(fx.rep.sleeps, 1);
	T_EQ_INT(fx.rep.feeds, 1);
	T_EQ_INT(fx.rep.skipped, 1);
	o.map = "start=Nope";
	T_EQ_INT(ifx_import_text("mine.csv", "Began,Woke\n", &o), LULL_EINVAL);
	T_CHECK(strstr(fx.ei.msg, "Nope") != NULL);

	/* Not an export at all. */
	T_EQ_INT(ifx_import_text("notes.txt", "dear diary\n", NULL),
	    LULL_EINVAL);
	T_CHECK(strstr(fx.ei.msg, "notes.txt") != NULL);
	ifx_close();
}

/* A zip of Baby Tracker CSVs, built here. */
static void
zip_of_csvs(void)
{
	static const char sleep_csv[] = "\xef\xbb\xbf"
					"Baby,Time,Duration(minutes),Note\n"
					"Nell,\"4/15/25, 3:40 PM\",45\n"
					"Nell,\"4/14/25, 12:55 PM\",38\n";
	static const char formula[] = "Baby,Time,Amount (ml),Note\n"
				      "Nell,\"4/15/25, 7:52 PM\",60\n";
	static const char diaper[] = "Baby,Time,Status,Note\n"
				     "Nell,\"4/15/25, 6:20 PM\",Wet\n";
	char path[160];
	zip_t *z;
	zip_source_t *zs;
	FILE *f;
	unsigned char *buf;
	long n;
	int err;
	struct lull_import_opts o = { 0 };
	struct lull_import_src src;

	if (ifx_open("America/New_York", "Nell", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	snprintf(path, sizeof(path), "%s/export.zip", fx.dir);
	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	T_CHECK(z != NULL);
	if (z == NULL) {
		ifx_close();
		return;
	}
	zs = zip_source_buffer(z, sleep_csv, sizeof(sleep_csv) - 1, 0);
	T_CHECK(zip_file_add(z, "name_sleep.csv", zs, 0) >= 0);
	zs = zip_source_buffer(z, formula, sizeof(formula) - 1, 0);
	T_CHECK(zip_file_add(z, "name_formula.csv", zs, 0) >= 0);
	zs = zip_source_buffer(z, diaper, sizeof(diaper) - 1, 0);
	T_CHECK(zip_file_add(z, "name_diaper.csv", zs, 0) >= 0);
	T_EQ_INT(zip_close(z), 0);
	f = fopen(path, "rb");
	T_CHECK(f != NULL);
	if (f == NULL) {
		ifx_close();
		return;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n);
	T_EQ_INT(fread(buf, 1, (size_t)n, f), n);
	fclose(f);
	src.name = "export.zip";
	src.data = buf;
	src.len = (size_t)n;
	src.optional = 0;
	lull_import_report_free(&fx.rep);
	T_EQ_INT(lull_import(fx.st, fx.hh, fx.tz, &src, 1, &o, &fx.actor,
		     &fx.rep, &fx.ei),
	    LULL_OK);
	T_EQ_INT(fx.rep.nfiles, 3);
	T_EQ_INT(fx.rep.sleeps, 2);
	T_EQ_INT(fx.rep.feeds, 1);
	T_EQ_INT(fx.rep.skipped, 1);
	T_CHECK(fx.rep.nfiles > 0 &&
	    strcmp(fx.rep.files[0].name, "export.zip:name_sleep.csv") == 0);
	/* A damaged zip is an error, not an empty import. */
	src.len = (size_t)n / 2;
	lull_import_report_free(&fx.rep);
	T_EQ_INT(lull_import(fx.st, fx.hh, fx.tz, &src, 1, &o, &fx.actor,
		     &fx.rep, &fx.ei),
	    LULL_EINVAL);
	T_CHECK(strstr(fx.ei.msg, "export.zip") != NULL);
	free(buf);
	ifx_close();
}

/* Which child: by name, the only one, or --child; else an error. */
static void
children(void)
{
	struct lull_import_opts o = { 0 };
	struct lull_child k;
	int64_t id;
	static const char two[] = "Baby,Time,Duration(minutes),Note\n"
				  "Ada,\"9/19/24, 4:50 PM\",50\n"
				  "Bo,\"9/19/24, 4:50 PM\",20\n";

	if (ifx_open("UTC", "Ada", BORN_EARLY, NOW_2026) != 0) {
		T_CHECK(0);
		return;
	}
	/* Bo is not in the journal. */
	T_EQ_INT(ifx_import_text("s.csv", two, NULL), LULL_ENOTFOUND);
	T_CHECK(strstr(fx.ei.msg, "\"Bo\"") != NULL);
	/* --child takes Ada's rows only. */
	o.child = "ada";
	T_EQ_INT(ifx_import_text("s.csv", two, &o), LULL_OK);
	T_EQ_INT(fx.rep.sleeps, 1);
	T_EQ_INT(ifx_reason(&fx.rep, "for another child"), 1);
	lull_child_init(&k);
	k.household_id = fx.hh;
	k.name = (char[]){ "Bo" };
	k.born_day = 19800;
	T_EQ_INT(lull_store_child_add(fx.st, &k, fx.tz, &fx.actor, &id),
	    LULL_OK);
	T_EQ_INT(ifx_import_text("s.csv", two, NULL), LULL_OK);
	T_EQ_INT(fx.rep.sleeps, 1);
	T_EQ_INT(fx.rep.existing, 1);
	/* Two children and a file that names none. */
	T_EQ_INT(ifx_import_text("glow_sleep.csv",
		     "Begin time,End time\n"
		     "02/22/2021 8:23:00 PM,02/22/2021 11:30:00 PM\n",
		     NULL),
	    LULL_EINVAL);
	T_CHECK(strstr(fx.ei.msg, "--child") != NULL);
	ifx_close();
}

static const struct t_case cases[] = {
	{ "huckleberry: joins, duplicates, overlaps, words",
	    huckleberry_rules },
	{ "--no-join keeps sessions apart", no_join },
	{ "a newer export over an older one", newer_export_over_older },
	{ "a bad row rolls back, naming line and column", bad_row_rolls_back },
	{ "store batch: all or nothing", batch_all_or_nothing },
	{ "baby buddy: a night split at midnight", midnight_split },
	{ "date orders decided or refused", date_orders },
	{ "timers still running", in_progress },
	{ "daylight-saving nights", dst_nights },
	{ "baby buddy API JSON", babybuddy_json },
	{ "baby connect, glow, hatch, generic", other_formats },
	{ "a zip of baby tracker files", zip_of_csvs },
	{ "which child", children },
};

T_MAIN(cases)
