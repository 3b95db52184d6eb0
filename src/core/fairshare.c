/*
 * Who carried the nights (fairshare.h).
 * SPDX-License-Identifier: ISC
 */
#include <string.h>

#include "lull/fairshare.h"

/* The slot of "id" in the span, added if new; the last slot takes the
 * rest when a household has more adults than slots. */
static struct lull_fair_adult *
slot(struct lull_fair_span *sp, int64_t id)
{
	size_t i;

	for (i = 0; i < sp->nwho; i++)
		if (sp->who[i].caregiver_id == id)
			return &sp->who[i];
	if (sp->nwho == LULL_FAIR_MAX_ADULTS)
		return &sp->who[LULL_FAIR_MAX_ADULTS - 1];
	sp->who[sp->nwho].caregiver_id = id;
	return &sp->who[sp->nwho++];
}

const struct lull_fair_adult *
lull_fair_find(const struct lull_fair_span *sp, int64_t id)
{
	size_t i;

	for (i = 0; i < sp->nwho; i++)
		if (sp->who[i].caregiver_id == id)
			return &sp->who[i];
	return NULL;
}

/* Who was up last in the night that ended at "wake": the caregiver of
 * the sleep's last waking if it began within the morning margin, else 0
 * (not recorded). */
static int64_t
up_early(const struct lull_sleepv *sv, int64_t wake)
{
	const struct lull_waking *w;
	size_t i;

	for (i = sv->n; i-- > 0;) {
		if (sv->v[i].end_utc != wake)
			continue;
		if (sv->v[i].nwakings == 0)
			return 0;
		w = &sv->v[i].wakings[sv->v[i].nwakings - 1];
		if (w->start_utc >= wake - LULL_FAIR_MORNING_SEC)
			return w->caregiver_id;
		return 0;
	}
	return 0;
}

static void
add_night(struct lull_fair_span *sp, const struct lull_night_stats *n,
    const struct lull_sleepv *sv)
{
	struct lull_fair_adult *a;
	size_t i;

	sp->nights++;
	for (i = 0; i < n->nwho; i++) {
		a = slot(sp, n->who[i].caregiver_id);
		a->wakings += n->who[i].wakings;
		a->waking_min += n->who[i].waking_min;
		a->settles += n->who[i].settles;
	}
	if (n->ongoing || n->wake_utc == LULL_NO_TIME ||
	    n->wake_min >= LULL_FAIR_EARLY_MIN)
		return;
	sp->early_nights++;
	slot(sp, up_early(sv, n->wake_utc))->early++;
}

enum lull_err
lull_fairshare(const struct lull_day_stats *days, size_t ndays,
    const struct lull_sleepv *sleeps, struct lull_fairshare *out,
    struct lull_errinfo *ei)
{
	size_t first, i, w;

	memset(out, 0, sizeof(*out));
	if (days == NULL || ndays == 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "days",
		    "days: nothing to sum up");
	first = ndays > (size_t)LULL_FAIR_MAX_WEEKS * 7 ?
	    ndays - (size_t)LULL_FAIR_MAX_WEEKS * 7 : 0;
	out->nweeks = (ndays - first + 6) / 7;
	out->total.from_day = days[first].day;
	out->total.to_day = days[ndays - 1].day;
	/* Weeks end on the last day; the oldest may be shorter. */
	for (w = 0; w < out->nweeks; w++) {
		struct lull_fair_span *sp = &out->weeks[out->nweeks - 1 - w];
		size_t hi = ndays - 1 - 7 * w;
		size_t lo = hi >= first + 6 ? hi - 6 : first;

		sp->from_day = days[lo].day;
		sp->to_day = days[hi].day;
	}
	for (i = first; i < ndays; i++) {
		size_t wk = out->nweeks - 1 - (ndays - 1 - i) / 7;

		if (!days[i].has_night)
			continue;
		add_night(&out->weeks[wk], &days[i].night, sleeps);
		add_night(&out->total, &days[i].night, sleeps);
	}
	return LULL_OK;
}
