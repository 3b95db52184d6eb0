/*
 * One child's journal from the store, and the report built from it:
 * nights and days over a range, medians of the last 7 and 14 nights
 * against the family's own two weeks before, bedtime regularity, who
 * helped at night and the age ranges, as JSON (docs/report.schema.json).
 * The command line (lull report) and the web API share it.
 * SPDX-License-Identifier: ISC
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/norms.h"
#include "lull/report.h"
#include "lull/stats.h"

/* ---- the journal -------------------------------------------------------- */

void
lull_journal_free(struct lull_journal *j)
{
	lull_child_free(&j->child);
	lull_caregiverv_free(&j->caregivers);
	lull_sleepv_free(&j->sleeps);
	lull_feedv_free(&j->feeds);
	lull_tagv_free(&j->tags);
}

static enum lull_err
store_fail(struct lull_store *st, enum lull_err rc, struct lull_errinfo *ei)
{
	const struct lull_errinfo *se = lull_store_error(st);

	if (ei != NULL && se != NULL)
		*ei = *se;
	if (ei != NULL)
		ei->code = rc;
	return rc;
}

enum lull_err
lull_journal_load(struct lull_store *st, int64_t household_id, int64_t child_id,
    const struct lull_tz *tz, int64_t from_utc, int64_t to_utc,
    struct lull_journal *j, struct lull_errinfo *ei)
{
	int32_t a = lull_local_day(tz, from_utc);
	int32_t b = lull_local_day(tz, to_utc);
	enum lull_err rc;

	memset(j, 0, sizeof(*j));
	lull_child_init(&j->child);
	if ((rc = lull_store_child_get(st, child_id, &j->child)))
		return store_fail(st, rc, ei);
	/* Another family's child is as absent as one never stored. */
	if (j->child.household_id != household_id) {
		lull_child_free(&j->child);
		lull_child_init(&j->child);
		return lull_errinfo_set(ei, LULL_ENOTFOUND, "child",
		    "child: there is no child with id %lld",
		    (long long)child_id);
	}
	if ((rc = lull_store_caregiver_list(st, household_id,
		 &j->caregivers)) ||
	    (rc = lull_store_sleep_range(st, household_id, child_id, from_utc,
		 to_utc, &j->sleeps)) ||
	    (rc = lull_store_feed_range(st, household_id, child_id, from_utc,
		 to_utc, &j->feeds)) ||
	    (rc = lull_store_tag_range(st, household_id, child_id, a, b,
		 &j->tags)))
		return store_fail(st, rc, ei);
	return LULL_OK;
}

enum lull_err
lull_journal_days(struct lull_store *st, int64_t household_id, int64_t child_id,
    const struct lull_tz *tz, int32_t from_day, int32_t to_day,
    struct lull_journal *j, struct lull_errinfo *ei)
{
	return lull_journal_load(st, household_id, child_id, tz,
	    lull_tz_day_start(tz, from_day) - 14 * 3600,
	    lull_tz_day_start(tz, to_day + 1) + 14 * 3600, j, ei);
}

const char *
lull_journal_who(const struct lull_journal *j, int64_t id)
{
	size_t i;

	for (i = 0; id != 0 && i < j->caregivers.n; i++)
		if (j->caregivers.v[i].id == id)
			return j->caregivers.v[i].name;
	return NULL;
}

/* ---- the report -----------------------------------------------------------
 */

void
lull_report_free(struct lull_report *r)
{
	lull_journal_free(&r->j);
	free(r->days);
	r->days = NULL;
}

const struct lull_day_stats *
lull_report_day(const struct lull_report *r, int32_t day)
{
	return &r->days[day - r->lo];
}

static void
window_of(struct lull_report *r, int32_t a, int32_t b, struct lull_window *w)
{
	if (a < r->lo)
		a = r->lo;
	if (b < a) {
		lull_stats_window(NULL, 0, w);
		return;
	}
	lull_stats_window(&r->days[a - r->lo], (size_t)(b - a + 1), w);
}

enum lull_err
lull_report_build(struct lull_store *st, int64_t household_id, int64_t child_id,
    const struct lull_tz *tz, int64_t now_utc, int32_t from_day, int32_t to_day,
    struct lull_report *r, struct lull_errinfo *ei)
{
	struct lull_stats_in in;
	enum lull_err rc;

