#!/bin/sh
# make demo: the pipeline built so far, run on the sample articles and
# printed readably.  Each program joins when bin/<prog> exists: nsplit,
# then nentities, ndates and nmerge, and ncite -f md last.
cd "$(dirname "$0")/.." || exit 1
PATH=$PWD/bin:$PATH
date=2025-03-12
set -- tests/data/sample/*.txt
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

if [ ! -x bin/nsplit ]; then
	echo "demo: bin/nsplit is not built; run make first" >&2
	exit 1
fi

# records of each kind in a stream, as "3 doc, 40 sent"
count() {
	awk -F'\t' '!/^#/ { if (!($1 in n)) k[m++] = $1; n[$1]++ }
	END {
		for (i = 0; i < m; i++)
			printf "%s%d %s", i ? ", " : "", n[k[i]], k[i]
		print ""
	}' "$1"
}

echo "newsutils demo: one invented event, three invented outlets"
echo
for f; do
	printf '  %s: %s bytes\n' "$f" "$(wc -c < "$f" | tr -d ' ')"
done
echo

# run the stages one by one, so that a failing stage stops the demo
cmd="nsplit -d $date tests/data/sample/*.txt"
echo "\$ $cmd"
nsplit -d "$date" "$@" > "$tmp/0" || exit 1
echo "  $(count "$tmp/0")"
i=0
for p in nentities ndates nmerge; do
	[ -x "bin/$p" ] || continue
	"$p" < "$tmp/$i" > "$tmp/$((i + 1))" || {
		echo "demo: $p failed" >&2
		exit 1
	}
	i=$((i + 1))
	cmd="$cmd | $p"
	echo "\$ ... | $p"
	echo "  $(count "$tmp/$i")"
done
echo

echo "The record stream, first lines (nstream(5)):"
echo
awk -F'\t' 'NR > 6 { exit }
{
	line = "  "
	for (i = 1; i <= NF; i++) {
		f = $i
		# cut at a space, never inside a character
		if (length(f) > 32 && index(substr(f, 2, 31), " ")) {
			f = substr(f, 1, 32)
			sub(/ [^ ]*$/, "", f)
			f = f " ..."
		}
		line = line (i > 1 ? " | " : "") f
	}
	print line
}' "$tmp/$i"
echo

echo "The same, readably:"
awk -F'\t' '
# a field for display: escapes undone, tabs and newlines as spaces
function show(s) {
	gsub(/\\\\/, "\001", s)
	gsub(/\\[tnr]/, " ", s)
	gsub(/\001/, "\\", s)
	return s
}
# print s wrapped at 76 columns, the first line after lead, the others
# indented as deep as lead
function wrap(lead, s,    pad, line, w, nw, i, fresh) {
	pad = sprintf("%" length(lead) "s", "")
	nw = split(show(s), w, " ")
	line = lead
	fresh = 1
	for (i = 1; i <= nw; i++) {
		if (!fresh && length(line) + 1 + length(w[i]) > 76) {
			print line
			line = pad
			fresh = 1
		}
		line = line (fresh ? "" : " ") w[i]
		fresh = 0
	}
	print line
}
/^#/ { next }
$1 == "doc" {
	printf "\n== %s\n", $2
	printf "   source: %s   date: %s\n", $4 == "" ? "?" : show($4),
	    $3 == "" ? "?" : $3
	if ($5 != "")
		wrap("   title:  ", $5)
	if ($6 != "")
		printf "   url:    %s\n", show($6)
	next
}
$1 == "sent"  { wrap(sprintf("%4d  ", $3), $6); next }
$1 == "ent"   { printf "        %-5s %-4s %s -> %s\n", "ent", $6, show($8), show($7); next }
$1 == "time"  { printf "        %-5s %-8s %s = %s\n", "time", $6, show($8), show($7); next }
$1 == "quote" { wrap(sprintf("        quote %s: ", show($6)), $7); next }
$1 == "story" { printf "   story %s\n", $2; next }
$1 == "fact"  {
	if (!facts++)
		print "\n== facts"
	printf "   fact %s: %s sentence %s (%s)\n", $2, show($3), $4, $5
	next
}
$1 == "cite"  {
	if (!cites++)
		print "\n== citations"
	wrap(sprintf("   [%s; %s source%s] ", $2, $3, $3 == 1 ? "" : "s"), $5)
	next
}
{ wrap("   ", $0) }
' "$tmp/$i"

if [ -x bin/ncite ]; then
	echo
	echo "\$ $cmd | ncite -f md"
	echo
	ncite -f md < "$tmp/$i" || exit 1
fi
