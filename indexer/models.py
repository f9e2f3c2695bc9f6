"""Records the core passes around: articles in, search results out.

They are plain frozen dataclasses; :func:`Article.to_json` gives the JSON shape
that ``timtin parse --json`` prints and ``/api/articles/<id>`` serves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class Html(str):
    """Text that is already HTML: escaped, with only the tags timtin put in (``<mark>``).

    Templates print it as it is (Jinja and MarkupSafe honour ``__html__``) and escape
    every other string, so no template needs ``|safe``; the core stays free of them.
    """

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Official:
    """A person holding a post, as one article names them.

    *place* is what the article's titles say of where the post is, when they say it (a
    province, a country, or ``trung ương`` for a national post), decided at index time by
    :func:`indexer.officials.person_place`; :attr:`key` joins it to the name. Across
    articles, :func:`indexer.people.group` makes people of these keys.
    """

    name: str
    titles: tuple[str, ...] = ()
    place: str | None = None

    @property
    def key(self) -> str:
        """The article's person key: ``Nguyễn Văn Hùng (Quảng Nam)``, or the name alone."""
        return f"{self.name} ({self.place})" if self.place else self.name

    def to_json(self) -> dict:
        return {"name": self.name, "titles": list(self.titles), "place": self.place, "key": self.key}


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    body: str
    date: dt.date | None = None
    lead: str | None = None
    author: str | None = None
    url: str | None = None
    source: str | None = None
    captions: tuple[str, ...] = ()
    officials: tuple[Official, ...] = ()
    origin: str | None = None  # absolute path of the file it came from
    where: str | None = None  # the file (and line) as messages name it

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "author": self.author,
            "lead": self.lead,
            "body": self.body,
            "captions": list(self.captions),
            "url": self.url,
            "source": self.source,
            "officials": [o.to_json() for o in self.officials],
        }

    @classmethod
    def from_json(cls, data: dict, origin: str | None = None) -> Article:
        return cls(
            id=data["id"],
            title=data["title"],
            body=data["body"],
            date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
            lead=data.get("lead"),
            author=data.get("author"),
            url=data.get("url"),
            source=data.get("source"),
            captions=tuple(data.get("captions") or ()),
            officials=tuple(
                Official(o["name"], tuple(o.get("titles") or ()), o.get("place")) for o in data.get("officials") or ()
            ),
            origin=origin,
        )


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input: the file (and line), and what to do."""

    where: str
    message: str
    skipped: bool = True  # False: a warning, the article was still indexed
    # articles of the index kept although the input no longer gives them (a file or folder
    # emptied or cut short): not skipped input, but the run did not do all it was asked
    kept: int = 0

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int
    detail: str | None = None  # shown beside the value: a namesake's most used title

    def to_json(self) -> dict:
        out = {"value": self.value, "count": self.count}
        if self.detail is not None:
            out["detail"] = self.detail
        return out


@dataclass(frozen=True)
class OfficialSummary:
    """An official across the archive: how many articles name them, and as what."""

    name: str
    count: int
    titles: tuple[FacetCount, ...] = ()
    key: str = ""  # the person's facet value: the name, or "name (place)" beside a namesake
    place: str | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "key": self.key or self.name, "place": self.place, "count": self.count,
                "titles": [t.to_json() for t in self.titles]}


@dataclass(frozen=True)
class Copy:
    """Another publication of a hit's story: where and when (issue #15); *first* when it is
    the story's first publication (the hit shown is then a later copy of it)."""

    id: str
    title: str
    outlet: str | None
    date: dt.date | None
    first: bool = False

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "outlet": self.outlet,
                "date": self.date.isoformat() if self.date else None, "first": self.first}


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str
    date: dt.date | None
    officials: tuple[str, ...]
    score: float
    snippet: Html  # escaped text with <mark> around matched words
    title_html: Html = Html("")  # the title, escaped, with matched words in <mark>
    # the whole article the hit is (its url, its officials' titles), for exports and
    # officials' pages; not part of the JSON answer
    article: Article | None = field(default=None, compare=False, repr=False)
    copies: tuple[Copy, ...] = ()  # the story's other publications, oldest first, at most COPIES_SHOWN
    copy_count: int = 0  # how many other publications the story has ("N bản đăng lại")
    outlet: str | None = None  # where it was published: its address's host, else its dateline's code
    # the story it belongs to: the id of the story's first publication (its own id when it is the
    # first, or alone), and that publication's date; None where the story was not asked for
    story: str | None = None
    first_date: dt.date | None = None

    @property
    def is_first(self) -> bool:
        """Whether this is its story's first publication (its copies are then all republications)."""
        return self.story is None or self.story == self.id

    @property
    def first_copy(self) -> Copy | None:
        """The story's first publication among the copies listed, when this is a later one."""
        return next((c for c in self.copies if c.first), None)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "outlet": self.outlet,
            "officials": list(self.officials),
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "copies": [c.to_json() for c in self.copies],
            "copy_count": self.copy_count,
            "story": self.story,
            "first_date": self.first_date.isoformat() if self.first_date else None,
        }


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    page: int
    per_page: int
    took_ms: float
    hits: tuple[SearchHit, ...]
    facets: dict[str, tuple[FacetCount, ...]] = field(default_factory=dict)
    suggestion: str | None = None
    # how the query was read (see indexer.query.describe): its words, and whether
    # their accents count
    reading: dict = field(default_factory=dict)
    # the query whose results these are, when the one typed found nothing
    corrected: str | None = None
    # articles matched, copies included; ``total`` counts stories when ``grouped``
    articles: int | None = None
    grouped: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "articles": self.articles if self.articles is not None else self.total,
            "grouped": self.grouped,
            "page": self.page,
            "per_page": self.per_page,
            "took_ms": round(self.took_ms, 2),
            "suggestion": self.suggestion,
            "corrected": self.corrected,
            "reading": self.reading,
            "hits": [h.to_json() for h in self.hits],
            "facets": {
                name: [c.to_json() for c in counts] for name, counts in self.facets.items()
            },
        }


@dataclass
class IndexReport:
    """What one run of ``index`` or ``reindex`` did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # housekeeping done on the way
    copies: int = 0  # files left out as the older copy of a page saved twice (each named in a note)

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.skipped and not p.kept)

    @property
    def kept(self) -> int:
        """Articles kept in the index that their file or folder no longer gives."""
        return sum(p.kept for p in self.problems)
