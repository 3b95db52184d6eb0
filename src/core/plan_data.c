/*
 * The plan engine's data: the stable names of the plan enums, the
 * thresholds, the method catalogue M0-M8, the ladders of steps (per
 * method, and per association being changed), the safety notes, the
 * red-flag referrals and the reasons a plan gives.  Each row carries its
 * source and evidence level beside it; a number in a text always comes
 * from the row that also names where it came from.  References in
 * brackets ([R39]) are the keys of docs/domain.md section 8.
 *
 * The words are ours, written for a tired parent at 3 a.m.: short, warm,
 * never grading the child.  No text tells a parent to leave a crying
 * child, to wait out crying, to come back after a set time, or to share
 * a bed; tests/unit/test_plan_build.c scans every row for that.
 * SPDX-License-Identifier: ISC
 */
#include <stddef.h>
#include <stdint.h>

#include "lull/plan.h"

#include "plan_int.h"

/* ---- names: stable, used in the profile JSON; never rename, only add ----- */

const char *const plan_feeding_names[LULL_FEEDING__MAX] = {
	[LULL_FEEDING_BREAST] = "breast",
	[LULL_FEEDING_BOTTLE] = "bottle",
	[LULL_FEEDING_MIXED] = "mixed",
	[LULL_FEEDING_SOLIDS] = "solids",
};

const char *const plan_space_names[LULL_SPACE__MAX] = {
	[LULL_SPACE_OWN_ROOM_COT] = "own_room_cot",
	[LULL_SPACE_PARENTS_ROOM_COT] = "parents_room_cot",
	[LULL_SPACE_SIDECAR] = "sidecar",
	[LULL_SPACE_PARENTS_BED] = "parents_bed",
	[LULL_SPACE_SOFA] = "sofa",
	[LULL_SPACE_OTHER] = "other",
};

const char *const plan_assoc_names[LULL_ASSOC__MAX] = {
	[LULL_ASSOC_FED] = "fed",
	[LULL_ASSOC_ROCKED] = "rocked",
	[LULL_ASSOC_HELD] = "held",
	[LULL_ASSOC_PACIFIER] = "pacifier",
	[LULL_ASSOC_PARENT_LYING] = "parent_lying",
	[LULL_ASSOC_BED_SHARING] = "bed_sharing",
	[LULL_ASSOC_CAR_STROLLER] = "car_stroller",
	[LULL_ASSOC_PATTED] = "patted",
	[LULL_ASSOC_NONE] = "none",
};

/* The same, as a parent reads them ("One thing changes: ..."). */
const char *const plan_assoc_labels[LULL_ASSOC__MAX] = {
	[LULL_ASSOC_FED] = "feeding to sleep",
	[LULL_ASSOC_ROCKED] = "rocking to sleep",
	[LULL_ASSOC_HELD] = "being held to sleep",
	[LULL_ASSOC_PACIFIER] = "the pacifier",
	[LULL_ASSOC_PARENT_LYING] = "a parent lying down with them",
	[LULL_ASSOC_BED_SHARING] = "where they sleep",
	[LULL_ASSOC_CAR_STROLLER] = "the car or stroller",
	[LULL_ASSOC_PATTED] = "patting",
	[LULL_ASSOC_NONE] = "nothing",
};

const char *const plan_goal_names[LULL_GOAL__MAX] = {
	[LULL_GOAL_LESS_HELP] = "less_help_to_fall_asleep",
	[LULL_GOAL_FEWER_WAKINGS] = "fewer_wakings",
	[LULL_GOAL_EARLIER_BEDTIME] = "earlier_bedtime",
	[LULL_GOAL_OWN_SPACE] = "own_sleep_space",
	[LULL_GOAL_FEWER_NIGHT_FEEDS] = "fewer_night_feeds",
};

const char *const plan_health_names[LULL_HEALTH__MAX] = {
	[LULL_HEALTH_SNORING] = "snoring",
	[LULL_HEALTH_BREATHING_PAUSES] = "breathing_pauses",
	[LULL_HEALTH_POOR_WEIGHT_GAIN] = "poor_weight_gain",
	[LULL_HEALTH_REFLUX] = "reflux",
	[LULL_HEALTH_FEVER] = "fever",
	[LULL_HEALTH_ILL] = "ill",
	[LULL_HEALTH_BLUE_OR_LIMP] = "blue_or_limp",
};

const char *const plan_temper_names[LULL_TEMPER__MAX] = {
	[LULL_TEMPER_PERSISTENCE] = "persistence",
	[LULL_TEMPER_SENSITIVITY] = "sensitivity",
	[LULL_TEMPER_SEPARATION] = "separation_distress",
	[LULL_TEMPER_ALERTNESS] = "alertness",
};

const char *const plan_method_ids[LULL_METHOD__MAX] = {
	[LULL_M0] = "M0",
	[LULL_M1] = "M1",
	[LULL_M2] = "M2",
	[LULL_M3] = "M3",
	[LULL_M4] = "M4",
	[LULL_M5] = "M5",
	[LULL_M6] = "M6",
	[LULL_M7] = "M7",
	[LULL_M8] = "M8",
};

const char *const plan_mode_names[LULL_MODE__MAX] = {
	[LULL_MODE_COACHING] = "coaching",
	[LULL_MODE_FOUNDATIONS] = "foundations",
	[LULL_MODE_PAUSED] = "paused",
};

const char *const plan_presence_names[LULL_PRESENCE__MAX] = {
	[LULL_PRESENCE_HOLDING] = "holding",
	[LULL_PRESENCE_TOUCHING] = "touching",
	[LULL_PRESENCE_BESIDE] = "beside",
	[LULL_PRESENCE_NEAR] = "near",
	[LULL_PRESENCE_DOORWAY] = "doorway",
	[LULL_PRESENCE_OUTSIDE_IN_VIEW] = "outside_in_view",
	[LULL_PRESENCE_OUTSIDE_NEARBY] = "outside_nearby",
};

const char *const plan_evidence_names[LULL_EVIDENCE__MAX] = {
	[LULL_EVIDENCE_GUIDELINE] = "guideline",
	[LULL_EVIDENCE_TRIAL] = "trial",
	[LULL_EVIDENCE_OBSERVATIONAL] = "observational",
	[LULL_EVIDENCE_CONVENTION] = "convention",
	[LULL_EVIDENCE_POLICY] = "policy",
};

const char *const plan_urgency_names[LULL_URGENCY__MAX] = {
	[LULL_URGENCY_EMERGENCY] = "emergency",
	[LULL_URGENCY_SOON] = "soon",
	[LULL_URGENCY_ROUTINE] = "routine",
};

const char *const plan_severity_names[LULL_SEVERITY__MAX] = {
	[LULL_SEVERITY_INFO] = "info",
	[LULL_SEVERITY_WARNING] = "warning",
	[LULL_SEVERITY_STRONG] = "strong",
};

const char *const plan_verdict_names[LULL_VERDICT__MAX] = {
	[LULL_VERDICT_ADVANCE] = "advance",
	[LULL_VERDICT_HOLD] = "hold",
	[LULL_VERDICT_STEP_BACK] = "step_back",
	[LULL_VERDICT_PAUSE] = "pause",
	[LULL_VERDICT_RESUME] = "resume",
	[LULL_VERDICT_REEVALUATE] = "reevaluate",
	[LULL_VERDICT_DONE] = "done",
	[LULL_VERDICT_OVERRIDE] = "override",
	[LULL_VERDICT_SLOW] = "slow",
};

/*
 * ---- thresholds ----------------------------------------------------------
 * Ages are days of corrected age; months are days / 30.44 (domain.md 0.2),
 * rounded up to the whole day: 3 mo = 91, 4 mo = 122, 6 mo = 183,
 * 12 mo = 365.
 */
const struct plan_limit plan_limits[PLAN_LIM__MAX] = {
	[PLAN_LIM_COACHING_DAYS] = { 122, LULL_EVIDENCE_TRIAL,
	    "gate G1: no sleep coaching under 4 months corrected (Douglas & "
	    "Hill 2013 review [R30]; AASM has no recommendation under 4 "
	    "months [R3])" },
	[PLAN_LIM_ALL_METHODS_DAYS] = { 183, LULL_EVIDENCE_CONVENTION,
	    "gate G3: all gentle methods from 6 months (Raising Children "
	    "Network [R39]; West [R40]; trials at 6-18 months "
	    "[R23][R26][R31])" },
	[PLAN_LIM_TODDLER_DAYS] = { 365, LULL_EVIDENCE_POLICY,
	    "lull policy: gentle removal and pick-up/put-down are infant "
	    "methods (Pantley [R41]; Hogg, 4-12 months [R42]); after 12 "
	    "months we fade presence instead (domain.md 3.1, 3.3)" },
	[PLAN_LIM_SAFE_SLEEP_DAYS] = { 365, LULL_EVIDENCE_GUIDELINE,
	    "AAP 2022: safe-sleep rules apply to infants under 1 year [R48]" },
	[PLAN_LIM_ROOM_SHARE_DAYS] = { 183, LULL_EVIDENCE_GUIDELINE,
	    "AAP 2022: room-share, ideally for at least 6 months [R48]" },
	[PLAN_LIM_SWADDLE_DAYS] = { 122, LULL_EVIDENCE_GUIDELINE,
	    "AAP swaddling guidance: stop when the baby tries to roll, often "
	    "3-4 months [R49]" },
	[PLAN_LIM_FEVER_YOUNG_DAYS] = { 91, LULL_EVIDENCE_GUIDELINE,
	    "AAP fever guidance: any fever under 3 months needs a doctor the "
	    "same day [R53]" },
	[PLAN_LIM_BS_YOUNG_DAYS] = { 122, LULL_EVIDENCE_GUIDELINE,
	    "AAP 2022: bed-sharing with an infant under 4 months, 5-10x risk "
	    "[R48c]" },
	[PLAN_LIM_FEED_FIRST_DAYS] = { 183, LULL_EVIDENCE_GUIDELINE,
	    "night feeding by age: under 6 months night feeds are never "
	    "reduced or spaced out, so every waking text puts feeding first "
	    "(AAP [R73]; Henderson 2010 [R6]; gate G2; domain.md 5.4)" },
	[PLAN_LIM_PRETERM_DAYS] = { 21, LULL_EVIDENCE_CONVENTION,
	    "preterm is birth before 37 weeks, i.e. more than 3 weeks before "
	    "a 40-week due date (domain.md 0.2)" },
	[PLAN_LIM_TEMPER_HIGH] = { 4, LULL_EVIDENCE_POLICY,
	    "lull policy: a parent rating of 4 or 5 on the 1-5 temperament "
	    "scale is high (domain.md 4.2)" },
	[PLAN_LIM_SEP_NIGHTS] = { 4, LULL_EVIDENCE_TRIAL,
	    "high separation distress: presence methods, 4-5 nights per step "
	    "(Kahn 2020 [R31]; domain.md 4.2)" },
	[PLAN_LIM_SENS_EXTRA] = { 1, LULL_EVIDENCE_CONVENTION,
	    "sensitive children: one change at a time, a little slower (West "
	    "[R40d]; domain.md 4.2)" },
	[PLAN_LIM_CAREGIVERS_MAX] = { 10, LULL_EVIDENCE_POLICY,
	    "lull policy: an intake sanity bound, not a statement about "
	    "families" },
};

