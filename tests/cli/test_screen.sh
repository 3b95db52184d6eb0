# The mood screens on the real binary: lull screen questions and score,
# text and JSON (jq), band edges, the PHQ-9's ninth item bringing the
# crisis help first whatever the total, and the refusals with their exit
# codes (2 usage, 3 invalid value).  No journal is needed or made.
set -eu
. "$(dirname "$0")/lib.sh"

j() { printf '%s\n' "$out" | jq -r "$1"; }

# Questions, for a front end to ask them.
run screen questions phq9 --json
expect_rc "questions phq9 --json" 0
expect_eq "nine items" "$(j '.items|length')" 9
expect_eq "item 1, official wording" "$(j '.items[0].text')" \
    "Little interest or pleasure in doing things"
expect_eq "item 9 is the self-harm item" \
    "$(j '[.items[]|select(.self_harm)|.item]|join(",")')" 9
expect_eq "four answer labels" "$(j '[.answers[]|"\(.value) \(.label)"]|join("; ")')" \
    "0 Not at all; 1 Several days; 2 More than half the days; 3 Nearly every day"
expect_eq "recall period" "$(j .recall)" \
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
expect_eq "bands with their edges" \
    "$(j '[.bands[]|"\(.band) \(.from)-\(.to)"]|join(", ")')" \
    "minimal 0-4, mild 5-9, moderate 10-14, moderately_severe 15-19, severe 20-27"
expect_eq "the copyright notice travels with it" "$(j '.copyright|startswith("Developed by Drs. Robert L. Spitzer")')" true
run screen questions gad2 --json
expect_eq "gad2: two items" "$(j '.items|length')" 2
expect_eq "gad2: its full form" "$(j .full_form)" gad7
expect_eq "gad2: no self-harm item" "$(j '[.items[]|select(.self_harm)]|length')" 0
run screen questions gad7
expect_rc "questions as text" 0
expect_out "numbered items" " 7. Feeling afraid"
expect_out "answer labels" "0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day"
expect_out "how to score" "lull screen score gad7 --answers"
run --json screen questions phq2
expect_eq "global --json before the command" "$(j .instrument)" phq2

# Band edges through the command line.
score() {	# score INSTRUMENT ANSWERS -> "total band positive self_harm"
	run screen score "$1" --answers "$2" --json
	j '"\(.total) \(.band) \(.positive) \(.self_harm)"'
}
expect_eq "phq9 0" "$(score phq9 0,0,0,0,0,0,0,0,0)" "0 minimal false false"
expect_eq "phq9 4" "$(score phq9 3,1,0,0,0,0,0,0,0)" "4 minimal false false"
expect_eq "phq9 5" "$(score phq9 3,2,0,0,0,0,0,0,0)" "5 mild false false"
expect_eq "phq9 9" "$(score phq9 3,3,3,0,0,0,0,0,0)" "9 mild false false"
expect_eq "phq9 10" "$(score phq9 3,3,3,1,0,0,0,0,0)" "10 moderate true false"
expect_eq "phq9 14" "$(score phq9 3,3,3,3,2,0,0,0,0)" "14 moderate true false"
expect_eq "phq9 15" "$(score phq9 3,3,3,3,3,0,0,0,0)" "15 moderately_severe true false"
expect_eq "phq9 19" "$(score phq9 3,3,3,3,3,3,1,0,0)" "19 moderately_severe true false"
expect_eq "phq9 20" "$(score phq9 3,3,3,3,3,3,2,0,0)" "20 severe true false"
expect_eq "phq9 24, item 9 at 0" "$(score phq9 3,3,3,3,3,3,3,3,0)" "24 severe true false"
expect_eq "phq9 27" "$(score phq9 3,3,3,3,3,3,3,3,3)" "27 severe true true"
expect_eq "gad7 4" "$(score gad7 1,1,1,1,0,0,0)" "4 minimal false false"
expect_eq "gad7 5" "$(score gad7 1,1,1,1,1,0,0)" "5 mild false false"
expect_eq "gad7 9" "$(score gad7 3,3,3,0,0,0,0)" "9 mild false false"
expect_eq "gad7 10" "$(score gad7 3,3,3,1,0,0,0)" "10 moderate true false"
expect_eq "gad7 14" "$(score gad7 2,2,2,2,2,2,2)" "14 moderate true false"
expect_eq "gad7 15" "$(score gad7 3,3,3,3,3,0,0)" "15 severe true false"
expect_eq "gad7 21" "$(score gad7 3,3,3,3,3,3,3)" "21 severe true false"
expect_eq "phq2 2" "$(score phq2 1,1)" "2 negative false false"
expect_eq "phq2 3" "$(score phq2 2,1)" "3 positive true false"
expect_eq "gad2 2" "$(score gad2 2,0)" "2 negative false false"
expect_eq "gad2 3" "$(score gad2 0,3)" "3 positive true false"
expect_eq "spaces around answers" "$(score gad2 ' 0, 3 ')" "3 positive true false"

# The full JSON contract.
run screen score phq9 --answers 1,1,1,1,1,1,1,1,0 --json
expect_rc "score --json" 0
expect_eq "instrument" "$(j .instrument)" phq9
expect_eq "items" "$(j .items)" 9
expect_eq "total is an integer" "$(j '.total|type')" number
expect_eq "self_harm is a boolean" "$(j '.self_harm|type')" boolean
expect_eq "positive is a boolean" "$(j '.positive|type')" boolean
expect_eq "no help without the self-harm item" "$(j .help)" null
expect_eq "the advice says it is a screen" \
    "$(j '.advice|contains("a screen, not a diagnosis")')" true
