/*
 * The web server: GNU libmicrohttpd underneath (the only file that
 * includes it), a pool of worker threads each with its own store handle,
 * and the request pipeline of web.h: limits, route, identity, need, CSRF,
 * handler, security headers, access log.  Also the request and response
 * helpers the parts use, the zone cache and the login throttle.
 * SPDX-License-Identifier: ISC
 */
#include <sys/socket.h>
#include <sys/types.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#include "lull/tzload.h"

#include "web/web.h"

/*
 * The parts' tables.  Weak empty defaults let the server link and run
 * before a part exists; the part's own (strong) table replaces them.
 */
__attribute__((weak)) const struct web_route web_auth_routes[] = { { NULL, NULL,
    WEB_PUBLIC, 0, NULL } };
__attribute__((weak)) const struct web_route web_api_routes[] = { { NULL, NULL,
    WEB_PUBLIC, 0, NULL } };
__attribute__((weak)) const struct web_route web_page_routes[] = { { NULL, NULL,
    WEB_PUBLIC, 0, NULL } };
__attribute__((weak)) const struct web_route web_children_routes[] = { {
    NULL, NULL, WEB_PUBLIC, 0, NULL } };

#define MAX_PATH     2048 /* longer request paths are simply not found */
#define MAX_FORM     64   /* fields of a form body */
#define DROP_MAX     (8u * WEB_MAX_BODY) /* then the connection is cut */
#define DRAIN_SEC    10   /* at shutdown, wait this long for requests */
#define THROTTLE_MAX 4096 /* keys kept by the login throttle */
#define BATCH_MAX    512  /* journal writes committed together at most */

static const char csp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

/* One request, kept by MHD in *con_cls across calls (web_req.priv). */
struct web_conn {
	char *body;
	size_t len, cap;
	int too_big;    /* the body passed WEB_MAX_BODY */
	int answered;   /* a response went out early (413) */
	size_t dropped; /* bytes of an oversized body thrown away */
	struct timespec t0;
	struct timespec since; /* the deadline counts from here (conn_clock) */
	int late;	       /* headers and body took past the deadline */
	char pathbuf[MAX_PATH + 1]; /* the path, split into parameters */
	char *form;                 /* a decoded copy of a form body */
	char *fk[MAX_FORM], *fv[MAX_FORM];
	int nform, form_done;
	int cookie_set;   /* a handler set or cleared the session cookie */
	int clear_cookie; /* the cookie named no live session */
	struct job *job;  /* a journal write with the writer (group commit) */
};

/* A request's header, query argument or cookie, copied (group commit). */
struct kv {
	int kind; /* MHD_HEADER_KIND, MHD_GET_ARGUMENT_KIND, MHD_COOKIE_KIND */
	char *k, *v;
};

/*
 * A journal write handed to the writer thread: the request as the
 * pipeline left it (identity, household and access checked), with copies
 * of all the handler may ask of the connection, which stays suspended
 * (MHD untouched) until the write's transaction has committed.
 */
struct job {
	struct web_req rq;
	struct web_resp rs;
	const struct web_route *r;
	struct MHD_Connection *conn;
	struct kv *kv;
	size_t nkv, capkv;
	int kv_oom;
	char addr[64];	/* the client, as web_client_addr() said */
	char method[8];
	char path[MAX_PATH + 1];
	struct job *next;
};

struct tz_ent {
	char *name;
	struct lull_tz *tz;
};

struct throttle {
	char key[112];
	int64_t start;
	unsigned count;
};

static struct {
	struct web_opts o;
	enum web_log log;
	pthread_key_t key;
	int key_ok;
	pthread_mutex_t tz_mu;
	struct tz_ent *tzv;
	size_t ntz, captz;
	struct lull_tz *deftz;
	pthread_mutex_t th_mu;
	struct throttle th[THROTTLE_MAX];
	pthread_mutex_t fl_mu;
	pthread_cond_t fl_cv;
	unsigned inflight;
	/* Group commit: the writer's queue, its thread and store. */
	pthread_mutex_t wq_mu;
	pthread_cond_t wq_cv;
	struct job *wq_head, *wq_tail;
	int wq_stop;
	pthread_t writer;
	struct lull_store *wst;
} srv = {
	.log = WEB_LOG_INFO,
	.tz_mu = PTHREAD_MUTEX_INITIALIZER,
	.th_mu = PTHREAD_MUTEX_INITIALIZER,
	.fl_mu = PTHREAD_MUTEX_INITIALIZER,
	.fl_cv = PTHREAD_COND_INITIALIZER,
	.wq_mu = PTHREAD_MUTEX_INITIALIZER,
	.wq_cv = PTHREAD_COND_INITIALIZER,
};

/* MHD's messages: loud while starting (a port in use), then quiet. */
static atomic_int started;

/* ---- logging ---- */

void
web_log(enum web_log level, const char *fmt, ...)
{
	static const char *const names[] = { "ERROR", "WARN", "INFO", "DEBUG" };
	char msg[1024], stamp[32];
	struct tm tm;
	time_t t = time(NULL);
	va_list ap;

	if (level > srv.log)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	/* One call per line: stdio's lock keeps lines whole across
	 * threads. */
	fprintf(stderr, "%s lull %s %s\n", stamp, names[level], msg);
}

static void
mhd_logger(void *cls, const char *fmt, va_list ap)
{
	char msg[512];
	size_t n;

	(void)cls;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
		msg[--n] = '\0';
	/* Once running, mostly clients that went away: worth seeing
	 * when debugging only. */
	web_log(atomic_load(&started) ? WEB_LOG_DEBUG : WEB_LOG_ERROR,
	    "http: %s", msg);
}

/* ---- zones ---- */

struct lull_tz *
web_tz(const char *name, struct lull_errinfo *ei)
{
	struct lull_tz *tz = NULL;
	size_t i;

	if (name == NULL || *name == '\0')
		name = "UTC";
	pthread_mutex_lock(&srv.tz_mu);
	for (i = 0; i < srv.ntz; i++)
		if (strcmp(srv.tzv[i].name, name) == 0) {
			tz = srv.tzv[i].tz;
			goto out;
		}
	if (lull_tz_load(&tz, name, ei) != LULL_OK) {
		tz = NULL;
		goto out;
	}
	if (srv.ntz == srv.captz) {
		size_t cap = srv.captz ? srv.captz * 2 : 16;
		struct tz_ent *v = realloc(srv.tzv, cap * sizeof(*v));

		if (v == NULL)
			goto oom;
		srv.tzv = v;
		srv.captz = cap;
	}
	if ((srv.tzv[srv.ntz].name = strdup(name)) == NULL)
		goto oom;
	srv.tzv[srv.ntz++].tz = tz;
	goto out;
oom:
	lull_tz_free(tz);
	tz = NULL;
	lull_errinfo_set(ei, LULL_ENOMEM, "tz", "out of memory");
out:
	pthread_mutex_unlock(&srv.tz_mu);
	return tz;
}

struct lull_tz *
web_tz_default(void)
{
	return srv.deftz;
}

static void
tz_cache_free(void)
{
	size_t i;

	for (i = 0; i < srv.ntz; i++) {
		free(srv.tzv[i].name);
		lull_tz_free(srv.tzv[i].tz);
	}
	free(srv.tzv);
	srv.tzv = NULL;
	srv.ntz = srv.captz = 0;
	srv.deftz = NULL;
}

/* ---- throttle ---- */

static struct throttle *
throttle_find(const char *key)
{
	size_t i;

	for (i = 0; i < THROTTLE_MAX; i++)
		if (srv.th[i].count > 0 && strcmp(srv.th[i].key, key) == 0)
			return &srv.th[i];
	return NULL;
}

