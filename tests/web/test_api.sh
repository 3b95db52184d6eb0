# The JSON API /api/v1 end to end, over real HTTP: children, caregivers,
# sleeps with their wakings, feeds and tags (create, list, read, change,
# delete), pages that walk the history once with a cursor that stays
# put, time filters, versions (ETag, If-Match, "version": 412, 428, 409,
# two caregivers editing one sleep), the journal's rules (an overlap is
# 409), strict JSON (the position of a syntax error, unknown members),
# another household's entries answered as missing ones, plans, the
# report, the charts and the prediction.
set -eu
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/api_lib.sh"

top=$(cd "$(dirname "$0")/../.." && pwd)

# ---- docs/openapi.json: well-formed, and every API route of the code ----
oa="$top/docs/openapi.json"
if jq -e . "$oa" >/dev/null 2>&1; then ok "openapi.json is JSON"; else
	not_ok "openapi.json is JSON" "$(jq . "$oa" 2>&1 | head -n 3)"
fi
expect_eq "OpenAPI 3.1" "$(jq -r .openapi "$oa")" 3.1.0
expect_eq "bearer, cookie and CSRF header schemes" \
    "$(jq -r '.components.securitySchemes | keys | join(",")' "$oa")" \
    "bearerAuth,cookieAuth,csrfHeader"
jq -r '.paths | to_entries[] | .key as $p | .value | keys[] |
    "\(ascii_upcase) \($p)"' "$oa" | sort >"$T_DIR/oa_routes"
{
	grep -oE '\{ "(GET|POST|PATCH|DELETE)", HH "[^"]*"' \
	    "$top/src/web/api.c" |
	    sed -E 's|^\{ "([A-Z]+)", HH "([^"]*)"$|\1 /api/v1/households/{hid}\2|'
	grep -oE '\{ "(GET|POST|PATCH|DELETE)", "/api/v1[^"]*"' \
	    "$top/src/web/auth.c" |
	    sed -E 's|^\{ "([A-Z]+)", "([^"]*)"$|\1 \2|'
} | sort >"$T_DIR/code_routes"
if cmp -s "$T_DIR/oa_routes" "$T_DIR/code_routes"; then
	ok "openapi.json describes exactly the API routes of the code"
else
	not_ok "openapi.json describes exactly the API routes of the code" \
	    "$(diff "$T_DIR/oa_routes" "$T_DIR/code_routes" | grep '^[<>]' | tr '\n' ' ')"
fi
expect_eq "every operation answers its errors with the Error schema" \
    "$(jq '[.components.responses[] | select(.content) |
        .content["application/json"].schema["$ref"]] | unique' -c "$oa")" \
    '["#/components/schemas/Error"]'
expect_eq "every \$ref points at something" \
    "$(jq -r '[.. | objects | .["$ref"]? // empty | select(startswith("#/"))] | unique[]' "$oa" |
        while read -r r; do
	    p=$(printf '%s' "$r" | sed 's|^#/||; s|/|"."|g')
	    jq -e ".\"$p\"" "$oa" >/dev/null 2>&1 || echo "$r"
	done)" ""

# A full validation where the validator is installed (pip's
# openapi-spec-validator); the checks above hold everywhere.
if python3 -c 'import openapi_spec_validator' 2>/dev/null; then
	if python3 - "$oa" <<'PY' >"$T_DIR/oa_check" 2>&1
import json, pathlib, sys
from openapi_spec_validator import validate
p = pathlib.Path(sys.argv[1]).resolve()
validate(json.loads(p.read_text()), base_uri=p.as_uri())
PY
	then ok "openapi.json is valid OpenAPI 3.1"; else
		not_ok "openapi.json is valid OpenAPI 3.1" "$(tail -n 5 "$T_DIR/oa_check")"
	fi
fi

api_setup

# ---- children ----
born=$(day_ago 240)
call owner POST "$HP/children" '{"name":"Mia","born":"'"$born"'"}'
expect_st "a child" 201
mia=$(jb .id)
expect_eq "Location" "$(hdr Location)" "$HP/children/$mia"
expect_eq "ETag of version 1" "$(hdr ETag)" '"v1"'
expect_eq "the export's shape, with its id" \
    "$(jb '[.id > 0, .name, .born, .due, .version, .logged_by] | @tsv')" \
    "$(printf 'true\tMia\t%s\t\t1\tAnna' "$born")"
