/*
 * People who sign in (account.h), against a real SQLite file in a
 * temporary directory: accounts and their refusals, login (a wrong
 * password and an unknown email answer alike), password changes that end
 * and tokens, sessions that slide and expire, API tokens, households with
 * their members and access, the last owner kept, invitations (used,
 * expired, already a member, a consultant's role, a name reused or
 * taken), invitations that die with their maker's owner access, listed
 * and revoked, the journal role an invitation or an access change gives,
 * records never handed to someone else, deletion cascades, and no secret
 * in the database in the clear.
 *
 * Every account costs an argon2id hash (tens of milliseconds), so the
 * cases create only the accounts they need.
 * SPDX-License-Identifier: ISC
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "lull/account.h"
#include "lull/cal.h"
#include "lull/care.h"
#include "lull/model.h"
#include "lull/store.h"

#include "t.h"

#define DAY(y, m, d) lull_days_from_civil(y, m, d)
#define NOW          ((int64_t)DAY(2026, 5, 4) * 86400 + 9 * 3600)
#define W(s)         ((char[]){ s })
#define PW           "correct horse battery"

struct fx {
	char dir[64];
	char path[128];
	struct lull_store *st;
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
fx_open(void)
{
	struct lull_errinfo ei;

	memset(&fx, 0, sizeof(fx));
	if (!lull_account_init())
		return -1;
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/lull-test-acct-XXXXXX");
	if (mkdtemp(fx.dir) == NULL) {
		perror("mkdtemp");
		return -1;
	}
	snprintf(fx.path, sizeof(fx.path), "%s/journal.db", fx.dir);
	if (lull_store_open(&fx.st, fx.path, &ei) != LULL_OK) {
		fprintf(stderr, "open: %s\n", ei.msg);
		return -1;
	}
	return 0;
}

static void
fx_close(void)
{
	lull_store_close(fx.st);
	fx.st = NULL;
	rm_db(fx.path);
	rmdir(fx.dir);
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

/* A new account with password PW; 0 (and a message) if refused. */
static int64_t
acct(const char *email, const char *name)
{
	int64_t id = 0;

	if (lull_account_create(fx.st, email, name, PW, NOW, &id) != LULL_OK)
		fprintf(stderr, "account %s: %s\n", email, errmsg());
	return id;
}

/* A household owned by "owner"; 0 if refused. */
static int64_t
home(int64_t owner, const char *name)
{
	int64_t hid = 0;

	if (lull_household_create(fx.st, owner, name, "Europe/Berlin", NOW,
		&hid) != LULL_OK)
		fprintf(stderr, "household %s: %s\n", name, errmsg());
	return hid;
}

