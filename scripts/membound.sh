#!/bin/sh
# membound.sh [MB [DOCS]]: the memory the programs hold on a long stream.
# Streams about MB megabytes (1000) of articles through
#   nsplit -t | nentities | ndates | ncite -q
# through pipes (nothing that size is written) and prints each stage's
# maximum resident set, which must stay under 100 MB however long the
# stream; then nmerge's, and its time, on the bench's stream of DOCS
# (100000) articles (scripts/bench/corpus.py articles, through nsplit,
# nentities and ndates; DOCS 0 skips it), which is bounded by the largest
# story and the per-document signatures instead.
# The long stream is, by MEMBOUND_TEXT (both):
#   bench  the bench's text corpus (scripts/bench/corpus.py text): the
#          paragraphs of BENCH_DATA (../shared/data) drawn and shuffled
#          into documents, again and again; synthesised text without it
#   gen    invented articles whose names and places come from pools that
#          grow with the stream, as news does
#   both   the one, then the other
# By hand or from make stress, never a timed test: it takes minutes.
# Exits 1 if a streaming stage went over 100 MB or a stage failed.
set -u
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.." || exit 1
top=$(pwd)
mb=${1:-1000}
text=${MEMBOUND_TEXT:-both}
data=${BENCH_DATA:-$top/../shared/data}
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
ndocs=${2:-100000}
limit=102400	# KB
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsutils-mem.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
for p in nsplit nentities ndates nmerge ncite; do
	[ -x "bin/$p" ] || { echo "membound: no bin/$p (make)" >&2; exit 1; }
done
if ! /usr/bin/time -f %M true > /dev/null 2>&1; then
	echo "membound: GNU time (/usr/bin/time) is needed" >&2
	exit 1
fi

