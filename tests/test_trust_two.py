"""Trust, round two (issue #12): what an adversarial run broke, held by a test each.

Where permissions matter the CLI runs in a subprocess without root's overrides
(CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH dropped before exec), so a folder with
mode 000 is as unreadable to it as to any user.
"""

from __future__ import annotations

import ctypes
import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from indexer import indexing, parsing
from indexer.models import Article, Problem
from indexer.searching import SearchRequest, Searcher
from tests.conftest import ROOT, write_jsonl

NO_OFFICIALS = ["--officials", os.devnull]


def _drop_root_overrides() -> None:
    """In the child, before exec: give up root's right to read and search anything."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop root's file permission overrides")


def timtin(*args: str, unprivileged: bool = False, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "indexer", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, preexec_fn=_drop_root_overrides if unprivileged else None,
                          **kw)


@pytest.fixture(scope="module")
def can_drop_overrides() -> None:
    probe = timtin("--version", unprivileged=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot run timtin without root's overrides here: {probe.stderr.strip()[:200]}")


def titles(root: Path) -> dict[str, str]:
    result = Searcher(root).search(SearchRequest(per_page=100))
    return {hit.id: hit.title for hit in result.hits}


def article_text(title: str) -> str:
    return f"19/01/2021\n\n{title}\n\nCông tác dân vận ở cơ sở được chú trọng.\n"


# -- 2 and 7: one bad JSONL line is one message; the rest of the file is indexed -------------

def feed_with_bad_lines(path: Path, n: int, bad: dict[int, bytes]) -> Path:
    """*n* good lines (about 1.7 KB each), with line numbers in *bad* replaced by raw bytes."""
    lines = []
    for i in range(1, n + 1):
        if i in bad:
            lines.append(bad[i])
        else:
            lines.append(json.dumps({"id": f"a{i}", "title": f"Tin số {i}",
                                     "body": "Công tác dân vận ở cơ sở. " * 60}, ensure_ascii=False).encode())
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


BAD_LINES = {
    3: b'{"id": "z3", "title": "T\\u00ean", "body": "\\u200b"}',  # only invisible characters
    40: b'{"id": "z40", "title": "Ti\xe1\xba", "body": "N\xe1\xbb\x99i dung"}',  # truncated UTF-8
    700: b'{"id": "z700", "title": "Tin", "body": "N\x00i dung"}',  # a NUL byte
    1100: b'{"id": "z1100", "title": "\\u200b\\u200c", "body": "N\\u1ed9i dung"}',  # invisible title
}


@pytest.mark.parametrize("procs", ["1", "2"])
def test_bad_jsonl_lines_are_named_by_file_and_line_and_the_rest_is_indexed(tmp_path, procs):
    feed = feed_with_bad_lines(tmp_path / "feed.jsonl", 1200, BAD_LINES)
    assert feed.stat().st_size > 2 * indexing.SPLIT_BYTES  # with --procs 2, cut among the workers
    result = timtin("index", str(feed), "--index", str(tmp_path / "index"), "--procs", procs, *NO_OFFICIALS)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert "Added 1196, updated 0, unchanged 0, removed 0, skipped 4." in result.stdout
    assert f'{feed}:3: "body" holds only invisible characters' in result.stderr
    assert f"{feed}:40: the line is not valid UTF-8 (byte 0xe1 at byte 27 of the line)" in result.stderr
    assert f"{feed}:700: the line holds a NUL byte" in result.stderr
    assert f'{feed}:1100: "title" holds only invisible characters' in result.stderr
    assert Searcher(tmp_path / "index").search(SearchRequest()).total == 1196


def test_parse_names_the_bad_line_and_prints_the_others(tmp_path):
    feed = feed_with_bad_lines(tmp_path / "feed.jsonl", 5, {3: BAD_LINES[3]})
    result = timtin("parse", str(feed), "--json", *NO_OFFICIALS)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a1", "a2", "a4", "a5"]
    assert f'{feed}:3: "body" holds only invisible characters' in result.stderr


def test_a_windows_1258_line_in_a_utf8_file_is_converted_not_the_file_skipped(tmp_path):
    from tests.test_trust import VIET, cp1258

    good = [json.dumps({"id": f"a{i}", "title": "Tin", "body": VIET}, ensure_ascii=False).encode() for i in range(5)]
    good[2] = b'{"id": "old", "title": "Tin c\xf4\xcc", "body": "' + cp1258(VIET) + b'"}'
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"\n".join(good) + b"\n")
    items = parsing.read_file(feed, tmp_path)
    assert [i.id for i in items if isinstance(i, Article)] == ["a0", "a1", "old", "a3", "a4"]
    assert next(i for i in items if isinstance(i, Article) and i.id == "old").body == VIET


def test_a_file_rewritten_while_workers_read_it_is_named_not_misread(tmp_path):
    feed = feed_with_bad_lines(tmp_path / "feed.jsonl", 1200, {})
    spans = parsing.jsonl_spans(feed, 4)
    with open(feed, "ab") as fh:  # another program appends while the workers read
        fh.write(b'{"title": "Mo\xcc\x81i", "body": "x"}\n')
    [problem] = parsing.read_file(feed, tmp_path, span=spans[2])
    assert problem.where == str(feed)
    assert "the file changed while it was being indexed" in problem.message
    assert "re-save" not in problem.message


def test_a_long_line_is_refused_without_holding_it(tmp_path, monkeypatch):
    monkeypatch.setattr(parsing, "MAX_LINE_BYTES", 1000)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "title": "T", "body": "x" * 5000}) + "\n"
                    + json.dumps({"id": "b", "title": "T", "body": "B"}) + "\n")
    items = parsing.read_file(feed, tmp_path)
    assert [str(i) for i in items if isinstance(i, Problem)] == [
        f"{feed}:1: the line is over 1,000 bytes, longer than one article may be; split it into articles "
        "(or remove it)"]
    assert [i.id for i in items if isinstance(i, Article)] == ["b"]


# -- 1: unreadable folders and files, FIFOs and sockets keep their articles ----------------------

def test_unreadable_folders_fifos_and_sockets_are_named_and_their_articles_kept(tmp_path, can_drop_overrides):
    src = tmp_path / "src"
    (src / "locked").mkdir(parents=True)
    (src / "locked" / "a.txt").write_text(article_text("Bài trong thư mục khóa"), encoding="utf-8")
    for name in ("b", "fifo", "sock", "noread"):
        (src / f"{name}.txt").write_text(article_text(f"Bài {name}"), encoding="utf-8")
    index = tmp_path / "index"
    first = timtin("index", str(src), "--index", str(index), *NO_OFFICIALS)
    assert first.returncode == 0, first.stderr
    assert len(titles(index)) == 5

    (src / "locked").chmod(0)
    (src / "fifo.txt").unlink()
    os.mkfifo(src / "fifo.txt")
    (src / "sock.txt").unlink()
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(src / "sock.txt"))
    (src / "noread.txt").chmod(0)
    try:
        again = timtin("index", str(src), "--index", str(index), *NO_OFFICIALS, unprivileged=True, timeout=60)
    finally:
        (src / "locked").chmod(0o755)
        sock.close()
    assert again.returncode == 3, again.stderr
    assert "removed 0, skipped 4." in again.stdout
    assert f"{src / 'locked'}: cannot read the folder (Permission denied)" in again.stderr
    assert f"{src / 'fifo.txt'}: is a named pipe (FIFO), not a file" in again.stderr
    assert f"{src / 'sock.txt'}: is a socket, not a file" in again.stderr
    assert f"{src / 'noread.txt'}: cannot read the file (Permission denied)" in again.stderr
    assert len(titles(index)) == 5  # nothing lost


def test_a_fifo_named_directly_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = timtin("index", str(fifo), "--index", str(tmp_path / "index"), *NO_OFFICIALS, timeout=30)
    assert result.returncode == 3
    assert f"{fifo}: is a named pipe (FIFO), not a file" in result.stderr
    # and the write lock was let go: the next run starts
    assert timtin("index", str(fifo), "--index", str(tmp_path / "index"), *NO_OFFICIALS,
                  timeout=30).returncode == 3


def test_an_article_brought_by_a_symlink_goes_when_the_symlink_does(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(article_text("Bài ở ngoài"), encoding="utf-8")
    src = tmp_path / "src"
    src.mkdir()
    (src / "own.txt").write_text(article_text("Bài của thư mục"), encoding="utf-8")
    (src / "link.txt").symlink_to(outside)
    index = tmp_path / "index"
    indexing.update(index, [src])
    assert set(titles(index)) == {"own", "link"}
    (src / "link.txt").unlink()
    report = indexing.update(index, [src])
    assert report.removed == 1
    assert set(titles(index)) == {"own"}


# -- 5: reindex keeps the latest version of each id ----------------------------------------------

def test_reindex_keeps_the_version_indexed_last_whatever_the_path_order(tmp_path):
    first = write_jsonl(tmp_path / "b-later-path.jsonl",
                        [{"id": f"n{i}", "title": f"Bản cũ {i}", "body": "Nội dung."} for i in range(30)])
    second = write_jsonl(tmp_path / "a-earlier-path.jsonl",
                         [{"id": f"n{i}", "title": f"Bản mới {i}", "body": "Nội dung."} for i in range(30)])
    index = tmp_path / "index"
    assert timtin("index", str(first), "--index", str(index), *NO_OFFICIALS).returncode == 0
    assert timtin("index", str(second), "--index", str(index), *NO_OFFICIALS).returncode == 0
    before = titles(index)
    assert set(before.values()) == {f"Bản mới {i}" for i in range(30)}
    result = timtin("reindex", "--index", str(index), *NO_OFFICIALS)
    assert result.returncode == 0, result.stderr
    assert "already used" not in result.stderr
    assert titles(index) == before


# -- 4: a full disk gives one message, keeps nothing of the failed run, and the next run starts ---------

@pytest.fixture
def small_disk(tmp_path):
    """A 10 MB tmpfs, mounted for the test when this machine lets us (root, mount allowed)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=10m", "tmpfs", str(disk)],
                             capture_output=True, text=True) if os.geteuid() == 0 else None
    if mounted is None or mounted.returncode != 0:
        pytest.skip("a full disk needs a small tmpfs, and mount is not allowed here "
                    f"({mounted.stderr.strip() if mounted else 'not root'}); run as root to test it")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def free_mb(path: Path) -> float:
    info = os.statvfs(path)
    return info.f_bavail * info.f_frsize / 1e6


