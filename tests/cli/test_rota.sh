# The parents' nights on the real binary: lull rota plan (the split
# night, between feeds, the worker rule, targets, the safety and milk
# notes), rota review (a block held, a block broken, wakings nobody
# recorded), fairshare with exact hand-counted figures, lull adults with
# logged sleep shown only to whom it may be shown, and the rebalancing
# prompt after 4 short nights of 7.
set -eu
. "$(dirname "$0")/lib.sh"

export LULL_NOW=2026-06-16T12:00:00+02:00 # a Tuesday
run init --tz Europe/Berlin --name Home
run child add Mia --born 2025-11-14
run caregiver add Sam --role parent --night-feeds bottle
expect_rc "a parent" 0
run caregiver add Alex --role parent --night-feeds bottle --works none
expect_rc "a second parent" 0
run caregiver add Gran --role helper
expect_rc "a helper" 0
run caregiver add Coach --role consultant --night-feeds none
expect_rc "a consultant" 0

# The fixture, evenings 2 to 15 June 2026, every night 19:30 to 06:45
# except the last:
#  - 2..11 June: Sam settles; Sam feeds 23:00-23:20, Alex 03:00-03:30.
#  - 12..14 June: Alex settles and answers 22:00-22:15 (feed),
#    01:00-01:15 (hold), 04:00-04:15 (feed); 02:30-02:40 (pat) has
#    nobody recorded.
#  - 15 June, to 05:45 (an early morning): Alex settles and answers
#    22:00-22:15, 01:00-01:15, 03:30-03:45, 05:00-05:10; 02:30-02:40 has
#    nobody recorded.
for d in 02 03 04 05 06 07 08 09 10 11; do
	run sleep add --from "2026-06-$d 19:30" --to 06:45 --by Sam \
	    --waking 23:00-23:20,feed,Sam --waking 03:00-03:30,feed,Alex
	[ "$rc" -eq 0 ] || not_ok "night of $d June" "$err"
done
for d in 12 13 14; do
	run sleep add --from "2026-06-$d 19:30" --to 06:45 --by Alex \
	    --waking 22:00-22:15,feed,Alex --waking 01:00-01:15,hold,Alex \
	    --waking 02:30-02:40,pat --waking 04:00-04:15,feed,Alex
	[ "$rc" -eq 0 ] || not_ok "night of $d June" "$err"
done
run sleep add --from "2026-06-15 19:30" --to 05:45 --by Alex \
    --waking 22:00-22:15,feed,Alex --waking 01:00-01:15,hold,Alex \
    --waking 02:30-02:40,pat --waking 03:30-03:45,feed,Alex \
    --waking 05:00-05:10,feed,Alex
expect_rc "fourteen nights logged" 0

J="$T_DIR/o.json"
j() { jq -r "$1" "$J"; }
json() {	# json ARGS...: run lull, stdout into $J
	run "$@"
	printf '%s\n' "$out" > "$J"
}

# ---- rota plan -----------------------------------------------------------

json rota plan --json
expect_rc "rota plan --json" 0
expect_eq "tonight" "$(j .night)" 2026-06-16
expect_eq "the parents, not the helper or the consultant" \
    "$(j '[.adults[].name]|join(",")')" "Sam,Alex"
expect_eq "bottle-fed: a split night" "$(j .template)" split
expect_eq "feeding" "$(j .feeding)" bottle
expect_eq "two shifts" "$(j '.shifts|length')" 2
expect_eq "one handover" "$(j '.handovers|length')" 1
expect_eq "the handover is where the second shift starts" \
    "$(j '.handovers[0].at == .shifts[1].from')" true
expect_eq "both blocks meet the target" \
    "$(j '[.adults[].target_met]|all')" true
expect_eq "both blocks are at least 4 h 30 min" \
    "$(j '[.adults[].block.min >= 270]|all')" true
expect_eq "each one's shift is the other's block" \
    "$(j '.adults[0].block.from == .shifts[1].from and .adults[1].block.to == .shifts[0].to')" true
