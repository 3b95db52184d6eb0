/*
 * The adult's own pages: /h/{hid}/me (the ten-second morning check-in,
 * one's own sleep, one's own records with who sees each, and what others
 * shared with you) and the mood screens, /h/{hid}/screen (when one is
 * offered, the short forms first, the questions, the result in warm
 * words, and the crisis help first when the self-harm item is above 0).
 *
 * Personal records are the person's own, not the journal's (care.h): any
 * member may keep their own, so these routes need only WEB_READ, a
 * read-only member and a consultant included.  Who sees a record is the
 * store's rule, asked as the member's caregiver (req->member.caregiver_id);
 * nothing here reads around it.  Only the author shares or deletes a
 * record, and someone else's record answers exactly as a missing one.
 *
 * The words and rules are the command line's (lull me, checkin, screen:
 * care_run.h, plan_run.h), so both say the same.  When a screen's
 * self-harm item is above 0, the household's running plans pause quietly
 * (a plain pause by this adult, as "lull screen take" does) when this
 * member may move plans at all (owner or caregiver): for anyone else a
 * pause would stand out in the history that every adult reads, and
 * could tell the family what the person did not choose to share.
 * SPDX-License-Identifier: ISC
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/care_run.h"
#include "lull/plan_run.h"
#include "lull/screen.h"
#include "lull/store.h"
#include "web/page_int.h"
#include "web/web.h"

#define RECORD_DAYS 30	 /* /me lists the last 30 days, as "lull me list" */
#define SCREEN_DAYS 366	 /* /screen lists a year of screens */

/* ---- shared by the parents' pages ------------------------------------- */

static const struct {
	const char *page;
	const char *label;
} care_pages[] = {
	{ "me", "Check-in and sleep" },
	{ "screen", "Mood" },
	{ "couple", "The two of you" },
	{ "nights", "Nights" },
};

void
page_care_nav(struct web_buf *b, const struct web_req *req, const char *here)
{
	char base[32];
	size_t i;

	page_base(req, base, sizeof(base));
	web_buf_puts(b, "<nav class=\"care-nav\" aria-label=\"For you\"><ul>");
	for (i = 0; i < sizeof(care_pages) / sizeof(care_pages[0]); i++) {
		int cur = strcmp(here, care_pages[i].page) == 0;

		web_buf_printf(b, "<li><a href=\"%s/%s\"%s>%s</a></li>", base,
		    care_pages[i].page,
		    cur ? " aria-current=\"page\" class=\"current\"" : "",
		    care_pages[i].label);
	}
	web_buf_puts(b, "</ul></nav>\n");
}

void
page_short_date(int32_t day, char *buf, size_t bufsz)
{
	char *p;
	int words = 3;

	/* "Tue 16 Jun 2026" -> "Tue 16 Jun" */
	lull_date_format_long(day, buf, bufsz);
	for (p = buf; *p != '\0'; p++)
		if (*p == ' ' && --words == 0) {
			*p = '\0';
			break;
		}
}

/* A caregiver's name; "someone" for one no longer here. */
static const char *
who(const struct lull_caregiverv *cg, int64_t id)
{
	const char *n = page_who(cg, id);

	return n != NULL ? n : "someone";
}

void
page_visibility(struct web_buf *b, const struct lull_caregiverv *cg,
    const struct lull_personal *p, int64_t me)
{
	char buf[192];
	int private_ = p->author_id == me && p->share == 0 &&
	    p->kind != LULL_PERSONAL_APPRECIATION;

	lull_personal_visibility(p, me, who(cg, p->author_id),
	    who(cg, p->to_id), buf, sizeof(buf));
	web_buf_printf(b, "<span class=\"vis %s\">",
	    private_ ? "private" : "shared");
	web_buf_esc(b, buf);
	web_buf_puts(b, "</span>");
}

/* The choices of who sees a record of "kind": value, words. */
static const char *const share_all[][2] = {
	{ "none", "Private (only you)" },
	{ "partner", "Your partner" },
	{ "consultant", "Your consultant" },
	{ "partner,consultant", "Your partner and your consultant" },
};

static size_t
share_choices(int kind)
{
	if (kind == LULL_PERSONAL_APPRECIATION)
		return 0;
	if (kind == LULL_PERSONAL_COUPLE)
		return 2; /* between the two of you, never a consultant */
	return sizeof(share_all) / sizeof(share_all[0]);
}

static unsigned
share_bits(size_t i)
{
	static const unsigned bits[] = { 0, LULL_SHARE_PARTNER,
		LULL_SHARE_CONSULTANT,
		LULL_SHARE_PARTNER | LULL_SHARE_CONSULTANT };

	return bits[i];
}

void
page_share_choice(struct web_buf *b, const char *id, int kind,
    unsigned current)
{
	size_t i, n = share_choices(kind);

	if (n == 0)
		return;
	web_buf_puts(b, "<fieldset class=\"choices share\"><legend>Who sees "
			"it</legend>");
	for (i = 0; i < n; i++)
		web_buf_printf(b, "<label for=\"%s-%zu\"><input type=\"radio\" "
				  "id=\"%s-%zu\" name=\"share\" value=\"%s\"%s> "
				  "%s</label>",
		    id, i, id, i, share_all[i][0],
		    share_bits(i) == current ? " checked" : "", share_all[i][1]);
	web_buf_puts(b, "</fieldset>");
}

int
page_share_read(struct web_req *req, int kind, unsigned dflt, unsigned *out,
    char *msg, size_t msgsz)
{
	const char *v = web_form(req, "share");
	struct lull_errinfo ei;

	*out = dflt;
	if (v == NULL || *v == '\0')
		return 0;
	if (lull_share_parse(v, out, &ei) != LULL_OK) {
		snprintf(msg, msgsz, "Who sees it: choose private, your "
				     "partner or your consultant.");
		return 422;
	}
	if (kind == LULL_PERSONAL_APPRECIATION && *out != 0) {
		snprintf(msg, msgsz, "A note is always seen by the one it is "
				     "written to, and by nobody else; it is "
				     "not shared further.");
		return 422;
	}
	if (kind == LULL_PERSONAL_COUPLE && (*out & LULL_SHARE_CONSULTANT)) {
		snprintf(msg, msgsz, "A couple check-in stays between the two "
				     "of you: share it with your partner or "
				     "with nobody.");
		return 422;
	}
	return 0;
}

