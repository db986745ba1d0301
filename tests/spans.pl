#!/usr/bin/perl
# spans.pl < stream: check the spans of a pipeline's output against the
# original documents, which are the files its DOC fields name.  For
# sent, ent, time and quote records, bytes START..END of the document,
# white space folded, must be the record's TEXT; an ent or time record
# must lie inside its sentence, a quote record start inside its
# sentence and end inside the document.  Prints "checked N spans (N
# sent, N ent, N time, N quote)"; on mismatches, names the first twenty
# on standard error and exits 1.
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

# the TEXT field of each kind, and the fields a record of it has
my %textf = (sent => 5, ent => 7, time => 7, quote => 6);
my (%doc, %sent, %n, @bad);

sub document {
	my $d = shift;
	return $doc{$d} if exists $doc{$d};
	open(my $fh, '<:raw', $d) or return $doc{$d} = undef;
	local $/;
	my $s = <$fh>;
	close $fh;
	return $doc{$d} = defined $s ? $s : '';
}

binmode STDIN, ':raw';
while (my $l = <STDIN>) {
	chomp $l;
	my @f = split /\t/, $l, -1;
	my $k = $f[0];
	next unless exists $textf{$k};
	my $where = "line $.: $k";
	if (@f != $textf{$k} + 1) {
		push @bad, "$where: " . scalar(@f) . " fields";
		next;
	}
	my ($d, $num, $s, $e, $t) = (unesc($f[1]), $f[2], $f[3], $f[4],
	    unesc($f[$textf{$k}]));
	$where = "line $.: $k $d $num $s-$e";
	my $text = document($d);
	if (!defined $text) {
		push @bad, "$where: no document \"$d\"";
		next;
	}
	if ($s !~ /^\d+$/ || $e !~ /^\d+$/ || $s >= $e ||
	    $e > length $text) {
		push @bad, "$where: span out of range (document is " .
		    length($text) . " bytes)";
		next;
	}
	if ($k eq 'sent') {
		$sent{"$d\t$num"} = [$s, $e];
	} elsif (!exists $sent{"$d\t$num"}) {
		push @bad, "$where: no sentence $num before it";
		next;
	} else {
		my ($ss, $se) = @{$sent{"$d\t$num"}};
		if ($s < $ss || $s >= $se ||
		    ($k ne 'quote' && $e > $se)) {
			push @bad, "$where: outside sentence $num ($ss-$se)";
			next;
		}
	}
	my $cut = fold(substr($text, $s, $e - $s));
	if ($cut ne $t) {
		push @bad, "$where: bytes are \"$cut\" but TEXT is \"$t\"";
		next;
	}
	$n{$k}++;
}
if (@bad) {
	print STDERR "spans.pl: $_\n" for @bad[0 .. ($#bad < 19 ? $#bad : 19)];
	print STDERR "spans.pl: " . scalar(@bad) . " bad spans in all\n";
	exit 1;
}
my $all = 0;
$all += $n{$_} // 0 for keys %textf;
printf "checked %d spans (%s)\n", $all,
    join(', ', map { ($n{$_} // 0) . " $_" } qw(sent ent time quote));
exit 0;
