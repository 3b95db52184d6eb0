/*
 * The API's page of sleeps written straight out (src/web/api_json.c)
 * against the jansson tree it stands in for: the same bytes for awkward
 * records (ongoing sleeps, every kind of member null, wakings, onsets,
 * unknown caregivers, quotes, control characters, accents, characters
 * beyond the BMP, random bytes), and a refusal where jansson refuses.
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/model.h"
#include "lull/tz.h"
#include "lull/tzload.h"

#include "t.h"
#include "web/api_int.h"

static struct lull_tz *tz;
static char mia[] = "Mia", zoe[] = "Zo\xc3\xab \xf0\x9f\x8c\x99 \"Z\"";
static char anna[] = "Anna", ben[] = "Ben\\/\t";

struct fx {
	struct web_req rq;
	struct web_resp rs;
	struct api a;
	struct lull_child kid[2];
	struct lull_caregiver cg[2];
};

static void
fx_init(struct fx *f)
{
	memset(f, 0, sizeof(*f));
	if (tz == NULL && lull_tz_load(&tz, "Europe/Berlin", NULL) != LULL_OK)
		tz = NULL;
	f->rq.tz = tz;
	f->a.rq = &f->rq;
	f->a.rs = &f->rs;
	f->a.hid = 1;
	f->kid[0].id = 7;
	f->kid[0].name = mia;
	f->kid[1].id = 8;
	f->kid[1].name = zoe;
	f->cg[0].id = 3;
	f->cg[0].name = anna;
	f->cg[1].id = 4;
	f->cg[1].name = ben;
	f->a.kids.v = f->kid;
	f->a.kids.n = 2;
	f->a.cgs.v = f->cg;
	f->a.cgs.n = 2;
	f->a.nm.children = &f->a.kids;
	f->a.nm.caregivers = &f->a.cgs;
	f->a.nm.with_ids = 1;
}

/* What the API sent before: the tree, dumped. */
static char *
by_tree(struct fx *f, const struct lull_sleep *v, size_t n, const char *next)
{
	json_t *items = json_array(), *doc;
	char *s;
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(items, api_json_sleep(&f->a, &v[i]));
	doc = api_page(items, next ? json_string(next) : json_null(), n);
	if (doc == NULL)
		return NULL;
	s = json_dumps(doc, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(doc);
	return s;
}

static void
same(struct fx *f, const struct lull_sleep *v, size_t n, const char *next)
{
	char *want = by_tree(f, v, n, next), *got;
	size_t len = 0;

	got = api_text_sleeps(&f->a, v, n, next, &len);
	if (want == NULL) {
		T_CHECK(got == NULL);
	} else {
		T_EQ_STR(got, want);
		T_EQ_INT(got ? len : 0, strlen(want));
	}
	free(want);
	free(got);
}

static void
waking(struct lull_sleep *s, int64_t a, int64_t b, enum lull_response r,
    int64_t by, const char *note)
{
	struct lull_waking w;

	lull_waking_init(&w);
	w.id = 100 + (int64_t)s->nwakings;
	w.sleep_id = s->id;
	w.start_utc = a;
	w.end_utc = b;
	w.response = r;
	w.caregiver_id = by;
	w.note = note ? strdup(note) : NULL;
	w.meta.created_by = by;
	w.meta.created_utc = a + 60;
	w.meta.updated_by = 3;
	w.meta.updated_utc = a + 120;
	w.meta.version = 2;
	T_CHECK(lull_sleep_add_waking(s, &w) == LULL_OK);
	lull_waking_free(&w);
}

static void
t_records(void)
{
	static const char *const notes[] = { NULL, "", "plain",
		"quote \" back \\ slash / del \x7f",
		"ctl \x01\x02\x1f nl\n cr\r tab\t bs\b ff\f",
		"caf\xc3\xa9 \xe2\x82\xac \xef\xbf\xbf \xf0\x9f\x8c\x99 "
		"\xf4\x8f\xbf\xbf",
		"\xc2\x80\xdf\xbf\xe0\xa0\x80" };
	struct lull_sleep s[8];
	struct fx f;
	size_t i;

	fx_init(&f);
	T_CHECK(tz != NULL);
	for (i = 0; i < 8; i++) {
		lull_sleep_init(&s[i]);
		s[i].id = 1000 + (int64_t)i;
		s[i].child_id = i == 5 ? 8 : i == 6 ? 99 : 7;
		s[i].start_utc = 1790000000 + (int64_t)i * 86400 * 97;
		s[i].end_utc = i == 0 ? LULL_NO_TIME : s[i].start_utc + 3600;
		s[i].kind = i % 2 ? LULL_SLEEP_NIGHT : LULL_SLEEP_NAP;
		s[i].kind_given = (int)(i % 3 == 0);
		s[i].onset = i == 2 ? 0x7u : i == 3 ? 1u << 4 : 0;
		s[i].place = (enum lull_place)(i % LULL_PLACE__MAX);
		s[i].settled_by = i == 4 ? 99 : (int64_t)(i % 3 ? 3 : 0);
		s[i].latency_min = i == 1 ? 12 : LULL_UNKNOWN;
		s[i].crying_min = i == 2 ? 0 : LULL_UNKNOWN;
		s[i].routine = i == 3 ? 1 : i == 4 ? 0 : LULL_UNKNOWN;
		s[i].note = notes[i % 7] ? strdup(notes[i % 7]) : NULL;
		s[i].meta.created_by = i == 7 ? 0 : 4;
		s[i].meta.created_utc = s[i].start_utc + 7;
		s[i].meta.updated_by = 3;
		s[i].meta.updated_utc = -86400 * 365 * 30; /* 1940: no DST */
		s[i].meta.version = (int64_t)i + 1;
		if (i == 1 || i == 5) {
			waking(&s[i], s[i].start_utc + 600,
			    s[i].start_utc + 900, LULL_RESP_FEED, 4, notes[4]);
			waking(&s[i], s[i].start_utc + 1200, LULL_NO_TIME,
			    LULL_RESP_UNKNOWN, 0, NULL);
			waking(&s[i], s[i].start_utc + 1300,
			    s[i].start_utc + 1400, LULL_RESP_HOLD, 99,
			    notes[5]);
		}
	}
	same(&f, s, 0, NULL);
	/* The tree takes them all: the comparisons compare text. */
	for (i = 0; i < 8; i++) {
		char *t = by_tree(&f, s, i + 1, NULL);

		T_CHECK(t != NULL);
		free(t);
	}
	same(&f, s, 1, NULL);
	same(&f, s, 8, NULL);
	same(&f, s, 8, "cy4xNzkwMDAwMDAwLjEwMDc");
	for (i = 0; i < 8; i++)
		lull_sleep_free(&s[i]);
}

/* Bytes jansson refuses: the writer gives up as the tree does. */
static void
t_not_utf8(void)
{
	static const char *const bad[] = { "\xff", "a\x80", "\xc0\xaf",
		"\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc3",
		"\xf0\x9f\x8c" };
	struct lull_sleep s;
	struct fx f;
	size_t i, len;
	char *got;

	fx_init(&f);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		lull_sleep_init(&s);
		s.id = 1;
		s.child_id = 7;
		s.start_utc = 1790000000;
		s.end_utc = LULL_NO_TIME;
		s.note = strdup(bad[i]);
		got = api_text_sleeps(&f.a, &s, 1, NULL, &len);
		T_CHECK(got == NULL);
		T_CHECK(by_tree(&f, &s, 1, NULL) == NULL);
		free(got);
		lull_sleep_free(&s);
	}
}

