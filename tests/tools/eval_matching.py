"""Which articles a query matches, against which hold the word: precision and recall (issue 10).

    python -m tests.tools.eval_matching                   # the table and the means
    python -m tests.tools.eval_matching --json var/eval-matching.json
    python -m tests.tools.eval_matching --save-quoted var/quoted-before.json
    python -m tests.tools.eval_matching --check-quoted var/quoted-before.json

Measured on the 15,000 real articles of ``../shared/real-news`` (a note and exit 0
when they are not there). :data:`PROBES` are everyday words of the news, chosen
before the first run; each is searched twice, typed with its accents and without.
The truth is read from the articles' text, not from the index: an article holds a
probe when the probe's syllables stand side by side in its title or in its body
(never across the two): neighbouring words of :func:`indexer.normalize.tokens`
with only spaces between them (no punctuation, no line break), compared by
:func:`indexer.normalize.exact` for the accented probe (case, tone placement and
i/y aside) and by :func:`indexer.normalize.folded` for the accent-free one.

The matched set is every article :meth:`indexer.searching.Searcher.search` returns,
over all pages (newest first), from an index of the same file cached in ``var/eval-real-index``
(see :mod:`tests.tools.realnews`). Per probe: precision = |matched ∩ truth| /
|matched| (1 when both are empty), recall = |matched ∩ truth| / |truth|. Means are
given for the development words and the held-out words apart. For the accented
probes of two syllables that both carry accents, the share of the first ten hits
(relevance order) that hold the phrase as spelled.

``--save-quoted`` records the articles each probe matches in quotes (``"tham
nhũng"``); ``--check-quoted`` counts those no longer matched (exit 1 if any), so a
change to matching can show it loses nothing a quoted phrase finds today.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from indexer import normalize, parsing
from indexer.abbreviations import load_default
from indexer.query import SearchRequest
from indexer.searching import Searcher
from tests.tools.realnews import REAL_INDEX, REAL_NEWS, cached_index

# (word, held out). Chosen before any run: everyday words of local news, mostly two
# syllables, some longer, a few of one; several fold like other words (tỉnh ủy, đồng
# bào, dân vận, bão, lũ, thuế). None is an abbreviation or a long form of the table,
# so the truth needs no synonyms (one syllable may be: "tư" is also TƯ, Trung ương;
# the run prints which).
PROBES: tuple[tuple[str, bool], ...] = (
    ("tham nhũng", False),
    ("hạn hán", False),
    ("dân vận", False),
    ("lũ lụt", False),
    ("sạt lở", False),
    ("ma túy", False),
    ("biên giới", False),
    ("cửa khẩu", False),
    ("nông thôn", False),
    ("giáo dục", False),
    ("bệnh viện", False),
    ("đầu tư", False),
    ("thủy điện", False),
    ("cao tốc", False),
    ("an toàn thực phẩm", False),
    ("tỉnh ủy", False),
    ("đồng bào", False),
    ("tỉnh", False),
    ("lũ", False),
    ("bão", False),
    ("giao thông", False),
    ("môi trường", False),
    ("học sinh", False),
    ("nông dân", False),
    ("xây dựng", False),
    ("cán bộ", False),
    ("kinh tế", False),
    ("du lịch", False),
    ("tai nạn", False),
    ("chính quyền", False),
    ("hội nghị", False),
    ("công an", False),
    ("quốc phòng", False),
    ("y tế", False),
    ("thủy sản", False),
    ("cháy rừng", False),
    ("đất đai", False),
    ("hòa giải", False),
    ("người cao tuổi", False),
    ("nước sinh hoạt", False),
    ("biến đổi khí hậu", False),
    ("dịch bệnh", False),
    # held out: reported apart, not to be tuned on
    ("lừa đảo", True),
    ("cứu hộ", True),
    ("ô nhiễm", True),
    ("văn hóa", True),
    ("kỹ thuật", True),
    ("xe máy", True),
    ("vật liệu nổ", True),
    ("thuế", True),
)

# Queries of several words as a reader types them, with every form that holds each (the
# abbreviation table's long form too): an abbreviation and the word beside it, names typed
# with capitals (two absent from the archive: `Kỳ Lừa`, a market town; `Vi Đức Thắng`, an
# official of the bundled list). Chosen before the run that first measured them.
PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("UBND tỉnh", ("UBND tỉnh", "Ủy ban nhân dân tỉnh")),
    ("UBND huyện", ("UBND huyện", "Ủy ban nhân dân huyện")),
    ("UBND xã", ("UBND xã", "Ủy ban nhân dân xã")),
    ("HĐND tỉnh", ("HĐND tỉnh", "Hội đồng nhân dân tỉnh")),
    ("Chủ tịch UBND tỉnh", ("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh")),
    ("UBND tỉnh Lạng Sơn", ("UBND tỉnh Lạng Sơn", "Ủy ban nhân dân tỉnh Lạng Sơn")),
    ("Sở GTVT", ("Sở GTVT", "Sở Giao thông vận tải")),
    ("Công an tỉnh", ("Công an tỉnh",)),
    ("Kỳ Lừa", ("Kỳ Lừa",)),
    ("Mẫu Sơn", ("Mẫu Sơn",)),
    ("Vi Đức Thắng", ("Vi Đức Thắng",)),
    ("Hà Nội", ("Hà Nội",)),
    ("Lạng Sơn", ("Lạng Sơn",)),
    ("Đà Nẵng", ("Đà Nẵng",)),
    ("Nguyễn Xuân Phúc", ("Nguyễn Xuân Phúc",)),
    ("Tập Cận Bình", ("Tập Cận Bình",)),
    ("Donald Trump", ("Donald Trump",)),
    ("Quảng Ninh", ("Quảng Ninh",)),
    ("Cao Bằng", ("Cao Bằng",)),
    ("Thanh Hóa", ("Thanh Hóa",)),
    # a fifth user trial's queries (stop 25), posts and bodies with a province or a body after
    # them, which read as two words anywhere until words once read joined as words
    ("UBND tỉnh Yên Bái", ("UBND tỉnh Yên Bái", "Ủy ban nhân dân tỉnh Yên Bái")),
    ("UBND tỉnh Bình Định", ("UBND tỉnh Bình Định", "Ủy ban nhân dân tỉnh Bình Định")),
    ("UBND tỉnh Thanh Hoá", ("UBND tỉnh Thanh Hoá", "Ủy ban nhân dân tỉnh Thanh Hoá")),
    ("UBND tỉnh Hà Tĩnh", ("UBND tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh")),
    ("UBND tỉnh Đồng Tháp", ("UBND tỉnh Đồng Tháp", "Ủy ban nhân dân tỉnh Đồng Tháp")),
    ("UBND tỉnh Khánh Hòa", ("UBND tỉnh Khánh Hòa", "Ủy ban nhân dân tỉnh Khánh Hòa")),
    ("Bí thư Tỉnh uỷ", ("Bí thư Tỉnh uỷ",)),
)

# Figures as Vietnamese writes them (a dot between thousands, a comma before decimals, a
# day.month): a user trial found none of the first kind (the dot or comma parted the digits).
# Chosen before the run that first measured them.
NUMBERS = ("10.000", "1.000", "1.300", "100.000", "500.000", "2,4", "0,7", "19.5")

TOP = 10


@dataclass(frozen=True)
class Probe:
    """One query of the evaluation: a word typed with its accents or without."""

    word: str
    accented: bool
    held_out: bool

    @property
    def query(self) -> str:
        return self.word if self.accented else normalize.fold(self.word).lower()

    @property
    def forms(self) -> tuple[str, ...]:
        """The word's syllables as the truth compares them (exact or folded)."""
        form = normalize.exact if self.accented else normalize.folded
        return tuple(form(w) for w, _, _ in normalize.tokens(normalize.clean(self.word)))

    @property
    def fully_accented_pair(self) -> bool:
        syllables = self.word.split()
        return self.accented and len(syllables) == 2 and all(map(normalize.has_accents, syllables))


