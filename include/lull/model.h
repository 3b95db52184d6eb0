/*
 * The sleep journal's records: a household with its zone, its caregivers
 * and children, and per child the sleeps (with night wakings nested in
 * them), feeds and context tags.  Plain structs the caller owns; each type
 * has one destructor that accepts NULL and leaves the value empty, so it
 * can be freed twice or reused.  Strings are owned (malloc'd) copies.
 *
 * Instants are int64 UTC seconds; LULL_NO_TIME means "not set" (the end
 * of an ongoing sleep).  Local dates are civil day numbers (cal.h).
 * Ids are positive; 0 means "not stored yet" or "nobody".
 *
 * Enumerations have a stable lower-case name used in the database, the
 * JSON export and on the command line ("parents-room-cot"); the names are
 * part of the export schema, so never rename one, only add.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_MODEL_H
#define LULL_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"

#define LULL_NO_TIME INT64_MIN
#define LULL_UNKNOWN (-1) /* for optional counts: minutes, ml, yes/no */

/* Who wrote a record and when; kept on every record. */
struct lull_meta {
	int64_t created_utc;
	int64_t created_by; /* caregiver id, 0 if not recorded */
	int64_t updated_utc;
	int64_t updated_by;
	int64_t version; /* 1 on insert, +1 on each update */
};

struct lull_household {
	int64_t id;
	char *name;
	char *tz; /* IANA zone name, e.g. "Europe/Berlin" */
	/* The parents' side (care.h, rota.h, screen.h); 0 or NULL for the
	 * documented defaults. */
	int32_t core_block_min; /* each adult's protected sleep target */
	char *emergency;	/* the local emergency number */
	char *crisis_lines;	/* "Name: number" lines, newline-separated */
	struct lull_meta meta;
};

/* An adult's place around the child: who may see what of the parents'
 * own records (care.h). */
enum lull_role {
	LULL_ROLE_PARENT = 0, /* a parent: sees what partners share */
	LULL_ROLE_HELPER,     /* grandparent, nanny: the child's journal only */
	LULL_ROLE_CONSULTANT, /* sees what the family shares with one */
	LULL_ROLE__MAX
};

/* What an adult can give the child at night (the night rota's rule). */
enum lull_night_feeds {
	LULL_NIGHT_BOTTLE = 0, /* a bottle: formula or expressed milk */
	LULL_NIGHT_BREAST,     /* nurses the baby */
	LULL_NIGHT_NONE,       /* settles, changes, returns; does not feed */
	LULL_NIGHT__MAX
};

struct lull_caregiver {
	int64_t id;
	int64_t household_id;
	char *name;
	enum lull_role role;
	enum lull_night_feeds night_feeds;
	unsigned work_days; /* bit 0 Monday .. bit 6 Sunday */
	struct lull_meta meta;
};

struct lull_child {
	int64_t id;
	int64_t household_id;
	char *name;
	int32_t born_day; /* civil day number of birth */
	int32_t due_day;  /* LULL_NO_DAY if not given (not premature) */
	struct lull_meta meta;
};

enum lull_sleep_kind {
	LULL_SLEEP_NAP = 0,
	LULL_SLEEP_NIGHT,
	LULL_SLEEP_KIND__MAX
};

/*
 * How the child fell asleep: a set, because a baby is often fed and held
 * at once.  Stored as a bit mask of (1u << enum value).
 */
enum lull_onset {
	LULL_ONSET_FED = 0,
	LULL_ONSET_ROCKED,
	LULL_ONSET_HELD,
	LULL_ONSET_PACIFIER,
	LULL_ONSET_BED_WITH_PARENT, /* in the parents' bed, parent there */
	LULL_ONSET_BESIDE_PARENT,   /* own space, parent beside */
	LULL_ONSET_PATTED,
	LULL_ONSET_ON_OWN,
	LULL_ONSET_CAR,
	LULL_ONSET_STROLLER,
	LULL_ONSET_WORN, /* sling or carrier */
	LULL_ONSET_OTHER,
	LULL_ONSET__MAX
};

