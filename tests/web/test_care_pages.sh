#!/bin/sh
# The parents' own pages against a real server on loopback
# (tests/web/lib.sh): two parents of one household (the demo's Alex, and
# Sam invited by the owner), a morning check-in private until shared, a
# consultant who sees only what is shared with a consultant, one's own
# sleep, a mood screen whose self-harm item puts the crisis help first
# and pauses the running plan, someone else's records answered as
# missing ones, the couple's check-in, notes and rituals, the nights
# (fair share, longest sleep, tonight's rota) over the demo's seeded
# nights, a read-only member, another household's 404, and every page
# through xmllint.
# SPDX-License-Identifier: ISC
set -eu
. "$(dirname "$0")/lib.sh"

DB="$T_DIR/web.db"
PW=correct-horse-battery

get() {		# get JAR PATH
	req -b "$1" -c "$1" "$W_URL$2"
}

post() {	# post JAR PATH CURL-ARGS...: a form with the jar's CSRF token
	_jar=$1
	_path=$2
	shift 2
	req -b "$_jar" -c "$_jar" --data-urlencode "csrf=$(csrf_of "$_jar")" \
	    "$@" "$W_URL$_path"
}

signup() {	# signup JAR NAME EMAIL
	curl -s -c "$1" -b "$1" -o /dev/null -d "name=$2" \
	    --data-urlencode "email=$3" -d "password=$PW" "$W_URL/signup"
}

