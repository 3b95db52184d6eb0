/*
 * The store's backend-neutral half: picks a backend from the spec, brings
 * the schema up to date, and wraps every write in a transaction (or, inside
 * lull_store_begin(), a savepoint) in which it runs the journal's rules,
 * checks that what the record refers to exists, compares versions and
 * fills the who-and-when of each record.  Backends only move rows; no rule
 * lives there, so a second backend cannot weaken one.
 * SPDX-License-Identifier: ISC
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/journal.h"
#include "lull/plan.h"
#include "lull/screen.h"
#include "lull/store.h"

#include "store/store_int.h"

static const struct store_ops *const backends[] = {
	&store_sqlite_ops,
};
#define NBACKENDS (sizeof(backends) / sizeof(backends[0]))

/*
 * "sqlite:PATH" or a plain path.  A scheme is a letter then letters,
 * digits, "+", "-" or ".", before the first ":"; anything else is a path
 * (so "./a:b.db" is a file, and "sqlite:a:b.db" says so explicitly).
 */
static enum lull_err
parse_spec(const char *spec, const struct store_ops **ops, const char **rest,
    struct lull_errinfo *ei)
{
	size_t n, i;

	*ops = NULL;
	*rest = NULL;
	if (spec == NULL || *spec == '\0')
		return lull_errinfo_set(ei, LULL_EINVAL, "db",
		    "db: no database given");
	n = strspn(spec,
	    "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
	if (n == 0 || spec[n] != ':' ||
	    !((spec[0] >= 'a' && spec[0] <= 'z') ||
		(spec[0] >= 'A' && spec[0] <= 'Z'))) {
		*ops = &store_sqlite_ops;
		*rest = spec;
		return LULL_OK;
	}
	for (i = 0; i < NBACKENDS; i++)
		if (strlen(backends[i]->scheme) == n &&
		    strncmp(backends[i]->scheme, spec, n) == 0) {
			*ops = backends[i];
			*rest = spec + n + 1;
			return LULL_OK;
		}
	return lull_errinfo_set(ei, LULL_EINVAL, "db",
	    "db: \"%.*s\" is not a kind of store this lull knows "
	    "(use sqlite:PATH or a file name)",
	    (int)(n > 40 ? 40 : n), spec);
}

/* Undo, keeping the message of the failure that made us undo. */
static void
undo(struct lull_store *st, enum store_tx op)
{
	struct lull_errinfo keep = st->ei;

	(void)st->ops->tx(st, op);
	st->ei = keep;
}

static enum lull_err
migrate(struct lull_store *st)
{
	const struct store_migration *m;
	enum lull_err rc;
	int cur, latest = 0;
	size_t i;

	for (i = 0; i < store_nmigrations; i++) {
		/* embed-sql.sh is given the files sorted; a gap in the
		 * order would skip a migration on some databases. */
		assert(store_migrations[i].version > latest);
		latest = store_migrations[i].version;
	}
	rc = st->ops->schema_get(st, &cur);
	if (rc != LULL_OK)
		return rc;
	for (i = 0; i < store_nmigrations && cur <= latest; i++) {
		m = &store_migrations[i];
		if (m->version <= cur)
			continue;
		/* Each step in its own transaction, and the version read
		 * again under the write lock: another process opening the
		 * same new file may have just done this step. */
		rc = st->ops->tx(st, STORE_TX_BEGIN_WRITE);
		if (rc != LULL_OK)
			return rc;
		rc = st->ops->schema_get(st, &cur);
		if (rc == LULL_OK && m->version > cur && cur <= latest)
			rc = st->ops->schema_apply(st, m);
		if (rc == LULL_OK)
			rc = st->ops->tx(st, STORE_TX_COMMIT);
		if (rc != LULL_OK) {
			undo(st, STORE_TX_ROLLBACK);
			return rc;
		}
		if (m->version > cur)
			cur = m->version;
	}
	if (cur > latest)
		return lull_errinfo_set(&st->ei, LULL_ESTORE, "db",
		    "db: the database is at schema version %d, newer than "
		    "this lull (which knows up to %d); use a newer lull",
		    cur, latest);
	st->schema_version = cur;
	return LULL_OK;
}

enum lull_err
lull_store_open(struct lull_store **out, const char *spec,
    struct lull_errinfo *ei)
{
	const struct store_ops *ops;
	struct lull_store *st;
	const char *rest;
	enum lull_err rc;

	*out = NULL;
	lull_errinfo_clear(ei);
	rc = parse_spec(spec, &ops, &rest, ei);
	if (rc != LULL_OK)
		return rc;
	if ((st = calloc(1, sizeof(*st))) == NULL)
		return lull_errinfo_set(ei, LULL_ENOMEM, "", "out of memory");
	st->ops = ops;
	rc = ops->open(st, rest);
	if (rc != LULL_OK) {
		if (ei != NULL)
			*ei = st->ei;
		free(st);
		return rc;
	}
	rc = migrate(st);
	if (rc != LULL_OK) {
		if (ei != NULL)
			*ei = st->ei;
		lull_store_close(st);
		return rc;
	}
	*out = st;
	return LULL_OK;
}

void
lull_store_close(struct lull_store *st)
{
	if (st == NULL)
		return;
	/* A transaction left open is rolled back by the backend's close:
	 * the caller never committed it. */
	st->ops->close(st);
	free(st);
}

const struct lull_errinfo *
lull_store_error(const struct lull_store *st)
{
	return &st->ei;
}

int
lull_store_schema_version(const struct lull_store *st)
{
	return st->schema_version;
}

/* Every public call starts from a clean message. */
static void
fresh(struct lull_store *st)
{
	assert(st != NULL);
	lull_errinfo_clear(&st->ei);
}

/* Open one level: the transaction at the bottom, savepoints above it. */
static void snapshot_end(struct lull_store *);

static enum lull_err
level_push(struct lull_store *st)
{
	enum lull_err rc;

	/* A write ends a read snapshot first: a write transaction starts
	 * from the newest state, never from a snapshot gone stale. */
	if (st->snap)
		snapshot_end(st);
	rc = st->ops->tx(st,
	    st->depth == 0 ? STORE_TX_BEGIN_WRITE : STORE_TX_SAVEPOINT);
	if (rc == LULL_OK)
		st->depth++;
	return rc;
}

/*
 * Close the innermost level, keeping its writes if "keep".  A level that
 * cannot be kept (commit failed) is undone, so either way the database is
 * as the caller was told.
 */
static enum lull_err
level_pop(struct lull_store *st, int keep)
{
	enum lull_err rc = LULL_OK;

	assert(st->depth > 0);
	st->depth--;
	if (keep) {
		rc = st->ops->tx(st,
		    st->depth == 0 ? STORE_TX_COMMIT : STORE_TX_RELEASE);
		if (rc == LULL_OK)
			return LULL_OK;
	}
	if (st->depth == 0)
		undo(st, STORE_TX_ROLLBACK);
	else {
		undo(st, STORE_TX_ROLLBACK_TO);
		undo(st, STORE_TX_RELEASE);
	}
	return rc;
}

/* End a write begun with level_push(), keeping it only if "rc" is OK. */
static enum lull_err
write_end(struct lull_store *st, enum lull_err rc)
{
	enum lull_err prc = level_pop(st, rc == LULL_OK);

	return rc != LULL_OK ? rc : prc;
}

/*
 * Reads of more than one statement (a sleep and its wakings) see one
 * snapshot.  Inside a transaction they already do.
 */
static enum lull_err
read_begin(struct lull_store *st, int *opened)
{
	enum lull_err rc;

	*opened = 0;
	if (st->depth > 0 || st->snap)
		return LULL_OK;
	rc = st->ops->tx(st, STORE_TX_BEGIN_READ);
	if (rc == LULL_OK)
		*opened = 1;
	return rc;
}

static enum lull_err
read_end(struct lull_store *st, int opened, enum lull_err rc)
{
	enum lull_err crc;

	if (!opened)
		return rc;
	if (rc == LULL_OK) {
		crc = st->ops->tx(st, STORE_TX_COMMIT);
		if (crc == LULL_OK)
			return LULL_OK;
		rc = crc;
	}
	undo(st, STORE_TX_ROLLBACK);
	return rc;
}

enum lull_err
lull_store_begin(struct lull_store *st)
{
	fresh(st);
	return level_push(st);
}

enum lull_err
lull_store_commit(struct lull_store *st)
{
	fresh(st);
	if (st->depth == 0)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "",
		    "commit without a transaction to commit");
	return level_pop(st, 1);
}

void
lull_store_rollback(struct lull_store *st)
{
	fresh(st);
	if (st->depth > 0)
		(void)level_pop(st, 0);
}

int
lull_store_depth(const struct lull_store *st)
{
	return st->depth;
}

static void
snapshot_end(struct lull_store *st)
{
	st->snap = 0;
	if (st->ops->tx(st, STORE_TX_COMMIT) != LULL_OK)
		undo(st, STORE_TX_ROLLBACK);
}

enum lull_err
lull_store_snapshot(struct lull_store *st)
{
	enum lull_err rc;

	fresh(st);
	if (st->depth > 0 || st->snap)
		return LULL_OK;
	rc = st->ops->tx(st, STORE_TX_BEGIN_READ);
	if (rc == LULL_OK)
		st->snap = 1;
	return rc;
}

void
lull_store_snapshot_end(struct lull_store *st)
{
	if (st->snap)
		snapshot_end(st);
}

/* Say which record was missing, in the caller's terms. */
static enum lull_err
missing(struct lull_store *st, enum lull_err rc, const char *field,
    const char *what, int64_t id)
{
	if (rc != LULL_ENOTFOUND)
		return rc;
	return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, field,
	    "%s: there is no %s with id %lld", field, what, (long long)id);
}

static int
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t")] == '\0';
}

static enum lull_err
need_text(struct lull_store *st, const char *s, const char *field,
    const char *what)
{
	if (blank(s))
		return lull_errinfo_set(&st->ei, LULL_EINVAL, field, "%s: %s",
		    field, what);
	return LULL_OK;
}

/* The household must exist. */
static enum lull_err
need_household(struct lull_store *st, int64_t id)
{
	struct lull_household h;
	enum lull_err rc;

	if (id <= 0)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "household",
		    "household: %lld is not a household id", (long long)id);
	rc = st->ops->household_get(st, id, &h);
	lull_household_free(&h);
	return missing(st, rc, "household", "household", id);
}

/*
 * The child must exist; says which household it is in and, if "born" is
 * not NULL, the day they were born (entries before it are typos).
 */
static enum lull_err
need_child_born(struct lull_store *st, int64_t id, int64_t *household_id,
    int32_t *born)
{
	struct lull_child k;
	enum lull_err rc;

	*household_id = 0;
	if (born != NULL)
		*born = LULL_NO_DAY;
	if (id <= 0)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "child",
		    "child: %lld is not a child id", (long long)id);
	rc = st->ops->child_get(st, id, &k);
	if (rc == LULL_OK) {
		*household_id = k.household_id;
		if (born != NULL)
			*born = k.born_day;
	}
	lull_child_free(&k);
	return missing(st, rc, "child", "child", id);
}

static enum lull_err
need_child(struct lull_store *st, int64_t id, int64_t *household_id)
{
	return need_child_born(st, id, household_id, NULL);
}

/*
 * An entry cannot come before the child was born: that is a wrong date
 * (a year typed wrong, an import read in the wrong order).  The day is
 * local to the household when its zone is at hand.
 */
static enum lull_err
after_birth(struct lull_store *st, int32_t born, int64_t utc,
    const struct lull_tz *tz, const char *field)
{
	char a[16], b[16];
	int32_t day;

	if (born == LULL_NO_DAY || utc == LULL_NO_TIME)
		return LULL_OK;
	day = tz != NULL ? lull_local_day(tz, utc) :
			   (int32_t)((utc >= 0 ? utc : utc - 86399) / 86400);
	if (day >= born)
		return LULL_OK;
	lull_date_format(day, a, sizeof(a));
	lull_date_format(born, b, sizeof(b));
	return lull_errinfo_set(&st->ei, LULL_EINVAL, field,
	    "%s: %s is before the child was born (%s)", field, a, b);
}

/*
 * A caregiver a record names must exist and, where "household_id" is
 * given, belong to that household: a sleep settled by someone from
 * another family is a mistake in the ids.  0 is "not recorded".
 */
