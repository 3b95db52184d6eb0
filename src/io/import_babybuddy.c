/*
 * Baby Buddy (the self-hosted app): its per-model CSV exports and table
 * dumps, and its REST API's JSON.
 *
 * CSV: one file per model, named by its columns.  Sleep:
 *   [id,]child_id|child,[child_first_name,child_last_name,]start,end,
 *   [duration,]nap,notes[,tags]
 * (older versions have no nap column), feeding adds type, method and
 * amount.  Times are as the server's locale wrote them: "2020-02-17
 * 00:14:09", or "26/02/2024 08:15" in a table dump.  A night is split at
 * midnight (23:59 / 00:00) when it was logged through some integrations.
 * Amounts have no unit in Baby Buddy; see amount_unit().
 *
 * JSON: GET /api/sleep/ and /api/feedings/ answer
 *   {"count": N, "next": ..., "results": [{"id": 1, "child": 1,
 *    "start": "2024-01-01T19:00:00-05:00", "end": ..., "nap": false}]}
 * (or a plain array of such objects), with offsets, so exact instants.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "import_int.h"

enum table { T_SLEEP, T_FEEDING, T_OTHER };

static int
detect(const struct imp_peek *pk)
{
	int child = imp_peek_has(pk, "child_id") || imp_peek_has(pk, "child") ||
	    imp_peek_has(pk, "child_first_name");

	if (imp_peek_has(pk, "start") && imp_peek_has(pk, "end") &&
	    (child || imp_peek_has(pk, "nap")))
		return 80;
	/* The other tables of a dump, which hold nothing lull keeps. */
	if (child && (imp_peek_has(pk, "time") || imp_peek_has(pk, "date")))
		return 60;
	return 0;
}

static const char WHY_DIAPER[] = "Baby Buddy diaper changes (lull keeps "
				 "sleeps and feeds)";
static const char WHY_TUMMY[] = "Baby Buddy tummy times (lull keeps sleeps "
				"and feeds)";
static const char WHY_OTHER[] = "Baby Buddy rows of other tables (weights, "
				"notes, ...: lull keeps sleeps and feeds)";

static int
yes(const char *v)
{
	return imp_streq(v, "1") || imp_streq(v, "true") || imp_streq(v, "yes");
}

static int
no(const char *v)
{
	return imp_streq(v, "0") || imp_streq(v, "false") || imp_streq(v, "no");
}

/*
 * Baby Buddy stores an amount without a unit: whatever the family
 * typed.  A feed of 16 or less is not millilitres, so a file whose
 * amounts are all that small is read in ounces; otherwise millilitres.
 */
static double
amount_unit(double max)
{
	return max > 0 && max <= 16 ? 29.5735 : 1;
}

/* Type and method of a feeding onto ours; 0, or -1 if unknown. */
static void
feeding_kind(struct imp_rec *rec, const char *type, const char *method)
{
	if (imp_contains(method, "breast")) {
		rec->fkind = LULL_FEED_BREAST;
		rec->side = imp_contains(method, "both") ? LULL_SIDE_BOTH
		    : imp_contains(method, "left")       ? LULL_SIDE_LEFT
		    : imp_contains(method, "right")      ? LULL_SIDE_RIGHT
							 : LULL_SIDE_NONE;
	} else if (imp_contains(type, "solid"))
		rec->fkind = LULL_FEED_SOLIDS;
	else
		rec->fkind = LULL_FEED_BOTTLE;
}

static enum lull_err
feeding_note(struct imp_rec *rec, const char *type, const char *method,
    const char *notes)
{
	char buf[160];
	enum lull_err rc;

	rc = imp_note_add(rec, NULL, notes);
	snprintf(buf, sizeof(buf), "%s%s%s", type,
	    type[0] && method[0] ? ", " : "", method);
	if (rc == LULL_OK)
		rc = imp_note_add(rec, "Baby Buddy", buf);
	return rc;
}

