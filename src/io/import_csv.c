/*
 * CSV for the importers: a whole file read with libcsv into rows of
 * fields, each row knowing the line it started on, so that every error
 * can name "file:line: column N".  Also the peek at a file's first row
 * that format detection works from.
 * SPDX-License-Identifier: ISC
 */
#include <csv.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"

struct load {
	struct imp_csv *t;
	uint32_t line; /* the line being fed to libcsv */
	int open;      /* a row has fields but has not ended */
	uint32_t row_line;
	size_t row_first;
	int oom;
};

static int
grow(void **v, size_t want, size_t *cap, size_t size)
{
	size_t ncap = *cap ? *cap : 64;
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

static void
on_field(void *s, size_t len, void *arg)
{
	struct load *L = arg;
	struct imp_csv *t = L->t;

	if (L->oom)
		return;
	if (!L->open) {
		L->open = 1;
		L->row_line = L->line;
		L->row_first = t->nfld;
	}
	if (grow((void **)&t->buf, t->len + len + 1, &t->cap, 1) != 0 ||
	    grow((void **)&t->fld, t->nfld + 1, &t->fldcap, sizeof(*t->fld)) !=
		0) {
		L->oom = 1;
		return;
	}
	t->fld[t->nfld++] = t->len;
	if (len > 0)
		memcpy(t->buf + t->len, s, len);
	t->len += len;
	t->buf[t->len++] = '\0';
}

static void
on_row(int c, void *arg)
{
	struct load *L = arg;
	struct imp_csv *t = L->t;
	struct imp_row *r;

	(void)c;
	if (L->oom || !L->open)
		return;
	if (grow((void **)&t->rows, t->nrows + 1, &t->rowcap,
		sizeof(*t->rows)) != 0) {
		L->oom = 1;
		return;
	}
	r = &t->rows[t->nrows++];
	r->first = L->row_first;
	r->n = (uint32_t)(t->nfld - L->row_first);
	r->line = L->row_line;
	L->open = 0;
}

static size_t
bom(const unsigned char *d, size_t len)
{
	return len >= 3 && d[0] == 0xef && d[1] == 0xbb && d[2] == 0xbf ? 3 : 0;
}

/* The delimiter of the first line: ',' unless ';' or a tab is clearly
 * what separates the header's names (European spreadsheets). */
static unsigned char
delimiter(const unsigned char *d, size_t len)
{
	size_t i, comma = 0, semi = 0, tab = 0;
	int quoted = 0;

	for (i = 0; i < len && (quoted || (d[i] != '\n' && d[i] != '\r'));
	     i++) {
		if (d[i] == '"')
			quoted = !quoted;
		else if (!quoted && d[i] == ',')
			comma++;
		else if (!quoted && d[i] == ';')
			semi++;
		else if (!quoted && d[i] == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

enum lull_err
imp_csv_load(struct imp_file *f, const unsigned char *data, size_t len,
    struct imp_csv *out)
{
	struct csv_parser p;
	struct load L;
	const unsigned char *nl;
	size_t off, n;

	memset(out, 0, sizeof(*out));
	memset(&L, 0, sizeof(L));
	L.t = out;
	L.line = 1;
	off = bom(data, len);
	if (csv_init(&p, 0) != 0)
		return lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	csv_set_delim(&p, delimiter(data + off, len - off));
	/*
	 * Fed one line at a time, so that the callbacks know the line they
	 * are on: a row starts on the line where its first field ends.
	 */
	while (off < len && !L.oom) {
		nl = memchr(data + off, '\n', len - off);
		n = nl != NULL ? (size_t)(nl - (data + off)) + 1 : len - off;
		if (csv_parse(&p, data + off, n, on_field, on_row, &L) != n)
			break;
		off += n;
		L.line++;
	}
	if (!L.oom && off >= len)
		csv_fini(&p, on_field, on_row, &L);
	if (!L.oom && off < len && csv_error(&p) != CSV_ENOMEM) {
		csv_free(&p);
		imp_csv_free(out);
		return imp_fail(f, L.line, 0, NULL, "cannot read as CSV: %s",
		    csv_strerror(csv_error(&p)));
	}
	csv_free(&p);
	if (L.oom || off < len) {
		imp_csv_free(out);
		return lull_errinfo_set(f->im->ei, LULL_ENOMEM, "",
		    "out of memory");
	}
	return LULL_OK;
}

void
imp_csv_free(struct imp_csv *t)
{
	free(t->buf);
	free(t->fld);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

const char *
imp_csv_get(const struct imp_csv *t, size_t row, int col)
{
	const struct imp_row *r;

	if (row >= t->nrows || col < 0)
		return "";
	r = &t->rows[row];
	if ((uint32_t)col >= r->n)
		return "";
	return t->buf + t->fld[r->first + (size_t)col];
}

int
imp_streq(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0' &&
	    tolower((unsigned char)*a) == tolower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

int
imp_contains(const char *s, const char *word)
{
	size_t n = strlen(word), i;

	for (; *s != '\0'; s++) {
		for (i = 0; i < n && s[i] != '\0' &&
		     tolower((unsigned char)s[i]) ==
			 tolower((unsigned char)word[i]);
		     i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

int
imp_csv_col(const struct imp_csv *t, size_t hdr_row, const char *name)
{
	uint32_t i;

	if (hdr_row >= t->nrows)
		return -1;
	for (i = 0; i < t->rows[hdr_row].n; i++)
		if (imp_streq(imp_csv_get(t, hdr_row, (int)i), name))
			return (int)i;
	return -1;
}

int
imp_csv_blank_row(const struct imp_csv *t, size_t row)
{
	uint32_t i;

	for (i = 0; i < t->rows[row].n; i++)
		if (imp_csv_get(t, row, (int)i)[0] != '\0')
			return 0;
	return 1;
}

/* Peek */

struct peek {
	struct imp_peek *pk;
	int done;
};

static void
peek_field(void *s, size_t len, void *arg)
{
	struct peek *P = arg;
	struct imp_peek *pk = P->pk;
	char *v;
	size_t i;

	if (P->done || pk->nhdr == IMP_PEEK_MAX)
		return;
	if ((v = malloc(len + 1)) == NULL)
		return;
	for (i = 0; i < len; i++)
		v[i] = (char)tolower(((unsigned char *)s)[i]);
	v[len] = '\0';
	pk->hdr[pk->nhdr++] = v;
}

static void
peek_row(int c, void *arg)
{
	struct peek *P = arg;

	(void)c;
	if (P->pk->nhdr > 0)
		P->done = 1;
}

void
imp_peek_init(struct imp_peek *pk, const char *name, const unsigned char *data,
    size_t len)
{
	struct csv_parser p;
	struct peek P;
	size_t off = bom(data, len), n;

	memset(pk, 0, sizeof(*pk));
	pk->name = name;
	pk->data = data;
	pk->len = len;
	P.pk = pk;
	P.done = 0;
	if (csv_init(&p, 0) != 0)
		return;
	csv_set_delim(&p, delimiter(data + off, len - off));
	/* The first row is in the first few kilobytes of any real file. */
	n = len - off < 4096 ? len - off : 4096;
	while (!P.done && n > 0) {
		const unsigned char *nl = memchr(data + off, '\n', n);
		size_t k = nl != NULL ? (size_t)(nl - (data + off)) + 1 : n;

		if (csv_parse(&p, data + off, k, peek_field, peek_row, &P) != k)
			break;
		off += k;
		n -= k;
	}
	if (!P.done)
		csv_fini(&p, peek_field, peek_row, &P);
	csv_free(&p);
}

void
imp_peek_free(struct imp_peek *pk)
{
	size_t i;

	for (i = 0; i < pk->nhdr; i++)
		free(pk->hdr[i]);
	pk->nhdr = 0;
}

int
imp_peek_has(const struct imp_peek *pk, const char *name)
{
	size_t i;

	for (i = 0; i < pk->nhdr; i++)
		if (strcmp(pk->hdr[i], name) == 0)
			return 1;
	return 0;
}
