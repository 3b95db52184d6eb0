/*
 * Dates, times, durations and amounts as other apps write them.
 *
 * Apps write dates in the phone's locale: 2024-09-19, 9/19/24, 19/09/2024,
 * 19.09.24, Sep 19, 2024; times as 19:35, 7:35 PM, 7:35 pm or 7:35 p.m.,
 * with a plain, no-break or narrow no-break space (iOS) before the
 * marker.  What is read here is only what is unambiguous on its own;
 * whether 03/04/2024 is the 3rd of April or the 4th of March is decided
 * for a whole file (imp_dates_decide), or refused.  Anything else, such as
 * a localised am/pm word, is an error that quotes the text: a wrong guess
 * would put every sleep at the wrong time without anyone noticing.
 * SPDX-License-Identifier: ISC
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lull/cal.h"

#include "import_int.h"

/* Spaces, including UTF-8 no-break (C2 A0), narrow no-break (E2 80 AF)
 * and thin (E2 80 89) spaces. */
static size_t
space_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == ' ' || *u == '\t')
		return 1;
	if (u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xaf || u[2] == 0x89))
		return 3;
	return 0;
}

static const char *
skip_space(const char *s)
{
	size_t n;

	while ((n = space_len(s)) > 0)
		s += n;
	return s;
}

/* Up to 9 digits. */
static const char *
number(const char *s, int *v, int *ndig)
{
	int n = 0, x = 0;

	while (isdigit((unsigned char)s[n]) && n < 9)
		x = x * 10 + (s[n++] - '0');
	if (n == 0 || isdigit((unsigned char)s[n]))
		return NULL;
	*v = x;
	*ndig = n;
	return s + n;
}

static size_t
word_len(const char *s)
{
	size_t n = 0;

	while (isalpha((unsigned char)s[n]))
		n++;
	return n;
}

static int
word_is(const char *s, size_t n, const char *w)
{
	return n == strlen(w) && strncasecmp(s, w, n) == 0;
}

/* 1..12 for an English month name or its abbreviation, else 0. */
static int
month_of(const char *s, size_t n)
{
	static const char *const names[12] = { "january", "february", "march",
		"april", "may", "june", "july", "august", "september",
		"october", "november", "december" };
	int i;

	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++)
		if (n <= strlen(names[i]) && strncasecmp(s, names[i], n) == 0)
			return i + 1;
	return 0;
}

static int
weekday_word(const char *s, size_t n)
{
	static const char *const names[7] = { "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday", "sunday" };
	int i;

	if (n < 3)
		return 0;
	for (i = 0; i < 7; i++)
		if (n <= strlen(names[i]) && strncasecmp(s, names[i], n) == 0)
			return 1;
	return 0;
}

static int
is_datesep(char c)
{
	return c == '/' || c == '-' || c == '.';
}

/* The date at "s": numeric, year first, or with a month name. */
static const char *
scan_date(const char *s, struct imp_dt *dt, const char **why)
{
	const char *p;
	size_t n;
	int v, nd, m;
	char sep;

	s = skip_space(s);
	n = word_len(s);
	if (n > 0 && weekday_word(s, n)) {
		s = skip_space(s + n);
		if (*s == ',')
			s = skip_space(s + 1);
		n = word_len(s);
	}
	if (n > 0) {
		/* "Sep 19, 2024" */
		if ((m = month_of(s, n)) == 0) {
			*why = "unknown word where a date should start";
			return NULL;
		}
		s = skip_space(s + n);
		if (*s == '.')
			s = skip_space(s + 1);
		if ((p = number(s, &v, &nd)) == NULL || nd > 2) {
			*why = "no day after the month";
			return NULL;
		}
		dt->d = v;
		s = skip_space(p);
		if (*s == ',')
			s = skip_space(s + 1);
		if ((p = number(s, &v, &nd)) == NULL || nd != 4) {
			*why = "no four-digit year";
			return NULL;
		}
		dt->y = v;
		dt->m = m;
		dt->resolved = 1;
		return p;
	}
	if ((p = number(s, &v, &nd)) == NULL) {
		*why = "no date";
		return NULL;
	}
	s = p;
	dt->p[0] = v;
	dt->ndig[0] = nd;
	if (nd <= 2 && (*s == ' ' || *s == '-' || *s == '.') &&
	    month_of(skip_space(s + 1), word_len(skip_space(s + 1))) != 0) {
		/* "19 Sep 2024", "19-Sep-2024" */
		s = skip_space(s + 1);
		n = word_len(s);
		dt->m = month_of(s, n);
		s = skip_space(s + n);
		if (*s == '-' || *s == '.' || *s == ',')
			s = skip_space(s + 1);
		if ((p = number(s, &v, &nd)) == NULL || nd != 4) {
			*why = "no four-digit year";
			return NULL;
		}
		dt->d = dt->p[0];
		dt->y = v;
		dt->resolved = 1;
		return p;
	}
	if (!is_datesep(*s)) {
		*why = "no separator in the date";
		return NULL;
	}
	sep = *s++;
	if ((p = number(s, &v, &nd)) == NULL || nd > 2 || *p != sep) {
		*why = "the date is not three numbers";
		return NULL;
	}
	dt->p[1] = v;
	dt->ndig[1] = nd;
	s = p + 1;
	if ((p = number(s, &v, &nd)) == NULL) {
		*why = "the date is not three numbers";
		return NULL;
	}
	dt->p[2] = v;
	dt->ndig[2] = nd;
	if (dt->ndig[0] == 4) {
		dt->y = dt->p[0];
		dt->m = dt->p[1];
		dt->d = dt->p[2];
		dt->resolved = 1;
		if (nd > 2) {
			*why = "the day has more than two digits";
			return NULL;
		}
	} else if (dt->ndig[0] > 2 || (nd != 2 && nd != 4)) {
		*why = "the year is not two or four digits";
		return NULL;
	}
	/* A dotted date with a trailing dot: "19.09.2024." */
	if (sep == '.' && *p == '.')
		p++;
	return p;
}

