"""A seeded synthetic archive of Vietnamese news, for benchmarks.

Text comes from an order-1 Markov chain over the syllables and punctuation of real
news: trained, when it is there, on ``../shared/real-news/articles.jsonl`` at the
moment the archive is made (the model lives in memory only: the project holds no
text of those articles), with article and title lengths and dates drawn from the
same articles; otherwise on the sample archive (data/), with lengths of about 400
syllables, dates over ten years, and one article in twenty without accents. So
syllable frequencies are Zipf-like, real two-syllable words ("dân vận", "tỉnh ủy")
recur as they do in news, and sentences break at commas and full stops, which
bounds the word pairs as real prose does. With the real model, each article also
repeats its own phrases and the chain draws rarer followers (REPEAT, SPAN, FLATTEN
below), so that postings, vocabulary and latencies match the real news within 20%
(:mod:`tests.tools.realism`). Each article also names a few of a few hundred recurring
officials with their titles.

    python -m tests.tools.synth 1000 > /tmp/synth.jsonl
    python -m tests.tools.synth 1000 --sample > /tmp/synth.jsonl   # trained on data/ only
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from indexer import normalize, parsing
from indexer.models import Article

ROOT = Path(__file__).resolve().parent.parent.parent

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đoàn Lương Nông Vi Lộc Triệu Hà Mã Chu Bế Linh".split()
MIDDLE = "Văn Thị Đức Minh Quang Hữu Ngọc Xuân Thanh Công Đình Thu Hồng Kim".split()
GIVEN = ("Thắng Khải Hạnh Tuấn Nguyệt Hùng Bình Lan Hòa Thủy Hiếu Sơn Cường Dũng Hà Tiến Nam Hải Long Mai "
         "Phúc Quân Tài Vinh Thảo Hương Nga Lâm Đạt Khoa Huy Tâm Nhung Yến").split()
TITLES = [
    "Bí thư Tỉnh ủy", "Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh",
    "Chủ tịch HĐND tỉnh", "Giám đốc Sở Y tế", "Giám đốc Sở Giáo dục và Đào tạo", "Giám đốc Công an tỉnh",
    "Chủ tịch UBND huyện Cao Lộc", "Bí thư Huyện ủy Văn Lãng", "Trưởng Ban Dân vận Tỉnh ủy",
    "Giám đốc Sở Giao thông vận tải", "Chủ tịch Ủy ban MTTQ tỉnh", "Phó Giám đốc Sở Tài chính",
]


REAL_NEWS = ROOT.parent / "shared" / "real-news" / "articles.jsonl"
TRAIN = 15_000  # real articles read at most
_TOKEN = re.compile(r"\w+|[^\w\s]")
_END = "\n"  # the end of a paragraph, as a token of the chain
# Real articles repeat their own words: a story about a lottery says "xổ số" twenty times,
# one about a road names it in every paragraph. A plain chain would not (each article's
# words drawn afresh from the whole archive), so with the real model, at each token,
# with probability REPEAT the article copies a phrase it already wrote (SPAN tokens
# more on average, from a random place in it: what it said often comes back most);
# and followers are drawn with weights count ** FLATTEN, so rarer turns of phrase come
# up as often as in the real archive, whose vocabulary keeps growing with its size.
# Tuned on the 15,000 real articles (tests/tools/realism.py): postings an article,
# distinct terms, index size and query latencies.
REPEAT = 0.14
SPAN = 4.0
FLATTEN = 0.95
_NO_SPACE_BEFORE = set(",.;:!?)%”…")
_NO_SPACE_AFTER = set("(“")


def _sample_paragraphs() -> Iterator[str]:
    for item in parsing.read_paths([ROOT / "data"]):
        if isinstance(item, Article):
            yield from [item.title, *item.body.split("\n\n"), *item.captions]


def _real_rows(source: Path, limit: int) -> list[dict]:
    rows = []
    with open(source, encoding="utf-8") as fh:
        for line in itertools.islice(fh, limit):
            row = json.loads(line)
            if row.get("title") and row.get("body"):
                rows.append(row)
    return rows


def _join(tokens: list[str]) -> str:
    text = " ".join(tokens)
    for mark in _NO_SPACE_BEFORE:
        text = text.replace(" " + mark, mark)
    for mark in _NO_SPACE_AFTER:
        text = text.replace(mark + " ", mark)
    return text


class Generator:
    """Articles from a syllable chain: trained on *source* (real news, JSONL) when given
    and present, else on the sample archive."""

    def __init__(self, seed: int = 42, officials: int = 300, source: Path | None = None, train: int = TRAIN,
                 flatten: float = FLATTEN, repeat: float = REPEAT, span: float = SPAN) -> None:
        self.rnd = random.Random(seed)
        self.real = source is not None and source.exists()
        # the article's own words and phrases come back (see REPEAT); only for the real model
        self.repeat, self.span = (repeat, span) if self.real else (0.0, span)
        self.history: list[str] = []  # the tokens of the article being written
        counts: dict[str, Counter] = defaultdict(Counter)
        starts: Counter = Counter()
        self.lengths: list[int] = []
        self.title_lengths: list[int] = []
        self.dates: list[str | None] = []
        if self.real:
            rows = _real_rows(source, train)
            paragraphs = (p for row in rows for p in row["body"].split("\n"))
            for row in rows:
                self.lengths.append(len(_TOKEN.findall(row["body"])))
                self.title_lengths.append(len(_TOKEN.findall(row["title"])))
                self.dates.append(row.get("date"))
        else:
            paragraphs = _sample_paragraphs()
        for para in paragraphs:
            tokens = _TOKEN.findall(para)
            if len(tokens) < 4:
                continue
            starts[tokens[0]] += 1
            for a, b in zip(tokens, [*tokens[1:], _END]):
                counts[a][b] += 1
        # each token's followers with cumulative weights, for bisect
        power = flatten if self.real else 1.0
        self.next: dict[str, tuple[list[str], list[float]]] = {
            a: (list(c), list(itertools.accumulate(v ** power for v in c.values()))) for a, c in counts.items()
        }
        self.starts = (list(starts), list(itertools.accumulate(starts.values())))
        people = set()
        while len(people) < officials:
            people.add(f"{self.rnd.choice(SURNAMES)} {self.rnd.choice(MIDDLE)} {self.rnd.choice(GIVEN)}")
        self.officials = [(name, self.rnd.choice(TITLES)) for name in sorted(people)]
        # a few officials are named far more often than the rest, as in a real paper
        self.weights = [1 / (i + 1) ** 0.8 for i in range(len(self.officials))]

    def _pick(self, options: tuple[list[str], list[int]]) -> str:
        words, cumulative = options
        return words[bisect.bisect_right(cumulative, self.rnd.random() * cumulative[-1])]

    def paragraph(self, n: int) -> tuple[str, int]:
        """A paragraph of about *n* tokens (it ends where the chain ends one, or at *n*
        and a full stop); its text and its tokens."""
        random, nexts, bisect_right = self.rnd.random, self.next, bisect.bisect_right
        history, repeat = self.history, self.repeat
        tok = self._pick(self.starts)
        out = [tok]
        while len(out) < n:
            if repeat and len(history) > 20 and random() < repeat:
                # a phrase this article already used: copy it, then go on from its last token
                at = int(random() * len(history))
                copied = history[at:at + 1 + int(self.rnd.expovariate(1 / self.span))]
                out += copied
                tok = copied[-1]
                continue
            options = nexts.get(tok)
            if options is None:
                tok = _END
            else:
                words, cumulative = options
                tok = words[bisect_right(cumulative, random() * cumulative[-1])]
            if tok == _END:
                if len(out) >= min(n, 8):
                    break
                tok = self._pick(self.starts)
            out.append(tok)
        if out[-1] not in _NO_SPACE_BEFORE:
            out.append(".")
        history += out
        return _join(out), len(out)

    def sentence(self, n: int) -> str:
        return self.paragraph(n)[0].rstrip(".")

    def article(self, i: int, syllables: int = 400) -> dict:
        rnd = self.rnd
        if self.real:
            k = rnd.randrange(len(self.lengths))
            syllables, title_len, date = self.lengths[k], self.title_lengths[k], self.dates[k]
        else:
            title_len = rnd.randint(8, 14)
            date = (dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3650))).isoformat()
        people = rnd.choices(self.officials, weights=self.weights, k=rnd.randint(1, 3))
        self.history.clear()
        paragraphs = []
        count = 0
        for name, title in people:
            paragraphs.append(f"Đồng chí {name}, {title} cho biết {self.sentence(20)}.")
            count += 26
        while count < syllables:
            size = rnd.randint(20, 120) if self.real else rnd.randint(12, 30)
            text, n = self.paragraph(max(8, min(size, syllables - count)) if self.real else size)
            paragraphs.append(text)
            count += n
        rnd.shuffle(paragraphs)
        title = self.sentence(title_len)
        body = "\n".join(paragraphs)
        if not self.real and rnd.random() < 0.05:  # typed without accents
            title, body = normalize.fold(title), normalize.fold(body)
        return {"id": f"s{i:06d}", "title": title[:1].upper() + title[1:], "date": date, "body": body}

    def articles(self, n: int) -> Iterator[dict]:
        for i in range(n):
            yield self.article(i)


def write(path: Path, n: int, seed: int = 42, source: Path | None = None, train: int = TRAIN) -> Path:
    """*n* articles at *path*; trained on the real news *source* when given and present."""
    path.parent.mkdir(parents=True, exist_ok=True)
    generator = Generator(seed, source=source, train=train)
    with open(path, "w", encoding="utf-8") as fh:
        for row in generator.articles(n):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 1000
    for row in Generator(source=None if "--sample" in sys.argv else REAL_NEWS).articles(n):
        print(json.dumps(row, ensure_ascii=False))
