/*
 * Errors as values.  Every fallible function returns an enum lull_err and
 * may fill a struct lull_errinfo with a message for humans and the name of
 * the field at fault, so that a command line or an API can say what and
 * where.  Codes steer control flow; the text is for people.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_ERR_H
#define LULL_ERR_H

#include <stddef.h>

#if defined(__GNUC__)
#define LULL_MUST_CHECK	  __attribute__((warn_unused_result))
#define LULL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define LULL_MUST_CHECK
#define LULL_PRINTF(f, a)
#endif

enum lull_err {
	LULL_OK = 0,
	LULL_ENOMEM,	/* allocation failed; state is unchanged */
	LULL_EINVAL,	/* input outside the documented contract */
	LULL_ENOTFOUND, /* no such household, child, caregiver or entry */
	LULL_ECONFLICT, /* overlap, duplicate name or stale version */
	LULL_ESTORE,	/* the database failed; see the message */
	LULL_ERR__MAX
};

/* A short fixed description of a code ("invalid input"). */
const char *lull_strerror(enum lull_err);

/*
 * What went wrong, for people: "field" names the input at fault (empty
 * when none does, e.g. "end" or "born"), "msg" is a full sentence that
 * quotes the offending value.
 */
struct lull_errinfo {
	enum lull_err code;
	char field[32];
	char msg[256];
};

/*
 * Fill "ei" (which may be NULL) and return "code", so that callers can
 * write: return lull_errinfo_set(ei, LULL_EINVAL, "end", "...", ...);
 */
enum lull_err lull_errinfo_set(struct lull_errinfo *ei, enum lull_err code,
    const char *field, const char *fmt, ...) LULL_PRINTF(4, 5);
void lull_errinfo_clear(struct lull_errinfo *ei);

#endif
