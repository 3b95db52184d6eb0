/*
 * The parents' side of the store, against a real SQLite file in a
 * temporary directory: caregivers' roles and the household's settings,
 * every kind of personal record written and read back, who may see what
 * (the privacy matrix, with "not yours to see" answered exactly as "not
 * there"), writes by anyone but the author, one check-in a day, screens
 * scored by the store, versions, cascades, rituals, the migration from a
 * version-4 journal, and personal records in the export and restore.
 * SPDX-License-Identifier: ISC
 */
#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/json.h"
#include "lull/model.h"
#include "lull/store.h"
#include "lull/tz.h"

#include "store/store_int.h"
#include "t.h"

#define DAY(y, m, d) lull_days_from_civil(y, m, d)
/* 2026-03-20 12:00 UTC; 2026-03-16 is a Monday. */
#define NOW          ((int64_t)DAY(2026, 3, 20) * 86400 + 12 * 3600)
#define AT(d, h, m)  ((int64_t)DAY(2026, 3, d) * 86400 + (h) * 3600 + (m) * 60)
#define W(s)         ((char[]){ s })
#define ALL_DAYS     INT32_MIN + 1, INT32_MAX

/*
 * Home: Anna and Ben (parents), Cleo (a consultant), Hal (a helper).
 * Away, another family: Olga (a parent).
 */
struct fx {
	char dir[64];
	char path[128];
	struct lull_store *st;
	struct lull_tz *tz;
	int64_t hh, away;
	int64_t anna, ben, cleo, hal, olga;
	struct lull_actor a_anna, a_ben, a_cleo, a_hal, a_olga, a_nobody;
};

static struct fx fx;

static void
rm_db(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[200];
	size_t i;

	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", path, suffix[i]);
		unlink(p);
	}
}

static int
fx_dir(void)
{
	memset(&fx, 0, sizeof(fx));
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/lull-test-care-XXXXXX");
	if (mkdtemp(fx.dir) == NULL) {
		perror("mkdtemp");
		return -1;
	}
	snprintf(fx.path, sizeof(fx.path), "%s/journal.db", fx.dir);
	return 0;
}

static int
fx_open(void)
{
	struct lull_errinfo ei;

	if (fx_dir() != 0)
		return -1;
	if (lull_store_open(&fx.st, fx.path, &ei) != LULL_OK) {
		fprintf(stderr, "open: %s\n", ei.msg);
		return -1;
	}
	return lull_tz_utc(&fx.tz) == LULL_OK ? 0 : -1;
}

static void
fx_close(void)
{
	lull_store_close(fx.st);
	fx.st = NULL;
	lull_tz_free(fx.tz);
	fx.tz = NULL;
	rm_db(fx.path);
	rmdir(fx.dir);
}

static int64_t
add_adult(int64_t hh, const char *name, enum lull_role role)
{
	struct lull_actor boot = { 0, NOW - 86400 };
	struct lull_caregiver g;
	char buf[32];
	int64_t id = 0;

	memset(&g, 0, sizeof(g));
	snprintf(buf, sizeof(buf), "%s", name);
	g.household_id = hh;
	g.name = buf;
	g.role = role;
	if (lull_store_caregiver_add(fx.st, &g, &boot, &id) != LULL_OK)
		fprintf(stderr, "caregiver %s: %s\n", name,
		    lull_store_error(fx.st)->msg);
	return id;
}

static int
fx_family(void)
{
	struct lull_actor boot = { 0, NOW - 86400 };
	struct lull_household h = { 0 };

	if (fx_open() != 0)
		return -1;
	h.name = W("Home");
	h.tz = W("UTC");
	if (lull_store_household_add(fx.st, &h, &boot, &fx.hh) != LULL_OK)
		return -1;
	h.name = W("Away");
	if (lull_store_household_add(fx.st, &h, &boot, &fx.away) != LULL_OK)
		return -1;
	fx.anna = add_adult(fx.hh, "Anna", LULL_ROLE_PARENT);
	fx.ben = add_adult(fx.hh, "Ben", LULL_ROLE_PARENT);
	fx.cleo = add_adult(fx.hh, "Cleo", LULL_ROLE_CONSULTANT);
	fx.hal = add_adult(fx.hh, "Hal", LULL_ROLE_HELPER);
	fx.olga = add_adult(fx.away, "Olga", LULL_ROLE_PARENT);
	if (!fx.anna || !fx.ben || !fx.cleo || !fx.hal || !fx.olga)
		return -1;
	fx.a_anna = (struct lull_actor){ fx.anna, NOW };
	fx.a_ben = (struct lull_actor){ fx.ben, NOW };
	fx.a_cleo = (struct lull_actor){ fx.cleo, NOW };
	fx.a_hal = (struct lull_actor){ fx.hal, NOW };
	fx.a_olga = (struct lull_actor){ fx.olga, NOW };
	fx.a_nobody = (struct lull_actor){ 0, NOW };
	return 0;
}

static const char *
errfield(void)
{
	return lull_store_error(fx.st)->field;
}

static const char *
errmsg(void)
{
	return lull_store_error(fx.st)->msg;
}

/* Records of each kind, for household Home, ready to add. */
static void
mk_sleep(struct lull_personal *p, int day, unsigned share)
{
	lull_personal_init(p);
	p->household_id = fx.hh;
	p->kind = LULL_PERSONAL_SLEEP;
	p->day = DAY(2026, 3, day);
	p->start_utc = AT(day, 23, 0);
	p->end_utc = AT(day, 23, 0) + 5 * 3600;
	p->share = share;
}

static void
mk_checkin(struct lull_personal *p, int day, int energy, int mood,
    unsigned share)
{
	lull_personal_init(p);
	p->household_id = fx.hh;
	p->kind = LULL_PERSONAL_CHECKIN;
	p->day = DAY(2026, 3, day);
	p->energy = energy;
	p->mood = mood;
	p->share = share;
}

static void
mk_screen(struct lull_personal *p, int day, const int *answers, int n,
    unsigned share)
{
	lull_personal_init(p);
	p->household_id = fx.hh;
	p->kind = LULL_PERSONAL_SCREEN;
	p->day = DAY(2026, 3, day);
	p->start_utc = AT(day, 9, 0);
	snprintf(p->instrument, sizeof(p->instrument), "%s",
	    n == 9 ? "phq9" : "gad2");
	memcpy(p->answers, answers, (size_t)n * sizeof(int));
	p->nanswers = n;
	p->share = share;
}

/* Texts that outlive the helpers below; the store only reads them. */
static char t_thanks[] = "You took the 3 am feed twice";
static char t_need[] = "An hour alone on Saturday";
static char t_coffee[] = "Thank you for the coffee";

static void
mk_couple(struct lull_personal *p, unsigned share)
{
	lull_personal_init(p);
	p->household_id = fx.hh;
	p->kind = LULL_PERSONAL_COUPLE;
	p->day = DAY(2026, 3, 16);
	p->appreciation = t_thanks;
	p->need = t_need;
	p->share = share;
}

static void
mk_note(struct lull_personal *p, int day, int64_t to)
{
	lull_personal_init(p);
	p->household_id = fx.hh;
	p->kind = LULL_PERSONAL_APPRECIATION;
	p->day = DAY(2026, 3, day);
	p->start_utc = AT(day, 8, 30);
	p->to_id = to;
	p->appreciation = t_coffee;
}

/* Add "p" as "a"; returns its id or 0. */
static int64_t
add(struct lull_personal *p, const struct lull_actor *a)
{
	if (lull_store_personal_add(fx.st, p, a) != LULL_OK) {
		fprintf(stderr, "personal add: %s\n", errmsg());
		return 0;
	}
	return p->id;
}

/* How many records of Home "viewer" sees. */
static long
nvisible(int64_t viewer)
{
	struct lull_personalv v;
	long n;

	if (lull_store_personal_list(fx.st, fx.hh, viewer, -1, ALL_DAYS, &v) !=
	    LULL_OK)
		return -1;
	n = (long)v.n;
	lull_personalv_free(&v);
	return n;
}

/* Does "viewer" see record "id"?  1 yes, 0 "not found", -1 other. */
static int
sees(int64_t viewer, int64_t id)
{
	struct lull_personal p;
	enum lull_err rc;

	rc = lull_store_personal_get(fx.st, id, viewer, &p);
	lull_personal_free(&p);
	return rc == LULL_OK ? 1 : rc == LULL_ENOTFOUND ? 0 : -1;
}