call owner POST "$HP/children" '{"name":"Mia","born":"'"$born"'"}'
expect_st "the same name twice" 409
call owner POST "$HP/children" '{"name":"Kim","born":"2025-13-40"}'
expect_st "a date that does not exist" 422
expect_eq "names the member" "$(jb .error.field)" born
call owner POST "$HP/children" '{"name":"Kim","born":"'"$born"'","colour":"red"}'
expect_st "an unknown member" 400
expect_eq "named" "$(jb .error.field)" colour
expect_body "and said" '\"colour\" is not a member'
call owner POST "$HP/children" '{"name": "Kim",
  "born": }'
expect_st "malformed JSON" 400
expect_body "with its line and column" "line 2, column 11"
call owner POST "$HP/children" '["Kim"]'
expect_st "not an object" 400
req -H "Authorization: Bearer $TOK_owner" -d "name=Kim&born=$born" \
    "$W_URL$HP/children"
expect_st "a form body" 415
call owner POST "$HP/children" '{"name":"Kim","born":"'"$born"'","name":"Lu"}'
expect_st "a member twice" 400
call owner POST "$HP/children" '{"born":"'"$born"'"}'
expect_st "without a name" 422
expect_eq "names it" "$(jb .error.field)" name

call reader GET "$HP/children"
expect_st "children, read-only" 200
expect_eq "listed" "$(jb '.items | map(.name) | join(",")')" Mia
call reader GET "$HP/children/$mia"
expect_st "one child" 200
expect_eq "with its ETag" "$(hdr ETag)" '"v1"'
call owner PATCH "$HP/children/$mia" '{"name":"Mia Rose"}'
expect_st "a change without a version" 428
call owner PATCH "$HP/children/$mia" '{"name":"Mia Rose"}' -H 'If-Match: "v1"'
expect_st "a change with If-Match" 200
expect_eq "version 2" "$(jb .version) $(hdr ETag)" '2 "v2"'
expect_eq "the new name" "$(jb .name)" "Mia Rose"
call owner PATCH "$HP/children/$mia" '{"name":"Mimi"}' -H 'If-Match: "v1"'
expect_st "a stale If-Match" 412
expect_body "says someone else changed it" "Someone else changed this child"
call owner PATCH "$HP/children/$mia" '{"name":"Mimi","version":1}'
expect_st "a stale version member" 409
expect_eq "names it" "$(jb .error.field)" version
call owner PATCH "$HP/children/$mia" '{"name":"Mimi"}' -H 'If-Match: v2'
expect_st "an If-Match that is no ETag" 412
call owner GET "$HP/children/$mia"
expect_eq "nothing stale was written" "$(jb .name)" "Mia Rose"
call owner POST "$HP/children" '{"name":"Leo","born":"'"$born"'","due":null}'
leo=$(jb .id)
call owner DELETE "$HP/children/$leo"
expect_st "a delete without a version" 428
call owner DELETE "$HP/children/$leo" - -H 'If-Match: "v7"'
expect_st "a delete with a stale one" 412
call owner DELETE "$HP/children/$leo" - -H 'If-Match: "v1"'
expect_st "a delete" 204
expect_eq "with no body" "$body" ""
call owner GET "$HP/children/$leo"
expect_st "then gone" 404

# ---- caregivers ----
call consultant GET "$HP/caregivers"
expect_st "caregivers" 200
expect_eq "everyone of the journal" \
    "$(jb '.items | map(.name) | sort | join(",")')" "Anna,Ben,Cleo,Dana"

# ---- sleeps and wakings ----
s1=$(at 3 19:00) e1=$(at 2 06:30)
call carer POST "$HP/sleeps" '{"child":"Mia Rose","start":"'"$s1"'","end":"'"$e1"'",
  "place":"own-room-cot","onset":["fed","held"],"settled_by":"Ben",
  "latency_min":15,"routine":true,"note":"first",
  "wakings":[{"start":"'"$(at 2 01:00)"'","end":"'"$(at 2 01:20)"'","response":"pat","by":"Anna"}]}'
