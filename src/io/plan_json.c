/*
 * The plan engine in JSON (plan_json.h): the intake profile read strictly
 * and written back in the same shape, and plans, decisions, plan states
 * and history entries written for people and programs.
 *
 * The reader walks the document itself instead of unpacking it with a
 * format string, so that every message can name the exact field path and
 * say what was wrong with it in words a parent understands.
 * SPDX-License-Identifier: ISC
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/cal.h"
#include "lull/plan.h"
#include "lull/plan_json.h"

#define TEMPER_MIN 1
#define TEMPER_MAX 5

/* ---- enumerations, by their names -------------------------------------- */

/*
 * The name functions take their own enum types; these wrappers let one
 * table drive parsing and the "one of ..." lists without calling through
 * a mismatched function pointer.
 */
static const char *
feeding_n(int i)
{
	return lull_feeding_name((enum lull_feeding)i);
}

static const char *
space_n(int i)
{
	return lull_space_name((enum lull_space)i);
}

static const char *
assoc_n(int i)
{
	return lull_assoc_name((enum lull_assoc)i);
}

static const char *
goal_n(int i)
{
	return lull_goal_name((enum lull_goal)i);
}

static const char *
health_n(int i)
{
	return lull_health_name((enum lull_health)i);
}

static const char *
temper_n(int i)
{
	return lull_temper_name((enum lull_temper)i);
}

static const char *
method_n(int i)
{
	return lull_method_id((enum lull_method)i);
}

struct ekind {
	const char *(*name)(int);
	int (*parse)(const char *);
	int max;
};

static const struct ekind k_feeding = { feeding_n, lull_feeding_parse,
	LULL_FEEDING__MAX };
static const struct ekind k_space = { space_n, lull_space_parse,
	LULL_SPACE__MAX };
static const struct ekind k_assoc = { assoc_n, lull_assoc_parse,
	LULL_ASSOC__MAX };
static const struct ekind k_goal = { goal_n, lull_goal_parse, LULL_GOAL__MAX };
static const struct ekind k_health = { health_n, lull_health_parse,
	LULL_HEALTH__MAX };
static const struct ekind k_method = { method_n, lull_method_parse,
	LULL_METHOD__MAX };

/* "a, b, c" of every name of the kind, cut short if it does not fit. */
static void
names_list(const struct ekind *k, char *buf, size_t bufsz)
{
	size_t used = 0;
	const char *n;
	int i, w;

	buf[0] = '\0';
	for (i = 0; i < k->max; i++) {
		if ((n = k->name(i)) == NULL)
			continue;
		w = snprintf(buf + used, bufsz - used, "%s%s",
		    used > 0 ? ", " : "", n);
		if (w < 0 || (size_t)w >= bufsz - used)
			break;
		used += (size_t)w;
	}
}

/* ---- reading ------------------------------------------------------------ */

struct prd {
	const char *source;
	struct lull_errinfo *ei;
};

static enum lull_err perr(struct prd *r, const char *path, const char *fmt, ...)
    LULL_PRINTF(3, 4);

static enum lull_err
perr(struct prd *r, const char *path, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (path[0] == '\0')
		return lull_errinfo_set(r->ei, LULL_EINVAL, "", "%s: %s",
		    r->source, msg);
	return lull_errinfo_set(r->ei, LULL_EINVAL, path, "%s: %s: %s",
	    r->source, path, msg);
}

/* What a value is, for "should be ..., not <this>". */
static const char *
kind_of(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "a list";
	case JSON_STRING:
		return "text";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "true/false";
	case JSON_NULL:
		return "null";
	}
	return "something else";
}

/* "prefix.key", or "key" at the top. */
static void
join(char *buf, size_t bufsz, const char *prefix, const char *key)
{
	snprintf(buf, bufsz, "%s%s%s", prefix, prefix[0] ? "." : "", key);
}

/*
 * Every member of "o" must be one of "known" (NULL-terminated).  An
 * unknown one is refused rather than ignored: a misspelt health flag
 * silently dropped would make the plan unsafe.
 */