/* ---- the method catalogue (domain.md 3.1) -------------------------------- */

const struct lull_method_info plan_methods[LULL_METHOD__MAX] = {
	[LULL_M0] = { LULL_M0, "Foundations",
	    "A calm routine, clear days and nights, feeding and comfort as "
	    "needed, and safe sleep.",
	    "Every family, at every age.", 0, 0, 0, 7,
	    "There are no steps to pass: keep each practice going.",
	    LULL_EVIDENCE_TRIAL,
	    "Mindell 2009, bedtime routine trial [R34]; routine effects in "
	    "1-2 weeks; the other practices are convention (domain.md 3.2); "
	    "7 nights (a week) on each practice is lull policy" },
	[LULL_M1] = { LULL_M1, "Positive routine and bedtime fading",
	    "Bedtime starts when your child really falls asleep, then moves "
	    "earlier a little at a time.",
	    "Long settling, bedtime battles, a late bedtime.", 183, 122, 0, 3,
	    "Asleep calmly within 15-30 minutes on 2-3 nights running.",
	    LULL_EVIDENCE_TRIAL,
	    "Gradisar 2016 [R23]; Adams & Rickert 1989 [R36]; protocol: "
	    "bedtime-fading handout, 15 minutes earlier after 2-3 calm "
	    "nights, 3 nights by default [R38]" },
	[LULL_M2] = { LULL_M2, "Camping out",
	    "You stay with your child while they fall asleep, and your place "
	    "moves a little further away every few nights, always in sight.",
	    "Children who need you close to fall asleep; separation worries.",
	    183, 183, 0, 3,
	    "Your child falls asleep calmly with you at this step.",
	    LULL_EVIDENCE_TRIAL,
	    "Raising Children Network, camping out, about 3 nights a step "
	    "[R39]; Hiscock 2007 [R26]; Kahn 2020 [R31]" },
	[LULL_M3] = { LULL_M3, "The chair method (Sleep Lady Shuffle)",
	    "Your chair moves from beside the cot toward the door, one "
	    "position every few nights, and you stay in sight throughout.",
	    "As camping out, and night wakings too.", 183, 122, 0, 3,
	    "Calm nights at a chair position: 3 nights, or more for a child "
	    "who finds change hard.",
	    LULL_EVIDENCE_CONVENTION,
	    "West, The Sleep Lady's Good Night, Sleep Tight [R40]; positions, "
	    "3 nights each [R40b]; longer steps with temperament (domain.md "
	    "4.2)" },
	[LULL_M4] = { LULL_M4, "Gentle removal",
	    "Your child still feeds or sucks toward sleep, but drifts off the "
	    "last bit of the way without it.",
	    "Feeding, bottle or pacifier to sleep.", 122, 0, 0, 3,
	    "Falls asleep off the breast, bottle or pacifier with 3 gentle "
	    "removals or fewer (our proxy).",
	    LULL_EVIDENCE_CONVENTION,
	    "Pantley, The No-Cry Sleep Solution, gentle removal plan [R41]; "
	    "the 3-removal proxy is lull policy (domain.md 3.1); 3 nights a "
	    "rung: association-fading ladders (domain.md 3.3)" },
	[LULL_M5] = { LULL_M5, "Pick up, put down",
	    "You lay your baby down, and pick them up for comfort whenever "
	    "they need it, until they sleep in their cot.",
	    "Babies of 4 to 12 months who like to be held or rocked.", 122, 122,
	    365, 3, "Fewer pick-ups are needed to settle.",
	    LULL_EVIDENCE_CONVENTION,
	    "Hogg, The Baby Whisperer, pick up/put down, 4-12 months [R42]; "
	    "3 nights a rung: association-fading ladders (domain.md 3.3)" },
	[LULL_M6] = { LULL_M6, "Cued care",
	    "Follow your child's signals and offer a little less help only "
	    "when they show they are ready.",
	    "Families who want no training at all.", 0, 0, 0, 7,
	    "When your child seems ready; no fixed pace.", LULL_EVIDENCE_TRIAL,
	    "Ozturk 2021, Possums cued care trial [R32]; 7 nights (a week) "
	    "per stage is lull policy" },
	[LULL_M7] = { LULL_M7, "Night-feed reduction",
	    "Night feeds get a little smaller, slowly, with cuddles and your "
	    "presence in their place.",
	    "Habitual night feeds the family wants to reduce, from 6 months "
	    "with normal growth.",
	    183, 183, 0, 2, "Every second night, if your child is settled.",
	    LULL_EVIDENCE_CONVENTION,
	    "Raising Children Network, night weaning: from 6 months, a change "
	    "every second night (2 nights) [R39b]" },
	[LULL_M8] = { LULL_M8, "Toward their own sleep space",
	    "Their own surface beside you first, then step by step further, "
	    "with you there at each stage.",
	    "Families moving from bed-sharing to a cot or own room.", 183, 183,
	    0, 3, "Calm nights at the current place (3-7 nights).",
	    LULL_EVIDENCE_CONVENTION,
	    "West: 3-7 nights at each place, 3 nights by default [R40]; AAP "
	    "2022 room-sharing, ideally 6 months [R48]" },
};

/*
 * ---- ladders -------------------------------------------------------------
 * What to do if crying builds.  Every rung uses one of these: comfort in
 * full (a pick-up whenever needed) until calm, and the plan softens.  A
 * parent reads them under the heading "If crying builds", so they do not
 * say it again.
 */
#define CRY_HOLD                                                               \
	"Hold them close and comfort them fully until they are calm. The "     \
	"plan will soften to the step before."
#define CRY_NEAR                                                               \
	"Go to them and comfort them fully: your hand, your voice, or pick "   \
	"them up for a cuddle until they are calm. Then carry on from "        \
	"tonight's spot. The plan will soften to the step before."
#define CRY_PUPD                                                               \
	"Pick them up and comfort them until they are calm, as often as "      \
	"they need. If they seem unwell or in pain, just comfort them. The "   \
	"plan will soften to the step before."
#define CRY_FOUND                                                              \
	"Pick them up and comfort them fully until they are calm; at this "    \
	"stage that is always right. If a practice upsets them, go back to "   \
	"the step before and try again another day."
#define CRY_PAUSED                                                             \
	"Comfort them fully, as much and as long as they need, until they "    \
	"are calm. When the plan starts again, it goes back to the step "      \
	"before, to make things easy."
#define CRY_FEEDS                                                              \
	"Comfort them fully until they are calm: a cuddle, or a feed if "      \
	"they are truly upset. The plan will soften to the step before."
#define CRY_TIME                                                               \
	"Comfort them fully until they are calm; you stay with them "          \
	"throughout. If bedtime gets harder, the plan will soften to the "     \
	"step before, with its later time."

/*
 * Waking texts under 6 months (PLAN_LIM_FEED_FIRST_DAYS): feeding first,
 * the practice at bedtime only, then comfort and their own surface.
 */
#define FEED_FIRST "At night, feed whenever they seem hungry. "
#define AT_BEDTIME " The practice happens at bedtime only."

#define A(x) (1u << LULL_ASSOC_##x)
#define F(x) (1u << LULL_FEEDING_##x)
#define M(x) (1u << LULL_##x)

#define SRC_LADDER                                                             \
	"association-fading ladder, about 3 nights a rung, practitioner "      \
	"convention (domain.md 3.3)"
#define SRC_PERSIST                                                            \
	"smaller steps for persistent children: West [R40d]; Pantley "         \
	"critique [R41c]; domain.md 4.2"
#define SRC_WEEK "; 7 nights (a week) on each practice is lull policy"

/* The rung a persistent child gets before the parent moves away. */
#define RUNG_STILL_HAND(mask)                                                  \
	{                                                                      \
		.assoc = (mask), .flags = PLAN_RUNG_PERSIST, .nights = 3,      \
		.presence = LULL_PRESENCE_TOUCHING,                            \
		.title = "Your hand resting still",                            \
		.bedtime = "Lay them down as before, but let your hand "       \
			   "rest on them without patting. Stay until they "    \
			   "are asleep.",                                      \
		.waking = "At wakings, a still hand and a quiet voice, "       \
			  "until they sleep again.",                           \
		.waking_young = FEED_FIRST "Otherwise, a still hand and a "    \
					   "quiet voice until they sleep "     \
					   "again." AT_BEDTIME,                \
		.if_crying = CRY_NEAR, .evidence = LULL_EVIDENCE_CONVENTION,   \
		.source = SRC_PERSIST "; " SRC_LADDER                          \
	}

/* Under 4 months corrected: foundations only (G1), feeding first. */
static const struct plan_rung ladder_m0_young[] = {
	{ .nights = 7,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "A short, calm routine",
	    .bedtime = "Each evening, do the same few calm things in the same "
		       "order (a change, a cuddle, a song), ending in the "
		       "room where they sleep.",
	    .waking = FEED_FIRST "Keep the lights low and your voice soft, "
				 "then lay them back on their own surface.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_TRIAL,
	    .source = "Mindell 2009, bedtime routine trial [R34]" SRC_WEEK },
	{ .nights = 7,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Bright days, dim nights",
	    .bedtime = "Daylight and everyday sounds by day; dim, quiet and "
		       "a little boring at night.",
	    .waking = FEED_FIRST "Feeds and changes in low light, with few "
				 "words, then lay them back on their own "
				 "surface.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "day and night cues, practitioner convention "
		      "(domain.md 3.2)" SRC_WEEK },
	{ .nights = 7,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Feed on cue, day and night",
	    .bedtime = "Feed whenever they show hunger. Young babies feed "
		       "often, about 8 to 12 times in 24 hours, nights "
		       "included.",
	    .waking = FEED_FIRST "Night feeds matter for growth and for milk "
				 "supply. Then lay them back on their own "
				 "surface.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_GUIDELINE,
	    .source = "AAP, how often and how much babies eat [R73]" SRC_WEEK },
	{ .nights = 7,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Drowsy but awake, only when it is easy",
	    .bedtime = "Now and then, at the easiest sleep of the day, lay "
		       "them down drowsy with your hand on them. If they "
		       "fuss, pick them up and help them to sleep; that is "
		       "fine. It is practice, never a test.",
	    .waking = FEED_FIRST "Help them back to sleep in whatever way "
				 "works, then lay them back on their own "
				 "surface.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "AAP patient handout, feeding until asleep [R52]; "
		      "never forced (domain.md 3.2)" SRC_WEEK },
	{ .nights = 7,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Safe sleep, every sleep",
	    .bedtime = "On their back, on their own firm, flat surface in your "
		       "room, with nothing soft around them.",
	    .waking = FEED_FIRST "Afterwards, lay them back down on their "
				 "back, on their own surface.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_GUIDELINE,
	    .source = "AAP 2022 safe sleep [R48]" SRC_WEEK },
};