expect_st "a night with a waking" 201
sl=$(jb .id)
expect_eq "Location" "$(hdr Location)" "$HP/sleeps/$sl"
expect_eq "ETag" "$(hdr ETag)" '"v1"'
expect_eq "as the export writes it" \
    "$(jb '[.child, .child_id == '"$mia"', .kind, .kind_given, (.onset|join(",")), .settled_by, .logged_by, (.wakings|length), .wakings[0].by, .wakings[0].response] | @tsv')" \
    "$(printf 'Mia Rose\ttrue\tnight\tfalse\tfed,held\tBen\tBen\t1\tAnna\tpat')"
wk=$(jb '.wakings[0].id')
call carer POST "$HP/sleeps" '{"child_id":'"$mia"',"start":"'"$(at 3 23:00)"'","end":"'"$(at 2 02:00)"'"}'
expect_st "an overlapping sleep" 409
call carer POST "$HP/sleeps" '{"child_id":'"$mia"',"start":"yesterday"}'
expect_st "a time that is not RFC 3339" 422
expect_eq "names it" "$(jb .error.field)" start
call carer POST "$HP/sleeps" '{"child_id":'"$mia"',"start":"'"$(at 2 13:00)"'","wakings":[{"start":"'"$(at 2 13:10)"'","mood":"grumpy"}]}'
expect_st "an unknown member in a waking" 400
expect_eq "named" "$(jb .error.field)" mood
call carer POST "$HP/sleeps" '{"child":"Nobody","start":"'"$(at 2 13:00)"'"}'
expect_st "a child of no one" 422
call carer POST "$HP/sleeps" '{"child_id":'"$mia"',"start":"'"$(at 2 13:00)"'","end":"'"$(at 2 14:00)"'","kind":"nap","settled_by":"Zed"}'
expect_st "a caregiver who is not in the household" 422
expect_eq "names the member" "$(jb .error.field)" settled_by

now_s=$(date -u -d '@'"$(($(date -u +%s) - 1800))" +%Y-%m-%dT%H:%M:00+00:00)
call carer POST "$HP/sleeps" '{"child_id":'"$mia"',"start":"'"$now_s"'"}'
expect_st "an ongoing sleep" 201
on=$(jb .id)
expect_eq "has no end" "$(jb .end)" null
call carer PATCH "$HP/sleeps/$on" '{"end":"'"$(date -u +%Y-%m-%dT%H:%M:%S+00:00)"'"}' -H 'If-Match: "v1"'
expect_st "ended" 200
expect_eq "with an end" "$(jb '.end != null')" true
call carer PATCH "$HP/sleeps/$on" '{"wakings":[]}' -H 'If-Match: "v2"'
expect_st "wakings change by their own routes" 422

call carer POST "$HP/sleeps/$sl/wakings" '{"start":"'"$(at 2 03:00)"'","end":"'"$(at 2 03:30)"'","response":"feed","by":"Ben"}'
expect_st "a waking" 201
wk2=$(jb .id)
expect_eq "Location" "$(hdr Location)" "$HP/wakings/$wk2"
expect_eq "of its sleep" "$(jb .sleep_id)" "$sl"
call carer POST "$HP/sleeps/$sl/wakings" '{"start":"'"$(at 2 09:00)"'"}'
expect_st "a waking outside its sleep" 422
call reader GET "$HP/wakings/$wk2"
expect_st "read" 200
call carer PATCH "$HP/wakings/$wk2" '{"response":"hold"}' -H 'If-Match: "v1"'
expect_st "changed" 200
expect_eq "to hold" "$(jb .response) $(hdr ETag)" 'hold "v2"'
call carer DELETE "$HP/wakings/$wk2" '{"version":1}'
expect_st "a delete with a stale version member" 409
call carer DELETE "$HP/wakings/$wk2" '{"version":2}'
expect_st "deleted with the version in the body" 204
call reader GET "$HP/sleeps/$sl"
expect_st "the sleep" 200
expect_eq "keeps its other waking" "$(jb '.wakings | map(.id) | join(",")')" "$wk"

