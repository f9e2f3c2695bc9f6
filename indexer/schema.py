"""The Whoosh schema of a timtin index, and how an article becomes its terms.

Title and body are each one field of *counted terms*, built by :func:`terms` with the same word rule the query side and the snippet maker use
(:func:`indexer.normalize.tokens`):

* every word in its folded form (``dân`` -> ``dan``): an accent-free query matches;
* every word in its exact form, when that differs (``dân``): a word typed with
  accents matches that spelling only;
* every pair of neighbouring words, as spelled: ``dan van|dân vận`` (the folded pair,
  a bar, then the exact pair), or just ``tham gia`` when the pair holds no accent.
  Vietnamese words are mostly two syllables, so a pair is a word and a phrase is its
  pairs: "side by side" is a term lookup instead of a walk over positions, so no
  positions are stored. A pair typed with accents is one term; an accent-free pair is
  the folded term and every spelling of it (``dan van|dân vận``, ``dan van|dân vẫn``:
  each spelling of one word beside each of the other, looked up at once); the counts
  of those spellings are also the statistics that restore accents to a query
  (:mod:`indexer.searching`). Pairs stop at punctuation and line
  breaks (``Hà Nội. Đồng`` is no pair; :func:`joins`), but not at a dash with spaces
  around it (``kinh tế - xã hội``) nor a dot with no space (``TP.HCM``); a number's dots and
  commas are inside its word (``1.300``). Numbers pair too (``bão số 2``,
  ``Nghị định 100``, ``Covid-19``, ``11/6``): a quoted phrase with a number is then as
  exact as any other (on the real news they add 2.5% postings).

A folded form never holds an accent and an exact one is only kept when it does, so the
two never collide; a pair holds a space, which no word does. These terms are not
Whoosh's: :mod:`indexer.postings` lays them out as arrays (:data:`TEXT_FIELDS` of the
document that :func:`to_document` makes; Whoosh gets the rest, :func:`whoosh_fields`).

Columns hold what every search needs per document without reading stored fields:
``day`` (yyyymmdd, 0 when undated), the word counts ``tlen`` and ``blen`` for length
normalisation, ``hash`` and ``origin`` for incremental indexing, and ``minhash`` and
``wordprint``, the body's signature and fingerprint that group copies of one story
(:mod:`indexer.stories`). The article
itself is stored once, as JSON, in ``doc``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache

from whoosh import columns, fields
from whoosh.codec.whoosh3 import W3Codec

from indexer import normalize, stories
from indexer.models import Article

SCHEMA_VERSION = 14  # 14: a number's dots and commas are part of it (``1.300``, ``2,4``: one word, :func:`indexer.normalize.tokens`), and a dot with no space joins (``TP.HCM``); 13: the wordprint marks sentence ends (story grouping judges lightly edited copies by their sentences, issue #15); 12: pairs with numbers (``bão số 2``) and across a spaced dash (``kinh tế - xã hội``); 11: the wordprint column, minhash of hashed words (issue #15); 10: titles' and bodies' postings as arrays beside Whoosh (issue #13); 9: the official fields hold person keys ("name (place)"), issue #11; 8: the minhash column (issue #15)


class TimtinCodec(W3Codec):
    """Whoosh's codec without per-block length statistics.

    Those only serve Whoosh's own BM25 block skipping, which timtin does not use
    (it scores with arrays, see :mod:`indexer.searching`); computing them reads a
    length column once per posting.
    """

    length_stats = False


CODEC = TimtinCodec()


def terms(text: str) -> tuple[Counter, int]:
    """The counted terms of a text, and its number of words."""
    out: list[str] = []
    append = out.append
    prev_e = prev_f = None
    prev_end = 0
    n = 0
    for word, start, end in normalize.tokens(text):
        e, f = _forms(word)
        append(f)
        if e != f:
            append(e)
        if prev_f is not None and joins(text[prev_end:start]):
            append(f"{prev_f} {f}" if prev_e == prev_f and e == f else f"{prev_f} {f}{SPELLING}{prev_e} {e}")
        prev_e, prev_f, prev_end = e, f, end
        n += 1
    return Counter(out), n


@lru_cache(maxsize=200_000)
def _forms(word: str) -> tuple[str, str]:
    """A word's exact and folded forms."""
    return normalize.exact(word), normalize.folded(word)


