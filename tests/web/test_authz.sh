# Who may do what in the JSON API: every route of web_api_routes
# (src/web/api.c) asked by the owner, a caregiver, a read-only member, a
# consultant, a member of another household (by session), that other
# household's API token, and nobody.  The table below must list exactly
# the routes of the code: a route added without its row fails here.  For
# the outsiders the answer must be byte for byte the one a household that
# does not exist gets, so nothing tells them which households exist.
set -eu
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/api_lib.sh"

top=$(cd "$(dirname "$0")/../.." && pwd)

# METHOD PATH (after /api/v1/households/{hid}) and the status expected for
# the owner, the caregiver, the read-only member and the consultant.
# Writes that would change what later rows read are asked without a
# version (428: the route let them in, the handler wants If-Match).
# Outsiders always get 404, nobody 401.
ROUTES='
GET    /children                          200 200 200 200
POST   /children                          201 201 403 403
GET    /children/{id}                     200 200 200 200
PATCH  /children/{id}                     428 428 403 403
DELETE /children/{id}                     428 428 403 403
GET    /caregivers                        200 200 200 200
GET    /sleeps                            200 200 200 200
POST   /sleeps                            201 201 403 403
GET    /sleeps/{id}                       200 200 200 200
PATCH  /sleeps/{id}                       428 428 403 403
DELETE /sleeps/{id}                       428 428 403 403
POST   /sleeps/{id}/wakings               201 201 403 403
GET    /wakings/{id}                      200 200 200 200
PATCH  /wakings/{id}                      428 428 403 403
DELETE /wakings/{id}                      428 428 403 403
GET    /feeds                             200 200 200 200
POST   /feeds                             201 201 403 403
GET    /feeds/{id}                        200 200 200 200
PATCH  /feeds/{id}                        428 428 403 403
DELETE /feeds/{id}                        428 428 403 403
GET    /tags                              200 200 200 200
POST   /tags                              201 201 403 403
GET    /tags/{id}                         200 200 200 200
PATCH  /tags/{id}                         428 428 403 403
DELETE /tags/{id}                         428 428 403 403
GET    /children/{id}/plan                200 200 200 200
POST   /children/{id}/plan                201 201 403 201
POST   /children/{id}/plan/decide         200 200 403 200
POST   /children/{id}/plan/moves          200 200 403 200
GET    /children/{id}/plan/history        200 200 200 200
GET    /children/{id}/report              200 200 200 200
GET    /children/{id}/charts/diary.svg    200 200 200 200
GET    /children/{id}/charts/trends.svg   200 200 200 200
GET    /children/{id}/predict             200 200 200 200
'

# ---- the table is the code's ----
grep -oE '\{ "(GET|POST|PATCH|DELETE)", HH "[^"]*"' "$top/src/web/api.c" |
    sed -E 's/^\{ "([A-Z]+)", HH "([^"]*)"$/\1 \2/' | sort >"$T_DIR/code"
printf '%s\n' "$ROUTES" | awk 'NF { print $1, $2 }' | sort >"$T_DIR/table"
expect_eq "the code has routes" "$(wc -l <"$T_DIR/code")" "$(wc -l <"$T_DIR/table")"
if cmp -s "$T_DIR/code" "$T_DIR/table"; then
	ok "every route of web_api_routes has its row, and no row is stale"
else
	not_ok "every route of web_api_routes has its row, and no row is stale" \
	    "$(diff "$T_DIR/table" "$T_DIR/code" | grep '^[<>]' | tr '\n' ' ')"
fi
expect_eq "every route's methods are tested" \
    "$(grep -cE '^(GET|POST|PATCH|DELETE) ' "$T_DIR/code")" "$(wc -l <"$T_DIR/code")"

api_setup

# ---- what the rows reach ----
born=$(day_ago 240)
call owner POST "$HP/children" '{"name":"Mia","born":"'"$born"'"}'
mia=$(jb .id)
call owner POST "$HP/sleeps" '{"child_id":'"$mia"',"start":"'"$(at 3 19:00)"'","end":"'"$(at 2 06:30)"'",
  "wakings":[{"start":"'"$(at 2 00:10)"'","end":"'"$(at 2 00:20)"'"}]}'
