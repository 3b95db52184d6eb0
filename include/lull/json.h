/*
 * JSON for people and programs: records as JSON objects (the same shapes
 * in listings and in the export), the full export, and the restore.  The
 * format is documented in docs/export.md and versioned by its "schema"
 * member.  Built on jansson.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_JSON_H
#define LULL_JSON_H

#include <stdint.h>

#include <jansson.h>

#include "lull/care.h"
#include "lull/err.h"
#include "lull/model.h"
#include "lull/store.h"
#include "lull/tz.h"

#define LULL_EXPORT_SCHEMA 1

/*
 * Names for ids, so that JSON speaks of "Mia" and "Sam" rather than of
 * row numbers (which differ between databases).  Borrowed vectors.
 * "with_ids" adds each record's "id" (listings, for edit and delete; the
 * export leaves them out, because a restore gives new ones).
 */
struct lull_names {
	const struct lull_childv *children;
	const struct lull_caregiverv *caregivers;
	int with_ids;
};

/* New references (json_decref them); NULL on allocation failure.  Times
 * are RFC 3339 with the zone's offset; unknown values are null. */
json_t *lull_json_child(const struct lull_child *, const struct lull_tz *,
    const struct lull_names *);
json_t *lull_json_caregiver(const struct lull_caregiver *,
    const struct lull_tz *, const struct lull_names *);
json_t *lull_json_sleep(const struct lull_sleep *, const struct lull_tz *,
    const struct lull_names *);
/* One waking, as it appears in its sleep's "wakings". */
json_t *lull_json_waking(const struct lull_waking *, const struct lull_tz *,
    const struct lull_names *);
json_t *lull_json_feed(const struct lull_feed *, const struct lull_tz *,
    const struct lull_names *);
json_t *lull_json_tag(const struct lull_tag *, const struct lull_tz *,
    const struct lull_names *);
/* A personal record with the members its kind uses (docs/export.md);
 * hand it only to someone lull_personal_visible() lets see it. */
json_t *lull_json_personal(const struct lull_personal *,
    const struct lull_tz *, const struct lull_names *);
json_t *lull_json_ritual(const struct lull_ritual *, const struct lull_tz *,
    const struct lull_names *);

/*
 * Everything household "household_id" stored, as one JSON document
 * (docs/export.md), as adult "viewer_id" may see it: the journal whole,
 * and of the adults' personal records only what lull_personal_visible()
 * shows them (their own, and what others shared with them); a viewer of
 * 0 gets none.  The document counts the records it left out
 * ("personal_omitted").  *out is a malloc'd string the caller frees.
 */
LULL_MUST_CHECK enum lull_err lull_export_json(struct lull_store *,
    int64_t household_id, int64_t viewer_id, const struct lull_tz *,
    int64_t now_utc, char **out, struct lull_errinfo *ei);

struct lull_restore_stats {
	size_t caregivers, children, sleeps, wakings, feeds, tags;
	size_t personal, rituals;
};

/*
 * Restore an export into the store, all or nothing, in one transaction.
 * With no household in the store, one is created from the export; with
 * one, it must hold no children, caregivers or rituals unless "replace"
 * is set, which wipes it first (inside the same transaction).  The
 * household's name, zone and settings are taken from the export.
 * Records keep who logged them and when; a personal record is restored
 * as its author's (lull_store_personal_restore()).  Errors name the
 * place in the document, e.g.
 * "backup.json: sleeps[12].wakings[0].end: ...", or the line and column
 * of a syntax error.  "source" names the input in messages.
 */
LULL_MUST_CHECK enum lull_err lull_restore_json(struct lull_store *,
    const char *text, size_t len, const char *source, int replace,
    const struct lull_actor *, struct lull_restore_stats *stats,
    struct lull_errinfo *ei);

#endif
