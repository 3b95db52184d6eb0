# Journal writes through the writer thread (group commit, src/web/
# server.c): many at once, each answered only after its transaction
# committed; in one burst a refused write (overlap: 409, a bad body: 422)
# leaves the others theirs; two sleeps posted at once over the same time
# give one 201 and one 409; what was acknowledged is in the file even
# when the server is killed at once afterwards; pages' forms go the same
# way; and the server still stops cleanly in the middle of a burst.
set -eu
. "$(dirname "$0")/lib.sh"

PW="quiet nights ahead"
: >"$T_DIR/server.out"
web_start --log debug
printf '%s\n' "$PW" | "$LULL" --db "$T_DIR/web.db" admin adduser \
    anna@example.org --name Anna >/dev/null
req -c "$T_DIR/jar" -H 'Content-Type: application/json' \
    -d '{"email":"anna@example.org","password":"'"$PW"'"}' \
    "$W_URL/api/v1/session"
expect_st "log in" 200
CSRF=$(printf '%s' "$body" | jq -r .csrf)
req -b "$T_DIR/jar" -H "X-CSRF-Token: $CSRF" \
    -H 'Content-Type: application/json' \
    -d '{"name":"t","password":"'"$PW"'"}' "$W_URL/api/v1/tokens"
expect_st "a token" 201
TOK=$(printf '%s' "$body" | jq -r .token)
auth="Authorization: Bearer $TOK"
req -H "$auth" -H 'Content-Type: application/json' \
    -d '{"name":"Home","tz":"UTC"}' "$W_URL/api/v1/households"
H=$(printf '%s' "$body" | jq -r .id)
HP=/api/v1/households/$H
born=$(date -u -d "@$(($(date -u +%s) - 400 * 86400))" +%Y-%m-%d)
req -H "$auth" -H 'Content-Type: application/json' \
    -d '{"name":"Mia","born":"'"$born"'"}' "$W_URL$HP/children"
expect_st "a child" 201
KID=$(printf '%s' "$body" | jq -r .id)

# at DAYS_AGO MINUTES: that minute past midnight UTC, DAYS_AGO days back
at() {
	date -u -d "@$(( ($(date -u +%s) / 86400 - $1) * 86400 + $2 * 60 ))" \
	    +%Y-%m-%dT%H:%M:00Z
}

# post N DAYS_AGO MINUTE LEN [BODY]: a POST for the next burst (sleep N,
# LEN minutes from MINUTE past midnight DAYS_AGO days back); "burst"
# sends them all at once (one curl, in parallel) and leaves each status
# in $T_DIR/st.N.
: >"$T_DIR/burst"
post() {
	b=${5:-'{"child_id":'"$KID"',"start":"'"$(at "$2" "$3")"'","end":"'"$(at "$2" $(($3 + $4)))"'"}'}
	b=$(printf '%s' "$b" | sed 's/\\/\\\\/g; s/"/\\"/g')
	[ -s "$T_DIR/burst" ] && echo next >>"$T_DIR/burst"
	cat >>"$T_DIR/burst" <<-EOC
	url = "$W_URL$HP/sleeps"
	header = "$auth"
	header = "Content-Type: application/json"
	data-binary = "$b"
	output = "$T_DIR/body.$1"
	write-out = "%{filename_effective} %{http_code}\\n"
	max-time = 30
	EOC
}
# on_day DAYS_AGO: how many sleeps the journal has that day
on_day() {
	d=$(at "$1" 0 | cut -c1-10)
	req -H "$auth" "$W_URL$HP/sleeps?from=$d&to=$d&limit=1000"
	printf '%s' "$body" | jq '.items | length'
}
burst() {
	curl -s -Z --parallel-immediate --parallel-max 64 -K "$T_DIR/burst" \
	    >"$T_DIR/burst.out" 2>/dev/null || true
	while read -r f code; do
		printf '%s' "$code" >"$T_DIR/st.${f##*/body.}"
	done <"$T_DIR/burst.out"
	: >"$T_DIR/burst"
}

# ---- a burst: 40 sleeps, two refused among them ----
i=0
while [ $i -lt 40 ]; do
	post $i 30 $((i * 20)) 10
	i=$((i + 1))