/* One number from the database, read on a connection of our own. */
static long long
count(const char *q)
{
	sqlite3_stmt *s = NULL;
	sqlite3 *db = NULL;
	long long n = -1;

	if (sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READONLY, NULL) ==
		SQLITE_OK &&
	    sqlite3_prepare_v2(db, q, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	else
		fprintf(stderr, "count: %s: %s\n", q, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* Run "q" on a connection of our own (what the API cannot do: a row as
 * an older lull left it); 0 when it ran. */
static int
sql(const char *q)
{
	sqlite3 *db = NULL;
	int rc = -1;

	if (sqlite3_open(fx.path, &db) == SQLITE_OK &&
	    sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) ==
		SQLITE_OK &&
	    sqlite3_exec(db, q, NULL, NULL, NULL) == SQLITE_OK)
		rc = 0;
	else
		fprintf(stderr, "sql: %s: %s\n", q, sqlite3_errmsg(db));
	sqlite3_close(db);
	return rc;
}

/* Does any column of any row of "table" hold "needle"?  -1 on error. */
static int
table_holds(const char *table, const char *needle)
{
	sqlite3_stmt *s = NULL;
	sqlite3 *db = NULL;
	char q[128];
	int found = 0, i, rc;

	snprintf(q, sizeof(q), "SELECT * FROM %s", table);
	if (sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READONLY, NULL) !=
		SQLITE_OK ||
	    sqlite3_prepare_v2(db, q, -1, &s, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		for (i = 0; i < sqlite3_column_count(s); i++) {
			const unsigned char *t = sqlite3_column_text(s, i);

			if (t != NULL && strstr((const char *)t, needle))
				found = 1;
		}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return rc == SQLITE_DONE ? found : -1;
}

/* Do the database's files, byte for byte, hold "needle"? */
static int
files_hold(const char *needle)
{
	static const char *const suffix[] = { "", "-wal" };
	size_t i, n, len = strlen(needle), k;
	char p[200], *buf;
	int found = 0;
	FILE *f;

	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", fx.path, suffix[i]);
		if ((f = fopen(p, "rb")) == NULL)
			continue;
		buf = malloc(1 << 24);
		n = buf != NULL ? fread(buf, 1, 1 << 24, f) : 0;
		fclose(f);
		for (k = 0; n >= len && k <= n - len && !found; k++)
			found = memcmp(buf + k, needle, len) == 0;
		free(buf);
	}
	return found;
}

static void
test_access_names(void)
{
	int i;

	for (i = 0; i < LULL_ACCESS__MAX; i++)
		T_EQ_INT(lull_access_parse(lull_access_name(i)), i);
	T_EQ_STR(lull_access_name(LULL_ACCESS_READONLY), "readonly");
	T_EQ_INT(lull_access_parse("consultant"), LULL_ACCESS_CONSULTANT);
	T_EQ_INT(lull_access_parse("admin"), -1);
	T_EQ_INT(lull_access_parse(NULL), -1);
	T_CHECK(lull_access_name(LULL_ACCESS__MAX) == NULL);
	T_CHECK(lull_account_init());
	T_CHECK(lull_account_init()); /* again: still fine */
}

static void
test_account_create(void)
{
	char longpw[LULL_PASSWORD_MAX + 2], longmail[300];
	struct lull_account a;
	int64_t id, id2;

	T_CHECK(fx_open() == 0);
	/* Kept in lower case, without the blanks around it. */
	T_EQ_INT(lull_account_create(fx.st, "  Anna.K@Example.ORG ", "Anna", PW,
		     NOW, &id),
	    LULL_OK);
	T_CHECK(id > 0);
	T_EQ_INT(lull_account_get(fx.st, id, &a), LULL_OK);
	T_EQ_STR(a.email, "anna.k@example.org");
	T_EQ_STR(a.name, "Anna");
	T_EQ_INT(a.created_utc, NOW);
	T_EQ_INT(a.version, 1);
	lull_account_free(&a);

	/* The same address in another case is taken. */
	id2 = 99;
	T_EQ_INT(lull_account_create(fx.st, "ANNA.K@example.org", "Other", PW,
		     NOW, &id2),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "email");
	T_EQ_INT(id2, 0);

	/* Passwords: 10 bytes at least, 256 at most. */
	T_EQ_INT(lull_account_create(fx.st, "b@example.org", "Ben", "123456789",
		     NOW, &id2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "password");
	T_CHECK(strstr(errmsg(), "at least 10") != NULL);
	memset(longpw, 'x', sizeof(longpw) - 1);
	longpw[sizeof(longpw) - 1] = '\0';
	T_EQ_INT(strlen(longpw), LULL_PASSWORD_MAX + 1);
	T_EQ_INT(lull_account_create(fx.st, "b@example.org", "Ben", longpw, NOW,
		     &id2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "password");
	T_EQ_INT(lull_account_create(fx.st, "b@example.org", "Ben", NULL, NOW,
		     &id2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "password");

	/* Emails: an "@" with something on both sides, 254 bytes at most. */
	T_EQ_INT(lull_account_create(fx.st, "ben.example.org", "Ben", PW, NOW,
		     &id2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "email");
	T_CHECK(strstr(errmsg(), "\"ben.example.org\"") != NULL);
	T_EQ_INT(lull_account_create(fx.st, "@example.org", "Ben", PW, NOW,
		     &id2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "email");
	T_EQ_INT(lull_account_create(fx.st, "ben@", "Ben", PW, NOW, &id2),
	    LULL_EINVAL);
	T_EQ_INT(lull_account_create(fx.st, "ben smith@example.org", "Ben", PW,
		     NOW, &id2),
	    LULL_EINVAL);
	T_EQ_INT(lull_account_create(fx.st, "", "Ben", PW, NOW, &id2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "email");
	memset(longmail, 'a', sizeof(longmail));
	snprintf(longmail + 243, sizeof(longmail) - 243, "@example.org");
	T_EQ_INT(strlen(longmail), 255);
	T_EQ_INT(lull_account_create(fx.st, longmail, "Ben", PW, NOW, &id2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "email");

	/* A name. */
	T_EQ_INT(lull_account_create(fx.st, "b@example.org", " \t", PW, NOW,
		     &id2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "name");
	T_EQ_INT(lull_account_create(fx.st, "b@example.org", NULL, PW, NOW,
		     &id2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "name");
	T_EQ_INT(id2, 0);

	/* Nothing refused was written. */
	T_EQ_INT(count("SELECT count(*) FROM account"), 1);
	T_EQ_INT(lull_account_get(fx.st, id + 1, &a), LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "account");
	fx_close();
}

static void
test_account_find_list(void)
{
	struct lull_accountv v;
	struct lull_account a;
	int64_t anna, ben;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	T_EQ_INT(lull_account_find(fx.st, " ANNA@Example.org", &a), LULL_OK);
	T_EQ_INT(a.id, anna);
	T_EQ_STR(a.name, "Anna");
	lull_account_free(&a);
	T_EQ_INT(lull_account_find(fx.st, "cleo@example.org", &a),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "email");
	T_CHECK(a.id == 0 && a.email == NULL);
	T_EQ_INT(lull_account_find(fx.st, "cleo", &a), LULL_EINVAL);

	T_EQ_INT(lull_account_list(fx.st, &v), LULL_OK);
	T_EQ_INT(v.n, 2);
	if (v.n == 2) {
		T_EQ_INT(v.v[0].id, anna);
		T_EQ_STR(v.v[0].email, "anna@example.org");
		T_EQ_INT(v.v[1].id, ben);
		T_EQ_STR(v.v[1].name, "Ben");
	}
	lull_accountv_free(&v);
	T_EQ_INT(v.n, 0);
	fx_close();
}

static void
test_login(void)
{
	struct lull_errinfo wrong, unknown;
	int64_t anna, id;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	T_EQ_INT(lull_account_login(fx.st, "anna@example.org", PW, &id),
	    LULL_OK);
	T_EQ_INT(id, anna);
	/* Without case, and with blanks around. */
	T_EQ_INT(lull_account_login(fx.st, " Anna@EXAMPLE.org", PW, &id),
	    LULL_OK);
	T_EQ_INT(id, anna);

	/* A wrong password and an unknown email: the same answer. */
	id = 7;
	T_EQ_INT(lull_account_login(fx.st, "anna@example.org",
		     "correct horse battery!", &id),
	    LULL_ENOTFOUND);
	T_EQ_INT(id, 0);
	wrong = *lull_store_error(fx.st);
	T_EQ_INT(lull_account_login(fx.st, "nobody@example.org", PW, &id),
	    LULL_ENOTFOUND);
	unknown = *lull_store_error(fx.st);
	T_EQ_STR(wrong.msg, "email or password is wrong");
	T_EQ_STR(unknown.msg, wrong.msg);
	T_EQ_STR(unknown.field, wrong.field);
	T_EQ_INT(unknown.code, wrong.code);
	/* Not even an email, or no password: the same again. */
	T_EQ_INT(lull_account_login(fx.st, "anna", PW, &id), LULL_ENOTFOUND);
	T_EQ_STR(errmsg(), wrong.msg);
	T_EQ_INT(lull_account_login(fx.st, "anna@example.org", NULL, &id),
	    LULL_ENOTFOUND);
	T_EQ_STR(errmsg(), wrong.msg);
	T_EQ_INT(id, 0);
	fx_close();
}

static void
test_set_password(void)
{
	char sid[LULL_TOKEN_LEN + 1], sid2[LULL_TOKEN_LEN + 1];
	char bsid[LULL_TOKEN_LEN + 1], tok[LULL_TOKEN_LEN + 1];
	char btok[LULL_TOKEN_LEN + 1];
	struct lull_api_tokenv v;
	struct lull_session s;
	struct lull_account a;
	int64_t anna, ben, id, tid;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	T_EQ_INT(lull_session_start(fx.st, anna, NOW, sid, &s), LULL_OK);
	T_EQ_INT(lull_session_start(fx.st, anna, NOW, sid2, &s), LULL_OK);
	T_EQ_INT(lull_session_start(fx.st, ben, NOW, bsid, &s), LULL_OK);

	T_EQ_INT(lull_api_token_create(fx.st, anna, "script", NOW, tok, &tid),
	    LULL_OK);
	T_EQ_INT(lull_api_token_create(fx.st, ben, "script", NOW, btok, &tid),
	    LULL_OK);

	T_EQ_INT(lull_account_set_password(fx.st, anna, "short", NOW),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "password");
	T_EQ_INT(lull_account_set_password(fx.st, anna + 100,
		     "a new long password", NOW),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "account");
	/* Refusals changed nothing: the sessions and tokens live. */
	T_EQ_INT(lull_session_get(fx.st, sid, NOW, &s), LULL_OK);
	T_EQ_INT(lull_api_token_check(fx.st, tok, NOW, &id), LULL_OK);

	T_EQ_INT(lull_account_set_password(fx.st, anna, "a new long password",
		     NOW + 5),
	    LULL_OK);
	T_EQ_INT(lull_account_login(fx.st, "anna@example.org", PW, &id),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_account_login(fx.st, "anna@example.org",
		     "a new long password", &id),
	    LULL_OK);
	T_EQ_INT(id, anna);
	T_EQ_INT(lull_account_get(fx.st, anna, &a), LULL_OK);
	T_EQ_INT(a.version, 2);
	lull_account_free(&a);
	/* Every session of Anna's ended; Ben's did not. */
	T_EQ_INT(lull_session_get(fx.st, sid, NOW, &s), LULL_ENOTFOUND);
	T_EQ_INT(lull_session_get(fx.st, sid2, NOW, &s), LULL_ENOTFOUND);
	T_EQ_INT(lull_session_get(fx.st, bsid, NOW, &s), LULL_OK);
	T_EQ_INT(s.account_id, ben);
	/* And every API token of Anna's is revoked, then; Ben's is not.  A
	 * password is reset because someone else may know it, and may
	 * have made a token with it. */
	T_EQ_INT(lull_api_token_check(fx.st, tok, NOW + 10, &id),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_api_token_list(fx.st, anna, &v), LULL_OK);
	T_EQ_INT(v.n, 1);
	if (v.n == 1)
		T_EQ_INT(v.v[0].revoked_utc, NOW + 5);
	lull_api_tokenv_free(&v);
	T_EQ_INT(lull_api_token_check(fx.st, btok, NOW + 10, &id), LULL_OK);
	T_EQ_INT(id, ben);

	/* The password asked again (before making a token). */
	T_EQ_INT(lull_account_check_password(fx.st, anna,
		     "a new long password"),
	    LULL_OK);
	T_EQ_INT(lull_account_check_password(fx.st, anna, PW), LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "password");
	T_EQ_INT(lull_account_check_password(fx.st, anna, NULL),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_account_check_password(fx.st, anna + 100, PW),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "account");
	fx_close();
}

static void
test_sessions(void)
{
	char sid[LULL_TOKEN_LEN + 1], sid2[LULL_TOKEN_LEN + 1];
	char bsid[LULL_TOKEN_LEN + 1], hex[80];
	struct lull_session s, s2;
	int64_t anna, ben, t;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");

	T_EQ_INT(lull_session_start(fx.st, anna, NOW, sid, &s), LULL_OK);
	T_EQ_INT(strlen(sid), LULL_TOKEN_LEN);
	T_EQ_INT(strspn(sid,
		     "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		     "0123456789-_"),
	    LULL_TOKEN_LEN);
	T_EQ_INT(s.account_id, anna);
	T_EQ_INT(strlen(s.csrf), LULL_TOKEN_LEN);
	T_EQ_INT(s.expires_utc, NOW + LULL_SESSION_SEC);
	/* A second session: another id, another CSRF token. */
	T_EQ_INT(lull_session_start(fx.st, anna, NOW, sid2, &s2), LULL_OK);
	T_CHECK(strcmp(sid, sid2) != 0);
	T_CHECK(strcmp(s.csrf, s2.csrf) != 0);
	T_CHECK(strcmp(sid, s.csrf) != 0);

	/* Found again, with its CSRF token. */
	memset(&s2, 0, sizeof(s2));
	T_EQ_INT(lull_session_get(fx.st, sid, NOW + 10, &s2), LULL_OK);
	T_EQ_INT(s2.account_id, anna);
	T_EQ_STR(s2.csrf, s.csrf);
	/* Less than a minute on: the expiry is not written again. */
	T_EQ_INT(s2.expires_utc, NOW + LULL_SESSION_SEC);
	/* Later: it slides, and is written. */
	t = NOW + 3600;
	T_EQ_INT(lull_session_get(fx.st, sid, t, &s2), LULL_OK);
	T_EQ_INT(s2.expires_utc, t + LULL_SESSION_SEC);
	snprintf(hex, sizeof(hex),
	    "SELECT count(*) FROM session WHERE expires_utc = %lld",
	    (long long)(t + LULL_SESSION_SEC));
	T_EQ_INT(count(hex), 1);
	/* Still there a second before the slid expiry ... */
	T_EQ_INT(lull_session_get(fx.st, sid, t + LULL_SESSION_SEC - 1, &s2),
	    LULL_OK);
	/* ... and the other, never used, expired at NOW + 30 days. */
	T_EQ_INT(lull_session_get(fx.st, sid2, NOW + LULL_SESSION_SEC, &s2),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "session");
	T_CHECK(s2.account_id == 0 && s2.csrf[0] == '\0');
	/* An expired session is removed, not kept. */
	T_EQ_INT(count("SELECT count(*) FROM session"), 1);

	/* Unknown, malformed, empty. */
	T_EQ_INT(lull_session_get(fx.st, s.csrf, NOW, &s2), LULL_ENOTFOUND);
	T_EQ_INT(lull_session_get(fx.st, "abc", NOW, &s2), LULL_ENOTFOUND);
	T_EQ_INT(lull_session_get(fx.st, "", NOW, &s2), LULL_ENOTFOUND);
	T_EQ_INT(lull_session_get(fx.st, NULL, NOW, &s2), LULL_ENOTFOUND);
	/* No account, no session. */
	T_EQ_INT(lull_session_start(fx.st, ben + 100, NOW, sid2, &s2),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "account");
	T_EQ_INT(sid2[0], '\0');

	/* Ending one; ending it again is "not found". */
	T_EQ_INT(lull_session_end(fx.st, sid), LULL_OK);
	T_EQ_INT(lull_session_get(fx.st, sid, NOW, &s2), LULL_ENOTFOUND);
	T_EQ_INT(lull_session_end(fx.st, sid), LULL_ENOTFOUND);
	T_EQ_INT(lull_session_end(fx.st, "not a session"), LULL_ENOTFOUND);

	/* Log out everywhere: Anna's sessions, not Ben's. */
	T_EQ_INT(lull_session_start(fx.st, anna, NOW, sid, &s), LULL_OK);
	T_EQ_INT(lull_session_start(fx.st, anna, NOW, sid2, &s), LULL_OK);
	T_EQ_INT(lull_session_start(fx.st, ben, NOW, bsid, &s), LULL_OK);
	T_EQ_INT(lull_session_end_all(fx.st, anna), LULL_OK);
	T_EQ_INT(lull_session_get(fx.st, sid, NOW, &s), LULL_ENOTFOUND);
	T_EQ_INT(lull_session_get(fx.st, sid2, NOW, &s), LULL_ENOTFOUND);
	T_EQ_INT(lull_session_get(fx.st, bsid, NOW, &s), LULL_OK);
	T_EQ_INT(lull_session_end_all(fx.st, anna), LULL_OK); /* none left */
	T_EQ_INT(lull_session_end_all(fx.st, ben + 100), LULL_ENOTFOUND);

	/* The id is kept as its hash only. */
	T_EQ_INT(table_holds("session", bsid), 0);
	T_EQ_INT(files_hold(bsid), 0);
	fx_close();
}

static void
test_tokens(void)
{
	char tok[LULL_TOKEN_LEN + 1], tok2[LULL_TOKEN_LEN + 1];
	struct lull_api_tokenv v;
	int64_t anna, ben, id, id2, who;
	size_t n;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");

	T_EQ_INT(lull_api_token_create(fx.st, anna, "phone shortcut", NOW, tok,
		     &id),
	    LULL_OK);
	T_CHECK(id > 0);
	T_EQ_INT(strlen(tok), LULL_TOKEN_LEN);
	T_EQ_INT(lull_api_token_create(fx.st, anna, "home assistant", NOW, tok2,
		     &id2),
	    LULL_OK);
	T_CHECK(strcmp(tok, tok2) != 0);

	/* Refusals: a name, an account. */
	T_EQ_INT(lull_api_token_create(fx.st, anna, "  ", NOW, tok2, &id2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "name");
	T_EQ_INT(tok2[0], '\0');
	T_EQ_INT(id2, 0);
	T_EQ_INT(lull_api_token_create(fx.st, ben + 100, "x", NOW, tok2, &id2),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "account");

	/* Checked: the account, and its use noted. */
	T_EQ_INT(lull_api_token_check(fx.st, tok, NOW + 5, &who), LULL_OK);
	T_EQ_INT(who, anna);
	T_EQ_INT(lull_api_token_list(fx.st, anna, &v), LULL_OK);
	T_EQ_INT(v.n, 2);
	if (v.n == 2) {
		T_EQ_INT(v.v[0].id, id);
		T_EQ_INT(v.v[0].account_id, anna);
		T_EQ_STR(v.v[0].name, "phone shortcut");
		T_EQ_INT(v.v[0].created_utc, NOW);
		T_EQ_INT(v.v[0].last_used_utc, NOW + 5);
		T_EQ_INT(v.v[0].revoked_utc, LULL_NO_TIME);
		T_EQ_INT(v.v[1].last_used_utc, LULL_NO_TIME);
	}
	lull_api_tokenv_free(&v);
	/* At most once a minute. */
	T_EQ_INT(lull_api_token_check(fx.st, tok, NOW + 50, &who), LULL_OK);
	T_EQ_INT(count("SELECT last_used_utc FROM api_token ORDER BY id"),
	    NOW + 5);
	T_EQ_INT(lull_api_token_check(fx.st, tok, NOW + 70, &who), LULL_OK);
	T_EQ_INT(count("SELECT last_used_utc FROM api_token ORDER BY id"),
	    NOW + 70);

	/* Ben has none, and cannot revoke Anna's. */
	T_EQ_INT(lull_api_token_list(fx.st, ben, &v), LULL_OK);
	T_EQ_INT(v.n, 0);
	lull_api_tokenv_free(&v);
	T_EQ_INT(lull_api_token_list(fx.st, ben + 100, &v), LULL_ENOTFOUND);
	T_EQ_INT(lull_api_token_revoke(fx.st, ben, id, NOW + 100),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "token");
	T_EQ_INT(lull_api_token_revoke(fx.st, anna, id + 100, NOW + 100),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_api_token_check(fx.st, tok, NOW + 200, &who), LULL_OK);

	/* Revoked: refused from then on, and listed as revoked. */
	T_EQ_INT(lull_api_token_revoke(fx.st, anna, id, NOW + 300), LULL_OK);
	who = 5;
	T_EQ_INT(lull_api_token_check(fx.st, tok, NOW + 400, &who),
	    LULL_ENOTFOUND);
	T_EQ_INT(who, 0);
	T_EQ_STR(errfield(), "token");
	T_EQ_INT(lull_api_token_revoke(fx.st, anna, id, NOW + 500), LULL_OK);
	T_EQ_INT(lull_api_token_list(fx.st, anna, &v), LULL_OK);
	if (v.n == 2) {
		T_EQ_INT(v.v[0].revoked_utc, NOW + 300); /* the first time */
		T_EQ_INT(v.v[1].revoked_utc, LULL_NO_TIME);
	}
	lull_api_tokenv_free(&v);
	/* The other token still works. */
	T_EQ_INT(lull_api_token_check(fx.st, tok2, NOW, &who), LULL_ENOTFOUND);
	T_EQ_INT(lull_api_token_create(fx.st, anna, "cli", NOW, tok2, &id2),
	    LULL_OK);
	T_EQ_INT(lull_api_token_check(fx.st, tok2, NOW, &who), LULL_OK);

	/* Not a token at all. */
	T_EQ_INT(lull_api_token_check(fx.st, "Bearer x", NOW, &who),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_api_token_check(fx.st, NULL, NOW, &who), LULL_ENOTFOUND);

	/* The database holds no token in the clear. */
	T_EQ_INT(table_holds("api_token", tok), 0);
	T_EQ_INT(table_holds("api_token", tok2), 0);
	T_EQ_INT(table_holds("api_token", "phone shortcut"), 1); /* works */
	T_EQ_INT(files_hold(tok), 0);
	T_EQ_INT(files_hold(tok2), 0);
	T_EQ_INT(count("SELECT count(*) FROM api_token WHERE length(hash) = "
		       "64"),
	    3);

	/* Revoke them all at once: the valid ones, keeping the first
	 * revocation's time; nobody else's. */
	T_EQ_INT(lull_api_token_create(fx.st, ben, "ben's", NOW, tok, &id),
	    LULL_OK);
	T_EQ_INT(lull_api_token_revoke_all(fx.st, anna, NOW + 900, &n),
	    LULL_OK);
	T_EQ_INT(n, 2);
	T_EQ_INT(lull_api_token_check(fx.st, tok2, NOW + 901, &who),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_api_token_check(fx.st, tok, NOW + 901, &who), LULL_OK);
	T_EQ_INT(who, ben);
	T_EQ_INT(count("SELECT count(*) FROM api_token WHERE revoked_utc = "
		       "(SELECT min(created_utc) FROM api_token) + 300"),
	    1);
	T_EQ_INT(lull_api_token_revoke_all(fx.st, anna, NOW + 999, &n),
	    LULL_OK);
	T_EQ_INT(n, 0);
	T_EQ_INT(lull_api_token_revoke_all(fx.st, ben + 100, NOW, NULL),
	    LULL_ENOTFOUND);
	fx_close();
}

static void
test_households(void)
{
	struct lull_membershipv v;
	struct lull_membership m;
	struct lull_household h;
	char msg[256];
	struct lull_caregiver g;
	int64_t anna, ben, hid, hid2, x;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	hid = home(anna, "Home");
	T_CHECK(hid > 0);
	T_EQ_INT(lull_store_household_get(fx.st, hid, &h), LULL_OK);
	T_EQ_STR(h.name, "Home");
	T_EQ_STR(h.tz, "Europe/Berlin");
	T_EQ_INT(h.meta.created_utc, NOW);
	lull_household_free(&h);

	/* Anna is its owner, as the caregiver called Anna, a parent. */
	T_EQ_INT(lull_membership_get(fx.st, anna, hid, &m), LULL_OK);
	T_EQ_INT(m.access, LULL_ACCESS_OWNER);
	T_EQ_INT(m.account_id, anna);
	T_EQ_INT(m.household_id, hid);
	T_EQ_STR(m.household_name, "Home");
	T_EQ_STR(m.account_email, "anna@example.org");
	T_EQ_INT(lull_store_caregiver_get(fx.st, m.caregiver_id, &g), LULL_OK);
	T_EQ_STR(g.name, "Anna");
	T_EQ_INT(g.role, LULL_ROLE_PARENT);
	T_EQ_INT(g.household_id, hid);
	lull_caregiver_free(&g);
	lull_membership_free(&m);

	/* Ben is not a member: answered as a household that is not there. */
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "household");
	T_CHECK(m.household_name == NULL && m.account_id == 0);
	snprintf(msg, sizeof(msg),
	    "household: there is no household with id "
	    "%lld",
	    (long long)hid);
	T_EQ_STR(errmsg(), msg);
	/* ... word for word what a household that does not exist gives. */
	T_EQ_INT(lull_membership_get(fx.st, ben, hid + 50, &m), LULL_ENOTFOUND);
	snprintf(msg, sizeof(msg),
	    "household: there is no household with id "
	    "%lld",
	    (long long)hid + 50);
	T_EQ_STR(errmsg(), msg);

	/* Two households of Anna's, listed with their names. */
	hid2 = home(anna, "Grandma's");
	T_CHECK(hid2 > hid);
	T_EQ_INT(lull_households_of(fx.st, anna, &v), LULL_OK);
	T_EQ_INT(v.n, 2);
	if (v.n == 2) {
		T_EQ_INT(v.v[0].household_id, hid);
		T_EQ_STR(v.v[0].household_name, "Home");
		T_EQ_STR(v.v[1].household_name, "Grandma's");
		T_EQ_INT(v.v[1].access, LULL_ACCESS_OWNER);
		T_EQ_STR(v.v[1].account_name, "Anna");
	}
	lull_membershipv_free(&v);
	T_EQ_INT(lull_households_of(fx.st, ben, &v), LULL_OK);
	T_EQ_INT(v.n, 0);
	lull_membershipv_free(&v);
	T_EQ_INT(lull_households_of(fx.st, ben + 100, &v), LULL_ENOTFOUND);

	T_EQ_INT(lull_members(fx.st, hid, &v), LULL_OK);
	T_EQ_INT(v.n, 1);
	if (v.n == 1) {
		T_EQ_STR(v.v[0].account_email, "anna@example.org");
		T_EQ_STR(v.v[0].account_name, "Anna");
	}
	lull_membershipv_free(&v);
	T_EQ_INT(lull_members(fx.st, hid + 50, &v), LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "household");

	/* Refused: all or nothing. */
	T_EQ_INT(lull_household_create(fx.st, anna, " ", "UTC", NOW, &x),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "name");
	T_EQ_INT(x, 0);
	T_EQ_INT(lull_household_create(fx.st, anna, "Beach", "", NOW, &x),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "tz");
	T_EQ_INT(lull_household_create(fx.st, ben + 100, "Beach", "UTC", NOW,
		     &x),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "account");
	T_EQ_INT(count("SELECT count(*) FROM household"), 2);
	T_EQ_INT(count("SELECT count(*) FROM caregiver"), 2);
	T_EQ_INT(count("SELECT count(*) FROM membership"), 2);
	fx_close();
}

/* Ben joins Anna's household with "access", by invitation, as a parent
 * of the child ("parent" 1) or not. */
static int64_t
join_as(int64_t owner, int64_t hid, int64_t who, enum lull_access access,
    int parent, const char *name)
{
	char code[LULL_TOKEN_LEN + 1];
	int64_t got = 0;

	if (lull_invite_create(fx.st, hid, owner, access, parent, name, NOW,
		code) != LULL_OK ||
	    lull_invite_accept(fx.st, code, who, NOW + 60, &got) != LULL_OK)
		fprintf(stderr, "join %s: %s\n", name, errmsg());
	return got;
}

static int64_t
join(int64_t owner, int64_t hid, int64_t who, enum lull_access access,
    const char *name)
{
	return join_as(owner, hid, who, access, 0, name);
}

static enum lull_role
role_of(int64_t account, int64_t hid)
{
	struct lull_membership m;
	struct lull_caregiver g;
	enum lull_role r = LULL_ROLE__MAX;

	if (lull_membership_get(fx.st, account, hid, &m) == LULL_OK &&
	    lull_store_caregiver_get(fx.st, m.caregiver_id, &g) == LULL_OK) {
		r = g.role;
		lull_caregiver_free(&g);
	}
	lull_membership_free(&m);
	return r;
}

static void
test_access(void)
{
	struct lull_membership m;
	int64_t anna, ben, hid, cg;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	hid = home(anna, "Home");
	T_EQ_INT(join_as(anna, hid, ben, LULL_ACCESS_CAREGIVER, 1, "Ben"), hid);

	/* The last owner cannot stop being one. */
	T_EQ_INT(lull_member_set_access(fx.st, hid, anna,
		     LULL_ACCESS_CAREGIVER, LULL_PARENT_UNSAID),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "access");
	T_CHECK(strstr(errmsg(), "only owner") != NULL);
	T_EQ_INT(lull_member_set_access(fx.st, hid, anna, LULL_ACCESS_OWNER,
		     LULL_PARENT_UNSAID),
	    LULL_OK); /* no change is fine */
	T_EQ_INT(role_of(anna, hid), LULL_ROLE_PARENT);

	/* To readonly and back, the role kept unless said; to consultant,
	 * where the journal's role follows (care.h's privacy goes by it). */
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_READONLY,
		     LULL_PARENT_UNSAID),
	    LULL_OK);
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_OK);
	T_EQ_INT(m.access, LULL_ACCESS_READONLY);
	T_EQ_INT(m.role, LULL_ROLE_PARENT);
	cg = m.caregiver_id;
	lull_membership_free(&m);
	T_EQ_INT(role_of(ben, hid), LULL_ROLE_PARENT);
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben,
		     LULL_ACCESS_CONSULTANT, LULL_PARENT_UNSAID),
	    LULL_OK);
	T_EQ_INT(role_of(ben, hid), LULL_ROLE_CONSULTANT);
	/* Out of consultant access: a helper, unless the owner says a
	 * parent (a consultant never becomes a parent by itself). */
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_CAREGIVER,
		     LULL_PARENT_UNSAID),
	    LULL_OK);
	T_EQ_INT(role_of(ben, hid), LULL_ROLE_HELPER);
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_CAREGIVER,
		     1),
	    LULL_OK);
	T_EQ_INT(role_of(ben, hid), LULL_ROLE_PARENT);
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_CAREGIVER,
		     0),
	    LULL_OK);
	T_EQ_INT(role_of(ben, hid), LULL_ROLE_HELPER);
	/* A parent has owner or caregiver access. */
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_READONLY,
		     1),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "parent");
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_CAREGIVER,
		     7),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "parent");
	T_EQ_INT(role_of(ben, hid), LULL_ROLE_HELPER);
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_CAREGIVER,
		     1),
	    LULL_OK);
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_OK);
	T_EQ_INT(m.caregiver_id, cg); /* the same person throughout */
	lull_membership_free(&m);

	/* Two owners: now either may step down, not both. */
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_OWNER,
		     LULL_PARENT_UNSAID),
	    LULL_OK);
	T_EQ_INT(lull_member_set_access(fx.st, hid, anna,
		     LULL_ACCESS_CAREGIVER, LULL_PARENT_UNSAID),
	    LULL_OK);
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_READONLY,
		     LULL_PARENT_UNSAID),
	    LULL_EINVAL);

	/* Refusals. */
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS__MAX,
		     LULL_PARENT_UNSAID),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "access");
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben + 100,
		     LULL_ACCESS_READONLY, LULL_PARENT_UNSAID),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "account");
	T_EQ_INT(lull_member_set_access(fx.st, hid + 100, ben,
		     LULL_ACCESS_READONLY, LULL_PARENT_UNSAID),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "household");
	fx_close();
}

