/*
 * lull: the command line.  Global options, the command table, help, and
 * opening the journal before a command runs.
 * SPDX-License-Identifier: ISC
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lull/tzload.h"
#include "cli_int.h"

#define LULL_VERSION "0.1.0"

#define TIME_HELP                                                           \
	"Times: now, HH:MM, yesterday HH:MM, YYYY-MM-DD HH:MM, or with an "  \
	"offset (2026-03-29T01:30+01:00). A bare HH:MM is its latest "        \
	"occurrence (so 19:30 typed next morning is last evening); an end "  \
	"time is its first occurrence after the start, so a night crosses "  \
	"midnight by itself."

static const struct cli_cmd cmds[] = {
	{ "init", "[--tz ZONE] [--name NAME]",
	    "Create the journal for a household. The zone defaults to the "
	    "system's; every time is shown in it.",
	    "tz= name=", 0, 0, CLI_NEEDS_NOTHING, cmd_init },
	{ "child add", "NAME --born YYYY-MM-DD [--due YYYY-MM-DD]",
	    "Add a child. Give the due date for a baby born early: ages "
	    "and norms then use the corrected age until 24 months.",
	    "born= due=", 1, 1, CLI_NEEDS_HOUSEHOLD, cmd_child_add },
	{ "child list", "[--json]", "List the children with their ages.",
	    "", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_child_list },
	{ "child edit",
	    "NAME [--name NEW] [--born YYYY-MM-DD] [--due YYYY-MM-DD|--no-due]",
	    "Change a child's name or dates.", "name= born= due= no-due", 1, 1,
	    CLI_NEEDS_HOUSEHOLD, cmd_child_edit },
	{ "child delete", "NAME --yes",
	    "Delete a child and every entry about them. Cannot be undone; "
	    "export first.",
	    "yes", 1, 1, CLI_NEEDS_HOUSEHOLD, cmd_child_delete },
	{ "caregiver add",
	    "NAME [--role parent|helper|consultant] "
	    "[--night-feeds bottle|breast|none] [--works mon,tue,...|none]",
	    "Add a parent or other caregiver, who can then log entries "
	    "(--as NAME) and be named as who went at night. --role decides "
	    "what of the parents' own records (sleep, check-ins, mood "
	    "screens, couple check-ins) this person may see, and only when "
	    "their author shares them: a parent (the default) sees what a "
	    "partner shares; a consultant sees what is shared with a "
	    "consultant; a helper, such as a grandparent or a nanny, sees "
	    "the child's journal only. --night-feeds is what they can give "
	    "at night: breast (nurses the baby), bottle (formula or "
	    "expressed milk; the default) or none (settles the baby and "
	    "brings them back). --works: the days they work, so the night "
	    "rota gives them the quieter part of the night before a work "
	    "day.",
	    "role= night-feeds= works=", 1, 1, CLI_NEEDS_HOUSEHOLD,
	    cmd_caregiver_add },
	{ "caregiver list", "[--json]",
	    "List the caregivers with their role, what they can give at "
	    "night and the days they work.",
	    "", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_caregiver_list },
	{ "caregiver edit",
	    "NAME [--name NEW] [--role parent|helper|consultant] "
	    "[--night-feeds bottle|breast|none] [--works mon,tue,...|none]",
	    "Rename a caregiver or change their role, night feeds or work "
	    "days (see caregiver add). Only the options given change.",
	    "name= role= night-feeds= works=", 1, 1, CLI_NEEDS_HOUSEHOLD,
	    cmd_caregiver_edit },
	{ "caregiver delete", "NAME",
	    "Remove a caregiver; their entries stay, without the name. "
	    "Their own records (check-ins, screens, notes) go with them.",
	    "", 1, 1, CLI_NEEDS_HOUSEHOLD, cmd_caregiver_delete },
	{ "settings",
	    "[--core-block HOURS] [--emergency NUMBER] "
	    "[--crisis-line \"Name: number\"]... [--no-crisis-lines] [--json]",
	    "Show the household's settings, and change the ones given. "
	    "--core-block: the protected stretch of sleep the night rota "
	    "keeps for each adult, 3 to 8 hours (default 4.5: about three "
	    "sleep cycles). --emergency: your local emergency number. "
	    "--crisis-line, as often as needed: the crisis lines where you "
	    "live; the ones given replace those kept. These are shown first "
	    "when a mood screen speaks of thoughts of self-harm. "
	    "--no-crisis-lines forgets yours; \"default\" as a value of "
	    "--core-block or --emergency goes back to the default. Until "
	    "you set your own, lull shows defaults and says so.",
	    "core-block= emergency= crisis-line* no-crisis-lines", 0, 0,
	    CLI_NEEDS_HOUSEHOLD, cmd_settings },
	{ "sleep start",
	    "[--child C] [--at TIME] [--kind nap|night] [--how LIST] "
	    "[--where PLACE] [--by NAME] [--routine yes|no] [--note TEXT]",
	    "Start the sleep timer: the child fell asleep now (or --at).",
	    "child= at= kind= how= where= by= routine= note=", 0, 0,
	    CLI_NEEDS_HOUSEHOLD, cmd_sleep_start },
	{ "sleep stop", "[--child C] [--at TIME] [--latency MIN] [--crying MIN]",
	    "Stop the sleep timer: the child woke up now (or --at).",
	    "child= at= latency= crying=", 0, 0, CLI_NEEDS_HOUSEHOLD,
	    cmd_sleep_stop },
	{ "sleep add",
	    "--from TIME --to TIME [--child C] [--kind nap|night] "
	    "[--how LIST] [--where PLACE] [--by NAME] [--latency MIN] "
	    "[--crying MIN] [--routine yes|no] [--note TEXT] "
	    "[--waking FROM-TO[,RESPONSE[,NAME]]]...",
	    "Add a whole sleep, with its night wakings. " TIME_HELP
	    " Waking times are read after the start of the sleep, e.g. "
	    "--waking 23:10-23:25,feed,Sam.",
	    "child= from= to= kind= how= where= by= latency= crying= routine= "
	    "note= waking*",
	    0, 0, CLI_NEEDS_HOUSEHOLD, cmd_sleep_add },
	{ "waking add",
	    "--from TIME --to TIME [--response R] [--by NAME] [--child C] "
	    "[--note TEXT]",
	    "Add a night waking to the sleep it happened in.",
	    "child= from= to= response= by= note=", 0, 0, CLI_NEEDS_HOUSEHOLD,
	    cmd_waking_add },
	{ "waking start", "[--child C] [--at TIME]",
	    "The child woke during the ongoing sleep: start a waking.",
	    "child= at=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_waking_start },
	{ "waking stop",
	    "[--child C] [--at TIME] [--response R] [--by NAME] [--note TEXT]",
	    "Back asleep: end the open waking, with what helped.",
	    "child= at= response= by= note=", 0, 0, CLI_NEEDS_HOUSEHOLD,
	    cmd_waking_stop },
	{ "feed add",
	    "--at TIME [--to TIME|--minutes N] [--kind breast|bottle|solids] "
	    "[--side left|right|both] [--ml N] [--child C] [--note TEXT]",
	    "Add a feed (breast by default).",
	    "child= at= to= minutes= kind= side= ml= note=", 0, 0,
	    CLI_NEEDS_HOUSEHOLD, cmd_feed_add },
	{ "tag add",
	    "KIND --from YYYY-MM-DD [--to YYYY-MM-DD] [--child C] [--note TEXT]",
	    "Mark days with context: ill, teething, travel, milestone, "
	    "childcare, vaccination or other.",
	    "child= from= to= note=", 1, 1, CLI_NEEDS_HOUSEHOLD, cmd_tag_add },
	{ "tag list", "[--child C] [--json]", "List the context tags.",
	    "child=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_tag_list },
	{ "edit", "sleep|waking|feed|tag ID [options of its add command]",
	    "Change an entry; ids are shown by lull log. Only the options "
	    "given change.",
	    "from= to= at= kind= how= where= by= latency= crying= routine= "
	    "note= response= minutes= side= ml=",
	    2, 2, CLI_NEEDS_HOUSEHOLD, cmd_edit },
	{ "delete", "sleep|waking|feed|tag ID",
	    "Delete an entry (a sleep goes with its wakings).", "", 2, 2,
	    CLI_NEEDS_HOUSEHOLD, cmd_delete },
	{ "log", "[DATE] [--from DATE --to DATE] [--days N] [--child C] [--json]",
	    "The journal by day, newest last: sleeps with their wakings, "
	    "feeds and tags. Without dates: the last 3 days. A night belongs "
	    "to the day it started.",
	    "from= to= days= child=", 0, 1, CLI_NEEDS_HOUSEHOLD, cmd_log },
	{ "export", "--json [-o FILE]",
	    "Write everything the household stored as JSON (schema in "
	    "docs/export.md) to FILE or standard output.",
	    "o= output=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_export },
	{ "import",
	    "FILE|FOLDER... [--format F] [--child NAME] [--tz ZONE] "
	    "[--dry-run] [--date-order dmy|mdy|ymd] [--no-join] [--map SPEC]"
	    " | --json FILE [--replace]",
	    "Bring history from another app: Huckleberry, Baby Buddy (CSV or "
	    "API JSON), Baby Tracker (CSVs or their zip), Glow, Baby Connect "
	    "or Hatch exports, recognised from their content (--format "
	    "huckleberry, babybuddy, babybuddy-json, babytracker, glow, "
	    "babyconnect, hatch, or generic with --map "
	    "\"start=COL,end=COL,duration=COL,kind=COL,type=COL,note=COL\")."
	    " Sleeps, night wakings and feeds are imported in one "
	    "transaction, all or nothing; an error names file, line and "
	    "column. Naive times are read in the household's zone or --tz. "
	    "Entries already in the journal are left out, so importing again "
	    "adds nothing twice. Duplicates and overlapping sleeps are merged "
	    "or dropped, a night split at midnight is joined, and night "
	    "sessions split by a waking of up to an hour are joined into one "
	    "night (not with --no-join); docs/import.md has the rules. "
	    "--dry-run prints what would be imported, left out and resolved, "
	    "and writes nothing. Dates like 03/04/2024 are read day- or "
	    "month-first from the whole file's evidence, or refused: "
	    "--date-order settles it. With --json: restore a lull JSON "
	    "export, all or nothing, into an empty journal; --replace wipes "
	    "this household first.",
	    "replace format= child= tz= dry-run date-order= no-join map=", 1,
	    CLI_MAXPOS, CLI_NEEDS_NOTHING, cmd_import },
	{ "plan preview", "--profile FILE [--json]",
	    "Show the plan an intake profile (docs/profile.md) would get: "
	    "the method and its steps, tonight's guidance, safety notes and "
	    "referrals. Needs no journal.",
	    "profile=", 0, 0, CLI_NEEDS_NOTHING, cmd_plan_preview },
	{ "plan start", "--profile FILE [--child C] [--json]",
	    "Start a plan for a child from an intake profile; a running plan "
	    "of that child is replaced (its history is kept).",
	    "profile= child=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_plan_start },
	{ "plan today", "[--child C] [--json]",
	    "Tonight's step: what to do at bedtime, at a waking, and if "
	    "crying builds.",
	    "child=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_plan_today },
	{ "plan decide", "[--child C] [--json]",
	    "This morning's decision from the logged nights: advance, hold, "
	    "step back, pause, resume or re-evaluate, with the reason. Once "
	    "a morning; asking again shows it.",
	    "child=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_plan_decide },
	{ "plan pause", "[--child C] [--note TEXT]",
	    "Pause the plan; it stays paused until you resume it.",
	    "child= note=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_plan_pause },
	{ "plan resume", "[--child C] [--note TEXT]",
	    "Resume a paused plan at its step.", "child= note=", 0, 0,
	    CLI_NEEDS_HOUSEHOLD, cmd_plan_resume },
	{ "plan back", "[--child C] [--note TEXT]",
	    "Go back one step, starting tonight.", "child= note=", 0, 0,
	    CLI_NEEDS_HOUSEHOLD, cmd_plan_back },
	{ "plan slow", "[--child C] [--note TEXT]",
	    "Slow down: one more night on every step.", "child= note=", 0, 0,
	    CLI_NEEDS_HOUSEHOLD, cmd_plan_slow },
	{ "plan override", "--step N [--child C] [--note TEXT]",
	    "Move the plan to a step of your choice, starting tonight.",
	    "step= child= note=", 0, 0, CLI_NEEDS_HOUSEHOLD,
	    cmd_plan_override },
	{ "plan history", "[--child C] [--json]",
	    "Every decision and every move of the plan, oldest first.",
	    "child=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_plan_history },
	{ "report", "[--from DATE] [--to DATE] [--child C] [--json]",
	    "Nights and days (default: the last 14 days): sleep onset, "
	    "wakings, longest stretch, naps, 24-hour totals; medians of the "
	    "last 7 and 14 nights against the two weeks before; bedtime "
	    "regularity; who helped at night; and the usual ranges for the "
	    "child's age (corrected for early birth). JSON schema: "
	    "docs/report.schema.json; definitions: docs/analytics.md.",
	    "from= to= child=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_report },
	{ "chart", "diary|trends [--from DATE] [--to DATE] [--child C] "
		   "[-o FILE.svg]",
	    "Draw an SVG chart: the sleep diary (a row a day, 24 hours "
	    "across: sleeps, wakings, feeds; default the last 14 days) or "
	    "trends (total sleep, night wakings, time to fall asleep with "
	    "the usual range for the age shaded; default the last 8 weeks). "
	    "Writes FILE, or standard output.",
	    "from= to= child= o= output=", 1, 1, CLI_NEEDS_HOUSEHOLD,
	    cmd_chart },
	{ "predict", "[--child C] [--json]",
	    "The next sleep and tonight's bedtime as ranges, from the age-"
	    "based wake window (a convention) and the child's own last two "
	    "weeks. Shown only when asked for.",
	    "child=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_predict },
	{ "eval predict", "[--child C] [--json]",
	    "How accurate predictions have been: walks through the whole log, "
	    "predicting each next sleep from the log before it, and compares "
	    "with the plain age-based wake window.",
	    "child=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_eval_predict },
	{ "me sleep", "--from TIME --to TIME [--note TEXT] [--share WHO]",
	    "Log your own sleep (--as says whose). Shared with your partner "
	    "unless you say otherwise (--share none): the side-by-side view "
	    "of the nights and the night rota need both adults' sleep. "
	    TIME_HELP,
	    "from= to= note= share=", 0, 0, CLI_NEEDS_HOUSEHOLD,
	    cmd_me_sleep },
	{ "me list", "[--days N] [--json]",
	    "Your own records of every kind (sleep, check-ins, mood screens, "
	    "couple check-ins, notes you wrote), newest first, with their id "
	    "and who can see each. Default: the last 30 days.",
	    "days=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_me_list },
	{ "me share", "ID --with partner|consultant|partner,consultant|none",
	    "Choose who sees one of your records; none keeps it to yourself. "
	    "A note of appreciation is only ever seen by the one it is "
	    "written to, and a couple check-in only by your partner.",
	    "with=", 1, 1, CLI_NEEDS_HOUSEHOLD, cmd_me_share },
	{ "me delete", "ID", "Delete one of your own records.", "", 1, 1,
	    CLI_NEEDS_HOUSEHOLD, cmd_me_delete },
	{ "checkin list", "[--days N] [--json]",
	    "Your morning check-ins and those shared with you, newest first "
	    "(default: the last 30 days), each marked private (only you), "
	    "shared with ..., or from NAME, shared with you.",
	    "days=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_checkin_list },
	{ "checkin edit",
	    "ID [--energy N] [--mood N] [--note TEXT] [--share WHO]",
	    "Change one of your check-ins; only the options given change.",
	    "energy= mood= note= share=", 1, 1, CLI_NEEDS_HOUSEHOLD,
	    cmd_checkin_edit },
	{ "checkin",
	    "--energy N --mood N [--note TEXT] [--share WHO] [--day DATE]",
	    "A short morning check-in with yourself, once a day. Energy: 1 "
	    "running on empty, 3 getting by, 5 rested and full of energy. "
	    "Mood: 1 very low, 3 so-so, 5 good. Private (only you) unless "
	    "you share it. Nothing is graded; over the weeks it shows how "
	    "you are doing alongside the nights.",
	    "energy= mood= note= share= day=", 0, 0, CLI_NEEDS_HOUSEHOLD,
	    cmd_checkin },
	{ "screen questions", "INSTRUMENT [--json]",
	    "The questions and answer labels of a parent's mood screen: "
	    "phq9, phq2 (low mood), gad7, gad2 (worry and anxiety). Needs "
	    "no journal.",
	    "", 1, 1, CLI_NEEDS_NOTHING, cmd_screen_questions },
	{ "screen score", "INSTRUMENT --answers A,B,... [--json]",
	    "Score a mood screen: one answer 0-3 for each item, item 1 "
	    "first. Shows the total, its band and what it suggests; a screen, "
	    "not a diagnosis. If the PHQ-9's ninth item is above 0, where to "
	    "get help now comes first, whatever the total. Needs no journal; "
	    "nothing is stored. See docs/wellbeing.md.",
	    "answers=", 1, 1, CLI_NEEDS_NOTHING, cmd_screen_score },
	{ "screen take", "INSTRUMENT --answers A,B,... [--share WHO] [--json]",
	    "Take a mood screen and keep it: scored as screen score does, "
	    "then kept as your own record, private unless you share it. A "
	    "screen, not a diagnosis. If the PHQ-9's ninth item is above 0, "
	    "where to get help now (your emergency number and crisis lines "
	    "from lull settings, or the defaults) comes first, with a word "
	    "to contact a clinician today and to pause the sleep plan (lull "
	    "plan pause). lull does not pause it by itself: the plan's "
	    "history is seen by the whole household.",
	    "answers= share=", 1, 1, CLI_NEEDS_NOTHING, cmd_screen_take },
	{ "screen list", "[--days N] [--json]",
	    "Your mood screens and those shared with you, newest first "
	    "(default: the last 30 days).",
	    "days=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_screen_list },
	{ "screen due", "[--follow-up] [--json]",
	    "Whether a mood screen is offered to you today: at about 1, 2, 4 "
	    "and 6 months after the youngest child's birth, as paediatric "
	    "guidance suggests, for both parents; with --follow-up, every 2 "
	    "months after that. You can take one any time.",
	    "follow-up", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_screen_due },
	{ "couple checkin",
	    "[--appreciation TEXT] [--need TEXT] [--repair TEXT] "
	    "[--connection TEXT] [--week DATE] [--share partner|none]",
	    "The weekly check-in of the two of you, a few quiet minutes: "
	    "--appreciation, something your partner did this week that you "
	    "were glad of; --need, what would help you most next week; "
	    "--repair, one small thing that went wrong between you and that "
	    "you would like to mend; --connection, one moment together to "
	    "plan for. Kept on the Monday of the week (--week: any day of "
	    "it; default this week); asked again, it adds to that week's. "
	    "Private until you share it with your partner.",
	    "appreciation= need= repair= connection= week= share=", 0, 0,
	    CLI_NEEDS_HOUSEHOLD, cmd_couple_checkin },
	{ "couple list", "[--weeks N] [--json]",
	    "Your couple check-ins and notes of the last weeks (default 4), "
	    "in separate sections: just for you, shared between you, notes "
	    "to you, notes you wrote.",
	    "weeks=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_couple_list },
	{ "appreciate", "NAME TEXT",
	    "Leave a note of thanks for another adult of the household. "
	    "They always see it (in lull couple list), and nobody else does.",
	    "", 2, 2, CLI_NEEDS_HOUSEHOLD, cmd_appreciate },
	{ "ritual add",
	    "NAME --every daily|weekly [--day mon..sun] [--at HH:MM] "
	    "[--note TEXT]",
	    "A small ritual of connection you chose together, such as tea "
	    "after bedtime or a Sunday walk, with when to be reminded "
	    "(weekly ones need --day).",
	    "every= day= at= note=", 1, 1, CLI_NEEDS_HOUSEHOLD,
	    cmd_ritual_add },
	{ "ritual list", "[--json]", "The household's rituals.", "", 0, 0,
	    CLI_NEEDS_HOUSEHOLD, cmd_ritual_list },
	{ "ritual due", "[--json]",
	    "Today's rituals, by time, as a reminder.", "", 0, 0,
	    CLI_NEEDS_HOUSEHOLD, cmd_ritual_due },
	{ "ritual delete", "NAME", "Delete a ritual.", "", 1, 1,
	    CLI_NEEDS_HOUSEHOLD, cmd_ritual_delete },
	{ "rota plan",
	    "[--date DATE] [--with NAMES] [--first NAME] [--target HOURS] "
	    "[--child C] [--json]",
	    "Tonight's night rota (or DATE's evening): who is on duty when, "
	    "so that each adult gets one protected block of sleep. Planned "
	    "from the child's typical night over the 14 evenings before. "
	    "The adults are the household's parents, or exactly those named "
	    "in --with (comma-separated, at most 4; a helper such as a "
	    "grandparent only when named; never a consultant). What each "
	    "can give at night and the days they work come from lull "
	    "caregiver add/edit. --first: who takes the first shift (by "
	    "default it changes night by night). --target: the protected "
	    "block, 3 to 8 hours (default from lull settings, else 4.5). "
	    "See docs/wellbeing.md.",
	    "date= with= first= target= child=", 0, 0, CLI_NEEDS_HOUSEHOLD,
	    cmd_rota_plan },
	{ "rota review",
	    "[--date DATE] [--with NAMES] [--first NAME] [--target HOURS] "
	    "[--child C] [--json]",
	    "Look back at a night (default last night): the rota for it, "
	    "recomputed as rota plan showed it that evening, against what "
	    "was logged: for each adult the wakings they answered, the time "
	    "up, their longest stretch, and whether their protected block "
	    "held. The plan is recomputed with today's settings, so a "
	    "change since then changes it.",
	    "date= with= first= target= child=", 0, 0, CLI_NEEDS_HOUSEHOLD,
	    cmd_rota_review },
	{ "fairshare", "[--weeks N] [--child C] [--json]",
	    "Who carried the nights over the last N weeks (1-13, default "
	    "4), side by side: wakings answered, time up, bedtimes settled, "
	    "early mornings, per week too; then each adult's longest "
	    "unbroken sleep of the last 7 nights, from their own sleep log "
	    "where you may see it (--as), else from night duty. A "
	    "conversation starter, not a score.",
	    "weeks= child=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_fairshare },
	{ "adults", "[--days N] [--child C] [--json]",
	    "Each adult's own sleep, night by night, side by side (the last "
	    "N nights, 1-31, default 7): the longest unbroken sleep and the "
	    "total, where it is logged and you may see it (--as), else the "
	    "longest stretch from night duty, marked as such.",
	    "days= child=", 0, 0, CLI_NEEDS_HOUSEHOLD, cmd_adults },
	{ "demo", "[--account EMAIL < password]",
	    "Create a demo household (two parents, one baby, three weeks of "
	    "nights) in an empty journal. With --account, also a web app "
	    "account for Alex, the household's owner, its password read from "
	    "standard input (one line): make run uses it.",
	    "account=", 0, 0, CLI_NEEDS_STORE, cmd_demo },
	{ "admin passwd", "EMAIL < new-password",
	    "Set the web app password of the account with this email, read "
	    "from standard input (one line, at least 10 characters), end "
	    "every session of that account and revoke all its API tokens "
	    "(whoever knew the old password may have made one). For "
	    "administrators and scripts: "
	    "echo \"$NEW\" | lull admin passwd anna@example.org.",
	    "", 1, 1, CLI_NEEDS_NOTHING, cmd_admin_passwd },
	{ "admin adduser", "EMAIL --name NAME < password",
	    "Add a web app account, its password read from standard input "
	    "(one line). It belongs to no household until it creates one or "
	    "accepts an invitation.",
	    "name=", 1, 1, CLI_NEEDS_NOTHING, cmd_admin_adduser },
	{ "admin accounts", "[--json]",
	    "List the web app's accounts: email, name, and each household "
	    "with the account's access (owner, caregiver, readonly, "
	    "consultant).",
	    "", 0, 0, CLI_NEEDS_NOTHING, cmd_admin_accounts },
	{ "serve",
	    "[--listen ADDR:PORT] [--log error|warn|info|debug] [--threads N] "
	    "[--per-ip N] [--deadline SECONDS] [--secure-cookies] "
	    "[--trust-proxy]",
	    "Run the web app on this journal until stopped (SIGTERM or "
	    "Ctrl-C finish the requests in flight, then exit 0). --listen "
	    "defaults to 127.0.0.1:8080 (port 0: any free one; the URL is "
	    "printed). --threads: workers, each with its own database handle "
	    "(default: the CPUs). --per-ip: connections from one address at "
	    "once (default 64, 0: no limit; behind a proxy every client is "
	    "the proxy's address, so raise it or give 0). --deadline: "
	    "seconds a request's headers and body may take in all (default "
	    "30; slower is answered 408). lull is meant to sit behind a "
	    "reverse proxy: with TLS there give --secure-cookies, and "
	    "--trust-proxy (only with --listen on the loopback) so the login "
	    "throttle sees the client's address (X-Real-IP) rather than the "
	    "proxy's. Access log on standard error. See docs/web.md.",
	    "listen= log= threads= per-ip= deadline= secure-cookies "
	    "trust-proxy", 0, 0,
	    CLI_NEEDS_STORE, cmd_serve },
};

#define NCMDS (sizeof(cmds) / sizeof(cmds[0]))

static void
usage_all(FILE *f)
{
	size_t i;

	fprintf(f,
	    "usage: lull [--db PATH] [--as CAREGIVER] [--json] COMMAND ...\n"
	    "\nlull keeps a gentle sleep journal for babies and toddlers.\n"
	    "\ncommands:\n");
	for (i = 0; i < NCMDS; i++)
		fprintf(f, "  lull %s %s\n", cmds[i].name, cmds[i].usage);
	fprintf(f,
	    "\nglobal options:\n"
	    "  --db PATH     the journal file (default $LULL_DB, else\n"
	    "                $XDG_DATA_HOME/lull/lull.db)\n"
	    "  --as NAME     the caregiver logging entries (default $LULL_AS)\n"
	    "  --json        listings as JSON\n"
	    "  --help        this text; lull COMMAND --help for one command\n"
	    "  --version\n"
	    "\nexit codes: 0 ok, 1 database or file failure, 2 usage error,\n"
	    "3 invalid value, 4 not found, 5 conflict (overlap, duplicate).\n");
}

static void
usage_one(FILE *f, const struct cli_cmd *c)
{
	fprintf(f, "usage: lull %s %s\n\n%s\n", c->name, c->usage, c->help);
	if (strstr(c->opts, "how=") != NULL)
		fprintf(f,
		    "\n--how: comma-separated, from fed, rocked, held, "
		    "pacifier, bed-with-parent, beside-parent, patted, on-own,"
		    " car, stroller, worn, other\n"
		    "--where: own-room-cot, parents-room-cot, sidecar, "
		    "parents-bed, arms, pram, car-seat, carrier, sofa, other\n");
	if (strstr(c->opts, "share=") != NULL ||
	    (strstr(c->opts, "with=") != NULL &&
		strncmp(c->name, "rota ", 5) != 0))
		fprintf(f,
		    "\nwho sees it: partner (the household's other parents), "
		    "consultant (a consultant the family added), "
		    "partner,consultant, or none (only you). A helper, such "
		    "as a grandparent, never sees the parents' own records.\n"
		    "--as NAME (or LULL_AS) says whose record it is.\n");
	if (strstr(c->opts, "response=") != NULL ||
	    strstr(c->opts, "waking*") != NULL)
		fprintf(f,
		    "\nresponses: none, presence, voice, pat, hold, rock, "
		    "feed, pacifier, brought-to-bed, other\n");
}

/* Is "name" in the spec, and how: '=' value, '*' repeated, ' ' flag. */
static int
spec_kind(const char *spec, const char *name, size_t len)
{
	const char *p = spec;

	while ((p = strstr(p, name)) != NULL) {
		int starts = p == spec || p[-1] == ' ';
		char after = p[len];

		if (starts && (after == '\0' || after == ' '))
			return ' ';
		if (starts && (after == '=' || after == '*') &&
		    (p[len + 1] == '\0' || p[len + 1] == ' '))
			return after;
		p += len;
	}
	return 0;
}

