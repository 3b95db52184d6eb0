/*
 * Mornings: scenario tests that walk a plan through simulated weeks of
 * nights (good nights, a stall, an illness, teething, hard crying, gaps
 * in the log) and check each morning's decision and its reason; the
 * parent's own moves; and observing nights from the journal.
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/plan.h"
#include "t.h"

#define DAY0 20500 /* the plan's first evening */

/* A four-step ladder, three nights a step, built by hand so these tests
 * exercise the decisions alone. */
static void
plan4(struct lull_plan *p)
{
	int i;

	memset(p, 0, sizeof(*p));
	p->mode = LULL_MODE_COACHING;
	p->method = LULL_M2;
	p->nights_per_step = 3;
	p->main_goal = LULL_GOAL_LESS_HELP;
	p->nsteps = 4;
	for (i = 0; i < 4; i++) {
		p->steps[i].index = i + 1;
		p->steps[i].nights_min = 3;
		p->steps[i].presence = (enum lull_presence)(LULL_PRESENCE_TOUCHING + i);
		p->steps[i].title = "step";
		p->steps[i].source = "test";
	}
	p->alternatives[0] = LULL_M3;
	p->alternatives[1] = LULL_M5;
	p->nalternatives = 2;
}

static void
state0(struct lull_plan_state *st)
{
	memset(st, 0, sizeof(*st));
	st->started_day = DAY0;
	st->step = 1;
	st->step_since_day = DAY0;
	st->paused_since_day = LULL_NO_DAY;
	st->best_step = 1;
	st->best_day = LULL_NO_DAY;
	st->reeval_day = LULL_NO_DAY;
	st->resumed_day = LULL_NO_DAY;
}

static struct lull_night
good(int32_t day)
{
	struct lull_night n;

	memset(&n, 0, sizeof(n));
	n.day = day;
	n.logged = 1;
	n.latency_min = 12;
	n.crying_min = 2;
	n.wakings = 1;
	n.onset_sec = 19 * 3600 + 40 * 60;
	return n;
}

static struct lull_night
hard(int32_t day, int latency, int crying)
{
	struct lull_night n = good(day);

	n.latency_min = latency;
	n.crying_min = crying;
	return n;
}

/*
 * A simulated log: nights[DAY0 + k] for k < NMAX.  Each morning decides
 * from everything up to last night.
 */
#define NMAX 80
static struct lull_night log_[NMAX];

static void
morning(const struct lull_plan *p, struct lull_plan_state *st, int32_t today,
    struct lull_decision *d)
{
	size_t n = (size_t)(today - DAY0);

	lull_plan_decide(p, st, log_, n, NULL, 0, today, d);
	lull_plan_apply(p, st, d, today);
}

