/*
 * The adults' nights from the child's journal (nights.h): a night's rota
 * for the household's adults, and each adult's nights side by side.  The
 * rules are src/core/rota.c, fairshare.c and stats.c; this file reads the
 * journal and the adults' own sleep (as the viewer may see it).
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/journal.h"
#include "lull/nights.h"
#include "lull/report.h"
#include "lull/rota.h"
#include "lull/stats.h"
#include "lull/store.h"

/* The store's last message into "ei", returning "rc". */
static enum lull_err
store_fail(struct lull_store *st, enum lull_err rc, struct lull_errinfo *ei)
{
	const struct lull_errinfo *se = lull_store_error(st);

	if (ei != NULL) {
		if (se != NULL && se->msg[0] != '\0') {
			*ei = *se;
			ei->code = rc;
		} else
			lull_errinfo_set(ei, rc, "", "%s", lull_strerror(rc));
	}
	return rc;
}

/* ---- a night's rota ----------------------------------------------------- */

static const struct lull_caregiver *
cg_by_id(const struct lull_journal *j, int64_t id)
{
	size_t i;

	for (i = 0; i < j->caregivers.n; i++)
		if (j->caregivers.v[i].id == id)
			return &j->caregivers.v[i];
	return NULL;
}

/* Bit 0 Monday, as caregivers keep their work days. */
static int
works_on(const struct lull_caregiver *c, int32_t day)
{
	int monday0 = (lull_weekday(day) + 6) % 7;

	return (c->work_days >> monday0) & 1u;
}

static enum lull_err
pick_adults(struct lull_rota_night *r, const int64_t *with, size_t nwith,
    struct lull_errinfo *ei)
{
	const struct lull_caregiverv *cv = &r->j.caregivers;
	size_t i;
	int nursing = 0, feeders = 0;

	r->n = 0;
	if (with != NULL) {
		if (nwith > LULL_ROTA_MAX_ADULTS)
			return lull_errinfo_set(ei, LULL_EINVAL, "with",
			    "with: a rota takes at most %d adults",
			    LULL_ROTA_MAX_ADULTS);
		for (i = 0; i < nwith; i++) {
			const struct lull_caregiver *c = cg_by_id(&r->j,
			    with[i]);

			if (c == NULL)
				return lull_errinfo_set(ei, LULL_ENOTFOUND,
				    "with", "with: no such adult here");
			r->cg[r->n++] = c;
		}
	} else {
		for (i = 0; i < cv->n; i++) {
			if (cv->v[i].role != LULL_ROLE_PARENT)
				continue;
			if (r->n == LULL_ROTA_MAX_ADULTS)
				return lull_errinfo_set(ei, LULL_EINVAL,
				    "adults",
				    "adults: more than %d parents; name "
				    "tonight's",
				    LULL_ROTA_MAX_ADULTS);
			r->cg[r->n++] = &cv->v[i];
		}
		if (r->n == 0)
			return lull_errinfo_set(ei, LULL_ENOTFOUND, "adults",
			    "adults: no parent in this household yet");
	}
	for (i = 0; i < r->n; i++) {
		const struct lull_caregiver *c = r->cg[i];
		struct lull_rota_adult *a = &r->ad[i];

		memset(a, 0, sizeof(*a));
		a->caregiver_id = c->id;
		a->name = c->name;
		a->nursing = c->night_feeds == LULL_NIGHT_BREAST;
		a->can_feed = c->night_feeds == LULL_NIGHT_BOTTLE;
		a->works_next_day = works_on(c, r->day + 1);
		a->earliest_bed_min = LULL_ROTA_NONE;
		a->latest_rise_min = LULL_ROTA_NONE;
		nursing += a->nursing;
		feeders += a->nursing || a->can_feed;
	}
	if (feeders == 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "night_feeds",
		    "night_feeds: nobody on tonight's rota can feed the baby "
		    "at night");
	/* Breastfed when anyone nurses; a partner who can give a bottle
	 * then gives expressed milk. */
	r->in.feeding = nursing ? LULL_FEEDING_BREAST : LULL_FEEDING_BOTTLE;
	r->in.expressed_milk = 0;
	for (i = 0; nursing && i < r->n; i++)
		if (!r->ad[i].nursing && r->ad[i].can_feed)
			r->in.expressed_milk = 1;
	return LULL_OK;
}

enum lull_err
lull_rota_night_load(struct lull_store *st, int64_t household_id,
    const struct lull_tz *tz, int64_t child_id, int32_t day, int32_t load_to,
    const int64_t *with, size_t nwith, struct lull_rota_night *r,
    struct lull_errinfo *ei)
{
	enum lull_err rc;

