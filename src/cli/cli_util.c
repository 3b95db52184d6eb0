/*
 * Helpers shared by the commands: options, values, errors and names.
 * SPDX-License-Identifier: ISC
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli_int.h"

const char *
cli_opt(const struct cli *cli, const char *name)
{
	int i;

	for (i = 0; i < cli->a.nopt; i++)
		if (strcmp(cli->a.names[i], name) == 0 &&
		    cli->a.vals[i][0] != '\0')
			return cli->a.vals[i];
	return NULL;
}

int
cli_flag(const struct cli *cli, const char *name)
{
	int i;

	for (i = 0; i < cli->a.nopt; i++)
		if (strcmp(cli->a.names[i], name) == 0)
			return 1;
	return 0;
}

int
cli_errx(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("lull: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int
cli_exit_of(enum lull_err e)
{
	switch (e) {
	case LULL_OK:
		return EXIT_OK;
	case LULL_EINVAL:
		return EXIT_INVALID;
	case LULL_ENOTFOUND:
		return EXIT_NOTFOUND;
	case LULL_ECONFLICT:
		return EXIT_CONFLICT;
	case LULL_ENOMEM:
	case LULL_ESTORE:
	case LULL_ERR__MAX:
		break;
	}
	return EXIT_FAIL;
}

int
cli_fail(const struct cli *cli, enum lull_err e, const struct lull_errinfo *ei)
{
	(void)cli;
	if (ei != NULL && ei->msg[0] != '\0')
		return cli_errx(cli_exit_of(e), "%s", ei->msg);
	return cli_errx(cli_exit_of(e), "%s", lull_strerror(e));
}

int
cli_fail_store(const struct cli *cli, enum lull_err e)
{
	return cli_fail(cli, e, lull_store_error(cli->st));
}

static void
fmt_offset(int32_t off, char *buf, size_t bufsz)
{
	int32_t a = off < 0 ? -off : off;

	snprintf(buf, bufsz, "%c%02d:%02d", off < 0 ? '-' : '+',
	    (int)(a / 3600), (int)(a % 3600 / 60));
}

/* Tell the user when a typed wall time met a DST change, and how to say
 * the other reading if that is what they meant. */
static void
note_dst(const struct cli *cli, const char *opt,
    const struct lull_time_note *n, int64_t utc)
{
	char date[16], got[16], mine[16], other[16];
	int64_t first, second;

	if (n->res == LULL_TZ_EXACT)
		return;
	lull_date_format(n->day, date, sizeof(date));
	lull_time_format_hm(cli->tz, utc, got, sizeof(got));
	if (n->res == LULL_TZ_GAP) {
		fprintf(stderr,
		    "lull: note: --%s: %02d:%02d did not exist on %s in %s "
		    "(clocks went forward); read as %s\n",
		    opt, (int)(n->sec / 3600), (int)(n->sec % 3600 / 60), date,
		    lull_tz_name(cli->tz), got);
		return;
	}
	(void)lull_tz_resolve(cli->tz, n->day, n->sec, LULL_FOLD_EARLIER,
	    &first);
	(void)lull_tz_resolve(cli->tz, n->day, n->sec, LULL_FOLD_LATER,
	    &second);
	fmt_offset(lull_tz_offset(cli->tz, utc), mine, sizeof(mine));
	fmt_offset(lull_tz_offset(cli->tz, utc == first ? second : first),
	    other, sizeof(other));
	fprintf(stderr,
	    "lull: note: --%s: %02d:%02d happened twice on %s in %s (clocks "
	    "went back); read as the %s one (%s). For the other, write "
	    "%s %02d:%02d%s\n",
	    opt, (int)(n->sec / 3600), (int)(n->sec % 3600 / 60), date,
	    lull_tz_name(cli->tz), utc == first ? "first" : "second", mine,
	    date, (int)(n->sec / 3600), (int)(n->sec % 3600 / 60), other);
}

int
cli_time(struct cli *cli, const char *opt, const char *text, int64_t after,
    int32_t day, int64_t *utc)
{
	struct lull_time_ctx ctx;
	struct lull_time_note note;
	struct lull_errinfo ei;
	enum lull_err rc;

	ctx.tz = cli->tz;
	ctx.now_utc = cli->now;
	ctx.after_utc = after;
	ctx.day = day;
	memset(&note, 0, sizeof(note));
	rc = lull_time_parse_user(text, opt, &ctx, utc, &note, &ei);
	if (rc != LULL_OK)
		return cli_errx(EXIT_INVALID, "%s", ei.msg);
	note_dst(cli, opt, &note, *utc);
	return EXIT_OK;
}

int
cli_date(struct cli *cli, const char *opt, const char *text, int32_t *day)
{
	struct lull_errinfo ei;

	if (strcmp(text, "today") == 0 || strcmp(text, "yesterday") == 0) {
		*day = lull_local_day(cli->tz, cli->now) -
		    (text[0] == 'y' ? 1 : 0);
		return EXIT_OK;
	}
	if (lull_date_parse(text, opt, day, &ei) != LULL_OK)
		return cli_errx(EXIT_INVALID, "%s", ei.msg);
	return EXIT_OK;
}

int
cli_int(const char *opt, const char *text, int32_t lo, int32_t hi,
    int32_t *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || v < lo || v > hi)
		return cli_errx(EXIT_INVALID,
		    "--%s: \"%s\" is not a whole number from %ld to %ld", opt,
		    text, (long)lo, (long)hi);
	*out = (int32_t)v;
	return EXIT_OK;
}

