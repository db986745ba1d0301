#!/usr/bin/env bats
# Conservation: over a generated corpus (tests/gencorpus.pl: invented
# words, quotations, dates, CRLF, double spaces, invalid UTF-8, NUL
# bytes, empty documents), the whole pipeline loses no document and every
# span it reports is exact.  CONSERVATION_SEED picks another corpus.

load common

SEED=${CONSERVATION_SEED:-7}

setup_file() {
	local d=$BATS_FILE_TMPDIR

	cd "$d" || return 1
	mkdir c
	perl "$ROOT/tests/gencorpus.pl" "$SEED" 300 c
	# each stage to a file, so each one's status and stderr are its own
	set +e
	"$NSPLIT" -d 2024-05-01 c/*.txt > 1.out 2> 1.err
	echo $? > 1.rc
	"$BIN/nentities" 1.out > 2.out 2> 2.err
	echo $? > 2.rc
	"$BIN/ndates" 2.out > 3.out 2> 3.err
	echo $? > 3.rc
	"$BIN/nmerge" 3.out > 4.out 2> 4.err
	echo $? > 4.rc
	"$BIN/ncite" 4.out > 5.out 2> 5.err
	echo $? > 5.rc
}

setup() {
	cd "$BATS_FILE_TMPDIR" || return 1
}

# The records of the kinds named (a grep -E alternation) in file $2.
kinds() {
	LC_ALL=C grep -aE "^($1)	" "$2" || true
}

@test "conservation: every document is a doc record or named in a diagnostic (seed $SEED)" {
	local f lost=0 n=0
	for f in c/*.txt; do
		n=$((n + 1))
		if ! kinds doc 5.out | cut -f2 | grep -qxF "$f" &&
		    ! grep -qF "nsplit: $f:" 1.err; then
			echo "lost: $f" >&2
			lost=$((lost + 1))
		fi
	done
	[ "$n" -eq 300 ] || fail "corpus has $n documents"
	[ "$lost" -eq 0 ] || fail "$lost documents lost"
	# the corpus has both kinds, or the test proves little
	[ "$(kinds doc 5.out | wc -l)" -gt 250 ]
	grep -q 'NUL byte; document skipped' 1.err
}

@test "conservation: diagnostics name the program and the place; only nsplit has any" {
	run grep -cv '^nsplit: c/d[0-9]*\.txt:[0-9]*: ' 1.err
	assert_output 0
	assert_equal "$(cat 1.rc)" 1
	local i
	for i in 2 3 4 5; do
		[ ! -s $i.err ] || fail "stage $i: $(head -5 $i.err)"
		assert_equal "$(cat $i.rc)" 0
	done
}

@test "conservation: doc, sent and fold records go through every program unchanged" {
	local want got
	kinds 'doc|sent|fold' 1.out > want
	[ -s want ]
	kinds 'doc|sent|fold' 5.out > got
	cmp want got
	# and annotations once added stay
	cmp <(kinds ent 2.out) <(kinds ent 5.out)
	cmp <(kinds time 3.out) <(kinds time 5.out)
}

@test "conservation: START..END of every sent, ent, time and quote record is its TEXT" {
	run --separate-stderr perl "$ROOT/tests/spans.pl" < 5.out
	[ "$status" -eq 0 ] || fail "$stderr"
	assert_output --regexp \
	    '^checked [0-9]+ spans \([1-9][0-9]* sent, [1-9][0-9]* ent, [1-9][0-9]* time, [1-9][0-9]* quote\)$'
}

@test "conservation: sentences run forward with exact fold records (offsets.pl)" {
	run --separate-stderr perl "$OFFSETS" c/*.txt < 5.out
	[ "$status" -eq 0 ] || fail "$stderr"
	assert_output --regexp '^checked [1-9][0-9]* sentences$'
}

@test "conservation: spans.pl catches a span that is off by one" {
	kinds 'doc|sent' 1.out | head -3 > good
	perl "$ROOT/tests/spans.pl" < good
	awk -F'\t' -v OFS='\t' '$1 == "sent" { $4++ } 1' good > bad
	run --separate-stderr perl "$ROOT/tests/spans.pl" < bad
	assert_failure
	[[ $stderr == *'but TEXT is'* ]] || fail "$stderr"
}
