#!/bin/sh
# The web app in a real browser: a server on loopback with a scratch
# journal (tests/web/lib.sh), and tests/browser/flows.mjs driving
# Debian's Chromium through playwright-core, phone-sized: sign-up, a
# household and a child, Today through a night, the journal, the diary
# chart, night mode, the keyboard, and another account's 404s.  Its
# "ok"/"not ok" lines are counted here.  Screenshots stay in
# tests/out/browser/ (a CI artifact).
#
# Skipped (one line "# skipped: ...", counted as one pass) only when
# node, Chromium or tests/browser/node_modules is missing: scripts/deps.sh
# installs them, as CI does.
# SPDX-License-Identifier: ISC
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
missing=""
command -v node >/dev/null 2>&1 || missing="node"
[ -x "$CHROMIUM" ] || missing="${missing:+$missing, }$CHROMIUM"
[ -d "$top/tests/browser/node_modules/playwright-core" ] ||
    missing="${missing:+$missing, }tests/browser/node_modules (scripts/deps.sh)"
if [ -n "$missing" ]; then
	echo "# skipped: no $missing"
	echo "1 passed, 0 failed"
	exit 0
fi

. "$(dirname "$0")/lib.sh"

OUT=${LULL_BROWSER_OUT:-$top/tests/out/browser}
mkdir -p "$OUT"
touch "$T_DIR/start" # screenshots newer than this are this run's

web_start
# The whole run is bounded: a hung browser must not hang "make test".
set +e
CHROMIUM="$CHROMIUM" timeout 120 node "$top/tests/browser/flows.mjs" \
    "$W_URL" "$OUT" >"$T_DIR/flows.out" 2>"$T_DIR/flows.err"
node_rc=$?
set -e
cat "$T_DIR/flows.out"
n_ok=$(grep -c '^ok - ' "$T_DIR/flows.out" || true)
n_bad=$(grep -c '^not ok - ' "$T_DIR/flows.out" || true)
t_pass=$((t_pass + n_ok))
t_fail=$((t_fail + n_bad))
if [ "$node_rc" -eq 0 ]; then ok "the browser script ran to its end"; else
	not_ok "the browser script ran to its end" \
	    "exit $node_rc: $(tail -n 20 "$T_DIR/flows.err")"
fi
expect_eq "it made checks" "$([ "$n_ok" -gt 20 ] && echo yes)" yes

for f in today-night today-day journal charts other-user-404; do
	if [ -s "$OUT/$f.png" ] && [ "$OUT/$f.png" -nt "$T_DIR/start" ]; then
		ok "screenshot $f.png"
	else
		not_ok "screenshot $f.png" "not in $OUT"
	fi
done

web_stop
expect_eq "the server stops cleanly" "$web_rc" 0
if grep -qiE 'AddressSanitizer|runtime error' "$W_LOG"; then
	not_ok "the server's log is clean" "$(head -n 20 "$W_LOG")"
else
	ok "the server's log is clean"
fi
done_testing
