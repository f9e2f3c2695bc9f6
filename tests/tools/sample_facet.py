"""A seeded random sample of the officials facet over the 15,000 real articles (issue #11).

    python -m tests.tools.sample_facet                 # 200 entries, seed 11
    python -m tests.tools.sample_facet -n 50 --seed 3
    python -m tests.tools.sample_facet --name "Nguyễn Văn Hùng"   # one entry, with its articles
    python -m tests.tools.sample_facet --splits        # every person told apart article by article
    python -m tests.tools.sample_facet --splits -n 40 --seed 11 --sentences   # 40 of them, as a judge's sheet

The facet counts people over articles: one entry per person (:mod:`indexer.people`: a
canonical name, apart for namesakes whose titles name different places, or whose articles
give them posts in bodies one person cannot hold), with the number of articles that name
the person and the titles they were given, most used first. This runs the extractor over
``../shared/real-news/articles.jsonl`` exactly as ``timtin index`` does (without a curated
list) and makes people the same way (:func:`indexer.people.people_of`), so the entries are
the facet's; read them by eye and classify each (a person with a right title / not a
person / a wrong or cut title / several people merged). ``--splits`` lists each entry a
split made, with its titles and article ids (``--sentences``: and the sentences naming
them, in the judges' sheet format), for a blind judge to check.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from collections import Counter

from indexer import normalize, parsing, people
from indexer.officials import with_officials
from tests.tools.eval_officials import REAL_NEWS, real_rows


def facet(rows: list[dict] | None = None) -> dict[str, tuple[set[str], Counter]]:
    """Person key -> (ids of the articles naming them, their titles counted by article),
    people made as the index makes them (:func:`indexer.people.people_of` over article keys)."""
    return _facet(rows)[0]


def _facet(rows=None) -> tuple[dict[str, tuple[set[str], Counter]], dict[str, str]]:
    """(the facet, split person key -> the entry it was split from)."""
    by_key: dict[str, tuple[set[str], Counter]] = {}
    doc_titles: dict[str, dict[str, tuple[str, ...]]] = {}
    for k, row in enumerate(real_rows() if rows is None else rows):
        article, _ = parsing.parse_record(row, f"real:{k + 1}", f"real:{k + 1}")
        for official in with_officials(article).officials:
            ids, titles = by_key.setdefault(official.key, (set(), Counter()))
            ids.add(article.id)
            titles.update(set(official.titles))
            doc_titles.setdefault(official.key, {})[article.id] = tuple(official.titles)
    persons, doc_person = people.people_of(
        {key: len(ids) for key, (ids, _) in by_key.items()}, lambda key: by_key[key][1],
        lambda person: {key: doc_titles[key] for key in person.members},
    )
    out: dict[str, tuple[set[str], Counter]] = {}
    for person in persons:
        ids, titles = out.setdefault(person.key, (set(), Counter()))
        for key in person.members:
            for doc, given in doc_titles[key].items():
                if doc_person.get(key, {}).get(doc, person.key) == person.key:
                    ids.add(doc)
                    titles.update(set(given))
    return out, {person.key: person.split_from for person in persons if person.split_from}


SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


def sentences(row: dict, key: str, most: int = 2) -> list[str]:
    """Up to *most* sentences of an article that name the person *key* (by the last
    syllables of the name), as the judges' sheets show them."""
    bare = people.split_key(key)[0]
    tail = " ".join(bare.split()[-2:]) if len(bare.split()) > 2 else bare
    text = unicodedata.normalize("NFC", (row.get("title") or "") + "\n" + (row.get("body") or ""))
    return [s.strip()[:400] for s in SENTENCE.split(text) if tail in s or bare.split()[-1] in s][:most]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--name", help="show one entry and the ids of its articles")
    parser.add_argument("--splits", action="store_true",
                        help="list the entries made by telling namesakes apart article by article")
    parser.add_argument("--sentences", action="store_true", help="with --splits: the sentences naming each")
    args = parser.parse_args(argv)
    if not REAL_NEWS.is_file():
        print(f"No {REAL_NEWS}: nothing to sample.")
        return 0
    entries, split_from = _facet()
    if args.name:
        ids, titles = entries.get(args.name, entries.get(normalize.canonical_name(args.name), (set(), Counter())))
        print(f"{args.name}: {len(ids)} articles; titles {titles.most_common()}; ids {sorted(ids)[:20]}")
        return 0
    if args.splits:
        return _print_splits(entries, split_from, args)
    names = sorted(entries)
    print(f"{len(names)} facet entries over 15,000 real articles; a sample of {args.n} (seed {args.seed}):\n")
    for k, name in enumerate(sorted(random.Random(args.seed).sample(names, min(args.n, len(names)))), 1):
        ids, titles = entries[name]
        shown = "; ".join(f"{t} ({c})" if c > 1 else t for t, c in titles.most_common(3))
        print(f"{k:3}. {name:26} {len(ids):4}  {shown[:110]}")
    return 0


def _print_splits(entries, split_from, args) -> int:
    """Each entry a split made (all of them, or a seeded sample of -n when there are more),
    with its titles and article ids, in the judges' sheet format."""
    split = sorted(split_from)
    froms = sorted(set(split_from.values()))
    if len(split) > args.n:
        split = sorted(random.Random(args.seed).sample(split, args.n))
    rows = {r["id"]: r for r in real_rows()} if args.sentences else {}
    print(f"{len(entries)} facet entries over 15,000 real articles; {len(froms)} entries split into "
          f"{len(split_from)} people by their articles' posts; {len(split)} shown (seed {args.seed})\n")
    for k, name in enumerate(split, 1):
        ids, titles = entries[name]
        shown = "; ".join(f"{t} ({c})" if c > 1 else t for t, c in titles.most_common(3))
        print(f"=== ENTRY {k}. {name}  [{len(ids)} articles]\n  TITLES SHOWN: {shown}")
        print(f"  SPLIT FROM: {split_from[name]}; ARTICLES: {', '.join(sorted(ids))}")
        for aid in sorted(ids)[:3]:
            for sentence in sentences(rows[aid], name) if rows else ():
                print(f"  [{aid}] {sentence}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