/* Foundations from 4 months: no goals, or coaching not suitable yet. */
static const struct plan_rung ladder_m0[] = {
	{ .nights = 7,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "A calm bedtime routine",
	    .bedtime = "Pick 3 or 4 calm steps (a bath, a feed, a story or "
		       "song, a cuddle) and do them in the same order each "
		       "night, about 20 to 30 minutes, ending in their room.",
	    .waking = "At night, keep the lights low and your voice soft.",
	    .waking_young = FEED_FIRST "Keep the lights low and your voice "
				       "soft, then lay them back on their "
				       "own surface.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_TRIAL,
	    .source = "Mindell 2009, bedtime routine trial: 3-4 steps, "
		      "20-30 minutes [R34]" SRC_WEEK },
	{ .nights = 7,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Bright days, dim nights",
	    .bedtime = "Daylight, outings and everyday sounds by day; dim, "
		       "quiet and a little boring at night.",
	    .waking = "Night wakings in low light, with few words.",
	    .waking_young = FEED_FIRST "Feeds and wakings in low light, with "
				       "few words, then lay them back on "
				       "their own surface.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "day and night cues, practitioner convention "
		      "(domain.md 3.2)" SRC_WEEK },
	{ .nights = 7,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Feed earlier in the routine",
	    .bedtime = "Offer the bedtime feed near the start of the routine, "
		       "so the last thing before sleep is their bed and your "
		       "cuddle.",
	    .waking = "At night, feed as they need.",
	    .waking_young = FEED_FIRST "The earlier feed is only about "
				       "bedtime. Then lay them back on their "
				       "own surface.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_GUIDELINE,
	    .source = "AAP patient handout, feeding until asleep "
		      "[R52]" SRC_WEEK },
	{ .nights = 7,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Listen for a moment",
	    .bedtime = "Keep the routine as it is.",
	    .waking = "Little ones grunt and squeak in their sleep. When they "
		      "stir, listen for a moment: sleep noises need nothing, "
		      "and if they are awake and crying, go to them.",
	    .waking_young = "Babies grunt and squeak in their sleep: when "
			    "they stir, listen for a moment. If they are "
			    "awake, go to them and feed whenever they seem "
			    "hungry, then lay them back on their own surface.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "Pantley [R41]; practitioner convention (domain.md "
		      "3.2, 5.4)" SRC_WEEK },
	{ .nights = 7,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Drowsy but awake, when it is easy",
	    .bedtime = "At the easiest sleep (often bedtime), lay them down "
		       "drowsy with your hand on them. If they fuss, help them "
		       "to sleep the usual way and try again another day.",
	    .waking = "At night, help them back to sleep in whatever way "
		      "works, then lay them back on their own surface.",
	    .waking_young = FEED_FIRST "Help them back to sleep in whatever "
				       "way works, then lay them back on "
				       "their own surface." AT_BEDTIME,
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "AAP patient handout [R52]; practitioner convention "
		      "(domain.md 3.2)" SRC_WEEK },
	{ .flags = PLAN_RUNG_INFANT,
	    .nights = 7,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "A safe place to sleep",
	    .bedtime = "On their back, on a firm, flat surface of their own "
		       "with nothing soft around them.",
	    .waking = "After comforting, lay them back on their own surface.",
	    .waking_young = FEED_FIRST "Afterwards, lay them back down on "
				       "their back, on their own surface.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_GUIDELINE,
	    .source = "AAP 2022 safe sleep [R48]" SRC_WEEK },
	{ .flags = PLAN_RUNG_TODDLER,
	    .nights = 7,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "A calm place to sleep",
	    .bedtime = "A bed or cot of their own in a calm, dark room.",
	    .waking = "After comforting, help them back into their own bed.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "day and night cues, practitioner convention (domain.md "
		      "3.2); AAP's surface rules are for the first year "
		      "[R48]" SRC_WEEK },
};

/*
 * While a health flag is open (gate G4): comfort first.  The words fit
 * an illness and a sign a doctor is looking at alike.
 */
#define SRC_PAUSED_NIGHTS                                                      \
	"; 3 nights: setbacks resume after 2-3 settled nights (domain.md 3.4)"

static const struct plan_rung ladder_paused[] = {
	{ .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Comfort first",
	    .bedtime = "The plan is resting. Help them to sleep in whatever "
		       "way comforts them most (feeding, holding, rocking), "
		       "then lay them on their own surface.",
	    .waking = "Go to them and comfort or feed them as they need, for "
		      "as long as they need, then lay them back on their own "
		      "surface.",
	    .waking_young = FEED_FIRST "Comfort them as much and as long as "
				       "they need, then lay them back on "
				       "their own surface.",
	    .if_crying = CRY_PAUSED,
	    .evidence = LULL_EVIDENCE_POLICY,
	    .source = "gate G4 (domain.md 5.1); setbacks: pause and comfort "
		      "(domain.md 3.4)" SRC_PAUSED_NIGHTS },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Keep the routine, gently",
	    .bedtime = "Keep the familiar routine if they are up to it, and "
		       "make it simpler if they are not.",
	    .waking = "Respond as they need, then lay them back on their own "
		      "surface.",
	    .waking_young = FEED_FIRST "Comfort them as they need, then lay "
				       "them back on their own surface.",
	    .if_crying = CRY_PAUSED,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "setbacks, practitioner convention (domain.md "
		      "3.4)" SRC_PAUSED_NIGHTS },
	{ .flags = PLAN_RUNG_INFANT,
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Safe sleep, every sleep",
	    .bedtime = "Whatever is going on, lay them down on their back, on "
		       "their own firm, flat surface.",
	    .waking = "After comforting, lay them back on their own surface.",
	    .waking_young = FEED_FIRST "Afterwards, lay them back down on "
				       "their back, on their own surface.",
	    .if_crying = CRY_PAUSED,
	    .evidence = LULL_EVIDENCE_GUIDELINE,
	    .source = "AAP 2022 safe sleep [R48]" SRC_PAUSED_NIGHTS },
	{ .flags = PLAN_RUNG_TODDLER,
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Their own bed, close by",
	    .bedtime = "Whatever is going on, settle them in their own bed or "
		       "cot once they are calm.",
	    .waking = "After comforting, help them back into their own bed.",
	    .if_crying = CRY_PAUSED,
	    .evidence = LULL_EVIDENCE_POLICY,
	    .source = "setbacks, practitioner convention (domain.md "
		      "3.4)" SRC_PAUSED_NIGHTS },
};

/*
 * A sofa is no place to sleep (SS-02): before anything else, a surface
 * of their own.  The foundations follow; coaching waits.
 */
static const struct plan_rung ladder_sofa[] = {
	{ .flags = PLAN_RUNG_INFANT,
	    .nights = 7,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Their own safe surface, not the sofa",
	    .bedtime = "From tonight, every sleep is on their own firm, flat "
		       "surface (a cot, bassinet or travel cot), ideally in "
		       "the room where you sleep. Help them to sleep the way "
		       "they know, then lay them down there. If you feed or "
		       "cuddle on the sofa, move them before you might doze.",
	    .waking = "Comfort or feed them as they need, then lay them back "
		      "on their own surface, never the sofa.",
	    .waking_young = FEED_FIRST "Comfort them as they need, then lay "
				       "them back on their own surface, "
				       "never the sofa.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_GUIDELINE,
	    .source = "AAP 2022 safe sleep: no sofas or armchairs, room-share "
		      "[R48]; sofa risk [R48c]" SRC_WEEK },
	{ .flags = PLAN_RUNG_TODDLER,
	    .nights = 7,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Their own bed, not the sofa",
	    .bedtime = "From tonight, help them to sleep in their own bed or "
		       "cot, the way they know. If they drift off on the sofa "
		       "with you, move them to their bed before you might "
		       "doze.",
	    .waking = "Comfort them as they need, then help them back into "
		      "their own bed.",
	    .if_crying = CRY_FOUND,
	    .evidence = LULL_EVIDENCE_POLICY,
	    .source = "lull policy: a bed of their own, and no dozing with a "
		      "child on a sofa (domain.md 5.2, 5.3)" SRC_WEEK },
};

/*
 * Association rungs that come before the presence ladders of M2, M3 and
 * M5: each fades only the focus association (domain.md 3.3), and ends
 * no further than a hand on the child, so the next rung is one step away.
 * Only M5 runs under 6 months, so only its rungs need a young waking.
 */
static const struct plan_rung ladder_leadin[] = {
	{ .assoc = A(CAR_STROLLER),
	    .methods = M(M2) | M(M3) | M(M5),
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "From motion to your arms",
	    .bedtime = "Do the routine in their room and rock them in your "
		       "arms, instead of a drive or a buggy walk.",
	    .waking = "If they wake, comfort them in their room, in your "
		      "arms.",
	    .waking_young = FEED_FIRST "Otherwise comfort them in your arms, "
				       "then lay them on their own "
				       "surface." AT_BEDTIME,
	    .if_crying = CRY_HOLD,
	    .evidence = LULL_EVIDENCE_GUIDELINE,
	    .source = "AAP 2022: sitting devices are not for routine sleep "
		      "[R48]; " SRC_LADDER },
	{ .assoc = A(ROCKED) | A(CAR_STROLLER),
	    .methods = M(M2) | M(M3) | M(M5),
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Slower, gentler rocking",
	    .bedtime = "Rock a little slower, and stop a little sooner, each "
		       "night, holding them close.",
	    .waking = "At wakings, the same: slow rocking, then still.",
	    .waking_young = FEED_FIRST "Otherwise rock them back to sleep, "
				       "then lay them on their own "
				       "surface." AT_BEDTIME,
	    .if_crying = CRY_HOLD,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_LADDER "; Hogg [R42]" },
	{ .assoc = A(ROCKED) | A(CAR_STROLLER),
	    .methods = M(M2) | M(M3) | M(M5),
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Still, in your arms",
	    .bedtime = "Hold them still in your arms, no rocking, until they "
		       "are drowsy or asleep.",
	    .waking = "At wakings, hold them still until they settle.",
	    .waking_young = FEED_FIRST "Otherwise hold them until they "
				       "settle, then lay them on their own "
				       "surface." AT_BEDTIME,
	    .if_crying = CRY_HOLD,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_LADDER },
	{ .assoc = A(HELD),
	    .methods = M(M2) | M(M3) | M(M5),
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Hold, then lay them down asleep",
	    .bedtime = "Hold them until they are soundly asleep, then lay them "
		       "on their own surface.",
	    .waking = "The same at wakings: hold until asleep, then lay them "
		      "down.",
	    .waking_young = FEED_FIRST "Otherwise hold them until they are "
				       "asleep, then lay them on their own "
				       "surface." AT_BEDTIME,
	    .if_crying = CRY_HOLD,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_LADDER },
	{ .assoc = A(FED),
	    .methods = M(M2) | M(M3),
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Feed earlier, then cuddle to sleep",
	    .bedtime = "Move the feed to the start of the routine, with the "
		       "lights still on. Then cuddle them to sleep in your "
		       "arms.",
	    .waking = "At night, feed whenever they need it, then cuddle them "
		      "back to sleep.",
	    .if_crying = CRY_HOLD,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "AAP patient handout, feeding until asleep "
		      "[R52]; " SRC_LADDER },
	{ .assoc = A(PARENT_LYING),
	    .methods = M(M2) | M(M3),
	    .nights = 3,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Sit up beside them",
	    .bedtime = "Instead of lying down with them, sit on the edge of "
		       "their bed with a hand on them until they sleep.",
	    .waking = "At wakings, sit beside them the same way.",
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_LADDER "; West [R40]" },
	{ .assoc = A(PACIFIER),
	    .methods = M(M2) | M(M3),
	    .nights = 3,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Pacifier, then a gentle removal",
	    .bedtime = "Offer the pacifier as usual. When sucking slows, ease "
		       "it out gently and keep your hand on them. If they "
		       "root, give it back and try again a little later, "
		       "until they drift off without it.",
	    .waking = "If they wake wanting it, give it back calmly and stay "
		      "with your hand on them until they sleep.",
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "Pantley, gentle removal plan [R41]; " SRC_LADDER },
};

#define BED_TIME "Your usual routine and bedtime."
#define M1_SHIFT                                                               \
	"Once they have fallen asleep calmly within about 15 to 30 minutes "   \
	"for 2 to 3 nights running, start the routine 15 minutes earlier. "    \
	"If they are not asleep after about 15 minutes, spend 10 to 15 "       \
	"calm minutes out of bed together, then try again."
#define M1_SRC                                                                 \
	"bedtime-fading handout: 15 minutes earlier after 2-3 calm nights, "   \
	"asleep within 15-30 minutes [R38]; Gradisar 2016 [R23]; the calm "    \
	"interlude of 10-15 minutes is lull's gentle variant (domain.md 3.2)"

static const struct plan_rung ladder_m1[] = {
	{ .nights = 7,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "Start from when they really fall asleep",
	    .bedtime = "For a week, note when they actually fall asleep, and "
		       "make that their bedtime for now. Keep the morning "
		       "wake-up time the same every day. Stay with them and "
		       "help the way you usually do.",
	    .waking = "Respond to wakings as you do now.",
	    .if_crying = CRY_TIME,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "bedtime-fading handout: a week's log first, 7 nights "
		      "[R38]" },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "Bedtime 15 minutes earlier",
	    .bedtime = M1_SHIFT,
	    .waking = "Respond to wakings as you do now; this plan is about "
		      "bedtime.",
	    .if_crying = CRY_TIME,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = M1_SRC "; 3 nights, the top of the handout's 2-3" },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "Another 15 minutes earlier",
	    .bedtime = M1_SHIFT,
	    .waking = "Respond to wakings as you do now.",
	    .if_crying = CRY_TIME,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = M1_SRC "; 3 nights, the top of the handout's 2-3" },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "15 minutes earlier again",
	    .bedtime = M1_SHIFT,
	    .waking = "Respond to wakings as you do now.",
	    .if_crying = CRY_TIME,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = M1_SRC "; 3 nights, the top of the handout's 2-3" },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "A last 15 minutes earlier",
	    .bedtime = M1_SHIFT " Stop whenever you reach the bedtime you "
				"want.",
	    .waking = "Respond to wakings as you do now.",
	    .if_crying = CRY_TIME,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = M1_SRC
	    "; 3 nights, the top of the handout's 2-3; 60 minutes in "
	    "15-minute steps is the handout's example" },
};

