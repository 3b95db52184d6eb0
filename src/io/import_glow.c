/*
 * Glow Baby: one CSV per kind of entry, for one child (the export does
 * not name the child: --child, or the household's only child).
 *   glow_sleep.csv        Begin time,End time
 *   glow_feed_bottle.csv  Time of feeding,Milk type,Amount(ml),Amount(oz)
 *   glow_feed_solid.csv   Time of feeding,Ingredients,Amount,Unit type,
 *                         Baby's reaction
 *   glow_diaper.csv, glow_growth.csv: nothing lull keeps
 * with "MM/DD/YYYY h:mm:ss AM" local times, rows not strictly sorted.
 * Many sessions of a minute or two are brief resettles the parent timed;
 * they are kept as sleeps (and, at night, joined into the night).
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <string.h>

#include "import_int.h"

enum kind { G_SLEEP, G_BREAST, G_BOTTLE, G_SOLID, G_OTHER };

static int
detect(const struct imp_peek *pk)
{
	if (imp_peek_has(pk, "begin time") && imp_peek_has(pk, "end time"))
		return 90;
	if (imp_peek_has(pk, "time of feeding") ||
	    imp_peek_has(pk, "diaper time"))
		return 90;
	if (imp_peek_has(pk, "date") && imp_peek_has(pk, "weight(kg)"))
		return 70;
	return 0;
}

static const char WHY_DIAPER[] = "Glow diaper rows (lull keeps sleeps and "
				 "feeds)";
static const char WHY_GROWTH[] = "Glow growth rows (lull keeps sleeps and "
				 "feeds)";

static int
col_like(const struct imp_csv *t, const char *word)
{
	uint32_t i;

	for (i = 0; t->nrows > 0 && i < t->rows[0].n; i++)
		if (imp_contains(imp_csv_get(t, 0, (int)i), word))
			return (int)i;
	return -1;
}

static enum lull_err
parse(struct imp_file *f, const unsigned char *data, size_t len)
{
	struct imp_csv t;
	struct imp_dtab dt = { 0 };
	struct imp_rec *rec;
	enum lull_err rc;
	enum kind k;
	const char *v, *why = WHY_GROWTH;
	int dcols[2], ml, left, right, what, amount, unitc, react;
	int64_t l, rt;
	size_t r, rows = 0;
	char buf[200];

	if ((rc = imp_csv_load(f, data, len, &t)) != LULL_OK)
		return rc;
	dcols[0] = imp_csv_col(&t, 0, "Begin time");
	dcols[1] = imp_csv_col(&t, 0, "End time");
	left = col_like(&t, "left");
	right = col_like(&t, "right");
	if (dcols[0] >= 0)
		k = left >= 0 || right >= 0 ? G_BREAST : G_SLEEP;
	else if ((dcols[0] = imp_csv_col(&t, 0, "Time of feeding")) >= 0)
		k = imp_csv_col(&t, 0, "Milk type") >= 0 ? G_BOTTLE : G_SOLID;
	else {
		k = G_OTHER;
		if (imp_csv_col(&t, 0, "Diaper time") >= 0)
			why = WHY_DIAPER;
	}
	if (k == G_OTHER) {
		for (r = 1; rc == LULL_OK && r < t.nrows; r++)
			if (!imp_csv_blank_row(&t, r)) {
				rows++;
				rc = imp_skip(f, t.rows[r].line, why, 0);
			}
		f->im->src[f->src].rows = rows;
		imp_csv_free(&t);
		return rc;
	}
	ml = imp_csv_col(&t, 0, "Amount(ml)");
	what = k == G_BOTTLE ? imp_csv_col(&t, 0, "Milk type")
			     : imp_csv_col(&t, 0, "Ingredients");
	amount = imp_csv_col(&t, 0, "Amount");
	unitc = imp_csv_col(&t, 0, "Unit type");
	react = imp_csv_col(&t, 0, "Baby's reaction");
	rc = imp_dtab_scan(f, &t, 1, dcols,
	    k == G_SLEEP || k == G_BREAST ? 2 : 1, &dt);
	for (r = 1; rc == LULL_OK && r < t.nrows; r++) {
		uint32_t line = t.rows[r].line;

		if (imp_csv_blank_row(&t, r))
			continue;
		rows++;
		rec = imp_rec_new(f, k == G_SLEEP ? IMP_SLEEP : IMP_FEED, line);
		if (rec == NULL) {
			rc = LULL_ENOMEM;
			break;
		}
		if ((rc = imp_cell_time(f, &t, &dt, r, 0, &rec->start)))
			break;
		if ((k == G_SLEEP || k == G_BREAST) &&
		    (rc = imp_cell_time(f, &t, &dt, r, 1, &rec->end)))
			break;
		if (rec->start.kind == IMP_T_NONE) {
			rc = imp_fail(f, line, dcols[0] + 1,
			    imp_csv_get(&t, 0, dcols[0]), "no time");
			break;
		}
		if (k == G_SLEEP) {
			if (rec->end.kind == IMP_T_NONE)
				rec->in_progress = 1;
			continue;
		}
		if (k == G_BREAST) {
			rec->fkind = LULL_FEED_BREAST;
			l = rt = 0;
			(void)imp_dur_parse(imp_csv_get(&t, r, left), 60, &l);
			(void)imp_dur_parse(imp_csv_get(&t, r, right), 60, &rt);
			rec->side = l && rt ? LULL_SIDE_BOTH
			    : l             ? LULL_SIDE_LEFT
			    : rt            ? LULL_SIDE_RIGHT
					    : LULL_SIDE_NONE;
			continue;
		}
		if (k == G_BOTTLE) {
			rec->fkind = LULL_FEED_BOTTLE;
			v = imp_csv_get(&t, r, ml);
			if (v[0] != '\0' && imp_amount_ml(v, 1, &rec->ml)) {
				rc = imp_fail(f, line, ml + 1, "Amount(ml)",
				    "\"%s\" is not an amount", v);
				break;
			}
			rc = imp_note_add(rec, NULL, imp_csv_get(&t, r, what));
			continue;
		}
		rec->fkind = LULL_FEED_SOLIDS;
		snprintf(buf, sizeof(buf), "%s%s%s%s%s",
		    imp_csv_get(&t, r, what),
		    imp_csv_get(&t, r, amount)[0] ? " " : "",
		    imp_csv_get(&t, r, amount),
		    imp_csv_get(&t, r, unitc)[0] ? " " : "",
		    imp_csv_get(&t, r, unitc));
		rc = imp_note_add(rec, NULL, buf);
		if (rc == LULL_OK)
			rc = imp_note_add(rec, "reaction",
			    imp_csv_get(&t, r, react));
	}
	if (rc == LULL_ENOMEM && f->im->ei->code != LULL_ENOMEM)
		rc = lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	f->im->src[f->src].rows = rows;
	imp_dtab_free(&dt);
	imp_csv_free(&t);
	return rc;
}

const struct imp_format imp_fmt_glow = {
	"glow",
	"Glow Baby CSV",
	detect,
	parse,
};
