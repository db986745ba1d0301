#!/usr/bin/env bats
# Scale-out: the per-document programs under GNU parallel, cut where a
# doc record begins, give the serial run's output byte for byte
# (newsutils(7), "Running in parallel").  The corpus is generated
# (tests/gencorpus.pl) with documents whose ids end in "doc", so that a
# cut on "doc<TAB>" alone, not at a line's start, would show.

load common

setup_file() {
	local d=$BATS_FILE_TMPDIR

	command -v parallel >/dev/null 2>&1 || return 0
	cd "$d" || return 1
	mkdir c
	perl "$ROOT/tests/gencorpus.pl" 11 400 c
	for f in c/d0*.txt; do
		mv "$f" "${f%.txt}.medoc"
	done
	# the serial pipeline, one stage to a file
	# documents with a NUL byte are named and skipped: exit 1
	"$NSPLIT" -d 2024-05-01 c/*.medoc > 1.out 2>/dev/null || true
	"$BIN/nentities" 1.out > 2.out
	"$BIN/ndates" 2.out > 3.out
	"$BIN/ncite" 3.out > 4.out
}

setup() {
	command -v parallel >/dev/null 2>&1 || skip "GNU parallel not installed"
	cd "$BATS_FILE_TMPDIR" || return 1
}

# pp PROG ARGS: PROG over the stream on stdin, cut into blocks of about
# 16 KB at the start of a doc record's line, two jobs at a time, the
# output in input order: the recipe of newsutils(7).
pp() {
	parallel --pipe --keep-order -j2 --block 16k --recend '\n' \
	    --recstart 'doc\t' "$@"
}

@test "parallel: the corpus is cut into many blocks" {
	[ "$(grep -ac '^doc	c/d0[0-9]*\.medoc	' 1.out)" -gt 300 ]
	run sh -c "parallel --pipe --keep-order -j2 --block 16k --recend '\n' \
	    --recstart 'doc\t' 'head -c 20; echo' < 1.out"
	assert_success
	[ "${#lines[@]}" -gt 8 ]
	# every block starts with a doc record
	refute_line --regexp '^[^d]|^d[^o]|^do[^c]'
}

@test "parallel: a cut on doc<TAB> alone would cut a line in two" {
	run sh -c "parallel --pipe --keep-order -j2 --block 16k \
	    --recstart 'doc\t' 'head -c 6; echo' < 1.out"
	assert_success
	# a block that starts inside a line, after an id's "medoc"
	[ "$(printf '%s\n' "${lines[@]}" | grep -vc '^doc	c/')" -gt 0 ]
}

@test "parallel: nsplit over the files, several to a job" {
	run sh -c "parallel --keep-order -j2 -n 37 '$NSPLIT' -d 2024-05-01 \
	    ::: c/*.medoc 2>/dev/null > p1.out; cmp 1.out p1.out"
	assert_success
}

@test "parallel: nsplit -t over a table, its header in every block" {
	{
		printf 'id\tdate\ttext\n'
		for i in $(seq 1 300); do
			printf 'n%dmedoc\t2024-05-%02d\tThe crew of boat %d came home on Monday.\\n\\nIt had left in May. "We are back," a sailor said.\n' \
			    "$i" $((i % 28 + 1)) "$i"
		done
	} > t.tsv
	"$NSPLIT" -t t.tsv > t1.out
	pp --header 1 "$NSPLIT" -t < t.tsv > t2.out
	cmp t1.out t2.out
}

@test "parallel: ndates gives the serial output" {
	pp "$BIN/ndates" < 2.out > p3.out
	cmp 3.out p3.out
}

@test "parallel: ncite -q gives the serial quote records" {
	pp "$BIN/ncite" -q < 3.out > p4.out
	grep -av '^cite	' 4.out > 4q.out
	cmp 4q.out p4.out
	[ "$(grep -ac '^quote	' p4.out)" -gt 50 ]
}

@test "parallel: nentities gives the serial mentions and types" {
	pp "$BIN/nentities" < 1.out > p2.out
	# every record but the ent KEY is the same (nentities(1) CAVEATS)
	cmp <(cut -f1-6,8- 2.out) <(cut -f1-6,8- p2.out)
	[ "$(grep -ac '^ent	' p2.out)" -gt 1000 ]
}

@test "parallel: nentities in one block is the serial run" {
	pp --block 100M "$BIN/nentities" < 1.out > p2.out
	cmp 2.out p2.out
}
