"""Shared reading and writing for the Python peer drivers of make bench.

Input is read whole, as the Node drivers do; output is one item a line.
"""
import re
import sys

_ESC = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
_SPACE = re.compile(r"\s+")
_PARA = re.compile(r"\n[ \t]*\n")


def unescape(s):
    if "\\" not in s:
        return s
    return re.sub(r"\\(.)", lambda m: _ESC.get(m.group(1), m.group(0)), s)


def lines():
    data = sys.stdin.buffer.read().decode("utf-8", "replace")
    a = data.split("\n")
    if a and a[-1] == "":
        a.pop()
    return a


def documents():
    """The text field of each document of a TSV file with a header row."""
    a = lines()
    if not a:
        return
    col = a[0].split("\t").index("text")
    for line in a[1:]:
        f = line.split("\t")
        yield unescape(f[col]) if col < len(f) else ""


def paragraphs(text):
    return [p for p in _PARA.split(text) if p.strip()]


def sentences():
    """(date, text) of each sent record of a record stream."""
    date = ""
    for line in lines():
        f = line.split("\t")
        if f[0] == "doc":
            date = f[2] if len(f) > 2 else ""
        elif f[0] == "sent" and len(f) >= 6:
            yield date, unescape(f[5])


class Output:
    def __init__(self):
        self.buf = []

    def line(self, s):
        s = _SPACE.sub(" ", s).strip()
        if s:
            self.buf.append(s)
            if len(self.buf) >= 8192:
                self.flush()

    def flush(self):
        if self.buf:
            sys.stdout.write("\n".join(self.buf) + "\n")
        self.buf = []
