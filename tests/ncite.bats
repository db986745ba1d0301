#!/usr/bin/env bats
# ncite: quotation shapes, speakers, titles, citations, conflicts, each
# format, malformed input, and STYLE.md's checklist.  Every text here is
# written for these tests (invented towns, people and outlets).

load common

NCITE=$BIN/ncite
ncite() { "$NCITE" "$@"; }

setup() {
	common_setup
}

# quotes FILE...: nsplit then ncite; each quote record as N|START|END|SPEAKER|TEXT
quotes() {
	"$NSPLIT" "$@" | "$NCITE" | awk -F'\t' -v OFS='|' \
	    '$1 == "quote" { print $3, $4, $5, $6, $7 }'
}

# speakers FILE...: SPEAKER|TEXT of each quote record
speakers() {
	"$NSPLIT" "$@" | "$NCITE" | awk -F'\t' -v OFS='|' \
	    '$1 == "quote" { print $6, $7 }'
}

@test "tag after the quotation: straight and curly marks, said X, X said" {
	cat > a.txt <<'EOF'
"The dam will hold through the spring," said Orla Brennick, the county engineer.

“We checked every gate twice,” Brennick told reporters on Friday.

“Nobody is leaving,” he said.
EOF
	run --separate-stderr speakers a.txt
	assert_success
	assert_line 'Orla Brennick|"The dam will hold through the spring,"'
	assert_line 'Brennick|“We checked every gate twice,”'
	assert_line 'Brennick|“Nobody is leaving,”'
	[ "$stderr" = "" ]
}

@test "tag before the quotation, according to X, a partial quotation" {
	cat > a.txt <<'EOF'
The mayor of Linfield, Tomas Varga, said on Tuesday: "We will open the shelters tonight."

"The river is rising faster than last year," according to Hedda Lund.

The council called the plan a "painful but necessary step" in a vote on Monday.

Varga also described the levee as "the oldest in the valley."
EOF
	run --separate-stderr speakers a.txt
	assert_success
	assert_line 'Tomas Varga|"We will open the shelters tonight."'
	assert_line 'Hedda Lund|"The river is rising faster than last year,"'
	assert_line 'The council|"painful but necessary step"'
	assert_line 'Varga|"the oldest in the valley."'
}

@test "quotations over sentences and paragraphs; a bare quotation paragraph" {
	cat > a.txt <<'EOF'
"We lost the east road. We lost the bridge at Amwell.

"But the school is dry, and that is what matters," said Pell Aronsen, who runs the shelter.

Aronsen said the volunteers had worked since dawn.

"They have not stopped once."
EOF
	run --separate-stderr quotes a.txt
	assert_success
	assert_line --index 0 --regexp '^1\|0\|[0-9]+\|Pell Aronsen\|"We lost the east road\. We lost the bridge at Amwell\. "But the school is dry, and that is what matters,"$'
	assert_line --index 1 --regexp '^[0-9]+\|[0-9]+\|[0-9]+\|Aronsen\|"They have not stopped once\."$'
}

@test "nested quotations stay inside the outer one" {
	cat > a.txt <<'EOF'
"He told me, 'Get the boats out now,' and I did," said Dara Quell.
EOF
	run --separate-stderr speakers a.txt
	assert_success
	assert_output "Dara Quell|\"He told me, 'Get the boats out now,' and I did,\""
}

@test "single marks quote where a text has no double ones" {
	cat > a.txt <<'EOF'
'The lights went out at nine,' said Ines Morrow. 'Then the pumps stopped.'
EOF
	run --separate-stderr speakers a.txt
	assert_success
	assert_line "Ines Morrow|'The lights went out at nine,'"
	assert_line "Ines Morrow|'Then the pumps stopped.'"
}

@test "titles in quotation marks are not speech" {
	cat > a.txt <<'EOF'
The agency added the valve to its "List of Covered Equipment and Services."

A new study, the report "Rising Seas and Falling Towns", was published in May.

Kell Adair said the list was "far too short."
EOF
	run --separate-stderr speakers a.txt
	assert_success
	assert_output 'Kell Adair|"far too short."'
}

