#!/bin/sh
# The quick start: make sure a demo journal exists, with a web app account
# that owns it, then serve it on this machine and say how to log in.
# Usage: scripts/demo.sh path/to/lull demo.db
# Listens on $LULL_LISTEN (default 127.0.0.1:8080); Ctrl-C stops it.
# SPDX-License-Identifier: ISC
set -eu
LULL=$1
DB=$2
LISTEN=${LULL_LISTEN:-127.0.0.1:8080}
EMAIL=demo@lull.example
LOGIN="$DB-login" # the demo password, beside the demo journal, mode 600

# The demo's weeks end today: a demo from an earlier day is made anew, and
# so is one from before the web app (it has no login).
if [ -f "$DB" ] &&
    { [ -n "$(find "$DB" -mmin +720 2>/dev/null)" ] || [ ! -s "$LOGIN" ]; }
then
	rm -f "$DB" "$DB-wal" "$DB-shm" "$LOGIN"
fi
if [ ! -f "$DB" ]; then
	# A new random password for each demo, never a well-known one:
	# the server may be reachable from more than this machine.
	pw=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n' |
	    sed 's/\(....\)/\1-/g; s/-$//')
	(umask 077 && printf '%s\n' "$pw" >"$LOGIN")
	"$LULL" --db "$DB" demo --account "$EMAIL" <"$LOGIN"
fi
pw=$(cat "$LOGIN")

cat <<EOT

The demo journal is $DB: Alex and Sam, and Robin, seven months old.
Log in to the web app (the URL follows) as:

    email:    $EMAIL
    password: $pw

The command line works on the same journal, for instance:
  $LULL --db $DB log --days 7
  $LULL --db $DB report
  $LULL --help

EOT
exec "$LULL" --db "$DB" serve --listen "$LISTEN"
