"""Opening a snapshot, and the officials facet, with people told apart article by article (issue #11).

    python -m tests.tools.bench_people                       # the real news' index (built if missing) and data/
    git show main:indexer/snapshot.py > /tmp/snapshot_main.py
    python -m tests.tools.bench_people --compare /tmp/snapshot_main.py
    git show main:indexer/people.py > /tmp/people_main.py      # (or another people.py: this snapshot with it)
    python -m tests.tools.bench_people --compare /tmp/people_main.py

Times :func:`indexer.snapshot.open_snapshot` (best of 5) and the facet over a snapshot
(:meth:`Snapshot.official_counts` over every live document and over a tenth of them, best
of 20), then a search for every article with its facet (best of 20). With ``--compare``
another version of ``indexer/snapshot.py`` (or of ``indexer/people.py``, under this
snapshot) is timed in turn, in the same process, so both see the same machine load;
without it, this version is timed against itself with the article-by-article split turned
off (:func:`indexer.people.people_of` grouping only), the rules before round 11. On the
15,000 real articles (``tests.tools.realnews``' cached index, or ``--index``) and on our
own data (``data/``, indexed into a temporary folder).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import numpy as np

from indexer import indexing, people, snapshot
from indexer.layout import require_generation
from indexer.searching import SearchRequest, Searcher
from tests.tools.realnews import REAL_INDEX, REAL_NEWS, cached_index, load_module

DATA = Path(__file__).resolve().parent.parent.parent / "data" / "articles"


def _load(path: Path):
    return load_module(path, "snapshot_compared")


def _group_only(counts, titles_of, doc_titles_of):
    return people.group(counts, titles_of), {}


def _best(fn, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def measure(index: Path, label: str, compare: Path | None) -> None:
    gen = require_generation(index)
    other = _load(compare) if compare else None
    if other is not None and hasattr(other, "people_of"):  # another people.py, under this snapshot.py
        versions = [("this", snapshot.open_snapshot, None),
                    (str(compare), snapshot.open_snapshot, mock.patch.object(snapshot, "people", other))]
    elif other is not None:
        versions = [("this", snapshot.open_snapshot, None), (str(compare), other.open_snapshot, None)]
    else:
        versions = [("this", snapshot.open_snapshot, None),
                    ("no split (before)", snapshot.open_snapshot, mock.patch.object(people, "people_of", _group_only))]
    print(f"{label}:")
    for name, open_snapshot, patch in versions:
        with patch or contextlib.nullcontext():
            open_ms = _best(lambda: open_snapshot(gen), 5)
            snap = open_snapshot(gen)
        tenth = snap.live & (np.random.default_rng(1).random(snap.size) < 0.1)
        every = _best(lambda: snap.official_counts(snap.live), 20)
        some = _best(lambda: snap.official_counts(tenth), 20)
        split = len(getattr(snap, "doc_person", {}))
        print(f"  {name:20} open {open_ms:7.1f} ms  facet all {every:6.2f} ms  a tenth {some:6.2f} ms  "
              f"{len(snap.names)} people, {split} article keys split")
    searcher = Searcher(index)
    searcher.search(SearchRequest())
    print(f"  this: a search for every article with its facets {_best(lambda: searcher.search(SearchRequest()), 20):.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compare", type=Path, help="another snapshot.py, or people.py, to time in turn")
    parser.add_argument("--index", type=Path, help="an index of the real news (default: the cached one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="timtin-bench-people-") as tmp:
        own = Path(tmp) / "index"
        indexing.update(own, [DATA])
        measure(own, f"Our own data ({DATA})", args.compare)
    if args.index or REAL_NEWS.is_file():
        measure(args.index or cached_index(REAL_NEWS, REAL_INDEX), "Real news (15,000 articles)", args.compare)
    else:
        print(f"No {REAL_NEWS}; real news not measured.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
