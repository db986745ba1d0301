#!/usr/bin/env bats
# nmerge: stories and facts (nmerge(1)).  The articles in
# tests/data/nmerge are invented for this project.
bats_require_minimum_version 1.5.0
load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

setup() {
	ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
	BIN=${BIN:-$ROOT/bin}
	D=$ROOT/tests/data/nmerge
	cd "$BATS_TEST_TMPDIR" || return 1
	export LC_ALL=C.UTF-8
}

nsplit() { "$BIN/nsplit" "$@"; }
nmerge() { "$BIN/nmerge" "$@"; }

# pairs FILE: sentence pairs "a<TAB>b" to a stream of one-sentence
# documents, each pair a story of its own (as paraphrase tests run)
pairs() {
	awk -F'\t' -v OFS='\t' 'BEGIN { print "id", "date", "text" }
	    { print "p" NR "a", "2025-03-01", $1; print "p" NR "b", "2025-03-01", $2 }' "$1" |
	    nsplit -t -l | awk -F'\t' -v OFS='\t' '{ print }
	    $1 == "doc" { s = $2; sub(/[ab]$/, "", s); sub(/^p/, "", s); print "story", s, $2 }'
}

# same FACT-OUTPUT: "1" per pair whose two sentences share a fact, else "0"
same() {
	awk -F'\t' '$1 == "fact" { f[$3] = f[$3] " " $2 " " }
	    END { for (i = 1; ("p" i "a") in f; i++) {
		n = split(f["p" i "a"], a, " "); s = 0
		for (j = 1; j <= n; j++) if (index(f["p" i "b"], " " a[j] " ")) s = 1
		print s } }' "$1"
}

articles() { nsplit -t "$D/articles.tsv"; }

@test "nmerge: paraphrases share a fact" {
	printf '%s\t%s\n' \
	    'Veltra will close its Ohio plant starting March 3, cutting 400 jobs.' \
	    'The company plans to shut its Ohio factory from March 3, eliminating about 400 positions.' \
	    'Mayor Denise Okafor called the closure a heavy blow for the town.' \
	    'Mayor Denise Okafor said the closure was a heavy blow.' \
	    'No one was hurt, the harbor authority said.' \
	    'Nobody was injured, according to the harbor authority.' > p.tsv
	pairs p.tsv | nmerge > out
	run same out
	assert_output "$(printf '1\n1\n1')"
}

@test "nmerge: sentences that share words but not the claim stay apart" {
	printf '%s\t%s\n' \
	    'Arland banned the pesticide in 2017.' \
	    'Arland banned the pesticide in June.' \
	    'The harbor authority said the ferry was safe.' \
	    'The harbor authority said the ferry was not safe.' \
	    'Veltra shares rose 4 percent after the announcement.' \
	    'Veltra will close its Ohio plant starting March 3.' > p.tsv
	pairs p.tsv | nmerge > out
	run same out
	assert_output "$(printf '0\n0\n0')"
}

# inarticles FILE: the pairs as two articles of two sentences each, a
# story of their own, through nentities and ndates
inarticles() {
	awk -F'\t' -v OFS='\t' 'BEGIN { print "id", "date", "source", "text" }
	    { print "p" NR "a", "2025-03-12", "Outlet A", $1 " The report was first published online."
	      print "p" NR "b", "2025-03-12", "Outlet B", $2 " More details were not given." }' "$1" |
	    nsplit -t | "$BIN/nentities" | "$BIN/ndates" |
	    awk -F'\t' -v OFS='\t' '{ print }
	    $1 == "doc" { s = $2; sub(/[ab]$/, "", s); sub(/^p/, "", s); print "story", s, $2 }'
}

@test "nmerge: in articles, a report that the other contains shares its fact" {
	printf '%s\t%s\n' \
	    'Veltra will close its Ohio plant, cutting 400 jobs.' \
	    'Veltra will close its Ohio plant, cutting 250 jobs.' \
	    'Three workers were injured in the collapse of the Orrin bridge on Monday.' \
	    'The Orrin bridge collapsed on Monday, sending two cars into the river and injuring three workers, officials said.' \
	    'Four workers were hurt when the crane toppled over, the builder said.' \
	    'A crane toppled over at the site on Tuesday and injured four workers, according to police.' \
	    'The Tarsk board, which hired 12 new teachers, said classes would start in new rooms.' \
	    'The Tarsk school board hired 12 new teachers over the summer.' > p.tsv
	inarticles p.tsv | nmerge > out
	run same out
	assert_output "$(printf '1\n1\n1\n1')"
}

