/*
 * The web app's HTML buffer: escaping (the one choke point between
 * people's words and the page), formatting, growth, and the page frame
 * outside a server (no connection: day or night by the clock).
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "web/web.h"

static char *
esc(const char *text)
{
	struct web_buf b = { 0 };

	web_buf_esc(&b, text);
	if (b.s == NULL)
		return strdup("");
	return b.s;
}

static void
t_esc_table(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "plain words", "plain words" },
		{ "<script>alert(1)</script>",
		    "&lt;script&gt;alert(1)&lt;/script&gt;" },
		{ "a & b", "a &amp; b" },
		{ "&amp;", "&amp;amp;" },
		{ "\"quoted\"", "&quot;quoted&quot;" },
		{ "it's", "it&#39;s" },
		{ "`tick`", "&#96;tick&#96;" },
		{ "\" onmouseover=\"x", "&quot; onmouseover=&quot;x" },
		{ "<<>>", "&lt;&lt;&gt;&gt;" },
		{ "Zoë & Léa 🌙", "Zoë &amp; Léa 🌙" }, /* UTF-8 kept */
		{ "&", "&amp;" },
		{ "end<", "end&lt;" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = esc(cases[i].in);

		T_EQ_STR(got, cases[i].out);
		free(got);
	}
}

static void
t_esc_null_and_append(void)
{
	struct web_buf b = { 0 };

	web_buf_esc(&b, NULL);
	T_CHECK(b.n == 0);
	web_buf_puts(&b, "<p>");
	web_buf_esc(&b, "1 < 2");
	web_buf_puts(&b, "</p>");
	T_EQ_STR(b.s, "<p>1 &lt; 2</p>");
	T_EQ_INT(b.n, strlen(b.s));
	web_buf_free(&b);
	T_CHECK(b.s == NULL && b.n == 0 && b.cap == 0);
}

static void
t_printf_grows(void)
{
	struct web_buf b = { 0 };
	int i;

	for (i = 0; i < 2000; i++)
		web_buf_printf(&b, "%d,", i);
	T_CHECK(!b.oom);
	T_CHECK(b.n == strlen(b.s));
	T_CHECK(strncmp(b.s, "0,1,2,", 6) == 0);
	T_CHECK(strcmp(b.s + b.n - 5, "1999,") == 0);
	web_buf_free(&b);
}

static void
t_html_takes_the_buffer(void)
{
	struct web_buf b = { 0 };
	struct web_resp rs;

	memset(&rs, 0, sizeof(rs));
	web_buf_puts(&b, "<p>hi</p>");
	T_EQ_INT(web_buf_html(&b, &rs, 200), 0);
	T_EQ_INT(rs.status, 200);
	T_EQ_STR(rs.ctype, "text/html; charset=utf-8");
	T_EQ_INT(rs.len, 9);
	T_CHECK(rs.body != NULL && memcmp(rs.body, "<p>hi</p>", 9) == 0);
	T_CHECK(b.s == NULL); /* taken */
	web_resp_free(&rs);

	/* Out of memory earlier: a 500, not half a page. */
	b.oom = 1;
	T_EQ_INT(web_buf_html(&b, &rs, 200), 0);
	T_EQ_INT(rs.status, 500);
	web_resp_free(&rs);
}

static void
t_frame_escapes_the_title(void)
{
	struct web_buf b = { 0 };
	struct web_req rq;

	memset(&rq, 0, sizeof(rq));
	rq.method = "GET";
	rq.path = "/";
	rq.now = 1767225600; /* 2026-01-01T00:00Z */
	web_page_open(&b, &rq, "<Mia's> night");
	web_page_close(&b, &rq);
	T_CHECK(!b.oom);
	T_CHECK(strstr(b.s, "<title>&lt;Mia&#39;s&gt; night") != NULL);
	T_CHECK(strstr(b.s, "<Mia") == NULL);
	T_CHECK(strstr(b.s, "<main id=\"main\"") != NULL);
	T_CHECK(strstr(b.s, "href=\"#main\"") != NULL);
	/* Not signed in: no CSRF token anywhere. */
	T_CHECK(strstr(b.s, "csrf") == NULL);
	web_buf_free(&b);
}

static const struct t_case cases[] = {
	{ "escaping, case by case", t_esc_table },
	{ "escaping NULL, appending", t_esc_null_and_append },
	{ "printf grows the buffer", t_printf_grows },
	{ "web_buf_html takes the buffer", t_html_takes_the_buffer },
	{ "the frame escapes the title", t_frame_escapes_the_title },
};

T_MAIN(cases)
