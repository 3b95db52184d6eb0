/*
 * People who sign in (account.h): the rules of accounts, sessions, API
 * tokens, memberships and invitations, on top of the store's transaction
 * levels (store.c) and its backend's rows (store_int.h).  As in store.c,
 * every rule lives here and the backend only moves rows.
 *
 * The secrets: passwords go through libsodium's crypto_pwhash_str
 * (argon2id, "interactive" limits) before they reach a transaction, so
 * the slow hash never holds the write lock; session ids, API tokens and
 * invitation codes are 32 random bytes in URL-safe base64, of which the
 * database keeps only the SHA-256.
 * SPDX-License-Identifier: ISC
 */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "lull/account.h"
#include "lull/model.h"
#include "lull/store.h"

#include "store/store_int.h"

#define PW_OPS     crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PW_MEM     crypto_pwhash_MEMLIMIT_INTERACTIVE
#define TOKEN_RAW  32 /* bytes of randomness in a token */
#define B64        sodium_base64_VARIANT_URLSAFE_NO_PADDING
#define EMAIL_MAX  LULL_EMAIL_MAX
#define NAME_MAX_B 100 /* bytes of an account's or a token's name */
/* A sliding expiry or a last use is written at most this often, so that
 * reads stay reads. */
#define TOUCH_SEC 60

_Static_assert(sodium_base64_ENCODED_LEN(TOKEN_RAW, B64) == LULL_TOKEN_LEN + 1,
    "LULL_TOKEN_LEN is the base64 of TOKEN_RAW bytes");
_Static_assert(crypto_hash_sha256_BYTES * 2 == STORE_HASH_HEX,
    "a stored hash is SHA-256 in hex");

static const char *const access_names[LULL_ACCESS__MAX] = { "owner",
	"caregiver", "readonly", "consultant" };

/* The one answer of a failed login, whichever part was wrong. */
#define LOGIN_WRONG "email or password is wrong"

const char *
lull_access_name(enum lull_access a)
{
	return (unsigned)a < LULL_ACCESS__MAX ? access_names[a] : NULL;
}

int
lull_access_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < LULL_ACCESS__MAX; i++)
		if (strcmp(access_names[i], s) == 0)
			return i;
	return -1;
}

/* Freeing */

void
lull_account_free(struct lull_account *a)
{
	if (a == NULL)
		return;
	free(a->email);
	free(a->name);
	memset(a, 0, sizeof(*a));
}

void
lull_accountv_free(struct lull_accountv *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++)
		lull_account_free(&v->v[i]);
	free(v->v);
	memset(v, 0, sizeof(*v));
}

void
lull_membership_free(struct lull_membership *m)
{
	if (m == NULL)
		return;
	free(m->household_name);
	free(m->account_email);
	free(m->account_name);
	memset(m, 0, sizeof(*m));
}

void
lull_membershipv_free(struct lull_membershipv *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++)
		lull_membership_free(&v->v[i]);
	free(v->v);
	memset(v, 0, sizeof(*v));
}

void
lull_api_token_free(struct lull_api_token *t)
{
	if (t == NULL)
		return;
	free(t->name);
	memset(t, 0, sizeof(*t));
}

void
lull_api_tokenv_free(struct lull_api_tokenv *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++)
		lull_api_token_free(&v->v[i]);
	free(v->v);
	memset(v, 0, sizeof(*v));
}

void
lull_invite_free(struct lull_invite *v)
{
	if (v == NULL)
		return;
	free(v->name);
	free(v->by_name);
	memset(v, 0, sizeof(*v));
}

void
lull_invitev_free(struct lull_invitev *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++)
		lull_invite_free(&v->v[i]);
	free(v->v);
	memset(v, 0, sizeof(*v));
}

void
store_invite_free(struct store_invite *v)
{
	if (v == NULL)
		return;
	free(v->name);
	memset(v, 0, sizeof(*v));
}

/* Make room for one more of "size" bytes; 0 when memory ran out. */
static int
grow(void **v, size_t n, size_t *cap, size_t size)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return 1;
	ncap = *cap ? *cap * 2 : 8;
	if (ncap > SIZE_MAX / size)
		return 0;
	if ((p = realloc(*v, ncap * size)) == NULL)
		return 0;
	*v = p;
	*cap = ncap;
	return 1;
}

#define PUSH(name, vtype, itype)                                               \
	enum lull_err name(struct vtype *v, struct itype *item)                \
	{                                                                      \
		if (!grow((void **)&v->v, v->n, &v->cap, sizeof(*v->v)))       \
			return LULL_ENOMEM;                                    \
		v->v[v->n++] = *item;                                          \
		memset(item, 0, sizeof(*item));                                \
		return LULL_OK;                                                \
	}

PUSH(store_accountv_push, lull_accountv, lull_account)
PUSH(store_membershipv_push, lull_membershipv, lull_membership)
PUSH(store_api_tokenv_push, lull_api_tokenv, lull_api_token)
PUSH(store_invitev_push, lull_invitev, lull_invite)

/* Secrets */

int
lull_account_init(void)
{
	/* 0 the first time, 1 after; -1 only when it cannot work. */
	return sodium_init() >= 0;
}

/* Every function that draws randomness or hashes makes sure first: a
 * caller who forgot lull_account_init() gets an error, not a crash. */
static enum lull_err
need_sodium(struct lull_store *st)
{
	if (lull_account_init())
		return LULL_OK;
	return lull_errinfo_set(&st->ei, LULL_ESTORE, "",
	    "libsodium could not be initialised");
}

/* 32 fresh random bytes as 43 characters of URL-safe base64. */
static void
token_new(char out[LULL_TOKEN_LEN + 1])
{
	unsigned char raw[TOKEN_RAW];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, LULL_TOKEN_LEN + 1, raw, sizeof(raw), B64);
	sodium_memzero(raw, sizeof(raw));
}

/* Could "s" be one of our tokens?  Anything else is not looked up. */
static int
token_shape(const char *s)
{
	size_t n;

	if (s == NULL)
		return 0;
	n = strspn(s,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_");
	return n == LULL_TOKEN_LEN && s[n] == '\0';
}

/* What the store keeps of a token: its SHA-256, in hex. */
static void
token_hash(const char *token, char hex[STORE_HASH_HEX + 1])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(hex, STORE_HASH_HEX + 1, h, sizeof(h));
}

