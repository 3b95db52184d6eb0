/*
 * Building plans: the rules every plan keeps, checked as properties over
 * tens of thousands of generated profiles (a fixed-seed generator over
 * every field), then hand-written cases for the example family, the age
 * gates, red flags, bed-sharing and sofa warnings, temperament, the
 * family's own method choice, the profile's defaults and checks, and the
 * names.  The data tables themselves are scanned row by row too.
 * SPDX-License-Identifier: ISC
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/journal.h"
#include "lull/plan.h"

#include "core/plan_int.h"
#include "t.h"

#define D_4MO  122
#define D_6MO  183
#define D_12MO 365

/* ---- text scanning ------------------------------------------------------- */

static int
icontains(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	if (hay == NULL)
		return 0;
	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n; i++)
			if (hay[i] == '\0' ||
			    tolower((unsigned char)hay[i]) !=
				tolower((unsigned char)needle[i]))
				break;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Words no plan text may say: leaving, waiting out or timing crying,
 * and anything that recommends sharing a bed. */
static const char *const forbidden[] = {
	"cry it out",
	"cry-it-out",
	"let him cry",
	"let her cry",
	"let them cry",
	"let baby cry",
	"let your baby cry",
	"leave them to cry",
	"leave the room while",
	"leave the room",
	"leave him",
	"leave her",
	"leave them",
	"check on",
	"check-in",
	"checking in",
	"at intervals",
	"ignore",
	"controlled crying",
	"controlled comforting",
	"come back in 5",
	"come back in",
	"walk away",
	"out of sight",
	"bed-share",
	"bring her into your bed",
	"bring him into your bed",
	"bring them into your bed",
	"into your bed",
	"into bed with you",
	"co-sleep",
	"cosleep",
	"sleep together",
	"safe co-sleeping",
	"graduated extinction",
	"ferber",
};

static const char *
bad_phrase(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(forbidden) / sizeof(forbidden[0]); i++)
		if (icontains(s, forbidden[i]))
			return forbidden[i];
	return NULL;
}

/* Words that would reduce night feeds: only M7's rungs may say them. */
static const char *const feed_cut[] = {
	"shorter",
	" ml",
	"minutes less",
	"instead of a feed",
	"instead of a bottle",
	"wean",
	"fewer feeds",
	"drop the feed",
	"skip the feed",
	"smaller",
};

static const char *
feed_cut_phrase(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(feed_cut) / sizeof(feed_cut[0]); i++)
		if (icontains(s, feed_cut[i]))
			return feed_cut[i];
	return NULL;
}

/* Never suggest the plan made a child ill. */
static const char *const blame[] = {
	"caused by the plan",
	"because of the plan",
	"the plan caused",
	"method caused",
	"caused by the method",
	"plan made",
};

static int
blames(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(blame) / sizeof(blame[0]); i++)
		if (icontains(s, blame[i]))
			return 1;
	return 0;
}

/*
 * Plan texts point into static tables, so each distinct pointer needs
 * scanning once: "first_time" remembers the pointers already scanned in
 * one of a few sets (open addressing; the tables hold a few hundred).
 */
#define SEEN_SLOTS 4096

enum seen_set { SEEN_PHRASES, SEEN_FEEDS, SEEN_BLAME, SEEN_UNKIND, SEEN__MAX };

static const char *seen[SEEN__MAX][SEEN_SLOTS];

static int
first_time(enum seen_set set, const char *s)
{
	size_t h = ((uintptr_t)s >> 3) % SEEN_SLOTS, i;

	for (i = 0; i < SEEN_SLOTS; i++, h = (h + 1) % SEEN_SLOTS) {
		if (seen[set][h] == s)
			return 0;
		if (seen[set][h] == NULL) {
			seen[set][h] = s;
			return 1;
		}
	}
	return 1; /* full: scan every time */
}

static const char *
bad_phrase_once(const char *s)
{
	return first_time(SEEN_PHRASES, s) ? bad_phrase(s) : NULL;
}

static int
nonempty(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/*
 * Wording a parent should not read anywhere: a raw id ("bed_sharing")
 * instead of plain words, a label on the child, "two" for any number of
 * adults, and the if-crying heading said again inside its own text.
 */
static const char *const unkind[] = {
	"_",
	"protest with force",
	"two of you",
};

static const char *
unkind_phrase(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(unkind) / sizeof(unkind[0]); i++)
		if (icontains(s, unkind[i]))
			return unkind[i];
	return NULL;
}

/* Every text a plan shows a parent, for scans over all of them. */
static size_t
plan_texts(const struct lull_plan *p, const char **out, size_t max)
{
	size_t i, n = 0;

#define PUT(x)                                                                 \
	do {                                                                   \
		if (n < max)                                                   \
			out[n++] = (x);                                        \
	} while (0)
	for (i = 0; i < p->nsteps; i++) {
		PUT(p->steps[i].title);
		PUT(p->steps[i].bedtime);
		PUT(p->steps[i].waking);
		PUT(p->steps[i].if_crying);
	}
	for (i = 0; i < p->nsafety; i++)
		PUT(p->safety[i].message);
	for (i = 0; i < p->nreferrals; i++)
		PUT(p->referrals[i].message);
	for (i = 0; i < p->nreasons; i++)
		PUT(p->reasons[i].text);
#undef PUT
	return n;
}

/* Does a step or a reason of the plan say "part"? */
static int
plan_steps_say(const struct lull_plan *p, const char *part)
{
	size_t i;

	for (i = 0; i < p->nsteps; i++)
		if (icontains(p->steps[i].title, part) ||
		    icontains(p->steps[i].bedtime, part) ||
		    icontains(p->steps[i].waking, part) ||
		    icontains(p->steps[i].if_crying, part))
			return 1;
	for (i = 0; i < p->nreasons; i++)
		if (icontains(p->reasons[i].text, part))
			return 1;
	return 0;
}

/* Does any text of the plan say "part"? */
static int
plan_says(const struct lull_plan *p, const char *part)
{
	const char *t[LULL_PLAN_MAX_STEPS * 4 + LULL_PLAN_MAX_SAFETY +
	    LULL_PLAN_MAX_REFERRALS + LULL_PLAN_MAX_REASONS];
	size_t i, n = plan_texts(p, t, sizeof(t) / sizeof(t[0]));

	for (i = 0; i < n; i++)
		if (icontains(t[i], part))
			return 1;
	return 0;
}

/* ---- a fixed-seed generator ---------------------------------------------- */

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static uint32_t
rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 0x2545f4914f6cdd1dULL) >> 32);
}

static int
between(int lo, int hi)
{
	return lo + (int)(rnd() % (uint32_t)(hi - lo + 1));
}

static int
chance(int pct)
{
	return (int)(rnd() % 100) < pct;
}

static int32_t
day(int y, int m, int d)
{
	return lull_days_from_civil(y, m, d);
}

static void
gen_profile(struct lull_profile *pf)
{
	int i, n, pick;

	lull_profile_init(pf);
	pf->today = day(2026, 11, 22) + between(-400, 400);
	pf->born_day = pf->today - between(0, 1218); /* 0 to 40 months */
	if (chance(45))
		pf->due_day = pf->born_day + between(-6 * 7, 20 * 7);
	pf->feeding = (enum lull_feeding)between(0, LULL_FEEDING__MAX - 1);
	pf->growth_concern = chance(12);
	pf->space = (enum lull_space)between(0, LULL_SPACE__MAX - 1);
	for (i = 0; i < LULL_ASSOC__MAX; i++)
		if (chance(i == LULL_ASSOC_NONE ? 10 : 28))
			pf->assoc |= 1u << i;
	for (i = 0; i < LULL_TEMPER__MAX; i++)
		pf->temper[i] = between(1, 5);
	n = 0;
	for (i = 0; i < LULL_GOAL__MAX; i++)
		if (chance(35)) {
			pf->goals |= 1u << i;
			n++;
		}
	if (n > 0) {
		pick = between(0, n - 1);
		for (i = 0; i < LULL_GOAL__MAX; i++)
			if (pf->goals & (1u << i) && pick-- == 0)
				pf->main_goal = i;
	}
	if (chance(35))
		for (i = 0; i < LULL_HEALTH__MAX; i++)
			if (chance(25))
				pf->health |= 1u << i;
	pf->smoker = chance(15);
	pf->impaired_adult = chance(10);
	pf->caregivers_for_nights = between(1, 3);
	pf->clinician_ok = chance(25);
	pf->method = chance(55) ? LULL_METHOD_NONE : between(0, 8);
}

/* ---- what every plan keeps ----------------------------------------------- */

static int32_t
age_of(const struct lull_profile *pf)
{
	struct lull_child c;

	memset(&c, 0, sizeof(c));
	c.born_day = pf->born_day;
	c.due_day = pf->due_day;
	return lull_child_age_days(&c, pf->today, NULL);
}

static int
preterm(const struct lull_profile *pf)
{
	return pf->due_day != LULL_NO_DAY && pf->due_day - pf->born_day > 21;
}

static const struct lull_safety *
find_safety(const struct lull_plan *p, const char *rule)
{
	size_t i;

	for (i = 0; i < p->nsafety; i++)
		if (strcmp(p->safety[i].rule, rule) == 0)
			return &p->safety[i];
	return NULL;
}

static const struct lull_referral *
find_referral(const struct lull_plan *p, const char *reason)
{
	size_t i;

	for (i = 0; i < p->nreferrals; i++)
		if (strcmp(p->referrals[i].reason, reason) == 0)
			return &p->referrals[i];
	return NULL;
}

static int
has_reason(const struct lull_plan *p, const char *part)
{
	size_t i;

	for (i = 0; i < p->nreasons; i++)
		if (icontains(p->reasons[i].text, part))
			return 1;
	return 0;
}

static int
count_strong(const struct lull_plan *p)
{
	size_t i;
	int n = 0;

	for (i = 0; i < p->nsafety; i++)
		n += p->safety[i].severity == LULL_SEVERITY_STRONG;
	return n;
}

static int
in_alternatives(const struct lull_plan *p, enum lull_method m)
{
	size_t i;

	for (i = 0; i < p->nalternatives; i++)
		if (p->alternatives[i] == m)
			return 1;
	return 0;
}