struct cols {
	int child, first, last, start, end, nap, notes, tags, type, method,
	    amount;
};

static enum table
table_of(const struct imp_csv *t, const char *name, const struct cols *c)
{
	if (c->type >= 0 || c->method >= 0)
		return T_FEEDING;
	if (imp_csv_col(t, 0, "milestone") >= 0 || imp_contains(name, "tummy"))
		return T_OTHER;
	if (c->start >= 0 && c->end >= 0)
		return T_SLEEP;
	return T_OTHER;
}

static enum lull_err
parse(struct imp_file *f, const unsigned char *data, size_t len)
{
	struct imp_csv t;
	struct imp_dtab dt = { 0 };
	struct imp_rec *rec;
	struct cols c;
	enum lull_err rc;
	enum table tab;
	const char *why, *v;
	char name[160];
	double max = 0, unit = 1, x;
	int dcols[2];
	size_t r, rows = 0;

	if ((rc = imp_csv_load(f, data, len, &t)) != LULL_OK)
		return rc;
	c.child = imp_csv_col(&t, 0, "child_id");
	if (c.child < 0)
		c.child = imp_csv_col(&t, 0, "child");
	c.first = imp_csv_col(&t, 0, "child_first_name");
	c.last = imp_csv_col(&t, 0, "child_last_name");
	c.start = imp_csv_col(&t, 0, "start");
	c.end = imp_csv_col(&t, 0, "end");
	c.nap = imp_csv_col(&t, 0, "nap");
	c.notes = imp_csv_col(&t, 0, "notes");
	c.tags = imp_csv_col(&t, 0, "tags");
	c.type = imp_csv_col(&t, 0, "type");
	c.method = imp_csv_col(&t, 0, "method");
	c.amount = imp_csv_col(&t, 0, "amount");
	tab = table_of(&t, f->name, &c);
	if (tab == T_OTHER) {
		why = imp_csv_col(&t, 0, "wet") >= 0       ? WHY_DIAPER
		    : imp_csv_col(&t, 0, "milestone") >= 0 ? WHY_TUMMY
							   : WHY_OTHER;
		for (r = 1; rc == LULL_OK && r < t.nrows; r++)
			if (!imp_csv_blank_row(&t, r)) {
				rows++;
				rc = imp_skip(f, t.rows[r].line, why, 0);
			}
		f->im->src[f->src].rows = rows;
		imp_csv_free(&t);
		return rc;
	}
	if (c.start < 0 || c.end < 0) {
		imp_csv_free(&t);
		return imp_fail(f, 1, 0, NULL,
		    "no \"start\" and \"end\" columns in a Baby Buddy feeding "
		    "export");
	}
	for (r = 1; c.amount >= 0 && r < t.nrows; r++) {
		v = imp_csv_get(&t, r, c.amount);
		if (v[0] != '\0' && (x = strtod(v, NULL)) > max)
			max = x;
	}
	unit = amount_unit(max);
	dcols[0] = c.start;
	dcols[1] = c.end;
	rc = imp_dtab_scan(f, &t, 1, dcols, 2, &dt);
	for (r = 1; rc == LULL_OK && r < t.nrows; r++) {
		uint32_t line = t.rows[r].line;

		if (imp_csv_blank_row(&t, r))
			continue;
		rows++;
		rec =
		    imp_rec_new(f, tab == T_SLEEP ? IMP_SLEEP : IMP_FEED, line);
		if (rec == NULL) {
			rc = LULL_ENOMEM;
			break;
		}
		if ((rc = imp_cell_time(f, &t, &dt, r, 0, &rec->start)) ||
		    (rc = imp_cell_time(f, &t, &dt, r, 1, &rec->end)))
			break;
		if (rec->start.kind == IMP_T_NONE) {
			rc = imp_fail(f, line, c.start + 1, "start",
			    "no start time");
			break;
		}
		if (c.first >= 0)
			snprintf(name, sizeof(name), "%s%s%s",
			    imp_csv_get(&t, r, c.first),
			    c.last >= 0 && imp_csv_get(&t, r, c.last)[0] ? " "
									 : "",
			    c.last >= 0 ? imp_csv_get(&t, r, c.last) : "");
		else
			snprintf(name, sizeof(name), "%s",
			    imp_csv_get(&t, r, c.child));
		if ((rec->kid = imp_kid(f, name)) == -2) {
			rc = LULL_ENOMEM;
			break;
		}
		if (tab == T_SLEEP) {
			v = imp_csv_get(&t, r, c.nap);
			if (yes(v))
				rec->kind = LULL_SLEEP_NAP;
			else if (no(v))
				rec->kind = LULL_SLEEP_NIGHT;
			else if (v[0] != '\0') {
				rc = imp_fail(f, line, c.nap + 1, "nap",
				    "\"%s\" is not 1 or 0", v);
				break;
			}
			rc = imp_note_add(rec, NULL,
			    imp_csv_get(&t, r, c.notes));
		} else {
			feeding_kind(rec, imp_csv_get(&t, r, c.type),
			    imp_csv_get(&t, r, c.method));
			v = imp_csv_get(&t, r, c.amount);
			if (v[0] != '\0' && imp_amount_ml(v, unit, &rec->ml)) {
				rc = imp_fail(f, line, c.amount + 1, "amount",
				    "\"%s\" is not an amount", v);
				break;
			}
			rc = feeding_note(rec, imp_csv_get(&t, r, c.type),
			    imp_csv_get(&t, r, c.method),
			    imp_csv_get(&t, r, c.notes));
		}
		if (rc == LULL_OK)
			rc = imp_note_add(rec, "tags",
			    imp_csv_get(&t, r, c.tags));
	}
	if (rc == LULL_ENOMEM && f->im->ei->code != LULL_ENOMEM)
		rc = lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	f->im->src[f->src].rows = rows;
	imp_dtab_free(&dt);
	imp_csv_free(&t);
	return rc;
}

