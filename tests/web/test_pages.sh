#!/bin/sh
# The HTML pages against a real server on loopback (tests/web/lib.sh):
# Today's big button through a nap and a night (wakings, back asleep, up
# for the day), who logged what, the journal's edit with a stale version
# and delete with confirmation, adding entries, the charts as SVG, the
# plan (start from the intake form, the safety gates, a decision, a
# pause), a read-only member's pages and forced posts, another
# household's 404, and every page through xmllint.
# SPDX-License-Identifier: ISC
set -eu
. "$(dirname "$0")/lib.sh"

DB="$T_DIR/web.db"
PW=correct-horse-battery

# An Etc zone whose local hour is about $1 now (whole hours; Etc/GMT-2
# is two hours ahead of UTC), so that the test means the same whatever
# the hour it runs at.
zone_at() {
	h=$(date -u +%H)
	h=${h#0}
	k=$((($1 - h + 24) % 24))
	[ $k -gt 14 ] && k=$((k - 24))
	if [ $k -eq 0 ]; then echo Etc/GMT
	elif [ $k -gt 0 ]; then echo "Etc/GMT-$k"
	else echo "Etc/GMT+$((-k))"; fi
}

signup() {	# signup JAR NAME EMAIL
	curl -s -c "$1" -b "$1" -o /dev/null -d "name=$2" \
	    --data-urlencode "email=$3" -d "password=$PW" "$W_URL/signup"
}

post() {	# post JAR PATH CURL-ARGS...: a form with the jar's CSRF token
	_jar=$1
	_path=$2
	shift 2
	req -b "$_jar" -c "$_jar" --data-urlencode "csrf=$(csrf_of "$_jar")" \
	    "$@" "$W_URL$_path"
}

get() {		# get JAR PATH
	req -b "$1" -c "$1" "$W_URL$2"
}

# The hidden "state" field of Today's button form.
state_of() {
	printf '%s\n' "$body" |
	    sed -n 's/.*name="state" value="\([^"]*\)".*/\1/p' | head -n 1
}

# The journal as the command line sees it (the first household is ours).
jlog() {
	"$LULL" --db "$DB" log --json "$@"
}

sleeps() {	# sleeps JQ-FILTER: over every sleep of the last days
	jlog --days 3 | jq -r "[.days[].sleeps[]] | $1"
}

# xmllint's HTML parser is HTML 4: it does not know the HTML5 elements
# the frame uses; anything else it says is an error of ours.
HTML5='Tag (section|nav|main|header|footer|details|summary|figure|figcaption|time) invalid'
well_formed() {	# well_formed NAME: the last body
	printf '%s\n' "$body" >"$T_DIR/page.html"
	errs=$(xmllint --html --noout "$T_DIR/page.html" 2>&1 |
	    grep -E 'error' | grep -Ev "$HTML5" || true)
	if [ -z "$errs" ]; then ok "$1: xmllint is content"; else
		not_ok "$1: xmllint is content" "$errs"
	fi
}

lacks() {	# lacks NAME FIXED-STRING: not in the last body
	if printf '%s\n' "$body" | grep -qF -- "$2"; then
		not_ok "$1" "body has [$2]"
	else ok "$1"; fi
}

web_start

# ---- a household, its adults and a child ----------------------------

A="$T_DIR/anna"
B="$T_DIR/ben"
G="$T_DIR/gran"
C="$T_DIR/cara"
signup "$A" Anna anna@example.org
post "$A" /households -d name=Home --data-urlencode "tz=$(zone_at 13)"
expect_st "a household" 303
H=$(hdr Location | sed -n 's|.*/h/\([0-9]*\)/today.*|\1|p')
HH="/h/$H"
"$LULL" --db "$DB" child add Mia --born "$(date -u -d '-240 days' +%F)" \
    >/dev/null

invite() {	# invite NAME ACCESS JAR EMAIL: join as NAME with ACCESS
	post "$A" "$HH/invite" -d "name=$1" -d "access=$2"
	code=$(printf '%s\n' "$body" |
	    sed -n 's|.*id="invite-link">[^<]*/invite/\([^<]*\)<.*|\1|p')
	signup "$3" "$1" "$4"
	post "$3" "/invite/$code"
}
invite Ben caregiver "$B" ben@example.org
expect_st "Ben joins as a caregiver" 303
invite Gran readonly "$G" gran@example.org
expect_st "Gran joins read-only" 303

# ---- Today: a nap --------------------------------------------------------

get "$A" "$HH/today"
expect_st "today" 200
expect_body "the big button says Start sleep" '>Start sleep</button>'
expect_body "the button is big" 'class="primary big"'
expect_body "the quick feed has labelled choices" '<legend>Side</legend>'
well_formed "today, awake"

post "$A" "$HH/today/sleep" -d child=1 -d state=awake -d action=start
expect_st "start sleep" 303
case "$(hdr Location)" in
*"/today?child=1&said=started") ok "redirected to Today, said so" ;;
*) not_ok "redirected to Today, said so" "$(hdr Location)" ;;
esac
expect_eq "a sleep is going on" "$(sleeps 'length')" 1
expect_eq "it has no end" "$(sleeps '.[0].end')" null
expect_eq "logged by Anna" "$(sleeps '.[0].logged_by')" Anna

