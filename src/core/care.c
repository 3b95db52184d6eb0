/*
 * The parents' own records: their rules and who may see them (care.h).
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/journal.h"
#include "lull/screen.h"
#include "core_int.h"

static const char *const role_names[LULL_ROLE__MAX] = {
	"parent", "helper", "consultant"
};
static const char *const night_feeds_names[LULL_NIGHT__MAX] = {
	"bottle", "breast", "none"
};
static const char *const kind_names[LULL_PERSONAL_KIND__MAX] = {
	"sleep", "checkin", "screen", "couple", "appreciation"
};
static const char *const every_names[LULL_RITUAL_EVERY__MAX] = {
	"daily", "weekly"
};

static int
find(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

#define NAME(tab, e, max) ((unsigned)(e) < (max) ? (tab)[e] : NULL)

const char *
lull_role_name(enum lull_role e)
{
	return NAME(role_names, e, LULL_ROLE__MAX);
}

int
lull_role_parse(const char *s)
{
	return find(role_names, LULL_ROLE__MAX, s);
}

const char *
lull_night_feeds_name(enum lull_night_feeds e)
{
	return NAME(night_feeds_names, e, LULL_NIGHT__MAX);
}

int
lull_night_feeds_parse(const char *s)
{
	return find(night_feeds_names, LULL_NIGHT__MAX, s);
}

const char *
lull_personal_kind_name(enum lull_personal_kind e)
{
	return NAME(kind_names, e, LULL_PERSONAL_KIND__MAX);
}

int
lull_personal_kind_parse(const char *s)
{
	return find(kind_names, LULL_PERSONAL_KIND__MAX, s);
}

const char *
lull_ritual_every_name(enum lull_ritual_every e)
{
	return NAME(every_names, e, LULL_RITUAL_EVERY__MAX);
}

int
lull_ritual_every_parse(const char *s)
{
	return find(every_names, LULL_RITUAL_EVERY__MAX, s);
}

enum lull_err
lull_share_parse(const char *s, unsigned *out, struct lull_errinfo *ei)
{
	const char *p = s, *e;
	size_t n;

	*out = 0;
	if (s == NULL || *s == '\0' || strcmp(s, "none") == 0)
		return LULL_OK;
	for (;;) {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (n == 7 && strncmp(p, "partner", n) == 0)
			*out |= LULL_SHARE_PARTNER;
		else if (n == 10 && strncmp(p, "consultant", n) == 0)
			*out |= LULL_SHARE_CONSULTANT;
		else {
			*out = 0;
			return lull_errinfo_set(ei, LULL_EINVAL, "share",
			    "share: \"%.*s\" is not one of partner, "
			    "consultant, none", (int)(n > 40 ? 40 : n), p);
		}
		if (e == NULL)
			return LULL_OK;
		p = e + 1;
	}
}

void
lull_share_format(unsigned share, char *buf, size_t bufsz)
{
	const char *s;

	switch (share & (LULL_SHARE_PARTNER | LULL_SHARE_CONSULTANT)) {
	case LULL_SHARE_PARTNER: s = "partner"; break;
	case LULL_SHARE_CONSULTANT: s = "consultant"; break;
	case LULL_SHARE_PARTNER | LULL_SHARE_CONSULTANT:
		s = "partner,consultant";
		break;
	default: s = "none"; break;
	}
	snprintf(buf, bufsz, "%s", s);
}

void
lull_personal_init(struct lull_personal *p)
{
	memset(p, 0, sizeof(*p));
	p->day = LULL_NO_DAY;
	p->start_utc = LULL_NO_TIME;
	p->end_utc = LULL_NO_TIME;
	p->energy = LULL_UNKNOWN;
	p->mood = LULL_UNKNOWN;
	p->total = LULL_UNKNOWN;
}

void
lull_personal_free(struct lull_personal *p)
{
	if (p == NULL)
		return;
	free(p->appreciation);
	free(p->need);
	free(p->repair);
	free(p->connection);
	free(p->note);
	lull_personal_init(p);
}

void
lull_personalv_free(struct lull_personalv *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		lull_personal_free(&v->v[i]);
	free(v->v);
	memset(v, 0, sizeof(*v));
}

VEC_PUSH(lull_personalv_push, lull_personalv, lull_personal,
    lull_personal_init)

static int
dup_or_null(char **dst, const char *src)
{
	*dst = NULL;
	return src == NULL || (*dst = strdup(src)) != NULL;
}

enum lull_err
lull_personal_copy(struct lull_personal *dst, const struct lull_personal *src)
{
	*dst = *src;
	dst->appreciation = dst->need = dst->repair = dst->connection = NULL;
	dst->note = NULL;
	if (!dup_or_null(&dst->appreciation, src->appreciation) ||
	    !dup_or_null(&dst->need, src->need) ||
	    !dup_or_null(&dst->repair, src->repair) ||
	    !dup_or_null(&dst->connection, src->connection) ||
	    !dup_or_null(&dst->note, src->note)) {
		lull_personal_free(dst);
		return LULL_ENOMEM;
	}
	return LULL_OK;
}

void
lull_ritual_init(struct lull_ritual *r)
{
	memset(r, 0, sizeof(*r));
	r->at_min = LULL_UNKNOWN;
}

void
lull_ritual_free(struct lull_ritual *r)
{
	if (r == NULL)
		return;
	free(r->name);
	free(r->note);
	lull_ritual_init(r);
}

void
lull_ritualv_free(struct lull_ritualv *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		lull_ritual_free(&v->v[i]);
	free(v->v);
	memset(v, 0, sizeof(*v));
}

VEC_PUSH(lull_ritualv_push, lull_ritualv, lull_ritual, lull_ritual_init)

/* A text is blank when it holds nothing but spaces. */
static int
blank(const char *s)
{
	if (s == NULL)
		return 1;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == '\0';
}

