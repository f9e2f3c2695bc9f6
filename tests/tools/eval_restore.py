"""Accuracy of accent restoration ("did you mean") on accent-free queries.

    python -m tests.tools.eval_restore                       # on the sample archive
    python -m tests.tools.eval_restore --source ../shared/real-news/articles.jsonl
    python -m tests.tools.eval_restore --source ../shared/real-news/articles.jsonl --index var/eval-real-index

Queries are runs of 2 to 8 words from the articles' titles (seeded; ``--from body``:
from first paragraphs, which the title statistics have not seen), with their accents
stripped; a query counts as restored when the suggestion gives back every
word as written (case, tone placement and i/y spellings aside). With --source the
file is indexed into a temporary folder first, or with ``--index DIR`` into DIR,
kept and reused while the file is unchanged (:mod:`tests.tools.realnews`; the
index ``eval_matching`` uses).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from indexer import indexing, normalize, parsing
from indexer.abbreviations import load_default
from indexer.models import Article
from indexer.searching import Searcher
from tests.tools.realnews import ROOT, cached_index


def queries(articles: list[Article], n: int, seed: int, part: str = "title") -> list[list[str]]:
    rnd = random.Random(seed)
    out = []
    texts = [a.title if part == "title" else a.body.split("\n\n")[0] for a in articles]
    titles = [[w for w, _, _ in normalize.tokens(t)] for t in texts]
    titles = [t for t in titles if len(t) >= 2]
    while len(out) < n and titles:
        words = rnd.choice(titles)
        size = rnd.randint(2, min(8, len(words)))
        start = rnd.randrange(0, len(words) - size + 1)
        run = words[start:start + size]
        if any(w.isdigit() for w in run) or not any(normalize.has_accents(w) for w in run):
            continue
        out.append(run)
    return out


def evaluate(searcher: Searcher, cases: list[list[str]]) -> tuple[float, list[str], float]:
    """(share of fragments restored whole, the misses, share of words restored)."""
    right, wrong = 0, []
    words_right = words_all = 0
    for words in cases:
        query = " ".join(normalize.fold(w).lower() for w in words)
        suggestion = searcher.suggestion(query) or query
        got = normalize.words(suggestion)
        want = normalize.words(" ".join(words))
        words_all += len(want)
        words_right += sum(g == w for g, w in zip(got, want)) if len(got) == len(want) else 0
        if got == want:
            right += 1
        else:
            wrong.append(f"{query!r}: got {suggestion!r}, want {' '.join(words)!r}")
    return right / max(1, len(cases)), wrong, words_right / max(1, words_all)


@contextmanager
def index_of(source: Path, folder: Path | None) -> Iterator[Path]:
    """An index of *source*: cached in *folder* if given, else in a temporary folder."""
    if folder is not None:
        yield cached_index(source, folder)
        return
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index"
        indexing.update(index, [source], procs=2)
        yield index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, help="a JSONL file of real articles (indexed first)")
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--from", dest="part", choices=("title", "body"), default="title",
                        help="take the fragments from titles (default) or from first paragraphs")
    parser.add_argument("--index", type=Path,
                        help="keep the index of the source in this folder and reuse it while the source is unchanged")
    args = parser.parse_args(argv)
    source = args.source or ROOT / "data"
    articles = [a for a in parsing.read_paths([source]) if isinstance(a, Article)]
    with index_of(source, args.index) as index:
        searcher = Searcher(index, load_default())
        cases = queries(articles, args.n, args.seed, args.part)
        accuracy, wrong, word_accuracy = evaluate(searcher, cases)
    print(f"Accent restoration on {len(cases)} accent-free {args.part} fragments of 2-8 words "
          f"({len(articles)} articles from {source.name}): {accuracy:.1%} restored exactly, "
          f"{word_accuracy:.1%} of their words")
    if args.errors:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
