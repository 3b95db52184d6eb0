/*
 * The web app's insides: the server (server.c on GNU libmicrohttpd), the
 * request a handler sees, the response it fills, and the route tables of
 * each part (auth.c: sign-up, login, households, members, tokens;
 * api*.c: the JSON API /api/v1; page*.c: the HTML pages).  Never
 * installed.
 *
 * Flow of a request (server.c):
 *  1. limits: body size (WEB_MAX_BODY), connection count (in all and
 *     per address), the idle timeout and the deadline of a request's
 *     headers and body (408) are enforced before a handler runs; a
 *     method that is not an HTTP token is answered 501;
 *  2. the route is matched by method and pattern; "{x}" captures one
 *     path segment into req->param[];
 *  3. who is asking: a session cookie ("lull_session"), or for the API
 *     an "Authorization: Bearer TOKEN" header (a personal API token);
 *  4. the route's "need" is checked.  For household routes the first
 *     capture is the household id; a signed-in account that is not a
 *     member gets exactly the answer of a household that does not exist
 *     (404), so nothing tells whether it exists.  A member without enough
 *     access gets 403;
 *     A route flagged WEB_F_NO_TOKEN answers an API token with 403;
 *  5. unsafe methods (POST, PUT, PATCH, DELETE) from a cookie session
 *     must carry the session's CSRF token (form field "csrf" or header
 *     "X-CSRF-Token"); API tokens need none (no ambient authority);
 *  6. the handler runs with the thread's own store handle, and the
 *     server adds the security headers to every response.  The reads of
 *     a request share one read transaction (lull_store_snapshot()).
 *     Journal writes, a WEB_WRITE route by an unsafe method, run on the
 *     writer thread's handle instead (group commit): the writes that
 *     arrive while a commit is syncing run together in one transaction,
 *     each handler in a savepoint of its own (kept for a 2xx or 3xx
 *     answer, rolled back otherwise), and every one is answered only
 *     after that transaction has committed (synchronous=FULL: on disk).
 *     A handler there sees the request through copies (web_header(),
 *     web_query(), web_cookie(), web_form() work as ever; req->conn is
 *     NULL); it must not keep a transaction open, nor close the one it
 *     runs in.
 * SPDX-License-Identifier: ISC
 */
#ifndef WEB_H
#define WEB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "lull/account.h"
#include "lull/err.h"
#include "lull/model.h"
#include "lull/store.h"
#include "lull/tz.h"

struct MHD_Connection;
struct json_t;

#define WEB_MAX_BODY	 (1024 * 1024) /* bytes of a request body */
#define WEB_MAX_PARAMS	 4
#define WEB_MAX_HEADERS	 8
#define WEB_SESSION_COOKIE "lull_session"

enum web_log { WEB_LOG_ERROR = 0, WEB_LOG_WARN, WEB_LOG_INFO, WEB_LOG_DEBUG };

struct web_opts {
	const char *addr;     /* "127.0.0.1" */
	unsigned port;	      /* 8080 */
	const char *db;	      /* store spec, as lull_store_open() takes */
	enum web_log log;
	unsigned threads;     /* 0: the number of CPUs */
	unsigned conn_limit;  /* 0: 1024 */
	unsigned timeout_sec; /* idle connection timeout; 0: 30 */
	unsigned per_ip;      /* connections from one address at once; 0:
				 no limit (lull serve's default: 64) */
	unsigned deadline_sec; /* a request's headers and body, from the
				  connection's start or its previous
				  request's end, in all; 0: 30 */
	int secure_cookies;   /* 1 behind TLS: cookies get "Secure" */
	/* Added by the server's author: */
	int trust_proxy;      /* 1 behind a reverse proxy on this host: the
				 client's address is its X-Real-IP header */
	void (*ready)(const char *url); /* called once listening, or NULL */
};

/*
 * Serve until SIGTERM or SIGINT, then stop taking connections, finish
 * the requests in flight and return 0.  Returns 1 (after a message on
 * stderr) when the address cannot be bound or the store cannot open.
 */
int web_serve(const struct web_opts *);

