#!/bin/sh
# Regenerate the example plans in docs/examples from their profiles with
# the real binary: docs/examples/NAME.json -> NAME.txt (what a parent
# reads) and NAME.plan.json (what the API returns).  tests/cli/
# test_examples.sh fails when these are out of date.
# Usage: scripts/examples.sh [path/to/lull]
# SPDX-License-Identifier: ISC
set -eu
LULL=${1:-build/lull}
cd "$(dirname "$0")/.."
for p in docs/examples/*.json; do
	case "$p" in *.plan.json) continue ;; esac
	base=${p%.json}
	"$LULL" plan preview --profile "$p" > "$base.txt"
	"$LULL" plan preview --profile "$p" --json > "$base.plan.json"
done
