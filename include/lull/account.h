/*
 * People who sign in, and what they may reach: accounts, their
 * memberships of households, browser sessions, personal API tokens and
 * invitations.  The web app (src/web) is the caller; the command line
 * uses it for administration (a password reset).
 *
 * Secrets never reach the database in the clear:
 *  - passwords are argon2id hashes (libsodium's crypto_pwhash_str, its
 *    "interactive" limits), verified with crypto_pwhash_str_verify;
 *  - session ids, API tokens and invitation codes are 32 random bytes
 *    (randombytes_buf) shown once as 43 characters of URL-safe base64
 *    without padding; the store keeps their SHA-256 (crypto_hash_sha256),
 *    so a copy of the database opens no session.
 * Hashing a password is deliberately slow (tens of milliseconds); it
 * happens at sign-up, login and password change only.
 *
 * A membership ties an account to one household with a role, and to the
 * caregiver record that stands for that person in the household's
 * journal ("logged by", the privacy of personal records, care.h).  One
 * account can belong to several households (a consultant's many
 * families).
 *
 * Every function follows store.h's contract (atomic, errors named).
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_ACCOUNT_H
#define LULL_ACCOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"
#include "lull/store.h"

/* Access to a household, from most to least. */
enum lull_access {
	LULL_ACCESS_OWNER = 0,	  /* everything, members and deletion */
	LULL_ACCESS_CAREGIVER,	  /* reads and writes the journal */
	LULL_ACCESS_READONLY,	  /* reads the journal */
	LULL_ACCESS_CONSULTANT,	  /* reads the journal, writes plans;
				     granted by the family, revocable */
	LULL_ACCESS__MAX
};

const char *lull_access_name(enum lull_access);
int lull_access_parse(const char *);

#define LULL_TOKEN_LEN	   43 /* characters of a session id, API token or
				 invitation code */
#define LULL_PASSWORD_MIN  10 /* bytes; NIST SP 800-63B asks for at least
				 8, we ask a little more */
#define LULL_PASSWORD_MAX  256
#define LULL_SESSION_SEC   (30 * 86400) /* a session lasts 30 days idle */
#define LULL_INVITE_SEC	   (7 * 86400)	/* an invitation, 7 days */

struct lull_account {
	int64_t id;
	char *email; /* unique, compared without case */
	char *name;
	int64_t created_utc;
	int64_t version;
};

struct lull_accountv {
	struct lull_account *v;
	size_t n;
	size_t cap;
};

struct lull_membership {
	int64_t account_id;
	int64_t household_id;
	enum lull_access access;
	int64_t caregiver_id; /* the person in the household's journal */
	char *household_name; /* filled by the list functions */
	char *account_email;  /* filled by the list functions */
	char *account_name;
};

struct lull_membershipv {
	struct lull_membership *v;
	size_t n;
	size_t cap;
};

struct lull_api_token {
	int64_t id;
	int64_t account_id;
	char *name;
	int64_t created_utc;
	int64_t last_used_utc; /* LULL_NO_TIME if never */
	int64_t revoked_utc;   /* LULL_NO_TIME while valid */
};

struct lull_api_tokenv {
	struct lull_api_token *v;
	size_t n;
	size_t cap;
};

/* A signed-in browser: which account, and the token its forms carry. */
struct lull_session {
	int64_t account_id;
	char csrf[LULL_TOKEN_LEN + 1];
	int64_t expires_utc;
};

void lull_account_free(struct lull_account *);
void lull_accountv_free(struct lull_accountv *);
void lull_membership_free(struct lull_membership *);
void lull_membershipv_free(struct lull_membershipv *);
void lull_api_token_free(struct lull_api_token *);
void lull_api_tokenv_free(struct lull_api_tokenv *);

/* libsodium must be initialised once before any of the below; true
 * (non-zero) on success.  Safe to call again. */
int lull_account_init(void);

/*
 * Accounts.  _create hashes "password" (LULL_EINVAL naming "password"
 * when shorter than LULL_PASSWORD_MIN or longer than LULL_PASSWORD_MAX,
 * "email" when it has no "@" or is longer than 254 bytes, "name" when
 * blank); LULL_ECONFLICT naming "email" when taken.
 */
LULL_MUST_CHECK enum lull_err lull_account_create(struct lull_store *,
    const char *email, const char *name, const char *password, int64_t now,
    int64_t *id);
LULL_MUST_CHECK enum lull_err lull_account_get(struct lull_store *,
    int64_t id, struct lull_account *out);
/*
 * Check a password.  An unknown email and a wrong password give the same
 * LULL_ENOTFOUND with the same message ("email or password is wrong"),
 * and take about the same time (a dummy hash is verified for an unknown
 * email), so a login form does not tell which accounts exist.
 */
LULL_MUST_CHECK enum lull_err lull_account_login(struct lull_store *,
    const char *email, const char *password, int64_t *account_id);
/* Set a new password (the admin reset, or the user's own change); every
 * session of the account ends. */
LULL_MUST_CHECK enum lull_err lull_account_set_password(struct lull_store *,
    int64_t account_id, const char *password);