static enum lull_err
only_known(struct prd *r, const json_t *o, const char *prefix,
    const char *const *known)
{
	const char *key;
	json_t *v;
	char path[64];
	size_t i;

	json_object_foreach((json_t *)(uintptr_t)o, key, v) {
		for (i = 0; known[i] != NULL; i++)
			if (strcmp(known[i], key) == 0)
				break;
		if (known[i] != NULL)
			continue;
		join(path, sizeof(path), prefix, key);
		return perr(r, path, "unknown field");
	}
	return LULL_OK;
}

static enum lull_err
rd_object(struct prd *r, const json_t *v, const char *path)
{
	if (!json_is_object(v))
		return perr(r, path, "should be an object, not %s", kind_of(v));
	return LULL_OK;
}

static enum lull_err
rd_bool(struct prd *r, const json_t *o, const char *prefix, const char *key,
    int *out)
{
	json_t *v = json_object_get(o, key);
	char path[64];

	if (v == NULL)
		return LULL_OK;
	join(path, sizeof(path), prefix, key);
	if (!json_is_boolean(v))
		return perr(r, path, "should be true or false, not %s",
		    kind_of(v));
	*out = json_is_true(v);
	return LULL_OK;
}

static enum lull_err
rd_int(struct prd *r, const json_t *o, const char *prefix, const char *key,
    int lo, int hi, int *out)
{
	json_t *v = json_object_get(o, key);
	json_int_t n;
	char path[64];

	if (v == NULL)
		return LULL_OK;
	join(path, sizeof(path), prefix, key);
	if (!json_is_integer(v) && hi == INT_MAX)
		return perr(r, path, "should be a whole number, not %s",
		    kind_of(v));
	if (!json_is_integer(v))
		return perr(r, path,
		    "should be a whole number from %d to %d, not %s", lo, hi,
		    kind_of(v));
	n = json_integer_value(v);
	if (n < lo && hi == INT_MAX)
		return perr(r, path, "%lld is less than %d", (long long)n, lo);
	if (n < lo || n > hi)
		return perr(r, path, "%lld is outside %d..%d", (long long)n, lo,
		    hi);
	*out = (int)n;
	return LULL_OK;
}

/* A date; null is allowed where "nullable" (it leaves LULL_NO_DAY). */
static enum lull_err
rd_date(struct prd *r, const json_t *o, const char *prefix, const char *key,
    int nullable, int32_t *out)
{
	json_t *v = json_object_get(o, key);
	struct lull_errinfo e;
	char path[64];

	if (v == NULL)
		return LULL_OK;
	join(path, sizeof(path), prefix, key);
	if (json_is_null(v) && nullable) {
		*out = LULL_NO_DAY;
		return LULL_OK;
	}
	if (!json_is_string(v))
		return perr(r, path, "should be a date (YYYY-MM-DD), not %s",
		    kind_of(v));
	if (lull_date_parse(json_string_value(v), path, out, &e) != LULL_OK)
		return perr(r, path, "\"%.40s\" is not a date (YYYY-MM-DD)",
		    json_string_value(v));
	return LULL_OK;
}

/* One name of kind "k" at "path"; -1 for JSON null when "nullable". */
static enum lull_err
rd_name(struct prd *r, const json_t *v, const char *path, const struct ekind *k,
    int nullable, int *out)
{
	char names[160];
	int e;

	if (json_is_null(v) && nullable) {
		*out = -1;
		return LULL_OK;
	}
	names_list(k, names, sizeof(names));
	if (!json_is_string(v))
		return perr(r, path, "should be one of %s, not %s", names,
		    kind_of(v));
	if ((e = k->parse(json_string_value(v))) < 0)
		return perr(r, path, "\"%.40s\" is not one of %s",
		    json_string_value(v), names);
	*out = e;
	return LULL_OK;
}

static enum lull_err
rd_enum(struct prd *r, const json_t *o, const char *prefix, const char *key,
    const struct ekind *k, int nullable, int *out)
{
	json_t *v = json_object_get(o, key);
	char path[64];

	if (v == NULL)
		return LULL_OK;
	join(path, sizeof(path), prefix, key);
	return rd_name(r, v, path, k, nullable, out);
}

/*
 * A list of names of kind "k" as a set; "first" (may be NULL) gets the
 * first one listed, or -1 for an empty list.  A name twice is refused:
 * the list is a set, and a repeat is most likely a slip for another.
 */
