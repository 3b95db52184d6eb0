/*
 * lull import FILE...: other apps' exports (include/lull/import.h),
 * with a report of what was imported, left out and resolved.  lull's own
 * JSON export goes to the restore in cmd_export.c.
 * SPDX-License-Identifier: ISC
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lull/import.h"
#include "lull/tzload.h"

#include "cli_int.h"

#define IMPORT_FILE_MAX (512L * 1024 * 1024)
#define IMPORT_NSRC_MAX 256
#define LIST_MAX        25 /* events listed after a real import */

struct files {
	struct lull_import_src v[IMPORT_NSRC_MAX];
	char *name[IMPORT_NSRC_MAX];
	unsigned char *data[IMPORT_NSRC_MAX];
	size_t n;
};

static void
files_free(struct files *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		free(fs->name[i]);
		free(fs->data[i]);
	}
	fs->n = 0;
}

static int
add(struct files *fs, const char *path, int optional)
{
	int x;

	if (fs->n == IMPORT_NSRC_MAX)
		return cli_errx(EXIT_USAGE, "more than %d files",
		    IMPORT_NSRC_MAX);
	if ((fs->name[fs->n] = strdup(path)) == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	if ((x = cli_read_file(NULL, path, IMPORT_FILE_MAX,
		 (char **)&fs->data[fs->n], &fs->v[fs->n].len))) {
		free(fs->name[fs->n]);
		return x;
	}
	fs->v[fs->n].name = fs->name[fs->n];
	fs->v[fs->n].data = fs->data[fs->n];
	fs->v[fs->n].optional = optional;
	fs->n++;
	return EXIT_OK;
}

static int
visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* A folder: its files, in name order, each skipped if not an export. */
static int
add_dir(struct files *fs, const char *dir)
{
	struct dirent **ents;
	struct stat sb;
	char path[4200];
	int i, n, x = EXIT_OK;

	if ((n = scandir(dir, &ents, visible, alphasort)) < 0)
		return cli_errx(EXIT_NOTFOUND, "%s: %s", dir, strerror(errno));
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, ents[i]->d_name);
		if (x == EXIT_OK && stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
			x = add(fs, path, 1);
		free(ents[i]);
	}
	free(ents);
	return x;
}

static const char *const what_label[LULL_IMP__MAX] = {
	[LULL_IMP_NOTE] = "note",
	[LULL_IMP_SKIP] = "left out",
	[LULL_IMP_DUP] = "duplicate",
	[LULL_IMP_OVERLAP] = "overlap",
	[LULL_IMP_EXISTS] = "already there",
};

static void
print_report(struct cli *cli, const struct lull_import_report *r,
    const struct lull_tz *tz, int dry)
{
	char a[16], b[16];
	size_t i, listed = 0;

	printf("%s %zu file%s:\n",
	    dry ? "Dry run, nothing written. Read" : "Read", r->nfiles,
	    r->nfiles == 1 ? "" : "s");
	for (i = 0; i < r->nfiles; i++)
		printf("  %s: %s, %zu rows\n", r->files[i].name,
		    r->files[i].format ? r->files[i].format
				       : "not an export, left out",
		    r->files[i].rows);
	printf("%s %zu sleeps (%zu nights, %zu naps%s) with %zu night "
	       "wakings, and %zu feeds (%zu breast, %zu bottle, %zu solids).\n",
	    dry ? "Would import" : "Imported", r->sleeps, r->nights, r->naps,
	    r->ongoing ? ", 1 still going on" : "", r->wakings, r->feeds,
	    r->feeds_by_kind[LULL_FEED_BREAST],
	    r->feeds_by_kind[LULL_FEED_BOTTLE],
	    r->feeds_by_kind[LULL_FEED_SOLIDS]);
	if (r->first_utc != LULL_NO_TIME) {
		lull_date_format(lull_local_day(tz, r->first_utc), a,
		    sizeof(a));
		lull_date_format(lull_local_day(tz, r->last_utc), b, sizeof(b));
		printf("From %s to %s (%s).\n", a, b, lull_tz_name(tz));
	}
	printf("Source rows: %zu, of which %zu sleeps and %zu feeds.\n",
	    r->rows, r->sleep_rows, r->feed_rows);
	printf("Nights joined: %zu split at midnight, %zu sessions joined "
	       "across a short waking%s.\n",
	    r->joined_midnight, r->joined_gap,
	    cli_flag(cli, "no-join") ? " (--no-join: midnight only)" : "");
	printf("Duplicates: %zu.  Overlapping sleeps: %zu merged, %zu "
	       "dropped.\n",
	    r->dups, r->overlaps_merged, r->overlaps_dropped);
	printf("Already in the journal: %zu; clashing with it: %zu.\n",
	    r->existing, r->existing_overlap);
	if (r->dst_gap || r->dst_overlap)
		printf("Daylight saving: %zu times in a gap (read an hour "
		       "later), %zu in an overlap (see docs/time.md).\n",
		    r->dst_gap, r->dst_overlap);
	printf("Rows left out: %zu%s\n", r->skipped, r->skipped ? ":" : ".");
	for (i = 0; i < r->nreasons; i++)
		printf("  %6zu  %s\n", r->reasons[i].n, r->reasons[i].text);
	if (r->nevents == 0)
		return;
	printf("Details:\n");
	for (i = 0; i < r->nevents; i++) {
		if (!dry && listed == LIST_MAX) {
			printf("  ... and %zu more (lull import --dry-run "
			       "lists them all)\n",
			    r->nevents - i);
			break;
		}
		printf("  %s: %s: %s\n", r->events[i].where,
		    what_label[r->events[i].what], r->events[i].msg);
		listed++;
	}
}

