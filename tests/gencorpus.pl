#!/usr/bin/perl
# gencorpus.pl SEED COUNT DIR: write COUNT small random news documents,
# DIR/d0001.txt ..., for tests/conservation.bats.  Invented words and
# names, random punctuation, straight and curly quotations with speech
# tags, dates ("March 3, 2024", "on Tuesday", "last week"); some
# documents have CRLF line ends, double spaces, tabs or no-break spaces,
# invalid UTF-8, no final newline, a NUL byte, or no text at all.  The
# same SEED gives the same corpus.
use strict;
use warnings;

my ($seed, $count, $dir) = @ARGV;
die "usage: gencorpus.pl seed count dir\n" unless defined $dir;
srand($seed);

my @cons = qw(b c d f g h k l m n p r s t v z br dr gr kr st tr pl);
my @vows = qw(a e i o u a e o ai ou);
my @months = qw(January February March April May June July August
    September October November December);
my @days = qw(Monday Tuesday Wednesday Thursday Friday Saturday Sunday);
my @verbs = qw(said says told added warned explained noted);
my @small = qw(the a of in on to and for with by at from after
    before over was were is are has had will would could not);
my @orgs = ('Corp.', 'Council', 'Ministry of Roads', 'Group', 'Inc.',
    'Agency', 'University', 'Bank');

sub pick { return $_[int(rand(@_))]; }
sub word {
	my $w = '';
	$w .= pick(@cons) . pick(@vows) for 1 .. 1 + int(rand(3));
	$w .= pick(@cons) if rand() < 0.5;
	return $w;
}
sub name { return ucfirst(word()) . ' ' . ucfirst(word()); }
sub date {
	my $r = rand();
	return pick(@months) . ' ' . (1 + int(rand(28))) . ', ' .
	    (2019 + int(rand(7))) if $r < 0.4;
	return 'on ' . pick(@days) if $r < 0.6;
	return pick(@months) . ' ' . (1 + int(rand(28))) if $r < 0.8;
	return pick('last week', 'next month', 'three years ago', 'in 2023',
	    'yesterday', 'this morning', 'at 9 a.m.');
}
sub phrase {
	my @w;
	for (1 .. 3 + int(rand(10))) {
		my $r = rand();
		push @w, $r < 0.45 ? pick(@small) : $r < 0.85 ? word() :
		    $r < 0.93 ? name() : uc(substr(word(), 0, 3));
	}
	splice(@w, int(rand(@w)), 0, date()) if rand() < 0.4;
	splice(@w, int(rand(@w)), 0, ucfirst(word()) . ' ' . pick(@orgs))
	    if rand() < 0.25;
	$w[int(rand(@w))] .= pick(',', ';', ':', ' --', ' (' . word() . ')')
	    if rand() < 0.5;
	return join(' ', @w);
}
sub sentence {
	my $r = rand();
	my $s = ucfirst(phrase());
	my $end = pick('.', '.', '.', '!', '?', '...');
	return "\"$s,\" " . pick(@verbs) . ' ' . name() . '.' if $r < 0.15;
	return "\xe2\x80\x9c$s$end\xe2\x80\x9d " . name() . ' ' .
	    pick(@verbs) . '.' if $r < 0.25;
	return name() . ' ' . pick(@verbs) . ': "' . $s . "$end\""
	    if $r < 0.32;
	return "$s '" . word() . "' " . word() . $end if $r < 0.36;
	return "$s$end";
}

for my $i (1 .. $count) {
	my $path = sprintf("%s/d%04d.txt", $dir, $i);
	my $text = '';
	if (rand() >= 0.02) {
		$text = join(' ', map { ucfirst(word()) } 1 .. 2 + int(rand(5))) .
		    "\n\n";
		for (1 .. 1 + int(rand(4))) {
			$text .= join(' ', map { sentence() }
			    1 .. 1 + int(rand(5))) . "\n\n";
		}
	}
	$text =~ s/ /  /g if rand() < 0.15;
	$text =~ s/ (\w)/ \xc2\xa0$1/ if rand() < 0.1;
	$text =~ s/\. /.\t/ if rand() < 0.1;
	if (rand() < 0.15) {
		my $bad = pick("\xff", "\xc3", "\xe2\x80", "\xc0\xaf", "\xed\xa0\x80");
		substr($text, int(rand(length $text)), 0) = $bad;
	}
	substr($text, int(rand(length $text)), 0) = "\0" if rand() < 0.02;
	$text =~ s/\n/\r\n/g if rand() < 0.15;
	$text =~ s/\n\z// if rand() < 0.1;
	open(my $fh, '>:raw', $path) or die "gencorpus.pl: $path: $!\n";
	print $fh $text;
	close($fh) or die "gencorpus.pl: $path: $!\n";
}
