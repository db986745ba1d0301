#!/usr/bin/env bats
# ndates: each family of time expressions, anchoring, tense, the record
# stream, and STYLE.md's checklist.  The sentences are written for these
# tests; the document date is Wednesday 2025-03-12 unless said.

load common

NDATES=$BIN/ndates
ndates() { "$NDATES" "$@"; }

setup() {
	common_setup
}

# stream SENTENCE [DATE]: a doc record and one sent record, offsets 0..
stream() {
	printf 'doc\td1\t%s\t\t\t\nsent\td1\t1\t0\t%d\t%s\n' "${2-2025-03-12}" \
	    "${#1}" "$1"
}

# times SENTENCE [DATE]: "TYPE VALUE TEXT" of each time record, one a line
times() {
	stream "$@" | "$NDATES" | awk -F'\t' '$1 == "time" { print $6, $7, $8 }'
}

# expect SENTENCE TYPE VALUE TEXT: that expression among the sentence's
expect() {
	run times "$1"
	assert_success
	assert_line "$2 $3 $4"
}

@test "dates with month names" {
	expect "The vote is on March 20." DATE 2025-03-20 "March 20"
	expect "The deal closed Aug. 7, 2019." DATE 2019-08-07 "Aug. 7, 2019"
	expect "It opened on 14 June 2024." DATE 2024-06-14 "14 June 2024"
	expect "Rents went up in July 2021." DATE 2021-07 "July 2021"
	expect "The season runs from October to May." DATE 2025-05 May
	# the second month of a range goes on from the first
	run times "The season runs from June through October." 2025-03-19
	assert_line "DATE 2025-06 June"
	assert_line "DATE 2025-10 October"
	run times "It ran from October 2023 to March." 2025-01-10
	assert_line "DATE 2024-03 March"
	# weekdays of a range or a short list go on from the first
	run times "The office was open Monday through Friday."
	assert_line "DATE 2025-03-10 Monday"
	assert_line "DATE 2025-03-14 Friday"
	run times "Statements were made Friday and Thursday."
	assert_line "DATE 2025-03-07 Friday"
	assert_line "DATE 2025-03-06 Thursday"
	# a range's year makes no February 29 that never was
	run times "The offer ran from January 2023 to February 29." 2024-03-12
	assert_line "DATE 2024-02-29 February 29"
	# a month put after a year is in that year
	run times "The bank cut rates twice last year, in June and July." 2025-04-15
	assert_line "DATE 2024-06 June"
	assert_line "DATE 2024-07 July"
	expect "The plane landed at 3:15 p.m. local time." TIME \
	    2025-03-12T15:15 "3:15 p.m. local time"
	run times "He will talk to May on Monday."
	refute_output --partial "May"
	expect "Sales rise in early June." DATE 2025-06 "early June"
	expect "The fair is held the 5th of May." DATE 2025-05-05 "the 5th of May"
	expect "The 22 March deadline passed." DATE 2025-03-22 "22 March"
	expect "The law changed in January this year." DATE 2025-01 \
	    "January this year"
}

@test "dates in numbers: ISO, US numeric, years" {
	expect "The filing is dated 2024-06-14." DATE 2024-06-14 2024-06-14
	expect "The filing is dated 6/14/2024." DATE 2024-06-14 6/14/2024
	expect "It was founded in 2017." DATE 2017 2017
	expect "It peaked in mid-2023." DATE 2023 mid-2023
	expect "Profit in fiscal 2024 rose." DATE 2024 "fiscal 2024"
	run times "It costs 2017 dollars, up 2019%."
	refute_output --partial "DATE 2019"
}

