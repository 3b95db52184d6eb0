/*
 * lull screen questions / score: the parents' mood screens (PHQ-9,
 * PHQ-2, GAD-7, GAD-2) asked and scored, no journal needed.  When the
 * PHQ-9's self-harm item is above 0 the crisis help comes first, in the
 * text and in the JSON, whatever the total (docs/wellbeing.md).
 * SPDX-License-Identifier: ISC
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/screen.h"

#include "cli_int.h"

static int
find_def(const struct cli *cli, const struct lull_screen_def **def)
{
	const char *name = cli->a.pos[0];

	if ((*def = lull_screen_find(name)) == NULL)
		return cli_errx(EXIT_INVALID,
		    "unknown instrument \"%s\": choose one of %s", name,
		    LULL_SCREEN_NAMES);
	return EXIT_OK;
}

/* "moderately_severe" -> "moderately severe" */
static void
band_words(const char *band, char *buf, size_t bufsz)
{
	size_t i;

	snprintf(buf, bufsz, "%s", band);
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] == '_')
			buf[i] = ' ';
}

/*
 * One answer of --answers, spaces around it allowed.  Returns 0 for a
 * whole number that fits an int, 1 for anything that is not a whole
 * number, 2 for one too large for an int (out of range all the same).
 */
static int
parse_one(const char *s, size_t len, int *v)
{
	char buf[32], *p, *end;
	long x;

	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0 || len >= sizeof(buf))
		return len == 0 ? 1 : 2;
	memcpy(buf, s, len);
	buf[len] = '\0';
	p = buf + (buf[0] == '-');
	if (*p == '\0')
		return 1;
	for (; *p != '\0'; p++)
		if (!isdigit((unsigned char)*p))
			return 1;
	errno = 0;
	x = strtol(buf, &end, 10);
	if (errno != 0 || x > INT_MAX || x < INT_MIN)
		return 2;
	*v = (int)x;
	return 0;
}

/*
 * Split --answers into v (the caller frees it).  The count is the
 * library's to judge, so a wrong count wins over a bad value; a value
 * that is not a whole number is reported here, naming its item.
 */
