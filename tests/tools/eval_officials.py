"""Precision and recall of the officials extractor on the labelled sets.

    python -m tests.tools.eval_officials            # the tables (make eval)
    python -m tests.tools.eval_officials --errors   # and every miss and false find
    python -m tests.tools.eval_officials --errors --part all   # real set only
    python -m tests.tools.eval_officials --sample ../shared/real-news/articles.jsonl

Two labelled sets:

* **written**: the sample archive (data/) and tests/data/officials/cases.jsonl, with the
  officials a careful reader lists in tests/data/officials/labels.json (articles we wrote).
* **real**: 200 real articles of ``../shared/real-news/articles.jsonl`` (issue #11), drawn
  at random (seed 20261130) among the 15,000 that name a post and are at most 5,000
  characters long, and labelled by hand before anyone looked at the extractor's output
  (tests/data/officials/real_labels.jsonl: ids and labels, no article text). At first
  articles n < 160 were ``dev`` (read while developing) and n >= 160 ``heldout`` (only
  measured); once measured, the held-out 40 had been looked at, so all 200 are now ``dev``
  (their errors are read), and ``first_heldout`` marks the 40 that were the first held-out
  set: they are still reported apart, as figures comparable with the first round. A new,
  blind held-out set is measured outside this tool. The draw is repeated here and checked
  against the labels' ids. Skipped, with a note, when ``../shared/real-news/`` is not there.
* **real, second held-out**: 100 more real articles drawn the same way (seed 20261201, among
  the candidates not in the first 200), labelled blind by two labellers (50 each) while the
  extractor's round 3 was written without reading them, and measured once at its end
  (tests/data/officials/real_labels_heldout2.jsonl, ``part: heldout2``). Its errors are
  listed only with ``--part heldout2``: read them, and the set is spent like the first.
* **real, third held-out**: 100 more drawn the same way (seed 20261202, among the candidates
  in neither earlier set), labelled blind by two labellers (50 each) while round 4 was written
  without reading them (tests/data/officials/real_labels_heldout3.jsonl, ``part: heldout3``);
  errors listed only with ``--part heldout3``. Round 5 read the errors of the second and third
  held-out sets (spent, dev since).
* **real, fourth held-out**: 100 more drawn the same way (seed 20261204, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each; a third re-read 25
  of them and agreed on all 42 names both called firm) while round 5 was written without
  reading them (tests/data/officials/real_labels_heldout4.jsonl, ``part: heldout4``);
  errors listed only with ``--part heldout4``. Measured for round 4 and round 5.
* **real, fifth held-out**: 100 more drawn the same way (seed 20261205, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 6 was
  written without reading them (tests/data/officials/real_labels_heldout5.jsonl, ``part:
  heldout5``); errors listed only with ``--part heldout5``. Measured for round 5 and round 6;
  round 7 read its errors (spent, dev since).
* **real, sixth held-out**: 100 more drawn the same way (seed 20261206, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 7 was
  written without reading them (tests/data/officials/real_labels_heldout6.jsonl, ``part:
  heldout6``); errors listed only with ``--part heldout6``. Measured for round 6 and round 7;
  round 8 read its errors (spent, dev since).
* **real, seventh held-out**: 100 more drawn the same way (seed 20261207, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 8 was
  written without reading them (tests/data/officials/real_labels_heldout7.jsonl, ``part:
  heldout7``); errors listed only with ``--part heldout7``. Measured for round 7 and round 8;
  round 9 read its errors (spent, dev since).
* **real, eighth held-out**: 100 more drawn the same way (seed 20261208, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 9 was
  written without reading them (tests/data/officials/real_labels_heldout8.jsonl, ``part:
  heldout8``); errors listed only with ``--part heldout8``. Measured for round 8 and round 9;
  round 10 read its errors (spent, dev since).
* **real, ninth held-out**: 100 more drawn the same way (seed 20261209, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 10 was
  written without reading them (tests/data/officials/real_labels_heldout9.jsonl, ``part:
  heldout9``); errors listed only with ``--part heldout9``. Measured for round 9 and round 10;
  round 11 read its errors (spent, dev since).
* **real, tenth held-out**: 100 more drawn the same way (seed 20261210, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 11 was
  written without reading them (tests/data/officials/real_labels_heldout10.jsonl, ``part:
  heldout10``); errors listed only with ``--part heldout10``. Measured for round 10 and round 11;
  round 12 read its errors (spent, dev since).
* **real, eleventh held-out**: 100 more drawn the same way (seed 20261211, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 12 was
  written without reading them (tests/data/officials/real_labels_heldout11.jsonl, ``part:
  heldout11``); errors listed only with ``--part heldout11``. Measured for round 11 and round 12;
  round 13 read its errors (spent, dev since).
* **real, twelfth held-out**: 100 more drawn the same way (seed 20261212, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 13 was
  written without reading them (tests/data/officials/real_labels_heldout12.jsonl, ``part:
  heldout12``); errors listed only with ``--part heldout12``. Measured for round 12 and round 13;
  round 14 read its errors (spent, dev since).
* **real, thirteenth held-out**: 100 more drawn the same way (seed 20261213, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 14 was
  written without reading them (tests/data/officials/real_labels_heldout13.jsonl, ``part:
  heldout13``); errors listed only with ``--part heldout13``. Measured for rounds 13, 14 and 15;
  round 16 read its errors (spent, dev since).
* **real, fourteenth held-out**: 100 more drawn the same way (seed 20261214, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 16 was
  written without reading them (tests/data/officials/real_labels_heldout14.jsonl, ``part:
  heldout14``); errors listed only with ``--part heldout14``. Measured for rounds 15 and 16;
  round 17 read its errors (spent, dev since).
* **real, fifteenth held-out**: 100 more drawn the same way (seed 20261215, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 17 was
  written without reading them (tests/data/officials/real_labels_heldout15.jsonl, ``part:
  heldout15``); errors listed only with ``--part heldout15``.
* **real, sixteenth held-out**: 100 more drawn the same way (seed 20261216, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 18 was
  written without reading them (tests/data/officials/real_labels_heldout16.jsonl, ``part:
  heldout16``); errors listed only with ``--part heldout16``.
* **real, seventeenth held-out**: 100 more drawn the same way (seed 20261217, among the candidates
  in none of the earlier sets), labelled blind by two labellers (50 each) while round 19 was
  written without reading them (tests/data/officials/real_labels_heldout17.jsonl, ``part:
  heldout17``); errors listed only with ``--part heldout17``.

What counts, on the real set:

* **Names** compare as the facet tells people apart (``officials.person_name``): by canonical
  form (NFC, one tone placement, capitalised) with one spelling of the syllables written with
  i or y alike (Sĩ/Sỹ, Lí/Lý, Kì/Kỳ, Mĩ/Mỹ; since round 7). A found name that is a foreign
  label's but for accents, case, hyphens or a leading ``Sheikh`` (François/Francois,
  al-Thani/Al Thani) is that label: papers transliterate foreign names each their own way
  (since the foreign names of round 11's session; it moved some earlier figures up, by 0.01
  at most, which the README's tables of earlier rounds do not show).
* A label marked ``unsure`` (the labeller could not tell whether the post is public) or
  ``partial`` (the article gives only part of the name, ``ông Tuấn``) is neither right nor
  wrong: finding it is not counted, missing it is not counted.
* **Foreign officials** (``foreign``) are counted in the "with foreign" rows; in the
  "without foreign" rows (the headline: Vietnamese public officials are what the facet is
  for) they are left out of the labels, and finding one is neither right nor wrong.
* **(name, title) pairs**: titles compare by their words, case and tone placement aside, and
  with the abbreviations of ``data/abbreviations.tsv`` written short (``Ủy ban nhân dân`` =
  ``UBND``). A found title counts right when it equals one of the person's labelled
  titles, or is a *short form* of one: the labelled title without its place's proper name
  at the end (``Chủ tịch UBND tỉnh`` for ``Chủ tịch UBND tỉnh Kiên Giang``: labellers kept
  only the fullest form of a title an article repeats), or the bare post that a labelled
  title starts with (``Phó Thủ tướng`` for ``Phó Thủ tướng Chính phủ``, ``Bộ trưởng`` for
  ``Bộ trưởng Bộ Y tế``). Title abbreviations the table lacks are in ``TITLE_ABBREVIATIONS``
  (``ĐB``, ``BV``, ``TPHCM``...). Titles also match without what they hold in brackets
  (``Cục trưởng Cục An ninh (Bộ Công an)`` = ``Cục trưởng Cục An ninh``), and a labelled
  title without its term (``Ủy viên Trung ương Đảng khóa X, XI``) is a short form too, and
  so is a title without the level word before its place's name (``Bí thư Thành ủy Hải
  Phòng`` for ``Bí thư Thành ủy TP Hải Phòng``; this one both ways, for recall too).
  A labelled title counts found when a found title equals it (brackets aside), or when it
  is a bare post that a found title starts with (the extractor keeps only the fullest form
  of a title: ``Phó Thủ tướng`` is found in ``Phó Thủ tướng Chính phủ``). Titles of a name that is not a labelled official are
  wrong; titles of unsure, partial (and, without foreign, foreign) people are not counted.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from indexer import abbreviations, normalize, parsing
from indexer.models import Article
from indexer.officials import is_post, person_name, with_officials

HERE = Path(__file__).resolve().parent.parent
ROOT = HERE.parent
LABELS = HERE / "data" / "officials" / "labels.json"
CASES = HERE / "data" / "officials" / "cases.jsonl"
REAL_LABELS = HERE / "data" / "officials" / "real_labels.jsonl"
# the held-out sets, in the order they were labelled: part "heldoutK" in real_labels_heldoutK.jsonl
HELD_OUT_PARTS = tuple(f"heldout{k}" for k in range(2, 18))
REAL_NEWS = ROOT.parent / "shared" / "real-news" / "articles.jsonl"

# The draw of the real labelled set (the labelling team's sample.py, repeated).
SEED = 20261130
SAMPLE_SIZE = 200
HELDOUT_FROM = 160
MAX_CHARS = 5000
POST = re.compile(
    r"\b(chủ tịch|bí thư|giám đốc|bộ trưởng|thứ trưởng|thủ tướng|trưởng ban|trưởng phòng|phó trưởng|"
    r"cục trưởng|chánh án|viện trưởng|tư lệnh|chính ủy|đại tá|thiếu tướng|trung tướng|thượng tá|trung tá|"
    r"thiếu tá|đại biểu quốc hội|tổng bí thư|chủ nhiệm|chi cục trưởng|chánh văn phòng)\b",
    re.I,
)


# Abbreviations of titles that data/abbreviations.tsv (made for queries) does not hold.
TITLE_ABBREVIATIONS = [
    ("ĐB", "đại biểu"), ("BVĐK", "bệnh viện đa khoa"), ("BV", "bệnh viện"), ("CAH", "công an huyện"),
    ("HCM", "Hồ Chí Minh"), ("T.Ư", "Trung ương"), ("TƯ", "Trung ương"),
    ("TW", "Trung ương"), ("ĐH", "đại học"), ("QH", "Quốc hội"), ("CĐ", "công đoàn"), ("TP", "Thành phố"),
]


def _short_forms() -> list[tuple[list[str], list[str]]]:
    table = abbreviations.load_default()
    pairs = [(a[0], b[0]) for a, b in table.pairs] if table else []
    pairs += [(normalize.words(a), normalize.words(b)) for a, b in TITLE_ABBREVIATIONS]
    return sorted(((long, short) for short, long in pairs if len(long) > 1), key=lambda p: -len(p[0]))


_SHORT = _short_forms()
_PLACE_LEVELS = {normalize.exact(w) for w in "tỉnh huyện xã phường quận tp thành phố thị trấn tx".split()}


_BRACKETS = re.compile(r"\s*\([^)]*\)?")
_TERM = re.compile(r"\s+khoá?\s+[IVXL]+(?:\s*,\s*[IVXL]+)*\s*$|\s+khóa\s+[IVXL]+(?:\s*,\s*[IVXL]+)*\s*$")


def title_keys(title: str) -> set[str]:
    """The keys a title matches by: as written, and without what it holds in brackets
    (labellers and articles keep or drop "(Bộ Công an)", "(VHTTDL)" alike)."""
    return {title_key(title), title_key(_BRACKETS.sub("", title))}


def title_key(title: str) -> str:
    """A title's words, case and tone placement aside, abbreviations written short."""
    words = normalize.words(title)
    words = [x for w in words for x in (["tp", "hcm"] if w == "tphcm" else [w])]
    out, i = [], 0
    while i < len(words):
        for long, short in _SHORT:
            if words[i:i + len(long)] == long:
                out += short
                i += len(long)
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