static enum lull_err
need_caregiver(struct lull_store *st, int64_t id, int64_t household_id,
    const char *field)
{
	struct lull_caregiver g;
	enum lull_err rc;
	int64_t hh;

	if (id == 0)
		return LULL_OK;
	if (id < 0)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, field,
		    "%s: %lld is not a caregiver id", field, (long long)id);
	rc = st->ops->caregiver_get(st, id, &g);
	hh = g.household_id;
	lull_caregiver_free(&g);
	if (rc != LULL_OK)
		return missing(st, rc, field, "caregiver", id);
	if (household_id != 0 && hh != household_id)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, field,
		    "%s: caregiver %lld belongs to another household", field,
		    (long long)id);
	return LULL_OK;
}

static enum lull_err
need_actor(struct lull_store *st, const struct lull_actor *a)
{
	assert(a != NULL);
	return need_caregiver(st, a->caregiver_id, 0, "caregiver");
}

/*
 * Meta of a new record.  One that already has a creation time is being
 * restored (a JSON import): who logged what and when is part of the
 * journal, so it is kept as given, only made consistent.
 */
static enum lull_err
meta_insert(struct lull_store *st, struct lull_meta *m,
    const struct lull_actor *a, int check_refs)
{
	enum lull_err rc;

	if (m->created_utc == 0) {
		m->created_utc = m->updated_utc = a->now_utc;
		m->created_by = m->updated_by = a->caregiver_id;
		m->version = 1;
		return LULL_OK;
	}
	if (m->updated_utc == 0) {
		m->updated_utc = m->created_utc;
		m->updated_by = m->created_by;
	}
	if (m->version < 1)
		m->version = 1;
	if (!check_refs)
		return LULL_OK;
	rc = need_caregiver(st, m->created_by, 0, "created_by");
	if (rc != LULL_OK)
		return rc;
	return need_caregiver(st, m->updated_by, 0, "updated_by");
}

/*
 * Meta for an update of a record stored with "stored": refused when the
 * caller's copy is older than the database's (a version of 0 skips the
 * check, for callers that did not load the record first).
 */
static enum lull_err
meta_update(struct lull_store *st, struct lull_meta *m,
    const struct lull_meta *stored, const struct lull_actor *a,
    const char *what, int64_t id)
{
	if (m->version != 0 && m->version != stored->version)
		return lull_errinfo_set(&st->ei, LULL_ECONFLICT, "version",
		    "version: %s %lld was changed by someone else since you "
		    "loaded it (you have version %lld, it is now at %lld); "
		    "load it again",
		    what, (long long)id, (long long)m->version,
		    (long long)stored->version);
	*m = *stored;
	m->updated_utc = a->now_utc;
	m->updated_by = a->caregiver_id;
	m->version = stored->version + 1;
	return LULL_OK;
}

/*
 * An entry's child on update: 0 keeps the stored one; another child is
 * allowed (it was logged for the wrong twin) within the same household.
 */
static enum lull_err
move_child(struct lull_store *st, int64_t *child_id, int64_t stored_child,
    int64_t *household_id, int32_t *born)
{
	enum lull_err rc;
	int64_t old_hh;

	if (*child_id == 0)
		*child_id = stored_child;
	rc = need_child_born(st, *child_id, household_id, born);
	if (rc != LULL_OK || *child_id == stored_child)
		return rc;
	rc = need_child(st, stored_child, &old_hh);
	if (rc != LULL_OK)
		return rc;
	if (old_hh != *household_id)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "child",
		    "child: an entry can only move to a child of the same "
		    "household");
	return LULL_OK;
}

/* "Today" for a child's dates: the household's local day. */
static int32_t
today_in(const struct lull_tz *tz, int64_t now_utc)
{
	if (tz != NULL)
		return lull_local_day(tz, now_utc);
	return (int32_t)((now_utc >= 0 ? now_utc : now_utc - 86399) / 86400);
}

/* Households */

static enum lull_err
household_fields(struct lull_store *st, const struct lull_household *h)
{
	enum lull_err rc;

	rc = need_text(st, h->name, "name", "a household needs a name");
	if (rc == LULL_OK)
		rc =
		    need_text(st, h->tz, "tz", "a household needs a time zone");
	/* 0 is the default target (rota.h); the schema holds the range. */
	if (rc == LULL_OK && h->core_block_min != 0 &&
	    (h->core_block_min < 180 || h->core_block_min > 480))
		rc = lull_errinfo_set(&st->ei, LULL_EINVAL, "core_block_min",
		    "core_block_min: %ld minutes is not a sleep target "
		    "(give 180 to 480 minutes, or 0 for the default)",
		    (long)h->core_block_min);
	return rc;
}

static enum lull_err
household_add(struct lull_store *st, struct lull_household *c,
    const struct lull_actor *a, int64_t *id)
{
	enum lull_err rc;

	rc = need_actor(st, a);
	/* No reference checks on a restored household's meta: its
	 * caregivers are created after it. */
	if (rc == LULL_OK)
		rc = meta_insert(st, &c->meta, a, 0);
	if (rc == LULL_OK)
		rc = st->ops->household_insert(st, c, id);
	return rc;
}

enum lull_err
lull_store_household_add(struct lull_store *st, const struct lull_household *h,
    const struct lull_actor *a, int64_t *id)
{
	struct lull_household c = *h;
	enum lull_err rc;

	fresh(st);
	*id = 0;
	rc = household_fields(st, &c);
	if (rc == LULL_OK)
		rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, household_add(st, &c, a, id));
	if (rc != LULL_OK)
		*id = 0;
	return rc;
}

enum lull_err
lull_store_household_get(struct lull_store *st, int64_t id,
    struct lull_household *out)
{
	enum lull_err rc;

	fresh(st);
	rc = st->ops->household_get(st, id, out);
	if (rc == LULL_ENOTFOUND && id == 0)
		return lull_errinfo_set(&st->ei, rc, "household",
		    "household: there is no household yet");
	return missing(st, rc, "household", "household", id);
}

static enum lull_err
household_update(struct lull_store *st, struct lull_household *c,
    const struct lull_actor *a)
{
	struct lull_household old;
	enum lull_err rc;

	if (c->id <= 0)
		return missing(st, LULL_ENOTFOUND, "id", "household", c->id);
	rc = st->ops->household_get(st, c->id, &old);
	if (rc != LULL_OK)
		return missing(st, rc, "id", "household", c->id);
	rc = meta_update(st, &c->meta, &old.meta, a, "household", c->id);
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = st->ops->household_update(st, c);
	lull_household_free(&old);
	return rc;
}

enum lull_err
lull_store_household_update(struct lull_store *st, struct lull_household *h,
    const struct lull_actor *a)
{
	struct lull_household c = *h;
	enum lull_err rc;

	fresh(st);
	rc = household_fields(st, &c);
	if (rc == LULL_OK)
		rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, household_update(st, &c, a));
	if (rc == LULL_OK)
		h->meta = c.meta;
	return rc;
}

enum lull_err
lull_store_household_clear(struct lull_store *st, int64_t household_id)
{
	enum lull_err rc;

	fresh(st);
	rc = level_push(st);
	if (rc != LULL_OK)
		return rc;
	rc = need_household(st, household_id);
	if (rc == LULL_OK)
		rc = st->ops->household_clear(st, household_id);
	return write_end(st, rc);
}

/* Caregivers */

/* A caregiver's own fields, in the caller's terms. */
static enum lull_err
caregiver_fields(struct lull_store *st, const struct lull_caregiver *c)
{
	enum lull_err rc;

	rc = need_text(st, c->name, "name", "a caregiver needs a name");
	if (rc != LULL_OK)
		return rc;
	if ((unsigned)c->role >= LULL_ROLE__MAX)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "role",
		    "role: %d is not one of parent, helper, consultant",
		    (int)c->role);
	if ((unsigned)c->night_feeds >= LULL_NIGHT__MAX)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "night_feeds",
		    "night_feeds: %d is not one of bottle, breast, none",
		    (int)c->night_feeds);
	if (c->work_days > 0x7fu)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "work_days",
		    "work_days: %#x has bits past Sunday", c->work_days);
	return LULL_OK;
}

static enum lull_err
caregiver_add(struct lull_store *st, struct lull_caregiver *c,
    const struct lull_actor *a, int64_t *id)
{
	enum lull_err rc;

	rc = need_household(st, c->household_id);
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = meta_insert(st, &c->meta, a, 1);
	if (rc == LULL_OK)
		rc = st->ops->caregiver_insert(st, c, id);
	return rc;
}

enum lull_err
lull_store_caregiver_add(struct lull_store *st, const struct lull_caregiver *g,
    const struct lull_actor *a, int64_t *id)
{
	struct lull_caregiver c = *g;
	enum lull_err rc;

	fresh(st);
	*id = 0;
	rc = caregiver_fields(st, &c);
	if (rc == LULL_OK)
		rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, caregiver_add(st, &c, a, id));
	if (rc != LULL_OK)
		*id = 0;
	return rc;
}

enum lull_err
lull_store_caregiver_get(struct lull_store *st, int64_t id,
    struct lull_caregiver *out)
{
	fresh(st);
	return missing(st, st->ops->caregiver_get(st, id, out), "caregiver",
	    "caregiver", id);
}

enum lull_err
lull_store_caregiver_find(struct lull_store *st, int64_t household_id,
    const char *name, struct lull_caregiver *out)
{
	enum lull_err rc;

	fresh(st);
	rc = st->ops->caregiver_find(st, household_id, name, out);
	if (rc == LULL_ENOTFOUND)
		return lull_errinfo_set(&st->ei, rc, "caregiver",
		    "caregiver: nobody called \"%s\" in this household",
		    name != NULL ? name : "");
	return rc;
}

enum lull_err
lull_store_caregiver_list(struct lull_store *st, int64_t household_id,
    struct lull_caregiverv *out)
{
	enum lull_err rc;

	fresh(st);
	memset(out, 0, sizeof(*out));
	rc = need_household(st, household_id);
	if (rc == LULL_OK)
		rc = st->ops->caregiver_list(st, household_id, out);
	return rc;
}

static enum lull_err
caregiver_update(struct lull_store *st, struct lull_caregiver *c,
    const struct lull_actor *a)
{
	struct lull_caregiver old;
	enum lull_err rc;

	rc = st->ops->caregiver_get(st, c->id, &old);
	if (rc != LULL_OK)
		return missing(st, rc, "id", "caregiver", c->id);
	/* A caregiver stays in their household. */
	c->household_id = old.household_id;
	rc = meta_update(st, &c->meta, &old.meta, a, "caregiver", c->id);
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = st->ops->caregiver_update(st, c);
	lull_caregiver_free(&old);
	return rc;
}

enum lull_err
lull_store_caregiver_update(struct lull_store *st, struct lull_caregiver *g,
    const struct lull_actor *a)
{
	struct lull_caregiver c = *g;
	enum lull_err rc;

	fresh(st);
	rc = caregiver_fields(st, &c);
	if (rc == LULL_OK)
		rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, caregiver_update(st, &c, a));
	if (rc == LULL_OK) {
		g->household_id = c.household_id;
		g->meta = c.meta;
	}
	return rc;
}

/*
 * A restore's second pass: caregivers log each other (Alex renamed Sam,
 * Sam added Alex), so their meta can only point at rows that all exist.
 * Writes "m" as given, after checking the caregivers it names.
 */
enum lull_err
lull_store_caregiver_restore_meta(struct lull_store *st, int64_t id,
    const struct lull_meta *m)
{
	struct lull_caregiver c;
	enum lull_err rc;

	fresh(st);
	memset(&c, 0, sizeof(c));
	rc = missing(st, st->ops->caregiver_get(st, id, &c), "caregiver",
	    "caregiver", id);
	if (rc != LULL_OK)
		return rc;
	c.meta = *m;
	if (c.meta.version < 1)
		c.meta.version = 1;
	rc = need_caregiver(st, m->created_by, 0, "created_by");
	if (rc == LULL_OK)
		rc = need_caregiver(st, m->updated_by, 0, "updated_by");
	if (rc == LULL_OK)
		rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, st->ops->caregiver_update(st, &c));
	lull_caregiver_free(&c);
	return rc;
}

/* Delete one row by id with the backend's "del"; "what" for messages. */
static enum lull_err
delete_one(struct lull_store *st, int64_t id, const char *what,
    enum lull_err (*del)(struct lull_store *, int64_t))
{
	enum lull_err rc;

	fresh(st);
	rc = level_push(st);
	if (rc != LULL_OK)
		return rc;
	return write_end(st, missing(st, del(st, id), "id", what, id));
}

/* The caregiver's entries stay, unattributed (the schema's SET NULL);
 * their own personal records, and notes written to them, go with them. */
/*
 * A caregiver who signs in to the web app stands for that account in the
 * household: deleting the record would end the membership behind the
 * owner's back (and could leave the household with no owner), so it is
 * refused until the member is removed (lull_member_remove()).
 */
