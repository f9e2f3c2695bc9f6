"""Does the benchmark's synthetic archive behave like real news? Both side by side at 15,000.

    python -m tests.tools.realism              # 15,000 synthetic articles beside the 15,000 real ones
    python -m tests.tools.realism --n 5000     # fewer of each (the first N real ones)

Issue #13 asks the synthetic archive (:mod:`tests.tools.synth`) to match the real
news of ``../shared/real-news`` within 20% on index size, vocabulary growth and
latencies. This writes the same number of synthetic articles as real ones, indexes
both the same way (2 processes, the bundled officials) and prints, for each: the index
as a multiple of its text, distinct terms (title and body terms: words, folded and
exact, and neighbouring pairs, as laid out in the postings file), postings an article,
the distinct terms of the first 1,000 and 5,000 articles (how the vocabulary grows),
and the bench's in-process searches (the same kinds of queries, 210 drawn from each
archive: each once cold on a fresh searcher, then warm, with facets and snippets; three
passes, the archives in turn, each query's best of them), with the synthetic figure
as a share of the real one. Indexes and articles stay in
``var/realism`` (``--rebuild`` makes them again); nothing of the real text leaves it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from indexer import indexing, postings, schema
from indexer.query import SearchRequest
from indexer.searching import Searcher
from tests.tools import bench, realnews, synth

ROOT = Path(__file__).resolve().parent.parent.parent
TOLERANCE = 0.20  # issue #13: within 20%


def vocabulary(index: Path) -> dict[str, float]:
    """Distinct terms and postings (an article) of an index's postings file."""
    gen = indexing.require_generation(index)
    (path,) = sorted(gen.glob(f"{postings.LAYOUT_PREFIX}*{postings.SUFFIX}"))[-1:]
    lay = postings.Layout(path)
    try:
        terms = len(lay.keys)
        total = int(lay.starts[-1]) if terms else 0
        docs = postings.Layout.docs_in(path)
    finally:
        lay.close()
    return {"distinct_terms": terms, "postings_per_article": round(total / docs, 1)}


def sizes(label: str, index: Path, rows: list[dict]) -> dict:
    raw_mb = sum(len(r["title"].encode()) + len(r["body"].encode()) for r in rows) / 1e6
    size = bench.live_mb(index)
    return {"archive": label, "articles": len(rows), "text_mb": round(raw_mb, 1), "index_mb": size,
            "index_to_text": round(size / raw_mb, 2), **vocabulary(index),
            **{f"distinct_terms_{n}": growth(rows[:n]) for n in GROWTH if n < len(rows)}}


GROWTH = (1_000, 5_000)  # distinct terms of the first N articles too: the vocabulary's growth


def growth(rows: list[dict]) -> int:
    """Distinct terms of *rows*, counted as the index counts them (title and body apart)."""
    keys: set[tuple[str, str]] = set()
    for row in rows:
        for fieldname in schema.TEXT_FIELDS:
            keys.update((fieldname, term) for term in schema.terms(row[fieldname])[0])
    return len(keys)


def queries_of(index: Path, rows: list[dict]) -> list[dict]:
    """The bench's 210 distinct queries, drawn from *rows*."""
    officials = [c["value"] for c in Searcher(index).search(SearchRequest()).to_json()["facets"]["official"]]
    first = bench.make_queries(rows, officials)
    return bench.make_queries(rows, officials, more=210 - len(first))


def latencies(index: Path, queries: list[dict]) -> dict[str, list[float]]:
    """One pass on a fresh searcher: each query cold (the first time), then each warm,
    with facets and snippets, as the bench asks them; ms per query."""
    searcher = Searcher(index)
    searcher.warm()
    out: dict[str, list[float]] = {}
    for state in ("cold", "warm"):
        times = []
        for params in queries:
            started = time.perf_counter()
            searcher.search(SearchRequest.from_params(params))
            times.append((time.perf_counter() - started) * 1000)
        out[state] = times
    return out


def summary(passes: list[dict[str, list[float]]]) -> dict:
    """Median and p95 over the queries of each query's best time over the passes (the
    machine is shared: as ``timeit`` does, the fastest of several runs is the one that
    waited least for other jobs; each pass is a fresh searcher, which reads postings
    afresh, so cold stays cold, though the process's compiled expressions stay)."""
    out = {}
    for state in ("cold", "warm"):
        per_query = [min(times) for times in zip(*(p[state] for p in passes))]
        stats = bench.percentiles(per_query)
        out[f"{state}_median_ms"], out[f"{state}_p95_ms"] = stats["median"], stats["p95"]
    return out


FIGURES = [("index_to_text", "index (x text)"), ("distinct_terms", "distinct terms"),
           *((f"distinct_terms_{n}", f"distinct terms of the first {n:,}") for n in GROWTH),
           ("postings_per_article", "postings an article"),
           ("cold_median_ms", "in process, cold, median ms"), ("cold_p95_ms", "in process, cold, p95 ms"),
           ("warm_median_ms", "in process, warm, median ms"), ("warm_p95_ms", "in process, warm, p95 ms")]


def table(real: dict, fake: dict) -> str:
    lines = [f"| figure | real news ({real['articles']:,}) | synthetic ({fake['articles']:,}) | synthetic / real | |",
             "|---|---|---|---|---|"]
    for key, name in FIGURES:
        if key not in real or key not in fake:
            continue
        share = fake[key] / real[key] if real[key] else float("nan")
        lines.append(f"| {name} | {real[key]:,} | {fake[key]:,} | {share:.2f} | "
                     f"{'within 20%' if abs(share - 1) <= TOLERANCE else 'off by more than 20%'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=15_000, help="articles of each archive")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "realism")
    parser.add_argument("--rebuild", action="store_true", help="write and index both archives again")
    parser.add_argument("--passes", type=int, default=3, help="fresh searchers per archive, in turn")
    args = parser.parse_args(argv)
    if not synth.REAL_NEWS.exists():
        print(f"No real news at {synth.REAL_NEWS}: nothing to compare with.", file=sys.stderr)
        return 1
    work = args.out
    if args.rebuild:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    every_real = bench.read_rows(synth.REAL_NEWS)
    real_rows = every_real[: args.n]
    real_file = (synth.REAL_NEWS if len(real_rows) == len(every_real)  # fewer: a copy in var/, never committed
                 else bench.write_rows(work / f"real-{args.n}.jsonl", real_rows))
    fake_file = work / f"synthetic-{args.n}.jsonl"
    if not fake_file.exists():
        synth.write(fake_file, args.n, source=synth.REAL_NEWS)
    fake_rows = bench.read_rows(fake_file)
    figures, indexes, queries = {}, {}, {}
    for label, source, rows in (("real news", real_file, real_rows), ("synthetic", fake_file, fake_rows)):
        indexes[label] = realnews.cached_index(source, work / f"index-{label.split()[0]}")
        figures[label] = sizes(label, indexes[label], rows)
        queries[label] = queries_of(indexes[label], rows)
    passes: dict[str, list] = {label: [] for label in figures}
    for _ in range(args.passes):  # the archives in turn, so a busy moment of the machine hits both
        for label in figures:
            passes[label].append(latencies(indexes[label], queries[label]))
    for label in figures:
        figures[label].update(summary(passes[label]))
        print(json.dumps(figures[label]), flush=True)
    text = table(figures["real news"], figures["synthetic"])
    (work / "realism.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    print("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
