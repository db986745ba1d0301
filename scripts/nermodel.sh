#!/bin/sh
# make model: train nentities' built-in model (data/nermodel.bin) from
# the CoNLL-2003 English training and development sets in
# ../shared/data/ner (never copied here), then rebuild with it.
# NER_EPOCHS and NER_MINCOUNT override the settings the model ships with.
set -e
data=${NEWSUTILS_DATA:-../shared/data}/ner
if [ ! -f "$data/train.txt" ] || [ ! -f "$data/dev.txt" ]; then
	echo "model: $data/train.txt or dev.txt not found" >&2
	exit 1
fi
bin/nentities --train -v --epochs "${NER_EPOCHS:-15}" \
    --min-count "${NER_MINCOUNT:-1}" -o data/nermodel.bin.tmp \
    "$data/train.txt" "$data/dev.txt"
mv data/nermodel.bin.tmp data/nermodel.bin
ls -l data/nermodel.bin
${MAKE:-make} --no-print-directory all