@pytest.mark.slow  # over 10 s here; `make test-fast` leaves it out
def test_a_full_disk_gives_one_message_removes_what_the_run_wrote_and_the_next_run_starts(tmp_path, small_disk):
    from tests.tools import synth

    index = small_disk / "index"
    # about 4.3 MB of index, 7 MB while written (postings in parts, then joined); a
    # rebuild beside it does not fit
    fits = synth.write(tmp_path / "fits.jsonl", 700)
    too_big = synth.write(tmp_path / "big.jsonl", 1000)  # about 6 MB more, 11 MB while written
    assert timtin("index", str(fits), "--index", str(index), *NO_OFFICIALS).returncode == 0
    free = free_mb(small_disk)

    for args in (["index", str(too_big), "--procs", "2"], ["index", str(too_big)], ["reindex"]):
        result = timtin(*args, "--index", str(index), *NO_OFFICIALS)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        [message] = result.stderr.strip().splitlines()
        assert message.startswith("Error: The disk holding the index is full: ")
        assert " MB free, about " in message and " MB needed. Nothing was changed in " in message
        assert free_mb(small_disk) >= free - 0.1  # what the failed run wrote is gone
        assert not list(index.glob("gen-*.tmp"))
        assert Searcher(index).search(SearchRequest()).total == 700

    small = write_jsonl(tmp_path / "small.jsonl", [{"id": "s", "title": "Một", "body": "Nội dung."}])
    after = timtin("index", str(small), "--index", str(index), *NO_OFFICIALS)
    assert after.returncode == 0, after.stderr
    assert Searcher(index).search(SearchRequest()).total == 701