get "$A" "$HH/today?said=started"
expect_body "said calmly" 'Sleep started. Rest well.'
expect_body "asleep now" 'Mia is asleep</h2>'
expect_body "a live timer with its start" 'data-since="'
expect_body "the timer is announced politely" 'aria-live="polite"'
expect_body "by day the button says Woke up" '>Woke up</button>'
lacks "by day no up-for-the-day" 'Stop: up for the day'
well_formed "today, asleep"
st_nap=$(state_of)

# The same tap again (a second phone): nothing happens twice.
post "$A" "$HH/today/sleep" -d child=1 -d state=awake -d action=start
case "$(hdr Location)" in
*said=stale) ok "a stale tap changes nothing" ;;
*) not_ok "a stale tap changes nothing" "$(hdr Location)" ;;
esac
expect_eq "still one sleep" "$(sleeps 'length')" 1

sleep 1
post "$A" "$HH/today/sleep" -d child=1 -d "state=$st_nap" -d action=woke
expect_st "woke up" 303
expect_eq "by day, Woke up ends the sleep" \
    "$(sleeps '.[0].end != null')" true
nap=$(sleeps '.[0].id')

# ---- Today: a night with wakings ---------------------------------------

sleep 1
"$LULL" --db "$DB" --as Ben sleep start --kind night \
    --at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >/dev/null
night=$(sleeps '.[-1].id')
get "$A" "$HH/today"
expect_body "a night" 'asleep for the night'
expect_body "up for the day is there at night" 'Stop: up for the day'
sleep 1
post "$A" "$HH/today/sleep" -d child=1 -d "state=asleep:$night" \
    -d action=woke
case "$(hdr Location)" in
*said=waking) ok "at night, Woke up starts a waking" ;;
*) not_ok "at night, Woke up starts a waking" "$(hdr Location)" ;;
esac
expect_eq "the night goes on" "$(sleeps '.[-1].end')" null
expect_eq "with an open waking" "$(sleeps '.[-1].wakings | length')" 1
expect_eq "the waking is open" "$(sleeps '.[-1].wakings[0].end')" null
get "$A" "$HH/today"
expect_body "awake in the night" 'awake in the night'
expect_body "the button says Back asleep" '>Back asleep</button>'
well_formed "today, awake in the night"
st=$(state_of)

sleep 1
post "$A" "$HH/today/sleep" -d child=1 -d "state=$st" -d action=back
expect_st "back asleep" 303
expect_eq "Back asleep ends the waking" \
    "$(sleeps '.[-1].wakings[0].end != null')" true
expect_eq "and not the night" "$(sleeps '.[-1].end')" null

sleep 1
get "$A" "$HH/today"
post "$A" "$HH/today/sleep" -d child=1 -d "state=$(state_of)" -d action=woke
woke_at=$(sleeps '.[-1].wakings[1].start')
sleep 1
get "$A" "$HH/today"
post "$A" "$HH/today/sleep" -d child=1 -d "state=$(state_of)" -d action=stop
case "$(hdr Location)" in
*said=stopped) ok "Stop ends the night" ;;
*) not_ok "Stop ends the night" "$(hdr Location)" ;;
esac
expect_eq "the night ended when the child woke" "$(sleeps '.[-1].end')" \
    "$woke_at"
