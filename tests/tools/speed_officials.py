"""Articles per second of the officials extractor on ../shared/real-news (issue #11).

    python -m tests.tools.speed_officials
    git show main:indexer/officials.py > /tmp/officials_main.py
    python -m tests.tools.speed_officials --compare /tmp/officials_main.py

Parses the 15,000 real articles first (not timed), then times ``extract`` over them alone,
three runs each (CPU time, best kept). With ``--compare`` another version of ``indexer/officials.py``
is timed in turn in the same process, so both see the same machine load.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from indexer import officials, parsing
from tests.tools.eval_officials import REAL_NEWS, real_rows


def _load(path: Path):
    spec = importlib.util.spec_from_file_location("officials_compared", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["officials_compared"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compare", type=Path, help="another officials.py to time in turn")
    args = parser.parse_args(argv)
    if not REAL_NEWS.is_file():
        print(f"No {REAL_NEWS}; nothing to time.")
        return 0
    articles = [parsing.parse_record(row, str(k), str(k))[0] for k, row in enumerate(real_rows())]
    versions = [("this", officials)] + ([(str(args.compare), _load(args.compare))] if args.compare else [])
    best: dict[str, float] = {}
    found: dict[str, int] = {}
    for _ in range(3):
        for label, module in versions:
            start = time.process_time()  # CPU time: other processes on the machine do not count
            found[label] = sum(len(module.extract(a)) for a in articles)
            took = time.process_time() - start
            best[label] = min(best.get(label, took), took)
    for label, _ in versions:
        print(f"{label}: {len(articles)} articles, {found[label]} officials found: "
              f"{best[label]:.2f} s, {len(articles) / best[label]:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