done
post 40 30 5 10	# overlaps sleep 0
post 41 30 0 10 '{"child_id":'"$KID"',"start":"soon"}'
burst
# Sleep 0 and post 40 overlap and arrive at once: whichever the writer
# takes first is kept, the other refused.
n201=0
for i in $(seq 1 39); do
	[ "$(cat "$T_DIR/st.$i")" = 201 ] && n201=$((n201 + 1))
done
expect_eq "39 writes at once, each 201" "$n201" 39
expect_eq "of the overlapping pair, one 201 and one 409" \
    "$(sort "$T_DIR/st.0" "$T_DIR/st.40" | tr '\n' ' ')" "201 409 "
expect_eq "the malformed one: 422" "$(cat "$T_DIR/st.41")" 422
req -H "$auth" "$W_URL$HP/sleeps?limit=1000"
expect_eq "and the journal has exactly the 40" \
    "$(printf '%s' "$body" | jq '.items | length')" 40
if grep -q "writer: [0-9]* writes in one commit" "$W_LOG"; then
	ok "they went through the writer"
else
	not_ok "they went through the writer" "$(tail -n 5 "$W_LOG")"
fi
big=$(sed -n 's/.*writer: \([0-9]*\) writes in one commit.*/\1/p' "$W_LOG" |
    sort -n | tail -n 1)
if [ "${big:-0}" -gt 1 ]; then
	ok "and shared commits ($big writes in the largest)"
else
	not_ok "and shared commits" "each write had a commit of its own"
fi

# ---- two sleeps over the same time, at once: one of them ----
for k in 1 2 3 4 5; do
	post "a$k" 20 $((k * 60)) 30
	post "b$k" 20 $((k * 60 + 10)) 30
done
burst
bad=""
for k in 1 2 3 4 5; do
	pair="$(cat "$T_DIR/st.a$k") $(cat "$T_DIR/st.b$k")"
	case $pair in
	"201 409" | "409 201") ;;
	*) bad="$bad [$k: $pair]" ;;
	esac
done
expect_eq "overlapping pairs posted at once: one 201, one 409 each" \
    "$bad" ""

# ---- a page's form goes the same way ----
req -b "$T_DIR/jar" -H "Origin: $W_URL" \
    --data-urlencode "csrf=$CSRF" --data-urlencode "child=$KID" \
    --data-urlencode "start=$(at 10 600 | sed 's/:00Z$//; s/T/ /')" \
    --data-urlencode "end=$(at 10 660 | sed 's/:00Z$//; s/T/ /')" \
    "$W_URL/h/$H/sleeps"
expect_st "a form's sleep: 303" 303
req -H "$auth" "$W_URL$HP/sleeps?from=$(at 10 0 | cut -c1-10)&to=$(at 10 0 | cut -c1-10)"
expect_eq "and it is there" "$(printf '%s' "$body" | jq '.items | length')" 1

# ---- acknowledged means on disk: kill -9 right after the answers ----
for i in $(seq 100 129); do
	post $i 40 $(((i - 100) * 20)) 10
done
burst
acked=0
for i in $(seq 100 129); do
	[ "$(cat "$T_DIR/st.$i")" = 201 ] && acked=$((acked + 1))
done
kill -KILL "$W_PID"
wait "$W_PID" 2>/dev/null || true
W_PID=""
web_start --log debug
expect_eq "after kill -9, every acknowledged sleep is in the file" \
    "$(on_day 40)" "$acked"

# ---- SIGTERM in the middle of a burst: a clean stop ----
for i in $(seq 200 259); do
	post $i 50 $(((i - 200) * 20)) 10
done
burst &
bpid=$!
sleep 0.1
web_stop
wait "$bpid" || true
expect_eq "SIGTERM during a burst: exit 0" "$web_rc" 0
odd=""
n201=0
for i in $(seq 200 259); do
	s=$(cat "$T_DIR/st.$i" 2>/dev/null || echo 000)
	case $s in
	201) n201=$((n201 + 1)) ;;
	000 | 503) ;;	# not taken, or said not saved
	*) odd="$odd $i:$s" ;;
	esac
done
expect_eq "each write of the burst: saved, refused or not taken" "$odd" ""
web_start
saved=$(on_day 50)
if [ "$saved" -ge "$n201" ]; then
	ok "every 201 of it is in the file ($n201 of 60 answered 201)"
else
	not_ok "every 201 of it is in the file" "$saved in the file, $n201 answered 201"
fi

done_testing
