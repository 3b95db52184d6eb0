/*
 * lull chart diary|trends: SVG charts of the journal.  src/render/svg.c
 * draws them in memory; this file loads the days, and writes the file
 * whole or not at all (a temporary file renamed into place), so a failed
 * write never leaves half a chart.
 * SPDX-License-Identifier: ISC
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/stats.h"
#include "lull/svg.h"
#include "cli_int.h"

static int
write_out(const char *path, const char *svg, size_t len)
{
	char tmp[4200];
	FILE *f;

	if (path == NULL || strcmp(path, "-") == 0) {
		if (fwrite(svg, 1, len, stdout) != len)
			return cli_errx(EXIT_FAIL, "writing the chart failed: "
			    "%s", strerror(errno));
		return EXIT_OK;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return cli_errx(EXIT_INVALID, "-o: the path is too long");
	if ((f = fopen(tmp, "wb")) == NULL)
		return cli_errx(EXIT_FAIL, "-o: cannot write %s: %s", tmp,
		    strerror(errno));
	if (fwrite(svg, 1, len, f) != len || fflush(f) != 0 || ferror(f)) {
		fclose(f);
		remove(tmp);
		return cli_errx(EXIT_FAIL, "-o: writing %s failed: %s", tmp,
		    strerror(errno));
	}
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		remove(tmp);
		return cli_errx(EXIT_FAIL, "-o: cannot write %s: %s", path,
		    strerror(errno));
	}
	return EXIT_OK;
}

static int
chart_diary(struct cli *cli, char **svg, size_t *len)
{
	struct lull_svg_diary in;
	struct cli_journal j;
	struct lull_errinfo ei;
	enum lull_err rc;
	int32_t from, to;
	int x;

	if ((x = cli_day_range(cli, 14, &from, &to)))
		return x;
	if (to - from >= 366)
		return cli_errx(EXIT_INVALID, "--from: a diary shows a year at "
		    "most");
	if ((x = cli_journal_load(cli, lull_tz_day_start(cli->tz, from) -
			 86400,
		 lull_tz_day_start(cli->tz, to + 1), &j))) {
		cli_journal_free(&j);
		return x;
	}
	memset(&in, 0, sizeof(in));
	in.tz = cli->tz;
	in.child_name = j.child.name;
	in.child = &j.child;
	in.sleeps = &j.sleeps;
	in.feeds = &j.feeds;
	in.caregivers = &j.caregivers;
	in.from_day = from;
	in.to_day = to;
	in.now_utc = cli->now;
	rc = lull_svg_diary(&in, svg, len, &ei);
	cli_journal_free(&j);
	return rc ? cli_fail(cli, rc, &ei) : EXIT_OK;
}

static int
chart_trends(struct cli *cli, char **svg, size_t *len)
{
	struct lull_svg_trends in;
	struct lull_day_stats *days;
	struct lull_stats_in sin;
	struct cli_journal j;
	struct lull_errinfo ei;
	enum lull_err rc;
	int32_t from, to;
	int x;

	if ((x = cli_day_range(cli, 56, &from, &to)))
		return x;
	/* A week before the first day, so its 7-day median is known. */
	if ((x = cli_journal_days(cli, from - 6, to, &j))) {
		cli_journal_free(&j);
		return x;
	}
	if ((days = calloc((size_t)(to - from + 7), sizeof(*days))) == NULL) {
		cli_journal_free(&j);
		return cli_errx(EXIT_FAIL, "out of memory");
	}
	cli_stats_in(cli, &j, &sin);
	rc = lull_stats_days(&sin, from - 6, to, days, &ei);
	if (rc == LULL_OK) {
		memset(&in, 0, sizeof(in));
		in.child_name = j.child.name;
		in.days = days;
		in.ndays = (size_t)(to - from + 7);
		in.lead = 6;
		rc = lull_svg_trends(&in, svg, len, &ei);
	}
	free(days);
	cli_journal_free(&j);
	return rc ? cli_fail(cli, rc, &ei) : EXIT_OK;
}

int
cmd_chart(struct cli *cli)
{
	const char *what = cli->a.pos[0];
	const char *path = cli_opt(cli, "o");
	char *svg = NULL;
	size_t len = 0;
	int x;

	if (path == NULL)
		path = cli_opt(cli, "output");
	if (strcmp(what, "diary") == 0)
		x = chart_diary(cli, &svg, &len);
	else if (strcmp(what, "trends") == 0)
		x = chart_trends(cli, &svg, &len);
	else
		return cli_errx(EXIT_USAGE, "chart: \"%s\" is not a chart; "
		    "use diary or trends", what);
	if (x == EXIT_OK)
		x = write_out(path, svg, len);
	free(svg);
	return x;
}
