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
  minister sits for a province), and tells nothing against articles that give no place;
* (round 11) a person so made whose titles name bodies that :func:`conflict` is read
  **article by article** (:func:`split`, by :func:`people_of`): each article's titles for
  them name bodies (:func:`bodies`: the police or the army, by a rank or a post; the state's
  civilian bodies, at a district's or a commune's level, a province's or a central one with
  its ministry; a state firm or bank; a newspaper); the bodies of one article are one
  person's (an article giving both posts bridges them); groups of bodies join, the most
  named first, while none of theirs conflicts with another's: the forces and a civilian body
  (but a province's police chief or an officer named by rank alone may come to chair the
  province, and a firm or a newspaper of the police or the army is both), a firm and a
  newspaper, a district's or a commune's government and a central body, two ministries'
  departments. Titles that tell nothing (a bare post, a party, Front or mass organisation's
  post, a deputy's seat, a minister's post, which careers reach from anywhere, a former post)
  join the most named part. Each part is ``name (place, title)``, the title the most used one
  naming a body; an article key may then stand for several people, one per document.
* (round 13) careers, not namesakes: places are one person again when one leads its province
  (a party secretary or deputy secretary, the chair of a People's Committee or Council; a
  city's only for the five cities that are provinces) and another holds a post at the centre
  one holds alone and not beside a province's lead (a minister, a deputy prime minister, a
  central board's head: :func:`_career`); when both give one named local post (``Chủ tịch UBND
  quận 1``: an article placed it in another province) or one rank alone; when a deputy's
  seat for a province names the place of one whose titles there name no body (:func:`_seat`).
  The articles that give no place join the one person all their titles fit, however written
  (:func:`_fits`: ``Chủ nhiệm VP Chính phủ``), or whose titles their bare post begins
  (:func:`_begins`: ``Đại sứ``); a deputy's seat among them tells nothing. A name written
  without accents is one with its other spellings (:func:`_spelling`: ``Sergey``/``Sergei``).

A facet value is a person's :attr:`Person.key`; a bare name asked for (``?official=Trần Văn
Dũng``) stands for every person of that name, and a person's key from before a split
(:attr:`Person.split_from`) for every part of it.