/* The texts of every step, safety note, referral and reason. */
static void
check_texts(const struct lull_plan *p)
{
	const char *bad;
	size_t i;

	for (i = 0; i < p->nsteps; i++) {
		const struct lull_step *s = &p->steps[i];
		const char *t[4] = { s->title, s->bedtime, s->waking,
			s->if_crying };
		int k;

		for (k = 0; k < 4; k++) {
			T_CHECK(nonempty(t[k]));
			if ((bad = bad_phrase_once(t[k])) != NULL) {
				fprintf(stderr, "step %zu says \"%s\": %s\n",
				    i + 1, bad, t[k]);
				T_CHECK(bad == NULL);
			}
			if (p->method != LULL_M7 &&
			    first_time(SEEN_FEEDS, t[k]) &&
			    (bad = feed_cut_phrase(t[k])) != NULL) {
				fprintf(stderr,
				    "%s step %zu cuts feeds "
				    "(\"%s\"): %s\n",
				    lull_method_id(p->method), i + 1, bad,
				    t[k]);
				T_CHECK(bad == NULL);
			}
		}
		T_CHECK(icontains(s->if_crying, "comfort"));
		T_CHECK(icontains(s->if_crying, "calm"));
		/* The softening is said once, plainly; the heading a parent
		 * reads ("If crying builds:") is not repeated inside. */
		T_CHECK(icontains(s->if_crying, "step before"));
		T_CHECK(!icontains(s->if_crying, "if crying builds"));
		/* "Help them in whatever way works" always ends on their
		 * own surface. */
		if (icontains(s->waking, "whatever way"))
			T_CHECK(icontains(s->waking, "own surface"));
		if (icontains(s->bedtime, "whatever way"))
			T_CHECK(icontains(s->bedtime, "own surface"));
		T_CHECK(nonempty(s->source));
	}
	{
		const char *t[LULL_PLAN_MAX_STEPS * 4 + LULL_PLAN_MAX_SAFETY +
		    LULL_PLAN_MAX_REFERRALS + LULL_PLAN_MAX_REASONS];
		size_t n = plan_texts(p, t, sizeof(t) / sizeof(t[0])), k;

		for (k = 0; k < n; k++)
			if (first_time(SEEN_UNKIND, t[k]) &&
			    (bad = unkind_phrase(t[k])) != NULL) {
				fprintf(stderr, "plan says \"%s\": %s\n", bad,
				    t[k]);
				T_CHECK(bad == NULL);
			}
	}
	for (i = 0; i < p->nsafety; i++) {
		T_CHECK(nonempty(p->safety[i].rule));
		T_CHECK(nonempty(p->safety[i].message));
		T_CHECK(nonempty(p->safety[i].source));
		T_CHECK(bad_phrase_once(p->safety[i].message) == NULL);
	}
	for (i = 0; i < p->nreferrals; i++) {
		T_CHECK(nonempty(p->referrals[i].message));
		T_CHECK(nonempty(p->referrals[i].source));
		T_CHECK(bad_phrase_once(p->referrals[i].message) == NULL);
		if (first_time(SEEN_BLAME, p->referrals[i].message))
			T_CHECK(!blames(p->referrals[i].message));
	}
	for (i = 0; i < p->nreasons; i++) {
		T_CHECK(nonempty(p->reasons[i].text));
		T_CHECK(nonempty(p->reasons[i].source));
		T_CHECK((unsigned)p->reasons[i].evidence < LULL_EVIDENCE__MAX);
		T_CHECK(bad_phrase_once(p->reasons[i].text) == NULL);
		if (first_time(SEEN_BLAME, p->reasons[i].text))
			T_CHECK(!blames(p->reasons[i].text));
	}
}

static void
check_steps(const struct lull_plan *p)
{
	size_t i;

	T_CHECK(p->nsteps >= 1 && p->nsteps <= LULL_PLAN_MAX_STEPS);
	for (i = 0; i < p->nsteps; i++) {
		const struct lull_step *s = &p->steps[i];

		T_EQ_INT(s->index, i + 1);
		T_CHECK(s->nights_min >= 1);
		T_EQ_INT(s->leaves_crying_child_alone, 0);
		T_CHECK((unsigned)s->presence < LULL_PRESENCE__MAX);
		/* Out of sight with "check-ins" is interval checking. */
		T_CHECK(s->presence != LULL_PRESENCE_OUTSIDE_NEARBY);
		if (i > 0 &&
		    (int)s->presence > (int)p->steps[i - 1].presence + 1) {
			fprintf(stderr, "%s: step %zu jumps from %s to %s\n",
			    lull_method_id(p->method), i + 1,
			    lull_presence_name(p->steps[i - 1].presence),
			    lull_presence_name(s->presence));
			T_CHECK(0);
		}
	}
}

/* Facts about babies that a toddler's plan does not state. */
static const char *const infant_only[] = {
	"baby",
	"babies",
	"infant",
	"67",
	"swaddl",
	"on their back",
	"firm, flat",
	"bassinet",
	"bedside sleeper",
};

static void
check_safety(const struct lull_profile *pf, const struct lull_plan *p,
    int32_t age)
{
	const struct lull_safety *s;
	int bedshare = pf->space == LULL_SPACE_PARENTS_BED ||
	    (pf->assoc & (1u << LULL_ASSOC_BED_SHARING));
	size_t i;

	s = find_safety(p, "INFO");
	T_CHECK(s != NULL && icontains(s->message, "not medical advice"));
	for (i = 1; i < p->nsafety; i++)
		T_CHECK(p->safety[i - 1].severity >= p->safety[i].severity);
	if (pf->space == LULL_SPACE_SOFA && age < D_12MO) {
		s = find_safety(p, "SS-02-SOFA");
		T_CHECK(s != NULL && s->severity == LULL_SEVERITY_STRONG &&
		    icontains(s->message, "67"));
	}
	/* Rule changed: the 67x figure is for infants (AAP 2022); from 12
	 * months the sofa note is about an adult dozing with a child. */
	if (pf->space == LULL_SPACE_SOFA && age >= D_12MO) {
		T_CHECK(find_safety(p, "SS-02-SOFA") == NULL);
		s = find_safety(p, "SOFA-DOZE");
		T_CHECK(s != NULL && s->severity == LULL_SEVERITY_WARNING &&
		    icontains(s->message, "doze"));
	}
	if (pf->smoker)
		T_CHECK((s = find_safety(p,
			     bedshare ? "BS-SMOKER" : "SS-09-SMOKE")) != NULL &&
		    s->severity == LULL_SEVERITY_STRONG);
	if (pf->impaired_adult)
		T_CHECK((s = find_safety(p,
			     bedshare ? "BS-IMPAIRED" : "SS-09-IMPAIRED")) !=
			NULL &&
		    s->severity == LULL_SEVERITY_STRONG);
	s = find_safety(p, "BS-HARM");
	T_EQ_INT(s != NULL, bedshare);
	if (bedshare) {
		T_CHECK(s->severity == LULL_SEVERITY_WARNING);
		T_CHECK(icontains(s->message, "lower-risk"));
		T_CHECK(icontains(s->message, "don't recommend"));
		T_EQ_INT(find_safety(p, "BS-YOUNG") != NULL, age < D_4MO);
		/* Rule changed: preterm birth and not being breastfed are
		 * infant risk factors (AAP [R48c], LLL [R50]); they are
		 * no longer named for a child of 12 months or more. */
		T_EQ_INT(find_safety(p, "BS-PRETERM") != NULL,
		    preterm(pf) && age < D_12MO);
		T_EQ_INT(find_safety(p, "BS-NOT-BREASTFED") != NULL,
		    pf->feeding == LULL_FEEDING_BOTTLE && age < D_12MO);
	} else {
		T_CHECK(find_safety(p, "BS-YOUNG") == NULL);
	}
	T_EQ_INT(find_safety(p, "SS-01") != NULL, age < D_12MO);
	T_EQ_INT(find_safety(p, "SS-02") != NULL, age < D_12MO);
	T_EQ_INT(find_safety(p, "SS-04") != NULL,
	    pf->space == LULL_SPACE_OWN_ROOM_COT && age < D_6MO);
	if (pf->space == LULL_SPACE_OWN_ROOM_COT && age < D_6MO)
		T_CHECK(find_safety(p, "SS-04")->severity ==
		    LULL_SEVERITY_WARNING);
	T_EQ_INT(find_safety(p, "SS-03") != NULL,
	    age < D_12MO && (pf->assoc & (1u << LULL_ASSOC_CAR_STROLLER)));
	for (i = 0; i < p->nsafety; i++) {
		T_CHECK(!icontains(p->safety[i].message, "safe co-sleeping"));
		if (p->safety[i].severity == LULL_SEVERITY_STRONG)
			T_CHECK(strcmp(p->safety[i].rule, "INFO") != 0);
	}
	/* Infant-only facts stay with infants (AAP's rules are for the
	 * first year); a toddler's notes speak of a child. */
	if (age >= D_12MO)
		for (i = 0; i < p->nsafety; i++) {
			const char *m = p->safety[i].message;
			size_t k;

			for (k = 0;
			     k < sizeof(infant_only) / sizeof(infant_only[0]);
			     k++)
				if (icontains(m, infant_only[k])) {
					fprintf(stderr,
					    "age %d: %s says \"%s\"\n",
					    (int)age, p->safety[i].rule,
					    infant_only[k]);
					T_CHECK(0);
				}
		}
}

static void
check_referrals(const struct lull_profile *pf, const struct lull_plan *p)
{
	const struct lull_referral *r;
	size_t i, want = 0;
	int h;

	for (h = 0; h < LULL_HEALTH__MAX; h++) {
		if (!(pf->health & (1u << h)))
			continue;
		want++;
		r = find_referral(p, lull_health_name((enum lull_health)h));
		T_CHECK(r != NULL);
	}
	if (pf->growth_concern) {
		want++;
		T_CHECK(find_referral(p, "growth_concern") != NULL);
	}
	T_EQ_INT(p->nreferrals, want);
	for (i = 1; i < p->nreferrals; i++)
		T_CHECK(p->referrals[i - 1].urgency <= p->referrals[i].urgency);
	for (i = 0; i < p->nreferrals; i++)
		T_EQ_INT(p->referrals[i].urgency == LULL_URGENCY_EMERGENCY,
		    strcmp(p->referrals[i].reason, "blue_or_limp") == 0);
	if (pf->health & (1u << LULL_HEALTH_BLUE_OR_LIMP)) {
		T_EQ_STR(p->referrals[0].reason, "blue_or_limp");
		T_EQ_INT(p->referrals[0].urgency, LULL_URGENCY_EMERGENCY);
		T_CHECK(icontains(p->referrals[0].message,
		    "call emergency services now"));
	}
}

static int
expect_paused(const struct lull_profile *pf)
{
	uint32_t h = pf->health;

	if (pf->clinician_ok)
		h &=
		    ~((1u << LULL_HEALTH_SNORING) | (1u << LULL_HEALTH_REFLUX) |
			(1u << LULL_HEALTH_POOR_WEIGHT_GAIN));
	return h != 0 || (pf->growth_concern && !pf->clinician_ok);
}

static int
expect_nfr(const struct lull_profile *pf, int32_t age)
{
	return age >= D_6MO && !pf->growth_concern &&
	    !(pf->health & (1u << LULL_HEALTH_POOR_WEIGHT_GAIN));
}

