/*
 * The lull command: shared state and helpers for the cmd_*.c files.
 * Not part of liblull.
 * SPDX-License-Identifier: ISC
 */
#ifndef CLI_INT_H
#define CLI_INT_H

#include <stdint.h>
#include <stdio.h>

#include "lull/cal.h"
#include "lull/care.h"
#include "lull/err.h"
#include "lull/model.h"
#include "lull/store.h"
#include "lull/tz.h"

/*
 * Exit codes, documented in --help, the README and lull(1).  They follow
 * the error codes so scripts can tell a typo from a clash.
 */
enum cli_exit {
	EXIT_OK = 0,
	EXIT_FAIL = 1,	   /* database or file failure */
	EXIT_USAGE = 2,	   /* bad command line: unknown option, missing arg */
	EXIT_INVALID = 3,  /* a value is malformed or breaks a rule */
	EXIT_NOTFOUND = 4, /* unknown child, caregiver, entry or journal */
	EXIT_CONFLICT = 5  /* overlapping sleeps, duplicate name, stale edit */
};

#define CLI_MAXOPT 24
#define CLI_MAXPOS 64 /* lull import takes many files */
#define CLI_MAXMULTI 16

/*
 * Parsed arguments of one command.  Options are written "--name value"
 * or "--name=value"; a spec string lists them: "born=" takes a value,
 * "json" is a flag, "waking*" may be given several times.
 */
struct cli_args {
	const char *names[CLI_MAXOPT];
	const char *vals[CLI_MAXOPT];
	int nopt;
	const char *multi[CLI_MAXMULTI]; /* values of the one "x*" option */
	int nmulti;
	char *pos[CLI_MAXPOS];
	int npos;
};

struct cli {
	const char *db;	   /* path of the SQLite file */
	const char *as;	   /* caregiver name logging entries, or NULL */
	int json;	   /* --json */
	int64_t now;	   /* the clock, read once (LULL_NOW overrides) */
	struct lull_store *st;
	struct lull_household hh;
	struct lull_tz *tz;
	struct lull_actor actor;
	const struct cli_cmd *cmd;
	struct cli_args a;
};

struct cli_cmd {
	const char *name;  /* "child add" */
	const char *usage; /* options after the name */
	const char *help;  /* a paragraph for --help */
	const char *opts;  /* option spec, space separated */
	int min_pos, max_pos;
	int needs; /* CLI_NEEDS_* */
	int (*run)(struct cli *);
};

#define CLI_NEEDS_NOTHING   0
#define CLI_NEEDS_STORE	    1 /* open the file (create it) */
#define CLI_NEEDS_HOUSEHOLD 2 /* an initialised journal */

/* A whole file ("-": standard input), NUL-terminated; see cli_util.c. */
int cli_read_file(const char *opt, const char *path, size_t max, char **out,
    size_t *len);

/* Open the journal as a command needs it (see main.c). */
int cli_open(struct cli *, int needs);

/* Option access. */
const char *cli_opt(const struct cli *, const char *name);
int cli_flag(const struct cli *, const char *name);

/* Report an error from the library and return the matching exit code. */
int cli_fail(const struct cli *, enum lull_err, const struct lull_errinfo *);
/* Report a store error. */
int cli_fail_store(const struct cli *, enum lull_err);
/* Print "lull: ..." and return "code". */
int cli_errx(int code, const char *fmt, ...) LULL_PRINTF(2, 3);
int cli_exit_of(enum lull_err);

/*
 * Values from options, each failing with a message that names the option
 * and quotes the value.  The parse_time helpers print a note to stderr
 * when a DST gap or overlap had to be resolved.
 */
int cli_time(struct cli *, const char *opt, const char *text, int64_t after,
    int32_t day, int64_t *utc);
int cli_date(struct cli *, const char *opt, const char *text, int32_t *day);
int cli_int(const char *opt, const char *text, int32_t lo, int32_t hi,
    int32_t *out);
int cli_yesno(const char *opt, const char *text, int *out);
int cli_enum(const char *opt, const char *text, int (*parse)(const char *),
    const char *names, int *out);

#define CLI_PLACES                                                          \
	"own-room-cot, parents-room-cot, sidecar, parents-bed, arms, pram, " \
	"car-seat, carrier, sofa, other"
#define CLI_RESPONSES                                                       \
	"none, presence, voice, pat, hold, rock, feed, pacifier, "           \
	"brought-to-bed, other"
#define CLI_TAGS \
	"ill, teething, travel, milestone, childcare, vaccination, other"

/* The child named by --child, or the only child of the household. */
int cli_child(struct cli *, struct lull_child *out);
/* The caregiver called "name"; LULL_ENOTFOUND is reported. */
int cli_caregiver(struct cli *, const char *opt, const char *name,
    int64_t *id);
/* Name of caregiver "id" ("" if 0 or unknown), cached per run. */
const char *cli_caregiver_name(struct cli *, int64_t id);

/* Local formatting for listings and messages. */
void cli_fmt_time(const struct cli *, int64_t utc, char *buf, size_t bufsz);
void cli_fmt_dur(int64_t sec, char *buf, size_t bufsz);

/* Options shared by an entry's add and edit commands (cmd_sleep.c). */
int cli_sleep_opts(struct cli *, struct lull_sleep *);
int cli_feed_opts(struct cli *, struct lull_feed *);
int cli_tag_opts(struct cli *, struct lull_tag *);

/* JSON out: print and free. */
struct json_t;
int cli_print_json(struct json_t *);

/*
 * One child's journal for the analytics commands (cmd_report.c): the
 * child (--child, or the only one), the household's caregivers, and the
 * sleeps, feeds and tags of [from_utc, to_utc) (lull/report.h loads it).
 */