#define SRC_M2                                                                 \
	"Raising Children Network, camping out: about 3 nights a step, "       \
	"30-40 cm away [R39]"
#define WAKE_SPOT                                                              \
	"Go to them and comfort as they need, then return to tonight's "       \
	"spot and stay until they are asleep."

static const struct plan_rung ladder_m2[] = {
	{ .nights = 3,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Into the cot, your hand on them",
	    .bedtime = "Help them get calm and drowsy, then lay them down. "
		       "Sit right beside them and pat or stroke until they "
		       "are asleep.",
	    .waking = "Go to them, comfort as they need, then sit beside "
		      "them with your hand on until they are asleep again.",
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M2 },
	RUNG_STILL_HAND(0),
	{ .nights = 3,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "Beside the cot, hands in your lap",
	    .bedtime = "Sit beside the cot without touching. A quiet word or "
		       "a shush is fine. Stay until they are asleep.",
	    .waking = WAKE_SPOT,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M2 },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_NEAR,
	    .title = "A little further away",
	    .bedtime = "Move your chair 30 to 40 cm away from the cot. Stay "
		       "there, calm and quiet, until they are asleep.",
	    .waking = WAKE_SPOT,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M2 },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_NEAR,
	    .title = "Halfway to the door",
	    .bedtime = "Sit halfway between the cot and the door until they "
		       "are asleep.",
	    .waking = WAKE_SPOT,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M2 },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_DOORWAY,
	    .title = "By the door",
	    .bedtime = "Sit just inside the door, where they can see you, "
		       "until they are asleep.",
	    .waking = WAKE_SPOT,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M2 },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_OUTSIDE_IN_VIEW,
	    .title = "Just outside, still in view",
	    .bedtime = "Sit just outside the open door, where they can still "
		       "see you, until they are asleep.",
	    .waking = WAKE_SPOT,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M2 },
};

#define SRC_M3 "West, Sleep Lady Shuffle [R40]; positions, 3 nights each [R40b]"
#define WAKE_CHAIR                                                             \
	"Go to tonight's chair spot and stay until they are asleep; if "       \
	"they need more, go to them and comfort them."

static const struct plan_rung ladder_m3[] = {
	{ .nights = 3,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Chair right by the cot",
	    .bedtime = "After a calm routine, lay them down drowsy but more "
		       "awake than asleep. Sit in a chair right by the cot; "
		       "touch, pat and shush on and off until they sleep.",
	    .waking = WAKE_CHAIR,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M3 },
	RUNG_STILL_HAND(0),
	{ .nights = 3,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "Chair by the cot, voice more than hands",
	    .bedtime = "Stay in the chair by the cot. Use your voice more and "
		       "your hands less, and stay until they are asleep.",
	    .waking = WAKE_CHAIR,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M3 "; a gentler in-between step is lull policy" },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_NEAR,
	    .title = "Chair halfway to the door",
	    .bedtime = "Put your chair halfway to the door. Stay calm and "
		       "quiet there until they are asleep.",
	    .waking = WAKE_CHAIR,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M3 },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_DOORWAY,
	    .title = "Chair in the doorway",
	    .bedtime = "Sit in the doorway, in their sight, until they are "
		       "asleep.",
	    .waking = WAKE_CHAIR,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M3 },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_OUTSIDE_IN_VIEW,
	    .title = "Just outside, in view",
	    .bedtime = "Sit just outside the door where they can see you, "
		       "until they are asleep.",
	    .waking = WAKE_CHAIR,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M3 },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_OUTSIDE_IN_VIEW,
	    .title = "Still in view, quietly busy",
	    .bedtime = "Stay where they can see you, with a book or a quiet "
		       "task: fewer words, the same calm. You stay in sight "
		       "until they are asleep.",
	    .waking = WAKE_CHAIR,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_POLICY,
	    .source = SRC_M3 "; the Shuffle's last, out-of-sight position is "
			     "replaced by staying in view (lull policy, "
			     "domain.md 3.0)" },
};

#define SRC_M4                                                                 \
	"Pantley, gentle removal plan, about 10 seconds between removals "     \
	"[R41]; " SRC_LADDER
#define WAKE_FEED_FREELY                                                       \
	"At night, feed whenever they seem hungry, for as long as they "       \
	"want, then lay them on their own surface. Keep it calm and dim; "     \
	"the practice happens at bedtime only."

static const struct plan_rung ladder_m4[] = {
	{ .assoc = A(FED),
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Feed, then a gentle removal",
	    .bedtime = "Feed as usual. When sucking slows and their eyes "
		       "close, gently break the latch with your finger (or "
		       "ease the bottle out). If they root, let them feed "
		       "again, then try once more after about 10 seconds. "
		       "Repeat until they drift off without the breast or "
		       "bottle, still in your arms.",
	    .waking = WAKE_FEED_FREELY,
	    .if_crying = CRY_HOLD,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M4 },
	{ .assoc = A(FED),
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Feed earlier, cuddle to sleep",
	    .bedtime = "Feed near the start of the routine, then cuddle them "
		       "to sleep in your arms.",
	    .waking = WAKE_FEED_FREELY,
	    .if_crying = CRY_HOLD,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = "AAP patient handout, feeding until asleep "
		      "[R52]; " SRC_LADDER },
	{ .assoc = A(FED),
	    .nights = 3,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Cuddle until drowsy, then a hand on",
	    .bedtime = "After the early feed, cuddle until they are drowsy, "
		       "then lay them down and pat or stroke until they are "
		       "asleep.",
	    .waking = WAKE_FEED_FREELY,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_LADDER },
	{ .assoc = A(PACIFIER),
	    .nights = 3,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Pacifier, then a gentle removal",
	    .bedtime = "Offer the pacifier as usual. When sucking slows, ease "
		       "it out gently. If they root, give it back, then try "
		       "again after about 10 seconds, until they sleep "
		       "without it. A pacifier at sleep is fine; this is only "
		       "about fewer trips to put it back.",
	    .waking = "If they wake wanting it, give it back calmly. Once "
		      "they are asleep there is no need to put it back in.",
	    .waking_young = FEED_FIRST "If they only want the pacifier, give "
				       "it back calmly; once they are "
				       "asleep there is no need to put it "
				       "back in." AT_BEDTIME,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M4 "; AAP 2022 on pacifiers at sleep [R48]" },
	RUNG_STILL_HAND(A(FED) | A(PACIFIER)),
	{ .assoc = A(FED) | A(PACIFIER),
	    .nights = 3,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "Beside the cot, hands off",
	    .bedtime = "Lay them down drowsy and sit beside the cot, hands in "
		       "your lap, until they are asleep.",
	    .waking = "Go to them, comfort and feed as they need, then sit "
		      "beside them until they are asleep.",
	    .waking_young = FEED_FIRST "Comfort them as they need, lay them "
				       "back on their own surface and sit "
				       "beside them until they are "
				       "asleep." AT_BEDTIME,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_LADDER },
};

