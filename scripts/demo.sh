#!/bin/sh
# The quick start's main job until the web app lands: make sure a demo
# journal exists, then show it as a parent would see it.
# Usage: scripts/demo.sh path/to/lull demo.db
# SPDX-License-Identifier: ISC
set -eu
LULL=$1
DB=$2
# The demo's weeks end today: a demo from an earlier day is made anew.
if [ -f "$DB" ] && [ -n "$(find "$DB" -mmin +720 2>/dev/null)" ]; then
	rm -f "$DB" "$DB-wal" "$DB-shm"
fi
if [ ! -f "$DB" ]; then
	"$LULL" --db "$DB" demo
fi
echo
"$LULL" --db "$DB" child list
echo
"$LULL" --db "$DB" log --days 2
cat <<EOT

This is the demo journal in $DB. Try, for instance:
  $LULL --db $DB log --days 7
  $LULL --db $DB sleep start --how fed,held --where sidecar
  $LULL --db $DB sleep stop
  $LULL --db $DB sleep add --from 19:30 --to 06:40 --waking 23:10-23:25,feed,Sam
  $LULL --db $DB report
  $LULL --db $DB chart diary -o diary.svg
  $LULL plan preview --profile docs/examples/mia-7mo-fed-to-sleep.json
  $LULL --db $DB export --json -o backup.json
  $LULL --help
EOT
