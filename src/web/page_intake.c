/*
 * Starting a plan (/h/{hid}/plan/start): the intake profile as a form
 * (docs/profile.md: the child's dates, feeding, growth, sleep space, how
 * they fall asleep now, temperament, goals, health signs, the household,
 * a chosen method), read into a struct lull_profile and handed to the
 * engine.  What the engine answers is shown as it says it: a plan
 * (foundations only under 4 months corrected, paused with a clinician's
 * referral for a red flag, bed-sharing harm-reduction facts) or why not.
 * SPDX-License-Identifier: ISC
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/plan.h"
#include "lull/plan_run.h"
#include "lull/store.h"
#include "web/page_int.h"
#include "web/web.h"

static const char *const feeding_labels[LULL_FEEDING__MAX] = {
	[LULL_FEEDING_BREAST] = "Breastfed",
	[LULL_FEEDING_BOTTLE] = "Bottle-fed",
	[LULL_FEEDING_MIXED] = "Both breast and bottle",
	[LULL_FEEDING_SOLIDS] = "Mostly solid food now",
};

static const char *const space_labels[LULL_SPACE__MAX] = {
	[LULL_SPACE_OWN_ROOM_COT] = "A cot in their own room",
	[LULL_SPACE_PARENTS_ROOM_COT] = "A cot in the parents' room",
	[LULL_SPACE_SIDECAR] = "A sidecar cot against the parents' bed",
	[LULL_SPACE_PARENTS_BED] = "The parents' bed",
	[LULL_SPACE_SOFA] = "A sofa",
	[LULL_SPACE_OTHER] = "Somewhere else",
};

static const char *const goal_labels[LULL_GOAL__MAX] = {
	[LULL_GOAL_LESS_HELP] = "Falling asleep with less help",
	[LULL_GOAL_FEWER_WAKINGS] = "Fewer night wakings",
	[LULL_GOAL_EARLIER_BEDTIME] = "An earlier or steadier bedtime",
	[LULL_GOAL_OWN_SPACE] = "Sleeping in their own space",
	[LULL_GOAL_FEWER_NIGHT_FEEDS] = "Fewer night feeds",
};

static const char *const health_labels[LULL_HEALTH__MAX] = {
	[LULL_HEALTH_SNORING] = "Snores most nights",
	[LULL_HEALTH_BREATHING_PAUSES] = "Pauses in breathing while asleep",
	[LULL_HEALTH_POOR_WEIGHT_GAIN] = "Gaining weight slowly",
	[LULL_HEALTH_REFLUX] = "Reflux, or pain after feeds",
	[LULL_HEALTH_FEVER] = "A fever now",
	[LULL_HEALTH_ILL] = "Unwell now",
	[LULL_HEALTH_BLUE_OR_LIMP] = ("Went blue, grey or limp, or "
				      "stopped breathing"),
};

static const char *const temper_labels[LULL_TEMPER__MAX] = {
	[LULL_TEMPER_PERSISTENCE] = "How strongly they protest",
	[LULL_TEMPER_SENSITIVITY] = "How much change unsettles them",
	[LULL_TEMPER_SEPARATION] = "How upset they are when you leave",
	[LULL_TEMPER_ALERTNESS] = "How active and alert they are",
};

/* ---- the form -------------------------------------------------------- */

static int
checked(struct web_req *req, int sticky, const char *prefix,
    const char *name, int dflt)
{
	char key[64];

	if (!sticky)
		return dflt;
	snprintf(key, sizeof(key), "%s%s", prefix, name);
	return web_form(req, key) != NULL;
}

static const char *
value(struct web_req *req, int sticky, const char *name, const char *dflt)
{
	const char *v;

	if (sticky && (v = web_form(req, name)) != NULL)
		return v;
	return dflt;
}

static void
checkbox(struct web_buf *b, const char *name, const char *label, int on)
{
	web_buf_printf(b, "<label class=\"check\"><input type=\"checkbox\" "
			  "name=\"%s\" value=\"1\"%s> ",
	    name, on ? " checked" : "");
	web_buf_esc(b, label);
	web_buf_puts(b, "</label>");
}

