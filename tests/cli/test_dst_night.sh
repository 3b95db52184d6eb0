# A night with two wakings that crosses midnight, entered at the command
# line, comes back as one night with two wakings, in the log and in the
# export, with local times right across a DST change: Berlin falling
# back (an hour that happens twice) and New York springing forward (an
# hour that never happens).
set -eu
. "$(dirname "$0")/lib.sh"

# Berlin, clocks go back at 03:00 CEST on Sunday 25 Oct 2026.
export LULL_NOW=2026-10-26T09:00:00+01:00
run init --tz Europe/Berlin --name Berlin
expect_rc "init in Europe/Berlin" 0
run child add Mia --born 2026-03-02
run caregiver add Sam
run caregiver add Alex
run sleep add --child Mia --from "2026-10-24 19:30" --to 06:45 \
    --how fed,held --where sidecar --by Sam --routine yes --latency 15 \
    --waking 23:10-23:25,feed,Sam --waking 02:30-02:50,hold,Alex
expect_rc "sleep add across the fall-back night" 0
expect_err "the repeated 02:30 is reported" "happened twice"

run log 2026-10-24
expect_rc "log of that day" 0
expect_out "one night from 19:30 to 06:45 on Sunday" "19:30-06:45 Sun night"
# 11h15m of wall clock, but the clocks went back: 12h15m of real sleep.
expect_out "real duration counts the repeated hour" "12h15m"
expect_out "first waking with response and caregiver" "woke 23:10-23:25 15m  fed · Sam"
expect_out "second waking in the repeated hour" "woke 02:30-02:50 20m  held · Alex"
n=$(printf '%s\n' "$out" | grep -c '19:30-06:45 Sun night' || true)
expect_eq "the night is listed once" "$n" 1

run log 2026-10-25
expect_out "nothing is listed under the morning after" "Nothing logged"

run export --json
expect_rc "export" 0
printf '%s\n' "$out" > "$T_DIR/berlin.json"
expect_eq "one sleep in the export" "$(jq '.sleeps|length' "$T_DIR/berlin.json")" 1
expect_eq "schema version" "$(jq '.schema' "$T_DIR/berlin.json")" 1
expect_eq "kind night" "$(jq -r '.sleeps[0].kind' "$T_DIR/berlin.json")" night
expect_eq "start in CEST" "$(jq -r '.sleeps[0].start' "$T_DIR/berlin.json")" \
    2026-10-24T19:30:00+02:00
expect_eq "end in CET" "$(jq -r '.sleeps[0].end' "$T_DIR/berlin.json")" \
    2026-10-25T06:45:00+01:00
expect_eq "two wakings" "$(jq '.sleeps[0].wakings|length' "$T_DIR/berlin.json")" 2
expect_eq "waking 2 in the first 02:30 (CEST)" \
    "$(jq -r '.sleeps[0].wakings[1].start' "$T_DIR/berlin.json")" \
    2026-10-25T02:30:00+02:00
expect_eq "waking 1 response" \
    "$(jq -r '.sleeps[0].wakings[0].response' "$T_DIR/berlin.json")" feed
expect_eq "waking 2 by Alex" \
    "$(jq -r '.sleeps[0].wakings[1].by' "$T_DIR/berlin.json")" Alex
expect_eq "onset as a set" \
    "$(jq -c '.sleeps[0].onset' "$T_DIR/berlin.json")" '["fed","held"]'

# The second 02:30 can be chosen with an explicit offset.
run waking add --from "2026-10-25 02:40+01:00" --to "2026-10-25 02:55+01:00" \
    --response pat
expect_rc "waking in the second 02:xx hour by offset" 0
run export --json
expect_eq "third waking is after the repeated hour" \
    "$(printf '%s\n' "$out" | jq -r '.sleeps[0].wakings[2].start')" \
    2026-10-25T02:40:00+01:00

# New York, clocks jump from 02:00 to 03:00 on Sunday 8 Mar 2026.
export LULL_DB="$T_DIR/ny.db"
export LULL_NOW=2026-03-09T12:00:00-04:00
run init --tz America/New_York
run child add Leo --born 2025-09-01
run sleep add --from "2026-03-07 20:00" --to 06:30 --waking 02:30-02:45,feed
expect_rc "sleep add across the spring-forward night" 0
expect_err "the missing 02:30 is reported" "did not exist"
run export --json
expect_eq "end in EDT" "$(printf '%s\n' "$out" | jq -r '.sleeps[0].end')" \
    2026-03-08T06:30:00-04:00
expect_eq "missing 02:30 read as 03:30 EDT" \
    "$(printf '%s\n' "$out" | jq -r '.sleeps[0].wakings[0].start')" \
    2026-03-08T03:30:00-04:00
run log 2026-03-07
# 10h30m of wall clock, an hour lost: 9h30m.
expect_out "real duration across the lost hour" "9h30m"
done_testing
