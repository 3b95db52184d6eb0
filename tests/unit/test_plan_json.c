/*
 * The plan engine in JSON: the intake profile read to the right struct,
 * defaults for what is left out, every kind of error naming its field
 * (and file, and line:column for syntax), the profile's round trip, the
 * plan's JSON contract, decisions and history entries, and the plan
 * records of plan.h.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/cal.h"
#include "lull/plan.h"
#include "lull/plan_json.h"
#include "lull/tz.h"

#include "t.h"

/* The intake contract's example, with our two optional extras. */
static const char example[] =
    "{\"today\": \"2026-11-22\",\n"
    " \"child\": {\"born\": \"2026-04-01\", \"due\": \"2026-04-20\",\n"
    "           \"feeding\": \"breast\", \"growth_concern\": false},\n"
    " \"sleep_space\": \"parents_room_cot\",\n"
    " \"associations\": [\"fed\", \"rocked\"],\n"
    " \"temperament\": {\"persistence\": 3, \"sensitivity\": 3,\n"
    "                 \"separation_distress\": 3, \"alertness\": 3},\n"
    " \"goals\": [\"less_help_to_fall_asleep\", \"fewer_wakings\"],\n"
    " \"health\": [],\n"
    " \"household\": {\"smoker\": false, \"impaired_adult\": false,\n"
    "               \"caregivers_for_nights\": 2}}\n";

#define DAY(y, m, d) lull_days_from_civil(y, m, d)

static enum lull_err
parse(const char *text, int32_t dflt, struct lull_profile *p,
    struct lull_errinfo *ei)
{
	return lull_profile_from_json(text, strlen(text), "profile.json", dflt,
	    p, ei);
}

/*
 * Parse "text", expecting LULL_EINVAL naming "field" with "want" in the
 * message (and the file name first).
 */
#define T_REFUSED(text_, field_, want_)                                        \
	do {                                                                   \
		struct lull_profile p_;                                        \
		struct lull_errinfo e_;                                        \
		T_EQ_INT(parse(text_, DAY(2026, 11, 22), &p_, &e_),            \
		    LULL_EINVAL);                                              \
		T_EQ_STR(e_.field, field_);                                    \
		if (strstr(e_.msg, want_) == NULL ||                           \
		    strncmp(e_.msg, "profile.json", 12) != 0) {                \
			fprintf(stderr,                                        \
			    "%s:%d: message \"%s\" lacks "                     \
			    "\"%s\"\n",                                        \
			    __FILE__, __LINE__, e_.msg, want_);                \
			t_failed_checks++;                                     \
		}                                                              \
		T_EQ_INT(p_.born_day, LULL_NO_DAY);                            \
	} while (0)

static void
test_example(void)
{
	struct lull_profile p;
	struct lull_errinfo ei;
	int i;

	T_EQ_INT(parse(example, LULL_NO_DAY, &p, &ei), LULL_OK);
	T_EQ_INT(p.today, DAY(2026, 11, 22));
	T_EQ_INT(p.born_day, DAY(2026, 4, 1));
	T_EQ_INT(p.due_day, DAY(2026, 4, 20));
	T_EQ_INT(p.feeding, LULL_FEEDING_BREAST);
	T_EQ_INT(p.growth_concern, 0);
	T_EQ_INT(p.space, LULL_SPACE_PARENTS_ROOM_COT);
	T_EQ_INT(p.assoc, (1u << LULL_ASSOC_FED) | (1u << LULL_ASSOC_ROCKED));
	for (i = 0; i < LULL_TEMPER__MAX; i++)
		T_EQ_INT(p.temper[i], 3);
	T_EQ_INT(p.goals,
	    (1u << LULL_GOAL_LESS_HELP) | (1u << LULL_GOAL_FEWER_WAKINGS));
	T_EQ_INT(p.main_goal, LULL_GOAL_LESS_HELP);
	T_EQ_INT(p.health, 0);
	T_EQ_INT(p.smoker, 0);
	T_EQ_INT(p.impaired_adult, 0);
	T_EQ_INT(p.caregivers_for_nights, 2);
	T_EQ_INT(p.clinician_ok, 0);
	T_EQ_INT(p.method, LULL_METHOD_NONE);
}