_LEVEL_BEFORE_PLACE = re.compile(r"\b(?:TP\.?|Tp\.?|thành phố|Thành phố|tỉnh|Tỉnh)\s+(?=[A-ZĐ])")


def short_forms(title: str) -> set[str]:
    """Short forms of a labelled title: without its place's name, without its term (khóa X),
    without the level word before its place's name ("Thành ủy TP Hải Phòng")."""
    out = {s for s in (short_form(title), short_form(_TERM.sub("", title))) if s}
    out.add(title_key(_LEVEL_BEFORE_PLACE.sub("", title)))
    if _TERM.search(title):
        out.add(title_key(_TERM.sub("", title)))
    return out


def short_form(title: str) -> str | None:
    """The title without the proper name of its place at the end, or None."""
    words = normalize.clean(title).split()
    for k in range(len(words) - 1, 0, -1):
        if normalize.exact(words[k - 1].strip(".,")) in _PLACE_LEVELS or words[k - 1] in ("TP.", "Tp."):
            rest = words[k:]
            if rest and all(w[:1].isupper() for w in rest):
                return title_key(" ".join(words[:k]))
            return None
    return None


@dataclass
class Score:
    true: int = 0
    false: int = 0
    missed: int = 0
    found_true: int = 0  # for recall, when it differs from precision's count (pairs)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true / (self.true + self.false) if self.true + self.false else 1.0

    @property
    def recall(self) -> float:
        hit = self.found_true if self.found_true or self.missed else self.true
        return hit / (hit + self.missed) if hit + self.missed else 1.0

    def add(self, article_id: str, found: set, wanted: set, what: str) -> None:
        self.true += len(found & wanted)
        self.found_true += len(found & wanted)
        self.false += len(found - wanted)
        self.missed += len(wanted - found)
        self.errors += [f"{article_id}: false {what} {x}" for x in sorted(found - wanted)]
        self.errors += [f"{article_id}: missed {what} {x}" for x in sorted(wanted - found)]