run screen score phq2 --answers 3,3 --json
expect_eq "a positive 2-item form points to the full one" "$(j .full_form)" phq9
expect_eq "and says so" "$(j '.advice|contains("the PHQ-9")')" true
run screen score phq9 --answers 3,3,3,3,0,0,0,0,0 --json
expect_eq "phq9 >= 10 suggests a clinician" "$(j '.advice|contains("clinician")')" true

# Item 9 on its own: total 1, minimal, and the help first.
run screen score phq9 --answers 0,0,0,0,0,0,0,0,1 --json
expect_rc "item 9 alone --json" 0
expect_eq "item 9 alone" "$(j '"\(.total) \(.band) \(.positive) \(.self_harm)"')" \
    "1 minimal false true"
expect_eq "help is the first key" "$(j 'keys_unsorted[0]')" help
expect_eq "help headline" "$(j .help.headline)" \
    "If you are thinking about harming yourself, please get help now."
expect_eq "default emergency number, said to be a default" \
    "$(j '"\(.help.emergency)|\(.help.defaults)"')" \
    "112 / 911 / 999 — your local emergency number|true"
expect_eq "crisis lines as name: number" \
    "$(j '[.help.crisis_lines[]|select(contains(": "))]|length > 2')" true
expect_eq "score stores nothing and pauses nothing" "$(j .help.plan_paused)" false
expect_eq "a clinician today" "$(j '.help.clinician|contains("clinician today")')" true
expect_eq "the help as text too" \
    "$(j '.help.text|startswith("If you are thinking about harming yourself")')" true

run screen score phq9 --answers 0,0,0,0,0,0,0,0,2
expect_rc "item 9 as text" 0
expect_eq "the help is the very first line" "$(printf '%s\n' "$out" | head -n 1)" \
    "If you are thinking about harming yourself, please get help now."
help_line=$(printf '%s\n' "$out" | grep -n 'please get help now' | head -n 1 | cut -d: -f1)
score_line=$(printf '%s\n' "$out" | grep -n '^PHQ-9 .*: 2 of 27, minimal' | head -n 1 | cut -d: -f1)
expect_eq "help before the score" "$([ -n "$score_line" ] && [ "$help_line" -lt "$score_line" ] && echo yes)" yes
expect_out "the emergency number" "Emergency: 112 / 911 / 999"
expect_out "a crisis line" "Samaritans (UK and Ireland): 116 123"
expect_out "the plan may rest" "Let the sleep plan rest"
expect_out "the copyright notice" "No permission required to reproduce"

run screen score phq9 --answers 3,3,3,3,3,3,3,3,0
expect_rc "high total, item 9 at 0" 0
expect_eq "no crisis help then" "$(printf '%s\n' "$out" | grep -c 'please get help now' || true)" 0
expect_out "the band in words" "24 of 27, severe (screen-positive)."
run screen score gad2 --answers 2,2
expect_out "a positive 2-item form: the full form" "lull screen questions gad7"

# Refusals.
run screen score phq9 --answers 0,0,0,0,0,0,0,0
expect_rc "eight answers for the phq9" 3
expect_err "the count is named" "phq9 takes 9 answers, got 8"
run screen score gad2 --answers 0,1,2
expect_rc "three for gad2" 3
expect_err "gad2's count" "gad2 takes 2 answers, got 3"
run screen score phq9 --answers 0,0,0,5,0,0,0,0,0
expect_rc "out of range" 3
expect_err "names the item" "item 4: 5 is out of range 0-3"
run screen score phq9 --answers 0,0,0,0,0,0,0,0,-1
expect_rc "negative" 3
expect_err "names item 9" "item 9: -1 is out of range 0-3"
run screen score gad7 --answers 0,0,x,0,0,0,0
expect_rc "not a number" 3
expect_err "names the item and quotes it" 'item 3: "x" is not a whole number'
run screen score gad7 --answers 0,0,1.5,0,0,0,0
expect_rc "not a whole number" 3
expect_err "1.5 quoted" 'item 3: "1.5"'
run screen score gad7 --answers 0,,0,0,0,0,0
expect_rc "an empty answer" 3
expect_err "the empty item" 'item 2: ""'
run screen score phq2 --answers 0,99999999999999999999
expect_rc "a huge number" 3
expect_err "out of range too" "item 2: 99999999999999999999 is out of range 0-3"
run screen score epds --answers 0,0,0,0,0,0,0,0,0,0
expect_rc "unknown instrument" 3
expect_err "names the choices" "phq9, phq2, gad7, gad2"
run screen questions bdi
expect_rc "unknown instrument for questions" 3
run screen score phq9
expect_rc "missing --answers" 2
expect_err "says what is missing" "--answers"
run screen score phq9 --answers
expect_rc "--answers without a value" 2
run screen score --answers 0,0
expect_rc "missing instrument" 2
run screen score phq9 gad7 --answers 0,0
expect_rc "two instruments" 2
run screen score phq9 --answers 0,0,0,0,0,0,0,0,0 --bogus
expect_rc "unknown option" 2
run screen
expect_rc "screen alone lists its commands" 2
expect_err "lists score" "lull screen score"
run screen score --help
expect_rc "help" 0
expect_out "help text" "not a diagnosis"

# No journal was created by any of it.
expect_eq "no journal file" "$([ -e "$LULL_DB" ] && echo made || echo none)" none

done_testing