@test "nmerge: in articles, sentences that share words but not the claim stay apart" {
	printf '%s\t%s\n' \
	    'Arland banned the pesticide in 2017.' \
	    'Arland banned the pesticide in June.' \
	    'The harbor authority said the ferry was safe.' \
	    'The harbor authority said the ferry was not safe.' \
	    'Veltra shares rose 4 percent after the announcement.' \
	    'Veltra will close its Ohio plant starting March 3.' \
	    'The Kessel River flooded the lower town in 1998.' \
	    'The Kessel River bridge was built in 1931.' \
	    'Mayor Okafor said the city would pay for the repairs.' \
	    'Mayor Okafor said the city had warned the railroad about the bridge.' \
	    'Tarsk police arrested two men on Friday after a robbery at a bank on Main Street.' \
	    'Tarsk police said on Friday that the bank on Main Street would reopen next week.' > p.tsv
	inarticles p.tsv | nmerge > out
	run same out
	assert_output "$(printf '0\n0\n0\n0\n0\n0')"
}

@test "nmerge: two counts of one thing that disagree are one fact, which ncite flags" {
	{
		printf 'id\tdate\tsource\ttext\n'
		printf 'a\t2025-04-05\tOutlet A\tA fire at the Harlow paper mill on Friday injured four workers and forced 200 people from their homes nearby, officials said. The mill has been closed since then.\n'
		printf 'b\t2025-04-05\tOutlet B\tThree workers were hurt in the fire at the Harlow paper mill. The cause is not known.\n'
		printf 'c\t2025-04-05\tOutlet C\tAbout 200 people were evacuated from their homes near the Harlow mill after the fire on Friday. They were allowed back on Saturday.\n'
	} > in.tsv
	nsplit -t in.tsv | "$BIN/nentities" | "$BIN/ndates" | nmerge > out
	# b and c do not match each other, but each matches a: one fact
	run awk -F'\t' '$1 == "fact" && $4 == 1 { f[$2] = f[$2] $3 } END { for (k in f) print f[k] }' out
	assert_output 'abc'
	run "$BIN/ncite" -f md out
	assert_output --partial '## Conflicts'
	assert_output --regexp 'four workers.*Outlet A.* vs .*Three workers.*Outlet B'
}

@test "nmerge: facts that several outlets of a story report" {
	nsplit -t "$D/news.tsv" | "$BIN/nentities" | "$BIN/ndates" | nmerge > out
	run awk -F'\t' '$1 == "fact" { f[$2] = f[$2] " " $3 ":" $4 }
	    END { for (k in f) if (f[k] ~ / .* /) print substr(f[k], 2) }' out
	assert_line 'courier-storm:4 wire-storm:4'
	assert_line 'courier-storm:5 north-storm:1'
	assert_line 'wire-storm:6 north-storm:4'
	assert_line 'courier-vote:1 wire-vote:1'
	assert_line 'courier-vote:4 wire-vote:3'
	refute_line --partial 'wire-vote:4'
	refute_line --partial 'north-storm:5'
}

@test "nmerge: a number joined to its unit by hyphens is the number" {
	printf '%s\t%s\n' \
	    'On Tuesday the Corvan central bank made a 50-basis-point cut to its main rate.' \
	    'The Corvan central bank made a 50 basis point cut to its main rate on Tuesday.' \
	    'On Tuesday the Corvan central bank made a 25-basis-point cut to its main rate.' \
	    'The Corvan central bank made a 50 basis point cut to its main rate on Tuesday.' > p.tsv
	pairs p.tsv | nmerge > out
	run same out
	assert_output "$(printf '1\n0')"
}

@test "nmerge: 3 million, \$3,000,000, \$3-million and 3m are one number" {
	printf '%s\t%s\n' \
	    'The city will spend 3 million dollars on the new Orrin bridge.' \
	    'The city will spend $3,000,000 on the new Orrin bridge.' \
	    'Arland was fined 2.5 million pounds for the spill on Tuesday.' \
	    'Arland was fined £2.5m for the spill on Tuesday.' \
	    'He was released on $1.2-million bail on Friday.' \
	    'He was released on $1.2 million bail on Friday.' \
	    'The city will spend 3 million dollars on the new Orrin bridge.' \
	    'The city will spend $4,000,000 on the new Orrin bridge.' \
	    'The city will spend 2.5 million dollars on the new Orrin bridge.' \
	    'The city will spend 25 million dollars on the new Orrin bridge.' > p.tsv
	pairs p.tsv | nmerge > out
	run same out
	assert_output "$(printf '1\n1\n1\n0\n0')"
}

