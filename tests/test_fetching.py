"""timtin fetch: feeds, sitemaps and pages from a local web site (issue #15, part 2).

The site (tests/fixture_site.py) runs in a thread of the test process on 127.0.0.1;
nothing reaches the internet.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from indexer import fetching, webpages
from indexer.cli import cli
from indexer.searching import SearchRequest, Searcher
from tests.conftest import ROOT
from tests.fixture_site import SITE, serve

FAST = ["--delay", "0.05", "--timeout", "0.5", "--retries", "1"]

# what the feed's articles must index as: id, title, date, author, officials
ARTICLES = {
    "https://baolangson.vn/khanh-thanh-cau-treo-ban-chat-5071234.html":
        ("Khánh thành cầu treo Bản Chắt, xã Tân Tri", "2026-11-30", "Hoàng Anh", ["Đoàn Thu Hà", "Hoàng Văn Lâm"]),
    "https://baocaobang.vn/dua-vac-xin-den-tre-em-vung-cao-3187654.html":
        ("Cao Bằng: Đưa vắc xin đến trẻ em vùng cao", "2026-11-28", "Nông Thị Hà", ["Lương Thị Thúy"]),
    "https://baobackan.vn/phat-trien-cay-hoi-gan-voi-giam-ngheo-ben-vung-post81234.html":
        ("Phát triển cây hồi gắn với giảm nghèo bền vững", "2026-11-26", "Đức Phương", ["Lường Văn Chiến"]),
    "http://baohagiang.vn/chinh-tri/202611/hoi-nghi-ban-chap-hanh-dang-bo-tinh-lan-thu-12-123456/":
        ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12", "2026-11-25", "Minh Khuê", ["Nguyễn Mạnh Dũng"]),
    "https://tintonghop.example/lang-son-cau-treo-ban-chat-chinh-thuc-dua-vao-su-dung-c123.html":
        ("Lạng Sơn: Cầu treo Bản Chắt chính thức đưa vào sử dụng", "2026-11-30", "Hoàng Anh",
         ["Đoàn Thu Hà", "Hoàng Văn Lâm"]),
}
SAVED_PATHS = {"/baolangson/khanh-thanh-cau-treo-ban-chat.html", "/baocaobang/tiem-vac-xin-vung-cao.html",
               "/baobackan/phat-trien-cay-hoi.html", "/baohagiang/hoi-nghi-ban-chap-hanh.html",
               "/tonghop/cau-treo-ban-chat-bac-son.html", "/broken.html"}


@pytest.fixture
def site():
    with serve(slow=2.0) as server:
        yield server


def indexed(index: Path) -> dict[str, tuple]:
    searcher = Searcher(index)
    result = searcher.search(SearchRequest.from_params({"q": "", "per_page": "100", "group": "0"}))
    out = {}
    for hit in result.hits:
        article = searcher.article(hit.id)
        out[hit.id] = (article.title, article.date.isoformat() if article.date else None, article.author,
                       [o.name for o in article.officials])
    return out


def test_fetch_indexes_a_feeds_articles_and_names_what_it_could_not(runner, site, tmp_path):
    index = tmp_path / "index"
    result = runner.invoke(cli, ["fetch", f"{site.base}/rss.xml", "--index", str(index), *FAST])
    assert result.exit_code == 3, result.output
    assert "Fetched 5, unchanged 0, skipped 1, failed 3." in result.stdout
    assert f"Pages kept in {tmp_path / 'index-pages'}" in result.stdout
    assert "Added 5, updated 0, unchanged 0, removed 0, skipped 0." in result.stdout
    err = result.stderr
    assert f"failed: {site.base}/bai-da-xoa.html: HTTP 404" in err
    assert f"failed: {site.base}/cham/tin-cham.html: no answer within 0.5 s (timed out) after 2 tries" in err
    assert f"skipped 1: robots.txt of {site.base} disallows it" in err
    assert f"warning: {site.base}/rss.xml: cannot read the date 'Thứ Hai, 31/02/2026'" in err
    # the page that holds no article is named once, and not kept (indexing would name it every run)
    assert re.search(r"failed: \S+/broken\.html: holds no article \(.*no article text in the page.*\); not kept", err)
    assert indexed(index) == ARTICLES
    # one request at a time, robots.txt first; the disallowed page is never asked
    assert site.requests()[:2] == ["/robots.txt", "/rss.xml"]
    assert "/private/noi-bo.html" not in site.requests()
    # the redirect's page is saved once, under the address it ended at
    saved = sorted(p.name for p in (tmp_path / "index-pages").rglob("*.html"))
    assert len(saved) == 5 and any(n.startswith("khanh-thanh-cau-treo-ban-chat-") for n in saved)


def test_a_second_run_downloads_nothing_new_and_a_changed_page_is_fetched_again(runner, site, tmp_path):
    index = tmp_path / "index"
    args = ["fetch", f"{site.base}/rss.xml", "--index", str(index), *FAST]
    runner.invoke(cli, args)
    site.log.clear()
    again = runner.invoke(cli, args)
    assert "Fetched 0, unchanged 2, skipped 7, failed 1." in again.stdout, again.output  # the feed, the broken page
    assert "Added 0, updated 0, unchanged 5, removed 0, skipped 0." in again.stdout
    assert ("GET", "/rss.xml", 304) in site.log
    assert not (SAVED_PATHS - {"/broken.html"}) & set(site.requests())  # no saved article asked again
    assert ("GET", "/broken.html", 304) in site.log  # the page that held no article: asked, conditionally
    assert "skipped 5: already saved, and its feed or sitemap gives no newer date" in again.stderr
    assert "broken.html" not in again.stderr  # said once, on the run that fetched it
    assert "skipped 1: gone (HTTP 404 on" in again.stderr
    # a page asked for by its address is asked conditionally: 304, then the new version
    page = f"{site.base}/baocaobang/tiem-vac-xin-vung-cao.html"
    same = runner.invoke(cli, ["fetch", page, "--index", str(index), *FAST])
    assert "Fetched 0, unchanged 1" in same.stdout and same.exit_code == 0, same.output
    edited = (SITE / "baocaobang/tiem-vac-xin-vung-cao.html").read_bytes().replace(
        "Đưa vắc xin đến trẻ em vùng cao</h1>".encode(), "Đưa vắc xin đến trẻ em vùng cao biên giới</h1>".encode())
    site.changed["/baocaobang/tiem-vac-xin-vung-cao.html"] = edited
    newer = runner.invoke(cli, ["fetch", page, "--index", str(index), *FAST])
    assert "Fetched 1, unchanged 0" in newer.stdout and "updated 1" in newer.stdout
    assert indexed(index)["https://baocaobang.vn/dua-vac-xin-den-tre-em-vung-cao-3187654.html"][0] == \
        "Cao Bằng: Đưa vắc xin đến trẻ em vùng cao biên giới"


def test_sitemap_indexes_and_atom_feeds_are_followed(runner, site, tmp_path):
    index = tmp_path / "index"
    result = runner.invoke(cli, ["fetch", f"{site.base}/sitemap.xml", f"{site.base}/atom.xml",
                                 "--index", str(index), *FAST])
    assert f"failed: {site.base}/sitemap-khong-co.xml: HTTP 404" in result.stderr, result.output
    assert "Fetched 4, unchanged 0, skipped 0, failed 1." in result.stdout
    assert sorted(t for t, *_ in indexed(index).values()) == [
        "Cao Bằng: Đưa vắc xin đến trẻ em vùng cao", "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12",
        "Khánh thành cầu treo Bản Chắt, xã Tân Tri", "Phát triển cây hồi gắn với giảm nghèo bền vững"]
    state = json.loads((tmp_path / "index-pages" / fetching.STATE).read_text(encoding="utf-8"))
    assert {v["kind"] for v in state["lists"].values()} == {"sitemapindex", "sitemap", "feed"}
    # unchanged the second time: an index lists sitemaps, not articles (a user trial read
    # "sitemap.xml (304): 3 articles listed before" of an index of three sitemaps)
    rerun = runner.invoke(cli, ["fetch", f"{site.base}/sitemap.xml", "--index", str(index), *FAST])
    again = rerun.stdout + rerun.stderr
    listed = next(s for s in state["lists"] if s.endswith("/sitemap.xml"))
    count = len(state["lists"][listed]["entries"])
    assert f"unchanged {listed} (304): {count} sitemaps listed before" in again, again


def test_reindex_rebuilds_fetched_pages_without_the_network(runner, tmp_path):
    index = tmp_path / "index"
    with serve() as site:
        runner.invoke(cli, ["fetch", f"{site.base}/rss.xml", "--index", str(index), *FAST])
    before = indexed(index)
    result = runner.invoke(cli, ["reindex", "--index", str(index), "--procs", "1"])
    assert "Added 5" in result.stdout, result.output
    assert indexed(index) == before == ARTICLES


def _start_fetch(site, index: Path, *options: str, stdout) -> subprocess.Popen:
    """`timtin fetch` of the site's feed in a process of its own (to be killed or interrupted),
    its stderr read line by line."""
    cmd = [sys.executable, "-m", "indexer", "fetch", f"{site.base}/rss.xml", "--index", str(index), *options,
           "--retries", "0"]
    return subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, stdout=stdout, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_run_killed_with_sigkill_loses_nothing_and_the_next_run_resumes(runner, site, tmp_path):
    index = tmp_path / "index"
    proc = _start_fetch(site, index, "--delay", "0.4", "--timeout", "0.5", stdout=subprocess.DEVNULL)
    saved_lines = []
    deadline = time.monotonic() + 30
    for line in proc.stderr:
        if line.startswith("saved "):
            saved_lines.append(line)
            if len(saved_lines) == 3:
                proc.send_signal(signal.SIGKILL)
                break
        assert time.monotonic() < deadline, "the fetch never saved three pages"
    proc.wait(timeout=10)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    state = fetching.State(tmp_path / "index-pages")  # the state file and the journal the kill left
    assert len({r["file"] for r in state.pages.values()}) >= 3
    first = [p for _, p, s in site.log if s == 200 and p in SAVED_PATHS]
    site.log.clear()
    result = runner.invoke(cli, ["fetch", f"{site.base}/rss.xml", "--index", str(index), *FAST])
    assert "Added 5" in result.stdout, result.output
    second = [p for _, p, s in site.log if s == 200 and p in SAVED_PATHS]
    assert sorted(first + second) == sorted(SAVED_PATHS)  # each page downloaded once in all
    assert not set(first) & set(second)
    assert indexed(index) == ARTICLES
    assert not list((tmp_path / "index-pages").rglob("*.tmp"))


def test_fetch_refuses_what_is_not_a_web_address_and_a_bad_interval(runner, tmp_path):
    result = runner.invoke(cli, ["fetch", "baolangson.vn/rss", "--index", str(tmp_path / "ix")])
    assert result.exit_code == 1
    assert '"baolangson.vn/rss" is not a web address; give URLs starting with http:// or https://' in result.stderr
    result = runner.invoke(cli, ["fetch", "https://x.vn/rss", "--every", "soon", "--index", str(tmp_path / "ix")])
    assert 'Cannot read the interval "soon"; write it like 30s, 15m, 2h or 1d' in result.stderr
    assert fetching.parse_every("15m") == 900 and fetching.parse_every("2h") == 7200


def test_a_server_error_is_retried_with_backoff_and_a_host_without_robots_is_allowed(tmp_path):
    import http.server
    import threading

    calls = []

    class Flaky(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            calls.append((self.path, self.headers.get("User-Agent")))
            if self.path == "/robots.txt":
                self.send_response(404)
                self.end_headers()
                return
            status = 503 if len(calls) < 4 else 200
            body = (SITE / "baocaobang/tiem-vac-xin-vung-cao.html").read_bytes() if status == 200 else b"busy"
            self.send_response(status)
            if status == 503:
                self.send_header("Retry-After", "0")
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    waits = []
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/bai.html"
        report = fetching.fetch([url], tmp_path / "pages", fetching.Options(delay=0, retries=2, backoff=0.01),
                                sleep=waits.append)
    finally:
        server.shutdown()
        server.server_close()
    assert report.fetched == [url]
    assert [p for p, _ in calls] == ["/robots.txt", "/bai.html", "/bai.html", "/bai.html"]
    assert all(ua.startswith("timtin/") for _, ua in calls)
    assert waits.count(0.0) == 2  # Retry-After: 0, twice


def test_every_fetches_on_a_schedule_and_ctrl_c_stops_it_cleanly(site, tmp_path):
    index = tmp_path / "index"
    cmd = [sys.executable, "-m", "indexer", "fetch", f"{site.base}/rss.xml", "--index", str(index), "--every", "1m",
           "--delay", "0.05", "--timeout", "1.5", "--retries", "0"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    for line in proc.stderr:
        if line.startswith("Next fetch in "):
            proc.send_signal(signal.SIGINT)
            break
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0 and "Stopped." in err
    assert "Fetched 5, " in out and "Added 5" in out
    assert indexed(index) == ARTICLES


def test_a_second_fetch_into_the_same_folder_is_told_another_is_running(runner, tmp_path):
    pages = tmp_path / "index-pages"
    pages.mkdir()
    with fetching._lock(pages, wait=False):
        result = runner.invoke(cli, ["fetch", "http://127.0.0.1:9/rss.xml", "--index", str(tmp_path / "index")])
    assert result.exit_code == 1
    assert f"Another timtin fetch (pid {os.getpid()}) is saving pages into {pages}." in result.stderr
    assert "run again with --wait" in result.stderr


class _Hostile:
    """A web server on 127.0.0.1 answering each path with what *routes* says: (status,
    headers, body) or a callable that writes the answer itself."""

    def __init__(self, routes: dict) -> None:
        import http.server
        import threading


        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                answer = routes.get(self.path, (404, {}, b"not here"))
                if callable(answer):
                    return answer(self)
                status, headers, body = answer
                self.send_response(status)
                for key, value in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_a_server_that_trickles_its_answer_is_given_up_on_not_waited_for(tmp_path):
    # one byte every 0.2 s never trips the per-byte timeout; the page would take 60 s
    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", "300")
        handler.end_headers()
        try:
            for _ in range(300):
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass  # the fetcher hung up

    page = (SITE / "baocaobang/tiem-vac-xin-vung-cao.html").read_bytes()
    with _Hostile({"/robots.txt": (404, {}, b""), "/cham.html": trickle,
                   "/bai.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page)}) as server:
        started = time.monotonic()
        report = fetching.fetch([f"{server.base}/cham.html", f"{server.base}/bai.html"], tmp_path / "pages",
                                fetching.Options(delay=0, timeout=1.0, retries=1, max_seconds=1.5))
        took = time.monotonic() - started
    assert took < 10, f"the slow server held the run {took:.0f} s"
    [(url, why)] = report.failed
    assert url == f"{server.base}/cham.html" and "still coming after 1.5 s" in why
    assert report.fetched == [f"{server.base}/bai.html"]  # the next page is fetched all the same
    # a shorter --timeout shortens the whole answer's too (six timeouts): `--timeout 5`
    # was held 120 s a page by a server sending a byte every half second (an attacker's run)
    with _Hostile({"/robots.txt": (404, {}, b""), "/cham.html": trickle}) as server:
        report = fetching.fetch([f"{server.base}/cham.html"], tmp_path / "pages2",
                                fetching.Options(delay=0, timeout=0.3, retries=0))
    assert "still coming after 1.8 s" in report.failed[0][1]


def test_a_gzipped_sitemap_is_read_and_a_gzip_bomb_is_refused(tmp_path):
    import gzip

    def sitemap(*paths: str, padding: int = 0) -> bytes:
        urls = "".join(f"<url><loc>{p}</loc></url>" for p in paths)
        return (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}'
                + " " * padding + "</urlset>").encode()

    page = (SITE / "baocaobang/tiem-vac-xin-vung-cao.html").read_bytes()
    good = sitemap("/bai.html")
    bomb = gzip.compress(sitemap("/bai-khac.html", padding=200 * 1024 * 1024), 9)  # 200 MB in 200 kB
    assert len(bomb) < 400_000
    html = {"Content-Type": "text/html; charset=utf-8"}
    with _Hostile({"/robots.txt": (404, {}, b""), "/bai.html": (200, html, page), "/bai-khac.html": (200, html, page),
                   "/sitemap.xml.gz": (200, {"Content-Type": "application/gzip"}, gzip.compress(good)),
                   "/bomb.xml.gz": (200, {"Content-Type": "application/gzip"}, bomb)}) as server:
        report = fetching.fetch([f"{server.base}/sitemap.xml.gz", f"{server.base}/bomb.xml.gz"], tmp_path / "pages",
                                fetching.Options(delay=0, timeout=5, retries=0))
    assert report.listed == [(f"{server.base}/sitemap.xml.gz", "sitemap", 1)]
    assert report.fetched == [f"{server.base}/bai.html"]
    assert report.failed == [(f"{server.base}/bomb.xml.gz", "unpacks to more than 20 MB; not a sitemap")]


def test_an_article_taken_down_with_a_200_page_keeps_the_copy_saved_before(runner, tmp_path):
    # Vietnamese papers answer a removed article with 200 and a "not found" page: fetching
    # it again must not overwrite the article saved before (reindex would lose it)
    from indexer import indexing

    page = (SITE / "baocaobang/tiem-vac-xin-vung-cao.html").read_bytes()
    gone = ("<!doctype html><html><head><title>Báo Cao Bằng</title></head><body><nav>Trang chủ | Thời sự</nav>"
            "<h1>Bài viết không tồn tại</h1><p>Bài viết bạn tìm đã bị gỡ.</p></body></html>").encode("utf-8")
    answers = [page, gone]
    html = {"Content-Type": "text/html; charset=utf-8"}

    def article(handler):
        body = answers[0] if len(answers) == 2 else answers[-1]
        handler.send_response(200)
        handler.send_header("Content-Type", html["Content-Type"])
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    pages, index = tmp_path / "index-pages", tmp_path / "index"
    with _Hostile({"/robots.txt": (404, {}, b""), "/bai.html": article}) as server:
        url = f"{server.base}/bai.html"
        first = fetching.fetch([url], pages, fetching.Options(delay=0, retries=0))
        assert first.fetched == [url]
        indexing.update(index, [pages])
        before = indexed(index)
        assert [title for title, *_ in before.values()] == ["Cao Bằng: Đưa vắc xin đến trẻ em vùng cao"]
        answers.pop(0)  # the paper takes the article down
        second = fetching.fetch([url], pages, fetching.Options(delay=0, retries=0))
    assert second.fetched == []
    [(skipped, why)] = second.skipped
    assert skipped == url and why.startswith("the new answer holds no article (") and "is kept" in why
    result = runner.invoke(cli, ["reindex", "--index", str(index), "--procs", "1"])
    assert result.exit_code == 0, result.output
    assert indexed(index) == before  # rebuilt from the pages folder: still there


def test_a_page_holding_no_article_is_named_once_not_on_every_run(runner, tmp_path):
    # a page of links or a "not found" page sent with 200 (with the time in it, so no two
    # answers are alike), from a server without ETag or Last-Modified, listed by a feed:
    # it was kept, and every later fetch (and --every, and cron) exited 3 naming it again;
    # now it is named once and not kept, and asked again on each run until it holds an article
    page = (SITE / "baocaobang/tiem-vac-xin-vung-cao.html").read_bytes()
    holds_article = []

    def answer(handler):
        body = page if holds_article else (
            "<!doctype html><html><head><title>Báo Cao Bằng</title></head><body><nav>Trang chủ | Thời sự</nav>"
            f"<h1>Trang đang bảo trì</h1><p>Lúc {time.time()}</p></body></html>").encode("utf-8")
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title><item><title>Bài</title>'
           '<link>/bai.html</link><pubDate>Mon, 30 Nov 2026 04:00:00 GMT</pubDate></item></channel></rss>').encode()
    index = tmp_path / "index"
    with _Hostile({"/robots.txt": (404, {}, b""), "/bai.html": answer,
                   "/rss.xml": (200, {"Content-Type": "application/rss+xml"}, rss)}) as server:
        args = ["fetch", f"{server.base}/rss.xml", "--index", str(index), "--delay", "0", "--retries", "0"]
        first = runner.invoke(cli, args)
        assert first.exit_code == 3 and "Fetched 0, unchanged 0, skipped 0, failed 1." in first.stdout
        assert f"failed: {server.base}/bai.html: holds no article (" in first.stderr
        assert not list((tmp_path / "index-pages").rglob("*.html"))
        again = runner.invoke(cli, args)
        assert again.exit_code == 0, again.output
        assert "Fetched 0, unchanged 1, skipped 0, failed 0." in again.stdout and "bai.html" not in again.stderr
        holds_article.append(True)  # the address now holds an article, its feed date unchanged: saved and indexed
        third = runner.invoke(cli, args)
    assert third.exit_code == 0 and "Fetched 1, " in third.stdout and "Added 1" in third.stdout, third.output


def test_a_feed_cannot_send_the_fetcher_to_local_files_or_ftp(tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text("<html><body><h1>Mật khẩu</h1></body></html>", encoding="utf-8")
    rss = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title>'
           f'<item><title>Một</title><link>{secret.as_uri()}</link></item>'
           f'<item><title>Hai</title><link>/di-tiep.html</link></item></channel></rss>').encode()
    with _Hostile({"/robots.txt": (404, {}, b""), "/rss.xml": (200, {"Content-Type": "application/rss+xml"}, rss),
                   "/di-tiep.html": (302, {"Location": "ftp://127.0.0.1/secret.html"}, b"")}) as server:
        report = fetching.fetch([f"{server.base}/rss.xml"], tmp_path / "pages", fetching.Options(delay=0, retries=1))
    # (the file: URL comes out of the feed as urljoin writes it, file://tmp/...: still a local file)
    assert [(u.split(":")[0], why) for u, why in report.skipped] == [
        ("file", "not a web address (http:// or https://); not fetched")]
    assert report.failed == [(f"{server.base}/di-tiep.html",
                              "redirected to 'ftp://127.0.0.1/secret.html', not a web address; not followed")]
    assert report.fetched == [] and not list((tmp_path / "pages").rglob("*.html"))


def test_the_state_is_written_once_a_run_and_a_journal_cut_short_by_a_kill_is_read_back(site, tmp_path, monkeypatch):
    # rewriting the whole state after each page cost 0.35 s and 21 MB of writes a page
    # once it held 50,000 pages; each change now goes to a journal, folded in at the end
    pages = tmp_path / "pages"
    writes = []
    real = fetching._write_atomic
    monkeypatch.setattr(fetching, "_write_atomic", lambda path, data: (writes.append(path.name), real(path, data)))
    options = fetching.Options(delay=0.05, timeout=0.5, retries=1)
    report = fetching.fetch([f"{site.base}/rss.xml"], pages, options)
    assert len(report.fetched) == 5  # and the page holding no article, not kept
    assert writes.count(fetching.STATE) == 1
    assert not (pages / fetching.JOURNAL).exists()
    saved = fetching.State(pages).pages
    # a run killed mid-write: its journal holds two changes and half of a third
    gone = json.dumps({"s": "pages", "k": next(iter(saved)), "v": None})
    (pages / fetching.JOURNAL).write_text(
        json.dumps({"s": "gone", "k": f"{site.base}/bai-moi.html", "v": {"status": 410, "when": "2026-11-30"}})
        + "\n" + gone + "\n" + gone[:25], encoding="utf-8")
    state = fetching.State(pages)
    assert set(state.pages) == set(saved) - {next(iter(saved))}
    assert state.gone[f"{site.base}/bai-moi.html"]["status"] == 410


def test_a_sitemap_index_that_lists_itself_is_read_once_not_forever(tmp_path):
    # a spider trap: the index lists itself and its one sitemap 50 times each; followed
    # as listed, three levels deep, that is 100**3 requests
    asked = []
    page = (SITE / "baocaobang/tiem-vac-xin-vung-cao.html").read_bytes()
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    index = (f'<?xml version="1.0"?><sitemapindex {ns}>'
             + "<sitemap><loc>/index.xml</loc></sitemap><sitemap><loc>/sitemap.xml</loc></sitemap>" * 50
             + "</sitemapindex>").encode()
    sitemap = f'<?xml version="1.0"?><urlset {ns}><url><loc>/bai.html</loc></url></urlset>'.encode()

    def answer(body: bytes, ctype: str):
        def send(handler):
            asked.append(handler.path)
            handler.send_response(200)
            handler.send_header("Content-Type", ctype)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        return send

    with _Hostile({"/robots.txt": (404, {}, b""), "/index.xml": answer(index, "application/xml"),
                   "/sitemap.xml": answer(sitemap, "application/xml"),
                   "/bai.html": answer(page, "text/html; charset=utf-8")}) as server:
        report = fetching.fetch([f"{server.base}/index.xml"], tmp_path / "pages", fetching.Options(delay=0))
    assert asked == ["/index.xml", "/sitemap.xml", "/bai.html"]
    assert report.fetched == [f"{server.base}/bai.html"] and not report.failed


def test_an_update_dated_in_another_time_zone_is_fetched(tmp_path):
    # the sitemap dates the article 10:30 in Việt Nam (03:30 UTC); the feed, read by
    # feedparser in UTC, dates its update 04:00 UTC: newer, though "04:00" < "10:30" as text
    asked = []
    page = (SITE / "baocaobang/tiem-vac-xin-vung-cao.html").read_bytes()
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    sitemap = (f'<?xml version="1.0"?><urlset {ns}><url><loc>/bai.html</loc>'
               '<lastmod>2026-11-30T10:30:00+07:00</lastmod></url></urlset>').encode()
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title><item><title>Bài</title>'
           '<link>/bai.html</link><pubDate>Mon, 30 Nov 2026 04:00:00 GMT</pubDate></item></channel></rss>').encode()

    def article(handler):
        asked.append(handler.path)
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(page)))
        handler.end_headers()
        handler.wfile.write(page)

    pages = tmp_path / "pages"
    with _Hostile({"/robots.txt": (404, {}, b""), "/bai.html": article,
                   "/sitemap.xml": (200, {"Content-Type": "application/xml"}, sitemap),
                   "/rss.xml": (200, {"Content-Type": "application/rss+xml"}, rss)}) as server:
        first = fetching.fetch([f"{server.base}/sitemap.xml"], pages, fetching.Options(delay=0))
        second = fetching.fetch([f"{server.base}/rss.xml"], pages, fetching.Options(delay=0))
        third = fetching.fetch([f"{server.base}/rss.xml"], pages, fetching.Options(delay=0))
    assert first.fetched == second.fetched == [f"{server.base}/bai.html"]
    assert asked == ["/bai.html", "/bai.html"]  # the feed's newer date asked again; the same date not
    assert third.skipped == [(f"{server.base}/bai.html", "already saved, and its feed or sitemap gives no newer date")]


def test_endless_redirects_are_given_up_on_once_not_retried(tmp_path):
    asked = []

    def onward(handler):  # /0.html -> /1.html -> /2.html -> ... for ever
        asked.append(handler.path)
        step = int(handler.path.strip("/").split(".")[0])
        handler.send_response(302)
        handler.send_header("Location", f"/{step + 1}.html")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    class Routes(dict):
        def get(self, path, default=None):
            return (404, {}, b"") if path == "/robots.txt" else onward

    with _Hostile(Routes()) as server:
        report = fetching.fetch([f"{server.base}/0.html"], tmp_path / "pages",
                                fetching.Options(delay=0, retries=2, backoff=0.01))
    assert report.failed == [(f"{server.base}/0.html", "HTTP 302: redirected more than 5 times, or in a circle, "
                                                        "or without a Location; not followed")]
    assert asked == [f"/{n}.html" for n in range(6)]  # the first request and five redirects, once


# -- a sixth user trial (issue #15): a provincial paper served locally ------------------------------

class _Paper:
    """A small paper on 127.0.0.1 whose pages, feeds and sitemaps a test writes and changes
    between runs (*pages*: path -> (Content-Type, body), a status, or a function giving one
    of them on each request; *moved*: path -> where it redirects); every request is logged
    with its full path (query included) and the host it was asked by."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.pages: dict[str, tuple[str, bytes] | int | Callable] = {"/robots.txt": 404}
        self.moved: dict[str, str] = {}
        self.log: list[tuple[str, str]] = []
        paper = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                paper.log.append((self.headers.get("Host", ""), self.path))
                if self.path in paper.moved:
                    self.send_response(301)
                    self.send_header("Location", paper.moved[self.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                answer = paper.pages.get(self.path.split("?", 1)[0], 404)
                answer = answer() if callable(answer) else answer
                status, (ctype, body) = (answer, ("text/html; charset=utf-8", b"<h1>404</h1>")) \
                    if isinstance(answer, int) else (200, answer)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def asked(self, path: str) -> list[str]:
        """The requests made for *path* (with any query), as host + path."""
        return [host + full for host, full in self.log if full.split("?", 1)[0] == path]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        """Stop answering: the port refuses connections from then on."""
        self.server.shutdown()
        self.server.server_close()


def _bai(title: str, paragraphs: list[str], canonical: str | None = None, date_line: str | None = None,
         head: str = "") -> tuple[str, bytes]:
    """An article page as Báo Xứ Lạng writes it (no date unless *date_line* is given)."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    when = f'<div class="date">{date_line}</div>' if date_line else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} - Báo Xứ Lạng</title>'
            f'{link}{head}</head><body><nav><a href="/">Trang chủ</a> <a href="/thoi-su/">Thời sự</a></nav>'
            f'<article><h1>{title}</h1>{when}<div class="content">{body}</div></article>'
            '<footer>Báo Xứ Lạng điện tử. Giấy phép số 123/GP-BTTTT.</footer></body></html>')
    return "text/html; charset=utf-8", page.encode("utf-8")


def _rss(*items: tuple[str, str], built: str | None = None) -> tuple[str, bytes]:
    """A feed of (link, pubDate) items; *built*: its lastBuildDate."""
    entries = "".join(f"<item><title>Tin</title><link>{link}</link><pubDate>{date}</pubDate></item>"
                      for link, date in items)
    build = f"<lastBuildDate>{built}</lastBuildDate>" if built else ""
    return "application/rss+xml; charset=utf-8", (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Xứ Lạng - Thời sự</title>'
        f"{build}{entries}</channel></rss>").encode("utf-8")


def _sitemap(*urls: tuple[str, str], news: bool = False) -> tuple[str, bytes]:
    """A sitemap of (loc, lastmod) urls; with *news*, a Google News sitemap whose date is
    the news:publication_date instead."""
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if news:
        ns += ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
        rows = "".join(f"<url><loc>{loc}</loc><news:news><news:publication><news:name>Báo Xứ Lạng</news:name>"
                       f"<news:language>vi</news:language></news:publication><news:publication_date>{date}"
                       "</news:publication_date><news:title>Tin</news:title></news:news></url>" for loc, date in urls)
    else:
        rows = "".join(f"<url><loc>{loc}</loc><lastmod>{date}</lastmod></url>" for loc, date in urls)
    return "application/xml", f'<?xml version="1.0" encoding="UTF-8"?><urlset {ns}>{rows}</urlset>'.encode("utf-8")


LU = ["Mưa lớn kéo dài từ đêm 27/11 khiến nước sông Kỳ Cùng dâng cao, nhiều tuyến đường liên xã tại huyện "
      "Tràng Định bị chia cắt, hơn 300 hộ dân phải sơ tán đến nơi an toàn.",
      "UBND huyện đã huy động lực lượng công an, quân sự và đoàn viên thanh niên hỗ trợ người dân di chuyển "
      "tài sản, gia súc lên vùng cao."]
LU_SUA = LU + ["Cập nhật: đến 6 giờ sáng 1/12, nước đã rút, các tuyến đường liên xã thông xe trở lại."]


def _texts(index: Path) -> dict[str, str]:
    searcher = Searcher(index)
    result = searcher.search(SearchRequest.from_params({"q": "", "per_page": "100", "group": "0"}))
    return {hit.id: searcher.article(hit.id).body for hit in result.hits}


@pytest.mark.parametrize("sitemap_first", [False, True])
def test_a_correction_the_sitemap_dates_later_is_fetched_whatever_the_order_of_the_lists(tmp_path, sitemap_first):
    # a user trial: the feed, given first, dated the article 28/11; the sitemap dated its
    # correction 1/12: "already saved, and its feed or sitemap gives no newer date"
    pages, index = tmp_path / "index-pages", tmp_path / "index"
    with _Paper() as paper:
        url = f"{paper.base}/thoi-su/mua-lu-trang-dinh.html"
        paper.pages.update({"/thoi-su/mua-lu-trang-dinh.html": _bai("Mưa lũ gây ngập úng ở Tràng Định", LU, url),
                            "/rss.xml": _rss((url, "Sat, 28 Nov 2026 17:40:00 +0700")),
                            "/sitemap.xml": _sitemap((url, "2026-11-28T17:40:00+07:00"))})
        lists = [f"{paper.base}/sitemap.xml", f"{paper.base}/rss.xml"]
        lists = lists if sitemap_first else lists[::-1]
        assert fetching.run(lists, index, pages, fetching.Options(delay=0))[0].fetched == [url]
        paper.pages["/thoi-su/mua-lu-trang-dinh.html"] = _bai("Mưa lũ gây ngập úng ở Tràng Định", LU_SUA, url)
        paper.pages["/sitemap.xml"] = _sitemap((url, "2026-12-01T06:20:00+07:00"))
        report, indexed_now = fetching.run(lists, index, pages, fetching.Options(delay=0))
    assert report.fetched == [url] and report.skipped == []
    assert indexed_now.updated == 1
    assert "nước đã rút" in _texts(index)[url]
    assert len(paper.asked("/thoi-su/mua-lu-trang-dinh.html")) == 2


def test_one_article_under_several_addresses_is_indexed_once_and_its_correction_indexed(runner, tmp_path):
    # a user trial: the feed linked x.html?utm_source=rss&utm_medium=feed, the sitemap x.html, another
    # sitemap the same page on localhost: three downloads, three files, the stale one indexed
    # ("id already used", exit 3 on every run) and the correction never searchable. The
    # tracking parameters are dropped (one download); the other address's copy is kept on
    # disk, and the index takes the newer of the two (one canonical URL and one headline)
    index = tmp_path / "index"
    with _Paper() as paper:
        url = f"{paper.base}/xa-hoi/thu-vien-so.html"
        alias = f"http://localhost:{paper.port}/xa-hoi/thu-vien-so.html"
        paper.pages.update({
            "/xa-hoi/thu-vien-so.html": _bai("Ra mắt thư viện số cho trường học vùng cao", LU, url),
            "/rss.xml": _rss((url + "?utm_source=rss&amp;utm_medium=feed&amp;fbclid=IwAR0x",
                              "Sun, 29 Nov 2026 09:10:00 +0700")),
            "/sitemap.xml": _sitemap((url, "2026-11-29T09:10:00+07:00")),
            "/moi.xml": _sitemap((alias, "2026-11-29T09:10:00+07:00"))})
        args = ["fetch", f"{paper.base}/rss.xml", f"{paper.base}/sitemap.xml", f"{paper.base}/moi.xml",
                "--index", str(index), "--delay", "0"]
        first = runner.invoke(cli, args)
        assert first.exit_code == 0, first.output
        assert paper.asked("/xa-hoi/thu-vien-so.html") == [f"127.0.0.1:{paper.port}/xa-hoi/thu-vien-so.html",
                                                          f"localhost:{paper.port}/xa-hoi/thu-vien-so.html"]
        saved = sorted((tmp_path / "index-pages").rglob("*.html"))
        assert len(saved) == 2 and "Added 1, updated 0" in first.stdout
        assert "saved twice; the newer copy was indexed" in first.stderr
        # the paper corrects the article; the alias's sitemap says so
        paper.pages["/xa-hoi/thu-vien-so.html"] = _bai("Ra mắt thư viện số cho trường học vùng cao", LU_SUA, url)
        paper.pages["/moi.xml"] = _sitemap((alias, "2026-12-01T07:30:00+07:00"))
        second = runner.invoke(cli, args)
    assert second.exit_code == 0, second.output
    assert "Fetched 1, " in second.stdout and "updated 1" in second.stdout
    assert sorted((tmp_path / "index-pages").rglob("*.html")) == saved
    assert list(_texts(index)) == [url] and "nước đã rút" in _texts(index)[url]


def test_tracking_parameters_are_dropped_and_other_parameters_kept():
    assert fetching.clean_url("http://baoxulang.vn/a.html?utm_source=rss&utm_medium=feed#binh-luan") == \
        "http://baoxulang.vn/a.html"
    assert fetching.clean_url("http://baoxulang.vn/tin.aspx?id=901&cat=2&gclid=x&zarsrc=30&gidzl=y") == \
        "http://baoxulang.vn/tin.aspx?id=901&cat=2"
    assert fetching.clean_url("http://baoxulang.vn/tim-kiem?q=x%C3%A3+h%E1%BB%99i") == \
        "http://baoxulang.vn/tim-kiem?q=x%C3%A3+h%E1%BB%99i"
    # the other pieces of the query stay as written (a reviewer: re-encoded, "Tin.aspx?12345"
    # became "Tin.aspx?12345=", which answered 404), and a page of routes keeps its route
    assert fetching.clean_url("http://baoq.vn/Tin.aspx?12345&utm_source=zalo") == "http://baoq.vn/Tin.aspx?12345"
    assert fetching.clean_url("http://a.vn/x?a=1;b=2&fbclid=Z") == "http://a.vn/x?a=1;b=2"
    assert fetching.clean_url("http://a.vn/x?path=/a/b&_ga=1") == "http://a.vn/x?path=/a/b"
    assert fetching.clean_url("http://a.vn/#!/tin/123") == "http://a.vn/#!/tin/123"


def test_the_listed_date_is_read_only_where_fetch_writes_it():
    """A reviewer: a page's own `<!-- timtin: listed 1999-01-01 -->` dated its article."""
    saved = b"<!-- saved from url=(0020)http://a.vn/tin.html -->\n<!-- timtin: listed 2026-11-29T06:45:00+07:00 -->\n"
    assert webpages.listed_date(saved + b"<html></html>") == dt.date(2026, 11, 29)
    planted = b"<!-- saved from url=(0020)http://a.vn/tin.html -->\n<html><head><!-- timtin: listed 1999-01-01 -->"
    assert webpages.listed_date(planted) is None
    assert webpages.listed_date(b"<html><!-- timtin: listed 1999-01-01 --></html>") is None


def test_the_publication_date_is_the_earliest_a_list_gives_whatever_their_order():
    """A reviewer: a sitemap's lastmod (a correction's time) dated the article when its list came first."""
    for order in ((("2026-12-01T10:00:00+07:00", "sitemap"), ("2026-11-28T06:45:00+07:00", "rss")),
                  (("2026-11-28T06:45:00+07:00", "rss"), ("2026-12-01T10:00:00+07:00", "sitemap"))):
        listed = fetching.Listed()
        for when, where in order:
            listed.add(when, when, None, where)
        assert (listed.published, listed.date) == ("2026-11-28T06:45:00+07:00", "2026-12-01T10:00:00+07:00")


def test_an_address_gone_is_asked_again_once_its_feed_dates_it_later_or_days_after(tmp_path):
    # a user trial: the feed listed the article before the page was published (a CMS hiccup):
    # one 404 and it was never asked again, even when the feed gave it a newer date
    pages = tmp_path / "pages"
    with _Paper() as paper:
        url = f"{paper.base}/kinh-te/cua-khau-huu-nghi.html"
        paper.pages["/rss.xml"] = _rss((url, "Mon, 30 Nov 2026 08:00:00 +0700"))
        first = fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
        assert [u for u, _ in first.failed] == [url]
        paper.pages["/kinh-te/cua-khau-huu-nghi.html"] = _bai("Cửa khẩu Hữu Nghị thông quan 1.200 xe", LU, url)
        same_date = fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
        assert same_date.fetched == [] and same_date.skipped[0][1].startswith("gone (HTTP 404 on ")
        paper.pages["/rss.xml"] = _rss((url, "Mon, 30 Nov 2026 09:30:00 +0700"))
        later = fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
    assert later.fetched == [url]
    assert len(paper.asked("/kinh-te/cua-khau-huu-nghi.html")) == 2


def test_an_address_gone_is_asked_again_after_days_without_a_newer_date(tmp_path):
    pages = tmp_path / "pages"
    with _Paper() as paper:
        url = f"{paper.base}/kinh-te/gia-rau.html"
        paper.pages["/rss.xml"] = _rss((url, "Mon, 30 Nov 2026 08:00:00 +0700"))
        fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
        state = json.loads((pages / fetching.STATE).read_text(encoding="utf-8"))
        when = dt.datetime.fromisoformat(state["gone"][url]["when"])
        state["gone"][url]["when"] = (when - dt.timedelta(days=fetching.GONE_RETRY_DAYS, minutes=1)).isoformat()
        (pages / fetching.STATE).write_text(json.dumps(state), encoding="utf-8")
        paper.pages["/kinh-te/gia-rau.html"] = _bai("Giá rau xanh tăng mạnh sau đợt rét", LU, url)
        again = fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
    assert again.fetched == [url]


@pytest.mark.parametrize("text, iso", [
    ("29/11/2026 06:45", "2026-11-29T06:45:00+07:00"),
    ("29-11-2026", "2026-11-29T00:00:00+07:00"),
    ("06:45 29/11/2026", "2026-11-29T06:45:00+07:00"),
    ("Sun, 29 Nov 2026 06:45:00 +0700", "2026-11-29T06:45:00+07:00"),
    ("2026-11-30T10:30:00+07:00", "2026-11-30T10:30:00+07:00"),
    ("2026-11-30T03:30:00Z", "2026-11-30T03:30:00+00:00"),
    ("Thứ Hai, 31/02/2026", None),
    ("ngày 14 tháng 11", None),
])
def test_feed_dates_are_read_the_vietnamese_way_too(text, iso):
    assert fetching.read_date(text) == iso


def test_a_page_without_a_date_takes_its_feeds_or_news_sitemaps_date_and_reindex_keeps_it(runner, tmp_path):
    # a user trial: "29/11/2026 06:45" was "cannot read the date", news:publication_date was
    # ignored, and a page without a date of its own was indexed undated
    index = tmp_path / "index"
    with _Paper() as paper:
        a, b, c = (f"{paper.base}/thoi-su/{slug}.html" for slug in ("ret-dam", "tiem-vac-xin", "hoi-cho"))
        paper.pages.update({
            "/thoi-su/ret-dam.html": _bai("Không khí lạnh tăng cường, vùng núi rét đậm", LU, a),
            "/thoi-su/tiem-vac-xin.html": _bai("Tiêm vắc xin sởi cho trẻ vùng cao", LU, b),
            "/thoi-su/hoi-cho.html": _bai("Khai mạc hội chợ thương mại Lạng Sơn", LU, c, date_line="30/11/2026 08:00"),
            "/rss.xml": _rss((a, "29/11/2026 06:45"), (c, "29-11-2026")),
            "/news.xml": _sitemap((b, "2026-11-28T07:00:00+07:00"), news=True)})
        result = runner.invoke(cli, ["fetch", f"{paper.base}/rss.xml", f"{paper.base}/news.xml",
                                     "--index", str(index), "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert "cannot read the date" not in result.stderr
    dates = {u: d for u, (_, d, *_) in indexed(index).items()}
    # the page's own date first (30/11), the feed's or the sitemap's for the pages without
    assert dates == {a: "2026-11-29", b: "2026-11-28", c: "2026-11-30"}
    again = runner.invoke(cli, ["reindex", "--index", str(index), "--procs", "1"])
    assert again.exit_code == 0, again.output
    assert {u: d for u, (_, d, *_) in indexed(index).items()} == dates


HOME = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Báo Xứ Lạng điện tử</title>{feeds}'
        '</head><body><nav><a href="/thoi-su/">Thời sự</a> <a href="/kinh-te/">Kinh tế</a></nav><ul>'
        '<li><a href="/thoi-su/mua-lu.html">Mưa lũ gây ngập úng ở Tràng Định</a></li>'
        '<li><a href="/kinh-te/cua-khau.html">Cửa khẩu Hữu Nghị thông quan 1.200 xe</a></li></ul></body></html>')


def test_a_home_page_given_reads_the_feeds_it_advertises_on_every_run(runner, tmp_path):
    # a user trial: "no article ... Remove it, or save the article again", then "unchanged 1", exit 0, no index
    index = tmp_path / "index"
    with _Paper() as paper:
        url = f"{paper.base}/thoi-su/mua-lu.html"
        feed = '<link rel="alternate" type="application/rss+xml" title="Thời sự" href="/rss/thoi-su.rss">'
        paper.pages.update({
            "/": ("text/html; charset=utf-8", HOME.format(feeds=feed).encode("utf-8")),
            "/robots.txt": ("text/plain", f"User-agent: *\nDisallow: /admin/\nSitemap: {paper.base}/sitemap.xml\n"
                            .encode()),
            "/rss/thoi-su.rss": _rss((url, "Mon, 30 Nov 2026 08:15:00 +0700")),
            "/thoi-su/mua-lu.html": _bai("Mưa lũ gây ngập úng ở Tràng Định", LU, url)})
        args = ["fetch", f"{paper.base}/", "--index", str(index), "--delay", "0"]
        first = runner.invoke(cli, args)
        second = runner.invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert (f"warning: {paper.base}/ holds no article; it advertises the feed {paper.base}/rss/thoi-su.rss: "
            "read in its stead") in first.stderr
    assert f"its robots.txt also names the sitemap {paper.base}/sitemap.xml, not read" in first.stderr
    assert "Fetched 1, " in first.stdout and "Added 1, " in first.stdout
    assert "Remove it" not in first.stderr
    assert second.exit_code == 0 and "read in its stead" in second.stderr
    assert list(indexed(index)) == [url]


def test_a_home_page_without_feeds_names_the_sitemaps_of_robots_txt_on_every_run(runner, tmp_path):
    index = tmp_path / "index"
    with _Paper() as paper:
        paper.pages.update({
            "/": ("text/html; charset=utf-8", HOME.format(feeds="").encode("utf-8")),
            "/robots.txt": ("text/plain", f"User-agent: *\nSitemap: {paper.base}/sitemap.xml\n".encode())})
        args = ["fetch", f"{paper.base}/", "--index", str(index), "--delay", "0"]
        runs = [runner.invoke(cli, args) for _ in range(2)]
    for result in runs:
        assert result.exit_code == 3, result.output
        assert f"failed: {paper.base}/: holds no article (" in result.stderr
        assert f"its robots.txt names the sitemap {paper.base}/sitemap.xml: give one of them instead" in result.stderr
        assert "Remove it" not in result.stderr


def test_skipped_pages_are_named_and_feed_date_warnings_are_for_pages_fetched(runner, tmp_path):
    # a user trial: "skipped 3: robots.txt ... disallows it" named none of them, and the warning
    # on a feed's date came back on every run for a page already saved
    index = tmp_path / "index"
    with _Paper() as paper:
        url = f"{paper.base}/van-hoa/le-hoi.html"
        private = [f"{paper.base}/noi-bo/bai-{n}.html" for n in range(5)]
        paper.pages.update({
            "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /noi-bo/\n"),
            "/van-hoa/le-hoi.html": _bai("Lễ hội Đồng Kình thu hút hàng nghìn du khách", LU, url,
                                         date_line="14/11/2026 09:00"),
            "/rss.xml": _rss((url, "ngày 14 tháng 11"), *((p, "Mon, 30 Nov 2026 08:00:00 +0700") for p in private))})
        args = ["fetch", f"{paper.base}/rss.xml", "--index", str(index), "--delay", "0"]
        first = runner.invoke(cli, args)
        second = runner.invoke(cli, args)
    assert (f"warning: {paper.base}/rss.xml: cannot read the date 'ngày 14 tháng 11' of {url}; fetched without it"
            in first.stderr)
    assert (f"skipped 5: robots.txt of {paper.base} disallows it: {private[0]}, {private[1]}, {private[2]} "
            "and 2 more") in first.stderr
    assert "cannot read the date" not in second.stderr
    assert f"skipped 1: already saved, and its feed or sitemap gives no newer date: {url}" in second.stderr


def test_a_saved_article_now_404_is_said_to_stay_searchable(tmp_path):
    pages = tmp_path / "pages"
    with _Paper() as paper:
        url = f"{paper.base}/thoi-su/mua-lu.html"
        paper.pages["/thoi-su/mua-lu.html"] = _bai("Mưa lũ gây ngập úng ở Tràng Định", LU, url)
        paper.pages["/rss.xml"] = _rss((url, "Mon, 30 Nov 2026 08:00:00 +0700"))
        fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
        paper.pages["/thoi-su/mua-lu.html"] = 404
        paper.pages["/rss.xml"] = _rss((url, "Tue, 01 Dec 2026 08:00:00 +0700"))
        report = fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
    [(failed, why)] = report.failed
    assert failed == url and why.startswith("HTTP 404: the paper took it down or moved it; the copy saved ")
    assert "stays indexed and searchable (delete that file and run timtin reindex to drop it)" in why


def test_a_site_refusing_connections_is_said_to_be_unreachable(runner, tmp_path):
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = runner.invoke(cli, ["fetch", f"http://127.0.0.1:{port}/rss.xml", "--index", str(tmp_path / "index"),
                                 "--delay", "0", "--retries", "0"])
    assert result.exit_code == 3
    assert f"failed: http://127.0.0.1:{port}/rss.xml: http://127.0.0.1:{port} is unreachable (cannot connect" in \
        result.stderr
    assert "robots.txt" not in result.stderr


def _fetch_until_interrupted(site, tmp_path, twice: bool):
    index = tmp_path / "index"
    proc = _start_fetch(site, index, "--delay", "0.05", "--timeout", "20", stdout=subprocess.PIPE)
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if line.startswith(f"failed {site.base}/bai-da-xoa.html"):  # the next page is the slow one
            time.sleep(0.5)
            proc.send_signal(signal.SIGINT)
            if not twice:
                break
        if twice and line.startswith("Interrupted: indexing"):
            proc.send_signal(signal.SIGINT)
            break
    started = time.monotonic()
    out, err = proc.communicate(timeout=60)
    return proc.returncode, "".join(lines) + err, index, time.monotonic() - started


def test_ctrl_c_indexes_the_pages_saved_before_it(tmp_path):
    # a user trial: the pages saved before a Ctrl-C waited for the next run to be searchable
    with serve(slow=30) as site:
        code, err, index, _ = _fetch_until_interrupted(site, tmp_path, twice=False)
    assert code == 130, err
    assert "Interrupted: indexing the pages saved so far" in err
    assert f"Interrupted: the pages saved before it are in {tmp_path / 'index-pages'} and indexed" in err
    assert indexed(index) == ARTICLES


def test_a_second_ctrl_c_stops_at_once_and_says_the_next_run_indexes(tmp_path):
    with serve(slow=30) as site:
        code, err, index, took = _fetch_until_interrupted(site, tmp_path, twice=True)
    assert code == 130, err
    assert "the next fetch (or timtin reindex) indexes them" in err
    assert took < 10


def test_a_folder_fetched_before_keeps_one_copy_of_each_address_the_one_saved_last(runner, tmp_path):
    # a user trial: a folder fetched by an earlier timtin holds the article twice (its address
    # and the same with tracking parameters): each run exited 3 ("id already used") and
    # indexed the stale copy. Copies of other addresses stay on disk (a reviewer: pages of a
    # template that names one canonical URL for all were deleted): the index takes the newer
    pages, index = tmp_path / "index-pages", tmp_path / "index"
    with _Paper() as paper:
        url = f"{paper.base}/xa-hoi/thu-vien-so.html"
        tracked = url + "?utm_source=rss&utm_medium=feed"
        alias = f"http://localhost:{paper.port}/xa-hoi/thu-vien-so.html"
        old = {tracked: ("127.0.0.1_x/thu-vien-so-1111111111.html", LU, "2026-11-29T02:00:00+00:00", 1_700_000_000),
               url: ("127.0.0.1_x/thu-vien-so-2222222222.html", LU, "2026-11-30T01:00:00+00:00", 1_700_100_000),
               alias: ("localhost_x/thu-vien-so-3333333333.html", LU_SUA, "2026-12-01T01:00:00+00:00", 1_700_200_000)}
        state = {"version": 1, "gone": {}, "lists": {}, "pages": {}}
        for address, (rel, paragraphs, saved, mtime) in old.items():
            (pages / rel).parent.mkdir(parents=True, exist_ok=True)
            page = _bai("Ra mắt thư viện số cho trường học vùng cao", paragraphs, url)[1]
            (pages / rel).write_bytes(f"<!-- saved from url=({len(address):04d}){address} -->\n".encode() + page)
            os.utime(pages / rel, (mtime, mtime))
            state["pages"][address] = {"file": rel, "etag": None, "last_modified": None,
                                       "listed": "2026-11-29T09:10:00+07:00", "saved": saved}
        (pages / fetching.STATE).write_text(json.dumps(state), encoding="utf-8")
        paper.pages["/rss.xml"] = _rss((url, "Sun, 29 Nov 2026 09:10:00 +0700"))
        result = runner.invoke(cli, ["fetch", f"{paper.base}/rss.xml", "--index", str(index), "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert f"replaced: the copy saved from {tracked} by the newer answer of {url}" in result.stderr
    assert sorted(p.relative_to(pages).as_posix() for p in pages.rglob("*.html")) == [old[url][0], old[alias][0]]
    assert paper.asked("/xa-hoi/thu-vien-so.html") == []  # healed from the disk: nothing downloaded again
    assert "saved twice; the newer copy was indexed" in result.stderr
    assert list(_texts(index)) == [url] and "nước đã rút" in _texts(index)[url]


def test_pages_of_a_template_that_names_one_canonical_url_are_all_kept(runner, tmp_path):
    """A reviewer: a paper whose template gives every article its category page as canonical
    URL lost all but the last fetched: each replaced and deleted the one before, exit 0."""
    index = tmp_path / "index"
    articles = {
        "Rét đậm rét hại ở vùng núi": ["Nhiệt độ tại Mẫu Sơn xuống dưới 2 độ C, xuất hiện băng giá trên đỉnh núi.",
                                       "Ngành nông nghiệp khuyến cáo người dân che chắn chuồng trại cho trâu bò."],
        "Tiêm vắc xin sởi cho trẻ em": ["Trung tâm Y tế huyện Cao Lộc tổ chức tiêm vắc xin sởi cho hơn 1.200 trẻ.",
                                        "Phụ huynh được hướng dẫn theo dõi phản ứng sau tiêm trong 30 phút đầu."],
        "Hội chợ nông sản Kỳ Lừa": ["Hội chợ quy tụ 150 gian hàng đặc sản như hồi, quế, na, hồng không hạt.",
                                    "Ban tổ chức dự kiến đón khoảng 20.000 lượt khách trong năm ngày diễn ra."]}
    with _Paper() as paper:
        urls = [f"{paper.base}/thoi-su/bai-{k}.html" for k in range(3)]
        for k, (title, paragraphs) in enumerate(articles.items()):
            paper.pages[f"/thoi-su/bai-{k}.html"] = _bai(title, paragraphs, f"{paper.base}/thoi-su/")
        paper.pages["/rss.xml"] = _rss(*((address, "Sun, 29 Nov 2026 09:10:00 +0700") for address in urls))
        result = runner.invoke(cli, ["fetch", f"{paper.base}/rss.xml", "--index", str(index), "--delay", "0"])
    assert "replaced:" not in result.stderr and "saved twice" not in result.stderr
    assert len(list((tmp_path / "index-pages").rglob("*.html"))) == 3  # every page kept on disk
    assert result.stderr.count("is already used by") == 2  # named, as any id two articles share


# -- a seventh user trial (issue #15): what the last one found and left ---------------------------------

def _built_each_request(links: list[str]) -> Callable[[], tuple[str, bytes]]:
    """A feed rebuilt on every request, every item dated with the time it was built (a minute
    later each time), as its lastBuildDate."""
    builds = iter(range(1000))

    def feed():
        built = email.utils.format_datetime(dt.datetime(2026, 11, 30, 8, 0, tzinfo=fetching.ICT)
                                             + dt.timedelta(minutes=next(builds)))
        return _rss(*((link, built) for link in links), built=built)

    return feed


@pytest.mark.parametrize("others", [2, 0])
def test_a_feed_dated_at_each_build_asks_an_address_gone_once_not_on_every_run(tmp_path, others):
    # a user trial: a feed rebuilt on every request dates every item "now"; an address that
    # answered 404 was "dated later" on every run, and asked again on every run
    pages = tmp_path / "pages"
    with _Paper() as paper:
        saved = [f"{paper.base}/thoi-su/bai-{k}.html" for k in range(others)]
        for k, url in enumerate(saved):
            paper.pages[f"/thoi-su/bai-{k}.html"] = _bai(["Mưa lũ ở Tràng Định", "Giá rau tăng mạnh"][k], LU, url)
        gone = f"{paper.base}/thoi-su/bai-da-go.html"
        paper.pages["/rss.xml"] = _built_each_request([*saved, gone])
        runs = [fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0)) for _ in range(3)]
    assert len(paper.asked("/rss.xml")) == 3
    assert len(paper.asked("/thoi-su/bai-da-go.html")) == 1
    assert [u for u, _ in runs[0].failed] == [gone]
    for later in runs[1:]:
        assert later.failed == []
        [(skipped, why)] = [(u, why) for u, why in later.skipped if u == gone]
        assert why.startswith("gone (HTTP 404 on ") and "asked again 20" in why


def test_an_address_gone_is_asked_again_when_a_feed_with_a_build_date_dates_the_item_later(tmp_path):
    # the other side of the same rule: a feed giving each item its own date (and a new build
    # date every time) that re-dates the item gets it asked again at once
    pages = tmp_path / "pages"
    with _Paper() as paper:
        other, url = f"{paper.base}/thoi-su/gia-rau.html", f"{paper.base}/kinh-te/cua-khau.html"
        paper.pages["/thoi-su/gia-rau.html"] = _bai("Giá rau xanh tăng mạnh sau đợt rét", LU, other)

        def feed(item: str, built: str):
            return _rss((other, "Sun, 29 Nov 2026 17:40:00 +0700"), (url, item), built=built)

        paper.pages["/rss.xml"] = feed("Mon, 30 Nov 2026 08:00:00 +0700", "Mon, 30 Nov 2026 08:00:00 +0700")
        first = fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
        paper.pages["/kinh-te/cua-khau.html"] = _bai("Cửa khẩu Hữu Nghị thông quan 1.200 xe", LU, url)
        paper.pages["/rss.xml"] = feed("Mon, 30 Nov 2026 08:00:00 +0700", "Mon, 30 Nov 2026 08:30:00 +0700")
        rebuilt = fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
        paper.pages["/rss.xml"] = feed("Mon, 30 Nov 2026 09:30:00 +0700", "Mon, 30 Nov 2026 09:30:00 +0700")
        redated = fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
    assert [u for u, _ in first.failed] == [url]
    assert rebuilt.fetched == [] and [u for u, why in rebuilt.skipped if why.startswith("gone (HTTP 404")] == [url]
    assert redated.fetched == [url]
    assert len(paper.asked("/kinh-te/cua-khau.html")) == 2


def _days_back(pages: Path, days: int) -> None:
    """Move every time of the state's gone addresses *days* back, as if they were that old."""
    state = json.loads((pages / fetching.STATE).read_text(encoding="utf-8"))
    for record in state["gone"].values():
        for key in ("when", "seen"):
            if record.get(key):
                record[key] = (dt.datetime.fromisoformat(record[key]) - dt.timedelta(days=days)).isoformat()
    (pages / fetching.STATE).write_text(json.dumps(state), encoding="utf-8")


def test_an_address_gone_and_listed_by_no_feed_for_90_days_leaves_the_state(tmp_path):
    # a user trial: fetch-state.json kept every address that ever answered 404, for ever
    pages = tmp_path / "pages"
    log: list[str] = []
    with _Paper() as paper:
        dropped, kept = f"{paper.base}/thoi-su/bai-go-1.html", f"{paper.base}/thoi-su/bai-go-2.html"
        paper.pages["/rss.xml"] = _rss((dropped, "Mon, 30 Nov 2026 08:00:00 +0700"),
                                       (kept, "Mon, 30 Nov 2026 08:10:00 +0700"))
        fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
        paper.pages["/rss.xml"] = _rss((kept, "Mon, 30 Nov 2026 08:10:00 +0700"))  # the feed moves on
        fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0))
        gone_after_days = {}
        for days in (fetching.GONE_FORGET_DAYS - 1, 2):  # 89 days unlisted, then 91
            _days_back(pages, days)
            fetching.fetch([f"{paper.base}/rss.xml"], pages, fetching.Options(delay=0), log=log.append)
            gone_after_days[days] = set(json.loads((pages / fetching.STATE).read_text(encoding="utf-8"))["gone"])
    assert gone_after_days == {fetching.GONE_FORGET_DAYS - 1: {dropped, kept}, 2: {kept}}
    assert ("forgot 1 address gone (HTTP 404 or 410) that no feed or sitemap has listed for 90 days (listed again, "
            "they are asked again)") in log
    assert not (pages / fetching.JOURNAL).exists()
    # the address still listed was asked again at its retry day, and is not forgotten
    assert len(paper.asked("/thoi-su/bai-go-2.html")) == 2 and len(paper.asked("/thoi-su/bai-go-1.html")) == 1


