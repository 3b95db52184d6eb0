# The web server end to end, over real HTTP: sign-up and login, the
# session cookie and CSRF, logout and logout everywhere, the login
# throttle, security headers, body limits, households a stranger cannot
# tell from missing ones, API tokens, invitations, night mode, the access
# log's discretion, and a clean stop on SIGTERM.
set -eu
. "$(dirname "$0")/lib.sh"

PW_A="quiet nights ahead"
PW_B="another long secret"
web_start
expect_eq "the server prints its URL" \
    "$(printf '%s' "$W_URL" | grep -c '^http://127.0.0.1:')" 1

# ---- headers, static files, errors ----
req "$W_URL/"
expect_st "start page" 200
expect_eq "CSP" "$(hdr Content-Security-Policy)" \
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
expect_eq "nosniff" "$(hdr X-Content-Type-Options)" nosniff
expect_eq "no framing" "$(hdr X-Frame-Options)" DENY
expect_eq "referrer policy" "$(hdr Referrer-Policy)" same-origin
expect_eq "pages are not cached" "$(hdr Cache-Control)" no-store
expect_body "a skip link" 'href="#main"'
expect_body "a main landmark" '<main id="main"'
css=$(printf '%s\n' "$body" | sed -n 's/.*href="\(\/static\/app.css[^"]*\)".*/\1/p')
req "$W_URL$css"
expect_st "the stylesheet" 200
expect_eq "its type" "$(hdr Content-Type)" "text/css; charset=utf-8"
expect_eq "static files carry the headers too" "$(hdr X-Frame-Options)" DENY
req "$W_URL/static/app.js"
expect_st "the script" 200
req "$W_URL/static/nothing.css"
expect_st "a missing static file" 404

req "$W_URL/nowhere"
expect_st "a missing page" 404
expect_eq "as HTML" "$(hdr Content-Type)" "text/html; charset=utf-8"
req "$W_URL/api/v1/nowhere"
expect_st "a missing API path" 404
expect_eq "as JSON" "$(hdr Content-Type)" "application/json"
expect_eq "the JSON error" "$(printf '%s' "$body" | jq -c .error)" \
    '{"status":404,"message":"There is no such page.","field":null}'
req -X GET "$W_URL/logout-all"
expect_st "a known path with another method" 405
expect_eq "says what is allowed" "$(hdr Allow)" POST

# ---- sign-up, login, CSRF ----
req -c "$T_DIR/a" -d "name=Anna&email=anna@example.org&password=$PW_A" \
    "$W_URL/signup"
expect_st "sign-up" 303
expect_body "sign-up redirects with no body" ""
expect_eq "the cookie is HttpOnly and SameSite" \
    "$(hdr Set-Cookie | grep -c 'HttpOnly; SameSite=Lax')" 1
req -d "name=Again&email=ANNA@example.org&password=$PW_A" "$W_URL/signup"
expect_st "an email taken, whatever its case" 409
expect_body "said next to the field" 'aria-invalid="true"'
req -d "name=Shorty&email=s@example.org&password=short" "$W_URL/signup"
expect_st "a short password" 422

req -b "$T_DIR/a" "$W_URL/"
expect_body "signed in, the households" "Your households"
ca=$(csrf_of "$T_DIR/a")
expect_eq "a CSRF token in the page" "${#ca}" 43

req -b "$T_DIR/a" -d "name=The Lees&tz=Europe/London" "$W_URL/households"
expect_st "a form without the CSRF token is refused" 403
req -b "$T_DIR/a" -d "name=The Lees&tz=Europe/London&csrf=$(printf 'x%.0s' $(seq 43))" \
    "$W_URL/households"
expect_st "a wrong CSRF token is refused" 403
req -b "$T_DIR/a" -d "name=The Lees&tz=Mars/Olympus&csrf=$ca" \
    "$W_URL/households"
expect_st "an unknown zone" 422
expect_body "named" "Mars/Olympus"
req -b "$T_DIR/a" -d "name=The Lees&tz=Europe/London&csrf=$ca" \
    "$W_URL/households"
expect_st "with the token it is taken" 303
loc=$(hdr Location)
hid=$(printf '%s' "$loc" | sed -n 's|^/h/\([0-9]*\)/today$|\1|p')
expect_eq "to the household's Today" "$loc" "/h/$hid/today"
req -b "$T_DIR/a" -H "Origin: https://evil.example" \
    -d "name=X&tz=UTC&csrf=$ca" "$W_URL/households"
expect_st "a form posted from another site is refused" 403