static void
test_good_nights_advance(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	int k;

	plan4(&p);
	state0(&st);
	for (k = 0; k < NMAX; k++)
		log_[k] = good(DAY0 + k);
	morning(&p, &st, DAY0 + 1, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	T_CHECK(strstr(d.reason, "1 of 3 calm nights on step 1") != NULL);
	morning(&p, &st, DAY0 + 2, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	morning(&p, &st, DAY0 + 3, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_ADVANCE);
	T_EQ_INT(d.step_to, 2);
	T_CHECK(strstr(d.reason, "3 calm nights in a row on step 1") != NULL);
	T_CHECK(strstr(d.reason, "30 minutes") != NULL);
	T_EQ_INT(d.evidence, LULL_EVIDENCE_CONVENTION);
	T_CHECK(d.source != NULL && strstr(d.source, "[R38]") != NULL);
	T_EQ_INT(st.step, 2);
	T_EQ_INT(st.step_since_day, DAY0 + 3);
	/* Nights on step 1 do not count for step 2. */
	morning(&p, &st, DAY0 + 4, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	T_CHECK(strstr(d.reason, "1 of 3 calm nights on step 2") != NULL);
	/* Walk on: steps 2, 3, 4, then done. */
	for (k = 5; k <= 9; k++)
		morning(&p, &st, DAY0 + k, &d);
	T_EQ_INT(st.step, 4);
	T_EQ_INT(d.verdict, LULL_VERDICT_ADVANCE);
	morning(&p, &st, DAY0 + 10, &d);
	morning(&p, &st, DAY0 + 11, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	morning(&p, &st, DAY0 + 12, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_DONE);
	T_CHECK(strstr(d.reason, "goal is reached") != NULL);
	T_EQ_INT(st.step, 4);
}

static void
test_hard_crying_steps_back(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	int k;

	plan4(&p);
	state0(&st);
	st.step = 3;
	for (k = 0; k < NMAX; k++)
		log_[k] = good(DAY0 + k);
	log_[4] = hard(DAY0 + 4, 25, 15);
	morning(&p, &st, DAY0 + 5, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_STEP_BACK);
	T_EQ_INT(d.step_from, 3);
	T_EQ_INT(d.step_to, 2);
	T_CHECK(strstr(d.reason, "about 15 minutes of hard crying") != NULL);
	T_EQ_INT(d.evidence, LULL_EVIDENCE_POLICY);
	T_EQ_INT(st.step, 2);
	/* On the first step there is nowhere softer: hold, and say so. */
	st.step = 1;
	log_[5] = hard(DAY0 + 5, 25, 12);
	morning(&p, &st, DAY0 + 6, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	T_CHECK(strstr(d.reason, "gentlest step") != NULL);
	/* A little protest (under 5 min) is still a calm night; 5 to 9
	 * minutes is not calm, but no step back. */
	state0(&st);
	log_[0] = hard(DAY0, 10, 4);
	log_[1] = hard(DAY0 + 1, 10, 7);
	morning(&p, &st, DAY0 + 2, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	T_CHECK(strstr(d.reason, "0 of 3") != NULL);
}

static void
test_missing_night_holds(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	int k;

	plan4(&p);
	state0(&st);
	for (k = 0; k < NMAX; k++)
		log_[k] = good(DAY0 + k);
	log_[2].logged = 0;
	log_[2].latency_min = LULL_UNKNOWN;
	log_[2].crying_min = LULL_UNKNOWN;
	morning(&p, &st, DAY0 + 3, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	T_CHECK(strstr(d.reason, "No night is logged for") != NULL);
	/* A gap breaks the run of calm nights. */
	morning(&p, &st, DAY0 + 4, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	T_CHECK(strstr(d.reason, "1 of 3") != NULL);
}

static void
test_illness_pauses_and_resumes_back(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	int k;

	plan4(&p);
	state0(&st);
	st.step = 3;
	st.step_since_day = DAY0;
	for (k = 0; k < NMAX; k++)
		log_[k] = hard(DAY0 + k, 40, 3);
	/* Ill on the evenings DAY0+1 and DAY0+2. */
	log_[1].tags = 1u << LULL_TAG_ILL;
	log_[2].tags = 1u << LULL_TAG_ILL;
	morning(&p, &st, DAY0 + 2, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
	T_CHECK(strstr(d.reason, "unwell") != NULL);
	T_EQ_INT(st.paused, 1);
	morning(&p, &st, DAY0 + 3, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
	/* One clear night is not enough... */
	morning(&p, &st, DAY0 + 4, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
	/* ...two are: resume one step back. */
	morning(&p, &st, DAY0 + 5, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_RESUME);
	T_EQ_INT(d.step_to, 2);
	T_CHECK(strstr(d.reason, "one step back") != NULL);
	T_EQ_INT(st.paused, 0);
	T_EQ_INT(st.step, 2);
	T_EQ_INT(st.step_since_day, DAY0 + 5);
}

static void
test_teething_and_travel_pause_same_step(void)
{
	static const enum lull_tag_kind kinds[] = { LULL_TAG_TEETHING,
		LULL_TAG_TRAVEL, LULL_TAG_MILESTONE, LULL_TAG_VACCINATION,
		LULL_TAG_CHILDCARE };
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	size_t i;
	int k;

	plan4(&p);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		state0(&st);
		st.step = 2;
		for (k = 0; k < NMAX; k++)
			log_[k] = good(DAY0 + k);
		log_[3].tags = 1u << kinds[i];
		morning(&p, &st, DAY0 + 4, &d);
		T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
		T_CHECK(d.source != NULL && d.source[0] != '\0');
		morning(&p, &st, DAY0 + 5, &d);
		morning(&p, &st, DAY0 + 6, &d);
		T_EQ_INT(d.verdict, LULL_VERDICT_RESUME);
		T_EQ_INT(st.step, 2);
	}
	/* Teething says what is not teething. */
	state0(&st);
	log_[3].tags = 1u << LULL_TAG_TEETHING;
	morning(&p, &st, DAY0 + 4, &d);
	T_CHECK(strstr(d.reason, "38.9") != NULL);
	T_CHECK(strstr(d.source, "[R44]") != NULL);
	/* A tag on a night that was not logged still pauses. */
	state0(&st);
	log_[3].logged = 0;
	log_[3].tags = 1u << LULL_TAG_TRAVEL;
	morning(&p, &st, DAY0 + 4, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
}

static void
test_stall_reevaluates(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	struct lull_night base[7];
	int k;

	plan4(&p);
	state0(&st);
	/* Latency stays around 45 minutes: never calm, never better. */
	for (k = 0; k < NMAX; k++)
		log_[k] = hard(DAY0 + k, 45 + (k % 3), 3);
	for (k = 0; k < 7; k++)
		base[k] = hard(DAY0 - 7 + k, 46, 3);
	for (k = 1; k < 14; k++) {
		morning(&p, &st, DAY0 + k, &d);
		T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	}
	lull_plan_decide(&p, &st, log_, 14, base, 7, DAY0 + 14, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_REEVALUATE);
	T_CHECK(strstr(d.reason, "After 14 nights") != NULL);
	T_CHECK(strstr(d.reason, "minutes to fall asleep (46 before") != NULL);
	T_EQ_INT(d.refer, 1);
	T_EQ_INT(d.nsuggest, 2);
	T_EQ_INT(d.suggest[0], LULL_M3);
	T_CHECK(strstr(d.source, "[R39]") != NULL);
	/* Real progress on the main goal is not a stall even without an
	 * advance: latency 46 -> 33 is better by more than 10%. */
	for (k = 7; k < 14; k++)
		log_[k] = hard(DAY0 + k, 33, 3);
	lull_plan_decide(&p, &st, log_, 14, base, 7, DAY0 + 14, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	/* A waking goal is measured in wakings. */
	p.main_goal = LULL_GOAL_FEWER_WAKINGS;
	for (k = 0; k < 14; k++) {
		log_[k] = hard(DAY0 + k, 45, 3);
		log_[k].wakings = 3;
	}
	for (k = 0; k < 7; k++)
		base[k].wakings = 3;
	lull_plan_decide(&p, &st, log_, 14, base, 7, DAY0 + 14, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_REEVALUATE);
	T_CHECK(strstr(d.reason, "night wakings that need you (3 before, 3")
	    != NULL);
}

static void
test_relapse_after_progress(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	int k, backs = 0, max_step = 1;

	/* Two good weeks, then a rough patch of long, tearful settles,
	 * then good again: the plan steps back, then climbs again. */
	plan4(&p);
	state0(&st);
	for (k = 0; k < NMAX; k++)
		log_[k] = good(DAY0 + k);
	for (k = 8; k < 11; k++)
		log_[k] = hard(DAY0 + k, 35, 12);
	for (k = 1; k < 30; k++) {
		int before = st.step;

		morning(&p, &st, DAY0 + k, &d);
		T_CHECK(st.step >= 1 && st.step <= 4);
		T_CHECK(abs(st.step - before) <= 1);
		if (d.verdict == LULL_VERDICT_STEP_BACK)
			backs++;
		if (st.step > max_step)
			max_step = st.step;
		T_CHECK(d.reason[0] != '\0');
		T_CHECK(d.source != NULL);
	}
	T_CHECK(backs >= 1);
	T_EQ_INT(max_step, 4);
	T_EQ_INT(d.verdict, LULL_VERDICT_DONE);
}

static void
test_not_coaching(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;

	plan4(&p);
	state0(&st);
	log_[0] = good(DAY0);
	p.mode = LULL_MODE_FOUNDATIONS;
	lull_plan_decide(&p, &st, log_, 1, NULL, 0, DAY0 + 1, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	p.mode = LULL_MODE_PAUSED;
	lull_plan_decide(&p, &st, log_, 1, NULL, 0, DAY0 + 1, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
	T_CHECK(strstr(d.reason, "health sign") != NULL);
}

static void
test_parent_moves(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	struct lull_errinfo ei;
	int k;

	plan4(&p);
	state0(&st);
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_STEP_BACK, 0, NULL,
		     DAY0 + 1, &d, &ei),
	    LULL_EINVAL);
	T_EQ_STR(ei.field, "step");
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_OVERRIDE, 3,
		     "she was ready", DAY0 + 1, &d, &ei),
	    LULL_OK);
	T_EQ_INT(st.step, 3);
	T_EQ_INT(d.verdict, LULL_VERDICT_OVERRIDE);
	T_CHECK(strstr(d.reason, "she was ready") != NULL);
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_OVERRIDE, 5, NULL,
		     DAY0 + 1, &d, &ei),
	    LULL_EINVAL);
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_STEP_BACK, 0, NULL,
		     DAY0 + 2, &d, &ei),
	    LULL_OK);
	T_EQ_INT(st.step, 2);
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_RESUME, 0, NULL,
		     DAY0 + 2, &d, &ei),
	    LULL_ECONFLICT);
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_PAUSE, 0, NULL,
		     DAY0 + 2, &d, &ei),
	    LULL_OK);
	T_EQ_INT(st.paused, 1);
	/* Paused by the parent: good nights do not resume it. */
	for (k = 0; k < NMAX; k++)
		log_[k] = good(DAY0 + k);
	lull_plan_decide(&p, &st, log_, 6, NULL, 0, DAY0 + 6, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
	T_CHECK(strstr(d.reason, "as you chose") != NULL);
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_RESUME, 0, NULL,
		     DAY0 + 6, &d, &ei),
	    LULL_OK);
	T_EQ_INT(st.paused, 0);
	T_EQ_INT(st.step_since_day, DAY0 + 6);
	/* Slowing down adds a night to every step. */
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_SLOW, 0, NULL,
		     DAY0 + 6, &d, &ei),
	    LULL_OK);
	T_EQ_INT(st.slow, 1);
	lull_plan_decide(&p, &st, log_, 9, NULL, 0, DAY0 + 9, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	T_CHECK(strstr(d.reason, "3 of 4") != NULL);
	lull_plan_decide(&p, &st, log_, 10, NULL, 0, DAY0 + 10, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_ADVANCE);
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_ADVANCE, 0, NULL,
		     DAY0 + 6, &d, &ei),
	    LULL_EINVAL);
}

