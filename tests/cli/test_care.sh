# The parents' side on the real binary: caregivers' role, night feeds and
# work days; household settings; the adults' own sleep, morning check-ins,
# mood screens (the crisis help first, the schedule), couple check-ins,
# notes and rituals; and every refusal with its exit code.  Who sees what
# is tests/cli/test_privacy.sh.
set -eu
. "$(dirname "$0")/lib.sh"

j() { printf '%s\n' "$out" | jq -r "$1"; }
first_line() { printf '%s\n' "$out" | head -n 1; }

export LULL_NOW=2026-04-01T08:00:00+02:00
run init --tz Europe/Berlin
run child add Mia --born 2026-03-01

# Caregivers: role, night feeds, work days.
run caregiver add Anna --night-feeds breast
expect_rc "caregiver add with night feeds" 0
expect_out "the defaults are said" "Anna (parent, night feeds: breast, works: none)"
run caregiver add Ben --works mon,tue,wed,thu,fri
expect_rc "caregiver add with work days" 0
run caregiver add Oma --role helper --night-feeds none
expect_rc "a helper" 0
run caregiver add Kim --role consultant
expect_rc "a consultant" 0
run caregiver add Zed --role boss
expect_rc "unknown role" 3
expect_err "names the option and value" '--role: "boss" is not one of: parent, helper, consultant'
run caregiver add Zed --night-feeds formula
expect_rc "unknown night feeds" 3
expect_err "night feeds named" '--night-feeds: "formula"'
run caregiver add Zed --works mon,funday
expect_rc "unknown work day" 3
expect_err "work day named" '--works: "funday" is not a day'
run caregiver add Zed --works
expect_rc "--works needs a value" 2
run caregiver list --json
expect_rc "caregiver list --json" 0
expect_eq "four adults, none refused added" "$(j 'length')" 4
expect_eq "roles" "$(j '[.[].role]|join(",")')" "parent,parent,helper,consultant"
expect_eq "night feeds" "$(j '[.[].night_feeds]|join(",")')" "breast,bottle,none,bottle"
expect_eq "work days" "$(j '.[1].work_days|join(",")')" "mon,tue,wed,thu,fri"
expect_eq "no work days is an empty list" "$(j '.[0].work_days|length')" 0
run caregiver list
expect_out "text listing" "Ben              parent, night feeds: bottle, works: mon,tue,wed,thu,fri"
run caregiver edit Ben --works sat,sun --night-feeds none
expect_rc "caregiver edit options" 0
expect_out "edit says what is kept" "Updated Ben (parent, night feeds: none, works: sat,sun)"
run caregiver edit Ben --works none --night-feeds bottle
expect_out "back to no work days" "works: none"
run caregiver edit Ben
expect_rc "edit with nothing to change" 2
run caregiver edit Ben --role chief
expect_rc "edit: bad role" 3
run caregiver edit Nobody --role helper
expect_rc "edit: unknown caregiver" 4
run caregiver edit Oma --name Granny --role helper
expect_rc "rename and role at once" 0
expect_out "renamed" "Renamed Oma to Granny"
run caregiver edit Granny --name Oma
run caregiver add --help
expect_out "help: what a role means" "a helper, such as a grandparent or a nanny, sees the child's journal only"
expect_out "help: night feeds" "breast (nurses the baby)"
expect_out "help: work days" "quieter part of the night before a work day"

# Settings.
run settings
expect_rc "settings" 0
expect_out "core block default named" "Protected sleep for each adult: 4h30m a night (the default)"
expect_out "emergency default named" "(the default)"
expect_out "crisis lines default named" "Crisis lines (the defaults):"
run settings --json
expect_eq "json: core block default" "$(j .core_block_min) $(j .core_block_default)" "270 true"
expect_eq "json: default lines" "$(j .crisis_lines_default)" true
run settings --core-block 9
expect_rc "core block above 8 hours" 3
expect_err "core block named" '--core-block: "9" is not a number of hours from 3 to 8'
run settings --core-block 2.5
expect_rc "core block below 3 hours" 3
run settings --core-block four
expect_rc "core block not a number" 3
run settings --crisis-line "no number here"
expect_rc "crisis line without a colon" 3
expect_err "crisis line named" '--crisis-line: "no number here" is not "Name: number"'
run settings --crisis-line "Samaritans:"
expect_rc "crisis line without a number" 3
run settings --emergency " "
expect_rc "blank emergency" 3
run settings --crisis-line "A: 1" --no-crisis-lines
expect_rc "lines and no lines" 2
run settings --json
expect_eq "refusals changed nothing" "$(j .core_block_min)" 270
run settings --core-block 5.5 --emergency 112 \
    --crisis-line "Samaritans: 116 123" \
    --crisis-line "TelefonSeelsorge: 0800 111 0 111"
