#!/usr/bin/env python3
"""Score ncite's quote records against PolNeAR attributions (make eval).

usage: cite_score.py ATTRIBUTIONS.tsv TEXTDIR PRED.tsv [--errors FILE]

Gold: attributions whose content has a quote mark (one annotator per
document, the first by name).  A found quotation matches a gold one when
at least half of its bytes lie in the gold content.  Speaker accuracy
counts the matched gold quotations whose source is a name.
"""
import os
import re
import sys

PRON = {"i", "you", "he", "she", "it", "we", "they", "him", "her", "them",
        "me", "us", "his", "its", "their", "one", "who", "which", "that"}
TITLES = {"mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "president",
          "senator", "spokeswoman", "spokesman", "spokesperson", "secretary",
          "mayor", "governor", "gen.", "lt.", "judge", "rev.", "prof."}
SMALL = {"the", "of", "for", "and", "de", "a", "an", "at", "'s", "’s", "s"}


def words(s):
    return re.findall(r"[\w.'’-]+", s)


def is_name(src):
    """A source written as a name: every word capitalised but small ones."""
    w = words(src)
    if not w or len(w) > 7:
        return False
    caps = 0
    for x in w:
        if x.lower() in SMALL:
            continue
        if x[0].isupper():
            caps += 1
        else:
            return False
    return caps > 0 and not (len(w) == 1 and w[0].lower() in PRON)


def name_set(s):
    out = set()
    for x in words(s):
        x = x.lower().strip(".'’")
        if x.endswith("’s") or x.endswith("'s"):
            x = x[:-2]
        if not x or x in SMALL or x + "." in TITLES or x in TITLES:
            continue
        out.add(x)
    return out


def same_speaker(pred, gold):
    a, b = name_set(pred), name_set(gold)
    if not a or not b:
        return False
    return a <= b or b <= a


def main():
    args = sys.argv[1:]
    errf = None
    if "--errors" in args:
        i = args.index("--errors")
        errf = open(args[i + 1], "w")
        del args[i:i + 2]
    attr, textdir, predf = args
    gold = {}
    annot = {}
    rows = []
    with open(attr, encoding="utf-8") as f:
        next(f)
        for line in f:
            r = line.rstrip("\n").split("\t")
            if len(r) < 11 or r[10].strip() != "1":
                continue
            rows.append(r)
            d = r[1]
            if d not in annot or r[2] < annot[d]:
                annot[d] = r[2]
    cache = {}
    for r in rows:
        d = r[1]
        if r[2] != annot[d]:
            continue
        if d not in cache:
            t = open(os.path.join(textdir, d + ".txt"), encoding="utf-8").read()
            off = [0]
            for ch in t:
                off.append(off[-1] + len(ch.encode("utf-8")))
            cache[d] = off
        off = cache[d]
        segs = []
        for sp in r[8].split(";"):
            if "-" not in sp:
                continue
            a, b = sp.split("-")
            segs.append((off[int(a)], off[int(b)]))
        gold.setdefault(d, []).append({"segs": segs, "src": r[5],
                                       "text": r[9], "hit": None})
    preds = {}
    with open(predf, encoding="utf-8", errors="replace") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if r[0] != "quote" or len(r) < 7:
                continue
            d = os.path.basename(r[1])
            if d.endswith(".txt"):
                d = d[:-4]
            preds.setdefault(d, []).append((int(r[3]), int(r[4]), r[5], r[6]))
    npred = nmatch = 0
    for d, ps in preds.items():
        gs = gold.get(d, [])
        for (a, b, spk, text) in ps:
            npred += 1
            best, bestov = None, 0
            for g in gs:
                ov = sum(max(0, min(b, y) - max(a, x)) for x, y in g["segs"])
                if ov * 2 >= (b - a) and ov > bestov:
                    best, bestov = g, ov
            if best is None:
                if errf:
                    print("FP\t%s\t%s\t%s" % (d, spk, text), file=errf)
                continue
            nmatch += 1
            if best["hit"] is None or bestov > best["hit"][0]:
                best["hit"] = (bestov, spk)
    ngold = sum(len(v) for v in gold.values())
    nfound = 0
    names = right = 0
    for d, gs in sorted(gold.items()):
        for g in gs:
            if g["hit"] is not None:
                nfound += 1
                if is_name(g["src"]):
                    names += 1
                    if same_speaker(g["hit"][1], g["src"]):
                        right += 1
                    elif errf:
                        print("SPK\t%s\t%s\t%s\t%s" % (d, g["hit"][1],
                              g["src"], g["text"][:150]), file=errf)
            elif errf:
                print("FN\t%s\t%s\t%s" % (d, g["src"], g["text"][:200]),
                      file=errf)
    p = nmatch / npred if npred else 0.0
    r = nfound / ngold if ngold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print("quotations: P %.3f R %.3f F1 %.3f (found %d, gold %d)" %
          (p, r, f1, npred, ngold))
    print("named speakers: %.3f (%d of %d matched gold quotations)" %
          (right / names if names else 0.0, right, names))


if __name__ == "__main__":
    main()