static enum lull_err
caregiver_unlinked(struct lull_store *st, int64_t id)
{
	struct lull_membershipv mv = { 0 };
	struct lull_caregiver c;
	enum lull_err rc;
	size_t i;

	memset(&c, 0, sizeof(c));
	rc = st->ops->caregiver_get(st, id, &c);
	if (rc == LULL_OK)
		rc = st->ops->membership_list(st, 0, c.household_id, &mv);
	for (i = 0; rc == LULL_OK && i < mv.n; i++)
		if (mv.v[i].caregiver_id == id)
			rc = lull_errinfo_set(&st->ei, LULL_ECONFLICT,
			    "caregiver",
			    "%s signs in to the web app as a member of this "
			    "household; remove the member first (household "
			    "settings), then the caregiver",
			    c.name != NULL ? c.name : "this caregiver");
	lull_membershipv_free(&mv);
	lull_caregiver_free(&c);
	return rc == LULL_ENOTFOUND ? LULL_OK : rc; /* delete says it */
}

enum lull_err
lull_store_caregiver_delete(struct lull_store *st, int64_t id)
{
	enum lull_err rc;

	fresh(st);
	rc = level_push(st);
	if (rc != LULL_OK)
		return rc;
	rc = caregiver_unlinked(st, id);
	if (rc == LULL_OK)
		rc = missing(st, st->ops->caregiver_delete(st, id), "id",
		    "caregiver", id);
	return write_end(st, rc);
}

/* Children */

static enum lull_err
child_add(struct lull_store *st, struct lull_child *c,
    const struct lull_actor *a, int64_t *id)
{
	enum lull_err rc;

	rc = need_household(st, c->household_id);
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = meta_insert(st, &c->meta, a, 1);
	if (rc == LULL_OK)
		rc = st->ops->child_insert(st, c, id);
	return rc;
}

enum lull_err
lull_store_child_add(struct lull_store *st, const struct lull_child *k,
    const struct lull_tz *tz, const struct lull_actor *a, int64_t *id)
{
	struct lull_child c = *k;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	*id = 0;
	rc = lull_child_check(&c, today_in(tz, a->now_utc), &st->ei);
	if (rc == LULL_OK)
		rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, child_add(st, &c, a, id));
	if (rc != LULL_OK)
		*id = 0;
	return rc;
}

enum lull_err
lull_store_child_get(struct lull_store *st, int64_t id, struct lull_child *out)
{
	fresh(st);
	return missing(st, st->ops->child_get(st, id, out), "child", "child",
	    id);
}

enum lull_err
lull_store_child_find(struct lull_store *st, int64_t household_id,
    const char *name, struct lull_child *out)
{
	enum lull_err rc;

	fresh(st);
	rc = st->ops->child_find(st, household_id, name, out);
	if (rc == LULL_ENOTFOUND)
		return lull_errinfo_set(&st->ei, rc, "child",
		    "child: no child called \"%s\" in this household",
		    name != NULL ? name : "");
	return rc;
}

enum lull_err
lull_store_child_list(struct lull_store *st, int64_t household_id,
    struct lull_childv *out)
{
	enum lull_err rc;

	fresh(st);
	memset(out, 0, sizeof(*out));
	rc = need_household(st, household_id);
	if (rc == LULL_OK)
		rc = st->ops->child_list(st, household_id, out);
	return rc;
}

static enum lull_err
child_update(struct lull_store *st, struct lull_child *c,
    const struct lull_actor *a)
{
	struct lull_child old;
	enum lull_err rc;

	rc = st->ops->child_get(st, c->id, &old);
	if (rc != LULL_OK)
		return missing(st, rc, "id", "child", c->id);
	/* A child stays in their household. */
	c->household_id = old.household_id;
	rc = meta_update(st, &c->meta, &old.meta, a, "child", c->id);
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = st->ops->child_update(st, c);
	lull_child_free(&old);
	return rc;
}

enum lull_err
lull_store_child_update(struct lull_store *st, struct lull_child *k,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_child c = *k;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = lull_child_check(&c, today_in(tz, a->now_utc), &st->ei);
	if (rc == LULL_OK)
		rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, child_update(st, &c, a));
	if (rc == LULL_OK) {
		k->household_id = c.household_id;
		k->meta = c.meta;
	}
	return rc;
}

/* The schema cascades to the child's sleeps, wakings, feeds and tags. */
enum lull_err
lull_store_child_delete(struct lull_store *st, int64_t id)
{
	return delete_one(st, id, "child", st->ops->child_delete);
}

/* Sleeps and wakings */

/* The sleep "s" must not collide with another of its child's sleeps. */
static enum lull_err
check_overlap(struct lull_store *st, const struct lull_sleep *s,
    const struct lull_tz *tz)
{
	struct lull_sleepv others;
	enum lull_err rc;

	/* Only sleeps meeting [start, end) can collide; an ongoing one
	 * reaches to the end of time. */
	rc = st->ops->sleep_range(st, 0, s->child_id, s->start_utc,
	    s->end_utc == LULL_NO_TIME ? INT64_MAX : s->end_utc, &others);
	if (rc == LULL_OK)
		rc = lull_sleep_check_overlap(s, &others, tz, &st->ei);
	lull_sleepv_free(&others);
	return rc;
}

/* A sleep with its wakings. */
static enum lull_err
load_sleep(struct lull_store *st, int64_t id, const char *field,
    struct lull_sleep *out)
{
	enum lull_err rc;

	rc = st->ops->sleep_get(st, id, out);
	if (rc != LULL_OK)
		return missing(st, rc, field, "sleep", id);
	rc = st->ops->waking_list(st, out);
	if (rc != LULL_OK)
		lull_sleep_free(out);
	return rc;
}

/* The caregivers a sleep names: who settled it, who went at night. */
static enum lull_err
sleep_caregivers(struct lull_store *st, const struct lull_sleep *s,
    int64_t household_id)
{
	enum lull_err rc;
	size_t i;

	rc = need_caregiver(st, s->settled_by, household_id, "settled_by");
	for (i = 0; rc == LULL_OK && i < s->nwakings; i++)
		rc = need_caregiver(st, s->wakings[i].caregiver_id,
		    household_id, "waking.caregiver");
	return rc;
}

static enum lull_err
sleep_add(struct lull_store *st, struct lull_sleep *c, const struct lull_tz *tz,
    const struct lull_actor *a)
{
	enum lull_err rc;
	int64_t hh = 0;
	int32_t born;
	size_t i;

	lull_sleep_settle_kind(tz, c);
	rc = lull_sleep_check(c, tz, a->now_utc, &st->ei);
	if (rc == LULL_OK)
		rc = need_child_born(st, c->child_id, &hh, &born);
	if (rc == LULL_OK)
		rc = after_birth(st, born, c->start_utc, tz, "start");
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = sleep_caregivers(st, c, hh);
	if (rc == LULL_OK)
		rc = meta_insert(st, &c->meta, a, 1);
	if (rc == LULL_OK)
		rc = check_overlap(st, c, tz);
	if (rc == LULL_OK)
		rc = st->ops->sleep_insert(st, c, &c->id);
	for (i = 0; rc == LULL_OK && i < c->nwakings; i++) {
		struct lull_waking *w = &c->wakings[i];

		w->sleep_id = c->id;
		rc = meta_insert(st, &w->meta, a, 1);
		if (rc == LULL_OK)
			rc = st->ops->waking_insert(st, w, &w->id);
	}
	return rc;
}

enum lull_err
lull_store_sleep_add(struct lull_store *st, struct lull_sleep *s,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_sleep c = *s;
	struct lull_waking *wv = NULL;
	enum lull_err rc;
	size_t i;

	fresh(st);
	assert(a != NULL && tz != NULL);
	/* Work on a shallow copy, so that a refused sleep comes back as
	 * it was given: no half-filled ids or meta. */
	if (s->nwakings > 0) {
		if ((wv = calloc(s->nwakings, sizeof(*wv))) == NULL)
			return lull_errinfo_set(&st->ei, LULL_ENOMEM, "",
			    "out of memory");
		memcpy(wv, s->wakings, s->nwakings * sizeof(*wv));
		for (i = 0; i < s->nwakings; i++)
			wv[i].id = 0;
	}
	c.wakings = wv;
	/* A new sleep has no id yet; a stale one would exempt a stored
	 * sleep from the overlap check. */
	c.id = 0;
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, sleep_add(st, &c, tz, a));
	if (rc == LULL_OK) {
		s->id = c.id;
		s->kind = c.kind;
		s->meta = c.meta;
		for (i = 0; i < s->nwakings; i++) {
			s->wakings[i].id = wv[i].id;
			s->wakings[i].sleep_id = wv[i].sleep_id;
			s->wakings[i].meta = wv[i].meta;
		}
	}
	free(wv);
	return rc;
}

/* Batches (imports) */

static const struct lull_sleep *many_base;

static int
cmp_start(const void *pa, const void *pb)
{
	const struct lull_sleep *a = &many_base[*(const size_t *)pa];
	const struct lull_sleep *b = &many_base[*(const size_t *)pb];

	if (a->start_utc != b->start_utc)
		return a->start_utc < b->start_utc ? -1 : 1;
	return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
}

/* The message lull_sleep_check_overlap() gives for "s" against "o". */
static enum lull_err
collide(struct lull_store *st, const struct lull_sleep *s,
    const struct lull_sleep *o, const struct lull_tz *tz)
{
	struct lull_sleepv one;

	one.v = (struct lull_sleep *)(uintptr_t)o;
	one.n = one.cap = 1;
	if (lull_sleep_check_overlap(s, &one, tz, &st->ei) == LULL_OK)
		return lull_errinfo_set(&st->ei, LULL_ECONFLICT, "start",
		    "start: overlaps another sleep");
	return LULL_ECONFLICT;
}

static enum lull_err
sleeps_write(struct lull_store *st, struct lull_sleep *v, const size_t *ord,
    size_t n, const struct lull_actor *a, size_t *failed)
{
	const struct lull_sleep **pv;
	enum lull_err rc = LULL_OK;
	int64_t *ids;
	size_t i, j;

	pv = calloc(n, sizeof(*pv));
	ids = calloc(n, sizeof(*ids));
	if (pv == NULL || ids == NULL) {
		free(pv);
		free(ids);
		return lull_errinfo_set(&st->ei, LULL_ENOMEM, "",
		    "out of memory");
	}
	for (i = 0; i < n; i++)
		pv[i] = &v[ord[i]];
	*failed = ord[0];
	if (st->ops->sleep_insert_many != NULL)
		rc = st->ops->sleep_insert_many(st, pv, n, ids);
	else
		for (i = 0; rc == LULL_OK && i < n; i++) {
			*failed = ord[i];
			rc = st->ops->sleep_insert(st, pv[i], &ids[i]);
		}
	for (i = 0; rc == LULL_OK && i < n; i++) {
		struct lull_sleep *c = &v[ord[i]];

		*failed = ord[i];
		c->id = ids[i];
		for (j = 0; rc == LULL_OK && j < c->nwakings; j++) {
			struct lull_waking *w = &c->wakings[j];

			w->id = 0;
			w->sleep_id = c->id;
			rc = meta_insert(st, &w->meta, a, 1);
			if (rc == LULL_OK)
				rc = st->ops->waking_insert(st, w, &w->id);
		}
	}
	free(pv);
	free(ids);
	return rc;
}

/*
 * One child's run v[ord[0..n)], in order of start: checked against the
 * stored sleeps in one sweep (both sorted by start) and against the
 * previous new sleep, then written.
 */