static long long
count(const char *q)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long n = -1;

	if (sqlite3_open(fx.path, &db) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, q, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static size_t
total(int64_t hh)
{
	size_t n = 0;

	if (lull_store_personal_count(fx.st, hh, &n) != LULL_OK)
		return (size_t)-1;
	return n;
}

/* ---- caregivers and the household ------------------------------------ */

static void
test_caregiver_fields(void)
{
	struct lull_caregiver g, got;
	struct lull_caregiverv v;
	int64_t id;

	T_CHECK(fx_family() == 0);
	memset(&g, 0, sizeof(g));
	g.household_id = fx.hh;
	g.name = W("Nora");
	g.role = LULL_ROLE_CONSULTANT;
	g.night_feeds = LULL_NIGHT_BREAST;
	g.work_days = 0x1f; /* Monday to Friday */
	T_EQ_INT(lull_store_caregiver_add(fx.st, &g, &fx.a_anna, &id), LULL_OK);
	T_EQ_INT(lull_store_caregiver_get(fx.st, id, &got), LULL_OK);
	T_EQ_INT(got.role, LULL_ROLE_CONSULTANT);
	T_EQ_INT(got.night_feeds, LULL_NIGHT_BREAST);
	T_EQ_INT(got.work_days, 0x1f);
	lull_caregiver_free(&got);
	T_EQ_INT(lull_store_caregiver_find(fx.st, fx.hh, "Nora", &got),
	    LULL_OK);
	T_EQ_INT(got.role, LULL_ROLE_CONSULTANT);
	T_EQ_INT(got.work_days, 0x1f);
	/* Stored by name, as the schema says. */
	T_EQ_INT(count("SELECT count(*) FROM caregiver WHERE role = "
		       "'consultant' AND night_feeds = 'breast'"),
	    1);

	/* Update: every new field, with the version. */
	got.role = LULL_ROLE_HELPER;
	got.night_feeds = LULL_NIGHT_NONE;
	got.work_days = 0x60;
	T_EQ_INT(lull_store_caregiver_update(fx.st, &got, &fx.a_anna),
	    LULL_OK);
	T_EQ_INT(got.meta.version, 2);
	lull_caregiver_free(&got);
	T_EQ_INT(lull_store_caregiver_list(fx.st, fx.hh, &v), LULL_OK);
	T_EQ_INT(v.n, 5);
	if (v.n == 5) {
		T_EQ_INT(v.v[0].role, LULL_ROLE_PARENT);
		T_EQ_INT(v.v[0].night_feeds, LULL_NIGHT_BOTTLE);
		T_EQ_INT(v.v[2].role, LULL_ROLE_CONSULTANT);
		T_EQ_INT(v.v[4].role, LULL_ROLE_HELPER);
		T_EQ_INT(v.v[4].night_feeds, LULL_NIGHT_NONE);
		T_EQ_INT(v.v[4].work_days, 0x60);
	}
	lull_caregiverv_free(&v);

	/* Values out of range are refused in words, naming the field. */
	g.name = W("Otto");
	g.role = (enum lull_role)7;
	T_EQ_INT(lull_store_caregiver_add(fx.st, &g, &fx.a_anna, &id),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "role");
	g.role = LULL_ROLE_PARENT;
	g.night_feeds = (enum lull_night_feeds)3;
	T_EQ_INT(lull_store_caregiver_add(fx.st, &g, &fx.a_anna, &id),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "night_feeds");
	g.night_feeds = LULL_NIGHT_BOTTLE;
	g.work_days = 0x80;
	T_EQ_INT(lull_store_caregiver_add(fx.st, &g, &fx.a_anna, &id),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "work_days");
	fx_close();
}

static void
test_household_fields(void)
{
	struct lull_household h = { 0 }, got;
	struct lull_actor boot = { 0, NOW };
	int64_t id;

	T_CHECK(fx_open() == 0);
	h.name = W("Home");
	h.tz = W("UTC");
	h.core_block_min = 300;
	h.emergency = W("112");
	h.crisis_lines = W("Samaritans: 116 123\nPANDAS: 0808 1961 776");
	T_EQ_INT(lull_store_household_add(fx.st, &h, &boot, &id), LULL_OK);
	T_EQ_INT(lull_store_household_get(fx.st, id, &got), LULL_OK);
	T_EQ_INT(got.core_block_min, 300);
	T_EQ_STR(got.emergency, "112");
	T_EQ_STR(got.crisis_lines, "Samaritans: 116 123\nPANDAS: 0808 1961 776");

	/* Back to the defaults: NULL in the database, 0 and NULL here. */
	free(got.emergency);
	free(got.crisis_lines);
	got.emergency = got.crisis_lines = NULL;
	got.core_block_min = 0;
	T_EQ_INT(lull_store_household_update(fx.st, &got, &boot), LULL_OK);
	lull_household_free(&got);
	T_EQ_INT(count("SELECT count(*) FROM household WHERE core_block_min "
		       "IS NULL AND emergency IS NULL AND crisis_lines IS NULL"),
	    1);
	T_EQ_INT(lull_store_household_get(fx.st, 0, &got), LULL_OK);
	T_EQ_INT(got.core_block_min, 0);
	T_CHECK(got.emergency == NULL && got.crisis_lines == NULL);
	T_EQ_INT(got.meta.version, 2);

	/* A target outside 3 to 8 hours is refused, naming the field. */
	got.core_block_min = 120;
	T_EQ_INT(lull_store_household_update(fx.st, &got, &boot),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "core_block_min");
	lull_household_free(&got);
	h.core_block_min = 481;
	T_EQ_INT(lull_store_household_add(fx.st, &h, &boot, &id), LULL_EINVAL);
	T_EQ_STR(errfield(), "core_block_min");
	fx_close();
}

/* ---- every kind -------------------------------------------------------- */

static void
test_every_kind(void)
{
	static const int phq9[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 0 };
	struct lull_personal p, got;
	struct lull_personalv v;
	int64_t id[5];
	int i;

	T_CHECK(fx_family() == 0);
	mk_sleep(&p, 18, 0);
	p.note = W("woke at 2 and could not settle");
	id[0] = add(&p, &fx.a_anna);
	T_EQ_INT(p.author_id, fx.anna);
	T_EQ_INT(p.meta.version, 1);
	T_EQ_INT(p.meta.created_by, fx.anna);
	T_EQ_INT(p.meta.created_utc, NOW);
	mk_checkin(&p, 19, 2, 3, 0);
	id[1] = add(&p, &fx.a_anna);
	mk_screen(&p, 19, phq9, 9, 0);
	id[2] = add(&p, &fx.a_anna);
	mk_couple(&p, LULL_SHARE_PARTNER);
	id[3] = add(&p, &fx.a_anna);
	mk_note(&p, 20, fx.ben);
	id[4] = add(&p, &fx.a_anna);
	for (i = 0; i < 5; i++)
		T_CHECK(id[i] > 0);

	/* Read back, field by field. */
	T_EQ_INT(lull_store_personal_get(fx.st, id[0], fx.anna, &got), LULL_OK);
	T_EQ_INT(got.kind, LULL_PERSONAL_SLEEP);
	T_EQ_INT(got.household_id, fx.hh);
	T_EQ_INT(got.day, DAY(2026, 3, 18));
	T_EQ_INT(got.start_utc, AT(18, 23, 0));
	T_EQ_INT(got.end_utc, AT(18, 23, 0) + 5 * 3600);
	T_EQ_INT(got.energy, LULL_UNKNOWN);
	T_EQ_INT(got.total, LULL_UNKNOWN);
	T_EQ_INT(got.to_id, 0);
	T_EQ_STR(got.note, "woke at 2 and could not settle");
	T_EQ_INT(got.share, 0);
	lull_personal_free(&got);

	T_EQ_INT(lull_store_personal_get(fx.st, id[1], fx.anna, &got), LULL_OK);
	T_EQ_INT(got.kind, LULL_PERSONAL_CHECKIN);
	T_EQ_INT(got.energy, 2);
	T_EQ_INT(got.mood, 3);
	T_EQ_INT(got.start_utc, LULL_NO_TIME);
	lull_personal_free(&got);

	T_EQ_INT(lull_store_personal_get(fx.st, id[2], fx.anna, &got), LULL_OK);
	T_EQ_INT(got.kind, LULL_PERSONAL_SCREEN);
	T_EQ_STR(got.instrument, "phq9");
	T_EQ_INT(got.nanswers, 9);
	T_CHECK(memcmp(got.answers, phq9, sizeof(phq9)) == 0);
	T_EQ_INT(got.total, 8);
	T_EQ_STR(got.band, "mild");
	T_EQ_INT(got.self_harm, 0);
	T_EQ_INT(got.start_utc, AT(19, 9, 0));
	lull_personal_free(&got);
	/* The answers as the schema keeps them. */
	T_EQ_INT(count("SELECT count(*) FROM personal "
		       "WHERE answers = '1,1,1,1,1,1,1,1,0'"),
	    1);

	T_EQ_INT(lull_store_personal_get(fx.st, id[3], fx.anna, &got), LULL_OK);
	T_EQ_INT(got.kind, LULL_PERSONAL_COUPLE);
	T_EQ_STR(got.appreciation, "You took the 3 am feed twice");
	T_EQ_STR(got.need, "An hour alone on Saturday");
	T_CHECK(got.repair == NULL && got.connection == NULL);
	T_EQ_INT(got.share, LULL_SHARE_PARTNER);
	lull_personal_free(&got);

	T_EQ_INT(lull_store_personal_get(fx.st, id[4], fx.anna, &got), LULL_OK);
	T_EQ_INT(got.kind, LULL_PERSONAL_APPRECIATION);
	T_EQ_INT(got.to_id, fx.ben);
	T_EQ_STR(got.appreciation, "Thank you for the coffee");

	/* Update: the text changes, the version grows. */
	free(got.appreciation);
	got.appreciation = W("Thank you for the coffee, and the walk");
	T_EQ_INT(lull_store_personal_update(fx.st, &got, &fx.a_anna), LULL_OK);
	T_EQ_INT(got.meta.version, 2);
	got.appreciation = NULL;
	lull_personal_free(&got);
	T_EQ_INT(lull_store_personal_get(fx.st, id[4], fx.anna, &got), LULL_OK);
	T_EQ_STR(got.appreciation, "Thank you for the coffee, and the walk");
	T_EQ_INT(got.meta.version, 2);
	T_EQ_INT(got.meta.updated_by, fx.anna);
	lull_personal_free(&got);

	/* Lists: by day, then start (none first), then id; by kind. */
	T_EQ_INT(lull_store_personal_list(fx.st, fx.hh, fx.anna, -1, ALL_DAYS,
		     &v),
	    LULL_OK);
	T_EQ_INT(v.n, 5);
	if (v.n == 5) {
		T_EQ_INT(v.v[0].id, id[3]); /* Monday the 16th */
		T_EQ_INT(v.v[1].id, id[0]); /* the 18th */
		T_EQ_INT(v.v[2].id, id[1]); /* the 19th, no time */
		T_EQ_INT(v.v[3].id, id[2]); /* the 19th, 09:00 */
		T_EQ_INT(v.v[4].id, id[4]);
	}
	lull_personalv_free(&v);
	T_EQ_INT(lull_store_personal_list(fx.st, fx.hh, fx.anna,
		     LULL_PERSONAL_SCREEN, ALL_DAYS, &v),
	    LULL_OK);
	T_EQ_INT(v.n, 1);
	lull_personalv_free(&v);
	T_EQ_INT(lull_store_personal_list(fx.st, fx.hh, fx.anna, -1,
		     DAY(2026, 3, 18), DAY(2026, 3, 19), &v),
	    LULL_OK);
	T_EQ_INT(v.n, 3);
	lull_personalv_free(&v);
	T_EQ_INT(lull_store_personal_list(fx.st, fx.hh, fx.anna, 9, ALL_DAYS,
		     &v),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "kind");

	/* Delete, each kind. */
	for (i = 0; i < 5; i++)
		T_EQ_INT(lull_store_personal_delete(fx.st, id[i], &fx.a_anna),
		    LULL_OK);
	T_EQ_INT(nvisible(fx.anna), 0);
	T_EQ_INT(lull_store_personal_delete(fx.st, id[0], &fx.a_anna),
	    LULL_ENOTFOUND);
	fx_close();
}

/* What each kind does not use is refused, not dropped. */
static void
test_kind_fields(void)
{
	static const int two[2] = { 3, 3 };
	struct lull_personal p, got;
	int64_t id;

	T_CHECK(fx_family() == 0);
	mk_sleep(&p, 18, 0);
	p.energy = 3;
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "energy");
	T_EQ_INT(p.id, 0);
	mk_checkin(&p, 19, 3, 3, 0);
	p.end_utc = AT(19, 8, 0);
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "end");
	mk_checkin(&p, 19, 3, 3, 0);
	p.to_id = fx.ben;
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "to");
	mk_note(&p, 19, fx.ben);
	p.need = W("sleep");
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "need");
	/* The kind's own rules (lull_personal_check) run too. */
	mk_checkin(&p, 19, 6, 3, 0);
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "energy");
	mk_couple(&p, 0);
	p.day = DAY(2026, 3, 17); /* a Tuesday */
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "day");
	mk_screen(&p, 19, two, 2, 0);
	p.nanswers = 1;
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "answers");
	T_EQ_INT(total(fx.hh), 0);

	/* A record keeps its kind. */
	mk_checkin(&p, 19, 3, 3, 0);
	id = add(&p, &fx.a_anna);
	T_EQ_INT(lull_store_personal_get(fx.st, id, fx.anna, &got), LULL_OK);
	got.kind = LULL_PERSONAL_SLEEP;
	got.energy = got.mood = LULL_UNKNOWN;
	got.start_utc = AT(19, 1, 0);
	got.end_utc = AT(19, 5, 0);
	T_EQ_INT(lull_store_personal_update(fx.st, &got, &fx.a_anna),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "kind");
	lull_personal_free(&got);
	fx_close();
}

