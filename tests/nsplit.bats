#!/usr/bin/env bats
# nsplit: STYLE.md's checklist, the options, and the document parts.

load common

setup() {
	common_setup
	# a plain article: headline, dateline, two paragraphs
	printf '%s\n' 'Crane Falls Into Harbor' '' \
	    'PORT ELLIS (Ledger Wire) — A loading crane fell into the water on Sunday. No one was hurt.' \
	    '' 'Engineers will inspect the other cranes. The port stays open.' \
	    > a.txt
	printf 'The vote was delayed. Members left early.\n' > b.txt
	printf 'Rain closed the fair on Friday. It reopens today.\n' > c.txt
}

@test "empty input: a doc record and no sentences" {
	run --separate-stderr nsplit < /dev/null
	assert_success
	assert_output "$(printf 'doc\t-\t\t\t\t')"
	assert_equal "$stderr" ""
	: > empty.txt
	run --separate-stderr nsplit empty.txt
	assert_success
	assert_output "$(printf 'doc\tempty.txt\t\t\t\t')"
}

@test "blank lines only: a doc record and no sentences" {
	printf '\n  \n\t\n\n' > blank.txt
	run --separate-stderr nsplit blank.txt
	assert_success
	assert_output "$(printf 'doc\tblank.txt\t\t\t\t')"
}

@test "no final newline: the last sentence still comes out" {
	printf 'The vote was delayed. Members left early.' > nonl.txt
	run --separate-stderr nsplit nonl.txt
	assert_success
	assert_line --index 2 "$(printf 'sent\tnonl.txt\t2\t22\t41\tMembers left early.')"
	nsplit nonl.txt | tail -c 1 | od -An -c | grep -q '\\n'
	nsplit b.txt | sed 's/b\.txt/nonl.txt/' > want
	nsplit nonl.txt > got
	diff -u want got
}

@test "output lines end with a newline" {
	nsplit b.txt > out
	[ "$(tail -c 1 out | od -An -tx1 | tr -d ' ')" = 0a ]
}

@test "- is standard input, among several files in order" {
	run --separate-stderr nsplit b.txt - c.txt < a.txt
	assert_success
	assert_equal "$(records doc | cut -d'|' -f2 | tr '\n' ' ')" "b.txt - c.txt "
	# stdin's document is the same as the file's, under the id -
	nsplit - < a.txt | sed 's/^\([a-z]*\)\t-\t/\1\ta.txt\t/' > got
	nsplit a.txt > want
	diff -u want got
}

@test "no file: standard input, DOC -" {
	run --separate-stderr nsplit < b.txt
	assert_success
	assert_line --index 0 "$(printf 'doc\t-\t\t\t\t')"
	assert_line --index 1 "$(printf 'sent\t-\t1\t0\t21\tThe vote was delayed.')"
}

@test "sentences and exact offsets" {
	run --separate-stderr nsplit b.txt
	assert_success
	assert_output "$(printf 'doc\tb.txt\t\t\t\t\nsent\tb.txt\t1\t0\t21\tThe vote was delayed.\nsent\tb.txt\t2\t22\t41\tMembers left early.')"
}