int
web_throttle_check(const char *key, unsigned limit, int64_t now,
    int64_t *retry_after)
{
	struct throttle *t;
	int hit = 0;

	*retry_after = 0;
	pthread_mutex_lock(&srv.th_mu);
	if ((t = throttle_find(key)) != NULL) {
		if (now - t->start >= WEB_THROTTLE_SEC) {
			t->count = 0; /* the window passed */
		} else if (t->count >= limit) {
			hit = 1;
			*retry_after = t->start + WEB_THROTTLE_SEC - now;
		}
	}
	pthread_mutex_unlock(&srv.th_mu);
	return hit;
}

void
web_throttle_note(const char *key, int64_t now)
{
	struct throttle *t;
	size_t i;

	pthread_mutex_lock(&srv.th_mu);
	if ((t = throttle_find(key)) != NULL &&
	    now - t->start >= WEB_THROTTLE_SEC)
		t->count = 0;
	if (t == NULL || t->count == 0) {
		/* A free slot, an expired one, or else the oldest: the
		 * table stays bounded whatever a client sends. */
		if (t == NULL) {
			t = &srv.th[0];
			for (i = 0; i < THROTTLE_MAX; i++) {
				struct throttle *u = &srv.th[i];

				if (u->count == 0 ||
				    now - u->start >= WEB_THROTTLE_SEC) {
					t = u;
					break;
				}
				if (u->start < t->start)
					t = u;
			}
		}
		snprintf(t->key, sizeof(t->key), "%s", key);
		t->start = now;
		t->count = 0;
	}
	t->count++;
	pthread_mutex_unlock(&srv.th_mu);
}

void
web_throttle_clear(const char *key)
{
	struct throttle *t;

	pthread_mutex_lock(&srv.th_mu);
	if ((t = throttle_find(key)) != NULL)
		t->count = 0;
	pthread_mutex_unlock(&srv.th_mu);
}

/* ---- request helpers ---- */

/* A value of the request: from MHD, or from the copy a journal write
 * took to the writer (the first of that key, without case, as MHD). */
static const char *
lookup(const struct web_req *rq, enum MHD_ValueKind kind, const char *key)
{
	const struct web_conn *c = rq->priv;
	size_t i;

	if (rq->conn != NULL)
		return MHD_lookup_connection_value(rq->conn, kind, key);
	if (c == NULL || c->job == NULL || key == NULL)
		return NULL;
	for (i = 0; i < c->job->nkv; i++)
		if (c->job->kv[i].kind == (int)kind &&
		    strcasecmp(c->job->kv[i].k, key) == 0)
			return c->job->kv[i].v;
	return NULL;
}

const char *
web_query(const struct web_req *rq, const char *key)
{
	return lookup(rq, MHD_GET_ARGUMENT_KIND, key);
}

const char *
web_header(const struct web_req *rq, const char *name)
{
	return lookup(rq, MHD_HEADER_KIND, name);
}