static void
test_every_field(void)
{
	static const char text[] =
	    "{\"today\": \"2026-11-22\",\n"
	    " \"child\": {\"born\": \"2025-10-01\", \"due\": null,\n"
	    "           \"feeding\": \"mixed\", \"growth_concern\": true},\n"
	    " \"sleep_space\": \"sidecar\",\n"
	    " \"associations\": [\"pacifier\", \"held\"],\n"
	    " \"temperament\": {\"persistence\": 5, \"sensitivity\": 1,\n"
	    "                 \"separation_distress\": 4, \"alertness\": 2},\n"
	    " \"goals\": [\"fewer_wakings\", \"less_help_to_fall_asleep\"],\n"
	    " \"health\": [\"reflux\", \"snoring\"],\n"
	    " \"household\": {\"smoker\": true, \"impaired_adult\": true,\n"
	    "               \"caregivers_for_nights\": 1},\n"
	    " \"clinician_ok\": true, \"method\": \"M2\"}";
	struct lull_profile p;
	struct lull_errinfo ei;

	T_EQ_INT(parse(text, LULL_NO_DAY, &p, &ei), LULL_OK);
	T_EQ_INT(p.born_day, DAY(2025, 10, 1));
	T_EQ_INT(p.due_day, LULL_NO_DAY);
	T_EQ_INT(p.feeding, LULL_FEEDING_MIXED);
	T_EQ_INT(p.growth_concern, 1);
	T_EQ_INT(p.space, LULL_SPACE_SIDECAR);
	T_EQ_INT(p.assoc,
	    (1u << LULL_ASSOC_PACIFIER) | (1u << LULL_ASSOC_HELD));
	T_EQ_INT(p.temper[LULL_TEMPER_PERSISTENCE], 5);
	T_EQ_INT(p.temper[LULL_TEMPER_SENSITIVITY], 1);
	T_EQ_INT(p.temper[LULL_TEMPER_SEPARATION], 4);
	T_EQ_INT(p.temper[LULL_TEMPER_ALERTNESS], 2);
	/* The first goal listed is the main one, whatever the enum order. */
	T_EQ_INT(p.main_goal, LULL_GOAL_FEWER_WAKINGS);
	T_EQ_INT(p.health,
	    (1u << LULL_HEALTH_REFLUX) | (1u << LULL_HEALTH_SNORING));
	T_EQ_INT(p.smoker, 1);
	T_EQ_INT(p.impaired_adult, 1);
	T_EQ_INT(p.caregivers_for_nights, 1);
	T_EQ_INT(p.clinician_ok, 1);
	T_EQ_INT(p.method, LULL_M2);
}

static void
test_defaults(void)
{
	struct lull_profile p, d;
	struct lull_errinfo ei;

	/* Only the birth date; today from the caller. */
	T_EQ_INT(parse("{\"child\": {\"born\": \"2026-04-01\"}}",
		     DAY(2026, 11, 22), &p, &ei),
	    LULL_OK);
	lull_profile_init(&d);
	d.born_day = DAY(2026, 4, 1);
	d.today = DAY(2026, 11, 22);
	T_CHECK(memcmp(&p, &d, sizeof(p)) == 0);
	T_EQ_INT(p.main_goal, -1);
	T_EQ_INT(p.method, LULL_METHOD_NONE);
	T_EQ_INT(p.due_day, LULL_NO_DAY);

	/* Partial nested objects keep the other defaults. */
	T_EQ_INT(parse("{\"child\": {\"born\": \"2026-04-01\"},"
		       " \"temperament\": {\"alertness\": 5},"
		       " \"household\": {\"smoker\": true}, \"method\": null}",
		     DAY(2026, 11, 22), &p, &ei),
	    LULL_OK);
	T_EQ_INT(p.temper[LULL_TEMPER_ALERTNESS], 5);
	T_EQ_INT(p.temper[LULL_TEMPER_PERSISTENCE],
	    d.temper[LULL_TEMPER_PERSISTENCE]);
	T_EQ_INT(p.smoker, 1);
	T_EQ_INT(p.caregivers_for_nights, d.caregivers_for_nights);

	/* A "today" in the file wins over the caller's. */
	T_EQ_INT(parse("{\"today\": \"2026-11-20\", "
		       "\"child\": {\"born\": \"2026-04-01\"}}",
		     DAY(2026, 11, 22), &p, &ei),
	    LULL_OK);
	T_EQ_INT(p.today, DAY(2026, 11, 20));
}