req -b "$T_DIR/a" "$W_URL/h/$hid/settings"
expect_st "the household's settings" 200
expect_body "its members" "Anna"
expect_body "the household nav" 'aria-current="page">Settings'

req -d "email=anna@example.org&password=wrong password!" "$W_URL/login"
expect_st "a wrong password" 401
expect_body "says so without telling which" "The email or the password is wrong."
req -c "$T_DIR/a2" -d "email=anna@example.org&password=$PW_A&next=/h/$hid/settings" \
    "$W_URL/login"
expect_st "login" 303
expect_eq "goes on to next" "$(hdr Location)" "/h/$hid/settings"
req -d "email=anna@example.org&password=$PW_A&next=//evil.example/" \
    "$W_URL/login"
expect_eq "but never off the site" "$(hdr Location)" "/"
req "$W_URL/h/$hid/settings"
expect_st "signed out, a page sends to login" 303
expect_eq "and back after" "$(hdr Location)" "/login?next=/h/$hid/settings"

# ---- the JSON API with a session ----
req -c "$T_DIR/j" -H 'Content-Type: application/json' \
    -d '{"email":"anna@example.org","password":"'"$PW_A"'"}' \
    "$W_URL/api/v1/session"
expect_st "API login" 200
cj=$(printf '%s' "$body" | jq -r .csrf)
expect_eq "gives the CSRF token" "${#cj}" 43
expect_eq "and the account" "$(printf '%s' "$body" | jq -r .account.email)" \
    anna@example.org
req -d 'email=anna@example.org&password=x' "$W_URL/api/v1/session"
expect_st "API login wants JSON" 415
req -b "$T_DIR/j" -H 'Content-Type: application/json' \
    -d '{"name":"Second","tz":"UTC"}' "$W_URL/api/v1/households"
expect_st "API write without X-CSRF-Token" 403
expect_eq "names the field" "$(printf '%s' "$body" | jq -r .error.field)" csrf
req -b "$T_DIR/j" -H 'Content-Type: application/json' -H "X-CSRF-Token: $cj" \
    -d '{"name":"Second","tz":"UTC"}' "$W_URL/api/v1/households"
expect_st "API write with it" 201
hid2=$(printf '%s' "$body" | jq -r .id)
expect_eq "owner of the new one" "$(printf '%s' "$body" | jq -r .access)" owner
req -b "$T_DIR/j" -H 'Content-Type: application/json' -H "X-CSRF-Token: $cj" \
    -d '{"name":"","tz":"UTC"}' "$W_URL/api/v1/households"
expect_st "a blank name" 422
expect_eq "the field at fault" "$(printf '%s' "$body" | jq -r .error.field)" name
req -b "$T_DIR/j" "$W_URL/api/v1/households"
expect_eq "both households listed" "$(printf '%s' "$body" | jq length)" 2

# ---- a second account: strangers, invitations, members ----
req -c "$T_DIR/b" -d "name=Ben&email=ben@example.org&password=$PW_B" \
    "$W_URL/signup"
expect_st "a second account" 303
for p in "/h/$hid/settings" "/api/v1/households/$hid" \
    "/api/v1/households/$hid/members"; do
	missing=$(printf '%s' "$p" | sed "s|/$hid|/987654|")
	req -b "$T_DIR/b" "$W_URL$p"
	st1=$st b1=$body
	req -b "$T_DIR/b" "$W_URL$missing"
	expect_eq "a stranger gets what a missing household gives: $p" \
	    "$st1 $b1" "$st $body"
	expect_eq "which is a 404: $p" "$st1" 404
done

cb=$(csrf_of "$T_DIR/b")
req -b "$T_DIR/b" -d "name=Ben&access=caregiver&csrf=$cb" \
    "$W_URL/h/$hid/invite"
expect_st "a stranger cannot invite" 404
req -b "$T_DIR/a" -d "name=Ben&access=caregiver&csrf=$ca" \
    "$W_URL/h/$hid/invite"