const char *
web_cookie(const struct web_req *rq, const char *name)
{
	return lookup(rq, MHD_COOKIE_KIND, name);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode application/x-www-form-urlencoded text in place. */
static void
form_decode(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if (*s == '+') {
			*o++ = ' ';
		} else if (*s == '%' && hexval(s[1]) >= 0 &&
		    hexval(s[2]) >= 0) {
			*o++ = (char)(hexval(s[1]) * 16 + hexval(s[2]));
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

static void
form_parse(struct web_req *rq, struct web_conn *c)
{
	const char *ct = web_header(rq, "Content-Type");
	char *p, *amp, *eq;

	c->form_done = 1;
	if (rq->body_len == 0)
		return;
	/* Only a form's encoding; a JSON body has no form fields. */
	if (ct != NULL &&
	    strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0)
		return;
	if ((c->form = malloc(rq->body_len + 1)) == NULL)
		return;
	memcpy(c->form, rq->body, rq->body_len);
	c->form[rq->body_len] = '\0';
	for (p = c->form; p != NULL && c->nform < MAX_FORM; p = amp) {
		if ((amp = strchr(p, '&')) != NULL)
			*amp++ = '\0';
		if (*p == '\0')
			continue;
		if ((eq = strchr(p, '=')) != NULL)
			*eq++ = '\0';
		else
			eq = p + strlen(p);
		form_decode(p);
		form_decode(eq);
		c->fk[c->nform] = p;
		c->fv[c->nform++] = eq;
	}
}

const char *
web_form(struct web_req *rq, const char *key)
{
	struct web_conn *c = rq->priv;
	int i;

	if (c == NULL)
		return NULL;
	if (!c->form_done)
		form_parse(rq, c);
	for (i = 0; i < c->nform; i++)
		if (strcmp(c->fk[i], key) == 0)
			return c->fv[i];
	return NULL;
}

int64_t
web_param_id(const struct web_req *rq, int i)
{
	const char *p;
	int64_t v = 0;
	int n = 0;

	if (i < 0 || i >= rq->nparam || (p = rq->param[i]) == NULL)
		return 0;
	if (*p == '0')
		return 0;
	for (; *p != '\0'; p++, n++) {
		if (*p < '0' || *p > '9' || n == 18)
			return 0;
		v = v * 10 + (*p - '0');
	}
	return v;
}

void
web_client_addr(const struct web_req *rq, char *buf, size_t bufsz)
{
	const union MHD_ConnectionInfo *ci;
	const char *v;
	size_t i;

	snprintf(buf, bufsz, "-");
	if (srv.o.trust_proxy && (v = web_header(rq, "X-Real-IP")) != NULL &&
	    *v != '\0' && strlen(v) < 64) {
		for (i = 0; v[i] != '\0'; i++)
			if (strchr("0123456789abcdefABCDEF.:", v[i]) == NULL)
				break;
		if (v[i] == '\0') {
			snprintf(buf, bufsz, "%s", v);
			return;
		}
	}
	if (rq->conn == NULL && rq->priv != NULL &&
	    ((const struct web_conn *)rq->priv)->job != NULL) {
		snprintf(buf, bufsz, "%s",
		    ((const struct web_conn *)rq->priv)->job->addr);
		return;
	}
	if (rq->conn == NULL ||
	    (ci = MHD_get_connection_info(rq->conn,
		 MHD_CONNECTION_INFO_CLIENT_ADDRESS)) == NULL ||
	    ci->client_addr == NULL)
		return;
	if (ci->client_addr->sa_family == AF_INET) {
		const struct sockaddr_in *a =
		    (const struct sockaddr_in *)(const void *)ci->client_addr;

		inet_ntop(AF_INET, &a->sin_addr, buf, (socklen_t)bufsz);
	} else if (ci->client_addr->sa_family == AF_INET6) {
		const struct sockaddr_in6 *a =
		    (const struct sockaddr_in6 *)(const void *)ci->client_addr;

		inet_ntop(AF_INET6, &a->sin6_addr, buf, (socklen_t)bufsz);
	}
}

void
web_base_url(const struct web_req *rq, char *buf, size_t bufsz)
{
	const char *h = web_header(rq, "Host");
	size_t i;

	if (h == NULL || *h == '\0' || strlen(h) > 255)
		h = "localhost";
	for (i = 0; h[i] != '\0'; i++)
		if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY"
			   "Z"
			   "0123456789.-:[]",
			h[i]) == NULL) {
			h = "localhost";
			break;
		}
	snprintf(buf, bufsz, "%s://%s", srv.o.secure_cookies ? "https" : "http",
	    h);
}

/* ---- response helpers ---- */

void
web_header_add(struct web_resp *rs, const char *name, const char *value)
{
	char *v;

	if (rs->nheaders == WEB_MAX_HEADERS) {
		web_log(WEB_LOG_ERROR, "too many headers; %s dropped", name);
		return;
	}
	if ((v = strdup(value)) == NULL)
		return;
	rs->hname[rs->nheaders] = name;
	rs->hval[rs->nheaders++] = v;
}

int
web_take(struct web_resp *rs, int status, const char *ctype, char *body,
    size_t len)
{
	free(rs->body);
	rs->status = status;
	rs->ctype = ctype;
	rs->body = body;
	rs->len = body != NULL ? len : 0;
	return 0;
}

static int
take_static(struct web_resp *rs, int status, const char *ctype,
    const char *text)
{
	size_t n = strlen(text);
	char *s = malloc(n + 1);

	if (s != NULL)
		memcpy(s, text, n + 1);
	return web_take(rs, status, ctype, s, s ? n : 0);
}

int
web_json(struct web_resp *rs, int status, json_t *doc)
{
	char *s;

	if (doc == NULL ||
	    (s = json_dumps(doc, JSON_COMPACT | JSON_ENSURE_ASCII)) == NULL) {
		json_decref(doc);
		return take_static(rs, 500, "application/json",
		    "{\"error\":{\"status\":500,\"message\":"
		    "\"out of memory\",\"field\":null}}");
	}
	json_decref(doc);
	return web_take(rs, status, "application/json", s, strlen(s));
}

static const char *
status_text(int status)
{
	switch (status) {
	case 400:
		return "Bad request";
	case 401:
		return "Please log in";
	case 403:
		return "Not allowed";
	case 404:
		return "Not found";
	case 405:
		return "Not allowed here";
	case 409:
		return "Already there";
	case 413:
		return "Too large";
	case 422:
		return "Please check";
	case 429:
		return "Please wait";
	case 500:
		return "Something went wrong";
	case 503:
		return "Busy";
	default:
		return "Error";
	}
}

static int
is_api(const struct web_req *rq)
{
	if (rq->flags & WEB_F_API)
		return 1;
	if (rq->flags & WEB_F_PAGE)
		return 0;
	return rq->path != NULL && strncmp(rq->path, "/api/", 5) == 0;
}

int
web_error(const struct web_req *rq, struct web_resp *rs, int status,
    const char *field, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (is_api(rq)) {
		json_t *e, *m;
		size_t i;

		/* Messages quote what was sent, which may not be UTF-8. */
		if ((m = json_string(msg)) == NULL) {
			for (i = 0; msg[i] != '\0'; i++)
				if ((unsigned char)msg[i] >= 0x80)
					msg[i] = '?';
			m = json_string(msg);
		}
		e = json_pack("{s:{s:i,s:o,s:o}}", "error", "status", status,
		    "message", m, "field",
		    field && *field ? json_string(field) : json_null());

		return web_json(rs, status, e);
	} else {
		struct web_buf b = { 0 };

		web_page_open(&b, rq, status_text(status));
		web_buf_printf(&b, "<h1>%s</h1>\n<p class=\"lead\">",
		    status_text(status));
		web_buf_esc(&b, msg);
		web_buf_puts(&b,
		    "</p>\n<p><a class=\"button\" href=\"/\">"
		    "Back to the start</a></p>\n");
		web_page_close(&b, rq);
		return web_buf_html(&b, rs, status);
	}
}

int
web_fail(const struct web_req *rq, struct web_resp *rs, enum lull_err err,
    const struct lull_errinfo *ei)
{
	const char *field = ei != NULL ? ei->field : NULL;
	const char *msg =
	    ei != NULL && ei->msg[0] ? ei->msg : lull_strerror(err);
	size_t fl = field != NULL ? strlen(field) : 0;

	/* The store's messages start with their field for the command
	 * line ("email: ..."); here the field travels on its own. */
	if (fl > 0 && strncmp(msg, field, fl) == 0 && msg[fl] == ':' &&
	    msg[fl + 1] == ' ')
		msg += fl + 2;

	switch (err) {
	case LULL_EINVAL:
		return web_error(rq, rs, 422, field, "%s", msg);
	case LULL_ENOTFOUND:
		return web_error(rq, rs, 404, field, "%s", msg);
	case LULL_ECONFLICT:
		return web_error(rq, rs, 409, field, "%s", msg);
	default:
		/* The store's words may name tables or files: they go to
		 * the log, not to the client (and the path, which may hold
		 * an invitation code, stays out of it). */
		web_log(WEB_LOG_ERROR, "%s: %s", rq->method, msg);
		return web_error(rq, rs, 500, NULL,
		    "Something went wrong on our side. Please try again.");
	}
}

int
web_redirect(struct web_resp *rs, const char *location)
{
	web_header_add(rs, "Location", location);
	return take_static(rs, 303, "text/html; charset=utf-8", "");
}

void
web_resp_free(struct web_resp *rs)
{
	int i;

	free(rs->body);
	for (i = 0; i < rs->nheaders; i++)
		free(rs->hval[i]);
	memset(rs, 0, sizeof(*rs));
}

static void
cookie(const struct web_req *rq, struct web_resp *rs, const char *sid,
    int64_t max_age)
{
	struct web_conn *c = rq->priv;
	char v[256];

	snprintf(v, sizeof(v),
	    "%s=%s; Path=/; Max-Age=%lld; HttpOnly; SameSite=Lax%s",
	    WEB_SESSION_COOKIE, sid, (long long)max_age,
	    srv.o.secure_cookies ? "; Secure" : "");
	web_header_add(rs, "Set-Cookie", v);
	if (c != NULL)
		c->cookie_set = 1;
}

void
web_cookie_set(const struct web_req *rq, struct web_resp *rs, const char *sid,
    int64_t max_age_sec)
{
	cookie(rq, rs, sid, max_age_sec);
}

void
web_cookie_clear(const struct web_req *rq, struct web_resp *rs)
{
	cookie(rq, rs, "", 0);
}

const char *
web_static_url(const char *path)
{
	const struct web_static *f;

	for (f = web_statics; f->path != NULL; f++)
		if (strcmp(f->path, path) == 0)
			return f->url;
	return path;
}

/* ---- the pipeline ---- */

static void
store_dtor(void *p)
{
	lull_store_close(p);
}

/* This worker's store, opened on its first request. */
static struct lull_store *
thread_store(void)
{
	struct lull_store *st = pthread_getspecific(srv.key);
	struct lull_errinfo ei;

	if (st != NULL)
		return st;
	if (lull_store_open(&st, srv.o.db, &ei) != LULL_OK) {
		web_log(WEB_LOG_ERROR, "cannot open the store: %s", ei.msg);
		return NULL;
	}
	if (pthread_setspecific(srv.key, st) != 0) {
		lull_store_close(st);
		return NULL;
	}
	return st;
}

static int
is_unsafe(const char *m)
{
	return strcmp(m, "POST") == 0 || strcmp(m, "PUT") == 0 ||
	    strcmp(m, "PATCH") == 0 || strcmp(m, "DELETE") == 0;
}

static int
is_token(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
			(s[i] >= 'a' && s[i] <= 'z') ||
			(s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
			s[i] == '_'))
			return 0;
	return i == LULL_TOKEN_LEN;
}

/*
 * Match "path" against "pat": literal segments compare exactly, "{x}"
 * takes one non-empty segment.  Captures point into c->pathbuf.
 */
static int
match(const char *pat, const char *path, struct web_req *rq, struct web_conn *c)
{
	char *p = c->pathbuf;
	const char *q = pat;

	snprintf(c->pathbuf, sizeof(c->pathbuf), "%s", path);
	rq->nparam = 0;
	while (*q != '\0' && *p != '\0') {
		if (*q == '{') {
			char *end = strchr(p, '/');
			const char *qe = strchr(q, '}');

			if (qe == NULL || rq->nparam == WEB_MAX_PARAMS ||
			    end == p || (end == NULL && *p == '\0'))
				return 0;
			rq->param[rq->nparam++] = p;
			q = qe + 1;
			if (end == NULL) {
				p += strlen(p);
			} else {
				if (*q != '/')
					return 0;
				*end = '\0';
				p = end + 1;
				q++;
				/* "/a/{x}/" needs more after the slash */
				if (*p == '\0' && *q == '\0')
					return 0;
			}
			continue;
		}
		if (*q != *p)
			return 0;
		q++;
		p++;
	}
	return *q == '\0' && *p == '\0';
}