static enum lull_err
password_check(struct lull_store *st, const char *pw)
{
	size_t n = pw != NULL ? strlen(pw) : 0;

	if (n < LULL_PASSWORD_MIN)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "password",
		    "password: use at least %d characters", LULL_PASSWORD_MIN);
	if (n > LULL_PASSWORD_MAX)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "password",
		    "password: use at most %d bytes", LULL_PASSWORD_MAX);
	return LULL_OK;
}

/* The argon2id string of "pw" into "out"; slow on purpose. */
static enum lull_err
password_hash(struct lull_store *st, const char *pw,
    char out[crypto_pwhash_STRBYTES])
{
	if (crypto_pwhash_str(out, pw, strlen(pw), PW_OPS, PW_MEM) != 0)
		return lull_errinfo_set(&st->ei, LULL_ENOMEM, "",
		    "out of memory hashing the password");
	return LULL_OK;
}

/*
 * A hash to verify when the email is unknown, so that a wrong email costs
 * what a wrong password does.  Made once, on first need, of a random
 * password nobody knows; pthread_once because the web server's threads
 * may all log in at once.
 */
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static char dummy_hash[crypto_pwhash_STRBYTES];
static int dummy_ok;

static void
dummy_make(void)
{
	char pw[LULL_TOKEN_LEN + 1];

	token_new(pw);
	dummy_ok =
	    crypto_pwhash_str(dummy_hash, pw, strlen(pw), PW_OPS, PW_MEM) == 0;
	sodium_memzero(pw, sizeof(pw));
}

static void
dummy_verify(const char *pw)
{
	int never;

	(void)pthread_once(&dummy_once, dummy_make);
	if (pw == NULL)
		pw = "";
	/* The answer is known (no); only the time it takes matters. */
	if (dummy_ok) {
		never = crypto_pwhash_str_verify(dummy_hash, pw, strlen(pw));
		(void)never;
	}
}

/* Text checks */

static int
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

static enum lull_err
name_check(struct lull_store *st, const char *name, const char *field,
    const char *what)
{
	if (blank(name))
		return lull_errinfo_set(&st->ei, LULL_EINVAL, field,
		    "%s: %s needs a name", field, what);
	if (strlen(name) > NAME_MAX_B)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, field,
		    "%s: a name is at most %d bytes", field, NAME_MAX_B);
	return LULL_OK;
}

/*
 * An email as the store keeps it: without surrounding blanks, in lower
 * case (ASCII: the domain is case-blind, and nobody relies on a
 * case-sensitive mailbox), one "@" with something on both sides, no
 * blanks or control characters inside.  The trimmed text's start and
 * length in *start and *len; 0 when too long, 1 when not an address, 2
 * when fine.
 */
static int
email_fold(const char *email, char *out, size_t outsz, const char **start,
    size_t *len)
{
	const char *at;
	size_t n, i, k = 0;
	int bad = 0;

	if (email == NULL)
		email = "";
	email += strspn(email, " \t\r\n");
	n = strlen(email);
	while (n > 0 && strchr(" \t\r\n", email[n - 1]) != NULL)
		n--;
	*start = email;
	*len = n;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)email[i];

		if (c <= ' ' || c == 0x7f)
			bad = 1;
		if (k + 1 < outsz)
			out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A')
								 : c);
	}
	if (outsz > 0)
		out[k] = '\0';
	if (n > EMAIL_MAX)
		return 0;
	at = outsz > 0 ? strrchr(out, '@') : NULL;
	if (bad || k < n || at == NULL || at == out || at[1] == '\0')
		return 1;
	return 2;
}

int
lull_email_norm(const char *email, char *out, size_t outsz)
{
	const char *start;
	size_t n;

	return email_fold(email, out, outsz, &start, &n) == 2;
}

static enum lull_err
email_norm(struct lull_store *st, const char *email, char out[EMAIL_MAX + 1])
{
	const char *start;
	size_t n;
	int r;

	r = email_fold(email, out, EMAIL_MAX + 1, &start, &n);
	if (r == 0)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "email",
		    "email: an email address is at most %d bytes", EMAIL_MAX);
	if (r == 1)
		return lull_errinfo_set(&st->ei, LULL_EINVAL, "email",
		    "email: \"%.*s\" is not an email address",
		    (int)(n > 60 ? 60 : n), start);
	return LULL_OK;
}

/* Reword the backend's "no such row" in the caller's terms. */
static enum lull_err
no_account(struct lull_store *st, enum lull_err rc, int64_t id)
{
	if (rc != LULL_ENOTFOUND)
		return rc;
	return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "account",
	    "account: there is no account with id %lld", (long long)id);
}

/* The account must exist. */
static enum lull_err
need_account(struct lull_store *st, int64_t id, struct lull_account *out)
{
	struct lull_account a;
	enum lull_err rc;

	rc = st->ops->account_get(st, id, out != NULL ? out : &a, NULL);
	if (out == NULL)
		lull_account_free(&a);
	return no_account(st, rc, id);
}

/* Accounts */

enum lull_err
lull_account_create(struct lull_store *st, const char *email, const char *name,
    const char *password, int64_t now, int64_t *id)
{
	char em[EMAIL_MAX + 1], h[crypto_pwhash_STRBYTES];
	struct lull_account a;
	enum lull_err rc;

	store_fresh(st);
	*id = 0;
	rc = email_norm(st, email, em);
	if (rc == LULL_OK)
		rc = name_check(st, name, "name", "an account");
	if (rc == LULL_OK)
		rc = password_check(st, password);
	if (rc == LULL_OK)
		rc = need_sodium(st);
	/* Outside the transaction: the hash takes its time. */
	if (rc == LULL_OK)
		rc = password_hash(st, password, h);
	if (rc != LULL_OK)
		return rc;
	memset(&a, 0, sizeof(a));
	a.email = em;
	a.name = (char *)(uintptr_t)name;
	a.created_utc = now;
	a.version = 1;
	rc = store_write_begin(st);
	if (rc == LULL_OK) {
		rc = st->ops->account_insert(st, &a, h, id);
		if (rc == LULL_ECONFLICT)
			rc = lull_errinfo_set(&st->ei, LULL_ECONFLICT, "email",
			    "email: there is already an account for %s", em);
		rc = store_write_end(st, rc);
	}
	sodium_memzero(h, sizeof(h));
	if (rc != LULL_OK)
		*id = 0;
	return rc;
}

