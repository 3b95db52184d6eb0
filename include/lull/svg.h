/*
 * Charts as SVG, built in memory from core data (no I/O): the sleep diary
 * (a row a day, 24 hours across) and the trends (total sleep, night
 * wakings, time to fall asleep, with the usual range for the age shaded).
 *
 * Made for a phone: a 360-unit-wide viewBox that scales to the screen,
 * text of 10 units or more.  Accessible: the root has role="img" and is
 * labelled by its <title> and <desc>, the <desc> says in words what the
 * chart shows, every row and mark carries a <title>, and colour is never
 * the only cue (nights and naps differ in lightness, wakings and feeds in
 * shape).
 *
 * Every piece of text that is not our own markup goes through one
 * function, lull_xml_escape(), so a child called "<Mia & co>" cannot
 * break or inject into the document.
 * SPDX-License-Identifier: ISC
 */
#ifndef LULL_SVG_H
#define LULL_SVG_H

#include <stddef.h>
#include <stdint.h>

#include "lull/err.h"
#include "lull/model.h"
#include "lull/stats.h"
#include "lull/tz.h"

/*
 * Escape "s" for XML and HTML text and attribute values: & < > " ' as
 * entities, control characters other than tab and newline dropped, and
 * bytes that are not valid UTF-8 replaced by U+FFFD.  Writes at most
 * dstsz bytes, always terminated (when dstsz > 0), and returns the length
 * the whole escaped text needs (as snprintf does).
 */
size_t lull_xml_escape(char *dst, size_t dstsz, const char *s);

struct lull_svg_diary {
	const struct lull_tz *tz;
	const char *child_name;		  /* for the title */
	const struct lull_child *child;	  /* for nap or night; may be NULL */
	const struct lull_sleepv *sleeps; /* oldest first */
	const struct lull_feedv *feeds;	  /* oldest first; may be NULL */
	const struct lull_caregiverv *caregivers; /* names; may be NULL */
	int32_t from_day, to_day;	  /* rows, inclusive */
	int64_t now_utc;		  /* ongoing sleeps end here */
};

/*
 * The sleep diary.  On success *out is a malloc'd, NUL-terminated SVG
 * document of *len bytes.  LULL_EINVAL for a range the wrong way round or
 * longer than 366 days, LULL_ENOMEM.
 */
LULL_MUST_CHECK enum lull_err lull_svg_diary(const struct lull_svg_diary *,
    char **out, size_t *len, struct lull_errinfo *ei);

struct lull_svg_trends {
	const char *child_name;
	const struct lull_day_stats *days; /* consecutive days */
	size_t ndays;
	size_t lead; /* days[0..lead) are not drawn: they only give the
			first days their 7-day median */
};

/*
 * The trends: three panels (total sleep, night wakings, time to fall
 * asleep), each with the days' values as dots, their 7-day median as a
 * line, and the usual range for the child's age on each day shaded
 * (norms.h; the recommended range too for total sleep).  Same contract as
 * lull_svg_diary(); LULL_EINVAL for no days to draw or more than 3661.
 */
LULL_MUST_CHECK enum lull_err lull_svg_trends(const struct lull_svg_trends *,
    char **out, size_t *len, struct lull_errinfo *ei);

#endif