def test_tracking_parameters_after_a_semicolon_are_dropped_and_the_rest_kept_as_written(runner, tmp_path):
    # a user trial: tin.php?id=5;utm_source=fb;utm_medium=x kept its tracking parameters, and the
    # article was downloaded and saved twice (the sitemap lists tin.php?id=5)
    assert fetching.clean_url("https://bao.vn/tin.php?id=5;utm_source=fb;utm_medium=x") == "https://bao.vn/tin.php?id=5"
    assert fetching.clean_url("http://a.vn/x?utm_source=fb;id=5&cat=2") == "http://a.vn/x?id=5&cat=2"
    assert fetching.clean_url("http://a.vn/x?b=2;a=1;gclid=Q;c=%C3%A3&d") == "http://a.vn/x?b=2;a=1;c=%C3%A3&d"
    index = tmp_path / "index"
    with _Paper() as paper:
        url = f"{paper.base}/tin.php?id=5"
        paper.pages.update({"/tin.php": _bai("Ra mắt thư viện số cho trường học vùng cao", LU, url),
                            "/rss.xml": _rss((url + ";utm_source=fb;utm_medium=x", "Sun, 29 Nov 2026 09:10:00 +0700")),
                            "/sitemap.xml": _sitemap((url, "2026-11-29T09:10:00+07:00"))})
        result = runner.invoke(cli, ["fetch", f"{paper.base}/rss.xml", f"{paper.base}/sitemap.xml",
                                     "--index", str(index), "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Fetched 1, unchanged 0, skipped 0, failed 0.")
    assert paper.asked("/tin.php") == [f"127.0.0.1:{paper.port}/tin.php?id=5"]
    assert len(list((tmp_path / "index-pages").rglob("*.html"))) == 1


def test_two_routes_of_a_page_of_routes_redirected_are_two_saved_articles(runner, tmp_path):
    # a user trial: https://bao.vn/#/tin/123 and /#/tin/124 are two articles of a page of routes;
    # the site redirects to www., the redirect dropped the route, and both were saved in one
    # file: the first lost. A route goes with the redirect, as a browser takes it
    assert fetching.clean_url("https://bao.vn/#/tin/123") == "https://bao.vn/#/tin/123"
    assert fetching.clean_url("https://bao.vn/tin/123.html#binh-luan") == "https://bao.vn/tin/123.html"
    index = tmp_path / "index"
    titles = iter(["Khánh thành cầu treo Bản Chắt", "Giá rau xanh tăng mạnh sau đợt rét"])
    with _Paper() as paper:
        routes = [f"{paper.base}/#/tin/123", f"{paper.base}/#/tin/124"]
        paper.moved["/"] = "/app/"
        # (what the route shows, which a browser renders: one article each time it is asked)
        paper.pages["/app/"] = lambda: _bai(next(titles), LU)
        paper.pages["/rss.xml"] = _rss(*((route, "Sun, 29 Nov 2026 09:10:00 +0700") for route in routes))
        result = runner.invoke(cli, ["fetch", f"{paper.base}/rss.xml", "--index", str(index), "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert "Added 2, updated 0" in result.stdout
    assert sorted(_texts(index)) == [f"{paper.base}/app/#/tin/123", f"{paper.base}/app/#/tin/124"]
    assert len(list((tmp_path / "index-pages").rglob("*.html"))) == 2


def _paper_of_two(paper) -> list[str]:
    urls = [f"{paper.base}/tin/{k}.html" for k in range(2)]
    for k, url in enumerate(urls):
        paper.pages[f"/tin/{k}.html"] = _bai(["Khánh thành cầu treo Bản Chắt", "Giá rau xanh tăng mạnh"][k], LU, url)
    paper.pages["/rss.xml"] = _rss(*((url, "Mon, 30 Nov 2026 08:00:00 +0700") for url in urls))
    return urls


def test_a_paper_unreachable_after_a_fetch_is_named_with_what_to_do_not_its_pages_called_current(runner, tmp_path):
    # a user trial: with the paper's server down, its saved articles were "already saved, and
    # its feed or sitemap gives no newer date", a feed that could not be read at all
    args = ["--index", str(tmp_path / "index"), "--delay", "0", "--retries", "0"]
    with _Paper() as paper:
        urls = _paper_of_two(paper)
        feed = f"{paper.base}/rss.xml"
        assert runner.invoke(cli, ["fetch", feed, *args]).exit_code == 0
    down = runner.invoke(cli, ["fetch", feed, *args])
    assert down.exit_code == 3
    assert (f"failed: {feed}: {paper.base} is unreachable (cannot connect ([Errno 111] Connection refused)): no "
            "feed, sitemap or page of it was read this run, and what was saved from it before stays indexed as it "
            "was. Check the address and this computer's network (if both are right, the paper's server is down); "
            "the next run asks again\n") in down.stderr
    assert "no newer date" not in down.stderr
    assert (f"skipped 2: saved before; not checked for a newer version, as the feed or sitemap that lists it could "
            f"not be read this run (named above): {urls[0]}, {urls[1]}\n") in down.stderr
    assert down.stdout.startswith("Fetched 0, unchanged 0, skipped 2, failed 1.")
    assert "Added 0, updated 0, unchanged 2, removed 0" in down.stdout


def test_a_paper_whose_name_is_not_found_is_said_to_be_and_what_to_check(runner, tmp_path, monkeypatch):
    import socket

    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):  # no DNS asked: the name is not found, as for a typo
        if host == "baoxulang.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    result = runner.invoke(cli, ["fetch", "https://baoxulang.invalid/rss.xml", "--index", str(tmp_path / "index"),
                                 "--delay", "0", "--retries", "0"])
    assert result.exit_code == 3
    assert ("failed: https://baoxulang.invalid/rss.xml: https://baoxulang.invalid is unreachable (cannot connect "
            "(no address found for the name baoxulang.invalid: [Errno -2] Name or service not known)): no feed, "
            "sitemap or page of it was read this run, and what was saved from it before stays indexed as it was. "
            "Check that the address is spelt right and that this computer is online; the next run asks again\n"
            ) in result.stderr


