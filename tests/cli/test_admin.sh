# lull admin on the real binary: adding an account, the password reset
# read from standard input (which ends the account's sessions), the
# list of accounts with their households, text and JSON, and every
# refusal with its exit code.  Where the sqlite3 shell is at hand, the
# database is looked at directly (sessions gone, hash changed, nothing in
# the clear); without it those checks are skipped.
set -eu
. "$(dirname "$0")/lib.sh"

j() { printf '%s\n' "$out" | jq -r "$1"; }
# feed TEXT ARGS...: run lull with TEXT on standard input.
feed() {
	text=$1
	shift
	set +e
	printf '%s\n' "$text" | "$LULL" "$@" >"$T_DIR/out" 2>"$T_DIR/err"
	rc=$?
	set -e
	out=$(cat "$T_DIR/out")
	err=$(cat "$T_DIR/err")
}
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
sq() { sqlite3 "$LULL_DB" "$1"; }

export LULL_NOW=2026-05-04T09:00:00+02:00

# No journal: nothing is created.
run admin accounts
expect_rc "no journal" 4
expect_err "says where it looked" "no journal at $LULL_DB"
expect_eq "no file left behind" "$(test -e "$LULL_DB" && echo yes || echo no)" no
feed "correct horse battery" admin passwd anna@example.org
expect_rc "passwd without a journal" 4

run init --tz Europe/Berlin --name Home
expect_rc "a journal" 0
run admin accounts
expect_rc "accounts of an empty journal" 0
expect_out "none yet" "No accounts yet."
run admin accounts --json
expect_eq "an empty JSON list" "$(j 'length')" 0

# Adding accounts: the password from standard input.
feed "correct horse battery" admin adduser Anna@Example.ORG --name Anna
expect_rc "adduser" 0
expect_out "says so" "Added account 1 for Anna."
feed "correct horse battery" admin adduser ben@example.org --name Ben
expect_rc "a second account" 0
feed "correct horse battery" admin adduser ANNA@example.org --name Other
expect_rc "the same email in another case" 5
expect_err "names the email" "email: there is already an account for anna@example.org"
feed "too short" admin adduser cleo@example.org --name Cleo
expect_rc "a short password" 3
expect_err "says how long" "password: use at least 10 characters"
feed "correct horse battery" admin adduser cleo --name Cleo
expect_rc "not an email" 3
expect_err "names the field" 'email: "cleo" is not an email address'
feed "correct horse battery" admin adduser cleo@example.org
expect_rc "adduser needs --name" 2
run admin adduser cleo@example.org --name Cleo </dev/null
expect_rc "no password on standard input" 2
long=$(printf '%0300d' 0)
feed "$long" admin adduser cleo@example.org --name Cleo
expect_rc "a password too long" 3

# The listing.
run admin accounts
expect_rc "accounts" 0
expect_out "Anna, in lower case" "anna@example.org"
expect_out "Ben, no household" "ben@example.org                  Ben                  none"
run admin accounts --json
expect_rc "accounts --json" 0
expect_eq "two accounts" "$(j 'length')" 2
expect_eq "emails" "$(j '[.[].email]|join(",")')" "anna@example.org,ben@example.org"
expect_eq "names" "$(j '.[0].name')" "Anna"
expect_eq "created at" "$(j '.[0].created_at')" "2026-05-04T07:00:00+00:00"
expect_eq "no households yet" "$(j '.[0].households|length')" 0
run --json admin accounts
expect_eq "--json before the command" "$(j 'length')" 2

# The password reset.
if [ "$have_sqlite" -eq 1 ]; then
	before=$(sq "SELECT pwhash FROM account WHERE id = 1")
	run caregiver add Anna
	sq "INSERT INTO membership VALUES (1, 1, 'owner', 1, 0);
	    INSERT INTO session VALUES ('$(printf '%064d' 1)', 1,
	      '$(printf '%043d' 1)', 0, 99999999999);
	    INSERT INTO session VALUES ('$(printf '%064d' 2)', 1,
	      '$(printf '%043d' 2)', 0, 99999999999);
	    INSERT INTO session VALUES ('$(printf '%064d' 3)', 2,
	      '$(printf '%043d' 3)', 0, 99999999999);
	    INSERT INTO api_token (account_id, name, hash, created_utc)
	      VALUES (1, 'phone', '$(printf '%064d' 4)', 0);
	    INSERT INTO api_token (account_id, name, hash, created_utc)
	      VALUES (2, 'phone', '$(printf '%064d' 5)', 0);"