@test "decades, centuries, quarters, halves and seasons" {
	expect "Music of the 1990s is back." DATE 199 "the 1990s"
	expect "Music of the '80s is back." DATE 198 "the '80s"
	expect "Music of the 1990's is back." DATE 199 "the 1990's"
	expect "Rents rose in the mid-1980's." DATE 198 "the mid-1980's"
	# a year's possessive is no decade, and no part of the expression
	expect "In 1990's budget, cuts were made." DATE 1990 1990
	expect "Sales in 2012's final months fell." DATE 2012 2012
	expect "It is the 21st century." DATE 20 "the 21st century"
	expect "The law expires at the end of the decade." DATE 202 \
	    "the end of the decade"
	expect "Results for Q3 are due in October." DATE 2025-Q3 Q3
	expect "Results for the fourth quarter of 2023 were weak." DATE \
	    2023-Q4 "the fourth quarter of 2023"
	expect "Sales will rise in the first half of 2026." DATE 2026-H1 \
	    "the first half of 2026"
	expect "Sales will rise in the first half." DATE 2025-H1 "the first half"
	expect "Sales fell in the last half of 2023." DATE 2023-H2 \
	    "the last half of 2023"
	expect "Profit in fiscal year 1991 will be flat." DATE 1991 \
	    "fiscal year 1991"
	expect "Crops failed last summer." DATE 2024-SU "last summer"
	expect "The road opens this winter." DATE 2025-WI "this winter"
}

@test "relative dates: last, this, next, ago, later" {
	expect "Prices rose last month." DATE 2025-02 "last month"
	expect "The board meets this week." DATE 2025-W11 "this week"
	expect "It is the week's busiest day." DATE 2025-W11 "the week"
	expect "Crowds gathered this past weekend." DATE 2025-W10-WE \
	    "this past weekend"
	expect "Elections are next year." DATE 2026 "next year"
	expect "The mill closed three years ago." DATE 2022 "three years ago"
	expect "It happened two days ago." DATE 2025-03-10 "two days ago"
	expect "The shop opened yesterday." DATE 2025-03-11 yesterday
	expect "The shop opens today." DATE 2025-03-12 today
	expect "The shop opens tomorrow." DATE 2025-03-13 tomorrow
	# earlier and later in the day are that day; the day before is not
	expect "Earlier yesterday, the shop shut." DATE 2025-03-11 \
	    "Earlier yesterday"
	expect "The shop opens later today." DATE 2025-03-12 "later today"
	expect "The shop shut the day before yesterday." DATE 2025-03-10 \
	    "the day before yesterday"
	expect "Voters decide two weeks from now." DATE 2025-W13 \
	    "two weeks from now"
	expect "The team lost earlier this year." DATE 2025 "earlier this year"
}

@test "weekdays follow the tense of the sentence" {
	expect "The minister resigned on Monday." DATE 2025-03-10 Monday
	expect "The committee will meet on Monday." DATE 2025-03-17 Monday
	expect "The committee met on Friday." DATE 2025-03-07 Friday
	expect "Voting ends on Friday, officials will say." DATE 2025-03-14 \
	    Friday
	expect "The court ruled last Tuesday." DATE 2025-03-11 "last Tuesday"
	# a plan, a deadline, a passive after will: the days ahead
	expect "The firm plans to sell the plant on Friday." DATE 2025-03-14 \
	    Friday
	expect "The firm is expected to sell the plant on Friday." DATE \
	    2025-03-14 Friday
	# a weekday after a past act and an infinitive goes with the act;
	# a month further off with the act still to come
	expect "The firm agreed to sell the plant on Friday." DATE 2025-03-07 \
	    Friday
	expect "Rivals extended their offers to acquire the maker Friday." \
	    DATE 2025-03-07 Friday
	expect "The firm agreed to sell the plant in June." DATE 2025-06 June
	# a verb after "and" is the next clause's when one before spoke
	expect "He met Prime Minister Ann Lee on Monday and will travel on Friday." \
	    DATE 2025-03-10 Monday
	expect "On Friday, he will visit the site." DATE 2025-03-14 Friday
	# a present that schedules: starts, opens, takes effect; not after to
	expect "The match kicks off at 8pm on Saturday." TIME \
	    2025-03-15T20:00 "8pm on Saturday"
	run times "The law takes effect Jan. 1." 2025-06-20
	assert_line "DATE 2026-01-01 Jan. 1"
	expect "The offer had been due to expire Friday." DATE 2025-03-07 \
	    Friday
	expect "The Hawks play the Knicks on Saturday." DATE 2025-03-15 \
	    Saturday
	expect "The team did not play on Friday." DATE 2025-03-07 Friday
	expect "The team didn't play on Friday." DATE 2025-03-07 Friday
	expect "The offer runs until 5 p.m. Tuesday." TIME 2025-03-18T17:00 \
	    "5 p.m. Tuesday"
	expect "A chair will be named in December." DATE 2025-12 December
	expect "The owners fought in June." DATE 2024-06 June
	# since points back; a participle after an article is an adjective
	expect "Police have searched since the Oct. 23 attack." DATE \
	    2024-10-23 "Oct. 23"
	expect "It will be paid on an unspecified date in June." DATE \
	    2025-06 June
	# a plan in the past perfect is over: had been due, had been set
	expect "The offer had been due to expire on Friday." DATE \
	    2025-03-07 Friday
	expect "The vote had been scheduled to start at noon Monday." TIME \
	    2025-03-10T12:00 "noon Monday"
}