@test "nmerge: --train reports cross-validation and writes the linear model and its trees" {
	{
		printf 'label\tid1\tid2\tsentence1\tsentence2\n'
		for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
			printf '1\t%s\t%s\tThe mayor of Town%s opened the new bridge on Monday.\tOn Monday the new bridge was opened by the Town%s mayor.\n' "$i" "$i" "$i" "$i"
			printf '0\t%s\t%s\tThe mayor of Town%s opened the new bridge on Monday.\tFloods closed the old road to Town%s for a week.\n' "$i" "$i" "$i" "$i"
		done
	} > train.tsv
	nmerge --train train.tsv > model 2> report
	run grep -c 'accuracy .*, F1 .* at the bar 0\.[0-9][0-9]$' report
	assert_output 1
	run grep -c '^tree' model
	assert_output 100
	run grep -c '^bias \|^align_a \|^bleu_min \|^name_share ' model
	assert_output 4
}

@test "nmerge: a story record right after each doc record" {
	articles | nmerge > out
	run awk -F'\t' '$1 == "doc" { d = $2; getline; if ($1 != "story" || $3 != d) bad++; n++ }
	    END { print n, bad + 0 }' out
	assert_output '8 0'
}

@test "nmerge: articles split into stories by event and time" {
	articles | nmerge > out
	run awk -F'\t' '$1 == "story" { printf "%s=%s ", $3, $2 }' out
	assert_output 'courier-veltra=1 wire-veltra=1 north-veltra=1 courier-ferry=2 wire-ferry=2 north-ferry=2 courier-ceo=3 wire-ceo=3 '
}

@test "nmerge: every record passes through, in order" {
	articles > in
	nmerge in > out
	run diff <(cat in) <(awk -F'\t' '$1 != "story" && $1 != "fact"' out)
	assert_success
}

@test "nmerge: every sentence gets a fact, facts stay within a story" {
	articles | nmerge > out
	run awk -F'\t' '$1 == "sent" { s[$2 "\t" $3] = 1 } $1 == "story" { st[$3] = $2 }
	    $1 == "fact" { f[$3 "\t" $4] = 1; if (($2 in fs) && fs[$2] != st[$3]) bad++; fs[$2] = st[$3] }
	    END { for (k in s) if (!(k in f)) bad++; print bad + 0 }' out
	assert_output '0'
}

@test "nmerge: a fact all three outlets report is one fact of three documents" {
	articles | nmerge > out
	run awk -F'\t' '$1 == "fact" { n[$2]++ } END { for (f in n) if (n[f] == 3) k++; print (k > 0) }' out
	assert_output '1'
}

@test "nmerge: story records of the input are kept" {
	articles | awk -F'\t' -v OFS='\t' '{ print }
	    $1 == "doc" { print "story", ($2 ~ /ferry/ ? 7 : 9), $2 }' > in
	nmerge in > out
	run awk -F'\t' '$1 == "story" { printf "%s ", $2 }' out
	assert_output '9 9 9 7 7 7 9 9 '
	run awk -F'\t' '$1 == "story" { st[$3] = $2 } $1 == "fact" { if (($2 in fs) && fs[$2] != st[$3]) bad++; fs[$2] = st[$3] }
	    END { print bad + 0 }' out
	assert_output '0'
}

@test "nmerge: documents without a story record join the numbering after the input's" {
	articles | awk -F'\t' -v OFS='\t' '{ print } $1 == "doc" && $2 ~ /ferry/ { print "story", 5, $2 }' > in
	nmerge -s in > out
	run awk -F'\t' '$1 == "story" { printf "%s ", $2 }' out
	assert_output '6 6 6 5 5 5 7 7 '
}

@test "nmerge: its own output again gives the same output" {
	articles | nmerge > once
	nmerge once > twice
	run diff once twice
	assert_success
}

@test "nmerge: -s writes no facts, -F only facts" {
	articles > in
	nmerge in > all
	nmerge -s in > s
	nmerge -F in > f
	run diff all <(cat s f)
	assert_success
	run grep -c -v '^fact' f
	assert_output '0'
}

@test "nmerge: deterministic, and the same in every locale" {
	articles > in
	LC_ALL=C nmerge in > a
	LC_ALL=C.UTF-8 nmerge in > b
	nmerge in > c
	run cmp a b
	assert_success
	run cmp b c
	assert_success
}