	memset(r, 0, sizeof(*r));
	lull_child_init(&r->j.child);
	r->day = day;
	r->target_from = "default";
	r->in.tz = tz;
	if ((rc = lull_journal_days(st, household_id, child_id, tz,
		 day - LULL_ROTA_EVENINGS, load_to, &r->j, ei)))
		return rc;
	return pick_adults(r, with, nwith, ei);
}

enum lull_err
lull_rota_night_plan(struct lull_rota_night *r, int32_t target_min,
    int32_t core_block_min, int64_t first_id, int64_t now_utc,
    struct lull_errinfo *ei)
{
	struct lull_rota_pattern_in pin;
	enum lull_err rc;

	r->target_from = "default";
	if (target_min > 0)
		r->target_from = "option";
	else if (core_block_min > 0) {
		target_min = core_block_min;
		r->target_from = "settings";
	}
	memset(&pin, 0, sizeof(pin));
	pin.tz = r->in.tz;
	pin.child = &r->j.child;
	pin.sleeps = &r->j.sleeps;
	pin.from_day = r->day - LULL_ROTA_EVENINGS;
	pin.to_day = r->day - 1;
	pin.now_utc = now_utc;
	if ((rc = lull_rota_pattern(&pin, &r->pat, ei)))
		return rc;
	r->in.night_day = r->day;
	r->in.adults = r->ad;
	r->in.nadults = r->n;
	r->in.target_min = target_min;
	r->in.first_id = first_id;
	r->in.pattern = &r->pat;
	return lull_rota_plan(&r->in, &r->plan, ei);
}

void
lull_rota_night_free(struct lull_rota_night *r)
{
	lull_journal_free(&r->j);
}

const char *
lull_rota_night_who(const struct lull_rota_night *r, int64_t id)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->ad[i].caregiver_id == id)
			return r->ad[i].name;
	return lull_journal_who(&r->j, id);
}

enum lull_err
lull_night_pieces(const struct lull_journal *j,
    const struct lull_night_stats *ns, struct lull_sleep **out, size_t *n,
    struct lull_errinfo *ei)
{
	size_t i, k = 0;

	*out = NULL;
	*n = 0;
	if (ns->ongoing || ns->wake_utc == LULL_NO_TIME)
		return LULL_OK;
	for (i = 0; i < j->sleeps.n; i++) {
		const struct lull_sleep *s = &j->sleeps.v[i];

		if (s->start_utc >= ns->onset_utc &&
		    s->start_utc < ns->wake_utc && s->end_utc != LULL_NO_TIME)
			k++;
	}
	if (k == 0)
		return LULL_OK;
	if ((*out = calloc(k, sizeof(**out))) == NULL)
		return lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
	for (i = 0; i < j->sleeps.n; i++) {
		const struct lull_sleep *s = &j->sleeps.v[i];

		if (s->start_utc >= ns->onset_utc &&
		    s->start_utc < ns->wake_utc && s->end_utc != LULL_NO_TIME)
			(*out)[(*n)++] = *s;
	}
	return LULL_OK;
}

/* ---- each adult's nights ---------------------------------------------- */

void
lull_nights_free(struct lull_nights *ns)
{
	lull_journal_free(&ns->j);
	lull_personalv_free(&ns->pv);
	free(ns->days);
	ns->days = NULL;
}

const struct lull_day_stats *
lull_nights_day(const struct lull_nights *ns, int32_t day)
{
	if (ns->days == NULL || day < ns->lo || day > ns->hi)
		return NULL;
	return &ns->days[day - ns->lo];
}

static void
side_add(struct lull_nights *ns, const struct lull_caregiver *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < ns->nside; i++)
		if (ns->side[i] == c)
			return;
	if (ns->nside < LULL_NIGHTS_MAX_SIDE)
		ns->side[ns->nside++] = c;
}

enum lull_err
lull_nights_load(struct lull_store *st, int64_t household_id,
    const struct lull_tz *tz, int64_t child_id, int32_t lo, int32_t hi,
    int32_t from, int64_t viewer, int64_t now_utc, struct lull_nights *ns,
    struct lull_errinfo *ei)
{
	struct lull_stats_in in;
	const struct lull_caregiverv *cv;
	enum lull_err rc;
	size_t i, k;
	int32_t d;