expect_eq "the default target" "$(j '"\(.target_min) \(.target_source)"')" \
    "270 default"
expect_eq "the night covered, in the household's zone" \
    "$(j '"\(.bedtime) \(.wake)"')" \
    "2026-06-16T19:30:00+02:00 2026-06-17T06:45:00+02:00"
expect_eq "from the 14 evenings before" \
    "$(j '"\(.pattern.from) \(.pattern.to) \(.pattern.nights)"')" \
    "2026-06-02 2026-06-15 14"
expect_eq "no reason when the target is met" "$(j .reason)" null
expect_eq "the safety note" "$(j '.safety|test("sofa")')" true
expect_eq "no milk note for a bottle-fed baby" "$(j .milk_note)" null
expect_eq "times as RFC 3339, not minutes of the night" \
    "$(j '[.shifts[].from, .adults[].block.from]|map(test("^2026-06-1[67]T"))|all')" true

run rota plan
expect_rc "rota plan as text" 0
expect_out "the night" "Night rota for the night of Tue 16 Jun 2026 (Mia)"
expect_out "the shifts" "Shifts:"
expect_out "the handover" "Handover at"
expect_out "the blocks" "Protected blocks (target 4 h 30 min, the default)"
expect_out "met" "Every protected block meets the target."
expect_out "the safety note" "Safety: Whoever is on duty"
run rota plan --help
expect_out "rota plan --help" "usage: lull rota plan"
if printf '%s\n' "$out" | grep -q 'who sees it'; then
	not_ok "--with is not about sharing" "$out"
else
	ok "--with is not about sharing"
fi

# Breastfed, the partner does not feed: template B.
run caregiver edit Sam --night-feeds breast
run caregiver edit Alex --night-feeds none
json rota plan --json
expect_rc "a breastfed baby" 0
expect_eq "between feeds" "$(j .template)" between_feeds
expect_eq "breast" "$(j '"\(.feeding) \(.expressed_milk)"')" "breast false"
expect_eq "Sam nurses" "$(j '.adults[0]|"\(.nursing) \(.can_feed)"')" \
    "true true"
expect_eq "Alex cannot feed" "$(j '.adults[1].can_feed')" false
expect_eq "Sam feeds in every shift" "$(j '[.shifts[].feeder]|unique|join(",")')" Sam
expect_eq "feeds too close together: the reason says so" \
    "$(j '.reason|test("Feeds come about every")')" true
run rota plan
expect_out "between feeds in words" "Between feeds: only Sam feeds at night"
expect_out "Alex gets up, Sam feeds" "Alex gets up, Sam feeds"

# Breastfed, the partner gives expressed milk: template A with the note.
run caregiver edit Alex --night-feeds bottle
json rota plan --json
expect_eq "expressed milk: split" "$(j '"\(.template) \(.feeding) \(.expressed_milk)"')" \
    "split breast true"
expect_eq "the milk note" "$(j '.milk_note|test("lactation consultant")')" true
run rota plan
expect_out "the milk note in words" "Milk: A feed of expressed milk"
run caregiver edit Sam --night-feeds bottle

# The worker rule: the one who works tomorrow (Wednesday) takes the
# quieter part of the night; here the shifts are about equal, so the
# first one, and their block runs up to the morning.
run caregiver edit Alex --works mon,tue,wed,thu,fri
json rota plan --json
expect_eq "Alex works on Wednesday" \
    "$(j '[.adults[]|"\(.name)=\(.works_next_day)"]|join(" ")')" \
    "Sam=false Alex=true"
expect_eq "Alex takes the first shift" "$(j '.shifts[0].caregiver')" Alex
expect_eq "Alex's block runs up to the morning" \
    "$(j '.adults[1].block.to == .wake')" true
run rota plan
expect_out "the worker in words" "Working tomorrow (Wed): Alex."
json rota plan --json --date 2026-06-19
expect_eq "Friday night: nobody works on Saturday" \
    "$(j '[.adults[].works_next_day]|any')" false
