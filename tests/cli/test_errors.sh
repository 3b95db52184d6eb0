# Bad input is refused with a message that names the field and quotes
# the value, with the documented exit code, and the journal is unchanged.
set -eu
. "$(dirname "$0")/lib.sh"

export LULL_NOW=2026-06-15T08:00:00+02:00
run child list
expect_rc "no journal yet: not found" 4
expect_err "says how to start" "lull init"

run init --tz Mars/Olympus
expect_rc "unknown zone" 4
expect_err "names the zone" "Mars/Olympus"
run init --tz ../../etc/passwd
expect_rc "unsafe zone name refused" 3

run init --tz Europe/Paris
expect_rc "init" 0
run init --tz Europe/Paris
expect_rc "second init is a conflict" 5

run child add Noor --born 2026-02-30
expect_rc "impossible birth date" 3
expect_err "names born and the value" 'born: "2026-02-30"'
run child add Noor --born 2027-01-01
expect_rc "birth in the future" 3
expect_err "future birth named" "born: 2027-01-01 is in the future"
run child add Noor --born 2026-01-10 --due 2026-12-01
expect_rc "due date far after birth" 3
expect_err "due named" "due:"
run child add Noor --born 2026-01-10
expect_rc "child add" 0
run child add Noor --born 2026-01-11
expect_rc "duplicate child name" 5
run caregiver add Ines

# A night and a nap to collide with.
run sleep add --from "2026-06-14 20:00" --to 06:30 --waking 01:00-01:20,feed,Ines
expect_rc "a good night" 0
run export --json
before=$out

run sleep add --from "2026-06-14 19:00" --to "2026-06-14 18:00"
expect_rc "end before start" 3
expect_err "names end" "end:"
expect_err "quotes the times" "18:00"

run sleep add --from "2026-06-14 25:10" --to 06:00
expect_rc "malformed time" 3
expect_err "names the option and value" '"2026-06-14 25:10"'

run sleep add --from yesterday --to 06:00
expect_rc "a date word without a time" 3

run sleep add --from "2026-06-20 20:00" --to "2026-06-21 06:00"
expect_rc "in the future" 3
expect_err "says future" "in the future"

run sleep add --from "2026-06-14 22:00" --to "2026-06-15 02:00"
expect_rc "overlapping sleep" 5
expect_err "names the other sleep" "overlaps sleep #1"

run sleep add --from "2026-06-13 13:00" --to "2026-06-13 14:00" --child Zoe
expect_rc "unknown child" 4
expect_err "names the child" '"Zoe"'

run sleep add --from "2026-06-13 13:00" --to "2026-06-13 14:00" --where moon
expect_rc "unknown place" 3
expect_err "lists the places" "parents-room-cot"

run sleep add --from "2026-06-13 13:00" --to "2026-06-13 14:00" --how fed,floating
expect_rc "unknown onset" 3
expect_err "names the word" '"floating"'

run sleep add --from "2026-06-13 13:00" --to "2026-06-13 14:00" --latency -5
expect_rc "negative latency" 3

run sleep add --from "2026-06-13 13:00" --to "2026-06-13 14:00" --latency 90
expect_rc "latency longer than the sleep" 3
expect_err "names latency" "latency:"

run sleep add --from "2026-06-13 13:00" --to "2026-06-13 14:00" --by Nobody
expect_rc "unknown caregiver" 4

run waking add --from "2026-06-14 12:00" --to "2026-06-14 12:10"
expect_rc "waking outside any sleep" 4

run waking add --from "2026-06-15 01:10" --to "2026-06-15 01:30"
expect_rc "waking overlapping another" 5

run sleep add --from "2026-06-13 13:00" --to "2026-06-13 14:00" --waking 15:00-15:10
expect_rc "waking after its nap" 3

run feed add --at "2026-06-14 07:00" --kind bottle --side left
expect_rc "side only for breast feeds" 3

run tag add sunburn --from 2026-06-10
expect_rc "unknown tag" 3
run tag add ill --from 2026-06-10 --to 2026-06-01
expect_rc "tag ending before it starts" 3

run sleep add --from 13:00
expect_rc "missing --to is a usage error" 2
run sleep add --frm 13:00 --to 14:00
expect_rc "unknown option is a usage error" 2
expect_err "names the option" "--frm"
run edit sleep 999 --note x
expect_rc "editing a missing entry" 4
run delete nap 1
expect_rc "unknown entry type" 2

run sleep add --from "2025-12-01 19:00" --to "2025-12-02 06:00"
expect_rc "a sleep before the child was born" 3
expect_err "says so, with the birth date" "before the child was born (2026-01-10)"
run feed add --at "2025-11-30 07:00"
expect_rc "a feed before the child was born" 3
run tag add ill --from 2025-12-30 --to 2026-01-12
expect_rc "a tag starting before the child was born" 3
run feed add --at "2026-06-15 23:00"
expect_rc "a feed in the future" 3
expect_err "quoted in local time" "start: 2026-06-15 23:00 is in the future"

run export --json
expect_eq "journal unchanged by all the refusals" "$out" "$before"
done_testing
