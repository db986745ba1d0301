#!/usr/bin/env bats
# README.md shows what the programs print: its quick-start piece of the
# digest comes from `make demo`'s pipeline, line for line.

load common

setup() {
	common_setup
}

@test "README: the piece of the digest is what the pipeline prints" {
	awk '/A piece of that digest:$/ { on = 1; next }
	    on && /^`make check`/ { exit }
	    on && /^    / { sub(/^    /, ""); if ($0 != "...") print }' \
	    "$ROOT/README.md" > want
	[ "$(wc -l < want)" -gt 10 ]
	"$NSPLIT" -d 2025-03-12 "$DATA"/sample/*.txt | "$BIN/nentities" |
	    "$BIN/ndates" | "$BIN/nmerge" | "$BIN/ncite" -f md > got
	while IFS= read -r line; do
		grep -qxF -- "$line" got || fail "not in the digest: $line"
	done < want
}
