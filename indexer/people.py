"""People, not strings: which officials of the archive are one person (issue #11).

Each article's officials carry an *article key* decided at index time
(:attr:`indexer.models.Official.key`): the canonical name, with the place the article's
titles give for the post when they give one (``Trần Văn Dũng (Đà Nẵng)``,
``Trần Văn Dũng (trung ương)``), or, for a local post whose titles name no province, the
province the article gives it (:func:`indexer.officials.extract`), else the name alone. The index stores these keys;
:func:`group` makes people of them across the archive, for the officials facet:

* a name whose articles give one place at most is **one person**: every spelling and
  shortening of the name already became one canonical name in each article, and the
  articles that give no place join the one that does, unless their titles name a body
  that none of its titles names (``Chủ tịch UBND xã Vân Xuân`` beside ``Giám đốc Công an
  tỉnh Lai Châu``), or give only a rank beside titles of neither a rank nor the police or
  the army (``Thiếu tá`` beside ``Chủ tịch UBND xã Đức Liên``): then they are someone else,
  ``name (chưa rõ nơi)``;
* a name whose articles give **two places or more** is as many people, one per place
  (two namesakes who hold posts in different provinces, or one in a province and one at
  national level), each shown as ``name (place)`` with their most used title; two such
  places are one person again when they share a national title (``Ủy viên Bộ Chính trị``,
  ``Thứ trưởng Bộ Y tế``: one person at a time holds it), as a leader who moved from a
  province to a ministry does, and a foreign country with national posts that do not name
  it are one country's;
* the articles of such a name that give no place join the one person they share a
  national title with, or else stay apart as ``name (chưa rõ nơi)`` (which of the
  namesakes they mean, the articles do not say).
* (round 8) a place given by a deputy's seat alone (``ĐB X (TP.HCM)``: the province the
  article writes after the name) joins the person's national posts when there are some (a
  minister sits for a province), and tells nothing against articles that give no place.

A facet value is a person's :attr:`Person.key`; a bare name asked for (``?official=Trần Văn
Dũng``) stands for every person of that name.

Where it can still be wrong: two namesakes in one province, or both at national level, or
whose articles give neither a province nor a local post, stay one person; a local post
placed in a neighbouring province its article names more splits one; one person named in
two provinces' posts with no national title in common (a provincial official moved to
another province) becomes two.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from indexer import abbreviations, normalize
from indexer.officials import CENTRAL, deputy_seat, in_forces, is_country, is_post, is_rank, national_post

_KEY = re.compile(r"^(.*?) \((.+)\)$")
UNPLACED = "chưa rõ nơi"  # the place of a namesake's articles that give none


@dataclass(frozen=True)
class Person:
    """One person of the archive: the facet value *key*, and the article keys it gathers."""

    key: str  # the facet value: the name, or "name (place)" when namesakes are told apart
    name: str
    place: str | None  # the place their titles give (the most named when several)
    members: tuple[str, ...]  # article keys (index terms of the "official" field)
    detail: str | None = None  # for a namesake: their most used title, shown beside the key


def split_key(article_key: str) -> tuple[str, str | None]:
    """(name, place) of an article key: ``"Lê Văn Hoa (Khánh Hòa)"`` -> ``("Lê Văn Hoa", "Khánh Hòa")``."""
    match = _KEY.match(article_key)
    return (match.group(1), match.group(2)) if match else (article_key, None)


def _telling(title: str) -> bool:
    """Whether a title is held by one person at a time, so two places sharing it are one
    person's: a national post with its body (``Thứ trưởng Bộ Y tế``), not a deputy's seat
    (hundreds hold it) nor a bare post (``Bộ trưởng``)."""
    return len(title.split()) >= 3 and national_post(title)


def _title_key(title: str) -> str:
    """A title's folded words, long forms written short (``Ủy ban nhân dân`` = ``UBND``)."""
    words = [normalize.folded(w) for w in normalize.words(title)]
    table = _abbreviations()
    return " ".join(table.write_short(words) if table else words)


@lru_cache(maxsize=1)
def _abbreviations():
    return abbreviations.load_default()


def group(
    counts: Mapping[str, int], titles_of: Callable[[str], Mapping[str, int]]
) -> list[Person]:
    """People of the archive from its article keys.

    :param counts: article key -> number of articles naming it.
    :param titles_of: article key -> {title: number of articles}; asked only for the keys
        of names with namesakes to tell apart.
    """
    by_name: dict[str, dict[str | None, list[str]]] = {}
    for article_key in counts:
        name, place = split_key(article_key)
        by_name.setdefault(name, {}).setdefault(place, []).append(article_key)
    people: list[Person] = []
    for name, places in by_name.items():
        placed = [p for p in places if p is not None]
        if not placed or (len(placed) == 1 and (
            None not in places
            or _compatible(titles_of(places[None][0]), _merged_titles(places[placed[0]], titles_of)) is not False
        )):  # (a deputy's seat alone tells nothing: see _compatible)
            members = tuple(k for keys in places.values() for k in keys)
            people.append(Person(name, name, placed[0] if placed else None, members))
            continue
        people += _namesakes(name, places, counts, titles_of)
    return people