Where it can still be wrong: two namesakes in one province, or both at national level, or
whose articles give neither a province nor a local post, stay one person unless their posts
are of bodies that conflict; namesakes whose posts can be one career (a provincial
vice-chairman and a deputy director of the province's social insurance; a central department
whose title does not name its ministry; a deputy's seat and anything; two US presidents by
the same title) stay one; a local post placed in a neighbouring province its article names
more splits one; one person named in two provinces' posts with no national title in common
(a provincial official moved to another province) becomes two, and so does one who did move
from the police or the army to a civilian post (below a province's chair), from a district
to a central department, or between two ministries' departments, unless an article says both;
so is a career round 13 does not know (a province's police officer who became a deputy
minister of the police, a deputy minister who came to chair a national association): the
rules read titles, not dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from indexer import abbreviations, normalize
from indexer.officials import CENTRAL, deputy_seat, in_forces, is_country, is_rank, national_post
from indexer.officials import is_post as _is_post
from indexer.officials import _province_matches as province_matches  # (the provinces a text names, as read)

_KEY = re.compile(r"^(.*?) \((.+)\)$")
is_post = lru_cache(maxsize=65536)(_is_post)  # (a name's titles are asked again by each rule)
UNPLACED = "chưa rõ nơi"  # the place of a namesake's articles that give none


@dataclass(frozen=True)
class Person:
    """One person of the archive: the facet value *key*, and the article keys it gathers."""

    key: str  # the facet value: the name, or "name (place)" when namesakes are told apart
    name: str
    place: str | None  # the place their titles give (the most named when several)
    members: tuple[str, ...]  # article keys (index terms of the "official" field)
    detail: str | None = None  # for a namesake: their most used title, shown beside the key
    split_from: str | None = None  # for a part of a person split article by article: that person's key

    def names(self) -> set[str]:
        """Every spelling of the name its articles give (a foreign name's: ``Sergey``, ``Sergei``)."""
        return {self.name, *(split_key(k)[0] for k in self.members)}


def split_key(article_key: str) -> tuple[str, str | None]:
    """(name, place) of an article key: ``"Lê Văn Hoa (Khánh Hòa)"`` -> ``("Lê Văn Hoa", "Khánh Hòa")``."""
    match = _KEY.match(article_key)
    return (match.group(1), match.group(2)) if match else (article_key, None)


def _telling(title: str) -> bool:
    """Whether a title is held by one person at a time, so two places sharing it are one
    person's: a national post with its body (``Thứ trưởng Bộ Y tế``), not a deputy's seat
    (hundreds hold it) nor a bare post (``Bộ trưởng``)."""
    return len(title.split()) >= 3 and national_post(title)


@lru_cache(maxsize=65536)  # (a title recurs across a name's places and is read by several rules)
def _title_key(title: str) -> str:
    """A title's folded words, long forms written short (``Ủy ban nhân dân`` = ``UBND``), a
    committee glued to its level parted (``UBNDTP``: ``UBND TP``)."""
    words = [part for w in normalize.words(title) for part in _GLUED.sub(r"\1 \2", normalize.folded(w)).split()]
    table = _abbreviations()
    return " ".join(table.write_short(words) if table else words)


_GLUED = re.compile(r"^(ubnd|hdnd)(tp|tx)$")


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
    spellings: dict[str, dict[str, int]] = {}
    for article_key in counts:
        name, place = split_key(article_key)
        spelling = _spelling(name)
        by_name.setdefault(spelling, {}).setdefault(place, []).append(article_key)
        written = spellings.setdefault(spelling, {})
        written[name] = written.get(name, 0) + counts[article_key]
    people: list[Person] = []
    for spelling, places in by_name.items():
        name = max(spellings[spelling], key=lambda n: (spellings[spelling][n], n))  # (the most used spelling)
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


def _spelling(name: str) -> str:
    """What a name's spellings share: the name itself, or for a name written without accents
    (a foreign one) its folded words with a word's last ``y`` read as ``i`` (round 13:
    ``Sergey Lavrov`` and ``Sergei Lavrov``, ``Moon Jae-in`` and ``Moon Jae In``). A Vietnamese
    name keeps its accents: ``Nguyễn Văn Hùng`` and ``Nguyễn Văn Hưng`` are two names."""
    if normalize.has_accents(name):
        return name
    return re.sub(r"y\b", "i", normalize.name_key(name))


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
    if placed and all(is_rank(t) for t in placed) and {t.lower() for t in placed} & {t.lower() for t in unplaced}:
        return True  # (round 13) placed by a rank alone, and the same rank ("Đại tá" and "Đại tá, Trưởng CAQ …")
    # (round 13) a deputy's seat tells nothing either: a minister sits for a province
    telling = [_title_key(t) for t in unplaced if not is_post(t) and not deputy_seat(t)]
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
    local = {p: {k for k in map(_local_key, titles[p]) if _LOCAL_POST.search(k)} for p in placed}
    for p in placed:  # ranks alone, one the same in two places ("Đại úy" of a team an article places elsewhere)
        if titles[p] and all(is_rank(t) for t in titles[p]):
            local[p].update(f"rank {t.lower()}" for t in titles[p])
    for a_index, a in enumerate(placed):  # (round 13) one career between a province and the centre; one post
        for b in placed[a_index + 1:]:
            if root(a) != root(b) and (_career(titles[a], a, titles[b]) or _career(titles[b], b, titles[a])
                                       or local[a] & local[b] or _seat(titles[a], titles[b], b)
                                       or _seat(titles[b], titles[a], a)):
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
        if not sharing:
            of_group = {r: _merged_titles((k for p in ps for k in places[p]), titles_of) for r, ps in groups.items()}
            fit = {r: _compatible(titles[None], ts) for r, ts in of_group.items()}
            if len(groups) == 1 and (fit[next(iter(groups))] is not False
                                     or _fits(titles[None], of_group[next(iter(groups))], every=False)):
                sharing = list(groups)
            else:  # (round 13) the one group all their titles fit, however written ("VP Chính phủ")
                sharing = [r for r, ts in of_group.items() if _fits(titles[None], ts)]
                if not sharing:  # a bare post that begins the titles of one of them ("Đại sứ")
                    sharing = [r for r, ts in of_group.items() if _begins(titles[None], ts)]
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


# -- (round 13) careers, not namesakes ----------------------------------------------------------
#
# A province's leader (its party secretary or deputy secretary, the chair, not a vice-chair,
# of its People's Committee or Council) and a post at the centre that one holds alone and not beside a province's lead (a
# minister, a deputy prime minister, the head of a central party board or a parliament's
# committee, the youth union's first secretaries) are one career: a chairman becomes a
# minister, a minister a city's party secretary; so few hold such posts that two namesakes
# among them are rare. A membership (the Politburo, the Central Committee) is held beside a
# province's lead and tells nothing: two namesakes sit on the Central Committee.

_CITIES = {"Hà Nội": ("ha noi",), "Hồ Chí Minh": ("hcm", "ho chi minh", "sai gon"), "Hải Phòng": ("hai phong",),
           "Đà Nẵng": ("da nang",), "Cần Thơ": ("can tho",)}  # the cities that are provinces ("TP Hội An" is a town's)
_PROVINCE_LEAD = re.compile(
    r"^(?:(?:nguyen|cuu) )?(?:(?:pho )?bi thu (?:thuong truc )?(?:tinh uy|(?P<party>thanh uy))"
    r"|chu tich (?:ubnd|hdnd) (?:tinh|(?P<city>tp|thanh pho)))(?P<rest>(?: \S+)*)$")
_CENTRE_LEAD = re.compile(
    r"^(?:(?:nguyen|cuu) )?(?:(?:pho )?thu tuong|bo truong|(?:chanh|pho chanh) van phong tu|truong ban \S+(?: \S+)? tu"
    r"|chu nhiem (?:uy ban|ub) (?!nhan dan)|chu nhiem van phong chinh phu|chu tich quoc hoi|chu tich nuoc|tong bi thu"
    r"|bi thu (?:thu nhat |thuong truc )?tu doan)")
# a post of a named commune, ward, district or town ("Chủ tịch UBND quận 1", "Trưởng Công an
# huyện Quế Võ"): one holder at a time, wherever an article places it
_LOCAL_POST = re.compile(r"^(?!(?:nguyen|cuu) ).* (?:xa|phuong|thi tran|huyen|quan|thi xa) (?!(?:nay|do|tren)$)\S+")


def _local_key(title: str) -> str:
    """A title's key with a district or a ward written short written long (``Q. 1``)."""
    return re.sub(r"\b(?:q)(?= )", "quan", re.sub(r"\b(?:p)(?= )", "phuong", _title_key(title)))


def _seat(seat_titles: Mapping[str, int], other_titles: Mapping[str, int], other_place: str) -> bool:
    """Whether a deputy's seat for a province (``ĐBQH TP.HCM``) is the seat of one whose
    titles in that province name no body of theirs (``ĐB``, a bar's post)."""
    return (any(deputy_seat(t) and any(m[2] == other_place for m in province_matches(t)) for t in seat_titles)
            and not any(bodies(t) for t in other_titles))


def _province_lead(title: str, place: str) -> bool:
    match = _PROVINCE_LEAD.match(_title_key(title))
    if not match:
        return False
    if not (match.group("party") or match.group("city")):
        return True
    rest = re.sub(r"^(?:tp|thanh pho)\b ?", "", match.group("rest").strip())
    # a city's party or People's Committee: of one of the cities that are provinces
    return place in _CITIES and (not rest or rest.startswith(_CITIES[place]))


def _career(province_titles: Mapping[str, int], place: str, other_titles: Mapping[str, int]) -> bool:
    """Whether a place's titles lead its province and another place's lead at the centre."""
    return (any(_province_lead(t, place) for t in province_titles)
            and any(_CENTRE_LEAD.match(_title_key(t)) for t in other_titles))


_SHORT = {"va", "cua", "tai", "thuoc", "truc"}


def _fits(unplaced: Mapping[str, int], placed: Mapping[str, int], every: bool = True) -> bool:
    """Whether each title (with *every* false: one title) of a name's articles that give no
    place that names a body is written with the words of one person's titles, or their
    initials (``Chủ nhiệm VP Chính phủ`` and ``Chủ nhiệm Văn phòng Chính phủ``, ``Chủ tịch
    huyện Quế Phong`` and ``Chủ tịch UBND huyện Quế Phong``, ``Đài TNVN``)."""
    vocabulary: set[str] = set()
    for title in placed:
        for words in (_title_key(title).split(), _plain_key(title)):
            vocabulary.update(words)
            for at in range(len(words)):
                for n in range(2, 7):  # ("TANDTC": "Tòa án nhân dân tối cao")
                    vocabulary.add("".join(w[0] for w in words[at:at + n]))
    telling = [t for t in unplaced if not is_post(t) and not deputy_seat(t)]
    return bool(telling) and (all if every else any)(
        min(set(_title_key(t).split()) - _SHORT, set(_plain_key(t)) - _SHORT, key=len) <= vocabulary for t in telling)


def _begins(unplaced: Mapping[str, int], placed: Mapping[str, int]) -> bool:
    """Whether a name's articles that give no place give bare posts only (``Đại sứ``), each
    the beginning of one of a person's titles (``Đại sứ Việt Nam tại Nhật Bản``); not
    ``giám đốc`` beside ``Phó Giám đốc Trung tâm …``."""
    posts = [_title_key(t).split() for t in unplaced if not is_rank(t) and not deputy_seat(t)]
    keys = [_title_key(t).split() for t in placed]
    return bool(posts) and all(is_post(t) for t in unplaced if not is_rank(t) and not deputy_seat(t)) and all(
        any(len(k) > len(p) and k[:len(p)] == p for k in keys) for p in posts)


@lru_cache(maxsize=65536)
def _plain_key(title: str) -> tuple[str, ...]:
    """A title's folded words, as written (long forms left long)."""
    return tuple(normalize.folded(w) for w in normalize.words(title))


def _merged_titles(keys: Iterable[str], titles_of) -> dict[str, int]:
    out: dict[str, int] = {}
    for key in keys:
        for title, n in titles_of(key).items():
            out[title] = out.get(title, 0) + n
    return out


# -- (round 11) namesakes of one place told apart article by article -----------------------
#
# A *body* is what a title tells of where its holder serves, as (kind, level, ministry):
# kind "forces" (the police or the army: a rank, "Công an phường", "Bộ đội Biên phòng"),
# "gov" (the state's civilian bodies: UBND, HĐND, Sở, Cục, Vụ, a ministry), "firm" (state
# enterprises and banks) or "press"; level "below" (a district, a commune, a ward), "province",
# "central", or for the forces "rank"/"general" (a rank alone); ministry the ministry a central
# department belongs to, when the title names it. Titles that tell nothing give no body.

_FORMER = re.compile(r"^(?:nguyên|cựu|từng|former)\b", re.IGNORECASE)
# posts a career reaches from anywhere (a general becomes a minister, a police chief the
# country's president), and parliament's: they tell nothing against a body
_TOP = re.compile(
    r"^(?:[Pp]hó )?(?:[Tt]hủ tướng|[Bb]ộ trưởng|[Tt]hứ trưởng|[Cc]hủ tịch nước|[Tt]ổng [Bb]í thư|[Tt]ổng thống"
    r"|[Nn]goại trưởng|[Cc]hủ tịch Quốc hội|[Tt]hống đốc)\b|Quốc hội|QH\b|Ủy ban (?:Dân nguyện|Pháp luật|Tư pháp"
    r"|Kinh tế|Tài chính|Quốc phòng|Văn hóa|Văn hoá|Xã hội|Khoa học|Đối ngoại|[Cc]ác vấn đề)|Hội đồng Dân tộc")
# the party, the Front and mass organisations (a police chief sits on the province's party
# standing committee; a general chairs the veterans' association): they tell nothing
_PARTY = re.compile(
    r"[Đđ]ảng|[Bb]í thư|[Tt]ỉnh (?:ủy|uỷ)|[Tt]hành (?:ủy|uỷ)|[Hh]uyện (?:ủy|uỷ)|[Qq]uận (?:ủy|uỷ)|[Ủủ]y viên|[Uu]ỷ viên"
    r"|Ban Thường vụ|BTV|Ban (?:Tuyên giáo|Dân vận|Tổ chức|Nội chính|Kinh tế)|(?:Ủy|Uỷ) ban Kiểm tra|UBKT"
    r"|Mặt trận|MTTQ|\b[Hh]ội\b(?! đồng)|\bĐoàn\b|Liên đoàn|Công đoàn|Chính trị viên")
_COUNCIL = re.compile(r"HĐND|[Hh]ội đồng nhân dân")
_FIRM = re.compile(
    r"[Cc]ông ty|[Tt]ập đoàn|HĐQT|Hội đồng quản trị|chi nhánh|Chi nhánh|Sở Giao dịch|[Ss]ở giao dịch"
    r"|[Nn]gân hàng(?! Nhà nước| nhà nước)|\b(?:Agribank|Vietcombank|VietinBank|Vietinbank|BIDV|Sacombank"
    r"|Techcombank|VPBank|SHB|ACB|EVN|PVN|Petrolimex|Vinacomin|Viettel|VNPT|[Cc]ty|CTy|TNHH|MTV)\b"
    r"|[Dd]oanh nghiệp")
_PRESS = re.compile(r"\b(?:[Bb]áo|[Tt]ạp chí|[Tt]ổng [Bb]iên tập|[Tt]hư ký tòa soạn|[Đđ]ài (?:Truyền hình|Phát thanh|PT)"
                    r"|[Tt]òa soạn|VTV|VOV)\b")
_GOV = re.compile(
    r"UBND|HĐND|[Hh]ội đồng nhân dân|(?:Ủy|Uỷ) ban nhân dân|\bSở\b|Chi cục|\bBộ\b|\bCục\b|[Cc]ục trưởng"
    r"|Tổng cục|\bVụ\b|[Vv]ụ trưởng|(?:Ủy|Uỷ) ban|[Tt]hanh tra|[Tt]òa án|TAND|[Vv]iện (?:kiểm sát|KSND)|VKSND|[Cc]hánh án"
    r"|[Kk]ho bạc|BHXH|[Bb]ảo hiểm xã hội|Ban [Qq]uản lý|BQL")
_ROOM = re.compile(r"\b[Pp]hòng\b(?! thủ| chống| cháy)")
_BELOW = re.compile(r"\b(?:[Hh]uyện|[Qq]uận|[Xx]ã|[Pp]hường|[Tt]hị trấn|[Tt]hị xã|[Đđ]ồn|[Đđ]ội|P\.|Q\.)(?=\s|$|\d)")
# a province's or a city's government at its top: a general of the police may chair it
_PROVINCE_TOP = re.compile(r"^(?:[Pp]hó )?(?:[Cc]hủ tịch|[Cc]hủ nhiệm)\b")
# the ministries, as their names read folded and written short, run together ("bo gd dt": "gddt"),
# and the general departments that belong to one ("tong cuc hai quan": the ministry of finance)
_MINISTRIES = ("taichinh", "gddt", "giaoducdaotao", "yte", "nnptnt", "gtvt", "congthuong", "tnmt", "vhttdl",
               "ldtbxh", "khdt", "khcn", "tttt", "tuphap", "noivu", "ngoaigiao", "xaydung")
_SAME_MINISTRY = {"giaoducdaotao": "gddt"}
_MINISTRY_OF = {"haiquan": "taichinh", "thue": "taichinh", "khobac": "taichinh", "thuyloi": "nnptnt",
                "lamnghiep": "nnptnt", "thuysan": "nnptnt", "duongbo": "gtvt", "dulich": "vhttdl",
                "tdtt": "vhttdl", "thethao": "vhttdl", "quanlythitruong": "congthuong",
                "moitruong": "tnmt", "quanlydatdai": "tnmt", "danso": "yte", "thongke": "khdt"}
# bodies of the police or the army that in_forces does not know by name
_MORE_FORCES = re.compile(r"\b(?:[Aa]n ninh|[Hh]ậu cần|[Cc]ảnh vệ|[Tt]ình báo|[Cc]ơ yếu|[Tt]ham mưu|[Tt]uyên huấn|QĐND"
                          r"|PK-KQ|[Qq]uân (?:ủy|uỷ)|[Cc]ứu hộ|[Đđ]ô đốc|[Hh]ải đội|P[ACKV]\d\d)\b")
# teams of civilian bodies that in_forces takes for the police's ("Đội QLTT", "Đội Kiểm lâm")
_CIVIL_TEAM = re.compile(r"QLTT|[Qq]uản lý thị trường|[Kk]iểm lâm")


@dataclass(frozen=True)
class Body:
    """Where a title's holder serves, as far as it tells (see above)."""

    kind: str  # "forces", "gov", "firm", "press"
    level: str  # "below", "province", "central"; for a rank alone "rank" or "general"
    ministry: str | None = None  # a central department's ministry ("taichinh"), when named
    top: bool = False  # a province's government at its top ("Chủ tịch UBND tỉnh")


@lru_cache(maxsize=65536)
def bodies(title: str) -> frozenset[Body]:
    """The bodies a title names, one per part between commas; none for a title that tells
    nothing: a bare post (``Giám đốc``), a deputy's seat, a party, Front or mass organisation's
    post, a former one (``nguyên …``), a minister's or a parliament's post."""
    out = set()
    for part in _parts(title.strip()):
        out |= _body(part)
    return frozenset(out)


def _parts(title: str) -> list[str]:
    """A title's parts between commas, semicolons and ``kiêm`` (not those inside brackets:
    ``Cục Trẻ em (Bộ Lao động, Thương binh và Xã hội)`` is one)."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(title):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ",;" and depth <= 0:
            parts.append(title[start:at])
            start = at + 1
    parts.append(title[start:])
    return [p for part in parts for p in re.split(r"\s+kiêm\s+", part.strip()) if p]


def _body(part: str) -> set[Body]:
    if not part or _FORMER.match(part) or deputy_seat(part):
        return set()
    if is_rank(part):
        return {Body("forces", "general" if part.lower().endswith("tướng") else "rank")}
    if _TOP.search(part):
        return set()
    level = "below" if _BELOW.search(part) else "province"
    if (in_forces(part) and not _CIVIL_TEAM.search(part)) or _MORE_FORCES.search(part):
        # a firm or a newspaper of the police or the army is both: it joins the two
        found = {Body("forces", level)}
        if _FIRM.search(part):
            found.add(Body("firm", level))
        if _PRESS.search(part):
            found.add(Body("press", level))
        return found
    if is_post(part) and not _PRESS.search(part):
        return set()  # "Giám đốc", "Phó Chủ tịch": any body's ("Phó Tổng Biên tập": a newspaper's)
    if _PARTY.search(part) and not _COUNCIL.search(part):  # ("Ban Kinh tế - Ngân sách HĐND": the council's)
        return set()
    if _FIRM.search(part):
        return {Body("firm", level)}
    if _PRESS.search(part):
        return {Body("press", level)}
    if not (_GOV.search(part) or (_ROOM.search(part) and level == "below")):
        # a hospital, a school, an institute: a career goes between them and the state; a bare
        # "Phòng" is a room of any body, the police's too ("Trưởng phòng Tham mưu"), unless a
        # district's ("Phòng GD&ĐT quận Cầu Giấy")
        return set()
    if national_post(part):
        return {Body("gov", "central", _ministry(_title_key(part).split()))}
    return {Body("gov", level, top=bool(level == "province" and _PROVINCE_TOP.match(part)))}


def _ministry(words: list[str]) -> str | None:
    """The ministry a central title names (``… bo gd dt`` -> ``gddt``), or the one its general
    department belongs to (``tong cuc hai quan`` -> ``taichinh``); None when it names none
    this knows."""
    for at in range(len(words) - 1):
        if (words[at], words[at + 1]) == ("tong", "cuc"):
            rest = "".join(words[at + 2:])
            found = next((m for d, m in _MINISTRY_OF.items() if rest.startswith(d)), None)
            if found:
                return found
    for at in range(len(words) - 1, -1, -1):
        if words[at] == "bo" and at + 1 < len(words) and (at == 0 or words[at - 1] != "duong"):
            rest = "".join(words[at + 1:])
            found = next((m for m in _MINISTRIES if rest.startswith(m)), None)
            return _SAME_MINISTRY.get(found, found)
    return None


def conflict(a: Body, b: Body) -> bool:
    """Whether one person cannot hold bodies *a* and *b*, at once or in one career: the forces
    and a civilian body (but a province's police chief, or an officer named by rank alone,
    may come to chair its government); a firm and a newspaper; a district's or a commune's
    government and a central one; the departments of two ministries. (A firm and the state, a
    newspaper and the state, a province's and a central body: careers go between them.)"""
    if a.kind == "forces" or b.kind == "forces":
        if a.kind == b.kind:
            return False
        forces, other = (a, b) if a.kind == "forces" else (b, a)
        return not (other.top and forces.level != "below")  # (a colonel may come to chair a province)
    if {a.kind, b.kind} == {"firm", "press"}:
        return True
    if a.kind == b.kind == "gov":
        if {a.level, b.level} == {"below", "central"}:
            return True
        if a.level == b.level == "central" and a.ministry and b.ministry and a.ministry != b.ministry:
            return True
    return False


def may_split(titles: Iterable[str]) -> bool:
    """Whether a person's titles name bodies that conflict, so that their articles are worth
    reading one by one (:func:`split`)."""
    found = {b for t in titles for b in bodies(t)}
    return any(conflict(a, b) for a in found for b in found)


def split(
    person: Person, doc_titles: Mapping[str, Mapping[Hashable, Iterable[str]]]
) -> list[tuple[Person, dict[str, list[Hashable]]]]:
    """A person made of namesakes, told apart article by article: each article's bodies
    (:func:`bodies` of the titles it gives the person) join those of any article they share
    one with, and the groups so made join while no two of their bodies :func:`conflict` (the
    most named first); the articles that name no body join the most named person. One part
    when nothing conflicts (the person as it was).

    :param doc_titles: article key -> {document (its number, or any id): the titles that
        document gives them}, every document naming them (with no title too).
    :returns: each person with their documents per article key; the person keys are
        ``name (place, title)``, the title the one that names a body most used by them.
    """
    docs = [(key, doc, frozenset(b for t in titles for b in bodies(t)))
            for key, by_doc in sorted(doc_titles.items()) for doc, titles in sorted(by_doc.items())]
    parent: dict[Body, Body] = {}

    def root(b):
        while parent[b] != b:
            b = parent[b]
        return b

    for _, _, found in docs:
        for b in found:
            parent.setdefault(b, b)
        first = next(iter(sorted(found, key=repr)), None)
        for b in found:
            parent[root(b)] = root(first)
    weight: dict[Body, int] = {}
    for _, _, found in docs:
        if found:
            r = root(next(iter(found)))
            weight[r] = weight.get(r, 0) + 1
    components: dict[Body, set[Body]] = {}
    for b in parent:
        components.setdefault(root(b), set()).add(b)
    groups: list[tuple[set[Body], set[Body]]] = []  # (roots, bodies)
    for r in sorted(components, key=lambda r: (-weight.get(r, 0), repr(r))):
        for roots, found in groups:
            if not any(conflict(a, b) for a in found for b in components[r]):
                roots.add(r)
                found |= components[r]
                break
        else:
            groups.append(({r}, set(components[r])))
    if len(groups) < 2:
        return [(person, {k: sorted(d) for k, d in doc_titles.items()})]
    parts: list[dict[str, list[Hashable]]] = [{} for _ in groups]
    titles: list[dict[str, int]] = [{} for _ in groups]
    for key, doc, found in docs:
        at = next((i for i, (roots, _) in enumerate(groups) if found and root(next(iter(found))) in roots), 0)
        parts[at].setdefault(key, []).append(doc)
        for t in doc_titles[key][doc]:
            titles[at][t] = titles[at].get(t, 0) + 1
    out = []
    for members, counted in zip(parts, titles):
        places: dict[str | None, int] = {}
        for key, ds in members.items():
            places[split_key(key)[1]] = places.get(split_key(key)[1], 0) + len(ds)
        named = {p: n for p, n in places.items() if p is not None}
        place = max(named, key=lambda p: (named[p], p)) if named else None
        telling = {t: n for t, n in counted.items() if bodies(t)}
        label = max(telling, key=lambda t: (not is_rank(t), telling[t], -len(t), t))
        label = re.sub(r"\s*\(([^()]*)\)", r", \1", label)  # "Vụ Pháp chế (Bộ Y tế)": "Vụ Pháp chế, Bộ Y tế"
        key = f"{person.name} ({place}, {label})" if place else f"{person.name} ({label})"
        out.append((Person(key, person.name, place, tuple(sorted(members)), None, person.key), members))
    return out


def people_of(
    counts: Mapping[str, int],
    titles_of: Callable[[str], Mapping[str, int]],
    doc_titles_of: Callable[[Person], Mapping[str, Mapping[Hashable, Iterable[str]]]],
) -> tuple[list[Person], dict[str, dict[Hashable, str]]]:
    """The people of the archive: :func:`group`, then :func:`split` for each person whose
    titles :func:`may_split` (only their documents' titles are asked for, *doc_titles_of*:
    article key -> {document: titles}, every document naming them included). Returns the
    people and, for the article keys of people so split, {document: person key}."""
    grouped = group(counts, titles_of)
    taken = {p.key for p in grouped}
    persons: list[Person] = []
    doc_person: dict[str, dict[Hashable, str]] = {}
    for person in grouped:
        if not may_split(t for k in person.members for t in titles_of(k)):
            persons.append(person)
            continue
        parts = split(person, doc_titles_of(person))
        for part, members in parts:
            if len(parts) > 1 and part.key in taken:  # (a key names one person)
                part = Person(f"{part.key} [{len(persons)}]", part.name, part.place, part.members, None, person.key)
            persons.append(part)
            if len(parts) > 1:
                for key, docs in members.items():
                    doc_person.setdefault(key, {}).update(dict.fromkeys(docs, part.key))
    return persons, doc_person