static const struct web_route *
route_find(struct web_req *rq, struct web_conn *c, int *path_known, char *allow,
    size_t allowsz)
{
	const struct web_route *const tables[] = { web_auth_routes,
		web_api_routes, web_page_routes, web_children_routes };
	const char *m = strcmp(rq->method, "HEAD") == 0 ? "GET" : rq->method;
	size_t t;

	*path_known = 0;
	allow[0] = '\0';
	for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		const struct web_route *r;

		for (r = tables[t]; r->method != NULL; r++) {
			if (!match(r->pattern, rq->path, rq, c))
				continue;
			if (strcmp(r->method, m) == 0)
				return r;
			*path_known = 1;
			if (strstr(allow, r->method) == NULL) {
				size_t n = strlen(allow);

				snprintf(allow + n, allowsz - n, "%s%s",
				    n ? ", " : "", r->method);
			}
		}
	}
	rq->nparam = 0;
	return NULL;
}

/* The path for the log: captures other than plain ids (an invitation
 * code) are shown by name, and odd bytes are escaped. */
static void
log_path(const struct web_req *rq, const struct web_route *r, char *buf,
    size_t bufsz)
{
	const char *p = rq->path, *q;
	size_t n = 0;
	int i = 0;

	if (r != NULL) {
		buf[0] = '\0';
		for (q = r->pattern; *q != '\0' && n + 8 < bufsz;) {
			if (*q == '{') {
				const char *qe = strchr(q, '}');
				int isid =
				    i < rq->nparam && web_param_id(rq, i) > 0;

				if (qe == NULL)
					break;
				if (isid)
					n += (size_t)snprintf(buf + n,
					    bufsz - n, "%s", rq->param[i]);
				else
					n +=
					    (size_t)snprintf(buf + n, bufsz - n,
						"%.*s", (int)(qe - q + 1), q);
				i++;
				q = qe + 1;
			} else {
				buf[n++] = *q++;
			}
		}
		buf[n < bufsz ? n : bufsz - 1] = '\0';
		return;
	}
	for (; *p != '\0' && n + 5 < bufsz; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch < 0x21 || ch > 0x7e || ch == '"' || ch == '\\')
			n += (size_t)snprintf(buf + n, bufsz - n, "%%%02X", ch);
		else
			buf[n++] = (char)ch;
	}
	buf[n] = '\0';
}

/*
 * A method as HTTP allows one (RFC 9110's "token"), at most 16 bytes:
 * anything else is answered 501 and never reaches the log as it came.
 */
static int
method_ok(const char *m)
{
	size_t n = strspn(m,
	    "!#$%&'*+-.^_`|~0123456789"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

	return n > 0 && n <= 16 && m[n] == '\0';
}

/* The method for the log: as it came when it is a token, else escaped
 * as log_path() escapes a path, and cut short. */
static void
log_method(const char *m, char *buf, size_t bufsz)
{
	size_t n = 0;

	if (method_ok(m)) {
		snprintf(buf, bufsz, "%s", m);
		return;
	}
	for (; *m != '\0' && n + 5 < bufsz; m++) {
		unsigned char ch = (unsigned char)*m;

		if (ch < 0x21 || ch > 0x7e || ch == '"' || ch == '\\' ||
		    ch == '%')
			n += (size_t)snprintf(buf + n, bufsz - n, "%%%02X", ch);
		else
			buf[n++] = (char)ch;
	}
	buf[n] = '\0';
}

/*
 * The deadline of a request (web_opts.deadline_sec): MHD's timeout is
 * idle time, which a client sending a byte now and then never reaches.
 * Each connection keeps the time it started, or its previous request
 * ended (keep-alive), in its socket context; a request whose headers and
 * body are not all in by the deadline is answered 408 and the connection
 * closed.  Headers are only seen whole, so a client that never finishes
 * them is held by the idle timeout and the per-address limit instead.
 */
static void
conn_clock(void *cls, struct MHD_Connection *conn, void **socket_context,
    enum MHD_ConnectionNotificationCode toe)
{
	struct timespec *t;

	(void)cls;
	(void)conn;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		if ((t = malloc(sizeof(*t))) != NULL)
			clock_gettime(CLOCK_MONOTONIC, t);
		*socket_context = t;
	} else {
		free(*socket_context);
		*socket_context = NULL;
	}
}

static struct timespec *
conn_since(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci;

	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci != NULL ? (struct timespec *)ci->socket_context : NULL;
}

static int64_t usec_since(const struct timespec *);

static int
past_deadline(const struct web_conn *c)
{
	return usec_since(&c->since) > (int64_t)srv.o.deadline_sec * 1000000;
}

/* Same host in Origin as in Host: a cross-site form or script is not. */
static int
origin_ok(const struct web_req *rq)
{
	const char *o = web_header(rq, "Origin"), *h = web_header(rq, "Host");
	const char *p;

	if (o == NULL)
		return 1;
	if (h == NULL || (p = strstr(o, "://")) == NULL)
		return 0;
	return strcmp(p + 3, h) == 0;
}

/* An answer is in "rs": the pipeline stops here. */
static int
done(int ignored)
{
	(void)ignored;
	return 1;
}

/* Who is asking: the cookie's session; a Bearer token on API routes. */
static int
identify(struct web_req *rq, struct web_resp *rs, struct web_conn *c,
    const struct web_route *r)
{
	const char *v;
	enum lull_err rc = LULL_ENOTFOUND;

	v = rq->conn ? MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND,
			   WEB_SESSION_COOKIE)
		     : NULL;
	if (v != NULL && *v != '\0') {
		if (!is_token(v)) {
			c->clear_cookie = 1;
		} else if ((rc = lull_session_get(rq->st, v, rq->now,
				&rq->session)) == LULL_OK) {
			rq->account_id = rq->session.account_id;
			snprintf(rq->sid, sizeof(rq->sid), "%s", v);
		} else if (rc == LULL_ENOTFOUND) {
			c->clear_cookie = 1;
			memset(&rq->session, 0, sizeof(rq->session));
		} else {
			return done(web_fail(rq, rs, rc,
			    lull_store_error(rq->st)));
		}
	}
	if (r == NULL || !(r->flags & WEB_F_API) ||
	    (v = web_header(rq, "Authorization")) == NULL)
		return 0;
	if (strncasecmp(v, "Bearer ", 7) != 0) {
		web_header_add(rs, "WWW-Authenticate", "Bearer realm=\"lull\"");
		web_error(rq, rs, 401, NULL,
		    "use an \"Authorization: Bearer TOKEN\" header");
		return 1;
	}
	for (v += 7; *v == ' '; v++)
		;
	rq->account_id = 0;
	rq->sid[0] = '\0';
	memset(&rq->session, 0, sizeof(rq->session));
	if (is_token(v) &&
	    (rc = lull_api_token_check(rq->st, v, rq->now, &rq->account_id)) ==
		LULL_OK) {
		rq->via_token = 1;
		return 0;
	}
	rq->account_id = 0;
	if (is_token(v) && rc != LULL_ENOTFOUND)
		return done(web_fail(rq, rs, rc, lull_store_error(rq->st)));
	web_header_add(rs, "WWW-Authenticate",
	    "Bearer realm=\"lull\", error=\"invalid_token\"");
	web_error(rq, rs, 401, NULL, "the API token is unknown or revoked");
	return 1;
}

static int
access_ok(enum web_need need, enum lull_access a)
{
	switch (need) {
	case WEB_WRITE:
		return a == LULL_ACCESS_OWNER || a == LULL_ACCESS_CAREGIVER;
	case WEB_PLAN:
		return a == LULL_ACCESS_OWNER || a == LULL_ACCESS_CAREGIVER ||
		    a == LULL_ACCESS_CONSULTANT;
	case WEB_OWNER:
		return a == LULL_ACCESS_OWNER;
	default:
		return 1;
	}
}