/* ---- privacy ------------------------------------------------------------ */

static void
test_privacy_matrix(void)
{
	static const int gad2[2] = { 2, 1 };
	struct lull_personal p;
	int64_t priv, partner, consult, both, note_ben, note_hal, ben_own;

	T_CHECK(fx_family() == 0);
	mk_checkin(&p, 19, 2, 2, 0);
	priv = add(&p, &fx.a_anna);
	mk_sleep(&p, 18, LULL_SHARE_PARTNER);
	partner = add(&p, &fx.a_anna);
	mk_screen(&p, 19, gad2, 2, LULL_SHARE_CONSULTANT);
	consult = add(&p, &fx.a_anna);
	mk_couple(&p, LULL_SHARE_PARTNER | LULL_SHARE_CONSULTANT);
	both = add(&p, &fx.a_anna);
	mk_note(&p, 20, fx.ben);
	note_ben = add(&p, &fx.a_anna);
	mk_note(&p, 20, fx.hal);
	note_hal = add(&p, &fx.a_anna);
	mk_checkin(&p, 19, 4, 4, 0);
	ben_own = add(&p, &fx.a_ben);
	T_CHECK(priv && partner && consult && both && note_ben && note_hal &&
	    ben_own);

	/* The author sees every record of theirs. */
	T_EQ_INT(sees(fx.anna, priv), 1);
	T_EQ_INT(sees(fx.anna, partner), 1);
	T_EQ_INT(sees(fx.anna, consult), 1);
	T_EQ_INT(sees(fx.anna, note_hal), 1);
	T_EQ_INT(sees(fx.anna, ben_own), 0);
	T_EQ_INT(nvisible(fx.anna), 6);

	/* A partner: what partners were given, and a note to them. */
	T_EQ_INT(sees(fx.ben, priv), 0);
	T_EQ_INT(sees(fx.ben, partner), 1);
	T_EQ_INT(sees(fx.ben, consult), 0);
	T_EQ_INT(sees(fx.ben, both), 1);
	T_EQ_INT(sees(fx.ben, note_ben), 1);
	T_EQ_INT(sees(fx.ben, note_hal), 0);
	T_EQ_INT(sees(fx.ben, ben_own), 1);
	T_EQ_INT(nvisible(fx.ben), 4);

	/* A consultant: only what was shared with a consultant. */
	T_EQ_INT(sees(fx.cleo, priv), 0);
	T_EQ_INT(sees(fx.cleo, partner), 0);
	T_EQ_INT(sees(fx.cleo, consult), 1);
	T_EQ_INT(sees(fx.cleo, both), 1);
	T_EQ_INT(sees(fx.cleo, note_ben), 0);
	T_EQ_INT(nvisible(fx.cleo), 2);

	/* A helper: nothing of others', but a note written to them. */
	T_EQ_INT(sees(fx.hal, priv), 0);
	T_EQ_INT(sees(fx.hal, partner), 0);
	T_EQ_INT(sees(fx.hal, consult), 0);
	T_EQ_INT(sees(fx.hal, both), 0);
	T_EQ_INT(sees(fx.hal, note_ben), 0);
	T_EQ_INT(sees(fx.hal, note_hal), 1);
	T_EQ_INT(nvisible(fx.hal), 1);

	/* Another family's parent, nobody, a stranger's id: nothing. */
	T_EQ_INT(sees(fx.olga, partner), 0);
	T_EQ_INT(sees(fx.olga, both), 0);
	T_EQ_INT(nvisible(fx.olga), 0);
	T_EQ_INT(sees(0, partner), 0);
	T_EQ_INT(nvisible(0), 0);
	T_EQ_INT(sees(9999, partner), 0);
	T_EQ_INT(nvisible(9999), 0);

	/* A change of role changes what they see, at once. */
	{
		struct lull_caregiver g;

		T_EQ_INT(lull_store_caregiver_get(fx.st, fx.ben, &g), LULL_OK);
		g.role = LULL_ROLE_HELPER;
		T_EQ_INT(lull_store_caregiver_update(fx.st, &g, &fx.a_anna),
		    LULL_OK);
		lull_caregiver_free(&g);
		T_EQ_INT(sees(fx.ben, partner), 0);
		T_EQ_INT(sees(fx.ben, note_ben), 1);
		T_EQ_INT(sees(fx.ben, ben_own), 1);
	}
	/* Every record is still there. */
	T_EQ_INT(total(fx.hh), 7);
	T_EQ_INT(total(fx.away), 0);
	fx_close();
}

