/*
 * The importers' insides, shared by the core (import.c), the helpers
 * (import_csv.c, import_time.c) and one parser per format
 * (import_<format>.c).  Never installed.
 *
 * A parser is bytes in, records out: it reads one file and appends
 * struct imp_rec records with times as the file wrote them (a local wall
 * time, or an exact instant when the file gives an offset).  It does not
 * see the store, the zone or the clock.  The core then reads the wall
 * times in the zone, drops and joins what the rules say, checks against
 * the journal and writes.  So a parser can be fuzzed on its own, and the
 * rules are the same for every format.
 * SPDX-License-Identifier: ISC
 */
#ifndef IMPORT_INT_H
#define IMPORT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"
#include "lull/import.h"
#include "lull/model.h"
#include "lull/tz.h"

enum imp_type { IMP_SLEEP = 0, IMP_FEED };

enum imp_tk {
	IMP_T_NONE = 0, /* not given */
	IMP_T_WALL,     /* a local wall time: day and seconds */
	IMP_T_UTC       /* an exact instant (the file gave an offset) */
};

struct imp_time {
	enum imp_tk kind;
	int32_t day; /* IMP_T_WALL: civil day number */
	int32_t sec; /* IMP_T_WALL: seconds since local midnight */
	int64_t utc; /* IMP_T_UTC */
};

/* One sleep or feed as a file wrote it. */
struct imp_rec {
	enum imp_type type;
	uint32_t src;  /* index of the source */
	uint32_t line; /* 1-based line (CSV) or item (JSON) */
	int32_t kid;   /* index in imp->kids; -1: the row names no child */
	struct imp_time start, end;
	/*
	 * Elapsed seconds as the file says, -1 if it does not.  Gives the
	 * end when there is no end time, and decides a fall-back end time
	 * that happened twice.
	 */
	int64_t dur;
	int in_progress; /* the timer was still running at export */
	int kind;        /* sleep: enum lull_sleep_kind, or -1: not said */
	uint32_t onset;  /* sleep: enum lull_onset bits */
	enum lull_place place;
	enum lull_feed_kind fkind;
	enum lull_side side;
	int32_t ml; /* LULL_UNKNOWN if not measured */
	char *note; /* owned; NULL for none */
	/* Filled by the core. */
	int64_t child_id;
	int64_t s_utc, e_utc;
	int drop; /* 1: resolved away (skipped, duplicate, joined) */
};

struct imp_src {
	char *name;
	const char *label; /* the format's label once known */
	int items;         /* locations are JSON items, not lines */
	size_t rows;
};

struct imp_reason {
	const char *text; /* static */
	size_t n;
};

/*
 * An import in progress: everything parsed so far, the child names the
 * files used, and the report being written.
 */
struct imp {
	struct imp_src *src;
	size_t nsrc, srccap;
	struct imp_rec *rec;
	size_t nrec, reccap;
	char **kids; /* child names (or ids) the files give */
	size_t nkids, kidcap;
	struct lull_import_report *rep;
	struct imp_reason *why; /* row skips by reason, in first-seen order */
	size_t nwhy, whycap;
	enum lull_date_order dates;
	const char *map;
	struct lull_errinfo *ei;
	/* Set by the core before imp_settle(): the child id of kids[i], and
	 * of rows that name no child (0: none may). */
	int64_t *kid_id;
	int64_t anon_id;
	/* What imp_settle() leaves to write, sorted by child and start, with
	 * the record each came from (for messages). */
	struct lull_sleep *out_s;
	uint32_t *out_s_rec;
	size_t nout_s, out_scap, out_srcap;
	struct lull_feed *out_f;
	uint32_t *out_f_rec;
	size_t nout_f, out_fcap, out_frcap;
	size_t evcap; /* of rep->events */
	int depth;    /* zips opened, for zips in zips */
	/* The journal to check against before joining (NULL: none). */
	struct lull_store *st;
	int64_t hh;
};

