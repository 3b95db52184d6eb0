/*
 * Loading zones from the system's zoneinfo (this is I/O, so it lives in
 * src/io, not in core).
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_TZLOAD_H
#define LULL_TZLOAD_H

#include "lull/err.h"
#include "lull/tz.h"

/*
 * Load the IANA zone "name" ("Europe/Berlin", "UTC") from $TZDIR or
 * /usr/share/zoneinfo.  Names with "..", a leading "/" or characters
 * outside [A-Za-z0-9/_+-] are refused.  LULL_ENOTFOUND (field "tz") if no
 * such zone.  *out is released with lull_tz_free().
 */
LULL_MUST_CHECK enum lull_err lull_tz_load(struct lull_tz **out,
    const char *name, struct lull_errinfo *ei);

/*
 * The system's zone name: $TZ if it names a zone (a leading ':' is
 * dropped), else the target of the /etc/localtime link, else
 * /etc/timezone, else "UTC".  Writes into buf.
 */
void lull_tz_system_name(char *buf, size_t bufsz);

#endif
