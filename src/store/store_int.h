/*
 * The store's insides, shared by the backend-neutral layer (store.c), the
 * backends (store_sqlite.c, later store_pg.c) and the generated table of
 * migrations.  Never installed.
 *
 * The split: store.c owns the rules (journal.h checks, versions, meta,
 * references, transactions and their nesting); a backend only moves rows
 * in and out with bound parameters and reports what the database said.
 * A backend never decides whether a write is allowed.
 * SPDX-License-Identifier: ISC
 */
#ifndef STORE_INT_H
#define STORE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "lull/account.h"
#include "lull/care.h"
#include "lull/err.h"
#include "lull/model.h"
#include "lull/plan.h"
#include "lull/store.h"

/* One numbered file of src/store/sql, embedded by scripts/embed-sql.sh. */
struct store_migration {
	int version;
	const char *name; /* "0001_init" */
	const char *sql;
};

extern const struct store_migration store_migrations[];
extern const size_t store_nmigrations;

/*
 * Transaction primitives.  Savepoints all share one name: both SQLite and
 * PostgreSQL resolve a repeated name to the innermost one, so nesting
 * needs no generated SQL.
 */
enum store_tx {
	STORE_TX_BEGIN_READ,  /* a snapshot for a multi-statement read */
	STORE_TX_BEGIN_WRITE, /* take the write lock now (BEGIN IMMEDIATE) */
	STORE_TX_COMMIT,
	STORE_TX_ROLLBACK,
	STORE_TX_SAVEPOINT,
	STORE_TX_RELEASE,
	STORE_TX_ROLLBACK_TO, /* back to the innermost savepoint, kept open */
	STORE_TX__MAX
};

/*
 * Rows of account.h that have no public record.  Secrets arrive hashed:
 * "hash" arguments below are the SHA-256 of the text handed out, in
 * lower-case hex (STORE_HASH_HEX characters); "pwhash" is the argon2id
 * string.  Neither is ever read back out but by the lookups that need
 * it (login reads its account's pwhash).
 */
#define STORE_HASH_HEX 64

struct store_session {
	int64_t account_id;
	char csrf[LULL_TOKEN_LEN + 1];
	int64_t created_utc;
	int64_t expires_utc;
};

struct store_invite {
	int64_t id;
	int64_t household_id;
	enum lull_access access;
	int parent; /* 1: the owner said a parent of the child (0007) */
	char *name; /* the caregiver's name in the journal */
	int64_t by_account;  /* 0 once that account is deleted */
	int64_t created_utc;
	int64_t expires_utc;
	int64_t used_utc; /* LULL_NO_TIME: not used yet */
	int64_t used_by;
};

void store_invite_free(struct store_invite *);

/* account.c's vectors, for the backends' listings: take "item"'s
 * contents on success. */
enum lull_err store_accountv_push(struct lull_accountv *,
    struct lull_account *item);
enum lull_err store_membershipv_push(struct lull_membershipv *,
    struct lull_membership *item);
enum lull_err store_api_tokenv_push(struct lull_api_tokenv *,
    struct lull_api_token *item);
enum lull_err store_invitev_push(struct lull_invitev *,
    struct lull_invite *item);

/*
 * A backend.  Conventions for every function:
 *  - every failure fills st->ei: LULL_ENOTFOUND when the row asked for
 *    does not exist (a plain "no sleep with id 12", which store.c may
 *    reword as it knows what the caller meant), LULL_ECONFLICT for a
 *    uniqueness violation naming the field, LULL_EINVAL for a value the
 *    schema refuses, LULL_ESTORE with the database's own words;
 *  - records come in fully settled (meta filled, version bumped): the
 *    backend writes every field as given;
 *  - out-parameters are overwritten, and left empty on failure.
 * Sleeps come and go without their wakings: those are separate rows with
 * their own functions.
 */