static void
test_member_remove(void)
{
	struct lull_membershipv v;
	struct lull_membership m;
	struct lull_caregiver g;
	int64_t anna, ben, hid, cg;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	hid = home(anna, "Home");
	T_EQ_INT(join(anna, hid, ben, LULL_ACCESS_CAREGIVER, "Ben"), hid);

	T_EQ_INT(lull_member_remove(fx.st, hid, anna), LULL_EINVAL);
	T_EQ_STR(errfield(), "access");
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_OK);
	cg = m.caregiver_id;
	lull_membership_free(&m);
	T_EQ_INT(lull_member_remove(fx.st, hid, ben), LULL_OK);
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_ENOTFOUND);
	/* Ben stays in the journal, without an account. */
	T_EQ_INT(lull_store_caregiver_get(fx.st, cg, &g), LULL_OK);
	T_EQ_STR(g.name, "Ben");
	lull_caregiver_free(&g);
	T_EQ_INT(lull_members(fx.st, hid, &v), LULL_OK);
	T_EQ_INT(v.n, 1);
	lull_membershipv_free(&v);
	T_EQ_INT(lull_member_remove(fx.st, hid, ben), LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "account");
	/* And can be invited back as the same Ben. */
	T_EQ_INT(join(anna, hid, ben, LULL_ACCESS_READONLY, "Ben"), hid);
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_OK);
	T_EQ_INT(m.caregiver_id, cg);
	T_EQ_INT(m.access, LULL_ACCESS_READONLY);
	lull_membership_free(&m);
	fx_close();
}