/* Where the child slept. */
enum lull_place {
	LULL_PLACE_UNKNOWN = 0,
	LULL_PLACE_OWN_ROOM_COT,
	LULL_PLACE_PARENTS_ROOM_COT,
	LULL_PLACE_SIDECAR,
	LULL_PLACE_PARENTS_BED,
	LULL_PLACE_ARMS,
	LULL_PLACE_PRAM,
	LULL_PLACE_CAR_SEAT,
	LULL_PLACE_CARRIER,
	LULL_PLACE_SOFA,
	LULL_PLACE_OTHER,
	LULL_PLACE__MAX
};

/* The main thing a caregiver did at a night waking. */
enum lull_response {
	LULL_RESP_UNKNOWN = 0,
	LULL_RESP_NONE,	    /* resettled without help */
	LULL_RESP_PRESENCE, /* was there, no touch */
	LULL_RESP_VOICE,
	LULL_RESP_PAT,
	LULL_RESP_HOLD,
	LULL_RESP_ROCK,
	LULL_RESP_FEED,
	LULL_RESP_PACIFIER,
	LULL_RESP_BROUGHT_TO_BED,
	LULL_RESP_OTHER,
	LULL_RESP__MAX
};

enum lull_feed_kind {
	LULL_FEED_BREAST = 0,
	LULL_FEED_BOTTLE,
	LULL_FEED_SOLIDS,
	LULL_FEED_KIND__MAX
};

enum lull_side {
	LULL_SIDE_NONE = 0,
	LULL_SIDE_LEFT,
	LULL_SIDE_RIGHT,
	LULL_SIDE_BOTH,
	LULL_SIDE__MAX
};

enum lull_tag_kind {
	LULL_TAG_ILL = 0,
	LULL_TAG_TEETHING,
	LULL_TAG_TRAVEL,
	LULL_TAG_MILESTONE,
	LULL_TAG_CHILDCARE,
	LULL_TAG_VACCINATION,
	LULL_TAG_OTHER,
	LULL_TAG_KIND__MAX
};

/* A night waking, inside its night's [start, end]. */
struct lull_waking {
	int64_t id;
	int64_t sleep_id;
	int64_t start_utc;
	int64_t end_utc; /* LULL_NO_TIME while the child is still awake */
	enum lull_response response;
	int64_t caregiver_id; /* who went; 0 if not recorded */
	char *note;
	struct lull_meta meta;
};

struct lull_sleep {
	int64_t id;
	int64_t child_id;
	int64_t start_utc;
	int64_t end_utc; /* LULL_NO_TIME while ongoing */
	enum lull_sleep_kind kind;
	int kind_given;	 /* 1: said by a person or a source; 0: derived */
	uint32_t onset;	 /* set of enum lull_onset bits */
	enum lull_place place;
	int64_t settled_by; /* caregiver id, 0 if not recorded */
	int32_t latency_min; /* time to fall asleep, LULL_UNKNOWN */
	int32_t crying_min;  /* estimated crying, LULL_UNKNOWN */
	int routine;	     /* bedtime routine done: 1, 0, LULL_UNKNOWN */
	char *note;
	struct lull_waking *wakings; /* sorted by start, non-overlapping */
	size_t nwakings;
	struct lull_meta meta;
};

struct lull_feed {
	int64_t id;
	int64_t child_id;
	int64_t start_utc;
	int64_t end_utc; /* LULL_NO_TIME if only the start is known */
	enum lull_feed_kind kind;
	enum lull_side side;
	int32_t amount_ml; /* LULL_UNKNOWN if not measured */
	char *note;
	struct lull_meta meta;
};

/* Context over a range of local dates, both ends included. */
struct lull_tag {
	int64_t id;
	int64_t child_id;
	enum lull_tag_kind kind;
	int32_t from_day;
	int32_t to_day;
	char *note;
	struct lull_meta meta;
};

/*
 * Vectors the caller owns; _free() releases the items and empties it.
 * "cap" is the allocated length, kept by the _push() functions.
 */
