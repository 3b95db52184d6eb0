/*
 * The parents' own records: each kind's rules, the privacy rule, shares
 * and rituals, without a store.
 * SPDX-License-Identifier: ISC
 */
#include <stdlib.h>
#include <string.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "t.h"

#define ANNA 1
#define BEN  2
#define KIM  3
#define OMA  4

static int32_t monday; /* 2026-11-16 */

static void
rec(struct lull_personal *p, enum lull_personal_kind k)
{
	lull_personal_init(p);
	p->household_id = 1;
	p->author_id = ANNA;
	p->kind = k;
	p->day = monday + 2;
}

static void
test_visible(void)
{
	struct lull_personal p;

	rec(&p, LULL_PERSONAL_CHECKIN);
	/* Private: only the author. */
	T_CHECK(lull_personal_visible(&p, ANNA, LULL_ROLE_PARENT));
	T_CHECK(!lull_personal_visible(&p, BEN, LULL_ROLE_PARENT));
	T_CHECK(!lull_personal_visible(&p, KIM, LULL_ROLE_CONSULTANT));
	T_CHECK(!lull_personal_visible(&p, OMA, LULL_ROLE_HELPER));
	T_CHECK(!lull_personal_visible(&p, 0, LULL_ROLE_PARENT));
	/* Shared with partners: parents, not the consultant or a helper. */
	p.share = LULL_SHARE_PARTNER;
	T_CHECK(lull_personal_visible(&p, BEN, LULL_ROLE_PARENT));
	T_CHECK(!lull_personal_visible(&p, KIM, LULL_ROLE_CONSULTANT));
	T_CHECK(!lull_personal_visible(&p, OMA, LULL_ROLE_HELPER));
	/* With a consultant only. */
	p.share = LULL_SHARE_CONSULTANT;
	T_CHECK(!lull_personal_visible(&p, BEN, LULL_ROLE_PARENT));
	T_CHECK(lull_personal_visible(&p, KIM, LULL_ROLE_CONSULTANT));
	T_CHECK(!lull_personal_visible(&p, OMA, LULL_ROLE_HELPER));
	/* An appreciation reaches the one it is written to, nobody else. */
	rec(&p, LULL_PERSONAL_APPRECIATION);
	p.to_id = OMA;
	T_CHECK(lull_personal_visible(&p, OMA, LULL_ROLE_HELPER));
	T_CHECK(!lull_personal_visible(&p, BEN, LULL_ROLE_PARENT));
}

static void
test_checks(void)
{
	struct lull_personal p;
	struct lull_errinfo ei;
	int i;

	rec(&p, LULL_PERSONAL_CHECKIN);
	p.energy = 3;
	p.mood = 6;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "mood");
	p.mood = 1;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_OK);
	p.author_id = 0;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "as");
	p.author_id = ANNA;
	p.day = LULL_NO_DAY;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "day");

	/* A screen is scored from its answers, whatever the caller said. */
	rec(&p, LULL_PERSONAL_SCREEN);
	strcpy(p.instrument, "phq9");
	p.start_utc = 1700000000;
	p.nanswers = 9;
	for (i = 0; i < 9; i++)
		p.answers[i] = 0;
	p.answers[8] = 1;
	p.total = 20;
	strcpy(p.band, "severe");
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_OK);
	T_EQ_INT(p.total, 1);
	T_EQ_STR(p.band, "minimal");
	T_EQ_INT(p.self_harm, 1);
	p.nanswers = 8;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "answers");
	strcpy(p.instrument, "epds");
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "instrument");

	/* An adult's sleep: finished, forward, not a day long. */
	rec(&p, LULL_PERSONAL_SLEEP);
	p.start_utc = 1700000000;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "end");
	p.end_utc = p.start_utc + 21 * 3600;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	p.end_utc = p.start_utc + 5 * 3600;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_OK);

	/* The couple check-in: on a Monday, with something in it. */
	rec(&p, LULL_PERSONAL_COUPLE);
	p.day = monday;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "appreciation");
	p.repair = strdup("  ");
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	p.need = strdup("an hour to myself on Saturday");
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_OK);
	p.day = monday + 1;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "day");
	lull_personal_free(&p);

	/* An appreciation goes to someone else and says something. */
	rec(&p, LULL_PERSONAL_APPRECIATION);
	p.start_utc = 1700000000;
	p.appreciation = strdup("thank you for the 3 a.m. shift");
	p.to_id = ANNA;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "to");
	p.to_id = BEN;
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_OK);
	free(p.note);
	p.note = malloc(LULL_PERSONAL_TEXT_MAX + 2);
	memset(p.note, 'x', LULL_PERSONAL_TEXT_MAX + 1);
	p.note[LULL_PERSONAL_TEXT_MAX + 1] = '\0';
	T_EQ_INT(lull_personal_check(&p, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "note");
	lull_personal_free(&p);
}

