# The analytics commands on the real binary: lull report (text and the
# JSON of docs/report.schema.json) with exact figures for a hand-logged
# day and its night, charts that are well-formed SVG (xmllint, from
# scripts/deps.sh) even for a child whose name is markup, predictions
# and their walk-forward evaluation; and, when ../shared/data/real is
# here, the same commands on a real export.
set -eu
. "$(dirname "$0")/lib.sh"

# Against docs/report.schema.json, where Python's jsonschema is at hand
# (a developer's machine; the checks above hold the fields either way).
schema_ok() {	# schema_ok NAME FILE
	if ! python3 -c 'import jsonschema' >/dev/null 2>&1; then
		ok "$1 (skipped: python3 jsonschema not installed)"
	elif python3 -c '
import json, sys, jsonschema
schema = json.load(open("docs/report.schema.json"))
jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[1])))
' "$2" 2>"$T_DIR/schemaerr"; then
		ok "$1"
	else
		not_ok "$1" "$(tail -n 5 "$T_DIR/schemaerr")"
	fi
}

xml_ok() {	# xml_ok NAME FILE
	if ! command -v xmllint >/dev/null 2>&1; then
		ok "$1 (skipped: xmllint not installed)"
	elif xmllint --noout "$2" 2>"$T_DIR/xmlerr"; then
		ok "$1"
	else
		not_ok "$1" "$(cat "$T_DIR/xmlerr")"
	fi
}

export LULL_NOW=2026-06-16T12:00:00+02:00
run init --tz Europe/Berlin --name Berlin
run child add Mia --born 2025-11-14
run caregiver add Sam
run caregiver add Alex
run sleep add --from "2026-06-14 09:00" --to 10:00
run sleep add --from "2026-06-14 13:00" --to 14:30
run sleep add --from "2026-06-14 19:30" --to 06:45 --by Sam --latency 15 \
    --routine yes --waking 23:10-23:25,feed,Sam --waking 02:30-02:50,hold,Alex
expect_rc "a night with two wakings" 0
run feed add --at "2026-06-15 05:50"
expect_rc "a feed in the night" 0

run report --from 2026-06-14 --to 2026-06-14 --json
expect_rc "report --json" 0
printf '%s\n' "$out" > "$T_DIR/r.json"
j() { jq -r "$1" "$T_DIR/r.json"; }
expect_eq "schema" "$(j .schema)" 1
expect_eq "child" "$(j .child.name)" Mia
expect_eq "one day" "$(j '.days|length')" 1
expect_eq "date" "$(j '.days[0].date')" 2026-06-14
expect_eq "total sleep: naps and the night" "$(j '.days[0].total_sleep_min')" 790
expect_eq "night sleep: 11h15 less 35 min awake" "$(j '.days[0].night_sleep_min')" 640
expect_eq "nap count" "$(j '.days[0].nap_count')" 2
expect_eq "nap minutes" "$(j '.days[0].nap_min')" 150
expect_eq "night wakings" "$(j '.days[0].night_wakings')" 2
expect_eq "longest stretch 02:50-06:45" "$(j '.days[0].longest_stretch_min')" 235
expect_eq "night feeds: logged and answered" "$(j '.days[0].night_feeds')" 2
expect_eq "midnight to midnight" "$(j '.days[0].sleep_24h_min')" 405
expect_eq "lights out" "$(j '.days[0].night.lights_out')" 2026-06-14T19:15:00+02:00
expect_eq "sleep onset" "$(j '.days[0].night.sleep_onset')" 2026-06-14T19:30:00+02:00
expect_eq "morning wake" "$(j '.days[0].night.morning_wake')" 2026-06-15T06:45:00+02:00
expect_eq "latency" "$(j '.days[0].night.latency_min')" 15
expect_eq "awake after onset" "$(j '.days[0].night.awake_after_onset_min')" 35
expect_eq "fed once, 15 min" "$(j '.days[0].night.responses.feed.min')" 15
expect_eq "Sam settled and went once" \
    "$(j '.days[0].night.caregivers[]|select(.caregiver=="Sam")|"\(.wakings) \(.settles)"')" "1 1"
expect_eq "Alex went once" \
    "$(j '.days[0].night.caregivers[]|select(.caregiver=="Alex")|.waking_min')" 20
expect_eq "settled by" "$(j '.days[0].night.settled_by')" Sam
expect_eq "windows are there" "$(j '.windows.last7.days')" 7
expect_eq "no age comparison before 7 days" "$(j '.age.comparisons|length')" 0
schema_ok "the report follows docs/report.schema.json" "$T_DIR/r.json"

run report --from 2026-06-13 --to 2026-06-13 --json
printf '%s\n' "$out" > "$T_DIR/r.json"
expect_eq "a day with nothing logged is null, not zero" \
    "$(j '.days[0].total_sleep_min')" null
schema_ok "an empty report follows the schema too" "$T_DIR/r.json"

run report --from 2026-06-14 --to 2026-06-15
expect_rc "report as text" 0
expect_out "the day's line" "13h10  10h40  2, 2h30"
expect_out "the night's wakings and times" "2, 35m"
expect_out "asleep and woke" "19:30  06:45"
expect_out "medians against the family's own baseline" "2 weeks before"
expect_out "age ranges wait for a week of log" "After 7 logged days"

run report --from 2026-06-15 --to 2026-06-14
expect_rc "dates the wrong way round" 3
run report --from 2026-13-01
expect_rc "a date that does not exist" 3