/* What one parser works on: a source of an import. */
struct imp_file {
	struct imp *im;
	uint32_t src;
	const char *name;
	enum lull_date_order dates; /* the file's, once decided */
};

/* A peek at a file for detection: its first CSV row, lower-cased. */
#define IMP_PEEK_MAX 32
struct imp_peek {
	const char *name; /* the file's name (for hints only) */
	const unsigned char *data;
	size_t len;
	char *hdr[IMP_PEEK_MAX]; /* trimmed, lower-case, BOM dropped */
	size_t nhdr;
};

struct imp_format {
	const char *name;  /* for --format: "huckleberry" */
	const char *label; /* for people: "Huckleberry CSV" */
	/* 0: not this format; higher: surer. */
	int (*detect)(const struct imp_peek *);
	enum lull_err (*parse)(struct imp_file *, const unsigned char *,
	    size_t);
};

extern const struct imp_format imp_fmt_huckleberry;
extern const struct imp_format imp_fmt_babybuddy;
extern const struct imp_format imp_fmt_babybuddy_json;
extern const struct imp_format imp_fmt_babytracker;
extern const struct imp_format imp_fmt_glow;
extern const struct imp_format imp_fmt_babyconnect;
extern const struct imp_format imp_fmt_hatch;
extern const struct imp_format imp_fmt_generic;

/* import.c: the state, for the core and for fuzz targets. */
void imp_init(struct imp *, struct lull_import_report *, struct lull_errinfo *);
void imp_free(struct imp *);
const struct imp_format *imp_format_find(const char *name);
const struct imp_format *imp_detect(const struct imp_peek *);
/* Parse one source with "fmt" (NULL: detect; zips are opened). */
LULL_MUST_CHECK enum lull_err imp_parse(struct imp *,
    const struct imp_format *fmt, const char *name, const unsigned char *data,
    size_t len, int optional);
/*
 * Read the times in "tz", then drop, merge and join by the rules, with
 * the child ids in imp->kid_id and imp->anon_id.  No store.
 */
LULL_MUST_CHECK enum lull_err imp_settle(struct imp *, const struct lull_tz *tz,
    int64_t now_utc, int join);

/* What a parser calls.  Each returns LULL_ENOMEM on allocation failure. */
struct imp_rec *imp_rec_new(struct imp_file *, enum imp_type, uint32_t line);
int32_t imp_kid(struct imp_file *, const char *name); /* -2 on ENOMEM */
LULL_MUST_CHECK enum lull_err imp_skip(struct imp_file *, uint32_t line,
    const char *reason, int itemise);
/* Append "text" (and "label: " before it) to the record's note. */
LULL_MUST_CHECK enum lull_err imp_note_add(struct imp_rec *, const char *label,
    const char *text);
/* Fail with "name:line: column N (\"col\"): message". */
enum lull_err imp_fail(struct imp_file *, uint32_t line, int col,
    const char *colname, const char *fmt, ...) LULL_PRINTF(5, 6);
LULL_MUST_CHECK enum lull_err imp_event(struct imp *, uint32_t src,
    uint32_t line, enum lull_import_what, const char *fmt, ...)
    LULL_PRINTF(5, 6);

/*
 * import_vocab.c: other apps' words for how and where a child fell
 * asleep, in comma-separated "text", onto onset bits and a place.
 * Returns how many phrases meant nothing to us.
 */
int imp_vocab(const char *text, uint32_t *onset, enum lull_place *place);

/* import_csv.c: a whole CSV file as rows of fields (libcsv). */
struct imp_row {
	size_t first; /* index of the first field in fld */
	uint32_t n;   /* fields in the row */
	uint32_t line;
};

struct imp_csv {
	char *buf;
	size_t len, cap;
	size_t *fld; /* offset of each field in buf */
	size_t nfld, fldcap;
	struct imp_row *rows;
	size_t nrows, rowcap;
};