static void
set_boxes(struct web_buf *b, struct web_req *req, int sticky,
    const char *prefix, const char *legend, const char *(*name)(int),
    const char *const *labels, int n)
{
	char key[64];
	int i;

	web_buf_printf(b, "<fieldset class=\"choices\"><legend>%s</legend>",
	    legend);
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "%s%s", prefix, name(i));
		checkbox(b, key, labels[i],
		    checked(req, sticky, prefix, name(i), 0));
	}
	web_buf_puts(b, "</fieldset>");
}

static const char *
assoc_name(int i)
{
	return lull_assoc_name((enum lull_assoc)i);
}

static const char *
goal_name(int i)
{
	return lull_goal_name((enum lull_goal)i);
}

static const char *
health_name(int i)
{
	return lull_health_name((enum lull_health)i);
}

static void
radios(struct web_buf *b, const char *name, const char *legend,
    const char *(*vname)(int), const char *const *labels, int n,
    const char *sel)
{
	int i;

	web_buf_printf(b, "<fieldset class=\"choices\"><legend>%s</legend>",
	    legend);
	for (i = 0; i < n; i++)
		web_buf_printf(b, "<label><input type=\"radio\" name=\"%s\" "
				  "value=\"%s\"%s> %s</label>",
		    name, vname(i), strcmp(vname(i), sel) == 0 ? " checked" : "",
		    labels[i]);
	web_buf_puts(b, "</fieldset>");
}

static const char *
feeding_name(int i)
{
	return lull_feeding_name((enum lull_feeding)i);
}

static const char *
space_name(int i)
{
	return lull_space_name((enum lull_space)i);
}

