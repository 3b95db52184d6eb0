/*
 * Mood screens as data (../shared/docs/domain.md 6.1, reference keys [Rn]
 * as there), their scoring, when to offer one (6.2), and the crisis help
 * for a positive self-harm item.  Item texts, answer labels and recall
 * periods are the official English wording; bands and cut-offs are the
 * published ones; the advice is our own words, calm and never a
 * diagnosis.  Changing a cut-off means changing its source comment too.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/screen.h"

/*
 * PHQ-9, PHQ-2, GAD-7 and GAD-2 all carry this notice (domain.md 6.1,
 * [R59b]): the wording may be reproduced and displayed without
 * permission as long as the notice stays with it.
 */
#define PFIZER_NOTICE                                                          \
	"Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt "      \
	"Kroenke and colleagues, with an educational grant from Pfizer Inc. "  \
	"No permission required to reproduce, translate, display or "          \
	"distribute."

#define NOT_A_DIAGNOSIS                                                        \
	"This is a screen, not a diagnosis: only a clinician who talks with "  \
	"you can say what it means."

/* Both families, official wording (Kroenke 2001 [R59]; Spitzer 2006
 * [R60]). */
static const char *const answers[LULL_SCREEN_ANSWER_MAX + 1] = {
	"Not at all",
	"Several days",
	"More than half the days",
	"Nearly every day",
};

static const char phq_recall[] = "Over the last 2 weeks, how often have you "
				 "been bothered by any of the following "
				 "problems?";
static const char gad_recall[] = "Over the last 2 weeks, how often have you "
				 "been bothered by the following problems?";

/*
 * PHQ-9: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a
 * brief depression severity measure. J Gen Intern Med 2001;16:606-613
 * [R59].  Copyright and permission statement as carried by
 * phqscreeners.com and the HL7 FHIR questionnaires [R59b]:
 * "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke
 * and colleagues, with an educational grant from Pfizer Inc. No
 * permission required to reproduce, translate, display or distribute."
 * The form's unscored tenth question (how difficult the problems made
 * things) is not asked.
 */
static const char *const phq9_items[] = {
	"Little interest or pleasure in doing things",
	"Feeling down, depressed, or hopeless",
	"Trouble falling or staying asleep, or sleeping too much",
	"Feeling tired or having little energy",
	"Poor appetite or overeating",
	"Feeling bad about yourself — or that you are a failure or have let "
	"yourself or your family down",
	"Trouble concentrating on things, such as reading the newspaper or "
	"watching television",
	"Moving or speaking so slowly that other people could have noticed? "
	"Or the opposite — being so fidgety or restless that you have been "
	"moving around a lot more than usual",
	"Thoughts that you would be better off dead or of hurting yourself in "
	"some way",
};

/* Kroenke 2001 [R59]: 5, 10, 15 and 20 are the lower edges of mild,
 * moderate, moderately severe and severe; >= 10 screen-positive. */
static const struct lull_screen_band phq9_bands[] = {
	{ 0, "minimal",
	    "Your answers show few signs of low mood over the last two weeks. "
	    "Looking after a baby is tiring work: keep making room for rest "
	    "and for the people who support you." },
	{ 5, "mild",
	    "Your answers show some signs of low mood. That is common in the "
	    "months after a birth, and it often eases with rest, help with "
	    "the nights and time with people who care about you. Try this "
	    "again in about two weeks; if it has not eased, or you are "
	    "worried, talk with your doctor, midwife or health visitor." },
	{ 10, "moderate",
	    "Your answers suggest low mood has been weighing on you. You "
	    "deserve support with that: please talk with a clinician (your "
	    "doctor, midwife or health visitor) in the next week or two. Help "
	    "works, and asking for it is a good step for you and your "
	    "family." },
	{ 15, "moderately_severe",
	    "Your answers suggest low mood has been weighing on you a great "
	    "deal. Please talk with a clinician (your doctor, midwife or "
	    "health visitor) soon, this week if you can. You do not have to "
	    "carry this alone, and help works." },
	{ 20, "severe",
	    "Your answers suggest you have been having a really hard time. "
	    "Please talk with a clinician (your doctor, midwife or health "
	    "visitor) in the next few days; if it helps, ask someone close to "
	    "you to make the call with you. You do not have to carry this "
	    "alone, and help works." },
};