static void
test_invites(void)
{
	char code[LULL_TOKEN_LEN + 1], code2[LULL_TOKEN_LEN + 1];
	struct lull_actor boot = { 0, NOW };
	struct lull_membership m;
	struct lull_caregiver g;
	int64_t anna, ben, cleo, dan, hid, got, oma;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	cleo = acct("cleo@example.org", "Cleo");
	dan = acct("dan@example.org", "Dan");
	hid = home(anna, "Home");

	/* Ben, as a caregiver and a parent of the child: a new parent in
	 * the journal. */
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_CAREGIVER, 1,
		     "Ben", NOW, code),
	    LULL_OK);
	T_EQ_INT(strlen(code), LULL_TOKEN_LEN);
	T_EQ_INT(table_holds("invite", code), 0);
	T_EQ_INT(files_hold(code), 0);
	T_EQ_INT(lull_invite_accept(fx.st, code, ben, NOW + 60, &got), LULL_OK);
	T_EQ_INT(got, hid);
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_OK);
	T_EQ_INT(m.access, LULL_ACCESS_CAREGIVER);
	T_EQ_INT(lull_store_caregiver_get(fx.st, m.caregiver_id, &g), LULL_OK);
	T_EQ_STR(g.name, "Ben");
	T_EQ_INT(g.role, LULL_ROLE_PARENT);
	T_EQ_INT(g.meta.created_utc, NOW + 60);
	T_CHECK(g.meta.created_by != 0); /* added by Anna */
	lull_caregiver_free(&g);
	lull_membership_free(&m);
	/* Used: once only. */
	T_EQ_INT(lull_invite_accept(fx.st, code, dan, NOW + 120, &got),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "code");
	T_EQ_INT(got, 0);

	/* Only an owner invites; a non-member is told of no household. */
	T_EQ_INT(lull_invite_create(fx.st, hid, ben, LULL_ACCESS_READONLY, 0,
		     "Zoe", NOW, code2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "access");
	T_EQ_INT(code2[0], '\0');
	T_EQ_INT(lull_invite_create(fx.st, hid, dan, LULL_ACCESS_READONLY, 0,
		     "Zoe", NOW, code2),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "household");
	T_EQ_INT(lull_invite_create(fx.st, hid + 9, anna, LULL_ACCESS_READONLY, 0,
		     "Zoe", NOW, code2),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 0, "",
		     NOW, code2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "name");
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS__MAX, 0, "Zoe",
		     NOW, code2),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "access");
	/* A name that already has an account is taken. */
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 0,
		     "Ben", NOW, code2),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "name");

	/* Expired: 7 days on, it no longer opens. */
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 0,
		     "Dan", NOW, code2),
	    LULL_OK);
	T_EQ_INT(lull_invite_accept(fx.st, code2, dan, NOW + LULL_INVITE_SEC,
		     &got),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "code");
	T_EQ_INT(lull_invite_accept(fx.st, "garbage", dan, NOW, &got),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_invite_accept(fx.st, NULL, dan, NOW, &got),
	    LULL_ENOTFOUND);

	/* Already a member: refused, and the code stays for someone else. */
	T_EQ_INT(lull_invite_accept(fx.st, code2, ben, NOW + 60, &got),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "household");
	T_EQ_INT(lull_invite_accept(fx.st, code2, ben + 100, NOW + 60, &got),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "account");
	T_EQ_INT(lull_invite_accept(fx.st, code2, dan, NOW + 60, &got),
	    LULL_OK);
	/* Read-only access reads as a helper: none of the parents' own
	 * records. */
	T_EQ_INT(role_of(dan, hid), LULL_ROLE_HELPER);

	/* A consultant's invitation makes a consultant in the journal. */
	T_EQ_INT(join(anna, hid, cleo, LULL_ACCESS_CONSULTANT,
		     "Cleo (sleep "
		     "consultant)"),
	    hid);
	T_EQ_INT(lull_membership_get(fx.st, cleo, hid, &m), LULL_OK);
	T_EQ_INT(m.access, LULL_ACCESS_CONSULTANT);
	lull_membership_free(&m);
	T_EQ_INT(role_of(cleo, hid), LULL_ROLE_CONSULTANT);
	fx_close();

	/* An adult already in the journal (Oma, a helper, added on the
	 * command line, no account ever, no records of her own) is reused
	 * by name, with the role the invitation gives. */
	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	cleo = acct("cleo@example.org", "Cleo");
	hid = home(anna, "Home");
	memset(&g, 0, sizeof(g));
	g.household_id = hid;
	g.name = W("Oma");
	g.role = LULL_ROLE_HELPER;
	T_EQ_INT(lull_store_caregiver_add(fx.st, &g, &boot, &oma), LULL_OK);
	T_EQ_INT(join(anna, hid, ben, LULL_ACCESS_CAREGIVER, "Oma"), hid);
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_OK);
	T_EQ_INT(m.caregiver_id, oma);
	lull_membership_free(&m);
	T_EQ_INT(role_of(ben, hid), LULL_ROLE_HELPER);
	T_EQ_INT(count("SELECT count(*) FROM caregiver"), 2);

	/* Two invitations for one name: the second to be accepted finds
	 * the name taken. */
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 0,
		     "Pat", NOW, code),
	    LULL_OK);
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 0,
		     "Pat", NOW, code2),
	    LULL_OK);
	T_EQ_INT(lull_invite_accept(fx.st, code, cleo, NOW, &got), LULL_OK);
	dan = acct("dan@example.org", "Dan");
	T_EQ_INT(lull_invite_accept(fx.st, code2, dan, NOW, &got),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "name");
	/* Nothing of the refused acceptance was kept. */
	T_EQ_INT(count("SELECT count(*) FROM membership"), 3);
	T_EQ_INT(count("SELECT count(*) FROM invite WHERE used_utc IS NULL"),
	    1);
	fx_close();
}

