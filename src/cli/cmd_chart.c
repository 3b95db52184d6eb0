/*
 * lull chart diary|trends: SVG charts of the journal.  src/render/svg.c
 * draws them in memory from the days lull/report.h loads; this file
 * writes the file whole or not at all (a temporary file renamed into
 * place), so a failed write never leaves half a chart.
 * SPDX-License-Identifier: ISC
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/report.h"
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
	struct lull_errinfo ei;
	struct lull_child c;
	enum lull_err rc;
	int32_t from, to;
	int x;

	if ((x = cli_day_range(cli, 14, &from, &to)))
		return x;
	if (to - from >= 366)
		return cli_errx(EXIT_INVALID, "--from: a diary shows a year at "
		    "most");
	lull_child_init(&c);
	if ((x = cli_child(cli, &c)))
		return x;
	rc = lull_chart_diary(cli->st, cli->hh.id, c.id, cli->tz, cli->now,
	    from, to, svg, len, &ei);
	lull_child_free(&c);
	return rc ? cli_fail(cli, rc, &ei) : EXIT_OK;
}

static int
chart_trends(struct cli *cli, char **svg, size_t *len)
{
	struct lull_errinfo ei;
	struct lull_child c;
	enum lull_err rc;
	int32_t from, to;
	int x;

	if ((x = cli_day_range(cli, 56, &from, &to)))
		return x;
	lull_child_init(&c);
	if ((x = cli_child(cli, &c)))
		return x;
	rc = lull_chart_trends(cli->st, cli->hh.id, c.id, cli->tz, cli->now,
	    from, to, svg, len, &ei);
	lull_child_free(&c);
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