int
cmd_import_apps(struct cli *cli)
{
	struct lull_import_opts o;
	struct lull_import_report rep;
	struct lull_errinfo ei;
	struct lull_tz *tz = NULL;
	struct files *fs;
	struct stat sb;
	const char *zone, *v;
	enum lull_err rc;
	int i, x = EXIT_OK, have_hh = 0;
	char sys[256];

	memset(&o, 0, sizeof(o));
	o.format = cli_opt(cli, "format");
	o.child = cli_opt(cli, "child");
	o.map = cli_opt(cli, "map");
	o.dry_run = cli_flag(cli, "dry-run");
	o.no_join = cli_flag(cli, "no-join");
	if (cli_flag(cli, "replace"))
		return cli_errx(EXIT_USAGE,
		    "--replace is for lull's own JSON export (--json)");
	if ((v = cli_opt(cli, "date-order")) != NULL) {
		if (strcmp(v, "dmy") == 0)
			o.dates = LULL_DATES_DMY;
		else if (strcmp(v, "mdy") == 0)
			o.dates = LULL_DATES_MDY;
		else if (strcmp(v, "ymd") == 0)
			o.dates = LULL_DATES_YMD;
		else
			return cli_errx(EXIT_USAGE,
			    "--date-order: \"%s\" is not dmy, mdy or ymd", v);
	}
	if ((fs = calloc(1, sizeof(*fs))) == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	for (i = 0; x == EXIT_OK && i < cli->a.npos; i++) {
		if (stat(cli->a.pos[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			x = add_dir(fs, cli->a.pos[i]);
		else
			x = add(fs, cli->a.pos[i], 0);
	}
	/* The journal is opened (or created) only once the files read;
	 * a dry run without a journal uses a throwaway one in memory. */
	if (x == EXIT_OK && access(cli->db, F_OK) != 0) {
		if (o.dry_run)
			cli->db = ":memory:";
		else
			x = cli_errx(EXIT_NOTFOUND,
			    "no journal at %s; create one with: lull init (or "
			    "look first with --dry-run)",
			    cli->db);
	}
	if (x == EXIT_OK)
		x = cli_open(cli, CLI_NEEDS_STORE);
	if (x != EXIT_OK)
		goto out;
	rc = lull_store_household_get(cli->st, 0, &cli->hh);
	if (rc == LULL_OK)
		have_hh = 1;
	else if (rc != LULL_ENOTFOUND) {
		x = cli_fail_store(cli, rc);
		goto out;
	} else if (!o.dry_run) {
		x = cli_errx(EXIT_NOTFOUND,
		    "%s holds no household yet; create one with: lull init "
		    "(or look first with --dry-run)",
		    cli->db);
		goto out;
	}
	if (have_hh && cli->as != NULL &&
	    (x = cli_caregiver(cli, "as", cli->as, &cli->actor.caregiver_id)))
		goto out;
	zone = cli_opt(cli, "tz");
	if (zone == NULL && have_hh)
		zone = cli->hh.tz;
	if (zone == NULL) {
		lull_tz_system_name(sys, sizeof(sys));
		zone = sys;
	}
	if ((rc = lull_tz_load(&tz, zone, &ei)) != LULL_OK) {
		x = cli_fail(cli, rc, &ei);
		goto out;
	}
	cli->actor.now_utc = cli->now;
	rc = lull_import(cli->st, have_hh ? cli->hh.id : 0, tz, fs->v, fs->n,
	    &o, &cli->actor, &rep, &ei);
	if (rc != LULL_OK)
		x = cli_errx(cli_exit_of(rc), "%s (nothing was imported)",
		    ei.msg);
	else
		print_report(cli, &rep, tz, o.dry_run);
	lull_import_report_free(&rep);
out:
	files_free(fs);
	free(fs);
	lull_tz_free(tz);
	return x;
}