void
page_own_record_forms(struct web_buf *b, const struct web_req *req,
    const struct lull_personal *p, const char *back)
{
	char base[32];
	size_t i, n = share_choices((int)p->kind);

	page_base(req, base, sizeof(base));
	web_buf_puts(b, "<div class=\"row record-forms\">");
	if (n > 0) {
		web_buf_printf(b, "<form method=\"post\" action=\"%s/me/%" PRId64
				  "/share\" class=\"inline share-form\">",
		    base, p->id);
		web_page_csrf(b, req);
		web_buf_puts(b, "<input type=\"hidden\" name=\"back\" value=\"");
		web_buf_esc(b, back);
		web_buf_printf(b, "\"><label for=\"sh-%" PRId64 "\" "
				  "class=\"visually-hidden\">Who sees it"
				  "</label><select id=\"sh-%" PRId64 "\" "
				  "name=\"share\">",
		    p->id, p->id);
		for (i = 0; i < n; i++)
			web_buf_printf(b, "<option value=\"%s\"%s>%s</option>",
			    share_all[i][0],
			    share_bits(i) == p->share ? " selected" : "",
			    share_all[i][1]);
		web_buf_puts(b, "</select><button type=\"submit\" "
				"class=\"secondary\">Save who sees it</button>"
				"</form>");
	}
	web_buf_printf(b, "<form method=\"post\" action=\"%s/me/%" PRId64
			  "/delete\" class=\"inline\" data-confirm=\"Delete "
			  "this %s? It cannot be undone.\">",
	    base, p->id, lull_personal_kind_words(p->kind));
	web_page_csrf(b, req);
	web_buf_puts(b, "<input type=\"hidden\" name=\"back\" value=\"");
	web_buf_esc(b, back);
	web_buf_puts(b, "\"><button type=\"submit\" class=\"danger\">Delete"
			"</button></form></div>");
}

/* The household's adults and the one asking. */
struct care {
	struct lull_caregiverv cg;
	const struct lull_caregiver *me; /* NULL: no name in the journal */
	int64_t me_id;
	int32_t today;
};

static int
care_load(struct web_req *req, struct web_resp *resp, struct care *c)
{
	enum lull_err rc;
	size_t i;

	memset(c, 0, sizeof(*c));
	c->me_id = req->member.caregiver_id;
	c->today = lull_local_day(req->tz, req->now);
	if ((rc = lull_store_caregiver_list(req->st, req->household_id,
		 &c->cg)))
		return page_store_fail(req, resp, rc);
	for (i = 0; i < c->cg.n; i++)
		if (c->cg.v[i].id == c->me_id)
			c->me = &c->cg.v[i];
	return 0;
}

static void
care_free(struct care *c)
{
	lull_caregiverv_free(&c->cg);
}

/* A copy of a form's text, NULL when blank (a blank text is none). */
static char *
text_dup(const char *s, int *oom)
{
	char *d;

	if (s == NULL || s[strspn(s, " \t\r\n")] == '\0')
		return NULL;
	if ((d = strdup(s)) == NULL)
		*oom = 1;
	return d;
}

/* What a record holds, in a line. */
static void
personal_summary(struct web_buf *b, const struct web_req *req,
    const struct lull_caregiverv *cg, const struct lull_personal *p)
{
	const struct lull_screen_def *def;
	char x[32], y[32], d[32], base[32];

	switch (p->kind) {
	case LULL_PERSONAL_SLEEP:
		page_hm(req, p->start_utc, x, sizeof(x));
		page_hm(req, p->end_utc, y, sizeof(y));
		page_dur(p->end_utc - p->start_utc, d, sizeof(d));
		web_buf_printf(b, "Slept %s&ndash;%s (%s)", x, y, d);
		return;
	case LULL_PERSONAL_CHECKIN:
		web_buf_printf(b, "Check-in: energy %d of 5, mood %d of 5",
		    (int)p->energy, (int)p->mood);
		return;
	case LULL_PERSONAL_SCREEN:
		def = lull_screen_find(p->instrument);
		lull_screen_band_words(p->band, x, sizeof(x));
		web_buf_printf(b, "<a href=\"%s/screens/%" PRId64 "\">",
		    page_base(req, base, sizeof(base)), p->id);
		web_buf_esc(b, def ? def->title : p->instrument);
		web_buf_printf(b, "</a>: %d of %d, %s", (int)p->total,
		    def ? lull_screen_max_total(def) : 0, x);
		return;
	case LULL_PERSONAL_COUPLE:
		lull_date_format_long(p->day, x, sizeof(x));
		web_buf_printf(b, "Couple check-in, week of %s", x);
		return;
	case LULL_PERSONAL_APPRECIATION:
		web_buf_puts(b, "Note to ");
		web_buf_esc(b, who(cg, p->to_id));
		web_buf_puts(b, ": &ldquo;");
		web_buf_esc(b, p->appreciation);
		web_buf_puts(b, "&rdquo;");
		return;
	case LULL_PERSONAL_KIND__MAX:
		break;
	}
	web_buf_esc(b, lull_personal_kind_words(p->kind));
}

/* A shared screen that spoke of self-harm, said to the one it is shared
 * with: be with them, and where help is. */
static void
shared_self_harm(struct web_buf *b, const struct web_req *req,
    const char *name)
{
	char base[32];

	web_buf_puts(b, "<p class=\"notice urgent\">");
	web_buf_esc(b, name);
	web_buf_printf(b, " shared that they have had thoughts of hurting "
			  "themselves. Please be with them today and help "
			  "them reach a clinician. <a href=\"%s/screen#help\">"
			  "Where to find help now</a></p>",
	    page_base(req, base, sizeof(base)));
}

/* ---- /me ---------------------------------------------------------------- */

/* A form that came back with a mistake, as typed. */
struct me_form {
	const char *which; /* "checkin" or "sleep" */
	const char *msg;
	const char *energy, *mood, *note, *share;
	const char *from, *to;
};

static const char *
me_said(const char *key)
{
	static const char *const said[][2] = {
		{ "sleep", "Logged: your sleep." },
		{ "shared", "Saved: who sees it." },
		{ "deleted", "Deleted." },
	};
	size_t i;

	for (i = 0; key != NULL && i < sizeof(said) / sizeof(said[0]); i++)
		if (strcmp(key, said[i][0]) == 0)
			return said[i][1];
	return NULL;
}

/* The share a form came back with, as typed; "dflt" when none or not
 * one of the choices. */
static unsigned
share_of_text(const char *text, unsigned dflt)
{
	struct lull_errinfo ei;
	unsigned v;

	if (text == NULL || *text == '\0' ||
	    lull_share_parse(text, &v, &ei) != LULL_OK)
		return dflt;
	return v;
}