struct lull_caregiverv {
	struct lull_caregiver *v;
	size_t n;
	size_t cap;
};
struct lull_childv {
	struct lull_child *v;
	size_t n;
	size_t cap;
};
struct lull_sleepv {
	struct lull_sleep *v;
	size_t n;
	size_t cap;
};
struct lull_feedv {
	struct lull_feed *v;
	size_t n;
	size_t cap;
};
struct lull_tagv {
	struct lull_tag *v;
	size_t n;
	size_t cap;
};

/* Initialisers: every optional field set to "unknown"/"not set". */
void lull_sleep_init(struct lull_sleep *);
void lull_waking_init(struct lull_waking *);
void lull_feed_init(struct lull_feed *);
void lull_tag_init(struct lull_tag *);
void lull_child_init(struct lull_child *);

void lull_household_free(struct lull_household *);
void lull_caregiver_free(struct lull_caregiver *);
void lull_child_free(struct lull_child *);
void lull_waking_free(struct lull_waking *);
void lull_sleep_free(struct lull_sleep *); /* frees its wakings too */
void lull_feed_free(struct lull_feed *);
void lull_tag_free(struct lull_tag *);

void lull_caregiverv_free(struct lull_caregiverv *);
void lull_childv_free(struct lull_childv *);
void lull_sleepv_free(struct lull_sleepv *);
void lull_feedv_free(struct lull_feedv *);
void lull_tagv_free(struct lull_tagv *);

/*
 * Deep copies: *dst is overwritten (not freed first).  On LULL_ENOMEM
 * *dst is left empty.
 */
LULL_MUST_CHECK enum lull_err lull_sleep_copy(struct lull_sleep *dst,
    const struct lull_sleep *src);
LULL_MUST_CHECK enum lull_err lull_waking_copy(struct lull_waking *dst,
    const struct lull_waking *src);

/*
 * Append a copy of "w" to s->wakings, keeping them sorted by start.
 * Does not validate; see lull_sleep_check().
 */
LULL_MUST_CHECK enum lull_err lull_sleep_add_waking(struct lull_sleep *s,
    const struct lull_waking *w);

/* Append to vectors, taking ownership of the item's contents on success. */
LULL_MUST_CHECK enum lull_err lull_sleepv_push(struct lull_sleepv *,
    struct lull_sleep *take);
LULL_MUST_CHECK enum lull_err lull_feedv_push(struct lull_feedv *,
    struct lull_feed *take);
LULL_MUST_CHECK enum lull_err lull_tagv_push(struct lull_tagv *,
    struct lull_tag *take);
LULL_MUST_CHECK enum lull_err lull_childv_push(struct lull_childv *,
    struct lull_child *take);
LULL_MUST_CHECK enum lull_err lull_caregiverv_push(struct lull_caregiverv *,
    struct lull_caregiver *take);

/*
 * Names of enumeration values and the reverse.  _name() returns NULL for
 * a value out of range; _parse() returns -1 for an unknown name.  The
 * onset set is written comma-separated ("fed,held"), in enum order.
 */
const char *lull_sleep_kind_name(enum lull_sleep_kind);
int lull_sleep_kind_parse(const char *);
const char *lull_onset_name(enum lull_onset);
int lull_onset_parse(const char *);
const char *lull_place_name(enum lull_place);
int lull_place_parse(const char *);
const char *lull_response_name(enum lull_response);
int lull_response_parse(const char *);
const char *lull_feed_kind_name(enum lull_feed_kind);
int lull_feed_kind_parse(const char *);
const char *lull_side_name(enum lull_side);
int lull_side_parse(const char *);
const char *lull_tag_kind_name(enum lull_tag_kind);
int lull_tag_kind_parse(const char *);

/* Short phrases for listings: "parents' room cot", "fed", "held". */
const char *lull_place_label(enum lull_place);
const char *lull_onset_label(enum lull_onset);
const char *lull_response_label(enum lull_response);

/*
 * "fed,held" <-> bit set.  lull_onset_set_parse() fails with the unknown
 * word named in "ei" (field "onset").  The empty string is the empty set.
 */
LULL_MUST_CHECK enum lull_err lull_onset_set_parse(const char *s,
    uint32_t *set, struct lull_errinfo *ei);
void lull_onset_set_format(uint32_t set, char *buf, size_t bufsz);

#endif
