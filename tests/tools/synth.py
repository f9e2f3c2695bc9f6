"""A seeded synthetic archive of Vietnamese news, for benchmarks.

Text comes from an order-1 Markov chain over the syllables of the sample archive
(data/), so syllable frequencies are Zipf-like and real two-syllable words ("dân
vận", "tỉnh ủy") recur as they do in news. Each article names a few of a few hundred
recurring officials with their titles, dates spread over ten years, and about one in
twenty is written without accents.

    python -m tests.tools.synth 1000 > /tmp/synth.jsonl
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections import defaultdict
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


def _corpus() -> list[list[str]]:
    sentences = []
    for item in parsing.read_paths([ROOT / "data"]):
        if isinstance(item, Article):
            for para in [item.title, *item.body.split("\n\n"), *item.captions]:
                words = [w for w, _, _ in normalize.tokens(para)]
                if len(words) > 3:
                    sentences.append(words)
    return sentences


class Generator:
    def __init__(self, seed: int = 42, officials: int = 300) -> None:
        self.rnd = random.Random(seed)
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for words in _corpus():
            self.starts.append(words[0])
            for a, b in zip(words, words[1:]):
                self.next[a.lower()].append(b)
        people = set()
        while len(people) < officials:
            people.add(f"{self.rnd.choice(SURNAMES)} {self.rnd.choice(MIDDLE)} {self.rnd.choice(GIVEN)}")
        self.officials = [(name, self.rnd.choice(TITLES)) for name in sorted(people)]
        # a few officials are named far more often than the rest, as in a real paper
        self.weights = [1 / (i + 1) ** 0.8 for i in range(len(self.officials))]

    def sentence(self, n: int) -> str:
        word = self.rnd.choice(self.starts)
        out = [word]
        while len(out) < n:
            options = self.next.get(word.lower())
            word = self.rnd.choice(options) if options else self.rnd.choice(self.starts)
            out.append(word)
        return " ".join(out)

    def article(self, i: int, syllables: int = 400) -> dict:
        rnd = self.rnd
        people = rnd.choices(self.officials, weights=self.weights, k=rnd.randint(1, 3))
        paragraphs = []
        count = 0
        for name, title in people:
            paragraphs.append(f"Đồng chí {name}, {title} cho biết {self.sentence(20)}.")
            count += 26
        while count < syllables:
            n = rnd.randint(12, 30)
            paragraphs.append(self.sentence(n) + ".")
            count += n
        rnd.shuffle(paragraphs)
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3650))
        title = self.sentence(rnd.randint(8, 14))
        body = "\n".join(paragraphs)
        if rnd.random() < 0.05:  # typed without accents
            title, body = normalize.fold(title), normalize.fold(body)
        return {"id": f"s{i:06d}", "title": title[:1].upper() + title[1:], "date": day.isoformat(), "body": body}

    def articles(self, n: int) -> Iterator[dict]:
        for i in range(n):
            yield self.article(i)


def write(path: Path, n: int, seed: int = 42) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for row in Generator(seed).articles(n):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for row in Generator().articles(n):
        print(json.dumps(row, ensure_ascii=False))
