# The plan from the command line: the preview's JSON contract, profile
# errors that name the field, and a plan walked through a week of
# mornings with the parent's own moves, all kept in the history.
set -eu
. "$(dirname "$0")/lib.sh"

P="$T_DIR/profile.json"
cat > "$P" <<'JSON'
{"today": "2026-11-22",
 "child": {"born": "2026-04-01", "due": "2026-04-20", "feeding": "breast", "growth_concern": false},
 "sleep_space": "parents_room_cot",
 "associations": ["fed", "rocked"],
 "temperament": {"persistence": 3, "sensitivity": 3, "separation_distress": 3, "alertness": 3},
 "goals": ["less_help_to_fall_asleep", "fewer_wakings"],
 "health": [],
 "household": {"smoker": false, "impaired_adult": false, "caregivers_for_nights": 2}}
JSON

run plan preview --profile "$P" --json
expect_rc "preview needs no journal" 0
printf '%s\n' "$out" > "$T_DIR/plan.json"
expect_eq "mode coaching" "$(jq -r .mode "$T_DIR/plan.json")" coaching
expect_eq "method is an id" "$(jq -r '.method | test("^M[0-8]$")' "$T_DIR/plan.json")" true
expect_eq "steps have the contract members" \
    "$(jq '[.steps[] | has("index") and has("nights_min") and has("parent_presence") and has("leaves_crying_child_alone") and has("guidance")] | all' "$T_DIR/plan.json")" true
expect_eq "no step leaves a crying child alone" \
    "$(jq '[.steps[].leaves_crying_child_alone] | any' "$T_DIR/plan.json")" false
expect_eq "presence from the contract's list" \
    "$(jq '[.steps[].parent_presence | IN("holding","touching","beside","near","doorway","outside_in_view","outside_nearby")] | all' "$T_DIR/plan.json")" true
expect_eq "guidance is text" "$(jq '[.steps[].guidance | type == "string" and length > 20] | all' "$T_DIR/plan.json")" true
expect_eq "safety has rule and message" \
    "$(jq '[.safety[] | has("rule") and has("message")] | all' "$T_DIR/plan.json")" true
expect_eq "referrals is an array" "$(jq '.referrals | type' "$T_DIR/plan.json")" '"array"'

# Gates through the command line.
jq '.child.born = "2026-09-01" | .child.due = null' "$P" > "$T_DIR/young.json"
run plan preview --profile "$T_DIR/young.json" --json
expect_eq "under 4 months: foundations" "$(printf '%s\n' "$out" | jq -r .mode)" foundations
jq '.health = ["blue_or_limp", "snoring"]' "$P" > "$T_DIR/flag.json"
run plan preview --profile "$T_DIR/flag.json" --json
expect_eq "red flag pauses" "$(printf '%s\n' "$out" | jq -r .mode)" paused
expect_eq "emergency first" "$(printf '%s\n' "$out" | jq -r '.referrals[0].urgency')" emergency
run plan preview --profile "$T_DIR/flag.json"
expect_out "emergency said first in text" "FIRST:"
jq '.sleep_space = "parents_bed" | .associations = ["bed_sharing"] | .household.smoker = true' "$P" > "$T_DIR/bed.json"
run plan preview --profile "$T_DIR/bed.json" --json
expect_eq "smoker and bed-sharing: a strong warning" \
    "$(printf '%s\n' "$out" | jq '[.safety[] | select(.severity == "strong")] | length > 0')" true

# Bad profiles name the field.
jq '.child.weight = 7' "$P" > "$T_DIR/bad1.json"
run plan preview --profile "$T_DIR/bad1.json"
expect_rc "unknown field refused" 3
expect_err "names the field" "child.weight"
jq '.temperament.persistence = 6' "$P" > "$T_DIR/bad2.json"
run plan preview --profile "$T_DIR/bad2.json"
expect_rc "temperament out of range" 3
expect_err "names temperament" "temperament.persistence"
jq '.sleep_space = "hammock"' "$P" > "$T_DIR/bad3.json"
run plan preview --profile "$T_DIR/bad3.json"
expect_rc "unknown sleep space" 3
expect_err "lists the spaces" "own_room_cot"
run plan preview --profile "$T_DIR/nope.json"
expect_rc "missing file" 4
run plan preview
expect_rc "no --profile" 2

