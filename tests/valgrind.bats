#!/usr/bin/env bats
# valgrind over the whole pipeline on the sample articles, and over the
# options that take other paths: no invalid read or write, no use of an
# uninitialised value, no leak (valgrind --error-exitcode=1).  Skipped
# without valgrind, and in a sanitizer build (make check SANITIZE=1),
# whose runtime valgrind cannot run.

load common

setup() {
	common_setup
	command -v valgrind >/dev/null 2>&1 || skip "valgrind not installed"
	grep -q fsanitize "$ROOT/build/flags" 2>/dev/null &&
	    skip "a sanitizer build"
	return 0
}

# vg PROG ARGS: PROG under valgrind; its own exit status, or 99 on a
# valgrind error, whose report is then shown
vg() {
	local rc=0
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite,indirect \
	    --errors-for-leak-kinds=definite,indirect \
	    --log-file=vg.log "$@" || rc=$?
	if [ "$rc" -eq 99 ] || [ -s vg.log ]; then
		cat vg.log >&2
		return 99
	fi
	return "$rc"
}

@test "valgrind: the pipeline on the sample articles is clean" {
	vg "$NSPLIT" -d 2025-03-12 "$DATA"/sample/*.txt > 1.out
	vg "$BIN/nentities" 1.out > 2.out
	vg "$BIN/ndates" 2.out > 3.out
	vg "$BIN/nmerge" 3.out > 4.out
	vg "$BIN/ncite" 4.out > 5.out
	# the same bytes as without valgrind
	"$NSPLIT" -d 2025-03-12 "$DATA"/sample/*.txt | "$BIN/nentities" |
	    "$BIN/ndates" | "$BIN/nmerge" | "$BIN/ncite" | cmp - 5.out
}

@test "valgrind: the other paths (nsplit -t -l, digests, ncite -q, nmerge -s)" {
	"$NSPLIT" -d 2025-03-12 "$DATA"/sample/*.txt | "$BIN/nentities" |
	    "$BIN/ndates" | "$BIN/nmerge" > m.out
	printf 'id\tdate\ttext\na\t2025-03-12\tThe vote was on Monday.\\nIt failed.\n' > t.tsv
	vg "$NSPLIT" -t -l t.tsv > /dev/null
	vg "$BIN/nmerge" -s m.out > /dev/null
	vg "$BIN/ncite" -q m.out > /dev/null
	for f in md html csl; do
		vg "$BIN/ncite" -f "$f" m.out > /dev/null
	done
}

@test "valgrind: bad input takes the error paths cleanly" {
	local p
	printf 'doc\td\t\t\t\t\nsent\td\t1\t9\t5\tHi\nsent\td\t2\t0\t5\tA\\x\nsent\td\t3\t0\nsent\td\t4\t0\t4\tOk."\n' > bad.tsv
	for p in nentities ndates nmerge ncite; do
		run vg "$BIN/$p" bad.tsv
		[ "$status" -eq 1 ] || fail "$p: exit $status"
	done
	printf 'A \377 line.\nB\0\n' > nul.txt
	run vg "$NSPLIT" nul.txt
	[ "$status" -eq 1 ] || fail "nsplit: exit $status"
}