def test_the_next_run_clears_what_a_run_killed_on_a_full_disk_left(tmp_path, small_disk):
    """A run killed while the disk was full (no message, no cleanup): the next one can still
    take the lock, removes the leftovers, says so, and completes."""
    from tests.tools import synth

    index = small_disk / "index"
    fits = synth.write(tmp_path / "fits.jsonl", 300)
    assert timtin("index", str(fits), "--index", str(index), *NO_OFFICIALS).returncode == 0
    gen = indexing.current_generation(index)
    (gen / "MAIN_deadbeef00000000.pst").write_bytes(b"\0" * 1024)  # an unfinished segment...
    with open(small_disk / "filler", "wb") as fh:  # ...and a full disk
        with pytest.raises(OSError):
            while True:
                fh.write(b"\0" * (1 << 20))
                fh.flush()
    (small_disk / "filler").unlink()
    (small_disk / "filler2").write_bytes(b"\0" * int((free_mb(small_disk) - 0.02) * 1e6))
    result = timtin("index", str(fits), "--index", str(index), *NO_OFFICIALS)
    assert "Removed 1 unfinished segment(s)" in result.stderr, result.stderr
    assert not (gen / "MAIN_deadbeef00000000.pst").exists()
    assert result.returncode == 0, result.stderr