enum lull_err
lull_account_get(struct lull_store *st, int64_t id, struct lull_account *out)
{
	store_fresh(st);
	return no_account(st, st->ops->account_get(st, id, out, NULL), id);
}

enum lull_err
lull_account_find(struct lull_store *st, const char *email,
    struct lull_account *out)
{
	char em[EMAIL_MAX + 1];
	enum lull_err rc;

	store_fresh(st);
	memset(out, 0, sizeof(*out));
	rc = email_norm(st, email, em);
	if (rc != LULL_OK)
		return rc;
	rc = st->ops->account_find(st, em, out, NULL);
	if (rc == LULL_ENOTFOUND)
		return lull_errinfo_set(&st->ei, rc, "email",
		    "email: there is no account for %s", em);
	return rc;
}

enum lull_err
lull_account_list(struct lull_store *st, struct lull_accountv *out)
{
	store_fresh(st);
	return st->ops->account_list(st, out);
}

/* Write a new hash for "a", end its sessions and revoke its API tokens,
 * in one transaction. */
static enum lull_err
password_write(struct lull_store *st, struct lull_account *a, const char *h,
    int64_t now)
{
	enum lull_err rc;
	size_t n;

	rc = store_write_begin(st);
	if (rc != LULL_OK)
		return rc;
	a->version++;
	rc = no_account(st, st->ops->account_set_password(st, a, h), a->id);
	if (rc == LULL_OK)
		rc = st->ops->session_delete_account(st, a->id);
	if (rc == LULL_OK)
		rc = st->ops->token_revoke_account(st, a->id, now, &n);
	return store_write_end(st, rc);
}

enum lull_err
lull_account_login(struct lull_store *st, const char *email,
    const char *password, int64_t *account_id)
{
	char em[EMAIL_MAX + 1], h[crypto_pwhash_STRBYTES];
	struct lull_account a;
	char *stored = NULL;
	enum lull_err rc;
	int ok = 0;

	store_fresh(st);
	*account_id = 0;
	rc = need_sodium(st);
	if (rc != LULL_OK)
		return rc;
	memset(&a, 0, sizeof(a));
	if (email_norm(st, email, em) == LULL_OK) {
		rc = st->ops->account_find(st, em, &a, &stored);
		/* The database failing is not a wrong password. */
		if (rc != LULL_OK && rc != LULL_ENOTFOUND)
			return rc;
	}
	store_fresh(st);
	if (stored != NULL)
		ok = password != NULL &&
		    crypto_pwhash_str_verify(stored, password,
			strlen(password)) == 0;
	else
		dummy_verify(password);
	if (!ok) {
		free(stored);
		lull_account_free(&a);
		return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "",
		    LOGIN_WRONG);
	}
	/* Hashed with older limits: bring it up to today's while the
	 * password is at hand.  Best effort; the login stands. */
	if (crypto_pwhash_str_needs_rehash(stored, PW_OPS, PW_MEM) != 0 &&
	    password_hash(st, password, h) == LULL_OK) {
		rc = store_write_begin(st);
		if (rc == LULL_OK) {
			a.version++;
			rc = store_write_end(st,
			    st->ops->account_set_password(st, &a, h));
		}
		sodium_memzero(h, sizeof(h));
		store_fresh(st);
	}
	*account_id = a.id;
	free(stored);
	lull_account_free(&a);
	return LULL_OK;
}

enum lull_err
lull_account_set_password(struct lull_store *st, int64_t account_id,
    const char *password, int64_t now)
{
	char h[crypto_pwhash_STRBYTES];
	struct lull_account a;
	enum lull_err rc;

	store_fresh(st);
	rc = password_check(st, password);
	if (rc == LULL_OK)
		rc = need_sodium(st);
	if (rc == LULL_OK)
		rc = need_account(st, account_id, &a);
	if (rc != LULL_OK)
		return rc;
	rc = password_hash(st, password, h);
	if (rc == LULL_OK)
		rc = password_write(st, &a, h, now);
	sodium_memzero(h, sizeof(h));
	lull_account_free(&a);
	return rc;
}

enum lull_err
lull_account_check_password(struct lull_store *st, int64_t account_id,
    const char *password)
{
	struct lull_account a;
	char *stored = NULL;
	enum lull_err rc;
	int ok;

	store_fresh(st);
	rc = need_sodium(st);
	if (rc != LULL_OK)
		return rc;
	rc = no_account(st, st->ops->account_get(st, account_id, &a, &stored),
	    account_id);
	if (rc != LULL_OK)
		return rc;
	lull_account_free(&a);
	ok = stored != NULL && password != NULL &&
	    crypto_pwhash_str_verify(stored, password, strlen(password)) == 0;
	free(stored);
	if (!ok)
		return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "password",
		    "password: the password is wrong");
	return LULL_OK;
}

/* Sessions */

/* Unknown, expired and malformed are one answer. */
static enum lull_err
no_session(struct lull_store *st)
{
	return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "session",
	    "session: not signed in (the session is unknown or has expired)");
}

static enum lull_err
session_start(struct lull_store *st, const struct store_session *s,
    const char *hash)
{
	enum lull_err rc;

	rc = need_account(st, s->account_id, NULL);
	/* Sweep the expired ones while the lock is held anyway: nothing
	 * else removes a session nobody comes back for. */
	if (rc == LULL_OK)
		rc = st->ops->session_delete_expired(st, s->created_utc);
	if (rc == LULL_OK)
		rc = st->ops->session_insert(st, hash, s);
	return rc;
}

