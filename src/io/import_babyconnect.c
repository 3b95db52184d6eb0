/*
 * Baby Connect's CSV export: every entry in one file, newest first,
 *   Date and Time,End Time,Duration (min),Activity,Quantity,Extra data,
 *   Text,Notes,Caregiver
 * with local "M/D/YY h:mm AM" times.  "Text" is the sentence the app
 * shows, which is where the details are: "Juno slept in her crib
 * (10h35m)", "Juno drank 6.5 oz of formula (22m)", "Juno nursed (7m left,
 * 9m right)".  The child's name is the sentence's first word.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"

static int
detect(const struct imp_peek *pk)
{
	if (imp_peek_has(pk, "date and time") && imp_peek_has(pk, "activity") &&
	    (imp_peek_has(pk, "end time") || imp_peek_has(pk, "text")))
		return 90;
	return 0;
}

static const char *const others[][2] = {
	{ "Diaper", "Baby Connect Diaper rows (lull keeps sleeps and feeds)" },
	{ "Pumping", "Baby Connect Pumping rows (pumping is not a feed)" },
	{ "Height",
	    "Baby Connect Height, Weight and Head Size rows (lull "
	    "keeps sleeps and feeds)" },
	{ "Weight",
	    "Baby Connect Height, Weight and Head Size rows (lull "
	    "keeps sleeps and feeds)" },
	{ "Head Size",
	    "Baby Connect Height, Weight and Head Size rows (lull "
	    "keeps sleeps and feeds)" },
	{ "Milestone",
	    "Baby Connect Milestone rows (lull keeps sleeps and "
	    "feeds)" },
	{ NULL,
	    "Baby Connect rows of other activities (lull keeps sleeps and "
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

/* The first word of "Juno slept ...", if the verb follows it. */
static void
name_of(const char *text, const char *verb, char *buf, size_t bufsz)
{
	const char *p = strstr(text, verb);
	size_t n;

	buf[0] = '\0';
	if (p == NULL || p == text || p[-1] != ' ')
		return;
	n = (size_t)(p - text - 1);
	if (n == 0 || n >= bufsz || memchr(text, ' ', n) != NULL)
		return;
	memcpy(buf, text, n);
	buf[n] = '\0';
}

/* " in her crib " out of "Juno slept in her crib (10h35m)". */
static void
place_phrase(const char *text, char *buf, size_t bufsz)
{
	const char *p = strstr(text, " slept"), *q;
	size_t n;

	buf[0] = '\0';
	if (p == NULL)
		return;
	p += 6;
	q = strchr(p, '(');
	n = q != NULL ? (size_t)(q - p) : strlen(p);
	if (n >= bufsz)
		n = bufsz - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
}

static enum lull_err
parse(struct imp_file *f, const unsigned char *data, size_t len)
{
	struct imp_csv t;
	struct imp_dtab dt = { 0 };
	struct imp_rec *rec;
	enum lull_err rc;
	const char *act, *text, *v, *verb;
	int dcols[2], cdur, cact, cqty, cextra, ctext, cnotes;
	size_t r, rows = 0;
	char name[64], phrase[128];
	double unit;

	if ((rc = imp_csv_load(f, data, len, &t)) != LULL_OK)
		return rc;
	dcols[0] = imp_csv_col(&t, 0, "Date and Time");
	dcols[1] = imp_csv_col(&t, 0, "End Time");
	cdur = imp_csv_col(&t, 0, "Duration (min)");
	cact = imp_csv_col(&t, 0, "Activity");
	cqty = imp_csv_col(&t, 0, "Quantity");
	cextra = imp_csv_col(&t, 0, "Extra data");
	ctext = imp_csv_col(&t, 0, "Text");
	cnotes = imp_csv_col(&t, 0, "Notes");
	if (dcols[0] < 0 || cact < 0) {
		imp_csv_free(&t);
		return imp_fail(f, 1, 0, NULL,
		    "no \"Date and Time\" or \"Activity\" column");
	}
	rc = imp_dtab_scan(f, &t, 1, dcols, 2, &dt);
	for (r = 1; rc == LULL_OK && r < t.nrows; r++) {
		uint32_t line = t.rows[r].line;
		int sleep, bottle, nursing, solid;

		if (imp_csv_blank_row(&t, r))
			continue;
		rows++;
		act = imp_csv_get(&t, r, cact);
		text = imp_csv_get(&t, r, ctext);
		sleep = imp_streq(act, "Sleep");
		bottle = imp_streq(act, "Bottle");
		nursing = imp_streq(act, "Nursing");
		solid = imp_streq(act, "Solid") || imp_streq(act, "Solids");
		if (!sleep && !bottle && !nursing && !solid) {
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
			rc = imp_fail(f, line, dcols[0] + 1, "Date and Time",
			    "no time");
			break;
		}
		v = imp_csv_get(&t, r, cdur);
		if (v[0] != '\0' && imp_dur_parse(v, 60, &rec->dur) != 0) {
			rc = imp_fail(f, line, cdur + 1, "Duration (min)",
			    "\"%s\" is not a number of minutes", v);
			break;
		}
		verb = sleep  ? "slept"
		    : bottle  ? "drank"
		    : nursing ? "nursed"
			      : "ate";
		name_of(text, verb, name, sizeof(name));
		if ((rec->kid = imp_kid(f, name)) == -2) {
			rc = LULL_ENOMEM;
			break;
		}
		if (sleep) {
			place_phrase(text, phrase, sizeof(phrase));
			(void)imp_vocab(phrase, &rec->onset, &rec->place);
		} else if (bottle) {
			rec->fkind = LULL_FEED_BOTTLE;
			unit = strstr(text, " oz") != NULL ? 29.5735
			    : strstr(text, " ml") != NULL  ? 1
							   : 0;
			v = imp_csv_get(&t, r, cqty);
			if (v[0] != '\0' && unit > 0 &&
			    imp_amount_ml(v, unit, &rec->ml) != 0) {
				rc = imp_fail(f, line, cqty + 1, "Quantity",
				    "\"%s\" is not an amount", v);
				break;
			}
			rc =
			    imp_note_add(rec, NULL, imp_csv_get(&t, r, cextra));
		} else if (nursing) {
			rec->fkind = LULL_FEED_BREAST;
			rec->side =
			    strstr(text, "left") && strstr(text, "right")
			    ? LULL_SIDE_BOTH
			    : strstr(text, "left")  ? LULL_SIDE_LEFT
			    : strstr(text, "right") ? LULL_SIDE_RIGHT
						    : LULL_SIDE_NONE;
		} else
			rec->fkind = LULL_FEED_SOLIDS;
		if (rc == LULL_OK)
			rc =
			    imp_note_add(rec, NULL, imp_csv_get(&t, r, cnotes));
		if (rc == LULL_OK)
			rc = imp_note_add(rec, "Baby Connect", text);
	}
	if (rc == LULL_ENOMEM && f->im->ei->code != LULL_ENOMEM)
		rc = lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	f->im->src[f->src].rows = rows;
	imp_dtab_free(&dt);
	imp_csv_free(&t);
	return rc;
}

const struct imp_format imp_fmt_babyconnect = {
	"babyconnect",
	"Baby Connect CSV",
	detect,
	parse,
};