LULL_MUST_CHECK enum lull_err imp_csv_load(struct imp_file *,
    const unsigned char *data, size_t len, struct imp_csv *out);
void imp_csv_free(struct imp_csv *);
/* The field, trimmed, "" when the row is shorter. */
const char *imp_csv_get(const struct imp_csv *, size_t row, int col);
/* Column of the header (row 0) named "name", case-insensitive, -1. */
int imp_csv_col(const struct imp_csv *, size_t hdr_row, const char *name);
int imp_csv_blank_row(const struct imp_csv *, size_t row);
/* Fill a peek from the first row of "data" (BOM dropped). */
void imp_peek_init(struct imp_peek *, const char *name,
    const unsigned char *data, size_t len);
void imp_peek_free(struct imp_peek *);
int imp_peek_has(const struct imp_peek *, const char *name);
/* Case-insensitive ASCII comparison of whole strings. */
int imp_streq(const char *a, const char *b);
/* Does "s" contain "word" (case-insensitive)? */
int imp_contains(const char *s, const char *word);

/* import_time.c: dates, times and durations as apps write them. */
struct imp_dt {
	int p[3];     /* the date's numbers in written order */
	int ndig[3];  /* and how many digits each had */
	int resolved; /* 1: year first or month by name; y, m, d known */
	int y, m, d;
	int has_time;
	int h, mi, s;
	int ampm; /* 0: none, 1: am, 2: pm */
	int has_off;
	int32_t off; /* seconds east of UTC */
};

/* Read "s"; 0 on success, -1 with a reason in *why. */
int imp_dt_scan(const char *s, struct imp_dt *dt, const char **why);
/* Evidence for day-first or month-first over a whole file. */
struct imp_dates {
	size_t n;                    /* dates seen */
	size_t ambiguous;            /* both orders valid and different */
	uint32_t dmy_line, mdy_line; /* first row proving one order */
	int dmy_col, mdy_col;
	int have_prev;
	int32_t prev_dmy, prev_mdy;
	int64_t path_dmy, path_mdy; /* days walked in file order */
	char example[40];           /* an ambiguous date, for the message */
	uint32_t example_line;
};
void imp_dates_add(struct imp_dates *, const struct imp_dt *, uint32_t line,
    int col, const char *text);
LULL_MUST_CHECK enum lull_err imp_dates_decide(struct imp_file *,
    const struct imp_dates *, const char *colname);
/* The wall time or instant of a scanned date; -1 with a reason. */
int imp_dt_time(const struct imp_dt *, enum lull_date_order,
    struct imp_time *out, const char **why);
/*
 * A duration: "1:05" (h:mm), "1 h 48 min", "1h48m", "44 min", or a plain
 * number in "unit" seconds.  0, or -1 if unreadable.
 */
int imp_dur_parse(const char *s, int64_t unit, int64_t *sec);
/* "2.50oz", "120 ml", "4 oz" -> ml; "unit_ml" for a bare number (0:
 * refuse one).  0, or -1. */
int imp_amount_ml(const char *s, double unit_ml, int32_t *ml);

/*
 * The shared pass of the CSV parsers: scan every non-empty cell of the
 * columns "cols" (from row "from" on), decide the file's date order,
 * and keep the scans for imp_cell_time().
 */
struct imp_dtab {
	struct imp_dt *v; /* nrows * ncols, row-major */
	unsigned char *ok;
	size_t ncols;
	int cols[4];
};
LULL_MUST_CHECK enum lull_err imp_dtab_scan(struct imp_file *,
    const struct imp_csv *, size_t from, const int *cols, size_t ncols,
    struct imp_dtab *);
void imp_dtab_free(struct imp_dtab *);
/* The time in cell (row, cols[i]); IMP_T_NONE for an empty cell. */
LULL_MUST_CHECK enum lull_err imp_cell_time(struct imp_file *,
    const struct imp_csv *, const struct imp_dtab *, size_t row, size_t i,
    struct imp_time *out);

#endif