sl=$(jb .id) wk=$(jb '.wakings[0].id')
call owner POST "$HP/feeds" '{"child_id":'"$mia"',"start":"'"$(at 2 05:00)"'"}'
fd=$(jb .id)
call owner POST "$HP/tags" '{"child_id":'"$mia"',"kind":"ill","from":"'"$(day_ago 4)"'","to":"'"$(day_ago 3)"'"}'
tg=$(jb .id)
PROFILE='{"child":{"born":"'"$born"'"},"associations":["rocked"]}'
call owner POST "$HP/children/$mia/plan" "$PROFILE"
expect_st "the setting: a child, a sleep, a waking, a feed, a tag, a plan" 201

# path PATH HID: a row's path with ids that exist in household H.
path() {
	printf '/api/v1/households/%s%s' "$2" "$1" | sed \
	    -e "s|/children/{id}|/children/$mia|" \
	    -e "s|/sleeps/{id}|/sleeps/$sl|" -e "s|/wakings/{id}|/wakings/$wk|" \
	    -e "s|/feeds/{id}|/feeds/$fd|" -e "s|/tags/{id}|/tags/$tg|"
}

# body METHOD PATH N: what the row sends as person N (1..7), so that each
# who may write writes something of their own.
body() {
	case "$1 $2" in
	"POST /children") echo '{"name":"Kid '"$3"'","born":"'"$born"'"}' ;;
	"POST /sleeps") echo '{"child_id":'"$mia"',"start":"'"$(at $((10 + $3)) 13:00)"'","end":"'"$(at $((10 + $3)) 14:00)"'"}' ;;
	"POST /sleeps/{id}/wakings") echo '{"start":"'"$(at 2 0$3:00)"'","end":"'"$(at 2 0$3:10)"'"}' ;;
	"POST /feeds") echo '{"child_id":'"$mia"',"start":"'"$(at 1 1$3:00)"'"}' ;;
	"POST /tags") echo '{"child_id":'"$mia"',"kind":"other","from":"'"$(day_ago 6)"'","to":"'"$(day_ago 6)"'"}' ;;
	"POST /children/{id}/plan") echo "$PROFILE" ;;
	"POST /children/{id}/plan/moves") echo '{"move":"slow"}' ;;
	PATCH*) echo '{"note":"x"}' ;;
	*) echo - ;;
	esac
}

printf '%s\n' "$ROUTES" | awk 'NF' >"$T_DIR/rows"
while read -r m p e_owner e_carer e_reader e_consultant; do
	n=0
	for who in owner carer reader consultant stranger stoken nobody; do
		n=$((n + 1))
		case $who in
		owner) want=$e_owner ;; carer) want=$e_carer ;;
		reader) want=$e_reader ;; consultant) want=$e_consultant ;;
		stranger | stoken) want=404 ;; nobody) want=401 ;;
		esac
		b=$(body "$m" "$p" $n)
		call $who "$m" "$(path "$p" "$H")" "$b"
		expect_st "$m $p as $who" "$want"
		case $who in stranger | stoken)
			got="$st $(hdr Content-Type) $body"
			call $who "$m" "$(path "$p" 987654)" "$b"
			expect_eq "$m $p as $who: the same bytes as for no household" \
			    "$got" "$st $(hdr Content-Type) $body"
		esac
	done
done <"$T_DIR/rows"

# ---- and what the writes that were let in did ----
call reader GET "$HP/children"
expect_eq "the owner's and the caregiver's children, no one else's" \
    "$(jb '.items | map(.name) | sort | join(",")')" "Kid 1,Kid 2,Mia"
call reader GET "$HP/sleeps"
expect_eq "their sleeps, logged by each of them" \
    "$(jb '[.items[].logged_by] | sort | join(",")')" "Anna,Anna,Ben"
call reader GET "$HP/children/$mia/plan/history"
expect_eq "the plan's moves by the owner, the caregiver and the consultant" \
    "$(jb '[.items[] | select(.verdict == "slow") | .by] | join(",")')" \
    "Anna,Ben,Dana"
call stranger GET "$OP/children"
expect_eq "nothing reached next door" "$(jb '.items | length')" 0

web_stop
expect_eq "the server stops cleanly" "$web_rc" 0
done_testing