	memset(r, 0, sizeof(*r));
	lull_child_init(&r->j.child);
	r->from = from_day;
	r->to = to_day;
	/* Four weeks behind the last day: its two windows and their
	 * baseline. */
	r->lo = r->from < r->to - 28 ? r->from : r->to - 28;
	if ((rc = lull_journal_days(st, household_id, child_id, tz, r->lo,
		 r->to, &r->j, ei)))
		return rc;
	if ((r->days = calloc((size_t)(r->to - r->lo + 1), sizeof(*r->days))) ==
	    NULL)
		return lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
	memset(&in, 0, sizeof(in));
	in.tz = tz;
	in.child = &r->j.child;
	in.sleeps = &r->j.sleeps;
	in.feeds = &r->j.feeds;
	in.tags = &r->j.tags;
	in.now_utc = now_utc;
	if ((rc = lull_stats_days(&in, r->lo, r->to, r->days, ei)))
		return rc;
	r->end = r->to;
	if (!lull_report_day(r, r->to)->complete)
		r->end--;
	window_of(r, r->end - 6, r->end, &r->last7);
	window_of(r, r->end - 13, r->end, &r->last14);
	window_of(r, r->end - 27, r->end - 14, &r->base);
	r->age_days = lull_child_age_days(&r->j.child, r->end, &r->corrected);
	r->ncmp = lull_norms_compare(r->age_days, &r->last14, r->cmp, 8);
	return LULL_OK;
}

/* ---- JSON --------------------------------------------------------------- */

static json_t *
jint_or_null(int ok, long long v)
{
	return ok ? json_integer(v) : json_null();
}

static json_t *
jnum_or_null(double v)
{
	if (v < 0)
		return json_null();
	/* Whole numbers stay integers: medians of minutes mostly are. */
	if (v == floor(v))
		return json_integer((json_int_t)v);
	return json_real(round(v * 10) / 10);
}

static json_t *
jtime(const struct lull_tz *tz, int64_t t)
{
	char buf[40];

	if (t == LULL_NO_TIME)
		return json_null();
	lull_time_format_rfc3339(tz, t, buf, sizeof(buf));
	return json_string(buf);
}

static json_t *
jresponses(const struct lull_responses *rs)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; o && i < LULL_RESP__MAX; i++) {
		if (rs->n[i] == 0)
			continue;
		json_object_set_new(o, lull_response_name(i),
		    json_pack("{s:i,s:i}", "n", rs->n[i], "min", rs->min[i]));
	}
	return o;
}

static json_t *
jwho(const struct lull_report *r, const struct lull_involvement *v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++) {
		const char *name = lull_journal_who(&r->j, v[i].caregiver_id);

		json_array_append_new(a,
		    json_pack("{s:o,s:i,s:i,s:i,s:i}", "caregiver",
			name ? json_string(name) : json_null(), "wakings",
			v[i].wakings, "waking_min", v[i].waking_min, "settles",
			v[i].settles, "settle_min", v[i].settle_min));
	}
	return a;
}

static json_t *
jnight(const struct lull_tz *tz, const struct lull_report *r,
    const struct lull_night_stats *n)
{
	const char *by = lull_journal_who(&r->j, n->settled_by);

	return json_pack("{s:o,s:o,s:o,s:o,s:i,s:o,s:i,s:i,s:i,s:i,s:i,s:i,"
			 "s:b,s:o,s:o,s:o,s:o}",
	    "lights_out", jtime(tz, n->lights_out_utc), "sleep_onset",
	    jtime(tz, n->onset_utc), "morning_wake", jtime(tz, n->wake_utc),
	    "latency_min",
	    jint_or_null(n->n.latency_min != LULL_UNKNOWN, n->n.latency_min),
	    "sleep_min", n->sleep_min, "crying_min",
	    jint_or_null(n->n.crying_min != LULL_UNKNOWN, n->n.crying_min),
	    "wakings", n->n.wakings, "wakings_all", n->wakings_all, "help_min",
	    n->help_min, "awake_after_onset_min", n->waso_min,
	    "longest_stretch_min", n->longest_min, "pieces", n->pieces,
	    "ongoing", n->ongoing, "responses", jresponses(&n->resp),
	    "caregivers", jwho(r, n->who, n->nwho), "settled_by",
	    by ? json_string(by) : json_null(), "routine",
	    n->routine == LULL_UNKNOWN ? json_null()
				       : json_boolean(n->routine));
}