expect_eq "that waking was the morning" "$(sleeps '.[-1].wakings | length')" 1
get "$A" "$HH/today"
expect_body "awake again" 'Mia is awake</h2>'
expect_body "the last sleep says who logged it" 'logged by Ben'

# ---- quick adds ----------------------------------------------------------

post "$A" "$HH/feeds" -d child=1 -d back=today -d kind=bottle -d side=none \
    -d at=now
expect_st "a feed" 303
expect_eq "feed logged" "$(jlog | jq '[.days[].feeds[]] | length')" 1
post "$A" "$HH/tags" -d child=1 -d back=today -d kind=teething \
    --data-urlencode "note=first tooth <3"
expect_st "a note" 303
expect_eq "note saved" "$(jlog | jq -r '[.days[].tags[]][0].note')" \
    "first tooth <3"
post "$A" "$HH/tags" -d child=1 -d back=today -d kind=other -d note=
expect_st "an empty note is refused" 422

post "$A" "$HH/today/predictions" -d child=1 -d show=0
expect_st "hide predictions" 303
case "$(hdr Set-Cookie)" in
*lull_predict=hide*) ok "remembered in a cookie" ;;
*) not_ok "remembered in a cookie" "$(hdr Set-Cookie)" ;;
esac
get "$A" "$HH/today"
expect_body "predictions hidden" 'Predictions are hidden.'
post "$A" "$HH/today/predictions" -d child=1 -d show=1
get "$A" "$HH/today"
expect_body "predictions shown again, calmly" "cues come first"

# ---- the journal -----------------------------------------------------------

get "$A" "$HH/journal"
expect_st "journal" 200
expect_body "sleeps listed" 'id="sleep-'"$nap"'"'
expect_body "wakings listed" 'id="waking-'
expect_body "each says who logged it" 'logged by Anna'
expect_body "the night by Ben" 'logged by Ben'
expect_body "a previous day" 'rel="prev"'
expect_body "edit links" "$HH/sleeps/$nap/edit"
well_formed "journal"
get "$A" "$HH/journal?day=2026-02-30"
expect_st "a day that does not exist" 422

post "$A" "$HH/sleeps" -d child=1 -d start=now -d end=now
expect_st "a sleep that ends as it starts is refused" 422

