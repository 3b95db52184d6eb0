/*
 * lull me ..., checkin ..., screen take/list/due: the adults' own
 * records (care.h).  Each belongs to the adult named by --as and stays
 * theirs: private unless they share it, and never changed or deleted by
 * anyone else.  The store enforces who sees what; these commands only
 * ask as the acting adult and say plainly who can see each record.
 * The helpers shared with cmd_couple.c live here too.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lull/care.h"
#include "lull/care_run.h"
#include "lull/json.h"
#include "lull/screen.h"

#include "cli_int.h"

#define DEFAULT_DAYS 30 /* me list, checkin list, screen list */

int
cli_me(struct cli *cli, struct lull_caregiver *me)
{
	enum lull_err rc;

	memset(me, 0, sizeof(*me));
	if (cli->as == NULL || cli->actor.caregiver_id <= 0)
		return cli_errx(EXIT_USAGE,
		    "%s is about your own records: say who you are with --as "
		    "NAME (or set LULL_AS)",
		    cli->cmd->name);
	rc = lull_store_caregiver_get(cli->st, cli->actor.caregiver_id, me);
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	return EXIT_OK;
}

int
cli_share_opt(struct cli *cli, enum lull_personal_kind kind, unsigned dflt,
    unsigned *out)
{
	*out = dflt;
	if (!cli_flag(cli, "share"))
		return EXIT_OK;
	return cli_share_text("share",
	    cli_opt(cli, "share") ? cli_opt(cli, "share") : "", kind, out);
}

int
cli_share_text(const char *opt, const char *text, enum lull_personal_kind kind,
    unsigned *out)
{
	struct lull_errinfo ei;

	if (*text == '\0')
		return cli_errx(EXIT_USAGE,
		    "--%s needs a value: partner, "
		    "consultant, partner,consultant or none",
		    opt);
	if (lull_share_parse(text, out, &ei) != LULL_OK)
		return cli_errx(EXIT_INVALID,
		    "--%s: \"%s\" is not one of partner, consultant, "
		    "partner,consultant, none",
		    opt, text);
	if (kind == LULL_PERSONAL_APPRECIATION)
		return cli_errx(EXIT_INVALID,
		    "--%s: a note is always seen by the one it is written to, "
		    "and by nobody else; it is not shared further",
		    opt);
	if (kind == LULL_PERSONAL_COUPLE && (*out & LULL_SHARE_CONSULTANT))
		return cli_errx(EXIT_INVALID,
		    "--%s: \"%s\": a couple check-in stays between the two of "
		    "you; share it with your partner or with nobody",
		    opt, text);
	return EXIT_OK;
}

int
cli_id_arg(const char *text, int64_t *id)
{
	const char *p = text[0] == '#' ? text + 1 : text;
	char *end;
	long long v;

	v = strtoll(p, &end, 10);
	if (end == p || *end != '\0' || v <= 0)
		return cli_errx(EXIT_USAGE,
		    "\"%s\" is not an id (lull me list shows them, e.g. #12)",
		    text);
	*id = v;
	return EXIT_OK;
}

/* Missing and not-yours are one answer, so an id says nothing about
 * someone else's records. */
static int
not_yours(int64_t id)
{
	return cli_errx(EXIT_NOTFOUND,
	    "no record #%lld among yours (lull me list shows them)",
	    (long long)id);
}

/* Record "id" if the acting adult wrote it (and, kind >= 0, of that
 * kind); every other case answers as not found (lull_personal_own()). */
static int
own_record(struct cli *cli, int64_t me, int64_t id, int kind,
    struct lull_personal *p)
{
	struct lull_errinfo ei;
	enum lull_err rc;

	rc = lull_personal_own(cli->st, cli->hh.id, me, id, kind, p, &ei);
	if (rc == LULL_ENOTFOUND)
		return not_yours(id);
	if (rc != LULL_OK)
		return cli_fail(cli, rc, &ei);
	return EXIT_OK;
}

int
cli_personal_list(struct cli *cli, int64_t me, int kind, int32_t from,
    int32_t to, struct lull_personalv *out)
{
	enum lull_err rc;

	rc = lull_store_personal_list(cli->st, cli->hh.id, me, kind, from, to,
	    out);
	return rc ? cli_fail_store(cli, rc) : EXIT_OK;
}

const char *
cli_visibility(struct cli *cli, const struct lull_personal *p, int64_t me,
    char *buf, size_t bufsz)
{
	return lull_personal_visibility(p, me,
	    cli_caregiver_name(cli, p->author_id),
	    cli_caregiver_name(cli, p->to_id), buf, bufsz);
}