static const char *
scan_time(const char *s, struct imp_dt *dt, const char **why)
{
	const char *p;
	size_t n;
	int v, nd;

	if ((p = number(s, &v, &nd)) == NULL || nd > 2 || *p != ':') {
		*why = "no time of day (H:MM)";
		return NULL;
	}
	dt->h = v;
	if ((p = number(p + 1, &v, &nd)) == NULL || nd != 2) {
		*why = "the minutes are not two digits";
		return NULL;
	}
	dt->mi = v;
	if (*p == ':') {
		if ((p = number(p + 1, &v, &nd)) == NULL || nd != 2) {
			*why = "the seconds are not two digits";
			return NULL;
		}
		dt->s = v;
		/* Fractions of a second are dropped. */
		if (*p == '.' || *p == ',') {
			p++;
			while (isdigit((unsigned char)*p))
				p++;
		}
	}
	dt->has_time = 1;
	s = skip_space(p);
	n = word_len(s);
	if (n > 0) {
		/* am, pm, AM, a.m., A.M. */
		if (word_is(s, n, "am") || word_is(s, n, "pm")) {
			dt->ampm = tolower((unsigned char)s[0]) == 'a' ? 1 : 2;
			s += n;
		} else if (n == 1 &&
		    (s[0] == 'a' || s[0] == 'p' || s[0] == 'A' ||
			s[0] == 'P') &&
		    s[1] == '.' && (s[2] == 'm' || s[2] == 'M')) {
			dt->ampm = tolower((unsigned char)s[0]) == 'a' ? 1 : 2;
			s += 3;
			if (*s == '.')
				s++;
		} else if (!(n == 1 && (s[0] == 'Z' || s[0] == 'z'))) {
			*why = "unknown word after the time (am/pm in "
			       "another language?)";
			return NULL;
		}
	}
	if (dt->h > 23 || dt->mi > 59 || dt->s > 60) {
		*why = "no such time of day";
		return NULL;
	}
	if (dt->ampm == 1 && dt->h > 12) {
		*why = "an hour above 12 with AM";
		return NULL;
	}
	/*
	 * 12 AM is midnight and 12 PM noon.  Hatch writes "22:50 PM" and
	 * "0:00 AM": a 24-hour time with a marker, which can only mean one
	 * thing, so it is read as the 24-hour time.
	 */
	if (dt->ampm == 1 && dt->h == 12)
		dt->h = 0;
	else if (dt->ampm == 2 && dt->h < 12)
		dt->h += 12;
	return s;
}