def labelled_articles() -> list[tuple[Article, list[dict]]]:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    out = []
    for item in parsing.read_paths([ROOT / "data"]):
        if isinstance(item, Article):
            out.append((item, labels["data"][item.id]))
    for item in parsing.read_paths([CASES]):
        if isinstance(item, Article):
            out.append((item, labels["cases"][item.id]))
    return out


def evaluate() -> tuple[Score, Score, int]:
    """The written set's scores."""
    names, pairs = Score(), Score()
    articles = labelled_articles()
    for article, wanted in articles:
        found_names = {normalize.canonical_name(o.name) for o in article.officials}
        wanted_names = {normalize.canonical_name(o["name"]) for o in wanted}
        names.add(article.id, found_names, wanted_names, "name")
        found_pairs = {(normalize.canonical_name(o.name), title_key(t)) for o in article.officials for t in o.titles}
        wanted_pairs = {(normalize.canonical_name(o["name"]), title_key(t)) for o in wanted for t in o["titles"]}
        pairs.add(article.id, found_pairs, wanted_pairs, "pair")
    return names, pairs, len(articles)


def real_rows(path: Path = REAL_NEWS) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def draw(rows: list[dict]) -> list[tuple[int, bool, str]]:
    """(n, whether one of the first held-out 40, id) of the real labelled set, drawn as the
    labelling team drew it."""
    cand = []
    for i, row in enumerate(rows):
        text = unicodedata.normalize("NFC", (row["title"] or "") + "\n" + (row["body"] or ""))
        if POST.search(text) and len(text) <= MAX_CHARS:
            cand.append(i)
    pick = random.Random(SEED).sample(cand, SAMPLE_SIZE)
    return [(k, k >= HELDOUT_FROM, rows[i]["id"]) for k, i in enumerate(pick)]