const struct imp_format imp_fmt_babybuddy = {
	"babybuddy",
	"Baby Buddy CSV",
	detect,
	parse,
};

/* The REST API's JSON */

static int
detect_json(const struct imp_peek *pk)
{
	size_t i = 0;

	while (i < pk->len &&
	    (pk->data[i] == ' ' || pk->data[i] == '\t' || pk->data[i] == '\r' ||
		pk->data[i] == '\n'))
		i++;
	if (i < pk->len && (pk->data[i] == '{' || pk->data[i] == '['))
		return 50;
	return 0;
}

static const char *
json_text(json_t *o, const char *key, char *buf, size_t bufsz)
{
	json_t *v = json_object_get(o, key);

	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, bufsz, "%lld", (long long)json_integer_value(v));
		return buf;
	}
	if (json_is_real(v)) {
		snprintf(buf, bufsz, "%g", json_real_value(v));
		return buf;
	}
	return "";
}

static enum lull_err
json_time(struct imp_file *f, uint32_t item, json_t *o, const char *key,
    struct imp_time *out)
{
	struct imp_dt d;
	const char *why, *s;
	char buf[8];

	memset(out, 0, sizeof(*out));
	s = json_text(o, key, buf, sizeof(buf));
	if (s[0] == '\0')
		return LULL_OK;
	if (imp_dt_scan(s, &d, &why) != 0 ||
	    imp_dt_time(&d, LULL_DATES_YMD, out, &why) != 0)
		return imp_fail(f, item, 0, key,
		    "\"%s\" is not a date and time lull can read: %s", s, why);
	if (!d.resolved)
		return imp_fail(f, item, 0, key,
		    "\"%s\": the API writes ISO 8601 dates (2024-01-31T19:00)",
		    s);
	return LULL_OK;
}