/* A pending invitation is only as good as its maker's owner access, and
 * an owner can see and revoke the household's pending invitations. */
static void
test_invite_revocation(void)
{
	char code[LULL_TOKEN_LEN + 1], code2[LULL_TOKEN_LEN + 1];
	char code3[LULL_TOKEN_LEN + 1], q[200];
	struct lull_membership m_unused;
	struct lull_invitev v;
	int64_t anna, ben, cleo, dan, hid, hid2, got, dan_inv, other;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	cleo = acct("cleo@example.org", "Cleo");
	dan = acct("dan@example.org", "Dan");
	hid = home(anna, "Home");

	/* Ben, a second owner, invites Cleo; Anna invites Dan.  Both are
	 * listed, with who made them; never their codes. */
	T_EQ_INT(join_as(anna, hid, ben, LULL_ACCESS_OWNER, 1, "Ben"), hid);
	T_EQ_INT(lull_invite_create(fx.st, hid, ben, LULL_ACCESS_READONLY, 0,
		     "Cleo", NOW, code),
	    LULL_OK);
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_CAREGIVER, 1,
		     "Dan", NOW + 1, code2),
	    LULL_OK);
	T_EQ_INT(lull_invite_list(fx.st, hid, anna, NOW + 2, &v), LULL_OK);
	T_EQ_INT(v.n, 2);
	if (v.n == 2) {
		T_EQ_STR(v.v[0].name, "Cleo");
		T_EQ_INT(v.v[0].access, LULL_ACCESS_READONLY);
		T_EQ_INT(v.v[0].parent, 0);
		T_EQ_INT(v.v[0].by_account, ben);
		T_EQ_STR(v.v[0].by_name, "Ben");
		T_EQ_INT(v.v[0].household_id, hid);
		T_EQ_INT(v.v[0].created_utc, NOW);
		T_EQ_INT(v.v[0].expires_utc, NOW + LULL_INVITE_SEC);
		T_EQ_STR(v.v[1].name, "Dan");
		T_EQ_INT(v.v[1].parent, 1);
		T_EQ_STR(v.v[1].by_name, "Anna");
	}
	dan_inv = v.n == 2 ? v.v[1].id : 0;
	lull_invitev_free(&v);

	/* Ben is removed: what he invited goes with him, and Cleo's code
	 * opens nothing. */
	T_EQ_INT(lull_member_remove(fx.st, hid, ben), LULL_OK);
	T_EQ_INT(lull_invite_list(fx.st, hid, anna, NOW + 2, &v), LULL_OK);
	T_EQ_INT(v.n, 1);
	lull_invitev_free(&v);
	T_EQ_INT(lull_invite_accept(fx.st, code, cleo, NOW + 60, &got),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "code");
	T_EQ_INT(got, 0);

	/* Back as an owner, Ben invites Cleo again, then stops being an
	 * owner: the invitation goes too. */
	T_EQ_INT(join_as(anna, hid, ben, LULL_ACCESS_OWNER, 1, "Ben"), hid);
	T_EQ_INT(lull_invite_create(fx.st, hid, ben, LULL_ACCESS_READONLY, 0,
		     "Cleo", NOW, code3),
	    LULL_OK);
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_CAREGIVER,
		     LULL_PARENT_UNSAID),
	    LULL_OK);
	T_EQ_INT(lull_invite_accept(fx.st, code3, cleo, NOW + 60, &got),
	    LULL_ENOTFOUND);

	/* An invitation whose maker lost owner access some other way (the
	 * row as an older lull left it) is refused at acceptance all the
	 * same, and works while the maker is an owner. */
	T_EQ_INT(lull_member_set_access(fx.st, hid, ben, LULL_ACCESS_OWNER,
		     LULL_PARENT_UNSAID),
	    LULL_OK);
	T_EQ_INT(lull_invite_create(fx.st, hid, ben, LULL_ACCESS_READONLY, 0,
		     "Cleo", NOW, code3),
	    LULL_OK);
	snprintf(q, sizeof(q),
	    "UPDATE membership SET access = 'caregiver' WHERE account_id = "
	    "%lld",
	    (long long)ben);
	T_EQ_INT(sql(q), 0);
	T_EQ_INT(lull_invite_accept(fx.st, code3, cleo, NOW + 60, &got),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "code");
	T_EQ_INT(lull_membership_get(fx.st, cleo, hid, &m_unused), LULL_ENOTFOUND);
	snprintf(q, sizeof(q),
	    "UPDATE membership SET access = 'owner' WHERE account_id = %lld",
	    (long long)ben);
	T_EQ_INT(sql(q), 0);
	T_EQ_INT(lull_invite_accept(fx.st, code3, cleo, NOW + 60, &got),
	    LULL_OK);
	T_EQ_INT(got, hid);

	/* Revoked by an owner: Dan's code no longer opens. */
	T_EQ_INT(lull_invite_revoke(fx.st, hid, anna, dan_inv), LULL_OK);
	T_EQ_INT(lull_invite_accept(fx.st, code2, dan, NOW + 60, &got),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_invite_revoke(fx.st, hid, anna, dan_inv),
	    LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "invitation");
	T_EQ_INT(lull_invite_list(fx.st, hid, anna, NOW + 2, &v), LULL_OK);
	T_EQ_INT(v.n, 0); /* Cleo's was used: not listed either */
	lull_invitev_free(&v);

	/* Only an owner lists or revokes; a non-member is told of no
	 * household. */
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 0,
		     "Gran", NOW, code),
	    LULL_OK);
	T_EQ_INT(lull_invite_list(fx.st, hid, cleo, NOW, &v), LULL_EINVAL);
	T_EQ_STR(errfield(), "access");
	T_EQ_INT(v.n, 0);
	T_EQ_INT(lull_invite_list(fx.st, hid, dan, NOW, &v), LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "household");
	T_EQ_INT(lull_invite_list(fx.st, hid, anna, NOW, &v), LULL_OK);
	T_EQ_INT(v.n, 1);
	other = v.n == 1 ? v.v[0].id : 0;
	lull_invitev_free(&v);
	T_EQ_INT(lull_invite_revoke(fx.st, hid, cleo, other), LULL_EINVAL);
	T_EQ_INT(lull_invite_revoke(fx.st, hid, dan, other), LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "household");
	/* Expired: no longer listed. */
	T_EQ_INT(lull_invite_list(fx.st, hid, anna, NOW + LULL_INVITE_SEC, &v),
	    LULL_OK);
	T_EQ_INT(v.n, 0);
	lull_invitev_free(&v);

	/* Another household's invitation is not this one's to revoke. */
	hid2 = home(dan, "Next door");
	T_EQ_INT(lull_invite_create(fx.st, hid2, dan, LULL_ACCESS_READONLY, 0,
		     "Zoe", NOW, code3),
	    LULL_OK);
	T_EQ_INT(lull_invite_list(fx.st, hid2, dan, NOW, &v), LULL_OK);
	T_EQ_INT(v.n, 1);
	other = v.n == 1 ? v.v[0].id : 0;
	lull_invitev_free(&v);
	T_EQ_INT(lull_invite_revoke(fx.st, hid, anna, other), LULL_ENOTFOUND);
	T_EQ_STR(errfield(), "invitation");
	T_EQ_INT(count("SELECT count(*) FROM invite WHERE used_utc IS NULL"),
	    2);
	/* And the codes are nowhere in the clear. */
	T_EQ_INT(table_holds("invite", code), 0);
	T_EQ_INT(table_holds("invite", code3), 0);
	fx_close();
}

