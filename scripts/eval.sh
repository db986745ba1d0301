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

# nmerge: stories on BASIL (each triplet one event, three outlets), B-cubed
# over titles alone and over whole articles; facts: 10-fold cross-validated
# paraphrase decisions on MSRP train (nmerge --train), and the shipped
# model on the same pairs run end to end, each pair a story of its own.
if [ -d "$data/merge" ] && [ -x "$bin/nmerge" ]; then
	b=$data/merge/basil_triplets.tsv
	awk -F'\t' 'NR > 1 { print $3 "\t" $1 }' "$b" | sort -u > "$tmp/gold"
	awk -F'\t' -v OFS='\t' 'NR == 1 { print "id", "date", "source",
	    "title", "text"; next } !($3 in s) { s[$3] = 1;
	    print $3, $4, $2, $5, $5 }' "$b" > "$tmp/titles.tsv"
	awk -F'\t' -v OFS='\t' 'NR == 1 { next } !($3 in t) { o[++n] = $3;
	    t[$3] = $5; d[$3] = $4; s[$3] = $2 }
	    { x[$3] = x[$3] (x[$3] == "" ? "" : "\\n") $8 }
	    END { print "id", "date", "source", "title", "text"
	    for (i = 1; i <= n; i++)
		print o[i], d[o[i]], s[o[i]], t[o[i]], x[o[i]] }' "$b" \
	    > "$tmp/articles.tsv"
	bcubed() {
		awk -F'\t' 'NR == FNR { g[$1] = $2; next }
		    $1 == "story" { p[$3] = $2 }
		    END { for (d in p) { gc[g[d]]++; pc[p[d]]++
			both[g[d] SUBSEP p[d]]++ }
		    for (d in p) { k = both[g[d] SUBSEP p[d]]
			P += k / pc[p[d]]; R += k / gc[g[d]]; n++ }
		    P /= n; R /= n
		    printf "P %.3f R %.3f F1 %.3f (%d documents)\n", P, R,
			2 * P * R / (P + R), n }' "$tmp/gold" -
	}
	for set in titles articles; do
		printf 'nmerge stories, BASIL %s, dated: ' $set
		"$bin/nsplit" -t -l "$tmp/$set.tsv" | "$bin/nmerge" -s | bcubed
		printf 'nmerge stories, BASIL %s, undated: ' $set
		"$bin/nsplit" -t -l "$tmp/$set.tsv" |
		    awk -F'\t' -v OFS='\t' '$1 == "doc" { $3 = "" } 1' |
		    "$bin/nmerge" -s | bcubed
	done
	printf 'nmerge facts, MSRP train, 10-fold: '
	"$bin/nmerge" --train "$data/merge/msrp_train.tsv" 2>&1 >/dev/null |
	    sed 's/^nmerge: //'
	printf 'nmerge facts, MSRP train, end to end (model seen them): '
	awk -F'\t' -v OFS='\t' 'NR == 1 { print "id", "text"; next }
	    { gsub(/\\/, "", $4); gsub(/\\/, "", $5)
	    print "p" NR "a", $4; print "p" NR "b", $5 }' \
	    "$data/merge/msrp_train.tsv" | "$bin/nsplit" -t -l |
	    awk -F'\t' -v OFS='\t' '{ print } $1 == "doc" { s = $2
		gsub(/[^0-9]/, "", s); print "story", s, $2 }' |
	    "$bin/nmerge" -F | awk -F'\t' -v data="$data/merge/msrp_train.tsv" '
	    { f[$3] = f[$3] " " $2 " " }
	    END { while ((getline l < data) > 0) { if (++n == 1) continue
		split(l, c, "\t"); a = f["p" n "a"]; b = f["p" n "b"]; same = 0
		m = split(a, x, " ")
		for (j = 1; j <= m; j++) if (index(b, " " x[j] " ")) same = 1
		ok += same == c[1]; tp += same && c[1]; fp += same && !c[1]
		fn += !same && c[1] }
	    printf "accuracy %.2f, F1 %.2f\n", 100 * ok / (n - 1),
		200 * tp / (2 * tp + fp + fn) }'
fi