@test "the reference moves to the last date mentioned" {
	run times "On June 14 the plant closed. Two days later it reopened."
	assert_line "DATE 2024-06-14 June 14"
	assert_line "DATE 2024-06-16 Two days later"
	# across sentences of one document
	run ndates <<-EOF
	$(printf 'doc\td1\t2025-03-12\t\t\t')
	$(printf 'sent\td1\t1\t0\t30\tThe dam burst on Aug. 3, 2020.')
	$(printf 'sent\td1\t2\t31\t60\tThe next day, crews arrived.')
	EOF
	assert_success
	assert_line "$(printf 'time\td1\t2\t31\t43\tDATE\t2020-08-04\tThe next day')"
	# a clock time alone falls on the day just named
	run times "The bomb went off on Monday. Police came at 10:35 a.m."
	assert_line "TIME 2025-03-10T10:35 10:35 a.m."
	# a year named in between moves no clock
	run times "The bridge fell on Monday. It was built in 1931. It gave way at 6:40 a.m."
	assert_line "TIME 2025-03-10T06:40 6:40 a.m."
	run times "The plant closed on March 3. Police came that same day."
	assert_line "DATE 2025-03-03 that same day"
	# a weekday with previous or following counts from that day
	run times "Shares fell on March 7, down from the previous Friday."
	assert_line "DATE 2025-02-28 the previous Friday"
	# the end of next year: next to the document's year, whatever was
	# named before; the month of a year named is the document's
	run times "Shares rose in September. The plant will reopen by the end of next year."
	assert_line "DATE 2026 the end of next year"
	run times "Sales rose in 2010. The end of the month was quiet."
	assert_line "DATE 2025-03 The end of the month"
	# the day before, the year after: from the time just named
	run times "He was held on March 3. The day before, he had fled."
	assert_line "DATE 2025-03-02 The day before"
	run times "Sales fell last year, down from the year before."
	assert_line "DATE 2023 the year before"
	run times "It was the week before last; the month after next is busy."
	assert_line "DATE 2025-W09 the week before last"
	assert_line "DATE 2025-05 the month after next"
	# the year of an act to come is not one gone by
	run times "Prices peaked in late 2011. Rates will rise by the end of the year."
	assert_line "DATE 2025 the end of the year"
	run times "Prices peaked in late 2011. They fell by the end of the year."
	assert_line "DATE 2011 the end of the year"
}

@test "durations" {
	expect "She ruled for nearly 15 years." DURATION P15Y "nearly 15 years"
	expect "The talks could take weeks." DURATION PXW weeks
	expect "The strike lasted six months." DURATION P6M "six months"
	expect "The show ran for 2 1/2 hours." DURATION PT2H30M "2 1/2 hours"
	expect "Output fell over the past three years." DURATION P3Y \
	    "the past three years"
	expect "It was a two-week trial." DURATION P2W two-week
	expect "He waited for a few days." DURATION PXD "a few days"
	# hours of a kind are no length
	run times "Stores cut their opening hours in the early morning hours."
	assert_output ""
	expect "He waited for twenty four hours." DURATION PT24H \
	    "twenty four hours"
	# no date that far: nothing overflows, the value is unknown
	expect "It was 99999999999999999999999 years ago." DATE XXXX \
	    "99999999999999999999999 years ago"
	expect "It ended 110000 days later." DATE 2326-05-14 \
	    "110000 days later"
	expect "It ends 99999 years later." DATE XXXX "99999 years later"
	# a number like a year before years is a length
	expect "The temple stood for 2000 years." DURATION P2000Y "2000 years"
	expect "It was kept for two thousand years." DURATION P2000Y \
	    "two thousand years"
	expect "It will grow over the following decade." DURATION P10Y \
	    "the following decade"
	run times "They built for a once-in-a-century flood."
	assert_output ""
	# last the verb is no part of the length; the adjective is
	expect "The talks will last two days." DURATION P2D "two days"
	expect "Supplies are expected to last several weeks." DURATION PXW \
	    "several weeks"
	expect "Prices fell over the last two days." DURATION P2D \
	    "the last two days"
	expect "It rained and last year it snowed." DATE 2024 "last year"
}

