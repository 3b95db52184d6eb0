/*
 * Pages of sleeps as JSON text, written straight from the records: the
 * listing the API is asked for most (GET .../sleeps), where building a
 * jansson tree of every sleep, waking and time and then dumping it cost
 * several times the reading of the journal.
 *
 * The text is byte for byte what json_dumps(api_page(...), JSON_COMPACT
 * | JSON_ENSURE_ASCII) makes of api_json_sleep()'s objects (the export's
 * shape, src/io/json.c, with ids): the same members in the same order,
 * strings escaped as jansson escapes them.  tests/unit/test_web_json.c
 * holds the two side by side over awkward records.  A string that is not
 * UTF-8, which jansson refuses, makes the writer give up, and the caller
 * takes the jansson path (and its answer) instead.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/model.h"

#include "web/api_int.h"

struct jw {
	char *s;
	size_t n, cap;
	int bad; /* out of memory, or a string jansson would refuse */
};

static int
need(struct jw *w, size_t more)
{
	size_t cap;
	char *s;

	if (w->bad)
		return 0;
	if (w->n + more + 1 <= w->cap)
		return 1;
	cap = w->cap ? w->cap : 16384;
	while (cap < w->n + more + 1)
		cap *= 2;
	if ((s = realloc(w->s, cap)) == NULL) {
		w->bad = 1;
		return 0;
	}
	w->s = s;
	w->cap = cap;
	return 1;
}

static void
raw(struct jw *w, const char *s, size_t n)
{
	if (!need(w, n))
		return;
	memcpy(w->s + w->n, s, n);
	w->n += n;
}

#define LIT(w, s) raw((w), (s), sizeof(s) - 1)

static void
put_null(struct jw *w)
{
	LIT(w, "null");
}

static void
put_int(struct jw *w, int64_t v)
{
	char buf[24], *p = buf + sizeof(buf);
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	raw(w, p, (size_t)(buf + sizeof(buf) - p));
}

/* One code point of UTF-8 as jansson reads it (utf8_check_*): its value
 * and length, or 0 for a byte sequence it refuses. */
static size_t
utf8_one(const unsigned char *p, size_t left, int32_t *cp)
{
	unsigned char c = p[0];
	size_t n, i;
	int32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		v = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		v = c & 0x07;
	} else {
		return 0;
	}
	if (n > left)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3F);
	}
	/* Overlong forms, surrogates and beyond U+10FFFF are refused. */
	if ((n == 3 && v < 0x800) || (n == 4 && v < 0x10000) ||
	    (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
		return 0;
	*cp = v;
	return n;
}

/* A string as jansson dumps it with JSON_ENSURE_ASCII; NULL is null. */
static void
put_str(struct jw *w, const char *str)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)str, *run;
	size_t len, k;
	int32_t cp;

	if (str == NULL) {
		put_null(w);
		return;
	}
	len = strlen(str);
	/* Plain ASCII is copied in runs; at worst 12 bytes a byte. */
	if (!need(w, len * 12 + 2))
		return;
	w->s[w->n++] = '"';
	while (*p != '\0') {
		for (run = p;
		     *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\';)
			p++;
		memcpy(w->s + w->n, run, (size_t)(p - run));
		w->n += (size_t)(p - run);
		if (*p == '\0')
			break;
		if ((k = utf8_one(p,
			 len - (size_t)(p - (const unsigned char *)str),
			 &cp)) == 0) {
			w->bad = 1;
			return;
		}
		p += k;
		w->s[w->n++] = '\\';
		switch (cp) {
		case '"':
		case '\\':
			w->s[w->n++] = (char)cp;
			continue;
		case '\b':
			w->s[w->n++] = 'b';
			continue;
		case '\f':
			w->s[w->n++] = 'f';
			continue;
		case '\n':
			w->s[w->n++] = 'n';
			continue;
		case '\r':
			w->s[w->n++] = 'r';
			continue;
		case '\t':
			w->s[w->n++] = 't';
			continue;
		default:
			break;
		}
		if (cp >= 0x10000) {
			int32_t v = cp - 0x10000;
			int32_t hi = 0xD800 | ((v & 0xFFC00) >> 10);

			cp = 0xDC00 | (v & 0x3FF);
			w->s[w->n++] = 'u';
			w->s[w->n++] = hex[hi >> 12 & 15];
			w->s[w->n++] = hex[hi >> 8 & 15];
			w->s[w->n++] = hex[hi >> 4 & 15];
			w->s[w->n++] = hex[hi & 15];
			w->s[w->n++] = '\\';
		}
		w->s[w->n++] = 'u';
		w->s[w->n++] = hex[cp >> 12 & 15];
		w->s[w->n++] = hex[cp >> 8 & 15];
		w->s[w->n++] = hex[cp >> 4 & 15];
		w->s[w->n++] = hex[cp & 15];
	}
	w->s[w->n++] = '"';
}

