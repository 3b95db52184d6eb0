/*
 * Who may come in, and where: sign-up, login (throttled), logout and
 * "log out everywhere", the start page with the account's households,
 * a household's members and invitations, personal API tokens, and the
 * night-mode toggle; as HTML pages and as the JSON API's /api/v1
 * equivalents.  The rules live in the store (account.h); this file asks
 * and shows.
 * SPDX-License-Identifier: ISC
 */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "lull/cal.h"

#include "web/page_int.h"
#include "web/web.h"

/*
 * Login throttle: 5 failures for one email in 15 minutes, 20 from one
 * address (a family's devices share one; a guesser spreading over many
 * emails is still held).  Sign-ups: 10 an address in the same window.
 */
#define LIMIT_EMAIL  5
#define LIMIT_IP     20
#define LIMIT_SIGNUP 10
/* Bytes of a throttle key, its NUL included, that server.c's table
 * keeps. */
#define THROTTLE_KEY 112
/*
 * Password hashing takes tens of milliseconds and 64 MiB each (argon2id,
 * libsodium's interactive limits): two at a time keep a small box
 * responsive and its memory bounded, whatever the thread count.
 */
#define HASH_SLOTS 2

static pthread_mutex_t hash_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hash_cv = PTHREAD_COND_INITIALIZER;
static int hash_busy;

static void
slot_take(void)
{
	pthread_mutex_lock(&hash_mu);
	while (hash_busy >= HASH_SLOTS)
		pthread_cond_wait(&hash_cv, &hash_mu);
	hash_busy++;
	pthread_mutex_unlock(&hash_mu);
}

static void
slot_give(void)
{
	pthread_mutex_lock(&hash_mu);
	hash_busy--;
	pthread_cond_signal(&hash_cv);
	pthread_mutex_unlock(&hash_mu);
}

/* What each role of the journal sees of the parents' own records. */
static const char *const role_words[LULL_ROLE__MAX] = {
	"a parent of the child",
	"not a parent: sees the child's journal only",
	"the consultant: sees what is shared with the consultant",
};

static const char *const access_help[LULL_ACCESS__MAX] = {
	"everything, including who is a member",
	"reads and writes the journal",
	"reads the journal",
	"reads the journal and writes sleep plans",
};

/* ---- small helpers ---- */

/* A local path to go on to after a login, else "/". */
static const char *
safe_next(const char *n)
{
	size_t i;

	if (n == NULL || n[0] != '/' || n[1] == '/' || n[1] == '\\' ||
	    strlen(n) > 512)
		return "/";
	for (i = 0; n[i] != '\0'; i++)
		if ((unsigned char)n[i] <= 0x20 ||
		    (unsigned char)n[i] >= 0x7f ||
		    strchr("\"'<>\\`", n[i]) != NULL)
			return "/";
	return n;
}

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* The message of a library error without its "field: " prefix. */
static const char *
ei_msg(const struct lull_errinfo *ei)
{
	size_t fl = strlen(ei->field);

	if (fl > 0 && strncmp(ei->msg, ei->field, fl) == 0 &&
	    ei->msg[fl] == ':' && ei->msg[fl + 1] == ' ')
		return ei->msg + fl + 2;
	return ei->msg[0] ? ei->msg : lull_strerror(ei->code);
}

static int
status_of(enum lull_err rc)
{
	switch (rc) {
	case LULL_EINVAL:
		return 422;
	case LULL_ENOTFOUND:
		return 404;
	case LULL_ECONFLICT:
		return 409;
	default:
		return 500;
	}
}

static int
store_fail(struct web_req *rq, struct web_resp *rs, enum lull_err rc)
{
	return web_fail(rq, rs, rc, lull_store_error(rq->st));
}

/* "2026-05-10 19:40" in the server's zone, or "never". */
static void
fmt_time(int64_t utc, char *buf, size_t bufsz)
{
	const struct lull_tz *tz = web_tz_default();
	char d[16], hm[16];

	if (utc == LULL_NO_TIME || tz == NULL) {
		snprintf(buf, bufsz, "never");
		return;
	}
	lull_date_format(lull_local_day(tz, utc), d, sizeof(d));
	lull_time_format_hm(tz, utc, hm, sizeof(hm));
	snprintf(buf, bufsz, "%s %s", d, hm);
}

static json_t *
j_time(int64_t utc)
{
	char buf[40];
	struct lull_errinfo ei;
	struct lull_tz *utc_tz = web_tz("UTC", &ei);

	if (utc == LULL_NO_TIME || utc_tz == NULL)
		return json_null();
	lull_time_format_rfc3339(utc_tz, utc, buf, sizeof(buf));
	return json_string(buf);
}

static json_t *
j_str(const char *s)
{
	json_t *j = json_string(or_empty(s));

	return j != NULL ? j : json_string("");
}

static json_t *
j_account(const struct lull_account *a)
{
	return json_pack("{s:I,s:o,s:o,s:o}", "id", (json_int_t)a->id, "email",
	    j_str(a->email), "name", j_str(a->name), "created",
	    j_time(a->created_utc));
}

static json_t *
j_member(const struct lull_membership *m, int with_email)
{
	const char *role = lull_role_name(m->role);
	json_t *o = json_pack("{s:I,s:o,s:s,s:I,s:s}", "account_id",
	    (json_int_t)m->account_id, "name", j_str(m->account_name), "access",
	    lull_access_name(m->access), "caregiver_id",
	    (json_int_t)m->caregiver_id, "role", role != NULL ? role : "");

	if (o != NULL && with_email)
		json_object_set_new(o, "email", j_str(m->account_email));
	return o;
}

static json_t *
j_token(const struct lull_api_token *t)
{
	return json_pack("{s:I,s:o,s:o,s:o,s:o}", "id", (json_int_t)t->id,
	    "name", j_str(t->name), "created", j_time(t->created_utc),
	    "last_used", j_time(t->last_used_utc), "revoked",
	    j_time(t->revoked_utc));
}

/*
 * The JSON object of an API request's body, or NULL with the answer in
 * "rs".  A JSON content type is required: a cross-site HTML form cannot
 * send one, which keeps the public endpoints (login) out of its reach.
 */
static json_t *
body_json(struct web_req *rq, struct web_resp *rs)
{
	const char *ct = web_header(rq, "Content-Type");
	json_error_t je;
	json_t *o;

	if (ct == NULL || strncasecmp(ct, "application/json", 16) != 0) {
		web_error(rq, rs, 415, NULL,
		    "send JSON, with \"Content-Type: application/json\"");
		return NULL;
	}
	o = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
	if (o == NULL || !json_is_object(o)) {
		json_decref(o);
		web_error(rq, rs, 400, NULL,
		    "the body is not a JSON object (line %d, column %d)",
		    je.line, je.column);
		return NULL;
	}
	return o;
}

