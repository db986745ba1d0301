#!/bin/sh
# Build data/nmerge_wordnet.txt from Debian's wordnet-base: for each
# single-word lemma that WordNet has seen in its sense-tagged texts, its
# three most frequent senses (per part of speech) that it shares with
# another such lemma, numbered compactly.  nmerge counts two words with a
# sense in common as near-synonyms.
set -eu
cd "$(dirname "$0")/.."
wn=${WNDIR:-/usr/share/wordnet}
[ -f "$wn/index.noun" ] || { echo "nmerge-wordnet: no $wn (apt-get install wordnet-base)" >&2; exit 1; }
python3 - "$wn" > data/nmerge_wordnet.txt <<'PY'
import collections, sys
wn = sys.argv[1]
senses = collections.defaultdict(list)
for pos in ("noun", "verb", "adj", "adv"):
    for line in open(f"{wn}/index.{pos}", encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split()
        lemma = f[0]
        if "_" in lemma or not lemma.isalpha():
            continue
        i = 4 + int(f[3])
        if int(f[i + 1]) == 0:          # never seen in tagged text
            continue
        senses[lemma] += [pos[0] + o for o in f[i + 2:i + 5]]
count = collections.Counter(o for v in senses.values() for o in v)
ids = {}
print("# Senses of common English words, from WordNet 3.0 (Princeton")
print("# University; free to use and redistribute under its licence):")
print("# word<TAB>sense numbers it shares with other words here.")
print("# Made by scripts/nmerge-wordnet.sh.")
for lemma in sorted(senses):
    keep = [o for o in senses[lemma] if count[o] > 1]
    if keep:
        print(lemma + "\t" + " ".join(str(ids.setdefault(o, len(ids) + 1)) for o in keep))
PY