static void
intake_page(struct web_req *req, struct web_resp *resp,
    const struct lull_childv *kids, const struct lull_child *c, int status,
    const char *error, int emergency, int sticky)
{
	const char *assoc_labels[LULL_ASSOC__MAX];
	struct web_buf b = { 0 };
	char born[16], due[16], title[160], key[64];
	const char *v;
	int i, k;

	lull_date_format(c->born_day, born, sizeof(born));
	due[0] = '\0';
	if (c->due_day != LULL_NO_DAY)
		lull_date_format(c->due_day, due, sizeof(due));
	snprintf(title, sizeof(title), "A plan for %s", c->name);
	web_page_open(&b, req, "Start a plan");
	/* An emergency sign is said first, even when the form has a
	 * mistake elsewhere. */
	if (emergency)
		web_buf_puts(&b, "<div class=\"notice bad urgent\" "
				 "role=\"alert\"><p><strong>First:</strong> a "
				 "child who went blue, grey or limp, or "
				 "stopped breathing, needs emergency help now: "
				 "call your emergency number.</p></div>\n");
	web_buf_puts(&b, "<h1>");
	web_buf_esc(&b, title);
	web_buf_puts(&b, "</h1>\n");
	page_child_picker(&b, req, kids, c, "plan/start");
	if (error != NULL)
		page_form_error(&b, error);
	web_buf_puts(&b, "<p>Tell lull about your child and your family. "
			 "Only the dates are needed; anything you leave as it "
			 "is keeps a gentle default. You can pause, slow down "
			 "or step back at any time.</p>\n");
	page_form_open(&b, req, "plan/start", "stack intake");
	web_buf_printf(&b, "<input type=\"hidden\" name=\"child\" "
			   "value=\"%" PRId64 "\">",
	    c->id);

	web_buf_puts(&b, "<fieldset><legend>The child</legend>"
			 "<label for=\"i-born\">Born</label>"
			 "<input type=\"date\" id=\"i-born\" name=\"born\" "
			 "required value=\"");
	web_buf_esc(&b, value(req, sticky, "born", born));
	web_buf_puts(&b, "\"><label for=\"i-due\">Due date, if born early"
			 "</label><input type=\"date\" id=\"i-due\" "
			 "name=\"due\" aria-describedby=\"i-due-hint\" "
			 "value=\"");
	web_buf_esc(&b, value(req, sticky, "due", due));
	web_buf_puts(&b, "\"><p class=\"hint\" id=\"i-due-hint\">Ages are "
			 "then counted from it (corrected age).</p>");
	radios(&b, "feeding", "Feeding", feeding_name, feeding_labels,
	    LULL_FEEDING__MAX, value(req, sticky, "feeding", "breast"));
	checkbox(&b, "growth_concern",
	    "A doctor or nurse has raised a concern about weight or growth",
	    checked(req, sticky, "", "growth_concern", 0));
	web_buf_puts(&b, "</fieldset>");

	web_buf_puts(&b, "<fieldset><legend>Sleep now</legend>");
	radios(&b, "space", "Where they sleep at night", space_name,
	    space_labels, LULL_SPACE__MAX,
	    value(req, sticky, "space", "parents_room_cot"));
	for (i = 0; i < LULL_ASSOC__MAX; i++)
		assoc_labels[i] = lull_assoc_label((enum lull_assoc)i);
	set_boxes(&b, req, sticky, "assoc_", "How they fall asleep now",
	    assoc_name, assoc_labels, LULL_ASSOC__MAX);
	web_buf_puts(&b, "</fieldset>");

	web_buf_puts(&b, "<fieldset><legend>Temperament</legend>"
			 "<p class=\"hint\">1 is a little, 5 is a lot. Every "
			 "child is different; there is no right answer.</p>");
	for (i = 0; i < LULL_TEMPER__MAX; i++) {
		const char *n = lull_temper_name((enum lull_temper)i);

		snprintf(key, sizeof(key), "temper_%s", n);
		v = value(req, sticky, key, "3");
		web_buf_printf(&b, "<label for=\"i-%s\">%s</label>"
				   "<select id=\"i-%s\" name=\"%s\">",
		    key, temper_labels[i], key, key);
		for (k = 1; k <= 5; k++)
			web_buf_printf(&b, "<option value=\"%d\"%s>%d%s"
					   "</option>",
			    k, v[0] == '0' + k && v[1] == '\0' ? " selected" :
								  "",
			    k, k == 1 ? " (a little)" : k == 5 ? " (a lot)" : "");
		web_buf_puts(&b, "</select>");
	}
	web_buf_puts(&b, "</fieldset>");

	web_buf_puts(&b, "<fieldset><legend>What you would like</legend>");
	set_boxes(&b, req, sticky, "goal_", "Goals", goal_name, goal_labels,
	    LULL_GOAL__MAX);
	v = value(req, sticky, "main_goal", "");
	web_buf_puts(&b, "<label for=\"i-main\">The one that matters most"
			 "</label><select id=\"i-main\" name=\"main_goal\">"
			 "<option value=\"\">The first one ticked</option>");
	for (i = 0; i < LULL_GOAL__MAX; i++)
		web_buf_printf(&b, "<option value=\"%s\"%s>%s</option>",
		    goal_name(i), strcmp(v, goal_name(i)) == 0 ? " selected" : "",
		    goal_labels[i]);
	web_buf_puts(&b, "</select>");
	v = value(req, sticky, "method", "");
	web_buf_puts(&b, "<label for=\"i-method\">A method you have chosen"
			 "</label><select id=\"i-method\" name=\"method\" "
			 "aria-describedby=\"i-method-hint\">"
			 "<option value=\"\">Let lull suggest one</option>");
	for (i = 0; i < LULL_METHOD__MAX; i++) {
		const char *id = lull_method_id((enum lull_method)i);

		web_buf_printf(&b, "<option value=\"%s\"%s>%s: ", id,
		    strcmp(v, id) == 0 ? " selected" : "", id);
		web_buf_esc(&b, lull_method_info((enum lull_method)i)->name);
		web_buf_puts(&b, "</option>");
	}
	web_buf_puts(&b, "</select><p class=\"hint\" id=\"i-method-hint\">"
			 "If it does not suit your child's age or situation, "
			 "lull says why.</p></fieldset>");

	web_buf_puts(&b, "<fieldset><legend>Health</legend>");
	set_boxes(&b, req, sticky, "health_", "Signs you have noticed",
	    health_name, health_labels, LULL_HEALTH__MAX);
	checkbox(&b, "clinician_ok",
	    "Our doctor or nurse is happy for us to start",
	    checked(req, sticky, "", "clinician_ok", 0));
	web_buf_puts(&b, "</fieldset>");

	web_buf_puts(&b, "<fieldset><legend>The household</legend>");
	checkbox(&b, "smoker", "Someone in the household smokes",
	    checked(req, sticky, "", "smoker", 0));
	checkbox(&b, "impaired",
	    "An adult who may sleep near the child takes sedating medicine, "
	    "drinks alcohol or uses drugs",
	    checked(req, sticky, "", "impaired", 0));
	web_buf_puts(&b, "<label for=\"i-nights\">Adults who can take nights"
			 "</label><input type=\"number\" id=\"i-nights\" "
			 "name=\"nights\" min=\"1\" max=\"10\" "
			 "inputmode=\"numeric\" value=\"");
	web_buf_esc(&b, value(req, sticky, "nights", "2"));
	web_buf_puts(&b, "\"></fieldset>"
			 "<button type=\"submit\" class=\"big\">See the plan "
			 "and start it</button></form>\n"
			 "<p class=\"hint\">General information, not medical "
			 "advice.</p>\n");
	web_page_close(&b, req);
	web_buf_html(&b, resp, status);
}