static enum lull_err
rd_set(struct prd *r, const json_t *o, const char *key, const struct ekind *k,
    uint32_t *set, int *first)
{
	json_t *a = json_object_get(o, key), *v;
	enum lull_err rc;
	char path[64];
	size_t i;
	int e;

	if (a == NULL)
		return LULL_OK;
	if (!json_is_array(a))
		return perr(r, key, "should be a list, not %s", kind_of(a));
	*set = 0;
	if (first != NULL)
		*first = -1;
	json_array_foreach(a, i, v) {
		snprintf(path, sizeof(path), "%s[%zu]", key, i);
		if ((rc = rd_name(r, v, path, k, 0, &e)) != LULL_OK)
			return rc;
		if (*set & (1u << e))
			return perr(r, path, "\"%s\" is listed twice",
			    json_string_value(v));
		*set |= 1u << e;
		if (first != NULL && i == 0)
			*first = e;
	}
	return LULL_OK;
}

static enum lull_err
rd_child(struct prd *r, const json_t *doc, struct lull_profile *p)
{
	static const char *const known[] = { "born", "due", "feeding",
		"growth_concern", NULL };
	json_t *c = json_object_get(doc, "child");
	enum lull_err rc;
	int feeding = (int)p->feeding;

	if (c == NULL)
		return perr(r, "child.born",
		    "is missing (the child's date of birth is required)");
	if ((rc = rd_object(r, c, "child")) ||
	    (rc = only_known(r, c, "child", known)))
		return rc;
	if (json_object_get(c, "born") == NULL)
		return perr(r, "child.born",
		    "is missing (the child's date of birth is required)");
	if ((rc = rd_date(r, c, "child", "born", 0, &p->born_day)) ||
	    (rc = rd_date(r, c, "child", "due", 1, &p->due_day)) ||
	    (rc = rd_enum(r, c, "child", "feeding", &k_feeding, 0, &feeding)) ||
	    (rc = rd_bool(r, c, "child", "growth_concern", &p->growth_concern)))
		return rc;
	p->feeding = (enum lull_feeding)feeding;
	return LULL_OK;
}

static enum lull_err
rd_temperament(struct prd *r, const json_t *doc, struct lull_profile *p)
{
	json_t *t = json_object_get(doc, "temperament"), *v;
	const char *key;
	enum lull_err rc;
	char path[64], names[160];
	int e;

	if (t == NULL)
		return LULL_OK;
	if ((rc = rd_object(r, t, "temperament")) != LULL_OK)
		return rc;
	json_object_foreach(t, key, v) {
		join(path, sizeof(path), "temperament", key);
		if ((e = lull_temper_parse(key)) < 0) {
			struct ekind k = { temper_n, lull_temper_parse,
				LULL_TEMPER__MAX };

			names_list(&k, names, sizeof(names));
			return perr(r, path,
			    "unknown field (the ratings are %s)", names);
		}
		if ((rc = rd_int(r, t, "temperament", key, TEMPER_MIN,
			 TEMPER_MAX, &p->temper[e])) != LULL_OK)
			return rc;
	}
	return LULL_OK;
}

static enum lull_err
rd_household(struct prd *r, const json_t *doc, struct lull_profile *p)
{
	static const char *const known[] = { "smoker", "impaired_adult",
		"caregivers_for_nights", NULL };
	json_t *h = json_object_get(doc, "household");
	enum lull_err rc;

	if (h == NULL)
		return LULL_OK;
	if ((rc = rd_object(r, h, "household")) ||
	    (rc = only_known(r, h, "household", known)) ||
	    (rc = rd_bool(r, h, "household", "smoker", &p->smoker)) ||
	    (rc = rd_bool(r, h, "household", "impaired_adult",
		 &p->impaired_adult)) ||
	    /* At least one; the engine's check has the upper bound. */
	    (rc = rd_int(r, h, "household", "caregivers_for_nights", 1, INT_MAX,
		 &p->caregivers_for_nights)))
		return rc;
	return LULL_OK;
}

static enum lull_err
rd_profile(struct prd *r, const json_t *doc, int32_t default_today,
    struct lull_profile *p)
{
	static const char *const known[] = { "today", "child", "sleep_space",
		"associations", "temperament", "goals", "health", "household",
		"clinician_ok", "method", NULL };
	struct lull_errinfo e;
	enum lull_err rc;
	int space = (int)p->space;
	int method = p->method;