# gen BYTES SEED: a table (id date source text) of invented articles:
# names, places and organisations from a pool that grows with the
# stream, as news does, dates, quotations with speech tags
gen() {
	perl -e '
	my ($bytes, $seed) = @ARGV;
	srand($seed);
	my @c = qw(b c d f g h k l m n p r s t v z br dr gr kr st tr pl);
	my @v = qw(a e i o u a e o ai ou);
	my @mon = qw(January February March April May June July August
	    September October November December);
	my @day = qw(Monday Tuesday Wednesday Thursday Friday);
	my @org = ("Corp.", "Council", "Ministry", "Group", "Bank");
	my @w = map { my $x = ""; $x .= $c[rand @c] . $v[rand @v]
	    for 0 .. rand 3; $x } 1 .. 3000;
	sub cap { ucfirst $_[0] }
	sub pick { $_[int rand @_] }
	# 1000 texts with room for names (\001) and places (\002)
	my @base;
	for (1 .. 1000) {
		my @s;
		for (1 .. 8 + int rand 30) {
			my $r = rand();
			my $t = join(" ", map { pick(@w) } 1 .. 6 + int rand 14);
			if ($r < 0.2) {
				push @s, "\"" . cap($t) . ",\" \001 said on " . pick(@day) . ".";
			} elsif ($r < 0.4) {
				push @s, cap($t) . " in \002 on " . pick(@mon) . " " . (1 + int rand 28) . ", " . (2019 + int rand 7) . ".";
			} elsif ($r < 0.5) {
				push @s, "The " . cap(pick(@w)) . " " . pick(@org) . " " . $t . " last week.";
			} else {
				push @s, cap($t) . " \001 " . $t . ".";
			}
		}
		my $text = join(" ", @s);
		$text =~ s/(\. )("?[A-Z])/rand() < 0.15 ? ".\\n\\n$2" : "$1$2"/ge;
		push @base, $text;
	}
	# names and places from pools that grow with the stream, as news does
	my (@names, @places);
	my ($out, $n) = (0, 0);
	print "id\tdate\tsource\ttext\n";
	while ($out < $bytes) {
		$n++;
		push @names, cap(pick(@w)) . " " . cap(pick(@w)) if @names < 5 || rand() < 0.3;
		push @places, cap(pick(@w)) if @places < 5 || rand() < 0.1;
		my $text = $base[$n % 1000];
		$text =~ s/\001/$names[rand @names]/g;
		$text =~ s/\002/$places[rand @places]/g;
		my $row = sprintf("a%07d\t2025-%02d-%02d\tOutlet %d\t%s\n", $n,
		    1 + $n % 12, 1 + $n % 28, $n % 7, $text);
		print $row;
		$out += length $row;
	}
	print STDERR "generated $n $out\n";' "$1" "$2"
}

# rss FILE: the KB that /usr/bin/time -f %M wrote to FILE
rss() {
	tail -n 1 "$1"
}

bad=0
# stage NAME KB: one figure, flagged when over the limit
stage() {
	printf '%-10s %8.1f MB max RSS' "$1" "$(echo "$2" | awk '{ print $1 / 1024 }')"
	if [ "$2" -gt "$limit" ]; then
		printf '  OVER 100 MB'
		bad=1
	fi
	echo
}

# long SOURCE: the long stream of SOURCE through the streaming stages
long() {
	rm -f "$tmp"/fail.* "$tmp"/rss.*
	echo "membound: streaming $mb MB of $1 text through the" \
	    "per-document stages" >&2
	t0=$(date +%s)
	if [ "$1" = bench ]; then
		$py scripts/bench/corpus.py text "$data" - --mb "$mb" \
		    2> "$tmp/gen"
	else
		gen $((mb * 1000000)) 1 2> "$tmp/gen"
	fi |
	    { /usr/bin/time -o "$tmp/rss.nsplit" -f %M bin/nsplit -t ||
	    echo fail > "$tmp/fail.nsplit"; } |
	    { /usr/bin/time -o "$tmp/rss.nentities" -f %M bin/nentities ||
	    echo fail > "$tmp/fail.nentities"; } |
	    { /usr/bin/time -o "$tmp/rss.ndates" -f %M bin/ndates ||
	    echo fail > "$tmp/fail.ndates"; } |
	    { /usr/bin/time -o "$tmp/rss.ncite" -f %M bin/ncite -q ||
	    echo fail > "$tmp/fail.ncite"; } |
	    wc -c > "$tmp/out.bytes"
	t1=$(date +%s)
	# the generator's last line: ORIGIN DOCS ... BYTES
	tail -n 1 "$tmp/gen" | awk -v k="$1" -v t=$((t1 - t0)) \
	    -v o="$(cat "$tmp/out.bytes")" '{
		printf "%s text%s: %d documents, %.1f MB in, %.1f MB out, %d s\n",
		    k, k == "bench" && $1 != "data" ? " (synthesised)" : "",
		    $2, $NF / 1e6, o / 1e6, t }'
	for p in nsplit nentities ndates ncite; do
		if [ -e "$tmp/fail.$p" ]; then
			echo "$p failed"
			bad=1
			continue
		fi
		stage "$p" "$(rss "$tmp/rss.$p")"
	done
}

case $text in
bench|gen)	long "$text" ;;
*)		long bench; long gen ;;
esac

[ "$ndocs" -gt 0 ] || exit $bad
echo "membound: nmerge on the bench's $ndocs articles" >&2
$py scripts/bench/corpus.py articles "$data" "$tmp/articles.tsv" \
    --n "$ndocs" > /dev/null || { echo "membound: no articles"; exit 1; }
bin/nsplit -t "$tmp/articles.tsv" | bin/nentities | bin/ndates > "$tmp/m.in"
rm -f "$tmp/articles.tsv"
/usr/bin/time -o "$tmp/rss.nmerge" -f '%M %e' bin/nmerge "$tmp/m.in" \
    > /dev/null || { echo "nmerge failed"; exit 1; }
printf 'nmerge: %d documents, %.1f MB in, %.1f MB max RSS, %s s\n' \
    "$(grep -c '^doc	' "$tmp/m.in")" \
    "$(wc -c < "$tmp/m.in" | awk '{ print $1 / 1e6 }')" \
    "$(rss "$tmp/rss.nmerge" | awk '{ print $1 / 1024 }')" \
    "$(rss "$tmp/rss.nmerge" | awk '{ print $2 }')"
exit $bad