/*
 * PHQ-2: the PHQ-9's first two items.  Kroenke K, Spitzer RL, Williams
 * JBW. The Patient Health Questionnaire-2: validity of a two-item
 * depression screener. Med Care 2003;41:1284-1292: total 0-6, >= 3
 * positive.  (>= 2 finds more cases at lower specificity, Arroll 2010
 * [R59c]; lull keeps the original 3.)  Same notice as the PHQ-9.
 */
static const struct lull_screen_band phq2_bands[] = {
	{ 0, "negative",
	    "Your answers show few signs of low mood over the last two weeks. "
	    "If that changes, you can take this again at any time." },
	{ 3, "positive",
	    "Your answers suggest it is worth taking a closer look. Please "
	    "take the full form, the PHQ-9: nine short questions about the "
	    "same two weeks." },
};

/*
 * GAD-7: Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for
 * assessing generalized anxiety disorder: the GAD-7. Arch Intern Med
 * 2006;166:1092-1097 [R60]: 5, 10 and 15 are the lower edges of mild,
 * moderate and severe; >= 10 screen-positive (sensitivity 89%,
 * specificity 82% for GAD).  Same Pfizer notice as the PHQ-9.
 */
static const char *const gad7_items[] = {
	"Feeling nervous, anxious, or on edge",
	"Not being able to stop or control worrying",
	"Worrying too much about different things",
	"Trouble relaxing",
	"Being so restless that it is hard to sit still",
	"Becoming easily annoyed or irritable",
	"Feeling afraid, as if something awful might happen",
};

static const struct lull_screen_band gad7_bands[] = {
	{ 0, "minimal",
	    "Your answers show few signs of worry or anxiety over the last two "
	    "weeks. Keep making room for rest and for the people who support "
	    "you." },
	{ 5, "mild",
	    "Your answers show some worry and anxiety. Many new parents feel "
	    "this, and it often eases with rest, shared nights and someone to "
	    "talk to. Try this again in about two weeks; if it has not eased, "
	    "or you are concerned, talk with your doctor, midwife or health "
	    "visitor." },
	{ 10, "moderate",
	    "Your answers suggest worry and anxiety have been weighing on you. "
	    "You deserve support with that: please talk with a clinician "
	    "(your doctor, midwife or health visitor) in the next week or "
	    "two. Help works." },
	{ 15, "severe",
	    "Your answers suggest worry and anxiety have been weighing on you "
	    "a great deal. Please talk with a clinician (your doctor, midwife "
	    "or health visitor) soon, this week if you can. You do not have "
	    "to carry this alone, and help works." },
};

/*
 * GAD-2: the GAD-7's first two items.  Kroenke K, Spitzer RL, Williams
 * JBW, Monahan PO, Löwe B. Anxiety disorders in primary care. Ann Intern
 * Med 2007;146:317-325 [R60b]: total 0-6, >= 3 positive.  Same notice.
 */
