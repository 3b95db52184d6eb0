/*
 * Any CSV with a header row, given a column mapping on the command line:
 *   --format generic --map "start=Began,end=Woke,note=Comment"
 * Keys: start (required), end, duration (minutes, H:MM or "1 h 5 min"),
 * kind (nap or night), type (which rows are sleeps and which feeds:
 * sleep, nap, night, feed, breast, bottle, solids), child, note, ml,
 * side; and "as=sleep" or "as=feed" to say what every row is when no
 * column does (sleep by default).  Values name columns by their header.
 * Dates and times are read as for every format, the date order decided
 * from the whole file (or --date-order).
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"

enum key {
	K_START,
	K_END,
	K_DUR,
	K_KIND,
	K_TYPE,
	K_CHILD,
	K_NOTE,
	K_ML,
	K_SIDE,
	K__MAX
};

static const char *const keys[K__MAX] = { "start", "end", "duration", "kind",
	"type", "child", "note", "ml", "side" };

static const char WHY_TYPE[] = "rows whose type is neither a sleep nor a "
			       "feed";

/* Read the mapping into column numbers; "as" into *feeds. */
static enum lull_err
mapping(struct imp_file *f, const struct imp_csv *t, const char *map, int *col,
    int *feeds)
{
	char buf[1024], *item, *save = NULL, *eq;
	size_t k;

	for (k = 0; k < K__MAX; k++)
		col[k] = -1;
	*feeds = 0;
	if (map == NULL || map[0] == '\0')
		return lull_errinfo_set(f->im->ei, LULL_EINVAL, "map",
		    "map: the generic format needs --map "
		    "\"start=COLUMN,end=COLUMN,...\"");
	if (strlen(map) >= sizeof(buf))
		return lull_errinfo_set(f->im->ei, LULL_EINVAL, "map",
		    "map: too long");
	memcpy(buf, map, strlen(map) + 1);
	for (item = strtok_r(buf, ",", &save); item != NULL;
	     item = strtok_r(NULL, ",", &save)) {
		item += strspn(item, " ");
		if ((eq = strchr(item, '=')) == NULL)
			return lull_errinfo_set(f->im->ei, LULL_EINVAL, "map",
			    "map: \"%s\" is not KEY=COLUMN", item);
		*eq++ = '\0';
		if (imp_streq(item, "as")) {
			if (imp_streq(eq, "feed"))
				*feeds = 1;
			else if (!imp_streq(eq, "sleep"))
				return lull_errinfo_set(f->im->ei, LULL_EINVAL,
				    "map", "map: as=%s: sleep or feed", eq);
			continue;
		}
		for (k = 0; k < K__MAX; k++)
			if (imp_streq(item, keys[k]))
				break;
		if (k == K__MAX)
			return lull_errinfo_set(f->im->ei, LULL_EINVAL, "map",
			    "map: unknown key \"%s\" (start, end, duration, "
			    "kind, type, child, note, ml, side, as)",
			    item);
		if ((col[k] = imp_csv_col(t, 0, eq)) < 0)
			return imp_fail(f, 1, 0, NULL,
			    "no column \"%s\" (--map %s=%s)", eq, item, eq);
	}
	if (col[K_START] < 0)
		return lull_errinfo_set(f->im->ei, LULL_EINVAL, "map",
		    "map: start=COLUMN is required");
	return LULL_OK;
}