static void
put_time(struct jw *w, const struct lull_tz *tz, int64_t utc)
{
	char buf[48];
	size_t n;

	if (utc == LULL_NO_TIME) {
		put_null(w);
		return;
	}
	lull_time_format_rfc3339(tz, utc, buf, sizeof(buf));
	n = strlen(buf);
	if (!need(w, n + 2))
		return;
	w->s[w->n++] = '"';
	memcpy(w->s + w->n, buf, n);
	w->n += n;
	w->s[w->n++] = '"';
}

static void
put_opt_int(struct jw *w, int32_t v)
{
	if (v == LULL_UNKNOWN)
		put_null(w);
	else
		put_int(w, v);
}

static const char *
cg_name(const struct api *a, int64_t id)
{
	size_t i;

	if (id == 0)
		return NULL;
	for (i = 0; i < a->cgs.n; i++)
		if (a->cgs.v[i].id == id)
			return a->cgs.v[i].name;
	return NULL;
}

static void
put_meta(struct jw *w, const struct api *a, const struct lull_meta *m)
{
	LIT(w, ",\"logged_by\":");
	put_str(w, cg_name(a, m->created_by));
	LIT(w, ",\"logged_at\":");
	put_time(w, a->rq->tz, m->created_utc);
	LIT(w, ",\"updated_by\":");
	put_str(w, cg_name(a, m->updated_by));
	LIT(w, ",\"updated_at\":");
	put_time(w, a->rq->tz, m->updated_utc);
	LIT(w, ",\"version\":");
	put_int(w, m->version);
}

static void
put_waking(struct jw *w, const struct api *a, const struct lull_waking *k)
{
	LIT(w, "{\"id\":");
	put_int(w, k->id);
	LIT(w, ",\"start\":");
	put_time(w, a->rq->tz, k->start_utc);
	LIT(w, ",\"end\":");
	put_time(w, a->rq->tz, k->end_utc);
	LIT(w, ",\"response\":");
	put_str(w, lull_response_name(k->response));
	LIT(w, ",\"by\":");
	put_str(w, cg_name(a, k->caregiver_id));
	LIT(w, ",\"note\":");
	put_str(w, k->note);
	put_meta(w, a, &k->meta);
	LIT(w, "}");
}

static void
put_sleep(struct jw *w, const struct api *a, const struct lull_sleep *s)
{
	const struct lull_child *c = api_kid(a, s->child_id);
	size_t i;
	int first = 1;

	LIT(w, "{\"id\":");
	put_int(w, s->id);
	LIT(w, ",\"child\":");
	put_str(w, c != NULL ? c->name : NULL);
	LIT(w, ",\"start\":");
	put_time(w, a->rq->tz, s->start_utc);
	LIT(w, ",\"end\":");
	put_time(w, a->rq->tz, s->end_utc);
	LIT(w, ",\"kind\":");
	put_str(w, lull_sleep_kind_name(s->kind));
	if (s->kind_given)
		LIT(w, ",\"kind_given\":true,\"onset\":[");
	else
		LIT(w, ",\"kind_given\":false,\"onset\":[");
	for (i = 0; i < LULL_ONSET__MAX; i++)
		if (s->onset & (1u << i)) {
			if (!first)
				LIT(w, ",");
			first = 0;
			put_str(w, lull_onset_name((enum lull_onset)i));
		}
	LIT(w, "],\"place\":");
	put_str(w, lull_place_name(s->place));
	LIT(w, ",\"settled_by\":");
	put_str(w, cg_name(a, s->settled_by));
	LIT(w, ",\"latency_min\":");
	put_opt_int(w, s->latency_min);
	LIT(w, ",\"crying_min\":");
	put_opt_int(w, s->crying_min);
	LIT(w, ",\"routine\":");
	if (s->routine == LULL_UNKNOWN)
		put_null(w);
	else if (s->routine)
		LIT(w, "true");
	else
		LIT(w, "false");
	LIT(w, ",\"note\":");
	put_str(w, s->note);
	LIT(w, ",\"wakings\":[");
	for (i = 0; i < s->nwakings; i++) {
		if (i > 0)
			LIT(w, ",");
		put_waking(w, a, &s->wakings[i]);
	}
	LIT(w, "]");
	put_meta(w, a, &s->meta);
	LIT(w, ",\"child_id\":");
	put_int(w, s->child_id);
	LIT(w, "}");
}

char *
api_text_sleeps(struct api *a, const struct lull_sleep *v, size_t n,
    const char *next, size_t *len)
{
	struct jw w = { 0 };
	size_t i;

	LIT(&w, "{\"items\":[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			LIT(&w, ",");
		put_sleep(&w, a, &v[i]);
	}
	LIT(&w, "],\"next_cursor\":");
	put_str(&w, next);
	LIT(&w, "}");
	if (w.bad || !need(&w, 0)) {
		free(w.s);
		return NULL;
	}
	w.s[w.n] = '\0';
	*len = w.n;
	return w.s;
}
