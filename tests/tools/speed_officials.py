"""Articles per second of the officials extractor, on ../shared/real-news and on our own data (issue #11).

    python -m tests.tools.speed_officials
    git show main:indexer/officials.py > /tmp/officials_main.py
    python -m tests.tools.speed_officials --compare /tmp/officials_main.py

Parses the 15,000 real articles first (not timed), then times ``extract`` over them alone,
three runs each (CPU time, best kept). Our own data is the 81 written articles of the labelled
set (the sample archive and tests/data/officials/cases.jsonl), timed the same way over 20
passes, best of five (they are few and short). With ``--compare`` another version of
``indexer/officials.py`` is timed in turn in the same process, so both see the same machine load.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from indexer import officials, parsing
from tests.tools.eval_officials import REAL_NEWS, labelled_articles, real_rows
from tests.tools.realnews import load_module


def _load(path: Path):
    return load_module(path, "officials_compared")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compare", type=Path, help="another officials.py to time in turn")
    args = parser.parse_args(argv)
    versions = [("this", officials)] + ([(str(args.compare), _load(args.compare))] if args.compare else [])
    written = [article for article, _ in labelled_articles()]
    print(f"Our own data ({len(written)} written articles, 20 passes, best of 5):")
    _time(versions, written, runs=5, passes=20)
    if not REAL_NEWS.is_file():
        print(f"No {REAL_NEWS}; real news not timed.")
        return 0
    articles = [parsing.parse_record(row, str(k), str(k))[0] for k, row in enumerate(real_rows())]
    print(f"Real news ({len(articles)} articles, best of 3):")
    _time(versions, articles, runs=3, passes=1)
    return 0


def _time(versions, articles, runs: int, passes: int) -> None:
    best: dict[str, float] = {}
    found: dict[str, int] = {}
    for _ in range(runs):
        for label, module in versions:
            start = time.process_time()  # CPU time: other processes on the machine do not count
            for _ in range(passes):
                found[label] = sum(len(module.extract(a)) for a in articles)
            took = time.process_time() - start
            best[label] = min(best.get(label, took), took)
    for label, _ in versions:
        print(f"  {label}: {found[label]} officials found: {best[label]:.2f} s, "
              f"{len(articles) * passes / best[label]:,.0f} articles/s")


if __name__ == "__main__":
    sys.exit(main())