struct lull_stats_in;
struct lull_journal;
int cli_journal_load(struct cli *, int64_t from_utc, int64_t to_utc,
    struct lull_journal *);
/* What days [from, to] need (lull_stats_days()). */
int cli_journal_days(struct cli *, int32_t from, int32_t to,
    struct lull_journal *);
void cli_journal_free(struct lull_journal *);
const char *cli_journal_who(const struct lull_journal *, int64_t id);
int cli_stats_in(struct cli *, const struct lull_journal *,
    struct lull_stats_in *);
/* --from/--to as local days; without them the last "ndays" to today. */
int cli_day_range(struct cli *, int32_t ndays, int32_t *from, int32_t *to);

/*
 * The parents' side (cmd_household.c, cmd_care.c, cmd_couple.c).
 */
/* "mon".."sun" or "monday".."sunday" -> 0 (Monday) .. 6; -1 if neither. */
int cli_weekday(const char *);
const char *cli_weekday_name(int monday0);
/* Bit 0 Monday .. bit 6 Sunday -> "mon,tue" or "none". */
void cli_days_format(unsigned days, char *buf, size_t bufsz);

/* The household's crisis help: lull_crisis_help() (care_run.h). */

/* The adult acting (--as): their record, or exit 2 saying to give
 * --as.  The caller frees "me". */
int cli_me(struct cli *, struct lull_caregiver *me);
/* --share for a record of "kind" ("dflt" when not given), and the same
 * check of any text, naming option "opt". */
int cli_share_opt(struct cli *, enum lull_personal_kind, unsigned dflt,
    unsigned *out);
int cli_share_text(const char *opt, const char *text,
    enum lull_personal_kind, unsigned *out);
/* "12" or "#12". */
int cli_id_arg(const char *text, int64_t *id);
/* The records of days [from, to] "me" may see, of "kind" (-1: all). */
int cli_personal_list(struct cli *, int64_t me, int kind, int32_t from,
    int32_t to, struct lull_personalv *out);
/* Who sees a record, said to "me": "private (only you)", "shared with
 * your partner", "from Ben, shared with you"; returns buf. */
const char *cli_visibility(struct cli *, const struct lull_personal *,
    int64_t me, char *buf, size_t bufsz);
/* What a record holds, in one line. */
void cli_personal_summary(struct cli *, const struct lull_personal *,
    char *buf, size_t bufsz);
/* A record as listed (docs/wellbeing.md); NULL when memory ran out. */
struct json_t *cli_json_personal(struct cli *, const struct lull_personal *,
    int64_t me);

int cmd_init(struct cli *);
int cmd_child_add(struct cli *);
int cmd_child_list(struct cli *);
int cmd_child_edit(struct cli *);
int cmd_child_delete(struct cli *);
int cmd_caregiver_add(struct cli *);
int cmd_caregiver_list(struct cli *);
int cmd_caregiver_edit(struct cli *);
int cmd_caregiver_delete(struct cli *);
int cmd_sleep_start(struct cli *);
int cmd_sleep_stop(struct cli *);
int cmd_sleep_add(struct cli *);
int cmd_waking_add(struct cli *);
int cmd_waking_start(struct cli *);
int cmd_waking_stop(struct cli *);
int cmd_feed_add(struct cli *);
int cmd_tag_add(struct cli *);
int cmd_tag_list(struct cli *);
int cmd_edit(struct cli *);
int cmd_delete(struct cli *);
int cmd_log(struct cli *);
int cmd_export(struct cli *);
int cmd_import(struct cli *);
int cmd_import_apps(struct cli *); /* cmd_import.c */
int cmd_demo(struct cli *);
int cmd_plan_preview(struct cli *);
int cmd_plan_start(struct cli *);
int cmd_plan_today(struct cli *);
int cmd_plan_decide(struct cli *);
int cmd_plan_pause(struct cli *);
int cmd_plan_resume(struct cli *);
int cmd_plan_back(struct cli *);
int cmd_plan_slow(struct cli *);
int cmd_plan_override(struct cli *);
int cmd_plan_history(struct cli *);
/* Pause the household's running plans without a note (cmd_plan.c). */
int cli_plan_pause_quietly(struct cli *, int *paused);
int cmd_report(struct cli *);
int cmd_chart(struct cli *);
int cmd_predict(struct cli *);
int cmd_eval_predict(struct cli *);
int cmd_screen_score(struct cli *);
int cmd_screen_questions(struct cli *);
int cmd_settings(struct cli *);
int cmd_me_sleep(struct cli *);
int cmd_me_list(struct cli *);
int cmd_me_share(struct cli *);
int cmd_me_delete(struct cli *);
int cmd_checkin(struct cli *);
int cmd_checkin_edit(struct cli *);
int cmd_checkin_list(struct cli *);
int cmd_screen_take(struct cli *);
int cmd_screen_list(struct cli *);
int cmd_screen_due(struct cli *);
int cmd_couple_checkin(struct cli *);
int cmd_couple_list(struct cli *);
int cmd_appreciate(struct cli *);
int cmd_ritual_add(struct cli *);
int cmd_ritual_list(struct cli *);
int cmd_ritual_delete(struct cli *);
int cmd_ritual_due(struct cli *);
/* cmd_rota.c: the night rota, fair share, the adults' nights. */
int cmd_rota_plan(struct cli *);
int cmd_rota_review(struct cli *);
int cmd_fairshare(struct cli *);
int cmd_adults(struct cli *);
/* cmd_admin.c: the web app's accounts (account.h). */
int cmd_admin_passwd(struct cli *);
int cmd_admin_adduser(struct cli *);
int cmd_admin_accounts(struct cli *);
/* cmd_serve.c: the web app. */
int cmd_serve(struct cli *);

#endif