static enum lull_err
sleeps_run(struct lull_store *st, struct lull_sleep *v, const size_t *ord,
    size_t n, int64_t hh, const struct lull_tz *tz,
    const struct lull_actor *a, size_t *failed)
{
	struct lull_sleepv stored = { 0 };
	const struct lull_sleep *prev = NULL;
	enum lull_err rc;
	int64_t lo = v[ord[0]].start_utc, hi = lo + 1, end;
	size_t i, p = 0, q;

	for (i = 0; i < n; i++) {
		end = v[ord[i]].end_utc;
		if (end == LULL_NO_TIME)
			hi = INT64_MAX;
		else if (end > hi)
			hi = end;
	}
	rc = st->ops->sleep_range(st, 0, v[ord[0]].child_id, lo, hi,
	    &stored);
	for (i = 0; rc == LULL_OK && i < n; i++) {
		struct lull_sleep *c = &v[ord[i]];

		*failed = ord[i];
		lull_sleep_settle_kind(tz, c);
		rc = lull_sleep_check(c, tz, a->now_utc, &st->ei);
		if (rc == LULL_OK)
			rc = sleep_caregivers(st, c, hh);
		if (rc == LULL_OK)
			rc = meta_insert(st, &c->meta, a, 1);
		if (rc != LULL_OK)
			break;
		/* Stored sleeps that end before this one starts are behind
		 * every later one too. */
		while (p < stored.n && stored.v[p].end_utc != LULL_NO_TIME &&
		    stored.v[p].end_utc <= c->start_utc)
			p++;
		end = c->end_utc == LULL_NO_TIME ? INT64_MAX : c->end_utc;
		for (q = p; q < stored.n && stored.v[q].start_utc < end; q++)
			if (stored.v[q].end_utc == LULL_NO_TIME ||
			    stored.v[q].end_utc > c->start_utc) {
				rc = collide(st, c, &stored.v[q], tz);
				break;
			}
		if (rc == LULL_OK && prev != NULL &&
		    (prev->end_utc == LULL_NO_TIME ||
			prev->end_utc > c->start_utc))
			rc = collide(st, c, prev, tz);
		/* The sleep that reaches furthest is the one to beat. */
		if (prev == NULL ||
		    (prev->end_utc != LULL_NO_TIME &&
			(c->end_utc == LULL_NO_TIME ||
			    c->end_utc > prev->end_utc)))
			prev = c;
	}
	lull_sleepv_free(&stored);
	/* All checked: now the rows, many to a statement where the backend
	 * can, then the wakings with their sleeps' ids. */
	if (rc == LULL_OK)
		rc = sleeps_write(st, v, ord, n, a, failed);
	return rc;
}

static enum lull_err
sleeps_add(struct lull_store *st, struct lull_sleep *v, size_t n,
    const struct lull_tz *tz, const struct lull_actor *a, size_t *ord,
    size_t *failed)
{
	enum lull_err rc;
	int64_t hh = 0;
	int32_t born;
	size_t i, j;

	rc = need_actor(st, a);
	for (i = 0; rc == LULL_OK && i < n; i = j) {
		*failed = i;
		for (j = i; j < n && v[j].child_id == v[i].child_id; j++) {
			ord[j] = j;
			v[j].id = 0;
		}
		rc = need_child_born(st, v[i].child_id, &hh, &born);
		if (rc != LULL_OK)
			break;
		many_base = v;
		qsort(ord + i, j - i, sizeof(*ord), cmp_start);
		many_base = NULL;
		/* Sorted by start: if the first is after the birth, all are. */
		*failed = ord[i];
		rc = after_birth(st, born, v[ord[i]].start_utc, tz, "start");
		if (rc != LULL_OK)
			break;
		rc = sleeps_run(st, v, ord + i, j - i, hh, tz, a, failed);
	}
	return rc;
}

enum lull_err
lull_store_sleep_add_many(struct lull_store *st, struct lull_sleep *v,
    size_t n, const struct lull_tz *tz, const struct lull_actor *a,
    size_t *failed)
{
	enum lull_err rc;
	size_t *ord, i, j;

	fresh(st);
	assert(a != NULL && tz != NULL && failed != NULL);
	*failed = 0;
	if (n == 0)
		return LULL_OK;
	if ((ord = calloc(n, sizeof(*ord))) == NULL)
		return lull_errinfo_set(&st->ei, LULL_ENOMEM, "",
		    "out of memory");
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, sleeps_add(st, v, n, tz, a, ord, failed));
	free(ord);
	if (rc != LULL_OK)
		for (i = 0; i < n; i++) {
			v[i].id = 0;
			for (j = 0; j < v[i].nwakings; j++)
				v[i].wakings[j].id = v[i].wakings[j].sleep_id =
				    0;
		}
	return rc;
}

enum lull_err
lull_store_sleep_get(struct lull_store *st, int64_t id, struct lull_sleep *out)
{
	enum lull_err rc;
	int opened;

	fresh(st);
	lull_sleep_init(out);
	rc = read_begin(st, &opened);
	if (rc == LULL_OK)
		rc = read_end(st, opened, load_sleep(st, id, "sleep", out));
	if (rc != LULL_OK)
		lull_sleep_free(out);
	return rc;
}

static enum lull_err
sleep_update(struct lull_store *st, struct lull_sleep *c,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_sleep old;
	enum lull_err rc;
	int64_t hh = 0;
	int32_t born = LULL_NO_DAY;

	rc = load_sleep(st, c->id, "id", &old);
	if (rc != LULL_OK)
		return rc;
	/* The sleep's own fields from the caller, its wakings as stored:
	 * those change through the waking functions. */
	c->wakings = old.wakings;
	c->nwakings = old.nwakings;
	rc = meta_update(st, &c->meta, &old.meta, a, "sleep", c->id);
	if (rc == LULL_OK)
		rc = move_child(st, &c->child_id, old.child_id, &hh, &born);
	if (rc == LULL_OK) {
		lull_sleep_settle_kind(tz, c);
		rc = lull_sleep_check(c, tz, a->now_utc, &st->ei);
	}
	if (rc == LULL_OK)
		rc = after_birth(st, born, c->start_utc, tz, "start");
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = need_caregiver(st, c->settled_by, hh, "settled_by");
	if (rc == LULL_OK)
		rc = check_overlap(st, c, tz);
	if (rc == LULL_OK)
		rc = st->ops->sleep_update(st, c);
	c->wakings = NULL;
	c->nwakings = 0;
	lull_sleep_free(&old);
	return rc;
}

enum lull_err
lull_store_sleep_update(struct lull_store *st, struct lull_sleep *s,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_sleep c = *s;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL && tz != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, sleep_update(st, &c, tz, a));
	if (rc == LULL_OK) {
		s->child_id = c.child_id;
		s->kind = c.kind;
		s->meta = c.meta;
	}
	return rc;
}

/* The schema cascades to the sleep's wakings. */
enum lull_err
lull_store_sleep_delete(struct lull_store *st, int64_t id)
{
	return delete_one(st, id, "sleep", st->ops->sleep_delete);
}

/* Who a query is about: a child, or (child 0) a household. */
static enum lull_err
need_scope(struct lull_store *st, int64_t household_id, int64_t child_id)
{
	int64_t hh;

	if (child_id != 0)
		return need_child(st, child_id, &hh);
	return need_household(st, household_id);
}

static enum lull_err
sleep_range(struct lull_store *st, int64_t household_id, int64_t child_id,
    int64_t from_utc, int64_t to_utc, struct lull_sleepv *out)
{
	enum lull_err rc;

	rc = need_scope(st, household_id, child_id);
	if (rc == LULL_OK)
		rc = st->ops->sleep_range(st, household_id, child_id, from_utc,
		    to_utc, out);
	if (rc == LULL_OK)
		rc = st->ops->waking_range(st, household_id, child_id,
		    from_utc, to_utc, out);
	return rc;
}

enum lull_err
lull_store_sleep_range(struct lull_store *st, int64_t household_id,
    int64_t child_id, int64_t from_utc, int64_t to_utc, struct lull_sleepv *out)
{
	enum lull_err rc;
	int opened;

	fresh(st);
	memset(out, 0, sizeof(*out));
	rc = read_begin(st, &opened);
	if (rc == LULL_OK)
		rc = read_end(st, opened,
		    sleep_range(st, household_id, child_id, from_utc, to_utc,
			out));
	if (rc != LULL_OK)
		lull_sleepv_free(out);
	return rc;
}

/* The ongoing sleep (at == LULL_NO_TIME) or the one holding "at". */
static enum lull_err
sleep_find(struct lull_store *st, int64_t child_id, int64_t at,
    struct lull_sleep *out)
{
	enum lull_err rc;
	int64_t hh;

	rc = need_child(st, child_id, &hh);
	if (rc != LULL_OK)
		return rc;
	if (at == LULL_NO_TIME)
		rc = st->ops->sleep_ongoing(st, child_id, out);
	else
		rc = st->ops->sleep_at(st, child_id, at, out);
	if (rc == LULL_ENOTFOUND)
		return lull_errinfo_set(&st->ei, rc, "",
		    at == LULL_NO_TIME ? "child %lld is not asleep"
				       : "child %lld was not asleep then",
		    (long long)child_id);
	if (rc == LULL_OK)
		rc = st->ops->waking_list(st, out);
	return rc;
}

enum lull_err
lull_store_sleep_ongoing(struct lull_store *st, int64_t child_id,
    struct lull_sleep *out)
{
	enum lull_err rc;
	int opened;

	fresh(st);
	lull_sleep_init(out);
	rc = read_begin(st, &opened);
	if (rc == LULL_OK)
		rc = read_end(st, opened,
		    sleep_find(st, child_id, LULL_NO_TIME, out));
	if (rc != LULL_OK)
		lull_sleep_free(out);
	return rc;
}

enum lull_err
lull_store_sleep_at(struct lull_store *st, int64_t child_id, int64_t utc,
    struct lull_sleep *out)
{
	enum lull_err rc;
	int opened;

	fresh(st);
	lull_sleep_init(out);
	if (utc == LULL_NO_TIME)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "at",
		    "at: no time given");
	rc = read_begin(st, &opened);
	if (rc == LULL_OK)
		rc = read_end(st, opened, sleep_find(st, child_id, utc, out));
	if (rc != LULL_OK)
		lull_sleep_free(out);
	return rc;
}

/* Drop the waking "id" from the sleep's list, if it is there. */
static void
drop_waking(struct lull_sleep *s, int64_t id)
{
	size_t i;

	for (i = 0; i < s->nwakings; i++) {
		if (s->wakings[i].id != id)
			continue;
		lull_waking_free(&s->wakings[i]);
		memmove(&s->wakings[i], &s->wakings[i + 1],
		    (s->nwakings - i - 1) * sizeof(s->wakings[0]));
		s->nwakings--;
		return;
	}
}

/*
 * Check the sleep "sl" (with its stored wakings) once the waking "w"
 * joins it, or replaces its earlier self there, and the people named.
 */
static enum lull_err
check_with_waking(struct lull_store *st, struct lull_sleep *sl,
    const struct lull_waking *w, const struct lull_tz *tz,
    const struct lull_actor *a)
{
	enum lull_err rc;
	int64_t hh = 0;

	if (w->id != 0)
		drop_waking(sl, w->id);
	if (lull_sleep_add_waking(sl, w) != LULL_OK)
		return lull_errinfo_set(&st->ei, LULL_ENOMEM, "",
		    "out of memory");
	rc = lull_sleep_check(sl, tz, a->now_utc, &st->ei);
	if (rc == LULL_OK)
		rc = need_child(st, sl->child_id, &hh);
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = need_caregiver(st, w->caregiver_id, hh, "caregiver");
	return rc;
}

static enum lull_err
waking_add(struct lull_store *st, struct lull_waking *c,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_sleep sl;
	enum lull_err rc;

	c->id = 0;
	rc = load_sleep(st, c->sleep_id, "sleep", &sl);
	if (rc != LULL_OK)
		return rc;
	rc = check_with_waking(st, &sl, c, tz, a);
	if (rc == LULL_OK)
		rc = meta_insert(st, &c->meta, a, 1);
	if (rc == LULL_OK)
		rc = st->ops->waking_insert(st, c, &c->id);
	lull_sleep_free(&sl);
	return rc;
}

enum lull_err
lull_store_waking_add(struct lull_store *st, struct lull_waking *w,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_waking c = *w;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, waking_add(st, &c, tz, a));
	if (rc == LULL_OK) {
		w->id = c.id;
		w->meta = c.meta;
	}
	return rc;
}

enum lull_err
lull_store_waking_get(struct lull_store *st, int64_t id,
    struct lull_waking *out)
{
	fresh(st);
	return missing(st, st->ops->waking_get(st, id, out), "waking", "waking",
	    id);
}

/* A waking may move to another night of the same child, not further. */
static enum lull_err
waking_move(struct lull_store *st, int64_t from_sleep,
    const struct lull_sleep *to)
{
	struct lull_sleep from;
	enum lull_err rc;

	if (from_sleep == to->id)
		return LULL_OK;
	rc = st->ops->sleep_get(st, from_sleep, &from);
	if (rc == LULL_OK && from.child_id != to->child_id)
		rc = lull_errinfo_set(&st->ei, LULL_EINVAL, "sleep",
		    "sleep: a waking can only move to another sleep of the "
		    "same child");
	lull_sleep_free(&from);
	return rc;
}

static enum lull_err
waking_update(struct lull_store *st, struct lull_waking *c,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_waking old;
	struct lull_sleep sl;
	enum lull_err rc;

	rc = st->ops->waking_get(st, c->id, &old);
	if (rc != LULL_OK)
		return missing(st, rc, "id", "waking", c->id);
	if (c->sleep_id == 0)
		c->sleep_id = old.sleep_id;
	rc = meta_update(st, &c->meta, &old.meta, a, "waking", c->id);
	if (rc == LULL_OK)
		rc = load_sleep(st, c->sleep_id, "sleep", &sl);
	if (rc == LULL_OK) {
		rc = waking_move(st, old.sleep_id, &sl);
		if (rc == LULL_OK)
			rc = check_with_waking(st, &sl, c, tz, a);
		if (rc == LULL_OK)
			rc = st->ops->waking_update(st, c);
		lull_sleep_free(&sl);
	}
	lull_waking_free(&old);
	return rc;
}