#define SRC_M5                                                                 \
	"Hogg, pick up/put down [R42]; not when unwell [R42c]; " SRC_LADDER

static const struct plan_rung ladder_m5[] = {
	{ .nights = 3,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Pick up, put down",
	    .bedtime = "Lay them down calm and drowsy, your hand on their "
		       "chest. If crying builds, shush and keep your hand "
		       "there; if they still need you, pick them up and hold "
		       "them until calm, then lay them down again. Repeat as "
		       "often as needed. If they arch away in your arms, lay "
		       "them down with your hand on them.",
	    .waking = "The same at wakings: hand on first, pick up whenever "
		      "they need it, lay them down once calm.",
	    .waking_young = FEED_FIRST "Otherwise comfort them back to "
				       "sleep, picking them up whenever they "
				       "need it, and lay them on their own "
				       "surface once calm." AT_BEDTIME,
	    .if_crying = CRY_PUPD,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M5 },
	RUNG_STILL_HAND(0),
	{ .nights = 3,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "Beside the cot, voice first",
	    .bedtime = "Lay them down drowsy and sit beside the cot. Try your "
		       "voice first; pick them up whenever they need it, and "
		       "lay them down calm.",
	    .waking = "Go to them, voice first, pick up if needed, and stay "
		      "beside them until they are asleep.",
	    .waking_young = FEED_FIRST "Otherwise comfort them, picking them "
				       "up if needed, lay them on their own "
				       "surface and stay beside them until "
				       "they are asleep." AT_BEDTIME,
	    .if_crying = CRY_PUPD,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M5 },
};

#define SRC_M6                                                                 \
	"Ozturk 2021, Possums cued care trial [R32]; 7 nights (a week) per "   \
	"stage is lull policy"

static const struct plan_rung ladder_m6[] = {
	{ .nights = 7,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Follow their cues",
	    .bedtime = "Watch for tired signs and start a calm routine when "
		       "you see them. Feed, hold or rock as they ask.",
	    .waking = "Respond as they need: feed, cuddle, settle.",
	    .waking_young = FEED_FIRST "Then cuddle and settle them as they "
				       "need, and lay them on their own "
				       "surface.",
	    .if_crying = CRY_HOLD,
	    .evidence = LULL_EVIDENCE_TRIAL,
	    .source = SRC_M6 },
	{ .nights = 7,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "A little less help, when they are ready",
	    .bedtime = "When they are calm and drowsy, try laying them down "
		       "with your hand on them. If they protest, help them "
		       "the way they like and try again another night.",
	    .waking = "Respond as they need; when they are calm and sleepy, a "
		      "hand on may be enough.",
	    .waking_young = FEED_FIRST "Comfort them as they need, then lay "
				       "them on their own surface; when they "
				       "are calm and sleepy, a hand on may "
				       "be enough.",
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_TRIAL,
	    .source = SRC_M6 },
	{ .nights = 7,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "Close by, helping less",
	    .bedtime = "On nights they are ready, sit beside them while they "
		       "drift off. On other nights, help more; both are fine.",
	    .waking = "Respond as they need, then stay close until they "
		      "sleep.",
	    .waking_young = FEED_FIRST "Comfort them as they need, lay them "
				       "on their own surface and stay close "
				       "until they sleep.",
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_TRIAL,
	    .source = SRC_M6 },
};

/*
 * Night-feed reduction: the only ladder that changes night feeds, and it
 * is offered only from 6 months with normal growth (domain.md 5.4).  The
 * texts avoid naming the night count, which temperament may lengthen;
 * the step's nights_min carries it.  The last rung names a partner only
 * when there is one, and only where a parent breastfeeds.
 */
#define SRC_M7                                                                 \
	"Raising Children Network, night weaning: 2-5 minutes shorter, or "    \
	"20-30 ml less when over 60 ml, every second night (2 nights); "       \
	"stop at 5 minutes or 60 ml [R39b]"
#define SRC_M7_NOTE                                                            \
	"Raising Children Network, night weaning: time the feeds first "       \
	"[R39b]; 3 nights of noting is lull policy, a short baseline "         \
	"(domain.md 3.5)"
#define SRC_M7_PARTNER SRC_M7 "; partner at wakings: West workbook [R40c]"
#define M7_LAST_BREAST                                                         \
	"Once a night feed is down to 5 minutes or less, offer cuddles and "   \
	"your presence instead, and stay until they are asleep."
#define M7_LAST_MIXED                                                          \
	"Once a breastfeed is 5 minutes or less, or a bottle 60 ml or less, "  \
	"offer cuddles and your presence instead, and stay until they are "    \
	"asleep."
#define M7_PARTNER " A partner who does not breastfeed can take these wakings."

static const struct plan_rung ladder_m7[] = {
	{ .feeding = F(BREAST),
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Notice the night feeds",
	    .bedtime = BED_TIME,
	    .waking = "Feed as usual at night and roughly note how long each "
		      "feed lasts. Nothing changes yet.",
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7_NOTE },
	{ .feeding = F(BREAST),
	    .nights = 2,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Night feeds a little shorter",
	    .bedtime = BED_TIME,
	    .waking = "Feed for 2 to 5 minutes less than before, then "
		      "resettle: cuddle, pat, and stay until they are asleep.",
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7 },
	{ .feeding = F(BREAST),
	    .nights = 2,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "A little shorter again",
	    .bedtime = BED_TIME,
	    .waking = "Take another 2 to 5 minutes off each night feed, then "
		      "resettle with cuddles and stay until they are asleep.",
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7 },
	{ .feeding = F(BREAST),
	    .flags = PLAN_RUNG_PARTNER,
	    .nights = 2,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Cuddles instead of a feed",
	    .bedtime = BED_TIME,
	    .waking = M7_LAST_BREAST M7_PARTNER,
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7_PARTNER },
	{ .feeding = F(BREAST),
	    .flags = PLAN_RUNG_SOLO,
	    .nights = 2,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Cuddles instead of a feed",
	    .bedtime = BED_TIME,
	    .waking = M7_LAST_BREAST,
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7 },
	{ .feeding = F(BOTTLE),
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Notice the night bottles",
	    .bedtime = BED_TIME,
	    .waking = "Give night bottles as usual and roughly note how much "
		      "they drink. Nothing changes yet.",
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7_NOTE },
	{ .feeding = F(BOTTLE),
	    .nights = 2,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Night bottles a little smaller",
	    .bedtime = BED_TIME,
	    .waking = "If a night bottle is more than 60 ml, make it 20 to 30 "
		      "ml smaller than before, then resettle with cuddles.",
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7 },
	{ .feeding = F(BOTTLE),
	    .nights = 2,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "A little smaller again",
	    .bedtime = BED_TIME,
	    .waking = "Take another 20 to 30 ml off each night bottle that is "
		      "still more than 60 ml, then resettle with cuddles.",
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7 },
	{ .feeding = F(BOTTLE),
	    .nights = 2,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Cuddles instead of a bottle",
	    .bedtime = BED_TIME,
	    .waking = "Once a night bottle is 60 ml or less, offer cuddles "
		      "and your presence instead, and stay until they are "
		      "asleep.",
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7 },
	{ .feeding = F(MIXED) | F(SOLIDS),
	    .nights = 3,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "Notice the night feeds",
	    .bedtime = BED_TIME,
	    .waking = "Feed as usual at night and roughly note how long "
		      "breastfeeds last or how much a bottle holds. Nothing "
		      "changes yet.",
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7_NOTE },
	{ .feeding = F(MIXED) | F(SOLIDS),
	    .nights = 2,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "A little less at each night feed",
	    .bedtime = BED_TIME,
	    .waking = "Make each night feed a little smaller: 2 to 5 minutes "
		      "less at the breast, or 20 to 30 ml less in a bottle "
		      "that holds more than 60 ml. Then resettle with "
		      "cuddles.",
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7 },
	{ .feeding = F(MIXED) | F(SOLIDS),
	    .nights = 2,
	    .presence = LULL_PRESENCE_HOLDING,
	    .title = "A little less again",
	    .bedtime = BED_TIME,
	    .waking = "Again 2 to 5 minutes less at the breast, or 20 to 30 "
		      "ml less in a bottle still over 60 ml, then resettle "
		      "with cuddles.",
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7 },
	{ .feeding = F(MIXED),
	    .flags = PLAN_RUNG_PARTNER,
	    .nights = 2,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Cuddles instead of a feed",
	    .bedtime = BED_TIME,
	    .waking = M7_LAST_MIXED M7_PARTNER,
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7_PARTNER },
	{ .feeding = F(MIXED),
	    .flags = PLAN_RUNG_SOLO,
	    .nights = 2,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Cuddles instead of a feed",
	    .bedtime = BED_TIME,
	    .waking = M7_LAST_MIXED,
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7 },
	{ .feeding = F(SOLIDS),
	    .nights = 2,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Cuddles instead of a feed",
	    .bedtime = BED_TIME,
	    .waking = M7_LAST_MIXED,
	    .if_crying = CRY_FEEDS,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M7 },
};

/*
 * Toward their own sleep space.  Each place is skipped when the child
 * already sleeps there or further out; the last rungs fade presence in
 * their own room as camping out does.  No rung puts a child in an adult
 * bed: the first one is their own surface beside it.
 */
#define SRC_M8                                                                 \
	"West: 3-7 nights at each place, 3 nights by default [R40]; AAP "      \
	"2022 room-sharing [R48]"
#define SRC_M8_ROOM "AAP 2022: room-share ideally for at least 6 months [R48]"
#define WAKE_OWN                                                               \
	"Comfort them on their own surface. If you feed, lay them back "       \
	"there when you are done, and stay until they are asleep."

