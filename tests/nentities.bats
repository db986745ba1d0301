#!/usr/bin/env bats
# nentities: tagging, keys, pass-through, malformed records, and the
# checklist of STYLE.md.  The articles in tests/data/nentities are
# invented for these tests.

load common
bats_require_minimum_version 1.5.0

NENT=${NENT:-$BIN/nentities}
ND=$DATA/nentities

setup() {
	common_setup
	export LC_ALL=C.UTF-8
}

nentities() { "$NENT" "$@"; }

# the stream of the three sample articles
stream() { "$NSPLIT" "$ND/plant.txt" "$ND/rates.txt" "$ND/trade.txt"; }

# ent records of $output as "TYPE|KEY|TEXT"
ents() {
	printf '%s\n' "$output" | awk -F'\t' -v OFS='|' \
	    '$1 == "ent" { print $6, $7, $8 }'
}

# the KEY of the first mention whose TEXT is $1 (in sentence $2 if given)
key_of() {
	printf '%s\n' "$output" | awk -F'\t' -v t="$1" -v n="${2:-}" \
	    '$1 == "ent" && $8 == t && (n == "" || $3 == n) { print $7; exit }'
}

# one sent record: sent_rec DOC N START TEXT (END from TEXT's length)
sent_rec() {
	printf 'sent\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" \
	    "$(( $3 + $(printf '%s' "$4" | wc -c) ))" "$4"
}

@test "nentities: people, organisations and places in a sentence" {
	run --separate-stderr nentities <<-EOF
	doc	d1	2025-01-02			
	$(sent_rec d1 1 0 'Maria Lindqvist, the head of Norvale Holdings Inc., flew from Paris to Chicago on Monday.')
	EOF
	assert_success
	assert_equal "$stderr" ""
	run ents
	assert_line 'PER|Maria Lindqvist|Maria Lindqvist'
	assert_line 'ORG|Norvale Holdings Inc.|Norvale Holdings Inc.'
	assert_line 'LOC|Paris|Paris'
	assert_line 'LOC|Chicago|Chicago'
	refute_line --partial 'Monday'
}

@test "nentities: MISC for nationalities and events" {
	run --separate-stderr nentities <<-EOF
	doc	d1	2025-01-02			
	$(sent_rec d1 1 0 'The German minister said the World Cup would bring many French and Italian fans.')
	EOF
	assert_success
	run ents
	assert_line 'MISC|German|German'
	assert_line 'MISC|French|French'
	assert_line 'MISC|Italian|Italian'
}

@test "nentities: ent records follow their sent record with byte offsets" {
	run --separate-stderr nentities <<-EOF
	doc	d1	2025-01-02			
	$(sent_rec d1 1 100 'Prices in Zürich rose, said Jürgen Weber.')
	$(sent_rec d1 2 142 'He works in Geneva.')
	EOF
	assert_success
	run awk -F'\t' '{ print $1, $3, $4, $5, $8 }' <<<"$output"
	assert_line --index 0 --partial 'doc'
	assert_line --index 1 --partial 'sent 1 100'
	assert_line --index 2 'ent 1 110 117 Zürich'
	assert_line --index 3 'ent 1 129 142 Jürgen Weber'
	assert_line --index 4 --partial 'sent 2 142'
	assert_line --index 5 'ent 2 154 160 Geneva'
}

@test "nentities: offsets point at the text in the documents" {
	stream | nentities > out
	# every ent TEXT is the bytes START..END of its file
	while IFS=$'\t' read -r kind doc n start end type key text; do
		[ "$kind" = ent ] || continue
		got=$(dd if="$doc" bs=1 skip="$start" count=$((end - start)) \
		    2>/dev/null)
		assert_equal "$got" "$text"
	done < out
}

@test "nentities: records of other kinds pass through unchanged, in order" {
	cat > in <<-EOF
	# a comment
	doc	d1	2025-01-02	src	title	url
	mykind	anything	at	all
	$(sent_rec d1 1 0 'Shares of Boeing Co. fell in Denver.')
	time	d1	1	0	4	DATE	2025	x
	other
	EOF
	run --separate-stderr nentities in
	assert_success
	run grep -v '^ent' <<<"$output"
	assert_equal "$output" "$(cat in)"
}

