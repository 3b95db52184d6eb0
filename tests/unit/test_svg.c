/*
 * The SVG charts: escaping at the one choke point, a child whose name
 * would break the markup, the accessible parts (title, desc, role), a
 * daylight-saving day and an ongoing sleep drawn without negative sizes,
 * and every document well-formed XML (checked with xmllint when it is
 * installed; scripts/deps.sh installs it).
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lull/cal.h"
#include "lull/stats.h"
#include "lull/svg.h"
#include "lull/tzload.h"
#include "t.h"

static struct lull_tz *berlin;
static int32_t base;

static const char *const NAME = "<Mia & \"co\"> 'x'";

static int64_t
T(int d, int hh, int mm)
{
	int64_t utc;

	(void)lull_tz_resolve(berlin, base + d, hh * 3600 + mm * 60,
	    LULL_FOLD_EARLIER, &utc);
	return utc;
}

static struct lull_sleep *
add(struct lull_sleepv *v, int64_t a, int64_t b)
{
	struct lull_sleep s;

	lull_sleep_init(&s);
	s.id = (int64_t)v->n + 1;
	s.child_id = 1;
	s.start_utc = a;
	s.end_utc = b;
	if (lull_sleepv_push(v, &s) != LULL_OK)
		abort();
	return &v->v[v->n - 1];
}

static void
test_escape(void)
{
	char buf[64];

	T_EQ_INT(lull_xml_escape(buf, sizeof(buf), "a<b&c>\"'"), 27);
	T_EQ_STR(buf, "a&lt;b&amp;c&gt;&quot;&#39;");
	/* UTF-8 stays; bad bytes become U+FFFD; controls go. */
	lull_xml_escape(buf, sizeof(buf), "Zo\xc3\xab");
	T_EQ_STR(buf, "Zo\xc3\xab");
	lull_xml_escape(buf, sizeof(buf), "a\xff" "b\x01" "c\xc3");
	T_EQ_STR(buf, "a\xef\xbf\xbd" "bc\xef\xbf\xbd");
	lull_xml_escape(buf, sizeof(buf), "\xed\xa0\x80"); /* surrogate */
	T_EQ_STR(buf, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	/* Truncated output, full length returned, always terminated. */
	T_EQ_INT(lull_xml_escape(buf, 4, "&&"), 10);
	T_EQ_STR(buf, "&am");
	T_EQ_INT(lull_xml_escape(NULL, 0, "<"), 4);
}

/* Well-formed XML, by xmllint if it is here. */
static int
xml_ok(const char *svg, size_t len)
{
	char path[] = "/tmp/lull-test-svg-XXXXXX", cmd[128];
	FILE *f;
	int fd, rc;

	if (system("command -v xmllint >/dev/null 2>&1") != 0) {
		printf("skipped: xmllint not installed (scripts/deps.sh)\n");
		return 1;
	}
	if ((fd = mkstemp(path)) < 0 || (f = fdopen(fd, "w")) == NULL)
		return 0;
	fwrite(svg, 1, len, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "xmllint --noout %s", path);
	rc = system(cmd);
	unlink(path);
	return rc == 0;
}

static void
check_common(const char *svg, size_t len)
{
	T_CHECK(strlen(svg) == len);
	T_CHECK(xml_ok(svg, len));
	T_CHECK(strstr(svg, "role=\"img\"") != NULL);
	T_CHECK(strstr(svg, "aria-labelledby=\"title desc\"") != NULL);
	T_CHECK(strstr(svg, "<title id=\"title\">") != NULL);
	T_CHECK(strstr(svg, "<desc id=\"desc\">") != NULL);
	T_CHECK(strstr(svg, "viewBox=\"0 0 360 ") != NULL);
	/* The name, escaped, and never raw. */
	T_CHECK(strstr(svg, "&lt;Mia &amp; &quot;co&quot;&gt; &#39;x&#39;") !=
	    NULL);
	T_CHECK(strstr(svg, "<Mia") == NULL);
	T_CHECK(strstr(svg, "width=\"-") == NULL);
	T_CHECK(strstr(svg, "height=\"-") == NULL);
	T_CHECK(strstr(svg, "nan") == NULL);
}

/*
 * Berlin around the October clock change: a night across it with a
 * waking, naps, feeds, and a night still going on at the end.
 */
