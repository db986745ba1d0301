#!/bin/sh
# adversarial.sh [MB [FACTOR]]: the time per MB of nsplit, nentities,
# ndates and ncite -q on text made to make patterns backtrack and taggers
# stall -- long runs of digits, of white space, of capitalised words, of
# quotation marks, of dates, of full stops -- against ordinary generated
# articles of the same size (MB, 5 each).  Each must stay within FACTOR
# (10) times the ordinary text's time per MB; pcre2's match and depth
# limits (lib/re.c, lib/timex_match.c) are what keep the patterns so.
# By hand or from make stress, never a timed test.  Exits 1 if one is
# slower than that.
set -u
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.." || exit 1
mb=${1:-5}
factor=${2:-10}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsutils-adv.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
for p in nsplit nentities ndates ncite; do
	[ -x "bin/$p" ] || { echo "adversarial: no bin/$p (make)" >&2; exit 1; }
done

# gen KIND BYTES: a table (id text) of that kind of text
gen() {
	perl -e '
	my ($kind, $bytes) = @ARGV;
	srand(7);
	my @c = qw(b c d f g h k l m n p r s t v z br dr gr kr st tr pl);
	my @v = qw(a e i o u a e o ai ou);
	my @w = map { my $x = ""; $x .= $c[rand @c] . $v[rand @v]
	    for 0 .. rand 3; $x } 1 .. 3000;
	my @mon = qw(January February March April May June July August
	    September October November December);
	my @day = qw(Monday Tuesday Wednesday Thursday Friday Saturday Sunday);
	sub pick { $_[int rand @_] }
	my %g = (
	ordinary => sub {
		my @s;
		for (1 .. 20) {
			my $t = join(" ", map { pick(@w) } 1 .. 5 + int rand 15);
			my $r = rand();
			push @s, $r < 0.2 ? "\"\u$t,\" \u$w[0] \u$w[1] said on " . pick(@day) . "." :
			    $r < 0.4 ? "\u$t on " . pick(@mon) . " " . (1 + int rand 28) . ", " . (2000 + int rand 25) . "." :
			    "\u$t.";
		}
		join(" ", @s);
	},
	digits => sub {
		join(" ", map { rand() < 0.5 ? int(rand(1e9)) . int(rand(1e9)) :
		    join(",", map { int rand 1000 } 0 .. rand 8) . "." . int(rand 100) } 1 .. 400)
		    . " " . ("7" x 20000) . " 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 " x 50;
	},
	spaces => sub {
		join("", map { pick(@w) . (rand() < 0.5 ? " " x int(rand 3000) :
		    "\\t \\t  \302\240 " x int(rand 200)) } 1 .. 40);
	},
	capitals => sub {
		join(" ", map { rand() < 0.3 ? uc(pick(@w)) : "\u" . pick(@w) } 1 .. 3000) .
		    " " . join(" ", map { "\u" . pick(@w) . "," } 1 .. 1000) . ".";
	},
	quotes => sub {
		join(" ", map { my $r = rand(); $r < 0.3 ? "\"" x (1 + int rand 50) :
		    $r < 0.5 ? "\342\200\234" . pick(@w) : $r < 0.6 ? pick(@w) . "\342\200\235," :
		    $r < 0.7 ? "'"'"'" . pick(@w) : $r < 0.8 ? "said" : pick(@w) } 1 .. 3000);
	},
	dates => sub {
		join(" ", map { my $r = rand(); $r < 0.2 ? pick(@mon) :
		    $r < 0.4 ? pick(@day) . "," : $r < 0.5 ? (1 + int rand 31) . "," :
		    $r < 0.6 ? 1900 + int rand 200 : $r < 0.7 ? "last" :
		    $r < 0.8 ? "next" : $r < 0.9 ? "and" : pick(qw(week month year quarter decade 1990s mid-March early late)) } 1 .. 3000) . ".";
	},
	stops => sub {
		join(" ", map { my $r = rand(); $r < 0.3 ? "." x (1 + int rand 40) :
		    $r < 0.5 ? pick(qw(Mr. Dr. U.S. St. Inc. a.m. e.g. No.)) :
		    $r < 0.6 ? "?!" : "\u" . pick(@w) . "." } 1 .. 3000);
	},
	);
	my $f = $g{$kind} or die "no kind $kind\n";
	my ($out, $n) = (0, 0);
	print "id\ttext\n";
	while ($out < $bytes) {
		my $row = sprintf("%s%d\t%s\n", $kind, ++$n, $f->());
		print $row;
		$out += length $row;
	}' "$1" "$2"
}

# secs CMD...: the wall-clock seconds of CMD, output to the file $out
secs() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@" > "$out" 2> /dev/null
	t1=$(date +%s.%N)
	echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }'
}

kinds="ordinary digits spaces capitals quotes dates stops"
bad=0
printf '%-10s %-10s %9s %9s %7s\n' kind program "MB" "s/MB" "x ord."
for k in $kinds; do
	gen "$k" $((mb * 1000000)) > "$tmp/$k.tsv"
	size=$(wc -c < "$tmp/$k.tsv")
	in=$tmp/$k.tsv
	for p in nsplit nentities ndates ncite; do
		out=$tmp/$k.$p
		case $p in
		nsplit)	s=$(secs bin/nsplit -t "$in") ;;
		ncite)	s=$(secs bin/ncite -q "$in") ;;
		*)	s=$(secs "bin/$p" "$in") ;;
		esac
		per=$(echo "$s $size" | awk '{ printf "%.4f", $1 / ($2 / 1e6) }')
		[ "$k" = ordinary ] && eval "ord_$p=$per"
		ratio=$(eval "echo \$ord_$p" | awk -v x="$per" \
		    '{ printf "%.1f", ($1 > 0 ? x / $1 : 0) }')
		flag=
		if awk -v r="$ratio" -v f="$factor" 'BEGIN { exit !(r > f) }'; then
			flag='  SLOW'
			bad=1
		fi
		printf '%-10s %-10s %9.1f %9.4f %7s%s\n' "$k" "$p" \
		    "$(echo "$size" | awk '{ print $1 / 1e6 }')" "$per" \
		    "$ratio" "$flag"
		in=$out		# the next program reads this one's output
	done
done
exit $bad