/* energy or mood: 1 .. 5 as big radios, words for 1 and 5. */
static void
scale(struct web_buf *b, const char *name, const char *legend,
    const char *low, const char *high, int current)
{
	int v;

	web_buf_printf(b, "<fieldset class=\"choices scale\"><legend>%s"
			  "</legend>",
	    legend);
	for (v = LULL_CHECKIN_MIN; v <= LULL_CHECKIN_MAX; v++) {
		web_buf_printf(b, "<label for=\"%s-%d\"><input type=\"radio\" "
				  "id=\"%s-%d\" name=\"%s\" value=\"%d\"%s%s> "
				  "<span class=\"num\">%d</span>",
		    name, v, name, v, name, v, v == current ? " checked" : "",
		    v == LULL_CHECKIN_MIN ? " required" : "", v);
		if (v == LULL_CHECKIN_MIN)
			web_buf_printf(b, " <span class=\"word\">%s</span>",
			    low);
		if (v == LULL_CHECKIN_MAX)
			web_buf_printf(b, " <span class=\"word\">%s</span>",
			    high);
		web_buf_puts(b, "</label>");
	}
	web_buf_puts(b, "</fieldset>");
}

static int
form_int(const char *s)
{
	if (s == NULL || s[0] < '0' || s[0] > '9' || s[1] != '\0')
		return -1;
	return s[0] - '0';
}

static void
checkin_section(struct web_buf *b, const struct web_req *req,
    const struct care *c, const struct lull_personal *today,
    const struct me_form *f, int said)
{
	int energy = today ? (int)today->energy : 0;
	int mood = today ? (int)today->mood : 0;
	unsigned share = today ? today->share : 0;
	const char *note = today ? today->note : NULL;
	char base[32];

	if (f != NULL && strcmp(f->which, "checkin") == 0) {
		energy = form_int(f->energy);
		mood = form_int(f->mood);
		note = f->note;
		share = share_of_text(f->share, share);
	}
	web_buf_puts(b, "<section class=\"checkin\" aria-labelledby=\"ci-h\">"
			"<h2 id=\"ci-h\">This morning</h2>\n");
	if (said && today != NULL) {
		web_buf_puts(b, "<div class=\"notice\" role=\"status\">"
				"<p>Thank you for checking in.</p>");
		if (today->energy <= LULL_CHECKIN_LOW) {
			web_buf_puts(b, "<p>");
			web_buf_esc(b, lull_checkin_low_energy_words);
			web_buf_puts(b, "</p>");
		}
		if (today->mood <= LULL_CHECKIN_LOW) {
			web_buf_puts(b, "<p>");
			web_buf_esc(b, lull_checkin_low_mood_words);
			web_buf_printf(b, ": <a href=\"%s/screen/phq2\">the "
					  "two-question mood screen</a>.</p>",
			    page_base(req, base, sizeof(base)));
		}
		web_buf_puts(b, "</div>\n");
	}
	if (today != NULL) {
		web_buf_printf(b, "<p>You checked in today: energy %d of 5, "
				  "mood %d of 5, ",
		    (int)today->energy, (int)today->mood);
		page_visibility(b, &c->cg, today, c->me_id);
		web_buf_puts(b, ". You can change it here.</p>\n");
	} else
		web_buf_puts(b, "<p class=\"hint\">Ten seconds, just for you. "
				"Nothing is graded.</p>\n");
	if (f != NULL && strcmp(f->which, "checkin") == 0 && f->msg != NULL)
		page_form_error(b, f->msg);
	page_form_open(b, req, "me/checkin", "stack checkin-form");
	scale(b, "energy", "Energy", "running on empty",
	    "rested, full of energy", energy);
	scale(b, "mood", "Mood", "very low", "good", mood);
	web_buf_puts(b, "<label for=\"ci-note\">A note (optional)</label>"
			"<textarea id=\"ci-note\" name=\"note\" rows=\"2\">");
	web_buf_esc(b, note);
	web_buf_puts(b, "</textarea>");
	page_share_choice(b, "ci-share", LULL_PERSONAL_CHECKIN, share);
	web_buf_printf(b, "<button type=\"submit\">%s</button></form>"
			  "</section>\n",
	    today != NULL ? "Save my check-in" : "Check in");
}

static void
sleep_section(struct web_buf *b, const struct web_req *req,
    const struct me_form *f)
{
	const struct me_form *mine =
	    f != NULL && strcmp(f->which, "sleep") == 0 ? f : NULL;
	unsigned share = share_of_text(mine ? mine->share : NULL,
	    LULL_SHARE_PARTNER);

	web_buf_puts(b, "<section aria-labelledby=\"sl-h\">"
			"<h2 id=\"sl-h\">Your own sleep</h2>\n"
			"<p class=\"hint\">When you slept, for the nights page "
			"and the rota: one unbroken stretch restores more than "
			"the same hours in pieces.</p>\n");
	if (mine != NULL && mine->msg != NULL)
		page_form_error(b, mine->msg);
	page_form_open(b, req, "me/sleep", "stack sleep-form");
	web_buf_puts(b, "<label for=\"sl-from\">Fell asleep</label>"
			"<input type=\"text\" id=\"sl-from\" name=\"from\" "
			"autocomplete=\"off\" required "
			"aria-describedby=\"sl-hint\" value=\"");
	web_buf_esc(b, mine ? mine->from : NULL);
	web_buf_puts(b, "\"><label for=\"sl-to\">Woke up</label>"
			"<input type=\"text\" id=\"sl-to\" name=\"to\" "
			"autocomplete=\"off\" required "
			"aria-describedby=\"sl-hint\" value=\"");
	web_buf_esc(b, mine ? mine->to : NULL);
	web_buf_puts(b, "\"><p class=\"hint\" id=\"sl-hint\">22:30, or "
			"yesterday 23:00</p>"
			"<label for=\"sl-note\">A note (optional)</label>"
			"<textarea id=\"sl-note\" name=\"note\" rows=\"2\">");
	web_buf_esc(b, mine ? mine->note : NULL);
	web_buf_puts(b, "</textarea>");
	page_share_choice(b, "sl-share", LULL_PERSONAL_SLEEP, share);
	web_buf_puts(b, "<p class=\"hint\">Your sleep is shared with your "
			"partner unless you choose otherwise, so that the "
			"nights page can show the two of you side by side. "
			"Choose private to keep it to yourself.</p>"
			"<button type=\"submit\">Log my sleep</button></form>"
			"</section>\n");
}