/* Random bytes, weighted toward the edges of UTF-8. */
static void
t_random_notes(void)
{
	static const unsigned char pool[] = { 'a', ' ', '"', '\\', '/', 0x01,
		0x1f, 0x7f, 0x80, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed,
		0xef, 0xf0, 0xf4, 0xa0, 0x9f, 0x8c, 0x99, 0x82, 0xac, '\n' };
	unsigned seed = 1;
	struct lull_sleep s;
	struct fx f;
	char note[24];
	int k, i, n;

	fx_init(&f);
	for (k = 0; k < 3000; k++) {
		seed = seed * 1103515245u + 12345u;
		n = (int)(seed >> 16) % 12 + 1;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			note[i] = (char)pool[(seed >> 16) % sizeof(pool)];
		}
		note[n] = '\0';
		lull_sleep_init(&s);
		s.id = k + 1;
		s.child_id = 7;
		s.start_utc = 1790000000 + k;
		s.end_utc = s.start_utc + 60;
		s.note = strdup(note);
		same(&f, &s, 1, NULL);
		lull_sleep_free(&s);
	}
}

static const struct t_case cases[] = {
	{ "awkward records, byte for byte", t_records },
	{ "not UTF-8: refused as jansson refuses", t_not_utf8 },
	{ "random notes, byte for byte", t_random_notes },
};

T_MAIN(cases)