def probes() -> list[Probe]:
    return [Probe(word, accented, held) for word, held in PROBES for accented in (True, False)]


# -- the truth, from the text ---------------------------------------------------------

def _strict_gap(gap: str) -> bool:
    return gap != "" and gap.isspace() and "\n" not in gap


def _loose_gap(gap: str) -> bool:
    return "\n" not in gap


def runs(text: str, joins: Callable[[str], bool]) -> Iterator[list[str]]:
    """The runs of words of *text* whose gaps *joins* accepts, as written."""
    run: list[str] = []
    end = 0
    for word, start, stop in normalize.tokens(text):
        if run and not joins(text[end:start]):
            yield run
            run = []
        run.append(word)
        end = stop
    if run:
        yield run


def searchable(word_runs: list[list[str]], form: Callable[[str], str]) -> str:
    """Runs of words in one string, ``" a b | c d "``: a probe held side by side is a
    substring ``" a b "``, and none spans two runs (``|`` is no word)."""
    return " " + " | ".join(" ".join(map(form, run)) for run in word_runs) + " "


def read_texts(source: Path) -> Iterator[tuple[str, list[str]]]:
    """(id, [title, body]) of each article of a JSONL file, as timtin parses them."""
    with open(source, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            at = f"{source.name}:{lineno}"
            article, _ = parsing.parse_record(json.loads(line), at, at)
            yield article.id, [article.title, article.body]


def truths(source: Path, cases: list[Probe]) -> tuple[dict[Probe, set[str]], dict[Probe, set[str]], int]:
    """The articles holding each probe side by side; the same when punctuation may
    stand between the syllables (the sensitivity check); how many articles."""
    strict: dict[Probe, set[str]] = {p: set() for p in cases}
    loose: dict[Probe, set[str]] = {p: set() for p in cases}
    needles = {p: " " + " ".join(p.forms) + " " for p in cases}
    n = 0
    for article_id, texts in read_texts(source):
        n += 1
        tight_runs = [run for text in texts for run in runs(text, _strict_gap)]
        wide_runs = [run for text in texts for run in runs(text, _loose_gap)]
        for accented in (True, False):
            form = normalize.exact if accented else normalize.folded
            tight, wide = searchable(tight_runs, form), searchable(wide_runs, form)
            for p in cases:
                if p.accented == accented:
                    if needles[p] in tight:
                        strict[p].add(article_id)
                    if needles[p] in wide:
                        loose[p].add(article_id)
    return strict, loose, n


def phrase_truths(source: Path) -> dict[str, set[str]]:
    """The articles holding any form of each of :data:`PHRASES` side by side (as spelled,
    case and tone placement aside)."""
    def needle(form: str) -> str:
        return " " + " ".join(normalize.exact(w) for w, _, _ in normalize.tokens(normalize.clean(form))) + " "

    needles = {query: [needle(f) for f in forms] for query, forms in PHRASES}
    found: dict[str, set[str]] = {query: set() for query, _ in PHRASES}
    for article_id, texts in read_texts(source):
        text = searchable([run for t in texts for run in runs(t, _strict_gap)], normalize.exact)
        for query, forms in needles.items():
            if any(f in text for f in forms):
                found[query].add(article_id)
    return found


def print_phrases(searcher: Searcher, source: Path) -> list[dict]:
    """The table of :data:`PHRASES`: truth, matched, precision, recall, the first ten."""
    rows = _print_queries(searcher, "Queries of several words as typed (abbreviation and neighbour, names with capitals):",
                          phrase_truths(source))
    print(f"Mean precision {statistics.mean(r['precision'] for r in rows):.3f}, "
          f"recall {statistics.mean(r['recall'] for r in rows):.3f}")
    return rows


def _print_queries(searcher: Searcher, title: str, truth: dict[str, set[str]]) -> list[dict]:
    """A table of queries (the keys of *truth*, the articles holding each): truth, matched,
    precision, recall, the first ten holding it."""
    print("\n" + title)
    print("| query | truth | matched | precision | recall | first ten holding it |")
    print("|---|---|---|---|---|---|")
    rows = []
    for query, holding in truth.items():
        found, first = matches(searcher, query)
        right = len(found & holding)
        row = {"query": query, "truth": len(holding), "matched": len(found),
               "precision": right / len(found) if found else float(not holding),
               "recall": right / len(holding) if holding else 1.0,
               "top": sum(i in holding for i in first), "top_of": len(first)}
        rows.append(row)
        print(f"| {query} | {row['truth']} | {row['matched']} | {row['precision']:.3f} | {row['recall']:.3f} "
              f"| {row['top']}/{row['top_of']} |")
    return rows


def number_truths(source: Path) -> dict[str, set[str]]:
    """The articles whose title or body writes each of :data:`NUMBERS` as it is typed: no
    letter, digit, dot or comma before it, no digit or dot or comma and digit after it
    (`1.300` is not in `11.300` nor in `1.300.000`; a unit glued on is the figure's:
    `10.000km`)."""
    patterns = {n: re.compile(r"(?<![\w.,])" + re.escape(n) + r"(?![.,]?\d)") for n in NUMBERS}
    found: dict[str, set[str]] = {n: set() for n in NUMBERS}
    for article_id, texts in read_texts(source):
        for n, pattern in patterns.items():
            if any(pattern.search(t) for t in texts):
                found[n].add(article_id)
    return found


def print_numbers(searcher: Searcher, source: Path) -> list[dict]:
    """The table of :data:`NUMBERS`: truth, matched, precision, recall, the first ten."""
    return _print_queries(searcher, "Figures as typed (`1.300`, `2,4`: a number is one word with its dots and commas):",
                          number_truths(source))


# -- the matched set, from the index ----------------------------------------------

def matches(searcher: Searcher, query: str) -> tuple[set[str], list[str]]:
    """Every article *query* matches, and the first ten in relevance order.

    The set is read newest first, a total order (date, then document), so the pages
    neither repeat nor skip an article; relevance pages can, where scores tie
    across a page boundary.
    """
    # every copy of a story is an article that matches (issue #15 groups them on the page)
    first = searcher.search(SearchRequest(query=query, per_page=TOP, group=False), facets=False, snippets=False)
    found: set[str] = set()
    page, pages = 1, 1
    while page <= pages:
        result = searcher.search(SearchRequest(query=query, sort="newest", per_page=100, page=page, group=False),
                                 facets=False, snippets=False)
        found.update(hit.id for hit in result.hits)
        pages = result.pages
        page += 1
    if len(found) != first.total:
        print(f"Note: {query!r} matches {first.total} articles, the pages list {len(found)}", file=sys.stderr)
    return found, [hit.id for hit in first.hits]


@dataclass
class Row:
    word: str
    accented: bool
    held_out: bool
    truth: int
    matched: int
    right: int
    precision: float
    recall: float
    loose_truth: int
    top: int | None = None  # of the first ten hits, how many hold the phrase as spelled
    top_of: int | None = None


def score(p: Probe, truth: set[str], loose: set[str], found: set[str], first: list[str]) -> Row:
    right = len(found & truth)
    row = Row(
        word=p.word,
        accented=p.accented,
        held_out=p.held_out,
        truth=len(truth),
        matched=len(found),
        right=right,
        precision=right / len(found) if found else float(not truth),
        recall=right / len(truth) if truth else 1.0,
        loose_truth=len(loose),
    )
    if p.fully_accented_pair:
        row.top, row.top_of = sum(i in truth for i in first), len(first)
    return row


def means(rows: list[Row]) -> dict[str, dict[str, float]]:
    """Mean precision and recall of dev and held-out words, accented, accent-free and all."""
    out: dict[str, dict[str, float]] = {}
    for group, held in (("dev", False), ("held_out", True), ("all", None)):
        for kind, accented in (("accented", True), ("accent_free", False), ("all", None)):
            chosen = [r for r in rows if held in (None, r.held_out) and accented in (None, r.accented)]
            if chosen:
                out[f"{group}/{kind}"] = {
                    "probes": len(chosen),
                    "precision": statistics.fmean(r.precision for r in chosen),
                    "recall": statistics.fmean(r.recall for r in chosen),
                }
    return out


def top_share(rows: list[Row]) -> dict[str, float]:
    chosen = [r for r in rows if r.top_of]
    held = sum(r.top for r in chosen)
    shown = sum(r.top_of for r in chosen)
    return {"probes": len(chosen), "hits": shown, "holding": held, "share": held / shown if shown else 1.0}


# -- quoted phrases -----------------------------------------------------------------

def quoted(searcher: Searcher, cases: list[Probe]) -> dict[str, list[str]]:
    """The articles each probe matches typed in quotes."""
    out = {}
    for p in cases:
        query = f'"{p.query}"'
        out[query] = sorted(matches(searcher, query)[0])
    return out


def check_quoted(before: dict[str, list[str]], now: dict[str, list[str]]) -> int:
    """Print the articles a quoted probe found before and not now; how many."""
    lost_total = 0
    for query, ids in before.items():
        lost = set(ids) - set(now.get(query, ()))
        if lost:
            print(f"  {query}: {len(lost)} of {len(ids)} no longer found, e.g. {', '.join(sorted(lost)[:3])}")
        lost_total += len(lost)
    print(f"Quoted probes: {lost_total} articles found before ({sum(map(len, before.values()))} in all, "
          f"{len(before)} queries) are not found now.")
    return lost_total


# -- the report ---------------------------------------------------------------------

def print_report(rows: list[Row], n_articles: int) -> None:
    print(f"Matching on {n_articles} real articles: {len(rows)} probes "
          f"({len({r.word for r in rows})} words, each with and without accents)\n")
    print(f"{'word':<20} {'acc':<3} {'held':<4} {'truth':>6} {'matched':>7} {'prec':>6} {'recall':>6} {'top10':>5}")
    for r in rows:
        top = f"{r.top}/{r.top_of}" if r.top_of else ""
        print(f"{r.word:<20} {'yes' if r.accented else 'no':<3} {'yes' if r.held_out else '':<4} "
              f"{r.truth:>6} {r.matched:>7} {r.precision:>6.3f} {r.recall:>6.3f} {top:>5}")
    print("\nMeans (precision / recall):")
    for name, m in means(rows).items():
        print(f"  {name:<22} {m['precision']:.3f} / {m['recall']:.3f}   ({m['probes']} probes)")
    top = top_share(rows)
    print(f"\nFully accented two-syllable probes ({top['probes']}): {top['holding']} of the first "
          f"{TOP} hits ({top['hits']} in all) hold the phrase as spelled: {top['share']:.1%}")
    extra = sum(r.loose_truth - r.truth for r in rows)
    changed = sorted(rows, key=lambda r: r.loose_truth - r.truth, reverse=True)[:5]
    print(f"Sensitivity: with punctuation allowed between the syllables the truth sets grow by "
          f"{extra} articles in all (from {sum(r.truth for r in rows)}); most: "
          + ", ".join(f"{r.word} ({'accented' if r.accented else 'accent-free'}) +{r.loose_truth - r.truth}"
                      for r in changed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=REAL_NEWS, help="the JSONL file of real articles")
    parser.add_argument("--index", type=Path, default=REAL_INDEX, help="where its index is cached")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached index")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--save-quoted", type=Path, help="record what each probe matches in quotes")
    parser.add_argument("--check-quoted", type=Path, help="count what a saved quoted probe no longer matches")
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"No real news at {args.source}: matching not measured.")
        return 0
    started = time.perf_counter()
    searcher = Searcher(cached_index(args.source, args.index, rebuild=args.rebuild), load_default())
    cases = probes()
    expanded = sorted({p.query for p in cases if any(c.synonyms for c in searcher.parse(p.query).positive)})
    if expanded:
        print(f"Note: the abbreviation table gives these probes other forms, which the truth leaves out: "
              f"{', '.join(expanded)}")
    truth, loose, n_articles = truths(args.source, cases)
    rows = [score(p, truth[p], loose[p], *matches(searcher, p.query)) for p in cases]
    print_report(rows, n_articles)
    phrases = print_phrases(searcher, args.source)
    numbers = print_numbers(searcher, args.source)
    status = 0
    if args.save_quoted or args.check_quoted:
        now = quoted(searcher, cases)
        if args.save_quoted:
            args.save_quoted.parent.mkdir(parents=True, exist_ok=True)
            args.save_quoted.write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
            print(f"Saved the articles of {len(now)} quoted probes to {args.save_quoted}")
        if args.check_quoted:
            before = json.loads(args.check_quoted.read_text(encoding="utf-8"))
            status = 1 if check_quoted(before, now) else 0
    seconds = time.perf_counter() - started
    print(f"Took {seconds:.0f} s.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "source": str(args.source),
            "articles": n_articles,
            "means": means(rows),
            "top10": top_share(rows),
            "probes": [asdict(r) for r in rows],
            "phrases": phrases,
            "numbers": numbers,
            "seconds": round(seconds, 1),
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