@test "offsets: every sentence cuts back from the original bytes" {
	printf 'First line of a\nparagraph  that   wraps.\tTabs too.\n\n\n  Indented start. \xc2\xa0Spaced out.\n' > ws.txt
	offsets_ok a.txt b.txt c.txt ws.txt
	offsets_ok "$DATA"/sample/*.txt
}

@test "fold records: where TEXT folded more than one byte of white space" {
	printf 'One  long\n\tsentence here.\r\nA\xc2\xa0no-break space. Plain one.\n' > fold.txt
	run --separate-stderr nsplit fold.txt
	assert_success
	assert_output "$(printf 'doc\tfold.txt\t\t\t\t\nsent\tfold.txt\t1\t0\t25\tOne long sentence here.\nfold\tfold.txt\t1\t3:2,8:2\nsent\tfold.txt\t2\t27\t45\tA no-break space.\nfold\tfold.txt\t2\t1:2\nsent\tfold.txt\t3\t46\t56\tPlain one.')"
	offsets_ok fold.txt
}

@test "offsets: TEXT folds white space runs to one space" {
	printf 'Start.\n\nOne  long\n\tsentence  here.\n' > fold.txt
	run --separate-stderr nsplit fold.txt
	assert_line --index 2 "$(printf 'sent\tfold.txt\t2\t8\t34\tOne long sentence here.')"
}

@test "-t: header columns in any order, unknown ones ignored" {
	printf 'url\tnotes\ttext\tsource\tid\ttitle\tdate\n' > t.tsv
	printf 'http://x.example/1\twhatever\tOne here. Two here.\tThe Ledger\td1\tA Title\t2025-03-12\n' >> t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_success
	assert_equal "$stderr" ""
	assert_output "$(printf 'doc\td1\t2025-03-12\tThe Ledger\tA Title\thttp://x.example/1\nsent\td1\t1\t0\t9\tOne here.\nsent\td1\t2\t10\t19\tTwo here.')"
}

@test "-t: column names are matched without regard to case" {
	printf 'ID\tText\nx1\tOne here.\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_success
	assert_line --index 0 "$(printf 'doc\tx1\t\t\t\t')"
}

@test "-t: without an id column DOC is file:line" {
	printf 'text\nOne here.\n\nTwo here.\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_success
	assert_line --index 0 "$(printf 'doc\tt.tsv:2\t\t\t\t')"
	assert_line --index 2 "$(printf 'doc\tt.tsv:4\t\t\t\t')"
}

@test "-t: no text column is a clear error, exit 1; other files go on" {
	printf 'id\ttitle\nd1\tA title\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_failure 1
	assert_output ""
	[[ "$stderr" == "nsplit: t.tsv:1: header row has no text column"* ]]
	printf 'id\ttext\nd2\tOne.\n' > u.tsv
	run --separate-stderr nsplit -t t.tsv u.tsv
	assert_failure 1
	[[ "$stderr" == "nsplit: t.tsv:1: header row has no text column"* ]]
	assert_output "$(printf 'doc\td2\t\t\t\t\nsent\td2\t1\t0\t4\tOne.')"
}

@test "-t: a row with the wrong field count is named, the others come out" {
	printf 'id\ttext\nd1\tFirst doc.\nd2 lost its tab\nd3\tThird doc.\td3 extra\nd4\tFourth doc.\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_failure 1
	assert_equal "$(records doc | cut -d'|' -f2 | tr '\n' ' ')" "d1 d4 "
	[[ "$stderr" == *"nsplit: t.tsv:3: "* ]]
	[[ "$stderr" == *"nsplit: t.tsv:4: "* ]]
	assert_equal "$(printf '%s\n' "$stderr" | wc -l)" 2
}

@test "-t: a bad escape is named with file:line, the others come out" {
	printf 'id\ttext\nd1\tBad \\q escape.\nd2\tTrailing \\\nd3\tGood \\\\ one.\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_failure 1
	assert_equal "$(records doc | cut -d'|' -f2)" d3
	assert_line --index 1 "$(printf 'sent\td3\t1\t0\t11\tGood \\\\ one.')"
	[[ "$stderr" == *'nsplit: t.tsv:2: '*'\q'* ]]
	[[ "$stderr" == *'nsplit: t.tsv:3: '* ]]
}

@test "-t: escapes in the text; offsets count unescaped bytes" {
	printf 'id\ttext\nd1\tTab\\there. Next line\\nhere.\\n\\nNew para\\\\graph.\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_success
	assert_output "$(printf 'doc\td1\t\t\t\t\nsent\td1\t1\t0\t9\tTab here.\nsent\td1\t2\t10\t25\tNext line here.\nsent\td1\t3\t27\t42\tNew para\\\\graph.')"
	offsets_ok -t t.tsv
}

@test "-t: an empty text field is a doc with no sentences" {
	printf 'id\ttext\nd1\t\nd2\tOne.\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_success
	assert_line --index 0 "$(printf 'doc\td1\t\t\t\t')"
	assert_line --index 1 "$(printf 'doc\td2\t\t\t\t')"
}

@test "-t: a header and no rows, or no input at all, give no output" {
	printf 'id\ttext\n' > t.tsv
	: > empty.tsv
	run --separate-stderr nsplit -t t.tsv empty.tsv
	assert_success
	assert_output ""
	assert_equal "$stderr" ""
}

@test "-t: a date column in another form is read, a bad one named" {
	printf 'id\tdate\ttext\nd1\tMarch 12, 2025\tOne.\nd2\t2025-02-30\tTwo.\n' > t.tsv
	run --separate-stderr nsplit -t -d 2025-01-01 t.tsv
	assert_failure 1
	assert_line --index 0 "$(printf 'doc\td1\t2025-03-12\t\t\t')"
	assert_line --index 2 "$(printf 'doc\td2\t2025-01-01\t\t\t')"
	[[ "$stderr" == "nsplit: t.tsv:3: "*2025-02-30* ]]
}

@test "-t: CRLF rows" {
	printf 'id\ttext\r\nd1\tOne here. Two here.\r\nd2\tThree.\r\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_success
	assert_output "$(printf 'doc\td1\t\t\t\t\nsent\td1\t1\t0\t9\tOne here.\nsent\td1\t2\t10\t19\tTwo here.\ndoc\td2\t\t\t\t\nsent\td2\t1\t0\t6\tThree.')"
}

@test "CRLF text: same sentences, offsets exact, no CR in TEXT" {
	sed 's/$/\r/' a.txt > crlf.txt
	nsplit a.txt | awk -F'\t' '{ print $1, $NF }' > want
	nsplit crlf.txt | awk -F'\t' '{ print $1, $NF }' > got
	diff -u want got
	run --separate-stderr nsplit crlf.txt
	assert_success
	refute_output --partial $'\r'
	refute_output --partial '\r'
	offsets_ok crlf.txt
}

@test "CRLF text with a header block" {
	printf 'Title: A Title\r\nSource: The Ledger\r\n\r\nOne here. Two here.\r\n' > h.txt
	run --separate-stderr nsplit h.txt
	assert_success
	assert_line --index 0 "$(printf 'doc\th.txt\t\tThe Ledger\tA Title\t')"
	assert_line --index 1 "$(printf 'sent\th.txt\t1\t38\t47\tOne here.')"
	offsets_ok h.txt
}

@test "invalid UTF-8 passes through byte-exact, with a warning, exit 0" {
	printf 'Caf\xe9 opened. The \xff\xfe sign fell. Done \xe2\x82.\n' > bad.txt
	run --separate-stderr nsplit bad.txt
	assert_success
	assert_equal "$stderr" "nsplit: bad.txt:1: invalid UTF-8 at byte 3; passed through"
	nsplit bad.txt 2>/dev/null > out
	printf 'doc\tbad.txt\t\t\t\t\nsent\tbad.txt\t1\t0\t12\tCaf\xe9 opened.\nsent\tbad.txt\t2\t13\t30\tThe \xff\xfe sign fell.\nsent\tbad.txt\t3\t31\t39\tDone \xe2\x82.\n' > want
	cmp want out
	offsets_ok bad.txt
}

@test "invalid UTF-8 in -t rows: warning with file:line, exit 0" {
	printf 'id\ttext\nd1\tGood.\nd2\tBad \xc0\xaf here.\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_success
	assert_equal "$stderr" "nsplit: t.tsv:3: invalid UTF-8 at byte 4; passed through"
	nsplit -t t.tsv 2>/dev/null | grep -c $'Bad \xc0\xaf here\\.' > n
	[ "$(cat n)" = 1 ]
}

@test "NUL bytes: the file is named and skipped, the others go on, exit 1" {
	printf 'First line.\nA N\0UL here.\n' > nul.txt
	run --separate-stderr nsplit b.txt nul.txt c.txt
	assert_failure 1
	assert_equal "$stderr" "nsplit: nul.txt:2: NUL byte; document skipped"
	assert_equal "$(records doc | cut -d'|' -f2 | tr '\n' ' ')" "b.txt c.txt "
	refute_output --partial nul.txt
}

@test "NUL bytes in a -t row: the row is named and skipped, exit 1" {
	printf 'id\ttext\nd1\tOne.\nd2\tT\0wo.\nd3\tThree.\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_failure 1
	assert_equal "$stderr" "nsplit: t.tsv:3: NUL byte; document skipped"
	assert_equal "$(records doc | cut -d'|' -f2 | tr '\n' ' ')" "d1 d3 "
}

@test "a very long line: 4 MB of sentences on one line" {
	perl -e 'print "The plant in Ohio made 3,000 cars a day. " x 100000' > long.txt
	[ "$(wc -c < long.txt)" -gt 4000000 ]
	nsplit long.txt > out
	[ "$(grep -c '^sent' out)" = 100000 ]
	tail -n 1 out | cut -f3-5 > last
	printf '100000\t4099959\t4099999\n' | diff -u - last
	offsets_ok long.txt
}

@test "a very long line with no sentence end, and as a -t row" {
	perl -e 'print "word " x 700000' > run.txt
	run --separate-stderr nsplit run.txt
	assert_success
	[ "$(records sent | wc -l)" = 1 ]
	assert_line --index 1 --regexp $'^sent\trun\\.txt\t1\t0\t3499999\t'
	perl -e 'print "id\ttext\nd1\t", "It rained. " x 400000, "\n"' > long.tsv
	nsplit -t long.tsv > out
	[ "$(grep -c '^sent' out)" = 400000 ]
}

@test "LC_ALL=C and C.UTF-8 (and the user's locale) give the same output" {
	printf '\xc3\x89mile Zola Street closed. \xe2\x80\x9cWe are sorry,\xe2\x80\x9d the city said. \xc3\x96zt\xc3\xbcrk left.\n\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1 \xce\xb5\xce\xaf\xce\xbd\xce\xb1\xce\xb9. Bad \xff byte.\n' > loc.txt
	LC_ALL=C nsplit a.txt loc.txt > c.out 2> c.err
	LC_ALL=C.UTF-8 nsplit a.txt loc.txt > u.out 2> u.err
	diff -u c.out u.out
	diff -u c.err u.err
	LC_ALL= LANG=en_US.UTF-8 nsplit a.txt loc.txt > l.out 2>/dev/null
	diff -u c.out l.out
	[ "$(grep -c '^sent' c.out)" -ge 8 ]
}

@test "a write error (> /dev/full) fails with exit 1 and a message" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr sh -c '"$0" "$1" > /dev/full' "$NSPLIT" a.txt
	assert_failure 1
	assert_equal "$stderr" "nsplit: stdout: No space left on device"
	perl -e 'print "It rained on the coast. " x 200000' > big.txt
	run --separate-stderr sh -c '"$0" "$1" > /dev/full' "$NSPLIT" big.txt
	assert_failure 1
	[[ "$stderr" == "nsplit: stdout: No space left on device"* ]]
	run --separate-stderr sh -c '"$0" -t "$1" > /dev/full' "$NSPLIT" /dev/null
	assert_success
}

@test "| head -1 ends quietly: stderr stays empty" {
	perl -e 'print "It rained on the coast. " x 200000' > big.txt
	"$NSPLIT" big.txt 2> err | head -1 > first
	assert_equal "$(cat first)" "$(printf 'doc\tbig.txt\t\t\t\t')"
	[ ! -s err ]
	{ printf 'text\n'; perl -e 'print "It rained. Then it stopped.\n" x 100000'; } > big.tsv
	"$NSPLIT" -t big.tsv 2> err | head -1 > first
	[ ! -s err ]
}

@test "input cut at document starts gives the same output as the whole" {
	nsplit a.txt b.txt c.txt "$DATA"/sample/*.txt > whole
	for f in a.txt b.txt c.txt "$DATA"/sample/*.txt; do
		nsplit "$f"
	done > pieces
	diff -u whole pieces
}

@test "-t input cut at rows gives the same output as the whole" {
	printf 'id\tdate\ttext\n' > head.tsv
	for i in 1 2 3 4 5 6; do
		printf 'd%s\t2025-03-1%s\tThe %s mill closed. Workers left at 5 p.m. on Friday.\\n\\nMore news.\n' "$i" "$i" "$i"
	done > rows
	cat head.tsv rows > whole.tsv
	{ cat head.tsv; head -n 2 rows; } > p1.tsv
	{ cat head.tsv; sed -n 3,5p rows; } > p2.tsv
	{ cat head.tsv; tail -n 1 rows; } > p3.tsv
	nsplit -t whole.tsv > whole
	nsplit -t p1.tsv p2.tsv p3.tsv > pieces
	diff -u whole pieces
	for p in p1 p2 p3; do nsplit -t $p.tsv; done > pieces2
	diff -u whole pieces2
	[ "$(grep -c '^doc' whole)" = 6 ]
}

@test "a missing file is named on stderr, the rest go on, exit 1" {
	run --separate-stderr nsplit b.txt nosuch.txt c.txt
	assert_failure 1
	assert_equal "$stderr" "nsplit: nosuch.txt: No such file or directory"
	assert_equal "$(records doc | cut -d'|' -f2 | tr '\n' ' ')" "b.txt c.txt "
	run --separate-stderr nsplit -t nosuch.tsv
	assert_failure 1
	assert_equal "$stderr" "nsplit: nosuch.tsv: No such file or directory"
}

@test "a directory is named on stderr, exit 1" {
	mkdir dir
	run --separate-stderr nsplit dir b.txt
	assert_failure 1
	[[ "$stderr" == "nsplit: dir: "* ]]
	assert_line --index 0 "$(printf 'doc\tb.txt\t\t\t\t')"
}

@test "-h and --help: usage on stdout, exit 0" {
	run --separate-stderr nsplit -h
	assert_success
	assert_output "usage: nsplit [-lt] [-d date] [-s source] [file ...]"
	assert_equal "$stderr" ""
	run --separate-stderr nsplit --help
	assert_success
	assert_output "usage: nsplit [-lt] [-d date] [-s source] [file ...]"
}

@test "--version: the version on stdout, exit 0" {
	run --separate-stderr nsplit --version
	assert_success
	assert_output --regexp '^nsplit [0-9]+\.[0-9]+'
	assert_equal "$stderr" ""
}

@test "a bad option or a missing argument: usage, exit 2" {
	run --separate-stderr nsplit -x b.txt
	assert_failure 2
	assert_output ""
	[[ "$stderr" == *"usage: nsplit "* ]]
	run --separate-stderr nsplit --no-such-option
	assert_failure 2
	run --separate-stderr nsplit -d
	assert_failure 2
	[[ "$stderr" == *"usage: nsplit "* ]]
}

@test "-d: the date for documents that carry none" {
	run --separate-stderr nsplit -d 2025-03-12 b.txt
	assert_success
	assert_line --index 0 "$(printf 'doc\tb.txt\t2025-03-12\t\t\t')"
	run --separate-stderr nsplit -d 'March 12, 2025' b.txt
	assert_success
	assert_line --index 0 "$(printf 'doc\tb.txt\t2025-03-12\t\t\t')"
	printf 'Date: 2024-11-05\n\nOne here.\n' > h.txt
	run --separate-stderr nsplit -d 2025-03-12 h.txt
	assert_line --index 0 "$(printf 'doc\th.txt\t2024-11-05\t\t\t')"
}

@test "-d: a bad date is a usage error, exit 2" {
	for d in yesterday 2025-02-30 2025-13-01 ''; do
		run --separate-stderr nsplit -d "$d" b.txt
		assert_failure 2
		assert_output ""
		[[ "$stderr" == "nsplit: -d $d: "* ]]
	done
}

@test "-s: the source for documents that carry none" {
	run --separate-stderr nsplit -s 'The Ledger' b.txt
	assert_success
	assert_line --index 0 "$(printf 'doc\tb.txt\t\tThe Ledger\t\t')"
	printf 'Source: Harbor Post\n\nOne here.\n' > h.txt
	run --separate-stderr nsplit -s 'The Ledger' h.txt
	assert_line --index 0 "$(printf 'doc\th.txt\t\tHarbor Post\t\t')"
	printf 'id\tsource\ttext\nd1\t\tOne.\nd2\tHarbor Post\tTwo.\n' > t.tsv
	run --separate-stderr nsplit -t -s 'The Ledger' t.tsv
	assert_line --index 0 "$(printf 'doc\td1\t\tThe Ledger\t\t')"
	assert_line --index 2 "$(printf 'doc\td2\t\tHarbor Post\t\t')"
}

@test "header block: Title, Date, Source and URL fill the doc record" {
	printf 'Title: Crane Falls Into Harbor\nDate: Mon, 10 Mar 2025 08:30:00 +0000\nSource: Harbor Post\nURL: https://harbor.example/crane\nAuthor: Kim Lo\n\nThe crane fell. Nobody was hurt.\n' > h.txt
	run --separate-stderr nsplit h.txt
	assert_success
	assert_output "$(printf 'doc\th.txt\t2025-03-10\tHarbor Post\tCrane Falls Into Harbor\thttps://harbor.example/crane\nsent\th.txt\t1\t139\t154\tThe crane fell.\nsent\th.txt\t2\t155\t171\tNobody was hurt.')"
	offsets_ok h.txt
}

@test "header block: lower-case keys; a bad date is named, exit 1" {
	printf 'title: A Title\ndate: someday\n\nOne here.\n' > h.txt
	run --separate-stderr nsplit h.txt
	assert_failure 1
	assert_line --index 0 "$(printf 'doc\th.txt\t\t\tA Title\t')"
	assert_line --index 1 "$(printf 'sent\th.txt\t1\t30\t39\tOne here.')"
	[[ "$stderr" == "nsplit: h.txt:2: "*someday* ]]
}

@test "no header block: a first line with a colon stays text" {
	printf 'Warning: the bridge is closed.\n\nDrivers should detour.\n' > h.txt
	run --separate-stderr nsplit h.txt
	assert_success
	assert_line --index 0 "$(printf 'doc\th.txt\t\t\t\t')"
	assert_line --index 1 "$(printf 'sent\th.txt\t1\t0\t30\tWarning: the bridge is closed.')"
}

@test "headline: the first line goes to TITLE in file mode" {
	run --separate-stderr nsplit a.txt
	assert_success
	assert_line --index 0 "$(printf 'doc\ta.txt\t\tLedger Wire\tCrane Falls Into Harbor\t')"
	refute_output --regexp $'^sent\t.*\tCrane Falls Into Harbor$'
	assert_line --index 1 --regexp $'^sent\ta\\.txt\t1\t25\t'
	offsets_ok a.txt
}

@test "headline: a first line ending in a period is a sentence" {
	printf 'The crane fell.\n\nNobody was hurt.\n' > h.txt
	run --separate-stderr nsplit h.txt
	assert_line --index 0 "$(printf 'doc\th.txt\t\t\t\t')"
	assert_line --index 1 "$(printf 'sent\th.txt\t1\t0\t15\tThe crane fell.')"
}

@test "headline: a header Title wins, the same line is not repeated" {
	printf 'Title: Crane Falls\n\nCrane Falls\n\nThe crane fell.\n' > h.txt
	run --separate-stderr nsplit h.txt
	assert_line --index 0 "$(printf 'doc\th.txt\t\t\tCrane Falls\t')"
	assert_equal "$(sent_texts)" "The crane fell."
}

@test "dateline: it stays in the first sentence, its agency fills SOURCE" {
	printf 'LONDON, June 3 (Reuters) - Shares fell on Tuesday. Bonds rose.\n' > d1.txt
	printf 'NEW YORK (AP) \xe2\x80\x94 The mayor spoke. Nobody asked.\n' > d2.txt
	printf 'WASHINGTON \xe2\x80\x94 The bill passed. It goes on.\n' > d3.txt
	run --separate-stderr nsplit d1.txt d2.txt d3.txt
	assert_success
	assert_equal "$(records doc)" "$(printf 'doc|d1.txt||Reuters||\ndoc|d2.txt||AP||\ndoc|d3.txt||||')"
	assert_equal "$(sent_texts | head -n 1)" "LONDON, June 3 (Reuters) - Shares fell on Tuesday."
	assert_line --index 4 --regexp $'^sent\td2\\.txt\t1\t0\t[0-9]+\tNEW YORK \\(AP\\) \xe2\x80\x94 The mayor spoke\\.$'
	offsets_ok d1.txt d2.txt d3.txt
}

@test "dateline: a known source is kept" {
	printf 'Source: Harbor Post\n\nLONDON (Reuters) - Shares fell.\n' > h.txt
	run --separate-stderr nsplit h.txt
	assert_line --index 0 "$(printf 'doc\th.txt\t\tHarbor Post\t\t')"
	printf 'id\tsource\ttext\nd1\tHarbor Post\tLONDON (Reuters) - Shares fell.\nd2\t\tPARIS (AFP) - Bonds rose.\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_equal "$(records doc)" "$(printf 'doc|d1||Harbor Post||\ndoc|d2||AFP||')"
}

@test "furniture: known page furniture lines are dropped" {
	cat > f.txt <<-'EOF'
	Crane Falls Into Harbor

	PORT ELLIS (Ledger Wire) — A crane fell into the water on Sunday. No one was hurt.

	URL copied to clipboard.
	Loading the player...

	ADVERTISEMENT

	Engineers will inspect the other cranes this week.
	Share this article
	Sign up for our newsletter

	More headlines

	Crews began lifting the wreck on Monday.

	Photo: Lena Kovacs/Ledger Wire
	Source: Port of Ellis
	EOF
	run --separate-stderr nsplit f.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'PORT ELLIS (Ledger Wire) — A crane fell into the water on Sunday.' 'No one was hurt.' 'Engineers will inspect the other cranes this week.' 'Crews began lifting the wreck on Monday.')"
	offsets_ok f.txt
}

@test "furniture: a short line without a verb or end mark between paragraphs" {
	printf 'The crane fell on Sunday.\n\nAudio Edition\n\nCrews began lifting it.\n\nMost Shared\n\nThe port stays open.\n' > f.txt
	run --separate-stderr nsplit f.txt
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'The crane fell on Sunday.' 'Crews began lifting it.' 'The port stays open.')"
}

@test "furniture: an ordinary short sentence is not furniture" {
	printf 'The crane fell.\n\nShare prices fell 3 percent on Monday.\n\nMore headlines followed the crash.\n' > f.txt
	run --separate-stderr nsplit f.txt
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'The crane fell.' 'Share prices fell 3 percent on Monday.' 'More headlines followed the crash.')"
}

@test "-l: each line is one sentence, blank lines skipped" {
	printf 'First line. Still the first.\n\n   \nSecond line, no end\n  Third, indented.  \r\nNo newline at the end' > l.txt
	run --separate-stderr nsplit -l l.txt
	assert_success
	assert_output "$(printf 'doc\tl.txt\t\t\t\t\nsent\tl.txt\t1\t0\t28\tFirst line. Still the first.\nsent\tl.txt\t2\t34\t53\tSecond line, no end\nsent\tl.txt\t3\t56\t72\tThird, indented.\nsent\tl.txt\t4\t76\t97\tNo newline at the end')"
	offsets_ok l.txt
}

@test "-l: no headline, header block or furniture handling" {
	printf 'Title: Not A Header\n\nADVERTISEMENT\n' > l.txt
	run --separate-stderr nsplit -l l.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'Title: Not A Header' 'ADVERTISEMENT')"
}

@test "-l -t: the lines inside each text field" {
	printf 'id\ttext\nd1\tOne. Two.\\nThree\\n\\nFour.\nd2\tFive.\n' > t.tsv
	run --separate-stderr nsplit -l -t t.tsv
	assert_success
	assert_output "$(printf 'doc\td1\t\t\t\t\nsent\td1\t1\t0\t9\tOne. Two.\nsent\td1\t2\t10\t15\tThree\nsent\td1\t3\t17\t22\tFour.\ndoc\td2\t\t\t\t\nsent\td2\t1\t0\t5\tFive.')"
}

@test "paragraphs: a blank line ends a sentence without end punctuation" {
	printf 'It began.\n\nA line without a stop\n\nThe next paragraph.\n' > p.txt
	run --separate-stderr nsplit p.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'It began.' 'A line without a stop' 'The next paragraph.')"
}

@test "headline: a wrapped first line that the next line goes on is not one" {
	printf 'The council voted on Monday to close\nthe old bridge. It will be torn down.\n' > w.txt
	run --separate-stderr nsplit w.txt
	assert_line --index 0 "$(printf 'doc\tw.txt\t\t\t\t')"
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'The council voted on Monday to close the old bridge.' 'It will be torn down.')"
}

@test "TEXT and DOC fields are escaped" {
	f=$'we ird\tname.txt'
	printf 'A back\\slash here.\n' > "$f" || skip "no TAB in file names"
	run --separate-stderr nsplit "$f"
	assert_success
	assert_line --index 0 "$(printf 'doc\twe ird\\tname.txt\t\t\t\t')"
	assert_line --index 1 "$(printf 'sent\twe ird\\tname.txt\t1\t0\t18\tA back\\\\slash here.')"
}

@test "omission marks: [...] after a sentence end goes with that sentence" {
	printf 'Doctors agree.\n\nIt helps with sleep, mood and more! [...]\n\nThe rest follows. [\xe2\x80\xa6] For the city, the mayor spoke. Bills rose. [...] and then fell.\n' > o.txt
	run --separate-stderr nsplit o.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'Doctors agree.' 'It helps with sleep, mood and more! [...]' 'The rest follows. […]' 'For the city, the mayor spoke.' 'Bills rose.' '[...] and then fell.')"
	offsets_ok o.txt
}

@test "semicolons: a series of two or more clauses is a series of sentences" {
	printf '%s\n' 'Here are some rules to follow: older people won'"'"'t like crude jokes; stay away from jokes about women if you'"'"'ve got a women'"'"'s club; and jokes that need special knowledge will fall flat.' \
	    '' 'We did not win; that is not the end.' \
	    '' 'We know the rules are simple; you’ll pay for every drink; they’re paid for every song.' \
	    '' 'The tour visits Paris, France; Rome, Italy; and Berlin, Germany.' \
	    '' 'Stocks closed at 2596.72, off 17.01; bonds 1190.43, off 14.76; gold 215.86, up 0.19.' \
	    '' 'The panel heard Ann Lee, a judge from Ohio; Tom Ruiz, a lawyer in Texas; and Sara Kim, a retired nurse.' \
	    '' 'The study (Smith, 2015; Jones, 2016; see also Brown, 2017) found little.' \
	    '' 'She has a long record: a lawyer who won big cases; a mayor who cut crime in half; and a donor who gave millions.' > s.txt
	run --separate-stderr nsplit s.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'Here are some rules to follow:' 'older people won'"'"'t like crude jokes;' 'stay away from jokes about women if you'"'"'ve got a women'"'"'s club;' 'and jokes that need special knowledge will fall flat.' 'We did not win; that is not the end.' 'We know the rules are simple;' 'you’ll pay for every drink;' 'they’re paid for every song.' 'The tour visits Paris, France; Rome, Italy; and Berlin, Germany.' 'Stocks closed at 2596.72, off 17.01; bonds 1190.43, off 14.76; gold 215.86, up 0.19.' 'The panel heard Ann Lee, a judge from Ohio; Tom Ruiz, a lawyer in Texas; and Sara Kim, a retired nurse.' 'The study (Smith, 2015; Jones, 2016; see also Brown, 2017) found little.' 'She has a long record: a lawyer who won big cases; a mayor who cut crime in half; and a donor who gave millions.')"
	offsets_ok s.txt
}

@test "valedictions: Regards, Thanks, before a name end a sentence" {
	printf '%s\n' 'Respectfully, I disagree. Thanks, John, for the help. Love, Actually is a film.' \
	    '' 'See you there. Sincerely, Traci Traci Warner Acme Services' \
	    '' 'Thanks, Sean Here is the file.' \
	    '' 'Best regards, Debra Perlingiere' \
	    '' 'Thank you, Mr. President. Thank you, Madam Speaker.' \
	    '' 'Thank you, Governor Lee. Thanks, John Smith for the help.' \
	    '' 'See you soon. Love, Mom' > v.txt
	run --separate-stderr nsplit v.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'Respectfully, I disagree.' 'Thanks, John, for the help.' 'Love, Actually is a film.' 'See you there.' 'Sincerely,' 'Traci Traci Warner Acme Services' 'Thanks,' 'Sean Here is the file.' 'Best regards,' 'Debra Perlingiere' 'Thank you, Mr. President.' 'Thank you, Madam Speaker.' 'Thank you, Governor Lee.' 'Thanks, John Smith for the help.' 'See you soon.' 'Love,' 'Mom')"
	offsets_ok v.txt
}

@test "part headings: Part 1 of 2: and Two Parts: stand alone" {
	printf '%s\n' 'Two Parts: Getting Ready' '' 'Part 1 of 2: Getting Ready' '' 'Know your audience.' '' 'Method 2 of 3: Using a Pan' '' 'Chapter Two: The Return' \
	    '' 'Two Parts: Getting the Material Right Getting the Delivery Right' '' 'Three Methods: Baking Cakes Frosting Cakes' > h.txt
	run --separate-stderr nsplit -t <(printf 'id\ttext\nh\t%s\n' "$(sed 's/$/\\n/' h.txt | tr -d '\n')")
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'Two Parts:' 'Getting Ready' 'Part 1 of 2:' 'Getting Ready' 'Know your audience.' 'Method 2 of 3:' 'Using a Pan' 'Chapter Two: The Return' 'Two Parts:' 'Getting the Material Right' 'Getting the Delivery Right' 'Three Methods:' 'Baking Cakes Frosting Cakes')"
}

@test "-t: page furniture is dropped as in a file, a label line is kept" {
	printf 'id\ttext\nd1\tTools and Tasks\\n\\nBy Anonymous\\n\\nMy town is losing its shop.\\nAdvertisement\\nIt closed in May.\n' > t.tsv
	run --separate-stderr nsplit -t t.tsv
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'Tools and Tasks' 'My town is losing its shop.' 'It closed in May.')"
	offsets_ok -t t.tsv
}

@test "salutations: Dear ..., Hi ..., before a capital are sentences" {
	printf '%s\n' 'Dear Dr. Vincent Kaminski, My name is Visit.' '' 'Dear Hannah: I cut the work.' '' 'Dear all, Thank you.' '' 'Dear me, what a day. Dear John, he said, was late.' \
	    '' 'Hi, Yes the storage is open.' '' 'Hey Vladi, Thanks for it.' '' 'Hey, Rubio is right. Hey: Maybe not. Hi everyone, welcome back. Hi, I'"'"'m Sarah.' > d.txt
	run --separate-stderr nsplit d.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'Dear Dr. Vincent Kaminski,' 'My name is Visit.' 'Dear Hannah:' 'I cut the work.' 'Dear all,' 'Thank you.' 'Dear me, what a day.' 'Dear John, he said, was late.' 'Hi,' 'Yes the storage is open.' 'Hey Vladi,' 'Thanks for it.' 'Hey, Rubio is right.' 'Hey: Maybe not.' 'Hi everyone, welcome back.' 'Hi, I'"'"'m Sarah.')"
	offsets_ok d.txt
}

@test "starters: She and sentence adverbs open a sentence after an abbreviation" {
	printf '%s\n' 'She earned her Ph.D. She then moved to Ohio.' '' 'The plan came from the U.S. Unfortunately, it failed.' '' 'The U.S. Army left.' > st.txt
	run --separate-stderr nsplit st.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'She earned her Ph.D.' 'She then moved to Ohio.' 'The plan came from the U.S.' 'Unfortunately, it failed.' 'The U.S. Army left.')"
}

@test "broken-off speech: a word cut off before the dash, then an interjection" {
	printf '%s\n' 'Really bothers me. I kn- — Oh oh I know.' '' 'She could, but then af- — I wanted to stay.' '' 'I know she — See now she is trying.' > bo.txt
	run --separate-stderr nsplit bo.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'Really bothers me.' 'I kn- —' 'Oh oh I know.' 'She could, but then af- — I wanted to stay.' 'I know she —' 'See now she is trying.')"
}

@test "glued sentence ends: You'll, I, and a word after a question mark" {
	printf '%s\n' 'Most of them are of high quality.You'"'"'ll also find stories.' '' 'It took more than an hour...I had fun.' '' 'Do they hire foreigners?thanks I tried.' '' 'See index.html and page.php?id=3 and Yahoo!s site.' > g.txt
	run --separate-stderr nsplit g.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'Most of them are of high quality.' 'You'"'"'ll also find stories.' 'It took more than an hour...' 'I had fun.' 'Do they hire foreigners?' 'thanks I tried.' 'See index.html and page.php?id=3 and Yahoo!s site.')"
	offsets_ok g.txt
}

@test "broken-off quotations: a dash before the closing quote, then a capital" {
	printf '%s\n' 'He began. “Yes—” “No!” she said. “But—” He stopped. "I was--" "Stop." "Well—" he said.' > q.txt
	run --separate-stderr nsplit q.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'He began.' '“Yes—”' '“No!” she said.' '“But—”' 'He stopped.' '"I was--"' '"Stop."' '"Well—" he said.')"
	offsets_ok q.txt
}

@test "signature separator: -- after a sentence end stands alone" {
	printf '%s\n' 'Well, could you explain then -- in other provisions, there is more.' '' 'It may not fly for five years. -- Posted by Hidden Nook at 9:00' > sig.txt
	run --separate-stderr nsplit sig.txt
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'Well, could you explain then -- in other provisions, there is more.' 'It may not fly for five years.' '--' 'Posted by Hidden Nook at 9:00')"
}

@test "smileys: one after a word ends the sentence before a capital" {
	printf '%s\n' 'I am involved with the project :-) Posted by darin' '' 'It is fine :) and more. A time of 10:30 Monday.' > sm.txt
	run --separate-stderr nsplit -t <(printf 'id\ttext\nsm\t%s\n' "$(sed 's/$/\\n/' sm.txt | tr -d '\n')")
	assert_success
	assert_equal "$(sent_texts)" "$(printf '%s\n' 'I am involved with the project :-)' 'Posted by darin' 'It is fine :) and more.' 'A time of 10:30 Monday.')"
}