# -- 8: every id that indexes opens on the web; ids no address can carry are refused --------------

ODD_IDS = ["../../etc/passwd", "./dot", "..", ".", "/leading", "a//b", "trailing/", "100% sure?#top", "a\\b",
           "tin tức/bài 1", "Đ" * 200]


@pytest.fixture(scope="module")
def odd_server(tmp_path_factory):
    """`timtin serve` (gunicorn) over articles whose ids are every odd spelling above."""
    from tests.tools.bench import free_port

    tmp = tmp_path_factory.mktemp("odd")
    rows = [{"id": article_id, "title": f"Tin mahieu{n}", "body": f"Nội dung bài {n}."}
            for n, article_id in enumerate(ODD_IDS)]
    index = tmp / "index"
    indexing.update(index, [write_jsonl(tmp / "odd.jsonl", rows)])
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "indexer", "serve", "--index", str(index), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for(url: str, seconds: float = 30) -> None:
    import time
    import urllib.request

    deadline = time.time() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def get(url: str) -> tuple[int, str]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


@pytest.mark.parametrize("n, article_id", list(enumerate(ODD_IDS)))
def test_every_id_opens_from_its_search_result_however_it_is_spelled(odd_server, n, article_id):
    import html
    import re
    from urllib.parse import urljoin

    status, page = get(f"{odd_server}/?q=mahieu{n}")
    assert status == 200
    [href] = re.findall(r'<h2><a href="([^"]+)">', page)
    url = urljoin(odd_server + "/", html.unescape(href))  # as a browser resolves it: dot segments and all
    status, page = get(url)
    assert status == 200, url
    [h1] = re.findall(r"<h1>(.*?)</h1>", page)
    assert re.sub("<[^>]+>", "", h1) == f"Tin mahieu{n}"
    status, data = get(url.replace("/article", "/api/articles", 1).split("&q=")[0].split("?q=")[0])
    assert status == 200
    assert json.loads(data)["id"] == article_id


def test_ids_no_address_can_carry_are_refused_at_index_time(tmp_path):
    feed = write_jsonl(tmp_path / "feed.jsonl", [
        {"id": "line\nbreak", "title": "Một", "body": "Nội dung."},
        {"id": "Đ" * 201, "title": "Hai", "body": "Nội dung."},
        {"id": "ok", "title": "Ba", "body": "Nội dung."},
    ])
    result = timtin("index", str(feed), "--index", str(tmp_path / "index"), *NO_OFFICIALS)
    assert result.returncode == 3
    assert f"{feed}:1: the id 'line\\nbreak' holds the control character U+000A" in result.stderr
    assert f"{feed}:2: the id is 201 characters long, over the 200 a web address can carry" in result.stderr
    assert "Added 1," in result.stdout


def test_healthz_tells_no_path_on_disk(sample_index):
    from webui import create_app

    data = create_app({"INDEX_DIR": str(sample_index)}).test_client().get("/healthz").get_json()
    assert data == {"status": "ok", "articles": 43}
    assert str(sample_index) not in json.dumps(data)


# -- 3: slow and idle clients keep no reader waiting; the server's own refusals carry the headers ---------