@test "sets" {
	expect "The club meets every Monday." SET XXXX-WXX-1 "every Monday"
	expect "The club meets on Tuesdays." SET XXXX-WXX-2 Tuesdays
	expect "The paper comes out daily." SET P1D daily
	run times "He reads the Daily News."
	assert_output ""
	expect "Members meet twice a year." SET P1Y "twice a year"
	# a rate after an amount is no set: $500 million a year, 700 seats
	# a week
	run times "It saves \$500 million a year and adds 700 seats a week."
	assert_output ""
	expect "The index rose 3 points, a week after the vote." DURATION \
	    P1W "a week"
	expect "The fair is held each July." SET XXXX-07 "each July"
}

@test "times of day" {
	expect "Polls close at 3 p.m. EST." TIME 2025-03-12T15:00 "3 p.m. EST"
	expect "He spoke at 10:30 a.m. Tuesday." TIME 2025-03-11T10:30 \
	    "10:30 a.m. Tuesday"
	# a game clock is no time of day
	run times "With 2:15 left in the game, he scored."
	assert_output ""
	# am and pm run together with the number
	expect "Polls close at 8pm." TIME 2025-03-12T20:00 8pm
	expect "Polls close at 8:30pm." TIME 2025-03-12T20:30 8:30pm
	expect "Doors open at 10AM." TIME 2025-03-12T10:00 10AM
	# as in TimeBank: the part of a named day is a DATE, the part of
	# a day named from now a TIME
	expect "The fair opened Friday morning." DATE 2025-03-07TMO \
	    "Friday morning"
	expect "Talks resume tomorrow morning." TIME 2025-03-13TMO \
	    "tomorrow morning"
	expect "Shots were heard last night." TIME 2025-03-11TNI "last night"
	expect "The store shuts at noon." TIME 2025-03-12T12:00 noon
	# a clock time with a part of the day after noon
	expect "He will speak at 9:30 tonight." TIME 2025-03-12T21:30 \
	    "9:30 tonight"
}

@test "company results: the year, periods, a year earlier" {
	expect "Net income for the year rose 4%." DATE 2025 "the year"
	expect "Sales for the fiscal year ended June 30 fell." DURATION P1Y \
	    "the fiscal year"
	expect "Costs fell by the end of the year." DATE 2025 \
	    "the end of the year"
	expect "Profit rose in the latest period." DATE 2024-Q4 \
	    "the latest period"
	# after a quarter: the period and a year earlier are that quarter
	run times "Profit rose in the third quarter. It was up 5% from a year earlier, and the 2023 period was weak."
	assert_line "DATE 2024-Q3 the third quarter"
	assert_line "DATE 2023-Q3 a year earlier"
	assert_line "DATE 2023-Q3 the 2023 period"
	expect "Sales were flat in the year-ago period." DATE 2024 \
	    "the year-ago period"
	# the full year is the document's, not the last year named
	run times "Sales peaked in 2019. The firm sees growth for the full year."
	assert_line "DATE 2025 the full year"
	# a year-earlier loss: a date, not a year long
	run times "It lost \$5 in the third quarter, after a year-earlier loss of \$6."
	assert_line "DATE 2023-Q3 year-earlier"
	refute_line --partial "DURATION"
	# the quarter a year ago, last year's quarter: the report's quarter
	run times "Net rose in the second quarter. For the quarter a year ago it was flat, and last year's quarter had a charge."
	assert_line "DATE 2023-Q2 the quarter a year ago"
	assert_line "DATE 2023-Q2 last year's quarter"
	# the quarter and this quarter of a report: the quarter it is about;
	# the 2023 quarter is that year's, not 2023 quarters long
	run times "Net rose in the fourth quarter. Sales in the quarter were up. This quarter's margin fell, and the 2023 quarter was weak."
	assert_line "DATE 2024-Q4 the quarter"
	assert_line "DATE 2024-Q4 This quarter"
	assert_line "DATE 2023-Q4 the 2023 quarter"
	run times "The quarter-to-quarter comparison was flat."
	assert_output ""
}