run caregiver edit Alex --works none
run caregiver edit Sam --works mon,tue,wed,thu,fri
json rota plan --json
expect_eq "the other way round: Sam goes first" "$(j '.shifts[0].caregiver')" Sam
expect_eq "Sam's block runs up to the morning" \
    "$(j '.adults[0].block.to == .wake')" true
run caregiver edit Sam --works none

json rota plan --json --first Alex
expect_eq "--first" "$(j '.shifts[0].caregiver')" Alex
json rota plan --json --first Sam
expect_eq "--first the other" "$(j '.shifts[0].caregiver')" Sam

# Targets.
json rota plan --json --target 4.5
expect_eq "--target 4.5" "$(j '"\(.target_min) \(.target_source)"')" "270 option"
json rota plan --json --target 3
expect_eq "--target 3" "$(j .target_min)" 180
run rota plan --target 9
expect_rc "--target above 8 h" 3
expect_err "names --target" "--target"
run rota plan --target 2.5
expect_rc "--target under 3 h" 3
expect_err "quotes it" '"2.5"'
run rota plan --target soon
expect_rc "--target not a number" 3
run settings --core-block 6
json rota plan --json
expect_eq "the household's core block" "$(j '"\(.target_min) \(.target_source)"')" \
    "360 settings"
expect_eq "6 h cannot be met for both" "$(j .target_met)" false
expect_eq "and the plan says why" "$(j '.reason|test("cannot be met")')" true
run rota plan
expect_out "short of the target" "short of the target"
run settings --core-block default

# Who is on the rota.
json rota plan --json --with Gran
expect_rc "a helper, when named" 0
expect_eq "one adult: solo" "$(j .template)" solo
expect_eq "solo says nothing can be protected" \
    "$(j '.reason|test("no block can be protected")')" true
json rota plan --json --with "Sam, Alex, Gran"
expect_rc "three adults" 0
expect_eq "three adults, two on duty" \
    "$(j '[.adults[].on_duty|select(.)]|length')" 2
run rota plan --with Sam,Nobody
expect_rc "--with an unknown name" 4
expect_err "names it" '"Nobody"'
run rota plan --with Sam,Coach
expect_rc "--with a consultant" 3
expect_err "says why" "consultant"
run rota plan --with Sam,Alex,Gran,Coach,Sam
expect_rc "--with more than 4 adults" 3
expect_err "at most 4" "at most 4 adults"
run rota plan --with Sam,Sam
expect_rc "--with a name twice" 3
run rota plan --with Sam,Gran --first Alex
expect_rc "--first not on the rota" 3
expect_err "names --first" "--first"
run rota plan --first Nobody
expect_rc "--first unknown" 4

# No night to plan from.
run rota plan --date 2026-05-01
expect_rc "no nights logged" 4
expect_err "says to log a few nights" "Log a few nights"

# ---- rota review ---------------------------------------------------------

# Last night (15 June) with Sam first: Alex's block is Sam's shift, and
# Alex answered wakings in it.
json rota review --first Sam --json
expect_rc "rota review --json" 0
expect_eq "last night" "$(j .night)" 2026-06-15
expect_eq "recomputed" "$(j .recomputed)" true
expect_eq "the plan inside" "$(j '.plan.shifts[0].caregiver')" Sam
expect_eq "asleep and awake" "$(j '"\(.asleep) \(.awake)"')" \
    "2026-06-15T19:30:00+02:00 2026-06-16T05:45:00+02:00"
expect_eq "Sam answered nothing: block held" \
    "$(j '.adults[0]|"\(.name) \(.wakings) \(.held) \(.unknown_in_block)"')" \
    "Sam 0 true 1"
expect_eq "Alex answered in their own block: broken" \
    "$(j '.adults[1]|"\(.name) \(.wakings) \(.up_min) \(.held) \(.in_block)"')" \
    "Alex 4 55 false 2"
expect_eq "Alex's longest stretch 22:15 to 01:00" \
    "$(j '.adults[1]|"\(.longest_min) \(.longest_from)"')" \
    "165 2026-06-15T22:15:00+02:00"
