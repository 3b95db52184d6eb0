/*
 * Records of the sleep journal: initialisers, destructors, copies, vectors
 * and the stable names of every enumeration.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/model.h"
#include "core_int.h"

/*
 * Name tables.  The first column is the stable name (database, export,
 * command line); never rename, only add.  The second is a phrase for
 * listings.
 */
static const char *const kind_names[LULL_SLEEP_KIND__MAX] = {
	[LULL_SLEEP_NAP] = "nap",
	[LULL_SLEEP_NIGHT] = "night",
};

static const char *const onset_names[LULL_ONSET__MAX][2] = {
	[LULL_ONSET_FED] = { "fed", "fed" },
	[LULL_ONSET_ROCKED] = { "rocked", "rocked" },
	[LULL_ONSET_HELD] = { "held", "held" },
	[LULL_ONSET_PACIFIER] = { "pacifier", "pacifier" },
	[LULL_ONSET_BED_WITH_PARENT] = { "bed-with-parent",
	    "in bed with a parent" },
	[LULL_ONSET_BESIDE_PARENT] = { "beside-parent", "parent beside" },
	[LULL_ONSET_PATTED] = { "patted", "patted" },
	[LULL_ONSET_ON_OWN] = { "on-own", "on own" },
	[LULL_ONSET_CAR] = { "car", "in the car" },
	[LULL_ONSET_STROLLER] = { "stroller", "in the stroller" },
	[LULL_ONSET_WORN] = { "worn", "in sling or carrier" },
	[LULL_ONSET_OTHER] = { "other", "other" },
};

static const char *const place_names[LULL_PLACE__MAX][2] = {
	[LULL_PLACE_UNKNOWN] = { "unknown", "" },
	[LULL_PLACE_OWN_ROOM_COT] = { "own-room-cot", "own room cot" },
	[LULL_PLACE_PARENTS_ROOM_COT] = { "parents-room-cot",
	    "parents' room cot" },
	[LULL_PLACE_SIDECAR] = { "sidecar", "sidecar cot" },
	[LULL_PLACE_PARENTS_BED] = { "parents-bed", "parents' bed" },
	[LULL_PLACE_ARMS] = { "arms", "in arms" },
	[LULL_PLACE_PRAM] = { "pram", "pram" },
	[LULL_PLACE_CAR_SEAT] = { "car-seat", "car seat" },
	[LULL_PLACE_CARRIER] = { "carrier", "sling or carrier" },
	[LULL_PLACE_SOFA] = { "sofa", "sofa" },
	[LULL_PLACE_OTHER] = { "other", "elsewhere" },
};

static const char *const response_names[LULL_RESP__MAX][2] = {
	[LULL_RESP_UNKNOWN] = { "unknown", "" },
	[LULL_RESP_NONE] = { "none", "settled without help" },
	[LULL_RESP_PRESENCE] = { "presence", "stayed close" },
	[LULL_RESP_VOICE] = { "voice", "soothed by voice" },
	[LULL_RESP_PAT] = { "pat", "patted" },
	[LULL_RESP_HOLD] = { "hold", "held" },
	[LULL_RESP_ROCK] = { "rock", "rocked" },
	[LULL_RESP_FEED] = { "feed", "fed" },
	[LULL_RESP_PACIFIER] = { "pacifier", "pacifier" },
	[LULL_RESP_BROUGHT_TO_BED] = { "brought-to-bed",
	    "brought to parents' bed" },
	[LULL_RESP_OTHER] = { "other", "other" },
};

static const char *const feed_kind_names[LULL_FEED_KIND__MAX] = {
	[LULL_FEED_BREAST] = "breast",
	[LULL_FEED_BOTTLE] = "bottle",
	[LULL_FEED_SOLIDS] = "solids",
};