@test "decades and centuries as spans or as dates" {
	expect "Wages rose over the past decade." DURATION P10Y \
	    "the past decade"
	expect "Wages rose in the next century." DURATION P100Y \
	    "the next century"
	expect "Wages rose this decade." DATE 202 "this decade"
}

@test "names of months, seasons and years in words" {
	expect "The mill shut last May." DATE 2024-05 "last May"
	expect "The mill shut this past spring." DATE 2024-SP \
	    "this past spring"
	# in January and February the winter began the year before: the
	# fall before is last year's, the spring ahead this year's
	run times "Hiring began last fall and ends next spring." 2025-01-20
	assert_line "DATE 2024-FA last fall"
	assert_line "DATE 2025-SP next spring"
	expect "We vote this coming Sunday." DATE 2025-03-16 \
	    "this coming Sunday"
	expect "It began in the year two thousand." DATE 2000 \
	    "the year two thousand"
	expect "It snowed in the winter of nineteen ninety-four." DATE 1994-WI \
	    "the winter of nineteen ninety-four"
	expect "It began in January nineteen ninety-seven." DATE 1997-01 \
	    "January nineteen ninety-seven"
}

@test "vague spans and points, with or so, or two, and" {
	expect "The plant closed several years ago." DATE PAST_REF \
	    "several years ago"
	expect "It hit a quarter-century low." DURATION P25Y \
	    "a quarter-century"
	expect "Profit came after several quarters of losses." DURATION PXQ \
	    "several quarters"
	expect "Rates rise in the short term." DATE FUTURE_REF "the short term"
	# words that name no time here
	run times "Troops searched the living quarters. More than a quarter of the votes were cast. Crowds joined the March of the Mothers."
	assert_success
	assert_output ""
	expect "The plant closed a week or so ago." DATE 2025-W10 \
	    "a week or so ago"
	expect "Repairs take weeks or months." DURATION PXW "weeks or months"
	expect "Prices rose in recent weeks and months." DURATION PXW \
	    "recent weeks and months"
	expect "The loan runs 2 1/2 years." DURATION P2Y6M "2 1/2 years"
	# "over" is a preposition as often as not, "its" a determiner
	# TimeBank leaves out: outside
	expect "Costs rose over three years." DURATION P3Y "three years"
	expect "Profit fell in its fourth quarter." DATE 2024-Q4 \
	    "fourth quarter"
	expect "The year-ago figure was lower." DATE 2024 year-ago
	expect "Rates stay low in the near term." DATE FUTURE_REF \
	    "the near term"
	expect "The deal closed late yesterday." DATE 2025-03-11 \
	    "late yesterday"
	expect "Stocks are falling right now." DATE PRESENT_REF now
	expect "More recently, the firm hired." DATE PAST_REF "More recently"
}

@test "now, recently, the future" {
	expect "Prices are high now." DATE PRESENT_REF now
	expect "Now that the talks failed, prices rose." DATE PRESENT_REF Now
	expect "Rates are currently low." DATE PRESENT_REF currently
	expect "He fears the current slump." DATE PRESENT_REF current
	run times "The current account deficit grew."
	assert_output ""
	expect "He recently moved." DATE PAST_REF recently
	expect "Costs will rise in the future." DATE FUTURE_REF "the future"
	expect "The vote was put off to a later date." DATE FUTURE_REF \
	    "a later date"
	expect "Fix it as soon as possible." DATE FUTURE_REF \
	    "as soon as possible"
	expect "The then current rules applied." DATE PAST_REF "then current"
	# years and quarters before or after now, with no number: no length
	expect "Exports grew in recent years." DATE PAST_REF "recent years"
	expect "Margins may narrow in coming quarters." DATE FUTURE_REF \
	    "coming quarters"
	expect "Sales slid over the past several quarters." DATE PAST_REF \
	    "the past several quarters"
	expect "Prices rose in the past few years." DURATION PXY \
	    "the past few years"
	expect "Prices rose in recent weeks." DURATION PXW "recent weeks"
	# a word of time capitalised inside a sentence is a name
	run times "He spoke on ABC's This Week and on 60 Minutes at High Noon."
	assert_output ""
}