	if (!json_is_object(doc))
		return perr(r, "",
		    "should be a JSON object (the profile), not %s",
		    kind_of(doc));
	if ((rc = only_known(r, doc, "", known)) != LULL_OK)
		return rc;
	p->today = LULL_NO_DAY;
	if ((rc = rd_date(r, doc, "", "today", 1, &p->today)) != LULL_OK)
		return rc;
	if (p->today == LULL_NO_DAY)
		p->today = default_today;
	if (p->today == LULL_NO_DAY)
		return perr(r, "today",
		    "is missing (the day the profile is for, YYYY-MM-DD)");
	if ((rc = rd_child(r, doc, p)) ||
	    (rc = rd_enum(r, doc, "", "sleep_space", &k_space, 0, &space)) ||
	    (rc = rd_set(r, doc, "associations", &k_assoc, &p->assoc, NULL)) ||
	    (rc = rd_temperament(r, doc, p)) ||
	    (rc = rd_set(r, doc, "goals", &k_goal, &p->goals, &p->main_goal)) ||
	    (rc = rd_set(r, doc, "health", &k_health, &p->health, NULL)) ||
	    (rc = rd_household(r, doc, p)) ||
	    (rc = rd_bool(r, doc, "", "clinician_ok", &p->clinician_ok)) ||
	    (rc = rd_enum(r, doc, "", "method", &k_method, 1, &method)))
		return rc;
	p->space = (enum lull_space)space;
	p->method = method < 0 ? LULL_METHOD_NONE : method;
	/* The engine's own rules (dates, ranges), in the same words. */
	lull_errinfo_clear(&e);
	if ((rc = lull_profile_check(p, &e)) != LULL_OK)
		return lull_errinfo_set(r->ei, rc, e.field, "%s: %s", r->source,
		    e.msg);
	return LULL_OK;
}

enum lull_err
lull_profile_from_value(const json_t *v, const char *source,
    int32_t default_today, struct lull_profile *out, struct lull_errinfo *ei)
{
	struct prd r;
	enum lull_err rc;

	r.source = source != NULL ? source : "profile";
	r.ei = ei;
	lull_errinfo_clear(ei);
	lull_profile_init(out);
	rc = rd_profile(&r, v, default_today, out);
	if (rc != LULL_OK)
		lull_profile_init(out);
	return rc;
}

/* "key" is the duplicated key followed by its closing quote and "'". */
static enum lull_err
dup_key(struct lull_errinfo *ei, const char *src, const json_error_t *jerr,
    const char *key)
{
	char name[64];
	size_t n = strlen(key) - 2;

	snprintf(name, sizeof(name), "%.*s", (int)n, key);
	return lull_errinfo_set(ei, LULL_EINVAL, name,
	    "%s:%d:%d: the field \"%s\" appears twice", src, jerr->line,
	    jerr->column, name);
}

enum lull_err
lull_profile_from_json(const char *text, size_t len, const char *source,
    int32_t default_today, struct lull_profile *out, struct lull_errinfo *ei)
{
	const char *src = source != NULL ? source : "profile";
	json_error_t jerr;
	enum lull_err rc;
	json_t *doc;

	lull_profile_init(out);
	doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (doc == NULL) {
		const char *dup = "duplicate object key near '";

		/* jansson says "near '"key"'"; say it as a person would,
		 * and name the key (without its quotes) as the field. */
		if (strncmp(jerr.text, dup, strlen(dup)) == 0 &&
		    strlen(jerr.text) >= strlen(dup) + 3)
			return dup_key(ei, src, &jerr,
			    jerr.text + strlen(dup) + 1);
		return lull_errinfo_set(ei, LULL_EINVAL, "",
		    "%s:%d:%d: not valid JSON: %s", src, jerr.line, jerr.column,
		    jerr.text);
	}
	rc = lull_profile_from_value(doc, src, default_today, out, ei);
	json_decref(doc);
	return rc;
}

/* ---- writing ------------------------------------------------------------ */

/*
 * Set members in order; a NULL value (allocation failure) poisons the
 * object so the caller returns NULL once, at the end.
 */
static int
put(json_t *o, const char *k, json_t *v)
{
	if (o == NULL || v == NULL) {
		json_decref(v);
		return 0;
	}
	return json_object_set_new(o, k, v) == 0;
}