# Two caregivers at once: the second loses cleanly.
call owner GET "$HP/sleeps/$sl"
v_anna=$(hdr ETag)
call carer GET "$HP/sleeps/$sl"
v_ben=$(hdr ETag)
expect_eq "both loaded the same version" "$v_anna" "$v_ben"
call carer PATCH "$HP/sleeps/$sl" '{"note":"Ben was here"}' -H "If-Match: $v_ben"
expect_st "the first edit wins" 200
call owner PATCH "$HP/sleeps/$sl" '{"note":"Anna was here"}' -H "If-Match: $v_anna"
expect_st "the second is refused" 412
expect_body "saying someone else changed it" "Someone else changed this sleep"
call owner GET "$HP/sleeps/$sl"
expect_eq "the first edit stands" "$(jb .note) $(jb .updated_by)" "Ben was here Ben"
call owner PATCH "$HP/sleeps/$sl" '{"note":"Anna was here"}' -H "If-Match: $(hdr ETag)"
expect_st "loaded again, the edit goes through" 200
expect_eq "by Anna" "$(jb .updated_by) $(jb .version)" "Anna 3"
call owner PATCH "$HP/sleeps/$sl" '{"note":null,"start":"'"$(at 3 19:30)"'"}' -H 'If-Match: *'
expect_st "If-Match: * takes any version" 200
expect_eq "a note set to null" "$(jb .note)" null

# ---- another household's entries are as missing as missing ones ----
call stranger POST "$OP/children" '{"name":"Zoe","born":"'"$born"'"}'
zoe=$(jb .id)
call stranger POST "$OP/sleeps" '{"child_id":'"$zoe"',"start":"'"$(at 5 13:00)"'","end":"'"$(at 5 14:00)"'"}'
expect_st "next door logs a sleep" 201
zs=$(jb .id)
for p in "sleeps/$zs" "children/$zoe" "children/$zoe/report" \
    "children/$zoe/plan" "sleeps?child=$zoe"; do
	call owner GET "$HP/$p"
	a="$st $body"
	call owner GET "$HP/$(printf '%s' "$p" | sed 's/[0-9][0-9]*/987654/')"
	expect_eq "another's $p is answered as a missing one" "$a" "$st $body"
	expect_eq "a 404: $p" "${a%% *}" 404
done
call owner PATCH "$HP/sleeps/$zs" '{"note":"x"}' -H 'If-Match: "v1"'
expect_st "nor can it be changed" 404
call owner DELETE "$HP/sleeps/$zs" - -H 'If-Match: "v1"'
expect_st "or deleted" 404
call owner POST "$HP/sleeps" '{"child_id":'"$zoe"',"start":"'"$(at 6 13:00)"'"}'
expect_st "nor logged for" 422
call stranger GET "$OP/sleeps/$zs"
expect_eq "and it is still there" "$st $(jb .note)" "200 null"

# ---- pages ----
for d in $(seq 4 30); do
	call carer POST "$HP/sleeps" '{"child_id":'"$mia"',"start":"'"$(at "$d" 13:00)"'","end":"'"$(at "$d" 14:15)"'"}' >/dev/null
done
expect_st "27 naps logged" 201
call reader GET "$HP/sleeps?limit=1000"
total=$(jb '.items | length')
expect_eq "every sleep on one page" "$total" 29
expect_eq "and no next page" "$(jb .next_cursor)" null
expect_eq "newest first" "$(jb '[.items[].start] == ([.items[].start] | sort | reverse)')" true
jb '.items[].id' >"$T_DIR/all"
: >"$T_DIR/paged"
cursor="" pages=0
while :; do
	call reader GET "$HP/sleeps?limit=7${cursor:+&cursor=$cursor}"
	[ "$st" = 200 ] || break
	jb '.items[].id' >>"$T_DIR/paged"
	pages=$((pages + 1))
	cursor=$(jb '.next_cursor // empty')
	[ -n "$cursor" ] || break
	[ $pages -lt 20 ] || break
done
expect_eq "five pages of seven" "$pages" 5
expect_eq "the pages hold every sleep once, in order" \
    "$(cat "$T_DIR/paged" | tr '\n' ,)" "$(cat "$T_DIR/all" | tr '\n' ,)"
expect_eq "no duplicates" "$(sort "$T_DIR/paged" | uniq -d | wc -l)" 0
call reader GET "$HP/sleeps?limit=5"
jb '.items[].id' >"$T_DIR/p1"
c1=$(jb .next_cursor)
call reader GET "$HP/sleeps?limit=5&cursor=$c1"
jb '.items[].id' >"$T_DIR/p2"
call carer POST "$HP/sleeps" '{"child_id":'"$mia"',"start":"'"$(at 1 13:00)"'","end":"'"$(at 1 14:00)"'"}'
newest=$(jb .id)
call reader GET "$HP/sleeps?limit=5&cursor=$c1"
jb '.items[].id' >"$T_DIR/p2b"
expect_eq "a cursor stays put when a newer sleep arrives" \
    "$(tr '\n' , <"$T_DIR/p2b")" "$(tr '\n' , <"$T_DIR/p2")"
