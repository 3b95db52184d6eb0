# Who sees what of the adults' own records, through the real binary: two
# parents (Anna, Ben), a third parent (Cam), a helper (Oma) and a
# consultant (Kim).  Check-ins, screens and couple check-ins are private
# by default; sharing opens them to partners or a consultant, never to a
# helper; a note is seen by the one it is written to only; someone else's
# record answers exactly as a missing one.
set -eu
. "$(dirname "$0")/lib.sh"

j() { printf '%s\n' "$out" | jq -r "$1"; }
# How many of the listed records are Anna's, in any JSON listing.
annas() { printf '%s\n' "$out" | jq '[.. | objects | select(.author? == "Anna")] | length'; }

export LULL_NOW=2026-05-06T08:00:00+02:00
run init --tz Europe/Berlin
run child add Mia --born 2026-03-01
run caregiver add Anna
run caregiver add Ben
run caregiver add Cam
run caregiver add Oma --role helper
run caregiver add Kim --role consultant

run --as Anna checkin --energy 2 --mood 2 --note "hard night"
cid=$(printf '%s\n' "$out" | sed -n 's/.*#\([0-9]*\),.*/\1/p')
run --as Anna screen take phq9 --answers 1,2,1,1,0,1,0,0,1 --json
expect_rc "Anna's screen" 0
pid=$(j .id)
run --as Anna couple checkin --need "a morning to sleep in"
run --as Anna couple list --json
kid=$(j '.private[0].id')
run --as Anna me sleep --from "yesterday 23:00" --to 05:00 --share none
run --as Anna me list --json
sid=$(j '[.[]|select(.kind=="sleep")][0].id')
expect_eq "Anna's four records, all private" "$(j '[.[].visibility]|unique|join(",")')" private
[ -n "$cid" ] && [ -n "$pid" ] && [ -n "$kid" ] && [ -n "$sid" ] &&
	ok "ids of Anna's records" || not_ok "ids of Anna's records" "[$cid $pid $kid $sid]"

# Private: nobody else sees any of them.
for who in Ben Cam Oma Kim; do
	run --as "$who" checkin list --json
	expect_eq "$who: checkin list hides Anna's private one" "$(annas)" 0
	run --as "$who" screen list --json
	expect_eq "$who: screen list hides Anna's private one" "$(annas)" 0
	run --as "$who" couple list --json
	expect_eq "$who: couple list hides Anna's private one" "$(annas)" 0
	run --as "$who" me list --json
	expect_eq "$who: me list shows none of Anna's" "$(annas)" 0
	run --as "$who" checkin list
	expect_eq "$who: text never names Anna" "$(printf '%s\n' "$out" | grep -c Anna || true)" 0
	run --as "$who" screen list
	expect_eq "$who: screen text never names Anna" "$(printf '%s\n' "$out" | grep -c Anna || true)" 0
done

# Someone else's record answers exactly as a missing one.
shape() { printf '%s\n' "$err" | sed 's/#[0-9][0-9]*/#ID/g'; }
run --as Ben me share 9999 --with none
expect_rc "missing id: share" 4
missing=$(shape)
for id in "$cid" "$pid" "$kid" "$sid"; do
	for who in Ben Kim Oma; do
		run --as "$who" me share "$id" --with partner
		expect_rc "$who cannot share Anna's #$id" 4
		expect_eq "$who: share answers as for a missing id" "$(shape)" "$missing"
		run --as "$who" me delete "$id"
		expect_rc "$who cannot delete Anna's #$id" 4
		expect_eq "$who: delete answers as for a missing id" "$(shape)" "$missing"
	done
done
run --as Ben checkin edit "$cid" --mood 5
expect_rc "Ben cannot edit Anna's check-in" 4
expect_eq "edit answers as for a missing id" "$(shape)" "$missing"

# Shared with partners: the parents see it, the helper and consultant not.
run --as Anna me share "$cid" --with partner
expect_rc "Anna shares her check-in with partners" 0
expect_out "says who sees it now" "shared with your partner"
for who in Ben Cam; do
	run --as "$who" checkin list --json
	expect_eq "$who sees the shared check-in" "$(annas)" 1
	expect_eq "$who: marked as shared with them" "$(j '.[0].visibility')" shared_with_you
	expect_eq "$who: not theirs" "$(j '.[0].mine')" false
	run --as "$who" checkin list
	expect_out "$who: text marks it" "from Anna, shared with you"
	run --as "$who" me list --json
	expect_eq "$who: still not in their own records" "$(annas)" 0
