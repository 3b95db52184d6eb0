/*
 * The parents' own records as people read and keep them (care_run.h):
 * the crisis help with the household's lines, the words for who sees a
 * record, one's own records found by id or by day, the one-sleep-at-a-
 * time rule, and when a screen is offered.  Shared by the command line
 * and the web app; privacy stays the store's.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/care_run.h"
#include "lull/screen.h"
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

/* ---- crisis help ------------------------------------------------------ */

void
lull_crisis_help(const struct lull_household *hh, struct lull_crisis_lines *l,
    struct lull_screen_help *h)
{
	char *p, *nl;

	l->n = 0;
	snprintf(l->buf, sizeof(l->buf), "%s",
	    hh->crisis_lines ? hh->crisis_lines : "");
	for (p = l->buf; *p != '\0' && l->n < LULL_CRISIS_MAX_LINES;
	     p = nl + 1) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
		if (*p != '\0')
			l->v[l->n++] = p;
		if (nl == NULL)
			break;
	}
	lull_screen_help(hh->emergency, l->v, l->n, h);
}

/* Our own words for the self-harm case: the help comes before them. */
const char lull_screen_self_harm_words[] =
    "One of your answers says you have had thoughts that you would be "
    "better off dead, or of hurting yourself. That matters more than any "
    "total, and you do not have to carry it alone. Please reach out now: "
    "the crisis lines above are there for exactly this. Please contact a "
    "clinician (your doctor, midwife or health visitor) today. This is a "
    "screen, not a diagnosis; a clinician who talks with you can help "
    "you with what it means.";

const char lull_screen_plan_paused_words[] =
    "A running sleep plan pauses now. Nothing else in lull needs doing.";

/* ---- words -------------------------------------------------------------- */

const char lull_checkin_low_energy_words[] =
    "A low-energy day. Is there one thing someone else could take over "
    "today, or a rest you could fit in while the baby sleeps?";

const char lull_checkin_low_mood_words[] =
    "Go gently with yourself. If low days keep coming for two weeks or "
    "more, a short mood screen can help you decide whether to talk with "
    "someone";

const char *
lull_personal_kind_words(enum lull_personal_kind k)
{
	switch (k) {
	case LULL_PERSONAL_SLEEP:
		return "sleep";
	case LULL_PERSONAL_CHECKIN:
		return "check-in";
	case LULL_PERSONAL_SCREEN:
		return "mood screen";
	case LULL_PERSONAL_COUPLE:
		return "couple check-in";
	case LULL_PERSONAL_APPRECIATION:
		return "note";
	case LULL_PERSONAL_KIND__MAX:
		break;
	}
	return "record";
}

void
lull_screen_band_words(const char *band, char *buf, size_t bufsz)
{
	size_t i;

	snprintf(buf, bufsz, "%s", band ? band : "");
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] == '_')
			buf[i] = ' ';
}

const char *
lull_personal_visibility(const struct lull_personal *p, int64_t me,
    const char *author, const char *to, char *buf, size_t bufsz)
{
	if (author == NULL)
		author = "";
	if (to == NULL)
		to = "";
	if (p->kind == LULL_PERSONAL_APPRECIATION) {
		if (p->author_id == me)
			snprintf(buf, bufsz, "to %s, only for them", to);
		else if (p->to_id == me)
			snprintf(buf, bufsz, "from %s, to you", author);
		else
			snprintf(buf, bufsz, "from %s", author);
		return buf;
	}
	if (p->author_id != me) {
		snprintf(buf, bufsz, "from %s, shared with you", author);
		return buf;
	}
	switch (p->share & (LULL_SHARE_PARTNER | LULL_SHARE_CONSULTANT)) {
	case LULL_SHARE_PARTNER:
		snprintf(buf, bufsz, "shared with your partner");
		break;
	case LULL_SHARE_CONSULTANT:
		snprintf(buf, bufsz, "shared with your consultant");
		break;
	case LULL_SHARE_PARTNER | LULL_SHARE_CONSULTANT:
		snprintf(buf, bufsz,
		    "shared with your partner and your consultant");
		break;
	default:
		snprintf(buf, bufsz, "private (only you)");
		break;
	}
	return buf;
}

void
lull_ritual_when(const struct lull_ritual *r, char *buf, size_t bufsz)
{
	static const char *const days[7] = { "Monday", "Tuesday", "Wednesday",
		"Thursday", "Friday", "Saturday", "Sunday" };
	char at[24] = "";

	if (r->at_min != LULL_UNKNOWN)
		snprintf(at, sizeof(at), " at %02d:%02d", (int)(r->at_min / 60),
		    (int)(r->at_min % 60));
	snprintf(buf, bufsz, "every %s%s",
	    r->every == LULL_RITUAL_WEEKLY && r->weekday >= 0 && r->weekday < 7
		? days[r->weekday]
		: "day",
	    at);
}

static int
by_time(const void *a, const void *b)
{
	const struct lull_ritual *x = a, *y = b;
	int32_t ax = x->at_min == LULL_UNKNOWN ? 1440 : x->at_min;
	int32_t ay = y->at_min == LULL_UNKNOWN ? 1440 : y->at_min;

	if (ax != ay)
		return ax < ay ? -1 : 1;
	return strcmp(x->name ? x->name : "", y->name ? y->name : "");
}

void
lull_ritual_sort(struct lull_ritualv *v)
{
	if (v->n > 1)
		qsort(v->v, v->n, sizeof(v->v[0]), by_time);
}

