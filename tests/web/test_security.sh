# The security review's findings, over real HTTP (each check failed
# before its fix): invitations that die with their maker's owner access,
# listed (never their codes) and revoked by an owner; API tokens that a
# new password revokes, that need the password again and a signed-in
# person to be made, and that cannot manage members, invitations, tokens
# or sessions; the journal role an invitation gives (a parent only when
# the owner says so); the login throttle keyed on the email as accounts
# compare it, saying which limit held; a method that is not an HTTP
# token answered 501 and never logged raw; the connections one address
# may hold; the deadline of a request's headers and body; and
# --trust-proxy refused off the loopback.
# SPDX-License-Identifier: ISC
set -eu
. "$(dirname "$0")/lib.sh"

PW="quiet nights ahead"
DB="$T_DIR/web.db"
: >"$T_DIR/server.out"
web_start
for p in "anna Anna" "ben Ben" "cleo Cleo" "dan Dan" "eve Eve"; do
	set -- $p
	printf '%s\n' "$PW" | "$LULL" --db "$DB" admin adduser \
	    "$1@example.org" --name "$2" >/dev/null
done

jb() { printf '%s' "$body" | jq -r "$@"; }
lacks() {	# lacks NAME FIXED-STRING: not in the last body
	if printf '%s\n' "$body" | grep -qF -- "$2"; then
		not_ok "$1" "body has [$2]"
	else ok "$1"; fi
}