/*
 * SS-02: a sofa blocks coaching.  Foundations (or a pause for a red
 * flag), and the first step and reason move every sleep to a place of
 * their own.
 */
static void
check_sofa(const struct lull_profile *pf, const struct lull_plan *p,
    int32_t age)
{
	if (pf->space != LULL_SPACE_SOFA)
		return;
	T_CHECK(p->mode != LULL_MODE_COACHING);
	T_EQ_INT(p->nalternatives, 0);
	T_CHECK(p->nsteps >= 1 && icontains(p->steps[0].title, "not the sofa"));
	if (p->mode == LULL_MODE_FOUNDATIONS) {
		T_CHECK(p->nreasons >= 1);
		T_CHECK(icontains(p->reasons[0].text, "first, a"));
		T_CHECK(icontains(p->reasons[0].text, "their own"));
		if (age < D_12MO)
			T_CHECK(icontains(p->reasons[0].text, "firm, flat"));
	} else {
		T_CHECK(has_reason(p, "first, a"));
	}
}

/*
 * Under 6 months night feeds are never spaced out (domain.md 5.4): every
 * waking text, whatever the method, offers a feed whenever they seem
 * hungry first.
 */
static void
check_young_wakings(const struct lull_plan *p, int32_t age)
{
	size_t i;

	if (age >= D_6MO)
		return;
	for (i = 0; i < p->nsteps; i++)
		if (!icontains(p->steps[i].waking,
			"feed whenever they seem hungry")) {
			fprintf(stderr, "%s at %d days, step %zu: %s\n",
			    lull_method_id(p->method), (int)age, i + 1,
			    p->steps[i].waking);
			T_CHECK(0);
		}
}

/*
 * A pause for snoring, reflux, weight or growth, breathing pauses or an
 * emergency sign waits for a doctor, not for them to be "well again".
 */
static void
check_paused_words(const struct lull_profile *pf, const struct lull_plan *p)
{
	uint32_t ill = (1u << LULL_HEALTH_FEVER) | (1u << LULL_HEALTH_ILL);

	if (p->mode != LULL_MODE_PAUSED)
		return;
	if (!(pf->health & ill)) {
		/* (A referral may still say when to go sooner.) */
		T_CHECK(!plan_steps_say(p, "well again"));
		T_CHECK(!plan_steps_say(p, "unwell"));
		T_CHECK(!plan_steps_say(p, "poorly"));
		T_CHECK(has_reason(p, "once your doctor has seen them"));
	} else {
		T_CHECK(has_reason(p, "once they are well again"));
	}
}

/* A partner only when there is one, and "breastfeed" only for a child
 * who is breastfed. */
static void
check_partner_words(const struct lull_profile *pf, const struct lull_plan *p)
{
	if (pf->caregivers_for_nights < 2) {
		T_CHECK(!plan_says(p, "partner"));
		T_CHECK(!plan_says(p, "more than one of you"));
	}
	if (pf->feeding == LULL_FEEDING_BOTTLE ||
	    pf->feeding == LULL_FEEDING_SOLIDS)
		T_CHECK(!plan_says(p, "does not breastfeed"));
}

/* From 12 months, no step or reason speaks of a baby's safe sleep. */
static void
check_toddler_words(const struct lull_plan *p, int32_t age)
{
	size_t i, k;

	if (age < D_12MO)
		return;
	for (i = 0; i < p->nsteps; i++) {
		const char *t[3] = { p->steps[i].title, p->steps[i].bedtime,
			p->steps[i].waking };

		for (k = 0; k < 3; k++) {
			T_CHECK(!icontains(t[k], "on their back"));
			T_CHECK(!icontains(t[k], "firm, flat"));
			T_CHECK(!icontains(t[k], "swaddl"));
			T_CHECK(!icontains(t[k], "bedside sleeper"));
		}
	}
	for (i = 0; i < p->nreasons; i++)
		T_CHECK(!icontains(p->reasons[i].text, "your baby"));
}

/* The one thing that changes, named in plain words in the reasons. */
static void
check_focus_words(const struct lull_plan *p)
{
	static const char *const plain[LULL_ASSOC__MAX] = {
		[LULL_ASSOC_FED] = "feeding to sleep",
		[LULL_ASSOC_ROCKED] = "rocking",
		[LULL_ASSOC_HELD] = "being held",
		[LULL_ASSOC_PACIFIER] = "pacifier",
		[LULL_ASSOC_PARENT_LYING] = "lying down",
		[LULL_ASSOC_BED_SHARING] = "where they sleep",
		[LULL_ASSOC_CAR_STROLLER] = "the car",
		[LULL_ASSOC_PATTED] = "patting",
		[LULL_ASSOC_NONE] = NULL,
	};

	if (p->mode != LULL_MODE_COACHING ||
	    (unsigned)p->focus >= LULL_ASSOC__MAX || plain[p->focus] == NULL ||
	    p->method == LULL_M7)
		return;
	T_CHECK(has_reason(p, plain[p->focus]));
}

/* Every rule of the brief, for one profile whose build succeeded. */
static void
check_plan(const struct lull_profile *pf, const struct lull_plan *p)
{
	int32_t age = age_of(pf);
	int nfr = expect_nfr(pf, age);
	const struct lull_method_info *mi;
	size_t i, j;

	T_EQ_INT(p->age_days, age);
	T_EQ_INT(p->mode == LULL_MODE_PAUSED, expect_paused(pf));
	if (age < D_4MO)
		T_CHECK(p->mode != LULL_MODE_COACHING);
	if (p->mode != LULL_MODE_COACHING) {
		T_EQ_INT(p->method, LULL_M0);
		T_EQ_INT(p->focus, LULL_ASSOC_NONE);
	} else {
		T_CHECK(p->method != LULL_M0);
	}
	if (p->mode == LULL_MODE_PAUSED) {
		T_EQ_INT(p->nalternatives, 0);
		T_EQ_INT(p->night_feed_reduction_allowed, 0);
	} else {
		T_EQ_INT(p->night_feed_reduction_allowed, nfr);
	}
	check_sofa(pf, p, age);
	check_young_wakings(p, age);
	check_paused_words(pf, p);
	check_partner_words(pf, p);
	check_toddler_words(p, age);
	check_focus_words(p);
	if (p->mode == LULL_MODE_COACHING) {
		mi = lull_method_info(p->method);
		T_CHECK(age >= mi->floor_age_days);
		if (mi->max_age_days > 0)
			T_CHECK(age < mi->max_age_days);
		if (age < D_6MO)
			T_CHECK(p->method == LULL_M4 || p->method == LULL_M5 ||
			    p->method == LULL_M6);
		T_CHECK(has_reason(p, "one change at a time") ||
		    has_reason(p, "no fixed steps"));
		T_CHECK(has_reason(p, "smaller evidence base"));
		if (pf->temper[LULL_TEMPER_SEPARATION] >= 4) {
			if (pf->method == LULL_METHOD_NONE)
				T_CHECK(p->method == LULL_M2 ||
				    p->method == LULL_M3);
			for (i = 0; i < p->nsteps; i++)
				T_CHECK(p->steps[i].nights_min >= 4);
			T_CHECK(p->nights_per_step >= 4);
		}
		if (pf->temper[LULL_TEMPER_SENSITIVITY] >= 4)
			T_CHECK(p->nights_per_step >= mi->nights_per_step + 1);
	}
	/* M7 only from 6 months with normal growth. */
	if (p->method == LULL_M7 || in_alternatives(p, LULL_M7)) {
		T_CHECK(age >= D_6MO);
		T_CHECK(!pf->growth_concern);
		T_CHECK(!(pf->health & (1u << LULL_HEALTH_POOR_WEIGHT_GAIN)));
	}
	if (p->method == LULL_M8 || in_alternatives(p, LULL_M8))
		T_CHECK(age >= D_6MO);
	if (in_alternatives(p, LULL_M5))
		T_CHECK(age >= D_4MO && age < D_12MO);
	if (age < D_6MO && (pf->goals & (1u << LULL_GOAL_FEWER_NIGHT_FEEDS)))
		T_CHECK(has_reason(p, "night feeds stay as they are"));
	for (i = 0; i < p->nalternatives; i++) {
		T_CHECK(p->alternatives[i] != p->method);
		T_CHECK((unsigned)p->alternatives[i] < LULL_METHOD__MAX);
		for (j = 0; j < i; j++)
			T_CHECK(p->alternatives[i] != p->alternatives[j]);
	}
	/* A sofa holds the choice back, as a pause does. */
	if (pf->method != LULL_METHOD_NONE && p->mode != LULL_MODE_PAUSED &&
	    pf->space != LULL_SPACE_SOFA) {
		if (pf->method == LULL_M0 ||
		    (pf->method == LULL_M6 && age < D_4MO))
			T_EQ_INT(p->method, LULL_M0);
		else
			T_EQ_INT(p->method, pf->method);
	}
	T_CHECK(p->nreasons >= 1 && p->nreasons <= LULL_PLAN_MAX_REASONS);
	T_EQ_INT(p->corrected,
	    pf->due_day != LULL_NO_DAY && pf->due_day > pf->born_day &&
		pf->today - pf->due_day < 730);
	check_steps(p);
	check_texts(p);
	check_safety(pf, p, age);
	check_referrals(pf, p);
}

#define NPROFILES 30000

static void
test_property(void)
{
	struct lull_profile pf, alt;
	struct lull_plan p, q;
	struct lull_errinfo ei;
	enum lull_err err;
	int k, refused = 0, modes[LULL_MODE__MAX] = { 0 };
	int methods[LULL_METHOD__MAX] = { 0 }, before = t_failed_checks;
	size_t i;

	for (k = 0; k < NPROFILES && t_failed_checks - before < 20; k++) {
		int prev = t_failed_checks;

		gen_profile(&pf);
		err = lull_profile_check(&pf, &ei);
		if (err != LULL_OK)
			fprintf(stderr, "profile %d: %s\n", k, ei.msg);
		T_EQ_INT(err, LULL_OK);
		err = lull_plan_build(&pf, &p, &ei);
		if (err != LULL_OK) {
			/* Only the family's method choice may be refused. */
			T_EQ_INT(err, LULL_EINVAL);
			T_EQ_STR(ei.field, "method");
			T_CHECK(pf.method != LULL_METHOD_NONE);
			T_CHECK(nonempty(ei.msg));
			T_EQ_INT(p.nsteps, 0);
			alt = pf;
			alt.method = LULL_METHOD_NONE;
			T_EQ_INT(lull_plan_build(&alt, &p, &ei), LULL_OK);
			refused++;
		}
		check_plan(err == LULL_OK ? &pf : &alt, &p);
		modes[p.mode]++;
		if (p.mode == LULL_MODE_COACHING)
			methods[p.method]++;
		/* Every alternative offered is accepted when chosen. */
		for (i = 0; i < p.nalternatives; i++) {
			alt = err == LULL_OK ? pf : alt;
			alt.method = (int)p.alternatives[i];
			T_EQ_INT(lull_plan_build(&alt, &q, &ei), LULL_OK);
			if (alt.method != LULL_M0)
				T_EQ_INT(q.method, alt.method);
		}
		if (t_failed_checks != prev)
			fprintf(stderr, "  (profile %d: age %d, method %d)\n",
			    k, (int)age_of(&pf), pf.method);
	}
	printf("# %d profiles: %d coaching, %d foundations, %d paused, "
	       "%d choices refused\n",
	    k, modes[LULL_MODE_COACHING], modes[LULL_MODE_FOUNDATIONS],
	    modes[LULL_MODE_PAUSED], refused);
	printf("# coaching methods:");
	for (k = 0; k < LULL_METHOD__MAX; k++)
		printf(" %s=%d", lull_method_id((enum lull_method)k),
		    methods[k]);
	printf("\n");
	/* The generator reaches every coaching method. */
	for (k = 1; k < LULL_METHOD__MAX; k++)
		T_CHECK(methods[k] > 0);
	T_CHECK(modes[LULL_MODE_FOUNDATIONS] > 0 &&
	    modes[LULL_MODE_PAUSED] > 0);
}