static void
record_item(struct web_buf *b, const struct web_req *req,
    const struct care *c, const struct lull_personal *p, int mine)
{
	char date[32];

	lull_date_format_long(p->day, date, sizeof(date));
	web_buf_printf(b, "<li><p><strong>%s</strong> &middot; ", date);
	personal_summary(b, req, &c->cg, p);
	web_buf_puts(b, "</p><p>");
	page_visibility(b, &c->cg, p, c->me_id);
	web_buf_puts(b, "</p>");
	if (p->note != NULL) {
		web_buf_puts(b, "<p class=\"note\">&ldquo;");
		web_buf_esc(b, p->note);
		web_buf_puts(b, "&rdquo;</p>");
	}
	if (!mine && p->kind == LULL_PERSONAL_SCREEN && p->self_harm)
		shared_self_harm(b, req, who(&c->cg, p->author_id));
	if (mine && p->kind == LULL_PERSONAL_SCREEN && p->self_harm) {
		char base[32];

		web_buf_printf(b, "<p class=\"notice urgent\">This one spoke "
				  "of thoughts of hurting yourself. If they are "
				  "with you now, please reach out: <a "
				  "href=\"%s/screen#help\">where help is</a>."
				  "</p>",
		    page_base(req, base, sizeof(base)));
	}
	if (mine)
		page_own_record_forms(b, req, p, "me");
	web_buf_puts(b, "</li>\n");
}

static void
records_sections(struct web_buf *b, const struct web_req *req,
    const struct care *c, const struct lull_personalv *v)
{
	size_t i, n = 0;

	web_buf_printf(b, "<section aria-labelledby=\"rec-h\">"
			  "<h2 id=\"rec-h\">Your own records</h2>\n"
			  "<p class=\"hint\">The last %d days, newest first. "
			  "Only you change, share or delete them.</p>\n"
			  "<ul class=\"cards records\">\n",
	    RECORD_DAYS);
	for (i = v->n; i-- > 0;)
		if (v->v[i].author_id == c->me_id) {
			record_item(b, req, c, &v->v[i], 1);
			n++;
		}
	web_buf_puts(b, "</ul>\n");
	if (n == 0)
		web_buf_puts(b, "<p>Nothing of yours in these days yet.</p>\n");
	web_buf_puts(b, "</section>\n<section aria-labelledby=\"sw-h\">"
			"<h2 id=\"sw-h\">Shared with you</h2>\n"
			"<ul class=\"cards records shared\">\n");
	n = 0;
	for (i = v->n; i-- > 0;) {
		const struct lull_personal *p = &v->v[i];

		/* Notes and couple check-ins are on the couple page. */
		if (p->author_id == c->me_id ||
		    p->kind == LULL_PERSONAL_APPRECIATION ||
		    p->kind == LULL_PERSONAL_COUPLE)
			continue;
		record_item(b, req, c, p, 0);
		n++;
	}
	web_buf_puts(b, "</ul>\n");
	if (n == 0)
		web_buf_puts(b, "<p>Nothing shared with you in these days."
				"</p>\n");
	web_buf_puts(b, "</section>\n");
}

static int
me_render(struct web_req *req, struct web_resp *resp, int status,
    const struct me_form *f)
{
	struct web_buf b = { 0 };
	struct lull_personalv v = { 0 };
	const struct lull_personal *today = NULL;
	const char *said = web_query(req, "said"), *msg;
	struct care c;
	enum lull_err rc;
	size_t i;

	if (care_load(req, resp, &c))
		goto out;
	if ((rc = lull_store_personal_list(req->st, req->household_id,
		 c.me_id, -1, c.today - RECORD_DAYS + 1, c.today, &v))) {
		page_store_fail(req, resp, rc);
		goto out;
	}
	for (i = 0; i < v.n; i++)
		if (v.v[i].author_id == c.me_id &&
		    v.v[i].kind == LULL_PERSONAL_CHECKIN &&
		    v.v[i].day == c.today)
			today = &v.v[i];
	web_page_open(&b, req, "For you");
	web_buf_puts(&b, "<h1>For you</h1>\n");
	page_care_nav(&b, req, "me");
	if (f == NULL && (msg = me_said(said)) != NULL)
		page_notice(&b, msg);
	web_buf_puts(&b, "<p class=\"lead\">A few things just for you: how "
			 "you are, and how you slept. They are private unless "
			 "you share them.</p>\n");
	checkin_section(&b, req, &c, today, f,
	    f == NULL && said != NULL && strcmp(said, "checkin") == 0);
	sleep_section(&b, req, f);
	records_sections(&b, req, &c, &v);
	web_page_close(&b, req);
	web_buf_html(&b, resp, status);
out:
	lull_personalv_free(&v);
	care_free(&c);
	return 0;
}

int
page_me(struct web_req *req, struct web_resp *resp)
{
	return me_render(req, resp, 200, NULL);
}

int
page_me_checkin(struct web_req *req, struct web_resp *resp)
{
	struct me_form f = { 0 };
	struct lull_personal p;
	struct lull_errinfo ei;
	enum lull_err rc;
	int32_t today = lull_local_day(req->tz, req->now);
	int64_t me = req->member.caregiver_id;
	int energy, mood, found = 0, oom = 0;
	char msg[256];
	unsigned share;

	f.which = "checkin";
	f.energy = web_form(req, "energy");
	f.mood = web_form(req, "mood");
	f.note = web_form(req, "note");
	f.share = web_form(req, "share");
	energy = form_int(f.energy);
	mood = form_int(f.mood);
	if (energy < LULL_CHECKIN_MIN || energy > LULL_CHECKIN_MAX) {
		f.msg = "Energy: choose one of 1 (running on empty) to 5 "
			"(rested).";
		return me_render(req, resp, 422, &f);
	}
	if (mood < LULL_CHECKIN_MIN || mood > LULL_CHECKIN_MAX) {
		f.msg = "Mood: choose one of 1 (very low) to 5 (good).";
		return me_render(req, resp, 422, &f);
	}
	/* One a day: today's, changed, if there is one. */
	if ((rc = lull_personal_own_on(req->st, req->household_id, me,
		 LULL_PERSONAL_CHECKIN, today, &p, &found, &ei)))
		return web_fail(req, resp, rc, &ei);
	if (page_share_read(req, LULL_PERSONAL_CHECKIN, found ? p.share : 0,
		&share, msg, sizeof(msg))) {
		lull_personal_free(&p);
		f.msg = msg;
		return me_render(req, resp, 422, &f);
	}
	if (!found) {
		p.kind = LULL_PERSONAL_CHECKIN;
		p.household_id = req->household_id;
		p.author_id = me;
		p.day = today;
		p.start_utc = req->now;
	}
	p.energy = energy;
	p.mood = mood;
	p.share = share;
	free(p.note);
	p.note = text_dup(f.note, &oom);
	if (oom)
		rc = LULL_ENOMEM;
	else if (found)
		rc = lull_store_personal_update(req->st, &p, &req->actor);
	else
		rc = lull_store_personal_add(req->st, &p, &req->actor);
	lull_personal_free(&p);
	if (rc == LULL_ECONFLICT) {
		f.msg = "You have already checked in today (perhaps on "
			"another phone); it is shown here now.";
		return me_render(req, resp, 409, &f);
	}
	if (rc == LULL_EINVAL) {
		snprintf(msg, sizeof(msg), "%s", lull_store_error(req->st)->msg);
		f.msg = msg;
		return me_render(req, resp, 422, &f);
	}
	if (rc != LULL_OK)
		return page_store_fail(req, resp, rc);
	return page_back(req, resp, "me?said=checkin");
}