enum lull_err
lull_session_start(struct lull_store *st, int64_t account_id, int64_t now,
    char sid[LULL_TOKEN_LEN + 1], struct lull_session *out)
{
	char hash[STORE_HASH_HEX + 1];
	struct store_session s;
	enum lull_err rc;

	store_fresh(st);
	sid[0] = '\0';
	memset(out, 0, sizeof(*out));
	rc = need_sodium(st);
	if (rc != LULL_OK)
		return rc;
	memset(&s, 0, sizeof(s));
	s.account_id = account_id;
	s.created_utc = now;
	s.expires_utc = now + LULL_SESSION_SEC;
	token_new(s.csrf);
	token_new(sid);
	token_hash(sid, hash);
	rc = store_write_begin(st);
	if (rc == LULL_OK)
		rc = store_write_end(st, session_start(st, &s, hash));
	if (rc != LULL_OK) {
		sodium_memzero(sid, LULL_TOKEN_LEN + 1);
		return rc;
	}
	out->account_id = account_id;
	memcpy(out->csrf, s.csrf, sizeof(out->csrf));
	out->expires_utc = s.expires_utc;
	return LULL_OK;
}

enum lull_err
lull_session_get(struct lull_store *st, const char *sid, int64_t now,
    struct lull_session *out)
{
	char hash[STORE_HASH_HEX + 1];
	struct store_session s;
	enum lull_err rc;
	int64_t slid;

	store_fresh(st);
	memset(out, 0, sizeof(*out));
	if (!token_shape(sid))
		return no_session(st);
	token_hash(sid, hash);
	rc = st->ops->session_get(st, hash, &s);
	if (rc == LULL_ENOTFOUND)
		return no_session(st);
	if (rc != LULL_OK)
		return rc;
	if (s.expires_utc <= now) {
		/* Gone for good: remove it now rather than at the next
		 * sweep.  A failure here changes nothing for the caller. */
		if (store_write_begin(st) == LULL_OK)
			(void)store_write_end(st,
			    st->ops->session_delete(st, hash));
		store_fresh(st);
		return no_session(st);
	}
	/* Idle time counts from the last request; a minute's precision
	 * keeps a page's many requests from each writing. */
	slid = now + LULL_SESSION_SEC;
	if (slid - s.expires_utc >= TOUCH_SEC) {
		rc = store_write_begin(st);
		if (rc == LULL_OK)
			rc = store_write_end(st,
			    st->ops->session_touch(st, hash, slid));
		if (rc == LULL_ENOTFOUND)
			return no_session(st); /* ended meanwhile */
		if (rc != LULL_OK)
			return rc;
		s.expires_utc = slid;
	}
	out->account_id = s.account_id;
	memcpy(out->csrf, s.csrf, sizeof(out->csrf));
	out->expires_utc = s.expires_utc;
	return LULL_OK;
}

enum lull_err
lull_session_end(struct lull_store *st, const char *sid)
{
	char hash[STORE_HASH_HEX + 1];
	enum lull_err rc;

	store_fresh(st);
	if (!token_shape(sid))
		return no_session(st);
	token_hash(sid, hash);
	rc = store_write_begin(st);
	if (rc == LULL_OK)
		rc = store_write_end(st, st->ops->session_delete(st, hash));
	return rc == LULL_ENOTFOUND ? no_session(st) : rc;
}

enum lull_err
lull_session_end_all(struct lull_store *st, int64_t account_id)
{
	enum lull_err rc;

	store_fresh(st);
	rc = store_write_begin(st);
	if (rc != LULL_OK)
		return rc;
	rc = need_account(st, account_id, NULL);
	if (rc == LULL_OK)
		rc = st->ops->session_delete_account(st, account_id);
	return store_write_end(st, rc);
}

/* API tokens */

static enum lull_err
no_token(struct lull_store *st)
{
	return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "token",
	    "token: the API token is unknown or revoked");
}

enum lull_err
lull_api_token_create(struct lull_store *st, int64_t account_id,
    const char *name, int64_t now, char token[LULL_TOKEN_LEN + 1], int64_t *id)
{
	char hash[STORE_HASH_HEX + 1];
	struct lull_api_token t;
	enum lull_err rc;

	store_fresh(st);
	token[0] = '\0';
	*id = 0;
	rc = name_check(st, name, "name", "a token");
	if (rc == LULL_OK)
		rc = need_sodium(st);
	if (rc != LULL_OK)
		return rc;
	memset(&t, 0, sizeof(t));
	t.account_id = account_id;
	t.name = (char *)(uintptr_t)name;
	t.created_utc = now;
	t.last_used_utc = LULL_NO_TIME;
	t.revoked_utc = LULL_NO_TIME;
	token_new(token);
	token_hash(token, hash);
	rc = store_write_begin(st);
	if (rc == LULL_OK) {
		rc = need_account(st, account_id, NULL);
		if (rc == LULL_OK)
			rc = st->ops->token_insert(st, &t, hash, id);
		rc = store_write_end(st, rc);
	}
	if (rc != LULL_OK) {
		sodium_memzero(token, LULL_TOKEN_LEN + 1);
		*id = 0;
	}
	return rc;
}

enum lull_err
lull_api_token_check(struct lull_store *st, const char *token, int64_t now,
    int64_t *account_id)
{
	char hash[STORE_HASH_HEX + 1];
	struct lull_api_token t;
	enum lull_err rc;

	store_fresh(st);
	*account_id = 0;
	if (!token_shape(token))
		return no_token(st);
	token_hash(token, hash);
	rc = st->ops->token_find(st, hash, &t);
	if (rc == LULL_ENOTFOUND)
		return no_token(st);
	if (rc != LULL_OK)
		return rc;
	if (t.revoked_utc != LULL_NO_TIME) {
		lull_api_token_free(&t);
		return no_token(st);
	}
	if (t.last_used_utc == LULL_NO_TIME ||
	    now - t.last_used_utc >= TOUCH_SEC) {
		t.last_used_utc = now;
		/* Bookkeeping: a failure to note the use does not refuse a
		 * valid token. */
		if (store_write_begin(st) == LULL_OK)
			(void)store_write_end(st,
			    st->ops->token_update(st, &t));
		store_fresh(st);
	}
	*account_id = t.account_id;
	lull_api_token_free(&t);
	return LULL_OK;
}

