/*
 * The importers' core: which parser reads a file, then the rules every
 * format shares, then the journal.
 *
 *  1. Parse: each source is detected (or --format) and parsed into
 *     records with the times the file wrote; a zip is opened and its
 *     files parsed in turn.
 *  2. Children: the names the files give are matched to the household's
 *     children (or --child).
 *  3. Settle: wall times are read in the zone with the DST rules of
 *     docs/time.md; rows that cannot be a sleep or a feed (zero length, in
 *     the future, longer than the journal allows, no end) are dropped;
 *     duplicates and overlaps are resolved; what the journal holds
 *     already is left out (the only store reads, none without a store);
 *     then a night split at midnight is joined, and so (unless --no-join)
 *     are night sessions split by a short gap, the gap becoming a night
 *     waking.  docs/import.md has the rules.
 *  4. Write: the rest in one transaction, through the store's batches.
 * Every record dropped or changed on the way is counted and, when it is
 * not just a row of a kind lull does not keep, listed with its file and
 * line.
 * SPDX-License-Identifier: ISC
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "lull/cal.h"
#include "lull/import.h"
#include "lull/journal.h"
#include "lull/store.h"

#include "import_int.h"

/* [POLICY] The joining rules; docs/import.md explains the choices. */
#define JOIN_MIDNIGHT_GAP  120         /* 23:59 -> 00:00 is one night */
#define JOIN_GAP_MAX       (60 * 60)   /* a waking up to an hour long */
#define JOIN_WAKE_FROM_SEC (19 * 3600) /* the gap starts 19:00 .. */
#define JOIN_WAKE_TO_SEC   (6 * 3600)  /* .. to 06:00 local */
#define FEED_IN_GAP_SLACK  (10 * 60)   /* a feed just before a waking */

/* Zips: members and total size, against archive bombs. */
#define ZIP_MEMBER_MAX (128L * 1024 * 1024)
#define ZIP_TOTAL_MAX  (512L * 1024 * 1024)

static const struct imp_format *const formats[] = {
	&imp_fmt_huckleberry,
	&imp_fmt_babybuddy,
	&imp_fmt_babybuddy_json,
	&imp_fmt_babytracker,
	&imp_fmt_glow,
	&imp_fmt_babyconnect,
	&imp_fmt_hatch,
	&imp_fmt_generic,
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

const char *
lull_import_format_name(size_t i)
{
	return i < NFORMATS ? formats[i]->name : NULL;
}

const char *
lull_import_format_label(size_t i)
{
	return i < NFORMATS ? formats[i]->label : NULL;
}

const struct imp_format *
imp_format_find(const char *name)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (imp_streq(formats[i]->name, name))
			return formats[i];
	return NULL;
}

const struct imp_format *
imp_detect(const struct imp_peek *pk)
{
	const struct imp_format *best = NULL;
	int score, top = 0;
	size_t i;

	for (i = 0; i < NFORMATS; i++) {
		if (formats[i]->detect == NULL)
			continue;
		score = formats[i]->detect(pk);
		if (score > top) {
			top = score;
			best = formats[i];
		}
	}
	return best;
}

/* State */

static enum lull_err
oom(struct imp *im)
{
	return lull_errinfo_set(im->ei, LULL_ENOMEM, "", "out of memory");
}

static int
grow(void **v, size_t want, size_t *cap, size_t size)
{
	size_t ncap = *cap ? *cap : 16;
	void *p;

	if (want <= *cap)
		return 0;
	while (ncap < want) {
		if (ncap > ((size_t)-1) / 2 / size)
			return -1;
		ncap *= 2;
	}
	if ((p = realloc(*v, ncap * size)) == NULL)
		return -1;
	*v = p;
	*cap = ncap;
	return 0;
}

void
imp_init(struct imp *im, struct lull_import_report *rep,
    struct lull_errinfo *ei)
{
	memset(im, 0, sizeof(*im));
	memset(rep, 0, sizeof(*rep));
	rep->first_utc = rep->last_utc = LULL_NO_TIME;
	im->rep = rep;
	im->ei = ei;
}

void
imp_free(struct imp *im)
{
	size_t i;

	for (i = 0; i < im->nsrc; i++)
		free(im->src[i].name);
	free(im->src);
	for (i = 0; i < im->nrec; i++)
		free(im->rec[i].note);
	free(im->rec);
	for (i = 0; i < im->nkids; i++)
		free(im->kids[i]);
	free(im->kids);
	free(im->why);
	free(im->kid_id);
	for (i = 0; i < im->nout_s; i++)
		lull_sleep_free(&im->out_s[i]);
	free(im->out_s);
	free(im->out_s_rec);
	for (i = 0; i < im->nout_f; i++)
		lull_feed_free(&im->out_f[i]);
	free(im->out_f);
	free(im->out_f_rec);
	memset(im, 0, sizeof(*im));
}

void
lull_import_report_free(struct lull_import_report *rep)
{
	size_t i;

	if (rep == NULL)
		return;
	for (i = 0; i < rep->nfiles; i++)
		free(rep->files[i].name);
	free(rep->files);
	for (i = 0; i < rep->nreasons; i++)
		free(rep->reasons[i].text);
	free(rep->reasons);
	for (i = 0; i < rep->nevents; i++) {
		free(rep->events[i].where);
		free(rep->events[i].msg);
	}
	free(rep->events);
	memset(rep, 0, sizeof(*rep));
	rep->first_utc = rep->last_utc = LULL_NO_TIME;
}

static void
where(const struct imp *im, uint32_t src, uint32_t line, char *buf,
    size_t bufsz)
{
	const struct imp_src *s = src < im->nsrc ? &im->src[src] : NULL;

	if (s == NULL) {
		snprintf(buf, bufsz, "children");
		return;
	}
	if (line == 0)
		snprintf(buf, bufsz, "%s", s->name);
	else if (s->items)
		snprintf(buf, bufsz, "%s: item %u", s->name, (unsigned)line);
	else
		snprintf(buf, bufsz, "%s:%u", s->name, (unsigned)line);
}

enum lull_err
imp_event(struct imp *im, uint32_t src, uint32_t line,
    enum lull_import_what what, const char *fmt, ...)
{
	struct lull_import_report *rep = im->rep;
	struct lull_import_event *e;
	char w[4200], msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	where(im, src, line, w, sizeof(w));
	if (grow((void **)&rep->events, rep->nevents + 1, &im->evcap,
		sizeof(*e)) != 0)
		return oom(im);
	e = &rep->events[rep->nevents];
	e->what = what;
	e->where = strdup(w);
	e->msg = strdup(msg);
	if (e->where == NULL || e->msg == NULL) {
		free(e->where);
		free(e->msg);
		return oom(im);
	}
	rep->nevents++;
	return LULL_OK;
}

