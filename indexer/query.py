"""What a user asks: the request, the query language, and highlighting.

:class:`SearchRequest` holds a search as asked (and checks its parameters, for the
CLI and the web alike); :func:`parse_query` reads the query language: words,
``"quoted phrases"``, ``-excluded`` words, ``OR`` between alternatives; anything
else (stray quotes, brackets, operators) is read as words or ignored, never an
error. :func:`highlight` marks a query's words in a text, accents optional.
Nothing here touches the index: :mod:`indexer.searching` answers the request.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from indexer import normalize, schema, settings
from indexer.errors import QueryError
from indexer.models import Html

SORTS = ("relevance", "newest", "oldest")
MAX_WORDS = 24
# The one-line reading names this many of a word's other forms (a prefix's words), then "…".
ALSO_SHOWN = 4
MAX_PAGE = 1000
FACET_LIMIT = 30
SNIPPET_CHARS = 240

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


# -- the request ---------------------------------------------------------------

@dataclass(frozen=True)
class SearchRequest:
    """A search as a user asked it. Build it with :meth:`from_params` to check input."""

    query: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    year: int | None = None
    month: tuple[int, int] | None = None  # (year, month)
    officials: tuple[str, ...] = ()
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    facet_limit: int = FACET_LIMIT
    verbatim: bool = False  # no results for the suggestion when the query finds nothing
    group: bool = True  # copies of one story show as one result (issue #15)

    @classmethod
    def from_params(cls, params: Mapping[str, object], names: Mapping[str, str] | None = None) -> SearchRequest:
        """Check string parameters (from the CLI or a URL) and build a request.

        Accepted keys: ``q``, ``from``, ``to``, ``year``, ``month``, ``official``
        (a string or a list), ``sort``, ``page``, ``per_page``, ``verbatim``, ``group``
        (``0``: every copy of a story as a result of its own). Raises
        :class:`QueryError` with a message that names the bad value, and the parameter
        as the user typed it: *names* maps a key to that (the CLI's ``--per-page``).
        """
        names = names or {}
        query = str(params.get("q") or "")
        longest = settings.get("max_query_chars")
        if len(query) > longest:
            raise QueryError(f"The query is {len(query)} characters long; the limit is {longest}. Shorten it.",
                             f"Câu tìm dài {len(query)} ký tự, quá giới hạn {longest}. Hãy rút ngắn.")
        if query.strip() and next(normalize.tokens(normalize.clean(query)), None) is None:
            raise QueryError(f"The query {query.strip()[:40]!r} has no letter or digit to search for; type a word.",
                             f"“{query.strip()[:40]}” không có chữ hay số nào để tìm; hãy gõ một từ.")
        parsed = parse_query(query) if query.strip() else ParsedQuery()
        if query.strip() and not parsed.positive and not parsed.excluded:
            raise QueryError(f"The query {query.strip()[:40]!r} holds only the operators OR, AND, NOT; "
                             "type a word to search for (or quote the operator: \"OR\").",
                             f"“{query.strip()[:40]}” chỉ có toán tử OR, AND, NOT; hãy gõ một từ để tìm "
                             "(hoặc đặt toán tử trong ngoặc kép: \"OR\").")
        prefixes = {c.at for alt in parsed.alternatives for c in alt if c.prefix}
        if len(prefixes) > MAX_PREFIXES:
            raise QueryError(f"The query has {len(prefixes)} words ending in *; a query may have at most "
                             f"{MAX_PREFIXES}. Type the others in full.",
                             f"Câu tìm có {len(prefixes)} từ kết thúc bằng *; mỗi câu tìm chỉ được tối đa "
                             f"{MAX_PREFIXES}. Hãy gõ đầy đủ các từ còn lại.")
        if query.strip() and not parsed.positive and parsed.dropped:
            # every word read was a left-out one: searching would list the whole archive
            raise QueryError(f"The query's first {MAX_WORDS} words are all words to leave out, and the words "
                             f"after them ({' '.join(parsed.dropped[:5])}) are past the limit of {MAX_WORDS}; "
                             "put the words to find first, or leave out fewer.",
                             f"{MAX_WORDS} từ đầu của câu tìm đều là từ loại trừ, các từ sau đó "
                             f"({' '.join(parsed.dropped[:5])}) vượt giới hạn {MAX_WORDS} từ; hãy gõ từ cần tìm "
                             "trước, hoặc loại trừ ít từ hơn.")
        officials = params.get("official") or ()
        if isinstance(officials, str):
            officials = (officials,)
        officials = tuple(o for o in (normalize.clean(str(v)).strip() for v in officials) if o)
        if len(officials) > 10:
            raise QueryError(f"{len(officials)} officials given; filter by at most 10.",
                             f"Đã chọn {len(officials)} quan chức; chỉ lọc được tối đa 10.")
        sort = str(params.get("sort") or "relevance")
        if sort not in SORTS:
            raise QueryError(f'Unknown {names.get("sort", "sort")} "{sort}"; expected one of: {", ".join(SORTS)}',
                             f'Cách sắp xếp "{sort}" không hợp lệ; chọn một trong: {", ".join(SORTS)}.')
        year = _int_param(params, "year", 1, 9999, names)
        month = None
        if params.get("month"):
            match = _MONTH.match(str(params["month"]).strip())
            if not match or not 1 <= int(match[2]) <= 12:
                raise QueryError(f'Bad {names.get("month", "month")} "{params["month"]}"; expected YYYY-MM, like 2021-01',
                                 f'Tháng "{params["month"]}" không hợp lệ; hãy viết năm-tháng, ví dụ 2021-01.')
            month = (int(match[1]), int(match[2]))
        date_from = _date_param(params, "from", names)
        date_to = _date_param(params, "to", names)
        if date_from and date_to and date_from > date_to:
            raise QueryError(f"The date range is empty: from {date_from} is after to {date_to}.",
                             f"Khoảng ngày trống: ngày bắt đầu {date_from:%d/%m/%Y} sau ngày kết thúc {date_to:%d/%m/%Y}.")
        return cls(
            query=query,
            date_from=date_from,
            date_to=date_to,
            year=year,
            month=month,
            officials=officials,
            sort=sort,
            page=_int_param(params, "page", 1, MAX_PAGE, names) or 1,
            per_page=_int_param(params, "per_page", 1, settings.get("max_per_page"), names) or 10,
            verbatim=str(params.get("verbatim") or "").strip().lower() in ("1", "true", "yes", "on"),
            group=str(params.get("group") or "1").strip().lower() not in ("0", "false", "no", "off"),
        )

    def to_params(self) -> dict[str, str | list[str]]:
        """The parameters that ask for this request (URL or CLI), defaults left out:
        ``SearchRequest.from_params(request.to_params()) == request``."""
        params: dict[str, str | list[str]] = {}
        if self.query:
            params["q"] = self.query
        if self.officials:
            params["official"] = list(self.officials)
        if self.year is not None:
            params["year"] = str(self.year)
        if self.month:
            params["month"] = f"{self.month[0]:04d}-{self.month[1]:02d}"
        if self.date_from:
            params["from"] = self.date_from.isoformat()
        if self.date_to:
            params["to"] = self.date_to.isoformat()
        if self.sort != "relevance":
            params["sort"] = self.sort
        if self.page != 1:
            params["page"] = str(self.page)
        if self.per_page != 10:
            params["per_page"] = str(self.per_page)
        if self.verbatim:
            params["verbatim"] = "1"
        if not self.group:
            params["group"] = "0"
        return params


# a parameter as the Vietnamese pages name it
_VI_NAMES = {"page": "Trang", "per_page": "Số kết quả mỗi trang", "year": "Năm", "from": "Ngày bắt đầu",
             "to": "Ngày kết thúc"}


def _int_param(params: Mapping[str, object], key: str, low: int, high: int, names: Mapping[str, str]) -> int | None:
    raw = params.get(key)
    if raw is None or raw == "":
        return None
    shown = names.get(key, key)
    vi = _VI_NAMES.get(key, key)
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise QueryError(f'Bad {shown} "{raw}"; expected a whole number from {low} to {high}',
                         f'{vi} "{raw}" không hợp lệ; cần một số nguyên từ {low} đến {high}.') from None
    if not low <= value <= high:
        raise QueryError(f"Bad {shown} {value}; expected a whole number from {low} to {high}",
                         f"{vi} {value} không hợp lệ; cần một số nguyên từ {low} đến {high}.")
    return value


def _date_param(params: Mapping[str, object], key: str, names: Mapping[str, str]) -> dt.date | None:
    raw = params.get(key)
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        raise QueryError(f'Bad {names.get(key, key)} date "{raw}"; expected YYYY-MM-DD, like 2021-01-19',
                         f'{_VI_NAMES[key]} "{raw}" không hợp lệ; hãy chọn một ngày, ví dụ 19/01/2021.') from None


# -- the query -----------------------------------------------------------------

@dataclass
class Clause:
    """One word or phrase of a query, as exact and folded word lists.

    *synonyms* are other forms that match as well, each (exact, folded) words: the
    long form of an abbreviation, or the reverse (see :mod:`indexer.abbreviations`).
    A clause of several words wants them side by side: quoted, a long form, or
    syllables the search read as one word (``tham nhũng``).
    """

    exact: list[str]
    folded: list[str]
    quoted: bool = False
    synonyms: list[tuple[list[str], list[str]]] = field(default_factory=list)
    typed: list[str] | None = None  # the words as typed (capitals tell TƯ from tư)
    start: bool = False  # a bracket or an OR before it: no word before it joins it
    prefix: bool = False  # typed with * after it: any word starting so (its forms, once read)
    at: int = field(default=-1, compare=False)  # its place among the query's clauses (copies share it)
    # a quoted phrase (or a word left out) that a comma, a colon... parts ("Hà Nội, Đà Nẵng")
    # is one clause a part, each holding where the phrase starts in the query: the parts
    # must stand in a row (:meth:`indexer.scoring.Scorer.in_a_row`)
    phrase_at: int = field(default=-1, compare=False)

    def forms(self) -> list[tuple[list[str], list[str]]]:
        return [(self.exact, self.folded), *self.synonyms]

    @property
    def accented(self) -> bool:
        return self.exact != self.folded


@dataclass
class ParsedQuery:
    """Alternatives (split by ``OR``), each a list of clauses that must all match.

    *strict* when the query holds an accent anywhere: then every word means its
    spelling as typed (``tham`` is not ``thăm``); an accent-free query matches
    every spelling.
    """

    alternatives: list[list[Clause]] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)
    strict: bool = False
    # each word left out with the words typed right after it (``-Hà Nội``): the searcher
    # joins those that make one word with it (:meth:`indexer.searching.Searcher.parse`)
    followers: list[tuple[Clause, list[Clause]]] = field(default_factory=list, compare=False, repr=False)
    dropped: list[str] = field(default_factory=list)  # words typed past MAX_WORDS, not searched
    # the words of each alternative of a left-out bracket, in order (they are in excluded)
    left_out_runs: list[list[Clause]] = field(default_factory=list, compare=False, repr=False)

    @property
    def positive(self) -> list[Clause]:
        return [c for alt in self.alternatives for c in alt]

    def is_empty(self) -> bool:
        return not self.positive


# punctuation before or after a typed word that parts it from the next (``Lukaku,``,
# ``Hà Nội.``); inside a word's run, the rule of the text (:func:`indexer.schema.joins`)
_BREAKS = frozenset(",;:!?….")


def _runs(raw: str) -> tuple[list[list[str]], bool, bool]:
    """The words of a typed token or quoted phrase *raw*, in runs that stand side by side
    as the index reads the text (:func:`indexer.schema.joins`: a comma, a colon or a
    semicolon between two words parts them, a dot with no space does not, ``TP.HCM``;
    inside a number it is part of the word: ``1.300``, ``2,4``), and whether punctuation
    comes before its first word and after its last (``Lukaku,``, ``Hà Nội.``)."""
    spans = list(normalize.tokens(raw))
    if not spans:
        return [], False, False
    runs = [[spans[0][0]]]
    for (a, _, end), (b, start, _) in zip(spans, spans[1:]):
        gap = raw[end:start]
        if not schema.joins(gap):
            runs.append([])
        runs[-1].append(b)
    return runs, bool(_BREAKS.intersection(raw[:spans[0][1]])), bool(_BREAKS.intersection(raw[spans[-1][2]:]))


_QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?\()|(\))|([^\s()"]+)')
# A query's brackets open at most this many alternatives (``(a OR b) (c OR d)`` is four).
MAX_ALTERNATIVES = 32
# Words typed with a star (``tham*``) in one query: each stands for up to 30 spellings, and
# two side by side for their pairs (900 lookups); 22 of them took 5.5 s a search and let
# a few clients stall the server (an attacker's finding)
MAX_PREFIXES = 4
# Brackets open inside one another at most this deep (no reader nests more than two or
# three; a thousand overflowed Python's stack, a 500 for the page)
MAX_DEPTH = 16


@dataclass
class _Group:
    """Brackets (or the whole query) as read: alternatives of items, each a clause or a group."""

    alternatives: list[list[Clause | _Group]] = field(default_factory=lambda: [[]])
    negated: bool = False


def parse_query(text: str) -> ParsedQuery:
    """Read a query string into clauses; never raises.

    ``OR`` splits the query into whole alternatives: ``Mẫu Sơn OR Kỳ Lừa`` is
    (Mẫu Sơn) or (Kỳ Lừa), as Vietnamese words are several syllables long; brackets
    bound them: ``(dân vận OR tham nhũng) Lạng Sơn`` is (dân vận, Lạng Sơn) or (tham
    nhũng, Lạng Sơn). A bracket left open closes at the end; one never opened is no word.
    ``-word`` (or ``NOT word``) leaves out articles with it; the words typed right
    after it are kept in :attr:`ParsedQuery.followers`, for the searcher to read
    ``-Hà Nội`` as one word left out when it is one.
    """
    parsed = ParsedQuery(alternatives=[[]], strict=normalize.has_accents(normalize.clean(text)))
    stack = [_Group()]
    negate_next = False
    words = 0
    after_bracket = False  # the next clause must not join the one before it
    clauses_made = 0
    chain: list[Clause] | None = None  # the words following a left-out word
    for match in _QUERY_TOKEN.finditer(normalize.clean(text)):
        minus, phrase, opening, closing, bare = match.groups()
        top = stack[-1]
        if opening is not None:
            if len(stack) > MAX_DEPTH:
                raise QueryError(f"The query opens brackets inside brackets more than {MAX_DEPTH} deep; "
                                 "use fewer brackets.",
                                 f"Câu tìm lồng ngoặc quá {MAX_DEPTH} tầng; hãy dùng ít ngoặc hơn.")
            stack.append(_Group(negated=opening.startswith("-") or negate_next))
            top.alternatives[-1].append(stack[-1])
            negate_next, after_bracket, chain = False, True, None
            continue
        if closing is not None:
            if len(stack) > 1:
                stack.pop()
                after_bracket, chain = True, None
            continue
        if bare in ("OR", "|", "||"):
            if top.alternatives[-1]:
                top.alternatives.append([])
            after_bracket, chain = True, None
            continue
        if bare in ("AND", "&&", "+"):
            continue
        if bare == "NOT":
            negate_next = True
            continue
        negated = bool(minus) or negate_next
        negate_next = False
        if bare is not None:
            if bare.startswith("-") and len(bare) > 1:
                negated, bare = True, bare.lstrip("-")
            raw = bare
        else:
            raw = phrase
        runs, break_before, break_after = _runs(raw)
        if break_before:
            after_bracket, chain = True, None
        # a phrase, or a word left out, that punctuation parts wants its parts in a row:
        # `"Hà Nội, Đà Nẵng"`; `-Lukaku,có` leaves out "Lukaku, có", not every article with "có"
        phrase_at = match.start() if (phrase is not None or negated) and len(runs) > 1 else -1
        for k, found in enumerate(runs):
            if k:  # a comma, a colon... between them: not side by side
                after_bracket, chain = True, None
            parsed.dropped += found[max(0, MAX_WORDS - words):]
            if words >= MAX_WORDS:
                continue
            found = found[: MAX_WORDS - words]
            words += len(found)
            clause = Clause(
                [normalize.exact(w) for w in found],
                [normalize.folded(w) for w in found],
                quoted=phrase is not None,
                typed=found,
                start=after_bracket,
                prefix=bare is not None and bare.endswith("*") and len(runs) == 1 and len(found) == 1,
                at=clauses_made,
                phrase_at=phrase_at,
            )
            clauses_made += 1
            after_bracket = False
            if negated:
                parsed.excluded.append(clause)
                chain = [] if bare is not None and len(found) == 1 and phrase_at < 0 else None
                if chain is not None:
                    parsed.followers.append((clause, chain))
                continue
            if chain is not None and bare is not None and len(found) == 1:
                chain.append(clause)
            else:
                chain = None
            top.alternatives[-1].append(clause)
        if break_after:
            after_bracket, chain = True, None
    # each alternative its own clauses: reading one (its spelling, a prefix's words) must
    # not change a bracket's words in the others
    parsed.alternatives = [[replace(c) for c in alt] for alt in _flatten(stack[0], parsed)]
    return parsed


def _flatten(group: _Group, parsed: ParsedQuery) -> list[list[Clause]]:
    """A group's alternatives as lists of clauses (each bracket multiplied out, at most
    :data:`MAX_ALTERNATIVES`); a left-out group's clauses go to *parsed*'s excluded (an
    article with any of them is left out), each of its alternatives a run in
    :attr:`ParsedQuery.left_out_runs` (for the searcher to read its words: ``-(Hà Nội)``)."""
    out: list[list[Clause]] = []
    for alternative in group.alternatives:
        combos: list[list[Clause]] = [[]]
        for item in alternative:
            if isinstance(item, Clause):
                combos = [c + [item] for c in combos]
                continue
            inner = _flatten(item, parsed)
            if item.negated:
                parsed.excluded.extend(c for alt in inner for c in alt)
                parsed.left_out_runs.extend(alt for alt in inner if len(alt) > 1)
            elif inner:
                combos = [c + i for c in combos for i in inner][:MAX_ALTERNATIVES]
        out += [c for c in combos if c]
    return out[:MAX_ALTERNATIVES]


def describe(parsed: ParsedQuery) -> dict:
    """How a query was read, for people: its words and whether accents count.

    ``{"accents": "as typed" | "any", "alternatives": [[{"words": "tham nhũng",
    "together": true, "quoted": false, "also": ["Ủy ban nhân dân"]}]], "excluded": [...]}``;
    a query with accents shows its words as typed, an accent-free one each word in the
    spelling it ranks first.
    """
    def clause(c: Clause) -> dict:
        # as typed, or as restored (each word as the press writes it: "kỷ luật", not "kỉ luật")
        shown = c.typed if (parsed.strict or c.prefix) and c.typed else [normalize.as_written(w) for w in c.exact]
        # the other forms' words typed without accents spelled as the first form's (an
        # accent-free `chu tich ubnd tinh` read "or «chu tich ủy ban nhân dân tinh»")
        spelled = {} if parsed.strict else dict(zip(c.folded, shown))
        return {
            "words": " ".join(shown) + ("*" if c.prefix else ""),
            "together": len(c.exact) > 1,
            "quoted": c.quoted,
            "also": [" ".join(spelled.get(f, e) if e == f else e for e, f in zip(exact, folded))
                     for exact, folded in c.synonyms],
        }
    return {
        "accents": "as typed" if parsed.strict else "any",
        "alternatives": [[clause(c) for c in alt] for alt in parsed.alternatives],
        "excluded": [clause(c) for c in parsed.excluded],
        "dropped": list(parsed.dropped),
    }


def describe_text(
    reading: dict,
    as_typed: str = "accents as typed",
    any_spelling: str = "any accents",
    or_: str = "OR",
    but: str = "not",
    also: str = "or",
    dropped: str = "only the first {max} words count, not: {words}",
) -> str:
    """A :func:`describe` reading in one line: words that must stand side by side in
    «», quoted phrases in quotes, whether accents count, and the words typed past
    :data:`MAX_WORDS` (labels for the language)."""
    def clause(c: dict) -> str:
        text = f"“{c['words']}”" if c["quoted"] else f"«{c['words']}»" if c["together"] else c["words"]
        shown = [f"«{a}»" for a in c["also"][:ALSO_SHOWN]] + ["…"] * (len(c["also"]) > ALSO_SHOWN)
        return text + (f" ({also} {', '.join(shown)})" if shown else "")
    alternatives = [" + ".join(clause(c) for c in alt) for alt in reading.get("alternatives", [])]
    parts = [f" {or_} ".join(alternatives)] if alternatives else []
    parts += [f"{but} {clause(c)}" for c in reading.get("excluded", [])]
    parts.append(as_typed if reading.get("accents") == "as typed" else any_spelling)
    if reading.get("dropped"):
        parts.append(dropped.format(max=MAX_WORDS, words=" ".join(reading["dropped"])))
    return " · ".join(parts)


def typed_words(clauses: list[Clause]) -> list[str] | None:
    """The words of several clauses as typed (None when one is not known)."""
    if any(c.typed is None for c in clauses):
        return None
    return [w for c in clauses for w in c.typed]


# -- snippets ------------------------------------------------------------------

def highlight(text: str, parsed: ParsedQuery, max_chars: int | None = SNIPPET_CHARS) -> Html:
    """HTML of *text* (or its best passage) with the query's words in ``<mark>``.

    Words match folded, so an accent-free query marks the accented text; a passage
    with more distinct query words, and with words as typed (accents and all), wins.
    Where the words of a query stand side by side in the text, only those places are
    marked: ``dan van`` marks "dân vận", not every "văn" of the article.
    """
    marks = _marks(text, parsed)
    start, end = 0, len(text)
    if max_chars is not None and len(text) > max_chars:
        start, end = _best_window(text, marks, max_chars)
    out: list[str] = []
    pos = start
    open_end = -1
    for m_start, m_end, _, _ in marks:
        if m_start < start or m_end > end:
            continue
        gap = text[pos:m_start]
        if open_end >= 0 and gap.strip() == "":
            out.append(html.escape(gap))  # join neighbours into one <mark>
        else:
            if open_end >= 0:
                out.append("</mark>")
            out.append(html.escape(gap))
            out.append("<mark>")
        out.append(html.escape(text[m_start:m_end]))
        pos = open_end = m_end
    if open_end >= 0:
        out.append("</mark>")
    out.append(html.escape(text[pos:end]))
    snippet = " ".join("".join(out).split())
    return Html(("…" if start > 0 else "") + snippet.strip() + ("…" if end < len(text) else ""))


_NOT_WORD_BEFORE = r"(?<![^\W_])"
_NOT_WORD_AFTER = r"(?![^\W_]|[.,]\d)"  # nor a number's next digit group: `1.300` is not in 1.300.000


def _marks(text: str, parsed: ParsedQuery) -> list[tuple[int, int, str, bool]]:
    """(start, end, what matched, matched with its accents) for each place to mark.

    Searches the folded text (:func:`_folded_text`) with one regular expression per
    phrase and one per single word, so a snippet costs a scan, not a Python step per word.
    """
    folded_text = _folded_text(text)
    if len(folded_text) != len(text):  # a letter folding to two (ß -> ss), or NFD text
        return _marks_by_tokens(text, parsed)
    exact_terms = {w for c in parsed.positive if c.accented for w in c.exact}
    spelled = {w for c in parsed.positive for exact, _ in c.forms() for w in exact}

    def kept(marks: list) -> list:
        """Typed with accents, only the spellings typed are matches."""
        if not parsed.strict:
            return marks
        return [m for m in marks if all(normalize.exact(w) in spelled for w, _, _ in normalize.tokens(text[m[0]:m[1]]))]

    found: list[tuple[int, int, str, bool]] = []
    for alt in parsed.alternatives:
        plain = [w for c in alt if not c.quoted for w in c.folded]
        sequences = [f for c in alt for _, f in c.forms() if len(f) > 1]
        phrase_found = False
        if len(plain) > 1:
            phrase = kept(_find(folded_text, text, plain, exact_terms))
            found += phrase
            phrase_found = bool(phrase)
        for sequence in sequences:
            found += kept(_find(folded_text, text, sequence, exact_terms))
        if not phrase_found:
            # one word at a time: each place of the text is one whole word, which folds to
            # one of them, so the places are those of one expression for all; an expression
            # that starts with a letter scans fast, an alternation slowly
            for word in sorted({f[0] for c in alt for _, f in c.forms() if len(f) == 1}):
                found += kept([
                    (m.start(), m.end(), word, normalize.exact(text[m.start():m.end()]) in exact_terms)
                    for m in _sequence((word,)).finditer(folded_text)
                ])
    found.sort(key=lambda m: (m[0], -m[1]))  # at one place, the longest match
    marks: list[tuple[int, int, str, bool]] = []
    for mark in found:  # drop overlaps
        if not marks or mark[0] >= marks[-1][1]:
            marks.append(mark)
    return marks


def _find(folded_text: str, text: str, words: list[str], exact_terms: set[str]):
    return [
        (m.start(), m.end(), " ".join(words), any(normalize.exact(w) in exact_terms for w in text[m.start():m.end()].split()))
        for m in _sequence(tuple(words)).finditer(folded_text)
    ]


@lru_cache(maxsize=4096)
def _sequence(words: tuple[str, ...]) -> re.Pattern:
    """The folded *words* side by side in folded text, as the index reads them
    (:func:`indexer.schema.joins`: spaces, one - / & or a dot with no space, or a dash with
    spaces around it), each a whole word (a number's digit groups too: `300` is not
    marked in 1.300). The check
    that no letter or digit stands before the first comes after its first letter: an
    expression that starts with a letter lets the scan skip ahead in C (3x faster)."""
    first = re.escape(words[0][0]) + _NOT_WORD_BEFORE_LAST + _NOT_NUMBER_BEFORE + re.escape(words[0][1:])
    return re.compile(_JOIN.join([first, *map(re.escape, words[1:])]) + _NOT_WORD_AFTER)


_JOIN = r"(?:[ \t\u00a0]*[-\u2013][ \t\u00a0]*|[ \t\u00a0]+|[/&.])"
_NOT_WORD_BEFORE_LAST = r"(?<![^\W_](?s:.))"  # no letter or digit before the last character
_NOT_NUMBER_BEFORE = r"(?<!\d[.,](?s:.))"  # nor a number's digit group before it (the 300 of 1.300)


def _folded_text(text: str) -> str:
    """*text* as the index reads its words: accents dropped, lower case, i/y as one
    (``Kỹ sư`` -> ``ki su``). Text whose every character folds to one (nearly all) goes
    through a table of code points, 20x faster than ``str.translate`` with a dict."""
    table, others = _fold_table()
    if others.search(text) is None:
        points = np.frombuffer(text.encode("utf-32-le"), np.uint32)
        folded = table[points].tobytes().decode("utf-32-le")
    else:
        folded = normalize.fold(text).lower()
    return _IY_FOLDED.sub("i", folded)


# the y of a whole folded word of a consonant and y (ky, quy), found from the y on: as
# normalize.same_iy, in folded text; an expression that starts with a letter scans fast
_IY_FOLDED = re.compile(r"y(?:(?<=(?<![^\W_])[bdhklmnrstvx]y)|(?<=(?<![^\W_])(?:ph|th|ch|tr|nh|kh|qu)y))(?![^\W_])")


@lru_cache(maxsize=1)
def _fold_table() -> tuple[np.ndarray, re.Pattern]:
    """What :func:`normalize.fold` and lower case make of each character of the Basic
    Multilingual Plane, as a table of code points, and a pattern finding any character
    this table cannot fold: those folding to none or to two (marks, ``ß``), the Greek
    capital sigma (its lower case depends on its place), those beyond the plane. Made
    once, in about 0.1 s (:meth:`indexer.searching.Searcher.warm` makes it)."""
    table = np.arange(0x10000, dtype=np.uint32)
    others: list[tuple[int, int]] = []
    for cp in range(0x10000):
        f = normalize.fold(chr(cp)).lower()
        if len(f) == 1 and cp != 0x03A3 and not 0xD800 <= cp < 0xE000:
            table[cp] = ord(f)
        elif others and others[-1][1] == cp - 1:
            others[-1] = (others[-1][0], cp)
        else:
            others.append((cp, cp))
    cls = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in others)
    return table, re.compile(f"[{cls}\U00010000-\U0010ffff]")


def _marks_by_tokens(text: str, parsed: ParsedQuery) -> list[tuple[int, int, str, bool]]:
    """The same as :func:`_marks`, word by word (for text that folds to another length)."""
    toks = list(normalize.tokens(text))
    folded_toks = [normalize.folded(w) for w, _, _ in toks]
    exact_terms = {w for c in parsed.positive if c.accented for w in c.exact}
    spelled = {w for c in parsed.positive for exact, _ in c.forms() for w in exact}
    marked: set[int] = set()
    for alt in parsed.alternatives:
        plain = [w for c in alt if not c.quoted for w in c.folded]
        phrase_found = len(plain) > 1 and _mark_sequence(folded_toks, plain, marked)
        for clause in alt:
            if len(clause.folded) > 1:
                _mark_sequence(folded_toks, clause.folded, marked)
            elif not phrase_found:
                marked.update(i for i, f in enumerate(folded_toks) if f == clause.folded[0])
    return [
        (toks[i][1], toks[i][2], folded_toks[i], normalize.exact(toks[i][0]) in exact_terms)
        for i in sorted(marked)
        if not parsed.strict or normalize.exact(toks[i][0]) in spelled
    ]


def _mark_sequence(tokens: list[str], sequence: list[str], marked: set[int]) -> bool:
    """Add the indexes of every occurrence of *sequence* in *tokens*; whether any."""
    n = len(sequence)
    found = False
    for i in range(len(tokens) - n + 1):
        if tokens[i] == sequence[0] and tokens[i:i + n] == sequence:
            marked.update(range(i, i + n))
            found = True
    return found


def _best_window(text: str, marks, max_chars: int) -> tuple[int, int]:
    if not marks:
        end = text.rfind(" ", 0, max_chars)
        return 0, end if end > max_chars // 2 else max_chars
    # the window of max_chars from each mark: the most distinct words, then exact ones, then
    # marks; slid along the marks (in order, not overlapping: their ends rise too), so a
    # page of 3,000 marks costs 3,000 steps, not 3,000 squared (an attacker's 170 ms a snippet)
    best = (-1.0, 0)
    words: Counter = Counter()
    exact = end = 0
    for i, (m_start, _, _, _) in enumerate(marks):
        while end < len(marks) and marks[end][1] <= m_start + max_chars:
            words[marks[end][2]] += 1
            exact += bool(marks[end][3])
            end += 1
        score = len(words) * 10 + exact + (end - i) * 0.1
        if score > best[0]:
            best = (score, m_start)
        if end > i:  # the mark leaves the windows of the marks after it
            words[marks[i][2]] -= 1
            if not words[marks[i][2]]:
                del words[marks[i][2]]
            exact -= bool(marks[i][3])
        else:
            end = i + 1
    first = best[1]
    # Start at the sentence the first match is in, if it is near; else a little before.
    sentence = max(text.rfind(". ", 0, first), text.rfind("\n", 0, first))
    start = sentence + 1 if sentence >= 0 and first - sentence < max_chars // 3 else max(0, first - 40)
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    while start < len(text) and text[start].isspace():
        start += 1
    end = min(len(text), start + max_chars)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return start, end