/* "lull child" alone: list the child commands rather than say no. */
static int
usage_group(const char *word)
{
	size_t i, len = strlen(word);
	int any = 0;

	for (i = 0; i < NCMDS; i++)
		if (strncmp(cmds[i].name, word, len) == 0 &&
		    cmds[i].name[len] == ' ') {
			if (!any++)
				fprintf(stderr, "usage:\n");
			fprintf(stderr, "  lull %s %s\n", cmds[i].name,
			    cmds[i].usage);
		}
	if (!any)
		return cli_errx(EXIT_USAGE,
		    "unknown command '%s' (see lull --help)", word);
	return EXIT_USAGE;
}

static const char *const global_spec = "db= as= json help";

static int
parse_args(struct cli *cli, const struct cli_cmd *c, int argc, char **argv)
{
	struct cli_args *a = &cli->a;
	int i;

	for (i = 0; i < argc; i++) {
		char *arg = argv[i], *eq, namebuf[32];
		const char *val = NULL;
		size_t len;
		int kind;

		if (strcmp(arg, "--") == 0) {
			for (i++; i < argc; i++)
				if (a->npos < CLI_MAXPOS)
					a->pos[a->npos++] = argv[i];
			break;
		}
		if (arg[0] != '-' || arg[1] == '\0' ||
		    (arg[1] >= '0' && arg[1] <= '9')) {
			if (a->npos == CLI_MAXPOS)
				return cli_errx(EXIT_USAGE,
				    "too many arguments for '%s'", c->name);
			a->pos[a->npos++] = arg;
			continue;
		}
		arg += arg[1] == '-' ? 2 : 1;
		eq = strchr(arg, '=');
		len = eq ? (size_t)(eq - arg) : strlen(arg);
		if (len == 0 || len >= sizeof(namebuf))
			return cli_errx(EXIT_USAGE, "bad option '%s'",
			    argv[i]);
		memcpy(namebuf, arg, len);
		namebuf[len] = '\0';
		kind = spec_kind(global_spec, namebuf, len);
		if (kind == 0)
			kind = spec_kind(c->opts, namebuf, len);
		if (kind == 0)
			return cli_errx(EXIT_USAGE,
			    "'%s' has no option --%s (see lull %s --help)",
			    c->name, namebuf, c->name);
		if (kind == ' ') {
			if (eq != NULL)
				return cli_errx(EXIT_USAGE,
				    "--%s takes no value", namebuf);
		} else if (eq != NULL) {
			val = eq + 1;
		} else if (i + 1 < argc) {
			val = argv[++i];
		} else {
			return cli_errx(EXIT_USAGE, "--%s needs a value",
			    namebuf);
		}
		if (kind == '*') {
			if (a->nmulti == CLI_MAXMULTI)
				return cli_errx(EXIT_USAGE,
				    "too many --%s options", namebuf);
			a->multi[a->nmulti++] = val;
			continue;
		}
		if (cli_opt(cli, namebuf) != NULL || cli_flag(cli, namebuf))
			return cli_errx(EXIT_USAGE, "--%s given twice",
			    namebuf);
		if (a->nopt == CLI_MAXOPT)
			return cli_errx(EXIT_USAGE, "too many options");
		/* Names point into argv, which outlives the run. */
		arg[len] = '\0';
		a->names[a->nopt] = arg;
		a->vals[a->nopt++] = val ? val : "";
	}
	return EXIT_OK;
}