static enum lull_err
parse(struct imp_file *f, const unsigned char *data, size_t len)
{
	struct imp_csv t;
	struct imp_dtab dt = { 0 };
	struct imp_rec *rec;
	enum lull_err rc;
	const char *v;
	int col[K__MAX], dcols[2], feeds, isfeed, kind;
	enum lull_feed_kind fk;
	size_t r, rows = 0;

	if ((rc = imp_csv_load(f, data, len, &t)) != LULL_OK)
		return rc;
	if ((rc = mapping(f, &t, f->im->map, col, &feeds)) != LULL_OK) {
		imp_csv_free(&t);
		return rc;
	}
	dcols[0] = col[K_START];
	dcols[1] = col[K_END];
	rc = imp_dtab_scan(f, &t, 1, dcols, 2, &dt);
	for (r = 1; rc == LULL_OK && r < t.nrows; r++) {
		uint32_t line = t.rows[r].line;

		if (imp_csv_blank_row(&t, r))
			continue;
		rows++;
		isfeed = feeds;
		kind = -1;
		fk = LULL_FEED_BOTTLE;
		if (col[K_TYPE] >= 0) {
			v = imp_csv_get(&t, r, col[K_TYPE]);
			isfeed = 1;
			if (imp_contains(v, "nap")) {
				kind = LULL_SLEEP_NAP;
				isfeed = 0;
			} else if (imp_contains(v, "night")) {
				kind = LULL_SLEEP_NIGHT;
				isfeed = 0;
			} else if (imp_contains(v, "sleep"))
				isfeed = 0;
			else if (imp_contains(v, "breast") ||
			    imp_contains(v, "nurs"))
				fk = LULL_FEED_BREAST;
			else if (imp_contains(v, "solid"))
				fk = LULL_FEED_SOLIDS;
			else if (!imp_contains(v, "feed") &&
			    !imp_contains(v, "bottle") &&
			    !imp_contains(v, "formula")) {
				rc = imp_skip(f, line, WHY_TYPE, 0);
				continue;
			}
		}
		rec = imp_rec_new(f, isfeed ? IMP_FEED : IMP_SLEEP, line);
		if (rec == NULL) {
			rc = LULL_ENOMEM;
			break;
		}
		if ((rc = imp_cell_time(f, &t, &dt, r, 0, &rec->start)) ||
		    (rc = imp_cell_time(f, &t, &dt, r, 1, &rec->end)))
			break;
		if (rec->start.kind == IMP_T_NONE) {
			rc = imp_fail(f, line, col[K_START] + 1,
			    imp_csv_get(&t, 0, col[K_START]), "no time");
			break;
		}
		v = imp_csv_get(&t, r, col[K_DUR]);
		if (v[0] != '\0' && imp_dur_parse(v, 60, &rec->dur) != 0) {
			rc = imp_fail(f, line, col[K_DUR] + 1,
			    imp_csv_get(&t, 0, col[K_DUR]),
			    "\"%s\" is not a duration", v);
			break;
		}
		v = imp_csv_get(&t, r, col[K_KIND]);
		if (imp_streq(v, "nap"))
			kind = LULL_SLEEP_NAP;
		else if (imp_streq(v, "night"))
			kind = LULL_SLEEP_NIGHT;
		else if (v[0] != '\0') {
			rc = imp_fail(f, line, col[K_KIND] + 1,
			    imp_csv_get(&t, 0, col[K_KIND]),
			    "\"%s\" is not nap or night", v);
			break;
		}
		rec->kind = kind;
		rec->fkind = fk;
		if ((rec->kid = imp_kid(f, imp_csv_get(&t, r, col[K_CHILD]))) ==
		    -2) {
			rc = LULL_ENOMEM;
			break;
		}
		v = imp_csv_get(&t, r, col[K_ML]);
		if (v[0] != '\0' && imp_amount_ml(v, 1, &rec->ml) != 0) {
			rc = imp_fail(f, line, col[K_ML] + 1,
			    imp_csv_get(&t, 0, col[K_ML]),
			    "\"%s\" is not an amount", v);
			break;
		}
		v = imp_csv_get(&t, r, col[K_SIDE]);
		if (v[0] != '\0') {
			rec->fkind = LULL_FEED_BREAST;
			rec->side = imp_contains(v, "both") ? LULL_SIDE_BOTH
			    : imp_contains(v, "l")          ? LULL_SIDE_LEFT
			    : imp_contains(v, "r")          ? LULL_SIDE_RIGHT
							    : LULL_SIDE_NONE;
		}
		if (!isfeed && rec->end.kind == IMP_T_NONE && rec->dur < 0)
			rec->in_progress = 1;
		rc = imp_note_add(rec, NULL, imp_csv_get(&t, r, col[K_NOTE]));
	}
	if (rc == LULL_ENOMEM && f->im->ei->code != LULL_ENOMEM)
		rc = lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	f->im->src[f->src].rows = rows;
	imp_dtab_free(&dt);
	imp_csv_free(&t);
	return rc;
}

const struct imp_format imp_fmt_generic = {
	"generic",
	"CSV with a column mapping",
	NULL,
	parse,
};
