/*
 * Huckleberry's CSV export: one row per entry, newest first,
 *   "Type","Start","End","Duration","Start Condition","Start Location",
 *   "End Condition","Notes"[,"Logged By"]
 * with local "YYYY-MM-DD HH:MM" times and "HH:MM" durations.  Sleep rows
 * carry how the child settled ("Start Condition", several values in one
 * field: "Happy, under_10_minutes"), where ("Start Location": "Worn or
 * held", "Nursing", "On own in bed", "Next to carer") and how they woke
 * ("End Condition").  Feed rows carry the breast and minutes per side as
 * "00:18L" / "00:09R" in the condition fields, or a bottle amount.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"

static int
detect(const struct imp_peek *pk)
{
	if (imp_peek_has(pk, "type") && imp_peek_has(pk, "start") &&
	    (imp_peek_has(pk, "start condition") ||
		imp_peek_has(pk, "start location") ||
		imp_peek_has(pk, "end condition")))
		return 90;
	return 0;
}

/* Rows lull does not keep, by Huckleberry's type names. */
static const char *const others[][2] = {
	{ "Diaper", "Huckleberry Diaper rows (lull keeps sleeps and feeds)" },
	{ "Pump", "Huckleberry Pump rows (pumping is not a feed)" },
	{ "Growth", "Huckleberry Growth rows (lull keeps sleeps and feeds)" },
	{ "Meds", "Huckleberry Meds rows (lull keeps sleeps and feeds)" },
	{ "Temp", "Huckleberry Temp rows (lull keeps sleeps and feeds)" },
	{ "Bath", "Huckleberry Bath rows (lull keeps sleeps and feeds)" },
	{ "Potty", "Huckleberry Potty rows (lull keeps sleeps and feeds)" },
	{ "Activity",
	    "Huckleberry Activity rows (lull keeps sleeps and "
	    "feeds)" },
	{ NULL,
	    "Huckleberry rows of other types (lull keeps sleeps and "
	    "feeds)" },
};

static const char *
other_reason(const char *type)
{
	size_t i;

	for (i = 0; others[i][0] != NULL; i++)
		if (imp_streq(others[i][0], type))
			break;
	return others[i][1];
}

/* "00:18L" -> 18 minutes on the left; 0 if it is not that. */
static int
side_minutes(const char *s, int *left, int *right)
{
	int h, m;
	char c, end;

	if (sscanf(s, "%d:%d%c%c", &h, &m, &c, &end) != 3 || h < 0 || m < 0 ||
	    m > 59 || h > 23)
		return 0;
	if (c == 'L' || c == 'l')
		*left += h * 60 + m;
	else if (c == 'R' || c == 'r')
		*right += h * 60 + m;
	else
		return 0;
	return 1;
}

struct cols {
	int type, start, end, dur, scond, sloc, econd, notes, child;
};

static enum lull_err
sleep_row(struct imp_file *f, const struct imp_csv *t, size_t r,
    const struct cols *c, struct imp_rec *rec)
{
	const char *loc = imp_csv_get(t, r, c->sloc);
	const char *sc = imp_csv_get(t, r, c->scond);
	const char *ec = imp_csv_get(t, r, c->econd);
	enum lull_err rc = LULL_OK;

	(void)f;
	if (imp_vocab(loc, &rec->onset, &rec->place) > 0)
		rec->onset |= 1u << LULL_ONSET_OTHER;
	if (rec->end.kind == IMP_T_NONE && rec->dur < 0)
		rec->in_progress = 1;
	if (rc == LULL_OK)
		rc = imp_note_add(rec, NULL, imp_csv_get(t, r, c->notes));
	if (rc == LULL_OK)
		rc = imp_note_add(rec, "Huckleberry start condition", sc);
	if (rc == LULL_OK)
		rc = imp_note_add(rec, "start location", loc);
	if (rc == LULL_OK)
		rc = imp_note_add(rec, "end condition", ec);
	return rc;
}

static enum lull_err
feed_row(const struct imp_csv *t, size_t r, const struct cols *c,
    struct imp_rec *rec, int solids)
{
	const char *loc = imp_csv_get(t, r, c->sloc);
	const char *sc = imp_csv_get(t, r, c->scond);
	const char *ec = imp_csv_get(t, r, c->econd);
	enum lull_err rc;
	int left = 0, right = 0, sides;
	char buf[64];