static json_t *
jday(const struct lull_tz *tz, const struct lull_report *r,
    const struct lull_day_stats *d)
{
	char date[16];
	int l = d->logged, n = d->has_night;

	lull_date_format(d->day, date, sizeof(date));
	return json_pack("{s:s,s:b,s:b,s:b,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,"
			 "s:i,s:i,s:o}",
	    "date", date, "logged", l, "complete", d->complete, "ongoing",
	    d->ongoing, "total_sleep_min", jint_or_null(l, d->total_min),
	    "night_sleep_min", jint_or_null(n, d->night_min), "nap_count",
	    jint_or_null(l, d->nap_count), "nap_min",
	    jint_or_null(l, d->nap_min), "night_wakings",
	    jint_or_null(n, n ? d->night.n.wakings : 0), "longest_stretch_min",
	    jint_or_null(l, d->longest_min), "night_feeds",
	    jint_or_null(n, d->night_feeds), "age_days",
	    jint_or_null(d->age_days != LULL_STATS_NONE, d->age_days), "feeds",
	    d->feeds, "sleep_24h_min", d->sleep_24h_min, "night",
	    n ? jnight(tz, r, &d->night) : json_null());
}

static json_t *
jwindow(const struct lull_report *r, const struct lull_window *w)
{
	json_t *o, *med;
	char a[16], b[16];
	int m;

	if (w->days == 0)
		return json_null();
	med = json_object();
	for (m = 0; med && m < LULL_METRIC__MAX; m++)
		json_object_set_new(med, lull_metric_name(m),
		    jnum_or_null(w->median[m]));
	lull_date_format(w->from_day, a, sizeof(a));
	lull_date_format(w->to_day, b, sizeof(b));
	o = json_pack("{s:s,s:s,s:i,s:i,s:i,s:o,s:{s:o,s:o},s:i,s:o,s:o}",
	    "from", a, "to", b, "days", w->days, "logged", w->logged, "nights",
	    w->nights, "medians", med, "bedtime", "onset_iqr_min",
	    jnum_or_null(w->onset_iqr_min), "onset_sd_min",
	    jnum_or_null(w->onset_sd_min), "help_nights", w->help_nights,
	    "responses", jresponses(&w->resp), "caregivers",
	    jwho(r, w->who, w->nwho));
	return o;
}

static json_t *
jrange(const struct lull_norm_table *t, const struct lull_norm_row *row)
{
	if (row == NULL)
		return json_null();
	return json_pack("{s:f,s:f,s:s,s:s,s:s,s:b}", "lo", row->lo, "hi",
	    row->hi, "unit", t->unit, "evidence", row->evidence, "source",
	    row->source, "verify", row->verify);
}

static json_t *
jage(const struct lull_report *r)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < r->ncmp; i++) {
		const struct lull_norm_cmp *c = &r->cmp[i];

		json_array_append_new(a,
		    json_pack("{s:s,s:o,s:s,s:o,s:o,s:o,s:s}", "metric",
			lull_metric_name(c->metric), "value",
			jnum_or_null(c->value), "verdict",
			lull_norm_verdict_name(c->usual), "usual",
			jrange(c->usual_table, c->usual_row), "recommended",
			jrange(c->rec_table, c->rec_row), "recommended_verdict",
			c->rec_row ? json_string(
					 lull_norm_verdict_name(c->recommended))
				   : json_null(),
			"text", c->text));
	}
	return json_pack("{s:i,s:b,s:i,s:o}", "age_days", r->age_days,
	    "corrected", r->corrected, "min_days", LULL_NORMS_MIN_DAYS,
	    "comparisons", a);
}

json_t *
lull_report_to_json(const struct lull_report *r, const struct lull_tz *tz)
{
	json_t *days = json_array();
	char a[16], b[16], born[16], due[16];
	int32_t day;

	for (day = r->from; days && day <= r->to; day++)
		json_array_append_new(days,
		    jday(tz, r, lull_report_day(r, day)));
	lull_date_format(r->from, a, sizeof(a));
	lull_date_format(r->to, b, sizeof(b));
	lull_date_format(r->j.child.born_day, born, sizeof(born));
	if (r->j.child.due_day != LULL_NO_DAY)
		lull_date_format(r->j.child.due_day, due, sizeof(due));
	return json_pack("{s:i,s:s,s:{s:s,s:s,s:o},s:s,s:s,s:o,"
			 "s:{s:o,s:o,s:o},s:o}",
	    "schema", LULL_REPORT_SCHEMA, "tz", lull_tz_name(tz), "child",
	    "name", r->j.child.name, "born", born, "due",
	    r->j.child.due_day != LULL_NO_DAY ? json_string(due) : json_null(),
	    "from", a, "to", b, "days", days, "windows", "last7",
	    jwindow(r, &r->last7), "last14", jwindow(r, &r->last14), "baseline",
	    jwindow(r, &r->base), "age", jage(r));
}