done
for who in Oma Kim; do
	run --as "$who" checkin list --json
	expect_eq "$who does not see a partner-shared check-in" "$(annas)" 0
done
# Visible now, and still not Ben's to change.
run --as Ben me share "$cid" --with none
expect_rc "Ben cannot unshare Anna's shared check-in" 4
expect_eq "same answer as a missing id, though he sees it" "$(shape)" "$missing"
run --as Ben me delete "$cid"
expect_rc "nor delete it" 4
run --as Anna checkin list --json
expect_eq "Anna's check-in is still there, still shared" "$(j '.[0].share|join(",")')" partner

# Shared with a consultant: Kim sees it, the partners not.
run --as Anna me share "$pid" --with consultant
expect_rc "Anna shares her screen with the consultant" 0
run --as Kim screen list --json
expect_eq "Kim sees the consultant-shared screen" "$(annas)" 1
expect_eq "with its result" "$(j '.[0].instrument') $(j '.[0].total')" "phq9 7"
run --as Kim screen list
expect_out "Kim: marked as from Anna" "from Anna, shared with you"
for who in Ben Cam Oma; do
	run --as "$who" screen list --json
	expect_eq "$who does not see a consultant-shared screen" "$(annas)" 0
done
run --as Kim checkin list --json
expect_eq "Kim still sees no partner-shared check-in" "$(annas)" 0

# Both: everyone but the helper.
run --as Anna me share "$cid" --with partner,consultant
for who in Ben Cam Kim; do
	run --as "$who" checkin list --json
	expect_eq "$who sees a check-in shared with both" "$(annas)" 1
done
run --as Oma checkin list --json
expect_eq "Oma sees nothing of Anna's, shared or not" "$(annas)" 0
run --as Oma screen list --json
expect_eq "Oma: no screens" "$(annas)" 0

# Couple check-in shared with the partner.
run --as Anna me share "$kid" --with consultant
expect_rc "a couple check-in is not for a consultant" 3
run --as Anna me share "$kid" --with partner
expect_rc "shared with partner" 0
run --as Ben couple list --json
expect_eq "Ben sees it in the shared section" "$(j '.shared[0].author')" Anna
expect_eq "and not among his private ones" "$(j '.private|length')" 0
run --as Ben couple list
expect_out "text: from Anna" "from Anna"
run --as Kim couple list --json
expect_eq "Kim does not see it" "$(annas)" 0
run --as Anna couple list --json
expect_eq "Anna: in her shared section" "$(j '.shared[0].id')" "$kid"
expect_eq "Anna: her private section is empty" "$(j '.private|length')" 0

# A note of appreciation: seen by the one it is written to, only.
run --as Ben appreciate Anna "Thank you for every night feed"
expect_rc "Ben writes to Anna" 0
nid=$(printf '%s\n' "$out" | sed -n 's/.*(#\([0-9]*\)).*/\1/p')
run --as Anna couple list --json
expect_eq "Anna sees it under notes to you" "$(j '.notes_to_you[0].appreciation')" \
    "Thank you for every night feed"
expect_eq "from Ben" "$(j '.notes_to_you[0].author')" Ben
run --as Anna couple list
expect_out "text: Notes to you" "Notes to you:"
expect_out "text: the note" "from Ben: \"Thank you for every night feed\""
run --as Ben couple list --json
expect_eq "Ben sees it under notes he wrote" "$(j '.notes_you_wrote[0].to')" Anna
for who in Cam Oma Kim; do
	run --as "$who" couple list --json
	expect_eq "$who does not see Ben's note to Anna" \
	    "$(printf '%s\n' "$out" | jq '[.. | objects | select(.kind? == "appreciation")] | length')" 0
done
run --as Anna me share "$nid" --with partner
expect_rc "Anna cannot share Ben's note" 4
run --as Ben me share "$nid" --with partner
expect_rc "a note is not shared further" 3
run --as Anna me delete "$nid"
expect_rc "nor can Anna delete it" 4
run --as Ben me delete "$nid"
expect_rc "Ben can take his note back" 0
run --as Anna couple list --json
expect_eq "gone for Anna too" "$(j '.notes_to_you|length')" 0

# Unsharing closes it again.
run --as Anna me share "$cid" --with none
expect_out "private again" "private (only you)"
for who in Ben Cam Kim Oma; do
	run --as "$who" checkin list --json
	expect_eq "$who no longer sees the check-in" "$(annas)" 0
done

# Her own, she may change and delete.
run --as Anna me delete "$sid"
expect_rc "Anna deletes her own sleep" 0
run --as Anna me list --json
expect_eq "three left" "$(j 'length')" 3
done_testing