/* "msg" without the first mention of "id" (which the caller gave). */
static void
strip_id(char *msg, int64_t id)
{
	char digits[32], *s;
	size_t n;

	n = (size_t)snprintf(digits, sizeof(digits), "%lld", (long long)id);
	if ((s = strstr(msg, digits)) != NULL)
		memmove(s, s + n, strlen(s + n) + 1);
}

/* Two failures are the same answer, but for the ids asked about. */
static void
same_answer(struct lull_errinfo a, int64_t ida, struct lull_errinfo b,
    int64_t idb)
{
	T_EQ_INT(a.code, b.code);
	T_EQ_STR(a.field, b.field);
	T_CHECK(strstr(a.msg, "personal record") != NULL);
	strip_id(a.msg, ida);
	strip_id(b.msg, idb);
	T_EQ_STR(a.msg, b.msg);
}

/*
 * "Not yours to see" and "not there" are one answer: the same code, the
 * same field, the same words with the id asked for, on get, update and
 * delete.
 */
static void
test_hidden_is_missing(void)
{
	struct lull_personal p, q;
	struct lull_errinfo hidden, gone;
	int64_t id, none;

	T_CHECK(fx_family() == 0);
	mk_checkin(&p, 19, 2, 2, 0);
	id = add(&p, &fx.a_anna);
	none = id + 1000;

	T_EQ_INT(lull_store_personal_get(fx.st, id, fx.olga, &q),
	    LULL_ENOTFOUND);
	hidden = *lull_store_error(fx.st);
	T_EQ_INT(lull_store_personal_get(fx.st, none, fx.olga, &q),
	    LULL_ENOTFOUND);
	gone = *lull_store_error(fx.st);
	same_answer(hidden, id, gone, none);
	/* The same for a partner who may not see it, for a helper, for
	 * nobody, and for the author asking about a missing one. */
	T_EQ_INT(lull_store_personal_get(fx.st, id, fx.ben, &q),
	    LULL_ENOTFOUND);
	same_answer(*lull_store_error(fx.st), id, gone, none);
	T_EQ_INT(lull_store_personal_get(fx.st, id, fx.hal, &q),
	    LULL_ENOTFOUND);
	same_answer(*lull_store_error(fx.st), id, gone, none);
	T_EQ_INT(lull_store_personal_get(fx.st, id, 0, &q), LULL_ENOTFOUND);
	same_answer(*lull_store_error(fx.st), id, gone, none);
	T_EQ_INT(lull_store_personal_get(fx.st, none, fx.anna, &q),
	    LULL_ENOTFOUND);
	same_answer(*lull_store_error(fx.st), none, gone, none);

	/* Update and delete by someone who may not see it. */
	p.energy = 5;
	T_EQ_INT(lull_store_personal_update(fx.st, &p, &fx.a_ben),
	    LULL_ENOTFOUND);
	hidden = *lull_store_error(fx.st);
	q = p;
	q.id = none;
	T_EQ_INT(lull_store_personal_update(fx.st, &q, &fx.a_ben),
	    LULL_ENOTFOUND);
	gone = *lull_store_error(fx.st);
	same_answer(hidden, id, gone, none);
	T_EQ_INT(lull_store_personal_delete(fx.st, id, &fx.a_olga),
	    LULL_ENOTFOUND);
	hidden = *lull_store_error(fx.st);
	T_EQ_INT(lull_store_personal_delete(fx.st, none, &fx.a_olga),
	    LULL_ENOTFOUND);
	gone = *lull_store_error(fx.st);
	same_answer(hidden, id, gone, none);
	T_EQ_INT(lull_store_personal_delete(fx.st, id, &fx.a_cleo),
	    LULL_ENOTFOUND);
	same_answer(*lull_store_error(fx.st), id, gone, none);
	T_EQ_INT(lull_store_personal_delete(fx.st, id, &fx.a_nobody),
	    LULL_ENOTFOUND);
	same_answer(*lull_store_error(fx.st), id, gone, none);
	/* Nothing changed. */
	T_EQ_INT(lull_store_personal_get(fx.st, id, fx.anna, &q), LULL_OK);
	T_EQ_INT(q.energy, 2);
	T_EQ_INT(q.meta.version, 1);
	lull_personal_free(&q);
	fx_close();
}

static void
test_only_the_author_writes(void)
{
	struct lull_personal p, got;
	int64_t id, note;

	T_CHECK(fx_family() == 0);
	mk_sleep(&p, 18, LULL_SHARE_PARTNER);
	id = add(&p, &fx.a_anna);
	mk_note(&p, 20, fx.ben);
	note = add(&p, &fx.a_anna);

	/* Ben sees them, and may not change or delete them. */
	T_EQ_INT(lull_store_personal_get(fx.st, id, fx.ben, &got), LULL_OK);
	got.note = W("edited by Ben");
	T_EQ_INT(lull_store_personal_update(fx.st, &got, &fx.a_ben),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "as");
	got.note = NULL;
	lull_personal_free(&got);
	T_EQ_INT(lull_store_personal_delete(fx.st, id, &fx.a_ben), LULL_EINVAL);
	T_EQ_STR(errfield(), "as");
	T_EQ_INT(lull_store_personal_delete(fx.st, note, &fx.a_ben),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "as");
	T_EQ_INT(total(fx.hh), 2);

	/* Adding: the author is the actor, whatever the record says. */
	mk_checkin(&p, 19, 3, 3, 0);
	p.author_id = fx.ben;
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna), LULL_OK);
	T_EQ_INT(p.author_id, fx.anna);
	/* Nobody, a stranger, or an adult of another family: refused. */
	mk_checkin(&p, 18, 3, 3, 0);
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_nobody), LULL_EINVAL);
	T_EQ_STR(errfield(), "as");
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_olga), LULL_EINVAL);
	T_EQ_STR(errfield(), "as");
	{
		struct lull_actor ghost = { 9999, NOW };

		T_EQ_INT(lull_store_personal_add(fx.st, &p, &ghost),
		    LULL_EINVAL);
		T_EQ_STR(errfield(), "as");
	}
	/* A household that is not there. */
	p.household_id = 9999;
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna),
	    LULL_ENOTFOUND);

	/* A note goes to another adult of the same household. */
	mk_note(&p, 20, fx.anna);
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "to");
	mk_note(&p, 20, fx.olga);
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "to");
	mk_note(&p, 20, 9999);
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "to");
	T_EQ_INT(total(fx.hh), 3);
	fx_close();
}

static void
test_one_checkin_a_day(void)
{
	struct lull_personal p, got;
	int64_t first, other;

	T_CHECK(fx_family() == 0);
	mk_checkin(&p, 19, 2, 3, 0);
	first = add(&p, &fx.a_anna);
	mk_checkin(&p, 19, 4, 4, 0);
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &fx.a_anna),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "day");
	T_CHECK(strstr(errmsg(), "2026-03-19") != NULL);
	T_CHECK(strstr(errmsg(), "already") != NULL);
	T_EQ_INT(p.id, 0);
	/* Someone else that day, and Anna the next: fine. */
	T_CHECK(add(&p, &fx.a_ben) > 0);
	mk_checkin(&p, 20, 4, 4, 0);
	other = add(&p, &fx.a_anna);
	T_CHECK(other > 0);
	/* Moving one onto a day that has one is the same conflict. */
	T_EQ_INT(lull_store_personal_get(fx.st, other, fx.anna, &got), LULL_OK);
	got.day = DAY(2026, 3, 19);
	T_EQ_INT(lull_store_personal_update(fx.st, &got, &fx.a_anna),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "day");
	/* Changing the one of the day itself is not. */
	lull_personal_free(&got);
	T_EQ_INT(lull_store_personal_get(fx.st, first, fx.anna, &got), LULL_OK);
	got.mood = 5;
	T_EQ_INT(lull_store_personal_update(fx.st, &got, &fx.a_anna), LULL_OK);
	lull_personal_free(&got);
	/* Other kinds may be many a day. */
	mk_sleep(&p, 19, 0);
	T_CHECK(add(&p, &fx.a_anna) > 0);
	mk_sleep(&p, 19, 0);
	p.start_utc = AT(19, 13, 0);
	p.end_utc = AT(19, 14, 0);
	T_CHECK(add(&p, &fx.a_anna) > 0);
	T_EQ_INT(total(fx.hh), 5);
	fx_close();
}