int32_t
lull_care_week(int32_t day)
{
	return day - (lull_weekday(day) + 6) % 7;
}

/* ---- one's own records ------------------------------------------------ */

enum lull_err
lull_personal_own(struct lull_store *st, int64_t household_id, int64_t me,
    int64_t id, int kind, struct lull_personal *p, struct lull_errinfo *ei)
{
	enum lull_err rc;

	lull_personal_init(p);
	rc = lull_store_personal_get(st, id, me, p);
	if (rc == LULL_ENOTFOUND ||
	    (rc == LULL_OK &&
		(p->author_id != me || p->household_id != household_id ||
		    (kind >= 0 && (int)p->kind != kind)))) {
		lull_personal_free(p);
		lull_personal_init(p);
		return lull_errinfo_set(ei, LULL_ENOTFOUND, "id",
		    "no record #%lld among yours", (long long)id);
	}
	if (rc != LULL_OK) {
		lull_personal_free(p);
		lull_personal_init(p);
		return store_fail(st, rc, ei);
	}
	return LULL_OK;
}

enum lull_err
lull_personal_own_on(struct lull_store *st, int64_t household_id, int64_t me,
    enum lull_personal_kind kind, int32_t day, struct lull_personal *out,
    int *found, struct lull_errinfo *ei)
{
	struct lull_personalv v = { 0 };
	enum lull_err rc;
	size_t i;

	*found = 0;
	lull_personal_init(out);
	if ((rc = lull_store_personal_list(st, household_id, me, (int)kind,
		 day, day, &v)))
		return store_fail(st, rc, ei);
	for (i = 0; i < v.n; i++)
		if (v.v[i].author_id == me) {
			*out = v.v[i];
			lull_personal_init(&v.v[i]);
			*found = 1;
			break;
		}
	lull_personalv_free(&v);
	return LULL_OK;
}

enum lull_err
lull_personal_sleep_clash(struct lull_store *st, int64_t household_id,
    int64_t me, int32_t day, int64_t start_utc, int64_t end_utc,
    struct lull_personal *clash, int *found, struct lull_errinfo *ei)
{
	struct lull_personalv v = { 0 };
	enum lull_err rc;
	size_t i;

	*found = 0;
	lull_personal_init(clash);
	if ((rc = lull_store_personal_list(st, household_id, me,
		 LULL_PERSONAL_SLEEP, day - 1, day + 1, &v)))
		return store_fail(st, rc, ei);
	for (i = 0; i < v.n; i++)
		if (v.v[i].author_id == me && v.v[i].start_utc < end_utc &&
		    start_utc < v.v[i].end_utc) {
			*clash = v.v[i];
			lull_personal_init(&v.v[i]);
			*found = 1;
			break;
		}
	lull_personalv_free(&v);
	return LULL_OK;
}

/* ---- when a screen is offered ----------------------------------------- */

void
lull_screen_offer_free(struct lull_screen_offer *o)
{
	lull_child_free(&o->child);
	lull_child_init(&o->child);
}

enum lull_err
lull_screen_offer(struct lull_store *st, int64_t household_id,
    const struct lull_caregiver *me, int32_t today, int follow_up,
    struct lull_screen_offer *out, struct lull_errinfo *ei)
{
	struct lull_childv kids = { 0 };
	struct lull_personalv v = { 0 };
	const struct lull_child *young = NULL;
	int32_t *past = NULL;
	enum lull_err rc;
	size_t i, npast = 0;

	memset(out, 0, sizeof(*out));
	lull_child_init(&out->child);
	out->last = LULL_NO_DAY;
	if ((rc = lull_store_child_list(st, household_id, &kids)))
		return store_fail(st, rc, ei);
	for (i = 0; i < kids.n; i++)
		if (young == NULL || kids.v[i].born_day > young->born_day)
			young = &kids.v[i];
	if (young == NULL) {
		rc = lull_errinfo_set(ei, LULL_ENOTFOUND, "child",
		    "child: there is no child yet");
		goto out;
	}
	if ((rc = lull_store_personal_list(st, household_id, me->id,
		 LULL_PERSONAL_SCREEN, young->born_day - 366, today, &v))) {
		store_fail(st, rc, ei);
		goto out;
	}
	if (v.n > 0 && (past = calloc(v.n, sizeof(*past))) == NULL) {
		rc = lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
		goto out;
	}
	for (i = 0; i < v.n; i++)
		if (v.v[i].author_id == me->id) {
			past[npast++] = v.v[i].day;
			if (out->last == LULL_NO_DAY || v.v[i].day > out->last)
				out->last = v.v[i].day;
		}
	if ((rc = lull_screen_schedule(young->born_day, today, past, npast,
		 follow_up, &out->due, ei)))
		goto out;
	/* The AAP's schedule is for the parents (both of them). */
	if (me->role != LULL_ROLE_PARENT) {
		out->due.due = 0;
		out->due.months = -1;
		out->due.next_day = LULL_NO_DAY;
		out->due.why = "Mood screens are offered to the child's "
			       "parents. Anyone can take one any time.";
	}
	out->child = *young;
	out->child.name = NULL;
	if (young->name != NULL &&
	    (out->child.name = strdup(young->name)) == NULL)
		rc = lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
out:
	free(past);
	lull_personalv_free(&v);
	lull_childv_free(&kids);
	return rc;
}