@pytest.fixture(scope="module")
def served(sample_index):
    """`timtin serve` as a user runs it (gunicorn, default worker class) on the sample archive."""
    from tests.tools.bench import free_port

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "indexer", "serve", "--index", str(sample_index),
                               "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_fifty_idle_and_eight_slow_clients_keep_no_reader_waiting(served):
    import threading
    import time

    from tests.tools.soak import SlowClients

    slow = SlowClients(served, idle=50, slow=8, gap=1.0).start()
    failures: list[str] = []
    latencies: list[float] = []
    try:
        time.sleep(2.5)  # every slow client has sent its request line and a byte or two

        def reader(k: int) -> None:
            for i in range(20):
                started = time.perf_counter()
                status, body = get(f"http://127.0.0.1:{served}/api/search?q=dan+van&page={1 + (i + k) % 3}")
                latencies.append(time.perf_counter() - started)
                if status != 200 or "total" not in json.loads(body):
                    failures.append(f"{status} {body[:100]}")

        readers = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
        for t in readers:
            t.start()
        for t in readers:
            t.join(timeout=120)
    finally:
        slow.stop()
    assert failures == [] and len(latencies) == 80
    assert max(latencies) < 5, max(latencies)  # gthread: every request timed out (10 s) here


@pytest.mark.parametrize("raw, statuses", [
    (b"GET /?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", ("414", "400")),  # 400 before gunicorn 23
    (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: v\r\n" % i for i in range(120)) + b"\r\n", ("431",)),
    (b"GARBAGE\r\n\r\n", ("400",)),
])
def test_the_servers_own_refusals_carry_the_security_headers(served, raw, statuses):
    with socket.create_connection(("127.0.0.1", served), timeout=10) as sock:
        sock.sendall(raw)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    assert head.split(" ")[1] in statuses, head
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert f"\r\n{name}: " in head, head


def test_a_vietnamese_query_within_the_limit_is_answered_and_one_over_it_gets_the_apps_message(served):
    """2,000 characters of Vietnamese are about 5,250 bytes once URL-encoded: more than
    gunicorn's default request line (4,094), which answered its own English 414 page."""
    from urllib.parse import quote

    base = f"http://127.0.0.1:{served}/api/search?q="
    within = "dân vận " * 250  # 2,000 characters
    assert len(quote(within)) > 4094
    with urllib.request.urlopen(base + quote(within), timeout=30) as answer:
        assert answer.status == 200 and json.loads(answer.read())["total"] >= 0
    over = within + "tỉnh ủy " * 13  # 2,104 characters
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(base + quote(over), timeout=30)
    assert refused.value.code == 400
    assert "2104 characters long; the limit is 2000" in json.loads(refused.value.read())["error"]


# -- 6: updating N articles costs about what adding N costs -----------------------------------------------

def test_updating_articles_reads_the_index_once_not_once_per_article(tmp_path, monkeypatch):
    """Each deletion by term opened a searcher over the whole index (79 s and 1.2 GB to
    correct 200 of 20,000 real articles); the old versions are now deleted by number,
    read once from the id column. The figures: README, "Speed"."""
    from whoosh.writing import SegmentWriter

    rows = [{"id": f"a{i}", "title": f"Tin số {i}", "body": "Công tác dân vận."} for i in range(60)]
    index = tmp_path / "index"
    indexing.update(index, [write_jsonl(tmp_path / "v1.jsonl", rows)])
    opened = []
    real = SegmentWriter.searcher
    monkeypatch.setattr(SegmentWriter, "searcher", lambda self, **kw: opened.append(1) or real(self, **kw))
    corrected = [{**row, "title": "Đính chính " + row["title"]} for row in rows]
    report = indexing.update(index, [write_jsonl(tmp_path / "v2.jsonl", corrected)])
    assert report.updated == 60
    assert len(opened) <= 1
    assert set(titles(index).values()) <= {r["title"] for r in corrected}
    assert Searcher(index).search(SearchRequest()).total == 60


# -- 9: the smaller ones ------------------------------------------------------------------------------------

def test_terminal_escapes_in_articles_never_reach_the_terminal(tmp_path, runner):
    from indexer.cli import cli

    evil = "Tin \x1b]0;pwned\x07 \x1b[2J xoá màn hình \x9b31m đỏ"
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"id": "evil", "title": evil, "body": f"Nội dung {evil}."},
                                                 {"id": "ok", "title": "Tin", "body": "Nội dung."}])
    parsed = runner.invoke(cli, ["parse", str(feed), *NO_OFFICIALS])
    parsed_json = runner.invoke(cli, ["parse", str(feed), "--json", *NO_OFFICIALS])
    indexing.update(tmp_path / "index", [feed])
    found = runner.invoke(cli, ["search", "xoa", "man", "hinh", "--index", str(tmp_path / "index")])
    found_json = runner.invoke(cli, ["search", "xoa", "man", "hinh", "--json", "--index", str(tmp_path / "index")])
    for result in (parsed, parsed_json, found, found_json):
        assert "\x1b" not in result.output and "\x9b" not in result.output and "\x07" not in result.output
    # control characters are no text: dropped when read (the printable rest stays, harmless)
    assert json.loads(found_json.output)["hits"][0]["title"] == "Tin ]0;pwned [2J xoá màn hình 31m đỏ"


