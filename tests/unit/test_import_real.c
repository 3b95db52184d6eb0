/*
 * Every real export in ../shared/data/real imports: its rows are all
 * accounted for (written, joined, deduplicated, merged, or left out with a
 * reason), the counts match the source files (their SOURCE.md), chosen
 * rows land where they should (first and last rows, a night split at
 * midnight, a multi-valued condition, daylight-saving nights), and a
 * second import adds nothing.
 *
 * The data is read from ../shared/data/real (relative to the project
 * root, where tests run) and never copied into the project.  Where it is
 * absent (CI without the shared folder), every case says "skipped" and
 * passes.  The zones are where the families most likely lived; the
 * counts do not depend on them, the spot checks are written in them.
 * SPDX-License-Identifier: ISC
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/import.h"

#include "import_fx.h"
#include "t.h"

#define REAL "../shared/data/real"
#define NOW  IFX_NOW(2026, 11, 1)

struct set {
	struct lull_import_src v[32];
	size_t n;
};

static int
present(void)
{
	struct stat sb;

	if (stat(REAL, &sb) == 0 && S_ISDIR(sb.st_mode))
		return 1;
	printf("skipped: %s not found (the real exports are not here)\n", REAL);
	return 0;
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) &&
	    fread(buf, 1, (size_t)n, f) == (size_t)n)
		*len = (size_t)n;
	else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static int
visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Every file of a dataset's folder, as "lull import FOLDER" reads it. */
static int
load(const char *dir, struct set *s)
{
	struct dirent **e;
	char path[512];
	int i, n;

	memset(s, 0, sizeof(*s));
	snprintf(path, sizeof(path), "%s/%s", REAL, dir);
	if ((n = scandir(path, &e, visible, alphasort)) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s/%s", REAL, dir,
		    e[i]->d_name);
		if (s->n < 32 && strstr(e[i]->d_name, ".") != NULL) {
			s->v[s->n].name = strdup(path);
			s->v[s->n].data = slurp(path, &s->v[s->n].len);
			s->v[s->n].optional = 1;
			if (s->v[s->n].data != NULL)
				s->n++;
			else
				free((char *)(uintptr_t)s->v[s->n].name);
		}
		free(e[i]);
	}
	free(e);
	return 0;
}

static void
unload(struct set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free((char *)(uintptr_t)s->v[i].name);
		free((unsigned char *)(uintptr_t)s->v[i].data);
	}
	s->n = 0;
}

static enum lull_err
run(struct set *s)
{
	struct lull_import_opts o = { 0 };

	lull_import_report_free(&fx.rep);
	return lull_import(fx.st, fx.hh, fx.tz, s->v, s->n, &o, &fx.actor,
	    &fx.rep, &fx.ei);
}

/* Import, check the accounting, then import again: nothing new. */
static int
both_ways(struct set *s)
{
	size_t first, sleeps;

	if (run(s) != LULL_OK) {
		fprintf(stderr, "import: %s\n", fx.ei.msg);
		return -1;
	}
	T_CHECK(ifx_accounted(&fx.rep));
	T_EQ_INT(ifx_count_sleeps(), fx.rep.sleeps);
	T_EQ_INT(ifx_count_feeds(), fx.rep.feeds);
	/* The second time, every session of a joined night is found
	 * inside the night stored the first time. */
	first = fx.rep.sleeps + fx.rep.feeds + fx.rep.joined_midnight +
	    fx.rep.joined_gap;
	sleeps = fx.rep.sleeps;
	T_CHECK(sleeps > 0);
	{
		struct lull_import_report keep = fx.rep;

		memset(&fx.rep, 0, sizeof(fx.rep));
		T_EQ_INT(run(s), LULL_OK);
		T_EQ_INT(fx.rep.sleeps + fx.rep.feeds, 0);
		T_EQ_INT(fx.rep.existing, first);
		T_EQ_INT(fx.rep.existing_overlap, 0);
		T_CHECK(ifx_accounted(&fx.rep));
		T_EQ_INT(ifx_count_sleeps(), sleeps);
		lull_import_report_free(&fx.rep);
		fx.rep = keep;
	}
	return 0;
}

static int
open_set(const char *zone, const char *child, int y, int m, int d,
    const char *dir, struct set *s)
{
	if (ifx_open(zone, child, lull_days_from_civil(y, m, d), NOW) != 0 ||
	    load(dir, s) != 0 || s->n == 0) {
		T_CHECK(0);
		return -1;
	}
	return 0;
}