static void
test_screen_scored_by_store(void)
{
	static const int phq9[9] = { 2, 2, 2, 2, 2, 2, 2, 2, 1 };
	struct lull_personal p, got;
	int64_t id;

	T_CHECK(fx_family() == 0);
	mk_screen(&p, 19, phq9, 9, 0);
	/* Whatever the caller says, the store scores the answers. */
	p.total = 0;
	snprintf(p.band, sizeof(p.band), "minimal");
	p.self_harm = 0;
	id = add(&p, &fx.a_anna);
	T_CHECK(id > 0);
	T_EQ_INT(p.total, 17);
	T_EQ_STR(p.band, "moderately_severe");
	T_EQ_INT(p.self_harm, 1);
	T_EQ_INT(lull_store_personal_get(fx.st, id, fx.anna, &got), LULL_OK);
	T_EQ_INT(got.total, 17);
	T_EQ_STR(got.band, "moderately_severe");
	T_EQ_INT(got.self_harm, 1);

	/* On update too: new answers, new score; the caller's ignored. */
	got.answers[8] = 0;
	got.answers[0] = 0;
	got.total = 27;
	got.self_harm = 1;
	T_EQ_INT(lull_store_personal_update(fx.st, &got, &fx.a_anna), LULL_OK);
	T_EQ_INT(got.total, 14);
	T_EQ_STR(got.band, "moderate");
	T_EQ_INT(got.self_harm, 0);
	lull_personal_free(&got);
	T_EQ_INT(count("SELECT total FROM personal"), 14);
	T_EQ_INT(count("SELECT self_harm FROM personal"), 0);

	/* Not scored for other kinds, whatever was given. */
	mk_checkin(&p, 19, 3, 3, 0);
	p.total = 12;
	p.self_harm = 1;
	T_CHECK(add(&p, &fx.a_anna) > 0);
	T_EQ_INT(p.total, LULL_UNKNOWN);
	T_EQ_INT(p.self_harm, 0);
	T_EQ_INT(count("SELECT count(*) FROM personal WHERE kind = 'checkin' "
		       "AND total IS NULL AND self_harm IS NULL"),
	    1);
	fx_close();
}

static void
test_versions(void)
{
	struct lull_personal p, a, b;
	int64_t id;

	T_CHECK(fx_family() == 0);
	mk_checkin(&p, 19, 2, 3, 0);
	id = add(&p, &fx.a_anna);
	T_EQ_INT(lull_store_personal_get(fx.st, id, fx.anna, &a), LULL_OK);
	T_EQ_INT(lull_store_personal_get(fx.st, id, fx.anna, &b), LULL_OK);
	a.mood = 4;
	T_EQ_INT(lull_store_personal_update(fx.st, &a, &fx.a_anna), LULL_OK);
	T_EQ_INT(a.meta.version, 2);
	b.mood = 1;
	T_EQ_INT(lull_store_personal_update(fx.st, &b, &fx.a_anna),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "version");
	lull_personal_free(&b);
	T_EQ_INT(lull_store_personal_get(fx.st, id, fx.anna, &b), LULL_OK);
	T_EQ_INT(b.mood, 4);
	/* Version 0: "I did not load it first", no check. */
	b.meta.version = 0;
	b.mood = 1;
	T_EQ_INT(lull_store_personal_update(fx.st, &b, &fx.a_anna), LULL_OK);
	T_EQ_INT(b.meta.version, 3);
	T_EQ_INT(b.meta.created_utc, NOW);
	lull_personal_free(&a);
	lull_personal_free(&b);
	fx_close();
}

/* ---- cascades ----------------------------------------------------------- */

static void
test_caregiver_delete_cascades(void)
{
	struct lull_personal p;
	int64_t ben_note;

	T_CHECK(fx_family() == 0);
	mk_checkin(&p, 19, 2, 3, LULL_SHARE_PARTNER);
	T_CHECK(add(&p, &fx.a_anna) > 0);
	mk_sleep(&p, 18, 0);
	T_CHECK(add(&p, &fx.a_anna) > 0);
	mk_note(&p, 20, fx.anna);
	ben_note = add(&p, &fx.a_ben);
	mk_checkin(&p, 19, 4, 4, 0);
	T_CHECK(add(&p, &fx.a_ben) > 0);
	T_EQ_INT(total(fx.hh), 4);
	/* Anna leaves: her records, and the note written to her, go. */
	T_EQ_INT(lull_store_caregiver_delete(fx.st, fx.anna), LULL_OK);
	T_EQ_INT(total(fx.hh), 1);
	T_EQ_INT(sees(fx.ben, ben_note), 0);
	T_EQ_INT(nvisible(fx.ben), 1);
	fx_close();
}

static void
test_household_cascades(void)
{
	struct lull_personal p;
	struct lull_ritual r;
	struct lull_ritualv rv;

	T_CHECK(fx_family() == 0);
	mk_checkin(&p, 19, 2, 3, 0);
	T_CHECK(add(&p, &fx.a_anna) > 0);
	mk_note(&p, 20, fx.anna);
	T_CHECK(add(&p, &fx.a_ben) > 0);
	lull_ritual_init(&r);
	r.household_id = fx.hh;
	r.name = W("Walk together");
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_anna), LULL_OK);
	/* Olga's household is untouched by Home's clear. */
	lull_personal_init(&p);
	p.household_id = fx.away;
	p.kind = LULL_PERSONAL_CHECKIN;
	p.day = DAY(2026, 3, 19);
	p.energy = p.mood = 3;
	T_CHECK(add(&p, &fx.a_olga) > 0);
	r.household_id = fx.away;
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_olga), LULL_OK);

	T_EQ_INT(lull_store_household_clear(fx.st, fx.hh), LULL_OK);
	T_EQ_INT(total(fx.hh), 0);
	T_EQ_INT(lull_store_ritual_list(fx.st, fx.hh, &rv), LULL_OK);
	T_EQ_INT(rv.n, 0);
	lull_ritualv_free(&rv);
	T_EQ_INT(total(fx.away), 1);

	/* Deleting the household row (the schema's cascade) takes the
	 * rest. */
	lull_store_close(fx.st);
	fx.st = NULL;
	{
		sqlite3 *db;

		T_EQ_INT(sqlite3_open(fx.path, &db), SQLITE_OK);
		T_EQ_INT(sqlite3_exec(db,
			     "PRAGMA foreign_keys = ON; "
			     "DELETE FROM household WHERE name = 'Away'",
			     NULL, NULL, NULL),
		    SQLITE_OK);
		sqlite3_close(db);
	}
	T_EQ_INT(count("SELECT count(*) FROM personal"), 0);
	T_EQ_INT(count("SELECT count(*) FROM ritual"), 0);
	fx_close();
}

/* ---- rituals ------------------------------------------------------------ */