@test "holidays: the nearest one, or the one the tense points to" {
	expect "Shops closed on Christmas Day." DATE 2024-12-25 "Christmas Day"
	expect "Shops will close on Christmas Day." DATE 2025-12-25 \
	    "Christmas Day"
	expect "Turkey sales will peak at Thanksgiving." DATE 2025-11-27 \
	    Thanksgiving
}

@test "no document date: the unknown parts are X, never the clock" {
	run times "The vote is on March 20 and was set last month." ""
	assert_success
	assert_line "DATE XXXX-03-20 March 20"
	assert_line "DATE XXXX-XX last month"
	run times "Talks resume tomorrow, three years after the 2019 vote." ""
	assert_line "DATE XXXX-XX-XX tomorrow"
	assert_line "DATE 2019 2019"
}

@test "-d gives the date where the doc record has none" {
	stream "The vote is on March 20." "" > in.tsv
	run --separate-stderr ndates -d 2023-01-05 in.tsv
	assert_success
	assert_line "$(printf 'time\td1\t1\t15\t23\tDATE\t2023-03-20\tMarch 20')"
	# the doc record's own date wins
	stream "The vote is on March 20." 2021-02-02 > in2.tsv
	run --separate-stderr ndates -d 2023-01-05 in2.tsv
	assert_line "$(printf 'time\td1\t1\t15\t23\tDATE\t2021-03-20\tMarch 20')"
	# and without any doc record
	printf 'sent\tx\t1\t0\t8\tMarch 20\n' > in3.tsv
	run --separate-stderr ndates -d 2023-01-05 in3.tsv
	assert_line "$(printf 'time\tx\t1\t0\t8\tDATE\t2023-03-20\tMarch 20')"
	run --separate-stderr ndates -d 2023-13-45 in3.tsv
	assert_failure 2
}

@test "time records follow their sent record; offsets into the document" {
	printf 'doc\td1\t2025-03-12\t\t\t\n' > in.tsv
	printf 'sent\td1\t1\t100\t124\tThe vote is on March 20.\n' >> in.tsv
	printf 'ent\td1\t1\t104\t108\tMISC\tvote\tvote\n' >> in.tsv
	run --separate-stderr ndates in.tsv
	assert_success
	assert_equal "$stderr" ""
	assert_line --index 0 "$(printf 'doc\td1\t2025-03-12\t\t\t')"
	assert_line --index 1 --partial "$(printf 'sent\td1\t1\t100')"
	assert_line --index 2 "$(printf 'time\td1\t1\t115\t123\tDATE\t2025-03-20\tMarch 20')"
	assert_line --index 3 --partial "$(printf 'ent\td1\t1\t104')"
}

@test "other records, comments and unknown kinds pass through unchanged" {
	printf '# a comment\tstays\nstory\t1\td1\nmykind\ta\tb\\tc\ndoc\td1\t\t\t\t\n' > in.tsv
	printf 'time\td1\t1\t0\t3\tDATE\t2020\told\n' >> in.tsv
	run --separate-stderr ndates in.tsv
	assert_success
	assert_equal "$output" "$(cat in.tsv)"
}

@test "TEXT escapes are undone before matching, kept in the output" {
	printf 'doc\td1\t2025-03-12\t\t\t\nsent\td1\t1\t0\t30\tA back\\\\slash on March 20.\n' > in.tsv
	run --separate-stderr ndates in.tsv
	assert_success
	assert_line "$(printf 'time\td1\t1\t16\t24\tDATE\t2025-03-20\tMarch 20')"
}

@test "a malformed record: file:line on stderr, exit 1, the rest go on" {
	printf 'doc\td1\t2025-03-12\t\t\t\nsent\td1\tone\t0\t8\tMarch 20\nsent\td1\t2\t9\t17\tMarch 21\n' > bad.tsv
	run --separate-stderr ndates bad.tsv
	assert_failure 1
	assert_equal "$stderr" \
	    "ndates: bad.tsv:2: sent record: field 3 is not a number; record skipped"
	assert_line "$(printf 'time\td1\t2\t9\t17\tDATE\t2025-03-21\tMarch 21')"
	printf 'sent\td1\t1\t0\n' > short.tsv
	run --separate-stderr ndates short.tsv
	assert_failure 1
	[[ $stderr == *"short.tsv:1: sent record has 4 fields, expected 6"* ]]
}

