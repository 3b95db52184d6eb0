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
#define LULL_EMAIL_MAX	   254 /* bytes of an email (RFC 5321's path) */
/* "parent" of lull_member_set_access(): not said, keep the role. */
#define LULL_PARENT_UNSAID (-1)

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
	enum lull_role role;  /* that person's role there (care.h) */
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

/* An invitation not used yet, as its household's owners see it: never
 * its code, which is shown once, at creation. */
struct lull_invite {
	int64_t id;
	int64_t household_id;
	enum lull_access access;
	int parent;	    /* 1: invited as a parent of the child */
	char *name;	    /* their name in the journal */
	int64_t by_account; /* who invited */
	char *by_name;	    /* that account's name */
	int64_t created_utc;
	int64_t expires_utc;
};

struct lull_invitev {
	struct lull_invite *v;
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
void lull_invite_free(struct lull_invite *);
void lull_invitev_free(struct lull_invitev *);

/* libsodium must be initialised once before any of the below; true
 * (non-zero) on success.  Safe to call again. */
int lull_account_init(void);

/*
 * An email as accounts are kept and compared: without surrounding blanks,
 * ASCII letters in lower case, into "out" (cut to outsz - 1 bytes).
 * Returns 1 when it is an address an account could have (one "@" with
 * something on both sides, no blanks or control characters inside, at
 * most LULL_EMAIL_MAX bytes), else 0 (out still holds the normal form).
 * The login throttle keys on it, so " Anna@X.org" and "anna@x.org" are
 * one key, as they are one account.
 */
int lull_email_norm(const char *email, char *out, size_t outsz);

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
/*
 * Set a new password (the admin reset, or the user's own change): every
 * session of the account ends and every API token of it is revoked (at
 * "now"), in the same transaction.  A password is reset because it may be
 * known to someone else, who may have made a token with it.
 */
LULL_MUST_CHECK enum lull_err lull_account_set_password(struct lull_store *,
    int64_t account_id, const char *password, int64_t now);
/*
 * Check the password of a signed-in account again (before something a
 * stolen session must not do alone, such as making an API token): OK, or
 * LULL_ENOTFOUND naming "password" when it is wrong (naming "account"
 * for no such account).  As slow as a login.
 */
LULL_MUST_CHECK enum lull_err lull_account_check_password(
    struct lull_store *, int64_t account_id, const char *password);
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
/* Revoke every valid token of the account; *n says how many (may be
 * NULL). */
LULL_MUST_CHECK enum lull_err lull_api_token_revoke_all(struct lull_store *,
    int64_t account_id, int64_t now, size_t *n);

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
 * who logged them) but loses its account.  The invitations the member
 * made there and nobody used yet go with the membership.
 * _member_set_access refuses to take owner access from the last owner
 * the same way; an owner who stops being one loses the invitations they
 * made there and nobody used yet.  The caregiver's role follows, since
 * the privacy of the parents' own records (care.h) goes by role:
 * consultant access makes a consultant; leaving consultant access makes
 * a helper unless "parent" is 1; "parent" 1 (owner or caregiver access
 * only, else LULL_EINVAL naming "parent") makes a parent, 0 a helper,
 * LULL_PARENT_UNSAID keeps the role.
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
    int64_t household_id, int64_t account_id, enum lull_access,
    int parent);
LULL_MUST_CHECK enum lull_err lull_member_remove(struct lull_store *,
    int64_t household_id, int64_t account_id);

/*
 * Invitations: an owner invites someone to a household with an access,
 * whether they are a parent of the child, and the name they will have in
 * its journal; the code is returned once and never again.
 *
 * The journal's role follows the invitation, never more: consultant
 * access makes a consultant, read-only a helper, owner or caregiver
 * access a parent only when "parent" is 1, else a helper (a grandparent
 * or a nanny with caregiver access sees none of the parents' own
 * records).  "parent" 1 with read-only or consultant access is
 * LULL_EINVAL naming "parent".
 *
 * _accept, by a signed-in account, checks the code (LULL_ENOTFOUND when
 * unknown, used, expired, revoked, or when whoever made it is no longer
 * an owner of the household: an invitation is only as good as its
 * maker's access), creates or reuses (by name) the caregiver record with
 * that role, and the membership, and marks the code used, in one
 * transaction.  LULL_ECONFLICT when already a member.
 * A record is reused only when nobody else can have been it: a name
 * that stands for an account now, that stood for another account before
 * (or for one since deleted), or that has personal records but never had
 * an account, is LULL_ECONFLICT naming "name" (on _create when it can
 * tell already, else on _accept): the owner invites under another name.
 * Someone removed who comes back, invited under their old name, is their
 * old record again.  Only an owner invites (LULL_EINVAL naming "access";
 * LULL_ENOTFOUND naming "household" for a non-member).
 *
 * _list: the household's invitations not used and not expired at "now",
 * by id, for an owner (refusals as _create's).  _revoke ends one of them
 * (LULL_ENOTFOUND naming "invitation" when the household has no such
 * unused invitation), for an owner.
 */
LULL_MUST_CHECK enum lull_err lull_invite_create(struct lull_store *,
    int64_t household_id, int64_t by_account, enum lull_access, int parent,
    const char *name, int64_t now, char code[LULL_TOKEN_LEN + 1]);
LULL_MUST_CHECK enum lull_err lull_invite_accept(struct lull_store *,
    const char *code, int64_t account_id, int64_t now,
    int64_t *household_id);
LULL_MUST_CHECK enum lull_err lull_invite_list(struct lull_store *,
    int64_t household_id, int64_t by_account, int64_t now,
    struct lull_invitev *out);
LULL_MUST_CHECK enum lull_err lull_invite_revoke(struct lull_store *,
    int64_t household_id, int64_t by_account, int64_t invite_id);

#endif
