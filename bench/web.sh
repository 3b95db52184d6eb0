#!/bin/sh
# The web app under load: wrk against the real server ("lull serve") on a
# seeded household (bench/seed_web.c), 3 years of history and 2 weeks,
# beside a trivial response of the same server as the ceiling.
#
#   bench/web.sh [BUILD_DIR]          (make bench-web runs it)
#
# Each case gets a fresh server (127.0.0.1, a free port, --threads = the
# CPUs, --log warn: an access-log line per request is a cost of its own),
# one second of warm-up (reads), then wrk for SECS seconds with CONNS
# connections on WRK_THREADS threads.  Printed per case: requests per
# second, p50 and p99 latency (wrk --latency), the server's own CPU time
# per request, answers other than 2xx/3xx and socket errors, and the
# server's peak resident memory (VmHWM).  New sleeps (the "write" case,
# bench/web_post_sleep.lua) go to a journal of their own, seeded with
# room for them.  docs/web.md ("Performance") keeps a run's table.
#
# Settings (environment): SECS=10 CONNS=64 WRK_THREADS=2 THREADS=<CPUs>
# LOG=warn CASES="healthz static api sleep today diary write"
# HISTORY="3y 2w"
# KEEP=1 keeps the scratch folder.  The client runs on the same machine
# and shares its cores with the server.
# SPDX-License-Identifier: ISC
set -eu

B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
LULL="$top/$B/lull"
SEED="$top/$B/bench/seed_web"
SECS=${SECS:-10}
CONNS=${CONNS:-64}
WRK_THREADS=${WRK_THREADS:-2}
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
THREADS=${THREADS:-$ncpu}
LOG=${LOG:-warn}
CASES=${CASES:-healthz static api sleep today diary write}
HISTORY=${HISTORY:-3y 2w}

for t in wrk curl; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "bench/web.sh: needs $t (Debian: apt-get install $t)" >&2
		exit 1
	fi
done
[ -x "$LULL" ] && [ -x "$SEED" ] || {
	echo "bench/web.sh: build $LULL and $SEED first (make bench-web)" >&2
	exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/lull-web-bench.XXXXXX")
pid=""
cleanup() {
	if [ -n "$pid" ]; then
		kill -TERM "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	[ "${KEEP:-0}" = 1 ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Seed each history once: the journal, and what the requests need.
for h in $HISTORY; do
	case $h in
	3y) days=1096 ;;
	2w) days=14 ;;
	*) echo "bench/web.sh: HISTORY takes 3y and 2w" >&2; exit 1 ;;
	esac
	"$SEED" "$work/$h.db" $days > "$work/$h.env"
	case " $CASES " in
	*" write "*) "$SEED" "$work/$h.w.db" $days write > "$work/$h.w.env" ;;
	esac
done

# All the load comes from one address: no limit per address (where the
# server has one, --per-ip).
perip=""
grep -qa -- "per-ip" "$LULL" && perip="--per-ip 0"

# start DB: a server on DB; sets pid and url.
start() {
	rm -f "$work/srv.out"
	"$LULL" --db "$1" serve --listen 127.0.0.1:0 --log "$LOG" \
	    --threads "$THREADS" $perip > "$work/srv.out" 2> "$work/srv.err" &
	pid=$!
	i=0
	while [ $i -lt 100 ]; do
		url=$(sed -n 's/^lull: serving \(http:[^ ]*\)\/ .*/\1/p' \
		    "$work/srv.out" 2>/dev/null) || url=""
		if [ -n "$url" ] && curl -s -o /dev/null --max-time 2 \
		    "$url/healthz"; then
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	echo "bench/web.sh: the server did not start:" >&2
	cat "$work/srv.err" >&2
	exit 1
}

stop() {
	kill -TERM "$pid"
	wait "$pid" || true
	pid=""
}

# wrk's figures to "rps p50 p99 errors" (milliseconds).
figures() {
	awk '
	function ms(v) {
		if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
		if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
		if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
		return v
	}
	$1 == "50%" { p50 = ms($2) }
	$1 == "99%" { p99 = ms($2) }
	$1 == "Requests/sec:" { rps = $2 }
	/Non-2xx or 3xx responses:/ { bad += $NF }
	/Socket errors:/ {
		for (i = 3; i <= NF; i += 2) { v = $(i + 1); sub(",", "", v); bad += v }
	}
	END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }' "$1"
}

rows="$work/rows"
: > "$rows"

