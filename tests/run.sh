#!/bin/sh
# Run every unit test binary and every command-line test script, then
# print the grand total as "N passed, N failed".  Exit 1 on any failure.
# Usage: tests/run.sh BUILD_DIR
# SPDX-License-Identifier: ISC
set -u
B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/tests/out/$(basename "$B")" # one per build: runs can overlap
mkdir -p "$out"
pass=0
fail=0
bad=""

tally() {	# $1 = name, $2 = log file, $3 = exit status
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$2" | tail -n 1)
	if [ -z "$line" ]; then
		fail=$((fail + 1))
		bad="$bad $1(no-summary,exit=$3)"
		return
	fi
	p=${line%% passed*}
	f=${line#*, }
	f=${f%% failed}
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$f" -ne 0 ] || [ "$3" -ne 0 ]; then
		bad="$bad $1"
		[ "$f" -eq 0 ] && fail=$((fail + 1))
	fi
}

# No test may hang the run: each file gets at most LULL_TEST_TIMEOUT
# seconds (a hung one fails with exit 124 and no summary line).
limit=${LULL_TEST_TIMEOUT:-600}
run_limited() { timeout -k 10 "$limit" "$@"; }

for t in "$top/$B"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	(cd "$top" && run_limited "$t") > "$out/$name.log" 2>&1
	tally "$name" "$out/$name.log" $?
done

for s in "$top"/tests/cli/test_*.sh; do
	[ -f "$s" ] || continue
	name=$(basename "$s" .sh); name=${name#test_}
	(cd "$top" && LULL="$top/$B/lull" run_limited sh "$s") \
	    > "$out/cli_$name.log" 2>&1
	tally "cli_$name" "$out/cli_$name.log" $?
done

# The web app over real HTTP: each script starts its own server.
for s in "$top"/tests/web/test_*.sh; do
	[ -f "$s" ] || continue
	name=$(basename "$s" .sh); name=${name#test_}
	(cd "$top" && LULL="$top/$B/lull" run_limited sh "$s") \
	    > "$out/web_$name.log" 2>&1
	tally "web_$name" "$out/web_$name.log" $?
done

for n in $bad; do
	echo "FAILED: $n (log in $out/)"
	log="$out/${n%%(*}.log"
	[ -f "$log" ] && grep -E 'check failed|not ok|!=|FAIL' "$log" | head -n 20
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