static void
test_required(void)
{
	struct lull_profile p;
	struct lull_errinfo ei;

	T_REFUSED("{\"today\": \"2026-11-22\"}", "child.born", "missing");
	T_REFUSED("{\"child\": {\"due\": \"2026-04-20\"}}", "child.born",
	    "missing");
	/* No today anywhere. */
	T_EQ_INT(parse("{\"child\": {\"born\": \"2026-04-01\"}}", LULL_NO_DAY,
		     &p, &ei),
	    LULL_EINVAL);
	T_EQ_STR(ei.field, "today");
	T_CHECK(strstr(ei.msg, "profile.json: today: ") == ei.msg);
}

static void
test_unknown_fields(void)
{
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, \"colour\": 1}",
	    "colour", "profile.json: colour: unknown field");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\", \"weight\": 7.5}}",
	    "child.weight", "profile.json: child.weight: unknown field");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"household\": {\"pets\": 2}}",
	    "household.pets", "household.pets: unknown field");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"temperament\": {\"patience\": 2}}",
	    "temperament.patience", "persistence");
	/* A near miss is still refused: it must not vanish silently. */
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, \"Health\": []}",
	    "Health", "unknown field");
}

static void
test_bad_enums(void)
{
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"sleep_space\": \"hammock\"}",
	    "sleep_space",
	    "\"hammock\" is not one of own_room_cot, "
	    "parents_room_cot");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\", "
		  "\"feeding\": \"cup\"}}",
	    "child.feeding", "breast, bottle");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"associations\": [\"fed\", \"swaddled\"]}",
	    "associations[1]", "\"swaddled\" is not one of fed, rocked");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"goals\": [\"more_sleep\"]}",
	    "goals[0]", "fewer_wakings");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"health\": [\"colic\"]}",
	    "health[0]", "breathing_pauses");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, \"method\": \"M9\"}",
	    "method", "M0, M1, M2");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"associations\": [\"fed\", \"fed\"]}",
	    "associations[1]", "twice");
}

static void
test_temperament_range(void)
{
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"temperament\": {\"persistence\": 0}}",
	    "temperament.persistence", "0 is outside 1..5");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"temperament\": {\"separation_distress\": 6}}",
	    "temperament.separation_distress", "6 is outside 1..5");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"temperament\": {\"alertness\": 2.5}}",
	    "temperament.alertness", "whole number");
}

static void
test_bad_dates(void)
{
	T_REFUSED("{\"child\": {\"born\": \"2026-02-30\"}}", "child.born",
	    "\"2026-02-30\" is not a date");
	T_REFUSED("{\"child\": {\"born\": \"1 April\"}}", "child.born",
	    "\"1 April\"");
	T_REFUSED("{\"today\": \"yesterday\", "
		  "\"child\": {\"born\": \"2026-04-01\"}}",
	    "today", "\"yesterday\" is not a date");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\", \"due\": 20}}",
	    "child.due", "should be a date");
}

static void
test_wrong_types(void)
{
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\", "
		  "\"growth_concern\": \"no\"}}",
	    "child.growth_concern", "should be true or false, not text");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"associations\": \"fed\"}",
	    "associations", "should be a list");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"household\": {\"caregivers_for_nights\": \"2\"}}",
	    "household.caregivers_for_nights", "whole number");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"household\": {\"caregivers_for_nights\": 0}}",
	    "household.caregivers_for_nights", "0 is less than 1");
	T_REFUSED("{\"child\": [], \"today\": \"2026-11-22\"}", "child",
	    "should be an object");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"temperament\": [3, 3]}",
	    "temperament", "should be an object, not a list");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"sleep_space\": 2}",
	    "sleep_space", "not a number");
	T_REFUSED("{\"child\": {\"born\": \"2026-04-01\"}, "
		  "\"clinician_ok\": null}",
	    "clinician_ok", "true or false");
	T_REFUSED("[1, 2]", "", "should be a JSON object");
}

