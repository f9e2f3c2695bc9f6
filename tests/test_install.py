"""An installed copy behaves like the checkout (issue #14): build the wheel, install it
into a fresh virtual environment, and use it from a folder that has nothing of timtin.

Needs the package index (pip fetches timtin's dependencies into the new environment);
CI has it. Takes about a minute.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = [
    {"id": "long-form", "title": "Ủy ban nhân dân tỉnh họp phiên thường kỳ", "date": "2024-03-01",
     "body": "Đồng chí Vy Đức Thắng, Bí thư Tỉnh ủy dự và phát biểu. Ủy ban nhân dân tỉnh thống nhất kế hoạch."},
    {"id": "other", "title": "Mùa vải thiều", "date": "2024-06-01", "body": "Nông dân thu hoạch vải thiều."},
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh virtual environment with timtin's wheel installed."""
    tmp = tmp_path_factory.mktemp("install")
    source = tmp / "source"  # a copy: building writes build/ and *.egg-info beside the sources
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".*", "var", "build", "*.egg-info", "tests", "docs"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp / "wheel"), str(source)],
                   check=True, capture_output=True)
    wheel = next((tmp / "wheel").glob("timtin-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", str(tmp / "venv")], check=True)
    bin_dir = tmp / "venv" / "bin"
    subprocess.run([str(bin_dir / "pip"), "install", "--quiet", str(wheel)], check=True, capture_output=True)
    return bin_dir


@pytest.mark.slow  # over 10 s here; `make test-fast` leaves it out
def test_the_installed_copy_reads_its_bundled_tables_from_any_folder(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"  # nothing of timtin here: no data/, no source tree
    elsewhere.mkdir()
    source = elsewhere / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIMTIN_") and k != "PYTHONPATH"}

    def timtin(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(installed / "timtin"), *args], cwd=elsewhere, env=env,
                              capture_output=True, text=True, timeout=120)

    imported = subprocess.run([str(installed / "python"), "-c", "import indexer; print(indexer.__file__)"],
                              cwd=elsewhere, env=env, capture_output=True, text=True)
    assert str(installed.parent) in imported.stdout  # the installed copy, not the checkout

    assert timtin("index", "articles.jsonl", "--index", "ix").returncode == 0
    # the abbreviation table: UBND finds the long form
    found = json.loads(timtin("search", "UBND", "--index", "ix", "--json").stdout)
    assert [h["id"] for h in found["hits"]] == ["long-form"]
    # the word list: "vải thiều" is one word, its syllables side by side
    read = json.loads(timtin("search", "vai thieu", "--index", "ix", "--json").stdout)
    assert read["reading"]["alternatives"] == [[{"words": "vải thiều", "together": True, "quoted": False, "also": []}]]
    # the curated officials list renames an alias to the person's name
    officials = timtin("officials", "--index", "ix").stdout
    assert "Vi Đức Thắng" in officials and "Vy Đức Thắng" not in officials

    port = _free_port()
    server = subprocess.Popen([str(installed / "timtin"), "serve", "--index", "ix", "--port", str(port)],
                              cwd=elsewhere, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/api/search?q=UBND"
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    data = json.loads(response.read())
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the installed server did not answer")
        assert data["total"] == 1 and data["hits"][0]["id"] == "long-form"
    finally:
        server.terminate()
        server.wait(timeout=30)