static void
urlencode(const char *s, char *buf, size_t bufsz)
{
	size_t n = 0;

	for (; *s != '\0' && n + 4 < bufsz; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= '0' && ch <= '9') || strchr("-_.~/", ch) != NULL)
			buf[n++] = (char)ch;
		else
			n += (size_t)snprintf(buf + n, bufsz - n, "%%%02X", ch);
	}
	buf[n] = '\0';
}

/* What the route needs of the one asking; 1 when answered already. */
static int
need(struct web_req *rq, struct web_resp *rs, const struct web_route *r)
{
	int64_t hid;
	enum lull_err rc;
	struct lull_errinfo ei;

	if (r->need == WEB_PUBLIC)
		return 0;
	if (rq->account_id == 0) {
		char next[MAX_PATH * 3 + 1], loc[sizeof(next) + 16];

		if (is_api(rq)) {
			web_header_add(rs, "WWW-Authenticate",
			    "Bearer realm=\"lull\"");
			return done(web_error(rq, rs, 401, NULL,
			    "log in first, or send an API token"));
		}
		if (strcmp(rq->method, "GET") == 0 ||
		    strcmp(rq->method, "HEAD") == 0) {
			urlencode(rq->path, next, sizeof(next));
			snprintf(loc, sizeof(loc), "/login?next=%s", next);
			return done(web_redirect(rs, loc));
		}
		return done(web_error(rq, rs, 401, NULL,
		    "Your session has ended. Please log in again."));
	}
	if (r->need == WEB_SIGNED_IN)
		return 0;
	/*
	 * A household: a non-member gets exactly what a missing household
	 * gives, so nobody learns which ids exist.
	 */
	hid = web_param_id(rq, 0);
	rc = hid > 0
	    ? lull_membership_get(rq->st, rq->account_id, hid, &rq->member)
	    : LULL_ENOTFOUND;
	if (rc == LULL_OK)
		rc = lull_store_household_get(rq->st, hid, &rq->hh);
	if (rc == LULL_ENOTFOUND)
		return done(web_error(rq, rs, 404, NULL,
		    "There is no such household."));
	if (rc != LULL_OK)
		return done(web_fail(rq, rs, rc, lull_store_error(rq->st)));
	if (!access_ok(r->need, rq->member.access))
		return done(web_error(rq, rs, 403, NULL,
		    "Your access to this household (%s) does not "
		    "allow this.",
		    lull_access_name(rq->member.access)));
	rq->household_id = hid;
	if ((rq->tz = web_tz(rq->hh.tz, &ei)) == NULL) {
		web_log(WEB_LOG_WARN, "household %lld: zone: %s; using UTC",
		    (long long)hid, ei.msg);
		rq->tz = web_tz("UTC", &ei);
	}
	rq->actor.caregiver_id = rq->member.caregiver_id;
	rq->actor.now_utc = rq->now;
	return 0;
}

static int
csrf(struct web_req *rq, struct web_resp *rs)
{
	const char *t;

	if (!is_unsafe(rq->method) || rq->via_token)
		return 0;
	if (!origin_ok(rq))
		return done(web_error(rq, rs, 403, "csrf",
		    "This request came from another site."));
	if (rq->account_id == 0)
		return 0;
	if ((t = web_header(rq, "X-CSRF-Token")) == NULL)
		t = web_form(rq, "csrf");
	if (t == NULL || strlen(t) != LULL_TOKEN_LEN ||
	    strlen(rq->session.csrf) != LULL_TOKEN_LEN ||
	    sodium_memcmp(t, rq->session.csrf, LULL_TOKEN_LEN) != 0)
		return done(web_error(rq, rs, 403, "csrf",
		    "This form has expired. Please go back, reload "
		    "the page and try again."));
	return 0;
}

static int
serve_static(struct web_req *rq, struct web_resp *rs)
{
	const struct web_static *f;
	char *s;

	for (f = web_statics; f->path != NULL; f++)
		if (strcmp(f->path, rq->path) == 0)
			break;
	if (f->path == NULL)
		return web_error(rq, rs, 404, NULL, "There is no such file.");
	if ((s = malloc(f->len + 1)) == NULL)
		return web_error(rq, rs, 500, NULL, "out of memory");
	memcpy(s, f->data, f->len + 1);
	web_take(rs, 200, f->ctype, s, f->len);
	/* The pages link the versioned URL, which changes with the file. */
	web_header_add(rs, "Cache-Control",
	    web_query(rq, "v") != NULL ? "public, max-age=31536000, immutable"
				       : "public, max-age=3600");
	return 0;
}

/* ---- group commit ---- */

/*
 * Journal writes (a route for owners and caregivers, by an unsafe
 * method) run on one writer thread with its own store handle.  The
 * writes that arrive while a commit syncs wait in a queue; the writer
 * then runs them together in one transaction, each handler in its own
 * savepoint, commits once, and only then lets their connections answer.
 * A commit, and its fsync, is thus shared by all the writes waiting for
 * it, and the worker threads never block on one: a waiting request's
 * connection is suspended (MHD_suspend_connection), so the worker goes
 * on serving its other connections.
 */
static int
group_write(const struct web_req *rq, const struct web_route *r)
{
	return srv.wst != NULL && rq->conn != NULL && r->need == WEB_WRITE &&
	    is_unsafe(rq->method);
}

static enum MHD_Result
kv_copy(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct job *j = cls;
	struct kv *e;

	if (key == NULL)
		return MHD_YES;
	if (j->nkv == j->capkv) {
		size_t cap = j->capkv ? j->capkv * 2 : 16;
		struct kv *v = realloc(j->kv, cap * sizeof(*v));

		if (v == NULL) {
			j->kv_oom = 1;
			return MHD_NO;
		}
		j->kv = v;
		j->capkv = cap;
	}
	e = &j->kv[j->nkv];
	e->kind = (int)kind;
	e->k = strdup(key);
	e->v = value != NULL ? strdup(value) : NULL;
	if (e->k == NULL || (value != NULL && e->v == NULL)) {
		free(e->k);
		free(e->v);
		j->kv_oom = 1;
		return MHD_NO;
	}
	j->nkv++;
	return MHD_YES;
}

/* Everything a job holds; cookies and the Authorization header are
 * secrets, wiped as the body is. */
static void
job_free(struct job *j)
{
	size_t i;

	if (j == NULL)
		return;
	for (i = 0; i < j->nkv; i++) {
		if (j->kv[i].v != NULL)
			sodium_memzero(j->kv[i].v, strlen(j->kv[i].v));
		free(j->kv[i].k);
		free(j->kv[i].v);
	}
	free(j->kv);
	web_resp_free(&j->rs);
	lull_membership_free(&j->rq.member);
	lull_household_free(&j->rq.hh);
	sodium_memzero(&j->rq.session, sizeof(j->rq.session));
	sodium_memzero(j->rq.sid, sizeof(j->rq.sid));
	free(j);
}

/*
 * Hand the request to the writer and suspend its connection: 0.  -1 when
 * memory ran short: the caller runs it here, as without group commit.
 */