struct store_ops {
	const char *scheme; /* "sqlite" */
	enum lull_err (*open)(struct lull_store *, const char *rest);
	void (*close)(struct lull_store *);
	enum lull_err (*tx)(struct lull_store *, enum store_tx);

	/* Highest applied migration, 0 if none (or no version table yet). */
	enum lull_err (*schema_get)(struct lull_store *, int *version);
	/* Run one migration and record it; inside a write transaction. */
	enum lull_err (*schema_apply)(struct lull_store *,
	    const struct store_migration *);

	enum lull_err (*household_insert)(struct lull_store *,
	    const struct lull_household *, int64_t *id);
	/* id 0: the household with the lowest id. */
	enum lull_err (*household_get)(struct lull_store *, int64_t id,
	    struct lull_household *out);
	enum lull_err (*household_update)(struct lull_store *,
	    const struct lull_household *);
	/* Deletes the household's children, caregivers (their personal
	 * records go with them) and rituals. */
	enum lull_err (*household_clear)(struct lull_store *, int64_t id);

	enum lull_err (*caregiver_insert)(struct lull_store *,
	    const struct lull_caregiver *, int64_t *id);
	enum lull_err (*caregiver_get)(struct lull_store *, int64_t id,
	    struct lull_caregiver *out);
	enum lull_err (*caregiver_find)(struct lull_store *,
	    int64_t household_id, const char *name, struct lull_caregiver *out);
	enum lull_err (*caregiver_list)(struct lull_store *,
	    int64_t household_id, struct lull_caregiverv *out);
	enum lull_err (*caregiver_update)(struct lull_store *,
	    const struct lull_caregiver *);
	enum lull_err (*caregiver_delete)(struct lull_store *, int64_t id);

	enum lull_err (*child_insert)(struct lull_store *,
	    const struct lull_child *, int64_t *id);
	enum lull_err (*child_get)(struct lull_store *, int64_t id,
	    struct lull_child *out);
	enum lull_err (*child_find)(struct lull_store *, int64_t household_id,
	    const char *name, struct lull_child *out);
	enum lull_err (*child_list)(struct lull_store *, int64_t household_id,
	    struct lull_childv *out);
	enum lull_err (*child_update)(struct lull_store *,
	    const struct lull_child *);
	enum lull_err (*child_delete)(struct lull_store *, int64_t id);

	enum lull_err (*sleep_insert)(struct lull_store *,
	    const struct lull_sleep *, int64_t *id);
	/* Many rows in order, their ids into ids[] (an import's batch). */
	enum lull_err (*sleep_insert_many)(struct lull_store *,
	    const struct lull_sleep *const *v, size_t n, int64_t *ids);
	enum lull_err (*sleep_get)(struct lull_store *, int64_t id,
	    struct lull_sleep *out);
	enum lull_err (*sleep_update)(struct lull_store *,
	    const struct lull_sleep *);
	enum lull_err (*sleep_delete)(struct lull_store *, int64_t id);
	/* Intersecting [from, to); child_id 0: all of the household's. */
	enum lull_err (*sleep_range)(struct lull_store *, int64_t household_id,
	    int64_t child_id, int64_t from_utc, int64_t to_utc,
	    struct lull_sleepv *out);
	enum lull_err (*sleep_ongoing)(struct lull_store *, int64_t child_id,
	    struct lull_sleep *out);
	enum lull_err (*sleep_at)(struct lull_store *, int64_t child_id,
	    int64_t utc, struct lull_sleep *out);

	enum lull_err (*waking_insert)(struct lull_store *,
	    const struct lull_waking *, int64_t *id);
	enum lull_err (*waking_get)(struct lull_store *, int64_t id,
	    struct lull_waking *out);
	enum lull_err (*waking_update)(struct lull_store *,
	    const struct lull_waking *);
	enum lull_err (*waking_delete)(struct lull_store *, int64_t id);
	/* Append the wakings of sleep s->id to s, oldest first. */
	enum lull_err (*waking_list)(struct lull_store *, struct lull_sleep *s);
	/* Append to the sleeps in sv, which sleep_range() returned for the
	 * same arguments, their wakings, in one read. */
	enum lull_err (*waking_range)(struct lull_store *, int64_t household_id,
	    int64_t child_id, int64_t from_utc, int64_t to_utc,
	    struct lull_sleepv *sv);

