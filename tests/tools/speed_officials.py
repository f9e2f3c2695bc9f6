"""Articles per second of the officials extractor on ../shared/real-news (issue #11).

    python -m tests.tools.speed_officials

Parses the 15,000 real articles first (not timed), then times :func:`extract` over
them alone, best of three runs.
"""

from __future__ import annotations

import sys
import time

from indexer import parsing
from indexer.officials import extract
from tests.tools.eval_officials import REAL_NEWS, real_rows


def main() -> int:
    if not REAL_NEWS.is_file():
        print(f"No {REAL_NEWS}; nothing to time.")
        return 0
    articles = [parsing.parse_record(row, str(k), str(k))[0] for k, row in enumerate(real_rows())]
    best = None
    for _ in range(3):
        start = time.perf_counter()
        found = sum(len(extract(a)) for a in articles)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    print(f"{len(articles)} articles, {found} officials: {best:.2f} s, {len(articles) / best:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