enum lull_err
lull_api_token_list(struct lull_store *st, int64_t account_id,
    struct lull_api_tokenv *out)
{
	enum lull_err rc;
	int opened;

	store_fresh(st);
	memset(out, 0, sizeof(*out));
	rc = store_read_begin(st, &opened);
	if (rc != LULL_OK)
		return rc;
	rc = need_account(st, account_id, NULL);
	if (rc == LULL_OK)
		rc = st->ops->token_list(st, account_id, out);
	rc = store_read_end(st, opened, rc);
	if (rc != LULL_OK)
		lull_api_tokenv_free(out);
	return rc;
}

static enum lull_err
token_revoke(struct lull_store *st, int64_t account_id, int64_t token_id,
    int64_t now)
{
	struct lull_api_token t;
	enum lull_err rc;

	rc = st->ops->token_get(st, token_id, &t);
	/* Someone else's token is answered as one that does not exist. */
	if (rc == LULL_ENOTFOUND ||
	    (rc == LULL_OK && t.account_id != account_id)) {
		lull_api_token_free(&t);
		return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "token",
		    "token: you have no API token with id %lld",
		    (long long)token_id);
	}
	if (rc != LULL_OK)
		return rc;
	/* Revoking twice keeps the first time. */
	if (t.revoked_utc == LULL_NO_TIME) {
		t.revoked_utc = now;
		rc = st->ops->token_update(st, &t);
	}
	lull_api_token_free(&t);
	return rc;
}

enum lull_err
lull_api_token_revoke(struct lull_store *st, int64_t account_id,
    int64_t token_id, int64_t now)
{
	enum lull_err rc;

	store_fresh(st);
	rc = store_write_begin(st);
	if (rc == LULL_OK)
		rc = store_write_end(st,
		    token_revoke(st, account_id, token_id, now));
	return rc;
}

enum lull_err
lull_api_token_revoke_all(struct lull_store *st, int64_t account_id,
    int64_t now, size_t *n)
{
	enum lull_err rc;
	size_t k = 0;

	store_fresh(st);
	rc = store_write_begin(st);
	if (rc == LULL_OK) {
		rc = need_account(st, account_id, NULL);
		if (rc == LULL_OK)
			rc = st->ops->token_revoke_account(st, account_id, now,
			    &k);
		rc = store_write_end(st, rc);
	}
	if (n != NULL)
		*n = rc == LULL_OK ? k : 0;
	return rc;
}

/* Households and members */

/* Not a member reads exactly as no such household (account.h). */
static enum lull_err
no_household(struct lull_store *st, enum lull_err rc, int64_t id)
{
	if (rc != LULL_ENOTFOUND)
		return rc;
	return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "household",
	    "household: there is no household with id %lld", (long long)id);
}

static enum lull_err
need_household(struct lull_store *st, int64_t id)
{
	struct lull_household h;
	enum lull_err rc;

	if (id <= 0)
		return no_household(st, LULL_ENOTFOUND, id);
	rc = st->ops->household_get(st, id, &h);
	lull_household_free(&h);
	return no_household(st, rc, id);
}

static enum lull_err
household_create(struct lull_store *st, int64_t account_id, const char *name,
    const char *tz, int64_t now, int64_t *hid)
{
	struct lull_actor boot = { 0, now };
	struct lull_membership m;
	struct lull_household h;
	struct lull_caregiver g;
	struct lull_account a;
	enum lull_err rc;
	int64_t gid;

	rc = need_account(st, account_id, &a);
	if (rc != LULL_OK)
		return rc;
	memset(&h, 0, sizeof(h));
	h.name = (char *)(uintptr_t)name;
	h.tz = (char *)(uintptr_t)tz;
	/* The store's own rules for each record, as savepoints of ours. */
	rc = lull_store_household_add(st, &h, &boot, hid);
	if (rc == LULL_OK) {
		memset(&g, 0, sizeof(g));
		g.household_id = *hid;
		g.name = a.name;
		g.role = LULL_ROLE_PARENT;
		rc = lull_store_caregiver_add(st, &g, &boot, &gid);
	}
	if (rc == LULL_OK) {
		memset(&m, 0, sizeof(m));
		m.account_id = account_id;
		m.household_id = *hid;
		m.access = LULL_ACCESS_OWNER;
		m.caregiver_id = gid;
		rc = st->ops->membership_insert(st, &m, now);
	}
	if (rc == LULL_OK)
		rc = st->ops->caregiver_link(st, gid, account_id, now);
	lull_account_free(&a);
	return rc;
}

enum lull_err
lull_household_create(struct lull_store *st, int64_t account_id,
    const char *name, const char *tz, int64_t now, int64_t *household_id)
{
	enum lull_err rc;

	store_fresh(st);
	*household_id = 0;
	rc = store_write_begin(st);
	if (rc == LULL_OK)
		rc = store_write_end(st,
		    household_create(st, account_id, name, tz, now,
			household_id));
	if (rc != LULL_OK)
		*household_id = 0;
	return rc;
}

enum lull_err
lull_membership_get(struct lull_store *st, int64_t account_id,
    int64_t household_id, struct lull_membership *out)
{
	store_fresh(st);
	return no_household(st,
	    st->ops->membership_get(st, account_id, household_id, out),
	    household_id);
}

enum lull_err
lull_members(struct lull_store *st, int64_t household_id,
    struct lull_membershipv *out)
{
	enum lull_err rc;
	int opened;

	store_fresh(st);
	memset(out, 0, sizeof(*out));
	rc = store_read_begin(st, &opened);
	if (rc != LULL_OK)
		return rc;
	rc = need_household(st, household_id);
	if (rc == LULL_OK)
		rc = st->ops->membership_list(st, 0, household_id, out);
	rc = store_read_end(st, opened, rc);
	if (rc != LULL_OK)
		lull_membershipv_free(out);
	return rc;
}

enum lull_err
lull_households_of(struct lull_store *st, int64_t account_id,
    struct lull_membershipv *out)
{
	enum lull_err rc;
	int opened;

