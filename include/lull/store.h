/*
 * The store: where the journal lives.  One interface, chosen backend at
 * open time from the spec ("sqlite:PATH", or a plain path, for the
 * embedded SQLite default; other schemes such as "postgresql://" slot in
 * behind the same functions without touching core or callers).
 *
 * Contract for every function here:
 *  - Each write is atomic: it happens completely or not at all.  Writes
 *    run the journal's rules (journal.h) inside their transaction, so an
 *    invalid or overlapping entry is refused whoever the caller is, and the
 *    database is left unchanged.
 *  - lull_store_begin()/_commit()/_rollback() group several writes into
 *    one transaction (an import is all or nothing).  Writes inside it nest
 *    as savepoints: a refused write inside leaves the earlier ones intact
 *    until the caller decides.
 *  - On failure the code says what kind of failure and lull_store_error()
 *    (also copied into "ei" where a function takes one) says what and
 *    where in words.  Out-parameters are left empty.
 *  - Updates compare versions: if the record's meta.version is not 0 and
 *    differs from the stored one, the update is refused with
 *    LULL_ECONFLICT (someone else changed it meanwhile).  A successful
 *    update bumps the stored version and writes it back into the record
 *    where the record is not const.
 *  - A handle is used by one thread at a time.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_STORE_H
#define LULL_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "lull/care.h"
#include "lull/err.h"
#include "lull/model.h"
#include "lull/plan.h"
#include "lull/tz.h"

struct lull_store; /* opaque */

/* Who is writing, and the time the write happens (never read from a
 * clock inside the library). */
struct lull_actor {
	int64_t caregiver_id; /* 0 if not known */
	int64_t now_utc;
};

/*
 * Open (creating if needed) the store named by "spec" and bring its schema
 * up to date with the migrations compiled in.  On success *out owns the
 * handle, released with lull_store_close().  On failure *out is NULL and
 * "ei" says why.
 */
LULL_MUST_CHECK enum lull_err lull_store_open(struct lull_store **out,
    const char *spec, struct lull_errinfo *ei);
void lull_store_close(struct lull_store *); /* NULL is a no-op */

/* The last failure on this handle; borrowed, valid until the next call. */
const struct lull_errinfo *lull_store_error(const struct lull_store *);

/* The schema version now in the database (the highest migration). */
int lull_store_schema_version(const struct lull_store *);

LULL_MUST_CHECK enum lull_err lull_store_begin(struct lull_store *);
LULL_MUST_CHECK enum lull_err lull_store_commit(struct lull_store *);
void lull_store_rollback(struct lull_store *); /* no-op outside begin */
/* Levels open: 0 outside lull_store_begin(), 1 in a transaction, one
 * more for each begin inside it (a savepoint).  For a caller that runs
 * other code inside its transaction and must find it as it left it. */
int lull_store_depth(const struct lull_store *);
/*
 * A read snapshot: the reads until _snapshot_end() see one state of the
 * journal and share one read transaction (cheaper than one each, as a
 * web request's dozen reads are).  Not inside lull_store_begin() (it
 * does nothing there).  A write, or lull_store_begin(), ends it first,
 * so writes always start from the newest state.
 */
LULL_MUST_CHECK enum lull_err lull_store_snapshot(struct lull_store *);
void lull_store_snapshot_end(struct lull_store *);

/* Households.  id 0 in _get means "the first one" (a household per file
 * is the command line's case). */
LULL_MUST_CHECK enum lull_err lull_store_household_add(struct lull_store *,
    const struct lull_household *, const struct lull_actor *, int64_t *id);
LULL_MUST_CHECK enum lull_err lull_store_household_get(struct lull_store *,
    int64_t id, struct lull_household *out);
LULL_MUST_CHECK enum lull_err lull_store_household_update(struct lull_store *,
    struct lull_household *, const struct lull_actor *);
/* Delete every child (with their entries and plans), caregiver (with
 * their personal records) and ritual of the household, keep it. */
