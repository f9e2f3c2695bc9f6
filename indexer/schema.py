"""The Whoosh schema of a timtin index, and the analyzers that feed it.

Title and body are each indexed twice: in their *exact* form (lower case, one tone
placement) and in their *folded* form (no accents, ``đ`` -> ``d``), both with
positions for phrase matching. A query with accents matches the exact fields too,
so ``nói tới`` ranks above ``nói tôi``; an accent-free query uses the folded fields.
Both analyzers split words with :func:`indexer.normalize.tokens`, the same rule the
query side and the snippet maker use.

Columns (``sortable``) hold what every search needs per document without reading
stored fields: ``day`` (yyyymmdd, 0 when undated) for date filters, sorting and the
year and month facets; ``hash`` and ``origin`` for incremental indexing.
The whole article is stored once, as JSON, in ``doc``.
"""

from __future__ import annotations

import json

from whoosh import fields
from whoosh.analysis import Token, Tokenizer

from indexer import normalize
from indexer.models import Article

SCHEMA_VERSION = 2


class VietTokenizer(Tokenizer):
    """Split NFC Vietnamese text into exact (or, with ``fold=True``, folded) words."""

    def __init__(self, fold: bool = False) -> None:
        self.fold = fold

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.fold == self.fold

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        form = normalize.folded if self.fold else normalize.exact
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        items = normalize.tokens(value) if tokenize else [(value, 0, len(value))]
        for pos, (word, start, end) in enumerate(items):
            t.text = form(word)
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t


EXACT = VietTokenizer(fold=False)
FOLDED = VietTokenizer(fold=True)

TEXT_FIELDS = ("title", "body")


def make_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        hash=fields.ID(sortable=True),
        origin=fields.ID(sortable=True),
        title=fields.TEXT(analyzer=EXACT, phrase=True),
        title_f=fields.TEXT(analyzer=FOLDED, phrase=True),
        body=fields.TEXT(analyzer=EXACT, phrase=True),
        body_f=fields.TEXT(analyzer=FOLDED, phrase=True),
        day=fields.NUMERIC(int, bits=32, signed=False, sortable=True, default=0),
        official=fields.KEYWORD(lowercase=False, commas=False, scorable=False),
        official_title=fields.KEYWORD(lowercase=False, commas=False, scorable=False),
        doc=fields.STORED(),
    )


def official_term(name: str) -> str:
    """The index term of a canonical official name or a title (a keyword holds no spaces)."""
    return "_".join(name.split())


def official_name(term: str) -> str:
    return term.replace("_", " ")


def day_number(article: Article) -> int:
    d = article.date
    return d.year * 10000 + d.month * 100 + d.day if d else 0


def to_document(article: Article, content_hash: str) -> dict:
    """The Whoosh document of an article."""
    searchable_body = "\n\n".join([article.body, *article.captions])
    return {
        "id": article.id,
        "hash": content_hash,
        "origin": article.origin or "",
        "title": article.title,
        "title_f": article.title,
        "body": searchable_body,
        "body_f": searchable_body,
        "day": day_number(article),
        "official": " ".join(official_term(o.name) for o in article.officials),
        "official_title": " ".join(
            f"{official_term(o.name)}|{official_term(t)}" for o in article.officials for t in o.titles
        ),
        "doc": json.dumps(article.to_json(), ensure_ascii=False),
    }


def from_stored(stored: dict) -> Article:
    return Article.from_json(json.loads(stored["doc"]))