# login WHO [PASSWORD]: a cookie session in $T_DIR/WHO, its CSRF token in
# $CSRF_WHO
login() {
	req -c "$T_DIR/$1" -H 'Content-Type: application/json' \
	    -d '{"email":"'"$1"'@example.org","password":"'"${2:-$PW}"'"}' \
	    "$W_URL/api/v1/session"
	[ "$st" = 200 ] || { echo "login $1: $st $body"; exit 1; }
	eval "CSRF_$1=\$(jb .csrf)"
}
# as WHO METHOD PATH [JSON]: the API with WHO's cookie session
as() {
	_w=$1 _m=$2 _p=$3
	eval "_c=\$CSRF_$_w"
	if [ $# -gt 3 ]; then
		req -X "$_m" -b "$T_DIR/$_w" -H "X-CSRF-Token: $_c" \
		    -H 'Content-Type: application/json' --data-binary "$4" \
		    "$W_URL$_p"
	else
		req -X "$_m" -b "$T_DIR/$_w" -H "X-CSRF-Token: $_c" "$W_URL$_p"
	fi
}
# bearer TOKEN METHOD PATH [JSON]: the API with an API token
bearer() {
	_t=$1 _m=$2 _p=$3
	if [ $# -gt 3 ]; then
		req -X "$_m" -H "Authorization: Bearer $_t" \
		    -H 'Content-Type: application/json' --data-binary "$4" \
		    "$W_URL$_p"
	else
		req -X "$_m" -H "Authorization: Bearer $_t" "$W_URL$_p"
	fi
}
# form WHO PATH CURL-ARGS...: a page's form with WHO's session and CSRF
form() {
	_w=$1 _p=$2
	shift 2
	eval "_c=\$CSRF_$_w"
	req -b "$T_DIR/$_w" --data-urlencode "csrf=$_c" "$@" "$W_URL$_p"
}
# role NAME: the journal role of the member whose account is NAME, as
# the owner lists them
role() {
	as anna GET "$HP/members"
	jb ".[] | select(.name == \"$1\") | .role"
}

for w in anna ben cleo dan eve; do login $w; done
as anna POST /api/v1/households '{"name":"The Lees","tz":"Europe/London"}'
H=$(jb .id)
HP=/api/v1/households/$H

# ---- 1. invitations: their maker's access, listed, revoked ----------
as anna POST "$HP/members" '{"name":"Ben","access":"owner","parent":true}'
as ben POST "/api/v1/invitations/$(jb .code)"
expect_st "Ben joins as a second owner" 200
as ben POST "$HP/members" '{"name":"Cleo","access":"readonly"}'
expect_st "Ben invites Cleo" 201
code_c=$(jb .code)
as anna GET "$HP/invitations"
expect_st "the owner lists the invitations not used yet" 200
expect_eq "Cleo's, made by Ben" "$(jb '.[] | "\(.name) \(.access) \(.by.name)"')" \
    "Cleo readonly Ben"
expect_eq "never its code" "$(jb '.[0] | has("code")')" false
lacks "the code is nowhere in the listing" "$code_c"
get_settings() { req -b "$T_DIR/anna" "$W_URL/h/$H/settings"; }
get_settings
expect_body "the settings page lists it" "Invitations not used yet"
expect_body "with who made it" "made by Ben"
expect_body "and a button to revoke it" "/invitations/"
lacks "and never the code" "$code_c"

as anna DELETE "$HP/members/$(as anna GET "$HP/members"; jb '.[] | select(.name == "Ben") | .account_id')"
expect_st "Ben is removed" 204
as cleo POST "/api/v1/invitations/$code_c"
expect_st "what he invited died with his membership" 404
as anna GET "$HP/invitations"
expect_eq "and is listed no more" "$(jb length)" 0

# Ben back, as an owner; then no longer one: his invitation goes too.
as anna POST "$HP/members" '{"name":"Ben","access":"owner","parent":true}'
as ben POST "/api/v1/invitations/$(jb .code)"
expect_st "Ben comes back, as the same Ben" 200
as ben POST "$HP/members" '{"name":"Cleo","access":"readonly"}'
code_c=$(jb .code)
as ben GET /api/v1/me
ben_id=$(jb .id)
as anna PATCH "$HP/members/$ben_id" '{"access":"caregiver"}'
expect_st "Ben is made a caregiver" 200
as cleo POST "/api/v1/invitations/$code_c"
expect_st "an owner no more: his invitation opens nothing" 404

# Revoked from the settings page, and by the API.
form anna "/h/$H/invite" -d name=Dan -d access=readonly
expect_st "Anna invites Dan from the settings page" 200
code_d=$(printf '%s\n' "$body" |
    sed -n 's|.*id="invite-link">[^<]*/invite/\([^<]*\)<.*|\1|p')
expect_body "it says it can be revoked" "revoke it on the settings page"
as anna GET "$HP/invitations"
inv=$(jb '.[0].id')
form anna "/h/$H/invitations/$inv/revoke"
expect_st "revoked on the page" 303
expect_eq "back to the settings" "$(hdr Location)" "/h/$H/settings"
as dan POST "/api/v1/invitations/$code_d"
expect_st "a revoked invitation opens nothing" 404
as anna POST "$HP/members" '{"name":"Dan","access":"readonly"}'
code_d=$(jb .code)
as anna GET "$HP/invitations"
inv=$(jb '.[0].id')
as ben GET "$HP/invitations"
expect_st "a caregiver may not list them" 403
as ben DELETE "$HP/invitations/$inv"
expect_st "nor revoke them" 403
as eve GET "$HP/invitations"
expect_st "a stranger is told of no household" 404
as anna DELETE "$HP/invitations/$inv"
expect_st "revoked by the API" 204
as anna DELETE "$HP/invitations/$inv"
expect_st "once" 404
as dan POST "/api/v1/invitations/$code_d"
expect_st "and it opens nothing" 404

# ---- 3. the journal role an invitation gives ------------------------
expect_eq "Ben, made a caregiver, stays a parent" "$(role Ben)" parent
as anna POST "$HP/members" '{"name":"Grandpa","access":"caregiver"}'
expect_eq "an invitation says whether a parent: here not" "$(jb .parent)" false
as dan POST "/api/v1/invitations/$(jb .code)"
expect_eq "a grandparent (Dan) with caregiver access is a helper" \
    "$(role Dan)" helper
as anna POST "$HP/members" '{"name":"Gran","access":"readonly","parent":true}'
expect_st "a read-only parent is refused" 422
expect_eq "naming the field" "$(jb .error.field)" parent
as anna POST "$HP/members" '{"name":"Gran","access":"caregiver","parent":"yes"}'
expect_st "parent is a boolean" 422
as anna POST "$HP/members" '{"name":"Dana","access":"consultant"}'
as cleo POST "/api/v1/invitations/$(jb .code)"
expect_eq "a consultant's invitation makes a consultant" "$(role Cleo)" \
    consultant
as cleo GET /api/v1/me
cleo_id=$(jb .id)
as anna PATCH "$HP/members/$cleo_id" '{"access":"caregiver"}'
expect_eq "out of consultant access: a helper" "$(jb .role)" helper
as anna PATCH "$HP/members/$cleo_id" '{"access":"caregiver","parent":true}'
expect_eq "a parent when the owner says so" "$(jb .role)" parent
form anna "/h/$H/members/$cleo_id/access" -d access=caregiver -d parent=no
expect_st "the settings page says not a parent" 303
expect_eq "and she is a helper" "$(role Cleo)" helper
get_settings
expect_body "the settings page shows each one's role" \
    "Dan</strong>, caregiver, not a parent"
expect_body "the invitation form asks whether a parent" \
    'name="parent" value="yes"'
# Someone removed keeps their record; nobody else may take it.
as dan GET /api/v1/me
dan_id=$(jb .id)
as anna DELETE "$HP/members/$dan_id"
as anna POST "$HP/members" '{"name":"Grandpa","access":"caregiver"}'
as eve POST "/api/v1/invitations/$(jb .code)"
expect_st "Eve cannot become the Grandpa Dan was" 409
expect_eq "the name is at fault" "$(jb .error.field)" name

# ---- 2. API tokens ----------------------------------------------------
as anna POST /api/v1/tokens '{"name":"script"}'
expect_st "a token without the password" 403
expect_eq "asks for it" "$(jb .error.field)" password
as anna POST /api/v1/tokens '{"name":"script","password":"not it at all"}'
expect_st "with a wrong one" 403
as anna POST /api/v1/tokens '{"name":"script","password":"'"$PW"'"}'
expect_st "with the password" 201
tok=$(jb .token)
bearer "$tok" GET /api/v1/me
expect_st "the token works" 200
bearer "$tok" POST /api/v1/households '{"name":"By script","tz":"UTC"}'
expect_st "and writes the journal" 201
for r in "POST /api/v1/tokens" "GET /api/v1/tokens" "DELETE /api/v1/tokens" \
    "DELETE /api/v1/tokens/1" "DELETE /api/v1/session" \
    "DELETE /api/v1/sessions" "POST $HP/members" "GET $HP/invitations" \
    "DELETE $HP/invitations/1" "PATCH $HP/members/$cleo_id" \
    "DELETE $HP/members/$cleo_id" "POST /api/v1/invitations/$code_c"; do
	set -- $r
	bearer "$tok" "$1" "$2" '{"name":"x","access":"readonly","password":"'"$PW"'"}'
	expect_st "a token may not: $r" 403
done
expect_body "and says why" "An API token cannot do this"
as anna GET "$HP/members"
expect_eq "Cleo is still a member" \
    "$(jb '[.[] | select(.name == "Cleo")] | length')" 1

req -b "$T_DIR/anna" --data-urlencode "csrf=$CSRF_anna" -d name=phone \
    "$W_URL/account/tokens"
expect_st "the tokens page asks for the password too" 403
expect_body "said next to it" "That is not your password."
req -b "$T_DIR/anna" --data-urlencode "csrf=$CSRF_anna" -d name=phone \
    --data-urlencode "password=$PW" "$W_URL/account/tokens"
expect_st "and makes the token with it" 201
tok2=$(printf '%s\n' "$body" | sed -n 's|.*id="token">\([^<]*\)</code>.*|\1|p')
expect_eq "shown once" "${#tok2}" 43

# Log out everywhere: the sessions end, the tokens stay (and it says so).
req -b "$T_DIR/anna" "$W_URL/account"
expect_body "the account page says tokens stay" "Your API tokens keep"
form anna /logout-all
expect_st "log out everywhere" 303
bearer "$tok" GET /api/v1/me
expect_st "a token outlives log out everywhere" 200
login anna
req -b "$T_DIR/anna" "$W_URL/account/tokens"
expect_body "revoke all, on the tokens page" "Revoke all tokens"
form anna /account/tokens/revoke-all
expect_st "revoke all" 303
bearer "$tok" GET /api/v1/me
expect_st "the first token is revoked" 401
bearer "$tok2" GET /api/v1/me
expect_st "and the second" 401

# A new password revokes the tokens too.
as anna POST /api/v1/tokens '{"name":"again","password":"'"$PW"'"}'
tok=$(jb .token)
as ben POST /api/v1/tokens '{"name":"ben","password":"'"$PW"'"}'
btok=$(jb .token)
printf '%s\n' "a brand new password" |
    "$LULL" --db "$DB" admin passwd anna@example.org >/dev/null
bearer "$tok" GET /api/v1/me
expect_st "lull admin passwd revokes Anna's tokens" 401
as anna GET /api/v1/me
expect_st "and ends her sessions" 401
bearer "$btok" GET /api/v1/me
expect_st "not Ben's" 200
login anna "a brand new password"
as anna DELETE /api/v1/tokens
expect_st "revoke all by the API" 200
expect_eq "none were left" "$(jb .revoked)" 0

# ---- 5. the login throttle's email key -------------------------------
for i in 1 2 3 4 5; do
	req -d "email=%20Eve@Example.ORG%20&password=not it $i" "$W_URL/login"
done
expect_st "five wrong passwords, the email with blanks and capitals" 401
req -d "email=eve@example.org&password=$PW" "$W_URL/login"
expect_st "hold the email as accounts compare it" 429
expect_eq "the log says which limit" \
    "$(grep -c 'login throttled by the email limit for ip:127.0.0.1' "$W_LOG")" 1
if grep -qi "eve@example" "$W_LOG"; then
	not_ok "and names no email" "$(grep -i 'eve@example' "$W_LOG" | head -n 2)"
else ok "and names no email"; fi

# ---- 6. methods that are not HTTP tokens ------------------------------
esc=$(printf '\033')
req -X "GET${esc}[31m" "$W_URL/"
expect_st "a method with a control character: 501" 501
req -X 'GE"T' "$W_URL/"
expect_st "or a quote: 501" 501
expect_eq "logged escaped" "$(grep -c 'WARN GET%1B\[31m / 501' "$W_LOG")" 1
if grep -q "$esc" "$W_LOG"; then
	not_ok "never raw" "$(grep -c "$esc" "$W_LOG") lines with ESC"
else ok "never raw"; fi
expect_eq "a quote escaped too" "$(grep -c 'WARN GE%22T / 501' "$W_LOG")" 1
req -X BREW "$W_URL/"
expect_st "an unknown but proper method: 405" 405

web_stop
expect_eq "stops cleanly" "$web_rc" 0

# ---- 7. --trust-proxy only on the loopback ----------------------------
set +e
"$LULL" --db "$DB" serve --listen 0.0.0.0:0 --trust-proxy \
    >"$T_DIR/tp.out" 2>"$T_DIR/tp.err"
rc=$?
set -e
expect_eq "--trust-proxy off the loopback is refused" "$rc" 2
expect_eq "saying why" "$(grep -c 'only with --listen on the loopback' "$T_DIR/tp.err")" 1
expect_eq "before listening" "$(grep -c serving "$T_DIR/tp.out" || true)" 0

# ---- 4. connections per address, and the deadline ---------------------
: >"$T_DIR/server.out"
web_start --per-ip 2 --deadline 2 --trust-proxy
ok "--trust-proxy on the loopback is fine"
if command -v perl >/dev/null 2>&1; then
	# Two idle connections from here: the third is refused.
	perl -MIO::Socket::INET -e '
	    my @s = map { IO::Socket::INET->new(PeerAddr => $ARGV[0])
		or die "connect: $!" } 1 .. 2;
	    sleep 4;' "${W_URL#http://}" &
	held=$!
	sleep 1
	req "$W_URL/healthz"
	expect_st "a third connection from one address is refused" 000
	wait "$held" || true
	req "$W_URL/healthz"
	expect_st "and taken once the others closed" 200

	# Headers that take longer than the deadline: 408.
	got=$(perl -MIO::Socket::INET -e '
	    my $s = IO::Socket::INET->new(PeerAddr => $ARGV[0]) or die;
	    $s->autoflush(1);
	    print $s "GET /healthz HTTP/1.1\r\nHost: x\r\n";
	    sleep 3;
	    print $s "\r\n";
	    my $l = <$s>; $l =~ s/\r?\n$//; print $l;' "${W_URL#http://}")
	expect_eq "headers past the deadline: 408" "$got" \
	    "HTTP/1.1 408 Request Timeout"
else
	for n in "a third connection from one address is refused" \
	    "and taken once the others closed" "headers past the deadline: 408"; do
		ok "$n # skip: no perl"
	done
fi
# A body that trickles in past the deadline: cut off (408, or the
# connection closed before curl reads it), long before it would end.
head -c 100000 /dev/zero | tr '\0' ' ' >"$T_DIR/slow"
t0=$(date +%s)
req --limit-rate 10k -H 'Content-Type: application/json' \
    --data-binary "@$T_DIR/slow" "$W_URL/api/v1/session"
t1=$(date +%s)
case $st in 408 | 000) ok "a slow body is cut off" ;;
*) not_ok "a slow body is cut off" "status $st" ;; esac
expect_eq "well before it would have ended (10 s)" \
    "$([ $((t1 - t0)) -lt 8 ] && echo yes || echo "no: $((t1 - t0)) s")" yes
expect_eq "the log says 408" \
    "$(grep -c 'POST /api/v1/session 408' "$W_LOG")" 1
req "$W_URL/healthz"
expect_st "a quick request is fine" 200

web_stop
expect_eq "stops cleanly again" "$web_rc" 0
done_testing
