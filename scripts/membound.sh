#!/bin/sh
# membound.sh [MB [DOCS]]: the memory the programs hold on a long stream.
# Streams about MB megabytes (1000) of generated articles through
#   nsplit -t | nentities | ndates | ncite -q
# and prints each stage's maximum resident set, which must stay under
# 100 MB however long the stream; then nmerge's on DOCS (100000) short
# articles, which is bounded by its per-document signatures instead.
# By hand or from make bench, never a timed test: it takes minutes.
# Exits 1 if a streaming stage went over 100 MB or a stage failed.
set -u
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.." || exit 1
mb=${1:-1000}
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
	}' "$1" "$2"
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

echo "membound: generating $mb MB of articles" >&2
gen $((mb * 1000000)) 1 > "$tmp/docs.tsv"
size=$(wc -c < "$tmp/docs.tsv")
echo "membound: streaming them through the per-document stages" >&2
t0=$(date +%s)
{ /usr/bin/time -o "$tmp/rss.nsplit" -f %M bin/nsplit -t "$tmp/docs.tsv" ||
    echo fail > "$tmp/fail.nsplit"; } |
    { /usr/bin/time -o "$tmp/rss.nentities" -f %M bin/nentities ||
    echo fail > "$tmp/fail.nentities"; } |
    { /usr/bin/time -o "$tmp/rss.ndates" -f %M bin/ndates ||
    echo fail > "$tmp/fail.ndates"; } |
    { /usr/bin/time -o "$tmp/rss.ncite" -f %M bin/ncite -q ||
    echo fail > "$tmp/fail.ncite"; } |
    wc -c > "$tmp/out.bytes"
t1=$(date +%s)
ndoc=$(wc -l < "$tmp/docs.tsv")
printf 'stream: %d documents, %.1f MB in, %.1f MB out, %d s\n' "$ndoc" \
    "$(echo "$size" | awk '{ print $1 / 1e6 }')" \
    "$(awk '{ print $1 / 1e6 }' "$tmp/out.bytes")" $((t1 - t0))
for p in nsplit nentities ndates ncite; do
	if [ -e "$tmp/fail.$p" ]; then
		echo "$p failed"
		bad=1
		continue
	fi
	stage "$p" "$(rss "$tmp/rss.$p")"
done
rm -f "$tmp/docs.tsv"

echo "membound: nmerge on $ndocs articles" >&2
gen 2000000000 2 | head -n $((ndocs + 1)) | perl -pe 's/^((?:[^\t]*\t){3}(?:[^ ]* ){60})[^\t\n]*/$1./' > "$tmp/short.tsv"
bin/nsplit -t "$tmp/short.tsv" | bin/nentities | bin/ndates > "$tmp/m.in"
/usr/bin/time -o "$tmp/rss.nmerge" -f %M bin/nmerge "$tmp/m.in" > /dev/null ||
    { echo "nmerge failed"; exit 1; }
printf 'nmerge: %d documents, %.1f MB in, %.1f MB max RSS\n' \
    "$(grep -c '^doc	' "$tmp/m.in")" \
    "$(wc -c < "$tmp/m.in" | awk '{ print $1 / 1e6 }')" \
    "$(rss "$tmp/rss.nmerge" | awk '{ print $1 / 1024 }')"
exit $bad
