"""How well copies of one story are grouped, and what it costs (issue #15).

    python -m tests.tools.eval_stories            # the table (make eval)
    python -m tests.tools.eval_stories --errors   # and each missed or wrong pair

Labelled pairs: tests/data/stories/real_pairs.jsonl, 100 pairs of
``../shared/real-news/articles.jsonl`` (ids and labels only), labelled by reading before
the grouping was written: ``copy`` (the same text republished: retitled, re-datelined,
cut, lightly edited, or an update built on it), ``not`` (separately written reports of
one event, template articles of other days, unrelated) or ``unsure`` (left out). Pairs
with an even ``n`` chose the thresholds (dev), the odd ones only measure them (held-out).
A pair counts as grouped when the two articles end in the same story after grouping the
whole 15,000 articles, as the index does. Skipped with a note without ../shared.

Cost: the signatures (computed per article when indexing) and the grouping (when a
searcher opens the index), timed on the real articles and on our own sample archive.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from indexer import normalize, parsing, schema, stories
from tests.tools.realnews import REAL_NEWS, ROOT

LABELS = ROOT / "tests" / "data" / "stories" / "real_pairs.jsonl"


def _articles_jsonl(path: Path):
    for lineno, line in enumerate(path.open(encoding="utf-8"), 1):
        article, _ = parsing.parse_record(json.loads(line), f"x:{lineno}", f"x:{lineno}")
        yield article


def _signatures(articles) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, float]:
    ids, sigs, words, days = [], [], [], []
    started = time.process_time()
    for article in articles:
        ids.append(article.id)
        sigs.append(stories.signature(article.body))
        words.append(sum(1 for _ in normalize.tokens(schema.searchable_body(article))))
        days.append(schema.day_number(article))
    took = time.process_time() - started
    array = np.frombuffer(b"".join(sigs), dtype="<u2").reshape(len(ids), stories.K)
    return ids, array, np.array(words), np.array(days), took


def measure(rows: list[dict], story: dict[str, int]) -> dict:
    out = {}
    for part, keep in (("dev", 0), ("held-out", 1), ("all", None)):
        chosen = [r for r in rows if r["label"] != "unsure" and (keep is None or r["n"] % 2 == keep)]
        tp = sum(1 for r in chosen if r["label"] == "copy" and story[r["a"]] == story[r["b"]])
        fp = sum(1 for r in chosen if r["label"] == "not" and story[r["a"]] == story[r["b"]])
        pos = sum(1 for r in chosen if r["label"] == "copy")
        out[part] = {"pairs": len(chosen), "copies": pos, "grouped copies": tp, "wrongly grouped": fp,
                     "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / pos if pos else 1.0}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    own = [a for a in parsing.read_paths([ROOT / "data"]) if not hasattr(a, "message")]
    ids, sigs, words, days, took = _signatures(own)
    started = time.process_time()
    story = stories.group(sigs, words, days, np.ones(len(ids), bool))
    grouped = time.process_time() - started
    print(f"Our own data ({len(ids)} articles): signatures {1000 * took / len(ids):.2f} ms an article, "
          f"grouping {1000 * grouped:.1f} ms; {len(ids) - len(set(story.tolist()))} articles joined a story")
    if not REAL_NEWS.exists():
        print(f"(no {REAL_NEWS}: the real-news figures are skipped)")
        return 0
    ids, sigs, words, days, took = _signatures(_articles_jsonl(REAL_NEWS))
    started = time.process_time()
    story_arr = stories.group(sigs, words, days, np.ones(len(ids), bool))
    grouped = time.process_time() - started
    sizes = np.bincount(story_arr)
    multi = sizes[sizes > 1]
    print(f"Real news ({len(ids):,} articles): signatures {1000 * took / len(ids):.2f} ms an article "
          f"({took:.1f} s), grouping {1000 * grouped:.0f} ms; {len(multi)} stories of 2 or more hold "
          f"{int(multi.sum())} articles (largest {int(multi.max()) if len(multi) else 0})")
    story = dict(zip(ids, story_arr.tolist()))
    rows = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    print("\n| labelled pairs | pairs | copies | copies grouped | not copies grouped | precision | recall |")
    print("|---|---|---|---|---|---|---|")
    for part, m in measure(rows, story).items():
        print(f"| {part} | {m['pairs']} | {m['copies']} | {m['grouped copies']} | {m['wrongly grouped']} "
              f"| {m['precision']:.3f} | {m['recall']:.3f} |")
    if args.errors:
        for r in rows:
            same = story[r["a"]] == story[r["b"]]
            if (r["label"] == "copy") != same and r["label"] != "unsure":
                print(f"  {'missed' if r['label'] == 'copy' else 'wrong'}: n={r['n']} {r['a']} {r['b']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