expect_rc "settings changed" 0
expect_out "saved" "Saved."
expect_out "no longer the default" "Protected sleep for each adult: 5h30m a night"
run settings --json
expect_eq "json: core block" "$(j .core_block_min) $(j .core_block_hours) $(j .core_block_default)" "330 5.5 false"
expect_eq "json: emergency" "$(j .emergency) $(j .emergency_default)" "112 false"
expect_eq "json: lines kept in order" "$(j '.crisis_lines|join(";")')" \
    "Samaritans: 116 123;TelefonSeelsorge: 0800 111 0 111"
run settings --core-block default
expect_eq "core block back to its default" \
    "$(LULL_NOW=$LULL_NOW "$LULL" settings --json | jq -r .core_block_default)" true

# Every personal command wants --as.
for c in "me sleep --from 22:00 --to 06:00" "me list" "me share 1 --with none" \
    "me delete 1" "checkin --energy 3 --mood 3" "checkin list" \
    "checkin edit 1 --mood 2" "screen take gad2 --answers 0,0" \
    "screen list" "screen due" "couple checkin --need rest" \
    "couple list" "appreciate Ben thanks"; do
	# shellcheck disable=SC2086
	run $c
	expect_rc "without --as: $c" 2
	expect_err "says to give --as: $c" "say who you are with --as NAME"
done
LULL_AS=Anna "$LULL" checkin list >/dev/null 2>&1 && ok "LULL_AS stands for --as" ||
	not_ok "LULL_AS stands for --as" "exit $?"
run --as Nobody checkin list
expect_rc "unknown --as" 4

# The adults' own sleep.
run --as Anna me sleep --from "yesterday 22:30" --to 02:10
expect_rc "me sleep" 0
expect_out "shared with the partner by default" "shared with your partner"
run --as Anna me sleep --from 02:50 --to 06:40 --share none --note "after the feed"
expect_rc "me sleep, private" 0
expect_out "kept private" "private (only you)"
run --as Anna me sleep --from 01:00 --to 03:00
expect_rc "overlapping own sleep" 5
run --as Anna me sleep --from 07:30 --to 09:00
expect_rc "a sleep still to come" 3
run --as Anna me sleep --from 07:00
expect_rc "me sleep needs --to" 2
run --as Anna me sleep --from 06:50 --to 07:10 --share friends
expect_rc "unknown share" 3
expect_err "share named" '--share: "friends" is not one of partner, consultant'
run --as Anna me list --json
expect_eq "two sleeps, newest first" "$(j '[.[].start]|join(",")')" \
    "2026-04-01T02:50:00+02:00,2026-03-31T22:30:00+02:00"
expect_eq "minutes" "$(j '[.[].minutes]|join(",")')" "230,220"
expect_eq "who sees each" "$(j '[.[].visibility]|join(",")')" "private,shared"
expect_eq "share as in the export" "$(j '.[1].share|join(",")')" partner
sid=$(j '.[0].id')