static const char *const side_names[LULL_SIDE__MAX] = {
	[LULL_SIDE_NONE] = "none",
	[LULL_SIDE_LEFT] = "left",
	[LULL_SIDE_RIGHT] = "right",
	[LULL_SIDE_BOTH] = "both",
};

static const char *const tag_kind_names[LULL_TAG_KIND__MAX] = {
	[LULL_TAG_ILL] = "ill",
	[LULL_TAG_TEETHING] = "teething",
	[LULL_TAG_TRAVEL] = "travel",
	[LULL_TAG_MILESTONE] = "milestone",
	[LULL_TAG_CHILDCARE] = "childcare",
	[LULL_TAG_VACCINATION] = "vaccination",
	[LULL_TAG_OTHER] = "other",
};

static int
lookup(const char *const *names, int n, const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (names[i] != NULL && strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static int
lookup2(const char *const (*names)[2], int n, const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (names[i][0] != NULL && strcmp(names[i][0], s) == 0)
			return i;
	return -1;
}

#define NAME1(tab, e, max) ((unsigned)(e) < (max) ? (tab)[e] : NULL)
#define NAME2(tab, e, max, k) ((unsigned)(e) < (max) ? (tab)[e][k] : NULL)

const char *
lull_sleep_kind_name(enum lull_sleep_kind e)
{
	return NAME1(kind_names, e, LULL_SLEEP_KIND__MAX);
}

int
lull_sleep_kind_parse(const char *s)
{
	return lookup(kind_names, LULL_SLEEP_KIND__MAX, s);
}

const char *
lull_onset_name(enum lull_onset e)
{
	return NAME2(onset_names, e, LULL_ONSET__MAX, 0);
}

const char *
lull_onset_label(enum lull_onset e)
{
	return NAME2(onset_names, e, LULL_ONSET__MAX, 1);
}

int
lull_onset_parse(const char *s)
{
	return lookup2(onset_names, LULL_ONSET__MAX, s);
}

const char *
lull_place_name(enum lull_place e)
{
	return NAME2(place_names, e, LULL_PLACE__MAX, 0);
}

const char *
lull_place_label(enum lull_place e)
{
	return NAME2(place_names, e, LULL_PLACE__MAX, 1);
}

int
lull_place_parse(const char *s)
{
	return lookup2(place_names, LULL_PLACE__MAX, s);
}

const char *
lull_response_name(enum lull_response e)
{
	return NAME2(response_names, e, LULL_RESP__MAX, 0);
}

const char *
lull_response_label(enum lull_response e)
{
	return NAME2(response_names, e, LULL_RESP__MAX, 1);
}

int
lull_response_parse(const char *s)
{
	return lookup2(response_names, LULL_RESP__MAX, s);
}

const char *
lull_feed_kind_name(enum lull_feed_kind e)
{
	return NAME1(feed_kind_names, e, LULL_FEED_KIND__MAX);
}

int
lull_feed_kind_parse(const char *s)
{
	return lookup(feed_kind_names, LULL_FEED_KIND__MAX, s);
}

const char *
lull_side_name(enum lull_side e)
{
	return NAME1(side_names, e, LULL_SIDE__MAX);
}

int
lull_side_parse(const char *s)
{
	return lookup(side_names, LULL_SIDE__MAX, s);
}

const char *
lull_tag_kind_name(enum lull_tag_kind e)
{
	return NAME1(tag_kind_names, e, LULL_TAG_KIND__MAX);
}

int
lull_tag_kind_parse(const char *s)
{
	return lookup(tag_kind_names, LULL_TAG_KIND__MAX, s);
}

enum lull_err
lull_onset_set_parse(const char *s, uint32_t *set, struct lull_errinfo *ei)
{
	char word[32];
	const char *p = s, *end;
	size_t n;
	int e;

	*set = 0;
	if (s == NULL)
		return LULL_OK;
	while (*p != '\0') {
		while (*p == ',' || *p == ' ')
			p++;
		if (*p == '\0')
			break;
		end = p + strcspn(p, ", ");
		n = (size_t)(end - p);
		if (n >= sizeof(word))
			n = sizeof(word) - 1;
		memcpy(word, p, n);
		word[n] = '\0';
		if ((e = lull_onset_parse(word)) < 0) {
			*set = 0;
			return lull_errinfo_set(ei, LULL_EINVAL, "onset",
			    "onset: \"%s\" is not a way of falling asleep "
			    "(one or more of fed, rocked, held, pacifier, "
			    "bed-with-parent, beside-parent, patted, on-own, "
			    "car, stroller, worn, other)",
			    word);
		}
		*set |= 1u << e;
		p = end;
	}
	return LULL_OK;
}

void
lull_onset_set_format(uint32_t set, char *buf, size_t bufsz)
{
	size_t len = 0;
	int i, w;

	if (bufsz == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < LULL_ONSET__MAX; i++) {
		if (!(set & (1u << i)))
			continue;
		w = snprintf(buf + len, bufsz - len, "%s%s", len ? "," : "",
		    onset_names[i][0]);
		if (w < 0 || (size_t)w >= bufsz - len)
			return;
		len += (size_t)w;
	}
}

static const struct lull_meta no_meta;

void
lull_sleep_init(struct lull_sleep *s)
{
	memset(s, 0, sizeof(*s));
	s->start_utc = LULL_NO_TIME;
	s->end_utc = LULL_NO_TIME;
	s->latency_min = LULL_UNKNOWN;
	s->crying_min = LULL_UNKNOWN;
	s->routine = LULL_UNKNOWN;
	s->meta = no_meta;
}

void
lull_waking_init(struct lull_waking *w)
{
	memset(w, 0, sizeof(*w));
	w->start_utc = LULL_NO_TIME;
	w->end_utc = LULL_NO_TIME;
}

void
lull_feed_init(struct lull_feed *f)
{
	memset(f, 0, sizeof(*f));
	f->start_utc = LULL_NO_TIME;
	f->end_utc = LULL_NO_TIME;
	f->amount_ml = LULL_UNKNOWN;
}

void
lull_tag_init(struct lull_tag *t)
{
	memset(t, 0, sizeof(*t));
	t->from_day = LULL_NO_DAY;
	t->to_day = LULL_NO_DAY;
}

void
lull_child_init(struct lull_child *c)
{
	memset(c, 0, sizeof(*c));
	c->born_day = LULL_NO_DAY;
	c->due_day = LULL_NO_DAY;
}

void
lull_household_free(struct lull_household *h)
{
	if (h == NULL)
		return;
	free(h->name);
	free(h->tz);
	free(h->emergency);
	free(h->crisis_lines);
	memset(h, 0, sizeof(*h));
}

void
lull_caregiver_free(struct lull_caregiver *c)
{
	if (c == NULL)
		return;
	free(c->name);
	memset(c, 0, sizeof(*c));
}

void
lull_child_free(struct lull_child *c)
{
	if (c == NULL)
		return;
	free(c->name);
	lull_child_init(c);
}

void
lull_waking_free(struct lull_waking *w)
{
	if (w == NULL)
		return;
	free(w->note);
	lull_waking_init(w);
}

void
lull_sleep_free(struct lull_sleep *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nwakings; i++)
		lull_waking_free(&s->wakings[i]);
	free(s->wakings);
	free(s->note);
	lull_sleep_init(s);
}

void
lull_feed_free(struct lull_feed *f)
{
	if (f == NULL)
		return;
	free(f->note);
	lull_feed_init(f);
}

void
lull_tag_free(struct lull_tag *t)
{
	if (t == NULL)
		return;
	free(t->note);
	lull_tag_init(t);
}

#define VEC_FREE(fn, vtype, itemfree)                                       \
	void fn(struct vtype *vec)                                          \
	{                                                                   \
		size_t i;                                                   \
		if (vec == NULL)                                            \
			return;                                             \
		for (i = 0; i < vec->n; i++)                                \
			itemfree(&vec->v[i]);                               \
		free(vec->v);                                               \
		vec->v = NULL;                                              \
		vec->n = 0;                                                 \
		vec->cap = 0;                                               \
	}

VEC_FREE(lull_caregiverv_free, lull_caregiverv, lull_caregiver_free)
VEC_FREE(lull_childv_free, lull_childv, lull_child_free)
VEC_FREE(lull_sleepv_free, lull_sleepv, lull_sleep_free)
VEC_FREE(lull_feedv_free, lull_feedv, lull_feed_free)
VEC_FREE(lull_tagv_free, lull_tagv, lull_tag_free)

/* Make room for one more item, doubling the allocation. */
int
lull_vec_grow(void **v, size_t n, size_t *cap, size_t size)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return 1;
	ncap = *cap ? *cap * 2 : 8;
	if (ncap < n + 1)
		ncap = n + 1;
	if (ncap > SIZE_MAX / size)
		return 0;
	if ((p = realloc(*v, ncap * size)) == NULL)
		return 0;
	*v = p;
	*cap = ncap;
	return 1;
}