static enum lull_err
check_text(const char *field, const char *s, struct lull_errinfo *ei)
{
	if (s != NULL && strlen(s) > LULL_PERSONAL_TEXT_MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s: longer than %d bytes", field,
		    LULL_PERSONAL_TEXT_MAX);
	return LULL_OK;
}

static enum lull_err
check_scale(const char *field, int32_t v, struct lull_errinfo *ei)
{
	if (v < LULL_CHECKIN_MIN || v > LULL_CHECKIN_MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, field,
		    "%s: give a number from %d (very low) to %d (good)", field,
		    LULL_CHECKIN_MIN, LULL_CHECKIN_MAX);
	return LULL_OK;
}

static enum lull_err
check_screen(struct lull_personal *p, struct lull_errinfo *ei)
{
	const struct lull_screen_def *def = lull_screen_find(p->instrument);
	struct lull_screen_result r;
	enum lull_err rc;

	if (def == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "instrument",
		    "instrument: \"%s\" is not one of %s", p->instrument,
		    LULL_SCREEN_NAMES);
	if (p->nanswers < 0 || p->nanswers > LULL_SCREEN_MAXITEMS)
		return lull_errinfo_set(ei, LULL_EINVAL, "answers",
		    "answers: %d answers", p->nanswers);
	rc = lull_screen_score(def, p->answers, (size_t)p->nanswers, &r, ei);
	if (rc != LULL_OK)
		return rc;
	if (p->start_utc == LULL_NO_TIME)
		return lull_errinfo_set(ei, LULL_EINVAL, "at",
		    "at: a screen needs the time it was taken");
	p->total = r.total;
	snprintf(p->band, sizeof(p->band), "%s", r.band);
	p->self_harm = r.self_harm;
	return LULL_OK;
}

static enum lull_err
check_sleep(const struct lull_personal *p, struct lull_errinfo *ei)
{
	if (p->start_utc == LULL_NO_TIME)
		return lull_errinfo_set(ei, LULL_EINVAL, "start",
		    "start: an adult's sleep needs its start");
	if (p->end_utc == LULL_NO_TIME)
		return lull_errinfo_set(ei, LULL_EINVAL, "end",
		    "end: an adult's sleep is logged once it has ended");
	if (p->end_utc <= p->start_utc)
		return lull_errinfo_set(ei, LULL_EINVAL, "end",
		    "end: must be after the start");
	if (p->end_utc - p->start_utc > LULL_SLEEP_MAX_SEC)
		return lull_errinfo_set(ei, LULL_EINVAL, "end",
		    "end: a sleep of more than %d hours is not likely",
		    LULL_SLEEP_MAX_SEC / 3600);
	return LULL_OK;
}

