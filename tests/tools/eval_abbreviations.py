"""What each row of the abbreviation table finds: its short and its long form searched,
before and after, against the articles that write any form of it.

    python -m tests.tools.eval_abbreviations                        # real news and data/
    python -m tests.tools.eval_abbreviations --before old.tsv       # against another table
    python -m tests.tools.eval_abbreviations --json var/eval-abbreviations.json
    python -m tests.tools.eval_abbreviations --ranking              # the first ten hits

For every row of the table (``data/abbreviations.tsv`` unless ``--table``), two
queries are searched as a user would type them: the abbreviation (``HLV``) and the
long form (``huấn luyện viên``). Each is searched twice over the same index: with
the *before* table (``--before FILE``; by default none, so no form finds another)
and with the table measured. The matched set is every article the search returns
(all pages, no spelling suggestion).

The truth is read from the text, not from the index: an article holds a row when it
writes any form that stands for the same thing (the row's two sides and, through rows
sharing a form, theirs: ``TP.HCM``, ``TPHCM``, ``TP. Hồ Chí Minh``...), in its title or
its body. Words of a form stand side by side when only spaces, or one ``.``, ``-``,
``–``, ``&`` or ``/`` stand between them (``TP.HCM``, ``KT-XH``, "kinh tế - xã hội"),
or a comma where the form has one ("Văn hóa, Thể thao"), never a line break. This is
wider than the index's side by side (spaces, or one ``-``, ``/`` or ``&``), so a
spelling that no table can make the index find ("kinh tế - xã hội") counts as missed. A long form compares by :func:`indexer.normalize.exact`
(case and tone placement aside); an abbreviation as the table writes it, capitals
included, so "đầu tư" is not ``TƯ``.

Recall = |matched ∩ truth| / |truth|; precision = |matched ∩ truth| / |matched|. The
precision of a short query counts what its letters also match (``HS`` is also a
customs code), which no table can change. The means are over the rows some article
writes; a mean precision, over the queries that found something.

Measured on the real news of ``../shared/real-news`` (index cached in ``var/``, see
:mod:`tests.tools.realnews`; skipped with a note when absent) and on our own
articles in ``data/`` (indexed into a temporary folder).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from indexer import indexing, normalize, parsing
from indexer.abbreviations import Abbreviations, load, load_default, read_rows, row_groups
from indexer.models import Article
from indexer.query import SearchRequest
from indexer.searching import Searcher
from tests.tools.eval_matching import read_texts
from tests.tools.realnews import REAL_INDEX, REAL_NEWS, ROOT, cached_index

OWN_DATA = ROOT / "data" / "articles"
GLUE = {"", ".", "-", "–", "&", "/"}  # what may stand between the words of a form
PAGE = 500


def _gap(gap: str) -> str | None:
    """How a gap between two words reads: nothing (they stand side by side), a comma
    (side by side only where the form has one: "Văn hóa, Thể thao"), or a break."""
    if "\n" in gap or len(gap) > 3:
        return "|"
    mark = gap.strip()
    return None if mark in GLUE else "," if mark == "," else "|"


def _runs(text: str) -> tuple[list[str], list[str]]:
    """The words of *text* as written and by :func:`normalize.exact`, with the marks of
    :func:`_gap` between them."""
    text = normalize.clean(text)
    written: list[str] = []
    exact: list[str] = []
    end = 0
    for word, start, stop in normalize.tokens(text):
        mark = _gap(text[end:start]) if written else None
        if mark:
            written.append(mark)
            exact.append(mark)
        written.append(word)
        exact.append(normalize.exact(word))
        end = stop
    return written, exact


def _sides(text: str) -> tuple[str, str]:
    """*text* as two strings, ``" a b | c d "``: the words as written and by their exact
    form. A form held side by side is a substring ``" a b "``."""
    written, exact = _runs(text)
    return " " + " ".join(written) + " ", " " + " ".join(exact) + " "


@dataclass(frozen=True)
class Form:
    """One way to write a thing: its words, and whether they compare as written
    (an abbreviation) or by their exact form (a long form)."""

    words: tuple[str, ...]
    as_written: bool

    @property
    def needle(self) -> str:
        return " " + " ".join(self.words) + " "


def _form(text: str, short: bool) -> Form:
    written, exact = _runs(text)
    return Form(tuple(written if short else exact), short)


def groups(rows: list[tuple[str, str]]) -> list[frozenset[Form]]:
    """For each row, every form standing for the same thing: rows sharing a form (by
    folded words, as the table joins them: :func:`indexer.abbreviations.row_groups`) are
    one group."""
    forms = [(_form(s, True), _form(l, False)) for s, l in rows]

    def key(form: Form) -> tuple[str, ...]:
        return tuple(normalize.folded(w) for w in form.words if w != ",")

    first = row_groups([(key(a), key(b)) for a, b in forms])
    members: dict[int, set[Form]] = {}
    for r, pair in enumerate(forms):
        members.setdefault(first[r], set()).update(pair)
    return [frozenset(members[first[r]]) for r in range(len(rows))]


def truths(articles: Iterable[tuple[str, list[str]]], wanted: list[frozenset[Form]]) -> tuple[list[set[str]], int]:
    """The articles writing a form of each group; how many articles were read."""
    out: list[set[str]] = [set() for _ in wanted]
    n = 0
    for article_id, texts in articles:
        n += 1
        sides = [_sides(t) for t in texts if t]
        for i, forms in enumerate(wanted):
            if any(f.needle in (written if f.as_written else exact) for f in forms for written, exact in sides):
                out[i].add(article_id)
    return out, n


def matched(searcher: Searcher, query: str) -> set[str]:
    """Every article *query* finds (newest first, every page; no suggestion)."""
    found: set[str] = set()
    page, pages = 1, 1
    while page <= pages:
        result = searcher.search(SearchRequest(query=query, sort="newest", per_page=PAGE, page=page,
                                               verbatim=True, group=False), facets=False, snippets=False)
        found.update(hit.id for hit in result.hits)
        pages = result.pages
        page += 1
    return found


@dataclass
class Query:
    query: str
    before: int  # articles found with the before table
    before_right: int
    after: int
    after_right: int


@dataclass
class Row:
    short: str
    long: str
    truth: int
    short_query: Query
    long_query: Query


def measure(index: Path, rows: list[tuple[str, str]], truth: list[set[str]],
            before: Abbreviations | None, after: Abbreviations) -> list[Row]:
    old, new = Searcher(index, before), Searcher(index, after)
    out = []
    for (short, long), true in zip(rows, truth):
        queries = []
        for text in (short, long):
            a, b = matched(old, text), matched(new, text)
            queries.append(Query(text, len(a), len(a & true), len(b), len(b & true)))
        out.append(Row(short, long, len(true), *queries))
    return out


def _share(right: int, of: int) -> str:
    return f"{right / of:.2f}" if of else "  - "


def report(title: str, rows: list[Row], n_articles: int, before_name: str) -> dict[str, object]:
    """Print the table of *rows*; return its means."""
    print(f"\n{title}: {len(rows)} rows, {n_articles} articles; before = {before_name}")
    print(f"{'short':<10} {'long form':<34} {'truth':>5} | {'short query: found/right before → after, recall':>46}"
          f" | {'long query: found/right before → after, recall':>46}")
    for r in rows:
        cells = []
        for q in (r.short_query, r.long_query):
            cells.append(f"{q.before:>6}/{q.before_right:<6} → {q.after:>6}/{q.after_right:<6}"
                         f"  {_share(q.before_right, r.truth)} → {_share(q.after_right, r.truth)}")
        print(f"{r.short:<10} {r.long[:34]:<34} {r.truth:>5} | {cells[0]:>46} | {cells[1]:>46}")
    used = [r for r in rows if r.truth]
    means: dict[str, object] = {"rows": len(rows), "rows_written": len(used)}
    for side in ("short", "long"):
        for when in ("before", "after"):
            qs = [(getattr(r, f"{side}_query"), r.truth) for r in used]
            recall = statistics.fmean(getattr(q, f"{when}_right") / t for q, t in qs) if qs else 1.0
            found = [q for q, _ in qs if getattr(q, when)]
            precision = (statistics.fmean(getattr(q, f"{when}_right") / getattr(q, when) for q in found)
                         if found else 1.0)
            means[f"{side}/{when}"] = {"recall": round(recall, 3), "precision": round(precision, 3)}
    print(f"Means over the {len(used)} rows some article writes (recall / precision):")
    for side in ("short", "long"):
        b, a = means[f"{side}/before"], means[f"{side}/after"]
        print(f"  {side + ' form':<11} before {b['recall']:.3f} / {b['precision']:.3f}"
              f"   after {a['recall']:.3f} / {a['precision']:.3f}")
    return means


def ranking(index: Path, rows: list[tuple[str, str]], wanted: list[frozenset[Form]],
            source: Path, table: Abbreviations) -> dict[str, float]:
    """How the first ten hits of each form searched use the row (``--ranking``): the share
    of them writing a form of it in their title, and their uses of it (a use in the title
    counted twice), over the rows that at least 20 articles write. Prints the means."""
    sides = {article_id: [_sides(t or "") for t in texts] for article_id, texts in read_texts(source)}
    searcher = Searcher(index, table)
    in_title, uses, n = [], [], 0
    for (short, long), forms in zip(rows, wanted):
        def count(side: tuple[str, str]) -> int:
            written, exact = side
            return sum((written if f.as_written else exact).count(f.needle) for f in forms)

        if sum(1 for s in sides.values() if count(s[0]) or count(s[1])) < 20:
            continue
        n += 1
        for query in (short, long):
            hits = searcher.search(SearchRequest(query=query, per_page=10, verbatim=True, group=False),
                                   facets=False, snippets=False).hits
            in_title.append(statistics.fmean(bool(count(sides[h.id][0])) for h in hits) if hits else 0.0)
            uses.append(statistics.fmean(2 * count(sides[h.id][0]) + count(sides[h.id][1]) for h in hits)
                        if hits else 0.0)
    means = {"rows": n, "in_title": round(statistics.fmean(in_title), 3) if in_title else 0.0,
             "uses": round(statistics.fmean(uses), 2) if uses else 0.0}
    print(f"Ranking: first ten hits of both forms of the {n} rows 20+ articles write: "
          f"{means['in_title']:.1%} write it in their title; {means['uses']:.1f} uses each (title twice)")
    return means


def own_articles(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """(id, [title, body]) of our own articles, read as timtin reads them."""
    for item in parsing.walk([folder]):
        if isinstance(item, tuple):
            for article in parsing.read_file(*item):
                if isinstance(article, Article):
                    yield article.id, [article.title, article.body]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--table", type=Path, help="the table to measure (default: the bundled one)")
    parser.add_argument("--before", type=Path, help="the table to compare with (default: none)")
    parser.add_argument("--source", type=Path, default=REAL_NEWS, help="the JSONL file of real articles")
    parser.add_argument("--index", type=Path, default=REAL_INDEX, help="where its index is cached")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--ranking", action="store_true",
                        help="instead, how the first ten hits of each form use it (real news only)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    after = load(args.table) if args.table else load_default()
    if after is None:
        print("No abbreviation table: nothing to measure.")
        return 0
    table_path = args.table or ROOT / "data" / "abbreviations.tsv"
    rows = read_rows(table_path)
    before = load(args.before) if args.before else None
    before_name = str(args.before) if args.before else "no table"
    wanted = groups(rows)
    figures: dict[str, object] = {"table": str(table_path), "before": before_name}
    if args.ranking:
        if not args.source.exists():
            print(f"No real news at {args.source}: nothing to rank.")
            return 0
        figures["ranking"] = ranking(cached_index(args.source, args.index), rows, wanted, args.source, after)
        print(f"Took {time.perf_counter() - started:.0f} s.")
        return 0

    with tempfile.TemporaryDirectory(prefix="timtin-abbrev-") as tmp:
        own_index = Path(tmp) / "index"
        indexing.update(own_index, [OWN_DATA])
        truth, n = truths(own_articles(OWN_DATA), wanted)
        own = measure(own_index, rows, truth, before, after)
        figures["own"] = {"articles": n, "means": report("Our own articles (data/)", own, n, before_name),
                          "rows": [asdict(r) for r in own]}

    if args.source.exists():
        truth, n = truths(read_texts(args.source), wanted)
        real = measure(cached_index(args.source, args.index), rows, truth, before, after)
        figures["real"] = {"articles": n, "means": report("Real news", real, n, before_name),
                           "rows": [asdict(r) for r in real]}
    else:
        print(f"\nNo real news at {args.source}: measured on our own articles only.")
    print(f"Took {time.perf_counter() - started:.0f} s.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