enum lull_err
lull_store_waking_update(struct lull_store *st, struct lull_waking *w,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_waking c = *w;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, waking_update(st, &c, tz, a));
	if (rc == LULL_OK) {
		w->sleep_id = c.sleep_id;
		w->meta = c.meta;
	}
	return rc;
}

/* A sleep with one waking fewer still passes its check. */
enum lull_err
lull_store_waking_delete(struct lull_store *st, int64_t id)
{
	return delete_one(st, id, "waking", st->ops->waking_delete);
}

/* Feeds */

static enum lull_err
feed_add(struct lull_store *st, struct lull_feed *c, const struct lull_tz *tz,
    const struct lull_actor *a)
{
	enum lull_err rc;
	int64_t hh;
	int32_t born;

	c->id = 0;
	rc = lull_feed_check(c, tz, a->now_utc, &st->ei);
	if (rc == LULL_OK)
		rc = need_child_born(st, c->child_id, &hh, &born);
	if (rc == LULL_OK)
		rc = after_birth(st, born, c->start_utc, tz, "start");
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = meta_insert(st, &c->meta, a, 1);
	if (rc == LULL_OK)
		rc = st->ops->feed_insert(st, c, &c->id);
	return rc;
}

enum lull_err
lull_store_feed_add(struct lull_store *st, struct lull_feed *f,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_feed c = *f;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, feed_add(st, &c, tz, a));
	if (rc == LULL_OK) {
		f->id = c.id;
		f->meta = c.meta;
	}
	return rc;
}

static enum lull_err
feeds_add(struct lull_store *st, struct lull_feed *v, size_t n,
    const struct lull_tz *tz, const struct lull_actor *a, size_t *failed)
{
	enum lull_err rc;
	int64_t hh = 0, child = 0;
	int32_t born = LULL_NO_DAY;
	size_t i;

	const struct lull_feed **pv;
	int64_t *ids;

	rc = need_actor(st, a);
	for (i = 0; rc == LULL_OK && i < n; i++) {
		struct lull_feed *c = &v[i];

		*failed = i;
		c->id = 0;
		if (c->child_id != child) {
			rc = need_child_born(st, c->child_id, &hh, &born);
			child = rc == LULL_OK ? c->child_id : 0;
		}
		if (rc == LULL_OK)
			rc = lull_feed_check(c, tz, a->now_utc, &st->ei);
		if (rc == LULL_OK)
			rc = after_birth(st, born, c->start_utc, tz, "start");
		if (rc == LULL_OK)
			rc = meta_insert(st, &c->meta, a, 1);
	}
	if (rc != LULL_OK)
		return rc;
	pv = calloc(n, sizeof(*pv));
	ids = calloc(n, sizeof(*ids));
	if (pv == NULL || ids == NULL) {
		free(pv);
		free(ids);
		return lull_errinfo_set(&st->ei, LULL_ENOMEM, "",
		    "out of memory");
	}
	for (i = 0; i < n; i++)
		pv[i] = &v[i];
	*failed = 0;
	if (st->ops->feed_insert_many != NULL)
		rc = st->ops->feed_insert_many(st, pv, n, ids);
	else
		for (i = 0; rc == LULL_OK && i < n; i++) {
			*failed = i;
			rc = st->ops->feed_insert(st, pv[i], &ids[i]);
		}
	for (i = 0; rc == LULL_OK && i < n; i++)
		v[i].id = ids[i];
	free(pv);
	free(ids);
	return rc;
}

enum lull_err
lull_store_feed_add_many(struct lull_store *st, struct lull_feed *v,
    size_t n, const struct lull_tz *tz, const struct lull_actor *a,
    size_t *failed)
{
	enum lull_err rc;
	size_t i;

	fresh(st);
	assert(a != NULL && failed != NULL);
	*failed = 0;
	if (n == 0)
		return LULL_OK;
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, feeds_add(st, v, n, tz, a, failed));
	if (rc != LULL_OK)
		for (i = 0; i < n; i++)
			v[i].id = 0;
	return rc;
}

enum lull_err
lull_store_feed_get(struct lull_store *st, int64_t id, struct lull_feed *out)
{
	fresh(st);
	return missing(st, st->ops->feed_get(st, id, out), "feed", "feed", id);
}

static enum lull_err
feed_update(struct lull_store *st, struct lull_feed *c,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_feed old;
	enum lull_err rc;
	int64_t hh;
	int32_t born = LULL_NO_DAY;

	rc = st->ops->feed_get(st, c->id, &old);
	if (rc != LULL_OK)
		return missing(st, rc, "id", "feed", c->id);
	rc = meta_update(st, &c->meta, &old.meta, a, "feed", c->id);
	if (rc == LULL_OK)
		rc = move_child(st, &c->child_id, old.child_id, &hh, &born);
	if (rc == LULL_OK)
		rc = lull_feed_check(c, tz, a->now_utc, &st->ei);
	if (rc == LULL_OK)
		rc = after_birth(st, born, c->start_utc, tz, "start");
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = st->ops->feed_update(st, c);
	lull_feed_free(&old);
	return rc;
}

enum lull_err
lull_store_feed_update(struct lull_store *st, struct lull_feed *f,
    const struct lull_tz *tz, const struct lull_actor *a)
{
	struct lull_feed c = *f;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, feed_update(st, &c, tz, a));
	if (rc == LULL_OK) {
		f->child_id = c.child_id;
		f->meta = c.meta;
	}
	return rc;
}

enum lull_err
lull_store_feed_delete(struct lull_store *st, int64_t id)
{
	return delete_one(st, id, "feed", st->ops->feed_delete);
}

enum lull_err
lull_store_feed_range(struct lull_store *st, int64_t household_id,
    int64_t child_id, int64_t from_utc, int64_t to_utc, struct lull_feedv *out)
{
	enum lull_err rc;

	fresh(st);
	memset(out, 0, sizeof(*out));
	rc = need_scope(st, household_id, child_id);
	if (rc == LULL_OK)
		rc = st->ops->feed_range(st, household_id, child_id, from_utc,
		    to_utc, out);
	return rc;
}

/* Tags */

static enum lull_err
tag_after_birth(struct lull_store *st, int32_t born, const struct lull_tag *c)
{
	char a[16], b[16];

	if (born == LULL_NO_DAY || c->from_day >= born)
		return LULL_OK;
	lull_date_format(c->from_day, a, sizeof(a));
	lull_date_format(born, b, sizeof(b));
	return lull_errinfo_set(&st->ei, LULL_EINVAL, "from",
	    "from: %s is before the child was born (%s)", a, b);
}

static enum lull_err
tag_add(struct lull_store *st, struct lull_tag *c, const struct lull_actor *a)
{
	enum lull_err rc;
	int64_t hh;
	int32_t born;

	c->id = 0;
	rc = lull_tag_check(c, &st->ei);
	if (rc == LULL_OK)
		rc = need_child_born(st, c->child_id, &hh, &born);
	if (rc == LULL_OK)
		rc = tag_after_birth(st, born, c);
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = meta_insert(st, &c->meta, a, 1);
	if (rc == LULL_OK)
		rc = st->ops->tag_insert(st, c, &c->id);
	return rc;
}

enum lull_err
lull_store_tag_add(struct lull_store *st, struct lull_tag *t,
    const struct lull_actor *a)
{
	struct lull_tag c = *t;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, tag_add(st, &c, a));
	if (rc == LULL_OK) {
		t->id = c.id;
		t->meta = c.meta;
	}
	return rc;
}

enum lull_err
lull_store_tag_get(struct lull_store *st, int64_t id, struct lull_tag *out)
{
	fresh(st);
	return missing(st, st->ops->tag_get(st, id, out), "tag", "tag", id);
}

static enum lull_err
tag_update(struct lull_store *st, struct lull_tag *c,
    const struct lull_actor *a)
{
	struct lull_tag old;
	enum lull_err rc;
	int64_t hh;
	int32_t born = LULL_NO_DAY;

	rc = st->ops->tag_get(st, c->id, &old);
	if (rc != LULL_OK)
		return missing(st, rc, "id", "tag", c->id);
	rc = meta_update(st, &c->meta, &old.meta, a, "tag", c->id);
	if (rc == LULL_OK)
		rc = move_child(st, &c->child_id, old.child_id, &hh, &born);
	if (rc == LULL_OK)
		rc = lull_tag_check(c, &st->ei);
	if (rc == LULL_OK)
		rc = tag_after_birth(st, born, c);
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = st->ops->tag_update(st, c);
	lull_tag_free(&old);
	return rc;
}

enum lull_err
lull_store_tag_update(struct lull_store *st, struct lull_tag *t,
    const struct lull_actor *a)
{
	struct lull_tag c = *t;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, tag_update(st, &c, a));
	if (rc == LULL_OK) {
		t->child_id = c.child_id;
		t->meta = c.meta;
	}
	return rc;
}

enum lull_err
lull_store_tag_delete(struct lull_store *st, int64_t id)
{
	return delete_one(st, id, "tag", st->ops->tag_delete);
}

enum lull_err
lull_store_tag_range(struct lull_store *st, int64_t household_id,
    int64_t child_id, int32_t from_day, int32_t to_day, struct lull_tagv *out)
{
	enum lull_err rc;

	fresh(st);
	memset(out, 0, sizeof(*out));
	rc = need_scope(st, household_id, child_id);
	if (rc == LULL_OK)
		rc = st->ops->tag_range(st, household_id, child_id, from_day,
		    to_day, out);
	return rc;
}

/* Pages for listings */

/*
 * The children a page reads: "child_id" (of household "household_id",
 * when that is given: another family's child is not found), or every
 * child of the household.
 */
static enum lull_err
page_scope(struct lull_store *st, int64_t household_id, int64_t child_id,
    struct lull_childv *kids)
{
	struct lull_child k;
	enum lull_err rc;

	memset(kids, 0, sizeof(*kids));
	if (child_id == 0) {
		rc = need_household(st, household_id);
		if (rc == LULL_OK)
			rc = st->ops->child_list(st, household_id, kids);
		return rc;
	}
	if (child_id < 0)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "child",
		    "child: %lld is not a child id", (long long)child_id);
	rc = st->ops->child_get(st, child_id, &k);
	if (rc == LULL_OK && household_id != 0 &&
	    k.household_id != household_id)
		rc = LULL_ENOTFOUND;
	if (rc == LULL_OK && (rc = lull_childv_push(kids, &k)) != LULL_OK)
		rc = lull_errinfo_set(&st->ei, rc, "", "out of memory");
	if (rc != LULL_OK)
		lull_child_free(&k);
	if (rc == LULL_ENOTFOUND)
		return lull_errinfo_set(&st->ei, rc, "child",
		    "child: there is no child with id %lld",
		    (long long)child_id);
	return rc;
}

/* The cursor with the end of the span folded in: whichever of (to, 0)
 * and (before, before_id) comes first (before_id 0: no cursor). */
static void
page_bound(int64_t to, int64_t before, int64_t before_id, int64_t *at,
    int64_t *id)
{
	if (before_id > 0 && before < to) {
		*at = before;
		*id = before_id;
	} else {
		*at = to;
		*id = 0;
	}
}

static int
page_desc(int64_t a_at, int64_t a_id, int64_t b_at, int64_t b_id)
{
	if (a_at != b_at)
		return a_at > b_at ? -1 : 1;
	return (a_id < b_id) - (a_id > b_id);
}

static int
cmp_sleep_desc(const void *a, const void *b)
{
	const struct lull_sleep *x = a, *y = b;

	return page_desc(x->start_utc, x->id, y->start_utc, y->id);
}

static int
cmp_feed_desc(const void *a, const void *b)
{
	const struct lull_feed *x = a, *y = b;

	return page_desc(x->start_utc, x->id, y->start_utc, y->id);
}

static int
cmp_tag_desc(const void *a, const void *b)
{
	const struct lull_tag *x = a, *y = b;

	return page_desc(x->from_day, x->id, y->from_day, y->id);
}

/*
 * Each child's page is read through its own index and the pages merged:
 * a household's page costs (children x limit) rows, never its history.
 */
static enum lull_err
sleep_page(struct lull_store *st, int64_t household_id, int64_t child_id,
    int64_t from_utc, int64_t at, int64_t id, size_t limit,
    struct lull_sleepv *out)
{
	struct lull_childv kids;
	struct lull_sleepv part;
	enum lull_err rc;
	size_t i, k;

