/*
 * Baby Tracker (Nighp, babytrackers.com): one CSV per activity, often
 * sent as a zip, newest rows first, with a UTF-8 BOM:
 *   name_sleep.csv      Baby,Time,Duration(minutes),Note
 *                       (other versions: "Duration (min)")
 *   name_nursing.csv    Baby,Time,Start Side,Left duration (min),
 *                       Right duration (min),Total Duration (min),Note
 *   name_formula.csv    Baby,Time,Amount (ml),Note   ("Amount (oz.)")
 *   name_expressed.csv  the same, for expressed breast milk
 *   ... diaper, pump, growth, medication, milestone, vaccine, ...
 * "Time" follows the phone's locale: "9/19/24, 7:35 PM" (with a narrow
 * no-break space before PM on iOS), "9/19/24, 19:35", "19/09/2024, 7:35
 * pm"; the date order is decided for each file (import_time.c).  A sleep
 * has a start and a duration; a duration of 0 is a timer still running
 * when the export was made (or one never stopped).
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <string.h>

#include "import_int.h"

enum act { A_SLEEP, A_NURSING, A_BOTTLE, A_SOLIDS, A_OTHER };

static int
detect(const struct imp_peek *pk)
{
	if (pk->nhdr >= 3 && strcmp(pk->hdr[0], "baby") == 0 &&
	    strcmp(pk->hdr[1], "time") == 0)
		return 90;
	/* pump.csv has no Baby column. */
	if (pk->nhdr >= 3 && strcmp(pk->hdr[0], "time") == 0 &&
	    imp_peek_has(pk, "start side"))
		return 85;
	return 0;
}

static int
col_like(const struct imp_csv *t, const char *word)
{
	uint32_t i;

	for (i = 0; t->nrows > 0 && i < t->rows[0].n; i++)
		if (imp_contains(imp_csv_get(t, 0, (int)i), word))
			return (int)i;
	return -1;
}

static const char *
base(const char *name)
{
	const char *p = strrchr(name, '/'), *q = strrchr(name, ':');

	if (q != NULL && (p == NULL || q > p))
		p = q;
	return p != NULL ? p + 1 : name;
}

static const char WHY_PUMP[] = "Baby Tracker pumping rows (pumping is not "
			       "a feed)";
static const char WHY_DIAPER[] = "Baby Tracker diaper rows (lull keeps "
				 "sleeps and feeds)";
static const char WHY_OTHER[] = "Baby Tracker rows of other activities "
				"(growth, medicine, milestones, ...: lull "
				"keeps sleeps and feeds)";

static enum act
activity(const struct imp_csv *t, const char *name, const char **why)
{
	const char *b = base(name);

	*why = WHY_OTHER;
	if (imp_contains(b, "pump") || imp_csv_col(t, 0, "Baby") < 0) {
		*why = WHY_PUMP;
		return A_OTHER;
	}
	if (col_like(t, "left duration") >= 0)
		return A_NURSING;
	if (imp_csv_col(t, 0, "Status") >= 0 || imp_contains(b, "diaper")) {
		*why = WHY_DIAPER;
		return A_OTHER;
	}
	if (imp_contains(b, "other_activity") ||
	    imp_csv_col(t, 0, "Other activity") >= 0)
		return A_OTHER;
	if (imp_contains(b, "supplement") || imp_contains(b, "solid") ||
	    imp_csv_col(t, 0, "Food") >= 0)
		return A_SOLIDS;
	if (col_like(t, "amount") >= 0 &&
	    (imp_contains(b, "formula") || imp_contains(b, "expressed") ||
		imp_contains(b, "bottle") || t->rows[0].n <= 4))
		return A_BOTTLE;
	if (col_like(t, "duration") >= 0 &&
	    (imp_contains(b, "sleep") || t->rows[0].n <= 4))
		return A_SLEEP;
	return A_OTHER;
}