call reader GET "$HP/sleeps?limit=5"
expect_eq "while the first page shows it" \
    "$(jb '[.items[].id] | index('"$newest"') != null')" true
call reader GET "$HP/sleeps?limit=0"
expect_st "a limit of 0" 422
call reader GET "$HP/sleeps?limit=1001"
expect_st "more than 1000" 422
expect_eq "names the parameter" "$(jb .error.field)" limit
call reader GET "$HP/sleeps?cursor=bm9uc2Vuc2U"
expect_st "a made-up cursor" 400
expect_eq "named" "$(jb .error.field)" cursor

# Time filters: dates are whole local days, instants are exact.
call reader GET "$HP/sleeps?from=$(day_ago 10)&to=$(day_ago 6)&limit=100"
expect_eq "from and to as dates" "$(jb '.items | length')" 5
expect_eq "inside them" \
    "$(jb '[.items[].start[0:10]] | unique | join(",")')" \
    "$(for d in 10 9 8 7 6; do day_ago $d; done | sort | tr '\n' , | sed 's/,$//')"
call reader GET "$HP/sleeps?from=$(at 10 13:00 | sed 's/+/%2B/')&to=$(at 8 13:00 | sed 's/+/%2B/')"
expect_eq "as RFC 3339 instants, the end left out" "$(jb '.items | length')" 2
call reader GET "$HP/sleeps?from=$(day_ago 10)&to=$(day_ago 6)&limit=2"
c=$(jb .next_cursor)
call reader GET "$HP/sleeps?from=$(day_ago 10)&to=$(day_ago 6)&limit=10&cursor=$c"
expect_eq "a filtered page goes on with its cursor" "$(jb '.items | length')" 3
call reader GET "$HP/sleeps?from=last%20week"
expect_st "a from that is no time" 422
call reader GET "$HP/sleeps?from=$(day_ago 3)&to=$(day_ago 9)"
expect_st "a span that ends before it begins" 422
call reader GET "$HP/sleeps?child=$mia&limit=3"
expect_eq "one child's" "$(jb '[.items[].child_id] | unique | join(",")')" "$mia"

# ---- feeds ----
call carer POST "$HP/feeds" '{"child":"Mia Rose","start":"'"$(at 2 05:00)"'","kind":"bottle","amount_ml":120}'
expect_st "a feed" 201
fd=$(jb .id)
expect_eq "Location" "$(hdr Location)" "$HP/feeds/$fd"
expect_eq "in the export's shape" "$(jb '[.kind, .side, .amount_ml, .end] | @tsv')" \
    "$(printf 'bottle\tnone\t120\t')"
call carer POST "$HP/feeds" '{"child":"Mia Rose","start":"'"$(at 2 05:00)"'","kind":"soup"}'
expect_st "a kind of feed there is not" 422
for d in 3 4 5 6; do
	call carer POST "$HP/feeds" '{"child_id":'"$mia"',"start":"'"$(at $d 05:00)"'","kind":"breast","side":"left"}' >/dev/null
done
call reader GET "$HP/feeds?limit=2"
expect_eq "a page of feeds" "$(jb '.items | length')" 2
c=$(jb .next_cursor)
call reader GET "$HP/feeds?limit=10&cursor=$c"
expect_eq "and the rest" "$(jb '.items | length')" 3
call reader GET "$HP/sleeps?cursor=$c"
expect_st "a feeds cursor is no sleeps cursor" 400
call reader GET "$HP/feeds/$fd"
expect_st "read" 200
call carer PATCH "$HP/feeds/$fd" '{"amount_ml":150,"version":1}'
expect_st "changed with the version member" 200
expect_eq "150 ml, version 2" "$(jb .amount_ml) $(jb .version)" "150 2"
call carer PATCH "$HP/feeds/$fd" '{"amount_ml":5000}' -H 'If-Match: "v2"'
expect_st "too much milk" 422
call carer DELETE "$HP/feeds/$fd" - -H 'If-Match: "v2"'
expect_st "deleted" 204
call reader GET "$HP/feeds/$fd"
expect_st "gone" 404