static void
test_syntax(void)
{
	struct lull_profile p;
	struct lull_errinfo ei;

	T_EQ_INT(parse("{\"today\": \"2026-11-22\",\n"
		       " \"child\": {\"born\": \"2026-04-01\"},\n"
		       " \"goals\": [\"fewer_wakings\",]\n}",
		     LULL_NO_DAY, &p, &ei),
	    LULL_EINVAL);
	T_CHECK(strncmp(ei.msg, "profile.json:3:", 15) == 0);
	T_EQ_INT(p.born_day, LULL_NO_DAY);

	T_EQ_INT(parse("", LULL_NO_DAY, &p, &ei), LULL_EINVAL);
	T_CHECK(strncmp(ei.msg, "profile.json:1:", 15) == 0);

	/* Trailing garbage is not a profile either. */
	T_EQ_INT(parse("{\"child\": {\"born\": \"2026-04-01\"}} x",
		     DAY(2026, 11, 22), &p, &ei),
	    LULL_EINVAL);
	T_CHECK(strncmp(ei.msg, "profile.json:1:", 15) == 0);

	/* A key given twice: which one would we believe? */
	T_EQ_INT(parse("{\"child\": {\"born\": \"2026-04-01\"},\n"
		       " \"sleep_space\": \"sidecar\",\n"
		       " \"sleep_space\": \"sofa\"}",
		     DAY(2026, 11, 22), &p, &ei),
	    LULL_EINVAL);
	T_CHECK(strncmp(ei.msg, "profile.json:3:", 15) == 0);
	T_CHECK(strstr(ei.msg, "\"sleep_space\"") != NULL);
	T_CHECK(strstr(ei.msg, "twice") != NULL);
	T_EQ_STR(ei.field, "sleep_space");
}

static void
test_engine_check(void)
{
	struct lull_profile p;
	struct lull_errinfo ei;

	/* Born after the profile's today: lull_profile_check() says so, in
	 * the reader's words (file first). */
	T_EQ_INT(parse("{\"today\": \"2026-11-22\", "
		       "\"child\": {\"born\": \"2026-12-01\"}}",
		     LULL_NO_DAY, &p, &ei),
	    LULL_EINVAL);
	T_CHECK(strncmp(ei.msg, "profile.json: ", 14) == 0);
	T_CHECK(strncmp(ei.field, "child.born", 10) == 0 ||
	    strcmp(ei.field, "today") == 0);
	T_EQ_INT(p.born_day, LULL_NO_DAY);
}

static void
test_roundtrip(void)
{
	static const char odd[] =
	    "{\"today\": \"2026-11-22\", \"child\": {\"born\": \"2025-12-24\","
	    " \"feeding\": \"solids\"}, \"goals\": [\"own_sleep_space\","
	    " \"less_help_to_fall_asleep\", \"fewer_night_feeds\"],"
	    " \"associations\": [\"none\"], \"health\": [\"reflux\"],"
	    " \"method\": \"M5\", \"clinician_ok\": true}";
	struct lull_profile p, q;
	struct lull_errinfo ei;
	json_error_t jerr;
	json_t *j, *want;
	char *text = NULL, *again = NULL;

	T_EQ_INT(parse(example, LULL_NO_DAY, &p, &ei), LULL_OK);
	T_CHECK((j = lull_profile_to_json(&p)) != NULL);
	/* The example is the canonical shape, once the extras are added. */
	want = json_loads(example, 0, &jerr);
	T_CHECK(want != NULL);
	if (want != NULL) {
		json_object_set_new(want, "clinician_ok", json_false());
		json_object_set_new(want, "method", json_null());
		T_CHECK(json_equal(want, j));
	}
	json_decref(want);
	json_decref(j);

	T_EQ_INT(lull_profile_to_text(&p, &text), LULL_OK);
	T_CHECK(text != NULL);
	if (text != NULL) {
		T_EQ_INT(lull_profile_from_json(text, strlen(text), "stored",
			     LULL_NO_DAY, &q, &ei),
		    LULL_OK);
		T_CHECK(memcmp(&p, &q, sizeof(p)) == 0);
		/* And the text is stable. */
		T_EQ_INT(lull_profile_to_text(&q, &again), LULL_OK);
		T_EQ_STR(again, text);
	}
	free(text);
	free(again);

	/* A main goal that is not the first in enum order survives. */
	T_EQ_INT(parse(odd, LULL_NO_DAY, &p, &ei), LULL_OK);
	T_EQ_INT(p.main_goal, LULL_GOAL_OWN_SPACE);
	T_EQ_INT(lull_profile_to_text(&p, &text), LULL_OK);
	T_CHECK(text != NULL &&
	    strstr(text, "\"goals\":[\"own_sleep_space\",") != NULL);
	if (text != NULL) {
		T_EQ_INT(lull_profile_from_json(text, strlen(text), "stored",
			     LULL_NO_DAY, &q, &ei),
		    LULL_OK);
		T_CHECK(memcmp(&p, &q, sizeof(p)) == 0);
	}
	free(text);
}

