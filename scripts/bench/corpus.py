#!/usr/bin/env python3
"""Build the benchmark corpora for `make bench` (never committed).

    corpus.py text DATA OUT --mb 50
        OUT.tsv  header `id<TAB>text`, one document per line (nsplit -t)
        OUT.txt  the same documents as plain text, a blank line between
        (OUT -: the TSV alone, on stdout; the summary line, its size in
        bytes added, on stderr)
    corpus.py articles DATA OUT.tsv --n 100000
        header `id date source title text`: whole articles for nmerge and
        ncite, in replicates of the source articles whose names, rare words
        and numbers are rewritten per replicate, so each replicate is a new
        set of stories (the same outlets reporting the same events) rather
        than a copy of the last.

DATA is ../shared/data; when it is missing or empty, text is synthesised.
The output depends only on the arguments (fixed seed).
"""
import argparse
import datetime
import glob
import hashlib
import io
import os
import random
import re
import sys


def unescape(s):
    if "\\" not in s:
        return s
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r",
                                       "\\": "\\"}.get(m.group(1),
                                                      m.group(0)), s)


def escape(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def paragraphs(text):
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text.replace("\r", ""))
            if p.strip()]


def article(id_, date, source, title, paras):
    return {"id": id_, "date": date, "source": source, "title": title,
            "paras": paras}


