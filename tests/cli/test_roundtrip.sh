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

# The parents' side: roles, the household's settings, rituals and the
# adults' own records restore too.  An export holds only the personal
# records the adult exporting (--as) may see, and says how many it left
# out.  Sam and Alex are parents, Cleo a consultant.
jq '.household.core_block_min = 300 | .household.emergency = "112"
  | .household.crisis_lines = "Line A: 0800 111\nLine B: 0800 222"
  | .caregivers[1].night_feeds = "breast"
  | .caregivers[1].work_days = ["mon", "tue", "fri"]
  | .caregivers += [{"name": "Cleo", "role": "consultant"}]
  | .rituals = [
      {"name": "Sunday tea", "every": "weekly", "weekday": "sun",
       "at": "16:30", "note": "phones away"},
      {"name": "Goodnight", "every": "daily"}]
  | .personal = [
      {"author": "Sam", "kind": "checkin", "day": "2026-08-30",
       "energy": 2, "mood": 3, "note": "rough night"},
      {"author": "Alex", "kind": "sleep", "day": "2026-08-29",
       "start": "2026-08-29T23:00:00+00:00",
       "end": "2026-08-30T04:30:00+00:00", "share": ["partner"]},
      {"author": "Alex", "kind": "screen", "day": "2026-08-30",
       "at": "2026-08-30T09:00:00+00:00", "instrument": "phq9",
       "answers": [1, 0, 2, 1, 0, 0, 1, 0, 0], "total": 99,
       "share": ["consultant"]},
      {"author": "Alex", "kind": "appreciation", "day": "2026-08-31",
       "at": "2026-08-31T07:10:00+00:00", "to": "Sam",
       "appreciation": "thank you for the early shift"},
      {"author": "Sam", "kind": "couple", "day": "2026-08-31",
       "appreciation": "you let me sleep in", "need": "a walk alone",
       "share": ["partner", "consultant"]}]' \
	"$T_DIR/a.json" > "$T_DIR/p.json"
export LULL_DB="$T_DIR/p.db"
run import --json "$T_DIR/p.json"
expect_rc "restore with the parents' side" 0
expect_out "counts the adults" "Restored 3 caregivers"

run --as Sam export --json -o "$T_DIR/sam.json"
expect_rc "export as Sam" 0
expect_eq "Sam: his own, and what Alex shared or wrote to him" \
    "$(jq -c '[.personal[] | .author + ":" + .kind]' "$T_DIR/sam.json")" \
    '["Alex:sleep","Sam:checkin","Sam:couple","Alex:appreciation"]'
expect_eq "Sam: Alex's private screen left out, counted" \
    "$(jq '.personal_omitted' "$T_DIR/sam.json")" 1
expect_eq "the household's settings" \
    "$(jq -c '.household | [.core_block_min, .emergency]' "$T_DIR/sam.json")" \
    '[300,"112"]'
expect_eq "caregivers' roles and days" \
    "$(jq -c '[.caregivers[] | [.name, .role, .night_feeds, (.work_days | join(","))]]' "$T_DIR/sam.json")" \
    '[["Alex","parent","bottle",""],["Sam","parent","breast","mon,tue,fri"],["Cleo","consultant","bottle",""]]'
expect_eq "rituals" "$(jq -c '[.rituals[] | [.name, .weekday, .at]]' "$T_DIR/sam.json")" \
    '[["Sunday tea","sun","16:30"],["Goodnight",null,null]]'

run --as Alex export --json -o "$T_DIR/alex.json"
expect_eq "Alex: Sam's private check-in left out" \
    "$(jq -c '[.personal_omitted, (.personal | length)]' "$T_DIR/alex.json")" '[1,4]'
expect_eq "a screen is scored again on restore" \
    "$(jq -c '.personal[] | select(.kind == "screen") | [.total, .band, .self_harm]' "$T_DIR/alex.json")" \
    '[5,"mild",false]'
run --as Cleo export --json -o "$T_DIR/cleo.json"
expect_eq "the consultant: only what was shared with one" \
    "$(jq -c '[.personal_omitted, [.personal[] | .kind]]' "$T_DIR/cleo.json")" '[3,["screen","couple"]]'
run export --json -o "$T_DIR/nobody.json"
expect_eq "no adult given: no personal records, all counted" \
    "$(jq -c '[.personal_omitted, (.personal | length), (.sleeps | length)]' "$T_DIR/nobody.json")" '[5,0,65]'
if grep -q "rough night\|early shift" "$T_DIR/nobody.json" "$T_DIR/cleo.json"; then
	not_ok "private words stay private" "found in an export"
else ok "private words stay private"; fi

# Sam's export restores exactly: all of it, nothing left out again.
export LULL_DB="$T_DIR/q.db"
run import --json "$T_DIR/sam.json"
expect_rc "restore Sam's export" 0
run --as Sam export --json -o "$T_DIR/sam2.json"
expect_eq "the same but for what was left out" \
    "$(jq -S 'del(.personal_omitted)' "$T_DIR/sam.json" | cksum)" \
    "$(jq -S 'del(.personal_omitted)' "$T_DIR/sam2.json" | cksum)"
export LULL_DB="$T_DIR/r.db"
run import --json "$T_DIR/sam2.json"
run --as Sam export --json -o "$T_DIR/sam3.json"
if cmp -s "$T_DIR/sam2.json" "$T_DIR/sam3.json"; then ok "round trip with personal records is exact"
else not_ok "round trip with personal records is exact" "$(diff "$T_DIR/sam2.json" "$T_DIR/sam3.json" | head)"; fi
run import --json "$T_DIR/sam2.json" --replace
expect_rc "replace with personal records and rituals" 0
run --as Sam export --json -o "$T_DIR/sam4.json"
if cmp -s "$T_DIR/sam2.json" "$T_DIR/sam4.json"; then ok "replace gives the same, personal records too"
else not_ok "replace gives the same, personal records too" "differs"; fi
done_testing
