# lull import FILE...: other apps' exports through the real binary, on
# small synthetic files; the real exports from ../shared when present.
# SPDX-License-Identifier: ISC
set -eu
. "$(dirname "$0")/lib.sh"

export LULL_NOW=2026-11-01T12:00:00Z
H='"Type","Start","End","Duration","Start Condition","Start Location","End Condition","Notes"'
cat > "$T_DIR/huck.csv" <<CSV
$H
"Sleep","2025-05-20 05:40","2025-05-20 06:50","01:10",,,,
"Feed","2025-05-20 05:28","2025-05-20 05:37","00:09",,"Breast","00:09L",
"Sleep","2025-05-20 00:00","2025-05-20 05:20","05:20",,,,
"Feed","2025-05-19 23:41","2025-05-19 23:52","00:11","00:11R","Breast",,
"Sleep","2025-05-19 20:05","2025-05-19 23:38","03:33","Happy, under_10_minutes","Nursing, worn or held",,"Dormiu bem"
"Diaper","2025-05-19 18:40",,,,,,
"Sleep","2025-05-19 13:00","2025-05-19 14:00","01:00",,"Car",,
"Sleep","2025-05-19 13:30","2025-05-19 14:30","01:00",,,,
CSV

run import "$T_DIR/huck.csv" --dry-run
expect_rc "dry run without a journal" 0
expect_out "says nothing was written" "Dry run, nothing written"
expect_out "detects the format" "Huckleberry CSV"

run init --tz America/Sao_Paulo
run child add Bia --born 2025-01-10
run import "$T_DIR/huck.csv" --dry-run
expect_rc "dry run" 0
expect_out "counts by type" "Would import 2 sleeps (1 nights, 1 naps) with 2 night wakings, and 2 feeds (2 breast"
expect_out "date span" "From 2025-05-19 to 2025-05-20 (America/Sao_Paulo)"
expect_out "rows left out, and why" "1  Huckleberry Diaper rows"
expect_out "overlaps found" "overlap: sleep 2025-05-19 13:30 to 2025-05-19 14:30 overlaps the sleep at"
expect_out "joins" "2 sessions joined across a short waking"
run log 2025-05-19
expect_out "the dry run wrote nothing" "Nothing logged"

run import "$T_DIR/huck.csv"
expect_rc "import" 0
expect_out "imported" "Imported 2 sleeps"
run log 2025-05-19
expect_out "the night with its wakings" "20:05-06:50 Tue night"
expect_out "a feed answered the waking" "woke 23:38-00:00 22m  fed"
run import "$T_DIR/huck.csv"
expect_rc "again" 0
expect_out "nothing twice" "Imported 0 sleeps"
expect_out "all found" "Already in the journal: 6"

# A row that cannot be read: nothing at all is imported.
sed 's/2025-05-19 13:30/2025-02-31 13:30/' "$T_DIR/huck.csv" > "$T_DIR/bad.csv"
export LULL_DB="$T_DIR/b.db"
run init --tz America/Sao_Paulo
run child add Bia --born 2025-01-10
run import "$T_DIR/bad.csv"
expect_rc "bad date refused" 3
expect_err "names file, line and column" "bad.csv:9: column 2 (\"Start\")"
expect_err "says nothing was imported" "nothing was imported"
run log 2025-05-19
expect_out "all or nothing" "Nothing logged"

# Dates that could be either way round, for a child born before them
# (entries before a birth are refused).
export LULL_DB="$T_DIR/amb.db"
run init --tz America/Sao_Paulo
run child add Bia --born 2024-01-10
printf 'Baby,Time,Duration(minutes),Note\nBia,"03/04/24, 7:35 PM",50\n' > "$T_DIR/amb.csv"
run import "$T_DIR/amb.csv"
expect_rc "ambiguous dates refused" 3
expect_err "asks for the order" "--date-order"
run import "$T_DIR/amb.csv" --date-order dmy
expect_rc "--date-order dmy" 0
run log 2024-04-03
expect_out "read day-first" "19:35-20:25"

printf 'dear diary\n' > "$T_DIR/diary.txt"
run import "$T_DIR/diary.txt"
expect_rc "not an export" 3
expect_err "suggests --format" "--format"

printf 'Began,Woke,Note\n2026-05-01 13:00,2026-05-01 14:10,park\n' > "$T_DIR/mine.csv"
run import "$T_DIR/mine.csv" --format generic --map "start=Began,end=Woke,note=Note"
expect_rc "generic CSV with a mapping" 0
run log 2026-05-01
expect_out "mapped" "13:00-14:10"

run import --help
expect_out "help names the formats" "babytracker"
expect_out "help names the options" "--dry-run"

# lull's own export still restores (and is not taken for another app's).
run export --json -o "$T_DIR/mine.json"
export LULL_DB="$T_DIR/c.db"
run import "$T_DIR/mine.json"
expect_rc "a lull export restores" 0
expect_out "restored" "Restored"

# The real exports, when ../shared is there: every folder imports.
R=../shared/data/real
if [ -d "$R" ]; then
	export LULL_DB="$T_DIR/real.db"
	run init --tz America/Sao_Paulo
	run child add Bia --born 2025-01-10
	run import "$R/huckleberry-fjuniorr"
	expect_rc "huckleberry folder" 0
	expect_out "its rows" "Huckleberry CSV, 3899 rows"
	export LULL_DB="$T_DIR/real2.db"
	run init --tz America/New_York
	run child add Nell --born 2024-06-25
	run import "$R/babytracker-grossmann" --dry-run
	expect_rc "baby tracker folder" 0
	expect_out "every file" "name_sleep.csv: Baby Tracker CSV, 700 rows"
	expect_out "the running timer" "sleep timer still running at export"
else
	echo "skipped: $R not found (real exports)"
fi
done_testing
