# The full JSON export restores exactly, and a restore is all or nothing.
set -eu
. "$(dirname "$0")/lib.sh"

export LULL_NOW=2026-09-01T15:00:00Z
export LULL_DB="$T_DIR/a.db"
run demo
expect_rc "demo household" 0
run export --json -o "$T_DIR/a.json"
expect_rc "export to a file" 0
expect_eq "demo: 3 weeks of sleeps and two naps today" "$(jq '.sleeps|length' "$T_DIR/a.json")" 65

export LULL_DB="$T_DIR/b.db"
run import --json "$T_DIR/a.json"
expect_rc "restore into a new journal" 0
expect_out "counts" "Restored 2 caregivers, 1 child"
run export --json -o "$T_DIR/b.json"
if cmp -s "$T_DIR/a.json" "$T_DIR/b.json"; then ok "round trip is exact"
else not_ok "round trip is exact" "$(diff "$T_DIR/a.json" "$T_DIR/b.json" | head)"; fi

run import --json "$T_DIR/a.json"
expect_rc "restore over data is refused" 5
expect_err "suggests --replace" "--replace"
run import --json "$T_DIR/a.json" --replace
expect_rc "restore with --replace" 0
run export --json -o "$T_DIR/c.json"
if cmp -s "$T_DIR/a.json" "$T_DIR/c.json"; then ok "replace gives the same"
else not_ok "replace gives the same" "differs"; fi

# A bad sleep deep in the file: nothing at all is imported.
jq '.sleeps[40].end = "2020-01-01T00:00:00+00:00"' "$T_DIR/a.json" > "$T_DIR/bad.json"
export LULL_DB="$T_DIR/d.db"
run import --json "$T_DIR/bad.json"
expect_rc "bad sleep refused" 3
expect_err "points at the sleep" "sleeps[40]"
expect_err "names the field" "end"
run child list
expect_rc "no household was left behind" 4

i=$(jq '.sleeps | map(.wakings | length > 0) | index(true)' "$T_DIR/a.json")
jq ".sleeps[$i].wakings[0].response = \"dance\"" "$T_DIR/a.json" > "$T_DIR/bad2.json"
run import --json "$T_DIR/bad2.json"
expect_rc "bad response refused" 3
expect_err "points at the waking" "sleeps[$i].wakings[0].response"

printf '{"schema": 1, "household": {"tz": "Europe/Berlin"},\n "sleeps": [ }' > "$T_DIR/syntax.json"
run import --json "$T_DIR/syntax.json"
expect_rc "syntax error refused" 3
expect_err "line and column" "syntax.json:2:"

printf '{"schema": 7}' > "$T_DIR/future.json"
run import --json "$T_DIR/future.json"
expect_rc "unknown schema refused" 3
expect_err "says which schema" "schema 7"

# Replace that fails keeps the old data.
export LULL_DB="$T_DIR/b.db"
run import --json "$T_DIR/bad.json" --replace
expect_rc "failed replace" 3
run export --json -o "$T_DIR/e.json"
if cmp -s "$T_DIR/a.json" "$T_DIR/e.json"; then ok "failed replace lost nothing"
else not_ok "failed replace lost nothing" "differs"; fi
done_testing