	if (solids) {
		rec->fkind = LULL_FEED_SOLIDS;
		rc = imp_note_add(rec, NULL, sc);
		if (rc == LULL_OK)
			rc = imp_note_add(rec, NULL, loc);
		if (rc == LULL_OK)
			rc = imp_note_add(rec, NULL, ec);
		if (rc == LULL_OK)
			rc = imp_note_add(rec, NULL,
			    imp_csv_get(t, r, c->notes));
		return rc;
	}
	sides =
	    side_minutes(sc, &left, &right) + side_minutes(ec, &left, &right);
	if (sides == 0 && !imp_streq(loc, "Breast")) {
		/* A bottle: the amount is in a condition field. */
		rec->fkind = LULL_FEED_BOTTLE;
		if (imp_amount_ml(sc, 0, &rec->ml) != 0)
			(void)imp_amount_ml(ec, 0, &rec->ml);
		rc = imp_note_add(rec, NULL, imp_csv_get(t, r, c->notes));
		if (rc == LULL_OK)
			rc = imp_note_add(rec, "Huckleberry start condition",
			    sc);
		if (rc == LULL_OK)
			rc = imp_note_add(rec, "start location", loc);
		if (rc == LULL_OK)
			rc = imp_note_add(rec, "end condition", ec);
		return rc;
	}
	rec->fkind = LULL_FEED_BREAST;
	rec->side = left && right ? LULL_SIDE_BOTH
	    : left                ? LULL_SIDE_LEFT
	    : right               ? LULL_SIDE_RIGHT
				  : LULL_SIDE_NONE;
	rc = imp_note_add(rec, NULL, imp_csv_get(t, r, c->notes));
	if (rc == LULL_OK && left && right) {
		snprintf(buf, sizeof(buf), "left %d min, right %d min", left,
		    right);
		rc = imp_note_add(rec, NULL, buf);
	}
	return rc;
}

static enum lull_err
parse(struct imp_file *f, const unsigned char *data, size_t len)
{
	struct imp_csv t;
	struct imp_dtab dt = { 0 };
	struct imp_rec *rec;
	struct cols c;
	enum lull_err rc;
	const char *type, *d;
	int dcols[2];
	size_t r, rows = 0;

	if ((rc = imp_csv_load(f, data, len, &t)) != LULL_OK)
		return rc;
	c.type = imp_csv_col(&t, 0, "Type");
	c.start = imp_csv_col(&t, 0, "Start");
	c.end = imp_csv_col(&t, 0, "End");
	c.dur = imp_csv_col(&t, 0, "Duration");
	c.scond = imp_csv_col(&t, 0, "Start Condition");
	c.sloc = imp_csv_col(&t, 0, "Start Location");
	c.econd = imp_csv_col(&t, 0, "End Condition");
	c.notes = imp_csv_col(&t, 0, "Notes");
	c.child = imp_csv_col(&t, 0, "Child");
	if (c.child < 0)
		c.child = imp_csv_col(&t, 0, "Child Name");
	if (c.type < 0 || c.start < 0) {
		imp_csv_free(&t);
		return imp_fail(f, 1, 0, NULL,
		    "no \"%s\" column: not a Huckleberry export lull knows",
		    c.type < 0 ? "Type" : "Start");
	}
	dcols[0] = c.start;
	dcols[1] = c.end;
	rc = imp_dtab_scan(f, &t, 1, dcols, 2, &dt);
	for (r = 1; rc == LULL_OK && r < t.nrows; r++) {
		uint32_t line = t.rows[r].line;
		int sleep, feed, solids;

		if (imp_csv_blank_row(&t, r))
			continue;
		rows++;
		type = imp_csv_get(&t, r, c.type);
		sleep = imp_streq(type, "Sleep");
		feed = imp_streq(type, "Feed") || imp_streq(type, "Bottle") ||
		    imp_streq(type, "Nursing");
		solids = imp_streq(type, "Solids");
		if (!sleep && !feed && !solids) {
			rc = imp_skip(f, line, other_reason(type), 0);
			continue;
		}
		if ((rec = imp_rec_new(f, sleep ? IMP_SLEEP : IMP_FEED,
			 line)) == NULL) {
			rc = LULL_ENOMEM;
			break;
		}
		if ((rc = imp_cell_time(f, &t, &dt, r, 0, &rec->start)) ||
		    (rc = imp_cell_time(f, &t, &dt, r, 1, &rec->end)))
			break;
		if (rec->start.kind == IMP_T_NONE) {
			rc = imp_fail(f, line, c.start + 1, "Start",
			    "a %s without a start time", type);
			break;
		}
		d = imp_csv_get(&t, r, c.dur);
		if (d[0] != '\0' && imp_dur_parse(d, 0, &rec->dur) != 0) {
			rc = imp_fail(f, line, c.dur + 1, "Duration",
			    "\"%s\" is not a duration (HH:MM)", d);
			break;
		}
		if (c.child >= 0 &&
		    (rec->kid = imp_kid(f, imp_csv_get(&t, r, c.child))) ==
			-2) {
			rc = LULL_ENOMEM;
			break;
		}
		rc = sleep ? sleep_row(f, &t, r, &c, rec)
			   : feed_row(&t, r, &c, rec, solids);
	}
	if (rc == LULL_ENOMEM && f->im->ei->code != LULL_ENOMEM)
		rc = lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	f->im->src[f->src].rows = rows;
	imp_dtab_free(&dt);
	imp_csv_free(&t);
	return rc;
}

const struct imp_format imp_fmt_huckleberry = {
	"huckleberry",
	"Huckleberry CSV",
	detect,
	parse,
};