static void
test_observe(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_tagv tv = { 0 };
	struct lull_night n[3];
	struct lull_sleep s;
	struct lull_waking w;
	struct lull_tag t;
	struct lull_tz *utc;
	int32_t d = lull_days_from_civil(2026, 6, 1);
	int64_t e = (int64_t)d * 86400;

	T_EQ_INT(lull_tz_utc(&utc), LULL_OK);
	/* Night of d: 19:30 to 06:30, three wakings: fed, none, held. */
	lull_sleep_init(&s);
	s.child_id = 1;
	s.kind = LULL_SLEEP_NIGHT;
	s.start_utc = e + 19 * 3600 + 1800;
	s.end_utc = e + 86400 + 6 * 3600 + 1800;
	s.latency_min = 20;
	s.crying_min = 0;
	lull_waking_init(&w);
	w.start_utc = e + 23 * 3600;
	w.end_utc = w.start_utc + 15 * 60;
	w.response = LULL_RESP_FEED;
	T_EQ_INT(lull_sleep_add_waking(&s, &w), LULL_OK);
	w.start_utc = e + 86400 + 2 * 3600;
	w.end_utc = w.start_utc + 5 * 60;
	w.response = LULL_RESP_NONE;
	T_EQ_INT(lull_sleep_add_waking(&s, &w), LULL_OK);
	w.start_utc = e + 86400 + 4 * 3600;
	w.end_utc = w.start_utc + 10 * 60;
	w.response = LULL_RESP_HOLD;
	T_EQ_INT(lull_sleep_add_waking(&s, &w), LULL_OK);
	T_EQ_INT(lull_sleepv_push(&sv, &s), LULL_OK);
	/* A nap on d + 1 is not a night. */
	lull_sleep_init(&s);
	s.child_id = 1;
	s.kind = LULL_SLEEP_NAP;
	s.start_utc = e + 86400 + 13 * 3600;
	s.end_utc = s.start_utc + 3600;
	T_EQ_INT(lull_sleepv_push(&sv, &s), LULL_OK);
	lull_tag_init(&t);
	t.child_id = 1;
	t.kind = LULL_TAG_TEETHING;
	t.from_day = d + 1;
	t.to_day = d + 5;
	T_EQ_INT(lull_tagv_push(&tv, &t), LULL_OK);

	lull_night_observe(utc, &sv, &tv, d, d + 2, n);
	T_EQ_INT(n[0].day, d);
	T_EQ_INT(n[0].logged, 1);
	T_EQ_INT(n[0].latency_min, 20);
	T_EQ_INT(n[0].crying_min, 0);
	T_EQ_INT(n[0].wakings, 2);
	T_EQ_INT(n[0].night_feeds, 1);
	T_EQ_INT(n[0].awake_min, 30);
	T_EQ_INT(n[0].onset_sec, 19 * 3600 + 1800);
	T_EQ_INT(n[0].tags, 0);
	T_EQ_INT(n[1].logged, 0);
	T_EQ_INT(n[1].latency_min, LULL_UNKNOWN);
	T_EQ_INT(n[1].tags, 1u << LULL_TAG_TEETHING);
	T_EQ_INT(n[2].day, d + 2);
	lull_sleepv_free(&sv);
	lull_tagv_free(&tv);
	lull_tz_free(utc);
}