/* The journal's role an invitation gives follows its access, and a
 * parent only when the owner says so. */
static void
test_invite_roles(void)
{
	char code[LULL_TOKEN_LEN + 1];
	struct lull_membershipv mv;
	int64_t anna, ben, cleo, dan, eve, hid;
	size_t i;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	cleo = acct("cleo@example.org", "Cleo");
	dan = acct("dan@example.org", "Dan");
	eve = acct("eve@example.org", "Eve");
	hid = home(anna, "Home");

	/* A grandparent who takes nights, with caregiver access: a helper,
	 * who sees none of the parents' own records. */
	T_EQ_INT(join_as(anna, hid, ben, LULL_ACCESS_CAREGIVER, 0, "Grandpa"),
	    hid);
	T_EQ_INT(role_of(ben, hid), LULL_ROLE_HELPER);
	/* The other parent, as an owner: a parent. */
	T_EQ_INT(join_as(anna, hid, cleo, LULL_ACCESS_OWNER, 1, "Cleo"), hid);
	T_EQ_INT(role_of(cleo, hid), LULL_ROLE_PARENT);
	T_EQ_INT(join_as(anna, hid, dan, LULL_ACCESS_READONLY, 0, "Dan"), hid);
	T_EQ_INT(role_of(dan, hid), LULL_ROLE_HELPER);
	T_EQ_INT(join_as(anna, hid, eve, LULL_ACCESS_CONSULTANT, 0, "Eve"),
	    hid);
	T_EQ_INT(role_of(eve, hid), LULL_ROLE_CONSULTANT);

	/* A parent has owner or caregiver access. */
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 1,
		     "Fay", NOW, code),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "parent");
	T_EQ_INT(code[0], '\0');
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_CONSULTANT,
		     1, "Fay", NOW, code),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "parent");
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_CAREGIVER, 2,
		     "Fay", NOW, code),
	    LULL_EINVAL);
	T_EQ_STR(errfield(), "parent");
	T_EQ_INT(count("SELECT count(*) FROM invite WHERE parent = 1"), 1);

	/* The members' roles come with them. */
	T_EQ_INT(lull_members(fx.st, hid, &mv), LULL_OK);
	T_EQ_INT(mv.n, 5);
	for (i = 0; i < mv.n; i++)
		T_EQ_INT(mv.v[i].role, role_of(mv.v[i].account_id, hid));
	lull_membershipv_free(&mv);
	fx_close();
}

