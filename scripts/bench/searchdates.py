"""make bench peer: dateparser's search_dates (Debian python3-dateparser)
over each sent record of a record stream, relative to the document's date;
one `VALUE<TAB>TEXT` a line."""
import datetime
import sys

from dateparser.search import search_dates

import benchio


def main():
    out = benchio.Output()
    date, settings = None, None
    for d, text in benchio.sentences():
        if d != date:
            date = d
            try:
                base = datetime.datetime.fromisoformat(d[:10])
            except ValueError:
                base = datetime.datetime(2025, 3, 12)
            settings = {"RELATIVE_BASE": base}
        for found, value in search_dates(text, languages=["en"],
                                         settings=settings) or ():
            out.line(value.isoformat() + "\t" + found)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
