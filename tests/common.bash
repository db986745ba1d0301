# Shared setup of the bats tests: load 'common' at the top of a .bats file.
load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'
bats_require_minimum_version 1.5.0

ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
BIN=${BIN:-$ROOT/bin}
DATA=$ROOT/tests/data
NSPLIT=$BIN/nsplit
OFFSETS=$ROOT/tests/offsets.pl

# the programs by name, so tests read like the pipelines users write
nsplit() { "$NSPLIT" "$@"; }

# Each test runs in its own scratch directory.
common_setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
}

# offsets_ok [-t] file ...: the offsets of nsplit's output for the files
# cut back to its TEXT fields (tests/offsets.pl).
offsets_ok() {
	local opt=
	if [ "$1" = -t ]; then
		opt=-t
		shift
	fi
	"$NSPLIT" $opt "$@" 2>/dev/null > "$BATS_TEST_TMPDIR/offsets.out"
	run perl "$OFFSETS" $opt "$@" < "$BATS_TEST_TMPDIR/offsets.out"
	assert_success
	assert_output --regexp '^checked [1-9]'
}

# The TEXT of the sent records in nsplit's output $output, one a line.
sent_texts() {
	printf '%s\n' "$output" | awk -F'\t' '$1 == "sent" { print $6 }'
}

# The record of kind $1 in $output, fields joined by "|".
records() {
	printf '%s\n' "$output" | awk -F'\t' -v k="$1" -v OFS='|' \
	    '$1 == k { $1 = $1; print }'
}
