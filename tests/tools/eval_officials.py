"""Precision and recall of the officials extractor on the labelled set.

    python -m tests.tools.eval_officials            # the table
    python -m tests.tools.eval_officials --errors   # and every miss and false find
    python -m tests.tools.eval_officials --sample ../shared/real-news/articles.jsonl

The labelled set is the sample archive (data/) and tests/data/officials/cases.jsonl,
with the officials a careful reader lists in tests/data/officials/labels.json.
Names compare by canonical form; titles by their exact words (case and tone
placement aside). ``--sample FILE`` prints what the extractor finds in a JSONL file
of real articles, to read by eye.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from indexer import normalize, parsing
from indexer.models import Article

HERE = Path(__file__).resolve().parent.parent
ROOT = HERE.parent
LABELS = HERE / "data" / "officials" / "labels.json"
CASES = HERE / "data" / "officials" / "cases.jsonl"


def title_key(title: str) -> str:
    return " ".join(normalize.words(title))


@dataclass
class Score:
    true: int = 0
    false: int = 0
    missed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true / (self.true + self.false) if self.true + self.false else 1.0

    @property
    def recall(self) -> float:
        return self.true / (self.true + self.missed) if self.true + self.missed else 1.0

    def add(self, article_id: str, found: set, wanted: set, what: str) -> None:
        self.true += len(found & wanted)
        self.false += len(found - wanted)
        self.missed += len(wanted - found)
        self.errors += [f"{article_id}: false {what} {x}" for x in sorted(found - wanted)]
        self.errors += [f"{article_id}: missed {what} {x}" for x in sorted(wanted - found)]


def labelled_articles() -> list[tuple[Article, list[dict]]]:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    out = []
    for item in parsing.read_paths([ROOT / "data"]):
        if isinstance(item, Article):
            out.append((item, labels["data"][item.id]))
    for item in parsing.read_paths([CASES]):
        if isinstance(item, Article):
            out.append((item, labels["cases"][item.id]))
    return out


def evaluate() -> tuple[Score, Score, int]:
    names, pairs = Score(), Score()
    articles = labelled_articles()
    for article, wanted in articles:
        found_names = {normalize.canonical_name(o.name) for o in article.officials}
        wanted_names = {normalize.canonical_name(o["name"]) for o in wanted}
        names.add(article.id, found_names, wanted_names, "name")
        found_pairs = {(normalize.canonical_name(o.name), title_key(t)) for o in article.officials for t in o.titles}
        wanted_pairs = {(normalize.canonical_name(o["name"]), title_key(t)) for o in wanted for t in o["titles"]}
        pairs.add(article.id, found_pairs, wanted_pairs, "pair")
    return names, pairs, len(articles)


def sample(path: Path, n: int, seed: int) -> None:
    rows = [i for i in parsing.read_paths([path]) if isinstance(i, Article)]
    found = [(a, o) for a in rows for o in a.officials]
    print(f"{len(rows)} articles, {len(found)} officials found "
          f"({len({o.name for _, o in found})} distinct); a sample of {n}:")
    for article, official in random.Random(seed).sample(found, min(n, len(found))):
        print(f"  {official.name:28} {'; '.join(official.titles)[:70]:70}  [{article.id}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every miss and false find")
    parser.add_argument("--sample", type=Path, help="a JSONL file of real articles to read findings from")
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.sample:
        sample(args.sample, args.n, args.seed)
        return 0
    names, pairs, count = evaluate()
    print(f"Officials extractor on {count} labelled articles\n")
    print("| what | precision | recall | found right | found wrong | missed |")
    print("|---|---|---|---|---|---|")
    for label, score in (("names", names), ("(name, title) pairs", pairs)):
        print(f"| {label} | {score.precision:.3f} | {score.recall:.3f} | {score.true} | {score.false} | {score.missed} |")
    if args.errors:
        print()
        print("\n".join(names.errors + pairs.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