static void
caregiver_init(struct lull_caregiver *c)
{
	memset(c, 0, sizeof(*c));
}

VEC_PUSH(lull_sleepv_push, lull_sleepv, lull_sleep, lull_sleep_init)
VEC_PUSH(lull_feedv_push, lull_feedv, lull_feed, lull_feed_init)
VEC_PUSH(lull_tagv_push, lull_tagv, lull_tag, lull_tag_init)
VEC_PUSH(lull_childv_push, lull_childv, lull_child, lull_child_init)
VEC_PUSH(lull_caregiverv_push, lull_caregiverv, lull_caregiver,
    caregiver_init)

static int
dupstr(char **dst, const char *src)
{
	*dst = NULL;
	if (src == NULL)
		return 1;
	return (*dst = strdup(src)) != NULL;
}

enum lull_err
lull_waking_copy(struct lull_waking *dst, const struct lull_waking *src)
{
	*dst = *src;
	if (!dupstr(&dst->note, src->note)) {
		lull_waking_init(dst);
		return LULL_ENOMEM;
	}
	return LULL_OK;
}

enum lull_err
lull_sleep_copy(struct lull_sleep *dst, const struct lull_sleep *src)
{
	size_t i;

	*dst = *src;
	dst->note = NULL;
	dst->wakings = NULL;
	dst->nwakings = 0;
	if (!dupstr(&dst->note, src->note))
		goto fail;
	if (src->nwakings == 0)
		return LULL_OK;
	dst->wakings = calloc(src->nwakings, sizeof(*dst->wakings));
	if (dst->wakings == NULL)
		goto fail;
	for (i = 0; i < src->nwakings; i++) {
		if (lull_waking_copy(&dst->wakings[i], &src->wakings[i]))
			goto fail;
		dst->nwakings++;
	}
	return LULL_OK;
fail:
	lull_sleep_free(dst);
	return LULL_ENOMEM;
}

enum lull_err
lull_sleep_add_waking(struct lull_sleep *s, const struct lull_waking *w)
{
	struct lull_waking *p;
	size_t i;

	p = realloc(s->wakings, (s->nwakings + 1) * sizeof(*p));
	if (p == NULL)
		return LULL_ENOMEM;
	s->wakings = p;
	/* Insertion keeps the order; a night has a handful of wakings. */
	for (i = s->nwakings; i > 0 && p[i - 1].start_utc > w->start_utc; i--)
		p[i] = p[i - 1];
	if (lull_waking_copy(&p[i], w) != LULL_OK) {
		for (; i < s->nwakings; i++)
			p[i] = p[i + 1];
		return LULL_ENOMEM;
	}
	s->nwakings++;
	return LULL_OK;
}