LULL_MUST_CHECK enum lull_err lull_store_household_clear(struct lull_store *,
    int64_t household_id);
/* Delete the household with everything in it: children (with their
 * entries and plans), caregivers, rituals, and the memberships and
 * invitations of account.h.  The accounts stay. */
LULL_MUST_CHECK enum lull_err lull_store_household_delete(struct lull_store *,
    int64_t household_id);

/* Caregivers: names are unique within a household (LULL_ECONFLICT).
 * Deleting one deletes their personal records and the notes written to
 * them; their journal entries stay, unattributed. */
LULL_MUST_CHECK enum lull_err lull_store_caregiver_add(struct lull_store *,
    const struct lull_caregiver *, const struct lull_actor *, int64_t *id);
LULL_MUST_CHECK enum lull_err lull_store_caregiver_get(struct lull_store *,
    int64_t id, struct lull_caregiver *out);
LULL_MUST_CHECK enum lull_err lull_store_caregiver_find(struct lull_store *,
    int64_t household_id, const char *name, struct lull_caregiver *out);
LULL_MUST_CHECK enum lull_err lull_store_caregiver_list(struct lull_store *,
    int64_t household_id, struct lull_caregiverv *out);
LULL_MUST_CHECK enum lull_err lull_store_caregiver_update(struct lull_store *,
    struct lull_caregiver *, const struct lull_actor *);
/* For a restore only: set a caregiver's meta exactly as given (after all
 * caregivers exist, since they may have logged each other). */
LULL_MUST_CHECK enum lull_err lull_store_caregiver_restore_meta(
    struct lull_store *, int64_t id, const struct lull_meta *);
LULL_MUST_CHECK enum lull_err lull_store_caregiver_delete(struct lull_store *,
    int64_t id);

/* Children: names unique within a household; lull_child_check() runs on
 * add and update with "today" taken from actor->now_utc in "tz". */
LULL_MUST_CHECK enum lull_err lull_store_child_add(struct lull_store *,
    const struct lull_child *, const struct lull_tz *,
    const struct lull_actor *, int64_t *id);
LULL_MUST_CHECK enum lull_err lull_store_child_get(struct lull_store *,
    int64_t id, struct lull_child *out);
LULL_MUST_CHECK enum lull_err lull_store_child_find(struct lull_store *,
    int64_t household_id, const char *name, struct lull_child *out);
LULL_MUST_CHECK enum lull_err lull_store_child_list(struct lull_store *,
    int64_t household_id, struct lull_childv *out);
LULL_MUST_CHECK enum lull_err lull_store_child_update(struct lull_store *,
    struct lull_child *, const struct lull_tz *, const struct lull_actor *);
/* Deletes the child's sleeps, wakings, feeds, tags and plans (with their
 * histories) with it. */
LULL_MUST_CHECK enum lull_err lull_store_child_delete(struct lull_store *,
    int64_t id);

/*
 * Sleeps, with their wakings.  _add settles nap/night (journal.h) when
 * not given, runs lull_sleep_check() and lull_sleep_check_overlap()
 * against the child's stored sleeps, then writes the sleep and its
 * wakings; on success s->id, the wakings' ids and meta are filled in.
 * "tz" is the household's zone (for nap/night and messages).
 * _update writes the sleep's own fields (not its wakings: see the waking
 * functions) and re-checks it with its stored wakings.
 */
LULL_MUST_CHECK enum lull_err lull_store_sleep_add(struct lull_store *,
    struct lull_sleep *s, const struct lull_tz *, const struct lull_actor *);
/*
 * Many sleeps at once, as an import writes them: each is settled, checked
 * and written as lull_store_sleep_add() would, all in one savepoint, all
 * or nothing.  The overlap check reads the child's stored sleeps once per
 * run of one child in "v" (keep each child's sleeps together) rather than
 * once per sleep, and checks the new sleeps against each other.  On
 * success every sleep's id, kind, meta and its wakings' ids are filled
 * in; on failure *failed is the index of the sleep refused,
 * lull_store_error() says why, and the ids are 0 again.
 */