static int
defer(struct web_req *rq, struct web_resp *rs, struct web_conn *c,
    const struct web_route *r)
{
	struct job *j;

	if ((j = calloc(1, sizeof(*j))) == NULL)
		return -1;
	MHD_get_connection_values(rq->conn,
	    (enum MHD_ValueKind)(MHD_HEADER_KIND | MHD_GET_ARGUMENT_KIND |
		MHD_COOKIE_KIND),
	    kv_copy, j);
	if (j->kv_oom || strlen(rq->method) >= sizeof(j->method) ||
	    strlen(rq->path) >= sizeof(j->path)) {
		job_free(j);
		return -1;
	}
	web_client_addr(rq, j->addr, sizeof(j->addr));
	memcpy(j->method, rq->method, strlen(rq->method) + 1);
	memcpy(j->path, rq->path, strlen(rq->path) + 1);
	/* The request moves into the job: from now on it asks the copies,
	 * and what it owns (membership, household) goes with it. */
	j->rq = *rq;
	j->rq.method = j->method;
	j->rq.path = j->path;
	j->rq.conn = NULL;
	j->rq.st = NULL;
	j->rs = *rs;
	memset(rs, 0, sizeof(*rs));
	memset(&rq->member, 0, sizeof(rq->member));
	memset(&rq->hh, 0, sizeof(rq->hh));
	j->r = r;
	j->conn = rq->conn;
	pthread_mutex_lock(&srv.wq_mu);
	if (srv.wq_stop) {
		/* Shutting down: the writer takes no more. */
		pthread_mutex_unlock(&srv.wq_mu);
		*rs = j->rs;
		rq->member = j->rq.member;
		rq->hh = j->rq.hh;
		memset(&j->rs, 0, sizeof(j->rs));
		memset(&j->rq.member, 0, sizeof(j->rq.member));
		memset(&j->rq.hh, 0, sizeof(j->rq.hh));
		job_free(j);
		return -1;
	}
	c->job = j;
	/* Suspended before it is queued: the writer may resume it at once. */
	MHD_suspend_connection(j->conn);
	if (srv.wq_tail != NULL)
		srv.wq_tail->next = j;
	else
		srv.wq_head = j;
	srv.wq_tail = j;
	pthread_cond_signal(&srv.wq_cv);
	pthread_mutex_unlock(&srv.wq_mu);
	return 0;
}

static void
run_handler(struct web_req *rq, struct web_resp *rs, const struct web_route *r)
{
	if (r->fn(rq, rs) != 0 && rs->status == 0)
		web_error(rq, rs, 500, NULL,
		    "Something went wrong on our side. Please try again.");
	if (rs->status == 0)
		web_error(rq, rs, 500, NULL,
		    "Something went wrong on our side. Please try again.");
}

static int64_t usec_since(const struct timespec *);

/* The answer of a write whose transaction did not commit. */
static void
unsaved(struct job *j)
{
	web_resp_free(&j->rs);
	web_header_add(&j->rs, "Retry-After", "1");
	web_error(&j->rq, &j->rs, 503, NULL,
	    "This was not saved: the journal could not write just now. "
	    "Please try again in a moment.");
}

/*
 * One transaction for the jobs of "list": each in a savepoint, released
 * when its answer is a success (2xx, 3xx) and rolled back otherwise (a
 * refused request leaves nothing behind, and the others keep theirs).
 * The commit, with its fsync, comes before any answer goes out; when it
 * (or a savepoint) fails, the whole transaction is rolled back and every
 * job answered 503: nothing acknowledged is lost, in a crash either.
 */