@test "nmerge: several files and - give the output of one stream" {
	articles > in
	head -n 20 in > one
	tail -n +21 in > two
	head -n 21 in | tail -n 1 | grep -q '^doc'
	nmerge in > whole
	nmerge one - < two > parts
	run cmp whole parts
	assert_success
}

@test "nmerge: the parallel recipe of nmerge(1) gives a single run's output" {
	command -v parallel > /dev/null || skip "GNU parallel is not installed"
	articles > in
	nmerge in > serial
	# the recipe, as the manual gives it
	tab=$(printf '\t')
	nmerge -s in > storied
	awk -F'\t' -v OFS='\t' '$1 == "doc" { d = $0; next }
	    d != "" && $1 == "story" { s = $2; print s, d; d = "" }
	    s != "" { print s, $0 }' storied |
	    LC_ALL=C sort -s -t "$tab" -k1,1n |
	    parallel --pipe --group-by 1 --colsep '\t' -k -j 2 \
	    "cut -f 2- | '$BIN/nmerge' -F" > facts.raw
	awk -F'\t' -v OFS='\t' 'NR == FNR { if ($1 == "story") st[$3] = $2; next }
	    { k = st[$3] SUBSEP $2; if (!(k in id)) id[k] = ++n; $2 = id[k]; print }' \
	    storied facts.raw > facts
	cat storied facts > parallel
	run diff serial parallel
	assert_success
}

@test "nmerge: empty input, empty output" {
	run --separate-stderr nmerge < /dev/null
	assert_success
	assert_output ''
	assert_equal "$stderr" ''
}

@test "nmerge: a last line without a newline is a record" {
	articles > in
	printf '%s' "$(cat in)" > nonl
	nmerge in > a
	nmerge nonl > b
	run cmp a b
	assert_success
}

@test "nmerge: CRLF input gives the LF output" {
	articles > in
	sed 's/$/\r/' in > crlf
	nmerge in > a
	nmerge crlf > b
	run cmp a b
	assert_success
}

@test "nmerge: a malformed record is named with file and line, exit 1" {
	articles > in
	printf 'sent\tx\tone\t0\t1\tA\n' >> in
	n=$(wc -l < in)
	run --separate-stderr nmerge in
	assert_failure 1
	assert_equal "$stderr" "nmerge: in:$((n)): sent record: field 3 is not a number"
}

@test "nmerge: NUL bytes make a record malformed" {
	printf 'doc\td\t\t\t\t\nsent\td\t1\t0\t3\tA\0B\n' > in
	run --separate-stderr nmerge in
	assert_failure 1
	assert_equal "$stderr" 'nmerge: in:2: NUL byte in record'
}

@test "nmerge: invalid UTF-8 passes through" {
	printf 'doc\td\t\t\t\t\nsent\td\t1\t0\t9\tBad \377\376 bytes.\n' > in
	run --separate-stderr nmerge in
	assert_success
	assert_line --index 1 'story	1	d'
	assert_line --index 2 "$(printf 'sent\td\t1\t0\t9\tBad \377\376 bytes.')"
	assert_line --index 3 'fact	1	d	1	1.000'
}

@test "nmerge: a very long line" {
	{ printf 'doc\td\t\t\t\t\nsent\td\t1\t0\t999999\t'
	  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "word%d ", i % 977; print "end." }'
	} > in
	run --separate-stderr nmerge in
	assert_success
	assert_line --index 3 'fact	1	d	1	1.000'
}

@test "nmerge: a write error fails" {
	articles > in
	run --separate-stderr bash -c "'$BIN/nmerge' in > /dev/full"
	assert_failure 1
	assert_equal "$stderr" 'nmerge: stdout: No space left on device'
}

@test "nmerge: | head -1 ends quietly" {
	articles > in
	run --separate-stderr bash -c "'$BIN/nmerge' in | head -1"
	assert_success
	assert_equal "$stderr" ''
}

@test "nmerge: usage, -h and --version" {
	run --separate-stderr nmerge -x
	assert_failure 2
	assert_equal "${stderr_lines[1]}" 'usage: nmerge [-F | -s] [-d days] [-f min] [-k min] [file ...]'
	run --separate-stderr nmerge -h
	assert_failure 2
	run nmerge --version
	assert_success
	assert_output --regexp '^nmerge [0-9]'
	run --separate-stderr nmerge -f 2
	assert_failure 2
	run --separate-stderr nmerge no-such-file
	assert_failure 1
	assert_equal "$stderr" 'nmerge: no-such-file: No such file or directory'
}