static int
append(json_t *a, json_t *v)
{
	if (a == NULL || v == NULL) {
		json_decref(v);
		return 0;
	}
	return json_array_append_new(a, v) == 0;
}

static json_t *
finish(json_t *o, int ok)
{
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
jstr(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
jdate(int32_t day)
{
	char buf[16];

	if (day == LULL_NO_DAY)
		return json_null();
	lull_date_format(day, buf, sizeof(buf));
	return json_string(buf);
}

/* The members of set "set" of kind "k", in enum order, after "first". */
static json_t *
jset(const struct ekind *k, uint32_t set, int first)
{
	json_t *a = json_array();
	int ok = a != NULL, i;

	if (first >= 0 && first < k->max)
		ok &= append(a, jstr(k->name(first)));
	for (i = 0; ok && i < k->max; i++)
		if ((set & (1u << i)) && i != first)
			ok &= append(a, jstr(k->name(i)));
	return finish(a, ok);
}

json_t *
lull_profile_to_json(const struct lull_profile *p)
{
	json_t *o = json_object(), *c = json_object(), *t = json_object(),
	       *h = json_object();
	int ok = 1, i;

	ok &= put(c, "born", jdate(p->born_day));
	ok &= put(c, "due", jdate(p->due_day));
	ok &= put(c, "feeding", jstr(lull_feeding_name(p->feeding)));
	ok &= put(c, "growth_concern", json_boolean(p->growth_concern));
	for (i = 0; i < LULL_TEMPER__MAX; i++)
		ok &= put(t, temper_n(i), json_integer(p->temper[i]));
	ok &= put(h, "smoker", json_boolean(p->smoker));
	ok &= put(h, "impaired_adult", json_boolean(p->impaired_adult));
	ok &= put(h, "caregivers_for_nights",
	    json_integer(p->caregivers_for_nights));

	ok &= put(o, "today", jdate(p->today));
	ok &= put(o, "child", c);
	ok &= put(o, "sleep_space", jstr(lull_space_name(p->space)));
	ok &= put(o, "associations", jset(&k_assoc, p->assoc, -1));
	ok &= put(o, "temperament", t);
	/* The main goal leads: it is "the first goal listed" on reading. */
	ok &= put(o, "goals", jset(&k_goal, p->goals, p->main_goal));
	ok &= put(o, "health", jset(&k_health, p->health, -1));
	ok &= put(o, "household", h);
	ok &= put(o, "clinician_ok", json_boolean(p->clinician_ok));
	ok &= put(o, "method",
	    p->method == LULL_METHOD_NONE ? json_null()
					  : jstr(method_n(p->method)));
	return finish(o, ok);
}

enum lull_err
lull_profile_to_text(const struct lull_profile *p, char **out)
{
	json_t *o;

	*out = NULL;
	if ((o = lull_profile_to_json(p)) == NULL)
		return LULL_ENOMEM;
	*out = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return *out != NULL ? LULL_OK : LULL_ENOMEM;
}

/* A growing string for the guidance text. */
struct sbuf {
	char *p;
	size_t n, cap;
	int bad;
};

static void
sb_add(struct sbuf *b, const char *s, size_t len)
{
	size_t ncap;
	char *np;

	if (b->bad)
		return;
	if (b->n + len + 1 > b->cap) {
		ncap = b->cap ? b->cap : 128;
		while (ncap < b->n + len + 1)
			ncap *= 2;
		if ((np = realloc(b->p, ncap)) == NULL) {
			b->bad = 1;
			return;
		}
		b->p = np;
		b->cap = ncap;
	}
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

/*
 * Add "label" and "text" as one sentence or more: trimmed, and ended with
 * a full stop if the text has no end mark of its own (a title does not).
 */
static void
sb_part(struct sbuf *b, const char *label, const char *text)
{
	size_t len;

	if (text == NULL)
		return;
	text += strspn(text, " \t\n");
	len = strlen(text);
	while (len > 0 && strchr(" \t\n", text[len - 1]) != NULL)
		len--;
	if (len == 0)
		return;
	if (b->n > 0)
		sb_add(b, " ", 1);
	sb_add(b, label, strlen(label));
	sb_add(b, text, len);
	if (strchr(".!?", text[len - 1]) == NULL)
		sb_add(b, ".", 1);
}

/* Title, then bedtime, wakings and crying: what a parent reads tonight. */
static json_t *
guidance(const struct lull_step *s)
{
	struct sbuf b = { NULL, 0, 0, 0 };
	json_t *v;

	sb_part(&b, "", s->title);
	sb_part(&b, "At bedtime: ", s->bedtime);
	sb_part(&b, "When your child wakes: ", s->waking);
	sb_part(&b, "If crying builds: ", s->if_crying);
	if (b.bad) {
		free(b.p);
		return NULL;
	}
	v = json_string(b.p != NULL ? b.p : "");
	free(b.p);
	return v;
}

static json_t *
json_step(const struct lull_step *s)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put(o, "index", json_integer(s->index));
	ok &= put(o, "nights_min", json_integer(s->nights_min));
	ok &= put(o, "parent_presence", jstr(lull_presence_name(s->presence)));
	ok &= put(o, "leaves_crying_child_alone",
	    json_boolean(s->leaves_crying_child_alone));
	ok &= put(o, "guidance", guidance(s));
	ok &= put(o, "title", jstr(s->title));
	ok &= put(o, "bedtime", jstr(s->bedtime));
	ok &= put(o, "waking", jstr(s->waking));
	ok &= put(o, "if_crying", jstr(s->if_crying));
	ok &= put(o, "source", jstr(s->source));
	return finish(o, ok);
}

static json_t *
json_safety(const struct lull_safety *s)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put(o, "rule", jstr(s->rule));
	ok &= put(o, "severity", jstr(lull_severity_name(s->severity)));
	ok &= put(o, "message", jstr(s->message));
	ok &= put(o, "source", jstr(s->source));
	return finish(o, ok);
}

static json_t *
json_referral(const struct lull_referral *f)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put(o, "reason", jstr(f->reason));
	ok &= put(o, "urgency", jstr(lull_urgency_name(f->urgency)));
	ok &= put(o, "message", jstr(f->message));
	ok &= put(o, "source", jstr(f->source));
	return finish(o, ok);
}