	rc = page_scope(st, household_id, child_id, &kids);
	for (k = 0; rc == LULL_OK && k < kids.n; k++) {
		rc = st->ops->sleep_page(st, kids.v[k].id, from_utc, at, id,
		    limit, &part);
		for (i = 0; rc == LULL_OK && i < part.n; i++)
			if (lull_sleepv_push(out, &part.v[i]) != LULL_OK)
				rc = lull_errinfo_set(&st->ei, LULL_ENOMEM, "",
				    "out of memory");
		/* Items pushed belong to "out" now; the rest are freed. */
		for (; i < part.n; i++)
			lull_sleep_free(&part.v[i]);
		part.n = 0;
		lull_sleepv_free(&part);
	}
	lull_childv_free(&kids);
	if (rc != LULL_OK)
		return rc;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_sleep_desc);
	while (out->n > limit)
		lull_sleep_free(&out->v[--out->n]);
	for (i = 0; rc == LULL_OK && i < out->n; i++)
		rc = st->ops->waking_list(st, &out->v[i]);
	return rc;
}

enum lull_err
lull_store_sleep_page(struct lull_store *st, int64_t household_id,
    int64_t child_id, int64_t from_utc, int64_t to_utc, int64_t before_start,
    int64_t before_id, size_t limit, struct lull_sleepv *out)
{
	enum lull_err rc;
	int64_t at, id;
	int opened;

	fresh(st);
	memset(out, 0, sizeof(*out));
	page_bound(to_utc, before_start, before_id, &at, &id);
	if (limit == 0 || at < from_utc)
		return LULL_OK;
	rc = read_begin(st, &opened);
	if (rc == LULL_OK)
		rc = read_end(st, opened,
		    sleep_page(st, household_id, child_id, from_utc, at, id,
			limit, out));
	if (rc != LULL_OK)
		lull_sleepv_free(out);
	return rc;
}

static enum lull_err
feed_page(struct lull_store *st, int64_t household_id, int64_t child_id,
    int64_t from_utc, int64_t at, int64_t id, size_t limit,
    struct lull_feedv *out)
{
	struct lull_childv kids;
	struct lull_feedv part;
	enum lull_err rc;
	size_t i, k;

	rc = page_scope(st, household_id, child_id, &kids);
	for (k = 0; rc == LULL_OK && k < kids.n; k++) {
		rc = st->ops->feed_page(st, kids.v[k].id, from_utc, at, id,
		    limit, &part);
		for (i = 0; rc == LULL_OK && i < part.n; i++)
			if (lull_feedv_push(out, &part.v[i]) != LULL_OK)
				rc = lull_errinfo_set(&st->ei, LULL_ENOMEM, "",
				    "out of memory");
		for (; i < part.n; i++)
			lull_feed_free(&part.v[i]);
		part.n = 0;
		lull_feedv_free(&part);
	}
	lull_childv_free(&kids);
	if (rc != LULL_OK)
		return rc;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_feed_desc);
	while (out->n > limit)
		lull_feed_free(&out->v[--out->n]);
	return LULL_OK;
}

enum lull_err
lull_store_feed_page(struct lull_store *st, int64_t household_id,
    int64_t child_id, int64_t from_utc, int64_t to_utc, int64_t before_start,
    int64_t before_id, size_t limit, struct lull_feedv *out)
{
	enum lull_err rc;
	int64_t at, id;
	int opened;

	fresh(st);
	memset(out, 0, sizeof(*out));
	page_bound(to_utc, before_start, before_id, &at, &id);
	if (limit == 0 || at < from_utc)
		return LULL_OK;
	rc = read_begin(st, &opened);
	if (rc == LULL_OK)
		rc = read_end(st, opened,
		    feed_page(st, household_id, child_id, from_utc, at, id,
			limit, out));
	if (rc != LULL_OK)
		lull_feedv_free(out);
	return rc;
}

static enum lull_err
tag_page(struct lull_store *st, int64_t household_id, int64_t child_id,
    int32_t from_day, int32_t at, int64_t id, size_t limit,
    struct lull_tagv *out)
{
	struct lull_childv kids;
	struct lull_tagv part;
	enum lull_err rc;
	size_t i, k;

	rc = page_scope(st, household_id, child_id, &kids);
	for (k = 0; rc == LULL_OK && k < kids.n; k++) {
		rc = st->ops->tag_page(st, kids.v[k].id, from_day, at, id,
		    limit, &part);
		for (i = 0; rc == LULL_OK && i < part.n; i++)
			if (lull_tagv_push(out, &part.v[i]) != LULL_OK)
				rc = lull_errinfo_set(&st->ei, LULL_ENOMEM, "",
				    "out of memory");
		for (; i < part.n; i++)
			lull_tag_free(&part.v[i]);
		part.n = 0;
		lull_tagv_free(&part);
	}
	lull_childv_free(&kids);
	if (rc != LULL_OK)
		return rc;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_tag_desc);
	while (out->n > limit)
		lull_tag_free(&out->v[--out->n]);
	return LULL_OK;
}

enum lull_err
lull_store_tag_page(struct lull_store *st, int64_t household_id,
    int64_t child_id, int32_t from_day, int32_t to_day, int32_t before_day,
    int64_t before_id, size_t limit, struct lull_tagv *out)
{
	enum lull_err rc;
	int64_t at, id;
	int opened;

	fresh(st);
	memset(out, 0, sizeof(*out));
	/* Days [from, to] are the instants-like span [from, to + 1). */
	page_bound((int64_t)to_day + 1, before_day, before_id, &at, &id);
	if (limit == 0 || from_day > to_day)
		return LULL_OK;
	if (id == 0) {
		/* (to + 1, 0) is (to, any id): from_day <= to. */
		at--;
		id = INT64_MAX;
	}
	rc = read_begin(st, &opened);
	if (rc == LULL_OK)
		rc = read_end(st, opened,
		    tag_page(st, household_id, child_id, from_day, (int32_t)at,
			id, limit, out));
	if (rc != LULL_OK)
		lull_tagv_free(out);
	return rc;
}

/* Plans */

/* A plan's own fields: what the schema cannot say in the caller's terms. */
static enum lull_err
plan_fields(struct lull_store *st, const struct lull_plan_record *p)
{
	const struct lull_plan_state *s = &p->state;
	enum lull_err rc;

	rc = need_text(st, p->profile_json, "profile",
	    "a plan needs the profile it was built from");
	if (rc != LULL_OK)
		return rc;
	if ((unsigned)p->method >= LULL_METHOD__MAX)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "method",
		    "method: %d is not a method", (int)p->method);
	if (s->started_day == LULL_NO_DAY)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "state.started",
		    "state.started: a plan needs the day it started");
	if (s->step < 1 || s->step > LULL_PLAN_MAX_STEPS)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "state.step",
		    "state.step: %d is not a step (1 to %d)", s->step,
		    LULL_PLAN_MAX_STEPS);
	if (s->step_since_day == LULL_NO_DAY ||
	    s->step_since_day < s->started_day)
		return lull_errinfo_set(&st->ei, LULL_EINVAL,
		    "state.step_since",
		    "state.step_since: the current step needs its first "
		    "night, on or after the plan's start");
	if (s->paused != 0 && s->paused != 1)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "state.paused",
		    "state.paused: %d is neither 0 nor 1", s->paused);
	if (s->pause_by_parent != 0 && s->pause_by_parent != 1)
		return lull_errinfo_set(&st->ei, LULL_EINVAL,
		    "state.paused_by_parent",
		    "state.paused_by_parent: %d is neither 0 nor 1",
		    s->pause_by_parent);
	if (s->paused && s->paused_since_day == LULL_NO_DAY)
		return lull_errinfo_set(&st->ei, LULL_EINVAL,
		    "state.paused_since",
		    "state.paused_since: a paused plan needs the day it "
		    "paused");
	if (s->slow < 0)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "state.slow",
		    "state.slow: %d extra nights is not a number of nights",
		    s->slow);
	if (p->active != 0 && p->active != 1)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "active",
		    "active: %d is neither 0 nor 1", p->active);
	return LULL_OK;
}

/* An entry of the history: every decision carries its reason. */
static enum lull_err
plan_event_fields(struct lull_store *st, const struct lull_plan_event *ev)
{
	if (ev->day == LULL_NO_DAY)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "day",
		    "day: a plan event needs the morning it was made");
	if ((unsigned)ev->verdict >= LULL_VERDICT__MAX)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "verdict",
		    "verdict: %d is not a verdict", (int)ev->verdict);
	if ((unsigned)ev->evidence >= LULL_EVIDENCE__MAX)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "evidence",
		    "evidence: %d is not a kind of evidence",
		    (int)ev->evidence);
	/* 0 is a plan without a ladder (foundations). */
	if (ev->step_from < 0 || ev->step_from > LULL_PLAN_MAX_STEPS)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "step_from",
		    "step_from: %d is not a step (0 to %d)", ev->step_from,
		    LULL_PLAN_MAX_STEPS);
	if (ev->step_to < 0 || ev->step_to > LULL_PLAN_MAX_STEPS)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "step_to",
		    "step_to: %d is not a step (0 to %d)", ev->step_to,
		    LULL_PLAN_MAX_STEPS);
	if (ev->by_parent != 0 && ev->by_parent != 1)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "by_parent",
		    "by_parent: %d is neither 0 nor 1", ev->by_parent);
	return need_text(st, ev->reason, "reason",
	    "a plan event needs its reason");
}

/*
 * The child's running plan, if any, steps down for a new one: it stays
 * in the history as a past plan.
 */
static enum lull_err
plan_retire_active(struct lull_store *st, int64_t child_id,
    const struct lull_actor *a)
{
	struct lull_plan_record old;
	struct lull_meta m;
	enum lull_err rc;

	rc = st->ops->plan_active(st, child_id, &old);
	if (rc == LULL_ENOTFOUND) {
		lull_errinfo_clear(&st->ei);
		return LULL_OK;
	}
	if (rc != LULL_OK)
		return rc;
	m = old.meta;
	rc = meta_update(st, &m, &old.meta, a, "plan", old.id);
	if (rc == LULL_OK) {
		old.meta = m;
		old.active = 0;
		rc = st->ops->plan_update(st, &old);
	}
	lull_plan_record_free(&old);
	return rc;
}

static enum lull_err
plan_add(struct lull_store *st, struct lull_plan_record *c,
    const struct lull_actor *a)
{
	enum lull_err rc;
	int64_t hh;

	rc = need_child(st, c->child_id, &hh);
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = meta_insert(st, &c->meta, a, 1);
	if (rc == LULL_OK && c->active)
		rc = plan_retire_active(st, c->child_id, a);
	if (rc == LULL_OK)
		rc = st->ops->plan_insert(st, c, &c->id);
	return rc;
}

enum lull_err
lull_store_plan_add(struct lull_store *st, struct lull_plan_record *p,
    const struct lull_actor *a)
{
	struct lull_plan_record c = *p;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	c.id = 0;
	rc = plan_fields(st, &c);
	if (rc == LULL_OK)
		rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, plan_add(st, &c, a));
	if (rc == LULL_OK) {
		p->id = c.id;
		p->meta = c.meta;
	}
	return rc;
}

enum lull_err
lull_store_plan_get(struct lull_store *st, int64_t id,
    struct lull_plan_record *out)
{
	fresh(st);
	return missing(st, st->ops->plan_get(st, id, out), "plan", "plan", id);
}

enum lull_err
lull_store_plan_active(struct lull_store *st, int64_t child_id,
    struct lull_plan_record *out)
{
	enum lull_err rc;
	int64_t hh;

	fresh(st);
	lull_plan_record_init(out);
	rc = need_child(st, child_id, &hh);
	if (rc != LULL_OK)
		return rc;
	rc = st->ops->plan_active(st, child_id, out);
	if (rc == LULL_ENOTFOUND)
		return lull_errinfo_set(&st->ei, rc, "plan",
		    "plan: child %lld has no plan running",
		    (long long)child_id);
	return rc;
}

enum lull_err
lull_store_plan_list(struct lull_store *st, int64_t household_id,
    struct lull_plan_recordv *out)
{
	enum lull_err rc;

	fresh(st);
	memset(out, 0, sizeof(*out));
	rc = need_household(st, household_id);
	if (rc == LULL_OK)
		rc = st->ops->plan_list(st, household_id, out);
	return rc;
}