static int
parse_answers(const struct lull_screen_def *def, const char *text, int **v,
    size_t *n)
{
	const char *p, *comma;
	size_t k = 1, i, bad = 0;
	int kind = 0, *a;

	*v = NULL;
	*n = 0;
	for (p = text; *p != '\0'; p++)
		k += *p == ',';
	if ((a = calloc(k, sizeof(*a))) == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	for (i = 0, p = text; i < k; i++, p = comma + 1) {
		size_t len;
		int r;

		comma = strchr(p, ',');
		if (comma == NULL)
			comma = p + strlen(p);
		len = (size_t)(comma - p);
		if ((r = parse_one(p, len, &a[i])) != 0 && bad == 0) {
			bad = i + 1;
			kind = r;
		}
		if (bad == i + 1 && k == def->nitems) {
			if (kind == 1)
				cli_errx(EXIT_INVALID,
				    "--answers: item %zu: \"%.*s\" is not a "
				    "whole number from 0 to %d",
				    bad, (int)len, p, LULL_SCREEN_ANSWER_MAX);
			else
				cli_errx(EXIT_INVALID,
				    "--answers: item %zu: %.*s is out of range "
				    "0-%d",
				    bad, (int)len, p, LULL_SCREEN_ANSWER_MAX);
			free(a);
			return EXIT_INVALID;
		}
	}
	*v = a;
	*n = k;
	return EXIT_OK;
}

static json_t *
jhelp(const struct lull_screen_help *h)
{
	json_t *lines = json_array();
	char text[2048];
	size_t i;

	for (i = 0; i < h->nlines; i++)
		json_array_append_new(lines, json_string(h->lines[i]));
	(void)lull_screen_help_text(h, text, sizeof(text));
	return json_pack("{s:s,s:s,s:o,s:b,s:s,s:s,s:b,s:s}", "headline",
	    h->headline, "emergency", h->emergency, "crisis_lines", lines,
	    "defaults", h->defaults, "clinician", h->clinician, "plan", h->plan,
	    "plan_paused", 0, "text", text);
}

int
cmd_screen_score(struct cli *cli)
{
	const struct lull_screen_def *def;
	struct lull_screen_result r;
	struct lull_screen_help h;
	struct lull_errinfo ei;
	const char *text;
	enum lull_err rc;
	char band[32], help[2048];
	size_t n, i;
	int x, *v;

	if ((x = find_def(cli, &def)))
		return x;
	if ((text = cli_opt(cli, "answers")) == NULL)
		return cli_errx(EXIT_USAGE,
		    "screen score: --answers is required, e.g. --answers "
		    "0,1,2,... (one for each item; see lull screen questions "
		    "%s)",
		    def->name);
	if ((x = parse_answers(def, text, &v, &n)))
		return x;
	if ((rc = lull_screen_score(def, v, n, &r, &ei))) {
		free(v);
		return cli_errx(cli_exit_of(rc), "--answers: %s", ei.msg);
	}
	/* Configured lines come with households; until then, the defaults. */
	lull_screen_help(NULL, NULL, 0, &h);
	if (cli->json) {
		json_t *o = json_object(), *ans = json_array();

		for (i = 0; i < n; i++)
			json_array_append_new(ans, json_integer(v[i]));
		free(v);
		/* The help leads, in the JSON as on the screen. */
		json_object_set_new(o, "help",
		    r.self_harm ? jhelp(&h) : json_null());
		json_object_set_new(o, "instrument", json_string(def->name));
		json_object_set_new(o, "title", json_string(def->title));
		json_object_set_new(o, "items", json_integer((json_int_t)n));
		json_object_set_new(o, "answers", ans);
		json_object_set_new(o, "total", json_integer(r.total));
		json_object_set_new(o, "max_total",
		    json_integer(lull_screen_max_total(def)));
		json_object_set_new(o, "band", json_string(r.band));
		json_object_set_new(o, "positive", json_boolean(r.positive));
		json_object_set_new(o, "self_harm", json_boolean(r.self_harm));
		json_object_set_new(o, "full_form",
		    r.positive && def->full_form ? json_string(def->full_form)
						 : json_null());
		json_object_set_new(o, "advice", json_string(r.advice));
		json_object_set_new(o, "copyright",
		    json_string(def->copyright));
		return cli_print_json(o);
	}
	free(v);
	if (r.self_harm) {
		(void)lull_screen_help_text(&h, help, sizeof(help));
		printf("%s\n", help);
	}
	band_words(r.band, band, sizeof(band));
	printf("%s: %d of %d, %s%s.\n\n%s\n", def->title, r.total,
	    lull_screen_max_total(def), band,
	    r.positive && def->full_form == NULL ? " (screen-positive)" : "",
	    r.advice);
	if (r.positive && def->full_form != NULL && !r.self_harm)
		printf("\nThe full form: lull screen questions %s\n",
		    def->full_form);
	printf("\n%s\n", def->copyright);
	return EXIT_OK;
}

int
cmd_screen_questions(struct cli *cli)
{
	const struct lull_screen_def *def;
	size_t i;
	int x;

	if ((x = find_def(cli, &def)))
		return x;
	if (cli->json) {
		json_t *o, *items = json_array(), *ans = json_array(),
			   *bands = json_array();

		for (i = 0; i < def->nitems; i++)
			json_array_append_new(items,
			    json_pack("{s:i,s:s,s:b}", "item", (int)i + 1,
				"text", def->items[i], "self_harm",
				def->self_harm_item == (int)i + 1));
		for (i = 0; i <= LULL_SCREEN_ANSWER_MAX; i++)
			json_array_append_new(ans,
			    json_pack("{s:i,s:s}", "value", (int)i, "label",
				def->answers[i]));
		for (i = 0; i < def->nbands; i++)
			json_array_append_new(bands,
			    json_pack("{s:s,s:i,s:i}", "band",
				def->bands[i].name, "from", def->bands[i].lo,
				"to",
				i + 1 < def->nbands
				    ? def->bands[i + 1].lo - 1
				    : lull_screen_max_total(def)));
		o = json_pack("{s:s,s:s,s:s,s:s,s:o,s:o,s:i,s:i,s:o,s:o,s:s,"
			      "s:s}",
		    "instrument", def->name, "title", def->title, "about",
		    def->about, "recall", def->recall, "items", items,
		    "answers", ans, "max_total", lull_screen_max_total(def),
		    "positive_at", def->positive_at, "bands", bands,
		    "full_form",
		    def->full_form ? json_string(def->full_form) : json_null(),
		    "copyright", def->copyright, "source", def->source);
		return cli_print_json(o);
	}
	printf("%s\n%s\n\n", def->title, def->recall);
	for (i = 0; i < def->nitems; i++)
		printf("%2zu. %s\n", i + 1, def->items[i]);
	printf("\nAnswer each with:");
	for (i = 0; i <= LULL_SCREEN_ANSWER_MAX; i++)
		printf("%s %zu %s", i ? "," : "", i, def->answers[i]);
	printf(".\nThen: lull screen score %s --answers A,B,... (item 1 "
	       "first)\n\nA screen, not a diagnosis; the result is for you "
	       "alone.\n%s\n",
	    def->name, def->copyright);
	return EXIT_OK;
}