def load(data):
    """Every usable document in DATA as articles."""
    arts = []
    for name in ("gum", "ewt"):
        path = os.path.join(data, "sbd", name + "_dev_docs.tsv")
        if os.path.exists(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    id_, _, text = line.rstrip("\n").partition("\t")
                    arts.append(article(id_, "", name, "",
                                        paragraphs(unescape(text))))
    path = os.path.join(data, "timex", "train_docs.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3:
                    continue
                src = re.match(r"[A-Za-z]*", parts[0]).group(0) or "timex"
                arts.append(article(parts[0], parts[1], src, "",
                                    paragraphs(unescape(parts[2]))))
    for path in sorted(glob.glob(os.path.join(data, "cite", "polnear", "text",
                                              "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            paras = paragraphs(f.read())
        base = os.path.basename(path)
        m = re.match(r"([^_]+)_(\d{4}-\d\d-\d\d)_", base)
        src, date = (m.group(1), m.group(2)) if m else ("polnear", "")
        title = paras.pop(0) if len(paras) > 1 and len(paras[0]) < 200 else ""
        arts.append(article(base[:-4], date, src, title, paras))
    path = os.path.join(data, "merge", "basil_triplets.tsv")
    if os.path.exists(path):
        docs = {}
        with open(path, encoding="utf-8", errors="replace") as f:
            next(f, None)
            for line in f:
                p = line.rstrip("\n").split("\t")
                if len(p) < 8:
                    continue
                a = docs.setdefault(p[2], {"src": p[1], "date": p[3],
                                           "title": p[4], "paras": {}})
                try:
                    key = (int(p[5]), int(p[6]))
                except ValueError:
                    continue
                a["paras"][key] = unescape(p[7])
        for uuid, a in docs.items():
            paras, cur = [], None
            for (pi, _), s in sorted(a["paras"].items()):
                if pi != cur:
                    paras.append(s)
                    cur = pi
                else:
                    paras[-1] += " " + s
            arts.append(article("basil-" + uuid[:8], a["date"], a["src"],
                                a["title"], paras))
    return [a for a in arts if a["paras"]]


# Synthesised news-like text, used only when there is no data directory.
FIRST = "Anna Brian Carla David Elena Frank Grace Henry Irene James Karen " \
        "Louis Maria Nadia Oscar Paula Rafael Sara Tomas Vera".split()
LAST = "Adler Brandt Castillo Dorsey Ellison Fontaine Garza Hollis Ibarra " \
       "Jensen Keller Lindqvist Moreau Novak Okafor Pereira Quinn Ramos " \
       "Sandoval Whitfield".split()
ORGS = ["Veltra Corp.", "the Northfield City Council", "Brightwater Inc.",
        "the U.S. Department of Energy", "Halcyon Labs", "the Federal Trade "
        "Commission (FTC)", "Corvane Holdings", "the Ministry of Transport",
        "Ostrava Steel", "the National Weather Service"]
PLACES = ["Ohio", "the U.S.", "Lisbon", "northern Kenya", "Dayton, Ohio",
          "the Baltic coast", "Washington", "St. Paul, Minn.", "Osaka",
          "the U.K."]
VERBS = ["said", "announced", "reported", "warned", "confirmed", "denied",
         "told reporters", "wrote in a statement"]
WHEN = ["on Monday", "last week", "on March 3", "in 2017", "three years ago",
        "at 3 p.m. EST", "early June", "this week", "on Jan. 12", "in Q3"]
THINGS = ["the plant", "the merger", "a new policy", "the budget",
          "the contract", "the inquiry", "the strike", "the vote"]


def upfirst(s):
    return s[:1].upper() + s[1:]


def synth_article(rnd, i):
    def person():
        t = rnd.choice(["", "", "Mr. ", "Dr. ", "Sen. ", "Gov. "])
        return t + rnd.choice(FIRST) + " " + rnd.choice("ABCDEJKLMR") + \
            ". " + rnd.choice(LAST) if rnd.random() < .2 else \
            t + rnd.choice(FIRST) + " " + rnd.choice(LAST)

    def sentence():
        k = rnd.randrange(7)
        if k == 0:
            return "“%s %s,” %s %s." % (
                rnd.choice(["We will not close", "Nobody expected",
                            "This is a painful but necessary step for"]),
                rnd.choice(THINGS), person(), rnd.choice(VERBS))
        if k == 1:
            return "%s %s %s it would cut %d jobs in %s by %d.%d%%." % (
                upfirst(rnd.choice(ORGS)), rnd.choice(VERBS),
                rnd.choice(WHEN), rnd.randrange(20, 900),
                rnd.choice(PLACES), rnd.randrange(1, 30), rnd.randrange(10))
        if k == 2:
            return "The decision came after %s met officials from %s %s." % (
                person(), rnd.choice(ORGS), rnd.choice(WHEN))
        if k == 3:
            return "Shares of %s fell %d cents to $%d.%02d %s, the No. %d " \
                "drop this year." % (rnd.choice(ORGS), rnd.randrange(99),
                                     rnd.randrange(5, 300), rnd.randrange(100),
                                     rnd.choice(WHEN), rnd.randrange(2, 9))
        if k == 4:
            return "According to %s, %s will go ahead in %s (see " \
                "example.com/news) ... or not." % (
                    rnd.choice(ORGS), rnd.choice(THINGS), rnd.choice(PLACES))
        if k == 5:
            return "%s, who has led %s since %d, %s %s." % (
                person(), rnd.choice(ORGS), rnd.randrange(1990, 2025),
                rnd.choice(VERBS), rnd.choice(WHEN))
        return "Residents of %s said %s was %s." % (
            rnd.choice(PLACES), rnd.choice(THINGS),
            rnd.choice(["a surprise", "long overdue", "unclear",
                        "the talk of the town"]))

    paras = [" ".join(sentence() for _ in range(rnd.randrange(1, 5)))
             for _ in range(rnd.randrange(4, 14))]
    paras[0] = rnd.choice(["WASHINGTON — ", "LONDON (Reuters) - ",
                           "NEW YORK (AP) — ", ""]) + paras[0]
    date = datetime.date(2020, 1, 1) + datetime.timedelta(rnd.randrange(1500))
    title = "%s %s" % (rnd.choice(ORGS).replace("the ", "").title(),
                       rnd.choice(["to Cut Jobs", "Faces Inquiry",
                                   "Wins Vote", "Delays Plan"]))
    return article("synth-%06d" % i, date.isoformat(),
                   rnd.choice(["Daily Ledger", "Harbor Times", "Metro Wire"]),
                   title, paras)


def synth(n, rnd):
    return [synth_article(rnd, i) for i in range(n)]


def text_corpus(arts, out, mb, rnd):
    """Documents of 3-12 paragraphs drawn from the pool, with a headline."""
    pool = [p for a in arts for p in a["paras"]]
    titles = [a["title"] for a in arts if a["title"]]
    target = int(mb * 1e6)
    size = n = 0
    if out == "-":      # a stream of the TSV only (scripts/membound.sh)
        tsv = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8",
                               newline="\n", write_through=False)
        txt = None
    else:
        tsv = open(out + ".tsv", "w", encoding="utf-8", newline="\n")
        txt = open(out + ".txt", "w", encoding="utf-8", newline="\n")
    with tsv, txt or io.StringIO():
        tsv.write("id\ttext\n")
        while size < target:
            n += 1
            paras = rnd.sample(pool, min(len(pool), rnd.randint(3, 12)))
            if titles:
                paras.insert(0, rnd.choice(titles))
            text = "\n\n".join(paras)
            line = "d%07d\t%s\n" % (n, escape(text))
            tsv.write(line)
            if txt is not None:
                txt.write(text + "\n\n")
            size += len(line.encode("utf-8"))
    return n, size


WORD = re.compile(r"[A-Za-z]+|[0-9]+")
CONS, VOWS = "bdfgklmnprstvz", "aeiou"


def pseudo(word, rep):
    h = hashlib.blake2b(("%d:%s" % (rep, word.lower())).encode(),
                        digest_size=16).digest()
    s = "".join(CONS[h[i] % len(CONS)] + VOWS[h[i + 8] % len(VOWS)]
                for i in range(max(2, min(7, (len(word) + 1) // 2))))
    return s.capitalize() if word[0].isupper() else s


def renumber(tok, rep):
    if len(tok) == 4 and tok[:2] in ("19", "20"):
        return tok              # years stay; the dates move instead
    return "".join(str((int(c) + rep) % 10) for c in tok)


def articles_corpus(arts, out, n, rnd, maxbytes=3000):
    """n articles: replicate r rewrites names, rare words and numbers."""
    freq = {}
    lower = set()
    for a in arts:
        for p in a["paras"]:
            for w in WORD.findall(p):
                if w.islower():
                    lower.add(w)
                    freq[w] = freq.get(w, 0) + 1
    common = set(sorted(freq, key=lambda w: (-freq[w], w))[:3000])

    def renamed(w):
        if w[0].isdigit():
            return True
        if w[0].isupper():
            return len(w) >= 4 and w.lower() not in lower and \
                w[1:].islower()
        return len(w) >= 7 and w not in common

    # each article as a template: fixed text, then (renamed token, text)…
    base = []
    for a in arts:
        paras, size = [], 0
        for p in a["paras"]:
            if paras and size + len(p) > maxbytes:
                break
            paras.append(p)
            size += len(p) + 2
        tpl = []
        for field in (a["title"], "\n\n".join(paras)):
            parts, last = [""], 0
            for m in WORD.finditer(field):
                if renamed(m.group(0)):
                    parts[-1] += field[last:m.start()]
                    parts += [m.group(0), ""]
                    last = m.end()
            parts[-1] += field[last:]
            tpl.append(parts)
        try:
            date = datetime.date.fromisoformat(a["date"][:10])
        except ValueError:
            date = datetime.date(2024, 1, 15)
        base.append((a["id"], date, a["source"], tpl))

    def fill(parts, rep, cache):
        if rep == 0:
            return "".join(parts)
        out = [parts[0]]
        for i in range(1, len(parts), 2):
            w = parts[i]
            r = cache.get(w)
            if r is None:
                r = cache[w] = renumber(w, rep) if w[0].isdigit() else \
                    pseudo(w, rep)
            out += [r, parts[i + 1]]
        return "".join(out)

    done = rep = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("id\tdate\tsource\ttitle\ttext\n")
        while done < n:
            order = list(range(len(base)))
            rnd.shuffle(order)
            cache = {}
            shift = datetime.timedelta(days=37 * rep)
            for i in order:
                if done >= n:
                    break
                id_, date, src, (title, text) = base[i]
                f.write("r%03d-%s\t%s\t%s\t%s\t%s\n" % (
                    rep, id_, (date + shift).isoformat(), src,
                    escape(fill(title, rep, cache)),
                    escape(fill(text, rep, cache))))
                done += 1
            rep += 1
    return done


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=("text", "articles"))
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--n", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    arts = load(args.data) if os.path.isdir(args.data) else []
    origin = "data" if arts else "synthesised"
    if not arts:
        arts = synth(3000, rnd)
    if args.kind == "text":
        n, size = text_corpus(arts, args.out, args.mb, rnd)
    else:
        n = articles_corpus(arts, args.out, args.n, rnd)
    if args.out == "-":
        print("%s %d %d %d" % (origin, n, len(arts), size), file=sys.stderr)
    else:
        print("%s %d %d" % (origin, n, len(arts)))


if __name__ == "__main__":
    sys.exit(main())