# Morning check-ins.
run --as Anna checkin --energy 2 --mood 3 --note "a long night"
expect_rc "checkin" 0
expect_out "private by default" "private (only you)"
expect_out "a kind word on a low-energy day" "A low-energy day."
run --as Anna checkin --energy 4 --mood 4
expect_rc "a second check-in the same day" 5
expect_err "says how to change it" "lull checkin edit"
run --as Anna checkin --energy 6 --mood 3 --day yesterday
expect_rc "energy out of range" 3
expect_err "energy named" '--energy: "6" is not a whole number from 1 to 5'
run --as Anna checkin --energy 3 --mood 0 --day yesterday
expect_rc "mood out of range" 3
run --as Anna checkin --energy 3
expect_rc "checkin needs --mood" 2
run --as Anna checkin --energy 3 --mood 3 --day 2026-04-02
expect_rc "a day still to come" 3
run --as Anna checkin --energy 3 --mood 4 --day yesterday
expect_rc "yesterday's check-in" 0
run --as Anna checkin list --json
expect_eq "two check-ins, newest first" "$(j '[.[].day]|join(",")')" "2026-04-01,2026-03-31"
expect_eq "energy and mood" "$(j '"\(.[0].energy) \(.[0].mood)"')" "2 3"
cid=$(j '.[0].id')
run --as Anna checkin edit "$cid" --energy 3
expect_rc "checkin edit" 0
expect_out "edit says what is kept" "energy 3 of 5, mood 3 of 5"
run --as Anna checkin edit "$sid" --energy 3
expect_rc "checkin edit of a sleep" 4
run --as Anna checkin edit "$cid"
expect_rc "checkin edit with nothing" 2
run checkin --help
expect_out "help: what 1 and 5 mean" "Energy: 1 running on empty"
expect_out "help: mood scale" "Mood: 1 very low"

# Mood screens: kept, private, a screen and not a diagnosis.
run --as Anna screen take phq9 --answers 1,1,1,0,0,0,0,0,0
expect_rc "screen take" 0
expect_out "the result" "3 of 27, minimal"
expect_out "a screen, not a diagnosis" "a screen, not a diagnosis"
expect_out "kept private" "private (only you)"
expect_eq "no crisis help without the item" "$(printf '%s\n' "$out" | grep -c 'get help now' || true)" 0
run --as Anna screen take phq9 --answers 1,1,1,0,0,0,0,0
expect_rc "wrong count" 3
expect_err "wrong count named" "phq9 takes 9 answers, got 8"
run --as Anna screen take phq9 --answers 1,1,1,0,0,0,0,0,7
expect_rc "out of range" 3
run --as Anna screen take epds --answers 0
expect_rc "unknown instrument" 3
run --as Anna screen take gad2
expect_rc "no answers" 2

# The self-harm item: the help first, with the household's lines, and a
# running plan pauses as a plain pause by Ben (the history says no why).
cat > "$T_DIR/profile.json" <<'JSON'
{"child": {"born": "2026-03-01", "feeding": "breast", "growth_concern": false},
 "sleep_space": "sidecar", "associations": ["fed"], "goals": ["fewer_wakings"],
 "health": [],
 "household": {"smoker": false, "impaired_adult": false, "caregivers_for_nights": 2}}
JSON
run --as Anna plan start --profile "$T_DIR/profile.json"
expect_rc "a plan is running" 0
run --as Ben screen take phq9 --answers 0,0,0,0,0,0,0,0,1
expect_rc "self-harm screen is kept" 0
expect_out "the plan is paused" "The sleep plan is paused"
saved=$out
run plan history --json
expect_eq "a parent's pause" "$(j '.[-1] | "\(.verdict)|\(.by_parent)"')" "pause|true"
expect_eq "that says nothing of why" "$(j '.[-1].reason')" \
    "You paused the plan. Comfort as you need; resume when you are ready."
out=$saved
expect_eq "crisis help is the first line" "$(first_line)" \
    "If you are thinking about harming yourself, please get help now."
expect_out "the configured emergency number" "Emergency: 112."
expect_out "the configured line" "  Samaritans: 116 123"
expect_out "a clinician today" "contact a clinician today"
expect_out "how to resume" "lull plan resume"
expect_eq "the default lines are not shown" "$(printf '%s\n' "$out" | grep -c 'findahelpline' || true)" 0
run --as Ben screen take phq9 --answers 0,0,0,0,0,0,0,0,2 --json
expect_eq "json: help is the first member" "$(j 'keys_unsorted[0]')" help
expect_eq "json: the household's emergency" "$(j .help.emergency)" 112
expect_eq "json: already paused, nothing paused again" "$(j .help.plan_paused)" false
expect_eq "json: self_harm" "$(j .self_harm)" true
run screen take phq9 --answers 0,0,0,0,0,0,0,0,3
expect_rc "self-harm without --as is still refused" 2
expect_eq "but the help came first all the same" "$(first_line)" \
    "If you are thinking about harming yourself, please get help now."