@test "nentities: ent records in the input are replaced" {
	{ stream | nentities; } > once
	nentities once > twice
	run diff -u once twice
	assert_success
}

@test "nentities: a malformed record names file and line, exits 1" {
	cat > bad <<-EOF
	doc	d1	2025-01-02			
	$(sent_rec d1 1 0 'Shares of Boeing Co. fell in Denver.')
	sent	d1	2	x	y	Bad offsets.
	sent	d1	3	10
	$(sent_rec d1 4 50 'Shares of Airbus SE rose.')
	EOF
	run --separate-stderr nentities bad
	assert_failure 1
	[[ "$stderr" == *"nentities: bad:3: sent record: field 4 is not a number"* ]]
	[[ "$stderr" == *"nentities: bad:4: sent record has 4 fields, expected 6"* ]]
	# the good records are still tagged
	run ents
	assert_line 'ORG|Boeing Co.|Boeing Co.'
	assert_line 'ORG|Airbus SE|Airbus SE'
}

@test "nentities: a bad escape in the text is malformed" {
	printf 'doc\td\t\t\t\t\nsent\td\t1\t0\t9\tbad \\q esc\n' > bad
	run --separate-stderr nentities bad
	assert_failure 1
	assert_equal "$stderr" 'nentities: bad:2: sent record: field 6: bad escape'
}

@test "nentities: empty input gives empty output" {
	run --separate-stderr nentities < /dev/null
	assert_success
	assert_output ''
	assert_equal "$stderr" ''
}

@test "nentities: a last line without a newline is a record" {
	stream | nentities > want
	stream | head -c -1 | nentities > got
	run diff -u want got
	assert_success
}

@test "nentities: several files and - read in order" {
	"$NSPLIT" "$ND/plant.txt" > a
	"$NSPLIT" "$ND/rates.txt" > b
	"$NSPLIT" "$ND/trade.txt" > c
	cat a b c | nentities > want
	nentities a - c < b > got
	run diff -u want got
	assert_success
}

@test "nentities: the input cut at document starts gives the same output" {
	stream > all
	nentities all > want
	awk '/^doc\t/ { n++ } { print > ("piece" n) }' all
	for p in piece*; do nentities "$p"; done > got
	run diff -u want got
	assert_success
}

@test "nentities: CRLF line ends read as LF" {
	stream > lf
	sed 's/$/\r/' lf > crlf
	nentities lf > want
	nentities crlf > got
	run diff -u want got
	assert_success
}

@test "nentities: invalid UTF-8 passes through" {
	printf 'doc\td\t\t\t\t\nsent\td\t1\t0\t30\tMaria \377\376 met Tom Berg in Oslo\n' > in
	run --separate-stderr nentities in
	assert_success
	assert_line --index 1 "$(sed -n 2p in)"
	run ents
	assert_line 'LOC|Oslo|Oslo'
}

@test "nentities: a NUL byte makes the record malformed" {
	printf 'doc\td\t\t\t\t\nsent\td\t1\t0\t9\tOslo\000x\nsent\td\t2\t10\t14\tOslo\n' > in
	run --separate-stderr nentities in
	assert_failure 1
	assert_equal "$stderr" 'nentities: in:2: NUL byte in record'
	assert_line --index 1 $'sent\td\t2\t10\t14\tOslo'
}

@test "nentities: a very long line" {
	{
		printf 'doc\td\t\t\t\t\nsent\td\t1\t0\t%d\t' 1100000
		for i in $(seq 20000); do printf 'Ana Silva met Tom in Lisbon. '; done
		printf '\n'
	} > long
	run --separate-stderr nentities long
	assert_success
	assert_equal "$(grep -c '^ent.*LOC.Lisbon' <<<"$output")" 20000
}

@test "nentities: the same output under LC_ALL=C and C.UTF-8" {
	stream > in
	LC_ALL=C nentities in > c
	LC_ALL=C.UTF-8 nentities in > u
	run diff -u c u
	assert_success
}

@test "nentities: a write error fails" {
	stream > in
	run --separate-stderr bash -c '"$0" in > /dev/full' "$NENT"
	assert_failure 1
	[[ "$stderr" == *"nentities: stdout"* ]]
}

