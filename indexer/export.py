"""Results to take away: every match of a search as CSV, JSON Lines or JSON.

:func:`export` is the one function the command line (``timtin search --format``)
and the web (``/export.csv``) call, so both give the same rows in the same order
as the search pages. It reads the matches from one snapshot of the index
(:meth:`indexer.searching.Searcher.stream`, each hit carrying its story's copies as a
page's hit does) and yields text a row at a time, so neither side holds the whole file.

A row: ``id, date, title, url, officials, snippet, copy_count, copy_ids, outlet,
official_titles, story, first_date, copies, author, source`` (each official with the
titles the article gives them: ``Hồ Tiến Thiệu: Chủ tịch UBND tỉnh Lạng Sơn``, titles
parted by `` / ``), all plain text (the snippet without its ``<mark>`` tags). Copies of
one story are one row, as they are one result on the pages (issue #15): ``copy_count``
counts the story's other articles and ``copy_ids`` names them (the first 50 published,
as the API's ``copies``), ``copies`` says each as ``date outlet id``; ``story`` is the
id of the story's first publication (the row's own id when it is the first, or alone)
and ``first_date`` its date, whatever the search. In JSON and JSON Lines a row has the
API's ``copies`` (id, title, outlet, date, first) and ``copy_count``. ``group=0``
(``--all-copies``) exports every article as its own row, each with its story and copies.

At most :data:`MAX_ROWS` rows leave at once: each row reads its stored article and
builds a snippet (about 1 ms on real news, on this project's 2 cores: 1,070 rows/s),
so ten thousand rows keep a server thread busy for ten seconds, and more under load;
narrow the search, or use the command line's ``--max-rows`` for more.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from indexer.errors import QueryError
from indexer.models import SearchHit
from indexer.query import SearchRequest

FORMATS = ("csv", "jsonl", "json")
# the columns added later stand last, so a spreadsheet made on an earlier export still reads
COLUMNS = ("id", "date", "title", "url", "officials", "snippet", "copy_count", "copy_ids", "outlet", "official_titles",
           "story", "first_date", "copies", "author", "source")
MAX_ROWS = 10_000  # per export on the web; the reason is in the module docstring
GROUPED_NOTE = ("Copies of one story are one row: copy_count counts its other articles, copies (copy_ids) "
                "lists them; story is the id of the story's first publication, first_date its date; "
                "group=0 (timtin search --all-copies) exports every article as its own row, each with its story.")
MEDIA_TYPES = {"csv": "text/csv", "jsonl": "application/x-ndjson", "json": "application/json"}
# A spreadsheet runs a cell that starts so as a formula ("CSV injection"): such a
# cell gets a leading apostrophe, which spreadsheets show as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Export:
    """One export: what it holds, and its text, made as it is read."""

    query: str
    corrected: str | None  # the query whose results these are, when the typed one found nothing
    total: int  # every match: stories, when copies are grouped
    rows: int  # the rows the file holds: total, or the cap
    limit: int
    chunks: Iterator[str]
    articles: int | None = None  # the articles matched, copies included
    grouped: bool = False  # copies of one story are one row (as SearchResult.grouped)

    @property
    def capped(self) -> bool:
        return self.rows < self.total

    @property
    def unit(self) -> str:
        """What a row is: a story when copies are grouped, else an article."""
        return "stories" if self.grouped and self.articles != self.total else "articles"

    def first(self) -> str:
        """``the first 40 stories``, ``the first story``."""
        if self.limit == 1:
            return "the first story" if self.unit == "stories" else "the first article"
        return f"the first {self.limit:,} {self.unit}"

    def matched(self) -> str:
        """``183 stories (186 articles) match`` / ``151 articles match``."""
        if self.unit == "stories":
            return f"{self.total:,} stories ({self.articles:,} articles) match"
        return f"{self.total:,} {'article matches' if self.total == 1 else 'articles match'}"

    def message(self) -> str | None:
        """Why some matches were left out, and what to do (the web's words); None when none were."""
        if not self.capped:
            return None
        return cap_message(self.total, self.limit, self.matched(), self.first())

    def cli_message(self) -> str | None:
        """The same for ``timtin search --format``: its cap is an option, not a server's limit."""
        if not self.capped:
            return None
        text = (f"{self.matched()}; this export holds {self.first()}, in the order asked "
                f"(--max-rows {self.limit}). --max-rows {self.total} exports them all")
        if self.unit == "stories":
            text += (f"; each row names its story's copies (copy_count, copy_ids), and --all-copies "
                     f"exports each of the {self.articles:,} articles as its own row")
        return text + "."


def cap_message(total: int, limit: int, matched: str | None = None, first: str | None = None) -> str:
    """What a capped download says: the cap, why, and what to do."""
    return (
        f"{matched or f'{total:,} articles match'}; this export holds {first or f'the first {limit:,}'}, "
        f"in the order asked. An export stops at {limit:,} rows: each row reads its stored article and "
        "makes its snippet, so a much larger one would hold a server thread for minutes. "
        "Narrow the search (dates, officials), or export it one date range at a time."
    )


def plain(snippet: str) -> str:
    """A snippet's HTML as plain text: marks dropped, entities read, one line."""
    return " ".join(html.unescape(re.sub(r"</?mark>", "", snippet)).split())


def row(hit: SearchHit) -> dict:
    """The exported fields of a hit (officials as a list; CSV joins them with "; ")."""
    article = hit.article
    return {
        "id": hit.id,
        "date": hit.date.isoformat() if hit.date else None,
        "title": hit.title,
        "url": article.url if article is not None else None,
        "officials": list(hit.officials),
        "snippet": plain(hit.snippet),
        "copy_count": hit.copy_count,
        "copies": [c.to_json() for c in hit.copies],
        "outlet": hit.outlet,
        # each official with the titles this article gives them (a user trial: names alone
        # told a researcher nothing of who held what)
        "official_titles": [{"name": name, "titles": list(o.titles)}
                            for name, o in zip(hit.officials, article.officials if article is not None else ())],
        # the story each row belongs to, and when it was first published (a user trial: a
        # researcher of how stories spread could not tell a rerun from the original)
        "story": hit.story,
        "first_date": hit.first_date.isoformat() if hit.first_date else None,
        "author": article.author if article is not None else None,
        "source": article.source if article is not None else None,
    }


def copy_entry(copy: dict) -> str:
    """A copy as the CSV says it: ``2017-06-14 baomoi.com bm17-22523786`` (date, outlet,
    id; ``undated``, ``-`` for an outlet it lacks). The cell joins copies with ``; ``, so an
    outlet's ``;`` is written ``,`` (a dateline's source: ``TTXVN; Báo Lạng Sơn``); and no
    entry starts as a formula would, which the cell's guard would mark with an apostrophe
    (a review: ``- LSO b-2`` opened a cell as ``'- LSO b-2``)."""
    return f"{copy['date'] or 'undated'} {(copy['outlet'] or '-').replace(';', ',')} {copy['id']}"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(value)
    value = str(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _csv_line(values) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False)


def export(searcher, request: SearchRequest, fmt: str, limit: int = MAX_ROWS, bom: bool = False) -> Export:
    """Every match of *request* (its sort; pages ignored), up to *limit* rows, as *fmt*.

    :param searcher: an :class:`indexer.searching.Searcher`.
    :param bom: start a CSV with a byte-order mark, so spreadsheets read it as UTF-8.
    """
    if fmt not in FORMATS:
        raise QueryError(f'Unknown format "{fmt}"; expected one of: {", ".join(FORMATS)}',
                         f'Không có định dạng "{fmt}"; chọn một trong: {", ".join(FORMATS)}.')
    if limit < 1:
        raise QueryError(f"Bad row limit {limit}; expected a whole number of at least 1",
                         f"Số dòng tối đa {limit} không hợp lệ; cần một số nguyên từ 1 trở lên.")
    first = searcher.stream(request, limit)
    rows = min(first.total, limit)
    hits = (row(hit) for hit in first.hits)

    def chunks() -> Iterator[str]:
        if fmt == "csv":
            yield ("\ufeff" if bom else "") + _csv_line(COLUMNS)
            for data in hits:
                data["copy_ids"] = [c["id"] for c in data["copies"]]
                data["copies"] = [copy_entry(c) for c in data["copies"]]
                # "name: title / title" (a namesake's key has its place in brackets; titles hold commas)
                data["official_titles"] = [f"{o['name']}: {' / '.join(o['titles'])}" if o["titles"] else o["name"]
                                           for o in data["official_titles"]]
                yield _csv_line([_cell(data[c]) for c in COLUMNS])
        elif fmt == "jsonl":
            for data in hits:
                yield _json(data) + "\n"
        else:
            head = {"query": first.query, "corrected": first.corrected, "total": first.total,
                    "articles": first.articles,
                    "grouped": first.grouped, "rows": rows, "capped": rows < first.total}
            if first.grouped:
                head["note"] = GROUPED_NOTE
            yield _json(head)[:-1] + ', "hits": ['
            for i, data in enumerate(hits):
                yield ("," if i else "") + "\n" + _json(data)
            yield "\n]}\n"

    return Export(first.query, first.corrected, first.total, rows, limit, chunks(),
                  articles=first.articles, grouped=first.grouped)