LULL_MUST_CHECK enum lull_err lull_store_sleep_add_many(struct lull_store *,
    struct lull_sleep *v, size_t n, const struct lull_tz *,
    const struct lull_actor *, size_t *failed);
LULL_MUST_CHECK enum lull_err lull_store_sleep_get(struct lull_store *,
    int64_t id, struct lull_sleep *out);
LULL_MUST_CHECK enum lull_err lull_store_sleep_update(struct lull_store *,
    struct lull_sleep *s, const struct lull_tz *, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_sleep_delete(struct lull_store *,
    int64_t id);
/*
 * Sleeps of one child ("child_id" > 0) or of every child of the household
 * ("child_id" 0), that intersect [from_utc, to_utc), oldest first, with
 * their wakings.  An ongoing sleep intersects everything after its start.
 */
LULL_MUST_CHECK enum lull_err lull_store_sleep_range(struct lull_store *,
    int64_t household_id, int64_t child_id, int64_t from_utc, int64_t to_utc,
    struct lull_sleepv *out);
/* The child's ongoing sleep, LULL_ENOTFOUND if none. */
LULL_MUST_CHECK enum lull_err lull_store_sleep_ongoing(struct lull_store *,
    int64_t child_id, struct lull_sleep *out);
/* The child's sleep whose [start, end] holds "utc" (ongoing: from start
 * on), LULL_ENOTFOUND if none. */
LULL_MUST_CHECK enum lull_err lull_store_sleep_at(struct lull_store *,
    int64_t child_id, int64_t utc, struct lull_sleep *out);

/* Wakings: w->sleep_id names the sleep; the sleep with the new or changed
 * waking must still pass lull_sleep_check(). */
LULL_MUST_CHECK enum lull_err lull_store_waking_add(struct lull_store *,
    struct lull_waking *w, const struct lull_tz *, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_waking_get(struct lull_store *,
    int64_t id, struct lull_waking *out);
LULL_MUST_CHECK enum lull_err lull_store_waking_update(struct lull_store *,
    struct lull_waking *w, const struct lull_tz *, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_waking_delete(struct lull_store *,
    int64_t id);

/* Feeds: lull_feed_check() on add and update; "tz" (the household's,
 * may be NULL for UTC) is for the times quoted in messages. */
LULL_MUST_CHECK enum lull_err lull_store_feed_add(struct lull_store *,
    struct lull_feed *f, const struct lull_tz *, const struct lull_actor *);
/* Many feeds at once, as lull_store_sleep_add_many() does for sleeps. */
LULL_MUST_CHECK enum lull_err lull_store_feed_add_many(struct lull_store *,
    struct lull_feed *v, size_t n, const struct lull_tz *,
    const struct lull_actor *, size_t *failed);
LULL_MUST_CHECK enum lull_err lull_store_feed_get(struct lull_store *,
    int64_t id, struct lull_feed *out);
LULL_MUST_CHECK enum lull_err lull_store_feed_update(struct lull_store *,
    struct lull_feed *f, const struct lull_tz *, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_feed_delete(struct lull_store *,
    int64_t id);
/* Feeds starting in [from_utc, to_utc), oldest first; child 0 = all. */
LULL_MUST_CHECK enum lull_err lull_store_feed_range(struct lull_store *,
    int64_t household_id, int64_t child_id, int64_t from_utc, int64_t to_utc,
    struct lull_feedv *out);

/* Tags: lull_tag_check() on add and update. */
LULL_MUST_CHECK enum lull_err lull_store_tag_add(struct lull_store *,
    struct lull_tag *t, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_tag_get(struct lull_store *,
    int64_t id, struct lull_tag *out);
LULL_MUST_CHECK enum lull_err lull_store_tag_update(struct lull_store *,
    struct lull_tag *t, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_tag_delete(struct lull_store *,
    int64_t id);
/* Tags whose [from_day, to_day] meets [from_day, to_day]; child 0 = all. */
LULL_MUST_CHECK enum lull_err lull_store_tag_range(struct lull_store *,
    int64_t household_id, int64_t child_id, int32_t from_day, int32_t to_day,
    struct lull_tagv *out);

/*
 * Pages for listings (the web API's), newest first, at most "limit"
 * entries, for one child ("child_id" > 0, which must be of "household_id"
 * when that is given, else LULL_ENOTFOUND) or every child of the
 * household ("child_id" 0).  Sleeps (with their wakings) and feeds
 * starting in [from_utc, to_utc), ordered by start, then id, descending;
 * tags meeting days [from_day, to_day], ordered by first day, then id,
 * descending.  A cursor continues after the last entry of the page
 * before: entries strictly after (before_start, before_id) in that order
 * are left out; before_id 0 is the first page.  Entries added or removed
 * meanwhile do not shift the pages that follow.  A page reads about
 * "limit" rows per child through the (child, start) indexes, however
 * long the history.
 */
LULL_MUST_CHECK enum lull_err lull_store_sleep_page(struct lull_store *,
    int64_t household_id, int64_t child_id, int64_t from_utc, int64_t to_utc,
    int64_t before_start, int64_t before_id, size_t limit,
    struct lull_sleepv *out);
LULL_MUST_CHECK enum lull_err lull_store_feed_page(struct lull_store *,
    int64_t household_id, int64_t child_id, int64_t from_utc, int64_t to_utc,
    int64_t before_start, int64_t before_id, size_t limit,
    struct lull_feedv *out);
LULL_MUST_CHECK enum lull_err lull_store_tag_page(struct lull_store *,
    int64_t household_id, int64_t child_id, int32_t from_day, int32_t to_day,
    int32_t before_day, int64_t before_id, size_t limit,
    struct lull_tagv *out);

/*
 * Plans (plan.h, "plans as stored").  A plan's own fields are checked on
 * every write: a profile (JSON text, not blank; its content is the
 * caller's, see lull_profile_from_json()), a method, a start day, a step
 * from 1 to LULL_PLAN_MAX_STEPS not before the start, and a pause day
 * while paused.  At most one plan per child is active.
 *
 * _add stores "p" for p->child_id.  If p->active (the default from
 * lull_plan_record_init()), the child's active plan, if any, is marked
 * inactive (its version bumped) in the same transaction, and "p" becomes
 * the active one; a record given with active 0 is kept as a past plan
 * and touches no other (a restore of history).  On success p->id and
 * p->meta are filled in.
 */
LULL_MUST_CHECK enum lull_err lull_store_plan_add(struct lull_store *,
    struct lull_plan_record *p, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_plan_get(struct lull_store *,
    int64_t id, struct lull_plan_record *out);
/* The child's active plan, LULL_ENOTFOUND if it has none. */
LULL_MUST_CHECK enum lull_err lull_store_plan_active(struct lull_store *,
    int64_t child_id, struct lull_plan_record *out);
/* Every plan of the household's children, active or not, oldest first. */
LULL_MUST_CHECK enum lull_err lull_store_plan_list(struct lull_store *,
    int64_t household_id, struct lull_plan_recordv *out);

/*
 * A morning's outcome, in one transaction: write the plan's new state and
 * active flag (its child, profile and method stay as stored) and append
 * "ev" to its history.  The version check of updates applies: a stale
 * p->meta.version refuses both with LULL_ECONFLICT, and so does a plan
 * that is no longer active (its history is closed).  ev->plan_id may be 0
 * (it is taken from p->id); ev's meta is always the actor's, now.  On
 * success p->meta (new version) and ev->id, ev->plan_id and ev->meta are
 * filled in.
 */
LULL_MUST_CHECK enum lull_err lull_store_plan_record(struct lull_store *,
    struct lull_plan_record *p, struct lull_plan_event *ev,
    const struct lull_actor *);
/*
 * Append "ev" to plan ev->plan_id's history without changing the plan
 * (a restore; its meta is kept when it carries a creation time).  Events
 * are never edited or deleted; deleting the child deletes them.
 */
LULL_MUST_CHECK enum lull_err lull_store_plan_event_add(struct lull_store *,
    struct lull_plan_event *ev, const struct lull_actor *);
/* The plan's history, oldest first. */
LULL_MUST_CHECK enum lull_err lull_store_plan_events(struct lull_store *,
    int64_t plan_id, struct lull_plan_eventv *out);

/*
 * The adults' own records (care.h).  Privacy is enforced here, for every
 * caller:
 *  - writes: only the author adds, changes or deletes a record.  _add
 *    takes the author from actor->caregiver_id (p->author_id is
 *    overwritten; an actor of 0 or of another household is refused with
 *    LULL_EINVAL, field "as"), runs lull_personal_check() (a screen's
 *    total, band and self_harm are computed and written back into "p"),
 *    checks that to_id is another adult of the household, and fills p->id
 *    and p->meta.  _update and _delete by anyone but the author answer as
 *    for a record that does not exist when the actor may not see it, and
 *    LULL_EINVAL (field "as") when they may see it but did not write it.
 *  - reads: "viewer_id" is the adult reading; a record lull_personal_
 *    visible() does not show them is LULL_ENOTFOUND on _get and left out
 *    of _list, exactly like one that does not exist.  A viewer of 0 sees
 *    nothing personal.
 * The one-check-in-a-day rule is a LULL_ECONFLICT naming "day".  A field
 * the record's kind does not use (care.h) is refused (LULL_EINVAL naming
 * it) rather than dropped; a blank text counts as none.  On _update a
 * record keeps its household, author and kind.
 */
LULL_MUST_CHECK enum lull_err lull_store_personal_add(struct lull_store *,
    struct lull_personal *p, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_personal_get(struct lull_store *,
    int64_t id, int64_t viewer_id, struct lull_personal *out);
LULL_MUST_CHECK enum lull_err lull_store_personal_update(struct lull_store *,
    struct lull_personal *p, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_personal_delete(struct lull_store *,
    int64_t id, const struct lull_actor *);
/*
 * The records of days [from_day, to_day] the viewer may see, of one kind
 * (kind -1: every kind), oldest first (by day, then start, then id).
 */
LULL_MUST_CHECK enum lull_err lull_store_personal_list(struct lull_store *,
    int64_t household_id, int64_t viewer_id, int kind, int32_t from_day,
    int32_t to_day, struct lull_personalv *out);
/*
 * For a restore only: add "p" as its author (p->author_id, which must be
 * an adult of p->household_id) with its meta kept as given.
 */
LULL_MUST_CHECK enum lull_err lull_store_personal_restore(struct lull_store *,
    struct lull_personal *p);
/*
 * How many personal records the household holds, whoever wrote them and
 * whoever may see them: a number, nothing of their content (an export
 * says how many records it left out, so that none is lost unseen).
 */
LULL_MUST_CHECK enum lull_err lull_store_personal_count(struct lull_store *,
    int64_t household_id, size_t *n);

/* Rituals: shared by the household's adults; names unique within it;
 * lull_ritual_check() on add and update. */
LULL_MUST_CHECK enum lull_err lull_store_ritual_add(struct lull_store *,
    struct lull_ritual *, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_ritual_get(struct lull_store *,
    int64_t id, struct lull_ritual *out);
LULL_MUST_CHECK enum lull_err lull_store_ritual_find(struct lull_store *,
    int64_t household_id, const char *name, struct lull_ritual *out);
LULL_MUST_CHECK enum lull_err lull_store_ritual_update(struct lull_store *,
    struct lull_ritual *, const struct lull_actor *);
LULL_MUST_CHECK enum lull_err lull_store_ritual_delete(struct lull_store *,
    int64_t id);
LULL_MUST_CHECK enum lull_err lull_store_ritual_list(struct lull_store *,
    int64_t household_id, struct lull_ritualv *out);

#endif
