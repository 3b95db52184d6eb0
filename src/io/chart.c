/*
 * Charts and predictions drawn from the store: the journal of the span a
 * chart shows is loaded here and handed to src/render/svg.c, and a
 * prediction is written as JSON.  Shared by lull chart, lull predict and
 * the web app.
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/cal.h"
#include "lull/report.h"
#include "lull/stats.h"
#include "lull/svg.h"

enum lull_err
lull_chart_diary(struct lull_store *st, int64_t household_id, int64_t child_id,
    const struct lull_tz *tz, int64_t now_utc, int32_t from_day, int32_t to_day,
    char **svg, size_t *len, struct lull_errinfo *ei)
{
	struct lull_svg_diary in;
	struct lull_journal j;
	enum lull_err rc;

	*svg = NULL;
	*len = 0;
	if (from_day > to_day || to_day - from_day >= 366)
		return lull_errinfo_set(ei, LULL_EINVAL, "from",
		    "from: a diary shows one day to a year");
	/* The evening before the first day: its night reaches into it. */
	rc = lull_journal_load(st, household_id, child_id, tz,
	    lull_tz_day_start(tz, from_day) - 86400,
	    lull_tz_day_start(tz, to_day + 1), &j, ei);
	if (rc == LULL_OK) {
		memset(&in, 0, sizeof(in));
		in.tz = tz;
		in.child_name = j.child.name;
		in.child = &j.child;
		in.sleeps = &j.sleeps;
		in.feeds = &j.feeds;
		in.caregivers = &j.caregivers;
		in.from_day = from_day;
		in.to_day = to_day;
		in.now_utc = now_utc;
		rc = lull_svg_diary(&in, svg, len, ei);
	}
	lull_journal_free(&j);
	return rc;
}

enum lull_err
lull_chart_trends(struct lull_store *st, int64_t household_id, int64_t child_id,
    const struct lull_tz *tz, int64_t now_utc, int32_t from_day, int32_t to_day,
    char **svg, size_t *len, struct lull_errinfo *ei)
{
	struct lull_svg_trends in;
	struct lull_day_stats *days;
	struct lull_stats_in sin;
	struct lull_journal j;
	enum lull_err rc;

	*svg = NULL;
	*len = 0;
	if (from_day > to_day)
		return lull_errinfo_set(ei, LULL_EINVAL, "from",
		    "from: the first day is after the last");
	/* A week before the first day, so its 7-day median is known. */
	rc = lull_journal_days(st, household_id, child_id, tz, from_day - 6,
	    to_day, &j, ei);
	if (rc != LULL_OK) {
		lull_journal_free(&j);
		return rc;
	}
	if ((days = calloc((size_t)(to_day - from_day + 7), sizeof(*days))) ==
	    NULL) {
		lull_journal_free(&j);
		return lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
	}
	memset(&sin, 0, sizeof(sin));
	sin.tz = tz;
	sin.child = &j.child;
	sin.sleeps = &j.sleeps;
	sin.feeds = &j.feeds;
	sin.tags = &j.tags;
	sin.now_utc = now_utc;
	rc = lull_stats_days(&sin, from_day - 6, to_day, days, ei);
	if (rc == LULL_OK) {
		memset(&in, 0, sizeof(in));
		in.child_name = j.child.name;
		in.days = days;
		in.ndays = (size_t)(to_day - from_day + 7);
		in.lead = 6;
		rc = lull_svg_trends(&in, svg, len, ei);
	}
	free(days);
	lull_journal_free(&j);
	return rc;
}

static json_t *
jwin(const struct lull_tz *tz, const struct lull_sleep_window *w)
{
	char a[40], b[40], c[40];

	if (!w->valid)
		return json_null();
	lull_time_format_rfc3339(tz, w->earliest_utc, a, sizeof(a));
	lull_time_format_rfc3339(tz, w->likely_utc, b, sizeof(b));
	lull_time_format_rfc3339(tz, w->latest_utc, c, sizeof(c));
	return json_pack("{s:s,s:s,s:s,s:s,s:b,s:i,s:o}", "kind",
	    lull_sleep_kind_name(w->kind), "earliest", a, "likely", b, "latest",
	    c, "personal", w->personal, "samples", w->samples, "nap_index",
	    w->kind == LULL_SLEEP_NAP ? json_integer(w->nap_index)
				      : json_null());
}

json_t *
lull_prediction_to_json(const struct lull_prediction *p, const char *child_name,
    const struct lull_tz *tz)
{
	char since[40];

	if (p->awake_since_utc != LULL_NO_TIME)
		lull_time_format_rfc3339(tz, p->awake_since_utc, since,
		    sizeof(since));
	return json_pack("{s:s,s:i,s:b,s:b,s:o,s:o,s:o,s:{s:i,s:i,s:s},s:o,s:o,"
			 "s:b}",
	    "child", child_name, "age_days", p->age_days, "corrected",
	    p->corrected, "asleep", p->asleep, "awake_since",
	    p->awake_since_utc == LULL_NO_TIME ? json_null()
					       : json_string(since),
	    "next", jwin(tz, &p->next), "bedtime", jwin(tz, &p->bedtime),
	    "age_wake_window", "lo_min", p->band_lo_min, "hi_min",
	    p->band_hi_min, "source", p->band_source, "naps_recent",
	    p->naps_recent < 0 ? json_null() : json_integer(p->naps_recent),
	    "naps_before",
	    p->naps_before < 0 ? json_null() : json_integer(p->naps_before),
	    "nap_transition", p->transition);
}