/* Our own selection only (no family choice), with the same checks. */
static void
test_property_selection(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	int k, before = t_failed_checks;

	for (k = 0; k < NPROFILES && t_failed_checks - before < 20; k++) {
		gen_profile(&pf);
		pf.method = LULL_METHOD_NONE;
		T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
		check_plan(&pf, &p);
	}
}

/*
 * Profiles that skipped lull_profile_check(): stray values everywhere.
 * The build must stay safe (no crash, nothing out of bounds under ASan)
 * and keep its promises; it refuses only impossible dates or a method.
 */
static void
test_property_unchecked(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	enum lull_err err;
	int k, i, before = t_failed_checks;

	for (k = 0; k < 5000 && t_failed_checks - before < 20; k++) {
		gen_profile(&pf);
		pf.assoc = rnd();
		pf.goals = rnd();
		pf.health = chance(50) ? 0 : rnd();
		pf.main_goal = between(-3, 8);
		pf.feeding = (enum lull_feeding)between(-2, 6);
		pf.space = (enum lull_space)between(-2, 8);
		for (i = 0; i < LULL_TEMPER__MAX; i++)
			pf.temper[i] = between(-1, 7);
		pf.smoker = between(0, 3);
		pf.caregivers_for_nights = between(-1, 30);
		pf.method = between(-3, 11);
		if (chance(5))
			pf.due_day = pf.born_day + between(-2000, 2000);
		if (chance(3))
			pf.born_day = chance(50) ? LULL_NO_DAY : pf.today + 5;
		err = lull_plan_build(&pf, &p, &ei);
		if (err != LULL_OK) {
			T_EQ_INT(err, LULL_EINVAL);
			T_CHECK(strcmp(ei.field, "method") == 0 ||
			    strcmp(ei.field, "child.born") == 0);
			T_EQ_INT(p.nsteps, 0);
			continue;
		}
		check_steps(&p);
		check_texts(&p);
		if (p.age_days < D_4MO)
			T_CHECK(p.mode != LULL_MODE_COACHING);
		T_CHECK(p.nreferrals <= LULL_PLAN_MAX_REFERRALS);
		T_CHECK(p.nsafety <= LULL_PLAN_MAX_SAFETY);
		T_CHECK(p.nalternatives <= LULL_PLAN_MAX_ALTERNATIVES);
	}
}

/* ---- the tables, row by row ---------------------------------------------- */

/* Does a source state "N nights" (or "N night")? */
static int
says_nights(const char *source, int nights)
{
	char want[32];

	snprintf(want, sizeof(want), "%d night", nights);
	return icontains(source, want);
}

/* Ladders that can be used under 6 months: foundations, the pause, the
 * sofa step, and M4, M5 (with its lead-in rungs) and M6 (gate G2). */
static int
young_ladder(size_t l)
{
	switch (l) {
	case PLAN_LADDER_M0_YOUNG:
	case PLAN_LADDER_M0:
	case PLAN_LADDER_PAUSED:
	case PLAN_LADDER_SOFA:
	case PLAN_LADDER_M4:
	case PLAN_LADDER_M5:
	case PLAN_LADDER_M6:
		return 1;
	default:
		return 0;
	}
}

static void
test_tables(void)
{
	const char *bad;
	size_t l, i;
	int k;

	for (l = 0; l < PLAN_LADDER__MAX; l++) {
		T_CHECK(plan_ladders[l].n > 0);
		for (i = 0; i < plan_ladders[l].n; i++) {
			const struct plan_rung *r = &plan_ladders[l].v[i];
			const char *t[4] = { r->title, r->bedtime, r->waking,
				r->if_crying };
			int j;

			T_CHECK(r->nights >= 1);
			T_CHECK(r->presence != LULL_PRESENCE_OUTSIDE_NEARBY);
			T_CHECK(nonempty(r->source));
			/* The nights a parent reads ("at least 3 nights")
			 * come from the row's own source. */
			if (!says_nights(r->source, r->nights)) {
				fprintf(stderr,
				    "ladder %zu row %zu: %d nights, source "
				    "\"%s\"\n",
				    l, i, r->nights, r->source);
				T_CHECK(0);
			}
			/* Ladders a baby under 6 months can be on put
			 * feeding first at every waking. */
			if ((young_ladder(l) ||
				(l == PLAN_LADDER_LEADIN &&
				    (r->methods & (1u << LULL_M5)))) &&
			    !(r->flags & PLAN_RUNG_TODDLER) &&
			    !icontains(r->waking_young != NULL ? r->waking_young
							       : r->waking,
				"feed whenever they seem hungry")) {
				fprintf(stderr,
				    "ladder %zu row %zu: no feed first "
				    "under 6 months\n",
				    l, i);
				T_CHECK(0);
			}
			if (r->waking_young != NULL) {
				T_CHECK(icontains(r->waking_young,
				    "feed whenever they seem hungry"));
				T_CHECK(bad_phrase(r->waking_young) == NULL);
				T_CHECK(feed_cut_phrase(r->waking_young) ==
				    NULL);
			}
			T_CHECK((unsigned)r->evidence < LULL_EVIDENCE__MAX);
			for (j = 0; j < 4; j++) {
				T_CHECK(nonempty(t[j]));
				if ((bad = bad_phrase(t[j])) != NULL) {
					fprintf(stderr,
					    "ladder %zu row %zu: "
					    "\"%s\"\n",
					    l, i, bad);
					T_CHECK(0);
				}
				if (l != PLAN_LADDER_M7 &&
				    feed_cut_phrase(t[j]) != NULL) {
					fprintf(stderr,
					    "ladder %zu row %zu "
					    "cuts feeds\n",
					    l, i);
					T_CHECK(0);
				}
			}
		}
	}
	for (k = 0; k < PLAN_SAFE__MAX; k++) {
		T_CHECK(nonempty(plan_safety_rows[k].rule));
		T_CHECK(nonempty(plan_safety_rows[k].message));
		T_CHECK(nonempty(plan_safety_rows[k].source));
		T_CHECK(bad_phrase(plan_safety_rows[k].message) == NULL);
	}
	for (k = 0; k < PLAN_REF__MAX; k++) {
		T_CHECK(nonempty(plan_referral_rows[k].reason));
		T_CHECK(nonempty(plan_referral_rows[k].message));
		T_CHECK(nonempty(plan_referral_rows[k].source));
	}
	for (k = 0; k < PLAN_WHY__MAX; k++) {
		T_CHECK(nonempty(plan_why[k].text));
		T_CHECK(nonempty(plan_why[k].source));
		T_CHECK(bad_phrase(plan_why[k].text) == NULL);
	}
	for (k = 0; k < PLAN_LIM__MAX; k++)
		T_CHECK(nonempty(plan_limits[k].source));
	/* The thresholds match domain.md 0.2: months = days / 30.44. */
	T_EQ_INT(plan_limits[PLAN_LIM_FEED_FIRST_DAYS].value, D_6MO);
	T_EQ_INT(plan_limits[PLAN_LIM_COACHING_DAYS].value, D_4MO);
	T_EQ_INT(plan_limits[PLAN_LIM_ALL_METHODS_DAYS].value, D_6MO);
	T_EQ_INT(plan_limits[PLAN_LIM_SAFE_SLEEP_DAYS].value, D_12MO);
}

static void
test_method_catalogue(void)
{
	int m;

	for (m = 0; m < LULL_METHOD__MAX; m++) {
		const struct lull_method_info *mi =
		    lull_method_info((enum lull_method)m);

		T_CHECK(mi != NULL);
		if (mi == NULL)
			continue;
		T_EQ_INT(mi->id, m);
		T_CHECK(nonempty(mi->name) && nonempty(mi->summary) &&
		    nonempty(mi->suits) && nonempty(mi->advance_rule) &&
		    nonempty(mi->source));
		T_CHECK(mi->floor_age_days <= mi->min_age_days);
		T_CHECK(mi->nights_per_step >= 1);
		/* The nights per step come from the row's source. */
		T_CHECK(says_nights(mi->source, mi->nights_per_step));
		/* A summary promises no duration: temperament and the
		 * lead-in rungs change how long a ladder runs (M3 runs
		 * 18 to 35 nights and more), so "two weeks" would mislead. */
		T_CHECK(!icontains(mi->summary, "week"));
		T_CHECK(strpbrk(mi->summary, "0123456789") == NULL);
	}
	T_CHECK(lull_method_info((enum lull_method)LULL_METHOD__MAX) == NULL);
	T_EQ_INT(lull_method_info(LULL_M5)->max_age_days, D_12MO);
	T_EQ_INT(lull_method_info(LULL_M5)->floor_age_days, D_4MO);
	T_EQ_INT(lull_method_info(LULL_M7)->floor_age_days, D_6MO);
	T_EQ_INT(lull_method_info(LULL_M8)->floor_age_days, D_6MO);
	T_EQ_INT(lull_method_info(LULL_M2)->floor_age_days, D_6MO);
	T_EQ_INT(lull_method_info(LULL_M0)->floor_age_days, 0);
	T_CHECK(icontains(lull_method_info(LULL_M2)->source, "[R39]"));
}

/* ---- hand-written cases -------------------------------------------------- */