	memset(ns, 0, sizeof(*ns));
	lull_child_init(&ns->j.child);
	ns->lo = lo;
	ns->hi = hi;
	ns->viewer = viewer;
	if ((rc = lull_journal_days(st, household_id, child_id, tz, lo, hi,
		 &ns->j, ei)))
		return rc;
	if ((ns->days = calloc((size_t)(hi - lo + 1), sizeof(*ns->days))) ==
	    NULL)
		return lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
	memset(&in, 0, sizeof(in));
	in.tz = tz;
	in.child = &ns->j.child;
	in.sleeps = &ns->j.sleeps;
	in.feeds = &ns->j.feeds;
	in.tags = &ns->j.tags;
	in.now_utc = now_utc;
	if ((rc = lull_stats_days(&in, lo, hi, ns->days, ei)))
		return rc;
	/* Nights run into the next day's morning. */
	if (viewer > 0 &&
	    (rc = lull_store_personal_list(st, household_id, viewer,
		 LULL_PERSONAL_SLEEP, lo, hi + 1, &ns->pv)))
		return store_fail(st, rc, ei);
	cv = &ns->j.caregivers;
	for (i = 0; i < cv->n; i++) {
		const struct lull_caregiver *c = &cv->v[i];
		int involved = c->role == LULL_ROLE_PARENT;

		for (d = from; !involved && d <= hi; d++) {
			const struct lull_day_stats *ds = lull_nights_day(ns,
			    d);

			if (ds == NULL || !ds->has_night)
				continue;
			for (k = 0; k < ds->night.nwho; k++)
				if (ds->night.who[k].caregiver_id == c->id &&
				    (ds->night.who[k].wakings > 0 ||
					ds->night.who[k].settles > 0))
					involved = 1;
		}
		if (involved)
			side_add(ns, c);
	}
	if (ns->nside == 0)
		return lull_errinfo_set(ei, LULL_ENOTFOUND, "adults",
		    "adults: no adult to show yet");
	return LULL_OK;
}

static enum lull_err
adult_night(const struct lull_nights *ns, const struct lull_tz *tz,
    int64_t id, int32_t day, struct lull_adult_night *out,
    struct lull_errinfo *ei)
{
	const struct lull_day_stats *d = lull_nights_day(ns, day);
	struct lull_parent_night pn;
	struct lull_sleep *pieces;
	enum lull_err rc;
	size_t i, n;

	memset(out, 0, sizeof(*out));
	out->longest_min = -1;
	out->total_min = -1;
	out->from_utc = out->to_utc = LULL_NO_TIME;
	for (i = 0; i < ns->pv.n; i++) {
		const struct lull_personal *p = &ns->pv.v[i];
		int32_t m;

		if (p->kind != LULL_PERSONAL_SLEEP || p->author_id != id ||
		    p->end_utc == LULL_NO_TIME ||
		    lull_evening_day(tz, p->start_utc) != day)
			continue;
		m = (int32_t)((p->end_utc - p->start_utc) / 60);
		out->src = LULL_NIGHT_SRC_LOGGED;
		out->pieces++;
		out->total_min = (out->total_min < 0 ? 0 : out->total_min) + m;
		if (m > out->longest_min) {
			out->longest_min = m;
			out->from_utc = p->start_utc;
			out->to_utc = p->end_utc;
		}
	}
	if (out->src == LULL_NIGHT_SRC_LOGGED || d == NULL || !d->has_night)
		return LULL_OK;
	if ((rc = lull_night_pieces(&ns->j, &d->night, &pieces, &n, ei)))
		return rc;
	if (n == 0)
		return LULL_OK;
	rc = lull_rota_parent_night(pieces, n, id, LULL_NO_TIME, LULL_NO_TIME,
	    &pn, ei);
	free(pieces);
	if (rc != LULL_OK)
		return rc;
	out->src = LULL_NIGHT_SRC_DUTY;
	out->longest_min = pn.longest_min;
	out->from_utc = pn.longest_from_utc;
	out->to_utc = pn.longest_to_utc;
	return LULL_OK;
}

enum lull_err
lull_nights_adult(const struct lull_nights *ns, const struct lull_tz *tz,
    int64_t id, int32_t from, int32_t to, struct lull_adult_night *out,
    struct lull_errinfo *ei)
{
	enum lull_err rc;
	int32_t d;

	for (d = from; d <= to; d++)
		if ((rc = adult_night(ns, tz, id, d, &out[d - from], ei)))
			return rc;
	return LULL_OK;
}

void
lull_nights_balance(const struct lull_adult_night *v, size_t n,
    const char *name, struct lull_rota_balance *b)
{
	int32_t longest[LULL_ROTA_REBALANCE_WINDOW];
	size_t i, from = n > LULL_ROTA_REBALANCE_WINDOW ?
	    n - LULL_ROTA_REBALANCE_WINDOW :
	    0;

	/* lull_rota_rebalance() reads the last 7 nights only. */
	for (i = from; i < n; i++)
		longest[i - from] = v[i].src == LULL_NIGHT_SRC_NONE ?
		    LULL_ROTA_NONE :
		    v[i].longest_min;
	lull_rota_rebalance(longest, n - from, name, b);
}