expect_eq "nobody recorded" "$(j '"\(.not_recorded.wakings) \(.not_recorded.min)"')" "1 10"
expect_eq "the note about it" "$(j '.note|test("nobody recorded")')" true
run rota review --first Sam
expect_rc "rota review as text" 0
expect_out "held" "Protected block 01:30 to 06:45: held"
expect_out "broken" "broken, 2 wakings they answered fell inside it"
expect_out "recomputed in words" "The plan is recomputed"
run rota review --date 2026-06-16
expect_rc "tonight is not logged yet" 4

# ---- fairshare -----------------------------------------------------------

# Two weeks: days 3..16 June, nights of 3..15 June (13).  By hand:
#  Sam:  9 nights x 1 waking (20 min) = 9, 180 min; 9 bedtimes.
#  Alex: 9 x 1 (30 min) + 3 x 3 (45 min) + 4 (55 min) = 22, 460 min;
#        4 bedtimes; 1 early morning (15 June, 05:45, last waking 05:00).
#  Not recorded: 4 wakings, 40 min.  Shares of 31: 29% and 71%.
json fairshare --weeks 2 --json
expect_rc "fairshare --json" 0
expect_eq "the span" "$(j '"\(.from) \(.to) \(.weeks)"')" "2026-06-03 2026-06-16 2"
expect_eq "nights and early mornings" "$(j '"\(.nights) \(.early_nights)"')" "13 1"
expect_eq "Sam" \
    "$(j '.adults[]|select(.name=="Sam")|"\(.wakings) \(.waking_min) \(.settles) \(.early) \(.share)"')" \
    "9 180 9 0 0.29"
expect_eq "Alex" \
    "$(j '.adults[]|select(.name=="Alex")|"\(.wakings) \(.waking_min) \(.settles) \(.early) \(.share)"')" \
    "22 460 4 1 0.71"
expect_eq "not recorded" \
    "$(j '.not_recorded|"\(.wakings) \(.waking_min) \(.settles) \(.early)"')" "4 40 0 0"
expect_eq "the helper and the consultant are not listed" \
    "$(j '[.adults[].name]|join(",")')" "Sam,Alex"
expect_eq "two weeks" "$(j '.by_week|length')" 2
expect_eq "the first week: 3 to 9 June" \
    "$(j '.by_week[0]|"\(.from) \(.to) \(.nights)"')" "2026-06-03 2026-06-09 7"
expect_eq "the first week, Sam" \
    "$(j '.by_week[0].adults[]|select(.name=="Sam")|"\(.wakings) \(.waking_min) \(.settles)"')" \
    "7 140 7"
expect_eq "the second week, Alex" \
    "$(j '.by_week[1].adults[]|select(.name=="Alex")|"\(.wakings) \(.waking_min) \(.settles) \(.early)"')" \
    "15 250 4 1"
expect_eq "the second week, not recorded" \
    "$(j '.by_week[1].not_recorded.wakings')" 4
expect_eq "the last 7 nights" "$(j '[.adults[0].last_nights[].night]|first + " " + last')" \
    "2026-06-09 2026-06-15"
expect_eq "Alex's longest from night duty" \
    "$(j '[.adults[1].last_nights[]|"\(.longest_min)\(.source|.[0:1])"]|join(" ")')" \
    "450n 450n 450n 165n 165n 165n 165n"
expect_eq "Alex: under 3 h on 4 of 7 nights, a prompt" \
    "$(j '.adults[1].rebalance|"\(.prompt) \(.under) \(.nights)"')" "true 4 7"
expect_eq "Sam: no prompt" "$(j '.adults[0].rebalance|"\(.prompt) \(.message)"')" \
    "false null"
expect_eq "not a score" "$(j .note)" "A conversation starter, not a score."