static void
test_rituals(void)
{
	struct lull_ritual r, got, stale;
	struct lull_ritualv v;
	int64_t walk, tea;

	T_CHECK(fx_family() == 0);
	lull_ritual_init(&r);
	r.household_id = fx.hh;
	r.name = W("Evening walk");
	r.every = LULL_RITUAL_DAILY;
	r.weekday = 4; /* ignored for a daily one */
	r.at_min = 19 * 60;
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_anna), LULL_OK);
	walk = r.id;
	T_CHECK(walk > 0);
	T_EQ_INT(r.meta.version, 1);
	T_EQ_INT(r.meta.created_by, fx.anna);
	lull_ritual_init(&r);
	r.household_id = fx.hh;
	r.name = W("Sunday tea");
	r.every = LULL_RITUAL_WEEKLY;
	r.weekday = 6;
	r.note = W("phones away");
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_ben), LULL_OK);
	tea = r.id;

	T_EQ_INT(lull_store_ritual_get(fx.st, walk, &got), LULL_OK);
	T_EQ_STR(got.name, "Evening walk");
	T_EQ_INT(got.every, LULL_RITUAL_DAILY);
	T_EQ_INT(got.weekday, 0);
	T_EQ_INT(got.at_min, 19 * 60);
	T_CHECK(got.note == NULL);
	lull_ritual_free(&got);
	T_EQ_INT(lull_store_ritual_find(fx.st, fx.hh, "Sunday tea", &got),
	    LULL_OK);
	T_EQ_INT(got.id, tea);
	T_EQ_INT(got.every, LULL_RITUAL_WEEKLY);
	T_EQ_INT(got.weekday, 6);
	T_EQ_INT(got.at_min, LULL_UNKNOWN);
	T_EQ_STR(got.note, "phones away");
	T_EQ_INT(lull_store_ritual_find(fx.st, fx.hh, "Nope", &stale),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "ritual");
	T_EQ_INT(lull_store_ritual_get(fx.st, 9999, &stale), LULL_ENOTFOUND);

	/* Names are unique in a household, not across them. */
	r.name = W("Evening walk");
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_anna), LULL_ECONFLICT);
	T_EQ_STR(errfield(), "name");
	T_CHECK(strstr(errmsg(), "Evening walk") != NULL);
	r.household_id = fx.away;
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_olga), LULL_OK);
	/* Not for an adult of another family to add to Home. */
	r.household_id = fx.hh;
	r.name = W("Olga's idea");
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_olga), LULL_EINVAL);
	/* The rules: a weekly one needs its day, a time is of a day. */
	r.weekday = -1;
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "weekday");
	r.weekday = 2;
	r.at_min = 1440;
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "at");
	r.name = W("  ");
	r.at_min = LULL_UNKNOWN;
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "name");

	/* Update, with versions; renaming onto another is a conflict. */
	stale = got;
	stale.name = NULL;
	stale.note = NULL;
	free(got.note);
	got.note = NULL;
	got.at_min = 16 * 60;
	T_EQ_INT(lull_store_ritual_update(fx.st, &got, &fx.a_anna), LULL_OK);
	T_EQ_INT(got.meta.version, 2);
	stale.name = W("Sunday tea");
	T_EQ_INT(lull_store_ritual_update(fx.st, &stale, &fx.a_ben),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "version");
	free(got.name);
	got.name = strdup("Evening walk");
	T_EQ_INT(lull_store_ritual_update(fx.st, &got, &fx.a_anna),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "name");
	lull_ritual_free(&got);

	T_EQ_INT(lull_store_ritual_list(fx.st, fx.hh, &v), LULL_OK);
	T_EQ_INT(v.n, 2);
	if (v.n == 2) {
		T_EQ_INT(v.v[0].id, walk);
		T_EQ_INT(v.v[1].id, tea);
		T_EQ_INT(v.v[1].at_min, 16 * 60);
		T_CHECK(v.v[1].note == NULL);
		T_CHECK(lull_ritual_due(&v.v[1], DAY(2026, 3, 22))); /* Sun */
		T_CHECK(!lull_ritual_due(&v.v[1], DAY(2026, 3, 21)));
	}
	lull_ritualv_free(&v);
	T_EQ_INT(lull_store_ritual_delete(fx.st, walk), LULL_OK);
	T_EQ_INT(lull_store_ritual_delete(fx.st, walk), LULL_ENOTFOUND);
	T_EQ_INT(lull_store_ritual_list(fx.st, fx.hh, &v), LULL_OK);
	T_EQ_INT(v.n, 1);
	lull_ritualv_free(&v);
	T_EQ_INT(lull_store_ritual_list(fx.st, 9999, &v), LULL_ENOTFOUND);
	fx_close();
}

/* ---- migration ---------------------------------------------------------- */

static void
test_migrate_from_4(void)
{
	struct lull_caregiverv v;
	struct lull_household h;
	struct lull_personal p;
	struct lull_errinfo ei;
	struct lull_actor a = { 0, NOW };
	sqlite3 *db;
	char sql[256];
	size_t i;

	T_CHECK(fx_dir() == 0);
	/* A journal as the previous lull left it: migrations 1 to 4. */
	T_CHECK(store_nmigrations >= 5);
	T_EQ_INT(sqlite3_open(fx.path, &db), SQLITE_OK);
	T_EQ_INT(sqlite3_exec(db,
		     "CREATE TABLE schema_version (version INTEGER PRIMARY "
		     "KEY, name TEXT NOT NULL, applied_utc INTEGER NOT NULL)",
		     NULL, NULL, NULL),
	    SQLITE_OK);
	for (i = 0; i < store_nmigrations && store_migrations[i].version <= 4;
	     i++) {
		T_EQ_INT(sqlite3_exec(db, store_migrations[i].sql, NULL, NULL,
			     NULL),
		    SQLITE_OK);
		snprintf(sql, sizeof(sql),
		    "INSERT INTO schema_version VALUES (%d, '%s', 0)",
		    store_migrations[i].version, store_migrations[i].name);
		T_EQ_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	}
	T_EQ_INT(i, 4);
	T_EQ_INT(sqlite3_exec(db,
		     "INSERT INTO household (name, tz, created_utc, "
		     "updated_utc, version) VALUES ('Old', 'UTC', 1, 1, 1);"
		     "INSERT INTO caregiver (household_id, name, created_utc, "
		     "updated_utc, version) VALUES (1, 'Kim', 1, 1, 1), "
		     "(1, 'Jo', 1, 1, 1);",
		     NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);

	T_EQ_INT(lull_store_open(&fx.st, fx.path, &ei), LULL_OK);
	T_EQ_INT(lull_store_schema_version(fx.st),
	    store_migrations[store_nmigrations - 1].version);
	/* Everyone who was there is a parent giving a bottle, working no
	 * fixed days; the household keeps the defaults. */
	T_EQ_INT(lull_store_caregiver_list(fx.st, 1, &v), LULL_OK);
	T_EQ_INT(v.n, 2);
	for (i = 0; i < v.n; i++) {
		T_EQ_INT(v.v[i].role, LULL_ROLE_PARENT);
		T_EQ_INT(v.v[i].night_feeds, LULL_NIGHT_BOTTLE);
		T_EQ_INT(v.v[i].work_days, 0);
	}
	T_EQ_INT(lull_store_household_get(fx.st, 1, &h), LULL_OK);
	T_EQ_INT(h.core_block_min, 0);
	T_CHECK(h.emergency == NULL && h.crisis_lines == NULL);
	T_EQ_STR(h.name, "Old");
	lull_household_free(&h);
	/* And the old journal takes personal records: a partner sees
	 * what is shared with partners, as parents do. */
	if (v.n == 2) {
		a.caregiver_id = v.v[0].id;
		lull_personal_init(&p);
		p.household_id = 1;
		p.kind = LULL_PERSONAL_CHECKIN;
		p.day = DAY(2026, 3, 19);
		p.energy = p.mood = 3;
		p.share = LULL_SHARE_PARTNER;
		T_EQ_INT(lull_store_personal_add(fx.st, &p, &a), LULL_OK);
		T_EQ_INT(lull_store_personal_get(fx.st, p.id, v.v[1].id, &p),
		    LULL_OK);
		lull_personal_free(&p);
	}
	lull_caregiverv_free(&v);
	fx_close();
}

/* ---- export and restore ------------------------------------------------- */

static char *
export_as(struct lull_store *st, int64_t hh, int64_t viewer)
{
	struct lull_errinfo ei;
	char *out = NULL;

	if (lull_export_json(st, hh, viewer, fx.tz, NOW, &out, &ei) != LULL_OK)
		fprintf(stderr, "export: %s\n", ei.msg);
	return out;
}

/* Anna and Ben's week, everything of it shared with the other. */
static void
add_week(void)
{
	static const int phq9[9] = { 1, 0, 2, 1, 0, 0, 1, 0, 0 };
	struct lull_household h;
	struct lull_caregiver g;
	struct lull_personal p;
	struct lull_ritual r;

	T_EQ_INT(lull_store_household_get(fx.st, fx.hh, &h), LULL_OK);
	h.core_block_min = 270;
	h.emergency = strdup("112");
	h.crisis_lines = strdup("Line A: 0800 111\nLine B: 0800 222");
	T_EQ_INT(lull_store_household_update(fx.st, &h, &fx.a_anna), LULL_OK);
	lull_household_free(&h);
	T_EQ_INT(lull_store_caregiver_get(fx.st, fx.ben, &g), LULL_OK);
	g.night_feeds = LULL_NIGHT_NONE;
	g.work_days = 0x1f;
	T_EQ_INT(lull_store_caregiver_update(fx.st, &g, &fx.a_ben), LULL_OK);
	lull_caregiver_free(&g);

	mk_sleep(&p, 17, LULL_SHARE_PARTNER);
	p.note = W("four hours in one go");
	T_CHECK(add(&p, &fx.a_anna) > 0);
	mk_checkin(&p, 18, 2, 3, 0); /* Anna's own */
	T_CHECK(add(&p, &fx.a_anna) > 0);
	mk_checkin(&p, 18, 4, 4, LULL_SHARE_PARTNER);
	T_CHECK(add(&p, &fx.a_ben) > 0);
	mk_screen(&p, 19, phq9, 9, LULL_SHARE_CONSULTANT);
	T_CHECK(add(&p, &fx.a_anna) > 0);
	mk_couple(&p, LULL_SHARE_PARTNER | LULL_SHARE_CONSULTANT);
	p.repair = W("Sorry about Tuesday");
	T_CHECK(add(&p, &fx.a_ben) > 0);
	mk_note(&p, 20, fx.anna);
	p.note = W("on the fridge");
	T_CHECK(add(&p, &fx.a_ben) > 0);
	lull_ritual_init(&r);
	r.household_id = fx.hh;
	r.name = W("Sunday tea");
	r.every = LULL_RITUAL_WEEKLY;
	r.weekday = 6;
	r.at_min = 16 * 60 + 30;
	r.note = W("phones away");
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_ben), LULL_OK);
	lull_ritual_init(&r);
	r.household_id = fx.hh;
	r.name = W("Goodnight");
	T_EQ_INT(lull_store_ritual_add(fx.st, &r, &fx.a_anna), LULL_OK);
}