	enum lull_err (*feed_insert)(struct lull_store *,
	    const struct lull_feed *, int64_t *id);
	enum lull_err (*feed_insert_many)(struct lull_store *,
	    const struct lull_feed *const *v, size_t n, int64_t *ids);
	enum lull_err (*feed_get)(struct lull_store *, int64_t id,
	    struct lull_feed *out);
	enum lull_err (*feed_update)(struct lull_store *,
	    const struct lull_feed *);
	enum lull_err (*feed_delete)(struct lull_store *, int64_t id);
	/* Starting in [from, to); child_id 0: all of the household's. */
	enum lull_err (*feed_range)(struct lull_store *, int64_t household_id,
	    int64_t child_id, int64_t from_utc, int64_t to_utc,
	    struct lull_feedv *out);

	enum lull_err (*tag_insert)(struct lull_store *,
	    const struct lull_tag *, int64_t *id);
	enum lull_err (*tag_get)(struct lull_store *, int64_t id,
	    struct lull_tag *out);
	enum lull_err (*tag_update)(struct lull_store *,
	    const struct lull_tag *);
	enum lull_err (*tag_delete)(struct lull_store *, int64_t id);
	/* [from_day, to_day] meeting [from, to]; child_id 0: all. */
	enum lull_err (*tag_range)(struct lull_store *, int64_t household_id,
	    int64_t child_id, int32_t from_day, int32_t to_day,
	    struct lull_tagv *out);

	/*
	 * Pages of one child's entries for listings, newest first, at most
	 * "limit" rows, read through the (child_id, start) indexes so that
	 * the cost of a page does not grow with the history.  Sleeps and
	 * feeds: start in [from_utc, to_utc) and (start, id) before
	 * (before_start, before_id), ordered by start, then id, descending.
	 * Tags: [from_day, to_day] meeting [from, to] and (from_day, id)
	 * before (before_day, before_id).  store.c folds the end of the
	 * span into the cursor ((to_utc, 0) when there is none: ids are
	 * positive).  Sleeps come without their wakings.
	 */
	enum lull_err (*sleep_page)(struct lull_store *, int64_t child_id,
	    int64_t from_utc, int64_t before_start, int64_t before_id,
	    size_t limit, struct lull_sleepv *out);
	enum lull_err (*feed_page)(struct lull_store *, int64_t child_id,
	    int64_t from_utc, int64_t before_start, int64_t before_id,
	    size_t limit, struct lull_feedv *out);
	enum lull_err (*tag_page)(struct lull_store *, int64_t child_id,
	    int32_t from_day, int32_t before_day, int64_t before_id,
	    size_t limit, struct lull_tagv *out);

	/* Plans: _update writes every field of the record by its id. */
	enum lull_err (*plan_insert)(struct lull_store *,
	    const struct lull_plan_record *, int64_t *id);
	enum lull_err (*plan_get)(struct lull_store *, int64_t id,
	    struct lull_plan_record *out);
	enum lull_err (*plan_active)(struct lull_store *, int64_t child_id,
	    struct lull_plan_record *out);
	/* Every plan of the household's children, by id. */
	enum lull_err (*plan_list)(struct lull_store *, int64_t household_id,
	    struct lull_plan_recordv *out);
	enum lull_err (*plan_update)(struct lull_store *,
	    const struct lull_plan_record *);
	/* Events are only ever inserted and listed (by id). */
	enum lull_err (*plan_event_insert)(struct lull_store *,
	    const struct lull_plan_event *, int64_t *id);
	enum lull_err (*plan_event_list)(struct lull_store *, int64_t plan_id,
	    struct lull_plan_eventv *out);