static const struct plan_rung ladder_m8[] = {
	{ .skip_from = PLAN_AT_SIDECAR,
	    .flags = PLAN_RUNG_INFANT,
	    .nights = 3,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Their own surface, right beside you",
	    .bedtime = "Set up a bedside sleeper or sidecar cot: firm, flat "
		       "and their own, right next to where you sleep. Settle "
		       "them there with your hand on them until they are "
		       "asleep.",
	    .waking = WAKE_OWN,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M8 },
	{ .skip_from = PLAN_AT_SIDECAR,
	    .flags = PLAN_RUNG_TODDLER,
	    .nights = 3,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Their own surface, right beside you",
	    .bedtime = "Set up a cot or a low bed of their own right next to "
		       "where you sleep. Settle them there with your hand on "
		       "them until they are asleep.",
	    .waking = WAKE_OWN,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M8 },
	{ .skip_from = PLAN_AT_ROOM,
	    .nights = 3,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "Their cot right next to you",
	    .bedtime = "Move their cot right next to where you sleep. Sit or "
		       "lie close by, without touching, until they are asleep.",
	    .waking = WAKE_OWN,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M8 },
	{ .skip_from = PLAN_AT_OWN_ROOM,
	    .nights = 3,
	    .presence = LULL_PRESENCE_NEAR,
	    .title = "The cot across the room",
	    .bedtime = "Move the cot a little further across your room. Stay "
		       "near them until they are asleep.",
	    .waking = WAKE_OWN,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M8 },
	/* A persistent child meets the new room with a hand on first. */
	{ .flags = PLAN_RUNG_PERSIST,
	    .nights = 3,
	    .presence = LULL_PRESENCE_TOUCHING,
	    .title = "Their own room, your hand on them",
	    .bedtime = "When you are ready (from 6 months), move the cot to "
		       "their own room. Sit right by it with your hand resting "
		       "on them until they are asleep.",
	    .waking = WAKE_OWN,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M8_ROOM "; " SRC_PERSIST "; " SRC_LADDER },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_BESIDE,
	    .title = "Their own room, you beside them",
	    .bedtime = "With the cot in their own room (from 6 months, when "
		       "you are ready), sit beside it until they are asleep.",
	    .waking = WAKE_OWN,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_GUIDELINE,
	    .source = SRC_M8_ROOM "; " SRC_M8 },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_NEAR,
	    .title = "Own room, halfway to the door",
	    .bedtime = "Sit halfway between the cot and the door until they "
		       "are asleep.",
	    .waking = WAKE_SPOT,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M8 "; " SRC_M2 },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_DOORWAY,
	    .title = "Own room, by the door",
	    .bedtime = "Sit just inside the door, where they can see you, "
		       "until they are asleep.",
	    .waking = WAKE_SPOT,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M8 "; " SRC_M2 },
	{ .nights = 3,
	    .presence = LULL_PRESENCE_OUTSIDE_IN_VIEW,
	    .title = "Own room, just outside in view",
	    .bedtime = "Sit just outside the open door, where they can still "
		       "see you, until they are asleep.",
	    .waking = WAKE_SPOT,
	    .if_crying = CRY_NEAR,
	    .evidence = LULL_EVIDENCE_CONVENTION,
	    .source = SRC_M8 "; " SRC_M2 },
};

#define LADDER(a)                                                              \
	{                                                                      \
		(a), sizeof(a) / sizeof((a)[0])                                \
	}

const struct plan_ladder plan_ladders[PLAN_LADDER__MAX] = {
	[PLAN_LADDER_M0_YOUNG] = LADDER(ladder_m0_young),
	[PLAN_LADDER_M0] = LADDER(ladder_m0),
	[PLAN_LADDER_PAUSED] = LADDER(ladder_paused),
	[PLAN_LADDER_SOFA] = LADDER(ladder_sofa),
	[PLAN_LADDER_LEADIN] = LADDER(ladder_leadin),
	[PLAN_LADDER_M1] = LADDER(ladder_m1),
	[PLAN_LADDER_M2] = LADDER(ladder_m2),
	[PLAN_LADDER_M3] = LADDER(ladder_m3),
	[PLAN_LADDER_M4] = LADDER(ladder_m4),
	[PLAN_LADDER_M5] = LADDER(ladder_m5),
	[PLAN_LADDER_M6] = LADDER(ladder_m6),
	[PLAN_LADDER_M7] = LADDER(ladder_m7),
	[PLAN_LADDER_M8] = LADDER(ladder_m8),
};

/* ---- safety notes (domain.md 5.2, 5.3) ----------------------------------- */

#define SRC_AAP      "AAP 2022 safe sleep recommendations [R48]"
#define SRC_AAP_RISK "AAP 2022 press materials on relative risk [R48c]"
#define SRC_CHILD                                                              \
	"lull policy: AAP's safe-sleep rules and risk figures are for the "    \
	"first year (domain.md 5.2, 5.3), so from 12 months the warning "      \
	"stays without them"