@test "empty input: empty output" {
	run --separate-stderr ndates < /dev/null
	assert_success
	assert_output ""
	assert_equal "$stderr" ""
}

@test "no final newline: the last record still comes out, with a newline" {
	printf 'doc\td1\t2025-03-12\t\t\t\nsent\td1\t1\t0\t8\tMarch 20' > nonl.tsv
	run --separate-stderr ndates nonl.tsv
	assert_success
	assert_line --index 2 "$(printf 'time\td1\t1\t0\t8\tDATE\t2025-03-20\tMarch 20')"
	ndates nonl.tsv | tail -c 1 | od -An -c | grep -q '\\n'
}

@test "- is standard input, among several files in order" {
	stream "It opens on May 2." > a.tsv
	stream "It opens on May 3." > b.tsv
	stream "It opens on May 4." > c.tsv
	run --separate-stderr ndates a.tsv - c.tsv < b.tsv
	assert_success
	assert_equal "$(printf '%s\n' "$output" | awk -F'\t' '$1 == "time" { print $7 }' | tr '\n' ' ')" \
	    "2025-05-02 2025-05-03 2025-05-04 "
}

@test "CRLF lines give the same records" {
	stream "The vote is on March 20." > lf.tsv
	sed 's/$/\r/' lf.tsv > crlf.tsv
	assert_equal "$(ndates crlf.tsv)" "$(ndates lf.tsv)"
}

@test "words are found at every offset, a digit anywhere in them, UTF-8 around" {
	local pad=""
	for k in 0 1 2 3 4 5 6 7 8 9; do
		run times "${pad}Sales fell in 1998 and in the 1980s, not in abcdefghij1999."
		assert_line "DATE 1998 1998"
		assert_line "DATE 198 the 1980s"
		refute_line --partial "1999"
		run times "${pad}Le café ouvre en août, le 20 mars, avant March 20."
		assert_line "DATE 2025-03-20 March 20"
		pad="x$pad"
	done
	run times "Il a rédigé2019 des résumés en 2019."
	assert_line "DATE 2019 2019"
	refute_line --partial "rédigé"
}

@test "invalid UTF-8 does not stop the matching" {
	printf 'doc\td1\t2025-03-12\t\t\t\nsent\td1\t1\t0\t20\tCaf\351 \377 March 20\n' > bad.tsv
	run --separate-stderr ndates bad.tsv
	assert_success
	assert_line "$(printf 'time\td1\t1\t7\t15\tDATE\t2025-03-20\tMarch 20')"
	[ "$(ndates bad.tsv | head -2)" = "$(head -2 bad.tsv)" ]
}

@test "a NUL byte: the record is named and skipped, exit 1" {
	printf 'doc\td1\t2025-03-12\t\t\t\nsent\td1\t1\t0\t8\tMar\000ch 20\nsent\td1\t2\t9\t17\tMarch 21\n' > nul.tsv
	run --separate-stderr ndates nul.tsv
	assert_failure 1
	assert_equal "$stderr" "ndates: nul.tsv:2: NUL byte in record; record skipped"
	assert_line "$(printf 'time\td1\t2\t9\t17\tDATE\t2025-03-21\tMarch 21')"
}

@test "a very long line: 4 MB in one sentence" {
	awk 'BEGIN { printf "doc\td1\t2025-03-12\t\t\t\nsent\td1\t1\t0\t4000000\t";
	    for (i = 0; i < 100000; i++) printf "Talks on May 2 go on here.. ";
	    printf "\n" }' > long.tsv
	run --separate-stderr ndates long.tsv
	assert_success
	assert_equal "$(printf '%s\n' "$output" | grep -c '^time')" 100000
}