static const char *
visibility_key(const struct lull_personal *p, int64_t me)
{
	if (p->kind == LULL_PERSONAL_APPRECIATION)
		return p->author_id == me ? "written_by_you" : "to_you";
	if (p->author_id != me)
		return "shared_with_you";
	return p->share ? "shared" : "private";
}

/* One line saying what the record holds. */
void
cli_personal_summary(struct cli *cli, const struct lull_personal *p, char *buf,
    size_t bufsz)
{
	const struct lull_screen_def *def;
	char a[16], b[16], d[16], band[32];

	switch (p->kind) {
	case LULL_PERSONAL_SLEEP:
		lull_time_format_hm(cli->tz, p->start_utc, a, sizeof(a));
		lull_time_format_hm(cli->tz, p->end_utc, b, sizeof(b));
		cli_fmt_dur(p->end_utc - p->start_utc, d, sizeof(d));
		snprintf(buf, bufsz, "slept %s-%s (%s)", a, b, d);
		return;
	case LULL_PERSONAL_CHECKIN:
		snprintf(buf, bufsz, "check-in: energy %d of 5, mood %d of 5",
		    (int)p->energy, (int)p->mood);
		return;
	case LULL_PERSONAL_SCREEN:
		def = lull_screen_find(p->instrument);
		lull_screen_band_words(p->band, band, sizeof(band));
		snprintf(buf, bufsz, "%s: %d of %d, %s",
		    def ? def->title : p->instrument, (int)p->total,
		    def ? lull_screen_max_total(def) : 0, band);
		return;
	case LULL_PERSONAL_COUPLE:
		lull_date_format_long(p->day, a, sizeof(a));
		snprintf(buf, bufsz, "couple check-in, week of %s", a);
		return;
	case LULL_PERSONAL_APPRECIATION:
		snprintf(buf, bufsz, "note to %s: \"%s\"",
		    cli_caregiver_name(cli, p->to_id),
		    p->appreciation ? p->appreciation : "");
		return;
	case LULL_PERSONAL_KIND__MAX:
		break;
	}
	snprintf(buf, bufsz, "%s", lull_personal_kind_words(p->kind));
}

static json_t *
jday(int32_t day)
{
	char buf[16];

	if (day == LULL_NO_DAY)
		return json_null();
	lull_date_format(day, buf, sizeof(buf));
	return json_string(buf);
}

/* Set, reporting failure (jansson's _new setters take the value either
 * way). */
static int
jset(json_t *o, const char *k, json_t *v)
{
	return v != NULL && json_object_set_new(o, k, v) == 0;
}

/*
 * The export's shape of the record (lull_json_personal(), docs/export.md)
 * with what a listing adds: whose it is to the reader and who sees it,
 * and for reading at a glance the sleep's minutes and a screen's title,
 * highest total and whether it is screen-positive.
 */