lacks() {	# lacks NAME FIXED-STRING: not in the last body
	if printf '%s\n' "$body" | grep -qF -- "$2"; then
		not_ok "$1" "body has [$2]"
	else ok "$1"; fi
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

# The content of <main>, one tag a line, for "what comes first".
main_tags() {
	printf '%s\n' "$body" | tr '\n' ' ' |
	    sed 's|.*<main[^>]*>||; s|</main>.*||' | grep -oE '<[a-z0-9]+[ >]' |
	    tr -d '< >'
}

# A record's id in the last body: the first form acting on one.
record_id() {
	printf '%s\n' "$body" |
	    sed -n 's|.*action="/h/[0-9]*/me/\([0-9]*\)/share".*|\1|p' |
	    head -n 1
}

# ---- the household, seeded before the server starts -------------------

# The demo (the CLI on the same journal): Alex and Sam, Robin, three
# weeks of nights, and Alex's web account owning the household.
printf '%s\n' "$PW" | "$LULL" --db "$DB" demo --account alex@example.org \
    >/dev/null
born=$("$LULL" --db "$DB" child list --json | jq -r '.[0].born')
# Gran helps with the baby: a helper, who sees the child's journal only.
"$LULL" --db "$DB" caregiver add Gran --role helper --night-feeds none \
    >/dev/null

: >"$T_DIR/server.out"
web_start

A="$T_DIR/alex"
S="$T_DIR/sam"
G="$T_DIR/gran"
K="$T_DIR/kim"
C="$T_DIR/cara"
req -c "$A" -d "email=alex@example.org&password=$PW" "$W_URL/login"
expect_st "Alex logs in" 303
get "$A" /
H=$(printf '%s\n' "$body" | sed -n 's|.*href="/h/\([0-9]*\)/today".*|\1|p' |
    head -n 1)
HH="/h/$H"

invite() {	# invite NAME ACCESS JAR EMAIL [yes]: join as NAME with ACCESS,
		# a parent of the child with "yes"
	post "$A" "$HH/invite" -d "name=$1" -d "access=$2" -d "parent=${5:-}"
	code=$(printf '%s\n' "$body" |
	    sed -n 's|.*id="invite-link">[^<]*/invite/\([^<]*\)<.*|\1|p')
	signup "$3" "$1" "$4"
	post "$3" "/invite/$code"
}
# Sam is the demo's other parent: the invitation takes that name, and
# says he is a parent (caregiver access alone makes a helper).
invite Sam caregiver "$S" sam@example.org yes
expect_st "Sam joins as a caregiver" 303
invite Gran readonly "$G" gran@example.org
expect_st "Gran joins read-only (and stays a helper)" 303
invite Kim consultant "$K" kim@example.org
expect_st "Kim joins as the consultant" 303

# ---- the pages and the nav --------------------------------------------

get "$A" "$HH/today"
expect_body "the nav has For you" "href=\"$HH/me\""
for p in me screen couple nights; do
	get "$A" "$HH/$p"
	expect_st "Alex: $p" 200
	expect_body "$p: the parents' pages link each other" \
	    "href=\"$HH/couple\""
	well_formed "$p"
	lacks "$p: no inline style" 'style='
	lacks "$p: no inline script" '<script>'
done

# ---- a morning check-in, private until shared ------------------------

get "$A" "$HH/me"
expect_body "energy: big radios" 'name="energy" value="5"'
expect_body "with words for 1" 'running on empty'
expect_body "and for 5" 'rested, full of energy'
expect_body "mood from very low" 'very low'
expect_body "private by default" 'name="share" value="none" checked'
post "$A" "$HH/me/checkin" -d energy=2 -d mood=2 \
    --data-urlencode "note=a long night, teeth"
expect_st "Alex checks in" 303
expect_eq "back to his page" "$(hdr Location)" "$HH/me?said=checkin"
get "$A" "$HH/me?said=checkin"
expect_body "thanked" 'Thank you for checking in.'
expect_body "a kind word on a low day" 'A low-energy day.'
expect_body "and where the short screen is" "$HH/screen/phq2"
expect_body "his check-in" 'energy 2 of 5, mood 2 of 5'
expect_body "marked private" 'private (only you)'
expect_body "with its note" 'a long night, teeth'
cid=$(record_id)
[ -n "$cid" ] && ok "a record id" || not_ok "a record id" "$body"
post "$A" "$HH/me/checkin" -d energy=6 -d mood=3
expect_st "energy 6 is refused" 422
expect_body "saying the range" 'Energy: choose one of 1'

get "$S" "$HH/me"
expect_st "Sam: his page" 200
lacks "Sam does not see Alex's private check-in" 'a long night, teeth'
lacks "not even its figures" 'energy 2 of 5'
post "$S" "$HH/me/$cid/share" -d share=none
expect_st "Sam cannot share Alex's record" 404
post "$S" "$HH/me/$cid/delete"
expect_st "nor delete it" 404
get "$K" "$HH/me"
lacks "the consultant does not see it" 'a long night, teeth'

post "$A" "$HH/me/$cid/share" -d share=partner -d back=me
expect_st "Alex shares it with his partner" 303
get "$A" "$HH/me"
expect_body "now marked shared" 'shared with your partner'
get "$S" "$HH/me"
expect_body "Sam sees it now" 'a long night, teeth'
expect_body "as Alex's, shared with him" 'from Alex, shared with you'
well_formed "me, with records"
lacks "without Alex's buttons" "/me/$cid/delete"
get "$K" "$HH/me"
lacks "not shared with a consultant: Kim still does not" 'a long night'
post "$A" "$HH/me/$cid/share" -d share=partner,consultant -d back=me
get "$K" "$HH/me"
expect_body "shared with the consultant: Kim sees it" 'a long night, teeth'
get "$G" "$HH/me"
lacks "a helper of the journal never sees it" 'a long night'

# A second check-in the same day changes the first.
post "$A" "$HH/me/checkin" -d energy=4 -d mood=4 -d share=partner
expect_st "checked in again" 303
get "$A" "$HH/me"
expect_body "today's is changed" 'energy 4 of 5, mood 4 of 5'
lacks "not kept twice" 'energy 2 of 5'

# A read-only member keeps their own records too.
post "$G" "$HH/me/checkin" -d energy=3 -d mood=4
expect_st "Gran (read-only) checks in" 303

# ---- one's own sleep ----------------------------------------------------

d2=$(date -u -d '-2 days' +%F)
d1=$(date -u -d '-1 days' +%F)
post "$A" "$HH/me/sleep" --data-urlencode "from=$d2 23:00" \
    --data-urlencode "to=$d1 05:30" -d share=none
expect_st "Alex logs his sleep, private" 303
post "$A" "$HH/me/sleep" --data-urlencode "from=$d2 23:30" \
    --data-urlencode "to=$d1 04:00"
expect_st "an overlapping sleep is refused" 409
expect_body "saying which" 'This overlaps your sleep of 23:00-05:30'
post "$A" "$HH/me/sleep" --data-urlencode "from=$d1 23:00" \
    --data-urlencode "to=$(date -u -d '+1 day' +%F) 06:00"
expect_st "a sleep still to come is refused" 422

get "$A" "$HH/nights"
expect_body "his own night shows as logged, to him" '(logged)'
get "$S" "$HH/nights"
lacks "to Sam, his private sleep does not" '(logged)'
expect_body "Sam sees night duty instead" '(from night duty)'

# ---- the nights ----------------------------------------------------------

get "$S" "$HH/nights"
expect_st "the nights page" 200
expect_body "who carried the nights" 'Who carried the nights'
expect_body "a conversation starter" 'A conversation starter, not a score.'
expect_body "side by side" '<th scope="col">Alex</th><th scope="col">Sam</th>'
expect_body "wakings answered" '<th scope="row">Wakings answered</th>'
expect_body "week by week" 'Week by week'
expect_body "longest unbroken sleep" 'Longest unbroken sleep, the last 7 nights'
expect_body "tonight's rota" 'Tonight&rsquo;s rota'
expect_body "the typical night" 'typical night over the 14 evenings before'
expect_body "a split night for two who can give a bottle" 'A split night'
expect_body "its shifts" '<ol class="shifts">'
expect_body "protected blocks" 'Protected blocks'
expect_body "the safety note" '<strong>Safety:</strong>'
well_formed "nights"
get "$G" "$HH/nights"
expect_st "a read-only member sees the nights" 200
lacks "without anyone's logged sleep" '(logged)'

# ---- a mood screen, and the crisis help first ----------------------------

get "$A" "$HH/screen"
expect_st "the screens" 200
first=$(printf '%s\n' "$body" | grep -o 'href="/h/[0-9]*/screen/[a-z0-9]*"' |
    head -n 1)
expect_eq "the short forms first" "$first" "href=\"$HH/screen/phq2\""
expect_body "the schedule, calmly" 'When one is offered'
get "$A" "$HH/screen/phq9"
expect_st "the PHQ-9" 200
expect_body "the recall period" 'Over the last 2 weeks, how often'
expect_body "the item's exact text" 'Little interest or pleasure in doing things'
expect_body "the ninth item" 'Thoughts that you would be better off dead'
expect_body "four answers each" '> Nearly every day</label>'
expect_body "the copyright notice" 'No permission required to reproduce'
expect_body "a screen, not a diagnosis" 'A screen, not a diagnosis.'
expect_body "private by default" 'id="sc-share-0" name="share" value="none" checked'
well_formed "the PHQ-9 form"
get "$A" "$HH/screen/epds"
expect_st "no EPDS (no permission to republish it)" 404

post "$A" "$HH/screen/phq9" -d q1=1 -d q2=1
expect_st "unanswered items are asked for" 422
expect_body "naming the first" 'question 3 has no answer yet'
expect_body "keeping the answers given" 'id="q2-1" name="q2" value="1" checked'

# A running plan, started on the plan page.
post "$A" "$HH/plan/start" -d child=1 -d "born=$born" -d feeding=breast \
    -d space=parents_room_cot -d assoc_fed=1 -d goal_fewer_wakings=1 \
    -d nights=2 -d temper_persistence=4
expect_st "a plan runs" 303
get "$A" "$HH/plan"
lacks "not paused yet" 'The plan is paused'

post "$A" "$HH/screen/phq9" -d q1=1 -d q2=1 -d q3=2 -d q4=1 -d q5=0 \
    -d q6=0 -d q7=0 -d q8=0 -d q9=1
expect_st "the screen is kept" 303
loc=$(hdr Location)
sid=$(printf '%s' "$loc" | sed -n 's|.*/screens/\([0-9]*\).*|\1|p')
case "$loc" in
"$HH/screens/$sid?paused=1") ok "to its result, one plan paused" ;;
*) not_ok "to its result, one plan paused" "$loc" ;;
esac
get "$A" "$loc"
expect_st "the result" 200
expect_eq "the crisis help is the first thing in main" \
    "$(main_tags | head -n 2 | tr '\n' ' ')" "section h1 "