def test_a_nul_byte_anywhere_in_a_text_file_is_refused(tmp_path):
    path = tmp_path / "late-nul.txt"
    path.write_bytes(article_text("Tin").encode() + b"a" * 5000 + b"\x00" + b"b\n")
    [problem] = parsing.read_file(path, tmp_path)
    assert "looks like a binary file (it holds NUL bytes)" in problem.message


def test_the_size_refusal_gives_the_real_size(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(article_text("Tin").encode())
        fh.truncate(10_000_000)
    [problem] = parsing.read_file(path, tmp_path)
    assert problem.message.startswith("the file is 10,000,000 bytes long, over the 2,000,000 characters")


def test_a_folder_path_too_long_for_the_system_is_a_message_not_a_traceback(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "ok.txt").write_text(article_text("Tin"), encoding="utf-8")
    fd = os.open(src, os.O_RDONLY)
    for _ in range(18):  # a tree deeper than PATH_MAX (4,096): made a level at a time
        os.mkdir("y" * 250, dir_fd=fd)
        deeper = os.open("y" * 250, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    os.close(fd)
    result = timtin("index", str(src), "--index", str(tmp_path / "index"), *NO_OFFICIALS)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert "cannot read the folder (File name too long: 4," in result.stderr
    assert "Move the folder higher up or shorten its name and index again" in result.stderr
    assert "Added 1," in result.stdout


@pytest.mark.slow  # over 10 s here; `make test-fast` leaves it out
def test_an_indexing_process_stays_small_whatever_the_input(tmp_path):
    """2,000 articles in one file (one segment's worth before, 420 MB resident) and the
    same again with two processes: each process stays under 300 MB."""
    from tests.tools import synth

    feed = synth.write(tmp_path / "feed.jsonl", 2000)
    # The process's own peak from /proc (VmHWM starts afresh at exec; ru_maxrss would carry
    # over pytest's own size from the fork), and its workers' from getrusage.
    script = ("import re, resource, sys; from pathlib import Path; from indexer import indexing; "
              "indexing.update(Path(sys.argv[1]), [Path(sys.argv[2])], procs=int(sys.argv[3])); "
              "own = int(re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text())[1]); "
              "print(max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) // 1024)")
    for procs in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / f"index{procs}"), str(feed), procs],
                              capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert done.returncode == 0, done.stderr
        assert int(done.stdout) < 300, f"{done.stdout.strip()} MB with {procs} process(es)"
    # one article as long as an article may be (an attacker's: 863 MB, the story sketch's
    # table of every run of words at once)
    import random

    vocabulary = sorted({w for row in synth.Generator(7).articles(300) for w in row["body"].split()})
    rng, words, size = random.Random(7), [], 0
    while size < parsing.MAX_ARTICLE_CHARS - 100:  # words in no order: every run of them another
        words.append(rng.choice(vocabulary))
        size += len(words[-1]) + 1
    body = " ".join(words)[: parsing.MAX_ARTICLE_CHARS - 100]
    huge = write_jsonl(tmp_path / "huge.jsonl", [{"id": "huge", "title": "Một bài rất dài", "body": body}])
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "index-huge"), str(huge), "1"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) < 300, f"{done.stdout.strip()} MB for one article of {len(body):,} characters"


@pytest.mark.parametrize("leftover", ["MAIN_0123456789abcdef.pst", "vocab-MAIN_0123456789abcdef.json",
                                      # the postings of a segment, and of a generation Whoosh never committed
                                      "part-MAIN_0123456789abcdef.tpl", "postings-000099.tpl",
                                      "_MAIN_9.toc.1764460000.5", "MAIN.tmp/"])
