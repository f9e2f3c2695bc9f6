"""A seeded random sample of the officials facet over the 15,000 real articles (issue #11).

    python -m tests.tools.sample_facet                 # 200 entries, seed 11
    python -m tests.tools.sample_facet -n 50 --seed 3
    python -m tests.tools.sample_facet --name "Nguyễn Văn Hùng"   # one entry, with its articles

The facet counts people over articles: one entry per person (:mod:`indexer.people`: a
canonical name, apart for namesakes whose titles name different places), with the number
of articles that name the person and the titles they were given, most used first. This runs
the extractor over ``../shared/real-news/articles.jsonl`` exactly as ``timtin index`` does
(without a curated list) and groups the same way, so the entries are the facet's; read
them by eye and classify each (a person with a right title / not a person / a wrong or cut
title).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter

from indexer import normalize, parsing, people
from indexer.officials import with_officials
from tests.tools.eval_officials import REAL_NEWS, real_rows


def facet() -> dict[str, tuple[set[str], Counter]]:
    """Person key -> (ids of the articles naming them, their titles counted by article),
    people made as the index makes them (:func:`indexer.people.group` over article keys)."""
    by_key: dict[str, tuple[set[str], Counter]] = {}
    for k, row in enumerate(real_rows()):
        article, _ = parsing.parse_record(row, f"real:{k + 1}", f"real:{k + 1}")
        for official in with_officials(article).officials:
            ids, titles = by_key.setdefault(official.key, (set(), Counter()))
            ids.add(article.id)
            titles.update(set(official.titles))
    persons = people.group({key: len(ids) for key, (ids, _) in by_key.items()}, lambda key: by_key[key][1])
    out: dict[str, tuple[set[str], Counter]] = {}
    for person in persons:
        ids, titles = out.setdefault(person.key, (set(), Counter()))
        for key in person.members:
            ids |= by_key[key][0]
            titles.update(by_key[key][1])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--name", help="show one entry and the ids of its articles")
    args = parser.parse_args(argv)
    if not REAL_NEWS.is_file():
        print(f"No {REAL_NEWS}: nothing to sample.")
        return 0
    entries = facet()
    if args.name:
        ids, titles = entries.get(args.name, entries.get(normalize.canonical_name(args.name), (set(), Counter())))
        print(f"{args.name}: {len(ids)} articles; titles {titles.most_common()}; ids {sorted(ids)[:20]}")
        return 0
    names = sorted(entries)
    print(f"{len(names)} facet entries over 15,000 real articles; a sample of {args.n} (seed {args.seed}):\n")
    for k, name in enumerate(sorted(random.Random(args.seed).sample(names, min(args.n, len(names)))), 1):
        ids, titles = entries[name]
        shown = "; ".join(f"{t} ({c})" if c > 1 else t for t, c in titles.most_common(3))
        print(f"{k:3}. {name:26} {len(ids):4}  {shown[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