@test "quote offsets are exact: bytes START to END of the original" {
	printf 'Intro line here.\n\n"We  are ready,"\nsaid  Rhea Vost. "Fully."\n' > a.txt
	run --separate-stderr quotes a.txt
	assert_success
	while IFS='|' read -r n st en spk text; do
		orig=$(tail -c +$((st + 1)) a.txt | head -c $((en - st)) |
		    tr -s ' \n' '  ')
		[ "$orig" = "$text" ]
	done <<< "$output"
	assert_line --partial '|Rhea Vost|"We are ready,"'
}

@test "speakers resolve to ent KEYs: pronouns, the ministry, a spokesperson for X" {
	t1='Nela Strand met the Ministry of Water on Monday.'
	t2='"The pipes are old," she said.'
	t3='"Repairs start in June," the ministry said.'
	t4='"We have the money," a spokesperson for Harrow Rail said.'
	o2=$(( ${#t1} + 1 ))
	o3=$(( o2 + ${#t2} + 1 ))
	o4=$(( o3 + ${#t3} + 1 ))
	{
		printf 'doc\td\t2025-03-12\tThe Ledger\t\t\n'
		printf 'sent\td\t1\t0\t%d\t%s\n' ${#t1} "$t1"
		printf 'ent\td\t1\t0\t11\tPER\tNela Strand\tNela Strand\n'
		printf 'ent\td\t1\t20\t%d\tORG\tMinistry of Water\tMinistry of Water\n' $(( ${#t1} - 11 ))
		printf 'sent\td\t2\t%d\t%d\t%s\n' $o2 $(( o2 + ${#t2} )) "$t2"
		printf 'sent\td\t3\t%d\t%d\t%s\n' $o3 $(( o3 + ${#t3} )) "$t3"
		printf 'sent\td\t4\t%d\t%d\t%s\n' $o4 $(( o4 + ${#t4} )) "$t4"
		printf 'ent\td\t4\t%d\t%d\tORG\tHarrow Rail Co.\tHarrow Rail\n' \
		    $(( o4 + 39 )) $(( o4 + 50 ))
	} > s.tsv
	run --separate-stderr ncite s.tsv
	assert_success
	assert_line --partial "	Nela Strand	\"The pipes are old,\""
	assert_line --partial "	Ministry of Water	\"Repairs start in June,\""
	assert_line --partial "	Harrow Rail Co.	\"We have the money,\""
}

@test "quote records follow their sentence and its annotations" {
	printf '"Go," said Bo Lind.\n' > a.txt
	run --separate-stderr sh -c "'$NSPLIT' a.txt | '$NCITE' | cut -f1"
	assert_success
	assert_output "$(printf 'doc\nsent\nquote\ncite')"
}

# facts: three documents, two outlets, fact records as nmerge writes them
facts_stream() {
	printf 'doc\ta\t2025-03-10\tThe Ledger\tFerry halted\thttps://ledger.example/1\n'
	printf 'sent\ta\t1\t0\t52\tThe Skarn ferry stopped running on June 14 after a fire.\n'
	printf 'time\ta\t1\t36\t43\tDATE\t2025-06-14\tJune 14\n'
	printf 'sent\ta\t2\t53\t99\tFewer than 50 employees were on the ferry line.\n'
	printf 'doc\tb\t2025-03-11\tCoast Post\tFire stops ferry\t\n'
	printf 'sent\tb\t1\t0\t40\tA fire halted the ferry on June 12.\n'
	printf 'time\tb\t1\t27\t34\tDATE\t2025-06-12\tJune 12\n'
	printf 'sent\tb\t2\t41\t80\tAbout 80 employees work on the line.\n'
	printf 'sent\tb\t3\t81\t120\tThe harbor cafe stayed open all week.\n'
	printf 'doc\tc\t2025-03-11\tThe Ledger\tFerry update\t\n'
	printf 'sent\tc\t1\t0\t30\tIt stopped.\n'
	printf 'fact\t1\ta\t1\t0.9\n'
	printf 'fact\t1\tb\t1\t0.8\n'
	printf 'fact\t1\tc\t1\t0.5\n'
	printf 'fact\t2\ta\t2\t0.7\n'
	printf 'fact\t2\tb\t2\t0.7\n'
	printf 'fact\t3\tb\t3\t1\n'
}

@test "cite records: distinct outlets, documents, the most complete report" {
	facts_stream > f.tsv
	run --separate-stderr ncite f.tsv
	assert_success
	assert_line "$(printf 'cite\t1\t2\ta,b,c\tThe Skarn ferry stopped running on June 14 after a fire.')"
	assert_line "$(printf 'cite\t2\t2\ta,b\tFewer than 50 employees were on the ferry line.')"
	assert_line "$(printf 'cite\t3\t1\tb\tThe harbor cafe stayed open all week.')"
	# the fact records pass through, the cite records come last
	assert_line --index 16 --partial "$(printf 'fact\t3\tb')"
	[ "${lines[17]%%	*}" = cite ]
}

@test "without fact records every sentence is its own fact" {
	printf 'One thing.\n\nAnother thing.\n' > a.txt
	run --separate-stderr sh -c "'$NSPLIT' a.txt | '$NCITE' | grep '^cite'"
	assert_success
	assert_output "$(printf 'cite\t1\t1\ta.txt\tOne thing.\ncite\t2\t1\ta.txt\tAnother thing.')"
}

@test "md: title, timeline, facts by outlets, single source, conflicts, sources" {
	facts_stream > f.tsv
	run --separate-stderr ncite -f md f.tsv
	assert_success
	assert_line '# Ferry halted'
	assert_line '## Timeline'
	assert_line '- **2025-06-14**: The Skarn ferry stopped running on June 14 after a fire. [1][2][3]'
	assert_line '1. The Skarn ferry stopped running on June 14 after a fire. [1][2][3] *(2 outlets)*'
	assert_line '3. The harbor cafe stayed open all week. [2] *(single source)*'
	assert_line '## Conflicts'
	assert_line --partial '“June 14” (The Ledger [1]) vs “June 12” (Coast Post [2])'
	assert_line --partial '“Fewer than 50 employees” (The Ledger [1]) vs “About 80 employees” (Coast Post [2])'
	assert_line '1. The Ledger, “Ferry halted”, 2025-03-10. <https://ledger.example/1>'
	assert_line '2. Coast Post, “Fire stops ferry”, 2025-03-11. `b`'
}

@test "md: a conflict is named by the word both reports count" {
	{
	printf 'doc\ta\t2025-03-10\tThe Ledger\tCrane falls\t\n'
	printf 'sent\ta\t1\t0\t51\tThe crane fell, injuring three dock workers.\n'
	printf 'doc\tb\t2025-03-10\tCoast Post\tCrane down\t\n'
	printf 'sent\tb\t1\t0\t44\tFour workers were hurt when the crane fell.\n'
	printf 'fact\t1\ta\t1\t0.8\nfact\t1\tb\t1\t0.8\n'
	} > f.tsv
	run --separate-stderr ncite -f md f.tsv
	assert_success
	assert_line --regexp '^ *- \*\*workers\*\*: .*three dock workers.* vs .*Four workers'
}

@test "md: a sentence wholly inside one outlet's quotation is no fact" {
	printf '%s\n' 'The dam held, the agency said.' '' \
	    '"We were lucky.' '' '"The water rose fast."' '' \
	    'Lena Holm said the dam "held, just."' > a.txt
	run --separate-stderr sh -c "'$NSPLIT' a.txt | '$NCITE' -f md"
	assert_success
	assert_line '1. The dam held, the agency said. [1] *(single source)*'
	assert_line --regexp '^2\. Lena Holm said the dam'
	refute_line --regexp '^[0-9]+\. .*lucky'
	refute_line --regexp '^[0-9]+\. The water rose'
	assert_line --regexp '^- "We were lucky. The water rose fast." — '
}

@test "md: the dateline is left out of a fact, kept in the cite record" {
	printf '%s\n' 'ST. LOUIS (Ledger Wire) — The river rose four feet.' \
	    '' 'NASA said on Monday - then it stopped.' > a.txt
	run --separate-stderr sh -c "'$NSPLIT' a.txt | '$NCITE' -f md"
	assert_success
	assert_line '1. The river rose four feet. [1] *(single source)*'
	assert_line '2. NASA said on Monday - then it stopped. [1] *(single source)*'
	run --separate-stderr sh -c "'$NSPLIT' a.txt | '$NCITE' | grep '^cite'"
	assert_line --index 0 --partial 'ST. LOUIS (Ledger Wire) — The river'
}

@test "md: quotations with speakers and their sources" {
	run --separate-stderr sh -c "'$NSPLIT' '$DATA'/sample/*.txt | '$NCITE' -f md"
	assert_success
	assert_line '## Quotations'
	assert_line --partial '— **Ruth Ashby** (Northline News [3])'
	assert_line --regexp '^1\. Valley Courier, “Rail bridge gives way'
}

@test "html: one self-contained page with a timeline and an outlet-by-fact grid" {
	facts_stream > f.tsv
	run --separate-stderr ncite -f html f.tsv
	assert_success
	assert_line --index 0 '<!DOCTYPE html>'
	assert_output --partial '<ol class="timeline">'
	assert_output --partial '<table class="grid">'
	assert_output --partial '<th>The Ledger</th><th>Coast Post</th>'
	refute_output --partial '<script'
	refute_output --regexp '(src|href)="https?:[^"]*\.(css|js|png|woff)'
	assert_line '</html>'
}

@test "html: headless Chromium renders it (screenshot)" {
	command -v chromium >/dev/null 2>&1 ||
	    { apt-get install -y chromium >/dev/null 2>&1 || true; }
	command -v chromium >/dev/null 2>&1 || skip "chromium not available"
	"$NSPLIT" "$DATA"/sample/*.txt | "$NCITE" -f html > page.html
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$PWD/profile" \
	    --window-size=1200,1600 --screenshot="$PWD/shot.png" \
	    "file://$PWD/page.html" >/dev/null 2>&1 || true
	[ -s shot.png ]
	# a PNG, and not one blank colour: more than a few KB
	[ "$(head -c 8 shot.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
	[ "$(wc -c < shot.png)" -gt 20000 ]
}

@test "csl: the sources as valid CSL-JSON" {
	facts_stream > f.tsv
	run --separate-stderr ncite -f csl f.tsv
	assert_success
	assert_output --partial '"id": "the-ledger-2025-03-10"'
	assert_output --partial '"container-title": "Coast Post"'
	assert_output --partial '"issued": {"date-parts": [[2025, 3, 11]]}'
	assert_output --partial '"id": "the-ledger-2025-03-11"'
	printf '%s\n' "$output" > out.json
	if command -v python3 >/dev/null 2>&1; then
		python3 -m json.tool out.json > /dev/null
	elif command -v node >/dev/null 2>&1; then
		node -e 'JSON.parse(require("fs").readFileSync("out.json"))'
	else
		skip "no JSON parser"
	fi
}

@test "csl: bad UTF-8 and control characters still give valid JSON" {
	printf 'doc\td"1\t2025\tOut\\\\let\tT\001\377itle\t\n' > s.tsv
	run --separate-stderr ncite -f csl s.tsv
	assert_success
	printf '%s\n' "$output" > out.json
	command -v python3 >/dev/null 2>&1 || skip "no python3"
	python3 -m json.tool out.json > /dev/null
}

# rec FIELD...: one record, its fields joined by tabs
rec() {
	local IFS='	'
	printf '%s\n' "$*"
}

# pier: three outlets; facts that share sentences, dated and undated
# reports, parts of days, and time values that are no dates
pier_stream() {
	rec doc a 2025-03-10 'The Ledger' 'Pier gives way' https://ledger.example/pier
	rec sent a 1 0 68 'A wooden pier at Skarn collapsed on Monday, injuring two fishermen.'
	rec time a 1 41 47 DATE 2025-03-10 Monday
	rec sent a 2 69 122 'The pier, built in 1931, was the oldest on the coast.'
	rec time a 2 86 90 DATE 1931 1931
	rec sent a 3 123 183 'Cranes lifted the wreck out of the harbor on Monday evening.'
	rec time a 3 168 182 DATE 2025-03-10TEV 'Monday evening'
	rec sent a 4 184 227 'The inquiry will take at least three years.'
	rec time a 4 206 226 DURATION P3Y 'at least three years'
	rec doc b 2025-03-11 'Coast Post' 'Skarn pier falls' ''
	rec sent b 1 0 148 'SKARN (Coast Post) — Part of the old wooden pier at Skarn fell into the harbor on Monday morning, and two fishermen were hurt, the harbor master said.'
	rec time b 1 86 100 DATE 2025-03-10TMO 'Monday morning'
	rec sent b 2 149 184 'Boats now dock at Amwell every day.'
	rec time b 2 174 183 SET P1D 'every day'
	rec sent b 3 185 210 'The harbor is closed now.'
	rec time b 3 206 209 DATE PRESENT_REF now
	rec sent b 4 211 265 'A crane arrived on a Monday morning to lift the wreck.'
	rec time b 4 225 241 DATE XXXX-XX-XXTMO 'a Monday morning'
	rec doc c 2025-03-12 'Harbor Times' 'Old pier collapses' ''
	rec sent c 1 0 57 'Two fishermen were hurt when the pier collapsed at Skarn.'
	rec sent c 2 58 171 'Residents along the harbor said they had complained about the pier to the town council for years, and nobody came.'
	rec fact 1 a 1 0.9
	rec fact 1 b 1 0.8
	rec fact 1 c 1 0.8
	rec fact 2 b 1 0.6
	rec fact 2 a 3 0.6
	rec fact 3 a 2 0.5
	rec fact 3 c 2 0.5
	rec fact 4 b 2 1
	rec fact 5 b 2 1
	rec fact 6 b 3 1
	rec fact 6 b 4 1
	rec fact 7 a 4 1
	rec fact 8 a 3 1
	rec fact 9 c 2 1
	rec fact 9 a 1 1
}

@test "cite records: a sentence two facts share is the TEXT of one of them" {
	pier_stream > p.tsv
	run --separate-stderr sh -c "'$NCITE' p.tsv | grep '^cite' | cut -f2,5"
	assert_success
	# the Coast Post lead is in facts 1 and 2: fact 1 has more reports
	# and gives way; a2 and c2 are both in facts 3 and 9
	assert_line --index 0 "$(printf '1\tA wooden pier at Skarn collapsed on Monday, injuring two fishermen.')"
	assert_line --index 1 --regexp "$(printf '^2\tSKARN \\(Coast Post\\) — Part of the old')"
	assert_line --index 2 "$(printf '3\tThe pier, built in 1931, was the oldest on the coast.')"
	assert_line --index 8 --regexp "$(printf '^9\tResidents along the harbor')"
	# a fact whose one report is another's TEXT still has a cite record
	assert_line --index 3 "$(printf '4\tBoats now dock at Amwell every day.')"
	assert_line --index 4 "$(printf '5\tBoats now dock at Amwell every day.')"
	[ "${#lines[@]}" -eq 9 ]
	[ "$(printf '%s\n' "${lines[@]}" | cut -f2 | sort | uniq -d)" = \
	    'Boats now dock at Amwell every day.' ]
}

@test "md and html: facts that cite the same text are one, with the marks of both" {
	pier_stream > p.tsv
	run --separate-stderr ncite -f md p.tsv
	assert_success
	# no line of the digest is there twice
	[ "$(printf '%s\n' "$output" | sed 's/^[0-9]*\. //' | grep . | sort |
	    uniq -d)" = "" ]
	assert_line '4. Residents along the harbor said they had complained about the pier to the town council for years, and nobody came. [1][3] *(2 outlets)*'
	assert_line '5. Boats now dock at Amwell every day. [2] *(single source)*'
	assert_line '8. Cranes lifted the wreck out of the harbor on Monday evening. [1] *(single source)*'
	refute_line --regexp '^9\. '
	run --separate-stderr ncite -f html p.tsv
	assert_success
	[ "$(printf '%s\n' "$output" | grep -c 'Boats now dock at Amwell')" -eq 1 ]
	[ "$(printf '%s\n' "$output" | grep -c '<td>Part of the old')" -eq 1 ]
	[ "$(printf '%s\n' "$output" | grep -c '^<tr')" -eq 8 ]
}

@test "timeline: each value next to the report that says it, with the fact's marks" {
	pier_stream > p.tsv
	run --separate-stderr ncite -f md p.tsv
	assert_success
	# fact 3 cites c2, which has no date: its dated report is a2
	assert_line '- **1931**: The pier, built in 1931, was the oldest on the coast. [1][3]'
	# facts 1 and 9 are both dated by a1: one line, the marks of both
	assert_line '- **2025-03-10**: A wooden pier at Skarn collapsed on Monday, injuring two fishermen. [1][2][3]'
	refute_output --partial '**1931**: Residents'
	refute_output --partial '**2025-03-10**: Residents'
}

@test "timeline: parts of days in words, in order in the day; no X, durations, sets, references" {
	pier_stream > p.tsv
	run --separate-stderr sh -c "'$NCITE' -f md p.tsv |
	    sed -n '/^## Timeline/,/^## Facts/p' | grep '^- ' | cut -d: -f1"
	assert_success
	assert_output "$(printf '%s\n' '- **1931**' '- **2025-03-10**' \
	    '- **2025-03-10 morning**' '- **2025-03-10 evening**')"
	run --separate-stderr ncite -f html p.tsv
	assert_success
	assert_output --partial '<time title="2025-03-10TEV">2025-03-10 evening</time>Cranes lifted'
	refute_output --partial 'TMO<'
	refute_output --partial 'XXXX'
	refute_output --partial 'PRESENT_REF'
	refute_output --partial '>P3Y<'
	refute_output --partial '>P1D<'
}

@test "timeline: weeks, quarters, halves, seasons and clock times read as words, in time order" {
	{
		rec doc a 2025-06-01 'The Ledger' 'Harbor works' ''
		rec sent a 1 0 10 'Work starts in the third quarter.'
		rec time a 1 0 5 DATE 2025-Q3 'the third quarter'
		rec sent a 2 11 20 'The plan came in the first half.'
		rec time a 2 11 15 DATE 2025-H1 'the first half'
		rec sent a 3 21 30 'Boats were moved in week 11.'
		rec time a 3 21 25 DATE 2025-W11 'week 11'
		rec sent a 4 31 40 'A storm hit the harbor in the summer.'
		rec time a 4 31 35 DATE 2025-SU 'the summer'
		rec sent a 5 41 50 'The vote was at 14:30 on March 12.'
		rec time a 5 41 45 DATE 2025-03-12T14:30 '14:30 on March 12'
		rec sent a 6 51 60 'The mayor spoke that weekend.'
		rec time a 6 51 55 DATE 2025-W11-WE 'that weekend'
		rec sent a 7 61 98 'The ferry left at 6:40 a.m. that day.'
		rec time a 7 79 88 TIME 2025-03-12T06:40 '6:40 a.m.'
	} > w.tsv
	run --separate-stderr sh -c "'$NCITE' -f md w.tsv | grep '^- ' | cut -d: -f1"
	assert_success
	assert_output "$(printf '%s\n' '- **first half of 2025**' \
	    '- **2025, week 11**' '- **2025-03-12 06' '- **2025-03-12 14' \
	    '- **2025, weekend of week 11**' '- **summer 2025**' \
	    '- **third quarter of 2025**')"
}

@test "html: the pier digest renders in headless Chromium (screenshot)" {
	command -v chromium >/dev/null 2>&1 ||
	    { apt-get install -y chromium >/dev/null 2>&1 || true; }
	command -v chromium >/dev/null 2>&1 || skip "chromium not available"
	pier_stream | "$NCITE" -f html > page.html
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$PWD/profile" \
	    --window-size=1200,1400 --screenshot="$PWD/shot.png" \
	    "file://$PWD/page.html" >/dev/null 2>&1 || true
	[ -s shot.png ]
	[ "$(head -c 8 shot.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
	[ "$(wc -c < shot.png)" -gt 20000 ]
}

@test "csl: the pier sources are valid CSL-JSON, one item a document" {
	pier_stream > p.tsv
	run --separate-stderr ncite -f csl p.tsv
	assert_success
	printf '%s\n' "$output" > out.json
	command -v python3 >/dev/null 2>&1 || skip "no python3"
	[ "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' out.json)" = 3 ]
}

@test "malformed records: file:line, exit 1, the rest goes on" {
	printf 'doc\td\t\t\t\t\nsent\td\t1\t0\nsent\td\t2\t0\t5\t"Hi,"\n' > bad.tsv
	run --separate-stderr ncite bad.tsv
	assert_failure 1
	[ "$stderr" = "ncite: bad.tsv:2: sent record has 4 fields, expected 6" ]
	assert_line --index 1 "$(printf 'sent\td\t2\t0\t5\t"Hi,"')"
}

@test "usage: a bad format exits 2; -h and --version" {
	run --separate-stderr ncite -f pdf
	assert_failure 2
	assert_equal "${stderr_lines[0]}" "ncite: -f pdf: not tsv, md, html or csl"
	assert_equal "${stderr_lines[1]}" "usage: ncite [-q] [-f tsv | md | html | csl] [file ...]"
	run --separate-stderr ncite -h
	assert_success
	run --separate-stderr ncite --version
	assert_success
	assert_output --regexp '^ncite [0-9]'
}

# ---- STYLE.md's checklist ----

@test "empty input: no output, success" {
	run --separate-stderr ncite < /dev/null
	assert_success
	assert_output ""
	run --separate-stderr ncite -f csl < /dev/null
	assert_output "[]"
}

@test "no final newline: the last record still counts" {
	printf 'doc\td\t\t\t\t\nsent\td\t1\t0\t14\t"Go," said Al.' > a.tsv
	run --separate-stderr ncite a.tsv
	assert_success
	assert_line "$(printf 'quote\td\t1\t0\t5\tAl\t"Go,"')"
}

@test "several files and -: read in order, one stream" {
	printf '"A," said Bo.\n' > a.txt
	printf '"B," said Cy.\n' > b.txt
	"$NSPLIT" a.txt > a.tsv
	"$NSPLIT" b.txt > b.tsv
	run --separate-stderr sh -c "'$NCITE' a.tsv - < b.tsv | grep ^quote | cut -f2,6"
	assert_success
	assert_output "$(printf 'a.txt\tBo\nb.txt\tCy')"
}

@test "CRLF records read as LF ones" {
	printf '"A," said Bo.\n' > a.txt
	"$NSPLIT" a.txt > a.tsv
	sed 's/$/\r/' a.tsv > crlf.tsv
	run --separate-stderr sh -c "'$NCITE' crlf.tsv | cat -A | grep -c '\^M'"
	assert_output 0
	diff <("$NCITE" a.tsv) <("$NCITE" crlf.tsv)
}

@test "invalid UTF-8 passes through without a crash" {
	printf '"Caf\351 \377 open," said Bo \200Lind.\n' > a.txt
	run --separate-stderr quotes a.txt
	assert_success
	assert_output --partial 'open,"'
}

@test "a NUL byte: that record is reported, the rest goes on" {
	printf 'doc\td\t\t\t\t\nsent\td\t1\t0\t3\tA\000B\nsent\td\t2\t4\t15\t"Go," said Al.\n' > n.tsv
	run --separate-stderr ncite n.tsv
	assert_failure 1
	[ "$stderr" = "ncite: n.tsv:2: NUL byte in record" ]
	assert_line --partial "$(printf 'quote\td\t2\t4\t9\tAl')"
}

@test "a very long line" {
	{
		printf '"'
		for i in $(seq 1 20000); do printf 'word%d ' "$i"; done
		printf 'end," said Mo Arran.\n'
	} > long.txt
	run --separate-stderr sh -c "'$NSPLIT' long.txt | '$NCITE' | grep ^quote | cut -f6"
	assert_success
	assert_output "Mo Arran"
}

@test "LC_ALL=C and C.UTF-8 give the same output" {
	diff <("$NSPLIT" "$DATA"/sample/*.txt | LC_ALL=C "$NCITE" -f md) \
	    <("$NSPLIT" "$DATA"/sample/*.txt | LC_ALL=C.UTF-8 "$NCITE" -f md)
	diff <("$NSPLIT" "$DATA"/sample/*.txt | LC_ALL=C "$NCITE") \
	    <("$NSPLIT" "$DATA"/sample/*.txt | LC_ALL=C.UTF-8 "$NCITE")
}

@test "> /dev/full fails" {
	"$NSPLIT" "$DATA"/sample/*.txt > s.tsv
	run --separate-stderr sh -c "'$NCITE' s.tsv > /dev/full"
	assert_failure 1
	assert_equal "$stderr" "ncite: stdout: No space left on device"
}

@test "| head -1 leaves stderr empty" {
	"$NSPLIT" "$DATA"/sample/*.txt > s.tsv
	for i in 1 2 3 4 5 6 7 8; do cat s.tsv; done > big.tsv
	run --separate-stderr sh -c "'$NCITE' big.tsv | head -1"
	assert_success
	[ "$stderr" = "" ]
}

@test "input cut at document starts gives the same quote records" {
	"$NSPLIT" "$DATA"/sample/*.txt > s.tsv
	awk '/^doc\t/ { n++ } { print > ("part" n ".tsv") }' s.tsv
	diff <("$NCITE" s.tsv | grep '^quote') \
	    <(for f in part*.tsv; do "$NCITE" "$f"; done | grep '^quote')
}