/* Check an event of plan "plan_id" and write it with meta "fresh_meta". */
static enum lull_err
plan_event_add(struct lull_store *st, struct lull_plan_event *ev,
    const struct lull_actor *a, int fresh_meta)
{
	enum lull_err rc;

	ev->id = 0;
	if (fresh_meta)
		memset(&ev->meta, 0, sizeof(ev->meta));
	rc = plan_event_fields(st, ev);
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = meta_insert(st, &ev->meta, a, 1);
	if (rc == LULL_OK)
		rc = st->ops->plan_event_insert(st, ev, &ev->id);
	return rc;
}

static enum lull_err
plan_record(struct lull_store *st, struct lull_plan_record *c,
    struct lull_plan_event *ev, const struct lull_actor *a)
{
	struct lull_plan_record w;
	enum lull_err rc;

	rc = st->ops->plan_get(st, c->id, &w);
	if (rc != LULL_OK)
		return missing(st, rc, "id", "plan", c->id);
	if (!w.active)
		rc = lull_errinfo_set(&st->ei, LULL_EINVAL, "active",
		    "active: plan %lld was replaced or ended; its history "
		    "is closed",
		    (long long)c->id);
	if (rc == LULL_OK && ev->plan_id != 0 && ev->plan_id != c->id)
		rc = lull_errinfo_set(&st->ei, LULL_EINVAL, "plan_id",
		    "plan_id: the event is for plan %lld, not for plan %lld",
		    (long long)ev->plan_id, (long long)c->id);
	/* The stored plan with the caller's state: the child, profile and
	 * method of a plan never change (a new one replaces it). */
	if (rc == LULL_OK)
		rc = meta_update(st, &c->meta, &w.meta, a, "plan", c->id);
	if (rc == LULL_OK) {
		w.state = c->state;
		w.active = c->active;
		w.meta = c->meta;
		rc = plan_fields(st, &w);
	}
	if (rc == LULL_OK)
		rc = need_actor(st, a);
	if (rc == LULL_OK)
		rc = st->ops->plan_update(st, &w);
	if (rc == LULL_OK) {
		ev->plan_id = c->id;
		rc = plan_event_add(st, ev, a, 1);
	}
	lull_plan_record_free(&w);
	return rc;
}

enum lull_err
lull_store_plan_record(struct lull_store *st, struct lull_plan_record *p,
    struct lull_plan_event *ev, const struct lull_actor *a)
{
	struct lull_plan_record c = *p;
	struct lull_plan_event e = *ev;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, plan_record(st, &c, &e, a));
	if (rc == LULL_OK) {
		p->meta = c.meta;
		ev->id = e.id;
		ev->plan_id = e.plan_id;
		ev->meta = e.meta;
	}
	return rc;
}

static enum lull_err
plan_event_append(struct lull_store *st, struct lull_plan_event *ev,
    const struct lull_actor *a)
{
	struct lull_plan_record p;
	enum lull_err rc;

	rc = st->ops->plan_get(st, ev->plan_id, &p);
	lull_plan_record_free(&p);
	if (rc != LULL_OK)
		return missing(st, rc, "plan_id", "plan", ev->plan_id);
	return plan_event_add(st, ev, a, 0);
}

enum lull_err
lull_store_plan_event_add(struct lull_store *st, struct lull_plan_event *ev,
    const struct lull_actor *a)
{
	struct lull_plan_event e = *ev;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, plan_event_append(st, &e, a));
	if (rc == LULL_OK) {
		ev->id = e.id;
		ev->meta = e.meta;
	}
	return rc;
}

static enum lull_err
plan_events(struct lull_store *st, int64_t plan_id,
    struct lull_plan_eventv *out)
{
	struct lull_plan_record p;
	enum lull_err rc;

	rc = st->ops->plan_get(st, plan_id, &p);
	lull_plan_record_free(&p);
	if (rc != LULL_OK)
		return missing(st, rc, "plan", "plan", plan_id);
	return st->ops->plan_event_list(st, plan_id, out);
}

enum lull_err
lull_store_plan_events(struct lull_store *st, int64_t plan_id,
    struct lull_plan_eventv *out)
{
	enum lull_err rc;
	int opened;

	fresh(st);
	memset(out, 0, sizeof(*out));
	rc = read_begin(st, &opened);
	if (rc == LULL_OK)
		rc = read_end(st, opened, plan_events(st, plan_id, out));
	if (rc != LULL_OK)
		lull_plan_eventv_free(out);
	return rc;
}

/* Personal records */

/*
 * The one answer for a record that is not there and for one the reader
 * may not see: same code, same field, same words, so that nothing tells
 * the two apart.
 */
static enum lull_err
personal_missing(struct lull_store *st, const char *field, int64_t id)
{
	return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, field,
	    "%s: there is no personal record with id %lld", field,
	    (long long)id);
}

/*
 * Is "id" one of household "hh"'s adults, and in which role?  Anyone
 * else (0, a caregiver of another household, nobody at all) is not, and
 * sees nothing personal there.
 */
static enum lull_err
adult_of(struct lull_store *st, int64_t id, int64_t hh, int *adult,
    enum lull_role *role)
{
	struct lull_caregiver g;
	enum lull_err rc;

	*adult = 0;
	*role = LULL_ROLE_HELPER;
	if (id <= 0)
		return LULL_OK;
	rc = st->ops->caregiver_get(st, id, &g);
	if (rc == LULL_ENOTFOUND) {
		lull_errinfo_clear(&st->ei);
		return LULL_OK;
	}
	if (rc != LULL_OK)
		return rc;
	if (g.household_id == hh) {
		*adult = 1;
		*role = g.role;
	}
	lull_caregiver_free(&g);
	return LULL_OK;
}

/* May adult "viewer" see the stored record "p"? */
static enum lull_err
may_see(struct lull_store *st, const struct lull_personal *p, int64_t viewer,
    int *yes)
{
	enum lull_role role;
	enum lull_err rc;
	int adult;

	*yes = 0;
	rc = adult_of(st, viewer, p->household_id, &adult, &role);
	if (rc == LULL_OK)
		*yes = adult && lull_personal_visible(p, viewer, role);
	return rc;
}

/* The author of a new record: one of the household's adults. */
static enum lull_err
need_author(struct lull_store *st, int64_t id, int64_t hh, const char *field)
{
	enum lull_role role;
	enum lull_err rc;
	int adult;

	if (id <= 0)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, field,
		    "%s: a personal record belongs to one of the household's "
		    "adults; say who is writing it",
		    field);
	rc = adult_of(st, id, hh, &adult, &role);
	if (rc == LULL_OK && !adult)
		rc = lull_errinfo_set(&st->ei, LULL_EINVAL, field,
		    "%s: caregiver %lld is not one of this household's adults",
		    field, (long long)id);
	return rc;
}

static const char *
personal_label(enum lull_personal_kind k)
{
	switch (k) {
	case LULL_PERSONAL_SLEEP: return "an adult's sleep";
	case LULL_PERSONAL_CHECKIN: return "a morning check-in";
	case LULL_PERSONAL_SCREEN: return "a mood screen";
	case LULL_PERSONAL_COUPLE: return "a couple check-in";
	case LULL_PERSONAL_APPRECIATION: return "an appreciation";
	default: return "this kind of record";
	}
}

static enum lull_err
not_used(struct lull_store *st, const struct lull_personal *p,
    const char *field)
{
	return lull_errinfo_set(&st->ei, LULL_EINVAL, field,
	    "%s: %s has no %s", field, personal_label(p->kind), field);
}

/*
 * What a record's kind does not use must be left as lull_personal_init()
 * left it (care.h): refused rather than dropped, so that nothing a person
 * wrote is lost quietly.  A blank text counts as none.  The start may be
 * given for any kind (when it was written).  The computed fields are
 * never the caller's: cleared here, scored by lull_personal_check().
 */
static enum lull_err
personal_fields(struct lull_store *st, struct lull_personal *p)
{
	enum lull_personal_kind k = p->kind;

	if ((unsigned)k >= LULL_PERSONAL_KIND__MAX)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "kind",
		    "kind: %d is not a kind of personal record", (int)k);
	if (memchr(p->instrument, '\0', sizeof(p->instrument)) == NULL)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "instrument",
		    "instrument: not one of %s", LULL_SCREEN_NAMES);
	if (k != LULL_PERSONAL_SLEEP && p->end_utc != LULL_NO_TIME)
		return not_used(st, p, "end");
	if (k != LULL_PERSONAL_CHECKIN && p->energy != LULL_UNKNOWN)
		return not_used(st, p, "energy");
	if (k != LULL_PERSONAL_CHECKIN && p->mood != LULL_UNKNOWN)
		return not_used(st, p, "mood");
	if (k != LULL_PERSONAL_SCREEN && p->instrument[0] != '\0')
		return not_used(st, p, "instrument");
	if (k != LULL_PERSONAL_SCREEN && p->nanswers != 0)
		return not_used(st, p, "answers");
	if (k != LULL_PERSONAL_APPRECIATION && p->to_id != 0)
		return not_used(st, p, "to");
	if (blank(p->need))
		p->need = NULL;
	if (blank(p->repair))
		p->repair = NULL;
	if (blank(p->connection))
		p->connection = NULL;
	if (blank(p->appreciation))
		p->appreciation = NULL;
	if (blank(p->note))
		p->note = NULL;
	if (k != LULL_PERSONAL_COUPLE && p->need != NULL)
		return not_used(st, p, "need");
	if (k != LULL_PERSONAL_COUPLE && p->repair != NULL)
		return not_used(st, p, "repair");
	if (k != LULL_PERSONAL_COUPLE && p->connection != NULL)
		return not_used(st, p, "connection");
	if (k != LULL_PERSONAL_COUPLE && k != LULL_PERSONAL_APPRECIATION &&
	    p->appreciation != NULL)
		return not_used(st, p, "appreciation");
	p->total = LULL_UNKNOWN;
	p->band[0] = '\0';
	p->self_harm = 0;
	return LULL_OK;
}

/* One morning check-in per adult and day (the schema's unique index,
 * said in words before it speaks). */
static enum lull_err
checkin_conflict(struct lull_store *st, const struct lull_personal *p)
{
	char d[16];

	lull_date_format(p->day, d, sizeof(d));
	return lull_errinfo_set(&st->ei, LULL_ECONFLICT, "day",
	    "day: there is already a morning check-in of yours for %s; "
	    "change that one instead",
	    d);
}

static enum lull_err
checkin_unique(struct lull_store *st, const struct lull_personal *p)
{
	struct lull_personalv v;
	enum lull_err rc;
	size_t i;

	if (p->kind != LULL_PERSONAL_CHECKIN)
		return LULL_OK;
	rc = st->ops->personal_range(st, p->household_id,
	    LULL_PERSONAL_CHECKIN, p->day, p->day, &v);
	for (i = 0; rc == LULL_OK && i < v.n; i++)
		if (v.v[i].author_id == p->author_id && v.v[i].id != p->id)
			rc = checkin_conflict(st, p);
	lull_personalv_free(&v);
	return rc;
}

/*
 * Every rule of a record about to be written, its household and author
 * settled: the kind's fields, lull_personal_check() (which scores a
 * screen), the adult a note is written to, one check-in a day.
 */
static enum lull_err
personal_rules(struct lull_store *st, struct lull_personal *c)
{
	enum lull_err rc;

	rc = personal_fields(st, c);
	if (rc == LULL_OK)
		rc = lull_personal_check(c, &st->ei);
	if (rc == LULL_OK && c->kind == LULL_PERSONAL_APPRECIATION)
		rc = need_caregiver(st, c->to_id, c->household_id, "to");
	if (rc == LULL_OK)
		rc = checkin_unique(st, c);
	return rc;
}

/* A backend's uniqueness refusal is the check-in rule, in its words. */
static enum lull_err
personal_written(struct lull_store *st, enum lull_err rc,
    const struct lull_personal *c)
{
	if (rc == LULL_ECONFLICT && c->kind == LULL_PERSONAL_CHECKIN)
		return checkin_conflict(st, c);
	return rc;
}

static enum lull_err
personal_add(struct lull_store *st, struct lull_personal *c,
    const struct lull_actor *a)
{
	enum lull_err rc;

	rc = need_household(st, c->household_id);
	if (rc == LULL_OK)
		rc = need_author(st, a->caregiver_id, c->household_id, "as");
	if (rc != LULL_OK)
		return rc;
	c->author_id = a->caregiver_id;
	rc = personal_rules(st, c);
	if (rc == LULL_OK) {
		memset(&c->meta, 0, sizeof(c->meta));
		rc = meta_insert(st, &c->meta, a, 0);
	}
	if (rc == LULL_OK)
		rc = personal_written(st,
		    st->ops->personal_insert(st, c, &c->id), c);
	return rc;
}