LULL_MUST_CHECK enum lull_err lull_account_find(struct lull_store *,
    const char *email, struct lull_account *out);
/* Every account, by id (the administrator's listing). */
LULL_MUST_CHECK enum lull_err lull_account_list(struct lull_store *,
    struct lull_accountv *out);

/*
 * Sessions.  _start makes a new session for the account and writes its
 * id (to put in a cookie) into sid; the session's CSRF token is in
 * out->csrf.  _get finds a live session by id (LULL_ENOTFOUND when
 * unknown or expired) and slides its expiry; _end ends one; _end_all
 * ends every session of the account ("log out everywhere").
 * _end of a session that is not there (ended already, expired and swept)
 * is LULL_ENOTFOUND; a logout may ignore it.
 */
LULL_MUST_CHECK enum lull_err lull_session_start(struct lull_store *,
    int64_t account_id, int64_t now, char sid[LULL_TOKEN_LEN + 1],
    struct lull_session *out);
LULL_MUST_CHECK enum lull_err lull_session_get(struct lull_store *,
    const char *sid, int64_t now, struct lull_session *out);
LULL_MUST_CHECK enum lull_err lull_session_end(struct lull_store *,
    const char *sid);
LULL_MUST_CHECK enum lull_err lull_session_end_all(struct lull_store *,
    int64_t account_id);

/*
 * Personal API tokens: _create returns the token once in "token"; the
 * store keeps its hash.  _check finds the account of a valid token
 * (LULL_ENOTFOUND otherwise, including a revoked one) and records its
 * last use at most once a minute.  _revoke is by the owner only
 * (LULL_ENOTFOUND for someone else's).
 */
LULL_MUST_CHECK enum lull_err lull_api_token_create(struct lull_store *,
    int64_t account_id, const char *name, int64_t now,
    char token[LULL_TOKEN_LEN + 1], int64_t *id);
LULL_MUST_CHECK enum lull_err lull_api_token_check(struct lull_store *,
    const char *token, int64_t now, int64_t *account_id);
LULL_MUST_CHECK enum lull_err lull_api_token_list(struct lull_store *,
    int64_t account_id, struct lull_api_tokenv *out);
LULL_MUST_CHECK enum lull_err lull_api_token_revoke(struct lull_store *,
    int64_t account_id, int64_t token_id, int64_t now);

/*
 * Households and members.  _household_create makes a household (zone
 * checked by the caller), the caregiver record for the account (its
 * name) and an owner membership, in one transaction.
 * _membership_get: LULL_ENOTFOUND when the account is not a member (the
 * web app then answers "not found" for anything in that household).
 * _members lists a household's memberships with names and emails;
 * _households lists an account's with household names.
 * _member_remove refuses to remove the last owner (LULL_EINVAL naming
 * "access"); the caregiver record stays in the journal (entries keep
 * who logged them) but loses its account.
 * _member_set_access refuses to take owner access from the last owner
 * the same way.  The caregiver's role follows consultant access (to
 * consultant, and back to parent), since the privacy of the parents'
 * own records (care.h) goes by role.
 */
LULL_MUST_CHECK enum lull_err lull_household_create(struct lull_store *,
    int64_t account_id, const char *name, const char *tz, int64_t now,
    int64_t *household_id);
LULL_MUST_CHECK enum lull_err lull_membership_get(struct lull_store *,
    int64_t account_id, int64_t household_id, struct lull_membership *out);
LULL_MUST_CHECK enum lull_err lull_members(struct lull_store *,
    int64_t household_id, struct lull_membershipv *out);
LULL_MUST_CHECK enum lull_err lull_households_of(struct lull_store *,
    int64_t account_id, struct lull_membershipv *out);
LULL_MUST_CHECK enum lull_err lull_member_set_access(struct lull_store *,
    int64_t household_id, int64_t account_id, enum lull_access);
LULL_MUST_CHECK enum lull_err lull_member_remove(struct lull_store *,
    int64_t household_id, int64_t account_id);

/*
 * Invitations: an owner invites someone to a household with an access
 * and the name they will have in its journal; the code is returned once.
 * _accept, by a signed-in account, checks the code (LULL_ENOTFOUND when
 * unknown, used or expired), creates (or reuses, by name) the caregiver
 * record with the matching role (consultant for LULL_ACCESS_CONSULTANT,
 * else parent) and the membership, and marks the code used, in one
 * transaction.  LULL_ECONFLICT when already a member.
 * A reused record that is a helper stays a helper unless the access is
 * consultant (an invitation never widens what someone sees of the
 * parents' own records).  A name that already stands for an account is
 * LULL_ECONFLICT naming "name", on _create and again on _accept; only an
 * owner invites (LULL_EINVAL naming "access"; LULL_ENOTFOUND naming
 * "household" for a non-member).
 */
LULL_MUST_CHECK enum lull_err lull_invite_create(struct lull_store *,
    int64_t household_id, int64_t by_account, enum lull_access,
    const char *name, int64_t now, char code[LULL_TOKEN_LEN + 1]);
LULL_MUST_CHECK enum lull_err lull_invite_accept(struct lull_store *,
    const char *code, int64_t account_id, int64_t now,
    int64_t *household_id);

#endif
