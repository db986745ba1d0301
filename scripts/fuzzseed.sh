#!/bin/sh
# fuzzseed.sh harness dir: a seed corpus for build/fuzz/harness in dir,
# made from the sample articles of the source tree (make fuzz).
set -eu
h=$1 d=$2
s=tests/data/sample
mkdir -p "$d"
case $h in
fuzz_nsplit)
	# the first byte picks -l (1), -t (2), -d (4)
	for f in $s/*.txt; do
		b=${f##*/}
		{ printf '\0'; cat "$f"; } > "$d/$b.plain"
		{ printf '\5'; cat "$f"; } > "$d/$b.l"
	done
	{ printf '\6id\tdate\ttitle\ttext\n'
	  for f in $s/*.txt; do
		printf '%s\t10 March 2025\tA title\t' "${f##*/}"
		awk 'NR > 5' "$f" | perl -pe 's/\\/\\\\/g; s/\n/\\n/'
		echo
	  done; } > "$d/table"
	;;
fuzz_ndates)
	for f in $s/*.txt; do
		{ echo 2025-03-12; bin/nsplit "$f" |
		    awk -F'\t' '$1 == "sent" { print $6 }'; } > "$d/${f##*/}"
	done
	;;
fuzz_nentities|fuzz_ncite|fuzz_nmerge)
	# raw streams (first byte even) as each program gets them, and
	# documents made by the harness (first byte odd)
	bin/nsplit -d 2025-03-12 $s/*.txt > "$d/.1"
	bin/nentities "$d/.1" > "$d/.2"
	bin/ndates "$d/.2" > "$d/.3"
	case $h in
	fuzz_nentities)	in=$d/.1 ;;
	fuzz_nmerge)	in=$d/.3 ;;
	fuzz_ncite)	bin/nmerge "$d/.3" > "$d/.4"; in=$d/.4 ;;
	esac
	{ printf '\0'; cat "$in"; } > "$d/stream"
	for f in $s/*.txt; do
		{ printf '\1'; bin/nsplit "$f" |
		    awk -F'\t' '$1 == "sent" { print $6 }'; } > "$d/${f##*/}"
	done
	{ printf '\1'; for f in $s/*.txt; do
		bin/nsplit "$f" | awk -F'\t' '$1 == "sent" { print $6 }'
		printf '\1'
	  done; } > "$d/all"
	rm -f "$d"/.[1-4]
	;;
*)
	cp $s/*.txt "$d/"
	;;
esac