int
page_me_sleep(struct web_req *req, struct web_resp *resp)
{
	struct me_form f = { 0 };
	struct lull_personal p, clash;
	struct lull_errinfo ei;
	enum lull_err rc;
	int64_t me = req->member.caregiver_id;
	char msg[320], a[16], z[16];
	int found = 0, oom = 0;

	f.which = "sleep";
	f.from = web_form(req, "from");
	f.to = web_form(req, "to");
	f.note = web_form(req, "note");
	f.share = web_form(req, "share");
	lull_personal_init(&p);
	if ((rc = page_time_parse(req, f.from, "Fell asleep", INT64_MIN,
		 LULL_NO_DAY, LULL_NO_TIME, &p.start_utc, &ei)) ||
	    (rc = page_time_parse(req, f.to, "Woke up", p.start_utc,
		 LULL_NO_DAY, LULL_NO_TIME, &p.end_utc, &ei))) {
		snprintf(msg, sizeof(msg), "%s", ei.msg);
		f.msg = msg;
		return me_render(req, resp, 422, &f);
	}
	if (p.end_utc > req->now) {
		f.msg = "Woke up: that is still to come; log a sleep once it "
			"has ended.";
		return me_render(req, resp, 422, &f);
	}
	if (page_share_read(req, LULL_PERSONAL_SLEEP, LULL_SHARE_PARTNER,
		&p.share, msg, sizeof(msg))) {
		f.msg = msg;
		return me_render(req, resp, 422, &f);
	}
	p.kind = LULL_PERSONAL_SLEEP;
	p.household_id = req->household_id;
	p.author_id = me;
	p.day = lull_local_day(req->tz, p.start_utc);
	/* One body sleeps one sleep at a time. */
	if ((rc = lull_personal_sleep_clash(req->st, req->household_id, me,
		 p.day, p.start_utc, p.end_utc, &clash, &found, &ei)))
		return web_fail(req, resp, rc, &ei);
	if (found) {
		page_hm(req, clash.start_utc, a, sizeof(a));
		page_hm(req, clash.end_utc, z, sizeof(z));
		snprintf(msg, sizeof(msg), "This overlaps your sleep of "
					   "%s-%s, already logged. Delete that "
					   "one below first if it was wrong.",
		    a, z);
		lull_personal_free(&clash);
		f.msg = msg;
		return me_render(req, resp, 409, &f);
	}
	p.note = text_dup(f.note, &oom);
	rc = oom ? LULL_ENOMEM :
		   lull_store_personal_add(req->st, &p, &req->actor);
	lull_personal_free(&p);
	if (rc == LULL_EINVAL) {
		snprintf(msg, sizeof(msg), "%s", lull_store_error(req->st)->msg);
		f.msg = msg;
		return me_render(req, resp, 422, &f);
	}
	if (rc != LULL_OK)
		return page_store_fail(req, resp, rc);
	return page_back(req, resp, "me?said=sleep");
}

/* Where a record's forms go back to: one of ours, else /me. */
static const char *
back_of(struct web_req *req)
{
	const char *v = web_form(req, "back");

	if (v == NULL)
		return "me";
	if (strcmp(v, "me") == 0 || strcmp(v, "couple") == 0 ||
	    strcmp(v, "screen") == 0)
		return v;
	if (strncmp(v, "screens/", 8) == 0 && page_id(v + 8) != 0)
		return v;
	return "me";
}

static int
not_yours(const struct web_req *req, struct web_resp *resp)
{
	return web_error(req, resp, 404, "id",
	    "There is no such record among yours.");
}

int
page_me_share(struct web_req *req, struct web_resp *resp)
{
	struct lull_personal p;
	struct lull_errinfo ei;
	enum lull_err rc;
	int64_t id = web_param_id(req, 1);
	char msg[256], path[96];
	unsigned share;

	if (id == 0)
		return not_yours(req, resp);
	rc = lull_personal_own(req->st, req->household_id,
	    req->member.caregiver_id, id, -1, &p, &ei);
	if (rc == LULL_ENOTFOUND)
		return not_yours(req, resp);
	if (rc != LULL_OK)
		return web_fail(req, resp, rc, &ei);
	if (page_share_read(req, (int)p.kind, p.share, &share, msg,
		sizeof(msg))) {
		lull_personal_free(&p);
		return web_error(req, resp, 422, "share", "%s", msg);
	}
	p.share = share;
	rc = lull_store_personal_update(req->st, &p, &req->actor);
	lull_personal_free(&p);
	if (rc != LULL_OK)
		return page_store_fail(req, resp, rc);
	snprintf(path, sizeof(path), "%s?said=shared", back_of(req));
	return page_back(req, resp, path);
}

int
page_me_delete(struct web_req *req, struct web_resp *resp)
{
	struct lull_personal p;
	struct lull_errinfo ei;
	enum lull_err rc;
	int64_t id = web_param_id(req, 1);
	const char *back = back_of(req);
	char path[96];

	if (id == 0)
		return not_yours(req, resp);
	rc = lull_personal_own(req->st, req->household_id,
	    req->member.caregiver_id, id, -1, &p, &ei);
	if (rc == LULL_ENOTFOUND)
		return not_yours(req, resp);
	if (rc != LULL_OK)
		return web_fail(req, resp, rc, &ei);
	lull_personal_free(&p);
	rc = lull_store_personal_delete(req->st, id, &req->actor);
	if (rc == LULL_ENOTFOUND)
		return not_yours(req, resp);
	if (rc != LULL_OK)
		return page_store_fail(req, resp, rc);
	/* A deleted screen's own page is gone with it. */
	if (strncmp(back, "screens/", 8) == 0)
		back = "screen";
	snprintf(path, sizeof(path), "%s?said=deleted", back);
	return page_back(req, resp, path);
}

/* ---- /screen -------------------------------------------------------------- */

/* The instruments, the short forms first (as the issue asks). */
static size_t
screens_ordered(const struct lull_screen_def **out, size_t max)
{
	const struct lull_screen_def *d;
	size_t i, n = 0;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; (d = lull_screen_def(i)) != NULL; i++)
			if ((d->full_form != NULL) == (pass == 0) && n < max)
				out[n++] = d;
	return n;
}

/*
 * The crisis help.  On a result it is first and prominent: an alert
 * whose heading is the page's first ("h1"); elsewhere a quiet section
 * kept at hand ("h2", no alert).
 */