static json_t *
member(json_t *doc, const char *key)
{
	return json_object_get(doc, key);
}

static void
test_export_privacy(void)
{
	json_error_t jerr;
	json_t *doc, *pa, *o;
	char *text;
	size_t i;

	T_CHECK(fx_family() == 0);
	add_week();

	/* Anna: her own three, and Ben's partner-shared check-in, couple
	 * check-in and note to her; nothing left out. */
	text = export_as(fx.st, fx.hh, fx.anna);
	doc = text != NULL ? json_loads(text, 0, &jerr) : NULL;
	T_CHECK(doc != NULL);
	pa = member(doc, "personal");
	T_EQ_INT(json_array_size(pa), 6);
	T_EQ_INT(json_integer_value(member(doc, "personal_omitted")), 0);
	o = json_array_get(pa, 0);
	T_EQ_STR(json_string_value(member(o, "author")), "Ben");
	T_EQ_STR(json_string_value(member(o, "kind")), "couple");
	T_EQ_STR(json_string_value(member(o, "repair")), "Sorry about Tuesday");
	T_CHECK(json_is_null(member(o, "connection")));
	T_CHECK(member(o, "energy") == NULL && member(o, "to") == NULL);
	T_EQ_STR(json_string_value(member(o, "day")), "2026-03-16");
	T_EQ_INT(json_array_size(member(o, "share")), 2);
	for (i = 0; i < json_array_size(pa); i++) {
		o = json_array_get(pa, i);
		if (strcmp(json_string_value(member(o, "kind")), "screen") == 0) {
			T_EQ_STR(json_string_value(member(o, "instrument")),
			    "phq9");
			T_EQ_INT(json_array_size(member(o, "answers")), 9);
			T_EQ_INT(json_integer_value(member(o, "total")), 5);
			T_EQ_STR(json_string_value(member(o, "band")), "mild");
			T_CHECK(json_is_false(member(o, "self_harm")));
			T_EQ_STR(json_string_value(member(o, "at")),
			    "2026-03-19T09:00:00+00:00");
			T_EQ_STR(json_string_value(json_array_get(
				     member(o, "share"), 0)),
			    "consultant");
		}
		if (strcmp(json_string_value(member(o, "kind")),
			"appreciation") == 0) {
			T_EQ_STR(json_string_value(member(o, "author")), "Ben");
			T_EQ_STR(json_string_value(member(o, "to")), "Anna");
		}
		if (strcmp(json_string_value(member(o, "kind")), "sleep") == 0)
			T_CHECK(member(o, "start") != NULL &&
			    member(o, "at") == NULL);
	}
	/* The household's settings and the adults' fields. */
	o = member(doc, "household");
	T_EQ_INT(json_integer_value(member(o, "core_block_min")), 270);
	T_EQ_STR(json_string_value(member(o, "emergency")), "112");
	o = json_array_get(member(doc, "caregivers"), 1);
	T_EQ_STR(json_string_value(member(o, "name")), "Ben");
	T_EQ_STR(json_string_value(member(o, "role")), "parent");
	T_EQ_STR(json_string_value(member(o, "night_feeds")), "none");
	T_EQ_INT(json_array_size(member(o, "work_days")), 5);
	T_EQ_STR(json_string_value(json_array_get(member(o, "work_days"), 4)),
	    "fri");
	o = json_array_get(member(doc, "caregivers"), 2);
	T_EQ_STR(json_string_value(member(o, "role")), "consultant");
	T_EQ_INT(json_array_size(member(doc, "rituals")), 2);
	o = json_array_get(member(doc, "rituals"), 0);
	T_EQ_STR(json_string_value(member(o, "weekday")), "sun");
	T_EQ_STR(json_string_value(member(o, "at")), "16:30");
	json_decref(doc);
	free(text);

	/* Ben: his three and Anna's partner-shared sleep; her own
	 * check-in and the consultant's screen are left out, counted. */
	text = export_as(fx.st, fx.hh, fx.ben);
	doc = text != NULL ? json_loads(text, 0, &jerr) : NULL;
	T_EQ_INT(json_array_size(member(doc, "personal")), 4);
	T_EQ_INT(json_integer_value(member(doc, "personal_omitted")), 2);
	T_CHECK(text != NULL && strstr(text, "\"phq9\"") == NULL);
	json_decref(doc);
	free(text);

	/* Cleo the consultant: the screen and the couple check-in. */
	text = export_as(fx.st, fx.hh, fx.cleo);
	doc = text != NULL ? json_loads(text, 0, &jerr) : NULL;
	T_EQ_INT(json_array_size(member(doc, "personal")), 2);
	T_EQ_INT(json_integer_value(member(doc, "personal_omitted")), 4);
	json_decref(doc);
	free(text);

	/* Hal the helper, and nobody at all: none, and how many. */
	text = export_as(fx.st, fx.hh, fx.hal);
	doc = text != NULL ? json_loads(text, 0, &jerr) : NULL;
	T_EQ_INT(json_array_size(member(doc, "personal")), 0);
	T_EQ_INT(json_integer_value(member(doc, "personal_omitted")), 6);
	json_decref(doc);
	free(text);
	text = export_as(fx.st, fx.hh, 0);
	doc = text != NULL ? json_loads(text, 0, &jerr) : NULL;
	T_EQ_INT(json_array_size(member(doc, "personal")), 0);
	T_EQ_INT(json_integer_value(member(doc, "personal_omitted")), 6);
	/* The journal itself is whole for everyone. */
	T_EQ_INT(json_array_size(member(doc, "caregivers")), 4);
	T_EQ_INT(json_array_size(member(doc, "rituals")), 2);
	T_CHECK(text != NULL && strstr(text, "fridge") == NULL &&
	    strstr(text, "Tuesday") == NULL);
	json_decref(doc);
	free(text);
	fx_close();
}

/* Restore "text" into a fresh journal "name" in the test's folder. */
static enum lull_err
restore_into(const char *name, const char *text, struct lull_store **out,
    struct lull_restore_stats *stats, struct lull_errinfo *ei)
{
	struct lull_actor nobody = { 0, NOW };
	char spec[200];
	enum lull_err rc;

	snprintf(spec, sizeof(spec), "%s/%s", fx.dir, name);
	rm_db(spec);
	*out = NULL;
	rc = lull_store_open(out, spec, ei);
	if (rc == LULL_OK)
		rc = lull_restore_json(*out, text, strlen(text), "backup.json",
		    0, &nobody, stats, ei);
	return rc;
}

static void
close_restored(const char *name, struct lull_store *st)
{
	char spec[200];

	lull_store_close(st);
	snprintf(spec, sizeof(spec), "%s/%s", fx.dir, name);
	rm_db(spec);
}

