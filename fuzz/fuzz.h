/*
 * The importers' fuzz targets share this: run one parser over the input,
 * then the core's pure rules (times in a zone with daylight saving,
 * duplicates, overlaps, joins), and free everything.  Built two ways: with
 * clang and libFuzzer by "make fuzz", and with gcc against fuzz/replay.c,
 * which "make test" runs over every file of fuzz/corpus/<target>/ so the
 * corpus is a regression suite.
 * SPDX-License-Identifier: ISC
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "lull/import.h"
#include "lull/tz.h"
#include "lull/tzload.h"

#include "io/import_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A zone with both daylight-saving changes, loaded once; UTC if the
 * system has no zoneinfo. */
static const struct lull_tz *
fuzz_zone(void)
{
	static struct lull_tz *tz;
	struct lull_errinfo ei;

	if (tz == NULL && lull_tz_load(&tz, "Europe/Berlin", &ei) != LULL_OK &&
	    lull_tz_utc(&tz) != LULL_OK)
		abort();
	return tz;
}

static int
fuzz_import(const struct imp_format *fmt, const char *name, const char *map,
    const uint8_t *data, size_t size)
{
	struct lull_import_report rep;
	struct lull_errinfo ei;
	struct imp im;
	enum lull_err rc;
	size_t i;

	imp_init(&im, &rep, &ei);
	im.map = map;
	if (imp_parse(&im, fmt, name, data, size, 0) == LULL_OK) {
		if (im.nkids > 0 &&
		    (im.kid_id = calloc(im.nkids, sizeof(*im.kid_id))) == NULL)
			abort();
		for (i = 0; i < im.nkids; i++)
			im.kid_id[i] = (int64_t)(i % 3) + 1;
		im.anon_id = 1;
		/* 2026-11-01: most fuzzed dates are in the past.  Errors
		 * are fine; crashes, leaks and hangs are not. */
		rc = imp_settle(&im, fuzz_zone(), 1793491200, (int)(size & 1));
		(void)rc;
	}
	imp_free(&im);
	lull_import_report_free(&rep);
	return 0;
}

#endif
