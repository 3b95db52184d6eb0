# The example plans in docs/examples are what the code produces today:
# each profile, previewed again, gives exactly the committed text and
# JSON (scripts/examples.sh regenerates them after a deliberate change).
set -eu
. "$(dirname "$0")/lib.sh"

top=$(cd "$(dirname "$0")/../.." && pwd)
for p in "$top"/docs/examples/*.json; do
	case "$p" in *.plan.json) continue ;; esac
	base=${p%.json}
	name=$(basename "$base")
	run plan preview --profile "$p"
	if [ "$out" = "$(cat "$base.txt")" ]; then ok "$name: text is current"
	else not_ok "$name: text is current" "run scripts/examples.sh"; fi
	run plan preview --profile "$p" --json
	if [ "$out" = "$(cat "$base.plan.json")" ]; then ok "$name: JSON is current"
	else not_ok "$name: JSON is current" "run scripts/examples.sh"; fi
done
done_testing