static void
batch(struct lull_store *st, struct job *list)
{
	struct job *j, *next;
	struct timespec t0, t1;
	size_t n = 0;
	int ok;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!(ok = lull_store_begin(st) == LULL_OK))
		web_log(WEB_LOG_ERROR, "writer: begin: %s",
		    lull_store_error(st)->msg);
	for (j = list; ok && j != NULL; j = j->next, n++) {
		if (lull_store_begin(st) != LULL_OK) {
			web_log(WEB_LOG_ERROR, "writer: savepoint: %s",
			    lull_store_error(st)->msg);
			ok = 0;
			break;
		}
		j->rq.st = st;
		run_handler(&j->rq, &j->rs, j->r);
		/* A level the handler left open is undone, as the pipeline
		 * does for a worker's handle. */
		while (lull_store_depth(st) > 2)
			lull_store_rollback(st);
		if (lull_store_depth(st) != 2) {
			web_log(WEB_LOG_ERROR, "writer: %s %s closed the "
			    "transaction it ran in", j->method, j->r->pattern);
			ok = 0;
		} else if (j->rs.status >= 400) {
			lull_store_rollback(st);
		} else if (lull_store_commit(st) != LULL_OK) {
			web_log(WEB_LOG_ERROR, "writer: release: %s",
			    lull_store_error(st)->msg);
			ok = 0;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (ok && lull_store_commit(st) != LULL_OK) {
		web_log(WEB_LOG_ERROR, "writer: commit: %s",
		    lull_store_error(st)->msg);
		ok = 0;
	}
	if (!ok) {
		while (lull_store_depth(st) > 0)
			lull_store_rollback(st);
		for (j = list; j != NULL; j = j->next)
			unsaved(j);
	}
	web_log(WEB_LOG_DEBUG,
	    "writer: %zu writes in one commit%s: %lldus to run, %lldus to "
	    "commit",
	    n, ok ? "" : ", not saved",
	    (long long)((t1.tv_sec - t0.tv_sec) * 1000000 +
		(t1.tv_nsec - t0.tv_nsec) / 1000),
	    (long long)usec_since(&t1));
	/* Once resumed, a job belongs to its worker again (and is freed
	 * there): "next" first. */
	for (j = list; j != NULL; j = next) {
		next = j->next;
		j->next = NULL;
		MHD_resume_connection(j->conn);
	}
}

/* Let the writer finish what is queued, then stop it; later journal
 * writes run on their workers' handles. */
static void
writer_stop(void)
{
	if (srv.wst == NULL)
		return;
	pthread_mutex_lock(&srv.wq_mu);
	srv.wq_stop = 1;
	pthread_cond_signal(&srv.wq_cv);
	pthread_mutex_unlock(&srv.wq_mu);
	pthread_join(srv.writer, NULL);
	lull_store_close(srv.wst);
	srv.wst = NULL;
}

static void *
writer_main(void *arg)
{
	struct job *list, *j;
	size_t n;

	(void)arg;
	pthread_mutex_lock(&srv.wq_mu);
	for (;;) {
		while (srv.wq_head == NULL && !srv.wq_stop)
			pthread_cond_wait(&srv.wq_cv, &srv.wq_mu);
		if (srv.wq_head == NULL)
			break; /* stopping, and nothing left */
		list = srv.wq_head;
		for (j = list, n = 1; j->next != NULL && n < BATCH_MAX; n++)
			j = j->next;
		srv.wq_head = j->next;
		if (srv.wq_head == NULL)
			srv.wq_tail = NULL;
		j->next = NULL;
		pthread_mutex_unlock(&srv.wq_mu);
		batch(srv.wst, list);
		pthread_mutex_lock(&srv.wq_mu);
	}
	pthread_mutex_unlock(&srv.wq_mu);
	return NULL;
}

static void
run_pipeline(struct web_req *rq, struct web_resp *rs, struct web_conn *c,
    const struct web_route **rp)
{
	const struct web_route *r;
	char allow[64];
	int known;

	if (c->late) {
		web_header_add(rs, "Connection", "close");
		web_error(rq, rs, 408, NULL,
		    "That took more than %u seconds to arrive. Please try "
		    "again.",
		    srv.o.deadline_sec);
		return;
	}
	if (!method_ok(rq->method)) {
		web_error(rq, rs, 501, NULL, "That method is not one we know.");
		return;
	}
	if (c->too_big) {
		web_error(rq, rs, 413, NULL,
		    "That is more than we take at once (%d KiB).",
		    WEB_MAX_BODY / 1024);
		return;
	}
	if ((strcmp(rq->method, "GET") == 0 ||
		strcmp(rq->method, "HEAD") == 0) &&
	    strncmp(rq->path, "/static/", 8) == 0) {
		serve_static(rq, rs);
		return;
	}
	/* Liveness, for a supervisor or a proxy, and the benchmark's
	 * ceiling: no journal, no identity, nothing to learn. */
	if ((strcmp(rq->method, "GET") == 0 ||
		strcmp(rq->method, "HEAD") == 0) &&
	    strcmp(rq->path, "/healthz") == 0) {
		take_static(rs, 200, "text/plain; charset=utf-8", "ok\n");
		return;
	}
	r = route_find(rq, c, &known, allow, sizeof(allow));
	*rp = r;
	rq->flags = r != NULL                    ? r->flags
	    : strncmp(rq->path, "/api/", 5) == 0 ? WEB_F_API
						 : WEB_F_PAGE;
	if ((rq->st = thread_store()) == NULL) {
		web_error(rq, rs, 503, NULL,
		    "The journal cannot be opened just now. Please try again "
		    "in a moment.");
		return;
	}
	/* From here the request's reads share one read transaction (one
	 * lock of the journal, not one a statement), ended in answer().  A
	 * write ends it first (a session's or a token's "last used", once
	 * a minute, or the handler's): writes start from the newest state. */
	if (lull_store_snapshot(rq->st) != LULL_OK)
		web_log(WEB_LOG_DEBUG, "no read snapshot: %s",
		    lull_store_error(rq->st)->msg);
	if (identify(rq, rs, c, r))
		return;
	if (r == NULL) {
		if (known) {
			web_header_add(rs, "Allow", allow);
			web_error(rq, rs, 405, NULL, "%s is not possible here.",
			    rq->method);
		} else {
			web_error(rq, rs, 404, NULL, "There is no such page.");
		}
		return;
	}
	/* Members, invitations, tokens and sessions: by a person signed in
	 * with their password, never by a token a script holds. */
	if (rq->via_token && (r->flags & WEB_F_NO_TOKEN)) {
		web_error(rq, rs, 403, NULL,
		    "An API token cannot do this: members, invitations, API "
		    "tokens and sessions are managed signed in with your "
		    "password.");
		return;
	}
	if (need(rq, rs, r) || csrf(rq, rs))
		return;
	if (group_write(rq, r) && defer(rq, rs, c, r) == 0)
		return; /* answered once its transaction has committed */
	run_handler(rq, rs, r);
	/* A handler that forgot a transaction must not leave it to the
	 * next request of this thread. */
	lull_store_rollback(rq->st);
}

static int
has_header(const struct web_resp *rs, const char *name)
{
	int i;

	for (i = 0; i < rs->nheaders; i++)
		if (strcasecmp(rs->hname[i], name) == 0)
			return 1;
	return 0;
}

static enum MHD_Result
send_resp(struct MHD_Connection *conn, const struct web_req *rq,
    struct web_resp *rs, int dynamic)
{
	struct MHD_Response *mr;
	enum MHD_Result ok;
	int i;

	if (rs->body != NULL) {
		mr = MHD_create_response_from_buffer(rs->len, rs->body,
		    MHD_RESPMEM_MUST_FREE);
		if (mr != NULL)
			rs->body = NULL;
	} else {
		mr = MHD_create_response_from_buffer(0, (void *)(uintptr_t) "",
		    MHD_RESPMEM_PERSISTENT);
	}
	if (mr == NULL)
		return MHD_NO;
	MHD_add_response_header(mr, "Content-Type",
	    rs->ctype ? rs->ctype : "text/plain; charset=utf-8");
	MHD_add_response_header(mr, "Content-Security-Policy", csp);
	MHD_add_response_header(mr, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(mr, "X-Frame-Options", "DENY");
	MHD_add_response_header(mr, "Referrer-Policy", "same-origin");
	if (dynamic && !has_header(rs, "Cache-Control"))
		MHD_add_response_header(mr, "Cache-Control", "no-store");
	if (rq->account_id != 0 || rq->sid[0] != '\0')
		MHD_add_response_header(mr, "Vary", "Cookie");
	for (i = 0; i < rs->nheaders; i++)
		MHD_add_response_header(mr, rs->hname[i], rs->hval[i]);
	ok = MHD_queue_response(conn, (unsigned)rs->status, mr);
	MHD_destroy_response(mr);
	return ok;
}

static int64_t
usec_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (int64_t)(t1.tv_sec - t0->tv_sec) * 1000000 +
	    (t1.tv_nsec - t0->tv_nsec) / 1000;
}

/* Send the answer in "rs", log the request, and free what it held. */
static enum MHD_Result
finish(struct MHD_Connection *conn, struct web_conn *c, struct web_req *rq,
    struct web_resp *rs, const struct web_route *r)
{
	enum MHD_Result ok;
	char lp[256], lm[64];

	/* Sessions slide: the cookie follows the store's expiry. */
	if (!c->cookie_set && rq->sid[0] != '\0' && rs->status < 500)
		web_cookie_set(rq, rs, rq->sid, LULL_SESSION_SEC);
	else if (!c->cookie_set && c->clear_cookie)
		web_cookie_clear(rq, rs);
	ok = send_resp(conn, rq, rs, strncmp(rq->path, "/static/", 8) != 0);
	log_path(rq, r, lp, sizeof(lp));
	log_method(rq->method, lm, sizeof(lm));
	web_log(rs->status >= 500 ? WEB_LOG_WARN : WEB_LOG_INFO,
	    "%s %s %d %lldus", lm, lp, rs->status,
	    (long long)usec_since(&c->t0));
	web_resp_free(rs);
	lull_membership_free(&rq->member);
	lull_household_free(&rq->hh);
	sodium_memzero(&rq->session, sizeof(rq->session));
	sodium_memzero(rq->sid, sizeof(rq->sid));
	return ok;
}

static enum MHD_Result
answer(struct MHD_Connection *conn, const char *url, const char *method,
    struct web_conn *c)
{
	struct web_req rq;
	struct web_resp rs;
	const struct web_route *r = NULL;

	memset(&rq, 0, sizeof(rq));
	memset(&rs, 0, sizeof(rs));
	rq.method = method;
	rq.path = url;
	rq.conn = conn;
	rq.body = c->body ? c->body : "";
	rq.body_len = c->body ? c->len : 0;
	rq.now = (int64_t)time(NULL);
	rq.priv = c;
	if (strlen(url) > MAX_PATH || url[0] != '/') {
		rq.flags = WEB_F_PAGE;
		web_error(&rq, &rs, 404, NULL, "There is no such page.");
	} else {
		run_pipeline(&rq, &rs, c, &r);
	}
	if (rq.st != NULL)
		lull_store_snapshot_end(rq.st); /* the worker's, job or not */
	if (c->job != NULL) {
		/* With the writer, the connection suspended: answered when
		 * it comes back (on_request). */
		sodium_memzero(&rq.session, sizeof(rq.session));
		sodium_memzero(rq.sid, sizeof(rq.sid));
		return MHD_YES;
	}
	return finish(conn, c, &rq, &rs, r);
}

/* A journal write back from the writer, committed or not: its answer. */
static enum MHD_Result
answer_written(struct MHD_Connection *conn, struct web_conn *c)
{
	struct job *j = c->job;
	enum MHD_Result ok;

	ok = finish(conn, c, &j->rq, &j->rs, j->r);
	c->job = NULL;
	job_free(j);
	return ok;
}

/* The body is too large by its Content-Length: answer now, unread. */
static enum MHD_Result
answer_early(struct MHD_Connection *conn, const char *url, const char *method,
    struct web_conn *c)
{
	c->too_big = 1;
	c->answered = 1;
	return answer(conn, url, method, c);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct web_conn *c = *con_cls;

	(void)cls;
	(void)version;
	if (c == NULL) {
		const char *cl;

		const struct timespec *since;

		if ((c = calloc(1, sizeof(*c))) == NULL)
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &c->t0);
		since = conn_since(conn);
		c->since = since != NULL ? *since : c->t0;
		*con_cls = c;
		pthread_mutex_lock(&srv.fl_mu);
		srv.inflight++;
		pthread_mutex_unlock(&srv.fl_mu);
		if (past_deadline(c)) {
			c->late = 1;
			c->answered = 1;
			return answer(conn, url, method, c);
		}
		cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl != NULL && strtoull(cl, NULL, 10) > WEB_MAX_BODY)
			return answer_early(conn, url, method, c);
		return MHD_YES;
	}
	if (c->job != NULL)
		return answer_written(conn, c);
	if (*upload_size != 0) {
		size_t n = *upload_size;

		*upload_size = 0;
		if (c->answered)
			return MHD_YES;
		if (past_deadline(c)) {
			/* Too slow: 408 now, the rest unread; the
			 * connection closes after it. */
			c->late = 1;
			c->answered = 1;
			return answer(conn, url, method, c);
		}
		if (!c->too_big && c->len + n > WEB_MAX_BODY) {
			c->too_big = 1;
			free(c->body);
			c->body = NULL;
			c->len = c->cap = 0;
		}
		if (c->too_big) {
			/* Chunked, so no length up front: throw it away,
			 * up to a point. */
			c->dropped += n;
			return c->dropped > DROP_MAX ? MHD_NO : MHD_YES;
		}
		if (c->len + n + 1 > c->cap) {
			size_t cap = c->cap ? c->cap : 4096;
			char *b;

			while (cap < c->len + n + 1)
				cap *= 2;
			if ((b = realloc(c->body, cap)) == NULL)
				return MHD_NO;
			c->body = b;
			c->cap = cap;
		}
		memcpy(c->body + c->len, upload, n);
		c->len += n;
		c->body[c->len] = '\0';
		return MHD_YES;
	}
	if (c->answered)
		return MHD_YES;
	c->answered = 1;
	c->late = past_deadline(c);
	return answer(conn, url, method, c);
}