static void
test_diary(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_feedv fv = { 0 };
	struct lull_svg_diary in;
	struct lull_errinfo ei;
	struct lull_waking w;
	struct lull_feed f;
	struct lull_child c;
	struct lull_sleep *n;
	char *svg;
	size_t len;

	base = lull_days_from_civil(2026, 10, 23);
	lull_child_init(&c);
	c.born_day = base - 200;
	add(&sv, T(0, 9, 0), T(0, 10, 0));
	n = add(&sv, T(0, 19, 30), T(1, 6, 30));
	lull_waking_init(&w);
	w.start_utc = T(1, 2, 0);
	w.end_utc = T(1, 2, 20);
	w.response = LULL_RESP_FEED;
	T_EQ_INT(lull_sleep_add_waking(n, &w), LULL_OK);
	add(&sv, T(1, 13, 0), T(1, 14, 0));
	add(&sv, T(1, 19, 30), T(2, 6, 45)); /* across the change */
	add(&sv, T(2, 19, 30), LULL_NO_TIME);
	lull_feed_init(&f);
	f.start_utc = T(1, 2, 0);
	T_EQ_INT(lull_feedv_push(&fv, &f), LULL_OK);
	memset(&in, 0, sizeof(in));
	in.tz = berlin;
	in.child_name = NAME;
	in.child = &c;
	in.sleeps = &sv;
	in.feeds = &fv;
	in.from_day = base;
	in.to_day = base + 2;
	in.now_utc = T(2, 23, 0);
	T_EQ_INT(lull_svg_diary(&in, &svg, &len, &ei), LULL_OK);
	check_common(svg, len);
	/* Text alternatives: the rows in words, marks with titles. */
	T_CHECK(strstr(svg, "Fri 23 Oct 2026: naps 09:00-10:00; night from "
			    "19:30; 1 waking, 0 feeds.") != NULL);
	T_CHECK(strstr(svg, "Woke 02:00 to 02:20: fed") != NULL);
	T_CHECK(strstr(svg, "Feed at 02:00 (breast)") != NULL);
	T_CHECK(strstr(svg, "still asleep") != NULL);
	free(svg);
	in.to_day = base - 1;
	T_EQ_INT(lull_svg_diary(&in, &svg, &len, &ei), LULL_EINVAL);
	in.to_day = base + 400;
	T_EQ_INT(lull_svg_diary(&in, &svg, &len, &ei), LULL_EINVAL);
	/* Nothing logged at all: still a valid chart. */
	in.to_day = base;
	in.sleeps = NULL;
	in.feeds = NULL;
	T_EQ_INT(lull_svg_diary(&in, &svg, &len, &ei), LULL_OK);
	check_common(svg, len);
	T_CHECK(strstr(svg, "nothing logged") != NULL);
	free(svg);
	lull_sleepv_free(&sv);
	lull_feedv_free(&fv);
}

static void
test_trends(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_day_stats d[30];
	struct lull_svg_trends in;
	struct lull_stats_in sin;
	struct lull_errinfo ei;
	struct lull_child c;
	char *svg;
	size_t len;
	int i;

	base = lull_days_from_civil(2026, 5, 1);
	lull_child_init(&c);
	c.born_day = base - 170; /* the range changes at 6 months */
	for (i = 0; i < 30; i++) {
		struct lull_sleep *n;

		add(&sv, T(i, 13, 0), T(i, 14, 30));
		n = add(&sv, T(i, 19, 30), T(i + 1, 6, 30));
		n->latency_min = 10 + i % 5;
	}
	memset(&sin, 0, sizeof(sin));
	sin.tz = berlin;
	sin.child = &c;
	sin.sleeps = &sv;
	sin.now_utc = T(31, 12, 0);
	T_EQ_INT(lull_stats_days(&sin, base, base + 29, d, &ei), LULL_OK);
	memset(&in, 0, sizeof(in));
	in.child_name = NAME;
	in.days = d;
	in.ndays = 30;
	in.lead = 6;
	T_EQ_INT(lull_svg_trends(&in, &svg, &len, &ei), LULL_OK);
	check_common(svg, len);
	T_CHECK(strstr(svg, "Total sleep a day: the 7-day median was 12.5 h "
			    "at the start and 12.5 h at the end") != NULL);
	T_CHECK(strstr(svg, "usual range for the age") != NULL);
	free(svg);
	in.lead = 30;
	T_EQ_INT(lull_svg_trends(&in, &svg, &len, &ei), LULL_EINVAL);
	lull_sleepv_free(&sv);
}

static void
setup(void)
{
	struct lull_errinfo ei;

	if (lull_tz_load(&berlin, "Europe/Berlin", &ei) != LULL_OK) {
		fprintf(stderr, "zone: %s\n", ei.msg);
		abort();
	}
}

static void
teardown(void)
{
	lull_tz_free(berlin);
}

static const struct t_case cases[] = {
	{ "setup", setup },
	{ "escaping", test_escape },
	{ "the diary", test_diary },
	{ "the trends", test_trends },
	{ "teardown", teardown },
};

T_MAIN(cases)
