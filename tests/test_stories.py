"""One story once: copies of a story are grouped, and a search shows the story once (issue #15).

tests/data/stories holds an article written for these tests (original.txt), another
report of the same event, written separately (separately-written.txt), a report written
from the same press release (same-release.txt: most of its three-word phrases are the
original's, few of its ten-word runs), the next day's follow-up that repeats its
background under a new lead (follow-up.txt), the paragraphs of three days' weather
bulletins (bulletins/), each day repeating part of the day before, the frame of a
price bulletin published every ten days (price-bulletin.txt), the report retold by another
outlet around three of its paragraphs (retold.txt) and the other items of a week's
round-up (round-up-items.txt). The copies are made
from the original the way aggregators republish: another title, a dateline, a
paragraph cut, numbers written another way, a day later.
"""

from __future__ import annotations

import json
import re
import threading

import numpy as np
import pytest

from indexer import indexing, layout, normalize, parsing, schema, snapshot, stories
from indexer.cli import cli
from indexer.searching import COPIES_SHOWN, SearchRequest, Searcher
from tests.conftest import SAMPLE_DATA, TEST_DATA, write_jsonl
from webui import create_app

STORIES = TEST_DATA / "stories"
SITE = TEST_DATA / "site"


def republished(text: str, *, date: str = "Thứ Tư, 13/05/2026", title: str | None = None) -> str:
    """The original as an aggregator republishes it."""
    lines = text.split("\n")
    lines[0] = date
    lines[2] = title or "Hơn 2.000 hộ dân Lạng Sơn chuyển sang trồng na, hồng, quýt"
    out = "\n".join(lines)
    out = out.replace("LSO-Sáng nay (12/5)", "(LSO) - Sáng 12/5")
    out = out.replace("1.350 ha", "1350 ha").replace("Nhiều mô hình bước đầu cho hiệu quả rõ rệt. ", "")
    cut = out.index("Dịp này")
    return out[:cut] + out[out.index("NGỌC ANH"):]


def next_meeting(text: str) -> str:
    """The original as a template for the next meeting's report ten days later: the
    same frame, other figures, and another paragraph for the speech."""
    speech = next(p for p in text.split("\n\n") if p.startswith("Phát biểu"))
    bank = (STORIES / "follow-up.txt").read_text(encoding="utf-8").split("\n\n")[-2]
    for old, new in (("Thứ Ba, 12/05/2026 10:20", "Thứ Sáu, 22/05/2026"), ("(12/5)", "(22/5)"),
                     ("1.350", "1.420"), ("2.000 hộ", "2.150 hộ"), ("20%", "25%"), ("15 đến 25", "18 đến 27"),
                     ("12 tập thể và 18", "9 tập thể và 14"), (speech, bank)):
        assert old in text
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The original, two copies, the separate report, and the next meeting's report ten
    days later, written on the original as a template: indexed."""
    root = tmp_path_factory.mktemp("stories")
    src = root / "src"
    src.mkdir()
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    (src / "lso-goc.txt").write_text(original, encoding="utf-8")
    (src / "tonghop-ban-sao.txt").write_text(republished(original), encoding="utf-8")
    (src / "baomoi-ban-sao.txt").write_text(
        republished(original, date="Thứ Năm, 14/05/2026", title="Chuyển đổi cây trồng trên đất dốc ở Lạng Sơn"),
        encoding="utf-8")
    (src / "bai-rieng.txt").write_text((STORIES / "separately-written.txt").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    (src / "tuan-sau.txt").write_text(next_meeting(original), encoding="utf-8")
    index = root / "index"
    indexing.update(index, [src])
    return index


def _group(texts: list[str], days: list[int], live: list[bool] | None = None) -> list[int]:
    """The stories of written articles (text files' content), grouped as the index does."""
    articles = [parsing.parse_text(t, f"a{i}", f"a{i}")[0] for i, t in enumerate(texts)]
    bodies = [a.body for a in articles]
    sketches = [stories.sketch(b) for b in bodies]
    sigs = np.frombuffer(b"".join(s for s, _ in sketches), "<u2").reshape(len(texts), stories.K)
    words = np.array([len(normalize.words(b)) for b in bodies])
    alive = np.ones(len(texts), bool) if live is None else np.array(live)
    return stories.group(sigs, words, np.array(days), alive, [f for _, f in sketches].__getitem__,
                         bodies.__getitem__, title=lambda i: articles[i].title).tolist()


def _article(date: str, title: str, paragraphs: list[str]) -> str:
    return "\n\n".join([date, title, *paragraphs])


def test_a_republished_copy_is_grouped_and_another_report_of_the_event_is_not():
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    texts = [original, republished(original), (STORIES / "separately-written.txt").read_text(encoding="utf-8")]
    assert _group(texts, [20260512, 20260513, 20260512]) == [0, 0, 2]
    # republished three weeks later, nearly whole, it is still a copy
    assert _group(texts[:2], [20260512, 20260602]) == [0, 0]
    # a deleted copy groups nothing
    assert _group(texts, [20260512, 20260513, 20260512], [True, False, True]) == [0, 1, 2]
    # identical text, identical sketches; no words, no signature to match
    assert stories.sketch(original) == stories.sketch(original)
    assert stories.sketch("") == (stories.EMPTY, b"")


def test_a_report_written_from_the_same_press_release_is_not_a_copy():
    """It shares most of the original's three-word phrases (names, titles, figures: the
    earlier rule grouped it) but few runs of ten words, which a republished copy keeps."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    release = (STORIES / "same-release.txt").read_text(encoding="utf-8")
    words = [normalize.words(parsing.parse_text(t, "x", "x")[0].body) for t in (original, release)]
    phrases = [{tuple(normalize.folded(w) for w in ws[i:i + 3]) for i in range(len(ws) - 2)} for ws in words]
    assert len(phrases[0] & phrases[1]) / min(map(len, phrases)) >= 0.64  # the earlier rule's threshold
    assert _group([original, release], [20260512, 20260512]) == [0, 1]
    # while the aggregator's copy, cut and retitled, keeps its runs
    shorter, longer = stories.covered(stories.sketch(republished(original))[1], stories.sketch(original)[1])
    assert shorter > 0.85 and longer > 0.75


def test_a_follow_up_the_next_day_that_repeats_the_background_is_not_a_copy(monkeypatch):
    """The next day's article repeats most of the original under a new lead: the same
    day that share would make it a copy, a day later it is a follow-up. Half of both
    bodies are shared, as in a lightly edited copy of the day before, but the repeated
    paragraphs are whole and its own sentences new: too few of the original's sentences
    have a counterpart for a copy on another day (SENTENCES_KEPT_OTHER_DAY). It names the
    day of its news (``Sáng 13/5``), after the original's: it is judged as another day's
    (round 9: a next-day article that names no newer day is judged as the same day's)."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    follow_up = (STORIES / "follow-up.txt").read_text(encoding="utf-8")
    shorter, _ = stories.covered(*(stories.sketch(parsing.parse_text(t, "x", "x")[0].body)[1]
                                   for t in (original, follow_up)))
    assert stories.COVERED <= shorter < stories.COVERED_OTHER_DAY
    assert _group([original, follow_up], [20260512, 20260513]) == [0, 1]
    assert _group([original, follow_up], [20260513, 20260513]) == [0, 0]
    shorter, longer, kept = _shares(original, follow_up)
    assert shorter >= stories.COVERED_BOTH and longer >= stories.COVERED_BOTH_LONGER
    assert stories.SENTENCES_KEPT <= kept < stories.SENTENCES_KEPT_OTHER_DAY
    monkeypatch.setattr(stories, "SENTENCES_KEPT_OTHER_DAY", stories.SENTENCES_KEPT)
    # (round 10's rule parts it too: it names 13/5 and not the original's 12/5, another day's edition)
    monkeypatch.setattr(stories, "NEW_EDITION_DAYS", 0)
    assert _group([original, follow_up], [20260512, 20260513]) == [0, 0]
    monkeypatch.undo()
    assert "Sáng 13/5" in follow_up  # without the day of its news, it would read as the same day's news
    assert _group([original, follow_up.replace("Sáng 13/5", "Sáng 12/5")], [20260512, 20260513]) == [0, 0]


def _sample_bodies(count: int) -> list[str]:
    """Bodies of our own sample articles (130-180 words each: short items of a digest)."""
    return [parsing.parse_text(p.read_text(encoding="utf-8"), p.stem, p.stem)[0].body
            for p in sorted((SAMPLE_DATA / "articles").rglob("*.txt"))[:count]]


def _body(text: str) -> str:
    return parsing.parse_text(text, "x", "x")[0].body


def test_a_digest_joins_one_story_it_holds_not_two_and_no_short_item():
    """The week's digest holds the original and the separately written report whole,
    among short items of other news. Each of the two is a small part of the digest (too
    little of the longer for a copy, COVERED_LONGER), but a text of a few hundred words
    whole in another is a cut republished (CUT_WORDS): the digest may join one of them,
    never both, which share no runs of ten words (PART): a digest holding two stories is
    not one story. A short item (fewer than CUT_WORDS words) stays on its own."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    separate = (STORIES / "separately-written.txt").read_text(encoding="utf-8")
    others = _sample_bodies(20)
    digest = _article("Thứ Tư, 13/05/2026", "Điểm tin tuần qua", [_body(original), _body(separate), *others])
    shorter, longer = stories.covered(stories.sketch(_body(original))[1], stories.sketch(_body(digest))[1])
    assert shorter > 0.95 and longer < stories.COVERED_LONGER
    short_item = _article("Thứ Ba, 12/05/2026", "Tin ngắn", [others[3]])
    texts = [original, separate, digest, short_item]
    days = [20260512, 20260512, 20260513, 20260512]
    grouped = _group(texts, days)
    assert grouped[0] != grouped[1]  # two stories stay two
    assert grouped[2] in (grouped[0], grouped[1])  # the digest joins the closer one
    assert grouped[3] == 3  # the short item is not a copy of the digest
    assert _group([texts[0], texts[2]], days[:2]) == [0, 0]  # alone, the story joins its digest
    # without the rule of parts, the digest would chain the two stories into one
    import unittest.mock
    with unittest.mock.patch.object(stories, "PART", 0.0):
        chained = _group(texts, days)
    assert chained[0] == chained[1] == chained[2]


def test_a_cut_of_a_long_report_is_found_and_grouped(monkeypatch):
    """An outlet republishes the original cut out of a long report that holds it among
    much else: most of the cut lies in the report (CUT_WORDS words and COVERED_CUT of it),
    a small share of the report. Their three-word phrases overlap little (a Jaccard
    similarity near 0.1), so the signatures' bands miss the pair; the anchors (sampled runs
    of ten words) make it a candidate."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    report = _article("Thứ Ba, 12/05/2026", "Lạng Sơn: tổng hợp tình hình kinh tế - xã hội tháng 5",
                      [*_sample_bodies(8), _body(original), *_sample_bodies(20)[8:]])
    cut = republished(original)
    sig_cut, print_cut = stories.sketch(_body(cut))
    sig_report, print_report = stories.sketch(_body(report))
    shorter, longer = stories.covered(print_cut, print_report)
    assert shorter >= stories.COVERED_CUT and longer < stories.COVERED_LONGER
    equal = np.frombuffer(sig_cut, "<u2") == np.frombuffer(sig_report, "<u2")
    assert equal.mean() < 0.16
    assert not equal[:stories.BANDS * stories.ROWS].reshape(stories.BANDS, stories.ROWS).all(axis=1).any()  # no band
    assert _group([cut, report], [20260513, 20260512]) == [0, 0]
    monkeypatch.setattr(stories, "ANCHORS", 10**6)  # without the anchors: not even compared
    assert _group([cut, report], [20260513, 20260512]) == [0, 1]
    monkeypatch.setattr(stories, "ANCHOR_BITS", 63)  # no run is an anchor (short bodies): no candidate, no error
    assert _group([cut, report], [20260513, 20260512]) == [0, 1]
    monkeypatch.undo()
    monkeypatch.setattr(stories, "CUT_WORDS", 10**6)  # without the rule of cuts: too small a part of the report
    assert _group([cut, report], [20260513, 20260512]) == [0, 1]


def price_bulletin(date: int, issue: int) -> str:
    """A price bulletin published every ten days: the same frame, with that time's prices."""
    frame = (STORIES / "price-bulletin.txt").read_text(encoding="utf-8")
    prices = {k: f"{10 + 7 * n + issue}.000" for n, k in enumerate("abcdefghijkl")}
    trend = ("tăng nhẹ", "giảm nhẹ", "ổn định")[issue % 3]
    return frame.format(date=date, trend=trend, supply="ổn định", **prices)


def test_template_bulletins_of_other_dates_are_not_copies():
    """Price bulletins ten days apart share their frame (most of their text in shared runs),
    but not their prices: more than MAX_DAYS apart, a pair is a copy only when the
    shorter lies nearly whole (COVERED_WHOLE) in the longer, as a republished text does."""
    issues = [price_bulletin(1, 0), price_bulletin(11, 1), price_bulletin(21, 2)]
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    for a, b in ((issues[0], issues[1]), (original, next_meeting(original))):
        shorter, longer = stories.covered(*(stories.sketch(parsing.parse_text(t, "x", "x")[0].body)[1]
                                            for t in (a, b)))
        assert stories.COVERED_OTHER_DAY <= min(shorter, longer) and max(shorter, longer) < stories.COVERED_WHOLE
    assert _group(issues, [20260501, 20260511, 20260521]) == [0, 1, 2]
    assert _group([original, next_meeting(original)], [20260512, 20260522]) == [0, 1]
    # one bulletin republished a month later is a copy
    assert _group([issues[0], issues[0]], [20260501, 20260601]) == [0, 0]