static enum lull_err
json_item(struct imp_file *f, uint32_t item, json_t *o, double unit)
{
	struct imp_rec *rec;
	enum lull_err rc;
	json_t *nap;
	const char *type, *method;
	char b1[32], b2[32], b3[32];
	int feeding;

	if (!json_is_object(o))
		return imp_fail(f, item, 0, NULL, "not an object");
	if (json_object_get(o, "start") == NULL ||
	    json_object_get(o, "milestone") != NULL) {
		return imp_skip(f, item,
		    json_object_get(o, "wet") != NULL             ? WHY_DIAPER
			: json_object_get(o, "milestone") != NULL ? WHY_TUMMY
								  : WHY_OTHER,
		    0);
	}
	type = json_text(o, "type", b1, sizeof(b1));
	method = json_text(o, "method", b2, sizeof(b2));
	feeding = type[0] != '\0' || method[0] != '\0';
	if ((rec = imp_rec_new(f, feeding ? IMP_FEED : IMP_SLEEP, item)) ==
	    NULL)
		return LULL_ENOMEM;
	if ((rc = json_time(f, item, o, "start", &rec->start)) != LULL_OK ||
	    (rc = json_time(f, item, o, "end", &rec->end)) != LULL_OK)
		return rc;
	if (rec->start.kind == IMP_T_NONE)
		return imp_fail(f, item, 0, "start", "no start time");
	if ((rec->kid = imp_kid(f, json_text(o, "child", b3, sizeof(b3)))) ==
	    -2)
		return LULL_ENOMEM;
	if (feeding) {
		json_t *am = json_object_get(o, "amount");

		feeding_kind(rec, type, method);
		if (json_is_number(am) && json_number_value(am) >= 0 &&
		    json_number_value(am) * unit < 100000)
			rec->ml = (int32_t)(json_number_value(am) * unit + 0.5);
		return feeding_note(rec, type, method,
		    json_text(o, "notes", b1, sizeof(b1)));
	}
	nap = json_object_get(o, "nap");
	if (json_is_boolean(nap))
		rec->kind =
		    json_is_true(nap) ? LULL_SLEEP_NAP : LULL_SLEEP_NIGHT;
	return imp_note_add(rec, NULL, json_text(o, "notes", b1, sizeof(b1)));
}

static enum lull_err
parse_json(struct imp_file *f, const unsigned char *data, size_t len)
{
	json_error_t je;
	json_t *root, *list, *o, *am;
	enum lull_err rc = LULL_OK;
	double max = 0, unit;
	size_t i;

	f->im->src[f->src].items = 1;
	root = json_loadb((const char *)data, len, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL)
		return lull_errinfo_set(f->im->ei, LULL_EINVAL, "",
		    "%s:%d:%d: not JSON: %s", f->name, je.line, je.column,
		    je.text);
	list = json_is_array(root) ? root : json_object_get(root, "results");
	if (!json_is_array(list)) {
		json_decref(root);
		return imp_fail(f, 0, 0, NULL,
		    "neither a list nor a Baby Buddy API answer "
		    "(\"results\": [...]); a lull export is imported with "
		    "lull import --json");
	}
	json_array_foreach(list, i, o)
	{
		am = json_object_get(o, "amount");
		if (json_is_number(am) && json_number_value(am) > max)
			max = json_number_value(am);
	}
	unit = amount_unit(max);
	for (i = 0; rc == LULL_OK && i < json_array_size(list); i++)
		rc = json_item(f, (uint32_t)i + 1, json_array_get(list, i),
		    unit);
	if (rc == LULL_ENOMEM && f->im->ei->code != LULL_ENOMEM)
		rc = lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	f->im->src[f->src].rows = json_array_size(list);
	json_decref(root);
	return rc;
}

const struct imp_format imp_fmt_babybuddy_json = {
	"babybuddy-json",
	"Baby Buddy API JSON",
	detect_json,
	parse_json,
};