# ---- tags ----
call carer POST "$HP/tags" '{"child":"Mia Rose","kind":"teething","from":"'"$(day_ago 12)"'","to":"'"$(day_ago 8)"'","note":"molars"}'
expect_st "a tag" 201
tg=$(jb .id)
call carer POST "$HP/tags" '{"child":"Mia Rose","kind":"ill","from":"'"$(day_ago 3)"'","to":"'"$(day_ago 2)"'"}'
call carer POST "$HP/tags" '{"child":"Mia Rose","kind":"teething"}'
expect_st "a tag without its days" 422
call reader GET "$HP/tags?from=$(day_ago 9)&to=$(day_ago 9)"
expect_eq "tags meeting a day" "$(jb '[.items[].id] | join(",")')" "$tg"
call reader GET "$HP/tags?limit=1"
expect_eq "newest first" "$(jb '.items[0].kind')" ill
call carer PATCH "$HP/tags/$tg" '{"to":"'"$(day_ago 7)"'"}' -H 'If-Match: "v1"'
expect_st "changed" 200
call carer PATCH "$HP/tags/$tg" '{"to":"'"$(day_ago 20)"'"}' -H 'If-Match: "v2"'
expect_st "ending before it begins" 422
call carer DELETE "$HP/tags/$tg" '{"version":2}'
expect_st "deleted" 204

# ---- the plan ----
call consultant GET "$HP/children/$mia/plan"
expect_st "no plan yet" 404
expect_eq "says so" "$(jb .error.field)" plan
call consultant POST "$HP/children/$mia/plan" '{"child":{"born":"'"$born"'"},"associations":["fed"],"goals":["less_help_to_fall_asleep"]}'
expect_st "a consultant starts a plan" 201
expect_eq "Location" "$(hdr Location)" "$HP/children/$mia/plan"
expect_eq "tonight is step 1" "$(jb .step) $(jb .tonight.index)" "1 1"
call consultant POST "$HP/children/$mia/plan" '{"child":{"born":"2020-01-01"}}'
expect_st "a profile that disagrees with the journal" 422
expect_eq "names the field" "$(jb .error.field)" child.born
call consultant POST "$HP/children/$mia/plan" '{"child":{"born":"'"$born"'","weight":9}}'
expect_st "an unknown profile field" 422
call consultant POST "$HP/children/$mia/plan" '{"child":{"born":"'"$born"'","weight":9},"health":["blue_or_limp"]}'
expect_body "an emergency is said first, even then" "FIRST: a child who went blue"
call reader GET "$HP/children/$mia/plan"
expect_st "the running plan" 200
expect_eq "its method and state" "$(jb '.method | test("^M[0-9]$")') $(jb .state.step)" "true 1"
pv=$(hdr ETag)
call carer POST "$HP/children/$mia/plan/moves" '{"move":"pause","note":"a cold"}'
expect_st "a pause" 200
expect_eq "paused" "$(jb .state.paused)" true
call carer POST "$HP/children/$mia/plan/moves" '{"move":"resume"}' -H "If-Match: $pv"
expect_st "a stale plan version" 412
call carer POST "$HP/children/$mia/plan/moves" '{"move":"resume"}'
expect_st "resumed" 200
call carer POST "$HP/children/$mia/plan/moves" '{"move":"override","step":2}'
expect_st "a step chosen" 200
expect_eq "step 2" "$(jb .state.step)" 2
call carer POST "$HP/children/$mia/plan/moves" '{"move":"override"}'
expect_st "an override needs its step" 422
call carer POST "$HP/children/$mia/plan/moves" '{"move":"jump"}'
expect_st "a move there is not" 422
expect_eq "named" "$(jb .error.field)" move
call carer POST "$HP/children/$mia/plan/decide"
expect_st "this morning's decision" 200
expect_eq "made now" "$(jb .already_decided) $(jb '.decision.verdict | length > 0')" "false true"
call carer POST "$HP/children/$mia/plan/decide"
expect_eq "once a morning" "$(jb .already_decided)" true
call reader GET "$HP/children/$mia/plan/history"
expect_st "the history" 200
expect_eq "every move, then the decision" \
    "$(jb '.items | map(.verdict) | .[0:3] | join(",")') $(jb '.items | length')" \
    "pause,resume,override 4"
expect_eq "by whom" "$(jb '.items[0].by')" Ben

