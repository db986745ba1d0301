#!/bin/sh
# Rebuild nmerge's learned data from the development data in
# ../shared/data/merge (never copied here):
#   data/nmerge_idf.txt    stem document frequencies over the sentences
#                          of msrp_train.tsv and basil_triplets.tsv
#                          (stems seen in 3 sentences or more)
#   data/nmerge_model.txt  the fact model, nmerge --train on msrp_train.tsv
# (data/nmerge_wordnet.txt comes from scripts/nmerge-wordnet.sh; the model
# depends on it and on the idf table, so train after either changes.)
# Prints the 10-fold cross-validated accuracy and F1.
set -eu
cd "$(dirname "$0")/.."
data=${NEWSUTILS_DATA:-../shared/data}/merge
[ -d "$data" ] || { echo "nmerge-train: $data not found" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s bin/nsplit bin/nmerge
{
	printf 'id\ttext\n'
	awk -F'\t' 'NR > 1 { print "m" NR "a\t" $4; print "m" NR "b\t" $5 }' \
	    "$data/msrp_train.tsv"
	awk -F'\t' 'NR > 1 { print "b" NR "\t" $8 }' "$data/basil_triplets.tsv"
} | tr -d '\\' | bin/nsplit -t -l | bin/nmerge --df > "$tmp/idf"
mv "$tmp/idf" data/nmerge_idf.txt
make -s bin/nmerge
bin/nmerge --train "$data/msrp_train.tsv" > "$tmp/model"
mv "$tmp/model" data/nmerge_model.txt
make -s bin/nmerge