first_h1=$(printf '%s\n' "$body" | tr '\n' ' ' | sed 's|.*<main[^>]*>||' |
    sed -n 's|^[^<]*<section[^>]*class="crisis"[^>]*><h1 id="help-h">\([^<]*\)</h1>.*|\1|p')
expect_eq "its heading" "$first_h1" \
    "If you are thinking about harming yourself, please get help now."
expect_body "the emergency number (the default)" '112 / 911 / 999'
expect_body "crisis lines" 'Samaritans (UK and Ireland): 116 123'
expect_body "a clinician today" 'Please contact a clinician today'
expect_body "the plan rests" 'A running sleep plan pauses now.'
expect_body "warm words, not the total's advice" 'you do not have to carry it alone'
expect_body "a screen, not a diagnosis" 'This is a screen, not a diagnosis'
expect_body "the pause said plainly" 'The sleep plan is paused'
expect_body "kept private" 'private (only you)'
expect_body "the copyright notice" 'No permission required to reproduce'
well_formed "the result"
get "$A" "$HH/plan"
expect_body "the plan is paused" 'The plan is paused'
"$LULL" --db "$DB" plan history --json >"$T_DIR/hist.json"
expect_eq "a plain pause by Alex, with no note" \
    "$(jq -r '.[-1] | "\(.verdict) \(.by_parent) \(.note)"' "$T_DIR/hist.json")" \
    "pause true null"

