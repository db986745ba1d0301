#!/bin/sh
# Turn data files into one C file of string constants, so that every
# program is a single file: embed.sh data/x.txt ... > build/data.c
# Each file becomes "const char data_NAME[]" and "size_t data_NAME_len".
set -e
for f in "$@"; do
	name=$(basename "$f" | sed 's/\.[^.]*$//; s/[^A-Za-z0-9_]/_/g')
	printf 'const char data_%s[] =\n' "$name"
	LC_ALL=C od -An -v -tx1 "$f" | LC_ALL=C awk '
	{ for (i = 1; i <= NF; i++) { s = s "\\x" $i; if (++n % 32 == 0) { print "\t\"" s "\""; s = "" } } }
	END { if (s != "" || n == 0) print "\t\"" s "\""; }'
	printf ';\nconst unsigned long data_%s_len = sizeof(data_%s) - 1;\n' \
	    "$name" "$name"
done