	/*
	 * The adults' own records (care.h).  The backend moves them
	 * unfiltered: who may see which is decided in store.c, never here.
	 */
	enum lull_err (*personal_insert)(struct lull_store *,
	    const struct lull_personal *, int64_t *id);
	enum lull_err (*personal_get)(struct lull_store *, int64_t id,
	    struct lull_personal *out);
	enum lull_err (*personal_update)(struct lull_store *,
	    const struct lull_personal *);
	enum lull_err (*personal_delete)(struct lull_store *, int64_t id);
	/* Every record of the household of days [from_day, to_day], of one
	 * kind (-1: all), by day, then start (none first), then id. */
	enum lull_err (*personal_range)(struct lull_store *,
	    int64_t household_id, int kind, int32_t from_day, int32_t to_day,
	    struct lull_personalv *out);
	/* How many records the household holds, whoever wrote them. */
	enum lull_err (*personal_count)(struct lull_store *,
	    int64_t household_id, size_t *n);

	enum lull_err (*ritual_insert)(struct lull_store *,
	    const struct lull_ritual *, int64_t *id);
	enum lull_err (*ritual_get)(struct lull_store *, int64_t id,
	    struct lull_ritual *out);
	enum lull_err (*ritual_find)(struct lull_store *, int64_t household_id,
	    const char *name, struct lull_ritual *out);
	enum lull_err (*ritual_update)(struct lull_store *,
	    const struct lull_ritual *);
	enum lull_err (*ritual_delete)(struct lull_store *, int64_t id);
	/* By id. */
	enum lull_err (*ritual_list)(struct lull_store *, int64_t household_id,
	    struct lull_ritualv *out);

	/* The household row; everything in it goes by the schema's
	 * cascades. */
	enum lull_err (*household_delete)(struct lull_store *, int64_t id);

	/*
	 * Accounts (account.h).  Emails arrive in lower case; a duplicate
	 * is LULL_ECONFLICT.  "pwhash" out-parameters may be NULL; else
	 * they receive a malloc'd copy.
	 */
	enum lull_err (*account_insert)(struct lull_store *,
	    const struct lull_account *, const char *pwhash, int64_t *id);
	enum lull_err (*account_get)(struct lull_store *, int64_t id,
	    struct lull_account *out, char **pwhash);
	enum lull_err (*account_find)(struct lull_store *, const char *email,
	    struct lull_account *out, char **pwhash);
	/* By id. */
	enum lull_err (*account_list)(struct lull_store *,
	    struct lull_accountv *out);
	/* Writes the hash and a->version. */
	enum lull_err (*account_set_password)(struct lull_store *,
	    const struct lull_account *a, const char *pwhash);

	enum lull_err (*session_insert)(struct lull_store *, const char *hash,
	    const struct store_session *);
	enum lull_err (*session_get)(struct lull_store *, const char *hash,
	    struct store_session *out);
	enum lull_err (*session_touch)(struct lull_store *, const char *hash,
	    int64_t expires_utc);
	enum lull_err (*session_delete)(struct lull_store *, const char *hash);
	/* Every session of the account; none is not an error. */
	enum lull_err (*session_delete_account)(struct lull_store *,
	    int64_t account_id);
	/* Sessions whose expiry is at or before "now". */
	enum lull_err (*session_delete_expired)(struct lull_store *,
	    int64_t now);

	enum lull_err (*token_insert)(struct lull_store *,
	    const struct lull_api_token *, const char *hash, int64_t *id);
	enum lull_err (*token_get)(struct lull_store *, int64_t id,
	    struct lull_api_token *out);
	enum lull_err (*token_find)(struct lull_store *, const char *hash,
	    struct lull_api_token *out);
	/* The account's tokens, revoked ones too, by id. */
	enum lull_err (*token_list)(struct lull_store *, int64_t account_id,
	    struct lull_api_tokenv *out);
	/* Writes last_used_utc and revoked_utc by id. */
	enum lull_err (*token_update)(struct lull_store *,
	    const struct lull_api_token *);