static void
huckleberry(void)
{
	struct lull_sleep sl;
	struct set s;

	if (!present() ||
	    open_set("America/Sao_Paulo", "Bia", 2025, 6, 20,
		"huckleberry-fjuniorr", &s) != 0)
		return;
	if (both_ways(&s) == 0) {
		/* SOURCE.md: Sleep 1958, Feed 1664, Diaper 195, Meds 33,
		 * Bath 21, Pump 10, Growth 8, Temp 7, Solids 3. */
		T_EQ_INT(fx.rep.rows, 3899);
		T_EQ_INT(fx.rep.sleep_rows, 1958);
		T_EQ_INT(fx.rep.feed_rows, 1664 + 3);
		T_EQ_INT(ifx_reason(&fx.rep, "Huckleberry Diaper"), 195);
		T_EQ_INT(ifx_reason(&fx.rep, "Huckleberry Meds"), 33);
		T_EQ_INT(ifx_reason(&fx.rep, "Huckleberry Pump"), 10);
		T_EQ_INT(fx.rep.skipped, 195 + 33 + 21 + 10 + 8 + 7);
		T_EQ_INT(fx.rep.feeds_by_kind[LULL_FEED_SOLIDS], 3);
		/* The first row (05:15-06:25) ends the night it belongs
		 * to: 20:20-23:49, 00:00-05:07, 05:15-06:25, with feeds in
		 * both wakings. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2026, 2, 23, 20, 20), &sl), 0);
		T_EQ_INT(sl.end_utc, ifx_at(2026, 2, 24, 6, 25));
		T_EQ_INT(sl.nwakings, 2);
		if (sl.nwakings == 2) {
			T_EQ_INT(sl.wakings[0].start_utc,
			    ifx_at(2026, 2, 23, 23, 49));
			T_EQ_INT(sl.wakings[0].response, LULL_RESP_FEED);
			T_EQ_INT(sl.wakings[1].start_utc,
			    ifx_at(2026, 2, 24, 5, 7));
			T_EQ_INT(sl.wakings[1].response, LULL_RESP_FEED);
		}
		lull_sleep_free(&sl);
		/* The last row: the first sleep ever logged. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2025, 7, 11, 8, 45), &sl), 0);
		T_EQ_INT(sl.end_utc, ifx_at(2025, 7, 11, 9, 20));
		lull_sleep_free(&sl);
		/* A multi-valued location: "Nursing, worn or held". */
		T_EQ_INT(ifx_sleep_at(ifx_at(2025, 9, 2, 10, 34), &sl), 0);
		T_EQ_INT(sl.end_utc, ifx_at(2025, 9, 2, 11, 24));
		T_EQ_INT(sl.onset,
		    (1u << LULL_ONSET_FED) | (1u << LULL_ONSET_HELD));
		T_CHECK(sl.note != NULL &&
		    strstr(sl.note, "Dormiu no colo mamando") != NULL);
		T_CHECK(sl.note != NULL &&
		    strstr(sl.note, "start location: Nursing, worn or held"));
		lull_sleep_free(&sl);
	}
	unload(&s);
	ifx_close();
}