static json_t *
json_reason(const struct lull_reason *w)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put(o, "text", jstr(w->text));
	ok &= put(o, "evidence", jstr(lull_evidence_name(w->evidence)));
	ok &= put(o, "source", jstr(w->source));
	return finish(o, ok);
}

static json_t *
json_methods(const enum lull_method *m, size_t n)
{
	json_t *a = json_array();
	int ok = a != NULL;
	size_t i;

	for (i = 0; ok && i < n; i++)
		ok &= append(a, jstr(lull_method_id(m[i])));
	return finish(a, ok);
}

#define DISCLAIMER                                                             \
	"General information, not medical advice. lull does not replace "      \
	"your child's doctor, nurse or health visitor: if you are worried "    \
	"about your child's health, breathing, feeding or growth, ask "        \
	"them, and in an emergency call your local emergency number."

json_t *
lull_plan_to_json(const struct lull_plan *p, const struct lull_profile *pr)
{
	const struct lull_method_info *mi = lull_method_info(p->method);
	json_t *o = json_object(), *a;
	int ok = 1;
	size_t i;

	ok &= put(o, "mode", jstr(lull_mode_name(p->mode)));
	ok &= put(o, "method", jstr(lull_method_id(p->method)));
	ok &= put(o, "method_name", jstr(mi != NULL ? mi->name : NULL));
	ok &= put(o, "age_days", json_integer(p->age_days));
	ok &= put(o, "age_corrected", json_boolean(p->corrected));
	ok &= put(o, "focus",
	    p->focus == LULL_ASSOC_NONE ? json_null()
					: jstr(lull_assoc_name(p->focus)));
	ok &= put(o, "nights_per_step", json_integer(p->nights_per_step));
	ok &= put(o, "steps", a = json_array());
	for (i = 0; ok && i < p->nsteps && i < LULL_PLAN_MAX_STEPS; i++)
		ok &= append(a, json_step(&p->steps[i]));
	ok &= put(o, "safety", a = json_array());
	for (i = 0; ok && i < p->nsafety && i < LULL_PLAN_MAX_SAFETY; i++)
		ok &= append(a, json_safety(&p->safety[i]));
	ok &= put(o, "referrals", a = json_array());
	for (i = 0; ok && i < p->nreferrals && i < LULL_PLAN_MAX_REFERRALS; i++)
		ok &= append(a, json_referral(&p->referrals[i]));
	ok &= put(o, "reasons", a = json_array());
	for (i = 0; ok && i < p->nreasons && i < LULL_PLAN_MAX_REASONS; i++)
		ok &= append(a, json_reason(&p->reasons[i]));
	ok &= put(o, "alternatives",
	    json_methods(p->alternatives,
		p->nalternatives < LULL_PLAN_MAX_ALTERNATIVES
		    ? p->nalternatives
		    : LULL_PLAN_MAX_ALTERNATIVES));
	ok &= put(o, "night_feed_reduction_allowed",
	    json_boolean(p->night_feed_reduction_allowed));
	if (pr != NULL) {
		ok &= put(o, "today", jdate(pr->today));
		ok &= put(o, "profile", lull_profile_to_json(pr));
	}
	ok &= put(o, "disclaimer", json_string(DISCLAIMER));
	return finish(o, ok);
}

