/*
 * Error codes and the errinfo helpers.
 * SPDX-License-Identifier: ISC
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lull/err.h"

static const char *const errstr[LULL_ERR__MAX] = {
	[LULL_OK] = "success",
	[LULL_ENOMEM] = "out of memory",
	[LULL_EINVAL] = "invalid input",
	[LULL_ENOTFOUND] = "not found",
	[LULL_ECONFLICT] = "conflict",
	[LULL_ESTORE] = "database error",
};

const char *
lull_strerror(enum lull_err e)
{
	if ((unsigned)e >= LULL_ERR__MAX || errstr[e] == NULL)
		return "unknown error";
	return errstr[e];
}

enum lull_err
lull_errinfo_set(struct lull_errinfo *ei, enum lull_err code,
    const char *field, const char *fmt, ...)
{
	va_list ap;

	if (ei == NULL)
		return code;
	ei->code = code;
	snprintf(ei->field, sizeof(ei->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(ei->msg, sizeof(ei->msg), fmt, ap);
	va_end(ap);
	return code;
}

void
lull_errinfo_clear(struct lull_errinfo *ei)
{
	if (ei != NULL)
		memset(ei, 0, sizeof(*ei));
}