/* The members of "o" and their JSON types, as the contract has them. */
static int
has(const json_t *o, const char *key, json_type type)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL) {
		fprintf(stderr, "missing member \"%s\"\n", key);
		return 0;
	}
	if (json_typeof(v) == type)
		return 1;
	/* true and false are two types to jansson, one to a reader. */
	if (type == JSON_TRUE && json_is_boolean(v))
		return 1;
	fprintf(stderr, "member \"%s\" has the wrong type\n", key);
	return 0;
}

#define BOOL JSON_TRUE

static int
str_or_null(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return v != NULL && (json_is_string(v) || json_is_null(v));
}

/* Every member of the plan contract, with the right type. */
static void
check_plan_json(const json_t *j, const struct lull_plan *p)
{
	json_t *a, *v;
	size_t i;

	T_CHECK(has(j, "mode", JSON_STRING));
	T_CHECK(has(j, "method", JSON_STRING));
	T_CHECK(has(j, "method_name", JSON_STRING));
	T_CHECK(has(j, "age_days", JSON_INTEGER));
	T_CHECK(has(j, "age_corrected", BOOL));
	T_CHECK(str_or_null(j, "focus"));
	T_CHECK(has(j, "nights_per_step", JSON_INTEGER));
	T_CHECK(has(j, "steps", JSON_ARRAY));
	T_CHECK(has(j, "safety", JSON_ARRAY));
	T_CHECK(has(j, "referrals", JSON_ARRAY));
	T_CHECK(has(j, "reasons", JSON_ARRAY));
	T_CHECK(has(j, "alternatives", JSON_ARRAY));
	T_CHECK(has(j, "night_feed_reduction_allowed", BOOL));
	T_CHECK(has(j, "disclaimer", JSON_STRING));
	T_EQ_STR(json_string_value(json_object_get(j, "mode")),
	    lull_mode_name(p->mode));
	T_EQ_STR(json_string_value(json_object_get(j, "method")),
	    lull_method_id(p->method));
	T_CHECK(strstr(json_string_value(json_object_get(j, "disclaimer")),
		    "not medical advice") != NULL);

	a = json_object_get(j, "steps");
	T_EQ_INT(json_array_size(a), p->nsteps);
	json_array_foreach(a, i, v) {
		const char *g;

		T_CHECK(has(v, "index", JSON_INTEGER));
		T_CHECK(has(v, "nights_min", JSON_INTEGER));
		T_CHECK(has(v, "parent_presence", JSON_STRING));
		T_CHECK(has(v, "leaves_crying_child_alone", BOOL));
		T_CHECK(json_is_false(json_object_get(v,
		    "leaves_crying_child_alone")));
		T_CHECK(has(v, "guidance", JSON_STRING));
		T_CHECK(str_or_null(v, "title"));
		T_CHECK(str_or_null(v, "bedtime"));
		T_CHECK(str_or_null(v, "waking"));
		T_CHECK(str_or_null(v, "if_crying"));
		T_CHECK(str_or_null(v, "source"));
		g = json_string_value(json_object_get(v, "guidance"));
		/* One string holding the title and each of the parts. */
		if (g != NULL && p->steps[i].title != NULL)
			T_CHECK(strncmp(g, p->steps[i].title,
				    strlen(p->steps[i].title)) == 0);
		if (g != NULL && p->steps[i].bedtime != NULL &&
		    p->steps[i].bedtime[0] != '\0')
			T_CHECK(strstr(g, "At bedtime: ") != NULL);
	}
	json_array_foreach(json_object_get(j, "safety"), i, v) {
		T_CHECK(has(v, "rule", JSON_STRING));
		T_CHECK(has(v, "severity", JSON_STRING));
		T_CHECK(has(v, "message", JSON_STRING));
		T_CHECK(str_or_null(v, "source"));
	}
	json_array_foreach(json_object_get(j, "referrals"), i, v) {
		T_CHECK(has(v, "reason", JSON_STRING));
		T_CHECK(has(v, "urgency", JSON_STRING));
		T_CHECK(has(v, "message", JSON_STRING));
		T_CHECK(str_or_null(v, "source"));
	}
	json_array_foreach(json_object_get(j, "reasons"), i, v) {
		T_CHECK(has(v, "text", JSON_STRING));
		T_CHECK(has(v, "evidence", JSON_STRING));
		T_CHECK(str_or_null(v, "source"));
	}
	json_array_foreach(json_object_get(j, "alternatives"), i, v)
	    T_CHECK(json_is_string(v) &&
		lull_method_parse(json_string_value(v)) >= 0);
}

