#!/bin/sh
# Embed one data file in the programs: embed.sh data/x.txt > build/data_x.S
# defines "const char data_x[]" (NUL-terminated) and
# "const unsigned long data_x_len", so every program is a single file.
set -e
f=$1
name=$(basename "$f" | sed 's/\.[^.]*$//; s/[^A-Za-z0-9_]/_/g')
cat <<EOS
	.section .rodata
	.globl	data_$name
	.type	data_$name, @object
	.balign	16
data_$name:
	.incbin	"$f"
data_${name}_end:
	.byte	0
	.globl	data_${name}_len
	.type	data_${name}_len, @object
	.balign	8
data_${name}_len:
	.quad	data_${name}_end - data_$name
	.section .note.GNU-stack,"",@progbits
EOS