/* Copy back what the store settled into the caller's record. */
static void
personal_settled(struct lull_personal *p, const struct lull_personal *c)
{
	p->id = c->id;
	p->household_id = c->household_id;
	p->author_id = c->author_id;
	p->total = c->total;
	memcpy(p->band, c->band, sizeof(p->band));
	p->self_harm = c->self_harm;
	p->meta = c->meta;
}

enum lull_err
lull_store_personal_add(struct lull_store *st, struct lull_personal *p,
    const struct lull_actor *a)
{
	struct lull_personal c = *p;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	c.id = 0;
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, personal_add(st, &c, a));
	if (rc == LULL_OK)
		personal_settled(p, &c);
	return rc;
}

static enum lull_err
personal_get(struct lull_store *st, int64_t id, int64_t viewer,
    struct lull_personal *out)
{
	enum lull_err rc;
	int yes;

	rc = st->ops->personal_get(st, id, out);
	if (rc == LULL_ENOTFOUND)
		return personal_missing(st, "personal", id);
	if (rc != LULL_OK)
		return rc;
	rc = may_see(st, out, viewer, &yes);
	if (rc == LULL_OK && !yes)
		rc = personal_missing(st, "personal", id);
	return rc;
}

enum lull_err
lull_store_personal_get(struct lull_store *st, int64_t id, int64_t viewer_id,
    struct lull_personal *out)
{
	enum lull_err rc;
	int opened;

	fresh(st);
	lull_personal_init(out);
	rc = read_begin(st, &opened);
	if (rc == LULL_OK)
		rc = read_end(st, opened, personal_get(st, id, viewer_id, out));
	if (rc != LULL_OK)
		lull_personal_free(out);
	return rc;
}

/*
 * The stored record "id" as its author "a" is about to change it: not
 * there, or not to be seen by the actor, is the same "not found"; seen
 * but written by someone else is refused in words.
 */
static enum lull_err
personal_own(struct lull_store *st, int64_t id, const struct lull_actor *a,
    const char *doing, struct lull_personal *old)
{
	enum lull_err rc;
	int yes;

	rc = st->ops->personal_get(st, id, old);
	if (rc == LULL_ENOTFOUND)
		return personal_missing(st, "id", id);
	if (rc == LULL_OK)
		rc = may_see(st, old, a->caregiver_id, &yes);
	if (rc == LULL_OK && !yes)
		rc = personal_missing(st, "id", id);
	else if (rc == LULL_OK && old->author_id != a->caregiver_id)
		rc = lull_errinfo_set(&st->ei, LULL_EINVAL, "as",
		    "as: only the adult who wrote personal record %lld can "
		    "%s it",
		    (long long)id, doing);
	if (rc != LULL_OK)
		lull_personal_free(old);
	return rc;
}

static enum lull_err
personal_update(struct lull_store *st, struct lull_personal *c,
    const struct lull_actor *a)
{
	struct lull_personal old;
	enum lull_err rc;

	rc = personal_own(st, c->id, a, "change", &old);
	if (rc != LULL_OK)
		return rc;
	/* A record stays with its household and author, and keeps its
	 * kind: another kind is another record. */
	c->household_id = old.household_id;
	c->author_id = old.author_id;
	if (c->kind != old.kind)
		rc = lull_errinfo_set(&st->ei, LULL_EINVAL, "kind",
		    "kind: personal record %lld is %s; add a new record "
		    "rather than change its kind",
		    (long long)c->id, personal_label(old.kind));
	if (rc == LULL_OK)
		rc = meta_update(st, &c->meta, &old.meta, a, "personal record",
		    c->id);
	if (rc == LULL_OK)
		rc = personal_rules(st, c);
	if (rc == LULL_OK)
		rc = personal_written(st, st->ops->personal_update(st, c), c);
	lull_personal_free(&old);
	return rc;
}

enum lull_err
lull_store_personal_update(struct lull_store *st, struct lull_personal *p,
    const struct lull_actor *a)
{
	struct lull_personal c = *p;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, personal_update(st, &c, a));
	if (rc == LULL_OK)
		personal_settled(p, &c);
	return rc;
}

static enum lull_err
personal_delete(struct lull_store *st, int64_t id, const struct lull_actor *a)
{
	struct lull_personal old;
	enum lull_err rc;

	rc = personal_own(st, id, a, "delete", &old);
	if (rc != LULL_OK)
		return rc;
	lull_personal_free(&old);
	rc = st->ops->personal_delete(st, id);
	return rc == LULL_ENOTFOUND ? personal_missing(st, "id", id) : rc;
}

enum lull_err
lull_store_personal_delete(struct lull_store *st, int64_t id,
    const struct lull_actor *a)
{
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, personal_delete(st, id, a));
	return rc;
}

/* Keep in "v" only what "viewer" (with "role") may see, in order. */
static void
personal_filter(struct lull_personalv *v, int64_t viewer,
    enum lull_role role)
{
	size_t i, n = 0;

	for (i = 0; i < v->n; i++) {
		if (lull_personal_visible(&v->v[i], viewer, role)) {
			if (n != i)
				v->v[n] = v->v[i];
			n++;
		} else
			lull_personal_free(&v->v[i]);
	}
	v->n = n;
}

static enum lull_err
personal_list(struct lull_store *st, int64_t household_id, int64_t viewer,
    int kind, int32_t from_day, int32_t to_day, struct lull_personalv *out)
{
	enum lull_role role;
	enum lull_err rc;
	int adult;

	rc = need_household(st, household_id);
	if (rc == LULL_OK)
		rc = adult_of(st, viewer, household_id, &adult, &role);
	/* Someone who is not one of its adults reads nothing at all. */
	if (rc != LULL_OK || !adult || from_day > to_day)
		return rc;
	rc = st->ops->personal_range(st, household_id, kind, from_day, to_day,
	    out);
	if (rc == LULL_OK)
		personal_filter(out, viewer, role);
	return rc;
}

enum lull_err
lull_store_personal_list(struct lull_store *st, int64_t household_id,
    int64_t viewer_id, int kind, int32_t from_day, int32_t to_day,
    struct lull_personalv *out)
{
	enum lull_err rc;
	int opened;

	fresh(st);
	memset(out, 0, sizeof(*out));
	if (kind < -1 || kind >= LULL_PERSONAL_KIND__MAX)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "kind",
		    "kind: %d is not a kind of personal record", kind);
	rc = read_begin(st, &opened);
	if (rc == LULL_OK)
		rc = read_end(st, opened,
		    personal_list(st, household_id, viewer_id, kind, from_day,
			to_day, out));
	if (rc != LULL_OK)
		lull_personalv_free(out);
	return rc;
}

enum lull_err
lull_store_personal_count(struct lull_store *st, int64_t household_id,
    size_t *n)
{
	enum lull_err rc;

	fresh(st);
	*n = 0;
	rc = need_household(st, household_id);
	if (rc == LULL_OK)
		rc = st->ops->personal_count(st, household_id, n);
	return rc;
}

static enum lull_err
personal_restore(struct lull_store *st, struct lull_personal *c)
{
	/* The meta is kept; nobody writes "now". */
	struct lull_actor none = { 0, 0 };
	enum lull_err rc;

	rc = need_household(st, c->household_id);
	if (rc == LULL_OK)
		rc = need_author(st, c->author_id, c->household_id, "author");
	if (rc == LULL_OK && c->meta.created_utc == 0)
		rc = lull_errinfo_set(&st->ei, LULL_EINVAL, "logged_at",
		    "logged_at: a restored personal record needs the time "
		    "it was written");
	if (rc == LULL_OK)
		rc = personal_rules(st, c);
	if (rc == LULL_OK)
		rc = meta_insert(st, &c->meta, &none, 1);
	if (rc == LULL_OK)
		rc = personal_written(st,
		    st->ops->personal_insert(st, c, &c->id), c);
	return rc;
}

enum lull_err
lull_store_personal_restore(struct lull_store *st, struct lull_personal *p)
{
	struct lull_personal c = *p;
	enum lull_err rc;

	fresh(st);
	c.id = 0;
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, personal_restore(st, &c));
	if (rc == LULL_OK)
		personal_settled(p, &c);
	return rc;
}

/* Rituals */

static enum lull_err
ritual_add(struct lull_store *st, struct lull_ritual *c,
    const struct lull_actor *a)
{
	enum lull_err rc;

	rc = lull_ritual_check(c, &st->ei);
	if (rc == LULL_OK)
		rc = need_household(st, c->household_id);
	if (rc == LULL_OK)
		rc = need_caregiver(st, a->caregiver_id, c->household_id,
		    "caregiver");
	if (rc == LULL_OK)
		rc = meta_insert(st, &c->meta, a, 1);
	if (rc == LULL_OK)
		rc = st->ops->ritual_insert(st, c, &c->id);
	return rc;
}

enum lull_err
lull_store_ritual_add(struct lull_store *st, struct lull_ritual *r,
    const struct lull_actor *a)
{
	struct lull_ritual c = *r;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	c.id = 0;
	if (c.every == LULL_RITUAL_DAILY)
		c.weekday = 0;
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, ritual_add(st, &c, a));
	if (rc == LULL_OK) {
		r->id = c.id;
		r->weekday = c.weekday;
		r->meta = c.meta;
	}
	return rc;
}

enum lull_err
lull_store_ritual_get(struct lull_store *st, int64_t id,
    struct lull_ritual *out)
{
	fresh(st);
	return missing(st, st->ops->ritual_get(st, id, out), "ritual",
	    "ritual", id);
}

enum lull_err
lull_store_ritual_find(struct lull_store *st, int64_t household_id,
    const char *name, struct lull_ritual *out)
{
	enum lull_err rc;

	fresh(st);
	rc = st->ops->ritual_find(st, household_id, name, out);
	if (rc == LULL_ENOTFOUND)
		return lull_errinfo_set(&st->ei, rc, "ritual",
		    "ritual: no ritual called \"%s\" in this household",
		    name != NULL ? name : "");
	return rc;
}

static enum lull_err
ritual_update(struct lull_store *st, struct lull_ritual *c,
    const struct lull_actor *a)
{
	struct lull_ritual old;
	enum lull_err rc;

	rc = st->ops->ritual_get(st, c->id, &old);
	if (rc != LULL_OK)
		return missing(st, rc, "id", "ritual", c->id);
	/* A ritual stays in its household. */
	c->household_id = old.household_id;
	rc = meta_update(st, &c->meta, &old.meta, a, "ritual", c->id);
	if (rc == LULL_OK)
		rc = lull_ritual_check(c, &st->ei);
	if (rc == LULL_OK)
		rc = need_caregiver(st, a->caregiver_id, c->household_id,
		    "caregiver");
	if (rc == LULL_OK)
		rc = st->ops->ritual_update(st, c);
	lull_ritual_free(&old);
	return rc;
}

enum lull_err
lull_store_ritual_update(struct lull_store *st, struct lull_ritual *r,
    const struct lull_actor *a)
{
	struct lull_ritual c = *r;
	enum lull_err rc;

	fresh(st);
	assert(a != NULL);
	if (c.every == LULL_RITUAL_DAILY)
		c.weekday = 0;
	rc = level_push(st);
	if (rc == LULL_OK)
		rc = write_end(st, ritual_update(st, &c, a));
	if (rc == LULL_OK) {
		r->household_id = c.household_id;
		r->weekday = c.weekday;
		r->meta = c.meta;
	}
	return rc;
}

enum lull_err
lull_store_ritual_delete(struct lull_store *st, int64_t id)
{
	return delete_one(st, id, "ritual", st->ops->ritual_delete);
}

enum lull_err
lull_store_ritual_list(struct lull_store *st, int64_t household_id,
    struct lull_ritualv *out)
{
	enum lull_err rc;

	fresh(st);
	memset(out, 0, sizeof(*out));
	rc = need_household(st, household_id);
	if (rc == LULL_OK)
		rc = st->ops->ritual_list(st, household_id, out);
	return rc;
}

/* Households, whole */

/* The schema's cascades take everything in it, the memberships and
 * invitations of account.h included. */
enum lull_err
lull_store_household_delete(struct lull_store *st, int64_t household_id)
{
	return delete_one(st, household_id, "household",
	    st->ops->household_delete);
}

/* The transaction levels above, for account.c (store_int.h). */

void
store_fresh(struct lull_store *st)
{
	fresh(st);
}

enum lull_err
store_write_begin(struct lull_store *st)
{
	return level_push(st);
}

enum lull_err
store_write_end(struct lull_store *st, enum lull_err rc)
{
	return write_end(st, rc);
}

enum lull_err
store_read_begin(struct lull_store *st, int *opened)
{
	return read_begin(st, opened);
}

enum lull_err
store_read_end(struct lull_store *st, int opened, enum lull_err rc)
{
	return read_end(st, opened, rc);
}
