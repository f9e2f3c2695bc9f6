"""Find the officials an article names, with their titles, as written.

The extractor reads titles, not surnames: a post (``Phó Chủ tịch``, ``Giám đốc``,
``Thiếu tướng``) next to a run of capitalised syllables marks a person, so rare
surnames (``Viên Văn Nỗ``) need no list. A surname list only helps to split a run
such as ``Yên Bái Phạm Thị Thanh Trà`` into a place and a name.

Patterns, all from real articles:

* name, then titles: ``đồng chí Hoàng Văn Nghiệm, Phó Bí thư Thường trực Tỉnh uỷ, Chủ tịch HĐND tỉnh``
* titles, then name: ``Phó Chủ tịch UBND tỉnh Đoàn Thu Hà``, ``Bí thư Tỉnh ủy Yên Bái Phạm Thị Thanh Trà``
* rank, then name: ``Thiếu tướng Nguyễn Văn A, Giám đốc Công an tỉnh``
* a later short reference (``đồng chí Nghiệm``, ``Bộ trưởng Tiến``) goes to the person
  named in full before; it never makes a new person.

:func:`extract` returns :class:`~indexer.models.Official` records with canonical
names (:func:`indexer.normalize.canonical_name`), so one person is one facet value
however the article spells them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from indexer.models import Article, Official
from indexer.normalize import canonical_name, clean, exact, name_key, tokens

EXTRACTOR_VERSION = "1"

# Posts, as exact lower-case word sequences. "phó"/"nguyên"/"quyền" prefixes are
# handled apart, so "Phó Chủ tịch" and "nguyên Bí thư" need no entry of their own.
_POSTS = """
bí thư | tổng bí thư | chủ tịch | chủ tịch nước | thủ tướng | bộ trưởng | thứ trưởng
giám đốc | tổng giám đốc | trưởng ban | trưởng phòng | trưởng đoàn | trưởng khoa
chủ nhiệm | chánh văn phòng | chánh án | chánh thanh tra | viện trưởng | cục trưởng
vụ trưởng | tổng cục trưởng | chi cục trưởng | hiệu trưởng | chủ tịch hđnd | chủ tịch ubnd
tư lệnh | chính ủy | chỉ huy trưởng | trưởng công an | tổng thư ký | thư ký | ủy viên
tỉnh ủy viên | huyện ủy viên | thành ủy viên | đại biểu quốc hội | trưởng thôn | trưởng bản
trưởng ấp | chủ tịch mttq | chủ tịch ủy ban | bí thư đảng ủy | bí thư chi bộ | kiểm sát viên
thẩm phán | tổng biên tập | trưởng phòng cảnh sát | đội trưởng | tiểu đoàn trưởng | trung đoàn trưởng
sư đoàn trưởng | lữ đoàn trưởng | chủ tịch hội | trưởng trạm | trạm trưởng | trưởng ban quản lý
"""
_RANKS = """
đại tướng | thượng tướng | trung tướng | thiếu tướng | đại tá | thượng tá | trung tá | thiếu tá
đại úy | thượng úy | trung úy | thiếu úy
"""
_POST_SEQS = sorted(
    {tuple(exact(w) for w in p.split()) for p in _POSTS.replace("\n", "|").split("|") if p.strip()},
    key=len,
    reverse=True,
)
_RANK_SEQS = {tuple(exact(w) for w in p.split()) for p in _RANKS.replace("\n", "|").split("|") if p.strip()}
_ALL_SEQS = sorted(set(_POST_SEQS) | _RANK_SEQS, key=len, reverse=True)
_PREFIXES = {"phó", "nguyên", "quyền", "phụ", "thường", "trực"}  # "Phó", "nguyên", "Quyền"
_HONORIFICS = {"ông", "bà", "đồng chí", "đ/c", "anh", "chị"}
_HONORIFIC_WORDS = {"ông", "bà", "anh", "chị", "cô", "thầy", "bác"}

# Lower-case words that go on inside the name of a body after a post
# ("Chủ tịch Ủy ban nhân dân tỉnh", "Giám đốc Sở Tài nguyên và Môi trường"). Words
# that are also verbs ("công bố", "chỉ đạo", "phát biểu") count only in the pairs below.
_BODY_WORDS = set(
    exact(w)
    for w in """