static void
crisis_section(struct web_buf *b, const struct web_req *req,
    const struct lull_screen_help *h, const char *heading_tag,
    const char *plan)
{
	int first = strcmp(heading_tag, "h1") == 0;
	size_t i;

	(void)req;
	web_buf_printf(b, "<section %sclass=\"crisis\"%s "
			  "aria-labelledby=\"help-h\"><%s id=\"help-h\">",
	    first ? "id=\"help\" " : "", first ? " role=\"alert\"" : "",
	    heading_tag);
	web_buf_esc(b, h->headline);
	web_buf_printf(b, "</%s>\n<p class=\"emergency\">Emergency: "
			  "<strong>",
	    heading_tag);
	web_buf_esc(b, h->emergency);
	web_buf_puts(b, "</strong>. Call now if you feel you might act on "
			"these thoughts, or if you have thoughts of harming "
			"your baby.</p>\n");
	if (h->nlines > 0) {
		web_buf_puts(b, "<p>Crisis lines, free and confidential:</p>"
				"<ul class=\"lines\">");
		for (i = 0; i < h->nlines; i++) {
			web_buf_puts(b, "<li>");
			web_buf_esc(b, h->lines[i]);
			web_buf_puts(b, "</li>");
		}
		web_buf_puts(b, "</ul>\n");
	}
	if (h->defaults)
		web_buf_puts(b, "<p class=\"hint\">These are lull&rsquo;s "
				"defaults for a few countries; the household "
				"can keep the lines where you live (<code>lull "
				"settings --crisis-line</code>).</p>\n");
	web_buf_puts(b, "<p>");
	web_buf_esc(b, h->clinician);
	web_buf_puts(b, "</p>\n<p>");
	web_buf_esc(b, plan != NULL ? plan : h->plan);
	web_buf_puts(b, "</p></section>\n");
}

static const char *
screen_said(const char *key)
{
	if (key != NULL && strcmp(key, "shared") == 0)
		return "Saved: who sees it.";
	if (key != NULL && strcmp(key, "deleted") == 0)
		return "Deleted.";
	return NULL;
}

static void
offer_section(struct web_buf *b, struct web_req *req, const struct care *c)
{
	struct lull_screen_offer o;
	struct lull_errinfo ei;
	enum lull_err rc;
	const char *fu = web_query(req, "follow_up");
	int follow = fu != NULL && strcmp(fu, "1") == 0;
	char base[32], next[32];

	if (c->me == NULL)
		return;
	page_base(req, base, sizeof(base));
	web_buf_puts(b, "<section aria-labelledby=\"due-h\">"
			"<h2 id=\"due-h\">When one is offered</h2>\n");
	rc = lull_screen_offer(req->st, req->household_id, c->me, c->today,
	    follow, &o, &ei);
	if (rc == LULL_ENOTFOUND)
		web_buf_puts(b, "<p>Screens are offered in the months after a "
				"birth, once the child is in the journal. You "
				"can take one any time.</p>");
	else if (rc != LULL_OK)
		web_buf_puts(b, "<p>The schedule could not be read just now. "
				"You can take a screen any time.</p>");
	else {
		web_buf_puts(b, "<p>");
		web_buf_esc(b, o.due.why);
		web_buf_puts(b, "</p>");
		if (o.due.due)
			web_buf_puts(b, "<p>When it suits you: the two-question "
					"forms below take a minute.</p>");
		else if (o.due.next_day != LULL_NO_DAY) {
			lull_date_format_long(o.due.next_day, next,
			    sizeof(next));
			web_buf_printf(b, "<p>The next one is offered from %s. "
					  "You can take one any time.</p>",
			    next);
		} else if (!follow && c->me->role == LULL_ROLE_PARENT)
			web_buf_printf(b, "<p><a href=\"%s/screen?follow_up=1\">"
					  "Offer me one every two months</a> "
					  "(the schedule with follow-ups).</p>",
			    base);
	}
	lull_screen_offer_free(&o);
	web_buf_puts(b, "</section>\n");
}

int
page_screen(struct web_req *req, struct web_resp *resp)
{
	const struct lull_screen_def *defs[8];
	struct lull_personalv v = { 0 };
	struct web_buf b = { 0 };
	struct care c;
	enum lull_err rc;
	const char *msg;
	char base[32];
	size_t i, n;

	if (care_load(req, resp, &c))
		goto out;
	if ((rc = lull_store_personal_list(req->st, req->household_id,
		 c.me_id, LULL_PERSONAL_SCREEN, c.today - SCREEN_DAYS + 1,
		 c.today, &v))) {
		page_store_fail(req, resp, rc);
		goto out;
	}
	page_base(req, base, sizeof(base));
	web_page_open(&b, req, "Mood screens");
	web_buf_puts(&b, "<h1>Mood screens</h1>\n");
	page_care_nav(&b, req, "screen");
	if ((msg = screen_said(web_query(req, "said"))) != NULL)
		page_notice(&b, msg);
	web_buf_puts(&b, "<p class=\"lead\">A few short questions about the "
			 "last two weeks, just for you. It is a screen, not a "
			 "diagnosis: it can help you decide whether to talk "
			 "with someone. Your answers stay private unless you "
			 "share them.</p>\n");
	offer_section(&b, req, &c);
	web_buf_puts(&b, "<section aria-labelledby=\"take-h\">"
			 "<h2 id=\"take-h\">Take one</h2>\n"
			 "<p>The short forms first: two questions each. If "
			 "one suggests it, the full form follows.</p>\n"
			 "<ul class=\"cards screens\">\n");
	n = screens_ordered(defs, sizeof(defs) / sizeof(defs[0]));
	for (i = 0; i < n; i++) {
		web_buf_printf(&b, "<li><a class=\"card\" href=\"%s/screen/%s\">"
				   "<strong>",
		    base, defs[i]->name);
		web_buf_esc(&b, defs[i]->title);
		web_buf_puts(&b, "</strong><br>");
		web_buf_esc(&b, defs[i]->about);
		web_buf_printf(&b, ", %zu questions</a></li>\n",
		    defs[i]->nitems);
	}
	web_buf_puts(&b, "</ul></section>\n"
			 "<section aria-labelledby=\"mine-h\">"
			 "<h2 id=\"mine-h\">Your screens</h2>\n"
			 "<ul class=\"cards records\">\n");
	for (i = v.n; i-- > 0;)
		record_item(&b, req, &c, &v.v[i],
		    v.v[i].author_id == c.me_id);
	web_buf_puts(&b, "</ul>\n");
	if (v.n == 0)
		web_buf_puts(&b, "<p>No screens in the last year.</p>\n");
	else
		web_buf_puts(&b, "<p class=\"hint\">A screen, not a "
				 "diagnosis.</p>\n");
	web_buf_puts(&b, "</section>\n");
	/* Where help is, always at hand (shared screens point here). */
	{
		struct lull_crisis_lines l;
		struct lull_screen_help h;

		lull_crisis_help(&req->hh, &l, &h);
		web_buf_puts(&b, "<details id=\"help\" class=\"help-later\">"
				 "<summary>If you are struggling right now"
				 "</summary>");
		crisis_section(&b, req, &h, "h2", NULL);
		web_buf_puts(&b, "</details>\n");
	}
	web_page_close(&b, req);
	web_buf_html(&b, resp, 200);
out:
	lull_personalv_free(&v);
	care_free(&c);
	return 0;
}