get "$A" "$HH/sleeps/$nap/edit"
expect_st "edit page" 200
expect_body "its version is in the form" 'name="version" value="'
well_formed "edit"
v=$(printf '%s\n' "$body" |
    sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p')
start=$(printf '%s\n' "$body" |
    sed -n 's/.*name="start" autocomplete="off" value="\([^"]*\)".*/\1/p')
end=$(printf '%s\n' "$body" |
    sed -n 's/.*name="end" autocomplete="off" value="\([^"]*\)".*/\1/p')
was_start=$(sleeps ".[] | select(.id == $nap) | .start")

# Ben saves first; Anna's form is then stale.
post "$B" "$HH/sleeps/$nap/edit" -d "version=$v" \
    --data-urlencode "start=$start" --data-urlencode "end=$end" \
    -d where=sidecar --data-urlencode "note=from Ben"
expect_st "Ben's edit" 303
expect_eq "an untouched time keeps its seconds" \
    "$(sleeps ".[] | select(.id == $nap) | .start")" "$was_start"
post "$A" "$HH/sleeps/$nap/edit" -d "version=$v" \
    --data-urlencode "start=$start" --data-urlencode "end=$end" \
    --data-urlencode "note=from Anna"
expect_st "a stale edit is a conflict" 409
expect_body "it says someone else changed it" 'Someone else changed this sleep'
expect_body "and nothing was saved" 'nothing was saved'
expect_body "showing the current values" 'from Ben</textarea>'
expect_eq "nothing changed" \
    "$(sleeps ".[] | select(.id == $nap) | .note")" "from Ben"
get "$A" "$HH/journal"
expect_body "changed by Ben" 'logged by Anna, changed by Ben'

post "$A" "$HH/sleeps/$nap/edit" -d "version=$((v + 1))" \
    --data-urlencode "start=$start" --data-urlencode "end=nonsense"
expect_st "a bad time is refused" 422
expect_body "with its message" 'role="alert"'
expect_body "keeping what was typed" 'value="nonsense"'

post "$A" "$HH/sleeps" -d child=1 -d start=00:10 -d end=00:40 -d kind=nap
expect_st "a sleep added with start and end" 303
added=$(sleeps '[.[] | select(.kind == "nap")] | length')
expect_eq "two naps now" "$added" 2

wk=$(sleeps ".[] | select(.id == $night) | .wakings[0].id")
get "$A" "$HH/wakings/$wk/delete"
expect_st "delete asks first" 200
expect_body "it asks" 'Delete the waking?'
expect_body "and offers to keep it" 'Keep it</a>'
well_formed "delete"
expect_eq "asking deletes nothing" \
    "$(sleeps ".[] | select(.id == $night) | .wakings | length")" 1
post "$A" "$HH/wakings/$wk/delete"
expect_st "deleted" 303
expect_eq "the waking is gone" \
    "$(sleeps ".[] | select(.id == $night) | .wakings | length")" 0
get "$A" "$HH/sleeps/999999/edit"
expect_st "no such entry" 404

# ---- charts ----------------------------------------------------------------

get "$A" "$HH/charts"
expect_st "charts" 200
expect_body "the diary as an image" "$HH/charts/diary.svg?child=1"
expect_body "with a text alternative" 'alt="Sleep diary of Mia'
expect_body "and its days in words" 'The diary in words'
well_formed "charts"
get "$A" "$HH/charts/diary.svg"
expect_st "diary.svg" 200
expect_eq "served as SVG" "$(hdr Content-Type)" "image/svg+xml"
expect_body "the diary has a title" '<title'
get "$A" "$HH/charts/trends.svg?from=2026-01-01&to=2026-02-15"
expect_st "trends.svg" 200
expect_body "the trends have a title" '<title'
get "$A" "$HH/charts/diary.svg?from=2020-01-01"
expect_st "more than a year is refused" 422

# ---- the plan ----------------------------------------------------------------

born=$(date -u -d '-240 days' +%F)
get "$A" "$HH/plan"
expect_body "no plan yet" 'No plan yet'
expect_body "one can be started" "$HH/plan/start?child=1"
get "$A" "$HH/plan/start"
expect_st "the intake form" 200
expect_body "the child's dates" "value=\"$born\""
expect_body "health signs" 'name="health_breathing_pauses"'
expect_body "the household" 'name="smoker"'
well_formed "intake"
post "$A" "$HH/plan/start" -d child=1 -d born=2020-01-01
expect_st "dates that are not the child's" 422
expect_body "say so" 'child.born'
post "$A" "$HH/plan/start" -d child=1 -d "born=$born" -d feeding=breast \
    -d space=parents_room_cot -d assoc_fed=1 -d goal_fewer_wakings=1 \
    -d nights=2 -d temper_persistence=4
expect_st "a plan starts" 303
get "$A" "$HH/plan"
expect_body "this morning's decision" 'class="verdict"'
expect_body "with its evidence" 'Evidence:'
expect_body "tonight's step" 'Step 1 of'
expect_body "what to do when the child wakes" 'When Mia wakes'
expect_body "the ladder marks tonight in words" '&larr; tonight'
expect_body "the parent's moves" 'value="pause"'
well_formed "plan"
get "$A" "$HH/today"
expect_body "Today shows tonight's step" 'Step 1 of'
v=$(printf '%s\n' "$(curl -s -b "$A" "$W_URL$HH/plan")" |
    sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p')
post "$A" "$HH/plan/move" -d child=1 -d "version=$v" -d move=pause \
    --data-urlencode "note=a cold"
expect_st "pause" 303
get "$A" "$HH/plan"
expect_body "paused: comfort first" 'The plan is paused'
expect_body "resume offered" 'value="resume"'
"$LULL" --db "$DB" plan history --json >"$T_DIR/hist.json"
expect_eq "the pause is in the history, as the parent's" \
    "$(jq -r '.[-1] | "\(.verdict) \(.by_parent)"' "$T_DIR/hist.json")" \
    "pause true"
post "$A" "$HH/plan/move" -d child=1 -d "version=$v" -d move=resume
case "$(hdr Location)" in
*said=stale) ok "a move from a stale page is not made" ;;
*) not_ok "a move from a stale page is not made" "$(hdr Location)" ;;
esac
post "$A" "$HH/plan/move" -d child=1 -d move=decide
expect_st "decide this morning" 303
"$LULL" --db "$DB" plan history --json >"$T_DIR/hist.json"
expect_eq "the decision is recorded" \
    "$(jq -r '.[-1].by_parent' "$T_DIR/hist.json")" false