tỉnh huyện xã phường quận thị trấn thành phố thường trực nhân dân ủy uỷ ban hội đồng bộ đảng
chi cấp khóa khoá nhiệm kỳ quốc phòng an ninh tế y tài chính nguyên môi trường vận tải xây dựng
thương nghiệp nông lao động giáo dục đào tạo văn hóa hoá thể thao du lịch khoa học kế hoạch đầu
tư nội vụ pháp ngoại tin truyền thuộc mặt trận tổ liên đoàn phụ nữ cựu chiến binh thanh niên
đội quân sự biên viện tòa toà án cảnh chính trị cục sở phòng tổng thanh hợp tác trung ương bệnh
kinh doanh hàng hải không thôn bảo hiểm xã hội lực lượng vũ trang
""".split()
)
_BODY_PAIRS = {
    tuple(exact(w) for w in p.split())
    for p in "công an|công thương|giao thông|kiểm tra|kiểm sát|chỉ huy|tham mưu|phát triển|dự án|"
    "quản lý|công nghệ|công đoàn|quy hoạch|ban quản lý".split("|")
}
_PLACE_WORDS = set(
    exact(w)
    for w in "phường xã đường phố thôn bản ấp quận huyện trường cầu hồ sông núi làng tổ khu "
    "thị trấn xóm chợ đèo cửa khẩu".split()
)
SURNAMES = set(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đoàn Đinh Lương
    Lâm Trịnh Mai Cao Tô Hà Chu Vi Lò Nông Triệu Lục Hứa Mạc Tăng Quách Tạ Thái La Lưu Kiều Tống
    Giang Từ Khổng Đàm Hầu Lã Diệp Bế Lăng Linh Viên Ma Sầm Âu Phùng Nghiêm Trương Đào Thân
    Vương Châu Khúc Lại Kim Lạc Tôn Ninh Ông Nhâm Lữ Doãn Văn Hàn Khương Mẫn Thạch Y Đồng Hán
    Quan Tòng Giáp Cù Mông Mã Lò Hoàng Vàng Sùng Thào Giàng Mùa Lầu Hờ Phương""".split()
)
PROVINCES = [
    canonical_name(p)
    for p in """Hà Nội|Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ|Huế|Lạng Sơn|Cao Bằng|Hà Giang|Lào Cai|
    Yên Bái|Tuyên Quang|Thái Nguyên|Bắc Kạn|Bắc Giang|Bắc Ninh|Quảng Ninh|Hải Dương|Hưng Yên|
    Thái Bình|Nam Định|Ninh Bình|Hà Nam|Vĩnh Phúc|Phú Thọ|Hòa Bình|Sơn La|Điện Biên|Lai Châu|
    Thanh Hóa|Nghệ An|Hà Tĩnh|Quảng Bình|Quảng Trị|Thừa Thiên Huế|Quảng Nam|Quảng Ngãi|Bình Định|
    Phú Yên|Khánh Hòa|Ninh Thuận|Bình Thuận|Kon Tum|Gia Lai|Đắk Lắk|Đắk Nông|Lâm Đồng|Bình Phước|
    Tây Ninh|Bình Dương|Đồng Nai|Bà Rịa Vũng Tàu|Long An|Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|
    Đồng Tháp|An Giang|Kiên Giang|Hậu Giang|Sóc Trăng|Bạc Liêu|Cà Mau|Việt Nam""".split("|")
]
_PROVINCE_SEQS = sorted((tuple(p.split()) for p in PROVINCES), key=len, reverse=True)
_NOT_NAMES = set(
    """Ủy Uỷ Ban Sở Bộ Hội Đảng Mặt Tổ Quốc Công Bệnh Trường Huyện Tỉnh Thành Xã Phường Quận Cục
    Viện Tòa Toà Nhà Đại Trung Chi Văn Phòng Đoàn Thường Chủ Phó Bí Giám Tổng Trưởng Ngày Sáng
    Chiều Tối Theo Trong Tại Với Các Những Năm Tháng Đồng Lễ Hội Nghị Dự Thực Nhân Dân Quân Lực
    Cảnh Sát Thủ Tướng Chính Phủ Nhà Nước Tết Xuân Covid Khu Cụm Cầu Đường Sông Núi Bắc Nam Tây
    Đông Thôn Bản Xóm Ấp Kỳ Khóa Khoá Luật Nghị Quyết Quy Chỉ Thị Dự Án Hợp Tác Xã Tiểu""".split()
)
# Words that can start a name although they are in _NOT_NAMES
_NAME_STARTERS = SURNAMES


@dataclass
class _Word:
    text: str
    low: str  # exact form
    start: int
    end: int
    gap: str  # text between the previous word and this one

    @property
    def is_cap(self) -> bool:
        t = self.text
        return t[:1].isupper() and (len(t) == 1 or t[1:].islower()) and t.isalpha()


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    prev = 0
    for word, start, end in tokens(text):
        out.append(_Word(word, exact(word), start, end, text[prev:start]))
        prev = end
    return out