static const struct lull_screen_def *
screen_of(struct web_req *req)
{
	return req->nparam > 1 ? lull_screen_find(req->param[1]) : NULL;
}

static int
no_screen(const struct web_req *req, struct web_resp *resp)
{
	return web_error(req, resp, 404, "screen",
	    "There is no such screen here.");
}

/* The questions, with answers as given ("ans": -1 for none). */
static int
form_render(struct web_req *req, struct web_resp *resp, int status,
    const struct lull_screen_def *def, const int *ans, unsigned share,
    const char *error)
{
	struct web_buf b = { 0 };
	char path[32];
	size_t i;
	int v;

	web_page_open(&b, req, def->title);
	web_buf_puts(&b, "<h1>");
	web_buf_esc(&b, def->title);
	web_buf_puts(&b, "</h1>\n");
	page_care_nav(&b, req, "screen");
	web_buf_puts(&b, "<p class=\"lead\">About ");
	web_buf_esc(&b, def->about);
	web_buf_puts(&b, ". Nothing is graded, and there are no wrong "
			 "answers.</p>\n");
	if (error != NULL)
		page_form_error(&b, error);
	snprintf(path, sizeof(path), "screen/%s", def->name);
	page_form_open(&b, req, path, "stack screen-form");
	web_buf_puts(&b, "<p class=\"recall\"><strong>");
	web_buf_esc(&b, def->recall);
	web_buf_puts(&b, "</strong></p><ol class=\"items\">\n");
	for (i = 0; i < def->nitems; i++) {
		web_buf_puts(&b, "<li><fieldset class=\"choices answer\">"
				 "<legend>");
		web_buf_esc(&b, def->items[i]);
		web_buf_puts(&b, "</legend>");
		for (v = 0; v <= LULL_SCREEN_ANSWER_MAX; v++) {
			web_buf_printf(&b, "<label for=\"q%zu-%d\"><input "
					   "type=\"radio\" id=\"q%zu-%d\" "
					   "name=\"q%zu\" value=\"%d\"%s%s> ",
			    i + 1, v, i + 1, v, i + 1, v,
			    ans != NULL && ans[i] == v ? " checked" : "",
			    v == 0 ? " required" : "");
			web_buf_esc(&b, def->answers[v]);
			web_buf_puts(&b, "</label>");
		}
		web_buf_puts(&b, "</fieldset></li>\n");
	}
	web_buf_puts(&b, "</ol>");
	page_share_choice(&b, "sc-share", LULL_PERSONAL_SCREEN, share);
	web_buf_puts(&b, "<button type=\"submit\">See my result</button>"
			 "</form>\n<p class=\"hint\">A screen, not a "
			 "diagnosis.</p>\n<p class=\"copyright\">");
	web_buf_esc(&b, def->copyright);
	web_buf_puts(&b, "</p>\n");
	web_page_close(&b, req);
	return web_buf_html(&b, resp, status);
}

int
page_screen_form(struct web_req *req, struct web_resp *resp)
{
	const struct lull_screen_def *def = screen_of(req);

	if (def == NULL)
		return no_screen(req, resp);
	return form_render(req, resp, 200, def, NULL, 0, NULL);
}

/*
 * Taking a screen.  With the self-harm item above 0 the crisis help is
 * worked out before anything is stored, so that a failure to keep the
 * answers still shows it, first.
 */
int
page_screen_take(struct web_req *req, struct web_resp *resp)
{
	const struct lull_screen_def *def = screen_of(req);
	struct lull_screen_result r;
	struct lull_crisis_lines l;
	struct lull_screen_help h;
	struct lull_personal p;
	struct lull_errinfo ei;
	enum lull_err rc;
	int ans[LULL_SCREEN_MAX_ITEMS];
	char key[8], msg[256], path[96];
	unsigned share;
	int paused = 0, status;
	int64_t id;
	size_t i, missing = 0;

	if (def == NULL)
		return no_screen(req, resp);
	for (i = 0; i < def->nitems && i < LULL_SCREEN_MAX_ITEMS; i++) {
		snprintf(key, sizeof(key), "q%zu", i + 1);
		ans[i] = form_int(web_form(req, key));
		if (ans[i] > LULL_SCREEN_ANSWER_MAX)
			ans[i] = -1;
		if (ans[i] < 0 && missing == 0)
			missing = i + 1;
	}
	if ((status = page_share_read(req, LULL_PERSONAL_SCREEN, 0, &share,
		 msg, sizeof(msg))))
		return form_render(req, resp, status, def, ans, 0, msg);
	if (missing != 0) {
		snprintf(msg, sizeof(msg), "Please answer every question: "
					   "question %zu has no answer yet.",
		    missing);
		return form_render(req, resp, 422, def, ans, share, msg);
	}
	if ((rc = lull_screen_score(def, ans, def->nitems, &r, &ei)))
		return form_render(req, resp, 422, def, ans, share, ei.msg);
	lull_crisis_help(&req->hh, &l, &h);
	lull_personal_init(&p);
	p.kind = LULL_PERSONAL_SCREEN;
	p.household_id = req->household_id;
	p.author_id = req->member.caregiver_id;
	p.day = lull_local_day(req->tz, req->now);
	p.start_utc = req->now;
	p.share = share;
	snprintf(p.instrument, sizeof(p.instrument), "%s", def->name);
	for (i = 0; i < def->nitems && i < LULL_SCREEN_MAXITEMS; i++)
		p.answers[i] = ans[i];
	p.nanswers = (int)i;
	rc = lull_store_personal_add(req->st, &p, &req->actor);
	id = p.id;
	lull_personal_free(&p);
	if (rc != LULL_OK) {
		struct web_buf b = { 0 };

		if (!r.self_harm)
			return page_store_fail(req, resp, rc);
		/* The help first, whatever went wrong. */
		web_page_open(&b, req, "Please get help now");
		crisis_section(&b, req, &h, "h1", NULL);
		page_form_error(&b, "Your answers could not be kept just now; "
				    "that can wait. Please reach out first.");
		web_page_close(&b, req);
		return web_buf_html(&b, resp, 500);
	}
	/* domain.md 6.2: the plan pauses (see the top of this file). */
	if (r.self_harm && page_can_write(req) &&
	    lull_plan_run_pause_all(req->st, req->household_id, req->tz,
		&req->actor, &paused, NULL, NULL, &ei) != LULL_OK)
		web_log(WEB_LOG_WARN, "a plan could not be paused: %s",
		    ei.msg);
	snprintf(path, sizeof(path), "screens/%" PRId64 "?paused=%d",
	    id, paused);
	return page_back(req, resp, path);
}