run fairshare --weeks 2
expect_rc "fairshare as text" 0
expect_out "side by side" "Wakings answered        9 (29%)         22 (71%)        4"
expect_out "minutes" "3h00            7h40            40m"
expect_out "not a score" "A conversation starter, not a score."
expect_out "without blame" "had nobody recorded; at 3 a.m. that is only natural"
expect_out "from night duty" "from night duty"
expect_out "the prompt" "Alex's longest sleep was under 3 h on 4 of the last 7 nights"
expect_out "what to do about it" "lull rota plan"
run fairshare
expect_rc "fairshare, 4 weeks by default" 0
expect_out "four weeks" "(4 weeks, 14 nights logged)"
run fairshare --weeks 14
expect_rc "--weeks above 13" 3
run fairshare --weeks 0
expect_rc "--weeks 0" 3

# A day earlier, the last 7 nights hold only 3 short ones: no prompt.
export LULL_NOW=2026-06-15T12:00:00+02:00
json fairshare --json
export LULL_NOW=2026-06-16T12:00:00+02:00
expect_eq "3 short nights of 7: no prompt" \
    "$(j '.adults[1].rebalance|"\(.prompt) \(.under)"')" "false 3"

# ---- each adult's sleep --------------------------------------------------

run --as Sam me sleep --from "2026-06-14 22:00" --to "2026-06-15 02:00"
expect_rc "Sam's own sleep, shared with the partner" 0
run --as Sam me sleep --from "2026-06-15 02:30" --to "2026-06-15 07:00"
run --as Sam me sleep --from "2026-06-13 21:00" --to "2026-06-14 05:00" \
    --share none
expect_rc "Sam's own sleep, private" 0

json adults --json
expect_rc "adults --json" 0
expect_eq "the last 7 nights" "$(j '"\(.from) \(.to) \(.nights|length)"')" \
    "2026-06-09 2026-06-15 7"
expect_eq "without --as, everything from night duty" \
    "$(j '[.adults[].nights[].source]|unique|join(",")')" night_duty
expect_eq "Sam's derived longest blocks" \
    "$(j '[.adults[0].nights[].longest_min]|map(tostring)|join(" ")')" \
    "445 445 445 675 675 675 615"
expect_eq "Alex's derived longest blocks" \
    "$(j '[.adults[1].nights[].longest_min]|map(tostring)|join(" ")')" \
    "450 450 450 165 165 165 165"
expect_eq "Alex's prompt here too" "$(j '.adults[1].rebalance.prompt')" true
expect_eq "the consolidated-sleep note" \
    "$(j '.note|test("restores more than the same hours in pieces")')" true

json --as Alex adults --json
expect_eq "the partner sees Sam's shared sleep" \
    "$(j '.adults[0].nights[5]|"\(.night) \(.source) \(.longest_min) \(.total_min) \(.pieces)"')" \
    "2026-06-14 logged 270 510 2"
expect_eq "but not the private one: only the derived figure" \
    "$(j '.adults[0].nights[4]|"\(.night) \(.source) \(.longest_min) \(.total_min)"')" \
    "2026-06-13 night_duty 675 null"
json --as Sam adults --json
expect_eq "Sam sees their own private sleep" \
    "$(j '.adults[0].nights[4]|"\(.source) \(.longest_min) \(.total_min)"')" \
    "logged 480 480"
json --as Gran adults --json
expect_eq "a helper sees nobody's own sleep" \
    "$(j '.adults[0].nights[5].source')" night_duty
run --as Alex adults
expect_rc "adults as text" 0
expect_out "pieces and total" "4h30 of 8h30"
expect_out "marked as from night duty" "* from night duty"
expect_out "the consolidated-sleep line" "One unbroken stretch of sleep"
run --as Alex fairshare --json
printf '%s\n' "$out" > "$J"
expect_eq "fairshare shows the shared sleep too" \
    "$(j '.adults[0].last_nights[5]|"\(.source) \(.longest_min)"')" "logged 270"
run adults --days 32
expect_rc "--days above 31" 3
json adults --days 2 --json
expect_eq "--days 2" "$(j '.nights|join(" ")')" "2026-06-14 2026-06-15"

done_testing