	store_fresh(st);
	memset(out, 0, sizeof(*out));
	rc = store_read_begin(st, &opened);
	if (rc != LULL_OK)
		return rc;
	rc = need_account(st, account_id, NULL);
	if (rc == LULL_OK)
		rc = st->ops->membership_list(st, account_id, 0, out);
	rc = store_read_end(st, opened, rc);
	if (rc != LULL_OK)
		lull_membershipv_free(out);
	return rc;
}

/* The account's membership of the household, in words when missing. */
static enum lull_err
need_member(struct lull_store *st, int64_t account_id, int64_t household_id,
    struct lull_membership *m)
{
	enum lull_err rc;

	rc = need_household(st, household_id);
	if (rc != LULL_OK)
		return rc;
	rc = st->ops->membership_get(st, account_id, household_id, m);
	if (rc == LULL_ENOTFOUND)
		return lull_errinfo_set(&st->ei, rc, "account",
		    "account: account %lld is not a member of household %lld",
		    (long long)account_id, (long long)household_id);
	return rc;
}

/* Would taking owner access from "m" leave its household without one? */
static enum lull_err
keep_an_owner(struct lull_store *st, const struct lull_membership *m)
{
	struct lull_membershipv v;
	enum lull_err rc;
	size_t i, owners = 0;

	if (m->access != LULL_ACCESS_OWNER)
		return LULL_OK;
	rc = st->ops->membership_list(st, 0, m->household_id, &v);
	for (i = 0; rc == LULL_OK && i < v.n; i++)
		owners += v.v[i].access == LULL_ACCESS_OWNER;
	lull_membershipv_free(&v);
	if (rc == LULL_OK && owners <= 1)
		rc = lull_errinfo_set(&st->ei, LULL_EINVAL, "access",
		    "access: %s is the household's only owner; make someone "
		    "else an owner first",
		    m->account_name != NULL ? m->account_name : "this account");
	return rc;
}

/*
 * The role in the journal an access gives (account.h): the privacy of
 * the parents' own records (care.h) goes by role, so it never says more
 * than the owner did.  "parent" 1 only with owner or caregiver access.
 */
static enum lull_err
parent_check(struct lull_store *st, enum lull_access access, int parent)
{
	if (parent != 1 || access == LULL_ACCESS_OWNER ||
	    access == LULL_ACCESS_CAREGIVER)
		return LULL_OK;
	return lull_errinfo_set(&st->ei, LULL_EINVAL, "parent",
	    "parent: a parent of the child has owner or caregiver access, "
	    "not %s",
	    lull_access_name(access));
}

static enum lull_role
invite_role(enum lull_access access, int parent)
{
	if (access == LULL_ACCESS_CONSULTANT)
		return LULL_ROLE_CONSULTANT;
	if (access == LULL_ACCESS_READONLY)
		return LULL_ROLE_HELPER;
	return parent == 1 ? LULL_ROLE_PARENT : LULL_ROLE_HELPER;
}

/* Give caregiver "id" the role "want"; the caller gives no time, so the
 * record's version moves and its "updated" stays. */
static enum lull_err
role_set(struct lull_store *st, int64_t caregiver_id, enum lull_role want)
{
	struct lull_caregiver g;
	enum lull_err rc;

	rc = st->ops->caregiver_get(st, caregiver_id, &g);
	if (rc != LULL_OK)
		return rc;
	if (want != g.role) {
		g.role = want;
		g.meta.version++;
		rc = st->ops->caregiver_update(st, &g);
	}
	lull_caregiver_free(&g);
	return rc;
}

/*
 * The role after an access change: consultant access reads as a
 * consultant; leaving it, a helper unless the owner says parent (a
 * consultant never turns into a parent by a change of access alone);
 * else what the owner says, or the role as it was.
 */
static enum lull_role
access_role(enum lull_role now, enum lull_access access, int parent)
{
	if (access == LULL_ACCESS_CONSULTANT)
		return LULL_ROLE_CONSULTANT;
	if (parent == 1)
		return LULL_ROLE_PARENT;
	if (parent == 0 || now == LULL_ROLE_CONSULTANT)
		return LULL_ROLE_HELPER;
	return now;
}

static enum lull_err
member_set_access(struct lull_store *st, int64_t household_id,
    int64_t account_id, enum lull_access access, int parent)
{
	struct lull_membership m;
	struct lull_caregiver g;
	enum lull_err rc;

	rc = need_member(st, account_id, household_id, &m);
	if (rc != LULL_OK)
		return rc;
	if (access != LULL_ACCESS_OWNER)
		rc = keep_an_owner(st, &m);
	if (rc == LULL_OK && m.access != access) {
		/* An owner no more: what they invited goes with it. */
		if (m.access == LULL_ACCESS_OWNER)
			rc = st->ops->invite_delete_by(st, household_id,
			    account_id);
		m.access = access;
		if (rc == LULL_OK)
			rc = st->ops->membership_update(st, &m);
	}
	if (rc == LULL_OK)
		rc = st->ops->caregiver_get(st, m.caregiver_id, &g);
	if (rc == LULL_OK) {
		enum lull_role want = access_role(g.role, access, parent);

		lull_caregiver_free(&g);
		rc = role_set(st, m.caregiver_id, want);
	}
	lull_membership_free(&m);
	return rc;
}

static enum lull_err
access_check(struct lull_store *st, enum lull_access access)
{
	if ((unsigned)access < LULL_ACCESS__MAX)
		return LULL_OK;
	return lull_errinfo_set(&st->ei, LULL_EINVAL, "access",
	    "access: %d is not one of owner, caregiver, readonly, consultant",
	    (int)access);
}

static enum lull_err
parent_arg(struct lull_store *st, int parent, int unsaid_ok)
{
	if (parent == 0 || parent == 1 ||
	    (unsaid_ok && parent == LULL_PARENT_UNSAID))
		return LULL_OK;
	return lull_errinfo_set(&st->ei, LULL_EINVAL, "parent",
	    "parent: %d is neither yes (1) nor no (0)", parent);
}