static void
test_up_and_down_is_a_stall(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	int k, reevals = 0, first = 0;

	/* Three calm nights, then a night of hard crying, over and over:
	 * the plan climbs and slides back, never gaining new ground. */
	plan4(&p);
	state0(&st);
	for (k = 0; k < NMAX; k++)
		log_[k] = k % 4 == 3 ? hard(DAY0 + k, 25, 15) : good(DAY0 + k);
	for (k = 1; k < 40; k++) {
		morning(&p, &st, DAY0 + k, &d);
		if (d.verdict == LULL_VERDICT_REEVALUATE) {
			if (!reevals++)
				first = k;
		}
	}
	T_CHECK(reevals >= 1);
	T_CHECK(first >= 14 && first <= 20);
	/* Not every morning: once, then not again for 14 nights. */
	T_CHECK(reevals <= 2);
	T_EQ_INT(st.best_step, 2);
}

static void
test_calm_needs_data(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	int k;

	plan4(&p);
	state0(&st);
	for (k = 0; k < NMAX; k++) {
		log_[k] = good(DAY0 + k);
		log_[k].latency_min = LULL_UNKNOWN;
		log_[k].crying_min = LULL_UNKNOWN;
	}
	for (k = 1; k <= 5; k++) {
		morning(&p, &st, DAY0 + k, &d);
		T_EQ_INT(d.verdict, LULL_VERDICT_HOLD);
	}
	T_EQ_INT(st.step, 1);
	T_CHECK(strstr(d.reason, "cannot tell how it went") != NULL);
}

