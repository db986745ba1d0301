#!/usr/bin/env bats
# I/O faults: every program, with output or input failing part way
# (build/fault.so, tests/fault/fault.c, preloaded), says "prog: ..." and
# exits 1, and never passes off a line cut short by the fault as a record.
# > /dev/full and | head -1 are in each program's own file.

load common

PROGS="nsplit nentities ndates nmerge ncite"
SHIM=$ROOT/build/fault.so

setup_file() {
	local d=$BATS_FILE_TMPDIR

	# each program's input, made by the programs upstream of it
	"$NSPLIT" "$DATA"/sample/*.txt > "$d/nentities.in"
	"$BIN/nentities" "$d/nentities.in" > "$d/ndates.in"
	"$BIN/ndates" "$d/ndates.in" > "$d/nmerge.in"
	"$BIN/nmerge" "$d/nmerge.in" > "$d/ncite.in"
	cp "$DATA/sample/outlet1.txt" "$d/nsplit.in"
	{
		printf 'id\ttext\n'
		for i in $(seq 100); do
			printf 'd%d\tThe vote was delayed on March %d. ' \
			    "$i" $((i % 28 + 1))
			printf 'Members left early.\n'
		done
	} > "$d/rows.tsv"
}

setup() {
	common_setup
	[ -f "$SHIM" ] || skip "no $SHIM (make build/fault.so)"
	# a sanitized build wants its runtime first; the shim comes first
	export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
}

# faulty ENV... -- prog args...: run prog under the shim
faulty() {
	local env=()

	while [ "$1" != -- ]; do
		env+=("$1")
		shift
	done
	shift
	env "${env[@]}" LD_PRELOAD="$SHIM" "$@"
}

@test "a fault past the end of the data changes nothing" {
	local p in=$BATS_FILE_TMPDIR
	for p in $PROGS; do
		"$BIN/$p" "$in/$p.in" > want
		faulty FAULT_WRITE=100000000 -- "$BIN/$p" "$in/$p.in" > got
		cmp want got || fail "$p"
		faulty FAULT_READ=100000000 -- "$BIN/$p" "$in/$p.in" > got
		cmp want got || fail "$p"
	done
}

@test "write faults: prog: stdout: Input/output error, exit 1, the output up to the fault" {
	local p n full rc in=$BATS_FILE_TMPDIR
	for p in $PROGS; do
		"$BIN/$p" "$in/$p.in" > want
		full=$(wc -c < want)
		[ "$full" -gt 2 ] || fail "$p: no output to cut"
		for n in 0 1 $((full / 2)) $((full - 1)); do
			rc=0
			faulty FAULT_WRITE=$n -- "$BIN/$p" "$in/$p.in" \
			    > got 2> err || rc=$?
			[ "$rc" -eq 1 ] || fail "$p at $n: exit $rc"
			assert_equal "$(cat err)" \
			    "$p: stdout: Input/output error"
			cmp got <(head -c "$n" want) || fail "$p at $n: output"
		done
	done
}

@test "a failing close of standard output: prog: stdout: Input/output error, exit 1" {
	local p rc in=$BATS_FILE_TMPDIR
	for p in $PROGS; do
		rc=0
		faulty FAULT_CLOSE=1 -- "$BIN/$p" "$in/$p.in" > got 2> err ||
		    rc=$?
		[ "$rc" -eq 1 ] || fail "$p: exit $rc"
		assert_equal "$(cat err)" "$p: stdout: Input/output error"
	done
}

@test "read faults on a file: prog: file: Input/output error, exit 1, no record cut short" {
	local p n size in=$BATS_FILE_TMPDIR
	for p in $PROGS; do
		size=$(wc -c < "$in/$p.in")
		for n in 0 100 $((size / 2)) $((size - 1)); do
			run --separate-stderr faulty FAULT_READ=$n -- \
			    "$BIN/$p" "$in/$p.in"
			[ "$status" -eq 1 ] || fail "$p at $n: exit $status"
			assert_equal "$stderr" \
			    "$p: $in/$p.in: Input/output error"
		done
	done
}

@test "read faults on standard input: prog: stdin: Input/output error, exit 1" {
	local p n size in=$BATS_FILE_TMPDIR
	for p in $PROGS; do
		size=$(wc -c < "$in/$p.in")
		for n in 0 100 $((size / 2)); do
			run --separate-stderr faulty FAULT_READ=$n -- \
			    "$BIN/$p" < "$in/$p.in"
			[ "$status" -eq 1 ] || fail "$p at $n: exit $status"
			assert_equal "$stderr" "$p: stdin: Input/output error"
		done
	done
}

@test "nsplit -t: a read fault part way names the file and exits 1" {
	local n
	for n in 0 50 1000 3000; do
		run --separate-stderr faulty FAULT_READ=$n -- \
		    "$NSPLIT" -t "$BATS_FILE_TMPDIR/rows.tsv"
		assert_failure 1
		assert_equal "$stderr" \
		    "nsplit: $BATS_FILE_TMPDIR/rows.tsv: Input/output error"
	done
}