# ---- report, charts, prediction ----
call reader GET "$HP/children/$mia/report"
expect_st "the report" 200
expect_eq "schema 1, fourteen days to today" \
    "$(jb '[.schema, .child.name, (.days|length), .to, .tz] | @tsv')" \
    "$(printf '1\tMia Rose\t14\t%s\tEurope/London' "$(day_ago 0)")"
expect_eq "the shape of docs/report.schema.json" \
    "$(jb '[has("windows"), (.windows|has("last7")), (.age|has("comparisons")), (.days[0]|has("total_sleep_min"))] | all')" true
call reader GET "$HP/children/$mia/report?from=$(day_ago 30)&to=$(day_ago 1)"
expect_eq "a chosen span" "$(jb '.days | length') $(jb .from)" "30 $(day_ago 30)"
jb -S . >"$T_DIR/report_api"
run --db "$T_DIR/web.db" report --json --child "Mia Rose" \
    --from "$(day_ago 30)" --to "$(day_ago 1)"
expect_rc "lull report --json on the same journal" 0
expect_eq "the API's report is the command line's" \
    "$(printf '%s' "$out" | jq -S . | cmp -s - "$T_DIR/report_api" && echo same)" same
call reader GET "$HP/children/$mia/report?from=2000-01-01"
expect_st "at most ten years" 422
call reader GET "$HP/children/$mia/charts/diary.svg"
expect_st "the diary" 200
expect_eq "as SVG" "$(hdr Content-Type)" "image/svg+xml; charset=utf-8"
expect_eq "an svg element" "$(printf '%s' "$body" | grep -c '<svg')" 1
call reader GET "$HP/children/$mia/charts/trends.svg?from=$(day_ago 30)"
expect_st "the trends" 200
expect_eq "an svg element too" "$(printf '%s' "$body" | grep -c '<svg')" 1
call reader GET "$HP/children/$mia/charts/diary.svg?from=$(day_ago 400)"
expect_st "a diary of more than a year" 422
call reader GET "$HP/children/$mia/charts/diary.svg?from=$(day_ago 9)&to=$(day_ago 2)"
printf '%s' "$body" >"$T_DIR/diary_api.svg"
run --db "$T_DIR/web.db" chart diary --child "Mia Rose" --from "$(day_ago 9)" \
    --to "$(day_ago 2)"
expect_eq "the same diary as lull chart diary" \
    "$(printf '%s' "$out" | cmp -s - "$T_DIR/diary_api.svg" && echo same)" same
call reader GET "$HP/children/$mia/predict"
expect_st "the prediction" 200
expect_eq "for Mia, with its windows" \
    "$(jb '[.child, has("next"), has("bedtime"), (.age_wake_window|has("lo_min"))] | @tsv')" \
    "$(printf 'Mia Rose\ttrue\ttrue\ttrue')"

# ---- sessions need their CSRF token; bodies have a limit ----
req -b "$T_DIR/jar_carer" -H 'Content-Type: application/json' \
    -d '{"child_id":'"$mia"',"start":"'"$(at 40 13:00)"'"}' "$W_URL$HP/sleeps"
expect_st "a session's write without X-CSRF-Token" 403
head -c 1100000 /dev/zero | tr '\0' ' ' >"$T_DIR/big"
req -H "Authorization: Bearer $TOK_owner" -H 'Content-Type: application/json' \
    --data-binary "@$T_DIR/big" "$W_URL$HP/sleeps"
expect_st "a body over 1 MiB" 413

# ---- writes say who made them ----
call owner GET "$HP/sleeps?limit=1000"
expect_eq "logged by the member's caregiver" \
    "$(jb '[.items[].logged_by] | unique | join(",")')" "Ben"

carer_id=$(call carer GET "$HP/caregivers" >/dev/null; jb '.items[] | select(.name == "Ben") | .id')
expect_eq "the log says which caregiver wrote what, by ids" \
    "$(grep -cE "household $H: caregiver $carer_id (created /sleeps/[0-9]+|changed sleep [0-9]+|deleted waking [0-9]+)\$" "$W_LOG" | awk '{ print ($1 >= 3) }')" 1
expect_eq "and no names" "$(grep -c 'caregiver .*Ben' "$W_LOG" || true)" 0

web_stop
expect_eq "the server stops cleanly" "$web_rc" 0
done_testing