static void
test_plan_contract(void)
{
	struct lull_profile p;
	struct lull_plan plan;
	struct lull_errinfo ei;
	json_t *j;

	T_EQ_INT(parse(example, LULL_NO_DAY, &p, &ei), LULL_OK);
	memset(&plan, 0, sizeof(plan));
	T_EQ_INT(lull_plan_build(&p, &plan, &ei), LULL_OK);
	T_CHECK((j = lull_plan_to_json(&plan, &p)) != NULL);
	if (j == NULL)
		return;
	check_plan_json(j, &plan);
	T_EQ_STR(json_string_value(json_object_get(j, "mode")), "coaching");
	T_CHECK(json_array_size(json_object_get(j, "steps")) > 0);
	T_EQ_STR(json_string_value(json_object_get(j, "today")), "2026-11-22");
	T_CHECK(json_is_object(json_object_get(j, "profile")));
	json_decref(j);

	/* Without a profile: the same contract, no "today". */
	T_CHECK((j = lull_plan_to_json(&plan, NULL)) != NULL);
	if (j != NULL) {
		check_plan_json(j, &plan);
		T_CHECK(json_object_get(j, "today") == NULL);
	}
	json_decref(j);

	/* Under 4 months corrected: foundations, still the contract. */
	T_EQ_INT(parse("{\"today\": \"2026-11-22\", "
		       "\"child\": {\"born\": \"2026-09-20\"}}",
		     LULL_NO_DAY, &p, &ei),
	    LULL_OK);
	memset(&plan, 0, sizeof(plan));
	T_EQ_INT(lull_plan_build(&p, &plan, &ei), LULL_OK);
	T_CHECK((j = lull_plan_to_json(&plan, &p)) != NULL);
	if (j != NULL) {
		check_plan_json(j, &plan);
		T_EQ_STR(json_string_value(json_object_get(j, "mode")),
		    "foundations");
	}
	json_decref(j);
}

/* A plan made by hand: the writer alone, independent of the engine. */
static void
test_plan_by_hand(void)
{
	struct lull_plan plan;
	json_t *j, *s;
	const char *g;

	memset(&plan, 0, sizeof(plan));
	plan.mode = LULL_MODE_COACHING;
	plan.method = LULL_M2;
	plan.age_days = 200;
	plan.corrected = 1;
	plan.focus = LULL_ASSOC_ROCKED;
	plan.nights_per_step = 3;
	plan.nsteps = 1;
	plan.steps[0].index = 1;
	plan.steps[0].nights_min = 3;
	plan.steps[0].presence = LULL_PRESENCE_BESIDE;
	plan.steps[0].title = "Sit beside the cot, hand on";
	plan.steps[0].bedtime = "  Sit close and rest a hand on her chest. ";
	plan.steps[0].waking = "Go in, shush, hand on until calm";
	plan.steps[0].if_crying = "Pick her up and cuddle until calm!";
	plan.steps[0].source = "R39";
	plan.nsafety = 1;
	plan.safety[0].rule = "SS-02";
	plan.safety[0].severity = LULL_SEVERITY_STRONG;
	plan.safety[0].message = "Back to sleep.";
	plan.nreferrals = 1;
	plan.referrals[0].reason = "snoring";
	plan.referrals[0].urgency = LULL_URGENCY_ROUTINE;
	plan.referrals[0].message = "Mention the snoring.";
	plan.nreasons = 1;
	plan.reasons[0].text = "Rocked to sleep.";
	plan.reasons[0].evidence = LULL_EVIDENCE_TRIAL;
	plan.nalternatives = 2;
	plan.alternatives[0] = LULL_M1;
	plan.alternatives[1] = LULL_M4;
	T_CHECK((j = lull_plan_to_json(&plan, NULL)) != NULL);
	if (j == NULL)
		return;
	check_plan_json(j, &plan);
	T_EQ_STR(json_string_value(json_object_get(j, "focus")), "rocked");
	T_EQ_INT(json_integer_value(json_object_get(j, "age_days")), 200);
	T_CHECK(json_is_true(json_object_get(j, "age_corrected")));
	s = json_array_get(json_object_get(j, "steps"), 0);
	T_EQ_STR(json_string_value(json_object_get(s, "parent_presence")),
	    "beside");
	g = json_string_value(json_object_get(s, "guidance"));
	T_EQ_STR(g,
	    "Sit beside the cot, hand on. At bedtime: Sit close and rest a "
	    "hand on her chest. When your child wakes: Go in, shush, hand on "
	    "until calm. If crying builds: Pick her up and cuddle until "
	    "calm!");
	T_CHECK(json_is_null(json_object_get(json_array_get(json_object_get(j,
								"safety"),
						 0),
	    "source")));
	T_EQ_STR(json_string_value(json_array_get(json_object_get(j,
						      "alternatives"),
		     1)),
	    "M4");
	json_decref(j);

	/* No association in focus is null. */
	plan.focus = LULL_ASSOC_NONE;
	T_CHECK((j = lull_plan_to_json(&plan, NULL)) != NULL);
	if (j != NULL)
		T_CHECK(json_is_null(json_object_get(j, "focus")));
	json_decref(j);
}