static int
mkdirs(const char *path)
{
	char buf[4096], *p;

	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf))
		return -1;
	for (p = buf + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

static const char *
default_db(char *buf, size_t bufsz)
{
	const char *v;

	if ((v = getenv("LULL_DB")) != NULL && *v != '\0')
		return v;
	if ((v = getenv("XDG_DATA_HOME")) != NULL && *v == '/')
		snprintf(buf, bufsz, "%s/lull/lull.db", v);
	else if ((v = getenv("HOME")) != NULL && *v != '\0')
		snprintf(buf, bufsz, "%s/.local/share/lull/lull.db", v);
	else
		snprintf(buf, bufsz, "lull.db");
	return buf;
}

static int
read_clock(struct cli *cli)
{
	const char *v = getenv("LULL_NOW");
	struct lull_errinfo ei;

	/* LULL_NOW pins the clock, for tests and reproducible demos. */
	if (v != NULL && *v != '\0') {
		if (lull_time_parse_rfc3339(v, "LULL_NOW", &cli->now, &ei))
			return cli_errx(EXIT_USAGE, "%s", ei.msg);
		return EXIT_OK;
	}
	/* To the minute, like every time a person types: a sleep from
	 * 11:00 to 11:44 then lasts 44 minutes, not 44 and a bit. */
	cli->now = (int64_t)time(NULL) / 60 * 60;
	return EXIT_OK;
}

/*
 * Open the journal: CLI_NEEDS_STORE opens (creating) the file;
 * CLI_NEEDS_HOUSEHOLD also needs it initialised, loads the household and
 * its zone, and the --as caregiver.  Commands that check their input
 * first (init, import) call this themselves once it passed, so a refused
 * command never leaves a new, empty journal behind.
 */
int
cli_open(struct cli *cli, int needs)
{
	struct lull_errinfo ei;
	struct stat sb;
	enum lull_err rc;
	char spec[4200];

	if (needs == CLI_NEEDS_HOUSEHOLD && stat(cli->db, &sb) != 0)
		return cli_errx(EXIT_NOTFOUND,
		    "no journal at %s; create one with: lull init", cli->db);
	if (mkdirs(cli->db) != 0)
		return cli_errx(EXIT_FAIL, "cannot create the folder for %s: %s",
		    cli->db, strerror(errno));
	snprintf(spec, sizeof(spec), "sqlite:%s", cli->db);
	if ((rc = lull_store_open(&cli->st, spec, &ei)) != LULL_OK)
		return cli_fail(cli, rc, &ei);
	if (needs != CLI_NEEDS_HOUSEHOLD)
		return EXIT_OK;
	rc = lull_store_household_get(cli->st, 0, &cli->hh);
	if (rc == LULL_ENOTFOUND)
		return cli_errx(EXIT_NOTFOUND,
		    "%s holds no household yet; create one with: lull init",
		    cli->db);
	if (rc != LULL_OK)
		return cli_fail_store(cli, rc);
	if ((rc = lull_tz_load(&cli->tz, cli->hh.tz, &ei)) != LULL_OK)
		return cli_fail(cli, rc, &ei);
	cli->actor.now_utc = cli->now;
	if (cli->as != NULL)
		return cli_caregiver(cli, "as", cli->as,
		    &cli->actor.caregiver_id);
	return EXIT_OK;
}

static const struct cli_cmd *
find_cmd(int argc, char **argv, int *used)
{
	size_t i;

	for (i = 0; i < NCMDS; i++) {
		const char *sp = strchr(cmds[i].name, ' ');

		if (sp == NULL && strcmp(argv[0], cmds[i].name) == 0) {
			*used = 1;
			return &cmds[i];
		}
		if (sp != NULL && argc >= 2 &&
		    strncmp(argv[0], cmds[i].name,
			(size_t)(sp - cmds[i].name)) == 0 &&
		    argv[0][sp - cmds[i].name] == '\0' &&
		    strcmp(argv[1], sp + 1) == 0) {
			*used = 2;
			return &cmds[i];
		}
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	static struct cli cli;
	const struct cli_cmd *c;
	char dbbuf[4096];
	int i, used, rc;

	/* Global options before the command. */
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			usage_all(stdout);
			return EXIT_OK;
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("lull %s\n", LULL_VERSION);
			return EXIT_OK;
		}
		if (strcmp(argv[i], "--json") == 0) {
			cli.json = 1;
			continue;
		}
		if ((strcmp(argv[i], "--db") == 0 ||
			strcmp(argv[i], "--as") == 0) &&
		    i + 1 < argc) {
			if (argv[i][2] == 'd')
				cli.db = argv[++i];
			else
				cli.as = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--db=", 5) == 0) {
			cli.db = argv[i] + 5;
			continue;
		}
		if (strncmp(argv[i], "--as=", 5) == 0) {
			cli.as = argv[i] + 5;
			continue;
		}
		return cli_errx(EXIT_USAGE, "unknown option '%s' (see lull "
		    "--help)", argv[i]);
	}
	if (i == argc) {
		usage_all(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[i], "help") == 0) {
		if (i + 1 < argc && (c = find_cmd(argc - i - 1, argv + i + 1,
					 &used)) != NULL) {
			usage_one(stdout, c);
			return EXIT_OK;
		}
		usage_all(stdout);
		return EXIT_OK;
	}
	if ((c = find_cmd(argc - i, argv + i, &used)) == NULL)
		return usage_group(argv[i]);
	cli.cmd = c;
	if ((rc = parse_args(&cli, c, argc - i - used, argv + i + used)))
		return rc;
	if (cli_flag(&cli, "help")) {
		usage_one(stdout, c);
		return EXIT_OK;
	}
	if (cli.a.npos < c->min_pos || cli.a.npos > c->max_pos) {
		fprintf(stderr, "usage: lull %s %s\n", c->name, c->usage);
		return EXIT_USAGE;
	}
	if (cli_opt(&cli, "db") != NULL)
		cli.db = cli_opt(&cli, "db");
	if (cli_opt(&cli, "as") != NULL)
		cli.as = cli_opt(&cli, "as");
	if (cli_flag(&cli, "json"))
		cli.json = 1;
	if (cli.db == NULL)
		cli.db = default_db(dbbuf, sizeof(dbbuf));
	if (cli.as == NULL && getenv("LULL_AS") != NULL &&
	    *getenv("LULL_AS") != '\0')
		cli.as = getenv("LULL_AS");
	if ((rc = read_clock(&cli)))
		return rc;
	if (*cli.db == '\0')
		return cli_errx(EXIT_USAGE, "--db: the journal's path is empty");
	rc = EXIT_OK;
	if (c->needs != CLI_NEEDS_NOTHING)
		rc = cli_open(&cli, c->needs);
	if (rc == EXIT_OK)
		rc = c->run(&cli);
	lull_tz_free(cli.tz);
	lull_household_free(&cli.hh);
	lull_store_close(cli.st);
	/* Output that did not reach its file is a failure: a backup to a
	 * full disk must not look like it worked. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_errx(EXIT_FAIL, "writing the output failed: %s",
		    strerror(errno));
		if (rc == EXIT_OK)
			rc = EXIT_FAIL;
	}
	return rc;
}