get "$S" "$HH/screens/$sid"
expect_st "Sam cannot see Alex's screen" 404
get "$S" "$HH/screens/999999"
missing_screen=$body
get "$S" "$HH/screens/$sid"
expect_eq "the same page as a missing one" "$body" "$missing_screen"
get "$S" "$HH/screen"
lacks "nor in his list" "/screens/$sid"
get "$S" "$HH/me"
lacks "nor on his page" 'PHQ-9'
post "$S" "$HH/me/$sid/delete"
expect_st "nor delete it" 404
get "$K" "$HH/screens/$sid"
expect_st "nor the consultant" 404

# A short form that is positive offers the full form; no crisis help.
post "$S" "$HH/screen/gad2" -d q1=2 -d q2=2 -d share=partner
expect_st "Sam takes the GAD-2, shared with his partner" 303
get "$S" "$(hdr Location)"
expect_body "screen-positive: the full form is offered" "$HH/screen/gad7"
lacks "no crisis help" 'class="crisis"'
expect_body "marked shared" 'shared with your partner'
get "$A" "$HH/screen"
expect_body "Alex sees Sam's shared screen" 'from Sam, shared with you'

# ---- the two of you: check-in, notes, rituals -------------------------

get "$A" "$HH/couple"
expect_body "the four parts" 'name="connection"'
expect_body "private or the partner, never a consultant" 'value="partner"'
lacks "no consultant choice" 'value="consultant"'
post "$A" "$HH/couple/checkin" --data-urlencode "need=a morning to sleep in" \
    --data-urlencode "appreciation=the bath you gave Robin"