enum lull_err
lull_personal_check(struct lull_personal *p, struct lull_errinfo *ei)
{
	enum lull_err rc;

	if (p->author_id <= 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "as",
		    "as: a personal record needs the adult it belongs to");
	if (p->day == LULL_NO_DAY)
		return lull_errinfo_set(ei, LULL_EINVAL, "day",
		    "day: missing");
	if (p->share > (LULL_SHARE_PARTNER | LULL_SHARE_CONSULTANT))
		return lull_errinfo_set(ei, LULL_EINVAL, "share",
		    "share: unknown bits %#x", p->share);
	if ((rc = check_text("note", p->note, ei)) ||
	    (rc = check_text("appreciation", p->appreciation, ei)) ||
	    (rc = check_text("need", p->need, ei)) ||
	    (rc = check_text("repair", p->repair, ei)) ||
	    (rc = check_text("connection", p->connection, ei)))
		return rc;
	switch (p->kind) {
	case LULL_PERSONAL_SLEEP:
		return check_sleep(p, ei);
	case LULL_PERSONAL_CHECKIN:
		if ((rc = check_scale("energy", p->energy, ei)) != LULL_OK)
			return rc;
		return check_scale("mood", p->mood, ei);
	case LULL_PERSONAL_SCREEN:
		return check_screen(p, ei);
	case LULL_PERSONAL_COUPLE:
		if (blank(p->appreciation) && blank(p->need) &&
		    blank(p->repair) && blank(p->connection))
			return lull_errinfo_set(ei, LULL_EINVAL, "appreciation",
			    "a couple check-in needs at least one of "
			    "appreciation, need, repair, connection");
		if (lull_weekday(p->day) != 1)
			return lull_errinfo_set(ei, LULL_EINVAL, "day",
			    "day: a week's check-in is kept on its Monday");
		return LULL_OK;
	case LULL_PERSONAL_APPRECIATION:
		if (blank(p->appreciation))
			return lull_errinfo_set(ei, LULL_EINVAL, "appreciation",
			    "appreciation: the note is empty");
		if (p->to_id <= 0 || p->to_id == p->author_id)
			return lull_errinfo_set(ei, LULL_EINVAL, "to",
			    "to: an appreciation is written to another adult");
		if (p->start_utc == LULL_NO_TIME)
			return lull_errinfo_set(ei, LULL_EINVAL, "at",
			    "at: an appreciation needs the time it was "
			    "written");
		return LULL_OK;
	default:
		return lull_errinfo_set(ei, LULL_EINVAL, "kind",
		    "kind: unknown kind %d", (int)p->kind);
	}
}

enum lull_err
lull_ritual_check(const struct lull_ritual *r, struct lull_errinfo *ei)
{
	enum lull_err rc;

	if (blank(r->name))
		return lull_errinfo_set(ei, LULL_EINVAL, "name",
		    "name: a ritual needs a name");
	if ((unsigned)r->every >= LULL_RITUAL_EVERY__MAX)
		return lull_errinfo_set(ei, LULL_EINVAL, "every",
		    "every: daily or weekly");
	if (r->every == LULL_RITUAL_WEEKLY &&
	    (r->weekday < 0 || r->weekday > 6))
		return lull_errinfo_set(ei, LULL_EINVAL, "weekday",
		    "weekday: a weekly ritual needs its day");
	if (r->at_min != LULL_UNKNOWN && (r->at_min < 0 || r->at_min > 1439))
		return lull_errinfo_set(ei, LULL_EINVAL, "at",
		    "at: a time of day, 00:00 to 23:59");
	if ((rc = check_text("name", r->name, ei)) != LULL_OK)
		return rc;
	return check_text("note", r->note, ei);
}

int
lull_personal_visible(const struct lull_personal *p, int64_t viewer_id,
    enum lull_role viewer_role)
{
	if (viewer_id <= 0)
		return 0;
	if (p->author_id == viewer_id)
		return 1;
	if (p->kind == LULL_PERSONAL_APPRECIATION && p->to_id == viewer_id)
		return 1;
	if ((p->share & LULL_SHARE_PARTNER) && viewer_role == LULL_ROLE_PARENT)
		return 1;
	if ((p->share & LULL_SHARE_CONSULTANT) &&
	    viewer_role == LULL_ROLE_CONSULTANT)
		return 1;
	return 0;
}

int
lull_ritual_due(const struct lull_ritual *r, int32_t day)
{
	/* lull_weekday() counts from Sunday; rituals from Monday. */
	int monday0 = (lull_weekday(day) + 6) % 7;

	return r->every == LULL_RITUAL_DAILY || monday0 == r->weekday;
}