static const struct lull_screen_band gad2_bands[] = {
	{ 0, "negative",
	    "Your answers show few signs of worry or anxiety over the last two "
	    "weeks. If that changes, you can take this again at any time." },
	{ 3, "positive",
	    "Your answers suggest it is worth taking a closer look. Please "
	    "take the full form, the GAD-7: seven short questions about the "
	    "same two weeks." },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct lull_screen_def defs[] = {
	{ "phq9", "PHQ-9 (Patient Health Questionnaire-9)", "low mood",
	    phq_recall, phq9_items, N(phq9_items), answers, phq9_bands,
	    N(phq9_bands), 10, 9, NULL, PFIZER_NOTICE,
	    "Kroenke, Spitzer & Williams 2001, J Gen Intern Med [R59][R59b]" },
	{ "phq2", "PHQ-2 (Patient Health Questionnaire-2)", "low mood",
	    phq_recall, phq9_items, 2, answers, phq2_bands, N(phq2_bands), 3, 0,
	    "phq9", PFIZER_NOTICE,
	    "Kroenke, Spitzer & Williams 2003, Med Care [R59c]" },
	{ "gad7", "GAD-7 (Generalized Anxiety Disorder-7)", "worry and anxiety",
	    gad_recall, gad7_items, N(gad7_items), answers, gad7_bands,
	    N(gad7_bands), 10, 0, NULL, PFIZER_NOTICE,
	    "Spitzer, Kroenke, Williams & Löwe 2006, Arch Intern Med [R60]" },
	{ "gad2", "GAD-2 (Generalized Anxiety Disorder-2)", "worry and anxiety",
	    gad_recall, gad7_items, 2, answers, gad2_bands, N(gad2_bands), 3, 0,
	    "gad7", PFIZER_NOTICE,
	    "Kroenke et al. 2007, Ann Intern Med [R60b]" },
};

_Static_assert(N(phq9_items) == LULL_SCREEN_MAX_ITEMS, "PHQ-9 has 9 items");
_Static_assert(N(gad7_items) == 7, "GAD-7 has 7 items");

/* Said instead of the band's advice when the self-harm item is above 0,
 * whatever the total (domain.md 6.1: item 9 > 0 is urgent; 6.2). */
static const char self_harm_advice[] =
    "One of your answers says you have had thoughts that you would be "
    "better off dead, or of hurting yourself. That matters more than any "
    "total. Please reach out now: the crisis lines are there for exactly "
    "this, and please contact a clinician (your doctor, midwife or health "
    "visitor) today. Nothing else in lull needs your attention now. "
    "You are not alone, and these feelings can get "
    "better with help.";

const struct lull_screen_def *
lull_screen_def(size_t i)
{
	return i < N(defs) ? &defs[i] : NULL;
}

const struct lull_screen_def *
lull_screen_find(const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < N(defs); i++)
		if (strcmp(defs[i].name, name) == 0)
			return &defs[i];
	return NULL;
}

int
lull_screen_max_total(const struct lull_screen_def *def)
{
	return (int)def->nitems * LULL_SCREEN_ANSWER_MAX;
}

enum lull_err
lull_screen_score(const struct lull_screen_def *def, const int *ans, size_t n,
    struct lull_screen_result *out, struct lull_errinfo *ei)
{
	const struct lull_screen_band *band;
	size_t i;
	int total = 0;

	memset(out, 0, sizeof(*out));
	if (def == NULL)
		return lull_errinfo_set(ei, LULL_EINVAL, "instrument",
		    "no such screen: choose one of %s", LULL_SCREEN_NAMES);
	if (ans == NULL && n > 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "answers",
		    "%s: %zu answers announced, none given", def->name, n);
	if (n != def->nitems)
		return lull_errinfo_set(ei, LULL_EINVAL, "answers",
		    "%s takes %zu answers, got %zu", def->name, def->nitems, n);
	for (i = 0; i < n; i++) {
		if (ans[i] < 0 || ans[i] > LULL_SCREEN_ANSWER_MAX)
			return lull_errinfo_set(ei, LULL_EINVAL, "answers",
			    "item %zu: %d is out of range 0-%d", i + 1, ans[i],
			    LULL_SCREEN_ANSWER_MAX);
		total += ans[i];
	}
	/* The bands ascend from 0, so the last one at or below wins. */
	band = &def->bands[0];
	for (i = 1; i < def->nbands; i++)
		if (total >= def->bands[i].lo)
			band = &def->bands[i];
	out->def = def;
	out->total = total;
	out->band = band->name;
	out->positive = total >= def->positive_at;
	out->self_harm =
	    def->self_harm_item > 0 && ans[def->self_harm_item - 1] > 0;
	snprintf(out->advice, sizeof(out->advice), "%s %s",
	    out->self_harm ? self_harm_advice : band->advice, NOT_A_DIAGNOSIS);
	return LULL_OK;
}

