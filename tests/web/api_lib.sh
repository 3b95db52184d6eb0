# Shared by the JSON API tests (test_api.sh, test_authz.sh): a household
# with an owner, a caregiver, a read-only member and a consultant, and a
# second household whose owner is a stranger to the first; each person
# with a cookie session (and its CSRF token) and an API token.
# Sourced after lib.sh.
# SPDX-License-Identifier: ISC

PW="quiet nights ahead"

# Days before today as YYYY-MM-DD, and instants as RFC 3339 (UTC).
day_ago() { date -u -d "@$(($(date -u +%s) - $1 * 86400))" +%Y-%m-%d; }
# at DAYS_AGO HH:MM: that time, UTC, on that day
at() { printf '%sT%s:00+00:00' "$(day_ago "$1")" "$2"; }

# jb FILTER: jq on the last body.
jb() { printf '%s' "$body" | jq -r "$@"; }

# call WHO METHOD PATH [BODY [CURL-ARGS...]]: a request as WHO (owner,
# carer, reader, consultant, stranger, stoken, nobody, osession), BODY "-"
# for none.  owner, reader and stoken use API tokens; carer, consultant
# and stranger their cookie sessions with the CSRF header; osession is
# the owner's cookie session (members and invitations are no token's).
call() {
	_who=$1 _m=$2 _p=$3
	shift 3
	_b=-
	if [ $# -gt 0 ]; then _b=$1; shift; fi
	case $_who in
	owner) set -- -H "Authorization: Bearer $TOK_owner" "$@" ;;
	reader) set -- -H "Authorization: Bearer $TOK_reader" "$@" ;;
	stoken) set -- -H "Authorization: Bearer $TOK_stranger" "$@" ;;
	carer | consultant | stranger)
		eval "_c=\$CSRF_$_who"
		set -- -b "$T_DIR/jar_$_who" -H "X-CSRF-Token: $_c" "$@" ;;
	osession)
		set -- -b "$T_DIR/jar_owner" -H "X-CSRF-Token: $CSRF_owner" \
		    "$@" ;;
	nobody) ;;
	*) echo "call: who is $_who?"; return 1 ;;
	esac
	if [ "$_b" != "-" ]; then
		set -- -H 'Content-Type: application/json' --data-binary "$_b" \
		    "$@"
	fi
	req -X "$_m" "$@" "$W_URL$_p"
}

# The people, their sessions and tokens, and the two households.
api_setup() {
	# web_start reads server.out right after starting the server, which
	# may not have created it yet (sed fails, and set -e ends the test).
	: >"$T_DIR/server.out"
	web_start
	for p in "owner Anna" "carer Ben" "reader Cleo" "consultant Dana" \
	    "stranger Olga"; do
		set -- $p
		printf '%s\n' "$PW" | "$LULL" --db "$T_DIR/web.db" admin adduser \
		    "$1@example.org" --name "$2" >/dev/null
	done
	for who in owner carer reader consultant stranger; do
		req -c "$T_DIR/jar_$who" -H 'Content-Type: application/json' \
		    -d '{"email":"'"$who"'@example.org","password":"'"$PW"'"}' \
		    "$W_URL/api/v1/session"
		[ "$st" = 200 ] || { echo "login $who: $st $body"; return 1; }
		eval "CSRF_$who=\$(jb .csrf)"
		eval "_c=\$CSRF_$who"
		req -b "$T_DIR/jar_$who" -H "X-CSRF-Token: $_c" \
		    -H 'Content-Type: application/json' \
		    -d '{"name":"tests","password":"'"$PW"'"}' \
		    "$W_URL/api/v1/tokens"
		[ "$st" = 201 ] || { echo "token $who: $st $body"; return 1; }
		eval "TOK_$who=\$(jb .token)"
	done
	call owner POST /api/v1/households '{"name":"The Lees","tz":"Europe/London"}'
	H=$(jb .id)
	call stranger POST /api/v1/households '{"name":"Next door","tz":"UTC"}'
	O=$(jb .id)
	for p in "carer Ben caregiver" "reader Cleo readonly" \
	    "consultant Dana consultant"; do
		set -- $p
		call osession POST "/api/v1/households/$H/members" \
		    '{"name":"'"$2"'","access":"'"$3"'"}'
		[ "$st" = 201 ] || { echo "invite $1: $st $body"; return 1; }
		code=$(jb .code)
		eval "_c=\$CSRF_$1"
		req -b "$T_DIR/jar_$1" -H "X-CSRF-Token: $_c" \
		    -X POST "$W_URL/api/v1/invitations/$code"
		[ "$st" = 200 ] || { echo "accept $1: $st $body"; return 1; }
	done
	HP=/api/v1/households/$H
	OP=/api/v1/households/$O
}