# The gates, as the engine says them.
"$LULL" --db "$DB" child add Leo --born "$(date -u -d '-60 days' +%F)" \
    >/dev/null
"$LULL" --db "$DB" child add Ada --born "$(date -u -d '-300 days' +%F)" \
    >/dev/null
post "$A" "$HH/plan/start" -d child=2 \
    -d "born=$(date -u -d '-60 days' +%F)" -d goal_fewer_wakings=1
expect_st "a young baby's plan" 303
get "$A" "$HH/plan?child=2"
expect_body "under 4 months: foundations only" 'The foundations, every night'
lacks "no steps to climb" 'class="ladder"'
post "$A" "$HH/plan/start" -d child=3 \
    -d "born=$(date -u -d '-300 days' +%F)" -d health_breathing_pauses=1 \
    -d space=parents_bed -d assoc_bed_sharing=1 -d smoker=1
expect_st "a plan with a red flag" 303
get "$A" "$HH/plan?child=3"
expect_body "a red flag points to a clinician" 'See a clinician'
expect_body "and pauses" 'The plan is paused'
expect_body "bed-sharing: strong safety facts" 'Important:'
post "$A" "$HH/plan/start" -d child=3 \
    -d "born=$(date -u -d '-300 days' +%F)" -d health_blue_or_limp=1 \
    -d temper_persistence=9
expect_st "a mistake in the form" 422
expect_body "an emergency sign is said first anyway" 'emergency help now'

# ---- a read-only member ------------------------------------------------------

for p in today journal charts plan; do
	get "$G" "$HH/$p"
	expect_st "read-only: $p" 200
	for w in "$HH/today/sleep\"" "$HH/feeds\"" "$HH/tags\"" \
	    "$HH/sleeps\"" "/edit\"" "/delete\"" "$HH/plan/move\"" \
	    "$HH/plan/start"; do
		lacks "read-only: no $w on $p" "$w"
	done
done
before=$(sleeps 'length')
post "$G" "$HH/today/sleep" -d child=1 -d state=awake -d action=start
expect_st "read-only: a forced start is refused" 403
post "$G" "$HH/sleeps/$nap/delete"
expect_st "read-only: a forced delete is refused" 403
post "$G" "$HH/plan/move" -d child=1 -d move=resume
expect_st "read-only: a forced plan move is refused" 403
get "$G" "$HH/sleeps/$nap/edit"
expect_st "read-only: no edit page" 403
expect_eq "read-only: nothing changed" "$(sleeps 'length')" "$before"

# ---- another household -------------------------------------------------------

signup "$C" Cara cara@example.org
post "$C" /households -d name=Elsewhere -d tz=UTC
CH=$(hdr Location | sed -n 's|.*/h/\([0-9]*\)/today.*|\1|p')
get "$C" "/h/999999/today"
missing=$body
expect_st "a missing household" 404
get "$C" "$HH/today"
expect_st "another household's page" 404
expect_eq "the same page as a missing household" "$body" "$missing"
post "$C" "$HH/today/sleep" -d child=1 -d state=awake -d action=start
expect_st "another household's button" 404
get "$C" "$HH/charts/diary.svg"
expect_st "another household's chart" 404
# Cara's own household, with Anna's entry id: not hers either.
get "$C" "/h/$CH/sleeps/$nap/edit"
expect_st "another household's entry by id" 404
get "$C" "/h/$CH/today?child=1"
expect_st "another household's child by id" 404
expect_eq "Anna's journal is untouched" "$(sleeps 'length')" "$before"

web_stop
expect_eq "the server stops cleanly" "$web_rc" 0
done_testing
