#!/bin/sh
# adversarial.sh [MB [FACTOR]]: the time per MB of nsplit, nentities,
# ndates and ncite -q on text made to make patterns backtrack and taggers
# stall -- long runs of digits, of white space, of capitalised words, of
# quotation marks, of date words, of full stops, of dashes and of slashes
# (with date-like fragments run together: 12/03/12/03/..., 2025-03-12-...)
# -- against ordinary generated articles of the same size (MB, 5 each).
# Time is CPU time (user + system, steadier than the wall clock on a busy
# machine) per MB read and written: text where every other word is a date
# makes ndates write four times what it reads, and that is output, not
# backtracking.  Each must stay within FACTOR (10) times the ordinary
# text's (text of nothing but dates makes ndates normalise some 70,000
# expressions a MB where articles have a few hundred: about 6 times the
# time a MB, and linear in it); and the same text in documents ten times as long (ten rows run
# together) within 2 times its own, as it would not if some pattern or
# scan grew with the length of a sentence.  pcre2's match and depth
# limits (lib/re.c, lib/timex_match.c) are what keep the patterns so: a
# match that reaches them is no match, and the record goes on.
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
	dashes => sub {
		join(" ", map { my $r = rand(); $r < 0.2 ? "-" x (1 + int rand 60) :
		    $r < 0.3 ? "\342\200\224" x (1 + int rand 20) :
		    $r < 0.4 ? "\342\200\223" . pick(@w) :
		    $r < 0.5 ? join("-", map { int rand 100 } 0 .. rand 30) :
		    $r < 0.6 ? join("-", map { sprintf("%04d-%02d-%02d", 1990 + int rand 40,
			1 + int rand 12, 1 + int rand 28) } 0 .. rand 8) :
		    $r < 0.7 ? "mid-" . pick(@mon) . "-" . (1 + int rand 28) :
		    $r < 0.8 ? "--" . pick(@w) . "--" : pick(@w) } 1 .. 3000);
	},
	slashes => sub {
		join(" ", map { my $r = rand(); $r < 0.2 ? "/" x (1 + int rand 60) :
		    $r < 0.4 ? join("/", map { 1 + int rand 12 } 0 .. rand 40) :
		    $r < 0.5 ? join("/", map { sprintf("%02d/%02d/%04d", 1 + int rand 12,
			1 + int rand 28, 1990 + int rand 40) } 0 .. rand 8) :
		    $r < 0.6 ? join("/", map { pick(@w) } 0 .. rand 10) :
		    $r < 0.7 ? "24/7/365" : $r < 0.8 ? "1/2" : pick(@w) } 1 .. 3000);
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

# secs CMD...: the CPU seconds (user + system) of CMD, output to $out,
# less its start-up ($start, a run on an empty table); a run too quick
# for the clock (hundredths) is repeated, up to 50 times or 0.5 s in all,
# and the mean given, or - when even that is too quick to tell
secs() {
	_n=0 _all=0
	while [ "$_n" -lt 50 ] && awk -v a="$_all" 'BEGIN { exit !(a < 0.5) }'
	do
		/usr/bin/time -o "$tmp/time" -f '%U %S' "$@" > "$out" \
		    2> /dev/null
		_all=$(awk -v a="$_all" '{ printf "%.3f", a + $1 + $2 }' \
		    "$tmp/time")
		_n=$((_n + 1))
	done
	awk -v a="$_all" -v n="$_n" -v s="${start:-0}" 'BEGIN {
	    t = a / n - s
	    if (a - n * s < 0.05) print "-"; else printf "%.5f", (t > 0 ? t : 0) }'
}

# long TABLE: TABLE with each ten rows run together into one document
long() {
	awk -F '\t' 'NR == 1 { print; next }
	    { t = t (t == "" ? "" : " ") $2 }
	    NR % 10 == 1 { print "long" NR "\t" t; t = "" }
	    END { if (t != "") print "long" NR "\t" t }' "$1"
}

# per SECONDS BYTES: seconds per MB, or - when unknown or under 1 MB
per() {
	awk -v s="$1" -v b="$2" 'BEGIN {
	    if (s == "-" || b < 1e6) print "-"; else printf "%.4f", s / (b / 1e6) }'
}

# ratio A B: A / B, or - when either is unknown
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
	    if (a == "-" || b == "-" || b == "" || b + 0 == 0) print "-"
	    else printf "%.1f", a / b }'
}

# over R LIMIT: R is known and over LIMIT
over() {
	awk -v r="$1" -v f="$2" 'BEGIN { exit !(r != "-" && r + 0 > f) }'
}

printf 'id\ttext\n' > "$tmp/empty.nsplit"
for p in nentities ndates ncite; do
	: > "$tmp/empty.$p"
done

kinds="ordinary digits spaces capitals quotes dates stops dashes slashes"
bad=0
printf '%-9s %-10s %8s %9s %7s %7s\n' kind program "MB i/o" "s/MB" "x ord." \
    "x long"
for k in $kinds; do
	gen "$k" $((mb * 1000000)) > "$tmp/$k.tsv"
	long "$tmp/$k.tsv" > "$tmp/$k.long.tsv"
	in=$tmp/$k.tsv
	inl=$tmp/$k.long.tsv
	for p in nsplit nentities ndates ncite; do
		set -- "bin/$p"
		case $p in
		nsplit)	set -- bin/nsplit -t ;;
		ncite)	set -- bin/ncite -q ;;
		esac
		start=$(eval "echo \${start_$p:-}")
		if [ -z "$start" ]; then
			out=$tmp/empty.out
			start=0
			start=$(secs "$@" "$tmp/empty.$p")
			[ "$start" = - ] && start=0
			eval "start_$p=$start"
		fi
		out=$tmp/$k.$p
		s=$(secs "$@" "$in")
		io=$(($(wc -c < "$in") + $(wc -c < "$out")))
		x=$(per "$s" "$io")
		out=$tmp/$k.long.$p
		s=$(secs "$@" "$inl")
		xl=$(per "$s" $(($(wc -c < "$inl") + $(wc -c < "$out"))))
		[ "$k" = ordinary ] && eval "ord_$p=$x"
		r=$(ratio "$x" "$(eval "echo \$ord_$p")")
		rl=$(ratio "$xl" "$x")
		flag=
		if over "$r" "$factor"; then
			flag="$flag  SLOW"
			bad=1
		fi
		if over "$rl" 2; then
			flag="$flag  GROWS"
			bad=1
		fi
		printf '%-9s %-10s %8.1f %9s %7s %7s%s\n' "$k" "$p" \
		    "$(echo "$io" | awk '{ print $1 / 1e6 }')" "$x" "$r" "$rl" \
		    "$flag"
		# the next program reads this one's output
		in=$tmp/$k.$p
		inl=$tmp/$k.long.$p
	done
done
exit $bad