static int
start_child(struct web_req *req, struct web_resp *resp,
    struct lull_childv *kids, const struct lull_child **c)
{
	int x;

	if ((x = page_children(req, resp, kids, c)))
		return x;
	if (*c == NULL) {
		web_error(req, resp, 404, "child",
		    "There is no child in this household yet.");
		return 404;
	}
	return 0;
}

int
page_plan_start_get(struct web_req *req, struct web_resp *resp)
{
	struct lull_childv kids = { 0 };
	const struct lull_child *c;

	if (start_child(req, resp, &kids, &c) == 0)
		intake_page(req, resp, &kids, c, 200, NULL, 0, 0);
	lull_childv_free(&kids);
	return 0;
}

/* ---- reading it back ------------------------------------------------- */

static enum lull_err
form_set(struct web_req *req, const char *prefix, const char *(*name)(int),
    int n, uint32_t *set)
{
	char key[64];
	int i;

	*set = 0;
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "%s%s", prefix, name(i));
		if (web_form(req, key) != NULL)
			*set |= 1u << i;
	}
	return LULL_OK;
}

static enum lull_err
read_profile(struct web_req *req, struct lull_profile *p,
    struct lull_errinfo *ei)
{
	const char *v;
	char key[64];
	int i, x;

	lull_profile_init(p);
	p->today = lull_local_day(req->tz, req->now);
	if ((v = web_form(req, "born")) == NULL || *v == '\0')
		return lull_errinfo_set(ei, LULL_EINVAL, "child.born",
		    "Please give the day your child was born.");
	if (lull_date_parse(v, "child.born", &p->born_day, ei) != LULL_OK)
		return LULL_EINVAL;
	p->due_day = LULL_NO_DAY;
	if ((v = web_form(req, "due")) != NULL && *v != '\0' &&
	    lull_date_parse(v, "child.due", &p->due_day, ei) != LULL_OK)
		return LULL_EINVAL;
	if ((v = web_form(req, "feeding")) != NULL) {
		if ((x = lull_feeding_parse(v)) < 0)
			return lull_errinfo_set(ei, LULL_EINVAL,
			    "child.feeding", "Choose how your child is fed.");
		p->feeding = (enum lull_feeding)x;
	}
	p->growth_concern = web_form(req, "growth_concern") != NULL;
	if ((v = web_form(req, "space")) != NULL) {
		if ((x = lull_space_parse(v)) < 0)
			return lull_errinfo_set(ei, LULL_EINVAL, "sleep_space",
			    "Choose where your child sleeps.");
		p->space = (enum lull_space)x;
	}
	form_set(req, "assoc_", assoc_name, LULL_ASSOC__MAX, &p->assoc);
	for (i = 0; i < LULL_TEMPER__MAX; i++) {
		snprintf(key, sizeof(key), "temper_%s",
		    lull_temper_name((enum lull_temper)i));
		if ((v = web_form(req, key)) == NULL || *v == '\0')
			continue;
		if (v[0] < '1' || v[0] > '5' || v[1] != '\0')
			return lull_errinfo_set(ei, LULL_EINVAL, key,
			    "Temperament: choose from 1 to 5.");
		p->temper[i] = v[0] - '0';
	}
	form_set(req, "goal_", goal_name, LULL_GOAL__MAX, &p->goals);
	p->main_goal = -1;
	if ((v = web_form(req, "main_goal")) != NULL && *v != '\0') {
		if ((x = lull_goal_parse(v)) < 0)
			return lull_errinfo_set(ei, LULL_EINVAL, "goals",
			    "Choose the goal that matters most from the list.");
		/* The one that matters most is a goal, ticked or not. */
		p->goals |= 1u << x;
		p->main_goal = x;
	}
	for (i = 0; p->main_goal < 0 && i < LULL_GOAL__MAX; i++)
		if (p->goals & (1u << i))
			p->main_goal = i;
	form_set(req, "health_", health_name, LULL_HEALTH__MAX, &p->health);
	p->clinician_ok = web_form(req, "clinician_ok") != NULL;
	p->smoker = web_form(req, "smoker") != NULL;
	p->impaired_adult = web_form(req, "impaired") != NULL;
	if ((v = web_form(req, "nights")) != NULL && *v != '\0') {
		char *end;
		long n = strtol(v, &end, 10);

		if (*end != '\0' || n < 1 || n > 10)
			return lull_errinfo_set(ei, LULL_EINVAL,
			    "household.caregivers_for_nights",
			    "Adults who can take nights: a number from 1 to "
			    "10.");
		p->caregivers_for_nights = (int)n;
	}
	p->method = LULL_METHOD_NONE;
	if ((v = web_form(req, "method")) != NULL && *v != '\0') {
		if ((x = lull_method_parse(v)) < 0)
			return lull_errinfo_set(ei, LULL_EINVAL, "method",
			    "Choose a method from the list, or let lull "
			    "suggest one.");
		p->method = x;
	}
	return lull_profile_check(p, ei);
}