/* What a route needs of the one asking. */
enum web_need {
	WEB_PUBLIC = 0,	 /* anyone */
	WEB_SIGNED_IN,	 /* any account */
	WEB_READ,	 /* a member of household param[0], any access */
	WEB_WRITE,	 /* owner or caregiver */
	WEB_PLAN,	 /* owner, caregiver or consultant: plans */
	WEB_OWNER	 /* owner */
};

#define WEB_F_API  1u /* JSON errors; API tokens accepted */
#define WEB_F_PAGE 2u /* HTML errors; sign-in page for the signed out */
/* Not with an API token (403), only a cookie session: managing members,
 * invitations, tokens and sessions.  A token leaked from a script must
 * not mint more tokens, let people in or lock its owner out. */
#define WEB_F_NO_TOKEN 4u

struct web_req {
	const char *method; /* "GET" */
	const char *path;   /* "/api/v1/households/3/sleeps" */
	struct MHD_Connection *conn;
	const char *body;   /* NUL-terminated; "" when none */
	size_t body_len;
	const char *param[WEB_MAX_PARAMS];
	int nparam;
	struct lull_store *st; /* this thread's handle */
	int64_t now;	       /* the clock, read once per request */
	/* Who is asking (0: nobody signed in). */
	int64_t account_id;
	int via_token;			/* 1: an API token, not a cookie */
	char sid[LULL_TOKEN_LEN + 1];	/* the session id, "" for tokens */
	struct lull_session session;	/* csrf, expiry */
	/* The household of a household route, once the need is met. */
	int64_t household_id;
	struct lull_membership member;
	struct lull_household hh;
	struct lull_tz *tz; /* hh's zone, cached by the server */
	struct lull_actor actor; /* member.caregiver_id, now */
	unsigned flags;		 /* the route's WEB_F_* */
	void *priv;		 /* the server's */
};

struct web_resp {
	int status;
	const char *ctype; /* "application/json", "text/html; charset=utf-8" */
	char *body;	   /* malloc'd, owned */
	size_t len;
	const char *hname[WEB_MAX_HEADERS];
	char *hval[WEB_MAX_HEADERS]; /* malloc'd, owned */
	int nheaders;
};

typedef int (*web_handler)(struct web_req *, struct web_resp *);

struct web_route {
	const char *method;
	const char *pattern; /* "/api/v1/households/{hid}/sleeps/{id}" */
	enum web_need need;
	unsigned flags;
	web_handler fn;
};

/* The parts' tables, each ended by a { NULL } entry. */
extern const struct web_route web_auth_routes[];
extern const struct web_route web_api_routes[];
extern const struct web_route web_page_routes[];
/* page_children.c: a household's children on its settings page. */
extern const struct web_route web_children_routes[];

/* ---- request helpers (server.c) ---- */

/* A query-string argument, or NULL. */
const char *web_query(const struct web_req *, const char *key);
/* A field of an application/x-www-form-urlencoded body, or NULL. */
const char *web_form(struct web_req *, const char *key);
/* A request header, or NULL. */
const char *web_header(const struct web_req *, const char *name);
/* A cookie of the request, or NULL. */
const char *web_cookie(const struct web_req *, const char *name);
/* An id from param[i]: > 0, or 0 when not a plain positive number. */
int64_t web_param_id(const struct web_req *, int i);

/* ---- response helpers (server.c) ---- */

/* Add a header (copied). */
void web_header_add(struct web_resp *, const char *name, const char *value);
/* Take "body" (malloc'd) as the response. Return 0. */
int web_take(struct web_resp *, int status, const char *ctype, char *body,
    size_t len);
/* JSON: takes the reference to "doc" (NULL: 500). */
int web_json(struct web_resp *, int status, struct json_t *doc);
/*
 * An error as the route's kind wants it: for the API
 * {"error": {"status": 404, "message": "...", "field": "..."}}
 * ("field" null when none); for pages a small HTML page in the app's
 * style.  Messages never carry secrets.
 */
int web_error(const struct web_req *, struct web_resp *, int status,
    const char *field, const char *fmt, ...)
    LULL_PRINTF(5, 6);
/* A library error mapped to a status (EINVAL 422, ENOTFOUND 404,
 * ECONFLICT 409, else 500) with its message and field. */
int web_fail(const struct web_req *, struct web_resp *, enum lull_err,
    const struct lull_errinfo *);
