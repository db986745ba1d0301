#!/usr/bin/perl
# offsets.pl [-t] file ...: check nsplit's output (on standard input)
# against the original documents.  For every sent record, the bytes
# START..END of its document, with white space folded, must be its TEXT
# exactly, with no white space cut at either end; N counts from 1 and
# the spans run forward without overlap.  Without -t each file is one
# document (DOC is the path); with -t the documents are the unescaped
# text fields of the rows (DOC the id column, else "file:line").  A
# sentence whose TEXT folded white space other than one byte must be
# followed by its fold record, with the map worked out here.
# Prints "checked N sentences"; exits 1 on the first mismatch.
use strict;
use warnings;

my %esc = (t => "\t", n => "\n", r => "\r", '\\' => '\\');
sub unesc { my $s = shift; $s =~ s/\\([tnr\\])/$esc{$1}/g; return $s; }
sub fold {
	my $s = shift;
	$s =~ s/(?:[ \t\n\r\f\x0b]|\xc2\xa0)+/ /g;
	$s =~ s/^ //;
	$s =~ s/ $//;
	return $s;
}
sub slurp {
	my $path = shift;
	open(my $fh, '<:raw', $path) or die "offsets.pl: $path: $!\n";
	local $/;
	my $s = <$fh>;
	close $fh;
	return defined $s ? $s : '';
}

my $tsv = @ARGV && $ARGV[0] eq '-t' ? shift @ARGV : 0;
my %doc;
for my $path (@ARGV) {
	if (!$tsv) {
		$doc{$path} = slurp($path);
		next;
	}
	my @lines = split /\n/, slurp($path), -1;
	pop @lines if @lines && $lines[-1] eq '';
	my $head = shift @lines;
	$head =~ s/\r$//;
	my ($id, $text) = (-1, -1);
	my @h = split /\t/, $head, -1;
	for my $i (0 .. $#h) {
		$id = $i if lc $h[$i] eq 'id';
		$text = $i if lc $h[$i] eq 'text';
	}
	die "offsets.pl: $path: no text column\n" if $text < 0;
	my $lineno = 1;
	for my $l (@lines) {
		$lineno++;
		$l =~ s/\r$//;
		next if $l eq '';
		my @f = split /\t/, $l, -1;
		next if @f != @h;
		my $key = $id >= 0 && $f[$id] ne '' ? unesc($f[$id]) :
		    "$path:$lineno";
		$doc{$key} = unesc($f[$text]);
	}
}

# The fold map TEXT needs for the span $cut: POS:LEN for each run of
# white space that is not one byte, POS its space's place in TEXT.
sub foldmap {
	my $cut = shift;
	my ($out, @m) = (0);
	while ($cut =~ /\G(?:((?:[ \t\n\r\f\x0b]|\xc2\xa0)+)|.)/gs) {
		push @m, "$out:" . length($1) if defined $1 && length($1) != 1;
		$out++;
	}
	return join(',', @m);
}

binmode STDIN, ':raw';
my ($n, $cur, $last, $end, $want) = (0, '', 0, 0, '');
while (my $l = <STDIN>) {
	chomp $l;
	my @f = split /\t/, $l, -1;
	if ($f[0] eq 'fold') {
		my $d = unesc($f[1]);
		die "offsets.pl: fold record with " . scalar(@f) . " fields\n"
		    if @f != 4;
		die "offsets.pl: $d $f[2]: fold record \"$f[3]\" where none " .
		    "is due\n" if $want eq '' || $d ne $cur || $f[2] != $last;
		die "offsets.pl: $d $f[2]: fold map \"$f[3]\", want " .
		    "\"$want\"\n" if $f[3] ne $want;
		$want = '';
		next;
	}
	next unless $f[0] eq 'sent';
	die "offsets.pl: $cur $last: no fold record \"$want\"\n"
	    if $want ne '';
	die "offsets.pl: sent record with " . scalar(@f) . " fields\n"
	    if @f != 6;
	my ($d, $num, $s, $e, $t) = (unesc($f[1]), $f[2], $f[3], $f[4],
	    unesc($f[5]));
	die "offsets.pl: no document \"$d\"\n" unless exists $doc{$d};
	($cur, $last, $end) = ($d, 0, 0) if $d ne $cur;
	die "offsets.pl: $d: sentence $num after $last\n"
	    if $num != $last + 1;
	die "offsets.pl: $d $num: span $s-$e out of order or range\n"
	    if $s < $end || $e <= $s || $e > length $doc{$d};
	my $cut = substr($doc{$d}, $s, $e - $s);
	die "offsets.pl: $d $num: span $s-$e has white space at an end\n"
	    if $cut =~ /^(?:[ \t\n\r\f\x0b]|\xc2\xa0)/ ||
	    $cut =~ /(?:[ \t\n\r\f\x0b]|\xc2\xa0)\z/;
	die "offsets.pl: $d $num: bytes $s-$e are\n  \"" . fold($cut) .
	    "\"\nbut TEXT is\n  \"$t\"\n" if fold($cut) ne $t;
	$want = foldmap($cut);
	($last, $end) = ($num, $e);
	$n++;
}
die "offsets.pl: $cur $last: no fold record \"$want\"\n" if $want ne '';
print "checked $n sentences\n";
exit($n > 0 ? 0 : 1);