enum lull_err
lull_member_set_access(struct lull_store *st, int64_t household_id,
    int64_t account_id, enum lull_access access, int parent)
{
	enum lull_err rc;

	store_fresh(st);
	rc = access_check(st, access);
	if (rc == LULL_OK)
		rc = parent_arg(st, parent, 1);
	if (rc == LULL_OK)
		rc = parent_check(st, access, parent);
	if (rc == LULL_OK)
		rc = store_write_begin(st);
	if (rc == LULL_OK)
		rc = store_write_end(st,
		    member_set_access(st, household_id, account_id, access,
			parent));
	return rc;
}

static enum lull_err
member_remove(struct lull_store *st, int64_t household_id, int64_t account_id)
{
	struct lull_membership m;
	enum lull_err rc;

	rc = need_member(st, account_id, household_id, &m);
	if (rc != LULL_OK)
		return rc;
	rc = keep_an_owner(st, &m);
	/* The caregiver stays: the entries they logged keep their name.
	 * The invitations they made and nobody used go: nobody joins on
	 * the word of someone no longer there. */
	if (rc == LULL_OK)
		rc = st->ops->membership_delete(st, account_id, household_id);
	if (rc == LULL_OK)
		rc = st->ops->invite_delete_by(st, household_id, account_id);
	lull_membership_free(&m);
	return rc;
}

enum lull_err
lull_member_remove(struct lull_store *st, int64_t household_id,
    int64_t account_id)
{
	enum lull_err rc;

	store_fresh(st);
	rc = store_write_begin(st);
	if (rc == LULL_OK)
		rc = store_write_end(st,
		    member_remove(st, household_id, account_id));
	return rc;
}

/* Invitations */

static enum lull_err
name_taken(struct lull_store *st, const char *name, const char *why)
{
	return lull_errinfo_set(&st->ei, LULL_ECONFLICT, "name",
	    "name: \"%s\" in this household %s; invite them under another "
	    "name",
	    name, why);
}

/*
 * The caregiver called "name" in the household, if any (*found), when an
 * invitation may stand for them (account.h): nobody's account now; if it
 * ever had one, that account ("for" 0: not known yet, at creation);
 * personal records only with an account of their own.
 */
static enum lull_err
name_free(struct lull_store *st, int64_t household_id, const char *name,
    int64_t for_account, struct lull_caregiver *g, int *found)
{
	struct lull_membershipv v;
	enum lull_err rc;
	int64_t linked_to = 0;
	size_t i, npersonal = 0;
	int linked = 0;

	*found = 0;
	rc = st->ops->caregiver_find(st, household_id, name, g);
	if (rc == LULL_ENOTFOUND) {
		store_fresh(st);
		return LULL_OK;
	}
	if (rc != LULL_OK)
		return rc;
	*found = 1;
	rc = st->ops->membership_list(st, 0, household_id, &v);
	for (i = 0; rc == LULL_OK && i < v.n; i++)
		if (v.v[i].caregiver_id == g->id)
			rc = name_taken(st, name, "already has an account");
	lull_membershipv_free(&v);
	if (rc == LULL_OK)
		rc = st->ops->caregiver_linked(st, g->id, &linked, &linked_to);
	if (rc == LULL_OK && !linked)
		rc = st->ops->personal_count_author(st, g->id, &npersonal);
	if (rc == LULL_OK) {
		if (linked && linked_to == 0)
			rc = name_taken(st, name,
			    "stood for an account that is gone");
		else if (linked && for_account != 0 &&
		    linked_to != for_account)
			rc = name_taken(st, name,
			    "stood for someone else's account");
		else if (!linked && npersonal > 0)
			rc = name_taken(st, name,
			    "has personal records of their own");
	}
	if (rc != LULL_OK) {
		lull_caregiver_free(g);
		*found = 0;
	}
	return rc;
}

/* "by" must be an owner of the household (an invitation's maker). */
static enum lull_err
need_owner(struct lull_store *st, int64_t household_id, int64_t by)
{
	struct lull_membership m;
	enum lull_err rc;

	rc = need_household(st, household_id);
	if (rc == LULL_OK)
		rc = no_household(st,
		    st->ops->membership_get(st, by, household_id, &m),
		    household_id);
	if (rc != LULL_OK)
		return rc;
	if (m.access != LULL_ACCESS_OWNER)
		rc = lull_errinfo_set(&st->ei, LULL_EINVAL, "access",
		    "access: only an owner of the household can manage "
		    "invitations");
	lull_membership_free(&m);
	return rc;
}

static enum lull_err
invite_create(struct lull_store *st, struct store_invite *v, const char *hash)
{
	struct lull_caregiver g;
	enum lull_err rc;
	int64_t id;
	int found;

	rc = need_owner(st, v->household_id, v->by_account);
	if (rc == LULL_OK)
		rc = name_free(st, v->household_id, v->name, 0, &g, &found);
	if (rc != LULL_OK)
		return rc;
	if (found)
		lull_caregiver_free(&g);
	return st->ops->invite_insert(st, v, hash, &id);
}

enum lull_err
lull_invite_create(struct lull_store *st, int64_t household_id,
    int64_t by_account, enum lull_access access, int parent, const char *name,
    int64_t now, char code[LULL_TOKEN_LEN + 1])
{
	char hash[STORE_HASH_HEX + 1];
	struct store_invite v;
	enum lull_err rc;

	store_fresh(st);
	code[0] = '\0';
	rc = access_check(st, access);
	if (rc == LULL_OK)
		rc = parent_arg(st, parent, 0);
	if (rc == LULL_OK)
		rc = parent_check(st, access, parent);
	if (rc == LULL_OK)
		rc = name_check(st, name, "name", "the person invited");
	if (rc == LULL_OK)
		rc = need_sodium(st);
	if (rc != LULL_OK)
		return rc;
	memset(&v, 0, sizeof(v));
	v.household_id = household_id;
	v.access = access;
	v.parent = parent;
	v.name = (char *)(uintptr_t)name;
	v.by_account = by_account;
	v.created_utc = now;
	v.expires_utc = now + LULL_INVITE_SEC;
	v.used_utc = LULL_NO_TIME;
	token_new(code);
	token_hash(code, hash);
	rc = store_write_begin(st);
	if (rc == LULL_OK)
		rc = store_write_end(st, invite_create(st, &v, hash));
	if (rc != LULL_OK)
		sodium_memzero(code, LULL_TOKEN_LEN + 1);
	return rc;
}