@test "nentities: | head -1 ends quietly" {
	stream > one
	for i in $(seq 300); do cat one; done > in
	run --separate-stderr bash -c '"$0" in | head -1' "$NENT"
	assert_success
	assert_equal "$stderr" ''
	assert_output --partial 'doc'
}

@test "nentities: usage, -h and --version" {
	run --separate-stderr nentities -h
	assert_failure 2
	[[ "$stderr" == usage:* ]]
	run --separate-stderr nentities --bogus
	assert_failure 2
	run --separate-stderr nentities --version
	assert_success
	assert_output --regexp '^nentities [0-9]'
	run --separate-stderr nentities -o x
	assert_failure 2
}

@test "nentities: -m loads a model; a bad one is an error" {
	run --separate-stderr nentities -m /nonexistent < /dev/null
	assert_failure 1
	[[ "$stderr" == "nentities: /nonexistent: "* ]]
	printf 'not a model' > bad.model
	run --separate-stderr nentities -m bad.model < /dev/null
	assert_failure 1
	assert_equal "$stderr" 'nentities: bad.model: not a model file'
}

@test "nentities: --train builds a model that -m loads" {
	cat > tiny.conll <<-EOF
	-DOCSTART- -X- O O

	Ana NNP I-NP I-PER
	Silva NNP I-NP I-PER
	visited VBD I-VP O
	Lisbon NNP I-NP I-LOC
	. . O O

	Tom NNP I-NP I-PER
	works VBZ I-VP O
	for IN I-PP O
	Quilbo NNP I-NP I-ORG
	Corp NNP I-NP I-ORG
	. . O O
	EOF
	run --separate-stderr nentities --train --epochs 5 -o tiny.model tiny.conll
	assert_success
	[ -s tiny.model ]
	run --separate-stderr nentities -m tiny.model <<-EOF
	$(sent_rec d 1 0 'Ana Silva visited Lisbon .')
	EOF
	assert_success
	run ents
	assert_line 'PER|Ana Silva|Ana Silva'
	assert_line 'LOC|Lisbon|Lisbon'
}

@test "nentities: training is reproducible" {
	for i in 1 2 3; do
		printf 'Ana NNP I-NP I-PER\nSilva NNP I-NP I-PER\nvisited VBD I-VP O\nLisbon NNP I-NP I-LOC\n\n'
		printf 'Quilbo NNP I-NP I-ORG\nCorp NNP I-NP I-ORG\nhired VBD I-VP O\nTom NNP I-NP I-PER\n\n'
	done > tiny.conll
	nentities --train --epochs 3 -o a.model tiny.conll
	nentities --train --epochs 3 -o - tiny.conll > b.model
	cmp a.model b.model
}

@test "nentities: tags CoNLL-2003 dev at F1 >= 88 (when the data is here)" {
	d=$ROOT/../shared/data/ner
	[ -f "$d/dev_docs.tsv" ] && command -v python3 > /dev/null ||
	    skip "no ../shared/data/ner"
	{ printf 'id\ttext\n'; cat "$d/dev_docs.tsv"; } | "$NSPLIT" -t -l |
	    nentities | awk -F'\t' -v OFS='\t' \
	    '$1 == "ent" { print $2, $4, $5, $6, $8 }' > pred
	run python3 "$d/score.py" "$d/dev_gold.tsv" pred
	assert_success
	f1=$(awk '$1 == "ALL" { print $7 }' <<<"$output")
	[ "${f1%.*}" -ge 88 ]
}

# ---- keys ----

keys_stream() { "$NSPLIT" "$ND/keys1.txt" "$ND/keys2.txt" | nentities; }

@test "keys: possessives and articles are stripped" {
	run keys_stream
	assert_equal "$(key_of Boeing 3)" 'Boeing'
	assert_equal "$(key_of 'Office of Coastal Planning')" \
	    'Office of Coastal Planning'
}

@test "keys: a surname after the full name takes its key" {
	run keys_stream
	assert_equal "$(key_of Ortberg)" 'Robert Ortberg'
	stream > in
	run nentities in
	assert_equal "$(key_of Okafor)" 'Daniel Okafor'
	assert_equal "$(key_of Hendricks)" 'Paul Hendricks'
}