const struct plan_safety_row plan_safety_rows[PLAN_SAFE__MAX] = {
	[PLAN_SAFE_INFO] = { "INFO", LULL_SEVERITY_INFO,
	    "This plan is general information, not medical advice. If you are "
	    "worried about your child's health, talk to your doctor or nurse, "
	    "and trust your own sense that something is wrong.",
	    LULL_EVIDENCE_POLICY,
	    "lull policy: health questions go to a clinician (domain.md 5.5; "
	    "product principle 9)" },
	[PLAN_SAFE_BACK] = { "SS-01", LULL_SEVERITY_INFO,
	    "On their back for every sleep, by everyone who puts them down, "
	    "until their first birthday.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP },
	[PLAN_SAFE_SURFACE] = { "SS-02", LULL_SEVERITY_INFO,
	    "A firm, flat, level surface of their own (cot, bassinet, travel "
	    "cot or bedside sleeper) with nothing soft in it: no pillows, "
	    "bumpers, loose blankets or weighted sleep products.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP },
	[PLAN_SAFE_ROOM_SHARE] = { "SS-04", LULL_SEVERITY_WARNING,
	    "Sharing your room, with your baby on their own surface, is "
	    "advised ideally for at least the first 6 months. Their own room "
	    "can wait until then.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP },
	[PLAN_SAFE_DEVICES] = { "SS-03", LULL_SEVERITY_WARNING,
	    "Car seats, buggies, swings and slings are not for routine sleep. "
	    "When your baby falls asleep in one, move them to a firm, flat "
	    "surface as soon as you practically can.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP },
	[PLAN_SAFE_PACIFIER] = { "SS-08", LULL_SEVERITY_INFO,
	    "A pacifier at sleep is fine and lowers the risk of sudden infant "
	    "death. Don't attach it to clothes or toys, and there is no need "
	    "to put it back once they are asleep.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP },
	[PLAN_SAFE_SWADDLE] = { "SS-07", LULL_SEVERITY_INFO,
	    "If you swaddle: on the back only, loose at the hips, and stop "
	    "once they show signs of trying to roll (often at 3 to 4 months, "
	    "sometimes earlier).",
	    LULL_EVIDENCE_GUIDELINE, "AAP swaddling guidance [R49]" },
	[PLAN_SAFE_SOFA] = { "SS-02-SOFA", LULL_SEVERITY_STRONG,
	    "Please don't let your baby sleep on a sofa, armchair or cushion, "
	    "and move them to their own firm, flat surface before you might "
	    "doze. Sleeping with a baby on a sofa or armchair carries up to "
	    "67 times the risk of sudden infant death.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP_RISK "; " SRC_AAP },
	[PLAN_SAFE_SMOKE] = { "SS-09-SMOKE", LULL_SEVERITY_STRONG,
	    "Someone at home smokes: keep your baby's air smoke-free, with no "
	    "smoking in the home or car. Smoke around a baby raises the risk "
	    "of sudden infant death.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP },
	[PLAN_SAFE_IMPAIRED] = { "SS-09-IMPAIRED", LULL_SEVERITY_STRONG,
	    "An adult who has had alcohol, drugs or medicine that makes them "
	    "drowsy should not sleep with the baby in a bed, on a sofa or in "
	    "their arms. A sober adult takes the night, or baby sleeps on "
	    "their own surface.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP },
	[PLAN_SAFE_BS_HARM] = { "BS-HARM", LULL_SEVERITY_WARNING,
	    "We don't recommend sharing a bed with your baby. If your family "
	    "does, these conditions make it lower-risk, and all of them need "
	    "to hold: a non-smoking, sober adult on no sedating medicine; a "
	    "breastfeeding mother; a healthy baby born at term; baby on their "
	    "back, lightly dressed, not swaddled, head uncovered; a firm "
	    "mattress, never a sofa or recliner; no gaps at the headboard or "
	    "wall; no heavy covers or spare pillows near baby; nothing "
	    "dangling; no other children or pets in the bed; and the other "
	    "adult knows baby is there.",
	    LULL_EVIDENCE_CONVENTION,
	    "La Leche League, Safe Sleep Seven and safe surface checklist "
	    "[R50]; ABM Protocol #6, 2019 [R51]; AAP 2022 does not recommend "
	    "bed-sharing [R48]" },
	[PLAN_SAFE_BS_SMOKER] = { "BS-SMOKER", LULL_SEVERITY_STRONG,
	    "Someone at home smokes: sharing a bed with a baby is about 10 "
	    "times riskier when an adult smokes. Please have your baby sleep "
	    "on their own surface next to you, in a smoke-free home.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP_RISK "; ABM Protocol #6 [R51]" },
	[PLAN_SAFE_BS_IMPAIRED] = { "BS-IMPAIRED", LULL_SEVERITY_STRONG,
	    "After alcohol, drugs or sedating medicine, an adult must not "
	    "share a bed or sofa with a baby: the risk is about 10 times "
	    "higher. Baby sleeps on their own surface that night.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP_RISK "; ABM Protocol #6 [R51]" },
	[PLAN_SAFE_BS_YOUNG] = { "BS-YOUNG", LULL_SEVERITY_STRONG,
	    "Under 4 months, sharing a bed carries 5 to 10 times the risk. "
	    "Their own surface right beside you is much safer at this age.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP_RISK },
	[PLAN_SAFE_BS_PRETERM] = { "BS-PRETERM", LULL_SEVERITY_STRONG,
	    "Babies born early carry 5 to 10 times the risk when sharing a "
	    "bed. Their own surface right beside you is much safer.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP_RISK "; ABM Protocol #6 [R51]" },
	[PLAN_SAFE_BS_NOT_BREASTFED] = { "BS-NOT-BREASTFED",
	    LULL_SEVERITY_STRONG,
	    "For a baby who is not breastfed, the conditions that make sharing "
	    "a bed lower-risk do not hold. Please use their own surface next "
	    "to you.",
	    LULL_EVIDENCE_CONVENTION,
	    "La Leche League, Safe Sleep Seven [R50]; ABM Protocol #6 hazard "
	    "list [R51]" },
	[PLAN_SAFE_PRETERM_CLINICIAN] = { "G5", LULL_SEVERITY_WARNING,
	    "Because your child was born early, check with your doctor or "
	    "nurse that a sleep plan suits them before you start.",
	    LULL_EVIDENCE_POLICY, "gate G5 (domain.md 5.1)" },
	/* From 12 months: no infant figures, words for a child. */
	[PLAN_SAFE_SOFA_CHILD] = { "SOFA-DOZE", LULL_SEVERITY_WARNING,
	    "Please don't doze off with your child on a sofa or armchair. Let "
	    "them sleep in their own bed, and move them there before you might "
	    "fall asleep.",
	    LULL_EVIDENCE_POLICY, SRC_CHILD "; " SRC_AAP_RISK },
	[PLAN_SAFE_SMOKE_CHILD] = { "SS-09-SMOKE", LULL_SEVERITY_STRONG,
	    "Someone at home smokes: keep your child's air smoke-free, with no "
	    "smoking in the home or car.",
	    LULL_EVIDENCE_POLICY, SRC_CHILD "; " SRC_AAP },
	[PLAN_SAFE_IMPAIRED_CHILD] = { "SS-09-IMPAIRED", LULL_SEVERITY_STRONG,
	    "An adult who has had alcohol, drugs or medicine that makes them "
	    "drowsy should not sleep with your child in a bed, on a sofa or in "
	    "their arms. A sober adult takes the night, or your child sleeps "
	    "in their own bed.",
	    LULL_EVIDENCE_POLICY, SRC_CHILD "; " SRC_AAP },
	[PLAN_SAFE_BS_HARM_CHILD] = { "BS-HARM", LULL_SEVERITY_WARNING,
	    "We don't recommend sharing a bed with your child. If your family "
	    "does, these make it lower-risk: a non-smoking, sober adult on no "
	    "sedating medicine; a firm mattress, never a sofa or recliner; no "
	    "gaps at the headboard or wall; no heavy covers or spare pillows "
	    "near them; and the other adult knows they are there.",
	    LULL_EVIDENCE_CONVENTION,
	    "La Leche League safe surface checklist [R50]; ABM Protocol #6 "
	    "hazard list [R51]; " SRC_CHILD },
	[PLAN_SAFE_BS_SMOKER_CHILD] = { "BS-SMOKER", LULL_SEVERITY_STRONG,
	    "Someone at home smokes: keep your home and their bed smoke-free, "
	    "and please don't let anyone who smokes share a bed with your "
	    "child.",
	    LULL_EVIDENCE_POLICY, SRC_CHILD "; ABM Protocol #6 [R51]" },
	[PLAN_SAFE_BS_IMPAIRED_CHILD] = { "BS-IMPAIRED", LULL_SEVERITY_STRONG,
	    "After alcohol, drugs or sedating medicine, an adult must not "
	    "share a bed or sofa with your child. Your child sleeps in their "
	    "own bed that night.",
	    LULL_EVIDENCE_POLICY, SRC_CHILD "; ABM Protocol #6 [R51]" },
};

/*
 * ---- referrals (domain.md 5.5) --------------------------------------------
 * Neutral words: a health sign is looked at, never blamed on the plan.
 */
const struct plan_referral_row plan_referral_rows[PLAN_REF__MAX] = {
	[LULL_HEALTH_SNORING] = { "snoring", LULL_URGENCY_ROUTINE,
	    "Snoring on most nights, gasping, laboured or mouth breathing, or "
	    "restless, sweaty sleep are worth a routine visit to your doctor: "
	    "they can be signs of blocked breathing in sleep, which can be "
	    "treated.",
	    LULL_EVIDENCE_GUIDELINE,
	    "AAP obstructive sleep apnoea guideline, Marcus 2012 [R55]" },
	[LULL_HEALTH_BREATHING_PAUSES] = { "breathing_pauses",
	    LULL_URGENCY_SOON,
	    "Pauses in breathing longer than 20 seconds, or with a change of "
	    "colour or floppiness, need a doctor today. If they go blue, grey "
	    "or limp, or stop breathing, call emergency services now.",
	    LULL_EVIDENCE_GUIDELINE,
	    "BRUE guidance: apnoea over 20 s or with colour or tone change "
	    "[R54b]; AAP BRUE guideline [R54]" },
	[LULL_HEALTH_POOR_WEIGHT_GAIN] = { "poor_weight_gain",
	    LULL_URGENCY_ROUTINE,
	    "Ask for a paediatric review of their weight and feeding before "
	    "any change to night feeds. Go sooner if they have fewer wet "
	    "nappies or seem unwell.",
	    LULL_EVIDENCE_POLICY,
	    "NICE GORD red flags [R56]; lull policy: review before any "
	    "night-feed change (domain.md 5.5)" },
	[LULL_HEALTH_REFLUX] = { "reflux", LULL_URGENCY_ROUTINE,
	    "Spitting up is common and usually settles; a routine check is "
	    "enough for that. See a doctor the same day if the vomiting is "
	    "forceful (projectile), green or has blood in it, if there is "
	    "blood in the stool, if vomiting starts after 6 months of age, or "
	    "if they refuse feeds, their tummy swells or they are not gaining "
	    "weight.",
	    LULL_EVIDENCE_GUIDELINE,
	    "NICE GORD red flags [R56]; AAP referral criteria for GERD "
	    "[R56b]" },
	[LULL_HEALTH_FEVER] = { "fever", LULL_URGENCY_SOON,
	    "Call your doctor today about the fever, and get help straight "
	    "away if they are very sleepy or hard to wake, have a stiff neck, "
	    "a rash that does not fade when pressed, trouble breathing, a "
	    "seizure, or far fewer wet nappies.",
	    LULL_EVIDENCE_GUIDELINE, "AAP fever guidance [R53]" },
	/* "ill" carries no detail, so we cannot tell a cold from something
	 * serious: a same-day word with a doctor or nurse line is the safe
	 * default, and an unneeded call costs little.  Not "emergency":
	 * the emergency signs are their own flag (blue_or_limp). */
	[LULL_HEALTH_ILL] = { "ill", LULL_URGENCY_SOON,
	    "They are unwell, so comfort and feeding come first. Talk to your "
	    "doctor or a nurse line today about what you are seeing, and get "
	    "help straight away if they are hard to wake, struggling to "
	    "breathe, not feeding, or have far fewer wet nappies.",
	    LULL_EVIDENCE_POLICY,
	    "lull policy (domain.md 3.4, 5.5); AAP fever and illness "
	    "guidance [R53]" },
	[LULL_HEALTH_BLUE_OR_LIMP] = { "blue_or_limp", LULL_URGENCY_EMERGENCY,
	    "Call emergency services now. Going blue, grey or pale, stopping "
	    "breathing, going limp or stiff, or not responding needs help at "
	    "once, even if they seem fine again.",
	    LULL_EVIDENCE_GUIDELINE, "AAP BRUE guideline, Tieder 2016 [R54]" },
	[PLAN_REF_FEVER_YOUNG] = { "fever", LULL_URGENCY_SOON,
	    "A fever of 38.0 C (100.4 F) or more under 3 months of age needs a "
	    "doctor the same day; if it is after hours, go to the emergency "
	    "department.",
	    LULL_EVIDENCE_GUIDELINE, "AAP fever guidance [R53]" },
	[PLAN_REF_GROWTH] = { "growth_concern", LULL_URGENCY_ROUTINE,
	    "Ask for a paediatric review of their growth before any change to "
	    "night feeds.",
	    LULL_EVIDENCE_POLICY,
	    "NICE GORD red flags [R56]; lull policy (domain.md 5.4, 5.5)" },
};

/* ---- reasons ------------------------------------------------------------- */

#define SRC_ONE_CHANGE                                                         \
	"one association at a time: association-fading ladders "               \
	"(domain.md 3.3) and temperament rules (domain.md 4.2)"

/* One reason per paragraph reads better than clang-format's wrapping. */
/* clang-format off */
const struct lull_reason plan_why[PLAN_WHY__MAX] = {
	[PLAN_WHY_G1] = {
	    "Under 4 months (corrected age) there is no sleep training: "
	    "studies of sleep programmes this young found no benefit for "
	    "babies or parents. The plan is foundations: routine, day and "
	    "night, feeding on cue, and safe sleep.",
	    LULL_EVIDENCE_TRIAL,
	    "Douglas & Hill 2013 review [R30]; AASM [R3]; gate G1 (domain.md "
	    "5.1)" },
	[PLAN_WHY_G2] = {
	    "At 4 to 6 months only light plans are offered (gentle removal, "
	    "pick-up/put-down, cued care), and night feeds stay as they are.",
	    LULL_EVIDENCE_POLICY,
	    "gate G2 (domain.md 5.1); Pantley [R41]; Hogg [R42]" },
	[PLAN_WHY_CORRECTED] = {
	    "Your child was born early, so ages here count from the due date, "
	    "until 24 months.",
	    LULL_EVIDENCE_CONVENTION,
	    "corrected age, common paediatric practice (domain.md 0.2; "
	    "[R20])" },
	[PLAN_WHY_NO_GOALS] = {
	    "No goals yet, so the plan is foundations: a calm routine, clear "
	    "days and nights, and safe sleep. Add a goal whenever you are "
	    "ready.",
	    LULL_EVIDENCE_POLICY,
	    "lull policy (domain.md 3.2, M0); Mindell 2009 routine trial "
	    "[R34]" },
	[PLAN_WHY_FOUNDATIONS] = {
	    "For now the plan is foundations: a calm routine, clear days and "
	    "nights, and safe sleep.",
	    LULL_EVIDENCE_POLICY, "lull policy (domain.md 3.2, M0)" },
	[PLAN_WHY_SEP_YOUNG] = {
	    "Separation is hard for them, and the methods that keep you in "
	    "their sight the whole way (camping out, the chair method) start "
	    "at 6 months. Until then the plan stays with foundations.",
	    LULL_EVIDENCE_TRIAL,
	    "Kahn 2020 [R31]; gates G2 and G3 (domain.md 5.1)" },
	[PLAN_WHY_PAUSED_ILL] = {
	    "The plan is paused while they are unwell (see the referrals). "
	    "Comfort and feed as much as they need; once they are well again, "
	    "the plan picks up one step back.",
	    LULL_EVIDENCE_POLICY,
	    "gate G4 (domain.md 5.1); setbacks (domain.md 3.4)" },
	[PLAN_WHY_PAUSED_DOCTOR] = {
	    "The plan is paused until a doctor has looked at what you noticed "
	    "(see the referrals). Comfort and feed as much as they need; once "
	    "your doctor has seen them, the plan picks up one step back.",
	    LULL_EVIDENCE_POLICY,
	    "gate G4 (domain.md 5.1); red flags (domain.md 5.5)" },
	[PLAN_WHY_PAUSED_BOTH] = {
	    "The plan is paused while they are unwell and until a doctor has "
	    "looked at what you noticed (see the referrals). Comfort and feed "
	    "as much as they need; once they are well again and your doctor "
	    "has seen them, the plan picks up one step back.",
	    LULL_EVIDENCE_POLICY,
	    "gate G4 (domain.md 5.1); setbacks and red flags (domain.md 3.4, "
	    "5.5)" },
	[PLAN_WHY_SOFA] = {
	    "First, a safe place to sleep. A sofa or armchair is not one, so "
	    "coaching waits: the first step moves every sleep to their own "
	    "firm, flat surface, and the foundations follow.",
	    LULL_EVIDENCE_GUIDELINE,
	    "AAP 2022 safe sleep, SS-02: no sofas or armchairs; block plans "
	    "that log a sofa (domain.md 5.2) [R48]" },
	[PLAN_WHY_SOFA_CHILD] = {
	    "First, a bed of their own. Sleeping on the sofa is not safe when "
	    "an adult might doze there too, so coaching waits: the first step "
	    "moves their sleep to their own bed, and the foundations follow.",
	    LULL_EVIDENCE_POLICY,
	    "lull policy, after AAP 2022 SS-02 (domain.md 5.2, 5.3) [R48]" },
	[PLAN_WHY_CLINICIAN_OK] = {
	    "Your clinician is happy for a plan to go ahead, so it is not "
	    "paused; keep the review below on your list.",
	    LULL_EVIDENCE_POLICY, "gate G5 (domain.md 5.1)" },
	[PLAN_WHY_CHOICE] = {
	    "You chose this method, and it suits your child's age, so the plan "
	    "uses it.",
	    LULL_EVIDENCE_POLICY,
	    "lull policy: the parent is the expert (product principle 3)" },
	[PLAN_WHY_CHOICE_M6_YOUNG] = {
	    "You chose cued care. At this age that is exactly what the "
	    "foundations are, so this plan is it.",
	    LULL_EVIDENCE_TRIAL,
	    "Ozturk 2021 [R32]; gate G1 (domain.md 5.1)" },
	[PLAN_WHY_CHOICE_PAUSED] = {
	    "The method you chose waits until the pause is over.",
	    LULL_EVIDENCE_POLICY, "gate G4 (domain.md 5.1)" },
	[PLAN_WHY_CHOICE_SOFA] = {
	    "Your choice of method is looked at again once they sleep in a "
	    "place of their own, not the sofa.",
	    LULL_EVIDENCE_GUIDELINE, "SS-02 (domain.md 5.2) [R48]" },
	[PLAN_WHY_CHOICE_SEP] = {
	    "Separation is hard for your child; camping out or the chair "
	    "method usually suits that best. We kept your choice and made "
	    "each step longer.",
	    LULL_EVIDENCE_TRIAL, "Kahn 2020 [R31]; domain.md 4.2" },
	[PLAN_WHY_M1] = {
	    "Bedtime fading: bedtime starts when they really fall asleep and "
	    "moves earlier in small steps. In trials it shortened the time to "
	    "fall asleep; it does little for night wakings.",
	    LULL_EVIDENCE_TRIAL,
	    "Gradisar 2016 [R23]; Adams & Rickert 1989 [R36]" },
	[PLAN_WHY_M2] = {
	    "Camping out: you stay in sight while your presence fades step "
	    "by step. In trials sleep improved, and children with strong "
	    "separation worries did better with it than with methods where "
	    "the parent steps out.",
	    LULL_EVIDENCE_TRIAL,
	    "Hiscock 2007 [R26]; Kahn 2020 [R31]; Raising Children Network "
	    "[R39]" },
	[PLAN_WHY_M3] = {
	    "The chair method: your chair moves a little further away every "
	    "few nights and you stay in sight throughout; it covers night "
	    "wakings too. It rests on practitioner experience and the same "
	    "idea as camping out.",
	    LULL_EVIDENCE_CONVENTION, "West [R40]" },
	[PLAN_WHY_M4] = {
	    "Gentle removal: they still feed or suck at bedtime, but learn to "
	    "drift off the last bit of the way without it. This is "
	    "practitioner experience, not a trial.",
	    LULL_EVIDENCE_CONVENTION, "Pantley [R41]" },
	[PLAN_WHY_M5] = {
	    "Pick up, put down: you lay them down and pick them up for comfort "
	    "whenever they need it. It suits babies who like to be held, from "
	    "4 to 12 months. This is practitioner experience, not a trial.",
	    LULL_EVIDENCE_CONVENTION, "Hogg [R42]" },
	[PLAN_WHY_M6] = {
	    "Cued care: follow their signals and offer less help only as they "
	    "show they are ready. In a trial, sleep improved as much as with "
	    "usual care, and more babies kept breastfeeding.",
	    LULL_EVIDENCE_TRIAL, "Ozturk 2021 [R32]" },
	[PLAN_WHY_M7] = {
	    "Night-feed reduction, slowly, with cuddles in place of the feed. "
	    "It is offered from 6 months when growth is normal, and it is your "
	    "choice, not a target: about 61% of 6- to 12-month-olds are still "
	    "fed at night.",
	    LULL_EVIDENCE_CONVENTION,
	    "Raising Children Network, night weaning [R39b]; Brown & Harries "
	    "2015 [R9]" },
	[PLAN_WHY_M8] = {
	    "Toward their own sleep space in stages: their own surface beside "
	    "you first, then further, with you there at each stage. "
	    "Room-sharing is advised ideally for the first 6 months, so their "
	    "own room comes only after that.",
	    LULL_EVIDENCE_CONVENTION, "West [R40]; AAP 2022 [R48]" },
	[PLAN_WHY_FOCUS_FED] = {
	    "One change at a time: we start with feeding to sleep. Any other "
	    "help they are used to stays as it is for now.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_FOCUS_ROCKED] = {
	    "One change at a time: we start with rocking to sleep. Any other "
	    "help they are used to stays as it is for now.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_FOCUS_HELD] = {
	    "One change at a time: we start with being held to sleep. Any "
	    "other help they are used to stays as it is for now.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_FOCUS_PACIFIER] = {
	    "One change at a time: we start with the pacifier at bedtime. Any "
	    "other help they are used to stays as it is for now.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_FOCUS_PARENT_LYING] = {
	    "One change at a time: we start with you lying down with them. "
	    "Any other help they are used to stays as it is for now.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_FOCUS_BED_SHARING] = {
	    "One change at a time: we change only where they sleep, and you "
	    "help them to sleep there the way they know.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_FOCUS_CAR_STROLLER] = {
	    "One change at a time: we start with falling asleep in the car or "
	    "buggy. Any other help they are used to stays as it is for now.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_FOCUS_PATTED] = {
	    "One change at a time: we start with patting to sleep. Any other "
	    "help they are used to stays as it is for now.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_FOCUS_NONE] = {
	    "One change at a time: only where you sit changes, step by step.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_FOCUS_TIME] = {
	    "One change at a time: bedtime fading moves the time, not how they "
	    "fall asleep.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_FOCUS_CUED] = {
	    "No fixed steps: you change one small thing only when they seem "
	    "ready.",
	    LULL_EVIDENCE_TRIAL, "Ozturk 2021 [R32]" },
	[PLAN_WHY_FOCUS_FEEDS] = {
	    "One change at a time: only the night feeds change. How they fall "
	    "asleep at bedtime stays as it is.",
	    LULL_EVIDENCE_CONVENTION, SRC_ONE_CHANGE },
	[PLAN_WHY_EVIDENCE] = {
	    "Methods where a parent stays have a smaller evidence base than "
	    "methods where the parent steps out, and we say so: most steps "
	    "here are practitioner experience. Studies of structured sleep "
	    "help from about 6 to 8 months found no long-term harm to "
	    "attachment or behaviour.",
	    LULL_EVIDENCE_TRIAL,
	    "Mindell 2006 review [R22]; Price 2012 [R24]; Gradisar 2016 [R23]; "
	    "domain.md 3.0 and 4.1" },
	[PLAN_WHY_SEP] = {
	    "Separation is hard for them, so the plan keeps you in their sight "
	    "the whole way and holds each step for 4 to 5 nights.",
	    LULL_EVIDENCE_TRIAL,
	    "Kahn 2020 [R31]; temperament rules (domain.md 4.2)" },
	[PLAN_WHY_PERSIST] = {
	    "They tell you strongly when something changes, so the steps are "
	    "smaller: an extra step where your hand rests still before you "
	    "move away.",
	    LULL_EVIDENCE_CONVENTION, SRC_PERSIST },
	[PLAN_WHY_PERSIST_NORUNG] = {
	    "They tell you strongly when something changes, so go gently: slow "
	    "the plan whenever a step feels too big.",
	    LULL_EVIDENCE_CONVENTION, SRC_PERSIST },
	[PLAN_WHY_SENS] = {
	    "Change unsettles them, so each step is held one night longer, and "
	    "the room and the routine stay the same.",
	    LULL_EVIDENCE_CONVENTION,
	    "West [R40d]; temperament rules (domain.md 4.2)" },
	[PLAN_WHY_ALERT] = {
	    "Very alert children settle best with a calm, unhurried parent at "
	    "bedtime: your calm presence is part of the plan.",
	    LULL_EVIDENCE_OBSERVATIONAL, "Jian & Teti 2016 [R47]" },
	[PLAN_WHY_TWO] = {
	    "With more than one of you for nights, take turns and do each step "
	    "the same way: consistency helps most.",
	    LULL_EVIDENCE_CONVENTION, "West [R40d]" },
	[PLAN_WHY_TWO_FEED] = {
	    "With more than one of you for nights, someone who does not "
	    "breastfeed can take the wakings while night feeds are reduced; "
	    "do each step the same way.",
	    LULL_EVIDENCE_CONVENTION, "West workbook [R40c]; West [R40d]" },
	[PLAN_WHY_ONE] = {
	    "You are doing the nights on your own: go at a pace you can keep, "
	    "slow the plan whenever you need to, and protect your own sleep "
	    "too.",
	    LULL_EVIDENCE_POLICY, "lull policy (product principle 7)" },
	[PLAN_WHY_FEEDS_YOUNG] = {
	    "Night feeds stay as they are under 6 months: babies this young "
	    "still need them, and many still feed 1 to 3 times a night.",
	    LULL_EVIDENCE_GUIDELINE,
	    "AAP [R73]; Henderson 2010 [R6]; night feeding by age (domain.md "
	    "5.4)" },
	[PLAN_WHY_FEEDS_GROWTH] = {
	    "Night feeds stay as they are until a doctor has reviewed their "
	    "growth.",
	    LULL_EVIDENCE_POLICY,
	    "night feeding by age and red flags (domain.md 5.4, 5.5); NICE "
	    "[R56]" },
	[PLAN_WHY_OWN_SPACE_YOUNG] = {
	    "Sharing your room, with your baby on their own surface, is "
	    "advised ideally for at least the first 6 months, so a move to "
	    "their own room waits.",
	    LULL_EVIDENCE_GUIDELINE, SRC_AAP },
};
/* clang-format on */