def real_labels() -> list[dict]:
    """The labels of the 200 (``dev``), then of each held-out 100 (:data:`HELD_OUT_PARTS`)."""
    paths = (REAL_LABELS, *(HERE / "data" / "officials" / f"real_labels_{part}.jsonl" for part in HELD_OUT_PARTS))
    return [json.loads(line) for path in paths for line in path.open(encoding="utf-8")]


def real_articles(rows: list[dict]) -> dict[str, Article]:
    """The real labelled articles, parsed and with their officials, by id."""
    ids = {label["id"] for label in real_labels()}
    out = {}
    for k, row in enumerate(rows):
        if row["id"] in ids:
            article, _ = parsing.parse_record(row, f"real:{k + 1}", f"real:{k + 1}")
            out[row["id"]] = with_officials(article)
    return out


def _loose(name: str) -> str:
    """A foreign name's key: accents, case, hyphens and a leading honorific aside."""
    words = normalize.folded(name).lower().replace("-", " ").replace(".", " ").split()
    return " ".join(words[1:] if words[:1] == ["sheikh"] else words)


def score_real(article: Article, labels: list[dict], foreign: bool, names: Score, pairs: Score) -> None:
    """Add one real article's names and pairs to the scores (see the module docstring)."""
    wanted: dict[str, dict] = {}
    neutral: set[str] = set()
    for label in labels:
        name = person_name(label["name"])
        if label.get("unsure") or label.get("partial") or (label.get("foreign") and not foreign):
            neutral.add(name)
        else:
            wanted[name] = label
    neutral -= set(wanted)
    # a foreign name is transliterated as each paper likes (François/Francois, al-Thani/Al
    # Thani, "Sheikh" or not): a found name that is a foreign label's, so written, is that label
    foreign_names = {_loose(person_name(lab["name"])): person_name(lab["name"]) for lab in labels if lab.get("foreign")}
    found = {foreign_names.get(_loose(person_name(o.name)), person_name(o.name)): o.titles for o in article.officials}
    counted = {n: t for n, t in found.items() if n not in neutral}
    names.add(article.id, set(counted), set(wanted), "name")
    for name, titles in counted.items():
        label_titles = wanted.get(name, {}).get("titles", [])
        exact_keys = {k for t in label_titles for k in title_keys(t)}
        allowed = exact_keys | {s for t in label_titles for s in short_forms(t)}
        for title in titles:
            keys = title_keys(title) | {title_key(_TERM.sub("", title))}
            if keys & allowed or (is_post(title) and any(k.startswith(title_key(title) + " ") for k in exact_keys)):
                pairs.true += 1
            else:
                pairs.false += 1
                pairs.errors.append(f"{article.id}: false pair ({name}, {title})")
    for name, label in wanted.items():
        got = {k for t in found.get(name, ()) for k in title_keys(t) | {title_key(_LEVEL_BEFORE_PLACE.sub("", t))}}
        for title in label["titles"]:
            key = title_key(title)
            keys = title_keys(title) | {title_key(_LEVEL_BEFORE_PLACE.sub("", title))}
            if keys & got or (is_post(title) and any(k.startswith(key + " ") for k in got)):
                pairs.found_true += 1
            else:
                pairs.missed += 1
                pairs.errors.append(f"{article.id}: missed pair ({name}, {title})")