def test_every_leftover_of_a_killed_run_is_removed_with_a_note(tmp_path, leftover):
    index = tmp_path / "index"
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"id": "a", "title": "Một", "body": "Nội dung."}])
    indexing.update(index, [feed])
    path = indexing.current_generation(index) / leftover.rstrip("/")
    if leftover.endswith("/"):
        path.mkdir()
        (path / "run.tmp").write_bytes(b"x" * 100)
    else:
        path.write_bytes(b"x" * 100)
    report = indexing.update(index, [feed])
    assert not path.exists()
    assert len(report.notes) == 1 and "left by an interrupted index run" in report.notes[0], report.notes


def test_reindex_after_the_newer_file_is_gone_keeps_the_older_copy(tmp_path):
    older = write_jsonl(tmp_path / "older.jsonl", [{"id": "n", "title": "Bản cũ", "body": "Nội dung."}])
    newer = write_jsonl(tmp_path / "newer.jsonl", [{"id": "n", "title": "Bản mới", "body": "Nội dung."}])
    index = tmp_path / "index"
    indexing.update(index, [older])
    indexing.update(index, [newer])
    newer.unlink()
    indexing.reindex(index, drop_missing=True)
    assert titles(index) == {"n": "Bản cũ"}


def test_a_symlinked_folder_is_walked_and_a_link_loop_walked_once(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text(article_text("Bài trong thư mục liên kết"), encoding="utf-8")
    src = tmp_path / "src"
    src.mkdir()
    (src / "linked").symlink_to(outside)
    (outside / "loop").symlink_to(src)  # src/linked/loop -> src
    index = tmp_path / "index"
    report = indexing.update(index, [src])
    assert report.problems == []
    assert set(titles(index)) == {"linked/a"}


def test_an_escaped_lone_surrogate_is_bad_input_named_and_the_article_still_found(tmp_path):
    # a program that cut an emoji's pair in two writes "\ud83d" alone: no character, and
    # no fault of timtin's; the article is indexed with U+FFFD in its place and the line named
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "s1", "title": "Lễ hội Kỳ Lừa \\ud83d mở màn", "body": "Lễ hội mở màn tại Lạng Sơn."}\n'
                    '{"id": "s2", "title": "Tin hai", "body": "Nội dung khác."}\n', encoding="utf-8")
    result = timtin("index", str(feed), "--index", str(tmp_path / "index"), *NO_OFFICIALS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "failed on this article" not in result.stdout + result.stderr
    assert f'{feed}:1: "title" holds an escaped half of a character pair with no other half (U+D83D)' in result.stderr
    [hit] = Searcher(tmp_path / "index").search(SearchRequest(query="Kỳ Lừa")).hits
    assert hit.article.title == "Lễ hội Kỳ Lừa \ufffd mở màn"


def test_odd_json_lines_are_named_bad_input_not_timtins_fault(tmp_path):
    """An attacker (stop 25): each of these was "timtin failed … Please report it" or a
    misleading message; each is the line's own fault, named, and the batch goes on."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        '{"id": "n1", "title": ["Tin", "hai"], "body": "Nội dung."}',
        '{"id": "n2", "title": "Tin \\u0000 có mã lạ", "body": "Nội dung \\u001b khác."}',
        '{"id": "n3", "title": "T", "body": "B", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "n4", "title": "Tin ngày", "body": "Nội dung.", "date": "0001-01-01T00:00:00+08:00"}',
        '{"id": "n5", "title": "Tin cuối", "body": "Nội dung tốt.", "date": "9999-12-31T23:00:00-05:00"}',
    ]) + "\n", encoding="utf-8")
    result = timtin("index", str(feed), "--index", str(tmp_path / "index"), *NO_OFFICIALS)
    out = result.stdout + result.stderr
    assert result.returncode == 3 and "failed on this article" not in out and "Traceback" not in out
    assert f'{feed}:1: "title" should be text (a JSON string), not an array' in out
    assert f"{feed}:3: JSON nested too deep to read" in out
    assert f'{feed}:4: cannot read the date "0001-01-01T00:00:00+08:00"; indexed without a date' in out
    assert f'{feed}:5: cannot read the date "9999-12-31T23:00:00-05:00"' in out
    searcher = Searcher(tmp_path / "index")
    assert searcher.search(SearchRequest()).total == 3
    assert searcher.article("n2").title == "Tin có mã lạ"  # control characters no text shows are dropped