def _joined(words: list[_Word], i: int) -> bool:
    """Whether word *i* follows word i-1 with nothing but a space between."""
    gap = words[i].gap
    return gap == " " or (gap in (". ", ".") and words[i - 1].text in _ABBREVIATED)


def _by_first(seqs) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in sorted(seqs, key=len, reverse=True):
        out.setdefault(seq[0], []).append(seq)
    return out


_ALL_BY_FIRST = _by_first(_ALL_SEQS)


def _match_seq(words: list[_Word], i: int, seqs: dict[str, list[tuple[str, ...]]]) -> int:
    """Length of the longest sequence in *seqs* (by first word) starting at word *i*, or 0."""
    if i >= len(words):
        return 0
    for seq in seqs.get(words[i].low, ()):
        n = len(seq)
        if i + n <= len(words) and all(words[i + k].low == seq[k] for k in range(n)) and all(
            _joined(words, i + k) for k in range(1, n)
        ):
            return n
    return 0


def _post_at(words: list[_Word], i: int) -> tuple[int, bool]:
    """(length of a post starting at word *i* with its prefixes, whether a rank), or (0, False)."""
    j = i
    while j < len(words) and words[j].low in _PREFIXES and (j == i or _joined(words, j)):
        j += 1
    n = _match_seq(words, j, _ALL_BY_FIRST)
    if not n or (j > i and not _joined(words, j)):
        return 0, False
    return j + n - i, tuple(w.low for w in words[j:j + n]) in _RANK_SEQS


def _body_tail(words: list[_Word], i: int, limit: int = 12) -> int:
    """How many words from *i* continue the name of a body after a post."""
    n = 0
    while n < limit and i + n < len(words) and _joined(words, i + n):
        w = words[i + n]
        if (
            i + n + 1 < len(words)
            and (w.low, words[i + n + 1].low) in _BODY_PAIRS
            and _joined(words, i + n + 1)
        ):
            n += 2
        elif w.low in _BODY_WORDS or w.text.isupper() or (w.text[:1].isupper() and not _starts_person(words, i + n)):
            n += 1
        elif w.low == "và" and i + n + 1 < len(words) and words[i + n + 1].text[:1].isupper():
            n += 1
        else:
            break
    return n


def _starts_person(words: list[_Word], i: int) -> bool:
    """Whether a run of 2+ capitalised words starting at *i* begins with a surname."""
    return (
        words[i].text in SURNAMES
        and i + 1 < len(words)
        and _joined(words, i + 1)
        and words[i + 1].is_cap
        and words[i + 1].text not in _NOT_NAMES
    )


@dataclass
class _Mention:
    name: str
    titles: list[str]


def _name_run(words: list[_Word], i: int) -> int:
    """Length of the run of capitalised name-like words starting at *i*."""
    n = 0
    while i + n < len(words) and words[i + n].is_cap and (n == 0 or _joined(words, i + n)) and n < 8:
        n += 1
    return n