/* The example family of the brief. */
static void
example(struct lull_profile *pf)
{
	lull_profile_init(pf);
	pf->today = day(2026, 11, 22);
	pf->born_day = day(2026, 4, 1);
	pf->due_day = day(2026, 4, 20);
	pf->feeding = LULL_FEEDING_BREAST;
	pf->space = LULL_SPACE_PARENTS_ROOM_COT;
	pf->assoc = (1u << LULL_ASSOC_FED) | (1u << LULL_ASSOC_ROCKED);
	pf->goals =
	    (1u << LULL_GOAL_LESS_HELP) | (1u << LULL_GOAL_FEWER_WAKINGS);
	pf->main_goal = LULL_GOAL_LESS_HELP;
	pf->caregivers_for_nights = 2;
}

static void
test_example_family(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	size_t i;

	example(&pf);
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_OK);
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.mode, LULL_MODE_COACHING);
	T_EQ_INT(p.corrected, 1);
	T_EQ_INT(p.age_days, day(2026, 11, 22) - day(2026, 4, 20));
	/* Feeding to sleep at 7 months: gentle removal, feeding first. */
	T_EQ_INT(p.method, LULL_M4);
	T_EQ_INT(p.focus, LULL_ASSOC_FED);
	T_EQ_INT(p.main_goal, LULL_GOAL_LESS_HELP);
	T_EQ_INT(p.nights_per_step, 3);
	T_EQ_INT(p.night_feed_reduction_allowed, 1);
	T_CHECK(p.nsteps >= 3);
	T_EQ_INT(p.steps[0].presence, LULL_PRESENCE_HOLDING);
	for (i = 0; i < p.nsteps; i++)
		T_EQ_INT(p.steps[i].nights_min, 3);
	T_CHECK(has_reason(&p, "feeding to sleep"));
	T_CHECK(has_reason(&p, "born early"));
	T_CHECK(in_alternatives(&p, LULL_M2));
	T_CHECK(in_alternatives(&p, LULL_M5));
	T_CHECK(!in_alternatives(&p, LULL_M8));
	T_EQ_INT(p.nreferrals, 0);
	/* 19 days early is not preterm for the G5 note. */
	T_CHECK(find_safety(&p, "G5") == NULL);
	T_CHECK(find_safety(&p, "SS-01") != NULL);
	/* Rocking as the one change when feeding is not in the picture. */
	pf.assoc = 1u << LULL_ASSOC_ROCKED;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.method, LULL_M5);
	T_EQ_INT(p.focus, LULL_ASSOC_ROCKED);
	T_EQ_INT(p.steps[0].presence, LULL_PRESENCE_HOLDING);
	check_plan(&pf, &p);
}

static void
test_three_months_foundations(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;

	example(&pf);
	pf.due_day = LULL_NO_DAY;
	pf.born_day = pf.today - 95;
	pf.goals |= 1u << LULL_GOAL_FEWER_NIGHT_FEEDS;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.mode, LULL_MODE_FOUNDATIONS);
	T_EQ_INT(p.method, LULL_M0);
	T_EQ_INT(p.nalternatives, 0);
	T_CHECK(p.nsteps >= 4);
	T_CHECK(has_reason(&p, "under 4 months"));
	T_CHECK(has_reason(&p, "night feeds stay as they are under 6 months"));
	T_CHECK(find_safety(&p, "SS-07") != NULL);
	/* A baby born early is younger than the calendar says. */
	pf.born_day = pf.today - 150;
	pf.due_day = pf.born_day + 56;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.age_days, 94);
	T_EQ_INT(p.mode, LULL_MODE_FOUNDATIONS);
	/* Cued care is what the foundations are at this age. */
	pf.method = LULL_M6;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.method, LULL_M0);
	T_CHECK(has_reason(&p, "cued care"));
	pf.method = LULL_M4;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "method");
}

static void
test_separation_distress(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	size_t i;

	example(&pf);
	pf.due_day = LULL_NO_DAY;
	pf.born_day = pf.today - 215; /* 7 months */
	pf.temper[LULL_TEMPER_SEPARATION] = 5;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.mode, LULL_MODE_COACHING);
	T_CHECK(p.method == LULL_M2 || p.method == LULL_M3);
	for (i = 0; i < p.nsteps; i++)
		T_CHECK(p.steps[i].nights_min >= 4);
	T_CHECK(has_reason(&p, "4 to 5 nights"));
	/* With a sensitive child as well, five nights a step. */
	pf.temper[LULL_TEMPER_SENSITIVITY] = 5;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	for (i = 0; i < p.nsteps; i++)
		T_EQ_INT(p.steps[i].nights_min, 5);
	/* A toddler who has a parent lying down gets the chair method. */
	pf.born_day = pf.today - 600;
	pf.assoc = 1u << LULL_ASSOC_PARENT_LYING;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.method, LULL_M3);
	T_EQ_INT(p.focus, LULL_ASSOC_PARENT_LYING);
	check_plan(&pf, &p);
	/* At 5 months the presence methods are not open yet. */
	pf.born_day = pf.today - 150;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.mode, LULL_MODE_FOUNDATIONS);
	T_CHECK(has_reason(&p, "separation is hard"));
}

static void
test_persistence_extra_rung(void)
{
	struct lull_profile pf;
	struct lull_plan a, b;
	struct lull_errinfo ei;
	size_t i;
	int still = 0;

	example(&pf);
	pf.born_day = pf.today - 500;
	pf.due_day = LULL_NO_DAY;
	T_EQ_INT(lull_plan_build(&pf, &a, &ei), LULL_OK);
	pf.temper[LULL_TEMPER_PERSISTENCE] = 5;
	T_EQ_INT(lull_plan_build(&pf, &b, &ei), LULL_OK);
	T_EQ_INT(a.method, b.method);
	T_EQ_INT(b.nsteps, a.nsteps + 1);
	for (i = 0; i < b.nsteps; i++)
		still += icontains(b.steps[i].title, "hand resting still");
	T_EQ_INT(still, 1);
	/* Rule changed: the reason describes, it does not label ("They
	 * protest with force" became "They tell you strongly..."). */
	T_CHECK(has_reason(&b, "tell you strongly when something changes"));
	T_CHECK(!has_reason(&b, "protest"));
	check_plan(&pf, &b);
}

static void
test_blue_or_limp(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;

	example(&pf);
	pf.health = (1u << LULL_HEALTH_SNORING) | (1u << LULL_HEALTH_FEVER) |
	    (1u << LULL_HEALTH_BLUE_OR_LIMP);
	pf.clinician_ok = 1;
	pf.method = LULL_M7; /* not checked while a red flag is open */
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.mode, LULL_MODE_PAUSED);
	T_EQ_INT(p.method, LULL_M0);
	T_EQ_INT(p.nreferrals, 3);
	T_EQ_STR(p.referrals[0].reason, "blue_or_limp");
	T_EQ_INT(p.referrals[0].urgency, LULL_URGENCY_EMERGENCY);
	T_CHECK(icontains(p.referrals[0].message,
	    "call emergency services now"));
	T_EQ_STR(p.referrals[1].reason, "fever");
	T_EQ_INT(p.referrals[1].urgency, LULL_URGENCY_SOON);
	T_EQ_STR(p.referrals[2].reason, "snoring");
	T_EQ_INT(p.referrals[2].urgency, LULL_URGENCY_ROUTINE);
	T_CHECK(p.nsteps >= 1);
	T_EQ_INT(p.steps[0].presence, LULL_PRESENCE_HOLDING);
	T_CHECK(has_reason(&p, "paused"));
}

static void
test_red_flag_urgencies(void)
{
	static const struct {
		enum lull_health h;
		enum lull_urgency u;
		const char *says;
	} want[] = {
		{ LULL_HEALTH_SNORING, LULL_URGENCY_ROUTINE, "snoring" },
		{ LULL_HEALTH_BREATHING_PAUSES, LULL_URGENCY_SOON, "today" },
		{ LULL_HEALTH_POOR_WEIGHT_GAIN, LULL_URGENCY_ROUTINE,
		    "before any change to night feeds" },
		{ LULL_HEALTH_REFLUX, LULL_URGENCY_ROUTINE, "projectile" },
		{ LULL_HEALTH_FEVER, LULL_URGENCY_SOON, "today" },
		{ LULL_HEALTH_ILL, LULL_URGENCY_SOON, "today" },
		{ LULL_HEALTH_BLUE_OR_LIMP, LULL_URGENCY_EMERGENCY,
		    "emergency services now" },
	};
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		example(&pf);
		pf.health = 1u << want[i].h;
		T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
		T_EQ_INT(p.mode, LULL_MODE_PAUSED);
		T_EQ_INT(p.nreferrals, 1);
		T_EQ_STR(p.referrals[0].reason, lull_health_name(want[i].h));
		T_EQ_INT(p.referrals[0].urgency, want[i].u);
		T_CHECK(icontains(p.referrals[0].message, want[i].says));
	}
	/* Fever under 3 months: the same day, the emergency department
	 * after hours. */
	example(&pf);
	pf.due_day = LULL_NO_DAY;
	pf.born_day = pf.today - 40;
	pf.health = 1u << LULL_HEALTH_FEVER;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.referrals[0].urgency, LULL_URGENCY_SOON);
	T_CHECK(icontains(p.referrals[0].message, "same day"));
	T_CHECK(icontains(p.referrals[0].message, "emergency department"));
	T_CHECK(icontains(p.referrals[0].message, "38.0"));
}

static void
test_clinician_ok_g5(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;

	example(&pf);
	pf.health = (1u << LULL_HEALTH_SNORING) | (1u << LULL_HEALTH_REFLUX);
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.mode, LULL_MODE_PAUSED);
	pf.clinician_ok = 1;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.mode, LULL_MODE_COACHING);
	T_EQ_INT(p.nreferrals, 2);
	T_CHECK(has_reason(&p, "clinician"));
	/* Growth: paused without the clinician, referred either way, and
	 * never a night-feed reduction. */
	example(&pf);
	pf.growth_concern = 1;
	pf.goals |= 1u << LULL_GOAL_FEWER_NIGHT_FEEDS;
	pf.main_goal = LULL_GOAL_FEWER_NIGHT_FEEDS;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.mode, LULL_MODE_PAUSED);
	T_CHECK(find_referral(&p, "growth_concern") != NULL);
	T_EQ_INT(find_referral(&p, "growth_concern")->urgency,
	    LULL_URGENCY_ROUTINE);
	pf.clinician_ok = 1;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.mode, LULL_MODE_COACHING);
	T_CHECK(p.method != LULL_M7 && !in_alternatives(&p, LULL_M7));
	T_EQ_INT(p.night_feed_reduction_allowed, 0);
	T_CHECK(find_referral(&p, "growth_concern") != NULL);
	T_CHECK(has_reason(&p, "reviewed their growth"));
	pf.method = LULL_M7;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "method");
}