# The parts of the real set reported: all 200, the 40 of them that were the first held-out
# set, and the second to ninth held-out 100.
PARTS = {"all": lambda label: label["part"] == "dev", "first-heldout": lambda label: label.get("first_heldout"),
         **{part: (lambda label, part=part: label["part"] == part) for part in HELD_OUT_PARTS}}


def evaluate_real(rows: list[dict]) -> dict[tuple[str, bool], tuple[Score, Score, int]]:
    """Scores on the real set by (part, with foreign)."""
    articles = real_articles(rows)
    out = {}
    for part, chosen in PARTS.items():
        items = [lab for lab in real_labels() if chosen(lab)]
        for foreign in (False, True):
            names, pairs = Score(), Score()
            for label in items:
                score_real(articles[label["id"]], label["officials"], foreign, names, pairs)
            out[part, foreign] = (names, pairs, len(items))
    return out


def check_draw(rows: list[dict]) -> list[str]:
    """Differences between the draw repeated now and the labels' ids (none expected)."""
    drawn = draw(rows)
    labels = [label for label in real_labels() if label["part"] == "dev"]
    return [
        f"n={n}: drawn {aid} (first held-out: {first}), labelled {lab['id']} ({lab['first_heldout']})"
        for (n, first, aid), lab in zip(drawn, labels)
        if (first, aid) != (lab["first_heldout"], lab["id"])
    ] + ([f"{len(drawn)} drawn, {len(labels)} labelled"] if len(drawn) != len(labels) else [])


