/*
 * The HTML pages' insides (page*.c): the handlers of web_page_routes[]
 * and the small helpers they share.  Pages are rendered on the server
 * and work without JavaScript: forms POST with the CSRF field and answer
 * 303 back to a page.  Never installed.
 * SPDX-License-Identifier: ISC
 */
#ifndef PAGE_INT_H
#define PAGE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "lull/model.h"
#include "lull/plan.h"
#include "web/web.h"

/* page_today.c */
int page_today(struct web_req *, struct web_resp *);
int page_today_sleep(struct web_req *, struct web_resp *);
int page_today_predictions(struct web_req *, struct web_resp *);

/* page_journal.c (the day), page_entry.c (edit and delete) */
int page_journal(struct web_req *, struct web_resp *);
int page_sleep_add(struct web_req *, struct web_resp *);
int page_feed_add(struct web_req *, struct web_resp *);
int page_tag_add(struct web_req *, struct web_resp *);
int page_entry_edit_get(struct web_req *, struct web_resp *);
int page_entry_edit_post(struct web_req *, struct web_resp *);
int page_entry_delete_get(struct web_req *, struct web_resp *);
int page_entry_delete_post(struct web_req *, struct web_resp *);
/* One entry in a line of HTML, as the journal lists it. */
void page_sleep_line(struct web_buf *, const struct web_req *,
    const struct lull_sleep *);
void page_waking_line(struct web_buf *, const struct web_req *,
    const struct lull_waking *);
void page_feed_line(struct web_buf *, const struct web_req *,
    const struct lull_feed *);
void page_tag_line(struct web_buf *, const struct lull_tag *);
/* "Unwell", "Teething", ... "Note" for a tag's kind. */
const char *page_tag_label(enum lull_tag_kind);

/* page_charts.c */
int page_charts(struct web_req *, struct web_resp *);
int page_chart_diary(struct web_req *, struct web_resp *);
int page_chart_trends(struct web_req *, struct web_resp *);

/*
 * page_children.c: the household's children on its settings page (the
 * page is auth.c's), and POST /h/{hid}/children to add one.  A form
 * that comes back with a mistake is shown again as typed, with the
 * error next to its field.
 */
struct page_child_form {
	const char *name, *born, *due; /* as typed, or NULL */
	const char *field;	       /* the field of "msg", or "" */
	const char *msg;	       /* the mistake, or NULL */
};
/* The "Children" section: the list with ages; the form for writers. */
void page_children_section(struct web_buf *, struct web_req *,
    const struct page_child_form *);
/* auth.c: the settings page, with this children's form (NULL: empty). */
int page_settings_show(struct web_req *, struct web_resp *, int status,
    const struct page_child_form *);

/* page_plan.c (the running plan), page_intake.c (starting one) */
int page_plan(struct web_req *, struct web_resp *);
int page_plan_move(struct web_req *, struct web_resp *);
int page_plan_start_get(struct web_req *, struct web_resp *);
int page_plan_start_post(struct web_req *, struct web_resp *);
/* "On to the next step"; "randomised trials". */
const char *page_verdict_label(enum lull_verdict);
const char *page_evidence_label(enum lull_evidence);
/* A plan's referrals and safety notes, as sections; an emergency first,
 * as an alert. */
void page_plan_notes(struct web_buf *, const struct lull_plan *);
void page_plan_emergency(struct web_buf *, const struct lull_plan *);

/*
 * The parents' own pages ("For you"): page_care.c (/me: the morning
 * check-in, one's own sleep, one's records and what others shared; the
 * mood screens), page_couple.c (the couple's check-in, notes, rituals),
 * page_rota.c (/nights: who carried the nights, each adult's longest
 * sleep, tonight's rota).  Personal records are the person's own, not
 * the journal's: any member keeps their own (WEB_READ), and the store
 * decides who sees what (care.h).  Rituals are the household's: every
 * member sees them, writers change them.
 */
int page_me(struct web_req *, struct web_resp *);
int page_me_checkin(struct web_req *, struct web_resp *);
int page_me_sleep(struct web_req *, struct web_resp *);
int page_me_share(struct web_req *, struct web_resp *);
int page_me_delete(struct web_req *, struct web_resp *);
int page_screen(struct web_req *, struct web_resp *);
int page_screen_form(struct web_req *, struct web_resp *);
int page_screen_take(struct web_req *, struct web_resp *);
int page_screen_result(struct web_req *, struct web_resp *);
int page_couple(struct web_req *, struct web_resp *);
int page_couple_checkin(struct web_req *, struct web_resp *);
int page_couple_note(struct web_req *, struct web_resp *);
int page_ritual_add(struct web_req *, struct web_resp *);
int page_ritual_delete(struct web_req *, struct web_resp *);
int page_nights(struct web_req *, struct web_resp *);
/* The links between those pages; "here" is the current one ("me"). */
void page_care_nav(struct web_buf *, const struct web_req *,
    const char *here);