static const char *
jget(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* "parent" of a JSON body: 1 for true, 0 for false, LULL_PARENT_UNSAID
 * when absent or null; -2 for anything else. */
static int
jparent(json_t *o)
{
	json_t *p = json_object_get(o, "parent");

	if (p == NULL || json_is_null(p))
		return LULL_PARENT_UNSAID;
	if (json_is_boolean(p))
		return json_is_true(p) ? 1 : 0;
	return -2;
}

static json_t *
j_invite(const struct lull_invite *v)
{
	return json_pack("{s:I,s:o,s:s,s:b,s:{s:I,s:o},s:o,s:o}", "id",
	    (json_int_t)v->id, "name", j_str(v->name), "access",
	    lull_access_name(v->access), "parent", v->parent, "by",
	    "account_id", (json_int_t)v->by_account, "name",
	    v->by_name != NULL ? j_str(v->by_name) : json_null(), "created",
	    j_time(v->created_utc), "expires", j_time(v->expires_utc));
}

/* ---- login, shared by the page and the API ---- */

enum login_res { LOGIN_OK, LOGIN_WAIT, LOGIN_BAD, LOGIN_FAIL };

/*
 * The throttle's keys: the client's address, and the email as accounts
 * compare it (lull_email_norm: trimmed, lower case), so " Ben@X.org"
 * counts against the same key as "ben@x.org".  The throttle keeps keys
 * of up to 111 bytes; a longer email is cut alike every time.
 */
static void
throttle_keys(const struct web_req *rq, const char *email, char *kip, char *kem,
    size_t sz)
{
	/* Cut to what the table keeps, or a long email would never match
	 * its own entry and never be held. */
	char ip[64], em[THROTTLE_KEY - sizeof("email:") + 1];

	web_client_addr(rq, ip, sizeof(ip));
	snprintf(kip, sz, "ip:%s", ip);
	(void)lull_email_norm(email, em, sizeof(em));
	snprintf(kem, sz, "email:%s", em);
}

/*
 * Held back by the address's or the email's limit?  Then *retry says for
 * how long, and the log which limit held (never the email: the log keeps
 * no account names).
 */
static int
throttled(const char *kip, const char *kem, int64_t now, int64_t *retry,
    const char *what)
{
	int64_t r1 = 0, r2 = 0;
	int by_ip, by_email;

	by_ip = web_throttle_check(kip, LIMIT_IP, now, &r1);
	by_email = web_throttle_check(kem, LIMIT_EMAIL, now, &r2);
	if (!by_ip && !by_email)
		return 0;
	*retry = r1 > r2 ? r1 : r2;
	web_log(WEB_LOG_WARN, "%s throttled by the %s for %s", what,
	    by_ip && by_email ? "address and email limits"
	    : by_ip	      ? "address limit"
			      : "email limit",
	    kip);
	return 1;
}

/* A new session id at every login: one planted before it is worth
 * nothing after.  Already gone is fine. */
static void
end_old_session(struct web_req *rq)
{
	if (rq->sid[0] != '\0' && lull_session_end(rq->st, rq->sid) != LULL_OK)
		web_log(WEB_LOG_DEBUG, "the previous session was gone");
}

/*
 * Check the password and start a session: LOGIN_OK with "sid" and
 * "sess" filled; LOGIN_WAIT with *retry when throttled; LOGIN_BAD for a
 * wrong email or password; LOGIN_FAIL with *rc for the store.
 */
static enum login_res
login(struct web_req *rq, const char *email, const char *pw,
    char sid[LULL_TOKEN_LEN + 1], struct lull_session *sess,
    int64_t *account_id, int64_t *retry, enum lull_err *rc)
{
	char kip[128], kem[128];

	*rc = LULL_OK;
	throttle_keys(rq, email, kip, kem, sizeof(kip));
	if (throttled(kip, kem, rq->now, retry, "login"))
		return LOGIN_WAIT;
	slot_take();
	*rc = lull_account_login(rq->st, email, pw, account_id);
	slot_give();
	if (*rc == LULL_ENOTFOUND || *rc == LULL_EINVAL) {
		web_throttle_note(kip, rq->now);
		web_throttle_note(kem, rq->now);
		return LOGIN_BAD;
	}
	if (*rc != LULL_OK)
		return LOGIN_FAIL;
	web_throttle_clear(kem);
	end_old_session(rq);
	if ((*rc = lull_session_start(rq->st, *account_id, rq->now, sid,
		 sess)) != LULL_OK)
		return LOGIN_FAIL;
	return LOGIN_OK;
}

/*
 * The signed-in account's password again, before what a stolen session
 * must not do alone (make an API token): throttled as a login is, on the
 * same keys, so it is no way around the login's limits.
 */
static enum login_res
reauth(struct web_req *rq, const char *pw, int64_t *retry, enum lull_err *rc)
{
	char kip[128], kem[128];
	struct lull_account a;

	if ((*rc = lull_account_get(rq->st, rq->account_id, &a)) != LULL_OK)
		return LOGIN_FAIL;
	throttle_keys(rq, a.email, kip, kem, sizeof(kip));
	lull_account_free(&a);
	if (throttled(kip, kem, rq->now, retry, "password check"))
		return LOGIN_WAIT;
	slot_take();
	*rc = lull_account_check_password(rq->st, rq->account_id, pw);
	slot_give();
	if (*rc == LULL_ENOTFOUND) {
		web_throttle_note(kip, rq->now);
		web_throttle_note(kem, rq->now);
		return LOGIN_BAD;
	}
	return *rc == LULL_OK ? LOGIN_OK : LOGIN_FAIL;
}

static void
retry_after(struct web_resp *rs, int64_t sec)
{
	char v[24];

	snprintf(v, sizeof(v), "%lld", (long long)(sec > 0 ? sec : 1));
	web_header_add(rs, "Retry-After", v);
}

static int
signup_throttled(struct web_req *rq, int64_t *retry)
{
	char ip[64], k[96];

	web_client_addr(rq, ip, sizeof(ip));
	snprintf(k, sizeof(k), "signup:%s", ip);
	if (web_throttle_check(k, LIMIT_SIGNUP, rq->now, retry))
		return 1;
	web_throttle_note(k, rq->now);
	return 0;
}

/* ---- form pieces ---- */

struct form_err {
	const char *field; /* "" for the form as a whole */
	const char *msg;
};

/* A labelled input; the error, when it is about this field, next to
 * it and tied to it for screen readers. */
static void
field(struct web_buf *b, const char *name, const char *label, const char *type,
    const char *value, const char *extra, const char *hint,
    const struct form_err *fe)
{
	int bad = fe != NULL && fe->msg != NULL && strcmp(fe->field, name) == 0;

	web_buf_printf(b,
	    "<div class=\"field\"><label for=\"f-%s\">%s</label>\n", name,
	    label);
	if (hint != NULL)
		web_buf_printf(b, "<p class=\"hint\" id=\"f-%s-hint\">%s</p>\n",
		    name, hint);
	if (bad) {
		web_buf_printf(b, "<p class=\"error\" id=\"f-%s-err\">", name);
		web_buf_esc(b, fe->msg);
		web_buf_puts(b, "</p>\n");
	}
	web_buf_printf(b, "<input type=\"%s\" id=\"f-%s\" name=\"%s\"", type,
	    name, name);
	if (value != NULL) {
		web_buf_puts(b, " value=\"");
		web_buf_esc(b, value);
		web_buf_puts(b, "\"");
	}
	if (hint != NULL || bad) {
		web_buf_puts(b, " aria-describedby=\"");
		if (hint != NULL)
			web_buf_printf(b, "f-%s-hint", name);
		if (bad)
			web_buf_printf(b, "%sf-%s-err", hint ? " " : "", name);
		web_buf_puts(b, "\"");
	}
	if (bad)
		web_buf_puts(b, " aria-invalid=\"true\"");
	web_buf_printf(b, " %s></div>\n", extra ? extra : "");
}

/* An error not about one field, at the top of the form. */
static void
form_error(struct web_buf *b, const struct form_err *fe,
    const char *const *fields)
{
	size_t i;

	if (fe == NULL || fe->msg == NULL)
		return;
	for (i = 0; fields[i] != NULL; i++)
		if (strcmp(fe->field, fields[i]) == 0)
			return;
	web_buf_puts(b, "<p class=\"notice bad\" role=\"alert\">");
	web_buf_esc(b, fe->msg);
	web_buf_puts(b, "</p>\n");
}

static void
hidden(struct web_buf *b, const char *name, const char *value)
{
	web_buf_printf(b, "<input type=\"hidden\" name=\"%s\" value=\"", name);
	web_buf_esc(b, value);
	web_buf_puts(b, "\">\n");
}

static void
access_select(struct web_buf *b, const char *id, enum lull_access sel)
{
	int a;

	web_buf_printf(b, "<select id=\"%s\" name=\"access\">\n", id);
	for (a = 0; a < LULL_ACCESS__MAX; a++)
		web_buf_printf(b, "<option value=\"%s\"%s>%s: %s</option>\n",
		    lull_access_name((enum lull_access)a),
		    a == (int)sel ? " selected" : "",
		    lull_access_name((enum lull_access)a), access_help[a]);
	web_buf_puts(b, "</select>\n");
}

/* ---- pages: login and sign-up ---- */

static int
login_form(struct web_req *rq, struct web_resp *rs, int status,
    const char *email, const char *next, const struct form_err *fe)
{
	static const char *const fields[] = { "email", "password", NULL };
	struct web_buf b = { 0 };

	web_page_open(&b, rq, "Log in");
	web_buf_puts(&b, "<h1>Log in</h1>\n");
	form_error(&b, fe, fields);
	web_buf_puts(&b,
	    "<form class=\"stack\" method=\"post\" "
	    "action=\"/login\">\n");
	web_page_csrf(&b, rq);
	hidden(&b, "next", next);
	field(&b, "email", "Email", "email", email,
	    "autocomplete=\"username\" required autofocus", NULL, fe);
	field(&b, "password", "Password", "password", NULL,
	    "autocomplete=\"current-password\" required", NULL, fe);
	web_buf_puts(&b,
	    "<button type=\"submit\" class=\"big\">Log in"
	    "</button>\n</form>\n<p>New here? <a href=\"/signup");
	if (strcmp(next, "/") != 0) {
		web_buf_puts(&b, "?next=");
		web_buf_esc(&b, next);
	}
	web_buf_puts(&b,
	    "\">Create an account</a>.</p>\n"
	    "<p class=\"muted\">Forgot your password? Whoever "
	    "runs this lull can set a new one for you "
	    "(lull admin).</p>\n");
	web_page_close(&b, rq);
	return web_buf_html(&b, rs, status);
}

static int
page_login_get(struct web_req *rq, struct web_resp *rs)
{
	const char *next = safe_next(web_query(rq, "next"));

	if (rq->account_id != 0)
		return web_redirect(rs, next);
	return login_form(rq, rs, 200, NULL, next, NULL);
}

static int
page_login_post(struct web_req *rq, struct web_resp *rs)
{
	const char *email = or_empty(web_form(rq, "email"));
	const char *pw = or_empty(web_form(rq, "password"));
	const char *next = safe_next(web_form(rq, "next"));
	char sid[LULL_TOKEN_LEN + 1];
	struct lull_session sess;
	struct form_err fe = { "", NULL };
	int64_t aid, retry = 0;
	enum lull_err rc;

	switch (login(rq, email, pw, sid, &sess, &aid, &retry, &rc)) {
	case LOGIN_OK:
		web_cookie_set(rq, rs, sid, LULL_SESSION_SEC);
		sodium_memzero(sid, sizeof(sid));
		return web_redirect(rs, next);
	case LOGIN_WAIT:
		retry_after(rs, retry);
		fe.msg = "Too many attempts. Please wait a few minutes, then "
			 "try again.";
		return login_form(rq, rs, 429, email, next, &fe);
	case LOGIN_BAD:
		fe.msg = "The email or the password is wrong.";
		return login_form(rq, rs, 401, email, next, &fe);
	default:
		return store_fail(rq, rs, rc);
	}
}

static int
signup_form(struct web_req *rq, struct web_resp *rs, int status,
    const char *name, const char *email, const char *next,
    const struct form_err *fe)
{
	static const char *const fields[] = { "name", "email", "password",
		NULL };
	struct web_buf b = { 0 };
	char hint[128];

	web_page_open(&b, rq, "Create an account");
	web_buf_puts(&b, "<h1>Create an account</h1>\n");
	form_error(&b, fe, fields);
	web_buf_puts(&b,
	    "<form class=\"stack\" method=\"post\" "
	    "action=\"/signup\">\n");
	web_page_csrf(&b, rq);
	hidden(&b, "next", next);
	field(&b, "name", "Your name", "text", name,
	    "autocomplete=\"name\" required maxlength=\"100\"",
	    "As the rest of the household knows you: it shows who logged "
	    "what.",
	    fe);
	field(&b, "email", "Email", "email", email,
	    "autocomplete=\"email\" required maxlength=\"254\"", NULL, fe);
	snprintf(hint, sizeof(hint),
	    "At least %d characters. A short sentence is easy to remember.",
	    LULL_PASSWORD_MIN);
	field(&b, "password", "Password", "password", NULL,
	    "autocomplete=\"new-password\" required minlength=\"10\"", hint,
	    fe);
	web_buf_puts(&b,
	    "<button type=\"submit\" class=\"big\">Create the "
	    "account</button>\n</form>\n"
	    "<p>Already have one? <a href=\"/login\">Log in</a>."
	    "</p>\n");
	web_page_close(&b, rq);
	return web_buf_html(&b, rs, status);
}

static int
page_signup_get(struct web_req *rq, struct web_resp *rs)
{
	const char *next = safe_next(web_query(rq, "next"));

	if (rq->account_id != 0)
		return web_redirect(rs, next);
	return signup_form(rq, rs, 200, NULL, NULL, next, NULL);
}

/* Create the account and start its session; 0, or the store's code
 * with "ei" filled. */
static enum lull_err
signup(struct web_req *rq, const char *email, const char *name, const char *pw,
    char sid[LULL_TOKEN_LEN + 1], struct lull_session *s, int64_t *aid,
    struct lull_errinfo *ei)
{
	enum lull_err rc;

	slot_take();
	rc = lull_account_create(rq->st, email, name, pw, rq->now, aid);
	slot_give();
	if (rc == LULL_OK) {
		end_old_session(rq);
		rc = lull_session_start(rq->st, *aid, rq->now, sid, s);
	}
	if (rc != LULL_OK)
		*ei = *lull_store_error(rq->st);
	return rc;
}

static int
page_signup_post(struct web_req *rq, struct web_resp *rs)
{
	const char *name = or_empty(web_form(rq, "name"));
	const char *email = or_empty(web_form(rq, "email"));
	const char *pw = or_empty(web_form(rq, "password"));
	const char *next = safe_next(web_form(rq, "next"));
	char sid[LULL_TOKEN_LEN + 1];
	struct lull_session sess;
	struct lull_errinfo ei;
	struct form_err fe = { "", NULL };
	int64_t aid, retry;
	enum lull_err rc;

	if (signup_throttled(rq, &retry)) {
		retry_after(rs, retry);
		fe.msg = "Too many new accounts from here just now. Please "
			 "try again later.";
		return signup_form(rq, rs, 429, name, email, next, &fe);
	}
	rc = signup(rq, email, name, pw, sid, &sess, &aid, &ei);
	if (rc == LULL_EINVAL || rc == LULL_ECONFLICT) {
		fe.field = ei.field;
		fe.msg = ei_msg(&ei);
		return signup_form(rq, rs, status_of(rc), name, email, next,
		    &fe);
	}
	if (rc != LULL_OK)
		return web_fail(rq, rs, rc, &ei);
	web_cookie_set(rq, rs, sid, LULL_SESSION_SEC);
	sodium_memzero(sid, sizeof(sid));
	return web_redirect(rs, next);
}

/* ---- pages: logout, account ---- */

static int
page_logout_post(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;

	if (rq->sid[0] != '\0' &&
	    (rc = lull_session_end(rq->st, rq->sid)) != LULL_OK &&
	    rc != LULL_ENOTFOUND)
		return store_fail(rq, rs, rc);
	web_cookie_clear(rq, rs);
	return web_redirect(rs, "/");
}

static int
page_logout_all(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;

	if ((rc = lull_session_end_all(rq->st, rq->account_id)) != LULL_OK)
		return store_fail(rq, rs, rc);
	web_cookie_clear(rq, rs);
	return web_redirect(rs, "/");
}

static int
page_account(struct web_req *rq, struct web_resp *rs)
{
	struct lull_account a;
	struct web_buf b = { 0 };
	enum lull_err rc;

	if ((rc = lull_account_get(rq->st, rq->account_id, &a)) != LULL_OK)
		return store_fail(rq, rs, rc);
	web_page_open(&b, rq, "Your account");
	web_buf_puts(&b, "<h1>Your account</h1>\n<dl>\n<dt>Name</dt><dd>");
	web_buf_esc(&b, a.name);
	web_buf_puts(&b, "</dd>\n<dt>Email</dt><dd>");
	web_buf_esc(&b, a.email);
	web_buf_puts(&b,
	    "</dd>\n</dl>\n"
	    "<p><a class=\"button secondary\" "
	    "href=\"/account/tokens\">API tokens</a></p>\n"
	    "<h2>Leaving</h2>\n"
	    "<div class=\"row\">\n"
	    "<form method=\"post\" action=\"/logout\">");
	web_page_csrf(&b, rq);
	web_buf_puts(&b,
	    "<button type=\"submit\" class=\"secondary\">Log out"
	    "</button></form>\n"
	    "<form method=\"post\" action=\"/logout-all\" "
	    "data-confirm=\"Log out on every device?\">");
	web_page_csrf(&b, rq);
	web_buf_puts(&b,
	    "<button type=\"submit\" class=\"secondary\">Log out "
	    "everywhere</button></form>\n</div>\n"
	    "<p class=\"hint\">Log out everywhere ends every "
	    "session of this account, on every phone and "
	    "computer, this one too. Your API tokens keep "
	    "working: revoke them on the <a "
	    "href=\"/account/tokens\">API tokens</a> page. A new "
	    "password (lull admin passwd) ends both.</p>\n");
	web_page_close(&b, rq);
	lull_account_free(&a);
	return web_buf_html(&b, rs, 200);
}

/* ---- pages: the start, and new households ---- */

static int
home_signed_out(struct web_req *rq, struct web_resp *rs)
{
	struct web_buf b = { 0 };

	web_page_open(&b, rq, "Welcome");
	web_buf_puts(&b,
	    "<h1>Gentler nights, together</h1>\n"
	    "<p class=\"lead\">lull is a calm sleep journal for your baby or "
	    "toddler, shared by everyone who takes the nights.</p>\n"
	    "<p>Log a sleep with one hand in the dark, see the weeks grow "
	    "easier, and follow a gentle plan that changes one small thing "
	    "at a time and never leaves your child to cry alone.</p>\n"
	    "<div class=\"row\">\n"
	    "<a class=\"button\" href=\"/login\">Log in</a>\n"
	    "<a class=\"button secondary\" href=\"/signup\">Create an "
	    "account</a>\n</div>\n");
	web_page_close(&b, rq);
	return web_buf_html(&b, rs, 200);
}

static int
home(struct web_req *rq, struct web_resp *rs, int status, const char *name,
    const char *tz, const struct form_err *fe)
{
	static const char *const fields[] = { "name", "tz", NULL };
	struct lull_membershipv v;
	struct web_buf b = { 0 };
	enum lull_err rc;
	size_t i;

	if ((rc = lull_households_of(rq->st, rq->account_id, &v)) != LULL_OK)
		return store_fail(rq, rs, rc);
	web_page_open(&b, rq, "Your households");
	web_buf_puts(&b, "<h1>Your households</h1>\n");
	if (v.n == 0)
		web_buf_puts(&b,
		    "<p>You are not in a household yet. Create "
		    "one below, or open the invitation link "
		    "someone sent you.</p>\n");
	else
		web_buf_puts(&b, "<ul class=\"cards\">\n");
	for (i = 0; i < v.n; i++) {
		web_buf_printf(&b,
		    "<li><a class=\"card\" href=\"/h/%lld/today\">"
		    "<span>",
		    (long long)v.v[i].household_id);
		web_buf_esc(&b, or_empty(v.v[i].household_name));
		web_buf_printf(&b,
		    "</span><span class=\"muted\">%s</span></a>"
		    "</li>\n",
		    lull_access_name(v.v[i].access));
	}
	if (v.n > 0)
		web_buf_puts(&b, "</ul>\n");
	lull_membershipv_free(&v);
	web_buf_puts(&b, "<h2 id=\"new\">Create a household</h2>\n");
	form_error(&b, fe, fields);
	web_buf_puts(&b,
	    "<form class=\"stack\" method=\"post\" "
	    "action=\"/households\">\n");
	web_page_csrf(&b, rq);
	field(&b, "name", "Name", "text", name,
	    "required maxlength=\"100\" placeholder=\"The Rivera family\"",
	    NULL, fe);
	field(&b, "tz", "Time zone", "text",
	    tz ? tz : lull_tz_name(web_tz_default()),
	    "required maxlength=\"64\" autocapitalize=\"off\" "
	    "spellcheck=\"false\"",
	    "Where the child sleeps, as Europe/London or America/Chicago: "
	    "every time is shown in it.",
	    fe);
	web_buf_puts(&b,
	    "<button type=\"submit\">Create the household"
	    "</button>\n</form>\n");
	web_page_close(&b, rq);
	return web_buf_html(&b, rs, status);
}

static int
page_home(struct web_req *rq, struct web_resp *rs)
{
	if (rq->account_id == 0)
		return home_signed_out(rq, rs);
	return home(rq, rs, 200, NULL, NULL, NULL);
}

/* Create a household; 0 or the code, with "ei" filled. */
static enum lull_err
household_new(struct web_req *rq, const char *name, const char *tz,
    int64_t *hid, struct lull_errinfo *ei)
{
	enum lull_err rc;

	lull_errinfo_clear(ei);
	if (tz == NULL || *tz == '\0')
		return lull_errinfo_set(ei, LULL_EINVAL, "tz",
		    "Give a time zone, such as Europe/London.");
	if (web_tz(tz, ei) == NULL) {
		if (ei->code == LULL_ENOMEM)
			return LULL_ENOMEM;
		return lull_errinfo_set(ei, LULL_EINVAL, "tz",
		    "\"%.64s\" is not a time zone we know; try a name such "
		    "as Europe/London.",
		    tz);
	}
	if (name == NULL || *name == '\0')
		return lull_errinfo_set(ei, LULL_EINVAL, "name",
		    "Give the household a name.");
	rc = lull_household_create(rq->st, rq->account_id, name, tz, rq->now,
	    hid);
	if (rc != LULL_OK)
		*ei = *lull_store_error(rq->st);
	return rc;
}

static int
page_household_new(struct web_req *rq, struct web_resp *rs)
{
	const char *name = web_form(rq, "name"), *tz = web_form(rq, "tz");
	struct lull_errinfo ei;
	struct form_err fe;
	enum lull_err rc;
	char loc[64];
	int64_t hid;

	rc = household_new(rq, name, tz, &hid, &ei);
	if (rc == LULL_EINVAL || rc == LULL_ECONFLICT) {
		fe.field = ei.field;
		fe.msg = ei_msg(&ei);
		return home(rq, rs, status_of(rc), name, tz, &fe);
	}
	if (rc != LULL_OK)
		return web_fail(rq, rs, rc, &ei);
	snprintf(loc, sizeof(loc), "/h/%lld/today", (long long)hid);
	return web_redirect(rs, loc);
}

static int
page_household(struct web_req *rq, struct web_resp *rs)
{
	char loc[64];

	snprintf(loc, sizeof(loc), "/h/%lld/today",
	    (long long)rq->household_id);
	return web_redirect(rs, loc);
}

/* ---- pages: members and invitations ---- */

/*
 * The household's invitations nobody used yet, for its owners: who they
 * are for, with what access, who made them and until when, each with a
 * button to revoke it.  Never the code: it was shown once.
 */
static enum lull_err
invites_section(struct web_buf *b, const struct web_req *rq)
{
	struct lull_invitev v;
	enum lull_err rc;
	size_t i;

	rc = lull_invite_list(rq->st, rq->household_id, rq->account_id,
	    rq->now, &v);
	if (rc != LULL_OK)
		return rc;
	if (v.n == 0) {
		lull_invitev_free(&v);
		return LULL_OK;
	}
	web_buf_puts(b,
	    "<h2>Invitations not used yet</h2>\n"
	    "<p class=\"hint\">A link someone has not opened yet. Revoke "
	    "one that went to the wrong person or is no longer "
	    "wanted.</p>\n<ul class=\"cards\" id=\"invitations\">\n");
	for (i = 0; i < v.n; i++) {
		const struct lull_invite *n = &v.v[i];
		char until[40];

		fmt_time(n->expires_utc, until, sizeof(until));
		web_buf_puts(b, "<li>\n<p><strong>");
		web_buf_esc(b, or_empty(n->name));
		web_buf_printf(b, "</strong>, %s%s<br><span class=\"muted\">"
				  "made by ",
		    lull_access_name(n->access),
		    n->parent ? ", a parent of the child" : "");
		web_buf_esc(b, n->by_name != NULL ? n->by_name : "?");
		web_buf_printf(b,
		    ", open until %s</span></p>\n"
		    "<form method=\"post\" "
		    "action=\"/h/%lld/invitations/%lld/revoke\" "
		    "data-confirm=\"Revoke this invitation?\">",
		    until, (long long)rq->household_id, (long long)n->id);
		web_page_csrf(b, rq);
		web_buf_puts(b,
		    "<button type=\"submit\" class=\"danger\">Revoke"
		    "</button></form>\n</li>\n");
	}
	web_buf_puts(b, "</ul>\n");
	lull_invitev_free(&v);
	return LULL_OK;
}

/* The children's part is page_children.c's; "cf" is its form coming back
 * with a mistake, or NULL. */
int
page_settings_show(struct web_req *rq, struct web_resp *rs, int status,
    const struct page_child_form *cf)
{
	struct lull_membershipv v;
	struct web_buf b = { 0 };
	int owner = rq->member.access == LULL_ACCESS_OWNER;
	enum lull_err rc;
	size_t i;

	if ((rc = lull_members(rq->st, rq->household_id, &v)) != LULL_OK)
		return store_fail(rq, rs, rc);
	web_page_open(&b, rq, "Settings");
	web_buf_puts(&b, "<h1>");
	web_buf_esc(&b, rq->hh.name);
	web_buf_puts(&b, "</h1>\n<p class=\"muted\">Times are shown in ");
	web_buf_esc(&b, rq->hh.tz);
	web_buf_printf(&b, ". Your access: %s (%s).</p>\n",
	    lull_access_name(rq->member.access),
	    access_help[rq->member.access]);
	page_children_section(&b, rq, cf);
	web_buf_puts(&b, "<h2>Members</h2>\n<ul class=\"cards\">\n");
	for (i = 0; i < v.n; i++) {
		const struct lull_membership *m = &v.v[i];
		int me = m->account_id == rq->account_id;
		char id[32];

		web_buf_puts(&b, "<li>\n<p><strong>");
		web_buf_esc(&b, or_empty(m->account_name));
		web_buf_printf(&b, "</strong>%s, %s, %s", me ? " (you)" : "",
		    lull_access_name(m->access),
		    (unsigned)m->role < LULL_ROLE__MAX ? role_words[m->role]
						       : "?");
		if (owner && m->account_email != NULL) {
			web_buf_puts(&b, "<br><span class=\"muted\">");
			web_buf_esc(&b, m->account_email);
			web_buf_puts(&b, "</span>");
		}
		web_buf_puts(&b, "</p>\n");
		if (owner) {
			snprintf(id, sizeof(id), "acc-%lld",
			    (long long)m->account_id);
			web_buf_printf(&b,
			    "<form class=\"row\" method=\"post\" "
			    "action=\"/h/%lld/members/%lld/access\">",
			    (long long)rq->household_id,
			    (long long)m->account_id);
			web_page_csrf(&b, rq);
			web_buf_printf(&b,
			    "<label class=\"visually-hidden\" "
			    "for=\"%s\">Access of ",
			    id);
			web_buf_esc(&b, or_empty(m->account_name));
			web_buf_puts(&b, "</label>");
			access_select(&b, id, m->access);
			web_buf_printf(&b,
			    "<label class=\"visually-hidden\" "
			    "for=\"%s-p\">A parent of the child?</label>"
			    "<select id=\"%s-p\" name=\"parent\">"
			    "<option value=\"\" selected>parent: as now"
			    "</option><option value=\"yes\">a parent of "
			    "the child</option><option value=\"no\">not a "
			    "parent</option></select>",
			    id, id);
			web_buf_puts(&b,
			    "<button type=\"submit\" "
			    "class=\"secondary\">Change</button>"
			    "</form>\n");
		}
		if (owner || me) {
			web_buf_printf(&b,
			    "<form method=\"post\" "
			    "action=\"/h/%lld/members/%lld/remove\" "
			    "data-confirm=\"%s\">",
			    (long long)rq->household_id,
			    (long long)m->account_id,
			    me ? "Leave this household?"
			       : "Remove this member?");
			web_page_csrf(&b, rq);
			web_buf_printf(&b,
			    "<button type=\"submit\" "
			    "class=\"danger\">%s</button></form>\n",
			    me ? "Leave this household" : "Remove");
		}
		web_buf_puts(&b, "</li>\n");
	}
	web_buf_puts(&b, "</ul>\n");
	lull_membershipv_free(&v);
	if (owner && invites_section(&b, rq) != LULL_OK) {
		web_buf_free(&b);
		return store_fail(rq, rs, lull_store_error(rq->st)->code);
	}
	if (owner) {
		web_buf_printf(&b,
		    "<h2>Invite someone</h2>\n"
		    "<p>A partner, a grandparent, a nanny or your sleep "
		    "consultant: lull makes a link for them to open.</p>\n"
		    "<form class=\"stack\" method=\"post\" "
		    "action=\"/h/%lld/invite\">\n",
		    (long long)rq->household_id);
		web_page_csrf(&b, rq);
		field(&b, "name", "Their name", "text", NULL,
		    "required maxlength=\"100\"",
		    "As they will appear in the journal.", NULL);
		web_buf_puts(&b,
		    "<div class=\"field\"><label for=\"f-access\">"
		    "What they may do</label>\n");
		access_select(&b, "f-access", LULL_ACCESS_CAREGIVER);
		web_buf_puts(&b,
		    "</div>\n<div class=\"field\"><label>"
		    "<input type=\"checkbox\" name=\"parent\" "
		    "value=\"yes\" aria-describedby=\"f-parent-hint\"> "
		    "They are a parent of the child</label>\n"
		    "<p class=\"hint\" id=\"f-parent-hint\">A parent, "
		    "with owner or caregiver access, sees what the other "
		    "parents share with the parents. Leave it unticked for "
		    "a grandparent, a nanny or a friend: they see the "
		    "child's journal only.</p></div>\n"
		    "<button type=\"submit\">Make an "
		    "invitation link</button>\n</form>\n");
	}
	web_page_close(&b, rq);
	return web_buf_html(&b, rs, status);
}

static int
page_settings(struct web_req *rq, struct web_resp *rs)
{
	return page_settings_show(rq, rs, 200, NULL);
}

/* "yes", "no" or nothing (a form's parent field) as account.h's
 * "parent"; -2 for anything else. */
static int
parent_form(const char *v)
{
	if (v == NULL || *v == '\0')
		return LULL_PARENT_UNSAID;
	if (strcmp(v, "yes") == 0 || strcmp(v, "1") == 0 ||
	    strcmp(v, "on") == 0)
		return 1;
	if (strcmp(v, "no") == 0 || strcmp(v, "0") == 0)
		return 0;
	return -2;
}

static int
access_arg(const char *s, enum lull_access *out)
{
	int a = s != NULL ? lull_access_parse(s) : -1;

	if (a < 0 || a >= LULL_ACCESS__MAX)
		return -1;
	*out = (enum lull_access)a;
	return 0;
}

static int
page_invite_new(struct web_req *rq, struct web_resp *rs)
{
	const char *name = or_empty(web_form(rq, "name"));
	char code[LULL_TOKEN_LEN + 1], base[300], url[400];
	enum lull_access acc;
	struct web_buf b = { 0 };
	enum lull_err rc;
	int parent = parent_form(web_form(rq, "parent"));

	if (access_arg(web_form(rq, "access"), &acc) != 0)
		return web_error(rq, rs, 422, "access",
		    "Choose what they may do: owner, caregiver, readonly or "
		    "consultant.");
	if (parent == -2)
		return web_error(rq, rs, 422, "parent",
		    "A parent of the child: tick the box, or leave it.");
	rc = lull_invite_create(rq->st, rq->household_id, rq->account_id, acc,
	    parent == 1, name, rq->now, code);
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	web_base_url(rq, base, sizeof(base));
	snprintf(url, sizeof(url), "%s/invite/%s", base, code);
	sodium_memzero(code, sizeof(code));
	web_page_open(&b, rq, "Invitation");
	web_buf_puts(&b, "<h1>An invitation for ");
	web_buf_esc(&b, name);
	web_buf_puts(&b,
	    "</h1>\n<p>Send this link to them, privately: it "
	    "lets one person join as ");
	web_buf_printf(&b,
	    "%s (%s), %s. It works once, for 7 days, and is "
	    "shown only now; you can revoke it on the settings page "
	    "until it is used.</p>\n<code class=\"secret\" "
	    "id=\"invite-link\">",
	    lull_access_name(acc), access_help[acc],
	    acc == LULL_ACCESS_CONSULTANT ? "the consultant"
	    : parent == 1		  ? "a parent of the child"
					  : "not a parent of the child");
	web_buf_esc(&b, url);
	web_buf_printf(&b,
	    "</code>\n<div class=\"row\">"
	    "<button type=\"button\" class=\"secondary\" "
	    "data-copy=\"invite-link\">Copy</button>"
	    "<a class=\"button secondary\" "
	    "href=\"/h/%lld/settings\">Done</a></div>\n",
	    (long long)rq->household_id);
	web_page_close(&b, rq);
	sodium_memzero(url, sizeof(url));
	return web_buf_html(&b, rs, 200);
}

static int
page_member_access(struct web_req *rq, struct web_resp *rs)
{
	int64_t aid = web_param_id(rq, 1);
	int parent = parent_form(web_form(rq, "parent"));
	enum lull_access acc;
	enum lull_err rc;
	char loc[64];

	if (access_arg(web_form(rq, "access"), &acc) != 0)
		return web_error(rq, rs, 422, "access",
		    "Choose owner, caregiver, readonly or consultant.");
	if (parent == -2)
		return web_error(rq, rs, 422, "parent",
		    "A parent of the child: yes, no, or as now.");
	rc = lull_member_set_access(rq->st, rq->household_id, aid, acc,
	    parent);
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	snprintf(loc, sizeof(loc), "/h/%lld/settings",
	    (long long)rq->household_id);
	return web_redirect(rs, loc);
}

static int
page_invite_revoke(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;
	char loc[64];

	rc = lull_invite_revoke(rq->st, rq->household_id, rq->account_id,
	    web_param_id(rq, 1));
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	snprintf(loc, sizeof(loc), "/h/%lld/settings",
	    (long long)rq->household_id);
	return web_redirect(rs, loc);
}

/* Owners remove anyone; everyone may leave. */
static int
member_remove(struct web_req *rq, struct web_resp *rs, int64_t aid)
{
	enum lull_err rc;

	if (aid != rq->account_id && rq->member.access != LULL_ACCESS_OWNER)
		return web_error(rq, rs, 403, NULL,
		    "Only an owner can remove someone else.");
	if ((rc = lull_member_remove(rq->st, rq->household_id, aid)) != LULL_OK)
		return store_fail(rq, rs, rc);
	return 0;
}

static int
page_member_remove(struct web_req *rq, struct web_resp *rs)
{
	int64_t aid = web_param_id(rq, 1);
	char loc[64];

	if (member_remove(rq, rs, aid) != 0 || rs->status != 0)
		return 0;
	if (aid == rq->account_id)
		return web_redirect(rs, "/");
	snprintf(loc, sizeof(loc), "/h/%lld/settings",
	    (long long)rq->household_id);
	return web_redirect(rs, loc);
}

static int
page_invite_get(struct web_req *rq, struct web_resp *rs)
{
	struct web_buf b = { 0 };

	web_page_open(&b, rq, "An invitation");
	web_buf_puts(&b,
	    "<h1>You have been invited</h1>\n"
	    "<p>Someone invited you to share their household's "
	    "sleep journal. Joining lets you see it, and, if "
	    "they chose so, log the nights with them.</p>\n"
	    "<form method=\"post\" action=\"/invite/");
	web_buf_esc(&b, rq->param[0]);
	web_buf_puts(&b, "\">");
	web_page_csrf(&b, rq);
	web_buf_puts(&b,
	    "<button type=\"submit\" class=\"big\">Join the "
	    "household</button></form>\n");
	web_page_close(&b, rq);
	return web_buf_html(&b, rs, 200);
}

static int
page_invite_post(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;
	int64_t hid;
	char loc[64];

	rc = lull_invite_accept(rq->st, rq->param[0], rq->account_id, rq->now,
	    &hid);
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	snprintf(loc, sizeof(loc), "/h/%lld/today", (long long)hid);
	return web_redirect(rs, loc);
}

/* ---- pages: API tokens ---- */

static int
tokens_page(struct web_req *rq, struct web_resp *rs, int status,
    const char *name, const struct form_err *fe)
{
	static const char *const fields[] = { "name", "password", NULL };
	struct lull_api_tokenv v;
	struct web_buf b = { 0 };
	enum lull_err rc;
	size_t i, live = 0;

	if ((rc = lull_api_token_list(rq->st, rq->account_id, &v)) != LULL_OK)
		return store_fail(rq, rs, rc);
	web_page_open(&b, rq, "API tokens");
	web_buf_puts(&b,
	    "<h1>API tokens</h1>\n"
	    "<p>A token lets a program (Home Assistant, a "
	    "script) read and write what you can, through "
	    "lull's JSON API. Give each program its own, and "
	    "revoke one you no longer use.</p>\n"
	    "<p class=\"hint\">A token cannot manage members, "
	    "invitations, tokens or sessions: that takes you, "
	    "signed in. Logging out everywhere leaves tokens "
	    "working; a new password revokes them all.</p>\n");
	if (v.n == 0)
		web_buf_puts(&b, "<p class=\"muted\">No tokens yet.</p>\n");
	else
		web_buf_puts(&b, "<ul class=\"cards\">\n");
	for (i = 0; i < v.n; i++) {
		const struct lull_api_token *t = &v.v[i];
		char made[40], used[40];

		fmt_time(t->created_utc, made, sizeof(made));
		fmt_time(t->last_used_utc, used, sizeof(used));
		web_buf_puts(&b, "<li><p><strong>");
		web_buf_esc(&b, or_empty(t->name));
		web_buf_printf(&b,
		    "</strong><br><span class=\"muted\">made %s, "
		    "last used %s%s</span></p>\n",
		    made, used,
		    t->revoked_utc != LULL_NO_TIME ? ", revoked" : "");
		if (t->revoked_utc == LULL_NO_TIME) {
			live++;
			web_buf_printf(&b,
			    "<form method=\"post\" "
			    "action=\"/account/tokens/%lld/revoke\" "
			    "data-confirm=\"Revoke this token?\">",
			    (long long)t->id);
			web_page_csrf(&b, rq);
			web_buf_puts(&b,
			    "<button type=\"submit\" "
			    "class=\"danger\">Revoke</button>"
			    "</form>\n");
		}
		web_buf_puts(&b, "</li>\n");
	}
	if (v.n > 0)
		web_buf_puts(&b, "</ul>\n");
	lull_api_tokenv_free(&v);
	if (live > 1) {
		web_buf_puts(&b,
		    "<form method=\"post\" "
		    "action=\"/account/tokens/revoke-all\" "
		    "data-confirm=\"Revoke every token? Programs using them "
		    "stop working.\">");
		web_page_csrf(&b, rq);
		web_buf_puts(&b,
		    "<button type=\"submit\" class=\"danger\">Revoke all "
		    "tokens</button></form>\n");
	}
	web_buf_puts(&b, "<h2>A new token</h2>\n");
	form_error(&b, fe, fields);
	web_buf_puts(&b,
	    "<form class=\"stack\" "
	    "method=\"post\" action=\"/account/tokens\">\n");
	web_page_csrf(&b, rq);
	field(&b, "name", "What it is for", "text", name,
	    "required maxlength=\"100\" placeholder=\"Home Assistant\"", NULL,
	    fe);
	field(&b, "password", "Your password", "password", NULL,
	    "autocomplete=\"current-password\" required",
	    "Asked again: a token opens your households to a program.", fe);
	web_buf_puts(&b,
	    "<button type=\"submit\">Make a token</button>\n"
	    "</form>\n");
	web_page_close(&b, rq);
	return web_buf_html(&b, rs, status);
}

static int
page_tokens(struct web_req *rq, struct web_resp *rs)
{
	return tokens_page(rq, rs, 200, NULL, NULL);
}

static int
page_token_new(struct web_req *rq, struct web_resp *rs)
{
	const char *name = or_empty(web_form(rq, "name"));
	char tok[LULL_TOKEN_LEN + 1];
	struct form_err fe = { "password", NULL };
	struct lull_errinfo ei;
	struct web_buf b = { 0 };
	int64_t id, retry = 0;
	enum lull_err rc;

	switch (reauth(rq, or_empty(web_form(rq, "password")), &retry, &rc)) {
	case LOGIN_OK:
		break;
	case LOGIN_WAIT:
		retry_after(rs, retry);
		fe.field = "";
		fe.msg = "Too many wrong passwords. Please wait a few "
			 "minutes, then try again.";
		return tokens_page(rq, rs, 429, name, &fe);
	case LOGIN_BAD:
		fe.msg = "That is not your password.";
		return tokens_page(rq, rs, 403, name, &fe);
	default:
		return store_fail(rq, rs, rc);
	}
	rc = lull_api_token_create(rq->st, rq->account_id, name, rq->now, tok,
	    &id);
	if (rc == LULL_EINVAL) {
		/* A copy: listing the tokens again overwrites the store's. */
		ei = *lull_store_error(rq->st);
		fe.field = ei.field;
		fe.msg = ei_msg(&ei);
		return tokens_page(rq, rs, 422, name, &fe);
	}
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	web_page_open(&b, rq, "Your new token");
	web_buf_puts(&b,
	    "<h1>Your new token</h1>\n<p>Copy it now: it is "
	    "shown only this once.</p>\n<code class=\"secret\" "
	    "id=\"token\">");
	web_buf_esc(&b, tok);
	web_buf_puts(&b,
	    "</code>\n<p class=\"hint\">A program sends it in a "
	    "header: <code>Authorization: Bearer</code> and the "
	    "token.</p>\n<div class=\"row\"><button "
	    "type=\"button\" class=\"secondary\" "
	    "data-copy=\"token\">Copy</button><a class=\"button "
	    "secondary\" href=\"/account/tokens\">Done</a></div>"
	    "\n");
	web_page_close(&b, rq);
	sodium_memzero(tok, sizeof(tok));
	return web_buf_html(&b, rs, 201);
}

static int
page_tokens_revoke_all(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;

	rc = lull_api_token_revoke_all(rq->st, rq->account_id, rq->now, NULL);
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	return web_redirect(rs, "/account/tokens");
}

static int
page_token_revoke(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;

	rc = lull_api_token_revoke(rq->st, rq->account_id, web_param_id(rq, 0),
	    rq->now);
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	return web_redirect(rs, "/account/tokens");
}

/* ---- the API ---- */

static int
api_session_answer(struct web_req *rq, struct web_resp *rs, int status,
    int64_t aid, char *sid, const struct lull_session *sess)
{
	struct lull_account a;
	enum lull_err rc;

	web_cookie_set(rq, rs, sid, LULL_SESSION_SEC);
	sodium_memzero(sid, LULL_TOKEN_LEN + 1);
	if ((rc = lull_account_get(rq->st, aid, &a)) != LULL_OK)
		return store_fail(rq, rs, rc);
	web_json(rs, status,
	    json_pack("{s:o,s:s,s:o}", "account", j_account(&a), "csrf",
		sess->csrf, "expires", j_time(sess->expires_utc)));
	lull_account_free(&a);
	return 0;
}

static int
api_session_new(struct web_req *rq, struct web_resp *rs)
{
	char sid[LULL_TOKEN_LEN + 1];
	struct lull_session sess;
	int64_t aid, retry = 0;
	enum lull_err rc;
	json_t *in;
	int ret;

	if ((in = body_json(rq, rs)) == NULL)
		return 0;
	switch (login(rq, or_empty(jget(in, "email")),
	    or_empty(jget(in, "password")), sid, &sess, &aid, &retry, &rc)) {
	case LOGIN_OK:
		ret = api_session_answer(rq, rs, 200, aid, sid, &sess);
		break;
	case LOGIN_WAIT:
		retry_after(rs, retry);
		ret = web_error(rq, rs, 429, NULL,
		    "too many attempts; try again in %lld seconds",
		    (long long)retry);
		break;
	case LOGIN_BAD:
		ret = web_error(rq, rs, 401, NULL,
		    "the email or the password is wrong");
		break;
	default:
		ret = store_fail(rq, rs, rc);
	}
	json_decref(in);
	return ret;
}

static int
api_account_new(struct web_req *rq, struct web_resp *rs)
{
	char sid[LULL_TOKEN_LEN + 1];
	struct lull_session sess;
	struct lull_errinfo ei;
	int64_t aid, retry;
	enum lull_err rc;
	json_t *in;
	int ret;

	if ((in = body_json(rq, rs)) == NULL)
		return 0;
	if (signup_throttled(rq, &retry)) {
		json_decref(in);
		retry_after(rs, retry);
		return web_error(rq, rs, 429, NULL,
		    "too many new accounts from here; try again later");
	}
	rc = signup(rq, or_empty(jget(in, "email")), or_empty(jget(in, "name")),
	    or_empty(jget(in, "password")), sid, &sess, &aid, &ei);
	json_decref(in);
	if (rc != LULL_OK)
		return web_fail(rq, rs, rc, &ei);
	ret = api_session_answer(rq, rs, 201, aid, sid, &sess);
	return ret;
}

static int
no_content(struct web_resp *rs)
{
	return web_take(rs, 204, "application/json", NULL, 0);
}

static int
api_session_end(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;

	if ((rc = lull_session_end(rq->st, rq->sid)) != LULL_OK &&
	    rc != LULL_ENOTFOUND)
		return store_fail(rq, rs, rc);
	web_cookie_clear(rq, rs);
	return no_content(rs);
}

static int
api_sessions_end(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;

	if ((rc = lull_session_end_all(rq->st, rq->account_id)) != LULL_OK)
		return store_fail(rq, rs, rc);
	if (!rq->via_token)
		web_cookie_clear(rq, rs);
	return no_content(rs);
}

static int
api_me(struct web_req *rq, struct web_resp *rs)
{
	struct lull_account a;
	enum lull_err rc;
	json_t *o;

	if ((rc = lull_account_get(rq->st, rq->account_id, &a)) != LULL_OK)
		return store_fail(rq, rs, rc);
	o = j_account(&a);
	if (o != NULL)
		json_object_set_new(o, "via",
		    json_string(rq->via_token ? "token" : "session"));
	lull_account_free(&a);
	return web_json(rs, 200, o);
}

static int
api_households(struct web_req *rq, struct web_resp *rs)
{
	struct lull_membershipv v;
	enum lull_err rc;
	json_t *arr;
	size_t i;

	if ((rc = lull_households_of(rq->st, rq->account_id, &v)) != LULL_OK)
		return store_fail(rq, rs, rc);
	arr = json_array();
	for (i = 0; arr != NULL && i < v.n; i++)
		if (json_array_append_new(arr,
			json_pack("{s:I,s:o,s:s,s:I}", "id",
			    (json_int_t)v.v[i].household_id, "name",
			    j_str(v.v[i].household_name), "access",
			    lull_access_name(v.v[i].access), "caregiver_id",
			    (json_int_t)v.v[i].caregiver_id)) != 0) {
			json_decref(arr);
			arr = NULL;
		}
	lull_membershipv_free(&v);
	return web_json(rs, 200, arr);
}

static json_t *
j_household(const struct lull_household *h, const struct lull_membership *m)
{
	return json_pack("{s:I,s:o,s:o,s:s,s:I}", "id", (json_int_t)h->id,
	    "name", j_str(h->name), "tz", j_str(h->tz), "access",
	    lull_access_name(m->access), "caregiver_id",
	    (json_int_t)m->caregiver_id);
}

static int
api_household_new(struct web_req *rq, struct web_resp *rs)
{
	struct lull_membership m = { 0 };
	struct lull_household h = { 0 };
	struct lull_errinfo ei;
	enum lull_err rc;
	json_t *in;
	int64_t hid;
	int ret;

	if ((in = body_json(rq, rs)) == NULL)
		return 0;
	rc = household_new(rq, jget(in, "name"), jget(in, "tz"), &hid, &ei);
	json_decref(in);
	if (rc != LULL_OK)
		return web_fail(rq, rs, rc, &ei);
	if ((rc = lull_store_household_get(rq->st, hid, &h)) != LULL_OK ||
	    (rc = lull_membership_get(rq->st, rq->account_id, hid, &m)) !=
		LULL_OK) {
		lull_household_free(&h);
		return store_fail(rq, rs, rc);
	}
	ret = web_json(rs, 201, j_household(&h, &m));
	lull_household_free(&h);
	lull_membership_free(&m);
	return ret;
}

static int
api_household(struct web_req *rq, struct web_resp *rs)
{
	return web_json(rs, 200, j_household(&rq->hh, &rq->member));
}

static int
api_members(struct web_req *rq, struct web_resp *rs)
{
	struct lull_membershipv v;
	enum lull_err rc;
	json_t *arr;
	size_t i;

	if ((rc = lull_members(rq->st, rq->household_id, &v)) != LULL_OK)
		return store_fail(rq, rs, rc);
	arr = json_array();
	for (i = 0; arr != NULL && i < v.n; i++)
		if (json_array_append_new(arr,
			j_member(&v.v[i],
			    rq->member.access == LULL_ACCESS_OWNER ||
				v.v[i].account_id == rq->account_id)) != 0) {
			json_decref(arr);
			arr = NULL;
		}
	lull_membershipv_free(&v);
	return web_json(rs, 200, arr);
}

static int
api_invite_new(struct web_req *rq, struct web_resp *rs)
{
	char code[LULL_TOKEN_LEN + 1], base[300], url[400];
	enum lull_access acc;
	enum lull_err rc;
	json_t *in;
	int ret, parent;

	if ((in = body_json(rq, rs)) == NULL)
		return 0;
	if (access_arg(jget(in, "access"), &acc) != 0) {
		json_decref(in);
		return web_error(rq, rs, 422, "access",
		    "access is one of owner, caregiver, readonly, consultant");
	}
	if ((parent = jparent(in)) == -2) {
		json_decref(in);
		return web_error(rq, rs, 422, "parent",
		    "parent is true (a parent of the child) or false");
	}
	rc = lull_invite_create(rq->st, rq->household_id, rq->account_id, acc,
	    parent == 1, or_empty(jget(in, "name")), rq->now, code);
	json_decref(in);
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	web_base_url(rq, base, sizeof(base));
	snprintf(url, sizeof(url), "%s/invite/%s", base, code);
	ret = web_json(rs, 201,
	    json_pack("{s:s,s:s,s:s,s:b,s:o}", "code", code, "url", url,
		"access", lull_access_name(acc), "parent", parent == 1,
		"expires", j_time(rq->now + LULL_INVITE_SEC)));
	sodium_memzero(code, sizeof(code));
	sodium_memzero(url, sizeof(url));
	return ret;
}

static int
api_member_patch(struct web_req *rq, struct web_resp *rs)
{
	int64_t aid = web_param_id(rq, 1);
	struct lull_membership m;
	enum lull_access acc;
	enum lull_err rc;
	json_t *in;
	int ok, ret, parent;

	if ((in = body_json(rq, rs)) == NULL)
		return 0;
	ok = access_arg(jget(in, "access"), &acc) == 0;
	parent = jparent(in);
	json_decref(in);
	if (!ok)
		return web_error(rq, rs, 422, "access",
		    "access is one of owner, caregiver, readonly, consultant");
	if (parent == -2)
		return web_error(rq, rs, 422, "parent",
		    "parent is true, false, or left out (the role as now)");
	if ((rc = lull_member_set_access(rq->st, rq->household_id, aid, acc,
		 parent)) != LULL_OK ||
	    (rc = lull_membership_get(rq->st, aid, rq->household_id, &m)) !=
		LULL_OK)
		return store_fail(rq, rs, rc);
	ret = web_json(rs, 200,
	    json_pack("{s:I,s:s,s:I,s:s}", "account_id", (json_int_t)aid,
		"access", lull_access_name(m.access), "caregiver_id",
		(json_int_t)m.caregiver_id, "role",
		lull_role_name(m.role) != NULL ? lull_role_name(m.role) : ""));
	lull_membership_free(&m);
	return ret;
}

static int
api_invitations(struct web_req *rq, struct web_resp *rs)
{
	struct lull_invitev v;
	enum lull_err rc;
	json_t *arr;
	size_t i;

	rc = lull_invite_list(rq->st, rq->household_id, rq->account_id,
	    rq->now, &v);
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	arr = json_array();
	for (i = 0; arr != NULL && i < v.n; i++)
		if (json_array_append_new(arr, j_invite(&v.v[i])) != 0) {
			json_decref(arr);
			arr = NULL;
		}
	lull_invitev_free(&v);
	return web_json(rs, 200, arr);
}

static int
api_invitation_delete(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;

	rc = lull_invite_revoke(rq->st, rq->household_id, rq->account_id,
	    web_param_id(rq, 1));
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	return no_content(rs);
}

static int
api_member_delete(struct web_req *rq, struct web_resp *rs)
{
	if (member_remove(rq, rs, web_param_id(rq, 1)) != 0 || rs->status != 0)
		return 0;
	return no_content(rs);
}

static int
api_invite_accept(struct web_req *rq, struct web_resp *rs)
{
	struct lull_membership m = { 0 };
	struct lull_household h = { 0 };
	enum lull_err rc;
	int64_t hid;
	int ret;

	rc = lull_invite_accept(rq->st, rq->param[0], rq->account_id, rq->now,
	    &hid);
	if (rc == LULL_OK)
		rc = lull_store_household_get(rq->st, hid, &h);
	if (rc == LULL_OK)
		rc = lull_membership_get(rq->st, rq->account_id, hid, &m);
	if (rc != LULL_OK) {
		lull_household_free(&h);
		return store_fail(rq, rs, rc);
	}
	ret = web_json(rs, 200, j_household(&h, &m));
	lull_household_free(&h);
	lull_membership_free(&m);
	return ret;
}

static int
api_tokens(struct web_req *rq, struct web_resp *rs)
{
	struct lull_api_tokenv v;
	enum lull_err rc;
	json_t *arr;
	size_t i;

	if ((rc = lull_api_token_list(rq->st, rq->account_id, &v)) != LULL_OK)
		return store_fail(rq, rs, rc);
	arr = json_array();
	for (i = 0; arr != NULL && i < v.n; i++)
		if (json_array_append_new(arr, j_token(&v.v[i])) != 0) {
			json_decref(arr);
			arr = NULL;
		}
	lull_api_tokenv_free(&v);
	return web_json(rs, 200, arr);
}

static int
api_token_new(struct web_req *rq, struct web_resp *rs)
{
	char tok[LULL_TOKEN_LEN + 1];
	int64_t id, retry = 0;
	enum lull_err rc;
	json_t *in, *o;

	if ((in = body_json(rq, rs)) == NULL)
		return 0;
	switch (reauth(rq, or_empty(jget(in, "password")), &retry, &rc)) {
	case LOGIN_OK:
		break;
	case LOGIN_WAIT:
		json_decref(in);
		retry_after(rs, retry);
		return web_error(rq, rs, 429, "password",
		    "too many wrong passwords; try again in %lld seconds",
		    (long long)retry);
	case LOGIN_BAD:
		json_decref(in);
		return web_error(rq, rs, 403, "password",
		    "a new token needs your password, in \"password\"; "
		    "that one is wrong");
	default:
		json_decref(in);
		return store_fail(rq, rs, rc);
	}
	rc = lull_api_token_create(rq->st, rq->account_id,
	    or_empty(jget(in, "name")), rq->now, tok, &id);
	if (rc != LULL_OK) {
		json_decref(in);
		return store_fail(rq, rs, rc);
	}
	o = json_pack("{s:I,s:o,s:s,s:o}", "id", (json_int_t)id, "name",
	    j_str(jget(in, "name")), "token", tok, "created", j_time(rq->now));
	json_decref(in);
	sodium_memzero(tok, sizeof(tok));
	return web_json(rs, 201, o);
}

static int
api_tokens_delete(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;
	size_t n = 0;

	rc = lull_api_token_revoke_all(rq->st, rq->account_id, rq->now, &n);
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	return web_json(rs, 200, json_pack("{s:I}", "revoked", (json_int_t)n));
}

static int
api_token_delete(struct web_req *rq, struct web_resp *rs)
{
	enum lull_err rc;

	rc = lull_api_token_revoke(rq->st, rq->account_id, web_param_id(rq, 0),
	    rq->now);
	if (rc != LULL_OK)
		return store_fail(rq, rs, rc);
	return no_content(rs);
}

#define P WEB_F_PAGE
#define A WEB_F_API
/* API routes no token may use: members, invitations, tokens, sessions. */
#define AS (WEB_F_API | WEB_F_NO_TOKEN)

const struct web_route web_auth_routes[] = {
	{ "GET", "/", WEB_PUBLIC, P, page_home },
	{ "POST", "/mode", WEB_PUBLIC, P, web_mode_post },
	{ "GET", "/login", WEB_PUBLIC, P, page_login_get },
	{ "POST", "/login", WEB_PUBLIC, P, page_login_post },
	{ "GET", "/signup", WEB_PUBLIC, P, page_signup_get },
	{ "POST", "/signup", WEB_PUBLIC, P, page_signup_post },
	{ "GET", "/logout", WEB_SIGNED_IN, P, page_account },
	{ "POST", "/logout", WEB_SIGNED_IN, P, page_logout_post },
	{ "POST", "/logout-all", WEB_SIGNED_IN, P, page_logout_all },
	{ "GET", "/account", WEB_SIGNED_IN, P, page_account },
	{ "GET", "/account/tokens", WEB_SIGNED_IN, P, page_tokens },
	{ "POST", "/account/tokens", WEB_SIGNED_IN, P, page_token_new },
	{ "POST", "/account/tokens/{id}/revoke", WEB_SIGNED_IN, P,
	    page_token_revoke },
	{ "POST", "/account/tokens/revoke-all", WEB_SIGNED_IN, P,
	    page_tokens_revoke_all },
	{ "POST", "/households", WEB_SIGNED_IN, P, page_household_new },
	{ "GET", "/h/{hid}", WEB_READ, P, page_household },
	{ "GET", "/h/{hid}/settings", WEB_READ, P, page_settings },
	{ "POST", "/h/{hid}/invite", WEB_OWNER, P, page_invite_new },
	{ "POST", "/h/{hid}/members/{aid}/access", WEB_OWNER, P,
	    page_member_access },
	{ "POST", "/h/{hid}/members/{aid}/remove", WEB_READ, P,
	    page_member_remove },
	{ "POST", "/h/{hid}/invitations/{id}/revoke", WEB_OWNER, P,
	    page_invite_revoke },
	{ "GET", "/invite/{code}", WEB_SIGNED_IN, P, page_invite_get },
	{ "POST", "/invite/{code}", WEB_SIGNED_IN, P, page_invite_post },

	{ "POST", "/api/v1/accounts", WEB_PUBLIC, A, api_account_new },
	{ "POST", "/api/v1/session", WEB_PUBLIC, A, api_session_new },
	{ "DELETE", "/api/v1/session", WEB_SIGNED_IN, AS, api_session_end },
	{ "DELETE", "/api/v1/sessions", WEB_SIGNED_IN, AS, api_sessions_end },
	{ "GET", "/api/v1/me", WEB_SIGNED_IN, A, api_me },
	{ "GET", "/api/v1/households", WEB_SIGNED_IN, A, api_households },
	{ "POST", "/api/v1/households", WEB_SIGNED_IN, A, api_household_new },
	{ "GET", "/api/v1/households/{hid}", WEB_READ, A, api_household },
	{ "GET", "/api/v1/households/{hid}/members", WEB_READ, A, api_members },
	{ "POST", "/api/v1/households/{hid}/members", WEB_OWNER, AS,
	    api_invite_new },
	{ "PATCH", "/api/v1/households/{hid}/members/{aid}", WEB_OWNER, AS,
	    api_member_patch },
	{ "DELETE", "/api/v1/households/{hid}/members/{aid}", WEB_READ, AS,
	    api_member_delete },
	{ "GET", "/api/v1/households/{hid}/invitations", WEB_OWNER, AS,
	    api_invitations },
	{ "DELETE", "/api/v1/households/{hid}/invitations/{id}", WEB_OWNER, AS,
	    api_invitation_delete },
	{ "POST", "/api/v1/invitations/{code}", WEB_SIGNED_IN, AS,
	    api_invite_accept },
	{ "GET", "/api/v1/tokens", WEB_SIGNED_IN, AS, api_tokens },
	{ "POST", "/api/v1/tokens", WEB_SIGNED_IN, AS, api_token_new },
	{ "DELETE", "/api/v1/tokens", WEB_SIGNED_IN, AS, api_tokens_delete },
	{ "DELETE", "/api/v1/tokens/{id}", WEB_SIGNED_IN, AS, api_token_delete },
	{ NULL, NULL, WEB_PUBLIC, 0, NULL },
};