static void
test_sofa(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	const struct lull_safety *s;
	size_t i;

	/* Rule changed (SS-02: block plans on a sofa): the example family
	 * would be coaching with gentle removal; on a sofa the plan is
	 * foundations, and the first step and reason are their own firm,
	 * flat surface. */
	example(&pf);
	pf.space = LULL_SPACE_SOFA;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.mode, LULL_MODE_FOUNDATIONS);
	T_EQ_INT(p.method, LULL_M0);
	T_EQ_INT(p.nalternatives, 0);
	T_CHECK(icontains(p.steps[0].title, "own safe surface"));
	T_CHECK(icontains(p.steps[0].bedtime, "firm, flat"));
	T_CHECK(icontains(p.reasons[0].text, "coaching waits"));
	s = find_safety(&p, "SS-02-SOFA");
	T_CHECK(s != NULL);
	T_EQ_INT(s->severity, LULL_SEVERITY_STRONG);
	T_CHECK(icontains(s->message, "67 times"));
	T_CHECK(icontains(s->source, "[R48c]"));
	/* Strong warnings come first. */
	T_EQ_INT(p.safety[0].severity, LULL_SEVERITY_STRONG);
	/* A chosen method waits too, with no error to hide the warning,
	 * even one that would be refused at this age. */
	pf.method = LULL_M2;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.mode, LULL_MODE_FOUNDATIONS);
	T_CHECK(has_reason(&p, "your choice of method"));
	pf.born_day = pf.today - 150;
	pf.due_day = LULL_NO_DAY;
	pf.method = LULL_M7;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.mode, LULL_MODE_FOUNDATIONS);
	pf.method = 12; /* not a method at all: still an input error */
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "method");
	/* Under 4 months: the sofa step, then the young foundations. */
	example(&pf);
	pf.space = LULL_SPACE_SOFA;
	pf.due_day = LULL_NO_DAY;
	pf.born_day = pf.today - 50;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_CHECK(icontains(p.steps[0].title, "not the sofa"));
	T_CHECK(has_reason(&p, "under 4 months"));
	/* A red flag pauses, and the sofa step still comes first. */
	pf.born_day = pf.today - 250;
	pf.health = 1u << LULL_HEALTH_SNORING;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.mode, LULL_MODE_PAUSED);
	T_CHECK(icontains(p.steps[0].title, "not the sofa"));
	T_CHECK(find_safety(&p, "SS-02-SOFA") != NULL);
	/* Rule changed: a toddler on a sofa gets a child's words (an adult
	 * dozing with them), without the infant figure, and no coaching. */
	example(&pf);
	pf.space = LULL_SPACE_SOFA;
	pf.born_day = pf.today - 900;
	pf.due_day = LULL_NO_DAY;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.mode, LULL_MODE_FOUNDATIONS);
	T_CHECK(find_safety(&p, "SS-02-SOFA") == NULL);
	s = find_safety(&p, "SOFA-DOZE");
	T_CHECK(s != NULL && icontains(s->message, "doze") &&
	    !icontains(s->message, "67"));
	T_CHECK(icontains(p.steps[0].title, "own bed"));
	for (i = 0; i < p.nsteps; i++)
		T_CHECK(!icontains(p.steps[i].bedtime, "on their back"));
}

static void
test_bed_sharing(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	const struct lull_safety *s;
	size_t i;

	example(&pf);
	pf.due_day = LULL_NO_DAY;
	pf.born_day = pf.today - 60;
	pf.space = LULL_SPACE_PARENTS_BED;
	pf.feeding = LULL_FEEDING_BOTTLE;
	pf.smoker = 1;
	pf.impaired_adult = 1;
	pf.assoc |= 1u << LULL_ASSOC_BED_SHARING;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	s = find_safety(&p, "BS-HARM");
	T_CHECK(s != NULL && s->severity == LULL_SEVERITY_WARNING);
	T_CHECK(icontains(s->message, "lower-risk"));
	T_CHECK(icontains(s->source, "[R50]"));
	T_CHECK(find_safety(&p, "BS-SMOKER") != NULL);
	T_CHECK(find_safety(&p, "BS-IMPAIRED") != NULL);
	T_CHECK(find_safety(&p, "BS-YOUNG") != NULL);
	T_CHECK(find_safety(&p, "BS-NOT-BREASTFED") != NULL);
	T_CHECK(find_safety(&p, "BS-PRETERM") == NULL);
	T_EQ_INT(count_strong(&p), 4);
	/* Born five weeks early: one more. */
	pf.due_day = pf.born_day + 35;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_CHECK(find_safety(&p, "BS-PRETERM") != NULL);
	/* From 6 months, wanting their own space: M8, starting from their
	 * own surface, never in an adult bed. */
	example(&pf);
	pf.due_day = LULL_NO_DAY;
	pf.born_day = pf.today - 250;
	pf.space = LULL_SPACE_PARENTS_BED;
	pf.goals = 1u << LULL_GOAL_OWN_SPACE;
	pf.main_goal = LULL_GOAL_OWN_SPACE;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.method, LULL_M8);
	T_EQ_INT(p.focus, LULL_ASSOC_BED_SHARING);
	T_CHECK(icontains(p.steps[0].title, "own surface"));
	T_EQ_INT(p.steps[p.nsteps - 1].presence, LULL_PRESENCE_OUTSIDE_IN_VIEW);
	for (i = 0; i < p.nsteps; i++) {
		T_CHECK(!icontains(p.steps[i].bedtime, "adult bed"));
		T_CHECK(!icontains(p.steps[i].waking, "adult bed"));
	}
	/* Under 6 months the move to their own room waits. */
	pf.born_day = pf.today - 150;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_CHECK(p.method != LULL_M8);
	T_CHECK(has_reason(&p, "at least the first 6 months"));
	pf.method = LULL_M8;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "method");
}

static void
test_safe_sleep_basics(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;

	example(&pf);
	pf.due_day = LULL_NO_DAY;
	pf.born_day = pf.today - 140;
	pf.space = LULL_SPACE_OWN_ROOM_COT;
	pf.assoc =
	    (1u << LULL_ASSOC_CAR_STROLLER) | (1u << LULL_ASSOC_PACIFIER);
	pf.smoker = 1;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_CHECK(find_safety(&p, "SS-01") != NULL);
	T_CHECK(find_safety(&p, "SS-02") != NULL);
	T_EQ_INT(find_safety(&p, "SS-04")->severity, LULL_SEVERITY_WARNING);
	T_CHECK(find_safety(&p, "SS-03") != NULL);
	T_CHECK(find_safety(&p, "SS-08") != NULL);
	T_EQ_INT(find_safety(&p, "SS-09-SMOKE")->severity,
	    LULL_SEVERITY_STRONG);
	/* A two-year-old: no infant rules, the disclaimer stays. */
	pf.born_day = pf.today - 760;
	pf.smoker = 0;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_CHECK(find_safety(&p, "SS-01") == NULL);
	T_EQ_INT(p.nsafety, 1);
	T_EQ_STR(p.safety[0].rule, "INFO");
}

static void
test_family_choice(void)
{
	static const struct {
		int age_days;
		int method;
		enum lull_err want;
	} cases[] = {
		{ 150, LULL_M7, LULL_EINVAL }, /* 5 months */
		{ 150, LULL_M2, LULL_EINVAL },
		{ 150, LULL_M3, LULL_EINVAL },
		{ 150, LULL_M1, LULL_EINVAL },
		{ 150, LULL_M8, LULL_EINVAL },
		{ 150, LULL_M4, LULL_OK },
		{ 150, LULL_M5, LULL_OK },
		{ 150, LULL_M6, LULL_OK },
		{ 150, LULL_M0, LULL_OK },
		{ 100, LULL_M5, LULL_EINVAL },
		{ 100, LULL_M6, LULL_OK },
		{ 400, LULL_M5, LULL_EINVAL }, /* over 12 months */
		{ 364, LULL_M5, LULL_OK },
		{ 365, LULL_M5, LULL_EINVAL },
		{ 183, LULL_M7, LULL_OK },
		{ 182, LULL_M7, LULL_EINVAL },
		{ 215, LULL_M3, LULL_OK },
		{ 215, LULL_M8, LULL_OK },
		{ 215, 9, LULL_EINVAL },
		{ 215, -7, LULL_EINVAL },
	};
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	enum lull_err err;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		example(&pf);
		pf.due_day = LULL_NO_DAY;
		pf.born_day = pf.today - cases[i].age_days;
		pf.method = cases[i].method;
		err = lull_plan_build(&pf, &p, &ei);
		if (err != cases[i].want)
			fprintf(stderr, "case %zu: age %d, method %d: %s\n", i,
			    cases[i].age_days, cases[i].method, ei.msg);
		T_EQ_INT(err, cases[i].want);
		if (err == LULL_EINVAL) {
			T_EQ_STR(ei.field, "method");
			T_CHECK(icontains(ei.msg, "method:"));
			T_EQ_INT(p.nsteps, 0);
			T_EQ_INT(p.nsafety, 0);
		} else {
			check_plan(&pf, &p);
			T_CHECK(has_reason(&p, "you chose"));
		}
	}
	/* The refusal says why. */
	example(&pf);
	pf.due_day = LULL_NO_DAY;
	pf.born_day = pf.today - 150;
	pf.method = LULL_M7;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_EINVAL);
	T_CHECK(icontains(ei.msg, "M7"));
	T_CHECK(icontains(ei.msg, "6 months"));
	/* A separation-anxious child whose family picks M5 keeps it, with
	 * slower steps and a word of advice. */
	example(&pf);
	pf.temper[LULL_TEMPER_SEPARATION] = 4;
	pf.method = LULL_M5;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.method, LULL_M5);
	T_CHECK(has_reason(&p, "kept your choice"));
	for (i = 0; i < p.nsteps; i++)
		T_CHECK(p.steps[i].nights_min >= 4);
}