def _compatible(unplaced: Mapping[str, int], placed: Mapping[str, int]) -> bool | None:
    """Whether the titles of a name's articles that give no place can be those of the person
    a place was given for: True when one of them names a body and can be the same post as one
    of the placed titles (:func:`_same_post`: ``Phó Chủ tịch UBND tỉnh`` and ``Phó Chủ tịch UBND
    tỉnh Quảng Nam``, ``Trưởng khoa Ngoại thần kinh`` with its hospital written two ways); None
    when they name no body (``Đại biểu``, or a rank beside a post of the police or the army:
    they tell nothing); False else (``Chủ tịch UBND xã Vân Xuân`` and ``Giám đốc Công an tỉnh
    Lai Châu`` are two people, and so are ``Thiếu tá`` and ``Chủ tịch UBND xã Đức Liên``: the
    press names soldiers and police officers by their rank, and the other by no rank)."""
    if placed and all(deputy_seat(t) for t in placed):
        return None  # (round 8) placed by a deputy's seat alone ("ĐB X (TP.HCM)"): any post may be theirs
    if unplaced and all(is_rank(t) for t in unplaced) and not any(in_forces(t) for t in placed):
        return False  # "Thiếu tá" and "Chủ tịch UBND xã Đức Liên": the press names army and police people by rank
    telling = [_title_key(t) for t in unplaced if not is_post(t)]
    if not telling:
        return None
    keys = [_title_key(t).split() for t in placed]
    return any(_same_post(a.split(), b) for a in telling for b in keys)


_LEVELS = {"tinh", "huyen", "xa", "phuong", "quan", "thi", "tp", "thanh", "tx"}


def _same_post(a: list[str], b: list[str]) -> bool:
    """Whether two titles' keys can be one post: one begins the other, or they share four
    words or more and do not then part at two levels (``… UBND xã`` and ``… UBND tỉnh``) or at
    two places (``… UBND TP Hội An`` and ``… UBND TP Hà Nội``)."""
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    if n == min(len(a), len(b)):
        return True
    # not when they part at two levels or at two places of one level ("UBND TP Hội An", "UBND TP Hà Nội")
    return n >= 4 and not (a[n] in _LEVELS and b[n] in _LEVELS) and a[n - 1] not in _LEVELS


def _namesakes(name, places, counts, titles_of) -> list[Person]:
    """The people of one name whose articles give several places (see the module's doc)."""
    titles = {p: _merged_titles(keys, titles_of) for p, keys in places.items()}
    telling = {p: {_title_key(t) for t in ts if _telling(t)} for p, ts in titles.items()}
    parent = {p: p for p in places if p is not None}

    def root(p):
        while parent[p] != p:
            p = parent[p]
        return p

    placed = sorted(parent)
    countries = [p for p in placed if is_country(p)]
    if CENTRAL in parent and len(countries) == 1:
        parent[CENTRAL] = countries[0]  # "Bộ trưởng Ngoại giao" and "Ngoại trưởng Trung Quốc": one country's
    for a_index, a in enumerate(placed):
        for b in placed[a_index + 1:]:
            if telling[a] & telling[b]:
                parent[root(b)] = root(a)
    deputy_only = {p: bool(titles[p]) and all(deputy_seat(t) for t in titles[p]) for p in placed}
    if CENTRAL in parent:
        for p in placed:  # (round 8) a deputy's seat in a province, beside national posts: a minister sits for one
            if p != CENTRAL and deputy_only[p]:
                parent[root(p)] = root(CENTRAL)
    groups: dict[str, list[str | None]] = {}
    for p in placed:
        groups.setdefault(root(p), []).append(p)
    if None in places:  # the articles that give no place: to the one group they share a national title with
        sharing = [r for r, ps in groups.items() if any(telling[None] & telling[p] for p in ps)]
        if not sharing and len(groups) == 1 and _compatible(titles[None], titles[next(iter(groups))]) is not False:
            sharing = list(groups)
        if len(sharing) == 1:
            groups[sharing[0]].append(None)
        else:
            groups[None] = [None]
    out = []
    for members_places in groups.values():
        members = tuple(k for p in members_places for k in places[p])
        size = {p: sum(counts[k] for k in places[p]) for p in members_places if p is not None}
        if any(not deputy_only[p] for p in size):
            size = {p: n for p, n in size.items() if not deputy_only[p]}  # a minister is shown by his posts, not his seat
        place = max(size, key=lambda p: (size[p], p)) if size else None
        merged: dict[str, int] = {}
        for p in members_places:
            for title, n in titles[p].items():
                merged[title] = merged.get(title, 0) + n
        # the most used title that names a body ("Giám đốc Công an tỉnh", not "Thiếu tướng")
        detail = max(merged, key=lambda t: (not is_post(t), merged[t], t)) if merged else None
        key = name if len(groups) == 1 else f"{name} ({place or UNPLACED})"
        out.append(Person(key, name, place, members, detail if len(groups) > 1 else None))
    return out


def _merged_titles(keys: Iterable[str], titles_of) -> dict[str, int]:
    out: dict[str, int] = {}
    for key in keys:
        for title, n in titles_of(key).items():
            out[title] = out.get(title, 0) + n
    return out