enum lull_err
imp_fail(struct imp_file *f, uint32_t line, int col, const char *colname,
    const char *fmt, ...)
{
	char w[4200], msg[256], field[32];
	const struct imp_src *s = &f->im->src[f->src];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	where(f->im, f->src, line, w, sizeof(w));
	snprintf(field, sizeof(field), "%s", colname ? colname : "");
	if (s->items && colname != NULL)
		return lull_errinfo_set(f->im->ei, LULL_EINVAL, field,
		    "%s: \"%s\": %s", w, colname, msg);
	if (col > 0 && colname != NULL)
		return lull_errinfo_set(f->im->ei, LULL_EINVAL, field,
		    "%s: column %d (\"%s\"): %s", w, col, colname, msg);
	if (col > 0)
		return lull_errinfo_set(f->im->ei, LULL_EINVAL, field,
		    "%s: column %d: %s", w, col, msg);
	return lull_errinfo_set(f->im->ei, LULL_EINVAL, field, "%s: %s", w,
	    msg);
}

struct imp_rec *
imp_rec_new(struct imp_file *f, enum imp_type type, uint32_t line)
{
	struct imp *im = f->im;
	struct imp_rec *r;

	if (grow((void **)&im->rec, im->nrec + 1, &im->reccap,
		sizeof(*im->rec)) != 0) {
		oom(im);
		return NULL;
	}
	r = &im->rec[im->nrec++];
	memset(r, 0, sizeof(*r));
	r->type = type;
	r->src = f->src;
	r->line = line;
	r->kid = -1;
	r->dur = -1;
	r->kind = -1;
	r->ml = LULL_UNKNOWN;
	if (type == IMP_SLEEP)
		im->rep->sleep_rows++;
	else
		im->rep->feed_rows++;
	return r;
}

int32_t
imp_kid(struct imp_file *f, const char *name)
{
	struct imp *im = f->im;
	size_t i;

	if (name == NULL || name[0] == '\0')
		return -1;
	for (i = 0; i < im->nkids; i++)
		if (imp_streq(im->kids[i], name))
			return (int32_t)i;
	if (im->nkids >= 1000 ||
	    grow((void **)&im->kids, im->nkids + 1, &im->kidcap,
		sizeof(*im->kids)) != 0 ||
	    (im->kids[im->nkids] = strdup(name)) == NULL) {
		oom(im);
		return -2;
	}
	return (int32_t)im->nkids++;
}

/* Count a row left out for "reason" (a static string). */
static enum lull_err
skip_at(struct imp *im, uint32_t src, uint32_t line, const char *reason,
    int itemise, const char *detail)
{
	size_t i;

	im->rep->skipped++;
	for (i = 0; i < im->nwhy; i++)
		if (im->why[i].text == reason ||
		    strcmp(im->why[i].text, reason) == 0)
			break;
	if (i == im->nwhy) {
		if (grow((void **)&im->why, im->nwhy + 1, &im->whycap,
			sizeof(*im->why)) != 0)
			return oom(im);
		im->why[im->nwhy].text = reason;
		im->why[im->nwhy++].n = 0;
	}
	im->why[i].n++;
	if (!itemise)
		return LULL_OK;
	if (detail != NULL)
		return imp_event(im, src, line, LULL_IMP_SKIP, "%s (%s)",
		    reason, detail);
	return imp_event(im, src, line, LULL_IMP_SKIP, "%s", reason);
}

enum lull_err
imp_skip(struct imp_file *f, uint32_t line, const char *reason, int itemise)
{
	return skip_at(f->im, f->src, line, reason, itemise, NULL);
}

enum lull_err
imp_note_add(struct imp_rec *r, const char *label, const char *text)
{
	size_t old, add;
	char *p;

	if (text == NULL || text[0] == '\0')
		return LULL_OK;
	old = r->note != NULL ? strlen(r->note) : 0;
	add = strlen(text) + (label ? strlen(label) + 2 : 0) + 2;
	if ((p = realloc(r->note, old + add + 1)) == NULL)
		return LULL_ENOMEM;
	r->note = p;
	snprintf(p + old, add + 1, "%s%s%s%s", old ? "; " : "",
	    label ? label : "", label ? ": " : "", text);
	return LULL_OK;
}

/* Parsing */

static enum lull_err parse_zip(struct imp *, const struct imp_format *,
    const char *, const unsigned char *, size_t);

static enum lull_err
add_src(struct imp *im, const char *name, uint32_t *idx)
{
	if (im->nsrc >= UINT32_MAX - 1 ||
	    grow((void **)&im->src, im->nsrc + 1, &im->srccap,
		sizeof(*im->src)) != 0)
		return oom(im);
	memset(&im->src[im->nsrc], 0, sizeof(im->src[0]));
	if ((im->src[im->nsrc].name = strdup(name)) == NULL)
		return oom(im);
	*idx = (uint32_t)im->nsrc++;
	return LULL_OK;
}

enum lull_err
imp_parse(struct imp *im, const struct imp_format *fmt, const char *name,
    const unsigned char *data, size_t len, int optional)
{
	struct imp_peek pk;
	struct imp_file f;
	enum lull_err rc;
	uint32_t idx;

	if (len >= 4 && memcmp(data, "PK\3\4", 4) == 0)
		return parse_zip(im, fmt, name, data, len);
	if ((rc = add_src(im, name, &idx)) != LULL_OK)
		return rc;
	memset(&f, 0, sizeof(f));
	f.im = im;
	f.src = idx;
	f.name = im->src[idx].name;
	f.dates = im->dates;
	if (fmt == NULL) {
		imp_peek_init(&pk, name, data, len);
		fmt = imp_detect(&pk);
		imp_peek_free(&pk);
	}
	if (fmt == NULL) {
		if (optional)
			return imp_event(im, idx, 0, LULL_IMP_NOTE,
			    "not an export lull knows: left out");
		return imp_fail(&f, 0, 0, NULL,
		    "not an export lull recognises (Huckleberry, Baby Buddy, "
		    "Baby Tracker, Glow, Baby Connect or Hatch); name the "
		    "format with --format, or map the columns with --format "
		    "generic --map");
	}
	im->src[idx].label = fmt->label;
	return fmt->parse(&f, data, len);
}

static int
zip_member_wanted(const char *n)
{
	const char *base = strrchr(n, '/');

	base = base ? base + 1 : n;
	if (*base == '\0' || base[0] == '.' || strncmp(n, "__MACOSX/", 9) == 0)
		return 0;
	return 1;
}

