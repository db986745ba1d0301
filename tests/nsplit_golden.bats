#!/usr/bin/env bats
# The "golden rules" of English sentence segmentation (the phenomena
# pySBD and pragmatic_segmenter test), written anew for this project in
# tests/data/golden.tsv: id, text, and the expected sentences joined by
# " ||| ".  nsplit -t splits them all at once; each rule is one test.

load common

GOLDEN=$DATA/golden.tsv

setup_file() {
	{ printf 'id\ttext\n'; cut -f1,2 "$DATA/golden.tsv"; } |
	    "$NSPLIT" -t > "$BATS_FILE_TMPDIR/golden.out"
}

# golden ID: nsplit's sentences for rule ID are the expected ones.
golden() {
	local want got text
	text=$(awk -F'\t' -v id="$1" '$1 == id { print $2 }' "$GOLDEN")
	want=$(awk -F'\t' -v id="$1" '$1 == id {
		n = split($3, a, / [|][|][|] /)
		for (i = 1; i <= n; i++) print a[i] }' "$GOLDEN")
	[ -n "$want" ] || fail "no rule $1 in $GOLDEN"
	got=$(awk -F'\t' -v id="$1" '$1 == "sent" && $2 == id { print $6 }' \
	    "$BATS_FILE_TMPDIR/golden.out")
	if [ "$got" != "$want" ]; then
		printf 'rule %s\ninput:\n  %s\nwant:\n%s\ngot:\n%s\n' "$1" \
		    "$text" "$(printf '%s\n' "$want" | sed 's/^/  /')" \
		    "$(printf '%s\n' "$got" | sed 's/^/  /')" |
		    fail
	fi
}

@test "golden.tsv: three fields a line, unique ids, a test for each" {
	run awk -F'\t' 'NF != 3 { print FILENAME ":" NR ": " NF " fields" }
	    seen[$1]++ { print FILENAME ":" NR ": id " $1 " again" }' "$GOLDEN"
	assert_output ""
	[ "$(wc -l < "$GOLDEN")" -ge 48 ]
	cut -f1 "$GOLDEN" | while read -r id; do
		grep -q "^@test \"golden $id\"" "$BATS_TEST_FILENAME" ||
		    fail "rule $id has no test"
	done
}

@test "golden.tsv: the expected sentences are the text, cut up" {
	run awk -F'\t' '{ e = $3; gsub(/ [|][|][|] /, " ", e)
	    if (e != $2) print NR ": " $1 }' "$GOLDEN"
	assert_output ""
}

@test "golden: offsets of every rule cut back to the text" {
	{ printf 'id\ttext\n'; cut -f1,2 "$GOLDEN"; } > "$BATS_TEST_TMPDIR/g.tsv"
	offsets_ok -t "$BATS_TEST_TMPDIR/g.tsv"
}

@test "golden 01-simple-period" {
	golden 01-simple-period
}

@test "golden 02-question-mark" {
	golden 02-question-mark
}

@test "golden 03-exclamation-mark" {
	golden 03-exclamation-mark
}

@test "golden 04-one-letter-upper-abbrev" {
	golden 04-one-letter-upper-abbrev
}

@test "golden 05-one-letter-lower-abbrev" {
	golden 05-one-letter-lower-abbrev
}

@test "golden 06-two-letter-lower-abbrev-mid" {
	golden 06-two-letter-lower-abbrev-mid
}

@test "golden 07-two-letter-upper-abbrev-mid" {
	golden 07-two-letter-upper-abbrev-mid
}

@test "golden 08-two-letter-lower-abbrev-end" {
	golden 08-two-letter-lower-abbrev-end
}

@test "golden 09-two-letter-upper-abbrev-end" {
	golden 09-two-letter-upper-abbrev-end
}

@test "golden 10-prepositive-abbrev" {
	golden 10-prepositive-abbrev
}

@test "golden 11-prepositive-postpositive-abbrev" {
	golden 11-prepositive-postpositive-abbrev
}

@test "golden 12-possessive-abbrev" {
	golden 12-possessive-abbrev
}

@test "golden 13-multi-period-abbrev-mid" {
	golden 13-multi-period-abbrev-mid
}

@test "golden 14-multi-period-abbrev-end" {
	golden 14-multi-period-abbrev-end
}

@test "golden 15-us-boundary" {
	golden 15-us-boundary
}

@test "golden 16-us-not-boundary-capital" {
	golden 16-us-not-boundary-capital
}

@test "golden 17-us-not-boundary" {
	golden 17-us-not-boundary
}

@test "golden 18-am-pm" {
	golden 18-am-pm
}

@test "golden 19-number-not-boundary" {
	golden 19-number-not-boundary
}

@test "golden 20-number-boundary" {
	golden 20-number-boundary
}

@test "golden 21-parenthetical" {
	golden 21-parenthetical
}

@test "golden 22-email-address" {
	golden 22-email-address
}

@test "golden 23-web-address" {
	golden 23-web-address
}

@test "golden 24-single-quote-inside" {
	golden 24-single-quote-inside
}

@test "golden 25-double-quote-inside" {
	golden 25-double-quote-inside
}

@test "golden 26-double-quote-end" {
	golden 26-double-quote-end
}

@test "golden 27-double-exclamation" {
	golden 27-double-exclamation
}

@test "golden 28-double-question" {
	golden 28-double-question
}

@test "golden 29-exclamation-question" {
	golden 29-exclamation-question
}

@test "golden 30-question-exclamation" {
	golden 30-question-exclamation
}

@test "golden 31-list-period-paren-no-end" {
	golden 31-list-period-paren-no-end
}

@test "golden 32-list-period-paren-end" {
	golden 32-list-period-paren-end
}

@test "golden 33-list-paren-no-end" {
	golden 33-list-paren-no-end
}

@test "golden 34-list-paren-end" {
	golden 34-list-paren-end
}

@test "golden 35-list-period-no-end" {
	golden 35-list-period-no-end
}

@test "golden 36-list-period-end" {
	golden 36-list-period-end
}

@test "golden 37-list-bullet" {
	golden 37-list-bullet
}

@test "golden 38-list-hyphen-bullet" {
	golden 38-list-hyphen-bullet
}

@test "golden 39-list-alphabetical" {
	golden 39-list-alphabetical
}

@test "golden 40-geo-coordinates" {
	golden 40-geo-coordinates
}

@test "golden 41-named-entity-exclamation" {
	golden 41-named-entity-exclamation
}

@test "golden 42-i-boundary-and-initial" {
	golden 42-i-boundary-and-initial
}

@test "golden 43-ellipsis-end-of-quotation" {
	golden 43-ellipsis-end-of-quotation
}

@test "golden 44-ellipsis-square-brackets" {
	golden 44-ellipsis-square-brackets
}

@test "golden 45-ellipsis-boundary-standard" {
	golden 45-ellipsis-boundary-standard
}

@test "golden 46-ellipsis-boundary-nonstandard" {
	golden 46-ellipsis-boundary-nonstandard
}

@test "golden 47-ellipsis-not-boundary" {
	golden 47-ellipsis-not-boundary
}

@test "golden 48-ellipsis-four-dot" {
	golden 48-ellipsis-four-dot
}