static void
test_decision_and_event(void)
{
	struct lull_decision d;
	struct lull_plan_event ev;
	struct lull_tz *tz = NULL;
	json_t *j;

	memset(&d, 0, sizeof(d));
	d.verdict = LULL_VERDICT_STEP_BACK;
	d.step_from = 3;
	d.step_to = 2;
	d.evidence = LULL_EVIDENCE_CONVENTION;
	snprintf(d.reason, sizeof(d.reason), "45 minutes of crying last night");
	d.source = "R39";
	d.nsuggest = 1;
	d.suggest[0] = LULL_M1;
	d.refer = 1;
	T_CHECK((j = lull_decision_to_json(&d)) != NULL);
	if (j != NULL) {
		T_EQ_STR(json_string_value(json_object_get(j, "verdict")),
		    lull_verdict_name(LULL_VERDICT_STEP_BACK));
		T_EQ_INT(json_integer_value(json_object_get(j, "step_to")), 2);
		T_EQ_STR(json_string_value(json_object_get(j, "evidence")),
		    "convention");
		T_EQ_STR(json_string_value(json_object_get(j, "reason")),
		    "45 minutes of crying last night");
		T_EQ_STR(json_string_value(json_array_get(json_object_get(j,
							      "suggest"),
			     0)),
		    "M1");
		T_CHECK(json_is_true(json_object_get(j, "refer")));
	}
	json_decref(j);

	T_EQ_INT(lull_plan_event_from(&ev, 7, &d, DAY(2026, 11, 23), 1),
	    LULL_OK);
	T_EQ_INT(ev.plan_id, 7);
	T_EQ_INT(ev.day, DAY(2026, 11, 23));
	T_EQ_INT(ev.verdict, LULL_VERDICT_STEP_BACK);
	T_EQ_INT(ev.step_from, 3);
	T_EQ_INT(ev.step_to, 2);
	T_EQ_INT(ev.by_parent, 1);
	T_EQ_STR(ev.reason, d.reason);
	T_CHECK(ev.reason != d.reason);
	T_EQ_STR(ev.source, "R39");
	ev.meta.created_utc = (int64_t)DAY(2026, 11, 23) * 86400 + 7 * 3600;
	T_EQ_INT(lull_tz_utc(&tz), LULL_OK);
	T_CHECK((j = lull_plan_event_to_json(&ev, tz)) != NULL);
	if (j != NULL) {
		T_EQ_STR(json_string_value(json_object_get(j, "day")),
		    "2026-11-23");
		T_CHECK(json_is_true(json_object_get(j, "by_parent")));
		T_EQ_STR(json_string_value(json_object_get(j, "logged_at")),
		    "2026-11-23T07:00:00+00:00");
	}
	json_decref(j);
	/* Without a zone: UTC. */
	T_CHECK((j = lull_plan_event_to_json(&ev, NULL)) != NULL);
	if (j != NULL)
		T_EQ_STR(json_string_value(json_object_get(j, "logged_at")),
		    "2026-11-23T07:00:00+00:00");
	json_decref(j);
	lull_plan_event_free(&ev);
	lull_plan_event_free(&ev); /* twice is fine */
	T_CHECK(ev.reason == NULL && ev.source == NULL);
	lull_tz_free(tz);

	/* A decision without a source keeps it NULL. */
	d.source = NULL;
	T_EQ_INT(lull_plan_event_from(&ev, 7, &d, DAY(2026, 11, 23), 0),
	    LULL_OK);
	T_CHECK(ev.source == NULL);
	T_EQ_INT(ev.by_parent, 0);
	lull_plan_event_free(&ev);
}

