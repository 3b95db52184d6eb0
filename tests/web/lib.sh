# Shared by the web tests: the command-line tests' checks (../cli/lib.sh),
# a real server on a free loopback port with a scratch journal, and curl.
# SPDX-License-Identifier: ISC

. "$(dirname "$0")/../cli/lib.sh"

W_PID=""
W_URL=""
W_LOG="$T_DIR/server.log"
trap 'web_kill; rm -rf "$T_DIR"' EXIT

# web_start [ARGS...]: start lull serve on 127.0.0.1, any free port, and
# wait until it answers (a sanitizer build starts slowly).
web_start() {
	"$LULL" --db "$T_DIR/web.db" serve --listen 127.0.0.1:0 "$@" \
	    >"$T_DIR/server.out" 2>"$W_LOG" &
	W_PID=$!
	i=0
	while [ $i -lt 300 ]; do
		# The shell may not have made server.out yet: sed's exit 2
		# must not end a "set -e" test.
		W_URL=$(sed -n 's/^lull: serving \(http:[^ ]*\)\/ .*/\1/p' \
		    "$T_DIR/server.out" 2>/dev/null) || W_URL=""
		if [ -n "$W_URL" ] &&
		    curl -s -o /dev/null --max-time 2 "$W_URL/static/app.css"
		then
			return 0
		fi
		if ! kill -0 "$W_PID" 2>/dev/null; then
			echo "the server died:"; cat "$W_LOG"
			return 1
		fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "the server did not answer:"; cat "$W_LOG"
	return 1
}

# web_stop: SIGTERM, then its exit status in $web_rc.
web_stop() {
	kill -TERM "$W_PID"
	set +e
	wait "$W_PID"
	web_rc=$?
	set -e
	W_PID=""
}

web_kill() {
	if [ -n "$W_PID" ]; then
		kill -KILL "$W_PID" 2>/dev/null || true
		wait "$W_PID" 2>/dev/null || true
	fi
}

# req CURL-ARGS... URL: one request; status in $st, headers in
# $T_DIR/.hdr, body in $body.
req() {
	st=$(curl -s -o "$T_DIR/.body" -D "$T_DIR/.hdr" -w '%{http_code}' \
	    --max-time 20 "$@" 2>/dev/null | tail -c 3) || true
	body=$(cat "$T_DIR/.body" 2>/dev/null || true)
}

# hdr NAME: the value of a response header of the last req (first one).
hdr() {
	grep -i "^$1:" "$T_DIR/.hdr" | head -n 1 | sed 's/^[^:]*: *//' |
	    tr -d '\r'
}

# csrf_of JAR: the CSRF token the start page gives that cookie jar.
csrf_of() {
	curl -s -b "$1" "$W_URL/" |
	    sed -n 's/.*name="csrf-token" content="\([^"]*\)".*/\1/p'
}

expect_st() {	# expect_st NAME CODE
	if [ "$st" = "$2" ]; then ok "$1"; else
		not_ok "$1" "status $st, wanted $2; body: $(printf '%s' "$body" | head -c 600)"
	fi
}

expect_body() {	# expect_body NAME FIXED-STRING
	if printf '%s\n' "$body" | grep -qF -- "$2"; then ok "$1"; else
		not_ok "$1" "body lacks [$2]: $(printf '%s' "$body" | head -c 600)"
	fi
}
