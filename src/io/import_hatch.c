/*
 * Hatch Baby: a CSV export, either plain or as "sectioned text" where
 * marker lines ("=== BEGIN Sleeps ===" ... "=== END Sleeps ===") split it
 * into Feedings, Diapers, Lengths, Sleeps and Weights:
 *   Baby Name,Start Time,End Time,Activity,Amount,Percentile,Duration,
 *   Info,Notes
 * Times are "MM/DD/YYYY h:mm AM"; Hatch also writes 24-hour times with a
 * marker ("22:50 PM", "0:00 AM"), read as the 24-hour time.  Durations
 * are "1 h 48 min" in the sectioned text and hours ("0.016667") in the
 * plain CSV; the end time is used when there is one.  Feedings carry a
 * bottle amount ("2.50oz").
 * SPDX-License-Identifier: ISC
 */
#include <string.h>

#include "import_int.h"

static int
detect(const struct imp_peek *pk)
{
	if (imp_peek_has(pk, "baby name") && imp_peek_has(pk, "start time") &&
	    imp_peek_has(pk, "activity"))
		return 90;
	return 0;
}

static const char *const others[][2] = {
	{ "Diaper", "Hatch diaper rows (lull keeps sleeps and feeds)" },
	{ "Weight",
	    "Hatch weight and length rows (lull keeps sleeps and "
	    "feeds)" },
	{ "Length",
	    "Hatch weight and length rows (lull keeps sleeps and "
	    "feeds)" },
	{ "Pump", "Hatch pumping rows (pumping is not a feed)" },
	{ "Pumping", "Hatch pumping rows (pumping is not a feed)" },
	{ NULL,
	    "Hatch rows of other activities (lull keeps sleeps and "
	    "feeds)" },
};

static const char *
other_reason(const char *act)
{
	size_t i;

	for (i = 0; others[i][0] != NULL; i++)
		if (imp_streq(others[i][0], act))
			break;
	return others[i][1];
}

static enum lull_err
parse(struct imp_file *f, const unsigned char *data, size_t len)
{
	struct imp_csv t;
	struct imp_dtab dt = { 0 };
	struct imp_rec *rec;
	enum lull_err rc;
	const char *act, *v;
	int dcols[2], cname, cact, camount, cdur, cinfo, cnotes;
	size_t r, rows = 0;

	if ((rc = imp_csv_load(f, data, len, &t)) != LULL_OK)
		return rc;
	cname = imp_csv_col(&t, 0, "Baby Name");
	dcols[0] = imp_csv_col(&t, 0, "Start Time");
	dcols[1] = imp_csv_col(&t, 0, "End Time");
	cact = imp_csv_col(&t, 0, "Activity");
	camount = imp_csv_col(&t, 0, "Amount");
	cdur = imp_csv_col(&t, 0, "Duration");
	cinfo = imp_csv_col(&t, 0, "Info");
	cnotes = imp_csv_col(&t, 0, "Notes");
	if (dcols[0] < 0 || cact < 0) {
		imp_csv_free(&t);
		return imp_fail(f, 1, 0, NULL,
		    "no \"Start Time\" or \"Activity\" column");
	}
	rc = imp_dtab_scan(f, &t, 1, dcols, 2, &dt);
	for (r = 1; rc == LULL_OK && r < t.nrows; r++) {
		uint32_t line = t.rows[r].line;
		int sleep, feed;

		if (imp_csv_blank_row(&t, r) ||
		    strncmp(imp_csv_get(&t, r, 0), "===", 3) == 0)
			continue;
		rows++;
		act = imp_csv_get(&t, r, cact);
		sleep = imp_streq(act, "Sleep");
		feed = imp_streq(act, "Feeding") || imp_streq(act, "Bottle") ||
		    imp_streq(act, "Nursing");
		if (!sleep && !feed) {
			rc = imp_skip(f, line, other_reason(act), 0);
			continue;
		}
		rec = imp_rec_new(f, sleep ? IMP_SLEEP : IMP_FEED, line);
		if (rec == NULL) {
			rc = LULL_ENOMEM;
			break;
		}
		if ((rc = imp_cell_time(f, &t, &dt, r, 0, &rec->start)) ||
		    (rc = imp_cell_time(f, &t, &dt, r, 1, &rec->end)))
			break;
		if (rec->start.kind == IMP_T_NONE) {
			rc = imp_fail(f, line, dcols[0] + 1, "Start Time",
			    "no time");
			break;
		}
		/* Only durations with units: a bare number is hours in one
		 * version and who knows in another. */
		v = imp_csv_get(&t, r, cdur);
		if (imp_dur_parse(v, 0, &rec->dur) != 0)
			rec->dur = -1;
		if ((rec->kid = imp_kid(f, imp_csv_get(&t, r, cname))) == -2) {
			rc = LULL_ENOMEM;
			break;
		}
		if (feed) {
			v = imp_csv_get(&t, r, camount);
			if (v[0] != '\0') {
				rec->fkind = LULL_FEED_BOTTLE;
				if (imp_amount_ml(v, 0, &rec->ml) != 0) {
					rc = imp_fail(f, line, camount + 1,
					    "Amount",
					    "\"%s\" is not an amount (2.50oz)",
					    v);
					break;
				}
			} else {
				v = imp_csv_get(&t, r, cinfo);
				rec->fkind = imp_streq(act, "Bottle")
				    ? LULL_FEED_BOTTLE
				    : LULL_FEED_BREAST;
				rec->side = imp_contains(v, "both")
				    ? LULL_SIDE_BOTH
				    : imp_contains(v, "left")  ? LULL_SIDE_LEFT
				    : imp_contains(v, "right") ? LULL_SIDE_RIGHT
							       : LULL_SIDE_NONE;
			}
		} else if (rec->end.kind == IMP_T_NONE && rec->dur < 0)
			rec->in_progress = 1;
		rc = imp_note_add(rec, NULL, imp_csv_get(&t, r, cnotes));
		if (rc == LULL_OK)
			rc = imp_note_add(rec, "Hatch",
			    imp_csv_get(&t, r, cinfo));
	}
	if (rc == LULL_ENOMEM && f->im->ei->code != LULL_ENOMEM)
		rc = lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	f->im->src[f->src].rows = rows;
	imp_dtab_free(&dt);
	imp_csv_free(&t);
	return rc;
}

const struct imp_format imp_fmt_hatch = {
	"hatch",
	"Hatch CSV or sectioned text",
	detect,
	parse,
};