def test_every_says_an_unreachable_paper_is_unreachable_run_after_run(runner, tmp_path, monkeypatch):
    # the user trial's case: `--every 15m`, and the paper's server went down between two runs
    pauses = []
    with _Paper() as paper:
        urls = _paper_of_two(paper)

        def sleep(seconds):  # the wait between two runs: the server goes down during the first
            pauses.append(seconds)
            if len(pauses) == 1:
                paper.close()
            else:
                raise KeyboardInterrupt

        monkeypatch.setattr(time, "sleep", sleep)
        result = runner.invoke(cli, ["fetch", f"{paper.base}/rss.xml", "--every", "15m", "--index",
                                     str(tmp_path / "index"), "--delay", "0", "--retries", "0"])
    assert result.exit_code == 0, result.output
    second = result.stderr.split("Next fetch in 15 min")[1]
    assert len(pauses) == 2 and result.stderr.endswith("Stopped.\n")
    assert "Fetched 2, unchanged 0, skipped 0, failed 0." in result.stdout
    assert f"failed: {paper.base}/rss.xml: {paper.base} is unreachable (cannot connect" in second
    assert "the next run asks again" in second and "no newer date" not in second
    assert "skipped 2: saved before; not checked for a newer version" in second and urls[1] in second
    assert result.stdout.count("Fetched 0, unchanged 0, skipped 2, failed 1.") == 1