static void
test_resume_needs_settled_logged_nights(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	int k;

	plan4(&p);
	state0(&st);
	st.step = 2;
	for (k = 0; k < NMAX; k++)
		log_[k] = good(DAY0 + k);
	log_[1].tags = 1u << LULL_TAG_ILL;
	morning(&p, &st, DAY0 + 2, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
	/* Nothing logged afterwards: no resume on empty nights. */
	for (k = 2; k < 8; k++) {
		log_[k].logged = 0;
		log_[k].latency_min = log_[k].crying_min = LULL_UNKNOWN;
	}
	for (k = 3; k <= 8; k++) {
		morning(&p, &st, DAY0 + k, &d);
		T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
	}
	/* A night of hard crying is not settled either. */
	log_[8] = hard(DAY0 + 8, 20, 20);
	log_[9] = good(DAY0 + 9);
	morning(&p, &st, DAY0 + 10, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
	log_[10] = good(DAY0 + 10);
	morning(&p, &st, DAY0 + 11, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_RESUME);
	T_EQ_INT(st.step, 1);
}

static void
test_parent_resume_stands(void)
{
	struct lull_plan p;
	struct lull_plan_state st;
	struct lull_decision d;
	struct lull_errinfo ei;
	int k;

	plan4(&p);
	state0(&st);
	for (k = 0; k < NMAX; k++) {
		log_[k] = good(DAY0 + k);
		if (k >= 2 && k <= 9)
			log_[k].tags = 1u << LULL_TAG_TRAVEL;
	}
	morning(&p, &st, DAY0 + 3, &d);
	T_EQ_INT(d.verdict, LULL_VERDICT_PAUSE);
	/* Still travelling, but the parent wants to carry on. */
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_RESUME, 0, NULL,
		     DAY0 + 4, &d, &ei),
	    LULL_OK);
	morning(&p, &st, DAY0 + 5, &d);
	T_CHECK(d.verdict != LULL_VERDICT_PAUSE);
	/* A health pause is not the parent's to lift. */
	p.mode = LULL_MODE_PAUSED;
	st.paused = 1;
	T_EQ_INT(lull_plan_parent(&p, &st, LULL_VERDICT_RESUME, 0, NULL,
		     DAY0 + 6, &d, &ei),
	    LULL_ECONFLICT);
	T_CHECK(strstr(ei.msg, "health sign") != NULL);
}