int
cli_yesno(const char *opt, const char *text, int *out)
{
	if (strcmp(text, "yes") == 0 || strcmp(text, "y") == 0) {
		*out = 1;
		return EXIT_OK;
	}
	if (strcmp(text, "no") == 0 || strcmp(text, "n") == 0) {
		*out = 0;
		return EXIT_OK;
	}
	return cli_errx(EXIT_INVALID, "--%s: \"%s\" is not yes or no", opt,
	    text);
}

int
cli_enum(const char *opt, const char *text, int (*parse)(const char *),
    const char *names, int *out)
{
	int v;

	if ((v = parse(text)) >= 0) {
		*out = v;
		return EXIT_OK;
	}
	return cli_errx(EXIT_INVALID, "--%s: \"%s\" is not one of: %s", opt,
	    text, names);
}

int
cli_child(struct cli *cli, struct lull_child *out)
{
	const char *name = cli_opt(cli, "child");
	struct lull_childv v = { 0 };
	enum lull_err rc;
	size_t i;

	if (name != NULL) {
		rc = lull_store_child_find(cli->st, cli->hh.id, name, out);
		if (rc == LULL_ENOTFOUND)
			return cli_errx(EXIT_NOTFOUND,
			    "--child: no child called \"%s\" (see lull child "
			    "list)",
			    name);
		return rc ? cli_fail_store(cli, rc) : EXIT_OK;
	}
	if ((rc = lull_store_child_list(cli->st, cli->hh.id, &v)))
		return cli_fail_store(cli, rc);
	if (v.n != 1) {
		int code = v.n == 0 ? EXIT_NOTFOUND : EXIT_USAGE;

		if (v.n == 0)
			cli_errx(code, "no child yet; add one with: lull child "
			    "add NAME --born YYYY-MM-DD");
		else {
			fprintf(stderr, "lull: which child? use --child with "
			    "one of:");
			for (i = 0; i < v.n; i++)
				fprintf(stderr, " %s", v.v[i].name);
			fputc('\n', stderr);
		}
		lull_childv_free(&v);
		return code;
	}
	*out = v.v[0];
	lull_child_init(&v.v[0]);
	lull_childv_free(&v);
	return EXIT_OK;
}

int
cli_caregiver(struct cli *cli, const char *opt, const char *name, int64_t *id)
{
	struct lull_caregiver c;
	enum lull_err rc;

	memset(&c, 0, sizeof(c));
	rc = lull_store_caregiver_find(cli->st, cli->hh.id, name, &c);
	if (rc == LULL_ENOTFOUND)
		return cli_errx(EXIT_NOTFOUND,
		    "--%s: no caregiver called \"%s\" (add one with: lull "
		    "caregiver add \"%s\")",
		    opt, name, name);
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	*id = c.id;
	lull_caregiver_free(&c);
	return EXIT_OK;
}

const char *
cli_caregiver_name(struct cli *cli, int64_t id)
{
	static struct lull_caregiverv cache;
	static int loaded;
	size_t i;

	if (id == 0)
		return "";
	if (!loaded) {
		loaded = 1;
		if (lull_store_caregiver_list(cli->st, cli->hh.id, &cache))
			return "";
	}
	for (i = 0; i < cache.n; i++)
		if (cache.v[i].id == id)
			return cache.v[i].name;
	return "";
}

void
cli_fmt_time(const struct cli *cli, int64_t utc, char *buf, size_t bufsz)
{
	char date[16], hm[16];

	lull_date_format(lull_local_day(cli->tz, utc), date, sizeof(date));
	lull_time_format_hm(cli->tz, utc, hm, sizeof(hm));
	snprintf(buf, bufsz, "%s %s", date, hm);
}

void
cli_fmt_dur(int64_t sec, char *buf, size_t bufsz)
{
	int64_t min = (sec + 30) / 60;

	if (min < 60)
		snprintf(buf, bufsz, "%lldm", (long long)min);
	else
		snprintf(buf, bufsz, "%lldh%02lldm", (long long)(min / 60),
		    (long long)(min % 60));
}

int
cli_print_json(struct json_t *j)
{
	char *s;

	if (j == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	s = json_dumps(j, JSON_INDENT(2));
	json_decref(j);
	if (s == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	puts(s);
	free(s);
	return EXIT_OK;
}

/*
 * Read a whole file ("-" is standard input) into a NUL-terminated buffer
 * the caller frees.  "opt" names the option or argument in messages
 * (NULL: none); files over "max" bytes are refused rather than read.
 */
int
cli_read_file(const char *opt, const char *path, size_t max, char **out,
    size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 1 << 16, n = 0, got;
	const char *pre = opt ? "--" : "", *o = opt ? opt : "";
	const char *sep = opt ? ": " : "";
	char *buf = NULL, *p;
	int x = EXIT_OK;

	*out = NULL;
	*len = 0;
	if (f == NULL)
		return cli_errx(EXIT_NOTFOUND, "%s%s%s%s: %s", pre, o, sep, path,
		    strerror(errno));
	for (;;) {
		if ((p = realloc(buf, cap + 1)) == NULL) {
			x = cli_errx(EXIT_FAIL, "out of memory");
			break;
		}
		buf = p;
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n < cap) {
			if (ferror(f))
				x = cli_errx(EXIT_FAIL, "%s%s%s%s: read error",
				    pre, o, sep, path);
			break;
		}
		if (cap > max) {
			x = cli_errx(EXIT_INVALID,
			    "%s%s%s%s: larger than %zu MB", pre, o, sep, path,
			    max >> 20);
			break;
		}
		cap *= 2;
	}
	if (f != stdin)
		fclose(f);
	if (x == EXIT_OK && n > max)
		x = cli_errx(EXIT_INVALID, "%s%s%s%s: larger than %zu MB", pre,
		    o, sep, path, max >> 20);
	if (x != EXIT_OK) {
		free(buf);
		return x;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return EXIT_OK;
}