run --db "$T_DIR/none.db" --as Ben screen take phq9 --answers 0,0,0,0,0,0,0,0,3
expect_rc "self-harm with no journal" 4
expect_eq "help first, with no journal" "$(first_line)" \
    "If you are thinking about harming yourself, please get help now."
expect_out "and the defaults then" "findahelpline.com"
[ ! -e "$T_DIR/none.db" ] && ok "no journal made by a refused take" ||
	not_ok "no journal made by a refused take" "$T_DIR/none.db exists"
run settings --no-crisis-lines --emergency default
run --as Ben screen take phq9 --answers 0,0,0,0,0,0,0,0,1
expect_out "no lines set: the defaults" "Samaritans (UK and Ireland): 116 123"
run settings --crisis-line "Samaritans: 116 123" --emergency 112

# When a screen is offered (Mia born 2026-03-01): 1, 2, 4, 6 months.
due() {	# due DATE NAME -> "due months"
	LULL_NOW="$1T09:00:00+02:00" "$LULL" --as "$2" screen due --json |
	    jq -r '"\(.due) \(.milestone_months)"'
}
expect_eq "3 weeks: not yet" "$(due 2026-03-22 Kim)" "false null"
expect_eq "3 weeks: not yet, for a parent" "$(due 2026-03-22 Anna)" "false null"
expect_eq "next offer at 1 month" \
    "$(LULL_NOW=2026-03-22T09:00:00+01:00 "$LULL" --as Anna screen due --json | jq -r .next)" \
    2026-03-31
expect_eq "1 month: a helper is not offered one" "$(due 2026-04-02 Oma)" "false null"
run --as Anna screen due --json
expect_eq "1 month: taken today, so done" "$(j .due)" false
expect_eq "1 month: next at 2 months" "$(j .next)" 2026-05-01
expect_eq "the child and birth" "$(j .child) $(j .born)" "Mia 2026-03-01"
run caregiver add Sam
expect_eq "1 month: due for a parent who has not taken one" "$(due 2026-04-01 Sam)" "true 1"
expect_eq "2 months" "$(due 2026-05-01 Anna)" "true 2"
expect_eq "4 months" "$(due 2026-07-01 Anna)" "true 4"
expect_eq "6 months" "$(due 2026-08-31 Anna)" "true 6"
expect_eq "3 months: the 2-month one still open" "$(due 2026-06-01 Anna)" "true 2"
expect_eq "10 months: done unless asked" "$(due 2027-01-01 Anna)" "false null"
expect_eq "10 months with --follow-up" \
    "$(LULL_NOW=2027-01-01T09:00:00+01:00 "$LULL" --as Anna screen due --follow-up --json |
	jq -r '"\(.due) \(.milestone_months)"')" "true null"
expect_eq "a consultant is not offered one" "$(due 2026-05-01 Kim)" "false null"
export LULL_NOW=2026-05-01T09:00:00+02:00
run --as Anna screen take phq2 --answers 0,1
run --as Anna screen due
expect_rc "screen due, text" 0
expect_out "done for now" "Done for now"
expect_eq "taken at 2 months: not due" "$(due 2026-05-01 Anna)" "false 2"
expect_eq "4 months still due" "$(due 2026-07-01 Anna)" "true 4"

# Couple check-ins: on the week's Monday, added to within the week.
export LULL_NOW=2026-05-07T21:00:00+02:00
run --as Anna couple checkin --appreciation "you took the early mornings" \
    --need "an hour to myself on Saturday"
expect_rc "couple checkin" 0
expect_out "kept on the Monday" "week of Mon 4 May 2026"
expect_out "private until shared" "private (only you)"
run --as Anna couple checkin --repair "the talk about the dishes"
expect_rc "added to the week's" 0
expect_out "updated, not doubled" "Updated your check-in"
run --as Anna couple list --json
expect_eq "one check-in for the week" "$(j '.private|length')" 1
expect_eq "its day is the Monday" "$(j '.private[0].day')" 2026-05-04
expect_eq "parts kept" "$(j '.private[0].need') / $(j '.private[0].repair')" \
    "an hour to myself on Saturday / the talk about the dishes"
