"""make bench peer: NLTK's Punkt sentence splitter (Debian python3-nltk).

    nltk_punkt.py english            exit 0 if NLTK's English model is here
    nltk_punkt.py train TEXT MODEL   train Punkt (unsupervised) on TEXT
    nltk_punkt.py split [MODEL]      split each paragraph of the documents
                                     of a TSV on stdin; one sentence a line

No Debian package ships NLTK's pretrained English model (nltk_data), and
nothing but the package registries can be reached here, so the bench trains
Punkt on its own corpus text, as NLTK trained the English model on news.
"""
import pickle
import sys

from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

import benchio


def english():
    import nltk.data
    for name in ("tokenizers/punkt/english.pickle",
                 "tokenizers/punkt/PY3/english.pickle"):
        try:
            return nltk.data.load(name)
        except (LookupError, OSError, ValueError):
            pass
    return None


def main(argv):
    if argv[1:2] == ["english"]:
        return 0 if english() is not None else 1
    if argv[1:2] == ["train"] and len(argv) == 4:
        with open(argv[2], encoding="utf-8", errors="replace") as f:
            text = f.read()
        trainer = PunktTrainer()
        trainer.INCLUDE_ALL_COLLOCS = True
        trainer.train(text, finalize=True)
        with open(argv[3], "wb") as f:
            pickle.dump(trainer.get_params(), f)
        return 0
    if argv[1:2] == ["split"] and len(argv) <= 3:
        if len(argv) == 3:
            with open(argv[2], "rb") as f:
                tok = PunktSentenceTokenizer(pickle.load(f))
        else:
            tok = english()
            if tok is None:
                sys.exit("nltk_punkt: no English model; train one")
        out = benchio.Output()
        for text in benchio.documents():
            for p in benchio.paragraphs(text):
                for s in tok.tokenize(p):
                    out.line(s)
        out.flush()
        return 0
    sys.exit("usage: nltk_punkt.py english | train TEXT MODEL | "
             "split [MODEL]")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