json_t *
cli_json_personal(struct cli *cli, const struct lull_personal *p, int64_t me)
{
	static struct lull_caregiverv cg;
	static int loaded;
	const struct lull_screen_def *def;
	struct lull_names nm = { NULL, &cg, 1 };
	json_t *o;
	int ok = 1;

	/* One run of the command lists one household's adults. */
	if (!loaded) {
		loaded = 1;
		if (lull_store_caregiver_list(cli->st, cli->hh.id, &cg) !=
		    LULL_OK)
			lull_caregiverv_free(&cg);
	}
	if ((o = lull_json_personal(p, cli->tz, &nm)) == NULL)
		return NULL;
	ok &= jset(o, "mine", json_boolean(p->author_id == me));
	ok &= jset(o, "visibility", json_string(visibility_key(p, me)));
	if (p->kind == LULL_PERSONAL_SLEEP)
		ok &= jset(o, "minutes",
		    json_integer((p->end_utc - p->start_utc) / 60));
	if (p->kind == LULL_PERSONAL_SCREEN &&
	    (def = lull_screen_find(p->instrument)) != NULL) {
		ok &= jset(o, "title", json_string(def->title));
		ok &= jset(o, "max_total",
		    json_integer(lull_screen_max_total(def)));
		ok &= jset(o, "positive",
		    json_boolean(p->total >= def->positive_at));
	}
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Records newest first as a JSON array; "mine_only" leaves out the
 * records of others. */
static int
print_json_list(struct cli *cli, const struct lull_personalv *v, int64_t me,
    int mine_only)
{
	json_t *a = json_array();
	size_t i;

	for (i = v->n; a != NULL && i-- > 0;) {
		if (mine_only && v->v[i].author_id != me)
			continue;
		if (json_array_append_new(a,
			cli_json_personal(cli, &v->v[i], me))) {
			json_decref(a);
			a = NULL;
		}
	}
	return cli_print_json(a);
}

/* --days N: the last N days to today. */
static int
days_opt(struct cli *cli, int32_t *from, int32_t *to)
{
	const char *v = cli_opt(cli, "days");
	int32_t n = DEFAULT_DAYS;
	int x;

	if (v != NULL && (x = cli_int("days", v, 1, 3660, &n)))
		return x;
	*to = lull_local_day(cli->tz, cli->now);
	*from = *to - n + 1;
	return EXIT_OK;
}

static int
dup_opt(struct cli *cli, const char *name, char **dst)
{
	const char *v = cli_opt(cli, name);

	if (v == NULL)
		return EXIT_OK;
	free(*dst);
	if ((*dst = strdup(v)) == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	return EXIT_OK;
}

/* A store refusal of a personal record, naming the option. */
static int
personal_fail(struct cli *cli, enum lull_err rc)
{
	const struct lull_errinfo *ei = lull_store_error(cli->st);

	if (rc == LULL_EINVAL && ei != NULL && ei->msg[0] != '\0')
		return cli_errx(EXIT_INVALID, "--%s", ei->msg);
	return cli_fail_store(cli, rc);
}

/*
 * lull me sleep --from TIME --to TIME: an adult's own night, shared with
 * the partner by default, since the side-by-side view of the nights and
 * the night rota need both adults' sleep.
 */
int
cmd_me_sleep(struct cli *cli)
{
	const char *from = cli_opt(cli, "from"), *to = cli_opt(cli, "to");
	struct lull_personal p, clash;
	struct lull_caregiver me;
	struct lull_errinfo ei;
	enum lull_err rc;
	char what[64], vis[64];
	int x, found;

	if ((x = cli_me(cli, &me)))
		return x;
	lull_caregiver_free(&me);
	lull_personal_init(&p);
	if (from == NULL || to == NULL)
		return cli_errx(EXIT_USAGE,
		    "me sleep: --from TIME and --to TIME are needed");
	if ((x = cli_time(cli, "from", from, INT64_MIN, LULL_NO_DAY,
		 &p.start_utc)) ||
	    (x = cli_time(cli, "to", to, p.start_utc, LULL_NO_DAY, &p.end_utc)))
		return x;
	if (p.end_utc > cli->now)
		return cli_errx(EXIT_INVALID,
		    "--to: \"%s\" is still to come; log a sleep once it has "
		    "ended",
		    to);
	if ((x = cli_share_opt(cli, LULL_PERSONAL_SLEEP, LULL_SHARE_PARTNER,
		 &p.share)))
		return x;
	p.kind = LULL_PERSONAL_SLEEP;
	p.household_id = cli->hh.id;
	p.author_id = cli->actor.caregiver_id;
	p.day = lull_local_day(cli->tz, p.start_utc);
	/* One body sleeps one sleep at a time. */
	if ((rc = lull_personal_sleep_clash(cli->st, cli->hh.id, p.author_id,
		 p.day, p.start_utc, p.end_utc, &clash, &found, &ei)))
		return cli_fail(cli, rc, &ei);
	if (found) {
		cli_personal_summary(cli, &clash, what, sizeof(what));
		x = cli_errx(EXIT_CONFLICT,
		    "--from/--to: this overlaps your sleep #%lld (%s); "
		    "change that one with lull me delete %lld first",
		    (long long)clash.id, what, (long long)clash.id);
		lull_personal_free(&clash);
		return x;
	}
	if (cli_opt(cli, "note") != NULL &&
	    (p.note = strdup(cli_opt(cli, "note"))) == NULL)
		return cli_errx(EXIT_FAIL, "out of memory");
	if ((rc = lull_store_personal_add(cli->st, &p, &cli->actor))) {
		lull_personal_free(&p);
		return personal_fail(cli, rc);
	}
	cli_personal_summary(cli, &p, what, sizeof(what));
	printf("Logged: you %s, #%lld, %s.\n", what, (long long)p.id,
	    cli_visibility(cli, &p, p.author_id, vis, sizeof(vis)));
	if (p.share & LULL_SHARE_PARTNER)
		printf("Your partner sees it next to their own nights; to keep "
		       "it to yourself: lull me share %lld --with none\n",
		    (long long)p.id);
	lull_personal_free(&p);
	return EXIT_OK;
}

int
cmd_me_list(struct cli *cli)
{
	struct lull_personalv v = { 0 };
	struct lull_caregiver me;
	int32_t from, to;
	char date[16], what[2200], vis[96];
	size_t i, n = 0;
	int x;

	if ((x = cli_me(cli, &me)))
		return x;
	if ((x = days_opt(cli, &from, &to)) ||
	    (x = cli_personal_list(cli, me.id, -1, from, to, &v))) {
		lull_caregiver_free(&me);
		return x;
	}
	if (cli->json) {
		x = print_json_list(cli, &v, me.id, 1);
		goto out;
	}
	for (i = v.n; i-- > 0;) {
		const struct lull_personal *p = &v.v[i];

		if (p->author_id != me.id)
			continue;
		if (n++ == 0)
			printf("Your own records, newest first:\n");
		lull_date_format(p->day, date, sizeof(date));
		cli_personal_summary(cli, p, what, sizeof(what));
		printf("#%-5lld %s  %s\n        %s\n", (long long)p->id, date,
		    what, cli_visibility(cli, p, me.id, vis, sizeof(vis)));
		if (p->note != NULL)
			printf("        note: %s\n", p->note);
	}
	if (n == 0)
		printf("Nothing of yours in these %d days yet.\n",
		    (int)(to - from + 1));
	else
		printf("\nShare or keep one: lull me share ID --with "
		       "partner|consultant|none.  Remove one: lull me delete "
		       "ID\n");
out:
	lull_personalv_free(&v);
	lull_caregiver_free(&me);
	return x;
}

int
cmd_me_share(struct cli *cli)
{
	const char *with = cli_opt(cli, "with");
	struct lull_caregiver me;
	struct lull_personal p;
	enum lull_err rc;
	char vis[96];
	int64_t id;
	unsigned share;
	int x;

	if ((x = cli_me(cli, &me)))
		return x;
	lull_caregiver_free(&me);
	if ((x = cli_id_arg(cli->a.pos[0], &id)))
		return x;
	if (with == NULL)
		return cli_errx(EXIT_USAGE,
		    "me share: say with whom: --with "
		    "partner, consultant, partner,consultant or none");
	if ((x = own_record(cli, cli->actor.caregiver_id, id, -1, &p)))
		return x;
	if ((x = cli_share_text("with", with, p.kind, &share)))
		goto out;
	p.share = share;
	if ((rc = lull_store_personal_update(cli->st, &p, &cli->actor))) {
		x = personal_fail(cli, rc);
		goto out;
	}
	printf("#%lld (your %s) is now %s.\n", (long long)id,
	    lull_personal_kind_words(p.kind),
	    cli_visibility(cli, &p, p.author_id, vis, sizeof(vis)));
out:
	lull_personal_free(&p);
	return x;
}

int
cmd_me_delete(struct cli *cli)
{
	struct lull_caregiver me;
	struct lull_personal p;
	enum lull_err rc;
	char date[16];
	int64_t id;
	int x;

	if ((x = cli_me(cli, &me)))
		return x;
	lull_caregiver_free(&me);
	if ((x = cli_id_arg(cli->a.pos[0], &id)) ||
	    (x = own_record(cli, cli->actor.caregiver_id, id, -1, &p)))
		return x;
	rc = lull_store_personal_delete(cli->st, id, &cli->actor);
	if (rc == LULL_ENOTFOUND)
		x = not_yours(id);
	else if (rc != LULL_OK)
		x = cli_fail_store(cli, rc);
	else {
		lull_date_format(p.day, date, sizeof(date));
		printf("Deleted #%lld, your %s of %s.\n", (long long)id,
		    lull_personal_kind_words(p.kind), date);
	}
	lull_personal_free(&p);
	return x;
}

/* energy and mood from --energy and --mood, when given. */
static int
checkin_opts(struct cli *cli, struct lull_personal *p)
{
	const char *v;
	int x;

	if ((v = cli_opt(cli, "energy")) != NULL &&
	    (x = cli_int("energy", v, LULL_CHECKIN_MIN, LULL_CHECKIN_MAX,
		 &p->energy)))
		return x;
	if ((v = cli_opt(cli, "mood")) != NULL &&
	    (x = cli_int("mood", v, LULL_CHECKIN_MIN, LULL_CHECKIN_MAX,
		 &p->mood)))
		return x;
	return dup_opt(cli, "note", &p->note);
}

/* A few kind words after a check-in; never a verdict. */
static void
checkin_words(const struct lull_personal *p)
{
	if (p->energy <= LULL_CHECKIN_LOW)
		printf("%s\n", lull_checkin_low_energy_words);
	if (p->mood <= LULL_CHECKIN_LOW)
		printf("%s: lull screen questions phq2\n",
		    lull_checkin_low_mood_words);
}

int
cmd_checkin(struct cli *cli)
{
	const char *day = cli_opt(cli, "day");
	struct lull_caregiver me;
	struct lull_personal p, had;
	struct lull_errinfo ei;
	enum lull_err rc;
	int32_t today = lull_local_day(cli->tz, cli->now);
	char date[32], vis[64];
	int x, found;

	if ((x = cli_me(cli, &me)))
		return x;
	lull_caregiver_free(&me);
	lull_personal_init(&p);
	lull_personal_init(&had);
	if (cli_opt(cli, "energy") == NULL || cli_opt(cli, "mood") == NULL)
		return cli_errx(EXIT_USAGE,
		    "checkin: --energy N and --mood N are needed, each from 1 "
		    "(very low) to 5 (good)");
	p.kind = LULL_PERSONAL_CHECKIN;
	p.household_id = cli->hh.id;
	p.author_id = cli->actor.caregiver_id;
	p.day = today;
	if (day != NULL && (x = cli_date(cli, "day", day, &p.day)))
		return x;
	/* When it was made, for a check-in made on its day. */
	if (p.day == today)
		p.start_utc = cli->now;
	if (p.day > today)
		return cli_errx(EXIT_INVALID,
		    "--day: \"%s\" is still to come; check in on the day "
		    "itself",
		    day);
	if ((x = cli_share_opt(cli, LULL_PERSONAL_CHECKIN, 0, &p.share)) ||
	    (x = checkin_opts(cli, &p)))
		goto out;
	/* One a day: say which one there is, and how to change it. */
	if ((rc = lull_personal_own_on(cli->st, cli->hh.id, p.author_id,
		 LULL_PERSONAL_CHECKIN, p.day, &had, &found, &ei))) {
		x = cli_fail(cli, rc, &ei);
		goto out;
	}
	lull_date_format(p.day, date, sizeof(date));
	if (found) {
		x = cli_errx(EXIT_CONFLICT,
		    "--day: you already checked in on %s (#%lld); change it "
		    "with: lull checkin edit %lld --energy N --mood N",
		    date, (long long)had.id, (long long)had.id);
		goto out;
	}
	if ((rc = lull_store_personal_add(cli->st, &p, &cli->actor))) {
		x = rc == LULL_ECONFLICT
		    ? cli_errx(EXIT_CONFLICT,
			  "--day: you already checked in on %s; lull checkin "
			  "list shows it, lull checkin edit ID changes it",
			  date)
		    : personal_fail(cli, rc);
		goto out;
	}
	printf("Thank you for checking in%s%s: energy %d of 5, mood %d of 5. "
	       "#%lld, %s.\n",
	    p.day == today ? "" : " for ", p.day == today ? "" : date,
	    (int)p.energy, (int)p.mood, (long long)p.id,
	    cli_visibility(cli, &p, p.author_id, vis, sizeof(vis)));
	checkin_words(&p);
out:
	lull_personal_free(&had);
	lull_personal_free(&p);
	return x;
}

int
cmd_checkin_edit(struct cli *cli)
{
	struct lull_caregiver me;
	struct lull_personal p;
	enum lull_err rc;
	unsigned share;
	char vis[64];
	int64_t id;
	int x;

	if ((x = cli_me(cli, &me)))
		return x;
	lull_caregiver_free(&me);
	if ((x = cli_id_arg(cli->a.pos[0], &id)))
		return x;
	if (cli_opt(cli, "energy") == NULL && cli_opt(cli, "mood") == NULL &&
	    cli_opt(cli, "note") == NULL && !cli_flag(cli, "share"))
		return cli_errx(EXIT_USAGE,
		    "checkin edit: nothing to change "
		    "(give --energy, --mood, --note or --share)");
	if ((x = own_record(cli, cli->actor.caregiver_id, id,
		 LULL_PERSONAL_CHECKIN, &p)))
		return x;
	share = p.share;
	if ((x = cli_share_opt(cli, LULL_PERSONAL_CHECKIN, share, &share)) ||
	    (x = checkin_opts(cli, &p)))
		goto out;
	p.share = share;
	if ((rc = lull_store_personal_update(cli->st, &p, &cli->actor))) {
		x = personal_fail(cli, rc);
		goto out;
	}
	printf("Updated check-in #%lld: energy %d of 5, mood %d of 5, %s.\n",
	    (long long)id, (int)p.energy, (int)p.mood,
	    cli_visibility(cli, &p, p.author_id, vis, sizeof(vis)));
out:
	lull_personal_free(&p);
	return x;
}

int
cmd_checkin_list(struct cli *cli)
{
	struct lull_personalv v = { 0 };
	struct lull_caregiver me;
	int32_t from, to;
	char date[16], vis[96];
	size_t i;
	int x;

	if ((x = cli_me(cli, &me)))
		return x;
	if ((x = days_opt(cli, &from, &to)) ||
	    (x = cli_personal_list(cli, me.id, LULL_PERSONAL_CHECKIN, from, to,
		 &v)))
		goto out;
	if (cli->json) {
		x = print_json_list(cli, &v, me.id, 0);
		goto out;
	}
	if (v.n == 0)
		printf("No check-ins in these %d days. Start one with: lull "
		       "checkin --energy N --mood N (1 very low .. 5 good)\n",
		    (int)(to - from + 1));
	for (i = v.n; i-- > 0;) {
		const struct lull_personal *p = &v.v[i];
		const char *who = p->author_id == me.id
		    ? "you"
		    : cli_caregiver_name(cli, p->author_id);

		lull_date_format(p->day, date, sizeof(date));
		printf("%s  %-10s energy %d of 5, mood %d of 5   %s", date, who,
		    (int)p->energy, (int)p->mood,
		    cli_visibility(cli, p, me.id, vis, sizeof(vis)));
		if (p->author_id == me.id)
			printf("  #%lld", (long long)p->id);
		printf("\n");
		if (p->note != NULL)
			printf("            \"%s\"\n", p->note);
	}
out:
	lull_personalv_free(&v);
	lull_caregiver_free(&me);
	return x;
}

/*
 * --answers: one whole number per item.  The count and the range are
 * the library's to judge (lull_screen_score() names the item); here only
 * what is not a number at all.
 */
static int
answers_parse(const char *text, int *v, size_t max, size_t *n)
{
	const char *p = text;
	size_t k = 0;

	for (;;) {
		char *end;
		long x;

		while (*p == ' ')
			p++;
		x = strtol(p, &end, 10);
		if (end == p || (*end != ',' && *end != ' ' && *end != '\0')) {
			const char *c = strchr(p, ',');
			int len = c ? (int)(c - p) : (int)strlen(p);

			return cli_errx(EXIT_INVALID,
			    "--answers: item %zu: \"%.*s\" is not a whole "
			    "number from 0 to %d",
			    k + 1, len > 20 ? 20 : len, p,
			    LULL_SCREEN_ANSWER_MAX);
		}
		if (k < max)
			v[k] = x > 99 ? 99 : x < -99 ? -99 : (int)x;
		k++;
		p = end;
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if (*p != ',')
			return cli_errx(EXIT_INVALID,
			    "--answers: item %zu is not a whole number from 0 "
			    "to %d",
			    k, LULL_SCREEN_ANSWER_MAX);
		p++;
	}
	*n = k;
	return EXIT_OK;
}

static json_t *
jhelp(const struct lull_screen_help *h)
{
	json_t *lines = json_array();
	char text[4096];
	size_t i;

	for (i = 0; lines != NULL && i < h->nlines; i++)
		json_array_append_new(lines, json_string(h->lines[i]));
	(void)lull_screen_help_text(h, text, sizeof(text));
	return json_pack("{s:s,s:s,s:o*,s:b,s:s,s:s,s:b,s:s,s:s}", "headline",
	    h->headline, "emergency", h->emergency, "crisis_lines", lines,
	    "defaults", h->defaults, "clinician", h->clinician, "plan", h->plan,
	    "plan_paused", 0, "plan_resume", "lull plan resume", "text", text);
}

static int
screen_result_json(struct cli *cli, const struct lull_personal *p,
    const struct lull_screen_def *def, const struct lull_screen_result *r,
    const struct lull_screen_help *h, const char *advice, int paused)
{
	json_t *o = json_object(), *rec;
	const char *k;
	json_t *v;

	if (o == NULL)
		return cli_print_json(NULL);
	/* The help leads, in the JSON as on the screen. */
	jset(o, "help", r->self_harm ? jhelp(h) : json_null());
	if (r->self_harm)
		json_object_set_new(json_object_get(o, "help"), "plan_paused",
		    json_boolean(paused > 0));
	if ((rec = cli_json_personal(cli, p, p->author_id)) == NULL) {
		json_decref(o);
		return cli_print_json(NULL);
	}
	json_object_foreach(rec, k, v) json_object_set(o, k, v);
	json_decref(rec);
	jset(o, "full_form",
	    r->positive && def->full_form ? json_string(def->full_form)
					  : json_null());
	jset(o, "advice", json_string(advice));
	jset(o, "copyright", json_string(def->copyright));
	return cli_print_json(o);
}

/*
 * lull screen take: score, store (private unless shared) and answer in
 * warm words.  When the self-harm item is above 0 the crisis help is the
 * very first thing printed, before the journal is even looked at for
 * who is asking, so no refusal or failure can hide it.
 *
 * With the self-harm item above 0 the household's running sleep plans
 * pause (domain.md 6.2), as a plain pause by this adult with no note:
 * every adult sees a plan's history, and a pause by a parent is an
 * everyday thing there, so it tells a partner nothing of this private
 * answer.
 */
int
cmd_screen_take(struct cli *cli)
{
	const struct lull_screen_def *def;
	const char *text = cli_opt(cli, "answers"), *as = cli->as;
	struct lull_screen_result r;
	struct lull_screen_help h;
	struct lull_household none = { 0 };
	struct lull_caregiver me;
	struct lull_personal p;
	struct lull_errinfo ei;
	struct lull_crisis_lines l;
	enum lull_err rc;
	char help[4096], band[32], vis[96];
	int answers[64], x, opened, paused = 0;
	size_t n = 0, i;

	if ((def = lull_screen_find(cli->a.pos[0])) == NULL)
		return cli_errx(EXIT_INVALID,
		    "unknown instrument \"%s\": choose one of %s",
		    cli->a.pos[0], LULL_SCREEN_NAMES);
	if (text == NULL)
		return cli_errx(EXIT_USAGE,
		    "screen take: --answers is needed, one 0-3 for each item, "
		    "item 1 first (see lull screen questions %s)",
		    def->name);
	if ((x = answers_parse(text, answers,
		 sizeof(answers) / sizeof(answers[0]), &n)))
		return x;
	if (n > sizeof(answers) / sizeof(answers[0]))
		n = sizeof(answers) / sizeof(answers[0]);
	if ((rc = lull_screen_score(def, answers, n, &r, &ei)))
		return cli_errx(cli_exit_of(rc), "--answers: %s", ei.msg);
	/* The household's own lines, if the journal opens; else the
	 * defaults.  --as is checked after the help is out. */
	cli->as = NULL;
	x = cli_open(cli, CLI_NEEDS_HOUSEHOLD);
	cli->as = as;
	opened = x == EXIT_OK;
	lull_crisis_help(opened ? &cli->hh : &none, &l, &h);
	h.plan = lull_screen_plan_paused_words;
	if (r.self_harm && !cli->json) {
		(void)lull_screen_help_text(&h, help, sizeof(help));
		printf("%s\n", help);
		fflush(stdout);
	}
	if (x == EXIT_OK && cli->as != NULL)
		x = cli_caregiver(cli, "as", cli->as, &cli->actor.caregiver_id);
	if (x == EXIT_OK && (x = cli_me(cli, &me)) == EXIT_OK)
		lull_caregiver_free(&me);
	lull_personal_init(&p);
	if (x == EXIT_OK)
		x = cli_share_opt(cli, LULL_PERSONAL_SCREEN, 0, &p.share);
	if (x != EXIT_OK) {
		/* Refused: in JSON too, the help is not lost. */
		if (r.self_harm && cli->json)
			(void)cli_print_json(json_pack("{s:o}", "help",
			    jhelp(&h)));
		return x;
	}
	p.kind = LULL_PERSONAL_SCREEN;
	p.household_id = cli->hh.id;
	p.author_id = cli->actor.caregiver_id;
	p.day = lull_local_day(cli->tz, cli->now);
	p.start_utc = cli->now;
	snprintf(p.instrument, sizeof(p.instrument), "%s", def->name);
	for (i = 0; i < n && i < LULL_SCREEN_MAXITEMS; i++)
		p.answers[i] = answers[i];
	p.nanswers = (int)i;
	if ((rc = lull_store_personal_add(cli->st, &p, &cli->actor))) {
		x = personal_fail(cli, rc);
		if (r.self_harm && cli->json)
			(void)cli_print_json(json_pack("{s:o}", "help",
			    jhelp(&h)));
		lull_personal_free(&p);
		return x;
	}
	if (r.self_harm && (x = cli_plan_pause_quietly(cli, &paused))) {
		lull_personal_free(&p);
		return x;
	}
	if (cli->json) {
		x = screen_result_json(cli, &p, def, &r, &h,
		    r.self_harm ? lull_screen_self_harm_words : r.advice, paused);
		lull_personal_free(&p);
		return x;
	}
	if (paused > 0)
		printf("The sleep plan is paused (its history shows a pause "
		       "by you, nothing more). lull plan resume starts it "
		       "again whenever you are ready.\n\n");
	lull_screen_band_words(r.band, band, sizeof(band));
	printf("%s: %d of %d, %s%s.\n\n%s\n", def->title, r.total,
	    lull_screen_max_total(def), band,
	    r.positive && def->full_form == NULL ? " (screen-positive)" : "",
	    r.self_harm ? lull_screen_self_harm_words : r.advice);
	if (strstr(r.advice, "not a diagnosis") == NULL && !r.self_harm)
		printf("This is a screen, not a diagnosis.\n");
	if (r.positive && def->full_form != NULL && !r.self_harm)
		printf("\nThe full form: lull screen questions %s\n",
		    def->full_form);
	printf("\nKept as #%lld, %s.", (long long)p.id,
	    cli_visibility(cli, &p, p.author_id, vis, sizeof(vis)));
	if (p.share == 0)
		printf(" If you would like someone to know, you can share it: "
		       "lull me share %lld --with partner|consultant",
		    (long long)p.id);
	printf("\n\n%s\n", def->copyright);
	lull_personal_free(&p);
	return EXIT_OK;
}

int
cmd_screen_list(struct cli *cli)
{
	struct lull_personalv v = { 0 };
	struct lull_caregiver me;
	int32_t from, to;
	char date[16], what[128], vis[96];
	size_t i;
	int x;

	if ((x = cli_me(cli, &me)))
		return x;
	if ((x = days_opt(cli, &from, &to)) ||
	    (x = cli_personal_list(cli, me.id, LULL_PERSONAL_SCREEN, from, to,
		 &v)))
		goto out;
	if (cli->json) {
		x = print_json_list(cli, &v, me.id, 0);
		goto out;
	}
	if (v.n == 0)
		printf("No mood screens in these %d days. lull screen due says "
		       "when one is offered; you can take one any time.\n",
		    (int)(to - from + 1));
	for (i = v.n; i-- > 0;) {
		const struct lull_personal *p = &v.v[i];
		const char *who = p->author_id == me.id
		    ? "you"
		    : cli_caregiver_name(cli, p->author_id);

		lull_date_format(p->day, date, sizeof(date));
		cli_personal_summary(cli, p, what, sizeof(what));
		printf("%s  %-10s %s   %s", date, who, what,
		    cli_visibility(cli, p, me.id, vis, sizeof(vis)));
		if (p->author_id == me.id)
			printf("  #%lld", (long long)p->id);
		printf("\n");
		if (p->self_harm && p->author_id == me.id)
			printf("            This one spoke of thoughts of "
			       "hurting yourself. If they are with you "
			       "now, please reach out: lull settings shows "
			       "the crisis lines.\n");
		else if (p->self_harm)
			printf("            %s shared that they have had "
			       "thoughts of hurting themselves. Please be "
			       "with them today and help them reach a "
			       "clinician; lull settings shows the crisis "
			       "lines.\n",
			    who);
	}
	if (v.n > 0)
		printf("\nA screen, not a diagnosis.\n");
out:
	lull_personalv_free(&v);
	lull_caregiver_free(&me);
	return x;
}

int
cmd_screen_due(struct cli *cli)
{
	struct lull_screen_offer o;
	struct lull_caregiver me;
	struct lull_errinfo ei;
	enum lull_err rc;
	int32_t today = lull_local_day(cli->tz, cli->now);
	int follow = cli_flag(cli, "follow-up");
	char born[16], next[16];
	int x;

	if ((x = cli_me(cli, &me)))
		return x;
	rc = lull_screen_offer(cli->st, cli->hh.id, &me, today, follow, &o,
	    &ei);
	if (rc == LULL_ENOTFOUND && strcmp(ei.field, "child") == 0) {
		x = cli_errx(EXIT_NOTFOUND,
		    "no child yet; add one with: lull "
		    "child add NAME --born YYYY-MM-DD");
		goto out;
	}
	if (rc != LULL_OK) {
		x = cli_fail(cli, rc, &ei);
		goto out;
	}
	lull_date_format(o.child.born_day, born, sizeof(born));
	if (cli->json) {
		x = cli_print_json(json_pack("{s:b,s:o,s:o,s:s,s:s,s:s,s:o,s:"
					     "b}",
		    "due", o.due.due, "milestone_months",
		    o.due.months > 0 ? json_integer(o.due.months) : json_null(),
		    "next", jday(o.due.next_day), "why", o.due.why, "child",
		    o.child.name, "born", born, "last_screen", jday(o.last),
		    "follow_up", follow));
		goto out;
	}
	printf("%s\n", o.due.why);
	if (o.due.due)
		printf("\nWhen it suits you: lull screen questions phq9 shows "
		       "the questions, lull screen take phq9 --answers "
		       "A,B,... keeps your answers, just for you. (phq2 is "
		       "the two-question version.)\n");
	else if (o.due.next_day != LULL_NO_DAY) {
		lull_date_format(o.due.next_day, next, sizeof(next));
		printf("The next one is offered from %s. You can take one any "
		       "time.\n",
		    next);
	}
out:
	lull_screen_offer_free(&o);
	lull_caregiver_free(&me);
	return x;
}