@test "keys: an acronym defined in passing takes the long form's key" {
	run keys_stream
	# in its document, and in a later one that does not define it
	run awk -F'\t' '$1 == "ent" && $8 == "OCP" { print $2 ":" $7 }' \
	    <<<"$output"
	assert_line --index 0 --regexp 'keys1.txt:Office of Coastal Planning$'
	assert_line --index 1 --regexp 'keys1.txt:Office of Coastal Planning$'
	assert_line --index 2 --regexp 'keys2.txt:Office of Coastal Planning$'
}

@test "keys: an acronym two long forms defined is ambiguous later on" {
	cat > in <<-EOF
	doc	d1				
	$(sent_rec d1 1 0 'The Office of Coastal Planning (OCP) opened a branch in Portland.')
	doc	d2				
	$(sent_rec d2 1 0 'The Ontario Cycling Partnership (OCP) opened a branch in Toronto.')
	doc	d3				
	$(sent_rec d3 1 0 'Residents criticised the OCP on Tuesday.')
	EOF
	run --separate-stderr nentities in
	assert_success
	run awk -F'\t' '$1 == "ent" && $8 == "OCP" { print $2 ":" $7 }' \
	    <<<"$output"
	assert_line --index 0 'd1:Office of Coastal Planning'
	assert_line --index 1 'd2:Ontario Cycling Partnership'
	assert_line --index 2 'd3:OCP'
}

@test "keys: aliases of the United States, the United Kingdom, Justice Department" {
	run keys_stream
	assert_equal "$(key_of 'Justice Department')" 'Department of Justice'
	assert_equal "$(key_of 'U.S. Department of Justice')" \
	    'Department of Justice'
	assert_equal "$(key_of Britain)" 'United Kingdom'
	stream > in
	run nentities in
	assert_equal "$(key_of U.S.)" 'United States'
	assert_equal "$(key_of US)" 'United States'
	assert_equal "$(key_of 'United States')" 'United States'
	assert_equal "$(key_of U.K.)" 'United Kingdom'
	assert_equal "$(key_of UK)" 'United Kingdom'
	assert_equal "$(key_of 'U.S. Justice Department')" \
	    'Department of Justice'
	assert_equal "$(key_of 'Department of Justice')" \
	    'Department of Justice'
	assert_equal "$(key_of 'Commerce Department')" \
	    'Department of Commerce'
}

@test "keys: a name in capitals takes the key of its mixed-case form" {
	stream > in
	run nentities in
	assert_equal "$(key_of FRANKFURT)" 'Frankfurt'
	assert_equal "$(key_of WASHINGTON)" 'Washington'
}

@test "keys: a person never shares a key with an organisation" {
	run keys_stream
	assert_equal "$(key_of 'Michael Dell')" 'Michael Dell'
	assert_equal "$(key_of 'Dell Inc.')" 'Dell Inc.'
	assert_equal "$(key_of Gomez)" 'Gomez (person)'
	# no key is both a PER's and an ORG's
	{ keys_stream; stream | nentities; } > all
	run awk -F'\t' '$1 == "ent" && ($6 == "PER" || $6 == "ORG") {
		t[$7] = t[$7] == "" || t[$7] == $6 ? $6 : "both" }
	    END { for (k in t) if (t[k] == "both") print k }' all
	assert_output ''
}

@test "keys: titles are not names; later documents remember names" {
	cat > in <<-EOF
	doc	d1				
	$(sent_rec d1 1 0 'Mayor Denise Okafor of Carrow Falls met officials of Tristate Freight Lines Inc. on Monday.')
	doc	d2				
	$(sent_rec d2 1 0 'CARROW FALLS, Ohio (Wire) - The town will rebuild the bridge, Mayor Okafor said on Tuesday.')
	$(sent_rec d2 2 95 'A spokesman for Tristate said the company would pay for the repairs.')
	EOF
	run --separate-stderr nentities in
	assert_success
	# the title is left out of the span
	assert_line $'ent\td1\t1\t6\t19\tPER\tDenise Okafor\tDenise Okafor'
	assert_equal "$(key_of Okafor)" 'Denise Okafor'
	assert_equal "$(key_of 'CARROW FALLS')" 'Carrow Falls'
	assert_equal "$(key_of Tristate)" 'Tristate Freight Lines Inc.'
}