static void
babybuddy(void)
{
	struct lull_sleep sl;
	struct set s;

	if (!present() ||
	    open_set("Europe/London", "Mia", 2023, 8, 15, "babybuddy-druelens",
		&s) != 0)
		return;
	if (both_ways(&s) == 0) {
		/* SOURCE.md: 1476 sleep rows; the ids of feeding and diaper
		 * run to 2438 and 1071, but the files hold 2419 and 1038
		 * rows (ids have gaps). */
		T_EQ_INT(fx.rep.sleep_rows, 1476);
		T_EQ_INT(fx.rep.feed_rows, 2419);
		T_EQ_INT(ifx_reason(&fx.rep, "Baby Buddy diaper"), 1038);
		/* 14 sleeps of zero length (start = end). */
		T_EQ_INT(ifx_reason(&fx.rep, "zero-length sleep"), 14);
		/* 126 nights end at 23:59 and go on at 00:00. */
		T_EQ_INT(fx.rep.joined_midnight, 126);
		/* A night split at midnight, joined. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2024, 2, 25, 19, 36), &sl), 0);
		T_EQ_INT(sl.end_utc, ifx_at(2024, 2, 26, 7, 36));
		T_EQ_INT(sl.nwakings, 0);
		T_EQ_INT(sl.kind, LULL_SLEEP_NIGHT);
		lull_sleep_free(&sl);
		/* First row: the nap right after that night. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2024, 2, 26, 7, 36), &sl), 0);
		T_EQ_INT(sl.end_utc, ifx_at(2024, 2, 26, 8, 4));
		T_EQ_INT(sl.kind, LULL_SLEEP_NAP);
		lull_sleep_free(&sl);
		/* Last row: the first sleep logged, a nap. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2023, 9, 5, 17, 15), &sl), 0);
		T_EQ_INT(sl.end_utc, ifx_at(2023, 9, 5, 20, 0));
		T_EQ_INT(sl.kind, LULL_SLEEP_NAP);
		lull_sleep_free(&sl);
		/* The clocks went back in the night of 28 October 2023:
		 * 21:06 BST to 06:02 GMT is 9h56m asleep and awake. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2023, 10, 28, 21, 6), &sl), 0);
		T_EQ_INT(sl.end_utc - sl.start_utc, 9 * 3600 + 56 * 60);
		T_EQ_INT(sl.nwakings, 1);
		lull_sleep_free(&sl);
	}
	unload(&s);
	ifx_close();
}

static void
babyconnect(void)
{
	struct lull_sleep sl;
	struct set s;

	if (!present() ||
	    open_set("America/Los_Angeles", "Eva", 2019, 12, 15,
		"babyconnect-eva", &s) != 0)
		return;
	if (both_ways(&s) == 0) {
		/* SOURCE.md: Sleep 1859, Bottle 1331, Nursing 986, Solid 10,
		 * Height/Weight/Head Size 17, Milestone 2, other 2. */
		T_EQ_INT(fx.rep.rows, 4207);
		T_EQ_INT(fx.rep.sleep_rows, 1859);
		T_EQ_INT(fx.rep.feed_rows, 1331 + 986 + 10);
		T_EQ_INT(ifx_reason(&fx.rep, "Baby Connect Height"), 17);
		/* The one sleep without an end, the oldest row. */
		T_EQ_INT(ifx_reason(&fx.rep, "sleep with no end time"), 1);
		/* Its three overlaps are one sleep logged twice. */
		T_CHECK(fx.rep.dups >= 3);
		/* First row: a night in her crib. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2020, 12, 12, 19, 47), &sl), 0);
		T_EQ_INT(sl.end_utc, ifx_at(2020, 12, 13, 7, 20));
		T_CHECK(sl.note != NULL && strstr(sl.note, "in her crib"));
		lull_sleep_free(&sl);
		/* Spring forward, 8 March 2020: three sessions from 20:04
		 * PST to 07:55 PDT are one night of 10h51m (11h51m on the
		 * clock), with feeds in both wakings. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2020, 3, 7, 20, 4), &sl), 0);
		T_EQ_INT(sl.end_utc, ifx_at(2020, 3, 8, 7, 55));
		T_EQ_INT(sl.end_utc - sl.start_utc, 10 * 3600 + 51 * 60);
		T_EQ_INT(sl.nwakings, 2);
		if (sl.nwakings == 2) {
			T_EQ_INT(sl.wakings[1].start_utc,
			    ifx_at(2020, 3, 7, 22, 19));
			T_EQ_INT(sl.wakings[1].response, LULL_RESP_FEED);
		}
		lull_sleep_free(&sl);
	}
	unload(&s);
	ifx_close();
}

static void
babytracker(void)
{
	struct lull_sleep sl;
	struct set s;

	if (!present() ||
	    open_set("America/New_York", "Margot", 2024, 6, 25,
		"babytracker-grossmann", &s) != 0)
		return;
	if (both_ways(&s) == 0) {
		/* SOURCE.md: 700 sleep rows, 7 of duration 0 (the top one
		 * still running at export). */
		T_EQ_INT(fx.rep.sleep_rows, 700);
		T_EQ_INT(ifx_reason(&fx.rep, "sleep timer still running"), 1);
		T_EQ_INT(ifx_reason(&fx.rep, "sleep of duration 0"), 6);
		T_EQ_INT(fx.rep.feed_rows, 410 + 728 + 5);
		T_EQ_INT(fx.rep.feeds_by_kind[LULL_FEED_BREAST], 5);
		T_EQ_INT(ifx_reason(&fx.rep, "Baby Tracker pumping"), 412);
		/* The first finished row, and the last row. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2024, 9, 19, 16, 50), &sl), 0);
		T_EQ_INT(sl.end_utc - sl.start_utc, 50 * 60);
		lull_sleep_free(&sl);
		T_EQ_INT(ifx_sleep_at(ifx_at(2024, 6, 27, 22, 26), &sl), 0);
		lull_sleep_free(&sl);
		/* An overlap (16:04+25 and 16:20+23) merged into one. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2024, 7, 10, 16, 4), &sl), 0);
		T_EQ_INT(sl.end_utc, ifx_at(2024, 7, 10, 16, 43));
		lull_sleep_free(&sl);
	}
	unload(&s);
	ifx_close();
}

static void
glow(const char *dir, const char *name, int y, int m, int d, size_t sleep_rows)
{
	struct set s;

	if (!present() ||
	    open_set("America/New_York", name, y, m, d, dir, &s) != 0)
		return;
	if (both_ways(&s) == 0) {
		T_EQ_INT(fx.rep.sleep_rows, sleep_rows);
		T_CHECK(fx.rep.overlaps_merged + fx.rep.overlaps_dropped +
			fx.rep.dups >
		    0);
		T_CHECK(ifx_reason(&fx.rep, "Glow diaper") > 0);
	}
	unload(&s);
	ifx_close();
}

static void
glow_zlw(void)
{
	struct lull_sleep sl;

	/* SOURCE.md: 4541 sleep sessions. */
	glow("glow-agenoria/zlw", "Zlw", 2022, 2, 21, 4541);
	if (!present() || ifx_open("America/New_York", "Zlw", 19000, NOW))
		return;
	/* A night of brief resettles, written like the family's (newest
	 * first): 20:01-20:02, 20:04-23:41, 23:52-05:18. */
	T_EQ_INT(ifx_import_text("glow_sleep.csv",
		     "Begin time,End time\n"
		     "07/11/2025 11:52:00 PM,07/12/2025 5:18:00 AM\n"
		     "07/11/2025 8:04:00 PM,07/11/2025 11:41:00 PM\n"
		     "07/11/2025 8:01:00 PM,07/11/2025 8:02:00 PM\n",
		     NULL),
	    LULL_OK);
	T_EQ_INT(ifx_sleep_at(ifx_at(2025, 7, 11, 20, 1), &sl), 0);
	T_EQ_INT(sl.end_utc, ifx_at(2025, 7, 12, 5, 18));
	T_EQ_INT(sl.nwakings, 2);
	lull_sleep_free(&sl);
	ifx_close();
}

static void
glow_zyw(void)
{
	/* SOURCE.md: 5139 sessions, and one Sleep row in hatch.csv. */
	glow("glow-agenoria/zyw", "Zyw", 2018, 11, 21, 5139 + 1);
}

static void
hatch(void)
{
	struct lull_sleep sl;
	struct set s;

	if (!present() ||
	    open_set("America/New_York", "Patrick", 2020, 8, 9, "hatch-datita",
		&s) != 0)
		return;
	if (both_ways(&s) == 0) {
		/* SOURCE.md: 635 SLEEP, 1275 FEEDING, 820 DIAPER, 113
		 * WEIGHT, 8 LENGTH. */
		T_EQ_INT(fx.rep.sleep_rows, 635);
		T_EQ_INT(fx.rep.feed_rows, 1275);
		T_EQ_INT(ifx_reason(&fx.rep, "Hatch diaper"), 820);
		T_EQ_INT(ifx_reason(&fx.rep, "Hatch weight and length"),
		    113 + 8);
		/* First sleep row and last. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2020, 9, 21, 13, 0), &sl), 0);
		T_EQ_INT(sl.end_utc, ifx_at(2020, 9, 21, 14, 48));
		lull_sleep_free(&sl);
		/* Fall back, 1 November 2020: the end 1:22 AM happened
		 * twice; the row's "4 h 37 min" says the first time. */
		T_EQ_INT(ifx_sleep_at(ifx_at(2020, 10, 31, 20, 45), &sl), 0);
		T_EQ_INT(sl.end_utc - sl.start_utc, 4 * 3600 + 37 * 60);
		lull_sleep_free(&sl);
	}
	unload(&s);
	ifx_close();
}

static const struct t_case cases[] = {
	{ "huckleberry-fjuniorr", huckleberry },
	{ "babybuddy-druelens", babybuddy },
	{ "babyconnect-eva", babyconnect },
	{ "babytracker-grossmann", babytracker },
	{ "glow-agenoria/zlw", glow_zlw },
	{ "glow-agenoria/zyw", glow_zyw },
	{ "hatch-datita", hatch },
};

T_MAIN(cases)