def sample(path: Path, n: int, seed: int) -> None:
    rows = [i for i in parsing.read_paths([path]) if isinstance(i, Article)]
    found = [(a, o) for a in rows for o in a.officials]
    print(f"{len(rows)} articles, {len(found)} officials found "
          f"({len({o.name for _, o in found})} distinct); a sample of {n}:")
    for article, official in random.Random(seed).sample(found, min(n, len(found))):
        print(f"  {official.name:28} {'; '.join(official.titles)[:70]:70}  [{article.id}]")


def _table(rows: list[tuple[str, Score]]) -> None:
    print("| what | precision | recall | found right | found wrong | missed |")
    print("|---|---|---|---|---|---|")
    for label, score in rows:
        right = score.found_true or score.true
        print(f"| {label} | {score.precision:.3f} | {score.recall:.3f} | {right} | {score.false} | {score.missed} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every miss and false find")
    parser.add_argument("--part", choices=(*PARTS, "written"), action="append",
                        help="which sets' errors to list (default: written and all)")
    parser.add_argument("--foreign", action="store_true", help="list errors counting foreign officials")
    parser.add_argument("--sample", type=Path, help="a JSONL file of real articles to read findings from")
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.sample:
        sample(args.sample, args.n, args.seed)
        return 0
    shown = set(args.part or ("written", "all"))
    names, pairs, count = evaluate()
    print(f"Written set: {count} labelled articles we wrote\n")
    _table([("names", names), ("(name, title) pairs", pairs)])
    if args.errors and "written" in shown:
        print("\n" + "\n".join(names.errors + pairs.errors))
    if not REAL_NEWS.is_file():
        print(f"\nReal set skipped: no {REAL_NEWS} (the labels are in {REAL_LABELS.relative_to(ROOT)}).")
        return 0
    rows = real_rows()
    problems = check_draw(rows)
    if problems:
        print("\nThe real set's draw no longer matches its labels:\n" + "\n".join(problems[:10]))
        return 1
    results = evaluate_real(rows)
    for part in PARTS:
        n = results[part, False][2]
        print(f"\nReal set, {part}: {n} articles\n")
        table = []
        for foreign in (False, True):
            names, pairs, _ = results[part, foreign]
            suffix = "with foreign" if foreign else "without foreign (headline)"
            table += [(f"names, {suffix}", names), (f"(name, title) pairs, {suffix}", pairs)]
        _table(table)
        if args.errors and part in shown:
            names, pairs, _ = results[part, args.foreign]
            print("\n" + "\n".join(names.errors + pairs.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