/* 303 See Other to "location" (after a form post). */
int web_redirect(struct web_resp *, const char *location);
void web_resp_free(struct web_resp *);

/* Set and clear the session cookie (HttpOnly, SameSite=Lax, Path=/,
 * Secure when the server runs with secure_cookies). */
void web_cookie_set(const struct web_req *, struct web_resp *,
    const char *sid, int64_t max_age_sec);
void web_cookie_clear(const struct web_req *, struct web_resp *);

/* Log a line at "level" (no secrets: never tokens, passwords, bodies). */
void web_log(enum web_log level, const char *fmt, ...)
    LULL_PRINTF(2, 3);

/* ---- HTML building (html.c) ---- */

struct web_buf {
	char *s;
	size_t n, cap;
	int oom;
};

void web_buf_puts(struct web_buf *, const char *raw);
void web_buf_printf(struct web_buf *, const char *fmt, ...)
    LULL_PRINTF(2, 3);
/* Text escaped for HTML content and quoted attributes. */
void web_buf_esc(struct web_buf *, const char *text);
/* Take the buffer as an HTML response (500 when memory ran out). */
int web_buf_html(struct web_buf *, struct web_resp *, int status);
void web_buf_free(struct web_buf *);

/*
 * The page around a page's content: <head> with the stylesheet and the
 * small script, the header with the household switcher and navigation,
 * and night mode ("night" class on <html>, set when it is night in the
 * household's zone unless the person chose otherwise: cookie
 * "lull_mode" = "day" or "night").  The CSRF token goes into a <meta>
 * for the script and into every form via web_page_csrf().
 */
void web_page_open(struct web_buf *, const struct web_req *,
    const char *title);
void web_page_close(struct web_buf *, const struct web_req *);
/* <input type="hidden" name="csrf" value="..."> */
void web_page_csrf(struct web_buf *, const struct web_req *);
/* (web_page_open writes no <h1>: the content starts with its own.) */

/* ---- added by the server's author (server.c, html.c) ---- */

/*
 * 1 when the page should be dim: the "lull_mode" cookie if it says "day"
 * or "night", else whether it is night (19:00-07:00, a convention) in the
 * household's zone (req->tz), or outside a household in the server's.
 */
int web_night(const struct web_req *);
/* POST /mode (form field "mode": day or night): the toggle of the
 * header; back to automatic when the choice agrees with the clock. */
int web_mode_post(struct web_req *, struct web_resp *);

/*
 * A zone by IANA name, loaded once and kept for the server's life (a
 * mutex guards the cache; zones are read-only, so sharing them between
 * threads is safe).  NULL with "ei" filled when there is no such zone.
 * web_tz_default(): the server's own zone (UTC if the system names
 * none we know; NULL outside web_serve()).
 */
struct lull_tz *web_tz(const char *name, struct lull_errinfo *ei);
struct lull_tz *web_tz_default(void);

/* The client's address as text (X-Real-IP with trust_proxy). */
void web_client_addr(const struct web_req *, char *buf, size_t bufsz);
/* "https://host:port" as the client reached us (https with
 * secure_cookies), for links to send on, such as an invitation. */
void web_base_url(const struct web_req *, char *buf, size_t bufsz);

/*
 * Throttling in memory, for login and sign-up: a key ("ip:1.2.3.4",
 * "email:a@b") counts events in a window of WEB_THROTTLE_SEC from its
 * first one.  _check: 1 when "limit" events are reached, with the
 * seconds left in *retry_after.  The table is bounded (the oldest key
 * goes first when full) and guarded by a mutex.
 */
#define WEB_THROTTLE_SEC (15 * 60)
int web_throttle_check(const char *key, unsigned limit, int64_t now,
    int64_t *retry_after);
void web_throttle_note(const char *key, int64_t now);
void web_throttle_clear(const char *key);

/* Files of src/web/static, embedded at build time (scripts/embed-static.sh)
 * and served from memory under /static/; ended by a { NULL } entry. */
struct web_static {
	const char *path; /* "/static/app.css" */
	const char *url;  /* "/static/app.css?v=1234": changes with it */
	const char *ctype;
	const char *data;
	size_t len;
};
extern const struct web_static web_statics[];
/* The versioned URL of a static file ("/static/app.css"), or the path. */
const char *web_static_url(const char *path);

#endif
