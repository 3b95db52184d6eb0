# The fuzz corpora as a regression suite: every file of fuzz/corpus/<t>/
# through build/fuzz/replay_<t> (the fuzz target built with gcc, and with
# ASan and UBSan under SAN=1).  A crash, leak or sanitizer report fails.
# SPDX-License-Identifier: ISC
set -eu
. "$(dirname "$0")/lib.sh"

B=$(dirname "$LULL")
for d in fuzz/corpus/*/; do
	t=$(basename "$d")
	r="$B/fuzz/replay_$t"
	if [ ! -x "$r" ]; then
		not_ok "replay $t" "$r is not built (make test builds it)"
		continue
	fi
	set +e
	"$r" "$d"* > "$T_DIR/replay.out" 2>&1
	rc=$?
	set -e
	n=$(ls "$d" | wc -l)
	if [ "$rc" -eq 0 ] && grep -q "^$n passed, 0 failed$" "$T_DIR/replay.out"; then
		ok "replay $t ($n files)"
	else
		not_ok "replay $t" "exit $rc: $(tail -n 20 "$T_DIR/replay.out")"
	fi
done
done_testing