/* An invitation never hands someone else's record (their own records,
 * or an account's history) to whoever opens it. */
static void
test_invite_reuse(void)
{
	char code[LULL_TOKEN_LEN + 1], q[120];
	struct lull_actor boot = { 0, NOW }, as_sam;
	struct lull_membership m;
	struct lull_personal p;
	struct lull_caregiver g;
	int64_t anna, ben, cleo, dan, hid, sam, got, cg;
	long long before;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	cleo = acct("cleo@example.org", "Cleo");
	dan = acct("dan@example.org", "Dan");
	hid = home(anna, "Home");

	/* Sam, in the journal from the command line, has a check-in of
	 * his own: no invitation may stand for him. */
	memset(&g, 0, sizeof(g));
	g.household_id = hid;
	g.name = W("Sam");
	g.role = LULL_ROLE_PARENT;
	T_EQ_INT(lull_store_caregiver_add(fx.st, &g, &boot, &sam), LULL_OK);
	as_sam.caregiver_id = sam;
	as_sam.now_utc = NOW;
	lull_personal_init(&p);
	p.household_id = hid;
	p.kind = LULL_PERSONAL_CHECKIN;
	p.day = DAY(2026, 5, 3);
	p.energy = 2;
	p.mood = 3;
	T_EQ_INT(lull_store_personal_add(fx.st, &p, &as_sam), LULL_OK);
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_CAREGIVER, 1,
		     "Sam", NOW, code),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "name");
	T_CHECK(strstr(errmsg(), "another name") != NULL);

	/* Ben joins, then is removed; his record stays, and is his. */
	T_EQ_INT(join_as(anna, hid, ben, LULL_ACCESS_CAREGIVER, 1, "Ben"), hid);
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_OK);
	cg = m.caregiver_id;
	lull_membership_free(&m);
	T_EQ_INT(lull_member_remove(fx.st, hid, ben), LULL_OK);
	/* An invitation under his name (he may come back) ... */
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 0,
		     "Ben", NOW, code),
	    LULL_OK);
	/* ... is not Cleo's to take, and nothing of the try is kept ... */
	before = count("SELECT count(*) FROM membership");
	T_EQ_INT(lull_invite_accept(fx.st, code, cleo, NOW + 60, &got),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "name");
	T_EQ_INT(count("SELECT count(*) FROM membership"), before);
	/* ... but Ben's: his own record again, with the new role. */
	T_EQ_INT(lull_invite_accept(fx.st, code, ben, NOW + 60, &got), LULL_OK);
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_OK);
	T_EQ_INT(m.caregiver_id, cg);
	T_EQ_INT(m.role, LULL_ROLE_HELPER);
	lull_membership_free(&m);

	/* Dan's account is deleted after he left: his record is nobody's
	 * to take, and an invitation under his name is refused at once. */
	T_EQ_INT(join(anna, hid, dan, LULL_ACCESS_READONLY, "Dan"), hid);
	T_EQ_INT(lull_member_remove(fx.st, hid, dan), LULL_OK);
	snprintf(q, sizeof(q), "DELETE FROM account WHERE id = %lld",
	    (long long)dan);
	T_EQ_INT(sql(q), 0);
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 0,
		     "Dan", NOW, code),
	    LULL_ECONFLICT);
	T_EQ_STR(errfield(), "name");
	fx_close();
}