# Charts.
run chart diary --from 2026-06-14 --to 2026-06-15 -o "$T_DIR/d.svg"
expect_rc "chart diary" 0
xml_ok "the diary is well-formed XML" "$T_DIR/d.svg"
expect_eq "the diary is accessible" \
    "$(grep -c 'role="img" aria-labelledby="title desc"' "$T_DIR/d.svg")" 1
run chart trends -o "$T_DIR/t.svg"
expect_rc "chart trends" 0
xml_ok "the trends are well-formed XML" "$T_DIR/t.svg"
run chart diary
expect_rc "chart to standard output" 0
expect_out "an SVG document" "<svg xmlns="
run chart pie
expect_rc "an unknown chart" 2
run chart diary --from 2026-06-15 --to 2026-06-14
expect_rc "a range the wrong way round" 3
run chart diary -o "$T_DIR/no/such/dir/d.svg"
expect_rc "an unwritable path" 1
expect_err "the path is named" "no/such/dir/d.svg"

run child add '<Zo & "co">' --born 2026-01-02
run sleep add --child '<Zo & "co">' --from "2026-06-14 13:00" --to 14:00
run chart diary --child '<Zo & "co">' -o "$T_DIR/z.svg"
expect_rc "a chart for a child named like markup" 0
xml_ok "still well-formed" "$T_DIR/z.svg"
expect_eq "the name is escaped" \
    "$(grep -c '&lt;Zo &amp; &quot;co&quot;&gt;' "$T_DIR/z.svg")" 2
expect_eq "and never raw" "$(grep -c '<Zo' "$T_DIR/z.svg" || true)" 0

# Predictions: two weeks of a regular day, then this morning's nap.
rm -f "$LULL_DB"
export LULL_NOW=2026-06-01T12:00:00+02:00
run init --tz Europe/Berlin
run child add Noa --born 2025-10-01
for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
	"$LULL" sleep add --from "2026-05-$d 09:00" --to 10:00 >/dev/null 2>&1
	"$LULL" sleep add --from "2026-05-$d 13:00" --to 14:30 >/dev/null 2>&1
	"$LULL" sleep add --from "2026-05-$d 19:00" --to 06:30 >/dev/null 2>&1
done
export LULL_NOW=2026-05-21T10:30:00+02:00
run sleep add --from 09:00 --to 10:00
run predict --json
expect_rc "predict --json" 0
printf '%s\n' "$out" > "$T_DIR/p.json"
j() { jq -r "$1" "$T_DIR/p.json"; }
expect_eq "next: the second nap" "$(j '.next.kind') $(j '.next.nap_index')" "nap 2"
expect_eq "most likely at 13:00" "$(j '.next.likely')" 2026-05-21T13:00:00+02:00
expect_eq "an hour's window" "$(j '.next.earliest') $(j '.next.latest')" \
    "2026-05-21T12:30:00+02:00 2026-05-21T13:30:00+02:00"
expect_eq "from the child's own log" "$(j '.next.personal')" true
expect_eq "awake since the nap" "$(j '.awake_since')" 2026-05-21T10:00:00+02:00
expect_eq "bedtime at 19:00" "$(j '.bedtime.likely')" 2026-05-21T19:00:00+02:00
run predict
expect_out "calm words, as a range" "Next nap (nap 2): between 12:30 and 13:30, most likely around 13:00."
expect_out "the wake window is called a convention" "practitioner convention, not research"
run eval predict --json
expect_rc "eval predict --json" 0
printf '%s\n' "$out" > "$T_DIR/e.json"
j() { jq -r "$1" "$T_DIR/e.json"; }
expect_eq "every onset predicted exactly" "$(j '.ours.mae_min')" 0
expect_eq "all inside the window" "$(j '.ours.inside')" 1
expect_eq "the baseline misses bedtime" "$(j '.baseline.mae_min > 40')" true
run eval predict
expect_out "the table" "age-based baseline"

# A real export, when it is here (it is never copied into the project).
REAL=../shared/data/real/huckleberry-fjuniorr
if [ -d "$REAL" ]; then
	rm -f "$LULL_DB"
	export LULL_NOW=2026-03-01T12:00:00-03:00
	run init --tz America/Sao_Paulo
	run child add Bia --born 2025-07-10
	run import "$REAL"
	expect_rc "import the real Huckleberry export" 0
	run report --from 2026-02-01 --to 2026-02-14 --json
	printf '%s\n' "$out" > "$T_DIR/r.json"
	j() { jq -r "$1" "$T_DIR/r.json"; }
	expect_eq "real: 14 days" "$(j '.days|length')" 14
	expect_eq "real: every day logged" "$(j '[.days[]|select(.logged)]|length')" 14
	expect_eq "real: compared with the age's ranges" \
	    "$(j '.age.comparisons|length > 0')" true
	schema_ok "real: the report follows the schema" "$T_DIR/r.json"
	run chart diary --from 2026-02-01 --to 2026-02-14 -o "$T_DIR/real.svg"
	xml_ok "real: the diary is well-formed" "$T_DIR/real.svg"
	run eval predict --json
	printf '%s\n' "$out" > "$T_DIR/e.json"
	j() { jq -r "$1" "$T_DIR/e.json"; }
	expect_eq "real: below the baseline's error" "$(j '.mae_reduction > 0')" true
	expect_eq "real: an hour's window at most" "$(j '.ours.width_min <= 60')" true
else
	ok "real exports: skipped ($REAL not found)"
fi

done_testing
