/*
 * /api/v1/households/{hid}/children/{cid}/report, /charts/diary.svg,
 * /charts/trends.svg and /predict: the analytics of lull/report.h, the
 * same documents "lull report --json", "lull chart" and "lull predict
 * --json" give.
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/predict.h"
#include "lull/report.h"

#include "web/api_int.h"
#include "web/web.h"

/* Ten years at most, as on the command line; a diary, a year. */
#define REPORT_MAX_DAYS 3661
#define DIARY_MAX_DAYS  366

int
api_report(struct web_req *rq, struct web_resp *rs)
{
	struct lull_report r;
	struct lull_errinfo ei;
	struct lull_child c;
	struct api a;
	enum lull_err rc;
	int32_t from, to;

	memset(&r, 0, sizeof(r));
	lull_child_init(&r.j.child);
	lull_child_init(&c);
	if (api_open(&a, rq, rs) || api_child(&a, api_param(&a, 1), &c) ||
	    api_query_days(&a, 14, REPORT_MAX_DAYS, &from, &to))
		goto out;
	rc = lull_report_build(rq->st, a.hid, c.id, rq->tz, rq->now, from, to,
	    &r, &ei);
	if (rc != LULL_OK)
		api_fail(&a, rc, &ei);
	else
		api_send(&a, 200, lull_report_to_json(&r, rq->tz), 0);
out:
	lull_report_free(&r);
	lull_child_free(&c);
	api_close(&a);
	return 0;
}

static int
chart(struct web_req *rq, struct web_resp *rs, int trends)
{
	struct lull_errinfo ei;
	struct lull_child c;
	struct api a;
	enum lull_err rc;
	int32_t from, to;
	char *svg = NULL;
	size_t len = 0;

	lull_child_init(&c);
	if (api_open(&a, rq, rs) || api_child(&a, api_param(&a, 1), &c) ||
	    api_query_days(&a, trends ? 56 : 14,
		trends ? REPORT_MAX_DAYS : DIARY_MAX_DAYS, &from, &to))
		goto out;
	rc = trends ? lull_chart_trends(rq->st, a.hid, c.id, rq->tz, rq->now,
			  from, to, &svg, &len, &ei)
		    : lull_chart_diary(rq->st, a.hid, c.id, rq->tz, rq->now,
			  from, to, &svg, &len, &ei);
	if (rc != LULL_OK)
		api_fail(&a, rc, &ei);
	else {
		web_take(rs, 200, "image/svg+xml; charset=utf-8", svg, len);
		svg = NULL;
	}
out:
	free(svg);
	lull_child_free(&c);
	api_close(&a);
	return 0;
}

int
api_chart_diary(struct web_req *rq, struct web_resp *rs)
{
	return chart(rq, rs, 0);
}

int
api_chart_trends(struct web_req *rq, struct web_resp *rs)
{
	return chart(rq, rs, 1);
}

int
api_predict(struct web_req *rq, struct web_resp *rs)
{
	struct lull_predict_in in;
	struct lull_prediction p;
	struct lull_errinfo ei;
	struct lull_journal j;
	struct lull_child c;
	struct api a;
	enum lull_err rc;

	memset(&j, 0, sizeof(j));
	lull_child_init(&j.child);
	lull_child_init(&c);
	if (api_open(&a, rq, rs) || api_child(&a, api_param(&a, 1), &c))
		goto out;
	rc = lull_journal_load(rq->st, a.hid, c.id, rq->tz,
	    rq->now - LULL_PREDICT_SPAN_SEC, rq->now + 1, &j, &ei);
	if (rc == LULL_OK) {
		memset(&in, 0, sizeof(in));
		in.tz = rq->tz;
		in.child = &j.child;
		in.sleeps = &j.sleeps;
		in.now_utc = rq->now;
		rc = lull_predict(&in, &p, &ei);
	}
	if (rc != LULL_OK)
		api_fail(&a, rc, &ei);
	else
		api_send(&a, 200,
		    lull_prediction_to_json(&p, j.child.name, rq->tz), 0);
out:
	lull_journal_free(&j);
	lull_child_free(&c);
	api_close(&a);
	return 0;
}