	/* Memberships come back with the household's name and the
	 * account's email and name. */
	enum lull_err (*membership_insert)(struct lull_store *,
	    const struct lull_membership *, int64_t created_utc);
	enum lull_err (*membership_get)(struct lull_store *, int64_t account_id,
	    int64_t household_id, struct lull_membership *out);
	/* A household's members (account_id 0), by account id, or an
	 * account's households (household_id 0), by household id. */
	enum lull_err (*membership_list)(struct lull_store *,
	    int64_t account_id, int64_t household_id,
	    struct lull_membershipv *out);
	/* Writes the access. */
	enum lull_err (*membership_update)(struct lull_store *,
	    const struct lull_membership *);
	enum lull_err (*membership_delete)(struct lull_store *,
	    int64_t account_id, int64_t household_id);

	enum lull_err (*invite_insert)(struct lull_store *,
	    const struct store_invite *, const char *hash, int64_t *id);
	enum lull_err (*invite_find)(struct lull_store *, const char *hash,
	    struct store_invite *out);
	enum lull_err (*invite_use)(struct lull_store *, int64_t id,
	    int64_t used_utc, int64_t used_by);
	/* The household's invitations not used and not expired at "now",
	 * by id, with the inviting account's name. */
	enum lull_err (*invite_list)(struct lull_store *,
	    int64_t household_id, int64_t now, struct lull_invitev *out);
	/* One unused invitation of the household (LULL_ENOTFOUND if none). */
	enum lull_err (*invite_delete)(struct lull_store *,
	    int64_t household_id, int64_t id);
	/* Every unused invitation "by_account" made in the household; none
	 * is not an error. */
	enum lull_err (*invite_delete_by)(struct lull_store *,
	    int64_t household_id, int64_t by_account);

	/* Tokens: revoke every valid one of the account at "now"; *n says
	 * how many (none is not an error). */
	enum lull_err (*token_revoke_account)(struct lull_store *,
	    int64_t account_id, int64_t now, size_t *n);

	/*
	 * The caregivers that have stood for an account (migration 0007):
	 * _link notes "account_id" as the record's account (the latest
	 * wins); _linked gives it (*linked 0: never; 1 with *account_id,
	 * 0 once that account was deleted).
	 */
	enum lull_err (*caregiver_link)(struct lull_store *,
	    int64_t caregiver_id, int64_t account_id, int64_t since_utc);
	enum lull_err (*caregiver_linked)(struct lull_store *,
	    int64_t caregiver_id, int *linked, int64_t *account_id);
	/* How many personal records (care.h) the caregiver wrote. */
	enum lull_err (*personal_count_author)(struct lull_store *,
	    int64_t caregiver_id, size_t *n);
};

struct lull_store {
	const struct store_ops *ops;
	void *impl;             /* the backend's connection state */
	struct lull_errinfo ei; /* last failure, for lull_store_error() */
	int depth; /* open levels: 1 = transaction, more = savepoints */
	int snap;  /* a read snapshot is open (lull_store_snapshot()) */
	int schema_version;
};

extern const struct store_ops store_sqlite_ops;

/*
 * store.c's transaction levels, for the other files that own rules
 * (account.c), with the same meaning as there: every public call starts
 * with store_fresh(); a write is store_write_begin(), the work, then
 * store_write_end() with its code (kept only if LULL_OK); a read of
 * several statements sits between store_read_begin() and _end().
 */
void store_fresh(struct lull_store *);
enum lull_err store_write_begin(struct lull_store *);
enum lull_err store_write_end(struct lull_store *, enum lull_err rc);
enum lull_err store_read_begin(struct lull_store *, int *opened);
enum lull_err store_read_end(struct lull_store *, int opened,
    enum lull_err rc);

#endif
