#!/usr/bin/env python3
"""regex_baseline.py: the extractor a researcher writes in an afternoon, for comparison.

Reads English text on standard input and writes the figures it finds as
toll-extract's columns (category low best high qualifier kind quote), so
that score.py scores both alike: a number (digits or a number word, with
"at least", "more than", "about" before it) next to a word of death,
injury, disappearance or capture, within a few words, in either order.
No head noun, no clause, no kind but total.  Also timed beside
toll-extract by tests/bench/extract.sh.
"""
import re
import sys

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozens": 12, "hundreds": 100,
    "thousands": 1000, "scores": 20,
}
CATEGORY = [
    ("killed", r"kill(?:ed|ing|s)?|dead|died|dies|deaths?|bodies|perished|slain|lives"),
    ("wounded", r"wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y|es)?|hurt"),
    ("missing", r"missing"),
    ("captured", r"kidnapp(?:ed|ing)|abduct(?:ed|ing)|hostages?|captured|prisoners?"),
]
NUM = r"(?P<q>at least |more than |over |about |nearly |some |up to )?(?P<n>\d[\d,]*|" + \
      "|".join(WORDS) + r")"
GAP = r"(?:[\w'-]+ ){0,3}?"
PATTERNS = []
for name, cat in CATEGORY:
    PATTERNS.append((name, re.compile(r"\b" + NUM + r" " + GAP + r"(?:were |was |have been |had been |are )?(?:" + cat + r")\b", re.I)))
    PATTERNS.append((name, re.compile(r"\b(?:" + cat + r") " + NUM + r"\b", re.I)))


def value(q, n):
    n = n.lower()
    x = WORDS[n] if n in WORDS else int(n.replace(",", ""))
    vague = n in ("dozens", "hundreds", "thousands", "scores")
    q = (q or "").strip().lower()
    if vague or q == "at least":
        return x, x, "", "vague" if vague else ""
    if q in ("more than", "over"):
        return x + 1, x + 1, "", ""
    if q == "up to":
        return 0, x, x, ""
    return x, x, x, "~" if q in ("about", "nearly", "some") else ""


def main():
    text = sys.stdin.read()
    out = sys.stdout
    out.write("category\tlow\tbest\thigh\tqualifier\tkind\tquote\n")
    for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", text):
        seen = set()
        for name, pat in PATTERNS:
            for m in pat.finditer(sentence):
                if m.start("n") in seen:
                    continue
                if re.match(r"\d{4}$", m.group("n")) and 1800 <= int(m.group("n")) <= 2100:
                    continue
                seen.add(m.start("n"))
                low, best, high, qual = value(m.group("q"), m.group("n"))
                out.write("%s\t%s\t%s\t%s\t%s\ttotal\t%s\n" % (name, low, best, high, qual,
                                                             sentence.replace("\t", " ").replace("\n", " ")))


if __name__ == "__main__":
    main()