static void
test_export_restore_exact(void)
{
	struct lull_restore_stats stats;
	struct lull_store *b = NULL;
	struct lull_errinfo ei;
	struct lull_caregiver g;
	struct lull_personalv v;
	char *one, *two = NULL;

	T_CHECK(fx_family() == 0);
	add_week();
	/* Anna sees every record of the week: the whole of it restores. */
	one = export_as(fx.st, fx.hh, fx.anna);
	T_CHECK(one != NULL);
	if (one == NULL) {
		fx_close();
		return;
	}
	T_EQ_INT(restore_into("b.db", one, &b, &stats, &ei), LULL_OK);
	T_EQ_INT(stats.caregivers, 4);
	T_EQ_INT(stats.personal, 6);
	T_EQ_INT(stats.rituals, 2);
	if (b != NULL) {
		struct lull_household h;
		int64_t anna = 0, ben = 0;

		T_EQ_INT(lull_store_household_get(b, 0, &h), LULL_OK);
		T_EQ_INT(h.core_block_min, 270);
		T_EQ_STR(h.crisis_lines, "Line A: 0800 111\nLine B: 0800 222");
		if (lull_store_caregiver_find(b, h.id, "Anna", &g) == LULL_OK)
			anna = g.id;
		lull_caregiver_free(&g);
		if (lull_store_caregiver_find(b, h.id, "Ben", &g) == LULL_OK) {
			ben = g.id;
			T_EQ_INT(g.night_feeds, LULL_NIGHT_NONE);
			T_EQ_INT(g.work_days, 0x1f);
		}
		lull_caregiver_free(&g);
		if (lull_store_caregiver_find(b, h.id, "Cleo", &g) == LULL_OK)
			T_EQ_INT(g.role, LULL_ROLE_CONSULTANT);
		lull_caregiver_free(&g);
		two = export_as(b, h.id, anna);
		/* Privacy holds in the restored journal: each record is
		 * its author's again, shared as it was. */
		T_EQ_INT(lull_store_personal_list(b, h.id, ben, -1, ALL_DAYS,
			     &v),
		    LULL_OK);
		T_EQ_INT(v.n, 4);
		lull_personalv_free(&v);
		lull_household_free(&h);
	}
	T_CHECK(two != NULL && strcmp(one, two) == 0);
	if (two != NULL && strcmp(one, two) != 0)
		fprintf(stderr, "--- one\n%s\n--- two\n%s\n", one, two);
	free(two);
	close_restored("b.db", b);
	free(one);
	fx_close();
}

/* Restore "one" with array[i].<key> set to "v" (taken; NULL deletes). */
static enum lull_err
restore_patched(const char *one, const char *array, size_t i,
    const char *key, json_t *v, struct lull_errinfo *ei)
{
	struct lull_restore_stats stats;
	struct lull_store *b = NULL;
	json_error_t jerr;
	json_t *doc = json_loads(one, 0, &jerr), *o;
	enum lull_err rc;
	char *text;

	o = json_array_get(json_object_get(doc, array), i);
	if (v == NULL)
		json_object_del(o, key);
	else
		json_object_set_new(o, key, v);
	text = json_dumps(doc, 0);
	json_decref(doc);
	rc = restore_into("c.db", text, &b, &stats, ei);
	close_restored("c.db", b);
	free(text);
	return rc;
}

static void
test_restore_errors(void)
{
	struct lull_errinfo ei;
	char *one;

	T_CHECK(fx_family() == 0);
	add_week();
	one = export_as(fx.st, fx.hh, fx.anna);
	if (one == NULL) {
		fx_close();
		return;
	}
	/* personal[0] is Ben's couple check-in, personal[4] Anna's screen. */
	T_EQ_INT(restore_patched(one, "personal", 0, "author",
		     json_string("Zoe"), &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "backup.json: personal[0].author") != NULL);
	T_EQ_INT(restore_patched(one, "personal", 0, "author", NULL, &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "personal[0].author: is missing") != NULL);
	T_EQ_INT(restore_patched(one, "personal", 0, "kind", json_string("diary"),
		     &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "personal[0].kind") != NULL);
	T_EQ_INT(restore_patched(one, "personal", 0, "energy", json_integer(3),
		     &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "personal[0]: energy: a couple check-in has "
			       "no energy") != NULL);
	T_EQ_INT(restore_patched(one, "personal", 0, "day",
		     json_string("2026-03-17"), &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "personal[0]") != NULL);
	T_EQ_STR(ei.field, "day");
	T_EQ_INT(restore_patched(one, "personal", 0, "share",
		     json_pack("[s]", "everyone"), &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "personal[0].share") != NULL);
	T_EQ_INT(restore_patched(one, "rituals", 0, "weekday", json_string("sol"),
		     &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "rituals[0].weekday") != NULL);
	T_EQ_INT(restore_patched(one, "rituals", 0, "at", json_string("25:00"),
		     &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "rituals[0].at") != NULL);
	T_EQ_INT(restore_patched(one, "caregivers", 0, "role",
		     json_string("boss"), &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "caregivers[0].role") != NULL);
	/* The scored members are for reading: a wrong total is scored
	 * again; wrong answers are not. */
	T_EQ_INT(restore_patched(one, "personal", 4, "total", json_integer(99),
		     &ei),
	    LULL_OK);
	T_EQ_INT(restore_patched(one, "personal", 4, "answers",
		     json_pack("[i, i]", 1, 1), &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "personal[4]: phq9 takes 9 answers") != NULL);
	T_EQ_STR(ei.field, "answers");
	T_EQ_INT(restore_patched(one, "personal", 4, "answers",
		     json_pack("[i, s]", 1, "x"), &ei),
	    LULL_EINVAL);
	T_CHECK(strstr(ei.msg, "personal[4].answers") != NULL);
	free(one);
	fx_close();
}

/* A schema-1 export from before the parents' side restores as ever. */
static void
test_restore_old_export(void)
{
	static const char old[] =
	    "{\"schema\": 1, \"generator\": \"lull 0.1.0\","
	    " \"household\": {\"name\": \"Old\", \"tz\": \"UTC\","
	    "  \"created_at\": \"2026-03-01T10:00:00+00:00\"},"
	    " \"caregivers\": [{\"name\": \"Kim\", \"logged_by\": null,"
	    "  \"logged_at\": \"2026-03-01T10:00:00+00:00\", \"version\": 1}],"
	    " \"children\": [], \"sleeps\": [], \"feeds\": [], \"tags\": []}";
	struct lull_restore_stats stats;
	struct lull_store *b = NULL;
	struct lull_errinfo ei;
	struct lull_household h;
	struct lull_caregiverv v;

	T_CHECK(fx_dir() == 0);
	T_EQ_INT(lull_tz_utc(&fx.tz), LULL_OK);
	T_EQ_INT(restore_into("old.db", old, &b, &stats, &ei), LULL_OK);
	T_EQ_INT(stats.caregivers, 1);
	T_EQ_INT(stats.personal, 0);
	T_EQ_INT(stats.rituals, 0);
	if (b != NULL && lull_store_household_get(b, 0, &h) == LULL_OK) {
		T_EQ_INT(h.core_block_min, 0);
		T_CHECK(h.emergency == NULL);
		T_EQ_INT(lull_store_caregiver_list(b, h.id, &v), LULL_OK);
		T_EQ_INT(v.n, 1);
		if (v.n == 1) {
			T_EQ_INT(v.v[0].role, LULL_ROLE_PARENT);
			T_EQ_INT(v.v[0].night_feeds, LULL_NIGHT_BOTTLE);
			T_EQ_INT(v.v[0].work_days, 0);
		}
		lull_caregiverv_free(&v);
		lull_household_free(&h);
	}
	close_restored("old.db", b);
	fx_close();
}

static const struct t_case cases[] = {
	{ "caregivers: role, night feeds, work days", test_caregiver_fields },
	{ "household: core block, emergency, crisis lines",
	    test_household_fields },
	{ "every kind: add, get, update, list, delete", test_every_kind },
	{ "fields a kind does not use are refused", test_kind_fields },
	{ "privacy: who sees what", test_privacy_matrix },
	{ "not yours to see is not found", test_hidden_is_missing },
	{ "only the author writes", test_only_the_author_writes },
	{ "one morning check-in a day", test_one_checkin_a_day },
	{ "screens are scored by the store", test_screen_scored_by_store },
	{ "versions", test_versions },
	{ "deleting an adult deletes their records", test_caregiver_delete_cascades },
	{ "household clear and delete cascade", test_household_cascades },
	{ "rituals", test_rituals },
	{ "a version-4 journal migrates", test_migrate_from_4 },
	{ "export: only what the adult may see", test_export_privacy },
	{ "export and restore are exact", test_export_restore_exact },
	{ "restore errors name the place", test_restore_errors },
	{ "an export from before restores", test_restore_old_export },
};

T_MAIN(cases)