static void
test_share_and_names(void)
{
	struct lull_errinfo ei;
	unsigned sh;
	char buf[32];

	T_EQ_INT(lull_share_parse("partner,consultant", &sh, &ei), LULL_OK);
	T_EQ_INT(sh, LULL_SHARE_PARTNER | LULL_SHARE_CONSULTANT);
	lull_share_format(sh, buf, sizeof(buf));
	T_EQ_STR(buf, "partner,consultant");
	T_EQ_INT(lull_share_parse("none", &sh, &ei), LULL_OK);
	T_EQ_INT(sh, 0);
	lull_share_format(sh, buf, sizeof(buf));
	T_EQ_STR(buf, "none");
	T_EQ_INT(lull_share_parse("partner,everyone", &sh, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "share");
	T_CHECK(strstr(ei.msg, "everyone") != NULL);
	T_EQ_INT(lull_role_parse("consultant"), LULL_ROLE_CONSULTANT);
	T_EQ_INT(lull_role_parse("boss"), -1);
	T_EQ_STR(lull_night_feeds_name(LULL_NIGHT_BREAST), "breast");
	T_EQ_INT(lull_personal_kind_parse("appreciation"),
	    LULL_PERSONAL_APPRECIATION);
	T_CHECK(lull_personal_kind_name(LULL_PERSONAL_KIND__MAX) == NULL);
}

static void
test_rituals(void)
{
	struct lull_ritual r;
	struct lull_errinfo ei;

	lull_ritual_init(&r);
	T_EQ_INT(lull_ritual_check(&r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "name");
	r.name = strdup("six-second kiss");
	T_EQ_INT(lull_ritual_check(&r, &ei), LULL_OK);
	T_CHECK(lull_ritual_due(&r, monday));
	T_CHECK(lull_ritual_due(&r, monday + 3));
	r.every = LULL_RITUAL_WEEKLY;
	r.weekday = 7;
	T_EQ_INT(lull_ritual_check(&r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "weekday");
	r.weekday = 4; /* Friday */
	T_EQ_INT(lull_ritual_check(&r, &ei), LULL_OK);
	T_CHECK(!lull_ritual_due(&r, monday));
	T_CHECK(lull_ritual_due(&r, monday + 4));
	T_CHECK(lull_ritual_due(&r, monday + 11));
	r.at_min = 1440;
	T_EQ_INT(lull_ritual_check(&r, &ei), LULL_EINVAL);
	T_EQ_STR(ei.field, "at");
	lull_ritual_free(&r);
}

static void
setup(void)
{
	monday = lull_days_from_civil(2026, 11, 16);
}

static const struct t_case cases[] = {
	{ "setup", setup },
	{ "who sees what", test_visible },
	{ "rules by kind", test_checks },
	{ "shares and names", test_share_and_names },
	{ "rituals", test_rituals },
};

T_MAIN(cases)