static enum lull_err
no_invite(struct lull_store *st)
{
	return lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "code",
	    "code: this invitation is unknown, used or expired");
}

/* The caregiver the invited account will be: "name" reused when it may
 * be (name_free), else created, with the role the invitation gives. */
static enum lull_err
invite_caregiver(struct lull_store *st, const struct store_invite *v,
    int64_t account_id, int64_t now, int64_t *gid)
{
	struct lull_actor by = { 0, now };
	struct lull_membership m;
	struct lull_caregiver g;
	enum lull_err rc;
	int found;

	*gid = 0;
	rc = name_free(st, v->household_id, v->name, account_id, &g, &found);
	if (rc != LULL_OK)
		return rc;
	if (found) {
		*gid = g.id;
		lull_caregiver_free(&g);
		return role_set(st, *gid, invite_role(v->access, v->parent));
	}
	/* Logged as added by whoever invited (an owner: checked). */
	if (st->ops->membership_get(st, v->by_account, v->household_id, &m) ==
	    LULL_OK) {
		by.caregiver_id = m.caregiver_id;
		lull_membership_free(&m);
	}
	store_fresh(st);
	memset(&g, 0, sizeof(g));
	g.household_id = v->household_id;
	g.name = v->name;
	g.role = invite_role(v->access, v->parent);
	return lull_store_caregiver_add(st, &g, &by, gid);
}

/* Is the invitation still good: unused, unexpired, and its maker still
 * an owner of its household?  Any no reads as an unknown code. */
static enum lull_err
invite_valid(struct lull_store *st, const struct store_invite *v, int64_t now)
{
	struct lull_membership m;
	enum lull_err rc;
	int owner;

	if (v->used_utc != LULL_NO_TIME || v->expires_utc <= now ||
	    v->by_account == 0)
		return no_invite(st);
	rc = st->ops->membership_get(st, v->by_account, v->household_id, &m);
	if (rc == LULL_ENOTFOUND)
		return no_invite(st);
	if (rc != LULL_OK)
		return rc;
	owner = m.access == LULL_ACCESS_OWNER;
	lull_membership_free(&m);
	return owner ? LULL_OK : no_invite(st);
}

static enum lull_err
invite_accept(struct lull_store *st, const char *hash, int64_t account_id,
    int64_t now, int64_t *household_id)
{
	struct lull_membership m;
	struct store_invite v;
	enum lull_err rc;

	rc = st->ops->invite_find(st, hash, &v);
	if (rc == LULL_ENOTFOUND)
		return no_invite(st);
	if (rc != LULL_OK)
		return rc;
	if ((rc = invite_valid(st, &v, now)) != LULL_OK) {
		store_invite_free(&v);
		return rc;
	}
	rc = need_account(st, account_id, NULL);
	if (rc == LULL_OK) {
		rc =
		    st->ops->membership_get(st, account_id, v.household_id, &m);
		if (rc == LULL_OK) {
			lull_membership_free(&m);
			rc = lull_errinfo_set(&st->ei, LULL_ECONFLICT,
			    "household",
			    "household: you are already a member of this "
			    "household");
		} else if (rc == LULL_ENOTFOUND) {
			store_fresh(st);
			rc = LULL_OK;
		}
	}
	memset(&m, 0, sizeof(m));
	m.account_id = account_id;
	m.household_id = v.household_id;
	m.access = v.access;
	if (rc == LULL_OK)
		rc = invite_caregiver(st, &v, account_id, now, &m.caregiver_id);
	if (rc == LULL_OK)
		rc = st->ops->membership_insert(st, &m, now);
	if (rc == LULL_OK)
		rc = st->ops->caregiver_link(st, m.caregiver_id, account_id,
		    now);
	if (rc == LULL_OK)
		rc = st->ops->invite_use(st, v.id, now, account_id);
	if (rc == LULL_OK)
		*household_id = v.household_id;
	store_invite_free(&v);
	return rc;
}

enum lull_err
lull_invite_accept(struct lull_store *st, const char *code, int64_t account_id,
    int64_t now, int64_t *household_id)
{
	char hash[STORE_HASH_HEX + 1];
	enum lull_err rc;

	store_fresh(st);
	*household_id = 0;
	if (!token_shape(code))
		return no_invite(st);
	token_hash(code, hash);
	rc = store_write_begin(st);
	if (rc == LULL_OK)
		rc = store_write_end(st,
		    invite_accept(st, hash, account_id, now, household_id));
	if (rc != LULL_OK)
		*household_id = 0;
	return rc;
}

enum lull_err
lull_invite_list(struct lull_store *st, int64_t household_id,
    int64_t by_account, int64_t now, struct lull_invitev *out)
{
	enum lull_err rc;
	int opened;

	store_fresh(st);
	memset(out, 0, sizeof(*out));
	rc = store_read_begin(st, &opened);
	if (rc != LULL_OK)
		return rc;
	rc = need_owner(st, household_id, by_account);
	if (rc == LULL_OK)
		rc = st->ops->invite_list(st, household_id, now, out);
	rc = store_read_end(st, opened, rc);
	if (rc != LULL_OK)
		lull_invitev_free(out);
	return rc;
}

static enum lull_err
invite_revoke(struct lull_store *st, int64_t household_id, int64_t by_account,
    int64_t invite_id)
{
	enum lull_err rc;

	rc = need_owner(st, household_id, by_account);
	if (rc != LULL_OK)
		return rc;
	rc = st->ops->invite_delete(st, household_id, invite_id);
	if (rc == LULL_ENOTFOUND)
		rc = lull_errinfo_set(&st->ei, LULL_ENOTFOUND, "invitation",
		    "invitation: this household has no unused invitation "
		    "with id %lld",
		    (long long)invite_id);
	return rc;
}

enum lull_err
lull_invite_revoke(struct lull_store *st, int64_t household_id,
    int64_t by_account, int64_t invite_id)
{
	enum lull_err rc;

	store_fresh(st);
	rc = store_write_begin(st);
	if (rc == LULL_OK)
		rc = store_write_end(st,
		    invite_revoke(st, household_id, by_account, invite_id));
	return rc;
}