static void
test_selection_table(void)
{
	static const struct {
		int age_days;
		uint32_t assoc;
		int main_goal;
		enum lull_space space;
		enum lull_mode mode;
		enum lull_method method;
	} cases[] = {
		{ 215, 0, LULL_GOAL_EARLIER_BEDTIME,
		    LULL_SPACE_PARENTS_ROOM_COT, LULL_MODE_COACHING, LULL_M1 },
		{ 215, 1u << LULL_ASSOC_FED, LULL_GOAL_FEWER_NIGHT_FEEDS,
		    LULL_SPACE_PARENTS_ROOM_COT, LULL_MODE_COACHING, LULL_M7 },
		{ 150, 1u << LULL_ASSOC_FED, LULL_GOAL_FEWER_NIGHT_FEEDS,
		    LULL_SPACE_PARENTS_ROOM_COT, LULL_MODE_COACHING, LULL_M4 },
		{ 150, 1u << LULL_ASSOC_PACIFIER, LULL_GOAL_LESS_HELP,
		    LULL_SPACE_PARENTS_ROOM_COT, LULL_MODE_COACHING, LULL_M4 },
		{ 150, 1u << LULL_ASSOC_HELD, LULL_GOAL_LESS_HELP,
		    LULL_SPACE_PARENTS_ROOM_COT, LULL_MODE_COACHING, LULL_M5 },
		{ 500, 1u << LULL_ASSOC_ROCKED, LULL_GOAL_LESS_HELP,
		    LULL_SPACE_OWN_ROOM_COT, LULL_MODE_COACHING, LULL_M2 },
		{ 500, 1u << LULL_ASSOC_FED, LULL_GOAL_FEWER_WAKINGS,
		    LULL_SPACE_OWN_ROOM_COT, LULL_MODE_COACHING, LULL_M3 },
		{ 800, 1u << LULL_ASSOC_PARENT_LYING, LULL_GOAL_LESS_HELP,
		    LULL_SPACE_OWN_ROOM_COT, LULL_MODE_COACHING, LULL_M3 },
		{ 300, 1u << LULL_ASSOC_BED_SHARING, LULL_GOAL_OWN_SPACE,
		    LULL_SPACE_PARENTS_BED, LULL_MODE_COACHING, LULL_M8 },
		{ 300, 1u << LULL_ASSOC_BED_SHARING, LULL_GOAL_LESS_HELP,
		    LULL_SPACE_PARENTS_BED, LULL_MODE_COACHING, LULL_M6 },
		{ 300, 0, -1, LULL_SPACE_PARENTS_ROOM_COT,
		    LULL_MODE_FOUNDATIONS, LULL_M0 },
		{ 60, 1u << LULL_ASSOC_FED, LULL_GOAL_LESS_HELP,
		    LULL_SPACE_PARENTS_ROOM_COT, LULL_MODE_FOUNDATIONS,
		    LULL_M0 },
	};
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		example(&pf);
		pf.due_day = LULL_NO_DAY;
		pf.born_day = pf.today - cases[i].age_days;
		pf.assoc = cases[i].assoc;
		pf.space = cases[i].space;
		pf.main_goal = cases[i].main_goal;
		pf.goals =
		    cases[i].main_goal < 0 ? 0 : 1u << cases[i].main_goal;
		T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
		if (p.method != cases[i].method)
			fprintf(stderr, "selection case %zu: got %s\n", i,
			    lull_method_id(p.method));
		T_EQ_INT(p.mode, cases[i].mode);
		T_EQ_INT(p.method, cases[i].method);
		check_plan(&pf, &p);
	}
	/* A toddler with a pacifier: presence fading, starting with the
	 * pacifier itself. */
	example(&pf);
	pf.due_day = LULL_NO_DAY;
	pf.born_day = pf.today - 500;
	pf.assoc = 1u << LULL_ASSOC_PACIFIER;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.method, LULL_M3); /* the example also wants fewer wakings */
	T_EQ_INT(p.focus, LULL_ASSOC_PACIFIER);
	T_CHECK(icontains(p.steps[0].title, "pacifier"));
	T_CHECK(has_reason(&p, "the pacifier"));
}

static void
test_night_feeds(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	size_t i;
	int cut = 0;

	example(&pf);
	pf.goals = 1u << LULL_GOAL_FEWER_NIGHT_FEEDS;
	pf.main_goal = LULL_GOAL_FEWER_NIGHT_FEEDS;
	pf.feeding = LULL_FEEDING_BOTTLE;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.method, LULL_M7);
	T_EQ_INT(p.focus, LULL_ASSOC_FED);
	for (i = 0; i < p.nsteps; i++) {
		cut += icontains(p.steps[i].waking, "ml");
		T_CHECK(!icontains(p.steps[i].waking, "minutes less"));
	}
	T_CHECK(cut >= 2);
	T_EQ_INT(p.steps[1].nights_min, 2);
	T_CHECK(has_reason(&p, "your choice, not a target"));
	/* Breastfed, with a partner for the wakings. */
	pf.feeding = LULL_FEEDING_BREAST;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_CHECK(icontains(p.steps[1].waking, "2 to 5 minutes"));
	T_CHECK(has_reason(&p, "does not breastfeed"));
	T_CHECK(has_reason(&p, "more than one of you"));
	T_CHECK(icontains(p.steps[p.nsteps - 1].waking, "partner"));
	/* Rule changed: on your own for nights, no partner is named, in
	 * the steps or in the reasons. */
	pf.caregivers_for_nights = 1;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_EQ_INT(p.method, LULL_M7);
	T_CHECK(!plan_says(&p, "partner"));
	T_CHECK(!plan_says(&p, "does not breastfeed"));
	T_CHECK(has_reason(&p, "on your own"));
	T_CHECK(icontains(p.steps[p.nsteps - 1].title, "cuddles instead"));
	/* Mixed feeding with three adults: the partner may do wakings. */
	pf.caregivers_for_nights = 3;
	pf.feeding = LULL_FEEDING_MIXED;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_CHECK(icontains(p.steps[p.nsteps - 1].waking, "partner"));
	T_CHECK(has_reason(&p, "more than one of you"));
	/* On solids: nobody is said to breastfeed. */
	pf.feeding = LULL_FEEDING_SOLIDS;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_CHECK(!plan_says(&p, "breastfeed can"));
	T_CHECK(!icontains(p.steps[p.nsteps - 1].waking, "partner"));
	pf.feeding = LULL_FEEDING_BREAST;
	pf.caregivers_for_nights = 2;
	/* Poor weight gain with the clinician's OK: no reduction. */
	pf.health = 1u << LULL_HEALTH_POOR_WEIGHT_GAIN;
	pf.clinician_ok = 1;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	T_CHECK(p.method != LULL_M7);
	T_EQ_INT(p.night_feed_reduction_allowed, 0);
}

/*
 * 4 to 6 months: whichever method, every waking puts feeding first, the
 * practice stays at bedtime, and they are laid on their own surface.
 */
static void
test_young_wakings(void)
{
	static const struct {
		uint32_t assoc;
		int method;
		enum lull_method want;
	} cases[] = {
		{ 1u << LULL_ASSOC_FED, LULL_METHOD_NONE, LULL_M4 },
		{ 1u << LULL_ASSOC_PACIFIER, LULL_METHOD_NONE, LULL_M4 },
		{ 1u << LULL_ASSOC_ROCKED, LULL_METHOD_NONE, LULL_M5 },
		{ 1u << LULL_ASSOC_HELD, LULL_METHOD_NONE, LULL_M5 },
		{ 1u << LULL_ASSOC_CAR_STROLLER, LULL_METHOD_NONE, LULL_M5 },
		{ 1u << LULL_ASSOC_FED, LULL_M5, LULL_M5 },
		{ 1u << LULL_ASSOC_FED, LULL_M6, LULL_M6 },
		{ 1u << LULL_ASSOC_FED, LULL_M0, LULL_M0 },
	};
	struct lull_profile pf;
	struct lull_plan p, old;
	struct lull_errinfo ei;
	size_t i, j;
	int k;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		for (k = 0; k < 2; k++) {
			example(&pf);
			pf.due_day = LULL_NO_DAY;
			pf.born_day = pf.today - 150;
			pf.assoc = cases[i].assoc;
			pf.method = cases[i].method;
			pf.temper[LULL_TEMPER_PERSISTENCE] = k ? 5 : 3;
			T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
			check_plan(&pf, &p);
			T_EQ_INT(p.method, cases[i].want);
			for (j = 0; j < p.nsteps; j++) {
				T_CHECK(icontains(p.steps[j].waking,
				    "feed whenever they seem hungry"));
				T_CHECK(icontains(p.steps[j].waking,
					    "bedtime") ||
				    icontains(p.steps[j].waking, "surface"));
				T_CHECK(!icontains(p.steps[j].waking,
				    "hand on first"));
			}
		}
	/* From 6 months the method's own waking words come back. */
	example(&pf);
	pf.due_day = LULL_NO_DAY;
	pf.born_day = pf.today - 150;
	pf.assoc = 1u << LULL_ASSOC_ROCKED;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	old = p;
	pf.born_day = pf.today - 200;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.method, LULL_M5);
	T_EQ_INT(p.nsteps, old.nsteps);
	T_CHECK(icontains(p.steps[p.nsteps - 1].waking, "voice first"));
	T_CHECK(!icontains(old.steps[old.nsteps - 1].waking, "voice first"));
}

/* A pause waits for recovery only when they are ill. */
static void
test_paused_words(void)
{
	static const enum lull_health review[] = { LULL_HEALTH_SNORING,
		LULL_HEALTH_REFLUX, LULL_HEALTH_POOR_WEIGHT_GAIN,
		LULL_HEALTH_BREATHING_PAUSES, LULL_HEALTH_BLUE_OR_LIMP };
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	size_t i;

	for (i = 0; i < sizeof(review) / sizeof(review[0]); i++) {
		example(&pf);
		pf.health = 1u << review[i];
		T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
		check_plan(&pf, &p);
		T_EQ_INT(p.mode, LULL_MODE_PAUSED);
		T_CHECK(has_reason(&p, "once your doctor has seen them"));
		T_CHECK(!plan_steps_say(&p, "well again"));
		T_CHECK(!plan_steps_say(&p, "unwell"));
	}
	example(&pf);
	pf.growth_concern = 1;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_EQ_INT(p.mode, LULL_MODE_PAUSED);
	T_CHECK(has_reason(&p, "once your doctor has seen them"));
	T_CHECK(!plan_steps_say(&p, "well again"));
	/* Ill: recovery first. */
	example(&pf);
	pf.health = 1u << LULL_HEALTH_ILL;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_CHECK(has_reason(&p, "once they are well again"));
	T_CHECK(!has_reason(&p, "doctor has seen them"));
	/* Ill and snoring: both. */
	pf.health |= 1u << LULL_HEALTH_SNORING;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_CHECK(has_reason(&p, "well again and your doctor has seen them"));
}

/*
 * From 12 months the infant figures go; the smoker and impaired-adult
 * warnings stay strong, in words for a child.
 */