static void
test_state_json(void)
{
	struct lull_plan_record r;
	json_t *j;

	lull_plan_record_init(&r);
	T_EQ_INT(r.active, 1);
	T_EQ_INT(r.state.step, 1);
	T_EQ_INT(r.state.started_day, LULL_NO_DAY);
	r.state.started_day = DAY(2026, 11, 1);
	r.state.step = 2;
	r.state.step_since_day = DAY(2026, 11, 4);
	T_CHECK((j = lull_plan_state_to_json(&r.state)) != NULL);
	if (j != NULL) {
		T_EQ_STR(json_string_value(json_object_get(j, "started")),
		    "2026-11-01");
		T_EQ_INT(json_integer_value(json_object_get(j, "step")), 2);
		T_EQ_STR(json_string_value(json_object_get(j, "step_since")),
		    "2026-11-04");
		T_CHECK(json_is_false(json_object_get(j, "paused")));
		T_CHECK(json_is_null(json_object_get(j, "paused_since")));
		T_CHECK(json_is_false(json_object_get(j, "paused_by_parent")));
		T_EQ_INT(json_integer_value(json_object_get(j, "slow")), 0);
	}
	json_decref(j);
	T_CHECK((r.profile_json = strdup("{}")) != NULL);
	lull_plan_record_free(&r);
	T_CHECK(r.profile_json == NULL);
	lull_plan_record_free(NULL);
}

static void
test_vectors(void)
{
	struct lull_plan_eventv ev = { 0 };
	struct lull_plan_recordv rv = { 0 };
	struct lull_plan_event e;
	struct lull_plan_record r;
	int i;

	for (i = 0; i < 20; i++) {
		lull_plan_event_init(&e);
		e.step_to = i;
		T_CHECK((e.reason = strdup("why")) != NULL);
		T_EQ_INT(lull_plan_eventv_push(&ev, &e), LULL_OK);
		T_CHECK(e.reason == NULL); /* taken */
		lull_plan_record_init(&r);
		r.state.step = i + 1;
		T_CHECK((r.profile_json = strdup("{}")) != NULL);
		T_EQ_INT(lull_plan_recordv_push(&rv, &r), LULL_OK);
		T_CHECK(r.profile_json == NULL);
	}
	T_EQ_INT(ev.n, 20);
	T_EQ_INT(ev.v[19].step_to, 19);
	T_EQ_INT(rv.v[7].state.step, 8);
	lull_plan_eventv_free(&ev);
	lull_plan_recordv_free(&rv);
	T_CHECK(ev.v == NULL && ev.n == 0 && rv.v == NULL && rv.n == 0);
	lull_plan_eventv_free(&ev);
}

static const struct t_case cases[] = {
	{ "the intake example", test_example },
	{ "every field", test_every_field },
	{ "defaults for what is left out", test_defaults },
	{ "required: child.born, today", test_required },
	{ "unknown fields name their path", test_unknown_fields },
	{ "bad names list the allowed ones", test_bad_enums },
	{ "temperament 1..5", test_temperament_range },
	{ "bad dates", test_bad_dates },
	{ "wrong types", test_wrong_types },
	{ "syntax errors and duplicate keys", test_syntax },
	{ "the engine's profile check", test_engine_check },
	{ "profile round trip", test_roundtrip },
	{ "plan JSON contract (engine)", test_plan_contract },
	{ "plan JSON by hand", test_plan_by_hand },
	{ "decisions and history entries", test_decision_and_event },
	{ "plan records and states", test_state_json },
	{ "plan vectors", test_vectors },
};

T_MAIN(cases)