def _split_place(run: list[str], after_place_word: bool) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (place, name); the name may be empty."""
    for seq in _PROVINCE_SEQS:
        if tuple(run[: len(seq)]) == seq:
            return run[: len(seq)], run[len(seq):]
    # After "huyện", "phường"... the run starts with the place's own name (2+ syllables).
    first = 2 if after_place_word else 0
    starts = [i for i, w in enumerate(run) if i >= first and w in SURNAMES and 2 <= len(run) - i <= 4]
    if starts:
        return run[: starts[0]], run[starts[0]:]
    if after_place_word:
        return run, []
    if len(run) > 4:
        return run[:-3], run[-3:]
    return [], run


def _titles_after(text: str, words: list[_Word], i: int) -> list[str]:
    """Titles in ", Title, Title" right after word i-1."""
    titles = []
    while i < len(words) and words[i].gap.strip() == ",":
        n, _ = _post_at(words, i)
        if not n:
            break
        n += _body_tail(words, i + n)
        titles.append(text[words[i].start:words[i + n - 1].end])
        i += n
    return titles


def _good_name(parts: list[str]) -> bool:
    return 2 <= len(parts) <= 5 and parts[0] not in _NOT_NAMES - _NAME_STARTERS and all(
        len(p) <= 7 for p in parts
    )


def _mentions(text: str) -> tuple[list[_Mention], list[tuple[str, str | None]]]:
    """Full-name mentions with their titles, and short references (word, title)."""
    words = _words(text)
    mentions: list[_Mention] = []
    shorts: list[tuple[str, str | None]] = []
    i = 0
    while i < len(words):
        post_len, _ = _post_at(words, i)
        if post_len:
            # titles, then name: walk over the body's name to the person
            tail = _body_tail(words, i + post_len)
            j = i + post_len + tail
            # a capitalised run that the tail swallowed may hold a place and a name
            k = i + post_len
            while k < j and not (words[k].is_cap and _run_reaches(words, k, j)):
                k += 1
            run_start = k if k < j else j
            run_len = _name_run(words, run_start)
            if run_len and _joined(words, run_start):
                run = [w.text for w in words[run_start:run_start + run_len]]
                before = words[run_start - 1].low if run_start > 0 else ""
                place, name = _split_place(run, before in _PLACE_WORDS and before != "tỉnh")
                if len(name) == 1 and not place:
                    shorts.append((name[0], text[words[i].start:words[run_start - 1].end]))
                    i = run_start + run_len
                    continue
                if _good_name(name):
                    title_end = run_start + len(place)
                    title = text[words[i].start:words[title_end - 1].end]
                    after = run_start + run_len
                    mentions.append(_Mention(" ".join(name), [title, *_titles_after(text, words, after)]))
                    i = after
                    continue
            i += post_len
            continue
        run_len = _name_run(words, i)
        if run_len >= 3 and words[i].low in _HONORIFIC_WORDS:
            i += 1  # "Ông Đinh Quang Thủy, Giám đốc...": the honorific opens a sentence
            run_len -= 1
        if run_len >= 2:
            run = [w.text for w in words[i:i + run_len]]
            after = i + run_len
            titles = _titles_after(text, words, after)
            before = words[i - 1].low if i > 0 and _joined(words, i) else ""
            if titles and _good_name(run) and before not in _PLACE_WORDS:
                mentions.append(_Mention(" ".join(run), titles))
                i = after
                continue
            i = after
            continue
        if run_len == 1 and i > 0 and _joined(words, i):
            before = " ".join(w.low for w in words[max(0, i - 2):i])
            if words[i - 1].low in _HONORIFICS or before in _HONORIFICS:
                shorts.append((words[i].text, None))
        i += 1
    return mentions, shorts


def _run_reaches(words: list[_Word], k: int, j: int) -> bool:
    """Whether the capitalised run at *k* runs to the tail end *j* or past it."""
    return k + _name_run(words, k) >= j


def extract(article: Article) -> tuple[Official, ...]:
    """The officials *article* names, in order of first mention."""
    people: dict[str, tuple[str, list[str], set[str]]] = {}  # key -> name, titles, title keys
    author_key = name_key(article.author) if article.author else None
    texts = [article.title, article.lead or "", article.body, *article.captions]
    found: list[_Mention] = []
    shorts: list[tuple[str, str | None]] = []
    for text in texts:
        m, s = _mentions(clean(text))
        found += m
        shorts += s
    for mention in found:
        name = canonical_name(mention.name)
        key = name_key(name)
        if key == author_key:
            continue
        entry = people.setdefault(key, (name, [], set()))
        for title in mention.titles:
            _add_title(entry, title)
    by_given: dict[str, list[str]] = {}
    for key, (name, _, _) in people.items():
        by_given.setdefault(name_key(name.split()[-1]), []).append(key)
    for word, title in shorts:
        keys = by_given.get(name_key(word), [])
        if len(keys) == 1 and title:
            _add_title(people[keys[0]], title)
    return tuple(Official(name, tuple(titles)) for name, titles, _ in people.values())


_SPACES = re.compile(r"\s+")
_ABBREVIATED = {"TP", "Tp", "TX", "TT", "Q", "P"}  # "TP. Hồ Chí Minh"


def _add_title(entry: tuple[str, list[str], set[str]], title: str) -> None:
    title = _SPACES.sub(" ", title).strip(" ,;")
    key = " ".join(exact(w) for w, _, _ in tokens(title))
    if not key or any(k == key or k.startswith(key + " ") for k in entry[2]):
        return  # known, or a shorter form of a title known ("Trưởng ban")
    for i, known in enumerate(list(entry[1])):
        known_key = " ".join(exact(w) for w, _, _ in tokens(known))
        if key.startswith(known_key + " "):  # a longer form replaces the shorter
            entry[1][i] = title
            entry[2].discard(known_key)
            entry[2].add(key)
            return
    entry[2].add(key)
    entry[1].append(title)


def with_officials(article: Article) -> Article:
    """*article* with its officials filled in."""
    return replace(article, officials=extract(article))