/*
 * When to offer a screen.  AAP clinical report (Earls, Yogman, Mattson &
 * Rafferty, Pediatrics 2019;143(1):e20183259 [R69]): paediatric practices
 * screen mothers at the 1-, 2-, 4- and 6-month well-child visits; domain.md 6.2
 * offers the same to both parents, then every 2-3 months [POLICY].
 * Months as days, as in norms.c (days / 30.44, rounded).
 */
static const struct milestone {
	int months;
	int32_t day; /* age in days when the offer opens */
	const char *due, *done;
} milestones[] = {
	{ 1, 30,
	    "Your baby is about 1 month old: a good time for a short mood "
	    "check, as paediatric guidance (AAP) suggests at 1, 2, 4 and 6 "
	    "months.",
	    "Done for now, thank you. The next mood check is offered when "
	    "your baby is about 2 months old." },
	{ 2, 61,
	    "Your baby is about 2 months old: a good time for a short mood "
	    "check, as paediatric guidance (AAP) suggests at 1, 2, 4 and 6 "
	    "months.",
	    "Done for now, thank you. The next mood check is offered when "
	    "your baby is about 4 months old." },
	{ 4, 122,
	    "Your baby is about 4 months old: a good time for a short mood "
	    "check, as paediatric guidance (AAP) suggests at 1, 2, 4 and 6 "
	    "months.",
	    "Done for now, thank you. The next mood check is offered when "
	    "your baby is about 6 months old." },
	{ 6, 183,
	    "Your baby is about 6 months old: a good time for a short mood "
	    "check, as paediatric guidance (AAP) suggests at 1, 2, 4 and 6 "
	    "months.",
	    NULL },
};

static const char why_first[] =
    "The first mood check is offered when your baby is about 1 month old.";
static const char why_followup_due[] =
    "It has been about two months since your last mood check: here is "
    "the one you asked for.";
static const char why_followup_done[] =
    "Your next mood check is offered about two months after the last "
    "one.";
static const char why_none[] =
    "The mood checks after the birth are done. You can take one whenever "
    "you like, or ask to be offered one every couple of months.";

/* Was a screen taken on a day in [from, to]? */
static int
taken(const int32_t *past, size_t npast, int32_t from, int32_t to)
{
	size_t i;

	for (i = 0; i < npast; i++)
		if (past[i] >= from && past[i] <= to)
			return 1;
	return 0;
}

enum lull_err
lull_screen_schedule(int32_t birth_day, int32_t today, const int32_t *past,
    size_t npast, int follow_up, struct lull_screen_due *out,
    struct lull_errinfo *ei)
{
	const size_t nm = N(milestones);
	int32_t last = LULL_NO_DAY;
	int64_t age;
	size_t i, m;

	memset(out, 0, sizeof(*out));
	out->months = -1;
	out->next_day = LULL_NO_DAY;
	if (birth_day == LULL_NO_DAY || today == LULL_NO_DAY)
		return lull_errinfo_set(ei, LULL_EINVAL, "born",
		    "the schedule needs the child's birth day and today");
	if (past == NULL && npast > 0)
		return lull_errinfo_set(ei, LULL_EINVAL, "past",
		    "%zu past screens given without their days", npast);
	age = (int64_t)today - birth_day;
	if (age < milestones[0].day) {
		out->why = why_first;
		out->next_day = birth_day + milestones[0].day;
		return LULL_OK;
	}
	for (m = 0; m + 1 < nm && age >= milestones[m + 1].day; m++)
		;
	if (m + 1 < nm || age < LULL_SCREEN_LAST_DAY) {
		const struct milestone *ms = &milestones[m];
		int32_t open = birth_day + ms->day;

		if (!taken(past, npast, open - LULL_SCREEN_EARLY_DAYS, today)) {
			out->due = 1;
			out->months = ms->months;
			out->next_day = today;
			out->why = ms->due;
			return LULL_OK;
		}
		if (m + 1 < nm) {
			out->months = ms->months;
			out->next_day = birth_day + milestones[m + 1].day;
			out->why = ms->done;
			return LULL_OK;
		}
		/* The 6-month screen is done: follow-ups from here. */
	}
	if (!follow_up) {
		out->why = why_none;
		return LULL_OK;
	}
	for (i = 0; i < npast; i++)
		if (past[i] <= today && (last == LULL_NO_DAY || past[i] > last))
			last = past[i];
	out->months = 0;
	if (last == LULL_NO_DAY ||
	    (int64_t)today - last >= LULL_SCREEN_FOLLOWUP_DAYS) {
		out->due = 1;
		out->next_day = today;
		out->why = why_followup_due;
		return LULL_OK;
	}
	out->next_day = last + LULL_SCREEN_FOLLOWUP_DAYS;
	out->why = why_followup_done;
	return LULL_OK;
}

