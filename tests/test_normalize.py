"""Vietnamese normalisation: one table per rule, with real words (issue #2, section 3)."""

import unicodedata

import pytest

from indexer import normalize


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    "variant, unified",
    [
        ("hoà", "hòa"), ("hòa", "hòa"),
        ("uỷ", "ủy"), ("ủy", "ủy"),
        ("thuỷ", "thủy"), ("thủy", "thủy"),
        ("khoẻ", "khỏe"), ("khỏe", "khỏe"),
        ("qúy", "quí"), ("quý", "quí"),  # tone placed, and i/y as one (below)
        ("hoá", "hóa"), ("loà", "lòa"),
        ("Tỉnh Uỷ", "tỉnh ủy"),
        ("THUỶ", "thủy"),
    ],
)
def test_tone_placements_become_one_word(variant, unified):
    assert normalize.words(variant) == unified.split()


@pytest.mark.parametrize(
    "word",
    ["người", "được", "giữ", "gì", "giếng", "ngoài", "khuỷu", "toán", "hoàng", "quyết", "thuở", "mía", "cứu"],
)
def test_correct_spellings_stay_as_they_are(word):
    assert normalize.exact(word) == word


@pytest.mark.parametrize(
    "a, b",
    [("kỹ", "kĩ"), ("lý", "lí"), ("Mỹ", "Mĩ"), ("Sỹ", "Sĩ"), ("quý", "quí"), ("ty", "ti"), ("hy", "hi"), ("kỳ", "kì")],
)
def test_i_and_y_spellings_match(a, b):
    assert normalize.exact(a) == normalize.exact(b)
    assert normalize.folded(a) == normalize.folded(b)


@pytest.mark.parametrize("word", ["y", "thủy", "khuya", "gì", "tuyệt", "quyết", "yêu"])
def test_i_y_rule_leaves_other_syllables_alone(word):
    assert normalize.exact(word) == word


@pytest.mark.parametrize(
    "text",
    ["Tỉnh ủy", "Hoàng Văn Nghiệm", "Đường Hoàng Văn Thụ", "ý kiến ở cơ sở", "khoẻ mạnh"],
)
def test_nfd_text_gives_the_same_words_as_nfc(text):
    assert normalize.words(nfd(text)) == normalize.words(text)
    assert normalize.clean(nfd(text)) == text


def test_marks_typed_in_unusual_order_compose():
    # e + acute + circumflex (tone before the vowel mark) is ế
    assert normalize.clean("ti\u0065\u0301\u0302ng") == "tiếng"


@pytest.mark.parametrize(
    "dirty, clean",
    [
        ("Thứ ba,\u00a0 19/01/2021", "Thứ ba,  19/01/2021"),
        ("dân\u200bvận", "dânvận"),
        ("Tỉnh\u00adủy", "Tỉnhủy"),
        ("\ufeffLSO", "LSO"),
        ("\u00d0ồng Đăng", "Đồng Đăng"),  # Ð (eth) typed for Đ
        ("\u00f0ường", "đường"),
    ],
)
def test_clean_removes_invisible_and_lookalike_characters(dirty, clean):
    assert normalize.clean(dirty) == clean


@pytest.mark.parametrize(
    "word, folded",
    [
        ("Đường", "duong"), ("đ", "d"), ("Đắk Lắk", "dak lak"),
        ("dân vận", "dan van"), ("Nghiệm", "nghiem"), ("ưu", "uu"), ("ở", "o"), ("ý", "y"),
        ("Ð", "d"),
    ],
)
def test_folding_drops_every_accent_and_reads_d_bar_as_d(word, folded):
    assert " ".join(normalize.folded(w) for w in word.split()) == folded


def test_folding_works_on_nfd_text_too():
    assert normalize.fold(nfd("Đồng Tháp")) == "Dong Thap"


@pytest.mark.parametrize("text, words", [
    ("ý kiến ở cơ sở", ["ý", "kiến", "ở", "cơ", "sở"]),
    ("á à", ["á", "à"]),
])
def test_one_letter_words_are_words(text, words):
    assert normalize.words(text) == words


def test_tokens_report_offsets_into_the_text_given():
    text = nfd("Tỉnh ủy")
    assert [(text[s:e]) for _, s, e in normalize.tokens(text)] == [w for w, _, _ in normalize.tokens(text)]
    assert len(list(normalize.tokens(text))) == 2


@pytest.mark.parametrize("name, canonical", [
    ("PHƯƠNG DUNG", "Phương Dung"),
    ("hoàng văn nghiệm", "Hoàng Văn Nghiệm"),
    ("Đinh Quang Thuỷ", "Đinh Quang Thủy"),
    (nfd("Triệu Thị Hoà"), "Triệu Thị Hòa"),
])
def test_canonical_names_are_one_spelling_per_person(name, canonical):
    assert normalize.canonical_name(name) == canonical


def test_name_key_is_accent_free_lower_case():
    assert normalize.name_key("Hoàng Văn Nghiệm") == normalize.name_key("hoang van nghiem") == "hoang van nghiem"


def test_an_abbreviation_table_writes_every_long_form_short():
    from indexer.abbreviations import load_default

    table = load_default()
    folded = [normalize.folded(w) for w in "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn".split()]
    assert table.write_short(folded) == ["chu", "tich", "ubnd", "tinh", "lang", "son"]
    assert table.write_short(["chu", "tich", "ubnd", "tinh"]) == ["chu", "tich", "ubnd", "tinh"]


def test_a_number_keeps_its_dots_and_commas_as_vietnamese_writes_it():
    """Thousands with a dot, decimals with a comma, a day.month: one word each; a full stop
    after a number, a unit glued on and TP.HCM's dot are not part of it."""
    text = "Hơn 1.300 hộ nhận 2,4 triệu đồng ngày 19.5 năm 2017. TP.HCM chi 1.300.000đ, 3.5% và 19.5km"
    assert [w for w, _, _ in normalize.tokens(text)] == [
        "Hơn", "1.300", "hộ", "nhận", "2,4", "triệu", "đồng", "ngày", "19.5", "năm", "2017", "TP", "HCM", "chi",
        "1.300.000", "đ", "3.5", "và", "19.5", "km"]


def test_control_characters_are_dropped_and_separators_part_words():
    """An attacker's JSON "\\u001b" reached the index; dropping every control character then
    glued the words an information separator (U+001C-U+001F) or U+0085 parted (a reviewer)."""
    assert normalize.clean("Tin\x00 \x1b[2J\x07mới\x9b") == "Tin [2Jmới"
    assert normalize.clean("Hà\x1eNội\x85Lạng Sơn") == "Hà Nội Lạng Sơn"
    assert normalize.clean("Dòng một\nDòng\thai") == "Dòng một\nDòng hai"
