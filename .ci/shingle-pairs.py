#!/usr/bin/env python3
"""Exact word 5-gram Jaccard of every pair of articles in a folder (issue 6).

Prints "jaccard file file" for each pair at or above --min (default 0.5) whose
bodies both have 20 words or more, folded roughly as corpuslint folds them
(lower case, letters and digits only, the first line taken as the headline
unless the file is one line). It is the reference duplicate/near-duplicate's
MinHash estimates are checked against:

    python3 .ci/shingle-pairs.py ../shared/corpus/real/id-detik-summ --min 0.7
"""
import argparse
import itertools
import os
import re


def words(path):
    lines = [l for l in open(path, encoding="utf-8", errors="replace").read().split("\n") if l.strip()]
    if len(lines) > 1:
        lines = lines[1:]
    return re.findall(r"[^\W_]+", " ".join(lines).lower())


def shingles(ws):
    return {" ".join(ws[i:i + 5]) for i in range(max(1, len(ws) - 4))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--min", type=float, default=0.5)
    args = ap.parse_args()
    names = sorted(f for f in os.listdir(args.folder) if f.endswith(".txt"))
    ws = {f: words(os.path.join(args.folder, f)) for f in names}
    sh = {f: shingles(ws[f]) for f in names if len(ws[f]) >= 20}
    for a, b in itertools.combinations(sorted(sh), 2):
        inter = len(sh[a] & sh[b])
        j = inter / (len(sh[a]) + len(sh[b]) - inter)
        if j >= args.min:
            print(f"{j:.3f} {a} {b}")


if __name__ == "__main__":
    main()