# A plan through a week.
export LULL_NOW=2026-11-22T09:00:00+01:00
run init --tz Europe/Paris
run child add Mia --born 2026-04-01 --due 2026-04-20
run caregiver add Lou
run plan today
expect_rc "no plan yet" 4
jq '.child.born = "2026-04-02"' "$P" > "$T_DIR/other.json"
run plan start --profile "$T_DIR/other.json"
expect_rc "profile of another child refused" 3
expect_err "names child.born" "child.born"
run plan start --profile "$P"
expect_rc "plan start" 0
expect_out "tonight is step 1" "Tonight is step 1"
run plan today --json
expect_eq "today on step 1" "$(printf '%s\n' "$out" | jq .step)" 1

night() {	# night DAY LATENCY CRYING
	run sleep add --from "2026-11-$1 19:30" --to 06:40 --latency "$2" --crying "$3"
}
export LULL_NOW=2026-11-23T07:30:00+01:00
run plan decide --json
expect_eq "nothing logged: hold" "$(printf '%s\n' "$out" | jq -r .verdict)" hold
export LULL_NOW=2026-11-24T07:30:00+01:00
night 23 12 1
run plan decide --json
expect_eq "one calm night: hold" "$(printf '%s\n' "$out" | jq -r .verdict)" hold
export LULL_NOW=2026-11-25T07:30:00+01:00
night 24 10 0
run plan decide
export LULL_NOW=2026-11-26T07:30:00+01:00
night 25 14 2
run plan decide --json
expect_eq "three calm nights: advance" "$(printf '%s\n' "$out" | jq -r .verdict)" advance
expect_eq "to step 2" "$(printf '%s\n' "$out" | jq .step_to)" 2
run plan decide --json
expect_eq "asking again shows the same decision" \
    "$(printf '%s\n' "$out" | jq -r .verdict)" advance
export LULL_NOW=2026-11-27T07:30:00+01:00
night 26 35 15
run plan decide --json
expect_eq "hard crying: step back" "$(printf '%s\n' "$out" | jq -r .verdict)" step_back
expect_eq "back to step 1" "$(printf '%s\n' "$out" | jq .step_to)" 1
run plan back
expect_rc "no step before the first" 3
run --as Lou plan override --step 3 --note "she is ready"
expect_rc "override" 0
run plan override --step 9
expect_rc "override beyond the ladder" 3
run plan slow
expect_rc "slow down" 0
run plan pause --note "visiting family"
expect_rc "pause" 0
run plan pause
expect_rc "pause twice" 5
export LULL_NOW=2026-11-28T07:30:00+01:00
night 27 10 0
run plan decide --json
expect_eq "paused by the parent stays paused" \
    "$(printf '%s\n' "$out" | jq -r .verdict)" pause
run plan resume
expect_rc "resume" 0
run plan history --json
h=$out
expect_eq "every decision and move kept" "$(printf '%s\n' "$h" | jq length)" 10
expect_eq "override by Lou with the note" \
    "$(printf '%s\n' "$h" | jq -r '[.[] | select(.verdict == "override")][0].reason')" \
    "You moved the plan to step 3. Your note: she is ready"
expect_eq "parent moves are marked (override, slow, pause, resume)" \
    "$(printf '%s\n' "$h" | jq '[.[] | select(.by_parent)] | length')" 4
run plan today --json
expect_eq "on step 3 after the override" "$(printf '%s\n' "$out" | jq .step)" 3
expect_eq "slowed: one more night a step" "$(printf '%s\n' "$out" | jq .state.slow)" 1

# The plan and its history are part of the export, and restore exactly.
run export --json -o "$T_DIR/a.json"
expect_eq "plan exported" "$(jq '.plans | length' "$T_DIR/a.json")" 1
expect_eq "history exported" "$(jq '.plans[0].events | length' "$T_DIR/a.json")" 10
export LULL_DB="$T_DIR/b.db"
run import --json "$T_DIR/a.json"
expect_rc "restore" 0
run export --json -o "$T_DIR/b.json"
if cmp -s "$T_DIR/a.json" "$T_DIR/b.json"; then ok "plan round trip is exact"
else not_ok "plan round trip is exact" "$(diff "$T_DIR/a.json" "$T_DIR/b.json" | head)"; fi
done_testing