/* A zip of exports (Baby Tracker sends one): each member in turn. */
static enum lull_err
parse_zip(struct imp *im, const struct imp_format *fmt, const char *name,
    const unsigned char *data, size_t len)
{
	zip_source_t *zs;
	zip_t *z;
	zip_error_t ze;
	zip_stat_t sb;
	zip_file_t *zf;
	enum lull_err rc = LULL_OK;
	zip_int64_t i, n, got;
	unsigned char *buf;
	size_t total = 0, at, found = 0;
	char mname[4200];
	uint32_t idx;
	int err = 0;

	if (im->depth > 0) {
		if ((rc = add_src(im, name, &idx)) != LULL_OK)
			return rc;
		return imp_event(im, idx, 0, LULL_IMP_NOTE,
		    "a zip inside a zip: left out");
	}
	zip_error_init(&ze);
	if ((zs = zip_source_buffer_create(data, len, 0, &ze)) == NULL ||
	    (z = zip_open_from_source(zs, ZIP_RDONLY, &ze)) == NULL) {
		if (zs != NULL)
			zip_source_free(zs);
		if ((rc = add_src(im, name, &idx)) == LULL_OK) {
			struct imp_file f = { im, idx, im->src[idx].name,
				im->dates };

			rc = imp_fail(&f, 0, 0, NULL, "cannot open the zip: %s",
			    zip_error_strerror(&ze));
		}
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	im->depth++;
	n = zip_get_num_entries(z, 0);
	for (i = 0; rc == LULL_OK && i < n; i++) {
		if (zip_stat_index(z, (zip_uint64_t)i, 0, &sb) != 0 ||
		    !(sb.valid & ZIP_STAT_NAME) ||
		    !(sb.valid & ZIP_STAT_SIZE) || !zip_member_wanted(sb.name))
			continue;
		snprintf(mname, sizeof(mname), "%s:%s", name, sb.name);
		if (sb.size > (zip_uint64_t)ZIP_MEMBER_MAX ||
		    total + sb.size > (zip_uint64_t)ZIP_TOTAL_MAX) {
			if ((rc = add_src(im, mname, &idx)) == LULL_OK) {
				struct imp_file f = { im, idx,
					im->src[idx].name, im->dates };

				rc = imp_fail(&f, 0, 0, NULL,
				    "too large to import (%llu bytes)",
				    (unsigned long long)sb.size);
			}
			break;
		}
		total += sb.size;
		if ((buf = malloc(sb.size > 0 ? sb.size : 1)) == NULL) {
			rc = oom(im);
			break;
		}
		got = -1;
		if ((zf = zip_fopen_index(z, (zip_uint64_t)i, 0)) != NULL) {
			got = sb.size > 0 ? zip_fread(zf, buf, sb.size) : 0;
			zip_fclose(zf);
		}
		if (got < 0 || (zip_uint64_t)got != sb.size) {
			free(buf);
			err = 1;
			if ((rc = add_src(im, mname, &idx)) == LULL_OK) {
				struct imp_file f = { im, idx,
					im->src[idx].name, im->dates };

				rc = imp_fail(&f, 0, 0, NULL,
				    "cannot read this member of the zip");
			}
			break;
		}
		at = im->nsrc;
		rc = imp_parse(im, fmt, mname, buf, (size_t)got, 1);
		if (rc == LULL_OK && at < im->nsrc && im->src[at].label != NULL)
			found++;
		free(buf);
	}
	im->depth--;
	zip_discard(z);
	if (rc == LULL_OK && !err && found == 0) {
		if ((rc = add_src(im, name, &idx)) == LULL_OK) {
			struct imp_file f = { im, idx, im->src[idx].name,
				im->dates };

			rc = imp_fail(&f, 0, 0, NULL,
			    "the zip holds no export lull recognises");
		}
	}
	return rc;
}

/* Settling: times, checks, duplicates, overlaps, joins */

static int64_t
wall(const struct lull_tz *tz, const struct imp_time *t, enum lull_fold fold,
    enum lull_tz_res *res)
{
	int64_t utc;

	*res = lull_tz_resolve(tz, t->day, t->sec, fold, &utc);
	return utc;
}

/* The instants of record "r"; 0, or -1 when it has no usable start. */
static int
times_of(struct imp *im, const struct lull_tz *tz, struct imp_rec *r)
{
	enum lull_tz_res res, res2;
	int64_t e1, e2, want;

	if (r->start.kind == IMP_T_WALL) {
		r->s_utc = wall(tz, &r->start, LULL_FOLD_EARLIER, &res);
		if (res == LULL_TZ_GAP)
			im->rep->dst_gap++;
		else if (res == LULL_TZ_OVERLAP)
			im->rep->dst_overlap++;
	} else if (r->start.kind == IMP_T_UTC)
		r->s_utc = r->start.utc;
	else
		return -1;
	r->e_utc = LULL_NO_TIME;
	if (r->end.kind == IMP_T_WALL) {
		e1 = wall(tz, &r->end, LULL_FOLD_EARLIER, &res);
		if (res == LULL_TZ_OVERLAP) {
			/*
			 * An end that happened twice: the elapsed time the
			 * file gives decides; without it, the first
			 * occurrence after the start (docs/time.md).
			 */
			e2 = wall(tz, &r->end, LULL_FOLD_LATER, &res2);
			if (r->dur >= 0) {
				want = r->s_utc + r->dur;
				e1 = llabs(e2 - want) < llabs(e1 - want) ? e2
									 : e1;
			} else if (e1 <= r->s_utc)
				e1 = e2;
			im->rep->dst_overlap++;
		} else if (res == LULL_TZ_GAP)
			im->rep->dst_gap++;
		r->e_utc = e1;
	} else if (r->end.kind == IMP_T_UTC)
		r->e_utc = r->end.utc;
	else if (r->dur >= 0 && r->dur <= 10L * 86400)
		r->e_utc = r->s_utc + r->dur;
	return 0;
}

static void
fmt_local(const struct lull_tz *tz, int64_t utc, char *buf, size_t bufsz)
{
	char d[16], hm[16];

	if (utc == LULL_NO_TIME) {
		snprintf(buf, bufsz, "...");
		return;
	}
	lull_date_format(lull_local_day(tz, utc), d, sizeof(d));
	lull_time_format_hm(tz, utc, hm, sizeof(hm));
	snprintf(buf, bufsz, "%s %s", d, hm);
}

static void
fmt_span(const struct lull_tz *tz, int64_t a, int64_t b, char *buf,
    size_t bufsz)
{
	char x[40], y[40];

	fmt_local(tz, a, x, sizeof(x));
	fmt_local(tz, b, y, sizeof(y));
	snprintf(buf, bufsz, "%s to %s", x, y);
}

static const char WHY_NOSTART[] = "no start time";
static const char WHY_BACKWARDS[] = "ends before it starts";
static const char WHY_ZERO[] = "zero-length sleep";
static const char WHY_FUTURE[] = "in the future";
static const char WHY_LONG[] = "sleep longer than 20 hours";
static const char WHY_NOEND[] = "sleep with no end time that is not the "
				"latest one";
static const char WHY_RUNNING[] = "sleep timer still running at export, "
				  "too long ago to still be going on";
static const char WHY_UNSTOPPED[] = "sleep of duration 0 or no end (a timer "
				    "that was not stopped) that is not the "
				    "latest one";
static const char WHY_OTHERCHILD[] = "for another child";

/* Checks of one record on its own; 1 if it stays. */
static int
check_rec(struct imp *im, const struct lull_tz *tz, int64_t now,
    struct imp_rec *r, enum lull_err *rc)
{
	char a[100];

	*rc = LULL_OK;
	if (r->child_id == 0) {
		*rc = skip_at(im, r->src, r->line, WHY_OTHERCHILD, 0, NULL);
		return 0;
	}
	if (times_of(im, tz, r) != 0) {
		*rc = skip_at(im, r->src, r->line, WHY_NOSTART, 1, NULL);
		return 0;
	}
	if (r->s_utc > now + LULL_FUTURE_SLACK_SEC) {
		fmt_local(tz, r->s_utc, a, sizeof(a));
		*rc = skip_at(im, r->src, r->line, WHY_FUTURE, 1, a);
		return 0;
	}
	if (r->type == IMP_FEED) {
		/* A feed's start is what matters; an end that cannot be
		 * one is dropped, not the feed. */
		if (r->e_utc != LULL_NO_TIME &&
		    (r->e_utc <= r->s_utc ||
			r->e_utc - r->s_utc > LULL_FEED_MAX_SEC ||
			r->e_utc > now + LULL_FUTURE_SLACK_SEC))
			r->e_utc = LULL_NO_TIME;
		if (r->ml != LULL_UNKNOWN && (r->ml < 0 || r->ml > 2000))
			r->ml = LULL_UNKNOWN;
		if (r->fkind != LULL_FEED_BREAST)
			r->side = LULL_SIDE_NONE;
		return 1;
	}
	if (r->e_utc == LULL_NO_TIME)
		return 1; /* decided with its neighbours */
	if (r->e_utc < r->s_utc) {
		fmt_span(tz, r->s_utc, r->e_utc, a, sizeof(a));
		*rc = skip_at(im, r->src, r->line, WHY_BACKWARDS, 1, a);
		return 0;
	}
	if (r->e_utc == r->s_utc) {
		fmt_local(tz, r->s_utc, a, sizeof(a));
		*rc = skip_at(im, r->src, r->line, WHY_ZERO, 1, a);
		return 0;
	}
	if (r->e_utc > now + LULL_FUTURE_SLACK_SEC) {
		fmt_local(tz, r->e_utc, a, sizeof(a));
		*rc = skip_at(im, r->src, r->line, WHY_FUTURE, 1, a);
		return 0;
	}
	if (r->e_utc - r->s_utc > LULL_SLEEP_MAX_SEC) {
		fmt_span(tz, r->s_utc, r->e_utc, a, sizeof(a));
		*rc = skip_at(im, r->src, r->line, WHY_LONG, 1, a);
		return 0;
	}
	return 1;
}

static const struct imp_rec *sort_base;

static int
cmp_rec(const void *pa, const void *pb)
{
	const struct imp_rec *a = &sort_base[*(const uint32_t *)pa];
	const struct imp_rec *b = &sort_base[*(const uint32_t *)pb];
	int64_t ae, be;

	if (a->child_id != b->child_id)
		return a->child_id < b->child_id ? -1 : 1;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if (a->s_utc != b->s_utc)
		return a->s_utc < b->s_utc ? -1 : 1;
	/* The longest first (an open end is the longest), so that of two
	 * sleeps with one start the longer is kept. */
	ae = a->e_utc == LULL_NO_TIME ? INT64_MAX : a->e_utc;
	be = b->e_utc == LULL_NO_TIME ? INT64_MAX : b->e_utc;
	if (ae != be)
		return ae > be ? -1 : 1;
	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* Fold "b" into "a": notes and onsets, where "a" lacks them. */
static enum lull_err
absorb(struct imp_rec *a, const struct imp_rec *b)
{
	a->onset |= b->onset;
	if (a->place == LULL_PLACE_UNKNOWN)
		a->place = b->place;
	if (a->kind == -1)
		a->kind = b->kind;
	if (b->note != NULL &&
	    (a->note == NULL || strstr(a->note, b->note) == NULL))
		return imp_note_add(a, NULL, b->note);
	return LULL_OK;
}

/* What helped a child back to sleep, from how the next session began. */
static enum lull_response
response_of(uint32_t onset)
{
	if (onset & (1u << LULL_ONSET_FED))
		return LULL_RESP_FEED;
	if (onset & (1u << LULL_ONSET_BED_WITH_PARENT))
		return LULL_RESP_BROUGHT_TO_BED;
	if (onset & (1u << LULL_ONSET_ROCKED))
		return LULL_RESP_ROCK;
	if (onset & ((1u << LULL_ONSET_HELD) | (1u << LULL_ONSET_WORN)))
		return LULL_RESP_HOLD;
	if (onset & (1u << LULL_ONSET_PACIFIER))
		return LULL_RESP_PACIFIER;
	if (onset & (1u << LULL_ONSET_PATTED))
		return LULL_RESP_PAT;
	if (onset & (1u << LULL_ONSET_BESIDE_PARENT))
		return LULL_RESP_PRESENCE;
	if (onset & (1u << LULL_ONSET_ON_OWN))
		return LULL_RESP_NONE;
	return LULL_RESP_UNKNOWN;
}

static int
in_wake_window(int32_t sec)
{
	return sec >= JOIN_WAKE_FROM_SEC || sec < JOIN_WAKE_TO_SEC;
}

/*
 * What the journal has already, for one child's run of sleeps or feeds
 * (sorted, after duplicates and overlaps, before joins: a night an older
 * import stored in part is not joined over, so its later part comes in
 * on its own rather than being lost).  An identical sleep, or any sleep
 * or feed with the same start, is already imported; a sleep overlapping
 * a stored one is left out.
 */
static enum lull_err
journal_check(struct imp *im, const struct lull_tz *tz, const uint32_t *ix,
    size_t n, int sleeps)
{
	struct lull_sleepv have = { 0 };
	struct lull_feedv fh = { 0 };
	struct imp_rec *r;
	enum lull_err rc;
	int64_t lo = INT64_MAX, hi = INT64_MIN, re;
	size_t i, p = 0, q;
	char a[100], b[100];

	if (im->st == NULL)
		return LULL_OK;
	for (i = 0; i < n; i++) {
		r = &im->rec[ix[i]];
		if (r->drop)
			continue;
		re = r->e_utc == LULL_NO_TIME || !sleeps ? r->s_utc + 1
							 : r->e_utc;
		if (sleeps && r->e_utc == LULL_NO_TIME)
			re = INT64_MAX;
		lo = r->s_utc < lo ? r->s_utc : lo;
		hi = re > hi ? re : hi;
	}
	if (lo == INT64_MAX)
		return LULL_OK;
	rc = sleeps ? lull_store_sleep_range(im->st, im->hh,
			  im->rec[ix[0]].child_id, lo, hi, &have)
		    : lull_store_feed_range(im->st, im->hh,
			  im->rec[ix[0]].child_id, lo, hi, &fh);
	if (rc != LULL_OK) {
		*im->ei = *lull_store_error(im->st);
		return rc;
	}
	for (i = 0; rc == LULL_OK && i < n; i++) {
		const struct lull_sleep *o = NULL;

		r = &im->rec[ix[i]];
		if (r->drop)
			continue;
		if (!sleeps) {
			while (p < fh.n && fh.v[p].start_utc < r->s_utc)
				p++;
			if (p < fh.n && fh.v[p].start_utc == r->s_utc) {
				r->drop = 1;
				im->rep->existing++;
			}
			continue;
		}
		/* Both sorted by start: stored sleeps that end before this
		 * one starts are behind every later one too. */
		while (p < have.n && have.v[p].end_utc != LULL_NO_TIME &&
		    have.v[p].end_utc <= r->s_utc)
			p++;
		re = r->e_utc == LULL_NO_TIME ? INT64_MAX : r->e_utc;
		for (q = p; q < have.n && have.v[q].start_utc < re; q++)
			if (have.v[q].end_utc == LULL_NO_TIME ||
			    have.v[q].end_utc > r->s_utc) {
				o = &have.v[q];
				break;
			}
		if (o == NULL)
			continue;
		r->drop = 1;
		fmt_span(tz, r->s_utc, r->e_utc, a, sizeof(a));
		fmt_span(tz, o->start_utc, o->end_utc, b, sizeof(b));
		/* Inside a stored sleep: a session an earlier import joined
		 * into its night. */
		if (o->start_utc <= r->s_utc &&
		    (o->end_utc == LULL_NO_TIME ||
			(r->e_utc != LULL_NO_TIME && r->e_utc <= o->end_utc))) {
			im->rep->existing++;
			if (o->start_utc == r->s_utc && o->end_utc != r->e_utc)
				rc = imp_event(im, r->src, r->line,
				    LULL_IMP_EXISTS,
				    "sleep %s: a sleep starting then is "
				    "already "
				    "in the journal (#%lld, %s): kept as it is",
				    a, (long long)o->id, b);
			continue;
		}
		if (o->start_utc == r->s_utc) {
			im->rep->existing++;
			if (o->end_utc != r->e_utc)
				rc = imp_event(im, r->src, r->line,
				    LULL_IMP_EXISTS,
				    "sleep %s: a sleep starting then is "
				    "already "
				    "in the journal (#%lld, %s): kept as it is",
				    a, (long long)o->id, b);
		} else {
			im->rep->existing_overlap++;
			rc = imp_event(im, r->src, r->line, LULL_IMP_EXISTS,
			    "sleep %s overlaps sleep #%lld (%s) already in "
			    "the journal: left out",
			    a, (long long)o->id, b);
		}
	}
	lull_sleepv_free(&have);
	lull_feedv_free(&fh);
	return rc;
}

/*
 * Sleeps of one child, sorted: open ends, duplicates, overlaps, joins.
 * Writes the survivors to the output.
 */
static enum lull_err
settle_sleeps(struct imp *im, const struct lull_tz *tz, int64_t now, int join,
    const uint32_t *ix, size_t n)
{
	struct imp_rec *cur = NULL, *b;
	struct lull_local la, lb;
	struct lull_sleep *s;
	struct lull_waking w;
	enum lull_err rc = LULL_OK;
	size_t i, last = n;
	char a1[100], a2[100];
	int64_t gap;

	/* The latest sleep may be going on still; no other may be open. */
	for (i = n; i-- > 0;)
		if (!im->rec[ix[i]].drop) {
			last = i;
			break;
		}
	for (i = 0; i < n && rc == LULL_OK; i++) {
		b = &im->rec[ix[i]];
		if (b->drop || b->e_utc != LULL_NO_TIME)
			continue;
		if (i == last && b->s_utc >= now - LULL_SLEEP_MAX_SEC)
			continue;
		b->drop = 1;
		fmt_local(tz, b->s_utc, a1, sizeof(a1));
		rc = skip_at(im, b->src, b->line,
		    i == last            ? WHY_RUNNING
			: b->in_progress ? WHY_UNSTOPPED
					 : WHY_NOEND,
		    1, a1);
	}
	/* Duplicates and overlaps, in order of start. */
	for (i = 0; i < n && rc == LULL_OK; i++) {
		b = &im->rec[ix[i]];
		if (b->drop)
			continue;
		if (cur == NULL || b->s_utc >= cur->e_utc) {
			cur = b;
			continue;
		}
		b->drop = 1;
		if (b->s_utc == cur->s_utc) {
			im->rep->dups++;
			fmt_span(tz, b->s_utc, b->e_utc, a1, sizeof(a1));
			rc = imp_event(im, b->src, b->line, LULL_IMP_DUP,
			    "sleep %s starts with the sleep at %s:%u, which "
			    "is kept%s",
			    a1, im->src[cur->src].name, (unsigned)cur->line,
			    b->e_utc == cur->e_utc ? " (the same sleep)"
						   : " (the longer)");
			if (rc == LULL_OK)
				rc = absorb(cur, b);
			continue;
		}
		fmt_span(tz, cur->s_utc, cur->e_utc, a2, sizeof(a2));
		fmt_span(tz, b->s_utc, b->e_utc, a1, sizeof(a1));
		if (b->e_utc != LULL_NO_TIME && b->e_utc <= cur->e_utc) {
			im->rep->overlaps_dropped++;
			rc = imp_event(im, b->src, b->line, LULL_IMP_OVERLAP,
			    "sleep %s lies within the sleep %s at %s:%u: "
			    "dropped",
			    a1, a2, im->src[cur->src].name,
			    (unsigned)cur->line);
			continue;
		}
		if (b->e_utc != LULL_NO_TIME &&
		    b->e_utc - cur->s_utc > LULL_SLEEP_MAX_SEC) {
			im->rep->overlaps_dropped++;
			rc = imp_event(im, b->src, b->line, LULL_IMP_OVERLAP,
			    "sleep %s overlaps the sleep %s at %s:%u, and "
			    "both together would be longer than 20 hours: "
			    "dropped",
			    a1, a2, im->src[cur->src].name,
			    (unsigned)cur->line);
			continue;
		}
		im->rep->overlaps_merged++;
		cur->e_utc = b->e_utc;
		fmt_span(tz, cur->s_utc, cur->e_utc, a2, sizeof(a2));
		rc = imp_event(im, b->src, b->line, LULL_IMP_OVERLAP,
		    "sleep %s overlaps the sleep at %s:%u: merged into one "
		    "sleep %s",
		    a1, im->src[cur->src].name, (unsigned)cur->line, a2);
		if (rc == LULL_OK)
			rc = absorb(cur, b);
	}
	if (rc == LULL_OK)
		rc = journal_check(im, tz, ix, n, 1);
	if (rc != LULL_OK)
		return rc;
	/* Joins, then out. */
	cur = NULL;
	s = NULL;
	for (i = 0; i < n; i++) {
		b = &im->rec[ix[i]];
		if (b->drop)
			continue;
		if (cur != NULL && cur->e_utc != LULL_NO_TIME) {
			gap = b->s_utc - cur->e_utc;
			lull_tz_local(tz, cur->e_utc, &la);
			lull_tz_local(tz, b->s_utc, &lb);
			/*
			 * A night the source split at midnight: one half
			 * ends at 23:59 or 00:00, the other starts at 00:00
			 * the next day.
			 */
			if (gap >= 0 && gap <= JOIN_MIDNIGHT_GAP &&
			    (la.sec >= 86340 || la.sec == 0) && lb.sec < 60 &&
			    (b->e_utc == LULL_NO_TIME ||
				b->e_utc - cur->s_utc <= LULL_SLEEP_MAX_SEC)) {
				im->rep->joined_midnight++;
				b->drop = 1;
				cur->e_utc = b->e_utc;
				s->end_utc = b->e_utc;
				if (b->kind == LULL_SLEEP_NIGHT ||
				    cur->kind == LULL_SLEEP_NIGHT)
					cur->kind = LULL_SLEEP_NIGHT;
				if ((rc = absorb(cur, b)) != LULL_OK)
					return rc;
				continue;
			}
			/*
			 * Sessions of one night: a short gap that starts in
			 * the night, neither side called a nap by the source.
			 */
			if (join && gap >= 0 && gap <= JOIN_GAP_MAX &&
			    in_wake_window(la.sec) &&
			    cur->kind != LULL_SLEEP_NAP &&
			    b->kind != LULL_SLEEP_NAP &&
			    (b->e_utc == LULL_NO_TIME ||
				b->e_utc - cur->s_utc <= LULL_SLEEP_MAX_SEC)) {
				im->rep->joined_gap++;
				b->drop = 1;
				if (gap > 0) {
					lull_waking_init(&w);
					w.start_utc = cur->e_utc;
					w.end_utc = b->s_utc;
					w.response = response_of(b->onset);
					rc = lull_sleep_add_waking(s, &w);
					if (rc != LULL_OK)
						return oom(im);
				}
				cur->e_utc = b->e_utc;
				s->end_utc = b->e_utc;
				if (b->kind == LULL_SLEEP_NIGHT)
					cur->kind = LULL_SLEEP_NIGHT;
				/* b's onset says how the child went back to
				 * sleep, which the waking now holds. */
				if (b->note != NULL &&
				    (rc = imp_note_add(cur, NULL, b->note)))
					return oom(im);
				continue;
			}
		}
		/* A new sleep in the output. */
		if (grow((void **)&im->out_s, im->nout_s + 1, &im->out_scap,
			sizeof(*im->out_s)) != 0 ||
		    grow((void **)&im->out_s_rec, im->nout_s + 1,
			&im->out_srcap, sizeof(*im->out_s_rec)) != 0)
			return oom(im);
		s = &im->out_s[im->nout_s];
		lull_sleep_init(s);
		im->out_s_rec[im->nout_s++] = ix[i];
		s->child_id = b->child_id;
		s->start_utc = b->s_utc;
		s->end_utc = b->e_utc;
		cur = b;
	}
	return LULL_OK;
}

/* Fill each output sleep's own fields from its record (after joins). */
static void
sleep_fields(struct imp *im, size_t from)
{
	size_t i;

	for (i = from; i < im->nout_s; i++) {
		struct lull_sleep *s = &im->out_s[i];
		struct imp_rec *r = &im->rec[im->out_s_rec[i]];

		s->end_utc = r->e_utc;
		s->onset = r->onset;
		s->place = r->place;
		if (r->kind == LULL_SLEEP_NAP || r->kind == LULL_SLEEP_NIGHT) {
			s->kind = (enum lull_sleep_kind)r->kind;
			s->kind_given = 1;
		}
		s->note = r->note;
		r->note = NULL;
	}
}

static enum lull_err
settle_feeds(struct imp *im, const struct lull_tz *tz, const uint32_t *ix,
    size_t n)
{
	struct imp_rec *prev = NULL, *b;
	struct lull_feed *f;
	enum lull_err rc;
	size_t i;
	char a[100];

	for (i = 0; i < n; i++) {
		b = &im->rec[ix[i]];
		if (b->drop)
			continue;
		if (prev != NULL && prev->s_utc == b->s_utc &&
		    prev->fkind == b->fkind) {
			b->drop = 1;
			im->rep->dups++;
			fmt_local(tz, b->s_utc, a, sizeof(a));
			rc = imp_event(im, b->src, b->line, LULL_IMP_DUP,
			    "feed at %s is the feed at %s:%u again: dropped", a,
			    im->src[prev->src].name, (unsigned)prev->line);
			if (rc != LULL_OK)
				return rc;
			continue;
		}
		prev = b;
	}
	if ((rc = journal_check(im, tz, ix, n, 0)) != LULL_OK)
		return rc;
	for (i = 0; i < n; i++) {
		b = &im->rec[ix[i]];
		if (b->drop)
			continue;
		if (grow((void **)&im->out_f, im->nout_f + 1, &im->out_fcap,
			sizeof(*im->out_f)) != 0 ||
		    grow((void **)&im->out_f_rec, im->nout_f + 1,
			&im->out_frcap, sizeof(*im->out_f_rec)) != 0)
			return oom(im);
		f = &im->out_f[im->nout_f];
		lull_feed_init(f);
		im->out_f_rec[im->nout_f++] = ix[i];
		f->child_id = b->child_id;
		f->start_utc = b->s_utc;
		f->end_utc = b->e_utc;
		f->kind = b->fkind;
		f->side = b->side;
		f->amount_ml = b->ml;
		f->note = b->note;
		b->note = NULL;
	}
	return LULL_OK;
}

/* A waking with a feed in it was answered with a feed. */
static void
feeds_in_wakings(struct imp *im)
{
	size_t i, j, lo, hi, mid;

	for (i = 0; i < im->nout_s; i++) {
		struct lull_sleep *s = &im->out_s[i];

		for (j = 0; j < s->nwakings; j++) {
			struct lull_waking *w = &s->wakings[j];
			int64_t from = w->start_utc - FEED_IN_GAP_SLACK;

			if (w->response != LULL_RESP_UNKNOWN)
				continue;
			/* The first feed of the child at or after "from". */
			lo = 0;
			hi = im->nout_f;
			while (lo < hi) {
				const struct lull_feed *f;

				mid = lo + (hi - lo) / 2;
				f = &im->out_f[mid];
				if (f->child_id < s->child_id ||
				    (f->child_id == s->child_id &&
					f->start_utc < from))
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < im->nout_f &&
			    im->out_f[lo].child_id == s->child_id &&
			    im->out_f[lo].start_utc < w->end_utc)
				w->response = LULL_RESP_FEED;
		}
	}
}

enum lull_err
imp_settle(struct imp *im, const struct lull_tz *tz, int64_t now, int join)
{
	enum lull_err rc = LULL_OK;
	uint32_t *ix;
	size_t i, j, n = 0, from;

	if (im->nrec == 0)
		return LULL_OK;
	if ((ix = malloc(im->nrec * sizeof(*ix))) == NULL)
		return oom(im);
	for (i = 0; i < im->nrec && rc == LULL_OK; i++) {
		struct imp_rec *r = &im->rec[i];

		r->child_id = r->kid >= 0 && im->kid_id != NULL
		    ? im->kid_id[r->kid]
		    : im->anon_id;
		if (check_rec(im, tz, now, r, &rc))
			ix[n++] = (uint32_t)i;
		else
			r->drop = 1;
	}
	if (rc != LULL_OK) {
		free(ix);
		return rc;
	}
	sort_base = im->rec;
	qsort(ix, n, sizeof(*ix), cmp_rec);
	sort_base = NULL;
	for (i = 0; i < n && rc == LULL_OK; i = j) {
		const struct imp_rec *r = &im->rec[ix[i]];

		for (j = i + 1;
		     j < n && im->rec[ix[j]].child_id == r->child_id &&
		     im->rec[ix[j]].type == r->type;
		     j++)
			;
		if (r->type == IMP_SLEEP) {
			from = im->nout_s;
			rc = settle_sleeps(im, tz, now, join, ix + i, j - i);
			if (rc == LULL_OK)
				sleep_fields(im, from);
		} else
			rc = settle_feeds(im, tz, ix + i, j - i);
	}
	free(ix);
	if (rc == LULL_OK)
		feeds_in_wakings(im);
	return rc;
}

/* Children */

static enum lull_err
children(struct imp *im, struct lull_store *st, int64_t hh, const char *want,
    struct lull_errinfo *ei)
{
	struct lull_childv kids = { 0 };
	enum lull_err rc;
	size_t i, k, anon = 0, named = 0;
	int64_t target = 0;
	char list[512];

	for (i = 0; i < im->nrec; i++)
		if (im->rec[i].kid < 0)
			anon++;
	if (im->nkids > 0 &&
	    (im->kid_id = calloc(im->nkids, sizeof(*im->kid_id))) == NULL)
		return oom(im);
	if (hh == 0) {
		/* A dry run before there is a journal: children by name. */
		for (k = 0; k < im->nkids; k++)
			im->kid_id[k] = (int64_t)k + 1;
		im->anon_id = (int64_t)im->nkids + 1;
		return LULL_OK;
	}
	if ((rc = lull_store_child_list(st, hh, &kids)) != LULL_OK) {
		*ei = *lull_store_error(st);
		return rc;
	}
	list[0] = '\0';
	for (i = 0; i < kids.n; i++)
		snprintf(list + strlen(list), sizeof(list) - strlen(list),
		    "%s%s", i ? ", " : "", kids.v[i].name);
	if (want != NULL) {
		for (i = 0; i < kids.n; i++)
			if (imp_streq(kids.v[i].name, want))
				target = kids.v[i].id;
		if (target == 0) {
			lull_childv_free(&kids);
			return lull_errinfo_set(ei, LULL_ENOTFOUND, "child",
			    "child: there is no child called \"%s\" in the "
			    "journal; add one with: lull child add NAME "
			    "--born DATE",
			    want);
		}
		im->anon_id = target;
		if (im->nkids == 1) {
			im->kid_id[0] = target;
			if (!imp_streq(im->kids[0], want) &&
			    (rc = imp_event(im, UINT32_MAX, 0, LULL_IMP_NOTE,
				 "the file's \"%s\" is imported as %s",
				 im->kids[0], want)) != LULL_OK) {
				lull_childv_free(&kids);
				return rc;
			}
		}
		for (k = 0; im->nkids > 1 && k < im->nkids; k++)
			if (imp_streq(im->kids[k], want)) {
				im->kid_id[k] = target;
				named++;
			}
		lull_childv_free(&kids);
		if (im->nkids > 1 && named == 0)
			return lull_errinfo_set(ei, LULL_EINVAL, "child",
			    "child: the files are about several children and "
			    "none is called \"%s\"",
			    want);
		return LULL_OK;
	}
	if (kids.n == 0) {
		lull_childv_free(&kids);
		return lull_errinfo_set(ei, LULL_ENOTFOUND, "child",
		    "child: the journal has no children yet; add one with: "
		    "lull child add NAME --born DATE");
	}
	for (k = 0; k < im->nkids; k++) {
		for (i = 0; i < kids.n; i++)
			if (imp_streq(kids.v[i].name, im->kids[k]))
				im->kid_id[k] = kids.v[i].id;
		if (im->kid_id[k] != 0)
			continue;
		if (kids.n == 1 && im->nkids == 1) {
			im->kid_id[k] = kids.v[0].id;
			rc = imp_event(im, UINT32_MAX, 0, LULL_IMP_NOTE,
			    "the file's \"%s\" is imported as %s, the only "
			    "child in the journal",
			    im->kids[k], kids.v[0].name);
			if (rc != LULL_OK) {
				lull_childv_free(&kids);
				return rc;
			}
			continue;
		}
		rc = lull_errinfo_set(ei, LULL_ENOTFOUND, "child",
		    "child: the files name \"%s\", who is not in the journal "
		    "(%s); name the child with --child",
		    im->kids[k], list);
		lull_childv_free(&kids);
		return rc;
	}
	if (anon > 0) {
		if (kids.n != 1) {
			lull_childv_free(&kids);
			return lull_errinfo_set(ei, LULL_EINVAL, "child",
			    "child: the files do not say which child they are "
			    "about and the journal has several (%s); name one "
			    "with --child",
			    list);
		}
		im->anon_id = kids.v[0].id;
	}
	lull_childv_free(&kids);
	return LULL_OK;
}

/* Report */

static void
span(struct lull_import_report *rep, int64_t a, int64_t b)
{
	if (rep->first_utc == LULL_NO_TIME || a < rep->first_utc)
		rep->first_utc = a;
	if (b == LULL_NO_TIME)
		b = a;
	if (rep->last_utc == LULL_NO_TIME || b > rep->last_utc)
		rep->last_utc = b;
}

static enum lull_err
report(struct imp *im, const struct lull_tz *tz)
{
	struct lull_import_report *rep = im->rep;
	size_t i;

	for (i = 0; i < im->nout_s; i++) {
		struct lull_sleep *s = &im->out_s[i];
		enum lull_sleep_kind k =
		    s->kind_given ? s->kind : lull_sleep_derive_kind(tz, s);

		rep->sleeps++;
		rep->wakings += s->nwakings;
		if (s->end_utc == LULL_NO_TIME)
			rep->ongoing++;
		if (k == LULL_SLEEP_NIGHT)
			rep->nights++;
		else
			rep->naps++;
		span(rep, s->start_utc, s->end_utc);
	}
	for (i = 0; i < im->nout_f; i++) {
		rep->feeds++;
		if ((unsigned)im->out_f[i].kind < 3)
			rep->feeds_by_kind[im->out_f[i].kind]++;
		span(rep, im->out_f[i].start_utc, im->out_f[i].start_utc);
	}
	if (im->nwhy > 0 &&
	    (rep->reasons = calloc(im->nwhy, sizeof(*rep->reasons))) == NULL)
		return oom(im);
	for (i = 0; i < im->nwhy; i++) {
		if ((rep->reasons[i].text = strdup(im->why[i].text)) == NULL)
			return oom(im);
		rep->reasons[i].n = im->why[i].n;
		rep->nreasons++;
	}
	if (im->nsrc > 0 &&
	    (rep->files = calloc(im->nsrc, sizeof(*rep->files))) == NULL)
		return oom(im);
	for (i = 0; i < im->nsrc; i++) {
		if ((rep->files[i].name = strdup(im->src[i].name)) == NULL)
			return oom(im);
		rep->files[i].format = im->src[i].label;
		rep->files[i].rows = im->src[i].rows;
		rep->rows += im->src[i].rows;
		rep->nfiles++;
	}
	return LULL_OK;
}

/* Writing */

static enum lull_err
write_all(struct imp *im, struct lull_store *st, const struct lull_tz *tz,
    const struct lull_actor *actor, struct lull_errinfo *ei)
{
	enum lull_err rc;
	size_t failed = 0;
	char w[4200];
	const struct imp_rec *r = NULL;

	if ((rc = lull_store_begin(st)) != LULL_OK) {
		*ei = *lull_store_error(st);
		return rc;
	}
	rc = lull_store_sleep_add_many(st, im->out_s, im->nout_s, tz, actor,
	    &failed);
	if (rc == LULL_OK) {
		rc = lull_store_feed_add_many(st, im->out_f, im->nout_f, tz,
		    actor, &failed);
		if (rc != LULL_OK)
			r = &im->rec[im->out_f_rec[failed]];
	} else
		r = &im->rec[im->out_s_rec[failed]];
	if (rc == LULL_OK)
		rc = lull_store_commit(st);
	if (rc != LULL_OK) {
		*ei = *lull_store_error(st);
		lull_store_rollback(st);
		if (r != NULL && ei->msg[0] != '\0') {
			char msg[sizeof(w) + sizeof(ei->msg) + 4];
			size_t n;

			where(im, r->src, r->line, w, sizeof(w));
			snprintf(msg, sizeof(msg), "%s: %s", w, ei->msg);
			n = strlen(msg);
			if (n >= sizeof(ei->msg))
				n = sizeof(ei->msg) - 1;
			memcpy(ei->msg, msg, n);
			ei->msg[n] = '\0';
		}
	}
	return rc;
}

enum lull_err
lull_import(struct lull_store *st, int64_t household_id,
    const struct lull_tz *tz, const struct lull_import_src *src, size_t nsrc,
    const struct lull_import_opts *opts, const struct lull_actor *actor,
    struct lull_import_report *rep, struct lull_errinfo *ei)
{
	const struct imp_format *fmt = NULL;
	struct imp im;
	enum lull_err rc = LULL_OK;
	size_t i;

	lull_errinfo_clear(ei);
	imp_init(&im, rep, ei);
	im.dates = opts->dates;
	im.map = opts->map;
	if (opts->format != NULL && opts->format[0] != '\0' &&
	    (fmt = imp_format_find(opts->format)) == NULL)
		rc = lull_errinfo_set(ei, LULL_EINVAL, "format",
		    "format: \"%s\" is not one lull reads", opts->format);
	if (household_id == 0 && !opts->dry_run)
		rc = lull_errinfo_set(ei, LULL_EINVAL, "household",
		    "household: an import needs a journal; create one with: "
		    "lull init");
	for (i = 0; rc == LULL_OK && i < nsrc; i++)
		rc = imp_parse(&im, fmt, src[i].name, src[i].data, src[i].len,
		    src[i].optional);
	if (rc == LULL_OK)
		rc = children(&im, st, household_id, opts->child, ei);
	if (household_id != 0) {
		im.st = st;
		im.hh = household_id;
	}
	if (rc == LULL_OK)
		rc = imp_settle(&im, tz, actor->now_utc, !opts->no_join);
	if (rc == LULL_OK)
		rc = report(&im, tz);
	if (rc == LULL_OK && !opts->dry_run)
		rc = write_all(&im, st, tz, actor, ei);
	imp_free(&im);
	if (rc != LULL_OK)
		lull_import_report_free(rep);
	return rc;
}