static void
on_done(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct web_conn *c = *con_cls;
	struct timespec *since = conn_since(conn);

	(void)cls;
	(void)toe;
	/* The next request on this connection has its own deadline. */
	if (since != NULL)
		clock_gettime(CLOCK_MONOTONIC, since);
	if (c == NULL)
		return;
	*con_cls = NULL;
	/* A job resumed but never answered (the client went away). */
	job_free(c->job);
	if (c->body != NULL)
		sodium_memzero(c->body, c->len); /* passwords pass here */
	if (c->form != NULL)
		sodium_memzero(c->form, strlen(c->form));
	free(c->body);
	free(c->form);
	free(c);
	pthread_mutex_lock(&srv.fl_mu);
	if (--srv.inflight == 0)
		pthread_cond_broadcast(&srv.fl_cv);
	pthread_mutex_unlock(&srv.fl_mu);
}

/* ---- serving ---- */

static int
resolve(const char *addr, unsigned port, struct sockaddr_storage *ss,
    socklen_t *len)
{
	struct addrinfo hints, *res = NULL;
	char ports[16];
	int rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	snprintf(ports, sizeof(ports), "%u", port);
	if ((rc = getaddrinfo(addr, ports, &hints, &res)) != 0) {
		fprintf(stderr, "lull: cannot listen on %s: %s\n", addr,
		    gai_strerror(rc));
		return -1;
	}
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	*len = res->ai_addrlen;
	freeaddrinfo(res);
	return 0;
}

static void
drain(void)
{
	struct timespec until;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += DRAIN_SEC;
	pthread_mutex_lock(&srv.fl_mu);
	while (srv.inflight > 0)
		if (pthread_cond_timedwait(&srv.fl_cv, &srv.fl_mu, &until) ==
		    ETIMEDOUT)
			break;
	if (srv.inflight > 0)
		web_log(WEB_LOG_WARN, "%u requests still running at exit",
		    srv.inflight);
	pthread_mutex_unlock(&srv.fl_mu);
}

int
web_serve(const struct web_opts *opts)
{
	struct MHD_Daemon *d;
	struct sockaddr_storage ss;
	struct lull_store *st = NULL;
	struct lull_errinfo ei;
	const union MHD_DaemonInfo *di;
	sigset_t sigs, old;
	unsigned flags;
	MHD_socket lsock;
	char zone[128], url[320], host[300];
	socklen_t sslen;
	long ncpu;
	int sig = 0;

	srv.o = *opts;
	srv.log = opts->log;
	if (srv.o.addr == NULL || *srv.o.addr == '\0')
		srv.o.addr = "127.0.0.1";
	if (srv.o.threads == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		srv.o.threads = ncpu > 0 ? (unsigned)ncpu : 2;
	}
	if (srv.o.conn_limit == 0)
		srv.o.conn_limit = 1024;
	if (srv.o.timeout_sec == 0)
		srv.o.timeout_sec = 30;
	if (srv.o.deadline_sec == 0)
		srv.o.deadline_sec = 30;
	if (!lull_account_init()) {
		fprintf(stderr, "lull: libsodium did not start\n");
		return 1;
	}
	/* Open once here: the schema is brought up to date before the
	 * workers open theirs, and a bad --db fails at once.  This handle
	 * is then the writer's. */
	if (lull_store_open(&st, srv.o.db, &ei) != LULL_OK) {
		fprintf(stderr, "lull: %s\n", ei.msg);
		return 1;
	}
	lull_tz_system_name(zone, sizeof(zone));
	if ((srv.deftz = web_tz(zone, &ei)) == NULL)
		srv.deftz = web_tz("UTC", &ei);
	if (resolve(srv.o.addr, srv.o.port, &ss, &sslen) != 0 ||
	    pthread_key_create(&srv.key, store_dtor) != 0) {
		lull_store_close(st);
		tz_cache_free();
		return 1;
	}
	/* The workers inherit this mask; only sigwait() below sees the
	 * signals, so a handler never runs inside a request. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, &old);
	signal(SIGPIPE, SIG_IGN);
	srv.wq_stop = 0;
	srv.wst = st;
	if (pthread_create(&srv.writer, NULL, writer_main, NULL) != 0) {
		web_log(WEB_LOG_WARN, "no writer thread: journal writes "
				      "commit one by one");
		srv.wst = NULL;
		lull_store_close(st);
	}
	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_ALLOW_SUSPEND_RESUME;
	if (MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES)
		flags |= MHD_USE_EPOLL;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	d = MHD_start_daemon(flags, (uint16_t)srv.o.port, NULL, NULL,
	    on_request, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, srv.o.threads,
	    MHD_OPTION_CONNECTION_LIMIT, srv.o.conn_limit,
	    MHD_OPTION_CONNECTION_TIMEOUT, srv.o.timeout_sec,
	    /* 0 is MHD's "no limit" too. */
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, srv.o.per_ip,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	    MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL,
	    MHD_OPTION_NOTIFY_CONNECTION, conn_clock, NULL,
	    MHD_OPTION_EXTERNAL_LOGGER, mhd_logger, NULL, MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "lull: cannot listen on %s port %u: %s\n",
		    srv.o.addr, srv.o.port,
		    errno ? strerror(errno) : "address in use?");
		writer_stop();
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		pthread_key_delete(srv.key);
		tz_cache_free();
		return 1;
	}
	atomic_store(&started, 1);
	di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (strchr(srv.o.addr, ':') != NULL)
		snprintf(host, sizeof(host), "[%s]", srv.o.addr);
	else
		snprintf(host, sizeof(host), "%s", srv.o.addr);
	snprintf(url, sizeof(url), "http://%s:%u/", host,
	    di != NULL ? (unsigned)di->port : srv.o.port);
	web_log(WEB_LOG_INFO, "listening on %s with %u threads", url,
	    srv.o.threads);
	if (opts->ready != NULL)
		opts->ready(url);
	while (sigwait(&sigs, &sig) != 0)
		;
	web_log(WEB_LOG_INFO, "signal %d: finishing the requests in flight",
	    sig);
	/* Stop taking connections, let the requests in flight finish,
	 * then stop the workers (their stores close as they exit). */
	lsock = MHD_quiesce_daemon(d);
	drain();
	writer_stop(); /* no connection is left suspended */
	MHD_stop_daemon(d);
	if (lsock != MHD_INVALID_SOCKET)
		close(lsock);
	pthread_key_delete(srv.key);
	tz_cache_free();
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	web_log(WEB_LOG_INFO, "stopped");
	return 0;
}
