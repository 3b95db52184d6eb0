/*
 * lull export and lull import: the full JSON export, and its restore.
 * SPDX-License-Identifier: ISC
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/json.h"
#include "cli_int.h"

#define IMPORT_MAX_BYTES (512L * 1024 * 1024)

/* Write "text" to "path" through a temporary file and a rename, so a
 * crash never leaves half an export where a whole one was. */
static int
write_file(const char *path, const char *text)
{
	char tmp[4200];
	FILE *f;
	size_t len = strlen(text);

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((f = fopen(tmp, "w")) == NULL)
		return cli_errx(EXIT_FAIL, "%s: %s", tmp, strerror(errno));
	if (fwrite(text, 1, len, f) != len || fputc('\n', f) == EOF ||
	    fflush(f) != 0 || fclose(f) != 0) {
		remove(tmp);
		return cli_errx(EXIT_FAIL, "%s: %s", tmp, strerror(errno));
	}
	if (rename(tmp, path) != 0) {
		remove(tmp);
		return cli_errx(EXIT_FAIL, "%s: %s", path, strerror(errno));
	}
	return EXIT_OK;
}

int
cmd_export(struct cli *cli)
{
	const char *out = cli_opt(cli, "o");
	struct lull_errinfo ei;
	enum lull_err rc;
	char *text;
	int x = EXIT_OK;

	if (out == NULL)
		out = cli_opt(cli, "output");
	rc = lull_export_json(cli->st, cli->hh.id, cli->tz, cli->now, &text,
	    &ei);
	if (rc != LULL_OK)
		return cli_fail(cli, rc, &ei);
	if (out == NULL || strcmp(out, "-") == 0)
		puts(text);
	else
		x = write_file(out, text);
	free(text);
	return x;
}

static int
read_file(const char *path, char **out, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 1 << 16, n = 0, got;
	char *buf, *p;

	*out = NULL;
	if (f == NULL)
		return cli_errx(EXIT_NOTFOUND, "%s: %s", path, strerror(errno));
	if ((buf = malloc(cap)) == NULL)
		goto oom;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n < cap)
			continue;
		if (cap >= (size_t)IMPORT_MAX_BYTES) {
			free(buf);
			if (f != stdin)
				fclose(f);
			return cli_errx(EXIT_INVALID, "%s: larger than %ld MB",
			    path, IMPORT_MAX_BYTES >> 20);
		}
		if ((p = realloc(buf, cap * 2)) == NULL)
			goto oom;
		buf = p;
		cap *= 2;
	}
	if (ferror(f)) {
		free(buf);
		if (f != stdin)
			fclose(f);
		return cli_errx(EXIT_FAIL, "%s: read error", path);
	}
	if (f != stdin)
		fclose(f);
	*out = buf;
	*len = n;
	return EXIT_OK;
oom:
	free(buf);
	if (f != stdin)
		fclose(f);
	return cli_errx(EXIT_FAIL, "out of memory");
}

int
cmd_import(struct cli *cli)
{
	const char *path = cli->a.pos[0];
	struct lull_restore_stats n;
	struct lull_errinfo ei;
	enum lull_err rc;
	size_t len = 0, skip;
	char *text;
	int x;

	if ((x = read_file(path, &text, &len)))
		return x;
	skip = strspn(text, " \t\r\n") < len ? strspn(text, " \t\r\n") : 0;
	if (!cli->json && (len == 0 || text[skip] != '{')) {
		free(text);
		return cli_errx(EXIT_USAGE,
		    "%s: only lull's own JSON export can be imported so far "
		    "(lull import --json FILE)",
		    path);
	}
	cli->actor.now_utc = cli->now;
	rc = lull_restore_json(cli->st, text, len, path,
	    cli_flag(cli, "replace"), &cli->actor, &n, &ei);
	free(text);
	if (rc != LULL_OK)
		return cli_errx(cli_exit_of(rc), "%s (nothing was imported)",
		    ei.msg);
	printf("Restored %zu caregiver%s, %zu child%s, %zu sleeps with %zu "
	       "wakings, %zu feeds and %zu tags.\n",
	    n.caregivers, n.caregivers == 1 ? "" : "s", n.children,
	    n.children == 1 ? "" : "ren", n.sleeps, n.wakings, n.feeds, n.tags);
	return EXIT_OK;
}