run --as Anna couple checkin
expect_rc "couple checkin with nothing" 2
run --as Anna couple checkin --connection "a walk" --share consultant
expect_rc "a couple check-in is not for a consultant" 3
run --as Anna couple checkin --connection "a walk" --week 2026-05-14
expect_rc "a week still to come" 3
run --as Anna couple checkin --connection "Sunday walk" --week 2026-04-29
expect_rc "last week's" 0
expect_out "last week's Monday" "week of Mon 27 Apr 2026"
run couple checkin --help
expect_out "help: appreciation" "something your partner did this week"
expect_out "help: repair" "one small thing that went wrong between you"

# Notes of appreciation.
run --as Ben appreciate Anna "Thank you for the 3 a.m. feeds"
expect_rc "appreciate" 0
run --as Ben appreciate Ben "well done me"
expect_rc "a note to oneself" 3
run --as Ben appreciate Nobody "hi"
expect_rc "a note to nobody" 4
run --as Ben appreciate Anna " "
expect_rc "an empty note" 3
run --as Anna couple list
expect_out "sections: private" "Just for you (private, not shared):"
expect_out "sections: shared" "Shared between you:"
expect_out "notes to you" "from Ben: \"Thank you for the 3 a.m. feeds\""
run --as Ben couple list --json
expect_eq "Ben: notes he wrote" "$(j '.notes_you_wrote[0].appreciation')" \
    "Thank you for the 3 a.m. feeds"
expect_eq "Ben: none to him" "$(j '.notes_to_you|length')" 0

# Rituals: due on the right days (2026-05-08 is a Friday).
run ritual add "tea after bedtime" --every daily --at 20:30
expect_rc "daily ritual" 0
run ritual add "date night" --every weekly --day fri --at 19:00 --note "phones away"
expect_rc "weekly ritual" 0
run ritual add "Sunday walk" --every weekly --day sunday
expect_rc "weekly ritual, any time" 0
run ritual add "x" --every weekly
expect_rc "weekly without --day" 2
run ritual add "x" --every daily --day mon
expect_rc "daily with --day" 2
run ritual add "x" --every weekly --day someday
expect_rc "unknown day" 3
expect_err "day named" '--day: "someday" is not a day'
run ritual add "x" --every monthly
expect_rc "unknown every" 3
run ritual add "x" --every daily --at 24:00
expect_rc "bad time" 3
expect_err "time named" '--at: "24:00"'
run ritual add "date night" --every daily
expect_rc "duplicate ritual" 5
run ritual list --json
expect_eq "three rituals" "$(j 'length')" 3
expect_eq "weekly day" "$(j '[.[]|select(.name=="date night")][0].weekday')" fri
ritual_due() { LULL_NOW="$1T07:00:00+02:00" "$LULL" ritual due --json | jq -r '[.rituals[].name]|join(",")'; }
expect_eq "Friday" "$(ritual_due 2026-05-08)" "date night,tea after bedtime"
expect_eq "Saturday" "$(ritual_due 2026-05-09)" "tea after bedtime"
expect_eq "Sunday: timed first, any-time last" "$(ritual_due 2026-05-10)" "tea after bedtime,Sunday walk"
export LULL_NOW=2026-05-08T07:00:00+02:00
run ritual due
expect_out "reminder text" "19:00  date night: phones away"
run ritual delete "tea after bedtime"
expect_rc "ritual delete" 0
run ritual delete "tea after bedtime"
expect_rc "ritual delete twice" 4
expect_eq "Saturday, none left" "$(ritual_due 2026-05-09)" ""
export LULL_NOW=2026-05-09T07:00:00+02:00
run ritual due
expect_out "none today" "No rituals today."

# me delete and me list of every kind.
run --as Anna me list --days 60 --json
expect_eq "every kind of Anna's" "$(j '[.[].kind]|unique|join(",")')" "checkin,couple,screen,sleep"
run --as Anna me delete "$sid"
expect_rc "me delete" 0
run --as Anna me delete "$sid"
expect_rc "me delete twice" 4
run --as Anna me delete abc
expect_rc "not an id" 2
run --as Anna me list --days 60
expect_rc "me list text" 0
expect_out "ids in the text" "#$cid"
done_testing