int
page_screen_result(struct web_req *req, struct web_resp *resp)
{
	const struct lull_screen_def *def = NULL;
	struct lull_screen_result r;
	struct lull_crisis_lines l;
	struct lull_screen_help h;
	struct lull_personal p;
	struct lull_errinfo ei;
	struct web_buf b = { 0 };
	struct care c;
	enum lull_err rc;
	const char *said = web_query(req, "said"), *pq, *advice, *msg;
	int64_t id = web_param_id(req, 1);
	int mine, paused = -1;
	char band[32], back[48], base[32];
	size_t i;

	lull_personal_init(&p);
	if (care_load(req, resp, &c))
		goto out;
	rc = id ? lull_store_personal_get(req->st, id, c.me_id, &p) :
		  LULL_ENOTFOUND;
	if (rc == LULL_OK && (p.household_id != req->household_id ||
				 p.kind != LULL_PERSONAL_SCREEN ||
				 (def = lull_screen_find(p.instrument)) ==
				     NULL ||
				 lull_screen_score(def, p.answers,
				     (size_t)p.nanswers, &r, &ei) != LULL_OK))
		rc = LULL_ENOTFOUND;
	if (rc == LULL_ENOTFOUND) {
		no_screen(req, resp);
		goto out;
	}
	if (rc != LULL_OK) {
		page_store_fail(req, resp, rc);
		goto out;
	}
	mine = p.author_id == c.me_id;
	if ((pq = web_query(req, "paused")) != NULL)
		paused = atoi(pq);
	page_base(req, base, sizeof(base));
	lull_crisis_help(&req->hh, &l, &h);
	web_page_open(&b, req, mine ? "Your result" : "A shared result");
	/* The help comes first, before anything else on the page. */
	if (p.self_harm && mine)
		crisis_section(&b, req, &h, "h1",
		    paused >= 0 && page_can_write(req) ?
			lull_screen_plan_paused_words :
			NULL);
	else if (p.self_harm) {
		web_buf_puts(&b, "<section id=\"help\" class=\"crisis\" "
				 "aria-labelledby=\"help-h\"><h1 id=\"help-h\">");
		web_buf_esc(&b, who(&c.cg, p.author_id));
		web_buf_puts(&b, " shared something important</h1><p>");
		web_buf_esc(&b, who(&c.cg, p.author_id));
		web_buf_puts(&b, " has had thoughts of hurting themselves. "
				 "Please be with them today and help them "
				 "reach a clinician.</p><p>Emergency: "
				 "<strong>");
		web_buf_esc(&b, h.emergency);
		web_buf_puts(&b, "</strong></p><ul class=\"lines\">");
		for (i = 0; i < h.nlines; i++) {
			web_buf_puts(&b, "<li>");
			web_buf_esc(&b, h.lines[i]);
			web_buf_puts(&b, "</li>");
		}
		web_buf_puts(&b, "</ul></section>\n");
	}
	web_buf_printf(&b, "<%s id=\"res-h\">", p.self_harm ? "h2" : "h1");
	if (!mine) {
		web_buf_esc(&b, who(&c.cg, p.author_id));
		web_buf_puts(&b, "&rsquo;s result: ");
	} else
		web_buf_puts(&b, "Your result: ");
	web_buf_esc(&b, def->title);
	web_buf_printf(&b, "</%s>\n", p.self_harm ? "h2" : "h1");
	page_care_nav(&b, req, "screen");
	if ((msg = screen_said(said)) != NULL)
		page_notice(&b, msg);
	web_buf_puts(&b, "<section class=\"result\" "
			 "aria-labelledby=\"res-h\">");
	lull_screen_band_words(r.band, band, sizeof(band));
	web_buf_printf(&b, "<p class=\"score\">%d of %d: %s%s</p>\n", r.total,
	    lull_screen_max_total(def), band,
	    r.positive && def->full_form == NULL ? " (screen-positive)" : "");
	advice = p.self_harm && mine ? lull_screen_self_harm_words : r.advice;
	web_buf_puts(&b, "<p>");
	web_buf_esc(&b, advice);
	web_buf_puts(&b, "</p>\n");
	if (strstr(advice, "not a diagnosis") == NULL)
		web_buf_puts(&b, "<p>This is a screen, not a diagnosis.</p>\n");
	if (mine && r.positive && def->full_form != NULL && !p.self_harm) {
		const struct lull_screen_def *full =
		    lull_screen_find(def->full_form);

		web_buf_printf(&b, "<p><a class=\"button\" href=\"%s/screen/"
				   "%s\">The full form: ",
		    base, def->full_form);
		web_buf_esc(&b, full ? full->title : def->full_form);
		web_buf_puts(&b, "</a></p>\n");
	}
	if (mine && paused > 0)
		web_buf_printf(&b, "<p class=\"notice\">The sleep plan is "
				   "paused (its history shows a pause by you, "
				   "nothing more). You can resume it from "
				   "<a href=\"%s/plan\">the plan</a> whenever "
				   "you are ready.</p>\n",
		    base);
	web_buf_puts(&b, "<p>Kept, ");
	page_visibility(&b, &c.cg, &p, c.me_id);
	web_buf_puts(&b, ".");
	if (mine && p.share == 0)
		web_buf_puts(&b, " If you would like someone to know, you can "
				 "share it.");
	web_buf_puts(&b, "</p>\n");
	if (mine) {
		snprintf(back, sizeof(back), "screens/%" PRId64, p.id);
		page_own_record_forms(&b, req, &p, back);
	}
	web_buf_puts(&b, "<details class=\"answers\"><summary>The answers"
			 "</summary><ol>");
	for (i = 0; i < def->nitems && i < (size_t)p.nanswers; i++) {
		web_buf_puts(&b, "<li>");
		web_buf_esc(&b, def->items[i]);
		web_buf_puts(&b, ": <strong>");
		web_buf_esc(&b, def->answers[p.answers[i]]);
		web_buf_puts(&b, "</strong></li>");
	}
	web_buf_puts(&b, "</ol></details></section>\n<p class=\"copyright\">");
	web_buf_esc(&b, def->copyright);
	web_buf_puts(&b, "</p>\n");
	web_page_close(&b, req);
	web_buf_html(&b, resp, 200);
out:
	lull_personal_free(&p);
	care_free(&c);
	return 0;
}
