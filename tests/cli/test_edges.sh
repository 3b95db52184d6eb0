# Edges a tired parent (or a full disk) will find: output that cannot be
# written, exports onto links, edits with options that do not apply,
# times in the future, failed commands leaving files, two inits at once,
# and the daylight-saving note's advice.
set -eu
. "$(dirname "$0")/lib.sh"

export LULL_NOW=2026-10-26T09:00:00+01:00
run init --tz Mars/Base
expect_rc "bad zone refused" 4
if [ -e "$LULL_DB" ]; then not_ok "a failed init leaves no file" "exists"
else ok "a failed init leaves no file"; fi

run init --tz Europe/Berlin
run child add Mia --born 2026-03-02
run caregiver add Sam
run sleep add --from "2026-10-24 19:30" --to 06:45 --waking 23:10-23:25,feed

if [ -w /dev/full ] && [ -c /dev/full ]; then
	set +e
	"$LULL" export --json > /dev/full 2>"$T_DIR/err"
	rc=$?
	set -e
	expect_rc "export to a full disk fails" 1
	expect_eq "and says so" "$(grep -c 'writing the output failed' "$T_DIR/err")" 1
else
	ok "export to a full disk fails (skipped: no /dev/full)"
	ok "and says so (skipped)"
fi

mkdir "$T_DIR/real"
ln -s "$T_DIR/real/backup.json" "$T_DIR/link.json"
run export --json -o "$T_DIR/link.json"
expect_rc "export through a symlink" 0
if [ -L "$T_DIR/link.json" ] && [ -s "$T_DIR/real/backup.json" ]; then
	ok "the link stays a link and its target is written"
else not_ok "the link stays a link and its target is written" "$(ls -l "$T_DIR")"; fi
expect_eq "no temporary files left" "$(ls "$T_DIR/real" | wc -l)" 1

run tag add teething --from 2026-10-20 --to 2026-10-22
run edit tag 1 --kind ill
expect_rc "a tag's kind can change" 0
run tag list --json
expect_eq "the kind changed" "$(printf '%s\n' "$out" | jq -r '.[0].kind')" ill
run edit tag 1 --minutes 5
expect_rc "an option a tag does not have is refused" 2
expect_err "says what a tag takes" "kind from to note"
run edit sleep 1 --at 09:00
expect_rc "an option a sleep does not have is refused" 2
run tag list --json
expect_eq "refused edits change nothing" "$(printf '%s\n' "$out" | jq '.[0].version')" 2

run feed add --at "2026-10-25 07:00" --minutes 12
run edit feed 1 --at "2026-10-25 07:30"
expect_rc "moving a feed keeps its length" 0
run log 2026-10-25 --json
expect_eq "new end" "$(printf '%s\n' "$out" | jq -r '.days[0].feeds[0].end')" \
    2026-10-25T07:42:00+01:00

run sleep start --at 08:00
run waking start --at "2026-10-27 03:00"
expect_rc "a waking cannot start in the future" 3
expect_err "names waking.start" "waking.start"
run sleep stop --at 08:40

# The note for a repeated hour suggests the other reading, exactly.
run waking add --from "2026-10-25 02:10" --to "2026-10-25 02:20"
expect_err "first reading chosen" "read as the first one (+02:00)"
expect_err "how to ask for the second" "write 2026-10-25 02:10+01:00"

# Two inits at once make one household.
export LULL_DB="$T_DIR/race.db"
for i in 1 2 3 4 5 6 7 8; do "$LULL" init --tz UTC >/dev/null 2>&1 & done
wait
run export --json
expect_rc "the raced journal is usable" 0

# Refused imports create no journal.
export LULL_DB="$T_DIR/fresh.db"
run import --json "$T_DIR/missing.json"
expect_rc "a missing file" 4
printf '{"schema": 1, "sleeps": [' > "$T_DIR/broken.json"
run import --json "$T_DIR/broken.json"
expect_rc "a broken file" 3
printf '' > "$T_DIR/empty.csv"
run import "$T_DIR/empty.csv"
printf '"Type","Start","End","Duration","Start Condition","Start Location","End Condition","Notes"\n"Sleep","2026-10-20 13:00","2026-10-20 14:00","01:00",,,,\n' > "$T_DIR/h.csv"
run import "$T_DIR/h.csv" --dry-run
expect_rc "a dry run without a journal" 0
if [ -e "$LULL_DB" ]; then not_ok "no journal file was created" "$(ls -l "$T_DIR")"
else ok "no journal file was created"; fi

run child
expect_rc "a group alone is a usage error" 2
expect_err "and lists its commands" "lull child add"
done_testing