int
page_plan_start_post(struct web_req *req, struct web_resp *resp)
{
	struct lull_childv kids = { 0 };
	const struct lull_child *c;
	struct lull_plan_record rec;
	struct lull_errinfo ei;
	struct lull_profile p;
	struct lull_plan plan;
	enum lull_err rc;
	char path[96], key[64];
	int emergency;

	lull_plan_record_init(&rec);
	if (start_child(req, resp, &kids, &c))
		goto out;
	snprintf(key, sizeof(key), "health_%s",
	    lull_health_name(LULL_HEALTH_BLUE_OR_LIMP));
	emergency = web_form(req, key) != NULL;
	if ((rc = read_profile(req, &p, &ei)) != LULL_OK ||
	    (rc = lull_plan_run_start(req->st, req->tz, c, &p, &req->actor,
		 &rec, &plan, &ei)) != LULL_OK) {
		if (rc == LULL_ENOMEM || rc == LULL_ESTORE)
			web_fail(req, resp, rc, &ei);
		else
			intake_page(req, resp, &kids, c,
			    rc == LULL_ECONFLICT ? 409 : 422, ei.msg, emergency,
			    1);
		goto out;
	}
	snprintf(path, sizeof(path), "plan?child=%" PRId64 "&said=started",
	    c->id);
	page_back(req, resp, path);
out:
	lull_plan_record_free(&rec);
	lull_childv_free(&kids);
	return 0;
}
