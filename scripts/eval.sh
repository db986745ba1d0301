#!/bin/sh
# make eval: score the programs on the development data in ../shared/data
# (never copied here).  Skips cleanly when the data is not there.
data=${NEWSUTILS_DATA:-../shared/data}
bin=${BIN:-bin}
if [ ! -d "$data" ]; then
	echo "eval: $data not found; skipped"
	exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
py=$(command -v python3 || true)
if [ -z "$py" ]; then
	echo "eval: python3 not found (the scorers need it); skipped"
	exit 0
fi

# sent records to the scorer's "doc n sentence" lines
sents() { awk -F'\t' -v OFS='\t' '$1 == "sent" { print $2, $3, $6 }'; }

if [ -d "$data/sbd" ]; then
	for set in gum ewt; do
		{ printf 'id\ttext\n'; cat "$data/sbd/${set}_dev_docs.tsv"; } |
		    "$bin/nsplit" -t | sents > "$tmp/$set.pred"
		printf 'nsplit %s dev: ' "$set"
		"$py" "$data/sbd/score.py" "$data/sbd/${set}_dev_gold.tsv" \
		    "$tmp/$set.pred" | tr '\n' ' '
		echo
	done
	if [ -f tests/data/golden.tsv ]; then
		{ printf 'id\ttext\n'; cut -f1,2 tests/data/golden.tsv; } |
		    "$bin/nsplit" -t | sents > "$tmp/golden.pred"
		printf 'nsplit golden rules: '
		"$py" "$data/sbd/score.py" --golden tests/data/golden.tsv \
		    "$tmp/golden.pred" --ws
	fi
fi

# nentities: exact span and type F1 on CoNLL-2003 dev (the built-in model
# is trained on train and dev: train on train.txt only for a fair figure,
# nentities --train -o m train.txt, then BIN=... NER_MODEL=m make eval)
if [ -d "$data/ner" ] && [ -x "$bin/nentities" ]; then
	{ printf 'id\ttext\n'; cat "$data/ner/dev_docs.tsv"; } |
	    "$bin/nsplit" -t -l | "$bin/nentities" ${NER_MODEL:+-m "$NER_MODEL"} |
	    awk -F'\t' -v OFS='\t' '$1 == "ent" { print $2, $4, $5, $6, $8 }' \
	    > "$tmp/ner.pred"
	echo "nentities CoNLL-2003 dev${NER_MODEL:+ (model $NER_MODEL)}:"
	"$py" "$data/ner/score.py" "$data/ner/dev_gold.tsv" "$tmp/ner.pred"
fi

# ndates: TempEval-3 strict/relaxed span, type and value F1 on the TimeBank
# + AQUAINT training documents (time records to the scorer's format)
if [ -d "$data/timex" ] && [ -x "$bin/ndates" ]; then
	{ printf 'id\tdate\ttext\n'; cat "$data/timex/train_docs.tsv"; } |
	    "$bin/nsplit" -t | "$bin/ndates" |
	    awk -F'\t' -v OFS='\t' '$1 == "time" { print $2, $4, $5, $6, $7, $8 }' \
	    > "$tmp/timex.pred"
	echo "ndates TempEval-3 train:"
	"$py" "$data/timex/score.py" "$data/timex/train_gold.tsv" \
	    "$tmp/timex.pred" --docs "$data/timex/train_docs.tsv" --units bytes
fi

# ncite: quotations (F1, a found one matching when half of it lies in a
# gold content with a quote mark) and named speakers on PolNeAR train
if [ -d "$data/cite/polnear" ] && [ -x "$bin/ncite" ]; then
	"$bin/nsplit" "$data"/cite/polnear/text/*.txt | "$bin/ncite" \
	    > "$tmp/cite.out"
	echo "ncite PolNeAR train (nsplit | ncite):"
	"$py" scripts/cite_score.py "$data/cite/polnear/train_attributions.tsv" \
	    "$data/cite/polnear/text" "$tmp/cite.out"
	if [ -x "$bin/nentities" ]; then
		"$bin/nsplit" "$data"/cite/polnear/text/*.txt | "$bin/nentities" |
		    "$bin/ncite" > "$tmp/cite.out"
		echo "ncite PolNeAR train (nsplit | nentities | ncite):"
		"$py" scripts/cite_score.py \
		    "$data/cite/polnear/train_attributions.tsv" \
		    "$data/cite/polnear/text" "$tmp/cite.out"
	fi
fi