/* The login throttle keys on what an account is compared by. */
static void
test_email_norm(void)
{
	char out[LULL_EMAIL_MAX + 1], small[8];

	T_EQ_INT(lull_email_norm("  Anna@Example.ORG \r\n", out, sizeof(out)),
	    1);
	T_EQ_STR(out, "anna@example.org");
	T_EQ_INT(lull_email_norm("anna@example.org", out, sizeof(out)), 1);
	T_EQ_STR(out, "anna@example.org");
	T_EQ_INT(lull_email_norm(" NOT AN EMAIL ", out, sizeof(out)), 0);
	T_EQ_STR(out, "not an email");
	T_EQ_INT(lull_email_norm("a@", out, sizeof(out)), 0);
	T_EQ_INT(lull_email_norm("@b", out, sizeof(out)), 0);
	T_EQ_INT(lull_email_norm(NULL, out, sizeof(out)), 0);
	T_EQ_STR(out, "");
	T_EQ_INT(lull_email_norm("Anna@Example.org", small, sizeof(small)), 0);
	T_EQ_STR(small, "anna@ex");
}

static void
test_cascades(void)
{
	char code[LULL_TOKEN_LEN + 1];
	struct lull_membershipv v;
	struct lull_membership m;
	struct lull_account a;
	int64_t anna, ben, hid, hid2, got;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	ben = acct("ben@example.org", "Ben");
	hid = home(anna, "Home");
	hid2 = home(anna, "Holiday flat");
	T_EQ_INT(join(anna, hid, ben, LULL_ACCESS_CAREGIVER, "Ben"), hid);
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 0,
		     "Gran", NOW, code),
	    LULL_OK);

	/* A member's caregiver record is not deleted behind the
	 * membership; once the member is removed, it can be. */
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_OK);
	got = m.caregiver_id;
	lull_membership_free(&m);
	T_EQ_INT(lull_store_caregiver_delete(fx.st, got), LULL_ECONFLICT);
	T_EQ_STR(lull_store_error(fx.st)->field, "caregiver");
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_OK);
	lull_membership_free(&m);
	T_EQ_INT(lull_member_remove(fx.st, hid, ben), LULL_OK);
	T_EQ_INT(lull_store_caregiver_delete(fx.st, got), LULL_OK);
	T_EQ_INT(lull_membership_get(fx.st, ben, hid, &m), LULL_ENOTFOUND);

	/* The household deleted: its memberships and invitations go, the
	 * accounts and the other household stay. */
	T_EQ_INT(join(anna, hid, ben, LULL_ACCESS_CAREGIVER, "Ben"), hid);
	T_EQ_INT(lull_store_household_delete(fx.st, hid), LULL_OK);
	T_EQ_INT(lull_store_household_delete(fx.st, hid), LULL_ENOTFOUND);
	T_EQ_INT(lull_membership_get(fx.st, anna, hid, &m), LULL_ENOTFOUND);
	T_EQ_INT(lull_households_of(fx.st, ben, &v), LULL_OK);
	T_EQ_INT(v.n, 0);
	lull_membershipv_free(&v);
	T_EQ_INT(lull_households_of(fx.st, anna, &v), LULL_OK);
	T_EQ_INT(v.n, 1);
	if (v.n == 1)
		T_EQ_INT(v.v[0].household_id, hid2);
	lull_membershipv_free(&v);
	T_EQ_INT(count("SELECT count(*) FROM invite"), 0);
	T_EQ_INT(count("SELECT count(*) FROM caregiver"), 1);
	T_EQ_INT(lull_invite_accept(fx.st, code, ben, NOW, &got),
	    LULL_ENOTFOUND);
	T_EQ_INT(lull_account_get(fx.st, ben, &a), LULL_OK);
	lull_account_free(&a);

	/* Clearing a household takes its caregivers, so their memberships. */
	T_EQ_INT(lull_store_household_clear(fx.st, hid2), LULL_OK);
	T_EQ_INT(count("SELECT count(*) FROM membership"), 0);
	fx_close();
}

static void
test_no_secrets(void)
{
	char sid[LULL_TOKEN_LEN + 1], code[LULL_TOKEN_LEN + 1];
	struct lull_session s;
	int64_t anna, hid;

	T_CHECK(fx_open() == 0);
	anna = acct("anna@example.org", "Anna");
	hid = home(anna, "Home");
	T_EQ_INT(lull_session_start(fx.st, anna, NOW, sid, &s), LULL_OK);
	T_EQ_INT(lull_invite_create(fx.st, hid, anna, LULL_ACCESS_READONLY, 0,
		     "Gran", NOW, code),
	    LULL_OK);
	/* The password is an argon2id string, with its salt and limits. */
	T_EQ_INT(table_holds("account", PW), 0);
	T_EQ_INT(count("SELECT count(*) FROM account "
		       "WHERE pwhash LIKE '$argon2id$%'"),
	    1);
	T_EQ_INT(files_hold(PW), 0);
	T_EQ_INT(files_hold(sid), 0);
	T_EQ_INT(files_hold(code), 0);
	/* The CSRF token alone opens nothing; it may be kept as is. */
	T_EQ_INT(table_holds("session", s.csrf), 1);
	fx_close();
}

static const struct t_case cases[] = {
	{ "access names", test_access_names },
	{ "account create and its refusals", test_account_create },
	{ "account find and list", test_account_find_list },
	{ "login: right, wrong and unknown alike", test_login },
	{ "set password ends the sessions and revokes the tokens",
	    test_set_password },
	{ "sessions: start, get, slide, expire, end", test_sessions },
	{ "API tokens", test_tokens },
	{ "households and members", test_households },
	{ "access changes and the last owner", test_access },
	{ "member removal", test_member_remove },
	{ "invitations", test_invites },
	{ "invitations die with their maker's owner access, are listed "
	  "and revoked",
	    test_invite_revocation },
	{ "the journal role an invitation gives", test_invite_roles },
	{ "an invitation never takes someone else's record",
	    test_invite_reuse },
	{ "emails normalised for the throttle", test_email_norm },
	{ "deletion cascades", test_cascades },
	{ "no secret in the clear", test_no_secrets },
};

T_MAIN(cases)