def joins(gap: str) -> bool:
    """Whether two words with *gap* between them stand side by side: spaces, or one
    hyphen, slash, ampersand or dot with no space (``Bắc-Nam``, ``TN&MT``, ``TP.HCM``,
    ``Q.1``), nothing (a unit on a number, ``10.000km``), or one dash with spaces around it
    (``kinh tế - xã hội``, ``Lao động – Thương binh``: the news writes compounds so more
    often than not); never other punctuation, a full stop and a space, or a line break."""
    return gap == " " or gap in ("-", "/", "&", ".", "") or _SPACED_DASH(gap) is not None or (
        gap.isspace() and "\n" not in gap)


_SPACED_DASH = re.compile(r"[ \t\u00a0]*[-\u2013][ \t\u00a0]*").fullmatch


def pair(a: str, b: str) -> str:
    """The term of two neighbouring folded words, written without accents."""
    return f"{a} {b}"


SPELLING = "|"  # between a folded pair and its spelling


def spelled_pair(a: str, b: str, fa: str | None = None, fb: str | None = None) -> str:
    """The term of two neighbouring exact words as spelled (folded forms if known)."""
    fa = normalize.folded(a) if fa is None else fa
    fb = normalize.folded(b) if fb is None else fb
    if a == fa and b == fb:
        return f"{fa} {fb}"
    return f"{fa} {fb}{SPELLING}{a} {b}"


def spelling_of(term: str) -> str:
    """The exact pair of a pair term: ``dan van|dân vận`` -> ``dân vận``."""
    return term.rpartition(SPELLING)[2]


TEXT_FIELDS = ("title", "body")


def make_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        hash=fields.COLUMN(columns.VarBytesColumn()),
        origin=fields.COLUMN(columns.VarBytesColumn()),
        day=fields.COLUMN(columns.NumericColumn("I")),
        tlen=fields.COLUMN(columns.NumericColumn("I")),
        blen=fields.COLUMN(columns.NumericColumn("I")),
        minhash=fields.COLUMN(columns.VarBytesColumn()),
        wordprint=fields.COLUMN(columns.VarBytesColumn()),
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


def searchable_body(article: Article) -> str:
    """The body as searched: paragraphs and photo captions."""
    return "\n\n".join([article.body, *article.captions])


def to_document(article: Article, content_hash: str) -> dict:
    """The Whoosh document of an article."""
    title_terms, title_len = terms(article.title)
    body_terms, body_len = terms(searchable_body(article))
    signature, fingerprint = stories.sketch(article.body)
    return {
        "id": article.id,
        "hash": content_hash.encode("ascii"),
        "origin": (article.origin or "").encode("utf-8"),
        "title": title_terms,
        "body": body_terms,
        "day": day_number(article),
        "tlen": title_len,
        "blen": body_len,
        "minhash": signature,
        "wordprint": fingerprint,
        # the article's person keys ("name (place)"): indexer.people makes people of them
        "official": " ".join(official_term(o.key) for o in article.officials),
        "official_title": " ".join(
            f"{official_term(o.key)}|{official_term(t)}" for o in article.officials for t in o.titles
        ),
        "doc": json.dumps(article.to_json(), ensure_ascii=False),
    }


def whoosh_fields(doc: dict) -> dict:
    """The fields of a document that Whoosh keeps (all but the counted text)."""
    return {k: v for k, v in doc.items() if k not in TEXT_FIELDS}


def from_stored(stored: dict) -> Article:
    return Article.from_json(json.loads(stored["doc"]))