/* Who sees a record, as a marked phrase ("private (only you)"). */
struct lull_personal;
void page_visibility(struct web_buf *, const struct lull_caregiverv *,
    const struct lull_personal *, int64_t me);
/* The share choice of a record of "kind" as radios named "share". */
void page_share_choice(struct web_buf *, const char *id, int kind,
    unsigned current);
/* A form's "share" (absent: "dflt"); 0, or 422 with "msg" filled. */
int page_share_read(struct web_req *, int kind, unsigned dflt,
    unsigned *out, char *msg, size_t msgsz);
/* A share form and a delete button for one's own record "p", back to
 * page "back" ("me", "couple", "screens/ID"). */
void page_own_record_forms(struct web_buf *, const struct web_req *,
    const struct lull_personal *, const char *back);
/* "Tue 16 Jun": a day in a table. */
void page_short_date(int32_t day, char *buf, size_t bufsz);

/* ---- shared helpers (pages.c) ---- */

/* What the member may do here: the journal's writes, the plan's moves. */
int page_can_write(const struct web_req *);
int page_can_plan(const struct web_req *);

/* The value of cookie "name" copied into buf, or NULL if not sent. */
const char *page_cookie(const struct web_req *, const char *name, char *buf,
    size_t bufsz);

/*
 * The household's children, and the one the page is about: "?child=ID"
 * (or the form's "child" field on a POST), else the first.  0 on
 * success; otherwise the response is filled (404 for a child of another
 * household, 500) and its status returned.  *sel is NULL when the
 * household has no child yet.  The caller frees "kids".
 */
int page_children(struct web_req *, struct web_resp *,
    struct lull_childv *kids, const struct lull_child **sel);
/* Links to the same page for each child, when there are several. */
void page_child_picker(struct web_buf *, const struct web_req *,
    const struct lull_childv *, const struct lull_child *sel,
    const char *page);

/* "/h/ID" into buf (the household's base path); returns buf. */
const char *page_base(const struct web_req *, char *buf, size_t bufsz);

/* "21:30" in the household's zone. */
void page_hm(const struct web_req *, int64_t utc, char *buf, size_t bufsz);
/* "YYYY-MM-DD HH:MM", as a time field shows it and reads it back. */
void page_time_text(const struct web_req *, int64_t utc, char *buf,
    size_t bufsz);
/* "1 h 05 min", "45 min". */
void page_dur(int64_t sec, char *buf, size_t bufsz);

/*
 * Read a time typed by a person (lull_time_parse_user(), in the
 * household's zone); "after" and "day" as in struct lull_time_ctx.
 * When "keep" is not LULL_NO_TIME and the text is exactly what
 * page_time_text() shows for it, "keep" is the answer (an edit that left
 * a time alone never moves it, even in a DST overlap).
 */
enum lull_err page_time_parse(const struct web_req *, const char *text,
    const char *field, int64_t after, int32_t day, int64_t keep,
    int64_t *utc, struct lull_errinfo *ei);

/* A caregiver's name, NULL for 0 or unknown. */
const char *page_who(const struct lull_caregiverv *, int64_t id);
/* "logged by Anna" and ", changed by Ben" when someone else changed it. */
void page_logged_by(struct web_buf *, const struct lull_caregiverv *,
    const struct lull_meta *);

/* A store failure as a page (lull_store_error() of the request's store). */
int page_store_fail(const struct web_req *, struct web_resp *, enum lull_err);

/* A calm note, e.g. after a form: <p class="notice" role="status">. */
void page_notice(struct web_buf *, const char *text);
/* An error about a form: <p class="form-error" role="alert">. */
void page_form_error(struct web_buf *, const char *text);

/* A <form method="post" action="BASE/path"> with the CSRF field. */
void page_form_open(struct web_buf *, const struct web_req *,
    const char *path, const char *cls);

/* 303 to BASE/path (path may carry a query). */
int page_back(const struct web_req *, struct web_resp *, const char *path);

/* Parse a positive id; 0 when "s" is not one. */
int64_t page_id(const char *s);

#endif