expect_st "Alex's weekly check-in" 303
get "$A" "$HH/couple"
expect_body "kept, just for him" 'Just for you (private, not shared)'
expect_body "with its parts" 'a morning to sleep in'
get "$S" "$HH/couple"
lacks "Sam does not see it" 'a morning to sleep in'
post "$A" "$HH/couple/checkin" -d share=consultant \
    --data-urlencode "need=a morning to sleep in"
expect_st "a couple check-in is never for a consultant" 422
get "$S" "$HH/couple"
alex=$(printf '%s\n' "$body" |
    sed -n 's|.*<option value="\([0-9]*\)"[^>]*>Alex</option>.*|\1|p')
post "$S" "$HH/couple/notes" -d "to=$alex" \
    --data-urlencode "text=Thank you for every night feed"
expect_st "Sam writes Alex a note" 303
get "$A" "$HH/couple"
expect_body "Alex reads it" 'Thank you for every night feed'
get "$G" "$HH/couple"
lacks "nobody else does" 'Thank you for every night feed'

post "$A" "$HH/rituals" --data-urlencode "name=tea after bedtime" \
    -d every=daily -d at=20:30 --data-urlencode "note=just ten minutes"
expect_st "Alex adds a ritual" 303
post "$A" "$HH/rituals" -d name=walk -d every=weekly -d day=6
expect_st "a weekly one" 303
post "$A" "$HH/rituals" -d name=walk -d every=daily
expect_st "a name taken" 409
post "$A" "$HH/rituals" -d name=swim -d every=weekly
expect_st "a weekly one needs its day" 422
get "$S" "$HH/couple"
expect_body "Sam sees the rituals" 'tea after bedtime'
expect_body "when" 'every day at 20:30'
expect_body "today's, as a reminder" '<strong>20:30</strong> tea after bedtime: just ten minutes'
expect_body "the weekly one" 'walk</strong>, every Sunday'
expect_body "notes and check-ins apart" 'Notes to you'
well_formed "couple, with entries"
get "$G" "$HH/couple"
expect_body "a read-only member sees them" 'tea after bedtime'
lacks "but no form to add one" "action=\"$HH/rituals\""
post "$G" "$HH/rituals" -d name=nap -d every=daily
expect_st "a read-only member cannot add one" 403
rid=$(printf '%s\n' "$(curl -s -b "$S" "$W_URL$HH/couple")" |
    sed -n 's|.*action="/h/[0-9]*/rituals/\([0-9]*\)/delete".*|\1|p' |
    head -n 1)
post "$S" "$HH/rituals/$rid/delete"
expect_st "Sam removes one" 303

# ---- another household ------------------------------------------------

signup "$C" Cara cara@example.org
post "$C" /households -d name=Elsewhere -d tz=UTC
expect_st "Cara's own household" 303
CH=$(hdr Location | sed -n 's|.*/h/\([0-9]*\)/today.*|\1|p')
get "$C" "/h/999999/me"
missing=$body
expect_st "a missing household" 404
for p in me screen screen/phq2 couple nights "screens/$sid"; do
	get "$C" "$HH/$p"
	expect_st "another household's $p" 404
	expect_eq "$p: the same page as a missing household" "$body" "$missing"
done
post "$C" "$HH/me/checkin" -d energy=3 -d mood=3
expect_st "another household's check-in form" 404
post "$C" "$HH/rituals" -d name=x -d every=daily
expect_st "another household's rituals" 404
get "$C" "/h/$CH/screens/$sid"
expect_st "Alex's screen by id, in Cara's own household" 404
post "$C" "/h/$CH/me/$cid/delete"
expect_st "Alex's check-in by id, in Cara's own household" 404
get "$C" "/h/$CH/nights"
expect_st "Cara's nights, without a child" 200
expect_body "say so" 'There is no child in this household yet.'

web_stop
expect_eq "the server stops cleanly" "$web_rc" 0
done_testing