def test_a_report_republished_weeks_later_under_a_lead_of_its_own_is_a_copy():
    """Round 8 (issue #15): an outlet republishes the conference report three weeks later
    with a lead of its own and the rest whole: 87% of it in shared runs, under the 90%
    asked of a pair so far apart before round 8, over the 80% asked now (COVERED_WHOLE).
    The template articles of other dates (price bulletins, the next meeting's report),
    whose figures break a run every few words, share 70-73% and stay apart (above)."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    lead = original.split("\n\n")[2]
    assert lead.startswith("LSO-Sáng nay (12/5)")
    later = original.replace(lead, "Một năm sau khi đề án chuyển đổi cây trồng trên đất dốc được triển khai, "
                                   "nhiều hộ dân ở vùng núi đá Lạng Sơn đã có nguồn thu ổn định từ na, hồng và "
                                   "quýt, thay cho cây ngô, cây sắn trước đây.")
    shorter, longer, _ = _shares(original, later)
    assert stories.COVERED_WHOLE <= min(shorter, longer) < 0.9
    assert _group([original, later], [20260512, 20260602]) == [0, 0]
    for a, b in ((price_bulletin(1, 0), price_bulletin(11, 1)), (original, next_meeting(original))):
        assert max(_shares(a, b)[:2]) < stories.COVERED_WHOLE


def test_filler_repeated_down_a_page_is_not_evidence_of_a_copy(monkeypatch):
    """A sports site's schedule page and results page, published the same minute, share
    their table of empty cells ('chưa có kết quả' in every cell) and a line of links: runs
    of words repeated down one page are filler. Without that rule they were grouped."""
    rounds = "Vòng một, Vòng hai, Vòng ba, Tứ kết, Bán kết, Chung kết"
    table = "Giải năm nay: " + "chưa có kết quả; " * 30 + "Xem toàn bộ lịch, bảng điểm và tin quần vợt khác."
    pages = [_article("Thứ Hai, 02/02/2026 20:45", title, [order, table, lead])
             for title, order, lead in (
                 ("Lịch thi đấu quần vợt đơn nam mới nhất", rounds,
                  "Lễ bốc thăm giải đấu xếp hai tay vợt hàng đầu vào cùng một nhánh."),
                 ("Kết quả thi đấu quần vợt đơn nữ mới nhất", ", ".join(reversed(rounds.split(", "))),
                  "Hạt giống số một dừng bước ngay vòng hai sau ba ván đấu."))]
    assert _group(pages, [20260202, 20260202]) == [0, 1]
    monkeypatch.setattr(stories, "FILLER", 10**9)
    assert _group(pages, [20260202, 20260202]) == [0, 0]
    # pages that repeat their lead (as the summary, a caption and the first paragraph)
    # keep it: all of their shared runs count, as without the rule
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    lead = original.split("\n\n")[2]
    thrice = original.replace(lead, f"{lead}\n\n{lead}\n\n{lead}")
    pair = [thrice, republished(thrice)]
    fingerprints = [stories.sketch(parsing.parse_text(t, "x", "x")[0].body)[1] for t in pair]
    without_rule = stories.covered(*fingerprints)
    monkeypatch.undo()
    assert stories.covered(*fingerprints) == without_rule
    assert _group(pair, [20260512, 20260512]) == [0, 0]


def _shares(a: str, b: str) -> tuple[float, float, float]:
    """The share of the shorter and of the longer body in shared runs of ten words, and
    the share of the shorter in sentences with a counterpart in the longer."""
    prints = sorted((stories.sketch(parsing.parse_text(t, "x", "x")[0].body)[1] for t in (a, b)),
                    key=lambda f: len(stories.words_and_sentences(f)[0]))
    shorter, longer = stories.covered(*prints)
    return shorter, longer, stories.sentences_kept(*map(stories.words_and_sentences, prints))


def test_a_text_lightly_edited_in_every_sentence_is_a_copy_the_same_day(monkeypatch):
    """Another outlet's rewrite of the original (lightly-edited.txt): every sentence kept
    in order, a word changed or added here and there, which breaks a run of ten words every
    sentence or two: too few shared runs for the plain rule, but half of both bodies, and
    every sentence of the shorter has its counterpart. The next day too (an outlet's copy
    of yesterday's report); two days apart, see
    test_a_text_edited_throughout_is_a_copy_up_to_three_days_later."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    edited = (STORIES / "lightly-edited.txt").read_text(encoding="utf-8")
    shorter, longer, kept = _shares(original, edited)
    assert stories.COVERED_BOTH <= shorter < stories.COVERED and longer >= stories.COVERED_BOTH_LONGER
    assert kept >= stories.SENTENCES_KEPT
    assert _group([original, edited], [20260512, 20260512]) == [0, 0]
    assert _group([original, edited], [20260512, 20260513]) == [0, 0]
    monkeypatch.setattr(stories, "SENTENCES_KEPT", 1.01)  # without the sentences, not a copy
    assert _group([original, edited], [20260512, 20260512]) == [0, 1]


def moved_and_edited(text: str) -> str:
    """Our lightly edited copy (lightly-edited.txt) as another outlet retold it again: the
    speech moved up under the lead, the models after the limits, and a few more words
    changed ("trung bình", "việc ứng dụng", "trong việc thực hiện")."""
    for old, new in (("Thu nhập bình quân của mỗi hộ", "Thu nhập trung bình của mỗi hộ"),
                     ("đẩy mạnh ứng dụng khoa học", "đẩy mạnh việc ứng dụng khoa học"),
                     ("xuất sắc trong thực hiện đề án", "xuất sắc trong việc thực hiện đề án")):
        assert old in text
        text = text.replace(old, new)
    date, title, lead, report, models, limits, speech, awards, author = text.split("\n\n")
    return "\n\n".join([date, title, lead, speech, report, limits, models, awards, author])


def test_a_lightly_edited_copy_with_its_paragraphs_moved_is_a_copy_the_same_day(monkeypatch):
    """Round 12 (issue #15): an outlet's copy that edits a word here and there and moves
    its paragraphs (moved_and_edited): every sentence of the original has its counterpart,
    but only 41% of the shorter lies in shared runs of ten words (COVERED_BOTH, 45% until
    round 11) and, the paragraphs moved, under half in runs of six in order (the text
    edited throughout, COVERED_ORDERED, does not take it). The real copies round 12 gained
    have this shape: 42-44% in shared runs, 81-86% of the sentences kept, 35-52% in order.
    Our report from the same press release (same-release.txt: every sentence with a
    counterpart, but 36% in shared runs) stays apart, and so does the copy two days later."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    copy = moved_and_edited((STORIES / "lightly-edited.txt").read_text(encoding="utf-8"))
    assert _group([original, copy], [20260512, 20260512]) == [0, 0]
    shorter, longer, kept = _shares(original, copy)
    assert stories.COVERED_BOTH <= shorter < 0.45 and longer >= stories.COVERED_BOTH_LONGER
    assert kept >= stories.SENTENCES_KEPT_OTHER_DAY
    assert _ordered(original, copy) < stories.COVERED_ORDERED
    assert _group([original, copy], [20260512, 20260513]) == [0, 0]  # an outlet's copy of yesterday's report
    assert _group([original, copy], [20260512, 20260514]) == [0, 1]
    release = (STORIES / "same-release.txt").read_text(encoding="utf-8")
    assert _shares(original, release)[0] < stories.COVERED_BOTH <= _shares(original, release)[2]
    assert _group([original, release], [20260512, 20260512]) == [0, 1]
    monkeypatch.setattr(stories, "COVERED_BOTH", 0.45)  # round 11's share: not a copy
    assert _group([original, copy], [20260512, 20260512]) == [0, 1]


def _ordered(a: str, b: str) -> float:
    """The share of the shorter body in runs of six words in the same order in the longer."""
    words = sorted((stories.words_and_sentences(stories.sketch(_body(t))[1])[0] for t in (a, b)), key=len)
    return stories.ordered_share(*words)


def test_a_text_edited_throughout_is_a_copy_up_to_three_days_later(monkeypatch):
    """An outlet that republishes a report two or three days late, a word changed in
    every sentence or two (lightly-edited.txt): half of it in shared runs of ten words,
    too little for a copy of another day (COVERED_OTHER_DAY), but its runs of six words
    line up with the original's, in order, over nearly its whole length
    (COVERED_ORDERED), and every sentence has its counterpart. Four days later it is not
    looked at (ORDERED_DAYS); and a follow-up the next day, which repeats whole paragraphs
    in order too, writes the rest anew: too few of its sentences have a counterpart."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    edited = (STORIES / "lightly-edited.txt").read_text(encoding="utf-8")
    shorter, longer, kept = _shares(original, edited)
    assert stories.ORDERED_FROM <= shorter < stories.COVERED_OTHER_DAY and longer >= stories.COVERED_LONGER
    assert _ordered(original, edited) >= stories.COVERED_ORDERED > shorter
    assert kept >= stories.SENTENCES_KEPT_OTHER_DAY
    assert _group([original, edited], [20260512, 20260514]) == [0, 0]
    assert _group([original, edited], [20260512, 20260515]) == [0, 0]
    assert _group([original, edited], [20260512, 20260516]) == [0, 1]
    follow_up = (STORIES / "follow-up.txt").read_text(encoding="utf-8")
    assert _ordered(original, follow_up) >= stories.COVERED_ORDERED
    assert _group([original, follow_up], [20260512, 20260513]) == [0, 1]
    monkeypatch.setattr(stories, "ORDERED_FROM", 1.01)  # without the runs in order, not a copy
    assert _group([original, edited], [20260512, 20260514]) == [0, 1]


def test_runs_in_order_count_a_chain_and_not_the_same_runs_shuffled():
    """The runs of six words count only as far as they line up in order: the original's
    paragraphs put in the reverse order share every run, but in order only those of one
    paragraph at a time (the longest chain), while the original against itself, or with
    its title changed, lines up whole."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    head, *paragraphs = original.split("\n\n")
    paragraphs = [p for p in paragraphs if len(p.split()) > 10]
    reversed_ = "\n\n".join([head, *paragraphs[::-1]])
    shorter, longer = stories.covered(*(stories.sketch(_body(t))[1] for t in (original, reversed_)))
    assert min(shorter, longer) > 0.9
    longest = max(len(p.split()) for p in paragraphs) / sum(len(p.split()) for p in paragraphs)
    assert _ordered(original, reversed_) < longest + 0.1
    assert _ordered(original, original) == 1.0
    assert _ordered(original, republished(original)) > 0.95


def test_an_article_that_takes_a_block_of_another_is_not_a_copy():
    """A feature on the harvest (block-taken.txt) takes three paragraphs of the
    conference report whole and adds its own reporting: as much of both in shared runs as
    the lightly edited copy, but half of the report's sentences have no counterpart."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    feature = (STORIES / "block-taken.txt").read_text(encoding="utf-8")
    shorter, longer, kept = _shares(original, feature)
    assert stories.COVERED_BOTH <= shorter < stories.COVERED and longer >= stories.COVERED_BOTH_LONGER
    assert kept < stories.SENTENCES_KEPT
    assert _group([original, feature], [20260512, 20260512]) == [0, 1]


def test_the_fingerprint_marks_sentence_ends_and_they_break_no_run():
    """A full stop, question or exclamation mark or ellipsis before a space, or a line
    break, ends a sentence; the dots of TP.HCM, 19.5 and 1.350 do not. A copy that joins
    two sentences into one keeps all its runs of words."""
    text = "Sáng 19.5 tại TP.HCM, hơn 1.350 hộ dự. Ông nói: “Tốt lắm.” Còn gì?\nDòng mới… và tiếp"
    words, sentences = stories.words_and_sentences(stories.sketch(text)[1])
    assert len(words) == len(list(normalize.parts(text))) == 21  # 19.5 and 1.350 two words each
    assert sentences.tolist() == [0] * 11 + [1] * 4 + [2] * 2 + [3] * 2 + [4] * 2
    assert stories.SENTENCE_MARK not in words
    original = parsing.parse_text((STORIES / "original.txt").read_text(encoding="utf-8"), "x", "x")[0].body
    joined = original.replace("2030. Đồng chí", "2030, đồng chí").replace("rõ rệt. Tại", "rõ rệt, tại")
    assert stories.covered(stories.sketch(original)[1], stories.sketch(joined)[1]) == (1.0, 1.0)


def test_a_lightly_edited_copy_shows_as_one_story_when_searched(tmp_path, runner):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("original", "lightly-edited", "block-taken"):
        (src / f"{name}.txt").write_text((STORIES / f"{name}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    index = tmp_path / "index"
    indexing.update(index, [src])
    shown = runner.invoke(cli, ["search", "chi lang", "--index", str(index)])
    assert shown.exit_code == 0
    assert "2 stories (3 articles;" in shown.stdout and "1 bản đăng lại (republished)" in shown.stdout
    data = json.loads(runner.invoke(cli, ["search", "chi lang", "--index", str(index), "--json"]).stdout)
    story = next(h for h in data["hits"] if h["copies"])
    assert {story["id"], *(c["id"] for c in story["copies"])} == {"original", "lightly-edited"}


def test_bulletins_that_each_repeat_the_day_before_do_not_chain_into_one_story():
    """Day 1 = a + b, day 2 = b + c, day 3 = c + d: each day is a copy of the next, but
    day 3 shares nothing with day 1. The longest starts the story; its copies join it.
    (Their titles name no day: titles that each name their own day are two editions and
    no copies at all, round 12: see test_two_editions_whose_titles_name_their_days_are_no_copies.)"""
    part = {n: (STORIES / "bulletins" / f"{n}.txt").read_text(encoding="utf-8").strip() for n in "abcd"}
    days = [_article(f"Thứ {w}, {d}/01/2026", "Bản tin thời tiết Lạng Sơn", [part[x], part[y]])
            for w, d, x, y in (("Hai", 12, "a", "b"), ("Ba", 13, "b", "c"), ("Tư", 14, "c", "d"))]
    assert _group(days[1:], [20260113, 20260114]) == [0, 0]  # day 2 and day 3 alone: copies
    assert _group(days[:2], [20260112, 20260113]) == [0, 0]  # day 1 and day 2 alone: copies
    assert _group(days, [20260112, 20260113, 20260114]) == [0, 0, 2]


@pytest.mark.parametrize("title, day, named", [
    ("Giá vàng hôm nay 19.6: Cả chuyên gia và nhà đầu tư đều bi quan", 20170619, {20170619}),
    ("Thời tiết hôm nay 9/2/2017: Bắc Bộ rét đậm, rét hại", 20170209, {20170209}),
    ("Đêm nay 8/2, không khí lạnh tràn về miền Bắc", 20170208, {20170208}),
    ("Bản tin thời tiết ngày 13 tháng 1", 20260114, {20260113}),
    ("U23 Việt Nam thắng Lào 2-1", 20260512, set()),  # a score, not 2 January
    ("Kỷ niệm 30/4: Ngày hội non sông", 20260512, set()),  # a day of long ago
    ("Giá vàng hôm nay 19.6", 0, set()),  # undated: no year to read it in
    ("Hơn 2.000 hộ dân Lạng Sơn chuyển sang trồng cây ăn quả", 20260512, set()),
])
def test_a_title_names_the_day_of_its_edition(title, day, named):
    """Round 12 (issue #15): the days a title names within a week of its article's date."""
    assert stories.title_days(title, day) == named


def test_two_editions_whose_titles_name_their_days_are_no_copies(monkeypatch):
    """Round 12 (issue #15): two bulletins of consecutive days, each titled with its own day
    ("Giá vàng hôm nay 19.6" and "... 20.6" in the real news; here the weather bulletins of
    13/1 and 14/1, which repeat half of each other), are two editions and no copies, however
    much text they share below COVERED_WHOLE. An outlet's copy that keeps the day its
    source's title names, or names none, is still a copy; the same two bulletins titled
    without their days are copies (see test_bulletins_that_each_repeat_the_day_before...).
    In the real news this parts 2 pairs of 335 judged copies, both labelled not copies."""
    part = {n: (STORIES / "bulletins" / f"{n}.txt").read_text(encoding="utf-8").strip() for n in "bcd"}
    day2 = _article("Thứ Ba, 13/01/2026", "Bản tin thời tiết ngày 13/1", [part["b"], part["c"]])
    day3 = _article("Thứ Tư, 14/01/2026", "Bản tin thời tiết ngày 14/1", [part["c"], part["d"]])
    assert _shares(day2, day3)[0] < stories.COVERED_WHOLE
    assert _group([day2, day3], [20260113, 20260114]) == [0, 1]
    copy = day2.replace("Thứ Ba, 13/01/2026", "Thứ Tư, 14/01/2026").replace(
        "Bản tin thời tiết ngày 13/1", "Lạng Sơn: rét đậm, Mẫu Sơn có thể có băng giá (bản tin ngày 13/1)")
    assert _group([day2, copy], [20260113, 20260114]) == [0, 0]
    untitled = copy.replace(" (bản tin ngày 13/1)", "")
    assert _group([day2, untitled], [20260113, 20260114]) == [0, 0]
    monkeypatch.setattr(stories, "other_editions", lambda first, then: False)  # without the rule: a copy
    assert _group([day2, day3], [20260113, 20260114]) == [0, 0]


def test_a_copy_of_a_copy_in_a_story_joins_it_when_the_two_are_twins(monkeypatch):
    """Round 8 (issue #15): the week's round-up (14/5) carries the conference report
    (12/5) whole, and another outlet retold the report the same day (retold.txt: its own
    lead and closing paragraphs around three of its paragraphs, word for word). The retold text is
    a copy of the report, of most of both bodies (a twin: TWIN of each the same day),
    but not of the round-up two days later, which holds the report among other news (the
    next day it would be, round 9: the round-up names no day after it, and the retold
    text keeps most of its sentences there). The round-up starts the story and the
    report joins it; the retold text joins its twin's story instead of staying alone:
    all three are one story."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    retold = (STORIES / "retold.txt").read_text(encoding="utf-8")
    _, _, *paragraphs = original.split("\n\n")  # the dateline and title aside
    items = (STORIES / "round-up-items.txt").read_text(encoding="utf-8").strip().split("\n\n")
    round_up = _article("Thứ Năm, 14/05/2026", "Nông nghiệp Lạng Sơn tuần qua", [*paragraphs[:-1], *items])
    shorter, longer, _ = _shares(original, retold)
    assert min(shorter, longer) >= stories.TWIN  # twins the same day
    days = [20260512, 20260512, 20260514]
    assert _group([original, retold], days[:2]) == [0, 0]
    assert _group([round_up, original], [20260514, 20260512]) == [0, 0]
    assert _group([round_up, retold], [20260514, 20260512]) == [0, 1]  # the retold text is no copy of the round-up
    assert _group([original, retold, round_up], days) == [0, 0, 0]
    monkeypatch.setattr(stories, "TWIN", 1.01)  # without twins it is left alone by the stars, and joins
    assert _group([original, retold, round_up], days) == [0, 0, 0]  # only through round 13's rule:
    monkeypatch.setattr(stories, "LONE", False)  # without both, the retold text stays alone
    assert _group([original, retold, round_up], days) == [0, 1, 0]


def test_an_article_the_stars_leave_alone_joins_its_closest_copys_story(monkeypatch):
    """Round 13 (issue #15): the report republished whole on 13/5 (B); a longer page of
    the same day (A, the story's centre) that carries its first four paragraphs among
    five items of other news, so B is a small part of A; and an outlet's page of 12/5 (L)
    carrying the report but its first paragraph, with three items of its own. L is a copy
    of B (85% of B, another day: more than the plain copy's share), no copy of A (a
    third of L) and no twin of B (less than half of L is the report): B joins A first,
    and the stars leave L alone, though it holds the report B is. L joins its closest
    copy's story, as an outlet's copy that the stars left alone (round 12's misses of the
    twelfth set: four papers' reports of one verdict, one of them a day earlier).
    The digest's shape stays apart: the separately written report, whole in the week's
    digest but sharing no text with the report the digest's story holds, is left alone
    and stays alone (an item of a roundup whose other items are other stories)."""
    paragraphs = (STORIES / "original.txt").read_text(encoding="utf-8").split("\n\n")[2:8]
    items = _sample_bodies(8)
    centre = _article("Thứ Tư, 13/05/2026", "Lạng Sơn: chuyển đổi cây trồng và các tin khác",
                      [*paragraphs[:4], *items[:5]])
    report = _article("Thứ Tư, 13/05/2026", "Hơn 2.000 hộ dân Lạng Sơn chuyển sang trồng cây ăn quả", paragraphs)
    alone = _article("Thứ Ba, 12/05/2026", "Lạng Sơn đẩy mạnh chuyển đổi cây trồng", [*paragraphs[1:], *items[5:8]])
    shorter, longer, _ = _shares(report, alone)
    assert shorter >= stories.COVERED_OTHER_DAY and longer < stories.PART  # a copy, no twin
    assert _shares(alone, centre)[0] < stories.COVERED  # no copy of the centre
    days = [20260513, 20260513, 20260512]
    assert _group([report, alone], [20260513, 20260512]) == [0, 0]
    assert _group([centre, report, alone], days) == [0, 0, 0]
    monkeypatch.setattr(stories, "LONE", False)  # without the rule, the stars leave it alone
    assert _group([centre, report, alone], days) == [0, 0, 2]
    monkeypatch.setattr(stories, "LONE", True)
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    separate = (STORIES / "separately-written.txt").read_text(encoding="utf-8")
    digest = _article("Thứ Tư, 13/05/2026", "Điểm tin tuần qua",
                      [_body(original), _body(separate), *_sample_bodies(20)])
    grouped = _group([original, separate, digest], [20260512, 20260512, 20260513])
    assert grouped[0] != grouped[1] and grouped[2] in grouped[:2]


def test_an_index_from_before_the_fingerprints_asks_for_reindex_and_reindex_groups(tmp_path, runner):
    src = tmp_path / "src"
    src.mkdir()
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    (src / "goc.txt").write_text(original, encoding="utf-8")
    (src / "ban-sao.txt").write_text(republished(original), encoding="utf-8")
    index = tmp_path / "index"
    indexing.update(index, [src])
    meta = indexing.current_generation(index) / indexing.META
    meta.write_text(json.dumps({**json.loads(meta.read_text(encoding="utf-8")), "schema_version": 10}),
                    encoding="utf-8")
    old = runner.invoke(cli, ["search", "chi lang", "--index", str(index)])
    assert old.exit_code == 1
    assert f"(schema 10, this one reads {schema.SCHEMA_VERSION})" in old.stderr and 'Run "timtin reindex" to rebuild it.' in old.stderr
    assert runner.invoke(cli, ["reindex", "--index", str(index)]).exit_code == 0
    shown = runner.invoke(cli, ["search", "chi lang", "--index", str(index)])
    assert "1 story (2 articles;" in shown.stdout and "1 bản đăng lại (republished)" in shown.stdout


def test_a_search_shows_the_story_once_with_its_copies(archive):
    result = Searcher(archive).search(SearchRequest.from_params({"q": "chi lang"}))
    assert (result.total, result.articles, result.grouped) == (3, 5, True)
    [story] = [h for h in result.hits if h.copies]
    publications = {story.id: story.date.isoformat(), **{c.id: c.date.isoformat() for c in story.copies}}
    assert publications == {"lso-goc": "2026-05-12", "tonghop-ban-sao": "2026-05-13", "baomoi-ban-sao": "2026-05-14"}
    assert [c.date for c in story.copies] == sorted(c.date for c in story.copies)  # oldest first
    assert all(c.outlet == "LSO" for c in story.copies)  # the dateline's outlet, for files without a URL
    assert {h.id for h in result.hits} - {story.id} == {"bai-rieng", "tuan-sau"}
    every = Searcher(archive).search(SearchRequest.from_params({"q": "chi lang", "group": "0"}))
    assert (every.total, every.grouped) == (5, False)
    # each article listed on its own still says its story and the story's other publications
    # (a user trial: --all-copies and group=0 gave every copy copy_count 0 and no story)
    assert sorted((h.id, h.story, h.copy_count) for h in every.hits) == [
        ("bai-rieng", "bai-rieng", 0), ("baomoi-ban-sao", "lso-goc", 2), ("lso-goc", "lso-goc", 2),
        ("tonghop-ban-sao", "lso-goc", 2), ("tuan-sau", "tuan-sau", 0)]


def test_the_first_publication_stands_for_its_story_where_a_copy_ranks_it(archive):
    """A user trial: a copy whose new title matched the words best stood for the story, and
    the paper that broke it was listed under it as a "bản đăng lại". Ranked by relevance,
    the first publication is shown, in the place the best-matching copy earns."""
    searcher = Searcher(archive)
    query = "đất dốc Lạng Sơn"  # words of the later copy's own title, in the body of every copy
    every = searcher.search(SearchRequest.from_params({"q": query, "group": "0"}))
    assert every.hits[0].id == "baomoi-ban-sao"  # the copy ranks first of all the articles
    result = searcher.search(SearchRequest.from_params({"q": query}))
    top = result.hits[0]
    assert top.id == "lso-goc" and top.date.isoformat() == "2026-05-12"
    assert [c.id for c in top.copies] == ["tonghop-ban-sao", "baomoi-ban-sao"]
    assert top.score == every.hits[0].score  # the story keeps the place its best copy earns
    # by date, the copy of that date stands for it, as the list is ordered
    newest = searcher.search(SearchRequest.from_params({"q": query, "sort": "newest"}))
    assert [h.id for h in newest.hits if h.copies][0] == "baomoi-ban-sao"


def test_facets_count_stories_and_a_filter_keeps_the_copy_it_selects(archive):
    searcher = Searcher(archive)
    result = searcher.search(SearchRequest.from_params({"q": "", "official": "Đoàn Thu Hà"}))
    assert result.total == 2  # the story and the next week's article; the two copies count once
    assert [(c.value, c.count) for c in result.facets["official"]][:1] == [("Đoàn Thu Hà", 2)]
    # a day that only a copy holds still finds the story, shown by that copy
    day = searcher.search(SearchRequest.from_params({"q": "", "from": "2026-05-14", "to": "2026-05-14"}))
    assert [h.id for h in day.hits] == ["baomoi-ban-sao"]
    assert [c.id for c in day.hits[0].copies] == ["lso-goc", "tonghop-ban-sao"]


def test_an_officials_page_in_the_cli_says_its_stories_as_the_web_does(archive, runner):
    """A user trial: `timtin officials NAME` said "4 articles" where the web page says
    "4 bài viết (2 tin)"."""
    out = runner.invoke(cli, ["officials", "Đoàn Thu Hà", "--index", str(archive)])
    assert out.exit_code == 0 and out.stdout.startswith("Đoàn Thu Hà: 4 articles (2 stories), 2026-05-12"), out.stdout
    client = create_app({"INDEX_DIR": str(archive), "TESTING": True}).test_client()
    page = client.get("/official/Đoàn Thu Hà").get_data(as_text=True)
    assert '<strong class="n-articles">4</strong> bài viết' in page and '<span class="n-stories">2</span> tin' in page


def test_the_web_page_json_api_and_cli_show_n_ban_dang_lai(archive, runner):
    client = create_app({"INDEX_DIR": str(archive), "TESTING": True}).test_client()
    page = client.get("/?q=chi+lang").get_data(as_text=True)
    assert "<strong>3</strong> tin" in page and "(5 bài viết; bản đăng lại của một tin gộp làm một" in page
    assert "Tải về cả 3 tin:" in page  # the export's rows are the page's: stories, not "3 bài"
    assert "2026: 3 tin</title>" in page  # and the chart's bars
    assert '<span class="copy-title">' in page  # each copy with its own title beside its outlet and date
    assert "<summary>2 bản đăng lại</summary>" in page
    assert 'href="/article/tonghop-ban-sao?q=chi%20lang">LSO</a> · <time datetime="2026-05-13">' in page or \
        'href="/article/lso-goc?q=chi%20lang">LSO</a> · <time datetime="2026-05-12">' in page
    assert "Số đếm theo tin: các bản đăng lại của một tin tính một lần." in page
    every = client.get("/?q=chi+lang&group=0").get_data(as_text=True)
    assert "<strong>5</strong> bài viết" in every
    # listed each on its own, the first publication's republications, and a copy's other publications
    assert every.count("<summary>2 bản đăng lại</summary>") == 1
    assert every.count("<summary>2 bản đăng khác của tin này (đăng đầu tiên 12/05/2026)</summary>") == 2
    data = client.get("/api/search?q=chi+lang").get_json()
    assert (data["total"], data["articles"], data["grouped"]) == (3, 5, True)
    hit = next(h for h in data["hits"] if h["copies"])
    assert len(hit["copies"]) == 2 and set(hit["copies"][0]) == {"id", "title", "outlet", "date", "first"}
    assert {hit["id"], *(c["id"] for c in hit["copies"])} == {"lso-goc", "tonghop-ban-sao", "baomoi-ban-sao"}
    cli_json = json.loads(runner.invoke(cli, ["search", "chi lang", "--index", str(archive),
                                              "--json"]).stdout)
    assert cli_json["hits"] == data["hits"]  # one search API: the same answer
    shown = runner.invoke(cli, ["search", "chi lang", "--index", str(archive)]).stdout
    assert "3 stories (5 articles; copies of one story count once, --all-copies to list each)" in shown
    assert "  2 bản đăng lại (republished):\n    LSO 2026-05-13 tonghop-ban-sao  Hơn 2.000 hộ dân Lạng Sơn" in shown


def test_an_articles_page_lists_the_other_publications_of_its_story(archive):
    """Opened from a copy (or from a search with group=0), an article's page said nothing
    of the story's other publications (today's user trial); they are listed now, and not
    again among the related articles."""
    client = create_app({"INDEX_DIR": str(archive), "TESTING": True}).test_client()
    page = client.get("/article/baomoi-ban-sao?q=chi+lang").get_data(as_text=True)
    # a later copy: the two published before it are no republications of it (a user trial)
    assert "<h2>2 bản đăng khác của tin này (đăng đầu tiên 12/05/2026)</h2>" in page
    copies = page[page.index("bản đăng khác của tin này"):page.index("</section>", page.index("bản đăng khác của tin này"))]
    assert 'href="/article/lso-goc?q=chi%20lang"' in copies and 'href="/article/tonghop-ban-sao?q=chi%20lang"' in copies
    assert '<li class="first"><a href="/article/lso-goc?q=chi%20lang">LSO</a> · <time datetime="2026-05-12">12/05/2026' \
           '</time> · <strong class="first-published">đăng đầu tiên</strong> · <span class="copy-title">' in copies
    assert "<h2>2 bản đăng lại của tin này</h2>" in client.get("/article/lso-goc").get_data(as_text=True)
    related = page[page.index("Bài liên quan"):] if "Bài liên quan" in page else ""
    assert "/article/lso-goc" not in related and "/article/tonghop-ban-sao" not in related
    assert "bản đăng lại của tin này" not in client.get("/article/bai-rieng").get_data(as_text=True)


def test_a_paper_and_an_aggregators_copy_fetched_as_pages_show_once(tmp_path):
    indexing.update(tmp_path / "index", [SITE])
    result = Searcher(tmp_path / "index").search(SearchRequest.from_params({"q": "cầu treo Bản Chắt"}))
    [hit] = result.hits
    assert hit.id == "https://baolangson.vn/khanh-thanh-cau-treo-ban-chat-5071234.html"
    assert [(c.outlet, c.date.isoformat()) for c in hit.copies] == [("tintonghop.example", "2026-11-30")]
    # the copy's page links to the copy's own web page, not as "Bài gốc" (a user trial read it
    # as the link to the original publication, which it is not)
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    copy_page = client.get("/article", query_string={"id": hit.copies[0].id}).get_data(as_text=True)
    assert f'<a href="{hit.copies[0].id}" rel="noopener noreferrer nofollow">Xem trên trang báo</a>' in copy_page
    assert "Bài gốc" not in copy_page


def test_a_story_republished_more_often_than_listed_counts_every_copy(tmp_path, runner):
    """A wire story republished by 59 outlets: the hit says 59 bản đăng lại, lists the oldest
    COPIES_SHOWN and links to every article, in the page, the JSON and the CLI alike."""
    original = parsing.parse_text((STORIES / "original.txt").read_text(encoding="utf-8"), "goc", "goc")[0]
    rows = [{"id": f"bao-{k:02d}", "title": original.title, "date": f"2026-05-{12 + k % 3:02d}",
             "url": f"https://bao{k:02d}.example/tin-{k}.html", "body": original.body} for k in range(60)]
    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "wire.jsonl", rows)], procs=1)
    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    data = client.get("/api/search?q=chi+lang").get_json()
    [hit] = data["hits"]
    assert (data["total"], data["articles"], hit["copy_count"], len(hit["copies"])) == (1, 60, 59, COPIES_SHOWN)
    assert [c["date"] for c in hit["copies"]] == sorted(c["date"] for c in hit["copies"])  # oldest first
    listed = {c["id"] for c in hit["copies"]}
    unlisted = [r["date"] for r in rows if r["id"] not in listed | {hit["id"]}]
    assert len(unlisted) == 59 - COPIES_SHOWN and max(c["date"] for c in hit["copies"]) <= min(unlisted)  # the oldest
    page = client.get("/?q=chi+lang").get_data(as_text=True)
    assert "<summary>59 bản đăng lại</summary>" in page
    assert f'{COPIES_SHOWN} bản đầu tiên (cũ nhất) được liệt kê; <a href="/?q=chi+lang&amp;group=0">xem mọi bài viết</a>' in page
    shown = runner.invoke(cli, ["search", "chi lang", "--index", str(index)]).stdout
    assert f"59 bản đăng lại (republished, the oldest {COPIES_SHOWN} listed):\n" in shown
    assert shown.count("\n    bao") == COPIES_SHOWN  # one line a copy


def test_candidate_pairs_compared_in_runs_find_the_same_stories(monkeypatch):
    """Issue #13: pairs are compared a run at a time (3.4 million candidates at 100,000
    articles took 2.3 GB at once); runs of any length find the same stories."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    other = (STORIES / "separately-written.txt").read_text(encoding="utf-8")
    texts = [original, other, republished(original), other, republished(original, title="Bản sao thứ hai")]
    days = [20260512] * 5
    expected = [0, 1, 0, 1, 0]
    assert _group(texts, days) == expected
    for run in (1, 2, 3):
        monkeypatch.setattr(stories, "PAIRS_AT_ONCE", run)
        assert _group(texts, days) == expected


def _two_copies(src) -> None:
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    src.mkdir(exist_ok=True)
    (src / "lso-goc.txt").write_text(original, encoding="utf-8")
    (src / "tonghop-ban-sao.txt").write_text(republished(original), encoding="utf-8")


def _story_files(index) -> list[str]:
    return sorted(p.name for p in layout.current_generation(index).glob(f"{layout.STORIES_PREFIX}*"))


def test_stories_are_grouped_once_by_the_indexing_run_and_read_by_every_searcher(tmp_path, monkeypatch):
    """Issue #13: each server process grouped the stories itself (9 s and a few hundred
    MB each at 100,000 articles); the indexing run groups them once and keeps them
    beside the generation, which a searcher reads."""
    index = tmp_path / "index"
    _two_copies(tmp_path / "src")
    indexing.update(index, [tmp_path / "src"])
    [first] = _story_files(index)
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "bai-rieng.txt").write_text(
        (STORIES / "separately-written.txt").read_text(encoding="utf-8"), encoding="utf-8")
    indexing.update(index, [tmp_path / "more"])
    [second] = _story_files(index)  # the new generation's; the old one's is gone
    assert second != first

    def no_grouping(*args, **kwargs):
        raise AssertionError("a searcher grouped the stories again")

    monkeypatch.setattr(stories, "group", no_grouping)
    result = Searcher(index).search(SearchRequest.from_params({"q": "chi lang"}))
    assert [{h.id, *(c.id for c in h.copies)} for h in result.hits if h.copies] == [{"lso-goc", "tonghop-ban-sao"}]
    assert len(result.hits) == 2 and "bai-rieng" in {h.id for h in result.hits}


@pytest.mark.parametrize("damage", ["truncated", "missing"])
def test_a_damaged_or_missing_stories_file_is_grouped_again_and_rewritten(tmp_path, damage):
    index = tmp_path / "index"
    _two_copies(tmp_path / "src")
    indexing.update(index, [tmp_path / "src"])
    [name] = _story_files(index)
    kept = layout.current_generation(index) / name
    whole = kept.read_bytes()
    if damage == "truncated":
        kept.write_bytes(whole[: len(whole) - 3])
    else:
        kept.unlink()
    result = Searcher(index).search(SearchRequest.from_params({"q": "chi lang"}))
    assert [{h.id, *(c.id for c in h.copies)} for h in result.hits] == [{"lso-goc", "tonghop-ban-sao"}]
    assert kept.read_bytes() == whole


@pytest.mark.parametrize("damage", ["tail never written", "bits flipped"])
def test_a_stories_file_of_the_right_length_but_damaged_content_is_grouped_again(tmp_path, damage):
    """A stories file the right length whose numbers are wrong (a crash before its data
    reached the disk: `timtin index` does not fsync it; a bad sector) was taken as good:
    zeros put every article in one story and hid the separately written report behind
    it; a negative number made every grouped search fail with a traceback."""
    index = tmp_path / "index"
    _two_copies(tmp_path / "src")
    (tmp_path / "src" / "bai-rieng.txt").write_text(
        (STORIES / "separately-written.txt").read_text(encoding="utf-8"), encoding="utf-8")
    indexing.update(index, [tmp_path / "src"])
    expected = Searcher(index).search(SearchRequest.from_params({"q": "chi lang"}))
    groups = [{h.id, *(c.id for c in h.copies)} for h in expected.hits]
    assert sorted(map(sorted, groups)) == [["bai-rieng"], ["lso-goc", "tonghop-ban-sao"]]
    [name] = _story_files(index)
    kept = layout.current_generation(index) / name
    whole = kept.read_bytes()
    body = len(whole) - 3 * 4  # the three documents' numbers come last
    if damage == "tail never written":
        kept.write_bytes(whole[:body] + bytes(12))
    else:
        kept.write_bytes(whole[:body] + bytes(b ^ 0xFF for b in whole[body:]))
    result = Searcher(index).search(SearchRequest.from_params({"q": "chi lang"}))
    assert [{h.id, *(c.id for c in h.copies)} for h in result.hits] == groups
    assert kept.read_bytes() == whole  # grouped again and kept


def test_stories_a_searcher_is_writing_are_not_taken_for_leftovers_of_an_interrupted_run(tmp_path, monkeypatch):
    """An index run removed the stories file a searcher was writing under the lock
    (``stories-*.bin.tmp``) as if an interrupted run had left it, and said so: "Removed 1
    temporary file(s) left by an interrupted index run" when none was (seen with two
    searchers and an index run at once). Only when no one holds the lock is it a leftover."""
    index = tmp_path / "index"
    _two_copies(tmp_path / "src")
    indexing.update(index, [tmp_path / "src"])
    gen = layout.current_generation(index)
    [name] = _story_files(index)
    writing = gen / (name + ".tmp")
    cleaned = threading.Event()
    remove_orphans = indexing._remove_orphans

    def spy(*args):
        try:
            return remove_orphans(*args)
        finally:
            cleaned.set()

    monkeypatch.setattr(indexing, "_remove_orphans", spy)
    reports = []
    with layout.hold_lock(gen / layout.STORIES_LOCK, wait=False, busy=str):  # a searcher grouping
        writing.write_bytes(b"TIMTINS")  # and half way through writing them
        run = threading.Thread(target=lambda: reports.append(indexing.update(index, [tmp_path / "src"])))
        run.start()
        assert cleaned.wait(60)
        assert writing.exists()
    run.join(60)  # the run groups its new generation once the searcher is done
    assert not any("interrupted" in note for note in reports[0].notes)
    cleaned.clear()
    report = indexing.update(index, [tmp_path / "src"])  # its searcher died (kill -9): a leftover now
    assert not writing.exists()
    assert any("unfinished file(s) of grouped stories" in note and "stopped while grouping" in note
               for note in report.notes), report.notes


def test_a_process_stopped_while_grouping_the_stories_hangs_neither_searches_nor_index_runs(tmp_path, monkeypatch):
    """The stories lock was waited on without end: a `timtin index` paused with Ctrl-Z (or
    kill -STOP) while grouping the stories of its new generation held it, and the server's
    first search of that generation waited, holding the snapshot every other search needs,
    as long as the run stayed paused; a stopped server held up the index runs (which hold
    the write lock) the same way. Now a process waits for the other's grouping a while
    (``STORIES_WAIT``), then groups for itself, in memory."""
    monkeypatch.setattr(snapshot, "STORIES_WAIT", 0.5, raising=False)
    index = tmp_path / "index"
    _two_copies(tmp_path / "src")
    indexing.update(index, [tmp_path / "src"])
    gen = layout.current_generation(index)
    [name] = _story_files(index)
    (gen / name).unlink()
    results, reports = [], []
    with layout.hold_lock(gen / layout.STORIES_LOCK, wait=False, busy=str):  # a process stopped grouping
        search = threading.Thread(target=lambda: results.append(
            Searcher(index).search(SearchRequest.from_params({"q": "chi lang"}))), daemon=True)
        search.start()
        search.join(30)
        assert not search.is_alive(), "the search waited for the stopped process"
        assert [{h.id, *(c.id for c in h.copies)} for h in results[0].hits] == [{"lso-goc", "tonghop-ban-sao"}]
        run = threading.Thread(target=lambda: reports.append(indexing.update(index, [tmp_path / "src"])), daemon=True)
        run.start()
        run.join(30)
        assert not run.is_alive(), "the index run waited for the stopped process"
        assert reports[0].unchanged == 2
    result = Searcher(index).search(SearchRequest.from_params({"q": "chi lang"}))  # grouped and kept now
    assert [{h.id, *(c.id for c in h.copies)} for h in result.hits] == [{"lso-goc", "tonghop-ban-sao"}]
    assert len(_story_files(index)) == 1


def test_the_officials_facet_counts_a_story_one_of_whose_copies_names_the_person(make_index):
    """The facet counted the officials of the copy chosen to stand for a story: a story
    whose first copy left the person out showed one less than clicking the person found."""
    body = (TEST_DATA / "stories" / "original.txt").read_text(encoding="utf-8").split("\n\n", 2)[2]
    without = body.replace("Đồng chí Đoàn Thu Hà, Phó Chủ tịch UBND tỉnh dự và chỉ đạo hội nghị.", "")
    assert without != body
    searcher = make_index([
        {"id": "lso/1", "date": "2026-05-12", "title": "Hơn 2.000 hộ dân chuyển sang trồng cây ăn quả", "body": without},
        {"id": "tonghop/1", "date": "2026-05-12", "title": "Lạng Sơn chuyển đổi cây trồng trên đất dốc", "body": body},
    ])
    for query in ("", "cây ăn quả", "hoi nghi so ket"):
        result = searcher.search(SearchRequest(query=query))
        assert result.total == 1 and result.articles == 2, query  # one story of two copies
        counts = {f.value: f.count for f in result.facets["official"]}
        assert counts.get("Đoàn Thu Hà") == 1, (query, counts)
        assert searcher.search(SearchRequest(query=query, officials=("Đoàn Thu Hà",))).total == 1


@pytest.mark.parametrize("text, days", [
    ("LSO-Sáng 13/5, UBND tỉnh họp", [20260513]),
    ("Ngày 13-5 và chiều 14.5", [20260513, 20260514]),
    ("ngày 13 tháng 5 năm 2025; Ngày 2 tháng 9", [20250513, 20260902]),
    ("hạn chót 31/12/2025, không phải 31/11", [20251231]),
    ("ngày 13 tháng 5".replace("à", "a\u0300"), [20260513]),  # NFD: đ, à decomposed
    ("hơn 1.350 ha, tăng 19,5%, 19.5%, nhiệt độ 27-28 độ C, tỉ số 32/40, mã 1/2/3", []),
])
def test_the_days_a_body_names(text, days):
    """Round 9 (issue #15): the days an article names, in the year of its date when it
    writes none; figures, ranges and shares are no days."""
    assert sorted(stories.mentioned_days(text, 2026)) == days


def test_a_copy_under_a_lead_of_its_own_the_next_day_is_a_copy_and_a_follow_up_is_not():
    """Round 9 (issue #15): another outlet retells the report the next day (retold.txt:
    its own lead and closing around three paragraphs word for word; its lead names the
    day of the report, 12/5). The next day a plain copy must hold COVERED_OTHER_DAY of
    the shorter and a lightly edited one SENTENCES_KEPT_OTHER_DAY of its sentences, which
    the retold text has not; but it names no day after the report's: it reports that
    day's news, and is judged by the same day's share of sentences. Our written follow-up
    (Sáng 13/5: a meeting the day after) shares as much and stays apart."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    retold = (STORIES / "retold.txt").read_text(encoding="utf-8")
    follow_up = (STORIES / "follow-up.txt").read_text(encoding="utf-8")
    shorter, longer, kept = _shares(original, retold)
    assert shorter < stories.COVERED_OTHER_DAY and longer >= stories.COVERED_BOTH_LONGER
    assert stories.SENTENCES_KEPT <= kept < stories.SENTENCES_KEPT_OTHER_DAY
    assert _shares(original, follow_up)[2] >= stories.SENTENCES_KEPT  # as many sentences kept
    assert _group([original, retold], [20260512, 20260513]) == [0, 0]
    assert _group([original, follow_up], [20260512, 20260513]) == [0, 1]
    # the same retold text naming the next day (a meeting on 13/5) reads as a follow-up
    assert _group([original, retold.replace("Chiều 12/5", "Chiều 13/5")], [20260512, 20260513]) == [0, 1]
    assert _group([original, retold], [20260512, 20260514]) == [0, 1]  # two days later: no
    # without the days the bodies name (an older caller of group), as before round 9
    bodies = [_body(t) for t in (original, retold)]
    sketches = [stories.sketch(b) for b in bodies]
    sigs = np.frombuffer(b"".join(sig for sig, _ in sketches), "<u2").reshape(2, stories.K)
    words = np.array([len(normalize.words(b)) for b in bodies])
    assert stories.group(sigs, words, np.array([20260512, 20260513]), np.ones(2, bool),
                         [f for _, f in sketches].__getitem__).tolist() == [0, 1]


def test_an_article_that_holds_a_copy_whole_joins_its_story():
    """Round 9 (issue #15): the report (12/5), a longer article the next day that carries
    it among three other items (the story's centre: the report is a small part of it),
    and a review eight days after the report that carries it whole with two items of its
    own. The review is a copy of the report (the whole of it, and half of the review),
    but no copy of the centre, with which it shares only the report: it joins the
    report's story as a twin does, rather than stay alone."""
    original = _body((STORIES / "original.txt").read_text(encoding="utf-8"))
    items = _sample_bodies(5)
    centre = "\n\n".join([original, *items[:3]])
    review = "\n\n".join([original, *items[3:5]])
    texts = [_article("Thứ Ba, 12/05/2026", "Hội nghị sơ kết đề án", [original]),
             _article("Thứ Tư, 13/05/2026", "Tin tổng hợp", [centre]),
             _article("Thứ Tư, 20/05/2026", "Nhìn lại một tuần", [review])]
    days = [20260512, 20260513, 20260520]
    shorter, longer, _ = _shares(texts[0], texts[2])
    assert shorter >= stories.COVERED_WHOLE and stories.PART <= longer < stories.COVERED_OTHER_DAY
    assert _shares(texts[2], texts[1])[0] < stories.COVERED_OTHER_DAY  # the review is no copy of the centre
    assert _group([texts[0], texts[2]], [days[0], days[2]]) == [0, 0]
    assert _group(texts, days) == [0, 0, 0]


def test_a_next_day_copy_under_a_lead_of_its_own_shows_as_one_story_when_searched(tmp_path, runner):
    """Round 9, through a real index: the stories are grouped from the index's sketches
    and the bodies it stores (the days they name), and the search shows the report once,
    the retold text of the next day as its copy; the follow-up of that day apart."""
    src = tmp_path / "src"
    src.mkdir()
    retold = (STORIES / "retold.txt").read_text(encoding="utf-8")
    assert retold.startswith("Thứ Ba, 12/05/2026")
    (src / "retold.txt").write_text(retold.replace("Thứ Ba, 12/05/2026", "Thứ Tư, 13/05/2026", 1), encoding="utf-8")
    for name in ("original", "follow-up"):
        (src / f"{name}.txt").write_text((STORIES / f"{name}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    index = tmp_path / "index"
    indexing.update(index, [src])
    data = json.loads(runner.invoke(cli, ["search", "chi lang", "--index", str(index), "--json"]).stdout)
    assert (data["total"], data["articles"]) == (2, 3)
    story = next(h for h in data["hits"] if h["copies"])
    assert {story["id"], *(c["id"] for c in story["copies"])} == {"original", "retold"}


def test_two_editions_titled_with_their_days_show_apart_when_searched(tmp_path, runner):
    """Round 12, through a real index: the grouping reads the titles the index stores, so
    the weather bulletins of 13/1 and 14/1, each titled with its day, are two results, and
    an outlet's copy of the bulletin of 13/1 the next day (its title keeping "13/1") is
    listed as its copy."""
    part = {n: (STORIES / "bulletins" / f"{n}.txt").read_text(encoding="utf-8").strip() for n in "bcd"}
    src = tmp_path / "src"
    src.mkdir()
    (src / "day2.txt").write_text(_article("Thứ Ba, 13/01/2026", "Bản tin thời tiết ngày 13/1",
                                           [part["b"], part["c"]]), encoding="utf-8")
    (src / "day3.txt").write_text(_article("Thứ Tư, 14/01/2026", "Bản tin thời tiết ngày 14/1",
                                           [part["c"], part["d"]]), encoding="utf-8")
    (src / "copy.txt").write_text(_article("Thứ Tư, 14/01/2026", "Lạng Sơn rét đậm (bản tin ngày 13/1)",
                                           [part["b"], part["c"]]), encoding="utf-8")
    index = tmp_path / "index"
    indexing.update(index, [src])
    data = json.loads(runner.invoke(cli, ["search", "mau son", "--index", str(index), "--json"]).stdout)
    assert (data["total"], data["articles"]) == (2, 3)
    copies = {h["id"]: {c["id"] for c in h["copies"]} for h in data["hits"]}
    assert copies in ({"day2": {"copy"}, "day3": set()}, {"copy": {"day2"}, "day3": set()})


def next_days_forecast(text: str) -> str:
    """Our written forecast of 11/5 (forecast.txt) as the next day's forecast: the same
    frame and set phrases, the date replaced (ngày 12/5), other figures, a few words changed."""
    for old, new in (("Thứ Hai, 11/05/2026 16:30", "Thứ Ba, 12/05/2026 16:30"),
                     ("ngày 11/5 trên địa bàn tỉnh có mây thay đổi, chiều tối và đêm có",
                      "ngày 12/5 trên địa bàn tỉnh nhiều mây, có"),
                     ("21 đến 23", "22 đến 24"), ("cao nhất từ 29 đến 31", "cao nhất từ 30 đến 32"),
                     ("độ ẩm từ 65 đến 95%", "độ ẩm từ 68 đến 96%"), ("63 đến 97%", "60 đến 95%"),
                     ("thấp nhất từ 22 đến 24 độ C, cao nhất từ 30 đến 32 độ C.",
                      "thấp nhất từ 23 đến 25 độ C, cao nhất từ 31 đến 33 độ C."),
                     ("cấp 2 đến cấp 3", "cấp 3"),
                     ("kết hợp với hội tụ gió trên cao", "kết hợp với vùng hội tụ gió ở độ cao 5.000 m"),
                     ("theo dõi chặt chẽ bản tin dự báo", "theo dõi chặt chẽ các bản tin cảnh báo"),
                     ("người dân cần chủ động", "bà con cần")):
        assert old in text
        text = text.replace(old, new)
    return text


def later_reading(text: str) -> str:
    """Our written storm bulletin of 13 giờ (storm-bulletin.txt) as the bulletin of 16 giờ:
    its sentences repeated with the storm's new position, winds and waves, the closing
    paragraph left out."""
    for old, new in (("14:00", "17:00"), ("hồi 13 giờ ngày 11/6", "hồi 16 giờ ngày 11/6"), ("17,2", "17,6"),
                     ("116,4", "116,1"), ("430 km", "400 km"), ("mạnh cấp 9, giật cấp 11.", "mạnh cấp 10, giật cấp 12."),
                     ("Đến 13 giờ ngày 12/6", "Đến 16 giờ ngày 12/6"), ("19,6", "20,1"), ("113,8", "113,3"),
                     ("15,5", "16,0"), ("15 đến 20 km", "20 km"), ("cấp 7 đến cấp 9", "cấp 8 đến cấp 10"),
                     ("từ 4 đến 6 mét", "từ 5 đến 7 mét"), ("và có khả năng mạnh thêm", "và còn có khả năng mạnh thêm"),
                     ("là cấp 3.", "là cấp 4."),
                     ("Tàu thuyền hoạt động trong vùng nguy hiểm dễ chịu", "Tàu thuyền đang hoạt động trong vùng nguy hiểm có thể chịu"),
                     ("vùng biển phía bắc khu vực Bắc Biển Đông", "vùng biển phía bắc Biển Đông")):
        assert old in text
        text = text.replace(old, new)
    return text[:text.index("Bộ đội Biên phòng")] + "THU HÀ\n"


def test_the_next_days_forecast_that_replaces_the_date_is_not_a_copy_and_a_copy_keeping_it_is(monkeypatch):
    """Round 10 (issue #15): the next day's forecast keeps most of the day before's text
    in shared runs (as much as a next-day copy needs, COVERED_OTHER_DAY) but names its own
    day where the day before named 11/5: another day's edition, not a copy. Another
    outlet's copy published on 12/5 keeps the day its news is about and joins it. (Dated
    12/5, the copy and the next day's forecast are the same day's: the rule does not look
    at them, and they join; see README.)"""
    forecast = (STORIES / "forecast.txt").read_text(encoding="utf-8")
    next_day = next_days_forecast(forecast)
    copy = forecast.replace("Thứ Hai, 11/05/2026 16:30", "Thứ Ba, 12/05/2026 07:00").replace(
        "Lạng Sơn: Mưa dông diện rộng, đề phòng lốc và mưa đá", "Mưa dông trên địa bàn Lạng Sơn").replace(
        "\n\nMINH HẰNG", "")
    shorter, longer, _ = _shares(forecast, next_day)
    assert stories.COVERED_OTHER_DAY <= shorter < stories.COVERED_WHOLE and longer >= stories.COVERED_LONGER
    assert _group([forecast, copy], [20260511, 20260512]) == [0, 0]  # the copy a day later
    assert _group([forecast, next_day, copy], [20260511, 20260512, 20260511]) == [0, 1, 0]
    monkeypatch.setattr(stories, "NEW_EDITION_DAYS", 0)  # without the rule, the next day's forecast is a copy
    assert _group([forecast, next_day], [20260511, 20260512]) == [0, 0]


def test_another_reading_of_a_storm_bulletin_is_not_a_copy_and_a_copy_of_it_is(monkeypatch):
    """Round 10 (issue #15): the bulletin of 16 giờ repeats most sentences of the bulletin
    of 13 giờ the same day (more than a copy needs, COVERED) with the storm's new position
    (17,6 độ Vĩ Bắc for 17,2): its hour and its measurements are not in the earlier one,
    so it is another reading, not a copy. Another outlet's copy of the 13 giờ bulletin,
    retitled and unsigned, keeps its figures and its hour and joins it."""
    bulletin = (STORIES / "storm-bulletin.txt").read_text(encoding="utf-8")
    later = later_reading(bulletin)
    copy = bulletin.replace("Bão số 2 mạnh cấp 9, giật cấp 11 trên Biển Đông", "Bão số 2 có thể mạnh thêm").replace(
        "\n\nTHU HÀ", "")
    shorter, longer, _ = _shares(bulletin, later)
    assert stories.COVERED <= shorter < stories.COVERED_WHOLE and longer >= stories.COVERED_LONGER
    assert stories.another_reading(_body(later), _body(bulletin))
    assert not stories.another_reading(_body(copy), _body(bulletin))
    assert _group([bulletin, later, copy], [20260611] * 3) == [0, 1, 0]
    assert _group([bulletin, later], [20260611, 20260612]) == [0, 1]  # the next day too
    monkeypatch.setattr(stories, "NEW_READING_DAYS", -1)  # without the rule, the later reading is a copy
    assert _group([bulletin, later], [20260611] * 2) == [0, 0]


@pytest.mark.parametrize("text, hours", [
    ("hồi 13 giờ ngày 11/6, vị trí tâm bão", [(13, 0)]),
    ("Mưa bắt đầu lúc 17h50, kết thúc lúc 18h.", [(17, 50), (18, 0)]),
    ("Dự báo trong 24 giờ tới và 48 giờ tiếp theo, gió 60 km/giờ", []),
    ("đạt 2,1 mm trong 3 giờ qua", []),
])
def test_the_hours_of_the_day_a_body_names(text, hours):
    """Round 10 (issue #15): the hours a bulletin is stamped with; spans of time are none."""
    assert sorted(stories.hours_named(text)) == hours


def next_weeks_forecast(text: str) -> str:
    """Our written forecast of 14/5 by district (regional-forecast.txt) as the forecast of
    a week later: the same frame and set phrases in every paragraph ("Trong cơn dông có
    khả năng xảy ra tố, lốc..."), other figures, the weather of a few districts and the
    lead written anew, another byline."""
    for old, new in (("Thứ Năm, 14/05/2026 06:00", "Thứ Năm, 21/05/2026 06:00"), ("hôm nay (14/5)", "hôm nay (21/5)"),
                     ("nắng nóng ban ngày, chiều tối có dông", "ngày nắng, đêm có mưa rào"),
                     ("các khu vực trong tỉnh ngày nắng, chiều tối và đêm có mưa rào và dông vài nơi",
                      "trời nhiều mây, có mưa rào rải rác"),
                     ("60 đến 94%", "65 đến 96%"),
                     ("22 đến 24 độ C, cao nhất từ 31 đến 33", "23 đến 25 độ C, cao nhất từ 30 đến 32"),
                     ("Văn Lãng, Tràng Định mây thay đổi, ngày nắng,", "Văn Lãng, Tràng Định nhiều mây, ngày có lúc có nắng,"),
                     ("62 đến 96%", "63 đến 97%"),
                     ("21 đến 23 độ C, cao nhất từ 30 đến 32", "22 đến 24 độ C, cao nhất từ 29 đến 31"),
                     ("Bắc Sơn mây thay đổi, ngày nắng, chiều tối và đêm có mưa rào và dông vài nơi",
                      "Bắc Sơn mây thay đổi, ngày nắng, đêm có mưa rào và dông rải rác"),
                     ("58 đến 95%", "60 đến 93%"),
                     ("21 đến 24 độ C, cao nhất từ 31 đến 34", "22 đến 25 độ C, cao nhất từ 30 đến 33"),
                     ("Chi Lăng mây thay đổi, ngày nắng, có nơi nắng nóng, chiều tối", "Chi Lăng ít mây, ngày nắng nóng, chiều tối"),
                     ("55 đến 92%", "57 đến 94%"),
                     ("23 đến 25 độ C, cao nhất từ 32 đến 35", "24 đến 26 độ C, cao nhất từ 31 đến 34"),
                     ("Lộc Bình, Đình Lập mây thay đổi, ngày nắng,", "Lộc Bình, Đình Lập nhiều mây, có lúc có nắng,"),
                     ("60 đến 96%", "61 đến 95%"),
                     ("22 đến 24 độ C, cao nhất từ 30 đến 33", "23 đến 25 độ C, cao nhất từ 29 đến 32"),
                     ("TUỆ LÂM", "MINH HẰNG")):
        assert old in text
        text = text.replace(old, new, 1)
    return text


def test_a_template_forecast_of_another_week_is_not_a_copy_and_a_copy_days_later_is(monkeypatch):
    """Round 11 (issue #15): the forecast of a week later, written on the same frame,
    shares more of the shorter in runs of ten words than a copy of another day needs
    (COVERED_OTHER_DAY, under COVERED_WHOLE) and keeps a counterpart of nearly every
    sentence, but its shared runs are the set phrases every paragraph repeats, with other
    figures between: few lie in runs of six words found once in each text and in order
    (KEPT_IN_ORDER). An outlet's copy of a report three days later, under a lead and a
    closing of its own and a paragraph cut, keeps the rest in order and joins it; the
    same day the rule does not look (two papers' forecasts of one day, as the readers label
    them, are copies)."""
    forecast = (STORIES / "regional-forecast.txt").read_text(encoding="utf-8")
    next_week = next_weeks_forecast(forecast)
    shorter, longer, kept = _shares(forecast, next_week)
    assert stories.COVERED_OTHER_DAY <= shorter < stories.COVERED_WHOLE and longer >= stories.COVERED_LONGER
    assert kept >= stories.SENTENCES_KEPT_OTHER_DAY
    assert _ordered(forecast, next_week) < stories.KEPT_IN_ORDER
    assert _group([forecast, next_week], [20260514, 20260521]) == [0, 1]
    assert _group([forecast, next_week], [20260514, 20260516]) == [0, 1]  # two days apart too
    assert _group([forecast, next_week], [20260514, 20260514]) == [0, 0]
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    paragraphs = original.split("\n\n")
    assert paragraphs[5].startswith("Tuy nhiên") and paragraphs[7].startswith("Dịp này")
    copy = "\n\n".join([
        "Thứ Sáu, 15/05/2026", "Chuyển đổi cây trồng trên đất dốc: nông dân Lạng Sơn thu lãi từ na, hồng, quýt",
        "Sau một năm thực hiện đề án chuyển đổi cơ cấu cây trồng trên đất dốc, nhiều hộ nông dân ở các huyện vùng "
        "núi của Lạng Sơn đã bỏ cây ngô, cây sắn để trồng cây ăn quả và có nguồn thu ổn định hơn trước.",
        *paragraphs[3:5], paragraphs[6],
        "Theo kế hoạch, năm tới tỉnh sẽ mở rộng đề án ra thêm ba huyện phía đông, ưu tiên các xã có đông đồng bào "
        "dân tộc thiểu số và tỷ lệ hộ nghèo cao.", "PV"])
    shorter, longer, _ = _shares(original, copy)
    assert stories.COVERED_OTHER_DAY <= shorter < stories.COVERED_WHOLE
    assert _ordered(original, copy) >= stories.KEPT_IN_ORDER
    assert _group([original, copy], [20260512, 20260515]) == [0, 0]
    monkeypatch.setattr(stories, "KEPT_IN_ORDER", 0.0)  # without the rule, next week's forecast is a copy
    assert _group([forecast, next_week], [20260514, 20260521]) == [0, 0]


def _with_decimal_points(text: str) -> str:
    """*text* with its decimal commas written as points (17,6 as 17.6), as some outlets write them."""
    return re.sub(r"(\d),(\d)", r"\1.\2", text)


def test_another_reading_whose_figures_are_written_with_points_is_not_a_copy(monkeypatch):
    """Round 14 (issue #15): the bulletin of 16 giờ written by an outlet that puts a point
    in its figures (116.1 độ Kinh Đông for 116,1) is still another reading of the storm:
    its hour and its figures are not in the bulletin of 13 giờ. A figure with a point that
    could be a day (17.6, 20.1: 17 June, 20 January) is left out, so it is read on the
    others (116.1, 113.3, 16.0). An outlet's copy of the 13 giờ bulletin, its figures
    written with points, keeps them, and joins it."""
    bulletin = (STORIES / "storm-bulletin.txt").read_text(encoding="utf-8")
    later = _with_decimal_points(later_reading(bulletin))
    copy = _with_decimal_points(bulletin).replace(
        "Bão số 2 mạnh cấp 9, giật cấp 11 trên Biển Đông", "Bão số 2 có thể mạnh thêm").replace("\n\nTHU HÀ", "")
    shorter, longer, _ = _shares(bulletin, later)
    assert stories.COVERED <= shorter < stories.COVERED_WHOLE and longer >= stories.COVERED_LONGER
    assert "17.6" in later and "17,6" not in later
    assert stories.another_reading(_body(later), _body(bulletin))
    assert not stories.another_reading(_body(copy), _body(bulletin))
    assert _group([bulletin, later, copy], [20260611] * 3) == [0, 1, 0]
    monkeypatch.setattr(stories, "READING_POINT", False)  # figures with a comma alone: the later reading is a copy
    assert _group([bulletin, later], [20260611] * 2) == [0, 0]


@pytest.mark.parametrize("text, figures", [
    ("Hà Đông 41.5 độ, Láng 40,7 độ", ["40,7", "41,5"]),  # a point or a comma: one figure
    ("lượng mưa 2,1 mm, vàng 36,65 triệu đồng", ["2,1", "36,65"]),
    ("sáng 19.6, diện tích 1.350 ha, tăng 2.5%", []),  # a day, a thousand, and what may be a day (2 May)
    ("vị trí 112.0 độ Kinh Đông, 1,2,3", ["112,0"]),
])
def test_the_figures_of_a_reading(text, figures):
    """Round 14 (issue #15): the measurements a bulletin's reading is told by."""
    assert sorted(stories._readings(text)[1]) == figures


def notice_of_another_firm(text: str) -> str:
    """Our written notice of one firm's deposit (deposit-notice.txt) as the same notice of
    another firm six days later: every set phrase kept, the firm's name, address, dates and
    reason written anew, another byline."""
    for old, new in (("Thứ Tư, 21/06/2028 09:15", "Thứ Ba, 27/06/2028 10:00"),
                     ("Công ty TNHH Hoa Sen Lạng Giang", "Công ty Cổ phần Thương mại Đại Phong Hữu Lũng"),
                     ("số 18 đường Trần Phú, thị trấn Vôi, huyện Lạng Giang",
                      "số 5 đường Lê Lợi, thị trấn Hữu Lũng, huyện Hữu Lũng"),
                     ("năm 2024", "năm 2023"), ("một lần vào năm 2026", "hai lần, vào năm 2025 và năm 2026"),
                     ("doanh nghiệp tự chấm dứt việc kinh doanh", "giấy phép của doanh nghiệp đã bị thu hồi"),
                     ("NGỌC LAN", "THU HIỀN")):
        assert old in text
        text = text.replace(old, new)
    return text


def test_a_notice_written_again_for_another_firm_is_not_a_copy_and_a_copy_days_later_is(monkeypatch):
    """Round 14 (issue #15): the same notice of another firm six days later shares most of
    its text in runs of ten words, in order (the set phrases of the notice), as a copy
    would; but the shorter names its firm five times ("Hoa Sen", "Lạng Giang") and the
    other never: a template written again for another subject (SUBJECT_TIMES, two days
    apart or more: SUBJECT_DAYS). An outlet's copy three days later, retitled and signed
    with its source, keeps the names and joins it."""
    notice = (STORIES / "deposit-notice.txt").read_text(encoding="utf-8")
    other = notice_of_another_firm(notice)
    copy = notice.replace("Thứ Tư, 21/06/2028 09:15", "Thứ Bảy, 24/06/2028 08:00").replace(
        "Công ty TNHH Hoa Sen Lạng Giang xin nhận lại tiền ký quỹ",
        "Một doanh nghiệp đa cấp ở Lạng Giang xin rút tiền ký quỹ").replace("\n\nNGỌC LAN", "\n\nTheo Sở Công Thương")
    shorter, longer, _ = _shares(notice, other)
    assert shorter >= stories.COVERED_OTHER_DAY and longer >= stories.COVERED_LONGER
    assert _ordered(notice, other) >= stories.KEPT_IN_ORDER
    names = stories.names_of(_body(notice))
    assert names["hoa"] == names["sen"] == 5 and "cong" in names  # (Công ty, Sở Công Thương)
    assert "hon" not in names and "nguoi" not in names  # "Hơn ba tháng", "Người tham gia": a sentence's first word
    assert stories.another_subject(_body(notice), _body(other))
    assert not stories.another_subject(_body(notice), _body(copy))
    assert _group([notice, other, copy], [20280621, 20280627, 20280624]) == [0, 1, 0]
    monkeypatch.setattr(stories, "SUBJECT_TIMES", 0)  # without the rule, the other firm's notice is a copy
    assert _group([notice, other], [20280621, 20280627]) == [0, 0]


def test_a_copy_days_later_that_writes_a_name_by_its_initial_is_a_copy(monkeypatch):
    """Round 14 (issue #15): an outlet's copy three days later that writes the people it
    names by their initials (anh Hoàng Văn T. for anh Hoàng Văn Tuấn), as papers do in crime
    reports, keeps the name for the rule of another subject: it is a copy. Without the
    initials read so, the name "Tuấn", three times in the original and never in the copy,
    would part them."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    named = original.replace("NGỌC ANH", "Anh Hoàng Văn Tuấn, anh Tuấn cho biết, nhà anh Tuấn trồng na.\n\nNGỌC ANH")
    initials = named.replace("Tuấn", "T.")
    assert stories.names_of(_body(named))["tuan"] == 3
    assert not stories.another_subject(_body(named), _body(initials))
    assert stories.another_subject(_body(named), _body(initials.replace("T.", "Hải")))
    assert _group([named, initials], [20260512, 20260515]) == [0, 0]


def schedule_page(title: str, teaser: str = "gặp lại đối thủ cũ ngay vòng hai...") -> str:
    """A sports site's schedule page as fetched: the rounds' headings, the empty cells of
    its table, the site's links and a teaser of another article, in one run of words with
    no sentence (written for the test, on the shape of two pages of the real news)."""
    cells = " ".join(f"Vòng {n} Chưa xếp cặp" for n in ("một", "hai", "ba", "bốn"))
    return _article("Thứ Hai, 02/02/2026 20:45", title, [
        f"Mùa giải Vòng loại Vòng chính Tứ kết Bán kết Trận chung kết {cells} Xem tiếp Kết quả các trận "
        "Xem tiếp Bảng điểm hạt giống (Tin thể thao, tin cầu lông) Lễ bốc thăm giải cầu lông Mở rộng "
        f"Đà Nẵng xếp hai tay vợt chủ nhà vào cùng một nửa nhánh đấu, còn nhà vô địch mùa trước {teaser}"])


def test_two_pages_of_a_sites_template_are_two_pages_and_the_same_page_fetched_twice_is_one(monkeypatch):
    """Round 15 (issue #15): a site's men's and women's schedule pages, published the same
    minute, hold the same cells, links and teaser, and no sentence: what tells them apart is
    the title alone ("đơn nam", "đơn nữ"), so they are two pages, not copies. The same page
    fetched again under its own title is one; an article written in sentences and retitled
    by a word is a copy as before. In the real news this parts 1 pair of 331 judged copies
    (sample15 n=3533, labelled not by two readers: "boilerplate only")."""
    men = schedule_page("Lịch thi đấu cầu lông đơn nam giải Mở rộng Đà Nẵng 2026 mới nhất")
    women = schedule_page("Lịch thi đấu cầu lông đơn nữ giải Mở rộng Đà Nẵng 2026 mới nhất")
    again = men.replace("20:45", "21:10")
    bodies = [parsing.parse_text(t, "x", "x")[0].body for t in (men, women)]
    assert bodies[0] == bodies[1] and all(stories.is_page(stories.sketch(b)[1]) for b in bodies)
    assert _group([men, women, again], [20260202] * 3) == [0, 1, 0]
    # an article written in sentences, retitled by one word, is no page: still a copy
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    lines = original.split("\n")
    title_at = next(k for k, line in enumerate(lines) if line.strip() and k > 0)
    retitled = "\n".join(lines[:title_at] + [lines[title_at] + " mới nhất"] + lines[title_at + 1:])
    assert not stories.is_page(stories.sketch(parsing.parse_text(original, "x", "x")[0].body)[1])
    assert _group([original, retitled], [20260512, 20260512]) == [0, 0]
    monkeypatch.setattr(stories, "PAGES", False)  # without the rule: one story of three
    assert _group([men, women, again], [20260202] * 3) == [0, 0, 0]


@pytest.mark.parametrize("text, page", [
    ("Vòng một Vòng hai Chưa xếp cặp Xem tiếp Kết quả các trận Xem tiếp Bảng điểm hạt giống...", True),
    ("Vòng một Vòng hai Chưa xếp cặp. Xem tiếp Kết quả các trận Xem tiếp Bảng điểm hạt giống", False),
    ("Vòng một Vòng hai Chưa xếp cặp\nXem tiếp Kết quả các trận Xem tiếp Bảng điểm hạt giống", False),
    ("Trận chung kết đơn nam diễn ra lúc 19h30 tối nay tại nhà thi đấu Tiên Sơn.", True),
    ("Giải đấu khởi tranh từ ngày 2.2 tại TP.HCM với 64 tay vợt.", True),
])
def test_a_body_with_no_sentence_end_but_its_last_is_a_page(text, page):
    assert stories.is_page(stories.sketch(text)[1]) is page


def test_two_schedule_pages_show_as_two_results_when_searched(tmp_path, runner):
    """Round 15, through a real index: the grouping reads the titles the index stores, so
    the men's and women's schedule pages are two results, and an aggregator's fetch of the
    men's page under its title is listed as its copy."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "nam.txt").write_text(schedule_page("Lịch thi đấu cầu lông đơn nam giải Mở rộng Đà Nẵng 2026"),
                                 encoding="utf-8")
    (src / "nu.txt").write_text(schedule_page("Lịch thi đấu cầu lông đơn nữ giải Mở rộng Đà Nẵng 2026"),
                                encoding="utf-8")
    (src / "tonghop-nam.txt").write_text(
        schedule_page("Lịch thi đấu cầu lông đơn nam giải Mở rộng Đà Nẵng 2026").replace("20:45", "21:10"),
        encoding="utf-8")
    index = tmp_path / "index"
    indexing.update(index, [src])
    data = json.loads(runner.invoke(cli, ["search", "cau long", "--index", str(index), "--json"]).stdout)
    assert (data["total"], data["articles"]) == (2, 3)
    copies = {h["id"]: {c["id"] for c in h["copies"]} for h in data["hits"]}
    assert copies in ({"nam": {"tonghop-nam"}, "nu": set()}, {"tonghop-nam": {"nam"}, "nu": set()})


FESTIVAL_THEME = "Hội tụ sắc xuân biên cương, lan tỏa hương đào Xứ Lạng đến mọi miền"
FESTIVAL_PARTS = ("phiên chợ hoa đào và sản vật vùng cao của các huyện biên giới",
                  "liên hoan hát then, đàn tính của các dân tộc Tày, Nùng vùng Đông Bắc lần thứ ba",
                  "hội nghị giới thiệu tiềm năng du lịch và nông sản của tỉnh Lạng Sơn năm 2026",
                  "cuộc thi cắm hoa nghệ thuật và trưng bày những cây đào thế cổ của các nhà vườn")


def festival_programme(lead: str | None = None, last: bool = True) -> list[str]:
    """Paragraphs of a report of a festival's programme (written for the test, on the shape
    of two write-ups of one programme in the real news): its theme and four events, each
    a long name, in sentences of the report's own; *lead*: another first paragraph."""
    market, songs, conference, flowers = FESTIVAL_PARTS
    return [lead or f"Sáng 6/2, Ban tổ chức công bố chương trình Lễ hội hoa đào Xứ Lạng lần thứ ba, năm 2026, "
            f"với chủ đề “{FESTIVAL_THEME}”. Lễ hội sẽ diễn ra trong năm ngày, từ ngày 8 đến ngày 12/3, tại "
            "quảng trường và các tuyến phố trung tâm thành phố.",
            f"Điểm nhấn đầu tiên là {market}, với gần hai trăm gian hàng do các hợp tác xã mang về. Khách tham "
            "quan có thể thưởng thức miễn phí trà, bánh và rượu ngô ngay tại các gian hàng.",
            f"Buổi tối, sân khấu chính dành cho {songs}, quy tụ hơn ba trăm nghệ nhân, diễn viên không chuyên. "
            "Nhiều làn điệu cổ lần đầu được phục dựng và biểu diễn trước đông đảo khán giả.",
            f"Song song với các hoạt động văn hóa, {conference} sẽ mời gần một trăm doanh nghiệp lữ hành và phân "
            "phối. Tỉnh kỳ vọng ký kết ít nhất mười thỏa thuận hợp tác ngay trong dịp này.",
            *([f"Ngoài ra, {flowers} sẽ được tổ chức tại khuôn viên nhà văn hóa thành phố. Ban tổ chức cho biết "
               "năm nay số nhà vườn đăng ký tham gia tăng gần gấp đôi so với kỳ trước. Lễ hội được tổ chức hai "
               "năm một lần và năm nay dự kiến đón khoảng năm mươi nghìn lượt khách."] if last else [])]


def test_a_write_up_of_a_programme_the_next_day_in_sentences_of_its_own_is_not_a_copy(monkeypatch):
    """Round 15 (issue #15): the next day, a short notice that lists the festival's theme and
    events in two sentences of its own shares the long names, runs of ten words, with the
    report of the day before (65-80% of the notice in shared runs, 20% or more of the report:
    a copy on its runs alone) but hardly a sentence: another write-up of one programme, not
    a copy. The report republished the next day under a lead of its own, one paragraph cut,
    keeps its sentences and is a copy. In the real news this parts 1 pair of 331 judged
    copies (sample14 n=3250, the Buôn Ma Thuột coffee festival: two readers of three, not)."""
    market, songs, conference, flowers = FESTIVAL_PARTS
    report = _article("Thứ Sáu, 06/02/2026 09:30", "Tháng Ba, Xứ Lạng rực rỡ sắc đào", festival_programme())
    notice = _article("Thứ Bảy, 07/02/2026 08:00", "Lễ hội hoa đào Xứ Lạng lần thứ ba sắp khai mạc", [
        f"Với chủ đề “{FESTIVAL_THEME}”, lễ hội kéo dài từ 8 đến 12/3 gồm {market}; {songs}.",
        f"Kèm theo đó là {conference}, cùng {flowers}.",
        "Vé vào cửa tất cả các khu vực đều miễn phí, riêng xe ô tô gửi tại bãi đỗ ven sông Kỳ Cùng."])
    shorter, longer, kept = _shares(notice, report)
    assert stories.COVERED_OTHER_DAY <= shorter < stories.COVERED_WHOLE and longer >= stories.COVERED_LONGER
    assert kept < stories.PLAIN_KEPT
    copy = _article("Thứ Bảy, 07/02/2026 07:15", "Lạng Sơn công bố chương trình lễ hội hoa đào", festival_programme(
        lead="Từ ngày 8 đến 12/3, thành phố Lạng Sơn sẽ là điểm hẹn của du khách yêu hoa đào và văn hóa vùng cao, "
             "theo chương trình vừa được ban tổ chức giới thiệu tại buổi họp báo. Đây là năm đầu tiên lễ hội "
             "kéo dài trọn năm ngày.", last=False))
    shorter, _, kept = _shares(copy, report)
    assert shorter < stories.COVERED_WHOLE and kept >= stories.PLAIN_KEPT
    assert _group([report, notice, copy], [20260206, 20260207, 20260207]) == [0, 1, 0]
    monkeypatch.setattr(stories, "PLAIN_KEPT", 0)  # without the rule: one story of three
    assert _group([report, notice, copy], [20260206, 20260207, 20260207]) == [0, 0, 0]


def test_a_storys_id_is_its_first_publication_whatever_the_search(archive):
    """A user trial: no row said which story it belonged to, and the copy standing for a story
    changed with the sort and the query. Its id is its first publication's, whichever shows it."""
    searcher = Searcher(archive)
    seen = set()
    for params in ({"q": "chi lang"}, {"q": "đất dốc Lạng Sơn"}, {"q": "", "sort": "oldest"}, {"q": ""},
                   {"q": "chi lang", "group": "0"}, {"q": "", "from": "2026-05-14", "to": "2026-05-14"}):
        for hit in searcher.search(SearchRequest.from_params(params)).hits:
            if hit.id in ("lso-goc", "tonghop-ban-sao", "baomoi-ban-sao"):
                seen.add(hit.id)
                assert (hit.story, hit.first_date.isoformat()) == ("lso-goc", "2026-05-12"), (params, hit.id)
                assert [c.first for c in hit.copies] == [c.id == "lso-goc" for c in hit.copies]
            else:
                assert (hit.story, hit.first_date, hit.copies) == (hit.id, hit.date, ())
    assert seen == {"lso-goc", "tonghop-ban-sao", "baomoi-ban-sao"}


def test_copies_of_one_day_are_first_published_in_the_order_of_their_ids_numbers(tmp_path):
    """A page gives no time of day: of one day's copies the first publication is the one an
    outlet numbered first (bao-9 before bao-10, as numbers, not as text). Ranked by relevance it
    stands for the story when it matches, though a copy of its day matches better."""
    original = parsing.parse_text((STORIES / "original.txt").read_text(encoding="utf-8"), "goc", "goc")[0]
    rows = [{"id": "bao-10", "title": "Lạng Sơn: trồng na trên đất dốc", "date": "2026-05-12", "body": original.body},
            {"id": "bao-9", "title": original.title, "date": "2026-05-12", "body": original.body},
            {"id": "bao-8", "title": original.title, "date": "2026-05-13", "body": original.body}]
    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "wire.jsonl", rows)], procs=1)
    searcher = Searcher(index)
    every = searcher.search(SearchRequest.from_params({"q": "trồng na đất dốc", "group": "0"}))
    assert every.hits[0].id == "bao-10"  # its title holds the words: the best match
    [hit] = searcher.search(SearchRequest.from_params({"q": "trồng na đất dốc"})).hits
    assert (hit.id, hit.story, [(c.id, c.first) for c in hit.copies]) == (
        "bao-9", "bao-9", [("bao-10", False), ("bao-8", False)])
    [hit] = searcher.search(SearchRequest.from_params({"q": "na đất dốc Lạng Sơn trồng", "sort": "newest"})).hits
    assert (hit.id, hit.story, [(c.id, c.first) for c in hit.copies]) == (
        "bao-8", "bao-9", [("bao-9", True), ("bao-10", False)])


def _lone_story() -> list[str]:
    """The three articles of round 13's story (see
    test_an_article_the_stars_leave_alone_joins_its_closest_copys_story): the page that
    carries the report's first four paragraphs among other news (its centre), the report,
    and an outlet's page of the day before that the stars leave alone and that joins the
    report's story."""
    paragraphs = (STORIES / "original.txt").read_text(encoding="utf-8").split("\n\n")[2:8]
    items = _sample_bodies(8)
    return [_article("Thứ Tư, 13/05/2026", "Lạng Sơn: chuyển đổi cây trồng và các tin khác",
                     [*paragraphs[:4], *items[:5]]),
            _article("Thứ Tư, 13/05/2026", "Hơn 2.000 hộ dân Lạng Sơn chuyển sang trồng cây ăn quả", paragraphs),
            _article("Thứ Ba, 12/05/2026", "Lạng Sơn đẩy mạnh chuyển đổi cây trồng", [*paragraphs[1:], *items[5:8]])]


@pytest.mark.parametrize("shift", [-1, 0, 1])
def test_adding_an_exact_copy_of_an_article_splits_no_story(shift):
    """A user trial (issue #15): a story of four reports, and an exact copy of one of them
    added (the same body, another outlet, a day earlier): the copy and its original formed
    a story of their own and the three others another. The article the stars leave alone
    joins its closest copy's story (round 13); given an exact copy, it started a star of
    its own with it, no longer alone. Identical bodies are one article to the grouping
    now: the copy takes its original's story and nothing else moves, whatever its date."""
    texts = _lone_story()
    days = [20260513, 20260513, 20260512]
    assert _group(texts, days) == [0, 0, 0]
    for k in range(3):  # a copy of each, dated *shift* days from it
        assert _group([*texts, texts[k]], [*days, days[k] + shift]) == [0, 0, 0, 0]
    # a copy of every article: still one story
    assert _group([*texts, *texts], [*days, *(d + shift for d in days)]) == [0] * 6
    if shift == 0:  # the original deleted, its copy is grouped in its place
        assert _group([*texts, texts[2]], [*days, days[2]], [True, True, False, True]) == [0, 0, 2, 0]


def test_an_exact_copy_is_in_its_originals_story_and_joins_no_other():
    """A user trial (issue #15): an exact copy of a report, dated two days before it,
    was grouped with another day's page and its original stayed in a story of its own.
    Here the report (13/5) is a copy of an outlet's page of its day (C2, 4 of its 6
    paragraphs); a longer page of 11/5 (C1) holds 3 of them, which makes a copy of an
    article of 11/5 and not of one of 13/5 (the share of another day). The report's
    exact copy dated 11/5 joined C1 (the longest starts the first star), the report C2.
    And when C2 holds the report nearly whole, the copy, in C1's star, was a twin of C2,
    which joined it: adding a copy made two stories one. Identical bodies are one
    article now, in their first-indexed one's place: the copy joins its original."""
    paragraphs = (STORIES / "original.txt").read_text(encoding="utf-8").split("\n\n")[2:8]
    items = _sample_bodies(8)
    report = _article("Thứ Tư, 13/05/2026", "Hơn 2.000 hộ dân Lạng Sơn chuyển sang trồng cây ăn quả", paragraphs)
    copy = report.replace("Thứ Tư, 13/05/2026", "Thứ Hai, 11/05/2026")
    page = _article("Thứ Hai, 11/05/2026", "Lạng Sơn: chuyển đổi cây trồng và các tin khác",
                    [*paragraphs[:3], *items[:5]])
    days = [20260511, 20260513, 20260513, 20260511]
    for kept in (2, 1):  # C2 holds the report's last four paragraphs, then its last five
        c2 = _article("Thứ Tư, 13/05/2026", "Tin nông nghiệp Lạng Sơn", [*paragraphs[kept:], *items[5:7]])
        assert _group([page, c2, report], days[:3]) == [0, 1, 1]
        assert _group([page, copy], [20260511, 20260511]) == [0, 0]  # alone, the copy is a copy of C1
        assert _group([page, c2, report, copy], days) == [0, 1, 1, 1]


def test_indexing_an_exact_copy_leaves_the_story_shown_whole(tmp_path, runner):
    """A user trial (issue #15), through a real index and the CLI: a story of three
    reports shows once; an exact copy of one of them, from another outlet and dated a day
    earlier, indexed after them, is listed among its copies, and the story stays one
    (the copy and its original were one story and the two others another)."""
    rows = [{"id": name, "title": parsing.parse_text(text, name, name)[0].title, "date": date,
             "url": f"https://{outlet}/{name}.html", "body": _body(text)}
            for name, outlet, date, text in zip(("trang-tin", "bao-cao", "bao-huyen"),
                                                 ("baolangson.example", "tintonghop.example", "baohuyen.example"),
                                                 ("2026-05-13", "2026-05-13", "2026-05-12"), _lone_story())]
    index = tmp_path / "index"
    assert runner.invoke(cli, ["index", str(write_jsonl(tmp_path / "src" / "a.jsonl", rows)),
                               "--index", str(index)]).exit_code == 0
    before = runner.invoke(cli, ["search", "chi lang", "--index", str(index)]).stdout
    assert "1 story (3 articles;" in before and "2 bản đăng lại (republished)" in before
    copy = {**rows[2], "id": "ban-sao", "date": "2026-05-11", "url": "https://docbao.example/ban-sao.html"}
    assert runner.invoke(cli, ["index", str(write_jsonl(tmp_path / "more" / "b.jsonl", [copy])),
                               "--index", str(index)]).exit_code == 0
    after = runner.invoke(cli, ["search", "chi lang", "--index", str(index)])
    assert after.exit_code == 0
    assert "1 story (4 articles;" in after.stdout and "3 bản đăng lại (republished)" in after.stdout
    # the copy, dated first, stands for the story; the others are its copies
    assert "[2026-05-11 · docbao.example]  ban-sao" in after.stdout
    assert ("  3 bản đăng lại (republished):\n"
            "    baohuyen.example 2026-05-12 bao-huyen  Lạng Sơn đẩy mạnh chuyển đổi cây trồng\n"
            "    tintonghop.example 2026-05-13 bao-cao  Hơn 2.000 hộ dân Lạng Sơn chuyển sang trồng cây ăn quả\n"
            "    baolangson.example 2026-05-13 trang-tin  Lạng Sơn: chuyển đổi cây trồng và các tin khác\n") in after.stdout


def test_a_wire_story_copied_more_often_than_a_bucket_holds_stays_one_story():
    """Round 16 (issue #15): a band value (or an anchor) held by more than MAX_BUCKET
    articles is boilerplate and proposes no pair, so a story republished word for word
    by MAX_BUCKET outlets was one story, and one more copy made every copy a story of its
    own. Identical bodies are one article to the grouping: they stay one story."""
    original = (STORIES / "original.txt").read_text(encoding="utf-8")
    for n in (stories.MAX_BUCKET, stories.MAX_BUCKET + 1):
        assert _group([original] * n, [20260512] * n) == [0] * n


def test_identical_bodies_that_are_no_text_are_one_story_only_under_one_title():
    """Round 16: a body the rule would not call a copy of itself, a sentence repeated down
    a template (filler) or a page of cells (round 15), is one with an identical body only
    under its title: the same page fetched twice is one story, two pages of a template
    under two titles are two."""
    filler = "Công tác dân vận ở cơ sở được chú trọng. " * 20
    assert stories.covered(*[stories.sketch(filler)[1]] * 2)[0] < stories.COVERED
    texts = [_article("Thứ Ba, 12/05/2026", f"Tin số {k}", [filler]) for k in (1, 2, 1)]
    assert _group(texts, [20260512] * 3) == [0, 1, 0]
    pages = [schedule_page("Lịch thi đấu tennis đơn nam"), schedule_page("Lịch thi đấu tennis đơn nữ")]
    assert _group([*pages, pages[0]], [20260512] * 3) == [0, 1, 0]


def test_sorted_oldest_first_a_story_is_shown_by_its_first_publication_not_a_copy_of_its_day(tmp_path, runner):
    """A review of b8f64e2: sorted oldest first, the story took the copy of its earliest day the
    index holds first (bao-10, indexed before bao-9), and called the story's first publication
    one of its "bản đăng khác" (on the real news, `Hà Nội` sorted oldest: 27 stories so, their
    first publication matching the query; ranked by relevance, none)."""
    original = parsing.parse_text((STORIES / "original.txt").read_text(encoding="utf-8"), "goc", "goc")[0]
    rows = [{"id": "bao-10", "title": original.title, "date": "2026-05-12", "body": original.body},
            {"id": "bao-9", "title": original.title, "date": "2026-05-12", "body": original.body},
            {"id": "bao-8", "title": original.title, "date": "2026-05-13", "body": original.body}]
    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "wire.jsonl", rows)], procs=1)
    shown = runner.invoke(cli, ["search", "trồng na", "--sort", "oldest", "--index", str(index)]).stdout
    assert "trồng cây ăn quả  [2026-05-12]  bao-9\n" in shown
    assert "  2 bản đăng lại (republished):\n    - 2026-05-12 bao-10  " in shown
    assert "bản đăng khác" not in shown
    client = create_app({"INDEX_DIR": str(index), "TESTING": True, "WARM_UP": False}).test_client()
    for query in ("trồng na", ""):
        page = client.get("/", query_string={"q": query, "sort": "oldest"}).get_data(as_text=True)
        assert "<summary>2 bản đăng lại</summary>" in page and "bản đăng khác" not in page, query
        [hit] = client.get("/api/search", query_string={"q": query, "sort": "oldest"}).get_json()["hits"]
        assert (hit["id"], hit["story"], [c["id"] for c in hit["copies"]]) == ("bao-9", "bao-9", ["bao-10", "bao-8"])


def test_every_copy_of_a_wire_story_exported_on_its_own_row_reads_each_copy_once(tmp_path, runner, monkeypatch):
    """A review of b8f64e2: each row of `--all-copies` (group=0) read its story's other 50
    publications from the index again, so a story of 60 copies read 3,000 stored articles for
    its 60 rows: 3.7 ms a row, ten times the 0.38 ms of a row before (a 10,000-row download of
    such stories would hold a server thread about 37 s, the cap being set for 10). The rows
    of one stream share what they read."""
    original = parsing.parse_text((STORIES / "original.txt").read_text(encoding="utf-8"), "goc", "goc")[0]
    rows = [{"id": f"bao-{k:02d}", "title": original.title, "date": f"2026-05-{12 + k % 3:02d}",
             "url": f"https://bao{k:02d}.example/tin-{k}.html", "body": original.body} for k in range(60)]
    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "wire.jsonl", rows)], procs=1)
    before = [json.loads(line) for line in runner.invoke(
        cli, ["search", "chi lăng", "--all-copies", "--format", "jsonl", "--index", str(index)]).stdout.splitlines()]
    reads = []
    from_stored = schema.from_stored
    monkeypatch.setattr(schema, "from_stored", lambda fields: reads.append(fields["id"]) or from_stored(fields))
    result = runner.invoke(cli, ["search", "chi lăng", "--all-copies", "--format", "jsonl", "--index", str(index)])
    assert [json.loads(line) for line in result.stdout.splitlines()] == before  # the same rows
    assert len(before) == 60 and all(r["copy_count"] == 59 and len(r["copies"]) == COPIES_SHOWN for r in before)
    first = next(r for r in before if r["id"] == "bao-00")
    assert [c["first"] for c in first["copies"]] == [False] * COPIES_SHOWN  # the first lists its republications
    assert all([c["id"] for c in r["copies"] if c["first"]] == ["bao-00"] for r in before if r["id"] != "bao-00")
    # each article read for its own row, and at most once more, as a copy listed before its row
    assert len(reads) < 2 * 60 and max(map(reads.count, set(reads))) <= 2, f"{len(reads)} stored articles read"