# -- a review of the seventh trial's mends: what they left ---------------------------------------------------

def test_a_feed_dated_at_each_build_does_not_download_and_redate_the_saved_articles_on_every_run(tmp_path):
    # a review: a feed rebuilt on every request (every item dated when it was built, a day
    # later each run here) was taken for one only for an address gone; its saved articles
    # were downloaded again on every run (no ETag: in full) and re-saved with the new build
    # time, so an article without a date of its own moved to the day of the last run
    pages, index = tmp_path / "index-pages", tmp_path / "index"
    with _Paper() as paper:
        urls = [f"{paper.base}/thoi-su/bai-{k}.html" for k in range(3)]
        for k, url in enumerate(urls):
            paper.pages[f"/thoi-su/bai-{k}.html"] = _bai(f"Mưa lũ ở Tràng Định, bản tin số {k + 1}", LU, url)
        builds = iter(range(3))

        def feed():
            built = email.utils.format_datetime(dt.datetime(2026, 11, 28, 8, 0, tzinfo=fetching.ICT)
                                                 + dt.timedelta(days=next(builds)))
            return _rss(*((url, built) for url in urls), built=built)

        paper.pages["/rss.xml"] = feed
        runs = [fetching.run([f"{paper.base}/rss.xml"], index, pages, fetching.Options(delay=0)) for _ in range(3)]
    assert [len(paper.asked(f"/thoi-su/bai-{k}.html")) for k in range(3)] == [1, 1, 1]
    assert [report.fetched for report, _ in runs] == [urls, [], []]
    assert {date for _, date, *_ in indexed(index).values()} == {"2026-11-28"}
    for report, indexed_now in runs[1:]:
        assert indexed_now.updated == 0
        assert sorted(report.skipped) == [(url, fetching.REBUILT) for url in urls]