static void
test_late_bedtime_belongs_to_the_evening(void)
{
	struct lull_sleepv sv = { 0 };
	struct lull_night n[2];
	struct lull_sleep s;
	struct lull_tz *utc;
	int32_t d = lull_days_from_civil(2026, 6, 1);
	int64_t e = (int64_t)d * 86400;

	T_EQ_INT(lull_tz_utc(&utc), LULL_OK);
	lull_sleep_init(&s);
	s.child_id = 1;
	s.kind = LULL_SLEEP_NIGHT;
	s.start_utc = e + 86400 + 20 * 60; /* 00:20 the next day */
	s.end_utc = s.start_utc + 8 * 3600;
	s.latency_min = 30;
	T_EQ_INT(lull_sleepv_push(&sv, &s), LULL_OK);
	lull_night_observe(utc, &sv, NULL, d, d + 1, n);
	T_EQ_INT(n[0].logged, 1);
	T_EQ_INT(n[0].onset_sec, 86400 + 20 * 60);
	T_EQ_INT(n[1].logged, 0);
	lull_sleepv_free(&sv);
	lull_tz_free(utc);
}

static const struct t_case cases[] = {
	{ "good nights advance, step by step, to done",
	    test_good_nights_advance },
	{ "hard crying steps back (or holds on step 1)",
	    test_hard_crying_steps_back },
	{ "an unlogged night holds", test_missing_night_holds },
	{ "illness pauses, resumes one step back", test_illness_pauses_and_resumes_back },
	{ "teething, travel, milestone, vaccination, childcare pause",
	    test_teething_and_travel_pause_same_step },
	{ "a 14-night stall re-evaluates", test_stall_reevaluates },
	{ "a relapse steps back, then climbs again",
	    test_relapse_after_progress },
	{ "foundations and paused plans do not coach", test_not_coaching },
	{ "the parent's own moves", test_parent_moves },
	{ "observing nights from the journal", test_observe },
	{ "climbing and sliding back is a stall", test_up_and_down_is_a_stall },
	{ "a calm night needs settling time or crying logged",
	    test_calm_needs_data },
	{ "resuming needs settled, logged nights",
	    test_resume_needs_settled_logged_nights },
	{ "a parent's resume stands; a health pause is not lifted",
	    test_parent_resume_stands },
	{ "a bedtime after midnight belongs to the evening",
	    test_late_bedtime_belongs_to_the_evening },
};

T_MAIN(cases)
