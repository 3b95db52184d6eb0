# Shared by the command-line tests: a scratch journal, checks that say
# what they expected, and the "N passed, N failed" summary line.
# Each test file sources this, then calls done_testing at the end.
# SPDX-License-Identifier: ISC

: "${LULL:?set LULL to the lull binary}"
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/lull-test.XXXXXX")
trap 'rm -rf "$T_DIR"' EXIT
export LULL_DB="$T_DIR/journal.db"
unset LULL_AS XDG_DATA_HOME
# The system zone is only used by init without --tz and by the demo.
export TZ=UTC
t_pass=0
t_fail=0

# run ARGS...: run lull, keep stdout in $out, stderr in $err, status in $rc
run() {
	set +e
	"$LULL" "$@" >"$T_DIR/out" 2>"$T_DIR/err"
	rc=$?
	set -e
	out=$(cat "$T_DIR/out")
	err=$(cat "$T_DIR/err")
}

ok() {	# ok NAME: a check passed
	t_pass=$((t_pass + 1))
	echo "ok - $1"
}

not_ok() {	# not_ok NAME DETAIL
	t_fail=$((t_fail + 1))
	echo "not ok - $1"
	echo "  $2" | head -n 20
}

expect_rc() {	# expect_rc NAME CODE
	if [ "$rc" -eq "$2" ]; then ok "$1"; else
		not_ok "$1" "exit $rc, wanted $2; stderr: $err; stdout: $out"
	fi
}

expect_out() {	# expect_out NAME FIXED-STRING: in stdout
	if printf '%s\n' "$out" | grep -qF -- "$2"; then ok "$1"; else
		not_ok "$1" "stdout lacks [$2]: $out"
	fi
}

expect_err() {	# expect_err NAME FIXED-STRING: in stderr
	if printf '%s\n' "$err" | grep -qF -- "$2"; then ok "$1"; else
		not_ok "$1" "stderr lacks [$2]: $err"
	fi
}

expect_eq() {	# expect_eq NAME GOT WANTED
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1" "got [$2], wanted [$3]"
	fi
}

done_testing() {
	echo "$t_pass passed, $t_fail failed"
	[ "$t_fail" -eq 0 ]
}