/*
 * Crisis help (domain.md 6.2): the emergency number and crisis lines,
 * contact a clinician today, the plan paused.  These defaults are shown
 * only until a household has its own lines; they are the numbers
 * published by each service (check them before each release).
 */
static const char *const default_lines[] = {
	"TelefonSeelsorge (Germany): 0800 111 0 111 or 0800 111 0 222",
	"Samaritans (UK and Ireland): 116 123",
	"988 Suicide & Crisis Lifeline (US): call or text 988",
	"9-8-8 Suicide Crisis Helpline (Canada): call or text 988",
	"Lifeline (Australia): 13 11 14",
	"Other countries: findahelpline.com",
};

void
lull_screen_help(const char *emergency, const char *const *lines, size_t nlines,
    struct lull_screen_help *out)
{
	memset(out, 0, sizeof(*out));
	out->headline = "If you are thinking about harming yourself, please "
			"get help now.";
	out->emergency = emergency;
	if (emergency == NULL || *emergency == '\0') {
		out->emergency = LULL_SCREEN_DEFAULT_EMERGENCY;
		out->defaults = 1;
	}
	out->lines = lines;
	out->nlines = nlines;
	if (lines == NULL || nlines == 0) {
		out->lines = default_lines;
		out->nlines = N(default_lines);
		out->defaults = 1;
	}
	out->clinician = "Please contact a clinician today: your doctor, "
			 "midwife or health visitor, or an urgent care "
			 "service. If you can, tell someone close to you "
			 "now and ask them to stay with you.";
	out->plan = "Let the sleep plan rest: nothing else in lull needs "
		    "doing now.";
}

/* Append to buf at *len, as snprintf would, keeping the count going. */
static void
put(char *buf, size_t bufsz, size_t *len, const char *s)
{
	size_t n = strlen(s);

	if (*len < bufsz) {
		size_t room = bufsz - *len - 1;

		memcpy(buf + *len, s, n < room ? n : room);
		buf[*len + (n < room ? n : room)] = '\0';
	}
	*len += n;
}

size_t
lull_screen_help_text(const struct lull_screen_help *h, char *buf, size_t bufsz)
{
	size_t i, len = 0;

	if (bufsz > 0)
		buf[0] = '\0';
	put(buf, bufsz, &len, h->headline);
	put(buf, bufsz, &len, "\n\nEmergency: ");
	put(buf, bufsz, &len, h->emergency);
	put(buf, bufsz, &len,
	    ". Call now if you feel you might act on these thoughts, or if "
	    "you have thoughts of harming your baby.\n");
	if (h->nlines > 0)
		put(buf, bufsz, &len,
		    "\nCrisis lines, free and confidential:\n");
	for (i = 0; i < h->nlines; i++) {
		put(buf, bufsz, &len, "  ");
		put(buf, bufsz, &len, h->lines[i]);
		put(buf, bufsz, &len, "\n");
	}
	put(buf, bufsz, &len, "\n");
	put(buf, bufsz, &len, h->clinician);
	put(buf, bufsz, &len, "\n");
	put(buf, bufsz, &len, h->plan);
	put(buf, bufsz, &len, "\n");
	return len;
}