static enum lull_err
parse(struct imp_file *f, const unsigned char *data, size_t len)
{
	struct imp_csv t;
	struct imp_dtab dt = { 0 };
	struct imp_rec *rec;
	enum lull_err rc;
	enum act act;
	const char *why, *v;
	int time, dur, note, baby, amount, left, right, total, side, food;
	int64_t sec, l, rt;
	double unit;
	size_t r, rows = 0;

	if ((rc = imp_csv_load(f, data, len, &t)) != LULL_OK)
		return rc;
	if (t.nrows == 0) {
		imp_csv_free(&t);
		return LULL_OK;
	}
	act = activity(&t, f->name, &why);
	if (act == A_OTHER) {
		for (r = 1; rc == LULL_OK && r < t.nrows; r++)
			if (!imp_csv_blank_row(&t, r)) {
				rows++;
				rc = imp_skip(f, t.rows[r].line, why, 0);
			}
		f->im->src[f->src].rows = rows;
		imp_csv_free(&t);
		return rc;
	}
	time = imp_csv_col(&t, 0, "Time");
	baby = imp_csv_col(&t, 0, "Baby");
	note = imp_csv_col(&t, 0, "Note");
	dur = col_like(&t, "duration");
	total = col_like(&t, "total duration");
	left = col_like(&t, "left duration");
	right = col_like(&t, "right duration");
	side = imp_csv_col(&t, 0, "Start Side");
	amount = col_like(&t, "amount");
	food = imp_csv_col(&t, 0, "Food");
	unit = amount >= 0 && imp_contains(imp_csv_get(&t, 0, amount), "oz")
	    ? 29.5735
	    : 1;
	if (time < 0) {
		imp_csv_free(&t);
		return imp_fail(f, 1, 0, NULL, "no \"Time\" column");
	}
	rc = imp_dtab_scan(f, &t, 1, &time, 1, &dt);
	for (r = 1; rc == LULL_OK && r < t.nrows; r++) {
		uint32_t line = t.rows[r].line;

		if (imp_csv_blank_row(&t, r))
			continue;
		rows++;
		rec =
		    imp_rec_new(f, act == A_SLEEP ? IMP_SLEEP : IMP_FEED, line);
		if (rec == NULL) {
			rc = LULL_ENOMEM;
			break;
		}
		if ((rc = imp_cell_time(f, &t, &dt, r, 0, &rec->start)))
			break;
		if (rec->start.kind == IMP_T_NONE) {
			rc = imp_fail(f, line, time + 1, "Time", "no time");
			break;
		}
		if ((rec->kid = imp_kid(f, imp_csv_get(&t, r, baby))) == -2) {
			rc = LULL_ENOMEM;
			break;
		}
		switch (act) {
		case A_SLEEP:
			v = imp_csv_get(&t, r, dur);
			if (imp_dur_parse(v, 60, &sec) != 0) {
				rc = imp_fail(f, line, dur + 1,
				    imp_csv_get(&t, 0, dur),
				    "\"%s\" is not a number of minutes", v);
				break;
			}
			if (sec == 0)
				rec->in_progress = 1;
			else
				rec->dur = sec;
			break;
		case A_NURSING:
			rec->fkind = LULL_FEED_BREAST;
			l = rt = 0;
			if ((imp_csv_get(&t, r, left)[0] &&
				imp_dur_parse(imp_csv_get(&t, r, left), 60,
				    &l)) ||
			    (imp_csv_get(&t, r, right)[0] &&
				imp_dur_parse(imp_csv_get(&t, r, right), 60,
				    &rt))) {
				rc = imp_fail(f, line, left + 1, "duration",
				    "the minutes per side are not numbers");
				break;
			}
			rec->side = l && rt ? LULL_SIDE_BOTH
			    : l             ? LULL_SIDE_LEFT
			    : rt            ? LULL_SIDE_RIGHT
					    : LULL_SIDE_NONE;
			if (rec->side == LULL_SIDE_NONE) {
				v = imp_csv_get(&t, r, side);
				rec->side = imp_streq(v, "Left")
				    ? LULL_SIDE_LEFT
				    : imp_streq(v, "Right") ? LULL_SIDE_RIGHT
							    : LULL_SIDE_NONE;
			}
			v = imp_csv_get(&t, r, total);
			if (v[0] != '\0' && imp_dur_parse(v, 60, &sec) == 0 &&
			    sec > 0)
				rec->dur = sec;
			else if (l + rt > 0)
				rec->dur = l + rt;
			if (l && rt) {
				char buf[64];

				snprintf(buf, sizeof(buf),
				    "left %lld min, right %lld min",
				    (long long)(l / 60), (long long)(rt / 60));
				rc = imp_note_add(rec, NULL, buf);
			}
			break;
		case A_BOTTLE:
			rec->fkind = LULL_FEED_BOTTLE;
			v = imp_csv_get(&t, r, amount);
			if (v[0] != '\0' && imp_amount_ml(v, unit, &rec->ml)) {
				rc = imp_fail(f, line, amount + 1,
				    imp_csv_get(&t, 0, amount),
				    "\"%s\" is not an amount", v);
				break;
			}
			rc = imp_note_add(rec, NULL,
			    imp_contains(base(f->name), "expressed")
				? "expressed milk"
				: imp_contains(base(f->name), "formula")
				? "formula"
				: "");
			break;
		case A_SOLIDS:
			rec->fkind = LULL_FEED_SOLIDS;
			rc = imp_note_add(rec, NULL, imp_csv_get(&t, r, food));
			break;
		case A_OTHER:
			break;
		}
		if (rc == LULL_OK)
			rc = imp_note_add(rec, NULL, imp_csv_get(&t, r, note));
	}
	if (rc == LULL_ENOMEM && f->im->ei->code != LULL_ENOMEM)
		rc = lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	f->im->src[f->src].rows = rows;
	imp_dtab_free(&dt);
	imp_csv_free(&t);
	return rc;
}

const struct imp_format imp_fmt_babytracker = {
	"babytracker",
	"Baby Tracker CSV",
	detect,
	parse,
};