def _sitemap_index(*locs: str) -> tuple[str, bytes]:
    rows = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return "application/xml", (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                                f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</sitemapindex>').encode()


def test_a_sitemap_index_that_cannot_be_read_stands_in_with_its_sitemaps_not_as_pages(runner, tmp_path):
    # a review: a sitemap index that could not be read stood in with its last list, its
    # sitemaps taken for articles: with the paper down, the sitemap was "skipped" as a page and
    # the articles it lists were named nowhere; with the index alone failing (503), its
    # sitemap was fetched as a page ("not a web page"), and its new article never asked
    args = ["--index", str(tmp_path / "index"), "--delay", "0", "--retries", "0"]
    with _Paper() as paper:
        urls = [f"{paper.base}/tin/{k}.html" for k in range(3)]
        for k, url in enumerate(urls):
            paper.pages[f"/tin/{k}.html"] = _bai(["Khánh thành cầu treo Bản Chắt", "Giá rau xanh tăng mạnh",
                                                  "Cửa khẩu Hữu Nghị thông quan 1.200 xe"][k], LU, url)
        index, child = f"{paper.base}/sitemap.xml", f"{paper.base}/sitemap-1.xml"
        paper.pages["/sitemap.xml"] = _sitemap_index(child)
        paper.pages["/sitemap-1.xml"] = _sitemap(*((url, "2026-11-30T08:00:00+07:00") for url in urls[:2]))
        assert runner.invoke(cli, ["fetch", index, *args]).stdout.startswith("Fetched 2,")
        paper.pages["/sitemap.xml"] = 503
        paper.pages["/sitemap-1.xml"] = _sitemap(*((url, "2026-11-30T08:00:00+07:00") for url in urls))
        index_down = runner.invoke(cli, ["fetch", index, *args])
    down = runner.invoke(cli, ["fetch", index, *args])
    assert f"failed: {index}: HTTP 503 Service Unavailable\n" in index_down.stderr
    assert "not a web page" not in index_down.stderr
    assert index_down.stdout.startswith("Fetched 1, unchanged 0, skipped 2, failed 1."), index_down.output
    assert f"skipped 2: already saved, and its feed or sitemap gives no newer date: {urls[0]}, {urls[1]}\n" in \
        index_down.stderr
    assert "Added 1, updated 0, unchanged 2" in index_down.stdout
    assert f"skipped 3: {fetching.NOT_CHECKED}: {urls[0]}, {urls[1]}, {urls[2]}\n" in down.stderr, down.stderr
    assert not [line for line in down.stderr.splitlines() if line.startswith("skipped") and child in line]


def test_an_unreachable_paper_is_explained_once_whatever_the_number_of_its_lists(runner, tmp_path):
    # a review: each feed and sitemap of a paper that was down said the whole explanation,
    # twice (as the run went and in its report): four lists, eight times the same paragraph
    args = ["--index", str(tmp_path / "index"), "--delay", "0", "--retries", "0"]
    with _Paper() as paper:
        urls = [f"{paper.base}/tin/{k}.html" for k in range(2)]
        for k, url in enumerate(urls):
            paper.pages[f"/tin/{k}.html"] = _bai(["Khánh thành cầu treo Bản Chắt", "Giá rau xanh tăng mạnh"][k], LU, url)
        lists = [f"{paper.base}/rss.xml", f"{paper.base}/sitemap.xml", f"{paper.base}/sitemap-1.xml"]
        paper.pages["/rss.xml"] = _rss(*((url, "Mon, 30 Nov 2026 08:00:00 +0700") for url in urls))
        paper.pages["/sitemap.xml"] = _sitemap_index(f"{paper.base}/sitemap-1.xml")
        paper.pages["/sitemap-1.xml"] = _sitemap((urls[0], "2026-11-30T08:00:00+07:00"))
        assert runner.invoke(cli, ["fetch", *lists, *args, "--max-pages", "1"]).stdout.startswith("Fetched 1,")
    down = runner.invoke(cli, ["fetch", *lists, *args])
    assert down.exit_code == 3
    failed = [line for line in down.stderr.splitlines() if line.startswith("failed: ")]
    assert failed == [
        f"failed: {lists[0]}: {paper.base} is unreachable (cannot connect ([Errno 111] Connection refused)): no "
        "feed, sitemap or page of it was read this run, and what was saved from it before stays indexed as it was. "
        "Check the address and this computer's network (if both are right, the paper's server is down); the next "
        "run asks again",
        f"failed: {lists[1]}: {paper.base}: not asked this run, as said of {lists[0]} above",
        f"failed: {lists[2]}: {paper.base}: not asked this run, as said of {lists[0]} above"]
    assert down.stderr.count("is unreachable") == 2  # as the run went, and in its report
    assert f"skipped 1: {paper.base}: not asked this run, as said of {lists[0]} above: {urls[1]}\n" in down.stderr
    assert f"skipped 1: {fetching.NOT_CHECKED}: {urls[0]}\n" in down.stderr
