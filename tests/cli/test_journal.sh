# The everyday journal: the one-tap timer, wakings during a night, feeds,
# tags, edits and deletes, listings in text and JSON, who logged what.
set -eu
. "$(dirname "$0")/lib.sh"

export LULL_NOW=2026-05-10T19:40:00+01:00
run init --tz Europe/London
run child add Ada --born 2025-11-20 --due 2025-12-25
expect_out "corrected age for a baby born early" "corrected age"
run caregiver add Kim
run caregiver add Jo
run child list --json
expect_eq "child JSON has corrected age flag" \
    "$(printf '%s\n' "$out" | jq -r '.[0].age_corrected')" true

run --as Kim sleep start --how fed --where own-room-cot
expect_rc "sleep start" 0
run sleep start
expect_rc "a second ongoing sleep collides" 5

export LULL_NOW=2026-05-10T23:05:00+01:00
run --as Jo waking start
expect_rc "waking start" 0
export LULL_NOW=2026-05-10T23:20:00+01:00
run --as Jo waking stop --response rock --by Jo
expect_rc "waking stop" 0
expect_out "says how long" "15m"
export LULL_NOW=2026-05-11T06:30:00+01:00
run --as Kim sleep stop --latency 10
expect_rc "sleep stop" 0
expect_out "a night" "Logged night"
run sleep stop
expect_rc "nothing to stop" 4

run feed add --at "05:50" --minutes 12 --side left
expect_rc "feed with minutes" 0
run tag add teething --from 2026-05-09 --to 2026-05-12 --note "molars?"
expect_rc "tag" 0

run log --days 2
expect_out "night from the timer" "19:40-06:30 Mon night"
expect_out "waking from the one-tap" "woke 23:05-23:20 15m  rocked · Jo"
expect_out "feed in the log" "breast left 12m"
expect_out "tag in the log" "teething: molars?"
expect_out "summary line" "night 10h35m asleep, 1 waking (15m awake)"

run log --days 2 --json
j=$out
expect_eq "json days" "$(printf '%s\n' "$j" | jq '.days|length')" 2
expect_eq "night under its evening" \
    "$(printf '%s\n' "$j" | jq -r '.days[0].sleeps[0].kind')" night
expect_eq "logged by Kim" \
    "$(printf '%s\n' "$j" | jq -r '.days[0].sleeps[0].logged_by')" Kim
expect_eq "updated by Kim at stop" \
    "$(printf '%s\n' "$j" | jq -r '.days[0].sleeps[0].updated_at')" \
    2026-05-11T06:30:00+01:00
expect_eq "waking logged by Jo" \
    "$(printf '%s\n' "$j" | jq -r '.days[0].sleeps[0].wakings[0].logged_by')" Jo
sid=$(printf '%s\n' "$j" | jq -r '.days[0].sleeps[0].id')
wid=$(printf '%s\n' "$j" | jq -r '.days[0].sleeps[0].wakings[0].id')

export LULL_NOW=2026-05-11T09:00:00+01:00
run --as Jo edit sleep "$sid" --to 06:50 --note "early start"
expect_rc "edit sleep end" 0
run log 2026-05-10 --json
expect_eq "new end" "$(printf '%s\n' "$out" | jq -r '.days[0].sleeps[0].end')" \
    2026-05-11T06:50:00+01:00
expect_eq "edited by Jo" "$(printf '%s\n' "$out" | jq -r '.days[0].sleeps[0].updated_by')" Jo
expect_eq "version bumped" "$(printf '%s\n' "$out" | jq -r '.days[0].sleeps[0].version')" 3
run edit waking "$wid" --response hold
expect_rc "edit waking" 0
run edit sleep "$sid" --to 23:10
expect_rc "end inside a waking is refused" 3

run delete waking "$wid"
expect_rc "delete waking" 0
run log 2026-05-10 --json
expect_eq "waking gone" "$(printf '%s\n' "$out" | jq '.days[0].sleeps[0].wakings|length')" 0
run delete sleep "$sid"
expect_rc "delete sleep" 0
run delete sleep "$sid"
expect_rc "deleted twice" 4

run caregiver list --json
expect_eq "two caregivers" "$(printf '%s\n' "$out" | jq 'length')" 2
run child add Bea --born 2026-04-01
run sleep add --from "2026-05-10 13:00" --to "2026-05-10 14:00"
expect_rc "two children need --child" 2
run sleep add --from "2026-05-10 13:00" --to "2026-05-10 14:00" --child Bea
expect_rc "nap for Bea" 0
expect_out "a nap by default at midday" "Logged nap"
run child delete Bea
expect_rc "delete needs --yes" 2
run child delete Bea --yes
expect_rc "child delete" 0
run child edit Ada --name Adele --no-due
expect_rc "child edit" 0
run child list
expect_out "renamed" "Adele"
done_testing