static const char *
scan_offset(const char *s, struct imp_dt *dt, const char **why)
{
	const char *p;
	int sign, hh, mm = 0, nd;

	s = skip_space(s);
	if (*s == 'Z' || *s == 'z') {
		dt->has_off = 1;
		dt->off = 0;
		return s + 1;
	}
	if (*s != '+' && *s != '-')
		return s;
	sign = *s == '-' ? -1 : 1;
	if ((p = number(s + 1, &hh, &nd)) == NULL || (nd != 2 && nd != 4)) {
		*why = "an offset that is not +hh:mm";
		return NULL;
	}
	if (nd == 4) {
		mm = hh % 100;
		hh /= 100;
	} else if (*p == ':') {
		if ((p = number(p + 1, &mm, &nd)) == NULL || nd != 2) {
			*why = "an offset that is not +hh:mm";
			return NULL;
		}
	}
	if (hh > 15 || mm > 59) {
		*why = "no such offset";
		return NULL;
	}
	dt->has_off = 1;
	dt->off = sign * (hh * 3600 + mm * 60);
	return p;
}

int
imp_dt_scan(const char *s, struct imp_dt *dt, const char **why)
{
	const char *p;
	size_t n;

	memset(dt, 0, sizeof(*dt));
	*why = "";
	if ((p = scan_date(s, dt, why)) == NULL)
		return -1;
	/* Between date and time: spaces, a comma, a T, or "at". */
	s = skip_space(p);
	if (*s == ',')
		s = skip_space(s + 1);
	else if ((*s == 'T' || *s == 't') && isdigit((unsigned char)s[1]))
		s++;
	n = word_len(s);
	if (word_is(s, n, "at"))
		s = skip_space(s + n);
	if (*s == '\0')
		return 0;
	if ((p = scan_time(s, dt, why)) == NULL)
		return -1;
	if ((p = scan_offset(p, dt, why)) == NULL)
		return -1;
	p = skip_space(p);
	if (*p != '\0') {
		*why = "text after the time";
		return -1;
	}
	return 0;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
valid_date(int y, int m, int d)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

static int
year_of(int v, int ndig)
{
	/* Two-digit years are this century's: a baby log is recent. */
	return ndig == 2 ? 2000 + v : v;
}

/* The date under "order"; 0 if it is no date that way. */
static int
date_as(const struct imp_dt *dt, enum lull_date_order order, int *y, int *m,
    int *d)
{
	if (dt->resolved) {
		*y = dt->y;
		*m = dt->m;
		*d = dt->d;
	} else if (order == LULL_DATES_DMY) {
		*d = dt->p[0];
		*m = dt->p[1];
		*y = year_of(dt->p[2], dt->ndig[2]);
	} else if (order == LULL_DATES_MDY) {
		*m = dt->p[0];
		*d = dt->p[1];
		*y = year_of(dt->p[2], dt->ndig[2]);
	} else {
		/* Year first with two digits: "24/09/19". */
		*y = year_of(dt->p[0], dt->ndig[0]);
		*m = dt->p[1];
		*d = dt->p[2];
		if (dt->ndig[2] > 2)
			return 0;
	}
	return valid_date(*y, *m, *d);
}

void
imp_dates_add(struct imp_dates *ev, const struct imp_dt *dt, uint32_t line,
    int col, const char *text)
{
	int y, m, d, okd, okm;
	int32_t dd = 0, dm = 0;

	ev->n++;
	if (dt->resolved)
		return;
	okd = date_as(dt, LULL_DATES_DMY, &y, &m, &d);
	if (okd)
		dd = lull_days_from_civil(y, m, d);
	okm = date_as(dt, LULL_DATES_MDY, &y, &m, &d);
	if (okm)
		dm = lull_days_from_civil(y, m, d);
	if (okd && !okm && ev->dmy_line == 0) {
		ev->dmy_line = line;
		ev->dmy_col = col;
	}
	if (okm && !okd && ev->mdy_line == 0) {
		ev->mdy_line = line;
		ev->mdy_col = col;
	}
	if (!okd || !okm)
		return;
	if (dd != dm && ev->ambiguous++ == 0) {
		size_t n = strlen(text);

		if (n >= sizeof(ev->example))
			n = sizeof(ev->example) - 1;
		memcpy(ev->example, text, n);
		ev->example[n] = '\0';
		ev->example_line = line;
	}
	/*
	 * How far the dates walk, row by row, read either way.  A journal
	 * moves by hours from one row to the next; read the wrong way round,
	 * its days jump by months.
	 */
	if (ev->have_prev) {
		ev->path_dmy +=
		    dd > ev->prev_dmy ? dd - ev->prev_dmy : ev->prev_dmy - dd;
		ev->path_mdy +=
		    dm > ev->prev_mdy ? dm - ev->prev_mdy : ev->prev_mdy - dm;
	}
	ev->have_prev = 1;
	ev->prev_dmy = dd;
	ev->prev_mdy = dm;
}

enum lull_err
imp_dates_decide(struct imp_file *f, const struct imp_dates *ev,
    const char *colname)
{
	if (f->im->dates != LULL_DATES_AUTO) {
		f->dates = f->im->dates;
		return LULL_OK;
	}
	if (ev->dmy_line != 0 && ev->mdy_line != 0)
		return imp_fail(f,
		    ev->dmy_line > ev->mdy_line ? ev->dmy_line : ev->mdy_line,
		    ev->dmy_line > ev->mdy_line ? ev->dmy_col : ev->mdy_col,
		    colname,
		    "the dates mix day-first (line %u) and month-first "
		    "(line %u) styles",
		    (unsigned)ev->dmy_line, (unsigned)ev->mdy_line);
	if (ev->dmy_line != 0)
		f->dates = LULL_DATES_DMY;
	else if (ev->mdy_line != 0 || ev->ambiguous == 0)
		f->dates = LULL_DATES_MDY;
	else if (ev->path_dmy * 3 < ev->path_mdy)
		f->dates = LULL_DATES_DMY;
	else if (ev->path_mdy * 3 < ev->path_dmy)
		f->dates = LULL_DATES_MDY;
	else
		return imp_fail(f, ev->example_line, 0, NULL,
		    "cannot tell whether \"%s\" is day-first or month-first: "
		    "no date in the file has a day above 12 and the order of "
		    "the rows does not settle it; give --date-order dmy or "
		    "mdy",
		    ev->example);
	return LULL_OK;
}

int
imp_dt_time(const struct imp_dt *dt, enum lull_date_order order,
    struct imp_time *out, const char **why)
{
	int y, m, d;
	int32_t day, sec;

	memset(out, 0, sizeof(*out));
	if (!date_as(dt, order == LULL_DATES_AUTO ? LULL_DATES_MDY : order, &y,
		&m, &d)) {
		*why = order == LULL_DATES_YMD
		    ? "no such date (read year first)"
		    : order == LULL_DATES_DMY
		    ? "no such date (read day first)"
		    : "no such date (read month first)";
		return -1;
	}
	if (!dt->has_time) {
		*why = "a date without a time of day";
		return -1;
	}
	day = lull_days_from_civil(y, m, d);
	sec = dt->h * 3600 + dt->mi * 60 + (dt->s > 59 ? 59 : dt->s);
	if (dt->has_off) {
		out->kind = IMP_T_UTC;
		out->utc = (int64_t)day * 86400 + sec - dt->off;
	} else {
		out->kind = IMP_T_WALL;
		out->day = day;
		out->sec = sec;
	}
	return 0;
}

/* Durations */

static const char *
decimal(const char *s, double *v)
{
	char *end;

	if (!isdigit((unsigned char)*s) && *s != '.')
		return NULL;
	*v = strtod(s, &end);
	if (end == s || !isfinite(*v) || *v < 0 || *v > 1e7)
		return NULL;
	return end;
}

int
imp_dur_parse(const char *s, int64_t unit, int64_t *sec)
{
	const char *p;
	double v, total = 0;
	int h, m, x = 0, nd, parts = 0;
	size_t n;

	s = skip_space(s);
	if (*s == '\0')
		return -1;
	if (strchr(s, ':') != NULL) {
		if ((p = number(s, &h, &nd)) == NULL || *p != ':' ||
		    (p = number(p + 1, &m, &nd)) == NULL || nd != 2 || m > 59)
			return -1;
		if (*p == ':' &&
		    ((p = number(p + 1, &x, &nd)) == NULL || nd != 2 || x > 59))
			return -1;
		if (*skip_space(p) != '\0')
			return -1;
		*sec = (int64_t)h * 3600 + m * 60 + x;
		return 0;
	}
	while (*s != '\0') {
		if ((p = decimal(s, &v)) == NULL)
			return -1;
		s = skip_space(p);
		n = word_len(s);
		if (n == 0) {
			if (parts > 0 || unit <= 0 || *s != '\0')
				return -1;
			total += v * (double)unit;
		} else if (word_is(s, n, "h") || word_is(s, n, "hr") ||
		    word_is(s, n, "hrs") || word_is(s, n, "hour") ||
		    word_is(s, n, "hours"))
			total += v * 3600;
		else if (word_is(s, n, "m") || word_is(s, n, "min") ||
		    word_is(s, n, "mins") || word_is(s, n, "minute") ||
		    word_is(s, n, "minutes"))
			total += v * 60;
		else if (word_is(s, n, "s") || word_is(s, n, "sec") ||
		    word_is(s, n, "secs") || word_is(s, n, "second") ||
		    word_is(s, n, "seconds"))
			total += v;
		else
			return -1;
		parts++;
		s = skip_space(s + n);
		if (*s == ',')
			s = skip_space(s + 1);
	}
	if (total > 1e8)
		return -1;
	*sec = (int64_t)llround(total);
	return 0;
}

int
imp_amount_ml(const char *s, double unit_ml, int32_t *ml)
{
	const char *p;
	double v, f;
	size_t n;

	s = skip_space(s);
	if ((p = decimal(s, &v)) == NULL)
		return -1;
	s = skip_space(p);
	n = word_len(s);
	if (n == 0)
		f = unit_ml;
	else if (word_is(s, n, "ml") || word_is(s, n, "cc"))
		f = 1;
	else if (word_is(s, n, "oz"))
		f = 29.5735;
	else if (word_is(s, n, "fl") &&
	    word_is(skip_space(s + n), word_len(skip_space(s + n)), "oz")) {
		f = 29.5735;
		s = skip_space(s + n);
		n = word_len(s);
	} else if (word_is(s, n, "l"))
		f = 1000;
	else
		return -1;
	if (f <= 0 || *skip_space(s + n) != '\0' || v * f > 100000)
		return -1;
	*ml = (int32_t)lround(v * f);
	return 0;
}

/* The date columns of a CSV file */

enum lull_err
imp_dtab_scan(struct imp_file *f, const struct imp_csv *t, size_t from,
    const int *cols, size_t ncols, struct imp_dtab *dtab)
{
	struct imp_dates ev;
	const char *why, *text;
	enum lull_err rc;
	size_t r, i, hdr = from > 0 ? from - 1 : 0;

	memset(dtab, 0, sizeof(*dtab));
	memset(&ev, 0, sizeof(ev));
	if (ncols > sizeof(dtab->cols) / sizeof(dtab->cols[0]))
		ncols = sizeof(dtab->cols) / sizeof(dtab->cols[0]);
	dtab->ncols = ncols;
	for (i = 0; i < ncols; i++)
		dtab->cols[i] = cols[i];
	if (t->nrows == 0)
		return imp_dates_decide(f, &ev, NULL);
	dtab->v = calloc(t->nrows * ncols, sizeof(*dtab->v));
	dtab->ok = calloc(t->nrows * ncols, 1);
	if (dtab->v == NULL || dtab->ok == NULL) {
		imp_dtab_free(dtab);
		return lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	}
	for (r = from; r < t->nrows; r++) {
		for (i = 0; i < ncols; i++) {
			text = imp_csv_get(t, r, cols[i]);
			if (cols[i] < 0 || text[0] == '\0')
				continue;
			if (imp_dt_scan(text, &dtab->v[r * ncols + i], &why)) {
				rc = imp_fail(f, t->rows[r].line, cols[i] + 1,
				    imp_csv_get(t, hdr, cols[i]),
				    "\"%s\" is not a date and time lull can "
				    "read: %s",
				    text, why);
				imp_dtab_free(dtab);
				return rc;
			}
			dtab->ok[r * ncols + i] = 1;
			imp_dates_add(&ev, &dtab->v[r * ncols + i],
			    t->rows[r].line, cols[i] + 1, text);
		}
	}
	rc = imp_dates_decide(f, &ev, imp_csv_get(t, hdr, cols[0]));
	if (rc != LULL_OK)
		imp_dtab_free(dtab);
	return rc;
}

void
imp_dtab_free(struct imp_dtab *dtab)
{
	free(dtab->v);
	free(dtab->ok);
	dtab->v = NULL;
	dtab->ok = NULL;
}

enum lull_err
imp_cell_time(struct imp_file *f, const struct imp_csv *t,
    const struct imp_dtab *dtab, size_t row, size_t i, struct imp_time *out)
{
	const char *why;

	memset(out, 0, sizeof(*out));
	if (i >= dtab->ncols || row >= t->nrows ||
	    !dtab->ok[row * dtab->ncols + i])
		return LULL_OK;
	if (imp_dt_time(&dtab->v[row * dtab->ncols + i], f->dates, out, &why))
		return imp_fail(f, t->rows[row].line, dtab->cols[i] + 1,
		    imp_csv_get(t, 0, dtab->cols[i]), "\"%s\": %s",
		    imp_csv_get(t, row, dtab->cols[i]), why);
	return LULL_OK;
}