json_t *
lull_decision_to_json(const struct lull_decision *d)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put(o, "verdict", jstr(lull_verdict_name(d->verdict)));
	ok &= put(o, "step_from", json_integer(d->step_from));
	ok &= put(o, "step_to", json_integer(d->step_to));
	ok &= put(o, "evidence", jstr(lull_evidence_name(d->evidence)));
	ok &= put(o, "reason",
	    json_stringn(d->reason, strnlen(d->reason, sizeof(d->reason))));
	ok &= put(o, "source", jstr(d->source));
	ok &= put(o, "suggest",
	    json_methods(d->suggest,
		d->nsuggest < LULL_PLAN_MAX_ALTERNATIVES
		    ? d->nsuggest
		    : LULL_PLAN_MAX_ALTERNATIVES));
	ok &= put(o, "refer", json_boolean(d->refer));
	return finish(o, ok);
}

json_t *
lull_plan_state_to_json(const struct lull_plan_state *s)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put(o, "started", jdate(s->started_day));
	ok &= put(o, "step", json_integer(s->step));
	ok &= put(o, "step_since", jdate(s->step_since_day));
	ok &= put(o, "paused", json_boolean(s->paused));
	ok &= put(o, "paused_since", jdate(s->paused_since_day));
	ok &= put(o, "paused_by_parent", json_boolean(s->pause_by_parent));
	ok &= put(o, "slow", json_integer(s->slow));
	ok &= put(o, "best_step", json_integer(s->best_step));
	ok &= put(o, "best_since", jdate(s->best_day));
	ok &= put(o, "reevaluated", jdate(s->reeval_day));
	ok &= put(o, "resumed", jdate(s->resumed_day));
	return finish(o, ok);
}

/* RFC 3339 in "tz", or in UTC without one. */
static json_t *
jtime(const struct lull_tz *tz, int64_t utc)
{
	char buf[40];
	int64_t day, sec;
	int y, m, d;

	if (utc == LULL_NO_TIME)
		return json_null();
	if (tz != NULL) {
		lull_time_format_rfc3339(tz, utc, buf, sizeof(buf));
		return json_string(buf);
	}
	day = utc / 86400 - (utc % 86400 < 0);
	sec = utc - day * 86400;
	lull_civil_from_days((int32_t)day, &y, &m, &d);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d+00:00", y, m,
	    d, (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
	return json_string(buf);
}

json_t *
lull_plan_event_to_json(const struct lull_plan_event *ev,
    const struct lull_tz *tz)
{
	json_t *o = json_object();
	int ok = 1;

	ok &= put(o, "day", jdate(ev->day));
	ok &= put(o, "verdict", jstr(lull_verdict_name(ev->verdict)));
	ok &= put(o, "step_from", json_integer(ev->step_from));
	ok &= put(o, "step_to", json_integer(ev->step_to));
	ok &= put(o, "evidence", jstr(lull_evidence_name(ev->evidence)));
	ok &= put(o, "by_parent", json_boolean(ev->by_parent));
	ok &= put(o, "reason", jstr(ev->reason));
	ok &= put(o, "source", jstr(ev->source));
	ok &= put(o, "logged_at",
	    ev->meta.created_utc != 0 ? jtime(tz, ev->meta.created_utc)
				      : json_null());
	return finish(o, ok);
}
