/*
 * The plan engine in JSON: the intake profile read strictly (an unknown
 * or misspelt field is an error, never silently dropped: a parent's
 * "breathing_pauses" typed wrong must not vanish) and written back in the
 * same shape, and plans, decisions and history entries as JSON objects.
 * The profile's shape is docs/profile.md and docs/profile.schema.json.
 * Built on jansson.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_PLAN_JSON_H
#define LULL_PLAN_JSON_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "lull/cal.h" /* LULL_NO_DAY */
#include "lull/err.h"
#include "lull/plan.h"
#include "lull/tz.h"

/*
 * Read an intake profile from "text[0..len)".  Starts from
 * lull_profile_init() and sets each field given; only "child.born" is
 * required.  A missing or null "today" is "default_today" (a civil day
 * number), or an error if that is LULL_NO_DAY.  "main_goal" is the first
 * goal listed.  The profile then passes lull_profile_check().
 *
 * LULL_EINVAL for anything else, with "ei" naming the field by its path
 * ("child.weight", "temperament.persistence", "goals[1]") and a message
 * that starts with "source" and quotes the value, lists the allowed names
 * of a bad enumeration, or gives line:column of a syntax error
 * ("profile.json:3:7: ...").  Unknown fields and duplicate keys are
 * errors.  On failure *out holds the defaults.
 */
LULL_MUST_CHECK enum lull_err lull_profile_from_json(const char *text,
    size_t len, const char *source, int32_t default_today,
    struct lull_profile *out, struct lull_errinfo *ei);

/* The same, from a parsed JSON value (borrowed). */
LULL_MUST_CHECK enum lull_err lull_profile_from_value(const json_t *v,
    const char *source, int32_t default_today, struct lull_profile *out,
    struct lull_errinfo *ei);

/*
 * A profile as JSON in the shape lull_profile_from_json() reads, with
 * every field present, so that it reads back identically.  Sets in enum
 * order, the main goal first among the goals.  A new reference; NULL when
 * out of memory.
 */
json_t *lull_profile_to_json(const struct lull_profile *);

/*
 * The same as compact text, for lull_plan_record.profile_json: *out is
 * malloc'd (free it); LULL_ENOMEM leaves it NULL.
 */
LULL_MUST_CHECK enum lull_err lull_profile_to_text(const struct lull_profile *,
    char **out);

/*
 * A plan for people and programs: mode, method (id and name), the age
 * used, the association in focus, the ladder (each step with its
 * guidance as one readable string and as its parts), safety notes,
 * referrals, reasons, alternatives, whether night feeds may be reduced,
 * and a disclaimer.  With a profile (may be NULL) also "today" and the
 * "profile" it was built from.  A new reference; NULL when out of memory.
 * docs/profile.md lists the members.
 */
json_t *lull_plan_to_json(const struct lull_plan *,
    const struct lull_profile *);

/* A morning decision: verdict, steps, evidence, reason, source,
 * suggested methods and whether to see a professional. */
json_t *lull_decision_to_json(const struct lull_decision *);

/*
 * Where a plan stands: "started", "step", "step_since", "paused",
 * "paused_since", "paused_by_parent", "slow" (dates as YYYY-MM-DD, null
 * when not set).
 */
json_t *lull_plan_state_to_json(const struct lull_plan_state *);

/*
 * A history entry: "day", "verdict", "step_from", "step_to", "evidence",
 * "by_parent", "reason", "source", and "logged_at" (RFC 3339 in "tz";
 * NULL "tz" writes UTC).
 */
json_t *lull_plan_event_to_json(const struct lull_plan_event *,
    const struct lull_tz *tz);

#endif
