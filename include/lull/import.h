/*
 * Bringing a family's history from other apps: Huckleberry, Baby Buddy,
 * Baby Tracker (Nighp), Glow Baby, Baby Connect and Hatch exports, and any
 * CSV with a column mapping.  The format of each file is recognised from
 * its content; a zip is opened and its files imported as if given one by
 * one.  Sleeps, night wakings and feeds are imported; other records
 * (diapers, weights, medicine) are counted and left out.
 *
 * An import is all or nothing: one store transaction, rolled back on any
 * error, with the error naming the file, the line and the column.  Rows a
 * source is known to get wrong (zero-length or duplicated sleeps, overlaps,
 * a night split at midnight) are not errors: they are resolved by the
 * rules in docs/import.md and each one is reported.  Importing the same
 * export twice, or a newer export overlapping an older one, adds nothing
 * that is already there.
 *
 * Naive local times are read in the zone given (the household's, or the
 * one the family lived in), with the DST rules of docs/time.md.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_IMPORT_H
#define LULL_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"
#include "lull/store.h"
#include "lull/tz.h"

/* One input: its name (a path, for messages and detection) and bytes,
 * both borrowed for the length of the call. */
struct lull_import_src {
	const char *name;
	const unsigned char *data;
	size_t len;
	/*
	 * 1: skip this source (with a note) if its format is not recognised,
	 * as for the files of a folder given as a whole; 0: a source that is
	 * not recognised is an error.
	 */
	int optional;
};

/* How to read numeric dates such as 03/04/2024. */
enum lull_date_order {
	LULL_DATES_AUTO = 0, /* decide from the whole file, or refuse */
	LULL_DATES_DMY,
	LULL_DATES_MDY,
	LULL_DATES_YMD
};

struct lull_import_opts {
	const char *format; /* a lull_import_format_name(), NULL: detect */
	const char *child;  /* import into this child; NULL: see below */
	const char *map;    /* "generic": "start=COL,end=COL,..." */
	enum lull_date_order dates;
	int dry_run; /* check and count, write nothing */
	int no_join; /* keep night sessions split by short gaps apart */
};

/* Kinds of things the report lists, one event each. */
enum lull_import_what {
	LULL_IMP_NOTE = 0, /* for information (a child matched by name) */
	LULL_IMP_SKIP,     /* a row not imported */
	LULL_IMP_DUP,      /* the same sleep or feed twice in the files */
	LULL_IMP_OVERLAP,  /* overlapping sleeps, merged or dropped */
	LULL_IMP_EXISTS,   /* already in the journal */
	LULL_IMP__MAX
};

struct lull_import_event {
	enum lull_import_what what;
	char *where; /* "data.csv:12" */
	char *msg;   /* "zero-length sleep (start 2024-07-14 09:50)" */
};

/* Rows left out, counted by reason ("Diaper rows: lull keeps ..."). */
struct lull_import_reason {
	char *text;
	size_t n;
};

struct lull_import_file {
	char *name;
	const char *format; /* a label ("Huckleberry CSV"), or NULL */
	size_t rows;        /* data rows (or JSON items) read */
};

struct lull_import_report {
	struct lull_import_file *files;
	size_t nfiles;
	size_t rows;       /* data rows read, every file */
	size_t sleep_rows; /* rows that were sleeps */
	size_t feed_rows;  /* rows that were feeds */
	/* What is (or, with dry_run, would be) written. */
	size_t sleeps, nights, naps, ongoing, wakings;
	size_t feeds, feeds_by_kind[3]; /* by enum lull_feed_kind */
	int64_t first_utc, last_utc;    /* LULL_NO_TIME when nothing */
	/* What was resolved on the way. */
	size_t joined_midnight; /* halves of a night split at midnight */
	size_t joined_gap;      /* sessions joined into a night */
	size_t dups;            /* same start twice in the files */
	size_t overlaps_merged, overlaps_dropped;
	size_t existing;             /* already in the journal, identical */
	size_t existing_overlap;     /* clash with a different stored sleep */
	size_t skipped;              /* rows left out for any other reason */
	size_t dst_gap, dst_overlap; /* wall times in a DST change */
	struct lull_import_reason *reasons;
	size_t nreasons;
	struct lull_import_event *events;
	size_t nevents;
};

void lull_import_report_free(struct lull_import_report *);

/*
 * Import "nsrc" sources into household "household_id" (0 is allowed
 * only with dry_run, for a look at files before there is a journal).
 * Naive times are read in "tz"; "actor" says who imports and when
 * ("now" also bounds what may be in the future).
 *
 * Which child: opts->child if given (the file's own rows for that child
 * when it holds several); else the child the file names, matched by name;
 * else the household's only child.  Anything else is an error that asks
 * for --child.
 *
 * *rep is filled in either case (empty on error).  On error nothing was
 * written and "ei" says what, naming "file:line: column N (\"Name\")".
 */
LULL_MUST_CHECK enum lull_err lull_import(struct lull_store *,
    int64_t household_id, const struct lull_tz *tz,
    const struct lull_import_src *src, size_t nsrc,
    const struct lull_import_opts *opts, const struct lull_actor *actor,
    struct lull_import_report *rep, struct lull_errinfo *ei);

/* The formats by name, for --format and help: NULL past the last. */
const char *lull_import_format_name(size_t i);
const char *lull_import_format_label(size_t i);

#endif
