/*
 * The parents' own records: each adult's sleep, morning check-ins, mood
 * screens, the couple's weekly check-in and appreciation notes, and the
 * rituals the couple chose.  What they are, the rules each must pass,
 * and who may see them.
 *
 * Privacy is the point of this file.  A personal record belongs to its
 * author.  Nobody else sees it unless the author shares it:
 *  - LULL_SHARE_PARTNER: the household's other parents (role "parent");
 *  - LULL_SHARE_CONSULTANT: a consultant the family added (role
 *    "consultant").
 * An appreciation note is always seen by the one it is written to.
 * Helpers (a grandparent, a nanny: role "helper") never see personal
 * records of others.  lull_personal_visible() is the one rule; the store
 * filters every read through it and answers "not found" for a record the
 * reader may not see, exactly as for one that does not exist.
 *
 * Pure: no I/O, no clock.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_CARE_H
#define LULL_CARE_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"
#include "lull/model.h"

/* enum lull_role and enum lull_night_feeds are in model.h, on the
 * caregiver. */

enum lull_personal_kind {
	LULL_PERSONAL_SLEEP = 0,	/* an adult's own sleep, as logged */
	LULL_PERSONAL_CHECKIN,		/* the morning check-in */
	LULL_PERSONAL_SCREEN,		/* a mood screen's answers */
	LULL_PERSONAL_COUPLE,		/* the weekly couple check-in */
	LULL_PERSONAL_APPRECIATION,	/* a note to a partner */
	LULL_PERSONAL_KIND__MAX
};

#define LULL_SHARE_PARTNER    1u
#define LULL_SHARE_CONSULTANT 2u

#define LULL_CHECKIN_MIN 1 /* energy and mood: 1 (very low) .. 5 (good) */
#define LULL_CHECKIN_MAX 5
#define LULL_SCREEN_MAXITEMS 9 /* PHQ-9, the longest instrument */
#define LULL_PERSONAL_TEXT_MAX 2000 /* bytes of one text field */

/*
 * One personal record.  Fields not used by its kind stay as
 * lull_personal_init() left them (0, NULL, LULL_NO_DAY, LULL_NO_TIME,
 * LULL_UNKNOWN).  Per kind:
 *  SLEEP        start_utc, end_utc (finished, at most 20 hours), note
 *  CHECKIN      energy, mood (1..5), note
 *  SCREEN       instrument ("phq9", "phq2", "gad7", "gad2"), answers and
 *               nanswers, start_utc (when taken); total, band and
 *               self_harm are computed by lull_personal_check(), never
 *               taken from the caller
 *  COUPLE       any of appreciation, need, repair, connection (at least
 *               one), day = the Monday of its week
 *  APPRECIATION to_id (another adult of the household), appreciation
 *               (the text, required), start_utc (when written)
 * "day" is the local day the record belongs to, for every kind (for a
 * sleep, the day it began; for a screen or a note, the day it was
 * written): listings select by it.
 */
struct lull_personal {
	int64_t id;
	int64_t household_id;
	int64_t author_id; /* the caregiver it belongs to; required */
	enum lull_personal_kind kind;
	int32_t day;
	int64_t start_utc, end_utc;
	int32_t energy, mood;
	char instrument[8];
	int answers[LULL_SCREEN_MAXITEMS];
	int nanswers;
	int32_t total;	/* computed */
	char band[24];	/* computed: "minimal", ..., "negative", "positive" */
	int self_harm;	/* computed: 1 when PHQ-9 item 9 is above 0 */
	int64_t to_id;
	char *appreciation, *need, *repair, *connection;
	char *note;
	unsigned share; /* LULL_SHARE_* bits */
	struct lull_meta meta;
};

struct lull_personalv {
	struct lull_personal *v;
	size_t n;
	size_t cap;
};

/* A ritual the couple chose, with when to be reminded. */
enum lull_ritual_every {
	LULL_RITUAL_DAILY = 0,
	LULL_RITUAL_WEEKLY,
	LULL_RITUAL_EVERY__MAX
};

struct lull_ritual {
	int64_t id;
	int64_t household_id;
	char *name;			/* unique within the household */
	enum lull_ritual_every every;
	int weekday;			/* weekly: 0 Monday .. 6 Sunday */
	int32_t at_min;			/* local minutes after midnight, or
					   LULL_UNKNOWN for "any time" */
	char *note;
	struct lull_meta meta;
};

struct lull_ritualv {
	struct lull_ritual *v;
	size_t n;
	size_t cap;
};

void lull_personal_init(struct lull_personal *);
void lull_personal_free(struct lull_personal *);
void lull_personalv_free(struct lull_personalv *);
LULL_MUST_CHECK enum lull_err lull_personalv_push(struct lull_personalv *,
    struct lull_personal *take);
LULL_MUST_CHECK enum lull_err lull_personal_copy(struct lull_personal *dst,
    const struct lull_personal *src);

void lull_ritual_init(struct lull_ritual *);
void lull_ritual_free(struct lull_ritual *);
void lull_ritualv_free(struct lull_ritualv *);
LULL_MUST_CHECK enum lull_err lull_ritualv_push(struct lull_ritualv *,
    struct lull_ritual *take);

/*
 * The rules of a personal record, by kind (above).  For a screen it
 * scores the answers (screen.h) and fills total, band and self_harm.
 * Errors name the field ("energy", "answers", "to", ...).
 */
LULL_MUST_CHECK enum lull_err lull_personal_check(struct lull_personal *,
    struct lull_errinfo *);
LULL_MUST_CHECK enum lull_err lull_ritual_check(const struct lull_ritual *,
    struct lull_errinfo *);

/*
 * Whether the adult "viewer_id" with role "viewer_role" may see "p": the
 * author always; the one an appreciation is written to; a parent when
 * shared with partners; a consultant when shared with a consultant.
 */
int lull_personal_visible(const struct lull_personal *p, int64_t viewer_id,
    enum lull_role viewer_role);

/* Is a ritual due on local day "day" (weekday from cal.h)? */
int lull_ritual_due(const struct lull_ritual *, int32_t day);

/* Names and their reverse (-1 when unknown), as in model.h. */
const char *lull_role_name(enum lull_role);
int lull_role_parse(const char *);
const char *lull_night_feeds_name(enum lull_night_feeds);
int lull_night_feeds_parse(const char *);
const char *lull_personal_kind_name(enum lull_personal_kind);
int lull_personal_kind_parse(const char *);
const char *lull_ritual_every_name(enum lull_ritual_every);
int lull_ritual_every_parse(const char *);
/* "partner,consultant" <-> bits; "" and "none" are 0.  Fails naming the
 * unknown word (field "share"). */
LULL_MUST_CHECK enum lull_err lull_share_parse(const char *, unsigned *out,
    struct lull_errinfo *);
void lull_share_format(unsigned, char *buf, size_t bufsz);

#endif