expect_st "the owner invites" 200
link=$(printf '%s\n' "$body" | sed -n 's|.*id="invite-link">\([^<]*\)</code>.*|\1|p')
code=${link##*/invite/}
expect_eq "an invitation link" "$link" "$W_URL/invite/$code"
req -b "$T_DIR/b" "$W_URL/invite/$code"
expect_st "the invitation page" 200
req -b "$T_DIR/b" -X POST "$W_URL/invite/$code"
expect_st "accepting needs the CSRF token too" 403
req -b "$T_DIR/b" -d "csrf=$cb" "$W_URL/invite/$code"
expect_st "accepted" 303
expect_eq "into the household" "$(hdr Location)" "/h/$hid/today"
req -b "$T_DIR/b" -d "csrf=$cb" "$W_URL/invite/$code"
expect_st "an invitation works once" 404
req -b "$T_DIR/b" "$W_URL/h/$hid/settings"
expect_st "now a member" 200
req -b "$T_DIR/b" -d "name=Cleo&access=readonly&csrf=$cb" \
    "$W_URL/h/$hid/invite"
expect_st "a caregiver cannot invite" 403
req -b "$T_DIR/j" "$W_URL/api/v1/households/$hid/members"
expect_st "members, by the API" 200
expect_eq "Ben as a caregiver" \
    "$(printf '%s' "$body" | jq -r '.[] | select(.name == "Ben") | .access')" \
    caregiver
expect_eq "the owner sees emails" \
    "$(printf '%s' "$body" | jq -r '.[] | select(.name == "Ben") | .email')" \
    ben@example.org
bid=$(printf '%s' "$body" | jq -r '.[] | select(.name == "Ben") | .account_id')
req -b "$T_DIR/b" "$W_URL/api/v1/households/$hid/members"
expect_eq "a caregiver sees no one else's email" \
    "$(printf '%s' "$body" | jq -r '.[] | select(.name == "Anna") | has("email")')" \
    false
req -b "$T_DIR/j" -X PATCH -H 'Content-Type: application/json' \
    -H "X-CSRF-Token: $cj" -d '{"access":"readonly"}' \
    "$W_URL/api/v1/households/$hid/members/$bid"
expect_st "the owner changes an access" 200
expect_eq "to read-only" "$(printf '%s' "$body" | jq -r .access)" readonly
req -b "$T_DIR/j" -H 'Content-Type: application/json' -H "X-CSRF-Token: $cj" \
    -d '{"name":"Dana","access":"consultant"}' \
    "$W_URL/api/v1/households/$hid/members"
expect_st "an invitation by the API" 201
expect_eq "with its link" "$(printf '%s' "$body" | jq -r .url | grep -c "/invite/")" 1

# ---- API tokens ----
req -b "$T_DIR/j" -H 'Content-Type: application/json' -H "X-CSRF-Token: $cj" \
    -d '{"name":"Home Assistant"}' "$W_URL/api/v1/tokens"
expect_st "a token needs the password again" 403
expect_eq "says which field" "$(printf '%s' "$body" | jq -r .error.field)" password
req -b "$T_DIR/j" -H 'Content-Type: application/json' -H "X-CSRF-Token: $cj" \
    -d '{"name":"Home Assistant","password":"'"$PW_A"'"}' "$W_URL/api/v1/tokens"
expect_st "a token" 201
tok=$(printf '%s' "$body" | jq -r .token)
tid=$(printf '%s' "$body" | jq -r .id)
expect_eq "shown once, 43 characters" "${#tok}" 43
req -H "Authorization: Bearer $tok" "$W_URL/api/v1/me"
expect_st "the token opens /api/v1/me" 200
expect_eq "as Anna" "$(printf '%s' "$body" | jq -r .email)" anna@example.org
expect_eq "by token" "$(printf '%s' "$body" | jq -r .via)" token
req -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
    -d '{"name":"By token","tz":"UTC"}' "$W_URL/api/v1/households"
expect_st "a token writes without CSRF (no ambient authority)" 201
req -H "Authorization: Bearer $tok" "$W_URL/account"
expect_st "but opens no page" 303
req -b "$T_DIR/j" "$W_URL/api/v1/tokens"
expect_eq "the list shows it" "$(printf '%s' "$body" | jq -r '.[0].name')" \
    "Home Assistant"
expect_eq "without the secret" "$(printf '%s' "$body" | grep -cF -- "$tok" || true)" 0
req -b "$T_DIR/j" -X DELETE -H "X-CSRF-Token: $cj" "$W_URL/api/v1/tokens/$tid"
expect_st "revoked" 204
req -H "Authorization: Bearer $tok" "$W_URL/api/v1/me"
expect_st "a revoked token no longer opens anything" 401
expect_eq "says how to authenticate" \
    "$(hdr WWW-Authenticate | grep -c Bearer)" 1
req -H "Authorization: Bearer nonsense" "$W_URL/api/v1/me"
expect_st "a made-up token" 401
req -b "$T_DIR/a" "$W_URL/account/tokens"
expect_st "the tokens page" 200
expect_body "lists the revoked one" "revoked"

# ---- logout, logout everywhere ----
req -b "$T_DIR/a2" "$W_URL/api/v1/me"
expect_st "the second session works" 200
req -b "$T_DIR/a2" -c "$T_DIR/a2" -d "csrf=$(csrf_of "$T_DIR/a2")" "$W_URL/logout"
expect_st "logout" 303
req -b "$T_DIR/a2" "$W_URL/api/v1/me"
expect_st "then the cookie opens nothing" 401
req -b "$T_DIR/j" "$W_URL/api/v1/me"
expect_st "while the other sessions live on" 200
req -b "$T_DIR/a" -d "csrf=$ca" "$W_URL/logout-all"
expect_st "logout everywhere" 303
req -b "$T_DIR/j" "$W_URL/api/v1/me"
expect_st "ends the other sessions" 401
req -b "$T_DIR/a" "$W_URL/api/v1/me"
expect_st "and this one" 401
req -b "$T_DIR/b" "$W_URL/api/v1/me"
expect_st "not anybody else's" 200

# ---- the login throttle ----
for i in 1 2 3 4 5; do
	req -d "email=ben@example.org&password=not it $i" "$W_URL/login"
done
expect_st "five wrong passwords are just wrong" 401
req -d "email=ben@example.org&password=$PW_B" "$W_URL/login"
expect_st "then even the right one waits" 429
ra=$(hdr Retry-After)
expect_eq "with Retry-After in seconds" \
    "$(printf '%s' "$ra" | grep -cE '^[0-9]+$')" 1
req -H 'Content-Type: application/json' \
    -d '{"email":"BEN@example.org","password":"x"}' "$W_URL/api/v1/session"
expect_st "the API too, whatever the case of the email" 429
req -d "email=anna@example.org&password=$PW_A" "$W_URL/login"
expect_st "another email from the same place still may" 303

# ---- limits ----
head -c 1100000 /dev/zero | tr '\0' a >"$T_DIR/big"
req --data-binary "@$T_DIR/big" "$W_URL/login"
expect_st "a body over 1 MiB" 413
req -H 'Transfer-Encoding: chunked' --data-binary "@$T_DIR/big" \
    "$W_URL/api/v1/session"
expect_st "a chunked one too" 413
expect_eq "as JSON on the API" "$(printf '%s' "$body" | jq -r .error.status)" 413
req "$W_URL/"
expect_st "the server is fine after" 200

# ---- night mode ----
req -b "lull_mode=night" "$W_URL/login"
expect_body "the night class, from the server" '<html lang="en" class="night">'
expect_body "a dark colour scheme, so no white flash" \
    '<meta name="color-scheme" content="dark">'
req -b "lull_mode=day" "$W_URL/login"
expect_body "day when chosen" '<html lang="en" class="day">'
req -b "lull_mode=day" -d "mode=night" -H "Referer: $W_URL/login" "$W_URL/mode"
expect_st "the toggle" 303
expect_eq "goes back to the page" "$(hdr Location)" /login
expect_eq "sets or clears the choice" \
    "$(hdr Set-Cookie | grep -c '^lull_mode=')" 1
req -d "mode=purple" "$W_URL/mode"
expect_st "only day or night" 422

# ---- the access log keeps no secrets ----
for secret in "$PW_A" "$PW_B" "$tok" "$code" "$ca" "$cj"; do
	if grep -qF -- "$secret" "$W_LOG"; then
		not_ok "the log holds no secret" "found one: $(grep -F -- "$secret" "$W_LOG" | head -n 2)"
	else
		ok "the log holds no secret"
	fi
done
expect_eq "an invitation is logged by its route" \
    "$(grep -c 'POST /invite/{code} 303' "$W_LOG")" 1
expect_eq "a line per request: method, path, status, time" \
    "$(grep -cE 'INFO GET /h/[0-9]+/settings 200 [0-9]+us' "$W_LOG")" 2

# ---- a clean stop, finishing what is in flight ----
head -c 300000 /dev/zero | tr '\0' ' ' >"$T_DIR/slow"
curl -s -o /dev/null -w '%{http_code}' --max-time 30 --limit-rate 100k \
    -H 'Content-Type: application/json' --data-binary "@$T_DIR/slow" \
    "$W_URL/api/v1/session" >"$T_DIR/slow.st" 2>/dev/null &
slow=$!
sleep 1
web_stop
wait "$slow" || true
expect_eq "SIGTERM stops it with 0" "$web_rc" 0
expect_eq "after answering the request in flight (blank JSON: 400)" \
    "$(cat "$T_DIR/slow.st")" 400
expect_eq "saying so" "$(grep -c 'lull INFO stopped' "$W_LOG")" 1

done_testing