fi
feed "a brand new password" admin passwd ANNA@example.org
expect_rc "passwd" 0
expect_out "says what happened" "Password set for anna@example.org; every session of theirs has ended and every API token is revoked."
if [ "$have_sqlite" -eq 1 ]; then
	after=$(sq "SELECT pwhash FROM account WHERE id = 1")
	if [ "$before" != "$after" ]; then ok "the hash changed"; else
		not_ok "the hash changed" "$after"; fi
	case $after in
	'$argon2id$'*) ok "an argon2id hash" ;;
	*) not_ok "an argon2id hash" "$after" ;;
	esac
	expect_eq "Anna's sessions ended, Ben's not" \
	    "$(sq "SELECT group_concat(account_id) FROM session")" 2
	expect_eq "Anna's API tokens revoked, Ben's not" \
	    "$(sq "SELECT group_concat(account_id) FROM api_token WHERE revoked_utc IS NULL")" 2
	expect_eq "no password in the clear" \
	    "$(sq "SELECT count(*) FROM account WHERE pwhash LIKE '%brand new%'")" 0
	run admin accounts
	expect_out "households with access" "Home (owner)"
	run admin accounts --json
	expect_eq "households in JSON" "$(j '.[0].households[0].name')" Home
	expect_eq "access in JSON" "$(j '.[0].households[0].access')" owner
	expect_eq "household id" "$(j '.[0].households[0].id')" 1
else
	for n in "the hash changed" "an argon2id hash" "sessions ended" \
	    "tokens revoked" \
	    "no password in the clear" "households with access" \
	    "households in JSON" "access in JSON" "household id"; do
		ok "$n # skip: no sqlite3 shell"
	done
fi
feed "$(printf 'crlf pass\r')" admin passwd ben@example.org
expect_rc "a CRLF line end is not part of the password" 3
expect_err "nine characters without it" "at least 10"
feed "$(printf 'crlf password ok\r')" admin passwd ben@example.org
expect_rc "a CRLF line" 0

feed "tiny" admin passwd anna@example.org
expect_rc "passwd: too short" 3
expect_err "passwd: says how long" "password: use at least 10 characters"
feed "a brand new password" admin passwd nobody@example.org
expect_rc "passwd: unknown account" 4
expect_err "passwd: names the email" "email: there is no account for nobody@example.org"
feed "a brand new password" admin passwd nobody
expect_rc "passwd: not an email" 3
run admin passwd anna@example.org </dev/null
expect_rc "passwd: nothing on standard input" 2
feed "$long" admin passwd anna@example.org
expect_rc "passwd: too long" 3
run admin passwd
expect_rc "passwd needs the email" 2
run admin passwd a@example.org b@example.org
expect_rc "passwd takes one email" 2
run admin
expect_rc "admin alone lists the admin commands" 2
expect_err "lists passwd" "lull admin passwd EMAIL"
run admin passwd --help
expect_rc "help" 0
expect_out "help says standard input" "standard input"

# A caregiver who signs in stands for a member: deleting the record is
# refused until the member is removed; one without an account goes.
export LULL_DB="$T_DIR/demo.db"
feed "correct horse battery" demo --account alex@example.org
expect_rc "demo with an account" 0
run caregiver delete Alex
expect_rc "a member's caregiver record is kept" 5
expect_err "says to remove the member first" "remove the member first"
run caregiver list --json
expect_eq "Alex is still there" "$(printf '%s\n' "$out" | jq -r '[.[].name]|index("Alex") != null')" true
run caregiver delete Sam
expect_rc "a caregiver without an account goes" 0

done_testing