@test "LC_ALL=C and C.UTF-8 give the same output" {
	stream "Polls close at 3 p.m. EST on Friday, March 14." > in.tsv
	a=$(LC_ALL=C ndates in.tsv)
	b=$(LC_ALL=C.UTF-8 ndates in.tsv)
	assert_equal "$a" "$b"
	[ -n "$a" ]
}

@test "a write error (> /dev/full) fails with exit 1 and a message" {
	[ -w /dev/full ] || skip "no /dev/full"
	stream "The vote is on March 20." > in.tsv
	run --separate-stderr bash -c "'$NDATES' in.tsv > /dev/full"
	assert_failure 1
	[[ $stderr == ndates:* ]]
}

@test "| head -1 ends quietly: stderr stays empty" {
	awk 'BEGIN { for (i = 0; i < 50000; i++)
	    printf "doc\td%d\t2025-03-12\t\t\t\nsent\td%d\t1\t0\t8\tMarch 20\n", i, i }' > many.tsv
	run --separate-stderr bash -c "'$NDATES' many.tsv | head -1"
	assert_success
	assert_output "$(printf 'doc\td0\t2025-03-12\t\t\t')"
	assert_equal "$stderr" ""
}

@test "input cut at document starts gives the same output as the whole" {
	{
		stream "On June 14 the plant closed. Two days later it reopened."
		stream "Talks resume on Monday." 2024-01-03
		stream "The mill closed three years ago." ""
	} > all.tsv
	awk '/^doc\t/ { n++ } { print > ("part" n ".tsv") }' all.tsv
	whole=$(ndates all.tsv)
	parts=$(for f in part1.tsv part2.tsv part3.tsv; do ndates "$f"; done)
	assert_equal "$parts" "$whole"
	assert_equal "$(ndates part1.tsv part2.tsv part3.tsv)" "$whole"
}

@test "a missing file is named on stderr, the rest go on, exit 1" {
	stream "The vote is on March 20." > a.tsv
	run --separate-stderr ndates nosuch.tsv a.tsv
	assert_failure 1
	[[ $stderr == "ndates: nosuch.tsv: "* ]]
	assert_line --partial "2025-03-20"
}

@test "-h, --version and bad options" {
	run --separate-stderr ndates -h
	assert_success
	assert_output "usage: ndates [-d date] [file ...]"
	assert_equal "$stderr" ""
	run --separate-stderr ndates --help
	assert_success
	run --separate-stderr ndates -x
	assert_failure 2
	assert_equal "$stderr" "$(printf 'ndates: invalid option -- %s\nusage: ndates [-d date] [file ...]' "'x'")"
	run --separate-stderr ndates --version
	assert_success
	[[ $output == "ndates "* ]]
	run --separate-stderr ndates -x
	assert_failure 2
	run --separate-stderr ndates -d
	assert_failure 2
}

@test "nsplit | ndates: offsets cut the expressions out of the original" {
	printf 'The port will reopen on March 20.  Officials said\nlast month that repairs take weeks.\n' > art.txt
	run --separate-stderr bash -c "'$NSPLIT' -d 2025-03-12 art.txt | '$NDATES'"
	assert_success
	assert_line "$(printf 'time\tart.txt\t1\t24\t32\tDATE\t2025-03-20\tMarch 20')"
	assert_line "$(printf 'time\tart.txt\t2\t50\t60\tDATE\t2025-02\tlast month')"
	assert_line "$(printf 'time\tart.txt\t2\t79\t84\tDURATION\tPXW\tweeks')"
}

@test "nsplit | ndates: a fold record keeps offsets exact after CR LF and double spaces" {
	printf 'The port will reopen on March 20.  Officials said\r\nlast month that  repairs take weeks.\n' > art.txt
	run --separate-stderr bash -c "'$NSPLIT' -d 2025-03-12 art.txt | '$NDATES'"
	assert_success
	assert_line --index 4 --regexp '^fold	'
	assert_line --index 5 "$(printf 'time\tart.txt\t2\t51\t61\tDATE\t2025-02\tlast month')"
	assert_line --index 6 "$(printf 'time\tart.txt\t2\t81\t86\tDURATION\tPXW\tweeks')"
	[ "$(dd if=art.txt bs=1 skip=51 count=10 2>/dev/null)" = "last month" ]
	[ "$(dd if=art.txt bs=1 skip=81 count=5 2>/dev/null)" = "weeks" ]
}