static void
test_toddler_safety(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;
	const struct lull_safety *s;

	example(&pf);
	pf.due_day = pf.today - 700 + 35; /* born five weeks early */
	pf.born_day = pf.today - 700;
	pf.space = LULL_SPACE_PARENTS_BED;
	pf.feeding = LULL_FEEDING_BOTTLE;
	pf.smoker = 1;
	pf.impaired_adult = 1;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	s = find_safety(&p, "BS-HARM");
	T_CHECK(s != NULL && icontains(s->message, "your child") &&
	    !icontains(s->message, "baby"));
	s = find_safety(&p, "BS-SMOKER");
	T_CHECK(s != NULL && s->severity == LULL_SEVERITY_STRONG &&
	    icontains(s->message, "child") && !icontains(s->message, "10"));
	s = find_safety(&p, "BS-IMPAIRED");
	T_CHECK(s != NULL && s->severity == LULL_SEVERITY_STRONG &&
	    icontains(s->message, "child"));
	T_CHECK(find_safety(&p, "BS-PRETERM") == NULL);
	T_CHECK(find_safety(&p, "BS-NOT-BREASTFED") == NULL);
	T_CHECK(has_reason(&p, "your child was born early"));
	/* Not bed-sharing: the household warnings, strong, for a child. */
	pf.space = LULL_SPACE_OWN_ROOM_COT;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	check_plan(&pf, &p);
	s = find_safety(&p, "SS-09-SMOKE");
	T_CHECK(s != NULL && s->severity == LULL_SEVERITY_STRONG &&
	    !icontains(s->message, "sudden infant death"));
	s = find_safety(&p, "SS-09-IMPAIRED");
	T_CHECK(s != NULL && s->severity == LULL_SEVERITY_STRONG &&
	    !icontains(s->message, "baby"));
	/* Under 12 months, the infant facts stay. */
	pf.born_day = pf.today - 250;
	pf.due_day = LULL_NO_DAY;
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_CHECK(icontains(find_safety(&p, "SS-09-SMOKE")->message,
	    "sudden infant death"));
}

static void
test_plan_step(void)
{
	struct lull_profile pf;
	struct lull_plan p;
	struct lull_errinfo ei;

	example(&pf);
	T_EQ_INT(lull_plan_build(&pf, &p, &ei), LULL_OK);
	T_CHECK(lull_plan_step(&p, 1) == &p.steps[0]);
	T_CHECK(lull_plan_step(&p, 0) == &p.steps[0]);
	T_CHECK(lull_plan_step(&p, -3) == &p.steps[0]);
	T_CHECK(lull_plan_step(&p, 2) == &p.steps[1]);
	T_CHECK(lull_plan_step(&p, 99) == &p.steps[p.nsteps - 1]);
	p.nsteps = 0;
	T_CHECK(lull_plan_step(&p, 1) == NULL);
}

static void
test_profile_init_and_check(void)
{
	struct lull_profile pf;
	struct lull_errinfo ei;
	int i;

	lull_profile_init(&pf);
	for (i = 0; i < LULL_TEMPER__MAX; i++)
		T_EQ_INT(pf.temper[i], 3);
	T_EQ_INT(pf.feeding, LULL_FEEDING_BREAST);
	T_EQ_INT(pf.space, LULL_SPACE_PARENTS_ROOM_COT);
	T_EQ_INT(pf.caregivers_for_nights, 2);
	T_EQ_INT(pf.due_day, LULL_NO_DAY);
	T_EQ_INT(pf.main_goal, -1);
	T_EQ_INT(pf.method, LULL_METHOD_NONE);
	T_EQ_INT(pf.assoc | pf.goals | pf.health, 0);
	T_EQ_INT(pf.growth_concern + pf.smoker + pf.impaired_adult +
		pf.clinician_ok,
	    0);

	example(&pf);
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_OK);
	pf.temper[LULL_TEMPER_SEPARATION] = 6;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "temperament.separation_distress");
	example(&pf);
	pf.temper[LULL_TEMPER_PERSISTENCE] = 0;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "temperament.persistence");
	example(&pf);
	pf.born_day = pf.today + 1;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "child.born");
	T_EQ_INT(lull_plan_build(&pf, &(struct lull_plan){ 0 }, &ei),
	    LULL_EINVAL);
	T_EQ_STR(ei.field, "child.born");
	example(&pf);
	pf.due_day = pf.born_day + 200;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "child.due");
	example(&pf);
	pf.today = LULL_NO_DAY;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "today");
	example(&pf);
	pf.method = 9;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "method");
	example(&pf);
	pf.caregivers_for_nights = 0;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "household.caregivers_for_nights");
	example(&pf);
	pf.smoker = 2;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "household.smoker");
	example(&pf);
	pf.main_goal = LULL_GOAL_OWN_SPACE;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "goals");
	example(&pf);
	pf.health = 1u << 12;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "health");
	example(&pf);
	pf.space = (enum lull_space)LULL_SPACE__MAX;
	T_EQ_INT(lull_profile_check(&pf, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "sleep_space");
}

static void
test_names(void)
{
	static const char *const feeding[] = { "breast", "bottle", "mixed",
		"solids" };
	static const char *const space[] = { "own_room_cot", "parents_room_cot",
		"sidecar", "parents_bed", "sofa", "other" };
	static const char *const assoc[] = { "fed", "rocked", "held",
		"pacifier", "parent_lying", "bed_sharing", "car_stroller",
		"patted", "none" };
	static const char *const goal[] = { "less_help_to_fall_asleep",
		"fewer_wakings", "earlier_bedtime", "own_sleep_space",
		"fewer_night_feeds" };
	static const char *const health[] = { "snoring", "breathing_pauses",
		"poor_weight_gain", "reflux", "fever", "ill", "blue_or_limp" };
	static const char *const temper[] = { "persistence", "sensitivity",
		"separation_distress", "alertness" };
	static const char *const method[] = { "M0", "M1", "M2", "M3", "M4",
		"M5", "M6", "M7", "M8" };
	static const char *const mode[] = { "coaching", "foundations",
		"paused" };
	static const char *const presence[] = { "holding", "touching", "beside",
		"near", "doorway", "outside_in_view", "outside_nearby" };
	static const char *const evidence[] = { "guideline", "trial",
		"observational", "convention", "policy" };
	static const char *const urgency[] = { "emergency", "soon", "routine" };
	static const char *const severity[] = { "info", "warning", "strong" };
	static const char *const verdict[] = { "advance", "hold", "step_back",
		"pause", "resume", "reevaluate", "done", "override", "slow" };
	int i;

	_Static_assert(sizeof(feeding) / sizeof(feeding[0]) ==
		LULL_FEEDING__MAX,
	    "feeding names");
	_Static_assert(sizeof(verdict) / sizeof(verdict[0]) ==
		LULL_VERDICT__MAX,
	    "verdict names");
	for (i = 0; i < LULL_FEEDING__MAX; i++) {
		T_EQ_STR(lull_feeding_name((enum lull_feeding)i), feeding[i]);
		T_EQ_INT(lull_feeding_parse(feeding[i]), i);
	}
	for (i = 0; i < LULL_SPACE__MAX; i++) {
		T_EQ_STR(lull_space_name((enum lull_space)i), space[i]);
		T_EQ_INT(lull_space_parse(space[i]), i);
	}
	for (i = 0; i < LULL_ASSOC__MAX; i++) {
		T_EQ_STR(lull_assoc_name((enum lull_assoc)i), assoc[i]);
		T_EQ_INT(lull_assoc_parse(assoc[i]), i);
	}
	for (i = 0; i < LULL_GOAL__MAX; i++) {
		T_EQ_STR(lull_goal_name((enum lull_goal)i), goal[i]);
		T_EQ_INT(lull_goal_parse(goal[i]), i);
	}
	for (i = 0; i < LULL_HEALTH__MAX; i++) {
		T_EQ_STR(lull_health_name((enum lull_health)i), health[i]);
		T_EQ_INT(lull_health_parse(health[i]), i);
	}
	for (i = 0; i < LULL_TEMPER__MAX; i++) {
		T_EQ_STR(lull_temper_name((enum lull_temper)i), temper[i]);
		T_EQ_INT(lull_temper_parse(temper[i]), i);
	}
	for (i = 0; i < LULL_METHOD__MAX; i++) {
		T_EQ_STR(lull_method_id((enum lull_method)i), method[i]);
		T_EQ_INT(lull_method_parse(method[i]), i);
	}
	for (i = 0; i < LULL_MODE__MAX; i++)
		T_EQ_STR(lull_mode_name((enum lull_mode)i), mode[i]);
	for (i = 0; i < LULL_PRESENCE__MAX; i++)
		T_EQ_STR(lull_presence_name((enum lull_presence)i),
		    presence[i]);
	for (i = 0; i < LULL_EVIDENCE__MAX; i++)
		T_EQ_STR(lull_evidence_name((enum lull_evidence)i),
		    evidence[i]);
	for (i = 0; i < LULL_URGENCY__MAX; i++)
		T_EQ_STR(lull_urgency_name((enum lull_urgency)i), urgency[i]);
	for (i = 0; i < LULL_SEVERITY__MAX; i++)
		T_EQ_STR(lull_severity_name((enum lull_severity)i),
		    severity[i]);
	for (i = 0; i < LULL_VERDICT__MAX; i++) {
		T_EQ_STR(lull_verdict_name((enum lull_verdict)i), verdict[i]);
		T_EQ_INT(lull_verdict_parse(verdict[i]), i);
	}
	T_CHECK(lull_feeding_name((enum lull_feeding)LULL_FEEDING__MAX) ==
	    NULL);
	T_CHECK(lull_method_id((enum lull_method) - 1) == NULL);
	T_EQ_INT(lull_method_parse("m2"), -1);
	T_EQ_INT(lull_method_parse(NULL), -1);
	T_EQ_INT(lull_space_parse("sofa "), -1);
	T_EQ_INT(lull_verdict_parse("step-back"), -1);
}

static const struct t_case cases[] = {
	{ "property: 30000 profiles with family choices", test_property },
	{ "property: 30000 profiles, our own selection",
	    test_property_selection },
	{ "property: unchecked profiles stay safe", test_property_unchecked },
	{ "tables: every row sourced and safe to read", test_tables },
	{ "method catalogue M0-M8", test_method_catalogue },
	{ "example family: coaching, gentle removal", test_example_family },
	{ "3 months: foundations only", test_three_months_foundations },
	{ "separation distress: M2/M3, 4-5 nights", test_separation_distress },
	{ "persistence: one extra rung", test_persistence_extra_rung },
	{ "blue or limp: emergency first, paused", test_blue_or_limp },
	{ "red flags: urgency per flag", test_red_flag_urgencies },
	{ "gate G5: clinician's OK", test_clinician_ok_g5 },
	{ "sofa: no coaching, own surface first, strong warning", test_sofa },
	{ "bed-sharing: harm reduction, never recommended", test_bed_sharing },
	{ "safe-sleep basics", test_safe_sleep_basics },
	{ "family method choice and refusals", test_family_choice },
	{ "selection table", test_selection_table },
	{ "night feeds: M7 only when allowed", test_night_feeds },
	{ "4 to 6 months: feeding first at every waking", test_young_wakings },
	{ "paused: a doctor, not recovery, for non-illness flags",
	    test_paused_words },
	{ "toddlers: no infant figures, strong household warnings",
	    test_toddler_safety },
	{ "plan step clamps", test_plan_step },
	{ "profile defaults and checks", test_profile_init_and_check },
	{ "names and parsing", test_names },
};

T_MAIN(cases)
