/*
 * lull export and lull import: the full JSON export, and its restore.
 * SPDX-License-Identifier: ISC
 */
/* realpath() is X/Open. */
#define _XOPEN_SOURCE 700

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lull/json.h"
#include "cli_int.h"

#define IMPORT_MAX_BYTES (512L * 1024 * 1024)

/*
 * Write "text" to "path".  A regular file (or a new one) is written to a
 * fresh temporary file beside it, synced, then renamed over it, so a
 * crash or a full disk never leaves half an export where a whole one was.
 * A symbolic link is followed to its target; a device or a pipe is just
 * written to, since it cannot be replaced.
 */
static int
write_file(const char *path, const char *text)
{
	char target[4096], tmp[4200], link[4096];
	size_t len = strlen(text);
	struct stat sb;
	FILE *f;
	int fd;

	if (realpath(path, target) == NULL) {
		ssize_t n;

		if (errno != ENOENT)
			return cli_errx(EXIT_FAIL, "%s: %s", path,
			    strerror(errno));
		snprintf(target, sizeof(target), "%s", path);
		/* A link to a file not yet there: write its target. */
		n = readlink(path, link, sizeof(link) - 1);
		if (n > 0) {
			const char *slash = strrchr(path, '/');

			int w;

			link[n] = '\0';
			if (link[0] == '/' || slash == NULL)
				w = snprintf(target, sizeof(target), "%s", link);
			else
				w = snprintf(target, sizeof(target), "%.*s/%s",
				    (int)(slash - path), path, link);
			if (w < 0 || (size_t)w >= sizeof(target))
				return cli_errx(EXIT_FAIL, "%s: path too long",
				    path);
		}
	}
	if (stat(target, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if ((f = fopen(target, "w")) == NULL)
			return cli_errx(EXIT_FAIL, "%s: %s", path,
			    strerror(errno));
		if (fwrite(text, 1, len, f) != len || fputc('\n', f) == EOF ||
		    fclose(f) != 0)
			return cli_errx(EXIT_FAIL, "%s: %s", path,
			    strerror(errno));
		return EXIT_OK;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", target) >=
	    (int)sizeof(tmp))
		return cli_errx(EXIT_FAIL, "%s: path too long", path);
	if ((fd = mkstemp(tmp)) < 0)
		return cli_errx(EXIT_FAIL, "%s: %s", path, strerror(errno));
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		return cli_errx(EXIT_FAIL, "%s: %s", path, strerror(errno));
	}
	if (fwrite(text, 1, len, f) != len || fputc('\n', f) == EOF ||
	    fflush(f) != 0 || fsync(fileno(f)) != 0) {
		int e = errno;

		fclose(f);
		unlink(tmp);
		return cli_errx(EXIT_FAIL, "%s: %s", path, strerror(e));
	}
	if (fclose(f) != 0 || rename(tmp, target) != 0) {
		int e = errno;

		unlink(tmp);
		return cli_errx(EXIT_FAIL, "%s: %s", path, strerror(e));
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
	rc = lull_export_json(cli->st, cli->hh.id, cli->actor.caregiver_id,
	    cli->tz, cli->now, &text, &ei);
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
is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/*
 * Is "text" lull's own export (an object with a "schema")?  Returns its
 * schema number, 0 if not a number, -1 if not an export at all.
 */
static int
export_schema(const char *text, size_t len)
{
	json_t *root = json_loadb(text, len, 0, NULL);
	json_t *v = json_is_object(root) ? json_object_get(root, "schema") :
					    NULL;
	int schema = v == NULL ? -1 : json_is_integer(v) ?
					    (int)json_integer_value(v) : 0;

	json_decref(root);
	return schema;
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
	int x, schema;

	/* Other apps' exports: everything but lull's own JSON. */
	if (!cli->json &&
	    (cli->a.npos != 1 || cli_opt(cli, "format") != NULL ||
		(strcmp(path, "-") != 0 && is_dir(path))))
		return cmd_import_apps(cli);
	if (cli->json && cli->a.npos != 1)
		return cli_errx(EXIT_USAGE, "lull import --json takes one file");
	if ((x = cli_read_file(NULL, path, IMPORT_MAX_BYTES, &text, &len)))
		return x;
	skip = strspn(text, " \t\r\n") < len ? strspn(text, " \t\r\n") : 0;
	schema = len > 0 && text[skip] == '{' ? export_schema(text, len) : -1;
	if (!cli->json && schema < 0) {
		free(text);
		return cmd_import_apps(cli);
	}
	/* Only input that read and parsed opens (or creates) the
	 * journal, so a refused import leaves no new file behind. */
	if (schema != LULL_EXPORT_SCHEMA) {
		struct lull_errinfo pe;

		/* The restore refuses it before it needs a store. */
		rc = lull_restore_json(NULL, text, len, path, 0, NULL, &n, &pe);
		free(text);
		return cli_errx(cli_exit_of(rc), "%s (nothing was imported)",
		    pe.msg);
	}
	if ((x = cli_open(cli, CLI_NEEDS_STORE))) {
		free(text);
		return x;
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