# run NAME HISTORY DB PATH [WRK-ARGS...]: one case on a fresh server.
run() {
	name=$1 hist=$2 db=$3 path=$4
	shift 4
	start "$db"
	if [ -z "${WRITE:-}" ]; then
		wrk -t"$WRK_THREADS" -c"$CONNS" -d1s "$@" "$url$path" \
		    > /dev/null 2>&1
	fi
	cpu0=$(cputime)
	wrk -t"$WRK_THREADS" -c"$CONNS" -d"${SECS}s" --latency "$@" \
	    "$url$path" > "$work/wrk.out" 2>&1
	cpu1=$(cputime)
	hwm=$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' \
	    "/proc/$pid/status")
	stop
	n=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
	# The server's own CPU time (user + system) per answer: what a
	# request costs, whatever else the machine was doing.
	us=$(awk -v a="$cpu0" -v b="$cpu1" -v n="${n:-0}" -v hz="$hz" \
	    'BEGIN { if (n > 0) printf "%.0f", (b - a) * 1e6 / hz / n; else print "-" }')
	set -- $(figures "$work/wrk.out")
	printf '%s|%s|%s|%s|%s|%s|%s|%s\n' "$name" "$hist" "$1" "$2" "$3" \
	    "$us" "$4" "$hwm" >> "$rows"
	printf '%-24s %-3s %7s req/s  p50 %6s ms  p99 %7s ms  cpu %5s us  errors %s  peak %s MB\n' \
	    "$name" "$hist" "$1" "$2" "$3" "$us" "$4" "$hwm"
	if [ "$4" != 0 ]; then
		# What went wrong: wrk's counts, and the server's warnings.
		grep -E 'Non-2xx|Socket errors' "$work/wrk.out" | sed 's/^/  /'
		grep -E ' (WARN|ERROR) ' "$work/srv.err" | tail -n 5 | sed 's/^/  /'
	fi
}

hz=$(getconf CLK_TCK)
# utime + stime of the server, in clock ticks.
cputime() {
	awk '{ print $14 + $15 }' "/proc/$pid/stat"
}

echo "lull web benchmark: $ncpu CPUs ($(uname -m)), server --threads" \
    "$THREADS --log $LOG; wrk -t$WRK_THREADS -c$CONNS -d${SECS}s;" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
first=${HISTORY%% *}
for c in $CASES; do
	if [ "$c" = healthz ] || [ "$c" = static ]; then
		p=/healthz
		[ "$c" = static ] && p=/static/app.css
		run "GET $p" - "$work/$first.db" "$p"
		continue
	fi
	for h in $HISTORY; do
		. "$work/$h.env"
		hh=$household
		case $c in
		api)
			run "API: list 50 sleeps" "$h" "$work/$h.db" \
			    "/api/v1/households/$hh/sleeps?limit=50" \
			    -H "Authorization: Bearer $token"
			;;
		sleep)
			# The newest sleep (ids follow the history's order).
			run "API: one sleep" "$h" "$work/$h.db" \
			    "/api/v1/households/$hh/sleeps/$sleeps" \
			    -H "Authorization: Bearer $token"
			;;
		today)
			run "page: Today" "$h" "$work/$h.db" "/h/$hh/today" \
			    -H "Cookie: lull_session=$sid"
			;;
		diary)
			run "chart: diary (SVG)" "$h" "$work/$h.db" \
			    "/h/$hh/charts/diary.svg" \
			    -H "Cookie: lull_session=$sid"
			;;
		write)
			# A journal of its own, with years free for them.
			. "$work/$h.w.env"
			WRITE_FROM=$write_from WRITE_DAYS=$write_days
			WRITE_STEP=$write_step WRITE_LEN=$write_len
			HID=$hh CHILD=$child TOKEN=$token
			export WRITE_FROM WRITE_DAYS WRITE_STEP WRITE_LEN \
			    WRK_THREADS HID CHILD TOKEN
			WRITE=1
			run "API: create sleep" "$h" "$work/$h.w.db" "/" \
			    -s "$top/bench/web_post_sleep.lua"
			WRITE=
			n=$(sqlite3 "$work/$h.w.db" \
			    "SELECT count(*) FROM sleep" 2>/dev/null) || n="?"
			echo "  (the journal holds $n sleeps after it, $sleeps before)"
			;;
		*)
			echo "bench/web.sh: no case $c" >&2
			exit 1
			;;
		esac
	done
done

# The table for docs/web.md: each case with both histories side by side.
echo
echo "| Case | History | Requests/s | p50 ms | p99 ms | Server CPU µs/request | Errors | Peak RSS MB |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$rows"
